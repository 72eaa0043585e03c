/* modules.h: Python module names for files, files for module names, and the files a session's
 * files import (found next to them).  Reads the file system; prints nothing. */
#ifndef VL_DRIVER_MODULES_H
#define VL_DRIVER_MODULES_H
#include <stdbool.h>
#include <stddef.h>

#include "viewleak/viewleak.h"

/* The dotted module name of a Python file: its path below the first folder above it that is not a
 * package (has no __init__.py): pkg/sub/mod.py is "pkg.sub.mod" when pkg/ and pkg/sub/ are
 * packages, a script's stem otherwise.  *package: the file is an __init__.py (the name is then
 * the package's).  *root (when not NULL) receives that folder.  The caller frees the results. */
char *vl_module_for_path(const char *path, bool *package, char **root);

/* Which paths are regular files, remembered: module names and import look-ups ask about the same
 * __init__.py files again and again (once per file of a package, per folder above it).  For one run
 * only (the file system may change afterwards); one thread at a time. */
typedef struct VlFileMemo VlFileMemo;
VlFileMemo *vl_file_memo_new(void);
void vl_file_memo_delete(VlFileMemo *memo);
/* vl_module_for_path, asking `memo` (NULL: the file system each time). */
char *vl_module_for_path_memo(const char *path, bool *package, char **root, VlFileMemo *memo);

/* Adds to the session the files its files import that are found below the folders its checked
 * files' modules are rooted in (root/a/b.py, root/a/b/__init__.py), not checked, and scans them;
 * then the files those import, up to `limit` added files in all.  Returns how many were added. */
size_t vl_session_discover(VlSession *s, size_t limit);

#endif
