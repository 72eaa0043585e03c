/* engine.c: the engine (read-only shared state) and the per-file check that produces a report.
 *
 * vl_engine_check runs the phases in order: parse -> imports -> scopes -> rules -> noqa -> sort.
 * Each call owns its parser, tree and arena, so calls may run on several threads at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/vec.h"
#include "diag/noqa.h"
#include "flow/flow.h"
#include "knowledge/libtable.h"
#include "rules/rule.h"
#include "syntax/pyast.h"
#include "viewleak/viewleak.h"

struct VlEngine {
  VlArena *arena;
  VlPy py;
  VlKnowledge know;
};

struct VlReport {
  VlArena *arena;
  VlSource *src;
  VlDiagnostic *diags;
  size_t count, active;
  bool syntax_errors;
  const char *skipped;
};

VlEngine *vl_engine_new(char *err, size_t errlen) {
  VlEngine *e = vl_xcalloc(1, sizeof(VlEngine));
  e->arena = vl_arena_new();
  const char *missing = NULL;
  if (!vl_py_init(&e->py, &missing)) {
    snprintf(err, errlen, "the Python grammar has no node or field named '%s'", missing);
    vl_engine_delete(e);
    return NULL;
  }
  if (!vl_knowledge_load(&e->know, e->arena, err, errlen)) {
    vl_engine_delete(e);
    return NULL;
  }
  return e;
}

void vl_engine_delete(VlEngine *self) {
  if (!self) return;
  vl_arena_delete(self->arena);
  free(self);
}

typedef struct Sink {
  VlArena *arena;
  const VlSource *src;
  VL_VEC(VlDiagnostic) diags;
} Sink;

static void emit(void *p, const VlRule *rule, const VlFinding *fd) {
  Sink *s = p;
  VlDiagnostic d = {
      .rule = &rule->info,
      .message = fd->message,
      .help = fd->help,
      .range = vl_py_range(s->src, fd->node),
      .has_related = fd->has_related,
      .related_message = fd->related_message,
  };
  if (fd->has_related) d.related = vl_py_range(s->src, fd->related);
  if (fd->fix.applicability != VL_FIX_NONE && fd->fix_insert) {
    VlEdit *edit = VL_ARENA_NEW(s->arena, VlEdit);
    VlPos at = vl_source_pos(s->src, ts_node_end_byte(fd->fix_node));
    edit->range = (VlRange){at, at};
    edit->content = fd->fix_insert;
    d.fix = fd->fix;
    d.fix.edits = edit;
    d.fix.nedits = 1;
  }
  VL_VEC_PUSH(&s->diags, d);
}

static int by_position(const void *a, const void *b) {
  const VlDiagnostic *x = a, *y = b;
  if (x->range.start.byte != y->range.start.byte) return x->range.start.byte < y->range.start.byte ? -1 : 1;
  return strcmp(x->rule->code, y->rule->code);
}

typedef struct Comment {
  uint32_t row, start;
  const char *text;
  uint32_t len;
} Comment;
typedef VL_VEC(Comment) Comments;

static void collect_comments(const VlPy *py, const VlSource *src, TSNode root, Comments *out) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  for (bool more = true; more;) {
    TSNode node = ts_tree_cursor_current_node(&c);
    if (vl_py_is(py, node, VL_K_COMMENT)) {
      Comment cm = {ts_node_start_point(node).row, ts_node_start_byte(node), NULL, 0};
      cm.text = vl_py_text(src, node, &cm.len);
      VL_VEC_PUSH(out, cm);
    }
    if (ts_tree_cursor_goto_first_child(&c)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&c))
      if (!ts_tree_cursor_goto_parent(&c)) {
        more = false;
        break;
      }
  }
  ts_tree_cursor_delete(&c);
}

/* ---- unused noqa codes (VL900) ---- */
typedef struct UnusedCtx {
  Sink *sink;
  const Comment *comment;
  const VlDiagnostic *diags;
  size_t n;
} UnusedCtx;

static void check_code(void *p, const char *code, size_t n, size_t at) {
  UnusedCtx *u = p;
  if (n < 2 || (code[0] != 'V' && code[0] != 'v') || (code[1] != 'L' && code[1] != 'l')) return; /* not ours */
  for (size_t i = 0; i < u->n; i++)
    if (u->diags[i].range.start.row == u->comment->row && strncasecmp(u->diags[i].rule->code, code, n) == 0) return;
  const VlRuleInfo *rule = vl_rule_find("VL900");
  Sink *s = u->sink;
  VlDiagnostic d = {.rule = rule};
  uint32_t start = u->comment->start + (uint32_t)at;
  d.range = (VlRange){vl_source_pos(s->src, start), vl_source_pos(s->src, start + (uint32_t)n)};
  d.message = vl_arena_printf(s->arena, "unused `noqa` directive: `%.*s` suppresses nothing on this line", (int)n, code);
  d.help = "remove the code from the `# noqa` comment";
  VL_VEC_PUSH(&s->diags, d);
}

