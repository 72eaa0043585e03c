/* test_lower_memo.c: vl_lower_tree_memo (ir/lower.h), an edited document's lowering that copies the
 * statements whose bytes did not change from the last one.
 *
 * The claim to prove: after any edits, the module it makes is the module vl_lower_tree makes of the
 * same text, array by array and field by field (ids, positions, strings, resolved names, comments),
 * and it does copy.  Every Python file under the folders given on the command line (fixtures/ and
 * examples/), and a generated module of classes and functions with the constructs the copy
 * relocates, is edited at random (a fixed seed): lines inserted inside functions and classes and
 * between them, deleted, duplicated; characters typed; a class renamed (its methods' qualified
 * names change).  After each step the memo's module is compared with a cold one. */
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
#include "ir/lower.h"

static char **roots;
static int nroots;
static VlPy py;
static TSParser *parser;
static size_t nfiles, nsteps, ncopied, nlowered;

/* One random edit: a statement at the line's own indentation (inside a function, a class, or at
 * the top), a new top-level function or method, a line deleted or duplicated, a character typed,
 * or a class renamed. */
static void random_edit(Text *t) {
  static const char *const stmts[] = {"x = 1\n", "pass\n", "# a comment\n", "\n", "keep.append(data[0])\n",
                                      "for k in range(3):\n", "yield x\n", "global g\n", "y = [v for v in w]\n",
                                      "z = lambda q: q[0]\n", "import numpy as np\n"};
  size_t a = line_start(t), b = line_end(t, a);
  size_t indent = 0;
  while (a + indent < b && t->s[a + indent] == ' ') indent++;
  switch (roll(7)) {
  case 0: text_replace(t, a, b, "", 0); break;
  case 1: { /* duplicate a line elsewhere */
    char *copy = vl_xstrndup(t->s + a, b - a);
    size_t to = line_start(t);
    text_replace(t, to, to, copy, b - a);
    free(copy);
    break;
  }
  case 2:
  case 3: { /* a statement at the line's indentation */
    const char *s = stmts[roll(sizeof stmts / sizeof *stmts)];
    char *line = vl_xcalloc(indent + strlen(s) + 1, 1);
    memset(line, ' ', indent);
    memcpy(line + indent, s, strlen(s));
    text_replace(t, a, a, line, strlen(line));
    free(line);
    break;
  }
  case 4: { /* a function, at the top or as a method */
    const char *def = indent ? "    def added(self, v):\n        self.v = v[1:]\n"
                             : "def added(v, keep):\n    for i in range(2):\n        keep.append(v[i])\n";
    text_replace(t, a, a, def, strlen(def));
    break;
  }
  case 5: { /* a character typed */
    static const char *const typed[] = {"x", " ", "(", ")", ":", "[0]", "\n"};
    const char *c = typed[roll(sizeof typed / sizeof *typed)];
    size_t at = roll(t->len + 1);
    text_replace(t, at, at, c, strlen(c));
    break;
  }
  default: { /* a class renamed */
    const char *k = strstr(t->s, "class ");
    if (k) {
      size_t at = (size_t)(k - t->s) + 6;
      text_replace(t, at, at, "Re", 2);
    }
    break;
  }
  }
}

/* ---- comparing modules ---- */

#define SAME(field) assert_int_equal(x->field, y->field)
#define EACH(arr, n) for (uint32_t i = 0; i < a->n; i++)

