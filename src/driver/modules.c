/* modules.c: module names and the files that define them. */
#define _DEFAULT_SOURCE /* dirent.d_type */
#include "driver/modules.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "driver/walk.h"

/* Each folder asked about is read once (readdir), and a file's existence is looked up in its
 * folder's listing; names whose type the listing does not give (symbolic links, file systems that
 * report no type) and unreadable folders fall back to stat(2). */
typedef struct Listing {
  bool read;     /* false: the folder could not be listed (stat each name) */
  VlStrMap kind; /* name -> its dirent d_type */
} Listing;

struct VlFileMemo {
  VlArena *arena;  /* the keys' strings */
  VlStrMap dirs;   /* folder -> index in listings */
  VL_VEC(Listing) listings;
};

VlFileMemo *vl_file_memo_new(void) {
  VlFileMemo *memo = vl_xcalloc(1, sizeof(VlFileMemo));
  memo->arena = vl_arena_new();
  return memo;
}

void vl_file_memo_delete(VlFileMemo *memo) {
  if (!memo) return;
  for (size_t i = 0; i < memo->listings.len; i++) vl_strmap_free(&memo->listings.items[i].kind);
  VL_VEC_FREE(&memo->listings);
  vl_strmap_free(&memo->dirs);
  vl_arena_delete(memo->arena);
  free(memo);
}

/* The folder above `path` ("" for a name without one), as a fresh string. */
static const Listing *listing_of(VlFileMemo *memo, const char *dir);

/* Is folder `dir` missing by its parent's listing (no entry of a type that can be a folder)? */
static bool folder_missing(VlFileMemo *memo, const char *dir) {
  const char *slash = strrchr(dir, '/');
  if (!*dir || strcmp(dir, ".") == 0 || strcmp(dir, "/") == 0 || (slash && !slash[1])) return false;
  char *up = vl_path_dir(dir);
  const Listing *l = listing_of(memo, up);
  free(up);
  size_t type;
  if (!l->read) return false;
  if (!vl_strmap_get(&l->kind, slash ? slash + 1 : dir, &type)) return true;
  return type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN;
}

static const Listing *listing_of(VlFileMemo *memo, const char *dir) {
  size_t k;
  if (vl_strmap_get(&memo->dirs, dir, &k)) return &memo->listings.items[k];
  Listing l = {0};
  DIR *d = NULL;
  if (folder_missing(memo, dir)) l.read = true; /* nothing in it */
  else d = opendir(*dir ? dir : ".");
  if (d) {
    l.read = true;
    for (struct dirent *e; (e = readdir(d));)
      vl_strmap_put(&l.kind, vl_arena_strdup(memo->arena, e->d_name), e->d_type);
    closedir(d);
  }
  VL_VEC_PUSH(&memo->listings, l);
  vl_strmap_put(&memo->dirs, vl_arena_strdup(memo->arena, dir), memo->listings.len - 1);
  return &memo->listings.items[memo->listings.len - 1];
}

static bool is_file(const char *path, VlFileMemo *memo) {
  if (memo) {
    const char *slash = strrchr(path, '/');
    char *dir = vl_path_dir(path);
    const Listing *l = listing_of(memo, dir);
    free(dir);
    size_t type;
    if (l->read && !vl_strmap_get(&l->kind, slash ? slash + 1 : path, &type)) return false;
    if (l->read && type == DT_REG) return true;
    if (l->read && type != DT_LNK && type != DT_UNKNOWN) return false;
  }
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Is `dir` (a folder path, "" for the current one) a package: does it hold an __init__.py? */
static bool is_package(const char *dir, VlFileMemo *memo) {
  char *init = vl_xcalloc(1, strlen(dir) + 16);
  strcpy(init, *dir ? dir : ".");
  strcat(init, "/__init__.py");
  bool yes = is_file(init, memo);
  free(init);
  return yes;
}

static bool identifier(const char *s, size_t n) {
  if (!n || (s[0] >= '0' && s[0] <= '9')) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80)))
      return false;
  }
  return true;
}

char *vl_module_for_path(const char *path, bool *package, char **root) {
  return vl_module_for_path_memo(path, package, root, NULL);
}

char *vl_module_for_path_memo(const char *path, bool *package, char **root, VlFileMemo *memo) {
  char *dir = vl_xstrdup(path);
  char *slash = strrchr(dir, '/');
  const char *base = slash ? slash + 1 : dir;
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".py") == 0) n -= 3;
  else if (n > 4 && strcmp(base + n - 4, ".pyi") == 0) n -= 4;
  *package = strncmp(base, "__init__", n) == 0 && n == 8;
  /* the parts, innermost first: the file's stem (unless __init__), then each package folder */
  VL_VEC(char *) parts = {0};
  if (!*package) VL_VEC_PUSH(&parts, vl_xstrndup(base, n));
  if (slash) *slash = '\0';
  else dir[0] = '\0';
  while (dir[0] && is_package(dir, memo)) {
    char *up = strrchr(dir, '/');
    const char *name = up ? up + 1 : dir;
    if (!identifier(name, strlen(name))) break;
    VL_VEC_PUSH(&parts, vl_xstrdup(name));
    if (up) *up = '\0';
    else dir[0] = '\0';
  }
  if (*package && !parts.len) VL_VEC_PUSH(&parts, vl_xstrdup("__init__")); /* a package at the top */
  VlBuf b = {0};
  for (size_t i = parts.len; i-- > 0;) {
    vl_buf_printf(&b, "%s%s", i + 1 < parts.len ? "." : "", parts.items[i]);
    free(parts.items[i]);
  }
  VL_VEC_FREE(&parts);
  if (root) *root = vl_xstrdup(dir);
  free(dir);
  return b.data ? b.data : vl_xstrdup("");
}

