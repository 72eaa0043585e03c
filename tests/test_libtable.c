/* test_libtable.c: library tables as data (knowledge/libtable.c). */
#include "testlib.h"

static int arena_setup(void **state) {
  *state = vl_arena_new();
  return 0;
}
static int arena_teardown(void **state) {
  vl_arena_delete(*state);
  return 0;
}

/* Parses `text` as table "t"; the error message, if any, goes to err. */
static bool parse(void **state, VlLibTable *t, const char *text, char *err, size_t errlen) {
  err[0] = '\0';
  return vl_libtable_parse(t, (VlArena *)*state, "t", text, err, errlen);
}

static VlLibTable parse_ok(void **state, const char *text) {
  VlLibTable t = {0};
  char err[256];
  if (!parse(state, &t, text, err, sizeof err)) fail_msg("unexpected parse error: %s", err);
  return t;
}

static const VlLibEntry *find(const VlLibTable *t, VlLibKind kind, const char *name) {
  const VlLibEntry *e = vl_libtable_find(t, kind, name);
  if (!e) fail_msg("no entry %d %s", (int)kind, name);
  return e;
}

/* The error message of a table that must not parse. */
static const char *parse_err(void **state, const char *text) {
  static char err[256];
  VlLibTable t = {0};
  assert_false(parse(state, &t, text, err, sizeof err));
  assert_true(err[0] != '\0');
  return err;
}

static void assert_contains(const char *hay, const char *needle) {
  assert_non_null(hay);
  if (!strstr(hay, needle)) fail_msg("'%s' does not contain '%s'", hay ? hay : "", needle ? needle : "");
}

static void each_effect(void **state) {
  VlLibTable t = parse_ok(state,
                          "function\tv\tview\t-\n"
                          "function\tc\tcopy\t-\n"
                          "function\tp\tproducer\t-\n"
                          "function\ti\tint\t-\n"
                          "function\ts\tscalar\t-\n"
                          "function\tx\tindex\t-\n"
                          "function\tvs\tviews\t-\n"
                          "function\tr\trng\t-\n"
                          "function\tn\tnone\t-\n");
  assert_string_equal(t.library, "t");
  assert_int_equal(t.count, 9);
  static const struct { const char *name; VlLibEffect fx; } want[] = {
      {"v", VL_FX_VIEW},   {"c", VL_FX_COPY},   {"p", VL_FX_PRODUCER}, {"i", VL_FX_INT},  {"s", VL_FX_SCALAR},
      {"x", VL_FX_INDEX},  {"vs", VL_FX_VIEWS}, {"r", VL_FX_RNG},      {"n", VL_FX_NONE}};
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    const VlLibEntry *e = find(&t, VL_LIB_FUNCTION, want[i].name);
    assert_int_equal(e->kind, VL_LIB_FUNCTION);
    assert_null(e->effect_cond.param); /* unconditional */
    assert_int_equal(e->effect_then, want[i].fx);
    assert_int_equal(e->effect_else, want[i].fx);
  }
}

static void each_ndim_rule(void **state) {
  VlLibTable t = parse_ok(state,
                          "function\tunk\tcopy\t-\n"
                          "function\tsame\tcopy\tsame\n"
                          "function\tconst\tcopy\t3\n"
                          "function\targs\tproducer\targs\n"
                          "function\tshape\tproducer\tshape(size)\tsize=0\n"
                          "method\tnewshape\tview\tnewshape\n"
                          "function\tstack\tcopy\tstack\n"
                          "function\tconcat\tcopy\tconcat\n"
                          "function\tmin2\tcopy\tmin2\n"
                          "function\tmin3\tcopy\tmin3\n"
                          "function\tbcast\tcopy\tbcast\n"
                          "function\targ1\tcopy\targ1\n"
                          "function\tdiag\tndim>1?view:copy\tndim>1?1:2\t-\tnarrows\n"
                          "function\ttile\tcopy\tsame|shape(reps)\tA=0,reps=1\n"
                          "function\ttake\tcopy\taxis?same-1+ndim(indices):ndim(indices)\ta=0,indices=1,axis=2\n"
                          "function\tselect\tcopy\tbcast-items\n");
  assert_int_equal(t.count, 16);
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "select")->ndim_then.rule, VL_ND_BCAST_ITEMS);
  const VlLibEntry *tk = find(&t, VL_LIB_FUNCTION, "take"); /* one axis replaced by the index's; flat: the index's */
  assert_string_equal(tk->ndim_cond.param, "axis");
  assert_int_equal(tk->ndim_then.rule, VL_ND_TAKE);
  assert_string_equal(tk->ndim_then.param, "indices");
  assert_int_equal(tk->ndim_else.rule, VL_ND_INDEX);
  assert_string_equal(tk->ndim_else.param, "indices");
  const VlLibEntry *tl = find(&t, VL_LIB_FUNCTION, "tile"); /* the more of the operand's and shape(reps)'s */
  assert_int_equal(tl->ndim_then.rule, VL_ND_SAME_OR_SHAPE);
  assert_string_equal(tl->ndim_then.param, "reps");
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "bcast")->ndim_then.rule, VL_ND_BCAST);
  const VlLibEntry *a1 = find(&t, VL_LIB_FUNCTION, "arg1");
  assert_int_equal(a1->ndim_then.rule, VL_ND_ARG);
  assert_int_equal(a1->ndim_then.n, 1);
  const VlLibEntry *dg = find(&t, VL_LIB_FUNCTION, "diag"); /* a condition on the operand's ndim: no parameter */
  assert_string_equal(dg->effect_cond.param, "ndim>1");
  assert_int_equal(dg->effect_then, VL_FX_VIEW);
  assert_int_equal(dg->effect_else, VL_FX_COPY);
  assert_int_equal(dg->ndim_then.n, 1);
  assert_int_equal(dg->ndim_else.n, 2);
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "unk")->ndim_then.rule, VL_ND_UNKNOWN);
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "same")->ndim_then.rule, VL_ND_SAME);
  const VlLibEntry *c = find(&t, VL_LIB_FUNCTION, "const");
  assert_int_equal(c->ndim_then.rule, VL_ND_CONST);
  assert_int_equal(c->ndim_then.n, 3);
  assert_null(c->ndim_cond.param);
  assert_int_equal(c->ndim_else.rule, VL_ND_CONST); /* unconditional: both branches */
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "args")->ndim_then.rule, VL_ND_ARGS);
  const VlLibEntry *s = find(&t, VL_LIB_FUNCTION, "shape");
  assert_int_equal(s->ndim_then.rule, VL_ND_SHAPE);
  assert_string_equal(s->ndim_then.param, "size");
  assert_int_equal(find(&t, VL_LIB_METHOD, "newshape")->ndim_then.rule, VL_ND_NEWSHAPE);
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "stack")->ndim_then.rule, VL_ND_STACK);
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "concat")->ndim_then.rule, VL_ND_CONCAT);
  const VlLibEntry *m2 = find(&t, VL_LIB_FUNCTION, "min2"), *m3 = find(&t, VL_LIB_FUNCTION, "min3");
  assert_int_equal(m2->ndim_then.rule, VL_ND_MIN);
  assert_int_equal(m2->ndim_then.n, 2);
  assert_int_equal(m3->ndim_then.rule, VL_ND_MIN);
  assert_int_equal(m3->ndim_then.n, 3);
}

static void kinds_are_separate(void **state) {
  VlLibTable t = parse_ok(state,
                          "function\treshape\tview\tshape(newshape)\tnewshape=1\n"
                          "method\treshape\tview\tnewshape\n"
                          "attribute\tT\tview\tsame\n"
                          "rng-method\tintegers\tproducer\t1\n");
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "reshape")->ndim_then.rule, VL_ND_SHAPE);
  assert_int_equal(find(&t, VL_LIB_METHOD, "reshape")->ndim_then.rule, VL_ND_NEWSHAPE);
  assert_int_equal(find(&t, VL_LIB_ATTRIBUTE, "T")->kind, VL_LIB_ATTRIBUTE);
  assert_int_equal(find(&t, VL_LIB_RNG_METHOD, "integers")->kind, VL_LIB_RNG_METHOD);
  assert_null(vl_libtable_find(&t, VL_LIB_METHOD, "T"));
  assert_null(vl_libtable_find(&t, VL_LIB_FUNCTION, "integers"));
  assert_null(vl_libtable_find(&t, VL_LIB_FUNCTION, "resh")); /* whole names only */
  /* a kind the table has no row of (VlLibTable.kinds): none, whatever the name */
  assert_null(vl_libtable_find(&t, VL_LIB_ANY_METHOD, "reshape"));
  assert_null(vl_libtable_find(&t, VL_LIB_CLASS, "T"));
  assert_int_equal(t.kinds, 1u << VL_LIB_FUNCTION | 1u << VL_LIB_METHOD | 1u << VL_LIB_ATTRIBUTE | 1u << VL_LIB_RNG_METHOD);
}

