/* summary.c: applying a function's summary at a call.
 *
 * A summary speaks of symbols: the function's parameters, attributes of them, globals, closure
 * cells, and operations on those it could not decide alone.  At a call, each symbol is replaced by
 * the caller's value and each deferred operation is done again on the real operands (with the same
 * semantics, ops.c).  Objects the callee makes are new at every call: their sites become the call
 * expression in the caller (keeping the callee's site as `via`, for messages).  The callee's effects
 * (stores into containers the caller can see, attributes set, containers cleared) happen in the
 * caller, inside whatever loop the call is in: that is how a loop in a caller sees what a callee
 * stores and rebinds on each call.
 *
 * Objects assumed from use (an unknown callable's result used as an array) are dropped when the
 * deferred operation beside them resolves to something known. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/ptrmap.h"
#include "flow/analysis.h"

typedef struct Subst {
  Frame *F;
  const VlFuncInfo *fi;
  const VlVal *params[64];
  uint16_t nparams;
  VlId call;
  int depth;
  VlPtrMap memo; /* values are shared (interned), so each is substituted once */
  const VlObj *closure; /* the cells the called function's value captured: a tuple by slot, whose
                           `mod` and `func` name the function that owns them */
  const VlVal *rebound[64]; /* per cell slot: what the function itself rebinds it to (`nonlocal s;
                               s = ...`): a later call reads that too */
  bool yields; /* substituting what a generator yields: a deferred operation it runs once per step
                  that stays deferred here (`yield from steps(env)` with env a parameter) is still
                  run once per step */
} Subst;

static const VlVal *memo_get(const Subst *S, const VlVal *k) { return vl_ptrmap_get(&S->memo, k); }
static void memo_put(Subst *S, const VlVal *k, const VlVal *v) { vl_ptrmap_put(&S->memo, k, v); }
static void memo_free(Subst *S) { vl_ptrmap_free(&S->memo); }

static VlValues *V(const Frame *F) { return F->an->vals; }

static const VlVal *inst(Subst *S, const VlVal *v);

/* v, with each row of a whole array (one of every piece) counted as showing its whole base: all of
 * them are stored (VlEffect.each_element). */
static const VlVal *shown_whole(Frame *F, const VlVal *v) {
  const VlObj *out[VL_VAL_MAX + 1];
  uint16_t n = 0;
  for (uint16_t i = 0; i < v->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind == VL_O_ARRAY && o->sub && (o->flags & VL_F_EVERY)) {
      VlObj c = *o;
      c.flags &= (uint8_t)~(VL_F_PARTIAL | VL_F_EVERY);
      o = vl_obj(V(F), c);
    }
    out[n++] = o;
  }
  return vl_val_of(V(F), out, n);
}

/* A key that is one constant (an int, a literal string, None): each call stores into the same slot. */
static bool constant_key(const VlVal *key) {
  if (!key || !key->n) return false;
  for (uint16_t i = 0; i < key->n; i++) {
    const VlObj *o = key->objs[i];
    if (!((o->kind == VL_O_INT && o->num_known) || (o->kind == VL_O_STR && o->name) || o->kind == VL_O_NONE))
      return false;
  }
  return true;
}
static const VlObj *inst_plain_sym(Subst *S, const VlObj *sym);

/* Is callee site s (of the callee's own making) one made again in every iteration of one of its loops:
 * the target of its loop, or an object made by an expression its loop runs (a comprehension's clause
 * too; a `while` loop's only as analysis.c: vl_site_looped says; a callee of another module,
 * whose IR is gone, had it recorded as `looped` when exported)?  Then the call makes many, one per
 * iteration of that loop (a list the callee fills and returns, a queue its thread's run() fills for
 * __next__ to hand out). */
static bool made_per_iteration(Subst *S, const VlSite *s) {
  if (s->kind == VL_SITE_STEP) return s->at != 0; /* (a `for` loop's target, or a comprehension's) */
  if (s->kind != VL_SITE_NEW || s->step) return false;
  /* (another module's: marked when exported) */
  return s->mod == S->F->an->mi ? vl_site_looped(S->F->an, s) : s->looped;
}

/* A site of the callee's own making becomes new at the call; others stay what they are.  One the
 * callee makes in every iteration of its loop is marked VL_STEP_CALLEE, as the objects of a list its
 * filling loop made are marked listed (ops.c: filled_per_step): a loop of the caller that takes them
 * one at a time sees a new one at each step. */
static const VlSite *reloc(Subst *S, const VlSite *s) {
  if (!s) return s;
  if (s->kind == VL_SITE_ANY || s->kind == VL_SITE_SYM) {
    VlSite c = *s;
    if (s->kind == VL_SITE_SYM) c.sym = inst_plain_sym(S, s->sym);
    return vl_site(V(S->F), c);
  }
  if (!S->fi || s->mod != S->fi->mod || s->func != S->fi->id) {
    if (s->mod == S->F->an->mi) return s;
    VlSite c = *s; /* another module's object: re-interned, unchanged */
    c.via = NULL;
    return vl_site(V(S->F), c);
  }
  Frame *F = S->F;
  const VlExpr *x = vl_expr(F->an->m, S->call);
  uint8_t step = s->kind == VL_SITE_NEW ? s->step : 0;
  if (!step && made_per_iteration(S, s)) step = VL_STEP_CALLEE;
  VlSite c = {.kind = VL_SITE_NEW, .how = s->how, .step = step, .mod = F->an->mi,
              .func = F->func, .at = S->call, .start = x->start, .end = x->end, .via = s};
  return vl_site(V(F), c);
}

