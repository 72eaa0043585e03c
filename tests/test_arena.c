/* test_arena.c: the bump allocator (base/arena.c), its heap-backed and its mapped kind. */
#include "testlib.h"

#include <string.h>

typedef VlArena *(*NewArena)(void);

/* Many allocations of every size up to and beyond a block: each zeroed, aligned, and apart from the
 * others (writing one never changes another). */
static void check_arena(NewArena make) {
  VlArena *a = make();
  enum { N = 3000 };
  unsigned char *p[N];
  size_t size[N];
  for (size_t i = 0; i < N; i++) {
    size[i] = i == 17 ? 600 * 1024 : (i * 37) % 5000; /* one larger than a block */
    p[i] = vl_arena_alloc(a, size[i]);
    assert_non_null(p[i]);
    assert_int_equal((uintptr_t)p[i] % _Alignof(max_align_t), 0);
    for (size_t k = 0; k < size[i]; k++) assert_int_equal(p[i][k], 0);
    memset(p[i], (int)(i % 251) + 1, size[i]);
  }
  for (size_t i = 0; i < N; i++)
    for (size_t k = 0; k < size[i]; k++) assert_int_equal(p[i][k], (int)(i % 251) + 1);
  size_t want = 0;
  for (size_t i = 0; i < N; i++) want += size[i];
  assert_true(vl_arena_used(a) >= want);
  assert_true(vl_arena_bytes(a) >= vl_arena_used(a));
  char *s = vl_arena_strdup(a, "kept");
  assert_string_equal(s, "kept");
  vl_arena_delete(a);
}

static void heap_arena(void **state) {
  (void)state;
  check_arena(vl_arena_new);
}

static void mapped_arena(void **state) {
  (void)state;
  check_arena(vl_arena_new_mapped);
}

/* An empty array (size 0) is a valid pointer that takes no room. */
static void empty_allocation(void **state) {
  (void)state;
  VlArena *a = vl_arena_new_mapped();
  char *x = vl_arena_alloc(a, 16);
  size_t used = vl_arena_used(a);
  assert_non_null(vl_arena_alloc(a, 0));
  assert_int_equal(vl_arena_used(a), used);
  x[0] = 'x';
  vl_arena_delete(a);
  vl_arena_delete(NULL);
}

/* Typed allocations are aligned for their type only: strings pack, and what follows a string is
 * still aligned for its own type. */
static void typed_alignment(void **state) {
  (void)state;
  VlArena *a = vl_arena_new();
  char *s1 = vl_arena_strdup(a, "ab");
  char *s2 = vl_arena_strdup(a, "c");
  assert_ptr_equal(s2, s1 + 3);
  int64_t *x = VL_ARENA_NEW(a, int64_t);
  assert_int_equal((uintptr_t)x % _Alignof(int64_t), 0);
  *x = -1;
  char *s3 = vl_arena_strdup(a, "d");
  double *d = VL_ARENA_ARRAY(a, double, 3);
  assert_int_equal((uintptr_t)d % _Alignof(double), 0);
  d[2] = 1.5;
  void *m = vl_arena_alloc(a, 1);
  assert_int_equal((uintptr_t)m % _Alignof(max_align_t), 0);
  assert_string_equal(s1, "ab");
  assert_string_equal(s2, "c");
  assert_string_equal(s3, "d");
  assert_int_equal(*x, -1);
  vl_arena_delete(a);
}

/* Copies and raw memory are not zeroed (vl_arena_alloc_raw): a copy of a string's prefix still ends
 * where asked, in memory that held other bytes before (a block from the heap). */
static void strings_end_where_asked(void **state) {
  (void)state;
  for (int round = 0; round < 2; round++) {
    VlArena *a = vl_arena_new();
    char *raw = vl_arena_alloc_raw(a, 64, 8);
    assert_int_equal((uintptr_t)raw % 8, 0);
    memset(raw, 'x', 64); /* the next round's arena may get this block back from the heap */
    char *p = vl_arena_strndup(a, "abcdef", 3);
    assert_string_equal(p, "abc");
    assert_string_equal(vl_arena_dotted(a, "np", "delete"), "np.delete");
    assert_string_equal(vl_arena_strdup(a, ""), "");
    vl_arena_delete(a);
  }
}

/* A reset arena (a frame's scratch, interp.c: vl_frame_free) hands out its memory again: it keeps
 * its newest, largest block, so a frame whose state fits it allocates nothing from the heap, and
 * frees the older blocks (a large frame's state does not stay). */
static void reset_reuses_the_newest_block(void **state) {
  (void)state;
  VlArena *a = vl_arena_new();
  vl_arena_reset(a); /* (an arena that never allocated) */
  assert_int_equal(vl_arena_bytes(a), 0);
  for (int i = 0; i < 200; i++) (void)vl_arena_alloc(a, 100);
  size_t grown = vl_arena_bytes(a);
  char *p = vl_arena_alloc(a, 16);
  vl_arena_reset(a);
  assert_int_equal(vl_arena_used(a), 0);
  size_t kept = vl_arena_bytes(a);
  assert_true(kept > 0 && kept < grown);
  char *q = vl_arena_alloc(a, 16);
  assert_true(q <= p); /* the kept block's start: where p's block began */
  assert_int_equal(q[0], 0);
  assert_int_equal(vl_arena_bytes(a), kept);
  vl_arena_reset(NULL);
  vl_arena_delete(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(heap_arena),
      cmocka_unit_test(mapped_arena),
      cmocka_unit_test(empty_allocation),
      cmocka_unit_test(typed_alignment),
      cmocka_unit_test(strings_end_where_asked),
      cmocka_unit_test(reset_reuses_the_newest_block),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
