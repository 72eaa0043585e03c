/* program.h: the whole program as the analysis sees it: modules, their functions and classes,
 * function summaries, and the retention hits found.
 *
 * A VlProgram is created with every module it will analyse (names known up front, so modules can
 * refer to each other); each module is then analysed once (analysis.c), by one thread, after the
 * modules it imports (the driver schedules along the import graph; an import cycle is analysed by
 * one thread in a fixed order).  A module's analysis writes only its own VlModInfo; it reads the
 * infos of modules already analysed.  So no locks are needed and results do not depend on timing.
 *
 * What a module exports (summaries, global values, class facts) lives in that module's own arena
 * and interner, and stays until the program is deleted; a module reading another's values copies
 * them into its own interner first (vl_import_val). */
#ifndef VL_FLOW_PROGRAM_H
#define VL_FLOW_PROGRAM_H
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "flow/value.h"
#include "ir/ir.h"
#include "knowledge/libtable.h"
#include "viewleak/viewleak.h"

typedef struct VlProgram VlProgram;

/* A place in some module's source. */
typedef struct VlSpan {
  const VlModInfo *mod;
  uint32_t start, end;
} VlSpan;

/* How a value reaches a container. */
typedef enum VlStoreKind {
  VL_ST_APPEND = 1, /* c.append(v), c.appendleft(v), c.insert(i, v), c.add(v) */
  VL_ST_EXTEND,     /* c.extend(vs), c += vs, c = c + vs: each element of vs */
  VL_ST_SETITEM,    /* c[k] = v, c.setdefault(k, v), c.update(...) */
  VL_ST_HEAPPUSH,   /* heapq.heappush(c, v) */
  VL_ST_ELEMENT,    /* an element of a comprehension, list(generator), ...: the new container */
  VL_ST_MEMO        /* a value returned by a function under an unbounded functools cache: its memo
                       keeps it, a new entry only for new arguments (vl_memo_decorator) */
} VlStoreKind;

typedef enum VlEffectKind {
  VL_EFF_STORE = 1, /* target (a container) receives value */
  VL_EFF_SETATTR,   /* target.name = value */
  VL_EFF_SETCELL,   /* a closure variable (func, slot) = value */
  VL_EFF_SETGLOBAL, /* a module global (slot) = value */
  VL_EFF_CLEAR,     /* target (a container) is emptied */
  VL_EFF_CALL,      /* value: a call (VL_SYM_CALLV) of a callback the caller's objects hold, made for its
                       effects (`for cb in self._subscribers: cb(frame, dets)`), or of a method of a
                       parameter in a loop (loop_call): made again with the caller's values, its
                       stores are the caller's */
  VL_EFF_FOLD       /* `return acc + (v,)` (or `ids, acc + (v,)`), acc an item of the first parameter:
                       target acc grows by value's elements when the caller folds, rebinding what it
                       passes to what the call returns (functools.reduce: ops.c fold_call); no store
                       for any other caller, which may keep the old tuple and drop the new one */
} VlEffectKind;

