/* document.h: one file checked again and again as it is edited (an editor's open buffer).
 *
 * A VlDocument keeps the syntax tree of the text it checked last.  The edits made to that text since,
 * recorded with vl_document_edit, let the next vl_document_check reparse only what they touched
 * (tree-sitter's incremental parsing) instead of the whole text.  The report is always the one
 * vl_engine_check gives for the same text: when the reparsed tree has a syntax error, where
 * tree-sitter's recovery may depend on the old tree, the text is parsed again from scratch.
 *
 * Ownership: a VlDocument borrows its engine (which must outlive it) and owns its tree and parser.
 * Not thread-safe: one thread per document. */
#ifndef VIEWLEAK_DOCUMENT_H
#define VIEWLEAK_DOCUMENT_H
#include <stdbool.h>
#include <stddef.h>

#include "viewleak/viewleak.h"

typedef struct VlDocument VlDocument;

VlDocument *vl_document_new(const VlEngine *engine);
/* NULL is a no-op. */
void vl_document_delete(VlDocument *self);

/* Records an edit: bytes [start, old_end) of the text checked last (with the edits recorded since)
 * are replaced by len bytes `text`.  Offsets past the end are clamped.  Several edits may be
 * recorded between checks, each on the text the previous one left; a whole new text is an edit of
 * [0, end) (only the part that differs is reparsed). */
void vl_document_edit(VlDocument *self, size_t start, size_t old_end, const char *text, size_t len);

/* vl_engine_check of `text` (len bytes, NUL-terminated at len) as the file `path`, reusing the tree
 * of the last check when `text` is what the recorded edits made of it; any other text is parsed
 * whole (a missed edit costs time, never a wrong result).  The caller frees the report. */
VlReport *vl_document_check(VlDocument *self, const char *path, const char *text, size_t len,
                            const VlSelection *selection, const VlLibraryExtensions *extensions);

/* How the last check parsed its text (for tests and VIEWLEAK_STATS): true when it reused the
 * previous tree. */
bool vl_document_reused(const VlDocument *self);

#endif
