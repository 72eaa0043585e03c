/* value.h: the abstract values of the analysis.
 *
 * A value (VlVal) is a set of abstract objects (VlObj): what an expression may evaluate to, one
 * object per possibility (a join is a union).  Arrays, containers, instances and opaque call results
 * have an identity, their *site* (VlSite): where the object was made, or which existing object it
 * is.  The leak question is asked in those terms: a stored view whose base object is made anew in
 * every iteration of a loop (its site runs once per iteration) pins one whole object per iteration.
 *
 *   site kind  meaning                                         made by
 *   NEW        a new object made at expression `expr`          np.delete(...), a + b, model(x), []
 *   STEP       a new object per iteration of loop `loop`       `for batch in generator()` targets
 *   SYM        "whatever the caller passes/holds": a symbol    parameters, self.x, globals (summaries)
 *   ANY        some existing object, unknown which             unknown origins
 *
 * An array object says how it relates to its site: IS (it is that object) or VIEW (it shares that
 * object's memory), and whether the view shows only part of it (partial).
 *
 * Symbolic objects (kind SYM) stand for what a function receives (a parameter, an attribute of one,
 * a global, a closure cell) or for an operation on those that can only be decided once the caller's
 * values are known (a deferred call, subscript or method call).  Summaries are values and effects
 * over symbols; applying a summary at a call substitutes the caller's values (summary.c).
 *
 * Objects, sites and values are immutable and live in the arena of the analysis that made them;
 * equal objects are made equal pointers (hash-consing, VlInterner), so sets compare cheaply. */
#ifndef VL_FLOW_VALUE_H
#define VL_FLOW_VALUE_H
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "ir/ir.h"
#include "knowledge/libtable.h"

typedef struct VlModInfo VlModInfo; /* a module of the program (program.h) */
typedef struct VlFuncInfo VlFuncInfo;
typedef struct VlClassInfo VlClassInfo;
typedef struct VlVal VlVal;
typedef struct VlObj VlObj;

/* ---- ndim ranges ---- */
enum { VL_ND_MAX = 32 };
typedef struct VlNdim {
  uint8_t lo, hi; /* unknown = {0, VL_ND_MAX} */
} VlNdim;
static inline VlNdim vl_nd_unknown(void) { return (VlNdim){0, VL_ND_MAX}; }
static inline VlNdim vl_nd_exact(int n) { return (VlNdim){(uint8_t)n, (uint8_t)n}; }
static inline VlNdim vl_nd_atleast(int n) { return (VlNdim){(uint8_t)n, VL_ND_MAX}; }
static inline bool vl_nd_known(VlNdim n) { return n.lo == n.hi; }

/* ---- literal shapes: sizes for messages, and what part of an array a view shows ---- */
enum { VL_SHAPE_MAX = 8 };
typedef struct VlShape {
  uint8_t n;        /* dimensions */
  uint8_t itemsize; /* bytes per element */
  bool upper;       /* the sizes are upper bounds (the array shrinks: np.delete) */
  bool dtype_sure;  /* dtype is known, not assumed (a dtype= argument, a producer of the default dtype, and
                       what keeps it): .astype(t, copy=False) can be decided */
  bool side;        /* a spectrum (np.linalg.svd's S, eigh's eigenvalues): as long as one side of the matrix
                       decomposed, whose sizes are unknown (dims 0): a view of it pins at most that side */
  const char *dtype;
  int64_t dims[VL_SHAPE_MAX]; /* 0: not known */
  uint8_t most[VL_SHAPE_MAX]; /* an axis of unknown size with at most this many entries (a PIL image's
                                 channels: 1 to 4, ops.c: pil_array); 0: no bound */
} VlShape;

/* ---- sites ---- */
typedef enum VlSiteKind { VL_SITE_NEW = 1, VL_SITE_STEP, VL_SITE_SYM, VL_SITE_ANY } VlSiteKind;

typedef enum VlHow {
  VL_HOW_OBJECT = 0, /* a container, an instance, an opaque object */
  VL_HOW_COPY,       /* an array computed from other arrays (np.delete, a + b, fancy indexing) */
  VL_HOW_PRODUCER    /* an array made from nothing we track (np.load, np.zeros, a model's output) */
} VlHow;