typedef struct VlEffect {
  uint8_t kind;  /* VlEffectKind */
  uint8_t store; /* VlStoreKind */
  bool key_varies;      /* SETITEM: the key differs from call to call */
  bool each_element;    /* STORE: over one call, every element of the parameter the value is an element
                           of is stored (for row in rows: out.append(row)): a caller passing a whole
                           array stores all its rows, which show all of it */
  bool carried;         /* STORE: a value of a display the callee builds and hands back (interp.c:
                           display_stores): the summary's heap carries it already, per key; applying
                           the effect adds nothing to the container */
  bool every_call;      /* STORE: made once on every call (no loop around it, no if but a presence
                           test, nothing leaving before it): a caller's loop calling it in every
                           iteration stores in every iteration (retain.c: stores_every_piece) */
  bool inner;           /* STORE: `at` is the one element of a stored display that makes a view
                           (ops.c: inner_view_elem), not the display: where a caller reports the view
                           this call makes */
  bool loop_call;       /* CALL: a method of a parameter called in a loop of the function, with an
                           argument made anew in each iteration (`trace.record(step, logits)`): a
                           caller passing a project instance checks its stores with the call as the
                           loop (ops.c: loop_call_args, retain.c: loop_call_check).
                           STORE: made in a loop of the function, of what a parameter's call there
                           makes (`kept.append(model(x))`), into a container that outlives that loop:
                           a caller checks it with the call as the loop (retain.c: loop_store_effects) */
  uint32_t fix_at;      /* STORE: byte after which `.copy()` goes */
  uint32_t made_start, made_end; /* STORE loop_call: where the parameter's call is (its statement when it
                                    binds a name, then in `name`), in at.mod: where the array is made */
  const VlVal *key;     /* SETITEM c[k] = v: k's value; a caller whose argument makes it one constant
                           (set_item(cache, "last", v)) stores into one slot on every call */
  const VlVal *target;
  const char *name;     /* SETATTR; STORE loop_call: the name bound to the parameter's call (`out`), or NULL */
  VlId func;            /* SETCELL: the closure's defining function */
  uint32_t slot;        /* SETCELL, SETGLOBAL */
  const VlVal *value;
  VlSpan at;            /* STORE: the stored expression (where a finding is reported) */
  const char *text;     /* STORE: the stored expression's text, when short */
  const char *container;/* STORE: the container's text, when short */
} VlEffect;

/* Contents of an object a function makes and hands back (its attributes, its elements). */
typedef struct VlAttr {
  const char *name;
  const VlVal *val;
} VlAttr;

typedef struct VlHeapEntry {
  const VlSite *site;
  const VlVal *elem, *key;
  VlAttr *attrs;
  uint16_t nattrs, cap;
  bool loose; /* a dict: some value came in under a key that is not a literal string, or by a way that
                 names no key (update, a comprehension): its per-key values do not answer lookups */
} VlHeapEntry;

typedef struct VlSummary {
  const VlVal *ret;    /* what a call returns (the empty value: never returns) */
  const VlVal *yields; /* a generator: what each step yields */
  VlSpan yield_at;     /* ... and where (reported there when a consumer collects the steps) */
  const char *yield_text;
  const VlEffect *effects;
  uint32_t neffects;
  bool rows_deferred; /* (beside neffects: no larger) a loop of its own stored an unknown where an
                         integer index of a parameter's pieces (`chunk[0]` of np.array_split(p, k))
                         was left undecided for want of p's ndim: an array of 2 axes or more that a
                         call passes counts as shaped (VL_SPECIAL_ROWS); also loop_deferred */
  const VlHeapEntry *heap; /* contents of the new objects reachable from ret/yields/effects */
  uint32_t nheap;
  bool specialise; /* it calls methods of its parameters (`model.step()` on a `model` parameter):
                      a call passing instances of project classes analyses it again for them */
  uint8_t specialise_params; /* ... which of its first 8 parameters (bit p) */
  bool size_deferred; /* it makes a deque whose maxlen is a parameter (`deque(maxlen=capacity)`): a
                         call passing a size analyses it again, to know whether the deque is a
                         window or a buffer (ops.c: deque); or it transposes the rows a parameter
                         holds (`zip(*samples)`): a call passing a list of tuples analyses it again;
                         or its loop keeps rows `range(3)` of an array of a size it is passed
                         (`np.random.rand(n, 512)`): a call passing the size decides (retain.c:
                         counter_slab) */
  bool loop_deferred; /* a loop of its own stores what is computed from its parameters, undecided
                         here (`x = rng.random(n)` or `pos = pos + dt` on a parameter, then
                         kept.append(x[:2])): a call passing arrays or generators analyses it again
                         with them, and its loops are checked then */
} VlSummary;

/* A parameter's default, when it is a literal: what a call that does not pass the parameter binds
 * (`def segments(rng, n, obs_dim=256)`: `rng.normal(size=obs_dim)` is 1-D).  Other defaults (a list,
 * a call, a name) are evaluated once, when the def runs, and stay unknown. */
