/* interp.c: the abstract interpreter over one function's IR.
 *
 * The walk is flow-sensitive for local names: the environment (one value per slot) is copied at a
 * branch and joined where paths meet; a loop body is interpreted until its entry environment stops
 * changing (at most VL_LOOP_ROUNDS times, then what still changes becomes unknown).  Object
 * contents (attributes, container elements) live in the frame's heap, flow-insensitively: a frame
 * is re-run while its heap keeps growing (at most VL_FRAME_PASSES times).  Values only grow, and
 * every object is named by a site from a finite set, so both fixpoints are reached.
 *
 * Each statement handler names the IR statement it interprets; the IR keeps Python's structure. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "flow/analysis.h"

enum { VL_LOOP_ROUNDS = 4, VL_FRAME_PASSES = 3 };

static const VlModule *M(const Frame *F) { return F->an->m; }
void vl_extend_into(Frame *F, const VlVal *acc, const VlVal *add, VlId add_expr, VlId target);
static VlValues *V(const Frame *F) { return F->an->vals; }

/* ---- texts and spans ---- */

const char *vl_expr_text(Analysis *an, VlId e) {
  if (!e) return NULL;
  const VlExpr *x = vl_expr(an->m, e);
  if (x->end - x->start > 40) return NULL;
  char *t = vl_arena_strndup(an->arena, an->m->text + x->start, x->end - x->start);
  for (char *p = t; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
  return t;
}

VlSpan vl_expr_span(Analysis *an, VlId e) {
  const VlExpr *x = vl_expr(an->m, e);
  return (VlSpan){an->mi, x->start, x->end};
}

/* ---- the heap ---- */

static uint32_t ptr_hash(const void *p) {
  uintptr_t x = (uintptr_t)p;
  x ^= x >> 17;
  x *= 0xed5ad4bbu;
  x ^= x >> 11;
  return (uint32_t)x;
}

static VlHeapEntry *heap_lookup(const Heap *h, const VlSite *site) {
  if (!h->icap || !site) return NULL;
  for (uint32_t i = ptr_hash(site) & (h->icap - 1); h->index[i]; i = (i + 1) & (h->icap - 1))
    if (h->entries[h->index[i] - 1].site == site) return &h->entries[h->index[i] - 1];
  return NULL;
}

/* A container the module body made (a global `groups = defaultdict(list)`), as the module's first
 * run left it: a function reading it sees what it holds. */
static VlHeapEntry *module_entry(const Frame *F, const VlSite *site) {
  if (F->func == VL_MODULE_FUNC || !site || site->kind != VL_SITE_NEW || site->func != VL_MODULE_FUNC ||
      site->mod != F->an->mi)
    return NULL;
  return heap_lookup(&F->an->module_heap, site);
}

VlHeapEntry *vl_heap_find(const Frame *F, const VlSite *site) {
  VlHeapEntry *e = heap_lookup(&F->heap, site);
  return e ? e : module_entry(F, site); /* (callers only read what they find) */
}

VlHeapEntry *vl_heap_get(Frame *F, const VlSite *site) {
  VlHeapEntry *e = heap_lookup(&F->heap, site);
  if (e) return e;
  const VlHeapEntry *seed = module_entry(F, site); /* this frame's own copy, which it may grow */
  Heap *h = &F->heap;
  if (h->n == h->cap) {
    h->cap = h->cap ? h->cap * 2 : 16;
    h->entries = vl_xrealloc(h->entries, h->cap * sizeof(VlHeapEntry));
  }
  if ((h->n + 1) * 2 > h->icap) {
    uint32_t icap = h->icap ? h->icap * 2 : 32;
    uint32_t *index = vl_xcalloc(icap, sizeof(uint32_t));
    for (uint32_t k = 0; k < h->n; k++) {
      uint32_t i = ptr_hash(h->entries[k].site) & (icap - 1);
      while (index[i]) i = (i + 1) & (icap - 1);
      index[i] = k + 1;
    }
    free(h->index);
    h->index = index;
    h->icap = icap;
  }
  h->entries[h->n] = (VlHeapEntry){.site = site, .elem = &vl_empty_val, .key = &vl_empty_val};
  if (seed) {
    VlHeapEntry *c = &h->entries[h->n];
    c->elem = seed->elem;
    c->key = seed->key;
    c->loose = seed->loose;
    if (seed->nattrs) {
      c->attrs = vl_xrealloc(NULL, seed->nattrs * sizeof(VlAttr));
      memcpy(c->attrs, seed->attrs, seed->nattrs * sizeof(VlAttr));
      c->nattrs = c->cap = seed->nattrs;
    }
  }
  uint32_t i = ptr_hash(site) & (h->icap - 1);
  while (h->index[i]) i = (i + 1) & (h->icap - 1);
  h->index[i] = ++h->n;
  return &h->entries[h->n - 1];
}

void vl_heap_add_elem(Frame *F, const VlSite *site, const VlVal *v) { vl_heap_move_elem(F, site, v, true); }

void vl_heap_move_elem(Frame *F, const VlSite *site, const VlVal *v, bool loose) {
  if (!site || vl_val_empty(v)) return;
  VlHeapEntry *e = vl_heap_get(F, site);
  e->loose |= loose;
  const VlVal *j = vl_join(V(F), e->elem, v);
  if (j != e->elem) {
    e->elem = j;
    F->heap.changed = true;
    F->heap.version++;
  }
}

void vl_heap_carry(Frame *F, const VlSite *from, const VlSite *to,
                   const VlVal *(*map)(Frame *F, const VlVal *v, void *ctx), void *ctx) {
  const VlHeapEntry *e = vl_heap_find(F, from);
  if (!e || from == to) return;
  const VlVal *elem = e->elem, *key = e->key;
  bool loose = e->loose || e->nattrs > 16;
  VlAttr attrs[16];
  uint16_t na = e->nattrs < 16 ? e->nattrs : 16;
  for (uint16_t k = 0; k < na; k++) attrs[k] = e->attrs[k];
  vl_heap_move_elem(F, to, map(F, elem, ctx), loose); /* (may move the heap: e is stale) */
  if (!vl_val_empty(key)) {
    VlHeapEntry *ne = vl_heap_get(F, to);
    ne->key = vl_join(V(F), ne->key, key);
  }
  for (uint16_t k = 0; k < na; k++) vl_heap_set_attr(F, to, attrs[k].name, map(F, attrs[k].val, ctx));
}

void vl_heap_set_attr(Frame *F, const VlSite *site, const char *name, const VlVal *v) {
  if (!site || !name) return;
  VlHeapEntry *e = vl_heap_get(F, site);
  for (uint16_t i = 0; i < e->nattrs; i++)
    if (vl_streq(e->attrs[i].name, name)) {
      const VlVal *j = vl_join(V(F), e->attrs[i].val, v);
      if (j != e->attrs[i].val) {
        e->attrs[i].val = j;
        F->heap.changed = true;
        F->heap.version++;
      }
      return;
    }
  if (e->nattrs == e->cap) {
    e->cap = e->cap ? (uint16_t)(e->cap * 2) : 4;
    e->attrs = vl_xrealloc(e->attrs, e->cap * sizeof(VlAttr));
  }
  e->attrs[e->nattrs++] = (VlAttr){name, v};
  F->heap.changed = true;
  F->heap.version++;
}

const VlVal *vl_heap_attr(const Frame *F, const VlSite *site, const char *name) {
  VlHeapEntry *e = vl_heap_find(F, site);
  if (!e) return NULL;
  for (uint16_t i = 0; i < e->nattrs; i++)
    if (vl_streq(e->attrs[i].name, name)) return e->attrs[i].val;
  return NULL;
}

/* ---- dicts with literal string keys ----
 *
 * A dict's values are joined in its heap entry's `elem`; those filed under a literal string key
 * ({"data": frame, "pts": t}, d["pts"] = t) are also kept per key, as attributes named "\x1f" + key,
 * so that packet["pts"] is the float alone.  The per-key values answer only while they account for
 * every value the dict holds (their join is `elem`, and no value came in any other way: the entry
 * is not `loose`): a value under any other key, or none known (d.update(...), d[k] = v), makes
 * every lookup the join again. */


/* The literal string a key value is, or NULL. */
static const char *literal_str(const VlVal *key) {
  return key && key->n == 1 && key->objs[0]->kind == VL_O_STR ? key->objs[0]->name : NULL;
}

void vl_heap_dict_put(Frame *F, const VlSite *site, const VlVal *key, const VlVal *v) {
  const char *k = literal_str(key);
  vl_heap_move_elem(F, site, v, !k);
  if (site && k && !vl_val_empty(v)) vl_heap_set_attr(F, site, vl_arena_printf(F->an->arena, "%c%s", VL_DICT_KEY_MARK, k), v);
}

int vl_heap_dict_keys(VlValues *vals, const VlObj *dict, const VlHeapEntry *e) {
  if (!e || e->loose || !vl_val_empty(dict->elem)) return -1;
  const VlVal *all = &vl_empty_val;
  int n = 0;
  for (uint16_t i = 0; i < e->nattrs; i++)
    if (e->attrs[i].name[0] == VL_DICT_KEY_MARK) all = vl_join(vals, all, e->attrs[i].val), n++;
  return all == e->elem ? n : -1;
}

const VlVal *vl_heap_dict_get(Frame *F, const VlObj *dict, const VlVal *key) {
  const char *k = literal_str(key);
  if (!k || dict->kind != VL_O_SEQ || dict->sub != VL_SEQ_DICT || !dict->site ||
      (dict->site->kind != VL_SITE_NEW && dict->site->kind != VL_SITE_STEP))
    return NULL;
  const VlHeapEntry *e = vl_heap_find(F, dict->site);
  if (vl_heap_dict_keys(V(F), dict, e) < 0) return NULL;
  for (uint16_t i = 0; i < e->nattrs; i++)
    if (e->attrs[i].name[0] == VL_DICT_KEY_MARK && vl_streq(e->attrs[i].name + 1, k)) return e->attrs[i].val;
  return NULL;
}

void vl_heap_free(Heap *h) {
  for (uint32_t i = 0; i < h->n; i++) free(h->entries[i].attrs);
  free(h->entries);
  free(h->index);
  memset(h, 0, sizeof *h);
}

/* ---- environments ---- */

/* A copy of env (n slots).  A copy of the whole environment reuses one a statement gave back: the
 * module body saves every slot (thousands) at each of its branches, and those copies, kept until the
 * frame ends, made a large module's memory grow with its globals times its branches (issue 12). */
static const VlVal **env_copy(Frame *F, const VlVal **env, uint32_t n) {
  const VlVal **c;
  if (n && n == F->nenv && F->env_spare) {
    c = F->env_spare;
    F->env_spare = (const VlVal **)(void *)c[0];
  } else {
    c = VL_ARENA_ARRAY(F->scratch, const VlVal *, n ? n : 1);
  }
  if (n) memcpy(c, env, n * sizeof *c);
  return c;
}

/* Gives back the copies of the whole environment in c[0 .. k) (NULL: none; a copy may repeat) that no
 * one holds any more, for env_copy to reuse. */
static void env_give(Frame *F, const VlVal **c[], int k) {
  for (int i = 0; i < k; i++) {
    bool again = !c[i];
    for (int j = 0; j < i && !again; j++) again = c[j] == c[i];
    if (again || !F->nenv) continue;
    c[i][0] = (const VlVal *)(void *)F->env_spare;
    F->env_spare = c[i];
  }
}

/* env := env joined with other (either may be dead: NULL) */
static const VlVal **env_join(Frame *F, const VlVal **a, const VlVal **b, uint32_t n) {
  if (!a) return b ? env_copy(F, b, n) : NULL;
  if (!b) return a;
  for (uint32_t i = 0; i < n; i++) a[i] = vl_join(V(F), a[i], b[i]);
  return a;
}

static bool env_same(const VlVal **a, const VlVal **b, uint32_t n) {
  if (!a || !b) return a == b;
  for (uint32_t i = 0; i < n; i++)
    if (a[i] != b[i]) return false;
  return true;
}

/* ---- the slots a statement touches ----
 *
 * Around an if, a loop, a try or a match the environment is saved, restored and joined.  Doing that
 * for every slot makes a long function cost time and memory quadratic in its length (each statement
 * copies every variable).  Only the slots a statement names (reads or writes), and the function's
 * closure cells (a nested function may rebind them), can change or be observed inside it, so only
 * those are saved: the others keep their values through it.  The module body is the exception
 * (functions rebind its globals): there every slot is saved. */

typedef struct NameRef {
  uint32_t start;
  uint16_t slot;
} NameRef;

struct NameRefs {
  NameRef *refs;
  uint32_t n;
};

/* The slot of local name `str` (a string id) in F's function, or -1.  The module body (many names,
 * many import and def statements) looks it up in a table made once. */
static int local_slot_of(Frame *F, VlId str) {
  Analysis *an = F->an;
  const VlModule *m = an->m;
  const VlFunc *fn = vl_func(m, F->func);
  if (F->func == VL_MODULE_FUNC) {
    if (!an->module_slots) {
      int32_t *map = VL_ARENA_ARRAY(an->arena, int32_t, m->nstrs + 1);
      for (uint32_t i = 0; i <= m->nstrs; i++) map[i] = -1;
      for (uint32_t i = fn->nlocals; i-- > 0;) /* the first slot of a name wins, as in a scan */
        if (m->kids[fn->locals + i] < m->nstrs) map[m->kids[fn->locals + i]] = (int32_t)i;
      an->module_slots = map;
    }
    return str < m->nstrs ? an->module_slots[str] : -1;
  }
  for (uint32_t i = 0; i < fn->nlocals; i++)
    if (m->kids[fn->locals + i] == str) return (int)i;
  return -1;
}

/* The slots a function's def, class and import statements bind (they have no name expression):
 * collected by a walk of its body (vl_block_walk), at most cap of them. */
typedef struct Bound {
  const VlModule *m;
  VlId *ids;
  uint32_t n, cap;
} Bound;

static bool statement_bound(void *ctx, VlId id) {
  Bound *b = ctx;
  const VlStmt *st = vl_stmt(b->m, id);
  if (b->n == b->cap) return false; /* full: the walk stops */
  if ((st->kind == VL_S_IMPORT || st->kind == VL_S_IMPORT_FROM) && st->a) b->ids[b->n++] = st->a;
  else if (st->kind == VL_S_DEF) b->ids[b->n++] = vl_func(b->m, st->a)->name;
  else if (st->kind == VL_S_CLASS) b->ids[b->n++] = b->m->classes[st->a].name;
  return true;
}

static int name_ref_cmp(const void *a, const void *b) {
  const NameRef *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* Every function's name expressions that refer to its own slots (locals, and cells read by nested
 * functions), sorted by position: one pass over the module. */
static void build_name_refs(Analysis *an) {
  const VlModule *m = an->m;
  struct NameRefs *by = VL_ARENA_ARRAY(an->arena, struct NameRefs, m->nfuncs + 1);
  uint32_t *count = vl_xcalloc(m->nfuncs + 1, sizeof *count);
  for (VlId e = 1; e < m->nexprs; e++) {
    const VlExpr *x = &m->exprs[e];
    if (x->op == VL_E_NAME && (x->sym.kind == VL_SYM_LOCAL || x->sym.kind == VL_SYM_CELL) && x->sym.owner < m->nfuncs)
      count[x->sym.owner]++;
  }
  for (VlId f = 0; f < m->nfuncs; f++) by[f].refs = VL_ARENA_ARRAY(an->arena, NameRef, count[f] + 1);
  for (VlId e = 1; e < m->nexprs; e++) {
    const VlExpr *x = &m->exprs[e];
    if (x->op == VL_E_NAME && (x->sym.kind == VL_SYM_LOCAL || x->sym.kind == VL_SYM_CELL) && x->sym.owner < m->nfuncs)
      by[x->sym.owner].refs[by[x->sym.owner].n++] = (NameRef){x->start, x->sym.slot};
  }
  for (VlId f = 0; f < m->nfuncs; f++)
    if (by[f].n > 1) qsort(by[f].refs, by[f].n, sizeof(NameRef), name_ref_cmp);
  free(count);
  an->name_refs = by;
}

/* The slots statement `stmt` of F's function touches; NULL for all of them (the module body). */
static const VlSlots *stmt_slots(Frame *F, VlId stmt) {
  Analysis *an = F->an;
  const VlModule *m = an->m;
  if (F->func == VL_MODULE_FUNC || !stmt || stmt >= m->nstmts) return NULL;
  if (!an->stmt_slots) an->stmt_slots = VL_ARENA_ARRAY(an->arena, const VlSlots *, m->nstmts);
  if (an->stmt_slots[stmt]) return an->stmt_slots[stmt];
  if (!an->name_refs) build_name_refs(an);
  const struct NameRefs *nr = &an->name_refs[F->func];
  const VlStmt *st = &m->stmts[stmt];
  uint32_t lo = 0, hi = nr->n; /* the first reference at or after the statement's start */
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (nr->refs[mid].start < st->start) lo = mid + 1;
    else hi = mid;
  }
  uint32_t end = lo;
  while (end < nr->n && nr->refs[end].start < st->end) end++;
  FuncData *fd = &an->fd[F->func];
  if (!fd->bound) { /* once per function: the slots its def, class and import statements bind */
    const VlFunc *fn = vl_func(m, F->func);
    Bound bd = {m, vl_xcalloc(fn->nlocals + 1, sizeof(VlId)), 0, fn->nlocals}; /* (more would repeat names) */
    vl_block_walk(m, fn->body, statement_bound, &bd);
    VlId *ids = bd.ids;
    uint32_t nbound = bd.n;
    VlSlots *b = vl_arena_alloc(an->arena, sizeof(VlSlots) + (nbound + 1) * sizeof(uint16_t));
    for (uint32_t i = 0; i < nbound; i++) {
      int k = local_slot_of(F, ids[i]);
      if (k >= 0) b->s[b->n++] = (uint16_t)k;
    }
    free(ids);
    fd->bound = b;
  }
  if (an->nseen < F->nenv + 1) { /* a mark per slot, cleared after use: no per-statement clearing */
    free(an->seen);
    an->nseen = F->nenv + 1;
    an->seen = vl_xcalloc(an->nseen, 1);
  }
  uint8_t *seen = an->seen;
  VlSlots *out = vl_arena_alloc(an->arena, sizeof(VlSlots) + (end - lo + fd->ncells + fd->bound->n + 1) * sizeof(uint16_t));
  out->n = 0;
  for (uint32_t i = 0; i < fd->bound->n; i++) {
    uint16_t k = fd->bound->s[i];
    if (k < F->nenv && !seen[k]) seen[k] = 1, out->s[out->n++] = k;
  }
  for (uint32_t i = lo; i < end; i++) {
    uint16_t k = nr->refs[i].slot;
    if (k < F->nenv && !seen[k]) seen[k] = 1, out->s[out->n++] = k;
  }
  for (uint32_t i = 0; i < fd->ncells; i++) {
    uint32_t k = fd->cells[i];
    if (k < F->nenv && !seen[k]) seen[k] = 1, out->s[out->n++] = (uint16_t)k;
  }
  for (uint32_t i = 0; i < out->n; i++) seen[out->s[i]] = 0;
  an->stmt_slots[stmt] = out;
  return out;
}

static inline uint32_t nslots(const Frame *F, const VlSlots *S) { return S ? S->n : F->nenv; }

/* Saves slots S of the environment. */
static const VlVal **snap(Frame *F, const VlSlots *S) {
  if (!S) return env_copy(F, F->env, F->nenv);
  const VlVal **c = vl_arena_alloc(F->scratch, (S->n ? S->n : 1) * sizeof *c);
  for (uint32_t i = 0; i < S->n; i++) c[i] = F->env[S->s[i]];
  return c;
}

/* Restores slots S of the environment from a snapshot. */
static void put(Frame *F, const VlSlots *S, const VlVal **v) {
  if (!S) {
    memcpy(F->env, v, F->nenv * sizeof *F->env);
    return;
  }
  for (uint32_t i = 0; i < S->n; i++) F->env[S->s[i]] = v[i];
}

/* ---- names ---- */

static const VlVal **comp_slot(Frame *F, VlId owner, uint16_t slot) {
  for (CompEnv *c = F->comps; c; c = c->outer)
    if (c->func == owner) return &c->env[slot];
  return NULL;
}

static const VlVal *symbol(Frame *F, VlSymOp op, const VlModInfo *mod, VlId func, uint32_t index, const char *name,
                           const VlVal *hint) {
  VlObj o = {.kind = VL_O_SYM, .sub = (uint8_t)op, .mod = mod, .func = func, .index = index, .name = name,
             .nd = vl_nd_unknown(), .elem = hint};
  return vl_val1(V(F), vl_obj(V(F), o));
}

/* Python's builtins (only names the analysis gives a meaning to need be listed). */
static bool python_builtin(const char *name) {
  static const char *const names[] = {
      "abs", "all", "any", "bool", "callable", "chr", "classmethod", "complex", "copy", "delattr", "dict", "divmod",
      "enumerate", "exec", "filter", "float", "format", "frozenset", "getattr", "hasattr", "hash", "id", "input",
      "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next", "object", "open", "ord",
      "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "sorted", "staticmethod", "str",
      "sum", "super", "tuple", "type", "vars", "zip", "bin", "hex", "oct", "ascii"};
  return VL_STR_IN(names, name);
}

