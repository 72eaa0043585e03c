/* retain.c: the retention query (what VL001 and VL002 report), over one frame's store events.
 *
 * A store in loop L leaks when, in one iteration of L:
 *   1. a value holding a view that shows only part of its base (a partial view) is stored;
 *   2. the base is a new object in every iteration of L: its site runs once per iteration (an
 *      array rebound in L, a model's output, a loop target over a generator of new batches...);
 *   3. the container outlives the iteration: not made anew in L, not emptied in L, not a bounded
 *      deque, not an array (writing into an array copies), a varying key for c[k] = v;
 *   4. the container outlives the function: it is the caller's (a parameter, self.x, a global), or
 *      it is returned, yielded or stored somewhere that is (otherwise nothing survives the call);
 *   5. the loop does not also keep the whole base (then the views pin nothing more).
 * Each condition exists because the runtime oracle disagreed without it (docs/design.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/ptrmap.h"
#include "base/str.h"
#include "flow/analysis.h"

static const VlModule *M(const Frame *F) { return F->an->m; }

/* Is `inner` the loop `outer` or inside it? */
static bool loop_within(const VlModule *m, VlId inner, VlId outer) {
  for (VlId l = inner; l; l = m->loops[l].parent)
    if (l == outer) return true;
  return false;
}

/* Does site `s` make a new object in every iteration of loop L (0: the implicit loop of a
 * list(generator) or comprehension over an iterator)? */
static bool per_iteration(const Frame *F, const VlSite *s, VlId L, bool implicit) {
  if (!s) return false;
  const VlModule *m = M(F);
  if (s->kind == VL_SITE_STEP) {
    if (s->mod != F->an->mi) return false;
    if (!s->at) return implicit;
    /* list(a[:5] for a in arrays): the generator expression's steps are the implicit loop's */
    if (implicit && !L && m->loops[s->at].kind == VL_LOOP_COMP) return true;
    if (L && loop_within(m, s->at, L)) return true;
    /* an object a list holds (ops.c: filled_per_step), taken from it in another loop: also new in
     * every iteration of a loop that made it (`chunk = [load() for ...]` in L) */
    return s->via && s->via->step == VL_STEP_LISTED && per_iteration(F, s->via, L, false);
  }
  /* (a step of an iterator made by an expression L runs, `zip(*(ds[i] for i in idx))` in L, is made
   * in L too: new in every iteration of L, whatever step of it is kept) */
  if (s->kind != VL_SITE_NEW || s->step == VL_STEP_DEFERRED || s->mod != F->an->mi || s->func != F->func || !L)
    return false;
  return vl_loop_runs(m, L, s->start);
}

/* ---- escape: what outlives the function ---- */

typedef VL_VEC(const VlSite *) Sites;

static bool has_site(const Sites *s, const VlSite *x) {
  for (size_t i = 0; i < s->len; i++)
    if (s->items[i] == x) return true;
  return false;
}

/* What reach has seen: the sites found (a set beside the list), and for each object the
 * smallest depth it was explored at.  An object met again no shallower finds nothing new (what it
 * holds was explored with at least as much depth left), so each is explored once per depth it
 * improves, not once per path and root: values shared along many paths made this walk
 * exponential. */
typedef struct Reach {
  const Frame *F;
  Sites *out;
  VlPtrMap sites, depth;
} Reach;

static void reach(Reach *R, const VlVal *v, int depth);

static void reach_site(Reach *R, const VlSite *site, int depth) {
  if (vl_ptrmap_get(&R->sites, site)) return;
  VL_VEC_PUSH(R->out, site);
  vl_ptrmap_put(&R->sites, site, site);
  VlHeapEntry *e = vl_heap_find(R->F, site);
  if (e) {
    reach(R, e->elem, depth + 1);
    reach(R, e->key, depth + 1);
    for (uint16_t a = 0; a < e->nattrs; a++) reach(R, e->attrs[a].val, depth + 1);
  }
}

/* An object a loop takes from a list filled per iteration (ops.c: filled_per_step) is seen at a step
 * site, but it is the object the list holds: what reaches it reaches that object too (the list a
 * track keeps, `[t.history for t in tracks]`).  Its sites in the list: made in the loop that filled
 * it, or a step of list(map(f, xs))'s implicit loop. */
static void reach_list_originals(Reach *R, const VlSite *s, int depth) {
  if (s->kind != VL_SITE_STEP || !s->at || !s->via || s->via->step != VL_STEP_LISTED) return;
  VlSite made = *s->via, step = *s->via;
  made.step = 0;
  step.step = 1;
  const VlSite *stepped = vl_site(R->F->an->vals, step);
  VlSite unlooped = {.kind = VL_SITE_STEP, .how = step.how, .mod = R->F->an->mi, .func = R->F->func, .at = 0,
                     .start = step.start, .end = step.end, .via = stepped};
  reach_site(R, vl_site(R->F->an->vals, made), depth);
  reach_site(R, vl_site(R->F->an->vals, unlooped), depth);
}

static void reach(Reach *R, const VlVal *v, int depth) {
  if (!v || depth > 8) return;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    uintptr_t seen = (uintptr_t)vl_ptrmap_get(&R->depth, o);
    if (seen && (int)seen - 1 <= depth) continue;
    vl_ptrmap_put(&R->depth, o, (const void *)(uintptr_t)(depth + 1));
    if (o->site && !vl_ptrmap_get(&R->sites, o->site)) {
      reach_site(R, o->site, depth);
      reach_list_originals(R, o->site, depth);
    }
    reach(R, o->elem, depth + 1);
    reach(R, o->base, depth + 1);
    for (uint16_t k = 0; k < o->nitems; k++) reach(R, o->items[k], depth + 1);
  }
}

/* a walk from one root (what an earlier root explored at a depth no deeper is not walked again) */
static void reach_root(Reach *R, const VlVal *v) { reach(R, v, 0); }

/* In a notebook, is site the value of a top-level expression statement (`[row[0] for row in rows]` alone
 * on a line)?  IPython keeps a cell's displayed value in `Out` and `_`: the container outlives the cell. */
static bool notebook_output(const Frame *F, const VlSite *site) {
  const VlModule *m = M(F);
  if (!F->an->mi->ncells || F->func != VL_MODULE_FUNC || !site || site->kind != VL_SITE_NEW) return false;
  /* (the body's statements are in source order: the last one starting at or before the site) */
  VlId body = vl_func(m, VL_MODULE_FUNC)->body;
  uint32_t lo = 0, hi = m->blocks[body].count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (vl_stmt(m, vl_block_stmt(m, body, mid))->start <= site->start) lo = mid + 1;
    else hi = mid;
  }
  const VlStmt *s = lo ? vl_stmt(m, vl_block_stmt(m, body, lo - 1)) : NULL;
  return s && s->kind == VL_S_EXPR && s->a && vl_expr(m, s->a)->start == site->start && vl_expr(m, s->a)->end == site->end;
}

static void escaping(const Frame *F, Sites *out) {
  Reach R = {.F = F, .out = out};
  /* the module body: what its globals hold when it ends outlives it (a container made at the top
   * level that no global holds, `np.array([f(p) for p in points])`, is dropped as a function's local
   * is) */
  for (uint32_t i = 0; F->func == VL_MODULE_FUNC && i < F->nenv; i++) reach_root(&R, F->env[i]);
  reach_root(&R, F->ret);
  reach_root(&R, F->yields);
  for (size_t i = 0; i < F->effects.len; i++) {
    reach_root(&R, F->effects.items[i].value);
    reach_root(&R, F->effects.items[i].target);
  }
  for (uint32_t i = 0; i < F->heap.n; i++) { /* held by what the caller passed, self, globals */
    const VlHeapEntry *e = &F->heap.entries[i];
    /* (in an analysis for the objects a call passes, those objects are the caller's: an instance
     * whose __init__ sets self.examples = [] and fills it) */
    bool passed = F->specialised && e->site->kind == VL_SITE_NEW &&
                  !(e->site->mod == F->an->mi && e->site->func == F->func);
    if (e->site->kind != VL_SITE_SYM && !passed) continue;
    reach_root(&R, e->elem);
    for (uint16_t a = 0; a < e->nattrs; a++) reach_root(&R, e->attrs[a].val);
  }
  /* stores into containers that escape (or are the caller's) */
  for (int round = 0; round < 3; round++) {
    for (size_t i = 0; i < F->stores.len; i++) {
      const StoreEv *ev = &F->stores.items[i];
      for (uint16_t k = 0; k < ev->container->n; k++) {
        const VlObj *c = ev->container->objs[k];
        if (c->kind == VL_O_SYM || (c->site && (c->site->kind == VL_SITE_SYM || vl_ptrmap_get(&R.sites, c->site))))
          reach_root(&R, ev->value);
      }
    }
    /* a list gathering every item of a local one (interp.c: regathers), which outlives the call:
     * that one outlives it too (its items do: `return [embs[i] for i in np.argsort(order)]`) */
    for (size_t k = 0; k < F->regathered.len; k++)
      if (vl_ptrmap_get(&R.sites, F->regathered.items[k].site)) reach_root(&R, F->regathered.items[k].source);
  }
  vl_ptrmap_free(&R.depth);
  vl_ptrmap_free(&R.sites);
}

/* ---- containers ---- */

static bool every_iteration(const Frame *F, VlId L, VlSpan at);

/* Is clear `ev` made after loop L in a loop around L (`for ep ...: for t ...: rec.add(obs[0])`, then
 * `rec.flush()` emptying rec.buf after the inner loop)?  What L stores is then dropped before the
 * enclosing iteration ends: the container holds at most one iteration of that loop, and nothing of
 * L's stores is left once it ends (a reset *before* L leaves the last one: not this). */
static bool cleared_after(const Frame *F, const ClearEv *ev, VlId L) {
  const VlModule *m = M(F);
  if (!L || ev->at.mod != F->an->mi || ev->at.start < m->loops[L].end || loop_within(m, ev->loop, L)) return false;
  for (VlId p = m->loops[L].parent; p; p = m->loops[p].parent)
    if (loop_within(m, ev->loop, p)) return ev->at.start < m->loops[p].end;
  return false;
}

static bool cleared_in(const Frame *F, const VlObj *c, VlId L) {
  for (size_t i = 0; i < F->clears.len; i++) {
    const ClearEv *ev = &F->clears.items[i];
    if (!(L ? loop_within(M(F), ev->loop, L) || cleared_after(F, ev, L) : true)) continue;
    if (ev->only_if_every && (!ev->loop || !every_iteration(F, ev->loop, ev->at))) continue;
    for (uint16_t k = 0; k < ev->container->n; k++)
      if (ev->container->objs[k] == c || (c->site && ev->container->objs[k]->site == c->site)) return true;
  }
  return false;
}

static bool listlike_hint(const VlObj *sym) {
  return sym->elem && vl_val_has(sym->elem, VL_O_SEQ);
}

/* Is the symbol (`self.window`) hinted as a bounded deque (what the class's methods assign to the
 * attribute: `self.window = deque(maxlen=k)` in __init__)?  As for a join of containers, one bounded
 * deque among the hints counts as bounded. */
static bool bounded_hint(const VlObj *sym) {
  for (uint16_t i = 0; sym->elem && i < sym->elem->n; i++)
    if (sym->elem->objs[i]->kind == VL_O_SEQ && (sym->elem->objs[i]->flags & VL_F_BOUNDED)) return true;
  return false;
}

/* Does expression e read a name that target (a loop's target: a name, a tuple or list of them)
 * binds? */
static bool reads_target(const VlModule *m, VlId e, VlId target, int depth) {
  if (!e || !target || depth > 32) return false;
  const VlExpr *t = vl_expr(m, target);
  if (t->op == VL_E_TUPLE || t->op == VL_E_LIST || t->op == VL_E_STAR) {
    for (uint32_t i = 0; i < t->nkids; i++)
      if (reads_target(m, e, vl_kid(m, target, i), 0)) return true;
    return false;
  }
  if (vl_same_name(m, e, target)) return true;
  const VlExpr *x = vl_expr(m, e);
  for (uint32_t i = 0; i < x->nkids; i++)
    if (reads_target(m, vl_kid(m, e, i), target, depth + 1)) return true;
  return false;
}

static bool varies_with(const VlModule *m, VlId e, VlId L, int depth);

/* Is name e bound in loop L's body only from values that vary with L's target (`p = paths[i]`,
 * `name = f"{stem}.npy"` with `stem = stems[i]`)?  Every plain assignment to it there must; a
 * `+=`, a walrus or an inner loop binding it makes the answer no. */
static bool bound_from_target(const VlModule *m, VlId e, VlId L, int depth) {
  const VlLoop *lp = &m->loops[L];
  bool any = false;
  for (uint32_t s = 0; s < m->nstmts; s++) {
    const VlStmt *st = &m->stmts[s];
    if (st->start < lp->start || st->end > lp->end) continue;
    if (st->kind == VL_S_AUGASSIGN && vl_same_name(m, st->a, e)) return false;
    if (st->kind != VL_S_ASSIGN) continue;
    for (uint32_t i = 0; i < st->n; i++) {
      if (!vl_same_name(m, m->kids[st->b + i], e)) continue;
      if (!varies_with(m, st->a, L, depth + 1)) return false;
      any = true;
    }
  }
  for (VlId k = 1; any && k < m->nloops; k++) /* an inner loop's own target */
    if (k != L && m->loops[k].start >= lp->start && m->loops[k].end <= lp->end && reads_target(m, e, m->loops[k].target, 0))
      return false;
  for (VlId x = 1; any && x < m->nexprs; x++) /* (n := ...) */
    if (m->exprs[x].op == VL_E_WALRUS && m->exprs[x].start >= lp->start && m->exprs[x].end <= lp->end &&
        vl_same_name(m, vl_kid(m, x, 0), e))
      return false;
  return any;
}

/* An f-string's replacement fields (f"{stem}.npy"), which the IR keeps as text only: does one name
 * a variable that varies with loop L?  Each identifier in braces (not after a dot) is matched with the
 * names written in L by their text. */
static bool fstring_varies(const VlModule *m, VlId e, VlId L, int depth) {
  const VlExpr *x = vl_expr(m, e);
  const VlLoop *lp = &m->loops[L];
  int braces = 0;
  for (uint32_t i = x->start; i < x->end; i++) {
    char c = m->text[i];
    if (c == '{' && i + 1 < x->end && m->text[i + 1] == '{' && !braces) { i++; continue; }
    if (c == '{') braces++;
    else if (c == '}' && braces) braces--;
    bool starts = (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && m->text[i - 1] != '.';
    if (!braces || !starts) continue;
    uint32_t j = i;
    while (j < x->end && (m->text[j] == '_' || (m->text[j] >= 'a' && m->text[j] <= 'z') ||
                          (m->text[j] >= 'A' && m->text[j] <= 'Z') || (m->text[j] >= '0' && m->text[j] <= '9')))
      j++;
    for (VlId n = 1; n < m->nexprs; n++) {
      const VlExpr *nx = &m->exprs[n];
      if (nx->op != VL_E_NAME || nx->start < lp->start || nx->end > lp->end || nx->end - nx->start != j - i ||
          memcmp(m->text + nx->start, m->text + i, j - i) != 0)
        continue;
      if (reads_target(m, n, lp->target, 0) || bound_from_target(m, n, L, depth + 1)) return true;
      break;
    }
    i = j - 1;
  }
  return false;
}

/* Does expression e vary with loop L's target: read it, or a name bound in L's body from it? */
static bool varies_with(const VlModule *m, VlId e, VlId L, int depth) {
  if (!e || depth > 4) return false;
  if (reads_target(m, e, m->loops[L].target, 0)) return true;
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_NAME) return bound_from_target(m, e, L, depth);
  if (x->op == VL_E_STR && x->sub == 1) return fstring_varies(m, e, L, depth);
  for (uint32_t i = 0; i < x->nkids; i++)
    if (varies_with(m, vl_kid(m, e, i), L, depth + 1)) return true;
  return false;
}

/* A memo (VL_ST_MEMO) gets an entry only for arguments it has not seen: an argument of the call
 * must vary with the target of loop L (`for p in paths: load_head(p)`, or `path = paths[i]` in the
 * body), a new key in every iteration as far as we can tell.  A fixed argument, or one an outer
 * loop varies, hits the cache in the next iteration of L. */
static bool new_memo_key(const Frame *F, const StoreEv *ev, VlId L) {
  const VlModule *m = M(F);
  if (!L || !ev->call || m->loops[L].kind == VL_LOOP_WHILE || vl_expr(m, ev->call)->op != VL_E_CALL) return false;
  const VlExpr *c = vl_expr(m, ev->call);
  for (uint32_t i = 1; i < c->nkids; i++)
    if (varies_with(m, vl_kid(m, ev->call, i), L, 0)) return true;
  return false;
}

bool vl_retain_call_varies(const Frame *F, VlId call) {
  const VlModule *m = M(F);
  VlId L = F->loop;
  if (!L || !call || m->loops[L].kind == VL_LOOP_WHILE || vl_expr(m, call)->op != VL_E_CALL) return false;
  const VlExpr *c = vl_expr(m, call);
  for (uint32_t i = 1; i < c->nkids; i++)
    if (varies_with(m, vl_kid(m, call, i), L, 0)) return true;
  return false;
}

/* Is the value stored into a slot only bounded containers (`hist.setdefault(tid, deque(maxlen=n))`,
 * `hist[k] = deque(maxlen=n)`)?  Each key then holds at most maxlen views: a bounded history per key,
 * as the append into the deque itself is bounded.  How many keys there are is not known: silent. */
static bool bounded_slot(const StoreEv *ev) {
  if (ev->store != VL_ST_SETITEM || vl_val_empty(ev->value)) return false;
  for (uint16_t i = 0; i < ev->value->n; i++) {
    const VlObj *o = ev->value->objs[i];
    if (o->kind != VL_O_SEQ || !(o->flags & VL_F_BOUNDED)) return false;
  }
  return true;
}

static bool outlives_at(const Frame *F, const StoreEv *ev, VlId L, const Sites *escapes, int depth);

/* Does v hold, in an attribute of an instance (or of an instance such an attribute holds), the
 * container made at `site`? */
static bool attr_holds(const Frame *F, const VlVal *v, const VlSite *site, int depth) {
  for (uint16_t i = 0; v && depth < 3 && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_SEQ) { /* instances a stored list (tuple) holds: `still.append(t)`, then still kept */
      for (uint16_t k = 0; k < o->nitems; k++)
        if (attr_holds(F, o->items[k], site, depth + 1)) return true;
      const VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
      if (e && attr_holds(F, e->elem, site, depth + 1)) return true;
      continue;
    }
    if (o->kind != VL_O_INST || !o->site) continue;
    const VlHeapEntry *e = vl_heap_find(F, o->site);
    for (uint16_t k = 0; e && k < e->nattrs; k++) {
      const VlVal *a = e->attrs[k].val;
      for (uint16_t j = 0; j < a->n; j++)
        if (a->objs[j]->kind == VL_O_SEQ && a->objs[j]->site == site) return true;
      if (attr_holds(F, a, site, depth + 1)) return true;
    }
  }
  return false;
}