/* The file defining `name` below `root`, or NULL. */
static char *path_for_module(const char *root, const char *name, VlFileMemo *memo) {
  VlBuf b = {0};
  if (*root) vl_buf_printf(&b, "%s/", root);
  for (const char *c = name; *c; c++) vl_buf_append(&b, *c == '.' ? "/" : c, 1);
  size_t stem = b.len;
  vl_buf_puts(&b, ".py");
  if (is_file(b.data, memo)) return b.data;
  b.len = stem;
  vl_buf_puts(&b, "/__init__.py");
  if (is_file(b.data, memo)) return b.data;
  vl_buf_free(&b);
  return NULL;
}

/* Is `root` where installed distributions live (site-packages, dist-packages)?  Its other
 * top-level packages are third-party: the library tables speak for them. */
static bool installed_root(const char *root) {
  const char *base = strrchr(root, '/');
  base = base ? base + 1 : root;
  return strcmp(base, "site-packages") == 0 || strcmp(base, "dist-packages") == 0;
}

/* The first component of a dotted module name, as a fresh string. */
static char *top_name(const char *module) {
  const char *dot = strchr(module, '.');
  return dot ? vl_xstrndup(module, (size_t)(dot - module)) : vl_xstrdup(module);
}

typedef struct Root {
  char *dir;
  bool installed;             /* only the checked files' own top-level packages are first-party */
  VL_VEC(char *) tops;
  VlStrMap seen;              /* names already looked up here (keys: the session's import names) */
} Root;

static bool first_party(const Root *r, const char *module) {
  if (!r->installed) return true;
  char *top = top_name(module);
  bool yes = false;
  for (size_t i = 0; i < r->tops.len && !yes; i++) yes = strcmp(r->tops.items[i], top) == 0;
  free(top);
  return yes;
}

typedef VL_VEC(Root) Roots;

/* The index of root `dir` (taken), added if new. */
static size_t root_index(Roots *roots, char *dir) {
  for (size_t k = 0; k < roots->len; k++)
    if (strcmp(roots->items[k].dir, dir) == 0) {
      free(dir);
      return k;
    }
  VL_VEC_PUSH(roots, ((Root){.dir = dir, .installed = installed_root(dir)}));
  return roots->len - 1;
}

size_t vl_session_discover(VlSession *s, size_t limit) {
  /* Python looks a file's imports up where its top package (or the script itself) lies: its root */
  Roots roots = {0};
  VL_VEC(size_t) root_of = {0}; /* per session file */
  VlFileMemo *memo = vl_file_memo_new();
  for (size_t i = 0; i < vl_session_count(s); i++) {
    bool pkg;
    char *dir = NULL;
    char *module = vl_module_for_path_memo(vl_session_path(s, i), &pkg, &dir, memo);
    size_t r = root_index(&roots, dir);
    VL_VEC_PUSH(&root_of, r);
    if (vl_session_checked(s, i)) {
      Root *R = &roots.items[r];
      char *top = top_name(module);
      bool dup = false;
      for (size_t k = 0; k < R->tops.len && !dup; k++) dup = strcmp(R->tops.items[k], top) == 0;
      if (dup) free(top);
      else VL_VEC_PUSH(&R->tops, top);
    }
    free(module);
  }
  size_t added = 0;
  for (size_t i = 0; i < vl_session_count(s) && added < limit; i++) {
    size_t r = root_of.items[i];
    Root *R = &roots.items[r];
    const char *const *names;
    size_t n = vl_session_imports(s, i, &names);
    for (size_t k = 0; k < n && added < limit; k++) {
      size_t known;
      if (vl_strmap_get(&R->seen, names[k], &known) || vl_session_has_module(s, names[k])) continue;
      vl_strmap_put(&R->seen, names[k], 0);
      if (!first_party(R, names[k])) continue;
      /* a modelled library's sources next to the checked code (a vendored or sibling torch/): its
       * calls come from its tables, so its modules are not added, unless it is what is checked */
      if (vl_session_is_library(s, names[k])) {
        bool checked_top = false;
        char *top = top_name(names[k]);
        for (size_t t = 0; t < R->tops.len && !checked_top; t++) checked_top = strcmp(R->tops.items[t], top) == 0;
        free(top);
        if (!checked_top) continue;
      }
      char *path = path_for_module(R->dir, names[k], memo);
      if (!path) continue;
      size_t before = vl_session_count(s);
      bool pkg;
      char *module = vl_module_for_path_memo(path, &pkg, NULL, memo);
      size_t j = vl_session_add(s, path, module, pkg, false);
      free(module);
      if (j == before) { /* new: read what it imports in turn, from the same root */
        VL_VEC_PUSH(&root_of, r);
        char *text, err[256];
        size_t len;
        if (vl_read_file(path, &text, &len, err, sizeof err)) {
          vl_session_scan(s, j, text, len);
          free(text);
        }
        added++;
      }
      free(path);
    }
  }
  for (size_t r = 0; r < roots.len; r++) {
    for (size_t k = 0; k < roots.items[r].tops.len; k++) free(roots.items[r].tops.items[k]);
    VL_VEC_FREE(&roots.items[r].tops);
    vl_strmap_free(&roots.items[r].seen);
    free(roots.items[r].dir);
  }
  VL_VEC_FREE(&roots);
  VL_VEC_FREE(&root_of);
  vl_file_memo_delete(memo);
  return added;
}
