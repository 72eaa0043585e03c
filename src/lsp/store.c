#include "lsp/store.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "lsp/position.h"

static bool has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

static void doc_free(VlLspDoc *d) {
  free(d->uri);
  free(d->path);
  free(d->name);
  free(d->text);
  cJSON_Delete(d->published);
  vl_document_delete(d->analysis);
  free(d);
}

VlLspDoc *vl_lsp_store_open(VlLspStore *self, const char *uri, const char *language_id, int64_t version,
                            const char *text, size_t len) {
  vl_lsp_store_close(self, uri);
  VlLspDoc *d = vl_xcalloc(1, sizeof(VlLspDoc));
  d->uri = vl_xstrdup(uri);
  d->path = vl_lsp_uri_to_path(uri);
  if (d->path) {
    d->name = vl_xstrdup(d->path);
  } else { /* "untitled:Untitled-1": a name relative to the working folder, as --stdin-filename */
    const char *tail = uri + strlen(uri);
    while (tail > uri && tail[-1] != '/' && tail[-1] != ':') tail--;
    d->name = vl_xstrdup(*tail ? tail : "untitled");
  }
  d->text = vl_xstrndup(text, len);
  d->len = len;
  d->version = version;
  d->dirty = true;
  d->python = (language_id && strncmp(language_id, "python", 6) == 0) || has_suffix(d->name, ".py") ||
              has_suffix(d->name, ".pyi");
  d->next = self->head;
  self->head = d;
  return d;
}

VlLspDoc *vl_lsp_store_find(const VlLspStore *self, const char *uri) {
  for (VlLspDoc *d = self->head; d; d = d->next)
    if (strcmp(d->uri, uri) == 0) return d;
  return NULL;
}

bool vl_lsp_store_close(VlLspStore *self, const char *uri) {
  for (VlLspDoc **p = &self->head; *p; p = &(*p)->next)
    if (strcmp((*p)->uri, uri) == 0) {
      VlLspDoc *d = *p;
      *p = d->next;
      doc_free(d);
      return true;
    }
  return false;
}

void vl_lsp_store_free(VlLspStore *self) {
  for (VlLspDoc *d = self->head, *n; d; d = n) {
    n = d->next;
    doc_free(d);
  }
  self->head = NULL;
}

void vl_lsp_doc_replace(VlLspDoc *self, size_t start, size_t end, const char *text, size_t len) {
  if (end > self->len) end = self->len;
  if (start > end) start = end;
  if (self->analysis) vl_document_edit(self->analysis, start, end, text, len);
  size_t n = self->len - (end - start) + len;
  if (n > self->len) self->text = vl_xrealloc(self->text, n + 1);
  memmove(self->text + start + len, self->text + end, self->len - end);
  memcpy(self->text + start, text, len);
  self->text[n] = '\0';
  if (n < self->len) self->text = vl_xrealloc(self->text, n + 1);
  self->len = n;
}
