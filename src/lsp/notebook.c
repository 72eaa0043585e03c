/* notebook.c: notebook documents (LSP 3.17 notebookDocument/...), as `viewleak check` reads .ipynb.
 *
 *   method                        what it does
 *   notebookDocument/didOpen      stores the notebook's cells in order and their texts; publishes
 *   notebookDocument/didChange    applies cell structure changes (array splices, opened and closed cell
 *                                 documents), cell kinds, and text changes of cells; publishes again
 *   notebookDocument/didSave      publishes again
 *   notebookDocument/didClose     forgets the notebook, clears its cells' diagnostics
 *
 * The code cells whose language is Python are joined in notebook order into one module, masked as
 * driver/notebook.h says, analysed with the configuration of the notebook's file, and each finding
 * is published on the URI of the cell it is in (vscode-notebook-cell:...), with its positions, its
 * related location and its fix's edits counted from the start of that cell.  Code actions on a cell
 * come from what was published on it (methods.c looks the cell up here).  Cells are numbered as
 * `viewleak check` numbers them: 1-based among all the notebook's cells.
 *
 * Owned by the server's thread; the notebooks hang off the server (self->notebooks). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/vec.h"
#include "driver/notebook.h"
#include "lsp/json.h"
#include "lsp/server.h"

typedef struct Cell {
  char *uri;  /* its text document (in texts) */
  bool code;  /* NotebookCellKind.Code (2); Markup (1) cells are never analysed */
} Cell;

typedef struct Notebook {
  char *uri;
  int64_t version;
  VL_VEC(Cell) cells; /* in notebook order */
  struct Notebook *next;
} Notebook;

struct VlLspNotebooks {
  Notebook *head;
  VlLspStore texts; /* every open cell's text document, by cell URI */
};

enum { KIND_CODE = 2 };

static struct VlLspNotebooks *books(VlLspServer *s) {
  if (!s->notebooks) s->notebooks = vl_xcalloc(1, sizeof(struct VlLspNotebooks));
  return s->notebooks;
}

static Notebook *find(VlLspServer *s, const char *uri) {
  for (Notebook *nb = books(s)->head; nb; nb = nb->next)
    if (strcmp(nb->uri, uri) == 0) return nb;
  return NULL;
}

static void notebook_free(Notebook *nb) {
  for (size_t k = 0; k < nb->cells.len; k++) free(nb->cells.items[k].uri);
  VL_VEC_FREE(&nb->cells);
  free(nb->uri);
  free(nb);
}

VlLspDoc *vl_lsp_notebook_cell(VlLspServer *self, const char *uri) {
  return self->notebooks ? vl_lsp_store_find(&self->notebooks->texts, uri) : NULL;
}

void vl_lsp_notebook_capabilities(cJSON *capabilities) {
  /* the notebooks of any client (VS Code's type, or any .ipynb file), their Python cells */
  cJSON *sync = vl_lsp_json_add_object(capabilities, "notebookDocumentSync");
  cJSON *selectors = vl_lsp_json_add_array(sync, "notebookSelector");
  static const char *const filters[][2] = {{"notebookType", "jupyter-notebook"}, {"pattern", "**/*.ipynb"}};
  for (size_t i = 0; i < sizeof filters / sizeof *filters; i++) {
    cJSON *sel = vl_lsp_json_check(cJSON_CreateObject());
    vl_lsp_json_add_string(vl_lsp_json_add_object(sel, "notebook"), filters[i][0], filters[i][1]);
    cJSON *cell = vl_lsp_json_check(cJSON_CreateObject());
    vl_lsp_json_add_string(cell, "language", "python");
    vl_lsp_json_push(vl_lsp_json_add_array(sel, "cells"), cell);
    vl_lsp_json_push(selectors, sel);
  }
  vl_lsp_json_add_bool(sync, "save", true);
}

/* ---- publishing ---- */

/* Moves the lines of a Range up by `rows`. */
static void shift(cJSON *range, uint32_t rows) {
  static const char *const ends[] = {"start", "end"};
  for (size_t i = 0; i < 2; i++) {
    cJSON *line = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(range, ends[i]), "line");
    if (cJSON_IsNumber(line)) cJSON_SetNumberValue(line, line->valuedouble >= rows ? line->valuedouble - rows : 0);
  }
}

