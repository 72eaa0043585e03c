/* config.c: reading [tool.viewleak] / viewleak.toml with the tree-sitter TOML grammar.
 *
 * The document is flattened into (dotted key path, value node) entries, tables and inline tables
 * included, then each entry is checked against the key table in config.h. */
#define _POSIX_C_SOURCE 200809L
#include "driver/config.h"

#include <fnmatch.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tree_sitter/api.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/strmap.h"
#include "base/suggest.h"
#include "driver/walk.h"

const TSLanguage *tree_sitter_toml(void);

enum { MAX_PATH_PARTS = 8 };

typedef struct Entry {
  char *parts[MAX_PATH_PARTS];
  int nparts;
  TSNode value;
} Entry;

typedef struct Loader {
  const char *path;
  const char *text;
  Entry *entries;
  size_t count, cap;
  char *err;
  size_t errlen;
  bool failed;
} Loader;

static bool is(TSNode n, const char *type) { return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0; }

static bool fail_at(Loader *l, TSNode n, const char *fmt, const char *arg) {
  if (l->failed) return false;
  l->failed = true;
  int k = snprintf(l->err, l->errlen, "%s:%u: ", l->path, ts_node_start_point(n).row + 1);
  if (k > 0 && (size_t)k < l->errlen) snprintf(l->err + k, l->errlen - (size_t)k, fmt, arg);
  return false;
}

/* Decodes a TOML string or quoted key node into a heap string. */
static char *decode_string(Loader *l, TSNode n) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  const char *t = l->text + s;
  size_t len = e - s, q = 1;
  if (len >= 6 && (strncmp(t, "\"\"\"", 3) == 0 || strncmp(t, "'''", 3) == 0)) q = 3;
  bool literal = t[0] == '\'';
  VlBuf out = {0};
  vl_buf_append(&out, "", 0);
  const char *p = t + q, *end = t + len - q;
  if (q == 3 && p < end && *p == '\n') p++;
  while (p < end) {
    if (literal || *p != '\\') {
      vl_buf_append(&out, p++, 1);
      continue;
    }
    char c = p[1], ch = 0;
    switch (c) {
    case 'n': ch = '\n'; break;
    case 't': ch = '\t'; break;
    case 'r': ch = '\r'; break;
    case 'b': ch = '\b'; break;
    case 'f': ch = '\f'; break;
    case '"': ch = '"'; break;
    case '\\': ch = '\\'; break;
    default: break;
    }
    if (ch) {
      vl_buf_append(&out, &ch, 1);
      p += 2;
    } else if (c == 'u' || c == 'U') {
      int nd = c == 'u' ? 4 : 8;
      unsigned long cp;
      char hex[9] = {0};
      memcpy(hex, p + 2, (size_t)nd < (size_t)(end - p - 2) ? (size_t)nd : (size_t)(end - p - 2));
      cp = strtoul(hex, NULL, 16);
      char u[4];
      int k = 0;
      if (cp < 0x80) u[k++] = (char)cp;
      else if (cp < 0x800) u[k++] = (char)(0xC0 | (cp >> 6)), u[k++] = (char)(0x80 | (cp & 0x3F));
      else if (cp < 0x10000) u[k++] = (char)(0xE0 | (cp >> 12)), u[k++] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[k++] = (char)(0x80 | (cp & 0x3F));
      else u[k++] = (char)(0xF0 | (cp >> 18)), u[k++] = (char)(0x80 | ((cp >> 12) & 0x3F)), u[k++] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[k++] = (char)(0x80 | (cp & 0x3F));
      vl_buf_append(&out, u, (size_t)k);
      p += 2 + nd;
    } else { /* line-ending backslash in multi-line strings: skip whitespace */
      p++;
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    }
  }
  return out.data;
}

