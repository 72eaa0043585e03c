/* value.c: hash-consed sites, objects and values.
 *
 * Every site, object and value is interned in one open-addressing table per VlValues, so equal ones
 * are the same pointer: a join of two equal values costs a pointer compare, and the fixpoints of
 * the interpreter detect "no change" by pointer equality.  Not thread-safe: one VlValues per
 * analysis (per thread). */
#include "flow/value.h"

#include <alloca.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"

typedef enum { K_SITE, K_OBJ, K_VAL, K_SHAPE } EntryKind;

/* The table is one array of 8-byte slots: an entry's pointer (everything interned is 8-byte aligned,
 * and user-space addresses fit in 48 bits) tagged with its kind in the two low bits and with the low
 * 16 bits of its hash in the high 16, which keep most probes from reading an entry that differs.  A
 * slot was 12 bytes (the pointer and a 32-bit hash beside it); the table of a large module's analysis
 * is a good part of its peak memory (issue 12). */
typedef uint64_t Slot; /* 0: empty */

enum { TAG_SHIFT = 48 };
#define PTR_MASK ((UINT64_C(1) << TAG_SHIFT) - 4)

static inline Slot slot_of(const void *p, EntryKind kind, uint32_t hash) {
  if ((uint64_t)(uintptr_t)p & ~PTR_MASK) {
    fprintf(stderr, "viewleak: an address above 2^48 cannot be interned (value.c)\n");
    abort();
  }
  return (uint64_t)(uintptr_t)p | (uint64_t)kind | (uint64_t)(hash & 0xffffu) << TAG_SHIFT;
}
static inline const void *slot_ptr(Slot s) { return (const void *)(uintptr_t)(s & PTR_MASK); }
static inline EntryKind slot_kind(Slot s) { return (EntryKind)(s & 3); }
/* Could the slot hold an entry of this kind and hash? */
static inline bool slot_may(Slot s, EntryKind kind, uint32_t hash) {
  return (s & (UINT64_C(0xffff) << TAG_SHIFT | 3)) == ((uint64_t)(hash & 0xffffu) << TAG_SHIFT | (uint64_t)kind);
}

struct VlValues {
  VlArena *arena;
  Slot *slots;
  uint32_t cap, count;
  uint32_t serial; /* objects made so far */
  const VlVal *unknown;
  const VlVal *prims[VL_O_SYM + 1];
};

const VlVal vl_empty_val = {0};

/* Hashing: one multiply and one shift per 64-bit word, folded by a final avalanche (the table takes
 * the low bits), so small fields are packed into words first. */
static uint64_t mix(uint64_t h, uint64_t x) {
  h = (h ^ x) * 0x9e3779b97f4a7c15u;
  return h ^ (h >> 32);
}

static uint32_t fold(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdu;
  h ^= h >> 33;
  return (uint32_t)h;
}

static uint64_t hash_str(uint64_t h, const char *s) {
  if (!s) return mix(h, 0);
  uint64_t g = 1469598103934665603u;
  for (; *s; s++) g = (g ^ (unsigned char)*s) * 1099511628211u;
  return mix(h, g);
}

