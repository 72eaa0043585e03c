/* test_config_select.c: the rules that run on a file (driver/config_select.c), with configurations
 * built in memory: which of --select, select and the defaults is the base, what extend-select adds
 * and what ignore and per-file-ignores take away, from the configuration and the command line.
 * Single-threaded. */
#define _POSIX_C_SOURCE 200809L
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "driver/config.h"

/* A list of the space-separated codes in `codes` ("" or NULL: empty); the config owns what it holds. */
static VlStrList list(const char *codes) {
  VlStrList l = {0};
  char buf[128];
  snprintf(buf, sizeof buf, "%s", codes ? codes : "");
  for (char *save, *c = strtok_r(buf, " ", &save); c; c = strtok_r(NULL, " ", &save)) {
    l.items = vl_xrealloc(l.items, (l.count + 1) * sizeof(char *));
    l.items[l.count++] = vl_xstrdup(c);
  }
  return l;
}

static void list_free(VlStrList *l) {
  for (size_t i = 0; i < l->count; i++) free(l->items[i]);
  free(l->items);
}

/* One case: a configuration (select NULL: not given), command-line options, a file, and the rules
 * that must run ("+") and not run ("-") there. */
typedef struct Case {
  const char *select, *extend_select, *ignore, *pfi_glob, *pfi_codes;
  const char *cli_select, *cli_extend_select, *cli_ignore;
  const char *file;
  const char *on, *off;
  const char *why;
} Case;

static const Case cases[] = {
    {.file = "a.py", .on = "VL001 VL002", .off = "VL003 VL004 VL900", .why = "the default-enabled rules"},
    {.select = "VL900", .file = "a.py", .on = "VL900", .off = "VL001 VL002", .why = "select replaces the defaults"},
    {.select = "VL900", .cli_select = "VL003", .file = "a.py", .on = "VL003", .off = "VL900 VL001",
     .why = "--select replaces select"},
    {.extend_select = "VL003", .file = "a.py", .on = "VL001 VL002 VL003", .off = "VL004",
     .why = "extend-select adds to the defaults"},
    {.select = "VL900", .extend_select = "VL003", .cli_select = "VL004", .file = "a.py", .on = "VL004 VL003",
     .off = "VL900 VL001", .why = "the configuration's extend-select adds to --select too"},
    {.cli_extend_select = "VL900", .file = "a.py", .on = "VL001 VL900", .off = "VL003",
     .why = "--extend-select adds"},
    {.select = "VL", .ignore = "VL00", .file = "a.py", .on = "VL900", .off = "VL001 VL004",
     .why = "ignore (a prefix) wins over select"},
    {.ignore = "VL003", .cli_extend_select = "VL003", .file = "a.py", .off = "VL003",
     .why = "the configuration's ignore wins over --extend-select"},
    {.extend_select = "VL900", .cli_ignore = "VL900 VL002", .file = "a.py", .on = "VL001", .off = "VL900 VL002",
     .why = "--ignore wins over extend-select"},
    {.pfi_glob = "tests/*", .pfi_codes = "VL001", .cli_select = "VL001 VL900", .file = "tests/t.py",
     .on = "VL900", .off = "VL001", .why = "per-file-ignores wins over --select in matching files"},
    {.pfi_glob = "tests/*", .pfi_codes = "VL001", .file = "src/t.py", .on = "VL001",
     .why = "per-file-ignores leaves other files alone"},
    {.select = "vl001", .file = "a.py", .on = "VL001", .off = "VL002", .why = "codes are case-insensitive"},
};

/* Asserts each space-separated code of `codes` is (or is not) enabled. */
static void expect(const VlSelection *s, const char *codes, bool on, const Case *c) {
  VlStrList l = list(codes);
  for (size_t i = 0; i < l.count; i++)
    if (vl_selection_enabled(s, l.items[i]) != on)
      fail_msg("%s: %s %s, want it %s", c->why, l.items[i], on ? "is off" : "is on", on ? "on" : "off");
  list_free(&l);
}

static void precedence(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const Case *k = &cases[i];
    VlConfig *c = vl_config_default();
    free(c->dir);
    c->dir = vl_xstrdup("/p/proj");
    c->has_select = k->select != NULL;
    c->select = list(k->select);
    c->extend_select = list(k->extend_select);
    c->ignore = list(k->ignore);
    if (k->pfi_glob) {
      c->per_file_ignores = vl_xcalloc(1, sizeof(VlPerFileIgnore));
      c->per_file_ignores[0] = (VlPerFileIgnore){vl_xstrdup(k->pfi_glob), list(k->pfi_codes)};
      c->nper_file_ignores = 1;
    }
    VlStrList sel = list(k->cli_select), ext = list(k->cli_extend_select), ign = list(k->cli_ignore);
    char path[64];
    snprintf(path, sizeof path, "/p/proj/%s", k->file);
    VlSelection *s = vl_config_selection(c, path, &sel, &ext, &ign);
    expect(s, k->on, true, k);
    expect(s, k->off, false, k);
    vl_selection_delete(s);
    list_free(&sel);
    list_free(&ext);
    list_free(&ign);
    vl_config_delete(c);
  }
}

/* The command-line lists may be NULL (the LSP passes its settings, tests pass none). */
static void no_command_line(void **state) {
  (void)state;
  VlConfig *c = vl_config_default();
  c->ignore = list("VL002");
  VlSelection *s = vl_config_selection(c, "a.py", NULL, NULL, NULL);
  assert_true(vl_selection_enabled(s, "VL001"));
  assert_false(vl_selection_enabled(s, "VL002"));
  vl_selection_delete(s);
  vl_config_delete(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(precedence), cmocka_unit_test(no_command_line)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