/* key -> bare_key | quoted_key | dotted_key; appends its parts to path. */
static bool key_parts(Loader *l, TSNode key, char **parts, int *n) {
  if (is(key, "dotted_key")) {
    for (uint32_t i = 0, c = ts_node_named_child_count(key); i < c; i++)
      if (!key_parts(l, ts_node_named_child(key, i), parts, n)) return false;
    return true;
  }
  if (*n >= MAX_PATH_PARTS) return fail_at(l, key, "key nested too deeply%s", "");
  if (is(key, "bare_key")) {
    uint32_t s = ts_node_start_byte(key), e = ts_node_end_byte(key);
    parts[(*n)++] = vl_xstrndup(l->text + s, e - s);
    return true;
  }
  if (is(key, "quoted_key")) {
    parts[(*n)++] = decode_string(l, key);
    return true;
  }
  return fail_at(l, key, "unexpected key%s", "");
}

static void add_entry(Loader *l, char **prefix, int nprefix, TSNode pair);

static void push_entry(Loader *l, char **parts, int n, TSNode value) {
  if (l->count == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 16;
    l->entries = vl_xrealloc(l->entries, l->cap * sizeof(Entry));
  }
  Entry *e = &l->entries[l->count++];
  for (int i = 0; i < n; i++) e->parts[i] = parts[i];
  e->nparts = n;
  e->value = value;
}

/* The pairs of a table or inline table; an empty one is kept as an entry of its own (so that an
 * unknown empty table is reported, and an empty per-file-ignores is accepted). */
static void flatten_pairs(Loader *l, TSNode container, char **prefix, int nprefix) {
  bool any = false;
  for (uint32_t i = 0, c = ts_node_named_child_count(container); i < c; i++) {
    TSNode ch = ts_node_named_child(container, i);
    if (is(ch, "pair")) add_entry(l, prefix, nprefix, ch), any = true;
  }
  if (!any && nprefix) {
    char *parts[MAX_PATH_PARTS];
    for (int i = 0; i < nprefix; i++) parts[i] = vl_xstrdup(prefix[i]);
    push_entry(l, parts, nprefix, container);
  }
}

/* pair -> key '=' value */
static void add_entry(Loader *l, char **prefix, int nprefix, TSNode pair) {
  char *parts[MAX_PATH_PARTS];
  int n = 0;
  for (int i = 0; i < nprefix; i++) parts[n++] = vl_xstrdup(prefix[i]);
  TSNode key = ts_node_named_child(pair, 0), value = ts_node_named_child(pair, 1);
  if (!key_parts(l, key, parts, &n) || ts_node_is_null(value)) {
    for (int i = 0; i < n; i++) free(parts[i]);
    return;
  }
  if (is(value, "inline_table")) {
    flatten_pairs(l, value, parts, n);
    for (int i = 0; i < n; i++) free(parts[i]);
    return;
  }
  push_entry(l, parts, n, value);
}

/* A heap string naming e's key path unambiguously (a quoted part may hold dots): "<length>:<part>"
 * per part. */
static char *key_id(const Entry *e) {
  VlBuf id = {0};
  vl_buf_append(&id, "", 0);
  for (int p = 0; p < e->nparts; p++) vl_buf_printf(&id, "%zu:%s", strlen(e->parts[p]), e->parts[p]);
  return id.data;
}

static void free_entries(Loader *l) {
  for (size_t i = 0; i < l->count; i++)
    for (int k = 0; k < l->entries[i].nparts; k++) free(l->entries[i].parts[k]);
  free(l->entries);
}

/* Reads an array of strings. */
static bool string_list(Loader *l, TSNode v, const char *key, VlStrList *out) {
  if (!is(v, "array")) return fail_at(l, v, "`%s` must be an array of strings", key);
  for (uint32_t i = 0, c = ts_node_named_child_count(v); i < c; i++) {
    TSNode s = ts_node_named_child(v, i);
    if (is(s, "comment")) continue;
    if (!is(s, "string")) return fail_at(l, s, "`%s` must be an array of strings", key);
    out->items = vl_xrealloc(out->items, (out->count + 1) * sizeof(char *));
    out->items[out->count++] = decode_string(l, s);
  }
  return true;
}

