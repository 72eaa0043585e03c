#include "resolve/imports.h"

#include <string.h>

#include "base/vec.h"

typedef struct Collector {
  VlArena *arena;
  const VlPy *py;
  const VlSource *src;
  VL_VEC(VlImportBinding) items;
  VL_VEC(const char *) star;
} Collector;

static void add(Collector *c, const char *name, const char *qualified, uint32_t byte, TSNode scope) {
  VlImportBinding b = {name, qualified, byte, scope, vl_py_is(c->py, scope, VL_K_MODULE), -1};
  VL_VEC_PUSH(&c->items, b);
}

static unsigned name_hash(const char *s) {
  unsigned h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h % VL_IMPORT_BUCKETS;
}

static char *dotted(Collector *c, TSNode n) { return vl_py_text_dup(c->arena, c->src, n); }

/* import_statement -> 'import' (dotted_name | aliased_import) (',' ...)* */
static void import_stmt(Collector *c, TSNode stmt, TSNode scope) {
  uint32_t at = ts_node_end_byte(stmt);
  for (uint32_t i = 0, n = ts_node_named_child_count(stmt); i < n; i++) {
    TSNode item = ts_node_named_child(stmt, i);
    if (vl_py_is(c->py, item, VL_K_ALIASED_IMPORT)) {
      add(c, vl_py_text_dup(c->arena, c->src, vl_py_field(c->py, item, VL_F_ALIAS)),
          dotted(c, vl_py_field(c->py, item, VL_F_NAME)), at, scope);
    } else if (vl_py_is(c->py, item, VL_K_DOTTED_NAME)) {
      TSNode head = ts_node_named_child(item, 0); /* `import numpy.random` binds `numpy` */
      char *name = vl_py_text_dup(c->arena, c->src, head);
      add(c, name, name, at, scope);
    }
  }
}

/* import_from_statement -> 'from' module_name 'import' (wildcard_import | name (',' name)*) */
static void import_from(Collector *c, TSNode stmt, TSNode scope) {
  TSNode mod = vl_py_field(c->py, stmt, VL_F_MODULE_NAME);
  if (!vl_py_is(c->py, mod, VL_K_DOTTED_NAME)) return; /* relative import */
  char *module = dotted(c, mod);
  uint32_t at = ts_node_end_byte(stmt);
  for (uint32_t i = 0, n = ts_node_named_child_count(stmt); i < n; i++) {
    TSNode item = ts_node_named_child(stmt, i);
    if (ts_node_eq(item, mod)) continue;
    if (vl_py_is(c->py, item, VL_K_WILDCARD_IMPORT)) {
      if (vl_py_is(c->py, scope, VL_K_MODULE)) VL_VEC_PUSH(&c->star, module);
    } else if (vl_py_is(c->py, item, VL_K_ALIASED_IMPORT)) {
      char *name = dotted(c, vl_py_field(c->py, item, VL_F_NAME));
      add(c, vl_py_text_dup(c->arena, c->src, vl_py_field(c->py, item, VL_F_ALIAS)),
          vl_arena_printf(c->arena, "%s.%s", module, name), at, scope);
    } else if (vl_py_is(c->py, item, VL_K_DOTTED_NAME)) {
      char *name = dotted(c, item);
      add(c, name, vl_arena_printf(c->arena, "%s.%s", module, name), at, scope);
    }
  }
}

/* Plain assignments to names shadow imports of the same name. */
static void shadow_targets(Collector *c, TSNode target, TSNode scope, uint32_t at) {
  target = vl_py_unparen(c->py, target);
  if (vl_py_is(c->py, target, VL_K_IDENTIFIER)) {
    add(c, vl_py_text_dup(c->arena, c->src, target), NULL, at, scope);
  } else if (vl_py_is_target_list(c->py, target)) {
    for (uint32_t i = 0, n = ts_node_named_child_count(target); i < n; i++)
      shadow_targets(c, ts_node_named_child(target, i), scope, at);
  }
}

static void walk(Collector *c, TSNode node, TSNode scope) {
  const VlPy *py = c->py;
  if (vl_py_is(py, node, VL_K_IMPORT)) { import_stmt(c, node, scope); return; }
  if (vl_py_is(py, node, VL_K_IMPORT_FROM)) { import_from(c, node, scope); return; }
  if (vl_py_is(py, node, VL_K_LAMBDA)) return;
  if (vl_py_is(py, node, VL_K_CLASS_DEF)) {
    /* class-level names are not visible in methods; only the methods themselves are walked */
    add(c, vl_py_text_dup(c->arena, c->src, vl_py_field(py, node, VL_F_NAME)), NULL, ts_node_start_byte(node), scope);
    TSNode body = vl_py_field(py, node, VL_F_BODY);
    for (uint32_t i = 0, n = ts_node_named_child_count(body); i < n; i++) {
      TSNode m = ts_node_named_child(body, i);
      if (vl_py_is(py, m, VL_K_DECORATED_DEF)) m = vl_py_field(py, m, VL_F_DEFINITION);
      if (vl_py_is(py, m, VL_K_FUNCTION_DEF)) walk(c, m, scope);
    }
    return;
  }
  if (vl_py_is(py, node, VL_K_FUNCTION_DEF)) {
    add(c, vl_py_text_dup(c->arena, c->src, vl_py_field(py, node, VL_F_NAME)), NULL, ts_node_start_byte(node), scope);
    scope = node;
    /* parameters are local bindings of the whole function */
    TSNode params = vl_py_field(py, node, VL_F_PARAMETERS);
    for (uint32_t i = 0, n = ts_node_named_child_count(params); i < n; i++) {
      TSNode type, name = vl_py_param_name(py, ts_node_named_child(params, i), &type);
      if (!ts_node_is_null(name)) add(c, vl_py_text_dup(c->arena, c->src, name), NULL, 0, scope);
    }
    walk(c, vl_py_field(py, node, VL_F_BODY), scope);
    return;
  } else if (vl_py_is(py, node, VL_K_ASSIGNMENT)) {
    shadow_targets(c, vl_py_field(py, node, VL_F_LEFT), scope, ts_node_end_byte(node));
  } else if (vl_py_is(py, node, VL_K_FOR)) {
    shadow_targets(c, vl_py_field(py, node, VL_F_LEFT), scope, ts_node_start_byte(node));
  }
  for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; i++) walk(c, ts_node_named_child(node, i), scope);
}

