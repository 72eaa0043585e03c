/* libtable.h: library knowledge as data.
 *
 * One table per array library (rules/numpy.tsv, ...; the format is documented at the top of that
 * file) says what each function, method and attribute does to memory: returns a view, copies,
 * produces a fresh array, yields a scalar.  Tables are parsed once when the engine is built and are
 * read-only afterwards (thread-safe).  Entries live in the arena passed to vl_libtable_parse. */
#ifndef VL_KNOWLEDGE_LIBTABLE_H
#define VL_KNOWLEDGE_LIBTABLE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

typedef enum VlLibKind {
  VL_LIB_FUNCTION,
  VL_LIB_METHOD,
  VL_LIB_ATTRIBUTE,
  VL_LIB_RNG_METHOD,
  VL_LIB_CLASS,
  VL_LIB_MODEL_METHOD, /* a method of a model class (the descriptor's `model` base, torch.nn.Module) */
  VL_LIB_ANY_METHOD,   /* a method recognised by name on a receiver of unknown type (m.toarray()) */
  VL_LIB_ANY_FUNCTION  /* a function of another module recognised by its name (array_namespace(x)) */
} VlLibKind;

typedef enum VlLibEffect {
  VL_FX_UNKNOWN,
  VL_FX_VIEW,     /* shares memory with the operand */
  VL_FX_COPY,     /* new array computed from operands */
  VL_FX_CONVERT,  /* copy of an array operand; producer from Python data */
  VL_FX_PRODUCER, /* new array from nothing */
  VL_FX_INT,      /* integer scalar */
  VL_FX_SCALAR,   /* holds no array */
  VL_FX_BYTES,    /* a new bytes object at every call, holding no array (a.tobytes()): np.frombuffer views it */
  VL_FX_LIST,     /* a Python list of the operand's items (a.tolist()): holds no array */
  VL_FX_INDEX,    /* tuple of index arrays */
  VL_FX_VIEWS,    /* list of views of the operand */
  VL_FX_COPIES,   /* tuple of new arrays computed from the operands (np.linalg.svd, torch.sort) */
  VL_FX_DTYPE,    /* a dtype (np.dtype(...)): a structured one from a list or dict of fields, else its argument */
  VL_FX_NAMESPACE,/* the library module itself (xp = get_array_module(x)): xp.delete is its delete */
  VL_FX_RNG,      /* random generator */
  VL_FX_NONE,     /* returns None */
  VL_FX_SLICES,   /* a list of bounding boxes, each a tuple of slices (one per axis of the operand) or
                     None (scipy.ndimage.find_objects): indexing with one is basic slicing, a part */
  /* conditional on the operand's memory layout (a row of a C-contiguous array is contiguous, a column
   * is not); when the layout is unknown, so is the result */
  VL_FX_CONTIG,   /* view of a C-contiguous operand, else a copy (np.ascontiguousarray, .contiguous()) */
  VL_FX_FCONTIG,  /* view of an F-contiguous operand, else a copy (np.asfortranarray) */
  VL_FX_RESHAPE,  /* view of a C-contiguous operand; of another, may be either (a.reshape(...)) */
  VL_FX_RAVEL,    /* view of a C-contiguous operand, else a copy (a.ravel(), np.ravel, t.flatten()) */
  /* classes (kind "class"): what an instance does */
  VL_FX_MODULE,   /* calling an instance returns a new array (torch.nn layers) */
  VL_FX_LOADER,   /* iterating it gives a new batch per step (torch DataLoader) */
  VL_FX_SAME,     /* calling an instance returns its argument itself (nn.Identity, nn.Dropout in eval) */
  VL_FX_OBJECT,   /* an instance we know nothing more about */
  VL_FX_OPTIMIZER,/* an instance's step(closure) calls closure() and returns its result (torch.optim) */
  VL_FX_SUBSET,   /* a subset of the dataset given first: indexing it indexes that dataset, keeping it keeps
                   * the dataset whole (torch Subset); of a function, a list of them (random_split) */
  VL_FX_DATASETS, /* the datasets of the iterable given first (torch ConcatDataset): indexing it indexes one of
                   * them, keeping it keeps them all whole */
  VL_FX_COLLATE,  /* the default collate of the list given first (torch's default_collate): its items'
                   * arrays stacked into new ones, per key of a dict and per item of a tuple */
  VL_FX_SEQUENTIAL,/* calling an instance calls the modules it was given in order, each on the previous one's
                     output, and returns the last one's (nn.Sequential); model[k] is the k-th module */
  VL_FX_TENSORS   /* indexing an instance indexes each of the tensors it was given, alike, in a tuple
                     (TensorDataset(*tensors)[i] is tuple(t[i] for t in tensors)) */
} VlLibEffect;