/* A builtin name, or a name brought by `from X import *`. */
static const VlVal *builtin(Frame *F, const char *name) {
  const VlModule *m = M(F);
  if (python_builtin(name)) return vl_lib_value(F, vl_arena_dotted(F->scratch, "builtins", name));
  Analysis *an = F->an;
  if (!an->star_imports_built) { /* once per module, not a walk of every statement per name */
    an->star_imports_built = true;
    for (uint32_t s = 1; s < m->nstmts; s++)
      if (m->stmts[s].kind == VL_S_IMPORT_FROM && !m->stmts[s].a) an->nstar_imports++; /* star imports only */
    an->star_imports = VL_ARENA_ARRAY(an->arena, VlId, an->nstar_imports + 1);
    an->nstar_imports = 0;
    for (uint32_t s = 1; s < m->nstmts; s++)
      if (m->stmts[s].kind == VL_S_IMPORT_FROM && !m->stmts[s].a) an->star_imports[an->nstar_imports++] = s;
  }
  for (uint32_t k = 0; k < an->nstar_imports; k++) {
    const VlStmt *st = &m->stmts[an->star_imports[k]];
    const char *mod = vl_str(m, st->b);
    if (st->sub == 0) {
      const VlVal *lib = vl_lib_value(F, vl_arena_dotted(F->scratch, mod, name));
      if (!vl_val_unknownish(lib)) return lib;
    }
  }
  return vl_lib_value(F, vl_arena_dotted(F->scratch, "builtins", name));
}

/* Evidence from the function's uses raises what is known of an array's ndim, and says its library when
 * its methods are one library's (an array of unknown library, or a symbol, becomes one of that library). */
static const VlVal *with_evidence(Frame *F, const VlVal *v, uint8_t ev, uint8_t lib) {
  if (!ev || vl_val_empty(v)) return v;
  VlNdim need = ev == 1 ? vl_nd_unknown() : vl_nd_atleast(ev);
  const VlVal *r = vl_as_array(F, v, need);
  if (!lib || lib > F->an->know->nlibs) return r;
  const VlObj *out[VL_VAL_MAX + 1];
  int n = 0;
  for (uint16_t i = 0; i < r->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *o = r->objs[i];
    if (o->kind == VL_O_ARRAY && !o->lib) {
      VlObj c = *o;
      c.lib = lib;
      o = vl_obj(V(F), c);
    }
    out[n++] = o;
  }
  return vl_val_of(V(F), out, (size_t)n);
}

/* A name bound to arrays of known ndim and, by a rebinding we could not follow (np.tile(a, ...)),
 * to arrays of unknown ndim: those keep the ndim the others prove, as a rebinding of an array
 * usually does. */
const VlVal *vl_nd_floor(Frame *F, const VlVal *v) {
  uint8_t lo = VL_ND_MAX;
  bool unknown = false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_ARRAY) continue;
    if (o->nd.lo == 0 && o->nd.hi == VL_ND_MAX) unknown = true;
    else if (o->nd.lo < lo) lo = o->nd.lo;
  }
  if (!unknown || lo == VL_ND_MAX || lo == 0) return v;
  const VlObj *out[VL_VAL_MAX + 1];
  int n = 0;
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && o->nd.lo == 0 && o->nd.hi == VL_ND_MAX) {
      VlObj c = *o;
      c.nd.lo = lo;
      o = vl_obj(V(F), c);
    }
    out[n++] = o;
  }
  return vl_val_of(V(F), out, (size_t)n);
}

/* Is expression t a name of slot (owner, slot), or a tuple or list target holding one? */
static bool names_slot(const VlModule *m, VlId t, VlId owner, uint32_t slot, int depth) {
  const VlExpr *x = vl_expr(m, t);
  if (x->op == VL_E_NAME) return (x->sym.kind == VL_SYM_LOCAL || x->sym.kind == VL_SYM_CELL) && x->sym.owner == owner && x->sym.slot == slot;
  if (x->op == VL_E_STAR) return depth < 4 && names_slot(m, vl_kid(m, t, 0), owner, slot, depth + 1);
  for (uint32_t i = 0; (x->op == VL_E_TUPLE || x->op == VL_E_LIST) && depth < 4 && i < x->nkids; i++)
    if (names_slot(m, vl_kid(m, t, i), owner, slot, depth + 1)) return true;
  return false;
}

/* An annotation written `int`. */
static bool annotation_is_int(const VlModule *m, VlId e) {
  return e && vl_expr(m, e)->op == VL_E_NAME && strcmp(vl_str(m, vl_expr(m, e)->a), "int") == 0;
}

/* An int by its making: an integer literal, or len(...) / int(...) of anything. */
static bool int_made(const VlModule *m, VlId e) {
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_INT) return true;
  if (x->op != VL_E_CALL) return false;
  const VlExpr *c = vl_expr(m, vl_kid(m, e, 0));
  return c->op == VL_E_NAME && c->sym.kind == VL_SYM_BUILTIN &&
         (strcmp(vl_str(m, c->a), "len") == 0 || strcmp(vl_str(m, c->a), "int") == 0);
}

/* Closure variables that are ints: slot `slot` of function `owner`, read by a function nested in it
 * (`n` in `def matvec(v): ... lap[n // 2]` inside `def make_operator(n, ...)`).  It is an int when
 * every binding of it (in the owner, or a nested `nonlocal` one) makes an int (a literal, len(),
 * int(); an augmented assignment by a literal), none is a loop's, a with's, a walrus' or an unpacking's,
 * and something proves it: such a binding, a parameter annotated `int` or defaulting to an integer
 * literal, or its use as an argument of range() or .reshape() (which take only ints), in the owner
 * or a nested function.  Decided once per closure variable (FuncData.cell_int). */
static bool cell_is_int(Frame *F, VlId owner, uint32_t slot) {
  Analysis *an = F->an;
  const VlModule *m = M(F);
  if (!owner || owner >= m->nfuncs) return false;
  FuncData *fd = &an->fd[owner];
  uint32_t at = 0;
  while (at < fd->ncells && fd->cells[at] != slot) at++;
  if (at == fd->ncells) return false;
  if (!fd->cell_int) fd->cell_int = VL_ARENA_ARRAY(an->arena, uint8_t, fd->ncells);
  if (fd->cell_int[at]) return fd->cell_int[at] == 1;
  const VlFunc *fn = vl_func(m, owner);
  const char *name = vl_local_name(m, owner, slot);
  bool bad = false, proof = false;
  for (uint16_t p = 0; p < fn->nparams; p++) {
    const VlParam *pp = &m->params[fn->params + p];
    if (strcmp(vl_str(m, pp->name), name) != 0) continue;
    bad |= pp->kind == VL_P_VARARGS || pp->kind == VL_P_KWARGS;
    proof |= annotation_is_int(m, pp->annotation) || (pp->dflt && vl_expr(m, pp->dflt)->op == VL_E_INT);
    bad |= pp->dflt && vl_expr(m, pp->dflt)->op != VL_E_INT && vl_expr(m, pp->dflt)->op != VL_E_NONE;
  }
  for (uint32_t i = 1; i < m->nstmts && !bad; i++) {
    const VlStmt *st = vl_stmt(m, i);
    if (st->start < fn->start || st->end > fn->end) continue;
    if (st->kind == VL_S_ASSIGN) {
      for (uint32_t k = 0; k < st->n; k++) {
        VlId t = m->kids[st->b + k];
        if (!names_slot(m, t, owner, slot, 0)) continue;
        if (vl_expr(m, t)->op != VL_E_NAME || !int_made(m, st->a)) bad = true;
        else proof = true;
      }
    } else if (st->kind == VL_S_AUGASSIGN && names_slot(m, st->a, owner, slot, 0)) {
      bad |= vl_expr(m, st->b)->op != VL_E_INT;
    } else if (st->kind == VL_S_WITH) {
      for (uint32_t k = 0; k < st->n; k++) {
        VlId t = m->kids[st->a + 2 * k + 1];
        bad |= t && names_slot(m, t, owner, slot, 0);
      }
    }
  }
  for (uint32_t l = 1; l < m->nloops && !bad; l++)
    bad |= m->loops[l].target && names_slot(m, m->loops[l].target, owner, slot, 0);
  for (uint32_t e = 1; e < m->nexprs && !bad; e++) {
    const VlExpr *x = vl_expr(m, e);
    if (x->start < fn->start || x->end > fn->end) continue;
    if (x->op == VL_E_WALRUS) bad |= names_slot(m, vl_kid(m, e, 0), owner, slot, 0);
    if (x->op != VL_E_CALL || proof) continue;
    const VlExpr *c = vl_expr(m, vl_kid(m, e, 0));
    bool int_args = (c->op == VL_E_NAME && c->sym.kind == VL_SYM_BUILTIN && strcmp(vl_str(m, c->a), "range") == 0) ||
                    (c->op == VL_E_ATTR && strcmp(vl_str(m, c->a), "reshape") == 0);
    for (uint32_t k = 1; int_args && k < x->nkids; k++) {
      VlId arg = vl_kid(m, e, k);
      proof |= vl_expr(m, arg)->op == VL_E_NAME && names_slot(m, arg, owner, slot, 0);
    }
  }
  fd->cell_int[at] = !bad && proof ? 1 : 2;
  return fd->cell_int[at] == 1;
}

static const VlVal *read_name(Frame *F, VlId e) {
  const VlExpr *x = vl_expr(M(F), e);
  VlSym s = x->sym;
  const VlVal *v = NULL;
  switch (s.kind) {
  case VL_SYM_LOCAL:
  case VL_SYM_CELL: {
    const VlVal **p = s.owner == F->func ? &F->env[s.slot] : comp_slot(F, s.owner, s.slot);
    if (p) {
      v = *p ? *p : &vl_empty_val;
      v = vl_nd_floor(F, v);
      if (s.owner == F->func && F->evidence)
        v = with_evidence(F, v, F->evidence[s.slot], F->lib_evidence ? F->lib_evidence[s.slot] : 0);
      /* a name read before any binding on this path (a loop's first round): nothing yet */
      return v;
    }
    /* a closure variable of an enclosing function (an int when every binding of it makes one) */
    if (cell_is_int(F, s.owner, s.slot)) return vl_prim(V(F), VL_O_INT);
    return symbol(F, VL_SYM_CELLV, F->an->mi, s.owner, s.slot, vl_str(M(F), x->a), NULL);
  }
  case VL_SYM_GLOBAL:
    if (F->func == VL_MODULE_FUNC) return F->env[s.slot] ? F->env[s.slot] : &vl_empty_val;
    v = F->an->globals && F->an->globals[s.slot] ? F->an->globals[s.slot] : NULL;
    if (!v || vl_val_empty(v)) return vl_unknown(V(F));
    return v;
  case VL_SYM_BUILTIN:
    return builtin(F, vl_str(M(F), x->a));
  default:
    return vl_unknown(V(F));
  }
}

static void write_name(Frame *F, VlId e, const VlVal *v) {
  const VlExpr *x = vl_expr(M(F), e);
  VlSym s = x->sym;
  if (s.kind == VL_SYM_LOCAL || s.kind == VL_SYM_CELL) {
    const VlVal **p = s.owner == F->func ? &F->env[s.slot] : comp_slot(F, s.owner, s.slot);
    if (p) {
      *p = v;
      return;
    }
    VlEffect ef = {.kind = VL_EFF_SETCELL, .func = s.owner, .slot = s.slot, .value = v};
    VL_VEC_PUSH(&F->effects, ef);
    return;
  }
  if (s.kind == VL_SYM_GLOBAL) {
    if (F->func == VL_MODULE_FUNC) {
      F->env[s.slot] = v;
      return;
    }
    VlEffect ef = {.kind = VL_EFF_SETGLOBAL, .slot = s.slot, .value = v};
    VL_VEC_PUSH(&F->effects, ef);
  }
}

/* ---- stores ---- */

static bool same_span(VlSpan a, VlSpan b) { return a.mod == b.mod && a.start == b.start && a.end == b.end; }

void vl_frame_clear(Frame *F, const VlVal *container) {
  ClearEv ev = {container, F->loop, false, {F->an->mi, F->stmt_start, F->stmt_start}};
  VL_VEC_PUSH(&F->clears, ev);
}

void vl_frame_store(Frame *F, const StoreEv *in) {
  StoreEv one = *in;
  const StoreEv *ev = &one;
  one.loop_call = in->loop_call || (F->loop_call && in->call);
  for (size_t i = 0; i < F->stores.len; i++) {
    StoreEv *o = &F->stores.items[i];
    if (o->store == ev->store && o->loop == ev->loop && o->call == ev->call && same_span(o->at, ev->at) &&
        o->implicit == ev->implicit && o->loop_call == ev->loop_call) {
      o->value = vl_join(V(F), o->value, ev->value);
      o->container = vl_join(V(F), o->container, ev->container);
      o->key_varies |= ev->key_varies;
      return;
    }
  }
  VL_VEC_PUSH(&F->stores, *ev);
}

/* ---- expressions ---- */

static const VlVal *eval_kid(Frame *F, VlId e, uint32_t i) { return vl_eval(F, vl_kid(M(F), e, i)); }

/* f(**kwargs) of a dict all of whose values came in under literal string keys (a `**kwargs` a call
 * bound): those keywords.  False when it may hold others. */
bool vl_dict_keywords(Frame *F, const VlVal *v, Args *a) {
  const VlObj *d = v->n == 1 ? v->objs[0] : NULL;
  if (!d || d->kind != VL_O_SEQ || d->sub != VL_SEQ_DICT || !d->site) return false;
  const VlHeapEntry *e = vl_heap_find(F, d->site);
  int n = vl_heap_dict_keys(V(F), d, e);
  if (n < 0 || a->nkw + n > VL_MAX_KWARGS || vl_heap_attr(F, d->site, VL_DICT_OPEN)) return false;
  for (uint16_t i = 0; i < e->nattrs; i++)
    if (e->attrs[i].name[0] == VL_DICT_KEY_MARK) {
      a->kwname[a->nkw] = e->attrs[i].name + 1;
      a->kw_expr[a->nkw] = 0;
      a->kw[a->nkw++] = e->attrs[i].val;
    }
  return true;
}

/* Arguments of a call (kids 1..) into Args. */
static void eval_args(Frame *F, VlId call, Args *a, uint32_t first) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, call);
  memset(a, 0, sizeof *a);
  a->call = call;
  for (uint32_t i = first; i < x->nkids; i++) {
    VlId k = vl_kid(m, call, i);
    const VlExpr *kx = vl_expr(m, k);
    if (kx->op == VL_E_KW) {
      const VlVal *v = vl_eval(F, vl_kid(m, k, 0));
      if (a->nkw < VL_MAX_KWARGS) {
        a->kwname[a->nkw] = vl_str(m, kx->a);
        a->kw_expr[a->nkw] = vl_kid(m, k, 0);
        a->kw[a->nkw++] = v;
      } else {
        a->dstar = true; /* more than we keep: any parameter may be passed (not its default) */
      }
    } else if (kx->op == VL_E_STAR) {
      const VlVal *v = vl_eval(F, vl_kid(m, k, 0));
      const VlObj *t = v->n == 1 ? v->objs[0] : NULL;
      if (!a->star && t && t->kind == VL_O_SEQ && t->sub == VL_SEQ_TUPLE && t->nitems && a->npos + t->nitems <= VL_MAX_ARGS) {
        /* f(*args) of a tuple of known items (a `*args` a call bound): those positions */
        for (uint16_t j = 0; j < t->nitems; j++) a->pos_expr[a->npos] = 0, a->pos[a->npos++] = t->items[j];
        a->spread = NULL;
        continue;
      }
      if (!a->star && !a->npos) {
        a->spread = v;
        a->spread_expr = vl_kid(m, k, 0);
      } else {
        a->spread = NULL;
      }
      a->star = true;
    } else if (kx->op == VL_E_DSTAR) {
      const VlVal *v = vl_eval(F, vl_kid(m, k, 0));
      if (!vl_dict_keywords(F, v, a)) a->dstar = true;
    } else {
      const VlVal *v = vl_eval(F, k);
      a->spread = NULL; /* f(*xs, y): not xs alone */
      if (!a->star && a->npos < VL_MAX_ARGS) {
        a->pos_expr[a->npos] = k;
        a->pos[a->npos++] = v;
      } else {
        a->star = true; /* more than we keep: the later positions are unknown (not defaults) */
      }
    }
  }
}

/* slice -> start? ':' stop? (':' step?)?  Literal bounds, and whether it narrows the axis. */
static void describe_slice(Frame *F, VlId s, Index *ix, int i) {
  const VlModule *m = M(F);
  VlId part[3] = {vl_kid(m, s, 0), vl_kid(m, s, 1), vl_kid(m, s, 2)};
  ix->lit[i] = true;
  long *out[3] = {&ix->start[i], &ix->stop[i], &ix->step[i]};
  const VlVal *stops[3] = {0};
  for (int k = 0; k < 3; k++) {
    *out[k] = LONG_MIN;
    if (!part[k]) continue;
    const VlExpr *p = vl_expr(m, part[k]);
    if (p->op == VL_E_NONE) continue;
    if (!vl_int_literal(m, part[k], out[k])) ix->lit[i] = false;
    stops[k] = vl_eval(F, part[k]);
  }
  /* a step that is a known constant (FRAME_SKIP = 4 at module level): counted as a literal one is
   * (the bounds still make the item not literal) */
  if (part[2] && ix->step[i] == LONG_MIN && stops[2] && stops[2]->n == 1 && stops[2]->objs[0]->kind == VL_O_INT &&
      stops[2]->objs[0]->num_known)
    ix->step[i] = (long)(int32_t)stops[2]->objs[0]->index;
  /* a step only a caller knows (`frame[::self.stride]`, a parameter): a deferred subscript keeps its
   * value, resolved with the rest of the index (summary.c) */
  if (part[2] && ix->step[i] == LONG_MIN && stops[2] && !vl_val_unknownish(stops[2])) {
    ix->stepv[i] = stops[2];
    /* (of an array this function has: the call decides, with its arguments and defaults) */
    if (vl_val_has(stops[2], VL_O_SYM)) F->size_deferred = true;
  }
  /* narrows: a stop or a negative start shows an unknown, maybe small, part of the axis (a start
   * alone, a[1:], or a stop counted from the end, a[:-1], shows most of it; steps are counted
   * apart) */
  const VlExpr *px = part[1] ? vl_expr(m, part[1]) : NULL;
  bool stop = px && px->op != VL_E_NONE && !(px->op == VL_E_INT && px->sub);
  /* a[:len(a) // 2]: a stop that is a good part of the length (halves of a split) */
  if (stop && stops[1] && stops[1]->n == 1 && stops[1]->objs[0]->kind == VL_O_INT &&
      (stops[1]->objs[0]->flags & VL_F_FRACTION))
    stop = false;
  /* a[-3:], a[-WIN:]: the last few (a negated name or call counts as a stop does) */
  const VlExpr *sx = part[0] ? vl_expr(m, part[0]) : NULL;
  bool neg_start = sx && ((sx->op == VL_E_INT && sx->sub) || (sx->op == VL_E_UNOP && sx->sub == '-'));
  /* a[::a.size // 256], a[::max(1, len(a) // 8)]: a step that is a share of a length keeps about that
   * many entries of the axis, a part of it (however long the axis, which is not known here) */
  ix->narrows[i] = stop || neg_start || vl_share_step(stops[2]);
}

/* What an index item is, from its value (an int, an index array or list, a field name...).
 * `advanced_syntax`: written as a list, tuple, bool or comparison (advanced whatever its value). */
/* A 0-d integer array of a library where such an index is an integer (a torch index tensor's entry). */
static bool int0d_index(const VlKnowledge *know, const VlVal *iv) {
  if (!know || vl_val_empty(iv)) return false;
  for (uint16_t j = 0; j < iv->n; j++) {
    const VlObj *o = iv->objs[j];
    if (o->kind != VL_O_ARRAY || o->nd.lo != 0 || o->nd.hi != 0 || !(o->flags & VL_F_INTS) || !o->lib ||
        !vl_knowledge_lib(know, o->lib)->index0d)
      return false;
  }
  return true;
}

void vl_classify_index(const VlKnowledge *know, Index *ix, int at, const VlVal *iv, bool advanced_syntax) {
  bool slices = iv && iv->n;
  for (uint16_t j = 0; iv && j < iv->n && slices; j++)
    slices = vl_slice_obj(iv->objs[j]);
  if (slices && !advanced_syntax) { /* a slice object: a[roi] as a[100:164] */
    ix->kind[at] = IX_SLICE;
    for (uint16_t j = 0; j < iv->n; j++) ix->narrows[at] |= iv->objs[j]->index != 0;
    return;
  }
  if (advanced_syntax) {
    ix->kind[at] = IX_ADVANCED;
  } else if (vl_val_all_int(iv) || int0d_index(know, iv)) {
    ix->kind[at] = IX_INT;
    return;
  } else if (vl_val_has(iv, VL_O_ARRAY) || vl_val_has(iv, VL_O_SEQ) || vl_val_has(iv, VL_O_INDEX)) {
    ix->kind[at] = vl_val_has(iv, VL_O_UNKNOWN) ? IX_UNKNOWN : IX_ADVANCED;
  } else if (vl_val_only(iv, VL_O_STR)) {
    ix->kind[at] = IX_STR;
    return;
  } else {
    ix->kind[at] = IX_UNKNOWN;
    return;
  }
  /* an open mesh (np.ix_ of k arrays, k index arrays of k axes): takes k axes and gives k */
  bool mesh = !vl_val_empty(iv) && iv->objs[0]->kind == VL_O_INDEX && vl_nd_known(iv->objs[0]->nd);
  for (uint16_t j = 1; mesh && j < iv->n; j++)
    mesh = iv->objs[j]->kind == VL_O_INDEX && iv->objs[j]->nd.lo == iv->objs[0]->nd.lo && vl_nd_known(iv->objs[j]->nd);
  if (mesh) {
    ix->adv_1d = iv->objs[0]->nd.lo == 1;
    ix->adv_ints = true;
    ix->adv_nd = ix->adv_1d ? vl_nd_exact(1) : iv->objs[0]->nd;
    ix->adv_axes = iv->objs[0]->nd.lo;
    return;
  }
  bool one_d = !vl_val_empty(iv), ints = !vl_val_empty(iv);
  VlNdim nd = {VL_ND_MAX, 0};
  for (uint16_t j = 0; iv && j < iv->n; j++) {
    const VlObj *o = iv->objs[j];
    if (o->kind == VL_O_ARRAY) {
      one_d &= o->nd.lo == 1 && o->nd.hi == 1;
      ints &= (o->flags & VL_F_INTS) != 0;
      if (o->nd.lo < nd.lo) nd.lo = o->nd.lo;
      if (o->nd.hi > nd.hi) nd.hi = o->nd.hi;
    } else {
      one_d &= o->kind == VL_O_SEQ && o->sub == VL_SEQ_LIST;
      ints = false;
    }
  }
  ix->adv_1d = one_d;
  ix->adv_ints = ints;
  ix->adv_nd = nd;
}