typedef struct VlSite {
  uint8_t kind; /* VlSiteKind */
  uint8_t how;  /* VlHow */
  uint8_t step; /* NEW: made once per step of the iterator that hands it out (a generator's loop,
                   map(f, ...), a DataLoader): a loop over that iterator sees a new one each time;
                   VL_STEP_DEFERRED: only the `via` of a site a caller made by resolving the callee's
                   deferred operation, naming the callee's expression (for messages) */
  const VlModInfo *mod; /* NEW/STEP: the module whose expression or loop made it */
  VlId func;    /* NEW/STEP: the function it is in */
  VlId at;      /* NEW: expression id; STEP: loop id */
  uint32_t start, end; /* NEW/STEP: source bytes, for messages */
  const VlObj *sym; /* SYM: the symbol */
  const struct VlSite *via; /* NEW made by applying a summary: the callee's own site (for messages) */
  /* NEW, once exported: the name the statement making it binds (`self.state = ...`) and that
   * statement's bytes, for messages in other modules (whose IR is gone).  Follows from mod and at:
   * not part of the identity. */
  const char *bound;
  uint32_t bound_start, bound_end;
  /* NEW, once exported: made again in each iteration of a `for` loop or comprehension of its function,
   * for callers in other modules, whose reloc cannot look at its loops (summary.c: made_per_iteration).
   * Follows from mod and at: not part of the identity. */
  bool looped;
} VlSite;

enum {
  VL_STEP_DEFERRED = 2,
  VL_STEP_LISTED = 3, /* NEW: an object a list holds, one per iteration of the loop that filled it (ops.c:
                        filled_per_step): a loop over the list afterwards sees a new one at each step */
  VL_STEP_CALLEE = 4  /* NEW: an object a callee made in each iteration of its loop, new at the call
                        (summary.c: reloc): many, one per iteration; a caller's loop taking them one at a
                        time sees a new one at each step */
};

/* The `index` of a VL_SYM_BINOPV symbol is its operator (VlBinOp), with this bit for an augmented
 * assignment (x op= y): on an array the same object, changed in place; on an int or a tuple a new one. */
enum { VL_OP_INPLACE = 1 << 8 };

/* Flags of SYM objects. */
enum {
  VL_F_PER_STEP = 1 << 1 /* a deferred operation a generator runs once per step of its loop: what it
                            makes, when a caller resolves it, is new at every step */
};

/* Flags of INT objects (the bits mean something else on arrays). */
enum {
  VL_F_LENGTH = 1 << 7,  /* a length: len(x), x.shape[k] */
  VL_F_FRACTION = 1 << 0, /* a length divided by at most 8 (len(x) // 2): an eighth of an axis or more */
  VL_F_SHARE = 1 << 3,    /* a length divided by a known count over 8 (`x.size // 256`): as a slice's
                             step, it keeps about that many entries of the axis (a part) */
  VL_F_REMAINDER = 1 << 2 /* an int modulo something (`(pos + 1) % capacity`): a slot of a ring */
};

/* ---- objects ---- */
typedef enum VlObjKind {
  VL_O_UNKNOWN = 0,
  VL_O_NONE,
  VL_O_INT,    /* an integer scalar (a basic index); `num` when constant */
  VL_O_SCALAR, /* float, bool, bytes, complex, NumPy scalar: holds no array */
  VL_O_STR,    /* a string; `name` when constant */
  VL_O_ARRAY,  /* an ndarray / tensor */
  VL_O_SEQ,    /* a list, tuple, dict, set or deque */
  VL_O_RANGE,
  VL_O_SHAPE,  /* a.shape: indexing gives ints */
  VL_O_INDEX,  /* np.nonzero(...) / np.where(c): a tuple of index arrays (1-D, one per axis of the operand:
                  nd unknown); np.ix_(r, c), an open mesh (table tag mesh): nd k, k index arrays of k axes */
  VL_O_RNG,    /* a random generator */
  VL_O_ITER,   /* an iterator or iterable: a generator, map(), zip(), a DataLoader */
  VL_O_FUNC,   /* a project function (or lambda), maybe bound to a receiver or partially applied */
  VL_O_CLASS,  /* a project class */
  VL_O_INST,   /* an instance of a project class, or of a known library class */
  VL_O_LIB,    /* a library module, function or class: `name` is qualified ("numpy.delete") */
  VL_O_OBJ,    /* the result of a call we cannot see into: some new object of unknown type */
  VL_O_SYM     /* symbolic (see below) */
} VlObjKind;