/* The analysed cell (index into first_rows) that module row `line` is in. */
static size_t cell_of(const uint32_t *first_rows, size_t n, double line) {
  size_t k = 0;
  while (k + 1 < n && first_rows[k + 1] <= line) k++;
  return k;
}

static double start_line(const cJSON *range) {
  const cJSON *line = vl_lsp_json_get(range, "start.line");
  return cJSON_IsNumber(line) ? line->valuedouble : 0;
}

/* Clears what was published on a cell that is no longer analysed (closed, or not code any more). */
static void unpublish(VlLspServer *s, VlLspDoc *cell) {
  if (!cell || !cell->published) return;
  cJSON_Delete(cell->published);
  cell->published = NULL;
  vl_lsp_publish_list(s, cell->uri, NULL, vl_lsp_json_check(cJSON_CreateArray()));
}

static void publish(VlLspServer *s, Notebook *nb) {
  VlLspStore *texts = &books(s)->texts;
  size_t n = 0, cap = nb->cells.len + 1;
  VlLspDoc **docs = vl_xcalloc(cap, sizeof(VlLspDoc *));
  const char **sources = vl_xcalloc(cap, sizeof(char *));
  size_t *lens = vl_xcalloc(cap, sizeof(size_t));
  unsigned *numbers = vl_xcalloc(cap, sizeof(unsigned));
  uint32_t *rows = vl_xcalloc(cap, sizeof(uint32_t));
  for (size_t k = 0; k < nb->cells.len; k++) {
    VlLspDoc *d = vl_lsp_store_find(texts, nb->cells.items[k].uri);
    if (!d) continue;
    if (!nb->cells.items[k].code || !d->python) {
      unpublish(s, d);
      continue;
    }
    docs[n] = d, sources[n] = d->text, lens[n] = d->len, numbers[n] = (unsigned)(k + 1);
    n++;
  }
  size_t len;
  char *module = vl_notebook_join(sources, lens, n, rows, &len);
  /* the module, named as the notebook's file (its configuration, its per-file-ignores) */
  VlLspStore scratch = {0};
  VlLspDoc *m = vl_lsp_store_open(&scratch, nb->uri, "python", nb->version, module, len);
  VlLspCells cells = {n, rows, numbers};
  cJSON *all = n ? vl_lsp_analyse_cells(s, m, &cells) : vl_lsp_json_check(cJSON_CreateArray());
  cJSON **lists = vl_xcalloc(n + 1, sizeof(cJSON *));
  for (size_t k = 0; k < n; k++) lists[k] = vl_lsp_json_check(cJSON_CreateArray());
  cJSON *d;
  while (n && (d = cJSON_DetachItemFromArray(all, 0))) {
    cJSON *range = cJSON_GetObjectItemCaseSensitive(d, "range");
    size_t k = cell_of(rows, n, start_line(range));
    shift(range, rows[k]);
    cJSON *rel;
    cJSON_ArrayForEach(rel, cJSON_GetObjectItemCaseSensitive(d, "relatedInformation")) {
      cJSON *loc = cJSON_GetObjectItemCaseSensitive(rel, "location");
      cJSON *r = cJSON_GetObjectItemCaseSensitive(loc, "range");
      size_t j = cell_of(rows, n, start_line(r));
      shift(r, rows[j]);
      cJSON_ReplaceItemInObjectCaseSensitive(loc, "uri", vl_lsp_json_check(cJSON_CreateString(docs[j]->uri)));
    }
    cJSON *data = cJSON_GetObjectItemCaseSensitive(d, "data"), *edit;
    cJSON_ReplaceItemInObjectCaseSensitive(data, "version", vl_lsp_json_check(cJSON_CreateNumber((double)docs[k]->version)));
    cJSON_ArrayForEach(edit, vl_lsp_json_get(data, "fix.edits")) shift(cJSON_GetObjectItemCaseSensitive(edit, "range"), rows[k]);
    vl_lsp_json_push(lists[k], d);
  }
  cJSON_Delete(all);
  for (size_t k = 0; k < n; k++) {
    cJSON_Delete(docs[k]->published);
    docs[k]->published = vl_lsp_json_check(cJSON_Duplicate(lists[k], true));
    vl_lsp_publish_list(s, docs[k]->uri, &docs[k]->version, lists[k]);
  }
  vl_lsp_store_free(&scratch);
  free(module);
  free(lists);
  free(docs);
  free(sources);
  free(lens);
  free(numbers);
  free(rows);
}

