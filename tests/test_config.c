/* test_config.c: configuration files, their discovery, and what they select, exclude and extend
 * (driver/config.c, driver/project.c).
 *
 * Every test builds its own folder tree under a fresh mkdtemp() folder in /tmp (removed by the
 * teardown, which also restores the working directory), so no test reads the repository's or the
 * machine's configuration.  A test of a known bug in src/ (a BUG: comment) skips itself while the
 * bug is there and runs its assertions once it is fixed.  Single-threaded. */
#define _XOPEN_SOURCE 700
#include "testlib.h"

#include <ftw.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "driver/config.h"
#include "driver/config_keys.h"
#include "driver/project.h"
#include "viewleak/viewleak.h"

/* ---- a scratch folder tree ---- */

typedef struct Tree {
  char root[64];      /* absolute, no trailing slash */
  char cwd[PATH_MAX]; /* the working directory before the test */
} Tree;

static char paths[8][PATH_MAX]; /* at()'s results */
static int next_path;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  chmod(path, 0700); /* a test may leave a read-only folder behind */
  return remove(path);
}

static int tree_setup(void **state) {
  Tree *t = calloc(1, sizeof *t);
  if (!t || !getcwd(t->cwd, sizeof t->cwd)) return -1;
  snprintf(t->root, sizeof t->root, "/tmp/vl-test-config-XXXXXX");
  if (!mkdtemp(t->root)) return -1;
  *state = t;
  /* Discovery searches upwards: nothing above the scratch folder may hold a configuration. */
  char *above = vl_config_find(t->root);
  if (above) {
    print_error("a configuration above %s would leak into these tests: %s\n", t->root, above);
    free(above);
    return -1;
  }
  return 0;
}

static int tree_teardown(void **state) {
  Tree *t = *state;
  if (!t) return 0;
  if (chdir(t->cwd) != 0) return -1;
  nftw(t->root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
  free(t);
  return 0;
}

/* The absolute path of `rel` in the tree (valid until 8 more calls). */
static const char *at(Tree *t, const char *rel) {
  char *p = paths[next_path++ % 8];
  snprintf(p, PATH_MAX, "%s%s%s", t->root, *rel ? "/" : "", rel);
  return p;
}

static void make_dirs(const char *path) {
  char buf[PATH_MAX];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *s = buf + 1; *s; s++)
    if (*s == '/') {
      *s = '\0';
      mkdir(buf, 0755);
      *s = '/';
    }
  mkdir(buf, 0755);
}

/* Writes `text` to tree-relative `rel`, creating its folders. */
static void put(Tree *t, const char *rel, const char *text) {
  const char *path = at(t, rel);
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", path);
  *strrchr(dir, '/') = '\0';
  make_dirs(dir);
  FILE *f = fopen(path, "wb");
  if (!f) fail_msg("cannot write %s", path);
  fputs(text, f);
  fclose(f);
}

/* Loads tree-relative `rel`, which must load without error. */
static VlConfig *load_ok(Tree *t, const char *rel) {
  bool found = false;
  char err[512] = "";
  VlConfig *c = vl_config_load(at(t, rel), &found, err, sizeof err);
  if (!c) fail_msg("loading %s failed: %s", rel, err);
  assert_true(found);
  return c;
}

/* Loads tree-relative `rel`, which must fail; the message is left in err. */
static void load_fails(Tree *t, const char *rel, char *err, size_t errlen) {
  bool found = false;
  err[0] = '\0';
  VlConfig *c = vl_config_load(at(t, rel), &found, err, errlen);
  if (c) {
    vl_config_delete(c);
    fail_msg("%s loaded, but it is invalid", rel);
  }
  assert_true(err[0] != '\0');
}

/* Asserts that err starts with "<absolute path of rel>:<line>: " and mentions `needle`. */
static void assert_error_at(Tree *t, const char *err, const char *rel, int line, const char *needle) {
  char want[PATH_MAX + 32];
  snprintf(want, sizeof want, "%s:%d: ", at(t, rel), line);
  if (strncmp(err, want, strlen(want)) != 0) fail_msg("error '%s' does not start with '%s'", err, want);
  if (!strstr(err, needle)) fail_msg("error '%s' does not mention '%s'", err, needle);
}

static void assert_list(const VlStrList *l, const char *const *want, size_t n) {
  if (l->count != n) fail_msg("list has %zu items, want %zu", l->count, n);
  for (size_t i = 0; i < n; i++) assert_string_equal(l->items[i], want[i]);
}

/* The config file vl_config_find picks for tree-relative folder `rel`, tree-relative ("" when none). */
static void assert_found(Tree *t, const char *dir_rel, const char *want_rel) {
  char *got = vl_config_find(at(t, dir_rel));
  if (!want_rel) {
    if (got) fail_msg("from %s: found %s, want none", dir_rel, got);
    return;
  }
  if (!got) fail_msg("from %s: found nothing, want %s", dir_rel, want_rel);
  char want[PATH_MAX];
  snprintf(want, sizeof want, "%s", at(t, want_rel));
  bool same = strcmp(got, want) == 0;
  if (!same) print_error("from %s: found %s, want %s\n", dir_rel, got, want);
  free(got);
  assert_true(same);
}

/* True when vl_config_find picks tree-relative `want_rel` from tree-relative folder `dir_rel`. */
static bool finds(Tree *t, const char *dir_rel, const char *want_rel) {
  char *got = vl_config_find(at(t, dir_rel));
  bool same = got && strcmp(got, at(t, want_rel)) == 0;
  free(got);
  return same;
}

/* ---- loading: every key, each file kind ---- */

static const char every_key[] =
    "# every key\n"
    "select = [\"VL0\", \"VL900\"]\n"
    "extend-select = ['VL900']\n"
    "ignore = [\n"
    "  \"VL002\",  # trailing comments are fine\n"
    "]\n"
    "exclude = [\"generated\", \"*_pb2.py\"]\n"
    "extend-exclude = [\"legacy/\"]\n"
    "extend-copy-functions = [\"mylib.shuffle_rows\"]\n"
    "extend-view-functions = [\"mylib.window\", \"window\"]\n"
    "extend-array-producers = [\"mylib.load_batch\"]\n"
    "respect-gitignore = false\n"
    "cache-dir = \"../shared/vl-cache\"\n"
    "\n"
    "[per-file-ignores]\n"
    "\"tests/*.py\" = [\"VL001\"]\n"
    "\"__init__.py\" = [\"VL0\", \"VL900\"]\n";