static bool codes_valid(Loader *l, TSNode v, const char *key, const VlStrList *codes) {
  VlSelection *probe = vl_selection_new();
  bool ok = true;
  for (size_t i = 0; i < codes->count && ok; i++)
    if (!vl_selection_select(probe, codes->items[i])) {
      char msg[224], near[64];
      snprintf(msg, sizeof msg, "`%s`: '%s' matches no rule%s (see 'viewleak rule --all')", key, codes->items[i],
               vl_rule_suggest(codes->items[i], near, sizeof near));
      ok = fail_at(l, v, "%s", msg);
    }
  vl_selection_delete(probe);
  return ok;
}

static void list_free(VlStrList *s) {
  for (size_t i = 0; i < s->count; i++) free(s->items[i]);
  free(s->items);
}

void vl_config_delete(VlConfig *self) {
  if (!self) return;
  free(self->path);
  free(self->dir);
  list_free(&self->select);
  list_free(&self->extend_select);
  list_free(&self->ignore);
  list_free(&self->exclude);
  list_free(&self->extend_exclude);
  list_free(&self->include);
  list_free(&self->extend_include);
  list_free(&self->copy_functions);
  list_free(&self->view_functions);
  list_free(&self->array_producers);
  free(self->cache_dir);
  for (size_t i = 0; i < self->nper_file_ignores; i++) {
    free(self->per_file_ignores[i].pattern);
    list_free(&self->per_file_ignores[i].codes);
  }
  free(self->per_file_ignores);
  free(self);
}

static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return vl_xstrdup(".");
  if (slash == path) return vl_xstrdup("/");
  return vl_xstrndup(path, (size_t)(slash - path));
}

VlConfig *vl_config_default(void) {
  VlConfig *c = vl_xcalloc(1, sizeof(VlConfig));
  c->dir = vl_abs_path(".");
  c->respect_gitignore = true;
  return c;
}

/* Every key apply_entry reads (config.h's table): for "did you mean" and the JSON Schema's test. */
const char *const vl_config_keys[] = {"select", "extend-select", "ignore", "per-file-ignores", "exclude",
                                      "extend-exclude", "respect-gitignore", "extend-copy-functions",
                                      "extend-view-functions", "extend-array-producers", "cache-dir"};
const size_t vl_config_nkeys = sizeof vl_config_keys / sizeof *vl_config_keys;

/* Interprets one entry (its path already stripped of the tool.viewleak prefix). */
static bool apply_entry(Loader *l, VlConfig *c, char **parts, int n, TSNode v) {
  static const struct { const char *key; size_t offset; size_t flag; bool codes; } lists[] = {
      {"select", offsetof(VlConfig, select), offsetof(VlConfig, has_select), true},
      {"extend-select", offsetof(VlConfig, extend_select), 0, true},
      {"ignore", offsetof(VlConfig, ignore), 0, true},
      {"exclude", offsetof(VlConfig, exclude), offsetof(VlConfig, has_exclude), false},
      {"extend-exclude", offsetof(VlConfig, extend_exclude), 0, false},
      {"include", offsetof(VlConfig, include), offsetof(VlConfig, has_include), false},
      {"extend-include", offsetof(VlConfig, extend_include), 0, false},
      {"extend-copy-functions", offsetof(VlConfig, copy_functions), 0, false},
      {"extend-view-functions", offsetof(VlConfig, view_functions), 0, false},
      {"extend-array-producers", offsetof(VlConfig, array_producers), 0, false},
  };
  if (n == 1)
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
      if (strcmp(parts[0], lists[i].key) != 0) continue;
      VlStrList *list = (VlStrList *)((char *)c + lists[i].offset);
      if (lists[i].flag) *(bool *)((char *)c + lists[i].flag) = true;
      return string_list(l, v, parts[0], list) && (!lists[i].codes || codes_valid(l, v, parts[0], list));
    }
  if (n == 1 && strcmp(parts[0], "respect-gitignore") == 0) {
    if (!is(v, "boolean")) return fail_at(l, v, "`%s` must be true or false", parts[0]);
    c->respect_gitignore = l->text[ts_node_start_byte(v)] == 't';
    return true;
  }
  if (n == 1 && strcmp(parts[0], "cache-dir") == 0) {
    if (!is(v, "string")) return fail_at(l, v, "`%s` must be a string (a folder)", parts[0]);
    free(c->cache_dir);
    c->cache_dir = decode_string(l, v);
    if (!c->cache_dir[0]) return fail_at(l, v, "`%s` must not be empty", parts[0]);
    return true;
  }
  bool table = is(v, "table") || is(v, "inline_table");
  if (n == 1 && strcmp(parts[0], "per-file-ignores") == 0) {
    if (table) return true; /* empty */
    return fail_at(l, v, "`%s` must be a table of glob = [codes]", parts[0]);
  }
  if (n == 2 && strcmp(parts[0], "per-file-ignores") == 0) {
    c->per_file_ignores = vl_xrealloc(c->per_file_ignores, (c->nper_file_ignores + 1) * sizeof(VlPerFileIgnore));
    VlPerFileIgnore *p = &c->per_file_ignores[c->nper_file_ignores++];
    *p = (VlPerFileIgnore){vl_xstrdup(parts[1]), {0}};
    return string_list(l, v, "per-file-ignores", &p->codes) && codes_valid(l, v, "per-file-ignores", &p->codes);
  }
  VlBuf key = {0};
  char near[128];
  for (int i = 0; i < n; i++) vl_buf_printf(&key, "%s%s", i ? "." : "", parts[i]);
  vl_buf_printf(&key, "`%s", vl_suggest_phrase(key.data, vl_config_keys, vl_config_nkeys, near, sizeof near));
  fail_at(l, v, "unknown key `%s (see the configuration table in the README)", key.data);
  vl_buf_free(&key);
  return false;
}

