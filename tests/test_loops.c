/* test_loops.c: the facts of one loop (flow/loop.c): stores into containers, bindings made in the
 * body, containers created in the body. */
#include "testlib.h"

/* Parses a function whose first loop's body is `body` (already indented by 8 spaces per line). */
static TlFile *loop_file(void **state, const char *body) {
  char text[1024];
  snprintf(text, sizeof text,
           "import heapq\n"
           "import numpy as np\n"
           "def f(self, n, v, xs, k, d):\n"
           "    c = []\n"
           "    for i in range(n):\n"
           "%s\n",
           body);
  return tl_parse(state, text);
}

/* The loop's only store must be `kind` into `container` of the expression `value`. */
static void check_store(void **state, const char *body, VlStoreKind kind, const char *container, const char *value) {
  TlFile *f = loop_file(state, body);
  const VlLoop *l = tl_loop(f);
  if (l->nstores != 1) fail_msg("%s: %zu stores, expected 1", body, l->nstores);
  const VlStore *s = &l->stores[0];
  assert_int_equal(s->kind, kind);
  assert_string_equal(s->container, container);
  assert_true(tl_node_text_is(f, s->container_node, container));
  if (!tl_node_text_is(f, s->value, value)) fail_msg("%s: stored '%s', expected '%s'", body, tl_text(f, s->value), value);
  assert_false(ts_node_is_null(s->stmt));
}

static void check_no_store(void **state, const char *body) {
  TlFile *f = loop_file(state, body);
  const VlLoop *l = tl_loop(f);
  if (l->nstores != 0)
    fail_msg("%s: %zu stores (first: %s into %s), expected none", body, l->nstores, tl_text(f, l->stores[0].value),
             l->stores[0].container);
}

/* c.append(v)  c.appendleft(v)  c.insert(i, v)       store v */
static void store_append(void **state) { check_store(state, "        c.append(v)", VL_STORE_APPEND, "c", "v"); }
static void store_appendleft(void **state) {
  check_store(state, "        c.appendleft(v)", VL_STORE_APPEND, "c", "v");
}
static void store_insert(void **state) { check_store(state, "        c.insert(0, v)", VL_STORE_INSERT, "c", "v"); }

/* c.extend(xs)  c.extendleft(xs)                      store each element of xs */
static void store_extend(void **state) { check_store(state, "        c.extend(xs)", VL_STORE_EXTEND, "c", "xs"); }
static void store_extendleft(void **state) {
  check_store(state, "        c.extendleft(xs)", VL_STORE_EXTEND, "c", "xs");
}

/* c += [v] / c += (v,)   c = c + [v]                  store each element of the right side */
static void store_augadd_list(void **state) { check_store(state, "        c += [v]", VL_STORE_AUGADD, "c", "[v]"); }
static void store_augadd_tuple(void **state) { check_store(state, "        c += (v,)", VL_STORE_AUGADD, "c", "(v,)"); }
static void store_concat(void **state) { check_store(state, "        c = c + [v]", VL_STORE_CONCAT, "c", "[v]"); }

/* c[k] = v                                            store v (if c is a list or dict) */
static void store_setitem(void **state) { check_store(state, "        c[k] = v", VL_STORE_SETITEM, "c", "v"); }

/* c.setdefault(k, v)                                  store v */
static void store_setdefault(void **state) {
  check_store(state, "        c.setdefault(k, v)", VL_STORE_SETDEFAULT, "c", "v");
}

/* heapq.heappush(c, v)                                store v */
static void store_heappush(void **state) {
  check_store(state, "        heapq.heappush(c, (k, v))", VL_STORE_HEAPPUSH, "c", "(k, v)");
}

static void store_heappush_from_import(void **state) {
  TlFile *f = tl_parse(state,
                       "from heapq import heappush as push\n"
                       "def f(n, v):\n"
                       "    h = []\n"
                       "    for i in range(n):\n"
                       "        push(h, v)\n");
  const VlLoop *l = tl_loop(f);
  assert_int_equal(l->nstores, 1);
  assert_int_equal(l->stores[0].kind, VL_STORE_HEAPPUSH);
  assert_string_equal(l->stores[0].container, "h");
  assert_true(tl_node_text_is(f, l->stores[0].value, "v"));
}

static void store_attribute_containers(void **state) {
  check_store(state, "        self.pool.append(v)", VL_STORE_APPEND, "self.pool", "v");
  check_store(state, "        self.cache[k] = v", VL_STORE_SETITEM, "self.cache", "v");
  check_store(state, "        self.keep += [v]", VL_STORE_AUGADD, "self.keep", "[v]");
}

static void store_in_nested_blocks(void **state) {
  check_store(state, "        if k:\n            c.append(v)", VL_STORE_APPEND, "c", "v");
  check_store(state, "        for j in range(3):\n            c.append(v)", VL_STORE_APPEND, "c", "v");
  check_store(state, "        with d:\n            c.append(v)", VL_STORE_APPEND, "c", "v");
  check_store(state, "        x = c.append(v) or 1", VL_STORE_APPEND, "c", "v");
}

static void stores_in_source_order(void **state) {
  TlFile *f = loop_file(state, "        c.append(v)\n        d[k] = xs\n        c.extend(xs)");
  const VlLoop *l = tl_loop(f);
  assert_int_equal(l->nstores, 3);
  assert_int_equal(l->stores[0].kind, VL_STORE_APPEND);
  assert_int_equal(l->stores[1].kind, VL_STORE_SETITEM);
  assert_string_equal(l->stores[1].container, "d");
  assert_int_equal(l->stores[2].kind, VL_STORE_EXTEND);
}