static bool symbolic(const VlObj *o) {
  return o->kind == VL_O_SYM || (o->site && o->site->kind == VL_SITE_SYM);
}

/* What resolving the callee's deferred operation `o` made here (new at this call) was made by the
 * callee's expression: its site says so in `via`, as a relocated one does, for messages. */
static const VlVal *made_by_callee(Subst *S, const VlObj *o, const VlVal *r) {
  Frame *F = S->F;
  if (!o->expr || !S->fi || S->fi->mod != F->an->mi) return r;
  const VlObj *out[VL_VAL_MAX + 1];
  int n = 0;
  bool changed = false;
  for (uint16_t i = 0; i < r->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *x = r->objs[i];
    const VlSite *s = x->site;
    if (s && s->kind == VL_SITE_NEW && !s->via && s->mod == F->an->mi && s->func == F->func && s->at == S->call) {
      const VlExpr *e = vl_expr(F->an->m, o->expr);
      VlSite there = {.kind = VL_SITE_NEW, .how = s->how, .step = VL_STEP_DEFERRED, .mod = F->an->mi,
                      .func = S->fi->id, .at = o->expr, .start = e->start, .end = e->end};
      VlSite c = *s;
      c.via = vl_site(V(F), there);
      VlObj y = *x;
      y.site = vl_site(V(F), c);
      x = vl_obj(V(F), y);
      changed = true;
    }
    out[n++] = x;
  }
  return changed ? vl_val_of(V(F), out, (size_t)n) : r;
}

/* What resolving a deferred operation made here that a generator runs once per step: new at
 * every step (marked so for the loop that consumes the generator). */
static const VlVal *per_step_here(Subst *S, const VlVal *r);
static const VlVal *per_step_map(Frame *F, const VlVal *v, void *ctx) {
  (void)F;
  return per_step_here(ctx, v);
}

static bool deferred_op(const VlObj *x, const void *ctx) {
  (void)ctx;
  return x->kind == VL_O_SYM && x->sub != VL_SYM_PARAM;
}

/* The deferred operations among r, flagged as run once per step. */
static const VlVal *still_per_step(Subst *S, const VlVal *r) {
  return vl_val_flag(V(S->F), r, VL_F_PER_STEP, deferred_op, NULL);
}

static const VlVal *per_step_here(Subst *S, const VlVal *r) {
  Frame *F = S->F;
  const VlObj *out[VL_VAL_MAX + 1];
  int n = 0;
  bool changed = false;
  for (uint16_t i = 0; i < r->n && n < VL_VAL_MAX + 1; i++) {
    const VlObj *x = r->objs[i];
    const VlSite *s = x->site;
    bool holder = x->kind == VL_O_INST || x->kind == VL_O_SEQ;
    if (x->kind == VL_O_SEQ && x->sub == VL_SEQ_TUPLE && S->depth < 40) {
      /* a tuple the deferred call returned (`obs, r = env.step(a)`): its parts, which it holds itself
       * and not in the heap, are new at each step too */
      const VlVal *items[64];
      VlObj y = *x;
      S->depth++;
      for (uint16_t k = 0; k < x->nitems && k < 64; k++) items[k] = per_step_here(S, x->items[k]);
      if (x->nitems) y.items = items;
      if (y.nitems > 64) y.nitems = 64;
      if (x->elem) y.elem = per_step_here(S, x->elem);
      S->depth--;
      const VlObj *z = vl_obj(V(F), y);
      changed |= z != x;
      x = z;
    }
    if ((x->kind == VL_O_ARRAY || x->kind == VL_O_OBJ || holder) && s && s->kind == VL_SITE_NEW && !s->step &&
        s->mod == F->an->mi && s->func == F->func && s->at == S->call) {
      VlSite c = *s;
      c.step = 1;
      VlObj y = *x;
      y.site = vl_site(V(F), c);
      x = vl_obj(V(F), y);
      changed = true;
      /* an object a deferred call made at each step (`yield model(x)` with model's forward returning
       * an instance or a dict): what it holds is new at each step too, filed under its new site as
       * the generator's own objects are (analysis.c: mark_steps) */
      if (holder && S->depth < 40) {
        S->depth++;
        vl_heap_carry(F, s, y.site, per_step_map, S);
        S->depth--;
      }
    }
    out[n++] = x;
  }
  return changed ? vl_val_of(V(F), out, (size_t)n) : r;
}