typedef enum VlSeqKind { VL_SEQ_LIST = 1, VL_SEQ_TUPLE, VL_SEQ_DICT, VL_SEQ_SET, VL_SEQ_DEQUE } VlSeqKind;

/* INST of a library class the analysis models (ops.c): `sub` names the model, `index` holds the
 * instance's state, both set where the instance is made; `name` is the class's qualified name.  They
 * are part of the object's identity: instances of equal state are one object, of different state two. */
typedef enum VlInstModel {
  VL_INST_OTHER = 0, /* a project class's instance, or one of a library class not modelled */
  VL_INST_ESTIMATOR, /* a scikit-learn estimator or pipeline (named by its last step's class): index
                        the constructor's conditional keyword and whether a pipeline (ops.c: EST_*) */
  VL_INST_PIL,       /* a PIL image ("PIL.Image.Image"): index its mode: 1 + its row in rules/pil.tsv, 0 not known
                        (ops.c: pil_mode_arg, pil_mode_row) */
  VL_INST_PANDAS     /* a pandas object: index its kind (ops.c: PdKind) */
} VlInstModel;

/* FUNC: how calling the project function is modelled (`sub`, part of the object's identity; set where
 * its `def` binds it, interp.c: VL_S_DEF). */
typedef enum VlFuncModel {
  VL_FUNC_PLAIN = 0,     /* its summary applied at each call */
  VL_FUNC_CACHED,        /* under a functools cache that is no unbounded memo (`@lru_cache(maxsize=k)`, or one
                            whose cache_clear() the module calls): a call reaches the body only where its
                            arguments vary with the loop around it (ops.c: call_func) */
  VL_FUNC_SINGLEDISPATCH /* @functools.singledispatch: a call runs the implementations registered for the
                            argument's type (ops.c: dispatch_call) */
} VlFuncModel;

/* LIB: what calling it does (`sub`, part of the object's identity; `name` is the library function,
 * class or method it stands for, for messages only: no state is read from it).  The first four are
 * bound to an operand (`base`); the rest stand alone. */
typedef enum VlLibModel {
  VL_LIB_PLAIN = 0,   /* a library function, or a method bound to its receiver in `base` */
  VL_LIB_BOUND_CALL,  /* a partial of the callable in `base` (functools.partial(obj.method, x), rec._replace):
                         called, base is called with `items` first (`index` positional, the rest by the
                         keywords `key` names, a tuple of one STR each; ops.c: bound_partial) */
  VL_LIB_GIVES_BASE,  /* a method that hands its receiver back (model.eval(), i.item() of an int): called,
                         it gives `base` */
  VL_LIB_SEQ_CHAIN,   /* nn.Sequential's forward bound to the instance in `base`: called, it runs the
                         instance's modules in order (ops.c: seq_chain) */
  VL_LIB_POOL,        /* a worker pool (ThreadPoolExecutor, multiprocessing.Pool...): `index` its kind
                         (VlPoolKind); its attributes are `pool` rows of rules/stdlib.tsv */
  VL_LIB_POOL_METHOD, /* a pool's method: `index` its `pool` row (VlKnowledge.pools: what a call does) */
  VL_LIB_FUTURE,      /* what pool.submit / apply_async hands back: items[0] the result it holds */
  VL_LIB_FUTURE_RESULT, /* future.result / future.get: called, it gives items[0] */
  VL_LIB_NAMEDTUPLE_CLASS, /* the class collections.namedtuple / typing.NamedTuple makes: called, a tuple
                              of its arguments; `key` its field names when written out */
  VL_LIB_ITEMGETTER_SPREAD, /* operator.itemgetter(*keys): items[0] one of the keys (each picks its item) */
  VL_LIB_SEQ_INIT     /* super().__init__ of an nn.Sequential subclass, bound to the instance in `base`:
                         called, it keeps the modules given (ops.c: seq_set_modules) */
} VlLibModel;

