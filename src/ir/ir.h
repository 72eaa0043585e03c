/* ir.h: one Python module lowered to a compact, tree-sitter-free representation.
 *
 * The analysis never walks syntax trees: lower.c turns a parsed file into this IR in one pass, the
 * tree is freed, and everything after (name resolution, abstract interpretation, summaries, rules)
 * reads these arrays.  Keeping the IR small and self-contained is what lets a whole program be
 * analysed one file at a time while summaries of other modules stay in memory.
 *
 * Shape: flat arrays indexed by 32-bit ids, id 0 of every array being a "none" entry, so a zero
 * field always means "absent".
 *   exprs     expressions; children in `kids` (a range per expression)
 *   stmts     statements, structured: compound statements point at blocks (ranges of `stmtlist`)
 *   funcs     scopes: the module body (id 1), defs, lambdas, class bodies, comprehensions
 *   classes   class definitions; loops: for/while statements and comprehension `for` clauses
 *   strs      interned strings (names, attributes, short string literals)
 * Positions are byte offsets into the source; rows and columns come from `line_starts`.
 *
 * A VlModule is built by one thread (vl_lower) and is read-only afterwards; everything lives in
 * its arena and is freed with vl_module_delete. */
#ifndef VL_IR_IR_H
#define VL_IR_IR_H
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "viewleak/viewleak.h"

typedef uint32_t VlId;

/* ---- expressions ---- */
typedef enum VlExprOp {
  VL_E_NONE_ID = 0, /* the "absent" expression, id 0 */
  VL_E_NAME,        /* a: name; resolution in `sym` */
  VL_E_ATTR,        /* kids[0]: object; a: attribute name */
  VL_E_SUB,         /* kids[0]: value; kids[1..]: index items (a parenthesised tuple index is spread) */
  VL_E_SLICE,       /* kids[0..2]: start, stop, step (0 when absent) */
  VL_E_CALL,        /* kids[0]: callee; kids[1..]: arguments (plain, VL_E_STAR, VL_E_DSTAR, VL_E_KW) */
  VL_E_KW,          /* a: keyword; kids[0]: value */
  VL_E_STAR,        /* *x (arguments, displays, targets); kids[0] */
  VL_E_DSTAR,       /* **x; kids[0] */
  VL_E_BINOP,       /* sub: VlBinOp; kids: left, right */
  VL_E_UNOP,        /* sub: '-', '+', '~'; kids[0] */
  VL_E_BOOLOP,      /* sub: 'a'nd / 'o'r; kids: left, right */
  VL_E_NOT,         /* kids[0] */
  VL_E_COMPARE,     /* kids: operands; sub: 1 when an operator is `is`/`is not`/`in`/`not in`; a: the
                       operator (VL_CMP_*) when there is one operator of those, else 0 */
  VL_E_TUPLE,       /* kids: items (VL_E_STAR allowed) */
  VL_E_LIST,
  VL_E_SET,
  VL_E_DICT,        /* kids: key, value pairs (a VL_E_DSTAR item stands alone, followed by 0) */
  VL_E_COMP,        /* a: comprehension id */
  VL_E_LAMBDA,      /* a: function id */
  VL_E_COND,        /* kids: body, condition, orelse */
  VL_E_INT,         /* a: value (VL_INT_BIG when it does not fit); sub: 1 for a literal with a minus sign folded in */
  VL_E_FLOAT,       /* sub 1: a plain real literal (a minus sign folded in), a: its value as float32 bits */
  VL_E_STR,         /* a: content for short plain literals (no f-string), else 0; sub: 1 for an
                       f-string with replacement fields (its value varies) */
  VL_E_NONE,
  VL_E_TRUE,
  VL_E_FALSE,
  VL_E_ELLIPSIS,
  VL_E_AWAIT,       /* kids[0] */
  VL_E_YIELD,       /* kids[0]: the yielded value (0: None); sub: 1 for `yield from` */
  VL_E_WALRUS,      /* kids: target (a VL_E_NAME), value */
  VL_E_OTHER        /* anything else; kids: subexpressions, evaluated for their effects only */
} VlExprOp;

#define VL_INT_BIG 0xffffffffu

/* VL_E_COMPARE's `a`: a comparison of two operands by identity, by equality (`==`, `!=`), or by order. */
enum { VL_CMP_IS = 1, VL_CMP_IS_NOT = 2, VL_CMP_EQ = 3, VL_CMP_NE = 4, VL_CMP_LT, VL_CMP_LE, VL_CMP_GT, VL_CMP_GE, VL_CMP_IN, VL_CMP_NOT_IN };

