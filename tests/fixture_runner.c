/* fixture_runner.c: checks the analyzer against the inline markers of fixture files.
 *
 *   viewleak_fixtures DIR_OR_FILE...
 *
 * A fixture line ending in `# expect: VL001` (several codes: `# expect: VL001, VL003`) must carry a
 * finding with that code starting on that line; every finding must be expected.  Missing and
 * unexpected findings both fail (so markers cannot drift into decoration).  Suppressed (noqa)
 * findings count as absent.  Each file is checked with the default rules plus the rule its folder is
 * named after (fixtures/vl003/ adds VL003), so off-by-default rules are tested and the default set is
 * checked for unexpected findings on every fixture.  Prints one line per failure and a closing
 * `N passed, M failed` line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver/walk.h"
#include "viewleak/viewleak.h"

typedef struct Expect {
  unsigned row;
  char code[16];
  bool seen;
} Expect;

/* Collects `# expect: CODE[, CODE]` markers; returns how many. */
static size_t markers(const char *text, Expect *out, size_t cap) {
  size_t n = 0;
  unsigned row = 0;
  for (const char *line = text; *line; row++) {
    const char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    const char *m = NULL;
    for (size_t i = 0; i + 9 <= len; i++)
      if (strncmp(line + i, "# expect:", 9) == 0) m = line + i + 9;
    while (m && m < line + len && n < cap) {
      while (m < line + len && (*m == ' ' || *m == ',')) m++;
      size_t k = 0;
      while (m + k < line + len && ((m[k] >= 'A' && m[k] <= 'Z') || (m[k] >= '0' && m[k] <= '9'))) k++;
      if (!k || k >= sizeof out[n].code) break;
      out[n] = (Expect){row, {0}, false};
      memcpy(out[n].code, m, k);
      n++;
      m += k;
    }
    line = nl ? nl + 1 : line + len;
  }
  return n;
}

/* The default rules, plus the rule named by the file's folder (".../vl003/x.py" -> VL003). */
static VlSelection *selection_for(const char *path) {
  VlSelection *sel = vl_selection_new();
  for (size_t i = 0; i < vl_rule_count(); i++)
    if (vl_rule_at(i)->default_enabled) vl_selection_select(sel, vl_rule_at(i)->code);
  const char *slash = strrchr(path, '/');
  if (slash && slash - path >= 5) {
    char code[6];
    memcpy(code, slash - 5, 5);
    code[5] = '\0';
    if (vl_rule_find(code)) vl_selection_select(sel, code);
  }
  return sel;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  char err[512];
  VlEngine *engine = vl_engine_new(err, sizeof err);
  if (!engine) {
    fprintf(stderr, "engine: %s\n", err);
    return 2;
  }
  VlPathList files;
  vl_walk((const char *const *)argv + 1, (size_t)argc - 1, NULL, NULL, &files);
  int passed = 0, failed = 0;
  size_t nmarkers = 0, nfindings = 0;
  for (size_t i = 0; i < files.nerrors; i++) {
    printf("FAIL %s\n", files.errors[i]);
    failed++;
  }
  for (size_t f = 0; f < files.count; f++) {
    const char *path = files.paths[f];
    char *text;
    size_t len;
    if (!vl_read_file(path, &text, &len, err, sizeof err)) {
      printf("FAIL %s: %s\n", path, err);
      failed++;
      continue;
    }
    Expect exp[64];
    size_t nexp = markers(text, exp, 64);
    nmarkers += nexp;
    VlSelection *sel = selection_for(path);
    VlReport *r = vl_engine_check(engine, path, text, len, sel, NULL);
    vl_selection_delete(sel);
    bool ok = true;
    for (size_t i = 0; i < vl_report_count(r); i++) {
      const VlDiagnostic *d = vl_report_get(r, i);
      if (d->suppressed) continue;
      nfindings++;
      bool matched = false;
      for (size_t k = 0; k < nexp && !matched; k++)
        if (!exp[k].seen && exp[k].row == d->range.start.row && strcmp(exp[k].code, d->rule->code) == 0)
          matched = exp[k].seen = true;
      if (!matched) {
        printf("FAIL %s:%u:%u: unexpected %s: %s\n", path, d->range.start.row + 1, d->range.start.col + 1,
               d->rule->code, d->message);
        ok = false;
      }
    }
    for (size_t k = 0; k < nexp; k++)
      if (!exp[k].seen) {
        printf("FAIL %s:%u: expected %s, not reported\n", path, exp[k].row + 1, exp[k].code);
        ok = false;
      }
    ok ? passed++ : failed++;
    vl_report_delete(r);
    free(text);
  }
  printf("fixtures: %zu files, %zu markers, %zu findings\n", files.count, nmarkers, nfindings);
  printf("%d passed, %d failed\n", passed, failed);
  bool none = files.count == 0;
  vl_path_list_free(&files);
  vl_engine_delete(engine);
  return failed || none ? 1 : 0;
}