/* Symbols and deferred operations (VL_O_SYM). */
typedef enum VlSymOp {
  VL_SYM_PARAM = 1, /* the caller's argument for parameter `index` */
  VL_SYM_GLOBALV,   /* module global `index` of `mod` (the value a function reads) */
  VL_SYM_CELLV,     /* closure cell: slot `index` of function `func` of `mod` */
  VL_SYM_ATTRV,     /* attribute `name` of `base` */
  VL_SYM_ELEMV,     /* an element of container `base` */
  VL_SYM_CALLV,     /* calling `base` with `args` (kwarg names in `names`) */
  VL_SYM_SUBV,      /* `base`[index] (index described by `args`: items, see ops.c) */
  VL_SYM_BINOPV     /* `base` <op index> args[0] */
} VlSymOp;

enum {
  VL_F_PARTIAL = 1 << 0,  /* arrays: a view showing only part of its base (a row, a[:5], a[:, 1]) */
  VL_F_BOUNDED = 1 << 1,  /* deques with maxlen: holds a bounded number of items */
  VL_F_OF_WHOLE = 1 << 1, /* views (the bit is per kind): indexed straight from the whole base (a[:, j],
                             not last[:, j] of last = a[:, -2:]): slabs of it that together make an
                             axis show the whole base */
  VL_F_PLAIN = 1 << 1,    /* INST: of a project class that does not intercept attributes (__setattr__,
                             __getattr__): what its attributes hold is what was assigned to them */
  VL_F_NOT_NONE = 1 << 1, /* SYM of a parameter: where it is known not to be None (the else branch of
                             `a if p is None else p`): a caller passing None gives nothing here */
  VL_F_ACCUM = 1 << 2,    /* a tuple built by `t += (x,)`: the same accumulator, carried over */
  VL_F_BY_LAYOUT = 1 << 2, /* views (the bit is per kind): of x.reshape(...) of a parameter of unknown
                              layout, a view or a copy by the array the caller passes (summary.c:
                              inst_sym_array decides it there); kept by the views taken of it */
  VL_F_BOUND_ARGS = 1 << 2, /* LIB (the bit is per kind): functools.partial of a library function; its
                               `items` are the bound arguments, the first `index` positional, the rest
                               by the keywords `key` names (a tuple of one STR each, ops.c: kw_name_list) */
  VL_F_ASSUMED = 1 << 3,  /* assumed from use (an unknown callable's result used as an array, and the
                             results of operations and methods on such): dropped when the deferred
                             operation beside it resolves to something known */
  VL_F_WHOLE = 1 << 4,    /* OBJ: a part of an opaque result taken whole (out[0], out.logits) */
  VL_F_ALL_PIECES = 1 << 4, /* SEQ (the bit is per kind): made in one go of every piece of an array
                               (list(a), tuple(a), sorted(a)): its pieces together show all of it */
  VL_F_REPORTED = 1 << 5, /* SEQ: the views in it were reported where they were stored (a callee's list
                             of views handed back: storing the list again is the same leak) */
  VL_F_INTS = 1 << 6,     /* arrays: integer indices (np.argsort, a permutation): a[idx] keeps a's other
                             axes, where a boolean mask would not */
  VL_F_EQUAL_PIECES = 1 << 6, /* SEQ (the bit is per kind): the pieces of a whole array split into parts of
                                 one size (x.chunk(k), t.split(d), t.unbind(0), np.split(x, k)): unpacked
                                 into exactly n < 8 names, each shows 1/n of it (vl_op_unpack) */
  VL_F_EVERY = 1 << 7     /* views: one of the pieces that iterating a whole array (its rows) or a split
                             hands out: storing every one of them keeps the whole base, no more */
};