/* Is stored value v a record (a dict or list) holding the container of `site` as one of its values,
 * another container than itself: `tracks.append({"id": k, "history": {}})`, later
 * `track["history"][frame] = dets[c]` for a track read back from the list?  (The objects a callee
 * made share the call's site: one is not its own holder.) */
static bool record_holds(const Frame *F, const VlVal *v, const VlSite *site) {
  for (uint16_t i = 0; v && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SEQ || o->sub == VL_SEQ_TUPLE || !o->site || o->site == site) continue;
    const VlHeapEntry *e = vl_heap_find(F, o->site);
    for (uint16_t j = 0; e && e->elem && j < e->elem->n; j++)
      if (e->elem->objs[j]->kind == VL_O_SEQ && e->elem->objs[j]->site == site) return true;
  }
  return false;
}

/* Does stored value v hold the container of `site` itself (or as an item of a tuple)? */
static bool holds_seq(const VlVal *v, const VlSite *site, int depth) {
  for (uint16_t i = 0; v && depth < 3 && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SEQ) continue;
    /* (list(a) of an array, made in one go of every piece of it, is judged where it is stored) */
    if (o->site == site) return !(o->flags & VL_F_ALL_PIECES);
    /* a copy of the container (`sorted(kept)`, ops.c: copy_of) holds what it holds */
    if (o->base && holds_seq(o->base, site, depth + 1)) return true;
    if (o->sub == VL_SEQ_TUPLE)
      for (uint16_t k = 0; k < o->nitems; k++)
        if (holds_seq(o->items[k], site, depth + 1)) return true;
  }
  return false;
}

/* Is a container made in loop L kept past the iteration by the instance holding it: that instance
 * stored in L into a container that outlives L (`if k not in tracks: tracks[k] = Track()` with
 * `self.points = []` in __init__, then `tracks[k].add(p)`), or stored itself into such a container
 * (`current[i] = []` per finished episode, then `current[i].append(obs[i])` in later iterations)?  Instances' containers are not followed
 * when the instance is stored (stored_views): the stores into them are checked here, where they are. */
static bool kept_by_stored_instance(const Frame *F, const StoreEv *ev, const VlSite *site, VlId L,
                                    const Sites *escapes, int depth) {
  if (depth > 0 || !L) return false;
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *held = &F->stores.items[i];
    if (held == ev || !loop_within(M(F), held->loop, L) ||
        !(attr_holds(F, held->value, site, 0) || holds_seq(held->value, site, 0) ||
          (held->store != VL_ST_EXTEND && record_holds(F, held->value, site))))
      continue;
    if (outlives_at(F, held, L, escapes, depth + 1)) return true;
  }
  return false;
}

static bool outlives(const Frame *F, const StoreEv *ev, VlId L, const Sites *escapes) {
  return outlives_at(F, ev, L, escapes, 0);
}

/* Does target t (a name, an attribute, or a tuple, list or starred item of targets) bind the variable
 * of name expression n (n 0: the name or attribute `name`, as written, len bytes)? */
static bool target_binds(const VlModule *m, VlId t, VlId n, const char *name, size_t len, int depth) {
  if (!t) return false;
  const VlExpr *x = vl_expr(m, t);
  if (x->op == VL_E_NAME || x->op == VL_E_ATTR)
    return n ? vl_same_name(m, t, n)
             : x->end - x->start == len && memcmp(m->text + x->start, name, len) == 0;
  if (x->op == VL_E_SUB && !n) /* an item, by its text (`self.cache[i]`, retain.c: item_regrown) */
    return x->end - x->start == len && memcmp(m->text + x->start, name, len) == 0;
  if ((x->op == VL_E_TUPLE || x->op == VL_E_LIST || x->op == VL_E_STAR) && depth < 8)
    for (uint32_t i = 0; i < x->nkids; i++)
      if (target_binds(m, vl_kid(m, t, i), n, name, len, depth + 1)) return true;
  return false;
}

static bool binds_name(const VlModule *m, VlId t, VlId n) { return target_binds(m, t, n, NULL, 0, 0); }

/* Is the variable of name n rebound anywhere in loop L (an assignment, an augmented one, a loop
 * target), or, `len(n)` being asked, grown through a method call on it (n.append(x))? */
static bool changes_in(const VlModule *m, VlId L, VlId n, bool sized, VlId skip_loop) {
  for (VlId s = 1; s < m->nstmts; s++) {
    const VlStmt *st = &m->stmts[s];
    if (!vl_loop_runs(m, L, st->start)) continue;
    if (st->kind == VL_S_ASSIGN || st->kind == VL_S_DEL)
      for (uint16_t k = 0; k < st->n; k++)
        if (binds_name(m, m->kids[st->b + k], n)) return true;
    if ((st->kind == VL_S_AUGASSIGN || st->kind == VL_S_ANNASSIGN || st->kind == VL_S_UNKNOWN) &&
        binds_name(m, st->a, n))
      return true;
    if (st->kind == VL_S_FOR && st->a != skip_loop && binds_name(m, m->loops[st->a].target, n)) return true;
    if (st->kind == VL_S_WITH)
      for (uint16_t k = 0; k < st->n; k++) {
        VlId t = m->kids[st->a + 2 * k + 1];
        if (binds_name(m, t, n)) return true;
      }
  }
  for (VlId e = 1; e < m->nexprs; e++) { /* (x := ...) */
    const VlExpr *x = vl_expr(m, e);
    if (x->op == VL_E_WALRUS && vl_loop_runs(m, L, x->start) && vl_same_name(m, vl_kid(m, e, 0), n)) return true;
  }
  if (sized)
    for (VlId e = 1; e < m->nexprs; e++) {
      const VlExpr *x = vl_expr(m, e);
      if (x->op != VL_E_CALL || !x->nkids || !vl_loop_runs(m, L, x->start)) continue;
      VlId fn = vl_kid(m, e, 0);
      if (vl_expr(m, fn)->op == VL_E_ATTR && vl_expr(m, fn)->nkids && vl_same_name(m, vl_kid(m, fn, 0), n)) return true;
    }
  return false;
}

/* Is expression e the same in every iteration of L: literals, and names (also under attributes and
 * in len()) that L does not rebind, nor grow when their length is asked? */
static bool same_each_iteration(const VlModule *m, VlId e, VlId L, bool sized, int depth) {
  const VlExpr *x = vl_expr(m, e);
  if (depth > 6) return false;
  switch (x->op) {
  case VL_E_INT: return true;
  case VL_E_NAME: return !changes_in(m, L, e, sized, 0);
  case VL_E_ATTR: return x->nkids == 1 && same_each_iteration(m, vl_kid(m, e, 0), L, sized, depth + 1);
  case VL_E_BINOP:
    return x->nkids == 2 && same_each_iteration(m, vl_kid(m, e, 0), L, sized, depth + 1) &&
           same_each_iteration(m, vl_kid(m, e, 1), L, sized, depth + 1);
  case VL_E_CALL: /* len(x) */
    return x->nkids == 2 && vl_expr(m, vl_kid(m, e, 0))->op == VL_E_NAME &&
           strcmp(vl_str(m, vl_expr(m, vl_kid(m, e, 0))->a), "len") == 0 &&
           same_each_iteration(m, vl_kid(m, e, 1), L, true, depth + 1);
  default: return false;
  }
}

/* Does the key of store ev (`c[k] = v`) name one slot, the same in every iteration of L, so that the
 * store overwrites it instead of gathering?  The one predicate for it (docs/design.md: a key that
 * names one slot), asked wherever a store's key matters:
 *   - the key alone says so, whatever the loop and at every call (interp.c: key_bounded, decided at
 *     the store and carried to callers as !key_varies): a literal, a ring's slot, a closure's parameter;
 *   - or the key is a name L never rebinds (`latest[name] = frame[::4, ::4]`, name a parameter: a
 *     camera's worker thread keeps its latest preview under its own name), known here, where L is,
 *     for the store itself (depth 0: a container put in the slot may be kept by the first store alone;
 *     an extended slot, `c[k] = c[k] + [v]`, and a helper's store carry no key name). */
static bool key_one_slot(const Frame *F, const StoreEv *ev, VlId L, int depth) {
  if (ev->store != VL_ST_SETITEM) return false;
  if (!ev->key_varies) return true;
  return depth == 0 && ev->key && L && !changes_in(M(F), L, ev->key, false, 0);
}

/* `for k in range(n): d[k] = v` inside L, with n the same in every iteration of L: each iteration of
 * L writes the same slots again (the latest crop of each of a fixed set of tracks or cameras), so the
 * container holds at most n values, however many iterations L makes.  (depth: outlives_at's.) */
static bool key_repeats(const Frame *F, const StoreEv *ev, VlId L, int depth) {
  const VlModule *m = M(F);
  if (ev->store != VL_ST_SETITEM || !ev->key || !L || !ev->loop || ev->loop == L || !loop_within(m, ev->loop, L))
    return false;
  /* a container put in the slot (depth > 0) is replaced only when the store runs in every iteration
   * (`tracks[k] = []` each frame); `if k not in tracks: tracks[k] = Track(k)` keeps the first one */
  for (VlId l = ev->loop; depth > 0 && l && l != L; l = m->loops[l].parent)
    if (!every_iteration(F, l, ev->at)) return false;
  for (VlId l = ev->loop; l && l != L; l = m->loops[l].parent) {
    const VlLoop *lp = &m->loops[l];
    if (lp->kind != VL_LOOP_FOR || !vl_same_name(m, ev->key, lp->target)) continue;
    const VlExpr *it = vl_expr(m, lp->iter);
    if (it->op != VL_E_CALL || it->nkids < 2 || it->nkids > 4 || vl_expr(m, vl_kid(m, lp->iter, 0))->op != VL_E_NAME ||
        strcmp(vl_str(m, vl_expr(m, vl_kid(m, lp->iter, 0))->a), "range") != 0)
      return false;
    for (uint32_t i = 1; i < it->nkids; i++)
      if (!same_each_iteration(m, vl_kid(m, lp->iter, i), L, false, 0)) return false;
    return !changes_in(m, L, ev->key, false, l); /* k itself is not rebound on the way */
  }
  return false;
}

/* Does project class k derive, through project classes, from a builtin mapping or list (`class
 * DetectionCache(dict)` with a __missing__, `class History(list)`)?  Its instances hold what
 * `obj[k] = v` stores, as a dict does. */
static bool derives_container(const Frame *F, const VlClassInfo *k, int depth) {
  static const char *const bases[] = {"builtins.dict", "builtins.list", "collections.OrderedDict",
                                      "collections.defaultdict", "collections.UserDict", "collections.UserList"};
  for (uint16_t b = 0; k && depth <= 8 && k->bases && b < k->bases->n; b++) {
    const VlObj *o = k->bases->objs[b];
    if (o->kind == VL_O_LIB && o->name && !o->base && VL_STR_IN(bases, o->name)) return true;
    if (o->kind != VL_O_CLASS) continue;
    const VlClassInfo *bk = o->mod == F->an->mi ? vl_an_class(F->an, o->func)
                            : o->func < o->mod->nclasses ? &o->mod->classes[o->func] : NULL;
    if (derives_container(F, bk, depth + 1)) return true;
  }
  return false;
}

static bool container_instance(const Frame *F, const VlObj *o) {
  for (uint16_t i = 0; o->kind == VL_O_INST && o->base && i < o->base->n; i++) {
    const VlObj *c = o->base->objs[i];
    if (c->kind != VL_O_CLASS) continue;
    const VlClassInfo *k = c->mod == F->an->mi ? vl_an_class(F->an, c->func)
                           : c->func < c->mod->nclasses ? &c->mod->classes[c->func] : NULL;
    if (derives_container(F, k, 0)) return true;
  }
  return false;
}

bool vl_container_instance(const Frame *F, const VlObj *o) { return container_instance(F, o); }

/* Conditions 3 and 4 for container value `cv` and loop L. */
static bool outlives_at(const Frame *F, const StoreEv *ev, VlId L, const Sites *escapes, int depth) {
  bool any = false;
  if (ev->store == VL_ST_MEMO && !new_memo_key(F, ev, L)) return false;
  if (bounded_slot(ev)) return false;
  for (uint16_t i = 0; i < ev->container->n; i++) {
    const VlObj *c = ev->container->objs[i];
    switch (c->kind) {
    case VL_O_SEQ:
      /* (a join with an unbounded one, `deque() if maxlen is None else deque(maxlen=maxlen)`, is
       * taken as bounded: which one a caller gets is not followed, and a false alarm costs more) */
      if (c->flags & VL_F_BOUNDED) return false;
      if (per_iteration(F, c->site, L, ev->implicit) && !(c->flags & VL_F_ACCUM) &&
          !kept_by_stored_instance(F, ev, c->site, L, escapes, depth))
        return false;
      if (cleared_in(F, c, L)) return false;
      if (key_one_slot(F, ev, L, depth) || key_repeats(F, ev, L, depth)) return false;
      /* (depth > 0: the instance holding ev's container only has to outlive L; whether the
       * container outlives the function is asked of it, at depth 0: `return [t.history for t in
       * tracks]` hands back the lists of a local list's tracks) */
      if (depth == 0 && c->site && c->site->kind == VL_SITE_NEW && c->site->mod == F->an->mi &&
          c->site->func == F->func && !has_site(escapes, c->site) && !notebook_output(F, c->site))
        return false; /* a local container nobody gets: dropped when the function (or module body) ends */
      any = true;
      break;
    case VL_O_SYM:
      if (bounded_hint(c)) return false;
      if (ev->store == VL_ST_SETITEM && (key_one_slot(F, ev, L, depth) || !listlike_hint(c) || key_repeats(F, ev, L, depth)))
        return false;
      if (cleared_in(F, c, L)) return false;
      any = true;
      break;
    case VL_O_ARRAY:
      if (!(c->layout & VL_L_OBJECTS)) return false; /* out[j] = a[i] copies into the array */
      if (key_one_slot(F, ev, L, depth)) return false;
      if (c->site && c->site->kind == VL_SITE_NEW && c->site->mod == F->an->mi && c->site->func == F->func &&
          !has_site(escapes, c->site) && !notebook_output(F, c->site))
        return false; /* a local array nobody gets */
      if (per_iteration(F, c->site, L, ev->implicit)) return false;
      any = true; /* an object array holds references, as a list does */
      break;
    case VL_O_INST: /* self[key] = v in a dict subclass's method (a __missing__ cache): a mapping */
      if (ev->store != VL_ST_SETITEM || !container_instance(F, c)) return false;
      if (per_iteration(F, c->site, L, ev->implicit)) return false;
      if (key_one_slot(F, ev, L, depth) || key_repeats(F, ev, L, depth)) return false;
      if (depth == 0 && c->site && c->site->kind == VL_SITE_NEW && c->site->mod == F->an->mi &&
          c->site->func == F->func && !has_site(escapes, c->site) && !notebook_output(F, c->site))
        return false; /* a local mapping nobody gets */
      any = true;
      break;
    case VL_O_NONE: /* `scores = () if output_scores else None`: the store runs only when it is not None */
      break;
    case VL_O_UNKNOWN:
    case VL_O_OBJ:
      if (ev->store == VL_ST_SETITEM) return false;
      break; /* c.append(...) on something unknown: neither for nor against */
    default:
      return false;
    }
  }
  if (!any) { /* only unknown containers: trust the method name (append, extend, heappush) */
    for (uint16_t i = 0; i < ev->container->n; i++)
      if (ev->container->objs[i]->kind == VL_O_UNKNOWN && ev->store != VL_ST_SETITEM && ev->container_text &&
          F->func == VL_MODULE_FUNC)
        return true;
  }
  return any;
}

/* ---- views in a stored value ---- */

typedef struct Found {
  const VlObj *view;
} Found;

/* Containers into which a reported store put its views (Frame.reported_into): storing such a
 * container again (keep.append(v) ... out[k] = keep) is the same leak one level up, reported at
 * that store. */
static bool filled_by_stores(const Frame *F, const VlSite *site) {
  for (size_t i = 0; site && i < F->reported_into.len; i++)
    if (F->reported_into.items[i] == site) return true;
  return false;
}

/* The partial views the store puts into the container (for extend: each element's). */
/* `every`: all elements of what holds v are stored (c.extend(np.split(a, k)), d.update(zip(keys,
 * rows))): a piece that is one of every piece (VL_F_EVERY) pins nothing they do not show. */
/* The base sites of the views instance o's attributes hold, and those of the instances it holds
 * (two levels), into out (at most 16): each once per attribute, whose possibilities are paths, not
 * fields (`state.last = logits[:, -100:]` in a loop where `logits` has a known shape on the first
 * pass only: two views of one base, in one field). */
static void field_view_bases(const Frame *F, const VlObj *o, const VlSite **out, int *n, int depth) {
  VlHeapEntry *e = o->site && depth < 2 ? vl_heap_find(F, o->site) : NULL;
  for (uint16_t k = 0; e && k < e->nattrs; k++) {
    int first = *n; /* this attribute's sites start here */
    for (uint16_t j = 0; j < e->attrs[k].val->n && *n < 16; j++) {
      const VlObj *x = e->attrs[k].val->objs[j];
      bool again = false;
      for (int i = first; i < *n && !again; i++) again = x->site == out[i];
      if (x->kind == VL_O_ARRAY && x->sub && x->site && !again) out[(*n)++] = x->site;
      else if (x->kind == VL_O_INST) field_view_bases(F, x, out, n, depth + 1);
    }
  }
}

/* Do two fields of instance o (or of the instances it holds) view the same array?  A record of the
 * pieces of one result (detectron2's Instances: pred_boxes of boxes[:, :4], scores of boxes[:, 4])
 * shows it all; kept together they pin nothing more. */
static bool pieces_in_fields(const Frame *F, const VlObj *o) {
  const VlSite *bases[16];
  int n = 0;
  field_view_bases(F, o, bases, &n, 0);
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (bases[i] == bases[j]) return true;
  return false;
}

/* Does v also hold view o's index, on the same base, as a view that shows all of it?  Then the paths
 * differ in a unit axis (the first step's prompt and later steps' one token) or a shape, and that the
 * view shows a part is only evidence of what may be: silent. */
static bool whole_on_a_path(const VlVal *v, const VlObj *o) {
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *w = v->objs[i];
    if (w != o && w->kind == VL_O_ARRAY && w->sub && !(w->flags & VL_F_PARTIAL) && w->site == o->site && w->expr == o->expr)
      return true;
  }
  return false;
}

