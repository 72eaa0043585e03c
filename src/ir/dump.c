/* dump.c: a readable listing of a module's IR, for tests and for engineers (viewleak debug ir). */
#include "ir/dump.h"

#include <stdio.h>

#include "base/buf.h"

static const char *const expr_names[] = {
    "none", "name", "attr", "sub", "slice", "call", "kw", "star", "dstar", "binop", "unop", "boolop", "not",
    "compare", "tuple", "list", "set", "dict", "comp", "lambda", "cond", "int", "float", "str", "None", "True",
    "False", "...", "await", "yield", "walrus", "other"};
static const char *const sym_names[] = {"?", "local", "cell", "global", "builtin"};

static void expr(VlBuf *b, const VlModule *m, VlId e) {
  if (!e) {
    vl_buf_printf(b, "_");
    return;
  }
  const VlExpr *x = vl_expr(m, e);
  switch (x->op) {
  case VL_E_NAME:
    vl_buf_printf(b, "%s@%s", vl_str(m, x->a), sym_names[x->sym.kind]);
    if (x->sym.kind == VL_SYM_LOCAL || x->sym.kind == VL_SYM_CELL || x->sym.kind == VL_SYM_GLOBAL)
      vl_buf_printf(b, "%u.%u", x->sym.owner, x->sym.slot);
    return;
  case VL_E_ATTR:
    expr(b, m, vl_kid(m, e, 0));
    vl_buf_printf(b, ".%s", vl_str(m, x->a));
    return;
  case VL_E_INT:
    if (x->a == VL_INT_BIG) vl_buf_printf(b, "%sBIG", x->sub ? "-" : "");
    else vl_buf_printf(b, "%s%u", x->sub ? "-" : "", x->a);
    return;
  case VL_E_STR:
    vl_buf_printf(b, "'%s'", x->a ? vl_str(m, x->a) : "?");
    return;
  case VL_E_KW:
    vl_buf_printf(b, "%s=", vl_str(m, x->a));
    expr(b, m, vl_kid(m, e, 0));
    return;
  case VL_E_COMP:
    vl_buf_printf(b, "comp#%u(", x->a);
    expr(b, m, m->comps[x->a].elem);
    vl_buf_printf(b, ")");
    return;
  case VL_E_LAMBDA:
    vl_buf_printf(b, "lambda#%u", x->a);
    return;
  default:
    break;
  }
  vl_buf_printf(b, "%s", x->op < sizeof expr_names / sizeof *expr_names ? expr_names[x->op] : "?");
  if (x->sub && (x->op == VL_E_BINOP || x->op == VL_E_UNOP || x->op == VL_E_YIELD)) vl_buf_printf(b, "%d", x->sub);
  vl_buf_printf(b, "(");
  for (uint32_t i = 0; i < x->nkids; i++) {
    if (i) vl_buf_printf(b, ", ");
    expr(b, m, vl_kid(m, e, i));
  }
  vl_buf_printf(b, ")");
}

static void block(VlBuf *b, const VlModule *m, VlId blk, int indent);