/* The value a symbol stands for at this call. */
static const VlVal *inst_sym(Subst *S, const VlObj *o) {
  Frame *F = S->F;
  Analysis *an = F->an;
  switch (o->sub) {
  case VL_SYM_PARAM: {
    const VlVal *p = o->index < S->nparams && S->params[o->index] ? S->params[o->index] : vl_unknown(V(F));
    if (!(o->flags & VL_F_NOT_NONE) || !vl_val_has(p, VL_O_NONE)) return p;
    /* known not None where it is read (`d if p is None else p`): a None passed gives nothing here */
    const VlObj *out[VL_VAL_MAX];
    int n = 0;
    for (uint16_t i = 0; i < p->n && n < VL_VAL_MAX; i++)
      if (p->objs[i]->kind != VL_O_NONE) out[n++] = p->objs[i];
    return vl_val_of(V(F), out, (size_t)n);
  }
  case VL_SYM_GLOBALV: {
    const VlModInfo *mod = o->mod;
    if (mod == an->mi) {
      if (F->func == VL_MODULE_FUNC) return F->env[o->index] ? F->env[o->index] : vl_unknown(V(F));
      return an->globals && an->globals[o->index] ? an->globals[o->index] : vl_unknown(V(F));
    }
    return mod && vl_program_ready(an->prog, an->mi, mod, &an->ready) && o->index < mod->nglobals
               ? vl_import_val(F, mod->globals[o->index])
               : vl_unknown(V(F));
  }
  case VL_SYM_CELLV:
    if (o->mod == an->mi && o->func == F->func) return F->env[o->index] ? vl_nd_floor(F, F->env[o->index]) : vl_unknown(V(F));
    if (S->closure && o->mod == S->closure->mod && o->func == S->closure->func && o->index < S->closure->nitems &&
        !vl_val_empty(S->closure->items[o->index])) {
      /* captured where the function was defined (the caller's values), or what an earlier call of
       * it rebound the cell to */
      const VlVal *v = S->closure->items[o->index];
      return o->index < 64 && S->rebound[o->index] ? vl_join(V(F), v, S->rebound[o->index]) : v;
    }
    break;
  case VL_SYM_ATTRV: return vl_op_attr(F, inst(S, o->base), o->name, S->call);
  case VL_SYM_ELEMV: return vl_op_elems(F, inst(S, o->base), S->call);
  case VL_SYM_CALLV: {
    Args a = {0};
    uint16_t npos = (uint16_t)(o->index < o->nitems ? o->index : o->nitems);
    for (uint16_t i = 0; i < npos && a.npos < VL_MAX_ARGS; i++) a.pos[a.npos++] = inst(S, o->items[i]);
    const char *names = o->name;
    for (uint16_t i = npos; i < o->nitems && names && a.nkw < VL_MAX_KWARGS; i++) {
      const char *comma = strchr(names, ',');
      size_t len = comma ? (size_t)(comma - names) : strlen(names);
      a.kwname[a.nkw] = vl_arena_strndup(an->arena, names, len);
      a.kw[a.nkw++] = inst(S, o->items[i]);
      names = comma ? comma + 1 : NULL;
    }
    return made_by_callee(S, o, vl_op_call(F, inst(S, o->base), &a, S->call));
  }
  case VL_SYM_SUBV: {
    Index ix;
    vl_unpack_index(o->index, &ix);
    ix.str = o->name;
    const VlVal *items[VL_MAX_INDEX] = {0};
    for (uint16_t i = 0; i < o->nitems && i < VL_MAX_INDEX; i++) {
      items[i] = inst(S, o->items[i]);
      if (ix.kind[i] == IX_SLICE) { /* a slice keeps its step's value: a known int here is its step */
        if (items[i]->n == 1 && items[i]->objs[0]->kind == VL_O_INT && items[i]->objs[0]->num_known)
          ix.step[i] = (long)(int32_t)items[i]->objs[0]->index;
        /* (a share of a length, `r.size // n_samples` with the default passed here: a part) */
        if (vl_share_step(items[i])) ix.narrows[i] = true;
        /* a step this caller does not know either (`resid[::self.stride]` in a closure, `self` a
         * parameter here): kept, so that its own callers decide, as for a step written here
         * (interp.c: describe_slice) */
        if (ix.step[i] == LONG_MIN && !ix.narrows[i] && !vl_val_unknownish(items[i])) {
          ix.stepv[i] = items[i];
          if (vl_val_has(items[i], VL_O_SYM)) F->size_deferred = true;
        }
        items[i] = vl_unknown(V(F));
        continue;
      }
      if (ix.kind[i] == IX_INT || ix.kind[i] == IX_UNKNOWN || (ix.kind[i] == IX_ADVANCED && !ix.adv_1d))
        vl_classify_index(S->F->an->know, &ix, i, items[i], false);
      if (ix.kind[i] == IX_INT && items[i]->n == 1 && items[i]->objs[0]->num_known) {
        ix.lit[i] = true;
        ix.start[i] = (long)(int32_t)items[i]->objs[0]->index;
      }
    }
    return made_by_callee(S, o, vl_op_subscript(F, inst(S, o->base), &ix, items, S->call));
  }
  case VL_SYM_BINOPV: {
    const VlVal *l = inst(S, o->base), *r = o->nitems ? inst(S, o->items[0]) : NULL;
    int op = (int)(o->index & ~(uint32_t)VL_OP_INPLACE);
    /* x op= y of what the caller passes: an array of it is changed in place (the same object) */
    if ((o->index & VL_OP_INPLACE) && r) return made_by_callee(S, o, vl_op_augmented(F, op, l, r, S->call));
    return made_by_callee(S, o, vl_op_binop(F, op, l, r, S->call));
  }
  default: break;
  }
  /* a symbol this call cannot resolve: it stays a symbol of the caller's (re-interned) */
  VlObj c = *o;
  c.base = o->base ? inst(S, o->base) : NULL;
  c.elem = o->elem ? inst(S, o->elem) : NULL;
  const VlVal *items[VL_MAX_ARGS];
  for (uint16_t i = 0; i < o->nitems && i < VL_MAX_ARGS; i++) items[i] = inst(S, o->items[i]);
  c.items = items;
  return vl_val1(V(F), vl_obj(V(F), c));
}

