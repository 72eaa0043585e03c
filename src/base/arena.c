#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "base/arena.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/alloc.h"

typedef struct Block {
  struct Block *next;
  size_t used, cap;
  max_align_t data[];
} Block;

struct VlArena {
  Block *head;
  bool mapped; /* blocks come straight from the kernel (vl_arena_new_mapped) */
};

/* Blocks start small and double up to MAX_BLOCK: a program holds thousands of arenas (one per
 * module), most of which stay small. */
enum { FIRST_BLOCK = 2 * 1024, MAX_BLOCK = 256 * 1024 };

VlArena *vl_arena_new(void) { return vl_xcalloc(1, sizeof(VlArena)); }

VlArena *vl_arena_new_mapped(void) {
  VlArena *a = vl_arena_new();
  a->mapped = true;
  return a;
}

void vl_arena_delete(VlArena *self) {
  if (!self) return;
  for (Block *b = self->head, *next; b; b = next) {
    next = b->next;
    if (self->mapped) munmap(b, sizeof(Block) + b->cap);
    else free(b);
  }
  free(self);
}

/* A block of at least `cap` bytes of data. */
static Block *new_block(VlArena *self, size_t cap) {
  Block *b;
  if (self->mapped) {
    size_t page = 4096, bytes = (sizeof(Block) + cap + page - 1) / page * page;
    b = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (b == MAP_FAILED) {
      fprintf(stderr, "viewleak: out of memory (%zu bytes)\n", bytes);
      abort();
    }
    cap = bytes - sizeof(Block);
  } else {
    b = vl_xrealloc(NULL, sizeof(Block) + cap);
  }
  b->used = 0;
  b->cap = cap;
  return b;
}

void *vl_arena_alloc_raw(VlArena *self, size_t size, size_t align) {
  Block *b = self->head;
  size_t at = b ? (b->used + align - 1) / align * align : 0;
  if (!b || at > b->cap || b->cap - at < size) {
    size_t cap = self->mapped ? MAX_BLOCK : b ? (b->cap >= MAX_BLOCK ? MAX_BLOCK : b->cap * 2) : FIRST_BLOCK;
    if (cap < size) cap = size;
    b = new_block(self, cap);
    b->next = self->head;
    self->head = b;
    at = 0; /* (data is aligned for anything) */
  }
  void *p = (char *)b->data + at;
  b->used = at + size;
  return p;
}

void *vl_arena_alloc_aligned(VlArena *self, size_t size, size_t align) {
  void *p = vl_arena_alloc_raw(self, size, align);
  memset(p, 0, size);
  return p;
}

void *vl_arena_alloc(VlArena *self, size_t size) { return vl_arena_alloc_aligned(self, size, _Alignof(max_align_t)); }

void vl_arena_reset(VlArena *self) {
  if (!self || !self->head) return;
  Block *keep = self->head; /* the newest: blocks double, so it is the largest */
  for (Block *b = keep->next, *next; b; b = next) {
    next = b->next;
    if (self->mapped) munmap(b, sizeof(Block) + b->cap);
    else free(b);
  }
  keep->next = NULL;
  keep->used = 0;
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
  char *d = vl_arena_alloc_raw(self, n + 1, 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *vl_arena_strdup(VlArena *self, const char *s) { return vl_arena_strndup(self, s, strlen(s)); }

char *vl_arena_dotted(VlArena *self, const char *a, const char *b) {
  if (!a) a = "(null)"; /* as glibc's printf writes it: the same string in every case */
  if (!b) b = "(null)";
  size_t na = strlen(a), nb = strlen(b);
  char *d = vl_arena_alloc_raw(self, na + nb + 2, 1);
  memcpy(d, a, na);
  d[na] = '.';
  memcpy(d + na + 1, b, nb);
  d[na + 1 + nb] = '\0';
  return d;
}

char *vl_arena_vprintf(VlArena *self, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  char *d = vl_arena_alloc_aligned(self, (size_t)(n < 0 ? 0 : n) + 1, 1);
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
