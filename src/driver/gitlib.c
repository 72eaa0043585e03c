/* gitlib.c: see gitlib.h. */
#include "driver/gitlib.h"

#include <stddef.h>

#include "base/dynlib.h"

#ifndef VL_LIBGIT2_SONAME
#error "VL_LIBGIT2_SONAME: the soname of the libgit2 the build found (src/CMakeLists.txt sets it)"
#endif

static VlGit git;
static const VlDynlibSym syms[] = {
#define VL_GIT_SYM(f) {"git_" #f, offsetof(VlGit, f)},
    VL_GIT_FUNCTIONS(VL_GIT_SYM)
#undef VL_GIT_SYM
};
static VlDynlib lib = {"libgit2", VL_LIBGIT2_SONAME, syms, sizeof syms / sizeof *syms, &git,
                       PTHREAD_MUTEX_INITIALIZER, 0, ""};

const VlGit *vl_git(void) { return vl_dynlib_load(&lib) ? &git : NULL; }

const char *vl_git_error(void) { return vl_dynlib_load(&lib) ? NULL : lib.why; }