/* An index held in a variable that is a tuple of slice objects, ints and None (roi = (slice(100, 164),
 * slice(200, 264)); img[roi]): as if written out, a[100:164, 200:264].  False for anything else. */
bool vl_expand_index_tuple(const VlKnowledge *know, Index *ix, const VlVal **items, const VlVal *iv) {
  if (!iv || iv->n != 1 || iv->objs[0]->kind != VL_O_SEQ || iv->objs[0]->sub != VL_SEQ_TUPLE) return false;
  const VlObj *t = iv->objs[0];
  if (!t->nitems || t->nitems > VL_MAX_INDEX) return false;
  for (uint16_t i = 0; i < t->nitems; i++) {
    const VlVal *it = t->items[i];
    bool ok = it->n > 0 && (vl_val_all_int(it) || vl_val_only(it, VL_O_NONE));
    if (!ok) {
      ok = it->n > 0;
      for (uint16_t j = 0; j < it->n && ok; j++)
        ok = vl_slice_obj(it->objs[j]);
    }
    if (!ok) return false;
  }
  ix->n = 0;
  for (uint16_t i = 0; i < t->nitems; i++) {
    int at = ix->n++;
    items[at] = t->items[i];
    if (vl_val_only(t->items[i], VL_O_NONE)) ix->kind[at] = IX_NEWAXIS;
    else vl_classify_index(know, ix, at, t->items[i], false);
  }
  return true;
}

/* subscript -> value '[' items ']' */
static const VlVal *eval_subscript(Frame *F, VlId e) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, e);
  const VlVal *base = eval_kid(F, e, 0);
  Index ix = {0};
  const VlVal *items[VL_MAX_INDEX] = {0};
  for (uint32_t i = 1; i < x->nkids; i++) {
    VlId k = vl_kid(m, e, i);
    const VlExpr *kx = vl_expr(m, k);
    int at = ix.n < VL_MAX_INDEX ? ix.n : VL_MAX_INDEX - 1;
    if (ix.n < VL_MAX_INDEX) ix.n++;
    if (kx->op == VL_E_SLICE) {
      ix.kind[at] = IX_SLICE;
      describe_slice(F, k, &ix, at);
    } else if (kx->op == VL_E_NONE) {
      ix.kind[at] = IX_NEWAXIS;
    } else if (kx->op == VL_E_ELLIPSIS) {
      ix.kind[at] = IX_ELLIPSIS;
    } else if (kx->op == VL_E_STR && x->nkids == 2) {
      ix.kind[at] = IX_STR;
      ix.str = kx->a ? vl_str(m, kx->a) : NULL;
      items[at] = vl_eval(F, k);
    } else {
      const VlVal *iv = vl_eval(F, k);
      items[at] = iv;
      if (x->nkids == 2 && vl_expand_index_tuple(F->an->know, &ix, items, iv)) continue; /* img[roi], roi = (slice(..), slice(..)) */
      vl_classify_index(F->an->know, &ix, at, iv, kx->op == VL_E_LIST || kx->op == VL_E_TUPLE || kx->op == VL_E_TRUE ||
                                         kx->op == VL_E_FALSE || kx->op == VL_E_COMPARE);
      if (ix.kind[at] == IX_INT && vl_int_literal(m, k, &ix.start[at])) ix.lit[at] = true;
    }
  }
  return vl_op_subscript(F, base, &ix, items, e);
}

/* v where it is known not to be None: None dropped, a parameter's symbol marked (a caller that passes
 * None for it gives nothing there). */
static const VlVal *not_none(Frame *F, const VlVal *v) {
  const VlObj *out[VL_VAL_MAX];
  int n = 0;
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_NONE) continue;
    if (o->kind == VL_O_SYM && o->sub == VL_SYM_PARAM && !(o->flags & VL_F_NOT_NONE)) {
      VlObj c = *o;
      c.flags |= VL_F_NOT_NONE;
      o = vl_obj(V(F), c);
    }
    out[n++] = o;
  }
  return vl_val_of(V(F), out, (size_t)n);
}

/* The same symbol, whatever else is known of it (array evidence, not None). */
static bool same_sym(const VlObj *a, const VlObj *b) {
  return a == b || (a->kind == VL_O_SYM && b->kind == VL_O_SYM && a->sub == b->sub && a->index == b->index &&
                    a->base == b->base && a->mod == b->mod && a->func == b->func &&
                    (a->name == b->name || (a->name && b->name && strcmp(a->name, b->name) == 0)));
}

/* A dict or list display a function builds outside its loops (`return {"image_id": i, "dt_scores":
 * s[:k]}`) puts each value in: a part of an array there is a store into the new container (an
 * element's), so that a helper handing the record back has it as its effect, reported at the value
 * where `.copy()` belongs rather than where a caller keeps the record (analysis.c:
 * handed_back_container_stores).  A display also holding the whole base of the part keeps it whole:
 * no store.  (Displays in loops are judged where they are stored, as before.) */
static void display_stores(Frame *F, const VlVal *seq, const VlId *exprs, const VlVal *const *vals, int n) {
  if (F->loop || F->func == VL_MODULE_FUNC || !n) return;
  const VlModule *m = M(F);
  for (int i = 0; i < n; i++) {
    bool part = false;
    for (uint16_t k = 0; k < vals[i]->n && !part; k++) {
      const VlObj *o = vals[i]->objs[k];
      /* a part of an array made here, or a subscript of what a parameter gives (`dets[i, :4]`: the
       * caller's array decides whether it is a part) */
      bool sub = o->kind == VL_O_SYM && o->sub == VL_SYM_SUBV && o->base && o->base->n == 1;
      if (!sub && (o->kind != VL_O_ARRAY || !o->sub || !(o->flags & VL_F_PARTIAL) || !o->site)) continue;
      bool whole = false;
      for (int j = 0; j < n && !whole; j++)
        for (uint16_t h = 0; h < vals[j]->n && !whole; h++) {
          const VlObj *w = vals[j]->objs[h];
          whole = sub ? same_sym(w, o->base->objs[0])
                      : w->kind == VL_O_ARRAY && w->site == o->site && (!w->sub || !(w->flags & VL_F_PARTIAL));
        }
      part = !whole;
    }
    if (!part) continue;
    StoreEv ev = {.store = VL_ST_ELEMENT, .container = seq, .value = vals[i], .loop = 0,
                  .at = vl_expr_span(F->an, exprs[i]), .fix_at = vl_expr(m, exprs[i])->end,
                  .text = vl_expr_text(F->an, exprs[i])};
    vl_frame_store(F, &ev);
  }
}

static int none_test(Frame *F, VlId cond);

/* {**d, ...}, dict(d) and dict(m, **d): the new dict gets the values of a dict d we can see into, under
 * d's keys when all of d's came in under literal string keys (`{**DEFAULTS, **(config or {})}["warmup"]`
 * is DEFAULTS' value, or another under that key: values are joined, never replaced); a dict with other
 * keys makes the new dict's per-key values answer nothing.  False for what we cannot see into (a
 * parameter, an opaque object): a `**x` of it adds no value, but the new dict is open (VL_DICT_OPEN:
 * it may hold keys not known here), and an open d leaves it open.  The one place for that fact:
 * `{**defaults, **kwargs}` and `dict(defaults, **kwargs)` both come here. */
bool vl_heap_dict_splat(Frame *F, const VlSite *site, const VlObj *d) {
  const VlHeapEntry *e = d->kind == VL_O_SEQ && d->sub == VL_SEQ_DICT && d->site ? vl_heap_find(F, d->site) : NULL;
  if (!e) {
    if (site) vl_heap_set_attr(F, site, VL_DICT_OPEN, vl_unknown(V(F)));
    return false;
  }
  int n = vl_heap_dict_keys(V(F), d, e);
  if (n < 0 || n > 16) {
    vl_heap_move_elem(F, site, vl_join(V(F), e->elem, d->elem), true);
    return true;
  }
  VlAttr keys[16];
  uint16_t nk = 0;
  for (uint16_t a = 0; a < e->nattrs && nk < 16; a++)
    if (e->attrs[a].name[0] == VL_DICT_KEY_MARK) keys[nk++] = e->attrs[a];
  const VlVal *key = e->key;
  for (uint16_t a = 0; a < nk; a++) { /* (the heap may move: e is stale) */
    vl_heap_move_elem(F, site, keys[a].val, false);
    vl_heap_set_attr(F, site, keys[a].name, keys[a].val);
  }
  const VlVal *open = vl_heap_attr(F, d->site, VL_DICT_OPEN);
  if (site && !vl_val_empty(key)) {
    VlHeapEntry *he = vl_heap_get(F, site);
    he->key = vl_join(V(F), he->key, key);
  }
  if (open) vl_heap_set_attr(F, site, VL_DICT_OPEN, open);
  return true;
}

static const VlVal *eval_display(Frame *F, VlId e, VlSeqKind kind) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, e);
  if (kind == VL_SEQ_TUPLE) { /* immutable: exact items */
    const VlVal *items[64];
    uint16_t n = 0;
    bool star = false;
    for (uint32_t i = 0; i < x->nkids; i++) {
      VlId k = vl_kid(m, e, i);
      if (vl_expr(m, k)->op == VL_E_STAR) {
        star = true;
        vl_eval(F, vl_kid(m, k, 0));
        continue;
      }
      const VlVal *v = vl_eval(F, k);
      if (n < 64) items[n++] = v;
    }
    const VlVal *elem = &vl_empty_val;
    for (uint16_t i = 0; i < n; i++) elem = vl_join(V(F), elem, items[i]);
    VlObj o = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .nd = vl_nd_unknown(), .elem = elem,
               .items = star || x->nkids > 64 ? NULL : items, .nitems = star || x->nkids > 64 ? 0 : n,
               .site = vl_new_site(F, e, VL_HOW_OBJECT)};
    return vl_val1(V(F), vl_obj(V(F), o));
  }
  const VlVal *seq = vl_new_seq(F, kind, e);
  const VlSite *site = seq->objs[0]->site;
  VlId vexpr[16];
  const VlVal *vval[16];
  int nv = 0;
  for (uint32_t i = 0; i < x->nkids; i++) {
    VlId k = vl_kid(m, e, i);
    const VlExpr *kx = vl_expr(m, k);
    if (kind == VL_SEQ_DICT) {
      if (kx->op == VL_E_DSTAR) {
        const VlVal *d = vl_eval(F, vl_kid(m, k, 0));
        if (!d->n) d = vl_unknown(V(F));
        for (uint16_t h = 0; h < d->n; h++) vl_heap_dict_splat(F, site, d->objs[h]);
        i++;
        continue;
      }
      const VlVal *key = vl_eval(F, k);
      const VlVal *val = i + 1 < x->nkids ? vl_eval(F, vl_kid(m, e, i + 1)) : &vl_empty_val;
      if (i + 1 < x->nkids && nv < 16) vexpr[nv] = vl_kid(m, e, i + 1), vval[nv++] = val;
      i++;
      vl_heap_dict_put(F, site, key, val);
      VlHeapEntry *he = vl_heap_get(F, site);
      he->key = vl_join(V(F), he->key, key);
    } else if (kx->op == VL_E_STAR) {
      const VlVal *it = vl_eval(F, vl_kid(m, k, 0));
      vl_heap_add_elem(F, site, vl_op_iter_elem(F, it, 0, k));
    } else {
      const VlVal *val = vl_eval(F, k);
      if (nv < 16) vexpr[nv] = k, vval[nv++] = val;
      vl_heap_add_elem(F, site, val);
    }
  }
  display_stores(F, seq, vexpr, vval, nv);
  if (kind == VL_SEQ_LIST && nv == (int)x->nkids) { /* (no starred item: one value per position) */
    F->disp = e;
    F->ndisp = (uint8_t)nv;
    for (int i = 0; i < nv; i++) F->disp_items[i] = vval[i];
  }
  return seq;
}

/* A comprehension is a loop: its clauses' targets get the iterables' elements, its element is
 * stored into the new container (or, for a generator expression, handed out per step). */
/* Is e a name spelled as name expression n is (by text: the iterable is read in the enclosing scope,
 * the element in the comprehension's)? */
static bool same_text(const VlModule *m, VlId e, VlId n) {
  const VlExpr *x = vl_expr(m, e), *y = vl_expr(m, n);
  return x->op == VL_E_NAME && y->op == VL_E_NAME && x->a && y->a && strcmp(vl_str(m, x->a), vl_str(m, y->a)) == 0;
}

/* Is e a call of a method named `method` on a name spelled as n (`n.append(v)`)? */
static bool method_on(const VlModule *m, VlId e, const char *method, VlId n) {
  const VlExpr *x = vl_expr(m, e);
  if (x->op != VL_E_CALL || !x->nkids) return false;
  VlId f = vl_kid(m, e, 0);
  const VlExpr *fx = vl_expr(m, f);
  return fx->op == VL_E_ATTR && fx->a && (!method || strcmp(vl_str(m, fx->a), method) == 0) && same_text(m, vl_kid(m, f, 0), n);
}

/* Are lists `a` and `b` (names) of function `func` filled together: each grown by one `x.append(v)`
 * only, both statements straight in the body of one loop (not under an `if`)?  Then they are as long
 * as each other, item k of one made in the iteration item k of the other was. */
static bool filled_together(const VlModule *m, VlId func, VlId a, VlId b) {
  const VlFunc *fn = vl_func(m, func);
  static const char *const growers[] = {"append", "extend", "insert", "__iadd__"};
  int grown = 0;
  for (VlId e = 1; e < m->nexprs; e++) { /* a list grown elsewhere, or another way, may be longer */
    const VlExpr *x = vl_expr(m, e);
    if (x->start < fn->start || x->end > fn->end || x->op != VL_E_CALL || !x->nkids) continue;
    const VlExpr *f = vl_expr(m, vl_kid(m, e, 0));
    if (f->op != VL_E_ATTR || !f->a || !VL_STR_IN(growers, vl_str(m, f->a))) continue;
    if (method_on(m, e, NULL, a) || method_on(m, e, NULL, b)) grown++;
  }
  if (grown != 2) return false;
  for (VlId l = 1; l < m->nloops; l++) {
    const VlLoop *lp = &m->loops[l];
    if (lp->kind == VL_LOOP_COMP || lp->func != func) continue;
    const VlStmt *ls = vl_stmt(m, lp->node);
    bool fa = false, fb = false;
    for (uint32_t i = 0; i < m->blocks[ls->b].count; i++) {
      const VlStmt *st = vl_stmt(m, vl_block_stmt(m, ls->b, i));
      if (st->kind != VL_S_EXPR) continue;
      fa |= method_on(m, st->a, "append", a);
      fb |= method_on(m, st->a, "append", b);
    }
    if (fa && fb) return true;
  }
  return false;
}

/* Is name n bound in function `func` to a sort order (`order = np.argsort(keys)`)? */
static bool sort_order(const VlModule *m, VlId func, VlId n) {
  const VlFunc *fn = vl_func(m, func);
  for (uint32_t s = 1; s < m->nstmts; s++) {
    const VlStmt *st = vl_stmt(m, s);
    if (st->kind != VL_S_ASSIGN || st->n != 1 || st->start < fn->start || st->end > fn->end) continue;
    const VlExpr *v = vl_expr(m, st->a);
    if (!same_text(m, m->kids[st->b], n) || v->op != VL_E_CALL || !v->nkids) continue;
    const VlExpr *f = vl_expr(m, vl_kid(m, st->a, 0));
    if ((f->op == VL_E_NAME || f->op == VL_E_ATTR) && f->a && strcmp(vl_str(m, f->a), "argsort") == 0) return true;
  }
  return false;
}

/* Does iterable `it` of a comprehension in function `func` run over every index of container `src` (a
 * name): `range(len(src))`, or a permutation of as many indices, `np.argsort(keys)` (`keys.argsort()`)
 * where keys was filled together with src (filled_together: as long by construction) or is itself a
 * sort order (`np.argsort(order)` of `order = np.argsort(lengths)`: the inverse permutation, undoing
 * the sort src was filled in, one item per sorted one: the sentence-transformers idiom)?  An argsort of
 * anything else may be shorter than src: not every index. */
static bool every_index(const VlModule *m, VlId func, VlId it, VlId src) {
  const VlExpr *x = vl_expr(m, it);
  if (x->op != VL_E_CALL) return false;
  VlId callee = vl_kid(m, it, 0);
  const VlExpr *f = vl_expr(m, callee);
  const char *fname = (f->op == VL_E_NAME || f->op == VL_E_ATTR) && f->a ? vl_str(m, f->a) : NULL;
  if (!fname) return false;
  if (strcmp(fname, "argsort") == 0) {
    /* its operand: the argument (np.argsort(keys)), else the receiver (keys.argsort()) */
    VlId keys = x->nkids >= 2 ? vl_kid(m, it, 1) : f->op == VL_E_ATTR ? vl_kid(m, callee, 0) : 0;
    return keys && vl_expr(m, keys)->op == VL_E_NAME && (filled_together(m, func, src, keys) || sort_order(m, func, keys));
  }
  if (x->nkids < 2) return false;
  if (strcmp(fname, "range") != 0 || f->op != VL_E_NAME || x->nkids != 2) return false;
  VlId arg = vl_kid(m, it, 1);
  const VlExpr *l = vl_expr(m, arg);
  if (l->op != VL_E_CALL || l->nkids != 2) return false;
  const VlExpr *lf = vl_expr(m, vl_kid(m, arg, 0));
  /* (by the name's text: the iterable is read in the enclosing scope, the element in the comprehension's) */
  const VlExpr *n = vl_expr(m, vl_kid(m, arg, 1)), *s = vl_expr(m, src);
  return lf->op == VL_E_NAME && lf->a && strcmp(vl_str(m, lf->a), "len") == 0 && n->op == VL_E_NAME && n->a && s->a &&
         strcmp(vl_str(m, n->a), vl_str(m, s->a)) == 0;
}

/* A list comprehension that gathers every item of another container, in some order, with no filter
 * (comp -> '[' NAME 'for' NAME 'in' SRC ']' | '[' SRC '[' NAME ']' 'for' NAME 'in' every_index ']'):
 * the container's expression, else 0. */
static VlId regathers(const VlModule *m, const VlComp *c) {
  if (c->kind != VL_COMP_LIST || c->nclauses != 1 || m->clauses[c->clauses].is_if) return 0;
  const VlLoop *lp = &m->loops[m->clauses[c->clauses].loop];
  if (vl_expr(m, lp->target)->op != VL_E_NAME) return 0;
  if (vl_same_name(m, c->elem, lp->target)) return vl_expr(m, lp->iter)->op == VL_E_NAME ? lp->iter : 0;
  const VlExpr *el = vl_expr(m, c->elem);
  if (el->op != VL_E_SUB || el->nkids != 2 || !vl_same_name(m, vl_kid(m, c->elem, 1), lp->target)) return 0;
  VlId src = vl_kid(m, c->elem, 0);
  if (vl_expr(m, src)->op != VL_E_NAME || !every_index(m, vl_func(m, lp->func)->parent, lp->iter, src)) return 0;
  return src;
}

