/* test_ir.c: lowering a parsed Python file into the IR (src/ir/lower.c) and resolving its names
 * (src/ir/names.c): statements and expressions as ir.h documents them, scopes and loops, imports,
 * comments, and what happens to broken or absurd input. */
#include "testlib.h"

#include "base/buf.h"
#include "ir/dump.h"

/* ---- navigating a lowered module ---- */

static uint32_t block_len(const VlModule *m, VlId blk) { return blk ? m->blocks[blk].count : 0; }

/* Statement i of a block (asserted to exist). */
static const VlStmt *stmt_in(const VlModule *m, VlId blk, uint32_t i) {
  if (i >= block_len(m, blk)) fail_msg("block %u has %u statements, wanted #%u", blk, block_len(m, blk), i);
  return vl_stmt(m, vl_block_stmt(m, blk, i));
}

/* Statement i of the module body, and of a function's body. */
static const VlStmt *top(const VlModule *m, uint32_t i) { return stmt_in(m, vl_func(m, VL_MODULE_FUNC)->body, i); }

static VlId func_named(const VlModule *m, const char *qualname) {
  for (VlId f = 1; f < m->nfuncs; f++)
    if (strcmp(vl_str(m, vl_func(m, f)->qualname), qualname) == 0) return f;
  fail_msg("no function %s", qualname);
  return 0;
}

static const VlStmt *body_stmt(const VlModule *m, const char *qualname, uint32_t i) {
  return stmt_in(m, vl_func(m, func_named(m, qualname))->body, i);
}

/* The source text of an expression (a static buffer: one at a time). */
static const char *text_of(const VlModule *m, VlId e) {
  static char buf[256];
  const VlExpr *x = vl_expr(m, e);
  size_t n = x->end - x->start;
  if (n >= sizeof buf) n = sizeof buf - 1;
  memcpy(buf, m->text + x->start, n);
  buf[n] = '\0';
  return buf;
}

/* Target i of an assignment or del statement. */
static VlId target(const VlModule *m, const VlStmt *st, uint32_t i) {
  assert_true(i < st->n);
  return m->kids[st->b + i];
}

/* The nth (in source order) name expression reading or binding `name`. */
static VlId nth_name(const VlModule *m, const char *name, int nth) {
  VlId found[64];
  int n = 0;
  for (VlId e = 1; e < m->nexprs && n < 64; e++) {
    const VlExpr *x = vl_expr(m, e);
    if (x->op == VL_E_NAME && strcmp(vl_str(m, x->a), name) == 0) found[n++] = e;
  }
  for (int i = 1; i < n; i++) /* by position */
    for (int k = i; k > 0 && vl_expr(m, found[k])->start < vl_expr(m, found[k - 1])->start; k--) {
      VlId t = found[k];
      found[k] = found[k - 1];
      found[k - 1] = t;
    }
  if (nth >= n) fail_msg("only %d uses of %s, wanted #%d", n, name, nth);
  return found[nth];
}

static void assert_op(const VlModule *m, VlId e, VlExprOp op) {
  assert_true(e != 0);
  if (vl_expr(m, e)->op != op) fail_msg("`%s`: op %d, expected %d", text_of(m, e), vl_expr(m, e)->op, op);
}

static void assert_name(const VlModule *m, VlId e, const char *name) {
  assert_op(m, e, VL_E_NAME);
  assert_string_equal(vl_str(m, vl_expr(m, e)->a), name);
}

static void assert_sym(const VlModule *m, VlId e, VlSymKind kind, VlId owner) {
  const VlExpr *x = vl_expr(m, e);
  assert_int_equal(x->op, VL_E_NAME);
  if (x->sym.kind != kind)
    fail_msg("%s at %u: sym kind %d, expected %d", vl_str(m, x->a), x->start, x->sym.kind, kind);
  if (kind != VL_SYM_BUILTIN) {
    assert_int_equal(x->sym.owner, owner);
    /* the slot names the same variable */
    assert_string_equal(vl_local_name(m, owner, x->sym.slot), vl_str(m, x->a));
  }
}

/* Index of a local of a function, or -1. */
static int local_slot(const VlModule *m, VlId func, const char *name) {
  for (uint32_t i = 0; i < vl_func(m, func)->nlocals; i++)
    if (strcmp(vl_local_name(m, func, i), name) == 0) return (int)i;
  return -1;
}

static const VlParam *param(const VlModule *m, VlId func, uint32_t i) {
  assert_true(i < vl_func(m, func)->nparams);
  return &m->params[vl_func(m, func)->params + i];
}

/* The listing of vl_ir_dump, in the test's TlFile arena. */
static const char *dump(TlFile *f) {
  if (!f->arena) f->arena = vl_arena_new();
  VlBuf b = {0};
  vl_ir_dump(&b, f->m);
  char *out = vl_arena_strdup(f->arena, b.data ? b.data : "");
  vl_buf_free(&b);
  return out;
}

/* ---- the module ---- */

static void ir_module_shape(void **state) {
  TlFile *f = tl_lower(state, "x = 1\n");
  const VlModule *m = f->m;
  /* id 0 of every array is "none"; the module body is function 1 */
  assert_int_equal(m->exprs[0].op, VL_E_NONE_ID);
  assert_int_equal(m->stmts[0].kind, VL_S_NONE_ID);
  assert_string_equal(m->strs[0], "");
  assert_true(m->nfuncs >= 2);
  assert_int_equal(vl_func(m, VL_MODULE_FUNC)->kind, VL_FN_MODULE);
  assert_string_equal(vl_str(m, vl_func(m, VL_MODULE_FUNC)->qualname), "<module>");
  assert_int_equal(vl_func(m, VL_MODULE_FUNC)->parent, 0);
  assert_int_equal(block_len(m, vl_func(m, VL_MODULE_FUNC)->body), 1);
  assert_false(m->syntax_errors);
  assert_null(m->skipped);
  assert_string_equal(m->path, "test.py");
}

static void ir_positions_and_strings(void **state) {
  TlFile *f = tl_lower(state, "a = 1\nbb = 22\n\nccc = 333\n");
  const VlModule *m = f->m;
  assert_int_equal(m->nlines, 5);
  const VlStmt *s = top(m, 2);
  VlPos p = vl_module_pos(m, s->start);
  assert_int_equal(p.row, 3);
  assert_int_equal(p.col, 0);
  VlId v = s->a;
  p = vl_module_pos(m, vl_expr(m, v)->start);
  assert_int_equal(p.row, 3);
  assert_int_equal(p.col, 6);
  assert_string_equal(text_of(m, v), "333");
  VlId id = vl_module_find_str(m, "bb");
  assert_true(id != 0);
  assert_string_equal(vl_str(m, id), "bb");
  assert_int_equal(vl_module_find_str(m, "nowhere"), 0);
  /* interning: the same name is the same string id */
  assert_int_equal(vl_expr(m, target(m, top(m, 1), 0))->a, id);
}

/* ---- statements ---- */

static void ir_assignments(void **state) {
  TlFile *f = tl_lower(state,
                       "x = y + 1\n"
                       "a = b = f()\n"
                       "x += 2\n"
                       "x //= 2\n"
                       "m @= n\n"
                       "z: int = 3\n"
                       "w: int\n");
  const VlModule *m = f->m;
  const VlStmt *s = top(m, 0);
  assert_int_equal(s->kind, VL_S_ASSIGN);
  assert_int_equal(s->n, 1);
  assert_name(m, target(m, s, 0), "x");
  assert_op(m, s->a, VL_E_BINOP);
  assert_int_equal(vl_expr(m, s->a)->sub, VL_OP_ADD);
  assert_name(m, vl_kid(m, s->a, 0), "y");
  assert_op(m, vl_kid(m, s->a, 1), VL_E_INT);
  assert_int_equal(vl_expr(m, vl_kid(m, s->a, 1))->a, 1);
  /* a = b = f(): two targets, one value */
  s = top(m, 1);
  assert_int_equal(s->kind, VL_S_ASSIGN);
  assert_int_equal(s->n, 2);
  assert_name(m, target(m, s, 0), "a");
  assert_name(m, target(m, s, 1), "b");
  assert_op(m, s->a, VL_E_CALL);
  s = top(m, 2);
  assert_int_equal(s->kind, VL_S_AUGASSIGN);
  assert_int_equal(s->sub, VL_OP_ADD);
  assert_name(m, s->a, "x");
  assert_op(m, s->b, VL_E_INT);
  assert_int_equal(top(m, 3)->sub, VL_OP_FLOORDIV);
  assert_int_equal(top(m, 4)->sub, VL_OP_MATMUL);
  /* z: int = 3 binds z to 3: an ANNASSIGN with its value, or (as lowered now) a plain assignment */
  s = top(m, 5);
  if (s->kind == VL_S_ANNASSIGN) {
    assert_name(m, s->a, "z");
    assert_op(m, s->b, VL_E_INT);
  } else {
    assert_int_equal(s->kind, VL_S_ASSIGN);
    assert_int_equal(s->n, 1);
    assert_name(m, target(m, s, 0), "z");
    assert_op(m, s->a, VL_E_INT);
  }
  s = top(m, 6);
  assert_int_equal(s->kind, VL_S_ANNASSIGN);
  assert_name(m, s->a, "w");
  assert_int_equal(s->b, 0);
}

