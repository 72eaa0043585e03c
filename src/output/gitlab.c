/* gitlab.c: the `gitlab` format: a GitLab Code Quality report (artifacts:reports:codequality), a
 * JSON array with one issue per finding, keys in alphabetical order as Ruff prints them:
 *
 *   [
 *     {
 *       "check_name": "VL001",
 *       "description": "VL001: `data[i]` is a view of `data` ...",
 *       "fingerprint": "3f6c0d9e1b2a4c57",
 *       "location": {"lines": {"begin": 19, "end": 19}, "path": "examples/mixed.py"},
 *       "severity": "major"
 *     }
 *   ]
 *
 * In a notebook the lines count from the start of the finding's cell, which the description names
 * ("VL001: cell 4: ...").  The fingerprint is the one SARIF uses (common.h): it survives edits elsewhere in the file, so
 * GitLab tracks a finding across commits instead of showing it as fixed and new.  Built with cJSON. */
#include <cJSON.h>
#include <stdlib.h>

#include "base/buf.h"
#include "output/common.h"

static cJSON *issue(const VlReport *r, size_t i, const char *path) {
  const VlDiagnostic *d = vl_report_get(r, i);
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  bool syntax = VL_IS_SYNTAX_ERROR(d); /* no code: named "syntax-error", its message says SyntaxError */
  vl_format_json_add_string(o, "check_name", syntax ? d->rule->name : d->rule->code);
  VlBuf description = {0};
  char cell[VL_FORMAT_CELL_SIZE];
  vl_format_cell_prefix(r, d->range.start, cell);
  vl_buf_printf(&description, "%s%s%s%s%s", d->rule->code, syntax ? "" : ": ", cell, *cell ? " " : "", d->message);
  vl_format_json_add_string(o, "description", description.data);
  vl_buf_free(&description);
  char fingerprint[VL_FINGERPRINT_SIZE];
  vl_format_fingerprint(r, i, path, fingerprint);
  vl_format_json_add_string(o, "fingerprint", fingerprint);
  cJSON *location = vl_format_json_check(cJSON_AddObjectToObject(o, "location"));
  cJSON *lines = vl_format_json_check(cJSON_AddObjectToObject(location, "lines"));
  vl_format_json_check(cJSON_AddNumberToObject(lines, "begin", vl_format_row(r, d->range.start)));
  vl_format_json_check(cJSON_AddNumberToObject(lines, "end", vl_format_row(r, d->range.end)));
  vl_format_json_add_string(location, "path", path);
  vl_format_json_add_string(o, "severity", syntax ? "critical" : "major"); /* every rule warns; GitLab's scale for that */
  return o;
}

static void gitlab_report(VlFormatCtx *c, const VlReport *r) {
  char *path = vl_format_relpath(vl_report_path(r));
  for (size_t i = 0; i < vl_report_count(r); i++) {
    if (vl_report_get(r, i)->suppressed) continue;
    cJSON *o = issue(r, i, path);
    vl_format_json_array_item(c, o);
    cJSON_Delete(o);
  }
  free(path);
}

const VlFormat vl_format_gitlab = {"gitlab", vl_format_json_array_begin, gitlab_report, vl_format_json_array_end};