static void conditions(void **state) {
  VlLibTable t = parse_ok(state,
                          "function\tdelete\tcopy\taxis?same:1\taxis=2\n"
                          "function\tsum\taxis?copy:scalar\t-\taxis=1\n"
                          "function\tarray\tcopy=False?view:copy\tsame\tcopy=1\n"
                          "method\tto\tcopy=True?copy:view\tsame\tdtype=0,copy=99\n");
  const VlLibEntry *d = find(&t, VL_LIB_FUNCTION, "delete");
  assert_null(d->effect_cond.param);
  assert_int_equal(d->effect_then, VL_FX_COPY);
  assert_string_equal(d->ndim_cond.param, "axis");
  assert_false(d->ndim_cond.literal_false);
  assert_int_equal(d->ndim_then.rule, VL_ND_SAME);
  assert_int_equal(d->ndim_else.rule, VL_ND_CONST);
  assert_int_equal(d->ndim_else.n, 1);

  const VlLibEntry *s = find(&t, VL_LIB_FUNCTION, "sum");
  assert_string_equal(s->effect_cond.param, "axis");
  assert_false(s->effect_cond.literal_false);
  assert_int_equal(s->effect_then, VL_FX_COPY);
  assert_int_equal(s->effect_else, VL_FX_SCALAR);

  const VlLibEntry *a = find(&t, VL_LIB_FUNCTION, "array");
  assert_string_equal(a->effect_cond.param, "copy"); /* "=False" is not part of the name */
  assert_true(a->effect_cond.literal_false);
  assert_int_equal(a->effect_then, VL_FX_VIEW);
  assert_int_equal(a->effect_else, VL_FX_COPY);
  assert_false(a->effect_cond.literal_true);

  const VlLibEntry *to = find(&t, VL_LIB_METHOD, "to");
  assert_string_equal(to->effect_cond.param, "copy"); /* "=True" is not part of the name */
  assert_true(to->effect_cond.literal_true);
  assert_false(to->effect_cond.literal_false);
  assert_int_equal(to->effect_then, VL_FX_COPY);
  assert_int_equal(to->effect_else, VL_FX_VIEW);
}

/* P?A:Q?B:C: each else branch that is a condition again is the next one, tried in turn (np.gradient: one
 * array with axis= an int, unknown with another axis=, a list of arrays of an operand of several axes);
 * P=int: given as an int */
static void chained_conditions(void **state) {
  VlLibTable t = parse_ok(state, "function\tgradient\taxis=int?copy:axis?-:ndim>1?copies:copy\tsame\taxis=99\tkeeps-order\n"
                                 "function\tsum\taxis?copy:scalar\t-\taxis=1\n");
  const VlLibEntry *g = find(&t, VL_LIB_FUNCTION, "gradient");
  assert_string_equal(g->effect_cond.param, "axis"); /* "=int" is not part of the name */
  assert_true(g->effect_cond.literal_int);
  assert_false(g->effect_cond.literal_true);
  assert_int_equal(g->effect_then, VL_FX_COPY);
  assert_int_equal(g->neffect_more, 2);
  assert_string_equal(g->effect_cond_more[0].param, "axis");
  assert_false(g->effect_cond_more[0].literal_int);
  assert_int_equal(g->effect_then_more[0], VL_FX_UNKNOWN);
  assert_string_equal(g->effect_cond_more[1].param, "ndim>1");
  assert_int_equal(g->effect_then_more[1], VL_FX_COPIES);
  assert_int_equal(g->effect_else, VL_FX_COPY);
  assert_true(g->keeps_order);
  const VlLibEntry *s = find(&t, VL_LIB_FUNCTION, "sum"); /* one condition: none more */
  assert_int_equal(s->neffect_more, 0);
  assert_false(s->effect_cond.literal_int);
  assert_int_equal(s->effect_else, VL_FX_SCALAR);
  /* a chained condition names a declared parameter too; a bad branch is an error */
  assert_contains(parse_err(state, "function\tgradient\taxis?copy:edge?-:copy\tsame\taxis=99\n"), "'edge'");
  assert_contains(parse_err(state, "function\tgradient\taxis?copy:ndim>1?copyy:copy\tsame\taxis=99\n"), "'copyy'");
}

static void params(void **state) {
  VlLibTable t = parse_ok(state, "method\tastype\tcopy=False?view:copy\tsame\tdtype=0,copy=4\n");
  const VlLibEntry *e = find(&t, VL_LIB_METHOD, "astype");
  assert_int_equal(e->nparams, 2);
  assert_string_equal(e->params[0].name, "dtype");
  assert_int_equal(e->params[0].pos, 0);
  assert_string_equal(e->params[1].name, "copy");
  assert_int_equal(e->params[1].pos, 4);
  assert_int_equal(vl_lib_param_pos(e, "copy"), 4);
  assert_int_equal(vl_lib_param_pos(e, "dtype"), 0);
  assert_int_equal(vl_lib_param_pos(e, "order"), -1);
}

static void comments_blank_lines_crlf(void **state) {
  VlLibTable t = parse_ok(state,
                          "# a comment\r\n"
                          "\r\n"
                          "function\tcopy\tcopy\tsame\r\n"
                          "\n"
                          "# kind\tname\teffect\tndim\n"
                          "method\tview\tview\tsame"); /* no final newline */
  assert_int_equal(t.count, 2);
  const VlLibEntry *e = find(&t, VL_LIB_FUNCTION, "copy");
  assert_int_equal(e->ndim_then.rule, VL_ND_SAME); /* "same\r" would not parse */
  assert_non_null(find(&t, VL_LIB_METHOD, "view"));
}

static void empty_table(void **state) {
  /* BUG: a table with no entries is undefined behaviour: vl_libtable_parse calls
   * memcpy(self->entries, entries.items, 0) with entries.items == NULL (libtable.c, end of
   * vl_libtable_parse), which UBSan reports ("null pointer passed as argument 2") and, with
   * -fno-sanitize-recover, aborts the process.  Guard the memcpy with `if (entries.len)` as
   * imports.c and scope.c do. */

  VlLibTable t = parse_ok(state, "# nothing\n\n");
  assert_int_equal(t.count, 0);
  assert_null(vl_libtable_find(&t, VL_LIB_FUNCTION, "copy"));
}

static void error_unknown_effect(void **state) {
  const char *err = parse_err(state, "# header\nfunction\tcopy\tcopy\tsame\nfunction\tf\tbogus\tsame\n");
  assert_contains(err, "t.tsv:3:");
  assert_contains(err, "unknown effect");
  assert_contains(err, "'bogus'");
  /* in a conditional branch too */
  err = parse_err(state, "function\tf\taxis?copy:sclar\t-\taxis=1\n");
  assert_contains(err, "t.tsv:1:");
  assert_contains(err, "'sclar'");
}

static void error_unknown_ndim(void **state) {
  const char *err = parse_err(state, "\n\nfunction\tf\tcopy\t3d\n");
  assert_contains(err, "t.tsv:3:");
  assert_contains(err, "ndim");
  assert_contains(err, "'3d'");
}

static void error_negative_ndim(void **state) {
  /* the ndim column is "N" (a count); "-1" is not "-" and must not become VlNdim 255 */
  VlLibTable t = {0};
  char err[256];
  bool ok = parse(state, &t, "function\tf\tcopy\t-1\n", err, sizeof err);
  /* a negative (or > 64) constant would become an impossible VlNdim */
  assert_false(ok);
  assert_non_null(strstr(err, "'-1'"));
}

