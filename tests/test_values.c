/* test_values.c: the interner of sites, objects and values (flow/value.c). */
#include "testlib.h"

static const VlObj *int_obj(VlValues *v, long n) {
  return vl_obj(v, (VlObj){.kind = VL_O_INT, .num_known = true, .index = (uint32_t)n, .nd = vl_nd_unknown()});
}

/* Equal objects are one object; a value's objects come in the order they were made, whatever the
 * order they are given in and wherever memory put them: a large allocation between two objects
 * makes the arena take new blocks, which the system usually maps below the earlier ones, so the
 * later object has the lower address (the order by address would put it first). */
static void value_order_is_creation_order(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  VlValues *v = vl_values_new(arena);
  const VlObj *first = int_obj(v, 1);
  (void)vl_arena_alloc(arena, 600 * 1024);
  (void)vl_arena_alloc(arena, 8);
  const VlObj *a = int_obj(v, 2);
  (void)vl_arena_alloc(arena, 600 * 1024);
  (void)vl_arena_alloc(arena, 8);
  const VlObj *b = int_obj(v, 3);
  assert_ptr_equal(int_obj(v, 2), a);
  assert_true(first->serial < a->serial && a->serial < b->serial);
  const VlObj *given[] = {b, first, a, b};
  const VlVal *val = vl_val_of(v, given, 4);
  assert_int_equal(val->n, 3);
  assert_ptr_equal(val->objs[0], first);
  assert_ptr_equal(val->objs[1], a);
  assert_ptr_equal(val->objs[2], b);
  assert_ptr_equal(vl_join(v, vl_val1(v, b), vl_val1(v, a)), vl_join(v, vl_val1(v, a), vl_val1(v, b)));
  vl_values_delete(v);
  vl_arena_delete(arena);
}

/* Too many possibilities: the first VL_VAL_MAX given are kept, and unknown stands for the rest. */
static void too_many_objects(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  VlValues *v = vl_values_new(arena);
  const VlObj *objs[VL_VAL_MAX + 3];
  for (int i = 0; i < VL_VAL_MAX + 3; i++) objs[i] = int_obj(v, 100 + i);
  const VlVal *val = vl_val_of(v, objs, VL_VAL_MAX + 3);
  assert_int_equal(val->n, VL_VAL_MAX + 1);
  for (int i = 0; i < VL_VAL_MAX; i++) assert_ptr_equal(val->objs[i], objs[i]);
  assert_int_equal(val->objs[VL_VAL_MAX]->kind, VL_O_UNKNOWN);
  assert_true(vl_val_unknownish(val));
  vl_values_delete(v);
  vl_arena_delete(arena);
}

/* A library instance's model and state (VlObj.sub, .index of VL_O_INST) are part of its identity:
 * instances of one site, class and state are one object, and a different mode, keyword or kind makes
 * another, as the state written into the name did before. */
static const VlObj *inst_obj(VlArena *arena, VlValues *v, const VlSite *site, const char *name, uint8_t model, uint32_t state) {
  const char *copy = vl_arena_strdup(arena, name); /* names compare by content, not by address */
  return vl_obj(v, (VlObj){.kind = VL_O_INST, .sub = model, .index = state, .name = copy, .site = site, .nd = vl_nd_unknown()});
}

static void instance_state_is_identity(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  VlValues *v = vl_values_new(arena);
  const VlSite *s = vl_site(v, (VlSite){.kind = VL_SITE_NEW, .at = 3});
  const VlObj *rgb = inst_obj(arena, v, s, "PIL.Image.Image", VL_INST_PIL, 13);
  assert_ptr_equal(inst_obj(arena, v, s, "PIL.Image.Image", VL_INST_PIL, 13), rgb);
  assert_ptr_not_equal(inst_obj(arena, v, s, "PIL.Image.Image", VL_INST_PIL, 0), rgb);
  assert_ptr_not_equal(inst_obj(arena, v, s, "PIL.Image.Image", VL_INST_OTHER, 13), rgb);
  const VlObj *pca = inst_obj(arena, v, s, "sklearn.decomposition.PCA", VL_INST_ESTIMATOR, 0);
  assert_ptr_equal(inst_obj(arena, v, s, "sklearn.decomposition.PCA", VL_INST_ESTIMATOR, 0), pca);
  assert_ptr_not_equal(inst_obj(arena, v, s, "sklearn.decomposition.PCA", VL_INST_ESTIMATOR, 1), pca); /* a pipeline */
  assert_ptr_not_equal(inst_obj(arena, v, s, "sklearn.decomposition.PCA", VL_INST_ESTIMATOR, 1u << 2), pca);
  assert_ptr_not_equal(inst_obj(arena, v, s, "sklearn.decomposition.IncrementalPCA", VL_INST_ESTIMATOR, 0), pca);
  const VlObj *frame = inst_obj(arena, v, s, "pandas.DataFrame", VL_INST_PANDAS, 1);
  assert_ptr_not_equal(inst_obj(arena, v, s, "pandas.DataFrame", VL_INST_PANDAS, 2), frame);
  assert_true(vl_inst_of(frame, VL_INST_PANDAS) && !vl_inst_of(frame, VL_INST_PIL) && vl_inst_of(pca, VL_INST_ESTIMATOR));
  const VlVal *both = vl_join(v, vl_val1(v, rgb), vl_val1(v, inst_obj(arena, v, s, "PIL.Image.Image", VL_INST_PIL, 0)));
  assert_int_equal(both->n, 2);
  assert_ptr_equal(vl_join(v, both, vl_val1(v, rgb)), both);
  vl_values_delete(v);
  vl_arena_delete(arena);
}