/* OBJ: what its parts are known to be. */
enum {
  VL_OBJ_TENSORS = 1, /* tensors (a DataLoader batch over a TensorDataset) */
  VL_OBJ_BYTES = 2,   /* a bytes object known to hold no array (a.tobytes()): a library given it views no array */
  VL_OBJ_FILE = 3     /* a file object (open(), gzip.open()): holds no array; what a library reads from it
                         (pickle.load(f)) is a new object */
};

/* Memory layout of an array, as far as known (VlObj.layout bits). */
enum {
  VL_L_C = 1 << 0,    /* C-contiguous */
  VL_L_NOTC = 1 << 1, /* not C-contiguous (a column, a strided slice) */
  VL_L_F = 1 << 2,    /* F-contiguous */
  VL_L_NOTF = 1 << 3,
  VL_L_OBJECTS = 1 << 4, /* dtype=object: its items are references (a[i] = v stores v itself) */
  VL_L_RECORDS = 1 << 5, /* a structured dtype: a[i] of a 1-D array is an np.void record whose .base is the
                            array (it pins it), not a scalar */
  VL_L_ROWS = 1 << 6,    /* each a[i] is C-contiguous (a[:, 1:] of a C-contiguous array): a reshape that
                            keeps axis 0 (`x[:, 1:].reshape(b, h, w, d)`) needs no copy */
  VL_L_AXES = 1 << 7     /* a view with every axis of its base, in order, whole (np.asarray(a),
                            torch.from_numpy(a), t.detach() of a whole array): its base's shape is its own */
};

struct VlObj {
  uint8_t kind;  /* VlObjKind */
  uint8_t sub;   /* SEQ: VlSeqKind; SYM: VlSymOp; ARRAY: 1 = VIEW of site, 0 = IS site; OBJ: VL_OBJ_*;
                    INST: VlInstModel; FUNC: VlFuncModel; LIB: VlLibModel */
  uint8_t flags;
  uint8_t lib;   /* VlLibId: arrays, RNG, INDEX, iterators of tensors */
  uint8_t layout;/* arrays: VL_L_* bits */
  uint8_t depth; /* symbols: how deeply deferred operations nest (bounded, see ops.c) */
  VlNdim nd;     /* arrays; SYM with array evidence */
  const VlSite *site;   /* identity: ARRAY, SEQ, INST, OBJ, ITER */
  const VlModInfo *mod; /* FUNC/CLASS: where defined; SYM: the module of GLOBALV/CELLV */
  VlId func;     /* FUNC: function id; CLASS: class id; SYM CELLV: function */
  uint32_t index;/* INT: value (when `num_known`); SCALAR: a float32's bits (when `num_known`: a float
                    literal, True 1.0, False 0.0); SYM: param/slot/op; INST: its model's state; STR
                    of a record field: the axes it adds */
  VlId expr;          /* the expression that made this object here (a view: the view expression), in the
                         module being analysed: an object is only ever read by the analysis whose
                         interner holds it, exports drop it (0), and applying a summary from another
                         module puts the call's expression in its place */
  uint16_t nitems;
  bool num_known;
  uint8_t units;      /* arrays (of known ndim or not) and opaque results (OBJ): bit k set when axis k
                         (from the front, k < 8) may have size 1 (x.unsqueeze(-1), keepdim=True,
                         reshape(-1, 1), torch.tensor([ids]), a @ b of such): indexing that axis may take
                         all of it.  Only ever silences, so paths that disagree keep every path's bits */
  const char *name;   /* STR: content; LIB: qualified name; SYM ATTRV: attribute; INST: library class */
  const VlVal *elem;  /* SEQ: element values (joined); ITER: what each step gives; SYM: hint; FUNC of a
                         partial: its keyword names, a tuple of one STR each (ops.c: kw_name_list) */
  const VlVal *key;   /* SEQ dict: keys; ARRAY of records, LIB np.dtype of records: the fields, a tuple of
                         one STR per field whose `index` is the axes it adds (ops.c: record_fields); OBJ
                         taken whole by a literal key (`entry[b"labels"]`): that key, a STR (unnamed when
                         its text is not known) */
  const VlVal **items;/* exact items (nitems): tuples; FUNC: partial args; SYM CALLV/SUBV: arguments */
  const VlVal *base;  /* SYM ATTRV/ELEMV/CALLV/SUBV: operand; FUNC: bound receiver; INST: its class (a CLASS value) */
  const VlShape *shape; /* arrays: the literal shape, when known (a view: its base object's) */
  uint32_t serial;      /* the order the interner made it in (not part of its identity): the objects of
                           a value are kept in this order, so that what the analysis does with them
                           (which it keeps when there are too many, which it reports first) does not
                           depend on where memory happened to put them */
};

