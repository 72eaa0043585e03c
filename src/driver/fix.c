#define _XOPEN_SOURCE 700
#include "driver/fix.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "driver/gitlib.h"
#include "driver/walk.h"

static bool write_atomically(const char *path, const VlFileStamp *stamp, const char *text, size_t len, char *err,
                             size_t errlen);

typedef struct Edit {
  uint32_t start, end;
  const char *content;
} Edit;

static int by_start(const void *a, const void *b) {
  const Edit *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

char *vl_fix_source(const VlReport *report, bool unsafe_ok, size_t *out_len, size_t *applied) {
  size_t n = vl_report_count(report), count = 0;
  Edit *edits = vl_xcalloc(n ? n : 1, sizeof(Edit));
  uint32_t *first = vl_xcalloc(n ? n : 1, sizeof(uint32_t));
  for (size_t i = 0; i < n; i++) {
    const VlDiagnostic *d = vl_report_get(report, i);
    if (d->suppressed || d->fix.applicability == VL_FIX_NONE || d->fix.nedits != 1) continue;
    if (d->fix.applicability == VL_FIX_UNSAFE && !unsafe_ok) continue;
    const VlEdit *e = &d->fix.edits[0];
    edits[count++] = (Edit){e->range.start.byte, e->range.end.byte, e->content};
  }
  *applied = 0;
  if (!count) {
    free(edits);
    free(first);
    return NULL;
  }
  qsort(edits, count, sizeof(Edit), by_start);
  size_t len;
  const char *text = vl_report_text(report, &len);
  VlBuf out = {0};
  vl_buf_append(&out, "", 0);
  uint32_t pos = 0;
  for (size_t i = 0; i < count; i++) {
    if (edits[i].start < pos) continue; /* overlaps an applied edit: next pass */
    vl_buf_append(&out, text + pos, edits[i].start - pos);
    vl_buf_puts(&out, edits[i].content);
    pos = edits[i].end;
    (*applied)++;
  }
  vl_buf_append(&out, text + pos, len - pos);
  free(edits);
  free(first);
  *out_len = out.len;
  return out.data;
}

bool vl_fix_write(const char *path_in, const VlFileStamp *stamp, const char *text, size_t len, char *err, size_t errlen) {
  /* a symlink is kept: its target is rewritten */
  char *resolved = realpath(path_in, NULL);
  const char *path = resolved ? resolved : path_in;
  bool ok = write_atomically(path, stamp, text, len, err, errlen);
  free(resolved);
  return ok;
}

/* Is the file still what was read (identity, size and bytes)?  Else err says why. */
static bool unchanged(const char *path, const VlFileStamp *stamp, struct stat *now, char *err, size_t errlen) {
  char *current = NULL;
  size_t current_len = 0;
  char why[256];
  if (stat(path, now) != 0 || !vl_read_file(path, &current, &current_len, why, sizeof why)) {
    snprintf(err, errlen, "cannot re-read before writing: %s", strerror(errno));
    free(current);
    return false;
  }
  bool same = now->st_ino == stamp->st.st_ino && now->st_dev == stamp->st.st_dev && current_len == stamp->len &&
              memcmp(current, stamp->text, current_len) == 0;
  free(current);
  if (!same) snprintf(err, errlen, "file changed since it was read; not fixed (run again)");
  return same;
}

/* What a replacement through rename(2) cannot keep, or may not do, refuses the fix (README, "Fixes"):
 *   no write permission bit at all (0444), even for root   "is read-only"
 *   the user may not write the file                       "cannot write: Permission denied"
 *   more than one hard link (the others would keep the old text)   "has N hard links"
 * (an owner or group the replacement cannot be given is refused after mkstemp: see keep_owner) */
static bool may_replace(const char *path, const struct stat *st, char *err, size_t errlen) {
  if (!(st->st_mode & 0222)) {
    snprintf(err, errlen, "is read-only (mode %04o); not fixed (make it writable, or see --diff)",
             (unsigned)(st->st_mode & 07777));
    return false;
  }
  if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0) {
    snprintf(err, errlen, "cannot write: %s; not fixed", strerror(errno));
    return false;
  }
  if (st->st_nlink > 1) {
    snprintf(err, errlen, "has %lu hard links: a replacement would leave the others with the old text; not fixed "
             "(see --diff)", (unsigned long)st->st_nlink);
    return false;
  }
  return true;
}

/* Gives the temporary file fd the owner and group of the original (a new file gets the caller's):
 * root can, an owner can give a group it is in.  False, reason in err, when it cannot. */
static bool keep_owner(int fd, const struct stat *st, char *err, size_t errlen) {
  struct stat mine;
  if (fstat(fd, &mine) == 0 && mine.st_uid == st->st_uid && mine.st_gid == st->st_gid) return true;
  if (fchown(fd, st->st_uid, st->st_gid) == 0) return true;
  snprintf(err, errlen, "cannot keep its owner and group (%lu:%lu) in a replacement: %s; not fixed",
           (unsigned long)st->st_uid, (unsigned long)st->st_gid, strerror(errno));
  return false;
}

