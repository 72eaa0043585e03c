/* noqa.h: `# noqa` comments, Ruff's syntax.
 *
 *   # noqa                 suppresses every finding on the line
 *   # noqa: VL001          only VL001 (codes separated by commas and/or spaces; prefixes allowed)
 *   # NOQA:VL001,VL002     case-insensitive "noqa", optional spaces
 *   x = 1  # why  # noqa   the directive may follow other comment text
 * Pure functions; thread-safe. */
#ifndef VL_DIAG_NOQA_H
#define VL_DIAG_NOQA_H
#include <stdbool.h>
#include <stddef.h>

/* True when the comment text (starting with '#') holds a noqa directive that covers `code`. */
bool vl_noqa_covers(const char *comment, size_t len, const char *code);

/* File-level `# viewleak: noqa` (every rule) or `# viewleak: noqa: VL001, VL003` (those rules): true
 * when the comment is such a directive and it covers `code`. */
bool vl_noqa_file_covers(const char *comment, size_t len, const char *code);

/* The codes listed by a `# noqa: CODES` directive: calls fn for each code (prefix) and its byte
 * offset within the comment; returns false when the comment has no coded noqa directive. */
bool vl_noqa_codes(const char *comment, size_t len, void (*fn)(void *ctx, const char *code, size_t n, size_t at),
                   void *ctx);

#endif
