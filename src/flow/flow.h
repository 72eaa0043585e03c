/* flow.h: what the analysis knows about one file's names, values and loops.
 *
 * Phases (each in its own file):
 *   scope.c  scopes (module, functions, classes), the bindings in each (assignments, for targets,
 *            parameters) and shape evidence from uses (`a[:, 4]`, `a.shape[1]`, `axis=1`);
 *   eval.c   abstract evaluation of an expression to a VlVal: is it an int, an array, a view of
 *            which named array, a fresh copy, a container holding a view; with ndim ranges;
 *   loop.c   per loop: the bindings made in its body, the stores into containers that outlive an
 *            iteration, and the rebinds of arrays to new arrays.
 * Everything lives in the file's arena (VlFlow.arena); one VlFlow per file per thread. */
#ifndef VL_FLOW_FLOW_H
#define VL_FLOW_FLOW_H
#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "base/arena.h"
#include "knowledge/libtable.h"
#include "resolve/imports.h"
#include "syntax/pyast.h"

/* ---- ndim ranges ---- */
enum { VL_ND_MAX = 64 };
typedef struct VlNdim {
  uint8_t lo, hi; /* unknown = {0, VL_ND_MAX} */
  bool self_ref;  /* "same as the name being defined" (a rebind like a = np.delete(a, i, axis=0)) */
} VlNdim;
static inline VlNdim vl_nd_unknown(void) { return (VlNdim){0, VL_ND_MAX, false}; }
static inline VlNdim vl_nd_exact(int n) { return (VlNdim){(uint8_t)n, (uint8_t)n, false}; }
static inline bool vl_nd_known(VlNdim n) { return n.lo == n.hi; }

/* ---- abstract values ---- */
typedef enum VlType {
  VL_T_UNKNOWN,
  VL_T_SELF,   /* refers to the name whose bindings are being evaluated (cycle) */
  VL_T_INT,    /* integer scalar: a basic index */
  VL_T_SCALAR, /* other value holding no array */
  VL_T_NONE,
  VL_T_ARRAY,
  VL_T_INDEX,  /* tuple of index arrays (np.nonzero) */
  VL_T_SHAPE,  /* a.shape */
  VL_T_RNG,
  VL_T_RANGE,  /* range(...) */
  VL_T_LIST, VL_T_TUPLE, VL_T_DICT, VL_T_SET
} VlType;

typedef enum VlOrigin {
  VL_O_UNKNOWN,
  VL_O_SAME,     /* the named array `base` itself */
  VL_O_VIEW,     /* a view of the named array `base` (base NULL: of an unnamed fresh array) */
  VL_O_COPY,     /* a new array computed from other arrays */
  VL_O_PRODUCER  /* a new array made from nothing */
} VlOrigin;

typedef struct VlVal {
  VlType type;
  VlOrigin origin;   /* arrays */
  VlLibId lib;
  VlNdim nd;         /* arrays */
  const char *base;  /* VL_O_SAME / VL_O_VIEW: key of the named array; containers: base of a held view */
  VlOrigin base_origin; /* views: how the viewed array came to be (SAME: a named array, PRODUCER...) */
  TSNode view;       /* the expression that is (or, in a container, holds) the view */
  bool holds_view;   /* containers: some element is a view of `base` */
  bool partial;      /* views (and containers holding one): shows only part of its base (a row, a[:5],
                        a[:, 1], a[-3:], np.diagonal...), so it can pin far more than it shows */
  VlNdim elem_nd;    /* containers holding a view: that view's ndim */
} VlVal;

/* ---- bindings and scopes ---- */
typedef enum VlBindKind { VL_BIND_ASSIGN, VL_BIND_FOR, VL_BIND_PARAM, VL_BIND_OTHER } VlBindKind;

typedef struct VlBinding {
  const char *key;  /* "data", "self.pool" */
  VlBindKind kind;
  TSNode target;    /* the target expression */
  TSNode value;     /* ASSIGN: right-hand side; FOR: the iterable; PARAM: annotation or null */
  int unpack;       /* index in a tuple target whose value could not be paired; -1 otherwise */
  bool unpack_enumerate; /* FOR over enumerate(): 0 is the counter, 1 the element */
  TSNode stmt;      /* the statement, for locations */
  TSNode loop;      /* FOR: the for_statement whose target this is */
} VlBinding;

typedef struct VlUse {
  const char *key;
  uint8_t lo; /* evidence: ndim >= lo */
} VlUse;

typedef struct VlMemo VlMemo;

typedef struct VlLoop VlLoop;