VlConfig *vl_config_load(const char *path_in, bool *found, char *err, size_t errlen) {
  *found = false;
  char *path = vl_display_path(path_in); /* messages name it relative to the current folder */
  char *text;
  size_t len;
  char why[256];
  if (!vl_read_file(path, &text, &len, why, sizeof why)) {
    snprintf(err, errlen, "%s: %s", path, why);
    free(path);
    return NULL;
  }
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  bool pyproject = strcmp(base, "pyproject.toml") == 0;
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_toml());
  TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
  TSNode root = ts_tree_root_node(tree);
  Loader l = {path, text, NULL, 0, 0, err, errlen, false};
  VlConfig *c = NULL;
  if (ts_node_has_error(root)) {
    /* the first error or missing node names the line */
    TSNode bad = root;
    for (bool descended = true; descended;) {
      descended = false;
      for (uint32_t i = 0, n = ts_node_child_count(bad); i < n; i++) {
        TSNode ch = ts_node_child(bad, i);
        if (ts_node_is_error(ch) || ts_node_is_missing(ch) || ts_node_has_error(ch)) {
          bad = ch;
          descended = !ts_node_is_error(ch) && !ts_node_is_missing(ch);
          break;
        }
      }
    }
    fail_at(&l, bad, "invalid TOML%s", "");
    goto done;
  }
  for (uint32_t i = 0, n = ts_node_named_child_count(root); i < n; i++) {
    TSNode ch = ts_node_named_child(root, i);
    if (is(ch, "pair")) add_entry(&l, NULL, 0, ch);
    else if (is(ch, "table") || is(ch, "table_array_element")) {
      char *prefix[MAX_PATH_PARTS];
      int np = 0;
      bool ok = key_parts(&l, ts_node_named_child(ch, 0), prefix, &np);
      if (ok) flatten_pairs(&l, ch, prefix, np);
      for (int k = 0; k < np; k++) free(prefix[k]); /* the parts read before a failure too */
      if (!ok) goto done;
    }
  }
  if (l.failed) goto done;
  c = vl_xcalloc(1, sizeof(VlConfig));
  c->path = vl_xstrdup(path);
  c->respect_gitignore = true;
  char *abs = vl_abs_path(path);
  c->dir = dir_of(abs);
  free(abs);
  bool any = !pyproject;
  /* TOML forbids defining a key twice: each key path is looked up in a hash set of those seen */
  VlStrMap seen = {0};
  char **seen_keys = vl_xcalloc(l.count ? l.count : 1, sizeof(char *));
  for (size_t i = 0; i < l.count && !l.failed; i++) {
    Entry *e = &l.entries[i];
    seen_keys[i] = key_id(e);
    size_t first;
    if (vl_strmap_get(&seen, seen_keys[i], &first)) {
      VlBuf key = {0};
      for (int p = 0; p < e->nparts; p++) vl_buf_printf(&key, "%s%s", p ? "." : "", e->parts[p]);
      fail_at(&l, e->value, "key `%s` is defined twice", key.data);
      vl_buf_free(&key);
      break;
    }
    vl_strmap_put(&seen, seen_keys[i], i);
    int skip = 0;
    if (pyproject) {
      if (e->nparts < 2 || strcmp(e->parts[0], "tool") != 0 || strcmp(e->parts[1], "viewleak") != 0) continue;
      skip = 2;
      any = true;
      if (e->nparts == 2) { /* an empty [tool.viewleak] table; `tool.viewleak = 5` is no table */
        if (!is(e->value, "table") && !is(e->value, "inline_table"))
          fail_at(&l, e->value, "`tool.viewleak` must be a table%s", "");
        continue;
      }
    }
    any = true;
    apply_entry(&l, c, e->parts + skip, e->nparts - skip, e->value);
  }
  for (size_t i = 0; i < l.count; i++) free(seen_keys[i]);
  free(seen_keys);
  vl_strmap_free(&seen);
  if (l.failed) {
    vl_config_delete(c);
    c = NULL;
  } else if (!any) {
    vl_config_delete(c);
    c = NULL;
  } else {
    *found = true;
  }