static void ir_unpacking_targets(void **state) {
  TlFile *f = tl_lower(state, "a, *b = xs\n[c, d] = ys\n(e, (g, h)) = zs\n");
  const VlModule *m = f->m;
  VlId t = target(m, top(m, 0), 0);
  assert_op(m, t, VL_E_TUPLE);
  assert_int_equal(vl_expr(m, t)->nkids, 2);
  assert_name(m, vl_kid(m, t, 0), "a");
  assert_op(m, vl_kid(m, t, 1), VL_E_STAR);
  assert_name(m, vl_kid(m, vl_kid(m, t, 1), 0), "b");
  t = target(m, top(m, 1), 0);
  assert_op(m, t, VL_E_LIST);
  assert_int_equal(vl_expr(m, t)->nkids, 2);
  t = target(m, top(m, 2), 0); /* parentheses dropped, nesting kept */
  assert_op(m, t, VL_E_TUPLE);
  assert_op(m, vl_kid(m, t, 1), VL_E_TUPLE);
  assert_name(m, vl_kid(m, vl_kid(m, t, 1), 1), "h");
  /* every target name is a module global */
  for (const char *const *n = (const char *const[]){"a", "b", "c", "d", "e", "g", "h", NULL}; *n; n++)
    if (local_slot(m, VL_MODULE_FUNC, *n) < 0) fail_msg("%s is not bound by the module", *n);
}

static void ir_simple_statements(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(c):\n"
                       "    del c[0], c\n"
                       "    while c:\n"
                       "        break\n"
                       "    for x in c:\n"
                       "        continue\n"
                       "    assert c\n"
                       "    pass\n"
                       "    raise ValueError(c)\n"
                       "    return\n"
                       "f(1), 2\n");
  const VlModule *m = f->m;
  const VlStmt *s = body_stmt(m, "f", 0);
  assert_int_equal(s->kind, VL_S_DEL);
  assert_int_equal(s->n, 2);
  assert_op(m, target(m, s, 0), VL_E_SUB);
  assert_name(m, target(m, s, 1), "c");
  s = body_stmt(m, "f", 1);
  assert_int_equal(s->kind, VL_S_WHILE);
  assert_int_equal(stmt_in(m, s->b, 0)->kind, VL_S_BREAK);
  s = body_stmt(m, "f", 2);
  assert_int_equal(s->kind, VL_S_FOR);
  assert_int_equal(stmt_in(m, s->b, 0)->kind, VL_S_CONTINUE);
  /* assert: evaluated for its effects only; pass: nothing */
  s = body_stmt(m, "f", 3);
  assert_int_equal(s->kind, VL_S_EXPR);
  assert_op(m, s->a, VL_E_OTHER);
  s = body_stmt(m, "f", 4);
  assert_int_equal(s->kind, VL_S_RAISE);
  assert_op(m, s->a, VL_E_CALL);
  s = body_stmt(m, "f", 5);
  assert_int_equal(s->kind, VL_S_RETURN);
  assert_int_equal(s->a, 0);
  assert_int_equal(block_len(m, vl_func(m, func_named(m, "f"))->body), 6);
  /* `f(1), 2` as a statement: a tuple */
  s = top(m, 1);
  assert_int_equal(s->kind, VL_S_EXPR);
  assert_op(m, s->a, VL_E_TUPLE);
  assert_int_equal(vl_expr(m, s->a)->nkids, 2);
}

static void ir_if_elif_else(void **state) {
  TlFile *f = tl_lower(state,
                       "if a:\n"
                       "    x = 1\n"
                       "elif b:\n"
                       "    x = 2\n"
                       "elif c:\n"
                       "    x = 3\n"
                       "else:\n"
                       "    x = 4\n");
  const VlModule *m = f->m;
  assert_int_equal(block_len(m, vl_func(m, VL_MODULE_FUNC)->body), 1);
  const VlStmt *s = top(m, 0);
  const char *conds[] = {"a", "b", "c"};
  for (int i = 0; i < 3; i++) { /* each elif is an if alone in the else block */
    assert_int_equal(s->kind, VL_S_IF);
    assert_name(m, s->a, conds[i]);
    assert_int_equal(block_len(m, s->b), 1);
    assert_int_equal(block_len(m, s->c), 1);
    s = stmt_in(m, s->c, 0);
  }
  assert_int_equal(s->kind, VL_S_ASSIGN); /* the final else */
  assert_int_equal(vl_expr(m, s->a)->a, 4);
}

static void ir_try_with_match(void **state) {
  TlFile *f = tl_lower(state,
                       "try:\n"
                       "    x = 1\n"
                       "except (ValueError, KeyError) as e:\n"
                       "    x = 2\n"
                       "except:\n"
                       "    x = 3\n"
                       "else:\n"
                       "    x = 4\n"
                       "finally:\n"
                       "    x = 5\n"
                       "with open(p) as fh, lock:\n"
                       "    y = fh\n"
                       "match cmd:\n"
                       "    case [a, b]:\n"
                       "        z = a\n"
                       "    case _:\n"
                       "        z = 0\n");
  const VlModule *m = f->m;
  const VlStmt *s = top(m, 0);
  assert_int_equal(s->kind, VL_S_TRY);
  assert_int_equal(block_len(m, s->a), 1);
  assert_int_equal(s->n, 2);
  const VlHandler *h = &m->handlers[s->b];
  assert_op(m, h->type, VL_E_TUPLE);
  assert_name(m, h->target, "e");
  assert_int_equal(block_len(m, h->body), 1);
  h = &m->handlers[s->b + 1];
  assert_int_equal(h->type, 0);
  assert_int_equal(h->target, 0);
  assert_int_equal(block_len(m, s->c), 1);
  assert_int_equal(block_len(m, s->d), 1);
  assert_true(local_slot(m, VL_MODULE_FUNC, "e") >= 0); /* except-as binds */
  s = top(m, 1);
  assert_int_equal(s->kind, VL_S_WITH);
  assert_int_equal(s->n, 2);
  assert_op(m, m->kids[s->a], VL_E_CALL);
  assert_name(m, m->kids[s->a + 1], "fh");
  assert_name(m, m->kids[s->a + 2], "lock");
  assert_int_equal(m->kids[s->a + 3], 0); /* no target */
  assert_int_equal(block_len(m, s->b), 1);
  s = top(m, 2);
  assert_int_equal(s->kind, VL_S_MATCH);
  assert_name(m, s->a, "cmd");
  assert_int_equal(s->n, 2);
  assert_int_equal(block_len(m, m->kids[s->b]), 1);
  assert_int_equal(block_len(m, m->kids[s->b + 1]), 1);
}

/* ---- expressions ---- */

static void ir_parentheses_dropped(void **state) {
  TlFile *f = tl_lower(state, "x = ((a))\ny = f((a + b))\nz = (a).b\nw = ((a))[(0)]\n");
  const VlModule *m = f->m;
  assert_name(m, top(m, 0)->a, "a");
  assert_string_equal(text_of(m, top(m, 0)->a), "a"); /* the inner node's span */
  VlId call = top(m, 1)->a;
  assert_op(m, call, VL_E_CALL);
  assert_int_equal(vl_expr(m, call)->nkids, 2);
  assert_op(m, vl_kid(m, call, 1), VL_E_BINOP);
  VlId attr = top(m, 2)->a;
  assert_op(m, attr, VL_E_ATTR);
  assert_name(m, vl_kid(m, attr, 0), "a");
  assert_string_equal(vl_str(m, vl_expr(m, attr)->a), "b");
  VlId sub = top(m, 3)->a;
  assert_op(m, sub, VL_E_SUB);
  assert_name(m, vl_kid(m, sub, 0), "a");
  assert_op(m, vl_kid(m, sub, 1), VL_E_INT);
  /* no OTHER node stands for a parenthesis anywhere */
  for (VlId e = 1; e < m->nexprs; e++) assert_int_not_equal(m->exprs[e].op, VL_E_OTHER);
}