static void stored_views(const Frame *F, const VlVal *v, bool elements, bool every, const VlObj **out, int *n,
                         int depth);

/* A dict whose values all came in under literal string keys (a record: `{"image_id": i,
 * "dt_scores": s[:k], "dt_matched": m}`) holds each key's value, not their join: a whole array
 * under one key is no copy on a path of another's view.  Its views are each key's; false when the
 * per-key values do not account for all the dict holds (interp.c: vl_heap_dict_get). */
static bool per_key_views(const Frame *F, const VlObj *o, const VlHeapEntry *e, bool every, const VlObj **out,
                          int *n, int depth) {
  if (vl_heap_dict_keys(F->an->vals, o, e) <= 0) return false;
  for (uint16_t i = 0; i < e->nattrs; i++)
    if (e->attrs[i].name[0] == VL_DICT_KEY_MARK) stored_views(F, e->attrs[i].val, false, every, out, n, depth + 1);
  return true;
}

/* Is v one array on every path: the same object itself on some, views of it on the others, one of them
 * showing part of it (`for t in self.transforms: img = t(img)` with a crop among the transforms: the
 * loop may run zero times, a flip may hand its input back)?  Then no path copies: a path keeping it
 * whole keeps what it shows, one keeping the partial view pins all of it. */
static bool one_array_on_every_path(const VlVal *v) {
  const VlSite *site = NULL;
  bool whole = false, part = false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_ARRAY || !o->site || (site && o->site != site)) return false;
    site = o->site;
    if (!o->sub) whole = true;
    else if (o->flags & VL_F_PARTIAL) part = true;
  }
  return whole && part;
}

/* Is o a copy (`sorted(kept)`) of a container whose stores were reported? */
static bool copies_reported(const Frame *F, const VlObj *o) {
  for (uint16_t i = 0; o->base && i < o->base->n; i++) {
    const VlObj *b = o->base->objs[i];
    if (b->kind == VL_O_SEQ && ((b->flags & VL_F_REPORTED) || filled_by_stores(F, b->site))) return true;
  }
  return false;
}

/* Was the container at site made holding items, by an expression of this module (a copy `list(x)`, a
 * display with items, a comprehension), not empty (`[]`, `list()`) to be filled later, maybe by a
 * callee whose stores this frame does not see? */
static bool made_holding(const Frame *F, const VlSite *s) {
  while (s && s->via) s = s->via;
  if (!s || s->kind != VL_SITE_NEW || s->mod != F->an->mi || !s->at) return false;
  const VlModule *m = M(F);
  const VlExpr *e = vl_expr(m, s->at);
  switch (e->op) {
  case VL_E_LIST:
  case VL_E_TUPLE: return e->nkids > 0;
  case VL_E_COMP: return true;
  case VL_E_CALL: return e->nkids >= 2;
  default: return false;
  }
}

/* Is attribute value v a list (or None) made holding its items that no store event of this frame puts
 * anything into?  A list an instance holds that is filled (`self.steps.append(obs[0])`) is judged
 * where filled; one made whole (`LazyFrames(list(self.frames))`, a copy of a bounded window) is seen
 * only through the instance that holds it. */
static bool filled_whole(const Frame *F, const VlVal *v) {
  for (uint16_t k = 0; k < v->n; k++) {
    const VlObj *o = v->objs[k];
    if (o->kind != VL_O_NONE && (o->kind != VL_O_SEQ || !made_holding(F, o->site))) return false;
  }
  for (size_t i = 0; i < F->stores.len; i++) {
    const VlVal *c = F->stores.items[i].container;
    for (uint16_t j = 0; c && j < c->n; j++)
      for (uint16_t k = 0; k < v->n; k++)
        if (v->objs[k]->kind == VL_O_SEQ && c->objs[j]->site == v->objs[k]->site) return false;
  }
  return true;
}

static void stored_views(const Frame *F, const VlVal *v, bool elements, bool every, const VlObj **out, int *n,
                         int depth) {
  if (!v || depth > 4) return;
  /* a copy on one path and a view on another (`a[i] if c else a[i].copy()`, a helper that copies
   * unless told not to): report only what holds on every path */
  bool one = !elements && one_array_on_every_path(v);
  if (!elements && !one)
    for (uint16_t i = 0; i < v->n; i++)
      if (v->objs[i]->kind == VL_O_ARRAY && !v->objs[i]->sub) return;
  for (uint16_t i = 0; i < v->n && *n < 16; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY) {
      if (every && (o->flags & VL_F_EVERY)) continue;
      if (elements) { /* extending with an array stores its rows: views of its base (all of a whole one,
                        * or of a view showing all of it: `t.cpu().numpy()`, `a.T`) */
        if (o->sub && (o->flags & VL_F_PARTIAL) && (o->nd.lo >= 2 || (o->lib && vl_knowledge_lib(F->an->know, o->lib)->int_index_is_view && o->nd.lo >= 1))) {
          VlObj row = *o;
          row.sub = 1;
          row.flags |= VL_F_PARTIAL;
          out[(*n)++] = vl_obj(F->an->vals, row);
        }
      } else if (o->sub && (o->flags & VL_F_PARTIAL) && (one || !whole_on_a_path(v, o))) {
        out[(*n)++] = o;
      }
    } else if (o->kind == VL_O_SEQ) {
      if ((o->flags & VL_F_REPORTED) || filled_by_stores(F, o->site) || copies_reported(F, o))
        continue; /* reported where stored */
      /* list(a) / tuple(a) of an array holds every piece of it: one of them pins nothing the others
       * do not show (`tuple((i * palette) % 255)`, `list(torch.randn(5, 4))`) */
      bool all = every || elements || (o->flags & VL_F_ALL_PIECES);
      if (o->sub == VL_SEQ_TUPLE && o->nitems)
        for (uint16_t k = 0; k < o->nitems; k++) stored_views(F, o->items[k], false, all, out, n, depth + 1);
      else stored_views(F, o->elem, false, all, out, n, depth + 1);
      VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
      if (e && !(o->sub == VL_SEQ_DICT && per_key_views(F, o, e, all, out, n, depth)))
        stored_views(F, e->elem, false, all, out, n, depth + 1);
    } else if (o->kind == VL_O_ITER && elements && o->elem) {
      stored_views(F, o->elem, false, true, out, n, depth + 1); /* c.extend(gen), d.update(zip(keys, rows)) */
    } else if (o->kind == VL_O_INST && o->site && (o->flags & VL_F_PLAIN) && !pieces_in_fields(F, o)) {
      /* episode.append(Step(obs[0])): the arrays its attributes hold (containers it holds are
       * followed where filled, or here when made whole: filled_whole) */
      VlHeapEntry *e = vl_heap_find(F, o->site);
      for (uint16_t k = 0; e && k < e->nattrs; k++)
        if (!vl_val_has(e->attrs[k].val, VL_O_INST) &&
            (!vl_val_has(e->attrs[k].val, VL_O_SEQ) || filled_whole(F, e->attrs[k].val)))
          stored_views(F, e->attrs[k].val, false, every || elements, out, n, depth + 1);
    }
  }
}

static bool leaves_early(const VlModule *m, VlId b, bool nested, int depth);

/* Does statement st leave a loop's iteration early: break or continue (not of a loop inside it),
 * return, raise? */
static bool stmt_leaves_early(const VlModule *m, const VlStmt *st, bool nested, int depth) {
  switch (st->kind) {
  case VL_S_BREAK:
  case VL_S_CONTINUE: return !nested;
  case VL_S_RETURN:
  case VL_S_RAISE: return true;
  case VL_S_IF: return leaves_early(m, st->b, nested, depth + 1) || leaves_early(m, st->c, nested, depth + 1);
  case VL_S_FOR:
  case VL_S_WHILE: return leaves_early(m, st->b, true, depth + 1) || leaves_early(m, st->c, nested, depth + 1);
  case VL_S_WITH: return leaves_early(m, st->b, nested, depth + 1);
  case VL_S_TRY:
  case VL_S_MATCH: return true; /* not followed: assume it may */
  default: return false;
  }
}

/* Does block `b` leave a loop's iteration early: break or continue (not of a loop inside it),
 * return, raise? */
static bool leaves_early(const VlModule *m, VlId b, bool nested, int depth) {
  if (!b || depth > 64) return false;
  for (uint32_t i = 0; i < m->blocks[b].count; i++)
    if (stmt_leaves_early(m, vl_stmt(m, vl_block_stmt(m, b, i)), nested, depth)) return true;
  return false;
}

/* Is e a test of presence only: `x is not None`, `len(x) > 0` (`!= 0`, `>= 1`), or an `and` of them?
 * It skips entries that are missing (an image without annotations), it does not choose among
 * present ones as a comparison of values does (`score > t`, `i % k == 0`). */
static bool presence_test(const Frame *F, VlId e, int depth) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, e);
  if (!e || depth > 8) return false;
  if (x->op == VL_E_BOOLOP)
    return x->sub == 'a' && presence_test(F, vl_kid(m, e, 0), depth + 1) && presence_test(F, vl_kid(m, e, 1), depth + 1);
  VlId subject;
  if (vl_none_compare(m, e, &subject) == VL_CMP_IS_NOT) return true;
  if (x->op != VL_E_COMPARE || x->nkids != 2 || x->sub) return false;
  VlId l = vl_kid(m, e, 0), r = vl_kid(m, e, 1);
  const VlExpr *lx = vl_expr(m, l);
  long n;
  if (lx->op != VL_E_CALL || lx->nkids != 2 || !vl_int_literal(m, r, &n)) return false;
  const char *fn = vl_expr_text(F->an, vl_kid(m, l, 0));
  if (!fn || strcmp(fn, "len") != 0) return false;
  return (n == 0 && (x->a == VL_CMP_GT || x->a == VL_CMP_NE)) || (n == 1 && x->a == VL_CMP_GE);
}

/* Is the statement holding `at` in block b reached whenever b runs: an expression or assignment
 * statement of b itself, or one under an if that only tests presence (presence_test)? */
static bool reached_in_block(const Frame *F, VlId b, VlSpan at, bool check_before, int depth) {
  const VlModule *m = M(F);
  if (!b || depth > 8) return false;
  for (uint32_t i = 0; i < m->blocks[b].count; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, b, i));
    if (at.start >= st->start && at.start < st->end) {
      if (st->kind == VL_S_IF) return presence_test(F, st->a, 0) && reached_in_block(F, st->b, at, check_before, depth + 1);
      if (st->kind == VL_S_WITH) return reached_in_block(F, st->b, at, check_before, depth + 1);
      return st->kind == VL_S_EXPR || st->kind == VL_S_ASSIGN || st->kind == VL_S_AUGASSIGN;
    }
    if (check_before && stmt_leaves_early(m, st, false, 0)) return false; /* (a return before it) */
  }
  return false;
}

/* Is the store at `at` made in every iteration of L: a statement of L's body itself (or under an if
 * testing only presence), in a body nothing leaves early; for a comprehension, one without if
 * clauses? */
static bool every_iteration(const Frame *F, VlId L, VlSpan at) {
  const VlModule *m = M(F);
  const VlLoop *lp = &m->loops[L];
  if (lp->kind == VL_LOOP_COMP) {
    const VlComp *c = &m->comps[vl_expr(m, lp->node)->a];
    for (uint16_t i = 0; i < c->nclauses; i++)
      if (m->clauses[c->clauses + i].is_if) return false;
    return true;
  }
  if (lp->kind != VL_LOOP_FOR || !lp->node) return false;
  const VlStmt *loop = vl_stmt(m, lp->node);
  VlId body = loop->b;
  if (leaves_early(m, body, false, 0)) return false;
  return reached_in_block(F, body, at, false, 0);
}

bool vl_store_every_iteration(const Frame *F, const StoreEv *ev) {
  return ev->loop && ev->at.mod == F->an->mi && every_iteration(F, ev->loop, ev->at);
}

/* A store of pieces that are each one of every piece of their base (rows of a whole array, the
 * pieces of a split) made in every iteration of the loops from the store's own out to (not
 * including) L: together they show the whole base, so they pin nothing more. */
static bool stores_every_piece(const Frame *F, const StoreEv *ev, const VlObj *view, VlId L, bool implicit) {
  if (!(view->flags & VL_F_EVERY)) return false;
  /* a callee storing what it is passed on every call (`self._do_accumulate(box_xywh_gt)` per row): the
   * store is made where the call is */
  VlSpan at = ev->call && ev->every_call ? vl_expr_span(F->an, ev->call) : ev->at;
  if (at.mod != F->an->mi) return false;
  /* the steps of a generator handing out every piece of each array it makes (`for row in chunk: yield
   * row`), each one stored by the loop over it (or by list(gen)): all of each array is kept, but for the
   * last, which a loop that stops early may keep in part, once */
  if (view->site && view->site->kind == VL_SITE_STEP) {
    if (implicit) return ev->implicit && !L;
    if (L && ev->loop == L && view->site->at == L) return every_iteration(F, L, ev->at);
  }
  if (!ev->loop || ev->loop == L) return false;
  for (VlId l = ev->loop; l && l != L; l = M(F)->loops[l].parent)
    if (!every_iteration(F, l, at)) return false;
  return true;
}

/* The constant value of integer expression e (a literal, or a module constant), if known. */
static bool const_int(const Frame *F, VlId e, long *out) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, e);
  if (vl_int_literal(m, e, out)) return true;
  if (x->op == VL_E_NAME && x->sym.kind == VL_SYM_GLOBAL && F->an->globals && F->an->globals[x->sym.slot]) {
    const VlVal *v = F->an->globals[x->sym.slot];
    if (v->n == 1 && v->objs[0]->kind == VL_O_INT && v->objs[0]->num_known) {
      *out = (long)(int32_t)v->objs[0]->index;
      return true;
    }
  }
  return false;
}

/* Every view of `site` (partial or not) that storing v keeps: in v, its tuples, its elements. */
static void site_views(const Frame *F, const VlVal *v, const VlSite *site, const VlObj **out, int *n, int depth) {
  if (!v || depth > 4) return;
  for (uint16_t i = 0; i < v->n && *n < 16; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && o->sub && o->site == site) {
      out[(*n)++] = o;
    } else if (o->kind == VL_O_SEQ) {
      if (o->sub == VL_SEQ_TUPLE && o->nitems)
        for (uint16_t k = 0; k < o->nitems; k++) site_views(F, o->items[k], site, out, n, depth + 1);
      else site_views(F, o->elem, site, out, n, depth + 1);
      VlHeapEntry *e = o->site ? vl_heap_find(F, o->site) : NULL;
      if (e) site_views(F, e->elem, site, out, n, depth + 1);
    }
  }
}

static VlId single_index_item(const VlModule *m, VlId sub, int *axis);

/* One end of a piece of an axis: counted from the front (a literal >= 0), from the end (a negative
 * literal, or the end itself: `x[k:]`), or an expression of the code, known by its text. */
typedef struct Bound {
  enum { B_FRONT, B_BACK, B_TEXT } kind;
  long n;           /* FRONT: the index; BACK: how many from the end (0: the end) */
  const char *text; /* TEXT */
} Bound;

static bool bound_eq(Bound a, Bound b) {
  return a.kind == b.kind && (a.kind == B_TEXT ? strcmp(a.text, b.text) == 0 : a.n == b.n);
}

/* Bound of expression e (never 0 here); `plus`: e + 1 (the stop of an index). */
static bool bound_of(const Frame *F, VlId e, bool plus, Bound *out) {
  long n;
  if (const_int(F, e, &n)) {
    if (n >= 0) *out = (Bound){B_FRONT, n + plus, NULL};
    else *out = (Bound){B_BACK, -n - plus, NULL};
    return true;
  }
  if (plus) return false; /* (x[i] then x[i + 1:]: not followed) */
  *out = (Bound){B_TEXT, 0, vl_expr_text(F->an, e)};
  return out->text != NULL;
}

/* Views of one new array stored in the loop, each a piece of one axis with every axis before it
 * taken whole (`x[:, 0]`, `x[:, 1:k + 1]`, `x[:, k + 1:]`; `h[:n]`, `h[n:]`), that together show
 * all of that axis, so they pin nothing they do not show:
 * - pieces that follow one another from the front to the end, each starting where another stops
 *   (the same literal, or the same expression text: ViT outputs split into the class token, the
 *   register tokens and the patch tokens, as DINOv2 returns them);
 * - literal columns (not rows: an axis after the first) that together make columns 0..k-1 in three or more pieces (a record parsed into
 *   named fields: bbox = t[:, 0:4], blur = t[:, 4], ..., pose = t[:, 9]): the code reads the array's
 *   whole width.  (Where the width is not known, this is the one precision rule that trusts the
 *   code's intent; a wider array would be a missed leak, never a false alarm.  Where the base's
 *   literal shape gives the width, the columns must make all of it: h[:, 0..3] of a 128-wide h do not.) */
/* The subscript a name of straight-line body `body` (assignments and expressions only, before its
 * last statement) is bound to once (`y = data[:, 0]` then `return x, y`); else the name itself. */
static VlId bound_once(const VlModule *m, VlId body, uint32_t count, VlId name) {
  if (vl_expr(m, name)->op != VL_E_NAME) return name;
  VlId found = 0;
  for (uint32_t i = 0; i + 1 < count; i++) {
    const VlStmt *st = vl_stmt(m, vl_block_stmt(m, body, i));
    if (st->kind == VL_S_EXPR) continue;
    if (st->kind != VL_S_ASSIGN) return name;
    for (uint16_t k = 0; k < st->n; k++) {
      VlId t = m->kids[st->b + k];
      if (vl_expr(m, t)->op != VL_E_NAME) return name; /* (unpacking: not followed) */
      if (!vl_same_name(m, t, name)) continue;
      if (found || st->n != 1) return name;
      found = st->a;
    }
  }
  return found && vl_expr(m, found)->op == VL_E_SUB ? found : name;
}

/* The items of the tuple display a module-level function of this module returns, when `call` calls
 * one by its name and its body's one `return` is its last statement (`return data[:, 1:], data[:, 0]`,
 * or names bound once to such subscripts before it): how many (0: not such a call). */
