/* analysis.h: the abstract interpreter's internals, shared by the flow/ files only.
 *
 * One Analysis per module being analysed (one thread), one Frame per function being interpreted.
 *
 *   interp.c   statements and expressions: the flow-sensitive walk over a function's IR, with
 *              branches joined and loops iterated to a fixpoint; names, assignments, calls
 *   ops.c      what operations do to values: indexing, attributes, operators, library calls
 *              (from the tables in rules/, one per library), Python builtins, iteration
 *   summary.c  summaries: applying a callee's summary at a call (substituting the caller's
 *              values for its symbols), and importing values from other modules
 *   retain.c   the retention query over a function's store events (what VL001/VL002 report)
 *   analysis.c the module driver: function and class facts, the order of analysis, exports
 *
 * Values are interned in the Analysis's VlValues; everything is freed with the analysis except
 * what analysis.c exports into the module's own arena. */
#ifndef VL_FLOW_ANALYSIS_H
#define VL_FLOW_ANALYSIS_H
#include "base/ptrmap.h"
#include "base/vec.h"
#include "flow/flow.h"
#include "flow/program.h"
#include "flow/value.h"
#include "ir/ir.h"

typedef struct Analysis Analysis;
typedef struct Frame Frame;

/* ---- call arguments ---- */
enum { VL_MAX_ARGS = 16, VL_MAX_KWARGS = 12 };
/* how many times one summary may be applied within its own application (recursion), see summary.c */
enum { VL_MAX_REAPPLY = 2 };
typedef struct Args {
  const VlVal *pos[VL_MAX_ARGS];
  VlId pos_expr[VL_MAX_ARGS];
  int npos;
  bool star; /* a *args: positions from here on are unknown */
  const VlVal *spread; /* f(*xs) with no other positional argument: xs (its items are the positions) */
  VlId spread_expr;
  const char *kwname[VL_MAX_KWARGS];
  const VlVal *kw[VL_MAX_KWARGS];
  VlId kw_expr[VL_MAX_KWARGS];
  int nkw;
  bool dstar; /* a **kwargs */
  VlId call;  /* the call expression, when evaluated from one (eval_args) */
} Args;

/* ---- index descriptors (a[...]) ---- */
typedef enum IxKind { IX_INT = 1, IX_SLICE, IX_NEWAXIS, IX_ELLIPSIS, IX_ADVANCED, IX_STR, IX_UNKNOWN } IxKind;
enum { VL_MAX_INDEX = 8 };
typedef struct Index {
  int n;
  uint8_t kind[VL_MAX_INDEX];
  bool narrows[VL_MAX_INDEX]; /* slices: shows part of the axis (a stop, a negative start, a step) */
  bool lit[VL_MAX_INDEX];     /* slices and ints: literal bounds below are known */
  long start[VL_MAX_INDEX], stop[VL_MAX_INDEX], step[VL_MAX_INDEX]; /* LONG_MIN: absent */
  const VlVal *stepv[VL_MAX_INDEX]; /* slices: a step of a value not known here (`self.stride`), kept
                                       for the caller that resolves a deferred subscript */
  const char *str;            /* IX_STR: the field name */
  bool adv_1d;                /* the advanced item is 1-D (a list, an index or mask array of one axis) */
  bool adv_ints;              /* the advanced item is an integer index array (never a mask)... */
  VlNdim adv_nd;              /* ...of this many dimensions */
  uint8_t adv_axes;           /* the advanced item indexes this many axes (np.ix_(r, c): 2); 0: one */
} Index;

/* ---- events of one function's interpretation ---- */
/* A function registered as a hook or callback (retain.c): its summary is read now, while the frame
 * registering it is being analysed (a busy one makes the frame provisional, as a call would). */
void vl_hook_registered(Frame *F, const VlVal *fn);
/* What calls a registered function (retain.c: hook_check), and with what new array. */
typedef enum VlHookKind {
  VL_HOOK_FORWARD = 0, /* module.register_forward_hook(fn): fn(module, args, output), a new output */
  VL_HOOK_PRE,         /* module.register_forward_pre_hook(fn): fn(module, args), args[k] the new input */
  VL_HOOK_OPTIMIZER,   /* scipy.optimize.minimize(..., callback=fn): fn(xk), a new iterate per iteration */
  VL_HOOK_SOLVER       /* scipy.sparse.linalg.LinearOperator(shape, matvec=fn): an iterative solver calls
                          fn(x) at every iteration, x a view of its own work array (not new) */
} VlHookKind;