static void check_every_key(Tree *t, const VlConfig *c, const char *rel) {
  assert_string_equal(c->path, at(t, rel));
  assert_string_equal(c->dir, t->root);
  assert_true(c->has_select);
  assert_true(c->has_exclude);
  assert_list(&c->select, (const char *const[]){"VL0", "VL900"}, 2);
  assert_list(&c->extend_select, (const char *const[]){"VL900"}, 1);
  assert_list(&c->ignore, (const char *const[]){"VL002"}, 1);
  assert_list(&c->exclude, (const char *const[]){"generated", "*_pb2.py"}, 2);
  assert_list(&c->extend_exclude, (const char *const[]){"legacy/"}, 1);
  assert_list(&c->copy_functions, (const char *const[]){"mylib.shuffle_rows"}, 1);
  assert_list(&c->view_functions, (const char *const[]){"mylib.window", "window"}, 2);
  assert_list(&c->array_producers, (const char *const[]){"mylib.load_batch"}, 1);
  assert_false(c->respect_gitignore);
  assert_string_equal(c->cache_dir, "../shared/vl-cache"); /* as written: the CLI resolves it */
  assert_int_equal(c->nper_file_ignores, 2);
  assert_string_equal(c->per_file_ignores[0].pattern, "tests/*.py");
  assert_list(&c->per_file_ignores[0].codes, (const char *const[]){"VL001"}, 1);
  assert_string_equal(c->per_file_ignores[1].pattern, "__init__.py");
  assert_list(&c->per_file_ignores[1].codes, (const char *const[]){"VL0", "VL900"}, 2);
}

static void viewleak_toml_every_key(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", every_key);
  VlConfig *c = load_ok(t, "viewleak.toml");
  check_every_key(t, c, "viewleak.toml");
  vl_config_delete(c);
}

static void dot_viewleak_toml_every_key(void **state) {
  Tree *t = *state;
  put(t, ".viewleak.toml", every_key);
  VlConfig *c = load_ok(t, ".viewleak.toml");
  check_every_key(t, c, ".viewleak.toml");
  vl_config_delete(c);
}

static void pyproject_every_key(void **state) {
  Tree *t = *state;
  /* the same keys under [tool.viewleak]; other tools' tables (with keys we would reject) are skipped */
  put(t, "pyproject.toml",
      "[project]\n"
      "name = \"demo\"\n"
      "\n"
      "[tool.ruff]\n"
      "select = [\"E\", \"F401\"]\n"
      "\n"
      "[tool.viewleak]\n"
      "select = [\"VL0\", \"VL900\"]\n"
      "extend-select = ['VL900']\n"
      "ignore = [\"VL002\"]\n"
      "exclude = [\"generated\", \"*_pb2.py\"]\n"
      "extend-exclude = [\"legacy/\"]\n"
      "extend-copy-functions = [\"mylib.shuffle_rows\"]\n"
      "extend-view-functions = [\"mylib.window\", \"window\"]\n"
      "extend-array-producers = [\"mylib.load_batch\"]\n"
      "respect-gitignore = false\n"
      "cache-dir = \"../shared/vl-cache\"\n"
      "\n"
      "[tool.viewleak.per-file-ignores]\n"
      "\"tests/*.py\" = [\"VL001\"]\n"
      "\"__init__.py\" = [\"VL0\", \"VL900\"]\n"
      "\n"
      "[tool.black]\n"
      "line-length = 100\n");
  VlConfig *c = load_ok(t, "pyproject.toml");
  check_every_key(t, c, "pyproject.toml");
  vl_config_delete(c);
}

static void pyproject_inline_and_dotted_forms(void **state) {
  Tree *t = *state;
  put(t, "a/pyproject.toml", "[tool]\nviewleak = { ignore = [\"VL001\"], per-file-ignores = { \"x.py\" = [\"VL900\"] } }\n");
  VlConfig *c = load_ok(t, "a/pyproject.toml");
  assert_list(&c->ignore, (const char *const[]){"VL001"}, 1);
  assert_int_equal(c->nper_file_ignores, 1);
  assert_string_equal(c->per_file_ignores[0].pattern, "x.py");
  vl_config_delete(c);

  put(t, "b/pyproject.toml", "tool.viewleak.extend-select = [\"VL900\"]\n");
  c = load_ok(t, "b/pyproject.toml");
  assert_list(&c->extend_select, (const char *const[]){"VL900"}, 1);
  vl_config_delete(c);
}

/* Other tools' arrays of tables repeat their keys in each element: a valid pyproject.toml, which
 * discovery reads too (it was refused: "key `tool.mypy.overrides.module` is defined twice"). */
static void pyproject_arrays_of_tables(void **state) {
  Tree *t = *state;
  put(t, "pyproject.toml",
      "[tool.viewleak]\n"
      "select = [\"VL001\"]\n"
      "[[tool.mypy.overrides]]\n"
      "module = \"a.*\"\n"
      "ignore_errors = true\n"
      "[[tool.mypy.overrides]]\n"
      "module = \"b.*\"\n"
      "ignore_errors = true\n");
  VlConfig *c = load_ok(t, "pyproject.toml");
  assert_list(&c->select, (const char *const[]){"VL001"}, 1);
  vl_config_delete(c);
  assert_found(t, "", "pyproject.toml");
}

static void pyproject_without_table_is_not_a_config(void **state) {
  Tree *t = *state;
  put(t, "pyproject.toml", "[project]\nname = \"demo\"\n\n[tool.black]\nline-length = 100\n");
  bool found = true;
  char err[256] = "";
  VlConfig *c = vl_config_load(at(t, "pyproject.toml"), &found, err, sizeof err);
  assert_null(c);
  assert_false(found);
  assert_string_equal(err, ""); /* not an error: discovery just goes on upwards */
}

static void pyproject_empty_table_is_a_config(void **state) {
  Tree *t = *state;
  put(t, "pyproject.toml", "[project]\nname = \"demo\"\n\n[tool.viewleak]\n");
  VlConfig *c = load_ok(t, "pyproject.toml");
  assert_false(c->has_select);
  assert_false(c->has_exclude);
  assert_int_equal(c->ignore.count, 0);
  assert_true(c->respect_gitignore); /* the default */
  vl_config_delete(c);
}