static void stmt(VlBuf *b, const VlModule *m, VlId s, int indent) {
  const VlStmt *st = vl_stmt(m, s);
  uint32_t row = vl_module_pos(m, st->start).row + 1;
  vl_buf_printf(b, "%*s%u: ", indent, "", row);
  switch (st->kind) {
  case VL_S_EXPR:
    expr(b, m, st->a);
    break;
  case VL_S_ASSIGN:
    for (uint32_t i = 0; i < st->n; i++) {
      expr(b, m, m->kids[st->b + i]);
      vl_buf_printf(b, " = ");
    }
    expr(b, m, st->a);
    break;
  case VL_S_AUGASSIGN:
    expr(b, m, st->a);
    vl_buf_printf(b, " op%d= ", st->sub);
    expr(b, m, st->b);
    break;
  case VL_S_ANNASSIGN:
    expr(b, m, st->a);
    vl_buf_printf(b, ": annotated");
    break;
  case VL_S_DEL:
    vl_buf_printf(b, "del");
    for (uint32_t i = 0; i < st->n; i++) {
      vl_buf_printf(b, " ");
      expr(b, m, m->kids[st->b + i]);
    }
    break;
  case VL_S_IF:
    vl_buf_printf(b, "if ");
    expr(b, m, st->a);
    vl_buf_printf(b, "\n");
    block(b, m, st->b, indent + 2);
    if (st->c) {
      vl_buf_printf(b, "%*selse\n", indent, "");
      block(b, m, st->c, indent + 2);
    }
    return;
  case VL_S_FOR:
  case VL_S_WHILE: {
    const VlLoop *l = &m->loops[st->a];
    if (st->kind == VL_S_FOR) {
      vl_buf_printf(b, "for#%u ", st->a);
      expr(b, m, l->target);
      vl_buf_printf(b, " in ");
    } else {
      vl_buf_printf(b, "while#%u ", st->a);
    }
    expr(b, m, l->iter);
    vl_buf_printf(b, "\n");
    block(b, m, st->b, indent + 2);
    if (st->c) {
      vl_buf_printf(b, "%*selse\n", indent, "");
      block(b, m, st->c, indent + 2);
    }
    return;
  }
  case VL_S_TRY:
    vl_buf_printf(b, "try\n");
    block(b, m, st->a, indent + 2);
    for (uint32_t i = 0; i < st->n; i++) {
      const VlHandler *h = &m->handlers[st->b + i];
      vl_buf_printf(b, "%*sexcept ", indent, "");
      expr(b, m, h->type);
      vl_buf_printf(b, " as ");
      expr(b, m, h->target);
      vl_buf_printf(b, "\n");
      block(b, m, h->body, indent + 2);
    }
    if (st->c) {
      vl_buf_printf(b, "%*selse\n", indent, "");
      block(b, m, st->c, indent + 2);
    }
    if (st->d) {
      vl_buf_printf(b, "%*sfinally\n", indent, "");
      block(b, m, st->d, indent + 2);
    }
    return;
  case VL_S_WITH:
    vl_buf_printf(b, "with");
    for (uint32_t i = 0; i < st->n; i++) {
      vl_buf_printf(b, " ");
      expr(b, m, m->kids[st->a + 2 * i]);
      vl_buf_printf(b, " as ");
      expr(b, m, m->kids[st->a + 2 * i + 1]);
    }
    vl_buf_printf(b, "\n");
    block(b, m, st->b, indent + 2);
    return;
  case VL_S_MATCH:
    vl_buf_printf(b, "match ");
    expr(b, m, st->a);
    vl_buf_printf(b, "\n");
    for (uint32_t i = 0; i < st->n; i++) block(b, m, m->kids[st->b + i], indent + 2);
    return;
  case VL_S_RETURN:
    vl_buf_printf(b, "return ");
    expr(b, m, st->a);
    break;
  case VL_S_RAISE: vl_buf_printf(b, "raise"); break;
  case VL_S_BREAK: vl_buf_printf(b, "break"); break;
  case VL_S_CONTINUE: vl_buf_printf(b, "continue"); break;
  case VL_S_PASS: vl_buf_printf(b, "pass"); break;
  case VL_S_GLOBAL:
  case VL_S_NONLOCAL:
    vl_buf_printf(b, st->kind == VL_S_GLOBAL ? "global" : "nonlocal");
    for (uint32_t i = 0; i < st->n; i++) vl_buf_printf(b, " %s", vl_str(m, m->kids[st->b + i]));
    break;
  case VL_S_IMPORT: vl_buf_printf(b, "import %s as %s", vl_str(m, st->b), vl_str(m, st->a)); break;
  case VL_S_IMPORT_FROM:
    vl_buf_printf(b, "from %.*s%s import %s as %s", st->sub, "..........", vl_str(m, st->b), st->a ? vl_str(m, st->c) : "*",
                  st->a ? vl_str(m, st->a) : "*");
    break;
  case VL_S_DEF: {
    const VlFunc *f = vl_func(m, st->a);
    vl_buf_printf(b, "def#%u %s(", st->a, vl_str(m, f->qualname));
    for (uint32_t i = 0; i < f->nparams; i++) vl_buf_printf(b, "%s%s", i ? ", " : "", vl_str(m, m->params[f->params + i].name));
    vl_buf_printf(b, ") flags=%u locals=%u\n", f->flags, f->nlocals);
    block(b, m, f->body, indent + 2);
    return;
  }
  case VL_S_CLASS: {
    const VlClass *k = &m->classes[st->a];
    vl_buf_printf(b, "class#%u %s(", st->a, vl_str(m, k->qualname));
    for (uint32_t i = 0; i < k->nbases; i++) {
      if (i) vl_buf_printf(b, ", ");
      expr(b, m, m->kids[k->bases + i]);
    }
    vl_buf_printf(b, ")\n");
    block(b, m, vl_func(m, k->func)->body, indent + 2);
    return;
  }
  default:
    vl_buf_printf(b, "stmt%d", st->kind);
  }
  vl_buf_printf(b, "\n");
}

static void block(VlBuf *b, const VlModule *m, VlId blk, int indent) {
  if (!blk) return;
  for (uint32_t i = 0; i < m->blocks[blk].count; i++) stmt(b, m, vl_block_stmt(m, blk, i), indent);
}

void vl_ir_dump(VlBuf *out, const VlModule *m) {
  if (m->skipped) vl_buf_printf(out, "skipped: %s\n", m->skipped);
  block(out, m, m->funcs[VL_MODULE_FUNC].body, 0);
}