typedef enum VlDefault {
  VL_DFLT_ABSENT = 0, /* no default */
  VL_DFLT_OTHER,      /* a default that is not one of these literals */
  VL_DFLT_NONE,       /* None */
  VL_DFLT_SCALAR,     /* a float of no plain value (`1j`) */
  VL_DFLT_NUMBER,     /* a float, True or False: dflt_int holds its float32 bits (vl_scalar_const) */
  VL_DFLT_STR,        /* a string (its text: VlFuncInfo.dflt_strs) */
  VL_DFLT_INT,        /* an integer that fits in 32 bits: dflt_int */
  VL_DFLT_INTS,       /* a tuple of dflt_int (0..64) integer literals, their values not kept:
                         `tracer_ids=(0, 1, 2)`, a shape `obs_shape=(84, 84, 4)` */
  VL_DFLT_GLOBAL      /* a name of the module, global slot dflt_int: bound to the module's function or
                         class of that name (`collate_fn=default_collate`) */
} VlDefault;

/* What decides a parameter's uses (VlParamInfo.none_tested): an analysis for a call binds None, a
 * value never None or a string of known text passed for VL_TESTED_NONE, a string of known text for
 * VL_TESTED_KEY (`POOLERS[mode]` of a dict filled under literal keys is that key's value alone). */
enum { VL_TESTED_NONE = 1, VL_TESTED_KEY = 2 };

typedef struct VlParamInfo {
  const char *name;
  uint8_t kind; /* VlParamKind */
  uint8_t dflt; /* VlDefault */
  uint8_t nd_evidence; /* the function indexes it with this many axes (p[:, 0]: 2): a caller's
                          array passed here has at least that many dimensions (0: no evidence) */
  uint8_t none_tested; /* VL_TESTED_*: the function branches on `p is None` / `p is not None` or
                          `p == "literal"`, or looks p up (`table[p]`) */
  int32_t dflt_int;    /* VL_DFLT_INT: the value; VL_DFLT_INTS: how many (the struct keeps its 16 bytes) */
} VlParamInfo;

struct VlFuncInfo {
  const VlModInfo *mod;
  VlId id;
  uint8_t kind, flags; /* VlFuncKind, VL_FN_* */
  const char *name, *qualname;
  VlId klass;          /* methods: class id */
  uint16_t nparams;
  bool none_tested;    /* some parameter is none_tested: calls analyse it again for what they pass */
  bool hook;           /* a method whose body does nothing (pass, `...`, a docstring, a raise: an abstract
                          method's): there for subclasses to override (ops.c: vl_op_attr) */
  const VlParamInfo *params;
  const char **dflt_strs;   /* per parameter, the text of a VL_DFLT_STR default (`mode="cls"`); NULL when
                               none has one */
  const VlSummary *summary; /* NULL until analysed */
  /* exported functions with parameters whose default is a string (options: `output_type="pil"`): the
   * summary with each bound to its default, when it differs from `summary`.  A call from another
   * module that leaves each out, or passes the same text, applies it (ops.c: call_func); one in the
   * same module is analysed again for the strings it passes (vl_specialise) */
  const VlSummary *dflt_summary;
  /* hits its loops make when a call passes, for parameter `param`, an instance of class `klass` of its
   * own module (an analysis for such an instance, made with its module: analysis.c, speculate): a
   * caller in another module, which cannot analyse it again, reports them (ops.c: call_func) */
  const struct VlCondHit *cond_hits;
  uint16_t ncond_hits;
};


/* A record field's default made anew per instance: `steps: list = field(default_factory=list)`. */
typedef struct VlFieldFactory {
  const char *lib;     /* the factory, a library value's qualified name ("builtins.list", "collections.deque"),
                          or NULL: none, or one not followed */
  VlId at;             /* the factory expression in the class's module: each instance's container is new at
                          the construction, told apart from the instance and the other fields by this */
  uint32_t start, end;
} VlFieldFactory;

