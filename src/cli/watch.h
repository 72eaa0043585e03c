/* watch.h: `viewleak check --watch`: check, then check again whenever a checked file or a
 * configuration file changes, as `ruff check --watch` does (Linux inotify).
 *
 * vl_watch_run owns the loop: it prints Ruff's lines around each run on `out` ("[13:05:12] Found 2
 * findings. Watching for file changes."), clearing the screen first when `out` is a terminal, and
 * returns when SIGINT or SIGTERM arrives.  The run callback checks once, and tells the watch which
 * paths it covers (vl_watch_path for what is named on the command line and the configuration file,
 * vl_watch_folder for each folder walked; new folders are found by the next run's walk).
 * Not thread-safe: one watch, on the main thread (the signals are blocked in every thread). */
#ifndef VL_CLI_WATCH_H
#define VL_CLI_WATCH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct VlWatch VlWatch;

/* Checks once (printing its report) and returns the number of findings it reported. */
typedef size_t (*VlWatchRun)(void *ctx, VlWatch *watch);

/* Is --watch supported here?  False with the reason in err (off Linux: "not supported on this
 * platform"). */
bool vl_watch_supported(char *err, size_t errlen);

/* Runs `run`, then again after each change (changes within 100 ms of each other make one run), until
 * SIGINT or SIGTERM: returns 0 then, or 2 after printing why watching could not start. */
int vl_watch_run(VlWatchRun run, void *ctx, FILE *out);

/* A folder the check walks: a change to a Python file, a notebook, a configuration file or a folder
 * in it starts a run.  Watching a folder twice is watching it once. */
void vl_watch_folder(VlWatch *self, const char *dir);
/* A path named on the command line, or the configuration file: a file's folder is watched as
 * vl_watch_folder does, and so is a named folder; above them, each folder up to the root is watched
 * for changes to configuration files (which apply to the files below). */
void vl_watch_path(VlWatch *self, const char *path);

#endif
