/* position.h: where LSP positions meet viewleak's.
 *
 * viewleak stores 0-based rows and byte columns (syntax/source.h).  LSP positions are 0-based lines
 * and "characters" counted in the negotiated position encoding: UTF-16 code units (the default every
 * client understands) or UTF-8 code units, which are our byte columns.  Lines end at \n, \r\n or a
 * lone \r, in both.  Document URIs are file:// URIs (RFC 8089), percent-encoded.
 * Pure functions; reentrant. */
#ifndef VL_LSP_POSITION_H
#define VL_LSP_POSITION_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "syntax/source.h"

typedef enum VlLspEncoding { VL_LSP_UTF16, VL_LSP_UTF8 } VlLspEncoding;

/* "utf-16" / "utf-8", as in PositionEncodingKind. */
const char *vl_lsp_encoding_name(VlLspEncoding encoding);

/* The local path of a file:// URI ("file:///home/a%20b.py" -> "/home/a b.py"; an empty or
 * "localhost" authority only), or NULL for any other URI, another host, or a path that decodes to
 * a NUL byte.  Caller frees. */
char *vl_lsp_uri_to_path(const char *uri);

/* The LSP character of byte column `col` on 0-based line `row` of src. */
uint32_t vl_lsp_character(const VlSource *src, VlLspEncoding encoding, uint32_t row, uint32_t col);

/* The byte offset in src of an LSP position.  As LSP says, a character past the end of its line
 * means the end of the line (before its line ending) and a line past the last one the end of the
 * text; a UTF-16 position inside a surrogate pair, or a UTF-8 one inside a character, moves to the
 * end of that character. */
uint32_t vl_lsp_offset(const VlSource *src, VlLspEncoding encoding, uint32_t line, uint32_t character);
/* The same on a NUL-terminated text of len bytes without its line index (for one position in a
 * text that changes at each edit); *past_end is set when `line` is past the last line. */
size_t vl_lsp_text_offset(const char *text, size_t len, VlLspEncoding encoding, uint32_t line, uint32_t character,
                          bool *past_end);

#endif
