/* walk.h: which files a check covers, and reading them.
 *
 * Directories are walked for *.py and *.pyi files; `skip` (may be NULL) is asked about every file
 * and folder found while walking (the project configuration's exclude lists); files named
 * explicitly are always checked.
 * Paths come back sorted, relative as given ("./" dropped).  No printing: problems are returned. */
#ifndef VL_DRIVER_WALK_H
#define VL_DRIVER_WALK_H
#include <stdbool.h>
#include <stddef.h>

typedef struct VlPathList {
  char **paths;
  size_t count;
  char **errors; /* "path: reason" for paths that could not be walked */
  size_t nerrors;
} VlPathList;

/* Expands the given paths into the files to check. */
typedef bool (*VlSkipFn)(void *ctx, const char *path);
void vl_walk(const char *const *roots, size_t nroots, VlSkipFn skip, void *ctx, VlPathList *out);
/* The same, also asking `skip` about the named files and folders themselves (--force-exclude). */
void vl_walk_forced(const char *const *roots, size_t nroots, VlSkipFn skip, void *ctx, VlPathList *out);
void vl_path_list_free(VlPathList *self);

/* Reads a whole file; on failure returns false and writes the reason into err. The caller frees *data. */
bool vl_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen);

/* An absolute form of `path`, joined to the current directory, with "." and ".." segments resolved
 * lexically (symlinks are not followed).  The caller frees it. */
char *vl_abs_path(const char *path);
/* `path` relative to the current directory when it lies below it, else as given.  Caller frees. */
char *vl_display_path(const char *path);
#endif