typedef enum VlBinOp {
  VL_OP_ADD = 1, VL_OP_SUB, VL_OP_MUL, VL_OP_MATMUL, VL_OP_DIV, VL_OP_FLOORDIV, VL_OP_MOD, VL_OP_POW,
  VL_OP_LSHIFT, VL_OP_RSHIFT, VL_OP_AND, VL_OP_OR, VL_OP_XOR
} VlBinOp;

/* How a name is bound, after resolution (names.c). */
typedef enum VlSymKind {
  VL_SYM_UNRESOLVED = 0,
  VL_SYM_LOCAL,   /* a slot of the function the expression is in */
  VL_SYM_CELL,    /* a slot of an enclosing function (a closure variable) */
  VL_SYM_GLOBAL,  /* a slot of the module body */
  VL_SYM_BUILTIN  /* bound nowhere in the module: a builtin (or a star import's name) */
} VlSymKind;

typedef struct VlSym {
  uint8_t kind;  /* VlSymKind */
  uint16_t slot; /* index in the owner's locals */
  VlId owner;    /* function whose slot it is */
} VlSym;

typedef struct VlExpr {
  uint8_t op;     /* VlExprOp */
  uint8_t sub;    /* operator or flag, per op */
  uint16_t nkids;
  VlId kids;      /* first index into `kids` */
  VlId a;         /* per op: string id, integer value, comprehension or function id */
  VlSym sym;      /* VL_E_NAME only */
  uint32_t start, end;
} VlExpr;

/* ---- statements ---- */
typedef enum VlStmtKind {
  VL_S_NONE_ID = 0,
  VL_S_EXPR,       /* a: expression */
  VL_S_ASSIGN,     /* a: value; kids[b .. b+n): targets (a = b = value); sub: VlAnnKind (`x: T = v`) */
  VL_S_AUGASSIGN,  /* a: target; b: value; sub: VlBinOp */
  VL_S_ANNASSIGN,  /* a: target (`x: T`, no value); sub: VlAnnKind */
  VL_S_DEL,        /* kids[b .. b+n): targets */
  VL_S_IF,         /* a: condition; b: then block; c: else block (an elif is an if inside it) */
  VL_S_FOR,        /* a: loop id; b: body block; c: else block; sub: 1 for async for */
  VL_S_WHILE,      /* a: loop id; b: body block; c: else block */
  VL_S_TRY,        /* a: body; b: first handler id, n: handlers; c: else block; d: finally block */
  VL_S_WITH,       /* kids[a .. a+2n): (context manager, target or 0) pairs; b: body block */
  VL_S_MATCH,      /* a: subject; kids[b .. b+n): case blocks (their captures bound as unknown) */
  VL_S_RETURN,     /* a: value or 0 */
  VL_S_RAISE,      /* a: exception or 0 */
  VL_S_BREAK,
  VL_S_CONTINUE,
  VL_S_PASS,       /* also: assert, print, exec and other statements without bindings */
  VL_S_GLOBAL,     /* kids[b .. b+n): names (string ids) */
  VL_S_NONLOCAL,   /* likewise */
  VL_S_IMPORT,     /* binds name a := module b (import x.y as z: z := "x.y"; import x.y: x := "x") */
  VL_S_IMPORT_FROM,/* binds name a := member c of module b; sub: relative level; a = 0: `import *` */
  VL_S_DEF,        /* a: function id; binds its name */
  VL_S_CLASS,      /* a: class id; binds its name */
  VL_S_UNKNOWN     /* binds the names of target a to unknown values (except-as, match captures) */
} VlStmtKind;

/* An annotated assignment's kind (`sub` of VL_S_ASSIGN and VL_S_ANNASSIGN), as a dataclass reads it. */
typedef enum VlAnnKind { VL_ANN_FIELD = 1, VL_ANN_CLASSVAR, VL_ANN_OTHER } VlAnnKind;

typedef struct VlStmt {
  uint8_t kind; /* VlStmtKind */
  uint8_t sub;
  uint16_t n;
  VlId a, b, c, d;
  uint32_t start, end;
} VlStmt;

typedef struct VlBlock {
  VlId first; /* index into `stmtlist` */
  uint32_t count;
} VlBlock;

typedef struct VlHandler {
  VlId type;   /* exception type expression or 0 */
  VlId target; /* `as` name expression or 0 */
  VlId body;   /* block */
} VlHandler;

/* ---- loops: for/while statements and the `for` clauses of comprehensions ---- */
typedef enum VlLoopKind { VL_LOOP_FOR = 1, VL_LOOP_WHILE, VL_LOOP_COMP } VlLoopKind;