static void error_unknown_kind(void **state) {
  const char *err = parse_err(state, "function\tcopy\tcopy\tsame\nfunc\tf\tview\tsame\n");
  assert_contains(err, "t.tsv:2:");
  assert_contains(err, "unknown kind");
  assert_contains(err, "'func'");
}

static void error_condition_on_undeclared_parameter(void **state) {
  const char *err = parse_err(state, "function\tsum\taxis?copy:scalar\t-\n");
  assert_contains(err, "t.tsv:1:");
  assert_contains(err, "undeclared parameter");
  assert_contains(err, "'axis'");
  /* the ndim condition is checked too, and a declared but different parameter does not count */
  err = parse_err(state, "# x\nfunction\tdelete\tcopy\taxis?same:1\tobj=1\n");
  assert_contains(err, "t.tsv:2:");
  assert_contains(err, "'axis'");
}

/* items=D:D...: a tuple of new arrays, each with the operand's ndim plus its D */
static void items_tag(void **state) {
  VlLibTable t = parse_ok(state, "function\tlinalg.svd\tcopies\t-\t-\titems=0:-1:0,operand-min=2\n"
                                 "function\tsort\tcopies\t-\t-\titems=0:0\n");
  const VlLibEntry *e = find(&t, VL_LIB_FUNCTION, "linalg.svd");
  assert_int_equal(e->nitem_nd, 3);
  assert_int_equal(e->item_nd[0], 0);
  assert_int_equal(e->item_nd[1], -1);
  assert_int_equal(e->item_nd[2], 0);
  assert_int_equal(e->operand_min, 2);
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "sort")->nitem_nd, 2);
  assert_int_equal(find(&t, VL_LIB_FUNCTION, "sort")->operand_min, 0);
  VlLibTable pk = parse_ok(state, "function\tfind_peaks\tcopies\t-\t-\titems=0i,operand-min=1,operand-max=1\n");
  assert_int_equal(find(&pk, VL_LIB_FUNCTION, "find_peaks")->operand_max, 1);
  assert_int_equal(find(&pk, VL_LIB_FUNCTION, "find_peaks")->item_ints, 1);
  assert_int_equal(e->operand_max, 0);
  assert_int_equal(e->item_ints, 0);
  /* Di: item k holds integers (t.max(dim=1)'s indices) */
  VlLibTable u = parse_ok(state, "method\tmax\tdim?copies:scalar\t-\tdim=0\titems=-1:-1i,keepdim=keepdim\n");
  const VlLibEntry *mx = find(&u, VL_LIB_METHOD, "max");
  assert_int_equal(mx->nitem_nd, 2);
  assert_int_equal(mx->item_nd[1], -1);
  assert_int_equal(mx->item_ints, 2);
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=0ii\n"), "bad items= tag");
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=0:y\n"), "'items=0:y'");
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=0:xl\n"), "bad items= tag");
  /* ?: an item of unknown ndim (np.histogramdd's hist), with the suffixes of a D (l: unknown layout) */
  VlLibTable hd = parse_ok(state, "function\thistogramdd\tcopies\t-\t-\titems=?l:x\n");
  const VlLibEntry *h = find(&hd, VL_LIB_FUNCTION, "histogramdd");
  assert_int_equal(h->nitem_nd, 2);
  assert_int_equal(h->item_anynd, 1);
  assert_int_equal(h->item_strided, 1);
  assert_int_equal(h->item_none, 2);
  assert_int_equal(e->item_anynd, 0);
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=?1\n"), "bad items= tag");
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=0,operand-max=9\n"), "unknown tag");
  /* x: an item that holds no array (find_peaks' properties); Dl: an item of unknown layout (stft's Zxx);
   * operand-max=N: the operand has at most N axes */
  VlLibTable v = parse_ok(state, "function\tfind_peaks\tcopies\t-\t-\titems=0i:x,operand-min=1,operand-max=1\n"
                                 "function\tstft\tcopies\t-\t-\titems=0s:0s:1l\n");
  const VlLibEntry *fp = find(&v, VL_LIB_FUNCTION, "find_peaks");
  assert_int_equal(fp->nitem_nd, 2);
  assert_int_equal(fp->item_ints, 1);
  assert_int_equal(fp->item_none, 2);
  assert_int_equal(fp->operand_min, 1);
  assert_int_equal(fp->operand_max, 1);
  const VlLibEntry *st = find(&v, VL_LIB_FUNCTION, "stft");
  assert_int_equal(st->nitem_nd, 3);
  assert_int_equal(st->item_nd[2], 1);
  assert_int_equal(st->item_side, 3);
  assert_int_equal(st->item_strided, 4);
  assert_int_equal(st->item_none, 0);
  assert_int_equal(st->operand_max, 0);
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=0:0:0:0:0\n"), "bad items= tag");
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=9\n"), "bad items= tag");
  /* @K: an item with argument K's ndim (np.linalg.lstsq's x has b's) */
  VlLibTable ls = parse_ok(state, "function\tlinalg.lstsq\tcopies\t-\ta=0,b=1\titems=@1:-1:n:-1s,operand-min=2\n");
  const VlLibEntry *lq = find(&ls, VL_LIB_FUNCTION, "linalg.lstsq");
  assert_int_equal(lq->nitem_nd, 4);
  assert_int_equal(lq->item_arg, 1);
  assert_int_equal(lq->item_nd[0], 1);
  assert_int_equal(lq->item_nd[1], -1);
  assert_int_equal(lq->item_int, 4);
  assert_int_equal(lq->item_side, 8);
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=@9\n"), "bad items= tag");
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=@1i\n"), "bad items= tag");
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=@\n"), "bad items= tag");
  /* n: an item that is a Python int (wavfile.read's rate); effect -: unknown (mmap= given opts out);
   * unravels: np.unravel_index's items follow its operand; mesh: np.ix_'s open mesh, k arrays of k axes */
  VlLibTable w = parse_ok(state, "function\twavfile.read\tmmap?-:copies\t-\tmmap=1\titems=n:0\n"
                                 "function\tunravel_index\tcopies\t-\t-\tunravels\n"
                                 "function\tix_\tindex\targs\t-\tmesh\n");
  const VlLibEntry *ix = find(&w, VL_LIB_FUNCTION, "ix_");
  assert_true(ix->mesh);
  assert_int_equal(ix->effect_then, VL_FX_INDEX);
  assert_int_equal(ix->ndim_then.rule, VL_ND_ARGS);
  const VlLibEntry *wr = find(&w, VL_LIB_FUNCTION, "wavfile.read");
  assert_int_equal(wr->nitem_nd, 2);
  assert_int_equal(wr->item_int, 1);
  assert_int_equal(wr->item_none, 0);
  assert_int_equal(wr->item_nd[1], 0);
  assert_int_equal(wr->effect_then, VL_FX_UNKNOWN);
  assert_int_equal(wr->effect_else, VL_FX_COPIES);
  assert_true(find(&w, VL_LIB_FUNCTION, "unravel_index")->unravels);
  assert_false(wr->unravels);
  assert_false(wr->mesh);
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=n0\n"), "bad items= tag");
  assert_contains(parse_err(state, "function\tf\tcopies\t-\t-\titems=0:ni\n"), "bad items= tag");
}

/* trail=N: every axis but the last N keeps its size (nn.Linear) */
static void trail_tag(void **state) {
  VlLibTable t = parse_ok(state, "class\tnn.Linear\tmodule\tsame\t-\ttrail=1\n");
  const VlLibEntry *e = vl_libtable_find_class(&t, "nn.Linear");
  assert_non_null(e);
  assert_int_equal(e->trail, 1);
  assert_int_equal(e->ndim_then.rule, VL_ND_SAME);
  assert_contains(parse_err(state, "class\tnn.Linear\tmodule\tsame\t-\ttrail=0\n"), "'trail=0'");
}

/* square=P:Q: a new P x Q array (np.eye), square=P: P x P (np.identity) */
static void square_tag(void **state) {
  VlLibTable t = parse_ok(state, "function\teye\tproducer\t2\tN=0,M=1\tdefault-dtype,square=N:M\n"
                                 "function\tidentity\tproducer\t2\tn=0\tsquare=n\n");
  const VlLibEntry *e = find(&t, VL_LIB_FUNCTION, "eye");
  assert_string_equal(e->square, "N");
  assert_string_equal(e->square_cols, "M");
  assert_true(e->default_dtype);
  const VlLibEntry *i = find(&t, VL_LIB_FUNCTION, "identity");
  assert_string_equal(i->square, "n");
  assert_null(i->square_cols);
  assert_contains(parse_err(state, "function\teye\tproducer\t2\tN=0\tsquare=N:K\n"), "'K'");
  assert_contains(parse_err(state, "function\teye\tproducer\t2\t-\tsquare=N\n"), "square= of undeclared parameter");
}

