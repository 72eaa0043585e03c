/* format.h: output formats as a table of function pointers (universal-ctags' writers).
 *
 * The driver calls begin once, report for each checked file in path order, end once.  A format
 * only reads reports; it never analyses.  Adding a format (json, sarif, github...) is adding one
 * VlFormat to the table in text.c; nothing in the analysis changes. */
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

/* 1-based character column of a position (what editors and Ruff show). */
unsigned vl_format_char_col(const VlReport *report, VlPos pos);

#endif
