/* toml.c: the tree-sitter TOML tree flattened into key path = value entries (toml.h). */
#define _POSIX_C_SOURCE 200809L
#include "syntax/toml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/strmap.h"

const TSLanguage *tree_sitter_toml(void);

/* An array-of-tables header seen, and the number of its latest element. */
typedef struct ArrayHeader {
  char *id; /* key_id of its path */
  size_t element;
} ArrayHeader;

typedef struct Reader {
  const char *text;
  VlTomlDoc *doc;
  size_t cap;
  size_t element; /* the array-of-tables element of the pairs being read, or 0 */
  ArrayHeader *arrays;
  size_t narrays, nelements;
  VlStrMap array_ids; /* ArrayHeader.id -> its index in arrays */
} Reader;

static bool is(TSNode n, const char *type) { return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0; }

/* Records the first error, at n; returns false. */
static bool fail_at(Reader *r, TSNode n, char *owned_message) {
  if (r->doc->error) {
    free(owned_message);
    return false;
  }
  TSPoint p = ts_node_start_point(n);
  r->doc->error = owned_message;
  r->doc->error_row = p.row;
  r->doc->error_col = p.column;
  return false;
}

/* Decodes a string or quoted key node (basic, literal, multi-line) into a heap string. */
static char *decode_string(const Reader *r, TSNode n) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  const char *t = r->text + s;
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

/* The node's text without the underscores TOML allows between digits (heap string). */
static char *digits_of(const char *s, size_t n) {
  char *d = vl_xcalloc(n + 1, 1), *o = d;
  for (size_t i = 0; i < n; i++)
    if (s[i] != '_') *o++ = s[i];
  return d;
}

/* integer -> [+-]? digits | 0x hex | 0o octal | 0b binary, '_' between digits */
static int64_t decode_integer(const char *text) {
  char *d = digits_of(text, strlen(text));
  const char *p = d;
  int base = 10;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b')) {
    base = p[1] == 'x' ? 16 : p[1] == 'o' ? 8 : 2;
    p += 2;
  }
  errno = 0;
  long long v = strtoll(p, NULL, base); /* saturates at the limits */
  free(d);
  return (int64_t)v;
}

/* float -> [+-]? digits [. digits] [e [+-] digits] | [+-]? inf | [+-]? nan, '_' between digits */
static double decode_float(const char *text) {
  char *d = digits_of(text, strlen(text));
  double v = strtod(d, NULL);
  free(d);
  return v;
}

/* value -> string | integer | float | boolean | date-time | array | inline_table */
static void read_value(const Reader *r, TSNode n, VlTomlValue *out) {
  TSPoint p = ts_node_start_point(n);
  *out = (VlTomlValue){.row = p.row, .col = p.column};
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (is(n, "string")) {
    out->kind = VL_TOML_STRING;
    out->text = decode_string(r, n);
    return;
  }
  if (is(n, "array")) {
    out->kind = VL_TOML_ARRAY;
    uint32_t c = ts_node_named_child_count(n);
    out->items = vl_xcalloc(c ? c : 1, sizeof(VlTomlValue));
    for (uint32_t i = 0; i < c; i++) {
      TSNode item = ts_node_named_child(n, i);
      if (!is(item, "comment")) read_value(r, item, &out->items[out->count++]);
    }
    return;
  }
  if (is(n, "inline_table") || is(n, "table")) {
    out->kind = VL_TOML_TABLE;
    return;
  }
  if (is(n, "table_array_element")) { /* an empty [[t]]: an array holding one empty table */
    out->kind = VL_TOML_ARRAY;
    out->items = vl_xcalloc(1, sizeof(VlTomlValue));
    out->items[0] = (VlTomlValue){.kind = VL_TOML_TABLE, .row = p.row, .col = p.column};
    out->count = 1;
    return;
  }
  out->text = vl_xstrndup(r->text + s, e - s);
  if (is(n, "integer")) {
    out->kind = VL_TOML_INTEGER;
    out->integer = decode_integer(out->text);
  } else if (is(n, "float")) {
    out->kind = VL_TOML_FLOAT;
    out->number = decode_float(out->text);
  } else if (is(n, "boolean")) {
    out->kind = VL_TOML_BOOLEAN;
    out->boolean = out->text[0] == 't';
  } else {
    out->kind = VL_TOML_DATETIME;
  }
}

