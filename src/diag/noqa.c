#include "diag/noqa.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *find_directive(const char *s, size_t len, size_t *rest) {
  for (size_t i = 0; i < len; i++) {
    if (s[i] != '#') continue;
    size_t j = i + 1;
    while (j < len && (s[j] == ' ' || s[j] == '\t')) j++;
    if (j + 4 <= len && strncasecmp(s + j, "noqa", 4) == 0 && (j + 4 == len || !isalnum((unsigned char)s[j + 4]))) {
      *rest = len - (j + 4);
      return s + j + 4;
    }
  }
  return NULL;
}

typedef struct Match {
  const char *code;
  bool hit;
} Match;

static void match_code(void *ctx, const char *listed, size_t n, size_t at) {
  (void)at;
  Match *m = ctx;
  if (n <= strlen(m->code) && strncasecmp(listed, m->code, n) == 0) m->hit = true; /* prefixes cover */
}

bool vl_noqa_covers(const char *comment, size_t len, const char *code) {
  size_t rest;
  if (!find_directive(comment, len, &rest)) return false;
  Match m = {code, false};
  /* no code list (or "# noqa:" with nothing after it, as in Ruff): a blanket noqa */
  if (!vl_noqa_codes(comment, len, match_code, &m)) return true;
  return m.hit;
}

bool vl_noqa_file_covers(const char *comment, size_t len, const char *code) {
  for (size_t i = 0; i < len; i++) {
    if (comment[i] != '#') continue;
    size_t j = i + 1;
    while (j < len && (comment[j] == ' ' || comment[j] == '\t')) j++;
    if (j + 9 <= len && strncasecmp(comment + j, "viewleak:", 9) == 0) {
      j += 9;
      /* the rest reads like a line noqa: "noqa" or "noqa: CODES" */
      char buf[512];
      size_t n = len - j < sizeof buf - 2 ? len - j : sizeof buf - 2;
      buf[0] = '#';
      memcpy(buf + 1, comment + j, n);
      return vl_noqa_covers(buf, n + 1, code);
    }
  }
  return false;
}

bool vl_noqa_codes(const char *comment, size_t len, void (*fn)(void *ctx, const char *code, size_t n, size_t at),
                   void *ctx) {
  size_t rest;
  const char *p = find_directive(comment, len, &rest);
  if (!p) return false;
  size_t i = 0;
  while (i < rest && (p[i] == ' ' || p[i] == '\t')) i++;
  if (i >= rest || p[i] != ':') return false;
  i++;
  bool any = false;
  while (i < rest) {
    while (i < rest && (p[i] == ' ' || p[i] == '\t' || p[i] == ',')) i++;
    size_t start = i;
    while (i < rest && isalnum((unsigned char)p[i])) i++;
    if (i == start) break;
    any = true;
    fn(ctx, p + start, i - start, (size_t)(p + start - comment));
  }
  return any;
}
