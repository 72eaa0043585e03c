/* alloc.h: the one allocation path of viewleak.
 *
 * Every heap allocation in our code goes through these functions; they abort with a message on
 * out-of-memory, so callers never check for NULL.  Thread-safe (they only call malloc/realloc). */
#ifndef VL_BASE_ALLOC_H
#define VL_BASE_ALLOC_H
#include <stddef.h>

/* Returns zeroed memory the caller owns; free with free(). */
void *vl_xcalloc(size_t count, size_t size);
/* Resizes p (which may be NULL); the caller owns the result. */
void *vl_xrealloc(void *p, size_t size);
/* Returns a heap copy of s (NULL stays NULL); the caller owns it. */
char *vl_xstrdup(const char *s);
/* Returns a heap copy of the first n bytes of s, NUL-terminated; the caller owns it. */
char *vl_xstrndup(const char *s, size_t n);

#endif
