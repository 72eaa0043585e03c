/* test_lsp.c: the LSP layer's pure parts (src/lsp/): file URIs, LSP positions in UTF-16 and UTF-8,
 * Content-Length framing (through a pipe), and the document store's edits.  The protocol as a whole
 * is tested end to end by test_server.py. */
#define _POSIX_C_SOURCE 200809L
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "lsp/position.h"
#include "lsp/store.h"
#include "lsp/transport.h"

static void assert_path(const char *uri, const char *want) {
  char *got = vl_lsp_uri_to_path(uri);
  if (!want) {
    assert_null(got);
    return;
  }
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
}

static void file_uris(void **state) {
  (void)state;
  assert_path("file:///home/me/a.py", "/home/me/a.py");
  assert_path("file:///home/me/my%20project/caf%C3%A9.py", "/home/me/my project/café.py");
  assert_path("file://localhost/etc/x.py", "/etc/x.py");
  assert_path("FILE:///X.py", "/X.py");
  assert_path("file:/short/form.py", "/short/form.py");
  assert_path("file:///a.py?query#fragment", "/a.py");
  assert_path("file:///100%25.py", "/100%.py");
  assert_path("file:///bad%2", "/bad%2"); /* not an escape: kept */
  assert_path("file:///bad%zz.py", "/bad%zz.py");
  assert_path("file:///nul%00.py", NULL);
  assert_path("file://server/share/a.py", NULL);
  assert_path("untitled:Untitled-1", NULL);
  assert_path("https://example.org/a.py", NULL);
  assert_path("file:relative.py", NULL);
}

/* "aé😀b" : bytes a=0 é=1..2 😀=3..6 b=7; UTF-16 units a=0 é=1 😀=2..3 b=4 */
static void positions(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  const char *text = "x = 1\r\na\xC3\xA9\xF0\x9F\x98\x80" "b\n\nlast";
  VlSource *src = vl_source_new(arena, "t.py", text, strlen(text));
  static const uint32_t bytes[] = {0, 1, 3, 7, 8};
  static const uint32_t utf16[] = {0, 1, 2, 4, 5};
  for (size_t i = 0; i < 5; i++) {
    assert_int_equal(vl_lsp_character(src, VL_LSP_UTF16, 1, bytes[i]), utf16[i]);
    assert_int_equal(vl_lsp_character(src, VL_LSP_UTF8, 1, bytes[i]), bytes[i]);
    assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF16, 1, utf16[i]), 7 + bytes[i]);
    assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF8, 1, bytes[i]), 7 + bytes[i]);
  }
  assert_int_equal(vl_lsp_character(src, VL_LSP_UTF8, 1, 99), 8); /* clamped to the line */
  assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF16, 1, 3), 7 + 7); /* inside the pair: after it */
  assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF8, 1, 2), 7 + 3);   /* inside é: after it */
  assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF16, 0, 99), 5);     /* past the end: before \r\n */
  assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF16, 2, 0), 16);     /* an empty line */
  assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF16, 3, 2), 19);
  assert_int_equal(vl_lsp_offset(src, VL_LSP_UTF16, 9, 0), strlen(text)); /* past the last line */
  assert_string_equal(vl_lsp_encoding_name(VL_LSP_UTF16), "utf-16");
  assert_string_equal(vl_lsp_encoding_name(VL_LSP_UTF8), "utf-8");
  vl_arena_delete(arena);
}

/* vl_lsp_text_offset on `text` alone gives vl_lsp_offset's answer at every line (two past the last) and
 * character (0..11), in both encodings, and says which lines are past the end. */
static void offsets_agree(VlArena *arena, const char *text, size_t len) {
  VlSource *src = vl_source_new(arena, "t.py", text, len);
  uint32_t nlines;
  vl_source_lines(src, &nlines);
  for (int enc = 0; enc < 2; enc++)
    for (uint32_t line = 0; line < nlines + 2; line++)
      for (uint32_t ch = 0; ch < 12; ch++) {
        bool past;
        VlLspEncoding e = enc ? VL_LSP_UTF8 : VL_LSP_UTF16;
        assert_int_equal(vl_lsp_text_offset(text, len, e, line, ch, &past), vl_lsp_offset(src, e, line, ch));
        assert_int_equal(past, line >= nlines);
      }
}

/* vl_lsp_text_offset, on the text alone, agrees with vl_lsp_offset for every position: line endings
 * \r\n, \r and \n, a NUL byte, a surrogate pair, characters and lines past the end. */
