/* names.c: string interning and Python's scoping rules for the IR.
 *
 * Every name expression gets a VlSym saying which scope's slot it is, following Python:
 *
 *   binding in scope S                          a use of x in S resolves to
 *   x bound in S (assignment, for, with, import,  S's slot (LOCAL)
 *     def, class, parameter, except-as, walrus)
 *   `global x` in S                               the module's slot (GLOBAL)
 *   `nonlocal x` in S, or x not bound in S       the nearest enclosing function binding x (CELL),
 *                                                class bodies skipped, as in Python; the module's
 *                                                slot (GLOBAL) if only the module binds it
 *   bound nowhere                                 BUILTIN (len, range, or a name from `import *`)
 *
 * A walrus binds in the nearest enclosing non-comprehension scope; comprehension targets are local
 * to the comprehension (Python 3). */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "ir/lower_internal.h"

/* ---- strings ---- */

static uint32_t hash_bytes(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

void vl_strtab_init(VlStrtab *t) { memset(t, 0, sizeof *t); }

static void strtab_grow(VlStrtab *t) {
  uint32_t cap = t->cap ? t->cap * 2 : 1024;
  uint32_t *slots = vl_xcalloc(cap, sizeof(uint32_t));
  for (uint32_t id = 0; id < t->strs.len; id++) {
    uint32_t h = hash_bytes(t->strs.items[id], t->lens.items[id]) & (cap - 1);
    while (slots[h]) h = (h + 1) & (cap - 1);
    slots[h] = id + 1;
  }
  free(t->slots);
  t->slots = slots;
  t->cap = cap;
}

VlId vl_strtab_intern(VlStrtab *t, VlArena *arena, const char *s, size_t n) {
  if ((t->strs.len + 1) * 2 > t->cap) strtab_grow(t);
  uint32_t h = hash_bytes(s, n) & (t->cap - 1);
  while (t->slots[h]) {
    uint32_t id = t->slots[h] - 1;
    if (t->lens.items[id] == n && memcmp(t->strs.items[id], s, n) == 0) return id;
    h = (h + 1) & (t->cap - 1);
  }
  VL_VEC_PUSH(&t->strs, vl_arena_strndup(arena, s, n));
  VL_VEC_PUSH(&t->lens, (uint32_t)n);
  t->slots[h] = (uint32_t)t->strs.len;
  return (VlId)(t->strs.len - 1);
}

const char *vl_strtab_get(const VlStrtab *t, VlId id) { return id < t->strs.len ? t->strs.items[id] : ""; }

const char **vl_strtab_finish(VlStrtab *t, VlArena *arena, uint32_t *n) {
  const char **out = VL_ARENA_ARRAY(arena, const char *, t->strs.len + 1);
  if (t->strs.len) memcpy(out, t->strs.items, t->strs.len * sizeof(const char *));
  *n = (uint32_t)t->strs.len;
  VL_VEC_FREE(&t->strs);
  VL_VEC_FREE(&t->lens);
  free(t->slots);
  memset(t, 0, sizeof *t);
  return out;
}

VlId vl_module_find_str(const VlModule *m, const char *s) {
  for (uint32_t i = 1; i < m->nstrs; i++)
    if (strcmp(m->strs[i], s) == 0) return i;
  return 0;
}

/* ---- scopes ---- */

static uint32_t entry_hash(VlId func, VlId name) { return (func * 2654435761u) ^ (name * 40503u); }

void vl_scopes_add(VlScopes *s, VlId func) {
  while (s->first.len <= func) {
    VL_VEC_PUSH(&s->first, 0);
    VL_VEC_PUSH(&s->last, 0);
  }
  if (!s->entries.len) VL_VEC_PUSH(&s->entries, (VlScopeEntry){0});
}

/* The entry of (func, name), walking the bucket's chain in `chains` (NULL: the entries' own `chain`
 * fields, until assign_slots turns them into slots and hands the chains back). */
static uint32_t find_in(const VlScopes *s, const uint32_t *chains, VlId func, VlId name) {
  if (!s->nbuckets) return 0;
  for (uint32_t e = s->buckets[entry_hash(func, name) & (s->nbuckets - 1)]; e;
       e = chains ? chains[e] : s->entries.items[e].chain)
    if (s->entries.items[e].func == func && s->entries.items[e].name == name) return e;
  return 0;
}

static uint32_t find_entry(const VlScopes *s, VlId func, VlId name) { return find_in(s, NULL, func, name); }

static void rehash(VlScopes *s) {
  uint32_t n = s->nbuckets ? s->nbuckets * 2 : 256;
  free(s->buckets);
  s->buckets = vl_xcalloc(n, sizeof(uint32_t));
  s->nbuckets = n;
  for (uint32_t e = 1; e < s->entries.len; e++) {
    uint32_t h = entry_hash(s->entries.items[e].func, s->entries.items[e].name) & (n - 1);
    s->entries.items[e].chain = s->buckets[h];
    s->buckets[h] = e;
  }
}

void vl_scopes_bind(VlScopes *s, VlId func, VlId name, uint8_t flag) {
  vl_scopes_add(s, func);
  uint32_t e = find_entry(s, func, name);
  if (e) {
    s->entries.items[e].flags |= flag;
    return;
  }
  VlScopeEntry en = {.func = func, .name = name, .flags = flag};
  VL_VEC_PUSH(&s->entries, en);
  e = (uint32_t)(s->entries.len - 1);
  if (s->last.items[func]) s->entries.items[s->last.items[func]].next = e;
  else s->first.items[func] = e;
  s->last.items[func] = e;
  if (s->entries.len * 2 > s->nbuckets) rehash(s);
  else {
    uint32_t h = entry_hash(func, name) & (s->nbuckets - 1);
    s->entries.items[e].chain = s->buckets[h];
    s->buckets[h] = e;
  }
}

void vl_scopes_use(VlScopes *s, VlId func, VlId expr) {
  VlNameUse u = {func, expr};
  VL_VEC_PUSH(&s->uses, u);
}

void vl_scopes_free(VlScopes *s) {
  VL_VEC_FREE(&s->entries);
  VL_VEC_FREE(&s->first);
  VL_VEC_FREE(&s->last);
  VL_VEC_FREE(&s->uses);
  free(s->buckets);
  memset(s, 0, sizeof *s);
}

/* Numbers each function's locals in first-binding order, writes their names into kids, and stores
 * each entry's slot in its `chain` field (the hash is no longer needed for insertion).  Returns the
 * hash chains (owned by the caller, free()), which with the buckets, kept, still answer lookups. */
static uint32_t *assign_slots(Lower *L) {
  VlScopes *s = &L->scopes;
  /* keep lookups working: copy the chains first */
  uint32_t *chains = vl_xcalloc(s->entries.len + 1, sizeof(uint32_t));
  for (uint32_t e = 1; e < s->entries.len; e++) chains[e] = s->entries.items[e].chain;
  uint32_t *slots = vl_xcalloc(s->entries.len + 1, sizeof(uint32_t));
  for (VlId f = 1; f < L->funcs.len; f++) {
    VlFunc *fn = &L->funcs.items[f];
    fn->locals = (VlId)L->kids.len;
    uint32_t n = 0;
    for (uint32_t e = f < s->first.len ? s->first.items[f] : 0; e; e = s->entries.items[e].next) {
      const VlScopeEntry *en = &s->entries.items[e];
      if (!(en->flags & VL_BIND_LOCAL) || (en->flags & (VL_BIND_GLOBAL | VL_BIND_NONLOCAL))) continue;
      if (n == 0xffff) break;
      slots[e] = n++;
      VL_VEC_PUSH(&L->kids, en->name);
    }
    fn->nlocals = (uint16_t)n;
  }
  /* from here on, `chain` answers slot_of; lookups use the saved chains */
  for (uint32_t e = 1; e < s->entries.len; e++) s->entries.items[e].chain = slots[e];
  free(slots);
  return chains;
}

void vl_scopes_resolve(Lower *L) {
  VlScopes *s = &L->scopes;
  /* `global x` anywhere makes x a module binding */
  for (uint32_t e = 1; e < s->entries.len; e++)
    if (s->entries.items[e].flags & VL_BIND_GLOBAL) {
      VlId name = s->entries.items[e].name;
      vl_scopes_bind(s, VL_MODULE_FUNC, name, VL_BIND_LOCAL);
    }
  uint32_t *chains = assign_slots(L);

#define FLAGS(e) (s->entries.items[e].flags)
#define SLOT(e) ((uint16_t)s->entries.items[e].chain)
#define IS_LOCAL(e) ((FLAGS(e) & VL_BIND_LOCAL) && !(FLAGS(e) & (VL_BIND_GLOBAL | VL_BIND_NONLOCAL)))
  for (size_t i = 0; i < s->uses.len; i++) {
    VlId f = s->uses.items[i].func;
    VlExpr *x = &L->exprs.items[s->uses.items[i].expr];
    VlId name = x->a;
    VlSym sym = {VL_SYM_BUILTIN, 0, 0};
    uint32_t e = find_in(s, chains, f, name);
    uint32_t me = find_in(s, chains, VL_MODULE_FUNC, name);
    if (e && (FLAGS(e) & VL_BIND_GLOBAL)) {
      if (me) sym = (VlSym){VL_SYM_GLOBAL, SLOT(me), VL_MODULE_FUNC};
    } else if (e && IS_LOCAL(e)) {
      sym = (VlSym){(uint8_t)(f == VL_MODULE_FUNC ? VL_SYM_GLOBAL : VL_SYM_LOCAL), SLOT(e), f};
    } else {
      /* free: the nearest enclosing function binding it, class bodies skipped */
      bool found = false;
      for (VlId p = L->funcs.items[f].parent; p && !found; p = L->funcs.items[p].parent) {
        if (L->funcs.items[p].kind == VL_FN_CLASS) continue;
        uint32_t pe = find_in(s, chains, p, name);
        if (!pe) continue;
        if (FLAGS(pe) & VL_BIND_GLOBAL) break;
        if (!IS_LOCAL(pe)) continue;
        sym = (VlSym){(uint8_t)(p == VL_MODULE_FUNC ? VL_SYM_GLOBAL : VL_SYM_CELL), SLOT(pe), p};
        found = true;
      }
      if (!found && me && IS_LOCAL(me)) sym = (VlSym){VL_SYM_GLOBAL, SLOT(me), VL_MODULE_FUNC};
    }
    x->sym = sym;
  }
#undef FLAGS
#undef SLOT
#undef IS_LOCAL
  free(chains);
  free(s->buckets); /* `chain` holds slots now: no lookups after this */
  s->buckets = NULL;
  s->nbuckets = 0;
}