static void ir_tuple_index_spread(void **state) {
  TlFile *f = tl_lower(state, "x = a[(i, 0)]\ny = a[i, 0]\nz = a[((i, 0))]\nw = a[[i, 0]]\nv = a[i]\n");
  const VlModule *m = f->m;
  /* a[(i, 0)] is a[i, 0]: value and two items */
  for (uint32_t s = 0; s < 3; s++) {
    VlId sub = top(m, s)->a;
    assert_op(m, sub, VL_E_SUB);
    if (vl_expr(m, sub)->nkids != 3) fail_msg("statement %u: %u kids, expected 3", s, vl_expr(m, sub)->nkids);
    assert_name(m, vl_kid(m, sub, 1), "i");
    assert_op(m, vl_kid(m, sub, 2), VL_E_INT);
  }
  /* a list index stays one (advanced) item */
  VlId sub = top(m, 3)->a;
  assert_int_equal(vl_expr(m, sub)->nkids, 2);
  assert_op(m, vl_kid(m, sub, 1), VL_E_LIST);
  assert_int_equal(vl_expr(m, top(m, 4)->a)->nkids, 2);
}

static void ir_tuple_index_with_trailing_comma_not_spread(void **state) {
  /* `a[(i, 0),]` is an index tuple holding one tuple (advanced indexing, a copy of rows i and 0 in
   * NumPy): not spread into `a[i, 0]` (basic indexing, a view) as `a[(i, 0)]` is. */
  TlFile *f = tl_lower(state, "x = a[(i, 0),]\n");
  const VlModule *m = f->m;
  VlId sub = top(m, 0)->a;
  assert_op(m, sub, VL_E_SUB);
  assert_int_equal(vl_expr(m, sub)->nkids, 2);
  assert_op(m, vl_kid(m, sub, 1), VL_E_TUPLE);
}

static void ir_negative_literals_folded(void **state) {
  TlFile *f = tl_lower(state, "a = -3\nb = -(4)\nc = -x\nd = 2 - 3\ne = -0x10\ng = x[-1]\nh = +5\n");
  const VlModule *m = f->m;
  VlId e = top(m, 0)->a;
  assert_op(m, e, VL_E_INT);
  assert_int_equal(vl_expr(m, e)->a, 3);
  assert_int_equal(vl_expr(m, e)->sub, 1);
  assert_string_equal(text_of(m, e), "-3"); /* the span includes the sign */
  e = top(m, 1)->a;
  assert_op(m, e, VL_E_INT);
  assert_int_equal(vl_expr(m, e)->a, 4);
  assert_int_equal(vl_expr(m, e)->sub, 1);
  e = top(m, 2)->a;
  assert_op(m, e, VL_E_UNOP);
  assert_int_equal(vl_expr(m, e)->sub, '-');
  e = top(m, 3)->a; /* a subtraction is no literal */
  assert_op(m, e, VL_E_BINOP);
  assert_int_equal(vl_expr(m, e)->sub, VL_OP_SUB);
  assert_int_equal(vl_expr(m, vl_kid(m, e, 1))->sub, 0);
  e = top(m, 4)->a;
  assert_op(m, e, VL_E_INT);
  assert_int_equal(vl_expr(m, e)->a, 16);
  assert_int_equal(vl_expr(m, e)->sub, 1);
  e = vl_kid(m, top(m, 5)->a, 1);
  assert_op(m, e, VL_E_INT);
  assert_int_equal(vl_expr(m, e)->sub, 1);
  e = top(m, 6)->a; /* only a minus folds */
  assert_op(m, e, VL_E_UNOP);
  assert_int_equal(vl_expr(m, e)->sub, '+');
}

static void ir_int_literals(void **state) {
  TlFile *f = tl_lower(state, "a = 0x1f\nb = 0o17\nc = 0b101\nd = 1_000\ne = 123456789012345678901234567890\ng = 0\n");
  const VlModule *m = f->m;
  const uint32_t want[] = {31, 15, 5, 1000, VL_INT_BIG, 0};
  for (uint32_t i = 0; i < 6; i++) {
    VlId e = top(m, i)->a;
    assert_op(m, e, VL_E_INT);
    if (vl_expr(m, e)->a != want[i]) fail_msg("`%s`: %u, expected %u", text_of(m, e), vl_expr(m, e)->a, want[i]);
    assert_int_equal(vl_expr(m, e)->sub, 0);
  }
}

static void ir_constants_and_strings(void **state) {
  TlFile *f = tl_lower(state,
                       "a = 'abc'\nb = f'{x}'\nc = b'x'\nd = r'raw'\ne = 'a' 'b'\n"
                       "g = 1.5\nh = None\ni = True\nj = False\nk = ...\n");
  const VlModule *m = f->m;
  VlId e = top(m, 0)->a;
  assert_op(m, e, VL_E_STR);
  assert_string_equal(vl_str(m, vl_expr(m, e)->a), "abc");
  assert_int_equal(vl_expr(m, top(m, 1)->a)->a, 0); /* f-string: no constant */
  assert_int_equal(vl_expr(m, top(m, 2)->a)->a, 0); /* bytes */
  assert_string_equal(vl_str(m, vl_expr(m, top(m, 3)->a)->a), "raw");
  assert_op(m, top(m, 4)->a, VL_E_STR);
  assert_int_equal(vl_expr(m, top(m, 4)->a)->a, 0); /* concatenation */
  assert_op(m, top(m, 5)->a, VL_E_FLOAT);
  assert_op(m, top(m, 6)->a, VL_E_NONE);
  assert_op(m, top(m, 7)->a, VL_E_TRUE);
  assert_op(m, top(m, 8)->a, VL_E_FALSE);
  assert_op(m, top(m, 9)->a, VL_E_ELLIPSIS);
}

static void ir_call_arguments(void **state) {
  TlFile *f = tl_lower(state, "x = f(a, *ys, k=1, **kw)\ny = g(v for v in vs)\n");
  const VlModule *m = f->m;
  VlId c = top(m, 0)->a;
  assert_op(m, c, VL_E_CALL);
  assert_int_equal(vl_expr(m, c)->nkids, 5);
  assert_name(m, vl_kid(m, c, 0), "f");
  assert_name(m, vl_kid(m, c, 1), "a");
  assert_op(m, vl_kid(m, c, 2), VL_E_STAR);
  assert_name(m, vl_kid(m, vl_kid(m, c, 2), 0), "ys");
  VlId kw = vl_kid(m, c, 3);
  assert_op(m, kw, VL_E_KW);
  assert_string_equal(vl_str(m, vl_expr(m, kw)->a), "k");
  assert_op(m, vl_kid(m, kw, 0), VL_E_INT);
  assert_op(m, vl_kid(m, c, 4), VL_E_DSTAR);
  /* a generator argument without its own parentheses */
  c = top(m, 1)->a;
  assert_int_equal(vl_expr(m, c)->nkids, 2);
  assert_op(m, vl_kid(m, c, 1), VL_E_COMP);
  assert_int_equal(m->comps[vl_expr(m, vl_kid(m, c, 1))->a].kind, VL_COMP_GEN);
}

static void ir_slices_and_subscripts(void **state) {
  TlFile *f = tl_lower(state, "a = x[1:2]\nb = x[::2]\nc = x[:]\nd = x[i, :, None, ...]\n");
  const VlModule *m = f->m;
  VlId s = vl_kid(m, top(m, 0)->a, 1);
  assert_op(m, s, VL_E_SLICE);
  assert_int_equal(vl_expr(m, s)->nkids, 3);
  assert_int_equal(vl_expr(m, vl_kid(m, s, 0))->a, 1);
  assert_int_equal(vl_expr(m, vl_kid(m, s, 1))->a, 2);
  assert_int_equal(vl_kid(m, s, 2), 0);
  s = vl_kid(m, top(m, 1)->a, 1);
  assert_int_equal(vl_kid(m, s, 0), 0);
  assert_int_equal(vl_kid(m, s, 1), 0);
  assert_int_equal(vl_expr(m, vl_kid(m, s, 2))->a, 2);
  s = vl_kid(m, top(m, 2)->a, 1);
  assert_op(m, s, VL_E_SLICE);
  for (uint32_t i = 0; i < 3; i++) assert_int_equal(vl_kid(m, s, i), 0);
  VlId d = top(m, 3)->a;
  assert_int_equal(vl_expr(m, d)->nkids, 5);
  assert_op(m, vl_kid(m, d, 1), VL_E_NAME);
  assert_op(m, vl_kid(m, d, 2), VL_E_SLICE);
  assert_op(m, vl_kid(m, d, 3), VL_E_NONE);
  assert_op(m, vl_kid(m, d, 4), VL_E_ELLIPSIS);
}

