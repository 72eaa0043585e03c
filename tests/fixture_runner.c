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
 * `N passed, M failed` line.
 *
 * A folder with a main.py is one program (a fixture of several modules: a helper module, a package):
 * its files are checked together, as `viewleak check FOLDER` does, the modules they import found
 * next to them, and each file's markers must match the findings reported in it.
 *
 * A notebook (.ipynb) is checked as `viewleak check` checks it: its code cells as one module; its
 * markers are read in that module, and every `# expect:` in the JSON text must be one of them (a
 * marker in a Markdown cell, an output or a masked magic line would check nothing). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "driver/modules.h"
#include "driver/notebook.h"
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

/* The default rules, plus the rule named by the nearest folder above the file named after one
 * (".../vl003/x.py" or ".../vl003/program/x.py" -> VL003). */
static VlSelection *selection_for(const char *path) {
  VlSelection *sel = vl_selection_new();
  for (size_t i = 0; i < vl_rule_count(); i++)
    if (vl_rule_at(i)->default_enabled) vl_selection_select(sel, vl_rule_at(i)->code);
  for (const char *end = strrchr(path, '/'); end && end - path >= 5;) {
    const char *start = end - 5;
    if ((start == path || start[-1] == '/')) {
      char code[6];
      memcpy(code, start, 5);
      code[5] = '\0';
      if (vl_rule_find(code)) {
        vl_selection_select(sel, code);
        break;
      }
    }
    while (--end > path && *end != '/') {
    }
    if (end <= path) break;
  }
  return sel;
}

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The program folder a fixture file belongs to (the nearest folder above it with a main.py, below
 * its rule folder), or NULL for a fixture of one file.  The caller frees it. */
static char *program_of(const char *path) {
  char *dir = strdup(path);
  for (char *slash = strrchr(dir, '/'); slash; slash = strrchr(dir, '/')) {
    *slash = '\0';
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    if (strlen(base) == 5 && vl_rule_find(base)) break; /* the rule folder: no program above */
    size_t n = strlen(dir);
    char *main_py = malloc(n + 9);
    memcpy(main_py, dir, n);
    memcpy(main_py + n, "/main.py", 9);
    bool yes = is_file(main_py);
    free(main_py);
    if (yes) return dir;
  }
  free(dir);
  return NULL;
}

typedef struct Tally {
  int passed, failed;
  size_t nmarkers, nfindings;
} Tally;

/* Compares the report of `path` (text: its source) with its markers. */
static void judge(Tally *t, const char *path, const char *text, const VlReport *r) {
  Expect exp[64];
  size_t nexp = markers(text, exp, 64);
  t->nmarkers += nexp;
  bool ok = true;
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    t->nfindings++;
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
  ok ? t->passed++ : t->failed++;
}

/* Checks the files paths[0..n) of one program together, as one session. */
static void check_program(Tally *t, const VlEngine *engine, const char *const *paths, size_t n) {
  VlSession *s = vl_session_new(engine);
  char **texts = calloc(n, sizeof(char *));
  size_t *lens = calloc(n, sizeof(size_t)), *index = calloc(n, sizeof(size_t));
  char err[512];
  for (size_t i = 0; i < n; i++) {
    bool package;
    char *module = vl_module_for_path(paths[i], &package, NULL);
    index[i] = vl_session_add(s, paths[i], module, package, true);
    free(module);
    if (!vl_read_file(paths[i], &texts[i], &lens[i], err, sizeof err)) {
      printf("FAIL %s: %s\n", paths[i], err);
      t->failed++;
      texts[i] = NULL;
      continue;
    }
    vl_session_scan(s, index[i], texts[i], lens[i]);
  }
  vl_session_discover(s, 64);
  vl_session_plan(s);
  VlSelection *sel = selection_for(paths[0]);
  for (size_t j = 0; j < vl_session_njobs(s); j++) {
    const size_t *files;
    size_t k = vl_session_job_files(s, j, &files);
    for (size_t x = 0; x < k; x++) {
      char *text;
      size_t len;
      if (!vl_read_file(vl_session_path(s, files[x]), &text, &len, err, sizeof err)) continue;
      vl_session_analyse(s, files[x], text, len, sel, NULL);
      free(text);
    }
  }
  for (size_t i = 0; i < n; i++) {
    if (!texts[i]) continue;
    VlReport *r = vl_session_report(s, index[i], texts[i], lens[i], sel);
    judge(t, paths[i], texts[i], r);
    vl_report_delete(r);
    free(texts[i]);
  }
  vl_selection_delete(sel);
  free(texts);
  free(lens);
  free(index);
  vl_session_delete(s);
}

