#include "syntax/pyast.h"

#include <string.h>

const TSLanguage *tree_sitter_python(void);

bool vl_py_init(VlPy *self, const char **missing) {
  static const char *const kind_names[] = {
#define VL_PY_NAME(name, str) str,
      VL_PY_KINDS(VL_PY_NAME)};
  static const char *const field_names[] = {VL_PY_FIELDS(VL_PY_NAME)
#undef VL_PY_NAME
  };
  self->lang = tree_sitter_python();
  for (int i = 0; i < VL_K__COUNT; i++) {
    const char *s = kind_names[i];
    self->kind[i] = i == VL_K_ERROR ? (TSSymbol)-1 /* ts_builtin_sym_error */
                                    : ts_language_symbol_for_name(self->lang, s, (uint32_t)strlen(s), true);
    if (!self->kind[i]) {
      *missing = s;
      return false;
    }
  }
  for (int i = 0; i < VL_F__COUNT; i++) {
    const char *s = field_names[i];
    self->field[i] = ts_language_field_id_for_name(self->lang, s, (uint32_t)strlen(s));
    if (!self->field[i]) {
      *missing = s;
      return false;
    }
  }
  return true;
}

TSNode vl_py_unparen(const VlPy *py, TSNode n) {
  while (vl_py_is(py, n, VL_K_PAREN) && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
  return n;
}

bool vl_py_text_is(const VlSource *src, TSNode n, const char *s) {
  uint32_t len;
  const char *t = vl_py_text(src, n, &len);
  return strlen(s) == len && memcmp(t, s, len) == 0;
}

char *vl_py_text_dup(VlArena *arena, const VlSource *src, TSNode n) {
  uint32_t len;
  const char *t = vl_py_text(src, n, &len);
  return vl_arena_strndup(arena, t, len);
}

static bool is_chain(const VlPy *py, TSNode n) {
  n = vl_py_unparen(py, n);
  if (vl_py_is(py, n, VL_K_IDENTIFIER)) return true;
  if (vl_py_is(py, n, VL_K_ATTRIBUTE)) return is_chain(py, vl_py_field(py, n, VL_F_OBJECT));
  return false;
}

static void chain_text(const VlPy *py, const VlSource *src, TSNode n, char *out, size_t *pos) {
  n = vl_py_unparen(py, n);
  TSNode leaf = n;
  if (vl_py_is(py, n, VL_K_ATTRIBUTE)) {
    chain_text(py, src, vl_py_field(py, n, VL_F_OBJECT), out, pos);
    out[(*pos)++] = '.';
    leaf = vl_py_field(py, n, VL_F_ATTRIBUTE);
  }
  uint32_t len;
  const char *t = vl_py_text(src, leaf, &len);
  memcpy(out + *pos, t, len);
  *pos += len;
}

char *vl_py_key(VlArena *arena, const VlPy *py, const VlSource *src, TSNode n) {
  if (ts_node_is_null(n) || !is_chain(py, n)) return NULL;
  char *out = vl_arena_alloc(arena, ts_node_end_byte(n) - ts_node_start_byte(n) + 1);
  size_t pos = 0;
  chain_text(py, src, n, out, &pos);
  out[pos] = '\0';
  return out;
}

VlRange vl_py_range(const VlSource *src, TSNode n) {
  return (VlRange){vl_source_pos(src, ts_node_start_byte(n)), vl_source_pos(src, ts_node_end_byte(n))};
}

TSNode vl_py_param_name(const VlPy *py, TSNode p, TSNode *type) {
  TSNode name = p;
  *type = (TSNode){0};
  if (vl_py_is(py, p, VL_K_TYPED_PARAM)) {
    name = ts_node_named_child(p, 0);
    *type = vl_py_field(py, p, VL_F_TYPE);
  } else if (vl_py_is(py, p, VL_K_DEFAULT_PARAM) || vl_py_is(py, p, VL_K_TYPED_DEFAULT_PARAM)) {
    name = vl_py_field(py, p, VL_F_NAME);
    *type = vl_py_field(py, p, VL_F_TYPE);
  }
  return vl_py_is(py, name, VL_K_IDENTIFIER) ? name : (TSNode){0};
}

long vl_py_int_literal(const VlPy *py, const VlSource *src, TSNode n) {
  n = vl_py_unparen(py, n);
  if (!vl_py_is(py, n, VL_K_INTEGER)) return -1;
  uint32_t len;
  const char *t = vl_py_text(src, n, &len);
  long v = 0;
  for (uint32_t i = 0; i < len; i++) {
    if (t[i] == '_') continue;
    if (t[i] < '0' || t[i] > '9' || v > 1L << 40) return -1;
    v = v * 10 + (t[i] - '0');
  }
  return v;
}

TSNode vl_py_positional(const VlPy *py, TSNode args, uint32_t index) {
  uint32_t seen = 0;
  for (uint32_t i = 0, n = ts_node_named_child_count(args); i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (vl_py_is(py, a, VL_K_KEYWORD_ARG) || vl_py_is(py, a, VL_K_COMMENT)) continue;
    if (vl_py_is(py, a, VL_K_LIST_SPLAT)) break;
    if (seen++ == index) return a;
  }
  return vl_py_null();
}

bool vl_py_is_target_list(const VlPy *py, TSNode t) {
  return vl_py_is(py, t, VL_K_PATTERN_LIST) || vl_py_is(py, t, VL_K_TUPLE_PATTERN) ||
         vl_py_is(py, t, VL_K_LIST_PATTERN) || vl_py_is(py, t, VL_K_TUPLE) || vl_py_is(py, t, VL_K_LIST);
}