static void ir_order_comparisons(void **state) {
  TlFile *f = tl_lower(state, "a = len(x) > 0\nb = n >= 1\nc = x<=y\nd = x != 0\ne = x == y\ng = x < y\n");
  const VlModule *m = f->m;
  static const uint32_t want[] = {VL_CMP_GT, VL_CMP_GE, VL_CMP_LE, VL_CMP_NE, VL_CMP_EQ, VL_CMP_LT};
  for (uint32_t i = 0; i < 6; i++) assert_int_equal(vl_expr(m, top(m, i)->a)->a, want[i]);
}

static void ir_identity_comparisons(void **state) {
  TlFile *f = tl_lower(state, "a = p is None\nb = p is not None\nc = p is q is None\nd = p not in q\ne = (p) is (None)\n");
  const VlModule *m = f->m;
  assert_int_equal(vl_expr(m, top(m, 0)->a)->a, VL_CMP_IS);
  assert_int_equal(vl_expr(m, top(m, 1)->a)->a, VL_CMP_IS_NOT);
  assert_int_equal(vl_expr(m, top(m, 2)->a)->a, 0); /* chained: not one comparison */
  assert_int_equal(vl_expr(m, top(m, 3)->a)->a, VL_CMP_NOT_IN); /* `not in`: one token */
  assert_int_equal(vl_expr(m, top(m, 4)->a)->a, VL_CMP_IS);
}

static void ir_operators(void **state) {
  TlFile *f = tl_lower(state,
                       "a = x < y\nb = x in y\nc = x is not y\nd = not x\ne = x and y\ng = x or y\n"
                       "h = x if c else y\ni = ~x\nj = x ** 2 @ y\nk = x < y < z\n");
  const VlModule *m = f->m;
  assert_op(m, top(m, 0)->a, VL_E_COMPARE);
  assert_int_equal(vl_expr(m, top(m, 0)->a)->sub, 0);
  assert_int_equal(vl_expr(m, top(m, 1)->a)->sub, 1);
  assert_int_equal(vl_expr(m, top(m, 2)->a)->sub, 1);
  /* `a` says which operator a comparison with one operator is, nothing for a chain */
  assert_int_equal(vl_expr(m, top(m, 0)->a)->a, VL_CMP_LT);
  assert_int_equal(vl_expr(m, top(m, 1)->a)->a, VL_CMP_IN);
  assert_int_equal(vl_expr(m, top(m, 2)->a)->a, VL_CMP_IS_NOT);
  assert_int_equal(vl_expr(m, top(m, 9)->a)->a, 0);
  assert_op(m, top(m, 3)->a, VL_E_NOT);
  assert_op(m, top(m, 4)->a, VL_E_BOOLOP);
  assert_int_equal(vl_expr(m, top(m, 4)->a)->sub, 'a');
  assert_int_equal(vl_expr(m, top(m, 5)->a)->sub, 'o');
  VlId c = top(m, 6)->a; /* body, condition, orelse */
  assert_op(m, c, VL_E_COND);
  assert_name(m, vl_kid(m, c, 0), "x");
  assert_name(m, vl_kid(m, c, 1), "c");
  assert_name(m, vl_kid(m, c, 2), "y");
  assert_int_equal(vl_expr(m, top(m, 7)->a)->sub, '~');
  VlId j = top(m, 8)->a; /* (x ** 2) @ y */
  assert_int_equal(vl_expr(m, j)->sub, VL_OP_MATMUL);
  assert_int_equal(vl_expr(m, vl_kid(m, j, 0))->sub, VL_OP_POW);
  assert_int_equal(vl_expr(m, top(m, 9)->a)->nkids, 3); /* a chain: all operands */
}

static void ir_displays(void **state) {
  TlFile *f = tl_lower(state, "a = [x, *ys]\nb = (x,)\nc = {x, y}\nd = {k: v, **dd}\ne = ()\n");
  const VlModule *m = f->m;
  VlId l = top(m, 0)->a;
  assert_op(m, l, VL_E_LIST);
  assert_int_equal(vl_expr(m, l)->nkids, 2);
  assert_op(m, vl_kid(m, l, 1), VL_E_STAR);
  VlId t = top(m, 1)->a;
  assert_op(m, t, VL_E_TUPLE);
  assert_int_equal(vl_expr(m, t)->nkids, 1);
  assert_op(m, top(m, 2)->a, VL_E_SET);
  VlId d = top(m, 3)->a; /* key, value pairs; a ** item stands alone, followed by 0 */
  assert_op(m, d, VL_E_DICT);
  assert_int_equal(vl_expr(m, d)->nkids, 4);
  assert_name(m, vl_kid(m, d, 0), "k");
  assert_name(m, vl_kid(m, d, 1), "v");
  assert_op(m, vl_kid(m, d, 2), VL_E_DSTAR);
  assert_int_equal(m->kids[vl_expr(m, d)->kids + 3], 0);
  assert_op(m, top(m, 4)->a, VL_E_TUPLE);
  assert_int_equal(vl_expr(m, top(m, 4)->a)->nkids, 0);
}

/* ---- loops ---- */

static void ir_for_loop(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(xs):\n"
                       "    for i, x in enumerate(xs):\n"
                       "        y = x\n"
                       "    else:\n"
                       "        z = 1\n");
  const VlModule *m = f->m;
  VlId fn = func_named(m, "f");
  const VlStmt *s = body_stmt(m, "f", 0);
  assert_int_equal(s->kind, VL_S_FOR);
  const VlLoop *lp = &m->loops[s->a];
  assert_int_equal(lp->kind, VL_LOOP_FOR);
  assert_int_equal(lp->func, fn);
  assert_int_equal(lp->parent, 0);
  assert_false(lp->async);
  assert_op(m, lp->target, VL_E_TUPLE);
  assert_op(m, lp->iter, VL_E_CALL);
  assert_int_equal(block_len(m, s->b), 1);
  assert_int_equal(block_len(m, s->c), 1);
  assert_int_equal(m->stmts[lp->node].kind, VL_S_FOR);
  /* the iterable is evaluated once, before the loop; the body per iteration */
  assert_false(vl_loop_runs(m, s->a, vl_expr(m, lp->iter)->start));
  assert_false(vl_loop_runs(m, s->a, vl_expr(m, vl_kid(m, lp->iter, 1))->start));
  assert_true(vl_loop_runs(m, s->a, stmt_in(m, s->b, 0)->start));
  assert_true(vl_loop_runs(m, s->a, vl_expr(m, lp->target)->start));
  /* outside the loop: no */
  assert_false(vl_loop_runs(m, s->a, vl_func(m, fn)->start));
}

static void ir_while_loop(void **state) {
  TlFile *f = tl_lower(state, "while n > 0:\n    n = n - 1\nelse:\n    done = 1\n");
  const VlModule *m = f->m;
  const VlStmt *s = top(m, 0);
  assert_int_equal(s->kind, VL_S_WHILE);
  const VlLoop *lp = &m->loops[s->a];
  assert_int_equal(lp->kind, VL_LOOP_WHILE);
  assert_int_equal(lp->target, 0);
  assert_op(m, lp->iter, VL_E_COMPARE); /* the condition */
  assert_int_equal(block_len(m, s->c), 1);
  /* a while condition runs every iteration */
  assert_true(vl_loop_runs(m, s->a, vl_expr(m, lp->iter)->start));
  assert_true(vl_loop_runs(m, s->a, stmt_in(m, s->b, 0)->start));
}

static void ir_nested_loops(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(xs):\n"
                       "    for x in xs:\n"
                       "        while x:\n"
                       "            for y in x:\n"
                       "                pass\n"
                       "        def g():\n"
                       "            for z in xs:\n"
                       "                pass\n"
                       "async def h(it):\n"
                       "    async for q in it:\n"
                       "        pass\n");
  const VlModule *m = f->m;
  const VlStmt *outer = body_stmt(m, "f", 0);
  const VlStmt *w = stmt_in(m, outer->b, 0);
  const VlStmt *inner = stmt_in(m, w->b, 0);
  assert_int_equal(m->loops[w->a].parent, outer->a);
  assert_int_equal(m->loops[inner->a].parent, w->a);
  /* a loop in a def nested in a loop starts a new nesting: it belongs to g */
  const VlStmt *gz = body_stmt(m, "f.<locals>.g", 0);
  assert_int_equal(m->loops[gz->a].parent, 0);
  assert_int_equal(m->loops[gz->a].func, func_named(m, "f.<locals>.g"));
  const VlStmt *hq = body_stmt(m, "h", 0);
  assert_int_equal(hq->sub, 1);
  assert_true(m->loops[hq->a].async);
  assert_true(vl_func(m, func_named(m, "h"))->flags & VL_FN_ASYNC);
}

