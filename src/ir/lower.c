/* lower.c: tree-sitter-python syntax tree -> IR, in one recursive pass.
 *
 * Each lowering function is headed by the grammar rule it handles.  Children of an expression or a
 * block are collected on a scratch stack and copied into the module's arrays when the parent is
 * done, so that every expression's children and every block's statements are contiguous.  Comments
 * met on the way are recorded for `# noqa`.  Names bound by a statement are recorded per function
 * (`binds`) for the resolution pass (names.c), which needs every binding of a scope before it can
 * tell a local from a free name. */
#include "ir/lower.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/hash.h"
#include "base/vec.h"
#include "ir/lower_internal.h"
#include "syntax/errors.h"

/* ---- building blocks ---- */

static void rec_str(Lower *L, VlId id);
static void rec_outside(Lower *L, VlId func);

static void rec_scope(Lower *L, uint8_t kind, VlId func, VlId x, uint8_t flag);

static VlId intern(Lower *L, const char *s, size_t n) {
  VlId id = vl_strtab_intern(&L->strtab, L->m->arena, s, n);
  if (L->rec) rec_str(L, id);
  return id;
}

static VlId intern_node(Lower *L, TSNode n) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  return intern(L, L->text + s, e - s);
}

static bool is(const Lower *L, TSNode n, VlKind k) { return vl_py_is(L->py, n, k); }
static TSNode field(const Lower *L, TSNode n, VlField f) { return vl_py_field(L->py, n, f); }

static VlId new_expr(Lower *L, VlExprOp op, TSNode at) {
  VlExpr e = {.op = (uint8_t)op, .start = ts_node_start_byte(at), .end = ts_node_end_byte(at)};
  VL_VEC_PUSH(&L->exprs, e);
  return (VlId)(L->exprs.len - 1);
}

/* Copies scratch[mark..] into kids as expression e's children and pops them. */
static void set_kids(Lower *L, VlId e, size_t mark) {
  size_t n = L->scratch.len - mark;
  L->exprs.items[e].kids = (VlId)L->kids.len;
  L->exprs.items[e].nkids = (uint16_t)(n > 0xffff ? 0xffff : n);
  for (size_t i = mark; i < L->scratch.len && i - mark < 0xffff; i++) VL_VEC_PUSH(&L->kids, L->scratch.items[i]);
  L->scratch.len = mark;
}

/* Copies scratch[mark..] into kids and returns the first index (for statement lists of ids). */
static VlId take_list(Lower *L, size_t mark, uint16_t *count) {
  VlId first = (VlId)L->kids.len;
  size_t n = L->scratch.len - mark;
  for (size_t i = mark; i < L->scratch.len; i++) VL_VEC_PUSH(&L->kids, L->scratch.items[i]);
  L->scratch.len = mark;
  *count = (uint16_t)(n > 0xffff ? 0xffff : n);
  return first;
}

static void push(Lower *L, VlId id) { VL_VEC_PUSH(&L->scratch, id); }

static VlId new_stmt(Lower *L, VlStmtKind kind, TSNode at) {
  VlStmt s = {.kind = (uint8_t)kind, .start = ts_node_start_byte(at), .end = ts_node_end_byte(at)};
  VL_VEC_PUSH(&L->stmts, s);
  return (VlId)(L->stmts.len - 1);
}

static VlStmt *stmt_at(Lower *L, VlId s) { return &L->stmts.items[s]; }

static void note_comment(Lower *L, TSNode c) {
  VlComment cm = {ts_node_start_point(c).row, ts_node_start_byte(c), ts_node_end_byte(c) - ts_node_start_byte(c)};
  VL_VEC_PUSH(&L->comments, cm);
}

/* A cursor on n for one walk over its children.  Walks nest (a child's lowering walks its own
 * children), so the lowering keeps a cursor per level: resetting one keeps its stack, where
 * ts_tree_cursor_new allocates one for every walk.  Give it back with cursor_done, innermost first. */
static TSTreeCursor *cursor_on(Lower *L, TSNode n) {
  if (L->ncursors == L->cursors.len) {
    TSTreeCursor *c = vl_xcalloc(1, sizeof *c);
    *c = ts_tree_cursor_new(n);
    VL_VEC_PUSH(&L->cursors, c);
  } else {
    ts_tree_cursor_reset(L->cursors.items[L->ncursors], n);
  }
  return L->cursors.items[L->ncursors++];
}

static void cursor_done(Lower *L) { L->ncursors--; }

static void free_cursors(Lower *L) {
  for (size_t i = 0; i < L->cursors.len; i++) {
    ts_tree_cursor_delete(L->cursors.items[i]);
    free(L->cursors.items[i]);
  }
  VL_VEC_FREE(&L->cursors);
}

/* Iterates the children of n with a cursor (linear on wide nodes), recording comments.  Calls
 * each(L, child, field_id, ctx) for named children that are not comments; the field id only when
 * `fields` (it is looked up through the cursor's hidden parents: most callers need none), else 0. */
static void walk_children(Lower *L, TSNode n, void (*each)(Lower *, TSNode, TSFieldId, void *), void *ctx,
                          bool fields) {
  TSTreeCursor *c = cursor_on(L, n);
  if (ts_tree_cursor_goto_first_child(c)) {
    do {
      TSNode child = ts_tree_cursor_current_node(c);
      if (!ts_node_is_named(child)) continue;
      if (is(L, child, VL_K_COMMENT)) {
        note_comment(L, child);
        continue;
      }
      each(L, child, fields ? ts_tree_cursor_current_field_id(c) : 0, ctx);
    } while (ts_tree_cursor_goto_next_sibling(c));
  }
  cursor_done(L);
}

static void each_child(Lower *L, TSNode n, void (*each)(Lower *, TSNode, TSFieldId, void *), void *ctx) {
  walk_children(L, n, each, ctx, false);
}

/* each_child, telling each child's field. */
static void each_child_field(Lower *L, TSNode n, void (*each)(Lower *, TSNode, TSFieldId, void *), void *ctx) {
  walk_children(L, n, each, ctx, true);
}

static TSNode unparen(Lower *L, TSNode n) {
  int levels = 0;
  while (is(L, n, VL_K_PAREN)) {
    if (L->depth + ++levels >= VL_MAX_TREE_DEPTH) { /* (((...))) deeper than any valid Python */
      L->too_deep = true;
      return (TSNode){0};
    }
    TSNode inner = {0};
    uint32_t named = 0;
    VlPyKids kids = vl_py_kids(n, true);
    for (TSNode c; vl_py_kids_next(&kids, &c);) {
      if (is(L, c, VL_K_COMMENT)) continue;
      inner = c;
      named++;
    }
    vl_py_kids_end(&kids);
    if (named != 1) break;
    n = inner;
  }
  return n;
}

/* ---- names bound per function (for names.c) ---- */
/* The scope records go through these three, which a memo's segment also logs (see the memo below). */
enum { EV_ADD = 1, EV_BIND, EV_USE };
static void scope_bind(Lower *L, VlId func, VlId name, uint8_t flag) {
  vl_scopes_bind(&L->scopes, func, name, flag);
  if (L->rec) rec_scope(L, EV_BIND, func, name, flag);
}
static void scope_use(Lower *L, VlId func, VlId expr) {
  vl_scopes_use(&L->scopes, func, expr);
  if (L->rec) rec_scope(L, EV_USE, func, expr, 0);
}
static void bind(Lower *L, VlId func, VlId name) { scope_bind(L, func, name, VL_BIND_LOCAL); }

/* The function a walrus binds in: the nearest enclosing non-comprehension function. */
static VlId walrus_func(Lower *L) {
  VlId f = L->func;
  while (f && L->funcs.items[f].kind == VL_FN_COMP) f = L->funcs.items[f].parent;
  return f;
}

static VlId lower_expr(Lower *L, TSNode n);
static void lower_block_into(Lower *L, TSNode block, size_t mark);
static VlId lower_block(Lower *L, TSNode block);
static void lower_stmt(Lower *L, TSNode n);

static bool too_deep(Lower *L) {
  if (L->depth < VL_MAX_TREE_DEPTH) return false;
  L->too_deep = true;
  return true;
}

/* ---- targets: pattern -> identifier | attribute | subscript | pattern_list | tuple_pattern | ... ---- */

static VlId lower_target(Lower *L, TSNode n);

static void target_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  push(L, lower_target(L, c));
}

static VlId lower_target(Lower *L, TSNode n) {
  n = unparen(L, n);
  if (ts_node_is_null(n) || too_deep(L)) return 0;
  if (is(L, n, VL_K_IDENTIFIER)) {
    VlId e = new_expr(L, VL_E_NAME, n);
    L->exprs.items[e].a = intern_node(L, n);
    bind(L, L->func, L->exprs.items[e].a);
    scope_use(L, L->func, e);
    return e;
  }
  if (vl_py_is_target_list(L->py, n) || is(L, n, VL_K_EXPRESSION_LIST)) {
    L->depth++;
    VlId e = new_expr(L, is(L, n, VL_K_LIST) || is(L, n, VL_K_LIST_PATTERN) ? VL_E_LIST : VL_E_TUPLE, n);
    size_t mark = L->scratch.len;
    each_child(L, n, target_child, NULL);
    set_kids(L, e, mark);
    L->depth--;
    return e;
  }
  if (is(L, n, VL_K_LIST_SPLAT_PATTERN) || is(L, n, VL_K_LIST_SPLAT)) {
    VlId e = new_expr(L, VL_E_STAR, n);
    size_t mark = L->scratch.len;
    TSNode inner = ts_node_named_child(n, 0);
    push(L, lower_target(L, inner));
    set_kids(L, e, mark);
    return e;
  }
  return lower_expr(L, n); /* attribute, subscript: evaluated as expressions, stored into */
}

/* ---- expressions ---- */

typedef struct Collect {
  VlExprOp op;
} Collect;

static void expr_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  push(L, lower_expr(L, c));
}

/* A node whose named children are all expressions: lowered as op with them as kids. */
static VlId lower_nary(Lower *L, TSNode n, VlExprOp op) {
  VlId e = new_expr(L, op, n);
  size_t mark = L->scratch.len;
  each_child(L, n, expr_child, NULL);
  set_kids(L, e, mark);
  return e;
}

static VlId one_kid(Lower *L, VlExprOp op, TSNode at, TSNode kid) {
  VlId e = new_expr(L, op, at);
  size_t mark = L->scratch.len;
  push(L, lower_expr(L, kid));
  set_kids(L, e, mark);
  return e;
}

/* integer -> decimal, hex, octal or binary digits with underscores */
static VlId lower_int(Lower *L, TSNode n) {
  VlId e = new_expr(L, VL_E_INT, n);
  uint32_t s = ts_node_start_byte(n), end = ts_node_end_byte(n);
  const char *t = L->text + s;
  uint32_t len = end - s;
  int base = 10;
  uint32_t i = 0;
  if (len > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) base = 16, i = 2;
  else if (len > 2 && t[0] == '0' && (t[1] == 'o' || t[1] == 'O')) base = 8, i = 2;
  else if (len > 2 && t[0] == '0' && (t[1] == 'b' || t[1] == 'B')) base = 2, i = 2;
  uint64_t v = 0;
  bool big = false;
  for (; i < len; i++) {
    char c = t[i];
    if (c == '_') continue;
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
    if (d >= base) { /* 10L, 1j ... */
      big = true;
      break;
    }
    v = v * (uint64_t)base + (uint64_t)d;
    if (v >= VL_INT_BIG) big = true;
  }
  L->exprs.items[e].a = big ? VL_INT_BIG : (VlId)v;
  return e;
}

/* string -> string_start (string_content | interpolation | escape_sequence)* string_end */
static VlId lower_string(Lower *L, TSNode n) {
  VlId e = new_expr(L, VL_E_STR, n);
  TSNode content = {0};
  uint32_t parts = 0;
  bool plain = true;
  VlPyKids kids = vl_py_kids(n, true);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (is(L, c, VL_K_STRING_CONTENT)) {
      content = c;
      parts++;
      if (ts_node_named_child_count(c)) plain = false; /* escapes */
    } else if (is(L, c, VL_K_INTERPOLATION)) {
      plain = false;
      L->exprs.items[e].sub = 1;
    }
  }
  vl_py_kids_end(&kids);
  if (plain && parts == 1 && ts_node_end_byte(content) - ts_node_start_byte(content) <= 64) {
    TSNode start = ts_node_named_child(n, 0);
    bool prefixed = false; /* b"..", f"..": keep only plain and r-strings */
    if (is(L, start, VL_K_STRING_START)) {
      uint32_t s = ts_node_start_byte(start);
      char c0 = L->text[s];
      prefixed = c0 != '\'' && c0 != '"' && c0 != 'r' && c0 != 'R' && c0 != 'u' && c0 != 'U';
    }
    if (!prefixed) L->exprs.items[e].a = intern_node(L, content);
  }
  return e;
}

/* argument_list -> '(' (expression | keyword_argument | list_splat | dictionary_splat)* ')' */
static void arg_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  if (is(L, c, VL_K_KEYWORD_ARG)) {
    VlId e = new_expr(L, VL_E_KW, c);
    L->exprs.items[e].a = intern_node(L, field(L, c, VL_F_NAME));
    size_t mark = L->scratch.len;
    push(L, lower_expr(L, field(L, c, VL_F_VALUE)));
    set_kids(L, e, mark);
    push(L, e);
  } else if (is(L, c, VL_K_LIST_SPLAT)) {
    push(L, one_kid(L, VL_E_STAR, c, ts_node_named_child(c, 0)));
  } else if (is(L, c, VL_K_DICT_SPLAT)) {
    push(L, one_kid(L, VL_E_DSTAR, c, ts_node_named_child(c, 0)));
  } else {
    push(L, lower_expr(L, c));
  }
}

/* call -> primary_expression (argument_list | generator_expression) */
static VlId lower_call(Lower *L, TSNode n) {
  VlId e = new_expr(L, VL_E_CALL, n);
  size_t mark = L->scratch.len;
  push(L, lower_expr(L, field(L, n, VL_F_FUNCTION)));
  TSNode args = field(L, n, VL_F_ARGUMENTS);
  if (is(L, args, VL_K_ARG_LIST)) each_child(L, args, arg_child, NULL);
  else if (!ts_node_is_null(args)) push(L, lower_expr(L, args)); /* f(x for x in xs) */
  set_kids(L, e, mark);
  return e;
}