typedef enum VlNdimRule {
  VL_ND_UNKNOWN, VL_ND_SAME, VL_ND_SAME_OR_1, VL_ND_CONST, VL_ND_ARGS, VL_ND_SHAPE, VL_ND_NEWSHAPE,
  VL_ND_STACK, VL_ND_CONCAT, VL_ND_MIN,
  VL_ND_BCAST, /* broadcasting: as the array argument with the most dimensions (np.add(a, b)) */
  VL_ND_ARG,   /* as positional argument n (np.linalg.solve(a, b): b's) */
  VL_ND_SAME_PLUS, /* the operand's, plus n appended axes (nn.Embedding: (...) -> (..., dim)) */
  VL_ND_SAME_MINUS, /* the operand's, less n axes (torch.unbind's pieces: (B, N, D) -> (N, D)) */
  VL_ND_SUBSCRIPTS, /* einsum's output labels in the string parameter `param` ("td,de->te": 2) */
  VL_ND_SAME_OR_SHAPE, /* the more of the operand's and shape(param)'s (np.tile(a, reps): max(a.ndim, len(reps))) */
  VL_ND_INDEX,      /* ndim(param): as the index in parameter `param` (an int 0, an array its own, a list of ints 1) */
  VL_ND_TAKE,       /* same-1+ndim(param): the operand's, one axis replaced by the index's (np.take(a, idx, axis=0)) */
  VL_ND_BCAST_ITEMS /* bcast-items: as the array with the most dimensions among the arguments and the items of the
                       list arguments (np.select(condlist, choicelist, default)) */
} VlNdimRule;

/* A condition on a call's parameter: given at all, or given as the literal False or the literal True,
 * or as a string known to be the one written (P='none'), or as an int (P=int: every value it may be is an
 * int); or, as "ndim>N", on the operand's ndim (np.diag: a view of a matrix, a new matrix from a vector;
 * unknown ndim: unknown). */
typedef struct VlLibCond {
  const char *param; /* NULL: always true */
  bool literal_false;
  bool literal_true; /* t.to(dtype, copy=True): a copy only when copy= is the literal True */
  bool literal_int;  /* np.gradient(f, axis=0): one array; axis=(0, 1): a list of them */
  const char *literal_str; /* F.cross_entropy(..., reduction="none"): per-sample losses */
} VlLibCond;

typedef struct VlNdimSpec {
  VlNdimRule rule;
  int n;             /* VL_ND_CONST, VL_ND_MIN */
  const char *param; /* VL_ND_SHAPE, VL_ND_SUBSCRIPTS, VL_ND_SAME_OR_SHAPE, VL_ND_INDEX, VL_ND_TAKE */
} VlNdimSpec;

typedef struct VlLibParam {
  const char *name;
  int pos;
} VlLibParam;

enum { VL_LIB_MAX_PARAMS = 4, VL_LIB_MAX_MORE = 2 };

typedef enum VlGrowth { VL_GROW_NONE, VL_GROW_SEQ, VL_GROW_FIRST } VlGrowth;

