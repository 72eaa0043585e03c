/* test_unit.c: one file's check, configuration to fixes (driver/unit.c): which rules a file's
 * settings select (the configuration, then the front end's overrides, in Ruff's order), and the fix
 * passes of vl_unit_check (each result re-checked, none in NONE mode, unsafe fixes only in UNSAFE
 * mode, a pass that removes no finding dropped, a notebook's fixes put back into its JSON or dropped).
 *
 * The checker is the engine's, counting its calls; the configuration files are written under a fresh
 * mkdtemp() folder in /tmp (the working directory is moved there, as the CLI's overrides are
 * relative to it), removed by the teardown.  Single-threaded. */
#define _XOPEN_SOURCE 700
#include "testlib.h"
#include "leak_source.h"

#include <ftw.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "driver/config.h"
#include "driver/engine_internal.h"
#include "driver/fix.h"
#include "driver/notebook.h"
#include "driver/unit.h"
#include "viewleak/viewleak.h"

/* ---- fixture: an engine, a scratch folder (the working directory), a counting checker ---- */

typedef struct Ctx {
  VlEngine *engine;
  char root[64];
  char cwd[PATH_MAX];
  char path[PATH_MAX];
  size_t checks, rechecks;
  const VlNotebook *cells;  /* check as this notebook's module (vl_engine_check_cells) */
  const char *stuck;        /* recheck this text instead of the fixed one (a fix that never converges) */
  VlReport *(*fake)(struct Ctx *c, const char *path, const char *text, size_t len, bool recheck);
} Ctx;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(path);
}

static int ctx_setup(void **state) {
  Ctx *c = calloc(1, sizeof *c);
  if (!c || !getcwd(c->cwd, sizeof c->cwd)) return -1;
  char err[256] = "";
  c->engine = vl_engine_new(err, sizeof err);
  if (!c->engine) {
    print_error("vl_engine_new: %s\n", err);
    return -1;
  }
  snprintf(c->root, sizeof c->root, "/tmp/vl-test-unit-XXXXXX");
  if (!mkdtemp(c->root) || chdir(c->root) != 0) return -1;
  *state = c;
  return 0;
}

static int ctx_teardown(void **state) {
  Ctx *c = *state;
  if (!c) return 0;
  if (chdir(c->cwd) != 0) return -1;
  nftw(c->root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  vl_engine_delete(c->engine);
  free(c);
  return 0;
}

/* The absolute path of `rel` in the scratch folder (valid until the next call). */
static const char *at(Ctx *c, const char *rel) {
  snprintf(c->path, sizeof c->path, "%s/%s", c->root, rel);
  return c->path;
}

/* Writes `text` as scratch-relative `rel` (its folder made) and loads it as a configuration. */
static VlConfig *config(Ctx *c, const char *rel, const char *text) {
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", at(c, rel));
  *strrchr(dir, '/') = '\0';
  mkdir(dir, 0755);
  FILE *f = fopen(at(c, rel), "wb");
  if (!f) fail_msg("cannot write %s", rel);
  fputs(text, f);
  fclose(f);
  bool found = false;
  char err[512] = "";
  VlConfig *cfg = vl_config_load(at(c, rel), &found, err, sizeof err);
  if (!cfg) fail_msg("loading %s failed: %s", rel, err);
  assert_true(found);
  return cfg;
}

static VlReport *engine_check(Ctx *c, const char *path, const char *text, size_t len, const VlUnitSettings *u) {
  if (!c->cells) return vl_engine_check(c->engine, path, text, len, u->selection, &u->extensions);
  size_t n = vl_notebook_code_cells(c->cells);
  uint32_t rows[16];
  unsigned numbers[16];
  assert_true(n <= 16);
  for (size_t k = 0; k < n; k++) rows[k] = vl_notebook_cell_row(c->cells, k), numbers[k] = vl_notebook_cell_number(c->cells, k);
  return vl_engine_check_cells(c->engine, path, text, len, u->selection, &u->extensions, n, rows, numbers);
}

static VlReport *count_check(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *u) {
  Ctx *c = ctx;
  c->checks++;
  return c->fake ? c->fake(c, path, text, len, false) : engine_check(c, path, text, len, u);
}

static VlReport *count_recheck(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *u) {
  Ctx *c = ctx;
  c->rechecks++;
  if (c->fake) return c->fake(c, path, text, len, true);
  if (c->stuck) return engine_check(c, path, c->stuck, strlen(c->stuck), u);
  return engine_check(c, path, text, len, u);
}

/* vl_unit_check of `text` with the settings `u` and the counting checker. */
static void run(Ctx *c, const char *text, const VlUnitSettings *u, VlFixMode mode, const VlNotebook *nb,
                VlUnitResult *out) {
  VlChecker checker = {count_check, count_recheck, c};
  VlUnitRequest req = {nb ? "leak.ipynb" : "leak.py", text, strlen(text), u, mode, nb};
  c->checks = c->rechecks = 0;
  vl_unit_check(&req, &checker, out);
  assert_int_equal(c->checks, 1); /* the text as given: checked once, by `check` */
}

static size_t active(const VlReport *r) { return vl_report_active(r); }

/* Is `code` among the report's unsuppressed findings? */
static bool reports(const VlReport *r, const char *code) {
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (!d->suppressed && strcmp(d->rule->code, code) == 0) return true;
  }
  return false;
}

