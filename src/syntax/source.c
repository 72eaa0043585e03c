#include "syntax/source.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* The next line end at or after `from`: a \n, or a \r not followed by \n (a \r\n ends at its \n).
 * memchr finds the \n; a \r is looked for only when the text has one (`cr`), as most have none. */
static const char *line_end(const char *from, const char *end, bool cr) {
  const char *nl = memchr(from, '\n', (size_t)(end - from));
  if (!cr) return nl;
  for (const char *p = from, *stop = nl ? nl : end; (p = memchr(p, '\r', (size_t)(stop - p))) != NULL; p++)
    if (p + 1 >= end || p[1] != '\n') return p;
  return nl;
}

uint32_t *vl_source_index_lines(VlArena *arena, const char *text, size_t len, uint32_t *nlines) {
  const char *end = text + len;
  bool cr = memchr(text, '\r', len) != NULL;
  /* one pass into a buffer grown by doubling, then its copy (the editor indexes every version) */
  uint32_t cap = 1024, n = 1;
  uint32_t *tmp = vl_xrealloc(NULL, cap * sizeof(uint32_t));
  tmp[0] = 0;
  for (const char *p = text; (p = line_end(p, end, cr)) != NULL; p++) {
    if (n == cap) tmp = vl_xrealloc(tmp, (cap *= 2) * sizeof(uint32_t));
    tmp[n++] = (uint32_t)(p - text) + 1;
  }
  uint32_t *starts = VL_ARENA_ARRAY(arena, uint32_t, n);
  memcpy(starts, tmp, n * sizeof(uint32_t));
  free(tmp);
  *nlines = n;
  return starts;
}

VlSource *vl_source_new(VlArena *arena, const char *path, const char *text, size_t len) {
  VlSource *s = VL_ARENA_NEW(arena, VlSource);
  s->path = vl_arena_strdup(arena, path);
  s->text = vl_arena_strndup(arena, text, len);
  s->len = (uint32_t)len;
  s->arena = arena;
  return s;
}

const uint32_t *vl_source_lines(const VlSource *self, uint32_t *nlines) {
  if (!self->line_starts) { /* (the source was made writable: vl_source_new's arena object) */
    VlSource *s = (VlSource *)self;
    s->line_starts = vl_source_index_lines(s->arena, s->text, s->len, &s->nlines);
  }
  *nlines = self->nlines;
  return self->line_starts;
}

VlPos vl_source_pos(const VlSource *self, uint32_t byte) {
  if (byte > self->len) byte = self->len;
  uint32_t n;
  const uint32_t *starts = vl_source_lines(self, &n);
  uint32_t lo = 0, hi = n;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (starts[mid] <= byte) lo = mid; else hi = mid;
  }
  return (VlPos){byte, lo, byte - starts[lo]};
}

const char *vl_source_line(const VlSource *self, uint32_t row, size_t *len) {
  uint32_t n;
  const uint32_t *starts = vl_source_lines(self, &n);
  if (row >= n) return NULL;
  uint32_t start = starts[row];
  uint32_t end = row + 1 < n ? starts[row + 1] : self->len;
  while (end > start && (self->text[end - 1] == '\n' || self->text[end - 1] == '\r')) end--;
  *len = end - start;
  return self->text + start;
}

uint32_t vl_source_utf16_col(const VlSource *self, uint32_t row, uint32_t col) {
  size_t len = 0;
  const char *line = vl_source_line(self, row, &len);
  if (!line) return col;
  if (col > len) col = (uint32_t)len;
  uint32_t units = 0;
  for (uint32_t i = 0; i < col;) {
    unsigned char c = (unsigned char)line[i];
    uint32_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

char *vl_source_lone_cr_as_lf(const char *text, size_t len) {
  char *copy = NULL;
  for (const char *p = memchr(text, '\r', len); p; p = memchr(p + 1, '\r', len - (size_t)(p + 1 - text))) {
    size_t i = (size_t)(p - text);
    if (i + 1 < len && text[i + 1] == '\n') continue; /* CRLF */
    if (!copy) copy = vl_xstrndup(text, len);
    copy[i] = '\n';
  }
  return copy;
}

bool vl_source_cell_of(const uint32_t *cell_rows, const unsigned *numbers, size_t n, uint32_t row, unsigned *cell,
                       uint32_t *cell_row) {
  if (!n) return false;
  size_t lo = 0, hi = n; /* the last cell starting at or before row */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (cell_rows[mid] <= row) lo = mid;
    else hi = mid;
  }
  *cell = numbers[lo];
  *cell_row = row >= cell_rows[lo] ? row - cell_rows[lo] : 0;
  return true;
}
