/* errors.c: syntax errors from tree-sitter's ERROR and MISSING nodes (errors.h).
 *
 *   node                         message (the underline)
 *   MISSING ")"                  SyntaxError: Expected `)`            (where it was assumed)
 *   MISSING identifier           SyntaxError: Expected an identifier
 *   ERROR holding tokens         SyntaxError: Unexpected `:`          (its first token)
 *   ERROR at the end of a file   SyntaxError: Unexpected end of file
 *   print_statement (Python 2)   SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
 *                                (CPython's words; tree-sitter-python parses Python 2's print and exec)
 *
 * The tree is walked with a cursor (no recursion: deeply nested files are fine); below an ERROR or
 * MISSING node nothing more is reported, nor on a line that already has an error. */
#include "syntax/errors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/vec.h"
#include "syntax/source.h"

typedef VL_VEC(VlSyntaxError) Errors;

static bool is_named_type(const char *type) { return type[0] >= 'a' && type[0] <= 'z'; }

/* The first leaf below n (n itself when it has no children). */
static TSNode first_leaf(TSNode n) {
  while (ts_node_child_count(n)) n = ts_node_child(n, 0);
  return n;
}

static void describe(const VlPy *py, const char *text, size_t len, TSNode n, VlSyntaxError *e) {
  if (vl_py_is(py, n, VL_K_PRINT_PY2) || vl_py_is(py, n, VL_K_EXEC_PY2)) {
    const char *word = vl_py_is(py, n, VL_K_PRINT_PY2) ? "print" : "exec";
    TSNode kw = ts_node_child(n, 0);
    e->start = ts_node_start_byte(kw);
    e->end = ts_node_end_byte(kw);
    snprintf(e->message, sizeof e->message, "SyntaxError: Missing parentheses in call to '%s'. Did you mean %s(...)?",
             word, word);
    return;
  }
  if (ts_node_is_missing(n)) {
    const char *type = ts_node_type(n);
    e->start = e->end = ts_node_start_byte(n);
    if (is_named_type(type)) snprintf(e->message, sizeof e->message, "SyntaxError: Expected %s %s",
                                      strchr("aeiou", type[0]) ? "an" : "a", type);
    else snprintf(e->message, sizeof e->message, "SyntaxError: Expected `%s`", type);
    for (char *p = e->message; *p; p++) /* "expression_statement" -> "expression statement" */
      if (*p == '_') *p = ' ';
    return;
  }
  TSNode leaf = first_leaf(n);
  uint32_t s = ts_node_start_byte(leaf), end = ts_node_end_byte(leaf);
  if (s >= len) {
    e->start = e->end = (uint32_t)len;
    snprintf(e->message, sizeof e->message, "SyntaxError: Unexpected end of file");
    return;
  }
  uint32_t k = s;
  while (k < end && text[k] != '\n' && text[k] != '\r') k++; /* the token on its first line only */
  e->start = s;
  e->end = k > s ? k : s + 1;
  int shown = (int)(k - s > 40 ? 40 : k - s);
  if (shown) snprintf(e->message, sizeof e->message, "SyntaxError: Unexpected `%.*s`%s", shown, text + s,
                      k - s > 40 ? "..." : "");
  else snprintf(e->message, sizeof e->message, "SyntaxError: Unexpected end of line");
}

size_t vl_syntax_errors(const VlPy *py, const char *text, size_t len, VlSyntaxError **out) {
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, py->lang);
  char *lf = vl_source_lone_cr_as_lf(text, len); /* parsed as the analysis parses it (vl_lower) */
  TSTree *tree = ts_parser_parse_string(parser, NULL, lf ? lf : text, (uint32_t)len);
  free(lf);
  size_t n = vl_syntax_errors_in(py, tree, text, len, out);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return n;
}

size_t vl_syntax_errors_in(const VlPy *py, const TSTree *tree, const char *text, size_t len, VlSyntaxError **out) {
  *out = NULL;
  Errors errs = {0};
  uint32_t last_row = UINT32_MAX;
  TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
  for (bool more = true; more;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    bool bad = ts_node_is_error(n) || ts_node_is_missing(n) || vl_py_is(py, n, VL_K_PRINT_PY2) ||
               vl_py_is(py, n, VL_K_EXEC_PY2);
    if (bad && ts_node_start_point(n).row != last_row) {
      VlSyntaxError e = {0};
      describe(py, text, len, n, &e);
      last_row = ts_node_start_point(n).row;
      VL_VEC_PUSH(&errs, e);
    }
    if (!bad && ts_tree_cursor_goto_first_child(&cur)) continue; /* print statements show no error */
    while (!ts_tree_cursor_goto_next_sibling(&cur))
      if (!ts_tree_cursor_goto_parent(&cur)) {
        more = false;
        break;
      }
  }
  ts_tree_cursor_delete(&cur);
  *out = errs.items;
  return errs.len;
}