struct VlVal {
  uint16_t n;
  const VlObj *objs[];
};

/* Is o an instance of library model m (VL_INST_OTHER: not of a modelled library class)? */
static inline bool vl_inst_of(const VlObj *o, VlInstModel m) { return o->kind == VL_O_INST && o->sub == m; }

/* ---- the interner and constructors (value.c) ---- */
typedef struct VlValues VlValues;
VlValues *vl_values_new(VlArena *arena);
void vl_values_delete(VlValues *self);
size_t vl_values_count(const VlValues *self); /* interned entries, for statistics */
/* Frees the interning table: the values stay, but no more may be made in this interner (a module's
 * exports, once analysed, are read-only; keeping the table would only cost memory). */
void vl_values_seal(VlValues *self);

const VlSite *vl_site(VlValues *v, VlSite s);
const VlShape *vl_shape(VlValues *v, VlShape s);
const VlObj *vl_obj(VlValues *v, VlObj o);
/* vl_obj for a name the caller does not keep (a scratch or stack buffer, a caller's string): the name
 * is copied into the interner's arena only when the object is new, not at every lookup. */
const VlObj *vl_obj_named(VlValues *v, VlObj o);
const VlVal *vl_val1(VlValues *v, const VlObj *o);
const VlVal *vl_val_of(VlValues *v, const VlObj *const *objs, size_t n); /* dedupes, sorts */
const VlVal *vl_join(VlValues *v, const VlVal *a, const VlVal *b);

/* x with `flag` set on each object `pick` accepts (x itself when none changes). */
const VlVal *vl_val_flag(VlValues *v, const VlVal *x, uint8_t flag, bool (*pick)(const VlObj *o, const void *ctx),
                         const void *ctx);

extern const VlVal vl_empty_val; /* no possibility yet (bottom) */
const VlVal *vl_unknown(VlValues *v);
const VlVal *vl_prim(VlValues *v, VlObjKind kind);
const VlVal *vl_int_const(VlValues *v, long value);
const VlVal *vl_str_const(VlValues *v, const char *s);
/* A float, True or False of known value (as float32 bits: literals are compared with literals, so the
 * rounding is the same on both sides). */
const VlVal *vl_scalar_const(VlValues *v, uint32_t bits);
enum { VL_BITS_TRUE = 0x3f800000u /* 1.0f */ };
/* The number o holds, when known: an int constant, or a scalar constant (True is 1, False 0). */
bool vl_obj_number(const VlObj *o, double *out);

static inline bool vl_val_empty(const VlVal *x) { return !x || x->n == 0; }
bool vl_val_has(const VlVal *x, VlObjKind kind);
bool vl_val_only(const VlVal *x, VlObjKind kind);
/* Is v never None: every object of a kind that never is (an int, an array, a list...; not an opaque
 * result, a symbol or a guess)? */
bool vl_val_never_none(const VlVal *v);
bool vl_val_unknownish(const VlVal *x); /* contains an UNKNOWN object */
/* Is o a symbol whose hint is one Python number (a parameter annotated `int` or `float`)? */
bool vl_sym_number(const VlObj *o);
/* True when every object is an integer (a basic index). */
bool vl_val_all_int(const VlVal *x);

/* A readable form of a value, for debugging (VIEWLEAK_DEBUG=1). */
struct VlBuf;
void vl_val_format(struct VlBuf *b, const VlVal *v, int depth);

/* Maximum objects in a value; beyond it the value keeps the first ones and gains UNKNOWN. */
enum { VL_VAL_MAX = 12 };

#endif
