/* fix.h: applying fixes to a file, atomically.
 *
 * vl_fix_source applies the non-overlapping edits of the given diagnostics to a text (later edits
 * first), returning a new buffer; the driver then re-checks the result and repeats until nothing more
 * applies (at most VL_FIX_MAX_PASSES), as Ruff does.  vl_fix_write replaces a file through a
 * temporary file in the same folder and rename(2), keeping its mode, owner and group, and refuses
 * when the file changed since it was read, is read-only, has other hard links, or its owner cannot be
 * kept.  vl_fix_diff renders a unified diff (libgit2).  No printing. */
#ifndef VL_DRIVER_FIX_H
#define VL_DRIVER_FIX_H
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "viewleak/viewleak.h"

enum { VL_FIX_MAX_PASSES = 10 };

/* Applies the fixes of `report`'s unsuppressed diagnostics whose applicability is allowed
 * (safe always; unsafe when unsafe_ok).  Returns a heap buffer (caller frees) and the number of fixes
 * applied in *applied; NULL when none applied. */
char *vl_fix_source(const VlReport *report, bool unsafe_ok, size_t *out_len, size_t *applied);

/* A snapshot of a file as it was read, to detect a concurrent change. */
typedef struct VlFileStamp {
  struct stat st;
  char *text;
  size_t len;
} VlFileStamp;

/* Writes `text` over `path` (a symlink's target) atomically.  Fails (false, reason in err) when the file
 * no longer matches `stamp` (changed since it was read), has no write bit or is not writable by the
 * caller, has more than one hard link, or its owner and group cannot be given to the replacement, or on
 * any I/O error; the original is then untouched. */
bool vl_fix_write(const char *path, const VlFileStamp *stamp, const char *text, size_t len, char *err, size_t errlen);

/* Appends a unified diff between the two texts to out (a/PATH, b/PATH headers). */
void vl_fix_diff(const char *path, const char *before, size_t before_len, const char *after, size_t after_len,
                 VlBuf *out);

#endif