typedef struct StoreEv {
  uint8_t store;        /* VlStoreKind */
  bool key_varies;
  const VlVal *container;
  const VlVal *value;
  VlId loop;            /* innermost loop of this function around the store (0: none) */
  VlId call;            /* via a callee's summary: the call expression here (0: direct) */
  bool every_call;      /* via a callee: its store is made on every call (VlEffect.every_call) */
  bool inner;           /* via a callee: `at` is the display's element making the view (VlEffect.inner) */
  VlSpan at;            /* the stored expression */
  uint32_t fix_at;
  const char *text, *container_text;
  bool implicit;        /* list(gen), comprehension over a generator: one element per step */
  bool loop_call;       /* via a callee's loop calling a method of what the caller passes, once per
                           iteration (VlEffect.loop_call): the call is a loop (retain.c: loop_call_check) */
  const VlEffect *loop_store; /* via a callee's STORE effect marked loop_call: that effect (where the
                           callee's call made the array, for messages) */
  VlId key;             /* c[k] = v with k a name: k's expression (retain.c: key_repeats) */
} StoreEv;

typedef struct ClearEv {
  const VlVal *container;
  VlId loop;
  bool only_if_every;   /* counts only when made in every iteration (c[-1] = c[-1].copy()) ... */
  VlSpan at;            /* ... at this statement (vl_frame_clear: the statement running; a method's
                           clear applied at a call: the calling statement) */
} ClearEv;

/* ---- the heap: contents of objects, flow-insensitive per frame ---- */
typedef struct Heap {
  VlHeapEntry *entries;
  uint32_t n, cap;
  uint32_t *index; /* open addressing over entries, by site pointer */
  uint32_t icap;
  bool changed;
  uint32_t version; /* bumped whenever anything in it grows */
} Heap;

/* The last run of a loop in this frame: run again from the same state, it would do the same. */
typedef struct LoopMemo {
  const VlVal **entry; /* NULL: none yet */
  const VlVal *elem;
  uint32_t heap_version;
  int pass;
  const VlVal **back, **breaks;
} LoopMemo;

/* Evidence for an attribute of a local (self.pool[:, 0] proves self.pool has 2 dims). */
typedef struct AttrEvidence {
  uint16_t slot;
  VlId name; /* string id */
  uint8_t lo;
} AttrEvidence;

/* The local slots a compound statement can read or write (see stmt_slots in interp.c). */
typedef struct VlSlots {
  uint32_t n;
  uint16_t s[];
} VlSlots;

typedef struct LoopCtx {
  VlId loop;
  const VlSlots *slots;     /* what brk and cont hold: these slots of the environment (NULL: all) */
  const VlVal **brk, **cont; /* joined environments at break / continue (NULL: none yet) */
  struct LoopCtx *outer;
  bool unrolled; /* a loop over a tuple's known items, run once per item (interp.c: exec_unrolled) */
} LoopCtx;

typedef struct CompEnv {
  VlId func; /* a comprehension's scope */
  const VlVal **env;
  struct CompEnv *outer;
} CompEnv;