typedef struct VlLoop {
  uint8_t kind;      /* VlLoopKind */
  bool async;
  VlId func;         /* the function it is in */
  VlId parent;       /* enclosing loop in the same function, or 0 */
  VlId target, iter; /* for / comprehension clause; while: iter = condition */
  VlId node;         /* FOR/WHILE: the statement; COMP: the comprehension expression */
  /* Bytes that run once per iteration: [start, end) minus the iterable's own bytes (evaluated once,
   * before the loop) for FOR and the first clause of a comprehension. */
  uint32_t start, end;
} VlLoop;

/* ---- comprehensions: [elem for t in it if c ...] ---- */
typedef struct VlClause {
  bool is_if;   /* if clause: cond; for clause: loop */
  VlId cond;
  VlId loop;
} VlClause;

typedef enum VlCompKind { VL_COMP_LIST = 1, VL_COMP_SET, VL_COMP_DICT, VL_COMP_GEN } VlCompKind;

typedef struct VlComp {
  uint8_t kind;    /* VlCompKind */
  VlId func;       /* the scope of its targets (a VL_F_COMP function) */
  VlId elem, key;  /* element (dict: value) and dict key */
  VlId clauses;    /* first index into `clauses` */
  uint16_t nclauses;
} VlComp;

/* ---- functions (scopes) and classes ---- */
typedef enum VlFuncKind { VL_FN_MODULE = 1, VL_FN_DEF, VL_FN_LAMBDA, VL_FN_CLASS, VL_FN_COMP } VlFuncKind;

enum {
  VL_FN_GENERATOR = 1 << 0,    /* contains yield */
  VL_FN_ASYNC = 1 << 1,
  VL_FN_STATICMETHOD = 1 << 2,
  VL_FN_CLASSMETHOD = 1 << 3,
  VL_FN_PROPERTY = 1 << 4,     /* @property (or @cached_property, @functools.cached_property) */
  VL_FN_DECORATED = 1 << 5,    /* any other decorator: calls may not reach the body as written */
  VL_FN_SETTER = 1 << 6        /* @<name>.setter of a def named <name>: `obj.<name> = v` runs it */
};

typedef enum VlParamKind { VL_P_POS = 1, VL_P_KWONLY, VL_P_VARARGS, VL_P_KWARGS } VlParamKind;

typedef struct VlParam {
  VlId name;       /* string */
  VlId annotation; /* expression or 0 */
  VlId dflt;       /* expression or 0 */
  uint8_t kind;    /* VlParamKind */
} VlParam;

typedef struct VlFunc {
  uint8_t kind;     /* VlFuncKind */
  uint8_t flags;
  uint16_t nparams;
  VlId params;      /* first index into `params` */
  VlId name;        /* string (0 for the module, lambdas, comprehensions) */
  VlId qualname;    /* string: "Solver.step", "outer.<locals>.inner", "<module>" */
  VlId parent;      /* lexically enclosing function (0 for the module) */
  VlId klass;       /* a def directly in a class body: that class; a class body: its class */
  VlId body;        /* block (lambda: 0, the body expression is `expr`) */
  VlId expr;        /* lambda body; comprehension: the comprehension id */
  VlId decorators;  /* first index into `kids`; ndecorators of them */
  uint16_t ndecorators;
  uint16_t nlocals; /* slots; their names are locals[0 .. nlocals) */
  VlId locals;      /* first index into `kids` (string ids) */
  uint32_t start, end;
} VlFunc;

typedef struct VlClass {
  VlId name, qualname; /* strings */
  VlId func;           /* the class body (a VL_FN_CLASS function) */
  VlId parent;         /* the function the class statement is in */
  VlId bases;          /* first index into `kids`: base expressions (keywords like metaclass= skipped) */
  uint16_t nbases;
  VlId decorators;     /* first index into `kids`; ndecorators of them (@dataclass) */
  uint16_t ndecorators;
  uint32_t start, end;
} VlClass;

/* A comment, kept for `# noqa` matching. */
typedef struct VlComment {
  uint32_t row, start, len;
} VlComment;

typedef struct VlModule {
  VlArena *arena;
  const char *path;
  const char *text; /* the source (owned by the caller of vl_lower) */
  uint32_t len;
  uint32_t *line_starts;
  uint32_t nlines;

  VlExpr *exprs;
  uint32_t nexprs;
  VlStmt *stmts;
  uint32_t nstmts;
  VlId *kids; /* expression children, targets, name lists, decorators, locals */
  uint32_t nkids;
  VlId *stmtlist;
  uint32_t nstmtlist;
  VlBlock *blocks;
  uint32_t nblocks;
  VlHandler *handlers;
  uint32_t nhandlers;
  VlFunc *funcs; /* funcs[1] is the module body */
  uint32_t nfuncs;
  VlClass *classes;
  uint32_t nclasses;
  VlLoop *loops;
  uint32_t nloops;
  VlComp *comps;
  uint32_t ncomps;
  VlClause *clauses;
  uint32_t nclauses;
  VlParam *params;
  uint32_t nparams;
  const char **strs; /* strs[0] = "" */
  uint32_t nstrs;
  VlComment *comments;
  uint32_t ncomments;

  bool syntax_errors;  /* the parser recovered from errors; what parsed is analysed */
  struct VlSyntaxError *errors; /* ... and where (errors.h), from the same parse */
  uint32_t nerrors;
  const char *skipped; /* why nothing was lowered (absurd nesting), or NULL */
} VlModule;

