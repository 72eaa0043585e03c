/* test_session.c: the session's plan (driver/session.c): which modules build exports for others.
 *
 * A module no file imports (a script, a test file) builds no exports: nothing reads them, and for
 * a large test file building them cost more than its analysis.  A module others import does, and
 * the finding its summary carries still reaches the importer. */
#include <string.h>

#include "testlib.h"
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(only_imported_modules_build_exports),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
