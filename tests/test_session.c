/* test_session.c: the session's plan (driver/session.c): which modules build exports for others,
 * and what they export.
 *
 * A module no file imports (a script, a test file) builds no exports: nothing reads them, and for
 * a large test file building them cost more than its analysis.  A module others import does, and
 * the finding its summary carries still reaches the importer.  Also: module names read from folder
 * listings (modules.h) agree with stat(2)'s. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, symlink */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testlib.h"
#include "driver/modules.h"
#include "driver/session_internal.h"

static const char HELPER[] = "import numpy as np\n"
                             "\n"
                             "\n"
                             "def keep_row(out, batch):\n"
                             "    out.append(batch[0])\n";

static const char MAIN[] = "import numpy as np\n"
                           "from helper import keep_row\n"
                           "\n"
                           "\n"
                           "def run(out):\n"
                           "    for _ in range(100):\n"
                           "        batch = np.random.rand(64, 1024)\n"
                           "        keep_row(out, batch)\n";

static void only_imported_modules_build_exports(void **state) {
  (void)state;
  char err[256];
  VlEngine *engine = vl_engine_new(err, sizeof err);
  assert_non_null(engine);
  VlSession *s = vl_session_new(engine);
  size_t helper = vl_session_add(s, "helper.py", "helper", false, true);
  size_t main = vl_session_add(s, "main.py", "main", false, true);
  vl_session_scan(s, helper, HELPER, strlen(HELPER));
  vl_session_scan(s, main, MAIN, strlen(MAIN));
  vl_session_plan(s);
  assert_false(s->files.items[helper].mi->unread);
  assert_true(s->files.items[main].mi->unread);

  VlSelection *sel = vl_selection_new();
  for (size_t j = 0; j < vl_session_njobs(s); j++) {
    const size_t *files;
    size_t k = vl_session_job_files(s, j, &files);
    for (size_t x = 0; x < k; x++) {
      const char *text = files[x] == helper ? HELPER : MAIN;
      vl_session_analyse(s, files[x], text, strlen(text), sel, NULL);
    }
  }
  /* the helper's exports were built (its summary carries the store); main's were not */
  assert_non_null(s->files.items[helper].mi->funcs);
  assert_null(s->files.items[main].mi->funcs);
  /* the store in the helper, of a batch main's loop makes anew: reported at the store */
  VlReport *r = vl_session_report(s, helper, HELPER, strlen(HELPER), sel);
  assert_int_equal(vl_report_count(r), 1);
  vl_report_delete(r);
  r = vl_session_report(s, main, MAIN, strlen(MAIN), sel);
  assert_int_equal(vl_report_count(r), 0);
  vl_report_delete(r);
  vl_selection_delete(sel);
  vl_session_delete(s);
  vl_engine_delete(engine);
}

/* analyse_pair: parse both files first (vl_session_prepare, as an idle worker does for a job whose
 * imports are not done), main.py's before the helper's analysis. */
static bool prepare_first;

/* Analyses the two modules in plan order; the number of findings in each. */
static void analyse_pair(const char *helper_text, const char *main_text, int *in_helper, int *in_main) {
  char err[256];
  VlEngine *engine = vl_engine_new(err, sizeof err);
  assert_non_null(engine);
  VlSession *s = vl_session_new(engine);
  size_t helper = vl_session_add(s, "helper.py", "helper", false, true);
  size_t main = vl_session_add(s, "main.py", "main", false, true);
  vl_session_scan(s, helper, helper_text, strlen(helper_text));
  vl_session_scan(s, main, main_text, strlen(main_text));
  vl_session_plan(s);
  VlSelection *sel = vl_selection_new();
  if (prepare_first) {
    vl_session_prepare(s, main, main_text, strlen(main_text));
    vl_session_prepare(s, helper, helper_text, strlen(helper_text));
  }
  for (size_t j = 0; j < vl_session_njobs(s); j++) {
    const size_t *files;
    size_t k = vl_session_job_files(s, j, &files);
    for (size_t x = 0; x < k; x++) {
      const char *text = files[x] == helper ? helper_text : main_text;
      vl_session_analyse(s, files[x], text, strlen(text), sel, NULL);
    }
  }
  VlReport *r = vl_session_report(s, helper, helper_text, strlen(helper_text), sel);
  *in_helper = (int)vl_report_count(r);
  vl_report_delete(r);
  r = vl_session_report(s, main, main_text, strlen(main_text), sel);
  *in_main = (int)vl_report_count(r);
  vl_report_delete(r);
  vl_selection_delete(sel);
  vl_session_delete(s);
  vl_engine_delete(engine);
}

