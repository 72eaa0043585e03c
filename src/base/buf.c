#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

static void reserve(VlBuf *self, size_t extra) {
  if (self->len + extra + 1 <= self->cap) return;
  size_t cap = self->cap ? self->cap : 256;
  while (cap < self->len + extra + 1) cap *= 2;
  self->data = vl_xrealloc(self->data, cap);
  self->cap = cap;
}

void vl_buf_append(VlBuf *self, const char *s, size_t n) {
  reserve(self, n);
  memcpy(self->data + self->len, s, n);
  self->len += n;
  self->data[self->len] = '\0';
}

void vl_buf_puts(VlBuf *self, const char *s) { vl_buf_append(self, s, strlen(s)); }

void vl_buf_printf(VlBuf *self, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n > 0) {
    reserve(self, (size_t)n);
    vsnprintf(self->data + self->len, (size_t)n + 1, fmt, ap);
    self->len += (size_t)n;
  }
  va_end(ap);
}

void vl_buf_free(VlBuf *self) {
  free(self->data);
  self->data = NULL;
  self->len = self->cap = 0;
}
