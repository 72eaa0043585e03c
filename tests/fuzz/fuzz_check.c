/* fuzz_check.c: libFuzzer target over the whole analysis of one Python file.
 *
 * Every rule is selected, and each input is also run through the fix pipeline (fix, re-check), so
 * the parser, import resolution, scopes, evaluation, rules, noqa, fixes and the text of messages
 * all see arbitrary bytes.  Built by tests/fuzz/run.sh (clang, -fsanitize=fuzzer,address,undefined).
 * What it checks: no crash, no sanitizer report, no leak; and fixing never produces a report with
 * more findings than before. */
#include <stdint.h>
#include <stdlib.h>

#include "driver/fix.h"
#include "viewleak/viewleak.h"

static VlEngine *engine;
static VlSelection *all;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    char err[256];
    engine = vl_engine_new(err, sizeof err);
    if (!engine) abort();
    all = vl_selection_new();
    vl_selection_select(all, "ALL");
  }
  VlReport *r = vl_engine_check(engine, "fuzz.py", (const char *)data, size, all, NULL);
  size_t n, applied;
  char *fixed = vl_fix_source(r, true, &n, &applied);
  if (fixed) {
    VlReport *again = vl_engine_check(engine, "fuzz.py", fixed, n, all, NULL);
    if (vl_report_active(again) > vl_report_active(r)) abort(); /* a fix must not add findings */
    vl_report_delete(again);
    free(fixed);
  }
  vl_report_delete(r);
  return 0;
}