/* ---- vl_unit_settings: the configuration, then the overrides ---- */

static bool enabled(const VlConfig *cfg, const char *path, const VlUnitOverrides *o, const char *code) {
  VlUnitSettings u;
  vl_unit_settings(&u, cfg, path, o);
  bool on = vl_selection_enabled(u.selection, code);
  vl_unit_settings_free(&u);
  return on;
}

static void settings_precedence(void **state) {
  Ctx *c = *state;
  VlConfig *cfg = config(c, "proj/viewleak.toml",
                         "select = [\"VL002\"]\n"
                         "extend-copy-functions = [\"mylib.dup\"]\n"
                         "[per-file-ignores]\n"
                         "\"gen_*.py\" = [\"VL002\"]\n");
  char *vl001[] = {"VL001"}, *vl002[] = {"VL002"};
  VlStrList l001 = {vl001, 1}, l002 = {vl002, 1}, none = {NULL, 0};
  const char *x = "proj/x.py", *gen = "proj/gen_a.py";

  /* the configuration alone (no overrides, or empty ones): its select and its per-file-ignores */
  assert_true(enabled(cfg, x, NULL, "VL002"));
  assert_false(enabled(cfg, x, NULL, "VL001"));
  assert_false(enabled(cfg, gen, NULL, "VL002"));
  VlUnitOverrides empty = {&none, &none, &none, NULL};
  assert_true(enabled(cfg, x, &empty, "VL002"));
  assert_false(enabled(cfg, x, &empty, "VL001"));

  /* select replaces the configuration's; extend-select adds to it; ignore wins over both */
  VlUnitOverrides select = {&l001, NULL, NULL, NULL};
  assert_true(enabled(cfg, x, &select, "VL001"));
  assert_false(enabled(cfg, x, &select, "VL002"));
  VlUnitOverrides extend = {&none, &l001, NULL, NULL};
  assert_true(enabled(cfg, x, &extend, "VL001"));
  assert_true(enabled(cfg, x, &extend, "VL002"));
  VlUnitOverrides ignore = {&l002, &l001, &l002, NULL};
  assert_true(enabled(cfg, x, &ignore, "VL001"));
  assert_false(enabled(cfg, x, &ignore, "VL002"));
  /* the configuration's per-file-ignores still apply under an override's select */
  VlUnitOverrides select2 = {&l002, NULL, NULL, NULL};
  assert_false(enabled(cfg, gen, &select2, "VL002"));

  /* the overrides' per-file-ignores: globs relative to their own folder (the working directory),
   * applied to the files they match only, on top of the rest */
  VlConfig *cli = vl_config_default();
  cli->per_file_ignores = vl_xcalloc(1, sizeof(VlPerFileIgnore));
  cli->nper_file_ignores = 1;
  cli->per_file_ignores[0].pattern = vl_xstrdup("proj/x*.py");
  cli->per_file_ignores[0].codes.items = vl_xcalloc(1, sizeof(char *));
  cli->per_file_ignores[0].codes.items[0] = vl_xstrdup("VL001");
  cli->per_file_ignores[0].codes.count = 1;
  VlUnitOverrides pfi = {&l001, &l002, NULL, cli};
  assert_false(enabled(cfg, x, &pfi, "VL001"));
  assert_true(enabled(cfg, x, &pfi, "VL002"));
  assert_true(enabled(cfg, "proj/y.py", &pfi, "VL001"));
  assert_true(enabled(cfg, at(c, "proj/x.py"), &pfi, "VL002")); /* an absolute path is the same file */
  assert_false(enabled(cfg, at(c, "proj/x.py"), &pfi, "VL001"));

  /* the extensions are the configuration's */
  VlUnitSettings u;
  vl_unit_settings(&u, cfg, x, &pfi);
  assert_int_equal(u.extensions.ncopy, 1);
  assert_string_equal(u.extensions.copy[0], "mylib.dup");
  assert_int_equal(u.extensions.nview, 0);
  vl_unit_settings_free(&u);
  assert_null(u.selection);
  vl_unit_settings_free(&u); /* twice: a no-op */
  vl_config_delete(cli);
  vl_config_delete(cfg);
}