/* vl_val_of as it was written before it sorted in place (keep the first VL_VAL_MAX distinct objects
 * in the order given, unknown for the rest, then a stable sort by serial): what it builds now must
 * be the same value for any objects given, in any order, with repeats. */
static size_t reference_val_of(VlValues *v, const VlObj *const *objs, size_t n, const VlObj **out) {
  size_t k = 0;
  bool unknown = false;
  for (size_t i = 0; i < n; i++) {
    if (!objs[i]) continue;
    if (objs[i]->kind == VL_O_UNKNOWN) {
      unknown = true;
      continue;
    }
    bool dup = false;
    for (size_t j = 0; j < k && !dup; j++) dup = out[j] == objs[i];
    if (dup) continue;
    if (k < VL_VAL_MAX) out[k++] = objs[i];
    else unknown = true;
  }
  for (size_t i = 1; i < k; i++) {
    const VlObj *o = out[i];
    size_t j = i;
    for (; j > 0 && out[j - 1]->serial > o->serial; j--) out[j] = out[j - 1];
    out[j] = o;
  }
  if (unknown) out[k++] = vl_unknown(v)->objs[0];
  return k;
}

static void value_is_the_sorted_first_distinct(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  VlValues *v = vl_values_new(arena);
  const VlObj *pool[24];
  for (int i = 0; i < 24; i++) pool[i] = int_obj(v, 7 * i);
  const VlObj *unknown = vl_unknown(v)->objs[0];
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; round++) {
    const VlObj *given[40];
    size_t n = 1 + round % 40;
    for (size_t i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      uint32_t r = (seed >> 8) % 100;
      /* few distinct objects in most rounds (repeats), all 24 in some (over the cap) */
      given[i] = r < 3 ? NULL : r < 6 ? unknown : pool[(seed >> 16) % (round % 3 == 0 ? 24u : 5u)];
    }
    const VlObj *want[VL_VAL_MAX + 1];
    size_t k = reference_val_of(v, given, n, want);
    const VlVal *got = vl_val_of(v, given, n);
    assert_int_equal(got->n, k);
    for (size_t i = 0; i < k; i++) assert_ptr_equal(got->objs[i], want[i]);
    if (n >= 2) { /* a join is the value of both lists' objects */
      const VlVal *a = vl_val_of(v, given, n / 2), *b = vl_val_of(v, given + n / 2, n - n / 2);
      const VlObj *both[2 * (VL_VAL_MAX + 1)];
      size_t nb = 0;
      for (uint16_t i = 0; i < a->n; i++) both[nb++] = a->objs[i];
      for (uint16_t i = 0; i < b->n; i++) both[nb++] = b->objs[i];
      assert_ptr_equal(vl_join(v, a, b), vl_val_of(v, both, nb));
    }
  }
  vl_values_delete(v);
  vl_arena_delete(arena);
}

/* Every field of an object is part of its identity (but its serial): objects that differ in any one
 * of the small fields hashed and compared a word at a time are distinct, equal ones are one. */
static void every_field_is_identity(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  VlValues *v = vl_values_new(arena);
  const VlSite *s = vl_site(v, (VlSite){.kind = VL_SITE_NEW, .at = 3});
  const VlObj base = {.kind = VL_O_ARRAY, .sub = 1, .flags = 2, .lib = 1, .layout = 1, .nd = {1, 2}, .site = s,
                      .func = 4, .index = 5, .expr = 6, .num_known = true, .units = 1, .name = "x"};
  const VlObj *o = vl_obj(v, base);
  VlObj c = base;
  c.name = vl_arena_strdup(arena, "x"); /* names compare by content */
  assert_ptr_equal(vl_obj(v, c), o);
  VlObj variants[11];
  for (int i = 0; i < 11; i++) variants[i] = base;
  variants[0].kind = VL_O_SEQ;
  variants[1].sub = 0;
  variants[2].flags = 0;
  variants[3].lib = 2;
  variants[4].layout = 0;
  variants[5].nd.hi = 3;
  variants[6].func = 9;
  variants[7].index = 9;
  variants[8].expr = 9;
  variants[9].num_known = false;
  variants[10].units = 0;
  for (int i = 0; i < 11; i++) {
    const VlObj *x = vl_obj(v, variants[i]);
    assert_ptr_not_equal(x, o);
    assert_ptr_equal(vl_obj(v, variants[i]), x);
  }
  vl_values_delete(v);
  vl_arena_delete(arena);
}

