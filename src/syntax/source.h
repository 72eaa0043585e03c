/* source.h: the bytes of one Python file and its line index.
 *
 * Positions are byte offsets plus 0-based row and byte column; conversion to 1-based text columns or
 * UTF-16 (LSP) happens at the edges with these helpers.  A VlSource lives in the file's arena. */
#ifndef VL_SYNTAX_SOURCE_H
#define VL_SYNTAX_SOURCE_H
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "viewleak/viewleak.h"

typedef struct VlSource {
  const char *path;
  const char *text; /* NUL-terminated copy */
  uint32_t len;
  /* The line index, built on first use (vl_source_lines) in `arena` when NULL: most reports of a
   * clean run have no position to give.  Read it through the functions below. */
  uint32_t *line_starts; /* byte offset of each line's start */
  uint32_t nlines;
  VlArena *arena;
} VlSource;

/* Copies text into the arena; its lines (\n, \r\n and lone \r end a line) are indexed when first
 * asked for.  A source is used by one thread at a time (the first question writes the index). */
VlSource *vl_source_new(VlArena *arena, const char *path, const char *text, size_t len);
/* The byte offset of each line's start, *nlines of them (at least 1). */
const uint32_t *vl_source_lines(const VlSource *self, uint32_t *nlines);
/* The line index of len bytes of text, in the arena: the byte offset of each line's start (\n, \r\n
 * and lone \r end a line), *nlines of them (at least 1).  The one line splitter of sources and modules. */
uint32_t *vl_source_index_lines(VlArena *arena, const char *text, size_t len, uint32_t *nlines);
/* A heap copy of text in which each lone \r (an old Mac line end) is a \n, or NULL when there is none
 * (caller frees).  Same length, so every byte offset and, with this line index, every row and column
 * stay the same.  Python ends a line at a lone \r; tree-sitter-python reads it as a space, so a file
 * of CR line ends would be one line: the parsers are given this copy, the file's own bytes are kept
 * for everything else (reports, fixes). */
char *vl_source_lone_cr_as_lf(const char *text, size_t len);
/* The position of a byte offset (clamped to the text). */
VlPos vl_source_pos(const VlSource *self, uint32_t byte);
/* Line `row` without its ending; NULL when out of range. */
const char *vl_source_line(const VlSource *self, uint32_t row, size_t *len);
/* Number of UTF-16 code units in the first `col` bytes of line `row` (LSP positions). */
uint32_t vl_source_utf16_col(const VlSource *self, uint32_t row, uint32_t col);
/* A notebook's joined module: the cell holding `row`, given the first row of each of its n code cells
 * (ascending) and their numbers; *cell_row counts from that cell's start.  False when n is 0. */
bool vl_source_cell_of(const uint32_t *cell_rows, const unsigned *numbers, size_t n, uint32_t row, unsigned *cell,
                       uint32_t *cell_row);

#endif