static int returned_tuple(const Frame *F, VlId call, VlId *items, int cap) {
  const VlModule *m = M(F);
  const VlExpr *c = vl_expr(m, call);
  if (c->op != VL_E_CALL || !c->nkids || !F->an->funcs_by_name) return 0;
  VlId callee = vl_kid(m, call, 0);
  const VlExpr *cx = vl_expr(m, callee);
  if (cx->op != VL_E_NAME || cx->sym.kind != VL_SYM_GLOBAL || cx->a >= m->nstrs) return 0;
  VlId fn = F->an->funcs_by_name[cx->a];
  if (!fn) return 0;
  const VlFunc *f = vl_func(m, fn);
  uint32_t count = f->body ? m->blocks[f->body].count : 0;
  if (!count) return 0;
  for (uint32_t i = 0; i + 1 < count; i++)
    if (stmt_leaves_early(m, vl_stmt(m, vl_block_stmt(m, f->body, i)), false, 0)) return 0;
  const VlStmt *last = vl_stmt(m, vl_block_stmt(m, f->body, count - 1));
  if (last->kind != VL_S_RETURN || !last->a || vl_expr(m, last->a)->op != VL_E_TUPLE) return 0;
  const VlExpr *t = vl_expr(m, last->a);
  if (t->nkids < 2 || (int)t->nkids > cap) return 0;
  for (uint32_t i = 0; i < t->nkids; i++) items[i] = bound_once(m, f->body, count, vl_kid(m, last->a, i));
  return (int)t->nkids;
}

static bool pieces_show_all(const Frame *F, const VlSite *site, VlId L) {
  const VlModule *m = M(F);
  uint64_t cols = 0;
  bool literal = true; /* every piece's bounds are literals from the front */
  int pieces = 0, naxis = -1;
  int64_t width = 0; /* the axis's literal size, when a view's base shape knows it */
  VlId seen[16];
  Bound lo[16], hi[16];
  /* the views stored, each once: several may come from one call, each with the call as its
   * expression (`x, y = split_xy(block)` returning `data[:, 1:], data[:, 0]`) */
  const VlObj *all[16];
  int nall = 0;
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    if (L && !loop_within(m, ev->loop, L)) continue;
    const VlObj *views[16];
    int n = 0;
    site_views(F, ev->value, site, views, &n, 0);
    if (n == 16) return false; /* more than we look at */
    for (int k = 0; k < n; k++) {
      bool again = false;
      for (int q = 0; q < nall && !again; q++) again = all[q] == views[k];
      if (again) continue;
      if (nall == 16) return false;
      all[nall++] = views[k];
    }
  }
  for (int k = 0; k < nall; k++) {
    const VlObj *v = all[k];
    if (!v->expr) return false;
    bool again = false; /* the same piece, stored twice, is one piece */
    for (int q = 0; q < pieces && !again; q++) again = seen[q] == v->expr;
    if (again) continue;
    VlId each[8];
    int nitems = 1;
    each[0] = v->expr;
    if (vl_expr(m, v->expr)->op == VL_E_CALL) {
      /* a helper's returned pieces: all of them, when the caller keeps as many distinct views
       * from that call as the helper's tuple has items (each item made one of them) */
      nitems = returned_tuple(F, v->expr, each, 8);
      int from_call = 0;
      for (int q = 0; q < nall; q++) from_call += all[q]->expr == v->expr;
      if (!nitems || from_call != nitems) return false;
    }
    for (int it = 0; it < nitems; it++) {
      VlId e = each[it];
      if (pieces == 16) return false;
      seen[pieces] = nitems > 1 ? v->expr : e;
      const VlExpr *x = vl_expr(m, e);
      if (x->op != VL_E_SUB || vl_expr(m, vl_kid(m, e, 0))->op != VL_E_NAME) return false;
      int axis = -1; /* every other axis whole: `:` (trailing ones may be left out) */
      VlId last = single_index_item(m, e, &axis);
      if (!last || (naxis >= 0 && naxis != axis)) return false;
      naxis = axis;
      if (v->shape && v->shape->n > axis && !v->shape->upper && v->shape->dims[axis]) width = v->shape->dims[axis];
      const VlExpr *lx = vl_expr(m, last);
      Bound *a = &lo[pieces], *b = &hi[pieces];
      if (lx->op == VL_E_SLICE) {
        VlId st = lx->nkids > 0 ? vl_kid(m, last, 0) : 0, sp = lx->nkids > 1 ? vl_kid(m, last, 1) : 0,
             sk = lx->nkids > 2 ? vl_kid(m, last, 2) : 0;
        if (sk) return false;
        if (!st) *a = (Bound){B_FRONT, 0, NULL};
        else if (!bound_of(F, st, false, a)) return false;
        if (!sp) *b = (Bound){B_BACK, 0, NULL};
        else if (!bound_of(F, sp, false, b)) return false;
      } else {
        long i1;
        /* an index: one item (by a name: not followed) */
        if (!const_int(F, last, &i1) || !bound_of(F, last, false, a) || !bound_of(F, last, true, b)) return false;
      }
      if (a->kind == B_FRONT && b->kind == B_FRONT && axis > 0) { /* (columns, not rows) */
        if (a->n >= b->n || b->n > 64) literal = false;
        else
          for (long c = a->n; c < b->n; c++) cols |= 1ull << c;
      } else {
        literal = false;
      }
      pieces++;
    }
  }
  /* (columns 0..k-1 of an array whose width is known to be more: not all of it) */
  if (literal) return pieces >= 3 && (cols & (cols + 1)) == 0 && (!width || (width < 64 && cols == (1ull << width) - 1));
  /* a chain from the front to the end */
  Bound at = {B_FRONT, 0, NULL};
  bool used[16] = {0};
  for (int step = 0; step < pieces; step++) {
    int next = -1;
    for (int q = 0; q < pieces && next < 0; q++)
      if (!used[q] && bound_eq(lo[q], at)) next = q;
    if (next < 0) return false;
    used[next] = true;
    at = hi[next];
    if (at.kind == B_BACK && at.n == 0) return true;
  }
  return false;
}

/* The one item of subscript `sub` that is not a whole slice `:`, and its axis; 0 when there is not
 * exactly one. */
static VlId single_index_item(const VlModule *m, VlId sub, int *axis) {
  const VlExpr *x = vl_expr(m, sub);
  if (x->op != VL_E_SUB || x->nkids < 2) return 0;
  VlId found = 0;
  for (uint32_t a = 1; a < x->nkids; a++) {
    VlId it = vl_kid(m, sub, a);
    const VlExpr *ix = vl_expr(m, it);
    bool whole = ix->op == VL_E_SLICE;
    for (uint32_t b = 0; whole && b < ix->nkids; b++)
      if (vl_kid(m, it, b)) whole = false;
    if (whole) continue;
    if (found) return 0;
    found = it;
    *axis = (int)a - 1;
  }
  return found;
}

/* `for j in range(...): c.append(a[j])` or `for j, name in enumerate(names): out[name] = a[:, j]`,
 * every iteration: the slabs stored are every slab of a along that axis when the loop runs over
 * the axis's length: a length measured (len(x), x.shape[k], x.size(k); enumerate(x) counts x: the
 * entries of that data, all of them as far as we can tell) or a constant equal to a's known size. */
static bool slabs_every_row(const Frame *F, VlId loop, VlSpan at, const VlObj *view, VlId L) {
  const VlModule *m = M(F);
  if (!view->expr || !loop || loop == L || at.mod != F->an->mi || !(view->flags & VL_F_OF_WHOLE))
    return false;
  int axis = 0;
  VlId index = single_index_item(m, view->expr, &axis);
  if (!index || vl_expr(m, index)->op != VL_E_NAME) return false;
  for (VlId l = loop; l && l != L; l = m->loops[l].parent) {
    if (!every_iteration(F, l, at)) return false;
    const VlLoop *lp = &m->loops[l];
    if (lp->kind == VL_LOOP_WHILE || !lp->target) continue;
    const VlExpr *tx = vl_expr(m, lp->target), *it = vl_expr(m, lp->iter);
    bool counted = it->op == VL_E_CALL && it->nkids == 2;
    const char *fn = counted ? vl_expr_text(F->an, vl_kid(m, lp->iter, 0)) : NULL;
    if (fn && strcmp(fn, "enumerate") == 0 && tx->op == VL_E_TUPLE && tx->nkids == 2 &&
        vl_same_name(m, index, vl_kid(m, lp->target, 0)))
      return true; /* the counter of enumerate(x): one per entry of x */
    if (!vl_same_name(m, index, lp->target)) continue;
    if (!fn || strcmp(fn, "range") != 0) return false;
    VlId bound = vl_kid(m, lp->iter, 1);
    const VlExpr *bx = vl_expr(m, bound);
    const char *bt = vl_expr_text(F->an, bound);
    if (bx->op == VL_E_CALL && bx->nkids == 2 && strcmp(vl_expr_text(F->an, vl_kid(m, bound, 0)), "len") == 0)
      return true;
    char shape[24], size[24];
    snprintf(shape, sizeof shape, "shape[%d]", axis);
    snprintf(size, sizeof size, ".size(%d)", axis);
    if (bt && (strstr(bt, shape) || strstr(bt, size))) return true;
    long n;
    return view->shape && view->shape->n > axis && !view->shape->upper && const_int(F, bound, &n) &&
           n == view->shape->dims[axis];
  }
  return false;
}

static bool indexes_every_row(const Frame *F, const StoreEv *ev, const VlObj *view, VlId L) {
  return slabs_every_row(F, ev->loop, ev->at, view, L);
}

/* What a generator yields at `at` (innermost loop `loop`): a slab of a whole array indexed by a loop's
 * counter over that axis's length, yielded in every iteration (`for i in range(len(chunk)): yield
 * chunk[i]`), is one of every piece, as a row of `for row in chunk: yield row` is; a piece yielded
 * only in some iterations (under an if) is not. */
const VlVal *vl_yield_pieces(Frame *F, const VlVal *v, VlId loop, VlSpan at) {
  if (!loop || vl_val_empty(v)) return v;
  bool every = every_iteration(F, loop, at);
  const VlObj *out[VL_VAL_MAX + 1];
  uint16_t n = 0;
  bool changed = false;
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && o->sub) {
      VlObj c = *o;
      if (!every) c.flags &= (uint8_t)~VL_F_EVERY;
      else if ((c.flags & VL_F_PARTIAL) && slabs_every_row(F, loop, at, o, 0)) c.flags |= VL_F_EVERY;
      if (c.flags != o->flags) {
        o = vl_obj(F->an->vals, c);
        changed = true;
      }
    }
    out[n++] = o;
  }
  return changed ? vl_val_of(F->an->vals, out, n) : v;
}

/* The loop keeps the whole base object too (then its views pin nothing more). */
/* Is the container of store ev only a scratch of one iteration of L (made in it, stored nowhere)? */
static bool scratch_container(const Frame *F, const StoreEv *ev, VlId L) {
  if (!L) return false;
  for (uint16_t k = 0; k < ev->container->n; k++) {
    const VlObj *c = ev->container->objs[k];
    if (c->kind != VL_O_SEQ || !per_iteration(F, c->site, L, false)) return false;
    for (size_t i = 0; i < F->stores.len; i++) {
      for (uint16_t j = 0; j < F->stores.items[i].value->n; j++)
        if (F->stores.items[i].value->objs[j]->site == c->site) return false;
      if (attr_holds(F, F->stores.items[i].value, c->site, 0)) return false; /* an object kept holds it */
    }
    if (vl_val_has(F->ret, VL_O_SEQ))
      for (uint16_t j = 0; j < F->ret->n; j++)
        if (F->ret->objs[j]->site == c->site) return false;
  }
  return ev->container->n > 0;
}

/* The key of the member of an opaque result that view expression e is taken from, read along its
 * chain of receivers (`d["data"]` in `d["data"].reshape(-1, 32, 32)[:8]`), or NULL. */
static const char *member_key(const Frame *F, VlId e) {
  const VlModule *m = M(F);
  for (int depth = 0; e && depth < 8; depth++) {
    const VlExpr *x = vl_expr(m, e);
    if (x->op == VL_E_SUB && x->nkids == 2) {
      const VlExpr *k = vl_expr(m, vl_kid(m, e, 1));
      if (k->op == VL_E_STR) return k->a ? vl_str(m, k->a) : vl_expr_text(F->an, vl_kid(m, e, 1));
    } else if (x->op != VL_E_CALL && x->op != VL_E_ATTR) {
      return NULL;
    }
    e = vl_kid(m, e, 0);
  }
  return NULL;
}

/* Is o a member of an opaque result taken by its key (`entry[b"labels"]` of what pickle.load(f)
 * returned: the key literal in o's `key`, ops.c: vl_op_subscript) other than the one view expression
 * `ve` is taken from?  A dict's value is not the dict: keeping one keeps neither the dict nor its other
 * members.  Without a view expression (0), or one whose member is not read in it, any member may be
 * the one viewed; a member whose key's text is not known is another one. */
static bool other_member(const Frame *F, const VlObj *o, VlId ve) {
  if (o->kind != VL_O_OBJ || !(o->flags & VL_F_WHOLE) || !o->key || !ve) return false;
  const char *key = member_key(F, ve);
  const VlObj *k = o->key->n == 1 ? o->key->objs[0] : NULL;
  return !key || !k || k->kind != VL_O_STR || !k->name || strcmp(k->name, key) != 0;
}

/* Does stored value v hold the whole object of `site`: itself, an item of a tuple, an attribute of
 * an instance (Step(frame, frame[:8]))?  (ve: the view expression judged, or 0) */
static bool holds_whole(const Frame *F, const VlVal *v, const VlSite *site, VlId ve, int depth) {
  for (uint16_t k = 0; v && depth <= 2 && k < v->n; k++) {
    const VlObj *o = v->objs[k];
    if ((o->kind == VL_O_ARRAY && !o->sub && o->site == site) || (o->kind == VL_O_OBJ && o->site == site && !other_member(F, o, ve)))
      return true;
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE)
      for (uint16_t t = 0; t < o->nitems; t++)
        if (holds_whole(F, o->items[t], site, ve, depth + 1)) return true;
    if (o->kind == VL_O_SEQ && o->sub == VL_SEQ_DICT && o->site) { /* {"image": img, "crop": img[:8]} */
      VlHeapEntry *e = vl_heap_find(F, o->site);
      if (e && holds_whole(F, e->elem, site, ve, depth + 1)) return true;
    }
    if (o->kind == VL_O_INST && o->site) {
      VlHeapEntry *e = vl_heap_find(F, o->site);
      for (uint16_t a = 0; e && a < e->nattrs; a++)
        if (holds_whole(F, e->attrs[a].val, site, ve, depth + 1)) return true;
      /* a pandas frame kept holds its storage (ops.c: pd_inst) */
      if (vl_inst_of(o, VL_INST_PANDAS) && o->elem && holds_whole(F, o->elem, site, ve, depth + 1))
        return true;
    }
  }
  return false;
}

/* Is the store into one slot of one container, the same in every iteration of L (`state["x"] =
 * state["x"] + v` on a dict made before the loop)?  The slot keeps the last iteration's value only;
 * a container made anew in each iteration (a record per image) keeps each iteration's. */
static bool one_slot(const Frame *F, const StoreEv *ev, VlId L) {
  /* (a helper's store, applied here, may take one of several constant keys: not one slot) */
  if (!key_one_slot(F, ev, L, 0) || ev->call || !L || !ev->container->n) return false;
  for (uint16_t i = 0; i < ev->container->n; i++) {
    const VlObj *c = ev->container->objs[i];
    if (c->kind == VL_O_SYM) continue;
    if (c->kind != VL_O_SEQ || !c->site || per_iteration(F, c->site, L, ev->implicit)) return false;
  }
  return true;
}

/* Is ev a write into an array of numbers (`real_next_obs[i] = final`), which copies the value: the
 * array keeps nothing of it? */
static bool copied_into_array(const StoreEv *ev) {
  if (ev->store != VL_ST_SETITEM || !ev->container || !ev->container->n) return false;
  for (uint16_t i = 0; i < ev->container->n; i++) {
    const VlObj *c = ev->container->objs[i];
    if (c->kind != VL_O_ARRAY || (c->layout & VL_L_OBJECTS)) return false;
  }
  return true;
}

static const char *item_regrown(Analysis *an, VlId expr, VlId *stmt_out, bool attrs);

static int by_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Does ev store the value of a statement `c[k] = f(c[k])`, in a list or dict made by a display
 * outside loop L (or met as a parameter's or attribute's)?  The slot it writes held the value it reads,
 * else that read had failed (a defaultdict, made by a call, is left out): the store replaces what it
 * grew from, so it keeps whole only the latest array of each slot, never one per iteration. */
static bool regrown_slot(const Frame *F, const StoreEv *ev, VlId L) {
  Analysis *an = F->an;
  const VlModule *m = M(F);
  if (ev->store != VL_ST_SETITEM || !L || !ev->container->n || ev->at.mod != an->mi) return false;
  if (!an->regrown_made) {
    an->regrown_made = true;
    for (int pass = 0; pass < 2; pass++) { /* count, then list */
      uint32_t n = 0;
      for (VlId s = 1; s < m->nstmts; s++) {
        VlId st = 0;
        if (m->stmts[s].kind != VL_S_ASSIGN || m->stmts[s].n != 1 || !item_regrown(an, m->stmts[s].a, &st, false) || st != s)
          continue;
        if (pass) an->regrown[n] = vl_expr(m, m->stmts[s].a)->start;
        n++;
      }
      if (!pass && n) an->regrown = VL_ARENA_ARRAY(an->arena, uint32_t, n);
      if (pass || !n) an->nregrown = n;
      if (!n) break;
    }
    if (an->nregrown > 1) qsort(an->regrown, an->nregrown, sizeof *an->regrown, by_u32);
  }
  if (!an->nregrown || !bsearch(&ev->at.start, an->regrown, an->nregrown, sizeof *an->regrown, by_u32)) return false;
  for (uint16_t i = 0; i < ev->container->n; i++) {
    const VlObj *c = ev->container->objs[i];
    if (c->kind == VL_O_SYM) continue;
    if (c->kind != VL_O_SEQ || !c->site || c->site->kind != VL_SITE_NEW || c->site->mod != an->mi ||
        per_iteration(F, c->site, L, ev->implicit))
      return false;
    const VlSite *made = c->site; /* (a constructor's `self.c = []`: the display the call made) */
    for (int d = 0; made->via && made->via->kind == VL_SITE_NEW && made->via->mod == an->mi && d < 16; d++) made = made->via;
    uint8_t op = vl_expr(m, made->at)->op;
    if (op != VL_E_LIST && op != VL_E_DICT) return false;
  }
  return true;
}

/* (`self`: the store being judged, whose value keeps the whole base only on another path than its
 * view's: one_array_on_every_path) */
static bool whole_kept(const Frame *F, const VlSite *site, VlId L, const StoreEv *self, VlId ve) {
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    if (ev == self && one_array_on_every_path(ev->value)) continue;
    if (copied_into_array(ev)) continue;
    if (L && !loop_within(M(F), ev->loop, L)) continue;
    if (scratch_container(F, ev, L)) continue; /* kept only until the iteration ends */
    if (one_slot(F, ev, L) || regrown_slot(F, ev, L)) continue;
    if (holds_whole(F, ev->value, site, ve, 0)) return true;
  }
  return false;
}

