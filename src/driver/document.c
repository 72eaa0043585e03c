/* document.c: a file checked again as it is edited (viewleak/document.h).
 *
 * The document keeps the tree-sitter tree of the text it checked last and a copy of that text, and
 * applies every recorded edit to both: ts_tree_edit shifts the tree's nodes and marks those the
 * edit touches, the copy tells the next check whether the text it is given is the one the edited
 * tree describes.  Then ts_parser_parse reuses every untouched subtree.
 *
 * Why the result equals a fresh parse's: tree-sitter reuses a subtree only where the parser reaches
 * it in the state that built it, so an error-free reparse is the parse of the new text.  Error
 * recovery is where the old tree can steer the outcome, so a reparse with an error in it is
 * discarded and the text parsed from scratch (tests/lsp: lsp.Incremental compares diagnostics
 * after random edits with those of a fresh analysis). */
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "base/alloc.h"
#include "syntax/source.h"
#include "driver/engine_internal.h"
#include "viewleak/document.h"

struct VlDocument {
  const VlEngine *engine;
  TSParser *parser;
  TSTree *tree; /* of `text`, with the recorded edits applied; NULL: none */
  char *text;   /* the text checked last, with the recorded edits applied */
  size_t len, cap;
  bool reused;
  VlLowerMemo *memo; /* the last lowering, for the next (ir/lower.h) */
};

VlDocument *vl_document_new(const VlEngine *engine) {
  VlDocument *d = vl_xcalloc(1, sizeof(VlDocument));
  d->engine = engine;
  d->parser = ts_parser_new();
  ts_parser_set_language(d->parser, vl_engine_py(engine)->lang);
  d->memo = vl_lower_memo_new();
  return d;
}

void vl_document_delete(VlDocument *self) {
  if (!self) return;
  if (self->tree) ts_tree_delete(self->tree);
  ts_parser_delete(self->parser);
  vl_lower_memo_delete(self->memo);
  free(self->text);
  free(self);
}

/* The tree-sitter point of a byte offset: rows end at \n (as tree-sitter counts them). */
static TSPoint point_at(const char *text, size_t at) {
  TSPoint p = {0, 0};
  size_t line = 0;
  for (const char *nl; (nl = memchr(text + line, '\n', at - line)) != NULL;) {
    p.row++;
    line = (size_t)(nl - text) + 1;
  }
  p.column = (uint32_t)(at - line);
  return p;
}

/* The point after `text` when it starts at point p. */
static TSPoint advance(TSPoint p, const char *text, size_t len) {
  const char *end = text + len, *line = text;
  for (const char *nl; (nl = memchr(line, '\n', (size_t)(end - line))) != NULL; line = nl + 1) p.row++, p.column = 0;
  p.column += (uint32_t)(end - line);
  return p;
}

void vl_document_edit(VlDocument *self, size_t start, size_t old_end, const char *text, size_t len) {
  if (!self->tree) return; /* nothing to follow: the next check parses whole */
  if (old_end > self->len) old_end = self->len;
  if (start > old_end) start = old_end;
  /* only what differs: a whole new text is usually one line changed */
  while (start < old_end && len && self->text[start] == text[0]) start++, text++, len--;
  while (start < old_end && len && self->text[old_end - 1] == text[len - 1]) old_end--, len--;
  if (start == old_end && len == 0) return;
  TSInputEdit e = {.start_byte = (uint32_t)start, .old_end_byte = (uint32_t)old_end,
                   .new_end_byte = (uint32_t)(start + len)};
  e.start_point = point_at(self->text, start);
  e.old_end_point = advance(e.start_point, self->text + start, old_end - start);
  e.new_end_point = advance(e.start_point, text, len);
  ts_tree_edit(self->tree, &e);
  size_t n = self->len - (old_end - start) + len;
  if (n + 1 > self->cap) {
    self->cap = n + 1 > 2 * self->cap ? n + 1 : 2 * self->cap;
    self->text = vl_xrealloc(self->text, self->cap);
  }
  memmove(self->text + start + len, self->text + old_end, self->len - old_end);
  memcpy(self->text + start, text, len);
  self->len = n;
  self->text[n] = '\0';
}

VlReport *vl_document_check(VlDocument *self, const char *path, const char *text, size_t len,
                            const VlSelection *selection, const VlLibraryExtensions *extensions) {
  TSTree *tree = NULL;
  self->reused = false;
  char *lf = vl_source_lone_cr_as_lf(text, len); /* old Mac line ends: parsed as \n, offsets kept */
  const char *parsed = lf ? lf : text;
  if (self->tree && len == self->len && memcmp(text, self->text, len) == 0) {
    tree = ts_parser_parse_string(self->parser, self->tree, parsed, (uint32_t)len);
    if (tree && ts_node_has_error(ts_tree_root_node(tree))) { /* recovery may follow the old tree */
      ts_tree_delete(tree);
      tree = NULL;
    }
    self->reused = tree != NULL;
  }
  if (!tree) tree = ts_parser_parse_string(self->parser, NULL, parsed, (uint32_t)len);
  free(lf);
  VlReport *r = vl_engine_check_tree(self->engine, tree, self->memo, path, text, len, selection, extensions);
  if (self->tree) ts_tree_delete(self->tree);
  self->tree = tree;
  if (len + 1 > self->cap) {
    self->cap = len + 1;
    self->text = vl_xrealloc(self->text, self->cap);
  }
  memcpy(self->text, text, len);
  self->text[len] = '\0';
  self->len = len;
  return r;
}

bool vl_document_reused(const VlDocument *self) { return self->reused; }