static void value_free(VlTomlValue *v) {
  free(v->text);
  for (size_t i = 0; i < v->count; i++) value_free(&v->items[i]);
  free(v->items);
}

/* key -> bare_key | quoted_key | dotted_key; appends its parts to parts[*n]. */
static bool key_parts(Reader *r, TSNode key, char **parts, int *n) {
  if (is(key, "dotted_key")) {
    for (uint32_t i = 0, c = ts_node_named_child_count(key); i < c; i++)
      if (!key_parts(r, ts_node_named_child(key, i), parts, n)) return false;
    return true;
  }
  if (*n >= VL_TOML_MAX_KEY_PARTS) return fail_at(r, key, vl_xstrdup("key nested too deeply"));
  if (is(key, "bare_key")) {
    uint32_t s = ts_node_start_byte(key), e = ts_node_end_byte(key);
    parts[(*n)++] = vl_xstrndup(r->text + s, e - s);
    return true;
  }
  if (is(key, "quoted_key")) {
    parts[(*n)++] = decode_string(r, key);
    return true;
  }
  return fail_at(r, key, vl_xstrdup("unexpected key"));
}

/* A heap string naming a key path unambiguously (a quoted part may hold dots): "<length>:<part>" per
 * part.  One path's id is a prefix of another's exactly when the path is a prefix of the other. */
static char *key_id(char *const *parts, int n) {
  VlBuf id = {0};
  vl_buf_append(&id, "", 0);
  for (int p = 0; p < n; p++) vl_buf_printf(&id, "%zu:%s", strlen(parts[p]), parts[p]);
  return id.data;
}

/* The element the pairs under a header belong to: a [[path]] header starts a new one; a [path]
 * header belongs to the latest element of the longest array-of-tables path it extends (or none).
 * A hash lookup per prefix of the path: linear in the headers. */
static size_t header_element(Reader *r, char *const *parts, int n, bool array) {
  for (int len = n; len > 0; len--) {
    char *id = key_id(parts, len);
    size_t k;
    bool known = vl_strmap_get(&r->array_ids, id, &k);
    if (array && len == n) {
      if (!known) {
        k = r->narrays;
        r->arrays = vl_xrealloc(r->arrays, (r->narrays + 1) * sizeof(ArrayHeader));
        r->arrays[r->narrays++] = (ArrayHeader){id, 0};
        vl_strmap_put(&r->array_ids, id, k); /* the map borrows the id, freed with the reader */
      } else {
        free(id);
      }
      return r->arrays[k].element = ++r->nelements;
    }
    free(id);
    if (known) return r->arrays[k].element;
  }
  return 0;
}

/* Takes the parts (heap strings). */
static void push_entry(Reader *r, char **parts, int n, TSNode value) {
  VlTomlDoc *d = r->doc;
  if (d->count == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 16;
    d->entries = vl_xrealloc(d->entries, r->cap * sizeof(VlTomlEntry));
  }
  VlTomlEntry *e = &d->entries[d->count++];
  memset(e, 0, sizeof *e);
  for (int i = 0; i < n; i++) e->parts[i] = parts[i];
  e->nparts = n;
  e->element = r->element;
  read_value(r, value, &e->value);
}

static void add_pair(Reader *r, char **prefix, int nprefix, TSNode pair);

/* The pairs of a table or inline table; an empty one is kept as an entry of its own (so that a
 * caller sees an empty table, which has no pairs). */
static void flatten_pairs(Reader *r, TSNode container, char **prefix, int nprefix) {
  bool any = false;
  for (uint32_t i = 0, c = ts_node_named_child_count(container); i < c; i++) {
    TSNode ch = ts_node_named_child(container, i);
    if (is(ch, "pair")) add_pair(r, prefix, nprefix, ch), any = true;
  }
  if (!any && nprefix) {
    char *parts[VL_TOML_MAX_KEY_PARTS];
    for (int i = 0; i < nprefix; i++) parts[i] = vl_xstrdup(prefix[i]);
    push_entry(r, parts, nprefix, container);
  }
}

/* pair -> key '=' value */
static void add_pair(Reader *r, char **prefix, int nprefix, TSNode pair) {
  char *parts[VL_TOML_MAX_KEY_PARTS];
  int n = 0;
  for (int i = 0; i < nprefix; i++) parts[n++] = vl_xstrdup(prefix[i]);
  TSNode key = ts_node_named_child(pair, 0), value = ts_node_named_child(pair, 1);
  bool ok = key_parts(r, key, parts, &n) && !ts_node_is_null(value);
  if (ok && !is(value, "inline_table")) {
    push_entry(r, parts, n, value); /* takes the parts */
    return;
  }
  if (ok) flatten_pairs(r, value, parts, n);
  for (int i = 0; i < n; i++) free(parts[i]);
}

