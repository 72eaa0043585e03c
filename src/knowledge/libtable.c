#define _POSIX_C_SOURCE 200809L
#include "knowledge/libtable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "base/vec.h"

static const char *const kind_names[] = {"function", "method", "attribute", "rng-method", "class", "model-method",
                                         "any-method", "any-function"};
static const char *kind_name(VlLibKind k) { return kind_names[k]; }

static size_t entry_hash(VlLibKind kind, const char *name) {
  size_t h = 1469598103934665603u ^ (size_t)kind; /* FNV-1a */
  for (const unsigned char *c = (const unsigned char *)name; *c; c++) h = (h ^ *c) * 1099511628211u;
  return h;
}

/* The next data line of a table file (comments and blank lines skipped), a copy in the arena without
 * its end of line; *s moves past it and *lineno counts the lines read.  NULL at the end. */
static char *next_row(VlArena *arena, const char **s, int *lineno) {
  while (**s) {
    const char *nl = strchr(*s, '\n');
    size_t len = nl ? (size_t)(nl - *s) : strlen(*s);
    (*lineno)++;
    char *line = vl_arena_strndup(arena, *s, len);
    if (len && line[len - 1] == '\r') line[len - 1] = '\0';
    *s = nl ? nl + 1 : *s + len;
    if (line[0] && line[0] != '#') return line;
  }
  return NULL;
}

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

/* "P?A:B", "P=False?A:B", "P=True?A:B", "P='s'?A:B" or "P=int?A:B" -> cond + the two branches (B may be
 * conditional again: the caller splits it); anything else -> unconditional. */
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
  cond->literal_true = eq && strcmp(eq + 1, "True") == 0;
  cond->literal_int = eq && strcmp(eq + 1, "int") == 0;
  size_t n = eq ? strlen(eq + 1) : 0;
  cond->literal_str = NULL;
  if (n >= 2 && eq[1] == '\'' && eq[n] == '\'') { /* P='none' */
    eq[n] = '\0';
    cond->literal_str = vl_arena_strdup(p->arena, eq + 2);
  }
  if (eq) *eq = '\0';
  cond->param = vl_arena_strdup(p->arena, tok);
  *then_ = q + 1;
  *else_ = colon + 1;
}

/* A table's rows are few: grown in the arena by doubling (from `first`), the old block left there.
 * Returns the array with room for one more row beside the n it holds. */
static void *arena_room(VlArena *arena, void *rows, size_t n, size_t *cap, size_t size, size_t first) {
  if (n < *cap) return rows;
  *cap = *cap ? *cap * 2 : first;
  void *grown = vl_arena_alloc(arena, *cap * size);
  if (n) memcpy(grown, rows, n * size);
  return grown;
}

