/* pylint.c: the `pylint` format, Ruff's: one line per finding, as Pylint's parseable output
 *
 *   examples/mixed.py:19: [VL001] `data[i]` is a view of `data` stored in `selected`, ...
 *
 * (a syntax error has no code: "path:4: SyntaxError: ..."). */
#include <stdlib.h>

#include "output/common.h"

static void pylint_report(VlFormatCtx *c, const VlReport *r) {
  char *path = vl_format_relpath(vl_report_path(r));
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    if (*d->rule->code) fprintf(c->out, "%s:%u: [%s] %s\n", path, d->range.start.row + 1, d->rule->code, d->message);
    else fprintf(c->out, "%s:%u: %s\n", path, d->range.start.row + 1, d->message);
  }
  free(path);
}

static void noop(VlFormatCtx *c) { (void)c; }

const VlFormat vl_format_pylint = {"pylint", noop, pylint_report, noop};