static void defaults(void **state) {
  (void)state;
  VlConfig *c = vl_config_default();
  assert_null(c->path);
  assert_non_null(c->dir);
  assert_false(c->has_select);
  assert_true(c->respect_gitignore);
  assert_null(c->cache_dir);
  VlSelection *s = vl_config_selection(c, "x.py", NULL, NULL, NULL);
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_false(vl_selection_enabled(s, "VL900")); /* off unless selected */
  vl_selection_delete(s);
  VlLibraryExtensions e = vl_config_extensions(c);
  assert_int_equal(e.ncopy + e.nview + e.nproducer, 0);
  vl_config_delete(c);
  vl_config_delete(NULL); /* a no-op */
}

/* ---- loading: errors name file:line and the key ---- */

static void error_bad_toml(void **state) {
  Tree *t = *state;
  char err[512];
  put(t, "viewleak.toml", "# settings\nselect = [\"VL001\"]\nignore = \"VL002\nextend-select = [\"VL900\"]\n");
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 3, "TOML");

  put(t, "pyproject.toml", "[project]\nname = \"demo\"\n\n[tool.viewleak\nselect = [\"VL001\"]\n");
  load_fails(t, "pyproject.toml", err, sizeof err);
  assert_error_at(t, err, "pyproject.toml", 4, "TOML");
}

static void error_unknown_key(void **state) {
  Tree *t = *state;
  char err[512];
  put(t, "viewleak.toml", "select = [\"VL001\"]\n\nextend-selct = [\"VL900\"]\n");
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 3, "`extend-selct`");

  put(t, "pyproject.toml", "[project]\nname = \"demo\"\n[tool.viewleak]\nselect = [\"VL001\"]\nline-length = 100\n");
  load_fails(t, "pyproject.toml", err, sizeof err);
  assert_error_at(t, err, "pyproject.toml", 5, "`line-length`");

  /* a sub-table viewleak does not know */
  put(t, "a/viewleak.toml", "[lint]\nselect = [\"VL001\"]\n");
  load_fails(t, "a/viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "a/viewleak.toml", 2, "lint.select");
}

static void error_unknown_empty_table(void **state) {
  Tree *t = *state;
  char err[512];
  put(t, "viewleak.toml", "select = [\"VL001\"]\n\n[lint]\n");
  bool found;
  VlConfig *c = vl_config_load(at(t, "viewleak.toml"), &found, err, sizeof err);
  bool loaded = c != NULL;
  vl_config_delete(c);
  /* BUG: an unknown key whose value is an empty table (`[lint]`, `lint = {}`) is accepted
   * silently: config.c only checks the pairs it flattens, and an empty table has none. */
  if (loaded) skip();
  assert_error_at(t, err, "viewleak.toml", 3, "lint");
}

static void error_duplicate_key(void **state) {
  Tree *t = *state;
  char err[512];
  put(t, "viewleak.toml", "ignore = [\"VL001\"]\nignore = [\"VL900\"]\n");
  bool found;
  VlConfig *c = vl_config_load(at(t, "viewleak.toml"), &found, err, sizeof err);
  bool loaded = c != NULL;
  vl_config_delete(c);
  /* BUG: TOML forbids defining a key twice; config.c appends the second list to the first. */
  if (loaded) skip();
  assert_error_at(t, err, "viewleak.toml", 2, "`ignore`");
}

static void error_wrong_type_every_list_key(void **state) {
  Tree *t = *state;
  size_t nlists = 0;
  for (size_t i = 0; i < vl_config_key_count(); i++) { /* every key whose value is a list */
    const VlConfigKey *k = vl_config_key_at(i);
    if (k->type != VL_CONFIG_RULES && k->type != VL_CONFIG_GLOBS && k->type != VL_CONFIG_NAMES) continue;
    nlists++;
    char text[256], err[512], needle[64];
    /* a string where an array is wanted (the commonest mistake) */
    snprintf(text, sizeof text, "# line 1\n%s = \"VL001\"\n", k->name);
    put(t, "viewleak.toml", text);
    load_fails(t, "viewleak.toml", err, sizeof err);
    snprintf(needle, sizeof needle, "`%s`", k->name);
    assert_error_at(t, err, "viewleak.toml", 2, needle);
    assert_non_null(strstr(err, "array"));
    /* an array with a non-string element, reported on the element's line */
    snprintf(text, sizeof text, "%s = [\n  \"VL001\",\n  1,\n]\n", k->name);
    put(t, "viewleak.toml", text);
    load_fails(t, "viewleak.toml", err, sizeof err);
    assert_error_at(t, err, "viewleak.toml", 3, needle);
  }
  assert_true(nlists > 0);
  char err[512];
  put(t, "viewleak.toml", "[per-file-ignores]\n\"tests/*.py\" = \"VL001\"\n");
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 2, "`per-file-ignores`");
  /* per-file-ignores must be a table; the message must at least name the key */
  put(t, "viewleak.toml", "per-file-ignores = [\"tests/*.py\"]\n");
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 1, "per-file-ignores");
  /* cache-dir is one non-empty string */
  put(t, "viewleak.toml", "# line 1\ncache-dir = [\".cache\"]\n");
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 2, "`cache-dir` must be a string");
  put(t, "viewleak.toml", "cache-dir = 1\n");
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 1, "`cache-dir` must be a string");
  put(t, "viewleak.toml", "cache-dir = ''\n");
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 1, "`cache-dir` must not be empty");
}

static void respect_gitignore_is_a_boolean(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "respect-gitignore = true\n");
  VlConfig *c = load_ok(t, "viewleak.toml");
  assert_true(c->respect_gitignore);
  vl_config_delete(c);
  put(t, "pyproject.toml", "[tool.viewleak]\nrespect-gitignore = false\n");
  c = load_ok(t, "pyproject.toml");
  assert_false(c->respect_gitignore);
  vl_config_delete(c);
  static const char *const bad[] = {"\"false\"", "0", "1.5", "[true]"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char text[128], err[512];
    snprintf(text, sizeof text, "# line 1\nrespect-gitignore = %s\n", bad[i]);
    put(t, "viewleak.toml", text);
    load_fails(t, "viewleak.toml", err, sizeof err);
    assert_error_at(t, err, "viewleak.toml", 2, "`respect-gitignore`");
  }
}

