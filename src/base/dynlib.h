/* dynlib.h: shared libraries loaded when first needed (dlopen), not at start.
 *
 * libgit2 (.gitignore rules, --diff) and libxml2 (JUnit reports) bring in two dozen libraries of
 * their own (Kerberos, TLS, SSH, ICU ...): linked, the dynamic loader spent 4.4 ms of the 4.7 ms a
 * run took before main() on them, on every run, pre-commit's and the editor's included, though most
 * runs use neither.  Each is opened by its soname (the one the build linked against: CMake reads it
 * from the library) the first time it is needed, and its functions are looked up then.
 *
 * A user (driver/gitlib.c, output/xmllib.c) keeps a struct of function pointers typed from the
 * library's own header and describes it with a VlDynlib: the symbols' names and their offsets in
 * the struct.  vl_dynlib_load fills it once, and says what is missing in one sentence when the
 * library or one of its functions cannot be found. */
#ifndef VL_BASE_DYNLIB_H
#define VL_BASE_DYNLIB_H
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct VlDynlibSym {
  const char *name; /* "git_libgit2_init" */
  size_t offset;    /* of its function pointer in the table */
} VlDynlibSym;

typedef struct VlDynlib {
  const char *label;  /* "libgit2", for messages */
  const char *soname; /* "libgit2.so.1.5" */
  const VlDynlibSym *syms;
  size_t nsyms;
  void *table; /* a struct of function pointers */
  pthread_mutex_t lock;
  int state;      /* 0 not tried yet, 1 loaded, -1 cannot be loaded */
  char why[512];  /* when state is -1: "libgit2 (libgit2.so.1.5) cannot be loaded: ..." */
} VlDynlib;

/* Loads the library and fills its table the first time; then only answers.  Thread-safe. */
bool vl_dynlib_load(VlDynlib *lib);

#endif