/* Marks suppressed diagnostics (line `# noqa`, file-level `# viewleak: noqa`), then reports unused
 * noqa codes when VL900 is selected. */
static void apply_noqa(const VlPy *py, Sink *sink, TSNode root, const VlSelection *selection) {
  Comments comments = {0};
  collect_comments(py, sink->src, root, &comments);
  VlDiagnostic *d = sink->diags.items;
  size_t n = sink->diags.len;
  for (size_t k = 0; k < comments.len; k++) {
    const Comment *c = &comments.items[k];
    for (size_t i = 0; i < n; i++)
      if ((d[i].range.start.row == c->row && vl_noqa_covers(c->text, c->len, d[i].rule->code)) ||
          vl_noqa_file_covers(c->text, c->len, d[i].rule->code))
        d[i].suppressed = true;
  }
  if (vl_selection_enabled(selection, "VL900"))
    for (size_t k = 0; k < comments.len; k++) {
      UnusedCtx u = {sink, &comments.items[k], sink->diags.items, n};
      vl_noqa_codes(comments.items[k].text, comments.items[k].len, check_code, &u);
    }
  VL_VEC_FREE(&comments);
}

/* The depth of the tree, measured without recursion (stops counting past `limit`). */
static unsigned tree_depth(TSNode root, unsigned limit) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  unsigned depth = 0, max = 0;
  for (bool more = true; more && max <= limit;) {
    if (ts_tree_cursor_goto_first_child(&c)) {
      if (++depth > max) max = depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c)) {
        more = false;
        break;
      }
      depth--;
    }
  }
  ts_tree_cursor_delete(&c);
  return max;
}

VlReport *vl_engine_check(const VlEngine *self, const char *path, const char *text, size_t len,
                          const VlSelection *selection, const VlLibraryExtensions *extensions) {
  VlReport *r = vl_xcalloc(1, sizeof(VlReport));
  r->arena = vl_arena_new();
  r->src = vl_source_new(r->arena, path, text, len);
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, self->py.lang);
  TSTree *tree = ts_parser_parse_string(parser, NULL, r->src->text, r->src->len);
  TSNode root = ts_tree_root_node(tree);
  r->syntax_errors = ts_node_has_error(root);
  if (tree_depth(root, VL_MAX_TREE_DEPTH) > VL_MAX_TREE_DEPTH) {
    r->skipped = "nested deeper than any valid Python; not analysed";
    r->diags = VL_ARENA_ARRAY(r->arena, VlDiagnostic, 1);
    ts_tree_delete(tree);
    ts_parser_delete(parser);
    return r;
  }

  VlFlow flow = {.arena = r->arena, .py = &self->py, .src = r->src, .know = &self->know, .root = root,
                 .ext = extensions};
  flow.imports = vl_imports_collect(r->arena, &self->py, r->src, root);
  vl_flow_build(&flow);

  Sink sink = {r->arena, r->src, {0}};
  for (size_t i = 0; i < vl_rule_table_len; i++) {
    const VlRule *rule = &vl_rule_table[i];
    if (!rule->check || !vl_selection_enabled(selection, rule->info.code)) continue;
    VlRuleCtx ctx = {&flow, rule, emit, &sink};
    rule->check(&ctx);
  }
  apply_noqa(&self->py, &sink, root, selection);
  if (sink.diags.len) qsort(sink.diags.items, sink.diags.len, sizeof(VlDiagnostic), by_position);
  r->count = sink.diags.len;
  r->diags = VL_ARENA_ARRAY(r->arena, VlDiagnostic, r->count ? r->count : 1);
  for (size_t i = 0; i < r->count; i++) {
    r->diags[i] = sink.diags.items[i];
    if (!r->diags[i].suppressed) r->active++;
  }
  VL_VEC_FREE(&sink.diags);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return r;
}

const char *vl_applicability_name(VlApplicability a) {
  return a == VL_FIX_SAFE ? "safe" : a == VL_FIX_UNSAFE ? "unsafe" : "none";
}

void vl_report_delete(VlReport *self) {
  if (!self) return;
  vl_arena_delete(self->arena);
  free(self);
}

const char *vl_report_path(const VlReport *self) { return self->src->path; }
size_t vl_report_count(const VlReport *self) { return self->count; }
size_t vl_report_active(const VlReport *self) { return self->active; }
const VlDiagnostic *vl_report_get(const VlReport *self, size_t i) { return i < self->count ? &self->diags[i] : NULL; }
const char *vl_report_line(const VlReport *self, uint32_t row, size_t *len) { return vl_source_line(self->src, row, len); }
const char *vl_report_text(const VlReport *self, size_t *len) {
  *len = self->src->len;
  return self->src->text;
}
bool vl_report_has_syntax_errors(const VlReport *self) { return self->syntax_errors; }
const char *vl_report_skipped(const VlReport *self) { return self->skipped; }
