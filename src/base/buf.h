/* buf.h: a growable byte buffer for building output text.  The owner frees `data`. */
#ifndef VL_BASE_BUF_H
#define VL_BASE_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct VlBuf {
  char *data; /* always NUL-terminated once anything was appended */
  size_t len, cap;
} VlBuf;

void vl_buf_append(VlBuf *self, const char *s, size_t n);
void vl_buf_puts(VlBuf *self, const char *s);
void vl_buf_printf(VlBuf *self, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vl_buf_free(VlBuf *self);

#endif
