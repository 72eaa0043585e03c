/* noqa_add.h: `check --add-noqa`: a `# noqa: CODES` directive for every current finding, so that a
 * large codebase can adopt viewleak and fail only on new code (Ruff's --add-noqa).
 *
 * On each line with unsuppressed findings (syntax errors and VL900 aside: no directive suppresses
 * them), the codes go into the line's existing `# noqa: ...` list, or a new `  # noqa: CODES` comment
 * is appended (before the line ending, which is kept).  A line ending in a backslash continuation is
 * left alone (a comment there would end the statement).  The driver writes the result with
 * vl_fix_write (fix.h), atomically.  Pure function; thread-safe. */
#ifndef VL_DRIVER_NOQA_ADD_H
#define VL_DRIVER_NOQA_ADD_H
#include <stddef.h>

#include "viewleak/viewleak.h"

/* The report's text with the directives added (a heap buffer, caller frees; its length in *len), or
 * NULL when there is nothing to add.  *added: the number of codes added; *skipped: the findings left
 * without a directive (continuation lines). */
char *vl_noqa_add(const VlReport *report, size_t *len, size_t *added, size_t *skipped);

#endif