static void text_offsets(void **state) {
  (void)state;
  VlArena *arena = vl_arena_new();
  static const char text[] = "x = 1\r\na\xC3\xA9\xF0\x9F\x98\x80" "b\rc\0d\n\r\n\nlast";
  size_t len = sizeof text - 1;
  offsets_agree(arena, text, len);
  vl_arena_delete(arena);
}

/* The same on texts whose lines all end in \n (vl_lsp_text_offset finds them with memchr): a NUL byte,
 * a surrogate pair, an empty line, with and without a last line ending. */
static void text_offsets_lf_only(void **state) {
  (void)state;
  static const char *const texts[] = {"x = 1\na\xC3\xA9\xF0\x9F\x98\x80" "b\nc\0d\n\n\nlast", "a\n\nbc\n", "", "\n"};
  static const size_t lens[] = {25, 6, 0, 1};
  for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
    VlArena *arena = vl_arena_new();
    const char *text = texts[t];
    size_t len = lens[t];
    offsets_agree(arena, text, len);
    vl_arena_delete(arena);
  }
}

/* Reads everything `input` frames into, as "body" strings and "!" for each skipped message. */
static char *read_all(const char *input, size_t len) {
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  assert_int_equal(write(fds[1], input, len), (ssize_t)len);
  close(fds[1]);
  VlLspReader r;
  vl_lsp_reader_init(&r, fds[0]);
  static char out[4096];
  out[0] = '\0';
  for (;;) {
    char *body, err[256];
    size_t n;
    VlLspRead got = vl_lsp_read(&r, &body, &n, err, sizeof err);
    if (got == VL_LSP_READ_EOF) {
      if (err[0]) strcat(out, "$");
      break;
    }
    strcat(out, got == VL_LSP_READ_BAD ? "!" : "[");
    if (body) strncat(out, body, n);
    if (got == VL_LSP_READ_MESSAGE) strcat(out, "]");
    free(body);
  }
  vl_lsp_reader_free(&r);
  close(fds[0]);
  return out;
}

#define READS(input, want) assert_string_equal(read_all(input, sizeof input - 1), want)

static void framing(void **state) {
  (void)state;
  READS("Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n\r\n[1]", "[{}][[1]]");
  READS("content-type: x; charset=utf-8\r\nCONTENT-LENGTH:2\r\n\r\n{}", "[{}]");
  READS("\r\n\r\nContent-Length: 2\n\n{}", "[{}]"); /* blank lines between messages; bare \n */
  READS("Content-Length: 0\r\n\r\n", "[]");
  READS("Content-Length: x\r\n\r\n{}Content-Length: 1\r\n\r\n1", "![1]");
  READS("Content-Length: 1\r\nContent-Length: 2\r\n\r\n{}Content-Length: 1\r\n\r\n1", "![1]");
  READS("X-Other: 1\r\n\r\n{}Content-Length: 1\r\n\r\n1", "![1]");
  READS("no colon here\r\n\r\nContent-Length: 1\r\n\r\n1", "![1]");
  READS("{\"raw\":1}Content-Length: 1\r\n\r\n1", "![1]");
  READS("Content-Length: 1\r\nbad line\r\n\r\n1Content-Length: 1\r\n\r\n2", "![2]");
  READS("Content-Length: 10\r\n\r\n{}", "$");  /* the input ends inside the content */
  READS("Content-Length: 10\r\n", "$");        /* ... inside the header */
  READS("garbage without any header", "$");    /* the input ends inside what would be a header */
}

/* vl_lsp_read_available takes a message only once it has arrived whole, and consumes nothing
 * otherwise: what the server drains before it analyses. */