/* An array whose site is a symbol: the caller's object itself, or a view of it. */
/* A symbol or deferred operation resolved here; one a generator runs once per step makes what it
 * makes once per step. */
static const VlVal *inst_deferred(Subst *S, const VlObj *o) {
  const VlVal *r = inst_sym(S, o);
  if (o->flags & VL_F_PER_STEP) r = per_step_here(S, S->yields ? still_per_step(S, r) : r);
  return r;
}

/* Did the callee prove its view is an array of library `id`: one other than the default, which an
 * array of unknown library is taken to follow (torch.from_numpy(x), x.permute(...) of a parameter)? */
static bool proven_lib(const Frame *F, uint8_t id) {
  const VlKnowledge *know = F->an->know;
  for (size_t i = 0; id && i < know->nlibs; i++)
    if (know->libs[i].id == id) return !know->libs[i].is_default;
  return false;
}

static void inst_sym_array(Subst *S, const VlObj *o, const VlObj **out, int *n, int cap) {
  Frame *F = S->F;
  const VlVal *real = vl_as_array(F, inst_deferred(S, o->site->sym), o->nd);
  for (uint16_t i = 0; i < real->n && *n < cap; i++) {
    const VlObj *a = real->objs[i];
    if (a->kind != VL_O_ARRAY) {
      if (a->kind == VL_O_UNKNOWN) out[(*n)++] = a;
      continue;
    }
    if (!o->sub) { /* IS: the object itself */
      out[(*n)++] = a;
      continue;
    }
    /* a reshape of the parameter (VL_F_BY_LAYOUT): the same memory when what is passed is C-contiguous
     * or a view showing all its base (a copy then is of all of it, made in the same iteration: ops.c,
     * VL_FX_RESHAPE); of anything else, a view or a copy: unknown */
    if ((o->flags & VL_F_BY_LAYOUT) && !(a->layout & VL_L_C) && !(a->sub && !(a->flags & VL_F_PARTIAL))) {
      out[(*n)++] = vl_unknown(V(F))->objs[0];
      continue;
    }
    VlObj v = *a;
    v.sub = 1;
    v.nd = o->nd;
    if (o->lib != a->lib && proven_lib(F, o->lib)) v.lib = o->lib; /* torch.from_numpy(obs) in a helper */
    v.layout = o->layout; /* the view's own layout, as the callee knew it: a[:, ::-1] of a C-contiguous
                             array is not contiguous (unknown when the callee could not tell) */
    if (a->sub && (!(a->layout & VL_L_AXES) || (a->flags & VL_F_PARTIAL))) v.layout &= (uint8_t)~VL_L_AXES; /* (of a's base) */
    v.flags = (uint8_t)((a->sub && (a->flags & VL_F_PARTIAL)) || (o->flags & VL_F_PARTIAL) ? VL_F_PARTIAL : 0);
    v.flags |= (uint8_t)(a->flags & VL_F_ASSUMED);
    /* one of every piece of a parameter (np.array_split(a, k) in the callee) is one of every piece of
     * the whole array passed; of a view passed, a part of its base */
    if ((o->flags & VL_F_EVERY) && !a->sub) v.flags |= VL_F_EVERY;
    /* a view showing all of what the caller passed (`box.view(-1, 4)`), passed one of every piece (a
     * row of a loop over a whole array), is one of every piece too */
    if (!(o->flags & VL_F_PARTIAL)) v.flags |= (uint8_t)(a->flags & VL_F_EVERY);
    v.expr = S->call;
    out[(*n)++] = vl_obj(V(F), v);
  }
}

static const VlObj *inst_plain(Subst *S, const VlObj *o) {
  Frame *F = S->F;
  VlObj c = *o;
  c.site = reloc(S, o->site);
  if (o->shape) c.shape = vl_shape(V(F), *o->shape);
  if (o->elem) c.elem = inst(S, o->elem);
  if (o->key) c.key = inst(S, o->key);
  if (o->base) c.base = inst(S, o->base);
  const VlVal *items[64];
  if (o->nitems) {
    for (uint16_t i = 0; i < o->nitems && i < 64; i++) items[i] = inst(S, o->items[i]);
    c.items = items;
    if (c.nitems > 64) c.nitems = 64;
  }
  if (S->fi && o->expr && o->site && c.site != o->site) {
    c.expr = S->call;
  }
  /* these kinds' names are the callee's (maybe another module's arena): copied here when new */
  if (o->name && (o->kind == VL_O_LIB || o->kind == VL_O_SYM || o->kind == VL_O_INST || o->kind == VL_O_OBJ ||
                  o->kind == VL_O_STR))
    return vl_obj_named(V(F), c);
  return vl_obj(V(F), c);
}

/* A symbol kept as a symbol (a site's identity), re-interned here. */
static const VlObj *inst_plain_sym(Subst *S, const VlObj *o) {
  VlObj c = *o;
  if (o->base) c.base = inst(S, o->base);
  if (o->elem) c.elem = inst(S, o->elem);
  const VlVal *items[VL_MAX_ARGS];
  for (uint16_t i = 0; i < o->nitems && i < VL_MAX_ARGS; i++) items[i] = inst(S, o->items[i]);
  if (o->nitems) c.items = items;
  if (o->name) return vl_obj_named(V(S->F), c); /* (copied here when new) */
  return vl_obj(V(S->F), c);
}

