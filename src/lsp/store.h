/* store.h: the documents the client has open (textDocument/didOpen .. didClose).
 *
 * uri -> text, version, and what was last published for it.  The client owns the truth of an open
 * document: the server never reads an open file from disk.  A linked list (an editor has a handful
 * of files open).  Owned by the server's thread. */
#ifndef VL_LSP_STORE_H
#define VL_LSP_STORE_H
#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "viewleak/document.h"

typedef struct VlLspDoc {
  char *uri;
  char *path;       /* the local file of a file:// URI; NULL for other URIs (untitled:, ...) */
  char *name;       /* the path the analysis uses: `path`, or the URI's last segment */
  char *text;       /* NUL-terminated */
  size_t len;
  int64_t version;
  bool python;      /* analysed: languageId python, or a .py / .pyi file */
  cJSON *published; /* the diagnostics last published, for code action requests without them */
  bool dirty;       /* changed (or its configuration) since its diagnostics were last published */
  VlDocument *analysis; /* the engine's view of it, kept between analyses (incremental reparse);
                           NULL until first analysed */
  struct VlLspDoc *next;
} VlLspDoc;

typedef struct VlLspStore {
  VlLspDoc *head;
} VlLspStore;

/* Opens (or reopens, replacing) a document with a copy of `text`; it is dirty. */
VlLspDoc *vl_lsp_store_open(VlLspStore *self, const char *uri, const char *language_id, int64_t version,
                            const char *text, size_t len);
/* The open document with that URI, or NULL. */
VlLspDoc *vl_lsp_store_find(const VlLspStore *self, const char *uri);
/* Closes a document; false when it was not open. */
bool vl_lsp_store_close(VlLspStore *self, const char *uri);
void vl_lsp_store_free(VlLspStore *self);

/* Replaces bytes [start, end) of the text with a copy of `text` (len bytes); offsets are clamped.
 * The edit is recorded in the document's analysis too. */
void vl_lsp_doc_replace(VlLspDoc *self, size_t start, size_t end, const char *text, size_t len);

#endif
