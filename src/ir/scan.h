/* scan.h: the modules a Python file imports, read cheaply (only its import lines are parsed).
 * Thread-safe for distinct parsers; results live in the caller's arena. */
#ifndef VL_IR_SCAN_H
#define VL_IR_SCAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "base/arena.h"
#include "syntax/pyast.h"

typedef struct VlImportRef {
  const char *module; /* dotted, as written ("" for `from . import x`) */
  uint8_t level;      /* leading dots of a relative import */
  const char *member; /* `from module import member` (which may be a submodule), or NULL */
  bool indented;      /* inside a block: a function's deferred import, `if TYPE_CHECKING:`, `try:` */
} VlImportRef;

/* The import statements of `text`, in order.  `parser` may be NULL. */
size_t vl_scan_imports(const VlPy *py, TSParser *parser, const char *text, size_t len, VlArena *arena,
                       const VlImportRef **out);

#endif