static const VlVal *eval_comprehension(Frame *F, VlId e) {
  Analysis *an = F->an;
  const VlModule *m = M(F);
  const VlComp *c = &m->comps[vl_expr(m, e)->a];
  const VlFunc *cf = vl_func(m, c->func);
  CompEnv ce = {c->func, VL_ARENA_ARRAY(F->scratch, const VlVal *, cf->nlocals ? cf->nlocals : 1), F->comps};
  for (uint32_t i = 0; i < cf->nlocals; i++) ce.env[i] = &vl_empty_val;
  F->comps = &ce;
  VlId outer_loop = F->loop;
  const VlVal *result = NULL;
  const VlSite *site = NULL;
  if (c->kind != VL_COMP_GEN) {
    result = vl_new_seq(F, c->kind == VL_COMP_DICT ? VL_SEQ_DICT : c->kind == VL_COMP_SET ? VL_SEQ_SET : VL_SEQ_LIST, e);
    site = result->objs[0]->site;
  }
  const VlVal *elems = &vl_empty_val;
  /* two rounds: the second sees what the first bound (a comprehension's names are its own) */
  for (int round = 0; round < 2; round++) {
    for (uint16_t i = 0; i < c->nclauses; i++) {
      const VlClause *cl = &m->clauses[c->clauses + i];
      if (cl->is_if) {
        vl_eval(F, cl->cond);
        continue;
      }
      const VlLoop *lp = &m->loops[cl->loop];
      const VlVal *it = vl_eval(F, lp->iter);
      F->loop = cl->loop;
      const VlVal *el = vl_op_iter_elem(F, it, cl->loop, lp->iter);
      vl_assign(F, lp->target, el, lp->iter);
    }
    const VlVal *v = vl_eval(F, c->elem);
    if (c->key) vl_eval(F, c->key);
    elems = vl_join(V(F), elems, v);
  }
  VlId inner = c->nclauses ? 0 : 0;
  for (uint16_t i = 0; i < c->nclauses; i++)
    if (!m->clauses[c->clauses + i].is_if) inner = m->clauses[c->clauses + i].loop;
  if (site) {
    vl_heap_add_elem(F, site, elems);
    StoreEv ev = {.store = VL_ST_ELEMENT, .container = result, .value = elems, .loop = inner,
                  .at = vl_expr_span(an, c->elem), .fix_at = vl_expr(m, c->elem)->end, .text = vl_expr_text(an, c->elem)};
    vl_frame_store(F, &ev);
    VlId src = regathers(m, c);
    if (src) {
      struct Regather r = {site, vl_eval(F, src)};
      VL_VEC_PUSH(&F->regathered, r);
    }
  } else {
    /* a generator expression: an iterator whose steps are the element, made per iteration */
    VlObj o = {.kind = VL_O_ITER, .nd = vl_nd_unknown(), .elem = elems, .site = vl_new_site(F, e, VL_HOW_OBJECT),
               .index = inner, .expr = c->elem};
    result = vl_val1(V(F), vl_obj(V(F), o));
  }
  F->loop = outer_loop;
  F->comps = ce.outer;
  return result;
}

static const VlVal *eval_lambda(Frame *F, VlId e) { return vl_closure_value(F, vl_expr(M(F), e)->a); }

/* functools caches (docs/semantics.md, "Caches"):
 *   @functools.cache, @cache                          unbounded: every value returned for new
 *   @lru_cache(maxsize=None), @lru_cache(None)        arguments stays in the memo until cache_clear()
 *   @lru_cache, @lru_cache(), @lru_cache(maxsize=k)   at most 128 (k) entries: bounded, not followed
 * Only where the memo lives as long as the program: a module-level function or a method (a nested
 * function's cache dies with it), and only when nothing in the module calls its cache_clear(). */
/* The functools cache decorator d is (`@cache`, `@functools.cache`, `@lru_cache`, `@lru_cache(...)`): its
 * row of rules/stdlib.tsv, or NULL.  The one recognition of a cache decorator (a memo when unbounded:
 * unbounded_cache; a bounded one: interp.c VL_S_DEF). */
static const VlCallRow *cache_decorator(Analysis *an, VlId d) {
  const VlModule *m = an->m;
  return vl_knowledge_cache_decorator(an->know, vl_expr_text(an, vl_expr(m, d)->op == VL_E_CALL ? vl_kid(m, d, 0) : d));
}

static bool unbounded_cache(Analysis *an, VlId d) {
  const VlModule *m = an->m;
  const VlExpr *x = vl_expr(m, d);
  const VlCallRow *r = cache_decorator(an, d);
  if (!r || strcmp(r->result, "unbounded") == 0) return r != NULL;
  if (x->op != VL_E_CALL || x->nkids < 2) return false; /* @lru_cache: 128 results at most */
  VlId first = vl_kid(m, d, 1);
  const VlExpr *fx = vl_expr(m, first);
  if (fx->op == VL_E_NONE) return true; /* lru_cache(None) */
  for (uint32_t i = 1; i < x->nkids; i++) {
    const VlExpr *k = vl_expr(m, vl_kid(m, d, i));
    if (k->op == VL_E_KW && strcmp(vl_str(m, k->a), "maxsize") == 0)
      return vl_expr(m, vl_kid(m, vl_kid(m, d, i), 0))->op == VL_E_NONE;
  }
  return false;
}

/* ---- hand-written memo decorators ----
 *   def memoize(func):                      (or a module-level `_memo = {}` instead of `cache`)
 *       cache = {}
 *       def wrap(*args):
 *           if args not in cache:
 *               cache[args] = func(*args)   (or `result = func(*args); cache[args] = result`)
 *           return cache[args]
 *       return wrap
 * is an unbounded memo like @functools.cache: each new argument adds an entry keeping what the
 * decorated function returns.  Only when the whole module does nothing else with the dict than put
 * into it, look up in it and test membership (no clear(), pop(), del, len(), rebinding, passing it
 * on: any of those may bound it), its key is made from the wrapper's parameters, and the decorator
 * is a def of this module. */

/* Do e and t name the same variable, seen from the function that binds it or from a nested one
 * (a closure's CELL of the decorator's LOCAL)? */
static bool same_var(const VlModule *m, VlId e, VlId t) {
  const VlExpr *x = vl_expr(m, e), *y = vl_expr(m, t);
  if (!e || !t || x->op != VL_E_NAME || y->op != VL_E_NAME) return false;
  if (x->sym.kind < VL_SYM_LOCAL || x->sym.kind > VL_SYM_GLOBAL || y->sym.kind < VL_SYM_LOCAL || y->sym.kind > VL_SYM_GLOBAL)
    return false;
  return x->sym.owner == y->sym.owner && x->sym.slot == y->sym.slot;
}

static bool in_func(const VlModule *m, uint32_t start, VlId f) {
  return start > vl_func(m, f)->start && start < vl_func(m, f)->end;
}

/* The value assigned once, in function w, to the local that e names (0 if not exactly once). */
static VlId assigned_once(const VlModule *m, VlId w, VlId e) {
  VlId v = 0;
  int n = 0;
  for (uint32_t s = 1; s < m->nstmts; s++) {
    const VlStmt *st = &m->stmts[s];
    if (!in_func(m, st->start, w)) continue;
    if ((st->kind == VL_S_AUGASSIGN || st->kind == VL_S_ANNASSIGN) && same_var(m, st->a, e)) return 0;
    if (st->kind == VL_S_ASSIGN)
      for (uint32_t i = 0; i < st->n; i++)
        if (same_var(m, m->kids[st->b + i], e)) v = st->a, n++;
  }
  return n == 1 ? v : 0;
}

/* Is e made from a parameter of function w (args, tuple(args), args + tuple(kwargs.items()), a local
 * assigned once from such)?  A key that is not varies with nothing a caller passes. */
static bool from_params(const VlModule *m, VlId w, VlId e, int depth) {
  const VlExpr *x = vl_expr(m, e);
  if (!e || depth > 4) return false;
  if (x->op == VL_E_NAME && x->sym.kind == VL_SYM_LOCAL && x->sym.owner == w) {
    if (x->sym.slot < vl_func(m, w)->nparams) return true;
    VlId v = assigned_once(m, w, e);
    return v && from_params(m, w, v, depth + 1);
  }
  for (uint32_t i = 0; i < x->nkids; i++)
    if (from_params(m, w, vl_kid(m, e, i), depth + 1)) return true;
  return false;
}

/* Is v a call of the decorator's parameter (func(*args)), or a local of w assigned once from one? */
static bool calls_param(const VlModule *m, VlId w, VlId d, VlId v) {
  const VlExpr *x = vl_expr(m, v);
  if (x->op == VL_E_NAME) {
    VlId a = x->sym.kind == VL_SYM_LOCAL && x->sym.owner == w ? assigned_once(m, w, v) : 0;
    return a && vl_expr(m, a)->op != VL_E_NAME && calls_param(m, w, d, a);
  }
  if (x->op != VL_E_CALL) return false;
  const VlExpr *c = vl_expr(m, vl_kid(m, v, 0));
  return c->op == VL_E_NAME && c->sym.kind == VL_SYM_CELL && c->sym.owner == d && c->sym.slot == 0;
}

/* Does the module only put into, look up in and test membership of the dict that name c binds, and
 * bind it once, to `{}` or `dict()`? */
static bool only_grows(const VlModule *m, VlId c) {
  uint32_t uses = 0, seen = 0, binds = 0;
  for (VlId e = 1; e < m->nexprs; e++) {
    const VlExpr *x = vl_expr(m, e);
    if (same_var(m, e, c)) uses++;
    for (uint32_t i = 0; i < x->nkids; i++) {
      if (!same_var(m, vl_kid(m, e, i), c)) continue;
      if ((x->op == VL_E_SUB && i == 0) || (x->op == VL_E_COMPARE && x->sub == 1) ||
          (x->op == VL_E_ATTR && strcmp(vl_str(m, x->a), "get") == 0))
        seen++;
      else
        return false;
    }
  }
  for (uint32_t s = 1; s < m->nstmts; s++) {
    const VlStmt *st = &m->stmts[s];
    if (st->kind == VL_S_DEL)
      for (uint32_t i = 0; i < st->n; i++)
        if (vl_expr(m, m->kids[st->b + i])->op == VL_E_SUB && same_var(m, vl_kid(m, m->kids[st->b + i], 0), c)) return false;
    if (st->kind != VL_S_ASSIGN) continue;
    for (uint32_t i = 0; i < st->n; i++) {
      if (!same_var(m, m->kids[st->b + i], c)) continue;
      const VlExpr *v = vl_expr(m, st->a);
      bool empty = (v->op == VL_E_DICT && v->nkids == 0) ||
                   (v->op == VL_E_CALL && v->nkids == 1 && vl_expr(m, vl_kid(m, st->a, 0))->op == VL_E_NAME &&
                    vl_expr(m, vl_kid(m, st->a, 0))->sym.kind == VL_SYM_BUILTIN &&
                    strcmp(vl_str(m, vl_expr(m, vl_kid(m, st->a, 0))->a), "dict") == 0);
      if (!empty) return false;
      binds++;
    }
  }
  return binds == 1 && uses == seen + binds;
}

static bool is_hand_memo(const VlModule *m, VlId name);

/* Is decorator expression d a name of a hand-written unbounded memo decorator of this module?
 * Decided once per name: every function it decorates asks, and deciding reads the module. */
static bool hand_memo(Analysis *an, VlId d) {
  const VlModule *m = an->m;
  const VlExpr *x = vl_expr(m, d);
  if (x->op != VL_E_NAME || x->sym.kind != VL_SYM_GLOBAL || x->a >= m->nstrs) return false;
  if (!an->hand_memos) an->hand_memos = vl_xcalloc(m->nstrs + 1, 1);
  if (!an->hand_memos[x->a]) an->hand_memos[x->a] = is_hand_memo(m, x->a) ? 2 : 1;
  return an->hand_memos[x->a] == 2;
}

/* Is the module's def named by string `name` an unbounded memo decorator (the shape above)? */
static bool is_hand_memo(const VlModule *m, VlId name) {
  VlId dec = 0;
  for (VlId f = VL_MODULE_FUNC + 1; f < m->nfuncs; f++) {
    const VlFunc *fn = vl_func(m, f);
    if (fn->kind == VL_FN_DEF && fn->parent == VL_MODULE_FUNC && strcmp(vl_str(m, fn->name), vl_str(m, name)) == 0) {
      if (dec) return false; /* defined twice: which one applies is not followed */
      dec = f;
    }
  }
  const VlFunc *df = dec ? vl_func(m, dec) : NULL;
  if (!df || df->nparams != 1 || m->params[df->params].kind != VL_P_POS || df->ndecorators) return false;
  /* its one return: `return wrap`, a def nested in it */
  VlId w = 0;
  int returns = 0;
  for (uint32_t s = 1; s < m->nstmts; s++) {
    const VlStmt *st = &m->stmts[s];
    if (st->kind != VL_S_RETURN || !in_func(m, st->start, dec)) continue;
    bool nested = false;
    for (VlId g = dec + 1; g < m->nfuncs && !nested; g++)
      if (vl_func(m, g)->parent == dec && in_func(m, st->start, g)) nested = true;
    if (nested) continue;
    returns++;
    const VlExpr *r = st->a ? vl_expr(m, st->a) : NULL;
    for (VlId g = dec + 1; r && r->op == VL_E_NAME && g < m->nfuncs; g++)
      if (vl_func(m, g)->parent == dec && vl_func(m, g)->kind == VL_FN_DEF && strcmp(vl_str(m, vl_func(m, g)->name), vl_str(m, r->a)) == 0)
        w = g;
  }
  if (returns != 1 || !w) return false;
  /* in the wrapper: cache[key] = func(...), the key from its parameters, the dict only grown */
  for (uint32_t s = 1; s < m->nstmts; s++) {
    const VlStmt *st = &m->stmts[s];
    if (st->kind != VL_S_ASSIGN || st->n != 1 || !in_func(m, st->start, w)) continue;
    VlId t = m->kids[st->b];
    if (vl_expr(m, t)->op != VL_E_SUB || vl_expr(m, t)->nkids != 2) continue;
    VlId c = vl_kid(m, t, 0);
    const VlExpr *cx = vl_expr(m, c);
    bool captured = cx->op == VL_E_NAME && ((cx->sym.kind == VL_SYM_CELL && cx->sym.owner == dec) || cx->sym.kind == VL_SYM_GLOBAL);
    if (captured && calls_param(m, w, dec, st->a) && from_params(m, w, vl_kid(m, t, 1), 0) && only_grows(m, c)) return true;
  }
  return false;
}

static VlId memo_decorator(Analysis *an, VlId func) {
  const VlModule *m = an->m;
  const VlFunc *fn = vl_func(m, func);
  if (!fn->ndecorators || fn->kind != VL_FN_DEF) return 0;
  uint8_t outer = vl_func(m, fn->parent)->kind;
  if (outer != VL_FN_MODULE && outer != VL_FN_CLASS) return 0;
  VlId deco = 0;
  for (uint16_t d = 0; d < fn->ndecorators && !deco; d++)
    if (unbounded_cache(an, m->kids[fn->decorators + d]) || hand_memo(an, m->kids[fn->decorators + d]))
      deco = m->kids[fn->decorators + d];
  if (!deco) return 0;
  const char *name = vl_str(m, fn->name);
  for (VlId e = 1; e < m->nexprs; e++) { /* load_head.cache_clear(), self.load.cache_clear() */
    const VlExpr *x = vl_expr(m, e);
    if (x->op == VL_E_ATTR && strcmp(vl_str(m, x->a), "cache_clear") == 0) {
      const VlExpr *o = vl_expr(m, vl_kid(m, e, 0));
      if ((o->op == VL_E_NAME || o->op == VL_E_ATTR) && strcmp(vl_str(m, o->a), name) == 0) return 0;
    }
  }
  return deco;
}

/* Asked at every `return` of every pass: decided once per function (the cache_clear() search reads
 * every expression of the module). */
VlId vl_memo_decorator(Analysis *an, VlId func) {
  FuncData *fd = &an->fd[func];
  if (!fd->memo_known) {
    fd->memo = memo_decorator(an, func);
    fd->memo_known = true;
  }
  return fd->memo;
}

/* `return v` under an unbounded cache: the memo (one per decorator, as long-lived as a global)
 * keeps v; a caller's loop passing a new argument each iteration adds an entry each time
 * (retain.c: new_memo_key). */
static void memo_store(Frame *F, VlId deco, VlId value_expr, const VlVal *v) {
  const VlModule *m = M(F);
  const VlExpr *d = vl_expr(m, deco);
  VlSite s = {.kind = VL_SITE_NEW, .how = VL_HOW_OBJECT, .mod = F->an->mi, .func = VL_MODULE_FUNC, .at = deco,
              .start = d->start, .end = d->end};
  VlObj c = {.kind = VL_O_SEQ, .sub = VL_SEQ_DICT, .nd = vl_nd_unknown(), .site = vl_site(V(F), s)};
  VlEffect ef = {.kind = VL_EFF_STORE, .store = VL_ST_MEMO, .key_varies = true,
                 .target = vl_val1(V(F), vl_obj(V(F), c)), .value = v, .at = vl_expr_span(F->an, value_expr),
                 .fix_at = vl_expr(m, value_expr)->end, .text = vl_expr_text(F->an, value_expr),
                 .container = vl_str(m, vl_func(m, F->func)->name)};
  VL_VEC_PUSH(&F->effects, ef);
}

/* Decorators that return the function itself, or one that behaves the same for our purposes. */
static bool transparent_decorator(Frame *F, VlId d) {
  const VlModule *m = M(F);
  VlId callee = vl_expr(m, d)->op == VL_E_CALL ? vl_kid(m, d, 0) : d;
  const VlVal *v = vl_eval(F, callee);
  static const char *const names[] = {"torch.no_grad", "torch.inference_mode", "torch.enable_grad",
                                      "torch.autograd.no_grad", "torch.autograd.grad_mode.no_grad", "functools.wraps",
                                      "contextlib.contextmanager"};
  if (!v || v->n != 1 || v->objs[0]->kind != VL_O_LIB || !v->objs[0]->name) return false;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(v->objs[0]->name, names[i]) == 0) return true;
  return false;
}

/* Is decorator d `functools.singledispatch` (as imported)? */
static bool single_dispatch(Frame *F, VlId d) {
  const VlVal *v = vl_eval(F, d);
  return v && v->n == 1 && v->objs[0]->kind == VL_O_LIB && v->objs[0]->name &&
         strcmp(v->objs[0]->name, "functools.singledispatch") == 0;
}

/* Is keyword `kw` of the call the string literal `value`? */
static bool keyword_is(const Args *a, const char *kw, const char *value) {
  for (int k = 0; k < a->nkw; k++) {
    const VlVal *v = a->kw[k];
    if (strcmp(a->kwname[k], kw) == 0 && v && v->n == 1 && v->objs[0]->kind == VL_O_STR)
      return v->objs[0]->name && strcmp(v->objs[0]->name, value) == 0;
  }
  return false;
}

/* The function a call hands to a library that calls it over and over (rules/callbacks.tsv: SciPy's
 * optimizers call `callback=` with a new iterate at every iteration; the solver a LinearOperator is
 * given calls its `matvec`, positional or by keyword, ...), or NULL; *kind its hook kind.  A row with a
 * `when` counts only when the call passes that keyword as its string (`root(..., method="krylov")`). */
static const VlVal *library_callback(const Frame *F, const VlVal *callee, const Args *a, uint8_t *kind) {
  if (callee->n != 1 || callee->objs[0]->kind != VL_O_LIB || !callee->objs[0]->name) return NULL;
  const VlKnowledge *kn = F->an->know;
  const VlVal *fn = NULL;
  int first = a->nkw; /* the first keyword of the call that is a row's */
  for (size_t i = 0; i < kn->ncallbacks; i++) {
    const VlCallbackRow *r = &kn->callbacks[i];
    if (!vl_streq(r->name, callee->objs[0]->name) || (r->when && !keyword_is(a, r->when, r->when_value))) continue;
    *kind = r->kind == VL_CB_OPERATOR ? VL_HOOK_SOLVER : VL_HOOK_OPTIMIZER;
    if (r->position >= 0 && a->npos > r->position) return a->pos[r->position];
    for (int k = 0; k < first; k++)
      if (a->kw[k] && strcmp(a->kwname[k], r->keyword) == 0) {
        fn = a->kw[k];
        first = k;
      }
  }
  return fn;
}

/* Is o a matrix-free operator class of rules/callbacks.tsv (scipy.sparse.linalg.LinearOperator)? */
static bool operator_class(const Frame *F, const VlObj *o) {
  VlCallbackKind kind;
  return o->kind == VL_O_LIB && o->name && vl_knowledge_callback_call(F->an->know, o->name, &kind) &&
         kind == VL_CB_OPERATOR;
}

/* Is o a project class deriving from LinearOperator (`class HessianOperator(LinearOperator)` defining
 * `_matvec`), directly or through up to three project bases? */
static bool operator_subclass(Frame *F, const VlObj *o, int depth) {
  if (o->kind != VL_O_CLASS || !o->mod || depth > 3) return false;
  const VlClassInfo *k = o->mod == F->an->mi ? vl_an_class(F->an, o->func) : o->func < o->mod->nclasses ? &o->mod->classes[o->func] : NULL;
  for (uint16_t i = 0; k && k->bases && i < k->bases->n; i++)
    if (operator_class(F, k->bases->objs[i]) || operator_subclass(F, k->bases->objs[i], depth + 1)) return true;
  return false;
}

/* Is e the returned expression, or an item of a returned tuple display (`return ids, scores + (v,)`)? */
static bool returned_part(const Frame *F, VlId e) {
  const VlModule *m = M(F);
  if (e == F->ret_expr) return true;
  const VlExpr *rx = vl_expr(m, F->ret_expr);
  for (uint32_t i = 0; rx->op == VL_E_TUPLE && i < rx->nkids; i++)
    if (vl_kid(m, F->ret_expr, i) == e) return true;
  return false;
}

/* Is o one of v's objects, or an item of a tuple among them (down to 2 levels)? */
static bool item_of(const VlVal *v, const VlObj *o, int depth) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *x = v->objs[i];
    if (x == o) return true;
    for (uint16_t k = 0; x->kind == VL_O_SEQ && x->sub == VL_SEQ_TUPLE && depth < 2 && k < x->nitems; k++)
      if (item_of(x->items[k], o, depth + 1)) return true;
  }
  return false;
}

/* Is every possibility of v the first parameter of F's function (not a method's), or an item of it
 * (`ids, scores = carry`)?  In an analysis for what a call passes, the item of what it bound. */