struct Frame {
  Analysis *an;
  VlArena *scratch; /* the frame's own state (environments, snapshots, loop memos, parameters), reset
                       when the frame ends (vl_frame_free): nothing that outlives the frame (values,
                       strings, summaries, heap names, Analysis tables) may be allocated in it */
  VlId func;
  const VlVal **env;
  uint32_t nenv;
  const VlVal **env_spare; /* copies of the whole environment a statement is done with, in scratch, for
                              the next (interp.c: env_copy, env_give); each holds the next in slot 0 */
  bool dead; /* after return, raise, break, continue: no state flows on */
  VlId disp;                   /* the last list display evaluated, and its items' values (up to 16): */
  const VlVal *disp_items[16]; /* what np.concatenate([a, b], axis=1) sums its sizes from (ops.c) */
  uint8_t ndisp;
  uint32_t stmt_start; /* the statement of the body being run (where a clear happens), byte offset */
  VlId loop;
  LoopCtx *lctx;
  CompEnv *comps;
  Heap heap;
  const VlVal *ret, *yields;
  VlId yield_at; /* the yielded expression a consumer's report points at (a view when there is one) */
  VL_VEC(StoreEv) stores;
  VL_VEC(ClearEv) clears;
  /* attributes an analysis for what a call passes copied from the caller's heap (inherit_heap):
   * not set by this function, they are no effects of it (their values hold the caller's symbols) */
  VL_VEC(struct InheritedAttr { const VlSite *site; const char *name; const VlVal *val; }) inherited;
  VL_VEC(VlEffect) effects;
  VL_VEC(const VlSite *) reported_into; /* containers a reported store put views into (retain.c) */
  /* lists made of every item of another container, in its order or another (`[xs[i] for i in
   * np.argsort(keys)]`, `[x for x in xs]`): if the new list outlives the call, so do the items the
   * source holds, as if the source were kept (retain.c: escaping) */
  VL_VEC(struct Regather { const VlSite *site; const VlVal *source; }) regathered;
  /* calls of a parameter (`model(x)`, `model.predict(x)`) made in loop `loop` on what that loop makes
   * anew, or on what the caller passes: which model runs, a caller knows; each call's result is new in
   * each iteration (ops.c: param_loop_call, retain.c: loop_store_effects) */
  VL_VEC(struct ParamLoopCall { const VlObj *call; VlId loop; }) param_loop_calls;
  VL_VEC(struct HookReg { const VlVal *fn; VlId call; uint8_t kind; }) hooks; /* calls that register fn to be
                                               called once per step of a library's loop (VlHookKind) */
  const VlVal **params; /* the symbols standing for the parameters */
  uint8_t *evidence;    /* per slot: ndim the uses prove (0: none; 1: an array of unknown ndim) */
  uint8_t *lib_evidence;/* per slot: the library its method calls prove (0: none or several) */
  const AttrEvidence *attr_ev;
  uint32_t nattr_ev;
  int pass;
  LoopMemo *loop_memo; /* by loop id - loop_base: the loops of this function (and those nested in it) */
  VlId loop_base, nloop_memo;
  bool module_prepass;  /* the module body's first walk: calls of this module's functions are not followed */
  bool param_calls;     /* it called something reached from a parameter it could not resolve */
  uint8_t param_mask;   /* ... on which of its first 8 parameters (bit p) */
  bool size_deferred;   /* it made a deque whose maxlen is a parameter, zipped the rows a parameter
                           holds, or kept rows of a range of known length over an axis of a size it
                           was passed (VlSummary.size_deferred) */
  bool passes_deferred; /* it passed what its parameters hand out to a callee whose loops store it
                           undecided (a loop_deferred summary): its callers decide (VlSummary.loop_deferred) */
  bool specialised;     /* analysed for the objects a call passes (vl_specialise): those are the caller's */
  bool piece_index;     /* a loop of its own indexed a piece of a parameter's array (`chunk[0]` of
                           np.array_split(p, k)) with an integer, undecided for want of its ndim: its
                           callers decide (VlSummary.loop_deferred, VL_SPECIAL_ROWS) */
  VlId stmt_call;       /* the expression statement being run (a call made for its effects: VL_EFF_CALL) */
  bool loop_call;       /* applying a callee's VL_EFF_CALL made in its loop: stores are StoreEv.loop_call */
  struct FoldSink *fold;/* folding (functools.reduce): the VL_EFF_FOLD effects the step's summary applies at
                           depth fold_depth, collected (ops.c: fold_call) */
  int fold_depth;
  VlId ret_expr;        /* the returned expression being evaluated (interp.c: fold_effect) */
  const VlVal *bound0;  /* an analysis for what a call passes (vl_specialise): what it bound the first
                           parameter to (interp.c: of_first_param) */
  /* `obj[k] = v` being run as obj.__setitem__(k, v) (interp.c: dunder_setitem): the value passed and
   * its expression.  A store the method makes of that value itself is reported at this line, where
   * it reads as a mapping's store, as for a dict (summary.c) */
  const VlVal *setitem_value;
  VlId setitem_call, setitem_expr;
  bool param_index;     /* a loop of its own indexed an array with an item computed from a parameter of
                           its own (`u[:, w - 16]`, also in a callee's deferred subscript): whether it is
                           an integer, its callers decide (VlSummary.loop_deferred) */
};

/* ---- per-module analysis ---- */
typedef enum FuncState { FS_NONE = 0, FS_BUSY, FS_DONE } FuncState;

/* waits_for_as calls folded (analysis.c): any made; the and of their `attr`; the busy function of the
 * last (seq: which call it was). */
typedef struct WaitMark {
  bool any, attr;
  VlId busy;
  uint64_t seq;
} WaitMark;

typedef struct FuncData {
  uint8_t state;
  const struct VlSlots *bound; /* the slots its def, class and import statements bind (made on demand) */
  VlId loop_lo, loop_hi;    /* the ids of its loops and of the functions nested in it: [lo, hi], none when lo is 0 */
  AttrEvidence *attr_ev;
  uint32_t nattr_ev;
  bool recursed;            /* a call reached it while it was being analysed */
  bool attr_wait;           /* provisional only for reading what a busy method had set on self so far
                               (not a call cycle: calling it then is no recursion) */
  bool provisional;         /* its last analysis read the summary of a function still being analysed
                               (not itself): it is analysed again once that one is done */
  uint8_t attempts;         /* provisional analyses so far */
  VlId waiting_on;          /* provisional: the busy function it read */
  struct Frame *live;       /* while it is being analysed: its frame (what it has set so far) */
  size_t stack_pos;         /* while it is on Analysis.active: its position there */
  const VlSummary *self_set_of; /* the summary self_set was made of (analysis.c: self_set_bits) */
  uint64_t self_set;        /* the names its summary assigns as self.<name>, hashed to one bit each */
  uint32_t *cells;          /* its slots that nested functions read (closure variables), sorted */
  uint32_t ncells;
  uint8_t *cell_int;        /* per cell (parallel to cells): 1 an int, 2 not, 0 not yet decided (interp.c) */
  const VlSummary *summary; /* this module's own form */
  uint8_t *evidence;
  uint8_t *none_tested;     /* per slot: an `if x is None` / `is not None` / `x == "literal"` tests it */
  uint8_t *lib_evidence;
  bool calls_evidence;      /* evidence recomputed with what calls of this module's functions prove */
  bool memo_known;          /* memo is decided (vl_memo_decorator: it reads the whole module once) */
  VlId memo;                /* its unbounded functools cache decorator, or 0 */
} FuncData;