static bool parse_effect(Parser *p, const char *s, VlLibEffect *out) {
  static const struct { const char *name; VlLibEffect fx; } names[] = {
      {"-", VL_FX_UNKNOWN}, {"view", VL_FX_VIEW},   {"copy", VL_FX_COPY},     {"producer", VL_FX_PRODUCER}, {"convert", VL_FX_CONVERT},
      {"int", VL_FX_INT},     {"scalar", VL_FX_SCALAR}, {"bytes", VL_FX_BYTES}, {"list", VL_FX_LIST}, {"index", VL_FX_INDEX},
      {"views", VL_FX_VIEWS}, {"copies", VL_FX_COPIES}, {"namespace", VL_FX_NAMESPACE}, {"dtype", VL_FX_DTYPE}, {"rng", VL_FX_RNG},       {"none", VL_FX_NONE},         {"module", VL_FX_MODULE},
      {"loader", VL_FX_LOADER}, {"same", VL_FX_SAME},   {"object", VL_FX_OBJECT},     {"contig", VL_FX_CONTIG},
      {"fcontig", VL_FX_FCONTIG}, {"reshape", VL_FX_RESHAPE}, {"ravel", VL_FX_RAVEL}, {"slices", VL_FX_SLICES},
      {"optimizer", VL_FX_OPTIMIZER}, {"subset", VL_FX_SUBSET}, {"datasets", VL_FX_DATASETS}, {"collate", VL_FX_COLLATE},
      {"sequential", VL_FX_SEQUENTIAL}, {"tensors", VL_FX_TENSORS}};
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
  else if (strncmp(s, "same+", 5) == 0 && s[5] >= '1' && s[5] <= '8' && !s[6]) out->rule = VL_ND_SAME_PLUS, out->n = s[5] - '0';
  else if (strncmp(s, "same-", 5) == 0 && s[5] >= '1' && s[5] <= '8' && !s[6]) out->rule = VL_ND_SAME_MINUS, out->n = s[5] - '0';
  else if (strcmp(s, "args") == 0) out->rule = VL_ND_ARGS;
  else if (strcmp(s, "newshape") == 0) out->rule = VL_ND_NEWSHAPE;
  else if (strcmp(s, "stack") == 0) out->rule = VL_ND_STACK;
  else if (strcmp(s, "concat") == 0) out->rule = VL_ND_CONCAT;
  else if (strcmp(s, "bcast") == 0) out->rule = VL_ND_BCAST;
  else if (strcmp(s, "bcast-items") == 0) out->rule = VL_ND_BCAST_ITEMS;
  else if (strncmp(s, "arg", 3) == 0 && s[3] >= '0' && s[3] <= '9' && !s[4]) out->rule = VL_ND_ARG, out->n = s[3] - '0';
  else if (strncmp(s, "min", 3) == 0 && s[3] >= '1' && s[3] <= '9' && !s[4]) out->rule = VL_ND_MIN, out->n = s[3] - '0';
  else if (strncmp(s, "shape(", 6) == 0 && s[strlen(s) - 1] == ')') {
    out->rule = VL_ND_SHAPE;
    out->param = vl_arena_strndup(p->arena, s + 6, strlen(s) - 7);
  } else if (strncmp(s, "same|shape(", 11) == 0 && s[strlen(s) - 1] == ')') {
    out->rule = VL_ND_SAME_OR_SHAPE;
    out->param = vl_arena_strndup(p->arena, s + 11, strlen(s) - 12);
  } else if (strncmp(s, "ndim(", 5) == 0 && s[strlen(s) - 1] == ')') {
    out->rule = VL_ND_INDEX;
    out->param = vl_arena_strndup(p->arena, s + 5, strlen(s) - 6);
  } else if (strncmp(s, "same-1+ndim(", 12) == 0 && s[strlen(s) - 1] == ')') {
    out->rule = VL_ND_TAKE;
    out->param = vl_arena_strndup(p->arena, s + 12, strlen(s) - 13);
  } else if (strncmp(s, "subscripts(", 11) == 0 && s[strlen(s) - 1] == ')') {
    out->rule = VL_ND_SUBSCRIPTS;
    out->param = vl_arena_strndup(p->arena, s + 11, strlen(s) - 12);
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
    else if (strcmp(tok, "contiguous") == 0) e->contiguous = true;
    else if (strcmp(tok, "keeps-order") == 0) e->keeps_order = true;
    else if (strcmp(tok, "ints") == 0) e->ints = true;
    else if (strcmp(tok, "mesh") == 0) e->mesh = true;
    else if (strcmp(tok, "unravels") == 0) e->unravels = true;
    else if (strcmp(tok, "default-dtype") == 0) e->default_dtype = true;
    else if (strncmp(tok, "casts=", 6) == 0 && tok[6]) e->casts = vl_arena_strdup(p->arena, tok + 6);
    else if (strncmp(tok, "casts-to=", 9) == 0 && tok[9]) e->casts_to = vl_arena_strdup(p->arena, tok + 9);
    else if (strncmp(tok, "casts-arg=", 10) == 0 && tok[10]) e->casts_arg = vl_arena_strdup(p->arena, tok + 10);
    else if (strncmp(tok, "order=", 6) == 0 && tok[6]) e->order = vl_arena_strdup(p->arena, tok + 6);
    else if (strncmp(tok, "unsqueeze=", 10) == 0 && tok[10]) e->unsqueeze = vl_arena_strdup(p->arena, tok + 10);
    else if (strncmp(tok, "stacks=", 7) == 0 && tok[7]) e->stacks = vl_arena_strdup(p->arena, tok + 7);
    else if (strncmp(tok, "flattens=", 9) == 0 && tok[9]) e->flattens = vl_arena_strdup(p->arena, tok + 9);
    else if (strncmp(tok, "none-flattens=", 14) == 0 && tok[14]) e->none_flattens = vl_arena_strdup(p->arena, tok + 14);
    else if (strncmp(tok, "picks=", 6) == 0 && tok[6]) e->picks = vl_arena_strdup(p->arena, tok + 6);
    else if (strncmp(tok, "lib=", 4) == 0 && tok[4]) e->lib_to = vl_arena_strdup(p->arena, tok + 4);
    else if ((strncmp(tok, "chunks=", 7) == 0 && tok[7]) || (strncmp(tok, "splitsize=", 10) == 0 && tok[10])) {
      bool chunks = tok[0] == 'c';
      char *v = vl_arena_strdup(p->arena, tok + (chunks ? 7 : 10)), *colon = strchr(v, ':');
      if (colon) *colon = 0, e->pieces_axis = colon + 1;
      if (chunks) e->chunks = v;
      else e->splitsize = v;
    }
    else if (strcmp(tok, "shape-args") == 0) e->shape_args = true;
    else if (strncmp(tok, "keepdim=", 8) == 0 && tok[8]) e->keepdim = vl_arena_strdup(p->arena, tok + 8);
    else if (strncmp(tok, "lead=", 5) == 0 && tok[5] >= '1' && tok[5] <= '8' && !tok[6]) e->lead = (uint8_t)(tok[5] - '0');
    else if (strncmp(tok, "square=", 7) == 0 && tok[7]) {
      char *v = vl_arena_strdup(p->arena, tok + 7), *colon = strchr(v, ':');
      if (colon) *colon = 0, e->square_cols = colon + 1;
      e->square = v;
    }
    else if (strncmp(tok, "joins-from=", 11) == 0 && tok[11]) e->joins_from = vl_arena_strdup(p->arena, tok + 11);
    else if (strncmp(tok, "axis-size=", 10) == 0 && tok[10]) e->axis_size = vl_arena_strdup(p->arena, tok + 10);
    else if (strncmp(tok, "trail=", 6) == 0 && tok[6] >= '1' && tok[6] <= '8' && !tok[7]) e->trail = (uint8_t)(tok[6] - '0');
    else if (strcmp(tok, "matmul") == 0) e->matmul = true;
    else if (strncmp(tok, "operand-min=", 12) == 0 && tok[12] >= '1' && tok[12] <= '8' && !tok[13])
      e->operand_min = (uint8_t)(tok[12] - '0');
    else if (strncmp(tok, "operand-max=", 12) == 0 && tok[12] >= '1' && tok[12] <= '8' && !tok[13])
      e->operand_max = (uint8_t)(tok[12] - '0');
    else if (strncmp(tok, "fields=", 7) == 0 && tok[7]) {
      char *v = vl_arena_strdup(p->arena, tok + 7);
      for (char *c = v; *c; c++)
        if (*c == ':') *c = ','; /* (the engine's named tuples list their fields so) */
      e->fields = v;
    }
    else if (strncmp(tok, "items=", 6) == 0 && tok[6]) {
      for (char *d = tok + 6; *d;) {
        char *end;
        long v = strtol(d, &end, 10);
        if (end == d && *d == 'x' && e->nitem_nd < 4) e->item_none |= (uint8_t)(1u << e->nitem_nd), v = 0, end = d + 1;
        else if (end == d && *d == 'n' && e->nitem_nd < 4) e->item_int |= (uint8_t)(1u << e->nitem_nd), v = 0, end = d + 1;
        else if (end == d && *d == '@' && d[1] >= '0' && d[1] <= '7' && e->nitem_nd < 4) /* @K: argument K's ndim */
          e->item_arg |= (uint8_t)(1u << e->nitem_nd), v = d[1] - '0', end = d + 2;
        else if (end == d && *d == '?' && e->nitem_nd < 4) /* ?: a new array of unknown ndim (np.histogramdd's hist) */
          e->item_anynd |= (uint8_t)(1u << e->nitem_nd), v = 0, end = d + 1;
        for (bool more = end != d && *d != 'x' && *d != 'n' && *d != '@' && e->nitem_nd < 4; more;) /* suffixes, several allowed: -1si, ?l */
          if (*end == 'i' && !(e->item_ints >> e->nitem_nd & 1)) e->item_ints |= (uint8_t)(1u << e->nitem_nd), end++;
          else if (*end == 's' && !(e->item_side >> e->nitem_nd & 1)) e->item_side |= (uint8_t)(1u << e->nitem_nd), end++;
          else if (*end == 'l' && !(e->item_strided >> e->nitem_nd & 1)) e->item_strided |= (uint8_t)(1u << e->nitem_nd), end++;
          else more = false; /* (a letter twice: left, a bad tag) */
        if (end == d || v < -8 || v > 8 || e->nitem_nd == 4 || (*end && *end != ':')) return fail(p, "bad items= tag", tok);
        e->item_nd[e->nitem_nd++] = (int8_t)v;
        d = *end ? end + 1 : end;
      }
    }
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
  size_t k = 0;
  while (k < sizeof kind_names / sizeof *kind_names && strcmp(cols[0], kind_names[k]) != 0) k++;
  if (k == sizeof kind_names / sizeof *kind_names) return fail(p, "unknown kind", cols[0]);
  e->kind = (VlLibKind)k;
  e->name = vl_arena_strdup(p->arena, cols[1]);
  char *a, *b;
  split_cond(p, cols[2], &e->effect_cond, &a, &b);
  if (!parse_effect(p, a, &e->effect_then)) return false;
  /* P?A:Q?B:C: each else branch that is a condition again is the next condition */
  while (e->effect_cond.param && strchr(b, '?') && e->neffect_more < VL_LIB_MAX_MORE) {
    uint8_t m = e->neffect_more++;
    split_cond(p, b, &e->effect_cond_more[m], &a, &b);
    if (!parse_effect(p, a, &e->effect_then_more[m])) return false;
  }
  if (!parse_effect(p, b, &e->effect_else)) return false;
  split_cond(p, cols[3], &e->ndim_cond, &a, &b);
  if (!parse_ndim(p, a, &e->ndim_then) || !parse_ndim(p, b, &e->ndim_else)) return false;
  char *params = n >= 5 ? cols[4] : NULL, *tags = n >= 6 ? cols[5] : NULL;
  if (params && strcmp(params, "-") != 0 && !parse_params(p, params, e)) return false;
  if (tags && !parse_tags(p, tags, e)) return false;
  const char *conds[2 + VL_LIB_MAX_MORE] = {e->effect_cond.param, e->ndim_cond.param};
  for (uint8_t i = 0; i < e->neffect_more; i++) conds[2 + i] = e->effect_cond_more[i].param;
  for (int i = 0; i < 2 + e->neffect_more; i++)
    if (conds[i] && strncmp(conds[i], "ndim>", 5) != 0 && vl_lib_param_pos(e, conds[i]) < 0)
      return fail(p, "condition on undeclared parameter", conds[i]);
  if (e->casts && vl_lib_param_pos(e, e->casts) < 0) return fail(p, "casts= of undeclared parameter", e->casts);
  if (e->casts_arg && vl_lib_param_pos(e, e->casts_arg) < 0)
    return fail(p, "casts-arg= of undeclared parameter", e->casts_arg);
  if (e->order && vl_lib_param_pos(e, e->order) < 0) return fail(p, "order= of undeclared parameter", e->order);
  if (e->axis_size && vl_lib_param_pos(e, e->axis_size) < 0) return fail(p, "axis-size= of undeclared parameter", e->axis_size);
  if (e->joins_from && vl_lib_param_pos(e, e->joins_from) < 0)
    return fail(p, "joins-from= of undeclared parameter", e->joins_from);
  if (e->unsqueeze && vl_lib_param_pos(e, e->unsqueeze) < 0) return fail(p, "unsqueeze= of undeclared parameter", e->unsqueeze);
  if (e->stacks && vl_lib_param_pos(e, e->stacks) < 0) return fail(p, "stacks= of undeclared parameter", e->stacks);
  if (e->flattens && vl_lib_param_pos(e, e->flattens) < 0) return fail(p, "flattens= of undeclared parameter", e->flattens);
  if (e->none_flattens && vl_lib_param_pos(e, e->none_flattens) < 0)
    return fail(p, "none-flattens= of undeclared parameter", e->none_flattens);
  if (e->picks && vl_lib_param_pos(e, e->picks) < 0) return fail(p, "picks= of undeclared parameter", e->picks);
  if (e->chunks && vl_lib_param_pos(e, e->chunks) < 0) return fail(p, "chunks= of undeclared parameter", e->chunks);
  if (e->splitsize && vl_lib_param_pos(e, e->splitsize) < 0) return fail(p, "splitsize= of undeclared parameter", e->splitsize);
  if (e->square && vl_lib_param_pos(e, e->square) < 0) return fail(p, "square= of undeclared parameter", e->square);
  if (e->square_cols && vl_lib_param_pos(e, e->square_cols) < 0)
    return fail(p, "square= of undeclared parameter", e->square_cols);
  if (e->pieces_axis && vl_lib_param_pos(e, e->pieces_axis) < 0) return fail(p, "axis of undeclared parameter", e->pieces_axis);
  if (e->ndim_then.rule == VL_ND_SHAPE && vl_lib_param_pos(e, e->ndim_then.param) < 0)
    return fail(p, "shape() of undeclared parameter", e->ndim_then.param);
  if (e->ndim_then.rule == VL_ND_SUBSCRIPTS && vl_lib_param_pos(e, e->ndim_then.param) < 0)
    return fail(p, "subscripts() of undeclared parameter", e->ndim_then.param);
  if (e->ndim_then.rule == VL_ND_SAME_OR_SHAPE && vl_lib_param_pos(e, e->ndim_then.param) < 0)
    return fail(p, "same|shape() of undeclared parameter", e->ndim_then.param);
  const VlNdimSpec *both[2] = {&e->ndim_then, &e->ndim_else};
  for (int i = 0; i < 2; i++)
    if ((both[i]->rule == VL_ND_INDEX || both[i]->rule == VL_ND_TAKE) && vl_lib_param_pos(e, both[i]->param) < 0)
      return fail(p, "ndim() of undeclared parameter", both[i]->param);
  return true;
}

bool vl_libtable_parse(VlLibTable *self, VlArena *arena, const char *library, const char *text,
                       char *err, size_t errlen) {
  Parser p = {arena, library, 0, err, errlen};
  VL_VEC(VlLibEntry) entries = {0};
  bool ok = true;
  const char *s = text;
  for (char *line; ok && (line = next_row(arena, &s, &p.line));) {
    VlLibEntry e = {0};
    ok = parse_line(&p, line, &e);
    if (ok) VL_VEC_PUSH(&entries, e);
  }
  if (ok) {
    self->library = library;
    self->count = entries.len;
    self->entries = VL_ARENA_ARRAY(arena, VlLibEntry, entries.len + 1);
    if (entries.len) memcpy(self->entries, entries.items, entries.len * sizeof(VlLibEntry));
    /* the index: lookups happen for every library call the analysis meets */
    self->index_cap = 16;
    self->kinds = 0;
    while (self->index_cap < 2 * entries.len) self->index_cap *= 2;
    self->index = VL_ARENA_ARRAY(arena, uint32_t, self->index_cap);
    for (size_t i = 0; i < entries.len; i++) {
      const VlLibEntry *e = &self->entries[i];
      size_t h = entry_hash(e->kind, e->name) & (self->index_cap - 1);
      bool dup = false;
      for (; self->index[h]; h = (h + 1) & (self->index_cap - 1)) {
        const VlLibEntry *o = &self->entries[self->index[h] - 1];
        if (o->kind == e->kind && strcmp(o->name, e->name) == 0) dup = true;
      }
      if (dup) { /* the first row wins (class rows are tried in order); a repeated row is a mistake */
        snprintf(err, errlen, "%s.tsv: %s '%s' is listed twice", library, kind_name(e->kind), e->name);
        ok = false;
        break;
      }
      self->index[h] = (uint32_t)(i + 1);
      self->kinds |= 1u << e->kind;
    }
  }
  VL_VEC_FREE(&entries);
  return ok;
}

const VlLibEntry *vl_libtable_find(const VlLibTable *self, VlLibKind kind, const char *name) {
  if (!self->index_cap || !(self->kinds & (1u << kind))) return NULL;
  for (size_t h = entry_hash(kind, name) & (self->index_cap - 1); self->index[h]; h = (h + 1) & (self->index_cap - 1)) {
    const VlLibEntry *e = &self->entries[self->index[h] - 1];
    if (e->kind == kind && strcmp(e->name, name) == 0) return e;
  }
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

/* ---- library descriptors (rules/libraries.tsv) ---- */

static bool split_list(VlArena *arena, const char *s, const char **out, int max, int *n) {
  *n = 0;
  if (strcmp(s, "-") == 0) return true;
  for (const char *t = s; *t;) {
    const char *comma = strchr(t, ',');
    size_t len = comma ? (size_t)(comma - t) : strlen(t);
    if (!len || *n == max) return false;
    out[(*n)++] = vl_arena_strndup(arena, t, len);
    t += len + (comma ? 1 : 0);
  }
  return true;
}

/* Splits a row at its tabs into at most max columns (in place); returns how many. */
static int split_tabs(char *line, char **cols, int max) {
  int n = 0;
  char *save = NULL;
  for (char *tok = strtok_r(line, "\t", &save); tok && n < max; tok = strtok_r(NULL, "\t", &save)) cols[n++] = tok;
  return n;
}

/* module table copy concat int-index dtype/itemsize types model flags */
static bool parse_descriptor(VlKnowledge *self, VlArena *arena, char *line, int lineno,
                             const char *(*load_table)(void *, const char *), void *ctx, char *err, size_t errlen) {
  char *cols[9] = {0};
  int n = split_tabs(line, cols, 9);
#define DFAIL(fmt, ...) (snprintf(err, errlen, "libraries.tsv:%d: " fmt, lineno, __VA_ARGS__), false)
  if (n != 9) return DFAIL("expected 9 tab-separated columns, found %d", n);
  const char *flags[4];
  int nflags = 0;
  if (!split_list(arena, cols[8], flags, 4, &nflags)) return DFAIL("bad flags '%s'", cols[8]);
  bool viewless = false, is_default = false, methods = false, index0d = false, radd = false, qualified = false;
  uint8_t arrays = 0;
  for (int i = 0; i < nflags; i++) {
    if (strncmp(flags[i], "arrays=", 7) == 0) { /* a library listed before this one */
      for (size_t l = 0; l < self->nlibs && !arrays; l++)
        if (strcmp(self->libs[l].module, flags[i] + 7) == 0) arrays = self->libs[l].id;
      if (!arrays) return DFAIL("flag '%s': no such library in an earlier row", flags[i]);
    } else if (strcmp(flags[i], "viewless") == 0) viewless = true;
    else if (strcmp(flags[i], "default") == 0) is_default = true;
    else if (strcmp(flags[i], "methods") == 0) methods = true;
    else if (strcmp(flags[i], "index0d") == 0) index0d = true;
    else if (strcmp(flags[i], "radd") == 0) radd = true;
    else if (strcmp(flags[i], "qualified") == 0) qualified = true;
    else return DFAIL("unknown flag '%s'", flags[i]);
  }
  if (viewless) {
    if (self->nviewless == VL_MAX_LIBRARIES) return DFAIL("too many libraries (at most %d)", VL_MAX_LIBRARIES);
    self->viewless[self->nviewless++] = vl_arena_strdup(arena, cols[0]);
    return true;
  }
  if (self->nlibs == VL_MAX_LIBRARIES) return DFAIL("too many libraries (at most %d)", VL_MAX_LIBRARIES);
  VlLibrary *lib = &self->libs[self->nlibs];
  *lib = (VlLibrary){.module = vl_arena_strdup(arena, cols[0]), .id = (uint8_t)(self->nlibs + 1),
                     .is_default = is_default, .methods = methods, .index0d = index0d, .radd = radd,
                     .qualified = qualified, .arrays = arrays};
  if (qualified && !strchr(lib->module, '.')) return DFAIL("flag 'qualified' of a module without a parent: '%s'", cols[0]);
  const VlLibTable *table = NULL;
  for (size_t t = 0; t < self->ntables; t++)
    if (strcmp(self->tables[t].library, cols[1]) == 0) table = &self->tables[t];
  if (!table) {
    const char *text = load_table(ctx, cols[1]);
    if (!text) return DFAIL("no table '%s.tsv'", cols[1]);
    VlLibTable *t = &self->tables[self->ntables];
    if (!vl_libtable_parse(t, arena, vl_arena_strdup(arena, cols[1]), text, err, errlen)) return false;
    self->ntables++;
    table = t;
  }
  lib->table = table;
  lib->copy_method = vl_arena_strdup(arena, cols[2]);
  lib->concat = vl_arena_strdup(arena, cols[3]);
  if (strcmp(cols[4], "view") == 0) lib->int_index_is_view = true;
  else if (strcmp(cols[4], "scalar") != 0) return DFAIL("int-index is 'view' or 'scalar', not '%s'", cols[4]);
  char *slash = strchr(cols[5], '/');
  if (!slash || (lib->itemsize = atoi(slash + 1)) <= 0) return DFAIL("dtype is NAME/ITEMSIZE, not '%s'", cols[5]);
  lib->dtype = vl_arena_strndup(arena, cols[5], (size_t)(slash - cols[5]));
  if (!split_list(arena, cols[6], lib->types, VL_LIB_MAX_TYPES, &lib->ntypes)) return DFAIL("bad types '%s'", cols[6]);
  const char *models[2];
  int nmodels = 0;
  if (!split_list(arena, cols[7], models, 2, &nmodels)) return DFAIL("bad model '%s'", cols[7]);
  lib->model = nmodels > 0 ? models[0] : NULL;
  lib->model_alias = nmodels > 1 ? models[1] : NULL;
  self->nlibs++;
  return true;
#undef DFAIL
}

bool vl_knowledge_parse(VlKnowledge *self, VlArena *arena, const char *descriptors,
                        const char *(*load_table)(void *ctx, const char *name), void *ctx, char *err, size_t errlen) {
  *self = (VlKnowledge){0};
  int lineno = 0;
  const char *s = descriptors;
  for (char *line; (line = next_row(arena, &s, &lineno));)
    if (!parse_descriptor(self, arena, line, lineno, load_table, ctx, err, errlen)) return false;
  size_t defaults = 0;
  for (size_t i = 0; i < self->nlibs; i++) defaults += self->libs[i].is_default;
  if (defaults != 1) {
    snprintf(err, errlen, "libraries.tsv: exactly one library must be flagged 'default' (found %zu)", defaults);
    return false;
  }
  /* lib=M names a library of this file */
  for (size_t t = 0; t < self->ntables; t++)
    for (size_t r = 0; r < self->tables[t].count; r++) {
      const char *to = self->tables[t].entries[r].lib_to;
      bool known = !to;
      for (size_t i = 0; i < self->nlibs && !known; i++) known = strcmp(self->libs[i].module, to) == 0;
      if (!known) {
        snprintf(err, errlen, "%s.tsv: %s: lib=%s names no library of libraries.tsv", self->tables[t].library,
                 self->tables[t].entries[r].name, to);
        return false;
      }
    }
  return true;
}

bool vl_knowledge_parse_results(VlKnowledge *self, VlArena *arena, const char *text, char *err, size_t errlen) {
  int lineno = 0;
  size_t cap = 0;
  const char *s = text;
  self->results = NULL;
  self->nresults = 0;
  for (char *line; (line = next_row(arena, &s, &lineno));) {
    char *cols[5] = {0};
    int n = split_tabs(line, cols, 5);
#define RFAIL(fmt, ...) (snprintf(err, errlen, "results.tsv:%d: " fmt, lineno, __VA_ARGS__), false)
    if (n != 5) return RFAIL("expected 5 tab-separated columns, found %d", n);
    char *end = NULL;
    bool by_arg = strncmp(cols[2], "x-", 2) == 0; /* x-N: the first argument's ndim less N */
    const char *ndc = cols[2] + (by_arg ? 2 : 0);
    long nd = strtol(ndc, &end, 10);
    bool ints = end != ndc && *end == 'i', list = by_arg && end != ndc && *end == 'l';
    if (ints || list) end++;
    long arg = 0, ctor = 0, floor = 0, ctor_len = 0;
    if (by_arg && end != ndc && strncmp(end, ">=", 2) == 0) { /* x-N>=M: the first argument's part at least M */
      const char *k = end + 2;
      floor = strtol(k, &end, 10);
      if (end == k || floor < 1 || floor > 8) return RFAIL("x-N>=M floors at an M from 1 to 8, not '%s'", cols[2]);
    }
    if (by_arg && end != ndc && strncmp(end, "+@", 2) == 0) { /* x-N+@K: plus the constructor's argument K's ndim */
      const char *k = end + 2;
      ctor = strtol(k, &end, 10);
      if (end == k || ctor < 1 || ctor > 8) return RFAIL("x-N+@K names a positional argument K from 1 to 8, not '%s'", cols[2]);
      if (strncmp(end, "-#", 2) == 0) { /* x-N+@K-#P: less the number of items of the constructor's argument P */
        const char *kp = end + 2;
        ctor_len = strtol(kp, &end, 10);
        if (end == kp || ctor_len < 1 || ctor_len > 8)
          return RFAIL("x-N+@K-#P names a positional argument P from 1 to 8, not '%s'", cols[2]);
      }
    }
    if (floor && !ctor) return RFAIL("x-N>=M is written before +@K, not '%s'", cols[2]);
    if (!by_arg && end != ndc && *end == '@') { /* N@K: as positional argument K, a known array */
      const char *k = end + 1;
      arg = strtol(k, &end, 10);
      if (end == k || arg < 1 || arg > 8) return RFAIL("N@K names a positional argument K from 1 to 8, not '%s'", cols[2]);
    }
    long len_axis = -1, len_pos = 0;
    char *len_kw = NULL;
    if (!by_arg && !arg && end != ndc && *end == '/') { /* N/A=name@K: axis A as long as that argument */
      const char *k = end + 1;
      len_axis = strtol(k, &end, 10);
      if (end == k || *end != '=' || len_axis < 0 || len_axis >= nd)
        return RFAIL("N/A=name names an axis A below N, then the argument, not '%s'", cols[2]);
      char *name = end + 1, *at = strchr(name, '@');
      end = at ? at : name + strlen(name);
      if (end == name) return RFAIL("N/A=name needs the argument's name, not '%s'", cols[2]);
      len_kw = vl_arena_strdup(arena, name);
      len_kw[end - name] = 0;
      if (at) {
        const char *kp = at + 1;
        len_pos = strtol(kp, &end, 10);
        if (end == kp || len_pos < 1 || len_pos > 8) return RFAIL("N/A=name@K names a positional argument K from 1 to 8, not '%s'", cols[2]);
      }
      for (size_t i = 0; i < self->nresults; i++) /* one argument per function: what its calls record */
        if (self->results[i].len_kw && strcmp(self->results[i].fn, cols[0]) == 0 &&
            (strcmp(self->results[i].len_kw, len_kw) != 0 || self->results[i].len_pos != len_pos))
          return RFAIL("every N/A=name@K row of %s names the same argument", cols[0]);
    }
    if (*end || end == ndc || nd < 0 || nd > 32)
      return RFAIL("ndim is a number from 0 to 32 (with i for integers, @K for an argument, /A=name@K for an axis "
                   "as long as an argument), or x-N (with i or l, >=M, +@K, -#P), not '%s'",
                   cols[2]);
    if (!strchr(cols[0], '.')) return RFAIL("function is a qualified name (module.function), not '%s'", cols[0]);
    long item = -1;
    if (cols[1][0] == '[') { /* [k]: item k of a tuple result */
      item = strtol(cols[1] + 1, &end, 10);
      if (end == cols[1] + 1 || strcmp(end, "]") != 0 || item < 0 || item > 7)
        return RFAIL("a tuple item is written [k] with k from 0 to 7, not '%s'", cols[1]);
    }
#undef RFAIL
    self->results = arena_room(arena, self->results, self->nresults, &cap, sizeof(*self->results), 16);
    self->results[self->nresults++] = (VlLibResult){
        .fn = vl_arena_strdup(arena, cols[0]),
        .attr = strcmp(cols[1], "-") == 0 || item >= 0 ? NULL : vl_arena_strdup(arena, cols[1]),
        .unless = strcmp(cols[3], "-") == 0 ? NULL : vl_arena_strdup(arena, cols[3]),
        .nd = (uint8_t)nd,
        .ints = ints,
        .item = (int8_t)item,
        .by_arg = by_arg,
        .list = list,
        .arg = (uint8_t)arg,
        .len_axis = (int8_t)len_axis,
        .len_pos = (uint8_t)len_pos,
        .len_kw = len_kw,
        .ctor = (uint8_t)ctor,
        .ctor_len = (uint8_t)ctor_len,
        .floor = (uint8_t)floor};
  }
  return true;
}

const VlLibResult *vl_knowledge_result(const VlKnowledge *self, const char *fn, const char *attr) {
  for (size_t i = 0; fn && i < self->nresults; i++) {
    const VlLibResult *r = &self->results[i];
    if (strcmp(r->fn, fn) == 0 && r->item < 0 && (attr ? r->attr && strcmp(r->attr, attr) == 0 : !r->attr)) return r;
  }
  return NULL;
}

const VlLibResult *vl_knowledge_result_item(const VlKnowledge *self, const char *fn, int item) {
  for (size_t i = 0; fn && i < self->nresults; i++)
    if (self->results[i].item == item && item >= 0 && strcmp(self->results[i].fn, fn) == 0) return &self->results[i];
  return NULL;
}

bool vl_knowledge_has_result(const VlKnowledge *self, const char *fn) {
  for (size_t i = 0; fn && i < self->nresults; i++)
    if (strcmp(self->results[i].fn, fn) == 0) return true;
  return false;
}

const VlLibResult *vl_knowledge_result_len(const VlKnowledge *self, const char *fn) {
  for (size_t i = 0; fn && i < self->nresults; i++)
    if (self->results[i].len_kw && strcmp(self->results[i].fn, fn) == 0) return &self->results[i];
  return NULL;
}

bool vl_knowledge_has_methods(const VlKnowledge *self, const char *cls) {
  size_t n = cls ? strlen(cls) : 0;
  for (size_t i = 0; cls && i < self->nresults; i++) {
    const VlLibResult *r = &self->results[i];
    if (r->by_arg && strncmp(r->fn, cls, n) == 0 && r->fn[n] == '.' && !strchr(r->fn + n + 1, '.')) return true;
  }
  return false;
}

bool vl_knowledge_parse_estimators(VlKnowledge *self, VlArena *arena, const char *text, char *err, size_t errlen) {
  static const char *const kinds[] = {"new", "new-dense", "input", "sparse", "other"};
  size_t cap = 0;
  int lineno = 0;
  const char *s = text;
  self->estimators = NULL;
  self->nestimators = 0;
  for (char *line; (line = next_row(arena, &s, &lineno));) {
    char *cols[6] = {0};
    int n = split_tabs(line, cols, 6);
#define EFAIL(fmt, ...) (snprintf(err, errlen, "sklearn.tsv:%d: " fmt, lineno, __VA_ARGS__), false)
    if (n != 6) return EFAIL("expected 6 tab-separated columns, found %d", n);
    int kind = -1;
    for (int k = 0; k < 5; k++)
      if (strcmp(cols[3], kinds[k]) == 0) kind = k;
    if (kind < 0) return EFAIL("result is new, new-dense, input, sparse or other, not '%s'", cols[3]);
    char *end = NULL;
    long nd = strcmp(cols[4], "-") == 0 ? -1 : strtol(cols[4], &end, 10);
    if (nd != -1 && (*end || end == cols[4] || nd < 0 || nd > 32)) return EFAIL("ndim is a number or -, not '%s'", cols[4]);
    long pos = strcmp(cols[5], "-") == 0 ? -1 : strtol(cols[5], &end, 10);
    if (pos != -1 && (*end || end == cols[5] || pos < 0 || pos > 64)) return EFAIL("positional is a number or -, not '%s'", cols[5]);
    char *eq = strcmp(cols[1], "-") == 0 ? NULL : strchr(cols[1], '=');
    if (strcmp(cols[1], "-") != 0 && (!eq || (strcmp(eq, "=False") != 0 && strcmp(eq, "=True") != 0)))
      return EFAIL("when is - or keyword=False|True, not '%s'", cols[1]);
#undef EFAIL
    if (eq) *eq = 0;
    self->estimators = arena_room(arena, self->estimators, self->nestimators, &cap, sizeof(*self->estimators), 64);
    self->estimators[self->nestimators++] = (VlEstRow){
        .cls = vl_arena_strdup(arena, cols[0]),
        .when = eq ? vl_arena_strdup(arena, cols[1]) : NULL,
        .when_true = eq && strcmp(eq + 1, "True") == 0,
        .method = vl_arena_strdup(arena, cols[2]),
        .kind = (VlEstKind)kind,
        .nd = (int8_t)nd,
        .positional = (int8_t)pos};
  }
  return true;
}

bool vl_knowledge_estimator_class(const VlKnowledge *self, const char *cls, int *positional) {
  for (size_t i = 0; cls && i < self->nestimators; i++)
    if (strcmp(self->estimators[i].cls, cls) == 0) {
      *positional = self->estimators[i].positional;
      return true;
    }
  return false;
}

bool vl_knowledge_estimator_keyword(const VlKnowledge *self, const char *cls, const char *kw) {
  for (size_t i = 0; i < self->nestimators; i++) {
    const VlEstRow *r = &self->estimators[i];
    if (r->when && strcmp(r->when, kw) == 0 && strcmp(r->cls, cls) == 0) return true;
  }
  return false;
}

const VlEstRow *vl_knowledge_estimator(const VlKnowledge *self, const char *cls, const char *when, bool when_true,
                                       const char *method) {
  for (size_t i = 0; i < self->nestimators; i++) {
    const VlEstRow *r = &self->estimators[i];
    if (strcmp(r->cls, cls) != 0 || strcmp(r->method, method) != 0) continue;
    if (when ? r->when && strcmp(r->when, when) == 0 && r->when_true == when_true : !r->when) return r;
  }
  return NULL;
}

bool vl_knowledge_parse_calls(VlKnowledge *self, VlArena *arena, const char *file, const char *text, char *err,
                              size_t errlen) {
  static const char *const pandas_on[] = {"pandas", "frame", "DataFrame", "indexer", "groupby", "reader"};
  static const char *const pandas_memory[] = {"shares", "new", "parts", "-"};
  static const char *const pil_kinds[] = {"mode", "function", "method"};
  static const char *const stdlib_kinds[] = {"opener", "bytes", "cache", "pool"};
  static const char *const cache_results[] = {"unbounded", "maxsize"};
  static const char *const pool_does[] = {"map-all", "map-one", "map-list", "starmap-list",
                                          "submit",  "apply-async", "apply", "unknown"};
  bool pil = strcmp(file, "pil.tsv") == 0, std = strcmp(file, "stdlib.tsv") == 0;
  VlCallRow **rows = pil ? &self->pil : std ? &self->stdlib : &self->pandas;
  size_t *nrows = pil ? &self->npil : std ? &self->nstdlib : &self->npandas, cap = 0;
  int lineno = 0;
  const char *s = text;
  size_t pool_cap = 0;
  *rows = NULL;
  *nrows = 0;
  if (std) {
    self->pools = NULL;
    self->npools = 0;
  }
  for (char *line; (line = next_row(arena, &s, &lineno));) {
    char *cols[4] = {0};
    int n = split_tabs(line, cols, 4);
#define CFAIL(fmt, ...) (snprintf(err, errlen, "%s:%d: " fmt, file, lineno, __VA_ARGS__), false)
    if (n != 4) return CFAIL("expected 4 tab-separated columns, found %d", n);
    if (pil ? !VL_STR_IN(pil_kinds, cols[0]) : std ? !VL_STR_IN(stdlib_kinds, cols[0]) : !VL_STR_IN(pandas_on, cols[0]))
      return CFAIL("'%s' is not a kind of row of this table", cols[0]);
    if (!pil && !std && !VL_STR_IN(pandas_memory, cols[3]))
      return CFAIL("memory is shares, new, parts or -, not '%s'", cols[3]);
    if (std && strcmp(cols[0], "opener") == 0 && strcmp(cols[2], "file") != 0)
      return CFAIL("an opener's result is file, not '%s'", cols[2]);
    if (std && strcmp(cols[0], "bytes") == 0 && strcmp(cols[2], "bytes") != 0)
      return CFAIL("a bytes row's result is bytes, not '%s'", cols[2]);
    if (std && strcmp(cols[0], "cache") == 0 && !VL_STR_IN(cache_results, cols[2]))
      return CFAIL("a cache's result is unbounded or maxsize, not '%s'", cols[2]);
    if (pil && strcmp(cols[0], "mode") == 0 && strcmp(cols[2], "2") != 0 && strcmp(cols[2], "3") != 0)
      return CFAIL("the ndim of a mode is 2 or 3, not '%s'", cols[2]);
    if (std && strcmp(cols[0], "pool") == 0) { /* pool.method: the pool's qualified name, then a method or * */
      int pool = -1, what = -1;
      const char *dot = strrchr(cols[1], '.');
      for (int i = 0; dot && i < (int)(sizeof vl_pool_names / sizeof *vl_pool_names); i++)
        if (strlen(vl_pool_names[i]) == (size_t)(dot - cols[1]) && strncmp(cols[1], vl_pool_names[i], (size_t)(dot - cols[1])) == 0)
          pool = i;
      if (pool < 0) return CFAIL("a pool row names a known pool's method (pool.method or pool.*), not '%s'", cols[1]);
      for (int i = 0; i < (int)(sizeof pool_does / sizeof *pool_does); i++)
        if (strcmp(cols[2], pool_does[i]) == 0) what = i;
      if (what < 0) return CFAIL("a pool method's result is map-all, map-one, map-list, starmap-list, submit, "
                                 "apply-async, apply or unknown, not '%s'", cols[2]);
      self->pools = arena_room(arena, self->pools, self->npools, &pool_cap, sizeof(*self->pools), 16);
      self->pools[self->npools++] = (VlPoolRow){
          .pool = (VlPoolKind)pool, .method = strcmp(dot + 1, "*") == 0 ? NULL : vl_arena_strdup(arena, dot + 1), .what = (VlPoolDo)what};
    }
#undef CFAIL
    *rows = arena_room(arena, *rows, *nrows, &cap, sizeof(**rows), 32);
    (*rows)[(*nrows)++] = (VlCallRow){.kind = vl_arena_strdup(arena, cols[0]), .name = vl_arena_strdup(arena, cols[1]),
                                      .result = vl_arena_strdup(arena, cols[2]), .detail = vl_arena_strdup(arena, cols[3])};
  }
  return true;
}

/* (a scan of a few dozen rows for each call the analysis meets: vl_streq rules most out on their
 * first bytes without calling strcmp) */
static const VlCallRow *call_row(const VlCallRow *rows, size_t n, const char *kind, const char *name) {
  for (size_t i = 0; name && i < n; i++)
    if (vl_streq(rows[i].name, name) && vl_streq(rows[i].kind, kind)) return &rows[i];
  return NULL;
}

const VlCallRow *vl_knowledge_pandas(const VlKnowledge *self, const char *on, const char *name) {
  return call_row(self->pandas, self->npandas, on, name);
}

const VlCallRow *vl_knowledge_pil(const VlKnowledge *self, const char *kind, const char *name) {
  return call_row(self->pil, self->npil, kind, name);
}

const VlCallRow *vl_knowledge_stdlib(const VlKnowledge *self, const char *kind, const char *name) {
  return call_row(self->stdlib, self->nstdlib, kind, name);
}

const VlCallRow *vl_knowledge_cache_decorator(const VlKnowledge *self, const char *text) {
  for (size_t i = 0; text && i < self->nstdlib; i++) {
    const VlCallRow *r = &self->stdlib[i];
    if (strcmp(r->kind, "cache") != 0) continue;
    const char *dot = strrchr(r->name, '.');
    if (vl_dotted_ends(text, r->name) || strcmp(text, dot ? dot + 1 : r->name) == 0) return r;
  }
  return NULL;
}

const char *const vl_pool_names[4] = {"concurrent.futures.ThreadPoolExecutor", "multiprocessing.pool.ThreadPool",
                                      "concurrent.futures.ProcessPoolExecutor", "multiprocessing.pool.Pool"};

int vl_knowledge_pool_method(const VlKnowledge *self, VlPoolKind pool, const char *name) {
  int other = -1;
  for (size_t i = 0; i < self->npools; i++) {
    if (self->pools[i].pool != pool) continue;
    if (!self->pools[i].method) other = (int)i;
    else if (name && strcmp(self->pools[i].method, name) == 0) return (int)i;
  }
  return other;
}

bool vl_knowledge_parse_callbacks(VlKnowledge *self, VlArena *arena, const char *text, char *err, size_t errlen) {
  static const char *const kinds[] = {"optimizer", "operator"};
  int lineno = 0;
  size_t cap = 0;
  const char *s = text;
  self->callbacks = NULL;
  self->ncallbacks = 0;
  for (char *line; (line = next_row(arena, &s, &lineno));) {
    char *cols[6] = {0};
    int n = split_tabs(line, cols, 6), kind = -1;
#define KFAIL(fmt, ...) (snprintf(err, errlen, "callbacks.tsv:%d: " fmt, lineno, __VA_ARGS__), false)
    if (n != 6) return KFAIL("expected 6 tab-separated columns, found %d", n);
    for (int i = 0; i < (int)(sizeof kinds / sizeof *kinds); i++)
      if (strcmp(cols[0], kinds[i]) == 0) kind = i;
    if (kind < 0) return KFAIL("kind is optimizer or operator, not '%s'", cols[0]);
    if (!strchr(cols[1], '.')) return KFAIL("name is a qualified name (module.function), not '%s'", cols[1]);
    char *eq = strchr(cols[2], '=');
    if (strcmp(cols[2], "-") != 0 && (!eq || eq == cols[2] || !eq[1]))
      return KFAIL("when is - or keyword=string, not '%s'", cols[2]);
    char *end = NULL;
    bool none = strcmp(cols[4], "-") == 0;
    long pos = none ? -1 : strtol(cols[4], &end, 10);
    if (!none && (*end || end == cols[4] || pos < 0 || pos > 15))
      return KFAIL("position is - or a number from 0 to 15, not '%s'", cols[4]);
#undef KFAIL
    if (eq) *eq = '\0';
    self->callbacks = arena_room(arena, self->callbacks, self->ncallbacks, &cap, sizeof(*self->callbacks), 16);
    self->callbacks[self->ncallbacks++] = (VlCallbackRow){.kind = (VlCallbackKind)kind,
                                                          .name = vl_arena_strdup(arena, cols[1]),
                                                          .when = eq ? vl_arena_strdup(arena, cols[2]) : NULL,
                                                          .when_value = eq ? vl_arena_strdup(arena, eq + 1) : NULL,
                                                          .keyword = vl_arena_strdup(arena, cols[3]),
                                                          .position = (int8_t)pos};
  }
  return true;
}

bool vl_knowledge_callback_call(const VlKnowledge *self, const char *name, VlCallbackKind *kind) {
  for (size_t i = 0; name && i < self->ncallbacks; i++)
    if (strcmp(self->callbacks[i].name, name) == 0) {
      if (kind) *kind = self->callbacks[i].kind;
      return true;
    }
  return false;
}

static const char *embedded_table(void *ctx, const char *name) {
  (void)ctx;
  char file[64];
  snprintf(file, sizeof file, "%s.tsv", name);
  const VlEmbedded *e = vl_embedded_find(file);
  return e ? e->data : NULL;
}

bool vl_knowledge_load(VlKnowledge *self, VlArena *arena, char *err, size_t errlen) {
  const VlEmbedded *d = vl_embedded_find("libraries.tsv");
  if (!d) {
    snprintf(err, errlen, "libraries.tsv is not embedded");
    return false;
  }
  if (!vl_knowledge_parse(self, arena, d->data, embedded_table, NULL, err, errlen)) return false;
  const VlEmbedded *r = vl_embedded_find("results.tsv");
  if (!r) {
    snprintf(err, errlen, "results.tsv is not embedded");
    return false;
  }
  if (!vl_knowledge_parse_results(self, arena, r->data, err, errlen)) return false;
  const VlEmbedded *est = vl_embedded_find("sklearn.tsv");
  if (!est) {
    snprintf(err, errlen, "sklearn.tsv is not embedded");
    return false;
  }
  if (!vl_knowledge_parse_estimators(self, arena, est->data, err, errlen)) return false;
  const VlEmbedded *cb = vl_embedded_find("callbacks.tsv");
  if (!cb) {
    snprintf(err, errlen, "callbacks.tsv is not embedded");
    return false;
  }
  if (!vl_knowledge_parse_callbacks(self, arena, cb->data, err, errlen)) return false;
  static const char *const calls[] = {"pandas.tsv", "pil.tsv", "stdlib.tsv"};
  for (size_t i = 0; i < sizeof calls / sizeof *calls; i++) {
    const VlEmbedded *c = vl_embedded_find(calls[i]);
    if (!c) {
      snprintf(err, errlen, "%s is not embedded", calls[i]);
      return false;
    }
    if (!vl_knowledge_parse_calls(self, arena, calls[i], c->data, err, errlen)) return false;
  }
  /* the ids the code and tests name */
  static const char *const builtin[] = {NULL, "numpy", "cupy", "torch"};
  for (int id = VL_LIBID_NUMPY; id <= VL_LIBID_TORCH; id++)
    if ((size_t)id > self->nlibs || strcmp(self->libs[id - 1].module, builtin[id]) != 0) {
      snprintf(err, errlen, "libraries.tsv: row %d must be %s", id, builtin[id]);
      return false;
    }
  return true;
}

const VlLibrary *vl_knowledge_lib(const VlKnowledge *self, uint8_t id) {
  if (id && id <= self->nlibs) return &self->libs[id - 1];
  for (size_t i = 0; i < self->nlibs; i++)
    if (self->libs[i].is_default) return &self->libs[i];
  return &self->libs[0];
}

const VlLibrary *vl_knowledge_lib_of_type(const VlKnowledge *self, const char *type_name) {
  for (size_t i = 0; i < self->nlibs; i++)
    for (int t = 0; t < self->libs[i].ntypes; t++)
      if (strcmp(self->libs[i].types[t], type_name) == 0) return &self->libs[i];
  return NULL;
}

const VlLibrary *vl_knowledge_lib_of_model(const VlKnowledge *self, const char *qualified) {
  for (size_t i = 0; i < self->nlibs; i++) {
    const VlLibrary *l = &self->libs[i];
    if ((l->model && strcmp(l->model, qualified) == 0) || (l->model_alias && strcmp(l->model_alias, qualified) == 0))
      return l;
  }
  return NULL;
}

const VlLibrary *vl_knowledge_library(const VlKnowledge *self, const char *qualified, const char **member) {
  for (size_t i = 0; i < self->nlibs; i++) {
    size_t n = strlen(self->libs[i].module);
    if (strncmp(qualified, self->libs[i].module, n) == 0 && (qualified[n] == '.' || !qualified[n])) {
      *member = !qualified[n] ? "" : self->libs[i].qualified ? qualified + (strrchr(self->libs[i].module, '.') - self->libs[i].module) + 1
                                                             : qualified + n + 1;
      return &self->libs[i];
    }
  }
  return NULL;
}

bool vl_knowledge_viewless(const VlKnowledge *self, const char *qualified) {
  for (size_t i = 0; i < self->nviewless; i++) {
    size_t n = strlen(self->viewless[i]);
    if (strncmp(qualified, self->viewless[i], n) == 0 && (qualified[n] == '.' || !qualified[n])) return true;
  }
  return false;
}
