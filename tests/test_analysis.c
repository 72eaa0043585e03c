/* test_analysis.c: the abstract interpreter (src/flow/) on small programs: ndim inference, integers,
 * views and copies, containers holding views, import forms, summaries of helpers and methods, and
 * the loop facts behind the retention hits.  Ported from the old evaluator's tests (test_eval.c,
 * test_loops.c, test_imports.c): same snippets where they still make sense, with assertions on the
 * new engine's values (flattened by testlib.h) and hits.  Facts from docs/semantics.md. */
#include "testlib.h"

/* ---- helpers ---- */

static TlFile *cur; /* the file the helpers below read (the last one analysed through them) */

static TlFile *analyse(void **state, const char *text) { return cur = tl_analyse(state, text); }

/* The only possibility of a value. */
static const TlObj *only(const TlVal *v) {
  if (v->n != 1) fail_msg("%d possibilities, expected 1", v->n);
  return &v->objs[0];
}

static const TlVal *local(const char *func, const char *name) { return tl_local_in(cur, func, name); }

/* A view of what local `base` of f holds. */
static void view_of(const TlVal *v, const char *base) { tl_assert_view_of(v, local("f", base), false); }
static void partial_view_of(const TlVal *v, const char *base) { tl_assert_view_of(v, local("f", base), true); }

static void not_view(const TlVal *v, const char *what) {
  if (tl_has_view(v)) fail_msg("%s: a view, expected none", what);
}

/* Every array possibility's ndim range starts at `lo` or above. */
static void ndim_at_least(const TlVal *v, int lo) {
  assert_true(tl_count(v, VL_O_ARRAY) > 0);
  for (int i = 0; i < v->n; i++)
    if (v->objs[i].kind == VL_O_ARRAY && v->objs[i].nd.lo < lo) fail_msg("ndim lo %d, expected >= %d", v->objs[i].nd.lo, lo);
}

static void ndim_unknown(const TlVal *v) {
  assert_true(tl_count(v, VL_O_ARRAY) > 0);
  for (int i = 0; i < v->n; i++)
    if (v->objs[i].kind == VL_O_ARRAY) assert_false(vl_nd_known(v->objs[i].nd));
}

static void is_lib(const TlVal *v, const char *qualified) {
  const TlObj *o = only(v);
  assert_int_equal(o->kind, VL_O_LIB);
  assert_string_equal(o->name, qualified);
}

/* No possibility is an array of that library (or any array when lib is 0). */
static void no_array(const TlVal *v, uint8_t lib) {
  for (int i = 0; i < v->n; i++)
    if (v->objs[i].kind == VL_O_ARRAY && (!lib || v->objs[i].lib == lib)) fail_msg("an array (lib %d)", v->objs[i].lib);
}

/* The hit at the stored expression `text`, of that kind. */
static const VlHit *hit(const TlFile *f, const char *text, VlHitKind kind) {
  const VlHit *h = tl_hit(f, text);
  if (!h) fail_msg("no hit at `%s` (%d hits, first at `%s`)", text, f->nhits, f->nhits ? f->hits[0].text : "");
  assert_int_equal(h->kind, kind);
  return h;
}

static void no_hits(const TlFile *f) {
  if (f->nhits) fail_msg("%d hits, expected none (first at `%s`)", f->nhits, f->hits[0].text ? f->hits[0].text : "?");
}

/* ---- ndim inference ---- */

/* torch.unbind's pieces have one axis fewer (the table's `same-1`, measured); np.split's keep theirs */
static void ndim_unbind_pieces(void **state) {
  analyse(state,
          "import torch\nimport numpy as np\n"
          "def f():\n"
          "    out = torch.rand(4, 100, 24)\n"
          "    for image_out in out.unbind(0):\n"
          "        pass\n"
          "    for piece in np.split(np.zeros((4, 100, 24)), 2):\n"
          "        pass\n");
  tl_assert_ndim(local("f", "image_out"), 2);
  tl_assert_ndim(local("f", "piece"), 3);
}

static void ndim_randn_args(void **state) {
  analyse(state, "import numpy as np\ndef f():\n    data = np.random.randn(500, 32, 32, 3)\n");
  const TlObj *o = only(local("f", "data"));
  tl_assert_ndim(local("f", "data"), 4);
  assert_int_equal(o->kind, VL_O_ARRAY);
  assert_false(o->view); /* the name holds the array itself */
  assert_int_equal(o->lib, VL_LIBID_NUMPY);
  assert_int_equal(o->site_kind, VL_SITE_NEW);
  assert_int_equal(o->site_how, VL_HOW_PRODUCER);
  /* a literal shape: sizes for messages */
  assert_int_equal(o->ndims, 4);
  assert_int_equal(o->dims[0], 500);
  assert_int_equal(o->dims[3], 3);
}

static void ndim_zeros_literal_int(void **state) {
  analyse(state, "import numpy as np\ndef f():\n    b = np.zeros(10)\n    c = np.ones(shape=7)\n");
  tl_assert_ndim(local("f", "b"), 1);
  tl_assert_ndim(local("f", "c"), 1);
  assert_int_equal(only(local("f", "b"))->dims[0], 10);
}

static void ndim_zeros_int_variable(void **state) {
  /* a shape argument known to be an int by its value (n = len(xs)) makes a 1-D array, as the
   * table documents (shape(P): int -> 1) */
  analyse(state,
          "import numpy as np\n"
          "def f(xs):\n"
          "    n = len(xs)\n"
          "    a = np.zeros(n)\n"
          "    c = np.ones(shape=n)\n");
  tl_assert_only(local("f", "n"), VL_O_INT);
  tl_assert_ndim(local("f", "a"), 1);
  tl_assert_ndim(local("f", "c"), 1);
}

static void ndim_zeros_tuple(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n, m):\n"
          "    a = np.zeros((n, m))\n"
          "    b = np.empty([n, m, 3])\n"
          "    c = np.zeros(())\n");
  tl_assert_ndim(local("f", "a"), 2);
  tl_assert_ndim(local("f", "b"), 3);
  tl_assert_ndim(local("f", "c"), 0);
}

static void ndim_unknown_shape_argument(void **state) {
  /* n is a parameter: it may be a tuple, so nothing is known */
  analyse(state, "import numpy as np\ndef f(n):\n    a = np.zeros(n)\n");
  ndim_unknown(local("f", "a"));
}

/* Integer arithmetic on known constants is computed: sizes written `256 * 1024`, `2 ** 18` or
 * `N // 2 + 1` of a module constant are known dims (and a batch axis of size 1 is seen as one). */
static void constant_int_arithmetic(void **state) {
  analyse(state,
          "import numpy as np\n"
          "N = 2048\n"
          "def f(k):\n"
          "    a = np.zeros((1, 256 * 1024))\n"
          "    b = np.zeros(2 ** 18)\n"
          "    c = np.zeros((N // 2 + 1, 7 % 4, 1 << 3))\n"
          "    d = np.zeros((k * 4, 3))\n"
          "    e = np.zeros(2 ** 40)\n");
  assert_int_equal(only(local("f", "a"))->dims[0], 1);
  assert_int_equal(only(local("f", "a"))->dims[1], 262144);
  assert_int_equal(only(local("f", "b"))->dims[0], 262144);
  assert_int_equal(only(local("f", "c"))->dims[0], 1025);
  assert_int_equal(only(local("f", "c"))->dims[1], 3);
  assert_int_equal(only(local("f", "c"))->dims[2], 8);
  assert_int_equal(only(local("f", "d"))->dims[0], 0); /* a parameter: not known */
  assert_int_equal(only(local("f", "e"))->dims[0], 0); /* beyond what a known int holds */
}

/* np.eye(n) and np.identity(n) are n x n, np.eye(n, m) n x m (M=None: n x n), torch.eye likewise
 * (the table's square= tag): a pose's `pose[:3]` of np.identity(4) shows three quarters of it */
static void square_producers(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import torch\n"
          "def f(k):\n"
          "    a = np.identity(4)\n"
          "    b = np.eye(3, 5)\n"
          "    c = np.eye(6, M=None, dtype=np.float32)\n"
          "    d = torch.eye(4, 7)\n"
          "    e = np.eye(k)\n"
          "    g = np.tri(3, k)\n");
  assert_int_equal(only(local("f", "a"))->dims[0], 4);
  assert_int_equal(only(local("f", "a"))->dims[1], 4);
  assert_int_equal(only(local("f", "b"))->dims[0], 3);
  assert_int_equal(only(local("f", "b"))->dims[1], 5);
  assert_int_equal(only(local("f", "c"))->dims[1], 6);
  assert_int_equal(only(local("f", "d"))->dims[0], 4);
  assert_int_equal(only(local("f", "d"))->dims[1], 7);
  assert_int_equal(only(local("f", "e"))->dims[0], 0); /* a parameter: not known */
  assert_int_equal(only(local("f", "g"))->dims[0], 0);
  tl_assert_ndim(local("f", "g"), 2);
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    poses, rows = [], []\n"
          "    for _ in range(n):\n"
          "        pose = np.identity(4)\n"
          "        poses.append(pose[:3])\n"
          "        big = np.eye(400)\n"
          "        rows.append(big[:3])\n"
          "    return poses, rows\n");
  assert_null(tl_hit(cur, "pose[:3]"));
  assert_non_null(tl_hit(cur, "big[:3]"));
}

/* t.flatten(1) and x.view(x.size(0), -1) of a batch of one keep its unit batch axis (the rows
 * after it are joined): keeping row 0 keeps it all.  flatten() and flatten(k, e) say nothing. */
static void unit_batch_through_flatten(void **state) {
  analyse(state,
          "import torch\n"
          "def f():\n"
          "    x = torch.rand(1, 8, 4, 4)\n"
          "    a = x.flatten(1)\n"
          "    b = torch.flatten(x, 1)\n"
          "    c = x.view(x.size(0), -1)\n"
          "    d = x.reshape(x.shape[0], -1)\n"
          "    e = x.flatten()\n"
          "    g = x.flatten(1, 2)\n"
          "    y = torch.rand(4, 8, 4, 4)\n"
          "    h = y.view(y.size(0), -1)\n");
  const char *kept[] = {"a", "b", "c", "d"};
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) assert_int_equal(only(local("f", kept[i]))->units & 1, 1);
  tl_assert_ndim(local("f", "a"), 2);
  tl_assert_ndim(local("f", "b"), 2);
  tl_assert_ndim(local("f", "e"), 1);
  assert_int_equal(only(local("f", "e"))->units, 0);
  assert_int_equal(only(local("f", "h"))->units, 0);
  ndim_unknown(local("f", "g")); /* end_dim given: not k + 1 */
}

/* A stack or concatenation of a display keeps the unit axes its items share (a stack's new axis moves
 * those after it back; a concatenation's axis is no unit one for two items), and needs its axis as a
 * literal (hstack, or a dim counted from the end of an unknown ndim, say nothing).  An array whose ndim
 * an unknown operand left open is taken to broadcast with one of known ndim, as the operand is; a
 * parameter annotated `float` or `int` is a number, so `v0 * t` keeps v0's ndim. */
static void unit_axes_through_joins(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import torch\n"
          "def f(n, w, t: float):\n"
          "    a = torch.rand(1, 8, 4)\n"
          "    b = torch.rand(1, 8, 4)\n"
          "    s = torch.stack((a, b), dim=2)\n"
          "    c = torch.cat((a, b), dim=2)\n"
          "    d = torch.cat((a, b), dim=0)\n"
          "    e = torch.cat((a, b))\n"
          "    g = np.concatenate([np.zeros((1, 5)), np.ones((1, 3))], axis=1)\n"
          "    h = np.hstack([np.zeros((1, 5)), np.ones((1, 3))])\n"
          "    k = torch.arange(4) / n\n"
          "    m = a / k\n"
          "    p = a * t\n"
          "    q = a * w\n");
  const char *unit[] = {"s", "c", "g", "m", "p", "q"};
  for (size_t i = 0; i < sizeof unit / sizeof *unit; i++) assert_int_equal(only(local("f", unit[i]))->units & 1, 1);
  assert_int_equal(only(local("f", "s"))->units & 4, 0); /* the new axis holds the two items */
  assert_int_equal(only(local("f", "d"))->units, 0);
  assert_int_equal(only(local("f", "e"))->units, 0);
  assert_int_equal(only(local("f", "h"))->units, 0);
  tl_assert_ndim(local("f", "p"), 3);
  ndim_unknown(local("f", "q"));
}

/* An array made from a PIL image has the axes its mode gives: 2 for "L", 3 for "RGB" (3 channels)
 * and for a mode not known (at most 4 channels, ops.c: pil_array).  A slice of the channels with
 * every other axis whole shows most of it (shows_most: 3 of at most 4), also through astype,
 * arithmetic and torch.from_numpy, and of torchvision's (C, H, W) tensors; a crop, a strip of columns or a grayscale image's columns
 * show a part. */
static void pil_image_channels(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import torch\n"
          "import torchvision.transforms.functional as TF\n"
          "from PIL import Image\n"
          "def f(p):\n"
          "    with Image.open(p) as im:\n"
          "        a = np.array(im)\n"
          "    rgb = np.asarray(Image.open(p).convert('RGB'))\n"
          "    gray = np.array(Image.open(p).convert('L'))\n"
          "    c = a[..., :3]\n"
          "    d = a[:, :, 3]\n"
          "    e = a[10:20, 10:20]\n"
          "    g = rgb[..., 1:]\n"
          "    h = rgb[:, :5]\n"
          "    k = gray[..., :3]\n"
          "    m = torch.from_numpy(a.astype(np.float32) / 255.0)[:, :, :3]\n"
          "    n = torch.from_numpy(a)[:8]\n"
          "    q = np.asarray(Image.new('RGBA', (4, 4)).resize((8, 8)))[..., :3]\n"
          "    r = TF.to_tensor(Image.open(p))[:3]\n"
          "    s = TF.pil_to_tensor(Image.open(p).convert('L'))[0]\n"
          "    u = TF.to_tensor(Image.open(p))[:, :8]\n");
  tl_assert_ndim(local("f", "rgb"), 3);
  tl_assert_ndim(local("f", "gray"), 2);
  assert_int_equal(only(local("f", "a"))->nd.lo, 2);
  assert_int_equal(only(local("f", "a"))->nd.hi, 3);
  assert_int_equal(only(local("f", "rgb"))->dims[2], 3);
  const char *most[] = {"c", "d", "g", "m", "q", "r", "s"};
  for (size_t i = 0; i < sizeof most / sizeof *most; i++) {
    assert_true(only(local("f", most[i]))->view);
    assert_false(only(local("f", most[i]))->partial);
  }
  const char *part[] = {"e", "h", "k", "n", "u"};
  for (size_t i = 0; i < sizeof part / sizeof *part; i++) assert_true(only(local("f", part[i]))->partial);
}

/* `if x is None` / `is not None` runs one branch when x's value decides it: None, or only kinds that
 * are never None; an opaque value keeps both.  A helper testing a parameter so is analysed again for
 * a call that decides it (passed, or left to a None default). */
static void none_tests_decided(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def pick(h, pool=None):\n"
          "    if pool is None:\n"
          "        return h[:, 0]\n"
          "    return h.mean(1)\n"
          "def f(opaque):\n"
          "    a = None\n"
          "    if a is None:\n"
          "        b = np.zeros(3)\n"
          "    else:\n"
          "        b = [1]\n"
          "    c = 5\n"
          "    if c is not None:\n"
          "        d = np.zeros((2, 2))\n"
          "    else:\n"
          "        d = [1]\n"
          "    if opaque is None:\n"
          "        e = np.zeros(3)\n"
          "    else:\n"
          "        e = [1]\n"
          "    h = np.zeros((4, 5))\n"
          "    g = pick(h)\n");
  assert_int_equal(local("f", "b")->n, 1);
  tl_assert_ndim(local("f", "b"), 1);
  assert_int_equal(local("f", "d")->n, 1);
  tl_assert_ndim(local("f", "d"), 2);
  assert_int_equal(local("f", "e")->n, 2); /* a parameter: either */
  assert_int_equal(local("f", "g")->n, 1);
  assert_true(only(local("f", "g"))->view);
  /* (a call passing pool='mean' is checked by fixtures/vl002/neg_none_default_decides_copy_branch.py) */
}

/* A parameter a call does not pass is its literal default (VlParamInfo.dflt), where the callee's
 * result depends on it through an operation the caller resolves (rng.normal(size=size) on the rng
 * passed): an int default makes a 1-D array, None a float, a tuple of k ints a k-D array; a default
 * that is not a literal, and a call that may pass the parameter through **kwargs, leave it unknown. */
static void ndim_parameter_defaults(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def draw(rng, size=None):\n"
          "    return rng.normal(size=size)\n"
          "def row(rng, size=5):\n"
          "    return rng.normal(size=size)\n"
          "def other(rng, size=len('abc')):\n"
          "    return rng.normal(size=size)\n"
          "def make(n=7):\n"
          "    return np.zeros(n)\n"
          "def block(rng, size=(2, 3, 4)):\n"
          "    return rng.normal(size=size)\n"
          "def mixed(rng, size=(2, None)):\n"
          "    return rng.normal(size=size)\n"
          "def f(kw):\n"
          "    rng = np.random.default_rng(0)\n"
          "    c = draw(rng)\n"
          "    d = draw(rng, 4)\n"
          "    e = row(rng)\n"
          "    g = row(rng, size=(2, 3))\n"
          "    h = other(rng)\n"
          "    k = row(rng, **kw)\n"
          "    a = make()\n"
          "    b = make((2, 3))\n"
          "    t = block(rng)\n"
          "    u = mixed(rng)\n");
  no_array(local("f", "c"), 0); /* size=None: one float */
  tl_assert_ndim(local("f", "d"), 1);
  tl_assert_ndim(local("f", "e"), 1);
  tl_assert_ndim(local("f", "g"), 2);
  ndim_unknown(local("f", "h")); /* not a literal: evaluated once, when the def runs */
  ndim_unknown(local("f", "k")); /* **kw may pass size */
  /* np.zeros(n) on a parameter: analysed again for the size a call passes or leaves to its default */
  tl_assert_ndim(local("f", "a"), 1);
  assert_int_equal(only(local("f", "a"))->dims[0], 7);
  tl_assert_ndim(local("f", "b"), 2);
  /* a tuple of int literals: that many ints (their values not kept); a tuple of anything else is
   * not a literal */
  tl_assert_ndim(local("f", "t"), 3);
  ndim_unknown(local("f", "u"));
}

/* NumPy's conversion of Python data: a list of k-D arrays is (k+1)-D, of numbers 1-D, of lists of
 * numbers 2-D; a display of k items, or a tuple of k known items, has k rows; a list filled in a loop
 * has an unknown count, and an empty one an unknown ndim. */
static void ndim_array_of_python_data(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def pair(x):\n"
          "    return x.mean(axis=0), x.std(axis=0)\n"
          "def f(n):\n"
          "    rows = []\n"
          "    for _ in range(n):\n"
          "        rows.append(np.zeros(5))\n"
          "    a = np.array(rows)\n"
          "    b = np.array([1.0, 2.0, 3.0])\n"
          "    c = np.array([[1, 2], [3, 4], [5, 6]])\n"
          "    d = np.array([np.zeros(5), np.ones(5)])\n"
          "    e = np.array(pair(np.zeros((4, 5))))\n"
          "    g = np.array([])\n"
          "    h = np.stack([np.zeros(5), np.ones(5)])\n");
  tl_assert_ndim(local("f", "a"), 2);
  assert_int_equal(only(local("f", "a"))->dims[0], 0); /* not known */
  tl_assert_ndim(local("f", "b"), 1);
  tl_assert_ndim(local("f", "c"), 2);
  assert_int_equal(only(local("f", "c"))->dims[0], 3);
  tl_assert_ndim(local("f", "d"), 2);
  assert_int_equal(only(local("f", "d"))->dims[0], 2);
  tl_assert_ndim(local("f", "e"), 2);
  assert_int_equal(only(local("f", "e"))->dims[0], 2);
  ndim_unknown(local("f", "g"));
  assert_int_equal(only(local("f", "h"))->dims[0], 2);
}

static void ndim_rng_methods(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n, m):\n"
          "    rng = np.random.default_rng(0)\n"
          "    a = rng.standard_normal((n, m))\n"
          "    b = rng.random(size=(n, m, 2))\n"
          "    c = rng.normal(0, 1, (n, 4))\n"
          "    d = rng.integers(0, n, size=(3, 4))\n"
          "    e = rng.integers(0, n)\n");
  tl_assert_only(local("f", "rng"), VL_O_RNG);
  tl_assert_ndim(local("f", "a"), 2);
  tl_assert_ndim(local("f", "b"), 3);
  tl_assert_ndim(local("f", "c"), 2); /* size by position */
  tl_assert_ndim(local("f", "d"), 2);
  tl_assert_only(local("f", "e"), VL_O_INT);
}

static void partial_shapes_keep_known_sizes(void **state) {
  /* sizes known beside one that is not (a parameter's): kept, 0 for the unknown one; carried through
   * rows picked by a 1-D index, a concatenation of a display and an elementwise broadcast */
  analyse(state,
          "import numpy as np\n"
          "def f(n, keys):\n"
          "    a = np.random.random((n, 6))\n"
          "    order = np.lexsort((a[:, 4], a[:, 5]))\n"
          "    b = a[order]\n"
          "    c = np.concatenate([a, np.zeros((n, 2))], axis=1)\n"
          "    d = np.concatenate([a, a], axis=0)\n"
          "    e = np.zeros((n, 4)) + np.round(np.ones((n, 4)))\n"
          "    _, first = np.unique(keys, return_index=True)\n"
          "    g = np.random.random((n, n))\n");
  const TlObj *a = only(local("f", "a"));
  assert_int_equal(a->ndims, 2);
  assert_int_equal(a->dims[0], 0);
  assert_int_equal(a->dims[1], 6);
  tl_assert_ndim(local("f", "order"), 1);
  assert_int_equal(only(local("f", "b"))->dims[1], 6);
  assert_int_equal(only(local("f", "c"))->dims[1], 8);
  assert_int_equal(only(local("f", "d"))->dims[0], 0); /* (n + n: not known) */
  assert_int_equal(only(local("f", "d"))->dims[1], 6);
  assert_int_equal(only(local("f", "e"))->dims[1], 4); /* (np.round keeps no sizes) */
  tl_assert_ndim(local("f", "first"), 1);
  assert_int_equal(only(local("f", "g"))->ndims, 0); /* no size known: no shape */
}

static void matmul_shapes_rows_and_columns(void **state) {
  /* a matrix product's sizes: rows from the left, columns from the right, a vector side dropping its
   * axis; np.r_ of 1-D items is 1-D; x.shape has as many sizes as x has axes */
  analyse(state,
          "import numpy as np\n"
          "def f(m, n):\n"
          "    F = np.eye(8)\n"
          "    H = np.eye(4, 8)\n"
          "    x = np.r_[m, np.zeros(4)]\n"
          "    y = F @ x\n"
          "    K = F @ H.T\n"
          "    P = F @ np.ones((8, 3))\n"
          "    g = K @ np.ones(4)\n"
          "    s = x + g\n"
          "    v = np.ones(8) @ F\n"
          "    u = np.ones(8) @ x\n"
          "    w = F @ np.random.rand(n, 8, 3)\n"
          "    big = np.random.rand(6, 5)\n"
          "    z = np.random.normal(0, 1, big.shape)\n");
  tl_assert_ndim(local("f", "x"), 1);
  const TlObj *y = only(local("f", "y"));
  assert_int_equal(y->ndims, 1);
  assert_int_equal(y->dims[0], 8);
  const TlObj *k = only(local("f", "K"));
  assert_int_equal(k->ndims, 2);
  assert_int_equal(k->dims[0], 8);
  assert_int_equal(k->dims[1], 0); /* (H.T: a view whose own sizes are not known) */
  const TlObj *p = only(local("f", "P"));
  assert_int_equal(p->dims[0], 8);
  assert_int_equal(p->dims[1], 3);
  assert_int_equal(only(local("f", "g"))->dims[0], 8);
  assert_int_equal(only(local("f", "s"))->dims[0], 8);
  assert_int_equal(only(local("f", "v"))->dims[0], 8);
  tl_assert_ndim(local("f", "u"), 0);
  const TlObj *w = only(local("f", "w"));
  assert_int_equal(w->ndims, 3);
  assert_int_equal(w->dims[0], 0); /* (a stacked axis: not known) */
  assert_int_equal(w->dims[1], 8);
  assert_int_equal(w->dims[2], 3);
  tl_assert_ndim(local("f", "z"), 2);
}

static void kalman_state_head_of_known_length(void **state) {
  /* the head of an 8-entry state rebound through F @ x and x + K @ (z - H @ x) shows half of it: no
   * part; the same head of a 512-entry state is; an operand of unknown sizes leaves the product's
   * unknown, on every pass of the loop */
  analyse(state,
          "import numpy as np\n"
          "def small(zs, m):\n"
          "    F = np.eye(8)\n"
          "    H = np.eye(4, 8)\n"
          "    x = np.r_[m, np.zeros(4)]\n"
          "    P = np.eye(8)\n"
          "    heads = []\n"
          "    for z in np.asarray(zs).reshape(-1, 4):\n"
          "        x = F @ x\n"
          "        S = H @ P @ H.T + np.eye(4)\n"
          "        K = P @ H.T @ np.linalg.inv(S)\n"
          "        x = x + K @ (z - H @ x)\n"
          "        heads.append(x[:4])\n"
          "    return heads\n"
          "def large(zs):\n"
          "    F = np.eye(512)\n"
          "    y = np.zeros(512)\n"
          "    heads = []\n"
          "    for z in np.asarray(zs).reshape(-1, 512):\n"
          "        y = F @ y + z\n"
          "        heads.append(y[:4])\n"
          "    return heads\n"
          "def unknown(zs, G):\n"
          "    u = np.zeros(8)\n"
          "    heads = []\n"
          "    for z in np.asarray(zs).reshape(-1, 8):\n"
          "        u = G @ u + z\n"
          "        heads.append(u[:4])\n"
          "    return heads\n");
  assert_null(tl_hit(cur, "x[:4]"));
  assert_non_null(tl_hit(cur, "y[:4]"));
  assert_non_null(tl_hit(cur, "u[:4]"));
}

static void exact_eighth_is_a_part(void **state) {
  /* a view showing exactly an eighth of its base pins more than 8 times what it shows (the base's own
   * header besides): the oracle finds a row of each new (8, 1000) array kept a leak */
  analyse(state,
          "import numpy as np\n"
          "def run():\n"
          "    kept = []\n"
          "    for _ in range(100):\n"
          "        a = np.random.rand(8, 1000)\n"
          "        kept.append(a[0])\n"
          "    return kept\n");
  assert_non_null(tl_hit(cur, "a[0]"));
}

static void one_field_two_paths_of_one_base(void **state) {
  /* a field holding views of one base on two paths (the product's sizes known on the first pass of the
   * loop only) is one field, not two pieces of the array: still reported */
  analyse(state,
          "import types\n"
          "import numpy as np\n"
          "def run():\n"
          "    w = np.random.rand(64, 4000)\n"
          "    h = np.random.rand(8, 64)\n"
          "    trace = []\n"
          "    for step in range(60):\n"
          "        logits = h @ w\n"
          "        state = types.SimpleNamespace(step=step)\n"
          "        state.last = logits[:, -100:]\n"
          "        trace.append(state)\n"
          "        h = np.tanh(h + 0.01 * step)\n"
          "    return trace\n");
  assert_non_null(tl_hit(cur, "state"));
}

static void assignment_rows_into_track_records(void **state) {
  /* scipy.optimize.linear_sum_assignment gives two 1-D integer arrays as long as the cost matrix's
   * shorter side: iterating them gives ints, a slice of them is no part; a row stored into a container
   * a record holds, the record kept in a list that outlives the loop, is reported at that store once */
  analyse(state,
          "import numpy as np\n"
          "from scipy.optimize import linear_sum_assignment\n"
          "def f(n):\n"
          "    tracks = []\n"
          "    heads = []\n"
          "    for frame in range(n):\n"
          "        dets = np.random.random((n, 6))\n"
          "        rows, cols = linear_sum_assignment(np.zeros((4, n)))\n"
          "        heads.append(cols[:2])\n"
          "        for r, c in zip(rows, cols):\n"
          "            tracks[r]['history'][frame] = dets[c]\n"
          "        tracks.append({'id': frame, 'history': {}})\n"
          "    return tracks, heads\n");
  tl_assert_ndim(local("f", "rows"), 1);
  tl_assert_only(local("f", "c"), VL_O_INT);
  assert_non_null(tl_hit(cur, "dets[c]"));
  assert_null(tl_hit(cur, "cols[:2]"));
  assert_int_equal(cur->nhits, 1);
}

static void unravel_index_ints_of_an_int(void **state) {
  /* np.unravel_index of an int (np.argmax without axis=) gives ints, basic indices: feats[r] is a row
   * view; of an index array, new integer arrays of its ndim (feats[rows] copies); of an operand of
   * unknown ndim, unknown */
  analyse(state,
          "import numpy as np\n"
          "def f(n, flat):\n"
          "    best, top = [], []\n"
          "    for i in range(n):\n"
          "        feats = np.random.random((n, 64))\n"
          "        score = np.random.random((n, 8))\n"
          "        r, c = np.unravel_index(np.argmax(score), score.shape)\n"
          "        best.append(feats[r])\n"
          "        rows, cols = np.unravel_index(np.flatnonzero(score > 0.5), score.shape)\n"
          "        top.append(feats[rows])\n"
          "        u, v = np.unravel_index(flat, score.shape)\n"
          "    return best, top\n");
  tl_assert_only(local("f", "r"), VL_O_INT);
  tl_assert_ndim(local("f", "rows"), 1);
  assert_int_equal(tl_count(local("f", "u"), VL_O_ARRAY), 0);
  assert_int_equal(tl_count(local("f", "u"), VL_O_INT), 0);
  assert_non_null(tl_hit(cur, "feats[r]"));
  assert_null(tl_hit(cur, "feats[rows]"));
  assert_int_equal(cur->nhits, 1);
}

static void wavfile_read_rate_and_data(void **state) {
  /* scipy.io.wavfile.read gives (rate, data): an int and a new array per call; with mmap= given
   * (a numpy.memmap) unknown */
  analyse(state,
          "from scipy.io import wavfile\n"
          "def f(paths):\n"
          "    clips, mapped = [], []\n"
          "    for p in paths:\n"
          "        sr, wav = wavfile.read(p)\n"
          "        clips.append(wav[:sr])\n"
          "        sr2, mm = wavfile.read(p, mmap=True)\n"
          "        mapped.append(mm[:sr2])\n"
          "    return clips, mapped\n");
  tl_assert_only(local("f", "sr"), VL_O_INT);
  tl_assert_only(local("f", "wav"), VL_O_ARRAY);
  assert_non_null(tl_hit(cur, "wav[:sr]"));
  assert_null(tl_hit(cur, "mm[:sr2]"));
  assert_int_equal(cur->nhits, 1);
}

static void ndim_more_producers(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n, shape):\n"
          "    a = np.zeros(shape=(n, 3))\n"
          "    b = np.zeros_like(a)\n"
          "    c = np.eye(3)\n"
          "    d = np.random.random((n, 3))\n"
          "    e = np.random.rand(*shape)\n"
          "    g = a.flatten()\n"
          "    h = np.vstack([b[0], b[1]])\n"
          "    k = np.arange(n)\n");
  tl_assert_ndim(local("f", "a"), 2);
  tl_assert_ndim(local("f", "b"), 2);
  tl_assert_ndim(local("f", "c"), 2);
  tl_assert_ndim(local("f", "d"), 2);
  ndim_unknown(local("f", "e")); /* *shape: unknown */
  tl_assert_ndim(local("f", "g"), 1);
  tl_assert_ndim(local("f", "h"), 2);
  tl_assert_ndim(local("f", "k"), 1);
  tl_assert_new(local("f", "g"));
}

static void ndim_arithmetic_and_views(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    a = np.zeros((4, 3))\n"
          "    b = a * 2\n"
          "    c = a.T\n"
          "    d = a[0]\n"
          "    e = a.reshape(2, 2, 3)\n"
          "    g = np.stack([a, a])\n"
          "    h = np.concatenate([a, a])\n");
  tl_assert_ndim(local("f", "b"), 2);
  tl_assert_ndim(local("f", "c"), 2);
  tl_assert_ndim(local("f", "d"), 1);
  tl_assert_ndim(local("f", "e"), 3);
  tl_assert_ndim(local("f", "g"), 3);
  tl_assert_ndim(local("f", "h"), 2);
  tl_assert_new(local("f", "b"));
  view_of(local("f", "c"), "a");
  /* a[0] of a literal 4x3 array shows a quarter of it: a view, but not a "small part" (it pins
   * less than 8 times what it shows) */
  view_of(local("f", "d"), "a");
  assert_false(only(local("f", "d"))->partial);
  view_of(local("f", "e"), "a");
  tl_assert_new(local("f", "g"));
}

static void ndim_delete_with_axis_keeps(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    data = np.random.randn(500, 32, 32, 3)\n"
          "    for _ in range(100):\n"
          "        i = np.random.randint(len(data))\n"
          "        data = np.delete(data, i, axis=0)\n");
  /* the self-referential rebind keeps whatever data was: still exactly 4-D, the producer or a copy */
  const TlVal *v = local("f", "data");
  tl_assert_ndim(v, 4);
  assert_int_equal(v->n, 2);
  tl_assert_new(v);
}

static void ndim_delete_without_axis_flattens(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    data = np.random.randn(500, 3)\n"
          "    for _ in range(100):\n"
          "        flat = np.delete(data, 0)\n"
          "        data = np.delete(data, 0)\n");
  const TlVal *flat = local("f", "flat");
  tl_assert_ndim(flat, 1);
  tl_assert_new(flat);
  assert_int_equal(only(flat)->site_how, VL_HOW_COPY);
  /* 2-D at first, 1-D after the first iteration */
  const TlVal *v = local("f", "data");
  assert_int_equal(tl_count(v, VL_O_ARRAY), 2);
  int lo = VL_ND_MAX, hi = 0;
  for (int i = 0; i < v->n; i++) {
    if (v->objs[i].nd.lo < lo) lo = v->objs[i].nd.lo;
    if (v->objs[i].nd.hi > hi) hi = v->objs[i].nd.hi;
  }
  assert_int_equal(lo, 1);
  assert_int_equal(hi, 2);
}

static void ndim_append_without_axis_flattens(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(x):\n"
          "    data = np.zeros((4, 3))\n"
          "    a = np.append(data, x)\n"
          "    b = np.append(data, x, axis=0)\n");
  tl_assert_ndim(local("f", "a"), 1);
  tl_assert_ndim(local("f", "b"), 2);
}

static void ndim_permutation(void **state) {
  /* np.random.permutation(x) of an array shuffles a copy along the first axis: same ndim (the old
   * engine's BUG, fixed); of an int it is 1-D.  Of a parameter it is unknown: the new engine no
   * longer assumes an int there (the old test expected 1-D). */
  analyse(state,
          "import numpy as np\n"
          "def f(n, xs):\n"
          "    a = np.random.randn(n, 8)\n"
          "    p = np.random.permutation(a)\n"
          "    q = np.random.permutation(len(xs))\n"
          "    r = np.random.permutation(n)\n");
  tl_assert_ndim(local("f", "p"), 2);
  tl_assert_ndim(local("f", "q"), 1);
  ndim_unknown(local("f", "r"));
}

static void ndim_randint_size(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randint(0, n, size=5)\n"
          "    b = np.random.randint(0, n, 5)\n"
          "    c = np.random.randint(0, n, size=(5, 2))\n"
          "    d = np.random.randint(0, n)\n");
  tl_assert_ndim(local("f", "a"), 1);
  tl_assert_ndim(local("f", "b"), 1); /* size by position */
  tl_assert_ndim(local("f", "c"), 2);
  assert_int_equal(only(local("f", "a"))->site_how, VL_HOW_PRODUCER);
  tl_assert_only(local("f", "d"), VL_O_INT);
}

/* An array of unknown shape (np.load) and one use that shows it has at least `lo` dimensions: read
 * after the use, it has them, and a[0] is a view of it. */
static void use_evidence(void **state, const char *use, int lo) {
  char text[256];
  snprintf(text, sizeof text,
           "import numpy as np\ndef f(path):\n    a = np.load(path)\n    x = %s\n    y = a\n    r = a[0]\n", use);
  analyse(state, text);
  ndim_at_least(local("f", "y"), lo);
  partial_view_of(local("f", "r"), "a");
  ndim_at_least(local("f", "r"), lo - 1);
}

static void ndim_evidence_tuple_index(void **state) { use_evidence(state, "a[:, 4]", 2); }
static void ndim_evidence_tuple_index_int_first(void **state) { use_evidence(state, "a[0, :4]", 2); }
static void ndim_evidence_shape(void **state) { use_evidence(state, "a.shape[1]", 2); }
static void ndim_evidence_shape_2(void **state) { use_evidence(state, "a.shape[2]", 3); }
static void ndim_evidence_axis_function(void **state) { use_evidence(state, "np.sum(a, axis=1)", 2); }
static void ndim_evidence_axis_method(void **state) { use_evidence(state, "a.mean(axis=1)", 2); }

static void ndim_evidence_after_the_use(void **state) {
  /* evidence is about the name, wherever the use is: a[0] before a[:, 4] is a view too */
  analyse(state, "import numpy as np\ndef f(path):\n    a = np.load(path)\n    r = a[0]\n    x = a[:, 4]\n");
  partial_view_of(local("f", "r"), "a");
}

static void ndim_no_evidence(void **state) {
  analyse(state, "import numpy as np\ndef f(path):\n    a = np.load(path)\n    x = a[0]\n    y = a\n");
  ndim_unknown(local("f", "y")); /* a[0] says nothing about the ndim */
  not_view(local("f", "x"), "a[0] of an array of unknown ndim");
}

/* A dataclass's fields with defaults are fields too, in order (a ClassVar is none); a field left to
 * `field(default_factory=list)` is a new container of its own at each construction. */
static void dataclass_default_factory_fields(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from collections import deque\n"
          "from dataclasses import dataclass, field\n"
          "from typing import ClassVar\n"
          "@dataclass\n"
          "class R:\n"
          "    n: int\n"
          "    registry: ClassVar[list] = []\n"
          "    arr: object = None\n"
          "    xs: list = field(default_factory=list)\n"
          "    d: dict = field(default_factory=dict)\n"
          "    q: deque = field(default_factory=deque)\n"
          "def f():\n"
          "    r = R(5, np.zeros((4, 8)))\n"
          "    a = r.xs\n"
          "    b = r.d\n"
          "    c = r.arr\n"
          "    e = r.n\n"
          "    g = r.q\n"
          "    p = R(1, xs=None).xs\n");
  tl_assert_only(local("f", "a"), VL_O_SEQ);
  assert_int_equal(only(local("f", "a"))->seq, VL_SEQ_LIST);
  assert_int_equal(only(local("f", "b"))->seq, VL_SEQ_DICT);
  assert_int_equal(only(local("f", "g"))->seq, VL_SEQ_DEQUE);
  tl_assert_ndim(local("f", "c"), 2);
  tl_assert_only(local("f", "e"), VL_O_INT);
  tl_assert_only(local("f", "p"), VL_O_NONE); /* passed: no default made */
}

/* A base class's method registering `self.hook` registers the override of each subclass of the module
 * (nothing here constructs one: no analysis for a receiver would see it); a subclass keeping a copy or
 * only its latest output is silent. */
static void hook_registered_by_base_method(void **state) {
  static const char *const base =
      "import torch\n"
      "class Recorder:\n"
      "    def __init__(self):\n"
      "        self.buf = []\n"
      "    def attach(self, module):\n"
      "        self.handle = module.register_forward_hook(self.hook)\n"
      "    def hook(self, module, inputs, output):\n"
      "        pass\n"
      "class Cls(Recorder):\n"
      "    def hook(self, module, inputs, output):\n";
  char text[1024];
  snprintf(text, sizeof text, "%s%s", base, "        self.buf.append(output[:, 0])\n");
  analyse(state, text);
  hit(cur, "output[:, 0]", VL_HIT_FRESH);
  tl_teardown(state);
  snprintf(text, sizeof text, "%s%s", base, "        self.buf.append(output[:, 0].clone())\n");
  analyse(state, text);
  no_hits(cur);
  tl_teardown(state);
  snprintf(text, sizeof text, "%s%s", base, "        self.latest = output[:, 0]\n");
  analyse(state, text);
  no_hits(cur);
}

/* `if mode == "cls":` (or `!=`, the literal on either side) is decided by a string of known text the
 * call passes: one branch runs in the analysis for it, so `pick(x, "mean")` is no view of x. */
static void string_test_decided_by_call(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def pick(h, mode):\n"
          "    if mode == \"cls\":\n"
          "        return h[:, 0]\n"
          "    return h.mean(axis=1)\n"
          "def other(h, mode):\n"
          "    if \"first\" != mode:\n"
          "        return h.sum(axis=1)\n"
          "    return h[:, 0]\n"
          "def f():\n"
          "    x = np.ones((4, 64, 3))\n"
          "    a = pick(x, \"cls\")\n"
          "    b = pick(x, \"mean\")\n"
          "    c = pick(x, mode=\"cls\")\n"
          "    d = other(x, \"first\")\n"
          "    e = other(x, \"last\")\n");
  partial_view_of(local("f", "a"), "x");
  not_view(local("f", "b"), "pick(x, \"mean\")");
  partial_view_of(local("f", "c"), "x");
  partial_view_of(local("f", "d"), "x");
  not_view(local("f", "e"), "other(x, \"last\")");
}

/* A hook registered through functools.partial: PyTorch's (module, inputs, output) come after the
 * arguments bound positionally, and the keyword-bound ones are further parameters. */
static void hook_registered_through_partial(void **state) {
  analyse(state,
          "import functools\n"
          "import torch\n"
          "keep = []\n"
          "def save(name, module, inputs, output):\n"
          "    keep.append(output[:, 0])\n"
          "def save_kw(module, inputs, output, tag):\n"
          "    keep.append(output[:, 1])\n"
          "def f(layer):\n"
          "    layer.register_forward_hook(functools.partial(save, \"fc\"))\n"
          "    layer.register_forward_hook(functools.partial(save_kw, tag=\"fc\"))\n");
  hit(cur, "output[:, 0]", VL_HIT_FRESH);
  hit(cur, "output[:, 1]", VL_HIT_FRESH);
  tl_teardown(state);
  /* the output is the third of what PyTorch passes: with two arguments bound first, `inputs` is no
   * parameter of save's here, and the arity does not match */
  analyse(state,
          "import functools\n"
          "import torch\n"
          "keep = []\n"
          "def save(name, module, inputs, output):\n"
          "    keep.append(output[:, 0])\n"
          "def f(layer):\n"
          "    layer.register_forward_hook(functools.partial(save, \"fc\", None))\n");
  no_hits(cur);
}

/* A hook on a layer that may return a tuple unwraps it first (`if isinstance(output, tuple): output =
 * output[0]`, or a conditional expression): a part of the item, or of the output, on each path is a
 * part of that call's new tensor; keeping the unwrapped tensor whole is silent. */
static void hook_unwraps_tuple_output(void **state) {
  analyse(state,
          "import torch\n"
          "keep = []\n"
          "def save(module, inputs, output):\n"
          "    if isinstance(output, tuple):\n"
          "        output = output[0]\n"
          "    keep.append(output[:, 0])\n"
          "def save_last(module, inputs, output):\n"
          "    hidden = output[0] if isinstance(output, tuple) else output\n"
          "    keep.append(hidden[:, -1])\n"
          "def f(layer):\n"
          "    layer.register_forward_hook(save)\n"
          "    layer.register_forward_hook(save_last)\n");
  hit(cur, "output[:, 0]", VL_HIT_FRESH);
  hit(cur, "hidden[:, -1]", VL_HIT_FRESH);
  tl_teardown(state);
  analyse(state,
          "import torch\n"
          "keep = []\n"
          "def save(module, inputs, output):\n"
          "    hidden = output[0] if isinstance(output, tuple) else output\n"
          "    keep.append(hidden)\n"
          "def f(layer):\n"
          "    layer.register_forward_hook(save)\n");
  no_hits(cur);
}

/* itemgetter(k)(x) is x[k] whatever k is: a tuple of slice objects and ints is the index written out
 * (`itemgetter((slice(None), 0))` is x[:, 0]), a list is advanced indexing; a functools.partial of a
 * library function is that function with its arguments bound (`partial(torch.select, dim=1,
 * index=-1)` a view, `partial(torch.index_select, ...)` a copy). */
static void itemgetter_index_and_library_partial(void **state) {
  analyse(state,
          "import functools\n"
          "import operator\n"
          "import torch\n"
          "def f():\n"
          "    x = torch.zeros(4, 64, 3)\n"
          "    a = operator.itemgetter((slice(None), 0))(x)\n"
          "    b = operator.itemgetter(slice(2, 3))(x)\n"
          "    c = operator.itemgetter([0, 2])(x)\n"
          "    d = functools.partial(torch.select, dim=1, index=-1)(x)\n"
          "    e = functools.partial(torch.select, x, 1)(0)\n"
          "    g = functools.partial(torch.index_select, dim=1, index=torch.tensor([0]))(x)\n");
  partial_view_of(local("f", "a"), "x");
  partial_view_of(local("f", "b"), "x");
  not_view(local("f", "c"), "itemgetter([0, 2])(x)");
  partial_view_of(local("f", "d"), "x");
  partial_view_of(local("f", "e"), "x");
  not_view(local("f", "g"), "partial(torch.index_select, ...)(x)");
}

/* nn.ModuleList(blocks) is the list of the modules it is given (list(blocks)): built from a list, a
 * generator, or empty and then appended to or extended, its items are those modules, so calling one
 * runs that module's forward; other arguments keep it an object we know nothing more about. */
static void module_list_is_list_of_modules(void **state) {
  analyse(state,
          "import torch\n"
          "import torch.nn as nn\n"
          "class Take(nn.Module):\n"
          "    def forward(self, x):\n"
          "        return x[:, 0]\n"
          "def f():\n"
          "    x = torch.zeros(4, 64, 3)\n"
          "    listed = nn.ModuleList([Take(), Take()])\n"
          "    a = listed[0](x)\n"
          "    made = nn.ModuleList(Take() for _ in range(3))\n"
          "    b = made[-1](x)\n"
          "    grown = nn.ModuleList()\n"
          "    grown.append(Take())\n"
          "    c = grown[0](x)\n"
          "    extended = nn.ModuleList()\n"
          "    extended.extend([Take()])\n"
          "    for block in extended:\n"
          "        d = block(x)\n"
          "        keep = d\n");
  partial_view_of(local("f", "a"), "x");
  partial_view_of(local("f", "b"), "x");
  partial_view_of(local("f", "c"), "x");
  partial_view_of(local("f", "d"), "x");
}

/* model.children(), modules(), named_children() and named_modules() of a project nn.Module give the
 * module instances its attributes hold (a ModuleList's items, recursively for the `modules` forms),
 * so calling each runs that module's forward; an attribute that is no module (an int, a list holding
 * itself) is not one of them. */
static void module_walks_give_held_modules(void **state) {
  analyse(state,
          "import torch\n"
          "import torch.nn as nn\n"
          "class Take(nn.Module):\n"
          "    def forward(self, x):\n"
          "        return x[:, 0]\n"
          "class Inner(nn.Module):\n"
          "    def __init__(self):\n"
          "        super().__init__()\n"
          "        self.blocks = nn.ModuleList([Take(), Take()])\n"
          "        self.scale = 2\n"
          "        self.ring = []\n"
          "        self.ring.append(self.ring)\n"
          "class Net(nn.Module):\n"
          "    def __init__(self):\n"
          "        super().__init__()\n"
          "        self.inner = Inner()\n"
          "def f():\n"
          "    net = Net()\n"
          "    x = torch.zeros(4, 64, 3)\n"
          "    for m in net.children():\n"
          "        a = m\n"
          "    for name, m in net.inner.named_children():\n"
          "        b = m(x)\n"
          "    for name, m in net.named_modules():\n"
          "        d = m\n"
          "    for m in net.inner.children():\n"
          "        c = m(x)\n");
  assert_int_equal(tl_count(local("f", "a"), VL_O_INST), 1);
  partial_view_of(local("f", "b"), "x");
  partial_view_of(local("f", "c"), "x");
  assert_int_equal(tl_count(local("f", "d"), VL_O_INST), 4); /* net, net.inner and its two blocks */
}

/* A collections.namedtuple whose fields are written out (a list of strings, or one string) takes its
 * arguments by keyword too, in field order, and its fields are read by name. */
static void namedtuple_keywords_and_fields(void **state) {
  analyse(state,
          "from collections import namedtuple\n"
          "import numpy as np\n"
          "Out = namedtuple(\"Out\", [\"logits\", \"hidden\"])\n"
          "Pair = namedtuple(\"Pair\", \"a, b\")\n"
          "def f():\n"
          "    x = np.zeros((64, 64))\n"
          "    y = np.ones((64, 64))\n"
          "    o = Out(hidden=y, logits=x)\n"
          "    a = o.logits[:, 0]\n"
          "    b = o.hidden\n"
          "    p = Pair(x, b=y)\n"
          "    c = p.b[0]\n");
  partial_view_of(local("f", "a"), "x");
  tl_assert_new(local("f", "b"));
  partial_view_of(local("f", "c"), "y");
}

/* A `**kwargs` parameter is a dict of the keyword arguments no other parameter takes: iterating its
 * items gives what the caller passed. */
static void kwargs_dict_of_keywords(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def record(buf, step, **tensors):\n"
          "    for name, value in tensors.items():\n"
          "        buf.append(value)\n"
          "def f(n):\n"
          "    buf = []\n"
          "    for i in range(n):\n"
          "        x = np.random.rand(64, 1024)\n"
          "        record(buf, i, row=x[0])\n"
          "    return buf\n");
  hit(cur, "value", VL_HIT_FRESH);
  tl_teardown(state);
  analyse(state,
          "import numpy as np\n"
          "def record(buf, step, **tensors):\n"
          "    for name, value in tensors.items():\n"
          "        buf.append(value)\n"
          "def f(n):\n"
          "    buf = []\n"
          "    for i in range(n):\n"
          "        x = np.random.rand(64, 1024)\n"
          "        record(buf, i, row=x[0].copy(), step_size=0.5)\n"
          "    return buf\n");
  no_hits(cur);
}

/* dict(gen) of a generator's pairs is a loop over its steps, as list(gen) is: the second of each pair
 * is stored; a dict of every row of what the generator makes keeps all of it. */
static void dict_of_generator_pairs(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def heads(n):\n"
          "    for i in range(n):\n"
          "        a = np.ones((4000, 8))\n"
          "        yield i, a[:2]\n"
          "def f():\n"
          "    return dict(heads(5))\n");
  hit(cur, "i, a[:2]", VL_HIT_FRESH);
  tl_teardown(state);
  analyse(state,
          "import numpy as np\n"
          "def rows(n):\n"
          "    for i in range(n):\n"
          "        a = np.ones((4000, 8))\n"
          "        yield from zip(range(4000), a)\n"
          "def f():\n"
          "    return dict(rows(5))\n");
  no_hits(cur);
}

/* A parameter used as a key (`TABLE[mode]`) is decided by a string of known text passed: one entry. */
static void table_key_decided_by_call(void **state) {
  analyse(state,
          "import numpy as np\n"
          "TABLE = {\"cls\": lambda h: h[:, 0], \"mean\": lambda h: h.mean(axis=1)}\n"
          "def pick(h, mode):\n"
          "    return TABLE[mode](h)\n"
          "def f():\n"
          "    x = np.ones((4, 64, 3))\n"
          "    a = pick(x, \"cls\")\n"
          "    b = pick(x, \"mean\")\n");
  partial_view_of(local("f", "a"), "x");
  not_view(local("f", "b"), "pick(x, \"mean\")");
}

/* A string default (`mode="mean"`) is kept: a call that leaves it decides the test as if it passed it. */
static void string_default_decides(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def pick(h, mode=\"mean\"):\n"
          "    if mode == \"cls\":\n"
          "        return h[:, 0]\n"
          "    return h.mean(axis=1)\n"
          "def first(h, mode=\"cls\"):\n"
          "    if mode == \"cls\":\n"
          "        return h[:, 0]\n"
          "    return h.mean(axis=1)\n"
          "def f():\n"
          "    x = np.ones((4, 64, 3))\n"
          "    a = pick(x)\n"
          "    b = first(x)\n"
          "    c = pick(x, \"cls\")\n");
  not_view(local("f", "a"), "pick(x)");
  partial_view_of(local("f", "b"), "x");
  partial_view_of(local("f", "c"), "x");
}

static void ndim_evidence_attribute(void **state) {
  /* self.pool[:, 0] proves self.pool has 2 dimensions: self.pool[i] is a view of it */
  analyse(state,
          "import numpy as np\n"
          "class Pool:\n"
          "    def __init__(self, path):\n"
          "        self.pool = np.load(path)\n"
          "        self.keep = []\n"
          "    def step(self):\n"
          "        w = self.pool[:, 0]\n"
          "        for i in range(3):\n"
          "            self.keep.append(self.pool[i])\n"
          "            self.pool = np.delete(self.pool, i, axis=0)\n");
  const TlVal *v = tl_stored(cur, "self.pool[i]");
  assert_true(tl_count(v, VL_O_ARRAY) == v->n);
  for (int i = 0; i < v->n; i++) assert_true(v->objs[i].view && v->objs[i].partial);
  const VlHit *h = hit(cur, "self.pool[i]", VL_HIT_REBOUND);
  assert_string_equal(h->base_name, "self.pool");
  assert_string_equal(h->container, "self.keep");
}

static void ndim_no_attribute_evidence(void **state) {
  /* the same without the evidence: self.pool[i] of an array of unknown ndim is no view, no hit */
  analyse(state,
          "import numpy as np\n"
          "class Pool:\n"
          "    def __init__(self, path):\n"
          "        self.pool = np.load(path)\n"
          "        self.keep = []\n"
          "    def step(self):\n"
          "        for i in range(3):\n"
          "            self.keep.append(self.pool[i])\n"
          "            self.pool = np.delete(self.pool, i, axis=0)\n");
  not_view(tl_stored(cur, "self.pool[i]"), "self.pool[i]");
  no_hits(cur);
}

static void ndim_method_argument_gets_no_axis_evidence(void **state) {
  /* `a.take(idx, axis=1)` says a has >= 2 dimensions, nothing about idx */
  analyse(state,
          "import numpy as np\n"
          "def f(a: np.ndarray, path):\n"
          "    idx = np.load(path)\n"
          "    x = a.take(idx, axis=1)\n"
          "    y = a\n"
          "    z = idx\n"
          "    r = idx[0]\n");
  ndim_at_least(local("f", "y"), 2);
  /* axis=k is evidence for a function's first argument (np.sum(a, axis=1)) or a method's receiver
   * (a.take(idx, axis=1)), not for a method's first argument: idx stays a 1-D index array */
  ndim_unknown(local("f", "z"));
  not_view(local("f", "r"), "idx[0]");
}

/* ---- integers and scalars ---- */

static void int_inference(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(xs, d: np.ndarray):\n"
          "    i = np.random.randint(10)\n"
          "    j = np.random.randint(0, 10)\n"
          "    n = len(xs)\n"
          "    k = np.argmin(d)\n"
          "    m = d.argmax()\n"
          "    p = n - 1\n"
          "    q = np.random.choice(n)\n"
          "    for t in range(n):\n"
          "        pass\n");
  static const char *const ints[] = {"i", "j", "n", "k", "m", "p", "q", "t"};
  for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
    const TlVal *v = local("f", ints[i]);
    if (v->n != 1 || v->objs[0].kind != VL_O_INT) fail_msg("%s: not an int", ints[i]);
  }
}

static void int_argmin_axis_is_array(void **state) {
  analyse(state, "import numpy as np\ndef f(d):\n    k = np.argmin(d, axis=1)\n    m = d.argmax(axis=0)\n");
  tl_assert_new(local("f", "k"));
  assert_int_equal(only(local("f", "k"))->site_how, VL_HOW_COPY);
  tl_assert_new(local("f", "m"));
}

static void int_mixed_bindings_not_int(void **state) {
  /* an index that may be a float is no basic index: a[i] is not taken as a view */
  analyse(state,
          "import numpy as np\n"
          "def f(xs, c):\n"
          "    a = np.zeros((4, 3))\n"
          "    if c:\n"
          "        i = len(xs)\n"
          "    else:\n"
          "        i = 0.5\n"
          "    r = a[i]\n");
  const TlVal *i = local("f", "i");
  assert_int_equal(tl_count(i, VL_O_INT), 1);
  assert_int_equal(tl_count(i, VL_O_SCALAR), 1);
  not_view(local("f", "r"), "a[i] with i an int or a float");
}

static void more_ints_and_scalars(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(n, 8)\n"
          "    b = np.arange(n)\n"
          "    rows, cols = a.shape\n"
          "    s = a.shape[0]\n"
          "    z = a.ndim\n"
          "    rng = np.random.default_rng(0)\n"
          "    r = rng.integers(0, n)\n"
          "    m = min(s + 1, rows - 1)\n"
          "    order = b.argsort()[::-1]\n"
          "    o = order[0]\n"
          "    for e, x in enumerate(b):\n"
          "        pass\n");
  static const char *const ints[] = {"rows", "cols", "s", "z", "r", "m", "e"};
  for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) tl_assert_only(local("f", ints[i]), VL_O_INT);
  /* elements of 1-D index arrays (np.arange, argsort) are integers: indices, holding nothing */
  tl_assert_only(local("f", "o"), VL_O_INT);
  tl_assert_only(local("f", "x"), VL_O_INT);
  tl_assert_ndim(local("f", "order"), 1);
}

static void int_index_from_shape_loop(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    a = np.zeros((10, 3))\n"
          "    for k in range(a.shape[0]):\n"
          "        r = a[k]\n");
  tl_assert_only(local("f", "k"), VL_O_INT);
  partial_view_of(local("f", "r"), "a");
}

/* ---- view vs copy of a stored expression ---- */

/* Analyses the function of the old test_eval: it stores `expr` with `out.append(<expr>)` in a loop
 * over i, with a: 2-D, b: 1-D, c: 3-D (all from producers), mask, idx, pick and where index arrays,
 * raw: of unknown shape, wide: of unknown shape but used as 2-D (wide.shape[1]).  Returns the value
 * stored. */
static const TlVal *stored(void **state, const char *expr) {
  char text[2048];
  snprintf(text, sizeof text,
           "import numpy as np\n"
           "import copy\n"
           "from numpy.lib.stride_tricks import sliding_window_view, as_strided\n"
           "def f(n, score, path, cond):\n"
           "    a = np.random.randn(n, 64)\n"
           "    b = np.arange(n)\n"
           "    c = np.zeros((n, 4, 16))\n"
           "    mask = a > 0\n"
           "    idx = np.random.randint(0, n, size=3)\n"
           "    j = 1\n"
           "    raw = np.load(path)\n"
           "    wide = np.load(path)\n"
           "    w = wide.shape[1]\n"
           "    rng = np.random.default_rng(0)\n"
           "    pick = rng.choice(n, size=3, replace=False)\n"
           "    where = np.where(b > 0)[0]\n"
           "    out = []\n"
           "    for i in range(n):\n"
           "        out.append(%s)\n"
           "    return out\n",
           expr);
  analyse(state, text);
  return tl_stored(cur, expr);
}

static void copy_of(const TlVal *v, const char *what) {
  if (tl_count(v, VL_O_ARRAY) == 0 || v->n != tl_count(v, VL_O_ARRAY)) fail_msg("%s: not only arrays", what);
  for (int i = 0; i < v->n; i++)
    if (v->objs[i].view || v->objs[i].site_kind != VL_SITE_NEW || v->objs[i].site_how != VL_HOW_COPY)
      fail_msg("%s: not a copy (view %d, site %d/%d)", what, v->objs[i].view, v->objs[i].site_kind, v->objs[i].site_how);
}

static void view_int_index_2d(void **state) {
  const TlVal *v = stored(state, "a[i]");
  partial_view_of(v, "a");
  tl_assert_ndim(v, 1);
  assert_false(only(local("f", "a"))->view); /* of a itself, not of a view */
  assert_int_equal(only(v)->lib, VL_LIBID_NUMPY);
}

static void element_int_index_1d(void **state) {
  /* an element of an index array (b = np.arange(n)): an integer, holding nothing */
  tl_assert_only(stored(state, "b[i]"), VL_O_INT);
}

static void element_float_1d(void **state) {
  /* an element of a 1-D array of floats: a NumPy scalar, holding nothing */
  tl_assert_only(stored(state, "a[i][0]"), VL_O_SCALAR);
}

static void element_all_indices_2d(void **state) { tl_assert_only(stored(state, "a[i, j]"), VL_O_SCALAR); }

static void view_slice_1d(void **state) {
  const TlVal *v = stored(state, "b[i:i + 8]");
  partial_view_of(v, "b"); /* 1-D slices are views too */
  tl_assert_ndim(v, 1);
}

static void view_slice_and_int_3d(void **state) {
  const TlVal *v = stored(state, "c[i, :, 0]");
  partial_view_of(v, "c");
  tl_assert_ndim(v, 1);
}

static void view_ellipsis(void **state) { partial_view_of(stored(state, "c[..., 0]"), "c"); }

static void view_newaxis(void **state) {
  const TlVal *v = stored(state, "b[None]");
  view_of(v, "b");
  tl_assert_ndim(v, 2);
  assert_false(only(v)->partial); /* shows all of b */
}

static void copy_list_index(void **state) { copy_of(stored(state, "a[[i]]"), "a[[i]]"); }
static void copy_mask_index(void **state) { copy_of(stored(state, "a[mask]"), "a[mask]"); }
static void copy_index_array(void **state) {
  const TlVal *v = stored(state, "a[idx]");
  copy_of(v, "a[idx]");
  tl_assert_ndim(v, 2); /* a 1-D index array along the first axis keeps the ndim */
}
static void copy_mixed_advanced(void **state) { copy_of(stored(state, "a[i, [0, 1]]"), "a[i, [0, 1]]"); }

static void view_reshape(void **state) {
  /* a row of a C-contiguous array is contiguous: reshape and ravel give views */
  const TlVal *v = stored(state, "a[i].reshape(-1)");
  partial_view_of(v, "a");
  tl_assert_ndim(v, 1);
}
static void view_np_reshape(void **state) {
  const TlVal *v = stored(state, "np.reshape(a[i], (2, 4))");
  partial_view_of(v, "a");
  tl_assert_ndim(v, 2);
}
/* as_strided: a view whose ndim is its shape's length (by keyword or position), the operand's without one */
static void view_as_strided_ndim_from_shape(void **state) {
  const TlVal *v = stored(state, "as_strided(b, shape=(n, 4), strides=s)");
  view_of(v, "b");
  tl_assert_ndim(v, 2);
  v = stored(state, "as_strided(a, (n, 4, 16), s)[i]");
  partial_view_of(v, "a");
  tl_assert_ndim(v, 2);
  v = stored(state, "as_strided(c, strides=s)");
  view_of(v, "c");
  tl_assert_ndim(v, 3);
}
static void view_ravel(void **state) { partial_view_of(stored(state, "a[i].ravel()"), "a"); }
static void view_reshape_of_leading_rows(void **state) { partial_view_of(stored(state, "a[:2].reshape(-1)"), "a"); }

static void reshape_of_column_not_a_view(void **state) {
  /* a[:, :2] is not viewable as 1-D: reshape copies (the engine says "unknown": not a view) */
  not_view(stored(state, "a[:, :2].reshape(-1)"), "a[:, :2].reshape(-1)");
  /* BUG, fixed: a column is already 1-D, so reshape(-1) is a (strided) view of a; ravel() copies it */
  partial_view_of(stored(state, "a[:, i].reshape(-1)"), "a");
}

static void reshape_of_permuted_whole_view(void **state) {
  /* a transposed view shows all its base: reshaped, the same memory or a copy of all of it, made
   * here; taken as the view (a part of either pins a whole array made in the same iteration) */
  analyse(state,
          "import numpy as np\n"
          "def flat(x):\n"
          "    return x.reshape(-1)\n"
          "def f():\n"
          "    a = np.random.randn(32, 16, 32, 16)\n"
          "    t = a.transpose(0, 2, 1, 3).reshape(-1, 16, 16)\n"
          "    r = t[3]\n"
          "    c = a[:, :1].transpose(0, 2, 1, 3).reshape(-1, 16, 16)\n"
          "    p = flat(a.transpose(0, 2, 1, 3))\n"
          "    q = flat(a[:, :1])\n"
          "    s = flat(a)\n");
  view_of(local("f", "t"), "a");
  assert_false(only(local("f", "t"))->partial);
  tl_assert_ndim(local("f", "t"), 3);
  partial_view_of(local("f", "r"), "a");
  not_view(local("f", "c"), "a reshape of a transposed part: a copy of the part, or not");
  /* a helper's reshape of its parameter: decided by what the call passes */
  view_of(local("f", "p"), "a");
  assert_false(only(local("f", "p"))->partial);
  not_view(local("f", "q"), "a helper's reshape of a column block: a copy");
  view_of(local("f", "s"), "a");
}

static void meshgrid_grids_have_one_axis_per_argument(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    x = np.linspace(0, 1, 64)\n"
          "    gx, gy = np.meshgrid(x, x)\n"
          "    g1, g2, g3 = np.meshgrid(x, x, x, indexing='ij')\n"
          "    sx, sy = np.meshgrid(x, x, sparse=True)\n");
  tl_assert_ndim(local("f", "gx"), 2);
  tl_assert_new(local("f", "gy"));
  tl_assert_ndim(local("f", "g3"), 3);
  assert_int_equal(only(local("f", "sx"))->nd.hi, VL_ND_MAX); /* sparse=: left unknown */
}

static void find_objects_boxes_slice(void **state) {
  /* scipy.ndimage.find_objects: per label None or a tuple of slices, the bounding box: img[sl] is a
   * part of img, not C-contiguous (np.ascontiguousarray of it copies) */
  analyse(state,
          "import numpy as np\n"
          "from scipy import ndimage\n"
          "def f():\n"
          "    img = np.random.randn(64, 64)\n"
          "    labels, n = ndimage.label(img > 2)\n"
          "    for sl in ndimage.find_objects(labels):\n"
          "        if sl is None:\n"
          "            continue\n"
          "        crop = img[sl]\n"
          "        dense = np.ascontiguousarray(img[sl])\n"
          "        big = labels[sl]\n");
  partial_view_of(local("f", "crop"), "img");
  tl_assert_ndim(local("f", "crop"), 2);
  not_view(local("f", "dense"), "a contiguous copy of a box");
  partial_view_of(local("f", "big"), "labels"); /* ndimage.label: a new label array and an int */
}

static void axis_none_flattens(void **state) {
  /* np.sort / np.argsort / np.partition / np.argpartition / np.take_along_axis / np.concatenate with
   * axis=None work on the flattened operand: a 1-D result (tag none-flattens=axis); without axis=
   * (the last axis) or with an int axis, the operand's ndim; an axis that may be None: the row's */
  analyse(state,
          "import numpy as np\n"
          "def f(ax):\n"
          "    x = np.zeros((3, 4, 5))\n"
          "    a = np.argsort(x, axis=None)\n"
          "    b = np.sort(x, axis=None)\n"
          "    c = x.argsort(axis=None)\n"
          "    d = np.partition(x, 2, None)\n"
          "    e = x.argpartition(2, axis=None)\n"
          "    g = np.concatenate([x, x], axis=None)\n"
          "    h = np.take_along_axis(x, a, None)\n"
          "    s = np.sort(x)\n"
          "    t = np.argsort(x, axis=1)\n"
          "    u = np.concatenate([x, x])\n"
          "    i = a[0]\n");
  tl_assert_ndim(local("f", "a"), 1);
  tl_assert_ndim(local("f", "b"), 1);
  tl_assert_ndim(local("f", "c"), 1);
  tl_assert_ndim(local("f", "d"), 1);
  tl_assert_ndim(local("f", "e"), 1);
  tl_assert_ndim(local("f", "g"), 1);
  tl_assert_ndim(local("f", "h"), 1);
  tl_assert_ndim(local("f", "s"), 3);
  tl_assert_ndim(local("f", "t"), 3);
  tl_assert_ndim(local("f", "u"), 3);
  assert_true(tl_count(local("f", "i"), VL_O_ARRAY) == 0); /* an int index of a 1-D array: a scalar */
}

static void einsum_ndim_from_subscripts(void **state) {
  /* np.einsum / torch.einsum: the output labels after "->", or without an arrow those that appear
   * once; an ellipsis (the operands' broadcast axes) leaves the ndim unknown */
  analyse(state,
          "import numpy as np\n"
          "import torch\n"
          "def f(q, k, x, w, t):\n"
          "    attn = np.einsum('qd,kd->qk', q, k)\n"
          "    sim = np.einsum('ij,kj', q, k)\n"
          "    scores = np.einsum('td,d->t', x, w)\n"
          "    tr = np.einsum('ii', q)\n"
          "    bcast = np.einsum('...d,de->...e', x, w)\n"
          "    heads = torch.einsum('bhqd,bhkd->bhqk', t, t)\n"
          "    row = attn[0]\n"
          "    first = scores[0]\n");
  tl_assert_ndim(local("f", "attn"), 2);
  tl_assert_ndim(local("f", "sim"), 2);
  tl_assert_ndim(local("f", "scores"), 1);
  tl_assert_ndim(local("f", "tr"), 0);
  assert_int_equal(only(local("f", "bcast"))->nd.hi, VL_ND_MAX);
  tl_assert_ndim(local("f", "heads"), 4);
  partial_view_of(local("f", "row"), "attn");
  assert_true(tl_count(local("f", "first"), VL_O_ARRAY) == 0); /* an int index of a 1-D array: a scalar */
}

static void tile_and_squareform_ndim(void **state) {
  /* np.tile(a, reps): max(a.ndim, len(reps)), an int reps counting as one, at least len(reps) of an
   * operand of unknown ndim; squareform: 1-D of a 2-D operand, 2-D of a 1-D one, unknown (not the
   * else branch's 2) of an operand of unknown ndim */
  analyse(state,
          "import numpy as np\n"
          "from scipy.spatial.distance import squareform\n"
          "def f(x, reps):\n"
          "    v = np.zeros(100)\n"
          "    m = np.zeros((4, 5))\n"
          "    t1 = np.tile(v, (4, 1))\n"
          "    t2 = np.tile(v, 3)\n"
          "    t3 = np.tile(m, 2)\n"
          "    t4 = np.tile(m, (2, 1, 1))\n"
          "    t5 = np.tile(x, (2, 1))\n"
          "    t6 = np.tile(x, reps)\n"
          "    s1 = squareform(v)\n"
          "    s2 = squareform(m)\n"
          "    s3 = squareform(x)\n");
  tl_assert_ndim(local("f", "t1"), 2);
  tl_assert_ndim(local("f", "t2"), 1);
  tl_assert_ndim(local("f", "t3"), 2);
  tl_assert_ndim(local("f", "t4"), 3);
  assert_int_equal(only(local("f", "t5"))->nd.lo, 2);
  assert_int_equal(only(local("f", "t5"))->nd.hi, VL_ND_MAX);
  assert_int_equal(only(local("f", "t6"))->nd.lo, 0);
  tl_assert_ndim(local("f", "s1"), 2);
  tl_assert_ndim(local("f", "s2"), 1);
  assert_int_equal(only(local("f", "s3"))->nd.lo, 0);
  assert_int_equal(only(local("f", "s3"))->nd.hi, VL_ND_MAX);
}

static void take_ndim(void **state) {
  /* np.take(a, idx, axis=k): a.ndim - 1 + idx.ndim (an int idx 0 of them); without axis (or
   * axis=None) the index's ndim; unknown when a's or the index's ndim is */
  analyse(state,
          "import numpy as np\n"
          "def f(x, idx):\n"
          "    v = np.zeros(100)\n"
          "    m = np.zeros((4, 5))\n"
          "    c = np.zeros((4, 5, 6))\n"
          "    i1 = np.arange(3)\n"
          "    i2 = np.zeros((2, 2), dtype=int)\n"
          "    t1 = np.take(m, i1, axis=0)\n"
          "    t2 = np.take(m, i2, axis=1)\n"
          "    t3 = np.take(c, 2, axis=0)\n"
          "    t4 = np.take(m, [0, 2], axis=-1)\n"
          "    t5 = np.take(m, i1)\n"
          "    t6 = np.take(m, i2, axis=None)\n"
          "    t7 = np.take(v, 3, axis=0)\n"
          "    t8 = c.take(i1, axis=1)\n"
          "    t9 = np.take(m, indices=i2, axis=0)\n"
          "    u1 = np.take(x, i1, axis=0)\n"
          "    u2 = np.take(m, idx, axis=0)\n");
  tl_assert_ndim(local("f", "t1"), 2);
  tl_assert_ndim(local("f", "t2"), 3);
  tl_assert_ndim(local("f", "t3"), 2);
  tl_assert_ndim(local("f", "t4"), 2);
  tl_assert_ndim(local("f", "t5"), 1);
  tl_assert_ndim(local("f", "t6"), 2);
  tl_assert_ndim(local("f", "t7"), 0);
  tl_assert_ndim(local("f", "t8"), 3);
  tl_assert_ndim(local("f", "t9"), 3);
  assert_int_equal(only(local("f", "u1"))->nd.lo, 0);
  assert_int_equal(only(local("f", "u1"))->nd.hi, VL_ND_MAX);
  assert_int_equal(only(local("f", "u2"))->nd.lo, 0);
  assert_int_equal(only(local("f", "u2"))->nd.hi, VL_ND_MAX);
}

static void select_ndim_broadcasts_items(void **state) {
  /* np.select(condlist, choicelist, default) (ndim bcast-items): the most dimensions among the lists'
   * items and default; unknown when a list or an item is not known */
  analyse(state,
          "import numpy as np\n"
          "def f(conds, x):\n"
          "    a = np.zeros((4, 5))\n"
          "    c = np.zeros((2, 4, 5))\n"
          "    v = np.zeros(5)\n"
          "    s1 = np.select([a > 0, a < -1], [a, -a], 0)\n"
          "    s2 = np.select([a > 0], [1.0], default=2.0)\n"
          "    s3 = np.select([a > 0], [v])\n"
          "    s4 = np.select([v > 0], [v])\n"
          "    s5 = np.select([a > 0], [a], default=c)\n"
          "    choices = [a, v]\n"
          "    s6 = np.select([v > 0, v < 1], choices)\n"
          "    u1 = np.select(conds, [a])\n"
          "    u2 = np.select([a > 0], [x])\n");
  tl_assert_ndim(local("f", "s1"), 2);
  tl_assert_ndim(local("f", "s2"), 2);
  tl_assert_ndim(local("f", "s3"), 2);
  tl_assert_ndim(local("f", "s4"), 1);
  tl_assert_ndim(local("f", "s5"), 3);
  assert_int_equal(only(local("f", "s6"))->nd.lo, 1); /* the list's items joined: at least its fewest */
  assert_int_equal(only(local("f", "s6"))->nd.hi, 2);
  assert_int_equal(only(local("f", "u1"))->nd.hi, VL_ND_MAX);
  assert_int_equal(only(local("f", "u2"))->nd.hi, VL_ND_MAX);
}

static void scipy_special_stats_keep_order(void **state) {
  /* scipy.special / scipy.stats (libraries.tsv flag qualified): new arrays of the operand's ndim in its
   * memory order (keeps-order): C-contiguous of a C-contiguous operand or a list, unknown of a column
   * block or a parameter; rankdata is flat without axis=, unknown with it; stats.norm is no row */
  analyse(state,
          "import numpy as np\n"
          "import scipy.stats\n"
          "from scipy.special import softmax\n"
          "from scipy.stats import zscore, rankdata, norm\n"
          "def f(x):\n"
          "    a = np.zeros((4, 5))\n"
          "    s1 = softmax(a, axis=1)\n"
          "    s2 = softmax(a[:, :2])\n"
          "    s3 = softmax([1.0, 2.0])\n"
          "    s4 = softmax(x)\n"
          "    z1 = scipy.stats.zscore(a)\n"
          "    r1 = rankdata(a)\n"
          "    r2 = rankdata(a, axis=1)\n"
          "    n1 = norm.pdf(a)\n");
  tl_assert_ndim(local("f", "s1"), 2);
  assert_true(only(local("f", "s1"))->layout & VL_L_C);
  tl_assert_ndim(local("f", "s2"), 2);
  assert_int_equal(only(local("f", "s2"))->layout & (VL_L_C | VL_L_F), 0);
  tl_assert_ndim(local("f", "s3"), 1);
  assert_true(only(local("f", "s3"))->layout & VL_L_C);
  assert_int_equal(only(local("f", "s4"))->layout & (VL_L_C | VL_L_F), 0);
  tl_assert_ndim(local("f", "z1"), 2);
  assert_true(only(local("f", "z1"))->layout & VL_L_C);
  tl_assert_ndim(local("f", "r1"), 1);
  assert_int_equal(tl_count(local("f", "r2"), VL_O_ARRAY), 0);
  assert_int_equal(tl_count(local("f", "n1"), VL_O_ARRAY), 0);
}

static void numpy_ufuncs_keep_order(void **state) {
  /* NumPy's ufunc rows and np.sort (tag keeps-order, probed): a new array in its arguments' memory order,
   * C-contiguous only when every argument is Python data or a C-contiguous array (np.add(1.0, a.T) is
   * F-contiguous); a band of rows of a C-contiguous one ravels to a view, of an unknown one to unknown */
  analyse(state,
          "import numpy as np\n"
          "def f(x):\n"
          "    a = np.zeros((4, 5))\n"
          "    e1 = np.exp(a)\n"
          "    e2 = np.exp(a.T)\n"
          "    e3 = np.exp(x)\n"
          "    p1 = np.add(1.0, a)\n"
          "    p2 = np.add(1.0, a.T)\n"
          "    p3 = np.maximum(a, x)\n"
          "    s1 = np.sort(a, axis=1)\n"
          "    s2 = np.sort(a[:, :2])\n"
          "    c1 = np.clip(a, 0, 1)\n"
          "    m1 = a.clip(0, 1)\n"
          "    m2 = a.T.round(2)\n"
          "    pad = np.pad(a, 1, mode='edge')\n"
          "    v1 = e1[:2].ravel()\n"
          "    v2 = e2[:2].ravel()\n"
          "    r3 = e3.reshape(2, -1)\n");
  assert_true(only(local("f", "e1"))->layout & VL_L_C);
  tl_assert_ndim(local("f", "e2"), 2);
  assert_int_equal(only(local("f", "e2"))->layout & (VL_L_C | VL_L_F), 0);
  assert_int_equal(only(local("f", "e3"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "p1"))->layout & VL_L_C);
  assert_int_equal(only(local("f", "p2"))->layout & (VL_L_C | VL_L_F), 0);
  assert_int_equal(only(local("f", "p3"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "s1"))->layout & VL_L_C);
  assert_int_equal(only(local("f", "s2"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "c1"))->layout & VL_L_C);
  assert_true(only(local("f", "m1"))->layout & VL_L_C);
  assert_int_equal(only(local("f", "m2"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "pad"))->layout & VL_L_C);
  assert_true(only(local("f", "v1"))->view);
  assert_int_equal(tl_count(local("f", "v2"), VL_O_ARRAY), 0);
  assert_true(only(local("f", "r3"))->view); /* all of a new array: the same memory or a copy made here */
}

static void operators_keep_order(void **state) {
  /* an arithmetic operator follows its function's row (`a * 2` is np.multiply, `-a` np.negative: tag
   * keeps-order): C-contiguous only when both operands are Python data or C-contiguous arrays, unknown
   * of a transposed array or a parameter (the default library's row, NumPy's, for an operand of unknown
   * library); `@` (np.matmul, untagged) is C-contiguous whatever its operands */
  analyse(state,
          "import numpy as np\n"
          "def f(x):\n"
          "    a = np.zeros((4, 5))\n"
          "    b1 = a * 2.0\n"
          "    b2 = a.T * 2.0\n"
          "    b3 = 1.0 - a\n"
          "    b4 = a + a.T\n"
          "    b5 = -a.T\n"
          "    b6 = x / 2.0\n"
          "    b7 = a.T @ a\n"
          "    v1 = b1[:2].ravel()\n"
          "    v2 = b2[:2].ravel()\n");
  tl_assert_ndim(local("f", "b1"), 2);
  assert_true(only(local("f", "b1"))->layout & VL_L_C);
  tl_assert_ndim(local("f", "b2"), 2);
  assert_int_equal(only(local("f", "b2"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "b3"))->layout & VL_L_C);
  assert_int_equal(only(local("f", "b4"))->layout & (VL_L_C | VL_L_F), 0);
  assert_int_equal(only(local("f", "b5"))->layout & (VL_L_C | VL_L_F), 0);
  for (int i = 0; i < local("f", "b6")->n; i++)
    if (local("f", "b6")->objs[i].kind == VL_O_ARRAY) assert_int_equal(local("f", "b6")->objs[i].layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "b7"))->layout & VL_L_C);
  assert_true(only(local("f", "v1"))->view);
  assert_int_equal(tl_count(local("f", "v2"), VL_O_ARRAY), 0);
}

static void tensor_operators_keep_strides(void **state) {
  /* PyTorch's elementwise functions keep their operand's strides (tag keeps-order, probed as for NumPy:
   * torch.exp of a transposed tensor is not contiguous), and an operator on tensors follows its function's
   * row (`t * 2` is torch.multiply): contiguous only of contiguous operands and numbers; `@` (torch.matmul,
   * untagged) is contiguous whatever its operands */
  analyse(state,
          "import torch\n"
          "def f():\n"
          "    t = torch.zeros(4, 5)\n"
          "    b1 = t * 2.0\n"
          "    b2 = t.T * 2.0\n"
          "    b3 = torch.exp(t.T)\n"
          "    b4 = torch.exp(t)\n"
          "    b5 = -t.T\n"
          "    b6 = t.T @ t\n"
          "    b7 = t.T ** 2\n"
          "    v1 = b1[:2].reshape(-1)\n"
          "    v2 = b2[:2].reshape(-1)\n");
  assert_true(only(local("f", "b1"))->layout & VL_L_C);
  tl_assert_ndim(local("f", "b2"), 2);
  assert_int_equal(only(local("f", "b2"))->layout & (VL_L_C | VL_L_F), 0);
  assert_int_equal(only(local("f", "b3"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "b4"))->layout & VL_L_C);
  assert_int_equal(only(local("f", "b5"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "b6"))->layout & VL_L_C);
  /* `**` is np.power, which PyTorch names torch.pow: no row of that name, so not known C-contiguous */
  assert_int_equal(only(local("f", "b7"))->layout & (VL_L_C | VL_L_F), 0);
  assert_true(only(local("f", "v1"))->view);
  assert_int_equal(tl_count(local("f", "v2"), VL_O_ARRAY), 0);
}

static void gradient_and_histogramdd(void **state) {
  /* np.gradient (axis=int?copy:axis?-:ndim>1?copies:copy, keeps-order): a tuple of new arrays of f's ndim
   * for an f of several axes, one array of a 1-D f or with axis= an int, unknown with another axis= or of
   * an f of unknown ndim; in f's memory order.  np.histogramdd (items=?l:x): hist a new array of unknown
   * ndim and layout, edges unknown */
  analyse(state,
          "import numpy as np\n"
          "def f(x, ax):\n"
          "    a = np.zeros((40, 50))\n"
          "    v = np.zeros(40)\n"
          "    gy, gx = np.gradient(a)\n"
          "    g1 = np.gradient(v)\n"
          "    g2 = np.gradient(a, axis=-1)\n"
          "    g3 = np.gradient(a, axis=(0, 1))\n"
          "    g4 = np.gradient(x)\n"
          "    g5 = np.gradient(a, axis=ax)\n"
          "    ty, tx = np.gradient(a.T)\n"
          "    r = gx[:4]\n"
          "    h, e = np.histogramdd(a, bins=8)\n");
  tl_assert_ndim(local("f", "gx"), 2);
  assert_false(only(local("f", "gx"))->view);
  assert_true(only(local("f", "gx"))->layout & VL_L_C);
  tl_assert_ndim(local("f", "g1"), 1);
  assert_false(only(local("f", "g1"))->view);
  tl_assert_ndim(local("f", "g2"), 2);
  assert_int_equal(tl_count(local("f", "g3"), VL_O_ARRAY), 0);
  assert_int_equal(tl_count(local("f", "g4"), VL_O_ARRAY), 0);
  assert_int_equal(tl_count(local("f", "g5"), VL_O_ARRAY), 0);
  tl_assert_ndim(local("f", "tx"), 2);
  assert_int_equal(only(local("f", "tx"))->layout & (VL_L_C | VL_L_F), 0);
  partial_view_of(local("f", "r"), "gx");
  ndim_unknown(local("f", "h"));
  assert_int_equal(only(local("f", "h"))->layout & (VL_L_C | VL_L_F), 0);
  assert_int_equal(tl_count(local("f", "e"), VL_O_ARRAY), 0);
}

static void ix_mesh_indexing(void **state) {
  /* np.ix_(r, c) (effect index, tag mesh): a tuple of two index arrays of two axes; a[np.ix_(r, c)] is
   * a new array of a's ndim (not a view), whose row is a view and whose [i, j] a scalar; np.nonzero's
   * index keeps its unknown ndim */
  analyse(state,
          "import numpy as np\n"
          "def f(r, c):\n"
          "    a = np.zeros((40, 50))\n"
          "    a3 = np.zeros((40, 50, 6))\n"
          "    b = a[np.ix_(r, c)]\n"
          "    b0 = b[0]\n"
          "    e = a[np.ix_(r, c)][0, 0]\n"
          "    d = a3[np.ix_(r, c)]\n"
          "    rr = np.ix_(r, c)[0]\n"
          "    n = a[np.nonzero(a)]\n");
  tl_assert_ndim(local("f", "b"), 2);
  assert_false(only(local("f", "b"))->view);
  tl_assert_ndim(local("f", "b0"), 1);
  assert_true(only(local("f", "b0"))->view);
  assert_int_equal(tl_count(local("f", "e"), VL_O_ARRAY), 0);
  tl_assert_ndim(local("f", "d"), 3);
  tl_assert_ndim(local("f", "rr"), 2);
  assert_false(only(local("f", "n"))->view);
  assert_int_equal(only(local("f", "n"))->nd.hi, VL_ND_MAX);
}

static void lstsq_solution_has_b_ndim(void **state) {
  /* np.linalg.lstsq(a, b) (items=@1:-1:n:-1s): x has b's ndim (a list b: 1-D; b by keyword; a b of
   * unknown ndim: unknown), residuals and s are 1-D, rank an int */
  analyse(state,
          "import numpy as np\n"
          "def f(rows):\n"
          "    A = np.zeros((100, 4))\n"
          "    y = np.zeros(100)\n"
          "    Y = np.zeros((100, 3))\n"
          "    x1, res, rank, s = np.linalg.lstsq(A, y, rcond=None)\n"
          "    x2 = np.linalg.lstsq(A, Y, rcond=None)[0]\n"
          "    x3 = np.linalg.lstsq(A, b=Y)[0]\n"
          "    x4 = np.linalg.lstsq(A, [1.0, 2.0])[0]\n"
          "    x5 = np.linalg.lstsq(A, rows)[0]\n");
  tl_assert_ndim(local("f", "x1"), 1);
  tl_assert_ndim(local("f", "res"), 1);
  tl_assert_only(local("f", "rank"), VL_O_INT);
  tl_assert_ndim(local("f", "s"), 1);
  tl_assert_ndim(local("f", "x2"), 2);
  assert_true(only(local("f", "x2"))->layout & VL_L_C);
  tl_assert_ndim(local("f", "x3"), 2);
  tl_assert_ndim(local("f", "x4"), 1);
  assert_int_equal(tl_count(local("f", "x5"), VL_O_ARRAY), 1);
  assert_false(vl_nd_known(only(local("f", "x5"))->nd));
}

static void dict_splat_keeps_literal_keys(void **state) {
  /* {**d, ...} and dict(d) of a dict with literal string keys keep d's value per key (a config merged
   * over its defaults: `{**DEFAULTS, **(config or {})}["row"]` is DEFAULTS' int); what a parameter
   * adds is unknown and adds nothing; the same key in two dicts joins both values */
  analyse(state,
          "DEFAULTS = {'row': 0, 'lr': 0.1}\n"
          "def f(config=None):\n"
          "    a = {**DEFAULTS, **(config or {})}\n"
          "    r = a['row']\n"
          "    lr = a['lr']\n"
          "    b = dict(DEFAULTS, lr=0.5)\n"
          "    q = b['row']\n"
          "    c = {**DEFAULTS, **{'row': 0.5}}\n"
          "    cr = c['row']\n");
  tl_assert_only(local("f", "r"), VL_O_INT);
  tl_assert_only(local("f", "lr"), VL_O_SCALAR);
  tl_assert_only(local("f", "q"), VL_O_INT);
  assert_int_equal(tl_count(local("f", "cr"), VL_O_INT), 1);
  assert_int_equal(tl_count(local("f", "cr"), VL_O_SCALAR), 1);
}

static void dict_of_defaults_and_unknown_kwargs_is_open(void **state) {
  /* dict(defaults, **kwargs) of keywords not known here still answers a lookup of a default's key,
   * but it may hold other keys: g(**it) may pass any keyword (not only the defaults', leaving g's
   * others at their literal defaults: an analysis per call for those, 145 of them on timm's
   * vision_transformer.py) */
  analyse(state,
          "DEFAULTS = {'row': 0}\n"
          "def g(depth=1, mode=None, **kw):\n"
          "    if mode is None:\n"
          "        return 0\n"
          "    return 'x'\n"
          "def f(**kwargs):\n"
          "    q = dict(DEFAULTS, **kwargs)['row']\n"
          "    r = g(**dict(DEFAULTS, **kwargs))\n"
          "    s = g(**dict(DEFAULTS))\n");
  tl_assert_only(local("f", "q"), VL_O_INT);
  assert_int_equal(tl_count(local("f", "r"), VL_O_INT), 1);
  assert_int_equal(tl_count(local("f", "r"), VL_O_STR), 1);
  tl_assert_only(local("f", "s"), VL_O_INT);
}

static void dict_display_of_unknown_splat_is_open(void **state) {
  /* {**defaults, **kwargs} and dict(unknown) are open as dict(defaults, **kwargs) is: a lookup of a
   * default's key still answers it, g(**it) may pass any keyword; {**defaults, "k": v} is not */
  analyse(state,
          "DEFAULTS = {'row': 0}\n"
          "def g(depth=1, mode=None, **kw):\n"
          "    if mode is None:\n"
          "        return 0\n"
          "    return 'x'\n"
          "def f(opts, **kwargs):\n"
          "    q = {**DEFAULTS, **kwargs}['row']\n"
          "    r = g(**{**DEFAULTS, **kwargs})\n"
          "    t = g(**dict(opts))\n"
          "    u = g(**{**opts})\n"
          "    s = g(**{**DEFAULTS, 'depth': 2})\n");
  tl_assert_only(local("f", "q"), VL_O_INT);
  assert_int_equal(tl_count(local("f", "r"), VL_O_INT), 1);
  assert_int_equal(tl_count(local("f", "r"), VL_O_STR), 1);
  assert_int_equal(tl_count(local("f", "t"), VL_O_STR), 1);
  assert_int_equal(tl_count(local("f", "u"), VL_O_STR), 1);
  tl_assert_only(local("f", "s"), VL_O_INT);
}

static void loop_over_tuple_items_in_order(void **state) {
  /* for f in (a, b): the body once per item, in order: the first item sees what the loop was given,
   * the second what the first made (a chain of processors); after the loop, what the last made */
  analyse(state,
          "import numpy as np\n"
          "def crop(x):\n"
          "    return x[:, :4]\n"
          "def fresh(x):\n"
          "    return np.zeros((8, 8))\n"
          "def f():\n"
          "    x = np.ones((8, 8))\n"
          "    for t in (fresh, crop):\n"
          "        x = t(x)\n"
          "    y = x\n");
  assert_true(tl_has_view(local("f", "y")));
  assert_int_equal(tl_count(local("f", "y"), VL_O_ARRAY), 1);
}

static void thread_target_runs_with_its_arguments(void **state) {
  /* threading.Thread(target=f, args=(...), kwargs=dict(...)) calls f in this process: its stores into
   * the containers passed are the caller's, in the caller's loop; so does a thread pool's submit, whose
   * future's result is f's own (not a pickled copy) */
  analyse(state,
          "import threading\n"
          "from concurrent.futures import ThreadPoolExecutor\n"
          "import numpy as np\n"
          "def work(encode, names, out):\n"
          "    for name in names:\n"
          "        feats = encode(name)\n"
          "        out.append(feats[0])\n"
          "def enc(name):\n"
          "    return np.zeros((400, 64))\n"
          "def head(name):\n"
          "    return np.zeros((400, 64))[0]\n"
          "def run(chunks):\n"
          "    out, kw = [], []\n"
          "    ts = [threading.Thread(target=work, args=(enc, c, out)) for c in chunks]\n"
          "    t2 = threading.Thread(target=work, kwargs=dict(encode=enc, names=chunks[0], out=kw))\n"
          "    with ThreadPoolExecutor() as pool:\n"
          "        got = pool.submit(head, 'a').result()\n"
          "    return out, kw\n");
  assert_non_null(tl_hit(cur, "feats[0]"));
  assert_true(tl_has_view(local("run", "got")));
}

static void signal_stft_peak_frames(void **state) {
  /* scipy.signal.stft: f and t 1-D, Zxx one axis more than the signal, of unknown layout (a transposed
   * view of a buffer of its own); find_peaks: a 1-D integer array (the signal must be 1-D) and a dict */
  analyse(state,
          "import numpy as np\n"
          "from scipy import signal\n"
          "def f(clip):\n"
          "    freqs, times, zxx = signal.stft(clip, nperseg=512)\n"
          "    dense = np.ascontiguousarray(zxx[:, 3])\n"
          "    mag = np.abs(zxx)\n"
          "    peaks, props = signal.find_peaks(mag.sum(axis=0))\n"
          "    heights = props['peak_heights']\n"
          "    for t in peaks:\n"
          "        frame = mag[:, t]\n");
  assert_int_equal(only(local("f", "zxx"))->nd.lo, 1);
  tl_assert_new(local("f", "zxx"));
  assert_int_equal(only(local("f", "zxx"))->layout, 0);
  not_view(local("f", "dense"), "a column of unknown layout made contiguous: unknown");
  tl_assert_ndim(local("f", "peaks"), 1);
  assert_true(tl_count(local("f", "heights"), VL_O_ARRAY) == 0); /* the properties dict holds no array */
  partial_view_of(local("f", "frame"), "mag");
}

static void ravel_of_column_copies(void **state) {
  copy_of(stored(state, "a[:, i].ravel()"), "a[:, i].ravel()");
  copy_of(stored(state, "np.ravel(a[:, i])"), "np.ravel(a[:, i])");
}

static void copy_method(void **state) { copy_of(stored(state, "a[i].copy()"), "a[i].copy()"); }
static void copy_np_copy(void **state) { copy_of(stored(state, "np.copy(a[i])"), "np.copy(a[i])"); }
static void copy_np_array(void **state) { copy_of(stored(state, "np.array(a[i])"), "np.array(a[i])"); }
static void view_np_array_copy_false(void **state) { partial_view_of(stored(state, "np.array(a[i], copy=False)"), "a"); }
static void copy_np_array_copy_true(void **state) { copy_of(stored(state, "np.array(a[i], copy=True)"), "copy=True"); }
static void copy_astype(void **state) { copy_of(stored(state, "a[i].astype(np.float32)"), "astype"); }
static void view_astype_copy_false(void **state) {
  /* randn makes float64, but with no literal shape its dtype is not tracked: a cast to float32 (a copy in
   * fact) is unknown, never a view */
  not_view(stored(state, "a[i].astype(np.float32, copy=False)"), "astype of unknown dtype");
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    a = np.random.randn(100, 8)\n"
          "    s = a[0].astype(np.float64, copy=False)\n"
          "    t = a[0].astype(np.float32, copy=False)\n"
          "    u = a[0].astype(np.float32)\n"
          "    b = a * 2.0\n"
          "    v = b[0].astype(float, copy=False)\n"
          "    k = np.zeros((100, 8), dtype=np.int32) / 2\n"
          "    w = k[0].astype(np.int32, copy=False)\n");
  partial_view_of(local("f", "s"), "a");
  copy_of(local("f", "t"), "astype");
  copy_of(local("f", "u"), "astype");
  partial_view_of(local("f", "v"), "b");
  not_view(local("f", "w"), "an int array divided: its dtype changed");
}
static void copy_flatten(void **state) {
  const TlVal *v = stored(state, "a[i].flatten()");
  copy_of(v, "flatten");
  tl_assert_ndim(v, 1);
}
static void copy_arithmetic(void **state) {
  copy_of(stored(state, "a[i] * 2"), "a[i] * 2");
  copy_of(stored(state, "a[i] + 0"), "a[i] + 0");
  copy_of(stored(state, "-a[i]"), "-a[i]");
  copy_of(stored(state, "a[i] > 0"), "a[i] > 0");
}

static void scalar_tolist(void **state) {
  /* a row's tolist(): a new list of Python numbers (rules/overlay: tolist), holding no array */
  const TlVal *v = stored(state, "a[i].tolist()");
  tl_assert_only(v, VL_O_SEQ);
  no_array(v, 0);
}
static void scalar_item(void **state) { tl_assert_only(stored(state, "a[i].item()"), VL_O_SCALAR); }
static void scalar_float(void **state) { tl_assert_only(stored(state, "float(a[i, 0])"), VL_O_SCALAR); }
static void scalar_flat_element(void **state) {
  /* a.flat[k] is a Python value: whatever the engine makes of it, no view */
  not_view(stored(state, "a.flat[i]"), "a.flat[i]");
}

static void scalar_reduction(void **state) {
  tl_assert_only(stored(state, "a[i].sum()"), VL_O_SCALAR);
  tl_assert_only(stored(state, "a[i].mean()"), VL_O_SCALAR);
  tl_assert_only(stored(state, "np.sum(a[i])"), VL_O_SCALAR);
  copy_of(stored(state, "np.mean(a[i], axis=0)"), "np.mean(a[i], axis=0)");
  copy_of(stored(state, "a[i].sum(axis=0)"), "a[i].sum(axis=0)"); /* with an axis: an array */
}

static void view_ascontiguousarray_row(void **state) {
  /* a row of a C-contiguous array is already contiguous: no copy */
  partial_view_of(stored(state, "np.ascontiguousarray(a[i])"), "a");
  partial_view_of(stored(state, "np.require(a[i])"), "a");
}

static void copy_ascontiguousarray_column(void **state) {
  copy_of(stored(state, "np.ascontiguousarray(a[:, i])"), "np.ascontiguousarray(a[:, i])");
  copy_of(stored(state, "np.require(a[:, i], requirements='C')"), "np.require(a[:, i], requirements='C')");
  /* BUG, fixed: np.require with no requirements hands its argument back as it is (a view) */
  partial_view_of(stored(state, "np.require(a[:, i])"), "a");
  partial_view_of(stored(state, "np.require(a[:, i], None, 'A')"), "a");
  not_view(stored(state, "np.require(a[:, i], requirements=flags)"), "an unreadable request");
}

static void ascontiguousarray_of_ellipsis_column(void **state) {
  /* a[..., i] of a 2-D array is a column, like a[:, i]: not C-contiguous, so
   * np.ascontiguousarray(a[..., i]) copies (np.shares_memory is False) */
  copy_of(stored(state, "np.ascontiguousarray(a[..., i])"), "np.ascontiguousarray(a[..., i])");
}

static void view_asfortranarray_1d_row(void **state) {
  /* a 1-D row is both C- and F-contiguous: np.asfortranarray returns the same memory (measured:
   * np.shares_memory is True).  The old test listed it among the copies; the brief and the new
   * engine have it a view. */
  partial_view_of(stored(state, "np.asfortranarray(a[i])"), "a");
}

static void copy_asfortranarray_column(void **state) {
  copy_of(stored(state, "np.asfortranarray(a[:, i])"), "np.asfortranarray(a[:, i])");
}

static void asfortranarray_2d_row_not_a_view(void **state) {
  /* c[i] is a 2-D C-contiguous block: not F-contiguous, so asfortranarray copies it (the engine
   * cannot rule out a dimension of size 1 and says unknown: in any case no view) */
  not_view(stored(state, "np.asfortranarray(c[i])"), "np.asfortranarray(c[i])");
}

static void view_asarray(void **state) {
  partial_view_of(stored(state, "np.asarray(a[i])"), "a");
  partial_view_of(stored(state, "np.asanyarray(a[i])"), "a");
  /* asarray keeps the layout it was given: ascontiguousarray after it still knows the row */
  partial_view_of(stored(state, "np.ascontiguousarray(np.asarray(a[i]))"), "a");
}

static void view_transpose_attr(void **state) {
  const TlVal *v = stored(state, "a.T");
  view_of(v, "a");
  tl_assert_ndim(v, 2);
  assert_false(only(v)->partial);
}

static void view_chained_index_3d(void **state) {
  const TlVal *v = stored(state, "c[i][j]");
  partial_view_of(v, "c");
  tl_assert_ndim(v, 1);
}

static void view_negative_and_computed_index(void **state) {
  partial_view_of(stored(state, "a[-1]"), "a");
  partial_view_of(stored(state, "a[i + 1]"), "a");
  partial_view_of(stored(state, "a[len(a) - 1]"), "a");
}

static void slices_whole_or_partial(void **state) {
  /* a stop, a start from the end, or a step of 8 or more shows a small part; a start alone (a[1:],
   * a[i:]), a[:] and a[::2] show most (the old engine's rule, kept: its near misses stay quiet) */
  static const char *const partial[] = {"a[:i]", "a[i:i + 2]", "a[-8:]", "a[::8]", "a[:, :3]"};
  static const char *const whole[] = {"a[1:]", "a[i:]", "a[:]", "a[::2]"};
  for (size_t k = 0; k < sizeof partial / sizeof *partial; k++) partial_view_of(stored(state, partial[k]), "a");
  for (size_t k = 0; k < sizeof whole / sizeof *whole; k++) {
    const TlVal *v = stored(state, whole[k]);
    view_of(v, "a");
    if (only(v)->partial) fail_msg("%s: partial", whole[k]);
  }
}

static void unknown_ndim_int_index_not_a_view(void **state) {
  /* the classic-NMS look-alike: without evidence of 2 dimensions, raw[i] is not taken as a view */
  not_view(stored(state, "raw[i]"), "raw[i]");
  /* slices are views at any ndim */
  partial_view_of(stored(state, "raw[i:i + 2]"), "raw");
}

static void unknown_ndim_with_evidence_is_a_view(void **state) { partial_view_of(stored(state, "wide[i]"), "wide"); }

static void view_of_fresh_array(void **state) {
  /* per-file loads keeping a slice: a view of an unnamed new array made by the call */
  const TlVal *v = stored(state, "np.load(path)[:, 1]");
  const TlObj *o = only(v);
  assert_int_equal(o->kind, VL_O_ARRAY);
  assert_true(o->view);
  assert_true(o->partial);
  assert_int_equal(o->site_kind, VL_SITE_NEW);
  assert_int_equal(o->site_how, VL_HOW_PRODUCER);
  assert_int_equal(o->site_start, (uint32_t)(strstr(cur->text, "np.load(path)[") - cur->text));
}

static void view_functions(void **state) {
  static const char *const views[] = {
      "np.ravel(a[i])",         "np.transpose(c[i])",      "c[i].transpose()",    "c[i].swapaxes(0, 1)",
      "np.moveaxis(c[i], 0, 1)", "np.squeeze(a[i])",        "a[i].squeeze()",      "np.expand_dims(a[i], 0)",
      "np.atleast_2d(a[i])",    "np.flip(a[i])",           "np.rot90(c[i])",      "a[i].view()",
      "a[i].real",              "np.diagonal(c[i])",       "np.broadcast_to(a[i], (2, 8))",
      "sliding_window_view(a[i], 3)", "np.asanyarray(a[i])", "np.require(a[i])", "np.atleast_1d(a[i])",
      "np.atleast_3d(a[i])",
  };
  for (size_t k = 0; k < sizeof views / sizeof *views; k++) {
    const TlVal *v = stored(state, views[k]);
    const char *base = strstr(views[k], "c[i]") ? "c" : "a";
    if (!tl_has_view(v)) fail_msg("%s: not a view", views[k]);
    partial_view_of(v, base);
  }
}

static void copy_functions(void **state) {
  static const char *const copies[] = {
      "copy.copy(a[i])", "copy.deepcopy(a[i])", "np.take(a, i, axis=0)", "np.roll(a[i], 1)",
      "np.sort(a[i])",   "np.clip(a[i], 0, 1)", "np.where(cond, a[i], 0)", "np.concatenate([a[i], a[j]])",
      "np.stack([a[i]])", "np.pad(a[i], 1)",   "np.tile(a[i], 2)",       "np.repeat(a[i], 2)",
  };
  for (size_t k = 0; k < sizeof copies / sizeof *copies; k++) copy_of(stored(state, copies[k]), copies[k]);
}

static void copy_index_arrays_from_functions(void **state) {
  copy_of(stored(state, "a[pick]"), "a[pick]");   /* rng.choice(..., size=...): the fix docs/semantics.md recommends */
  copy_of(stored(state, "a[where]"), "a[where]"); /* np.where(...)[0] */
  copy_of(stored(state, "a[np.nonzero(b)]"), "a[np.nonzero(b)]");
}

static void conditional_views(void **state) {
  const TlVal *v = stored(state, "a[i] if cond else a[j]");
  partial_view_of(v, "a");
  /* a view on one path, a copy on the other: both possibilities are kept */
  v = stored(state, "a[i] if cond else a[i].copy()");
  assert_int_equal(v->n, 2);
  assert_true(tl_has_view(v));
  bool copy = false;
  for (int k = 0; k < v->n; k++) copy |= v->objs[k].kind == VL_O_ARRAY && !v->objs[k].view;
  assert_true(copy);
}

static void tuple_index_is_basic(void **state) {
  /* c[(i, 0)] is c[i, 0]: basic indexing, a view of a row of the 3-D c (only advanced indices copy) */
  const TlVal *v = stored(state, "c[(i, 0)]");
  partial_view_of(v, "c");
  tl_assert_ndim(v, 1);
}

static void unknown_call_is_unknown(void **state) {
  const TlVal *v = stored(state, "model(a[i])"); /* model: bound nowhere */
  tl_assert_only(v, VL_O_UNKNOWN);
}

/* ---- views through names, loops and rebinds ---- */

static void view_through_loop_alias(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(n, 8)\n"
          "    out = []\n"
          "    for i in range(n):\n"
          "        row = a[i]\n"
          "        out.append(row)\n"
          "    return out\n");
  partial_view_of(tl_stored(cur, "row"), "a");
}

static void view_iterating_rows(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(n, 8)\n"
          "    b = np.arange(n)\n"
          "    out = []\n"
          "    for row in a:\n"
          "        out.append(row)\n"
          "    for x in b:\n"
          "        out.append(x)\n"
          "    for k, r in enumerate(a):\n"
          "        z = r\n"
          "    return out\n");
  /* rows of a 2-D array are views, elements of a 1-D one hold nothing (of np.arange: indices) */
  const TlVal *row = local("f", "row");
  partial_view_of(row, "a");
  tl_assert_ndim(row, 1);
  tl_assert_only(local("f", "x"), VL_O_INT);
  partial_view_of(tl_stored(cur, "row"), "a");
  /* through enumerate and a plain assignment */
  tl_assert_only(local("f", "k"), VL_O_INT);
  partial_view_of(local("f", "z"), "a");
}

/* Pieces of one axis stored together that follow one another from the front to the end (the same
 * literal or the same expression text where one stops and the next starts) show all of it: DINOv2's
 * class token, register tokens and patch tokens of one output.  A chain with a gap, or one that
 * stops before the end, still pins the rest. */
/* A parameter tested against string literals twice, once to store views and once to replace what
 * was stored (diffusers' VisualCloze: crops kept as views unless output_type == "pil", concatenated
 * when output_type != "pil"): the joined paths make a finding no value of the parameter gives, so a
 * function's findings are confirmed per value (each literal, None, another string).  A store that
 * one value keeps is still reported. */
/* A method reading an attribute has its class's other methods analysed for what they set on self;
 * one of them calling the method back is no recursion (SAM 2's position embedding: `_pe` reads
 * self.cache, `forward` calls `_pe`).  Taken for one, each "recursive call" kept a new array. */
/* A container method called with arguments no list, set, deque, queue or dict method takes is no store
 * into one: `logger.append(row, step)`, `acc.update(gt_ids, trk_ids, dist)` (motmetrics' accumulator,
 * ByteTrack's evaluator), on an object of unknown type.  With one argument it still is. */
static void container_methods_need_their_arity(void **state) {
  static const char *const calls[] = {"acc.append(a[0], 1)", "acc.update(a[0], a[1], 3)", "acc.add(a[0], weight=2)",
                                      "acc.append(a[0])"};
  for (int i = 0; i < 4; i++) {
    char text[512];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def f(acc, n):\n"
             "    for _ in range(n):\n"
             "        a = np.random.rand(64, 64)\n"
             "        %s\n"
             "    return acc\n",
             calls[i]);
    analyse(state, text);
    if (i < 3 && cur->nhits) fail_msg("`%s` taken for a container store", calls[i]);
    if (i == 3 && !cur->nhits) fail_msg("`%s` not taken for a store", calls[i]);
  }
}

/* A part of each listed result taken out of sight, by a lambda mapped over the list (Stable
 * Diffusion's copy of x-transformers: `list(map(lambda t: t[..., -self.max_mem_len:, :].detach(),
 * new_mems))`): its share is unknown, so not reported; the same window taken in sight, with a
 * literal bound, is. */
static void listed_part_made_out_of_sight(void **state) {
  static const char *const maps[] = {"list(map(lambda t: t[..., -k:, :], outs))", "[t[..., -8:, :] for t in outs]"};
  for (int i = 0; i < 2; i++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def f(xs, k):\n"
             "    outs = list(map(lambda x: np.concatenate([x, x * 2], axis=-2), xs))\n"
             "    return %s\n",
             maps[i]);
    analyse(state, text);
    if (i == 0 && cur->nhits) fail_msg("a hit for `%s`", maps[i]);
    if (i == 1 && !cur->nhits) fail_msg("no hit for `%s`", maps[i]);
  }
}

static void attribute_hint_is_not_a_call(void **state) {
  analyse(state,
          "import torch\n"
          "class PE:\n"
          "    def __init__(self):\n"
          "        self.cache = {}\n"
          "    def _pe(self, B, *key):\n"
          "        pos = torch.zeros(B, 64, 64)\n"
          "        self.cache[B] = pos[0]\n"
          "        return pos\n"
          "    def forward(self, x):\n"
          "        return self._pe(x.shape[0], 1, 2)\n");
  no_hits(cur);
}

static void findings_confirmed_per_string_value(void **state) {
  static const char *const after[] = {
      "    if mode != 'pil':\n        out = np.concatenate(out)\n", /* the storing path replaces the list */
      "    if mode == 'latent':\n        out = []\n",                  /* "np" keeps the views */
      "    if mode is None:\n        out = np.concatenate(out)\n",     /* None is not 'pil' either */
  };
  for (int i = 0; i < 3; i++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def f(batches, mode='pil'):\n"
             "    out = []\n"
             "    for b in batches:\n"
             "        h = np.tanh(b @ np.ones((16, 1024)))\n"
             "        if mode == 'pil':\n"
             "            out.append(h[:, :8].tolist())\n"
             "        else:\n"
             "            out.append(h[:, :8])\n"
             "%s"
             "    return out\n",
             after[i]);
    analyse(state, text);
    if (i == 0 && cur->nhits) fail_msg("a hit, though the list of views is replaced where it is filled");
    if (i > 0 && !cur->nhits) fail_msg("no hit for case %d", i);
  }
}

static void pieces_from_front_to_end_show_all(void **state) {
  static const char *const whole[] = {
      "{'cls': h[:, 0], 'reg': h[:, 1:k + 1], 'patch': h[:, k + 1:]}",
      "(h[:, 0, :], h[:, 1:, :])",
      "(h[:, -1], h[:, :-1])",
      "(h[:k], h[k:])",
  };
  static const char *const part[] = {
      "(h[:, 0], h[:, 2:])",      /* column 1 left out */
      "(h[:, 0], h[:, 1:k + 1])", /* stops before the end */
      "(h[:, :k], h[:, k + 1:])", /* different texts where they meet */
      "(h[:, 0], h[1:])",         /* two axes */
  };
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < 4; i++) {
      char text[1024];
      snprintf(text, sizeof text,
               "import numpy as np\n"
               "def f(batches, k):\n"
               "    out = []\n"
               "    for b in batches:\n"
               "        h = np.tanh(b @ np.ones((16, 1024)))\n"
               "        out.append(%s)\n"
               "    return out\n",
               pass ? part[i] : whole[i]);
      analyse(state, text);
      if (pass && !cur->nhits) fail_msg("no hit for `%s`", part[i]);
      if (!pass && cur->nhits) fail_msg("a hit for `%s`, which keeps all of h", whole[i]);
    }
}

/* The same pieces returned by a helper of the module (`return d[:, 1:], d[:, 0]`, or names bound
 * once to them): kept both, they show all; one of them kept, or a helper that may return early,
 * still pins the rest (retain.c: returned_tuple) */
static void helper_pieces_show_all(void **state) {
  static const char *const helper[] = {
      "def split(d):\n    return d[:, 1:], d[:, 0]\n",
      "def split(d):\n    y = d[:, 0]\n    x = d[:, 1:]\n    return x, y\n",
      "def split(d):\n    return d[:, :-1], d[:, -1]\n",
      "def split(d):\n    if len(d) > 8:\n        return d[:, 2:], d[:, 0]\n    return d[:, 1:], d[:, 0]\n",
  };
  static const char *const keep[] = {"xs.append(x)\n        ys.append(y)", "ys.append(y)"};
  for (int h = 0; h < 4; h++)
    for (int k = 0; k < 2; k++) {
      char text[1024];
      snprintf(text, sizeof text,
               "import numpy as np\n"
               "%s"
               "def f(batches):\n"
               "    xs, ys = [], []\n"
               "    for b in batches:\n"
               "        h = np.tanh(b @ np.ones((16, 1024)))\n"
               "        x, y = split(h)\n"
               "        %s\n"
               "    return xs, ys\n",
               helper[h], keep[k]);
      analyse(state, text);
      bool all = k == 0 && h < 3;
      if (all && cur->nhits) fail_msg("a hit for helper %d keeping both pieces", h);
      if (!all && !cur->nhits) fail_msg("no hit for helper %d keeping %s", h, k ? "one piece" : "both");
    }
}

static void split_pieces_are_views(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(n, 8)\n"
          "    out = []\n"
          "    for piece in np.split(a, 16):\n"
          "        out.append(piece)\n"
          "        out.append(np.array_split(a, 12)[0])\n"
          "        out.append(np.split(a, 4)[0])\n"
          "    return out\n");
  partial_view_of(local("f", "piece"), "a");
  tl_assert_ndim(local("f", "piece"), 2);
  partial_view_of(tl_stored(cur, "np.array_split(a, 12)[0]"), "a");
  view_of(tl_stored(cur, "np.split(a, 4)[0]"), "a"); /* one of k < 8 parts pins under 8x: not a part */
}

static void split_pieces_of_whole_views(void **state) {
  /* the pieces of a view showing all of its base (`x.T`, `np.atleast_2d(x)`, `t.transpose(0, 1)`) are
   * every piece of it, as its rows are: keeping them all keeps the array whole; one of them is a part */
  static const char *const views[] = {"x.T", "np.atleast_2d(x)", "np.transpose(x)"};
  for (int k = 0; k < 3; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def f(n):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        x = np.random.randn(400, 64)\n"
             "        for band in np.array_split(%s, 16):\n"
             "            keep.append(band)\n"
             "    return keep\n"
             "def g(n):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        x = np.random.randn(400, 64)\n"
             "        keep.append(np.array_split(%s, 16)[0])\n"
             "    return keep\n",
             views[k], views[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, 1);
    assert_true(cur->hits[0].at.start > (uint32_t)(strstr(text, "def g") - text)); /* g's store, not f's */
  }
}

static void classmethod_gets_the_class_it_is_called_on(void **state) {
  /* `Sub.build()` runs `cls()` of Sub: its overriding method makes the view; Base's copies */
  static const char *const classes[] = {"Sub", "Base"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "class Base:\n"
             "    @classmethod\n"
             "    def build(cls):\n"
             "        return cls()\n"
             "    def pick(self, h):\n"
             "        return h.mean(axis=1)\n"
             "class Sub(Base):\n"
             "    def pick(self, h):\n"
             "        return h[:, 0]\n"
             "def run(n):\n"
             "    m = %s.build()\n"
             "    kept = []\n"
             "    for _ in range(n):\n"
             "        kept.append(m.pick(np.random.randn(n, 64, 8)))\n"
             "    return kept\n",
             classes[k]);
    analyse(state, text);
    if (k == 0) assert_non_null(tl_hit(cur, "m.pick(np.random.randn(n, 64, 8))"));
    else assert_null(tl_hit(cur, "m.pick(np.random.randn(n, 64, 8))"));
  }
}

static void list_filled_by_earlier_loop_steps(void **state) {
  /* a for statement over a list an earlier for loop or comprehension filled with new arrays gets one
   * of them per step: a part of each kept is a leak; not when the list is kept too, not for a while
   * loop's list (a recurrence).  (Written for a second implementation of list_of_results_iterated_later,
   * not merged; its cases hold for the merged one.) */
  static const char *const fill[] = {
      "    outs = [np.random.randn(n, 64) for _ in range(8)]\n",
      "    outs = []\n    for _ in range(8):\n        outs.append(np.random.randn(n, 64))\n",
      "    outs = list(map(make, [n] * 8))\n",
      "    outs = []\n    while len(outs) < 8:\n        outs.append(np.random.randn(n, 64))\n",
  };
  static const char *const ret[] = {"kept", "kept, outs"};
  for (int k = 0; k < 4; k++)
    for (int r = 0; r < 2; r++) {
      char text[1024];
      snprintf(text, sizeof text,
               "import numpy as np\n"
               "def make(n):\n"
               "    return np.random.randn(n, 64)\n"
               "def f(n):\n"
               "%s"
               "    kept = []\n"
               "    for o in outs:\n"
               "        kept.append(o[0])\n"
               "    return %s\n",
               fill[k], ret[r]);
      analyse(state, text);
      if (k < 3 && r == 0) assert_non_null(tl_hit(cur, "o[0]"));
      else assert_null(tl_hit(cur, "o[0]"));
    }
}

static void specialisation_binds_arrays_of_two_axes_or_more(void **state) {
  /* a method analysed for the instance it is called on also gets an array passed whose ndim is only
   * known to be >= 2 (np.atleast_2d of a loaded array): `seg[0]` of each of its pieces is a row view;
   * a 1-D array's pieces give scalars */
  static const char *const args[] = {"np.atleast_2d(np.load(p)) / 255.0", "np.load(p).ravel() / 255.0"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "class Index:\n"
             "    def __init__(self):\n"
             "        self.keys = []\n"
             "    def add(self, frames):\n"
             "        for seg in np.array_split(frames, 4):\n"
             "            self.keys.append(seg[0])\n"
             "def build(paths):\n"
             "    index = Index()\n"
             "    for p in paths:\n"
             "        index.add(%s)\n"
             "    return index\n",
             args[k]);
    analyse(state, text);
    if (k == 0) assert_non_null(tl_hit(cur, "seg[0]"));
    else assert_null(tl_hit(cur, "seg[0]"));
  }
  /* a module function, analysed again for the arrays a call passes (VlSummary.rows_deferred) */
  static const char *const shapes[] = {"384, 64", "384 * 64"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def heads(bank, feats):\n"
             "    for chunk in np.array_split(feats, 8):\n"
             "        bank.append(chunk[0])\n"
             "def build(n):\n"
             "    bank = []\n"
             "    for _ in range(n):\n"
             "        heads(bank, np.random.randn(%s))\n"
             "    return bank\n",
             shapes[k]);
    analyse(state, text);
    if (k == 0) assert_non_null(tl_hit(cur, "chunk[0]"));
    else assert_null(tl_hit(cur, "chunk[0]"));
  }
}

static void unpacked_split_pieces_are_not_parts(void **state) {
  /* `a, b = x.split(d, 1)` of a fresh x: each of n < 8 pieces of one size shows 1/n of x, so keeping
   * one is no leak (VL_F_EQUAL_PIECES); but with split points or sizes given as a list, or with a
   * slice of the piece kept, it is */
  static const struct { const char *split, *kept; bool hit; } cases[] = {
      {"x.split(d, dim=1)", "mu", false},
      {"torch.chunk(x, 2, 1)", "mu", false},
      {"x.unbind(0)", "mu", false},
      {"x.split([1, 2 * d - 1], dim=1)", "mu", true},
      {"torch.split(x, (1, 2 * d - 1), 1)", "mu", true},
      {"x.split(d, dim=1)", "mu[:1]", true},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import torch\n"
             "def f(n, d):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        x = torch.randn(2, 4096, 2 * d)\n"
             "        mu, logvar = %s\n"
             "        keep.append(%s)\n"
             "    return keep\n",
             cases[k].split, cases[k].kept);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, cases[k].kept));
    else assert_null(tl_hit(cur, cases[k].kept));
  }
}

static void number_and_flag_literals_decide_branches(void **state) {
  /* a parameter compared with a number (`t != 1.0`, `k > 0`) or tested for truth (`if flag:`, `not
   * flag`), in an `if` or a conditional expression: a call leaving the literal default, or passing a
   * literal, decides the branch (interp.c: num_test, truth_test); a value not known stays both */
  static const struct { const char *test, *call; bool hit; } cases[] = {
      {"temperature != 1.0", "f(n)", false},          /* default 1.0: the copy branch is not taken */
      {"temperature != 1.0", "f(n, 0.5)", true},
      {"temperature != 1.0", "f(n, temperature=-2.5)", true},
      {"temperature == 1", "f(n)", true},             /* 1.0 == 1 */
      {"temperature > 0.5", "f(n, 0.25)", false},
      {"0.5 < temperature", "f(n, 0.75)", true},
      {"flag", "f(n)", false},                         /* flag=False */
      {"flag", "f(n, flag=True)", true},
      {"not flag", "f(n)", true},
      {"temperature != 1.0", "f(n, float(n))", false}, /* not a literal: either branch */
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def f(n, temperature=1.0, flag=False):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        a = np.random.rand(4096, 64)\n"
             "        keep.append(a[0] if %s else a.mean(0))\n"
             "    return keep\n"
             "def run(n):\n"
             "    return %s\n",
             cases[k].test, cases[k].call);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, "a[0]"));
    else assert_null(tl_hit(cur, "a[0]"));
  }
}

static void some_rows_picked_and_item_indices(void **state) {
  /* heapq.nlargest(k, a, key=...) picks some of a's rows, not every one (VL_F_EVERY): keeping them
   * pins a; `i = t.argmax()` then `i.item()` is the same int, so t[i.item()] is a row */
  static const struct { const char *made, *kept, *hit; } cases[] = {
      {"np.random.rand(5000, 6)", "keep.extend(heapq.nlargest(3, a, key=lambda r: r[4]))", "heapq.nlargest(3, a, key=lambda r: r[4])"},
      {"np.random.rand(5000, 6)", "keep.extend(heapq.nlargest(3, a.tolist(), key=lambda r: r[4]))", NULL},
      {"torch.rand(5000, 6)", "keep.append(a[a[:, 4].argmax().item()])", "a[a[:, 4].argmax().item()]"},
      {"torch.rand(5000, 6)", "keep.append(a[a[:, 4].max().item()])", NULL}, /* a float: not an index */
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import heapq\n"
             "import numpy as np\n"
             "import torch\n"
             "def f(n):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        a = %s\n"
             "        %s\n"
             "    return keep\n",
             cases[k].made, cases[k].kept);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, cases[k].hit));
    else assert_int_equal(cur->nhits, 0);
  }
}

/* extend stores every row of what it is given: of a view showing all of its base (`t.cpu().numpy()`,
 * `a.T`, a reshape) that is every piece of the base, which pins nothing more (silent, as a whole
 * array's rows are); rows of a part (`a[:5]`, `a[::10]`, `.numpy()` of a slice) still pin the base */
static void extend_with_rows_of_a_whole_view(void **state) {
  static const struct { const char *made, *kept, *hit; } cases[] = {
      {"torch.randn(4096, 64)", "keep.extend(a.clone().cpu().numpy())", NULL},
      {"torch.randn(4096, 64)", "keep.extend(a.detach().numpy())", NULL},
      {"np.random.rand(4096, 64)", "keep.extend(a.T)", NULL},
      {"np.random.rand(4096, 64)", "keep.extend(a.reshape(-1, 128))", NULL},
      {"np.random.rand(4096, 64)", "keep.extend(a)", NULL},
      {"np.random.rand(4096, 64)", "keep.extend(a[:5])", "a[:5]"},
      {"np.random.rand(4096, 64)", "keep.extend(a[::10])", "a[::10]"},
      {"torch.randn(4096, 64)", "keep.extend(a.cpu().numpy()[:5])", "a.cpu().numpy()[:5]"},
      {"torch.randn(4096, 64)", "keep.extend(a[:5].numpy())", "a[:5].numpy()"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "import torch\n"
             "def f(n):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        a = %s\n"
             "        %s\n"
             "    return keep\n",
             cases[k].made, cases[k].kept);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, cases[k].hit));
    else assert_int_equal(cur->nhits, 0);
  }
}

/* A project subclass of list made from a list display (`Procs([rec, Temperature(0.7)])`) is a list of
 * those items: `for proc in self` in its __call__ runs each, in the display's order, so a recorder
 * first is handed the loop's view, one after a copying processor the copy; a class with its own
 * __iter__ is not taken for its items */
static void list_subclass_runs_its_items(void **state) {
  static const struct { const char *klass, *extra, *procs; bool hit; } cases[] = {
      {"Procs(list)", "", "[rec, Temp()]", true},
      {"Procs(list)", "", "[Temp(), rec]", false},
      {"Procs(Base)", "", "[rec]", true},
      {"Procs(list)", "", "[]", false},
      {"Procs(list)", "    def __iter__(self):\n        return iter(())\n", "[rec]", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1536];
    snprintf(text, sizeof text,
             "import torch\n"
             "class Base(list):\n"
             "    pass\n"
             "class %s:\n"
             "%s"
             "    def __call__(self, s):\n"
             "        for proc in self:\n"
             "            s = proc(s)\n"
             "        return s\n"
             "class Rec:\n"
             "    def __init__(self):\n"
             "        self.seen = []\n"
             "    def __call__(self, s):\n"
             "        self.seen.append(s)\n"
             "        return s\n"
             "class Temp:\n"
             "    def __call__(self, s):\n"
             "        return s / 0.7\n"
             "def run(procs):\n"
             "    for _ in range(50):\n"
             "        out = torch.randn(8, 64, 512)\n"
             "        procs(out[:, -1])\n"
             "def main():\n"
             "    rec = Rec()\n"
             "    run(Procs(%s))\n"
             "    return rec\n",
             cases[k].klass, cases[k].extra, cases[k].procs);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, "s"));
    else assert_int_equal(cur->nhits, 0);
  }
}

/* A forward hook (or pre-hook) taking further parameters with defaults (`def hook(m, inp, out,
 * name=name)`, `lambda m, args, i=i: ...`) or **kwargs gets the library's arguments first; one with a
 * further parameter without a default is not the hook PyTorch calls */
static void hook_with_default_parameters(void **state) {
  static const struct { const char *sig, *kept; bool hit; } cases[] = {
      {"m, inp, out, name=name", "out[:, 0]", true},
      {"m, inp, out, *, name=name", "out[:, 0]", true},
      {"m, inp, out, **kw", "out[:, 0]", true},
      {"m, inp, out, name", "out[:, 0]", false},
      {"m, inp, out, name=name", "out[:, 0].clone()", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import torch\n"
             "from torch import nn\n"
             "def attach(model, feats):\n"
             "    for name, mod in model.named_modules():\n"
             "        def hook(%s):\n"
             "            feats[name].append(%s)\n"
             "        mod.register_forward_hook(hook)\n",
             cases[k].sig, cases[k].kept);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, cases[k].kept));
    else assert_int_equal(cur->nhits, 0);
  }
}

static void ring_slots_by_remainder(void **state) {
  /* a list slot written at a remainder (`pos = (pos + 1) % k`, also `self.pos` whose class assigns
   * it only literals and remainders) is a ring's: bounded, silent; a position that only grows is not */
  static const struct { const char *update; bool hit; } cases[] = {
      {"self.pos = (self.pos + 1) % self.cap", false},
      {"self.pos += 1", true},
      {"self.pos = self.pos + 1", true},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "class Ring:\n"
             "    def __init__(self, cap):\n"
             "        self.buf = []\n"
             "        self.pos = 0\n"
             "        self.cap = cap\n"
             "    def add(self, x):\n"
             "        self.buf.append(None)\n"
             "        self.buf[self.pos] = x\n"
             "        %s\n"
             "def run(n):\n"
             "    r = Ring(8)\n"
             "    for _ in range(n):\n"
             "        obs = np.random.rand(1000, 1000)\n"
             "        r.add(obs[0])\n"
             "    return r\n",
             cases[k].update);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, "x"));
    else assert_int_equal(cur->nhits, 0);
  }
  analyse(state, "import numpy as np\n"
                 "def run(n):\n"
                 "    hist = [None] * 4\n"
                 "    slot = 0\n"
                 "    for _ in range(n):\n"
                 "        f = np.random.rand(240, 320)\n"
                 "        hist[slot] = f[::2, ::2]\n"
                 "        slot = (slot + 1) % 4\n"
                 "    return hist\n");
  assert_int_equal(cur->nhits, 0);
}

static void key_names_one_slot(void **state) {
  /* retain.c: key_one_slot, the one predicate for "the key names one slot across the loop's
   * iterations": a literal, a ring's slot, a closure's parameter (the key alone, carried to callers) or
   * a name the loop never rebinds; into a dict or an object array alike.  The
   * loop's target, a name the loop assigns, or an expression of them still vary. */
  static const struct { const char *store; bool hit; } cases[] = {
      {"latest[\"last\"] = frame[:8]", false},
      {"latest[name] = frame[:8]", false},
      {"latest[i] = frame[:8]", true},
      {"latest[tag] = frame[:8]", true},
      {"latest[(name, i)] = frame[:8]", true},
      {"cells[name] = frame[:8]", false},
      {"cells[tag] = frame[:8]", true},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "latest = {}\n"
             "cells = np.empty(8, dtype=object)\n"
             "def watch(name, n):\n"
             "    for i in range(n):\n"
             "        tag = i %% 3 + n\n"
             "        frame = np.random.rand(1000, 1000)\n"
             "        %s\n",
             cases[k].store);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, "frame[:8]"));
    else if (cur->nhits) fail_msg("`%s`: %d hits, expected none", cases[k].store, cur->nhits);
  }
  /* a closure's parameter cell: every call of the wrapper writes the one slot of the caller's loop;
   * a key that grows with the dict does not */
  static const char *const closure_keys[] = {"name", "len(LAST)"};
  for (size_t k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "LAST = {}\n"
             "def log_calls(name):\n"
             "    def deco(fn):\n"
             "        def wrapper(x):\n"
             "            out = fn(x)\n"
             "            LAST[%s] = out[:4]\n"
             "            return out\n"
             "        return wrapper\n"
             "    return deco\n"
             "@log_calls(\"step\")\n"
             "def step(x):\n"
             "    return x * 2\n"
             "def run(n):\n"
             "    for i in range(n):\n"
             "        step(np.random.rand(1000, 1000))\n",
             closure_keys[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, (int)k);
  }
}

static void flattened_lists_keep_their_items(void **state) {
  /* sum(lists, []) and itertools.chain.from_iterable(...) hand out the items of the items: rows of
   * fresh arrays kept so are found; every row of each, or copies, are not */
  static const struct { const char *ret; bool hit; } cases[] = {
      {"sum([[b[0]] for b in gen(n)], [])", true},
      {"sum([[b[0].copy()] for b in gen(n)], [])", false},
      {"sum([list(b) for b in gen(n)], [])", false},
      {"list(itertools.chain.from_iterable(b[:2] for b in gen(n)))", true},
      {"list(itertools.chain.from_iterable(gen(n)))", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import itertools\n"
             "import numpy as np\n"
             "def gen(n):\n"
             "    for _ in range(n):\n"
             "        yield np.random.rand(1000, 100)\n"
             "def f(n):\n"
             "    return %s\n",
             cases[k].ret);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void argsort_order_of_parameter_decided_by_caller(void **state) {
  /* `order[i]` of `order = np.argsort(dets[:, 4])[::-1]` in a helper's loop, `dets` a parameter: the
   * order's ndim (and so whether `order[i]` is an int) is decided by the array a call passes; the
   * caller then keeps a row of its own new array per iteration (VlSummary.rows_deferred) */
  static const char *const made[] = {"np.random.rand(500, 6)", "base"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def nms(dets, top_k):\n"
             "    order = np.argsort(dets[:, 4])[::-1][:top_k]\n"
             "    keep = []\n"
             "    i = 0\n"
             "    while i < len(order):\n"
             "        keep.append(order[i])\n"
             "        i += 1\n"
             "    return keep\n"
             "def f(n, base):\n"
             "    kept = []\n"
             "    for _ in range(n):\n"
             "        dets = %s\n"
             "        for j in nms(dets, 10):\n"
             "            kept.append(dets[j, :4])\n"
             "    return kept\n",
             made[k]);
    analyse(state, text);
    if (k == 0) assert_non_null(tl_hit(cur, "dets[j, :4]"));
    else assert_null(tl_hit(cur, "dets[j, :4]"));
  }
}

static void index_from_own_parameter_decided_by_caller(void **state) {
  /* `u[:, col]` in a function's own loop, `col` (or `col - 1`) a parameter of it: whether the index is
   * an integer (a view) is decided by what a call passes, or by the parameter's literal default when the
   * call passes nothing; also when the subscript is a helper's (`record(u, col)`) (Frame.param_index) */
  static const char *const calls[] = {"simulate()", "simulate(col=[3, 9])", "simulate(col=7)"};
  static const char *const stores[] = {"        hist.append(u[:, col - 1])\n", "        record(hist, u, col)\n"};
  for (int j = 0; j < 2; j++)
    for (int k = 0; k < 3; k++) {
      char text[1024];
      snprintf(text, sizeof text,
               "import numpy as np\n"
               "def record(h, field, c):\n"
               "    h.append(field[:, c])\n"
               "def simulate(n=20, col=96):\n"
               "    u = np.zeros((256, 256))\n"
               "    hist = []\n"
               "    for _ in range(n):\n"
               "        u = u * 0.5 + 1.0\n"
               "%s"
               "    return hist\n"
               "def main():\n"
               "    return %s\n",
               stores[j], calls[k]);
      analyse(state, text);
      const char *view = j == 0 ? "u[:, col - 1]" : "field[:, c]";
      if (k != 1) assert_non_null(tl_hit(cur, view));
      else assert_null(tl_hit(cur, view));
    }
}

static void executor_map_hands_out_results(void **state) {
  /* a thread pool's map(f, items) hands out f(item) in order, a new array per step, as map() does; a
   * `with` binds the pool itself.  A process pool's results come back pickled: a copy per step too */
  static const char *const pools[] = {
      "    with ThreadPoolExecutor(max_workers=2) as pool:\n        outs = pool.map(enc, xs)\n",
      "    pool = concurrent.futures.ProcessPoolExecutor()\n    outs = pool.map(enc, xs)\n",
  };
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import concurrent.futures\n"
             "from concurrent.futures import ThreadPoolExecutor\n"
             "import numpy as np\n"
             "def enc(x):\n"
             "    return np.tanh(x @ np.ones((4, 64)))\n"
             "def f(n):\n"
             "    keep = []\n"
             "    xs = [np.random.randn(256, 4) for _ in range(n)]\n"
             "%s"
             "    for h in outs:\n"
             "        keep.append(h[0])\n"
             "    return keep\n",
             pools[k]);
    analyse(state, text);
    assert_non_null(tl_hit(cur, "h[0]"));
  }
}

static void process_pool_results_are_copies(void **state) {
  /* what a worker process returns comes back pickled, a new array per result: a part of it kept pins
   * that whole result (pool.imap, executor.submit(...).result(), pool.starmap, futures submitted in a
   * comprehension and read through as_completed); the result kept whole, or a copy of its part,
   * pins nothing more */
  static const char *const loops[] = {
      "    with mp.Pool(2) as pool:\n        for r in pool.imap(sim, xs):\n            keep.append(r[0])\n",
      "    with ProcessPoolExecutor() as ex:\n        for a in xs:\n            keep.append(ex.submit(sim, a).result()[0])\n",
      "    with mp.Pool(2) as pool:\n        for r in pool.starmap(sim, [(a,) for a in xs]):\n            keep.append(r[0])\n",
      "    with mp.Pool(2) as pool:\n        for r in pool.imap(sim, xs):\n            keep.append(r)\n",
      "    with ProcessPoolExecutor() as ex:\n        for r in ex.map(sim, xs):\n            keep.append(r[0].copy())\n",
      "    with ProcessPoolExecutor() as ex:\n        fs = [ex.submit(sim, a) for a in xs]\n"
      "        for fut in as_completed(fs):\n            keep.append(fut.result()[0])\n",
  };
  for (int k = 0; k < 6; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import multiprocessing as mp\n"
             "from concurrent.futures import ProcessPoolExecutor, as_completed\n"
             "import numpy as np\n"
             "def sim(a):\n"
             "    return np.ones((500, 400)) * a\n"
             "def f(xs):\n"
             "    keep = []\n"
             "%s"
             "    return keep\n",
             loops[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, k < 3 || k == 5 ? 1 : 0);
  }
}

static void slice_step_of_own_array_decided_by_call(void **state) {
  /* `frame[::stride, ::stride]` of a frame this function makes, the stride a parameter: the call
   * decides (an analysis for its arguments, VlSummary.size_deferred): 8 keeps 1/64, 1 all of it */
  static const char *const strides[] = {"8", "1"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def previews(n, stride):\n"
             "    kept = []\n"
             "    for _ in range(n):\n"
             "        frame = np.random.rand(240, 320, 3)\n"
             "        kept.append(frame[::stride, ::stride])\n"
             "    return kept\n"
             "def run():\n"
             "    return previews(60, stride=%s)\n",
             strides[k]);
    analyse(state, text);
    if (k == 0) assert_non_null(tl_hit(cur, "frame[::stride, ::stride]"));
    else assert_null(tl_hit(cur, "frame[::stride, ::stride]"));
  }
}

static void slice_step_share_of_length(void **state) {
  /* a step that is a length divided by a known count (`len(y) // 100`, `max(1, y.size // 64)`,
   * `y.shape[0] // 16`) keeps about that many entries: a part; a step of 2 (or a length divided by
   * something not known) is not counted (ops.c: length_share, interp.c: describe_slice) */
  static const struct {
    const char *step;
    bool hit;
  } cases[] = {
      {"len(y) // 100", true},          {"max(1, y.size // 64)", true}, {"max(y.shape[0] // 16, 1)", true},
      {"len(y) // 4", true},            {"2", false},                   {"len(y) // k", false},
      {"max(2, len(y) // 100)", false}, {"y.size - 100", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def thin(n, k):\n"
             "    kept = []\n"
             "    for _ in range(n):\n"
             "        y = np.random.rand(200000)\n"
             "        kept.append(y[::%s])\n"
             "    return kept\n",
             cases[k].step);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void optimizer_callback_step_from_receiver(void **state) {
  /* minimize(..., callback=tracker): `xk[::self.stride]` with the stride the tracker's constructor set
   * from the problem size is a part of each new iterate (retain.c: hook_part_resolved); a stride of
   * 2 shows half of it */
  static const struct {
    const char *stride;
    bool hit;
  } cases[] = {{"max(1, n // 200)", true}, {"16", true}, {"2", false}};
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "from scipy.optimize import minimize\n"
             "class Movie:\n"
             "    def __init__(self, n):\n"
             "        self.stride = %s\n"
             "        self.frames = []\n"
             "    def __call__(self, xk):\n"
             "        self.frames.append(xk[::self.stride])\n"
             "def fit(y):\n"
             "    movie = Movie(y.size)\n"
             "    minimize(np.sum, np.zeros_like(y), method='CG', callback=movie)\n"
             "    return movie\n",
             cases[k].stride);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, "xk[::self.stride]"));
    else assert_int_equal(cur->nhits, 0);
  }
}

static void linear_operator_matvec_called_by_solver(void **state) {
  /* LinearOperator(shape, matvec=f) (or positional): an iterative solver calls f at every iteration,
   * so a part of an array f makes anew and keeps is one per iteration (retain.c: fresh_part); the
   * captured `n` of the factory, used in reshape(), is an int (interp.c: cell_is_int); parts of the
   * solver's own vector `v` (a view of its work array), a copy or a name rebound to an index array
   * are not */
  static const struct {
    const char *make, *kept, *bind;
    bool hit;
  } cases[] = {
      {"LinearOperator((n * n, n * n), matvec=apply)", "out[n // 2]", "", true},
      {"LinearOperator((n * n, n * n), apply)", "out[3]", "", true},
      {"LinearOperator((n * n, n * n), matvec=apply)", "out[n // 2].copy()", "", false},
      {"LinearOperator((n * n, n * n), matvec=apply)", "v[:4]", "", false},
      {"LinearOperator((n * n, n * n), matvec=apply)", "out[n // 2]", "    n = np.argsort(rows)\n", false},
      {"object()", "out[n // 2]", "", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "from scipy.sparse.linalg import LinearOperator\n"
             "def make(n, rows):\n"
             "%s"
             "    def apply(v):\n"
             "        out = 4.0 * v.reshape(n, n)\n"
             "        rows.append(%s)\n"
             "        return out.ravel()\n"
             "    return %s\n",
             cases[k].bind, cases[k].kept, cases[k].make);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void sequential_chains_its_modules(void **state) {
  /* nn.Sequential(m1, m2) and a subclass of it without an __init__ of its own keep their modules in
   * order: calling the container (or the inherited forward, or model[k] one by one) runs each on the
   * previous one's output, so a head returning a row of the encoder's new output gives a part of a new
   * tensor per call (ops.c: seq_chain); a pooled mean, a clone, or a container made with keywords
   * (unknown modules: any layer's new tensor) do not */
  static const struct {
    const char *head, *call;
    bool hit;
  } cases[] = {
      {"h[:, 0]", "nn.Sequential(Enc(), Head())(x)", true},
      {"h[:, 0]", "Seq(Enc(), Head()).forward(x)", true},
      {"h[:, 0]", "Seq(Enc(), Head())(x)", true},
      {"h[:, 0]", "nn.Sequential(Enc(), Head())[-1](torch.relu(x))", true},
      {"h.mean(1)", "nn.Sequential(Enc(), Head())(x)", false},
      {"h[:, 0].clone()", "Seq(Enc(), Head()).forward(x)", false},
      {"h[:, 0]", "nn.Sequential(Enc(), Head())[0](x)", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import torch\n"
             "import torch.nn as nn\n"
             "class Enc(nn.Module):\n"
             "    def forward(self, x):\n"
             "        return torch.relu(x) * 2.0\n"
             "class Head(nn.Module):\n"
             "    def forward(self, h):\n"
             "        return %s\n"
             "class Seq(nn.Sequential):\n"
             "    pass\n"
             "def run(xs):\n"
             "    kept = []\n"
             "    for x in xs:\n"
             "        kept.append(%s)\n"
             "    return kept\n",
             cases[k].head, cases[k].call);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void sequential_subclass_init_keeps_modules(void **state) {
  /* a subclass of nn.Sequential with an __init__ of its own keeps the modules it hands to
   * super().__init__ (positional, spread from its *args, or the values of an OrderedDict of literal
   * pairs; ops.c: seq_set_modules, seq_ordered_values), so calling it chains them as nn.Sequential's
   * own call does; a pooled mean, a clone, or an OrderedDict of unknown pairs do not */
  static const struct {
    const char *init, *head, *kept;
    bool hit;
  } cases[] = {
      {"super().__init__(Enc(), Head())", "h[:, 0]", "m(x)", true},
      {"super().__init__(*mods)", "h[:, 0]", "m(x)", true},
      {"super().__init__(OrderedDict([(\"enc\", Enc()), (\"head\", Head())]))", "h[:, 0]", "m(x)", true},
      {"super(Seq, self).__init__(*(Enc(), Head()))", "h[:, 0]", "m.forward(x)", true},
      {"super().__init__(Enc(), Head())", "h.mean(1)", "m(x)", false},
      {"super().__init__(Enc(), Head())", "h[:, 0]", "m(x).clone()", false},
      {"super().__init__(OrderedDict(pairs))", "h[:, 0]", "m(x)", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1200];
    snprintf(text, sizeof text,
             "from collections import OrderedDict\n"
             "import torch\n"
             "import torch.nn as nn\n"
             "class Enc(nn.Module):\n"
             "    def forward(self, x):\n"
             "        return torch.relu(x) * 2.0\n"
             "class Head(nn.Module):\n"
             "    def forward(self, h):\n"
             "        return %s\n"
             "class Seq(nn.Sequential):\n"
             "    def __init__(self, *mods, pairs=()):\n"
             "        %s\n"
             "def run(xs):\n"
             "    kept = []\n"
             "    m = Seq(Enc(), Head())\n"
             "    for x in xs:\n"
             "        kept.append(%s)\n"
             "    return kept\n",
             cases[k].head, cases[k].init, cases[k].kept);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void sequential_of_a_filled_list(void **state) {
  /* nn.Sequential(*layers) of a list the function fills before it (`layers = []`, appends as
   * statements or in `for` bodies, in source order; or a list comprehension of modules) keeps those
   * modules in order (ops.c: seq_listed), so a head returning a row of the last block's new output is
   * found; an append under an `if`, one after the Sequential is made, a list changed otherwise
   * (`insert`, `reverse`), a comprehension with an if clause (maybe empty) or a mean-pooling head say
   * nothing */
  static const struct {
    const char *fill, *head;
    bool hit;
  } cases[] = {
      {"for _ in range(n):\n        layers.append(Enc())\n    layers.append(Head())\n    m = nn.Sequential(*layers)",
       "h[:, 0]", true},
      {"layers.append(Enc())\n    layers.append(Head())\n    m = nn.Sequential(*layers)", "h[:, 0]", true},
      {"layers = [Head() for _ in range(n)]\n    m = nn.Sequential(*layers)", "h[:, 0]", true},
      {"m = nn.Sequential(*[Head() for _ in range(n)])", "h[:, 0]", true},
      {"for _ in range(n):\n        layers.append(Enc())\n    layers.append(Head())\n    m = nn.Sequential(*layers)",
       "h.mean(1)", false},
      {"layers.append(Enc())\n    m = nn.Sequential(*layers)\n    layers.append(Head())", "h[:, 0]", false},
      {"layers.append(Enc())\n    if n:\n        layers.append(Head())\n    m = nn.Sequential(*layers)", "h[:, 0]", false},
      {"layers.append(Head())\n    layers.insert(0, Enc())\n    m = nn.Sequential(*layers)", "h[:, 0]", false},
      {"layers.append(Head())\n    layers.append(Enc())\n    layers.reverse()\n    m = nn.Sequential(*layers)", "h[:, 0]",
       false},
      {"layers.append(Enc())\n    layers.append(xs)\n    m = nn.Sequential(*layers)", "h[:, 0]", false},
      {"m = nn.Sequential(*[Head() for i in range(n) if i > 2])", "h[:, 0]", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1400];
    snprintf(text, sizeof text,
             "import torch\n"
             "import torch.nn as nn\n"
             "class Enc(nn.Module):\n"
             "    def forward(self, x):\n"
             "        return torch.relu(x) * 2.0\n"
             "class Head(nn.Module):\n"
             "    def forward(self, h):\n"
             "        return %s\n"
             "def run(xs, n=2):\n"
             "    layers = []\n"
             "    %s\n"
             "    kept = []\n"
             "    for x in xs:\n"
             "        kept.append(m(torch.relu(x)))\n"
             "    return kept\n",
             cases[k].head, cases[k].fill);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void thread_target_called_with_args(void **state) {
  /* threading.Thread(target=f, args=(...)) runs f(*args) once: a thread made per item in a loop
   * stores what f stores once per iteration (ops.c: thread_target); a copy stores nothing pinned */
  static const struct {
    const char *make, *kept;
    bool hit;
  } cases[] = {
      {"threading.Thread(target=w.load, args=(i, s))", "block[0]", true},
      {"threading.Thread(None, w.load, None, (i, s))", "block[0]", true},
      {"threading.Thread(target=w.load, args=(i, s))", "block[0].copy()", false},
      {"threading.Thread(target=w.load, args=(i, s), daemon=True)", "block[:, 0]", true},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import threading\n"
             "import numpy as np\n"
             "class W:\n"
             "    def __init__(self):\n"
             "        self.heads = []\n"
             "    def load(self, i, seed):\n"
             "        block = np.random.default_rng(seed).standard_normal((256, 1024))\n"
             "        self.heads.append((i, %s))\n"
             "def run(seeds):\n"
             "    w = W()\n"
             "    for i, s in enumerate(seeds):\n"
             "        t = %s\n"
             "        t.start()\n"
             "    return w.heads\n",
             cases[k].kept, cases[k].make);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void optimizer_step_calls_closure(void **state) {
  /* opt.step(closure) of a torch.optim optimizer calls the closure (rules/overlay/torch.tsv: class
   * optim.* optimizer): what it makes anew is made at the step, in the caller's loop; a clone stores
   * nothing pinned, and step() without a closure calls nothing */
  static const struct {
    const char *step, *kept;
    bool hit;
  } cases[] = {
      {"opt.step(closure)", "r.detach()[:16]", true},
      {"opt.step(closure=closure)", "r.detach()[:16]", true},
      {"opt.step(closure)", "r.detach()[:16].clone()", false},
      {"opt.step()", "r.detach()[:16]", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import torch\n"
             "def fit(steps=5):\n"
             "    x = torch.linspace(-1.0, 1.0, 100000)\n"
             "    c = torch.zeros(1, requires_grad=True)\n"
             "    heads = []\n"
             "    opt = torch.optim.LBFGS([c])\n"
             "    def closure():\n"
             "        r = x * c - x\n"
             "        heads.append(%s)\n"
             "        return (r * r).mean()\n"
             "    for _ in range(steps):\n"
             "        %s\n"
             "    return heads\n",
             cases[k].kept, cases[k].step);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void record_display_index_from_param_default(void **state) {
  /* a loop storing a dict or tuple display that holds a row indexed by arithmetic on a parameter
   * (`u[n // 2]`) is decided by the callers, with the parameter's literal default (analysis.c:
   * loop_deferred, item_is); the same row copied stays silent */
  static const struct {
    const char *kept;
    bool hit;
  } cases[] = {
      {"{\"it\": 1, \"mid\": u[n // 2]}", true},
      {"(1, u[n - 1])", true},
      {"{\"it\": 1, \"mid\": u[n // 2].copy()}", false},
      {"{\"it\": 1, \"mid\": float(u[n // 2, 0])}", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def study(omegas, n=256):\n"
             "    runs = {}\n"
             "    for w in omegas:\n"
             "        u = np.full((n, n), w)\n"
             "        runs[w] = %s\n"
             "    return runs\n"
             "def main():\n"
             "    return study([0.5, 0.6, 0.7])\n",
             cases[k].kept);
    analyse(state, text);
    assert_int_equal(cur->nhits, cases[k].hit ? 1 : 0);
  }
}

static void module_body_containers_outlive_by_globals(void **state) {
  /* at the top level, a container outlives the module body when a global holds it at the end: a
   * list a global still names; not a comprehension handed straight to np.array, nor a list whose
   * name was rebound to its stacked copy (retain.c: escaping) */
  static const struct {
    const char *tail;
    bool hit;
  } cases[] = {
      {"keep = []\nfor x in xs:\n    out = np.tanh(x @ W)\n    keep.append(out[0])\n", true},
      {"keep = []\nfor x in xs:\n    out = np.tanh(x @ W)\n    keep.append(out[0])\nm = np.stack(keep)\n", true},
      {"keep = []\nfor x in xs:\n    out = np.tanh(x @ W)\n    keep.append(out[0])\nkeep = np.stack(keep)\n", false},
      {"arr = np.array([np.tanh(x @ W)[0] for x in xs])\n", false},
      {"box = {}\nbox['rows'] = [np.tanh(x @ W)[0] for x in xs]\n", true},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "W = np.ones((64, 256))\n"
             "xs = [np.random.randn(512, 64) for _ in range(9)]\n"
             "%s",
             cases[k].tail);
    analyse(state, text);
    bool any = tl_hit(cur, "out[0]") || tl_hit(cur, "np.tanh(x @ W)[0]");
    assert_int_equal(any, cases[k].hit);
  }
}

static void batch_of_one_through_returned_containers(void **state) {
  /* a helper returning new arrays inside a tuple or a dict it fills (`return pos, aux`) is analysed
   * again for a batch of one passed (`x[None]`), so `v[0]` of what it hands back is the whole of it
   * (ops.c: made_here); with a real batch passed the row is a part of a new array per step */
  static const struct {
    const char *arg;
    bool hit;
  } cases[] = {{"x[None]", false}, {"x", true}};
  static const char *const rets[] = {"return h.tanh(), h.sigmoid()", "aux = {}\n    aux['a'] = h.tanh()\n    return h, aux"};
  static const char *const uses[] = {"v, _ = split(%s)", "_, aux = split(%s)\n        v = aux['a']"};
  for (int r = 0; r < 2; r++)
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
      char use[128], text[1024];
      snprintf(use, sizeof use, uses[r], cases[k].arg);
      snprintf(text, sizeof text,
               "import torch\n"
               "head = torch.nn.Linear(64, 64)\n"
               "def split(out):\n"
               "    h = head(out.flatten(1))\n"
               "    %s\n"
               "def f(n):\n"
               "    keep = []\n"
               "    for _ in range(n):\n"
               "        x = torch.rand(8, 64)\n"
               "        %s\n"
               "        keep.append(v[0])\n"
               "    return keep\n",
               rets[r], use);
      analyse(state, text);
      if (cases[k].hit) assert_non_null(tl_hit(cur, "v[0]"));
      else assert_null(tl_hit(cur, "v[0]"));
    }
}

static void list_of_results_iterated_later(void **state) {
  /* a list a comprehension, list(map(f, xs)) or a `for` loop filled holds one new array per iteration
   * of that loop: a loop over it afterwards sees a new one at each step (ops.c: filled_per_step).
   * Silent when the list is handed back too (the bases are kept anyway), for a `while` loop's history
   * of iterates, and for rows of one array */
  static const struct {
    const char *fill, *ret;
    bool hit;
  } cases[] = {
      {"    outs = [enc(x) for x in xs]\n", "keep", true},
      {"    outs = list(map(enc, xs))\n", "keep", true},
      {"    outs = []\n    for x in xs:\n        outs.append(enc(x))\n", "keep", true},
      {"    outs = [enc(x) for x in xs]\n", "keep, outs", false},
      {"    outs = list(map(enc, xs))\n", "keep, outs", false},
      {"    outs = []\n    h = enc(xs[0])\n    while len(outs) < n:\n        h = enc(h[:, :4])\n        outs.append(h)\n", "keep",
       false},
      {"    big = enc(xs[0])\n    outs = [big[:, :8] for _ in xs]\n", "keep", false},
      {"    outs = [enc(x)[:, :8] for x in xs]\n", "keep", false},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def enc(x):\n"
             "    return np.tanh(x @ np.ones((4, 64)))\n"
             "def f(n):\n"
             "    xs = [np.random.randn(256, 4) for _ in range(n)]\n"
             "%s"
             "    keep = []\n"
             "    for h in outs:\n"
             "        keep.append(h[0])\n"
             "    return %s\n",
             cases[k].fill, cases[k].ret);
    analyse(state, text);
    if (cases[k].hit) assert_non_null(tl_hit(cur, "h[0]"));
    else assert_null(tl_hit(cur, "h[0]"));
  }
  /* a window of each with a bound that is not a literal shows an unknown share of it: silent */
  static const char *const windows[] = {"h[-4:]", "h[-k:]"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def enc(x):\n"
             "    return np.tanh(x @ np.ones((4, 64)))\n"
             "def f(n, k):\n"
             "    outs = [enc(np.random.randn(256, 4)) for _ in range(n)]\n"
             "    return [%s for h in outs]\n",
             windows[k]);
    analyse(state, text);
    if (k == 0) assert_non_null(tl_hit(cur, windows[k]));
    else assert_null(tl_hit(cur, windows[k]));
  }
}

static void conditional_expression_decided_by_literals(void **state) {
  /* `h[:, 0] if pooling == "cls" else h.mean(1)` and `x if p is None else f(x)` are decided, as an `if`
   * statement is, by a parameter's literal default or what a call passes: the CLS view is kept with
   * the default, the mean when "mean" is passed (a copy on one path no longer hides the other) */
  const char *text = "import numpy as np\n"
                     "def embed(batch, pooling=\"cls\", post=None):\n"
                     "    h = np.tanh(batch @ np.ones((16, 64)))\n"
                     "    v = h[:, 0] if pooling == \"cls\" else h.mean(axis=1)\n"
                     "    return v.copy() if post is not None else v\n"
                     "def f(n):\n"
                     "    out = []\n"
                     "    for _ in range(n):\n"
                     "        out.append(embed(np.random.rand(32, 128, 16)))\n"
                     "    return out\n"
                     "def g(n):\n"
                     "    out = []\n"
                     "    for _ in range(n):\n"
                     "        out.append(embed(np.random.rand(32, 128, 16), pooling=\"mean\"))\n"
                     "        out.append(embed(np.random.rand(32, 128, 16), post=True))\n"
                     "    return out\n";
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_true(cur->hits[0].at.start < (uint32_t)(strstr(text, "def g") - text)); /* f's store, not g's */
}

static void string_membership_and_negation_decided(void **state) {
  /* `x not in ("latent", "np", "pil")` and `not x == "np"` are decided by x's known strings as `==` is
   * (interp.c: str_test, none_test): with the default "pil" the function hands back lists, with "np"
   * or a string the first test maps to "np" it hands back the array */
  const char *text = "import numpy as np\n"
                     "def post(h, output_type=\"pil\"):\n"
                     "    if output_type not in (\"latent\", \"np\", \"pil\"):\n"
                     "        output_type = \"np\"\n"
                     "    if not output_type == \"np\":\n"
                     "        return [r.tolist() for r in h]\n"
                     "    return h\n"
                     "def f(n):\n"
                     "    out = []\n"
                     "    for _ in range(n):\n"
                     "        out.append(post(np.random.rand(32, 64))[0])\n"
                     "    return out\n"
                     "def g(n):\n"
                     "    out = []\n"
                     "    for _ in range(n):\n"
                     "        out.append(post(np.random.rand(32, 64), output_type=\"np\")[0])\n"
                     "    return out\n"
                     "def k(n):\n"
                     "    out = []\n"
                     "    for _ in range(n):\n"
                     "        out.append(post(np.random.rand(32, 64), \"jpeg\")[0])\n"
                     "    return out\n";
  analyse(state, text);
  assert_int_equal(cur->nhits, 2);
  for (int i = 0; i < (int)cur->nhits; i++)
    assert_true(cur->hits[i].at.start > (uint32_t)(strstr(text, "def g") - text)); /* g's and k's, not f's */
}

static void self_referential_rebinds(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n, thresh):\n"
          "    dets = np.random.randn(n, 5)\n"
          "    keep = []\n"
          "    while len(dets):\n"
          "        keep.append(dets[0])\n"
          "        dets = dets[1:][dets[1:, 4] < thresh]\n"
          "    d = dets\n"
          "    return keep\n");
  /* the rebind by mask keeps (at least) the ndim */
  ndim_at_least(local("f", "d"), 2);
  const TlVal *v = tl_stored(cur, "dets[0]");
  assert_int_equal(v->n, 2); /* of the first array and of each rebind's copy */
  for (int i = 0; i < v->n; i++) assert_true(v->objs[i].view && v->objs[i].partial);
  const VlHit *h = hit(cur, "dets[0]", VL_HIT_REBOUND);
  assert_string_equal(h->base_name, "dets");
  assert_string_equal(h->container, "keep");
}

static void slice_rebind_is_a_view_of_the_same_array(void **state) {
  /* a = a[1:] is not new memory: a view of the same base */
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(a[i])\n"
          "        a = a[1:]\n"
          "    return keep\n");
  const TlVal *a = local("f", "a");
  for (int i = 0; i < a->n; i++) assert_int_equal(a->objs[i].site_start, a->objs[0].site_start);
  no_hits(cur);
}

static void inplace_operations_keep_the_array(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(a[i])\n"
          "        a *= 0.5\n"
          "        a = np.multiply(a, 0.5, out=a)\n"
          "        a[...] = 0\n"
          "    return keep\n");
  const TlObj *o = only(local("f", "a")); /* still the one array */
  assert_false(o->view);
  assert_int_equal(o->site_how, VL_HOW_PRODUCER);
  no_hits(cur);
}

static void out_argument_is_the_array(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(n, 8)\n"
          "    b = np.multiply(a, 0.5, out=a)\n"
          "    c = np.clip(a, 0, 1, out=a)\n"
          "    d = np.clip(a, 0, 1)\n");
  assert_int_equal(only(local("f", "b"))->site_start, only(local("f", "a"))->site_start);
  assert_int_equal(only(local("f", "c"))->site_start, only(local("f", "a"))->site_start);
  assert_int_not_equal(only(local("f", "d"))->site_start, only(local("f", "a"))->site_start);
}

static void annotated_parameter_with_evidence(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(a: np.ndarray, n):\n"
          "    w = a.shape[1]\n"
          "    out = []\n"
          "    for i in range(n):\n"
          "        out.append(a[i])\n"
          "    return out\n");
  /* a view of whatever the caller passes: the parameter's symbol */
  const TlVal *v = tl_stored(cur, "a[i]");
  const TlObj *o = only(v);
  assert_int_equal(o->kind, VL_O_ARRAY);
  assert_true(o->view);
  assert_int_equal(o->site_kind, VL_SITE_SYM);
  assert_int_equal(o->lib, VL_LIBID_NUMPY);
}

static void parameter_without_evidence_is_symbolic(void **state) {
  /* an unannotated parameter indexed by an int: decided by the caller (a deferred subscript) */
  analyse(state, "def f(a, i):\n    return a[i]\n");
  const TlObj *o = only(&tl_func(cur, "f")->ret);
  assert_int_equal(o->kind, VL_O_SYM);
  assert_int_equal(o->sym, VL_SYM_SUBV);
}

/* ---- containers ---- */

static void tuple_holds_view(void **state) {
  const TlVal *v = stored(state, "(score, a[i])");
  const TlObj *t = only(v);
  assert_int_equal(t->seq, VL_SEQ_TUPLE);
  tl_assert_holds_view_of(v, local("f", "a"));
  assert_int_equal(t->held_nd.lo, 1);
  assert_int_equal(t->held_nd.hi, 1);
}

static void tuple_of_copy_holds_nothing(void **state) {
  const TlVal *v = stored(state, "(score, a[i].copy())");
  assert_int_equal(only(v)->seq, VL_SEQ_TUPLE);
  tl_assert_holds_no_view(v);
}

static void list_comprehension_holds_view(void **state) {
  const TlVal *v = stored(state, "[a[k] for k in range(3)]");
  assert_int_equal(only(v)->seq, VL_SEQ_LIST);
  tl_assert_holds_view_of(v, local("f", "a"));
}

static void list_comprehension_range_i(void **state) {
  /* the comprehension's own i shadows nothing outside it */
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(n, 8)\n"
          "    i = 'not an index'\n"
          "    keep = [a[i] for i in range(3)]\n");
  const TlVal *keep = local("f", "keep");
  assert_int_equal(only(keep)->seq, VL_SEQ_LIST);
  tl_assert_holds_view_of(keep, local("f", "a"));
  tl_assert_only(local("f", "i"), VL_O_STR);
  /* the element is a store into the new list */
  const TlFunc *fn = tl_func(cur, "f");
  assert_int_equal(fn->nstores, 1);
  assert_int_equal(fn->stores[0].store, VL_ST_ELEMENT);
  assert_string_equal(fn->stores[0].text, "a[i]");
}

static void dict_holds_view(void **state) {
  const TlVal *v = stored(state, "{'row': a[i], 'score': score}");
  assert_int_equal(only(v)->seq, VL_SEQ_DICT);
  tl_assert_holds_view_of(v, local("f", "a"));
}

static void comprehension_of_scalars_holds_nothing(void **state) {
  const TlVal *v = stored(state, "[b[k] for k in range(3)]");
  assert_int_equal(only(v)->seq, VL_SEQ_LIST);
  tl_assert_holds_no_view(v);
}

static void list_of_rows_holds_view(void **state) {
  const TlVal *v = stored(state, "list(a)");
  assert_int_equal(only(v)->seq, VL_SEQ_LIST);
  tl_assert_holds_view_of(v, local("f", "a"));
  v = stored(state, "list(b)"); /* elements of a 1-D array are scalars */
  tl_assert_holds_no_view(v);
}

static void nested_containers_hold_views(void **state) {
  const TlVal *v = stored(state, "[(i, a[i])]"); /* (analysed before `a` is read) */
  tl_assert_holds_view_of(v, local("f", "a"));
  v = stored(state, "((score, (a[i],)),)");
  tl_assert_holds_view_of(v, local("f", "a"));
  tl_assert_holds_no_view(stored(state, "[(i, b[i])]"));
}

static void container_elements_come_back(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(n, 8)\n"
          "    rows = [a[0], a[1]]\n"
          "    d = {'x': a[2]}\n"
          "    r = rows[0]\n"
          "    p = rows.pop()\n"
          "    g = d.get('x')\n"
          "    for v in d.values():\n"
          "        w = v\n");
  partial_view_of(local("f", "r"), "a");
  partial_view_of(local("f", "p"), "a");
  assert_true(tl_has_view(local("f", "g")));
  partial_view_of(local("f", "w"), "a");
}

/* ---- other libraries ---- */

static void jax_numpy_is_unknown(void **state) {
  analyse(state,
          "import jax.numpy as jnp\n"
          "def f(n):\n"
          "    a = jnp.zeros((n, 8))\n"
          "    out = []\n"
          "    for i in range(n):\n"
          "        out.append(a[i])\n"
          "    return out\n");
  tl_assert_only(local("f", "a"), VL_O_UNKNOWN); /* JAX arrays are immutable: never this bug */
  no_array(tl_stored(cur, "a[i]"), 0);
  no_hits(cur);
}

static void cupy_follows_numpy(void **state) {
  analyse(state,
          "import cupy as cp\n"
          "def f(n):\n"
          "    a = cp.zeros((n, 8))\n"
          "    out = []\n"
          "    for i in range(n):\n"
          "        out.append(a[i])\n"
          "    return out\n");
  const TlVal *a = local("f", "a");
  tl_assert_ndim(a, 2);
  assert_int_equal(only(a)->lib, VL_LIBID_CUPY);
  partial_view_of(tl_stored(cur, "a[i]"), "a");
}

static void torch_1d_int_index_is_a_view(void **state) {
  /* unlike NumPy, t[i] on a 1-D tensor is a 0-d view that pins the whole storage */
  analyse(state,
          "import numpy as np\n"
          "import torch\n"
          "def f(n):\n"
          "    t = torch.zeros(n)\n"
          "    b = np.zeros(10)\n"
          "    x = t[3]\n"
          "    y = b[3]\n"
          "    for e in t:\n"
          "        pass\n");
  const TlVal *x = local("f", "x");
  partial_view_of(x, "t");
  tl_assert_ndim(x, 0);
  assert_int_equal(only(x)->lib, VL_LIBID_TORCH);
  tl_assert_only(local("f", "y"), VL_O_SCALAR);
  partial_view_of(local("f", "e"), "t"); /* iterating a 1-D tensor: 0-d views */
}

static void iterated_array_has_an_axis(void **state) {
  /* iterating a 0-d array raises, so what a loop iterates has at least one axis: a tensor of unknown
   * ndim (a module's output) hands out views, as t[i] does; NumPy's 1-D iteration gives scalars, so
   * an array of unknown ndim still gives unknown elements */
  analyse(state,
          "import numpy as np\n"
          "import torch\n"
          "lin = torch.nn.Linear(16, 64)\n"
          "def f(x, b):\n"
          "    t = lin(x)\n"
          "    a = np.tanh(b)\n"
          "    for e in t:\n"
          "        pass\n"
          "    for g in a:\n"
          "        pass\n");
  ndim_unknown(local("f", "t"));
  partial_view_of(local("f", "e"), "t");
  assert_int_equal(only(local("f", "e"))->lib, VL_LIBID_TORCH);
  not_view(local("f", "g"), "an element of a NumPy array of unknown ndim");
}

static void string_item_is_a_field_only_of_records(void **state) {
  /* a string item of an array not known to hold records is as likely an .npz archive's member, a new
   * array each access (`np.load(p)["x"]`); of records (a record dtype), a view of one field */
  analyse(state,
          "import numpy as np\n"
          "REC = np.dtype([('x', 'f4'), ('y', 'f4')])\n"
          "def f(p, buf):\n"
          "    a = np.load(p)\n"
          "    m = a['x']\n"
          "    r = np.frombuffer(buf, dtype=REC)\n"
          "    g = r['x']\n");
  tl_assert_new(local("f", "m"));
  partial_view_of(local("f", "g"), "r");
}

static void loadmat_variables_are_new_arrays(void **state) {
  /* scipy.io.loadmat reads a dict of new arrays per call (rules/overlay/scipy.tsv), read as an .npz
   * file's members; by any import name of it; scipy.io functions without a row stay unknown */
  analyse(state,
          "import scipy.io as sio\n"
          "from scipy.io import loadmat, mmread\n"
          "def f(p):\n"
          "    a = sio.loadmat(p)['X']\n"
          "    b = loadmat(p, squeeze_me=True)['y']\n"
          "    c = a[:5]\n"
          "    u = mmread(p)\n");
  tl_assert_new(local("f", "a"));
  tl_assert_new(local("f", "b"));
  partial_view_of(local("f", "c"), "a");
  tl_assert_only(local("f", "u"), VL_O_UNKNOWN);
}

static void zip_star_transposes_rows(void **state) {
  /* zip(*rows) of rows of n items hands out n columns, column k holding the rows' items k; a helper
   * doing it on its parameter is analysed again for the list of tuples a call passes */
  analyse(state,
          "import numpy as np\n"
          "def unzip(samples):\n"
          "    images, labels = zip(*samples)\n"
          "    return images\n"
          "def f(n):\n"
          "    s = [(np.zeros((4, 4)), i) for i in range(n)]\n"
          "    a, b = zip(*s)\n"
          "    c = a[0]\n"
          "    d = b[0]\n"
          "    h = unzip(s)[0]\n");
  tl_assert_only(local("f", "c"), VL_O_ARRAY);
  tl_assert_only(local("f", "d"), VL_O_INT);
  tl_assert_only(local("f", "h"), VL_O_ARRAY);
}

static void default_naming_a_module_function(void **state) {
  /* `transform=center_crop`: an analysis for a call that does not pass the parameter binds the
   * module's function of that name (a default naming anything else stays unknown) */
  analyse(state,
          "import numpy as np\n"
          "class Reader:\n"
          "    def read(self):\n"
          "        return np.zeros((64, 64))\n"
          "def center_crop(x):\n"
          "    return x[8:16]\n"
          "def first(reader, transform=center_crop):\n"
          "    return transform(reader.read())\n"
          "def f():\n"
          "    v = first(Reader())\n");
  const TlVal *v = local("f", "v");
  tl_assert_only(v, VL_O_ARRAY);
  assert_true(v->objs[0].view && v->objs[0].partial);
}

static void conversion_takes_the_functions_library(void **state) {
  /* torch.from_numpy(a) and torch.as_tensor(a) share a's memory and are tensors from there on: their
   * methods are PyTorch's (.to(device), .permute) and t[i] of them is a view; np.asarray(t) is an
   * ndarray.  As NumPy arrays, `.to` was no method and the result unknown. */
  analyse(state,
          "import numpy as np\n"
          "import torch\n"
          "def fmt(o):\n"
          "    return torch.from_numpy(o).permute(0, 2, 3, 1)\n"
          "def f(n, device):\n"
          "    a = np.random.rand(16, 4, 84, 84)\n"
          "    h = fmt(a)[0]\n"
          "    t = torch.from_numpy(a)\n"
          "    d = t.to(device)\n"
          "    p = torch.as_tensor(a).permute(0, 2, 3, 1)\n"
          "    r = d[0]\n"
          "    u = torch.zeros(n, 3)\n"
          "    b = np.asarray(u)\n");
  view_of(local("f", "t"), "a");
  assert_int_equal(only(local("f", "t"))->lib, VL_LIBID_TORCH);
  view_of(local("f", "d"), "a");
  assert_int_equal(only(local("f", "d"))->lib, VL_LIBID_TORCH);
  view_of(local("f", "p"), "a");
  partial_view_of(local("f", "r"), "a");
  view_of(local("f", "b"), "u");
  assert_int_equal(only(local("f", "b"))->lib, VL_LIBID_NUMPY);
  /* a helper's tensor of the array passed is a tensor at the call too (its t[i] a view) */
  partial_view_of(local("f", "h"), "a");
  assert_int_equal(only(local("f", "h"))->lib, VL_LIBID_TORCH);
}

/* The library objects that stand for a worker pool, its methods and futures, a namedtuple class and
 * itemgetter(*keys) say what they are by their model (VlLibModel), not by their name; a partial's
 * keyword names are a tuple of STRs, a call passing one of them again overriding it. */
static void pool_namedtuple_partial_models_are_typed(void **state) {
  analyse(state,
          "import functools\n"
          "import operator\n"
          "from collections import namedtuple\n"
          "from concurrent.futures import ThreadPoolExecutor\n"
          "from multiprocessing import Pool\n"
          "import numpy as np\n"
          "import torch\n"
          "P = namedtuple(\"P\", \"a b\")\n"
          "def load(p):\n"
          "    return np.random.rand(100, 100)\n"
          "def pick(x, lo=0, hi=8):\n"
          "    return x[lo:hi]\n"
          "def f(paths, keys):\n"
          "    x = np.zeros((64, 64))\n"
          "    t = torch.zeros(4, 64, 3)\n"
          "    pool = ThreadPoolExecutor()\n"
          "    m = pool.map\n"
          "    other = pool.shutdown\n"
          "    fut = pool.submit(load, paths)\n"
          "    r = fut.result()\n"
          "    procs = Pool(2)\n"
          "    s = procs.starmap\n"
          "    u = procs.apply(load, (paths,))\n"
          "    v = procs.close\n"
          "    cls = P\n"
          "    getter = operator.itemgetter(*keys)\n"
          "    h = functools.partial(pick, lo=1, hi=3)\n"
          "    k = h(x, hi=2)\n"
          "    g = functools.partial(torch.select, dim=1, index=-1)\n"
          "    d = g(t, index=0)\n"
          "    b = functools.partial(t.narrow, 0, length=2)\n"
          "    e = b(start=1)\n");
  const TlObj *pool = only(local("f", "pool"));
  assert_int_equal(pool->lib_model, VL_LIB_POOL);
  assert_string_equal(pool->name, "concurrent.futures.ThreadPoolExecutor");
  assert_int_equal(only(local("f", "m"))->lib_model, VL_LIB_POOL_METHOD);
  assert_int_equal(only(local("f", "other"))->lib_model, VL_LIB_PLAIN); /* a thread pool's other methods */
  assert_int_equal(only(local("f", "fut"))->lib_model, VL_LIB_FUTURE);
  tl_assert_only(local("f", "r"), VL_O_ARRAY); /* (a thread's: load's array itself) */
  assert_int_equal(only(local("f", "procs"))->lib_model, VL_LIB_POOL);
  assert_int_equal(only(local("f", "s"))->lib_model, VL_LIB_POOL_METHOD);
  tl_assert_new(local("f", "u")); /* apply: pickled back, a copy */
  assert_int_equal(only(local("f", "v"))->lib_model, VL_LIB_POOL_METHOD); /* (a process pool's other: unknown) */
  assert_int_equal(only(local("f", "cls"))->lib_model, VL_LIB_NAMEDTUPLE_CLASS);
  assert_int_equal(only(local("f", "getter"))->lib_model, VL_LIB_ITEMGETTER_SPREAD);
  const TlObj *h = only(local("f", "h"));
  assert_int_equal(h->nkwnames, 2);
  assert_string_equal(h->kwnames, "lo hi");
  partial_view_of(local("f", "k"), "x");
  const TlObj *g = only(local("f", "g"));
  assert_int_equal(g->nkwnames, 2);
  assert_string_equal(g->kwnames, "dim index");
  partial_view_of(local("f", "d"), "t");
  const TlObj *b = only(local("f", "b"));
  assert_int_equal(b->lib_model, VL_LIB_BOUND_CALL);
  assert_string_equal(b->kwnames, "length");
  partial_view_of(local("f", "e"), "t");
}

static void thread_pool_map_is_map(void **state) {
  /* ThreadPoolExecutor.map(f, xs) is map(f, xs), also bound by `with ... as pool`; a process pool's
   * results come back pickled: new arrays (process_pool_results_are_copies) */
  analyse(state,
          "import numpy as np\n"
          "from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor\n"
          "def load(p):\n"
          "    return np.random.rand(100, 100)\n"
          "def f(paths):\n"
          "    with ThreadPoolExecutor(4) as pool:\n"
          "        for a in pool.map(load, paths):\n"
          "            x = a\n"
          "    for b in ThreadPoolExecutor().map(load, paths):\n"
          "        y = b\n"
          "    with ProcessPoolExecutor() as procs:\n"
          "        for c in procs.map(load, paths):\n"
          "            z = c\n"
          "    from multiprocessing.dummy import Pool\n"
          "    for d in Pool(8).imap(load, paths, 16):\n"
          "        w = d\n");
  tl_assert_only(local("f", "x"), VL_O_ARRAY);
  tl_assert_only(local("f", "y"), VL_O_ARRAY);
  tl_assert_only(local("f", "z"), VL_O_ARRAY);
  tl_assert_only(local("f", "w"), VL_O_ARRAY); /* (16: a chunk size, not a second iterable) */
}

/* threading.Thread(target=f, args=(...)) runs f on the objects its maker shares with it, bound as
 * f(...) binds them: a step passed in args decides the worker's thumbnails.  A thread pool's
 * submit(f, x) future holds f's result itself (threads share memory).  A Thread subclass's start()
 * runs its run(). */
static void thread_target_and_submit_are_calls(void **state) {
  analyse(state,
          "import threading\n"
          "import numpy as np\n"
          "from concurrent.futures import ThreadPoolExecutor\n"
          "def load(paths, out, step):\n"
          "    for p in paths:\n"
          "        img = np.random.rand(480, 640)\n"
          "        out.append(img[::step, ::step])\n"
          "def f(paths):\n"
          "    thumbs = []\n"
          "    t = threading.Thread(target=load, args=(paths, thumbs, 8))\n"
          "    t.start()\n"
          "    return thumbs\n"
          "def dec(p):\n"
          "    return np.random.rand(480, 640)\n"
          "def g(paths):\n"
          "    kept = []\n"
          "    with ThreadPoolExecutor(4) as ex:\n"
          "        for p in paths:\n"
          "            img = ex.submit(dec, p).result()\n"
          "            kept.append(img[::8, ::8])\n"
          "    return kept\n");
  hit(cur, "img[::step, ::step]", VL_HIT_FRESH);
  hit(cur, "img[::8, ::8]", VL_HIT_FRESH);
  tl_teardown(state);
  /* start() of a Thread subclass is its run() */
  analyse(state,
          "import threading\n"
          "import numpy as np\n"
          "class Dec(threading.Thread):\n"
          "    def __init__(self, paths, out, step=8):\n"
          "        super().__init__()\n"
          "        self.paths, self.out, self.step = paths, out, step\n"
          "    def run(self):\n"
          "        for p in self.paths:\n"
          "            img = np.random.rand(480, 640)\n"
          "            self.out.append(img[::self.step])\n"
          "def f(paths):\n"
          "    thumbs = []\n"
          "    Dec(paths, thumbs).start()\n"
          "    return thumbs\n");
  hit(cur, "img[::self.step]", VL_HIT_FRESH);
}

/* d[name] = v with `name` bound outside the loop and never rebound in it (a parameter) overwrites one
 * slot; the loop's own target, or a name assigned in it, is a key per iteration. */
static void setitem_key_unchanged_in_loop_is_one_slot(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class C:\n"
          "    def __init__(self):\n"
          "        self.d = {}\n"
          "    def watch(self, name, n):\n"
          "        for _ in range(n):\n"
          "            a = np.random.rand(480, 640)\n"
          "            self.d[name] = a[::8, ::8]\n");
  no_hits(cur);
  tl_teardown(state);
  analyse(state,
          "import numpy as np\n"
          "class C:\n"
          "    def __init__(self):\n"
          "        self.d = {}\n"
          "    def watch(self, names):\n"
          "        for name in names:\n"
          "            a = np.random.rand(480, 640)\n"
          "            self.d[name] = a[::8, ::8]\n"
          "    def tag(self, prefix, n):\n"
          "        for i in range(n):\n"
          "            b = np.random.rand(480, 640)\n"
          "            key = prefix + str(i)\n"
          "            self.d[key] = b[::8, ::8]\n");
  hit(cur, "a[::8, ::8]", VL_HIT_FRESH);
  hit(cur, "b[::8, ::8]", VL_HIT_FRESH);
}

static void torch_copies_views_and_scalars(void **state) {
  analyse(state,
          "import torch\n"
          "def f(n):\n"
          "    t = torch.randn(n, 64)\n"
          "    a = t[0].clone()\n"
          "    b = t[0].item()\n"
          "    c = t[0].tolist()\n"
          "    d = t[0].detach()\n"
          "    e = t[0].contiguous()\n"
          "    g = t[:, 0].contiguous()\n"
          "    h = torch.cat([t, t])\n"
          "    k = t[0].unsqueeze(0)\n"
          "    m = t.permute(1, 0)\n"
          "    p = t[:, -1].to(copy=True)\n"
          "    q = t[:, -1].to(torch.float32, copy=True)\n"
          "    r = t[:, -1].to(torch.float32, copy=False)\n"
          "    s = t[:, -1].to(copy=c)\n");
  tl_assert_new(local("f", "a"));
  tl_assert_only(local("f", "b"), VL_O_SCALAR);
  tl_assert_only(local("f", "c"), VL_O_SEQ); /* a list of Python floats */
  partial_view_of(local("f", "d"), "t");
  partial_view_of(local("f", "e"), "t"); /* a row is contiguous: the same storage */
  tl_assert_new(local("f", "g"));        /* a column: a copy */
  tl_assert_new(local("f", "h"));
  partial_view_of(local("f", "k"), "t");
  view_of(local("f", "m"), "t");
  /* .to(copy=True) always copies (measured); copy=False or a copy= of unknown value: the policy view */
  tl_assert_new(local("f", "p"));
  tl_assert_new(local("f", "q"));
  partial_view_of(local("f", "r"), "t");
  partial_view_of(local("f", "s"), "t");
}

static void annotated_tensor_parameter(void **state) {
  analyse(state,
          "import torch\n"
          "def f(t: torch.Tensor, n):\n"
          "    out = []\n"
          "    for i in range(n):\n"
          "        out.append(t[i])\n"
          "    return out\n");
  const TlObj *o = only(tl_stored(cur, "t[i]"));
  assert_int_equal(o->kind, VL_O_ARRAY);
  assert_true(o->view);
  assert_int_equal(o->lib, VL_LIBID_TORCH);
  assert_int_equal(o->site_kind, VL_SITE_SYM);
}

static void unknown_library_call_is_a_new_object(void **state) {
  /* another library (cv2): a new object when given no array to view; indexed as an array, a view of it */
  analyse(state,
          "import cv2\n"
          "def f(n):\n"
          "    img = cv2.imread('x.png')\n"
          "    col = img[:, 0]\n");
  const TlObj *o = only(local("f", "img"));
  assert_int_equal(o->kind, VL_O_OBJ);
  assert_int_equal(o->site_kind, VL_SITE_NEW);
  const TlObj *c = only(local("f", "col"));
  assert_int_equal(c->kind, VL_O_ARRAY);
  assert_true(c->view);
  assert_int_equal(c->site_start, o->site_start);
}

/* ---- import forms: the names they bind ---- */

static const TlVal *global(const char *name) { return tl_local_in(cur, "<module>", name); }

static void import_plain(void **state) {
  analyse(state, "import numpy\nimport os, sys\nx = numpy.zeros\ny = numpy.random.randint\nz = np.zeros\n");
  is_lib(global("numpy"), "numpy");
  is_lib(global("os"), "os");
  is_lib(global("x"), "numpy.zeros");
  is_lib(global("y"), "numpy.random.randint");
  /* np is bound nowhere: a builtin name, not numpy */
  const TlVal *z = global("z");
  for (int i = 0; i < z->n; i++)
    if (z->objs[i].kind == VL_O_LIB) assert_null(strstr(z->objs[i].name, "numpy"));
}

static void import_as(void **state) {
  analyse(state, "import numpy as np\nx = np.zeros(3)\ny = (np).zeros\nz = numpy\n");
  is_lib(global("np"), "numpy");
  tl_assert_ndim(global("x"), 1);
  assert_int_equal(only(global("x"))->lib, VL_LIBID_NUMPY);
  is_lib(global("y"), "numpy.zeros");
  /* the alias is the only name bound */
  is_lib(global("z"), "builtins.numpy");
}

/* The module body saves its whole environment at each branch, and reuses the copies a finished `if`
 * gives back (interp.c: env_give): sequential and nested ifs still join exactly what each path bound. */
static void module_ifs_reuse_saved_environments(void **state) {
  analyse(state, "import os\nimport numpy as np\na = np.zeros((4, 4))\nb = np.ones((4, 4))\nq = 1\n"
                 "if os.environ.get('A'):\n    x = a[0]\nelse:\n    x = b[0]\n"
                 "if os.environ.get('B'):\n    q = a[3]\n    if os.environ.get('C'):\n        y = a[1]\n    else:\n        y = 3\n    z = x\n"
                 "else:\n    y = 4\n    z = None\n"
                 "if os.environ.get('D'):\n    w = b[2]\n"
                 "k = x\n");
  assert_int_equal(tl_count(global("x"), VL_O_ARRAY), 2);
  assert_int_equal(global("x")->n, 2);
  assert_int_equal(tl_count(global("y"), VL_O_ARRAY), 1);
  assert_int_equal(tl_count(global("y"), VL_O_INT), 2);
  assert_int_equal(global("y")->n, 3);
  assert_int_equal(tl_count(global("z"), VL_O_ARRAY), 2);
  assert_int_equal(tl_count(global("z"), VL_O_NONE), 1);
  assert_int_equal(tl_count(global("w"), VL_O_ARRAY), 1);
  assert_int_equal(tl_count(global("k"), VL_O_ARRAY), 2);
  assert_int_equal(tl_count(global("q"), VL_O_ARRAY), 1); /* the else path keeps q = 1 */
  assert_int_equal(tl_count(global("q"), VL_O_INT), 1);
  assert_int_equal(global("k")->n, 2);
  assert_int_equal(tl_count(global("a"), VL_O_ARRAY), 1);
  assert_false(tl_has_view(global("a")));
  assert_false(tl_has_view(global("b")));
}

static void import_dotted(void **state) {
  analyse(state, "import numpy.random\nx = numpy.random.randint\ny = numpy.zeros(2)\nz = random.randint\n");
  is_lib(global("numpy"), "numpy"); /* binds the top package */
  is_lib(global("x"), "numpy.random.randint");
  tl_assert_ndim(global("y"), 1);
  const TlObj *z = only(global("z"));
  assert_false(z->kind == VL_O_LIB && strcmp(z->name, "numpy.random.randint") == 0);
  assert_int_equal(tl_local_in(cur, "<module>", "numpy")->n, 1);
}

static void import_dotted_as(void **state) {
  analyse(state, "import numpy.random as R\nx = R.randint\ny = numpy\n");
  is_lib(global("R"), "numpy.random");
  is_lib(global("x"), "numpy.random.randint");
  is_lib(global("y"), "builtins.numpy");
}

static void from_import(void **state) {
  analyse(state,
          "from numpy import delete\n"
          "from numpy import zeros, ones\n"
          "from numpy import (empty,\n    full)\n"
          "from numpy.random import randint\n");
  is_lib(global("delete"), "numpy.delete");
  is_lib(global("zeros"), "numpy.zeros");
  is_lib(global("ones"), "numpy.ones");
  is_lib(global("empty"), "numpy.empty");
  is_lib(global("full"), "numpy.full");
  is_lib(global("randint"), "numpy.random.randint");
}

static void from_import_as(void **state) {
  analyse(state, "from numpy import delete as d\nx = delete\n");
  is_lib(global("d"), "numpy.delete");
  is_lib(global("x"), "builtins.delete");
}

static void from_import_module_as(void **state) {
  analyse(state, "from numpy import random as npr\nx = npr.randint\nrng = npr.default_rng(0)\n");
  is_lib(global("npr"), "numpy.random");
  is_lib(global("x"), "numpy.random.randint");
  tl_assert_only(global("rng"), VL_O_RNG);
}

static void star_import(void **state) {
  analyse(state, "from numpy import *\nfrom os import path\nx = delete\ny = frobnicate\np = path\ndef f(a):\n    return zeros(3)\n");
  is_lib(global("x"), "numpy.delete");
  /* resolution is by name only; the library table decides later whether numpy has it */
  is_lib(global("y"), "numpy.frobnicate");
  is_lib(global("p"), "os.path"); /* a name with another binding is that binding */
  tl_assert_ndim(&tl_func(cur, "f")->ret, 1); /* inside a function too */
}

static void star_import_shadowed(void **state) {
  analyse(state, "from numpy import *\ndef delete(a, i):\n    pass\nx = delete\n");
  tl_assert_only(global("x"), VL_O_FUNC);
  analyse(state, "from numpy import *\ndelete = 3\nx = delete\n");
  tl_assert_only(global("x"), VL_O_INT);
  /* without the star import an unbound name stays a builtin */
  analyse(state, "import numpy as np\nx = delete\n");
  is_lib(global("x"), "builtins.delete");
}

static void star_import_keeps_python_builtins(void **state) {
  /* after `from numpy import *`, Python's builtins stay builtins (print, range, len) */
  analyse(state,
          "from numpy import *\n"
          "p = print\n"
          "def f(n, xs):\n"
          "    a = random.randn(500, 64)\n"
          "    m = len(xs)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(a[i])\n"
          "        a = delete(a, 0, axis=0)\n"
          "    return keep\n");
  is_lib(global("p"), "builtins.print");
  tl_assert_only(local("f", "m"), VL_O_INT);
  tl_assert_only(local("f", "i"), VL_O_INT);
  hit(cur, "a[i]", VL_HIT_REBOUND);
}

static void shadowed_by_later_assignment(void **state) {
  analyse(state, "import numpy as np\nx = np.zeros(1)\nnp = Something()\ny = np.zeros(2)\n");
  assert_int_equal(only(global("x"))->lib, VL_LIBID_NUMPY); /* before the assignment */
  no_array(global("y"), 0);                                 /* after it */
  /* a for target shadows too */
  analyse(state, "import numpy as np\nfor np in range(3):\n    x = np.zeros(1)\n");
  no_array(global("x"), VL_LIBID_NUMPY);
  /* a tuple target */
  analyse(state, "import numpy as np\nnp, b = 1, 2\nx = np.zeros(1)\n");
  no_array(global("x"), 0);
  /* re-importing after the shadow restores it */
  analyse(state, "import numpy as np\nnp = 3\nimport numpy as np\nx = np.zeros(1)\n");
  tl_assert_ndim(global("x"), 1);
}

static void shadowed_in_function(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    x = np.zeros(1)\n" /* before the local assignment: still the local name, unbound */
          "    np = 3\n"
          "    return x\n"
          "def g():\n"
          "    return np.zeros(3)\n"
          "y = np.zeros(4)\n");
  no_array(&tl_func(cur, "f")->ret, 0);
  tl_assert_only(local("f", "np"), VL_O_INT);
  tl_assert_ndim(&tl_func(cur, "g")->ret, 1); /* g does not bind np */
  tl_assert_ndim(global("y"), 1);             /* nor does the module */
}

static void functions_see_final_module_bindings(void **state) {
  /* the import comes after the def: the function runs later */
  analyse(state, "def f():\n    return np.zeros(1)\nimport numpy as np\n");
  tl_assert_ndim(&tl_func(cur, "f")->ret, 1);
  /* a module-level shadow after the def wins */
  analyse(state, "import numpy as np\ndef f():\n    return np.zeros(1)\nnp = None\n");
  no_array(&tl_func(cur, "f")->ret, 0);
  /* a module-level use before the import does not see it */
  analyse(state, "x = np.zeros(1)\nimport numpy as np\n");
  no_array(global("x"), 0);
}

static void function_local_import(void **state) {
  analyse(state, "def f():\n    import numpy as np\n    return np.zeros(1)\nx = np.zeros(2)\n");
  is_lib(local("f", "np"), "numpy");
  tl_assert_ndim(&tl_func(cur, "f")->ret, 1);
  no_array(global("x"), 0); /* not visible at module level */
}

static void methods_are_functions(void **state) {
  /* a method is a function: its local assignments shadow, its local imports bind (the old engine's
   * BUG, fixed: it never entered class bodies) */
  analyse(state,
          "import numpy as np\n"
          "class K:\n"
          "    def shadow(self):\n"
          "        np = self.backend\n"
          "        return np.zeros(1)\n"
          "    def local(self):\n"
          "        import cupy as cp\n"
          "        return cp.zeros(2)\n"
          "    def plain(self):\n"
          "        return np.zeros(3)\n");
  assert_int_equal(only(&tl_func(cur, "K.plain")->ret)->lib, VL_LIBID_NUMPY);
  no_array(&tl_func(cur, "K.shadow")->ret, VL_LIBID_NUMPY);
  const TlVal *r = &tl_func(cur, "K.local")->ret;
  tl_assert_ndim(r, 1);
  assert_int_equal(only(r)->lib, VL_LIBID_CUPY);
}

static void parameters_shadow(void **state) {
  /* a parameter is a local binding of the whole function (the old engine's BUG, fixed) */
  analyse(state, "import numpy as np\ndef f(np):\n    return np.zeros(1)\n");
  no_array(&tl_func(cur, "f")->ret, VL_LIBID_NUMPY);
  analyse(state, "from numpy import *\ndef f(a, delete):\n    return delete\n");
  const TlObj *o = only(&tl_func(cur, "f")->ret);
  assert_int_equal(o->kind, VL_O_SYM);
  assert_int_equal(o->sym, VL_SYM_PARAM);
}

static void closures_see_enclosing_function(void **state) {
  /* a closure sees its enclosing function's import (the old engine's BUG, fixed) */
  analyse(state,
          "def outer():\n"
          "    import numpy as np\n"
          "    def inner():\n"
          "        return np.zeros(1)\n"
          "    return inner()\n");
  const TlVal *r = &tl_func(cur, "outer")->ret;
  tl_assert_ndim(r, 1);
  assert_int_equal(only(r)->lib, VL_LIBID_NUMPY);
}

static void relative_imports_in_a_package(void **state) {
  /* relative imports name project modules: never the numpy library */
  cur = tl_analyse_as(state,
                      "from . import numpy\n"
                      "from .numpy import zeros\n"
                      "from ..pkg import numpy as np\n"
                      "x = numpy.zeros(1)\n"
                      "y = zeros(1)\n"
                      "z = np.zeros(1)\n",
                      "app.sub.mod", false);
  is_lib(global("numpy"), "app.sub.numpy");
  is_lib(global("zeros"), "app.sub.numpy.zeros");
  is_lib(global("np"), "app.pkg.numpy");
  no_array(global("x"), VL_LIBID_NUMPY);
  no_array(global("y"), VL_LIBID_NUMPY);
  no_array(global("z"), VL_LIBID_NUMPY);
}

static void relative_import_in_package_init(void **state) {
  /* in an __init__.py, `.` is the package itself */
  cur = tl_analyse_as(state, "from .core import run\nfrom .numpy import zeros\nx = zeros(3)\n", "app", true);
  is_lib(global("run"), "app.core.run");
  is_lib(global("zeros"), "app.numpy.zeros");
  no_array(global("x"), VL_LIBID_NUMPY);
}

static void relative_import_above_top_level(void **state) {
  /* a relative import above the top-level package (`from . import numpy` in a module of no
   * package) is an ImportError: it never names the library numpy */
  analyse(state, "from . import numpy\nfrom .numpy import zeros\nx = numpy.zeros(1)\ny = zeros(1)\n");
  no_array(global("x"), VL_LIBID_NUMPY);
  no_array(global("y"), VL_LIBID_NUMPY);
  const TlVal *n = global("numpy");
  for (int i = 0; i < n->n; i++)
    if (n->objs[i].kind == VL_O_LIB) assert_string_not_equal(n->objs[i].name, "numpy");
}

static void other_modules(void **state) {
  analyse(state,
          "import heapq\nimport jax.numpy as jnp\nimport cupy as cp\n"
          "a = heapq.heappush\nb = jnp.zeros\nc = cp.zeros\nd = cp.zeros((2, 3))\n");
  is_lib(global("a"), "heapq.heappush");
  is_lib(global("b"), "jax.numpy.zeros");
  is_lib(global("c"), "cupy.zeros");
  assert_int_equal(only(global("d"))->lib, VL_LIBID_CUPY);
}

static void non_name_callees(void **state) {
  /* the old resolver only named imported callees; the new engine evaluates any callee: a method of
   * a Generator made on the spot, a subscripted callable (unknown), a method of a local array */
  analyse(state,
          "import numpy as np\n"
          "def f(fs):\n"
          "    x = np.random.default_rng(0).random(3)\n"
          "    y = fs[0](3)\n"
          "    a = np.zeros(3)\n"
          "    b = a.copy()\n");
  tl_assert_ndim(local("f", "x"), 1);
  assert_int_equal(only(local("f", "x"))->site_how, VL_HOW_PRODUCER);
  no_array(local("f", "y"), VL_LIBID_NUMPY);
  tl_assert_new(local("f", "b"));
  assert_int_equal(only(local("f", "b"))->site_how, VL_HOW_COPY);
}

/* ---- stores: how a value reaches a container (the old test_loops) ---- */

/* Analyses a function whose first loop's body is `body` (indented by 8 spaces per line), with a
 * list c made before the loop and returned. */
static TlFile *loop_file(void **state, const char *body) {
  char text[1024];
  snprintf(text, sizeof text,
           "import heapq\n"
           "import numpy as np\n"
           "from collections import deque\n"
           "def f(self, n, v, xs, k, d):\n"
           "    c = []\n"
           "    for i in range(n):\n"
           "%s\n"
           "    return c\n",
           body);
  return analyse(state, text);
}

/* Does a container value hold the list `c` of the loop file? */
static bool is_c(const TlVal *container) {
  const TlVal *c = local("f", "c");
  for (int i = 0; i < container->n; i++)
    for (int k = 0; k < c->n; k++)
      if (container->objs[i].kind == VL_O_SEQ && c->objs[k].kind == VL_O_SEQ &&
          container->objs[i].site_start == c->objs[k].site_start)
        return true;
  return false;
}

/* The loop's only store must be of `kind` into c, of the expression `text`. */
static void check_store(void **state, const char *body, VlStoreKind kind, const char *text) {
  loop_file(state, body);
  const TlFunc *fn = tl_func(cur, "f");
  if (fn->nstores != 1) fail_msg("%s: %d stores, expected 1", body, fn->nstores);
  const TlStore *s = &fn->stores[0];
  if (s->store != kind) fail_msg("%s: store kind %d, expected %d", body, s->store, kind);
  if (strcmp(s->text, text) != 0) fail_msg("%s: stored `%s`, expected `%s`", body, s->text, text);
  if (!is_c(&s->container)) fail_msg("%s: not a store into c", body);
}

static void check_no_store(void **state, const char *body) {
  loop_file(state, body);
  const TlFunc *fn = tl_func(cur, "f");
  if (fn->nstores != 0) fail_msg("%s: %d stores (first: `%s`), expected none", body, fn->nstores, fn->stores[0].text);
}

/* c.append(v)  c.appendleft(v)  c.insert(i, v)  c.add(v)       store v */
static void store_append(void **state) {
  check_store(state, "        c.append(v)", VL_ST_APPEND, "v");
  check_store(state, "        c.appendleft(v)", VL_ST_APPEND, "v");
  check_store(state, "        c.insert(0, v)", VL_ST_APPEND, "v");
  check_store(state, "        c.add(v)", VL_ST_APPEND, "v");
}

/* c.extend(xs)  c.extendleft(xs)                                 store each element of xs */
static void store_extend(void **state) {
  check_store(state, "        c.extend(xs)", VL_ST_EXTEND, "xs");
  check_store(state, "        c.extendleft(xs)", VL_ST_EXTEND, "xs");
}

/* c += [v] / c += (v,)   c = c + [v]   c = [v] + c              store each element; a one-item
 * display is reported at the item */
static void store_augadd(void **state) {
  check_store(state, "        c += [v]", VL_ST_EXTEND, "v");
  check_store(state, "        c += (v,)", VL_ST_EXTEND, "v");
  check_store(state, "        c += [v, v]", VL_ST_EXTEND, "[v, v]");
  /* a NumPy array's __radd__ takes the list first and broadcasts: c becomes a new array, nothing is
   * stored (rules/libraries.tsv flag radd); a tensor's declines, and the list is extended */
  check_no_store(state, "        c += np.zeros((n, 4))[1:]");
  check_no_store(state, "        c = c + np.zeros((n, 4))[1:]");
  check_store(state, "        import torch\n        c += torch.zeros(n, 4)[1:]", VL_ST_EXTEND, "torch.zeros(n, 4)[1:]");
  check_store(state, "        c += xs", VL_ST_EXTEND, "xs");
}

static void store_concat(void **state) {
  check_store(state, "        c = c + [v]", VL_ST_EXTEND, "v");
  /* `c = [v] + c` (prepending) re-binds c to a list that still holds every earlier element: the
   * same accumulator (the old engine's VL_STORE_CONCAT) */
  check_store(state, "        c = [v] + c", VL_ST_EXTEND, "v");
}

/* c[k] = v   c.setdefault(k, v)                                  store v */
static void store_setitem(void **state) {
  check_store(state, "        c[k] = v", VL_ST_SETITEM, "v");
  check_store(state, "        c.setdefault(k, v)", VL_ST_SETITEM, "v");
}

/* heapq.heappush(c, v)                                           store v */
static void store_heappush(void **state) {
  check_store(state, "        heapq.heappush(c, (k, v))", VL_ST_HEAPPUSH, "(k, v)");
}

static void store_heappush_from_import(void **state) {
  analyse(state,
          "from heapq import heappush as push\n"
          "def f(n, v):\n"
          "    h = []\n"
          "    for i in range(n):\n"
          "        push(h, v)\n"
          "    return h\n");
  const TlFunc *fn = tl_func(cur, "f");
  assert_int_equal(fn->nstores, 1);
  assert_int_equal(fn->stores[0].store, VL_ST_HEAPPUSH);
  assert_string_equal(fn->stores[0].text, "v");
  assert_int_equal(only(&fn->stores[0].container)->site_start, only(local("f", "h"))->site_start);
}

/* A @dataclass field `= field(default_factory=list)` not given to the call is a new list per field;
 * annotated fields with a default are fields (set when passed), a ClassVar is not. */
static void record_default_factory_fields(void **state) {
  analyse(state,
          "from dataclasses import dataclass, field\n"
          "from typing import ClassVar\n"
          "import numpy as np\n"
          "@dataclass\n"
          "class Ep:\n"
          "    total: ClassVar[int] = 0\n"
          "    seed: int\n"
          "    frames: list = field(default_factory=list)\n"
          "    rewards: list = field(default_factory=list)\n"
          "    crop: np.ndarray = None\n"
          "def f():\n"
          "    a = np.zeros((10, 10))\n"
          "    ep = Ep(1)\n"
          "    ep.frames.append(a[0])\n"
          "    frames = ep.frames\n"
          "    rewards = ep.rewards\n"
          "    ep2 = Ep(2, None, [], a[1])\n"
          "    crop = ep2.crop\n");
  const TlObj *fr = only(local("f", "frames"));
  assert_int_equal(fr->kind, VL_O_SEQ);
  assert_int_equal(fr->seq, VL_SEQ_LIST);
  assert_true(fr->holds_view);
  const TlObj *rw = only(local("f", "rewards"));
  assert_int_equal(rw->kind, VL_O_SEQ);
  assert_false(rw->holds_view); /* a list of its own */
  partial_view_of(local("f", "crop"), "a");
}

static void store_attribute_containers(void **state) {
  /* containers the caller holds: self.pool is a symbol (an attribute of the parameter self) */
  static const struct { const char *body; VlStoreKind kind; const char *attr; } cases[] = {
      {"        self.pool.append(v)", VL_ST_APPEND, "pool"},
      {"        self.cache[k] = v", VL_ST_SETITEM, "cache"},
      {"        self.keep += [v]", VL_ST_EXTEND, "keep"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    loop_file(state, cases[i].body);
    const TlFunc *fn = tl_func(cur, "f");
    assert_int_equal(fn->nstores, 1);
    assert_int_equal(fn->stores[0].store, cases[i].kind);
    const TlObj *c = only(&fn->stores[0].container);
    assert_int_equal(c->kind, VL_O_SYM);
    assert_int_equal(c->sym, VL_SYM_ATTRV);
    assert_string_equal(c->name, cases[i].attr);
  }
}

static void store_in_nested_blocks(void **state) {
  check_store(state, "        if k:\n            c.append(v)", VL_ST_APPEND, "v");
  check_store(state, "        for j in range(3):\n            c.append(v)", VL_ST_APPEND, "v");
  check_store(state, "        with d:\n            c.append(v)", VL_ST_APPEND, "v");
  check_store(state, "        x = c.append(v) or 1", VL_ST_APPEND, "v");
  check_store(state, "        try:\n            c.append(v)\n        except Exception:\n            pass", VL_ST_APPEND, "v");
}

static void stores_in_source_order(void **state) {
  loop_file(state, "        c.append(v)\n        d[k] = xs\n        c.extend(xs)");
  const TlFunc *fn = tl_func(cur, "f");
  assert_int_equal(fn->nstores, 3);
  assert_int_equal(fn->stores[0].store, VL_ST_APPEND);
  assert_int_equal(fn->stores[1].store, VL_ST_SETITEM);
  assert_string_equal(fn->stores[1].text, "xs");
  const TlObj *d = only(&fn->stores[1].container); /* into the parameter d */
  assert_int_equal(d->kind, VL_O_SYM);
  assert_string_equal(d->name, "d");
  assert_int_equal(fn->stores[2].store, VL_ST_EXTEND);
}

static void not_stores(void **state) {
  check_no_store(state, "        c -= v");
  check_no_store(state, "        c *= 2");
  check_no_store(state, "        c = d + [v]"); /* another list: not c growing */
  check_no_store(state, "        c.count(v)");
  check_no_store(state, "        c.sort()");
  check_no_store(state, "        c.get(k, v)");
  check_no_store(state, "        print(c, v)");
  check_no_store(state, "        heappush(c, v)"); /* not imported from heapq */
  check_no_store(state, "        c.append()");     /* nothing stored */
  check_no_store(state, "        c.pop()");
}

static void store_into_an_element(void **state) {
  /* the old engine ignored `c[k][0] = v` (the container was no name); the new one sees a store
   * into whatever c[k] holds (here nothing yet): not into c itself, and no hit */
  loop_file(state, "        c[k][0] = v");
  const TlFunc *fn = tl_func(cur, "f");
  assert_int_equal(fn->nstores, 1);
  assert_int_equal(fn->stores[0].store, VL_ST_SETITEM);
  assert_string_equal(fn->stores[0].text, "v");
  assert_false(is_c(&fn->stores[0].container));
  no_hits(cur);
}

static void nested_def_lambda_class_not_entered(void **state) {
  loop_file(state,
            "        def g():\n"
            "            c.append(v)\n"
            "            y = v\n"
            "        h = lambda: c.append(v)\n"
            "        class K:\n"
            "            c.append(v)\n"
            "        async def a():\n"
            "            c.append(v)\n");
  const TlFunc *fn = tl_func(cur, "f");
  assert_int_equal(fn->nstores, 0); /* stores in g, the lambda, K and a are theirs */
  tl_assert_only(local("f", "g"), VL_O_FUNC); /* the def itself binds g in the body */
  tl_assert_only(local("f", "h"), VL_O_FUNC);
  tl_assert_only(local("f", "K"), VL_O_CLASS);
  for (int i = 0; i < fn->nlocals; i++) assert_string_not_equal(fn->locals[i], "y"); /* y is g's */
  const TlFunc *g = tl_func(cur, "f.<locals>.g");
  assert_int_equal(g->nstores, 1);
  const TlObj *gc = only(&g->stores[0].container); /* c of f: a closure cell of g */
  assert_int_equal(gc->kind, VL_O_SYM);
  assert_int_equal(gc->sym, VL_SYM_CELLV);
}

static void while_loop_stores(void **state) {
  analyse(state,
          "def f(c, v):\n"
          "    while c:\n"
          "        x = c.pop()\n"
          "        c.append(v)\n");
  const TlFunc *fn = tl_func(cur, "f");
  assert_int_equal(fn->nstores, 1);
  assert_int_equal(fn->stores[0].store, VL_ST_APPEND);
  assert_int_equal(only(&fn->stores[0].container)->sym, VL_SYM_PARAM);
  assert_true(local("f", "x")->n > 0); /* bound in the body */
}

/* ---- retention hits: the loop facts as VL001/VL002 see them ---- */

/* A function that stores `body` (8-space indent) in a loop over i while a, 500x64, is rebound by
 * np.delete in each iteration; the container `keep` is made by `make` before the loop and returned. */
static TlFile *leak_file(void **state, const char *make, const char *body) {
  char text[1024];
  snprintf(text, sizeof text,
           "import numpy as np\n"
           "from collections import deque\n"
           "def f(n, out):\n"
           "    a = np.random.randn(500, 64)\n"
           "    keep = %s\n"
           "    for i in range(n):\n"
           "%s\n"
           "        a = np.delete(a, 0, axis=0)\n"
           "    return keep\n",
           make, body);
  return analyse(state, text);
}

/* The function stores (the store is seen) and no hit is reported. */
static void stored_without_hit(const TlFile *f) {
  assert_true(tl_func(f, "f")->nstores > 0);
  no_hits(f);
}

static void hit_rebound_view(void **state) {
  TlFile *f = leak_file(state, "[]", "        keep.append(a[i])");
  assert_int_equal(f->nhits, 1);
  const VlHit *h = hit(f, "a[i]", VL_HIT_REBOUND);
  assert_int_equal(h->store, VL_ST_APPEND);
  assert_int_equal(h->lib, VL_LIBID_NUMPY);
  assert_string_equal(h->base_name, "a");
  assert_string_equal(h->container, "keep");
  assert_false(h->via_call);
  assert_non_null(h->size);
  assert_non_null(strstr(h->size, "500x64 float64"));
  /* the rebinding statement and the loop */
  const char *rebind = strstr(f->text, "a = np.delete");
  assert_int_equal(h->base.start, (uint32_t)(rebind - f->text));
  assert_int_equal(h->loop.start, (uint32_t)(strstr(f->text, "for i") - f->text));
  assert_int_equal(h->fix_at, (uint32_t)(strstr(f->text, "a[i])") - f->text) + 4);
}

static void no_hit_for_a_copy(void **state) {
  stored_without_hit(leak_file(state, "[]", "        keep.append(a[i].copy())"));
  stored_without_hit(leak_file(state, "[]", "        keep.append(a[i].tolist())"));
  stored_without_hit(leak_file(state, "[]", "        keep.append(a[[i]])"));
}

static void no_hit_for_a_container_made_in_the_loop(void **state) {
  /* a container created inside the loop body dies with the iteration */
  stored_without_hit(leak_file(state, "[]", "        keep = []\n        keep.append(a[i])"));
  stored_without_hit(leak_file(state, "[]", "        keep = list()\n        keep.append(a[i])"));
  stored_without_hit(leak_file(state, "{}", "        keep = other = {}\n        other[i] = a[i]"));
}

static void no_hit_for_a_cleared_container(void **state) {
  /* emptied on a path inside the loop: a bounded number of views */
  stored_without_hit(leak_file(state, "[]", "        keep.append(a[i])\n        if len(keep) > 8:\n            keep.clear()"));
  stored_without_hit(leak_file(state, "[]", "        keep.append(a[i])\n        if len(keep) > 8:\n            del keep[:]"));
}

static void no_hit_for_a_batch_rebound_empty(void **state) {
  /* np.stack(batch) every 8 items, then batch = []: a bounded number of views */
  TlFile *f = leak_file(state, "[]",
                        "        keep.append(a[i])\n"
                        "        if len(keep) == 8:\n"
                        "            out.append(np.stack(keep))\n"
                        "            keep = []");
  /* the store goes into the list made before the loop or the one made in it */
  assert_int_equal(tl_count(tl_stored(f, "np.stack(keep)"), VL_O_ARRAY), 1);
  assert_int_equal(tl_count(&tl_func(f, "f")->stores[0].container, VL_O_SEQ), 2);
  no_hits(f);
}

static void bounded_deque(void **state) {
  stored_without_hit(leak_file(state, "deque(maxlen=10)", "        keep.append(a[i])"));
  stored_without_hit(leak_file(state, "deque([], 10)", "        keep.append(a[i])"));
  hit(leak_file(state, "deque()", "        keep.append(a[i])"), "a[i]", VL_HIT_REBOUND);
  hit(leak_file(state, "deque(maxlen=None)", "        keep.append(a[i])"), "a[i]", VL_HIT_REBOUND);
}

/* A class whose __init__ makes `self.keep` with `make` (after a subscript store on self.a when `poke`:
 * then __init__ asks run() for the hint of a, before it has set keep) and whose run() appends a row
 * of a rebound array to it in a loop. */
static TlFile *attr_deque_file(void **state, const char *make, bool poke) {
  char text[1024];
  snprintf(text, sizeof text,
           "import numpy as np\n"
           "from collections import deque\n"
           "class Solver:\n"
           "    def __init__(self, n):\n"
           "        self.a = np.zeros((n, 64))\n"
           "%s"
           "        self.keep = %s\n"
           "    def run(self, steps):\n"
           "        a = self.a\n"
           "        for i in range(steps):\n"
           "            a = a + 1.0\n"
           "            self.keep.append(a[:, 0])\n"
           "        self.a = a\n",
           poke ? "        self.a[0, :4] = 1.0\n" : "", make);
  return analyse(state, text);
}

static void bounded_deque_attribute(void **state) {
  /* an attribute hinted as a bounded deque by what __init__ binds is bounded in a method's loop */
  no_hits(attr_deque_file(state, "deque(maxlen=2)", false));
  no_hits(attr_deque_file(state, "deque(maxlen=n)", false));
  /* also when __init__ is analysed after run (run asked while __init__ was busy): run is provisional */
  no_hits(attr_deque_file(state, "deque(maxlen=2)", true));
  hit(attr_deque_file(state, "deque()", false), "a[:, 0]", VL_HIT_REBOUND);
  hit(attr_deque_file(state, "deque()", true), "a[:, 0]", VL_HIT_REBOUND);
  hit(attr_deque_file(state, "[]", true), "a[:, 0]", VL_HIT_REBOUND);
}

/* Arithmetic that rebinds a parameter's value in a loop (`x = x - lr * 2 * x`) is one deferred
 * operation, not one level deeper per pass: nothing is forgotten, also in a tuple of it, and a
 * generator of it consumed through enumerate yields views made anew (found at the caller). */
static void deferred_arithmetic_in_loop(void **state) {
  analyse(state,
          "def f(x, lr, n):\n"
          "    for _ in range(n):\n"
          "        x = x - lr * 2 * x\n"
          "    t = (n, x)\n"
          "    for _ in range(n):\n"
          "        t = (n, t[1] - lr * t[1])\n"
          "    y = t[1]\n");
  const TlVal *x = local("f", "x");
  assert_int_equal(tl_count(x, VL_O_UNKNOWN), 0);
  assert_int_equal(tl_count(x, VL_O_SYM), 2); /* the parameter, or the operation on it */
  assert_int_equal(tl_count(local("f", "y"), VL_O_UNKNOWN), 0);
  TlFile *f = analyse(state,
                      "import numpy as np\n"
                      "def gd(x0, step, grad):\n"
                      "    xi = x0\n"
                      "    while True:\n"
                      "        xi = xi - step * grad(xi)\n"
                      "        yield xi\n"
                      "def g(x):\n"
                      "    return 2.0 * x\n"
                      "def trace(x0):\n"
                      "    kept = []\n"
                      "    for k, xk in enumerate(gd(x0, 0.1, g)):\n"
                      "        kept.append(xk[:2])\n"
                      "        if k > 20:\n"
                      "            break\n"
                      "    return kept\n"
                      "def main():\n"
                      "    return trace(np.ones(100000))\n");
  hit(f, "xk[:2]", VL_HIT_FRESH);
}

/* A matrix product with a parameter of unknown ndim is deferred beside its guess: a caller that
 * passes a matrix makes `P = F @ P @ F.T + Q` 2-D, so P[0] is a row of each new P; without a caller
 * (or with one passing a vector, making P 1-D: P[0] a number) there is no hit. */
static void matmul_with_parameter_deferred(void **state) {
  static const char *const src =
      "import numpy as np\n"
      "def run(zs, F, Q):\n"
      "    P = np.eye(F.shape[0])\n"
      "    rows = []\n"
      "    for z in zs:\n"
      "        P = F @ P @ F.T + Q\n"
      "        rows.append(P[0])\n"
      "    return rows\n";
  char text[1024];
  snprintf(text, sizeof text, "%sdef main():\n    return run(range(9), np.eye(300), np.eye(300))\n", src);
  hit(analyse(state, text), "P[0]", VL_HIT_REBOUND);
  no_hits(analyse(state, src));
  snprintf(text, sizeof text, "%sdef main():\n    return run(range(9), np.ones(300), 1.0)\n", src);
  no_hits(analyse(state, text));
}

/* linear_sum_assignment returns a tuple of new 1-D int arrays (rules/results.tsv, `[k]` rows):
 * iterating the rows gives ints, so preds[r] is a row of this iteration's preds, while preds[rows]
 * is a fancy index (a copy). */
static void tuple_result_of_int_arrays(void **state) {
  TlFile *f = analyse(state,
                      "import numpy as np\n"
                      "from scipy.optimize import linear_sum_assignment\n"
                      "def match(n, gts):\n"
                      "    kept, picked = [], []\n"
                      "    for _ in range(n):\n"
                      "        preds = np.random.rand(5000, 4)\n"
                      "        rows, cols = linear_sum_assignment(-preds @ gts.T)\n"
                      "        picked.append(preds[rows])\n"
                      "        for r in rows:\n"
                      "            kept.append(preds[r])\n"
                      "    return kept, picked\n");
  hit(f, "preds[r]", VL_HIT_FRESH);
  assert_int_equal(f->nhits, 1);
}

/* A store into one literal slot of a container made before the loop (`state["x"] = state["x"] +
 * v`) keeps the last iteration's array only: it does not count as keeping each array whole, so a
 * view of it kept in a list is reported; a dict made in each iteration keeps each whole. */
static void one_slot_is_not_kept_whole(void **state) {
  hit(analyse(state,
              "import numpy as np\n"
              "def f(n):\n"
              "    state = {'x': np.ones(1000), 'v': np.zeros(1000)}\n"
              "    path = []\n"
              "    for _ in range(n):\n"
              "        state['x'] = state['x'] + 0.1\n"
              "        path.append(state['x'][:2])\n"
              "    return path\n"),
      "state['x'][:2]", VL_HIT_REBOUND); /* the item is carried: rebound from its own old value */
  no_hits(analyse(state,
                  "import numpy as np\n"
                  "def f(n):\n"
                  "    x = np.ones(1000)\n"
                  "    log = []\n"
                  "    for _ in range(n):\n"
                  "        x = x + 0.1\n"
                  "        rec = {}\n"
                  "        rec['x'] = x\n"
                  "        rec['head'] = x[:2]\n"
                  "        log.append(rec)\n"
                  "    return log\n"));
}

/* `p.grad` in a loop that clears gradients to None (`zero_grad(set_to_none=True)`, `p.grad = None`)
 * is a new tensor at each step; zeroed in place (`zero_grad()` on torch 1.13) or cleared only before
 * the loop, it is the same tensor. */
static void grad_cleared_to_none_is_new_per_step(void **state) {
  static const char *const fmt = "import torch\n"
                                 "def f(model, opt, steps):\n"
                                 "    rows = []\n"
                                 "%s"
                                 "    for _ in range(steps):\n"
                                 "%s"
                                 "        model(torch.randn(4, 8)).sum().backward()\n"
                                 "        for p in model.parameters():\n"
                                 "            rows.append(p.grad[0])\n"
                                 "    return rows\n";
  char src[1024];
  snprintf(src, sizeof src, fmt, "", "        opt.zero_grad(set_to_none=True)\n");
  hit(analyse(state, src), "p.grad[0]", VL_HIT_FRESH);
  snprintf(src, sizeof src, fmt, "", "        for q in model.parameters():\n            q.grad = None\n");
  hit(analyse(state, src), "p.grad[0]", VL_HIT_FRESH);
  snprintf(src, sizeof src, fmt, "", "        opt.zero_grad()\n");
  no_hits(analyse(state, src));
  snprintf(src, sizeof src, fmt, "    model.zero_grad(set_to_none=True)\n", "");
  no_hits(analyse(state, src));
}

/* DataLoader(ds, batch_size=None) over a Dataset whose __getitem__ reads a cache of loaded shards:
 * a cache that also evicts (`popitem`) loads again what it dropped, so its items are new over the
 * steps; one that never evicts may hand out the same shard each time (not followed). */
static void evicting_shard_cache_items_are_new(void **state) {
  static const char *const fmt = "import torch\n"
                                 "from torch.utils.data import DataLoader, Dataset\n"
                                 "def load(s):\n"
                                 "    return torch.randn(64, 32)\n"
                                 "class Ds(Dataset):\n"
                                 "    def __init__(self):\n"
                                 "        self.cache = {}\n"
                                 "    def __len__(self):\n"
                                 "        return 640\n"
                                 "    def __getitem__(self, i):\n"
                                 "        s, k = divmod(i, 64)\n"
                                 "        if s in self.cache:\n"
                                 "            return self.cache[s][k]\n"
                                 "        x = load(s)\n"
                                 "        self.cache[s] = x\n"
                                 "%s"
                                 "        return x[k]\n"
                                 "def run(ds):\n"
                                 "    kept = []\n"
                                 "    for v in DataLoader(ds, batch_size=None):\n"
                                 "        kept.append(v)\n"
                                 "    return kept\n"
                                 "def main():\n"
                                 "    return run(Ds())\n";
  char src[2048];
  snprintf(src, sizeof src, fmt, "        if len(self.cache) > 2:\n            self.cache.popitem()\n");
  hit(analyse(state, src), "v", VL_HIT_FRESH);
  snprintf(src, sizeof src, fmt, "");
  no_hits(analyse(state, src));
}

/* `d if p is None else p` (and `p if p is not None else d`): where the branch reads p, p is not
 * None, so a caller leaving p to its default None gets d only: a column index, not u[:, None]. */
static void none_test_narrows_conditional(void **state) {
  static const char *const fmt =
      "import numpy as np\n"
      "class Solver:\n"
      "    def __init__(self, n, col=None):\n"
      "        self.u = np.zeros((n, n))\n"
      "        self.col = %s\n"
      "        self.probes = []\n"
      "    def run(self, steps):\n"
      "        for _ in range(steps):\n"
      "            self.u = self.u + 1.0\n"
      "            self.probes.append(self.u[:, self.col])\n"
      "        return self.probes\n"
      "def main():\n"
      "    s = Solver(256)\n"
      "    return s.run(10)\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "n // 4 if col is None else col");
  hit(analyse(state, text), "self.u[:, self.col]", VL_HIT_REBOUND);
  snprintf(text, sizeof text, fmt, "col if col is not None else n // 4");
  hit(analyse(state, text), "self.u[:, self.col]", VL_HIT_REBOUND);
  snprintf(text, sizeof text, fmt, "col if col is None else n // 4"); /* the None itself: u[:, None] */
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "col");
  no_hits(analyse(state, text));
}

static void hit_for_every_store_kind(void **state) {
  static const struct { const char *make, *body; VlStoreKind kind; } cases[] = {
      {"[]", "        keep.insert(0, a[i])", VL_ST_APPEND},
      {"[]", "        keep.extend([a[i]])", VL_ST_EXTEND},
      {"[]", "        keep += [a[i]]", VL_ST_EXTEND},
      {"[]", "        keep = keep + [a[i]]", VL_ST_EXTEND},
      {"[]", "        keep = [a[i]] + keep", VL_ST_EXTEND},
      {"{}", "        keep[i] = a[i]", VL_ST_SETITEM},
      {"{}", "        keep.setdefault(i, a[i])", VL_ST_SETITEM},
      {"[]", "        heapq.heappush(keep, (i, a[i]))", VL_ST_HEAPPUSH},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    char body[256];
    snprintf(body, sizeof body, "        import heapq\n%s", cases[k].body);
    TlFile *f = leak_file(state, cases[k].make, body);
    const VlHit *h = hit(f, "a[i]", VL_HIT_REBOUND);
    if (h->store != cases[k].kind) fail_msg("%s: store %d, expected %d", cases[k].body, h->store, cases[k].kind);
  }
}

static void setitem_with_a_constant_key(void **state) {
  /* c['last'] = v overwrites one slot: it holds one view, not one per iteration */
  stored_without_hit(leak_file(state, "{}", "        keep['last'] = a[i]"));
  stored_without_hit(leak_file(state, "{}", "        keep[0] = a[i]"));
}

static void no_hit_writing_into_an_array(void **state) {
  /* out[j] = a[i] copies the data into the preallocated array */
  stored_without_hit(leak_file(state, "np.zeros((100, 64))", "        keep[i] = a[i]"));
}

static void no_hit_when_the_whole_base_is_kept(void **state) {
  /* keeping the whole array too: the views pin nothing more */
  stored_without_hit(leak_file(state, "[]", "        keep.append(a[i])\n        keep.append(a)"));
  stored_without_hit(leak_file(state, "[]", "        keep.append((a[i], a))"));
}

static void no_hit_for_every_piece_converted_at_once(void **state) {
  /* list(t) / tuple(t) of a new array holds every piece of it: together they show all they pin;
   * a slice of such a list, or one piece, pins the rest */
  const char *fmt = "import torch\n"
                    "def f(n):\n"
                    "    keep = []\n"
                    "    for i in range(n):\n"
                    "        t = torch.randn(100, 4)\n"
                    "        keep.append(%s)\n"
                    "    return keep\n";
  char text[512];
  snprintf(text, sizeof text, fmt, "list(t)");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "tuple(t)");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "list(t)[:2]");
  hit(analyse(state, text), "list(t)", VL_HIT_FRESH); /* the message names the view inside */
  snprintf(text, sizeof text, fmt, "tuple(t[0])");
  hit(analyse(state, text), "tuple(t[0])", VL_HIT_FRESH);
}

static void no_hit_for_every_row_kept_through_a_method(void **state) {
  /* rows of a new array each kept by a helper (`keep(rows, row)`, storing `row.view(1, -1)`) in
   * every iteration, or under a test of presence only, show all of it (DensePose's annotation
   * accumulator); a test comparing values chooses rows, and each chosen one pins the rest */
  const char *fmt = "import torch\n"
                    "def keep(rows, row: torch.Tensor, meta):\n"
                    "    rows.append(row.view(1, -1))\n"
                    "def f(n, metas, scores):\n"
                    "    acc = []\n"
                    "    for i in range(n):\n"
                    "        t = torch.randn(100, 64)\n"
                    "        for row, meta, score in zip(%s, metas, scores):\n"
                    "%s"
                    "    return acc\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "t", "            keep(acc, row, meta)\n");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "t",
           "            if meta is not None and len(meta) > 0:\n                keep(acc, row, meta)\n");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "t[None, :][0]", "            keep(acc, row, meta)\n");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "t", "            if score > 0.9:\n                keep(acc, row, meta)\n");
  hit(analyse(state, text), "row.view(1, -1)", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "t[:, :4]", "            keep(acc, row, meta)\n");
  hit(analyse(state, text), "row.view(1, -1)", VL_HIT_FRESH);
}

static void to_a_dtype_not_known_is_not_a_view(void **state) {
  /* `.to(dtype=d)` names a dtype whatever d is: maybe another one, so maybe a copy (unknown); a
   * positional `.to(x)` may be a device, the same memory */
  const char *fmt = "import torch\n"
                    "def f(n, d):\n"
                    "    keep = []\n"
                    "    for i in range(n):\n"
                    "        t = torch.randn(1000, 64).double()\n"
                    "        keep.append(t[:, :4].%s)\n"
                    "    return keep\n";
  char text[512];
  snprintf(text, sizeof text, fmt, "to(dtype=d)");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "to(d)");
  hit(analyse(state, text), "t[:, :4].to(d)", VL_HIT_FRESH);
}

static void rebound_means_carried_from_the_iteration_before(void **state) {
  /* VL001 (REBOUND) when the loop carries the array, rebinding it from its old value; VL002 (FRESH)
   * when each iteration makes it from other things, even by arithmetic on this iteration's data */
  const char *fmt = "import numpy as np\n"
                    "def f(A, data, y, keep, n):\n"
                    "    Q = np.zeros((500, 8))\n"
                    "    data = np.random.rand(500, 64)\n"
                    "    for i in range(n):\n"
                    "%s"
                    "    return keep\n";
  static const struct {
    const char *body, *view;
    VlHitKind kind;
  } cases[] = {
      {"        keep.append(data[0])\n        data = np.delete(data, 0, axis=0)\n", "data[0]", VL_HIT_REBOUND},
      {"        Z = A @ Q\n        Q, R = np.linalg.qr(Z)\n        keep.append(Q[:, 0])\n", "Q[:, 0]", VL_HIT_REBOUND},
      {"        y_new = y + 0.1 * np.sin(y)\n        y = y_new\n        keep.append(y[:2])\n", "y[:2]", VL_HIT_REBOUND},
      {"        a = np.random.rand(1000, 64)\n        a = (a - a.mean()) / a.std()\n        keep.append(a[:2])\n", "a[:2]",
       VL_HIT_FRESH},
      {"        x = np.random.rand(1000, 64)\n        spec = np.fft.rfft(x)\n        keep.append(spec[:2])\n", "spec[:2]",
       VL_HIT_FRESH},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char text[1024];
    snprintf(text, sizeof text, fmt, cases[i].body);
    hit(analyse(state, text), cases[i].view, cases[i].kind);
  }
}

static void hit_through_a_hook_a_subclass_overrides(void **state) {
  /* `self.select(h)` in a base class's method, on a hook whose base body does nothing (raise, `...`):
   * which override runs, the instance a caller passes decides, so the method is analysed again for it */
  const char *fmt = "import torch\n"
                    "class Head:\n"
                    "    def select(self, h):\n"
                    "        %s\n"
                    "    def __call__(self, h):\n"
                    "        return self.select(h)\n"
                    "class Last(Head):\n"
                    "    def select(self, h):\n"
                    "        return %s\n"
                    "def f(n, head):\n"
                    "    keep = []\n"
                    "    for i in range(n):\n"
                    "        t = torch.randn(8, 100, 64)\n"
                    "        keep.append(head(t))\n"
                    "    return keep\n"
                    "def g(n):\n"
                    "    return f(n, Last())\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "raise NotImplementedError", "h[:, -1]");
  hit(analyse(state, text), "head(t)", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "...", "h[:, -1]");
  hit(analyse(state, text), "head(t)", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "raise NotImplementedError", "h[:, -1].clone()");
  no_hits(analyse(state, text));
}

static void hit_through_a_closure_generator_of_output_objects(void **state) {
  /* a closure generator yielding what a call of a cell makes at each step, or an attribute of it
   * (`yield model(x).h`): the object, and what it holds, are new at each step */
  const char *fmt = "import torch\n"
                    "class Out:\n"
                    "    def __init__(self, h):\n"
                    "        self.h = h\n"
                    "class Enc(torch.nn.Module):\n"
                    "    def __init__(self):\n"
                    "        super().__init__()\n"
                    "        self.ff = torch.nn.Linear(16, 64)\n"
                    "    def forward(self, x):\n"
                    "        return Out(self.ff(x))\n"
                    "def f(loader):\n"
                    "    model = Enc()\n"
                    "    def gen():\n"
                    "        for x in loader:\n"
                    "            yield %s\n"
                    "    keep = []\n"
                    "    for e in gen():\n"
                    "        keep.append(%s)\n"
                    "    return keep\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "model(x).h", "e[0]");
  hit(analyse(state, text), "e[0]", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "model(x)", "e.h[0]");
  hit(analyse(state, text), "e.h[0]", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "model(x)", "e.h[0].clone()");
  no_hits(analyse(state, text));
}

static void hit_through_a_closure_factory_container(void **state) {
  /* a closure made by a factory appends into a dict its factory made (`stats = {"head": []}`, or a
   * defaultdict); another function's loop calls it: that analysis sees what the dict holds */
  const char *fmt = "import numpy as np\n"
                    "from collections import defaultdict\n"
                    "def make_probe():\n"
                    "    stats = %s\n"
                    "    def probe(field):\n"
                    "        stats[\"head\"].append(%s)\n"
                    "    return probe, stats\n"
                    "def simulate(n, probe):\n"
                    "    for _ in range(n):\n"
                    "        field = np.random.rand(64, 32)\n"
                    "        probe(field)\n"
                    "def main():\n"
                    "    probe, stats = make_probe()\n"
                    "    simulate(10, probe)\n"
                    "    return stats\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "{\"head\": []}", "field[0]");
  hit(analyse(state, text), "field[0]", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "defaultdict(list)", "field[0]");
  hit(analyse(state, text), "field[0]", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "defaultdict(list)", "field[0].copy()");
  no_hits(analyse(state, text));
}

static void hit_into_a_dataclass_field_default_factory(void **state) {
  /* `boxes: list = field(default_factory=list)`: each instance gets a new list when the call does
   * not pass one; a field with a default is a field too (an annotated assignment) */
  const char *fmt = "import numpy as np\n"
                    "from collections import deque\n"
                    "from dataclasses import dataclass, field\n"
                    "@dataclass\n"
                    "class Track:\n"
                    "    tid: int\n"
                    "    hits: int = 0\n"
                    "    boxes: %s = field(default_factory=%s)\n"
                    "def f(n):\n"
                    "    t = Track(0)\n"
                    "    for _ in range(n):\n"
                    "        dets = np.random.rand(64, 32)\n"
                    "        t.boxes.append(%s)\n"
                    "    return t\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "list", "list", "dets[0]");
  hit(analyse(state, text), "dets[0]", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "deque", "deque", "dets[0]");
  hit(analyse(state, text), "dets[0]", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "list", "list", "dets[0].copy()");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "deque", "lambda: deque(maxlen=4)", "dets[0]");
  no_hits(analyse(state, text));
}

static void hit_into_a_container_of_an_object_a_callee_hands_back(void **state) {
  /* a callee makes an object whose list it fills with a row of what it is passed, and hands the
   * object back (or stores it where the caller sees it): the caller's loop keeps the objects, so the
   * list outlives the caller's iteration; the store is reported where it is, in the class */
  const char *fmt = "import numpy as np\n"
                    "class Det:\n"
                    "    def __init__(self):\n"
                    "        self.parts = []\n"
                    "    def add(self, p):\n"
                    "        self.parts.append(p)\n"
                    "def make(pred):\n"
                    "    objs = []\n"
                    "    d = Det()\n"
                    "    d.add(%s)\n"
                    "    objs.append(d)\n"
                    "    return objs\n"
                    "def f(n):\n"
                    "    keep = []\n"
                    "    for _ in range(n):\n"
                    "        pred = np.random.rand(64, 32)\n"
                    "        %s\n"
                    "    return keep\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "pred[0, :4]", "keep.append(make(pred))");
  const VlHit *h = hit(analyse(state, text), "p", VL_HIT_FRESH);
  assert_int_equal(h->at.start, (uint32_t)(strstr(cur->text, "p)\n") - cur->text));
  snprintf(text, sizeof text, fmt, "pred[0, :4].copy()", "keep.append(make(pred))");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "pred[0, :4]", "keep = make(pred)"); /* only the last iteration's */
  no_hits(analyse(state, text));
}

static void hit_once_for_a_setdefault_list_filled_with_a_tuple(void **state) {
  /* `d.setdefault(k, []).append((i, a[0]))`: one leak, reported where the list is filled, not again
   * where setdefault puts the list into the dict */
  TlFile *f = analyse(state, "import numpy as np\n"
                             "def f(n):\n"
                             "    out = {}\n"
                             "    for i in range(n):\n"
                             "        a = np.random.rand(100, 64)\n"
                             "        out.setdefault(i % 3, []).append((i, a[0]))\n"
                             "    return out\n");
  hit(f, "a[0]", VL_HIT_FRESH);
  assert_int_equal(f->nhits, 1);
}

static void hit_through_tolist_indices(void **state) {
  /* keep.tolist() of a 1-D integer array (torchvision's nms gives a torch tensor) is a list of ints:
   * masks[i] takes one mask; of a 2-D array (boxes.tolist()) lists, which hold no array */
  const char *fmt = "import torch\n"
                    "from torchvision.ops import nms\n"
                    "def f(n):\n"
                    "    kept = []\n"
                    "    for _ in range(n):\n"
                    "        masks = torch.rand(48, 64, 64)\n"
                    "        boxes = torch.rand(48, 4)\n"
                    "        keep = nms(boxes, torch.rand(48), 0.5)[:3]\n"
                    "        for i in %s:\n"
                    "            kept.append(%s)\n"
                    "    return kept\n";
  char text[1024];
  snprintf(text, sizeof text, fmt, "keep.tolist()", "masks[i]");
  hit(analyse(state, text), "masks[i]", VL_HIT_FRESH);
  snprintf(text, sizeof text, fmt, "keep.tolist()", "masks[i].clone()");
  no_hits(analyse(state, text));
  snprintf(text, sizeof text, fmt, "boxes.tolist()", "i");
  no_hits(analyse(state, text));
}

static void hit_once_through_a_lambda_callback(void **state) {
  /* `callback=lambda xk: path.append(xk[:2])` called in the callee's loop: reported at the lambda's
   * append only, never again without a place (the deferred append the caller resolves) */
  TlFile *f = analyse(state, "import numpy as np\n"
                             "def descend(grad, x0, n_iter=30, callback=None):\n"
                             "    x = x0\n"
                             "    for k in range(n_iter):\n"
                             "        x = x - 0.1 * grad(x)\n"
                             "        if callback is not None:\n"
                             "            callback(x)\n"
                             "    return x\n"
                             "def solve(n=1000):\n"
                             "    b = np.ones(n)\n"
                             "    def grad(x):\n"
                             "        return x - b\n"
                             "    path = []\n"
                             "    x = descend(grad, np.zeros(n), callback=lambda xk: path.append(xk[:2]))\n"
                             "    return x, path\n");
  hit(f, "xk[:2]", VL_HIT_REBOUND);
  assert_int_equal(f->nhits, 1);
}

static void hit_once_in_a_recursion_storing_a_tuple(void **state) {
  /* a recursive function's own store and the same store applied by its recursive call: one leak */
  TlFile *f = analyse(state, "import numpy as np\n"
                             "def cont(u, lam, log):\n"
                             "    if lam > 2.0:\n"
                             "        return u\n"
                             "    u_next = u + lam * np.exp(u)\n"
                             "    log.append((lam, u_next[1:5]))\n"
                             "    return cont(u_next, lam + 0.1, log)\n");
  hit(f, "u_next[1:5]", VL_HIT_FRESH); /* made anew in each call */
  assert_int_equal(f->nhits, 1);
}

static void hit_reported_at_the_view_inside_the_stored_value(void **state) {
  TlFile *f = leak_file(state, "[]", "        keep.append((i, a[i]))");
  const VlHit *h = hit(f, "a[i]", VL_HIT_REBOUND);
  assert_int_equal(h->at.start, (uint32_t)(strstr(f->text, "a[i]))") - f->text));
  f = leak_file(state, "[]", "        keep.append({'row': a[i]})");
  hit(f, "a[i]", VL_HIT_REBOUND);
}

static void no_hit_for_a_local_container_not_returned(void **state) {
  /* nothing survives the call: the list dies with the frame */
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(a[i])\n"
          "        a = np.delete(a, 0, axis=0)\n"
          "    print(len(keep))\n");
  assert_int_equal(tl_func(cur, "f")->nstores, 1); /* the store is seen */
  no_hits(cur);
}

static void hit_for_the_callers_container(void **state) {
  /* a parameter, an alias returned, a global: all outlive the function */
  analyse(state,
          "import numpy as np\n"
          "def f(n, keep):\n"
          "    a = np.random.randn(500, 64)\n"
          "    for i in range(n):\n"
          "        keep.append(a[i])\n"
          "        a = np.delete(a, 0, axis=0)\n");
  hit(cur, "a[i]", VL_HIT_REBOUND);
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(a[i])\n"
          "        a = np.delete(a, 0, axis=0)\n"
          "    alias = keep\n"
          "    return alias\n");
  hit(cur, "a[i]", VL_HIT_REBOUND);
}

static void hit_at_module_level(void **state) {
  analyse(state,
          "import numpy as np\n"
          "a = np.random.randn(500, 64)\n"
          "keep = []\n"
          "for i in range(100):\n"
          "    keep.append(a[i])\n"
          "    a = np.delete(a, 0, axis=0)\n");
  const VlHit *h = hit(cur, "a[i]", VL_HIT_REBOUND);
  assert_string_equal(h->container, "keep");
  assert_int_equal(tl_func(cur, "<module>")->nstores, 1);
}

static void no_hit_for_scalars_of_a_1d_array(void **state) {
  /* the classic index-based NMS: order is 1-D, order[0] a NumPy scalar */
  analyse(state,
          "import numpy as np\n"
          "def f(n, scores):\n"
          "    order = np.random.rand(n).argsort()[::-1]\n"
          "    keep = []\n"
          "    while order.size > 0:\n"
          "        i = order[0]\n"
          "        keep.append(i)\n"
          "        order = order[np.where(order > i)[0] + 1]\n"
          "    return keep\n");
  tl_assert_only(tl_stored(cur, "i"), VL_O_INT); /* an element of an index array: an index */
  no_hits(cur);
}

static void hit_fresh_per_file_load(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(files):\n"
          "    cols = []\n"
          "    for fn in files:\n"
          "        cols.append(np.loadtxt(fn)[:, 1])\n"
          "    return cols\n");
  const VlHit *h = hit(cur, "np.loadtxt(fn)[:, 1]", VL_HIT_FRESH);
  assert_string_equal(h->container, "cols");
  assert_int_equal(h->base.start, (uint32_t)(strstr(cur->text, "np.loadtxt") - cur->text));
}

static void fresh_unnamed_base_has_no_name(void **state) {
  /* the viewed array of `np.loadtxt(fn)[:, 1]` is the call's unnamed result: no base name (not
   * `np`, the module the callee is an attribute of) */
  analyse(state,
          "import numpy as np\n"
          "def f(files):\n"
          "    cols = []\n"
          "    for fn in files:\n"
          "        cols.append(np.loadtxt(fn)[:, 1])\n"
          "    return cols\n");
  const VlHit *h = hit(cur, "np.loadtxt(fn)[:, 1]", VL_HIT_FRESH);
  assert_null(h->base_name);
}

static void hit_fresh_model_output(void **state) {
  /* per-step logits kept during generation: a model's output is new every call */
  analyse(state,
          "def f(n, model, x):\n"
          "    all_logits = []\n"
          "    for i in range(n):\n"
          "        logits = model(x)\n"
          "        all_logits.append(logits[:, -1, :])\n"
          "    return all_logits\n");
  const VlHit *h = hit(cur, "logits[:, -1, :]", VL_HIT_FRESH);
  assert_string_equal(h->base_name, "logits");
}

static void hit_fresh_tuple_accumulator(void **state) {
  analyse(state,
          "def f(n, model, x):\n"
          "    scores = ()\n"
          "    for i in range(n):\n"
          "        logits = model(x)\n"
          "        scores += (logits[:, -1, :],)\n"
          "    return scores\n");
  const VlHit *h = hit(cur, "logits[:, -1, :]", VL_HIT_FRESH);
  assert_int_equal(h->store, VL_ST_EXTEND);
}

static void hit_fresh_generator_batches(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def gen(n):\n"
          "    for i in range(n):\n"
          "        yield np.random.randn(100, 8)\n"
          "def f(n):\n"
          "    keep = []\n"
          "    for batch in gen(n):\n"
          "        keep.append(batch[0])\n"
          "    return keep\n");
  const VlHit *h = hit(cur, "batch[0]", VL_HIT_FRESH);
  assert_non_null(h->size);
  /* the loop target is made anew each step */
  assert_int_equal(only(local("f", "batch"))->site_kind, VL_SITE_STEP);
}

/* A method updating tracks an earlier call made (held in self.tracks) stores a row of the array the
 * caller's loop hands it from a generator (a loop-target site): the store into each track's list
 * is the method's effect, and the tracks outlive the caller's loop, their lists handed back. */
static void method_updating_tracks_of_an_earlier_call(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Track:\n"
          "    def __init__(self, box):\n"
          "        self.history = [box]\n"
          "    def update(self, box):\n"
          "        self.history.append(box)\n"
          "class Tracker:\n"
          "    def __init__(self):\n"
          "        self.tracks = []\n"
          "    def step(self, i, raw):\n"
          "        for t in self.tracks:\n"
          "            t.update(raw[0, :4])\n"
          "        if i == 0:\n"
          "            for k in range(3):\n"
          "                self.tracks.append(Track(raw[k, :4].copy()))\n"
          "def frames(n):\n"
          "    for _ in range(n):\n"
          "        yield np.random.rand(1000, 6)\n"
          "def run():\n"
          "    tr = Tracker()\n"
          "    for i, raw in enumerate(frames(20)):\n"
          "        tr.step(i, raw)\n"
          "    return [t.history for t in tr.tracks]\n");
  hit(cur, "box", VL_HIT_FRESH);
}

/* A helper filling a list it returns with rows of an array it makes: the caller keeping the list
 * is reported at the helper's append, where .copy() belongs, once. */
static void helper_filling_a_returned_list(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def matched(dets, thr):\n"
          "    dets = dets[np.argsort(-dets[:, 4])]\n"
          "    rows = []\n"
          "    for j in np.flatnonzero(dets[:, 4] > thr):\n"
          "        rows.append(dets[j])\n"
          "    return rows, len(dets)\n"
          "def run(n):\n"
          "    per_image = {}\n"
          "    for k in range(n):\n"
          "        tps, total = matched(np.random.rand(1000, 6), 0.99)\n"
          "        per_image[k] = tps\n"
          "    return per_image\n");
  hit(cur, "dets[j]", VL_HIT_FRESH); /* sorted anew in each call */
  assert_int_equal(cur->nhits, 1);
}

/* A record dict stored per iteration holds each key's value: a whole new array under one key does
 * not silence the view under another; the whole base under a key does. */
static void dict_record_values_by_key(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def run(n):\n"
          "    recs = []\n"
          "    for i in range(n):\n"
          "        img = np.random.rand(500, 500)\n"
          "        recs.append({\"flags\": np.zeros(3), \"crop\": img[:8]})\n"
          "    return recs\n");
  hit(cur, "img[:8]", VL_HIT_FRESH);
  analyse(state,
          "import numpy as np\n"
          "def run(n):\n"
          "    recs = []\n"
          "    for i in range(n):\n"
          "        img = np.random.rand(500, 500)\n"
          "        recs.append({\"image\": img, \"crop\": img[:8]})\n"
          "    return recs\n");
  no_hits(cur);
}

/* A method called on an object the caller made (track.add(det)) is analysed for that object; the
 * attributes it came with (start_frame = the caller's parameter frame_idx) are no effects of the
 * method: re-emitted, the caller's parameter 1 read as the method's (det), and storing the track
 * reported a second time. */
static void inherited_attributes_are_no_effects(void **state) {
  analyse(state,
          "from dataclasses import dataclass, field\n"
          "import numpy as np\n"
          "@dataclass\n"
          "class Track:\n"
          "    track_id: int\n"
          "    start_frame: int\n"
          "    boxes: list = field(default_factory=list)\n"
          "    def add(self, det):\n"
          "        self.boxes.append(det[:4])\n"
          "class Tracker:\n"
          "    def __init__(self):\n"
          "        self.active = []\n"
          "        self.finished = []\n"
          "    def update(self, frame_idx, detections):\n"
          "        still = []\n"
          "        for track in self.active:\n"
          "            self.finished.append(track)\n"
          "        for det in detections:\n"
          "            track = Track(0, frame_idx)\n"
          "            track.add(det)\n"
          "            still.append(track)\n"
          "        self.active = still\n"
          "def run(n):\n"
          "    tr = Tracker()\n"
          "    for i in range(n):\n"
          "        tr.update(i, np.random.rand(40, 1000))\n"
          "    return tr.finished\n");
  hit(cur, "det[:4]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 1);
}

static void no_hit_for_one_array_made_before_the_loop(void **state) {
  /* a view of the same array every time pins one array, however many views */
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(a[i])\n"
          "    return keep\n");
  assert_int_equal(tl_func(cur, "f")->nstores, 1);
  no_hits(cur);
}

static void hit_torch_1d(void **state) {
  analyse(state,
          "import torch\n"
          "def f(n):\n"
          "    t = torch.zeros(1000)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(t[i])\n"
          "        t = torch.cat([t, t])\n"
          "    return keep\n");
  const VlHit *h = hit(cur, "t[i]", VL_HIT_REBOUND);
  assert_int_equal(h->lib, VL_LIBID_TORCH);
}

static void no_hit_numpy_1d(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    t = np.zeros(1000)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(t[i])\n"
          "        t = np.concatenate([t, t])\n"
          "    return keep\n");
  no_hits(cur);
}

static void hit_in_comprehension_over_generator(void **state) {
  /* list(generator) and a comprehension over one are loops too: one element per step */
  analyse(state,
          "import numpy as np\n"
          "def gen(n):\n"
          "    for i in range(n):\n"
          "        x = np.random.randn(100, 8)\n"
          "        yield x[0]\n"
          "def f(n):\n"
          "    return list(gen(n))\n");
  assert_true(cur->nhits >= 1);
  assert_int_equal(cur->hits[0].kind, VL_HIT_FRESH);
  assert_int_equal(cur->hits[0].store, VL_ST_ELEMENT);
}

static void registry_filled_by_decorators(void **state) {
  /* a class (or a function) registered with a project decorator (`@register("a")` putting it in a
   * module dict, `@REG.register()` in a registry object's dict) is what the registry holds when a
   * function looks it up: its method's store is reported in the caller's loop */
  static const char *const regs[] = {
      "REG = {}\n"
      "def register(name):\n"
      "    def deco(cls):\n"
      "        REG[name] = cls\n"
      "        return cls\n"
      "    return deco\n"
      "def lookup(name):\n"
      "    return REG[name]\n",
      "class Registry:\n"
      "    def __init__(self):\n"
      "        self._m = {}\n"
      "    def register(self):\n"
      "        def deco(obj):\n"
      "            self._m[obj.__name__] = obj\n"
      "            return obj\n"
      "        return deco\n"
      "    def get(self, name):\n"
      "        return self._m[name]\n"
      "R = Registry()\n"
      "def register(name):\n"
      "    return R.register()\n"
      "def lookup(name):\n"
      "    return R.get(name)\n",
  };
  for (int k = 0; k < 2; k++) {
    char text[2048];
    snprintf(text, sizeof text,
             "import numpy as np\n%s"
             "@register(\"probe\")\n"
             "class Probe:\n"
             "    def __init__(self):\n"
             "        self.h = []\n"
             "    def __call__(self, x):\n"
             "        self.h.append(x[:4])\n"
             "def run(name, b):\n"
             "    cb = lookup(name)()\n"
             "    x = np.zeros(100000)\n"
             "    for _ in range(10):\n"
             "        x = x + b\n"
             "        cb(x)\n"
             "    return cb\n",
             regs[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, 1);
    assert_true(cur->hits[0].at.start == (uint32_t)(strstr(text, "x[:4]") - text));
  }
}

static void singledispatch_calls_every_overload(void **state) {
  /* a call of a functools.singledispatch function runs the overload registered for its argument's
   * type, by annotation (`def _(n: int)`) or `@f.register(T)` (an int here: not `float`'s); a store
   * of a part of what it makes is reported, of the overload's copy is not */
  static const char *const overloads[] = {"    return np.zeros((n, 512))\n", "    return np.zeros((n, 512))[:2].copy()\n"};
  static const char *const kept[] = {"a[:2]", "a"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "from functools import singledispatch\n"
             "@singledispatch\n"
             "def make(n):\n"
             "    raise TypeError(n)\n"
             "@make.register\n"
             "def _(n: int):\n"
             "%s"
             "@make.register(float)\n"
             "def _f(n):\n"
             "%s"
             "def run():\n"
             "    keep = []\n"
             "    for i in range(10):\n"
             "        a = make(i + 8)\n"
             "        keep.append(%s)\n"
             "    return keep\n",
             overloads[k], overloads[k], kept[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, k == 0 ? 1 : 0);
    if (k == 0) assert_true(cur->hits[0].at.start == (uint32_t)(strstr(text, "a[:2]") - text));
  }
}

static void singledispatchmethod_calls_every_overload(void **state) {
  /* a method decorated with functools.singledispatchmethod may run any method of its class decorated
   * with `@<name>.register`, bound to the same self; a method registered elsewhere is no overload */
  static const char *const decos[] = {"@make.register", "@other.register"};
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "from functools import singledispatchmethod\n"
             "class Maker:\n"
             "    def __init__(self):\n"
             "        self.keep = []\n"
             "    @singledispatchmethod\n"
             "    def make(self, n):\n"
             "        raise TypeError(n)\n"
             "    %s\n"
             "    def _(self, n: int):\n"
             "        return np.zeros((n, 512))\n"
             "    def run(self):\n"
             "        for i in range(10):\n"
             "            a = self.make(i + 8)\n"
             "            self.keep.append(a[:2])\n"
             "def main():\n"
             "    return Maker().run()\n",
             decos[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, k == 0 ? 1 : 0);
    if (k == 0) assert_true(cur->hits[0].at.start == (uint32_t)(strstr(text, "a[:2]") - text));
  }
}

static void helper_record_display_holding_a_part(void **state) {
  /* a record a helper builds as a display and hands back (`return {"box": d[i, :4], ...}`, also of an
   * array it makes) is reported at the display's value, where .copy() belongs, when a caller keeps it
   * for each new array; a record also holding the whole array, a caller keeping only the record's
   * float, or an array made before the loop, are silent */
  const char *text = "import numpy as np\n"
                     "def rec(d, i):\n"
                     "    return {\"box\": d[i, :4], \"score\": float(d[i, 4])}\n"
                     "def whole(d, i):\n"
                     "    return {\"d\": d, \"box\": d[i, :4]}\n"
                     "def f(n):\n"
                     "    out = []\n"
                     "    for _ in range(n):\n"
                     "        d = np.random.rand(5000, 6)\n"
                     "        out.append(rec(d, 0))\n"
                     "    return out\n"
                     "def g(n):\n"
                     "    out, s = [], []\n"
                     "    base = np.random.rand(50, 6)\n"
                     "    for _ in range(n):\n"
                     "        d = np.random.rand(5000, 6)\n"
                     "        out.append(whole(d, 0))\n"
                     "        s.append(rec(d, 0)[\"score\"])\n"
                     "        out.append(rec(base, 1))\n"
                     "    return out, s\n";
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_true(cur->hits[0].at.start == (uint32_t)(strstr(text, "d[i, :4]") - text));
}

static void reported_container_kept_again_once(void **state) {
  /* a method's store reported in its own loop fills the dict it returns; a caller collecting that dict
   * in a comprehension (the method analysed again for the caller's object, the store's finding made
   * once) keeps the same leak: one hit, at the method's store */
  const char *text = "import numpy as np\n"
                     "class P:\n"
                     "    def __init__(self, k):\n"
                     "        self.k = k\n"
                     "    def best(self, d):\n"
                     "        out = {}\n"
                     "        for c in range(self.k):\n"
                     "            x = d[d[:, 5] == c]\n"
                     "            x = x[np.argsort(-x[:, 4])]\n"
                     "            out[c] = x[0]\n"
                     "        return out\n"
                     "    def __call__(self, batch):\n"
                     "        return [self.best(d) for d in batch]\n";
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_true(cur->hits[0].at.start == (uint32_t)(strstr(text, "x[0]") - text));
}

/* A method storing a display whose element makes the view (`self.log.append({"i": i, "thumb":
 * frame[::8, ::8]})`), called in a caller's loop: the hit is at the element, where the copy goes,
 * not at the display (the view the caller sees is made at its call); a caller's own view passed
 * into the display is not placed there */
static void callee_display_element_view(void **state) {
  const char *text = "import numpy as np\n"
                     "class Rec:\n"
                     "    def __init__(self):\n"
                     "        self.log = []\n"
                     "    def add(self, i):\n"
                     "        frame = np.random.rand(256, 256)\n"
                     "        self.log.append({\"i\": i,\n"
                     "                         \"thumb\": frame[::8, ::8]})\n"
                     "def f(r):\n"
                     "    for i in range(10):\n"
                     "        r.add(i)\n"
                     "    return r\n"
                     "def g():\n"
                     "    return f(Rec())\n";
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_true(cur->hits[0].at.start == (uint32_t)(strstr(text, "frame[::8, ::8]") - text));
  const char *text2 = "import numpy as np\n"
                      "class Rec:\n"
                      "    def __init__(self):\n"
                      "        self.log = []\n"
                      "    def add(self, i, row):\n"
                      "        frame = np.random.rand(256, 256)\n"
                      "        self.log.append((i,\n"
                      "                         frame.mean(0), row))\n"
                      "def f(r):\n"
                      "    for i in range(10):\n"
                      "        a = np.random.rand(256, 256)\n"
                      "        r.add(i, a[0])\n"
                      "    return r\n"
                      "def g():\n"
                      "    return f(Rec())\n";
  analyse(state, text2);
  for (int i = 0; i < cur->nhits; i++)
    assert_true(cur->hits[i].at.start != (uint32_t)(strstr(text2, "frame.mean(0)") - text2));
}

/* An array a function makes, indexed by one of its parameters (`x[local]`), is decided by the
 * caller's argument: an int gives a row (a view of the array made at every call), an index array a
 * copy */
static void param_index_of_array_made_here(void **state) {
  const char *body = "import numpy as np\n"
                     "class Cache:\n"
                     "    def __init__(self):\n"
                     "        self.warm = []\n"
                     "    def keep(self, path, local):\n"
                     "        x = np.random.rand(len(path), 4096)\n"
                     "        self.warm.append(x[local])\n"
                     "def f(paths, c):\n"
                     "    for p in paths:\n"
                     "        c.keep(p, %s)\n"
                     "    return c\n"
                     "def g(paths):\n"
                     "    return f(paths, Cache())\n";
  char text[1024];
  snprintf(text, sizeof text, body, "0");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_true(cur->hits[0].at.start == (uint32_t)(strstr(text, "x[local]") - text));
  snprintf(text, sizeof text, body, "np.arange(4)");
  analyse(state, text);
  no_hits(cur);
}

/* DataLoader(ds, batch_size=None) over a project Dataset: each step is __getitem__'s item itself, made
 * anew where __getitem__ makes it (a view of a tensor it loads per index), a view of the dataset's own
 * tensor otherwise; a __getitem__ that keeps what it makes (a cache) is not followed */
static void dataloader_unbatched_items(void **state) {
  const char *body = "import torch\n"
                     "from torch.utils.data import DataLoader, Dataset\n"
                     "class D(Dataset):\n"
                     "    def __init__(self):\n"
                     "        self.data = torch.randn(64, 4096)\n"
                     "        self.cache = {}\n"
                     "    def __len__(self):\n"
                     "        return 64\n"
                     "    def __getitem__(self, i):\n"
                     "%s"
                     "def f():\n"
                     "    keep = []\n"
                     "    for x in DataLoader(D(), batch_size=None):\n"
                     "        keep.append(x)\n"
                     "    return keep\n";
  char text[1024];
  snprintf(text, sizeof text, body, "        t = torch.randn(64, 4096)\n        return t[i]\n");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_int_equal(cur->hits[0].kind, VL_HIT_FRESH);
  snprintf(text, sizeof text, body, "        return self.data[i]\n");
  analyse(state, text);
  no_hits(cur);
  snprintf(text, sizeof text, body, "        t = torch.randn(64, 4096)\n        self.cache[i] = t\n        return t[i]\n");
  analyse(state, text);
  no_hits(cur);
}

/* DataLoader(ds, batch_size=None) over an iterable-style Dataset (__iter__, no __getitem__): each step
 * is what iterating the dataset gives, also when the dataset is a helper's parameter; batched, the
 * default collate makes new tensors */
static void dataloader_unbatched_iterable(void **state) {
  const char *body = "import torch\n"
                     "from torch.utils.data import DataLoader, IterableDataset\n"
                     "class D(IterableDataset):\n"
                     "    def __iter__(self):\n"
                     "        for _ in range(8):\n"
                     "            t = torch.randn(64, 4096)\n"
                     "            yield t[0]\n"
                     "def f(ds):\n"
                     "    keep = []\n"
                     "    for x in DataLoader(ds, batch_size=%s):\n"
                     "        keep.append(x)\n"
                     "    return keep\n"
                     "def g():\n"
                     "    return f(D())\n";
  char text[1024];
  snprintf(text, sizeof text, body, "None");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_int_equal(cur->hits[0].kind, VL_HIT_FRESH);
  snprintf(text, sizeof text, body, "4");
  analyse(state, text);
  no_hits(cur);
}

/* torch.return_types are named tuples: torch.topk(x, k).indices is the integer item, .values the
 * other (a 1-D x: `for i in ....indices.tolist(): keep.append(a[i])` takes one row) */
static void named_return_type_fields(void **state) {
  const char *body = "import torch\n"
                     "def f(n):\n"
                     "    keep = []\n"
                     "    for _ in range(n):\n"
                     "        a = torch.randn(64, 4096)\n"
                     "        s = torch.rand(64)\n"
                     "        for i in torch.topk(s, 2).%s:\n"
                     "            keep.append(a[i])\n"
                     "    return keep\n";
  char text[1024];
  snprintf(text, sizeof text, body, "indices.tolist()");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  snprintf(text, sizeof text, body, "values.tolist()");
  analyse(state, text);
  no_hits(cur);
}

/* torch.distributions.Categorical(logits=l) or (probs=p): its probs and logits are new tensors made
 * from the argument at each construction, so a row of either, kept per step, pins that step's tensor;
 * a distribution made once before the loop is one tensor, and what its methods return is not followed */
static void categorical_distribution_fields(void **state) {
  const char *body = "import torch\n"
                     "def f(w, n):\n"
                     "    keep = []\n"
                     "%s"
                     "    for i in range(n):\n"
                     "%s"
                     "        keep.append(%s)\n"
                     "    return keep\n";
  const char *inside = "        d = torch.distributions.Categorical(logits=torch.randn(64, 32) @ w)\n";
  const char *before = "    d = torch.distributions.Categorical(logits=torch.randn(64, 32) @ w)\n";
  char text[1024];
  snprintf(text, sizeof text, body, "", inside, "d.logits[0]");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  snprintf(text, sizeof text, body, "", inside, "d.probs[:, :4]");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  snprintf(text, sizeof text, body, "", inside, "d.logits[0].clone()");
  analyse(state, text);
  no_hits(cur);
  snprintf(text, sizeof text, body, "", inside, "d.log_prob(d.sample())");
  analyse(state, text);
  no_hits(cur);
  snprintf(text, sizeof text, body, before, "", "d.probs[i]");
  analyse(state, text);
  no_hits(cur);
}

/* F.cross_entropy(..., reduction="none") is a tensor of per-sample losses (the targets' shape), a
 * table condition on a literal string; with another reduction a 0-d loss */
static void loss_reduction_none(void **state) {
  const char *body = "import torch\n"
                     "import torch.nn.functional as F\n"
                     "def f(n):\n"
                     "    keep = []\n"
                     "    for _ in range(n):\n"
                     "        a = torch.randn(64, 4096)\n"
                     "        y = torch.randint(0, 10, (64,))\n"
                     "        losses = F.cross_entropy(a[:, :10], y, reduction=%s)\n"
                     "        for i in losses.topk(2).indices.tolist():\n"
                     "            keep.append(a[i])\n"
                     "    return keep\n";
  char text[1024];
  snprintf(text, sizeof text, body, "\"none\"");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  snprintf(text, sizeof text, body, "\"sum\"");
  analyse(state, text);
  no_hits(cur);
}

static void helper_returning_every_row(void **state) {
  /* a helper returning a list of every row of what it is given (by index over its length, or by
   * iterating it), and np.array_split's list, hold all of the array: the caller keeping the list keeps
   * it whole; a helper returning some rows, or the caller keeping a slice of the list, pins it */
  static const char *const helpers[] = {
      "def rows(a):\n    return [a[i] for i in range(len(a))]\n",
      "def rows(a):\n    out = []\n    for i in range(a.shape[0]):\n        out.append(a[i])\n    return out\n",
      "def rows(a):\n    out = []\n    for r in a:\n        out.append(r)\n    return out\n",
      "def rows(a):\n    return np.array_split(a, 16)\n",
  };
  for (int k = 0; k < 4; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n%s"
             "def f(n):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        dets = np.random.randn(4000, 6)\n"
             "        keep.append(rows(dets))\n"
             "    return keep\n"
             "def g(n):\n"
             "    keep = []\n"
             "    for _ in range(n):\n"
             "        dets = np.random.randn(4000, 6)\n"
             "        keep.append(rows(dets)[:2])\n"
             "    return keep\n",
             helpers[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, 1);
    assert_true(cur->hits[0].at.start > (uint32_t)(strstr(text, "def g") - text)); /* g's store, not f's */
  }
  analyse(state,
          "import numpy as np\n"
          "def some(a, k):\n"
          "    return [a[i] for i in range(k)]\n"
          "def f(n):\n"
          "    keep = []\n"
          "    for _ in range(n):\n"
          "        dets = np.random.randn(4000, 6)\n"
          "        keep.append(some(dets, 3))\n"
          "    return keep\n");
  assert_int_equal(cur->nhits, 1);
}

static void generator_handing_out_every_row(void **state) {
  /* a generator yielding every row of each batch it makes (by index over the batch's length, or by
   * iterating it): a loop keeping every row it is given keeps each batch whole; one keeping only some
   * of them, or a generator yielding only some rows, pins each batch */
  static const char *const kept_all[] = {
      "    for batch in src(n):\n        for i in range(len(batch)):\n            yield batch[i]\n",
      "    for batch in src(n):\n        for row in batch:\n            yield row\n",
  };
  for (int k = 0; k < 2; k++) {
    char text[1024];
    snprintf(text, sizeof text,
             "import numpy as np\n"
             "def src(n):\n"
             "    for _ in range(n):\n"
             "        yield np.random.randn(64, 512)\n"
             "def rows(n):\n%s"
             "def f(n):\n"
             "    keep = []\n"
             "    for r in rows(n):\n"
             "        keep.append(r)\n"
             "    return keep\n"
             "def g(n):\n"
             "    keep = []\n"
             "    for j, r in enumerate(rows(n)):\n"
             "        if j %% 16 == 0:\n"
             "            keep.append(r)\n"
             "    return keep\n",
             kept_all[k]);
    analyse(state, text);
    assert_int_equal(cur->nhits, 1);
    assert_true(cur->hits[0].at.start > (uint32_t)(strstr(text, "def g") - text)); /* g's store, not f's */
  }
  analyse(state,
          "import numpy as np\n"
          "def some(n):\n"
          "    for _ in range(n):\n"
          "        batch = np.random.randn(64, 512)\n"
          "        for i in range(len(batch)):\n"
          "            if i % 16 == 0:\n"
          "                yield batch[i]\n"
          "def f(n):\n"
          "    keep = []\n"
          "    for r in some(n):\n"
          "        keep.append(r)\n"
          "    return keep\n");
  assert_int_equal(cur->nhits, 1);
}

static void slots_written_again_each_iteration(void **state) {
  /* d[k] for k in range(n) inside the loop, n the same in every iteration: the same slots again,
   * at most n views (the latest crop of each track); keys that move on (range(s, s + 2) with s new
   * each iteration) keep every iteration's */
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    latest = {}\n"
          "    for _ in range(n):\n"
          "        frame = np.random.randn(480, 640)\n"
          "        for tid in range(4):\n"
          "            latest[tid] = frame[10:20, 10:20]\n"
          "    return latest\n");
  no_hits(cur);
  analyse(state,
          "import numpy as np\n"
          "def f(n):\n"
          "    cache = {}\n"
          "    for s in range(n):\n"
          "        frame = np.random.randn(480, 640)\n"
          "        for k in range(s, s + 2):\n"
          "            cache[k] = frame[10:20, 10:20]\n"
          "    return cache\n");
  hit(cur, "frame[10:20, 10:20]", VL_HIT_FRESH);
  analyse(state, /* the slot's key rebound on the way: not the same slots */
          "import numpy as np\n"
          "def f(n):\n"
          "    cache = {}\n"
          "    for s in range(n):\n"
          "        frame = np.random.randn(480, 640)\n"
          "        for k in range(2):\n"
          "            k = k + s\n"
          "            cache[k] = frame[10:20, 10:20]\n"
          "    return cache\n");
  hit(cur, "frame[10:20, 10:20]", VL_HIT_FRESH);
}

static void shapes_of_joined_tuples(void **state) {
  /* (n,) + obs_shape: a tuple of both sides' items, so a producer given it has their count of axes;
   * a tuple default of integers is such a tuple for a call that leaves it out ((): none) */
  analyse(state,
          "import numpy as np\n"
          "def make(n, obs_shape=(84, 84, 4), reward_shape=()):\n"
          "    return np.zeros((n,) + obs_shape), np.zeros((n,) + reward_shape)\n"
          "def f():\n"
          "    x = np.zeros((16,) + (84, 84))\n"
          "    obs, rew = make(8)\n"
          "    return x, obs, rew\n");
  const TlObj *x = only(local("f", "x"));
  assert_int_equal(x->nd.lo, 3);
  assert_int_equal(x->nd.hi, 3);
  const TlObj *obs = only(local("f", "obs"));
  assert_int_equal(obs->nd.lo, 4);
  assert_int_equal(obs->nd.hi, 4);
  const TlObj *rew = only(local("f", "rew"));
  assert_int_equal(rew->nd.lo, 1);
  assert_int_equal(rew->nd.hi, 1);
}

static void loader_batches_of_dataset_attributes(void **state) {
  /* DataLoader over a Dataset whose __getitem__ returns rows of the tensors its __init__ made: the
   * batch is what __getitem__(i) gives for that dataset, collated (images one axis more; a 0-d label
   * a number, so its batch is a small vector); also in a helper given the loader */
  analyse(state,
          "import torch\n"
          "from torch.utils.data import DataLoader, Dataset\n"
          "class Images(Dataset):\n"
          "    def __init__(self, n):\n"
          "        self.x = torch.randn(n, 3, 32, 32)\n"
          "        self.y = torch.randint(0, 10, (n,))\n"
          "    def __len__(self):\n"
          "        return len(self.y)\n"
          "    def __getitem__(self, i):\n"
          "        return self.x[i], self.y[i]\n"
          "def first(loader):\n"
          "    keep = []\n"
          "    for xb, yb in loader:\n"
          "        keep.append(xb[0])\n"
          "    return keep\n"
          "def f(n):\n"
          "    heads = []\n"
          "    for xb, yb in DataLoader(Images(n), batch_size=64):\n"
          "        heads.append(yb[:4])\n"
          "    return heads, first(DataLoader(Images(n), batch_size=64))\n");
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "xb[0]");
}

/* A helper given the loader (`validate(loader)`) whose loop keeps a part of an item of each step,
 * the batch a collate_fn makes (opaque, new at each step), or of an attribute of a record a
 * generator yields: analysed again for the iterator passed; a clone kept, or lines of a file
 * sliced, stay silent */
static void loader_param_opaque_batches(void **state) {
  const char *body = "import torch\n"
                     "from torch.utils.data import DataLoader\n"
                     "def pad(items):\n"
                     "    return torch.nn.utils.rnn.pad_sequence(items), len(items)\n"
                     "def validate(loader):\n"
                     "    keep = []\n"
                     "    for mels, n in loader:\n"
                     "        keep.append(mels[0, :, :64]%s)\n"
                     "    return keep\n"
                     "def heads(lines):\n"
                     "    out = []\n"
                     "    for line in lines:\n"
                     "        out.append(line[:10])\n"
                     "    return out\n"
                     "def f(ds, path):\n"
                     "    return validate(DataLoader(ds, batch_size=16, collate_fn=pad)), heads(open(path))\n";
  char text[1024];
  snprintf(text, sizeof text, body, "");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "mels[0, :, :64]");
  assert_int_equal(cur->hits[0].kind, VL_HIT_FRESH);
  snprintf(text, sizeof text, body, ".clone()");
  analyse(state, text);
  no_hits(cur);
  /* an attribute of a record each step hands out: `s.obs[::4, ::4, -1]` */
  analyse(state,
          "import numpy as np\n"
          "from dataclasses import dataclass\n"
          "@dataclass\n"
          "class Step:\n"
          "    obs: np.ndarray\n"
          "def rollout(n):\n"
          "    for _ in range(n):\n"
          "        yield Step(np.random.rand(84, 84, 4))\n"
          "def thumbs(steps):\n"
          "    out = []\n"
          "    for s in steps:\n"
          "        out.append(s.obs[::4, ::4, -1])\n"
          "    return out\n"
          "def f():\n"
          "    return thumbs(rollout(100))\n");
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "s.obs[::4, ::4, -1]");
}

/* DataLoader(ds, batch_size=k, collate_fn=f) with f a project function: each step is what f returns
 * for a list of (unknown) items, what f makes new at every step (`torch.stack(...)` in a dict); a
 * clone kept stays silent; a collate whose result holds no array it makes (`pad_sequence`, a library
 * call) is the opaque batch, as before */
static void loader_collate_fn_batches(void **state) {
  const char *body = "import torch\n"
                     "from torch.utils.data import DataLoader\n"
                     "def collate(items):\n"
                     "    return {\"x\": torch.stack(items), \"n\": len(items)}\n"
                     "def f(ds):\n"
                     "    keep = []\n"
                     "    for batch in DataLoader(ds, batch_size=8, collate_fn=collate):\n"
                     "        keep.append(batch[\"x\"][:2]%s)\n"
                     "    return keep\n";
  char text[1024];
  snprintf(text, sizeof text, body, "");
  analyse(state, text);
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "batch[\"x\"][:2]");
  snprintf(text, sizeof text, body, ".clone()");
  analyse(state, text);
  no_hits(cur);
}

/* DataLoader(ds, batch_size=k, collate_fn=f) with f regrouping the items (`tuple(zip(*b))`): the
 * batch's arrays are what __getitem__ hands out, new at each step only where it makes them; rows of
 * the dataset's own tensor are not, a scaled copy is; a collate stacking the items makes a new batch */
static void loader_regrouping_collate_fn(void **state) {
  const char *body = "import torch\n"
                     "from torch.utils.data import DataLoader, Dataset\n"
                     "class DS(Dataset):\n"
                     "    def __init__(self):\n"
                     "        self.x = torch.randn(1024, 3, 32, 32)\n"
                     "    def __len__(self):\n"
                     "        return len(self.x)\n"
                     "    def __getitem__(self, i):\n"
                     "        return self.x[i]%s, i\n"
                     "def f():\n"
                     "    ds = DS()\n"
                     "    keep = []\n"
                     "    for images, ids in DataLoader(ds, batch_size=8, collate_fn=%s):\n"
                     "        keep.append(images[0][:, :4])\n"
                     "    return keep, ds\n";
  const char *cases[][3] = {
      {"", "lambda b: tuple(zip(*b))", "0"},
      {" * 2.0", "lambda b: tuple(zip(*b))", "1"},
      {"", "lambda b: (torch.stack([s[0] for s in b]), [s[1] for s in b])", "1"},
  };
  char text[2048];
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    snprintf(text, sizeof text, body, cases[i][0], cases[i][1]);
    analyse(state, text);
    assert_int_equal(cur->nhits, atoi(cases[i][2]));
    if (cur->nhits) assert_string_equal(cur->hits[0].text, "images[0][:, :4]");
  }
}

static void init_calling_what_it_is_given(void **state) {
  /* an __init__ whose loop calls an object it is given (tokenizer(text)) is analysed again for the
   * project object a construction passes; the list it sets on self is the caller's instance's */
  analyse(state,
          "import numpy as np\n"
          "class Tok:\n"
          "    def __call__(self, text):\n"
          "        return np.random.randn(len(text) * 1000)\n"
          "class DS:\n"
          "    def __init__(self, docs, tokenizer, n=256):\n"
          "        self.examples = []\n"
          "        for doc in docs:\n"
          "            ids = tokenizer(doc)\n"
          "            self.examples.append(ids[:n])\n"
          "def f(docs):\n"
          "    return DS(docs, Tok())\n");
  hit(cur, "ids[:n]", VL_HIT_FRESH);
}

static void steps_of_known_value(void **state) {
  /* a slice step that is a constant's value counts as a literal step does: 4 x 4 shows 1/16 of the
   * frame (a part), 2 x 2 a quarter (not one) */
  analyse(state,
          "import numpy as np\n"
          "SKIP = 4\n"
          "def f(n):\n"
          "    keep = []\n"
          "    half = 2\n"
          "    for _ in range(n):\n"
          "        frame = np.random.randn(512, 512)\n"
          "        keep.append(frame[::SKIP, ::SKIP])\n"
          "        keep.append(frame[::half, ::half])\n"
          "    return keep\n");
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "frame[::SKIP, ::SKIP]");
}

static void steps_the_caller_knows(void **state) {
  /* a step that is a helper's parameter (or an attribute of its receiver) is decided by the call:
   * shrink(frame, 8) shows 1/64 of the frame (a part), shrink(frame, 2) a quarter (not one), and a
   * step the caller does not know either stays the whole-looking view */
  analyse(state,
          "import numpy as np\n"
          "def shrink(x, s):\n"
          "    return x[::s, ::s]\n"
          "def f(n, k):\n"
          "    keep = []\n"
          "    for _ in range(n):\n"
          "        frame = np.random.randn(512, 512)\n"
          "        keep.append(shrink(frame, 8))\n"
          "        keep.append(shrink(frame, 2))\n"
          "        keep.append(shrink(frame, k))\n"
          "    return keep\n");
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "shrink(frame, 8)");
}

static void loop_over_what_a_parameter_hands_out(void **state) {
  /* a helper's own loop over an iterable it is given, keeping a part of each element, is decided by
   * the iterable a call passes: a generator of new frames (directly, or through a function passing
   * its parameter on) is a loop over new arrays; rows of one clip are not */
  analyse(state,
          "import numpy as np\n"
          "def frames(n):\n"
          "    for _ in range(n):\n"
          "        yield np.random.randn(256, 256)\n"
          "def crops(xs):\n"
          "    out = []\n"
          "    for f in xs:\n"
          "        out.append(f[:16, :16])\n"
          "    return out\n"
          "def heads(xs):\n"
          "    kept = []\n"
          "    for g in xs:\n"
          "        kept.append(g[:4, :4])\n"
          "    return kept\n"
          "def via(xs):\n"
          "    return heads(xs)\n"
          "def clip_crops(clip):\n"
          "    acc = []\n"
          "    for c in clip:\n"
          "        acc.append(c[:8, :8])\n"
          "    return acc\n"
          "def run(n):\n"
          "    return crops(frames(n)), via(frames(n)), clip_crops(np.random.randn(n, 256, 256))\n");
  assert_int_equal(cur->nhits, 2);
  bool crops = false, heads = false;
  for (int i = 0; i < cur->nhits; i++) {
    crops |= strcmp(cur->hits[i].text, "f[:16, :16]") == 0;
    heads |= strcmp(cur->hits[i].text, "g[:4, :4]") == 0;
  }
  assert_true(crops && heads);
}

static void index_count_from_a_parameter(void **state) {
  /* rng.choice(n, size=k) with k a parameter: the call's int (here the default) makes the indices a
   * vector, whose tolist() holds ints, so shard[i] is a row; size=(k, 2) makes lists of pairs */
  analyse(state,
          "import numpy as np\n"
          "def pick(ids, k=5):\n"
          "    rng = np.random.default_rng(0)\n"
          "    out = []\n"
          "    for c in ids:\n"
          "        shard = np.random.randn(600, 64)\n"
          "        for i in rng.choice(len(shard), size=k).tolist():\n"
          "            out.append(shard[i])\n"
          "    return out\n"
          "def pairs(ids, k=5):\n"
          "    rng = np.random.default_rng(0)\n"
          "    acc = []\n"
          "    for c in ids:\n"
          "        table = np.random.randn(600, 64)\n"
          "        for p in rng.choice(len(table), size=(k, 2)).tolist():\n"
          "            acc.append(table[p])\n"
          "    return acc\n"
          "def run():\n"
          "    return pick(range(10)), pairs(range(10))\n");
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "shard[i]");
}

static void deque_capacity_is_no_window(void **state) {
  /* deque(maxlen=capacity): a window for capacity 4, a buffer (as good as unbounded) for 10000;
   * a maxlen from a parameter is decided per construction */
  analyse(state,
          "import numpy as np\n"
          "from collections import deque\n"
          "class Window:\n"
          "    def __init__(self, capacity):\n"
          "        self.items = deque([], maxlen=capacity)\n"
          "    def push(self, x):\n"
          "        self.items.append(x)\n"
          "class Memory:\n"
          "    def __init__(self, capacity):\n"
          "        self.items = deque([], maxlen=capacity)\n"
          "    def push(self, y):\n"
          "        self.items.append(y)\n"
          "def f(n, k):\n"
          "    small, big = Window(4), Memory(10000)\n"
          "    for _ in range(n):\n"
          "        frame = np.random.randn(480, 640)\n"
          "        small.push(frame[:8, :8])\n"
          "    for _ in range(k):\n"
          "        frame = np.random.randn(480, 640)\n"
          "        big.push(frame[:16, :16])\n"
          "    return small, big\n");
  assert_int_equal(cur->nhits, 1);
  assert_string_equal(cur->hits[0].text, "y");
}

/* ---- helpers and methods through summaries ---- */

static void helper_returning_a_view(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def row(a, i):\n"
          "    return a[i]\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(row(a, i))\n"
          "        a = np.delete(a, 0, axis=0)\n"
          "    return keep\n");
  /* applied with the caller's arrays, the deferred a[i] is a view of each */
  const TlVal *v = tl_stored(cur, "row(a, i)");
  assert_int_equal(v->n, 2);
  for (int i = 0; i < v->n; i++) assert_true(v->objs[i].view && v->objs[i].partial);
  const VlHit *h = hit(cur, "row(a, i)", VL_HIT_REBOUND);
  assert_string_equal(h->base_name, "a");
}

/* One array on every path, a partial view of it on some (transforms composed in a loop that may run
 * zero times, one of them handing its input back): no path copies, so the view is reported; with a
 * copy on a path (a transform converting to float) it stays silent. */
static void composed_transforms_view_or_whole(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def crop(img):\n"
          "    return img[:64, :64]\n"
          "def flip(img):\n"
          "    return img[:, ::-1] if np.random.rand() < 0.5 else img\n"
          "def to_float(img):\n"
          "    return img.astype(np.float32)\n"
          "def f(n):\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        img = np.zeros((512, 512, 3))\n"
          "        for t in (crop, flip):\n"
          "            img = t(img)\n"
          "        keep.append(img)\n"
          "    return keep\n"
          "def g(n):\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        clip = np.zeros((512, 512, 3))\n"
          "        for t in (crop, to_float):\n"
          "            clip = t(clip)\n"
          "        keep.append(clip)\n"
          "    return keep\n");
  hit(cur, "img", VL_HIT_FRESH);
  assert_null(tl_hit(cur, "clip"));
}

/* Callbacks dispatched by event name and forwarded arguments (`getattr(cb, event)(*args, **kwargs)`)
 * from a method the loop calls on self: analysed for the event string, the objects and the
 * arguments passed, the hook's store is found; the event never sent stays silent. */
static void callbacks_dispatched_by_name(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Preview:\n"
          "    def __init__(self):\n"
          "        self.images = []\n"
          "        self.other = []\n"
          "    def on_batch_end(self, step, batch=None):\n"
          "        self.images.append(batch[0])\n"
          "    def on_never(self, x):\n"
          "        self.other.append(x[0])\n"
          "class Trainer:\n"
          "    def __init__(self, callbacks):\n"
          "        self.callbacks = callbacks\n"
          "    def _emit(self, event, *args, **kwargs):\n"
          "        for cb in self.callbacks:\n"
          "            getattr(cb, event)(*args, **kwargs)\n"
          "    def validate(self, n):\n"
          "        for step in range(n):\n"
          "            batch = np.zeros((32, 3, 64, 64))\n"
          "            self._emit('on_batch_end', step, batch=batch)\n"
          "def main():\n"
          "    p = Preview()\n"
          "    Trainer([p]).validate(10)\n"
          "    return p.images\n");
  hit(cur, "batch[0]", VL_HIT_FRESH);
  assert_null(tl_hit(cur, "x[0]"));
}

/* `self.x = []` in a method drops the old list, unless the method stored it elsewhere first
 * (`self.episodes.append(self.current)`): then the list lives on, with its views. */
static void attr_list_handed_off_then_rebound(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Buf:\n"
          "    def __init__(self):\n"
          "        self.episodes = []\n"
          "        self.current = []\n"
          "    def add(self, obs):\n"
          "        self.current.append(obs[0])\n"
          "    def end(self):\n"
          "        self.episodes.append(self.current)\n"
          "        self.current = []\n"
          "class Flat:\n"
          "    def __init__(self):\n"
          "        self.pending = []\n"
          "    def add(self, obs):\n"
          "        self.pending.append(obs[1])\n"
          "    def end(self):\n"
          "        self.pending = []\n"
          "def run(n):\n"
          "    buf = Buf()\n"
          "    flat = Flat()\n"
          "    for _ in range(n):\n"
          "        for _ in range(10):\n"
          "            obs = np.zeros((64, 512))\n"
          "            buf.add(obs)\n"
          "            flat.add(obs)\n"
          "        buf.end()\n"
          "        flat.end()\n"
          "    return buf.episodes, flat\n");
  const VlHit *h = hit(cur, "obs[0]", VL_HIT_FRESH);
  assert_string_equal(h->container, "self.current"); /* (not cleared: the list itself outlives the loop) */
  assert_null(tl_hit(cur, "obs[1]"));
}

/* A container a module-level class body makes (`_thumbs = {}`) is one for every instance, as a
 * module's global is: a method's store into it is an effect its callers see. */
static void class_body_cache_is_global(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Slides:\n"
          "    _thumbs = {}\n"
          "    def thumb(self, i):\n"
          "        img = np.zeros((512, 512, 3))\n"
          "        Slides._thumbs[i] = img[:64, :64]\n"
          "        return Slides._thumbs[i]\n"
          "def run(n):\n"
          "    s = Slides()\n"
          "    for i in range(n):\n"
          "        s.thumb(i)\n");
  hit(cur, "img[:64, :64]", VL_HIT_FRESH);
}

/* super().__init__(env): the first base class's __init__, bound to the receiver: the attributes it
 * sets hold the objects the subclass hands on (an environment its loop steps). */
static void super_init_sets_the_attributes(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Env:\n"
          "    def reset(self):\n"
          "        return np.zeros((256, 256, 3))\n"
          "class Base:\n"
          "    def __init__(self, env):\n"
          "        self.env = env\n"
          "        self.kept = []\n"
          "    def hook(self, obs):\n"
          "        return obs\n"
          "    def run(self, n):\n"
          "        for _ in range(n):\n"
          "            obs = self.env.reset()\n"
          "            self.kept.append(self.hook(obs))\n"
          "class Crop(Base):\n"
          "    def __init__(self, env, r=16):\n"
          "        super().__init__(env)\n"
          "        self.r = r\n"
          "    def hook(self, obs):\n"
          "        return obs[:self.r, :self.r]\n"
          "def main():\n"
          "    c = Crop(Env())\n"
          "    c.run(10)\n"
          "    return c.kept\n");
  hit(cur, "self.hook(obs)", VL_HIT_FRESH);
}

static void super_method_extends_the_base(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Wrapper:\n"
          "    def __init__(self, env):\n"
          "        self.env = env\n"
          "    def reset(self):\n"
          "        return self.env.reset()\n"
          "class Shrink(Wrapper):\n"
          "    def reset(self):\n"
          "        return self.env.reset()[::4, ::4]\n"
          "class Camera:\n"
          "    def reset(self):\n"
          "        return np.zeros((256, 256, 3))\n"
          "class Monitor(Wrapper):\n"
          "    def __init__(self, env):\n"
          "        super().__init__(env)\n"
          "        self.starts = []\n"
          "    def reset(self):\n"
          "        obs = super().reset()\n"
          "        self.starts.append(obs)\n"
          "        return obs\n"
          "def main():\n"
          "    env = Monitor(Shrink(Camera()))\n"
          "    for _ in range(10):\n"
          "        env.reset()\n"
          "    return env.starts\n");
  hit(cur, "obs", VL_HIT_FRESH);
}

static void singledispatch_runs_the_registered_implementation(void **state) {
  analyse(state,
          "import functools\n"
          "import numpy as np\n"
          "@functools.singledispatch\n"
          "def head(x):\n"
          "    raise TypeError(x)\n"
          "@head.register(dict)\n"
          "def _(x):\n"
          "    return {k: v[:2].copy() for k, v in x.items()}\n"
          "@head.register(np.ndarray)\n"
          "def _(x):\n"
          "    return x[:2]\n"
          "def f(n):\n"
          "    keep = []\n"
          "    for _ in range(n):\n"
          "        a = np.random.randn(500, 64)\n"
          "        keep.append(head(a))\n"
          "    return keep\n");
  hit(cur, "head(a)", VL_HIT_FRESH);
}

static void singledispatch_other_types_not_run(void **state) {
  analyse(state,
          "import functools\n"
          "import numpy as np\n"
          "@functools.singledispatch\n"
          "def head(x):\n"
          "    return np.array(x[:2])\n"
          "@head.register(dict)\n"
          "def _(x):\n"
          "    return x['a'][:2]\n"
          "def f(n):\n"
          "    keep = []\n"
          "    for _ in range(n):\n"
          "        a = np.random.randn(500, 64)\n"
          "        keep.append(head(a))\n"
          "    return keep\n");
  no_hits(cur);
}

static void helper_returning_a_copy(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def row(a, i):\n"
          "    return a[i].copy()\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(row(a, i))\n"
          "        a = np.delete(a, 0, axis=0)\n"
          "    return keep\n");
  tl_assert_new(tl_stored(cur, "row(a, i)"));
  no_hits(cur);
}

static void helper_making_a_fresh_array(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def make():\n"
          "    return np.random.randn(100, 8)\n"
          "def f(n):\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        x = make()\n"
          "        keep.append(x[0])\n"
          "    return keep\n");
  /* new at every call: the site is the call in f */
  const TlObj *x = only(local("f", "x"));
  assert_int_equal(x->site_kind, VL_SITE_NEW);
  assert_int_equal(x->site_start, (uint32_t)(strstr(cur->text, "make()\n        keep") - cur->text));
  tl_assert_ndim(local("f", "x"), 2);
  hit(cur, "x[0]", VL_HIT_FRESH);
}

/* one advanced item beside integers and slices: the advanced item's axes and those the slices keep
 * (NMS's `scores = preds[order, 4]`, then `order = order[scores > t]` stays a 1-D index array) */
static void advanced_index_with_ints_and_slices(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f():\n"
          "    preds = np.random.rand(1000, 6)\n"
          "    order = np.argsort(-preds[:, 4])\n"
          "    scores = preds[order, 4]\n"
          "    boxes = preds[order, :4]\n"
          "    cube = np.zeros((4, 5, 6))[order[:2], 1:3]\n"
          "    order = order[scores > 0.5]\n"
          "    i = order[0]\n"
          "    row = preds[i, :4]\n");
  tl_assert_ndim(local("f", "scores"), 1);
  tl_assert_ndim(local("f", "boxes"), 2);
  tl_assert_ndim(local("f", "cube"), 3);
  tl_assert_ndim(local("f", "order"), 1);
  partial_view_of(local("f", "row"), "preds");
}

/* a helper's loop stores record instances (typing.NamedTuple) holding views into a list it returns:
 * a caller's loop keeping the list, for a new array each iteration, is found at the helper's store,
 * also when the helper's index depends on the array passed (the helper analysed for it) */
static void helper_returning_records_of_views(void **state) {
  analyse(state,
          "from typing import NamedTuple\n"
          "import numpy as np\n"
          "class Det(NamedTuple):\n"
          "    box: np.ndarray\n"
          "    score: float\n"
          "def pick(preds):\n"
          "    order = np.argsort(-preds[:, 4])\n"
          "    kept = []\n"
          "    while order.size > 0:\n"
          "        i = order[0]\n"
          "        kept.append(Det(preds[i, :4], float(preds[i, 4])))\n"
          "        order = order[1:]\n"
          "    return kept\n"
          "def f(seed):\n"
          "    rng = np.random.default_rng(seed)\n"
          "    results = {}\n"
          "    for k in range(10):\n"
          "        results[k] = pick(rng.random((1000, 6)))\n"
          "    return results\n");
  assert_int_equal(cur->nhits, 1);
  const char *at = strstr(cur->text, "kept.append(");
  assert_true(cur->hits[0].at.start > (uint32_t)(at - cur->text) && cur->hits[0].at.start < (uint32_t)(at - cur->text) + 40);
  assert_int_equal(cur->hits[0].kind, VL_HIT_FRESH);
}

/* sorted()/list() of a helper's returned list is a copy of the container: the leak is reported once,
 * at the helper's store where `.copy()` goes, not at the copy (whose elements are no views to copy) */
static void copy_of_a_returned_list_reports_the_store(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def top(preds):\n"
          "    kept = []\n"
          "    for i in range(3):\n"
          "        kept.append(preds[i, :4])\n"
          "    return kept\n"
          "def f(seed):\n"
          "    rng = np.random.default_rng(seed)\n"
          "    results = []\n"
          "    for k in range(10):\n"
          "        dets = top(rng.random((1000, 6)))\n"
          "        results.append(sorted(dets, key=lambda d: float(d[0])))\n"
          "    return results\n");
  assert_int_equal(cur->nhits, 1);
  hit(cur, "preds[i, :4]", VL_HIT_FRESH);
}

static void helper_storing_into_the_callers_list(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def keep_row(keep, a, i):\n"
          "    keep.append(a[i])\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep_row(keep, a, i)\n"
          "        a = np.delete(a, 0, axis=0)\n"
          "    return keep\n");
  /* the callee's effect is a store in the caller, inside its loop */
  const VlHit *h = hit(cur, "a[i]", VL_HIT_REBOUND);
  assert_true(h->via_call);
  assert_int_equal(h->loop.start, (uint32_t)(strstr(cur->text, "keep_row(keep, a, i)\n") - cur->text));
}

static void method_storing_into_self_while_rebinding(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Pool:\n"
          "    def __init__(self, n):\n"
          "        self.x = np.zeros((n, 4))\n"
          "        self.items = []\n"
          "    def step(self):\n"
          "        for i in range(3):\n"
          "            self.items.append(self.x[i])\n"
          "            self.x = np.delete(self.x, i, axis=0)\n");
  /* self.x is 2-D from __init__, seen from step */
  const TlVal *v = tl_stored(cur, "self.x[i]");
  for (int i = 0; i < v->n; i++) {
    assert_int_equal(v->objs[i].kind, VL_O_ARRAY);
    assert_true(v->objs[i].view);
    tl_assert_ndim(v, 1);
  }
  const VlHit *h = hit(cur, "self.x[i]", VL_HIT_REBOUND);
  assert_string_equal(h->base_name, "self.x");
  assert_string_equal(h->container, "self.items");
}

/* A class whose method rebinds self.data and stores a view of it, called from a loop elsewhere. */
static const char *const BUF =
    "import numpy as np\n"
    "class Buf:\n"
    "    def __init__(self):\n"
    "        self.data = np.random.randn(500, 64)\n"
    "        self.kept = []\n"
    "    def take(self):\n"
    "        self.kept.append(self.data[0])\n"
    "        self.data = np.delete(self.data, 0, axis=0)\n"
    "def run(n):\n"
    "    b = Buf()\n"
    "    for i in range(n):\n"
    "        b.take()\n"
    "    return b\n";

static void method_called_from_a_loop(void **state) {
  analyse(state, BUF);
  tl_assert_only(local("run", "b"), VL_O_INST);
  /* in take alone there is no loop; in run's loop each call stores a view of a new array */
  const VlHit *h = tl_hit(cur, "self.data[0]");
  assert_non_null(h);
  assert_true(h->via_call);
  assert_string_equal(h->container, "self.kept");
  assert_int_equal(h->loop.start, (uint32_t)(strstr(cur->text, "b.take()") - cur->text));
}

static void method_called_from_a_loop_names_the_rebound_array(void **state) {
  /* the view's site is relocated to the call `b.take()` in run; through the site it came from, the
   * hit names the array rebound in take: self.data, rebound to a copy by np.delete (VL001) */
  analyse(state, BUF);
  const VlHit *h = hit(cur, "self.data[0]", VL_HIT_REBOUND);
  assert_string_equal(h->base_name, "self.data");
}

static void helper_with_annotated_array_parameter(void **state) {
  /* `a: np.ndarray` makes the parameter an array; a[i] with i a parameter too is decided by the
   * caller's values (deferred), as without the annotation */
  analyse(state,
          "import numpy as np\n"
          "def row(a: np.ndarray, i):\n"
          "    return a[i]\n"
          "def f(n):\n"
          "    a = np.random.randn(500, 64)\n"
          "    keep = []\n"
          "    for i in range(n):\n"
          "        keep.append(row(a, i))\n"
          "        a = np.delete(a, 0, axis=0)\n"
          "    return keep\n");
  assert_true(tl_func(cur, "row")->ret.n > 0);
  const TlVal *v = tl_stored(cur, "row(a, i)");
  assert_true(v->n > 0);
  for (int i = 0; i < v->n; i++) assert_true(v->objs[i].view);
  hit(cur, "row(a, i)", VL_HIT_REBOUND);
}

static void property_and_staticmethod_calls(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class K:\n"
          "    def __init__(self):\n"
          "        self.a = np.zeros((10, 4))\n"
          "    @property\n"
          "    def first(self):\n"
          "        return self.a[0]\n"
          "    @staticmethod\n"
          "    def make(n):\n"
          "        return np.zeros((n, 2))\n"
          "def f():\n"
          "    k = K()\n"
          "    r = k.first\n"
          "    m = K.make(3)\n");
  const TlVal *r = local("f", "r");
  assert_true(tl_has_view(r));
  tl_assert_ndim(r, 1);
  tl_assert_ndim(local("f", "m"), 2);
}

/* `obj.name = v` of a property with a setter runs the setter: one that appends keeps the view
 * (also from a mixin base, and on a parameter once the call passes the instance); one that only
 * overwrites an attribute keeps nothing per iteration. */
static void property_setter_runs_on_assignment(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Track:\n"
          "    def __init__(self):\n"
          "        self.hist = []\n"
          "    @property\n"
          "    def v(self):\n"
          "        return self.hist[-1]\n"
          "    @v.setter\n"
          "    def v(self, x):\n"
          "        self.hist.append(x)\n"
          "class Sub(Track):\n"
          "    pass\n"
          "def feed(t, n):\n"
          "    for _ in range(n):\n"
          "        a = np.zeros((n, 8))\n"
          "        t.v = a[0]\n"
          "def f(n):\n"
          "    s = Sub()\n"
          "    feed(s, n)\n"
          "    return s\n");
  hit(cur, "x", VL_HIT_FRESH);
  analyse(state,
          "import numpy as np\n"
          "class Last:\n"
          "    def __init__(self):\n"
          "        self._v = None\n"
          "    @property\n"
          "    def v(self):\n"
          "        return self._v\n"
          "    @v.setter\n"
          "    def v(self, x):\n"
          "        self._v = x\n"
          "def f(n):\n"
          "    k = Last()\n"
          "    for _ in range(n):\n"
          "        a = np.zeros((n, 8))\n"
          "        k.v = a[0]\n"
          "    return k\n");
  no_hits(cur);
}

/* A reshape of rows that are C-contiguous (`c[:, 1:]`), whose first size is the operand's axis 0,
 * only splits rows: a view, and its parts are parts of c.  Merging axis 0 (`-1` first, another
 * array's length) may copy; it is then taken as the view it reshapes, as any reshape of a view that
 * shows most of its base (`x.transpose(...).reshape(...)`): whole, it pins nothing either way.  Rows
 * that skip items (`c[:, 1:, :2]`, a part of c): not known. */
static void reshape_keeping_axis0_of_rows(void **state) {
  view_of(stored(state, "c[:, 1:].reshape(len(c), 3, 4, 4)"), "c");
  partial_view_of(stored(state, "c[:, 1:].reshape(c.shape[0], 48)[:, 0]"), "c");
  view_of(stored(state, "c[:, 1:].reshape(-1, 4)"), "c");
  not_view(stored(state, "c[:, 1:, :2].reshape(len(c), 6)"), "c[:, 1:, :2].reshape(len(c), 6)");
  view_of(stored(state, "c[:, 1:].reshape(len(a), 48)"), "c");
}

/* A field of a structured array has the array's axes and those of its shape in the dtype
 * (`("vec", "<f4", (16,))`), from np.dtype([...]) or a list passed as dtype=. */
static void record_field_axes_from_dtype(void **state) {
  analyse(state,
          "import numpy as np\n"
          "REC = np.dtype([('id', '<i8'), ('vec', '<f4', (16,)), ('img', 'u1', (4, 4))])\n"
          "def f(blob):\n"
          "    recs = np.frombuffer(blob, dtype=REC)\n"
          "    v = recs['vec']\n"
          "    i = recs['id']\n"
          "    g = recs['img']\n"
          "    z = np.zeros(8, dtype=[('t', 'f8'), ('p', 'f4', 3)])\n"
          "    p = z['p']\n"
          "    r = v[0]\n"
          "    s = i[0]\n");
  tl_assert_ndim(local("f", "v"), 2);
  tl_assert_ndim(local("f", "i"), 1);
  tl_assert_ndim(local("f", "g"), 3);
  tl_assert_ndim(local("f", "p"), 2);
  assert_true(tl_has_view(local("f", "r")));
  assert_false(tl_has_view(local("f", "s")));
}

static void recursive_function_terminates(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def walk(a, n):\n"
          "    if n == 0:\n"
          "        return a\n"
          "    return walk(a[1:], n - 1)\n"
          "def f():\n"
          "    r = walk(np.zeros((10, 3)), 3)\n");
  const TlVal *r = local("f", "r");
  assert_true(tl_count(r, VL_O_ARRAY) > 0);
  assert_true(tl_has_view(r));
}

/* ---- loop rebinds (what VL003/VL004 read) ---- */

static bool rebind_of(const TlFile *f, const char *name, VlLibId lib) {
  for (int i = 0; i < f->nrebinds; i++)
    if (f->rebinds[i].entry && strcmp(f->rebinds[i].entry->name, name) == 0 && f->rebinds[i].lib == lib) return true;
  return false;
}

static void loop_rebinds_of_library_calls(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(n, x):\n"
          "    acc = np.zeros((0, 3))\n"
          "    a = np.zeros((100, 3))\n"
          "    b = np.concatenate([acc, x])\n"
          "    for i in range(n):\n"
          "        acc = np.concatenate([acc, x])\n"
          "        a = np.delete(a, i, axis=0)\n"
          "    return acc, a\n");
  assert_true(rebind_of(cur, "concatenate", VL_LIBID_NUMPY));
  assert_true(rebind_of(cur, "delete", VL_LIBID_NUMPY));
  /* b's concatenate is outside any loop */
  const uint32_t b_at = (uint32_t)(strstr(cur->text, "b = np") - cur->text);
  for (int i = 0; i < cur->nrebinds; i++) {
    assert_true(cur->rebinds[i].loop != 0);
    assert_int_not_equal(cur->m->stmts[cur->rebinds[i].stmt].start, b_at);
    assert_false(cur->rebinds[i].target_is_loop_var);
  }
}

static void loop_rebind_of_the_loop_variable(void **state) {
  analyse(state,
          "import torch\n"
          "def f(xs):\n"
          "    for x in xs:\n"
          "        x = torch.cat([x, x])\n");
  assert_true(rebind_of(cur, "cat", VL_LIBID_TORCH));
  for (int i = 0; i < cur->nrebinds; i++) assert_true(cur->rebinds[i].target_is_loop_var);
}

static void no_loop_rebind_for_project_calls(void **state) {
  analyse(state,
          "def grow(a):\n"
          "    return a\n"
          "def f(n, a):\n"
          "    for i in range(n):\n"
          "        a = grow(a)\n");
  assert_int_equal(cur->nrebinds, 0);
}

/* any-method rows: m.toarray() on a receiver of unknown type is a new dense array, assumed (a project
 * class's own toarray() wins); other unknown methods stay opaque */
static void methods_known_by_name(void **state) {
  analyse(state,
          "import scipy.sparse as sp\n"
          "class Own:\n"
          "    def toarray(self):\n"
          "        return None\n"
          "def f(M):\n"
          "    return M.toarray()\n"
          "def g():\n"
          "    return sp.random(4, 4).todense()\n"
          "def h(M):\n"
          "    return M.to_dense_thing()\n"
          "def k():\n"
          "    return Own().toarray()\n");
  const TlObj *o = only(&tl_func(cur, "g")->ret);
  assert_int_equal(o->kind, VL_O_ARRAY);
  assert_int_equal(o->lib, VL_LIBID_NUMPY);
  assert_int_equal(o->nd.lo, 2);
  assert_true(tl_count(&tl_func(cur, "f")->ret, VL_O_ARRAY) == 1);
  assert_int_equal(tl_count(&tl_func(cur, "h")->ret, VL_O_ARRAY), 0);
  assert_int_equal(tl_count(&tl_func(cur, "k")->ret, VL_O_ARRAY), 0);
}

/* Library evidence: methods one library alone has (t.numel(), t.size(0), t.unsqueeze(0)) make a symbol an
 * array of that library; names other objects have too (q.to(unit), s.split(), x.float()) prove nothing */
static void methods_prove_the_library(void **state) {
  analyse(state,
          "def f(x):\n"
          "    n = x.numel()\n"
          "    return x\n"
          "def g(x):\n"
          "    n = x.size(0)\n"
          "    return x\n"
          "def h(q):\n"
          "    q.to('m')\n"
          "    q.float()\n"
          "    q.split(',')\n"
          "    return q\n"
          "def k(x):\n"
          "    x.unsqueeze(0)\n"
          "    x.astype(int)\n"
          "    return x\n"
          "class K:\n"
          "    def expand(self, x):\n"
          "        return x\n"
          "    def run(self, x):\n"
          "        return self.expand(x)\n");
  /* BUG, fixed: a project method named like a tensor method (self.expand) made `self` a tensor */
  assert_int_equal(tl_count(&tl_func(cur, "K.run")->ret, VL_O_ARRAY), 0);
  assert_int_equal(only(&tl_func(cur, "f")->ret)->lib, VL_LIBID_TORCH);
  assert_int_equal(only(&tl_func(cur, "g")->ret)->lib, VL_LIBID_TORCH);
  no_array(&tl_func(cur, "h")->ret, 0);
  /* a PyTorch method and one NumPy has alone: an array, of no known library */
  const TlObj *o = only(&tl_func(cur, "k")->ret);
  assert_int_equal(o->kind, VL_O_ARRAY);
  assert_int_equal(o->lib, 0);
}

/* Array-namespace dispatch: xp = cupy.get_array_module(x) / array_namespace(x) is the library module,
 * so xp.delete is a library call */
static void namespaces_dispatch(void **state) {
  analyse(state,
          "import cupy\n"
          "from array_api_compat import array_namespace\n"
          "def f(x):\n"
          "    xp = cupy.get_array_module(x)\n"
          "    return xp.delete(x, 0)\n"
          "def g(x):\n"
          "    xp = array_namespace(x)\n"
          "    return xp.delete(x, 0)\n"
          "def h(x):\n"
          "    xp = something_else(x)\n"
          "    return xp.delete(x, 0)\n");
  is_lib(local("f", "xp"), "cupy");
  is_lib(local("g", "xp"), "numpy");
  copy_of(&tl_func(cur, "f")->ret, "cupy delete");
  copy_of(&tl_func(cur, "g")->ret, "numpy delete");
  assert_int_equal(tl_count(&tl_func(cur, "h")->ret, VL_O_ARRAY), 0);
}

/* Effects and ndims decided by the operands' ndims (the generated tables' ndim>N, bcast, argN rules) */
static void records_replaced_keep_the_fields_passed(void **state) {
  /* t._replace(x=v) of a namedtuple, dataclasses.replace(rec, x=v) and rec._replace(x=v) of a
   * typing.NamedTuple make a new record of the old one's fields with those named replaced: a part of a
   * new array put there is reported where the record is kept; a part replaced by its copy is not */
  static const char *const heads[] = {
      "from collections import namedtuple\n"
      "Rec = namedtuple('Rec', 'obs t')\n",
      "from dataclasses import dataclass, replace\n"
      "@dataclass\n"
      "class Rec:\n"
      "    obs: object\n"
      "    t: int\n",
      "from typing import NamedTuple\n"
      "class Rec(NamedTuple):\n"
      "    obs: object\n"
      "    t: int\n",
  };
  static const char *const calls[] = {"r._replace(%s)", "replace(r, %s)", "r._replace(%s)"};
  static const char *const args[] = {"t=i", "obs=a[:2].copy()"};
  for (int h = 0; h < 3; h++)
    for (int k = 0; k < 2; k++) {
      char call[128], text[1024];
      snprintf(call, sizeof call, calls[h], args[k]);
      snprintf(text, sizeof text,
               "import numpy as np\n"
               "%s"
               "def run():\n"
               "    keep = []\n"
               "    for i in range(10):\n"
               "        a = np.zeros((512, 512))\n"
               "        r = Rec(a[:2], 0)\n"
               "        keep.append(%s)\n"
               "    return keep\n",
               heads[h], call);
      analyse(state, text);
      assert_int_equal(cur->nhits, k == 0 ? 1 : 0);
    }
}

static void iter_of_callable_calls_it_each_step(void **state) {
  /* iter(f, sentinel) calls f once per step: what f makes (pipe.read(n) through a lambda or a
   * functools.partial of the method) is new at each step, and a part of it kept is reported; a copy
   * of the part is not */
  static const char *const readers[] = {"lambda: pipe.read(n)", "partial(pipe.read, n)", "partial(pipe.read, size=n)"};
  static const char *const kept[] = {"a[::8, ::8]", "a[::8, ::8].copy()"};
  for (int r = 0; r < 3; r++)
    for (int k = 0; k < 2; k++) {
      char text[1024];
      snprintf(text, sizeof text,
               "import numpy as np\n"
               "from functools import partial\n"
               "def run(pipe, n):\n"
               "    keep = []\n"
               "    for raw in iter(%s, b''):\n"
               "        a = np.frombuffer(raw, dtype=np.uint8).reshape(480, 640)\n"
               "        keep.append(%s)\n"
               "    return keep\n",
               readers[r], kept[k]);
      analyse(state, text);
      assert_int_equal(cur->nhits, k == 0 ? 1 : 0);
    }
}

static void ndim_decides(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(v, unknown):\n"
          "    M = np.zeros((8, 8))\n"
          "    w = np.zeros(8)\n"
          "    d = np.diag(M)\n"
          "    D = np.diag(w)\n"
          "    u = np.diag(unknown)\n"
          "    s = np.add(M, w)\n"
          "    x = np.linalg.solve(M, w)\n"
          "    y = M @ w\n"
          "    z = w @ w\n");
  partial_view_of(local("f", "d"), "M");
  tl_assert_ndim(local("f", "d"), 1);
  copy_of(local("f", "D"), "np.diag of a vector");
  tl_assert_ndim(local("f", "D"), 2);
  assert_int_equal(tl_count(local("f", "u"), VL_O_ARRAY), 0); /* unknown ndim: unknown */
  tl_assert_ndim(local("f", "s"), 2);                      /* broadcasting */
  tl_assert_ndim(local("f", "x"), 1);                      /* b's ndim, not a's */
  tl_assert_ndim(local("f", "y"), 1);                      /* a matrix times a vector */
  tl_assert_ndim(local("f", "z"), 0);
}

/* np.where(c, x, y) broadcasts all three: a condition with a unit axis (accept[:, None]) does not make
 * the result's axis a unit one, so a column of it is a part; with every operand's axis of size 1 it is */
static void where_broadcasts_units(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(coords, steps, rng):\n"
          "    trace = []\n"
          "    for _ in range(steps):\n"
          "        proposal = coords + rng.random(coords.shape)\n"
          "        accept = rng.random(len(coords)) > np.log(rng.random(len(coords)))\n"
          "        coords = np.where(accept[:, None], proposal, coords)\n"
          "        trace.append(coords[:, 0])\n"
          "    return trace\n"
          "def g(x, steps, rng):\n"
          "    kept = []\n"
          "    for _ in range(steps):\n"
          "        m = rng.random(len(x)) > 0.5\n"
          "        col = np.where(m[:, None], x[:, :1], 0.0)\n"
          "        kept.append(col[:, 0])\n"
          "    return kept\n");
  assert_non_null(tl_hit(cur, "coords[:, 0]"));
  assert_null(tl_hit(cur, "col[:, 0]"));
}

/* A method bound to another name in the class body (`__call__ = propose`) is that method */
static void class_body_method_alias(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Move:\n"
          "    def propose(self, x):\n"
          "        return x * 0.5 + 1.0\n"
          "    __call__ = propose\n"
          "def run(x, steps):\n"
          "    move = Move()\n"
          "    trace = []\n"
          "    for _ in range(steps):\n"
          "        x = move(x)\n"
          "        trace.append(x[:, 0])\n"
          "    return trace\n");
  assert_non_null(tl_hit(cur, "x[:, 0]"));
}

/* A dict subclass holds what `self[k] = v` stores; `cache[k]` of one with __missing__ calls it */
static void dict_subclass_missing_stores(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Cache(dict):\n"
          "    def __missing__(self, key):\n"
          "        a = np.random.rand(1000, 64)\n"
          "        v = self[key] = a[:4]\n"
          "        return v\n"
          "def run(keys):\n"
          "    cache = Cache()\n"
          "    for k in keys:\n"
          "        cache[k]\n"
          "    return cache\n");
  assert_non_null(tl_hit(cur, "a[:4]"));
}

/* Singular values and eigenvalues are as long as one side of the matrix (items Ds): a slice of them
 * is not reported, a slice of U is */
static void spectrum_slices_not_parts(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from scipy import linalg\n"
          "def f(windows, r):\n"
          "    modes, spectra, evs = [], [], []\n"
          "    for X in windows:\n"
          "        U, s, Vh = linalg.svd(X, full_matrices=False)\n"
          "        w, V = np.linalg.eigh(X.T @ X)\n"
          "        spectra.append(s[:r])\n"
          "        evs.append(w[-r:])\n"
          "        modes.append(U[:, :r])\n"
          "    return modes, spectra, evs\n");
  assert_non_null(tl_hit(cur, "U[:, :r]"));
  assert_null(tl_hit(cur, "s[:r]"));
  assert_null(tl_hit(cur, "w[-r:]"));
}

/* x op= y of a parameter: a caller passing an array gets that array back, changed in place; `x = x - y`
 * gives a new one */
static void augmented_param_in_place(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def step_inplace(w, g):\n"
          "    w -= 0.01 * g\n"
          "    return w\n"
          "def step_new(w, g):\n"
          "    w = w - 0.01 * g\n"
          "    return w\n"
          "def train(w, v, grads):\n"
          "    a, b = [], []\n"
          "    for g in grads:\n"
          "        w = step_inplace(w, g)\n"
          "        a.append(w[0])\n"
          "        v = step_new(v, g)\n"
          "        b.append(v[0])\n"
          "    return a, b\n"
          "def scenario():\n"
          "    return train(np.zeros((64, 8)), np.zeros((64, 8)), [np.ones((64, 8))] * 3)\n");
  assert_null(tl_hit(cur, "w[0]"));
  assert_non_null(tl_hit(cur, "v[0]"));
}

/* A module function decorated by a decorator of the module that returns a wrapper it defines: the
 * name is the wrapper (with the decorated function in its closure), so a loop calling it reports
 * the wrapper's store; a copy stays silent */
static void decorated_name_is_the_wrapper(void **state) {
  analyse(state,
          "import numpy as np\n"
          "LOG = []\n"
          "def traced(fn):\n"
          "    def wrapper(x):\n"
          "        r = fn(x)\n"
          "        LOG.append(r[:8])\n"
          "        wrapper.seen.append(r[8:16].copy())\n"
          "        return r\n"
          "    wrapper.seen = []\n"
          "    return wrapper\n"
          "@traced\n"
          "def residual(x):\n"
          "    return np.ones(100000) * x\n"
          "def fit():\n"
          "    for k in range(10):\n"
          "        residual(k)\n"
          "    return LOG, residual.seen\n");
  assert_non_null(tl_hit(cur, "r[:8]"));
  assert_null(tl_hit(cur, "r[8:16].copy()"));
}

/* A method decorated by a decorator factory of the module that returns a wrapper it defines: calls
 * through the instance (`self.read_img(i)` in a base class's loop) run the wrapper bound to self, its
 * closure holding the method, so the wrapper's cache store is reported; a copy stays silent, and a
 * method under a library decorator still runs as written */
static void decorated_method_is_the_wrapper(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import functools\n"
          "def cache_read(use_cache=True):\n"
          "    def decorator(fn):\n"
          "        @functools.wraps(fn)\n"
          "        def wrapper(self, index, use_cache=use_cache):\n"
          "            if self.imgs[index] is None:\n"
          "                self.imgs[index] = fn(self, index)\n"
          "                self.kept[index] = fn(self, index).copy()\n"
          "            return self.imgs[index]\n"
          "        return wrapper\n"
          "    return decorator\n"
          "class Base:\n"
          "    def __init__(self, n):\n"
          "        self.n = n\n"
          "        self.imgs = [None] * n\n"
          "        self.kept = [None] * n\n"
          "    def warm(self):\n"
          "        for i in range(self.n):\n"
          "            self.read_img(i)\n"
          "class Images(Base):\n"
          "    @cache_read(use_cache=True)\n"
          "    def read_img(self, index):\n"
          "        img = np.ones((480, 640)) * index\n"
          "        return img[::4, ::4]\n"
          "def run():\n"
          "    ds = Images(40)\n"
          "    ds.warm()\n"
          "    return ds\n");
  assert_non_null(tl_hit(cur, "fn(self, index)"));
  assert_null(tl_hit(cur, "fn(self, index).copy()"));
}

/* A key that is the decorated function's name (`self._cache[func.__name__]` in a `memorized` wrapper)
 * names one slot, as the decorator factory's own parameter does: every call writes the same one */
static void decorated_function_name_key_one_slot(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def memorized(func):\n"
          "    def wrapper(self, seed):\n"
          "        if func.__name__ not in self._cache:\n"
          "            self._cache[func.__name__] = func(self, seed)\n"
          "        self._all[seed] = func(self, seed)\n"
          "        return self._cache[func.__name__]\n"
          "    return wrapper\n"
          "class Rec:\n"
          "    def __init__(self):\n"
          "        self._cache = {}\n"
          "        self._all = {}\n"
          "    @memorized\n"
          "    def band(self, seed):\n"
          "        spec = np.ones((513, 200)) * seed\n"
          "        return spec[:8]\n"
          "def run():\n"
          "    rec = Rec()\n"
          "    for seed in range(40):\n"
          "        rec.band(seed)\n"
          "    return rec\n");
  assert_int_equal(cur->nhits, 1);
  assert_non_null(cur->hits[0].container);
  assert_string_equal(cur->hits[0].container, "self._all");
}

/* Analyses `dep` as module `deco_utils` (which `text` imports), then `text` as module `test`, in one
 * program, as the driver does along the import graph: hits of both go to *state's file.  The module
 * `deco_utils` lowered here is returned, for the test to delete when done. */
static VlModule *analyse_after(void **state, const char *dep, const char *text) {
  TlFile *f = analyse(state, "");
  vl_program_delete(f->prog);
  vl_module_delete(f->m);
  free(f->text);
  f->nhits = 0;
  f->nfuncs = 0;
  VlModule *d = vl_lower(&f->py, NULL, "deco_utils.py", dep, strlen(dep));
  f->text = vl_xstrdup(text);
  f->m = vl_lower(&f->py, NULL, "test.py", f->text, strlen(f->text));
  assert_non_null(d);
  assert_non_null(f->m);
  f->prog = vl_program_new(&f->know);
  VlModInfo *dmi = vl_program_add(f->prog, "deco_utils", "deco_utils.py", false, true);
  VlModInfo *mi = vl_program_add(f->prog, "test", "test.py", false, true);
  VlFlowSink sink = {tl_on_hit, tl_on_rebind, f};
  vl_analyse_module_probed(f->prog, dmi, d, NULL, &sink, tl_probe, f);
  vl_analyse_module_probed(f->prog, mi, f->m, NULL, &sink, tl_probe, f);
  return d;
}

/* A method under a decorator factory imported from another module of the project (`from deco_utils
 * import cache_read`, YOLOX's `cache_read_img`): the wrapper that module's summaries hand back, its
 * closure holding the method, is what `ds.read_img` calls, so the wrapper's cache store (in the other
 * module) is reported for the caller's loop; a second decorator of that module whose wrapper copies
 * stays silent, and a method under it is still run through the wrapper */
static void imported_decorator_wraps_method(void **state) {
  VlModule *dep = analyse_after(state,
          "import functools\n"
          "def cache_read(use_cache=True):\n"
          "    def decorator(fn):\n"
          "        @functools.wraps(fn)\n"
          "        def wrapper(self, index, use_cache=use_cache):\n"
          "            if self.imgs[index] is None:\n"
          "                self.imgs[index] = fn(self, index)\n"
          "            return self.imgs[index]\n"
          "        return wrapper\n"
          "    return decorator\n"
          "def copied(fn):\n"
          "    def wrapper(self, index):\n"
          "        self.kept[index] = fn(self, index).copy()\n"
          "        return self.kept[index]\n"
          "    return wrapper\n",
          "import numpy as np\n"
          "from deco_utils import cache_read, copied\n"
          "class Images:\n"
          "    def __init__(self, n):\n"
          "        self.n = n\n"
          "        self.imgs = [None] * n\n"
          "        self.kept = [None] * n\n"
          "    @cache_read(use_cache=True)\n"
          "    def read_img(self, index):\n"
          "        img = np.ones((480, 640)) * index\n"
          "        return img[::4, ::4]\n"
          "    @copied\n"
          "    def read_copy(self, index):\n"
          "        img = np.ones((480, 640)) * index\n"
          "        return img[::4, ::4]\n"
          "def run():\n"
          "    ds = Images(40)\n"
          "    for i in range(ds.n):\n"
          "        ds.read_img(i)\n"
          "        ds.read_copy(i)\n"
          "    return ds\n");
  assert_non_null(tl_hit(cur, "fn(self, index)"));
  assert_null(tl_hit(cur, "fn(self, index).copy()"));
  vl_module_delete(dep);
}

/* A method analysed again for the array its caller passes gets the ints passed beside it too: a
 * subscript by its int parameters (`heat[b, c]`) is the part it is, not unknown */
static void specialised_method_gets_int_arguments(void **state) {
  analyse(state,
          "import torch\n"
          "class Logger:\n"
          "    def __init__(self):\n"
          "        self.maps = []\n"
          "        self.kept = []\n"
          "    def log(self, heat, b, c):\n"
          "        self.maps.append(heat[b, c])\n"
          "        self.kept.append(heat[b, c].clone())\n"
          "def run():\n"
          "    lg = Logger()\n"
          "    for _ in range(4):\n"
          "        heat = torch.randn(4, 8, 64, 64)\n"
          "        lg.log(heat, 1, 2)\n"
          "    return lg\n");
  assert_non_null(tl_hit(cur, "heat[b, c]"));
  assert_null(tl_hit(cur, "heat[b, c].clone()"));
}

/* scipy.signal.find_peaks gives a 1-D array of peak indices (operand-max=1: its signal is 1-D even when
 * the analysis does not know the signal's ndim), and np.array of a list of ints is a 1-D integer array:
 * iterating either gives ints, so a[p] of a 2-D array is a row (a view); the index array used whole is
 * advanced indexing (a copy), and dtype= may make the ints floats. */
/* The call effect a loop makes on a method of a parameter with a new array per iteration
 * (VlEffect.loop_call), in function `func`'s summary; NULL when there is none. */
static const VlEffect *loop_call_effect(const TlFile *f, const char *func) {
  const VlModInfo *mi = vl_program_find(f->prog, "test");
  for (uint32_t i = 0; mi && i < mi->nfuncs; i++) {
    const VlFuncInfo *fi = &mi->funcs[i];
    if (!fi->name || strcmp(fi->name, func) != 0 || !fi->summary) continue;
    for (uint32_t e = 0; e < fi->summary->neffects; e++)
      if (fi->summary->effects[e].kind == VL_EFF_CALL && fi->summary->effects[e].loop_call) return &fi->summary->effects[e];
  }
  return NULL;
}

static void loop_calls_a_parameters_method(void **state) {
  analyse(state,
          "def integrate(system, x0, n, monitor):\n"
          "    x = x0\n"
          "    for k in range(n):\n"
          "        x = system.step(x)\n"
          "        monitor.record(k, x)\n"
          "    return x\n"
          "def with_reference(system, x0, n, monitor):\n"
          "    ref = system.reference(x0)\n"
          "    for k in range(n):\n"
          "        monitor.record(k, ref)\n"
          "def outside_a_loop(system, x0, monitor):\n"
          "    monitor.record(0, system.step(x0))\n"
          "def only_ints(n, monitor):\n"
          "    for k in range(n):\n"
          "        monitor.record(k, k)\n");
  /* the new array of each step goes to what the caller passes: a caller knowing the monitor's class
   * checks its stores with the call as the loop */
  const VlEffect *ef = loop_call_effect(cur, "integrate");
  assert_non_null(ef);
  assert_int_equal(ef->at.start, (uint32_t)(strstr(cur->text, "monitor.record(k, x)") - cur->text));
  /* an array made once before the loop, none made, or no loop: no such effect */
  assert_null(loop_call_effect(cur, "with_reference"));
  assert_null(loop_call_effect(cur, "outside_a_loop"));
  assert_null(loop_call_effect(cur, "only_ints"));
}

/* The store a loop makes of what a call of a parameter gives (VlEffect.loop_call on a STORE), in
 * function `func`'s summary; NULL when there is none. */
static const VlEffect *loop_store_effect(const TlFile *f, const char *func) {
  const VlModInfo *mi = vl_program_find(f->prog, "test");
  for (uint32_t i = 0; mi && i < mi->nfuncs; i++) {
    const VlFuncInfo *fi = &mi->funcs[i];
    if (!fi->name || strcmp(fi->name, func) != 0 || !fi->summary) continue;
    for (uint32_t e = 0; e < fi->summary->neffects; e++)
      if (fi->summary->effects[e].kind == VL_EFF_STORE && fi->summary->effects[e].loop_call) return &fi->summary->effects[e];
  }
  return NULL;
}

/* A STORE effect of function `func`'s exported summary whose stored expression starts at `at`; NULL
 * when there is none. */
static const VlEffect *store_effect_at(const TlFile *f, const char *func, const char *at) {
  const VlModInfo *mi = vl_program_find(f->prog, "test");
  uint32_t start = (uint32_t)(strstr(f->text, at) - f->text);
  for (uint32_t i = 0; mi && i < mi->nfuncs; i++) {
    const VlFuncInfo *fi = &mi->funcs[i];
    if (!fi->name || strcmp(fi->name, func) != 0 || !fi->summary) continue;
    for (uint32_t e = 0; e < fi->summary->neffects; e++)
      if (fi->summary->effects[e].kind == VL_EFF_STORE && fi->summary->effects[e].at.start == start)
        return &fi->summary->effects[e];
  }
  return NULL;
}

static void filtered_store_of_deferred_pieces_is_an_effect(void **state) {
  /* a helper filling the list it returns with records of pieces of what it is passed (`masks.unbind(0)`)
   * in a loop that skips some (`if score < thr: continue`) keeps the append in its summary (analysis.c:
   * handed_back_container_stores, deferred_part): a caller in another module, which has only the summary,
   * must not read the list as every piece of its array (a clone is kept too: the caller's array decides,
   * a copy of it pins nothing); a loop appending in every iteration has no such effect (the caller
   * judges the list as before) */
  analyse(state,
          "from dataclasses import dataclass\n"
          "@dataclass(frozen=True)\n"
          "class Det:\n"
          "    score: float\n"
          "    mask: object\n"
          "def confident(scores, masks, thr):\n"
          "    kept = []\n"
          "    for s, m in zip(scores.tolist(), masks.unbind(0)):\n"
          "        if s < thr:\n"
          "            continue\n"
          "        kept.append(Det(s, m))\n"
          "    return kept\n"
          "def pairs(labels, masks):\n"
          "    out = []\n"
          "    for l, m in zip(labels.tolist(), masks.unbind(0)):\n"
          "        if l:\n"
          "            out.append((l, m))\n"
          "    return out\n"
          "def every(scores, masks):\n"
          "    kept = []\n"
          "    for sc, piece in zip(scores.tolist(), masks.unbind(0)):\n"
          "        kept.append(Det(sc, piece))\n"
          "    return kept\n");
  assert_non_null(store_effect_at(cur, "confident", "Det(s, m))"));
  assert_non_null(store_effect_at(cur, "pairs", "(l, m))"));
  assert_null(store_effect_at(cur, "every", "Det(sc, piece)"));
}

static void loop_stores_a_parameters_call(void **state) {
  analyse(state,
          "import torch\n"
          "def predict(model, loader):\n"
          "    preds = []\n"
          "    for x in loader:\n"
          "        out = model(x)\n"
          "        preds.append(out[:, :4])\n"
          "    return preds\n"
          "class Runner:\n"
          "    def __init__(self, model):\n"
          "        self.model = model\n"
          "    def run(self, n):\n"
          "        kept = []\n"
          "        for _ in range(n):\n"
          "            kept.append(self.model(torch.randn(64, 8)))\n"
          "        return kept\n"
          "def fixed_input(model, n):\n"
          "    x = torch.randn(64, 8)\n"
          "    kept = []\n"
          "    for _ in range(n):\n"
          "        kept.append(model(x))\n"
          "    return kept\n"
          "def dropped(model, loader):\n"
          "    kept = []\n"
          "    for x in loader:\n"
          "        kept.append(model(x))\n"
          "    return len(kept)\n"
          "def scratch(model, loader):\n"
          "    out = []\n"
          "    for x in loader:\n"
          "        batch = [model(x)]\n"
          "        out.append(len(batch))\n"
          "    return out\n"
          "def outside_a_loop(model, x):\n"
          "    return [model(x)]\n");
  /* which model runs, and whether its output is a view, a caller knows: the store is in the summary,
   * named after the name the call's statement binds */
  const VlEffect *ef = loop_store_effect(cur, "predict");
  assert_non_null(ef);
  assert_int_equal(ef->at.start, (uint32_t)(strstr(cur->text, "out[:, :4]") - cur->text));
  assert_int_equal(ef->made_start, (uint32_t)(strstr(cur->text, "out = model(x)") - cur->text));
  assert_string_equal(ef->name, "out");
  /* an attribute of self set from what __init__ is passed, called on an array made in the loop */
  assert_non_null(loop_store_effect(cur, "run"));
  /* an argument made once before the loop, a container nobody gets, one made in each iteration, no
   * loop: no such store */
  assert_null(loop_store_effect(cur, "fixed_input"));
  assert_null(loop_store_effect(cur, "dropped"));
  assert_null(loop_store_effect(cur, "scratch"));
  assert_null(loop_store_effect(cur, "outside_a_loop"));
}

static void fold_grows_its_accumulator(void **state) {
  analyse(state,
          "import functools\n"
          "import numpy as np\n"
          "def step(carry, k):\n"
          "    state, trace = carry\n"
          "    noise = np.random.standard_normal((1024, 256))\n"
          "    return state + 1, trace + (noise[:4],)\n"
          "def scenario():\n"
          "    return functools.reduce(step, range(25), (0, ()))\n");
  /* functools.reduce rebinds the carry to what the step returns: the tuple grows at every step */
  const VlHit *h = hit(cur, "noise[:4]", VL_HIT_FRESH);
  assert_true(h->via_call);
  analyse(state,
          "import numpy as np\n"
          "def push(trace, noise):\n"
          "    return trace + (noise[:4],)\n"
          "def scenario():\n"
          "    latest = ()\n"
          "    for _ in range(25):\n"
          "        latest = push((), np.random.standard_normal((1024, 256)))\n"
          "    return latest\n");
  /* the same helper, not folded: what the caller rebinds is a new one-item tuple */
  no_hits(cur);
}

/* a.tobytes() is a new bytes object at every call: np.frombuffer over it is a new array, a slice of the
 * bytes a copy (rules/overlay/numpy.tsv: `tobytes bytes`); a stream over it (io.BytesIO) is given no
 * array, so what it reads is new bytes too */
static void tobytes_is_new_bytes(void **state) {
  analyse(state,
          "import io\n"
          "import numpy as np\n"
          "def g(a, n):\n"
          "    pipe = io.BytesIO(np.zeros(n * 64).tobytes())\n"
          "    out = []\n"
          "    for _ in range(n):\n"
          "        got = np.frombuffer(pipe.read(64), dtype=np.uint8)\n"
          "        out.append(got[:8])\n"
          "    return out\n"
          "def f(a, n):\n"
          "    heads, prefixes = [], []\n"
          "    for _ in range(n):\n"
          "        raw = np.frombuffer(a.tobytes(), dtype=np.uint8)\n"
          "        heads.append(raw[:64])\n"
          "        prefixes.append(a.tobytes()[:64])\n"
          "    return heads, prefixes\n");
  hit(cur, "raw[:64]", VL_HIT_FRESH);
  hit(cur, "got[:8]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2);
  assert_false(tl_has_view(tl_stored(cur, "a.tobytes()[:64]")));
}

/* The standard library's decoders (`bytes` rows of rules/stdlib.tsv) make new bytes at every call,
 * whatever they are given (a parameter's item): np.frombuffer over them is a new array per call, and a
 * slice of the bytes is no view */
static void stdlib_decoders_make_new_bytes(void **state) {
  analyse(state,
          "import base64\n"
          "import zlib\n"
          "import numpy as np\n"
          "def f(blobs, recs):\n"
          "    rows, heads, raw = [], [], []\n"
          "    for k in range(len(blobs)):\n"
          "        chunk = np.frombuffer(zlib.decompress(blobs[k]), dtype=np.float32).reshape(64, -1)\n"
          "        rows.append(chunk[3])\n"
          "        a = np.frombuffer(base64.b64decode(recs[k]['data']), dtype=np.float32)\n"
          "        heads.append(a[:8])\n"
          "        raw.append(zlib.decompress(blobs[k])[:16])\n"
          "    return rows, heads, raw\n");
  hit(cur, "chunk[3]", VL_HIT_FRESH);
  hit(cur, "a[:8]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2);
  assert_false(tl_has_view(tl_stored(cur, "zlib.decompress(blobs[k])[:16]")));
}

/* An item of a 1-D object array read back by an integer index is what was stored in it; a write into
 * an array of numbers copies, so it does not keep the whole frame a view is kept of */
static void object_array_items_read_back(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def step(rng, envs):\n"
          "    n = len(envs)\n"
          "    infos = np.full(n, None, dtype=object)\n"
          "    for i in range(n):\n"
          "        infos[i] = rng.random((96, 96, 3))\n"
          "    return infos\n"
          "def f(envs):\n"
          "    rng = np.random.default_rng(0)\n"
          "    thumbs = []\n"
          "    buf = np.zeros((4, 96, 96, 3))\n"
          "    for t in range(100):\n"
          "        final = step(rng, envs)[0]\n"
          "        buf[t % 4] = final\n"
          "        thumbs.append(final[::4, ::4])\n"
          "    return thumbs\n"
          "def g(envs):\n"
          "    rng = np.random.default_rng(0)\n"
          "    whole = []\n"
          "    for t in range(100):\n"
          "        other = step(rng, envs)[1]\n"
          "        whole.append(other)\n"
          "        whole.append(other[:8])\n"
          "    return whole\n");
  hit(cur, "final[::4, ::4]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 1);
}

/* A list an instance holds that nothing fills after it is made (`LazyFrames(list(window))`) is followed
 * for its views when the instance is kept; one the loop fills through the instance is judged where
 * filled */
static void instance_list_made_whole(void **state) {
  analyse(state,
          "from collections import deque\n"
          "import numpy as np\n"
          "class Lazy:\n"
          "    def __init__(self, frames):\n"
          "        self._frames = frames\n"
          "class Rec:\n"
          "    def __init__(self):\n"
          "        self.crops = []\n"
          "def f(rng):\n"
          "    window = deque(maxlen=4)\n"
          "    replay, recs = [], []\n"
          "    for t in range(100):\n"
          "        screen = rng.random((210, 160))\n"
          "        window.append(screen[:64, :64])\n"
          "        replay.append(Lazy(list(window)))\n"
          "        r = Rec()\n"
          "        r.crops.append(screen[:8, :8].copy())\n"
          "        recs.append(r)\n"
          "    return replay, recs\n");
  hit(cur, "Lazy(list(window))", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 1);
}

/* A file object (open(), gzip.open()) holds no array: what pickle.load reads from it is a new object
 * per call; a method only arrays have, called on one of its members (`d[b"data"].reshape(...)`),
 * makes that member an array; keeping another member (`labels.extend(d[b"labels"])`) keeps neither
 * the dict nor the viewed member, keeping the viewed member whole does; a slice alone is no evidence */
static void unpickled_members(void **state) {
  analyse(state,
          "import gzip\n"
          "import pickle\n"
          "def f(paths):\n"
          "    previews, labels, full, whole, lists = [], [], [], [], []\n"
          "    for p in paths:\n"
          "        with open(p, 'rb') as fo:\n"
          "            d = pickle.load(fo, encoding='bytes')\n"
          "        previews.append(d[b'data'].reshape(-1, 3, 32, 32)[:8])\n"
          "        labels.extend(d[b'labels'])\n"
          "        with gzip.open(p) as g:\n"
          "            e = pickle.load(g)\n"
          "        full.append(e['x'])\n"
          "        whole.append(e['x'].reshape(-1, 4)[:2])\n"
          "        lists.append(pickle.load(open(p, 'rb'))[:8])\n"
          "    return previews, labels, full, whole, lists\n");
  hit(cur, "d[b'data'].reshape(-1, 3, 32, 32)[:8]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 1);
}

/* An archive reader opened by name (zipfile.ZipFile(path), tarfile.open(path)) is a file object: it
 * holds no array, and what its methods read (`zf.read(name)`, `tf.extractfile(m).read()`) is new at
 * every call, so np.frombuffer over it is a new array per iteration; a slice of the bytes is a copy
 * and an array kept whole shows all it views */
static void archive_reader_reads_new_bytes(void **state) {
  analyse(state,
          "import tarfile\n"
          "import zipfile\n"
          "import numpy as np\n"
          "def f(path):\n"
          "    rows = []\n"
          "    with zipfile.ZipFile(path) as zf:\n"
          "        for name in zf.namelist():\n"
          "            raw = zf.read(name)\n"
          "            feats = np.frombuffer(raw, dtype=np.float32).reshape(-1, 8)\n"
          "            rows.append(feats[0])\n"
          "    return rows\n"
          "def h(path):\n"
          "    heads, whole = [], []\n"
          "    with zipfile.ZipFile(path) as zf:\n"
          "        for name in zf.namelist():\n"
          "            heads.append(zf.read(name)[:16])\n"
          "            whole.append(np.frombuffer(zf.read(name), dtype=np.float32))\n"
          "    return heads, whole\n"
          "def g(path):\n"
          "    out = []\n"
          "    with tarfile.open(path) as tf:\n"
          "        for m in tf.getmembers():\n"
          "            pcm = np.frombuffer(tf.extractfile(m).read(), dtype=np.int16)\n"
          "            out.append(pcm[:512])\n"
          "    return out\n");
  hit(cur, "feats[0]", VL_HIT_FRESH);
  hit(cur, "pcm[:512]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2);
}

/* torch's Subset(ds, indices) and each piece of random_split(ds, lengths) index ds (rules/overlay/
 * torch.tsv: effect `subset`): an item of one is what ds's __getitem__ returns, a row view of a tensor
 * made anew in the loop; a Subset kept whole keeps its dataset, no more */
static void subset_indexes_its_dataset(void **state) {
  analyse(state,
          "import torch\n"
          "from torch.utils.data import Dataset, Subset, random_split\n"
          "class W(Dataset):\n"
          "    def __init__(self, x):\n"
          "        self.x = x\n"
          "    def __len__(self):\n"
          "        return len(self.x)\n"
          "    def __getitem__(self, i):\n"
          "        return self.x[i]\n"
          "def f(n):\n"
          "    firsts, folds = [], []\n"
          "    for _ in range(n):\n"
          "        ds = W(torch.randn(100, 64))\n"
          "        tr, va = random_split(ds, [90, 10])\n"
          "        firsts.append(va[0])\n"
          "        folds.append(Subset(ds, [0, 2])[1])\n"
          "    return firsts, folds\n"
          "def g(n):\n"
          "    kept = []\n"
          "    for _ in range(n):\n"
          "        kept.append(Subset(W(torch.randn(100, 64)), [1, 3]))\n"
          "    return kept\n");
  hit(cur, "va[0]", VL_HIT_FRESH);
  hit(cur, "Subset(ds, [0, 2])[1]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2);
}

/* torch's TensorDataset(*tensors) keeps its tensors (rules/overlay/torch.tsv: effect `tensors`):
 * ds[i] and each item of `for x, y in ds` are tuples of a row view of each; torch's samplers hand out
 * int indices (effect `int`).  A dataset built before the loop, a label tensor made once and a
 * dataset given its tensors by a spread pin nothing new */
static void tensor_dataset_rows_and_samplers(void **state) {
  analyse(state,
          "import torch\n"
          "from torch.utils.data import TensorDataset, RandomSampler\n"
          "def f(n, y):\n"
          "    rows, labels, whole, anchors, drawn, kw = [], [], [], [], [], []\n"
          "    fixed = TensorDataset(torch.randn(100, 8), y)\n"
          "    for _ in range(n):\n"
          "        ds = TensorDataset(torch.randn(100, 8), y)\n"
          "        x, t = ds[3]\n"
          "        rows.append(x)\n"
          "        labels.append(t)\n"
          "        whole.append(fixed[3][0])\n"
          "        for a, b in ds:\n"
          "            anchors.append(a)\n"
          "            break\n"
          "        m = torch.randn(100, 8)\n"
          "        for i in RandomSampler(range(100), num_samples=2):\n"
          "            drawn.append(m[i])\n"
          "        kw.append(TensorDataset(*[torch.randn(100, 8)])[0][0])\n"
          "    return rows, labels, whole, anchors, drawn, kw\n");
  hit(cur, "x", VL_HIT_FRESH);
  hit(cur, "a", VL_HIT_FRESH);
  hit(cur, "m[i]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 3);
}

/* torch's ConcatDataset(datasets) indexes one of its datasets (rules/overlay/torch.tsv: effect
 * `datasets`): an item of it is what one dataset's __getitem__ returns, a row view of a tensor made
 * anew in the loop; one built before the loop gives views of tensors the loop does not make */
static void concat_dataset_indexes_its_datasets(void **state) {
  analyse(state,
          "import torch\n"
          "from torch.utils.data import ConcatDataset, Dataset\n"
          "class W(Dataset):\n"
          "    def __init__(self, x):\n"
          "        self.x = x\n"
          "    def __len__(self):\n"
          "        return len(self.x)\n"
          "    def __getitem__(self, i):\n"
          "        return self.x[i]\n"
          "def f(n):\n"
          "    firsts, lasts = [], []\n"
          "    once = ConcatDataset([W(torch.randn(10, 4)), W(torch.randn(10, 4))])\n"
          "    for k in range(n):\n"
          "        ds = ConcatDataset([W(torch.randn(100, 64)), W(torch.randn(50, 64))])\n"
          "        firsts.append(ds[0])\n"
          "        lasts.append(once[k])\n"
          "    return firsts, lasts\n");
  hit(cur, "ds[0]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 1);
}

/* scipy.spatial.cKDTree(pts).query(x) (rules/results.tsv, ndim `x-N`): one point gives (float, int),
 * so pts[j] is a row view; many points, k= or a second positional argument give index arrays (a
 * copy when indexing); query_ball_point of one point is a list of ints, iterated one by one */
static void kdtree_query_follows_points(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from scipy.spatial import cKDTree\n"
          "def f(n):\n"
          "    rows, copies = [], []\n"
          "    for _ in range(n):\n"
          "        pts = np.random.rand(1000, 3)\n"
          "        tree = cKDTree(pts)\n"
          "        d, j = tree.query(np.zeros(3))\n"
          "        rows.append(pts[j])\n"
          "        for m in tree.query_ball_point(np.zeros(3), 0.1):\n"
          "            rows.append(pts[m])\n"
          "        d, many = tree.query(np.zeros((5, 3)))\n"
          "        copies.append(pts[many])\n"
          "        d, k3 = tree.query(np.zeros(3), k=3)\n"
          "        copies.append(pts[k3])\n"
          "        d, p3 = tree.query(np.zeros(3), 3)\n"
          "        copies.append(pts[p3])\n"
          "    return rows, copies\n");
  hit(cur, "pts[j]", VL_HIT_FRESH);
  hit(cur, "pts[m]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2);
}

/* solve_ivp's y has one column per item of a t_eval display, odeint's result one row per item of its t
 * (rules/results.tsv, ndim `N/A=name@K`): a column of one of one, a row of one of two, a column of one
 * of four show at least a quarter (no leak under the 8x); of a grid or of sixteen items, a part */
static void result_axis_as_long_as_display(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from scipy.integrate import solve_ivp, odeint\n"
          "def f(rhs, n, t):\n"
          "    a, b, c, d, e, g = [], [], [], [], [], []\n"
          "    for k in range(n):\n"
          "        one = solve_ivp(rhs, (0, 1), np.ones(9) * k, t_eval=[1.0])\n"
          "        a.append(one.y[:, -1])\n"
          "        two = odeint(rhs, np.ones(9) * k, (0.0, 0.1))\n"
          "        b.append(two[-1])\n"
          "        four = solve_ivp(rhs, (0, 1), np.ones(9) * k, t_eval=[0.25, 0.5, 0.75, 1.0])\n"
          "        c.append(four.y[:, 1])\n"
          "        grid = solve_ivp(rhs, (0, 1), np.ones(9) * k, t_eval=t)\n"
          "        d.append(grid.y[:, -1])\n"
          "        dense = odeint(rhs, np.ones(9) * k, t)\n"
          "        e.append(dense[-1])\n"
          "        many = solve_ivp(rhs, (0, 1), np.ones(9) * k, t_eval=[*t, 1.0])\n"
          "        g.append(many.y[:, -1])\n"
          "    return a, b, c, d, e, g\n");
  hit(cur, "grid.y[:, -1]", VL_HIT_FRESH);
  hit(cur, "dense[-1]", VL_HIT_FRESH);
  hit(cur, "many.y[:, -1]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 3);
}

/* A helper whose loop keeps some pieces of a parameter is analysed again for a new array the caller
 * passes even when its ndim is not known exactly (a sum with an nn.Parameter of unknown ndim): the
 * caller's loop makes it anew, so the pieces kept are reported; a parameter the caller did not make
 * anew (made before its loop) stays silent */
static void loop_deferred_binds_new_array_of_open_ndim(void **state) {
  analyse(state,
          "import torch\n"
          "def keep(masks, scores):\n"
          "    out = []\n"
          "    for s, m in zip(scores.tolist(), masks.unbind(0)):\n"
          "        if s > 0.9:\n"
          "            out.append(m)\n"
          "    return out\n"
          "def run(bias, n):\n"
          "    kept = []\n"
          "    fixed = torch.randn(10, 8, 8) + bias\n"
          "    for i in range(n):\n"
          "        masks = torch.randn(10, 8, 8) + bias\n"
          "        kept.extend(keep(masks, torch.rand(10)))\n"
          "        kept.extend(keep(fixed, torch.rand(10)))\n"
          "    return kept\n");
  hit(cur, "m", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 1);
}

/* scikit-learn's pairwise metrics (rules/results.tsv): a new 2-D matrix; `unless` k@N on a function row
 * (pairwise_distances' metric@2): a metric by keyword or as a third positional argument is not described
 * (metric="precomputed" returns X itself); cosine_similarity's dense_output= likewise */
static void sklearn_pairwise_new_matrix(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from sklearn.metrics import pairwise_distances\n"
          "from sklearn.metrics.pairwise import cosine_similarity\n"
          "def f(a, b):\n"
          "    p1 = pairwise_distances(a, b)\n"
          "    p2 = pairwise_distances(a, metric='precomputed')\n"
          "    p3 = pairwise_distances(a, b, 'cosine')\n"
          "    c1 = cosine_similarity(a)\n"
          "    c2 = cosine_similarity(a, dense_output=False)\n");
  tl_assert_ndim(local("f", "p1"), 2);
  assert_int_equal(tl_count(local("f", "p2"), VL_O_ARRAY), 0);
  assert_int_equal(tl_count(local("f", "p3"), VL_O_ARRAY), 0);
  tl_assert_ndim(local("f", "c1"), 2);
  assert_int_equal(tl_count(local("f", "c2"), VL_O_ARRAY), 0);
}

/* Calling an interpolator (rules/results.tsv rows `<class>.__call__`, ndim `x-1+@2`): a new array of
 * xnew's ndim plus y's less one; of unknown ndim when either is not known (a parameter); a 1-D result
 * indexed by an int is a number; a method call `f.__call__(x)` alike.  RegularGridInterpolator(points,
 * values)(xi) (`x-1>=1+@2-#1`): max(xi.ndim - 1, 1) + values.ndim - len(points) axes; of unknown ndim
 * when values' ndim or the number of points is not known */
static void interpolator_call_new_array(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from scipy.interpolate import interp1d, CubicSpline, RegularGridInterpolator\n"
          "def f(y_any, x_any):\n"
          "    x = np.linspace(0, 1, 50)\n"
          "    y = np.zeros(50)\n"
          "    Y = np.zeros((4, 50))\n"
          "    g = np.zeros((8, 9))\n"
          "    v = np.zeros(7)\n"
          "    a1 = interp1d(x, y)(v)\n"
          "    a2 = interp1d(x, y, kind='cubic')(g)\n"
          "    a3 = interp1d(x, Y)(v)\n"
          "    a4 = CubicSpline(x, Y.T)(g)\n"
          "    fi = interp1d(x, y)\n"
          "    a5 = fi.__call__(g)\n"
          "    u1 = interp1d(x, y_any)(v)\n"
          "    u2 = interp1d(x, y)(x_any)\n"
          "    pts = np.zeros((7, 2))\n"
          "    r1 = RegularGridInterpolator((x, x), np.zeros((50, 50)))(pts)\n"
          "    r2 = RegularGridInterpolator([x, x], np.zeros((50, 50, 3)))(pts)\n"
          "    r3 = RegularGridInterpolator((x, x), np.zeros((50, 50)))(np.zeros(2))\n"
          "    r4 = RegularGridInterpolator((x, x), np.zeros((50, 50, 3)))(np.zeros((4, 5, 2)))\n"
          "    r5 = RegularGridInterpolator((x, x), y_any)(pts)\n"
          "    r6 = RegularGridInterpolator(x_any, np.zeros((50, 50)))(pts)\n"
          "    r7 = RegularGridInterpolator((x, x), np.zeros((50, 50)))(pts)[0]\n");
  tl_assert_ndim(local("f", "a1"), 1);
  tl_assert_ndim(local("f", "a2"), 2);
  tl_assert_ndim(local("f", "a3"), 2);
  tl_assert_ndim(local("f", "a4"), 3);
  tl_assert_ndim(local("f", "a5"), 2);
  assert_int_equal(only(local("f", "u1"))->nd.lo, 0);
  assert_int_equal(only(local("f", "u1"))->nd.hi, VL_ND_MAX);
  assert_int_equal(only(local("f", "u2"))->kind, VL_O_ARRAY);
  assert_int_equal(only(local("f", "u2"))->nd.hi, VL_ND_MAX);
  tl_assert_ndim(local("f", "r1"), 1);
  assert_false(only(local("f", "r1"))->view);
  tl_assert_ndim(local("f", "r2"), 2);
  tl_assert_ndim(local("f", "r3"), 1); /* one point: one row */
  tl_assert_ndim(local("f", "r4"), 3);
  assert_int_equal(only(local("f", "r5"))->nd.hi, VL_ND_MAX);
  assert_int_equal(only(local("f", "r6"))->nd.hi, VL_ND_MAX);
  assert_int_equal(tl_count(local("f", "r7"), VL_O_ARRAY), 0);
}

/* scipy.sparse.linalg.spsolve(A, b) (rules/results.tsv, ndim `1@2`) is a new array only when b is a
 * known array (1-D of a 1-D b, of unknown ndim of a 2-D one, which may be a column); a b of unknown
 * type (a sparse matrix gives a sparse result, whose slices copy) is not described.  splu(A).solve(b)
 * (`x-0`) is a new array shaped as b, of unknown ndim when b's is not known; cg gives (x, info), a
 * new 1-D x and an int (`u[info]` of the 1-D u is a number) */
static void spsolve_needs_array_rhs(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import scipy.sparse as sp\n"
          "from scipy.sparse.linalg import spsolve, splu, cg\n"
          "def f(A, n, rhs):\n"
          "    heads, sparse_heads, ints, windows, sols = [], [], [], [], []\n"
          "    lu = splu(A)\n"
          "    u = np.linspace(0.0, 1.0, 1000)\n"
          "    for _ in range(n):\n"
          "        du = spsolve(A, -np.exp(u))\n"
          "        heads.append(du[:4])\n"
          "        ints.append(du[0])\n"
          "        cols = spsolve(A, rhs)\n"
          "        sparse_heads.append(cols[:4])\n"
          "        u = lu.solve(u + du)\n"
          "        windows.append(u[:8])\n"
          "        x, info = cg(A, np.ones(1000))\n"
          "        sols.append(x[:2])\n"
          "        ints.append(u[info])\n"
          "    return heads, sparse_heads, ints, windows, sols\n");
  hit(cur, "du[:4]", VL_HIT_FRESH);
  hit(cur, "u[:8]", VL_HIT_REBOUND);
  hit(cur, "x[:2]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 3);
}

/* scipy.optimize has table rows (linear_sum_assignment), and its other functions are still described by
 * their result objects (rules/results.tsv): minimize(...).x and least_squares(...).x are new per call;
 * minimize's fun is a number, and linear_sum_assignment still reads its table row */
static void optimize_results_beside_table_rows(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import scipy.optimize\n"
          "from scipy.optimize import least_squares, minimize, linear_sum_assignment\n"
          "def f(loss, n, cost):\n"
          "    heads, tails, vals, pairs = [], [], [], []\n"
          "    for _ in range(n):\n"
          "        res = minimize(loss, np.zeros(1000))\n"
          "        heads.append(res.x[:4])\n"
          "        vals.append(res.fun)\n"
          "        fit = scipy.optimize.least_squares(loss, np.zeros(1000))\n"
          "        tails.append(fit.x[-6:])\n"
          "        rows, cols = linear_sum_assignment(np.random.rand(300, 300))\n"
          "        pairs.append(rows[:2])\n"
          "    return heads, tails, vals, pairs\n");
  hit(cur, "res.x[:4]", VL_HIT_FRESH);
  hit(cur, "fit.x[-6:]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2); /* (an assignment's indices are one side of a matrix: never reported) */
}

/* scipy.ndimage's filters and scipy.signal.lfilter make a new array of their input's ndim per call
 * (rules/overlay/scipy.tsv); with output= (ndimage returns that array) or zi= ((y, zf)) they are not
 * described */
static void scipy_filters_make_new_arrays(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from scipy import ndimage\n"
          "from scipy.signal import lfilter\n"
          "def f(n, buf, zi):\n"
          "    rows, tails = [], []\n"
          "    for _ in range(n):\n"
          "        img = np.random.rand(64, 64)\n"
          "        sm = ndimage.gaussian_filter(img, 2.0)\n"
          "        rows.append(sm[0])\n"
          "        into = ndimage.gaussian_filter(img, 2.0, output=buf)\n"
          "        rows.append(into[1])\n"
          "        y = lfilter([1.0], [1.0, -0.5], img[0])\n"
          "        tails.append(y[-4:])\n"
          "        y2, zi = lfilter([1.0], [1.0, -0.5], img[1], zi=zi)\n"
          "        tails.append(y2[-4:])\n"
          "    return rows, tails\n");
  hit(cur, "sm[0]", VL_HIT_FRESH);
  hit(cur, "y[-4:]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2);
}

/* default_collate(samples) called by the program (rules/overlay/torch.tsv: effect `collate`) is the
 * collate of the samples: per key of a dict sample and per item of a tuple one, a new tensor made at
 * the call, so a row of it kept per iteration pins the batch; the labels' numbers stay unknown */
static void default_collate_call_stacks(void **state) {
  analyse(state,
          "import torch\n"
          "from torch.utils.data import default_collate\n"
          "def f(n):\n"
          "    previews, rows, labels = [], [], []\n"
          "    for _ in range(n):\n"
          "        batch = default_collate([{'image': torch.rand(3, 8, 8), 'label': 1} for _ in range(4)])\n"
          "        previews.append(batch['image'][0])\n"
          "        labels.append(batch['label'])\n"
          "        feats, ys = default_collate([(torch.randn(16), k) for k in range(4)])\n"
          "        rows.append(feats[0])\n"
          "    return previews, rows, labels\n");
  hit(cur, "batch['image'][0]", VL_HIT_FRESH);
  hit(cur, "feats[0]", VL_HIT_FRESH);
  assert_int_equal(cur->nhits, 2);
}

/* A cache decorator is recognised by its rules/stdlib.tsv row, by the bare name imported from functools
 * too, called or not: `@lru_cache(maxsize=4)` and `@lru_cache` (128 entries) are bounded (a call with a
 * new key reaches the body), `@lru_cache(maxsize=None)` an unbounded memo (what it returns is kept by
 * the memo, reported there); another module's `cache` (joblib's `memory.cache`) is none of them */
static void cache_decorators_by_bare_name(void **state) {
  analyse(state,
          "from functools import lru_cache\n"
          "import numpy as np\n"
          "@lru_cache(maxsize=4)\n"
          "def head(path):\n"
          "    return np.load(path)[:8]\n"
          "@lru_cache\n"
          "def tail(path):\n"
          "    return np.load(path)[-8:]\n"
          "def f(paths):\n"
          "    a, b = [], []\n"
          "    for p in paths:\n"
          "        a.append(head(p))\n"
          "        b.append(tail(p))\n"
          "        a.append(head('ref.npy'))\n"
          "    return a, b\n");
  assert_non_null(tl_hit(cur, "head(p)"));
  assert_non_null(tl_hit(cur, "tail(p)"));
  assert_null(tl_hit(cur, "head('ref.npy')"));
}

/* A class first needed by the module's prepass (`MODEL = Encoder()` at the top level) sees the
 * imports bound before it: its base `nn.Module` is known, so calls of its instances, the global one
 * and one a function makes, are model calls whose outputs are new */
static void module_level_instance_knows_its_bases(void **state) {
  analyse(state,
          "import torch\n"
          "import torch.nn as nn\n"
          "class Encoder(nn.Module):\n"
          "    def forward(self, x):\n"
          "        return torch.tanh(x)\n"
          "MODEL = Encoder()\n"
          "def f(batches):\n"
          "    feats = []\n"
          "    for x in batches:\n"
          "        h = MODEL(x)\n"
          "        feats.append(h[:, 0])\n"
          "    return feats\n"
          "def g(batches):\n"
          "    m = Encoder()\n"
          "    feats = []\n"
          "    for x in batches:\n"
          "        h = m(x)\n"
          "        feats.append(h[:, 0])\n"
          "    return feats\n");
  assert_int_equal(cur->nhits, 2);
}

/* A functools cache that is no unbounded memo (bounded, or cleared somewhere): a call whose argument
 * varies with the loop reaches the body (a new key: a new result); with a fixed argument it may answer
 * with its one old entry, so the result stays unknown */
static void bounded_cache_call_with_new_key(void **state) {
  analyse(state,
          "import functools\n"
          "import numpy as np\n"
          "@functools.lru_cache(maxsize=16)\n"
          "def head(path):\n"
          "    return np.load(path)[:8]\n"
          "@functools.cache\n"
          "def row(i):\n"
          "    return np.ones((64, 64))[i]\n"
          "def reset():\n"
          "    row.cache_clear()\n"
          "def f(paths):\n"
          "    out, same, rows = [], [], {}\n"
          "    for p in paths:\n"
          "        out.append(head(p))\n"
          "        same.append(head('ref.npy'))\n"
          "    for i in range(10):\n"
          "        rows[i] = row(i)\n"
          "    return out, same, rows\n");
  assert_non_null(tl_hit(cur, "head(p)"));
  assert_null(tl_hit(cur, "head('ref.npy')"));
  assert_non_null(tl_hit(cur, "row(i)"));
  assert_int_equal(cur->nhits, 2);
}

static void peak_indices_are_ints(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from scipy.signal import find_peaks\n"
          "def f(clips, env_of):\n"
          "    rows, firsts, whole, typed = [], [], [], []\n"
          "    for clip in clips:\n"
          "        c = np.random.rand(8, 16, 16) + clip\n"
          "        peaks, _ = find_peaks(env_of(c))\n"
          "        for p in peaks:\n"
          "            rows.append(c[p])\n"
          "        whole.append(c[peaks])\n"
          "        for k in np.array([0, len(c) - 1]):\n"
          "            firsts.append(c[k])\n"
          "        for j in np.array([0, 1], dtype=float):\n"
          "            typed.append(c[j])\n"
          "    return rows, firsts, whole, typed\n"
          "def scenario():\n"
          "    return f([np.zeros((8, 4, 4))] * 3, lambda c: c.mean(axis=(1, 2)))\n");
  assert_non_null(tl_hit(cur, "c[p]"));
  assert_non_null(tl_hit(cur, "c[k]"));
  assert_null(tl_hit(cur, "c[peaks]"));
  assert_null(tl_hit(cur, "c[j]"));
}

/* `x += v` on an instance of a project class calls its __iadd__ (or __add__ without one) with v: a
 * recorder that appends what it is given stores the view, one that clones it does not, and an
 * instance without either dunder is left alone */
static void augmented_assignment_calls_iadd(void **state) {
  analyse(state,
          "import torch\n"
          "class Keep:\n"
          "    def __init__(self):\n"
          "        self.rows = []\n"
          "    def __iadd__(self, row):\n"
          "        self.rows.append(row)\n"
          "        return self\n"
          "class Cloned:\n"
          "    def __init__(self):\n"
          "        self.rows = []\n"
          "    def __iadd__(self, r):\n"
          "        self.rows.append(r.clone())\n"
          "        return self\n"
          "def run(steps):\n"
          "    keep, cloned = Keep(), Cloned()\n"
          "    for _ in range(steps):\n"
          "        logits = torch.randn(2, 64, 4000)\n"
          "        keep += logits[:, -1]\n"
          "        cloned += logits[:, -1]\n"
          "    return keep, cloned\n");
  assert_non_null(tl_hit(cur, "row"));
  assert_null(tl_hit(cur, "r.clone()"));
}

/* `obj[k] = v` on an instance of a project class defining __setitem__ calls it with (k, v): a store
 * that keeps what it is given stores the view, reported at the caller's `obj[k] = v` (where it reads as
 * a mapping's store); one that clones it does not; an instance of a dict subclass keeps the subscript
 * store as its own (reported where it is written) */
static void subscript_assignment_calls_setitem(void **state) {
  analyse(state,
          "import torch\n"
          "class Keep:\n"
          "    def __init__(self):\n"
          "        self._data = {}\n"
          "    def __setitem__(self, key, value):\n"
          "        self._data[key] = value\n"
          "class Cloned:\n"
          "    def __init__(self):\n"
          "        self._data = {}\n"
          "    def __setitem__(self, key, v):\n"
          "        self._data[key] = v.clone()\n"
          "class Sub(dict):\n"
          "    def __setitem__(self, key, w):\n"
          "        super().__setitem__(key, w)\n"
          "def run(steps):\n"
          "    keep, cloned, sub = Keep(), Cloned(), Sub()\n"
          "    for i in range(steps):\n"
          "        logits = torch.randn(2, 64, 4000)\n"
          "        keep[i] = logits[:, -1]\n"
          "        cloned[i] = logits[:, 1]\n"
          "        sub[i] = logits[:, 0]\n"
          "    return keep, cloned, sub\n");
  assert_non_null(tl_hit(cur, "logits[:, -1]"));
  assert_null(tl_hit(cur, "value"));
  assert_null(tl_hit(cur, "v.clone()"));
  assert_null(tl_hit(cur, "logits[:, 1]"));
  assert_non_null(tl_hit(cur, "logits[:, 0]"));
}

/* A binding in the other branch of an `if ... else` (or in a then block that returns) does not reach
 * a read: `if self.keys is None: self.keys = k` then `else: self.keys = torch.cat([self.keys, k])`
 * reads what the call began with, so the cache is carried from one call to the next (VL001); a local
 * cache in a loop likewise; an else branch made from other things stays made anew (VL002) */
static void branch_binding_does_not_reach_other_branch(void **state) {
  analyse(state,
          "import torch\n"
          "class Cache:\n"
          "    def __init__(self):\n"
          "        self.keys = None\n"
          "    def append(self, k):\n"
          "        if self.keys is None:\n"
          "            self.keys = k\n"
          "        else:\n"
          "            self.keys = torch.cat([self.keys, k], dim=2)\n"
          "class Early:\n"
          "    def __init__(self):\n"
          "        self.k = None\n"
          "    def append(self, k):\n"
          "        if self.k is None:\n"
          "            self.k = k\n"
          "            return\n"
          "        self.k = torch.cat([self.k, k], dim=2)\n"
          "class Window:\n"
          "    def __init__(self):\n"
          "        self.w = None\n"
          "    def append(self, k):\n"
          "        if self.w is None:\n"
          "            self.w = torch.cat([k, k], dim=2)\n"
          "        else:\n"
          "            self.w = k.repeat(1, 1, 4, 1)\n"
          "def run(steps):\n"
          "    c, e, w = Cache(), Early(), Window()\n"
          "    out, local = [], None\n"
          "    for _ in range(steps):\n"
          "        k = torch.randn(2, 8, 1, 64)\n"
          "        c.append(k)\n"
          "        e.append(k)\n"
          "        w.append(torch.randn(2, 8, 512, 64))\n"
          "        if local is None:\n"
          "            local = k\n"
          "        else:\n"
          "            local = torch.cat([local, k], dim=2)\n"
          "        out.append(c.keys[:, :, -1])\n"
          "        out.append(e.k[:, :, 0])\n"
          "        out.append(w.w[:, :, 0])\n"
          "        out.append(local[:, :, -1])\n"
          "    return out\n");
  assert_string_equal(hit(cur, "c.keys[:, :, -1]", VL_HIT_REBOUND)->base_name, "self.keys");
  assert_string_equal(hit(cur, "e.k[:, :, 0]", VL_HIT_REBOUND)->base_name, "self.k");
  hit(cur, "w.w[:, :, 0]", VL_HIT_FRESH);
  assert_string_equal(hit(cur, "local[:, :, -1]", VL_HIT_REBOUND)->base_name, "local");
}

/* itertools.accumulate of ints gives ints, itertools.pairwise pairs of its input's items: offsets
 * built so index a 2-D array by rows (views); of a 1-D array they give scalars */
static void accumulate_pairwise_offsets_are_ints(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from itertools import accumulate, pairwise\n"
          "def f(batches):\n"
          "    rows, vals = [], []\n"
          "    for sizes in batches:\n"
          "        t = np.random.rand(4096, 64)\n"
          "        s = np.random.rand(4096)\n"
          "        offs = [0, *accumulate(len(x) for x in sizes)]\n"
          "        for a, b in pairwise(offs):\n"
          "            rows.append(t[a])\n"
          "            vals.append(s[b])\n"
          "    return rows, vals\n");
  assert_non_null(tl_hit(cur, "t[a]"));
  assert_null(tl_hit(cur, "s[b]"));
}

/* A helper whose loop counter picks rows of an array it makes (`for i in range(k)`), called in a
 * caller's loop: a range of known length shorter than the axis's known size keeps a part (reported);
 * one as long as the axis, or a bound the helper cannot relate to it, may keep every row (silent). */
static void helper_range_counter_rows(void **state) {
  static const char *const loops[] = {"range(4)", "range(2, 6)", "range(48)", "range(k)"};
  for (int c = 0; c < 4; c++) {
    char src[512];
    snprintf(src, sizeof src,
             "import numpy as np\n"
             "def keep(out, seed, k):\n"
             "    h = np.random.rand(48, 4096)\n"
             "    for i in %s:\n"
             "        out.append(h[i])\n"
             "def f(n):\n"
             "    out = []\n"
             "    for s in range(n):\n"
             "        keep(out, s, 3)\n"
             "    return out\n",
             loops[c]);
    analyse(state, src);
    if (c < 2) assert_non_null(tl_hit(cur, "h[i]"));
    else assert_null(tl_hit(cur, "h[i]"));
  }
}

/* The same counter over an array whose size the helper is passed (`np.random.rand(n, 4096)`): the
 * helper cannot relate range(4) to n, its caller's literal can (VlSummary.size_deferred): a size of
 * 48 keeps a part, a size of 4 every row, a size the caller only passes on nothing known.  A method
 * called on an instance (analysed for its objects first) is analysed for the size too. */
static void helper_range_counter_size_passed(void **state) {
  static const char *const sizes[] = {"48", "4", "m"};
  for (int c = 0; c < 3; c++) {
    for (int method = 0; method < 2; method++) {
      char src[768];
      if (!method)
        snprintf(src, sizeof src,
                 "import numpy as np\n"
                 "def keep(out, seed, n):\n"
                 "    h = np.random.rand(n, 4096)\n"
                 "    for i in range(4):\n"
                 "        out.append(h[i])\n"
                 "def f(m):\n"
                 "    out = []\n"
                 "    for s in range(10):\n"
                 "        keep(out, s, %s)\n"
                 "    return out\n",
                 sizes[c]);
      else
        snprintf(src, sizeof src,
                 "import numpy as np\n"
                 "class Keep:\n"
                 "    def __init__(self):\n"
                 "        self.out = []\n"
                 "    def add(self, seed, n):\n"
                 "        h = np.random.rand(n, 4096)\n"
                 "        for i in range(4):\n"
                 "            self.out.append(h[i])\n"
                 "def f(m):\n"
                 "    k = Keep()\n"
                 "    for s in range(10):\n"
                 "        k.add(s, %s)\n"
                 "    return k.out\n",
                 sizes[c]);
      analyse(state, src);
      if (c == 0) assert_non_null(tl_hit(cur, "h[i]"));
      else assert_null(tl_hit(cur, "h[i]"));
    }
  }
}

/* The same helper's loop over a bound it cannot relate to the axis (`range(k)`, `enumerate(xs)`),
 * storing under an if that tests values (`if s[i] > t:`), picks some rows: a part, reported to the
 * caller's loop; under an if that tests only presence (`is not None`) it may keep every row (silent). */
static void helper_counter_rows_under_value_test(void **state) {
  static const char *const tests[] = {"for i in range(k):\n        if s[i] > 0.9:",
                                      "for i, x in enumerate(xs):\n        if s[i] > 0.9:",
                                      "for i in range(k):\n        if h[i] is not None:",
                                      "for i, x in enumerate(xs):\n        if x is not None:"};
  for (int c = 0; c < 4; c++) {
    char src[512];
    snprintf(src, sizeof src,
             "import numpy as np\n"
             "def keep(out, xs, k):\n"
             "    h = np.random.rand(48, 4096)\n"
             "    s = np.random.rand(48)\n"
             "    %s\n"
             "            out.append(h[i])\n"
             "def f(n, xs):\n"
             "    out = []\n"
             "    for _ in range(n):\n"
             "        keep(out, xs, 48)\n"
             "    return out\n",
             tests[c]);
    analyse(state, src);
    if (c < 2) assert_non_null(tl_hit(cur, "h[i]"));
    else assert_null(tl_hit(cur, "h[i]"));
  }
}

/* An nn.Sequential of library layers alone returns a new tensor of the ndim its layers' rows give in
 * turn (nn.Linear, nn.ReLU keep their input's): `z[0]` of the NumPy array on a 2-D output is a row,
 * a view; of a 1-D output a NumPy scalar, a copy.  A layer of no such row (nn.Flatten) leaves the
 * ndim unknown, and `z[0]` undecided (silent). */
static void sequential_of_library_layers_keeps_ndim(void **state) {
  static const char *const cases[] = {"nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 8)|torch.randn(256, 64)",
                                      "nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 8)|torch.randn(64)",
                                      "nn.Linear(64, 64), nn.Flatten()|torch.randn(256, 64)"};
  for (int c = 0; c < 3; c++) {
    char layers[128], input[64], src[640];
    const char *bar = strchr(cases[c], '|');
    snprintf(layers, sizeof layers, "%.*s", (int)(bar - cases[c]), cases[c]);
    snprintf(input, sizeof input, "%s", bar + 1);
    snprintf(src, sizeof src,
             "import torch\n"
             "import torch.nn as nn\n"
             "def f(n):\n"
             "    head = nn.Sequential(%s)\n"
             "    kept = []\n"
             "    for _ in range(n):\n"
             "        z = head(%s).detach().numpy()\n"
             "        kept.append(z[0])\n"
             "    return kept\n",
             layers, input);
    analyse(state, src);
    if (c == 0) assert_non_null(tl_hit(cur, "z[0]"));
    else assert_null(tl_hit(cur, "z[0]"));
  }
}

/* SciPy's nonlinear root finders call callback= with a new iterate each iteration: the functions, and
 * root() with a nonlinear method= given as a string; root's default (hybr) and 'lm' never call it. */
static void root_finder_callbacks(void **state) {
  static const char *const calls[] = {"newton_krylov(fun, x0, callback=cb)", "broyden1(fun, x0, callback=cb)",
                                      "root(fun, x0, method='krylov', callback=cb)", "root(fun, x0, callback=cb)",
                                      "root(fun, x0, method='lm', callback=cb)"};
  for (int c = 0; c < 5; c++) {
    char src[512];
    snprintf(src, sizeof src,
             "import numpy as np\n"
             "from scipy.optimize import newton_krylov, broyden1, root\n"
             "def f(fun, x0):\n"
             "    heads = []\n"
             "    def cb(x, r):\n"
             "        heads.append(x[:8])\n"
             "    %s\n"
             "    return heads\n",
             calls[c]);
    analyse(state, src);
    if (c < 3) assert_non_null(tl_hit(cur, "x[:8]"));
    else assert_null(tl_hit(cur, "x[:8]"));
  }
}

/* A list returned that gathers every item of a local list (`[a[i] for i in np.argsort(keys)]` of keys
 * filled with it, `[a[i] for i in np.argsort(order)]` of a sort order, `[x for x in b]`) keeps what
 * that list holds: its views outlive the call.  A gather of a few (`np.argsort(s)[:3]`), through a
 * filter, or by the argsort of what may be shorter (a parameter's, a list filled elsewhere) does not. */
static void regathered_list_outlives(void **state) {
  static const char *const gathers[] = {"[a[i] for i in np.argsort(keys)]", "[x for x in a]",
                                        "[a[i] for i in range(len(a))]", "[a[i] for i in np.argsort(order)]",
                                        "[a[i] for i in keys.argsort()]",
                                        "[a[i] for i in np.argsort(keys)[:3]]", "[x for x in a if x[0, 0] > 3]",
                                        "[a[i].copy() for i in np.argsort(keys)]", "[a[i] for i in np.argsort(p)]",
                                        "[a[i] for i in np.argsort(other)]"};
  for (int k = 0; k < 10; k++) {
    char src[768];
    snprintf(src, sizeof src,
             "import numpy as np\n"
             "def f(p):\n"
             "    a, keys, other = [], [], [1.0]\n"
             "    for _ in range(8):\n"
             "        h = np.random.rand(64, 128, 8)\n"
             "        a.append(h[:, 0])\n"
             "        keys.append(float(h[0, 0, 0]))\n"
             "    for _ in range(8):\n"
             "        other.append(2.0)\n"
             "    order = np.argsort(p)\n"
             "    return %s\n",
             gathers[k]);
    analyse(state, src);
    if (k < 5) assert_non_null(tl_hit(cur, "h[:, 0]"));
    else assert_null(tl_hit(cur, "h[:, 0]"));
  }
}

/* Four gathers in one function, each of its own list of a column of a 128-column array: each keeps
 * its column of every array.  (Columns 0..3 of one array stored together are not its whole width
 * when its shape says it has 128: retain.c: pieces_show_all.) */
static void four_gathers_in_one_function(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def f(p):\n"
          "    a, b, c, d, keys = [], [], [], [], []\n"
          "    for _ in range(8):\n"
          "        h = np.random.rand(64, 128, 8)\n"
          "        a.append(h[:, 0])\n"
          "        b.append(h[:, 1])\n"
          "        c.append(h[:, 2])\n"
          "        d.append(h[:, 3])\n"
          "        keys.append(float(h[0, 0, 0]))\n"
          "    order = np.argsort(keys)\n"
          "    return ([a[i] for i in np.argsort(keys)], [x for x in b], [c[i] for i in range(len(c))],\n"
          "            [d[i] for i in np.argsort(order)])\n");
  assert_non_null(tl_hit(cur, "h[:, 0]"));
  assert_non_null(tl_hit(cur, "h[:, 1]"));
  assert_non_null(tl_hit(cur, "h[:, 2]"));
  assert_non_null(tl_hit(cur, "h[:, 3]"));
}

/* Columns 0..k-1 stored in three or more pieces are the whole width only where the width is not known
 * (a record's fields); of an array known to be 4 wide they are, of one 128 wide they are not. */
static void literal_columns_against_known_width(void **state) {
  for (int wide = 0; wide < 2; wide++) {
    char src[512];
    snprintf(src, sizeof src,
             "import numpy as np\n"
             "def f():\n"
             "    a, b, c, d = [], [], [], []\n"
             "    for _ in range(8):\n"
             "        h = np.random.rand(64, %d)\n"
             "        a.append(h[:, 0])\n"
             "        b.append(h[:, 1])\n"
             "        c.append(h[:, 2])\n"
             "        d.append(h[:, 3])\n"
             "    return a, b, c, d\n",
             wide ? 128 : 4);
    analyse(state, src);
    if (wide) assert_non_null(tl_hit(cur, "h[:, 0]"));
    else assert_null(tl_hit(cur, "h[:, 0]"));
  }
}

/* collections.OrderedDict(k=v, ...) holds what dict(k=v, ...) holds: a view under
 * a key, read back by a method its caller's loop calls, pins the frame; a copy of the view does not. */
static void ordereddict_holds_its_arguments(void **state) {
  analyse(state,
          "import numpy as np\n"
          "from collections import OrderedDict\n"
          "class Rec:\n"
          "    def __init__(self):\n"
          "        self.views, self.copies = [], []\n"
          "    def record(self, obs):\n"
          "        self.views.append(obs['pixels'][::4, ::4])\n"
          "        self.copies.append(obs['state'][::4, ::4].copy())\n"
          "def run(rec):\n"
          "    for _ in range(8):\n"
          "        f = np.random.rand(64, 64, 3)\n"
          "        rec.record(OrderedDict(pixels=f, state=f + 1))\n"
          "    return rec\n"
          "def scenario():\n"
          "    return run(Rec())\n");
  assert_non_null(tl_hit(cur, "obs['pixels'][::4, ::4]"));
  assert_null(tl_hit(cur, "obs['state'][::4, ::4].copy()"));
}

/* types.SimpleNamespace(k=v) is a record of its keywords: a view given as one is read back by name
 * and kept with the record; a copy given is not a view.  itertools.starmap(f, pairs) calls f on each
 * pair's items, its results new at each step. */
static void simple_namespace_and_starmap(void **state) {
  analyse(state,
          "import types\n"
          "import itertools\n"
          "import numpy as np\n"
          "def enc(off, x):\n"
          "    return off, x @ x.T\n"
          "def run():\n"
          "    recs, kept = [], []\n"
          "    for _ in range(8):\n"
          "        h = np.random.rand(16, 32)\n"
          "        out = types.SimpleNamespace(hidden=h, n=16)\n"
          "        recs.append(types.SimpleNamespace(v=out.hidden[0], c=h[1].copy()))\n"
          "    pairs = [(k, np.random.rand(8, 8)) for k in range(8)]\n"
          "    for off, g in itertools.starmap(enc, pairs):\n"
          "        kept.append(g[0])\n"
          "    return recs, kept\n"
          "def scenario():\n"
          "    return run()\n");
  assert_non_null(tl_hit(cur, "out.hidden[0]"));
  assert_null(tl_hit(cur, "h[1].copy()"));
  /* g is an 8x8 product of known sizes: its row is exactly an eighth, a part (the oracle: 10.4x what it
   * shows, kept per step; exact_eighth_is_a_part) */
  assert_non_null(tl_hit(cur, "g[0]"));
}

/* An object's depth is what it holds now: a result of a closure's chain of deferred operations,
 * resolved at a map() step, was copied with the deferred symbol's depth, and the tuple of it in the
 * iterator passed the depth bound, so what map handed out was unknown. */
static void resolved_result_keeps_no_stale_depth(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Tower:\n"
          "    def __call__(self, x):\n"
          "        return x @ x.T, x.sum(axis=1)\n"
          "def run():\n"
          "    tower = Tower()\n"
          "    kept = []\n"
          "    def encode(x):\n"
          "        f, s = tower(x)\n"
          "        s = (s - s.mean()) / s.std()\n"
          "        return f, s\n"
          "    xs = [np.random.rand(64, 8) for _ in range(8)]\n"
          "    for f, s in map(encode, xs):\n"
          "        kept.append(f[0])\n"
          "    return kept\n"
          "def scenario():\n"
          "    return run()\n");
  assert_non_null(tl_hit(cur, "f[0]"));
}

/* A display stored whole (a dict or tuple) holding an index computed from a parameter is decided by
 * each caller, as the index stored alone is (VlSummary.loop_deferred): the caller's int makes a row of
 * a 4-D clip, a view; the same index of a 1-D score vector is a scalar. */
static void display_holding_param_index(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def run(paths, k=16):\n"
          "    out, pairs = {}, []\n"
          "    for p in paths:\n"
          "        frames = np.random.rand(16, 8, 8, 3)\n"
          "        scores = frames.mean(axis=(1, 2, 3))\n"
          "        out[p] = {'poster': frames[k // 2], 'score': scores[k // 2]}\n"
          "        pairs.append((p, frames[k]))\n"
          "    return out, pairs\n"
          "def scenario():\n"
          "    return run(['a', 'b'])\n");
  assert_non_null(tl_hit(cur, "frames[k // 2]"));
  assert_non_null(tl_hit(cur, "frames[k]"));
  assert_null(tl_hit(cur, "scores[k // 2]"));
}

/* scikit-learn estimators (rules/sklearn.tsv): PCA's fit_transform is a new array per call; a pipeline
 * gives its last step's; StandardScaler(copy=False) hands its input back; OneHotEncoder's result is
 * sparse, a copy="maybe" scaler or a 'passthrough' last step are not described: unknown, silent. */
/* pandas frames (ops.c: pd_inst): to_numpy() and .values are the frame's storage, new per call of a
 * reader or a copying method; a frame made before the loop, or around an array made there, is not. */
static void pandas_frame_storage(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import pandas as pd\n"
          "def run(paths, table, arr, cols):\n"
          "    a, b, c, d, e, f, g, h = [], [], [], [], [], [], [], []\n"
          "    df = pd.read_csv(paths[0])\n"
          "    for p in paths:\n"
          "        xa = pd.read_csv(p).to_numpy()\n"
          "        a.append(xa[:4])\n"
          "        xb = df.to_numpy()\n"
          "        b.append(xb[:4])\n"
          "        xc = df[['u', 'v']].values\n"
          "        c.append(xc[:4])\n"
          "        xd = pd.DataFrame(arr).values\n"
          "        d.append(xd[:4])\n"
          "        xe = df.to_numpy(dtype=np.float32)\n"
          "        e.append(xe[:4])\n"
          "        xf = np.asarray(df.iloc[:100])\n"
          "        f.append(xf[:4])\n"
          "    for k, grp in table.groupby('id'):\n"
          "        g.append(grp.to_numpy()[:4])\n"
          "        h.append(grp[['u', 'v']].to_numpy()[:4])\n"
          "    for chunk in pd.read_csv(paths[0], chunksize=100):\n"
          "        h.append(chunk.values[:2])\n"
          "    return a, b, c, d, e, f, g, h\n"
          "def scenario():\n"
          "    return run(['a.csv'], pd.read_csv('b.csv'), np.zeros((100, 4)), ['u'])\n");
  assert_non_null(tl_hit(cur, "xa[:4]"));                      /* a new frame per file */
  assert_null(tl_hit(cur, "xb[:4]"));                          /* the frame read before the loop */
  assert_non_null(tl_hit(cur, "xc[:4]"));                      /* df[list] copies at every call */
  assert_null(tl_hit(cur, "xd[:4]"));                          /* shares arr, made before the loop */
  assert_null(tl_hit(cur, "xe[:4]"));                          /* a copy or a view by dtype: unknown */
  assert_null(tl_hit(cur, "xf[:4]"));                          /* a view of df's block */
  assert_null(tl_hit(cur, "grp.to_numpy()[:4]"));              /* a group's storage is not known */
  assert_non_null(tl_hit(cur, "grp[['u', 'v']].to_numpy()[:4]"));/* a copy of its columns per group */
  assert_non_null(tl_hit(cur, "chunk.values[:2]"));            /* a new frame per chunk */
}

/* pandas rows (ops.c: pd_one_block, pandas_getitem): pd.DataFrame(a) of an ndarray is one block, and
 * .iloc of it indexes that block as NumPy does, so a row or a slice of a frame made per step is a view
 * of part of it; a frame whose columns change, that escapes the function, or of unknown dtypes (a
 * reader's) is not known to be one block: its row may be a copy, and stays silent. */
static void pandas_one_block_rows(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import pandas as pd\n"
          "def add(frame):\n"
          "    frame['k'] = 1.0\n"
          "def run(paths, n):\n"
          "    a, b, c, d, e, f, g, h = [], [], [], [], [], [], [], []\n"
          "    for p in paths:\n"
          "        da = pd.DataFrame(np.random.rand(n, 8))\n"
          "        a.append(da.iloc[-1].to_numpy())\n"
          "        db = pd.DataFrame(np.random.rand(n, 8), columns=list('abcdefgh'))\n"
          "        b.append(db.iloc[:5].values)\n"
          "        dc = pd.DataFrame(np.random.rand(n, 8))\n"
          "        dc['y'] = 0\n"
          "        c.append(dc.iloc[0].to_numpy())\n"
          "        dd = pd.DataFrame(np.random.rand(n, 8))\n"
          "        add(dd)\n"
          "        d.append(dd.iloc[0].values)\n"
          "        de = pd.read_csv(p)\n"
          "        e.append(de.iloc[0].to_numpy())\n"
          "        df = pd.DataFrame(np.random.rand(n, 8))\n"
          "        f.append(df.iloc[[0, 1]].to_numpy())\n"
          "        dg = pd.DataFrame(np.random.rand(n, 8))\n"
          "        g.append(dg.iloc[0, 2:].to_numpy())\n"
          "        dh = pd.DataFrame(np.random.rand(n, 8))\n"
          "        dh.iloc[0] = 'x'\n"
          "        h.append(dh.iloc[1].to_numpy())\n"
          "    return a, b, c, d, e, f, g, h\n"
          "def scenario():\n"
          "    return run(['a.csv'], 100)\n");
  assert_non_null(tl_hit(cur, "da.iloc[-1]"));  /* a row of a frame of one block */
  assert_non_null(tl_hit(cur, "db.iloc[:5]"));  /* rows of it */
  assert_null(tl_hit(cur, "dc.iloc[0]"));       /* a column added: two blocks, the row a copy */
  assert_null(tl_hit(cur, "dd.iloc[0]"));       /* passed to code that may add one */
  assert_null(tl_hit(cur, "de.iloc[0]"));       /* a reader's frame: dtypes not known */
  assert_null(tl_hit(cur, "df.iloc[[0, 1]]"));  /* a list of rows: a copy */
  assert_non_null(tl_hit(cur, "dg.iloc[0, 2:]"));/* part of a row */
  assert_null(tl_hit(cur, "dh.iloc[1]"));       /* written through .iloc: may change its blocks */
}

static void sklearn_estimator_results(void **state) {
  analyse(state,
          "import numpy as np\n"
          "import sklearn.decomposition\n"
          "from sklearn.decomposition import PCA\n"
          "from sklearn.pipeline import make_pipeline, Pipeline\n"
          "from sklearn.preprocessing import StandardScaler, OneHotEncoder, Normalizer, FunctionTransformer\n"
          "def run(n, copy):\n"
          "    a, b, c, d, e, f, g, h, k = [], [], [], [], [], [], [], [], []\n"
          "    for i in range(n):\n"
          "        x = np.random.rand(64, 8)\n"
          "        y = np.random.rand(64, 8)\n"
          "        p = PCA(4).fit(x)\n"
          "        za = p.transform(y[:4])\n"
          "        a.append(za[:2])\n"
          "        zb = make_pipeline(StandardScaler(), PCA(2)).fit_transform(y)\n"
          "        b.append(zb[:2])\n"
          "        zc = Pipeline([('s', StandardScaler()), ('p', sklearn.decomposition.PCA(2))]).fit_transform(y)\n"
          "        c.append(zc[:2])\n"
          "        zd = StandardScaler(copy=False).fit_transform(x)\n"
          "        d.append(zd[:2])\n"
          "        ze = OneHotEncoder().fit_transform(y)\n"
          "        e.append(ze[:2])\n"
          "        zf = StandardScaler(copy=copy).fit_transform(y)\n"
          "        f.append(zf[:2])\n"
          "        zg = make_pipeline(PCA(2), 'passthrough').fit_transform(y)\n"
          "        g.append(zg[:2])\n"
          "        zh = Normalizer().fit_transform(y.tolist())\n"
          "        h.append(zh[:2])\n"
          "        zk = FunctionTransformer(np.log1p).fit_transform(x)\n"
          "        k.append(zk[:2])\n"
          "        zl = StandardScaler().fit(x).inverse_transform([y[0]])\n"
          "        k.append(zl[0])\n"
          "    return a, b, c, d, e, f, g, h, k\n"
          "def scenario():\n"
          "    return run(3, False)\n");
  assert_non_null(tl_hit(cur, "za[:2]"));
  assert_non_null(tl_hit(cur, "zb[:2]"));
  assert_non_null(tl_hit(cur, "zc[:2]"));
  assert_non_null(tl_hit(cur, "zd[:2]")); /* x itself, new per step */
  assert_null(tl_hit(cur, "ze[:2]"));     /* sparse */
  assert_null(tl_hit(cur, "zf[:2]"));     /* copy= not a literal */
  assert_null(tl_hit(cur, "zg[:2]"));     /* 'passthrough' */
  assert_null(tl_hit(cur, "zh[:2]"));     /* new-dense of a list: unknown */
  assert_null(tl_hit(cur, "zk[:2]"));     /* FunctionTransformer(func): not described */
  assert_null(tl_hit(cur, "zl[0]"));      /* one sample in, one row out: zl[0] is all of zl */
}

/* A view of an array a method makes anew at each call (`dets[mask]`), handed to a track the method
 * stores where its caller sees it, is the caller's loop's to judge (analysis.c: own_per_call): each
 * call pins its own array.  A buffer the method keeps on self (made once) and a copy stay silent. */
static void stored_track_holds_view_of_per_call_array(void **state) {
  analyse(state,
          "import numpy as np\n"
          "class Track:\n"
          "    def __init__(self):\n"
          "        self.boxes = []\n"
          "    def add(self, det):\n"
          "        self.boxes.append(det[:4])\n"
          "    def add_copy(self, det):\n"
          "        self.boxes.append(det[:2].copy())\n"
          "class Tracker:\n"
          "    def __init__(self):\n"
          "        self.tracks = []\n"
          "        self.buf = None\n"
          "    def step(self, dets):\n"
          "        high = dets[dets[:, 4] > 0.5]\n"
          "        t = Track()\n"
          "        t.add(high[0])\n"
          "        t.add_copy(high[0])\n"
          "        self.tracks.append(t)\n"
          "def scenario():\n"
          "    tr = Tracker()\n"
          "    for _ in range(8):\n"
          "        tr.step(np.random.rand(300, 64))\n"
          "    return tr\n");
  assert_non_null(tl_hit(cur, "det[:4]"));
  assert_null(tl_hit(cur, "det[:2].copy()"));
  analyse(state,
          "import numpy as np\n"
          "class Track:\n"
          "    def __init__(self):\n"
          "        self.boxes = []\n"
          "    def add(self, det):\n"
          "        self.boxes.append(det[:4])\n"
          "class Tracker:\n"
          "    def __init__(self):\n"
          "        self.tracks = []\n"
          "        self.buf = None\n"
          "    def step(self, dets):\n"
          "        if self.buf is None:\n"
          "            self.buf = np.zeros((300, 64))\n"
          "        self.buf[:] = dets\n"
          "        t = Track()\n"
          "        t.add(self.buf[0])\n"
          "        self.tracks.append(t)\n"
          "def scenario():\n"
          "    tr = Tracker()\n"
          "    for _ in range(8):\n"
          "        tr.step(np.random.rand(300, 64))\n"
          "    return tr\n");
  assert_null(tl_hit(cur, "det[:4]"));
}

/* An accepted state bound item by item (`theta, lp = proposal, lp_new`) aliases the name it takes, as
 * `y = y_new` does: the proposal is made from the old state, so the chain carries it (VL001); a new
 * batch bound by a tuple assignment is made anew (VL002). */
static void tuple_accept_carries_state(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def run(theta, n):\n"
          "    rng = np.random.default_rng(0)\n"
          "    lp, trace, firsts = 0.0, [], []\n"
          "    for _ in range(n):\n"
          "        proposal = theta + rng.standard_normal(theta.shape[0])\n"
          "        if rng.uniform() < 0.5:\n"
          "            theta, lp = proposal, lp + 1.0\n"
          "        trace.append(theta[:3])\n"
          "        bx = rng.standard_normal((64, 3, 32, 32))\n"
          "        by = rng.integers(0, 2, 64)\n"
          "        xs, ys = bx, by\n"
          "        firsts.append(xs[0])\n"
          "    return trace, firsts\n"
          "def scenario():\n"
          "    return run(np.zeros(1000), 10)\n");
  hit(cur, "theta[:3]", VL_HIT_REBOUND);
  hit(cur, "xs[0]", VL_HIT_FRESH);
}

/* What a callee makes in each iteration of its `for` loop is many objects, one per iteration
 * (summary.c: reloc marks them listed): a caller's loop that takes them one at a time, from the list
 * the callee returns or through a queue its thread's run() fills (`self.start()` in __init__), sees a
 * new one at each step; the rows of one array the callee made in its loop share its base.  A step of
 * a generator expression L runs (`zip(*(load(i) for i in idx))`) is new in every iteration of L, and
 * `itertools.compress(data, mask)` hands out some of data's items. */
static void callee_loop_objects_one_per_step(void **state) {
  analyse(state,
          "import numpy as np, queue, threading, itertools\n"
          "def read_all(n):\n"
          "    out = []\n"
          "    for i in range(n):\n"
          "        out.append(np.zeros((64, 4096)))\n"
          "    return out\n"
          "def last_state(n):\n"
          "    s = np.zeros((512, 512))\n"
          "    for _ in range(n):\n"
          "        s = s + 1.0\n"
          "    return s\n"
          "class Prefetch(threading.Thread):\n"
          "    def __init__(self, gen):\n"
          "        threading.Thread.__init__(self)\n"
          "        self.q = queue.Queue(2)\n"
          "        self.gen = gen\n"
          "        self.start()\n"
          "    def run(self):\n"
          "        for item in self.gen:\n"
          "            self.q.put(item)\n"
          "        self.q.put(None)\n"
          "    def __iter__(self):\n"
          "        return self\n"
          "    def __next__(self):\n"
          "        item = self.q.get()\n"
          "        if item is None:\n"
          "            raise StopIteration\n"
          "        return item\n"
          "def batches(n):\n"
          "    for _ in range(n):\n"
          "        yield np.zeros((32, 3, 64, 64))\n"
          "def load(i):\n"
          "    return np.zeros((3, 320, 320))[:, :64, :64], i\n"
          "def scenario():\n"
          "    a, b, c, d = [], [], [], []\n"
          "    for x in read_all(10):\n"
          "        a.append(x[0])\n"
          "    for i, row in enumerate(last_state(10)):\n"
          "        b.append(row)\n"
          "    for images in Prefetch(batches(10)):\n"
          "        c.append(images[0, :, ::4, ::4])\n"
          "    for s in range(0, 64, 8):\n"
          "        crops, ids = zip(*(load(i) for i in range(s, s + 8)))\n"
          "        d.extend(itertools.compress(crops, [1, 0] * 4))\n"
          "    return a, b, c, d\n");
  hit(cur, "x[0]", VL_HIT_FRESH);
  assert_null(tl_hit(cur, "row"));
  hit(cur, "images[0, :, ::4, ::4]", VL_HIT_FRESH);
  hit(cur, "itertools.compress(crops, [1, 0] * 4)", VL_HIT_FRESH);
}

/* The objects a callee makes in each iteration of its comprehension's clause (`return [load(i) for i
 * in ...]`), or of a `while` loop when made from nothing tracked (`ret, frame = cap.read()`), are new
 * at each step of a caller's loop over them; a `while` loop's iterates computed from the last (de
 * Casteljau's history) are not. */
static void callee_comprehension_and_while_objects_one_per_step(void **state) {
  analyse(state,
          "import numpy as np\n"
          "def load(i):\n"
          "    return np.zeros((16, 112, 112))\n"
          "def load_all(n):\n"
          "    return [load(i) for i in range(n)]\n"
          "class Cap:\n"
          "    def __init__(self):\n"
          "        self.left = 10\n"
          "    def read(self):\n"
          "        self.left -= 1\n"
          "        return self.left > 0, np.zeros((240, 320))\n"
          "def read_frames():\n"
          "    cap = Cap()\n"
          "    frames = []\n"
          "    while True:\n"
          "        ret, frame = cap.read()\n"
          "        if not ret:\n"
          "            break\n"
          "        frames.append(frame)\n"
          "    return frames\n"
          "def history():\n"
          "    beta = np.ones((64, 2))\n"
          "    out = []\n"
          "    while len(beta) > 1:\n"
          "        beta = 0.5 * (beta[:-1] + beta[1:])\n"
          "        out.append(beta)\n"
          "    return out\n"
          "def scenario():\n"
          "    a, b, c = [], [], []\n"
          "    for clip in load_all(10):\n"
          "        a.append(clip[0, ::4, ::4])\n"
          "    for frame in read_frames():\n"
          "        b.append(frame[::8, ::8])\n"
          "    for level in history():\n"
          "        c.append(level[0])\n"
          "    return a, b, c\n");
  hit(cur, "clip[0, ::4, ::4]", VL_HIT_FRESH);
  hit(cur, "frame[::8, ::8]", VL_HIT_FRESH);
  assert_null(tl_hit(cur, "level[0]"));
}

/* The compact line table every imported module keeps (program.h): each byte's row, as a table of
 * line starts gives it, over short lines, lines of 254 to 256 bytes, long ones in a row, and
 * empty ones, across the table's marks (every 32 lines). */
static void modinfo_rows_match_line_starts(void **state) {
  (void)state;
  VlBuf text = {0};
  uint32_t starts[400], n = 0;
  for (uint32_t r = 0; r < 300; r++) {
    starts[n++] = (uint32_t)text.len;
    uint32_t len = (r * 37) % 7 == 0 ? 253 + r % 5 : (r % 11 == 0 ? 1000 : (r * 13) % 90);
    if (r % 50 == 7) len = 0;
    for (uint32_t k = 0; k < len; k++) vl_buf_append(&text, "x", 1);
    vl_buf_append(&text, "\n", 1);
  }
  VlModInfo mi = {0};
  mi.facts = vl_arena_new();
  vl_modinfo_set_rows(&mi, starts, n, (uint32_t)text.len);
  for (uint32_t b = 0; b <= text.len; b++) {
    uint32_t want = 0;
    while (want + 1 < n && starts[want + 1] <= b) want++;
    if (vl_modinfo_row(&mi, b) != want) fail_msg("byte %u: row %u, expected %u", b, vl_modinfo_row(&mi, b), want);
  }
  VlModInfo empty = {0};
  empty.facts = mi.facts;
  vl_modinfo_set_rows(&empty, NULL, 0, 0);
  assert_int_equal(vl_modinfo_row(&empty, 5), 0);
  vl_arena_delete(mi.facts);
  vl_buf_free(&text);
}

int main(void) {
#define T(f) cmocka_unit_test_teardown(f, tl_teardown)
  const struct CMUnitTest tests[] = {
      T(modinfo_rows_match_line_starts),
      T(sklearn_estimator_results),
      T(pandas_frame_storage),
      T(pandas_one_block_rows),
      T(callee_display_element_view),
      T(param_index_of_array_made_here),
      T(dataloader_unbatched_items),
      T(dataloader_unbatched_iterable),
      T(named_return_type_fields),
      T(categorical_distribution_fields),
      T(loss_reduction_none),
      /* ndim */
      T(ndim_randn_args),
      T(ndim_unbind_pieces),
      T(ndim_zeros_literal_int),
      T(ndim_zeros_int_variable),
      T(ndim_zeros_tuple),
      T(constant_int_arithmetic),
      T(none_tests_decided),
      T(unit_batch_through_flatten),
      T(ndim_parameter_defaults),
      T(ndim_array_of_python_data),
      T(ndim_unknown_shape_argument),
      T(ndim_rng_methods),
      T(ndim_more_producers),
      T(ndim_arithmetic_and_views),
      T(ndim_delete_with_axis_keeps),
      T(ndim_delete_without_axis_flattens),
      T(ndim_append_without_axis_flattens),
      T(ndim_permutation),
      T(ndim_randint_size),
      T(ndim_evidence_tuple_index),
      T(ndim_evidence_tuple_index_int_first),
      T(ndim_evidence_shape),
      T(ndim_evidence_shape_2),
      T(ndim_evidence_axis_function),
      T(ndim_evidence_axis_method),
      T(ndim_evidence_after_the_use),
      T(ndim_no_evidence),
      T(dataclass_default_factory_fields),
      T(hook_registered_by_base_method),
      T(string_test_decided_by_call),
      T(hook_registered_through_partial),
      T(hook_unwraps_tuple_output),
      T(itemgetter_index_and_library_partial),
      T(module_list_is_list_of_modules),
      T(module_walks_give_held_modules),
      T(namedtuple_keywords_and_fields),
      T(kwargs_dict_of_keywords),
      T(dict_of_generator_pairs),
      T(table_key_decided_by_call),
      T(string_default_decides),
      T(ndim_evidence_attribute),
      T(ndim_no_attribute_evidence),
      T(ndim_method_argument_gets_no_axis_evidence),
      /* ints and scalars */
      T(int_inference),
      T(int_argmin_axis_is_array),
      T(int_mixed_bindings_not_int),
      T(more_ints_and_scalars),
      T(int_index_from_shape_loop),
      /* views and copies */
      T(view_int_index_2d),
      T(element_int_index_1d),
      T(element_float_1d),
      T(element_all_indices_2d),
      T(view_slice_1d),
      T(view_slice_and_int_3d),
      T(view_ellipsis),
      T(view_newaxis),
      T(copy_list_index),
      T(copy_mask_index),
      T(copy_index_array),
      T(copy_mixed_advanced),
      T(view_reshape),
      T(view_np_reshape),
      T(view_as_strided_ndim_from_shape),
    T(view_ravel),
      T(view_reshape_of_leading_rows),
      T(reshape_of_column_not_a_view),
      T(reshape_of_permuted_whole_view),
      T(meshgrid_grids_have_one_axis_per_argument),
      T(find_objects_boxes_slice),
      T(signal_stft_peak_frames),
      T(einsum_ndim_from_subscripts),
      T(tile_and_squareform_ndim),
      T(take_ndim),
      T(scipy_special_stats_keep_order),
      T(numpy_ufuncs_keep_order),
      T(operators_keep_order),
      T(tensor_operators_keep_strides),
      T(gradient_and_histogramdd),
      T(ix_mesh_indexing),
      T(lstsq_solution_has_b_ndim),
      T(select_ndim_broadcasts_items),
      T(axis_none_flattens),
      T(thread_target_runs_with_its_arguments),
      T(dict_splat_keeps_literal_keys),
      T(dict_of_defaults_and_unknown_kwargs_is_open),
      T(dict_display_of_unknown_splat_is_open),
      T(loop_over_tuple_items_in_order),
      T(ravel_of_column_copies),
      T(copy_method),
      T(copy_np_copy),
      T(copy_np_array),
      T(view_np_array_copy_false),
      T(copy_np_array_copy_true),
      T(copy_astype),
      T(view_astype_copy_false),
      T(copy_flatten),
      T(copy_arithmetic),
      T(scalar_tolist),
      T(scalar_item),
      T(scalar_float),
      T(scalar_flat_element),
      T(scalar_reduction),
      T(view_ascontiguousarray_row),
      T(copy_ascontiguousarray_column),
      T(ascontiguousarray_of_ellipsis_column),
      T(view_asfortranarray_1d_row),
      T(copy_asfortranarray_column),
      T(asfortranarray_2d_row_not_a_view),
      T(view_asarray),
      T(view_transpose_attr),
      T(view_chained_index_3d),
      T(view_negative_and_computed_index),
      T(slices_whole_or_partial),
      T(unknown_ndim_int_index_not_a_view),
      T(unknown_ndim_with_evidence_is_a_view),
      T(view_of_fresh_array),
      T(view_functions),
      T(copy_functions),
      T(copy_index_arrays_from_functions),
      T(conditional_views),
      T(tuple_index_is_basic),
      T(unknown_call_is_unknown),
      T(view_through_loop_alias),
      T(view_iterating_rows),
      T(container_methods_need_their_arity),
      T(listed_part_made_out_of_sight),
      T(attribute_hint_is_not_a_call),
      T(findings_confirmed_per_string_value),
      T(pieces_from_front_to_end_show_all),
      T(helper_pieces_show_all),
      T(split_pieces_are_views),
      T(self_referential_rebinds),
      T(slice_rebind_is_a_view_of_the_same_array),
      T(inplace_operations_keep_the_array),
      T(out_argument_is_the_array),
      T(annotated_parameter_with_evidence),
      T(parameter_without_evidence_is_symbolic),
      /* containers */
      T(tuple_holds_view),
      T(tuple_of_copy_holds_nothing),
      T(list_comprehension_holds_view),
      T(list_comprehension_range_i),
      T(dict_holds_view),
      T(comprehension_of_scalars_holds_nothing),
      T(list_of_rows_holds_view),
      T(nested_containers_hold_views),
      T(container_elements_come_back),
      /* other libraries */
      T(jax_numpy_is_unknown),
      T(cupy_follows_numpy),
      T(torch_1d_int_index_is_a_view),
      T(iterated_array_has_an_axis),
      T(torch_copies_views_and_scalars),
      T(string_item_is_a_field_only_of_records),
      T(loadmat_variables_are_new_arrays),
    T(zip_star_transposes_rows),
      T(default_naming_a_module_function),
      T(conversion_takes_the_functions_library),
      T(thread_pool_map_is_map),
      T(pool_namedtuple_partial_models_are_typed),
      T(thread_target_and_submit_are_calls),
      T(setitem_key_unchanged_in_loop_is_one_slot),
      T(annotated_tensor_parameter),
      T(unknown_library_call_is_a_new_object),
      /* imports */
      T(import_plain),
      T(import_as),
      T(module_ifs_reuse_saved_environments),
      T(import_dotted),
      T(import_dotted_as),
      T(from_import),
      T(from_import_as),
      T(from_import_module_as),
      T(star_import),
      T(star_import_shadowed),
      T(star_import_keeps_python_builtins),
      T(shadowed_by_later_assignment),
      T(shadowed_in_function),
      T(functions_see_final_module_bindings),
      T(function_local_import),
      T(methods_are_functions),
      T(parameters_shadow),
      T(closures_see_enclosing_function),
      T(relative_imports_in_a_package),
      T(relative_import_in_package_init),
      T(relative_import_above_top_level),
      T(other_modules),
      T(non_name_callees),
      /* stores */
      T(store_append),
      T(store_extend),
      T(store_augadd),
      T(store_concat),
      T(store_setitem),
      T(store_heappush),
      T(store_heappush_from_import),
      T(record_default_factory_fields),
      T(store_attribute_containers),
      T(store_in_nested_blocks),
      T(stores_in_source_order),
      T(not_stores),
      T(store_into_an_element),
      T(nested_def_lambda_class_not_entered),
      T(while_loop_stores),
      /* hits */
      T(hit_rebound_view),
      T(no_hit_for_a_copy),
      T(no_hit_for_a_container_made_in_the_loop),
      T(no_hit_for_a_cleared_container),
      T(no_hit_for_a_batch_rebound_empty),
      T(bounded_deque),
      T(bounded_deque_attribute),
      T(deferred_arithmetic_in_loop),
      T(matmul_with_parameter_deferred),
      T(tuple_result_of_int_arrays),
      T(one_slot_is_not_kept_whole),
      T(grad_cleared_to_none_is_new_per_step),
      T(evicting_shard_cache_items_are_new),
      T(none_test_narrows_conditional),
      T(hit_for_every_store_kind),
      T(setitem_with_a_constant_key),
      T(no_hit_writing_into_an_array),
      T(no_hit_when_the_whole_base_is_kept),
      T(no_hit_for_every_piece_converted_at_once),
      T(no_hit_for_every_row_kept_through_a_method),
      T(to_a_dtype_not_known_is_not_a_view),
      T(rebound_means_carried_from_the_iteration_before),
      T(hit_through_a_hook_a_subclass_overrides),
      T(hit_through_a_closure_generator_of_output_objects),
      T(hit_through_a_closure_factory_container),
      T(hit_into_a_dataclass_field_default_factory),
      T(hit_into_a_container_of_an_object_a_callee_hands_back),
      T(hit_once_for_a_setdefault_list_filled_with_a_tuple),
      T(hit_through_tolist_indices),
      T(hit_once_through_a_lambda_callback),
      T(hit_once_in_a_recursion_storing_a_tuple),
      T(hit_reported_at_the_view_inside_the_stored_value),
      T(no_hit_for_a_local_container_not_returned),
      T(hit_for_the_callers_container),
      T(hit_at_module_level),
      T(no_hit_for_scalars_of_a_1d_array),
      T(hit_fresh_per_file_load),
      T(fresh_unnamed_base_has_no_name),
      T(hit_fresh_model_output),
      T(hit_fresh_tuple_accumulator),
      T(hit_fresh_generator_batches),
      T(method_updating_tracks_of_an_earlier_call),
      T(helper_filling_a_returned_list),
      T(dict_record_values_by_key),
      T(inherited_attributes_are_no_effects),
      T(no_hit_for_one_array_made_before_the_loop),
      T(hit_torch_1d),
      T(no_hit_numpy_1d),
      T(hit_in_comprehension_over_generator),
      T(generator_handing_out_every_row),
      T(helper_returning_every_row),
      T(split_pieces_of_whole_views),
      T(specialisation_binds_arrays_of_two_axes_or_more),
      T(list_filled_by_earlier_loop_steps),
      T(classmethod_gets_the_class_it_is_called_on),
      T(unpacked_split_pieces_are_not_parts),
      T(number_and_flag_literals_decide_branches),
      T(some_rows_picked_and_item_indices),
      T(ring_slots_by_remainder),
      T(key_names_one_slot),
      T(flattened_lists_keep_their_items),
      T(argsort_order_of_parameter_decided_by_caller),
      T(index_from_own_parameter_decided_by_caller),
      T(executor_map_hands_out_results),
      T(list_of_results_iterated_later),
      T(batch_of_one_through_returned_containers),
      T(module_body_containers_outlive_by_globals),
      T(square_producers),
      T(slice_step_of_own_array_decided_by_call),
      T(slice_step_share_of_length),
      T(optimizer_callback_step_from_receiver),
      T(linear_operator_matvec_called_by_solver),
      T(sequential_chains_its_modules),
      T(sequential_subclass_init_keeps_modules),
      T(sequential_of_a_filled_list),
      T(filtered_store_of_deferred_pieces_is_an_effect),
      T(thread_target_called_with_args),
      T(optimizer_step_calls_closure),
      T(record_display_index_from_param_default),
      T(process_pool_results_are_copies),
      T(conditional_expression_decided_by_literals),
      T(string_membership_and_negation_decided),
      T(reported_container_kept_again_once),
      T(helper_record_display_holding_a_part),
      T(registry_filled_by_decorators),
      T(singledispatch_calls_every_overload),
      T(singledispatchmethod_calls_every_overload),
      T(records_replaced_keep_the_fields_passed),
      T(iter_of_callable_calls_it_each_step),
      T(slots_written_again_each_iteration),
      T(shapes_of_joined_tuples),
      T(loader_batches_of_dataset_attributes),
      T(loader_param_opaque_batches),
      T(loader_collate_fn_batches),
      T(loader_regrouping_collate_fn),
      T(init_calling_what_it_is_given),
      T(steps_of_known_value),
      T(steps_the_caller_knows),
      T(loop_over_what_a_parameter_hands_out),
      T(index_count_from_a_parameter),
      T(deque_capacity_is_no_window),
      /* summaries */
      T(helper_returning_a_view),
      T(helper_returning_a_copy),
      T(composed_transforms_view_or_whole),
      T(callbacks_dispatched_by_name),
      T(attr_list_handed_off_then_rebound),
      T(class_body_cache_is_global),
      T(super_init_sets_the_attributes),
      T(super_method_extends_the_base),
      T(singledispatch_runs_the_registered_implementation),
      T(singledispatch_other_types_not_run),
      T(helper_making_a_fresh_array),
      T(helper_storing_into_the_callers_list),
      T(advanced_index_with_ints_and_slices),
      T(helper_returning_records_of_views),
      T(copy_of_a_returned_list_reports_the_store),
      T(method_storing_into_self_while_rebinding),
      T(method_called_from_a_loop),
      T(method_called_from_a_loop_names_the_rebound_array),
      T(helper_with_annotated_array_parameter),
      T(property_and_staticmethod_calls),
      T(property_setter_runs_on_assignment),
      T(reshape_keeping_axis0_of_rows),
      T(record_field_axes_from_dtype),
      T(recursive_function_terminates),
      /* loop rebinds */
      T(loop_rebinds_of_library_calls),
      T(loop_rebind_of_the_loop_variable),
      T(no_loop_rebind_for_project_calls),
      T(methods_known_by_name),
      T(methods_prove_the_library),
      T(namespaces_dispatch),
      T(ndim_decides),
      T(where_broadcasts_units),
      T(unit_axes_through_joins),
      T(pil_image_channels),
      T(class_body_method_alias),
      T(dict_subclass_missing_stores),
      T(spectrum_slices_not_parts),
      T(decorated_name_is_the_wrapper),
      T(decorated_method_is_the_wrapper),
      T(imported_decorator_wraps_method),
      T(decorated_function_name_key_one_slot),
      T(specialised_method_gets_int_arguments),
      T(augmented_param_in_place),
      T(peak_indices_are_ints),
      T(loop_calls_a_parameters_method),
      T(loop_stores_a_parameters_call),
      T(fold_grows_its_accumulator),
      T(augmented_assignment_calls_iadd),
      T(subscript_assignment_calls_setitem),
      T(branch_binding_does_not_reach_other_branch),
      T(accumulate_pairwise_offsets_are_ints),
      T(helper_range_counter_rows),
      T(helper_range_counter_size_passed),
      T(helper_counter_rows_under_value_test),
      T(sequential_of_library_layers_keeps_ndim),
      T(root_finder_callbacks),
      T(ordereddict_holds_its_arguments),
      T(simple_namespace_and_starmap),
      T(resolved_result_keeps_no_stale_depth),
      T(regathered_list_outlives),
      T(four_gathers_in_one_function),
      T(cache_decorators_by_bare_name),
      T(literal_columns_against_known_width),
      T(display_holding_param_index),
      T(tobytes_is_new_bytes),
      T(stdlib_decoders_make_new_bytes),
      T(object_array_items_read_back),
      T(instance_list_made_whole),
      T(archive_reader_reads_new_bytes),
      T(subset_indexes_its_dataset),
      T(tensor_dataset_rows_and_samplers),
      T(concat_dataset_indexes_its_datasets),
      T(kdtree_query_follows_points),
      T(result_axis_as_long_as_display),
      T(loop_deferred_binds_new_array_of_open_ndim),
      T(interpolator_call_new_array),
      T(sklearn_pairwise_new_matrix),
      T(spsolve_needs_array_rhs),
      T(optimize_results_beside_table_rows),
      T(scipy_filters_make_new_arrays),
      T(default_collate_call_stacks),
      T(unpickled_members),
      T(partial_shapes_keep_known_sizes),
      T(matmul_shapes_rows_and_columns),
      T(kalman_state_head_of_known_length),
      T(exact_eighth_is_a_part),
      T(one_field_two_paths_of_one_base),
      T(assignment_rows_into_track_records),
      T(unravel_index_ints_of_an_int),
      T(wavfile_read_rate_and_data),
      T(module_level_instance_knows_its_bases),
      T(bounded_cache_call_with_new_key),
      T(extend_with_rows_of_a_whole_view),
      T(list_subclass_runs_its_items),
      T(hook_with_default_parameters),
      T(stored_track_holds_view_of_per_call_array),
      T(tuple_accept_carries_state),
      T(callee_loop_objects_one_per_step),
      T(callee_comprehension_and_while_objects_one_per_step),
  };
#undef T
  return cmocka_run_group_tests(tests, NULL, NULL);
}