static void assert_same_modules(const VlModule *a, const VlModule *b) {
  assert_int_equal(a->syntax_errors, b->syntax_errors);
  assert_true((a->skipped == NULL) == (b->skipped == NULL));
  assert_int_equal(a->nexprs, b->nexprs);
  assert_int_equal(a->nstmts, b->nstmts);
  assert_int_equal(a->nkids, b->nkids);
  assert_int_equal(a->nstmtlist, b->nstmtlist);
  assert_int_equal(a->nblocks, b->nblocks);
  assert_int_equal(a->nhandlers, b->nhandlers);
  assert_int_equal(a->nfuncs, b->nfuncs);
  assert_int_equal(a->nclasses, b->nclasses);
  assert_int_equal(a->nloops, b->nloops);
  assert_int_equal(a->ncomps, b->ncomps);
  assert_int_equal(a->nclauses, b->nclauses);
  assert_int_equal(a->nparams, b->nparams);
  assert_int_equal(a->nstrs, b->nstrs);
  assert_int_equal(a->ncomments, b->ncomments);
  EACH(exprs, nexprs) {
    const VlExpr *x = &a->exprs[i], *y = &b->exprs[i];
    SAME(op), SAME(sub), SAME(nkids), SAME(kids), SAME(a), SAME(sym.kind), SAME(sym.slot), SAME(sym.owner);
    SAME(start), SAME(end);
  }
  EACH(stmts, nstmts) {
    const VlStmt *x = &a->stmts[i], *y = &b->stmts[i];
    SAME(kind), SAME(sub), SAME(n), SAME(a), SAME(b), SAME(c), SAME(d), SAME(start), SAME(end);
  }
  EACH(kids, nkids) assert_int_equal(a->kids[i], b->kids[i]);
  EACH(stmtlist, nstmtlist) assert_int_equal(a->stmtlist[i], b->stmtlist[i]);
  EACH(blocks, nblocks) {
    const VlBlock *x = &a->blocks[i], *y = &b->blocks[i];
    SAME(first), SAME(count);
  }
  EACH(handlers, nhandlers) {
    const VlHandler *x = &a->handlers[i], *y = &b->handlers[i];
    SAME(type), SAME(target), SAME(body);
  }
  EACH(funcs, nfuncs) {
    const VlFunc *x = &a->funcs[i], *y = &b->funcs[i];
    SAME(kind), SAME(flags), SAME(nparams), SAME(params), SAME(name), SAME(qualname), SAME(parent), SAME(klass);
    SAME(body), SAME(expr), SAME(decorators), SAME(ndecorators), SAME(nlocals), SAME(locals), SAME(start), SAME(end);
  }
  EACH(classes, nclasses) {
    const VlClass *x = &a->classes[i], *y = &b->classes[i];
    SAME(name), SAME(qualname), SAME(func), SAME(parent), SAME(bases), SAME(nbases), SAME(decorators);
    SAME(ndecorators), SAME(start), SAME(end);
  }
  EACH(loops, nloops) {
    const VlLoop *x = &a->loops[i], *y = &b->loops[i];
    SAME(kind), SAME(async), SAME(func), SAME(parent), SAME(target), SAME(iter), SAME(node), SAME(start), SAME(end);
  }
  EACH(comps, ncomps) {
    const VlComp *x = &a->comps[i], *y = &b->comps[i];
    SAME(kind), SAME(func), SAME(elem), SAME(key), SAME(clauses), SAME(nclauses);
  }
  EACH(clauses, nclauses) {
    const VlClause *x = &a->clauses[i], *y = &b->clauses[i];
    SAME(is_if), SAME(cond), SAME(loop);
  }
  EACH(params, nparams) {
    const VlParam *x = &a->params[i], *y = &b->params[i];
    SAME(name), SAME(annotation), SAME(dflt), SAME(kind);
  }
  EACH(strs, nstrs) assert_string_equal(a->strs[i], b->strs[i]);
  EACH(comments, ncomments) {
    const VlComment *x = &a->comments[i], *y = &b->comments[i];
    SAME(row), SAME(start), SAME(len);
  }
}

/* Lowers t with the memo and cold, and compares. */
static void check_step(Text *t, VlLowerMemo *memo) {
  TSTree *tree = ts_parser_parse_string(parser, NULL, t->s, (uint32_t)t->len);
  VlModule *got = vl_lower_tree_memo(&py, tree, "edited.py", t->s, t->len, memo);
  VlModule *want = vl_lower_tree(&py, tree, "edited.py", t->s, t->len);
  assert_same_modules(got, want);
  uint32_t copied, lowered;
  vl_lower_memo_stats(memo, &copied, &lowered);
  ncopied += copied;
  nlowered += lowered;
  nsteps++;
  vl_module_delete(got);
  vl_module_delete(want);
  ts_tree_delete(tree);
}

