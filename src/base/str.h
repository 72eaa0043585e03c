/* str.h: string comparisons the analysis makes on every attribute and method name.
 *   vl_streq("append", name); VL_STR_IN(list, name) for a static array of names.
 * The same pointer (names interned by one module's IR) needs no strcmp, and the first two bytes rule
 * out most other pairs before it (two: a dict's literal keys, kept as heap attributes, all start with
 * the same mark byte): these run for every `x.attr`, call and store of a literal key. */
#ifndef VL_BASE_STR_H
#define VL_BASE_STR_H
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool vl_streq(const char *a, const char *b) {
  return a == b || (a[0] == b[0] && (!a[0] || (a[1] == b[1] && strcmp(a + 1, b + 1) == 0)));
}

/* Is `s` one of the `n` names of `list`?  (NULL is in no list.) */
static inline bool vl_str_in(const char *const *list, size_t n, const char *s) {
  for (size_t i = 0; s && i < n; i++)
    if (vl_streq(list[i], s)) return true;
  return false;
}

#define VL_STR_IN(list, s) vl_str_in(list, sizeof list / sizeof *list, s)

/* Does the dotted name t end with the name `name` (t is "name" or "x.y.name")?  For decorators and
 * bases written as a module attribute or imported bare: functools.cache, dataclasses.dataclass. */
static inline bool vl_dotted_ends(const char *t, const char *name) {
  size_t n = t ? strlen(t) : 0, k = strlen(name);
  return n >= k && strcmp(t + n - k, name) == 0 && (n == k || t[n - k - 1] == '.');
}

#endif
