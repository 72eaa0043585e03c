/* test_glob.c: globs anchored at a folder (driver/glob.c): the relative path and the name, folder
 * globs, paths outside the anchor, and how `*` and `..` behave.  No files are needed: paths are
 * made absolute lexically.  Single-threaded. */
#define _POSIX_C_SOURCE 200809L
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "driver/glob.h"

static bool matches(const char *anchor, const char *pattern, const char *path) {
  VlGlobTarget t = vl_glob_target(anchor, path);
  bool m = vl_glob_matches(pattern, &t);
  vl_glob_target_free(&t);
  return m;
}

static const struct {
  const char *pattern, *path;
  bool match;
  const char *why;
} cases[] = {
    {"scripts/*.py", "/p/proj/scripts/run.py", true, "relative to the anchor"},
    {"scripts/*.py", "/p/proj/other/scripts/run.py", false, "anchored: not a suffix match"},
    {"scripts/*.py", "/p/proj/scripts/deep/run.py", true, "`*` crosses `/` (fnmatch without FNM_PATHNAME)"},
    {"test_*.py", "/p/proj/pkg/deep/test_io.py", true, "the name alone, at any depth"},
    {"test_*.py", "/p/proj/pkg/io_test.py", false, "neither the path nor the name"},
    {"legacy/", "/p/proj/legacy", true, "a trailing / names the folder itself"},
    {"legacy/", "/p/proj/legacy/old/mod.py", true, "and everything below it"},
    {"legacy", "/p/proj/legacy/old/mod.py", true, "a folder name without / too"},
    {"legacy/", "/p/proj/legacy.py", false, "not a file sharing the prefix"},
    {"legacy/", "/p/proj/mylegacy/mod.py", false, "not a folder ending in the name"},
    {"pkg/legacy/", "/p/proj/pkg/legacy/mod.py", true, "a nested folder"},
    {"ct/x.py", "/p/project/x.py", false, "the anchor /p/proj is no prefix of /p/project"},
    {"x.py", "/elsewhere/x.py", true, "outside the anchor: the name still matches"},
    {"elsewhere/*.py", "/elsewhere/x.py", false, "outside the anchor: the path is absolute"},
    {"/elsewhere/*.py", "/elsewhere/x.py", true, "an absolute glob for a path outside the anchor"},
    {"sub/x.py", "/p/proj/sub/../sub/./x.py", true, ". and .. are resolved"},
    {"[ab].py", "/p/proj/b.py", true, "character classes"},
    {"*.py", "/p/proj/x.pyi", false, "no implicit suffixes"},
};

static void table(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    if (matches("/p/proj", cases[i].pattern, cases[i].path) != cases[i].match)
      fail_msg("'%s' against %s: %s, want %s (%s)", cases[i].pattern, cases[i].path,
               cases[i].match ? "no match" : "a match", cases[i].match ? "a match" : "none", cases[i].why);
}

/* A relative path is taken from the working directory, and its name is kept as given. */
static void relative_paths(void **state) {
  (void)state;
  char cwd[PATH_MAX];
  assert_non_null(getcwd(cwd, sizeof cwd));
  VlGlobTarget t = vl_glob_target(cwd, "pkg/../scripts/run.py");
  assert_string_equal(t.rel, "scripts/run.py");
  assert_string_equal(t.name, "run.py");
  assert_true(vl_glob_matches("scripts/*.py", &t));
  vl_glob_target_free(&t);
  assert_null(t.abs);
  t = vl_glob_target(cwd, "top.py"); /* no folder part */
  assert_string_equal(t.rel, "top.py");
  assert_string_equal(t.name, "top.py");
  vl_glob_target_free(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(table), cmocka_unit_test(relative_paths)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