/* Is site x the one listed site v was marked from: the object made in the loop that filled the
 * list, or a step of list(map(f, xs))'s implicit loop? */
static bool marked_from(const VlSite *x, const VlSite *v) {
  if (!x) return false;
  const VlSite *y = x;
  if (x->kind == VL_SITE_STEP) {
    if (x->at || !x->via || x->via->step != 1) return false;
    y = x->via;
  } else if (x->kind != VL_SITE_NEW || (x->step && x != v)) { /* (or v itself: a callee's, summary.c: reloc) */
    return false;
  }
  return y->mod == v->mod && y->func == v->func && y->at == v->at && y->start == v->start && y->how == v->how;
}

static bool holds_marked(const VlVal *val, const VlSite *v, int depth) {
  for (uint16_t i = 0; val && depth < 2 && i < val->n; i++) {
    const VlObj *o = val->objs[i];
    if (((o->kind == VL_O_ARRAY && !o->sub) || o->kind == VL_O_OBJ || o->kind == VL_O_INST || o->kind == VL_O_SEQ) &&
        marked_from(o->site, v)) /* (the object itself, not a view of it) */
      return true;
    for (uint16_t k = 0; o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && k < o->nitems; k++)
      if (holds_marked(o->items[k], v, depth + 1)) return true;
  }
  return false;
}

/* Is the object of step site s one a list holds (a loop over `outs = [enc(x) for x in xs]` or
 * `list(map(enc, xs))`, ops.c: filled_per_step), and does a list holding it outlive the function
 * too (`return keep, outs`)?  Then every base is kept whole anyway: its views pin nothing more. */
static bool list_item_escapes(const Frame *F, const VlSite *s, const Sites *escapes) {
  /* (or one a callee made in its loop and handed back in a list: summary.c, reloc) */
  if (!s || s->kind != VL_SITE_STEP || !s->via || (s->via->step != VL_STEP_LISTED && s->via->step != VL_STEP_CALLEE))
    return false;
  for (size_t i = 0; i < escapes->len; i++) {
    const VlSite *e = escapes->items[i];
    VlHeapEntry *he = e->kind == VL_SITE_NEW ? vl_heap_find(F, e) : NULL;
    if (he && holds_marked(he->elem, s->via, 0)) return true;
  }
  return false;
}

/* A view of an object a list holds (listed, above), taken by a subscript with a slice bound that is
 * not a literal (`t[..., -self.max_mem_len:, :]` of each layer's `cat(mem, hidden)`): how much of
 * each it shows is unknown, and a list of a batch's or a model's layers' results is bounded, so
 * only a part known to be small counts (an integer index, literal bounds). */
static bool unsure_part_of_listed(const Frame *F, const VlObj *view) {
  const VlSite *s = view->site;
  if (!s || s->kind != VL_SITE_STEP || !s->via || (s->via->step != VL_STEP_LISTED && s->via->step != VL_STEP_CALLEE))
    return false;
  const VlModule *m = M(F);
  VlId e = view->expr < m->nexprs ? view->expr : 0;
  /* (through methods keeping the view: `t[..., -k:, :].detach()`) */
  for (int d = 0; e && d < 4 && vl_expr(m, e)->op == VL_E_CALL && vl_expr(m, vl_kid(m, e, 0))->op == VL_E_ATTR; d++)
    e = vl_kid(m, vl_kid(m, e, 0), 0);
  /* made out of sight, by a call (`map(lambda t: t[..., -k:, :], outs)`: the subscript is the
   * lambda's): unknown */
  if (!e || vl_expr(m, e)->op == VL_E_CALL) return true;
  if (vl_expr(m, e)->op != VL_E_SUB) return false;
  for (uint32_t i = 1; i < vl_expr(m, e)->nkids; i++) {
    VlId item = vl_kid(m, e, i);
    if (vl_expr(m, item)->op != VL_E_SLICE) continue;
    for (uint32_t k = 0; k < 3; k++) {
      VlId b = vl_kid(m, item, k);
      long lit;
      if (b && !vl_int_literal(m, b, &lit)) return true;
    }
  }
  return false;
}

/* ---- reporting ---- */

/* Assignments by the expression they assign, made once per module on first use (a scan of every
 * statement per lookup was quadratic in the module's size).  For each expression: the first
 * statement that binds it to a name (`name = expr`, or a part of `a, b = f(a), g(b)`) with that
 * name expression, and the first `... = expr` statement of any target. */
struct AssignIx {
  VlId named_stmt, named_target;
  VlId any_stmt;
};

static const struct AssignIx *assign_ix(Analysis *an, VlId expr) {
  const VlModule *m = an->m;
  if (!expr || expr >= m->nexprs) return NULL;
  if (!an->assign_ix) {
    struct AssignIx *ix = VL_ARENA_ARRAY(an->arena, struct AssignIx, m->nexprs);
    for (VlId s = 1; s < m->nstmts; s++) {
      const VlStmt *st = &m->stmts[s];
      if (st->kind != VL_S_ASSIGN || st->n < 1 || st->a >= m->nexprs) continue;
      VlId t = m->kids[st->b];
      const VlExpr *tx = vl_expr(m, t), *vx = vl_expr(m, st->a);
      if (!ix[st->a].any_stmt) ix[st->a].any_stmt = s;
      if ((tx->op == VL_E_NAME || tx->op == VL_E_ATTR) && !ix[st->a].named_stmt)
        ix[st->a] = (struct AssignIx){s, t, ix[st->a].any_stmt};
      /* a, b = f(a), g(b) */
      if (vx->op == VL_E_TUPLE && (tx->op == VL_E_TUPLE || tx->op == VL_E_LIST) && tx->nkids == vx->nkids)
        for (uint32_t i = 0; i < vx->nkids; i++) {
          VlId part = vl_kid(m, st->a, i);
          if (part < m->nexprs && !ix[part].named_stmt && vl_expr(m, vl_kid(m, t, i))->op == VL_E_NAME)
            ix[part] = (struct AssignIx){s, vl_kid(m, t, i), ix[part].any_stmt};
        }
    }
    an->assign_ix = ix;
  }
  return &an->assign_ix[expr];
}

/* The name an expression's value was assigned to, when it is the right-hand side of `name = ...`. */
const char *vl_assigned_name(Analysis *an, VlId expr, VlId *stmt_out) {
  const struct AssignIx *ix = assign_ix(an, expr);
  if (!ix || !ix->named_stmt) return NULL;
  if (stmt_out) *stmt_out = ix->named_stmt;
  return vl_expr_text(an, ix->named_target);
}

static bool mentions(const VlModule *m, VlId e, const char *name, size_t len, int depth);

/* The item `expr` rebinds from its own old value, `self.cache[i] = torch.cat([self.cache[i], k])`
 * (the target's text, read on the right), with that statement in *stmt_out; else NULL.  With attrs,
 * an attribute too: `self.cache_k = torch.cat([self.cache_k, k], dim=2)`. */
static const char *item_regrown(Analysis *an, VlId expr, VlId *stmt_out, bool attrs) {
  const struct AssignIx *ix = assign_ix(an, expr);
  if (!ix || !ix->any_stmt) return NULL;
  const VlModule *m = an->m;
  const VlStmt *st = &m->stmts[ix->any_stmt];
  if (st->n != 1 || st->a != expr) return NULL;
  VlId t = m->kids[st->b];
  const VlExpr *tx = vl_expr(m, t);
  if ((tx->op != VL_E_SUB && !(attrs && tx->op == VL_E_ATTR)) ||
      !mentions(m, expr, m->text + tx->start, tx->end - tx->start, 0))
    return NULL;
  *stmt_out = ix->any_stmt;
  return vl_expr_text(an, t);
}

/* The statement `a, b = expr` (a tuple target) that binds `name` to a part of what expr gives, or 0. */
static VlId unpacked_from(const Frame *F, VlId expr, const char *name) {
  const VlModule *m = M(F);
  if (!expr || !name) return 0;
  const struct AssignIx *ix = assign_ix(F->an, expr);
  if (!ix || !ix->any_stmt) return 0;
  VlId s = ix->any_stmt, t = m->kids[m->stmts[s].b];
  const VlExpr *tx = vl_expr(m, t);
  if (tx->op != VL_E_TUPLE && tx->op != VL_E_LIST) return 0;
  for (uint32_t i = 0; i < tx->nkids; i++) {
    VlId k = vl_kid(m, t, i);
    if (vl_expr(m, k)->op == VL_E_NAME && strcmp(vl_expr_text(F->an, k), name) == 0) return s;
  }
  return 0;
}

/* Does expression e read `name` (a name or a dotted attribute as written, len bytes)?  Compares the
 * source bytes. */
static bool mentions(const VlModule *m, VlId e, const char *name, size_t len, int depth) {
  if (!e || depth > 32) return false;
  const VlExpr *x = vl_expr(m, e);
  if ((x->op == VL_E_NAME || x->op == VL_E_ATTR || x->op == VL_E_SUB) && x->end - x->start == len &&
      memcmp(m->text + x->start, name, len) == 0)
    return true;
  for (uint32_t i = 0; i < x->nkids; i++)
    if (mentions(m, vl_kid(m, e, i), name, len, depth + 1)) return true;
  return false;
}

/* The name a view expression indexes (`data` in data[i][:, 0]), or NULL (np.load(f)[:, 1]). */
static const char *view_root(const Frame *F, const VlObj *view, const VlSite *made) {
  if (!view->expr) return NULL;
  const VlModule *m = M(F);
  VlId e = view->expr;
  while (e && vl_expr(m, e)->op == VL_E_SUB) {
    VlId k = vl_kid(m, e, 0);
    const VlExpr *kx = vl_expr(m, k);
    /* ds[i][0] with ds[i] the new array (a __getitem__, an element of a list of arrays): ds[i] */
    if (made && made->kind == VL_SITE_NEW && made->mod == F->an->mi && made->at == k && kx->op == VL_E_SUB)
      return vl_expr_text(F->an, k);
    /* df.iloc[-1] of a pandas frame: a view of df's block (ops.c: pandas_getitem) */
    if (kx->op == VL_E_ATTR && strcmp(vl_str(m, kx->a), "iloc") == 0) return vl_expr_text(F->an, vl_kid(m, k, 0));
    if (kx->op == VL_E_NAME || kx->op == VL_E_ATTR) return vl_expr_text(F->an, k);
    e = k;
  }
  return NULL;
}

/* "500x32x32x3 float64 = 11.7 MiB" for a literal shape. */
static const char *size_text(Analysis *an, const VlShape *sh) {
  if (!sh || !sh->n || !sh->itemsize) return NULL;
  for (uint8_t i = 0; i < sh->n; i++)
    if (sh->dims[i] <= 0) return NULL; /* a size not known (display_shape in ops.c) */
  double bytes = sh->itemsize;
  VlBuf dims = {0};
  for (uint8_t i = 0; i < sh->n; i++) {
    bytes *= (double)sh->dims[i];
    vl_buf_printf(&dims, "%s%lld", i ? "x" : "", (long long)sh->dims[i]);
  }
  const char *out = bytes >= 1024.0 * 1024.0
                        ? vl_arena_printf(an->arena, "%s%s %s = %.1f MiB", sh->upper ? "up to " : "", dims.data, sh->dtype,
                                          bytes / (1024.0 * 1024.0))
                        : vl_arena_printf(an->arena, "%s%s %s = %.1f KiB", sh->upper ? "up to " : "", dims.data, sh->dtype,
                                          bytes / 1024.0);
  vl_buf_free(&dims);
  return out;
}

/* Names the array a hit's view pins and says how it is made anew (VL001: rebound to a new array
 * computed from arrays; VL002: made fresh), following the callees that made it, into other
 * modules too.  *stmt: the statement of this module that binds it, when one does (hit->base is
 * set here when one of another module does). */
static void name_base(Frame *F, VlHit *hit, const VlObj *view, VlId *stmt) {
  Analysis *an = F->an;
  const VlModule *m = M(F);
  const VlSite *s = view->site;
  if (s->kind == VL_SITE_STEP && !s->at && s->via && s->via->mod == an->mi)
    s = s->via; /* a step of an implicit loop (list(gen)): the element the generator made */
  /* the chain of callees that made it (a loop target, `for xb, yb in loader`, is the array itself) */
  const VlSite *chain[16];
  int n = 0;
  chain[n++] = s;
  if (!(s->kind == VL_SITE_STEP && s->at))
    while (n < 16 && chain[n - 1]->via && chain[n - 1]->via->kind == VL_SITE_NEW &&
           (chain[n - 1]->via->mod == an->mi || chain[n - 1]->via->bound))
      chain[n] = chain[n - 1]->via, n++;
  const VlSite *made = chain[n - 1];
  /* named after the nearest statement that binds it: the caller's `x = f(...)`, else the callee's */
  const char *assigned = NULL;
  int named = -1;
  /* an item or attribute a callee (or this loop) rebinds from its own old value, `self.cache[i] =
   * torch.cat([self.cache[i], k])`, `self.k = torch.cat([self.k, k])`: the array is that item, whatever
   * name a caller binds to the call that grows it (`logits = model(tok, cache)`) */
  for (int i = 0; i < n && !assigned; i++)
    if (chain[i]->kind == VL_SITE_NEW && chain[i]->mod == an->mi && (assigned = item_regrown(an, chain[i]->at, stmt, true)))
      named = i;
  for (int i = 0; i < n && !assigned; i++) {
    if (chain[i]->kind != VL_SITE_NEW) continue;
    if (chain[i]->mod == an->mi) assigned = vl_assigned_name(F->an, chain[i]->at, stmt);
    else if ((assigned = chain[i]->bound)) hit->base = (VlSpan){chain[i]->mod, chain[i]->bound_start, chain[i]->bound_end};
    if (assigned) named = i;
  }
  bool at_call = named == 0 && n > 1; /* x = f(...): the name the caller binds to what a callee returns */
  hit->kind = made->kind == VL_SITE_NEW && made->how == VL_HOW_COPY && assigned ? VL_HIT_REBOUND : VL_HIT_FRESH;
  /* x = f(...): rebound to a copy of itself only when x goes into the call (x = step(x)); a helper
   * that computes a new array from other things (dets = detect(frame)) makes a fresh one */
  if (hit->kind == VL_HIT_REBOUND && at_call && vl_expr(m, s->at)->op == VL_E_CALL &&
      !mentions(m, s->at, assigned, strlen(assigned), 0))
    hit->kind = VL_HIT_FRESH;
  hit->base_name = assigned ? assigned : view_root(F, view, chain[0]);
}

static void report_as(Frame *F, const StoreEv *ev, const VlObj *view, VlId L, bool implicit, bool recursion);

/* Adds the names target `t` binds (a name, an attribute, the items of a tuple or list) to `names`. */
static void add_targets(const Frame *F, VlId t, const char **names, int *n, int cap) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, t);
  if (x->op == VL_E_NAME || x->op == VL_E_ATTR) {
    const char *nm = vl_expr_text(F->an, t);
    if (!nm) return;
    for (int i = 0; i < *n; i++)
      if (strcmp(names[i], nm) == 0) return;
    if (*n < cap) names[(*n)++] = nm;
  } else if (x->op == VL_E_TUPLE || x->op == VL_E_LIST || x->op == VL_E_STAR) {
    for (uint32_t i = 0; i < x->nkids; i++) add_targets(F, vl_kid(m, t, i), names, n, cap);
  }
}

static bool stmt_binds(const VlModule *m, const VlStmt *s, const char *name, size_t len) {
  if (s->kind == VL_S_AUGASSIGN) return target_binds(m, s->a, 0, name, len, 0);
  if (s->kind != VL_S_ASSIGN) return false;
  for (uint16_t k = 0; k < s->n; k++)
    if (target_binds(m, m->kids[s->b + k], 0, name, len, 0)) return true;
  return false;
}

/* The binding statements (assignments) a loop's body runs, in source order, nested blocks included:
 * at most CARRY_CAP of them (a longer loop is not followed: the code is chosen as for another module's binding). */
enum { CARRY_CAP = 256 };
enum { BRANCH_CAP = 32 };
typedef struct LoopStmts {
  const VlModule *m;
  VlId ids[CARRY_CAP];
  int n;
  bool over;
  VlId ifs[BRANCH_CAP]; /* its `if` statements with an else block or a then block that returns */
  int nifs;
} LoopStmts;

/* Does block b end by leaving the function (`return`, `raise`)? */
static bool exits(const VlModule *m, VlId b) {
  if (!b || !m->blocks[b].count) return false;
  VlStmtKind k = vl_stmt(m, vl_block_stmt(m, b, m->blocks[b].count - 1))->kind;
  return k == VL_S_RETURN || k == VL_S_RAISE;
}

static bool loop_stmt(void *ctx, VlId id) {
  LoopStmts *out = ctx;
  VlStmtKind kind = out->m->stmts[id].kind;
  if (kind == VL_S_IF && (out->m->stmts[id].c || exits(out->m, out->m->stmts[id].b)) && out->nifs < BRANCH_CAP)
    out->ifs[out->nifs++] = id;
  if (kind != VL_S_ASSIGN && kind != VL_S_AUGASSIGN) return true;
  if (out->n == CARRY_CAP) return !(out->over = true);
  out->ids[out->n++] = id;
  return true;
}

/* Lists the binding statements of `body` (a loop's or a function's) in *out. */
static void loop_stmts(const VlModule *m, VlId body, LoopStmts *out) {
  out->m = m;
  out->n = 0;
  out->over = false;
  out->nifs = 0;
  vl_block_walk(m, body, loop_stmt, out);
}

/* The bytes block b spans (empty: 0, 0). */
static void block_span(const VlModule *m, VlId b, uint32_t *start, uint32_t *end) {
  *start = *end = 0;
  if (!b || !m->blocks[b].count) return;
  *start = vl_stmt(m, vl_block_stmt(m, b, 0))->start;
  *end = vl_stmt(m, vl_block_stmt(m, b, m->blocks[b].count - 1))->end;
}

/* Are bytes a and b in the two branches of one of the loop's `if ... else` statements, or a in the
 * then block of an `if` that returns (or raises) and b after it: a binding at a never reaches a read
 * at b within one pass (`if self.k is None: self.k = k` then `else: self.k = torch.cat([self.k, k])`,
 * or `...; return` then `self.k = torch.cat(...)`: the read sees what the iteration, or the call,
 * began with)? */
static bool exclusive(const VlModule *m, const LoopStmts *ls, uint32_t a, uint32_t b) {
  for (int i = 0; i < ls->nifs; i++) {
    const VlStmt *st = &m->stmts[ls->ifs[i]];
    uint32_t ts, te, es, ee;
    block_span(m, st->b, &ts, &te);
    if (a >= ts && a < te && b >= st->end && exits(m, st->b)) return true;
    if (!st->c) continue;
    block_span(m, st->c, &es, &ee);
    if ((a >= ts && a < te && b >= es && b < ee) || (b >= ts && b < te && a >= es && a < ee)) return true;
  }
  return false;
}