static const VlVal *inst(Subst *S, const VlVal *v) {
  if (!v || vl_val_empty(v)) return v ? v : &vl_empty_val;
  Frame *F = S->F;
  const VlVal *known = memo_get(S, v);
  if (known) return known;
  if (++S->depth > 40 || F->an->budget == 0) {
    S->depth--;
    return vl_unknown(V(F));
  }
  F->an->budget--;
  const VlObj *out[VL_VAL_MAX * 4];
  int n = 0;
  bool resolved = false, assumed = false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    int before = n;
    if (!S->fi) { /* importing another module's value: copied as it is */
      if (n < VL_VAL_MAX * 4) out[n++] = o->kind == VL_O_SYM ? inst_plain_sym(S, o) : inst_plain(S, o);
      continue;
    }
    if (o->kind == VL_O_SYM) {
      const VlVal *r = inst_deferred(S, o);
      for (uint16_t k = 0; k < r->n && n < VL_VAL_MAX * 4; k++) out[n++] = r->objs[k];
    } else if (o->kind == VL_O_ARRAY && o->site && o->site->kind == VL_SITE_SYM) {
      inst_sym_array(S, o, out, &n, VL_VAL_MAX * 4);
    } else {
      if (o->flags & VL_F_ASSUMED) assumed = true;
      if (n < VL_VAL_MAX * 4) out[n++] = inst_plain(S, o);
      continue;
    }
    for (int k = before; k < n; k++) /* still a symbol (a closure's cell here unknown): not resolved */
      if (out[k]->kind != VL_O_UNKNOWN && !(out[k]->flags & VL_F_ASSUMED) && !symbolic(out[k])) resolved = true;
  }
  if (assumed && resolved) { /* the deferred operation said what the call gives: drop the guess */
    /* a guess made once per step of the callee's iteration (a generator's loop): what the
     * operation made here, it made once per step too */
    bool per_step = false;
    const VlSite *guess = NULL; /* the callee's statement that computed the guessed array */
    for (int i = 0; i < n; i++) {
      if ((out[i]->flags & VL_F_ASSUMED) && out[i]->site && out[i]->site->kind == VL_SITE_NEW && out[i]->site->step &&
          out[i]->site->step != VL_STEP_CALLEE) /* (not one per iteration of the callee's own loop: reloc) */
        per_step = true;
      if ((out[i]->flags & VL_F_ASSUMED) && out[i]->kind == VL_O_ARRAY && out[i]->site &&
          out[i]->site->kind == VL_SITE_NEW && out[i]->site->at == S->call && out[i]->site->via)
        guess = out[i]->site; /* (a guessed view, `out[:, :4]`, is of the guessed array: its site) */
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      if ((out[i]->flags & VL_F_ASSUMED) && !symbolic(out[i])) continue;
      const VlSite *rs = out[i]->site;
      if (guess && out[i]->kind == VL_O_ARRAY && rs && rs->kind == VL_SITE_NEW && rs->at == S->call &&
          !rs->via && rs->how == guess->how && rs->step == guess->step) {
        /* resolved from another module's deferred operation (no expression here to name): it is the
         * array the callee's statement computes, as the guess said (`state.pos = state.pos + ...`),
         * or a view of it (`out[:, :4]` beside `out` kept whole: one array, one site) */
        VlObj c = *out[i];
        c.site = guess;
        out[k++] = vl_obj(V(F), c);
        continue;
      }
      const VlSite *s = out[i]->site;
      if (per_step && s && s->kind == VL_SITE_NEW && !s->step && (!s->via || s->via->step == VL_STEP_DEFERRED) &&
          s->mod == F->an->mi && s->at == S->call &&
          (out[i]->kind == VL_O_ARRAY || out[i]->kind == VL_O_OBJ)) {
        VlObj c = *out[i];
        VlSite st = *s;
        st.step = 1;
        c.site = vl_site(V(F), st);
        out[k++] = vl_obj(V(F), c);
        continue;
      }
      out[k++] = out[i];
    }
    n = k;
  }
  S->depth--;
  const VlVal *r = vl_val_of(V(F), out, (size_t)n);
  memo_put(S, v, r);
  return r;
}

const VlVal *vl_import_val(Frame *F, const VlVal *v) {
  Subst S = {.F = F, .fi = NULL};
  const VlVal *r = inst(&S, v);
  memo_free(&S);
  return r;
}

bool vl_literal_default(const VlFuncInfo *fi, uint16_t p) {
  /* (strings only: nearly every function has a number default, `eps=1e-5`, often tested, `if dropout >
   * 0`; binding those too analysed most exported functions twice, +40% of the time on x-transformers
   * and open_clip, for calls from other modules only) */
  const VlParamInfo *pi = &fi->params[p];
  return pi->dflt == VL_DFLT_STR && fi->dflt_strs && fi->dflt_strs[p];
}

bool vl_is_literal_default(const VlFuncInfo *fi, uint16_t p, const VlVal *v) {
  if (!v || !v->n || !vl_literal_default(fi, p)) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->kind != VL_O_STR || !o->name || strcmp(o->name, fi->dflt_strs[p]) != 0) return false;
  }
  return true;
}