static void ir_comprehension_scope(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(xs):\n"
                       "    return [x * y for x in xs if x for y in g(x)]\n");
  const VlModule *m = f->m;
  VlId fn = func_named(m, "f");
  VlId ce = body_stmt(m, "f", 0)->a;
  assert_op(m, ce, VL_E_COMP);
  const VlComp *c = &m->comps[vl_expr(m, ce)->a];
  assert_int_equal(c->kind, VL_COMP_LIST);
  assert_int_equal(c->nclauses, 3);
  const VlFunc *cf = vl_func(m, c->func);
  assert_int_equal(cf->kind, VL_FN_COMP);
  assert_int_equal(cf->parent, fn);
  assert_int_equal(cf->expr, vl_expr(m, ce)->a);
  const VlClause *c0 = &m->clauses[c->clauses], *c1 = &m->clauses[c->clauses + 1], *c2 = &m->clauses[c->clauses + 2];
  assert_false(c0->is_if);
  assert_true(c1->is_if);
  assert_false(c2->is_if);
  const VlLoop *l0 = &m->loops[c0->loop], *l2 = &m->loops[c2->loop];
  assert_int_equal(l0->kind, VL_LOOP_COMP);
  assert_int_equal(l2->kind, VL_LOOP_COMP);
  assert_int_equal(l0->func, c->func);
  assert_int_equal(l2->parent, c0->loop);
  assert_int_equal(l0->node, ce);
  /* the first iterable belongs to the enclosing function; targets and the rest to the comprehension */
  assert_sym(m, l0->iter, VL_SYM_LOCAL, fn);
  assert_sym(m, l0->target, VL_SYM_LOCAL, c->func);
  assert_sym(m, l2->target, VL_SYM_LOCAL, c->func);
  assert_sym(m, vl_kid(m, c->elem, 0), VL_SYM_LOCAL, c->func);
  assert_sym(m, vl_kid(m, l2->iter, 1), VL_SYM_LOCAL, c->func);
  assert_int_equal(local_slot(m, fn, "x"), -1); /* not leaked into f */
  /* the first iterable runs once; the second per iteration of the first clause */
  assert_false(vl_loop_runs(m, c0->loop, vl_expr(m, l0->iter)->start));
  assert_true(vl_loop_runs(m, c0->loop, vl_expr(m, l2->iter)->start));
  assert_true(vl_loop_runs(m, c0->loop, vl_expr(m, c->elem)->start));
  assert_true(vl_loop_runs(m, c0->loop, vl_expr(m, c1->cond)->start));
  assert_false(vl_loop_runs(m, c2->loop, vl_expr(m, l2->iter)->start));
  assert_true(vl_loop_runs(m, c2->loop, vl_expr(m, c->elem)->start));
}

static void ir_comprehension_kinds(void **state) {
  TlFile *f = tl_lower(state, "a = {x for x in xs}\nb = {k: v for k, v in kv}\nc = (x for x in xs)\nd = [x for x in xs]\n");
  const VlModule *m = f->m;
  const VlCompKind kinds[] = {VL_COMP_SET, VL_COMP_DICT, VL_COMP_GEN, VL_COMP_LIST};
  for (uint32_t i = 0; i < 4; i++) {
    VlId e = top(m, i)->a;
    assert_op(m, e, VL_E_COMP);
    const VlComp *c = &m->comps[vl_expr(m, e)->a];
    assert_int_equal(c->kind, kinds[i]);
    assert_int_equal(c->nclauses, 1);
    assert_string_equal(vl_str(m, vl_func(m, c->func)->qualname), "<comprehension>");
    if (kinds[i] == VL_COMP_DICT) {
      assert_name(m, c->key, "k");
      assert_name(m, c->elem, "v");
    } else {
      assert_int_equal(c->key, 0);
      assert_name(m, c->elem, "x");
    }
  }
  /* each comprehension has its own scope: four different x slots */
  assert_int_not_equal(vl_expr(m, nth_name(m, "x", 0))->sym.owner, vl_expr(m, nth_name(m, "x", 2))->sym.owner);
}

static void ir_comprehension_in_loop(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(batches):\n"
                       "    for b in batches:\n"
                       "        rows = [r for r in b]\n");
  const VlModule *m = f->m;
  const VlStmt *loop = body_stmt(m, "f", 0);
  VlId ce = stmt_in(m, loop->b, 0)->a;
  const VlComp *c = &m->comps[vl_expr(m, ce)->a];
  VlId cl = m->clauses[c->clauses].loop;
  /* the comprehension runs once per iteration of the for loop, its iterable too */
  assert_true(vl_loop_runs(m, loop->a, vl_expr(m, ce)->start));
  assert_true(vl_loop_runs(m, loop->a, vl_expr(m, m->loops[cl].iter)->start));
  assert_false(vl_loop_runs(m, cl, vl_expr(m, m->loops[cl].iter)->start));
}

/* ---- functions, lambdas, classes ---- */

static void ir_def_parameters(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(a, b: int = 1, *args, c, d=2, **kw):\n    pass\n"
                       "def g(a, /, b, *, c):\n    pass\n");
  const VlModule *m = f->m;
  VlId fn = func_named(m, "f");
  const VlFunc *fx = vl_func(m, fn);
  assert_int_equal(fx->kind, VL_FN_DEF);
  assert_string_equal(vl_str(m, fx->name), "f");
  assert_int_equal(fx->nparams, 6);
  const VlParamKind kinds[] = {VL_P_POS, VL_P_POS, VL_P_VARARGS, VL_P_KWONLY, VL_P_KWONLY, VL_P_KWARGS};
  const char *names[] = {"a", "b", "args", "c", "d", "kw"};
  for (uint32_t i = 0; i < 6; i++) {
    assert_string_equal(vl_str(m, param(m, fn, i)->name), names[i]);
    assert_int_equal(param(m, fn, i)->kind, kinds[i]);
    /* parameters are the first locals, in order */
    assert_string_equal(vl_local_name(m, fn, i), names[i]);
  }
  assert_name(m, param(m, fn, 1)->annotation, "int");
  assert_op(m, param(m, fn, 1)->dflt, VL_E_INT);
  assert_int_equal(param(m, fn, 0)->dflt, 0);
  assert_op(m, param(m, fn, 4)->dflt, VL_E_INT);
  /* annotations are evaluated in the enclosing scope */
  assert_sym(m, param(m, fn, 1)->annotation, VL_SYM_BUILTIN, 0);
  VlId g = func_named(m, "g");
  assert_int_equal(vl_func(m, g)->nparams, 3);
  assert_int_equal(param(m, g, 0)->kind, VL_P_POS);
  assert_int_equal(param(m, g, 1)->kind, VL_P_POS);
  assert_int_equal(param(m, g, 2)->kind, VL_P_KWONLY);
}

static void ir_lambda(void **state) {
  TlFile *f = tl_lower(state, "y = 5\nf = lambda x, z=y: x + z + y\n");
  const VlModule *m = f->m;
  VlId e = top(m, 1)->a;
  assert_op(m, e, VL_E_LAMBDA);
  VlId lf = vl_expr(m, e)->a;
  const VlFunc *fx = vl_func(m, lf);
  assert_int_equal(fx->kind, VL_FN_LAMBDA);
  assert_int_equal(fx->parent, VL_MODULE_FUNC);
  assert_string_equal(vl_str(m, fx->qualname), "<lambda>");
  assert_int_equal(fx->body, 0);
  assert_int_equal(fx->nparams, 2);
  assert_op(m, param(m, lf, 1)->dflt, VL_E_NAME);
  assert_sym(m, param(m, lf, 1)->dflt, VL_SYM_GLOBAL, VL_MODULE_FUNC); /* default: outside */
  assert_op(m, fx->expr, VL_E_BINOP);
  assert_sym(m, nth_name(m, "x", 0), VL_SYM_LOCAL, lf); /* parameters are no name expressions */
  assert_sym(m, nth_name(m, "z", 0), VL_SYM_LOCAL, lf);
  assert_sym(m, nth_name(m, "y", 2), VL_SYM_GLOBAL, VL_MODULE_FUNC);
  assert_int_equal(local_slot(m, VL_MODULE_FUNC, "x"), -1);
}

