#define _POSIX_C_SOURCE 200809L
#include "knowledge/libtable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/vec.h"

typedef struct Parser {
  VlArena *arena;
  const char *library;
  int line;
  char *err;
  size_t errlen;
} Parser;

static bool fail(Parser *p, const char *what, const char *tok) {
  snprintf(p->err, p->errlen, "%s.tsv:%d: %s '%s'", p->library, p->line, what, tok);
  return false;
}

/* "P?A:B" or "P=False?A:B" -> cond + the two branches; anything else -> unconditional. */
static void split_cond(Parser *p, char *tok, VlLibCond *cond, char **then_, char **else_) {
  char *q = strchr(tok, '?'), *colon = q ? strchr(q, ':') : NULL;
  if (!q || !colon) {
    cond->param = NULL;
    *then_ = *else_ = tok;
    return;
  }
  *q = '\0';
  *colon = '\0';
  char *eq = strchr(tok, '=');
  cond->literal_false = eq && strcmp(eq + 1, "False") == 0;
  if (eq) *eq = '\0';
  cond->param = vl_arena_strdup(p->arena, tok);
  *then_ = q + 1;
  *else_ = colon + 1;
}

static bool parse_effect(Parser *p, const char *s, VlLibEffect *out) {
  static const struct { const char *name; VlLibEffect fx; } names[] = {
      {"view", VL_FX_VIEW},   {"copy", VL_FX_COPY},     {"producer", VL_FX_PRODUCER}, {"convert", VL_FX_CONVERT},
      {"int", VL_FX_INT},     {"scalar", VL_FX_SCALAR}, {"index", VL_FX_INDEX},
      {"views", VL_FX_VIEWS}, {"rng", VL_FX_RNG},       {"none", VL_FX_NONE},         {"module", VL_FX_MODULE},
      {"loader", VL_FX_LOADER}, {"same", VL_FX_SAME},   {"object", VL_FX_OBJECT},     {"contig", VL_FX_CONTIG},
      {"fcontig", VL_FX_FCONTIG}, {"reshape", VL_FX_RESHAPE}, {"ravel", VL_FX_RAVEL}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(s, names[i].name) == 0) return *out = names[i].fx, true;
  return fail(p, "unknown effect", s);
}

static bool parse_ndim(Parser *p, const char *s, VlNdimSpec *out) {
  *out = (VlNdimSpec){0};
  char *end;
  if (strcmp(s, "-") == 0) out->rule = VL_ND_UNKNOWN;
  else if (strcmp(s, "same") == 0) out->rule = VL_ND_SAME;
  else if (strcmp(s, "same-or-1") == 0) out->rule = VL_ND_SAME_OR_1;
  else if (strcmp(s, "args") == 0) out->rule = VL_ND_ARGS;
  else if (strcmp(s, "newshape") == 0) out->rule = VL_ND_NEWSHAPE;
  else if (strcmp(s, "stack") == 0) out->rule = VL_ND_STACK;
  else if (strcmp(s, "concat") == 0) out->rule = VL_ND_CONCAT;
  else if (strncmp(s, "min", 3) == 0 && s[3] >= '1' && s[3] <= '9' && !s[4]) out->rule = VL_ND_MIN, out->n = s[3] - '0';
  else if (strncmp(s, "shape(", 6) == 0 && s[strlen(s) - 1] == ')') {
    out->rule = VL_ND_SHAPE;
    out->param = vl_arena_strndup(p->arena, s + 6, strlen(s) - 7);
  } else if ((out->n = (int)strtol(s, &end, 10), *s && !*end && out->n >= 0 && out->n <= 64)) out->rule = VL_ND_CONST;
  else return fail(p, "unknown ndim rule", s);
  return true;
}

static bool parse_params(Parser *p, char *s, VlLibEntry *e) {
  char *save = NULL;
  for (char *tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    char *eq = strchr(tok, '=');
    if (!eq || e->nparams == VL_LIB_MAX_PARAMS) return fail(p, "bad parameter", tok);
    *eq = '\0';
    e->params[e->nparams].name = vl_arena_strdup(p->arena, tok);
    e->params[e->nparams].pos = atoi(eq + 1);
    e->nparams++;
  }
  return true;
}