const VlVal *vl_param_default(Frame *F, const VlFuncInfo *fi, uint16_t p) {
  const VlParamInfo *pi = &fi->params[p];
  switch (pi->dflt) {
  case VL_DFLT_NONE: return vl_prim(V(F), VL_O_NONE);
  case VL_DFLT_SCALAR: return vl_prim(V(F), VL_O_SCALAR);
  case VL_DFLT_NUMBER: return vl_scalar_const(V(F), (uint32_t)pi->dflt_int);
  case VL_DFLT_STR:
    return fi->dflt_strs && fi->dflt_strs[p] ? vl_str_const(V(F), fi->dflt_strs[p]) : vl_prim(V(F), VL_O_STR);
  case VL_DFLT_INT: return vl_int_const(V(F), pi->dflt_int);
  case VL_DFLT_INTS: {
    const VlVal *items[64];
    uint16_t n = pi->dflt_int > 0 && pi->dflt_int <= 64 ? (uint16_t)pi->dflt_int : 0;
    for (uint16_t i = 0; i < n; i++) items[i] = vl_prim(V(F), VL_O_INT);
    VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .items = items, .nitems = n,
               .elem = n ? items[0] : &vl_empty_val, .nd = vl_nd_unknown()};
    return vl_val1(V(F), vl_obj(V(F), t));
  }
  case VL_DFLT_GLOBAL: { /* a function or class of the function's own module, as the module binds it */
    const VlVal *g = fi->mod == F->an->mi && F->an->globals &&
                             (uint32_t)pi->dflt_int < vl_func(F->an->m, VL_MODULE_FUNC)->nlocals
                         ? F->an->globals[pi->dflt_int]
                         : NULL;
    for (uint16_t i = 0; g && i < g->n; i++)
      if (g->objs[i]->kind != VL_O_FUNC && g->objs[i]->kind != VL_O_CLASS) g = NULL;
    return g && g->n ? g : NULL;
  }
  default: return NULL;
  }
}

/* A `**kwargs` parameter: a new dict, made by the call, of the keyword arguments no other parameter
 * takes, under their names (`record(step, logits=row)`: `for name, value in kwargs.items()` gives
 * the row). */
const VlVal *vl_kwargs_dict(Frame *F, const VlFuncInfo *fi, const Args *a, VlId call) {
  const VlVal *d = vl_new_seq(F, VL_SEQ_DICT, call);
  const VlSite *site = d->objs[0]->site;
  for (int k = 0; k < a->nkw; k++) {
    bool named = false;
    for (uint16_t p = 0; p < fi->nparams && !named; p++)
      named = fi->params[p].kind != VL_P_KWARGS && fi->params[p].kind != VL_P_VARARGS &&
              strcmp(fi->params[p].name, a->kwname[k]) == 0;
    if (named) continue;
    const VlVal *key = vl_str_const(V(F), a->kwname[k]);
    vl_heap_dict_put(F, site, key, a->kw[k]);
    VlHeapEntry *he = vl_heap_get(F, site);
    he->key = vl_join(V(F), he->key, key);
  }
  vl_heap_get(F, site); /* an entry even when empty: nothing more comes in */
  return d;
}

const VlVal *vl_varargs_tuple(Frame *F, const VlFuncInfo *fi, const Args *a, bool self) {
  int next = 0; /* the positional arguments the parameters before it take */
  for (uint16_t p = self ? 1 : 0; p < fi->nparams && fi->params[p].kind == VL_P_POS && next < a->npos; p++) next++;
  VlObj t = {.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .nd = vl_nd_unknown()};
  const VlVal *items[VL_MAX_ARGS];
  uint16_t n = 0;
  const VlVal *rest = &vl_empty_val;
  for (; next < a->npos; next++) rest = vl_join(V(F), rest, items[n++] = a->pos[next]);
  t.elem = rest;
  if (!a->star && n) { /* exactly these, in order: f(*args) passes them on */
    t.items = items;
    t.nitems = n;
  }
  return vl_val1(V(F), vl_obj(V(F), t));
}

/* Binds the callee's parameters to the call's arguments; a parameter the call does not pass is its
 * default (when a literal: vl_param_default), unless a **kwargs may pass it. */
static void bind_params(Subst *S, const VlFuncInfo *fi, const VlVal *self, const Args *a) {
  Frame *F = S->F;
  S->nparams = fi->nparams < 64 ? fi->nparams : 64;
  int next = 0; /* the next positional argument */
  uint16_t first = 0;
  if (self && !(fi->flags & VL_FN_STATICMETHOD) && S->nparams) {
    S->params[0] = self;
    first = 1;
  }
  for (uint16_t p = first; p < S->nparams; p++) {
    const VlParamInfo *pi = &fi->params[p];
    const VlVal *v = NULL;
    if (pi->kind == VL_P_POS && next < a->npos) v = a->pos[next++];
    else if (pi->kind == VL_P_VARARGS) {
      v = vl_varargs_tuple(F, fi, a, first == 1);
      next = a->npos;
    }
    if (pi->kind == VL_P_KWARGS && !a->dstar && S->call) v = vl_kwargs_dict(F, fi, a, S->call);
    for (int k = 0; k < a->nkw && !v; k++)
      if (strcmp(a->kwname[k], pi->name) == 0) v = a->kw[k];
    if (!v && pi->kind == VL_P_POS && a->star) v = vl_unknown(V(F));
    if (!v && !a->dstar && pi->kind != VL_P_KWARGS) v = vl_param_default(F, fi, p);
    S->params[p] = v ? v : vl_unknown(V(F));
  }
}