/* A helper returning a view of what a deferred call gives (`logits = model(ids); return logits[:, -1]`,
 * model a parameter): its exported summary keeps the deferred call whole in the view's site, so the
 * importer resolves it with the model it passes (a torch module: `t[0]` of the result is a view) as
 * a caller in the helper's own module does.  The site used to be exported without its operands:
 * the importer saw an array of no library, whose `[0]` of unknown ndim is no view, and said nothing. */
static const char LAST_HELPER[] = "def last_position(model, ids):\n"
                                  "    logits = model(ids)\n"
                                  "    return logits[:, -1]\n";

static const char LAST_MAIN[] = "import torch\n"
                                "from helper import last_position\n"
                                "\n"
                                "\n"
                                "def run(out):\n"
                                "    lm = torch.nn.Linear(16, 4000)\n"
                                "    for _ in range(100):\n"
                                "        ids = torch.randn(4, 64, 16)\n"
                                "        last = last_position(lm, ids)\n"
                                "        out.append(last[0])\n";

static const char LAST_MAIN_COPY[] = "import torch\n"
                                     "from helper import last_position\n"
                                     "\n"
                                     "\n"
                                     "def run(out):\n"
                                     "    lm = torch.nn.Linear(16, 4000)\n"
                                     "    for _ in range(100):\n"
                                     "        ids = torch.randn(4, 64, 16)\n"
                                     "        last = last_position(lm, ids)\n"
                                     "        out.append(last[0].clone())\n";

static void deferred_site_resolved_across_modules(void **state) {
  (void)state;
  for (int prep = 0; prep < 2; prep++) { /* the same whether the files were parsed ahead or not */
    prepare_first = prep;
    int h = -1, m = -1;
    analyse_pair(LAST_HELPER, LAST_MAIN, &h, &m);
    assert_int_equal(h, 0);
    assert_int_equal(m, 1);
    analyse_pair(LAST_HELPER, LAST_MAIN_COPY, &h, &m);
    assert_int_equal(h, 0);
    assert_int_equal(m, 0);
  }
  prepare_first = false;
}

/* A function looping over what it makes and handing each step to a method of a parameter, with the
 * class whose method keeps a view in the same module (analysis.c: speculate): a caller in another
 * module passing an instance of that class reveals the leak, reported at the store in the helper; a
 * caller passing another object, or none, reveals nothing. */
static const char REC_HELPER[] = "import numpy as np\n"
                                 "class Recorder:\n"
                                 "    def __init__(self):\n"
                                 "        self.rows = []\n"
                                 "    def record(self, a):\n"
                                 "        self.rows.append(a[0])\n"
                                 "def run(n, recorder):\n"
                                 "    for _ in range(n):\n"
                                 "        a = np.random.rand(64, 1024)\n"
                                 "        recorder.record(a)\n";

static const char REC_MAIN[] = "from helper import Recorder, run\n"
                               "def go():\n"
                               "    rec = Recorder()\n"
                               "    run(100, recorder=rec)\n"
                               "    return rec.rows\n";

static const char REC_MAIN_OTHER[] = "from helper import run\n"
                                     "class Latest:\n"
                                     "    def record(self, a):\n"
                                     "        self.last = a[0]\n"
                                     "def go():\n"
                                     "    rec = Latest()\n"
                                     "    run(100, rec)\n"
                                     "    return rec\n";

static void method_of_passed_instance_across_modules(void **state) {
  (void)state;
  int h = -1, m = -1;
  analyse_pair(REC_HELPER, REC_MAIN, &h, &m);
  assert_int_equal(h, 1);
  assert_int_equal(m, 0);
  analyse_pair(REC_HELPER, REC_MAIN_OTHER, &h, &m);
  assert_int_equal(h, 0);
  assert_int_equal(m, 0);
}

/* A dispatcher in another module calling the callbacks an object of the caller's holds (`for cb in
 * self._subscribers: cb(i, dets)`): the call is an effect of its summary (VL_EFF_CALL), made again
 * with the caller's values, so the callback's store of a view of what the caller's loop makes anew is
 * the caller's store.  A callback keeping a copy, or a dispatcher whose result is used (no statement
 * call), says nothing. */
