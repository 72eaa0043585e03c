/* test_document.c: viewleak/document.h, the engine's incremental path for an editor's buffer.
 *
 * The claim to prove: vl_document_check after any recorded edits reports exactly what
 * vl_engine_check reports on the same text, and it does reuse the previous tree when it can.  Every
 * Python file under the folders given on the command line (fixtures/ and examples/) is edited at
 * random (deterministically: a fixed seed): lines deleted, duplicated and moved, characters that
 * break the syntax typed and removed, spans replaced, the whole text replaced.  After each step both
 * reports are compared field by field. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "edit_text.h"
#include "viewleak/document.h"
#include "viewleak/viewleak.h"

static char **roots;
static int nroots;
static VlEngine *engine;
static VlSelection *all_rules;

/* ---- a text and its edits (the buffer an editor holds) ---- */

/* Replaces [start, end) of t with `with` (n bytes), in t and in the document. */
static void edit(Text *t, VlDocument *doc, size_t start, size_t end, const char *with, size_t n) {
  vl_document_edit(doc, start, end, with, n);
  text_replace(t, start, end, with, n);
}

/* One random edit, of the kinds typing and refactoring make. */
static void random_edit(Text *t, VlDocument *doc) {
  static const char *const typed[] = {"x", "(", ")", ":", " ", "\n", "    ", "[i]", ".copy()", "#", "\"", "\r\n",
                                      "é😀", "\n    for k in range(3):\n        keep.append(data[k])\n"};
  size_t a = line_start(t), b = line_end(t, a);
  switch (roll(6)) {
  case 0: edit(t, doc, a, b, "", 0); break; /* delete a line */
  case 1: {                                 /* duplicate a line elsewhere */
    char *copy = vl_xstrndup(t->s + a, b - a);
    size_t to = line_start(t);
    edit(t, doc, to, to, copy, b - a);
    free(copy);
    break;
  }
  case 2: case 3: { /* type something anywhere (maybe breaking the syntax), sometimes over a span */
    const char *s = typed[roll(sizeof typed / sizeof *typed)];
    size_t at = roll(t->len + 1), end = at + (roll(3) == 0 ? roll(8) : 0);
    if (end > t->len) end = t->len;
    while (at > 0 && at < t->len && ((unsigned char)t->s[at] & 0xC0) == 0x80) at--; /* not inside a character */
    while (end < t->len && ((unsigned char)t->s[end] & 0xC0) == 0x80) end++;
    edit(t, doc, at, end, s, strlen(s));
    break;
  }
  case 4: { /* move a line: delete it, then insert it at another line start */
    char *copy = vl_xstrndup(t->s + a, b - a);
    size_t n = b - a;
    edit(t, doc, a, b, "", 0);
    size_t to = line_start(t);
    edit(t, doc, to, to, copy, n);
    free(copy);
    break;
  }
  default: { /* the whole text sent again, one line changed (a full-sync client) */
    size_t n = t->len + 2;
    char *whole = vl_xcalloc(n + 1, 1);
    memcpy(whole, t->s, a);
    memcpy(whole + a, "# ", 2);
    memcpy(whole + a + 2, t->s + a, t->len - a);
    edit(t, doc, 0, t->len, whole, n);
    free(whole);
  }
  }
}

/* ---- comparing reports ---- */

static void assert_range_equal(VlRange a, VlRange b) {
  assert_int_equal(a.start.byte, b.start.byte);
  assert_int_equal(a.start.row, b.start.row);
  assert_int_equal(a.start.col, b.start.col);
  assert_int_equal(a.end.byte, b.end.byte);
  assert_int_equal(a.end.row, b.end.row);
  assert_int_equal(a.end.col, b.end.col);
}

static void assert_same_reports(const VlReport *a, const VlReport *b) {
  assert_int_equal(vl_report_count(a), vl_report_count(b));
  assert_int_equal(vl_report_has_syntax_errors(a), vl_report_has_syntax_errors(b));
  assert_true((vl_report_skipped(a) == NULL) == (vl_report_skipped(b) == NULL));
  for (size_t i = 0; i < vl_report_count(a); i++) {
    const VlDiagnostic *x = vl_report_get(a, i), *y = vl_report_get(b, i);
    assert_string_equal(x->rule->code, y->rule->code);
    assert_string_equal(x->message, y->message);
    assert_range_equal(x->range, y->range);
    assert_int_equal(x->has_related, y->has_related);
    if (x->has_related) assert_range_equal(x->related, y->related);
    assert_int_equal(x->suppressed, y->suppressed);
    assert_int_equal(x->fix.applicability, y->fix.applicability);
    assert_int_equal(x->fix.nedits, y->fix.nedits);
    for (size_t e = 0; e < x->fix.nedits; e++) {
      assert_range_equal(x->fix.edits[e].range, y->fix.edits[e].range);
      assert_string_equal(x->fix.edits[e].content, y->fix.edits[e].content);
    }
  }
}

/* ---- the tests ---- */

static size_t nfiles, nchecks, nreused, nfindings;