/* The selection is what the check runs: an ignored rule reports nothing and fixes nothing. */
static void check_uses_the_selection(void **state) {
  Ctx *c = *state;
  VlConfig *cfg = config(c, "viewleak.toml", "ignore = [\"VL001\"]\n");
  VlUnitSettings u;
  vl_unit_settings(&u, cfg, "leak.py", NULL);
  VlUnitResult res;
  run(c, leak, &u, VL_FIX_MODE_UNSAFE, NULL, &res);
  assert_false(reports(res.report, "VL001"));
  assert_null(res.fixed);
  assert_int_equal(res.applied, 0);
  assert_int_equal(c->rechecks, 0);
  vl_unit_result_free(&res);
  vl_unit_settings_free(&u);

  char *vl001[] = {"VL001"};
  VlStrList l001 = {vl001, 1};
  VlUnitOverrides back = {NULL, &l001, NULL, NULL}; /* extend-select does not undo the ignore */
  vl_unit_settings(&u, cfg, "leak.py", &back);
  run(c, leak, &u, VL_FIX_MODE_NONE, NULL, &res);
  assert_false(reports(res.report, "VL001"));
  vl_unit_result_free(&res);
  vl_unit_settings_free(&u);
  VlUnitOverrides select = {&l001, NULL, NULL, NULL}; /* neither does select */
  vl_unit_settings(&u, cfg, "leak.py", &select);
  run(c, leak, &u, VL_FIX_MODE_NONE, NULL, &res);
  assert_false(reports(res.report, "VL001"));
  vl_unit_result_free(&res);
  vl_unit_settings_free(&u);
  vl_config_delete(cfg);
}

/* ---- vl_unit_check: the fix passes ---- */

/* The defaults' settings (no configuration file). */
static VlUnitSettings defaults(VlConfig **cfg) {
  *cfg = vl_config_default();
  VlUnitSettings u;
  vl_unit_settings(&u, *cfg, "leak.py", NULL);
  return u;
}