typedef struct VlLibEntry {
  VlLibKind kind;
  const char *name;
  VlLibCond effect_cond; /* effect = cond ? effect_then : effect_else */
  VlLibEffect effect_then, effect_else;
  /* P?A:Q?B:C: the conditions after the first, tried in turn before effect_else (np.gradient:
   * axis=int?copy:axis?-:ndim>1?copies:copy, a list of arrays only of an operand of several axes and no axis=) */
  VlLibCond effect_cond_more[VL_LIB_MAX_MORE];
  VlLibEffect effect_then_more[VL_LIB_MAX_MORE];
  uint8_t neffect_more;
  VlLibCond ndim_cond;
  VlNdimSpec ndim_then, ndim_else;
  VlLibParam params[VL_LIB_MAX_PARAMS];
  int nparams;
  VlGrowth grows;  /* tag grows=seq|first (VL003) */
  bool shrinks;    /* tag shrinks (VL004) */
  bool narrows;    /* tag narrows: a view that shows only part of its operand (np.diagonal) */
  bool keeps_layout; /* tag layout: the view has its operand's memory layout (.detach(), np.asarray) */
  bool contiguous;   /* tag contiguous: the view is C-contiguous whatever the operand (np.frombuffer) */
  bool keeps_order;  /* tag keeps-order: the new array has the operand's memory order (scipy.special.softmax of
                        an F-contiguous operand is F-contiguous): C-contiguous only of a C-contiguous operand */
  bool mesh;         /* tag mesh: with index, an open mesh (np.ix_(r, c)): as many index arrays as the ndim
                        column gives, each of that many axes; indexing with it takes and gives that many axes */
  bool ints;         /* tag ints: the result holds integer indices (np.argsort, rng.permutation) */
  bool unravels;     /* tag unravels: a copies tuple of one item per axis of a shape (np.unravel_index): of an
                        int operand (0-d) ints, of an array operand new integer arrays of its ndim, of an
                        operand of unknown ndim unknown */
  bool default_dtype; /* tag default-dtype: without dtype=, the result has the library's default dtype */
  const char *order;  /* tag order=P: parameter P asks for a memory layout ('C', 'F', requirements=['C',
                         'A']): the effect becomes contig / fcontig, or a copy for 'O' (own data) */
  /* axes of size 1 in the result (what indexing them takes all of): */
  const char *unsqueeze; /* tag unsqueeze=P: a new unit axis where parameter P says (x.unsqueeze(-1)) */
  bool shape_args;       /* tag shape-args: the new shape is the arguments after the operand (or one tuple
                            of them): a literal 1 is a unit axis (x.reshape(-1, 1), x.expand(1, -1, -1)) */
  const char *keepdim;   /* tag keepdim=P: with P=True the reduced axis (the effect's condition parameter)
                            stays, as a unit axis (x.sum(dim=-1, keepdim=True)) */
  uint8_t lead;          /* tag lead=N: the first N axes keep their sizes (F.interpolate keeps N and C) */
  const char *square;    /* tag square=P or square=P:Q: a new 2-D array of P rows and Q columns (P when Q is
                            not given or None): np.eye(4), np.identity(4), torch.eye(n, m) */
  const char *square_cols;
  const char *axis_size;  /* tag axis-size=P: the int is the size of the axis P names (t.size(0)) */
  const char *joins_from; /* tag joins-from=P: the axes from the one parameter P names on are joined
                              into one; those before keep their sizes (t.flatten(1): (B, C*H*W)) */
  uint8_t trail;         /* tag trail=N: every axis but the last N keeps its size (nn.Linear: (..., in) -> (..., out)) */
  bool matmul;           /* tag matmul: the result is the operands' matrix product (np.matmul(a, b), as a @ b) */
  int8_t item_nd[4];     /* tag items=D:D...: a tuple (copies) of nitem_nd new arrays, item k with the operand's */
  uint8_t nitem_nd;      /* ndim + item_nd[k] (np.linalg.svd: 0:-1:0); 0: no such tag */
  uint8_t item_ints;     /* bit k: item k holds integers (a D written Di: t.max(dim=1)'s indices, -1:-1i) */
  uint8_t item_side;     /* bit k: item k is a spectrum, as long as one side of the operand matrix (a D written
                            Ds: np.linalg.svd's S, 0:-1s:0; np.linalg.eigh's eigenvalues, -1s:0) */
  uint8_t item_none;     /* bit k: item k holds no array (a D written x: the properties dict of
                            scipy.signal.find_peaks, 0i:x): unknown to the analysis, never a view */
  uint8_t item_int;      /* bit k: item k is a Python int, no array (an n in place of a D: the sample rate
                            of scipy.io.wavfile.read, n:0) */
  uint8_t item_arg;      /* bit k: item k has the ndim of argument item_nd[k] (by position, or by the name the
                            params column gives that position), not the operand's (a @K in place of a D:
                            np.linalg.lstsq's solution has b's ndim, items=@1:-1:n:-1s) */
  uint8_t item_anynd;    /* bit k: item k is a new array of unknown ndim (a ? in place of a D: np.histogramdd's hist,
                            one axis per column of the sample, items=?l:x) */
  uint8_t item_strided;  /* bit k: item k's layout is not known (a D written Dl: scipy.signal.stft's Zxx, a
                            transposed view of a buffer of its own, neither C- nor F-contiguous) */
  const char *fields;    /* tag fields=F:F...: the items' attribute names, comma-separated ("values,indices":
                            torch.topk(x, k).indices is item 1); NULL: a plain tuple */
  uint8_t operand_min;   /* tag operand-min=N: the operand has at least N axes (the call fails on fewer) */
  uint8_t operand_max;   /* tag operand-max=N: at most N axes (scipy.signal.find_peaks takes a 1-D signal); 0: any */
  const char *flattens;  /* tag flattens=P: without parameter P (or with None) the operand is flattened first, so
                            the items= ndims count from one axis (np.unique(x, return_index=True): two 1-D
                            arrays); with P given, from the operand's */
  const char *none_flattens; /* tag none-flattens=P: P given as None flattens the operand first, so the result
                                is 1-D (np.sort(x, axis=None)); without P the row's ndim holds */
  const char *stacks;    /* tag stacks=P: a new axis where parameter P says, one entry per element (np.stack) */
  const char *picks;     /* tag picks=P: the view is one entry along the axis parameter P names (t.select) */
  const char *lib_to;    /* tag lib=M: the result is an array of library M (t.numpy(): a NumPy array on the
                            tensor's memory, indexed as NumPy indexes) */
  const char *chunks;    /* tag chunks=P:Q: the pieces are P equal parts along axis parameter Q (x.chunk) */
  const char *splitsize; /* tag splitsize=P:Q: the pieces have P entries along axis parameter Q (t.split) */
  const char *pieces_axis; /* the Q of chunks= or splitsize= (NULL: axis 0) */
  const char *casts;  /* tag casts=P: converts to the dtype parameter P names; a view (per the effect) only
                         when the operand has that dtype already (.astype(t, copy=False)) */
  const char *casts_to;  /* tag casts-to=T: converts to dtype T (t.float(): float32), as casts= */
  const char *casts_arg; /* tag casts-arg=P: converts, as casts=, when parameter P names a dtype; anything
                            else there (t.to(device), nothing) converts nothing */
} VlLibEntry;