static void error_unknown_rule_code(void **state) {
  Tree *t = *state;
  static const char *const keys[] = {"select", "extend-select", "ignore"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    char text[256], err[512], needle[64];
    snprintf(text, sizeof text, "%s = [\"VL001\", \"E501\"]\n", keys[i]);
    put(t, "viewleak.toml", text);
    load_fails(t, "viewleak.toml", err, sizeof err);
    snprintf(needle, sizeof needle, "`%s`", keys[i]);
    assert_error_at(t, err, "viewleak.toml", 1, needle);
    assert_non_null(strstr(err, "E501"));
  }
  char err[512];
  put(t, "pyproject.toml",
      "[tool.viewleak]\nselect = [\"VL001\"]\n\n[tool.viewleak.per-file-ignores]\n\"a.py\" = [\"VL001\"]\n"
      "\"b.py\" = [\"F401\"]\n");
  load_fails(t, "pyproject.toml", err, sizeof err);
  assert_error_at(t, err, "pyproject.toml", 6, "`per-file-ignores`");
  assert_non_null(strstr(err, "F401"));
  /* prefixes and ALL are codes too */
  put(t, "viewleak.toml", "select = [\"ALL\"]\nignore = [\"VL0\", \"vl9\"]\n");
  VlConfig *c = load_ok(t, "viewleak.toml");
  vl_config_delete(c);
}

/* An empty code is a prefix of every code: it would select (or ignore) every rule, the opt-in ones too. */
static void error_empty_rule_code(void **state) {
  Tree *t = *state;
  static const char *const texts[] = {"select = [\"\"]\n", "extend-select = [\"VL001\", \"\"]\n",
                                      "ignore = [\"\"]\n", "[per-file-ignores]\n\"a.py\" = [\"\"]\n"};
  static const char *const keys[] = {"`select`", "`extend-select`", "`ignore`", "`per-file-ignores`"};
  static const int lines[] = {1, 1, 1, 2};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    char err[512];
    put(t, "viewleak.toml", texts[i]);
    load_fails(t, "viewleak.toml", err, sizeof err);
    assert_error_at(t, err, "viewleak.toml", lines[i], keys[i]);
    assert_non_null(strstr(err, "''"));
  }
}

/* [tool.viewleak] must be a table: a value in its place is an error, not an empty configuration. */
static void error_tool_viewleak_not_a_table(void **state) {
  Tree *t = *state;
  static const char *const texts[] = {"[tool]\nviewleak = 5\n", "tool.viewleak = 5\n", "tool.viewleak = []\n",
                                      "tool.viewleak = \"VL001\"\n", "tool = {viewleak = true}\n"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    char text[256], err[512];
    snprintf(text, sizeof text, "%s\n[project]\nname = \"demo\"\n", texts[i]);
    put(t, "pyproject.toml", text);
    load_fails(t, "pyproject.toml", err, sizeof err);
    assert_error_at(t, err, "pyproject.toml", strncmp(texts[i], "[tool]", 6) == 0 ? 2 : 1,
                    "`tool.viewleak` must be a table");
  }
  /* the table forms stay valid, empty or not */
  static const char *const ok[] = {"tool.viewleak = {}\n", "tool.viewleak = {ignore = [\"VL001\"]}\n",
                                   "[tool.viewleak]\n"};
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
    put(t, "pyproject.toml", ok[i]);
    vl_config_delete(load_ok(t, "pyproject.toml"));
  }
}

/* Keys of more parts than the loader reads fail (and free what was read: the ASan build checks). */
static void error_key_nested_too_deeply(void **state) {
  Tree *t = *state;
  static const char *const texts[] = {"[a.b.c.d.e.f.g.h.i]\nx = 1\n", "a.b.c.d.e.f.g.h.i = 1\n",
                                      "[a.b.c.d.e.f.g.h]\ni = 1\n", "[a.b.c.d]\ne = {f = {g = {h = {i = 1}}}}\n"};
  static const int lines[] = {1, 1, 2, 2};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    char err[512];
    put(t, "viewleak.toml", texts[i]);
    load_fails(t, "viewleak.toml", err, sizeof err);
    assert_error_at(t, err, "viewleak.toml", lines[i], "nested too deeply");
  }
}

/* Many per-file-ignores load (one entry each), and a key given twice is still found among them,
 * in any of its TOML spellings; the error names the second definition. */
static void per_file_ignores_many_and_duplicates(void **state) {
  Tree *t = *state;
  enum { N = 3000 };
  VlBuf text = {0};
  vl_buf_puts(&text, "[per-file-ignores]\n");
  for (int i = 0; i < N; i++) vl_buf_printf(&text, "\"gen/f%d.py\" = [\"VL001\"]\n", i);
  put(t, "viewleak.toml", text.data);
  VlConfig *c = load_ok(t, "viewleak.toml");
  assert_int_equal(c->nper_file_ignores, N);
  assert_string_equal(c->per_file_ignores[N - 1].pattern, "gen/f2999.py");
  vl_config_delete(c);
  static const char *const dups[] = {"\"gen/f17.py\" = [\"VL900\"]\n", "'gen/f17.py' = [\"VL900\"]\n"};
  for (size_t i = 0; i < sizeof dups / sizeof *dups; i++) {
    size_t len = text.len;
    vl_buf_puts(&text, dups[i]);
    put(t, "viewleak.toml", text.data);
    char err[512];
    load_fails(t, "viewleak.toml", err, sizeof err);
    assert_error_at(t, err, "viewleak.toml", N + 2, "key `per-file-ignores.gen/f17.py` is defined twice");
    text.len = len;
    text.data[len] = '\0';
  }
  vl_buf_free(&text);
  /* a quoted part holding a dot is not the dotted key of the same spelling */
  put(t, "viewleak.toml", "[per-file-ignores]\n\"a.b\" = [\"VL001\"]\n\"a\".b = [\"VL001\"]\n");
  char err[512];
  load_fails(t, "viewleak.toml", err, sizeof err);
  assert_error_at(t, err, "viewleak.toml", 3, "unknown key `per-file-ignores.a.b`");
}

static void error_missing_file(void **state) {
  Tree *t = *state;
  bool found = true;
  char err[512] = "";
  VlConfig *c = vl_config_load(at(t, "nope.toml"), &found, err, sizeof err);
  assert_null(c);
  assert_false(found);
  assert_non_null(strstr(err, at(t, "nope.toml")));
}

/* ---- discovery ---- */