struct Analysis {
  const VlId *funcs_by_name; /* string id -> module-level function of that name (evidence from calls) */
  uint8_t *method_libs;      /* string id -> method_lib's answer for that method name, plus 1 (0: not
                                asked yet), called without and with an integer literal (2 per id) */
  uint64_t method_bloom;      /* one bit per name of a method of this module's classes (vl_project_method) */
  bool method_bloom_known;
  const VlSlots **stmt_slots; /* by statement id: the slots it touches (stmt_slots in interp.c), made on demand */
  struct NameRefs *name_refs; /* by function: its slots' name expressions, by position (made on demand) */
  int32_t *module_slots;      /* string id -> the module body's slot of that name, or -1 (made on demand) */
  Heap module_heap;           /* the module body's heap after its first run: what global containers
                                 hold, read (not changed) by functions (vl_heap_find) */
  struct AssignIx *assign_ix; /* by expression: the assignments of it (retain.c, made on demand) */
  uint32_t *regrown, nregrown; /* where the values of `c[k] = f(c[k])` start, sorted (retain.c, on demand) */
  bool regrown_made;
  uint32_t grad_resets[16];   /* where gradients are cleared to None (ops.c: fresh_grad, on demand) */
  uint8_t ngrad_resets;
  bool grad_resets_made;
  uint8_t *imported;          /* by string id: bound by an import statement (made on demand) */
  uint8_t *seen;              /* scratch marks by slot (stmt_slots), all 0 between uses; nseen of them */
  uint8_t *ready;             /* vl_program_ready's scratch: the jobs done before this module's */
  uint32_t nseen;
  VlProgram *prog;
  VlModInfo *mi;
  const VlModule *m;
  const VlKnowledge *know;
  const VlLibraryExtensions *ext;
  VlArena *arena;
  VlArena *spare[16];      /* frames' scratch arenas, reset, for the next frames (interp.c: frame_setup) */
  uint32_t nspare;
  VlValues *vals;
  FuncData *fd;
  const VlVal **globals;   /* the module body's environment (final after the prepass) */
  const VlVal **prepass_env; /* while the prepass runs, its environment: what a class made there sees */
  bool globals_final;
  int depth;               /* nested function analyses */
  const VlFuncInfo *applying[32]; /* the summaries being applied, outermost first (summary.c) */
  int napplying;
  VL_VEC(VlId) active;     /* the functions being analysed, outermost first */
  VL_VEC(WaitMark) waits;  /* by position in `active`: what waits_for_as marked on the functions there and
                              above, not yet written to their FuncData (analysis.c: waits_for_as) */
  uint64_t wait_seq;       /* waits_for_as calls so far */
  VlPtrMap method_ix;      /* VlClassInfo -> its methods by name (analysis.c: vl_class_method; classes
                              of many methods, this module's or imported: kept here, not in the class) */
  VlPtrMap hint_lists;     /* VlClassInfo -> the methods its attribute hints still look at (analysis.c:
                              vl_class_attr_hint; classes of many methods) */
  VlPtrMap bound_methods;  /* VlClassInfo -> its class variables bound to a function (analysis.c:
                              vl_class_method; classes of many class variables) */
  VlId *star_imports;      /* the module's `from X import *` statements, in order (interp.c: builtin, made
                              on first use: every name that is neither bound nor a known builtin asks) */
  uint32_t nstar_imports;
  bool star_imports_built;
  VlId *str_tests;         /* `x == "lit"` / `x != "lit"` comparisons of the module, by position (built on
                              first use: analysis.c: string_tested_param) */
  uint32_t nstr_tests;
  bool str_tests_built;
  size_t hint_floor;       /* active.len when the innermost attribute hint (vl_class_attr_hint) started
                              analysing a method: the functions below it did not call it */
  VL_VEC(struct Special *) specials; /* analyses of functions for the project objects passed to them */
  uint64_t budget;         /* evaluation steps left; when spent, everything is unknown */
  uint8_t seq_depth;       /* nn.Sequential calls being chained (ops.c: seq_chain), at most 4 deep */
  bool stats, debug;       /* VIEWLEAK_STATS, VIEWLEAK_DEBUG */
  uint8_t *hand_memos;     /* per string id of a decorator's name: 0 not asked yet, 1 no, 2 a hand-written
                              memo decorator (interp.c: hand_memo, decided once per name) */
  const VlFlowSink *sink;
  void (*probe)(void *ctx, const struct Frame *frame);
  void *probe_ctx;
  VL_VEC(uint64_t) reported; /* hits already reported: (module index << 32 | byte) */
  uint64_t *assigns_by_start; /* the module's assignment statements (plain and augmented) as (start byte
                                 << 32 | statement id), sorted: those of a class are a range
                                 (interp.c: ring_attr; made on demand) */
  uint32_t nassigns;
  uint64_t *by_start[2];      /* every expression [0], every statement [1], as (start byte << 32 | id),
                                 sorted: those starting within a span are a range (vl_by_start) */
};

