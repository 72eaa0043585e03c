/* arena.h: bump allocator.  One arena per analysed file holds everything the analysis builds for
 * it and is freed in one call.  An arena is owned by one thread at a time; not thread-safe. */
#ifndef VL_BASE_ARENA_H
#define VL_BASE_ARENA_H
#include <stdarg.h>
#include <stddef.h>

typedef struct VlArena VlArena;

VlArena *vl_arena_new(void);
/* An arena for what lives until the end of a run while other arenas come and go: its blocks are
 * mapped from the kernel, not taken from the heap, so they never sit between short-lived
 * allocations and keep the heap from shrinking. */
VlArena *vl_arena_new_mapped(void);
/* Frees the arena and everything allocated in it.  NULL is a no-op. */
void vl_arena_delete(VlArena *self);
/* Frees everything allocated in the arena but keeps its newest (largest) block for reuse: a
 * scratch arena reset between uses (a frame's own state, interp.c) costs no allocation while what
 * it holds fits one block.  Every pointer into it dangles after. */
void vl_arena_reset(VlArena *self);
/* Zeroed memory that lives as long as the arena (size 0: a valid pointer to no bytes, for empty arrays). */
void *vl_arena_alloc(VlArena *self, size_t size);
/* The same, aligned for `align` (a power of two) only: what a type needs (VL_ARENA_NEW), not the
 * most any type may need, so that small objects and strings take no padding. */
void *vl_arena_alloc_aligned(VlArena *self, size_t size, size_t align);
/* The same, not zeroed: for a caller that writes every byte at once (a copy, a string). */
void *vl_arena_alloc_raw(VlArena *self, size_t size, size_t align);
/* Copies of strings, owned by the arena. */
char *vl_arena_strndup(VlArena *self, const char *s, size_t n);
char *vl_arena_strdup(VlArena *self, const char *s);
/* "a.b", owned by the arena: vl_arena_printf(self, "%s.%s", a, b) without printf's cost (the analysis
 * makes one for every library name it looks up). */
char *vl_arena_dotted(VlArena *self, const char *a, const char *b);
/* Bytes the arena holds from the heap (for statistics). */
size_t vl_arena_bytes(const VlArena *self);
/* Bytes handed out (for statistics). */
size_t vl_arena_used(const VlArena *self);
char *vl_arena_printf(VlArena *self, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *vl_arena_vprintf(VlArena *self, const char *fmt, va_list ap);

#define VL_ARENA_NEW(arena, T) ((T *)vl_arena_alloc_aligned((arena), sizeof(T), _Alignof(T)))
#define VL_ARENA_ARRAY(arena, T, n) ((T *)vl_arena_alloc_aligned((arena), sizeof(T) * (n), _Alignof(T)))

#endif