/* subscript -> primary_expression '[' (expression | slice) (',' ...)* ']' */
static void index_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)ctx;
  if (f != L->py->field[VL_F_SUBSCRIPT]) return;
  c = unparen(L, c);
  if (is(L, c, VL_K_SLICE)) {
    /* slice -> expression? ':' expression? (':' expression?)? : three slots */
    VlId s = new_expr(L, VL_E_SLICE, c);
    VlId part[3] = {0, 0, 0};
    int at = 0;
    VlPyKids kids = vl_py_kids(c, false);
    for (TSNode x; vl_py_kids_next(&kids, &x);) {
      if (!ts_node_is_named(x)) {
        at++;
        continue;
      }
      if (is(L, x, VL_K_COMMENT)) {
        note_comment(L, x);
        continue;
      }
      if (at < 3) part[at] = lower_expr(L, x);
    }
    vl_py_kids_end(&kids);
    size_t mark = L->scratch.len;
    for (int i = 0; i < 3; i++) push(L, part[i]);
    set_kids(L, s, mark);
    push(L, s);
    return;
  }
  push(L, lower_expr(L, c));
}

static VlId lower_subscript(Lower *L, TSNode n) {
  VlId e = new_expr(L, VL_E_SUB, n);
  size_t mark = L->scratch.len;
  push(L, lower_expr(L, field(L, n, VL_F_VALUE)));
  size_t items = L->scratch.len;
  each_child_field(L, n, index_child, NULL);
  /* a[(i, 0)] is a[i, 0]: a parenthesised tuple as the only index spreads into the items; not
   * a[(i, 0),], a one-item index tuple holding a tuple (advanced indexing) */
  bool trailing_comma = false;
  VlPyKids kids = vl_py_kids(n, false);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (!ts_node_is_named(c) && L->text[ts_node_start_byte(c)] == ',') trailing_comma = true;
  }
  vl_py_kids_end(&kids);
  if (L->scratch.len - items == 1 && !trailing_comma) {
    VlId only = L->scratch.items[items];
    if (L->exprs.items[only].op == VL_E_TUPLE) {
      L->scratch.len = items;
      const VlExpr *t = &L->exprs.items[only];
      for (uint32_t i = 0; i < t->nkids; i++) push(L, L->kids.items[t->kids + i]);
    }
  }
  set_kids(L, e, mark);
  return e;
}

static VlBinOp binop_of(const char *op, size_t n) {
  static const struct { const char *s; VlBinOp op; } ops[] = {
      {"+", VL_OP_ADD}, {"-", VL_OP_SUB}, {"*", VL_OP_MUL}, {"@", VL_OP_MATMUL}, {"/", VL_OP_DIV},
      {"//", VL_OP_FLOORDIV}, {"%", VL_OP_MOD}, {"**", VL_OP_POW}, {"<<", VL_OP_LSHIFT}, {">>", VL_OP_RSHIFT},
      {"&", VL_OP_AND}, {"|", VL_OP_OR}, {"^", VL_OP_XOR}};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (strlen(ops[i].s) == n && memcmp(ops[i].s, op, n) == 0) return ops[i].op;
  return 0;
}

/* binary_operator -> left operator right */
static VlId lower_binop(Lower *L, TSNode n) {
  VlId e = new_expr(L, VL_E_BINOP, n);
  TSNode op = field(L, n, VL_F_OPERATOR);
  L->exprs.items[e].sub = (uint8_t)binop_of(L->text + ts_node_start_byte(op), ts_node_end_byte(op) - ts_node_start_byte(op));
  size_t mark = L->scratch.len;
  push(L, lower_expr(L, field(L, n, VL_F_LEFT)));
  push(L, lower_expr(L, field(L, n, VL_F_RIGHT)));
  set_kids(L, e, mark);
  return e;
}

/* float -> its value as a float32 (VlExpr.a, the bits; sub 1) when the literal is a plain real number
 * (`1.0`, `.5`, `1e-3`, `1_000.5`), else sub 0 (`1j`, out of range) */
static VlId lower_float(Lower *L, TSNode n, bool minus) {
  VlId e = new_expr(L, VL_E_FLOAT, n);
  uint32_t s = ts_node_start_byte(n), end = ts_node_end_byte(n);
  char buf[64];
  size_t k = 0;
  for (uint32_t i = s; i < end; i++) {
    if (L->text[i] == '_') continue;
    if (k + 1 == sizeof buf) return e; /* (too long for a plain literal) */
    buf[k++] = L->text[i];
  }
  buf[k] = 0;
  char *stop = NULL;
  double d = strtod(buf, &stop);
  if (!k || *stop || !isfinite(d) || d > 3.0e38 || d < -3.0e38) return e;
  float f = (float)(minus ? -d : d);
  uint32_t bits;
  memcpy(&bits, &f, sizeof bits);
  L->exprs.items[e].a = bits;
  L->exprs.items[e].sub = 1;
  return e;
}

/* unary_operator -> operator argument; a minus on a number literal folds into the literal */
static VlId lower_unop(Lower *L, TSNode n) {
  TSNode op = field(L, n, VL_F_OPERATOR), arg = unparen(L, field(L, n, VL_F_ARGUMENT));
  char c = L->text[ts_node_start_byte(op)];
  if (c == '-' && is(L, arg, VL_K_INTEGER)) {
    VlId e = lower_int(L, arg);
    L->exprs.items[e].sub = 1;
    L->exprs.items[e].start = ts_node_start_byte(n);
    return e;
  }
  if (c == '-' && is(L, arg, VL_K_FLOAT)) {
    VlId e = lower_float(L, arg, true);
    L->exprs.items[e].start = ts_node_start_byte(n);
    return e;
  }
  VlId e = one_kid(L, VL_E_UNOP, n, arg);
  L->exprs.items[e].sub = (uint8_t)c;
  return e;
}

/* comparison_operator -> primary_expression (operator primary_expression)+ */
static VlId lower_compare(Lower *L, TSNode n) {
  VlId e = lower_nary(L, n, VL_E_COMPARE);
  VlPyKids kids = vl_py_kids(n, false);
  int ops = 0, is = 0, is_not = 0;
  uint32_t other = 0; /* the last operator other than `is`/`is not` (VL_CMP_*) */
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (ts_node_is_named(c)) continue;
    const char *t = L->text + ts_node_start_byte(c);
    uint32_t len = ts_node_end_byte(c) - ts_node_start_byte(c);
    if (t[0] == 'i' || t[0] == 'n') L->exprs.items[e].sub = 1; /* is, is not, in, not in */
    if (len >= 2 && t[0] == 'i' && t[1] == 's') { /* `is`, or `is not` as one token */
      ops++;
      if (len > 2) is_not++;
      else is++;
    } else if (len == 3 && strncmp(t, "not", 3) == 0 && is) { /* `is` `not` as two tokens */
      is--;
      is_not++;
    } else if (!(len == 1 && (t[0] == '(' || t[0] == ')'))) {
      ops++;
      bool two = len == 2 && t[1] == '=';
      other = t[0] == '=' && two ? VL_CMP_EQ : t[0] == '!' && two ? VL_CMP_NE : t[0] == '<' ? (two ? VL_CMP_LE : VL_CMP_LT)
            : t[0] == '>' ? (two ? VL_CMP_GE : VL_CMP_GT) : len == 2 && t[0] == 'i' && t[1] == 'n' ? VL_CMP_IN
            : len >= 6 && strncmp(t, "not", 3) == 0 ? VL_CMP_NOT_IN /* `not in`, one token */
            : 0;
    }
  }
  vl_py_kids_end(&kids);
  if (ops == 1 && is + is_not == 1) L->exprs.items[e].a = is ? VL_CMP_IS : VL_CMP_IS_NOT;
  else if (ops == 1) L->exprs.items[e].a = other;
  return e;
}

/* dictionary -> '{' (pair | dictionary_splat)* '}' */
static void dict_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  if (is(L, c, VL_K_PAIR)) {
    push(L, lower_expr(L, field(L, c, VL_F_KEY)));
    push(L, lower_expr(L, field(L, c, VL_F_VALUE)));
  } else if (is(L, c, VL_K_DICT_SPLAT)) {
    push(L, one_kid(L, VL_E_DSTAR, c, ts_node_named_child(c, 0)));
    push(L, 0);
  }
}

static VlId lower_display(Lower *L, TSNode n, VlExprOp op);

static void display_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  if (is(L, c, VL_K_LIST_SPLAT)) push(L, one_kid(L, VL_E_STAR, c, ts_node_named_child(c, 0)));
  else if (is(L, c, VL_K_PAREN_LIST_SPLAT)) push(L, lower_expr(L, ts_node_named_child(c, 0)));
  else push(L, lower_expr(L, c));
}

/* list / tuple / set / expression_list -> items */
static VlId lower_display(Lower *L, TSNode n, VlExprOp op) {
  VlId e = new_expr(L, op, n);
  size_t mark = L->scratch.len;
  each_child(L, n, display_child, NULL);
  set_kids(L, e, mark);
  return e;
}

static VlId new_func(Lower *L, VlFuncKind kind, TSNode at, VlId name) {
  VlFunc f = {.kind = (uint8_t)kind, .name = name, .parent = L->func, .start = ts_node_start_byte(at),
              .end = ts_node_end_byte(at)};
  VL_VEC_PUSH(&L->funcs, f);
  VlId id = (VlId)(L->funcs.len - 1);
  vl_scopes_add(&L->scopes, id);
  if (L->rec) rec_scope(L, EV_ADD, id, 0, 0);
  return id;
}

static VlId new_loop(Lower *L, VlLoopKind kind, TSNode node_at, VlId node) {
  VlLoop lp = {.kind = (uint8_t)kind, .func = L->func, .parent = L->loop, .node = node,
               .start = ts_node_start_byte(node_at), .end = ts_node_end_byte(node_at)};
  VL_VEC_PUSH(&L->loops, lp);
  return (VlId)(L->loops.len - 1);
}

/* list_comprehension -> '[' body for_in_clause (for_in_clause | if_clause)* ']' (likewise the
 * others; dictionary_comprehension's body is a pair).  The first clause's iterable is evaluated in
 * the enclosing scope; targets, conditions, later iterables and the body in the comprehension's. */
static VlId lower_comprehension(Lower *L, TSNode n, VlCompKind kind) {
  VlId e = new_expr(L, VL_E_COMP, n);
  VlComp comp = {.kind = (uint8_t)kind};
  VlId outer_func = L->func, outer_loop = L->loop;
  VlId cf = new_func(L, VL_FN_COMP, n, 0);
  comp.func = cf;
  VL_VEC_PUSH(&L->comps, comp);
  VlId cid = (VlId)(L->comps.len - 1);
  L->exprs.items[e].a = cid;
  L->funcs.items[cf].expr = cid;
  L->funcs.items[cf].qualname = intern(L, "<comprehension>", 15);
  size_t first_clause = L->clauses.len;
  bool first = true;
  TSTreeCursor *c = cursor_on(L, n);
  TSNode body = field(L, n, VL_F_BODY);
  if (ts_tree_cursor_goto_first_child(c)) {
    do {
      TSNode ch = ts_tree_cursor_current_node(c);
      if (is(L, ch, VL_K_COMMENT)) {
        note_comment(L, ch);
        continue;
      }
      if (is(L, ch, VL_K_FOR_IN_CLAUSE)) {
        /* for_in_clause -> 'async'? 'for' left 'in' right (',' right)* */
        TSNode right = field(L, ch, VL_F_RIGHT);
        VlId iter;
        if (first) { /* evaluated outside */
          L->func = outer_func;
          L->loop = outer_loop;
          iter = lower_expr(L, right);
          L->func = cf;
        } else {
          iter = lower_expr(L, right);
        }
        VlId lp = new_loop(L, VL_LOOP_COMP, n, e);
        L->loops.items[lp].func = cf;
        L->loops.items[lp].parent = first ? outer_loop : L->loop;
        L->loops.items[lp].iter = iter;
        L->loops.items[lp].async = ts_node_child_count(ch) > 0 && !ts_node_is_named(ts_node_child(ch, 0)) &&
                                   L->text[ts_node_start_byte(ts_node_child(ch, 0))] == 'a';
        L->loop = lp;
        { VlId v_ = lower_target(L, field(L, ch, VL_F_LEFT)); L->loops.items[lp].target = v_; }
        VlClause cl = {.loop = lp};
        VL_VEC_PUSH(&L->clauses, cl);
        first = false;
      } else if (is(L, ch, VL_K_IF_CLAUSE)) {
        VlClause cl = {.is_if = true, .cond = lower_expr(L, ts_node_named_child(ch, 0))};
        VL_VEC_PUSH(&L->clauses, cl);
      }
    } while (ts_tree_cursor_goto_next_sibling(c));
  }
  cursor_done(L);
  /* the body runs innermost */
  L->func = cf;
  if (is(L, body, VL_K_PAIR)) {
    { VlId v_ = lower_expr(L, field(L, body, VL_F_KEY)); L->comps.items[cid].key = v_; }
    { VlId v_ = lower_expr(L, field(L, body, VL_F_VALUE)); L->comps.items[cid].elem = v_; }
  } else {
    { VlId v_ = lower_expr(L, body); L->comps.items[cid].elem = v_; }
  }
  L->comps.items[cid].clauses = (VlId)first_clause;
  L->comps.items[cid].nclauses = (uint16_t)(L->clauses.len - first_clause);
  L->func = outer_func;
  L->loop = outer_loop;
  return e;
}

static void lower_params(Lower *L, VlId fid, TSNode params);

/* lambda -> 'lambda' lambda_parameters? ':' expression */
static VlId lower_lambda(Lower *L, TSNode n) {
  VlId e = new_expr(L, VL_E_LAMBDA, n);
  VlId outer = L->func, outer_loop = L->loop;
  VlId fid = new_func(L, VL_FN_LAMBDA, n, 0);
  L->funcs.items[fid].qualname = intern(L, "<lambda>", 8);
  L->func = fid;
  L->loop = 0;
  lower_params(L, fid, field(L, n, VL_F_PARAMETERS));
  { VlId v_ = lower_expr(L, field(L, n, VL_F_BODY)); L->funcs.items[fid].expr = v_; }
  L->func = outer;
  L->loop = outer_loop;
  L->exprs.items[e].a = fid;
  return e;
}

