/* text.c: the `text` (with source context) and `concise` formats.
 *
 *   examples/mixed.py:20:25: VL001 `data[i]` is a view of `data` stored in `selected`, ...
 *      |
 *   20 |         selected.append(data[i])
 *      |                         ^^^^^^^ VL001
 *      = help: `data` is rebound on line 21; store a copy: `data[i].copy()`
 */
#include <string.h>

#include "output/common.h"

#define BOLD(c) ((c)->color ? "\033[1m" : "")
#define RED(c) ((c)->color ? "\033[1;31m" : "")
#define CYAN(c) ((c)->color ? "\033[36m" : "")
#define BLUE(c) ((c)->color ? "\033[1;34m" : "")
#define RESET(c) ((c)->color ? "\033[0m" : "")

/* "path:row:col: CODE message"; a syntax error has no code ("path:1:12: SyntaxError: ..."), as Ruff's. */
static void headline(VlFormatCtx *c, const VlReport *r, const VlDiagnostic *d) {
  fprintf(c->out, "%s%s%s%s:%u:%u:%s %s%s%s%s%s\n", BOLD(c), vl_report_path(r), RESET(c), CYAN(c), d->range.start.row + 1,
          vl_format_char_col(r, d->range.start), RESET(c), RED(c), d->rule->code, RESET(c), *d->rule->code ? " " : "",
          d->message);
}

static void concise_report(VlFormatCtx *c, const VlReport *r) {
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (!d->suppressed) headline(c, r, d);
  }
}

static void text_report(VlFormatCtx *c, const VlReport *r) {
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    headline(c, r, d);
    if (c->quiet) continue;
    size_t len;
    const char *line = vl_report_line(r, d->range.start.row, &len);
    char num[16];
    int w = snprintf(num, sizeof num, "%u", d->range.start.row + 1);
    fprintf(c->out, "%*s %s|%s\n", w, "", BLUE(c), RESET(c));
    fprintf(c->out, "%s%s |%s %.*s\n", BLUE(c), num, RESET(c), (int)len, line ? line : "");
    unsigned from = vl_format_char_col(r, d->range.start);
    VlPos end = d->range.end;
    if (end.row != d->range.start.row) end = (VlPos){0, d->range.start.row, (uint32_t)len};
    unsigned to = vl_format_char_col(r, end);
    fprintf(c->out, "%*s %s|%s %*s%s", w, "", BLUE(c), RESET(c), (int)(from - 1), "", RED(c));
    for (unsigned k = from; k < (to > from ? to : from + 1); k++) fputc('^', c->out);
    fprintf(c->out, "%s%s%s\n", *d->rule->code ? " " : "", d->rule->code, RESET(c));
    if (d->help) fprintf(c->out, "%*s %s=%s %shelp%s: %s\n", w, "", BLUE(c), RESET(c), BOLD(c), RESET(c), d->help);
    fputc('\n', c->out);
  }
}

static void summary(VlFormatCtx *c) {
  if (c->quiet) return;
  if (c->active && c->syntax_errors)
    fprintf(c->out, "Found %zu finding%s (%zu syntax error%s).\n", c->active, c->active == 1 ? "" : "s",
            c->syntax_errors, c->syntax_errors == 1 ? "" : "s");
  else if (c->active) fprintf(c->out, "Found %zu finding%s.\n", c->active, c->active == 1 ? "" : "s");
  else if (c->errors) fprintf(c->out, "Found %zu error%s.\n", c->errors, c->errors == 1 ? "" : "s"); /* as Ruff */
  else fprintf(c->out, "All checks passed!\n");
}

static void noop(VlFormatCtx *c) { (void)c; }

const VlFormat vl_format_text = {"text", noop, text_report, summary};
const VlFormat vl_format_concise = {"concise", noop, concise_report, summary};
/* Ruff's name for its default format (source context, labels, notes): the same as text. */
const VlFormat vl_format_full = {"full", noop, text_report, summary};