/* The module's expressions (stmts false) or statements (true) as (start byte << 32 | id), sorted by
 * start, made once per analysis; *n gets their count.  Those starting within a span are the range from
 * vl_first_at(span.start) to vl_first_at(span.end). */
const uint64_t *vl_by_start(Analysis *an, bool stmts, uint32_t *n);
/* The first entry of ix[0 .. n) (sorted as vl_by_start's) starting at or after byte `start`. */
uint32_t vl_first_at(const uint64_t *ix, uint32_t n, uint32_t start);

/* "Was the finding at `at` reported already": the first `upto` entries of Analysis.reported are
 * searched (a speculative analysis rolls the list back to where it started). */
static inline bool vl_was_reported(const Analysis *an, VlSpan at, size_t upto) {
  uint64_t key = (uint64_t)at.mod->index << 32 | at.start;
  for (size_t k = 0; k < upto; k++)
    if (an->reported.items[k] == key) return true;
  return false;
}

/* Record the finding at `at` as reported; false when it was already (do not report it again). */
static inline bool vl_report_once(Analysis *an, VlSpan at) {
  if (vl_was_reported(an, at, an->reported.len)) return false;
  VL_VEC_PUSH(&an->reported, (uint64_t)at.mod->index << 32 | at.start);
  return true;
}

/* interp.c */
const VlVal *vl_eval(Frame *F, VlId e);
/* Is `name` a method only arrays have (reshape, transpose, astype, ...; a str, list or dict has none):
 * calling it on a value is evidence that the value is an array. */
bool vl_array_only_method(const char *name);
const VlSummary *vl_func_summary(Analysis *an, VlId func);
/* The value of a nested function defined now in F: this module's function `func`, with the current
 * values of F's closure variables captured (so that a caller that gets the function back knows
 * what its cells hold). */
const VlVal *vl_closure_value(Frame *F, VlId func);
/* The name (a name or dotted attribute) the statement `name = expr` binds to expression expr of
 * this module, or NULL; *stmt (when not NULL) receives that statement. */
const char *vl_assigned_name(Analysis *an, VlId expr, VlId *stmt);
/* Is NEW site s of this module made again in every iteration of a loop of its function (a
 * comprehension's clause too), so that a call of that function makes many, one per iteration
 * (summary.c: made_per_iteration; exported as VlSite.looped for callers in other modules)?  Made by
 * an expression a `for` loop or comprehension runs: yes; a `while` loop: only an array made from
 * nothing tracked. */
bool vl_site_looped(const Analysis *an, const VlSite *s);
/* Can the caller see container o (so that a store into it is an effect of the call)?  A symbol (a
 * parameter, an attribute of one, a global), an object a module body made (a global), or an object
 * some other function made (passed in by a specialised call, vl_specialise). */
bool vl_caller_visible(const Frame *F, const VlObj *o);
/* What a fold's step grows (VL_EFF_FOLD applied by summary.c for ops.c: fold_call). */
typedef struct FoldSink {
  VL_VEC(VlEffect) grown; /* target and value instantiated with the caller's values */
} FoldSink;

/* Is o (a callee) a callback held in a container reached from a parameter of F's function? (VL_EFF_CALL) */
bool vl_held_callback(const Frame *F, const VlObj *o);
/* The summary of this module's function `fi` analysed again with, per `what`, the project objects
 * (instances, functions, classes) a call passes for its parameters (VL_SPECIAL_OBJECTS: when its own
 * summary says it calls methods of its parameters, VlSummary.specialise) and the arrays of known ndim
 * and random generators it passes (VL_SPECIAL_SHAPES: when the summary returns a new array of unknown
 * ndim); both, for a model's forward called with a shaped input.  NULL when there is nothing to gain
 * or it is already being analysed so.  Its loops are checked for leaks too. */
enum {
  VL_SPECIAL_OBJECTS = 1,
  VL_SPECIAL_SHAPES = 2,
  VL_SPECIAL_NONE = 4,
  VL_SPECIAL_ROWS = 8,
  VL_SPECIAL_STEPS = 16,
  VL_SPECIAL_ITEMS = 32
};
/* (VL_SPECIAL_ITEMS, for a DataLoader's collate function: a list of the items a Dataset hands out,
 * arrays of any ndim in tuples or dicts, counts: what the function regroups, the items say) */