static int edit_file(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st, (void)ftw;
  size_t n = strlen(path);
  if (type != FTW_F || n < 3 || strcmp(path + n - 3, ".py") != 0) return 0;
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  Text t = {vl_xcalloc((size_t)st->st_size + 1, 1), 0};
  t.len = fread(t.s, 1, (size_t)st->st_size, f);
  fclose(f);
  VlDocument *doc = vl_document_new(engine);
  vl_report_delete(vl_document_check(doc, path, t.s, t.len, all_rules, NULL));
  for (int step = 0; step < 4; step++) {
    for (size_t k = 1 + roll(3); k > 0; k--) random_edit(&t, doc);
    VlReport *got = vl_document_check(doc, path, t.s, t.len, all_rules, NULL);
    VlReport *want = vl_engine_check(engine, path, t.s, t.len, all_rules, NULL);
    if (vl_report_count(got) != vl_report_count(want)) fprintf(stderr, "differs: %s, step %d\n", path, step);
    assert_same_reports(got, want);
    nchecks++;
    nreused += vl_document_reused(doc);
    nfindings += vl_report_count(want);
    vl_report_delete(got);
    vl_report_delete(want);
  }
  vl_document_delete(doc);
  free(t.s);
  nfiles++;
  return 0;
}

/* Random edits of every fixture: the incremental reports equal fresh ones. */
static void random_edits_match_fresh_analysis(void **state) {
  (void)state;
  for (int i = 0; i < nroots; i++) assert_int_equal(nftw(roots[i], edit_file, 16, FTW_PHYS), 0);
  fprintf(stderr, "%zu files, %zu checks, %zu reused the previous tree, %zu findings\n", nfiles, nchecks, nreused,
          nfindings);
  assert_true(nfiles > 100);
  assert_true(nfindings > 100); /* the edits leave leaks to find */
  assert_true(nreused * 4 > nchecks); /* the incremental path is taken, not only the fallback */
}

static const char leaky[] = "import numpy as np\n"
                            "\n"
                            "def f(keep):\n"
                            "    data = np.zeros((10, 3))\n"
                            "    for i in range(3):\n"
                            "        keep.append(data[i])\n"
                            "        data = np.delete(data, 0, axis=0)\n";

/* The row of the report's VL001 finding (-1: none). */
static int vl001_row(VlReport *r) {
  int row = -1;
  for (size_t i = 0; i < vl_report_count(r); i++)
    if (strcmp(vl_report_get(r, i)->rule->code, "VL001") == 0) row = (int)vl_report_get(r, i)->range.start.row;
  vl_report_delete(r);
  return row;
}

/* A small edit reuses the tree; the findings move with the text. */
static void edit_reuses_the_tree(void **state) {
  (void)state;
  VlDocument *doc = vl_document_new(engine);
  assert_int_equal(vl001_row(vl_document_check(doc, "a.py", leaky, sizeof leaky - 1, all_rules, NULL)), 5);
  assert_false(vl_document_reused(doc));
  char text[sizeof leaky + 1] = "\n";
  memcpy(text + 1, leaky, sizeof leaky);
  vl_document_edit(doc, 0, 0, "\n", 1);
  assert_int_equal(vl001_row(vl_document_check(doc, "a.py", text, sizeof leaky, all_rules, NULL)), 6);
  assert_true(vl_document_reused(doc));
  /* a text the edits do not explain: parsed whole, reported right */
  assert_int_equal(vl001_row(vl_document_check(doc, "a.py", leaky, sizeof leaky - 1, all_rules, NULL)), 5);
  assert_false(vl_document_reused(doc));
  /* the same text sent whole again with one line changed: only the difference is an edit */
  char copy[sizeof leaky];
  memcpy(copy, leaky, sizeof leaky);
  copy[strstr(copy, "data[i]") - copy + 5] = 'j'; /* data[j]: not the loop's index: no VL001 */
  vl_document_edit(doc, 0, sizeof leaky - 1, copy, sizeof leaky - 1);
  assert_int_equal(vl001_row(vl_document_check(doc, "a.py", copy, sizeof leaky - 1, all_rules, NULL)), -1);
  assert_true(vl_document_reused(doc));
  /* an edit that breaks the syntax: parsed whole again (recovery must not depend on the old tree) */
  vl_document_edit(doc, 0, 0, "(", 1);
  char broken[sizeof leaky + 1] = "(";
  memcpy(broken + 1, copy, sizeof leaky);
  VlReport *r = vl_document_check(doc, "a.py", broken, sizeof leaky, all_rules, NULL);
  assert_false(vl_document_reused(doc));
  assert_true(vl_report_has_syntax_errors(r));
  vl_report_delete(r);
  vl_document_delete(doc);
  vl_document_delete(NULL);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test_document FOLDER...\n");
    return 2;
  }
  roots = argv + 1;
  nroots = argc - 1;
  char err[256];
  engine = vl_engine_new(err, sizeof err);
  if (!engine) {
    fprintf(stderr, "%s\n", err);
    return 2;
  }
  all_rules = vl_selection_new();
  vl_selection_select(all_rules, "ALL");
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(edit_reuses_the_tree),
      cmocka_unit_test(random_edits_match_fresh_analysis),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  vl_selection_delete(all_rules);
  vl_engine_delete(engine);
  return failed;
}