static void ir_decorator_flags(void **state) {
  TlFile *f = tl_lower(state,
                       "import functools, torch\n"
                       "class K:\n"
                       "    @staticmethod\n"
                       "    def s(): pass\n"
                       "    @classmethod\n"
                       "    def c(cls): pass\n"
                       "    @property\n"
                       "    def p(self): pass\n"
                       "    @functools.cached_property\n"
                       "    def cp(self): pass\n"
                       "    @torch.no_grad()\n"
                       "    def ng(self): pass\n"
                       "    @my_decorator(3)\n"
                       "    @staticmethod\n"
                       "    def md(): pass\n"
                       "    def plain(self): pass\n");
  const VlModule *m = f->m;
  struct { const char *name; uint8_t flags; uint16_t ndeco; } want[] = {
      {"K.s", VL_FN_STATICMETHOD, 1}, {"K.c", VL_FN_CLASSMETHOD, 1}, {"K.p", VL_FN_PROPERTY, 1},
      {"K.cp", VL_FN_PROPERTY, 1},    {"K.ng", 0, 1}, /* transparent: calls reach the body */
      {"K.md", VL_FN_DECORATED | VL_FN_STATICMETHOD, 2}, {"K.plain", 0, 0}};
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const VlFunc *fx = vl_func(m, func_named(m, want[i].name));
    if (fx->flags != want[i].flags) fail_msg("%s: flags %u, expected %u", want[i].name, fx->flags, want[i].flags);
    assert_int_equal(fx->ndecorators, want[i].ndeco);
    assert_int_equal(fx->klass, 1); /* a def directly in the class body */
  }
  /* the decorator expressions are kept, and the def statement starts at the first decorator */
  const VlFunc *ng = vl_func(m, func_named(m, "K.ng"));
  assert_op(m, m->kids[ng->decorators], VL_E_CALL);
  const VlStmt *def = body_stmt(m, "K", 4);
  assert_int_equal(def->kind, VL_S_DEF);
  assert_int_equal(def->a, func_named(m, "K.ng"));
  assert_int_equal(vl_module_pos(m, def->start).row, 10);
}

static void ir_async_and_generators(void **state) {
  TlFile *f = tl_lower(state,
                       "def gen(xs):\n    yield xs\n    yield from xs\n    yield\n"
                       "async def co(x):\n    return await x\n"
                       "def outer():\n    def inner():\n        yield 1\n    return inner\n");
  const VlModule *m = f->m;
  assert_true(vl_func(m, func_named(m, "gen"))->flags & VL_FN_GENERATOR);
  assert_false(vl_func(m, func_named(m, "gen"))->flags & VL_FN_ASYNC);
  VlId y0 = body_stmt(m, "gen", 0)->a, y1 = body_stmt(m, "gen", 1)->a, y2 = body_stmt(m, "gen", 2)->a;
  assert_op(m, y0, VL_E_YIELD);
  assert_int_equal(vl_expr(m, y0)->sub, 0);
  assert_name(m, vl_kid(m, y0, 0), "xs");
  assert_int_equal(vl_expr(m, y1)->sub, 1); /* yield from */
  assert_int_equal(vl_kid(m, y2, 0), 0);    /* bare yield */
  const VlFunc *co = vl_func(m, func_named(m, "co"));
  assert_true(co->flags & VL_FN_ASYNC);
  assert_false(co->flags & VL_FN_GENERATOR);
  assert_op(m, body_stmt(m, "co", 0)->a, VL_E_AWAIT);
  /* a yield in a nested def makes that def the generator, not the outer one */
  assert_true(vl_func(m, func_named(m, "outer.<locals>.inner"))->flags & VL_FN_GENERATOR);
  assert_false(vl_func(m, func_named(m, "outer"))->flags & VL_FN_GENERATOR);
}

static void ir_classes_and_qualnames(void **state) {
  TlFile *f = tl_lower(state,
                       "class Base: pass\n"
                       "class K(Base, mixin.M, metaclass=Meta):\n"
                       "    n = 1\n"
                       "    def m(self):\n"
                       "        def helper(): pass\n"
                       "        class Inner:\n"
                       "            def im(self): pass\n"
                       "def f():\n"
                       "    def g():\n"
                       "        pass\n");
  const VlModule *m = f->m;
  assert_int_equal(m->nclasses, 4); /* id 0, Base, K, Inner */
  const VlStmt *s = top(m, 1);
  assert_int_equal(s->kind, VL_S_CLASS);
  const VlClass *k = &m->classes[s->a];
  assert_string_equal(vl_str(m, k->name), "K");
  assert_string_equal(vl_str(m, k->qualname), "K");
  assert_int_equal(k->nbases, 2); /* metaclass= skipped */
  assert_name(m, m->kids[k->bases], "Base");
  assert_op(m, m->kids[k->bases + 1], VL_E_ATTR);
  assert_int_equal(k->parent, VL_MODULE_FUNC);
  const VlFunc *body = vl_func(m, k->func);
  assert_int_equal(body->kind, VL_FN_CLASS);
  assert_int_equal(body->klass, s->a);
  assert_true(local_slot(m, k->func, "n") >= 0);
  assert_true(local_slot(m, k->func, "m") >= 0);
  assert_int_equal(vl_func(m, func_named(m, "K.m"))->klass, s->a);
  assert_int_equal(vl_func(m, func_named(m, "K.m"))->parent, k->func);
  /* nested definitions */
  VlId helper = func_named(m, "K.m.<locals>.helper");
  assert_int_equal(vl_func(m, helper)->klass, 0); /* not a method */
  assert_int_equal(vl_func(m, func_named(m, "K.m.<locals>.Inner.im"))->klass, 3);
  func_named(m, "f.<locals>.g");
  assert_int_equal(local_slot(m, VL_MODULE_FUNC, "g"), -1);
  assert_true(local_slot(m, func_named(m, "f"), "g") >= 0);
}

/* ---- imports ---- */

static void ir_import(void **state) {
  TlFile *f = tl_lower(state, "import a.b.c\nimport a.b as ab\nimport os, numpy as np\n");
  const VlModule *m = f->m;
  const VlStmt *s = top(m, 0); /* import a.b.c binds a */
  assert_int_equal(s->kind, VL_S_IMPORT);
  assert_string_equal(vl_str(m, s->a), "a");
  assert_string_equal(vl_str(m, s->b), "a");
  assert_string_equal(vl_str(m, s->c), "a.b.c");
  s = top(m, 1);
  assert_string_equal(vl_str(m, s->a), "ab");
  assert_string_equal(vl_str(m, s->b), "a.b");
  assert_int_equal(block_len(m, vl_func(m, VL_MODULE_FUNC)->body), 4); /* one statement per name */
  assert_string_equal(vl_str(m, top(m, 2)->a), "os");
  assert_string_equal(vl_str(m, top(m, 3)->a), "np");
  assert_string_equal(vl_str(m, top(m, 3)->b), "numpy");
  for (const char *const *n = (const char *const[]){"a", "ab", "os", "np", NULL}; *n; n++)
    assert_true(local_slot(m, VL_MODULE_FUNC, *n) >= 0);
  assert_int_equal(local_slot(m, VL_MODULE_FUNC, "numpy"), -1);
}

static void ir_import_from(void **state) {
  TlFile *f = tl_lower(state,
                       "from x.y import z as w, v\n"
                       "from . import sib\n"
                       "from ..pkg.sub import thing\n"
                       "from .mod import *\n"
                       "from numpy import *\n"
                       "from __future__ import annotations\n"
                       "from numpy import (zeros,\n    ones)\n");
  const VlModule *m = f->m;
  const VlStmt *s = top(m, 0);
  assert_int_equal(s->kind, VL_S_IMPORT_FROM);
  assert_string_equal(vl_str(m, s->a), "w");
  assert_string_equal(vl_str(m, s->b), "x.y");
  assert_string_equal(vl_str(m, s->c), "z");
  assert_int_equal(s->sub, 0);
  s = top(m, 1);
  assert_string_equal(vl_str(m, s->a), "v");
  assert_string_equal(vl_str(m, s->c), "v");
  s = top(m, 2); /* relative: the level in sub, the module after the dots in b */
  assert_int_equal(s->sub, 1);
  assert_int_equal(s->b, 0);
  assert_string_equal(vl_str(m, s->a), "sib");
  s = top(m, 3);
  assert_int_equal(s->sub, 2);
  assert_string_equal(vl_str(m, s->b), "pkg.sub");
  assert_string_equal(vl_str(m, s->a), "thing");
  s = top(m, 4); /* import *: a = 0 */
  assert_int_equal(s->a, 0);
  assert_int_equal(s->sub, 1);
  assert_string_equal(vl_str(m, s->b), "mod");
  s = top(m, 5);
  assert_int_equal(s->a, 0);
  assert_int_equal(s->sub, 0);
  assert_string_equal(vl_str(m, s->b), "numpy");
  /* __future__ imports bind nothing and are not lowered */
  s = top(m, 6);
  assert_string_equal(vl_str(m, s->a), "zeros");
  assert_string_equal(vl_str(m, top(m, 7)->a), "ones");
  assert_int_equal(block_len(m, vl_func(m, VL_MODULE_FUNC)->body), 8);
  assert_int_equal(local_slot(m, VL_MODULE_FUNC, "annotations"), -1);
}

