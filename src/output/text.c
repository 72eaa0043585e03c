/* text.c: the `text` (with source context) and `concise` formats.
 *
 *   examples/mixed.py:19:25: VL001 `data[i]` is a view of `data` stored in `selected`, which outlives ...
 *      |
 *   19 |         selected.append(data[i])
 *      |                         ^^^^^^^ VL001
 *   20 |         data = np.delete(data, 0, axis=0)
 *      |         --------------------------------- `data` is rebound to a new array here
 *      |
 *      = note: every iteration keeps a whole old `data` alive (up to 500x32x32x3 float64 = 11.7 MiB per iteration)
 *      = help: store a copy: `data[i].copy()`
 *
 * The message stays short (it is all that concise output, annotations and editors show); the
 * snippet has the primary label at the finding and the secondary one at its related location.
 *
 * In a notebook, rows count from the start of the finding's cell, named after the path as Ruff does:
 * `analysis.ipynb:cell 4:3:9: VL001 ...`. */
#include <string.h>

#include "output/common.h"

#define BOLD(c) ((c)->color ? "\033[1m" : "")
#define RED(c) ((c)->color ? "\033[1;31m" : "")
#define CYAN(c) ((c)->color ? "\033[36m" : "")
#define BLUE(c) ((c)->color ? "\033[1;34m" : "")
#define RESET(c) ((c)->color ? "\033[0m" : "")

/* "path:row:col: CODE message"; a syntax error has no code ("path:1:12: SyntaxError: ..."), as Ruff's. */
static void headline(VlFormatCtx *c, const VlReport *r, const VlDiagnostic *d) {
  char cell[VL_FORMAT_CELL_SIZE];
  fprintf(c->out, "%s%s%s%s:%s%u:%u:%s %s%s%s%s%s\n", BOLD(c), vl_report_path(r), RESET(c), CYAN(c),
          vl_format_cell_prefix(r, d->range.start, cell), vl_format_row(r, d->range.start),
          vl_format_char_col(r, d->range.start), RESET(c), RED(c), d->rule->code, RESET(c), *d->rule->code ? " " : "",
          d->message);
}

static void concise_report(VlFormatCtx *c, const VlReport *r) {
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (!d->suppressed) headline(c, r, d);
  }
}

/* One source line of a snippet with its underline: '^' and the rule code for the primary range,
 * '-' and the related message for the secondary one (rustc's and Ruff's multi-span look).  A range
 * over several lines is underlined to the end of its first. */
static void snippet_line(VlFormatCtx *c, const VlReport *r, VlRange range, int w, bool primary, const char *label) {
  size_t len;
  const char *line = vl_report_line(r, range.start.row, &len);
  fprintf(c->out, "%s%*u |%s %.*s\n", BLUE(c), w, vl_format_row(r, range.start), RESET(c), (int)len, line ? line : "");
  unsigned from = vl_format_char_col(r, range.start);
  VlPos end = range.end;
  if (end.row != range.start.row) end = (VlPos){0, range.start.row, (uint32_t)len};
  unsigned to = vl_format_char_col(r, end);
  fprintf(c->out, "%*s %s|%s %*s%s", w, "", BLUE(c), RESET(c), (int)(from - 1), "", primary ? RED(c) : BLUE(c));
  for (unsigned k = from; k < (to > from ? to : from + 1); k++) fputc(primary ? '^' : '-', c->out);
  fprintf(c->out, "%s%s%s\n", *label ? " " : "", label, RESET(c));
}

static void text_report(VlFormatCtx *c, const VlReport *r) {
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    headline(c, r, d);
    if (c->quiet) continue;
    /* the stored view and, on another line, the rebind: in source order, "..." over a gap */
    bool two = d->has_related && d->related.start.row != d->range.start.row;
    VlRange first = d->range, second = d->related;
    bool primary_first = !two || d->range.start.row < d->related.start.row;
    if (!primary_first) first = d->related, second = d->range;
    char num[16];
    int w = snprintf(num, sizeof num, "%u", vl_format_row(r, (two ? second : first).start));
    const char *related = d->related_message ? d->related_message : "";
    fprintf(c->out, "%*s %s|%s\n", w, "", BLUE(c), RESET(c));
    snippet_line(c, r, first, w, primary_first, primary_first ? d->rule->code : related);
    if (two) {
      if (second.start.row > first.start.row + 1) fprintf(c->out, "%s...%s\n", BLUE(c), RESET(c));
      snippet_line(c, r, second, w, !primary_first, primary_first ? related : d->rule->code);
    }
    if (d->note || d->help) fprintf(c->out, "%*s %s|%s\n", w, "", BLUE(c), RESET(c));
    if (d->note) fprintf(c->out, "%*s %s=%s %snote%s: %s\n", w, "", BLUE(c), RESET(c), BOLD(c), RESET(c), d->note);
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
