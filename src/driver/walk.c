#define _XOPEN_SOURCE 700 /* realpath */
#define _DEFAULT_SOURCE    /* dirent.d_type */
#include "driver/walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "driver/gitlib.h"

static void push(char ***list, size_t *n, char *s) {
  *list = vl_xrealloc(*list, (*n + 1) * sizeof(char *));
  (*list)[(*n)++] = s;
}

static void error(VlPathList *out, const char *path, const char *why) {
  size_t n = strlen(path) + strlen(why) + 3;
  char *s = vl_xcalloc(n, 1);
  snprintf(s, n, "%s: %s", path, why);
  push(&out->errors, &out->nerrors, s);
}

static bool is_python(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".py") == 0) || (n > 4 && strcmp(name + n - 4, ".pyi") == 0) ||
         (n > 6 && strcmp(name + n - 6, ".ipynb") == 0);
}

/* Is this file found while walking one to check? */
static bool wanted(const VlWalkOptions *opt, const char *path, const char *name) {
  return opt && opt->include ? opt->include(opt->ctx, path) : is_python(name);
}

static char *join(const char *dir, const char *name) {
  if (strcmp(dir, ".") == 0) return vl_xstrdup(name);
  size_t n = strlen(dir);
  bool slash = n && dir[n - 1] == '/';
  char *s = vl_xcalloc(n + strlen(name) + 2, 1);
  sprintf(s, "%s%s%s", dir, slash ? "" : "/", name);
  return s;
}

/* ---- git's ignore rules ----
 *
 * One libgit2 handle per repository (the named folders of one work tree share it, and with it
 * libgit2's cache of the ignore files it has read); each path found is asked about relative to the
 * work tree, with a trailing slash for folders (so `build/` rules need no stat). */

typedef struct Repos {
  git_repository **items;
  size_t count;
  const VlGit *git;   /* libgit2, loaded and initialised only once a folder in a work tree is walked */
  bool started;       /* (loading costs 3.4 ms, starting it a few MiB, a third of a small run's memory) */
  int validate_owner;
} Repos;

/* Whether folder `real` (an absolute path) or one above it has a `.git` (a folder, or a file in
 * worktrees and submodules): outside one, libgit2 is not started at all. */
static bool in_git_tree(const char *real) {
  VlBuf probe = {0};
  size_t len = strlen(real);
  bool found = false;
  for (;;) {
    while (len > 0 && real[len - 1] == '/') len--; /* "/" itself becomes "" */
    probe.len = 0;
    vl_buf_append(&probe, real, len);
    vl_buf_append(&probe, "/.git", 5);
    struct stat st;
    found = lstat(probe.data, &st) == 0;
    if (found || len == 0) break;
    while (len > 0 && real[len - 1] != '/') len--; /* up one folder */
  }
  vl_buf_free(&probe);
  return found;
}

/* False when libgit2 cannot be loaded (vl_git_error() says why). */
static bool git_started(Repos *repos) {
  if (!repos->started) {
    if (!(repos->git = vl_git())) return false;
    repos->started = true;
    repos->git->libgit2_init();
    /* only ignore rules are read, as ripgrep and Ruff read them: a checkout owned by another user
     * (a CI container's) is no reason to check what git ignores */
    repos->validate_owner = 1;
    repos->git->libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &repos->validate_owner);
    repos->git->libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  }
  return true;
}

/* The repository whose work tree holds folder `root`, and root's path in it ("" at the top, else
 * "a/b/") in *rel (caller frees); NULL outside a work tree (or in a bare repository), and with
 * *unloadable set when root is in a work tree but libgit2 cannot be loaded. */
static git_repository *repo_for(Repos *repos, const char *root, char **rel, bool *unloadable) {
  *rel = NULL;
  char *real = realpath(root, NULL);
  git_repository *repo = NULL;
  if (real && in_git_tree(real) && !git_started(repos)) *unloadable = true;
  if (!real || *unloadable || !repos->started ||
      repos->git->repository_open_ext(&repo, real, 0, getenv("GIT_CEILING_DIRECTORIES")) != 0 ||
      !repos->git->repository_workdir(repo)) {
    if (repo) repos->git->repository_free(repo);
    free(real);
    return NULL;
  }
  size_t k = 0;
  const VlGit *git = repos->git;
  while (k < repos->count && strcmp(git->repository_path(repos->items[k]), git->repository_path(repo)) != 0) k++;
  if (k < repos->count) {
    git->repository_free(repo);
    repo = repos->items[k];
  } else {
    repos->items = vl_xrealloc(repos->items, (repos->count + 1) * sizeof *repos->items);
    repos->items[repos->count++] = repo;
  }
  const char *workdir = git->repository_workdir(repo); /* absolute, resolved, with a trailing slash */
  size_t n = strlen(workdir);
  VlBuf dir = {0};
  vl_buf_printf(&dir, "%s/", real);
  free(real);
  if (strncmp(dir.data, workdir, n) != 0) {
    vl_buf_free(&dir);
    return NULL;
  }
  *rel = vl_xstrdup(dir.data + n);
  vl_buf_free(&dir);
  return repo;
}

