/* gitlib.h: libgit2, loaded the first time it is needed (base/dynlib.h says why).
 *
 * Call vl_git() and use its table: `const VlGit *git = vl_git(); git->libgit2_init();`.  The table's
 * types come from <git2.h>, so a function whose signature changes fails to compile here, not at run
 * time.  NULL when libgit2 cannot be loaded; vl_git_error() then says why, in a sentence. */
#ifndef VL_DRIVER_GITLIB_H
#define VL_DRIVER_GITLIB_H
#include <git2.h>

/* Every libgit2 function viewleak calls, without its `git_` prefix. */
#define VL_GIT_FUNCTIONS(X)                                                                                  \
  X(libgit2_init) X(libgit2_shutdown) X(libgit2_opts) X(repository_open_ext) X(repository_free)              \
  X(repository_workdir) X(repository_path) X(ignore_path_is_ignored) X(diff_options_init)                  \
  X(patch_from_buffers) X(patch_num_hunks) X(patch_get_hunk) X(patch_get_line_in_hunk) X(patch_free)

typedef struct VlGit {
#define VL_GIT_SLOT(f) __typeof__(git_##f) *f;
  VL_GIT_FUNCTIONS(VL_GIT_SLOT)
#undef VL_GIT_SLOT
} VlGit;

const VlGit *vl_git(void);

/* Why vl_git() returned NULL: "libgit2 (libgit2.so.1.5) cannot be loaded: ...". */
const char *vl_git_error(void);

#endif