static bool of_first_param(const Frame *F, const VlVal *v) {
  if (vl_val_empty(v) || F->func == VL_MODULE_FUNC || vl_func(M(F), F->func)->klass) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (F->bound0 && o->kind == VL_O_SEQ && item_of(F->bound0, o, 0)) continue;
    for (int d = 0; o && o->kind == VL_O_SYM && (o->sub == VL_SYM_SUBV || o->sub == VL_SYM_ELEMV) && d < 4; d++)
      o = o->base && o->base->n == 1 ? o->base->objs[0] : NULL;
    if (!o || o->kind != VL_O_SYM || o->sub != VL_SYM_PARAM || o->index != 0 || o->mod != F->an->mi || o->func != F->func)
      return false;
  }
  return true;
}

/* `return acc + (v,)` of the first parameter's item (a fold's step, `scores + (logits[:, -1, :],)`): what
 * the accumulator grows by when a caller folds (VL_EFF_FOLD); e is the `+`. */
static void fold_effect(Frame *F, VlId e, const VlVal *l, const VlVal *r) {
  const VlModule *m = M(F);
  VlId add = vl_kid(m, e, 1);
  const VlExpr *ax = vl_expr(m, add);
  if ((ax->op != VL_E_TUPLE && ax->op != VL_E_LIST) || !returned_part(F, e) || !of_first_param(F, l)) return;
  VlEffect ef = {.kind = VL_EFF_FOLD, .store = VL_ST_EXTEND, .target = l, .value = r, .at = vl_expr_span(F->an, add),
                 .fix_at = ax->end, .text = vl_expr_text(F->an, add), .container = vl_expr_text(F->an, vl_kid(m, e, 0))};
  if (ax->nkids == 1) { /* `(v,)`: v is stored, reported (and copied) there */
    VlId item = vl_kid(m, add, 0);
    ef.store = VL_ST_APPEND;
    ef.at = vl_expr_span(F->an, item);
    ef.fix_at = vl_expr(m, item)->end;
    ef.text = vl_expr_text(F->an, item);
  }
  VL_VEC_PUSH(&F->effects, ef);
}

static const VlVal *eval_call(Frame *F, VlId e) {
  const VlVal *callee = eval_kid(F, e, 0);
  Args a;
  eval_args(F, e, &a, 1);
  /* module.register_forward_hook(fn), register_forward_pre_hook(fn): fn runs at every forward call;
   * scipy.optimize.minimize(..., callback=fn) and the other calls of rules/callbacks.tsv: at every
   * iteration (retain.c: hook_check) */
  const VlModule *m = M(F);
  const VlExpr *cx = vl_expr(m, vl_kid(m, e, 0));
  const char *reg = cx->op == VL_E_ATTR && a.npos >= 1 ? vl_str(m, cx->a) : NULL;
  const VlVal *fn = NULL;
  uint8_t kind = VL_HOOK_FORWARD;
  if (reg && (strcmp(reg, "register_forward_hook") == 0 || strcmp(reg, "register_forward_pre_hook") == 0)) {
    fn = vl_with_overrides(F, a.pos[0]);
    kind = strcmp(reg, "register_forward_pre_hook") == 0 ? VL_HOOK_PRE : VL_HOOK_FORWARD;
  } else {
    fn = library_callback(F, callee, &a, &kind);
  }
  const VlVal *r = vl_op_call(F, callee, &a, e);
  if (!fn && callee->n == 1 && operator_subclass(F, callee->objs[0], 0)) { /* its instance's own _matvec */
    const VlVal *mv = vl_op_attr(F, r, "_matvec", e);
    if (vl_val_only(mv, VL_O_FUNC)) fn = mv;
    kind = VL_HOOK_SOLVER;
  }
  if (fn) {
    bool known = false;
    for (size_t i = 0; i < F->hooks.len && !known; i++) known = F->hooks.items[i].call == e && F->hooks.items[i].fn == fn;
    if (!known) {
      struct HookReg h = {fn, e, kind};
      VL_VEC_PUSH(&F->hooks, h);
      vl_hook_registered(F, fn);
    }
  }
  return r;
}

static const VlVal *eval_node(Frame *F, VlId e) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, e);
  switch (x->op) {
  case VL_E_NAME: return read_name(F, e);
  case VL_E_ATTR: {
    const VlVal *v = vl_op_attr(F, eval_kid(F, e, 0), vl_str(m, x->a), e);
    const VlExpr *o = vl_expr(m, vl_kid(m, e, 0));
    if (F->nattr_ev && o->op == VL_E_NAME && o->sym.owner == F->func && o->sym.kind == VL_SYM_LOCAL)
      for (uint32_t i = 0; i < F->nattr_ev; i++)
        if (F->attr_ev[i].slot == o->sym.slot && F->attr_ev[i].name == x->a) v = with_evidence(F, vl_nd_floor(F, v), F->attr_ev[i].lo, 0);
    return v;
  }
  case VL_E_SUB: return eval_subscript(F, e);
  case VL_E_CALL: return eval_call(F, e);
  case VL_E_BINOP: {
    const VlVal *l = eval_kid(F, e, 0), *r = eval_kid(F, e, 1);
    if (x->sub == VL_OP_ADD && F->ret_expr) fold_effect(F, e, l, r);
    return vl_op_binop(F, x->sub, l, r, e);
  }
  case VL_E_UNOP: {
    const VlVal *v = eval_kid(F, e, 0);
    if (vl_val_only(v, VL_O_INT)) return vl_prim(V(F), VL_O_INT);
    return vl_op_binop(F, 0, v, NULL, e);
  }
  case VL_E_BOOLOP: {
    const VlVal *l = eval_kid(F, e, 0), *r = eval_kid(F, e, 1);
    return vl_join(V(F), l, r); /* `a or b` is one of them */
  }
  case VL_E_NOT:
    eval_kid(F, e, 0);
    return vl_prim(V(F), VL_O_SCALAR);
  case VL_E_COMPARE: {
    bool array = false;
    VlNdim nd = {0, 0};
    uint8_t lib = 0;
    for (uint32_t i = 0; i < x->nkids; i++) {
      const VlVal *v = eval_kid(F, e, i);
      for (uint16_t k = 0; k < v->n; k++) {
        const VlObj *o = v->objs[k];
        if (o->kind != VL_O_ARRAY) continue;
        array = true;
        if (!lib) lib = o->lib;
        if (o->nd.lo > nd.lo) nd.lo = o->nd.lo;
        if (o->nd.hi > nd.hi) nd.hi = o->nd.hi;
      }
      if (vl_val_has(v, VL_O_UNKNOWN) || vl_val_has(v, VL_O_SYM) || vl_val_has(v, VL_O_OBJ)) nd.hi = VL_ND_MAX;
    }
    if (array && !x->sub) return vl_new_array(F, VL_HOW_COPY, (VlLibId)lib, nd, e); /* a mask, broadcast */
    return vl_prim(V(F), VL_O_SCALAR);
  }
  case VL_E_TUPLE: return eval_display(F, e, VL_SEQ_TUPLE);
  case VL_E_LIST: return eval_display(F, e, VL_SEQ_LIST);
  case VL_E_SET: return eval_display(F, e, VL_SEQ_SET);
  case VL_E_DICT: return eval_display(F, e, VL_SEQ_DICT);
  case VL_E_COMP: return eval_comprehension(F, e);
  case VL_E_LAMBDA: return eval_lambda(F, e);
  case VL_E_COND: {
    eval_kid(F, e, 1);
    /* `h[:, 0] if pooling == "cls" else h.mean(1)`, `x if p is None else f(x)`: decided, as an `if`
     * statement is, by what the names hold (a parameter's literal default, what a call passes) */
    int known = none_test(F, vl_kid(m, e, 1));
    if (known >= 0) return eval_kid(F, e, known ? 0 : 2);
    const VlVal *a = eval_kid(F, e, 0), *b = eval_kid(F, e, 2);
    /* `d if p is None else p`, `p if p is not None else d`: the branch that reads p sees it not None */
    VlId name = 0;
    int is = vl_none_compare(m, vl_kid(m, e, 1), &name);
    if (is && vl_same_name(m, is == VL_CMP_IS ? vl_kid(m, e, 2) : vl_kid(m, e, 0), name)) {
      if (is == VL_CMP_IS) b = not_none(F, b);
      else a = not_none(F, a);
    }
    return vl_join(V(F), a, b);
  }
  case VL_E_INT:
    return x->a == VL_INT_BIG ? vl_prim(V(F), VL_O_INT) : vl_int_const(V(F), x->sub ? -(long)x->a : (long)x->a);
  case VL_E_FLOAT: return x->sub ? vl_scalar_const(V(F), x->a) : vl_prim(V(F), VL_O_SCALAR);
  case VL_E_TRUE: return vl_scalar_const(V(F), VL_BITS_TRUE);
  case VL_E_FALSE: return vl_scalar_const(V(F), 0);
  case VL_E_STR: return x->a ? vl_str_const(V(F), vl_str(m, x->a)) : vl_prim(V(F), VL_O_STR);
  case VL_E_NONE: return vl_prim(V(F), VL_O_NONE);
  case VL_E_ELLIPSIS: return vl_prim(V(F), VL_O_SCALAR);
  case VL_E_AWAIT: return eval_kid(F, e, 0); /* a coroutine's result is what it returns */
  case VL_E_YIELD: {
    const VlVal *v = x->nkids && vl_kid(m, e, 0) ? eval_kid(F, e, 0) : vl_prim(V(F), VL_O_NONE);
    if (x->sub) v = vl_op_iter_elem(F, v, 0, e); /* yield from it: its elements */
    else v = vl_yield_pieces(F, v, F->loop, vl_expr_span(F->an, e));
    F->yields = vl_join(V(F), F->yields, v);
    /* where a consumer that collects the steps (list(gen)) will be told the view is made */
    if (!x->sub && x->nkids && vl_kid(m, e, 0)) {
      bool view = false;
      for (uint16_t i = 0; i < v->n; i++) view |= v->objs[i]->kind == VL_O_ARRAY && v->objs[i]->sub;
      if (view || !F->yield_at) F->yield_at = vl_kid(m, e, 0);
    }
    return vl_unknown(V(F)); /* what send() gives */
  }
  case VL_E_WALRUS: {
    const VlVal *v = eval_kid(F, e, 1);
    write_name(F, vl_kid(m, e, 0), v);
    return v;
  }
  case VL_E_STAR:
  case VL_E_DSTAR:
  case VL_E_KW:
    return eval_kid(F, e, 0);
  case VL_E_SLICE:
    for (uint32_t i = 0; i < x->nkids; i++) eval_kid(F, e, i);
    return vl_prim(V(F), VL_O_SCALAR);
  default:
    for (uint32_t i = 0; i < x->nkids; i++) eval_kid(F, e, i);
    return vl_unknown(V(F));
  }
}

const VlVal *vl_eval(Frame *F, VlId e) {
  if (!e) return vl_unknown(V(F));
  Analysis *an = F->an;
  if (an->budget == 0) return vl_unknown(V(F));
  an->budget--;
  return eval_node(F, e);
}

/* ---- assignment ---- */

static const char *target_text(Frame *F, VlId e) { return vl_expr_text(F->an, e); }

static bool text_is(Analysis *an, VlId e, const char *t) {
  const char *x = vl_expr_text(an, e);
  return x && t && strcmp(x, t) == 0;
}

/* c[k] = c.get(k, []) + [v], c[k] = c[k] + [v] (either side): the slot's new value is its old one
 * extended, so the one slot of a literal key grows with every store (a window of it,
 * `c.get(k, [])[-4:] + [v]`, does not). */
static bool extends_slot(Frame *F, VlId target, VlId value_expr) {
  const VlModule *m = M(F);
  const VlExpr *vx = vl_expr(m, value_expr);
  if (vx->op != VL_E_BINOP || vx->sub != VL_OP_ADD || vl_expr(m, target)->nkids != 2) return false;
  const char *ct = vl_expr_text(F->an, vl_kid(m, target, 0)), *kt = vl_expr_text(F->an, vl_kid(m, target, 1));
  for (uint32_t side = 0; side < 2 && ct && kt; side++) {
    VlId o = vl_kid(m, value_expr, side);
    const VlExpr *ox = vl_expr(m, o);
    if (ox->op == VL_E_SUB && ox->nkids == 2 && text_is(F->an, vl_kid(m, o, 0), ct) && text_is(F->an, vl_kid(m, o, 1), kt))
      return true;
    if (ox->op != VL_E_CALL || ox->nkids < 2) continue;
    VlId callee = vl_kid(m, o, 0);
    const VlExpr *cx = vl_expr(m, callee);
    if (cx->op == VL_E_ATTR && strcmp(vl_str(m, cx->a), "get") == 0 && text_is(F->an, vl_kid(m, callee, 0), ct) &&
        text_is(F->an, vl_kid(m, o, 1), kt))
      return true;
  }
  return false;
}

/* Is a key a ring's slot: a remainder (`pos = (pos + 1) % capacity`), or a constant it starts from
 * (`pos = 0`) and a remainder?  The slots are reused, as `buf[i % k]`'s are. */
static bool ring_slot(const VlVal *kv) {
  bool remainder = false;
  for (uint16_t i = 0; kv && i < kv->n; i++) {
    const VlObj *o = kv->objs[i];
    if (o->kind != VL_O_INT || (!o->num_known && !(o->flags & VL_F_REMAINDER))) return false;
    remainder |= (o->flags & VL_F_REMAINDER) != 0;
  }
  return remainder;
}

/* Is e `self.<attr>`, self being the method's first parameter? */
static bool self_attr(const VlModule *m, VlId e, const char *self_name) {
  const VlExpr *x = vl_expr(m, e);
  if (x->op != VL_E_ATTR || x->nkids != 1) return false;
  const VlExpr *base = vl_expr(m, vl_kid(m, e, 0));
  return base->op == VL_E_NAME && strcmp(vl_str(m, base->a), self_name) == 0;
}

/* Is a key `self.pos` in a method whose class assigns `self.pos` only int literals and remainders
 * (`self.pos = 0`, `self.pos = (self.pos + 1) % self.capacity`, in any of its methods), at least one
 * remainder?  A ring's slot, as ring_slot's, for the replay memories of DQN-style code. */
static int by_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* The module's assignment statements by start byte (Analysis.assigns_by_start), made once. */
static void index_assigns(Analysis *an) {
  const VlModule *m = an->m;
  an->assigns_by_start = vl_xcalloc(m->nstmts + 1, sizeof(uint64_t));
  for (VlId s = 1; s < m->nstmts; s++)
    if (m->stmts[s].kind == VL_S_ASSIGN || m->stmts[s].kind == VL_S_AUGASSIGN)
      an->assigns_by_start[an->nassigns++] = (uint64_t)m->stmts[s].start << 32 | s;
  qsort(an->assigns_by_start, an->nassigns, sizeof(uint64_t), by_u64);
}

uint32_t vl_first_at(const uint64_t *ix, uint32_t n, uint32_t start) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if ((uint32_t)(ix[mid] >> 32) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const uint64_t *vl_by_start(Analysis *an, bool stmts, uint32_t *n) {
  const VlModule *m = an->m;
  uint32_t count = stmts ? m->nstmts : m->nexprs; /* ids 1 .. count-1 */
  *n = count ? count - 1 : 0;
  if (!an->by_start[stmts]) {
    uint64_t *ix = an->by_start[stmts] = vl_xcalloc(count + 1, sizeof(uint64_t));
    for (VlId i = 1; i < count; i++)
      ix[i - 1] = (uint64_t)(stmts ? m->stmts[i].start : vl_expr(m, i)->start) << 32 | i;
    qsort(ix, *n, sizeof(uint64_t), by_u64);
  }
  return an->by_start[stmts];
}

static bool ring_attr(Frame *F, VlId key) {
  const VlModule *m = M(F);
  const VlFunc *fn = vl_func(m, F->func);
  if (!fn->klass || !fn->nparams) return false;
  const char *self_name = vl_str(m, m->params[fn->params].name);
  if (!self_attr(m, key, self_name)) return false;
  VlId attr = vl_expr(m, key)->a;
  const VlClass *k = &m->classes[fn->klass];
  bool remainder = false;
  /* the class's assignments: those starting within it (a range of the sorted index) */
  Analysis *an = F->an;
  if (!an->assigns_by_start) index_assigns(an);
  for (uint32_t j = vl_first_at(an->assigns_by_start, an->nassigns, k->start); j < an->nassigns && (uint32_t)(an->assigns_by_start[j] >> 32) < k->end; j++) {
    const VlStmt *st = &m->stmts[(VlId)an->assigns_by_start[j]];
    if (st->start < k->start || st->end > k->end) continue;
    uint16_t ntargets = st->kind == VL_S_ASSIGN ? st->n : st->kind == VL_S_AUGASSIGN ? 1 : 0;
    for (uint16_t i = 0; i < ntargets; i++) {
      VlId t = st->kind == VL_S_ASSIGN ? m->kids[st->b + i] : st->a;
      if (vl_expr(m, t)->a != attr || !self_attr(m, t, self_name)) continue;
      /* (an augmented assignment, `self.pos += 1`, only grows) */
      const VlExpr *vx = st->kind == VL_S_ASSIGN ? vl_expr(m, st->a) : NULL;
      if (!vx || (vx->op != VL_E_INT && !(vx->op == VL_E_BINOP && vx->sub == VL_OP_MOD))) return false;
      remainder |= vx->op == VL_E_BINOP;
    }
  }
  return remainder;
}

/* Is x a closure variable that is a parameter of the function owning it (`name` of a decorator
 * factory: `def traced(name): def deco(fn): def wrapper(*a): LAST[name] = ...`)?  Every call of one
 * closure reads the same value: a key from it names one slot, overwritten at each call. */
static bool closure_param(const VlModule *m, const VlExpr *x) {
  /* (or its function's name, `func.__name__`: a cache decorator's per-method slot, `def memorized(func):
   * def wrapper(self): self._cache[func.__name__] = func(self)`) */
  if (x->op == VL_E_ATTR && x->nkids == 1 &&
      (strcmp(vl_str(m, x->a), "__name__") == 0 || strcmp(vl_str(m, x->a), "__qualname__") == 0))
    x = vl_expr(m, m->kids[x->kids]);
  if (x->op != VL_E_NAME || x->sym.kind != VL_SYM_CELL || !x->sym.owner || x->sym.owner >= m->nfuncs) return false;
  const VlFunc *owner = vl_func(m, x->sym.owner);
  const char *name = vl_str(m, x->a);
  for (uint16_t p = 0; p < owner->nparams; p++)
    if (strcmp(vl_str(m, m->params[owner->params + p].name), name) == 0) return true;
  return false;
}

/* Does key k (of value kv) of `c[k] = v` name a bounded set of slots, the same at every iteration, so
 * that the store overwrites instead of gathering?  What the key alone tells, whatever the loop and at
 * every call (so also for a caller the store is an effect on): recorded as !key_varies, and read
 * through the one predicate retain.c: key_one_slot, which adds what depends on the loop.
 *   - a literal: an int, a plain string, None, True, False: one slot;
 *   - a ring's slot, reused: `buf[i % k]` (a remainder, not a string's %-format), an int that is a
 *     remainder or a constant it starts from (ring_slot), `self.pos` of a ring class (ring_attr);
 *   - a closure's parameter cell, which every call of the closure reads the same (closure_param). */
static bool key_bounded(Frame *F, VlId k, const VlVal *kv) {
  const VlModule *m = M(F);
  const VlExpr *kx = vl_expr(m, k);
  switch (kx->op) {
  case VL_E_INT:
  case VL_E_NONE:
  case VL_E_TRUE:
  case VL_E_FALSE: return true;
  case VL_E_STR: if (!kx->sub) return true; break;
  case VL_E_BINOP:
    if (kx->sub == VL_OP_MOD && vl_expr(m, vl_kid(m, k, 0))->op != VL_E_STR) return true;
    break;
  default: break;
  }
  return ring_slot(kv) || ring_attr(F, k) || closure_param(m, kx);
}

/* c[k] = v: a store into a list or dict, a write into an array (copies), or unknown. */
/* `obj[k] = v` on an instance of a project class that defines `__setitem__` (a MutableMapping over
 * `self._data`, a logger appending to a history): Python calls obj.__setitem__(k, v), so its stores
 * and effects are the method's.  An instance of a dict or list subclass keeps the subscript store as
 * its own (its `__setitem__` usually ends in `super().__setitem__(k, v)`, which is not followed).
 * Returns c without the instances called (what the subscript store still fills), or NULL when every
 * one was called. */
static const VlVal *dunder_setitem(Frame *F, const VlVal *c, const VlVal *key, const VlVal *v, VlId target,
                                   VlId value_expr) {
  const VlObj *rest[VL_VAL_MAX + 1];
  int nr = 0;
  for (uint16_t i = 0; i < c->n; i++) {
    const VlObj *o = c->objs[i];
    const VlVal *meth = NULL;
    if (o->kind == VL_O_INST && o->base && !vl_container_instance(F, o))
      meth = vl_op_attr(F, vl_val1(V(F), o), "__setitem__", target);
    if (!meth || vl_val_unknownish(meth)) {
      if (nr < VL_VAL_MAX + 1) rest[nr++] = o;
      continue;
    }
    Args two = {0};
    two.npos = 2;
    two.pos[0] = key;
    two.pos[1] = v;
    const VlVal *outer_value = F->setitem_value;
    VlId outer_call = F->setitem_call, outer_expr = F->setitem_expr;
    F->setitem_value = v;
    F->setitem_call = target;
    F->setitem_expr = value_expr;
    vl_op_call(F, meth, &two, target);
    F->setitem_value = outer_value;
    F->setitem_call = outer_call;
    F->setitem_expr = outer_expr;
  }
  if (nr == c->n) return c;
  return nr ? vl_val_of(V(F), rest, (size_t)nr) : NULL;
}

static void assign_item(Frame *F, VlId target, const VlVal *v, VlId value_expr) {
  const VlModule *m = M(F);
  const VlExpr *t = vl_expr(m, target);
  const VlVal *c = eval_kid(F, target, 0);
  if (t->nkids == 2 && vl_val_has(c, VL_O_INST)) {
    c = dunder_setitem(F, c, vl_eval(F, vl_kid(m, target, 1)), v, target, value_expr);
    if (!c) return;
  }
  bool varies = false;
  const VlVal *key = NULL;
  for (uint32_t i = 1; i < t->nkids; i++) {
    VlId k = vl_kid(m, target, i);
    const VlVal *kv = vl_eval(F, k);
    if (t->nkids == 2) key = kv;
    if (!key_bounded(F, k, kv)) varies = true;
  }
  /* (an array's `+` is arithmetic: `state["x"] = state["x"] + v` makes a new array, it gathers nothing) */
  bool arithmetic = vl_val_has(v, VL_O_ARRAY) && !vl_val_has(v, VL_O_SEQ);
  bool extends = false;
  if (!varies && value_expr && !arithmetic && extends_slot(F, target, value_expr)) { /* the slot accumulates: as a key */
    varies = true;                                                     /* that varies, whatever a caller */
    key = NULL;                                                        /* passes for it */
    extends = true;
  }
  for (uint16_t i = 0; i < c->n; i++) {
    const VlObj *o = c->objs[i];
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_DICT) vl_heap_dict_put(F, vl_obj_site(F, o), key, vl_not_every(F, v));
    else if (o->kind == VL_O_SEQ || o->kind == VL_O_SYM) vl_heap_add_elem(F, vl_obj_site(F, o), vl_not_every(F, v));
    else if (o->kind == VL_O_ARRAY && (o->layout & VL_L_OBJECTS) && !o->sub && o->site && o->site->kind == VL_SITE_NEW)
      vl_heap_add_elem(F, o->site, vl_not_every(F, v)); /* an object array holds v itself, as a list does */
  }
  /* hist[-1] = hist[-1].copy(): the item just appended is replaced by something that is no view:
   * the list keeps no view from this iteration (counted as emptied, like a window) */
  if (t->nkids == 2) {
    const VlExpr *kx = vl_expr(m, vl_kid(m, target, 1));
    bool view = false;
    for (uint16_t i = 0; i < v->n; i++) view |= v->objs[i]->kind == VL_O_ARRAY && v->objs[i]->sub;
    if (kx->op == VL_E_INT && kx->sub && kx->a == 1 && !view && !vl_val_unknownish(v)) {
      ClearEv ev = {c, F->loop, true, vl_expr_span(F->an, target)};
      VL_VEC_PUSH(&F->clears, ev);
    }
  }
  if (!value_expr) return;
  StoreEv ev = {.store = VL_ST_SETITEM, .container = c, .value = v, .loop = F->loop, .key_varies = varies,
                .at = vl_expr_span(F->an, value_expr), .fix_at = vl_expr(m, value_expr)->end,
                .text = vl_expr_text(F->an, value_expr), .container_text = target_text(F, vl_kid(m, target, 0))};
  if (t->nkids == 2 && !extends && vl_expr(m, vl_kid(m, target, 1))->op == VL_E_NAME) ev.key = vl_kid(m, target, 1);
  vl_frame_store(F, &ev);
  /* into a container the caller can see, its own included (d[k] = v on a parameter d): the summary
   * says so, and the caller's container decides (an array copies, a dict or list keeps v) */
  for (uint16_t i = 0; i < c->n; i++)
    if (vl_caller_visible(F, c->objs[i])) {
      VlEffect ef = {.kind = VL_EFF_STORE, .store = VL_ST_SETITEM, .key_varies = varies, .key = key, .target = c,
                     .value = v, .at = ev.at, .fix_at = ev.fix_at, .text = ev.text, .container = ev.container_text};
      VL_VEC_PUSH(&F->effects, ef);
      break;
    }
}