/* The first error or missing node below root (which has an error). */
static TSNode first_error(TSNode root) {
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
  return bad;
}

char *vl_toml_key_text(const VlTomlEntry *entry, int from) {
  VlBuf key = {0};
  vl_buf_append(&key, "", 0);
  for (int p = from; p < entry->nparts; p++) vl_buf_printf(&key, "%s%s", p > from ? "." : "", entry->parts[p]);
  return key.data;
}


/* TOML forbids defining a key twice: each key path (with its array-of-tables element) is looked up
 * in a hash set of those seen.  On a duplicate, the entries from it on are dropped. */
static void check_duplicates(VlTomlDoc *d) {
  VlStrMap seen = {0};
  char **ids = vl_xcalloc(d->count ? d->count : 1, sizeof(char *));
  size_t i = 0, first;
  for (; i < d->count; i++) {
    char *path = key_id(d->entries[i].parts, d->entries[i].nparts);
    VlBuf id = {0};
    vl_buf_printf(&id, "%zu#%s", d->entries[i].element, path);
    free(path);
    ids[i] = id.data;
    if (vl_strmap_get(&seen, ids[i], &first)) break;
    vl_strmap_put(&seen, ids[i], i);
  }
  size_t nids = i < d->count ? i + 1 : i;
  if (i < d->count) {
    VlTomlEntry *e = &d->entries[i];
    char *key = vl_toml_key_text(e, 0);
    VlBuf msg = {0};
    vl_buf_printf(&msg, "key `%s` is defined twice", key);
    free(key);
    d->error = msg.data;
    d->error_row = e->value.row;
    d->error_col = e->value.col;
    for (size_t k = i; k < d->count; k++) {
      for (int p = 0; p < d->entries[k].nparts; p++) free(d->entries[k].parts[p]);
      value_free(&d->entries[k].value);
    }
    d->count = i;
  }
  vl_strmap_free(&seen);
  for (size_t k = 0; k < nids; k++) free(ids[k]);
  free(ids);
}

/* document -> (pair | table | table_array_element)* */
bool vl_toml_read(const char *text, size_t len, VlTomlDoc *out) {
  *out = (VlTomlDoc){0};
  Reader r = {text, out, 0, 0, NULL, 0, 0, {0}};
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_toml());
  TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
  TSNode root = ts_tree_root_node(tree);
  if (ts_node_has_error(root)) {
    fail_at(&r, first_error(root), vl_xstrdup("invalid TOML"));
  } else {
    for (uint32_t i = 0, n = ts_node_named_child_count(root); i < n && !out->error; i++) {
      TSNode ch = ts_node_named_child(root, i);
      if (is(ch, "pair")) add_pair(&r, NULL, 0, ch);
      else if (is(ch, "table") || is(ch, "table_array_element")) {
        char *prefix[VL_TOML_MAX_KEY_PARTS];
        int np = 0;
        if (key_parts(&r, ts_node_named_child(ch, 0), prefix, &np)) {
          r.element = header_element(&r, prefix, np, is(ch, "table_array_element"));
          flatten_pairs(&r, ch, prefix, np);
        }
        for (int k = 0; k < np; k++) free(prefix[k]); /* the parts read before a failure too */
      }
    }
  }
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  vl_strmap_free(&r.array_ids);
  for (size_t k = 0; k < r.narrays; k++) free(r.arrays[k].id);
  free(r.arrays);
  if (out->error) { /* a syntax or key error: nothing is usable */
    char *error = out->error;
    uint32_t row = out->error_row, col = out->error_col;
    out->error = NULL;
    vl_toml_doc_free(out);
    *out = (VlTomlDoc){NULL, 0, error, row, col};
    return false;
  }
  check_duplicates(out);
  return !out->error;
}

void vl_toml_doc_free(VlTomlDoc *self) {
  if (!self) return;
  for (size_t i = 0; i < self->count; i++) {
    for (int p = 0; p < self->entries[i].nparts; p++) free(self->entries[i].parts[p]);
    value_free(&self->entries[i].value);
  }
  free(self->entries);
  free(self->error);
  *self = (VlTomlDoc){0};
}