static bool parse_tags(Parser *p, char *s, VlLibEntry *e) {
  char *save = NULL;
  for (char *tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
    if (strcmp(tok, "grows=seq") == 0) e->grows = VL_GROW_SEQ;
    else if (strcmp(tok, "grows=first") == 0) e->grows = VL_GROW_FIRST;
    else if (strcmp(tok, "shrinks") == 0) e->shrinks = true;
    else if (strcmp(tok, "narrows") == 0) e->narrows = true;
    else if (strcmp(tok, "layout") == 0) e->keeps_layout = true;
    else if (strcmp(tok, "ints") == 0) e->ints = true;
    else return fail(p, "unknown tag", tok);
  }
  return true;
}

static bool parse_line(Parser *p, char *line, VlLibEntry *e) {
  char *cols[6] = {0};
  int n = 0;
  char shown[160]; /* the line as written, for messages (splitting cuts it at each tab) */
  snprintf(shown, sizeof shown, "%s", line);
  for (char *t = shown; *t; t++)
    if (*t == '\t') *t = ' ';
  char *save = NULL;
  for (char *tok = strtok_r(line, "\t", &save); tok && n < 6; tok = strtok_r(NULL, "\t", &save)) cols[n++] = tok;
  if (n < 4) return fail(p, "expected at least 4 tab-separated columns in", shown);
  if (strcmp(cols[0], "function") == 0) e->kind = VL_LIB_FUNCTION;
  else if (strcmp(cols[0], "method") == 0) e->kind = VL_LIB_METHOD;
  else if (strcmp(cols[0], "attribute") == 0) e->kind = VL_LIB_ATTRIBUTE;
  else if (strcmp(cols[0], "rng-method") == 0) e->kind = VL_LIB_RNG_METHOD;
  else if (strcmp(cols[0], "class") == 0) e->kind = VL_LIB_CLASS;
  else return fail(p, "unknown kind", cols[0]);
  e->name = vl_arena_strdup(p->arena, cols[1]);
  char *a, *b;
  split_cond(p, cols[2], &e->effect_cond, &a, &b);
  if (!parse_effect(p, a, &e->effect_then) || !parse_effect(p, b, &e->effect_else)) return false;
  split_cond(p, cols[3], &e->ndim_cond, &a, &b);
  if (!parse_ndim(p, a, &e->ndim_then) || !parse_ndim(p, b, &e->ndim_else)) return false;
  char *params = n >= 5 ? cols[4] : NULL, *tags = n >= 6 ? cols[5] : NULL;
  if (params && strcmp(params, "-") != 0 && !parse_params(p, params, e)) return false;
  if (tags && !parse_tags(p, tags, e)) return false;
  const char *conds[2] = {e->effect_cond.param, e->ndim_cond.param};
  for (int i = 0; i < 2; i++)
    if (conds[i] && vl_lib_param_pos(e, conds[i]) < 0) return fail(p, "condition on undeclared parameter", conds[i]);
  if (e->ndim_then.rule == VL_ND_SHAPE && vl_lib_param_pos(e, e->ndim_then.param) < 0)
    return fail(p, "shape() of undeclared parameter", e->ndim_then.param);
  return true;
}

bool vl_libtable_parse(VlLibTable *self, VlArena *arena, const char *library, const char *text,
                       char *err, size_t errlen) {
  Parser p = {arena, library, 0, err, errlen};
  VL_VEC(VlLibEntry) entries = {0};
  bool ok = true;
  for (const char *s = text; ok && *s;) {
    const char *nl = strchr(s, '\n');
    size_t len = nl ? (size_t)(nl - s) : strlen(s);
    p.line++;
    char *line = vl_arena_strndup(arena, s, len);
    if (len && line[len - 1] == '\r') line[len - 1] = '\0';
    if (line[0] && line[0] != '#') {
      VlLibEntry e = {0};
      ok = parse_line(&p, line, &e);
      if (ok) VL_VEC_PUSH(&entries, e);
    }
    s = nl ? nl + 1 : s + len;
  }
  if (ok) {
    self->library = library;
    self->count = entries.len;
    self->entries = VL_ARENA_ARRAY(arena, VlLibEntry, entries.len);
    if (entries.len) memcpy(self->entries, entries.items, entries.len * sizeof(VlLibEntry));
  }
  VL_VEC_FREE(&entries);
  return ok;
}