/* Does the caller of F see one of these containers (so F's callers see the effect too)? */
static bool caller_sees(const Frame *F, const VlVal *v) {
  for (uint16_t i = 0; v && i < v->n; i++)
    if (vl_caller_visible(F, v->objs[i])) return true;
  return false;
}

/* Objects the callee made and handed back come with their contents (the summary's heap, here). */
static void carry_heap(Subst *S, const VlSummary *s) {
  Frame *F = S->F;
  for (uint32_t i = 0; i < s->nheap; i++) {
    const VlHeapEntry *e = &s->heap[i];
    const VlSite *site = reloc(S, e->site);
    if (!vl_val_empty(e->elem)) vl_heap_move_elem(F, site, inst(S, e->elem), e->loose);
    for (uint16_t k = 0; k < e->nattrs; k++)
      vl_heap_set_attr(F, site, vl_arena_strdup(F->an->arena, e->attrs[k].name), inst(S, e->attrs[k].val));
  }
}

/* What a call would return, its effects left out: the parameters bound, the contents of the objects
 * it makes carried here (a library calling the function on its own, DataLoader's __getitem__). */
const VlVal *vl_summary_result(Frame *F, const VlFuncInfo *fi, const VlSummary *s, const VlVal *self, const Args *a,
                               VlId call) {
  return vl_summary_value(F, fi, s, self, a, s->ret, call);
}

const VlVal *vl_summary_value(Frame *F, const VlFuncInfo *fi, const VlSummary *s, const VlVal *self, const Args *a,
                              const VlVal *v, VlId call) {
  Analysis *an = F->an;
  if (an->depth > 24 || an->napplying >= (int)(sizeof an->applying / sizeof *an->applying)) return vl_unknown(V(F));
  for (int i = 0; i < an->napplying; i++)
    if (an->applying[i] == fi) return vl_unknown(V(F));
  an->applying[an->napplying++] = fi;
  an->depth++;
  Subst S = {.F = F, .fi = fi, .call = call};
  bind_params(&S, fi, self, a);
  carry_heap(&S, s);
  const VlVal *r = inst(&S, v);
  memo_free(&S);
  an->depth--;
  an->napplying--;
  return r;
}