static void error_shape_of_undeclared_parameter(void **state) {
  const char *err = parse_err(state, "function\tzeros\tproducer\tshape(shape)\n");
  assert_contains(err, "t.tsv:1:");
  assert_contains(err, "'shape'");
}

static void error_subscripts_of_undeclared_parameter(void **state) {
  assert_contains(parse_err(state, "function\teinsum\tcopy\tsubscripts(subscripts)\n"), "subscripts() of undeclared parameter");
}

static void error_ndim_of_undeclared_parameter(void **state) {
  assert_contains(parse_err(state, "function\ttake\tcopy\tndim(indices)\n"), "ndim() of undeclared parameter");
  assert_contains(parse_err(state, "function\ttake\tcopy\taxis?same-1+ndim(idx):ndim(indices)\tindices=1,axis=2\n"),
                  "'idx'");
}

static void error_bad_parameter(void **state) {
  const char *err = parse_err(state, "function\tf\tcopy\tsame\taxis\n");
  assert_contains(err, "t.tsv:1:");
  assert_contains(err, "'axis'");
  /* more than VL_LIB_MAX_PARAMS */
  err = parse_err(state, "function\tf\tcopy\tsame\ta=0,b=1,c=2,d=3,e=4\n");
  assert_contains(err, "'e=4'");
}

static void error_too_few_columns(void **state) {
  const char *err = parse_err(state, "# x\n\nfunction\tf\tview\n");
  assert_contains(err, "t.tsv:3:");
  assert_contains(err, "columns");
}

static void error_too_few_columns_quotes_the_line(void **state) {
  /* the message shows the offending line (tabs as spaces), not just its first column */
  const char *err = parse_err(state, "function\tf\tview\n");
  assert_contains(err, "view");
}

