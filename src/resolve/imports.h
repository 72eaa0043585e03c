/* imports.h: how array libraries are imported in one file, and what a name refers to.
 *
 * Every import form binds a local name to a qualified module path; a later plain assignment to the
 * same name shadows it.  The cases, with what each binds:
 *
 *   source                              local name   qualified        note
 *   import numpy                        numpy        numpy
 *   import numpy as np                  np           numpy
 *   import numpy.random                 numpy        numpy            (binds the top package)
 *   import numpy.random as R            R            numpy.random
 *   from numpy import delete            delete       numpy.delete
 *   from numpy import delete as d       d            numpy.delete
 *   from numpy import random as npr     npr          numpy.random
 *   from numpy import *                 (any name)   numpy.<name>     only names no other binding has
 *   np = Something() after the import   np           (none)           shadowed from there on
 *   def f(): np = 3                     np in f      (none)           a local assignment shadows the
 *                                                                     whole function (Python scoping)
 *   from . import numpy                 -            -                relative imports are ignored
 *
 * Uses at module level see the latest binding before them; uses inside functions see the module's
 * final bindings (functions run after the module body) unless the function binds the name itself.
 * Built per file in its arena; read-only afterwards. */
#ifndef VL_RESOLVE_IMPORTS_H
#define VL_RESOLVE_IMPORTS_H
#include <stdbool.h>
#include <tree_sitter/api.h>

#include "base/arena.h"
#include "syntax/pyast.h"

typedef struct VlImportBinding {
  const char *name;      /* local name */
  const char *qualified; /* module path, or NULL when the binding is a plain assignment (shadow) */
  uint32_t byte;         /* where the binding takes effect */
  TSNode scope;          /* the module or function_definition it belongs to */
  bool module_level;
  int next_same_name;    /* index of the next binding of the same name (source order), or -1 */
} VlImportBinding;

enum { VL_IMPORT_BUCKETS = 256 };

typedef struct VlImports {
  VlImportBinding *items;
  size_t count;
  int first_by_hash[VL_IMPORT_BUCKETS]; /* first binding whose name hashes there, or -1 */
  const char **star_modules; /* `from X import *` modules, module level only */
  size_t nstar;
} VlImports;

/* Collects the file's imports and the assignments that shadow them. */
VlImports *vl_imports_collect(VlArena *arena, const VlPy *py, const VlSource *src, TSNode root);

/* The qualified name an identifier or attribute chain refers to ("np.random.randint" ->
 * "numpy.random.randint"), or NULL when its head is not an imported module or module member.
 * `scope` is the innermost function_definition around the use, or the module.  A name no binding
 * covers resolves through the first `from X import *` module, if any ("delete" -> "numpy.delete");
 * the library table then decides whether X has such a member. */
const char *vl_imports_resolve(const VlImports *self, VlArena *arena, const VlPy *py, const VlSource *src,
                               TSNode expr, TSNode scope);

#endif