/* Is v a container made by value_expr itself (`[]`, `{}`, `list()`, `deque()`): a new one each time? */
static bool fresh_container(const VlVal *v, VlId value_expr) {
  if (!value_expr || vl_val_empty(v)) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SEQ || !o->site || o->site->kind != VL_SITE_NEW || o->site->at != value_expr) return false;
  }
  return true;
}

/* Is `x` the receiver (first parameter) of the `__init__` being interpreted?  Its attributes hold
 * nothing yet: the instance is new (a call of the class made it). */
static bool init_self(const Frame *F, VlId x) {
  const VlModule *m = M(F);
  if (F->func == VL_MODULE_FUNC) return false;
  const VlFunc *fn = vl_func(m, F->func);
  const VlExpr *e = vl_expr(m, x);
  return fn->klass && fn->nparams >= 1 && fn->name && strcmp(vl_str(m, fn->name), "__init__") == 0 &&
         e->op == VL_E_NAME && e->sym.kind == VL_SYM_LOCAL && e->sym.owner == F->func && e->sym.slot == 0;
}

/* Did this function store (one of) the containers `old` holds into another container? */
bool vl_frame_stored(const Frame *F, const VlVal *v, const StoreEv *except) {
  for (size_t i = 0; i < F->stores.len; i++) {
    if (&F->stores.items[i] == except) continue;
    const VlVal *sv = F->stores.items[i].value;
    for (uint16_t j = 0; sv && j < sv->n; j++)
      for (uint16_t k = 0; k < v->n; k++)
        if (sv->objs[j] == v->objs[k] || (v->objs[k]->site && sv->objs[j]->site == v->objs[k]->site)) return true;
  }
  return false;
}

void vl_assign(Frame *F, VlId target, const VlVal *v, VlId value_expr) {
  const VlModule *m = M(F);
  if (!target) return;
  const VlExpr *t = vl_expr(m, target);
  switch (t->op) {
  case VL_E_NAME:
    write_name(F, target, v);
    return;
  case VL_E_ATTR: {
    const VlVal *obj = eval_kid(F, target, 0);
    const char *name = vl_str(m, t->a);
    if (fresh_container(v, value_expr) && !init_self(F, vl_kid(m, target, 0))) {
      /* self.pending = []: the old list is no longer filled through self (dropped, as a local
       * `batch = []` drops its list); in __init__ there is no old list.  Unless this function
       * stored the old list somewhere first (`self.episodes.append(self._current)`): it lives on */
      const VlVal *old = vl_op_attr(F, obj, name, target);
      if (!vl_frame_stored(F, old, NULL)) vl_frame_clear(F, old);
    }
    /* a property's setter runs instead of setting the attribute (it may append the value to a history) */
    if (vl_op_set_property(F, obj, name, v, value_expr, target)) return;
    for (uint16_t i = 0; i < obj->n; i++) {
      const VlObj *o = obj->objs[i];
      const VlSite *site = vl_obj_site(F, o);
      if (site) vl_heap_set_attr(F, site, name, v);
    }
    return;
  }
  case VL_E_SUB:
    assign_item(F, target, v, value_expr);
    return;
  case VL_E_TUPLE:
  case VL_E_LIST: {
    int n = t->nkids;
    bool exact = true;
    for (int i = 0; i < n; i++) exact &= vl_expr(m, vl_kid(m, target, (uint32_t)i))->op != VL_E_STAR;
    for (int i = 0; i < n; i++) {
      VlId k = vl_kid(m, target, (uint32_t)i);
      if (vl_expr(m, k)->op == VL_E_STAR) { /* a, *rest = v: a list of the rest */
        const VlVal *rest = vl_new_seq(F, VL_SEQ_LIST, k);
        vl_heap_add_elem(F, rest->objs[0]->site, vl_op_iter_elem(F, v, 0, k));
        vl_assign(F, vl_kid(m, k, 0), rest, 0);
        continue;
      }
      vl_assign(F, k, vl_op_unpack(F, v, i, n, exact, target), 0);
    }
    return;
  }
  case VL_E_STAR:
    vl_assign(F, vl_kid(m, target, 0), v, value_expr);
    return;
  default:
    return;
  }
}

/* ---- statements ---- */

static void exec_block(Frame *F, VlId block);

/* The items of a tuple of known length (`for proc in (recorder, Temperature(0.8))`, a tuple a
 * function was passed, or `for proc in self` of a list subclass made from a list display:
 * `ProcessorList([recorder, Temperature(0.8)])`), when it has 1..VL_UNROLL_MAX of them; else 0. */
enum { VL_UNROLL_MAX = 8 };

static uint16_t known_items(const Frame *F, const VlVal *it, const VlVal *const **items) {
  if (!it || it->n != 1) return 0;
  const VlObj *o = it->objs[0];
  if (o->kind == VL_O_INST && o->site) { /* an instance of a list subclass made from a list display */
    const VlVal *order = vl_heap_attr(F, o->site, VL_LIST_ORDER);
    if (!order || order->n != 1) return 0;
    o = order->objs[0];
  }
  if (o->kind != VL_O_SEQ || o->sub != VL_SEQ_TUPLE || !o->items || !o->nitems || o->nitems > VL_UNROLL_MAX) return 0;
  for (uint16_t k = 0; k < o->nitems; k++)
    if (vl_val_empty(o->items[k])) return 0;
  *items = o->items;
  return o->nitems;
}

/* for x in (a, b, c): the body once per item, in order, each from where the one before left off: a
 * chain of processors (`for proc in procs: scores = proc(ids, scores)`) hands the recorder first in
 * the tuple the scores the loop was given, not the join with what a later one makes.  Still the loop
 * (F->loop): stores in it are stores in a loop.  The else clause runs when no item broke out. */
static void exec_unrolled(Frame *F, const VlStmt *st, const VlVal *const *items, uint16_t nitems) {
  const VlModule *m = M(F);
  const VlLoop *lp = &m->loops[st->a];
  const VlSlots *S = stmt_slots(F, (VlId)(st - m->stmts));
  const uint32_t n = nslots(F, S);
  const VlVal **cur = snap(F, S), **breaks = NULL;
  VlId outer = F->loop;
  F->loop = st->a;
  for (uint16_t k = 0; k < nitems && cur; k++) {
    put(F, S, cur);
    F->dead = false;
    LoopCtx lc = {st->a, S, NULL, NULL, F->lctx, true};
    F->lctx = &lc;
    vl_assign(F, lp->target, items[k], lp->iter);
    exec_block(F, st->b);
    F->lctx = lc.outer;
    cur = F->dead ? NULL : snap(F, S);
    cur = env_join(F, cur, lc.cont, n);
    breaks = env_join(F, breaks, lc.brk, n);
  }
  F->loop = outer;
  F->dead = !cur;
  if (cur) {
    put(F, S, cur);
    if (st->c) exec_block(F, st->c);
  }
  if (breaks) {
    const VlVal **after = F->dead ? NULL : snap(F, S);
    put(F, S, env_join(F, after, breaks, n));
    F->dead = false;
  }
}

static void exec_loop_body(Frame *F, const VlStmt *st, bool is_for) {
  const VlModule *m = M(F);
  const VlLoop *lp = &m->loops[st->a];
  Analysis *an = F->an;
  const VlVal *elem = NULL;
  if (is_for) {
    const VlVal *it = vl_eval(F, lp->iter);
    const VlVal *const *items = NULL;
    uint16_t nitems = known_items(F, it, &items);
    for (const LoopCtx *c = F->lctx; c && nitems; c = c->outer) nitems = c->unrolled ? 0 : nitems; /* (one level) */
    if (nitems) {
      exec_unrolled(F, st, items, nitems);
      return;
    }
    elem = vl_op_iter_elem(F, it, st->a, lp->iter);
  }
  const VlSlots *S = stmt_slots(F, (VlId)(st - m->stmts));
  const uint32_t n = nslots(F, S);
  const VlVal **entry = snap(F, S);
  const VlVal **back = NULL;
  const VlVal **breaks = NULL;
  VlId outer = F->loop;
  F->loop = st->a;
  /* the same loop from the same state (an inner loop in another round of its outer one) */
  LoopMemo scratch = {0}; /* (a loop outside the function's range cannot occur; no memo if it did) */
  LoopMemo *memo = st->a >= F->loop_base && st->a - F->loop_base < F->nloop_memo ? &F->loop_memo[st->a - F->loop_base] : &scratch;
  bool reuse = memo->entry && memo->elem == elem && memo->heap_version == F->heap.version && memo->pass == F->pass &&
               env_same(memo->entry, entry, n);
  if (reuse) {
    back = memo->back ? env_copy(F, memo->back, n) : NULL;
    breaks = memo->breaks ? env_copy(F, memo->breaks, n) : NULL;
  }
  for (int round = 0; round < VL_LOOP_ROUNDS && !reuse; round++) {
    const VlVal **start = env_copy(F, entry, n);
    env_join(F, start, back, n);
    put(F, S, start);
    F->dead = false;
    LoopCtx lc = {st->a, S, NULL, NULL, F->lctx, false};
    F->lctx = &lc;
    if (is_for) vl_assign(F, lp->target, elem, lp->iter);
    else vl_eval(F, lp->iter);
    exec_block(F, st->b);
    F->lctx = lc.outer;
    const VlVal **end = F->dead ? NULL : snap(F, S);
    end = env_join(F, end, lc.cont, n);
    breaks = env_join(F, breaks, lc.brk, n);
    const VlVal **next = back ? env_copy(F, back, n) : NULL;
    next = env_join(F, next, end, n);
    if (next && back && env_same(next, back, n)) break;
    if (round == VL_LOOP_ROUNDS - 1 && next && back) {
      /* still changing: what changes is not known */
      for (uint32_t i = 0; i < n; i++)
        if (next[i] != back[i]) next[i] = vl_join(V(F), next[i], vl_unknown(V(F)));
    }
    back = next;
    if (!back) break; /* the body never completes an iteration */
    (void)an;
  }
  if (!reuse) {
    memo->entry = entry;
    memo->elem = elem;
    memo->heap_version = F->heap.version;
    memo->pass = F->pass;
    memo->back = back ? env_copy(F, back, n) : NULL;
    memo->breaks = breaks ? env_copy(F, breaks, n) : NULL;
  }
  F->loop = outer;
  /* after the loop: zero iterations (entry, or the while condition false), or the last one */
  const VlVal **after = env_copy(F, entry, n);
  env_join(F, after, back, n);
  put(F, S, after);
  F->dead = false;
  if (st->c) exec_block(F, st->c); /* else: runs when no break */
  if (breaks) {
    const VlVal **cur = F->dead ? NULL : snap(F, S);
    cur = env_join(F, cur, breaks, n);
    put(F, S, cur);
    F->dead = false;
  }
}

/* if_statement: both branches from the same state, joined after. */
/* Is e a string literal (not an f-string, which varies)? */
static bool str_literal(const VlModule *m, VlId e) {
  const VlExpr *x = vl_expr(m, e);
  return x->op == VL_E_STR && !x->sub && x->a;
}

/* Is the string (NULL: None) `s` the literal `lit`, or one of the literals of the display `lit`
 * (`("latent", "pt", "np")`)?  1, 0, or -1 when lit is neither. */
static int str_matches(const VlModule *m, VlId lit, const char *s) {
  const VlExpr *x = vl_expr(m, lit);
  if (str_literal(m, lit)) return s && strcmp(s, vl_str(m, x->a)) == 0; /* (None == "x" is False) */
  if (x->op != VL_E_LIST && x->op != VL_E_TUPLE && x->op != VL_E_SET) return -1;
  int found = 0;
  for (uint32_t k = 0; k < x->nkids; k++) {
    VlId item = vl_kid(m, lit, k);
    if (!str_literal(m, item)) return -1;
    found |= s && strcmp(s, vl_str(m, vl_expr(m, item)->a)) == 0;
  }
  return found;
}

/* `x == "cls"` / `x != "cls"` (either side the literal), `x in ("np", "pt")` / `x not in [...]` (of a
 * display of string literals) whose answer x's strings (or None) decide: 1, 0 or -1. */
static int str_test(Frame *F, VlId cond) {
  const VlModule *m = M(F);
  const VlExpr *c = vl_expr(m, cond);
  VlId lhs = vl_kid(m, cond, 0), rhs = vl_kid(m, cond, 1);
  bool member = c->a == VL_CMP_IN || c->a == VL_CMP_NOT_IN;
  if (!member && str_literal(m, lhs)) {
    VlId t = lhs;
    lhs = rhs;
    rhs = t;
  }
  if (!vl_expr_is_path(m, lhs)) return -1; /* a call's effects ran once, with the condition */
  if (str_matches(m, rhs, NULL) < 0 || (!member && !str_literal(m, rhs))) return -1;
  const VlVal *v = vl_eval(F, lhs);
  int eq = -1;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_NONE && (o->kind != VL_O_STR || !o->name)) return -1;
    int same = str_matches(m, rhs, o->kind == VL_O_STR ? o->name : NULL);
    if (eq >= 0 && eq != same) return -1;
    eq = same;
  }
  return eq < 0 ? -1 : c->a == VL_CMP_EQ || c->a == VL_CMP_IN ? eq : !eq;
}

/* The number a literal is (`1.0`, `-3`, `True`), when it is one. */
static bool num_literal(const VlModule *m, VlId e, double *out) {
  const VlExpr *x = vl_expr(m, e);
  switch (x->op) {
  case VL_E_INT:
    if (x->a == VL_INT_BIG) return false;
    return *out = x->sub ? -(double)x->a : (double)x->a, true;
  case VL_E_FLOAT: {
    float f;
    memcpy(&f, &x->a, sizeof f);
    return x->sub && (*out = f, true);
  }
  case VL_E_TRUE: return *out = 1, true;
  case VL_E_FALSE: return *out = 0, true;
  default: return false;
  }
}

/* `temperature != 1.0`, `beta > 0`, `k == 1` (either side the literal) whose answer the numbers x holds
 * decide (a parameter's literal default, a literal a call passes, a constant): 1, 0 or -1. */
static int num_test(Frame *F, VlId cond) {
  const VlModule *m = M(F);
  int op = vl_expr(m, cond)->a;
  VlId lhs = vl_kid(m, cond, 0), rhs = vl_kid(m, cond, 1);
  double lit, x;
  if (num_literal(m, lhs, &lit)) { /* 1.0 < t is t > 1.0 */
    VlId t = lhs;
    lhs = rhs;
    rhs = t;
    op = op == VL_CMP_LT ? VL_CMP_GT : op == VL_CMP_GT ? VL_CMP_LT : op == VL_CMP_LE ? VL_CMP_GE : op == VL_CMP_GE ? VL_CMP_LE : op;
  }
  if (!vl_expr_is_path(m, lhs) || !num_literal(m, rhs, &lit)) return -1;
  const VlVal *v = vl_eval(F, lhs);
  int r = -1;
  for (uint16_t i = 0; i < v->n; i++) {
    if (!vl_obj_number(v->objs[i], &x)) return -1;
    int t = op == VL_CMP_EQ ? x == lit : op == VL_CMP_NE ? x != lit : op == VL_CMP_LT ? x < lit
            : op == VL_CMP_LE ? x <= lit : op == VL_CMP_GT ? x > lit : x >= lit;
    if (r >= 0 && r != t) return -1;
    r = t;
  }
  return r;
}

/* `if flag:` of a path whose every value has a known truth (None, a number or string constant: a
 * parameter's literal default, a literal a call passes): 1, 0 or -1. */
static int truth_test(Frame *F, VlId x) {
  const VlVal *v = vl_eval(F, x);
  int r = -1;
  double num;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    int t = o->kind == VL_O_NONE                       ? 0
            : vl_obj_number(o, &num)                   ? num != 0
            : o->kind == VL_O_STR && o->name           ? o->name[0] != 0
                                                       : -1;
    if (t < 0 || (r >= 0 && r != t)) return -1;
    r = t;
  }
  return r;
}

/* `x is None` / `x is not None` whose answer the value of x decides (a parameter bound to a literal
 * default or to what a call passes, in an analysis for those arguments), `x == "literal"` of a
 * string passed, `x != 1.0` of a number, `if x:` of a flag: 1 true, 0 false, -1 either. */
static int none_test(Frame *F, VlId cond) {
  const VlModule *m = M(F);
  const VlExpr *c = vl_expr(m, cond);
  if (c->op == VL_E_NOT) { /* `if not output_type == "latent":` */
    int r = none_test(F, vl_kid(m, cond, 0));
    return r < 0 ? -1 : !r;
  }
  if (vl_expr_is_path(m, cond)) return truth_test(F, cond);
  if (c->op == VL_E_COMPARE && c->nkids == 2 && c->a >= VL_CMP_LT && c->a <= VL_CMP_GE) return num_test(F, cond);
  if (c->op == VL_E_COMPARE && c->nkids == 2 && (c->a == VL_CMP_EQ || c->a == VL_CMP_NE)) {
    int r = num_test(F, cond);
    if (r >= 0) return r;
  }
  if (c->op == VL_E_COMPARE && c->nkids == 2 &&
      (c->a == VL_CMP_EQ || c->a == VL_CMP_NE || c->a == VL_CMP_IN || c->a == VL_CMP_NOT_IN))
    return str_test(F, cond);
  VlId x = 0;
  int cmp = vl_none_compare(m, cond, &x);
  if (!cmp || !vl_expr_is_path(m, x)) return -1;
  bool is = cmp == VL_CMP_IS;
  const VlVal *v = vl_eval(F, x);
  int none = vl_val_only(v, VL_O_NONE) ? 1 : vl_val_never_none(v) ? 0 : -1;
  return none < 0 ? -1 : is ? none : !none;
}