/* (VL_SPECIAL_STEPS, for a loop_deferred summary: an iterator handing out arrays made anew at each
 * step, of any ndim, counts: whether what its loop keeps is new per step, the iterator passed says) */
/* (VL_SPECIAL_ROWS, for a loop_deferred summary: an array known to have 2 axes or more counts as one
 * of known ndim, since it decides an integer index of its pieces) */
/* (VL_SPECIAL_NONE: the parameters the function tests with `is None` that the call decides: None
 * passed or left to a None default, or a value that is never None; or with `== "literal"`: a string
 * of known text passed) */
const VlSummary *vl_specialise(Frame *caller, const VlFuncInfo *fi, const VlVal *self, const Args *a, unsigned what);
/* The value of a parameter's literal default (VlParamInfo.dflt), or NULL: what a call that does not
 * pass the parameter binds (summary.c). */
const VlVal *vl_param_default(Frame *F, const VlFuncInfo *fi, uint16_t p);
/* Does parameter p have a string default of known text (the literal defaults another module's call
 * binds, VlFuncInfo.dflt_summary), and is v exactly that value? */
bool vl_literal_default(const VlFuncInfo *fi, uint16_t p);
bool vl_is_literal_default(const VlFuncInfo *fi, uint16_t p, const VlVal *v);
/* What a call binds to a `*args` parameter (a tuple of the positional arguments no other parameter
 * takes, in order) and to a `**kwargs` one (a new dict, made by the call, of the keywords no other
 * parameter takes). */
const VlVal *vl_varargs_tuple(Frame *F, const VlFuncInfo *fi, const Args *a, bool self);
const VlVal *vl_kwargs_dict(Frame *F, const VlFuncInfo *fi, const Args *a, VlId call);
void vl_frame_init(Frame *F, Analysis *an, VlId func);
/* A frame of the module body that reads (and binds into) the module's globals in place, with no
 * loop memos: to evaluate an expression where a module-level statement is (a class's bases) without
 * a copy of every global, which per class was quadratic in a module of many classes. */
void vl_frame_init_globals(Frame *F, Analysis *an);
void vl_frame_free(Frame *F);
/* The decorators of the module's top-level classes and functions, run after its first walk into the
 * heap it left (a registry filled by a decorator), see interp.c. */
void vl_module_decorators(Analysis *an);
void vl_frame_run(Frame *F);
/* Emits a store event (from the body, or a callee's effect applied here). */
void vl_frame_store(Frame *F, const StoreEv *ev);
/* Notes that `container` is emptied (or dropped) here, in the loop and at the statement being run. */
void vl_frame_clear(Frame *F, const VlVal *container);
/* Has a store of this frame, other than `except`, stored (an object of) v: the same object, or one of
 * the same site?  (`self.episodes.append(self._current)` before `self._current = []`.) */
bool vl_frame_stored(const Frame *F, const VlVal *v, const StoreEv *except);
/* The heap entry of a site, created when absent. */
VlHeapEntry *vl_heap_get(Frame *F, const VlSite *site);
VlHeapEntry *vl_heap_find(const Frame *F, const VlSite *site);
void vl_heap_add_elem(Frame *F, const VlSite *site, const VlVal *v);
void vl_heap_set_attr(Frame *F, const VlSite *site, const char *name, const VlVal *v);
const VlVal *vl_heap_attr(const Frame *F, const VlSite *site, const char *name);
/* Adds v to what the container at site holds, as vl_heap_add_elem, which is this with `loose` set:
 * a copy of another entry's contents passes that entry's `loose` (summary.c, ops.c restep). */
/* Frees a heap's entries (the module heap at the end of a module). */
void vl_heap_free(Heap *h);
void vl_heap_move_elem(Frame *F, const VlSite *site, const VlVal *v, bool loose);
/* What the object at `from` holds (elements, keys, attributes), filed under `to` as well, each value
 * passed through map(F, v, ctx) first: an object given a new site (a per-step variant) keeps its
 * contents (analysis.c: mark_steps, ops.c: restep). */
void vl_heap_carry(Frame *F, const VlSite *from, const VlSite *to,
                   const VlVal *(*map)(Frame *F, const VlVal *v, void *ctx), void *ctx);
/* A dict's value under a literal string key: filed per key as well as joined (interp.c). */
void vl_heap_dict_put(Frame *F, const VlSite *site, const VlVal *key, const VlVal *v);
/* {**d} and dict(d): d's values (per key when d has literal keys only) into the dict at site; false when
 * d is no dict we can see into, after marking the dict at site open (VL_DICT_OPEN; interp.c). */
bool vl_heap_dict_splat(Frame *F, const VlSite *site, const VlObj *d);
/* A dict's value under literal string key k is filed as the attribute VL_DICT_KEY_MARK k of its entry
 * (a byte no attribute name starts with: keys share the attributes' table and every path over it;
 * docs/design.md, "Still text, on purpose"). */
