/* errors.h: where a Python file does not parse, as diagnostics a user can act on.
 *
 * tree-sitter recovers from syntax errors with ERROR nodes (text it could not fit) and MISSING nodes
 * (a token it assumed, such as a closing parenthesis).  The analysis runs over what parsed; these
 * functions name the places it skipped, as Ruff reports its syntax errors: one per region (the first
 * error or missing node of each line), with a message starting "SyntaxError: ".  Reentrant. */
#ifndef VL_SYNTAX_ERRORS_H
#define VL_SYNTAX_ERRORS_H
#include <stddef.h>
#include <stdint.h>

#include "syntax/pyast.h"

typedef struct VlSyntaxError {
  uint32_t start, end; /* bytes: the token at fault (start == end: a missing token) */
  char message[112];   /* "SyntaxError: Expected `)`" */
} VlSyntaxError;

/* Parses text (len bytes) and lists its syntax errors in source order into a malloc'd array handed to
 * the caller (*out; NULL when there is none); returns the count. */
size_t vl_syntax_errors(const VlPy *py, const char *text, size_t len, VlSyntaxError **out);
/* The same, from `tree`, the parse of text (the analysis's own: a file is parsed once). */
size_t vl_syntax_errors_in(const VlPy *py, const TSTree *tree, const char *text, size_t len, VlSyntaxError **out);

#endif