typedef struct VlLibTable {
  const char *library; /* "numpy" */
  VlLibEntry *entries;
  size_t count;
  uint32_t *index;     /* open-addressing hash of (kind, name) -> entry + 1 (0: empty) */
  size_t index_cap;    /* a power of two */
  uint32_t kinds;      /* bit k set when some entry is of VlLibKind k: a lookup of a kind the table has
                          none of (most tables' any-method rows) costs no hashing of the name */
} VlLibTable;

/* Parses a table.  On error returns false and writes "name:line: what" into err. */
bool vl_libtable_parse(VlLibTable *self, VlArena *arena, const char *library, const char *text,
                       char *err, size_t errlen);
/* The entry of that kind and name, or NULL. */
const VlLibEntry *vl_libtable_find(const VlLibTable *self, VlLibKind kind, const char *name);
/* The class entry for a class name, or NULL; a row named "nn.*" matches any class below nn. whose
 * name starts with a capital (rows are tried in order, so exceptions come first). */
const VlLibEntry *vl_libtable_find_class(const VlLibTable *self, const char *name);
/* Position of a named parameter, or -1. */
int vl_lib_param_pos(const VlLibEntry *e, const char *param);

/* ---- the set of array libraries: which module prefix uses which table ----
 * Each library is a row of rules/libraries.tsv (its descriptor: the facts the rules need that are not
 * about one call); ids are the rows' order, from 1.  The enum names the rows the tests refer to: the
 * loader checks that the file still has them in this order. */