/* ---- names ---- */

static void ir_names_local_global_builtin(void **state) {
  TlFile *f = tl_lower(state,
                       "G = 1\n"
                       "def f(p):\n"
                       "    q = p + G\n"
                       "    return len(q)\n"
                       "def h():\n"
                       "    G = 2\n"
                       "    return G\n");
  const VlModule *m = f->m;
  VlId fn = func_named(m, "f"), h = func_named(m, "h");
  assert_sym(m, nth_name(m, "G", 0), VL_SYM_GLOBAL, VL_MODULE_FUNC); /* module body: its own slot */
  assert_sym(m, nth_name(m, "p", 0), VL_SYM_LOCAL, fn);
  assert_sym(m, nth_name(m, "q", 0), VL_SYM_LOCAL, fn);
  assert_sym(m, nth_name(m, "G", 1), VL_SYM_GLOBAL, VL_MODULE_FUNC);
  assert_sym(m, nth_name(m, "len", 0), VL_SYM_BUILTIN, 0);
  assert_sym(m, nth_name(m, "q", 1), VL_SYM_LOCAL, fn);
  /* an assignment anywhere in h makes G local to all of h */
  assert_sym(m, nth_name(m, "G", 2), VL_SYM_LOCAL, h);
  assert_sym(m, nth_name(m, "G", 3), VL_SYM_LOCAL, h);
  /* def names are bound where the def is */
  assert_true(local_slot(m, VL_MODULE_FUNC, "f") >= 0);
  assert_true(local_slot(m, VL_MODULE_FUNC, "h") >= 0);
}

static void ir_locals_in_first_binding_order(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(a, b):\n"
                       "    z = 1\n"
                       "    y = z\n"
                       "    for x in a:\n"
                       "        z = x\n"
                       "    import os\n"
                       "    with b as w:\n"
                       "        pass\n");
  const VlModule *m = f->m;
  VlId fn = func_named(m, "f");
  const char *want[] = {"a", "b", "z", "y", "x", "os", "w"};
  assert_int_equal(vl_func(m, fn)->nlocals, 7);
  for (uint32_t i = 0; i < 7; i++) assert_string_equal(vl_local_name(m, fn, i), want[i]);
}

static void ir_global_declaration(void **state) {
  TlFile *f = tl_lower(state,
                       "def f():\n"
                       "    global counter\n"
                       "    counter = counter + 1\n"
                       "def g():\n"
                       "    return counter\n");
  const VlModule *m = f->m;
  const VlStmt *s = body_stmt(m, "f", 0);
  assert_int_equal(s->kind, VL_S_GLOBAL);
  assert_int_equal(s->n, 1);
  assert_string_equal(vl_str(m, m->kids[s->b]), "counter");
  /* `global x` in a function makes x a module binding, even if the module never assigns it */
  assert_true(local_slot(m, VL_MODULE_FUNC, "counter") >= 0);
  assert_int_equal(local_slot(m, func_named(m, "f"), "counter"), -1);
  assert_sym(m, nth_name(m, "counter", 0), VL_SYM_GLOBAL, VL_MODULE_FUNC);
  assert_sym(m, nth_name(m, "counter", 1), VL_SYM_GLOBAL, VL_MODULE_FUNC);
  assert_sym(m, nth_name(m, "counter", 2), VL_SYM_GLOBAL, VL_MODULE_FUNC); /* g sees it too */
}

static void ir_nonlocal_and_closures(void **state) {
  TlFile *f = tl_lower(state,
                       "def outer():\n"
                       "    v = 1\n"
                       "    w = 2\n"
                       "    def inner():\n"
                       "        nonlocal v\n"
                       "        v = 3\n"
                       "        return v + w\n"
                       "    def deeper():\n"
                       "        def leaf():\n"
                       "            return w\n"
                       "        return leaf\n"
                       "    return inner\n");
  const VlModule *m = f->m;
  VlId outer = func_named(m, "outer"), inner = func_named(m, "outer.<locals>.inner");
  const VlStmt *s = body_stmt(m, "outer.<locals>.inner", 0);
  assert_int_equal(s->kind, VL_S_NONLOCAL);
  assert_string_equal(vl_str(m, m->kids[s->b]), "v");
  /* nonlocal v: writes and reads go to outer's slot */
  assert_sym(m, nth_name(m, "v", 1), VL_SYM_CELL, outer);
  assert_sym(m, nth_name(m, "v", 2), VL_SYM_CELL, outer);
  assert_int_equal(local_slot(m, inner, "v"), -1);
  /* a free name: the nearest enclosing function binding it, however deep */
  assert_sym(m, nth_name(m, "w", 1), VL_SYM_CELL, outer);
  assert_sym(m, nth_name(m, "w", 2), VL_SYM_CELL, outer);
  assert_sym(m, nth_name(m, "v", 0), VL_SYM_LOCAL, outer);
}

static void ir_class_body_skipped_for_free_names(void **state) {
  TlFile *f = tl_lower(state,
                       "size = 0\n"
                       "class K:\n"
                       "    size = 10\n"
                       "    scale = 2\n"
                       "    double = size * scale\n"
                       "    def m(self):\n"
                       "        return size, scale\n");
  const VlModule *m = f->m;
  VlId kf = m->classes[1].func;
  /* in the class body its names are its own */
  assert_sym(m, nth_name(m, "size", 1), VL_SYM_LOCAL, kf);
  assert_sym(m, nth_name(m, "size", 2), VL_SYM_LOCAL, kf);
  assert_sym(m, nth_name(m, "scale", 1), VL_SYM_LOCAL, kf);
  /* a method skips the class body: the module's size, and scale is bound nowhere it can see */
  assert_sym(m, nth_name(m, "size", 3), VL_SYM_GLOBAL, VL_MODULE_FUNC);
  assert_sym(m, nth_name(m, "scale", 2), VL_SYM_BUILTIN, 0);
}

static void ir_walrus_binds_in_enclosing_function(void **state) {
  TlFile *f = tl_lower(state,
                       "def f(xs):\n"
                       "    ys = [y := x for x in xs]\n"
                       "    if (n := len(xs)) > 1:\n"
                       "        pass\n"
                       "    return y, n\n");
  const VlModule *m = f->m;
  VlId fn = func_named(m, "f");
  assert_true(local_slot(m, fn, "y") >= 0);
  assert_true(local_slot(m, fn, "n") >= 0);
  VlId ce = body_stmt(m, "f", 0)->a;
  const VlComp *c = &m->comps[vl_expr(m, ce)->a];
  assert_int_equal(local_slot(m, c->func, "y"), -1);
  assert_true(local_slot(m, c->func, "x") >= 0);
  VlId w = c->elem;
  assert_op(m, w, VL_E_WALRUS);
  /* the walrus target inside the comprehension is f's variable */
  assert_sym(m, vl_kid(m, w, 0), VL_SYM_CELL, fn);
  assert_sym(m, vl_kid(m, w, 1), VL_SYM_LOCAL, c->func);
  assert_sym(m, nth_name(m, "y", 1), VL_SYM_LOCAL, fn);
  VlId cond = body_stmt(m, "f", 1)->a;
  VlId w2 = vl_kid(m, cond, 0);
  assert_op(m, w2, VL_E_WALRUS);
  assert_sym(m, vl_kid(m, w2, 0), VL_SYM_LOCAL, fn);
  assert_op(m, vl_kid(m, w2, 1), VL_E_CALL);
}

/* The comment recorded on a row with that text, or a failure. */
static void assert_comment(const VlModule *m, uint32_t row, const char *text) {
  for (uint32_t k = 0; k < m->ncomments; k++) {
    const VlComment *c = &m->comments[k];
    if (c->row != row) continue;
    assert_int_equal(vl_module_pos(m, c->start).row, row);
    assert_int_equal(c->len, strlen(text));
    assert_memory_equal(m->text + c->start, text, c->len);
    return;
  }
  fail_msg("no comment recorded on row %u (%s)", row, text);
}

static void ir_comments_recorded(void **state) {
  TlFile *f = tl_lower(state,
                       "x = 1  # noqa: VL001\n"
                       "def f(a,  # first\n"
                       "      b):\n"
                       "    y = 0\n"
                       "    # between\n"
                       "    return g(a,  # in args\n"
                       "             b)\n"
                       "z = [1,\n"
                       "     2]  # noqa\n"
                       "for i in z: keep.append(i)  # noqa: VL001\n");
  const VlModule *m = f->m;
  assert_int_equal(m->ncomments, 6);
  assert_comment(m, 0, "# noqa: VL001");
  assert_comment(m, 1, "# first");
  assert_comment(m, 4, "# between");
  assert_comment(m, 5, "# in args");
  assert_comment(m, 8, "# noqa");
  assert_comment(m, 9, "# noqa: VL001");
}