static void find_precedence_in_one_folder(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "# the parent\n");
  put(t, "p/.viewleak.toml", "\n");
  put(t, "p/viewleak.toml", "\n");
  put(t, "p/pyproject.toml", "[tool.viewleak]\n");
  assert_found(t, "p", "p/.viewleak.toml");
  unlink(at(t, "p/.viewleak.toml"));
  assert_found(t, "p", "p/viewleak.toml");
  unlink(at(t, "p/viewleak.toml"));
  assert_found(t, "p", "p/pyproject.toml");
  /* a pyproject.toml without the table is skipped: the search goes upwards */
  put(t, "p/pyproject.toml", "[project]\nname = \"p\"\n\n[tool.black]\nline-length = 100\n");
  assert_found(t, "p", "viewleak.toml");
  unlink(at(t, "viewleak.toml"));
  assert_found(t, "p", NULL);
}

static void find_nearest_above(void **state) {
  Tree *t = *state;
  put(t, "pyproject.toml", "[tool.viewleak]\n");
  put(t, "a/b/viewleak.toml", "\n");
  put(t, "a/b/c/d/x.py", "\n");
  assert_found(t, "a/b/c/d", "a/b/viewleak.toml");
  assert_found(t, "a/b", "a/b/viewleak.toml");
  assert_found(t, "a", "pyproject.toml");
  assert_found(t, "", "pyproject.toml");
  /* a folder named like a config file is not one */
  make_dirs(at(t, "a/b/c/.viewleak.toml"));
  assert_found(t, "a/b/c", "a/b/viewleak.toml");
}

static void find_pyproject_mentioning_the_table(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "ignore = [\"VL001\"]\n");
  put(t, "sub/pyproject.toml", "[project]\nname = \"sub\"\n# settings: see [tool.viewleak] in the parent folder\n");
  /* BUG: vl_config_find looks for the text "tool.viewleak" anywhere in a pyproject.toml (here in a
   * comment) instead of a [tool.viewleak] table; it returns sub/pyproject.toml, which then loads
   * as "no table", and the project falls back to the defaults instead of the parent's config. */
  if (!finds(t, "sub", "viewleak.toml")) skip();
  assert_found(t, "sub", "viewleak.toml");
}

static void find_pyproject_inline_table(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "\n");
  put(t, "sub/pyproject.toml", "[tool]\nviewleak = { ignore = [\"VL001\"] }\n");
  /* BUG: same textual test: a [tool] table with an inline `viewleak = {...}` (which
   * vl_config_load reads correctly) is not recognised, and the search goes past it. */
  if (!finds(t, "sub", "sub/pyproject.toml")) skip();
  assert_found(t, "sub", "sub/pyproject.toml");
}

static void find_through_dotdot(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "\n");
  put(t, "p/sub/viewleak.toml", "\n");
  put(t, "p/x.py", "\n");
  /* p/sub/.. is p, whose nearest config is the root's. */
  /* BUG: vl_abs_path keeps "..", and the upward search strips path components lexically, so
   * from p/sub/.. it visits p/sub next and picks p/sub/viewleak.toml: `viewleak check ../x.py`
   * run inside p/sub applies p/sub's settings to p/x.py. */
  if (!finds(t, "p/sub/..", "viewleak.toml")) skip();
  assert_found(t, "p/sub/..", "viewleak.toml");
}

/* ---- selection ---- */

static VlSelection *selection_for(Tree *t, const char *config_text, const char *file_rel) {
  put(t, "viewleak.toml", config_text);
  VlConfig *c = load_ok(t, "viewleak.toml");
  VlSelection *s = vl_config_selection(c, at(t, file_rel), NULL, NULL, NULL);
  vl_config_delete(c);
  return s;
}

static void selection_keys(void **state) {
  Tree *t = *state;
  VlSelection *s = selection_for(t, "select = [\"VL900\"]\n", "x.py"); /* replaces the defaults */
  assert_false(vl_selection_enabled(s, "VL001"));
  assert_true(vl_selection_enabled(s, "VL900"));
  vl_selection_delete(s);

  s = selection_for(t, "extend-select = [\"VL900\"]\n", "x.py"); /* adds to them */
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_true(vl_selection_enabled(s, "VL900"));
  vl_selection_delete(s);

  s = selection_for(t, "select = [\"VL\"]\nignore = [\"VL00\"]\n", "x.py"); /* ignore wins */
  assert_false(vl_selection_enabled(s, "VL001"));
  assert_true(vl_selection_enabled(s, "VL900"));
  vl_selection_delete(s);

  s = selection_for(t, "select = [\"vl001\"]\n", "x.py"); /* codes are case-insensitive */
  assert_true(vl_selection_enabled(s, "VL001"));
  vl_selection_delete(s);
}

static void selection_empty_select(void **state) {
  Tree *t = *state;
  VlSelection *s = selection_for(t, "select = []\n", "x.py");
  bool on = vl_selection_enabled(s, "VL001");
  vl_selection_delete(s);
  /* BUG: `select = []` should run no rule (it replaces the default set, as in Ruff), but an empty
   * select list leaves the VlSelection on its defaults, so VL001 still runs. */
  if (on) skip();
  assert_false(on);
}

static void selection_command_line_on_top(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "select = [\"VL900\"]\n");
  VlConfig *c = load_ok(t, "viewleak.toml");
  char *vl001[] = {"VL001"}, *vl900[] = {"VL900"};
  VlStrList cli_vl001 = {vl001, 1}, cli_vl900 = {vl900, 1}, none = {NULL, 0};

  VlSelection *s = vl_config_selection(c, at(t, "x.py"), &cli_vl001, NULL, NULL); /* --select replaces */
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_false(vl_selection_enabled(s, "VL900"));
  vl_selection_delete(s);

  s = vl_config_selection(c, at(t, "x.py"), &none, &cli_vl001, NULL); /* --extend-select adds */
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_true(vl_selection_enabled(s, "VL900"));
  vl_selection_delete(s);

  s = vl_config_selection(c, at(t, "x.py"), &none, &cli_vl001, &cli_vl900); /* --ignore wins */
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_false(vl_selection_enabled(s, "VL900"));
  vl_selection_delete(s);
  vl_config_delete(c);
}