/* The index in `ls` of the last of the loop's binding statements before byte `pos` that binds
 * `name`, or -1; a binding in the other branch of an `if ... else` than pos is not one. */
static int last_binding(const VlModule *m, const LoopStmts *ls, uint32_t pos, const char *name, size_t len) {
  int last = -1;
  for (int i = 0; i < ls->n; i++) {
    const VlStmt *s = &m->stmts[ls->ids[i]];
    if (s->start >= pos) continue;
    if (ls->nifs && exclusive(m, ls, s->start, pos)) continue;
    if ((last < 0 || s->start > m->stmts[ls->ids[last]].start) && stmt_binds(m, s, name, len)) last = i;
  }
  return last;
}

typedef struct Carry {
  const Frame *F;
  VlId target;     /* a for loop's target: new in each iteration */
  bool persistent; /* a function's body: only what outlives a call carries (persists) */
  VlId func;       /* the function whose body it is */
  const LoopStmts *ls;
  uint8_t memo[CARRY_CAP]; /* per binding statement: 0 not asked yet, 1 no, 2 yes */
  const char *names[32]; /* the array's name and its aliases */
  int n;
} Carry;

static bool carry_reads(Carry *c, uint32_t pos, VlId e, int depth);

/* Does name or attribute e keep its value from one call of the function to the next: an attribute
 * (`self.P`), a `nonlocal` or global name, an enclosing function's variable?  (In a loop, every name
 * does, from one iteration to the next.)  A parameter does not, even of a function that calls itself:
 * `u_next = step(u)` then `cont(u_next, ...)` makes `u_next` anew in each call, as independent writers
 * of the recall programs label it. */
static bool persists(const Carry *c, VlId e) {
  if (!c->persistent) return true;
  const VlModule *m = M(c->F);
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_ATTR) return true;
  if (x->sym.kind == VL_SYM_CELL || x->sym.kind == VL_SYM_GLOBAL) return true;
  return x->sym.kind == VL_SYM_LOCAL && x->sym.owner != c->func; /* an enclosing function's slot */
}

/* Does the value `name` holds at byte `pos` of an iteration (or of a call) depend on what the array
 * held when the iteration began?  Follows the last binding of `name` before `pos` in the loop; with
 * none, `name` holds what it held when the iteration began (a loop target is new each iteration; in
 * a function called again, only an attribute holds what the call before left). */
static bool carry_name(Carry *c, uint32_t pos, const char *name, size_t len, bool persists, int depth) {
  const VlModule *m = M(c->F);
  int at = last_binding(m, c->ls, pos, name, len);
  if (at >= 0) {
    if (c->memo[at]) return c->memo[at] == 2; /* each binding statement is followed once */
    c->memo[at] = 1;
    const VlStmt *last = &m->stmts[c->ls->ids[at]];
    bool from = last->kind == VL_S_AUGASSIGN /* x += v: the old x, and v */
                    ? carry_name(c, last->start, name, len, persists, depth + 1) ||
                          carry_reads(c, last->start, last->b, depth + 1)
                    : carry_reads(c, last->start, last->a, depth + 1);
    c->memo[at] = from ? 2 : 1;
    return from;
  }
  if (target_binds(m, c->target, 0, name, len, 0)) return false;
  if (!persists) return false;
  for (int k = 0; k < c->n; k++)
    if (strlen(c->names[k]) == len && memcmp(c->names[k], name, len) == 0) return true;
  return false;
}

/* Does expression e, read at byte `pos` of an iteration, depend on the array's value when the
 * iteration began? */
static bool carry_reads(Carry *c, uint32_t pos, VlId e, int depth) {
  if (!e || depth > 12) return false;
  const VlModule *m = M(c->F);
  const VlExpr *x = vl_expr(m, e);
  if (x->op == VL_E_NAME || x->op == VL_E_ATTR) {
    if (carry_name(c, pos, m->text + x->start, x->end - x->start, persists(c, e), depth)) return true;
    if (x->op == VL_E_NAME) return false;
  }
  if (x->op == VL_E_SUB) { /* an item the array is (`self.cache[i]`): it persists as its container does */
    VlId root = e;
    while (vl_expr(m, root)->op == VL_E_SUB) root = vl_kid(m, root, 0);
    const VlExpr *rx = vl_expr(m, root);
    bool named = false;
    for (int k = 0; k < c->n && !named; k++)
      named = strlen(c->names[k]) == x->end - x->start && memcmp(c->names[k], m->text + x->start, x->end - x->start) == 0;
    if (named && (rx->op == VL_E_NAME || rx->op == VL_E_ATTR) &&
        carry_name(c, pos, m->text + x->start, x->end - x->start, persists(c, root), depth))
      return true;
  }
  for (uint32_t i = 0; i < x->nkids; i++)
    if (carry_reads(c, pos, vl_kid(m, e, i), depth + 1)) return true;
  return false;
}

/* Does statement `stmt`, in loop L, bind `name` from its own value of the iteration before: the
 * array is carried from one iteration to the next (`data = np.delete(data, i)`; `Z = A @ Q` then
 * `Q, R = np.linalg.qr(Z)`; `y_new = y + h * f(y)` then `y = y_new`)?  That is what VL001 means by
 * an array the loop rebinds.  An array each iteration makes from other things is made anew (VL002):
 * `logits = model(idx) / t`, and `x = np.load(f)` then `x = (x - x.mean()) / x.std()`, whose second
 * binding reads the first, not the iteration before.  ls: the binding statements of the loop's body
 * (or of the function's).  1 yes, 0 no, -1 not followed (more than CARRY_CAP binding statements). */
static int carried_in(const Frame *F, VlId func, const LoopStmts *ls, VlId target, bool persistent, VlId stmt,
                      const char *name) {
  const VlModule *m = M(F);
  const VlStmt *b = &m->stmts[stmt];
  if (b->kind != VL_S_ASSIGN || ls->over) return -1;
  Carry c = {.F = F, .target = target, .persistent = persistent, .func = func, .ls = ls};
  c.names[c.n++] = name;
  /* its aliases: names the loop binds to it as is, anywhere in the iteration (`y = y_new`) */
  for (bool grew = true; grew;) {
    grew = false;
    for (int i = 0; i < ls->n; i++) {
      const VlStmt *s = &m->stmts[ls->ids[i]];
      if (s->kind != VL_S_ASSIGN) continue;
      const VlExpr *v = vl_expr(m, s->a);
      if (v->op == VL_E_TUPLE && s->n == 1) { /* theta, lp = proposal, lp_new: item by item */
        VlId t = m->kids[s->b];
        const VlExpr *tx = vl_expr(m, t);
        if ((tx->op != VL_E_TUPLE && tx->op != VL_E_LIST) || tx->nkids != v->nkids) continue;
        int before = c.n;
        for (uint32_t j = 0; j < v->nkids; j++) {
          VlId item = vl_kid(m, s->a, j);
          const VlExpr *ix = vl_expr(m, item);
          if (ix->op != VL_E_NAME && ix->op != VL_E_ATTR) continue;
          bool alias = false;
          for (int k = 0; k < c.n && !alias; k++) alias = mentions(m, item, c.names[k], strlen(c.names[k]), 0);
          if (alias) add_targets(F, vl_kid(m, t, j), c.names, &c.n, 32);
        }
        grew |= c.n > before;
        continue;
      }
      if (v->op != VL_E_NAME && v->op != VL_E_ATTR) continue;
      bool alias = false;
      for (int k = 0; k < c.n && !alias; k++) alias = mentions(m, s->a, c.names[k], strlen(c.names[k]), 0);
      if (!alias) continue;
      int before = c.n;
      for (uint16_t k = 0; k < s->n; k++) add_targets(F, m->kids[s->b + k], c.names, &c.n, 32);
      grew |= c.n > before;
    }
  }
  return carry_reads(&c, b->start, b->a, 0) ? 1 : 0;
}

/* The innermost function whose text holds byte `at` (a def nested in the analysed one is its own). */
static VlId innermost_func(const VlModule *m, uint32_t at) {
  VlId best = 0;
  for (VlId f = 1; f < m->nfuncs; f++) {
    const VlFunc *fn = &m->funcs[f];
    if (fn->start <= at && at < fn->end && (!best || fn->end - fn->start < m->funcs[best].end - m->funcs[best].start))
      best = f;
  }
  return best;
}

/* carried_in for loop L (not a comprehension), whose binding statements are ls. */
static int carried(const Frame *F, VlId L, const LoopStmts *ls, VlId stmt, const char *name) {
  const VlLoop *lp = &M(F)->loops[L];
  return carried_in(F, lp->func, ls, lp->kind == VL_LOOP_FOR ? lp->target : 0, false, stmt, name);
}

static void report(Frame *F, const StoreEv *ev, const VlObj *view, VlId L, bool implicit) {
  report_as(F, ev, view, L, implicit, false);
}

static void report_as(Frame *F, const StoreEv *ev, const VlObj *view, VlId L, bool implicit, bool recursion) {
  Analysis *an = F->an;
  const VlModule *m = M(F);
  const VlSite *s = view->site;
  VlHit hit = {.store = ev->store, .lib = view->lib, .at = ev->at, .fix_at = ev->fix_at,
               .text = ev->text, .container = ev->container_text, .via_call = ev->call != 0};
  /* the view is written inside what is stored (`keep.append((a[i], b))`): report it there */
  bool inside = false;
  if (view->expr && ev->at.mod == an->mi) {
    const VlExpr *vx = vl_expr(m, view->expr);
    inside = vx->start >= ev->at.start && vx->end <= ev->at.end;
    if (inside && (vx->start != ev->at.start || vx->end != ev->at.end)) {
      hit.at = (VlSpan){an->mi, vx->start, vx->end};
      hit.fix_at = vx->end;
      hit.text = vl_expr_text(an, view->expr);
    }
  }
  /* a callee's display holding the view its element made (`{"clip": clips[k]}`): the effect names
   * the element; the view made by the call, not one the caller passed in */
  if (!inside && ev->inner && view->expr == ev->call) inside = true;
  /* the stored value is a container another store put the view in (`groups.setdefault(k, [])
   * .append(a[i])`): report at that store, where the copy belongs */
  for (size_t i = 0; i < F->stores.len && !inside; i++) {
    const StoreEv *in = &F->stores.items[i];
    if (in == ev || in->at.mod != an->mi) continue;
    bool holds = false, into = false;
    for (uint16_t k = 0; k < in->value->n && !holds; k++) holds = in->value->objs[k] == view;
    for (uint16_t k = 0; k < in->container->n && holds && !into; k++)
      for (uint16_t j = 0; j < ev->value->n && !into; j++)
        into = in->container->objs[k]->site && in->container->objs[k]->site == ev->value->objs[j]->site;
    if (holds && into) {
      hit.at = in->at;
      hit.fix_at = in->fix_at;
      hit.text = in->text;
      inside = true;
    }
  }
  /* through a call, a view inside what the callee stores (`c[k] = [v] + c[k]`, `append([v])`,
   * `append(Transition(*args))` with the view among the caller's arguments): where the view is
   * written is not known here, and `.copy()` after the callee's stored expression would copy the
   * container (a namedtuple has no .copy()): no edit (fix_at 0) */
  bool direct = false; /* the stored value is the view (on some path), not a container holding it */
  for (uint16_t k = 0; k < ev->value->n && !direct; k++) direct = ev->value->objs[k] == view;
  if (!inside && ev->call && !direct) {
    hit.text = NULL;
    hit.fix_at = 0;
  }
  /* a container holding the view, made elsewhere (`pair = (a[0], b); keep.append(pair)`), or one whose
   * elements are stored (`keep.extend(feats)`): `.copy()` after it would copy the container (or
   * fail on a tuple), not the view; no edit */
  if (!inside && (!direct || ev->store == VL_ST_EXTEND)) hit.fix_at = 0;
  hit.holder = !inside && !direct && hit.text;
  /* one leak, one finding: a store reported whole (`out.extend(dets[k] for k in keep)` found by the
   * loop around a recursive call) and a view inside it reported at its own expression (`dets[k]`, found
   * by the recursion) are the same leak, whichever analysis reports first */
  bool moved = hit.at.start != ev->at.start || hit.at.end != ev->at.end;
  uint64_t inner_key = ((uint64_t)ev->at.mod->index << 32 | ev->at.start) | (uint64_t)1 << 63;
  bool same_store = false;
  if (moved && inside) same_store = vl_was_reported(an, ev->at, an->reported.len);
  for (size_t k = 0; !moved && k < an->reported.len && !same_store; k++) same_store = an->reported.items[k] == inner_key;
  if (same_store || !vl_report_once(an, hit.at)) {
    /* reported already (by another analysis of the same function, or of the callee whose store
     * this is): the container is still one filled by a reported store, so storing it again, or
     * handing it back, is the same leak (no second finding where a caller keeps it) */
    for (uint16_t k = 0; k < ev->container->n; k++)
      if (ev->container->objs[k]->site) VL_VEC_PUSH(&F->reported_into, ev->container->objs[k]->site);
    return;
  }
  hit.base = (VlSpan){an->mi, s->start, s->end};
  VlId stmt = 0;
  /* x, y = next(batches): the array is x, made by this statement (whatever made it in the callee) */
  const char *root = view_root(F, view, NULL);
  if (s->kind == VL_SITE_NEW && s->mod == an->mi && s->func == F->func && (stmt = unpacked_from(F, s->at, root))) {
    bool rebound = vl_expr(m, s->at)->op == VL_E_CALL && mentions(m, s->at, root, strlen(root), 0) && s->how == VL_HOW_COPY;
    hit.kind = rebound ? VL_HIT_REBOUND : VL_HIT_FRESH;
    hit.base_name = root;
    hit.base = (VlSpan){an->mi, m->stmts[stmt].start, m->stmts[stmt].end};
  } else {
    name_base(F, &hit, view, &stmt);
  }
  /* in this loop, VL001 when the array is carried from one iteration to the next, else VL002 */
  VlId bind = stmt;
  const char *bound = hit.base_name;
  LoopStmts ls; /* the binding statements of loop L's body, listed once (ls.m set) when first needed */
  ls.m = NULL;
  /* a view of a name whose statement binds a view of the new array (`x = (x - g).detach()`, then
   * `x[0].detach()` is stored): the name the view is taken of, through method calls and indexing */
  if (!bind && L && s->kind == VL_SITE_NEW && s->mod == an->mi && ev->at.mod == an->mi && view->expr) {
    VlId e = view->expr;
    for (int depth = 0; e && depth < 16; depth++) {
      const VlExpr *x = vl_expr(m, e);
      if (x->op == VL_E_NAME) break;
      e = x->op == VL_E_SUB || x->op == VL_E_ATTR || (x->op == VL_E_CALL && vl_expr(m, vl_kid(m, e, 0))->op == VL_E_ATTR)
              ? vl_kid(m, e, 0)
              : 0;
    }
    if (e && vl_expr(m, e)->op == VL_E_NAME && (bound = vl_expr_text(an, e)) && m->loops[L].kind != VL_LOOP_COMP) {
      loop_stmts(m, m->stmts[m->loops[L].node].b, &ls);
      int at = last_binding(m, &ls, ev->at.start, bound, strlen(bound));
      bind = at >= 0 ? ls.ids[at] : 0;
    }
  }
  VlId g = bind ? innermost_func(m, m->stmts[bind].start) : 0;
  const VlFunc *fn = vl_func(m, g ? g : F->func);
  bool in_loop = bind && L && m->stmts[bind].start >= m->loops[L].start && m->stmts[bind].end <= m->loops[L].end;
  /* bound before the loop, or with no loop here, in a function each iteration of a caller's loop
   * calls again (`desc = detect(img)` then `for i in keep: out.append(desc[i])`; a closure an
   * optimizer calls; a method the caller's loop calls): carried from one call to the next only through what outlives a call (an
   * attribute, `self.P = F @ self.P @ F.T`; a nonlocal or global name) */
  bool in_call = bind && !in_loop && g && g != VL_MODULE_FUNC && fn->body;
  int carry = -1;
  if (bind && bound && s->kind == VL_SITE_NEW && in_loop && m->loops[L].kind != VL_LOOP_COMP) {
    if (!ls.m) loop_stmts(m, m->stmts[m->loops[L].node].b, &ls);
    carry = carried(F, L, &ls, bind, bound);
  } else if (bind && bound && s->kind == VL_SITE_NEW && in_call) {
    loop_stmts(m, fn->body, &ls);
    carry = carried_in(F, g, &ls, 0, true, bind, bound);
  }
  switch (carry) {
  case 1: hit.kind = VL_HIT_REBOUND; break;
  case 0: hit.kind = VL_HIT_FRESH; break;
  default: break; /* not followed (a loop of very many statements), or not asked */
  }
  if (!hit.base_name && bind && bound) hit.base_name = bound; /* `x[0].detach()`: a view of `x` */
  hit.size = size_text(an, view->shape);
  if (stmt) hit.base = (VlSpan){an->mi, m->stmts[stmt].start, m->stmts[stmt].end};
  if (s->kind == VL_SITE_STEP && s->at) { /* a loop target: the loop statement */
    const VlLoop *lp = &m->loops[s->at];
    hit.base = (VlSpan){an->mi, lp->start, lp->start + 3};
  }
  /* through a callee's loop storing what a parameter's call made (loop_store_effects): that call
   * made the array, where the callee calls it */
  const VlEffect *ls_ef = ev->loop_store;
  if (ls_ef && ls_ef->made_end && s->kind == VL_SITE_NEW && s->at == ev->call) {
    hit.base = (VlSpan){ls_ef->at.mod, ls_ef->made_start, ls_ef->made_end};
    hit.base_name = ls_ef->name;
    hit.kind = VL_HIT_FRESH;
  }
  hit.recursion = recursion;
  if (ev->call) hit.loop = vl_expr_span(an, ev->call);
  else if (L) hit.loop = (VlSpan){an->mi, m->loops[L].start, m->loops[L].end};
  else if (recursion) hit.loop = (VlSpan){an->mi, vl_func(m, F->func)->start, vl_func(m, F->func)->end};
  else hit.loop = ev->at;
  (void)implicit;
  if (moved && inside) VL_VEC_PUSH(&an->reported, inner_key);
  an->sink->hit(an->sink->ctx, &hit);
  for (uint16_t k = 0; k < ev->container->n; k++)
    if (ev->container->objs[k]->site) VL_VEC_PUSH(&F->reported_into, ev->container->objs[k]->site);
}

