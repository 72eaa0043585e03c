/* pyast.h: the tree-sitter-python grammar as viewleak sees it.
 *
 * Node kinds and field names are looked up once (ts_language_symbol_for_name /
 * ts_language_field_id_for_name) into a VlPy table, so that hot code compares integers instead of
 * strings.  A VlPy is built with the engine and read-only afterwards (thread-safe).  This is the
 * only layer, with flow/, that includes tree-sitter headers; front ends never do. */
#ifndef VL_SYNTAX_PYAST_H
#define VL_SYNTAX_PYAST_H
#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "base/arena.h"
#include "syntax/source.h"

/* X(enum-suffix, grammar-name) for every node kind the analysis names. */
#define VL_PY_KINDS(X)                                                                          \
  X(MODULE, "module") X(FUNCTION_DEF, "function_definition") X(CLASS_DEF, "class_definition")   \
  X(LAMBDA, "lambda") X(FOR, "for_statement") X(WHILE, "while_statement")                       \
  X(ASSIGNMENT, "assignment") X(AUG_ASSIGNMENT, "augmented_assignment")                         \
  X(EXPR_STMT, "expression_statement") X(CALL, "call") X(ARG_LIST, "argument_list")             \
  X(KEYWORD_ARG, "keyword_argument") X(ATTRIBUTE, "attribute") X(SUBSCRIPT, "subscript")        \
  X(SLICE, "slice") X(ELLIPSIS, "ellipsis") X(NONE, "none") X(TRUE, "true") X(FALSE, "false")   \
  X(INTEGER, "integer") X(FLOAT, "float") X(STRING, "string") X(IDENTIFIER, "identifier")       \
  X(TUPLE, "tuple") X(LIST, "list") X(DICT, "dictionary") X(SET, "set") X(PAIR, "pair")          \
  X(LIST_COMP, "list_comprehension") X(DICT_COMP, "dictionary_comprehension")                   \
  X(SET_COMP, "set_comprehension") X(GENERATOR, "generator_expression")                         \
  X(FOR_IN_CLAUSE, "for_in_clause") X(PAREN, "parenthesized_expression")                        \
  X(BINARY_OP, "binary_operator") X(UNARY_OP, "unary_operator")                                 \
  X(COMPARISON, "comparison_operator") X(BOOLEAN_OP, "boolean_operator") X(NOT_OP, "not_operator") \
  X(PATTERN_LIST, "pattern_list") X(TUPLE_PATTERN, "tuple_pattern") X(LIST_PATTERN, "list_pattern") \
  X(EXPRESSION_LIST, "expression_list") X(IMPORT, "import_statement")                           \
  X(IMPORT_FROM, "import_from_statement") X(ALIASED_IMPORT, "aliased_import")                   \
  X(WILDCARD_IMPORT, "wildcard_import") X(DOTTED_NAME, "dotted_name") X(COMMENT, "comment")     \
  X(BLOCK, "block") X(PARAMETERS, "parameters") X(TYPED_PARAM, "typed_parameter")               \
  X(DEFAULT_PARAM, "default_parameter") X(TYPED_DEFAULT_PARAM, "typed_default_parameter")       \
  X(CONDITIONAL, "conditional_expression") X(AWAIT, "await") X(LIST_SPLAT, "list_splat")        \
  X(DECORATED_DEF, "decorated_definition") X(WITH_ITEM, "with_item") X(AS_PATTERN, "as_pattern") \
  X(GLOBAL, "global_statement") X(NONLOCAL, "nonlocal_statement") X(TYPE, "type")               \
  X(ERROR, "ERROR") X(CONCAT_STRING, "concatenated_string") X(RETURN, "return_statement")                                 \
  X(IF, "if_statement") X(ELIF, "elif_clause") X(ELSE, "else_clause") X(WITH, "with_statement")   \
  X(TRY, "try_statement") X(EXCEPT, "except_clause") X(FINALLY, "finally_clause")               \
  X(RAISE, "raise_statement") X(BREAK, "break_statement") X(CONTINUE, "continue_statement")     \
  X(PASS, "pass_statement") X(DELETE, "delete_statement") X(ASSERT, "assert_statement")         \
  X(MATCH, "match_statement") X(CASE, "case_clause") X(DECORATOR, "decorator")                  \
  X(DICT_SPLAT, "dictionary_splat") X(PAREN_LIST_SPLAT, "parenthesized_list_splat")             \
  X(NAMED_EXPR, "named_expression") X(YIELD, "yield") X(IF_CLAUSE, "if_clause")                 \
  X(LIST_SPLAT_PATTERN, "list_splat_pattern") X(DICT_SPLAT_PATTERN, "dictionary_splat_pattern") \
  X(KEYWORD_SEPARATOR, "keyword_separator") X(POSITIONAL_SEPARATOR, "positional_separator")     \
  X(RELATIVE_IMPORT, "relative_import") X(IMPORT_PREFIX, "import_prefix")                       \
  X(STRING_CONTENT, "string_content") X(INTERPOLATION, "interpolation")                         \
  X(LAMBDA_PARAMS, "lambda_parameters") X(FUTURE_IMPORT, "future_import_statement")             \
  X(WITH_CLAUSE, "with_clause") X(AS_PATTERN_TARGET, "as_pattern_target")                       \
  X(ESCAPE_SEQUENCE, "escape_sequence") X(STRING_START, "string_start")                        \
  X(PRINT_PY2, "print_statement") X(EXEC_PY2, "exec_statement")

