/* noqa_add.c: adding `# noqa: CODES` directives for the current findings (noqa_add.h). */
#include "driver/noqa_add.h"

#include <stdbool.h>
#include <string.h>

#include "base/buf.h"
#include "diag/noqa.h"

/* Where the codes of a line's `# noqa: A, B` directive end (the offset in the line), found by
 * vl_noqa_codes over the line from its first '#'. */
typedef struct LastCode {
  size_t end;
  bool any;
} LastCode;

static void last_code(void *ctx, const char *code, size_t n, size_t at) {
  (void)code;
  LastCode *l = ctx;
  l->end = at + n;
  l->any = true;
}

/* Is `code` already among the codes the line's comment lists? */
static bool listed(const char *comment, size_t len, const char *code) {
  return comment && vl_noqa_covers(comment, len, code);
}

char *vl_noqa_add(const VlReport *r, size_t *len, size_t *added, size_t *skipped) {
  *added = *skipped = 0;
  size_t text_len;
  const char *text = vl_report_text(r, &text_len);
  VlBuf out = {0};
  size_t copied = 0; /* bytes of text already in out */
  size_t n = vl_report_count(r);
  for (size_t i = 0; i < n;) {
    uint32_t row = vl_report_get(r, i)->range.start.row;
    size_t k = i; /* the diagnostics of this row: i..k-1 (the report is sorted by position) */
    while (k < n && vl_report_get(r, k)->range.start.row == row) k++;
    size_t line_len;
    const char *line = vl_report_line(r, row, &line_len);
    if (!line) {
      i = k;
      continue;
    }
    size_t start = (size_t)(line - text), end = start + line_len;
    while (end > start && text[end - 1] == '\r') end--; /* vl_report_line may keep a CR */
    const char *hash = memchr(line, '#', end - start);
    size_t clen = hash ? (size_t)(text + end - hash) : 0;
    LastCode lc = {0};
    if (hash) vl_noqa_codes(hash, clen, last_code, &lc);
    VlBuf codes = {0};
    size_t want = 0;
    bool continued = end > start && text[end - 1] == '\\';
    for (size_t j = i; j < k; j++) {
      const VlDiagnostic *d = vl_report_get(r, j);
      if (d->suppressed || VL_IS_SYNTAX_ERROR(d) || strcmp(d->rule->code, "VL900") == 0) continue;
      if (listed(hash, clen, d->rule->code) || (codes.data && strstr(codes.data, d->rule->code))) continue;
      if (continued) {
        (*skipped)++;
        continue;
      }
      vl_buf_printf(&codes, "%s%s", want++ ? ", " : "", d->rule->code);
    }
    if (want) {
      size_t at = lc.any ? (size_t)(hash - text) + lc.end : end;
      vl_buf_append(&out, text + copied, at - copied);
      vl_buf_printf(&out, lc.any ? ", %s" : "  # noqa: %s", codes.data);
      copied = at;
      *added += want;
    }
    vl_buf_free(&codes);
    i = k;
  }
  if (!*added) {
    vl_buf_free(&out);
    return NULL;
  }
  vl_buf_append(&out, text + copied, text_len - copied);
  *len = out.len;
  vl_buf_append(&out, "", 0); /* NUL-terminated, not counted */
  return out.data;
}
