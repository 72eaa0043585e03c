/* config.c: a configuration file's entries (syntax/toml.h) checked against the key table
 * (driver/config_keys.h) into a VlConfig. */
#define _POSIX_C_SOURCE 200809L
#include "driver/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/suggest.h"
#include "driver/config_keys.h"
#include "driver/walk.h"
#include "syntax/toml.h"

typedef struct Loader {
  const char *path; /* as messages name it */
  char *err;
  size_t errlen;
  bool failed;
} Loader;

/* Writes the first error, "path:line: message", at `row` (0-based); returns false. */
static bool fail_at(Loader *l, uint32_t row, const char *fmt, const char *arg) {
  if (l->failed) return false;
  l->failed = true;
  int k = snprintf(l->err, l->errlen, "%s:%u: ", l->path, row + 1);
  if (k > 0 && (size_t)k < l->errlen) snprintf(l->err + k, l->errlen - (size_t)k, fmt, arg);
  return false;
}

/* Reads an array of strings. */
static bool string_list(Loader *l, const VlTomlValue *v, const char *key, VlStrList *out) {
  if (v->kind != VL_TOML_ARRAY) return fail_at(l, v->row, "`%s` must be an array of strings", key);
  for (size_t i = 0; i < v->count; i++) {
    if (v->items[i].kind != VL_TOML_STRING) return fail_at(l, v->items[i].row, "`%s` must be an array of strings", key);
    out->items = vl_xrealloc(out->items, (out->count + 1) * sizeof(char *));
    out->items[out->count++] = vl_xstrdup(v->items[i].text);
  }
  return true;
}

static bool codes_valid(Loader *l, const VlTomlValue *v, const char *key, const VlStrList *codes) {
  VlSelection *probe = vl_selection_new();
  bool ok = true;
  for (size_t i = 0; i < codes->count && ok; i++)
    if (!vl_selection_select(probe, codes->items[i])) {
      char msg[224], near[64];
      snprintf(msg, sizeof msg, "`%s`: '%s' matches no rule%s (see 'viewleak rule --all')", key, codes->items[i],
               vl_rule_suggest(codes->items[i], near, sizeof near));
      ok = fail_at(l, v->row, "%s", msg);
    }
  vl_selection_delete(probe);
  return ok;
}

static void list_free(VlStrList *s) {
  for (size_t i = 0; i < s->count; i++) free(s->items[i]);
  free(s->items);
}

void vl_config_delete(VlConfig *self) {
  if (!self) return;
  free(self->path);
  free(self->dir);
  list_free(&self->select);
  list_free(&self->extend_select);
  list_free(&self->ignore);
  list_free(&self->exclude);
  list_free(&self->extend_exclude);
  list_free(&self->include);
  list_free(&self->extend_include);
  list_free(&self->copy_functions);
  list_free(&self->view_functions);
  list_free(&self->array_producers);
  free(self->cache_dir);
  for (size_t i = 0; i < self->nper_file_ignores; i++) {
    free(self->per_file_ignores[i].pattern);
    list_free(&self->per_file_ignores[i].codes);
  }
  free(self->per_file_ignores);
  free(self);
}

VlConfig *vl_config_default(void) {
  VlConfig *c = vl_xcalloc(1, sizeof(VlConfig));
  c->dir = vl_abs_path(".");
  c->respect_gitignore = true;
  return c;
}

/* Fills the field of key k (a one-part key path) from v. */
static bool apply_key(Loader *l, VlConfig *c, const VlConfigKey *k, const VlTomlValue *v) {
  void *field = (char *)c + k->field;
  if (k->flag) *(bool *)((char *)c + k->flag) = true;
  switch (k->type) {
  case VL_CONFIG_RULES: return string_list(l, v, k->name, field) && codes_valid(l, v, k->name, field);
  case VL_CONFIG_GLOBS:
  case VL_CONFIG_NAMES: return string_list(l, v, k->name, field);
  case VL_CONFIG_BOOL:
    if (v->kind != VL_TOML_BOOLEAN) return fail_at(l, v->row, "`%s` must be true or false", k->name);
    *(bool *)field = v->boolean;
    return true;
  case VL_CONFIG_FOLDER: {
    char **s = field;
    if (v->kind != VL_TOML_STRING) return fail_at(l, v->row, "`%s` must be a string (a folder)", k->name);
    free(*s);
    *s = vl_xstrdup(v->text);
    return (*s)[0] || fail_at(l, v->row, "`%s` must not be empty", k->name);
  }
  case VL_CONFIG_RULES_BY_GLOB: /* the whole table given at once: only an empty one has no glob parts */
    return v->kind == VL_TOML_TABLE || fail_at(l, v->row, "`%s` must be a table of glob = [codes]", k->name);
  }
  return false;
}