static void debug_dump(const Frame *F) {
  const VlModule *m = M(F);
  VlBuf b = {0};
  vl_buf_printf(&b, "== %s %s\n", m->path, vl_str(m, vl_func(m, F->func)->qualname));
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    vl_buf_printf(&b, "  store kind=%u loop=%u call=%u implicit=%d at=%u-%u '%s'\n    container=", ev->store, ev->loop,
                  ev->call, ev->implicit, ev->at.start, ev->at.end, ev->text ? ev->text : "");
    vl_val_format(&b, ev->container, 0);
    vl_buf_printf(&b, "\n    value=");
    vl_val_format(&b, ev->value, 0);
    vl_buf_printf(&b, "\n");
  }
  for (size_t i = 0; i < F->clears.len; i++) {
    vl_buf_printf(&b, "  clear loop=%u%s container=", F->clears.items[i].loop,
                  F->clears.items[i].only_if_every ? " (if every iteration)" : "");
    vl_val_format(&b, F->clears.items[i].container, 0);
    vl_buf_printf(&b, "\n");
  }
  vl_buf_printf(&b, "  ret=");
  vl_val_format(&b, F->ret, 0);
  vl_buf_printf(&b, "\n");
  fputs(b.data ? b.data : "", stderr);
  vl_buf_free(&b);
}

/* Puts views in source order (where each is taken, then where its base is made): the order of a
 * value's objects is their addresses, which vary between runs and threads; which view a finding
 * names must not. */
static void source_order(const Frame *F, const VlObj **views, int n) {
  const VlModule *m = M(F);
  uint64_t key[16];
  uint32_t made[16]; /* two arrays one call makes (`model(tok, cache)`): the one its callees make first */
  for (int i = 0; i < n; i++) {
    const VlObj *v = views[i];
    uint32_t at = v->expr ? vl_expr(m, v->expr)->start + 1 : 0;
    key[i] = (uint64_t)at << 32 | (v->site ? v->site->start : 0);
    const VlSite *s = v->site;
    for (int d = 0; s && s->via && s->via->kind == VL_SITE_NEW && s->via->mod == F->an->mi && d < 16; d++) s = s->via;
    made[i] = s && s->mod == F->an->mi ? s->start : UINT32_MAX;
  }
  for (int i = 1; i < n; i++) /* (n <= 16: insertion sort) */
    for (int j = i; j > 0 && (key[j] < key[j - 1] || (key[j] == key[j - 1] && made[j] < made[j - 1])); j--) {
      uint64_t k = key[j];
      key[j] = key[j - 1], key[j - 1] = k;
      uint32_t d = made[j];
      made[j] = made[j - 1], made[j - 1] = d;
      const VlObj *t = views[j];
      views[j] = views[j - 1], views[j - 1] = t;
    }
}

/* A recursive function is its own loop: each call runs its body again.  A store, in any call, of
 * a partial view of an array this call makes into a container every call shares (the caller's,
 * passed down; a global; self's) keeps one whole array per recursive call. */
static void recursion_check(Frame *F, const Sites *escapes) {
  const VlModule *m = M(F);
  /* this frame's own stores first, then those the recursive call's summary applies: the same
   * statement reported once (its own store, when that already shows this call's array) */
  VL_VEC(VlSpan) reported = {0};
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < F->stores.len; i++) {
      const StoreEv *ev = &F->stores.items[i];
      if ((ev->call != 0) != (pass == 1)) continue;
      if (ev->loop || ev->implicit) continue; /* in a loop of its own: checked as such */
      bool again = false;
      for (size_t j = 0; j < reported.len && !again; j++)
        again = reported.items[j].mod == ev->at.mod && reported.items[j].start == ev->at.start &&
                reported.items[j].end == ev->at.end;
      if (again) continue;
      bool shared = false;
      for (uint16_t k = 0; k < ev->container->n && !shared; k++) shared = vl_caller_visible(F, ev->container->objs[k]);
      if (!shared || !outlives(F, ev, 0, escapes)) continue;
      const VlObj *views[16];
      int nviews = 0;
      stored_views(F, ev->value, ev->store == VL_ST_EXTEND, false, views, &nviews, 0);
      source_order(F, views, nviews);
      for (int k = 0; k < nviews; k++) {
        const VlSite *s = views[k]->site;
        if (!s || s->kind != VL_SITE_NEW || s->mod != F->an->mi || s->func != F->func || (s->step && s->step != VL_STEP_CALLEE))
          continue;
        if (whole_kept(F, s, 0, NULL, 0)) continue;
        report_as(F, ev, views[k], 0, false, true);
        VL_VEC_PUSH(&reported, ev->at);
        break;
      }
    }
  VL_VEC_FREE(&reported);
  (void)m;
}

/* A store a callee makes through a method of the caller's object, called in the callee's loop with an
 * array it made anew in each iteration (StoreEv.loop_call: `greedy_decode(model, ids, trace=trace)`
 * calling `trace.record(step, logits)` per step, in another module): the call is the loop, and a view of
 * an array made by the call (new at it) is of an array made anew in each of its iterations. */
static bool loop_call_check(Frame *F, const StoreEv *ev, const VlObj **views, int nviews, const Sites *escapes) {
  if (!ev->loop_call || !ev->call || !outlives(F, ev, 0, escapes)) return false;
  for (int k = 0; k < nviews; k++) {
    const VlSite *s = views[k]->site;
    /* (a callee's loop store of what its parameter's call made: resolved in place of the guess made
     * once per iteration of that loop, marked once per step: summary.c inst) */
    bool stepped = s && s->step && s->step != VL_STEP_CALLEE && !(ev->loop_store && s->step == 1);
    if (!s || s->kind != VL_SITE_NEW || stepped || s->mod != F->an->mi || s->func != F->func || s->at != ev->call)
      continue;
    if (whole_kept(F, s, 0, ev, 0) || pieces_show_all(F, s, 0)) continue;
    report(F, ev, views[k], 0, false);
    return true;
  }
  return false;
}

/* Is every iteration of loop l, and of each loop around it in the function, sure to reach `at`? */
static bool every_iteration_to_top(const Frame *F, VlId l, VlSpan at) {
  for (; l; l = M(F)->loops[l].parent)
    if (!every_iteration(F, l, at)) return false;
  return true;
}

/* `for row in rows: out.append(row)` on a parameter `rows`: ev stores the loop variable itself,
 * an element of the parameter the loop runs over, in every iteration. */
static bool stores_each_element_of_param(const Frame *F, const StoreEv *ev) {
  const VlModule *m = M(F);
  const VlLoop *lp = &m->loops[ev->loop];
  if (lp->kind == VL_LOOP_WHILE || !lp->target || !lp->iter || !ev->text || ev->value->n != 1) return false;
  const VlObj *o = ev->value->objs[0];
  if (o->kind != VL_O_SYM || o->sub != VL_SYM_ELEMV || !o->base || o->base->n != 1) return false;
  const VlObj *p = o->base->objs[0];
  const VlFuncInfo *fi = vl_an_func(F->an, F->func);
  if (p->kind != VL_O_SYM || p->sub != VL_SYM_PARAM || !fi || p->index >= fi->nparams) return false;
  VlId target = lp->target, iter = lp->iter;
  const VlExpr *ix = vl_expr(m, iter);
  /* for i, row in enumerate(rows): the second name, over rows */
  if (ix->op == VL_E_CALL && ix->nkids == 2 && vl_expr(m, target)->op == VL_E_TUPLE &&
      vl_expr(m, target)->nkids == 2 && strcmp(vl_expr_text(F->an, vl_kid(m, iter, 0)), "enumerate") == 0) {
    target = vl_kid(m, target, 1);
    iter = vl_kid(m, iter, 1);
  }
  const char *tt = vl_expr_text(F->an, target), *it = vl_expr_text(F->an, iter);
  return vl_expr(m, target)->op == VL_E_NAME && vl_expr(m, iter)->op == VL_E_NAME && tt && it &&
         strcmp(tt, ev->text) == 0 && strcmp(it, fi->params[p->index].name) == 0 &&
         every_iteration_to_top(F, ev->loop, ev->at);
}

/* Does `range(...)` call `it` count fewer items than `size`, both known (`range(3)`, `range(2, 8)`
 * against an axis of 100)?  Then its counter picks some slabs of that axis, not every one. */
static bool range_short_of(const Frame *F, VlId it, int64_t size) {
  const VlModule *m = M(F);
  const VlExpr *x = vl_expr(m, it);
  long lo = 0, hi = 0;
  if (size <= 0 || (x->nkids != 2 && x->nkids != 3)) return false;
  if (x->nkids == 3 && !const_int(F, vl_kid(m, it, 1), &lo)) return false;
  if (!const_int(F, vl_kid(m, it, x->nkids - 1), &hi)) return false;
  return hi - lo >= 0 && hi - lo < size;
}

/* A store a function makes in its loops, exported as an effect: when every iteration of the loops
 * around it, up to the function's top, stores one slab, and together they are every slab of each
 * view's base (`for j in range(a.shape[1]): results[k, j] = a[:, j]`, `for row in a: out.append(row)`),
 * one call keeps the whole base and nothing more, and a caller's loop calling it for each new
 * array keeps only what it is shown (and so when a loop counter picks the slabs, over a range this
 * function cannot relate to the axis: counter_slab).  Views of the function's own arrays are then exported as
 * showing their whole base (neither PARTIAL nor EVERY); for elements of a parameter the loop runs
 * over, the caller does the same to the rows of whole arrays it passes (`each_element`): rows of a
 * view it passes stay parts of that view's base. */
/* The slab of a whole base that ev stores is indexed by the counter of a loop around the store in
 * this function (`for split_idx in range(n_splits): results[...] = array[:, split_idx]`) whose
 * bound this function cannot relate to the axis (a closure variable that also shaped the array),
 * in every iteration of the loops from the store's out to that one: the loop may well store every
 * slab.  Seen from a caller, that is not reported.  A store under an if testing values picks some
 * slabs (`if sims[i].max() < t: kept.append(emb[i])`) of an array stored into the caller's
 * container; into a list handed back (`handed_back`), the caller still judges the list it stores
 * (analysis.c: handed_back_container_stores), so such a loop may store every row.  A range of known
 * length shorter than the axis's known size (`for j in range(3): out.append(desc[j])` of a
 * `(100, 8)` array) picks some slabs: a part. */
static bool counter_slab(const Frame *F, const StoreEv *ev, const VlObj *view, bool handed_back,
                         bool *open_size) {
  const VlModule *m = M(F);
  if (!view->expr || !(view->flags & VL_F_OF_WHOLE)) return false;
  int axis = 0;
  VlId index = single_index_item(m, view->expr, &axis);
  if (!index || vl_expr(m, index)->op != VL_E_NAME) return false;
  for (VlId l = ev->loop; l; l = m->loops[l].parent) {
    const VlLoop *lp = &m->loops[l];
    if (lp->kind == VL_LOOP_WHILE || !lp->target || !lp->iter) continue;
    const VlExpr *it = vl_expr(m, lp->iter);
    if (it->op != VL_E_CALL || it->nkids < 2) continue;
    const char *fn = vl_expr_text(F->an, vl_kid(m, lp->iter, 0));
    VlId counter = lp->target;
    if (fn && strcmp(fn, "enumerate") == 0 && vl_expr(m, lp->target)->op == VL_E_TUPLE)
      counter = vl_kid(m, lp->target, 0);
    else if (!fn || strcmp(fn, "range") != 0)
      continue;
    if (!vl_same_name(m, index, counter)) continue;
    /* a store under a test of values (`if scores[i] > t:`), or one a `break` may skip, picks some
     * slabs whatever the bound: a part (as slabs_every_row asks) */
    for (VlId k = ev->loop; !handed_back; k = m->loops[k].parent) {
      if (!every_iteration(F, k, ev->at)) return false;
      if (k == l) break;
    }
    bool sized = view->shape && view->shape->n > axis && !view->shape->upper && view->shape->dims[axis] > 0;
    /* a range of known length against an axis whose size is not known here (`np.random.randn(n, 512)`
     * with n a parameter): a caller passing the size decides (VlSummary.size_deferred) */
    if (counter == lp->target && !sized && range_short_of(F, lp->iter, INT64_MAX)) *open_size = true;
    return !(counter == lp->target && sized && range_short_of(F, lp->iter, view->shape->dims[axis]));
  }
  return false;
}

/* Does every store this function makes into the container of `site` put in pieces that are each one
 * of every piece of their base, stored in every iteration (`return [a[i] for i in range(len(a))]`,
 * `for row in a: out.append(row)`), with nothing emptied from it?  Then, over one call, the container
 * holds all of each such base (a list made in one go of every piece, as `list(a)` is).  The views
 * that made it so are put in `views` (at most `max`, *n of them). */
bool vl_fills_every_piece(const Frame *F, const VlSite *site, const VlObj **views, int max, int *n) {
  *n = 0;
  if (!site || F->func == VL_MODULE_FUNC) return false;
  for (size_t i = 0; i < F->clears.len; i++)
    for (uint16_t k = 0; k < F->clears.items[i].container->n; k++)
      if (F->clears.items[i].container->objs[k]->site == site) return false;
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    bool into = false;
    for (uint16_t k = 0; k < ev->container->n && !into; k++) into = ev->container->objs[k]->site == site;
    if (!into) continue;
    if (ev->call || ev->implicit || !ev->loop || ev->store == VL_ST_EXTEND) return false;
    const VlObj *vs[16];
    int nv = 0;
    stored_views(F, ev->value, false, false, vs, &nv, 0);
    for (int k = 0; k < nv; k++) {
      if (!stores_every_piece(F, ev, vs[k], 0, false) && !indexes_every_row(F, ev, vs[k], 0)) return false;
      if (*n >= max) return false;
      views[(*n)++] = vs[k];
    }
  }
  return *n > 0;
}

/* Is the store of effect ef made once on every call of this function: no loop around it, reached
 * from the top of the body whenever it runs (reached_in_block)? */
static bool store_every_call(const Frame *F, const VlEffect *ef) {
  const VlModule *m = M(F);
  if (ef->kind != VL_EFF_STORE || ef->at.mod != F->an->mi || F->func == VL_MODULE_FUNC) return false;
  bool any = false;
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    if (ev->at.mod != ef->at.mod || ev->at.start != ef->at.start || ev->at.end != ef->at.end) continue;
    if (ev->call || ev->loop || ev->implicit) return false;
    any = true;
  }
  return any && reached_in_block(F, m->funcs[F->func].body, ef->at, true, 0);
}

void vl_effect_over_call(Frame *F, VlEffect *ef, bool handed_back) {
  ef->every_call = store_every_call(F, ef);
  if (ef->kind != VL_EFF_STORE || ef->store == VL_ST_EXTEND || !ef->value || F->func == VL_MODULE_FUNC) return;
  bool any = false, elements = true;
  for (size_t i = 0; i < F->stores.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    /* (a callee's store, made on every call of it: judged at the call, stores_every_piece) */
    if ((ev->call ? !ev->every_call : ef->at.mod != F->an->mi) || ev->at.mod != ef->at.mod ||
        ev->at.start != ef->at.start || ev->at.end != ef->at.end)
      continue;
    if (!ev->loop) return;
    any = true;
    elements = elements && stores_each_element_of_param(F, ev);
    const VlObj *views[16];
    int nviews = 0;
    stored_views(F, ev->value, false, false, views, &nviews, 0);
    for (int k = 0; k < nviews; k++) {
      bool open_size = false;
      bool every = stores_every_piece(F, ev, views[k], 0, false) || indexes_every_row(F, ev, views[k], 0) ||
                   counter_slab(F, ev, views[k], handed_back, &open_size);
      if (open_size) F->size_deferred = true;
      if (!every) return;
    }
  }
  if (!any) return;
  ef->each_element = elements;
  const VlObj *out[VL_VAL_MAX + 1];
  uint16_t n = 0;
  for (uint16_t i = 0; i < ef->value->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *o = ef->value->objs[i];
    if (o->kind == VL_O_ARRAY && o->sub && (o->flags & (VL_F_PARTIAL | VL_F_EVERY))) {
      VlObj c = *o;
      c.flags &= (uint8_t)~(VL_F_PARTIAL | VL_F_EVERY);
      o = vl_obj(F->an->vals, c);
    }
    out[n++] = o;
  }
  ef->value = vl_val_of(F->an->vals, out, n);
}

/* ---- hooks and callbacks: a library's loop calling a registered function ----
 *
 * `module.register_forward_hook(fn)`: PyTorch calls fn(module, input, output) at every forward call,
 * and `output` is the tensor that call made; `register_forward_pre_hook(fn)` calls fn(module, args)
 * before it, args the tuple of that call's arguments (args[0] the new input);
 * `scipy.optimize.minimize(..., callback=fn)` calls fn(xk) at every iteration with a new iterate
 * (every method of SciPy 1.10; trust-constr adds a state argument).  A function that appends a part
 * of that array (`output[:, 0]`, `args[0][:, :4]`, `xk[:2]`) to a list that outlives the call
 * (self.features, a global, a closure's) keeps every call's whole array alive: the calls are the
 * loop.  Only appends, extends and heap pushes count (a dict keyed by the layer's name,
 * `activation[name] = ...`, holds one per hook), only parts a subscript with array evidence takes
 * (`output[0]` may be the first of a tuple of outputs; xk is a 1-D ndarray, so a narrowing slice of
 * it is one), and a function that also keeps the whole array is silent. */

/* The index of fn's parameter that receives the new array: a forward hook's `output` (three
 * parameters after a bound method's self), a pre-hook's `args` (two: module, args), an optimizer
 * callback's `xk` (first of one to three: trust-constr's state, basinhopping's f and accept); or -1.
 * A functools.partial binding `pos` arguments first and `kw` by keyword (`partial(hook, name)`,
 * `partial(self._hook, name=name)`): the library's arguments come after the positional ones, and the
 * keyword ones are further parameters.  Parameters after those with defaults (`def hook(m, args,
 * name=name)`, a loop's name bound at definition) or `**kwargs` take nothing from the library. */
static int hook_param(const VlFuncInfo *fi, bool bound, uint8_t kind, int pos, int kw) {
  if (!bound && fi->klass) return -1;
  int n = (kind == VL_HOOK_FORWARD ? 3 : kind == VL_HOOK_PRE ? 2 : 1) + bound + pos;
  if (kind == VL_HOOK_OPTIMIZER || kind == VL_HOOK_SOLVER) return fi->nparams >= n + kw && fi->nparams <= n + kw + 2 ? n - 1 : -1; /* (x, f, accept) */
  if (fi->nparams < n + kw) return -1;
  for (int i = n + kw; i < fi->nparams; i++)
    if (fi->params[i].kind != VL_P_KWARGS && (fi->params[i].kind == VL_P_VARARGS || fi->params[i].dflt == VL_DFLT_ABSENT))
      return -1;
  return n - 1;
}

static bool is_param(const VlObj *o, int p) {
  return o && o->kind == VL_O_SYM && o->sub == VL_SYM_PARAM && (int)o->index == p;
}

