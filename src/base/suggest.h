/* suggest.h: "did you mean ...?" for a mistyped name (an option, a command, a rule code, a
 * configuration key), as git and Ruff (clap) offer one.
 *
 * The nearest of the known names by edit distance (Damerau-Levenshtein, optimal string alignment:
 * an insertion, deletion, substitution or swap of two neighbours costs 1; letters compared without
 * case), if near enough to be a typo: at most 2 edits, and at most one per 3 letters typed.
 * Borrowed strings only; reentrant. */
#ifndef VL_BASE_SUGGEST_H
#define VL_BASE_SUGGEST_H
#include <stddef.h>

/* The edit distance between a and b. */
size_t vl_edit_distance(const char *a, const char *b);
/* The known name nearest to `typed` (the first in table order on a tie), or NULL when none is near
 * enough or `typed` is one of them exactly.  NULL entries of `names` are skipped. */
const char *vl_suggest(const char *typed, const char *const *names, size_t count);
/* The message's tail for a typo: " (did you mean 'NAME'?)" with NAME = vl_suggest(...), or "" when
 * none is near, written into out; returns out. */
char *vl_suggest_phrase(const char *typed, const char *const *names, size_t count, char *out, size_t outlen);

#endif