static void exec_if(Frame *F, const VlStmt *st) {
  vl_eval(F, st->a);
  int known = none_test(F, st->a);
  if (known == 1) { /* the other branch cannot run for these values */
    exec_block(F, st->b);
    return;
  }
  if (known == 0) {
    if (st->c) exec_block(F, st->c);
    return;
  }
  const VlSlots *S = stmt_slots(F, (VlId)(st - M(F)->stmts));
  const VlVal **before = snap(F, S);
  exec_block(F, st->b);
  const VlVal **then_env = F->dead ? NULL : snap(F, S);
  put(F, S, before);
  F->dead = false;
  if (st->c) exec_block(F, st->c);
  const VlVal **else_env = F->dead ? NULL : snap(F, S);
  const VlVal **joined = env_join(F, then_env, else_env, nslots(F, S));
  if (joined) {
    put(F, S, joined);
    F->dead = false;
  } else {
    F->dead = true;
  }
  if (!S) { /* the whole environment was saved (the module body): put copied what lives on */
    const VlVal **done[] = {before, then_env, else_env, joined};
    env_give(F, done, 4);
  }
}

/* try_statement: handlers may start anywhere in the body (approximated by its start and end). */
static void exec_try(Frame *F, const VlStmt *st) {
  const VlModule *m = M(F);
  const VlSlots *S = stmt_slots(F, (VlId)(st - m->stmts));
  const uint32_t n = nslots(F, S);
  const VlVal **before = snap(F, S);
  exec_block(F, st->a);
  const VlVal **body_end = F->dead ? NULL : snap(F, S);
  if (st->c && body_end) {
    put(F, S, body_end);
    F->dead = false;
    exec_block(F, st->c);
    body_end = F->dead ? NULL : snap(F, S);
  }
  const VlVal **out = body_end;
  for (uint32_t i = 0; i < st->n; i++) {
    const VlHandler *h = &m->handlers[st->b + i];
    const VlVal **start = env_copy(F, before, n);
    if (body_end) env_join(F, start, body_end, n);
    put(F, S, start);
    F->dead = false;
    if (h->type) vl_eval(F, h->type);
    if (h->target) vl_assign(F, h->target, vl_unknown(V(F)), 0);
    exec_block(F, h->body);
    if (!F->dead) out = env_join(F, out, snap(F, S), n);
  }
  if (out) {
    put(F, S, out);
    F->dead = false;
  } else {
    put(F, S, before);
    F->dead = !st->d;
  }
  if (st->d) {
    bool dead = F->dead;
    F->dead = false;
    exec_block(F, st->d);
    F->dead = F->dead || (dead && !out);
  }
}

/* What `with cm as x` binds: a project class's __enter__(), else (open(), np.load, most context
 * managers) the object itself. */
static const VlVal *entered_value(Frame *F, const VlVal *v, VlId cm) {
  const VlObj *out[VL_VAL_MAX * 2];
  int n = 0;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_INST && o->base) {
      Args none = {0};
      const VlVal *enter = vl_op_attr(F, vl_val1(V(F), o), "__enter__", cm);
      const VlVal *r = vl_val_unknownish(enter) ? vl_val1(V(F), o) : vl_op_call(F, enter, &none, cm);
      for (uint16_t k = 0; k < r->n && n < VL_VAL_MAX * 2; k++) out[n++] = r->objs[k];
    } else if (o->kind == VL_O_ARRAY || o->kind == VL_O_OBJ || o->kind == VL_O_INST || o->kind == VL_O_SEQ ||
               (o->kind == VL_O_LIB && !o->base &&
                (o->sub == VL_LIB_POOL || o->sub == VL_LIB_POOL_METHOD || o->sub == VL_LIB_FUTURE ||
                 o->sub == VL_LIB_FUTURE_RESULT))) {
      out[n++] = o;
    } else if (o->kind == VL_O_ITER && o->elem) { /* a @contextmanager generator: what it yields */
      for (uint16_t k = 0; k < o->elem->n && n < VL_VAL_MAX * 2; k++) out[n++] = o->elem->objs[k];
    } else {
      out[n++] = vl_unknown(V(F))->objs[0];
    }
  }
  return vl_val_of(V(F), out, (size_t)n);
}

/* with_statement: target := the context manager's __enter__() */
static void exec_with(Frame *F, const VlStmt *st) {
  const VlModule *m = M(F);
  for (uint32_t i = 0; i < st->n; i++) {
    VlId cm = m->kids[st->a + 2 * i], target = m->kids[st->a + 2 * i + 1];
    const VlVal *v = vl_eval(F, cm);
    if (target) vl_assign(F, target, entered_value(F, v, cm), cm);
  }
  exec_block(F, st->b);
}

/* a.b.c: attribute reads down from a name, which evaluate to the same object twice in one
 * statement (no call, no subscript in between) */
static bool attr_chain(const VlModule *m, VlId e) {
  const VlExpr *x = vl_expr(m, e);
  while (x->op == VL_E_ATTR) {
    e = vl_kid(m, e, 0);
    x = vl_expr(m, e);
  }
  return x->op == VL_E_NAME;
}

/* the operand names the target: the same variable, or the same attribute chain (`self.rows`) */
static bool same_place(Frame *F, VlId t, VlId o) {
  const VlModule *m = M(F);
  const VlExpr *tx = vl_expr(m, t), *ox = vl_expr(m, o);
  if (tx->op == VL_E_NAME)
    return ox->op == VL_E_NAME && ox->sym.kind == tx->sym.kind && ox->sym.owner == tx->sym.owner &&
           ox->sym.slot == tx->sym.slot;
  return tx->op == VL_E_ATTR && ox->op == VL_E_ATTR && attr_chain(m, t) && attr_chain(m, o) &&
         text_is(F->an, o, vl_expr_text(F->an, t));
}

/* What a list's `+=` (or `+`) takes in of rhs: Python tries the right operand's `__radd__` first,
 * and a NumPy array's takes the list and broadcasts (`lst += a` is `lst + a`, a new array; flag radd
 * of rules/libraries.tsv), while a PyTorch tensor's declines and the list is extended by its rows.
 * rhs without the arrays of a radd library; *broadcast: some were dropped. */
static const VlVal *list_operand(Frame *F, const VlVal *rhs, bool *broadcast) {
  const VlObj *keep[VL_VAL_MAX + 1];
  int n = 0;
  *broadcast = false;
  for (uint16_t i = 0; i < rhs->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *o = rhs->objs[i];
    if (o->kind == VL_O_ARRAY && vl_knowledge_lib(F->an->know, o->lib)->radd) *broadcast = true;
    else keep[n++] = o;
  }
  return *broadcast ? vl_val_of(V(F), keep, (size_t)n) : rhs;
}

/* c + vs, c += vs: concatenation, which grows a list or tuple, when c holds one, or when vs is a
 * display and c is no array (an attribute of a parameter we know nothing of; an array plus a
 * list display would be arithmetic) */
static bool grows_container(Frame *F, const VlVal *c, VlId add_expr) {
  const VlExpr *ax = vl_expr(M(F), add_expr);
  bool display = ax->op == VL_E_LIST || ax->op == VL_E_TUPLE || ax->op == VL_E_COMP;
  return vl_val_has(c, VL_O_SEQ) || (display && !vl_val_has(c, VL_O_ARRAY));
}

/* c = c + [v] (or [v] + c, or self.rows = self.rows + [v]): the same accumulator, grown in place as
 * far as its contents go. */
static bool accumulate(Frame *F, const VlStmt *st) {
  const VlModule *m = M(F);
  VlId t = m->kids[st->b];
  const VlExpr *vx = vl_expr(m, st->a);
  if (vx->op != VL_E_BINOP || vx->sub != VL_OP_ADD) return false;
  VlId l = vl_kid(m, st->a, 0), r = vl_kid(m, st->a, 1);
  bool left = same_place(F, t, l), right = !left && same_place(F, t, r);
  if (!left && !right) return false;
  const VlVal *acc = vl_eval(F, left ? l : r);
  VlId other = left ? r : l;
  /* `rows = rows + [v]` on a parameter makes a new list, the caller's is unchanged: only a list of
   * this function grows; an attribute rebound so (`self.rows = self.rows + [v]`) holds the old
   * contents and more, whoever reads it */
  if (vl_expr(m, t)->op == VL_E_NAME ? !vl_val_has(acc, VL_O_SEQ) : !grows_container(F, acc, other)) return false;
  bool broadcast;
  const VlVal *add = list_operand(F, vl_eval(F, other), &broadcast);
  if (vl_val_empty(add)) return false; /* list + a NumPy array: a new array (the binop) */
  vl_extend_into(F, acc, add, other, t);
  return true;
}

/* a = CALL(...) in a loop, CALL a library function: what VL003/VL004 look at. */

/* Does loop target t (a name, or a tuple of them: `for i, s in enumerate(xs)`) bind the name x? */
static bool target_binds(const VlModule *m, VlId t, const VlExpr *x, int depth) {
  const VlExpr *tx = vl_expr(m, t);
  if (tx->op == VL_E_NAME) return tx->sym.slot == x->sym.slot && tx->sym.owner == x->sym.owner;
  if ((tx->op == VL_E_TUPLE || tx->op == VL_E_LIST) && depth < 8)
    for (uint32_t i = 0; i < tx->nkids; i++)
      if (target_binds(m, vl_kid(m, t, i), x, depth + 1)) return true;
  if (tx->op == VL_E_STAR && depth < 8) return target_binds(m, vl_kid(m, t, 0), x, depth + 1);
  return false;
}

static void loop_rebind(Frame *F, VlId s, const VlStmt *st) {
  const VlModule *m = M(F);
  Analysis *an = F->an;
  if (!an->sink || !an->sink->rebind || F->pass) return;
  VlId t = m->kids[st->b];
  const VlExpr *tx = vl_expr(m, t);
  if (tx->op != VL_E_NAME && tx->op != VL_E_ATTR) return;
  VlId cands[2] = {st->a, 0};
  if (vl_expr(m, st->a)->op == VL_E_COND) {
    cands[0] = vl_kid(m, st->a, 0);
    cands[1] = vl_kid(m, st->a, 2);
  }
  /* the name is the target of a loop around it (for x in ...: x = f(x)) */
  bool loop_var = false;
  for (VlId l = F->loop; l && tx->op == VL_E_NAME; l = m->loops[l].parent)
    if (m->loops[l].target && target_binds(m, m->loops[l].target, tx, 0)) loop_var = true;
  for (int c = 0; c < 2 && cands[c]; c++) {
    const VlExpr *x = vl_expr(m, cands[c]);
    if (x->op != VL_E_CALL && x->op != VL_E_SUB) continue;
    const VlVal *fn = vl_eval(F, vl_kid(m, cands[c], 0));
    for (uint16_t i = 0; i < fn->n; i++) {
      const VlObj *o = fn->objs[i];
      if (o->kind != VL_O_LIB || o->base || !o->name || o->mod) continue;
      const char *member;
      const VlLibrary *lib = vl_knowledge_library(an->know, o->name, &member);
      const VlLibEntry *e = lib ? vl_libtable_find(lib->table, VL_LIB_FUNCTION, member) : NULL;
      if (!e) continue;
      VlLoopRebind rb = {.func = F->func, .stmt = s, .loop = F->loop, .call = cands[c], .entry = e, .lib = lib->id,
                         .target_is_loop_var = loop_var};
      an->sink->rebind(an->sink->ctx, &rb);
      break;
    }
  }
}

/* The module's global value decorator dx names (`@register(...)`, `@REG.register()`: `register`,
 * `REG`), read from the module's globals, nothing evaluated; NULL when it names no global.  `plain`:
 * only a name or a call of one (no attribute). */
static const VlVal *decorator_global(const Frame *F, VlId dx, bool plain) {
  const VlModule *m = M(F);
  VlId e = vl_expr(m, dx)->op == VL_E_CALL ? vl_kid(m, dx, 0) : dx;
  for (int depth = 0; depth < 4 && !plain && vl_expr(m, e)->op == VL_E_ATTR; depth++) e = vl_kid(m, e, 0);
  const VlExpr *x = vl_expr(m, e);
  if (x->op != VL_E_NAME || x->sym.kind != VL_SYM_GLOBAL || !F->an->globals) return NULL;
  return F->an->globals[x->sym.slot];
}

/* Is decorator dx, by its name, one of this module's functions, or a method of a module-level object
 * or class of this module (`@register(...)`, `@REG.register()`)? */
static bool own_decorator(const Frame *F, VlId dx) {
  const VlVal *v = decorator_global(F, dx, false);
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if ((o->kind == VL_O_FUNC || o->kind == VL_O_CLASS) && o->mod == F->an->mi) return true;
    if (o->kind == VL_O_INST && o->site && o->site->mod == F->an->mi) return true;
  }
  return false;
}

/* Is decorator dx, by its name, one function of another module of the project, imported by name
 * (`from .utils import cache_read_img`: `@cache_read_img(use_cache=True)`, `@timed`), plain (not
 * bound, not a partial)?  That module was analysed first: its summaries say what a call returns. */
static bool imported_decorator(const Frame *F, VlId dx) {
  const VlVal *v = decorator_global(F, dx, true);
  const VlObj *o = v && v->n == 1 ? v->objs[0] : NULL;
  return o && o->kind == VL_O_FUNC && o->mod && o->mod != F->an->mi && !o->base && !o->nitems;
}

/* Decorator dx, evaluated to deco (one project function), called with v: true when it hands back v
 * itself; *wrapper (when asked) set to the function it hands back instead when that is one defined in
 * deco's own module (`def traced(fn): def wrapper(x): ...; return wrapper`: its closure
 * holds the decorated one). */
static bool call_decorator(Frame *F, VlId dx, const VlVal *deco, const VlVal *v, const VlVal **wrapper) {
  Args a;
  memset(&a, 0, sizeof a);
  a.pos[0] = v;
  a.pos_expr[0] = dx;
  a.npos = 1;
  const VlVal *r = vl_op_call(F, deco, &a, dx);
  if (wrapper && r != v && r && r->n == 1 && r->objs[0]->kind == VL_O_FUNC &&
      r->objs[0]->mod == deco->objs[0]->mod && !r->objs[0]->name)
    *wrapper = r;
  return r == v;
}

/* Decorator expression dx applied to what it decorates (v: a class, or a function): a project
 * function (a registry's `register(name)` closure, `def deco(cls): REGISTRY[name] = cls; return cls`)
 * is called with it for what it does; others are only evaluated.  True when the call hands back v
 * itself (then the name is still v). */
static bool decorate(Frame *F, VlId dx, const VlVal *v, bool eval_all, const VlVal **wrapper) {
  /* (`all`: the expression is evaluated whatever it is, as a def's decorators always were; else only
   * when it names a project function, `@register(...)`, `@REG.register()`: a library's decorator and
   * its arguments, `@pytest.mark.parametrize(...)`, are not evaluated for nothing) */
  if (!eval_all && !own_decorator(F, dx)) return false;
  const VlVal *deco = vl_eval(F, dx);
  /* (one of this module's functions: what another module's decorator fills is that module's, which
   * an importer's analysis does not change) */
  if (!deco || deco->n != 1 || deco->objs[0]->kind != VL_O_FUNC || deco->objs[0]->mod != F->an->mi) return false;
  return call_decorator(F, dx, deco, v, wrapper);
}

/* The wrapper an imported decorator (imported_decorator) hands back for method v, NULL when it hands
 * back anything else: its module's summaries answer the call (`cache_read_img(use_cache=True)` gives
 * its `decorator` closure, which given v gives `wrapper`, its closure holding v).  Nothing else of
 * the call is kept (what it fills is its module's). */
static const VlVal *imported_wrapper(Frame *F, VlId dx, const VlVal *v) {
  const VlVal *deco = vl_eval(F, dx), *wrapper = NULL;
  if (!deco || deco->n != 1 || deco->objs[0]->kind != VL_O_FUNC || !deco->objs[0]->mod ||
      deco->objs[0]->mod == F->an->mi || deco->objs[0]->base)
    return NULL;
  call_decorator(F, dx, deco, v, &wrapper);
  return wrapper;
}

static void exec_stmt(Frame *F, VlId s) {
  const VlModule *m = M(F);
  const VlStmt *st = vl_stmt(m, s);
  switch (st->kind) {
  case VL_S_EXPR:
    F->stmt_call = st->a;
    vl_eval(F, st->a);
    F->stmt_call = 0;
    return;
  case VL_S_ASSIGN: {
    if (st->n == 1 && accumulate(F, st)) return;
    const VlVal *v = vl_eval(F, st->a);
    if (F->loop && st->n == 1) loop_rebind(F, s, st);
    for (uint32_t i = 0; i < st->n; i++) vl_assign(F, m->kids[st->b + i], v, st->a);
    return;
  }
  case VL_S_AUGASSIGN: {
    vl_augassign(F, st);
    return;
  }
  case VL_S_ANNASSIGN:
    if (st->b) vl_assign(F, st->a, vl_eval(F, st->b), st->b);
    return;
  case VL_S_DEL:
    for (uint32_t i = 0; i < st->n; i++) {
      VlId t = m->kids[st->b + i];
      const VlExpr *tx = vl_expr(m, t);
      if (tx->op == VL_E_SUB) { /* del c[:] empties c; del c[0] in a loop keeps a window, as a pop does */
        const VlVal *c = eval_kid(F, t, 0);
        vl_frame_clear(F, c);
      } else if (tx->op == VL_E_NAME) {
        write_name(F, t, vl_prim(V(F), VL_O_NONE));
      } else {
        vl_eval(F, t);
      }
    }
    return;
  case VL_S_IF: exec_if(F, st); return;
  case VL_S_FOR: exec_loop_body(F, st, true); return;
  case VL_S_WHILE: exec_loop_body(F, st, false); return;
  case VL_S_TRY: exec_try(F, st); return;
  case VL_S_WITH: exec_with(F, st); return;
  case VL_S_MATCH: {
    vl_eval(F, st->a);
    const VlSlots *S = stmt_slots(F, (VlId)(st - m->stmts));
    const VlVal **before = snap(F, S), **out = snap(F, S);
    bool any = true; /* no case may match */
    for (uint32_t i = 0; i < st->n; i++) {
      put(F, S, before);
      F->dead = false;
      exec_block(F, m->kids[st->b + i]);
      if (!F->dead) out = env_join(F, out, snap(F, S), nslots(F, S));
    }
    put(F, S, out);
    F->dead = !any;
    return;
  }
  case VL_S_RETURN: {
    F->ret_expr = st->a;
    const VlVal *v = st->a ? vl_eval(F, st->a) : vl_prim(V(F), VL_O_NONE);
    F->ret_expr = 0;
    VlId memo = st->a && F->func != VL_MODULE_FUNC ? vl_memo_decorator(F->an, F->func) : 0;
    if (memo) memo_store(F, memo, st->a, v);
    F->ret = vl_join(V(F), F->ret, v);
    F->dead = true;
    return;
  }
  case VL_S_RAISE:
    if (st->a) vl_eval(F, st->a);
    F->dead = true;
    return;
  case VL_S_BREAK:
  case VL_S_CONTINUE:
    if (F->lctx) {
      const VlVal ***slot = st->kind == VL_S_BREAK ? &F->lctx->brk : &F->lctx->cont;
      *slot = env_join(F, *slot ? *slot : NULL, snap(F, F->lctx->slots), nslots(F, F->lctx->slots));
    }
    F->dead = true;
    return;
  case VL_S_IMPORT:
  case VL_S_IMPORT_FROM: {
    const VlVal *v = vl_import_binding(F, st);
    if (!st->a) return; /* import *: names resolve through builtin() */
    /* bind the name: find the slot through a synthetic lookup of the function's locals */
    if (F->comps) return;
    int k = local_slot_of(F, st->a);
    if (k >= 0) F->env[k] = v;
    /* else: declared global in a function */
    return;
  }
  case VL_S_DEF: {
    const VlFunc *fn = vl_func(m, st->a);
    bool transparent = true;
    /* an unbounded cache: calls reach the body (its summary says the memo keeps what it returns) */
    VlId memo = vl_memo_decorator(F->an, st->a);
    bool cached = false; /* under a functools cache that is no unbounded memo */
    const VlVal *self_fn = NULL, *wrapper = NULL;
    for (uint32_t d = 0; d < fn->ndecorators; d++) {
      VlId dx = m->kids[fn->decorators + d];
      bool same = false, own = own_decorator(F, dx);
      if (own) {
        if (!self_fn) self_fn = vl_closure_value(F, st->a);
        same = decorate(F, dx, self_fn, true, fn->ndecorators == 1 && !memo ? &wrapper : NULL);
      } else {
        vl_eval(F, dx);
      }
      if (dx == memo || same || transparent_decorator(F, dx)) continue;
      if (!memo && !own && cache_decorator(F->an, dx)) cached = true;
      else transparent = false;
    }
    /* defaults are evaluated at definition time */
    for (uint32_t p = 0; p < fn->nparams; p++) {
      const VlParam *pp = &m->params[fn->params + p];
      if (pp->dflt) vl_eval(F, pp->dflt);
    }
    const VlVal *v = wrapper                                        ? wrapper
                     : (fn->flags & VL_FN_DECORATED) && !transparent ? vl_unknown(V(F))
                     : self_fn                                      ? self_fn
                                                                    : vl_closure_value(F, st->a);
    if (cached && transparent && !wrapper && v->n == 1 && v->objs[0]->kind == VL_O_FUNC && !v->objs[0]->elem &&
        !v->objs[0]->sub && !v->objs[0]->nitems) {
      VlObj o = *v->objs[0];
      o.sub = VL_FUNC_CACHED;
      v = vl_val1(V(F), vl_obj(V(F), o));
    }
    if (fn->ndecorators == 1 && F->func == VL_MODULE_FUNC && single_dispatch(F, m->kids[fn->decorators])) {
      /* @functools.singledispatch: calls run the implementations registered for the argument
       * (ops.c: dispatch_call) */
      VlObj o = {.kind = VL_O_FUNC, .mod = F->an->mi, .func = st->a, .sub = VL_FUNC_SINGLEDISPATCH, .nd = vl_nd_unknown()};
      v = vl_val1(V(F), vl_obj(V(F), o));
    }
    int slot = local_slot_of(F, fn->name);
    if (slot >= 0) F->env[slot] = v;
    return;
  }
  case VL_S_CLASS: {
    const VlClass *k = &m->classes[st->a];
    for (uint32_t b = 0; b < k->nbases; b++) vl_eval(F, m->kids[k->bases + b]);
    VlObj o = {.kind = VL_O_CLASS, .mod = F->an->mi, .func = st->a, .nd = vl_nd_unknown()};
    const VlVal *v = vl_val1(V(F), vl_obj(V(F), o));
    /* a project function decorating the class runs with it (a registry's `@register("yolox")`
     * putting the class into a module dict); the name stays the class */
    for (uint32_t d = k->ndecorators; d > 0; d--) decorate(F, m->kids[k->decorators + d - 1], v, false, NULL);
    int slot = local_slot_of(F, k->name);
    if (slot >= 0) F->env[slot] = v;
    return;
  }
  default:
    return;
  }
}

