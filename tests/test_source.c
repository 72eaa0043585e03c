/* test_source.c: the line index, byte -> position, line text and UTF-16 columns (syntax/source.c). */
#include "testlib.h"

static int arena_setup(void **state) {
  *state = vl_arena_new();
  return 0;
}
static int arena_teardown(void **state) {
  vl_arena_delete(*state);
  return 0;
}

static VlSource *src_of(void **state, const char *text) {
  return vl_source_new((VlArena *)*state, "f.py", text, strlen(text));
}

/* The text of line `row`, checked against `want` (NULL: out of range). */
static void assert_line(const VlSource *s, uint32_t row, const char *want) {
  size_t len = 12345;
  const char *line = vl_source_line(s, row, &len);
  if (!want) {
    assert_null(line);
    return;
  }
  assert_non_null(line);
  assert_int_equal(len, strlen(want));
  assert_memory_equal(line, want, len);
}

static uint32_t nlines_of(const VlSource *s) {
  uint32_t n;
  vl_source_lines(s, &n);
  return n;
}

static uint32_t start_of(const VlSource *s, uint32_t row) {
  uint32_t n;
  const uint32_t *starts = vl_source_lines(s, &n);
  assert_true(row < n);
  return starts[row];
}

static void assert_pos(const VlSource *s, uint32_t byte, uint32_t want_byte, uint32_t row, uint32_t col) {
  VlPos p = vl_source_pos(s, byte);
  assert_int_equal(p.byte, want_byte);
  assert_int_equal(p.row, row);
  assert_int_equal(p.col, col);
}

static void lf_lines(void **state) {
  VlSource *s = src_of(state, "a\nbb\nccc\n");
  assert_int_equal(nlines_of(s), 4); /* the empty line after the last \n counts */
  assert_int_equal(start_of(s, 0), 0);
  assert_int_equal(start_of(s, 1), 2);
  assert_int_equal(start_of(s, 2), 5);
  assert_int_equal(start_of(s, 3), 9);
  assert_line(s, 0, "a");
  assert_line(s, 1, "bb");
  assert_line(s, 2, "ccc");
  assert_line(s, 3, "");
  assert_line(s, 4, NULL);
}

static void crlf_lines(void **state) {
  VlSource *s = src_of(state, "x = 1\r\ny = 2\r\n");
  assert_int_equal(nlines_of(s), 3); /* \r\n is one line ending, not two */
  assert_int_equal(start_of(s, 1), 7);
  assert_int_equal(start_of(s, 2), 14);
  assert_line(s, 0, "x = 1");
  assert_line(s, 1, "y = 2");
  assert_line(s, 2, "");
}

static void lone_cr_lines(void **state) {
  VlSource *s = src_of(state, "a\rb\rc");
  assert_int_equal(nlines_of(s), 3);
  assert_int_equal(start_of(s, 1), 2);
  assert_int_equal(start_of(s, 2), 4);
  assert_line(s, 0, "a");
  assert_line(s, 1, "b");
  assert_line(s, 2, "c");
}

static void mixed_endings(void **state) {
  /* \r\n, then a lone \r (an empty line), then \n, then a trailing lone \r */
  VlSource *s = src_of(state, "a\r\n\rb\nc\r");
  assert_int_equal(nlines_of(s), 5);
  assert_line(s, 0, "a");
  assert_line(s, 1, "");
  assert_line(s, 2, "b");
  assert_line(s, 3, "c");
  assert_line(s, 4, "");
  assert_line(s, 5, NULL);
}

static void no_trailing_newline(void **state) {
  VlSource *s = src_of(state, "import numpy\nx = 1");
  assert_int_equal(nlines_of(s), 2);
  assert_line(s, 1, "x = 1");
  assert_line(s, 2, NULL);
}

static void empty_text(void **state) {
  VlSource *s = src_of(state, "");
  assert_int_equal(s->len, 0);
  assert_int_equal(nlines_of(s), 1);
  assert_line(s, 0, "");
  assert_pos(s, 0, 0, 0, 0);
}

static void copies_len_bytes(void **state) {
  const char text[] = "abc\ndef"; /* only the first 5 bytes are the file */
  VlSource *s = vl_source_new((VlArena *)*state, "dir/f.py", text, 5);
  assert_int_equal(s->len, 5);
  assert_string_equal(s->text, "abc\nd"); /* NUL-terminated copy */
  assert_ptr_not_equal(s->text, text);
  assert_string_equal(s->path, "dir/f.py");
  assert_int_equal(nlines_of(s), 2);
  assert_line(s, 1, "d");
}

static void pos_lf(void **state) {
  VlSource *s = src_of(state, "ab\ncde\n\nf");
  assert_pos(s, 0, 0, 0, 0);
  assert_pos(s, 1, 1, 0, 1);
  assert_pos(s, 2, 2, 0, 2); /* the \n belongs to the line it ends */
  assert_pos(s, 3, 3, 1, 0);
  assert_pos(s, 5, 5, 1, 2);
  assert_pos(s, 7, 7, 2, 0); /* the empty line */
  assert_pos(s, 8, 8, 3, 0);
  assert_pos(s, 9, 9, 3, 1);     /* one past the end: end of the last line */
  assert_pos(s, 1000, 9, 3, 1);  /* clamped */
}