VlImports *vl_imports_collect(VlArena *arena, const VlPy *py, const VlSource *src, TSNode root) {
  Collector c = {arena, py, src, {0}, {0}};
  walk(&c, root, root);
  VlImports *out = VL_ARENA_NEW(arena, VlImports);
  out->count = c.items.len;
  out->items = VL_ARENA_ARRAY(arena, VlImportBinding, c.items.len);
  if (c.items.len) memcpy(out->items, c.items.items, c.items.len * sizeof(VlImportBinding));
  /* chain each name's bindings in source order, per hash bucket */
  int last[VL_IMPORT_BUCKETS];
  for (int h = 0; h < VL_IMPORT_BUCKETS; h++) out->first_by_hash[h] = last[h] = -1;
  for (size_t i = 0; i < out->count; i++) {
    unsigned h = name_hash(out->items[i].name);
    if (last[h] < 0) out->first_by_hash[h] = (int)i;
    else out->items[last[h]].next_same_name = (int)i;
    last[h] = (int)i;
  }
  out->nstar = c.star.len;
  out->star_modules = VL_ARENA_ARRAY(arena, const char *, c.star.len);
  if (c.star.len) memcpy(out->star_modules, c.star.items, c.star.len * sizeof(char *));
  VL_VEC_FREE(&c.items);
  VL_VEC_FREE(&c.star);
  return out;
}

static bool vl_py_is_function(TSNode n) { return strcmp(ts_node_type(n), "function_definition") == 0; }

/* The binding of `name` visible at `at` in `scope`: NULL (unbound), a shadow or an import.  Only the
 * bindings of names in the same hash bucket are visited (source order). */
static const VlImportBinding *lookup(const VlImports *self, const char *name, uint32_t at, TSNode scope, bool module_level,
                                     bool *bound) {
  const VlImportBinding *best = NULL;
  int first = self->first_by_hash[name_hash(name)];
  /* Function-local bindings first (any binding in a function makes the name local to it), then
   * the enclosing functions' (closures), then the module's. */
  for (TSNode fn = scope; !module_level && !ts_node_is_null(fn); fn = ts_node_parent(fn)) {
    if (!vl_py_is_function(fn)) continue;
    for (int i = first; i >= 0; i = self->items[i].next_same_name) {
      const VlImportBinding *b = &self->items[i];
      if (!b->module_level && ts_node_eq(b->scope, fn) && strcmp(b->name, name) == 0) {
        *bound = true;
        if (b->byte <= at || !best) best = b;
      }
    }
    if (*bound) return best;
  }
  for (int i = first; i >= 0; i = self->items[i].next_same_name) {
    const VlImportBinding *b = &self->items[i];
    if (!b->module_level || strcmp(b->name, name) != 0) continue;
    *bound = true;
    if (!module_level || b->byte <= at) best = b; /* in source order */
  }
  return best;
}

const char *vl_imports_resolve(const VlImports *self, VlArena *arena, const VlPy *py, const VlSource *src,
                               TSNode expr, TSNode scope) {
  expr = vl_py_unparen(py, expr);
  if (vl_py_is(py, expr, VL_K_ATTRIBUTE)) {
    const char *head = vl_imports_resolve(self, arena, py, src, vl_py_field(py, expr, VL_F_OBJECT), scope);
    if (!head) return NULL;
    uint32_t len;
    const char *attr = vl_py_text(src, vl_py_field(py, expr, VL_F_ATTRIBUTE), &len);
    return vl_arena_printf(arena, "%s.%.*s", head, (int)len, attr);
  }
  if (!vl_py_is(py, expr, VL_K_IDENTIFIER)) return NULL;
  char *name = vl_py_text_dup(arena, src, expr);
  bool bound = false;
  bool module_level = vl_py_is(py, scope, VL_K_MODULE);
  const VlImportBinding *b = lookup(self, name, ts_node_start_byte(expr), scope, module_level, &bound);
  if (b) return b->qualified; /* NULL for a shadowing assignment */
  if (!bound && self->nstar) return vl_arena_printf(arena, "%s.%s", self->star_modules[0], name);
  return NULL;
}
