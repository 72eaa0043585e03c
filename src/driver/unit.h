/* unit.h: one file's check, from its configuration to its fixed text: the sequence every front end runs.
 *
 *   configuration -> selection -> extensions          vl_unit_settings (the configuration, then the
 *                                                      front end's overrides: --select, settings.select...)
 *   -> check -> fix passes, re-checking each result   vl_unit_check (at most VL_FIX_MAX_PASSES, as Ruff)
 *
 * The two steps are apart because a session (a program of several files) analyses every file, the
 * imported ones it does not report included, with that file's settings before it reports any; a
 * single document is configured and checked at once.  What checks a text is what the front end gives
 * vl_unit_check (a VlChecker): a session's report of its file i and its re-check of a fixed text
 * (`viewleak check`), or the engine on a document, incrementally, or on a notebook's cells (the LSP
 * server).  The front ends keep what is theirs: the CLI finds, reads, stamps and writes files, renders
 * diffs and runs jobs; the server speaks JSON, publishes and keeps its open documents.
 *
 * Ownership: VlUnitSettings owns its selection and borrows its extensions from the configuration
 * (which must outlive it); a VlUnitResult owns its reports and fixed text.  No printing, no global
 * state: thread-safe for distinct requests when the checker is. */
#ifndef VL_DRIVER_UNIT_H
#define VL_DRIVER_UNIT_H
#include <stdbool.h>
#include <stddef.h>

#include "driver/config.h"
#include "driver/notebook.h"
#include "viewleak/viewleak.h"

/* What a front end puts on top of a file's configuration (each may be NULL: nothing). */
typedef struct VlUnitOverrides {
  const VlStrList *select;        /* replaces the configuration's select when not empty */
  const VlStrList *extend_select; /* added after the configuration's extend-select */
  const VlStrList *ignore;        /* skipped after the configuration's ignore */
  /* more per-file-ignores: those of this configuration whose glob (relative to its folder) matches
   * the file are skipped too (the CLI's --per-file-ignores, relative to the current folder) */
  const VlConfig *per_file_ignores;
} VlUnitOverrides;

/* What analysing a file needs: its rules and its library extensions. */
typedef struct VlUnitSettings {
  VlSelection *selection;         /* owned */
  VlLibraryExtensions extensions; /* borrowed from the configuration */
} VlUnitSettings;

/* The settings of `path` under `config` (borrowed; must outlive *out) with `overrides` (NULL: none)
 * applied after it.  Free with vl_unit_settings_free. */
void vl_unit_settings(VlUnitSettings *out, const VlConfig *config, const char *path, const VlUnitOverrides *overrides);
/* Frees the selection; a zeroed VlUnitSettings is a no-op. */
void vl_unit_settings_free(VlUnitSettings *self);

/* What checks a text as the request's file.  `check` gets the text as given (it may reuse what was
 * analysed before: a session's analysis, a document's tree); `recheck` a fixed text, checked as if the
 * file read it (NULL: `check` serves both).  Each returns a report the caller owns. */
typedef struct VlChecker {
  VlReport *(*check)(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *settings);
  VlReport *(*recheck)(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *settings);
  void *ctx;
} VlChecker;

/* Which fixes to apply (Ruff's --fix, --fix --unsafe-fixes). */
typedef enum VlFixMode { VL_FIX_MODE_NONE = 0, VL_FIX_MODE_SAFE, VL_FIX_MODE_UNSAFE } VlFixMode;

typedef struct VlUnitRequest {
  const char *path;                /* as reported */
  const char *text;                /* len bytes, borrowed; a notebook's module when `notebook` */
  size_t len;
  const VlUnitSettings *settings;  /* from vl_unit_settings */
  VlFixMode fix;
  const VlNotebook *notebook;      /* not NULL: `text` is its module; the reports name its cells and
                                    * the fixed text is its JSON */
} VlUnitRequest;

typedef struct VlUnitResult {
  VlReport *report;   /* what remains: of the fixed text when fixes were applied, else of the text */
  VlReport *unfixed;  /* of the text as given when fixes were applied (else NULL) */
  char *fixed;        /* the fixed text (a notebook's JSON), NUL-terminated; NULL when none applied */
  size_t fixed_len;
  size_t applied;     /* fixes applied over all passes (0 when they are not kept) */
  char error[512];    /* why fixes that applied cannot be kept (a change a notebook's cells cannot
                       * take): then `fixed` is NULL and `report` is of the text as given */
} VlUnitResult;

/* Checks the request's text with `checker`, then, unless request->fix is VL_FIX_MODE_NONE, applies
 * its fixes and re-checks the result until nothing more applies (at most VL_FIX_MAX_PASSES passes; a
 * pass whose result has as many findings as before fixed nothing and is dropped).
 * *out is overwritten; free it with vl_unit_result_free. */
void vl_unit_check(const VlUnitRequest *request, const VlChecker *checker, VlUnitResult *out);

/* The fixes are not kept (they could not be written): the report becomes that of the text as given,
 * the fixed text is dropped and the count of applied fixes is 0. */
void vl_unit_result_unfix(VlUnitResult *self);
/* Frees the reports and the fixed text; a zeroed VlUnitResult is a no-op. */
void vl_unit_result_free(VlUnitResult *self);

#endif
