/* fuzz_scale.c: libFuzzer target for cost blow-ups.  The input (a few KiB) is repeated until the file
 * is VL_FUZZ_SCALE_BYTES long (default 256 KiB; set at build time) and the whole file is analysed
 * with every rule.  Linear analysis of that much takes well under a second; run with -timeout, an
 * input whose cost grows faster than the file (a quadratic path, an exponential evaluation) is
 * reported as a timeout.  Repetition keeps what made one copy slow: many statements, wide lists,
 * deep nesting, random bytes' ERROR nodes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "viewleak/viewleak.h"

#ifndef VL_FUZZ_SCALE_BYTES
#define VL_FUZZ_SCALE_BYTES (256u << 10)
#endif

static VlEngine *engine;
static VlSelection *all;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    char err[256];
    if (!(engine = vl_engine_new(err, sizeof err))) abort();
    all = vl_selection_new();
    vl_selection_select(all, "ALL");
  }
  if (!size) return 0;
  size_t total = size >= VL_FUZZ_SCALE_BYTES ? size : VL_FUZZ_SCALE_BYTES / size * size;
  char *text = malloc(total);
  if (!text) abort();
  for (size_t at = 0; at < total; at += size) memcpy(text + at, data, size < total - at ? size : total - at);
  VlReport *r = vl_engine_check(engine, "fuzz.py", text, total, all, NULL);
  vl_report_delete(r);
  free(text);
  return 0;
}