void vl_lsp_notebooks_publish_all(VlLspServer *self) {
  if (!self->notebooks) return;
  for (Notebook *nb = self->notebooks->head; nb; nb = nb->next) publish(self, nb);
}

/* ---- changes ---- */

/* Opens the cell text documents of an array of TextDocumentItem. */
static void open_texts(VlLspServer *s, const cJSON *items) {
  const cJSON *item;
  cJSON_ArrayForEach(item, items) {
    const char *uri = vl_lsp_json_string(item, "uri"), *text = vl_lsp_json_string(item, "text");
    int64_t version = 0;
    if (!uri || !text) continue;
    vl_lsp_json_int(item, "version", INT32_MIN, INT32_MAX, &version);
    vl_lsp_store_open(&books(s)->texts, uri, vl_lsp_json_string(item, "languageId"), version, text, strlen(text));
  }
}

/* Closes the cell text documents of an array of TextDocumentIdentifier, clearing their diagnostics. */
static void close_texts(VlLspServer *s, const cJSON *items) {
  const cJSON *item;
  cJSON_ArrayForEach(item, items) {
    const char *uri = vl_lsp_json_string(item, "uri");
    if (!uri) continue;
    unpublish(s, vl_lsp_store_find(&books(s)->texts, uri));
    vl_lsp_store_close(&books(s)->texts, uri);
  }
}

/* Inserts NotebookCell objects at index `at` of the notebook's cells (the later ones move up). */
static void insert_cells(Notebook *nb, size_t at, const cJSON *cells) {
  const cJSON *c;
  cJSON_ArrayForEach(c, cells) {
    const char *uri = vl_lsp_json_string(c, "document");
    int64_t kind = 0;
    if (!uri) continue;
    vl_lsp_json_int(c, "kind", 0, 3, &kind);
    Cell cell = {vl_xstrdup(uri), kind == KIND_CODE};
    VL_VEC_PUSH(&nb->cells, cell);
    memmove(&nb->cells.items[at + 1], &nb->cells.items[at], (nb->cells.len - 1 - at) * sizeof(Cell));
    nb->cells.items[at++] = cell;
  }
}

/* One TextDocumentContentChangeEvent on a cell: its whole text, or a range of it. */
static void change_text(VlLspServer *s, VlLspDoc *d, const cJSON *change) {
  const char *text = vl_lsp_json_string(change, "text");
  const cJSON *range = cJSON_GetObjectItemCaseSensitive(change, "range");
  if (!text) return;
  int64_t pos[4];
  static const char *const keys[] = {"start.line", "start.character", "end.line", "end.character"};
  bool ranged = range != NULL;
  for (size_t i = 0; ranged && i < 4; i++) ranged = vl_lsp_json_int(range, keys[i], 0, UINT32_MAX, &pos[i]);
  if (!range) {
    vl_lsp_doc_replace(d, 0, d->len, text, strlen(text));
  } else if (ranged) {
    VlArena *arena = vl_arena_new();
    VlSource *src = vl_source_new(arena, d->name, d->text, d->len);
    uint32_t start = vl_lsp_offset(src, s->encoding, (uint32_t)pos[0], (uint32_t)pos[1]);
    uint32_t end = vl_lsp_offset(src, s->encoding, (uint32_t)pos[2], (uint32_t)pos[3]);
    vl_arena_delete(arena);
    vl_lsp_doc_replace(d, start, end, text, strlen(text));
  }
}

/* ---- methods ---- */

cJSON *vl_lsp_notebook_did_open(VlLspServer *self, const cJSON *params, VlLspError *err) {
  const char *uri = vl_lsp_json_string(params, "notebookDocument.uri");
  if (!uri) {
    vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "notebookDocument.uri is missing");
    return NULL;
  }
  Notebook *nb = find(self, uri);
  if (!nb) {
    nb = vl_xcalloc(1, sizeof(Notebook));
    nb->uri = vl_xstrdup(uri);
    nb->next = books(self)->head;
    books(self)->head = nb;
  }
  for (size_t k = 0; k < nb->cells.len; k++) free(nb->cells.items[k].uri);
  nb->cells.len = 0;
  vl_lsp_json_int(params, "notebookDocument.version", INT32_MIN, INT32_MAX, &nb->version);
  insert_cells(nb, 0, vl_lsp_json_get(params, "notebookDocument.cells"));
  open_texts(self, vl_lsp_json_get(params, "cellTextDocuments"));
  publish(self, nb);
  return NULL;
}