static void per_file_ignores_globs(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml",
      "extend-select = [\"VL900\"]\n"
      "[per-file-ignores]\n"
      "\"scripts/*.py\" = [\"VL001\"]\n" /* relative to the config's folder */
      "\"test_*.py\" = [\"VL0\"]\n"      /* a file name, anywhere */
      "\"legacy/\" = [\"VL900\"]\n");    /* a folder: everything below it */
  VlConfig *c = load_ok(t, "viewleak.toml");
  static const struct {
    const char *file;
    bool vl001, vl900;
  } cases[] = {
      {"scripts/run.py", false, true},
      {"other/scripts/run.py", true, true}, /* the glob is anchored at the config's folder */
      {"pkg/test_io.py", false, true},
      {"test_top.py", false, true},
      {"pkg/io_test.py", true, true},
      {"legacy/old/mod.py", true, false},
      {"pkg/legacy.py", true, true},
      {"core.py", true, true},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    VlSelection *s = vl_config_selection(c, at(t, cases[i].file), NULL, NULL, NULL);
    bool vl001 = vl_selection_enabled(s, "VL001"), vl900 = vl_selection_enabled(s, "VL900");
    vl_selection_delete(s);
    if (vl001 != cases[i].vl001 || vl900 != cases[i].vl900)
      fail_msg("%s: VL001 %d VL900 %d, want %d %d", cases[i].file, vl001, vl900, cases[i].vl001, cases[i].vl900);
  }
  /* relative paths are taken from the working directory, whatever it is */
  make_dirs(at(t, "scripts"));
  make_dirs(at(t, "other/scripts"));
  assert_int_equal(chdir(at(t, "scripts")), 0);
  VlSelection *s = vl_config_selection(c, "run.py", NULL, NULL, NULL);
  assert_false(vl_selection_enabled(s, "VL001"));
  vl_selection_delete(s);
  assert_int_equal(chdir(at(t, "other")), 0);
  s = vl_config_selection(c, "scripts/run.py", NULL, NULL, NULL);
  assert_true(vl_selection_enabled(s, "VL001"));
  vl_selection_delete(s);
  vl_config_delete(c);
}

/* ---- exclusion ---- */

static void excludes_default(void **state) {
  Tree *t = *state;
  VlConfig *c = vl_config_default();
  static const char *const skipped[] = {".git", "__pycache__", ".venv", "venv", "node_modules", "build",
                                        "dist", ".tox", ".nox", ".eggs", ".mypy_cache", ".pytest_cache",
                                        ".ruff_cache", ".viewleak_cache"};
  for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++) {
    char rel[64];
    snprintf(rel, sizeof rel, "pkg/%s", skipped[i]);
    if (!vl_config_excludes(c, at(t, rel))) fail_msg("%s is not excluded by default", skipped[i]);
    if (!vl_config_excludes(c, skipped[i])) fail_msg("%s (relative) is not excluded by default", skipped[i]);
  }
  static const char *const kept[] = {"src", "pkg/builder", "pkg/distance.py", "pkg/venv.py", "tests"};
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
    if (vl_config_excludes(c, at(t, kept[i]))) fail_msg("%s is excluded by default", kept[i]);
  vl_config_delete(c);
}

static void exclude_replaces_defaults(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "exclude = [\"skipme\", \"gen/*.py\"]\n");
  VlConfig *c = load_ok(t, "viewleak.toml");
  assert_true(vl_config_excludes(c, at(t, "skipme")));
  assert_true(vl_config_excludes(c, at(t, "pkg/skipme"))); /* by name */
  assert_true(vl_config_excludes(c, at(t, "skipme/x.py")));
  assert_true(vl_config_excludes(c, at(t, "gen/a.py")));
  assert_false(vl_config_excludes(c, at(t, "pkg/gen/a.py"))); /* anchored at the config's folder */
  assert_false(vl_config_excludes(c, at(t, "dist")));         /* the defaults are gone */
  assert_false(vl_config_excludes(c, at(t, "node_modules")));
  assert_false(vl_config_excludes(c, at(t, "src/main.py")));
  vl_config_delete(c);
}

static void extend_exclude_adds(void **state) {
  Tree *t = *state;
  put(t, "pyproject.toml", "[tool.viewleak]\nextend-exclude = [\"generated\", \"*_pb2.py\", \"tools/gen\"]\n");
  VlConfig *c = load_ok(t, "pyproject.toml");
  assert_true(vl_config_excludes(c, at(t, "generated")));
  assert_true(vl_config_excludes(c, at(t, "src/generated")));
  assert_true(vl_config_excludes(c, at(t, "src/api_pb2.py")));
  assert_true(vl_config_excludes(c, at(t, "tools/gen")));
  assert_false(vl_config_excludes(c, at(t, "src/tools/gen")));
  assert_true(vl_config_excludes(c, at(t, "dist"))); /* the defaults stay */
  assert_true(vl_config_excludes(c, at(t, "src/__pycache__")));
  assert_false(vl_config_excludes(c, at(t, "src/api.py")));
  vl_config_delete(c);
}

/* include / extend-include: which files found while walking are checked (notebooks by default). */
static void includes(void **state) {
  Tree *t = *state;
  VlConfig *d = vl_config_default();
  assert_true(vl_config_includes(d, at(t, "a.py")));
  assert_true(vl_config_includes(d, at(t, "pkg/a.pyi")));
  assert_true(vl_config_includes(d, at(t, "nb/analysis.ipynb")));
  assert_false(vl_config_includes(d, at(t, "a.pyw")));
  assert_false(vl_config_includes(d, at(t, "notes.txt")));
  vl_config_delete(d);
  put(t, "viewleak.toml", "include = [\"*.py\", \"scripts/*.cgi\"]\n");
  VlConfig *c = load_ok(t, "viewleak.toml");
  assert_true(c->has_include);
  assert_true(vl_config_includes(c, at(t, "src/a.py")));
  assert_true(vl_config_includes(c, at(t, "scripts/run.cgi")));
  assert_false(vl_config_includes(c, at(t, "other/run.cgi"))); /* anchored at the config's folder */
  assert_false(vl_config_includes(c, at(t, "nb/analysis.ipynb"))); /* the defaults are gone */
  vl_config_delete(c);
  put(t, "viewleak.toml", "extend-include = [\"*.pyw\"]\n");
  c = load_ok(t, "viewleak.toml");
  assert_true(vl_config_includes(c, at(t, "a.pyw")));
  assert_true(vl_config_includes(c, at(t, "nb/analysis.ipynb"))); /* the defaults stay */
  assert_false(vl_config_includes(c, at(t, "notes.txt")));
  vl_config_delete(c);
}

/* ---- library extensions ---- */

static size_t count_code(const VlReport *r, const char *code) {
  size_t n = 0;
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (!d->suppressed && strcmp(d->rule->code, code) == 0) n++;
  }
  return n;
}