done:
  free_entries(&l);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  free(text);
  free(path);
  return c;
}

char *vl_config_find(const char *dir) {
  static const char *const names[] = {".viewleak.toml", "viewleak.toml", "pyproject.toml"};
  char *d = vl_abs_path(dir);
  for (;;) {
    for (size_t i = 0; i < 3; i++) {
      size_t n = strlen(d) + strlen(names[i]) + 2;
      char *p = vl_xcalloc(n, 1);
      snprintf(p, n, "%s%s%s", d, strcmp(d, "/") == 0 ? "" : "/", names[i]);
      struct stat st;
      if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
        if (i < 2) {
          free(d);
          return p;
        }
        /* a pyproject.toml counts only with a [tool.viewleak] table (a broken one counts: its
         * error is reported when it is loaded) */
        bool has = false;
        char why[512] = "";
        VlConfig *c = vl_config_load(p, &has, why, sizeof why);
        vl_config_delete(c);
        if (has || why[0]) {
          free(d);
          return p;
        }
      }
      free(p);
    }
    if (strcmp(d, "/") == 0) break;
    char *up = dir_of(d);
    free(d);
    d = up;
  }
  free(d);
  return NULL;
}

/* The (absolute) path relative to the config folder, or the path itself when not below it. */
static const char *relative_to(const VlConfig *c, const char *abs) {
  size_t n = strlen(c->dir);
  if (strncmp(abs, c->dir, n) == 0 && abs[n] == '/') return abs + n + 1;
  return abs;
}

/* A path as globs see it, computed once for all of a configuration's globs. */
typedef struct GlobTarget {
  char *abs;
  const char *rel;  /* relative to the configuration's folder, or abs when not below it */
  const char *name; /* the last part, as given */
} GlobTarget;

static GlobTarget glob_target(const VlConfig *c, const char *path) {
  GlobTarget t = {vl_abs_path(path), NULL, strrchr(path, '/') ? strrchr(path, '/') + 1 : path};
  t.rel = relative_to(c, t.abs);
  return t;
}

static bool glob_matches(const char *pattern, const GlobTarget *t) {
  size_t pl = strlen(pattern);
  char *pat = vl_xstrdup(pattern);
  if (pl > 1 && pat[pl - 1] == '/') pat[pl - 1] = '\0'; /* "legacy/" names a folder */
  bool m = fnmatch(pat, t->rel, 0) == 0 || fnmatch(pat, t->name, 0) == 0;
  if (!m) { /* a folder pattern also matches everything below it */
    size_t k = strlen(pat);
    m = strncmp(t->rel, pat, k) == 0 && t->rel[k] == '/';
  }
  free(pat);
  return m;
}