static void read_without_waiting(void **state) {
  (void)state;
  int fds[2];
  assert_int_equal(pipe(fds), 0);
  VlLspReader r;
  vl_lsp_reader_init(&r, fds[0]);
  char *body, err[256];
  size_t len;
#define PUT(s) assert_int_equal(write(fds[1], s, sizeof s - 1), (ssize_t)(sizeof s - 1))
#define AVAILABLE() vl_lsp_read_available(&r, &body, &len, err, sizeof err)
  assert_int_equal(AVAILABLE(), VL_LSP_READ_NONE); /* nothing sent */
  PUT("\r\nContent-Len");
  assert_int_equal(AVAILABLE(), VL_LSP_READ_NONE); /* half a header */
  assert_string_equal(err, "");
  PUT("gth: 7\r\n\r\n[1,");
  assert_int_equal(AVAILABLE(), VL_LSP_READ_NONE); /* half the content */
  PUT("2,3]Content-Length: 2\r\n\r\n{}Content-Length: 5\r\n\r\n");
  assert_int_equal(AVAILABLE(), VL_LSP_READ_MESSAGE);
  assert_string_equal(body, "[1,2,3]");
  free(body);
  assert_int_equal(AVAILABLE(), VL_LSP_READ_MESSAGE);
  assert_string_equal(body, "{}");
  free(body);
  assert_int_equal(AVAILABLE(), VL_LSP_READ_NONE);
  PUT("\"abc\"garbage\r\n\r\n");
  assert_int_equal(AVAILABLE(), VL_LSP_READ_MESSAGE);
  assert_string_equal(body, "\"abc\"");
  free(body);
  assert_int_equal(AVAILABLE(), VL_LSP_READ_NONE); /* garbage, then nothing: waits to resynchronise */
  PUT("Content-Length: 1\r\n\r\n9");
  assert_int_equal(AVAILABLE(), VL_LSP_READ_BAD); /* the garbage is skipped once the next header is there */
  assert_non_null(strstr(err, "malformed header line 'garbage'"));
  assert_int_equal(AVAILABLE(), VL_LSP_READ_MESSAGE);
  assert_string_equal(body, "9");
  free(body);
  close(fds[1]);
  assert_int_equal(AVAILABLE(), VL_LSP_READ_EOF); /* the end of the input is not "nothing yet" */
#undef PUT
#undef AVAILABLE
  vl_lsp_reader_free(&r);
  close(fds[0]);
}

/* A message over the limit is skipped, and the next one read: a sparse file holds the input. */
static void too_large_is_skipped(void **state) {
  (void)state;
  char path[] = "/tmp/viewleak-test-lsp-XXXXXX", header[128];
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  unlink(path);
  int n = snprintf(header, sizeof header, "Content-Length: %d\r\n\r\n", VL_LSP_MAX_CONTENT + 1);
  assert_int_equal(write(fd, header, (size_t)n), n);
  assert_int_equal(lseek(fd, VL_LSP_MAX_CONTENT + 1, SEEK_CUR), n + VL_LSP_MAX_CONTENT + 1);
  assert_int_equal(write(fd, "Content-Length: 2\r\n\r\n{}", 23), 23);
  assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
  VlLspReader r;
  vl_lsp_reader_init(&r, fd);
  char *body, err[256];
  size_t len;
  assert_int_equal(vl_lsp_read(&r, &body, &len, err, sizeof err), VL_LSP_READ_BAD);
  assert_non_null(strstr(err, "larger than the limit"));
  assert_int_equal(vl_lsp_read(&r, &body, &len, err, sizeof err), VL_LSP_READ_MESSAGE);
  assert_string_equal(body, "{}");
  free(body);
  assert_int_equal(vl_lsp_read(&r, &body, &len, err, sizeof err), VL_LSP_READ_EOF);
  vl_lsp_reader_free(&r);
  close(fd);
}

static void store_edits(void **state) {
  (void)state;
  VlLspStore store = {0};
  VlLspDoc *d = vl_lsp_store_open(&store, "file:///w/a%20b.py", "python", 3, "hello world", 11);
  assert_string_equal(d->path, "/w/a b.py");
  assert_string_equal(d->name, "/w/a b.py");
  assert_true(d->python);
  vl_lsp_doc_replace(d, 5, 11, ", there", 7);
  assert_string_equal(d->text, "hello, there");
  vl_lsp_doc_replace(d, 50, 60, "!", 1); /* clamped: appends */
  assert_string_equal(d->text, "hello, there!");
  assert_int_equal(d->len, 13);
  VlLspDoc *u = vl_lsp_store_open(&store, "untitled:Untitled-2", "python", 1, "", 0);
  assert_null(u->path);
  assert_string_equal(u->name, "Untitled-2");
  VlLspDoc *t = vl_lsp_store_open(&store, "file:///w/pyproject.toml", "toml", 1, "", 0);
  assert_false(t->python);
  assert_true(vl_lsp_store_open(&store, "file:///w/stub.pyi", "plaintext", 1, "", 0)->python);
  assert_ptr_equal(vl_lsp_store_find(&store, "file:///w/a%20b.py"), d);
  assert_true(vl_lsp_store_close(&store, "file:///w/a%20b.py"));
  assert_false(vl_lsp_store_close(&store, "file:///w/a%20b.py"));
  assert_null(vl_lsp_store_find(&store, "file:///w/a%20b.py"));
  vl_lsp_store_free(&store);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(file_uris),    cmocka_unit_test(positions), cmocka_unit_test(framing),
      cmocka_unit_test(too_large_is_skipped), cmocka_unit_test(store_edits), cmocka_unit_test(text_offsets), cmocka_unit_test(text_offsets_lf_only),
      cmocka_unit_test(read_without_waiting),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