struct VlClassInfo {
  const VlModInfo *mod;
  VlId id;
  const char *name, *qualname;
  VlId func;             /* the class body */
  const VlVal *bases;    /* values of the base class expressions */
  const char **method_names;
  VlId *methods;
  uint16_t nmethods;
  VlAttr *attrs;         /* instance attributes set in methods (self.x = ...): what they hold */
  uint16_t nattrs;
  VlAttr *classvars;     /* names bound in the class body */
  uint16_t nclassvars;
  uint8_t model_lib;     /* derives from a library's model base (torch.nn.Module): that library's id;
                            calling an instance runs forward() */
  const char **fields;   /* a record class (@dataclass, typing.NamedTuple) without an __init__ of its
                            own: its annotated fields in order, which calling the class sets */
  const VlFieldFactory *factories; /* per field, or NULL when no field has a default_factory */
  uint16_t nfields;
};

struct VlModInfo {
  VlProgram *prog;
  const char *name; /* dotted module name ("pkg.utils"), or the file's stem */
  const char *path;
  bool package;     /* an __init__.py: relative imports resolve against the package itself */
  size_t index;     /* in the program */
  bool checked;     /* findings in it are reported */
  bool analysed;
  uint32_t job;     /* the planned job (import cycle) that analyses it (vl_program_set_plan) */
  const char *root; /* the folder its top package (or, for a script, itself) is in */
  size_t same_name; /* 1 + index of the next module of the same name (scripts of two folders), or 0 */
  VlArena *arena;   /* what it exports unless `shared` */
  bool shared;      /* other modules read what it exports: that goes in the program's shared store,
                       which wastes no memory on small modules (set before it is analysed) */
  bool unread;      /* no other module reads what it exports (set by the session's plan): the analysis
                       builds no exports, which for a large test file cost more than its analysis */
  /* the names other modules import from it (`from m import f, Model`), when that is all they read of
   * it (by_name, set by the session's plan; false when some module reads it whole: `import m`,
   * `from m import *`, or when there is no plan).  Its exports then hold only what those names reach, directly or through
   * the values of what they reach: the summaries, classes and globals another module can get hold of
   * (analysis.c: reach_exports).  Keys are the setter's. */
  bool by_name;
  VlStrMap read_names;
  VlArena *facts;   /* where what it exports lives (arena, or the shared store), while analysed */
  VlValues *vals;   /* the interner of its exports (in `facts`) */
  VlFuncInfo *funcs;
  uint32_t nfuncs;
  VlClassInfo *classes;
  uint32_t nclasses;
  const char **global_names;
  const VlVal **globals; /* final values of module-level names */
  uint32_t nglobals;
  /* global_names[i] -> i, for `mod.name` of a project module (ops.c: vl_op_attr); a name given to
   * more than one index (global_dups) makes readers scan global_names instead.  Built with them. */
  VlStrMap global_index;
  bool global_dups;
  /* for messages about places in this module once its IR is gone: where lines start, compactly
   * (vl_modinfo_row): each line's length in a byte (255: a longer line), and marks (row, byte) at
   * every VL_ROW_STRIDE-th line and after each longer line.  About 1.3 bytes a line, against 4 for a
   * table of line starts: every imported module keeps one until the run ends. */
  uint8_t *line_len;
  uint32_t nlines;
  struct VlRowMark { uint32_t row, byte; } *row_marks;
  uint32_t nmarks;
  const char *text; /* the source while the module is being analysed (NULL after) */
  /* a notebook's module (its code cells joined): each cell's first row and number among all the
   * notebook's cells, for messages (owned by whoever set them: the session); ncells 0 otherwise */
  const uint32_t *cell_rows;
  const unsigned *cell_numbers;
  uint32_t ncells;
};

/* ---- retention hits: what VL001/VL002 report ---- */
typedef enum VlHitKind {
  VL_HIT_REBOUND = 1, /* the viewed array is rebound to a new array computed from arrays (VL001) */
  VL_HIT_FRESH        /* the viewed array is made anew in every iteration (VL002) */
} VlHitKind;

