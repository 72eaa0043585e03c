/* diagnostics.c: analysis results as LSP diagnostics, and their quick fixes as code actions.
 *
 * A finding, as published (textDocument/publishDiagnostics):
 *
 *   {"range": R, "severity": 2, "code": "VL001",
 *    "codeDescription": {"href": VL_DOCS_URL "VL001.md"}, "source": "viewleak", "message": "...",
 *    "relatedInformation": [{"location": {"uri": U, "range": R2}, "message": "`data` is rebound ..."}],
 *    "data": {"version": V, "fix": null | {"title": "Store a copy with `.copy()` (unsafe)",
 *                                          "applicability": "unsafe", "edits": [TextEdit...]}}}
 *
 * Ranges are converted from byte columns at this edge, in the negotiated encoding.  Suppressed
 * (noqa) findings are not published.  `data` carries the fix, so a code action needs no new analysis;
 * its version ties it to the text it was computed for (a stale diagnostic gets no action).  A client
 * that does not send `data` back is matched against the diagnostics last published, by code and
 * range.  Severity: every rule is a warning (viewleak finds memory leaks, not errors). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "driver/engine_internal.h"
#include "driver/project.h"
#include "driver/unit.h"
#include "lsp/json.h"
#include "lsp/server.h"

enum { SEVERITY_ERROR = 1, SEVERITY_WARNING = 2 };

static cJSON *position(const VlSource *src, VlLspEncoding enc, VlPos p) {
  cJSON *o = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_add_number(o, "line", p.row);
  vl_lsp_json_add_number(o, "character", vl_lsp_character(src, enc, p.row, p.col));
  return o;
}

static cJSON *range(const VlSource *src, VlLspEncoding enc, VlRange r) {
  cJSON *o = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_attach(o, "start", position(src, enc, r.start));
  vl_lsp_json_attach(o, "end", position(src, enc, r.end));
  return o;
}

static cJSON *fix_data(const VlSource *src, VlLspEncoding enc, const VlFix *fix) {
  if (fix->applicability == VL_FIX_NONE) return vl_lsp_json_check(cJSON_CreateNull());
  cJSON *o = vl_lsp_json_check(cJSON_CreateObject());
  char title[300];
  snprintf(title, sizeof title, "%s%s", fix->message ? fix->message : "Apply viewleak's fix",
           fix->applicability == VL_FIX_UNSAFE ? " (unsafe)" : "");
  vl_lsp_json_add_string(o, "title", title);
  vl_lsp_json_add_string(o, "applicability", vl_applicability_name(fix->applicability));
  cJSON *edits = vl_lsp_json_add_array(o, "edits");
  for (size_t i = 0; i < fix->nedits; i++) {
    cJSON *e = vl_lsp_json_check(cJSON_CreateObject());
    vl_lsp_json_attach(e, "range", range(src, enc, fix->edits[i].range));
    vl_lsp_json_add_string(e, "newText", fix->edits[i].content ? fix->edits[i].content : "");
    vl_lsp_json_push(edits, e);
  }
  return o;
}

static cJSON *diagnostic(VlLspServer *s, const VlLspDoc *doc, const VlSource *src, const VlDiagnostic *d) {
  cJSON *o = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_attach(o, "range", range(src, s->encoding, d->range));
  if (VL_IS_SYNTAX_ERROR(d)) { /* as Ruff's server shows one: an error, with no code and no rule page */
    vl_lsp_json_add_number(o, "severity", SEVERITY_ERROR);
  } else {
    vl_lsp_json_add_number(o, "severity", SEVERITY_WARNING);
    vl_lsp_json_add_string(o, "code", d->rule->code);
    char href[512];
    snprintf(href, sizeof href, "%s%s.md", VL_DOCS_URL, d->rule->code);
    vl_lsp_json_add_string(vl_lsp_json_add_object(o, "codeDescription"), "href", href);
  }
  vl_lsp_json_add_string(o, "source", "viewleak");
  vl_lsp_json_add_string(o, "message", d->message);
  if (d->has_related) {
    cJSON *rel = vl_lsp_json_check(cJSON_CreateObject());
    cJSON *loc = vl_lsp_json_add_object(rel, "location");
    vl_lsp_json_add_string(loc, "uri", doc->uri);
    vl_lsp_json_attach(loc, "range", range(src, s->encoding, d->related));
    vl_lsp_json_add_string(rel, "message", d->related_message ? d->related_message : "related location");
    vl_lsp_json_push(vl_lsp_json_add_array(o, "relatedInformation"), rel);
  }
  cJSON *data = vl_lsp_json_add_object(o, "data");
  vl_lsp_json_add_number(data, "version", (double)doc->version);
  vl_lsp_json_attach(data, "fix", fix_data(src, s->encoding, &d->fix));
  return o;
}