/* yield -> 'yield' ('from' expression | expression_list)? */
static VlId lower_yield(Lower *L, TSNode n) {
  VlId e = new_expr(L, VL_E_YIELD, n);
  VlId f = L->func;
  L->funcs.items[f].flags |= VL_FN_GENERATOR;
  if (L->rec) rec_outside(L, f);
  VlPyKids kids = vl_py_kids(n, false);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (!ts_node_is_named(c) && L->text[ts_node_start_byte(c)] == 'f') L->exprs.items[e].sub = 1; /* from */
  }
  vl_py_kids_end(&kids);
  size_t mark = L->scratch.len;
  TSNode value = {0};
  VlPyKids named = vl_py_kids(n, true);
  for (TSNode c; vl_py_kids_next(&named, &c);) {
    if (is(L, c, VL_K_COMMENT)) note_comment(L, c);
    else value = c;
  }
  vl_py_kids_end(&named);
  push(L, ts_node_is_null(value) ? 0 : lower_expr(L, value));
  set_kids(L, e, mark);
  return e;
}

/* expression -> ... (the dispatcher; parentheses are dropped) */
static VlId lower_expr(Lower *L, TSNode n) {
  n = unparen(L, n);
  if (ts_node_is_null(n) || too_deep(L)) return 0;
  L->depth++;
  VlId e = 0;
  TSSymbol s = ts_node_symbol(n);
  const TSSymbol *k = L->py->kind;
  if (s == k[VL_K_IDENTIFIER]) {
    e = new_expr(L, VL_E_NAME, n);
    L->exprs.items[e].a = intern_node(L, n);
    scope_use(L, L->func, e);
  } else if (s == k[VL_K_ATTRIBUTE]) {
    e = one_kid(L, VL_E_ATTR, n, field(L, n, VL_F_OBJECT));
    L->exprs.items[e].a = intern_node(L, field(L, n, VL_F_ATTRIBUTE));
  } else if (s == k[VL_K_CALL]) {
    e = lower_call(L, n);
  } else if (s == k[VL_K_SUBSCRIPT]) {
    e = lower_subscript(L, n);
  } else if (s == k[VL_K_INTEGER]) {
    e = lower_int(L, n);
  } else if (s == k[VL_K_FLOAT]) {
    e = lower_float(L, n, false);
  } else if (s == k[VL_K_STRING]) {
    e = lower_string(L, n);
  } else if (s == k[VL_K_CONCAT_STRING]) {
    e = new_expr(L, VL_E_STR, n);
  } else if (s == k[VL_K_NONE]) {
    e = new_expr(L, VL_E_NONE, n);
  } else if (s == k[VL_K_TRUE]) {
    e = new_expr(L, VL_E_TRUE, n);
  } else if (s == k[VL_K_FALSE]) {
    e = new_expr(L, VL_E_FALSE, n);
  } else if (s == k[VL_K_ELLIPSIS]) {
    e = new_expr(L, VL_E_ELLIPSIS, n);
  } else if (s == k[VL_K_BINARY_OP]) {
    e = lower_binop(L, n);
  } else if (s == k[VL_K_UNARY_OP]) {
    e = lower_unop(L, n);
  } else if (s == k[VL_K_NOT_OP]) {
    e = one_kid(L, VL_E_NOT, n, field(L, n, VL_F_ARGUMENT));
  } else if (s == k[VL_K_BOOLEAN_OP]) {
    e = new_expr(L, VL_E_BOOLOP, n);
    TSNode op = field(L, n, VL_F_OPERATOR);
    L->exprs.items[e].sub = (uint8_t)L->text[ts_node_start_byte(op)];
    size_t mark = L->scratch.len;
    push(L, lower_expr(L, field(L, n, VL_F_LEFT)));
    push(L, lower_expr(L, field(L, n, VL_F_RIGHT)));
    set_kids(L, e, mark);
  } else if (s == k[VL_K_COMPARISON]) {
    e = lower_compare(L, n);
  } else if (s == k[VL_K_TUPLE] || s == k[VL_K_EXPRESSION_LIST] || s == k[VL_K_PATTERN_LIST]) {
    e = lower_display(L, n, VL_E_TUPLE);
  } else if (s == k[VL_K_LIST]) {
    e = lower_display(L, n, VL_E_LIST);
  } else if (s == k[VL_K_SET]) {
    e = lower_display(L, n, VL_E_SET);
  } else if (s == k[VL_K_DICT]) {
    e = new_expr(L, VL_E_DICT, n);
    size_t mark = L->scratch.len;
    each_child(L, n, dict_child, NULL);
    set_kids(L, e, mark);
  } else if (s == k[VL_K_LIST_COMP]) {
    e = lower_comprehension(L, n, VL_COMP_LIST);
  } else if (s == k[VL_K_SET_COMP]) {
    e = lower_comprehension(L, n, VL_COMP_SET);
  } else if (s == k[VL_K_DICT_COMP]) {
    e = lower_comprehension(L, n, VL_COMP_DICT);
  } else if (s == k[VL_K_GENERATOR]) {
    e = lower_comprehension(L, n, VL_COMP_GEN);
  } else if (s == k[VL_K_LAMBDA]) {
    e = lower_lambda(L, n);
  } else if (s == k[VL_K_CONDITIONAL]) {
    e = lower_nary(L, n, VL_E_COND);
  } else if (s == k[VL_K_AWAIT]) {
    e = lower_nary(L, n, VL_E_AWAIT);
  } else if (s == k[VL_K_YIELD]) {
    e = lower_yield(L, n);
  } else if (s == k[VL_K_NAMED_EXPR]) {
    /* named_expression -> name ':=' value: binds in the nearest non-comprehension scope */
    e = new_expr(L, VL_E_WALRUS, n);
    size_t mark = L->scratch.len;
    TSNode name = field(L, n, VL_F_NAME);
    VlId t = new_expr(L, VL_E_NAME, name);
    L->exprs.items[t].a = intern_node(L, name);
    bind(L, walrus_func(L), L->exprs.items[t].a);
    scope_use(L, L->func, t);
    push(L, t);
    push(L, lower_expr(L, field(L, n, VL_F_VALUE)));
    set_kids(L, e, mark);
  } else if (s == k[VL_K_LIST_SPLAT]) {
    e = one_kid(L, VL_E_STAR, n, ts_node_named_child(n, 0));
  } else if (s == k[VL_K_KEYWORD_ARG]) { /* outside an argument list (error recovery) */
    e = lower_nary(L, n, VL_E_OTHER);
  } else {
    /* anything else (error nodes, Python 2 backticks...): its subexpressions, for their effects */
    e = lower_nary(L, n, VL_E_OTHER);
  }
  L->depth--;
  return e;
}

/* ---- parameters ---- */

/* parameters -> '(' (identifier | typed_parameter | default_parameter | typed_default_parameter |
 *               list_splat_pattern | dictionary_splat_pattern | keyword_separator | '/')* ')' */
typedef struct ParamCtx {
  VlId fid;
  bool kwonly;
} ParamCtx;

static void add_param(Lower *L, ParamCtx *pc, TSNode name, TSNode type, TSNode dflt, VlParamKind kind) {
  if (!is(L, name, VL_K_IDENTIFIER)) return;
  VlParam p = {.name = intern_node(L, name), .kind = (uint8_t)kind};
  if (kind == VL_P_POS && pc->kwonly) p.kind = VL_P_KWONLY;
  /* annotations and defaults are evaluated in the enclosing scope */
  VlId f = L->func;
  L->func = L->funcs.items[pc->fid].parent;
  if (!ts_node_is_null(type)) p.annotation = lower_expr(L, ts_node_named_child_count(type) ? ts_node_named_child(type, 0) : type);
  if (!ts_node_is_null(dflt)) p.dflt = lower_expr(L, dflt);
  L->func = f;
  VL_VEC_PUSH(&L->params, p);
  bind(L, pc->fid, p.name);
}

static void param_child(Lower *L, TSNode p, TSFieldId f, void *ctx) {
  (void)f;
  ParamCtx *pc = ctx;
  TSNode none = {0};
  if (is(L, p, VL_K_IDENTIFIER)) {
    add_param(L, pc, p, none, none, VL_P_POS);
  } else if (is(L, p, VL_K_TYPED_PARAM)) {
    TSNode inner = ts_node_named_child(p, 0), type = field(L, p, VL_F_TYPE);
    if (is(L, inner, VL_K_LIST_SPLAT_PATTERN)) {
      add_param(L, pc, ts_node_named_child(inner, 0), type, none, VL_P_VARARGS);
      pc->kwonly = true;
    } else if (is(L, inner, VL_K_DICT_SPLAT_PATTERN)) {
      add_param(L, pc, ts_node_named_child(inner, 0), type, none, VL_P_KWARGS);
    } else {
      add_param(L, pc, inner, type, none, VL_P_POS);
    }
  } else if (is(L, p, VL_K_DEFAULT_PARAM) || is(L, p, VL_K_TYPED_DEFAULT_PARAM)) {
    add_param(L, pc, field(L, p, VL_F_NAME), field(L, p, VL_F_TYPE), field(L, p, VL_F_VALUE), VL_P_POS);
  } else if (is(L, p, VL_K_LIST_SPLAT_PATTERN)) {
    add_param(L, pc, ts_node_named_child(p, 0), none, none, VL_P_VARARGS);
    pc->kwonly = true;
  } else if (is(L, p, VL_K_DICT_SPLAT_PATTERN)) {
    add_param(L, pc, ts_node_named_child(p, 0), none, none, VL_P_KWARGS);
  } else if (is(L, p, VL_K_KEYWORD_SEPARATOR)) {
    pc->kwonly = true;
  }
}

static void lower_params(Lower *L, VlId fid, TSNode params) {
  L->funcs.items[fid].params = (VlId)L->params.len;
  if (!ts_node_is_null(params)) {
    ParamCtx pc = {fid, false};
    each_child(L, params, param_child, &pc);
  }
  L->funcs.items[fid].nparams = (uint16_t)(L->params.len - L->funcs.items[fid].params);
}

/* ---- definitions ---- */

static bool name_is(const Lower *L, TSNode n, const char *s) { return vl_py_text_is(L->src, n, s); }

/* The last name of a decorator: @property, @functools.cached_property, @torch.no_grad(). */
static TSNode decorator_name(Lower *L, TSNode expr) {
  expr = unparen(L, expr);
  if (is(L, expr, VL_K_CALL)) expr = field(L, expr, VL_F_FUNCTION);
  if (is(L, expr, VL_K_ATTRIBUTE)) return field(L, expr, VL_F_ATTRIBUTE);
  return expr;
}

/* Decorators that leave calls reaching the body as written (they wrap without changing what
 * is returned or stored). */
static bool transparent_decorator(const Lower *L, TSNode name) {
  static const char *const names[] = {"no_grad", "inference_mode", "enable_grad", "set_grad_enabled", "autocast",
                                      "wraps", "abstractmethod", "override", "final", "jit", "njit", "script",
                                      "typechecked", "profile", "deprecated", "overload", "unique"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (name_is(L, name, names[i])) return true;
  return false;
}

static VlId qualify(Lower *L, VlId name) {
  const VlFunc *p = &L->funcs.items[L->func];
  if (p->kind == VL_FN_MODULE || !p->qualname) return name;
  const char *parent = vl_strtab_get(&L->strtab, p->qualname);
  const char *own = vl_strtab_get(&L->strtab, name);
  char *q = vl_arena_printf(L->m->arena, p->kind == VL_FN_CLASS ? "%s.%s" : "%s.<locals>.%s", parent, own);
  return intern(L, q, strlen(q));
}

/* function_definition -> 'async'? 'def' name parameters ('->' type)? ':' block */
static void lower_def(Lower *L, TSNode n, TSNode decorated, size_t deco_mark, uint8_t deco_flags) {
  TSNode name = field(L, n, VL_F_NAME);
  VlId nm = ts_node_is_null(name) ? intern(L, "<def>", 5) : intern_node(L, name);
  VlId s = new_stmt(L, VL_S_DEF, ts_node_is_null(decorated) ? n : decorated);
  VlId outer = L->func, outer_loop = L->loop;
  VlId fid = new_func(L, VL_FN_DEF, n, nm);
  L->funcs.items[fid].qualname = qualify(L, nm);
  L->funcs.items[fid].flags |= deco_flags;
  if (L->funcs.items[outer].kind == VL_FN_CLASS) L->funcs.items[fid].klass = L->funcs.items[outer].klass;
  if (ts_node_child_count(n) && !ts_node_is_named(ts_node_child(n, 0)) && L->text[ts_node_start_byte(n)] == 'a')
    L->funcs.items[fid].flags |= VL_FN_ASYNC;
  uint16_t nd;
  L->funcs.items[fid].decorators = take_list(L, deco_mark, &nd);
  L->funcs.items[fid].ndecorators = nd;
  bind(L, outer, nm);
  stmt_at(L, s)->a = fid;
  L->func = fid;
  L->loop = 0;
  lower_params(L, fid, field(L, n, VL_F_PARAMETERS));
  { VlId v_ = lower_block(L, field(L, n, VL_F_BODY)); L->funcs.items[fid].body = v_; }
  L->func = outer;
  L->loop = outer_loop;
  push(L, s);
}

/* class_definition -> 'class' name type_parameters? argument_list? ':' block */
static void base_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  if (is(L, c, VL_K_KEYWORD_ARG) || is(L, c, VL_K_DICT_SPLAT) || is(L, c, VL_K_LIST_SPLAT)) return;
  push(L, lower_expr(L, c));
}

