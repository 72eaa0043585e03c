/* format.h: output formats as a table of function pointers (universal-ctags' writers).
 *
 * The driver calls begin once, report for each checked file in path order, end once.  A format
 * only reads reports; it never analyses, and it writes only to ctx->out.  Each format lives in its
 * own file (text.c: text and concise; json.c: json and json-lines; sarif.c, github.c, gitlab.c,
 * junit.c) and is listed in the one table in format.c; nothing in the analysis changes when a
 * format is added.
 *
 * Ownership: a format keeps what it needs between calls in ctx->state, allocated by begin and
 * freed by end; it copies whatever it keeps from a report, since reports are deleted after the
 * report call.  The table is constant; formats are not thread-safe per context (one context per
 * output stream). */
#ifndef VL_OUTPUT_FORMAT_H
#define VL_OUTPUT_FORMAT_H
#include <stdbool.h>
#include <stdio.h>

#include "viewleak/viewleak.h"

typedef struct VlFormatCtx {
  FILE *out;
  bool color;
  bool quiet;   /* no summary, no source context */
  size_t active; /* findings printed so far (set by the driver) */
  size_t errors; /* errors reported so far (set by the driver): nothing then claims success */
  size_t syntax_errors; /* of the findings printed, how many are syntax errors (set by the driver) */
  void *state;  /* the format's own */
} VlFormatCtx;

typedef struct VlFormat {
  const char *name;
  void (*begin)(VlFormatCtx *ctx);
  void (*report)(VlFormatCtx *ctx, const VlReport *report);
  void (*end)(VlFormatCtx *ctx);
} VlFormat;

/* The format with that name, or NULL. */
const VlFormat *vl_format_find(const char *name);
/* Comma-separated list of format names, for help and error messages. */
const char *vl_format_names(void);
/* Number of formats, and format i (0-based, in table order; NULL past the end). */
size_t vl_format_count(void);
const VlFormat *vl_format_at(size_t i);

/* ---- listings besides reports (listing.c): text, or JSON in Ruff's shape ---- */
/* `viewleak rule CODE`: its documentation, or a JSON object (name, code, summary, default_enabled,
 * url, explanation). */
void vl_format_rule(FILE *out, const VlRuleInfo *rule, bool json);
/* `viewleak rule --all`: one line per rule, or a JSON array of the objects above. */
void vl_format_rule_list(FILE *out, bool json);
/* `check --statistics`: one row per rule with findings ("5\tVL001\t[*] name"; [*] when fixable), or
 * a JSON array of {code, name, count, fixable}; syntax errors have no code (JSON null). */
typedef struct VlRuleCount {
  const VlRuleInfo *rule;
  size_t count;
  bool fixable;
} VlRuleCount;
void vl_format_statistics(FILE *out, const VlRuleCount *counts, size_t n, bool json);

/* 1-based character column of a position (what editors and Ruff show). */
unsigned vl_format_char_col(const VlReport *report, VlPos pos);
/* 1-based row of a position as printed: in its cell for a notebook (vl_report_cell), else in the file. */
unsigned vl_format_row(const VlReport *report, VlPos pos);
/* The notebook cell of a position (1-based, among all the notebook's cells); 0 when the report is not
 * a notebook's. */
unsigned vl_format_cell(const VlReport *report, VlPos pos);
/* "cell N:" for a position in a notebook (what Ruff prints between path and row), else "".  Returns buf. */
enum { VL_FORMAT_CELL_SIZE = 24 };
const char *vl_format_cell_prefix(const VlReport *report, VlPos pos, char buf[VL_FORMAT_CELL_SIZE]);

#endif
