/* fuzz_config.c: libFuzzer target for configuration loading (the tree-sitter TOML reading and every
 * key's checks), then for the library extension lists a configuration sets.
 *
 * The input is a viewleak.toml, optionally followed by a line "#---" and a Python file (without one,
 * a file calling the helpers the seeds list, mylib.shuffle_rows and friends).  The configuration must
 * load or fail with a message, never crash; when it loads, the Python file is analysed with its
 * selection and its extend-copy-functions / extend-view-functions / extend-array-producers. */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver/config.h"
#include "viewleak/viewleak.h"

static const char default_py[] =
    "import numpy as np\nimport mylib\n\n\ndef pick(data, n):\n    kept = []\n    for i in range(n):\n"
    "        kept.append(data[i, :])\n        data = mylib.shuffle_rows(data)\n        v = mylib.view_of(data)\n"
    "        kept.append(v)\n        data = mylib.load_batch(n)\n    return kept\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[64];
  static VlEngine *engine;
  if (!path[0]) snprintf(path, sizeof path, "/tmp/viewleak-fuzz-%d.toml", (int)getpid());
  if (!engine) {
    char err[256];
    if (!(engine = vl_engine_new(err, sizeof err))) abort();
  }
  const char *py = default_py;
  size_t pylen = sizeof default_py - 1, tomllen = size;
  const uint8_t *sep = size >= 5 ? memmem(data, size, "\n#---\n", 6) : NULL;
  if (sep) {
    tomllen = (size_t)(sep - data) + 1;
    py = (const char *)sep + 6;
    pylen = size - tomllen - 5;
  }
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  fwrite(data, 1, tomllen, f);
  fclose(f);
  bool found = true;
  char err[512] = "";
  VlConfig *c = vl_config_load(path, &found, err, sizeof err);
  if (c) {
    VlSelection *s = vl_config_selection(c, "x/y.py", NULL, NULL, NULL);
    (void)vl_config_excludes(c, "x/y.py");
    VlLibraryExtensions ext = vl_config_extensions(c);
    VlReport *r = vl_engine_check(engine, "x/y.py", py, pylen, s, &ext);
    vl_report_delete(r);
    vl_selection_delete(s);
  } else if (found && !err[0]) {
    abort(); /* a configuration that does not load says why */
  }
  vl_config_delete(c);
  return 0;
}