static bool git_ignores(const VlGit *git, git_repository *repo, const char *rel) {
  int ignored = 0;
  /* an ignore file libgit2 cannot read ignores nothing */
  return git->ignore_path_is_ignored(&ignored, repo, rel) == 0 && ignored;
}

/* ---- walking ---- */

typedef struct Walk {
  const VlWalkOptions *opt;
  const VlGit *git;
  git_repository *repo; /* the named folder's repository, when git's rules apply below it */
  VlPathList *out;
} Walk;

/* `rel`: the folder's path in the work tree ("" or "a/b/"), NULL when git's rules do not apply. */
static void walk_dir(Walk *w, const char *dir, const char *rel, int depth) {
  VlPathList *out = w->out;
  const VlWalkOptions *opt = w->opt;
  if (depth > 64) { error(out, dir, "directory nesting too deep"); return; }
  if (opt && opt->on_dir) opt->on_dir(opt->ctx, dir);
  DIR *d = opendir(dir);
  if (!d) { error(out, dir, strerror(errno)); return; }
  for (struct dirent *ent; (ent = readdir(d));) {
    const char *name = ent->d_name;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
    char *path = join(dir, name);
    /* the entry's type from the listing; lstat(2) only where the file system does not give it
     * (symbolic links are neither folders nor regular files either way: not followed) */
    bool is_dir = ent->d_type == DT_DIR, is_file = ent->d_type == DT_REG;
    struct stat st;
    if (ent->d_type == DT_UNKNOWN) {
      if (lstat(path, &st) != 0) {
        error(out, path, strerror(errno));
        free(path);
        continue;
      }
      is_dir = S_ISDIR(st.st_mode);
      is_file = S_ISREG(st.st_mode);
    }
    bool asked = is_dir || wanted(opt, path, name);
    char *in_tree = NULL; /* its path in the work tree */
    if (asked && rel) {
      in_tree = vl_xcalloc(strlen(rel) + strlen(name) + 2, 1);
      sprintf(in_tree, "%s%s%s", rel, name, is_dir ? "/" : "");
    }
    if (asked && opt && opt->skip && opt->skip(opt->ctx, path)) {
      free(path);
    } else if (in_tree && git_ignores(w->git, w->repo, in_tree) && opt->gitignore(opt->ctx, path)) {
      free(path);
    } else if (is_dir) {
      walk_dir(w, path, in_tree, depth + 1);
      free(path);
    } else if (is_file && asked) {
      push(&out->paths, &out->count, path);
    } else {
      free(path);
    }
    free(in_tree);
  }
  closedir(d);
}

static void dedupe(VlPathList *out);

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void vl_walk(const char *const *roots, size_t nroots, const VlWalkOptions *opt, VlPathList *out) {
  *out = (VlPathList){0};
  bool git = opt && opt->gitignore;
  Repos repos = {0};
  for (size_t i = 0; i < nroots; i++) {
    const char *root = roots[i];
    while (root[0] == '.' && root[1] == '/' && root[2]) root += 2;
    struct stat st;
    if (opt && opt->force_exclude && opt->skip && opt->skip(opt->ctx, root)) continue;
    if (stat(root, &st) != 0) {
      error(out, root, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
      Walk w = {opt, NULL, NULL, out};
      char *rel = NULL;
      bool unloadable = false;
      if (git) w.repo = repo_for(&repos, root, &rel, &unloadable), w.git = repos.git;
      if (unloadable) { /* not walked without the rules the user asked for */
        VlBuf why = {0};
        vl_buf_printf(&why, "%s; it is needed to apply .gitignore (or pass --no-respect-gitignore)", vl_git_error());
        error(out, root, why.data);
        vl_buf_free(&why);
        continue;
      }
      if (w.repo && *rel && git_ignores(w.git, w.repo, rel)) { /* named, so walked: without git's rules */
        free(rel);
        rel = NULL;
      }
      walk_dir(&w, root, rel, 0);
      free(rel);
    } else {
      push(&out->paths, &out->count, vl_xstrdup(root));
    }
  }
  for (size_t k = 0; k < repos.count; k++) repos.git->repository_free(repos.items[k]);
  free(repos.items);
  if (repos.started) {
    repos.git->libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, repos.validate_owner);
    repos.git->libgit2_shutdown();
  }
  if (out->count) qsort(out->paths, out->count, sizeof(char *), by_name);
  dedupe(out);
}