#define VL_DICT_KEY_MARK '\x1f'
/* The attribute of a dict's heap entry that marks it open: made by dict(mapping, **kwargs) of keywords
 * not known here, it may hold keys other than its literal ones.  Lookups of those still answer (the
 * defaults a config merges over), but f(**d) passes keywords not known (interp.c: vl_dict_keywords). */
#define VL_DICT_OPEN "\x1e**"
/* How many literal string keys a dict's heap entry files its values under, when those are all it holds
 * (a record: `{"box": b, "score": s}`, `dict(k=v)`), else -1 (values under other keys, or `loose`). */
int vl_heap_dict_keys(VlValues *vals, const VlObj *dict, const VlHeapEntry *e);
/* What dict[key] holds when the key is a literal string and the per-key values cover the dict, or NULL. */
const VlVal *vl_heap_dict_get(Frame *F, const VlObj *dict, const VlVal *key);
/* Text of an expression when short (<= 40 bytes), else NULL. */
const char *vl_expr_text(Analysis *an, VlId e);
VlSpan vl_expr_span(Analysis *an, VlId e);
/* The decorator that puts function `func` under an unbounded functools cache (@functools.cache,
 * @lru_cache(maxsize=None)), or 0: a module-level function or a method whose cache_clear() the
 * module never calls (interp.c). */
VlId vl_memo_decorator(Analysis *an, VlId func);

void vl_assign(Frame *F, VlId target, const VlVal *v, VlId value_expr);
void vl_classify_index(const VlKnowledge *know, Index *ix, int at, const VlVal *item, bool advanced_syntax);
/* An index held in a value that is a tuple of slice objects, ints and None (`roi = (slice(100, 164), 0)`;
 * `img[roi]`, `itemgetter(roi)(img)`): ix and items as if written out; false for anything else. */
bool vl_expand_index_tuple(const VlKnowledge *know, Index *ix, const VlVal **items, const VlVal *iv);
void vl_augassign(Frame *F, const VlStmt *st);
const VlVal *vl_import_binding(Frame *F, const VlStmt *st);

/* ops.c */
/* Is v a share of a length (`x.size // 256`, `len(x) // 4`), maybe joined with 1 (`max(1, n // k)`)?  As
 * a slice's step it keeps about that many entries of the axis: a part of it. */
bool vl_share_step(const VlVal *v);
const VlVal *vl_op_subscript(Frame *F, const VlVal *base, const Index *ix, const VlVal *const *items, VlId expr);
const VlVal *vl_op_attr(Frame *F, const VlVal *obj, const char *name, VlId expr);
/* What the program knows of function `func` of module `mod` (this module's, or one analysed before). */
const VlFuncInfo *vl_func_info(Frame *F, const VlModInfo *mod, VlId func);
/* obj.name = v where obj's class has a property setter of that name: runs it (with `expr`, the
 * assignment's target, as the call); true when it ran for every object of obj. */
bool vl_op_set_property(Frame *F, const VlVal *obj, const char *name, const VlVal *v, VlId value_expr, VlId expr);
const VlVal *vl_op_call(Frame *F, const VlVal *callee, Args *a, VlId expr);
/* f(**d) of a dict d all of whose values came in under literal string keys: adds them to a as
 * keywords (interp.c); false when it may hold others. */
bool vl_dict_keywords(Frame *F, const VlVal *d, Args *a);
const VlVal *vl_op_binop(Frame *F, int op, const VlVal *l, const VlVal *r, VlId expr);
/* x op= y: an array operand is changed in place (the same object); of a symbol, the deferred operation
 * is marked VL_OP_INPLACE, so that a caller passing an array gets that array back (summary.c). */
const VlVal *vl_op_augmented(Frame *F, int op, const VlVal *cur, const VlVal *rhs, VlId expr);
/* What `for x in it` binds x to, in loop `loop` (0: an implicit loop, as list(it)). */
const VlVal *vl_op_iter_elem(Frame *F, const VlVal *it, VlId loop, VlId expr);
/* Unpacking: element i of n of a value (a, b = v). */
/* Item i of v unpacked into n targets; `exact`: no starred target, so an array unpacked has exactly n
 * rows (each shows 1/n of it). */
/* A slice object (slice(100, 164)): a VL_O_LIB whose index says whether it narrows its axis. */
bool vl_slice_obj(const VlObj *o);
const VlVal *vl_op_unpack(Frame *F, const VlVal *v, int i, int n, bool exact, VlId expr);
const VlVal *vl_op_truth(Frame *F, const VlVal *v);
/* A new object of the given kind made at expression `expr` of this frame. */
const VlSite *vl_new_site(Frame *F, VlId expr, VlHow how);
/* An object's identity: its site, or for a symbol the site that stands for it. */
const VlSite *vl_obj_site(Frame *F, const VlObj *o);
const VlVal *vl_new_seq(Frame *F, VlSeqKind kind, VlId expr);
const VlVal *vl_new_array(Frame *F, VlHow how, VlLibId lib, VlNdim nd, VlId expr);
const VlVal *vl_lib_value(Frame *F, const char *qualified);
/* The array objects of a value with evidence applied (a symbol used as an array becomes one). */
const VlVal *vl_as_array(Frame *F, const VlVal *v, VlNdim evidence);