/* Shows a message once (until configuration files change): analysis runs on every keystroke. */
static void show_once(VlLspServer *s, int type, const char *text) {
  for (size_t i = 0; i < s->shown_errors.count; i++)
    if (strcmp(s->shown_errors.items[i], text) == 0) return;
  s->shown_errors.items = vl_xrealloc(s->shown_errors.items, (s->shown_errors.count + 1) * sizeof(char *));
  s->shown_errors.items[s->shown_errors.count++] = vl_xstrdup(text);
  vl_lsp_show_message(s, type, "viewleak: %s", text);
}

/* The checkers of a document (driver/unit.h): an open file, reparsed incrementally, or a notebook's
 * module, its cells named. */
typedef struct DocChecker {
  const VlEngine *engine;
  VlLspDoc *doc;
  const VlLspCells *cells;
} DocChecker;

static VlReport *check_document(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *u) {
  DocChecker *c = ctx;
  if (!c->doc->analysis) c->doc->analysis = vl_document_new(c->engine);
  return vl_document_check(c->doc->analysis, path, text, len, u->selection, &u->extensions);
}

static VlReport *check_cells(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *u) {
  DocChecker *c = ctx;
  return vl_engine_check_cells(c->engine, path, text, len, u->selection, &u->extensions, c->cells->n,
                               c->cells->first_rows, c->cells->numbers);
}

/* The document's diagnostics: a configuration as `viewleak check` finds it (a fresh VlProject each
 * time, so edited configuration files count at once), then the settings on top and the check
 * (driver/unit.h; no fixes: code actions carry them).  `cells`: the document is a notebook's module
 * (notebook.c), else NULL: an open file, reparsed incrementally (vl_document_check). */
static cJSON *analyse(VlLspServer *s, VlLspDoc *doc, const VlLspCells *cells) {
  cJSON *list = vl_lsp_json_check(cJSON_CreateArray());
  char err[1024] = "";
  VlProject *project = vl_project_new(s->options.config_path, s->options.isolated, err, sizeof err);
  const VlConfig *config = project ? vl_project_config_for(project, doc->name, err, sizeof err) : NULL;
  if (!config) {
    if (err[0]) {
      char text[1100];
      snprintf(text, sizeof text, "%s (no diagnostics for the files it configures)", err);
      show_once(s, VL_LSP_MSG_ERROR, text);
    }
    vl_project_delete(project);
    return list;
  }
  VlUnitOverrides over = {&s->settings.select, &s->settings.extend_select, &s->settings.ignore, NULL};
  VlUnitSettings settings;
  vl_unit_settings(&settings, config, doc->name, &over);
  DocChecker dc = {s->engine, doc, cells};
  VlChecker checker = {cells ? check_cells : check_document, NULL, &dc};
  VlUnitRequest req = {doc->name, doc->text, doc->len, &settings, VL_FIX_MODE_NONE, NULL};
  VlUnitResult res;
  vl_unit_check(&req, &checker, &res);
  VlReport *report = res.report;
  if (vl_report_skipped(report)) { /* as `viewleak check` warns on stderr */
    char text[1100];
    snprintf(text, sizeof text, "%s: not analysed: %s", doc->name, vl_report_skipped(report));
    show_once(s, VL_LSP_MSG_WARNING, text);
  }
  /* no fixes applied: the report is of doc->text, and its line index serves the positions */
  const VlSource *src = vl_report_source(report);
  for (size_t i = 0; i < vl_report_count(report); i++) {
    const VlDiagnostic *d = vl_report_get(report, i);
    if (!d->suppressed) vl_lsp_json_push(list, diagnostic(s, doc, src, d));
  }
  vl_unit_result_free(&res);
  vl_unit_settings_free(&settings);
  vl_project_delete(project);
  return list;
}