typedef struct VlScope {
  TSNode node;             /* module, function_definition or class_definition */
  struct VlScope *parent;  /* where free names are looked up (the module for functions) */
  struct VlScope *klass;   /* methods: the class scope, for self.* attributes */
  VlBinding *bindings;
  size_t nbindings;
  VlUse *uses;
  size_t nuses;
  TSNode *loops;           /* every loop of this scope, outermost first in source order */
  size_t nloops;
  struct VlLoop **loop_facts; /* vl_loop_facts of loops[i], computed once (the rules share them) */
  struct VlLoop *body_facts;  /* functions: the body's facts, as a same-module helper */
  VlMemo *memo;
} VlScope;

typedef struct VlFlow {
  VlArena *arena;
  const VlPy *py;
  const VlSource *src;
  const VlKnowledge *know;
  const VlImports *imports;
  const VlLibraryExtensions *ext; /* project helpers from configuration; may be NULL */
  TSNode root;
  VlScope **scopes;
  size_t nscopes;
  int depth;     /* evaluation recursion guard (per scope-wide question) */
  int key_depth; /* nested scope-wide questions (a = b; b = c; ...): bounded too */
  const char *aliasing[16]; /* keys whose loop-local bindings are being followed (cycle guard) */
  int naliasing;
  uint32_t helpers[8];      /* same-module helpers being summarised (start bytes; recursion guard) */
  int nhelpers;
} VlFlow;

/* scope.c: builds every scope of the file. */
void vl_flow_build(VlFlow *self);
/* Bindings of `key` in `scope` (not its parents); returns how many, fills at most cap. */
size_t vl_scope_bindings_of(const VlScope *scope, const char *key, const VlBinding **out, size_t cap);
/* Shape evidence for `key` from uses in the scope (0 when none). */
uint8_t vl_scope_use_lo(const VlScope *scope, const char *key);
/* The scope that owns `key` as seen from `scope` (itself, its class for self.*, or its parent). */
const VlScope *vl_scope_owner(const VlScope *scope, const char *key);

/* ---- loops ---- */
typedef enum VlStoreKind {
  VL_STORE_APPEND, VL_STORE_EXTEND, VL_STORE_INSERT, VL_STORE_SETITEM, VL_STORE_SETDEFAULT,
  VL_STORE_AUGADD, VL_STORE_CONCAT, VL_STORE_HEAPPUSH
} VlStoreKind;

typedef struct VlStore {
  VlStoreKind kind;
  const char *container; /* key */
  TSNode container_node;
  TSNode value;          /* the stored expression */
  TSNode stmt;
  TSNode slot;           /* VL_STORE_SETITEM: the subscript target c[k] */
} VlStore;

struct VlLoop {
  TSNode node;
  const VlScope *scope;
  VlBinding *bindings; /* made in the body (nested loops included, the loop's own target excluded) */
  size_t nbindings;
  VlStore *stores;
  size_t nstores;
};

/* loop.c: the facts of one loop of `scope` (or of a function scope's body), computed once. */
const VlLoop *vl_loop_facts(VlFlow *self, const VlScope *scope, TSNode loop);
/* True when the name or attribute chain `key` occurs anywhere in the expression. */
bool vl_flow_mentions(const VlFlow *self, TSNode expr, const char *key);
/* True when `container` is (re)created in the loop body, so it dies with the iteration. */
bool vl_loop_creates(const VlFlow *self, const VlLoop *loop, const char *container);
/* True when the expression can differ between iterations: it mentions a name bound in the loop (its
 * target included) or calls something.  `c[k] = v` with a loop-invariant k overwrites one slot. */
bool vl_loop_varies(const VlFlow *self, const VlLoop *loop, TSNode expr);

/* ---- evaluation (eval.c) ---- */
/* Evaluates `expr` in `scope`; inside `loop` (may be NULL) names bound in the loop body are
 * followed as aliases of what they were assigned. */
VlVal vl_eval(VlFlow *self, const VlScope *scope, const VlLoop *loop, TSNode expr);
/* The scope-wide value of a name or attribute chain: the union over its bindings. */
VlVal vl_eval_key(VlFlow *self, const VlScope *scope, const char *key);
/* The value of one binding (a rebind's right-hand side, a for target's element). */
VlVal vl_eval_binding(VlFlow *self, const VlScope *scope, const VlLoop *loop, const VlBinding *b);
/* Resolves a callee to its library and table entry kind/name (functions only); NULL if none. */
const VlLibrary *vl_eval_callee(VlFlow *self, const VlScope *scope, TSNode fn, const char **member);

#endif