/* Interprets one entry, its key path from parts[0] (the tool.viewleak prefix skipped). */
static bool apply_entry(Loader *l, VlConfig *c, const VlTomlEntry *e, int from) {
  const char *const *parts = (const char *const *)e->parts + from;
  int n = e->nparts - from;
  const VlConfigKey *k = vl_config_key_find(parts[0]);
  if (k && n == 1) return apply_key(l, c, k, &e->value);
  if (k && k->type == VL_CONFIG_RULES_BY_GLOB && n == 2) { /* per-file-ignores: glob = [codes] */
    c->per_file_ignores = vl_xrealloc(c->per_file_ignores, (c->nper_file_ignores + 1) * sizeof(VlPerFileIgnore));
    VlPerFileIgnore *p = &c->per_file_ignores[c->nper_file_ignores++];
    *p = (VlPerFileIgnore){vl_xstrdup(parts[1]), {0}};
    return string_list(l, &e->value, k->name, &p->codes) && codes_valid(l, &e->value, k->name, &p->codes);
  }
  size_t nnames = vl_config_key_count();
  const char **names = vl_xcalloc(nnames, sizeof *names);
  for (size_t i = 0; i < nnames; i++) names[i] = vl_config_key_at(i)->name;
  char *key = vl_toml_key_text(e, from), near[128];
  VlBuf msg = {0};
  vl_buf_printf(&msg, "%s`%s", key, vl_suggest_phrase(key, names, nnames, near, sizeof near));
  fail_at(l, e->value.row, "unknown key `%s (see the configuration table in the README)", msg.data);
  vl_buf_free(&msg);
  free(key);
  free(names);
  return false;
}

/* Applies the entries in document order; the first error (the document's own, a key defined twice,
 * comes after the entries before it) is the one reported.  Returns whether the file configures
 * viewleak (a pyproject.toml without a [tool.viewleak] table does not). */
static bool apply_doc(Loader *l, VlConfig *c, const VlTomlDoc *doc, bool pyproject) {
  bool any = !pyproject;
  for (size_t i = 0; i < doc->count && !l->failed; i++) {
    const VlTomlEntry *e = &doc->entries[i];
    int from = 0;
    if (pyproject) {
      if (e->nparts < 2 || strcmp(e->parts[0], "tool") != 0 || strcmp(e->parts[1], "viewleak") != 0) continue;
      from = 2;
      any = true;
      if (e->nparts == 2) { /* an empty [tool.viewleak] table; `tool.viewleak = 5` is no table */
        if (e->value.kind != VL_TOML_TABLE) fail_at(l, e->value.row, "`tool.viewleak` must be a table%s", "");
        continue;
      }
    }
    apply_entry(l, c, e, from);
  }
  if (doc->error) fail_at(l, doc->error_row, "%s", doc->error);
  return any;
}

VlConfig *vl_config_load(const char *path_in, bool *found, char *err, size_t errlen) {
  *found = false;
  char *path = vl_display_path(path_in); /* messages name it relative to the current folder */
  char *text;
  size_t len;
  char why[256];
  if (!vl_read_file(path, &text, &len, why, sizeof why)) {
    snprintf(err, errlen, "%s: %s", path, why);
    free(path);
    return NULL;
  }
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  VlTomlDoc doc;
  vl_toml_read(text, len, &doc);
  free(text);
  Loader l = {path, err, errlen, false};
  VlConfig *c = vl_xcalloc(1, sizeof(VlConfig));
  c->path = vl_xstrdup(path);
  c->respect_gitignore = true;
  char *abs = vl_abs_path(path);
  c->dir = vl_path_dir(abs);
  free(abs);
  bool any = apply_doc(&l, c, &doc, strcmp(base, "pyproject.toml") == 0);
  vl_toml_doc_free(&doc);
  free(path);
  if (l.failed || !any) {
    vl_config_delete(c);
    return NULL;
  }
  *found = true;
  return c;
}

VlLibraryExtensions vl_config_extensions(const VlConfig *self) {
  return (VlLibraryExtensions){(const char *const *)self->copy_functions.items, self->copy_functions.count,
                               (const char *const *)self->view_functions.items, self->view_functions.count,
                               (const char *const *)self->array_producers.items, self->array_producers.count};
}