/* VL001 findings in `text` with the extensions of config text `config` (NULL: none). */
static size_t findings_with(Tree *t, const char *config, const char *text, const char *code) {
  char err[256] = "";
  VlEngine *engine = vl_engine_new(err, sizeof err);
  if (!engine) fail_msg("vl_engine_new: %s", err);
  if (config) put(t, "viewleak.toml", config);
  VlConfig *c = config ? load_ok(t, "viewleak.toml") : vl_config_default();
  VlLibraryExtensions ext = vl_config_extensions(c);
  VlReport *r = vl_engine_check(engine, "ext.py", text, strlen(text), NULL, &ext);
  size_t n = count_code(r, code);
  vl_report_delete(r);
  vl_config_delete(c);
  vl_engine_delete(engine);
  return n;
}

static size_t vl001_with(Tree *t, const char *config, const char *text) { return findings_with(t, config, text, "VL001"); }

static void extensions_are_read(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml",
      "extend-copy-functions = [\"mylib.shuffle_rows\", \"shuffle\"]\n"
      "extend-view-functions = [\"mylib.window\"]\n"
      "extend-array-producers = [\"mylib.load_batch\"]\n");
  VlConfig *c = load_ok(t, "viewleak.toml");
  VlLibraryExtensions e = vl_config_extensions(c);
  assert_int_equal(e.ncopy, 2);
  assert_string_equal(e.copy[0], "mylib.shuffle_rows");
  assert_string_equal(e.copy[1], "shuffle");
  assert_int_equal(e.nview, 1);
  assert_string_equal(e.view[0], "mylib.window");
  assert_int_equal(e.nproducer, 1);
  assert_string_equal(e.producer[0], "mylib.load_batch");
  vl_config_delete(c);
}

static void extension_copy_function_makes_a_rebind(void **state) {
  Tree *t = *state;
  static const char src[] = "import mylib\n"
                            "\n"
                            "def pick(data, n):\n"
                            "    kept = []\n"
                            "    for i in range(n):\n"
                            "        kept.append(data[i, :])\n"
                            "        data = mylib.shuffle_rows(data)\n"
                            "    return kept\n";
  assert_int_equal(vl001_with(t, NULL, src), 0);
  assert_int_equal(vl001_with(t, "extend-copy-functions = [\"mylib.shuffle_rows\"]\n", src), 1);
  assert_int_equal(vl001_with(t, "extend-copy-functions = [\"otherlib.shuffle_rows\"]\n", src), 0);
}

static void extension_view_function_makes_a_view(void **state) {
  Tree *t = *state;
  static const char src[] = "import numpy as np\n"
                            "from mylib import window\n"
                            "\n"
                            "def pick(data, n):\n"
                            "    keep = []\n"
                            "    for i in range(n):\n"
                            "        keep.append(window(data, i))\n"
                            "        data = np.delete(data, i, axis=0)\n"
                            "    return keep\n";
  assert_int_equal(vl001_with(t, NULL, src), 0);
  size_t n = vl001_with(t, "extend-view-functions = [\"mylib.window\"]\n", src);
  /* the helper's result is a view showing part of `data` (a window of it) */
  assert_int_equal(n, 1);
}

static void extension_array_producer_makes_an_array(void **state) {
  Tree *t = *state;
  /* load_batch is given an array: without the configuration it may return a view of it */
  static const char src[] = "import numpy as np\n"
                            "import mylib\n"
                            "\n"
                            "def pick(n, index):\n"
                            "    keep = []\n"
                            "    for i in range(n):\n"
                            "        data = mylib.load_batch(np.asarray(index) + i)\n"
                            "        keep.append(data[i, :])\n"
                            "    return keep\n";
  assert_int_equal(findings_with(t, NULL, src, "VL002"), 0);
  assert_int_equal(findings_with(t, "extend-array-producers = [\"mylib.load_batch\"]\n", src, "VL002"), 1);
}

/* ---- the project: which config applies to which file ---- */

static const char *config_path_for(VlProject *p, const char *path) {
  char err[512] = "";
  const VlConfig *c = vl_project_config_for(p, path, err, sizeof err);
  if (!c) fail_msg("no config for %s: %s", path, err);
  assert_string_equal(err, "");
  return c->path ? c->path : "(defaults)";
}

static void project_nearest_config_per_file(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "ignore = [\"VL001\"]\n");
  put(t, "app/pyproject.toml", "[project]\nname = \"app\"\n[tool.viewleak]\nextend-select = [\"VL900\"]\n");
  put(t, "lib/.viewleak.toml", "select = [\"VL900\"]\n");
  put(t, "lib/pyproject.toml", "[tool.viewleak]\n");
  put(t, "tools/pyproject.toml", "[project]\nname = \"tools\"\n");
  char err[256] = "";
  VlProject *p = vl_project_new(NULL, false, err, sizeof err);
  assert_non_null(p);
  assert_string_equal(config_path_for(p, at(t, "top.py")), at(t, "viewleak.toml"));
  assert_string_equal(config_path_for(p, at(t, "app/mod.py")), at(t, "app/pyproject.toml"));
  assert_string_equal(config_path_for(p, at(t, "app/deep/er/d.py")), at(t, "app/pyproject.toml"));
  assert_string_equal(config_path_for(p, at(t, "lib/u.py")), at(t, "lib/.viewleak.toml"));
  assert_string_equal(config_path_for(p, at(t, "tools/t.py")), at(t, "viewleak.toml"));
  assert_string_equal(config_path_for(p, at(t, "app")), at(t, "viewleak.toml")); /* a folder: its parent's */
  /* the nearest config replaces, not merges: app/ runs VL001 again */
  const VlConfig *c = vl_project_config_for(p, at(t, "app/mod.py"), err, sizeof err);
  VlSelection *s = vl_config_selection(c, at(t, "app/mod.py"), NULL, NULL, NULL);
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_true(vl_selection_enabled(s, "VL900"));
  vl_selection_delete(s);
  /* loaded once: two files of one folder, and two folders under one config, share it */
  assert_ptr_equal(vl_project_config_for(p, at(t, "app/a.py"), err, sizeof err),
                   vl_project_config_for(p, at(t, "app/deep/b.py"), err, sizeof err));
  vl_project_delete(p);
  vl_project_delete(NULL);
}