/* vl_obj_named: a name the caller does not keep (a frame's scratch, a stack buffer) is copied into
 * the interner's arena when the object is new, and never again: the object found by a later lookup
 * is the first, with the first copy. */
static void a_borrowed_name_is_copied_once(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  VlValues *v = vl_values_new(arena);
  char buf[32];
  strcpy(buf, "builtins.len");
  const VlObj *a = vl_obj_named(v, (VlObj){.kind = VL_O_LIB, .name = buf, .nd = vl_nd_unknown()});
  assert_ptr_not_equal(a->name, buf);
  assert_string_equal(a->name, "builtins.len");
  size_t used = vl_arena_used(arena);
  strcpy(buf, "xxxxxxxx.xxx"); /* the caller's buffer changes: the object's name does not */
  assert_string_equal(a->name, "builtins.len");
  strcpy(buf, "builtins.len");
  assert_ptr_equal(vl_obj_named(v, (VlObj){.kind = VL_O_LIB, .name = buf, .nd = vl_nd_unknown()}), a);
  assert_int_equal(vl_arena_used(arena), used); /* found: nothing copied */
  /* the same object as vl_obj makes from a name of another address */
  assert_ptr_equal(vl_obj(v, (VlObj){.kind = VL_O_LIB, .name = "builtins.len", .nd = vl_nd_unknown()}), a);
  vl_values_delete(v);
  vl_arena_delete(arena);
}

/* The table doubles many times over (value.c: grow makes each entry's hash again from the
 * entry, the slot keeping only 16 bits of it): after 100,000 objects, sites, shapes and values of each
 * kind, each one made again is the same pointer, serials are in the order made, and distinct entries
 * stay distinct (a tag that matched a different entry would merge two). */
static void the_table_grows_and_keeps_every_entry(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  VlValues *v = vl_values_new(arena);
  enum { N = 100000 };
  static const VlObj *ints[N], *tuples[N];
  static const VlSite *sites[N];
  static const VlShape *shapes[N];
  static const VlVal *pairs[N];
  for (long i = 0; i < N; i++) {
    ints[i] = int_obj(v, i);
    sites[i] = vl_site(v, (VlSite){.kind = VL_SITE_NEW, .func = (VlId)(i % 7), .at = (VlId)i, .start = (uint32_t)i});
    shapes[i] = vl_shape(v, (VlShape){.n = 1, .itemsize = 8, .dims = {i + 1}});
    const VlVal *item = vl_val1(v, ints[i]);
    tuples[i] = vl_obj(v, (VlObj){.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .site = sites[i], .nitems = 1, .items = &item});
    pairs[i] = vl_join(v, item, vl_val1(v, ints[i / 2]));
  }
  for (long i = 0; i < N; i++) {
    assert_ptr_equal(int_obj(v, i), ints[i]);
    assert_int_equal(ints[i]->index, (uint32_t)i);
    if (i) assert_true(ints[i - 1]->serial < ints[i]->serial);
    assert_ptr_equal(vl_site(v, (VlSite){.kind = VL_SITE_NEW, .func = (VlId)(i % 7), .at = (VlId)i, .start = (uint32_t)i}), sites[i]);
    assert_int_equal(sites[i]->at, (VlId)i);
    assert_ptr_equal(vl_shape(v, (VlShape){.n = 1, .itemsize = 8, .dims = {i + 1}}), shapes[i]);
    const VlVal *item = vl_val1(v, ints[i]);
    assert_ptr_equal(vl_obj(v, (VlObj){.kind = VL_O_SEQ, .sub = VL_SEQ_TUPLE, .site = sites[i], .nitems = 1, .items = &item}),
                     tuples[i]);
    assert_ptr_equal(tuples[i]->items[0]->objs[0], ints[i]);
    assert_ptr_equal(vl_join(v, vl_val1(v, ints[i / 2]), item), pairs[i]);
  }
  assert_true(vl_values_count(v) >= 5 * (size_t)N);
  vl_values_delete(v);
  vl_arena_delete(arena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(value_order_is_creation_order),
      cmocka_unit_test(the_table_grows_and_keeps_every_entry),
      cmocka_unit_test(too_many_objects),
      cmocka_unit_test(instance_state_is_identity),
      cmocka_unit_test(value_is_the_sorted_first_distinct),
      cmocka_unit_test(every_field_is_identity),
      cmocka_unit_test(a_borrowed_name_is_copied_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