typedef enum VlLibId { VL_LIBID_NONE, VL_LIBID_NUMPY, VL_LIBID_CUPY, VL_LIBID_TORCH } VlLibId;

enum { VL_LIB_MAX_TYPES = 8 };
typedef struct VlLibrary {
  const char *module;        /* "numpy", "cupy", "torch" */
  uint8_t id;                /* VlLibId for the built-in rows; the row number */
  const VlLibTable *table;   /* CuPy shares NumPy's table */
  bool int_index_is_view;    /* torch: t[i] is a 0-d view even on 1-D tensors */
  bool index0d;              /* flag index0d: a 0-d integer array as an index is an integer (torch) */
  bool is_default;           /* the rules assumed for an array of unknown library (the cautious ones) */
  bool methods;              /* tried, in row order, for a method of an array of unknown library */
  bool radd;                 /* flag radd: `lst += a` / `lst + a` broadcast (NumPy's __radd__ takes the
                                list): a new array, the list is not extended */
  bool qualified;            /* flag qualified: its table names its functions from the parent module
                                (scipy.tsv's stats.zscore for scipy.stats.zscore): a name a module beside
                                it also has (scipy.stats.norm, a distribution; scipy.linalg.norm) stays apart */
  uint8_t arrays;            /* flag arrays=M: its calls return library M's arrays (torchvision's are torch
                                tensors: their methods are M's); 0: its own */
  const char *copy_method;   /* what stores a copy: "copy" (a.copy()), "clone" (t.clone()) */
  const char *concat;        /* the function that joins arrays once, for messages: "np.concatenate" */
  const char *dtype;         /* default dtype of producers, and its size in bytes */
  int itemsize;
  const char *types[VL_LIB_MAX_TYPES]; /* annotation names of its array type: "ndarray", "Tensor" */
  int ntypes;
  const char *model;         /* qualified base class of callable models ("torch.nn.Module"), or NULL:
                                a project class deriving from it returns new arrays when called */
  const char *model_alias;   /* another name of the same class ("torch.nn.modules.module.Module") */
} VlLibrary;

enum { VL_MAX_LIBRARIES = 24 };

/* A row of rules/results.tsv: a call outside the array libraries (SciPy's solvers) whose result holds
 * a new array made by the call: its attribute `attr` (NULL: the result itself), of that ndim; a call
 * passing the keyword `unless` (NULL: none) returns something else and is not described. */
typedef struct VlLibResult {
  const char *fn, *attr, *unless;
  uint8_t nd;
  bool ints;    /* an array of integers (ndim written `1i`): iterating it gives ints */
  int8_t item;  /* attribute `[k]`: item k of the tuple the call returns (attr NULL); else -1 */
  bool by_arg;  /* ndim written `x-N`: the first argument's ndim less nd (a method of an instance a
                   described call made: cKDTree(pts).query(x)); 0 is a Python number (an int with i),
                   or with `list` a list of Python ints */
  bool list;    /* ndim written `x-Nl`: at 0, a list of Python ints (query_ball_point of one point) */
  uint8_t ctor; /* ndim written `x-N+@K` (K from 1): as x-N, plus the ndim of positional argument K of the
                   call that made the instance (interp1d(x, y)(xnew): x-1+@2, y's axes but the one
                   interpolated along, then xnew's); described only when that argument was a known array */
  uint8_t ctor_len; /* `x-N+@K-#P`: less the number of items of the constructor's positional argument P, a
                       list or tuple display or a tuple of known items (RegularGridInterpolator(points,
                       values)(xi): values' axes beyond len(points)); not described when not known */
  uint8_t floor;    /* `x-N>=M+@K`: the first argument's part (its ndim less N) is at least M (xi of one
                       point, 1-D, gives one row: RegularGridInterpolator's max(xi.ndim - 1, 1)) */
  uint8_t arg;  /* ndim written `N@K` (K from 1): described only when positional argument K is a known
                   array, the result having ndim N when that argument has, else an unknown ndim
                   (spsolve(A, b): a sparse b gives a sparse matrix, a column (n, 1) a 1-D array) */
  int8_t len_axis;    /* ndim written `N/A=name@K`: axis A has as many entries as the argument (keyword
                         `name`, or positional K from 1 when K is given) has items, when a call passes it
                         as a list or tuple display or a tuple of known items (solve_ivp's t_eval=[t1],
                         odeint's t = [t0, t1]); -1: no such axis */
  uint8_t len_pos;    /* K of `@K`, 0: by keyword only */
  const char *len_kw; /* name of `=name` */
} VlLibResult;

