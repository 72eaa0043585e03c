/* fuzz_config.c: libFuzzer target for configuration loading (the tree-sitter TOML reading and every
 * key's checks): arbitrary bytes as a viewleak.toml must load or fail with a message, never crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "driver/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[64];
  if (!path[0]) snprintf(path, sizeof path, "/tmp/viewleak-fuzz-%d.toml", (int)getpid());
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  bool found;
  char err[512];
  VlConfig *c = vl_config_load(path, &found, err, sizeof err);
  if (c) {
    VlSelection *s = vl_config_selection(c, "x/y.py", NULL, NULL, NULL);
    vl_selection_delete(s);
    (void)vl_config_excludes(c, "x/y.py");
  }
  vl_config_delete(c);
  return 0;
}
