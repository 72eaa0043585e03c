/* watch.c: `check --watch` (watch.h): inotify on the folders a check walks, signalfd for SIGINT and
 * SIGTERM, one poll loop.
 *
 * Which changes start a run:
 *   in a folder walked (or holding a named file)   a *.py, *.pyi or *.ipynb file, pyproject.toml,
 *                                                  viewleak.toml, .viewleak.toml; a folder made,
 *                                                  moved or removed (the next walk watches new ones)
 *   in a folder above the named paths              a *.toml file (configuration applies downwards)
 *   the kernel's queue overflowing                 anything may have changed
 * Written, moved in or out, made, removed: an editor that saves by writing a new file and renaming
 * it over the old one counts as well as one writing in place.  After a change, the watch waits for
 * 100 ms without one, so a burst of changes gives one run. */
#define _GNU_SOURCE /* inotify, signalfd, localtime_r */
#include "cli/watch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "driver/walk.h"
#include "viewleak/viewleak.h"

#ifdef __linux__
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>

enum { DEBOUNCE_MS = 100 };

typedef enum { MODE_NONE, MODE_CONFIG, MODE_TREE } Mode; /* what counts in a watched folder */

struct VlWatch {
  int fd;     /* inotify */
  Mode *mode; /* by watch descriptor */
  size_t nmode;
};

bool vl_watch_supported(char *err, size_t errlen) {
  (void)err, (void)errlen;
  return true;
}

static void watch_dir(VlWatch *w, const char *dir, Mode mode) {
  int wd = inotify_add_watch(w->fd, dir,
                             IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                 IN_ONLYDIR);
  if (wd < 0) return; /* gone, or not a folder: the run reports what matters */
  if ((size_t)wd >= w->nmode) {
    size_t n = (size_t)wd * 2 + 16;
    w->mode = vl_xrealloc(w->mode, n * sizeof(Mode));
    memset(w->mode + w->nmode, 0, (n - w->nmode) * sizeof(Mode));
    w->nmode = n;
  }
  if (mode > w->mode[wd]) w->mode[wd] = mode;
}

void vl_watch_folder(VlWatch *self, const char *dir) { watch_dir(self, dir, MODE_TREE); }

void vl_watch_path(VlWatch *self, const char *path) {
  char *abs = vl_abs_path(path);
  struct stat st;
  char *slash = strrchr(abs, '/');
  if (stat(abs, &st) != 0 || !S_ISDIR(st.st_mode)) { /* a file: its folder */
    if (slash && slash != abs) *slash = '\0';
    else abs[1] = '\0';
  }
  watch_dir(self, abs, MODE_TREE);
  for (slash = strrchr(abs, '/'); slash; slash = strrchr(abs, '/')) { /* the folders above */
    if (slash == abs) {
      watch_dir(self, "/", MODE_CONFIG);
      break;
    }
    *slash = '\0';
    watch_dir(self, abs, MODE_CONFIG);
  }
  free(abs);
}

static bool ends_with(const char *s, const char *tail) {
  size_t n = strlen(s), k = strlen(tail);
  return n >= k && strcmp(s + n - k, tail) == 0;
}

static bool is_config(const char *name) {
  return strcmp(name, "pyproject.toml") == 0 || strcmp(name, "viewleak.toml") == 0 || strcmp(name, ".viewleak.toml") == 0;
}

/* Does this event start a run? */
static bool counts(const VlWatch *w, const struct inotify_event *ev) {
  if (ev->mask & IN_Q_OVERFLOW) return true;
  Mode mode = ev->wd >= 0 && (size_t)ev->wd < w->nmode ? w->mode[ev->wd] : MODE_NONE;
  if (!ev->len || mode == MODE_NONE) return false;
  const char *name = ev->name;
  if (mode == MODE_CONFIG) return ends_with(name, ".toml");
  if (ev->mask & IN_ISDIR) return (ev->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)) != 0;
  return ends_with(name, ".py") || ends_with(name, ".pyi") || ends_with(name, ".ipynb") || is_config(name);
}