/* What a method of a scikit-learn estimator returns (rules/sklearn.tsv, generated by
 * rules/generate/probe_sklearn.py). */
typedef enum VlEstKind {
  VL_EST_NEW,       /* a new array made by the call */
  VL_EST_NEW_DENSE, /* a new array for a dense input; a sparse one for a sparse input */
  VL_EST_INPUT,     /* the input itself or a view of it */
  VL_EST_SPARSE,    /* a scipy.sparse matrix */
  VL_EST_OTHER      /* anything else */
} VlEstKind;

/* A row of rules/sklearn.tsv: method `method` of class `cls` (qualified by its public module), on an
 * instance constructed with keyword `when` (NULL: none of the class's conditional keywords) set to the
 * literal `when_true`, returns `kind`, of ndim nd (-1: unknown).  A constructor call with more than
 * `positional` positional arguments (-1: any number) may reach a conditional keyword. */
typedef struct VlEstRow {
  const char *cls, *when, *method;
  bool when_true;
  VlEstKind kind;
  int8_t nd;
  int8_t positional;
} VlEstRow;

/* A row of rules/pandas.tsv or rules/pil.tsv (generated by rules/generate/probe_pandas.py and
 * probe_pil.py): what a call outside the array libraries makes, in four columns documented at the top
 * of each table (pandas: on, name, result, memory; PIL: kind, name, result, shape). */
typedef struct VlCallRow {
  const char *kind, *name, *result, *detail;
} VlCallRow;

/* The pools of workers rules/stdlib.tsv knows (its `pool` rows name their methods). */
typedef enum VlPoolKind {
  VL_POOL_THREAD_EXECUTOR,  /* concurrent.futures.ThreadPoolExecutor */
  VL_POOL_THREAD_MP,        /* multiprocessing.dummy.Pool, multiprocessing.pool.ThreadPool */
  VL_POOL_PROCESS_EXECUTOR, /* concurrent.futures.ProcessPoolExecutor */
  VL_POOL_PROCESS_MP        /* multiprocessing.Pool */
} VlPoolKind;
/* Their qualified names, as a `pool` row writes them and as the engine names a pool (by VlPoolKind). */
extern const char *const vl_pool_names[4];

/* What calling a pool's method does (the `result` of a `pool` row, its word in comments). */
typedef enum VlPoolDo {
  VL_POOL_MAP_ALL,      /* map-all: map(f, *xs) over every iterable */
  VL_POOL_MAP_ONE,      /* map-one: map(f, xs) of the one iterable multiprocessing's take (then a chunk size) */
  VL_POOL_MAP_LIST,     /* map-list: Pool.map, the list of what map-one gives */
  VL_POOL_STARMAP_LIST, /* starmap-list: Pool.starmap, the list of f(*x) for each x */
  VL_POOL_SUBMIT,       /* submit: submit(f, *args, **kwargs), a future holding f's result */
  VL_POOL_APPLY_ASYNC,  /* apply-async: apply_async(f, args, kwds), a future holding f's result */
  VL_POOL_APPLY,        /* apply: apply(f, args, kwds), f's result */
  VL_POOL_UNKNOWN       /* unknown: not known (a process pool's other methods, a future's) */
} VlPoolDo;