const VlVal *vl_apply_summary(Frame *F, const VlFuncInfo *fi, const VlSummary *s, const VlVal *self, const VlVal *closure,
                              const Args *a, VlId call) {
  Analysis *an = F->an;
  if (an->depth > 24) return vl_unknown(V(F));
  /* a recursive function's summary calls itself: each application instantiates the call again,
   * and its callers' fan-out made this exponential in the nesting (20 s for one numpy function);
   * past VL_MAX_REAPPLY applications of the same summary in one chain the result is unknown */
  int again = 0;
  for (int i = 0; i < an->napplying; i++) again += an->applying[i] == fi;
  if (again >= VL_MAX_REAPPLY || an->napplying >= (int)(sizeof an->applying / sizeof *an->applying))
    return vl_unknown(V(F));
  an->applying[an->napplying++] = fi;
  an->depth++;
  Subst S = {.F = F, .fi = fi, .call = call};
  if (closure && closure->n == 1 && closure->objs[0]->kind == VL_O_SEQ) {
    S.closure = closure->objs[0];
    bind_params(&S, fi, self, a);
    for (uint32_t i = 0; i < s->neffects; i++) {
      const VlEffect *ef = &s->effects[i];
      if (ef->kind == VL_EFF_SETCELL && ef->func == S.closure->func && fi->mod == S.closure->mod && ef->slot < 64)
        S.rebound[ef->slot] = vl_join(V(F), S.rebound[ef->slot], inst(&S, ef->value));
    }
    memo_free(&S); /* (instantiated without the rebinding: again, with it) */
  }
  bind_params(&S, fi, self, a);
  carry_heap(&S, s);
  for (uint32_t i = 0; i < s->neffects; i++) {
    const VlEffect *ef = &s->effects[i];
    switch (ef->kind) {
    case VL_EFF_STORE: {
      const VlVal *c = inst(&S, ef->target), *v = inst(&S, ef->value);
      if (ef->each_element) v = shown_whole(F, v);
      const VlVal *key = ef->key ? inst(&S, ef->key) : NULL;
      StoreEv ev = {.store = ef->store, .container = c, .value = v, .loop = F->loop, .call = call,
                    .every_call = ef->every_call, .inner = ef->inner, .loop_call = ef->loop_call,
                    .loop_store = ef->loop_call ? ef : NULL, .at = ef->at,
                    .fix_at = ef->fix_at, .text = ef->text, .container_text = ef->container,
                    .key_varies = ef->key_varies && !constant_key(key)};
      if (call && call == F->setitem_call && F->setitem_expr && v == F->setitem_value && !ef->inner) {
        /* obj[k] = v run as obj.__setitem__(k, v), which keeps v itself: reported at this line, where
         * it reads as a mapping's store (interp.c: dunder_setitem) */
        const VlModule *cm = F->an->m;
        ev.at = vl_expr_span(F->an, F->setitem_expr);
        ev.fix_at = vl_expr(cm, F->setitem_expr)->end;
        ev.text = vl_expr_text(F->an, F->setitem_expr);
        ev.container_text = vl_expr_text(F->an, vl_kid(cm, F->setitem_call, 0));
      }
      vl_frame_store(F, &ev);
      for (uint16_t k = 0; k < c->n && !ef->carried; k++)
        if (c->objs[k]->site && c->objs[k]->kind == VL_O_SEQ)
          vl_heap_add_elem(F, c->objs[k]->site, ef->store == VL_ST_EXTEND ? vl_op_elems(F, v, call) : v);
      if (caller_sees(F, c)) { /* the caller's own parameter or attribute: its callers see it too */
        VlEffect up = *ef;
        up.target = c;
        up.value = v;
        up.key = key;
        up.key_varies = ev.key_varies;
        up.every_call = false; /* (whether this function makes the call on every call of its own: not followed) */
        VL_VEC_PUSH(&F->effects, up);
      }
      break;
    }
    case VL_EFF_SETATTR: {
      const VlVal *t = inst(&S, ef->target), *v = inst(&S, ef->value);
      for (uint16_t k = 0; k < t->n; k++) {
        const VlObj *o = t->objs[k];
        const VlSite *site = o->site;
        if (o->kind == VL_O_SYM) {
          VlSite ss = {.kind = VL_SITE_SYM, .sym = o};
          site = vl_site(V(F), ss);
        }
        if (site) vl_heap_set_attr(F, site, vl_arena_strdup(an->arena, ef->name), v);
      }
      break;
    }
    case VL_EFF_CLEAR: {
      const VlVal *emptied = inst(&S, ef->target);
      vl_frame_clear(F, emptied);
      if (caller_sees(F, emptied)) {
        VlEffect up = *ef;
        up.target = emptied;
        VL_VEC_PUSH(&F->effects, up);
      }
      break;
    }
    case VL_EFF_SETCELL: {
      const VlVal *v = inst(&S, ef->value);
      if (fi->mod == an->mi && ef->func == F->func && ef->slot < F->nenv) {
        F->env[ef->slot] = vl_join(V(F), F->env[ef->slot], v);
      } else {
        VlEffect up = *ef;
        up.value = v;
        VL_VEC_PUSH(&F->effects, up);
      }
      break;
    }
    case VL_EFF_SETGLOBAL: {
      const VlVal *v = inst(&S, ef->value);
      if (fi->mod == an->mi && F->func == VL_MODULE_FUNC && ef->slot < F->nenv) {
        F->env[ef->slot] = vl_join(V(F), F->env[ef->slot], v);
      } else if (fi->mod == an->mi) {
        VlEffect up = *ef;
        up.value = v;
        VL_VEC_PUSH(&F->effects, up);
      }
      break;
    }
    case VL_EFF_CALL: { /* made when the caller knows a project callback, or holds it as this frame's
                         * own callback again (then an effect of this frame's: ops.c call_sym); a call
                         * made in a loop, joined over the loop's rounds, is each call made */
      for (uint16_t j = 0; j < ef->value->n && (ef->loop_call || ef->value->n == 1); j++) {
        const VlObj *c = ef->value->objs[j];
        const VlVal *callee = c->kind == VL_O_SYM && c->sub == VL_SYM_CALLV && c->base ? inst(&S, c->base) : NULL;
        bool known = false;
        for (uint16_t k = 0; callee && k < callee->n && !known; k++) {
          const VlObj *x = callee->objs[k];
          known = x->kind == VL_O_INST || x->kind == VL_O_FUNC || (x->kind == VL_O_SYM && vl_held_callback(F, x));
        }
        if (!known) continue;
        bool looped = F->loop_call;
        F->loop_call = looped || ef->loop_call; /* (its stores: once per iteration of the callee's loop) */
        (void)inst(&S, vl_val1(V(F), c));
        F->loop_call = looped;
      }
      break;
    }
    case VL_EFF_FOLD: /* only for the step a fold calls itself (not for calls inside it) */
      if (F->fold && F->fold_depth == an->depth) {
        VlEffect grown = *ef;
        grown.target = inst(&S, ef->target);
        grown.value = inst(&S, ef->value);
        VL_VEC_PUSH(&F->fold->grown, grown);
      }
      break;
    default: break;
    }
  }
  const VlVal *r = s->ret ? inst(&S, s->ret) : vl_unknown(V(F));
  if (!vl_val_empty(s->yields)) { /* a generator: a call makes an iterator; steps run later */
    S.yields = true;
    VlObj it = {.kind = VL_O_ITER, .elem = inst(&S, s->yields), .nd = vl_nd_unknown(),
                .site = vl_new_site(F, call, VL_HOW_OBJECT)};
    if (s->yield_at.mod) { /* where it yields: its site's `via`, its text in `name` */
      VlSite at = {.kind = VL_SITE_NEW, .mod = s->yield_at.mod, .start = s->yield_at.start, .end = s->yield_at.end};
      VlSite c = *it.site;
      c.via = vl_site(V(F), at);
      it.site = vl_site(V(F), c);
      it.name = s->yield_text ? vl_arena_strdup(an->arena, s->yield_text) : NULL;
    }
    r = vl_val1(V(F), vl_obj(V(F), it));
  }
  memo_free(&S);
  an->depth--;
  an->napplying--;
  return r;
}