typedef struct VlHit {
  uint8_t kind;        /* VlHitKind */
  uint8_t store;       /* VlStoreKind */
  uint8_t lib;         /* the stored view's library (.copy() or .clone()); 0: not known */
  VlSpan at;           /* the stored expression */
  uint32_t fix_at;     /* insertion point for `.copy()` (in at.mod); 0: none known (no edit) */
  VlSpan base;         /* where the viewed array is made anew (the rebinding expression) */
  VlSpan loop;         /* the loop (or, via a call, the call) whose iterations accumulate */
  bool via_call;       /* the store happens in a function called from that loop */
  bool recursion;      /* the "loop" is the function's own recursion (loop: the function) */
  bool hook;           /* the "loop" is the forward calls of a module a hook is registered on (loop: the
                          registration; base: the hook's `output` parameter) */
  bool optimizer;      /* the "loop" is an optimizer's iterations: scipy.optimize.minimize calls the
                          callback with a new iterate (loop: the minimize call; base: its parameter) */
  bool solver;         /* the "loop" is an iterative solver's: a LinearOperator's matvec= runs at every
                          iteration (loop: the LinearOperator call; base: the callback) */
  bool holder;         /* the stored expression (text) is a container holding the view, made elsewhere
                          (`pair = (a[0], b); keep.append(pair)`), not the view */
  const char *text;    /* the stored expression, when short */
  const char *base_name;     /* the viewed array's name, when it has one */
  const char *container;     /* the container's text, when short */
  const char *size;          /* "500x32x32x3 float64 = 11.7 MiB", when the shape is literal */
} VlHit;

typedef struct VlCondHit {
  uint16_t param;
  VlId klass;
  VlHit hit;
} VlCondHit;

/* ---- the program ---- */
VlProgram *vl_program_new(const VlKnowledge *know);
void vl_program_delete(VlProgram *self);
/* Registers a module; returns its info (owned by the program). */
VlModInfo *vl_program_add(VlProgram *self, const char *name, const char *path, bool package, bool checked);
size_t vl_program_count(const VlProgram *self);
VlModInfo *vl_program_module(const VlProgram *self, size_t i);
/* The module of that dotted name, or NULL. */
VlModInfo *vl_program_find(const VlProgram *self, const char *name);
/* The module `name` as `reader` imports it: of several modules of that name (utils.py in two script
 * folders), the one under the reader's own root; else the first added.  `reader` may be NULL. */
VlModInfo *vl_program_find_from(const VlProgram *self, const VlModInfo *reader, const char *name);
/* The analysis plan: each module's job (set in VlModInfo.job) and the jobs each job waits for, as
 * compressed rows (deps[dep_at[j] .. dep_at[j + 1])).  With a plan, a module reads another module's
 * exports only when that module is certain to be analysed first: a dependency of its job (directly
 * or not), or analysed earlier in its own job.  An import inside a function, which makes no
 * dependency (it is where import cycles close), then reads nothing, whatever the timing: results do
 * not depend on thread scheduling.  The arrays are copied. */
void vl_program_set_plan(VlProgram *self, size_t njobs, const size_t *dep_at, const size_t *deps);
/* May module `reader`, being analysed, read what `mod` exports (see vl_program_set_plan)?
 * `reach`: the reader's scratch (NULL at first, freed by the caller with free()). */
bool vl_program_ready(const VlProgram *self, const VlModInfo *reader, const VlModInfo *mod, uint8_t **reach);
const VlKnowledge *vl_program_knowledge(const VlProgram *self);

/* A module analysed outside the program's order (a --fix recheck): named like `like`, not found by
 * vl_program_find; freed with vl_modinfo_delete. */
VlModInfo *vl_program_scratch(VlProgram *self, const VlModInfo *like);
void vl_modinfo_delete(VlModInfo *m);
/* Frees what module m exports, once it is analysed and no other module imports it (a test file, a
 * script): nothing will read it.  Its name and path stay; it then exports nothing. */
void vl_modinfo_release(VlModInfo *m);

/* The row (0-based) of a byte in a module. */
/* Keeps m's line table from the line starts of its text (`len` bytes), in m->facts. */
void vl_modinfo_set_rows(VlModInfo *m, const uint32_t *starts, uint32_t nlines, uint32_t len);
uint32_t vl_modinfo_row(const VlModInfo *m, uint32_t byte);
/* In a notebook's module: the cell (number) of 0-based row `row` and the 0-based row in it; false
 * for any other module. */
bool vl_modinfo_cell(const VlModInfo *m, uint32_t row, unsigned *cell, uint32_t *cell_row);

#endif