/* A `pool` row of rules/stdlib.tsv: method `method` (NULL: any other, written `*`) of pool `pool` does
 * `what`. */
typedef struct VlPoolRow {
  VlPoolKind pool;
  const char *method;
  VlPoolDo what;
} VlPoolRow;

/* What a library does with a function handed to it (rules/callbacks.tsv's kinds). */
typedef enum VlCallbackKind {
  VL_CB_OPTIMIZER, /* optimizer: calls it with a new iterate at every iteration */
  VL_CB_OPERATOR   /* operator: a matrix-free operator; the solver it is given calls it at every iteration */
} VlCallbackKind;

/* A row of rules/callbacks.tsv: a call of `name` (when keyword `when` is the string `when_value`;
 * when NULL: always) calls the function given as keyword `keyword` (or as positional argument
 * `position`, -1: none) over and over. */
typedef struct VlCallbackRow {
  VlCallbackKind kind;
  const char *name, *when, *when_value, *keyword;
  int8_t position;
} VlCallbackRow;

typedef struct VlKnowledge {
  VlLibTable tables[VL_MAX_LIBRARIES];
  size_t ntables;
  VlLibrary libs[VL_MAX_LIBRARIES];
  size_t nlibs;
  const char *viewless[VL_MAX_LIBRARIES]; /* modules whose arrays are never views (JAX): not followed */
  size_t nviewless;
  VlLibResult *results; /* rules/results.tsv */
  size_t nresults;
  VlEstRow *estimators; /* rules/sklearn.tsv */
  size_t nestimators;
  VlCallRow *pandas; /* rules/pandas.tsv */
  size_t npandas;
  VlCallRow *pil; /* rules/pil.tsv */
  size_t npil;
  VlCallRow *stdlib; /* rules/stdlib.tsv */
  size_t nstdlib;
  VlPoolRow *pools; /* its `pool` rows, typed */
  size_t npools;
  VlCallbackRow *callbacks; /* rules/callbacks.tsv */
  size_t ncallbacks;
} VlKnowledge;

/* Parses a library descriptor file (rules/libraries.tsv) into self->libs, loading the tables it names
 * with load_table(ctx, table_name, &text).  On error returns false with "libraries.tsv:line: what". */
bool vl_knowledge_parse(VlKnowledge *self, VlArena *arena, const char *descriptors,
                        const char *(*load_table)(void *ctx, const char *name), void *ctx, char *err, size_t errlen);
/* The library of that id, or the default one. */
const VlLibrary *vl_knowledge_lib(const VlKnowledge *self, uint8_t id);
/* The library whose array type an annotation names ("Tensor" -> torch), or NULL. */
const VlLibrary *vl_knowledge_lib_of_type(const VlKnowledge *self, const char *type_name);
/* The library whose model base class that qualified name is ("torch.nn.Module"), or NULL. */
const VlLibrary *vl_knowledge_lib_of_model(const VlKnowledge *self, const char *qualified);

/* Parses rules/results.tsv (function, attribute, ndim, unless, reason) into self->results.  On error
 * returns false with "results.tsv:line: what". */
bool vl_knowledge_parse_results(VlKnowledge *self, VlArena *arena, const char *text, char *err, size_t errlen);
/* The row for what a call of function fn returns (attr NULL) or for its attribute attr, or NULL. */
const VlLibResult *vl_knowledge_result(const VlKnowledge *self, const char *fn, const char *attr);
/* Item k of the tuple a call of fn returns (a row `[k]`), or NULL. */
const VlLibResult *vl_knowledge_result_item(const VlKnowledge *self, const char *fn, int item);
/* Does rules/results.tsv describe function fn at all? */
bool vl_knowledge_has_result(const VlKnowledge *self, const char *fn);

/* A row of function fn with an axis as long as an argument (`N/A=name@K`), or NULL: every such row of
 * fn names the same argument, which a call of fn records. */