/* Reads the pending events; true when one of them counts. */
static bool read_events(VlWatch *w) {
  char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
  bool any = false;
  for (;;) {
    ssize_t n = read(w->fd, buf, sizeof buf);
    if (n <= 0) return any; /* EAGAIN: nothing more */
    for (char *p = buf; p < buf + n;) {
      const struct inotify_event *ev = (const struct inotify_event *)p;
      if ((ev->mask & IN_IGNORED) && ev->wd >= 0 && (size_t)ev->wd < w->nmode) w->mode[ev->wd] = MODE_NONE;
      any |= counts(w, ev);
      p += sizeof *ev + ev->len;
    }
  }
}

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits for a change and 100 ms without another: true; false when a signal came first. */
static bool wait_change(VlWatch *w, int sigfd) {
  struct pollfd fds[2] = {{sigfd, POLLIN, 0}, {w->fd, POLLIN, 0}};
  long long quiet_at = -1; /* when the burst is over (after the last change that counts) */
  for (;;) {
    long long left = quiet_at < 0 ? -1 : quiet_at - now_ms();
    if (quiet_at >= 0 && left <= 0) return true;
    int n = poll(fds, 2, (int)left);
    if (n < 0) continue; /* EINTR */
    if (n > 0 && fds[0].revents) return false;
    if (n > 0 && fds[1].revents && read_events(w)) quiet_at = now_ms() + DEBOUNCE_MS;
  }
}

/* Ruff's notice: "[HH:MM:SS] message". */
static void notify(FILE *out, const char *msg) {
  char stamp[16];
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
  fprintf(out, "[%s] %s\n", stamp, msg);
  fflush(out);
}

static void clear_screen(FILE *out) {
  if (isatty(fileno(out))) fputs("\033[H\033[2J\033[3J", out);
}

static void finished(FILE *out, size_t found) {
  char msg[96];
  snprintf(msg, sizeof msg, "Found %zu finding%s. Watching for file changes.", found, found == 1 ? "" : "s");
  fflush(stdout);
  fflush(stderr);
  notify(out, msg);
}

int vl_watch_run(VlWatchRun run, void *ctx, FILE *out) {
  sigset_t stop, old;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  VlWatch w = {inotify_init1(IN_NONBLOCK | IN_CLOEXEC), NULL, 0};
  int sigfd = -1;
  if (w.fd >= 0 && sigprocmask(SIG_BLOCK, &stop, &old) == 0) sigfd = signalfd(-1, &stop, SFD_CLOEXEC);
  if (w.fd < 0 || sigfd < 0) {
    fprintf(stderr, "viewleak: --watch: cannot watch for changes: %s\n", strerror(errno));
    if (w.fd >= 0) close(w.fd);
    return VL_EXIT_ERROR;
  }
  clear_screen(out);
  notify(out, "Starting linter in watch mode...");
  finished(out, run(ctx, &w));
  while (wait_change(&w, sigfd)) {
    clear_screen(out);
    notify(out, "File change detected...");
    finished(out, run(ctx, &w));
  }
  struct signalfd_siginfo info; /* taken, so that unblocking it below does not deliver it again */
  if (read(sigfd, &info, sizeof info) < 0) info.ssi_signo = 0;
  close(sigfd);
  close(w.fd);
  free(w.mode);
  sigprocmask(SIG_SETMASK, &old, NULL);
  return VL_EXIT_CLEAN;
}

#else /* not Linux */
struct VlWatch {
  int unused;
};

bool vl_watch_supported(char *err, size_t errlen) {
  snprintf(err, errlen, "not supported on this platform");
  return false;
}

int vl_watch_run(VlWatchRun run, void *ctx, FILE *out) {
  (void)run, (void)ctx, (void)out;
  fprintf(stderr, "viewleak: --watch: not supported on this platform\n");
  return VL_EXIT_ERROR;
}

void vl_watch_folder(VlWatch *self, const char *dir) { (void)self, (void)dir; }
void vl_watch_path(VlWatch *self, const char *path) { (void)self, (void)path; }
#endif