static void fix_none_and_safe_only_check(void **state) {
  Ctx *c = *state;
  VlConfig *cfg;
  VlUnitSettings u = defaults(&cfg);
  for (int mode = VL_FIX_MODE_NONE; mode <= VL_FIX_MODE_SAFE; mode++) { /* VL001's fix is unsafe */
    VlUnitResult res;
    run(c, leak, &u, (VlFixMode)mode, NULL, &res);
    assert_int_equal(c->rechecks, 0);
    assert_true(reports(res.report, "VL001"));
    assert_int_equal(active(res.report), 1);
    assert_null(res.unfixed);
    assert_null(res.fixed);
    assert_int_equal(res.applied, 0);
    assert_string_equal(res.error, "");
    vl_unit_result_free(&res);
  }
  vl_unit_settings_free(&u);
  vl_config_delete(cfg);
}

static void fix_unsafe_applies_and_rechecks(void **state) {
  Ctx *c = *state;
  VlConfig *cfg;
  VlUnitSettings u = defaults(&cfg);
  VlUnitResult res;
  run(c, leak, &u, VL_FIX_MODE_UNSAFE, NULL, &res);
  assert_non_null(res.fixed);
  assert_int_equal(res.fixed_len, strlen(leak_fixed));
  assert_string_equal(res.fixed, leak_fixed);
  assert_int_equal(res.applied, 1);
  /* pass 1 fixed and re-checked; pass 2 found nothing more to apply */
  assert_int_equal(c->rechecks, 1);
  /* the report is the fixed text's (clean), the text as given keeps its finding */
  size_t n;
  assert_string_equal(vl_report_text(res.report, &n), leak_fixed);
  assert_int_equal(active(res.report), 0);
  assert_non_null(res.unfixed);
  assert_string_equal(vl_report_text(res.unfixed, &n), leak);
  assert_true(reports(res.unfixed, "VL001"));
  /* not written: back to the text as given */
  vl_unit_result_unfix(&res);
  assert_null(res.fixed);
  assert_null(res.unfixed);
  assert_int_equal(res.applied, 0);
  assert_string_equal(vl_report_text(res.report, &n), leak);
  assert_true(reports(res.report, "VL001"));
  vl_unit_result_free(&res);
  vl_unit_result_free(&res); /* twice: a no-op */
  vl_unit_settings_free(&u);
  vl_config_delete(cfg);
}

/* A pass whose fixes leave as many findings as before fixed nothing: applied again, the same edit
 * would pile up (`.copy().copy()...`), so the pass is dropped and the original text stands. */
static void fix_pass_without_progress_is_dropped(void **state) {
  Ctx *c = *state;
  VlConfig *cfg;
  VlUnitSettings u = defaults(&cfg);
  c->stuck = leak; /* every re-check finds the same fix to apply again */
  VlUnitResult res;
  run(c, leak, &u, VL_FIX_MODE_UNSAFE, NULL, &res);
  c->stuck = NULL;
  assert_int_equal(c->rechecks, 1);
  assert_int_equal(res.applied, 0);
  assert_null(res.fixed);
  assert_true(reports(res.report, "VL001"));
  assert_null(res.unfixed);
  vl_unit_result_free(&res);
  vl_unit_settings_free(&u);
  vl_config_delete(cfg);
}

/* ---- notebooks: fixes go back into the JSON, reports name cells ---- */