static void pos_crlf_and_cr(void **state) {
  VlSource *s = src_of(state, "ab\r\ncd\ref");
  assert_pos(s, 2, 2, 0, 2); /* \r of \r\n */
  assert_pos(s, 3, 3, 0, 3); /* \n of \r\n: still line 0 */
  assert_pos(s, 4, 4, 1, 0);
  assert_pos(s, 6, 6, 1, 2); /* the lone \r */
  assert_pos(s, 7, 7, 2, 0);
  assert_pos(s, 8, 8, 2, 1);
}

static void pos_counts_bytes(void **state) {
  /* columns are byte columns: é is 2 bytes, so x is at byte column 3 */
  VlSource *s = src_of(state, "\n\xC3\xA9" "ax");
  assert_pos(s, 4, 4, 1, 3);
}

static void utf16_columns(void **state) {
  /* line 1: "a" U+00E9 (2 bytes) U+20AC (3 bytes) U+1F600 (4 bytes, a surrogate pair) "b" */
  VlSource *s = src_of(state, "x = 1\na\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b\n");
  assert_int_equal(vl_source_utf16_col(s, 0, 3), 3); /* ASCII: units == bytes */
  assert_int_equal(vl_source_utf16_col(s, 1, 0), 0);
  assert_int_equal(vl_source_utf16_col(s, 1, 1), 1);
  assert_int_equal(vl_source_utf16_col(s, 1, 3), 2);  /* after é */
  assert_int_equal(vl_source_utf16_col(s, 1, 6), 3);  /* after € */
  assert_int_equal(vl_source_utf16_col(s, 1, 10), 5); /* after the emoji: 2 units */
  assert_int_equal(vl_source_utf16_col(s, 1, 11), 6); /* after b: end of line */
  assert_int_equal(vl_source_utf16_col(s, 1, 50), 6); /* past the end: clamped to the line */
}

static void utf16_crlf_line_end(void **state) {
  /* the \r\n ending is not part of the line: a column past it clamps to the text */
  VlSource *s = src_of(state, "\xF0\x9F\x98\x80\r\nz");
  assert_int_equal(vl_source_utf16_col(s, 0, 4), 2);
  assert_int_equal(vl_source_utf16_col(s, 0, 6), 2);
  assert_int_equal(vl_source_utf16_col(s, 1, 1), 1);
}

static void utf16_row_out_of_range(void **state) {
  VlSource *s = src_of(state, "ab");
  assert_int_equal(vl_source_utf16_col(s, 7, 4), 4); /* unknown line: column unchanged */
}

/* The line index (memchr-based) against the definition, byte by byte: a line ends after \n and after
 * a \r not followed by \n; on random texts of \n, \r and letters, with and without any \r. */
static void index_matches_definition(void **state) {
  unsigned seed = 12345;
  char text[64];
  for (int round = 0; round < 20000; round++) {
    seed = seed * 1103515245u + 12345u;
    size_t len = (seed >> 16) % sizeof text;
    bool no_cr = round % 3 == 0;
    for (size_t i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      unsigned r = (seed >> 16) % 4;
      text[i] = r == 0 ? '\n' : r == 1 && !no_cr ? '\r' : 'a';
    }
    uint32_t want[sizeof text + 1], n = 1;
    want[0] = 0;
    for (size_t i = 0; i < len; i++)
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) want[n++] = (uint32_t)i + 1;
    uint32_t got_n = 0;
    const uint32_t *got = vl_source_index_lines((VlArena *)*state, text, len, &got_n);
    assert_int_equal(got_n, n);
    assert_memory_equal(got, want, n * sizeof *want);
  }
}

/* An index of more lines than its first buffer holds (1024): every start, with and without a \r. */
static void index_many_lines(void **state) {
  enum { N = 5000 };
  static char text[N * 4];
  static uint32_t want[N + 1];
  for (int cr = 0; cr < 2; cr++) {
    size_t len = 0;
    uint32_t n = 1;
    want[0] = 0;
    for (int i = 0; i < N; i++) {
      text[len++] = 'b'; /* (a \r before a \n would end one line, not two) */
      for (int k = 0; k < i % 3; k++) text[len++] = 'a';
      text[len++] = cr && i % 7 == 0 ? '\r' : '\n';
      want[n++] = (uint32_t)len;
    }
    uint32_t got_n = 0;
    const uint32_t *got = vl_source_index_lines((VlArena *)*state, text, len, &got_n);
    assert_int_equal(got_n, n);
    assert_memory_equal(got, want, n * sizeof *want);
  }
}

int main(void) {
#define T(f) cmocka_unit_test_setup_teardown(f, arena_setup, arena_teardown)
  const struct CMUnitTest tests[] = {
      T(lf_lines),       T(crlf_lines),          T(lone_cr_lines),       T(mixed_endings),
      T(no_trailing_newline), T(empty_text),     T(copies_len_bytes),    T(pos_lf),
      T(pos_crlf_and_cr), T(pos_counts_bytes),   T(utf16_columns),       T(utf16_crlf_line_end),
      T(utf16_row_out_of_range), T(index_matches_definition), T(index_many_lines),
  };
#undef T
  return cmocka_run_group_tests(tests, NULL, NULL);
}
