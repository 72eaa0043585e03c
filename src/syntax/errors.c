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

/* A parser of py's language, and in *copy the text as the analysis parses it (lone CRs as LFs:
 * vl_lower), which the caller may respell in place; the caller deletes the parser and frees *copy. */
static TSParser *parser_of_copy(const VlPy *py, const char *text, size_t len, char **copy) {
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, py->lang);
  *copy = vl_source_lone_cr_as_lf(text, len);
  if (!*copy) *copy = vl_xstrndup(text, len);
  return parser;
}

size_t vl_syntax_errors(const VlPy *py, const char *text, size_t len, VlSyntaxError **out) {
  char *copy;
  TSParser *parser = parser_of_copy(py, text, len, &copy);
  TSTree *tree = ts_parser_parse_string(parser, NULL, copy, (uint32_t)len);
  free(copy);
  size_t n = vl_syntax_errors_in(py, tree, text, len, out);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return n;
}

/* Two constructs of valid Python that tree-sitter-python 0.25.0 rejects, worked around here by parsing a
 * copy of the text with a same-length respelling that the grammar accepts (the byte offsets, so the
 * errors' places, stay those of the text):
 *   f"{x:=^10}"      a format spec starting with "=" (fill "=", or "=" alone): the grammar lexes ":="
 *                    as a walrus.  A ":=" whose nearest enclosing bracket is an f-string's braces is
 *                    always ":" then a format spec (a walrus there must be parenthesised), so the "="
 *                    is respelt " ", which no format spec makes invalid syntax.
 *   t = a, *[b]      a starred item of an unparenthesised tuple whose operand is no name (a bracket, a
 *                    literal, a unary operator): the "*" is respelt "-", and the repair is kept only if
 *                    each "-" parses as an item of such a tuple where Python allows a starred one (the
 *                    right of an assignment, return, yield, for, an expression statement).  Elsewhere,
 *                    or with an operand that "*" cannot take ("*a if b else c", "*a or b"), the error
 *                    is reported as parsed. */
typedef VL_VEC(uint32_t) Offsets;

enum { REPAIR_CAP = 64 };

static bool is_bracket_type(const char *t) {
  static const char *const kinds[] = {"parenthesized_expression", "list", "set", "dictionary", "tuple",
                                      "subscript", "argument_list", "list_comprehension",
                                      "set_comprehension", "dictionary_comprehension", "generator_expression",
                                      "lambda", "slice", "string", "module"};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (!strcmp(t, kinds[i])) return true;
  return false;
}

/* A ":=" token directly in an f-string's replacement field (below an interpolation, no bracket between). */
static bool walrus_in_fstring_field(TSNode tok) {
  for (TSNode p = ts_node_parent(tok); !ts_node_is_null(p); p = ts_node_parent(p)) {
    const char *t = ts_node_type(p);
    if (!strcmp(t, "interpolation")) return true;
    if (is_bracket_type(t)) return false;
  }
  return false;
}

static bool starts_operand(const char *text, size_t len, uint32_t k) {
  while (k < len && (text[k] == ' ' || text[k] == '\t')) k++;
  if (k >= len) return false;
  char c = text[k];
  return strchr("([{'\"-+~.0123456789", c) != NULL;
}

/* "*[b], a": the "*" of a list_splat whose operand went wrong. */
static bool star_of_broken_splat(TSNode tok) {
  TSNode p = ts_node_parent(tok);
  return !ts_node_is_null(p) && !strcmp(ts_node_type(p), "list_splat") && ts_node_has_error(p);
}

/* The ":=" of f-string fields, and under ERROR nodes (or in a broken list_splat) the "*" tokens followed
 * by an operand the grammar refuses after a star. */
static void collect(TSNode root, const char *text, size_t len, Offsets *walrus, Offsets *stars) {
  TSTreeCursor cur = ts_tree_cursor_new(root);
  uint32_t in_error = 0; /* depth of the enclosing ERROR nodes */
  for (bool more = true; more;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    const char *t = ts_node_type(n);
    if (!ts_node_child_count(n)) {
      if (!strcmp(t, ":=") && walrus_in_fstring_field(n)) VL_VEC_PUSH(walrus, ts_node_start_byte(n) + 1);
      else if (!strcmp(t, "*") && (in_error || star_of_broken_splat(n)) &&
               ts_node_end_byte(n) == ts_node_start_byte(n) + 1 && starts_operand(text, len, ts_node_end_byte(n)))
        VL_VEC_PUSH(stars, ts_node_start_byte(n));
    }
    if (ts_tree_cursor_goto_first_child(&cur)) {
      if (ts_node_is_error(n)) in_error++;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cur)) {
      if (!ts_tree_cursor_goto_parent(&cur)) {
        more = false;
        break;
      }
      if (ts_node_is_error(ts_tree_cursor_current_node(&cur))) in_error--;
    }
  }
  ts_tree_cursor_delete(&cur);
}

