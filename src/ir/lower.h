/* lower.h: parsing a Python file into the IR (ir.h).
 *
 * vl_lower parses `text` with tree-sitter, lowers the tree in one pass (expressions, structured
 * statements, scopes, loops, comments), frees the tree, then resolves every name to its scope
 * (names.c).  It never fails: syntax errors are lowered around (VlModule.syntax_errors), and a file
 * nested deeper than any valid Python is returned empty with VlModule.skipped set.
 *
 * Thread-safe for distinct calls: the parser is created per call or passed in by the caller (one
 * per thread).  The module keeps a pointer to `text`, which must outlive it. */
#ifndef VL_IR_LOWER_H
#define VL_IR_LOWER_H
#include <stddef.h>
#include <tree_sitter/api.h>

#include "ir/ir.h"
#include "syntax/pyast.h"

/* Lowers `text` (len bytes, NUL-terminated at len) as the file `path`.  `parser` may be NULL (one is
 * made for the call).  The result is freed with vl_module_delete. */
VlModule *vl_lower(const VlPy *py, TSParser *parser, const char *path, const char *text, size_t len);
/* vl_lower parses a file larger than twice this many bytes a run of top-level statements at a time,
 * each run's tree freed before the next is parsed (tree-sitter's tree is 40-60 times the source): the
 * IR is the same as from one parse (tests: `vl_irdump -c`). */
enum { VL_LOWER_CHUNK = 64 * 1024 };
/* Where a run that starts at `at` (a top-level statement) may end, at or after `from`: the start of a
 * top-level statement outside strings, brackets and continuation lines, or `len` (lower.c). */
size_t vl_lower_next_boundary(const char *text, size_t len, size_t at, size_t from);
/* vl_lower with runs of about `chunk` bytes (0: one parse). */
VlModule *vl_lower_chunked(const VlPy *py, TSParser *parser, const char *path, const char *text, size_t len,
                           size_t chunk);
/* The same from a tree already parsed from `text` (an editor's document, reparsed incrementally);
 * the tree is only read, and stays the caller's. */
VlModule *vl_lower_tree(const VlPy *py, const TSTree *tree, const char *path, const char *text, size_t len);

/* A memo of the last lowering of an edited document's text (lower.c: "the memo"): the next
 * lowering copies the statements whose bytes did not change instead of walking their trees.  Owned
 * by one document, used by one thread at a time. */
typedef struct VlLowerMemo VlLowerMemo;
VlLowerMemo *vl_lower_memo_new(void);
void vl_lower_memo_delete(VlLowerMemo *self); /* NULL: nothing */
/* vl_lower_tree, reading and then replacing what `memo` kept (NULL: vl_lower_tree).  The module is
 * the same as vl_lower_tree's of the same text and tree. */
VlModule *vl_lower_tree_memo(const VlPy *py, const TSTree *tree, const char *path, const char *text, size_t len,
                             VlLowerMemo *memo);
/* How many segments the last vl_lower_tree_memo copied and lowered (tests). */
void vl_lower_memo_stats(const VlLowerMemo *self, uint32_t *reused, uint32_t *lowered);

/* names.c: gives every function its local slots and every name expression its VlSym. */
void vl_resolve_names(VlModule *m);

#endif