static void lower_class(Lower *L, TSNode n, TSNode decorated, size_t deco_mark) {
  TSNode name = field(L, n, VL_F_NAME);
  VlId nm = ts_node_is_null(name) ? intern(L, "<class>", 7) : intern_node(L, name);
  VlId s = new_stmt(L, VL_S_CLASS, ts_node_is_null(decorated) ? n : decorated);
  VlClass k = {.name = nm, .parent = L->func, .start = ts_node_start_byte(n), .end = ts_node_end_byte(n)};
  uint16_t nd;
  k.decorators = take_list(L, deco_mark, &nd); /* @dataclass: calling the class sets its fields */
  k.ndecorators = nd;
  size_t mark = L->scratch.len;
  TSNode supers = field(L, n, VL_F_SUPERCLASSES);
  if (!ts_node_is_null(supers)) each_child(L, supers, base_child, NULL);
  uint16_t nb;
  k.bases = take_list(L, mark, &nb);
  k.nbases = nb;
  k.qualname = qualify(L, nm);
  VL_VEC_PUSH(&L->classes, k);
  VlId cid = (VlId)(L->classes.len - 1);
  bind(L, L->func, nm);
  stmt_at(L, s)->a = cid;
  VlId outer = L->func, outer_loop = L->loop;
  VlId fid = new_func(L, VL_FN_CLASS, n, nm);
  L->funcs.items[fid].qualname = L->classes.items[cid].qualname;
  L->funcs.items[fid].klass = cid;
  L->classes.items[cid].func = fid;
  L->func = fid;
  L->loop = 0;
  { VlId v_ = lower_block(L, field(L, n, VL_F_BODY)); L->funcs.items[fid].body = v_; }
  L->func = outer;
  L->loop = outer_loop;
  push(L, s);
}

/* @name.setter over `def name(self, value)`: the property's setter. */
static bool property_setter(Lower *L, TSNode expr, TSNode def) {
  expr = unparen(L, expr);
  if (!is(L, expr, VL_K_ATTRIBUTE) || !is(L, def, VL_K_FUNCTION_DEF)) return false;
  TSNode on = field(L, expr, VL_F_OBJECT), name = field(L, def, VL_F_NAME);
  if (!name_is(L, field(L, expr, VL_F_ATTRIBUTE), "setter") || ts_node_is_null(name) || !is(L, on, VL_K_IDENTIFIER))
    return false;
  uint32_t a = ts_node_start_byte(on), b = ts_node_start_byte(name), n = ts_node_end_byte(on) - a;
  return n == ts_node_end_byte(name) - b && memcmp(L->text + a, L->text + b, n) == 0;
}

/* decorated_definition -> decorator+ (function_definition | class_definition) */
static void lower_decorated(Lower *L, TSNode n) {
  size_t mark = L->scratch.len;
  uint8_t flags = 0;
  TSNode def = field(L, n, VL_F_DEFINITION);
  VlPyKids kids = vl_py_kids(n, true);
  for (TSNode d; vl_py_kids_next(&kids, &d);) {
    if (is(L, d, VL_K_COMMENT)) {
      note_comment(L, d);
      continue;
    }
    if (!is(L, d, VL_K_DECORATOR)) continue;
    TSNode expr = ts_node_named_child(d, 0);
    push(L, lower_expr(L, expr));
    TSNode nm = decorator_name(L, expr);
    if (name_is(L, nm, "staticmethod")) flags |= VL_FN_STATICMETHOD;
    else if (name_is(L, nm, "classmethod")) flags |= VL_FN_CLASSMETHOD;
    else if (name_is(L, nm, "property") || name_is(L, nm, "cached_property")) flags |= VL_FN_PROPERTY;
    else if (!transparent_decorator(L, nm)) flags |= VL_FN_DECORATED | (property_setter(L, expr, def) ? VL_FN_SETTER : 0);
  }
  vl_py_kids_end(&kids);
  if (is(L, def, VL_K_FUNCTION_DEF)) lower_def(L, def, n, mark, flags);
  else if (is(L, def, VL_K_CLASS_DEF)) lower_class(L, def, n, mark);
  else L->scratch.len = mark;
}

/* ---- imports ---- */

/* import_statement -> 'import' (dotted_name | aliased_import) (',' ...)* */
static void import_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  TSNode stmt = *(TSNode *)ctx;
  VlId s = 0;
  if (is(L, c, VL_K_ALIASED_IMPORT)) {
    s = new_stmt(L, VL_S_IMPORT, stmt);
    stmt_at(L, s)->a = intern_node(L, field(L, c, VL_F_ALIAS));
    stmt_at(L, s)->b = intern_node(L, field(L, c, VL_F_NAME));
  } else if (is(L, c, VL_K_DOTTED_NAME)) {
    s = new_stmt(L, VL_S_IMPORT, stmt); /* `import numpy.random` binds `numpy` */
    stmt_at(L, s)->a = intern_node(L, ts_node_named_child(c, 0));
    stmt_at(L, s)->b = stmt_at(L, s)->a;
    stmt_at(L, s)->c = intern_node(L, c); /* the full path, also imported */
  }
  if (!s) return;
  bind(L, L->func, stmt_at(L, s)->a);
  push(L, s);
}

typedef struct FromCtx {
  TSNode stmt;
  VlId module;
  uint8_t level;
  TSNode module_node;
} FromCtx;

/* import_from_statement -> 'from' (dotted_name | relative_import) 'import' (wildcard_import | names) */
static void from_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  FromCtx *fc = ctx;
  if (ts_node_eq(c, fc->module_node) || f == L->py->field[VL_F_MODULE_NAME]) return;
  VlId s = new_stmt(L, VL_S_IMPORT_FROM, fc->stmt);
  stmt_at(L, s)->b = fc->module;
  stmt_at(L, s)->sub = fc->level;
  if (is(L, c, VL_K_WILDCARD_IMPORT)) {
    stmt_at(L, s)->a = 0;
  } else if (is(L, c, VL_K_ALIASED_IMPORT)) {
    stmt_at(L, s)->a = intern_node(L, field(L, c, VL_F_ALIAS));
    stmt_at(L, s)->c = intern_node(L, field(L, c, VL_F_NAME));
  } else if (is(L, c, VL_K_DOTTED_NAME)) {
    stmt_at(L, s)->a = intern_node(L, c);
    stmt_at(L, s)->c = stmt_at(L, s)->a;
  } else {
    L->stmts.len--;
    return;
  }
  if (stmt_at(L, s)->a) bind(L, L->func, stmt_at(L, s)->a);
  push(L, s);
}

static void lower_import_from(Lower *L, TSNode n) {
  FromCtx fc = {.stmt = n};
  TSNode mod = field(L, n, VL_F_MODULE_NAME);
  fc.module_node = mod;
  if (is(L, mod, VL_K_RELATIVE_IMPORT)) {
    VlPyKids kids = vl_py_kids(mod, true);
    for (TSNode c; vl_py_kids_next(&kids, &c);) {
      if (is(L, c, VL_K_IMPORT_PREFIX)) fc.level = (uint8_t)(ts_node_end_byte(c) - ts_node_start_byte(c));
      else if (is(L, c, VL_K_DOTTED_NAME)) fc.module = intern_node(L, c);
    }
    vl_py_kids_end(&kids);
  } else if (!ts_node_is_null(mod)) {
    fc.module = intern_node(L, mod);
  }
  each_child_field(L, n, from_child, &fc);
}

/* ---- statements ---- */

static VlId lower_block(Lower *L, TSNode block) {
  size_t mark = L->scratch.len;
  lower_block_into(L, block, mark);
  VlBlock b = {(VlId)L->stmtlist.len, (uint32_t)(L->scratch.len - mark)};
  for (size_t i = mark; i < L->scratch.len; i++) VL_VEC_PUSH(&L->stmtlist, L->scratch.items[i]);
  L->scratch.len = mark;
  VL_VEC_PUSH(&L->blocks, b);
  return (VlId)(L->blocks.len - 1);
}

static void stmt_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  lower_stmt(L, c);
}

static bool segments_here(const Lower *L);
static void segment_child(Lower *L, TSNode c, TSFieldId f, void *ctx);

static void lower_block_into(Lower *L, TSNode block, size_t mark) {
  (void)mark;
  if (ts_node_is_null(block)) return;
  if (!is(L, block, VL_K_BLOCK) && !is(L, block, VL_K_MODULE)) { /* a simple statement on the def line */
    lower_stmt(L, block);
    return;
  }
  each_child(L, block, segments_here(L) ? segment_child : stmt_child, NULL);
}

/* What an assignment's annotation makes of it in a class body (`sub` of VL_S_ASSIGN, VL_S_ANNASSIGN):
 * VL_ANN_FIELD, VL_ANN_CLASSVAR (`ClassVar[...]`, no dataclass field), VL_ANN_OTHER (`InitVar[...]`,
 * `KW_ONLY`: a parameter of the generated __init__ but no attribute), or 0 when not annotated. */
static uint8_t annotation_kind(const Lower *L, TSNode n) {
  TSNode type = field(L, n, VL_F_TYPE);
  if (ts_node_is_null(type)) return 0;
  uint32_t a = ts_node_start_byte(type), b = ts_node_end_byte(type);
  static const char *const words[] = {"ClassVar", "InitVar", "KW_ONLY"};
  for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
    size_t len = strlen(words[w]);
    for (uint32_t i = a; i + len <= b; i++)
      if (memcmp(L->text + i, words[w], len) == 0) return w == 0 ? VL_ANN_CLASSVAR : VL_ANN_OTHER;
  }
  return VL_ANN_FIELD;
}

/* assignment -> left (':' type)? ('=' right)?, right may itself be an assignment (a = b = v) */
static void lower_assignment(Lower *L, TSNode n, TSNode at) {
  TSNode right = field(L, n, VL_F_RIGHT);
  if (ts_node_is_null(right)) { /* x: int (annotation only) */
    VlId s = new_stmt(L, VL_S_ANNASSIGN, at);
    { VlId v_ = lower_target(L, field(L, n, VL_F_LEFT)); stmt_at(L, s)->a = v_; }
    stmt_at(L, s)->sub = annotation_kind(L, n);
    push(L, s);
    return;
  }
  uint8_t annotated = annotation_kind(L, n);
  /* collect the chain's targets; the value is the last right */
  TSNode targets[64];
  int nt = 0;
  TSNode cur = n;
  while (is(L, cur, VL_K_ASSIGNMENT) && nt < 64) {
    targets[nt++] = field(L, cur, VL_F_LEFT);
    TSNode r = nt == 1 ? right : field(L, cur, VL_F_RIGHT); /* n's right is known */
    if (ts_node_is_null(r)) break;
    cur = r;
  }
  if (is(L, cur, VL_K_AUG_ASSIGNMENT)) { /* a = b += 1 is not Python; lower the aug part */
    cur = field(L, cur, VL_F_RIGHT);
  }
  VlId s = new_stmt(L, VL_S_ASSIGN, at);
  VlId value = lower_expr(L, cur);
  size_t mark = L->scratch.len;
  for (int i = 0; i < nt; i++) push(L, lower_target(L, targets[i]));
  uint16_t count;
  VlId first = take_list(L, mark, &count);
  VlStmt *st = stmt_at(L, s);
  st->a = value;
  st->b = first;
  st->n = count;
  st->sub = nt == 1 ? annotated : 0;
  push(L, s);
}

/* augmented_assignment -> left operator right */
static void lower_augassign(Lower *L, TSNode n, TSNode at) {
  VlId s = new_stmt(L, VL_S_AUGASSIGN, at);
  TSNode op = field(L, n, VL_F_OPERATOR);
  VlId value = lower_expr(L, field(L, n, VL_F_RIGHT));
  VlId target = lower_target(L, field(L, n, VL_F_LEFT));
  VlStmt *st = stmt_at(L, s);
  st->a = target;
  st->b = value;
  st->sub = (uint8_t)binop_of(L->text + ts_node_start_byte(op), ts_node_end_byte(op) - ts_node_start_byte(op) - 1);
  push(L, s);
}

/* expression_statement -> (expression | assignment | augmented_assignment | yield) (',' ...)* */
static void lower_expr_stmt(Lower *L, TSNode n) {
  uint32_t named = 0;
  TSNode only = {0};
  VlPyKids kids = vl_py_kids(n, true);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (is(L, c, VL_K_COMMENT)) {
      note_comment(L, c);
      continue;
    }
    only = c;
    named++;
  }
  vl_py_kids_end(&kids);
  if (named == 1 && is(L, only, VL_K_ASSIGNMENT)) {
    lower_assignment(L, only, n);
    return;
  }
  if (named == 1 && is(L, only, VL_K_AUG_ASSIGNMENT)) {
    lower_augassign(L, only, n);
    return;
  }
  VlId s = new_stmt(L, VL_S_EXPR, n);
  VlId e = named == 1 ? lower_expr(L, only) : lower_display(L, n, VL_E_TUPLE);
  stmt_at(L, s)->a = e;
  push(L, s);
}

/* if_statement -> 'if' condition ':' consequence (elif_clause)* else_clause?
 * An elif chain becomes nested ifs in the else blocks. */
static VlId lower_if_chain(Lower *L, TSNode at, TSNode cond, TSNode consequence, TSNode *alts, uint32_t nalts) {
  VlId s = new_stmt(L, VL_S_IF, at);
  VlId c = lower_expr(L, cond);
  VlId then_b = lower_block(L, consequence);
  VlId else_b = 0;
  if (nalts > 0) {
    TSNode a = alts[0];
    if (is(L, a, VL_K_ELIF)) {
      size_t mark = L->scratch.len;
      VlId inner = lower_if_chain(L, a, field(L, a, VL_F_CONDITION), field(L, a, VL_F_CONSEQUENCE), alts + 1, nalts - 1);
      push(L, inner);
      VlBlock b = {(VlId)L->stmtlist.len, 1};
      VL_VEC_PUSH(&L->stmtlist, inner);
      L->scratch.len = mark;
      VL_VEC_PUSH(&L->blocks, b);
      else_b = (VlId)(L->blocks.len - 1);
    } else {
      else_b = lower_block(L, field(L, a, VL_F_BODY));
    }
  }
  VlStmt *st = stmt_at(L, s);
  st->a = c;
  st->b = then_b;
  st->c = else_b;
  return s;
}

