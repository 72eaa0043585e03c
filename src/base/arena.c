#include "base/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

typedef struct Block {
  struct Block *next;
  size_t used, cap;
  max_align_t data[];
} Block;

struct VlArena {
  Block *head;
};

/* Blocks start small and double up to MAX_BLOCK: a program holds thousands of arenas (one per
 * module), most of which stay small. */
enum { FIRST_BLOCK = 2 * 1024, MAX_BLOCK = 256 * 1024 };

VlArena *vl_arena_new(void) { return vl_xcalloc(1, sizeof(VlArena)); }

void vl_arena_delete(VlArena *self) {
  if (!self) return;
  for (Block *b = self->head, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(self);
}

void *vl_arena_alloc(VlArena *self, size_t size) {
  const size_t align = sizeof(max_align_t);
  size = (size + align - 1) / align * align;
  Block *b = self->head;
  if (!b || b->cap - b->used < size) {
    size_t cap = b ? (b->cap >= MAX_BLOCK ? MAX_BLOCK : b->cap * 2) : FIRST_BLOCK;
    if (cap < size) cap = size;
    b = vl_xrealloc(NULL, sizeof(Block) + cap);
    b->used = 0;
    b->cap = cap;
    b->next = self->head;
    self->head = b;
  }
  void *p = (char *)b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

size_t vl_arena_bytes(const VlArena *self) {
  size_t n = 0;
  for (const Block *b = self ? self->head : NULL; b; b = b->next) n += sizeof(Block) + b->cap;
  return n;
}

size_t vl_arena_used(const VlArena *self) {
  size_t n = 0;
  for (const Block *b = self ? self->head : NULL; b; b = b->next) n += b->used;
  return n;
}

char *vl_arena_strndup(VlArena *self, const char *s, size_t n) {
  char *d = vl_arena_alloc(self, n + 1);
  memcpy(d, s, n);
  return d;
}

char *vl_arena_strdup(VlArena *self, const char *s) { return vl_arena_strndup(self, s, strlen(s)); }

char *vl_arena_vprintf(VlArena *self, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  char *d = vl_arena_alloc(self, (size_t)(n < 0 ? 0 : n) + 1);
  if (n > 0) vsnprintf(d, (size_t)n + 1, fmt, ap);
  return d;
}

char *vl_arena_printf(VlArena *self, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *d = vl_arena_vprintf(self, fmt, ap);
  va_end(ap);
  return d;
}