static void publish(VlLspServer *s, const char *uri, const int64_t *version, cJSON *list) {
  cJSON *p = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_add_string(p, "uri", uri);
  if (version) vl_lsp_json_add_number(p, "version", (double)*version);
  vl_lsp_json_attach(p, "diagnostics", list);
  vl_lsp_notify(s, "textDocument/publishDiagnostics", p);
}

void vl_lsp_publish(VlLspServer *self, VlLspDoc *doc) {
  if (!doc->dirty) return;
  doc->dirty = false;
  if (!doc->python) return;
  cJSON *list = analyse(self, doc, NULL);
  cJSON_Delete(doc->published);
  doc->published = vl_lsp_json_check(cJSON_Duplicate(list, true));
  publish(self, doc->uri, &doc->version, list);
}

void vl_lsp_publish_dirty(VlLspServer *self) {
  for (VlLspDoc *d = self->docs.head; d; d = d->next) vl_lsp_publish(self, d);
}

void vl_lsp_publish_empty(VlLspServer *self, const char *uri) {
  publish(self, uri, NULL, vl_lsp_json_check(cJSON_CreateArray()));
}

/* ---- code actions ---- */

/* CodeActionContext.only: absent, or naming "quickfix" or the empty kind that contains every kind. */
static bool wants_quickfix(const cJSON *only) {
  if (!cJSON_IsArray(only)) return true;
  const cJSON *k;
  cJSON_ArrayForEach(k, only) if (cJSON_IsString(k) && (!*k->valuestring || strcmp(k->valuestring, "quickfix") == 0)) return true;
  return false;
}

/* A position as (line, character); false when malformed. */
static bool read_pos(const cJSON *p, int64_t out[2]) {
  return vl_lsp_json_int(p, "line", 0, UINT32_MAX, &out[0]) && vl_lsp_json_int(p, "character", 0, UINT32_MAX, &out[1]);
}

static int compare(const int64_t a[2], const int64_t b[2]) {
  return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] != b[1] ? (a[1] < b[1] ? -1 : 1) : 0;
}

/* Whether two ranges overlap or touch (a cursor at either end of a diagnostic counts). */
static bool overlaps(const cJSON *a, const cJSON *b) {
  int64_t as[2], ae[2], bs[2], be[2];
  if (!read_pos(vl_lsp_json_get(a, "start"), as) || !read_pos(vl_lsp_json_get(a, "end"), ae) ||
      !read_pos(vl_lsp_json_get(b, "start"), bs) || !read_pos(vl_lsp_json_get(b, "end"), be))
    return false;
  return compare(ae, bs) >= 0 && compare(be, as) >= 0;
}

/* The published diagnostic with the same code and range as a client's, or NULL. */
static const cJSON *published_match(const VlLspDoc *doc, const cJSON *given) {
  const char *code = vl_lsp_json_string(given, "code");
  const cJSON *r = vl_lsp_json_get(given, "range"), *d;
  cJSON_ArrayForEach(d, doc->published) {
    const char *c = vl_lsp_json_string(d, "code");
    if (code && c && strcmp(code, c) == 0 && r && cJSON_Compare(r, vl_lsp_json_get(d, "range"), true)) return d;
  }
  return NULL;
}