static void dedupe(VlPathList *out) {
  /* the same file named twice (or inside a named folder) is checked once */
  size_t w = 0;
  for (size_t r = 0; r < out->count; r++) {
    if (w && strcmp(out->paths[w - 1], out->paths[r]) == 0) free(out->paths[r]);
    else out->paths[w++] = out->paths[r];
  }
  out->count = w;
}

void vl_path_list_free(VlPathList *self) {
  for (size_t i = 0; i < self->count; i++) free(self->paths[i]);
  for (size_t i = 0; i < self->nerrors; i++) free(self->errors[i]);
  free(self->paths);
  free(self->errors);
  *self = (VlPathList){0};
}

/* The one message for input over the limit; `size` is its size when known, else 0. */
static void too_large(char *err, size_t errlen, unsigned long long size) {
  if (size)
    snprintf(err, errlen, "too large to check (%.0f MiB; the limit is %d MiB)", (double)size / 1048576.0,
             (int)(VL_MAX_FILE_BYTES >> 20));
  else
    snprintf(err, errlen, "too large to check (more than %d MiB)", (int)(VL_MAX_FILE_BYTES >> 20));
}

/* Reads `fd` to its end with read(2) into one buffer, first sized `hint` (and grown if the input is
 * longer, up to the limit: a file growing while it is read, or endless input, stops there). */
static bool read_fd(int fd, size_t hint, char **data, size_t *len, char *err, size_t errlen) {
  size_t cap = hint + 1, n = 0;
  char *buf = vl_xrealloc(NULL, cap + 1);
  bool ok = true, grew = false;
  for (;;) {
    if (n == cap) {
      if (cap > VL_MAX_FILE_BYTES) {
        grew = true;
        break;
      }
      cap = cap * 2 > VL_MAX_FILE_BYTES + 1 ? VL_MAX_FILE_BYTES + 1 : cap * 2;
      buf = vl_xrealloc(buf, cap + 1);
    }
    ssize_t got = read(fd, buf + n, cap - n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      ok = got == 0;
      break;
    }
    n += (size_t)got;
  }
  if (!ok) snprintf(err, errlen, "%s", strerror(errno ? errno : EIO));
  else if (grew) too_large(err, errlen, 0);
  if (!ok || grew) {
    free(buf);
    return false;
  }
  buf[n] = '\0';
  *data = buf;
  *len = n;
  return true;
}

bool vl_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen) {
  /* O_NONBLOCK: a FIFO named by mistake must not block the open; only regular files are read */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    snprintf(err, errlen, "%s", strerror(errno));
    return false;
  }
  struct stat st;
  bool ok = false;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    snprintf(err, errlen, "not a regular file");
  else if ((unsigned long long)st.st_size > VL_MAX_FILE_BYTES)
    too_large(err, errlen, (unsigned long long)st.st_size);
  else /* a regular file: O_NONBLOCK does not apply to it */
    ok = read_fd(fd, (size_t)st.st_size, data, len, err, errlen);
  close(fd);
  return ok;
}

bool vl_read_stream(FILE *f, char **data, size_t *len, char *err, size_t errlen) {
  return read_fd(fileno(f), 65536, data, len, err, errlen);
}

char *vl_display_path(const char *path) {
  char *abs = vl_abs_path(path), *cwd = vl_abs_path(".");
  size_t n = strlen(cwd);
  char *out = strncmp(abs, cwd, n) == 0 && abs[n] == '/' ? vl_xstrdup(abs + n + 1) : vl_xstrdup(path);
  free(abs);
  free(cwd);
  return out;
}

char *vl_abs_path(const char *path) {
  VlBuf b = {0};
  if (path[0] != '/') {
    char cwd[4096];
    vl_buf_puts(&b, getcwd(cwd, sizeof cwd) ? cwd : ".");
  }
  for (const char *p = path; *p;) {
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : strlen(p);
    if (n == 2 && p[0] == '.' && p[1] == '.') { /* drop the last segment */
      char *slash_at = b.len ? strrchr(b.data, '/') : NULL;
      if (slash_at) {
        b.len = (size_t)(slash_at - b.data);
        b.data[b.len] = '\0';
      }
    } else if (n && !(n == 1 && p[0] == '.')) {
      vl_buf_append(&b, "/", 1);
      vl_buf_append(&b, p, n);
    }
    p += n + (slash ? 1 : 0);
  }
  if (!b.len) vl_buf_puts(&b, "/");
  return b.data;
}

char *vl_path_dir(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return vl_xstrdup(".");
  if (slash == path) return vl_xstrdup("/");
  return vl_xstrndup(path, (size_t)(slash - path));
}