/* The "-" respelt from a "*" at `at` parses as an item of an unparenthesised tuple where a starred item
 * is allowed. */
static bool star_fits(TSNode root, uint32_t at) {
  TSNode n = ts_node_descendant_for_byte_range(root, at, at + 1);
  if (ts_node_is_null(n) || strcmp(ts_node_type(n), "-")) return false;
  TSNode u = ts_node_parent(n);
  if (ts_node_is_null(u) || strcmp(ts_node_type(u), "unary_operator") || ts_node_start_byte(u) != at) return false;
  TSNode list = ts_node_parent(u);
  if (ts_node_is_null(list) || strcmp(ts_node_type(list), "expression_list")) return false;
  TSNode owner = ts_node_parent(list);
  if (ts_node_is_null(owner)) return false;
  const char *t = ts_node_type(owner);
  if (!strcmp(t, "expression_statement") || !strcmp(t, "return_statement") || !strcmp(t, "yield")) return true;
  if (!strcmp(t, "assignment") || !strcmp(t, "augmented_assignment") || !strcmp(t, "for_statement")) {
    TSNode right = ts_node_child_by_field_name(owner, "right", 5);
    return !ts_node_is_null(right) && ts_node_eq(right, list);
  }
  return false;
}

static size_t errors_of(const VlPy *py, const TSTree *tree, const char *text, size_t len, VlSyntaxError **out);

/* The errors of the respelt copy, or SIZE_MAX when there is nothing to respell.  A "*" whose "-" does not
 * fit is put back and the copy parsed again (each round puts back one at least), so every respelling
 * left is checked in the tree whose errors are reported. */
static size_t repaired_errors(const VlPy *py, const TSTree *tree, const char *text, size_t len,
                              VlSyntaxError **out) {
  Offsets walrus = {0}, stars = {0};
  collect(ts_tree_root_node(tree), text, len, &walrus, &stars);
  size_t n = SIZE_MAX;
  /* valid code with these forms has a few; a file of many (random bytes, another language) is not
   * repaired: each check walks up the tree, and each round parses the whole file again */
  if ((walrus.len || stars.len) && walrus.len + stars.len <= REPAIR_CAP) {
    char *copy;
    TSParser *parser = parser_of_copy(py, text, len, &copy);
    for (size_t i = 0; i < walrus.len; i++) copy[walrus.items[i]] = ' ';
    for (size_t i = 0; i < stars.len; i++) copy[stars.items[i]] = '-';
    for (int round = 0; round < 4; round++) {
      TSTree *fixed = ts_parser_parse_string(parser, NULL, copy, (uint32_t)len);
      size_t kept = 0;
      for (size_t i = 0; i < stars.len; i++) {
        if (star_fits(ts_tree_root_node(fixed), stars.items[i])) stars.items[kept++] = stars.items[i];
        else copy[stars.items[i]] = '*';
      }
      bool all_fit = kept == stars.len;
      if (all_fit) n = errors_of(py, fixed, text, len, out);
      ts_tree_delete(fixed);
      stars.len = kept;
      if (all_fit || (!kept && !walrus.len)) break; /* done, or nothing is left to respell */
    }
    ts_parser_delete(parser);
    free(copy);
  }
  free(walrus.items);
  free(stars.items);
  return n;
}

size_t vl_syntax_errors_in(const VlPy *py, const TSTree *tree, const char *text, size_t len, VlSyntaxError **out) {
  size_t n = errors_of(py, tree, text, len, out);
  if (!n) return 0;
  VlSyntaxError *fixed = NULL;
  size_t m = repaired_errors(py, tree, text, len, &fixed);
  if (m == SIZE_MAX) return n;
  free(*out);
  *out = fixed;
  return m;
}

static size_t errors_of(const VlPy *py, const TSTree *tree, const char *text, size_t len, VlSyntaxError **out) {
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