static void lower_if(Lower *L, TSNode n) {
  TSNode alts[256];
  uint32_t nalts = 0;
  TSTreeCursor *cur = cursor_on(L, n);
  if (ts_tree_cursor_goto_first_child(cur)) {
    do {
      TSNode ch = ts_tree_cursor_current_node(cur);
      if (is(L, ch, VL_K_COMMENT)) note_comment(L, ch);
      else if ((is(L, ch, VL_K_ELIF) || is(L, ch, VL_K_ELSE)) && nalts < 256) alts[nalts++] = ch;
    } while (ts_tree_cursor_goto_next_sibling(cur));
  }
  cursor_done(L);
  L->depth++;
  if (L->depth + (int)nalts > VL_MAX_TREE_DEPTH) {
    L->too_deep = true;
    L->depth--;
    return;
  }
  push(L, lower_if_chain(L, n, field(L, n, VL_F_CONDITION), field(L, n, VL_F_CONSEQUENCE), alts, nalts));
  L->depth--;
}

static TSNode else_body(const Lower *L, TSNode n) {
  TSNode alt = field(L, n, VL_F_ALTERNATIVE);
  return ts_node_is_null(alt) ? alt : field(L, alt, VL_F_BODY);
}

/* for_statement -> 'async'? 'for' left 'in' right ':' body else_clause? */
static void lower_for(Lower *L, TSNode n) {
  VlId s = new_stmt(L, VL_S_FOR, n);
  VlId iter = lower_expr(L, field(L, n, VL_F_RIGHT));
  VlId lp = new_loop(L, VL_LOOP_FOR, n, s);
  L->loops.items[lp].iter = iter;
  L->loops.items[lp].async = ts_node_child_count(n) && !ts_node_is_named(ts_node_child(n, 0)) &&
                             L->text[ts_node_start_byte(n)] == 'a';
  VlId outer = L->loop;
  L->loop = lp;
  { VlId v_ = lower_target(L, field(L, n, VL_F_LEFT)); L->loops.items[lp].target = v_; }
  VlId body = lower_block(L, field(L, n, VL_F_BODY));
  L->loop = outer;
  VlId els = 0;
  TSNode eb = else_body(L, n);
  if (!ts_node_is_null(eb)) els = lower_block(L, eb);
  VlStmt *st = stmt_at(L, s);
  st->a = lp;
  st->b = body;
  st->c = els;
  st->sub = L->loops.items[lp].async;
  push(L, s);
}

/* while_statement -> 'while' condition ':' body else_clause? */
static void lower_while(Lower *L, TSNode n) {
  VlId s = new_stmt(L, VL_S_WHILE, n);
  VlId lp = new_loop(L, VL_LOOP_WHILE, n, s);
  VlId outer = L->loop;
  L->loop = lp;
  { VlId v_ = lower_expr(L, field(L, n, VL_F_CONDITION)); L->loops.items[lp].iter = v_; }
  VlId body = lower_block(L, field(L, n, VL_F_BODY));
  L->loop = outer;
  VlId els = 0;
  TSNode eb = else_body(L, n);
  if (!ts_node_is_null(eb)) els = lower_block(L, eb);
  VlStmt *st = stmt_at(L, s);
  st->a = lp;
  st->b = body;
  st->c = els;
  push(L, s);
}

/* try_statement -> 'try' ':' block (except_clause+ else_clause? finally_clause? | finally_clause) */
static void lower_try(Lower *L, TSNode n) {
  VlId s = new_stmt(L, VL_S_TRY, n);
  VlId body = lower_block(L, field(L, n, VL_F_BODY));
  VlId first_handler = (VlId)L->handlers.len, els = 0, fin = 0;
  uint16_t nh = 0;
  TSTreeCursor *cur = cursor_on(L, n);
  if (ts_tree_cursor_goto_first_child(cur)) {
    do {
      TSNode ch = ts_tree_cursor_current_node(cur);
      if (is(L, ch, VL_K_COMMENT)) {
        note_comment(L, ch);
      } else if (is(L, ch, VL_K_EXCEPT)) {
        /* except_clause -> 'except' '*'? (value ('as' alias)?)? ':' block */
        VlHandler h = {0};
        TSNode value = field(L, ch, VL_F_VALUE), alias = field(L, ch, VL_F_ALIAS), block = {0};
        for (uint32_t i = 0, k = ts_node_named_child_count(ch); i < k; i++)
          if (is(L, ts_node_named_child(ch, i), VL_K_BLOCK)) block = ts_node_named_child(ch, i);
        if (!ts_node_is_null(value) && is(L, value, VL_K_AS_PATTERN)) { /* older shape: as_pattern */
          alias = field(L, value, VL_F_ALIAS);
          if (!ts_node_is_null(alias) && ts_node_named_child_count(alias)) alias = ts_node_named_child(alias, 0);
          value = ts_node_named_child(value, 0);
        }
        if (!ts_node_is_null(value) && !ts_node_eq(value, block)) h.type = lower_expr(L, value);
        if (!ts_node_is_null(alias)) h.target = lower_target(L, alias);
        h.body = lower_block(L, block);
        VL_VEC_PUSH(&L->handlers, h);
        nh++;
      } else if (is(L, ch, VL_K_ELSE)) {
        els = lower_block(L, field(L, ch, VL_F_BODY));
      } else if (is(L, ch, VL_K_FINALLY)) {
        TSNode block = {0};
        for (uint32_t i = 0, k = ts_node_named_child_count(ch); i < k; i++)
          if (is(L, ts_node_named_child(ch, i), VL_K_BLOCK)) block = ts_node_named_child(ch, i);
        fin = lower_block(L, block);
      }
    } while (ts_tree_cursor_goto_next_sibling(cur));
  }
  cursor_done(L);
  VlStmt *st = stmt_at(L, s);
  st->a = body;
  st->b = first_handler;
  st->n = nh;
  st->c = els;
  st->d = fin;
  push(L, s);
}

/* with_statement -> 'async'? 'with' with_clause ':' block;
 * with_item -> expression | as_pattern(expression, alias: as_pattern_target(target)) */
static void with_item(Lower *L, TSNode item, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  if (is(L, item, VL_K_WITH_CLAUSE)) {
    each_child(L, item, with_item, NULL);
    return;
  }
  if (!is(L, item, VL_K_WITH_ITEM)) return;
  TSNode v = unparen(L, field(L, item, VL_F_VALUE));
  if (is(L, v, VL_K_AS_PATTERN)) {
    TSNode alias = field(L, v, VL_F_ALIAS);
    push(L, lower_expr(L, ts_node_named_child(v, 0)));
    TSNode t = !ts_node_is_null(alias) && ts_node_named_child_count(alias) ? ts_node_named_child(alias, 0) : alias;
    push(L, ts_node_is_null(t) ? 0 : lower_target(L, t));
  } else {
    push(L, lower_expr(L, v));
    push(L, 0);
  }
}

static void lower_with(Lower *L, TSNode n) {
  VlId s = new_stmt(L, VL_S_WITH, n);
  size_t mark = L->scratch.len;
  TSNode body = field(L, n, VL_F_BODY);
  VlPyKids kids = vl_py_kids(n, true);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (is(L, c, VL_K_WITH_CLAUSE)) with_item(L, c, 0, NULL);
    else if (is(L, c, VL_K_COMMENT)) note_comment(L, c);
  }
  vl_py_kids_end(&kids);
  uint16_t count;
  VlId first = take_list(L, mark, &count);
  VlId b = lower_block(L, body);
  VlStmt *st = stmt_at(L, s);
  st->a = first;
  st->n = (uint16_t)(count / 2);
  st->b = b;
  push(L, s);
}

/* match_statement -> 'match' subject ':' block(case_clause*) */
static void lower_match(Lower *L, TSNode n) {
  VlId s = new_stmt(L, VL_S_MATCH, n);
  VlId subject = lower_expr(L, field(L, n, VL_F_SUBJECT));
  size_t mark = L->scratch.len;
  TSNode body = field(L, n, VL_F_BODY);
  VlPyKids kids = vl_py_kids(body, true);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (is(L, c, VL_K_COMMENT)) {
      note_comment(L, c);
      continue;
    }
    if (!is(L, c, VL_K_CASE)) continue;
    push(L, lower_block(L, field(L, c, VL_F_CONSEQUENCE)));
  }
  vl_py_kids_end(&kids);
  uint16_t count;
  VlId first = take_list(L, mark, &count);
  VlStmt *st = stmt_at(L, s);
  st->a = subject;
  st->b = first;
  st->n = count;
  push(L, s);
}

/* global_statement / nonlocal_statement -> keyword identifier (',' identifier)* */
static void lower_scope_decl(Lower *L, TSNode n, bool global) {
  VlId s = new_stmt(L, global ? VL_S_GLOBAL : VL_S_NONLOCAL, n);
  size_t mark = L->scratch.len;
  VlPyKids kids = vl_py_kids(n, true);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (!is(L, c, VL_K_IDENTIFIER)) continue;
    VlId name = intern_node(L, c);
    push(L, name);
    scope_bind(L, L->func, name, global ? VL_BIND_GLOBAL : VL_BIND_NONLOCAL);
  }
  vl_py_kids_end(&kids);
  uint16_t count;
  VlId first = take_list(L, mark, &count);
  stmt_at(L, s)->b = first;
  stmt_at(L, s)->n = count;
  push(L, s);
}

/* Comments tree-sitter attaches to a compound statement itself (on its header line, or before the
 * first statement of its body), not to a block. */
static void header_comments(Lower *L, TSNode n) {
  VlPyKids kids = vl_py_kids(n, true);
  for (TSNode c; vl_py_kids_next(&kids, &c);) {
    if (is(L, c, VL_K_COMMENT)) note_comment(L, c);
  }
  vl_py_kids_end(&kids);
}

static void lower_stmt(Lower *L, TSNode n) {
  if (ts_node_is_null(n) || too_deep(L)) return;
  L->depth++;
  TSSymbol s = ts_node_symbol(n);
  const TSSymbol *kinds = L->py->kind;
  if (s == kinds[VL_K_FUNCTION_DEF] || s == kinds[VL_K_CLASS_DEF] || s == kinds[VL_K_FOR] ||
      s == kinds[VL_K_WHILE] || s == kinds[VL_K_WITH] || s == kinds[VL_K_MATCH] || s == kinds[VL_K_DECORATED_DEF])
    header_comments(L, n);
  const TSSymbol *k = L->py->kind;
  if (s == k[VL_K_EXPR_STMT]) {
    lower_expr_stmt(L, n);
  } else if (s == k[VL_K_FUNCTION_DEF]) {
    lower_def(L, n, (TSNode){0}, L->scratch.len, 0);
  } else if (s == k[VL_K_CLASS_DEF]) {
    lower_class(L, n, (TSNode){0}, L->scratch.len);
  } else if (s == k[VL_K_DECORATED_DEF]) {
    lower_decorated(L, n);
  } else if (s == k[VL_K_IF]) {
    lower_if(L, n);
  } else if (s == k[VL_K_FOR]) {
    lower_for(L, n);
  } else if (s == k[VL_K_WHILE]) {
    lower_while(L, n);
  } else if (s == k[VL_K_TRY]) {
    lower_try(L, n);
  } else if (s == k[VL_K_WITH]) {
    lower_with(L, n);
  } else if (s == k[VL_K_MATCH]) {
    lower_match(L, n);
  } else if (s == k[VL_K_RETURN]) {
    VlId st = new_stmt(L, VL_S_RETURN, n);
    TSNode v = {0};
    VlPyKids kids = vl_py_kids(n, true);
    for (TSNode ch; vl_py_kids_next(&kids, &ch);) {
      if (is(L, ch, VL_K_COMMENT)) note_comment(L, ch);
      else v = ch;
    }
    vl_py_kids_end(&kids);
    VlId e = ts_node_is_null(v) ? 0 : lower_expr(L, v);
    stmt_at(L, st)->a = e;
    push(L, st);
  } else if (s == k[VL_K_RAISE]) {
    VlId st = new_stmt(L, VL_S_RAISE, n);
    VlId e = ts_node_named_child_count(n) ? lower_expr(L, ts_node_named_child(n, 0)) : 0;
    stmt_at(L, st)->a = e;
    push(L, st);
  } else if (s == k[VL_K_BREAK]) {
    push(L, new_stmt(L, VL_S_BREAK, n));
  } else if (s == k[VL_K_CONTINUE]) {
    push(L, new_stmt(L, VL_S_CONTINUE, n));
  } else if (s == k[VL_K_DELETE]) {
    VlId st = new_stmt(L, VL_S_DEL, n);
    size_t mark = L->scratch.len;
    VlPyKids kids = vl_py_kids(n, true);
    for (TSNode ch; vl_py_kids_next(&kids, &ch);) {
      ch = unparen(L, ch);
      if (is(L, ch, VL_K_COMMENT)) continue;
      if (is(L, ch, VL_K_EXPRESSION_LIST)) {
        VlPyKids items = vl_py_kids(ch, true);
        for (TSNode x; vl_py_kids_next(&items, &x);) push(L, lower_expr(L, x));
        vl_py_kids_end(&items);
      } else {
        push(L, lower_expr(L, ch));
      }
    }
    vl_py_kids_end(&kids);
    uint16_t count;
    VlId first = take_list(L, mark, &count);
    stmt_at(L, st)->b = first;
    stmt_at(L, st)->n = count;
    push(L, st);
  } else if (s == k[VL_K_GLOBAL]) {
    lower_scope_decl(L, n, true);
  } else if (s == k[VL_K_NONLOCAL]) {
    lower_scope_decl(L, n, false);
  } else if (s == k[VL_K_IMPORT]) {
    TSNode self = n;
    each_child(L, n, import_child, &self);
  } else if (s == k[VL_K_IMPORT_FROM]) {
    lower_import_from(L, n);
  } else if (s == k[VL_K_BLOCK] || s == k[VL_K_ERROR] || s == k[VL_K_MODULE]) {
    each_child(L, n, stmt_child, NULL); /* error recovery: whatever statements are inside */
  } else if (s == k[VL_K_PASS] || s == k[VL_K_FUTURE_IMPORT]) {
    /* nothing */
  } else if (s == k[VL_K_ASSIGNMENT]) { /* inside an ERROR node */
    lower_assignment(L, n, n);
  } else if (s == k[VL_K_AUG_ASSIGNMENT]) {
    lower_augassign(L, n, n);
  } else {
    /* assert, print, exec, type alias, or an expression left by error recovery: effects only */
    if (s == k[VL_K_PRINT_PY2] || s == k[VL_K_EXEC_PY2]) L->m->syntax_errors = true; /* Python 2 only */
    VlId st = new_stmt(L, VL_S_EXPR, n);
    VlId e = lower_nary(L, n, VL_E_OTHER);
    stmt_at(L, st)->a = e;
    push(L, st);
  }
  L->depth--;
}