static const char BUS_HELPER[] = "class Bus:\n"
                                 "    def __init__(self):\n"
                                 "        self._subscribers = []\n"
                                 "    def subscribe(self, cb):\n"
                                 "        self._subscribers.append(cb)\n"
                                 "    def publish(self, i, dets):\n"
                                 "        for cb in self._subscribers:\n"
                                 "            cb(i, dets)\n";

static const char BUS_MAIN[] = "import numpy as np\n"
                               "from helper import Bus\n"
                               "class Keep:\n"
                               "    def __init__(self):\n"
                               "        self.rows = []\n"
                               "    def __call__(self, i, dets):\n"
                               "        self.rows.append(%s)\n"
                               "def run():\n"
                               "    bus = Bus()\n"
                               "    keep = Keep()\n"
                               "    bus.subscribe(keep)\n"
                               "    for i in range(100):\n"
                               "        dets = np.random.rand(4096, 7)\n"
                               "        bus.publish(i, dets)\n"
                               "    return keep.rows\n";

static void callbacks_held_by_caller_across_modules(void **state) {
  (void)state;
  static const char *const kept[] = {"dets[0]", "dets[0].copy()"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text, BUS_MAIN, kept[k]);
    int h = -1, m = -1;
    analyse_pair(BUS_HELPER, text, &h, &m);
    assert_int_equal(h, 0);
    assert_int_equal(m, k == 0 ? 1 : 0);
  }
}

/* A module others import names from exports what those names reach, and no more (analysis.c:
 * reach_exports): the function a named function returns, the methods of the class a named factory
 * makes.  A function nothing named reaches exports no summary.  `import helper` reads it whole. */
static const char REACH_HELPER[] = "import numpy as np\n"
                                   "def _keep(out, batch):\n"
                                   "    out.append(batch[0])\n"
                                   "def pick():\n"
                                   "    return _keep\n"
                                   "class Keeper:\n"
                                   "    def keep(self, out, batch):\n"
                                   "        out.append(batch[1])\n"
                                   "def make_keeper():\n"
                                   "    return Keeper()\n"
                                   "def unused(out, batch):\n"
                                   "    out.append(batch[2])\n";

static const char REACH_MAIN[] = "import numpy as np\n"
                                 "from helper import pick, make_keeper\n"
                                 "def run(out):\n"
                                 "    keeper = make_keeper()\n"
                                 "    for _ in range(100):\n"
                                 "        batch = np.random.rand(64, 1024)\n"
                                 "        pick()(out, batch)\n"
                                 "        keeper.keep(out, batch)\n";

static const char REACH_MAIN_WHOLE[] = "import numpy as np\n"
                                       "import helper\n"
                                       "def run(out):\n"
                                       "    keeper = helper.make_keeper()\n"
                                       "    for _ in range(100):\n"
                                       "        batch = np.random.rand(64, 1024)\n"
                                       "        helper.pick()(out, batch)\n"
                                       "        keeper.keep(out, batch)\n";

static const VlSummary *summary_of(const VlModInfo *mi, const char *name) {
  for (uint32_t f = 1; f < mi->nfuncs; f++)
    if (mi->funcs[f].name && strcmp(mi->funcs[f].name, name) == 0) return mi->funcs[f].summary;
  fail_msg("no function %s", name);
  return NULL;
}