/* "<path>.viewleak-XXXXXX" for mkstemp, the file name part cut (at a UTF-8 character boundary) to
 * leave room for the suffix within the folder's longest name (NAME_MAX).  Caller frees. */
static char *temp_template(const char *path) {
  static const char suffix[] = ".viewleak-XXXXXX";
  const char *slash = strrchr(path, '/');
  size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
  char *dir = dir_len ? vl_xstrndup(path, dir_len) : vl_xstrdup(".");
  long name_max = pathconf(dir, _PC_NAME_MAX);
  free(dir);
  if (name_max <= 0) name_max = NAME_MAX;
  size_t room = (size_t)name_max > sizeof suffix - 1 ? (size_t)name_max - (sizeof suffix - 1) : 0;
  size_t keep = strlen(path + dir_len);
  if (keep > room) {
    keep = room;
    while (keep && ((unsigned char)path[dir_len + keep] & 0xC0) == 0x80) keep--;
  }
  size_t n = dir_len + keep + sizeof suffix;
  char *tmp = vl_xcalloc(n, 1);
  snprintf(tmp, n, "%.*s%s", (int)(dir_len + keep), path, suffix);
  return tmp;
}

static bool write_atomically(const char *path, const VlFileStamp *stamp, const char *text, size_t len, char *err,
                             size_t errlen) {
  struct stat now;
  if (!unchanged(path, stamp, &now, err, errlen)) return false;
  if (!may_replace(path, &now, err, errlen)) return false;
  char *tmp = temp_template(path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    snprintf(err, errlen, "cannot create a temporary file next to it: %s", strerror(errno));
    free(tmp);
    return false;
  }
  if (!keep_owner(fd, &now, err, errlen)) {
    close(fd);
    unlink(tmp);
    free(tmp);
    return false;
  }
  bool ok = fchmod(fd, now.st_mode & 07777) == 0; /* after fchown, which may clear set-id bits */
  for (size_t off = 0; ok && off < len;) {
    ssize_t w = write(fd, text + off, len - off);
    if (w < 0 && errno == EINTR) continue;
    ok = w > 0;
    if (ok) off += (size_t)w;
  }
  ok = ok && fsync(fd) == 0;
  int saved = errno;
  ok = (close(fd) == 0) && ok;
  /* (tests stretch the fsync window to race a writer in it: tests/fix, fix_concurrent_appender_*) */
  const char *delay = getenv("VIEWLEAK_TEST_FSYNC_DELAY_MS");
  if (delay) {
    struct timespec ts = {atoi(delay) / 1000, (long)(atoi(delay) % 1000) * 1000000L};
    nanosleep(&ts, NULL);
  }
  /* checked again after the (slow) fsync, right before the rename: a writer that appended meanwhile
   * keeps its bytes (the window left is the few microseconds between this check and the rename) */
  struct stat again;
  if (ok && !unchanged(path, stamp, &again, err, errlen)) {
    unlink(tmp);
    free(tmp);
    return false;
  }
  if (ok) ok = rename(tmp, path) == 0, saved = errno;
  if (!ok) {
    snprintf(err, errlen, "cannot write: %s", strerror(saved));
    unlink(tmp);
  }
  free(tmp);
  return ok;
}

static int append_line(const git_diff_delta *delta, const git_diff_hunk *hunk, const git_diff_line *line, void *p) {
  (void)delta;
  (void)hunk;
  VlBuf *out = p;
  if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
      line->origin == GIT_DIFF_LINE_DELETION)
    vl_buf_append(out, &line->origin, 1);
  vl_buf_append(out, line->content, line->content_len);
  return 0;
}

void vl_fix_diff(const char *path, const char *before, size_t before_len, const char *after, size_t after_len,
                 VlBuf *out) {
  const VlGit *git = vl_git();
  if (!git) { /* a broken installation: the package depends on libgit2 */
    fprintf(stderr, "viewleak: %s; it is needed to show fixes as a diff\n", vl_git_error());
    exit(2);
  }
  git->libgit2_init();
  git_diff_options opts;
  git->diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.context_lines = 3;
  git_patch *patch = NULL;
  if (git->patch_from_buffers(&patch, before, before_len, path, after, after_len, path, &opts) == 0 &&
      git->patch_num_hunks(patch) > 0) {
    vl_buf_printf(out, "--- a/%s\n+++ b/%s\n", path, path);
    size_t nh = git->patch_num_hunks(patch);
    for (size_t h = 0; h < nh; h++) {
      const git_diff_hunk *hunk;
      size_t nlines;
      if (git->patch_get_hunk(&hunk, &nlines, patch, h) != 0) continue;
      vl_buf_append(out, hunk->header, hunk->header_len);
      for (size_t k = 0; k < nlines; k++) {
        const git_diff_line *line;
        if (git->patch_get_line_in_hunk(&line, patch, h, k) == 0) append_line(NULL, hunk, line, out);
      }
    }
  }
  git->patch_free(patch);
  git->libgit2_shutdown();
}