/* ---- the memo: an edited document's unchanged statements, copied from its last lowering ----
 *
 * With a memo (vl_lower_tree_memo), the statements of the module body and of the bodies of
 * module-level classes are "segments": each one's lowering is a contiguous run of every array, plus
 * the strings it interned (in first-intern order), the scope records it made (scope_add, scope_bind,
 * scope_use, in order) and the statement ids it pushed into its block.  The memo keeps the arrays,
 * these logs and the text of the last lowering.  A segment of the next text whose bytes, depth and
 * enclosing scope (the module, or a class of the same qualified name) are those of a segment of the
 * last one is not walked: its runs are appended and relocated field by field (ids by the difference
 * of the arrays' lengths, the enclosing function and class to the new ones, strings interned again
 * in the logged order, which gives the ids a cold lowering gives; positions by the difference of
 * the starts), and its scope records replayed.  Everything after lowering (name resolution, the
 * analysis) runs on the whole module as before, so the module equals a cold vl_lower_tree's
 * (tests/lsp: lsp.differential; `vl_irdump` compares in test_ir).  A segment is not kept when its
 * lowering wrote anything outside its runs (a `yield` in a class body marks the class a
 * generator; the old segment's own flag says so, whatever the state before it), hit the nesting limit or set syntax_errors; a relocation that meets an id it cannot
 * map throws the lowering away and lowers cold. */

enum { A_EXPRS, A_STMTS, A_KIDS, A_STMTLIST, A_BLOCKS, A_HANDLERS, A_FUNCS, A_CLASSES, A_LOOPS, A_COMPS, A_CLAUSES,
       A_PARAMS, A_COMMENTS, A_N };

typedef struct MemoSeg {
  uint32_t start, end, row; /* its bytes, and the row it starts on (tree-sitter's) */
  uint64_t hash;
  uint32_t base[A_N], lim[A_N]; /* its run of each array */
  uint32_t strs, nstrs;         /* strlog */
  uint32_t evs, nevs;           /* scope events */
  uint32_t pushes, npushes;     /* statement ids pushed into its block */
  VlId outer, klass, qual;      /* the function it is in, that function's class, its qualname */
  int depth;
  bool ok;
} MemoSeg;

typedef struct ScopeEv {
  uint8_t kind, flag;
  VlId func, x;
} ScopeEv;

typedef VL_VEC(MemoSeg) SegVec;
typedef VL_VEC(VlId) IdVec;
typedef VL_VEC(ScopeEv) EvVec;

struct VlLowerMemo {
  char *text; /* the text of the last lowering (NULL: none kept) */
  size_t len;
  VlExpr *exprs;
  VlStmt *stmts;
  VlId *kids, *stmtlist;
  VlBlock *blocks;
  VlHandler *handlers;
  VlFunc *funcs;
  VlClass *classes;
  VlLoop *loops;
  VlComp *comps;
  VlClause *clauses;
  VlParam *params;
  VlComment *comments;
  VlArena *arena; /* the strings */
  const char **strs;
  uint32_t *lens;
  uint32_t nstrs;
  SegVec segs;
  IdVec strlog, pushes;
  EvVec evs;
  uint32_t *table; /* open addressing by hash: segment index + 1 */
  uint32_t tcap;
  uint32_t reused, lowered; /* segments of the last lowering (vl_lower_memo_stats) */
  size_t nitems[A_N];        /* each array's length: the next lowering reserves as much at its start */
};

typedef struct LowerRec {
  VlLowerMemo *old; /* read: the last lowering's */
  bool reuse;       /* may segments be copied (false: record only) */
  SegVec segs;
  IdVec strlog, pushes;
  EvVec evs;
  VL_VEC(uint32_t) stamp; /* per new string id: 1 + the segment that last logged it */
  uint32_t *map, *map_stamp; /* per old string id: its new id, for segment map_stamp - 1 */
  bool in_seg, bad;
  bool outside;        /* the segment being lowered wrote to a function it does not contain */
  uint32_t func_base;  /* the first function it contains */
  uint32_t cur; /* the segment being lowered */
  uint32_t reused, lowered;
} LowerRec;

static void rec_str(Lower *L, VlId id) {
  LowerRec *r = L->rec;
  if (!r->in_seg) return;
  while (r->stamp.len <= id) VL_VEC_PUSH(&r->stamp, 0);
  if (r->stamp.items[id] == r->cur + 1) return;
  r->stamp.items[id] = r->cur + 1;
  VL_VEC_PUSH(&r->strlog, id);
}

/* A `yield` marks its function a generator: outside the segment, the segment cannot be copied. */
static void rec_outside(Lower *L, VlId func) {
  if (L->rec->in_seg && func < L->rec->func_base) L->rec->outside = true;
}

static void rec_scope(Lower *L, uint8_t kind, VlId func, VlId x, uint8_t flag) {
  LowerRec *r = L->rec;
  if (!r->in_seg) return;
  ScopeEv ev = {kind, flag, func, x};
  VL_VEC_PUSH(&r->evs, ev);
}

/* Statements are segments in the module body and in the body of a module-level class. */
static bool segments_here(const Lower *L) {
  if (!L->rec || L->rec->in_seg) return false;
  const VlFunc *f = &L->funcs.items[L->func];
  return L->func == VL_MODULE_FUNC || (f->kind == VL_FN_CLASS && f->parent == VL_MODULE_FUNC);
}

static void lens_of(const Lower *L, uint32_t *out) {
  out[A_EXPRS] = (uint32_t)L->exprs.len;
  out[A_STMTS] = (uint32_t)L->stmts.len;
  out[A_KIDS] = (uint32_t)L->kids.len;
  out[A_STMTLIST] = (uint32_t)L->stmtlist.len;
  out[A_BLOCKS] = (uint32_t)L->blocks.len;
  out[A_HANDLERS] = (uint32_t)L->handlers.len;
  out[A_FUNCS] = (uint32_t)L->funcs.len;
  out[A_CLASSES] = (uint32_t)L->classes.len;
  out[A_LOOPS] = (uint32_t)L->loops.len;
  out[A_COMPS] = (uint32_t)L->comps.len;
  out[A_CLAUSES] = (uint32_t)L->clauses.len;
  out[A_PARAMS] = (uint32_t)L->params.len;
  out[A_COMMENTS] = (uint32_t)L->comments.len;
}

/* The last lowering's segment with the bytes and context of `seg` (text[start, end)), or NULL. */
static const MemoSeg *find_old(const Lower *L, const MemoSeg *seg) {
  const VlLowerMemo *o = L->rec->old;
  if (!L->rec->reuse || !o->text || !o->tcap) return NULL;
  uint32_t n = seg->end - seg->start;
  const char *qual = vl_strtab_get(&L->strtab, seg->qual);
  for (uint32_t i = (uint32_t)(seg->hash & (o->tcap - 1));; i = (i + 1) & (o->tcap - 1)) {
    if (!o->table[i]) return NULL;
    const MemoSeg *c = &o->segs.items[o->table[i] - 1];
    if (c->hash != seg->hash || c->end - c->start != n || !c->ok || c->depth != seg->depth ||
        (c->outer == VL_MODULE_FUNC) != (seg->outer == VL_MODULE_FUNC) || strcmp(o->strs[c->qual], qual) != 0 ||
        memcmp(o->text + c->start, L->text + seg->start, n) != 0)
      continue;
    return c;
  }
}

typedef struct Reloc {
  LowerRec *r;
  const VlLowerMemo *o;
  uint32_t ob[A_N], nb[A_N];
  VlId oouter, nouter, oklass, nklass;
  uint32_t delta;     /* new start - old start (mod 2^32) */
  uint32_t delta_row; /* the new start's row */
} Reloc;

static VlId rl(Reloc *x, int a, VlId id) {
  if (!id) return 0;
  if (id >= x->ob[a]) return id - x->ob[a] + x->nb[a];
  if (a == A_FUNCS && id == x->oouter) return x->nouter;
  if (a == A_CLASSES && x->oklass && id == x->oklass) return x->nklass;
  x->r->bad = true;
  return 0;
}

static VlId rl_str(Reloc *x, VlId id) {
  if (!id) return 0;
  if (x->r->map_stamp[id] != x->r->cur + 1) {
    x->r->bad = true;
    return 0;
  }
  return x->r->map[id];
}

#define APPEND_RUN(vec_, arr_, a_)                                                                   \
  do {                                                                                               \
    for (uint32_t i_ = s->base[a_]; i_ < s->lim[a_]; i_++) VL_VEC_PUSH(&L->vec_, o->arr_[i_]);      \
  } while (0)

/* Kids entries [first, first + n) of the new array, which hold ids of array `a` (or strings). */
static void rl_kids(Lower *L, Reloc *x, VlId first, uint32_t n, int a) {
  for (uint32_t i = 0; i < n; i++) {
    VlId *k = &L->kids.items[first + i];
    *k = a < 0 ? rl_str(x, *k) : rl(x, a, *k);
  }
}