static void exports_reach_what_importers_name(void **state) {
  (void)state;
  for (int whole = 0; whole < 2; whole++) {
    const char *main_text = whole ? REACH_MAIN_WHOLE : REACH_MAIN;
    char err[256];
    VlEngine *engine = vl_engine_new(err, sizeof err);
    assert_non_null(engine);
    VlSession *s = vl_session_new(engine);
    size_t helper = vl_session_add(s, "helper.py", "helper", false, true);
    size_t main = vl_session_add(s, "main.py", "main", false, true);
    vl_session_scan(s, helper, REACH_HELPER, strlen(REACH_HELPER));
    vl_session_scan(s, main, main_text, strlen(main_text));
    vl_session_plan(s);
    const VlModInfo *mi = s->files.items[helper].mi;
    assert_int_equal(mi->by_name, !whole);
    VlSelection *sel = vl_selection_new();
    for (size_t j = 0; j < vl_session_njobs(s); j++) {
      const size_t *files;
      size_t k = vl_session_job_files(s, j, &files);
      for (size_t x = 0; x < k; x++) {
        const char *text = files[x] == helper ? REACH_HELPER : main_text;
        vl_session_analyse(s, files[x], text, strlen(text), sel, NULL);
      }
    }
    assert_non_null(summary_of(mi, "pick"));
    assert_non_null(summary_of(mi, "_keep"));
    assert_non_null(summary_of(mi, "keep"));
    if (whole) assert_non_null(summary_of(mi, "unused"));
    else assert_null(summary_of(mi, "unused"));
    /* its globals indexed by name, each at its own index (ops.c: vl_op_attr reads `helper.name` so) */
    assert_false(mi->global_dups);
    assert_true(mi->nglobals > 0);
    for (uint32_t g = 0; g < mi->nglobals; g++) {
      size_t at = SIZE_MAX;
      if (!mi->global_names[g]) continue;
      assert_true(vl_strmap_get(&mi->global_index, mi->global_names[g], &at));
      assert_int_equal(at, g);
    }
    assert_false(vl_strmap_get(&mi->global_index, "no_such_global", &(size_t){0}));
    /* both stores, reached through what main named, are found where they are made */
    VlReport *r = vl_session_report(s, helper, REACH_HELPER, strlen(REACH_HELPER), sel);
    assert_int_equal(vl_report_count(r), 2);
    vl_report_delete(r);
    vl_selection_delete(sel);
    vl_session_delete(s);
    vl_engine_delete(engine);
  }
}

/* vl_session_quiet: a file is quiet when nothing can show in its report whatever its text, and its
 * report is then the empty text's.  Not quiet: the helper the finding lands in, a file with a noqa
 * comment, a file never scanned (read). */
static void quiet_files_have_nothing_to_show(void **state) {
  (void)state;
  static const char NOQA[] = "import numpy as np\nx = np.zeros(3)  # noqa: VL001\n";
  char err[256];
  VlEngine *engine = vl_engine_new(err, sizeof err);
  assert_non_null(engine);
  VlSession *s = vl_session_new(engine);
  size_t helper = vl_session_add(s, "helper.py", "helper", false, true);
  size_t main = vl_session_add(s, "main.py", "main", false, true);
  size_t noqa = vl_session_add(s, "noqa.py", "noqa", false, true);
  size_t unread = vl_session_add(s, "unread.py", "unread", false, true);
  vl_session_scan(s, helper, HELPER, strlen(HELPER));
  vl_session_scan(s, main, MAIN, strlen(MAIN));
  vl_session_scan(s, noqa, NOQA, strlen(NOQA));
  vl_session_plan(s);
  VlSelection *sel = vl_selection_new();
  assert_true(vl_selection_select(sel, "ALL"));
  for (size_t j = 0; j < vl_session_njobs(s); j++) {
    const size_t *files;
    size_t k = vl_session_job_files(s, j, &files);
    for (size_t x = 0; x < k; x++) {
      const char *text = files[x] == helper ? HELPER : files[x] == main ? MAIN : files[x] == noqa ? NOQA : NULL;
      if (text) vl_session_analyse(s, files[x], text, strlen(text), sel, NULL);
    }
  }
  vl_session_mark_quiet(s);
  assert_false(vl_session_quiet(s, helper));
  assert_true(vl_session_quiet(s, main));
  assert_false(vl_session_quiet(s, noqa));
  assert_false(vl_session_quiet(s, unread));
  /* the quiet file's report from its text and from no text: both empty */
  VlReport *r = vl_session_report(s, main, MAIN, strlen(MAIN), sel);
  assert_int_equal(vl_report_count(r), 0);
  vl_report_delete(r);
  r = vl_session_report(s, main, "", 0, sel);
  assert_int_equal(vl_report_count(r), 0);
  vl_report_delete(r);
  /* the noqa comment suppresses nothing: VL900 shows on it, which is why it is not quiet */
  r = vl_session_report(s, noqa, NOQA, strlen(NOQA), sel);
  assert_int_equal(vl_report_count(r), 1);
  vl_report_delete(r);
  vl_selection_delete(sel);
  vl_session_delete(s);
  vl_engine_delete(engine);
}