/* p[...] deferred on parameter p (what it is, the caller knows): its index, or false. */
static bool param_subscript(const VlObj *o, int p, Index *ix) {
  if (!o || o->kind != VL_O_SYM || o->sub != VL_SYM_SUBV || !o->base || o->base->n != 1 || !is_param(o->base->objs[0], p))
    return false;
  vl_unpack_index(o->index, ix);
  return true;
}

/* p[k] for one integer k: an item of a tuple, or a row of an array */
static bool param_item(const VlObj *o, int p) {
  Index ix;
  return param_subscript(o, p, &ix) && ix.n == 1 && ix.kind[0] == IX_INT;
}

/* A view of a forward hook's output: its site is `output`, or `output[k]` (a layer returning a
 * tuple, unwrapped by `hidden = output[0] if isinstance(output, tuple) else output`: the item is a
 * tensor that call made, and a part of it, as a part of a row of a tensor output, shows part). */
static bool is_output(const VlObj *o, int out) {
  const VlSite *s = o->site;
  return s && s->kind == VL_SITE_SYM && s->sym && (is_param(s->sym, out) || param_item(s->sym, out));
}

/* A pre-hook's input: its site is an item of the `args` tuple, args[0] (the tuple PyTorch builds
 * from the forward call's positional arguments). */
static bool is_input(const VlObj *o, int args) {
  Index ix;
  return o->site && o->site->kind == VL_SITE_SYM && param_subscript(o->site->sym, args, &ix) && ix.n == 1 &&
         ix.kind[0] == IX_INT;
}

/* Is o the new array itself (a whole: output, args[k], xk), or a part of it (a partial view)? */
static bool hook_whole(const VlObj *o, int p, uint8_t kind) {
  Index ix;
  return is_param(o, p) || (kind == VL_HOOK_PRE && param_subscript(o, p, &ix)) ||
         (kind == VL_HOOK_FORWARD && param_item(o, p)) || /* output[0]: maybe a tuple's whole tensor */
         (o->kind == VL_O_ARRAY && !(o->flags & VL_F_PARTIAL) && (kind == VL_HOOK_PRE ? is_input(o, p) : is_output(o, p)));
}

static bool hook_part(const VlObj *o, int p, uint8_t kind) {
  if (o->kind == VL_O_ARRAY)
    return o->sub && (o->flags & VL_F_PARTIAL) && !(o->flags & VL_F_EVERY) &&
           (kind == VL_HOOK_PRE ? is_input(o, p) : is_output(o, p));
  Index ix; /* xk[:2]: slices of the 1-D iterate, narrowing it */
  if (kind != VL_HOOK_OPTIMIZER || !param_subscript(o, p, &ix)) return false;
  bool narrows = false;
  for (int i = 0; i < ix.n; i++) {
    if (ix.kind[i] != IX_SLICE) return false;
    narrows |= ix.narrows[i];
  }
  return ix.n == 1 && narrows;
}

/* xk[::self.stride]: a slice of the iterate whose step the callback reads from the object it is bound
 * to (or a default): a part when that step, read with the receiver the registration passes, is a
 * share of a length (`max(1, n // 256)`: interp.c: describe_slice).  The callback is applied to a new
 * 1-D array standing for the iterate; the view must be of it. */
static bool hook_part_resolved(Frame *F, const VlObj *o, int p, const VlFuncInfo *fi, const VlSummary *s,
                               const VlVal *self, uint8_t lib, VlId call) {
  Index ix;
  if (!param_subscript(o, p, &ix) || ix.n != 1 || ix.kind[0] != IX_SLICE || ix.narrows[0] || !o->nitems) return false;

  int at = p - (self != NULL);
  if (at < 0 || at >= VL_MAX_ARGS) return false;
  Args a = {0};
  const VlVal *fresh = vl_new_array(F, VL_HOW_PRODUCER, lib, vl_nd_exact(1), call);
  for (int k = 0; k < at; k++) a.pos[k] = vl_unknown(F->an->vals);
  a.pos[at] = fresh;
  a.npos = at + 1;
  const VlVal *r = vl_summary_value(F, fi, s, self, &a, vl_val1(F->an->vals, o), call);
  bool part = r->n > 0;
  for (uint16_t k = 0; k < r->n; k++) {
    const VlObj *v = r->objs[k];
    const VlSite *vs = v->site, *fs = fresh->objs[0]->site; /* (the call's site, maybe re-made by it) */
    part &= v->kind == VL_O_ARRAY && v->sub && (v->flags & VL_F_PARTIAL) && vs && vs->kind == VL_SITE_NEW &&
            vs->mod == fs->mod && vs->func == fs->func && vs->at == fs->at;
  }
  return part;
}

/* A part of an array the callback itself makes anew at each call (`lap = stencil(v)`, then
 * `probes.append(lap[n // 2])`): its site is a new array of fi's own body, and the library calls fi
 * in its loop, so every part kept pins one whole array per iteration (optimizer callbacks and a
 * LinearOperator's matvec). */
static bool fresh_part(const VlObj *o, const VlFuncInfo *fi) {
  const VlSite *s = o->site;
  return o->kind == VL_O_ARRAY && o->sub && (o->flags & VL_F_PARTIAL) && !(o->flags & VL_F_EVERY) && s &&
         s->kind == VL_SITE_NEW && !s->step && s->mod == fi->mod && s->func == fi->id;
}

/* Does one of the function's stores keep, whole, the array made at o's site (`self.last = lap`)? */
static bool fresh_kept_whole(const VlSummary *s, const VlObj *o) {
  for (uint32_t e = 0; e < s->neffects; e++) {
    const VlEffect *ef = &s->effects[e];
    for (uint16_t k = 0; ef->kind == VL_EFF_STORE && ef->value && k < ef->value->n; k++) {
      const VlObj *w = ef->value->objs[k];
      if (w->kind == VL_O_ARRAY && !(w->flags & VL_F_PARTIAL) && w->site == o->site) return true;
    }
  }
  return false;
}

/* The function a registered value calls: a function or bound method, or an instance's __call__. */
static const VlFuncInfo *hook_func(Frame *F, const VlObj *fn, bool *bound) {
  Analysis *an = F->an;
  if (fn->kind == VL_O_INST && fn->base && fn->base->n == 1 && fn->base->objs[0]->kind == VL_O_CLASS) {
    const VlObj *c = fn->base->objs[0];
    const VlClassInfo *k = c->mod == an->mi ? vl_an_class(an, c->func) : c->func < c->mod->nclasses ? &c->mod->classes[c->func] : NULL;
    *bound = true;
    return k ? vl_class_method(F, k, "__call__", 0) : NULL;
  }
  if (fn->kind != VL_O_FUNC || !fn->mod) return NULL; /* (a partial's arguments: hook_param) */
  *bound = fn->base != NULL;
  return fn->mod == an->mi ? vl_an_func(an, fn->func) : fn->func < fn->mod->nfuncs ? &fn->mod->funcs[fn->func] : NULL;
}

void vl_hook_registered(Frame *F, const VlVal *fn) {
  for (uint16_t i = 0; i < fn->n; i++) {
    bool bound;
    const VlFuncInfo *fi = hook_func(F, fn->objs[i], &bound);
    if (fi && fi->mod == F->an->mi) vl_func_summary(F->an, fi->id);
  }
}

static void hook_check(Frame *F) {
  Analysis *an = F->an;
  const char *member;
  for (size_t r = 0; r < F->hooks.len; r++) {
    uint8_t kind = F->hooks.items[r].kind;
    const VlLibrary *lib = vl_knowledge_library(an->know, kind == VL_HOOK_OPTIMIZER ? "numpy" : "torch", &member);
    const VlVal *fv = F->hooks.items[r].fn;
    for (uint16_t i = 0; lib && i < fv->n; i++) {
      bool bound = false;
      const VlFuncInfo *fi = hook_func(F, fv->objs[i], &bound);
      const VlObj *fo = fv->objs[i];
      int pos = fo->kind == VL_O_FUNC ? (int)(fo->index < fo->nitems ? fo->index : fo->nitems) : 0;
      int kw = fo->kind == VL_O_FUNC ? (int)fo->nitems - pos : 0;
      int out = fi ? hook_param(fi, bound, kind, pos, kw) : -1;
      if (out < 0) continue;
      const VlSummary *s = fi->mod == an->mi ? vl_func_summary(an, fi->id) : fi->summary;
      if (!s) continue;
      bool whole = false; /* the function keeps the whole array too */
      for (uint32_t e = 0; e < s->neffects && !whole; e++) {
        const VlEffect *ef = &s->effects[e];
        for (uint16_t k = 0; ef->kind == VL_EFF_STORE && ef->value && k < ef->value->n && !whole; k++)
          whole = hook_whole(ef->value->objs[k], out, kind);
      }
      for (uint32_t e = 0; e < s->neffects && !whole; e++) {
        const VlEffect *ef = &s->effects[e];
        if (ef->kind != VL_EFF_STORE || !ef->value || ef->at.mod != an->mi ||
            (ef->store != VL_ST_APPEND && ef->store != VL_ST_EXTEND && ef->store != VL_ST_HEAPPUSH))
          continue;
        const VlObj *view = NULL;
        bool view_fresh = false;
        bool other = false; /* a copy on another path: silent (args[0][:, :4] is also the subscript
                               deferred on the tuple item: a symbol, no other path); a part on each
                               path (`if isinstance(output, tuple): output = output[0]`) is a part */
        /* (the receiver: an instance called through __call__, a bound method's object; only with the
         * library's arguments alone, no partial's) */
        const VlVal *self = !bound ? NULL : fo->kind == VL_O_INST ? vl_val1(an->vals, fo) : fo->base;
        for (uint16_t k = 0; k < ef->value->n; k++) {
          const VlObj *o = ef->value->objs[k];
          bool fresh = (kind == VL_HOOK_OPTIMIZER || kind == VL_HOOK_SOLVER) && fresh_part(o, fi);
          if (fresh && fresh_kept_whole(s, o)) {
            other = true;
          } else if (fresh || (kind != VL_HOOK_SOLVER && hook_part(o, out, kind)) ||
              (kind == VL_HOOK_OPTIMIZER && !pos && !kw && (!bound || self) &&
               hook_part_resolved(F, o, out, fi, s, self, lib->id, F->hooks.items[r].call))) {
            if (!view) {
              view = o;
              view_fresh = fresh;
            }
          } else if (kind != VL_HOOK_PRE || o->kind != VL_O_SYM)
            other = true;
        }
        if (!view || other) continue;
        if (!vl_report_once(an, ef->at)) continue;
        const VlFunc *hf = fi->mod == an->mi ? vl_func(M(F), fi->id) : NULL;
        VlId bound_at = 0; /* (a fresh array: the name its statement binds) */
        const char *fresh_name = !view_fresh ? NULL
                                 : view->site->mod == an->mi ? vl_assigned_name(an, view->site->at, &bound_at)
                                                             : view->site->bound;
        VlHit hit = {.kind = VL_HIT_FRESH, .store = ef->store, .lib = lib->id, .at = ef->at, .fix_at = ef->fix_at,
                     .text = ef->text, .container = ef->container,
                     .hook = kind == VL_HOOK_FORWARD || kind == VL_HOOK_PRE,
                     .optimizer = kind == VL_HOOK_OPTIMIZER, .solver = kind == VL_HOOK_SOLVER,
                     .base_name = view_fresh ? fresh_name : fi->params[out].name,
                     .base = view_fresh  ? (VlSpan){view->site->mod, view->site->start, view->site->end}
                             : hf        ? (VlSpan){an->mi, hf->start, hf->start}
                                         : vl_expr_span(an, F->hooks.items[r].call),
                     .loop = vl_expr_span(an, F->hooks.items[r].call)};
        an->sink->hit(an->sink->ctx, &hit);
      }
    }
  }
}

/* Does store ev put a container (or a tuple holding one) that other stores fill (`d.setdefault(k,
 * [])` then `.append(v)` into it)?  Such a store is checked after the others: a leak found where the
 * container is filled is reported there once (report: reported_into), not again where it is put. */
static bool puts_filled_container(const Frame *F, const StoreEv *ev, const VlVal *v, int depth) {
  for (uint16_t i = 0; v && depth < 2 && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_SEQ) continue;
    for (uint16_t k = 0; o->sub == VL_SEQ_TUPLE && k < o->nitems; k++)
      if (puts_filled_container(F, ev, o->items[k], depth + 1)) return true;
    for (size_t s = 0; o->site && s < F->stores.len; s++) {
      const StoreEv *other = &F->stores.items[s];
      for (uint16_t c = 0; other != ev && c < other->container->n; c++)
        if (other->container->objs[c]->site == o->site) return true;
    }
    if (o->base && puts_filled_container(F, ev, o->base, depth + 1)) return true; /* a copy of one */
    /* a record holding one, `tracks.append({"id": k, "history": {}})` (kept_by_stored_instance) */
    const VlHeapEntry *e = ev->store != VL_ST_EXTEND && o->site && o->sub != VL_SEQ_TUPLE ? vl_heap_find(F, o->site) : NULL;
    if (e && puts_filled_container(F, ev, e->elem, depth + 1)) return true;
  }
  return false;
}

/* Does v hold deferred call c, or an operation on its result (`out[:, :4]`, `out.detach()`), or a
 * tuple of one? */
static bool holds_deferred(const VlVal *v, const VlObj *c, int depth) {
  for (uint16_t i = 0; v && depth < 8 && i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o == c) return true;
    if (o->kind == VL_O_ARRAY && o->site && o->site->kind == VL_SITE_SYM && o->site->sym == c) return true;
    if (o->kind == VL_O_SYM && holds_deferred(o->base, c, depth + 1)) return true;
    for (uint16_t k = 0; o->kind == VL_O_SEQ && o->sub == VL_SEQ_TUPLE && k < o->nitems; k++)
      if (holds_deferred(o->items[k], c, depth + 1)) return true;
  }
  return false;
}

/* A loop of this function storing what a parameter's call makes (`for x in loader: kept.append(model(x))`,
 * ops.c: param_loop_call) into a container that outlives that loop: which model runs, and whether its
 * output is a view, the caller knows.  The store becomes an effect marked loop_call: a caller applying
 * it checks it with the call as the loop (loop_call_check), as it does the stores of a method a loop
 * calls on its object.  A caller in this module analyses this function again for the project objects
 * it passes, and finds the leak here then; one in another module has only this summary, and an object
 * no analysis binds (a library container of project modules) stays a parameter in any. */
static void loop_store_effects(Frame *F, const Sites *escapes) {
  const VlModule *m = M(F);
  if (F->func == VL_MODULE_FUNC) return;
  for (size_t i = 0; i < F->stores.len && F->param_loop_calls.len; i++) {
    const StoreEv *ev = &F->stores.items[i];
    if (!ev->loop || ev->call || ev->implicit) continue;
    for (size_t j = 0; j < F->param_loop_calls.len; j++) {
      VlId L = F->param_loop_calls.items[j].loop;
      if (!loop_within(m, ev->loop, L) || !holds_deferred(ev->value, F->param_loop_calls.items[j].call, 0) ||
          !outlives(F, ev, L, escapes))
        continue;
      const VlObj *c = F->param_loop_calls.items[j].call;
      VlEffect ef = {.kind = VL_EFF_STORE, .store = ev->store, .key_varies = ev->key_varies, .loop_call = true,
                     .target = ev->container, .value = ev->value, .at = ev->at, .fix_at = ev->fix_at,
                     .text = ev->text, .container = ev->container_text};
      if (c->expr) {
        VlId stmt = 0;
        ef.name = vl_assigned_name(F->an, c->expr, &stmt);
        const VlExpr *x = vl_expr(m, c->expr);
        ef.made_start = stmt ? m->stmts[stmt].start : x->start;
        ef.made_end = stmt ? m->stmts[stmt].end : x->end;
      }
      VL_VEC_PUSH(&F->effects, ef);
      break;
    }
  }
}

void vl_retain_check(Frame *F) {
  const VlModule *m = M(F);
  bool debug = F->an->debug;
  if (debug) debug_dump(F);
  Sites escapes = {0};
  escaping(F, &escapes);
  /* stores putting a container others fill go last (puts_filled_container) */
  bool *later = F->stores.len ? calloc(F->stores.len, sizeof *later) : NULL;
  for (size_t i = 0; later && i < F->stores.len; i++)
    later[i] = puts_filled_container(F, &F->stores.items[i], F->stores.items[i].value, 0);
  for (size_t j = 0; j < 2 * F->stores.len; j++) {
    size_t i = j % F->stores.len;
    if ((j < F->stores.len) == (later && later[i])) continue;
    const StoreEv *ev = &F->stores.items[i];
    const VlObj *views[16];
    int nviews = 0;
    stored_views(F, ev->value, ev->store == VL_ST_EXTEND, false, views, &nviews, 0);
    source_order(F, views, nviews);
    if (!nviews) continue;
    bool done = false;
    /* the implicit loop of list(generator) first, then the loops around the store, innermost out */
    for (int pass = ev->implicit ? 0 : 1; pass < 2 && !done; pass++) {
      for (VlId L = pass == 0 ? 0 : ev->loop; !done; L = m->loops[L].parent) {
        bool implicit = pass == 0;
        if (!implicit && !L) break;
        bool out = outlives(F, ev, L, &escapes);
        if (debug) fprintf(stderr, "  check '%s' loop %u implicit %d: container %s\n", ev->text ? ev->text : "", L, implicit,
                           out ? "outlives" : "does not outlive");
        if (!out) {
          if (implicit) break;
          if (L && m->loops[L].parent) continue;
          break;
        }
        for (int k = 0; k < nviews && !done; k++) {
          const VlObj *v = views[k];
          bool fresh = per_iteration(F, v->site, L, implicit),
               whole = fresh && (whole_kept(F, v->site, L, ev, v->expr) || stores_every_piece(F, ev, v, L, implicit) ||
                                 indexes_every_row(F, ev, v, L) || pieces_show_all(F, v->site, L) ||
                                 list_item_escapes(F, v->site, &escapes) || unsure_part_of_listed(F, v));
          if (debug) fprintf(stderr, "    view site %u: %s%s\n", v->site ? v->site->start : 0,
                             fresh ? "new in each iteration" : "not new in each iteration", whole ? ", kept whole too" : "");
          if (!fresh || whole) continue;
          report(F, ev, v, L, implicit);
          done = true;
        }
        if (implicit || !L) break;
      }
    }
    if (!done) done = loop_call_check(F, ev, views, nviews, &escapes);
  }
  free(later);
  loop_store_effects(F, &escapes);
  if (F->func != VL_MODULE_FUNC && F->an->fd[F->func].recursed) recursion_check(F, &escapes);
  hook_check(F);
  VL_VEC_FREE(&escapes);
}