/* Appends old segment s, relocated, as the current segment of L (its context in x). */
static void reuse_segment(Lower *L, const MemoSeg *s, Reloc *x) {
  LowerRec *r = L->rec;
  const VlLowerMemo *o = r->old;
  /* strings first, in the segment's first-intern order: the ids a cold lowering gives */
  for (uint32_t i = 0; i < s->nstrs; i++) {
    VlId old = o->strlog.items[s->strs + i];
    r->map[old] = intern(L, o->strs[old], o->lens[old]);
    r->map_stamp[old] = r->cur + 1;
  }
  memcpy(x->ob, s->base, sizeof x->ob);
  lens_of(L, x->nb);
  APPEND_RUN(exprs, exprs, A_EXPRS);
  APPEND_RUN(stmts, stmts, A_STMTS);
  APPEND_RUN(kids, kids, A_KIDS);
  APPEND_RUN(stmtlist, stmtlist, A_STMTLIST);
  APPEND_RUN(blocks, blocks, A_BLOCKS);
  APPEND_RUN(handlers, handlers, A_HANDLERS);
  APPEND_RUN(funcs, funcs, A_FUNCS);
  APPEND_RUN(classes, classes, A_CLASSES);
  APPEND_RUN(loops, loops, A_LOOPS);
  APPEND_RUN(comps, comps, A_COMPS);
  APPEND_RUN(clauses, clauses, A_CLAUSES);
  APPEND_RUN(params, params, A_PARAMS);
  APPEND_RUN(comments, comments, A_COMMENTS);
  uint32_t d = x->delta;
  for (uint32_t i = x->nb[A_EXPRS]; i < L->exprs.len; i++) {
    VlExpr *e = &L->exprs.items[i];
    e->start += d;
    e->end += d;
    e->sym = (VlSym){0};
    e->kids = rl(x, A_KIDS, e->kids);
    rl_kids(L, x, e->kids, e->nkids, A_EXPRS);
    switch (e->op) {
    case VL_E_NAME: case VL_E_ATTR: case VL_E_KW: case VL_E_STR: e->a = rl_str(x, e->a); break;
    case VL_E_COMP: e->a = rl(x, A_COMPS, e->a); break;
    case VL_E_LAMBDA: e->a = rl(x, A_FUNCS, e->a); break;
    default: break;
    }
  }
  for (uint32_t i = x->nb[A_STMTS]; i < L->stmts.len; i++) {
    VlStmt *t = &L->stmts.items[i];
    t->start += d;
    t->end += d;
    switch (t->kind) {
    case VL_S_EXPR: case VL_S_ANNASSIGN: case VL_S_RETURN: case VL_S_RAISE: case VL_S_UNKNOWN:
      t->a = rl(x, A_EXPRS, t->a);
      break;
    case VL_S_ASSIGN:
      t->a = rl(x, A_EXPRS, t->a);
      t->b = rl(x, A_KIDS, t->b);
      rl_kids(L, x, t->b, t->n, A_EXPRS);
      break;
    case VL_S_AUGASSIGN:
      t->a = rl(x, A_EXPRS, t->a);
      t->b = rl(x, A_EXPRS, t->b);
      break;
    case VL_S_DEL:
      t->b = rl(x, A_KIDS, t->b);
      rl_kids(L, x, t->b, t->n, A_EXPRS);
      break;
    case VL_S_IF:
      t->a = rl(x, A_EXPRS, t->a);
      t->b = rl(x, A_BLOCKS, t->b);
      t->c = rl(x, A_BLOCKS, t->c);
      break;
    case VL_S_FOR: case VL_S_WHILE:
      t->a = rl(x, A_LOOPS, t->a);
      t->b = rl(x, A_BLOCKS, t->b);
      t->c = rl(x, A_BLOCKS, t->c);
      break;
    case VL_S_TRY:
      t->a = rl(x, A_BLOCKS, t->a);
      t->b = rl(x, A_HANDLERS, t->b);
      t->c = rl(x, A_BLOCKS, t->c);
      t->d = rl(x, A_BLOCKS, t->d);
      break;
    case VL_S_WITH:
      t->a = rl(x, A_KIDS, t->a);
      rl_kids(L, x, t->a, 2u * t->n, A_EXPRS);
      t->b = rl(x, A_BLOCKS, t->b);
      break;
    case VL_S_MATCH:
      t->a = rl(x, A_EXPRS, t->a);
      t->b = rl(x, A_KIDS, t->b);
      rl_kids(L, x, t->b, t->n, A_BLOCKS);
      break;
    case VL_S_GLOBAL: case VL_S_NONLOCAL:
      t->b = rl(x, A_KIDS, t->b);
      rl_kids(L, x, t->b, t->n, -1);
      break;
    case VL_S_IMPORT: case VL_S_IMPORT_FROM:
      t->a = rl_str(x, t->a);
      t->b = rl_str(x, t->b);
      t->c = rl_str(x, t->c);
      break;
    case VL_S_DEF: t->a = rl(x, A_FUNCS, t->a); break;
    case VL_S_CLASS: t->a = rl(x, A_CLASSES, t->a); break;
    case VL_S_BREAK: case VL_S_CONTINUE: case VL_S_PASS: break;
    default: r->bad = true; break;
    }
  }
  for (uint32_t i = x->nb[A_STMTLIST]; i < L->stmtlist.len; i++)
    L->stmtlist.items[i] = rl(x, A_STMTS, L->stmtlist.items[i]);
  for (uint32_t i = x->nb[A_BLOCKS]; i < L->blocks.len; i++)
    L->blocks.items[i].first = rl(x, A_STMTLIST, L->blocks.items[i].first);
  for (uint32_t i = x->nb[A_HANDLERS]; i < L->handlers.len; i++) {
    VlHandler *h = &L->handlers.items[i];
    h->type = rl(x, A_EXPRS, h->type);
    h->target = rl(x, A_EXPRS, h->target);
    h->body = rl(x, A_BLOCKS, h->body);
  }
  for (uint32_t i = x->nb[A_FUNCS]; i < L->funcs.len; i++) {
    VlFunc *f = &L->funcs.items[i];
    f->start += d;
    f->end += d;
    f->params = rl(x, A_PARAMS, f->params);
    f->name = rl_str(x, f->name);
    f->qualname = rl_str(x, f->qualname);
    f->parent = rl(x, A_FUNCS, f->parent);
    f->klass = rl(x, A_CLASSES, f->klass);
    f->body = rl(x, A_BLOCKS, f->body);
    f->expr = rl(x, f->kind == VL_FN_COMP ? A_COMPS : A_EXPRS, f->expr);
    f->decorators = rl(x, A_KIDS, f->decorators);
    rl_kids(L, x, f->decorators, f->ndecorators, A_EXPRS);
    f->locals = 0; /* names.c gives them */
    f->nlocals = 0;
  }
  for (uint32_t i = x->nb[A_CLASSES]; i < L->classes.len; i++) {
    VlClass *k = &L->classes.items[i];
    k->start += d;
    k->end += d;
    k->name = rl_str(x, k->name);
    k->qualname = rl_str(x, k->qualname);
    k->func = rl(x, A_FUNCS, k->func);
    k->parent = rl(x, A_FUNCS, k->parent);
    k->bases = rl(x, A_KIDS, k->bases);
    rl_kids(L, x, k->bases, k->nbases, A_EXPRS);
    k->decorators = rl(x, A_KIDS, k->decorators);
    rl_kids(L, x, k->decorators, k->ndecorators, A_EXPRS);
  }
  for (uint32_t i = x->nb[A_LOOPS]; i < L->loops.len; i++) {
    VlLoop *lp = &L->loops.items[i];
    lp->start += d;
    lp->end += d;
    lp->func = rl(x, A_FUNCS, lp->func);
    lp->parent = rl(x, A_LOOPS, lp->parent);
    lp->target = rl(x, A_EXPRS, lp->target);
    lp->iter = rl(x, A_EXPRS, lp->iter);
    lp->node = rl(x, lp->kind == VL_LOOP_COMP ? A_EXPRS : A_STMTS, lp->node);
  }
  for (uint32_t i = x->nb[A_COMPS]; i < L->comps.len; i++) {
    VlComp *c = &L->comps.items[i];
    c->func = rl(x, A_FUNCS, c->func);
    c->elem = rl(x, A_EXPRS, c->elem);
    c->key = rl(x, A_EXPRS, c->key);
    c->clauses = rl(x, A_CLAUSES, c->clauses);
  }
  for (uint32_t i = x->nb[A_CLAUSES]; i < L->clauses.len; i++) {
    VlClause *c = &L->clauses.items[i];
    c->cond = rl(x, A_EXPRS, c->cond);
    c->loop = rl(x, A_LOOPS, c->loop);
  }
  for (uint32_t i = x->nb[A_PARAMS]; i < L->params.len; i++) {
    VlParam *p = &L->params.items[i];
    p->name = rl_str(x, p->name);
    p->annotation = rl(x, A_EXPRS, p->annotation);
    p->dflt = rl(x, A_EXPRS, p->dflt);
  }
  for (uint32_t i = x->nb[A_COMMENTS]; i < L->comments.len; i++) {
    VlComment *c = &L->comments.items[i];
    c->start += d;
    c->row = c->row - s->row + x->delta_row; /* rows after its start: the same bytes */
  }
  /* the scope records, in their order */
  for (uint32_t i = 0; i < s->nevs; i++) {
    ScopeEv ev = o->evs.items[s->evs + i];
    VlId f = rl(x, A_FUNCS, ev.func);
    if (ev.kind == EV_ADD) {
      vl_scopes_add(&L->scopes, f);
      rec_scope(L, EV_ADD, f, 0, 0);
    } else if (ev.kind == EV_BIND) {
      scope_bind(L, f, rl_str(x, ev.x), ev.flag);
    } else {
      scope_use(L, f, rl(x, A_EXPRS, ev.x));
    }
  }
  for (uint32_t i = 0; i < s->npushes; i++) push(L, rl(x, A_STMTS, o->pushes.items[s->pushes + i]));
}

/* One statement of a block whose statements are segments: copied from the memo, or lowered. */
static void lower_segment(Lower *L, TSNode n) {
  LowerRec *r = L->rec;
  if (L->func == VL_MODULE_FUNC) { /* a module-level class is opened: its body's statements are segments */
    TSNode def = is(L, n, VL_K_DECORATED_DEF) ? field(L, n, VL_F_DEFINITION) : n;
    if (is(L, def, VL_K_CLASS_DEF)) {
      lower_stmt(L, n);
      return;
    }
  }
  const VlFunc *outer = &L->funcs.items[L->func];
  MemoSeg seg = {.start = ts_node_start_byte(n), .end = ts_node_end_byte(n), .row = ts_node_start_point(n).row,
                 .outer = L->func, .klass = outer->klass, .qual = outer->qualname, .depth = L->depth};
  seg.hash = vl_hash(VL_HASH_SEED, L->text + seg.start, seg.end - seg.start); /* a bucket key: bytes are compared */
  bool errors = L->m->syntax_errors;
  r->cur = (uint32_t)r->segs.len;
  r->in_seg = true;
  r->outside = false;
  lens_of(L, seg.base);
  r->func_base = seg.base[A_FUNCS];
  seg.strs = (uint32_t)r->strlog.len;
  seg.evs = (uint32_t)r->evs.len;
  size_t mark = L->scratch.len;
  const MemoSeg *old = find_old(L, &seg);
  if (old) {
    Reloc x = {r, r->old, {0}, {0}, old->outer, seg.outer, old->klass, seg.klass, seg.start - old->start, seg.row};
    reuse_segment(L, old, &x);
    r->reused++;
  } else {
    lower_stmt(L, n);
    r->lowered++;
  }
  r->in_seg = false;
  lens_of(L, seg.lim);
  seg.nstrs = (uint32_t)r->strlog.len - seg.strs;
  seg.nevs = (uint32_t)r->evs.len - seg.evs;
  seg.pushes = (uint32_t)r->pushes.len;
  for (size_t i = mark; i < L->scratch.len; i++) VL_VEC_PUSH(&r->pushes, L->scratch.items[i]);
  seg.npushes = (uint32_t)r->pushes.len - seg.pushes;
  seg.ok = !L->too_deep && !r->outside && L->m->syntax_errors == errors;
  VL_VEC_PUSH(&r->segs, seg);
}

static void segment_child(Lower *L, TSNode c, TSFieldId f, void *ctx) {
  (void)f;
  (void)ctx;
  lower_segment(L, c);
}

VlLowerMemo *vl_lower_memo_new(void) { return vl_xcalloc(1, sizeof(VlLowerMemo)); }

static void memo_clear(VlLowerMemo *o) {
  free(o->text);
  free(o->exprs);
  free(o->stmts);
  free(o->kids);
  free(o->stmtlist);
  free(o->blocks);
  free(o->handlers);
  free(o->funcs);
  free(o->classes);
  free(o->loops);
  free(o->comps);
  free(o->clauses);
  free(o->params);
  free(o->comments);
  if (o->arena) vl_arena_delete(o->arena);
  free(o->strs);
  free(o->lens);
  VL_VEC_FREE(&o->segs);
  VL_VEC_FREE(&o->strlog);
  VL_VEC_FREE(&o->pushes);
  VL_VEC_FREE(&o->evs);
  free(o->table);
  uint32_t reused = o->reused, lowered = o->lowered;
  memset(o, 0, sizeof *o);
  o->reused = reused;
  o->lowered = lowered;
}

void vl_lower_memo_delete(VlLowerMemo *self) {
  if (!self) return;
  memo_clear(self);
  free(self);
}

void vl_lower_memo_stats(const VlLowerMemo *self, uint32_t *reused, uint32_t *lowered) {
  *reused = self->reused;
  *lowered = self->lowered;
}

static void rec_free(LowerRec *r) {
  VL_VEC_FREE(&r->segs);
  VL_VEC_FREE(&r->strlog);
  VL_VEC_FREE(&r->pushes);
  VL_VEC_FREE(&r->evs);
  VL_VEC_FREE(&r->stamp);
  free(r->map);
  free(r->map_stamp);
}

/* ---- the module ---- */

#define FINISH(field_, vec_, a_)                                               \
  do {                                                                         \
    m->n##field_ = (uint32_t)L->vec_.len;                                      \
    if (keep) keep->nitems[a_] = L->vec_.len;                                  \
    m->field_ = vl_arena_alloc(m->arena, sizeof(*m->field_) * (L->vec_.len + 1)); \
    if (L->vec_.len) memcpy(m->field_, L->vec_.items, sizeof(*m->field_) * L->vec_.len); \
    if (keep) { /* the memo takes the array */                                 \
      keep->field_ = L->vec_.items;                                            \
      L->vec_.items = NULL;                                                    \
      L->vec_.len = L->vec_.cap = 0;                                           \
    } else {                                                                   \
      VL_VEC_FREE(&L->vec_);                                                   \
    }                                                                          \
  } while (0)

static void index_lines(VlModule *m) { m->line_starts = vl_source_index_lines(m->arena, m->text, m->len, &m->nlines); }

/* ---- the module: one tree, or the file's top-level statements in chunks ---- */

static void lower_begin(Lower *L, const VlPy *py, VlSource *src, const char *path, const char *text, size_t len) {
  VlModule *m = vl_xcalloc(1, sizeof(VlModule));
  m->arena = vl_arena_new();
  m->path = vl_arena_strdup(m->arena, path);
  m->text = text;
  m->len = (uint32_t)len;
  index_lines(m);
  *src = (VlSource){.path = m->path, .text = text, .len = (uint32_t)len, .line_starts = m->line_starts,
                    .nlines = m->nlines};
  *L = (Lower){.py = py, .text = text, .src = src, .m = m};
  vl_strtab_init(&L->strtab);
  intern(L, "", 0); /* id 0 */
  /* id 0 of every array is "none" */
  VL_VEC_PUSH(&L->exprs, (VlExpr){0});
  VL_VEC_PUSH(&L->stmts, (VlStmt){0});
  VL_VEC_PUSH(&L->blocks, (VlBlock){0});
  VL_VEC_PUSH(&L->handlers, (VlHandler){0});
  VL_VEC_PUSH(&L->funcs, (VlFunc){0});
  VL_VEC_PUSH(&L->classes, (VlClass){0});
  VL_VEC_PUSH(&L->loops, (VlLoop){0});
  VL_VEC_PUSH(&L->comps, (VlComp){0});
  VL_VEC_PUSH(&L->clauses, (VlClause){0});
  VL_VEC_PUSH(&L->params, (VlParam){0});
  VL_VEC_PUSH(&L->kids, 0);
  VL_VEC_PUSH(&L->stmtlist, 0);
  vl_scopes_add(&L->scopes, 0);
}

/* The module function, spanning [start, end); its statements are lowered onto the scratch stack
 * from `mark` (lower_top) and made its body by lower_finish. */
static size_t lower_module_func(Lower *L, uint32_t start, uint32_t end) {
  VlFunc f = {.kind = VL_FN_MODULE, .start = start, .end = end};
  VL_VEC_PUSH(&L->funcs, f);
  VlId mod = (VlId)(L->funcs.len - 1);
  vl_scopes_add(&L->scopes, mod);
  L->funcs.items[mod].qualname = intern(L, "<module>", 8);
  L->func = mod;
  return L->scratch.len;
}

/* The top-level statements of a tree (the whole file's, or a chunk's). */
static void lower_top(Lower *L, TSNode root) { lower_block_into(L, root, L->scratch.len); }

/* Ends the lowering: the module body from scratch[mark..], names resolved, the arrays copied into
 * the module's arena.  `tree` is the file's one tree (for the syntax errors), or NULL. */
