/* scan.c: which modules a file imports, without parsing the whole file.
 *
 * Lines whose first word is `import` or `from` (at any indentation, with their parenthesised or
 * backslash continuations) are handed to tree-sitter as the only included ranges, so the parse
 * costs what the import statements cost.  A string line that happens to start with `import` gives
 * at most a harmless extra name (a dependency edge to a module that is not in the program). */
#include "ir/scan.h"

#include <stdlib.h>
#include <string.h>

#include "base/vec.h"

typedef VL_VEC(TSRange) Ranges;

static bool starts_word(const char *s, const char *e, const char *w) {
  size_t n = strlen(w);
  return (size_t)(e - s) > n && memcmp(s, w, n) == 0 && (s[n] == ' ' || s[n] == '\t' || s[n] == '(' || s[n] == '.');
}

static void find_ranges(const char *text, size_t len, Ranges *out) {
  uint32_t row = 0;
  for (size_t i = 0; i < len;) {
    size_t ls = i;
    while (i < len && text[i] != '\n') i++;
    size_t le = i;
    if (i < len) i++;
    size_t s = ls;
    while (s < le && (text[s] == ' ' || text[s] == '\t')) s++;
    if (!starts_word(text + s, text + le, "import") && !starts_word(text + s, text + le, "from")) {
      row++;
      continue;
    }
    /* the logical line: through open parentheses and trailing backslashes */
    size_t e = le;
    int depth = 0;
    uint32_t erow = row;
    for (size_t k = s; k < e; k++) depth += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
    while ((depth > 0 || (e > s && text[e - 1] == '\\')) && e < len && erow - row < 200) {
      size_t ns = e + 1, ne = ns;
      while (ne < len && text[ne] != '\n') ne++;
      for (size_t k = ns; k < ne; k++) depth += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
      e = ne;
      erow++;
    }
    TSRange r = {.start_point = {row, (uint32_t)(s - ls)}, .end_point = {erow + 1, 0}, .start_byte = (uint32_t)s,
                 .end_byte = (uint32_t)(e < len ? e + 1 : e)};
    VL_VEC_PUSH(out, r);
    row = erow + 1;
    i = e < len ? e + 1 : e;
  }
}

typedef struct Scan {
  const VlPy *py;
  const char *text;
  VlArena *arena;
  VL_VEC(VlImportRef) refs;
} Scan;

static char *text_of(Scan *s, TSNode n) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  return vl_arena_strndup(s->arena, s->text + a, b - a);
}

static void add(Scan *s, TSNode stmt, const char *module, uint8_t level, const char *member) {
  VlImportRef r = {module, level, member, ts_node_start_point(stmt).column > 0};
  VL_VEC_PUSH(&s->refs, r);
}

static void statement(Scan *s, TSNode n) {
  const VlPy *py = s->py;
  if (vl_py_is(py, n, VL_K_IMPORT)) {
    /* import_statement -> 'import' (dotted_name | aliased_import) (',' ...)* */
    VlPyKids kids = vl_py_kids(n, true);
    for (TSNode c; vl_py_kids_next(&kids, &c);) {
      if (vl_py_is(py, c, VL_K_ALIASED_IMPORT)) c = vl_py_field(py, c, VL_F_NAME);
      if (vl_py_is(py, c, VL_K_DOTTED_NAME)) add(s, n, text_of(s, c), 0, NULL);
    }
    vl_py_kids_end(&kids);
    return;
  }
  if (vl_py_is(py, n, VL_K_IMPORT_FROM)) {
    /* import_from_statement -> 'from' (dotted_name | relative_import) 'import' names */
    TSNode mod = vl_py_field(py, n, VL_F_MODULE_NAME);
    const char *module = "";
    uint8_t level = 0;
    if (vl_py_is(py, mod, VL_K_RELATIVE_IMPORT)) {
      VlPyKids kids = vl_py_kids(mod, true);
      for (TSNode c; vl_py_kids_next(&kids, &c);) {
        if (vl_py_is(py, c, VL_K_IMPORT_PREFIX)) level = (uint8_t)(ts_node_end_byte(c) - ts_node_start_byte(c));
        else if (vl_py_is(py, c, VL_K_DOTTED_NAME)) module = text_of(s, c);
      }
      vl_py_kids_end(&kids);
    } else if (!ts_node_is_null(mod)) {
      module = text_of(s, mod);
    }
    bool any = false;
    VlPyKids kids = vl_py_kids(n, true);
    for (TSNode c; vl_py_kids_next(&kids, &c);) {
      if (ts_node_eq(c, mod)) continue;
      if (vl_py_is(py, c, VL_K_ALIASED_IMPORT)) c = vl_py_field(py, c, VL_F_NAME);
      if (vl_py_is(py, c, VL_K_DOTTED_NAME)) {
        add(s, n, module, level, text_of(s, c));
        any = true;
      }
    }
    vl_py_kids_end(&kids);
    if (!any) add(s, n, module, level, NULL); /* from x import * */
    return;
  }
  VlPyKids kids = vl_py_kids(n, true);
  for (TSNode c; vl_py_kids_next(&kids, &c);) statement(s, c);
  vl_py_kids_end(&kids);
}

static size_t scan_imports(const VlPy *py, TSParser *parser, const char *text, size_t len, VlArena *arena,
                           const VlImportRef **out) {
  Ranges ranges = {0};
  find_ranges(text, len, &ranges);
  *out = NULL;
  if (!ranges.len) return 0;
  TSParser *own = NULL;
  if (!parser) {
    parser = own = ts_parser_new();
    ts_parser_set_language(parser, py->lang);
  }
  ts_parser_set_included_ranges(parser, ranges.items, (uint32_t)ranges.len);
  TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
  ts_parser_set_included_ranges(parser, NULL, 0);
  Scan s = {py, text, arena, {0}};
  if (tree) statement(&s, ts_tree_root_node(tree));
  ts_tree_delete(tree);
  if (own) ts_parser_delete(own);
  VL_VEC_FREE(&ranges);
  VlImportRef *refs = VL_ARENA_ARRAY(arena, VlImportRef, s.refs.len + 1);
  if (s.refs.len) memcpy(refs, s.refs.items, s.refs.len * sizeof *refs);
  size_t n = s.refs.len;
  VL_VEC_FREE(&s.refs);
  *out = refs;
  return n;
}

size_t vl_scan_imports(const VlPy *py, TSParser *parser, const char *text, size_t len, VlArena *arena,
                       const VlImportRef **out) {
  char *lf = vl_source_lone_cr_as_lf(text, len); /* old Mac line ends: lines as Python sees them */
  size_t n = scan_imports(py, parser, lf ? lf : text, len, arena, out);
  free(lf);
  return n;
}