enum { VL_MODULE_FUNC = 1 };

/* ---- accessors ---- */
static inline const VlExpr *vl_expr(const VlModule *m, VlId e) { return &m->exprs[e]; }
static inline VlId vl_kid(const VlModule *m, VlId e, uint32_t i) {
  return i < m->exprs[e].nkids ? m->kids[m->exprs[e].kids + i] : 0;
}
static inline const char *vl_str(const VlModule *m, VlId s) { return m->strs[s]; }
/* The value of an integer literal (-3 included: the sign is folded in), when e is one that fits. */
static inline bool vl_int_literal(const VlModule *m, VlId e, long *out) {
  const VlExpr *x = &m->exprs[e];
  if (!e || x->op != VL_E_INT || x->a == VL_INT_BIG) return false;
  *out = x->sub ? -(long)x->a : (long)x->a;
  return true;
}
/* Are e and t names of the same variable? */
static inline bool vl_same_name(const VlModule *m, VlId e, VlId t) {
  const VlExpr *x = &m->exprs[e], *y = &m->exprs[t];
  return e && t && x->op == VL_E_NAME && y->op == VL_E_NAME && x->sym.kind == y->sym.kind &&
         x->sym.owner == y->sym.owner && x->sym.slot == y->sym.slot;
}
/* Is e `x is None` or `x is not None`?  VL_CMP_IS or VL_CMP_IS_NOT with *x its left operand, else 0. */
static inline int vl_none_compare(const VlModule *m, VlId e, VlId *x) {
  const VlExpr *c = &m->exprs[e];
  if (!e || c->op != VL_E_COMPARE || (c->a != VL_CMP_IS && c->a != VL_CMP_IS_NOT) || c->nkids != 2) return 0;
  if (m->exprs[vl_kid(m, e, 1)].op != VL_E_NONE) return 0;
  *x = vl_kid(m, e, 0);
  return (int)c->a;
}
/* A name or an attribute path of one (`x`, `self.cfg.mode`): evaluating it again repeats no call. */
static inline bool vl_expr_is_path(const VlModule *m, VlId e) {
  while (e && m->exprs[e].op == VL_E_ATTR) e = vl_kid(m, e, 0);
  return e && m->exprs[e].op == VL_E_NAME;
}
static inline const VlStmt *vl_stmt(const VlModule *m, VlId s) { return &m->stmts[s]; }
static inline const VlFunc *vl_func(const VlModule *m, VlId f) { return &m->funcs[f]; }
static inline VlId vl_block_stmt(const VlModule *m, VlId block, uint32_t i) {
  return m->stmtlist[m->blocks[block].first + i];
}
/* Strips nothing: parentheses are dropped by the lowering. */

/* The position of a byte offset (0-based row, byte column). */
VlPos vl_module_pos(const VlModule *m, uint32_t byte);
VlRange vl_module_range(const VlModule *m, uint32_t start, uint32_t end);
/* Calls visit(ctx, id) for each statement of block `block` in source order, and, after a compound
 * statement (if, for, while, with, try, match), for the statements of the blocks it runs (not into a
 * def's or class's body), down to 64 levels; stops when visit returns false.  Returns false when
 * stopped. */
bool vl_block_walk(const VlModule *m, VlId block, bool (*visit)(void *ctx, VlId stmt), void *ctx);
/* True when loop `l` runs expression or statement bytes [start, ...) once per iteration. */
bool vl_loop_runs(const VlModule *m, VlId loop, uint32_t start);
/* Is loop one of function func's own: its for/while statements and the clauses of its comprehensions
 * (whose scope is their own, nested in func)? */
bool vl_loop_of_func(const VlModule *m, VlId loop, VlId func);
/* The id of an interned string equal to s, or 0 when the module has none. */
VlId vl_module_find_str(const VlModule *m, const char *s);
/* The name of slot `slot` of function `f`. */
static inline const char *vl_local_name(const VlModule *m, VlId f, uint32_t slot) {
  return m->strs[m->kids[m->funcs[f].locals + slot]];
}

void vl_module_delete(VlModule *m);

#endif