static VlModule *lower_finish(Lower *L, size_t mark, const TSTree *tree) {
  VlModule *m = L->m;
  VlBlock body = {(VlId)L->stmtlist.len, (uint32_t)(L->scratch.len - mark)};
  for (size_t i = mark; i < L->scratch.len; i++) VL_VEC_PUSH(&L->stmtlist, L->scratch.items[i]);
  L->scratch.len = mark;
  VL_VEC_PUSH(&L->blocks, body);
  VlId mod = VL_MODULE_FUNC;
  L->funcs.items[mod].body = (VlId)(L->blocks.len - 1);

  if (L->too_deep) {
    /* keep an empty module body: nothing else is analysed */
    m->skipped = "nested deeper than any valid Python; not analysed";
    L->exprs.len = L->stmts.len = L->blocks.len = L->handlers.len = L->classes.len = 1;
    L->loops.len = L->comps.len = L->clauses.len = L->params.len = L->kids.len = L->stmtlist.len = 1;
    L->funcs.len = 2;
    L->funcs.items[mod].body = 0;
    vl_scopes_free(&L->scopes);
    vl_scopes_add(&L->scopes, VL_MODULE_FUNC);
  }
  vl_scopes_resolve(L);
  vl_scopes_free(&L->scopes);
  VlLowerMemo *keep = NULL;
  if (L->rec) { /* the memo keeps this lowering when it can serve the next */
    LowerRec *r = L->rec;
    VlLowerMemo *o = r->old;
    memo_clear(o);
    o->reused = r->reused;
    o->lowered = r->lowered;
    if (!r->bad && !L->too_deep && !m->syntax_errors) {
      keep = o;
      o->text = vl_xcalloc(m->len + 1, 1);
      memcpy(o->text, L->text, m->len);
      o->len = m->len;
      o->arena = vl_arena_new();
      o->nstrs = (uint32_t)L->strtab.strs.len;
      o->strs = vl_xcalloc(o->nstrs + 1, sizeof *o->strs);
      o->lens = vl_xcalloc(o->nstrs + 1, sizeof *o->lens);
      for (uint32_t i = 0; i < o->nstrs; i++) {
        o->lens[i] = L->strtab.lens.items[i];
        o->strs[i] = vl_arena_strndup(o->arena, L->strtab.strs.items[i], o->lens[i]);
      }
      o->segs = r->segs;
      o->strlog = r->strlog;
      o->pushes = r->pushes;
      o->evs = r->evs;
      memset(&r->segs, 0, sizeof r->segs);
      memset(&r->strlog, 0, sizeof r->strlog);
      memset(&r->pushes, 0, sizeof r->pushes);
      memset(&r->evs, 0, sizeof r->evs);
      for (o->tcap = 16; o->tcap < 2 * o->segs.len; o->tcap *= 2) {}
      o->table = vl_xcalloc(o->tcap, sizeof *o->table);
      for (uint32_t k = 0; k < o->segs.len; k++) {
        uint32_t i = (uint32_t)(o->segs.items[k].hash & (o->tcap - 1));
        while (o->table[i]) i = (i + 1) & (o->tcap - 1);
        o->table[i] = k + 1;
      }
    }
  }

  FINISH(exprs, exprs, A_EXPRS);
  FINISH(stmts, stmts, A_STMTS);
  FINISH(kids, kids, A_KIDS);
  FINISH(stmtlist, stmtlist, A_STMTLIST);
  FINISH(blocks, blocks, A_BLOCKS);
  FINISH(handlers, handlers, A_HANDLERS);
  FINISH(funcs, funcs, A_FUNCS);
  FINISH(classes, classes, A_CLASSES);
  FINISH(loops, loops, A_LOOPS);
  FINISH(comps, comps, A_COMPS);
  FINISH(clauses, clauses, A_CLAUSES);
  FINISH(params, params, A_PARAMS);
  FINISH(comments, comments, A_COMMENTS);
  VL_VEC_FREE(&L->scratch);
  free_cursors(L);
  m->strs = vl_strtab_finish(&L->strtab, m->arena, &m->nstrs);
  if (m->syntax_errors && tree) { /* where, from this parse: a report needs no second one */
    VlSyntaxError *errs;
    size_t n = vl_syntax_errors_in(L->py, tree, L->text, m->len, &errs);
    m->errors = VL_ARENA_ARRAY(m->arena, VlSyntaxError, n + 1);
    if (n) memcpy(m->errors, errs, n * sizeof *errs);
    m->nerrors = (uint32_t)n;
    free(errs);
  }
  return m;
}

VlModule *vl_lower_tree(const VlPy *py, const TSTree *tree, const char *path, const char *text, size_t len) {
  Lower L;
  VlSource src;
  lower_begin(&L, py, &src, path, text, len);
  TSNode root = ts_tree_root_node(tree);
  L.m->syntax_errors = ts_node_has_error(root);
  size_t mark = lower_module_func(&L, ts_node_start_byte(root), ts_node_end_byte(root));
  lower_top(&L, root);
  return lower_finish(&L, mark, tree);
}

/* vl_lower_tree with a memo: one pass, segments copied when the memo allows; `*bad` when a
 * relocation failed (the module is then not to be used). */
static VlModule *lower_tree_rec(const VlPy *py, const TSTree *tree, const char *path, const char *text, size_t len,
                                VlLowerMemo *memo, bool reuse, bool *bad) {
  Lower L;
  VlSource src;
  LowerRec rec = {.old = memo, .reuse = reuse};
  lower_begin(&L, py, &src, path, text, len);
  L.rec = &rec;
  if (reuse && memo->text) {
    rec.map = vl_xcalloc(memo->nstrs + 1, sizeof *rec.map);
    rec.map_stamp = vl_xcalloc(memo->nstrs + 1, sizeof *rec.map_stamp);
    /* an edit changes the arrays' lengths little: as much room as the last lowering's, so copying the
     * unchanged statements does not grow them by doubling (a realloc and a copy each time) */
#define RESERVE(vec_, a_)                                                                 \
  do {                                                                                    \
    if (L.vec_.cap < memo->nitems[a_]) {                                                  \
      L.vec_.cap = memo->nitems[a_];                                                      \
      L.vec_.items = vl_xrealloc(L.vec_.items, L.vec_.cap * sizeof *L.vec_.items);        \
    }                                                                                     \
  } while (0)
    RESERVE(exprs, A_EXPRS);
    RESERVE(stmts, A_STMTS);
    RESERVE(kids, A_KIDS);
    RESERVE(stmtlist, A_STMTLIST);
    RESERVE(blocks, A_BLOCKS);
    RESERVE(handlers, A_HANDLERS);
    RESERVE(funcs, A_FUNCS);
    RESERVE(classes, A_CLASSES);
    RESERVE(loops, A_LOOPS);
    RESERVE(comps, A_COMPS);
    RESERVE(clauses, A_CLAUSES);
    RESERVE(params, A_PARAMS);
    RESERVE(comments, A_COMMENTS);
#undef RESERVE
  }
  TSNode root = ts_tree_root_node(tree);
  L.m->syntax_errors = ts_node_has_error(root);
  size_t mark = lower_module_func(&L, ts_node_start_byte(root), ts_node_end_byte(root));
  lower_top(&L, root);
  VlModule *m = lower_finish(&L, mark, tree);
  *bad = rec.bad;
  rec_free(&rec);
  return m;
}

VlModule *vl_lower_tree_memo(const VlPy *py, const TSTree *tree, const char *path, const char *text, size_t len,
                             VlLowerMemo *memo) {
  if (!memo) return vl_lower_tree(py, tree, path, text, len);
  if (ts_node_has_error(ts_tree_root_node(tree))) { /* error recovery: nothing kept, nothing reused */
    memo_clear(memo);
    memo->reused = 0;
    memo->lowered = 0;
    return vl_lower_tree(py, tree, path, text, len);
  }
  bool bad = false;
  VlModule *m = lower_tree_rec(py, tree, path, text, len, memo, true, &bad);
  if (bad) { /* a copy that could not be relocated: lowered cold (and recorded) */
    vl_module_delete(m);
    m = lower_tree_rec(py, tree, path, text, len, memo, false, &bad);
  }
  return m;
}

static bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Where the next chunk may end, at or after `from`, the text read from `at` (the start of a top-level
 * statement, outside any string or bracket): the start of a line that begins, at its first column, a
 * statement that may start one (not `else:`, `elif`, `except`, `finally`, which continue the one
 * before, nor the `def` or `class` of a decorator above it, nor a comment, a blank line or a closing
 * bracket), and is not inside a string, brackets or a backslash continuation (an unindented line of
 * a docstring: a run ended there has an error and is parsed again, larger).  `len` when there is
 * none.  A scan of quotes, brackets and comments, not a tokenizer: where it errs (a quote of the
 * same kind inside an f-string's braces) the run's parse has an error and is retried as before. */
size_t vl_lower_next_boundary(const char *text, size_t len, size_t at, size_t from) {
  int depth = 0;
  bool joined = false, decorated = false; /* the line continues the one before; after a decorator */
  for (size_t p = at; p < len;) {
    char c = text[p];
    if ((p == 0 || text[p - 1] == '\n') && !depth && !joined) {
      if (c == '@' || (ident_char(c) && !(c >= '0' && c <= '9'))) {
        static const char *const continuing[] = {"else", "elif", "except", "finally"};
        bool cont = false;
        for (size_t k = 0; k < sizeof continuing / sizeof *continuing && !cont; k++) {
          size_t n = strlen(continuing[k]);
          cont = p + n <= len && memcmp(text + p, continuing[k], n) == 0 && (p + n == len || !ident_char(text[p + n]));
        }
        if (p >= from && !cont && !decorated) return p;
        decorated = c == '@';
      } else if (c != ' ' && c != '\t' && c != '\f' && c != '\r' && c != '\n' && c != '#') {
        decorated = false; /* a statement at the first column that starts with a bracket, string, digit */
      }
    }
    joined = false;
    if (c == '#') {
      while (p < len && text[p] != '\n') p++;
    } else if (c == '\\') {
      p++;
      if (p < len && text[p] == '\r') p++;
      if (p < len && text[p] == '\n') joined = true, p++;
    } else if (c == '(' || c == '[' || c == '{') {
      depth++, p++;
    } else if (c == ')' || c == ']' || c == '}') {
      depth -= depth > 0, p++;
    } else if (c == '"' || c == '\'') {
      bool triple = p + 2 < len && text[p + 1] == c && text[p + 2] == c;
      p += triple ? 3 : 1;
      while (p < len) {
        if (text[p] == '\\') { /* (in a raw string too: a backslash keeps the quote after it in the string) */
          p += p + 2 < len && text[p + 1] == '\r' && text[p + 2] == '\n' ? 3 : 2;
        } else if (text[p] == c && (!triple || (p + 2 < len && text[p + 1] == c && text[p + 2] == c))) {
          p += triple ? 3 : 1;
          break;
        } else if (text[p] == '\n' && !triple) {
          break; /* not closed on its line: an error of the file's own */
        } else {
          p++;
        }
      }
    } else {
      p++;
    }
  }
  return len;
}

/* Does a run's tree have an error before its last top-level statement?  A run that ends inside a
 * statement breaks only its last one; an error before it is the file's own. */
static bool error_before_last(TSNode root) {
  if (ts_node_is_error(root)) return true;
  TSTreeCursor c = ts_tree_cursor_new(root);
  bool before = false, prev = false;
  for (bool more = ts_tree_cursor_goto_first_child(&c); more; more = ts_tree_cursor_goto_next_sibling(&c)) {
    before = before || prev;
    prev = ts_node_has_error(ts_tree_cursor_current_node(&c));
  }
  ts_tree_cursor_delete(&c);
  return before;
}

static TSPoint point_at(const Lower *L, size_t byte) {
  VlPos p = vl_source_pos(L->src, (uint32_t)byte);
  return (TSPoint){p.row, p.col};
}

VlModule *vl_lower_chunked(const VlPy *py, TSParser *parser, const char *path, const char *text, size_t len,
                           size_t chunk) {
  TSParser *own = NULL;
  if (!parser) {
    parser = own = ts_parser_new();
    ts_parser_set_language(parser, py->lang);
  }
  char *lf = vl_source_lone_cr_as_lf(text, len); /* old Mac line ends: parsed as \n, offsets kept */
  const char *parsed = lf ? lf : text;
  VlModule *m = NULL;
  if (chunk && len > 2 * chunk) {
    /* A large file is parsed and lowered a run of top-level statements at a time, each tree freed
     * before the next is made: tree-sitter's tree takes about 40-60 times the source, the IR a
     * fraction of that.  A run whose last statement has an error (the run ended inside it) is grown,
     * twice at most; after that, or on an error before it, the file is parsed whole (below): a file
     * with a syntax error is lowered from one parse. */
    Lower L;
    VlSource src;
    lower_begin(&L, py, &src, path, text, len);
    size_t mark = lower_module_func(&L, 0, (uint32_t)len);
    bool ok = true, first = true;
    for (size_t at = 0; at < len && ok;) {
      size_t want = chunk, end, failed = (size_t)-1;
      TSTree *tree = NULL;
      for (;;) {
        end = at + want >= len ? len : vl_lower_next_boundary(parsed, len, at, at + want);
        if (end != failed) { /* (a larger run that ends where the failed one did is the same parse) */
          TSRange r = {point_at(&L, at), end == len ? (TSPoint){UINT32_MAX, UINT32_MAX} : point_at(&L, end),
                       (uint32_t)at, end == len ? UINT32_MAX : (uint32_t)end};
          ts_parser_set_included_ranges(parser, &r, 1);
          tree = ts_parser_parse_string(parser, NULL, parsed, (uint32_t)len);
          TSNode root = ts_tree_root_node(tree);
          if (!ts_node_has_error(root)) break;
          bool broken = error_before_last(root);
          ts_tree_delete(tree);
          tree = NULL;
          failed = end;
          if (broken || end == len) break;
        }
        /* a syntax error of the file's own, or a run of lines inside one statement (a long string
         * or bracket) past two retries: the file is parsed whole, below */
        if (want >= 4 * chunk) break;
        want *= 2;
      }
      if (!tree) {
        ok = false;
        break;
      }
      TSNode root = ts_tree_root_node(tree);
      if (first) L.funcs.items[VL_MODULE_FUNC].start = ts_node_start_byte(root); /* as one tree's root */
      L.funcs.items[VL_MODULE_FUNC].end = ts_node_end_byte(root);
      first = false;
      lower_top(&L, root);
      ts_tree_delete(tree);
      at = end;
    }
    ts_parser_set_included_ranges(parser, NULL, 0);
    ok = ok && !L.m->syntax_errors; /* (Python 2 statements parse, but are errors: where, from one tree) */
    if (ok) {
      m = lower_finish(&L, mark, NULL);
    } else { /* drop what was lowered */
      lower_finish(&L, mark, NULL);
      vl_module_delete(L.m);
    }
  }
  if (!m) {
    TSTree *tree = ts_parser_parse_string(parser, NULL, parsed, (uint32_t)len);
    m = vl_lower_tree(py, tree, path, text, len);
    ts_tree_delete(tree);
  }
  free(lf);
  if (own) ts_parser_delete(own);
  return m;
}

VlModule *vl_lower(const VlPy *py, TSParser *parser, const char *path, const char *text, size_t len) {
  return vl_lower_chunked(py, parser, path, text, len, VL_LOWER_CHUNK);
}
