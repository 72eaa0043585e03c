/* edit_text.h: a text buffer and random edits of it, for the tests that replay editing sessions
 * (tests/lsp/test_document.c: the document against a cold check; tests/test_lower_memo.c: the
 * lowering memo against a cold lowering).  Header only; the random sequence is deterministic on
 * every machine (xorshift64), so a failure replays. */
#ifndef VL_TESTS_EDIT_TEXT_H
#define VL_TESTS_EDIT_TEXT_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

typedef struct Text {
  char *s;
  size_t len;
} Text;

static uint64_t edit_text_rng = 0x9E3779B97F4A7C15u;

/* A number in [0, n) (0 when n is 0). */
static inline size_t roll(size_t n) {
  edit_text_rng ^= edit_text_rng << 13;
  edit_text_rng ^= edit_text_rng >> 7;
  edit_text_rng ^= edit_text_rng << 17;
  return n ? (size_t)(edit_text_rng % n) : 0;
}

/* Replaces [start, end) of t with `with` (n bytes). */
static inline void text_replace(Text *t, size_t start, size_t end, const char *with, size_t n) {
  char *s = vl_xcalloc(t->len - (end - start) + n + 1, 1);
  memcpy(s, t->s, start);
  memcpy(s + start, with, n);
  memcpy(s + start + n, t->s + end, t->len - end);
  t->len = t->len - (end - start) + n;
  free(t->s);
  t->s = s;
}

/* The offset of the start of a random line (or the end of the text). */
static inline size_t line_start(const Text *t) {
  size_t at = roll(t->len + 1);
  while (at > 0 && t->s[at - 1] != '\n') at--;
  return at;
}

/* The offset just past the end of the line holding `at` (its newline included). */
static inline size_t line_end(const Text *t, size_t at) {
  while (at < t->len && t->s[at] != '\n') at++;
  return at < t->len ? at + 1 : at;
}

#endif