static void project_relative_paths(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "\n");
  put(t, "app/viewleak.toml", "\n");
  assert_int_equal(chdir(t->root), 0);
  char err[256] = "";
  VlProject *p = vl_project_new(NULL, false, err, sizeof err);
  /* config paths are kept as shown to the user: relative to the current folder below it */
  assert_string_equal(config_path_for(p, "app/mod.py"), "app/viewleak.toml");
  assert_string_equal(config_path_for(p, "./app/x/mod.py"), "app/viewleak.toml");
  assert_string_equal(config_path_for(p, "top.py"), "viewleak.toml");
  vl_project_delete(p);
}

static void project_config_override(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "ignore = [\"VL001\"]\n");
  put(t, "app/.viewleak.toml", "\n");
  put(t, "elsewhere/custom.toml", "select = [\"VL900\"]\n");
  char err[256] = "";
  VlProject *p = vl_project_new(at(t, "elsewhere/custom.toml"), false, err, sizeof err);
  assert_non_null(p);
  assert_string_equal(config_path_for(p, at(t, "top.py")), at(t, "elsewhere/custom.toml"));
  assert_string_equal(config_path_for(p, at(t, "app/mod.py")), at(t, "elsewhere/custom.toml"));
  assert_string_equal(config_path_for(p, "/usr/lib/x.py"), at(t, "elsewhere/custom.toml"));
  vl_project_delete(p);

  /* a pyproject.toml given with --config must have the table */
  put(t, "elsewhere/pyproject.toml", "[project]\nname = \"x\"\n");
  err[0] = '\0';
  assert_null(vl_project_new(at(t, "elsewhere/pyproject.toml"), false, err, sizeof err));
  assert_non_null(strstr(err, "tool.viewleak"));
  err[0] = '\0';
  assert_null(vl_project_new(at(t, "elsewhere/missing.toml"), false, err, sizeof err));
  assert_non_null(strstr(err, "missing.toml"));
  put(t, "elsewhere/broken.toml", "select = \"VL001\"\n");
  err[0] = '\0';
  assert_null(vl_project_new(at(t, "elsewhere/broken.toml"), false, err, sizeof err));
  assert_error_at(t, err, "elsewhere/broken.toml", 1, "`select`");
}

static void project_isolated(void **state) {
  Tree *t = *state;
  put(t, "viewleak.toml", "ignore = [\"VL001\"]\n");
  put(t, "app/pyproject.toml", "[tool.viewleak]\nselect = \"broken\"\n"); /* not even read */
  char err[256] = "";
  VlProject *p = vl_project_new(NULL, true, err, sizeof err);
  assert_non_null(p);
  assert_string_equal(config_path_for(p, at(t, "top.py")), "(defaults)");
  assert_string_equal(config_path_for(p, at(t, "app/mod.py")), "(defaults)");
  const VlConfig *c = vl_project_config_for(p, at(t, "top.py"), err, sizeof err);
  VlSelection *s = vl_config_selection(c, at(t, "top.py"), NULL, NULL, NULL);
  assert_true(vl_selection_enabled(s, "VL001"));
  vl_selection_delete(s);
  vl_project_delete(p);
}

static void project_broken_config_reported_once(void **state) {
  Tree *t = *state;
  put(t, "good/viewleak.toml", "\n");
  put(t, "bad/viewleak.toml", "select = [\"VL001\"]\nbogus = 1\n");
  char err[512] = "";
  VlProject *p = vl_project_new(NULL, false, err, sizeof err);
  assert_null(vl_project_config_for(p, at(t, "bad/a.py"), err, sizeof err));
  assert_error_at(t, err, "bad/viewleak.toml", 2, "`bogus`");
  strcpy(err, "stale");
  assert_null(vl_project_config_for(p, at(t, "bad/b.py"), err, sizeof err));
  assert_string_equal(err, ""); /* already reported */
  assert_null(vl_project_config_for(p, at(t, "bad/sub/c.py"), err, sizeof err));
  assert_string_equal(err, "");
  assert_string_equal(config_path_for(p, at(t, "good/x.py")), at(t, "good/viewleak.toml"));
  vl_project_delete(p);
}

static void project_error_names_the_path_as_given(void **state) {
  Tree *t = *state;
  put(t, "bad/viewleak.toml", "bogus = 1\n");
  assert_int_equal(chdir(t->root), 0);
  char err[512] = "";
  VlProject *p = vl_project_new(NULL, false, err, sizeof err);
  assert_null(vl_project_config_for(p, "bad/a.py", err, sizeof err));
  vl_project_delete(p);
  /* BUG: findings are reported relative to where the run started, but a discovered config's error
   * names the config by its absolute path (vl_config_find returns one), so the CLI's message
   * depends on the checkout's location: "/home/.../bad/viewleak.toml:1: ..." instead of
   * "bad/viewleak.toml:1: ..." (STYLE.md: deterministic output, relative paths). */
  if (strncmp(err, "bad/viewleak.toml:1: ", 21) != 0) skip();
  assert_int_equal(strncmp(err, "bad/viewleak.toml:1: ", 21), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, tree_setup, tree_teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(viewleak_toml_every_key),
      T(dot_viewleak_toml_every_key),
      T(pyproject_every_key),
      T(pyproject_inline_and_dotted_forms),
      T(pyproject_arrays_of_tables),
      T(pyproject_without_table_is_not_a_config),
      T(pyproject_empty_table_is_a_config),
      T(defaults),
      T(error_bad_toml),
      T(error_unknown_key),
      T(error_unknown_empty_table),
      T(error_duplicate_key),
      T(error_wrong_type_every_list_key),
      T(respect_gitignore_is_a_boolean),
      T(error_unknown_rule_code),
      T(error_missing_file),
      T(error_empty_rule_code),
      T(error_tool_viewleak_not_a_table),
      T(error_key_nested_too_deeply),
      T(per_file_ignores_many_and_duplicates),
      T(find_precedence_in_one_folder),
      T(find_nearest_above),
      T(find_pyproject_mentioning_the_table),
      T(find_pyproject_inline_table),
      T(find_through_dotdot),
      T(selection_keys),
      T(selection_empty_select),
      T(selection_command_line_on_top),
      T(per_file_ignores_globs),
      T(excludes_default),
      T(exclude_replaces_defaults),
      T(extend_exclude_adds),
      T(includes),
      T(extensions_are_read),
      T(extension_copy_function_makes_a_rebind),
      T(extension_view_function_makes_a_view),
      T(extension_array_producer_makes_an_array),
      T(project_nearest_config_per_file),
      T(project_relative_paths),
      T(project_config_override),
      T(project_isolated),
      T(project_broken_config_reported_once),
      T(project_error_names_the_path_as_given),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