static bool str_eq(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

static uint32_t site_hash(const VlSite *s) {
  uint64_t h = 17;
  h = mix(h, (uint64_t)s->kind | (uint64_t)s->how << 8 | (uint64_t)s->step << 16 | (uint64_t)s->func << 32);
  h = mix(h, (uintptr_t)s->mod);
  h = mix(h, (uint64_t)s->at | (uint64_t)s->start << 32);
  h = mix(h, (uintptr_t)s->sym);
  h = mix(h, (uintptr_t)s->via);
  return fold(h);
}

static bool site_eq(const VlSite *a, const VlSite *b) {
  return a->kind == b->kind && a->how == b->how && a->step == b->step && a->mod == b->mod && a->func == b->func && a->at == b->at &&
         a->start == b->start && a->end == b->end && a->sym == b->sym && a->via == b->via;
}

/* An object's small fields lie in three 8-byte words with no padding (kind .. nd; func, index;
 * expr, nitems, num_known, units), hashed and compared a word at a time: loads, not a shift per byte. */
_Static_assert(offsetof(VlObj, nd) == 6 && sizeof(VlNdim) == 2, "kind .. nd: the first 8 bytes");
_Static_assert(offsetof(VlObj, index) == offsetof(VlObj, func) + 4 && sizeof(VlId) == 4, "func, index: 8 bytes");
_Static_assert(offsetof(VlObj, nitems) == offsetof(VlObj, expr) + 4 && offsetof(VlObj, num_known) == offsetof(VlObj, expr) + 6 &&
                   offsetof(VlObj, units) == offsetof(VlObj, expr) + 7 && sizeof(bool) == 1,
               "expr, nitems, num_known, units: 8 bytes");

static inline uint64_t word_at(const VlObj *o, size_t at) {
  uint64_t w;
  memcpy(&w, (const char *)o + at, sizeof w);
  return w;
}

static inline uint64_t rotl32(uintptr_t p) { return (uint64_t)p << 32 | (uint64_t)p >> 32; }

static uint32_t obj_hash(const VlObj *o) {
  uint64_t h = 31;
  h = mix(h, word_at(o, 0));
  h = mix(h, word_at(o, offsetof(VlObj, func)));
  h = mix(h, word_at(o, offsetof(VlObj, expr)));
  /* pointers in pairs: the low bits of one, where most of their difference is, meet the high of the other */
  h = mix(h, (uintptr_t)o->site ^ rotl32((uintptr_t)o->mod));
  h = hash_str(h, o->name);
  h = mix(h, (uintptr_t)o->elem ^ rotl32((uintptr_t)o->key));
  for (uint16_t i = 0; i < o->nitems; i++) h = mix(h, (uintptr_t)o->items[i]);
  h = mix(h, (uintptr_t)o->base ^ rotl32((uintptr_t)o->shape));
  return fold(h);
}

static bool obj_eq(const VlObj *a, const VlObj *b) {
  if (word_at(a, 0) != word_at(b, 0) || word_at(a, offsetof(VlObj, func)) != word_at(b, offsetof(VlObj, func)) ||
      word_at(a, offsetof(VlObj, expr)) != word_at(b, offsetof(VlObj, expr)) || a->site != b->site || a->mod != b->mod ||
      a->elem != b->elem || a->key != b->key || a->base != b->base || a->shape != b->shape || !str_eq(a->name, b->name))
    return false;
  for (uint16_t i = 0; i < a->nitems; i++)
    if (a->items[i] != b->items[i]) return false;
  return true;
}

static uint32_t val_hash(const VlVal *v) {
  uint64_t h = 7;
  h = mix(h, v->n);
  for (uint16_t i = 0; i < v->n; i++) h = mix(h, (uintptr_t)v->objs[i]);
  return fold(h);
}

static bool val_eq(const VlVal *a, const VlVal *b) {
  if (a->n != b->n) return false;
  for (uint16_t i = 0; i < a->n; i++)
    if (a->objs[i] != b->objs[i]) return false;
  return true;
}

/* A hash's first slot: its high bits (the low 16 are the slot's tag). */
static inline uint32_t home(const VlValues *v, uint32_t hash) { return (uint32_t)(((uint64_t)hash * v->cap) >> 32); }
static inline uint32_t next_slot(const VlValues *v, uint32_t h) { return (h + 1) & (v->cap - 1); }

static uint32_t entry_hash(Slot s);

/* The table is at most three quarters full: the hashes are good (value.c: fold), so probes stay short.
 * It doubles (growing by half was tried: a table of a third less room on average, but the new and the
 * old together at the moment of growing are no smaller, and where that moment falls near the peak,
 * the peak grew); an entry's hash is made again from the entry as it moves (its slot keeps 16 bits). */
static void grow(VlValues *v) {
  uint32_t old_cap = v->cap;
  Slot *old = v->slots;
  v->cap = old_cap ? old_cap * 2 : 256;
  v->slots = vl_xcalloc(v->cap, sizeof(Slot));
  for (uint32_t i = 0; i < old_cap; i++) {
    if (!old[i]) continue;
    uint32_t h = home(v, entry_hash(old[i]));
    while (v->slots[h]) h = next_slot(v, h);
    v->slots[h] = old[i];
  }
  free(old);
}

static uint32_t shape_hash(const VlShape *s) {
  uint64_t h = 11;
  h = mix(h, (uint64_t)s->n | (uint64_t)s->itemsize << 8 | (uint64_t)s->upper << 16 | (uint64_t)s->dtype_sure << 24);
  h = hash_str(h, s->dtype);
  for (uint8_t i = 0; i < s->n && i < VL_SHAPE_MAX; i++) h = mix(h, (uint64_t)s->dims[i] ^ (uint64_t)s->most[i] << 56);
  return fold(h);
}

static bool shape_eq(const VlShape *a, const VlShape *b) {
  if (a->n != b->n || a->itemsize != b->itemsize || a->upper != b->upper || a->dtype_sure != b->dtype_sure || !str_eq(a->dtype, b->dtype)) return false;
  for (uint8_t i = 0; i < a->n && i < VL_SHAPE_MAX; i++)
    if (a->dims[i] != b->dims[i] || a->most[i] != b->most[i]) return false;
  return true;
}

static uint32_t entry_hash(Slot s) {
  const void *p = slot_ptr(s);
  switch (slot_kind(s)) {
  case K_SITE: return site_hash(p);
  case K_OBJ: return obj_hash(p);
  case K_SHAPE: return shape_hash(p);
  default: return val_hash(p);
  }
}

static inline bool same(uint8_t kind, const void *a, const void *b) {
  switch (kind) {
  case K_SITE: return site_eq(a, b);
  case K_OBJ: return obj_eq(a, b);
  case K_SHAPE: return shape_eq(a, b);
  default: return val_eq(a, b);
  }
}

/* Copies *p (of `size` bytes) into the arena and enters it at slot h, which is free. */
static __attribute__((noinline)) const void *insert(VlValues *v, uint8_t kind, uint32_t hash, uint32_t h, const void *p,
                                                    size_t size) {
  void *copy = vl_arena_alloc_raw(v->arena, size, _Alignof(VlShape)); /* (pointers and int64s) */
  memcpy(copy, p, size);
  if (kind == K_OBJ) ((VlObj *)copy)->serial = ++v->serial;
  v->slots[h] = slot_of(copy, (EntryKind)kind, hash);
  v->count++;
  return copy;
}

/* Returns the interned equal of *p (of `size` bytes), copying it into the arena when new.  Inlined
 * into each caller, whose kind is a constant: the probe compares with that kind's equality only, and
 * the rarer insertion is out of line. */
static inline __attribute__((always_inline)) const void *intern(VlValues *v, uint8_t kind, uint32_t hash, const void *p,
                                                                size_t size) {
  if ((v->count + 1) * 4 > v->cap * 3) grow(v);
  uint32_t h = home(v, hash);
  while (v->slots[h]) {
    if (slot_may(v->slots[h], (EntryKind)kind, hash) && same(kind, slot_ptr(v->slots[h]), p)) return slot_ptr(v->slots[h]);
    h = next_slot(v, h);
  }
  return insert(v, kind, hash, h, p, size);
}

VlValues *vl_values_new(VlArena *arena) {
  VlValues *v = vl_xcalloc(1, sizeof(VlValues));
  v->arena = arena;
  return v;
}

size_t vl_values_count(const VlValues *self) { return self->count; }

void vl_values_seal(VlValues *self) {
  free(self->slots);
  self->slots = NULL;
  self->cap = self->count = 0;
}

void vl_values_delete(VlValues *self) {
  if (!self) return;
  free(self->slots);
  free(self);
}

const VlSite *vl_site(VlValues *v, VlSite s) { return intern(v, K_SITE, site_hash(&s), &s, sizeof s); }

const VlShape *vl_shape(VlValues *v, VlShape s) { return intern(v, K_SHAPE, shape_hash(&s), &s, sizeof s); }

static uint8_t val_depth(const VlVal *x) {
  uint8_t d = 0;
  for (uint16_t i = 0; x && i < x->n; i++)
    if (x->objs[i]->depth > d) d = x->objs[i]->depth;
  return d;
}

/* Objects nest (a tuple holding a list holding a tuple...; an operation on an operation): the depth
 * is bounded, so that loops building ever deeper values reach a fixpoint. */
enum { VL_OBJ_DEPTH = 8 };

const VlObj *vl_obj(VlValues *v, VlObj o) {
  uint8_t d = o.kind == VL_O_SYM ? 0 : val_depth(o.elem); /* a symbol's elem is a type hint, not nesting */
  if (val_depth(o.key) > d) d = val_depth(o.key);
  if (val_depth(o.base) > d) d = val_depth(o.base);
  for (uint16_t i = 0; i < o.nitems; i++)
    if (val_depth(o.items[i]) > d) d = val_depth(o.items[i]);
  if (d >= VL_OBJ_DEPTH) {
    if (o.kind == VL_O_SEQ || o.kind == VL_O_ITER) { /* keep the container, forget what it holds */
      o.items = NULL;
      o.nitems = 0;
      o.elem = o.elem ? vl_unknown(v) : NULL;
      o.key = o.key ? vl_unknown(v) : NULL;
      d = 0;
    } else {
      return vl_unknown(v)->objs[0];
    }
  }
  o.depth = (uint8_t)(d + 1); /* (what it holds now: a copy of a deeper object keeps no stale depth) */
  if (o.nitems) { /* items are copied into the arena once the object is new */
    uint32_t h = obj_hash(&o);
    if ((v->count + 1) * 4 > v->cap * 3) grow(v);
    uint32_t at = home(v, h);
    while (v->slots[at]) {
      if (slot_may(v->slots[at], K_OBJ, h) && obj_eq(slot_ptr(v->slots[at]), &o)) return slot_ptr(v->slots[at]);
      at = next_slot(v, at);
    }
    const VlVal **items = vl_arena_alloc_raw(v->arena, sizeof(const VlVal *) * o.nitems, _Alignof(const VlVal *));
    memcpy(items, o.items, sizeof(const VlVal *) * o.nitems);
    o.items = items;
    VlObj *copy = vl_arena_alloc_raw(v->arena, sizeof(VlObj), _Alignof(VlObj));
    *copy = o;
    copy->serial = ++v->serial;
    v->slots[at] = slot_of(copy, K_OBJ, h);
    v->count++;
    return copy;
  }
  return intern(v, K_OBJ, obj_hash(&o), &o, sizeof o);
}

const VlObj *vl_obj_named(VlValues *v, VlObj o) {
  uint32_t serial = v->serial;
  const VlObj *r = vl_obj(v, o);
  /* new, and holding the caller's name: give it its own copy (the name is hashed and compared by its
   * bytes, so the copy changes neither the entry's place nor what equals it) */
  if (v->serial != serial && o.name && r->name == o.name) ((VlObj *)r)->name = vl_arena_strdup(v->arena, o.name);
  return r;
}

/* Room for a value of up to VL_VAL_MAX objects and its unknown, built on the stack before it is interned. */
typedef union {
  VlVal val;
  char bytes[sizeof(VlVal) + sizeof(const VlObj *) * (VL_VAL_MAX + 1)];
  const VlObj *align;
} ValScratch;

/* A value's objects are kept in the order they were made (by one interner: a value never mixes
 * interners), by serial.  The first VL_VAL_MAX distinct objects in the order given are kept (the rest
 * noted as unknown), ordered as a stable sort by serial would: each is put in its place as it comes
 * (an insertion sort, for at most VL_VAL_MAX objects; qsort's call per compare cost 2% of a large
 * module's analysis), and a repeat is found among those of its serial, next to its place.  The
 * value is built where it is interned from: no buffer copied. */
const VlVal *vl_val_of(VlValues *v, const VlObj *const *objs, size_t n) {
  if (n == 0) return &vl_empty_val;
  ValScratch tmp;
  const VlObj **buf = tmp.val.objs;
  size_t k = 0;
  bool unknown = false;
  for (size_t i = 0; i < n; i++) {
    const VlObj *o = objs[i];
    if (!o) continue;
    if (o->kind == VL_O_UNKNOWN) {
      unknown = true;
      continue;
    }
    size_t j = k;
    while (j > 0 && buf[j - 1]->serial > o->serial) j--;
    bool dup = false;
    for (size_t d = j; d > 0 && buf[d - 1]->serial == o->serial && !dup; d--) dup = buf[d - 1] == o;
    if (dup) continue;
    if (k == VL_VAL_MAX) { /* too many possibilities: keep the first, note the rest as unknown */
      unknown = true;
      continue;
    }
    for (size_t m = k; m > j; m--) buf[m] = buf[m - 1];
    buf[j] = o;
    k++;
  }
  if (unknown) buf[k++] = vl_unknown(v)->objs[0];
  tmp.val.n = (uint16_t)k;
  return intern(v, K_VAL, val_hash(&tmp.val), &tmp.val, sizeof(VlVal) + sizeof(const VlObj *) * k);
}

const VlVal *vl_val_flag(VlValues *v, const VlVal *x, uint8_t flag, bool (*pick)(const VlObj *o, const void *ctx),
                         const void *ctx) {
  if (vl_val_empty(x)) return x;
  const VlObj *out[VL_VAL_MAX + 1];
  bool changed = false;
  for (uint16_t i = 0; i < x->n; i++) {
    const VlObj *o = x->objs[i];
    if (!(o->flags & flag) && pick(o, ctx)) {
      VlObj c = *o;
      c.flags |= flag;
      o = vl_obj(v, c);
      changed = true;
    }
    out[i] = o;
  }
  return changed ? vl_val_of(v, out, x->n) : x;
}

const VlVal *vl_val1(VlValues *v, const VlObj *o) { return vl_val_of(v, &o, 1); }

/* Is x's list of objects one vl_val_of makes: increasing serials, unknown only last? */
static bool sorted_value(const VlVal *x) {
  for (uint16_t i = 0; i < x->n; i++) {
    if (x->objs[i]->kind == VL_O_UNKNOWN) return i + 1 == x->n;
    if (i && x->objs[i - 1]->serial >= x->objs[i]->serial) return false;
  }
  return true;
}

/* The value of a's objects and then b's (vl_val_of of both lists), by a merge of the two sorted lists:
 * all of a's objects are kept (at most VL_VAL_MAX), then b's others in b's order (by serial) while
 * there is room, unknown standing for the rest.  Lists not as vl_val_of makes them (or two objects
 * of one serial) take vl_val_of itself. */
const VlVal *vl_join(VlValues *v, const VlVal *a, const VlVal *b) {
  if (vl_val_empty(a)) return b ? b : &vl_empty_val;
  if (vl_val_empty(b) || a == b) return a;
  if (!sorted_value(a) || !sorted_value(b)) goto by_val_of;
  uint16_t na = a->n, nb = b->n;
  bool unknown = false;
  if (a->objs[na - 1]->kind == VL_O_UNKNOWN) na--, unknown = true;
  if (nb && b->objs[nb - 1]->kind == VL_O_UNKNOWN) nb--, unknown = true;
  if (na > VL_VAL_MAX) goto by_val_of; /* (not made by vl_val_of) */
  ValScratch tmp;
  const VlObj **out = tmp.val.objs;
  size_t k = 0, room = VL_VAL_MAX - na;
  for (uint16_t i = 0, j = 0; i < na || j < nb;) {
    const VlObj *x = i < na ? a->objs[i] : NULL, *y = j < nb ? b->objs[j] : NULL;
    if (x && y && x->serial == y->serial) {
      if (x != y) goto by_val_of; /* (two interners' objects) */
      out[k++] = x, i++, j++;
    } else if (y && (!x || y->serial < x->serial)) { /* in b only */
      if (room) out[k++] = y, room--;
      else unknown = true;
      j++;
    } else {
      out[k++] = x, i++;
    }
  }
  if (unknown) out[k++] = vl_unknown(v)->objs[0];
  tmp.val.n = (uint16_t)k;
  return intern(v, K_VAL, val_hash(&tmp.val), &tmp.val, sizeof(VlVal) + sizeof(const VlObj *) * k);
by_val_of:;
  const VlObj *buf[2 * (VL_VAL_MAX + 1)];
  size_t n = 0;
  for (uint16_t i = 0; i < a->n; i++) buf[n++] = a->objs[i];
  for (uint16_t i = 0; i < b->n; i++) buf[n++] = b->objs[i];
  return vl_val_of(v, buf, n);
}

const VlVal *vl_unknown(VlValues *v) {
  if (!v->unknown) {
    VlObj o = {.kind = VL_O_UNKNOWN, .nd = vl_nd_unknown()};
    const VlObj *p = vl_obj(v, o);
    size_t size = sizeof(VlVal) + sizeof(const VlObj *);
    VlVal *tmp = alloca(size);
    tmp->n = 1;
    tmp->objs[0] = p;
    v->unknown = intern(v, K_VAL, val_hash(tmp), tmp, size);
  }
  return v->unknown;
}

const VlVal *vl_prim(VlValues *v, VlObjKind kind) {
  if (kind == VL_O_UNKNOWN) return vl_unknown(v);
  if (!v->prims[kind]) {
    VlObj o = {.kind = (uint8_t)kind, .nd = kind == VL_O_INT || kind == VL_O_SCALAR ? vl_nd_exact(0) : vl_nd_unknown()};
    v->prims[kind] = vl_val1(v, vl_obj(v, o));
  }
  return v->prims[kind];
}

const VlVal *vl_int_const(VlValues *v, long value) {
  VlObj o = {.kind = VL_O_INT, .nd = vl_nd_exact(0), .index = (uint32_t)value, .num_known = true};
  return vl_val1(v, vl_obj(v, o));
}

const VlVal *vl_scalar_const(VlValues *v, uint32_t bits) {
  VlObj o = {.kind = VL_O_SCALAR, .nd = vl_nd_exact(0), .index = bits, .num_known = true};
  return vl_val1(v, vl_obj(v, o));
}

bool vl_obj_number(const VlObj *o, double *out) {
  if (!o->num_known) return false;
  if (o->kind == VL_O_INT) return *out = (double)(int32_t)o->index, true;
  if (o->kind != VL_O_SCALAR) return false;
  float f;
  memcpy(&f, &o->index, sizeof f);
  return *out = f, true;
}

const VlVal *vl_str_const(VlValues *v, const char *s) {
  VlObj o = {.kind = VL_O_STR, .name = s};
  return vl_val1(v, vl_obj(v, o));
}

bool vl_val_never_none(const VlVal *v) {
  if (!v || !v->n) return false;
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (o->flags & VL_F_ASSUMED) return false;
    switch (o->kind) {
    case VL_O_INT: case VL_O_SCALAR: case VL_O_STR: case VL_O_ARRAY: case VL_O_SEQ: case VL_O_RANGE:
    case VL_O_SHAPE: case VL_O_INDEX: case VL_O_RNG: case VL_O_ITER: case VL_O_FUNC: case VL_O_CLASS:
      break;
    default: return false;
    }
  }
  return true;
}