#define VL_PY_FIELDS(X)                                                                         \
  X(LEFT, "left") X(RIGHT, "right") X(BODY, "body") X(CONDITION, "condition")                   \
  X(FUNCTION, "function") X(ARGUMENTS, "arguments") X(OBJECT, "object") X(ATTRIBUTE, "attribute") \
  X(VALUE, "value") X(SUBSCRIPT, "subscript") X(NAME, "name") X(ALIAS, "alias")                 \
  X(MODULE_NAME, "module_name") X(OPERATOR, "operator") X(KEY, "key") X(ARGUMENT, "argument")   \
  X(PARAMETERS, "parameters") X(TYPE, "type") X(ALTERNATIVE, "alternative") X(CONSEQUENCE, "consequence")         \
  X(DEFINITION, "definition") X(SUBJECT, "subject") X(SUPERCLASSES, "superclasses")            \
  X(CAUSE, "cause") X(RETURN_TYPE, "return_type")

#define VL_PY_ENUM(name, str) VL_K_##name,
typedef enum VlKind { VL_PY_KINDS(VL_PY_ENUM) VL_K__COUNT } VlKind;
#undef VL_PY_ENUM
#define VL_PY_ENUM(name, str) VL_F_##name,
typedef enum VlField { VL_PY_FIELDS(VL_PY_ENUM) VL_F__COUNT } VlField;
#undef VL_PY_ENUM

typedef struct VlPy {
  const TSLanguage *lang;
  TSSymbol kind[VL_K__COUNT];
  TSFieldId field[VL_F__COUNT];
} VlPy;

/* Fills the table from tree_sitter_python(); false when a name is missing (grammar mismatch). */
bool vl_py_init(VlPy *self, const char **missing);

static inline bool vl_py_is(const VlPy *py, TSNode n, VlKind k) {
  return !ts_node_is_null(n) && ts_node_symbol(n) == py->kind[k];
}
static inline TSNode vl_py_field(const VlPy *py, TSNode n, VlField f) {
  return ts_node_child_by_field_id(n, py->field[f]);
}
/* The null node (ts_node_is_null is true). */
static inline TSNode vl_py_null(void) {
  TSNode n = {{0, 0, 0, 0}, 0, 0};
  return n;
}
/* The children of a node in order, read with a tree cursor: a loop of ts_node_named_child(n, i)
 * or ts_node_child(n, i) restarts from the first child at every i, quadratic on wide nodes (a
 * 100,000-item list, an ERROR node over random bytes).  named: named children only (comments are
 * named too).  The cursor holds heap memory: vl_py_kids_end when done, on every way out.
 *   VlPyKids it = vl_py_kids(n, true);
 *   for (TSNode c; vl_py_kids_next(&it, &c);) ...
 *   vl_py_kids_end(&it); */
typedef struct VlPyKids {
  TSTreeCursor cur;
  bool more, named;
} VlPyKids;
static inline VlPyKids vl_py_kids(TSNode n, bool named) {
  VlPyKids it = {ts_tree_cursor_new(n), false, named};
  it.more = !ts_node_is_null(n) && ts_tree_cursor_goto_first_child(&it.cur);
  return it;
}
static inline bool vl_py_kids_next(VlPyKids *it, TSNode *out) {
  while (it->more) {
    TSNode c = ts_tree_cursor_current_node(&it->cur);
    it->more = ts_tree_cursor_goto_next_sibling(&it->cur);
    if (!it->named || ts_node_is_named(c)) {
      *out = c;
      return true;
    }
  }
  return false;
}
static inline void vl_py_kids_end(VlPyKids *it) { ts_tree_cursor_delete(&it->cur); }
/* Strips parentheses: ((x)) -> x. */
TSNode vl_py_unparen(const VlPy *py, TSNode n);
/* The source text of a node, borrowed (not NUL-terminated); *len receives its length. */
static inline const char *vl_py_text(const VlSource *src, TSNode n, uint32_t *len) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  *len = e - s;
  return src->text + s;
}
/* True when the node's text is exactly `s`. */
bool vl_py_text_is(const VlSource *src, TSNode n, const char *s);
/* A copy of the node's text in the arena. */
char *vl_py_text_dup(VlArena *arena, const VlSource *src, TSNode n);
/* The "key" of a name or attribute chain made only of names ("data", "self.pool"), whitespace
 * removed, or NULL for any other expression. */
char *vl_py_key(VlArena *arena, const VlPy *py, const VlSource *src, TSNode n);
/* A parameter's name node (identifier), or a null node for *args-style and other forms;
 * *type receives its annotation (or a null node).
 *   parameters -> identifier | typed_parameter | default_parameter | typed_default_parameter | ... */
TSNode vl_py_param_name(const VlPy *py, TSNode param, TSNode *type);
/* A non-negative decimal integer literal (underscores allowed, parentheses stripped), or -1. */
long vl_py_int_literal(const VlPy *py, const VlSource *src, TSNode n);
/* The index-th positional argument of an argument_list, skipping keywords and comments; a null
 * node when there are fewer, or when a *splat comes first (positions after it are unknown). */
TSNode vl_py_positional(const VlPy *py, TSNode args, uint32_t index);
/* A tuple/list target or expression: a, b | (a, b) | [a, b]. */
bool vl_py_is_target_list(const VlPy *py, TSNode n);
/* The range of a node. */
VlRange vl_py_range(const VlSource *src, TSNode n);

#endif
