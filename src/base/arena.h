/* arena.h: bump allocator.  One arena per analysed file holds everything the analysis builds for
 * it and is freed in one call.  An arena is owned by one thread at a time; not thread-safe. */
#ifndef VL_BASE_ARENA_H
#define VL_BASE_ARENA_H
#include <stdarg.h>
#include <stddef.h>

typedef struct VlArena VlArena;

VlArena *vl_arena_new(void);
/* Frees the arena and everything allocated in it.  NULL is a no-op. */
void vl_arena_delete(VlArena *self);
/* Zeroed memory that lives as long as the arena. */
void *vl_arena_alloc(VlArena *self, size_t size);
/* Copies of strings, owned by the arena. */
char *vl_arena_strndup(VlArena *self, const char *s, size_t n);
char *vl_arena_strdup(VlArena *self, const char *s);
/* Bytes the arena holds from the heap (for statistics). */
size_t vl_arena_bytes(const VlArena *self);
/* Bytes handed out (for statistics). */
size_t vl_arena_used(const VlArena *self);
char *vl_arena_printf(VlArena *self, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *vl_arena_vprintf(VlArena *self, const char *fmt, va_list ap);

#define VL_ARENA_NEW(arena, T) ((T *)vl_arena_alloc((arena), sizeof(T)))
#define VL_ARENA_ARRAY(arena, T, n) ((T *)vl_arena_alloc((arena), sizeof(T) * (n)))

#endif