static void embedded_tables_load(void **state) {
  VlKnowledge k;
  char err[256] = "";
  if (!vl_knowledge_load(&k, (VlArena *)*state, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  assert_true(k.ntables >= 1);
  assert_true(k.nlibs >= 2);

  const char *member = NULL;
  const VlLibrary *np = vl_knowledge_library(&k, "numpy.random.randint", &member);
  assert_non_null(np);
  assert_int_equal(np->id, VL_LIBID_NUMPY);
  assert_string_equal(np->module, "numpy");
  assert_string_equal(member, "random.randint");
  assert_false(np->int_index_is_view);
  assert_string_equal(np->table->library, "numpy");
  const VlLibEntry *ri = vl_libtable_find(np->table, VL_LIB_FUNCTION, member);
  assert_non_null(ri);
  assert_string_equal(ri->effect_cond.param, "size");
  assert_int_equal(ri->effect_then, VL_FX_PRODUCER);
  assert_int_equal(ri->effect_else, VL_FX_INT);

  const VlLibrary *cp = vl_knowledge_library(&k, "cupy.delete", &member);
  assert_non_null(cp);
  assert_int_equal(cp->id, VL_LIBID_CUPY);
  assert_string_equal(member, "delete");
  assert_ptr_equal(cp->table, np->table); /* CuPy shares NumPy's table */
  assert_non_null(vl_libtable_find(cp->table, VL_LIB_FUNCTION, "delete"));

  assert_non_null(vl_knowledge_library(&k, "numpy", &member));
  assert_string_equal(member, "");
  assert_null(vl_knowledge_library(&k, "numpyx.delete", &member)); /* a module boundary, not a prefix */
  assert_null(vl_knowledge_library(&k, "num", &member));
  assert_null(vl_knowledge_library(&k, "jax.numpy.delete", &member));
  assert_null(vl_knowledge_library(&k, "scipy.sparse", &member));

  /* flag qualified: scipy.stats' rows are named from scipy, so its norm (a distribution) is not linalg's */
  const VlLibrary *st = vl_knowledge_library(&k, "scipy.stats.zscore", &member);
  assert_non_null(st);
  assert_true(st->qualified);
  assert_string_equal(member, "stats.zscore");
  const VlLibEntry *z = vl_libtable_find(st->table, VL_LIB_FUNCTION, member);
  assert_non_null(z);
  assert_true(z->keeps_order);
  assert_non_null(vl_knowledge_library(&k, "scipy.stats.norm", &member));
  assert_string_equal(member, "stats.norm");
  assert_null(vl_libtable_find(st->table, VL_LIB_FUNCTION, member));
  assert_non_null(vl_knowledge_library(&k, "scipy.linalg.norm", &member));
  assert_string_equal(member, "norm");
  assert_non_null(vl_knowledge_library(&k, "scipy.stats", &member));
  assert_string_equal(member, "");
  assert_non_null(vl_knowledge_library(&k, "scipy.special.softmax", &member));
  assert_string_equal(member, "special.softmax");
}

static void embedded_numpy_facts(void **state) {
  /* a few rows of rules/numpy.tsv that docs/semantics.md's verdicts stand on */
  VlKnowledge k;
  char err[256] = "";
  if (!vl_knowledge_load(&k, (VlArena *)*state, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  const char *member;
  const VlLibTable *t = vl_knowledge_library(&k, "numpy", &member)->table;
  const VlLibEntry *e = vl_libtable_find(t, VL_LIB_FUNCTION, "ascontiguousarray");
  assert_non_null(e);
  assert_int_equal(e->effect_then, VL_FX_CONTIG); /* a view of a contiguous row, a copy of a column */
  e = vl_libtable_find(t, VL_LIB_FUNCTION, "asfortranarray");
  assert_non_null(e);
  assert_int_equal(e->effect_then, VL_FX_FCONTIG);
  e = vl_libtable_find(t, VL_LIB_METHOD, "astype");
  assert_non_null(e);
  assert_true(e->effect_cond.literal_false);
  assert_int_equal(e->effect_then, VL_FX_VIEW);
  assert_int_equal(e->effect_else, VL_FX_COPY);
  e = vl_libtable_find(t, VL_LIB_FUNCTION, "ix_"); /* an open mesh (overlay) */
  assert_non_null(e);
  assert_true(e->mesh);
  /* the functions the arithmetic operators call keep their operands' memory order; np.matmul does not */
  assert_true(vl_libtable_find(t, VL_LIB_FUNCTION, "multiply")->keeps_order);
  assert_true(vl_libtable_find(t, VL_LIB_FUNCTION, "negative")->keeps_order);
  assert_false(vl_libtable_find(t, VL_LIB_FUNCTION, "matmul")->keeps_order);
  e = vl_libtable_find(t, VL_LIB_FUNCTION, "append");
  assert_non_null(e);
  assert_int_equal(e->ndim_else.rule, VL_ND_CONST);
  assert_int_equal(e->ndim_else.n, 1);
  e = vl_libtable_find(t, VL_LIB_METHOD, "flatten");
  assert_non_null(e);
  assert_int_equal(e->effect_then, VL_FX_COPY);
  e = vl_libtable_find(t, VL_LIB_ATTRIBUTE, "T");
  assert_non_null(e);
  assert_int_equal(e->effect_then, VL_FX_VIEW);
}

/* ---- descriptors (rules/libraries.tsv) ---- */

static const char *two_tables(void *ctx, const char *name) {
  (void)ctx;
  if (strcmp(name, "np") == 0) return "function\tdelete\tcopy\tsame\n";
  if (strcmp(name, "tt") == 0) return "function\tcat\tcopy\tconcat\nmodel-method\teval\tsame\t-\n";
  return NULL;
}

static const char *descriptor_err(void **state, const char *text) {
  static char err[256];
  VlKnowledge k;
  err[0] = '\0';
  assert_false(vl_knowledge_parse(&k, (VlArena *)*state, text, two_tables, NULL, err, sizeof err));
  assert_true(err[0] != '\0');
  return err;
}

static void descriptors_parse(void **state) {
  VlKnowledge k;
  char err[256] = "";
  const char *text = "# comment\n"
                     "np\tnp\tcopy\tnp.concatenate\tscalar\tfloat64/8\tndarray,NDArray\t-\tdefault,methods\n"
                     "tt\ttt\tclone\ttt.cat\tview\tfloat32/4\tTensor\ttt.nn.Module,tt.nn.m.Module\tmethods\n"
                     "alias\tnp\tcopy\tal.concatenate\tscalar\tfloat16/2\t-\t-\t-\n"
                     "jx\t-\t-\t-\t-\t-\t-\t-\tviewless\n";
  if (!vl_knowledge_parse(&k, (VlArena *)*state, text, two_tables, NULL, err, sizeof err)) fail_msg("%s", err);
  assert_int_equal(k.nlibs, 3);
  assert_int_equal(k.ntables, 2); /* "alias" shares np's table */
  assert_ptr_equal(k.libs[2].table, k.libs[0].table);
  assert_int_equal(k.libs[1].id, 2);
  assert_string_equal(k.libs[1].copy_method, "clone");
  assert_string_equal(k.libs[1].concat, "tt.cat");
  assert_true(k.libs[1].int_index_is_view);
  assert_false(k.libs[0].int_index_is_view);
  assert_string_equal(k.libs[1].dtype, "float32");
  assert_int_equal(k.libs[1].itemsize, 4);
  assert_int_equal(k.libs[2].itemsize, 2);
  assert_true(k.libs[0].methods && k.libs[1].methods && !k.libs[2].methods);
  /* lookups */
  assert_ptr_equal(vl_knowledge_lib(&k, 0), &k.libs[0]); /* unknown library: the default */
  assert_ptr_equal(vl_knowledge_lib(&k, 2), &k.libs[1]);
  assert_ptr_equal(vl_knowledge_lib(&k, 9), &k.libs[0]);
  assert_ptr_equal(vl_knowledge_lib_of_type(&k, "NDArray"), &k.libs[0]);
  assert_ptr_equal(vl_knowledge_lib_of_type(&k, "Tensor"), &k.libs[1]);
  assert_null(vl_knowledge_lib_of_type(&k, "ArrayLike"));
  assert_ptr_equal(vl_knowledge_lib_of_model(&k, "tt.nn.Module"), &k.libs[1]);
  assert_ptr_equal(vl_knowledge_lib_of_model(&k, "tt.nn.m.Module"), &k.libs[1]);
  assert_null(vl_knowledge_lib_of_model(&k, "tt.nn"));
  assert_true(vl_knowledge_viewless(&k, "jx.numpy"));
  assert_false(vl_knowledge_viewless(&k, "jxx"));
  assert_false(vl_knowledge_viewless(&k, "np"));
  const VlLibEntry *e = vl_libtable_find(k.libs[1].table, VL_LIB_MODEL_METHOD, "eval");
  assert_non_null(e);
  assert_int_equal(e->effect_then, VL_FX_SAME);
  assert_null(vl_libtable_find(k.libs[1].table, VL_LIB_METHOD, "eval"));
}

static void descriptors_reject_bad_rows(void **state) {
  const char *ok = "np\tnp\tcopy\tc\tscalar\tfloat64/8\t-\t-\tdefault\n";
  assert_contains(descriptor_err(state, "np\tnp\tcopy\n"), "libraries.tsv:1: expected 9");
  assert_contains(descriptor_err(state, "np\tnp\tcopy\tc\tmaybe\tfloat64/8\t-\t-\tdefault\n"), "int-index");
  assert_contains(descriptor_err(state, "np\tnp\tcopy\tc\tscalar\tfloat64\t-\t-\tdefault\n"), "NAME/ITEMSIZE");
  assert_contains(descriptor_err(state, "np\tnp\tcopy\tc\tscalar\tfloat64/8\t-\t-\tfast\n"), "unknown flag 'fast'");
  assert_contains(descriptor_err(state, "np\tnp\tcopy\tc\tscalar\tfloat64/8\t-\t-\tqualified\n"), "without a parent");
  assert_contains(descriptor_err(state, "np\tnope\tcopy\tc\tscalar\tfloat64/8\t-\t-\tdefault\n"),
                  "no table 'nope.tsv'");
  assert_contains(descriptor_err(state, "np\tnp\tcopy\tc\tscalar\tfloat64/8\t-\t-\t-\n"), "exactly one");
  char two_defaults[256];
  snprintf(two_defaults, sizeof two_defaults, "%s%s", ok, ok);
  assert_contains(descriptor_err(state, two_defaults), "found 2");
  char line2[256];
  snprintf(line2, sizeof line2, "%snp\tnp\n", ok);
  assert_contains(descriptor_err(state, line2), "libraries.tsv:2:");
}

/* lib=M: the result is an array of library M, which must be a row of the descriptors */
static const char *lib_to_tables(void *ctx, const char *name) {
  (void)ctx;
  if (strcmp(name, "np") == 0) return "function\tdelete\tcopy\tsame\n";
  if (strcmp(name, "tt") == 0) return "method\tnumpy\tview\tsame\t-\tlayout,lib=np\n";
  if (strcmp(name, "bad") == 0) return "method\tnumpy\tview\tsame\t-\tlib=nowhere\n";
  return NULL;
}

static void lib_to_tag(void **state) {
  VlKnowledge k;
  char err[256] = "";
  const char *text = "np\tnp\tcopy\tc\tscalar\tfloat64/8\t-\t-\tdefault\n"
                     "tt\ttt\tclone\tc\tview\tfloat32/4\t-\t-\t-\n";
  if (!vl_knowledge_parse(&k, (VlArena *)*state, text, lib_to_tables, NULL, err, sizeof err)) fail_msg("%s", err);
  const VlLibEntry *e = vl_libtable_find(k.libs[1].table, VL_LIB_METHOD, "numpy");
  assert_non_null(e);
  assert_string_equal(e->lib_to, "np");
  assert_true(e->keeps_layout);
  const char *bad = "np\tnp\tcopy\tc\tscalar\tfloat64/8\t-\t-\tdefault\n"
                    "tt\tbad\tclone\tc\tview\tfloat32/4\t-\t-\t-\n";
  assert_false(vl_knowledge_parse(&k, (VlArena *)*state, bad, lib_to_tables, NULL, err, sizeof err));
  assert_contains(err, "lib=nowhere names no library");
}

static void repeated_rows_are_errors(void **state) {
  assert_contains(parse_err(state, "function\tf\tview\tsame\nmethod\tf\tview\tsame\nfunction\tf\tcopy\tsame\n"),
                  "function 'f' is listed twice");
}

static void many_rows_are_found(void **state) {
  /* the index: every row of a large table is found, by kind */
  VlBuf b = {0};
  for (int i = 0; i < 3000; i++) vl_buf_printf(&b, "%s\tf%d\tcopy\tsame\n", i % 2 ? "method" : "function", i);
  VlLibTable t = parse_ok(state, b.data);
  for (int i = 0; i < 3000; i++) {
    char name[16];
    snprintf(name, sizeof name, "f%d", i);
    const VlLibEntry *e = vl_libtable_find(&t, i % 2 ? VL_LIB_METHOD : VL_LIB_FUNCTION, name);
    assert_non_null(e);
    assert_string_equal(e->name, name);
    assert_null(vl_libtable_find(&t, i % 2 ? VL_LIB_FUNCTION : VL_LIB_METHOD, name));
  }
  assert_null(vl_libtable_find(&t, VL_LIB_FUNCTION, "f3000"));
  vl_buf_free(&b);
}

static void embedded_descriptors(void **state) {
  VlKnowledge k;
  char err[256] = "";
  if (!vl_knowledge_load(&k, (VlArena *)*state, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  const VlLibrary *t = vl_knowledge_lib(&k, VL_LIBID_TORCH), *np = vl_knowledge_lib(&k, VL_LIBID_NUMPY);
  assert_string_equal(t->module, "torch");
  assert_string_equal(t->copy_method, "clone");
  assert_string_equal(np->copy_method, "copy");
  assert_true(t->int_index_is_view);
  assert_true(np->is_default);
  assert_ptr_equal(vl_knowledge_lib_of_model(&k, "torch.nn.Module"), t);
  assert_ptr_equal(vl_knowledge_lib_of_type(&k, "ndarray"), np);
  assert_true(vl_knowledge_viewless(&k, "jax.numpy"));
  assert_non_null(vl_libtable_find(t->table, VL_LIB_MODEL_METHOD, "eval"));
}

/* ---- result objects (rules/results.tsv) ---- */

static void results_parse(void **state) {
  VlKnowledge k = {0};
  char err[256] = "";
  const char *text = "# comment\n"
                     "sp.solve\ty\t2\t-\tthe states\n"
                     "sp.solve\tt\t1\t-\tthe times\n"
                     "sp.ode\t-\t2\tfull_output\ta tuple with it\n"
                     "sp.assign\t[0]\t1i\t-\trows\n"
                     "sp.assign\t[1]\t1i\t-\tcolumns\n";
  if (!vl_knowledge_parse_results(&k, (VlArena *)*state, text, err, sizeof err)) fail_msg("%s", err);
  assert_int_equal(k.nresults, 5);
  /* [k]: item k of a tuple result, 1i: a 1-D array of integers */
  const VlLibResult *cols = vl_knowledge_result_item(&k, "sp.assign", 1);
  assert_non_null(cols);
  assert_int_equal(cols->nd, 1);
  assert_true(cols->ints);
  assert_null(vl_knowledge_result_item(&k, "sp.assign", 2));
  assert_null(vl_knowledge_result(&k, "sp.assign", NULL)); /* the result itself is the tuple */
  assert_null(vl_knowledge_result_item(&k, "sp.ode", 0));
  assert_false(vl_knowledge_result(&k, "sp.ode", NULL)->ints);
  const VlLibResult *y = vl_knowledge_result(&k, "sp.solve", "y");
  assert_non_null(y);
  assert_int_equal(y->nd, 2);
  assert_null(y->unless);
  assert_int_equal(vl_knowledge_result(&k, "sp.solve", "t")->nd, 1);
  assert_null(vl_knowledge_result(&k, "sp.solve", NULL)); /* the result itself is an object */
  assert_null(vl_knowledge_result(&k, "sp.solve", "x"));
  const VlLibResult *ode = vl_knowledge_result(&k, "sp.ode", NULL);
  assert_non_null(ode);
  assert_string_equal(ode->unless, "full_output");
  assert_null(vl_knowledge_result(&k, "sp.ode", "y"));
  assert_true(vl_knowledge_has_result(&k, "sp.ode"));
  assert_false(vl_knowledge_has_result(&k, "sp.other"));
  assert_false(vl_knowledge_has_result(&k, "sp"));
  assert_false(vl_knowledge_has_methods(&k, "sp"));
  /* x-N: a method of what the call makes, its ndim the first argument's less N (i: ints, l: a list) */
  const char *tree = "sp.Tree.query\t[1]\tx-1i\tk@1\tindices\n"
                     "sp.Tree.ball\t-\tx-1l\t-\tlists\n"
                     "sp.interp.__call__\t-\tx-1+@2\t-\tcalled: y's axes but one, then x's\n"
                     "sp.grid.__call__\t-\tx-1>=1+@2-#1\t-\tcalled: xi's axes but the last (at least one), values' beyond len(points)\n";
  if (!vl_knowledge_parse_results(&k, (VlArena *)*state, tree, err, sizeof err)) fail_msg("%s", err);
  const VlLibResult *q = vl_knowledge_result_item(&k, "sp.Tree.query", 1);
  assert_non_null(q);
  assert_true(q->by_arg && q->ints && !q->list);
  assert_int_equal(q->nd, 1);
  assert_string_equal(q->unless, "k@1");
  assert_true(vl_knowledge_result(&k, "sp.Tree.ball", NULL)->list);
  assert_true(vl_knowledge_has_methods(&k, "sp.Tree"));
  assert_false(vl_knowledge_has_methods(&k, "sp"));
  assert_false(vl_knowledge_has_result(&k, "sp.Tree"));
  const VlLibResult *call = vl_knowledge_result(&k, "sp.interp.__call__", NULL); /* x-N+@K */
  assert_non_null(call);
  assert_true(call->by_arg);
  assert_int_equal(call->nd, 1);
  assert_int_equal(call->ctor, 2);
  assert_int_equal(call->ctor_len, 0);
  assert_int_equal(call->floor, 0);
  assert_true(vl_knowledge_has_methods(&k, "sp.interp"));
  const VlLibResult *grid = vl_knowledge_result(&k, "sp.grid.__call__", NULL); /* x-N>=M+@K-#P */
  assert_non_null(grid);
  assert_true(grid->by_arg);
  assert_int_equal(grid->nd, 1);
  assert_int_equal(grid->floor, 1);
  assert_int_equal(grid->ctor, 2);
  assert_int_equal(grid->ctor_len, 1);
  /* N/A=name@K: axis A as long as the argument by keyword `name` or at position K */
  const char *len = "sp.ivp\ty\t2/1=t_eval\t-\tone column per time\n"
                    "sp.ivp\tt\t1/0=t_eval\t-\tthe times\n"
                    "sp.ode\t-\t2/0=t@3\tfull_output\tone row per time\n";
  if (!vl_knowledge_parse_results(&k, (VlArena *)*state, len, err, sizeof err)) fail_msg("%s", err);
  const VlLibResult *ly = vl_knowledge_result(&k, "sp.ivp", "y");
  assert_int_equal(ly->nd, 2);
  assert_int_equal(ly->len_axis, 1);
  assert_string_equal(ly->len_kw, "t_eval");
  assert_int_equal(ly->len_pos, 0);
  assert_ptr_equal(vl_knowledge_result_len(&k, "sp.ivp"), ly);
  const VlLibResult *lo = vl_knowledge_result(&k, "sp.ode", NULL);
  assert_int_equal(lo->len_axis, 0);
  assert_string_equal(lo->len_kw, "t");
  assert_int_equal(lo->len_pos, 3);
  assert_null(vl_knowledge_result_len(&k, "sp.other"));
  assert_int_equal(vl_knowledge_result(&k, "sp.ivp", "t")->len_axis, 0);
}

static const char *results_err(void **state, const char *text) {
  static char err[256];
  VlKnowledge k = {0};
  err[0] = '\0';
  assert_false(vl_knowledge_parse_results(&k, (VlArena *)*state, text, err, sizeof err));
  return err;
}

static void results_reject_bad_rows(void **state) {
  assert_contains(results_err(state, "sp.f\tx\t1\n"), "results.tsv:1: expected 5");
  assert_contains(results_err(state, "sp.f\tx\t1\t-\tok\nsp.g\tx\tone\t-\twhy\n"), "results.tsv:2: ndim");
  assert_contains(results_err(state, "sp.f\tx\t-1\t-\twhy\n"), "ndim");
  assert_contains(results_err(state, "sp.f\tx\t1x\t-\twhy\n"), "ndim");
  assert_contains(results_err(state, "solve\tx\t1\t-\twhy\n"), "qualified name");
  assert_contains(results_err(state, "sp.f\t[x]\t1\t-\twhy\n"), "tuple item");
  assert_contains(results_err(state, "sp.f\t[0\t1\t-\twhy\n"), "tuple item");
  assert_contains(results_err(state, "sp.f\t[0]\t1ii\t-\twhy\n"), "ndim");
  assert_contains(results_err(state, "sp.f\t[0]\t1l\t-\twhy\n"), "ndim"); /* l: only with x-N */
  assert_contains(results_err(state, "sp.f\t[0]\tx-\t-\twhy\n"), "ndim");
  assert_contains(results_err(state, "sp.f\ty\t2/2=t\t-\twhy\n"), "axis A below N");
  assert_contains(results_err(state, "sp.f\ty\t2/1t\t-\twhy\n"), "axis A below N");
  assert_contains(results_err(state, "sp.f\ty\t2/1=\t-\twhy\n"), "argument's name");
  assert_contains(results_err(state, "sp.f\ty\t2/1=t@0\t-\twhy\n"), "positional argument K");
  assert_contains(results_err(state, "sp.f\ty\t2/1=t@3x\t-\twhy\n"), "ndim");
  assert_contains(results_err(state, "sp.f\ty\t2/1=t\t-\twhy\nsp.f\tt\t1/0=u\t-\twhy\n"), "the same argument");
  assert_contains(results_err(state, "sp.f\t-\tx-1+@\t-\twhy\n"), "x-N+@K");
  assert_contains(results_err(state, "sp.f\t-\tx-1+@9\t-\twhy\n"), "x-N+@K");
  assert_contains(results_err(state, "sp.f\t-\t1+@2\t-\twhy\n"), "ndim"); /* +@K: only with x-N */
  assert_contains(results_err(state, "sp.f\t-\tx-1+@2-#\t-\twhy\n"), "x-N+@K-#P");
  assert_contains(results_err(state, "sp.f\t-\tx-1+@2-#9\t-\twhy\n"), "x-N+@K-#P");
  assert_contains(results_err(state, "sp.f\t-\tx-1>=0+@2\t-\twhy\n"), "x-N>=M");
  assert_contains(results_err(state, "sp.f\t-\tx-1>=1\t-\twhy\n"), "before +@K"); /* a floor only with +@K */
  assert_contains(results_err(state, "sp.f\t-\tx-1+@2>=1\t-\twhy\n"), "ndim"); /* the floor comes first */
}

/* ---- the standard library (rules/stdlib.tsv) ---- */

static void stdlib_openers_and_caches(void **state) {
  VlKnowledge k = {0};
  char err[256] = "";
  const char *text = "# kind\tname\tresult\treason\n"
                     "opener\tgzip.open\tfile\twhy\n"
                     "cache\tfunctools.cache\tunbounded\twhy\n"
                     "cache\tfunctools.lru_cache\tmaxsize\twhy\n";
  if (!vl_knowledge_parse_calls(&k, (VlArena *)*state, "stdlib.tsv", text, err, sizeof err)) fail_msg("%s", err);
  assert_int_equal(k.nstdlib, 3);
  assert_non_null(vl_knowledge_stdlib(&k, "opener", "gzip.open"));
  assert_null(vl_knowledge_stdlib(&k, "opener", "gzip.GzipFile"));
  assert_null(vl_knowledge_stdlib(&k, "cache", "gzip.open"));
  /* a decorator by its text: in full, or the bare name imported from its module; no other module's */
  assert_string_equal(vl_knowledge_cache_decorator(&k, "functools.cache")->result, "unbounded");
  assert_string_equal(vl_knowledge_cache_decorator(&k, "cache")->result, "unbounded");
  assert_string_equal(vl_knowledge_cache_decorator(&k, "lru_cache")->result, "maxsize");
  assert_string_equal(vl_knowledge_cache_decorator(&k, "functools.lru_cache")->result, "maxsize");
  assert_null(vl_knowledge_cache_decorator(&k, "memory.cache")); /* joblib's Memory.cache: a disk cache */
  assert_null(vl_knowledge_cache_decorator(&k, "_custom_lru_cache"));
  assert_null(vl_knowledge_cache_decorator(&k, NULL));
}

static const char *stdlib_err(void **state, const char *text) {
  static char err[256];
  VlKnowledge k = {0};
  err[0] = '\0';
  assert_false(vl_knowledge_parse_calls(&k, (VlArena *)*state, "stdlib.tsv", text, err, sizeof err));
  return err;
}

static void stdlib_rejects_bad_rows(void **state) {
  assert_contains(stdlib_err(state, "opener\tio.open\tfile\n"), "stdlib.tsv:1: expected 4");
  assert_contains(stdlib_err(state, "decorator\tfunctools.cache\tunbounded\twhy\n"), "not a kind");
  assert_contains(stdlib_err(state, "opener\tio.open\tstream\twhy\n"), "opener's result is file");
  assert_contains(stdlib_err(state, "cache\tfunctools.cache\tforever\twhy\n"), "unbounded or maxsize");
  /* a pool row: a known pool's method (or pool.*), one of the words of what it does */
  assert_contains(stdlib_err(state, "opener\tio.open\tfile\twhy\npool\tjoblib.Parallel.map\tmap-all\twhy\n"),
                  "stdlib.tsv:2: a pool row names a known pool's method");
  assert_contains(stdlib_err(state, "pool\tmap\tmap-all\twhy\n"), "known pool's method");
  assert_contains(stdlib_err(state, "pool\tmultiprocessing.pool.Pool.map\tmap\twhy\n"), "stdlib.tsv:1: a pool method's result");
}

static void stdlib_pool_methods(void **state) {
  VlKnowledge k = {0};
  char err[256] = "";
  const char *text = "pool\tmultiprocessing.pool.Pool.map\tmap-list\twhy\n"
                     "pool\tmultiprocessing.pool.Pool.*\tunknown\twhy\n"
                     "pool\tconcurrent.futures.ThreadPoolExecutor.submit\tsubmit\twhy\n";
  if (!vl_knowledge_parse_calls(&k, (VlArena *)*state, "stdlib.tsv", text, err, sizeof err)) fail_msg("%s", err);
  assert_int_equal(k.npools, 3);
  int map = vl_knowledge_pool_method(&k, VL_POOL_PROCESS_MP, "map");
  assert_int_equal(map, 0);
  assert_int_equal(k.pools[map].what, VL_POOL_MAP_LIST);
  assert_int_equal(vl_knowledge_pool_method(&k, VL_POOL_PROCESS_MP, "close"), 1); /* its `*` row */
  assert_null(k.pools[1].method);
  assert_int_equal(k.pools[1].what, VL_POOL_UNKNOWN);
  assert_int_equal(k.pools[vl_knowledge_pool_method(&k, VL_POOL_THREAD_EXECUTOR, "submit")].what, VL_POOL_SUBMIT);
  assert_int_equal(vl_knowledge_pool_method(&k, VL_POOL_THREAD_EXECUTOR, "map"), -1); /* no row, no `*` row */
}

/* ---- library calls that call a function over and over (rules/callbacks.tsv) ---- */

static void callbacks_rows(void **state) {
  VlKnowledge k = {0};
  char err[256] = "";
  const char *text = "# kind\tname\twhen\tkeyword\tposition\treason\n"
                     "optimizer\tscipy.optimize.minimize\t-\tcallback\t-\twhy\n"
                     "optimizer\tscipy.optimize.root\tmethod=krylov\tcallback\t-\twhy\n"
                     "operator\tscipy.sparse.linalg.LinearOperator\t-\tmatvec\t1\twhy\n";
  if (!vl_knowledge_parse_callbacks(&k, (VlArena *)*state, text, err, sizeof err)) fail_msg("%s", err);
  assert_int_equal(k.ncallbacks, 3);
  assert_int_equal(k.callbacks[0].kind, VL_CB_OPTIMIZER);
  assert_null(k.callbacks[0].when);
  assert_int_equal(k.callbacks[0].position, -1);
  assert_string_equal(k.callbacks[1].when, "method");
  assert_string_equal(k.callbacks[1].when_value, "krylov");
  assert_string_equal(k.callbacks[2].keyword, "matvec");
  assert_int_equal(k.callbacks[2].position, 1);
  VlCallbackKind kind = VL_CB_OPTIMIZER;
  assert_true(vl_knowledge_callback_call(&k, "scipy.sparse.linalg.LinearOperator", &kind));
  assert_int_equal(kind, VL_CB_OPERATOR);
  assert_false(vl_knowledge_callback_call(&k, "scipy.optimize.minimize_scalar", &kind));
}

static const char *callbacks_err(void **state, const char *text) {
  static char err[256];
  VlKnowledge k = {0};
  err[0] = '\0';
  assert_false(vl_knowledge_parse_callbacks(&k, (VlArena *)*state, text, err, sizeof err));
  return err;
}

static void callbacks_reject_bad_rows(void **state) {
  assert_contains(callbacks_err(state, "optimizer\tscipy.optimize.minimize\t-\tcallback\t-\n"), "callbacks.tsv:1: expected 6");
  assert_contains(callbacks_err(state, "optimizer\tscipy.optimize.minimize\t-\tcallback\t-\twhy\n"
                                       "hook\tscipy.optimize.minimize\t-\tcallback\t-\twhy\n"),
                  "callbacks.tsv:2: kind is optimizer or operator");
  assert_contains(callbacks_err(state, "optimizer\tminimize\t-\tcallback\t-\twhy\n"), "qualified name");
  assert_contains(callbacks_err(state, "optimizer\tscipy.optimize.root\tmethod\tcallback\t-\twhy\n"), "keyword=string");
  assert_contains(callbacks_err(state, "optimizer\tscipy.optimize.root\tmethod=\tcallback\t-\twhy\n"), "keyword=string");
  assert_contains(callbacks_err(state, "operator\tscipy.sparse.linalg.LinearOperator\t-\tmatvec\tone\twhy\n"), "position");
  assert_contains(callbacks_err(state, "operator\tscipy.sparse.linalg.LinearOperator\t-\tmatvec\t-1\twhy\n"), "position");
}

static void embedded_callbacks_and_pools(void **state) {
  VlKnowledge k;
  char err[256] = "";
  if (!vl_knowledge_load(&k, (VlArena *)*state, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  VlCallbackKind kind;
  static const char *const optimizers[] = {"scipy.optimize.minimize", "scipy.optimize.basinhopping",
                                           "scipy.optimize.newton_krylov", "scipy.optimize.root"};
  for (size_t i = 0; i < sizeof optimizers / sizeof *optimizers; i++) {
    assert_true(vl_knowledge_callback_call(&k, optimizers[i], &kind));
    assert_int_equal(kind, VL_CB_OPTIMIZER);
  }
  assert_true(vl_knowledge_callback_call(&k, "scipy.sparse.linalg.LinearOperator", &kind));
  assert_int_equal(kind, VL_CB_OPERATOR);
  /* every pool has its methods; a process pool's others are unknown */
  assert_int_equal(k.pools[vl_knowledge_pool_method(&k, VL_POOL_THREAD_MP, "imap")].what, VL_POOL_MAP_ONE);
  assert_int_equal(k.pools[vl_knowledge_pool_method(&k, VL_POOL_PROCESS_MP, "starmap")].what, VL_POOL_STARMAP_LIST);
  assert_int_equal(k.pools[vl_knowledge_pool_method(&k, VL_POOL_PROCESS_EXECUTOR, "shutdown")].what, VL_POOL_UNKNOWN);
  assert_int_equal(vl_knowledge_pool_method(&k, VL_POOL_THREAD_EXECUTOR, "shutdown"), -1);
}

static void embedded_stdlib(void **state) {
  VlKnowledge k;
  char err[256] = "";
  if (!vl_knowledge_load(&k, (VlArena *)*state, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  static const char *const openers[] = {"io.open", "gzip.open", "bz2.open", "lzma.open", "codecs.open"};
  for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) assert_non_null(vl_knowledge_stdlib(&k, "opener", openers[i]));
  assert_string_equal(vl_knowledge_cache_decorator(&k, "functools.cache")->result, "unbounded");
  assert_string_equal(vl_knowledge_cache_decorator(&k, "lru_cache")->result, "maxsize");
}

static void embedded_results(void **state) {
  VlKnowledge k;
  char err[256] = "";
  if (!vl_knowledge_load(&k, (VlArena *)*state, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  assert_int_equal(vl_knowledge_result(&k, "scipy.integrate.solve_ivp", "y")->nd, 2);
  assert_int_equal(vl_knowledge_result(&k, "scipy.optimize.least_squares", "jac")->nd, 2);
  assert_string_equal(vl_knowledge_result(&k, "scipy.integrate.odeint", NULL)->unless, "full_output");
  assert_null(vl_knowledge_result(&k, "scipy.optimize.minimize", NULL));
  assert_true(vl_knowledge_result_item(&k, "scipy.optimize.linear_sum_assignment", 0)->ints);
}

/* ---- pandas and PIL calls (rules/pandas.tsv, rules/pil.tsv) ---- */

static void calls_parse(void **state) {
  VlKnowledge k = {0};
  char err[256] = "";
  const char *pandas = "# comment\n"
                       "pandas\tread_csv\tDataFrame\tnew\n"
                       "frame\thead\tsame\tshares\n"
                       "DataFrame\t[column]\tSeries\tshares\n";
  if (!vl_knowledge_parse_calls(&k, (VlArena *)*state, "pandas.tsv", pandas, err, sizeof err)) fail_msg("%s", err);
  assert_int_equal(k.npandas, 3);
  assert_string_equal(vl_knowledge_pandas(&k, "pandas", "read_csv")->detail, "new");
  assert_string_equal(vl_knowledge_pandas(&k, "DataFrame", "[column]")->result, "Series");
  assert_null(vl_knowledge_pandas(&k, "frame", "[column]")); /* rows of one receiver kind only */
  assert_null(vl_knowledge_pandas(&k, "pandas", "head"));
  const char *pil = "mode\tRGB\t3\t3\nmode\tL\t2\t-\nmethod\tcrop\timage\tsame\n";
  if (!vl_knowledge_parse_calls(&k, (VlArena *)*state, "pil.tsv", pil, err, sizeof err)) fail_msg("%s", err);
  assert_int_equal(k.npil, 3);
  assert_string_equal(vl_knowledge_pil(&k, "mode", "RGB")->detail, "3");
  assert_null(vl_knowledge_pil(&k, "function", "crop"));
  assert_int_equal(k.npandas, 3); /* each table its own rows */
}

static const char *calls_err(void **state, const char *file, const char *text) {
  static char err[256];
  VlKnowledge k = {0};
  err[0] = '\0';
  assert_false(vl_knowledge_parse_calls(&k, (VlArena *)*state, file, text, err, sizeof err));
  return err;
}

static void calls_reject_bad_rows(void **state) {
  assert_contains(calls_err(state, "pandas.tsv", "pandas\tread_csv\tDataFrame\n"), "pandas.tsv:1: expected 4");
  assert_contains(calls_err(state, "pandas.tsv", "pandas\tread_csv\tDataFrame\tfresh\n"), "memory");
  assert_contains(calls_err(state, "pandas.tsv", "series\thead\tsame\tshares\n"), "not a kind");
  assert_contains(calls_err(state, "pil.tsv", "mode\tRGB\t4\t3\n"), "pil.tsv:1: the ndim of a mode");
  assert_contains(calls_err(state, "pil.tsv", "image\tcrop\timage\tsame\n"), "not a kind");
}

static void embedded_calls(void **state) {
  VlKnowledge k;
  char err[256] = "";
  if (!vl_knowledge_load(&k, (VlArena *)*state, err, sizeof err)) fail_msg("vl_knowledge_load: %s", err);
  assert_string_equal(vl_knowledge_pandas(&k, "pandas", "read_csv")->detail, "new");
  assert_string_equal(vl_knowledge_pandas(&k, "frame", "to_numpy")->result, "ndarray");
  assert_string_equal(vl_knowledge_pil(&k, "mode", "RGBA")->detail, "4");
  assert_string_equal(vl_knowledge_pil(&k, "function", "PIL.Image.new")->detail, "arg");
}

int main(void) {
#define T(f) cmocka_unit_test_setup_teardown(f, arena_setup, arena_teardown)
  const struct CMUnitTest tests[] = {
      T(each_effect),
      T(chained_conditions),
      T(descriptors_parse),
      T(descriptors_reject_bad_rows),
      T(repeated_rows_are_errors),
      T(lib_to_tag),
      T(many_rows_are_found),
      T(embedded_descriptors),
      T(results_parse),
      T(results_reject_bad_rows),
      T(embedded_results),
      T(calls_parse),
      T(calls_reject_bad_rows),
      T(embedded_calls),
      T(each_ndim_rule),
      T(kinds_are_separate),
      T(conditions),
      T(params),
      T(items_tag),
      T(trail_tag),
      T(comments_blank_lines_crlf),
      T(empty_table),
      T(error_unknown_effect),
      T(error_unknown_ndim),
      T(error_negative_ndim),
      T(error_unknown_kind),
      T(error_condition_on_undeclared_parameter),
      T(error_shape_of_undeclared_parameter),
      T(error_subscripts_of_undeclared_parameter),
      T(error_ndim_of_undeclared_parameter),
      T(square_tag),
      T(error_bad_parameter),
      T(error_too_few_columns),
      T(error_too_few_columns_quotes_the_line),
      T(embedded_tables_load),
      T(stdlib_openers_and_caches),
      T(stdlib_rejects_bad_rows),
      T(stdlib_pool_methods),
      T(callbacks_rows),
      T(callbacks_reject_bad_rows),
      T(embedded_callbacks_and_pools),
      T(embedded_stdlib),
      T(embedded_numpy_facts),
  };
#undef T
  return cmocka_run_group_tests(tests, NULL, NULL);
}