static void not_stores(void **state) {
  check_no_store(state, "        c -= v");
  check_no_store(state, "        c *= 2");
  check_no_store(state, "        c = d + [v]");   /* another list: not c growing */
  check_no_store(state, "        c.count(v)");
  check_no_store(state, "        c.sort()");
  check_no_store(state, "        c.get(k, v)");
  check_no_store(state, "        print(c, v)");
  check_no_store(state, "        heappush(c, v)"); /* not imported from heapq */
  check_no_store(state, "        c[k][0] = v");    /* the container is no name or attribute chain */
  check_no_store(state, "        c.append()");     /* nothing stored */
}

static void nested_def_lambda_class_not_entered(void **state) {
  TlFile *f = loop_file(state,
                        "        def g():\n"
                        "            c.append(v)\n"
                        "            y = v\n"
                        "        h = lambda: c.append(v)\n"
                        "        class K:\n"
                        "            c.append(v)\n"
                        "        async def a():\n"
                        "            c.append(v)\n");
  const VlLoop *l = tl_loop_in(f, tl_function(f, "f"));
  assert_int_equal(l->nstores, 0);
  bool y = false, h = false, g = false;
  for (size_t i = 0; i < l->nbindings; i++) {
    y |= strcmp(l->bindings[i].key, "y") == 0;
    h |= strcmp(l->bindings[i].key, "h") == 0;
    g |= strcmp(l->bindings[i].key, "g") == 0;
  }
  assert_false(y); /* bound in g's scope, not the loop's */
  assert_true(h);
  assert_true(g); /* the def itself binds g in the body */
}

static void loop_target_not_a_binding(void **state) {
  TlFile *f = loop_file(state, "        x = i\n        for j in range(3):\n            y = j\n");
  const VlLoop *l = tl_loop(f);
  assert_null(tl_loop_binding(f, "i")); /* the loop's own target */
  assert_non_null(tl_loop_binding(f, "x"));
  assert_non_null(tl_loop_binding(f, "j")); /* a nested loop's target is made in the body */
  assert_non_null(tl_loop_binding(f, "y"));
  assert_null(tl_loop_binding(f, "c"));     /* bound before the loop */
  assert_ptr_equal(l->scope, tl_scope(f));
  assert_true(ts_node_eq(l->node, tl_scope(f)->loops[0]));
}

static void loop_tuple_target_not_a_binding(void **state) {
  TlFile *f = tl_parse(state,
                       "def f(a):\n"
                       "    for k, row in enumerate(a):\n"
                       "        z = row\n");
  assert_null(tl_loop_binding(f, "k"));
  assert_null(tl_loop_binding(f, "row"));
  const VlBinding *z = tl_loop_binding(f, "z");
  assert_non_null(z);
  assert_int_equal(z->kind, VL_BIND_ASSIGN);
  assert_true(tl_node_text_is(f, z->value, "row"));
}

static void while_loop_bindings(void **state) {
  TlFile *f = tl_parse(state,
                       "def f(c, v):\n"
                       "    while c:\n"
                       "        x = c.pop()\n"
                       "        c.append(v)\n");
  const VlLoop *l = tl_loop(f);
  assert_non_null(tl_loop_binding(f, "x"));
  assert_int_equal(l->nstores, 1);
  assert_int_equal(l->stores[0].kind, VL_STORE_APPEND);
}

static void creates_list_in_body(void **state) {
  TlFile *f = loop_file(state, "        c = []\n        c.append(v)");
  assert_true(vl_loop_creates(&f->flow, tl_loop(f), "c"));
  f = loop_file(state, "        c = list()\n        c.append(v)");
  assert_true(vl_loop_creates(&f->flow, tl_loop(f), "c"));
  f = loop_file(state, "        c = d = {}\n        d[k] = v");
  assert_true(vl_loop_creates(&f->flow, tl_loop(f), "d"));
}

static void concat_rebind_does_not_create(void **state) {
  TlFile *f = loop_file(state, "        c = c + [v]");
  assert_false(vl_loop_creates(&f->flow, tl_loop(f), "c"));
}

static void prepend_rebind_does_not_create(void **state) {
  TlFile *f = loop_file(state, "        c = [v] + c");
  /* `c = [v] + c` (prepending) re-binds c to a list that still holds every earlier element */
  assert_false(vl_loop_creates(&f->flow, tl_loop(f), "c"));
  const VlLoop *l = tl_loop(f);
  assert_int_equal(l->nstores, 1);
  assert_int_equal(l->stores[0].kind, VL_STORE_CONCAT);
  assert_string_equal(l->stores[0].container, "c");
}

static void container_before_loop_not_created(void **state) {
  TlFile *f = loop_file(state, "        c.append(v)\n        c += [v]");
  assert_false(vl_loop_creates(&f->flow, tl_loop(f), "c"));
  assert_false(vl_loop_creates(&f->flow, tl_loop(f), "unrelated"));
}

int main(void) {
#define T(f) cmocka_unit_test_teardown(f, tl_teardown)
  const struct CMUnitTest tests[] = {
      T(store_append),
      T(store_appendleft),
      T(store_insert),
      T(store_extend),
      T(store_extendleft),
      T(store_augadd_list),
      T(store_augadd_tuple),
      T(store_concat),
      T(store_setitem),
      T(store_setdefault),
      T(store_heappush),
      T(store_heappush_from_import),
      T(store_attribute_containers),
      T(store_in_nested_blocks),
      T(stores_in_source_order),
      T(not_stores),
      T(nested_def_lambda_class_not_entered),
      T(loop_target_not_a_binding),
      T(loop_tuple_target_not_a_binding),
      T(while_loop_bindings),
      T(creates_list_in_body),
      T(concat_rebind_does_not_create),
      T(prepend_rebind_does_not_create),
      T(container_before_loop_not_created),
  };
#undef T
  return cmocka_run_group_tests(tests, NULL, NULL);
}