static void edit_text(Text *t, int steps) {
  VlLowerMemo *memo = vl_lower_memo_new();
  check_step(t, memo);
  for (int step = 0; step < steps; step++) {
    for (size_t k = 1 + roll(2); k > 0; k--) random_edit(t);
    check_step(t, memo);
  }
  vl_lower_memo_delete(memo);
}

static int edit_file(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)ftw;
  size_t n = strlen(path);
  if (type != FTW_F || n < 3 || strcmp(path + n - 3, ".py") != 0) return 0;
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  Text t = {vl_xcalloc((size_t)st->st_size + 1, 1), 0};
  t.len = fread(t.s, 1, (size_t)st->st_size, f);
  fclose(f);
  edit_text(&t, 6);
  free(t.s);
  nfiles++;
  return 0;
}

static void random_edits_of_fixtures(void **state) {
  (void)state;
  for (int i = 0; i < nroots; i++) assert_int_equal(nftw(roots[i], edit_file, 16, FTW_PHYS), 0);
  fprintf(stderr, "%zu files, %zu lowerings, %zu statements copied, %zu lowered\n", nfiles, nsteps, ncopied,
          nlowered);
  assert_true(nfiles > 100);
  assert_true(ncopied > nlowered); /* the copy is taken, not only the fallback */
}

/* A module of the shapes the copy relocates, edited many times. */
static const char shapes[] =
    "import numpy as np\n"
    "from os import path as p, sep\n"
    "from . import *\n"
    "g = [x for x in range(3) if x]  # noqa: VL001\n"
    "\n"
    "@decorate\n"
    "class Model(Base, metaclass=Meta):\n"
    "    '''doc'''\n"
    "    size: int = 3\n"
    "    fn = lambda self, a=g: a\n"
    "    items = {k: v for k, v in zip('ab', 'cd')}\n"
    "\n"
    "    class Inner:\n"
    "        def m(self):\n"
    "            return self\n"
    "\n"
    "    @property\n"
    "    def value(self):\n"
    "        global g\n"
    "        return [i for i in self.rows if (w := i)]\n"
    "\n"
    "    def step(self, data, keep, *args, key=None, **kw):\n"
    "        def inner():\n"
    "            nonlocal data\n"
    "            data = data[1:]\n"
    "        for i in range(3):\n"
    "            keep.append(data[i])  # comment\n"
    "        try:\n"
    "            pass\n"
    "        except (ValueError, KeyError) as e:\n"
    "            raise\n"
    "        else:\n"
    "            del keep[0], data\n"
    "        finally:\n"
    "            x = 1\n"
    "        with open(p) as f, lock:\n"
    "            x += f.read()\n"
    "        while x:\n"
    "            x -= 1\n"
    "        else:\n"
    "            pass\n"
    "        match x:\n"
    "            case 1:\n"
    "                pass\n"
    "            case _:\n"
    "                y = x\n"
    "        yield x\n"
    "\n"
    "\n"
    "def free(a, keep):\n"
    "    for j in range(3):\n"
    "        b = a[j] + 1\n"
    "        keep.append(b)\n"
    "    return (lambda: b)()\n"
    "\n"
    "if __name__ == '__main__':\n"
    "    for q in range(2):\n"
    "        free(np.zeros(3), [])\n";

static void random_edits_of_shapes(void **state) {
  (void)state;
  size_t before = ncopied;
  for (int round = 0; round < 60; round++) {
    Text t = {vl_xstrdup(shapes), strlen(shapes)};
    edit_text(&t, 8);
    free(t.s);
  }
  fprintf(stderr, "shapes: %zu statements copied\n", ncopied - before);
  assert_true(ncopied > before);
}

int main(int argc, char **argv) {
  roots = argv + 1;
  if (getenv("VL_TEST_SEED")) edit_text_rng ^= strtoull(getenv("VL_TEST_SEED"), NULL, 10); /* other edits, same checks */
  nroots = argc - 1;
  const char *missing = NULL;
  if (!vl_py_init(&py, &missing)) return 1;
  parser = ts_parser_new();
  ts_parser_set_language(parser, py.lang);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(random_edits_of_shapes),
      cmocka_unit_test(random_edits_of_fixtures),
  };
  int rc = cmocka_run_group_tests(tests, NULL, NULL);
  ts_parser_delete(parser);
  return rc;
}