static const char notebook_json[] =
    "{\"cells\": [\n"
    " {\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"# notes\"},\n"
    " {\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": [\"import numpy as np\\n\"]},\n"
    " {\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": [\"def pick(data, n):\\n\", \"    kept = []\\n\",\n"
    "  \"    for i in range(n):\\n\", \"        kept.append(data[i, :])\\n\", \"        data = np.delete(data, i, axis=0)\\n\",\n"
    "  \"    return kept\\n\"]}\n"
    "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";

static VlNotebook *parse_notebook(const char **module) {
  char err[256] = "";
  VlNotebook *nb = vl_notebook_parse(notebook_json, strlen(notebook_json), err, sizeof err);
  if (!nb) fail_msg("not a notebook: %s", err);
  size_t len;
  *module = vl_notebook_source(nb, &len);
  return nb;
}

static void notebook_fixes_become_its_json(void **state) {
  Ctx *c = *state;
  VlConfig *cfg;
  VlUnitSettings u = defaults(&cfg);
  const char *module;
  VlNotebook *nb = parse_notebook(&module);
  c->cells = nb;
  VlUnitResult res;
  run(c, module, &u, VL_FIX_MODE_UNSAFE, nb, &res);
  c->cells = NULL;
  assert_string_equal(res.error, "");
  assert_int_equal(res.applied, 1);
  assert_non_null(res.fixed);
  assert_int_equal(res.fixed_len, strlen(res.fixed));
  assert_non_null(strstr(res.fixed, "\"        kept.append(data[i, :].copy())\\n\""));
  assert_non_null(strstr(res.fixed, "\"nbformat\": 4")); /* the rest of the JSON kept */
  /* the reports know the cells: the finding of the text as given is in cell 3, its row 3 */
  unsigned cell;
  uint32_t row;
  assert_true(reports(res.unfixed, "VL001"));
  const VlDiagnostic *d = vl_report_get(res.unfixed, 0);
  assert_true(vl_report_cell(res.unfixed, d->range.start.row, &cell, &row));
  assert_int_equal(cell, 3);
  assert_int_equal(row, 3);
  assert_true(vl_report_cell(res.report, d->range.start.row, &cell, &row));
  assert_int_equal(cell, 3);
  vl_unit_result_free(&res);
  vl_notebook_delete(nb);
  vl_unit_settings_free(&u);
  vl_config_delete(cfg);
}

/* A report of `text` with one finding whose (safe) fix inserts a line break after its first byte:
 * a change a notebook's cells cannot take; a re-check finds nothing. */
static VlReport *line_breaking_fix(Ctx *c, const char *path, const char *text, size_t len, bool recheck) {
  (void)c;
  VlReport *r = vl_report_new(path, text, len);
  if (recheck) {
    vl_report_set_diagnostics(r, NULL, 0);
    return r;
  }
  VlArena *a = vl_report_arena(r);
  VlEdit *e = VL_ARENA_ARRAY(a, VlEdit, 1);
  VlPos at = {1, 0, 1};
  *e = (VlEdit){{at, at}, vl_arena_strdup(a, "\n")};
  VlDiagnostic d = {.rule = vl_rule_at(0), .message = vl_arena_strdup(a, "a finding"), .range = {at, at},
                    .fix = {VL_FIX_SAFE, vl_arena_strdup(a, "Break the line"), e, 1}};
  vl_report_set_diagnostics(r, &d, 1);
  return r;
}

static void notebook_fixes_that_cannot_go_back_are_dropped(void **state) {
  Ctx *c = *state;
  VlConfig *cfg;
  VlUnitSettings u = defaults(&cfg);
  const char *module;
  VlNotebook *nb = parse_notebook(&module);
  c->fake = line_breaking_fix;
  VlUnitResult res;
  run(c, module, &u, VL_FIX_MODE_SAFE, nb, &res);
  c->fake = NULL;
  assert_int_equal(c->rechecks, 1); /* the fix applied to the module, and was re-checked */
  assert_string_not_equal(res.error, "");
  assert_null(res.fixed);
  assert_int_equal(res.applied, 0);
  assert_null(res.unfixed);
  assert_int_equal(active(res.report), 1); /* the finding of the notebook as it is */
  unsigned cell;
  uint32_t row;
  assert_true(vl_report_cell(res.report, 0, &cell, &row)); /* annotated with the cells */
  assert_int_equal(cell, 2);
  vl_unit_result_free(&res);
  vl_notebook_delete(nb);
  vl_unit_settings_free(&u);
  vl_config_delete(cfg);
}

#define T(f) cmocka_unit_test_setup_teardown(f, ctx_setup, ctx_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(settings_precedence),
      T(check_uses_the_selection),
      T(fix_none_and_safe_only_check),
      T(fix_unsafe_applies_and_rechecks),
      T(fix_pass_without_progress_is_dropped),
      T(notebook_fixes_become_its_json),
      T(notebook_fixes_that_cannot_go_back_are_dropped),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