/* How many times `# expect:` occurs in text. */
static size_t marker_count(const char *text) {
  size_t n = 0;
  for (const char *p = strstr(text, "# expect:"); p; p = strstr(p + 1, "# expect:")) n++;
  return n;
}

/* Checks a notebook: its module's findings against the markers of its code cells. */
static void check_notebook(Tally *t, const VlEngine *engine, const char *path, const char *json, size_t len) {
  char err[512];
  VlNotebook *nb = vl_notebook_parse(json, len, err, sizeof err);
  if (!nb) {
    printf("FAIL %s: %s\n", path, err);
    t->failed++;
    return;
  }
  size_t n;
  const char *module = vl_notebook_source(nb, &n);
  if (marker_count(module) != marker_count(json)) {
    printf("FAIL %s: %zu `# expect:` markers outside code (Markdown, raw cells, outputs, magics) check nothing\n",
           path, marker_count(json) - marker_count(module));
    t->failed++;
  } else {
    VlSelection *sel = selection_for(path);
    VlReport *r = vl_engine_check(engine, path, module, n, sel, NULL);
    vl_selection_delete(sel);
    judge(t, path, module, r);
    vl_report_delete(r);
  }
  vl_notebook_delete(nb);
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
  vl_walk((const char *const *)argv + 1, (size_t)argc - 1, NULL, &files);
  Tally t = {0};
  for (size_t i = 0; i < files.nerrors; i++) {
    printf("FAIL %s\n", files.errors[i]);
    t.failed++;
  }
  bool *done = calloc(files.count + 1, sizeof(bool));
  for (size_t f = 0; f < files.count; f++) {
    if (done[f]) continue;
    const char *path = files.paths[f];
    char *program = program_of(path);
    if (program) { /* every file of the program, together */
      size_t plen = strlen(program);
      const char **members = calloc(files.count, sizeof(char *));
      size_t n = 0;
      for (size_t g = f; g < files.count; g++)
        if (!done[g] && strncmp(files.paths[g], program, plen) == 0 && files.paths[g][plen] == '/') {
          members[n++] = files.paths[g];
          done[g] = true;
        }
      check_program(&t, engine, members, n);
      free(members);
      free(program);
      continue;
    }
    char *text;
    size_t len;
    if (!vl_read_file(path, &text, &len, err, sizeof err)) {
      printf("FAIL %s: %s\n", path, err);
      t.failed++;
      continue;
    }
    if (vl_notebook_is_path(path)) {
      check_notebook(&t, engine, path, text, len);
      free(text);
      continue;
    }
    VlSelection *sel = selection_for(path);
    VlReport *r = vl_engine_check(engine, path, text, len, sel, NULL);
    vl_selection_delete(sel);
    judge(&t, path, text, r);
    vl_report_delete(r);
    free(text);
  }
  free(done);
  printf("fixtures: %zu files, %zu markers, %zu findings\n", files.count, t.nmarkers, t.nfindings);
  printf("%d passed, %d failed\n", t.passed, t.failed);
  bool none = files.count == 0;
  vl_path_list_free(&files);
  vl_engine_delete(engine);
  return t.failed || none ? 1 : 0;
}
