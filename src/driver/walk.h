/* walk.h: which files a check covers, and reading them.
 *
 * Directories are walked for *.py, *.pyi and *.ipynb files (or those `include` says); `skip` (may be NULL) is asked about every file
 * and folder found while walking (the project configuration's exclude lists).  In a git work tree,
 * what git ignores (.gitignore files at every level, .git/info/exclude, the global excludes file, as
 * libgit2 resolves them) is skipped too, for the paths `gitignore` says it applies to: each named
 * folder's repository is found once (git_repository_open_ext, shared by the folders of one
 * repository) and each path found below it is asked about (git_ignore_path_is_ignored).  A named
 * folder that git ignores is still walked, without git's rules below it; outside a repository
 * nothing is skipped for git.  Files named explicitly are always checked (unless `force_exclude`
 * and `skip` say otherwise; git's rules never apply to them, as in Ruff).
 * Paths come back sorted, relative as given ("./" dropped).  No printing: problems are returned.
 * Not thread-safe (one walk at a time: it sets libgit2's options). */
#ifndef VL_DRIVER_WALK_H
#define VL_DRIVER_WALK_H
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

typedef struct VlPathList {
  char **paths;
  size_t count;
  char **errors; /* "path: reason" for paths that could not be walked */
  size_t nerrors;
} VlPathList;

/* A question about a file or folder path, as the walk spells it. */
typedef bool (*VlSkipFn)(void *ctx, const char *path);

typedef struct VlWalkOptions {
  VlSkipFn skip;      /* true: do not walk this (exclude lists); NULL: skip nothing */
  VlSkipFn gitignore; /* true: git's ignore rules apply to this path; NULL: they never do */
  void *ctx;          /* passed to all three */
  bool force_exclude; /* also ask `skip` about the named files and folders themselves */
  VlSkipFn include;   /* true: a file found is one to check (the configuration's include lists);
                         NULL: *.py, *.pyi and *.ipynb files */
  void (*on_dir)(void *ctx, const char *dir); /* told each folder before it is read (check --watch);
                                                  NULL: nobody */
} VlWalkOptions;

/* Expands the given paths into the files to check; `opt` may be NULL (nothing skipped). */
void vl_walk(const char *const *roots, size_t nroots, const VlWalkOptions *opt, VlPathList *out);
void vl_path_list_free(VlPathList *self);

/* Reads a whole file; on failure returns false and writes the reason into err. The caller frees *data. */
/* The largest file read (Python sources, configuration, --files-from lists): larger ones, and anything
 * but a regular file (a FIFO, /dev/zero, a folder), are refused with a one-line reason in err. */
#define VL_MAX_FILE_BYTES (256ull << 20)
bool vl_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen);
/* Reads a stream not read from before (stdin) to its end, under the same limit (an endless one,
 * /dev/zero, is refused at VL_MAX_FILE_BYTES); the data is NUL-terminated. */
bool vl_read_stream(FILE *f, char **data, size_t *len, char *err, size_t errlen);

/* An absolute form of `path`, joined to the current directory, with "." and ".." segments resolved
 * lexically (symlinks are not followed).  The caller frees it. */
char *vl_abs_path(const char *path);
/* `path` relative to the current directory when it lies below it, else as given.  Caller frees. */
char *vl_display_path(const char *path);
/* The folder part of `path`: "." when it has none, "/" for a file at the root.  Caller frees. */
char *vl_path_dir(const char *path);
#endif