static void exec_block(Frame *F, VlId block) {
  if (!block) return;
  const VlModule *m = M(F);
  for (uint32_t i = 0; i < m->blocks[block].count && !F->dead; i++) {
    VlId s = vl_block_stmt(m, block, i);
    F->stmt_start = vl_stmt(m, s)->start;
    exec_stmt(F, s);
  }
}

/* ---- frames ---- */

/* A frame of `func` on environment `env` (NULL: a new one), with memos for its loops or none. */
static void frame_setup(Frame *F, Analysis *an, VlId func, const VlVal **env, bool loops) {
  memset(F, 0, sizeof *F);
  F->an = an;
  F->scratch = an->nspare ? an->spare[--an->nspare] : vl_arena_new();
  F->func = func;
  F->nenv = vl_func(an->m, func)->nlocals;
  F->env = env ? env : VL_ARENA_ARRAY(F->scratch, const VlVal *, F->nenv ? F->nenv : 1);
  F->ret = &vl_empty_val;
  F->yields = &vl_empty_val;
  /* memos for this function's loops only: a frame sized by the module's loops makes many small
   * functions cost quadratic time and memory (a loop without a memo uses a scratch one) */
  const FuncData *fd = &an->fd[func];
  F->loop_base = fd->loop_lo;
  F->nloop_memo = loops && fd->loop_lo ? fd->loop_hi - fd->loop_lo + 1 : 0;
  F->loop_memo = VL_ARENA_ARRAY(F->scratch, LoopMemo, F->nloop_memo + 1);
}

void vl_frame_init(Frame *F, Analysis *an, VlId func) { frame_setup(F, an, func, NULL, true); }

void vl_frame_init_globals(Frame *F, Analysis *an) {
  frame_setup(F, an, VL_MODULE_FUNC, an->globals ? an->globals : an->prepass_env, false);
}

void vl_frame_free(Frame *F) {
#ifndef __SANITIZE_ADDRESS__ /* (under ASan every frame's state is freed: a pointer kept into it is a use-after-free) */
  Analysis *an = F->an;
  if (an->nspare < sizeof an->spare / sizeof an->spare[0]) {
    vl_arena_reset(F->scratch);
    an->spare[an->nspare++] = F->scratch;
  } else
#endif
    vl_arena_delete(F->scratch);
  F->scratch = NULL;
  vl_heap_free(&F->heap);
  VL_VEC_FREE(&F->stores);
  VL_VEC_FREE(&F->clears);
  VL_VEC_FREE(&F->inherited);
  VL_VEC_FREE(&F->effects);
  VL_VEC_FREE(&F->reported_into);
  VL_VEC_FREE(&F->regathered);
  VL_VEC_FREE(&F->hooks);
  VL_VEC_FREE(&F->param_loop_calls);
}

/* The decorator of method f when it is its one decorator and one of this module's own (own_decorator)
 * or a function imported from another module of the project (imported_decorator), on a plain method (not a static or class method, a property, or a memo), else 0. */
static VlId method_decorator(Frame *F, VlId f) {
  const VlFunc *fn = vl_func(M(F), f);
  if (fn->ndecorators != 1 || !(fn->flags & VL_FN_DECORATED) ||
      (fn->flags & (VL_FN_STATICMETHOD | VL_FN_CLASSMETHOD | VL_FN_PROPERTY)) || vl_memo_decorator(F->an, f))
    return 0;
  VlId dx = M(F)->kids[fn->decorators];
  return own_decorator(F, dx) || imported_decorator(F, dx) ? dx : 0;
}

/* Methods of a top-level class under a decorator of the module that returns a function it defines
 * (`@cache_read_img(use_cache=True) def read_img(self, index)`, the wrapper `def wrapper(self, index,
 * ...)` keeping what `read_img_fn(self, index)` returns): the class's variable of the method's name
 * becomes that wrapper, which ops.c binds in the method's place (wrapped_method).  The first walk
 * left it unknown, as it leaves a decorated module-level def.  Only a wrapper whose first parameter
 * is a plain positional one, which receives self. */
static void wrap_methods(Frame *F, VlId klass) {
  Analysis *an = F->an;
  VlClassInfo *ci = klass < an->mi->nclasses ? &an->mi->classes[klass] : NULL;
  for (uint16_t j = 0; ci && j < ci->nmethods; j++) {
    VlId f = ci->methods[j], dx = method_decorator(F, f);
    const VlVal *wrapper = NULL;
    if (!dx) continue;
    vl_an_class(an, klass); /* its class variables (the body run once), which the wrapper replaces */
    if (own_decorator(F, dx))
      decorate(F, dx, vl_closure_value(F, f), false, &wrapper);
    else
      wrapper = imported_wrapper(F, dx, vl_closure_value(F, f));
    const VlFuncInfo *wi = wrapper ? vl_func_info(F, wrapper->objs[0]->mod, wrapper->objs[0]->func) : NULL;
    if (!wi || !wi->nparams || wi->params[0].kind != VL_P_POS || !wrapper->objs[0]->key) continue;
    /* a new array of class variables (they are never changed in place: analysis.c, bound_methods) */
    VlAttr *vars = VL_ARENA_ARRAY(an->arena, VlAttr, ci->nclassvars + 1);
    uint16_t n = 0;
    for (uint16_t i = 0; i < ci->nclassvars; i++)
      if (!vl_streq(ci->classvars[i].name, ci->method_names[j])) vars[n++] = ci->classvars[i];
    vars[n++] = (VlAttr){ci->method_names[j], wrapper};
    ci->classvars = vars;
    ci->nclassvars = n;
  }
}

/* Runs the function's body until its heap stops growing. */
/* After the module body's first walk, whose calls of this module's functions are not followed: the
 * decorators of its top-level classes and functions run with what they decorate, on a copy of the
 * heap that walk left (Analysis.module_heap), which then replaces it: a registry filled by
 * `@register("yolox")` holds its classes when functions read it (`REGISTRY[cfg["name"]](...)`). */
void vl_module_decorators(Analysis *an) {
  const VlModule *m = an->m;
  const VlFunc *top = vl_func(m, VL_MODULE_FUNC);
  if (!top->body || !an->globals) return;
  Frame F;
  vl_frame_init(&F, an, VL_MODULE_FUNC);
  bool any = false;
  for (uint32_t i = 0; i < m->blocks[top->body].count && !any; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, top->body, i));
    if (st->kind == VL_S_CLASS) {
      for (uint16_t d = 0; d < m->classes[st->a].ndecorators && !any; d++)
        any = own_decorator(&F, m->kids[m->classes[st->a].decorators + d]);
      const VlClassInfo *ci = st->a < an->mi->nclasses ? &an->mi->classes[st->a] : NULL;
      for (uint16_t j = 0; ci && j < ci->nmethods && !any; j++) any = method_decorator(&F, ci->methods[j]) != 0;
    }
    if (st->kind == VL_S_DEF)
      for (uint16_t d = 0; d < vl_func(m, st->a)->ndecorators && !any; d++)
        any = own_decorator(&F, m->kids[vl_func(m, st->a)->decorators + d]);
  }
  if (!any) {
    vl_frame_free(&F);
    return;
  }
  for (uint32_t i = 0; i < F.nenv; i++) F.env[i] = an->globals[i] ? an->globals[i] : &vl_empty_val;
  const Heap *h = &an->module_heap;
  for (uint32_t i = 0; i < h->n; i++) {
    const VlHeapEntry *e = &h->entries[i];
    vl_heap_move_elem(&F, e->site, e->elem, e->loose);
    VlHeapEntry *ne = vl_heap_get(&F, e->site);
    ne->loose |= e->loose;
    if (e->key) ne->key = vl_join(V(&F), ne->key, e->key);
    for (uint16_t k = 0; k < e->nattrs; k++) vl_heap_set_attr(&F, e->site, e->attrs[k].name, e->attrs[k].val);
  }
  for (uint32_t i = 0; i < m->blocks[top->body].count; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, top->body, i));
    if (st->kind == VL_S_CLASS && m->classes[st->a].ndecorators) {
      const VlClass *k = &m->classes[st->a];
      VlObj o = {.kind = VL_O_CLASS, .mod = an->mi, .func = st->a, .nd = vl_nd_unknown()};
      const VlVal *v = vl_val1(V(&F), vl_obj(V(&F), o));
      for (uint32_t d = k->ndecorators; d > 0; d--) decorate(&F, m->kids[k->decorators + d - 1], v, false, NULL);
    }
    if (st->kind == VL_S_CLASS) {
      wrap_methods(&F, st->a);
    } else if (st->kind == VL_S_DEF && vl_func(m, st->a)->ndecorators) {
      const VlFunc *fn = vl_func(m, st->a);
      const VlVal *v = vl_closure_value(&F, st->a), *wrapper = NULL;
      for (uint32_t d = fn->ndecorators; d > 0; d--)
        decorate(&F, m->kids[fn->decorators + d - 1], v, false,
                 fn->ndecorators == 1 && !vl_memo_decorator(an, st->a) ? &wrapper : NULL);
      /* the name is the wrapper the decorator returned (`@traced def residuals`), for the functions
       * that call it (the first walk left it unknown: it does not follow calls of the module's own) */
      int slot = wrapper ? local_slot_of(&F, fn->name) : -1;
      if (slot >= 0 && (uint32_t)slot < F.nenv) an->globals[slot] = wrapper;
    }
  }
  vl_heap_free(&an->module_heap);
  an->module_heap = F.heap;
  memset(&F.heap, 0, sizeof F.heap);
  vl_frame_free(&F);
}

void vl_frame_run(Frame *F) {
  const VlModule *m = M(F);
  const VlFunc *fn = vl_func(m, F->func);
  const VlVal **init = env_copy(F, F->env, F->nenv);
  for (F->pass = 0; F->pass < VL_FRAME_PASSES; F->pass++) {
    memcpy(F->env, init, F->nenv * sizeof *F->env);
    F->heap.changed = false;
    F->dead = false;
    F->ret = &vl_empty_val;
    F->yields = &vl_empty_val;
    F->stores.len = 0;
    F->clears.len = 0;
    F->effects.len = 0;
    F->regathered.len = 0;
    F->param_loop_calls.len = 0;
    if (fn->kind == VL_FN_LAMBDA) {
      F->ret_expr = fn->expr;
      F->ret = vl_eval(F, fn->expr);
      F->ret_expr = 0;
    } else {
      exec_block(F, fn->body);
    }
    if (!F->dead && fn->kind != VL_FN_LAMBDA) F->ret = vl_join(V(F), F->ret, vl_prim(V(F), VL_O_NONE));
    if (!F->heap.changed) break;
  }
}

/* ---- augmented assignment and accumulators ---- */

/* acc += vs / acc = acc + vs on a list or a tuple: the elements join the same accumulator. */
void vl_extend_into(Frame *F, const VlVal *acc, const VlVal *add, VlId add_expr, VlId target) {
  const VlModule *m = M(F);
  const VlVal *elems = vl_op_elems(F, add, add_expr);
  for (uint16_t i = 0; i < acc->n; i++)
    if (vl_obj_site(F, acc->objs[i])) vl_heap_add_elem(F, vl_obj_site(F, acc->objs[i]), elems);
  StoreEv ev = {.store = VL_ST_EXTEND, .container = acc, .value = add, .loop = F->loop,
                .at = vl_expr_span(F->an, add_expr), .fix_at = vl_expr(m, add_expr)->end,
                .text = vl_expr_text(F->an, add_expr), .container_text = vl_expr_text(F->an, target)};
  /* a tuple display `(v,)` stores v itself: report at v */
  const VlExpr *ax = vl_expr(m, add_expr);
  if ((ax->op == VL_E_TUPLE || ax->op == VL_E_LIST) && ax->nkids == 1) {
    VlId item = vl_kid(m, add_expr, 0);
    ev.at = vl_expr_span(F->an, item);
    ev.fix_at = vl_expr(m, item)->end;
    ev.text = vl_expr_text(F->an, item);
  }
  vl_frame_store(F, &ev);
  for (uint16_t i = 0; i < acc->n; i++)
    if (vl_caller_visible(F, acc->objs[i])) {
      VlEffect ef = {.kind = VL_EFF_STORE, .store = VL_ST_EXTEND, .key_varies = true, .target = acc, .value = add,
                     .at = ev.at, .fix_at = ev.fix_at, .text = ev.text, .container = ev.container_text};
      VL_VEC_PUSH(&F->effects, ef);
      break;
    }
}

/* `x op= v` on an instance of a project class: Python calls x.__iop__(v), or x.__op__(v) when the
 * class defines no in-place form, and binds what it returns to x.  The instances of `cur` whose class
 * defines either are called (their stores and effects are the method's); NULL when none does. */
static const VlVal *dunder_augassign(Frame *F, int op, const VlVal *cur, const VlVal *rhs, VlId expr) {
  static const char *const inplace[] = {NULL, "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__",
                                        "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__",
                                        "__iand__", "__ior__", "__ixor__"};
  static const char *const plain[] = {NULL, "__add__", "__sub__", "__mul__", "__matmul__", "__truediv__",
                                      "__floordiv__", "__mod__", "__pow__", "__lshift__", "__rshift__",
                                      "__and__", "__or__", "__xor__"};
  if (op < VL_OP_ADD || op > VL_OP_XOR) return NULL;
  const VlVal *out = NULL;
  const VlObj *rest[VL_VAL_MAX + 1];
  int nr = 0;
  for (uint16_t i = 0; i < cur->n; i++) {
    const VlObj *o = cur->objs[i];
    const VlVal *meth = NULL;
    if (o->kind == VL_O_INST && o->base) {
      meth = vl_op_attr(F, vl_val1(V(F), o), inplace[op], expr);
      if (vl_val_unknownish(meth)) meth = vl_op_attr(F, vl_val1(V(F), o), plain[op], expr);
    }
    if (!meth || vl_val_unknownish(meth)) {
      if (nr < VL_VAL_MAX + 1) rest[nr++] = o;
      continue;
    }
    Args one = {0};
    one.npos = 1;
    one.pos[0] = rhs;
    const VlVal *r = vl_op_call(F, meth, &one, expr);
    out = out ? vl_join(V(F), out, r) : r;
  }
  if (!out) return NULL;
  if (nr) out = vl_join(V(F), out, vl_op_augmented(F, op, vl_val_of(V(F), rest, (size_t)nr), rhs, expr));
  return out;
}

/* augmented_assignment -> target op= value */
void vl_augassign(Frame *F, const VlStmt *st) {
  const VlModule *m = M(F);
  const VlVal *cur = vl_eval(F, st->a);
  const VlVal *rhs = vl_eval(F, st->b);
  const VlVal *called = dunder_augassign(F, st->sub, cur, rhs, st->b);
  if (called) { /* trace += row: what __iadd__ returns, usually the instance itself */
    if (vl_expr(m, st->a)->op != VL_E_SUB) vl_assign(F, st->a, called, 0);
    return;
  }
  bool broadcast = false;
  const VlVal *add = st->sub == VL_OP_ADD ? list_operand(F, rhs, &broadcast) : rhs;
  if (grows_container(F, cur, st->b) && (st->sub == VL_OP_ADD || st->sub == VL_OP_OR) && !vl_val_empty(add)) {
    /* list += xs, tuple += (x,), set |= s: the same accumulator, holding more */
    const VlObj *keep[VL_VAL_MAX + 1];
    int n = 0;
    for (uint16_t i = 0; i < cur->n && n < VL_VAL_MAX; i++) {
      const VlObj *o = cur->objs[i];
      if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE) { /* the tuple is replaced, its contents carried */
        VlObj c = *o;
        c.flags |= VL_F_ACCUM;
        c.items = NULL;
        c.nitems = 0;
        keep[n++] = vl_obj(V(F), c);
      } else {
        keep[n++] = o;
      }
    }
    const VlVal *acc = vl_val_of(V(F), keep, (size_t)n);
    if (vl_val_empty(acc)) acc = cur;
    vl_extend_into(F, acc, add, st->b, st->a);
    if (vl_expr(m, st->a)->op == VL_E_NAME) /* (list += a NumPy array on another path: a new array) */
      vl_assign(F, st->a, broadcast ? vl_join(V(F), acc, vl_op_binop(F, st->sub, cur, rhs, st->b)) : acc, 0);
    return;
  }
  if (broadcast && vl_val_has(cur, VL_O_SEQ)) { /* list += a NumPy array: lst + a, a new array */
    const VlVal *r = vl_op_binop(F, st->sub, cur, rhs, st->b);
    if (vl_expr(m, st->a)->op != VL_E_SUB) vl_assign(F, st->a, r, 0);
    return;
  }
  if (vl_val_has(cur, VL_O_ARRAY)) return; /* in place: a *= 0.5 keeps the same array */
  /* of a parameter (or another symbol): deferred, in place when the caller's value is an array */
  const VlVal *r = vl_op_augmented(F, st->sub, cur, rhs, st->b);
  if (vl_expr(m, st->a)->op != VL_E_SUB) vl_assign(F, st->a, r, 0);
}

/* ---- imports ---- */

/* The absolute module a relative import names: `from ..pkg import x` in module a.b.c. */
/* The absolute module a relative import names, or NULL when it reaches above the top-level
 * package (an ImportError in Python). */
static const char *absolute_module(Frame *F, const VlStmt *st) {
  const VlModule *m = M(F);
  const char *mod = st->b ? vl_str(m, st->b) : "";
  if (!st->sub) return mod;
  const VlModInfo *mi = F->an->mi;
  char *base = vl_arena_strdup(F->an->arena, mi->name);
  int up = st->sub - (mi->package ? 1 : 0);
  for (int i = 0; i < up; i++) {
    char *dot = strrchr(base, '.');
    if (!dot) return NULL; /* beyond the top: a module of no package */
    *dot = '\0';
  }
  if (!*mod) return base;
  return vl_arena_dotted(F->an->arena, base, mod);
}

/* The project module of that name, or NULL.  A modelled library stays the library even when its
 * sources are part of the program (checking NumPy itself): its tables say what its calls do. */
static VlModInfo *project_module(Frame *F, const char *name) {
  const char *member;
  if (vl_knowledge_library(F->an->know, name, &member) || vl_knowledge_viewless(F->an->know, name)) return NULL;
  return vl_program_find_from(F->an->prog, F->an->mi, name);
}

static const VlVal *module_value(Frame *F, const char *name) {
  VlModInfo *mod = project_module(F, name);
  if (!mod) return vl_lib_value(F, name);
  VlObj o = {.kind = VL_O_LIB, .name = mod->name, .mod = mod, .nd = vl_nd_unknown()};
  return vl_val1(V(F), vl_obj(V(F), o));
}

const VlVal *vl_import_binding(Frame *F, const VlStmt *st) {
  const VlModule *m = M(F);
  if (st->kind == VL_S_IMPORT) return module_value(F, vl_str(m, st->b));
  const char *mod = absolute_module(F, st);
  if (!mod) return vl_unknown(V(F));
  const char *member = st->c ? vl_str(m, st->c) : "";
  char *full = *mod ? vl_arena_dotted(F->an->arena, mod, member) : vl_arena_strdup(F->an->arena, member);
  if (project_module(F, full)) return module_value(F, full);
  VlModInfo *pm = project_module(F, mod);
  if (pm) {
    if (!vl_program_ready(F->an->prog, F->an->mi, pm, &F->an->ready)) return vl_unknown(V(F));
    return vl_op_attr(F, module_value(F, mod), member, 0);
  }
  return vl_lib_value(F, full);
}