const VlLibEntry *vl_libtable_find(const VlLibTable *self, VlLibKind kind, const char *name) {
  for (size_t i = 0; i < self->count; i++)
    if (self->entries[i].kind == kind && strcmp(self->entries[i].name, name) == 0) return &self->entries[i];
  return NULL;
}

const VlLibEntry *vl_libtable_find_class(const VlLibTable *self, const char *name) {
  for (size_t i = 0; i < self->count; i++) {
    const VlLibEntry *e = &self->entries[i];
    if (e->kind != VL_LIB_CLASS) continue;
    size_t n = strlen(e->name);
    if (n >= 2 && e->name[n - 1] == '*' && e->name[n - 2] == '.') {
      /* "nn.*": a class directly below that prefix (capitalised, no further dots) */
      if (strncmp(name, e->name, n - 1) == 0 && name[n - 1] >= 'A' && name[n - 1] <= 'Z' && !strchr(name + n - 1, '.'))
        return e;
    } else if (strcmp(e->name, name) == 0) {
      return e;
    }
  }
  return NULL;
}

int vl_lib_param_pos(const VlLibEntry *e, const char *param) {
  for (int i = 0; i < e->nparams; i++)
    if (strcmp(e->params[i].name, param) == 0) return e->params[i].pos;
  return -1;
}

#include "base/embed.h"

bool vl_knowledge_load(VlKnowledge *self, VlArena *arena, char *err, size_t errlen) {
  static const struct { const char *module; const char *table; VlLibId id; bool int_view; } libs[] = {
      {"numpy", "numpy", VL_LIBID_NUMPY, false},
      {"cupy", "numpy", VL_LIBID_CUPY, false}, /* CuPy follows NumPy's view rules */
      {"torch", "torch", VL_LIBID_TORCH, true},  /* t[i] is a view even on 1-D tensors */
  };
  *self = (VlKnowledge){0};
  for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
    const VlLibTable *table = NULL;
    for (size_t t = 0; t < self->ntables; t++)
      if (strcmp(self->tables[t].library, libs[i].table) == 0) table = &self->tables[t];
    if (!table) {
      char file[64];
      snprintf(file, sizeof file, "%s.tsv", libs[i].table);
      const VlEmbedded *e = vl_embedded_find(file);
      if (!e) {
        snprintf(err, errlen, "library table %s is not embedded", file);
        return false;
      }
      VlLibTable *t = &self->tables[self->ntables];
      if (!vl_libtable_parse(t, arena, libs[i].table, e->data, err, errlen)) return false;
      self->ntables++;
      table = t;
    }
    self->libs[self->nlibs++] = (VlLibrary){libs[i].module, libs[i].id, table, libs[i].int_view};
  }
  return true;
}

const VlLibrary *vl_knowledge_library(const VlKnowledge *self, const char *qualified, const char **member) {
  for (size_t i = 0; i < self->nlibs; i++) {
    size_t n = strlen(self->libs[i].module);
    if (strncmp(qualified, self->libs[i].module, n) == 0 && (qualified[n] == '.' || !qualified[n])) {
      *member = qualified[n] ? qualified + n + 1 : "";
      return &self->libs[i];
    }
  }
  return NULL;
}

bool vl_knowledge_viewless(const VlKnowledge *self, const char *qualified) {
  (void)self;
  /* immutable arrays: indexing copies (JAX), or tensors we do not model (TensorFlow) */
  static const char *const modules[] = {"jax", "jaxlib", "tensorflow", "keras"};
  for (size_t i = 0; i < sizeof modules / sizeof *modules; i++) {
    size_t n = strlen(modules[i]);
    if (strncmp(qualified, modules[i], n) == 0 && (qualified[n] == '.' || !qualified[n])) return true;
  }
  return false;
}