/* vl_report_has_syntax_errors agrees with the syntax errors the report holds: a file whose only
 * tree-sitter errors are repaired (a format spec starting with "=", a starred non-name item of an
 * unparenthesised tuple: syntax/errors.c) has none; a real error, alone or beside those, is one. */
static size_t syntax_diagnostics(const VlReport *r) {
  size_t n = 0;
  for (size_t i = 0; i < vl_report_count(r); i++) n += VL_IS_SYNTAX_ERROR(vl_report_get(r, i));
  return n;
}

static void repaired_syntax_is_no_syntax_error(void **state) {
  (void)state;
  static const char *const texts[] = {
      "x = 3\nprint(f\"{x:=^10}\")\nt = 1, *[2]\n",   /* repaired: valid Python */
      "x = 3\nprint(f\"{x:=^10}\")\ny = (\n",          /* and a real error */
      "def f(:\n    pass\n",                            /* a real error */
      "import numpy as np\nx = np.zeros(3)\n",             /* none */
  };
  static const bool errors[] = {false, true, true, false};
  char err[256];
  VlEngine *engine = vl_engine_new(err, sizeof err);
  assert_non_null(engine);
  VlSelection *sel = vl_selection_new();
  assert_true(vl_selection_select(sel, "ALL"));
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    VlReport *r = vl_engine_check(engine, "a.py", texts[i], strlen(texts[i]), sel, NULL);
    assert_int_equal(vl_report_has_syntax_errors(r), errors[i]);
    assert_int_equal(syntax_diagnostics(r) > 0, errors[i]);
    vl_report_delete(r);
  }
  vl_selection_delete(sel);
  vl_engine_delete(engine);
}

/* vl_module_for_path_memo answers from each folder's listing what vl_module_for_path asks stat(2):
 * the same names, package flags and roots, through a symbolic link to an __init__.py, a folder
 * without one, a regular file where a folder is looked for and a folder named __init__.py. */
static void module_names_from_listings_match_stat(void **state) {
  (void)state;
  char root[] = "/tmp/vl-modmemo-XXXXXX";
  assert_non_null(mkdtemp(root));
  const char *files[] = {"pkg/__init__.py", "pkg/sub/real_init", "pkg/sub/mod.py", "pkg/plain/mod.py",
                         "pkg/x", "odd/__init__.py/keep", "odd/mod.py", "script.py"};
  char path[512];
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    snprintf(path, sizeof path, "%s/%s", root, files[i]);
    for (char *p = path + strlen(root) + 1; *p; p++)
      if (*p == '/') *p = '\0', mkdir(path, 0777), *p = '/';
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
  }
  snprintf(path, sizeof path, "%s/pkg/sub/__init__.py", root);
  assert_int_equal(symlink("real_init", path), 0);
  const char *asked[] = {"pkg/sub/mod.py", "pkg/plain/mod.py", "pkg/__init__.py", "pkg/sub/__init__.py",
                         "pkg/x/__init__.py", "pkg/x/y.py", "odd/mod.py", "script.py", "none/mod.py"};
  const char *want[] = {"pkg.sub.mod", "mod", "pkg", "pkg.sub", NULL, "y", "mod", "script", "mod"};
  VlFileMemo *memo = vl_file_memo_new();
  for (size_t i = 0; i < sizeof asked / sizeof *asked; i++) {
    snprintf(path, sizeof path, "%s/%s", root, asked[i]);
    bool pkg1, pkg2;
    char *root1, *root2;
    char *name1 = vl_module_for_path(path, &pkg1, &root1);
    char *name2 = vl_module_for_path_memo(path, &pkg2, &root2, memo);
    if (want[i]) assert_string_equal(name1, want[i]);
    assert_string_equal(name2, name1);
    assert_int_equal(pkg2, pkg1);
    assert_string_equal(root2, root1);
    free(name1), free(name2), free(root1), free(root2);
  }
  vl_file_memo_delete(memo);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  assert_int_equal(system(cmd), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(only_imported_modules_build_exports),
      cmocka_unit_test(deferred_site_resolved_across_modules),
      cmocka_unit_test(method_of_passed_instance_across_modules),
      cmocka_unit_test(callbacks_held_by_caller_across_modules),
      cmocka_unit_test(exports_reach_what_importers_name),
      cmocka_unit_test(module_names_from_listings_match_stat),
      cmocka_unit_test(quiet_files_have_nothing_to_show),
      cmocka_unit_test(repaired_syntax_is_no_syntax_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