static void ir_comments_on_headers_recorded(void **state) {
  /* comments tree-sitter attaches to a compound statement rather than to its block (on a
   * def/for/while/class header line, and before the first statement of a body) are recorded: a
   * `# viewleak: noqa` on the first line of a function body counts. */
  TlFile *f = tl_lower(state,
                       "def f(a):  # on def\n"
                       "    # viewleak: noqa\n"
                       "    x = 1\n"
                       "for i in a:  # on for\n"
                       "    pass\n"
                       "class K:  # on class\n"
                       "    # first in class\n"
                       "    z = 1\n"
                       "while a:  # on while\n"
                       "    break\n");
  const VlModule *m = f->m;
  assert_comment(m, 0, "# on def");
  assert_comment(m, 1, "# viewleak: noqa");
  assert_comment(m, 3, "# on for");
  assert_comment(m, 5, "# on class");
  assert_comment(m, 6, "# first in class");
  assert_comment(m, 8, "# on while");
}

static void ir_syntax_errors_lowered_around(void **state) {
  TlFile *f = tl_lower(state, "def f(:\n    x = 1\ny = 2\n");
  const VlModule *m = f->m;
  assert_true(m->syntax_errors);
  assert_null(m->skipped);
  /* what parsed is still there: the def's body and the statement after it */
  assert_true(local_slot(m, VL_MODULE_FUNC, "y") >= 0);
  bool saw_def = false, saw_y = false;
  for (uint32_t i = 0; i < block_len(m, vl_func(m, VL_MODULE_FUNC)->body); i++) {
    const VlStmt *s = top(m, i);
    if (s->kind == VL_S_DEF) saw_def = true;
    if (s->kind == VL_S_ASSIGN && strcmp(text_of(m, target(m, s, 0)), "y") == 0) saw_y = true;
  }
  assert_true(saw_def);
  assert_true(saw_y);
  /* and a clean file has no errors */
  f = tl_lower(state, "def f(a):\n    return a\n");
  assert_false(f->m->syntax_errors);
}

static void ir_absurd_nesting_skipped(void **state) {
  enum { DEPTH = 2500 };
  char *text = malloc(2 * DEPTH + 16);
  assert_non_null(text);
  strcpy(text, "x = ");
  size_t n = strlen(text);
  memset(text + n, '(', DEPTH);
  n += DEPTH;
  text[n++] = '1';
  memset(text + n, ')', DEPTH);
  n += DEPTH;
  strcpy(text + n, "\ny = 2\n");
  TlFile *f = tl_lower(state, text);
  free(text);
  const VlModule *m = f->m;
  assert_non_null(m->skipped);
  /* nothing is lowered: an empty module body */
  assert_int_equal(m->nfuncs, 2);
  assert_int_equal(vl_func(m, VL_MODULE_FUNC)->body, 0);
  assert_int_equal(vl_func(m, VL_MODULE_FUNC)->nlocals, 0);
  assert_int_equal(m->nstmts, 1);
  assert_int_equal(m->nexprs, 1);
  assert_non_null(strstr(dump(f), "skipped"));
  /* deep but plausible nesting is lowered */
  f = tl_lower(state, "x = ((((((((((1))))))))))\n");
  assert_null(f->m->skipped);
  assert_op(f->m, top(f->m, 0)->a, VL_E_INT);
}

/* A large file is parsed in runs of top-level statements (lower.h: VL_LOWER_CHUNK); a run may end only
 * where one begins, not at an unindented line of a string, inside brackets, after a backslash, nor
 * between a decorator and its def (a run ended there has an error and is parsed again, larger). */
static void ir_chunk_boundaries_at_statements(void **state) {
  (void)state;
  const char *text = "def f():\n"
                     "    \"\"\"Doc\n"
                     "default: a line of the docstring\n" /* not here: in a string */
                     "    \"\"\"\n"
                     "x = (1,\n"
                     "y)\n"                               /* not here: in brackets */
                     "z = 1 + \\\n"
                     "w\n"                                /* not here: continued */
                     "s = 'it\\'s # (' + r\"\\\"\"\n"     /* quotes escaped, # and ( in strings */
                     "@dec\n"
                     "\n"
                     "def g(): pass\n"                    /* not here: decorated */
                     "if x:\n"
                     "    pass\n"
                     "else:\n"                            /* not here: continues the if */
                     "    pass\n"
                     "# a comment\n"
                     "last = '''\n"
                     "unindented'''\n";
  const char *starts[] = {"x = (1", "z = 1", "s = '", "@dec", "if x", "last ="};
  size_t len = strlen(text), at = 0;
  for (size_t i = 0; i < sizeof starts / sizeof *starts; i++) {
    size_t want = (size_t)(strstr(text, starts[i]) - text);
    at = vl_lower_next_boundary(text, len, at, at + 1);
    assert_int_equal(at, want);
  }
  assert_int_equal(vl_lower_next_boundary(text, len, at, at + 1), len);
  /* from a later byte: the next start at or after it */
  size_t x = (size_t)(strstr(text, "x = (1") - text), z = (size_t)(strstr(text, "z = 1") - text);
  assert_int_equal(vl_lower_next_boundary(text, len, 0, x + 1), z);
}

static void ir_absurd_list_nesting_skipped(void **state) {
  enum { DEPTH = 2500 };
  char *text = malloc(2 * DEPTH + 16);
  assert_non_null(text);
  strcpy(text, "x = ");
  size_t n = strlen(text);
  memset(text + n, '[', DEPTH);
  n += DEPTH;
  memset(text + n, ']', DEPTH);
  n += DEPTH;
  strcpy(text + n, "\n");
  TlFile *f = tl_lower(state, text);
  free(text);
  assert_non_null(f->m->skipped);
  assert_int_equal(vl_func(f->m, VL_MODULE_FUNC)->body, 0);
}

static void ir_dump_listing(void **state) {
  TlFile *f = tl_lower(state,
                       "import numpy as np\n"
                       "def f(a):\n"
                       "    for i in range(3):\n"
                       "        b = -a[(i, 0)]\n"
                       "    return b\n");
  const char *want =
      "1: import numpy as np\n"
      "2: def#2 f(a) flags=0 locals=3\n"
      "  3: for#1 i@local2.1 in call(range@builtin, 3)\n"
      "    4: b@local2.2 = unop45(sub(a@local2.0, i@local2.1, 0))\n"
      "  5: return b@local2.2\n";
  assert_string_equal(dump(f), want);
}

int main(void) {
#define T(f) cmocka_unit_test_teardown(f, tl_teardown)
  const struct CMUnitTest tests[] = {
      T(ir_module_shape),
      T(ir_positions_and_strings),
      T(ir_assignments),
      T(ir_unpacking_targets),
      T(ir_simple_statements),
      T(ir_if_elif_else),
      T(ir_try_with_match),
      T(ir_parentheses_dropped),
      T(ir_tuple_index_spread),
      T(ir_tuple_index_with_trailing_comma_not_spread),
      T(ir_negative_literals_folded),
      T(ir_int_literals),
      T(ir_constants_and_strings),
      T(ir_call_arguments),
      T(ir_slices_and_subscripts),
      T(ir_operators),
      T(ir_identity_comparisons),
      T(ir_order_comparisons),
      T(ir_displays),
      T(ir_for_loop),
      T(ir_while_loop),
      T(ir_nested_loops),
      T(ir_comprehension_scope),
      T(ir_comprehension_kinds),
      T(ir_comprehension_in_loop),
      T(ir_def_parameters),
      T(ir_lambda),
      T(ir_decorator_flags),
      T(ir_async_and_generators),
      T(ir_classes_and_qualnames),
      T(ir_import),
      T(ir_import_from),
      T(ir_names_local_global_builtin),
      T(ir_locals_in_first_binding_order),
      T(ir_global_declaration),
      T(ir_nonlocal_and_closures),
      T(ir_class_body_skipped_for_free_names),
      T(ir_walrus_binds_in_enclosing_function),
      T(ir_comments_recorded),
      T(ir_comments_on_headers_recorded),
      T(ir_syntax_errors_lowered_around),
      T(ir_absurd_nesting_skipped),
      T(ir_absurd_list_nesting_skipped),
      T(ir_chunk_boundaries_at_statements),
      T(ir_dump_listing),
  };
#undef T
  return cmocka_run_group_tests(tests, NULL, NULL);
}