bool vl_val_has(const VlVal *x, VlObjKind kind) {
  for (uint16_t i = 0; x && i < x->n; i++)
    if (x->objs[i]->kind == kind) return true;
  return false;
}

bool vl_val_only(const VlVal *x, VlObjKind kind) {
  if (vl_val_empty(x)) return false;
  for (uint16_t i = 0; i < x->n; i++)
    if (x->objs[i]->kind != kind) return false;
  return true;
}

bool vl_sym_number(const VlObj *o) {
  return o->kind == VL_O_SYM && o->elem && o->elem->n == 1 &&
         (o->elem->objs[0]->kind == VL_O_INT || o->elem->objs[0]->kind == VL_O_SCALAR);
}

bool vl_val_unknownish(const VlVal *x) { return vl_val_empty(x) || vl_val_has(x, VL_O_UNKNOWN); }

bool vl_val_all_int(const VlVal *x) { return vl_val_only(x, VL_O_INT); }

/* ---- debugging ---- */
static const char *const kind_names[] = {"?", "None", "int", "scalar", "str", "array", "seq", "range", "shape",
                                         "index", "rng", "iter", "func", "class", "inst", "lib", "obj", "sym"};
static const char *const sym_ops[] = {"", "param", "global", "cell", "attr", "elem", "call", "sub", "binop"};