const VlLibResult *vl_knowledge_result_len(const VlKnowledge *self, const char *fn);
/* Does it describe a method of what the call of cls makes (a row `cls.method` of ndim `x-N`)? */
bool vl_knowledge_has_methods(const VlKnowledge *self, const char *cls);

/* Parses rules/sklearn.tsv (class, when, method, result, ndim, positional) into self->estimators.  On
 * error returns false with "sklearn.tsv:line: what". */
bool vl_knowledge_parse_estimators(VlKnowledge *self, VlArena *arena, const char *text, char *err, size_t errlen);
/* Does rules/sklearn.tsv describe class cls?  *positional: its `positional` column. */
bool vl_knowledge_estimator_class(const VlKnowledge *self, const char *cls, int *positional);
/* Is keyword kw a `when` keyword of class cls (one that changes a result)? */
bool vl_knowledge_estimator_keyword(const VlKnowledge *self, const char *cls, const char *kw);
/* The row of method `method` of class cls constructed with keyword `when` (NULL: none) set to the
 * literal when_true, or NULL. */
const VlEstRow *vl_knowledge_estimator(const VlKnowledge *self, const char *cls, const char *when, bool when_true,
                                       const char *method);

/* Parses rules/pandas.tsv (file "pandas.tsv"), rules/pil.tsv ("pil.tsv") or rules/stdlib.tsv
 * ("stdlib.tsv"): four columns each, the
 * values of the columns the engine tests checked.  On error returns false with "FILE:line: what". */
bool vl_knowledge_parse_calls(VlKnowledge *self, VlArena *arena, const char *file, const char *text, char *err,
                              size_t errlen);
/* The row of rules/pandas.tsv for `name` on `on` ("pandas", "frame", "DataFrame", "indexer",
 * "groupby", "reader"), or NULL: not modelled. */
const VlCallRow *vl_knowledge_pandas(const VlKnowledge *self, const char *on, const char *name);
/* The row of rules/pil.tsv of that kind ("mode", "function", "method") and name, or NULL. */
const VlCallRow *vl_knowledge_pil(const VlKnowledge *self, const char *kind, const char *name);
/* The row of rules/stdlib.tsv (hand-written: kind, name, result, reason) of that kind ("opener",
 * "cache") and qualified name, or NULL. */
const VlCallRow *vl_knowledge_stdlib(const VlKnowledge *self, const char *kind, const char *name);
/* The `cache` row of rules/stdlib.tsv a decorator's text names ("functools.lru_cache", or the bare
 * "lru_cache" imported from functools; a call's callee), or NULL. */
const VlCallRow *vl_knowledge_cache_decorator(const VlKnowledge *self, const char *text);

/* The `pool` row of rules/stdlib.tsv for method `name` of pool `pool` (NULL: its row for any other
 * method), else its `*` row, else -1 (an index into self->pools). */
int vl_knowledge_pool_method(const VlKnowledge *self, VlPoolKind pool, const char *name);

/* Parses rules/callbacks.tsv (kind, name, when, keyword, position, reason) into self->callbacks.  On
 * error returns false with "callbacks.tsv:line: what". */
bool vl_knowledge_parse_callbacks(VlKnowledge *self, VlArena *arena, const char *text, char *err, size_t errlen);
/* Does rules/callbacks.tsv name qualified function or class `name` (any `when`)?  *kind: its kind. */
bool vl_knowledge_callback_call(const VlKnowledge *self, const char *name, VlCallbackKind *kind);

/* Loads the embedded descriptors and tables.  On error returns false with a message in err. */
bool vl_knowledge_load(VlKnowledge *self, VlArena *arena, char *err, size_t errlen);
/* True for array libraries whose arrays are never views of others (JAX, TensorFlow): their calls
 * are not followed. */
bool vl_knowledge_viewless(const VlKnowledge *self, const char *qualified);
/* The library a qualified name belongs to ("numpy.random.randint" -> numpy, *member =
 * "random.randint"), or NULL. */
const VlLibrary *vl_knowledge_library(const VlKnowledge *self, const char *qualified, const char **member);
#endif