/* The WorkspaceEdit applying `edits` to the document, in the form the client takes. */
static cJSON *workspace_edit(const VlLspServer *s, const VlLspDoc *doc, const cJSON *edits) {
  cJSON *w = vl_lsp_json_check(cJSON_CreateObject());
  if (s->caps.document_changes) {
    cJSON *change = vl_lsp_json_check(cJSON_CreateObject());
    cJSON *id = vl_lsp_json_add_object(change, "textDocument");
    vl_lsp_json_add_string(id, "uri", doc->uri);
    vl_lsp_json_add_number(id, "version", (double)doc->version);
    vl_lsp_json_add_copy(change, "edits", edits);
    vl_lsp_json_push(vl_lsp_json_add_array(w, "documentChanges"), change);
  } else {
    vl_lsp_json_add_copy(vl_lsp_json_add_object(w, "changes"), doc->uri, edits);
  }
  return w;
}

/* The quick fix of one diagnostic (as the client sent it), from its data; nothing when it has no
 * fix or was computed for another version of the text. */
static void add_action(const VlLspServer *s, const VlLspDoc *doc, cJSON *actions, const cJSON *diag,
                       const cJSON *data) {
  int64_t version;
  if (!vl_lsp_json_int(data, "version", INT32_MIN, INT32_MAX, &version) || version != doc->version) return;
  const char *title = vl_lsp_json_string(data, "fix.title");
  const char *applicability = vl_lsp_json_string(data, "fix.applicability");
  const cJSON *edits = vl_lsp_json_get(data, "fix.edits");
  if (!title || !cJSON_IsArray(edits) || cJSON_GetArraySize(edits) == 0) return;
  cJSON *a = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_add_string(a, "title", title);
  vl_lsp_json_add_string(a, "kind", "quickfix");
  vl_lsp_json_append_copy(vl_lsp_json_add_array(a, "diagnostics"), diag);
  vl_lsp_json_add_bool(a, "isPreferred", applicability && strcmp(applicability, "safe") == 0);
  vl_lsp_json_attach(a, "edit", workspace_edit(s, doc, edits));
  vl_lsp_json_push(actions, a);
}

cJSON *vl_lsp_code_actions(VlLspServer *self, VlLspDoc *doc, const cJSON *params) {
  cJSON *actions = vl_lsp_json_check(cJSON_CreateArray());
  if (!self->caps.code_action_literals || !wants_quickfix(vl_lsp_json_get(params, "context.only"))) return actions;
  const cJSON *given = vl_lsp_json_get(params, "context.diagnostics"), *d;
  if (cJSON_IsArray(given) && cJSON_GetArraySize(given) > 0) {
    cJSON_ArrayForEach(d, given) {
      const char *source = vl_lsp_json_string(d, "source"); /* a client may drop it: data tells */
      if (source && strcmp(source, "viewleak") != 0) continue;
      const cJSON *data = vl_lsp_json_get(d, "data");
      if (!cJSON_IsObject(data)) data = vl_lsp_json_get(published_match(doc, d), "data");
      add_action(self, doc, actions, d, data);
    }
  } else { /* no diagnostics in the request: those published that overlap its range */
    const cJSON *r = vl_lsp_json_get(params, "range");
    cJSON_ArrayForEach(d, doc->published) if (overlaps(vl_lsp_json_get(d, "range"), r))
        add_action(self, doc, actions, d, vl_lsp_json_get(d, "data"));
  }
  return actions;
}

/* ---- for notebook documents (notebook.c) ---- */

cJSON *vl_lsp_analyse_cells(VlLspServer *self, VlLspDoc *module, const VlLspCells *cells) {
  return analyse(self, module, cells);
}

void vl_lsp_publish_list(VlLspServer *self, const char *uri, const int64_t *version, cJSON *list) {
  publish(self, uri, version, list);
}
