/* json.c: the `json` and `json-lines` formats, in Ruff's JSON shape (keys in alphabetical order,
 * rows and columns 1-based, columns in characters, end positions exclusive):
 *
 *   [
 *     {
 *       "cell": null,
 *       "code": "VL001",
 *       "end_location": {"column": 32, "row": 19},
 *       "filename": "examples/mixed.py",
 *       "fix": null | {"applicability": "safe" | "unsafe", "edits": [{"content", "end_location",
 *                      "location"}], "message": ...},
 *       "location": {"column": 25, "row": 19},
 *       "message": "...",
 *       "noqa_row": 19,
 *       "related": [{"end_location", "location", "message"}],   (viewleak's addition)
 *       "url": VL_DOCS_URL "VL001.md"
 *     }
 *   ]
 *
 * In a notebook, "cell" is the finding's cell (1-based, among all cells) and rows count from the start
 * of their cell, as Ruff prints them; a related location names its own cell ("cell" first).
 *
 * `json` is one array (serde_json's pretty layout, as Ruff prints it), streamed as reports come;
 * `json-lines` one compact object per line.  Suppressed findings are not printed.  Built with cJSON. */
#include <cJSON.h>
#include <stdlib.h>

#include "output/common.h"

static cJSON *location(const VlReport *r, VlPos pos) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  vl_format_json_check(cJSON_AddNumberToObject(o, "column", vl_format_char_col(r, pos)));
  vl_format_json_check(cJSON_AddNumberToObject(o, "row", vl_format_row(r, pos)));
  return o;
}

/* "end_location" and "location" of a range, in that (alphabetical) order. */
static void add_range(cJSON *o, const VlReport *r, VlRange range) {
  cJSON_AddItemToObject(o, "end_location", location(r, range.end));
  cJSON_AddItemToObject(o, "location", location(r, range.start));
}

static cJSON *fix_object(const VlReport *r, const VlFix *fix) {
  if (fix->applicability == VL_FIX_NONE) return vl_format_json_check(cJSON_CreateNull());
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  vl_format_json_add_string(o, "applicability", vl_applicability_name(fix->applicability));
  cJSON *edits = vl_format_json_check(cJSON_AddArrayToObject(o, "edits"));
  for (size_t i = 0; i < fix->nedits; i++) {
    cJSON *e = vl_format_json_check(cJSON_CreateObject());
    vl_format_json_add_string(e, "content", fix->edits[i].content ? fix->edits[i].content : "");
    add_range(e, r, fix->edits[i].range);
    cJSON_AddItemToArray(edits, e);
  }
  if (fix->message) vl_format_json_add_string(o, "message", fix->message);
  else vl_format_json_check(cJSON_AddNullToObject(o, "message"));
  return o;
}

/* One finding as a JSON object; path is the printed path.  Caller deletes. */
static cJSON *finding(const VlReport *r, const VlDiagnostic *d, const char *path) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  unsigned cell = vl_format_cell(r, d->range.start);
  if (cell) vl_format_json_check(cJSON_AddNumberToObject(o, "cell", cell));
  else vl_format_json_check(cJSON_AddNullToObject(o, "cell"));
  if (VL_IS_SYNTAX_ERROR(d)) vl_format_json_check(cJSON_AddNullToObject(o, "code")); /* as Ruff's */
  else vl_format_json_add_string(o, "code", d->rule->code);
  cJSON_AddItemToObject(o, "end_location", location(r, d->range.end));
  vl_format_json_add_string(o, "filename", path);
  cJSON_AddItemToObject(o, "fix", fix_object(r, &d->fix));
  cJSON_AddItemToObject(o, "location", location(r, d->range.start));
  vl_format_json_add_string(o, "message", d->message);
  if (VL_IS_SYNTAX_ERROR(d)) vl_format_json_check(cJSON_AddNullToObject(o, "noqa_row")); /* none suppresses it */
  else vl_format_json_check(cJSON_AddNumberToObject(o, "noqa_row", vl_format_row(r, d->range.start))); /* noqa goes on the first line */
  cJSON *related = vl_format_json_check(cJSON_AddArrayToObject(o, "related"));
  if (d->has_related) {
    cJSON *rel = vl_format_json_check(cJSON_CreateObject());
    unsigned rel_cell = vl_format_cell(r, d->related.start); /* a notebook's: it may be in another cell */
    if (rel_cell) vl_format_json_check(cJSON_AddNumberToObject(rel, "cell", rel_cell));
    add_range(rel, r, d->related);
    vl_format_json_add_string(rel, "message", d->related_message ? d->related_message : "");
    cJSON_AddItemToArray(related, rel);
  }
  char *url = VL_IS_SYNTAX_ERROR(d) ? NULL : vl_format_rule_url(d->rule);
  if (url) vl_format_json_add_string(o, "url", url);
  else vl_format_json_check(cJSON_AddNullToObject(o, "url"));
  free(url);
  return o;
}

static void json_report(VlFormatCtx *c, const VlReport *r) {
  char *path = vl_format_relpath(vl_report_path(r));
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    cJSON *o = finding(r, d, path);
    vl_format_json_array_item(c, o);
    cJSON_Delete(o);
  }
  free(path);
}

static void noop(VlFormatCtx *c) { (void)c; }

static void lines_report(VlFormatCtx *c, const VlReport *r) {
  char *path = vl_format_relpath(vl_report_path(r));
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    cJSON *o = finding(r, d, path);
    char *text = vl_format_json_compact(o);
    cJSON_Delete(o);
    fputs(text, c->out);
    fputc('\n', c->out);
    cJSON_free(text);
  }
  free(path);
}

const VlFormat vl_format_json = {"json", vl_format_json_array_begin, json_report, vl_format_json_array_end};
const VlFormat vl_format_json_lines = {"json-lines", noop, lines_report, noop};
