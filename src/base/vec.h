/* vec.h: growable arrays on the heap, as macros over a {items, len, cap} struct.
 *   VL_VEC(int) v = {0}; VL_VEC_PUSH(&v, 3); ... free(v.items);
 * Not thread-safe; the owner frees items. */
#ifndef VL_BASE_VEC_H
#define VL_BASE_VEC_H
#include <stdlib.h>

#include "base/alloc.h"

#define VL_VEC(T) struct { T *items; size_t len, cap; }
#define VL_VEC_PUSH(v, x)                                                               \
  do {                                                                                  \
    if ((v)->len == (v)->cap) {                                                         \
      (v)->cap = (v)->cap ? (v)->cap * 2 : 8;                                           \
      (v)->items = vl_xrealloc((v)->items, (v)->cap * sizeof(*(v)->items));             \
    }                                                                                   \
    (v)->items[(v)->len++] = (x);                                                       \
  } while (0)
#define VL_VEC_FREE(v) (free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)

#endif