cJSON *vl_lsp_notebook_did_change(VlLspServer *self, const cJSON *params, VlLspError *err) {
  const char *uri = vl_lsp_json_string(params, "notebookDocument.uri");
  Notebook *nb = uri ? find(self, uri) : NULL;
  if (!nb) {
    vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "%.200s is not an open notebook", uri ? uri : "(no uri)");
    return NULL;
  }
  vl_lsp_json_int(params, "notebookDocument.version", INT32_MIN, INT32_MAX, &nb->version);
  const cJSON *cells = vl_lsp_json_get(params, "change.cells"), *item;
  const cJSON *array = vl_lsp_json_get(cells, "structure.array");
  int64_t start = 0, count = 0;
  if (array && vl_lsp_json_int(array, "start", 0, (int64_t)nb->cells.len, &start) &&
      vl_lsp_json_int(array, "deleteCount", 0, (int64_t)nb->cells.len - start, &count)) {
    for (int64_t k = start; k < start + count; k++) free(nb->cells.items[k].uri);
    memmove(&nb->cells.items[start], &nb->cells.items[start + count],
            (nb->cells.len - (size_t)(start + count)) * sizeof(Cell));
    nb->cells.len -= (size_t)count;
    insert_cells(nb, (size_t)start, cJSON_GetObjectItemCaseSensitive(array, "cells"));
  } else if (array) {
    vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "malformed cell structure change ignored");
  }
  close_texts(self, vl_lsp_json_get(cells, "structure.didClose"));
  open_texts(self, vl_lsp_json_get(cells, "structure.didOpen"));
  cJSON_ArrayForEach(item, vl_lsp_json_get(cells, "data")) { /* a cell's kind may change */
    const char *doc = vl_lsp_json_string(item, "document");
    int64_t kind;
    for (size_t k = 0; doc && k < nb->cells.len; k++)
      if (strcmp(nb->cells.items[k].uri, doc) == 0 && vl_lsp_json_int(item, "kind", 0, 3, &kind))
        nb->cells.items[k].code = kind == KIND_CODE;
  }
  cJSON_ArrayForEach(item, vl_lsp_json_get(cells, "textContent")) {
    const char *doc = vl_lsp_json_string(item, "document.uri");
    VlLspDoc *d = doc ? vl_lsp_store_find(&books(self)->texts, doc) : NULL;
    const cJSON *change;
    if (!d) continue;
    cJSON_ArrayForEach(change, cJSON_GetObjectItemCaseSensitive(item, "changes")) change_text(self, d, change);
    vl_lsp_json_int(item, "document.version", INT32_MIN, INT32_MAX, &d->version);
  }
  publish(self, nb);
  return NULL;
}

cJSON *vl_lsp_notebook_did_save(VlLspServer *self, const cJSON *params, VlLspError *err) {
  (void)err;
  const char *uri = vl_lsp_json_string(params, "notebookDocument.uri");
  Notebook *nb = uri ? find(self, uri) : NULL;
  if (nb) publish(self, nb);
  return NULL;
}

cJSON *vl_lsp_notebook_did_close(VlLspServer *self, const cJSON *params, VlLspError *err) {
  const char *uri = vl_lsp_json_string(params, "notebookDocument.uri");
  Notebook **p = &books(self)->head;
  while (uri && *p && strcmp((*p)->uri, uri) != 0) p = &(*p)->next;
  if (!uri || !*p) {
    vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "%.200s is not an open notebook", uri ? uri : "(no uri)");
    return NULL;
  }
  Notebook *nb = *p;
  *p = nb->next;
  for (size_t k = 0; k < nb->cells.len; k++) { /* its cells, closed with it */
    unpublish(self, vl_lsp_store_find(&books(self)->texts, nb->cells.items[k].uri));
    vl_lsp_store_close(&books(self)->texts, nb->cells.items[k].uri);
  }
  close_texts(self, vl_lsp_json_get(params, "cellTextDocuments"));
  notebook_free(nb);
  return NULL;
}

void vl_lsp_notebooks_free(VlLspServer *self) {
  if (!self->notebooks) return;
  for (Notebook *nb = self->notebooks->head, *next; nb; nb = next) {
    next = nb->next;
    notebook_free(nb);
  }
  vl_lsp_store_free(&self->notebooks->texts);
  free(self->notebooks);
  self->notebooks = NULL;
}
