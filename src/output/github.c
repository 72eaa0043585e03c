/* github.c: the `github` format: one GitHub Actions workflow command per finding, which the runner
 * turns into an annotation on the pull request's diff:
 *
 *   ::warning file=examples/mixed.py,line=19,col=25,endLine=19,endColumn=32,title=VL001 (retained-view-of-rebound-array)::`data[i]` is a view ...
 *
 * Rows and columns are 1-based, columns in characters, the end exclusive.  Property values and the
 * message are escaped as the Actions toolkit does (vl_format_github_escape).  In a notebook the line
 * counts from the start of the finding's cell, which the message names first ("cell 4: ..."). */
#include <stdlib.h>

#include "output/common.h"

static void github_report(VlFormatCtx *c, const VlReport *r) {
  char *rel = vl_format_relpath(vl_report_path(r));
  char *path = vl_format_github_escape(rel, true);
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    bool syntax = VL_IS_SYNTAX_ERROR(d); /* an error, titled by its name alone */
    char *code = vl_format_github_escape(d->rule->code, true);
    char *name = vl_format_github_escape(d->rule->name, true);
    char *message = vl_format_github_escape(d->message, false), cell[VL_FORMAT_CELL_SIZE];
    vl_format_cell_prefix(r, d->range.start, cell);
    fprintf(c->out, "::%s file=%s,line=%u,col=%u,endLine=%u,endColumn=%u,title=%s%s%s%s::%s%s%s\n",
            syntax ? "error" : "warning", path, vl_format_row(r, d->range.start), vl_format_char_col(r, d->range.start),
            vl_format_row(r, d->range.end), vl_format_char_col(r, d->range.end), code, syntax ? "" : " (", name,
            syntax ? "" : ")", cell, *cell ? " " : "", message);
    free(code);
    free(name);
    free(message);
  }
  free(path);
  free(rel);
}

static void noop(VlFormatCtx *c) { (void)c; }

const VlFormat vl_format_github = {"github", noop, github_report, noop};