/* summary.c */
/* `closure`: the cells a nested function's value captured (VlObj.key of a FUNC), or NULL. */
/* A variable's value whose arrays of unknown ndim (from a rebinding not followed) take the ndim its
 * other arrays prove, as a rebinding of an array usually keeps it. */
const VlVal *vl_nd_floor(Frame *F, const VlVal *v);
/* v with no view marked VL_F_EVERY (what one store of a piece puts in a container). */
const VlVal *vl_not_every(Frame *F, const VlVal *v);
/* What a call would return, its effects left out (summary.c). */
const VlVal *vl_summary_result(Frame *F, const VlFuncInfo *fi, const VlSummary *s, const VlVal *self, const Args *a,
                               VlId call);
/* A value of fi's summary (a store effect's) as a call with self and a would make it, its effects left
 * out (retain.c: a callback's store read with the instance it is bound to). */
const VlVal *vl_summary_value(Frame *F, const VlFuncInfo *fi, const VlSummary *s, const VlVal *self, const Args *a,
                              const VlVal *v, VlId call);
const VlVal *vl_apply_summary(Frame *F, const VlFuncInfo *fi, const VlSummary *s, const VlVal *self, const VlVal *closure,
                              const Args *a,
                              VlId call);
/* A value from another module's exports, re-interned here (sites of NEW objects stay theirs). */
const VlVal *vl_import_val(Frame *F, const VlVal *v);
/* What iterating a value gives (a container's elements, an array's rows), steps not yet bound. */
const VlVal *vl_op_elems(Frame *F, const VlVal *it, VlId expr);
/* The heap attribute holding, as a tuple, the items a project list subclass's instance was made with
 * from a list display (`Procs([p, q])`, ops.c: construct) */
#define VL_LIST_ORDER "<items in order>"
void vl_unpack_index(uint32_t packed, Index *ix);

/* retain.c */
void vl_retain_check(Frame *F);
/* Does an argument of call expression `call` vary with the target of the frame's innermost loop (read
 * it, or a name bound in the loop from it): a new key for a cache in every iteration? */
bool vl_retain_call_varies(const Frame *F, VlId call);
/* Is o an instance of a project class deriving from a library container (dict, list, OrderedDict):
 * one whose subscript stores are its own? */
bool vl_container_instance(const Frame *F, const VlObj *o);
/* Is store ev (of this function, in a loop) made in every iteration of its loop: a statement of the
 * loop's body reached whenever the body runs, nothing leaving the iteration before it? */
bool vl_store_every_iteration(const Frame *F, const StoreEv *ev);
/* A summary's store effect, seen over one call: views whose base has every slab stored by the
 * function's loops are exported as showing their whole base (see retain.c); `handed_back`: a store
 * into a list the call hands back, whose loop under a test of values may still store every slab. */
void vl_effect_over_call(Frame *F, VlEffect *ef, bool handed_back);
/* Every store the function makes into the container of `site` puts in one of every piece of a base,
 * in every iteration: over one call it holds all of each (see retain.c); `views`: those pieces. */
bool vl_fills_every_piece(const Frame *F, const VlSite *site, const VlObj **views, int max, int *n);
/* What a generator yields at `at`, in loop `loop`, with its pieces marked one of every piece of their
 * base when the loop hands out each of them (see retain.c). */
const VlVal *vl_yield_pieces(Frame *F, const VlVal *v, VlId loop, VlSpan at);

/* analysis.c */
const VlFuncInfo *vl_an_func(Analysis *an, VlId func);
const VlClassInfo *vl_an_class(Analysis *an, VlId klass);
/* A project class's method by name (through its bases), or NULL; *owner receives its class. */
const VlFuncInfo *vl_class_method(Frame *F, const VlClassInfo *k, const char *name, int depth);
/* The setter (`@name.setter`) of property `name` of the class or a base class, or NULL. */
const VlFuncInfo *vl_class_setter(Frame *F, const VlClassInfo *k, const char *name, int depth);
/* fn with, for each method bound to `self` (a symbol: any instance of its class), the overrides of that
 * method in the subclasses of this module, bound to the same receiver: a base class's method registering
 * `self.hook` registers the hook its subclass defines (a template method). */
const VlVal *vl_with_overrides(Frame *F, const VlVal *fn);
const VlVal *vl_class_attr_hint(Frame *F, const VlClassInfo *k, const char *name, int depth);
/* Does a class of this module define a method named `name`? */
bool vl_project_method(Analysis *an, const char *name);

#endif