static void site_format(VlBuf *b, const VlSite *s) {
  if (!s) return;
  switch (s->kind) {
  case VL_SITE_NEW: vl_buf_printf(b, "@new%s%s:%u-%u", s->how == VL_HOW_COPY ? "/copy" : s->how == VL_HOW_PRODUCER ? "/prod" : "",
                                  s->step ? "/step" : "", s->start, s->end); break;
  case VL_SITE_STEP: vl_buf_printf(b, "@step(loop %u)", s->at); break;
  case VL_SITE_SYM: vl_buf_printf(b, "@sym(%s %s)", s->sym ? sym_ops[s->sym->sub < 9 ? s->sym->sub : 0] : "?",
                                  s->sym && s->sym->name ? s->sym->name : ""); break;
  default: vl_buf_printf(b, "@any"); break;
  }
}

void vl_val_format(VlBuf *b, const VlVal *v, int depth) {
  if (!v) {
    vl_buf_printf(b, "null");
    return;
  }
  vl_buf_printf(b, "{");
  for (uint16_t i = 0; i < v->n; i++) {
    const VlObj *o = v->objs[i];
    if (i) vl_buf_printf(b, " | ");
    vl_buf_printf(b, "%s", o->kind < sizeof kind_names / sizeof *kind_names ? kind_names[o->kind] : "??");
    if (o->kind == VL_O_ARRAY) vl_buf_printf(b, "%s%s nd=%u..%u lib=%u", o->sub ? " view" : "", o->flags & VL_F_PARTIAL ? " partial" : "",
                                             o->nd.lo, o->nd.hi, o->lib);
    if (o->kind == VL_O_SYM) vl_buf_printf(b, " %s", sym_ops[o->sub < 9 ? o->sub : 0]);
    if (o->name) vl_buf_printf(b, " '%s'", o->name);
    double num;
    if (o->kind == VL_O_SCALAR && vl_obj_number(o, &num)) vl_buf_printf(b, " =%g", num);
    if (o->flags & VL_F_ASSUMED) vl_buf_printf(b, " assumed");
    if (o->flags & VL_F_WHOLE) vl_buf_printf(b, " whole");
    site_format(b, o->site);
    if (depth < 3 && o->elem && !vl_val_empty(o->elem)) {
      vl_buf_printf(b, " elem=");
      vl_val_format(b, o->elem, depth + 1);
    }
    if (depth < 3 && o->base) {
      vl_buf_printf(b, " base=");
      vl_val_format(b, o->base, depth + 1);
    }
  }
  vl_buf_printf(b, "}");
}
