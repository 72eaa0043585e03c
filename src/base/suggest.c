/* suggest.c: the nearest known name to a typo (suggest.h). */
#include "base/suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

static size_t min3(size_t a, size_t b, size_t c) { return a < b ? (a < c ? a : c) : (b < c ? b : c); }

static int same(char a, char b) { return tolower((unsigned char)a) == tolower((unsigned char)b); }

size_t vl_edit_distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  /* three rows of the (n+1) x (m+1) table: i-2, i-1, i */
  size_t *rows = vl_xcalloc(3 * (m + 1), sizeof(size_t));
  size_t *prev2 = rows, *prev = rows + m + 1, *cur = rows + 2 * (m + 1);
  for (size_t j = 0; j <= m; j++) prev[j] = j;
  for (size_t i = 1; i <= n; i++) {
    cur[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
      cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) && prev2[j - 2] + 1 < cur[j])
        cur[j] = prev2[j - 2] + 1; /* two neighbours swapped */
    }
    size_t *t = prev2;
    prev2 = prev, prev = cur, cur = t;
  }
  size_t d = prev[m];
  free(rows);
  return d;
}

const char *vl_suggest(const char *typed, const char *const *names, size_t count) {
  const char *best = NULL;
  size_t best_d = 0, len = strlen(typed);
  for (size_t i = 0; i < count; i++) {
    if (!names[i]) continue;
    size_t d = vl_edit_distance(typed, names[i]);
    if (strcmp(typed, names[i]) == 0 || d > 2 || 3 * d > len) continue;
    if (!best || d < best_d) best = names[i], best_d = d;
  }
  return best;
}

char *vl_suggest_phrase(const char *typed, const char *const *names, size_t count, char *out, size_t outlen) {
  const char *near = vl_suggest(typed, names, count);
  if (near) snprintf(out, outlen, " (did you mean '%s'?)", near);
  else if (outlen) out[0] = '\0';
  return out;
}