bool vl_config_matches(const VlConfig *self, const char *pattern, const char *path) {
  GlobTarget t = glob_target(self, path);
  bool m = glob_matches(pattern, &t);
  free(t.abs);
  return m;
}

VlSelection *vl_config_selection(const VlConfig *self, const char *path, const VlStrList *cli_select,
                                 const VlStrList *cli_extend_select, const VlStrList *cli_ignore) {
  VlSelection *sel = vl_selection_new();
  const VlStrList *select = cli_select && cli_select->count ? cli_select : self->has_select ? &self->select : NULL;
  if (select) {
    vl_selection_select_none(sel);
    for (size_t i = 0; i < select->count; i++) vl_selection_select(sel, select->items[i]);
  } else {
    for (size_t i = 0; i < vl_rule_count(); i++)
      if (vl_rule_at(i)->default_enabled) vl_selection_select(sel, vl_rule_at(i)->code);
  }
  for (size_t i = 0; i < self->extend_select.count; i++) vl_selection_select(sel, self->extend_select.items[i]);
  for (size_t i = 0; cli_extend_select && i < cli_extend_select->count; i++)
    vl_selection_select(sel, cli_extend_select->items[i]);
  for (size_t i = 0; i < self->ignore.count; i++) vl_selection_ignore(sel, self->ignore.items[i]);
  for (size_t i = 0; cli_ignore && i < cli_ignore->count; i++) vl_selection_ignore(sel, cli_ignore->items[i]);
  GlobTarget t = glob_target(self, path);
  for (size_t i = 0; i < self->nper_file_ignores; i++)
    if (glob_matches(self->per_file_ignores[i].pattern, &t))
      for (size_t k = 0; k < self->per_file_ignores[i].codes.count; k++)
        vl_selection_ignore(sel, self->per_file_ignores[i].codes.items[k]);
  free(t.abs);
  return sel;
}

bool vl_config_excludes(const VlConfig *self, const char *path) {
  static const char *const defaults[] = {".git", "__pycache__", ".venv", "venv", "node_modules", "build", "dist",
                                         ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".eggs",
                                         ".viewleak_cache"};
  if (!self->has_exclude) {
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++)
      if (strcmp(name, defaults[i]) == 0) return true;
  }
  if (!self->exclude.count && !self->extend_exclude.count) return false;
  GlobTarget t = glob_target(self, path);
  bool m = false;
  for (size_t i = 0; i < self->exclude.count && !m; i++) m = glob_matches(self->exclude.items[i], &t);
  for (size_t i = 0; i < self->extend_exclude.count && !m; i++) m = glob_matches(self->extend_exclude.items[i], &t);
  free(t.abs);
  return m;
}

bool vl_config_includes(const VlConfig *self, const char *path) {
  static const char *const defaults[] = {"*.py", "*.pyi", "*.ipynb"};
  const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  if (!self->has_include) /* name patterns: no need for the path relative to the configuration */
    for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++)
      if (fnmatch(defaults[i], name, 0) == 0) return true;
  if (!self->include.count && !self->extend_include.count) return false;
  GlobTarget t = glob_target(self, path);
  bool m = false;
  for (size_t i = 0; i < self->include.count && !m; i++) m = glob_matches(self->include.items[i], &t);
  for (size_t i = 0; i < self->extend_include.count && !m; i++) m = glob_matches(self->extend_include.items[i], &t);
  free(t.abs);
  return m;
}

VlLibraryExtensions vl_config_extensions(const VlConfig *self) {
  return (VlLibraryExtensions){(const char *const *)self->copy_functions.items, self->copy_functions.count,
                               (const char *const *)self->view_functions.items, self->view_functions.count,
                               (const char *const *)self->array_producers.items, self->array_producers.count};
}
