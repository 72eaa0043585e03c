/* check.c: `viewleak check`: inputs -> configuration -> engine -> fixes -> output format.
 *
 * Inputs are paths (walked), --files-from, or stdin (--stdin-filename).  Each file gets the
 * configuration nearest to it (or --config / --isolated), then command-line selections on top.
 * With --fix, fixes are applied in passes (re-checking each result) and written atomically; --diff
 * prints what --fix would change and writes nothing.  With --shard K/N only the files of that shard
 * are reported (and fixed); the files the analysis of their reports needs are analysed with them.
 * Analysis results are kept in the result cache (driver/cache.h) unless --no-cache: a job whose
 * inputs did not change is not analysed again.  With --watch, watch.c runs the check (check_once) again
 * on each change to what it covers.  The options are those of the table in options.c.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <getopt.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "cli/watch.h"
#include "driver/cache.h"
#include "driver/config.h"
#include "driver/fix.h"
#include "driver/modules.h"
#include "driver/notebook.h"
#include "driver/noqa_add.h"
#include "driver/pool.h"
#include "driver/project.h"
#include "driver/shard.h"
#include "driver/unit.h"
#include "driver/walk.h"
#include "output/format.h"
#include "viewleak/viewleak.h"

typedef struct Options {
  VlStrList select, extend_select, ignore;
  const char *config, *stdin_filename, *files_from, *output_file, *cache_dir;
  const VlFormat *format;
  enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;
  bool isolated, force_exclude, fix, unsafe_fixes, diff, exit_non_zero_on_fix, statistics, quiet, exit_zero, color,
      no_cache;
  bool no_respect_gitignore, show_files, show_settings, add_noqa, watch;
  VlConfig *cli; /* --exclude, --extend-exclude, --per-file-ignores: globs relative to the current folder */
  int jobs;      /* worker threads */
  VlShard shard; /* count 0: every file */
} Options;

typedef struct Run {
  Options *opt;
  VlWatch *watch; /* --watch: told the folders walked */
  const VlEngine *engine;
  VlProject *project;
  VlFormatCtx out;
  bool error;
  size_t fixed, fixable_safe, fixable_unsafe, diffs, noqa_added, noqa_skipped;
  VlRuleCount counts[65]; /* per rule index, then syntax errors, for --statistics */
} Run;

/* Appends the items of a list separated by any of `seps` (codes: ", "; globs: ","). */
static void add_items(VlStrList *list, const char *arg, const char *seps) {
  char *copy = vl_xstrdup(arg), *save = NULL;
  for (char *tok = strtok_r(copy, seps, &save); tok; tok = strtok_r(NULL, seps, &save)) {
    list->items = vl_xrealloc(list->items, (list->count + 1) * sizeof(char *));
    list->items[list->count++] = vl_xstrdup(tok);
  }
  free(copy);
}

static void add_codes(VlStrList *list, const char *arg) { add_items(list, arg, ", "); }

/* --per-file-ignores GLOB:CODES (the last ':' separates them).  False when malformed. */
static bool add_per_file_ignore(VlConfig *cli, const char *arg) {
  const char *colon = strrchr(arg, ':');
  if (!colon || colon == arg || !colon[1]) return false;
  cli->per_file_ignores = vl_xrealloc(cli->per_file_ignores, (cli->nper_file_ignores + 1) * sizeof(VlPerFileIgnore));
  VlPerFileIgnore *p = &cli->per_file_ignores[cli->nper_file_ignores++];
  *p = (VlPerFileIgnore){vl_xstrndup(arg, (size_t)(colon - arg)), {0}};
  add_codes(&p->codes, colon + 1);
  return p->codes.count > 0;
}

static void free_list(VlStrList *l) {
  for (size_t i = 0; i < l->count; i++) free(l->items[i]);
  free(l->items);
}

static bool codes_known(const VlStrList *list, const char *option) {
  VlSelection *probe = vl_selection_new();
  bool ok = true;
  for (size_t i = 0; i < list->count; i++)
    if (!vl_selection_select(probe, list->items[i])) {
      char near[64];
      fprintf(stderr, "viewleak: %s: '%s' matches no rule%s (see 'viewleak rule --all')\n", option, list->items[i],
              vl_rule_suggest(list->items[i], near, sizeof near));
      ok = false;
    }
  vl_selection_delete(probe);
  return ok;
}

static void error(Run *run, const char *path, const char *msg) {
  fprintf(stderr, "viewleak: error: %s%s%s\n", path ? path : "", path ? ": " : "", msg);
  run->error = true;
  run->out.errors++;
}

static bool any_matches(const VlConfig *anchor, const VlStrList *globs, const char *path) {
  for (size_t i = 0; i < globs->count; i++)
    if (vl_config_matches(anchor, globs->items[i], path)) return true;
  return false;
}

/* The configuration's exclusions with the command line's, as Ruff: --exclude replaces `exclude` (and
 * the defaults), the `extend-exclude` of both still apply. */
static bool excluded(const Options *o, const VlConfig *c, const char *path) {
  bool ex = o->cli->has_exclude ? any_matches(o->cli, &o->cli->exclude, path) || any_matches(c, &c->extend_exclude, path)
                                : vl_config_excludes(c, path);
  return ex || any_matches(o->cli, &o->cli->extend_exclude, path);
}

static bool skip_excluded(void *ctx, const char *path) {
  Run *run = ctx;
  char err[512];
  const VlConfig *c = vl_project_config_for(run->project, path, err, sizeof err);
  if (!c) {
    if (err[0]) error(run, NULL, err);
    return true;
  }
  return excluded(run->opt, c, path);
}

/* The settings of a file (driver/unit.h): its configuration, then the command line's selections and
 * its --per-file-ignores (relative to the current folder) that match the file. */
static void settings_for(const Options *o, const VlConfig *c, const char *path, VlUnitSettings *out) {
  VlUnitOverrides over = {&o->select, &o->extend_select, &o->ignore, o->cli};
  vl_unit_settings(out, c, path, &over);
}

/* Do git's ignore rules apply to this path found while walking?  Its configuration says
 * (respect-gitignore, true by default). */
static bool respects_gitignore(void *ctx, const char *path) {
  Run *run = ctx;
  char err[512];
  const VlConfig *c = vl_project_config_for(run->project, path, err, sizeof err);
  return !c || c->respect_gitignore; /* a broken configuration is reported by skip_excluded */
}

/* Is a file found while walking one to check?  Its configuration's include lists say. */
static bool included(void *ctx, const char *path) {
  Run *run = ctx;
  char err[512];
  const VlConfig *c = vl_project_config_for(run->project, path, err, sizeof err);
  if (!c && err[0]) error(run, NULL, err); /* (reported once: the first question about it) */
  return c && vl_config_includes(c, path);
}

/* --force-exclude: a named path is skipped when it, or any folder above it, is excluded. */
static bool skip_named(void *ctx, const char *path) {
  char *p = vl_xstrdup(path);
  bool skip = skip_excluded(ctx, p);
  for (char *slash = strrchr(p, '/'); !skip && slash && slash != p; slash = strrchr(p, '/')) {
    *slash = '\0';
    skip = skip_excluded(ctx, p);
  }
  free(p);
  return skip;
}

/* One checked file: analysed with the others as one program (a session), then reported, fixed and
 * printed on a worker thread (work) in path order (emit). */
typedef struct Job {
  const char *path;
  const char *stdin_text; /* --stdin-filename: the source (no file to stat, read or write) */
  size_t stdin_len;
  const VlConfig *config; /* looked up on the main thread (VlProject is not thread-safe) */
  size_t index;           /* in the session */
  bool reported;          /* in the --shard (every file without one) */
  /* results */
  VlReport *report;
  char *source, *fixed;   /* --stdin-filename --fix: what goes to stdout */
  size_t source_len, fixed_len, applied, skipped; /* applied: fixes, or --add-noqa codes */
  VlBuf diff;
  char *error;            /* what went wrong, or NULL (a buffer per file cost 512 bytes each) */
  bool done_ok;
} Job;

/* What analysing a file of the session needs: its rules and library extensions (its configuration). */
typedef struct Unit {
  VlUnitSettings settings; /* selection NULL: its configuration is broken */
  const char *stdin_text; /* the checked stdin text, for its unit */
  size_t stdin_len;
  char *text; /* read by prepare_job, until analyse_job (its IR, in the session, points into it) */
  size_t len;
} Unit;

typedef struct Jobs {
  Run *run;
  Job *items;
  VlSession *session;
  Unit *units;  /* by session index */
  bool *needed; /* by session job: what the reports need analysed (NULL: every job) */
} Jobs;

/* The checker of a session's file (driver/unit.h): its report from the session's analysis, and a
 * fixed text re-checked as that file of the program. */
typedef struct SessionFile {
  VlSession *session;
  size_t index;
} SessionFile;

static VlReport *session_check(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *u) {
  SessionFile *f = ctx;
  (void)path;
  return vl_session_report(f->session, f->index, text, len, u->selection);
}

static VlReport *session_recheck(void *ctx, const char *path, const char *text, size_t len, const VlUnitSettings *u) {
  SessionFile *f = ctx;
  (void)path;
  return vl_session_recheck(f->session, f->index, text, len, u->selection, &u->extensions);
}

/* Checks a file's text as one file of the program (driver/unit.h: with --fix or --diff, the fixes
 * applied in passes), then writes, renders as a diff or keeps for stdout what the fixes made, or adds
 * the noqa directives.  `nb`: the notebook `text` is the module of (its fixes go back into its JSON).
 * Thread-safe: touches only `job` (and reads the session). */
static void check_text(Jobs *jobs, Job *job, const char *text, size_t len, const VlFileStamp *stamp,
                       const VlNotebook *nb, char *err, size_t errlen) {
  Options *o = jobs->run->opt;
  const char *path = job->path;
  SessionFile file = {jobs->session, job->index};
  VlChecker checker = {session_check, session_recheck, &file};
  VlUnitRequest req = {path, text, len, &jobs->units[job->index].settings,
                       !o->fix && !o->diff ? VL_FIX_MODE_NONE : o->unsafe_fixes ? VL_FIX_MODE_UNSAFE : VL_FIX_MODE_SAFE,
                       nb};
  VlUnitResult res;
  vl_unit_check(&req, &checker, &res);
  if (res.error[0]) snprintf(err, errlen, "%s", res.error);
  if (o->add_noqa && stamp) { /* only the directives change; written as fixes are */
    size_t n, skipped;
    char *noqa = vl_noqa_add(res.report, &n, &job->applied, &skipped);
    job->skipped = skipped;
    if (noqa && !vl_fix_write(path, stamp, noqa, n, err, errlen)) job->applied = 0;
    free(noqa);
  }
  if (res.fixed && o->diff) {
    if (nb) vl_notebook_diff(nb, path, res.fixed, res.fixed_len, &job->diff);
    else vl_fix_diff(path, text, len, res.fixed, res.fixed_len, &job->diff);
    job->applied = res.applied;
  } else if (res.fixed && o->fix && stamp) {
    if (vl_fix_write(path, stamp, res.fixed, res.fixed_len, err, errlen))
      job->applied = res.applied;
    else /* nothing was written: the findings of the file as it is remain */
      vl_unit_result_unfix(&res);
  } else if (o->fix && !stamp) { /* stdin: the (possibly) fixed source goes to stdout */
    job->applied = res.applied;
    job->fixed = res.fixed;
    job->fixed_len = res.fixed_len;
    res.fixed = NULL;
  }
  job->report = res.report;
  res.report = NULL;
  vl_unit_result_free(&res);
}

/* A notebook's module (NULL with the reason in err when `raw` is not a notebook); *nb receives the
 * notebook when nb is not NULL. */
static char *notebook_module(const char *raw, size_t raw_len, size_t *len, VlNotebook **nb, char *err, size_t errlen) {
  VlNotebook *book = vl_notebook_parse(raw, raw_len, err, errlen);
  if (!book) return NULL;
  const char *source = vl_notebook_source(book, len);
  char *module = vl_xstrndup(source, *len);
  if (nb) *nb = book;
  else vl_notebook_delete(book);
  return module;
}

/* check_text over a file's text, as a notebook's module when it is one. */
static void check_file_text(Jobs *jobs, Job *job, const char *text, size_t len, const VlFileStamp *stamp, char *err,
                            size_t errlen) {
  if (!vl_notebook_is_path(job->path)) {
    check_text(jobs, job, text, len, stamp, NULL, err, errlen);
    return;
  }
  VlNotebook *nb = NULL;
  size_t n;
  char *module = notebook_module(text, len, &n, &nb, err, errlen);
  if (!module) return;
  check_text(jobs, job, module, n, stamp, nb, err, errlen);
  free(module);
  vl_notebook_delete(nb);
}

/* Checks job i's file (err: what went wrong, or empty). */
static void work_into(Jobs *jobs, Job *job, char *err, size_t errlen) {
  if (job->stdin_text) {
    check_file_text(jobs, job, job->stdin_text, job->stdin_len, NULL, err, errlen);
    return;
  }
  Options *o = jobs->run->opt;
  if (!o->fix && !o->diff && !o->add_noqa && !vl_notebook_is_path(job->path) &&
      vl_session_quiet(jobs->session, job->index)) {
    /* nothing to show whatever the text (most files of a clean run): not read again */
    check_text(jobs, job, "", 0, NULL, NULL, err, errlen);
    return;
  }
  char *text;
  size_t len;
  VlFileStamp stamp = {0};
  if (stat(job->path, &stamp.st) != 0) {
    snprintf(err, errlen, "No such file or directory");
    return;
  }
  if (!vl_read_file(job->path, &text, &len, err, errlen)) return;
  stamp.text = text;
  stamp.len = len;
  check_file_text(jobs, job, text, len, &stamp, err, errlen);
  free(text);
}

static void work(void *ctx, size_t i) {
  Jobs *jobs = ctx;
  Job *job = &jobs->items[i];
  if (!job->reported) return; /* in another --shard */
  if (!job->config) return;    /* its configuration is broken: reported already */
  char err[512] = "";
  work_into(jobs, job, err, sizeof err);
  if (err[0]) job->error = vl_xstrdup(err);
}

static void emit(void *ctx, size_t i) {
  Jobs *jobs = ctx;
  Run *run = jobs->run;
  Options *o = run->opt;
  Job *job = &jobs->items[i];
  if (job->error) error(run, job->path, job->error);
  free(job->error);
  job->error = NULL;
  if (job->stdin_text && o->fix) fwrite(job->fixed ? job->fixed : job->stdin_text, 1,
                                        job->fixed ? job->fixed_len : job->stdin_len, stdout);
  if (job->diff.data) fputs(job->diff.data, run->out.out);
  if (o->diff) run->diffs += job->applied;
  else if (o->add_noqa) run->noqa_added += job->applied, run->noqa_skipped += job->skipped;
  else run->fixed += job->applied;
  VlReport *r = job->report;
  if (r && vl_report_skipped(r)) fprintf(stderr, "viewleak: warning: %s: %s\n", job->path, vl_report_skipped(r));
  if (r) {
    for (size_t k = 0; k < vl_report_count(r); k++) {
      const VlDiagnostic *d = vl_report_get(r, k);
      if (d->suppressed) continue;
      if (VL_IS_SYNTAX_ERROR(d)) run->out.syntax_errors++;
      if (d->fix.applicability == VL_FIX_SAFE) run->fixable_safe++;
      if (d->fix.applicability == VL_FIX_UNSAFE) run->fixable_unsafe++;
      for (size_t c = 0; c <= vl_rule_count() && c < 65; c++)
        if ((c < vl_rule_count() ? vl_rule_at(c) : &vl_rule_syntax_error) == d->rule) {
          run->counts[c].rule = d->rule;
          run->counts[c].count++;
          run->counts[c].fixable |= d->fix.applicability == VL_FIX_SAFE;
        }
    }
    if (!o->diff && !o->statistics && !o->add_noqa) o->format->report(&run->out, r);
    run->out.active += vl_report_active(r);
    vl_report_delete(r);
  }
  free(job->fixed);
  vl_buf_free(&job->diff);
}

/* ---- the program: scan, find the imported files, analyse along the import graph ---- */

/* Reads file i of the session (or the checked stdin text), a notebook's module for a notebook (the
 * notebook in *nb when nb is not NULL); NULL when it cannot be read. */
static char *unit_text(Jobs *jobs, size_t i, size_t *len, VlNotebook **nb) {
  Unit *u = &jobs->units[i];
  const char *path = vl_session_path(jobs->session, i);
  char *text, err[256];
  if (u->stdin_text) {
    *len = u->stdin_len;
    text = vl_xstrndup(u->stdin_text, u->stdin_len);
  } else if (!vl_read_file(path, &text, len, err, sizeof err)) {
    return NULL;
  }
  if (!vl_notebook_is_path(path)) return text;
  char *module = notebook_module(text, *len, len, nb, err, sizeof err); /* (work reports the error) */
  free(text);
  return module;
}

static void scan_one(void *ctx, size_t i) {
  Jobs *jobs = ctx;
  size_t len;
  VlNotebook *nb = NULL;
  char *text = unit_text(jobs, i, &len, &nb);
  if (nb) { /* a notebook: its messages name cells */
    size_t n = vl_notebook_code_cells(nb);
    uint32_t *rows = vl_xcalloc(n + 1, sizeof(uint32_t));
    unsigned *numbers = vl_xcalloc(n + 1, sizeof(unsigned));
    for (size_t k = 0; k < n; k++) rows[k] = vl_notebook_cell_row(nb, k), numbers[k] = vl_notebook_cell_number(nb, k);
    vl_session_set_cells(jobs->session, i, n, rows, numbers);
    free(rows);
    free(numbers);
    vl_notebook_delete(nb);
  }
  if (!text) return;
  vl_session_scan(jobs->session, i, text, len);
  free(text);
}

static void no_emit(void *ctx, size_t i) {
  (void)ctx;
  (void)i;
}

static size_t job_deps(void *ctx, size_t j, const size_t **list) {
  Jobs *jobs = ctx;
  return vl_session_job_deps(jobs->session, j, list);
}

/* The source bytes analysed at once, at most, while a large file is one of them (vl_pool_run_dag):
 * parsing and analysing a file takes about 50 times its size, and the test files of a package, the
 * largest and the last to be ready (they import the most), would otherwise meet two by two. */
enum { ANALYSIS_BUDGET = 256 * 1024 };

static size_t job_weight(void *ctx, size_t j) {
  Jobs *jobs = ctx;
  return vl_session_job_bytes(jobs->session, j);
}

/* A worker with nothing ready: reads and parses the files of job j, which still waits for its
 * imports (vl_pool_run_dag_prepared). */
static bool prepare_job(void *ctx, size_t j) {
  Jobs *jobs = ctx;
  if ((jobs->needed && !jobs->needed[j]) || vl_session_job_restored(jobs->session, j)) return false;
  const size_t *files;
  size_t n = vl_session_job_files(jobs->session, j, &files);
  bool held = false;
  for (size_t k = 0; k < n; k++) {
    Unit *u = &jobs->units[files[k]];
    if (!u->settings.selection || !(u->text = unit_text(jobs, files[k], &u->len, NULL))) continue;
    vl_session_prepare(jobs->session, files[k], u->text, u->len);
    held = true;
  }
  return held;
}

static void analyse_job(void *ctx, size_t j) {
  Jobs *jobs = ctx;
  if (jobs->needed && !jobs->needed[j]) return;
  if (vl_session_job_restored(jobs->session, j)) return; /* its results came from the cache */
  const size_t *files;
  size_t n = vl_session_job_files(jobs->session, j, &files);
  for (size_t k = 0; k < n; k++) {
    size_t i = files[k];
    Unit *u = &jobs->units[i];
    if (!u->settings.selection) continue;
    size_t len = u->len;
    char *text = u->text ? u->text : unit_text(jobs, i, &len, NULL);
    u->text = NULL;
    if (!text) continue;
    vl_session_analyse(jobs->session, i, text, len, u->settings.selection, &u->settings.extensions);
    free(text);
  }
  vl_session_cache_store(jobs->session, j);
}

/* Files imported by the checked ones, analysed for their callers: at most this many. */
enum { VL_DISCOVER_LIMIT = 4096 };

/* VIEWLEAK_STATS=1: how long each phase of a check took, on stderr (for engineers). */
static void phase(const char *name) {
  static int on = -1;
  static struct timespec last;
  if (on < 0) {
    on = getenv("VIEWLEAK_STATS") != NULL;
    clock_gettime(CLOCK_MONOTONIC, &last);
  }
  if (!on || !name) return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  fprintf(stderr, "phase %-10s %8.3f s\n", name, (double)(now.tv_sec - last.tv_sec) + (now.tv_nsec - last.tv_nsec) / 1e9);
  last = now;
}

/* The result cache's folder, as Ruff finds its own: --cache-dir, else $VIEWLEAK_CACHE_DIR, else the
 * `cache-dir` of the configuration that applies to the current folder (relative to that file's
 * folder), else .viewleak_cache in that configuration's folder (the project root; without one, the
 * current folder).  NULL when that configuration is broken (reported). */
static char *cache_folder(Run *run) {
  const char *env = getenv("VIEWLEAK_CACHE_DIR");
  if (run->opt->cache_dir) return vl_xstrdup(run->opt->cache_dir);
  if (env && *env) return vl_xstrdup(env);
  char err[512];
  const VlConfig *c = vl_project_config_for(run->project, ".", err, sizeof err);
  if (!c) {
    if (err[0]) error(run, NULL, err);
    return NULL;
  }
  const char *dir = c->cache_dir ? c->cache_dir : ".viewleak_cache";
  VlBuf b = {0};
  if (dir[0] == '/') vl_buf_puts(&b, dir);
  else vl_buf_printf(&b, "%s/%s", c->dir, dir);
  char *shown = vl_display_path(b.data); /* messages name it relative to the current folder */
  vl_buf_free(&b);
  return shown;
}

/* The result cache for this run, or NULL (--no-cache, stdin, or it cannot be opened: a warning).
 * --fix and --diff recheck fixed texts against the other modules' analyses, which the cache does
 * not hold, and VIEWLEAK_DEBUG shows the analysis: they analyse everything (and still store). */
static VlCache *open_cache(Run *run, bool stdin_text) {
  Options *o = run->opt;
  if (o->no_cache || stdin_text) return NULL;
  char *dir = cache_folder(run), err[1024];
  if (!dir) return NULL;
  VlCache *cache = vl_cache_open(dir, !o->fix && !o->diff && !getenv("VIEWLEAK_DEBUG"), err, sizeof err);
  if (!cache) fprintf(stderr, "viewleak: warning: no result cache: %s\n", err);
  free(dir);
  return cache;
}

/* VIEWLEAK_STATS=1: what the result cache gave. */
static void cache_stats(const VlCache *cache, const VlCacheJobs *jobs) {
  if (!cache || !getenv("VIEWLEAK_STATS")) return;
  VlCacheStats st = vl_cache_stats(cache);
  fprintf(stderr,
          "cache: %zu jobs, %zu with a key, %zu found, %zu taken, %zu analysed; scans: %zu looked up, %zu found; "
          "%zu entries written, %zu not written\n",
          jobs->jobs, jobs->cacheable, jobs->found, jobs->restored, jobs->jobs - jobs->restored,
          st.asked[VL_CACHE_SCAN], st.found[VL_CACHE_SCAN], st.written, st.failed);
}

/* Looks up each file's configuration (main thread), analyses the program, then reports each file
 * on the worker pool. */
static void check_all(Run *run, Job *items, size_t n) {
  Options *o = run->opt;
  char err[512];
  phase(NULL);
  VlSession *session = vl_session_new(run->engine);
  VlFileMemo *memo = vl_file_memo_new();
  for (size_t i = 0; i < n; i++) {
    items[i].config = vl_project_config_for(run->project, items[i].path, err, sizeof err);
    if (!items[i].config && err[0]) error(run, NULL, err);
    bool package;
    char *module = vl_module_for_path_memo(items[i].path, &package, NULL, memo);
    items[i].index = vl_session_add(session, items[i].path, module, package, true);
    items[i].reported = vl_shard_has(o->shard, items[i].path);
    free(module);
  }
  vl_file_memo_delete(memo);
  VlCache *cache = n ? open_cache(run, items[0].stdin_text != NULL) : NULL;
  if (cache) vl_session_use_cache(session, cache);
  Jobs jobs = {run, items, session, NULL, NULL};
  size_t checked = vl_session_count(session);
  jobs.units = vl_xcalloc(checked + VL_DISCOVER_LIMIT + 1, sizeof(Unit));
  for (size_t i = 0; i < n; i++)
    if (items[i].stdin_text) {
      jobs.units[items[i].index].stdin_text = items[i].stdin_text;
      jobs.units[items[i].index].stdin_len = items[i].stdin_len;
    }
  phase("add");
  vl_pool_run(checked, o->jobs, scan_one, no_emit, &jobs);
  phase("scan");
  vl_session_discover(session, VL_DISCOVER_LIMIT);
  phase("discover");
  /* rules and extensions: each file's own configuration */
  for (size_t i = 0; i < vl_session_count(session); i++) {
    const VlConfig *c = NULL;
    for (size_t k = 0; k < n && !c; k++)
      if (items[k].index == i) c = items[k].config;
    if (!c && i >= checked) c = vl_project_config_for(run->project, vl_session_path(session, i), err, sizeof err);
    if (!c) continue;
    VlUnitSettings *u = &jobs.units[i].settings;
    settings_for(o, c, vl_session_path(session, i), u);
    if (cache) vl_session_cache_settings(session, i, u->selection, &u->extensions);
  }
  phase("configure");
  vl_session_plan(session);
  if (o->shard.count) {
    /* every file is added (checked) as in a whole run, so each finding lands where it would; only
     * what the shard's reports need is analysed */
    bool *reported = vl_xcalloc(vl_session_count(session) + 1, sizeof(bool));
    for (size_t i = 0; i < n; i++) reported[items[i].index] |= items[i].reported;
    jobs.needed = vl_xcalloc(vl_session_njobs(session) + 1, sizeof(bool));
    vl_session_jobs_for(session, reported, jobs.needed);
    free(reported);
  }
  phase("plan");
  if (getenv("VIEWLEAK_STATS")) {
    size_t big = 0, files = 0;
    for (size_t j = 0; j < vl_session_njobs(session); j++) {
      const size_t *f;
      size_t k = vl_session_job_files(session, j, &f);
      files += k;
      if (k > big) big = k;
    }
    fprintf(stderr, "plan: %zu files in %zu jobs, the largest (an import cycle) of %zu files\n", files,
            vl_session_njobs(session), big);
    if (jobs.needed) {
      size_t need = 0;
      for (size_t j = 0; j < vl_session_njobs(session); j++) need += jobs.needed[j];
      fprintf(stderr, "shard %u/%u: %zu of %zu jobs analysed\n", o->shard.index, o->shard.count, need,
              vl_session_njobs(session));
    }
    for (size_t j = 0; j < vl_session_njobs(session) && getenv("VIEWLEAK_STATS_CYCLES"); j++) {
      const size_t *f;
      size_t k = vl_session_job_files(session, j, &f);
      if (k < 2) continue;
      fprintf(stderr, "cycle of %zu:", k);
      for (size_t x = 0; x < k; x++) fprintf(stderr, " %s", vl_session_path(session, f[x]));
      fprintf(stderr, "\n");
    }
  }
  VlCacheJobs cached = vl_session_cache_restore(session);
  phase("cache");
  vl_pool_run_dag_prepared(vl_session_njobs(session), o->jobs, job_deps, job_weight, ANALYSIS_BUDGET, prepare_job,
                           analyse_job, &jobs);
  phase("analyse");
  vl_session_mark_quiet(session);
  cache_stats(cache, &cached);
  vl_pool_run(n, o->jobs, work, emit, &jobs);
  phase("report");
  for (size_t i = 0; i < vl_session_count(session); i++) {
    vl_unit_settings_free(&jobs.units[i].settings);
    free(jobs.units[i].text); /* prepared, never analysed */
  }
  free(jobs.units);
  free(jobs.needed);
  vl_session_delete(session);
  vl_cache_delete(cache);
}

static char **read_lines(const char *file, size_t *count, Run *run) {
  char *text;
  size_t len;
  char err[256];
  *count = 0;
  if (strcmp(file, "-") == 0) {
    if (!vl_read_stream(stdin, &text, &len, err, sizeof err)) {
      error(run, "stdin", err);
      return NULL;
    }
  } else if (!vl_read_file(file, &text, &len, err, sizeof err)) {
    error(run, file, err);
    return NULL;
  }
  char **lines = NULL, *save = NULL;
  for (char *l = strtok_r(text, "\r\n", &save); l; l = strtok_r(NULL, "\r\n", &save)) {
    if (!*l) continue;
    lines = vl_xrealloc(lines, (*count + 1) * sizeof(char *));
    lines[(*count)++] = vl_xstrdup(l);
  }
  free(text);
  return lines;
}

/* --statistics: the rules with findings, in rule order; JSON with --output-format json. */
static void print_statistics(Run *run) {
  VlRuleCount rows[65];
  size_t n = 0;
  for (size_t k = 0; k <= vl_rule_count() && k < 65; k++)
    if (run->counts[k].count) rows[n++] = run->counts[k];
  vl_format_statistics(run->out.out, rows, n, run->opt->format == vl_format_find("json"));
}

static bool parse(int argc, char **argv, Options *o, int *exit_now) {
  const VlCliCommand *cmd = vl_cli_command("check");
  struct option opts[VL_CLI_MAX_OPTIONS + 1];
  char shorts[2 * VL_CLI_MAX_OPTIONS + 2];
  vl_cli_getopt(cmd, opts, shorts);
  bool ok = true;
  optind = 1;
  opterr = 0;
  for (int c; (c = getopt_long(argc, argv, shorts, opts, NULL)) != -1;) {
    switch (c) {
    case VL_OPT_SELECT: add_codes(&o->select, optarg); break;
    case VL_OPT_EXTEND_SELECT: add_codes(&o->extend_select, optarg); break;
    case VL_OPT_IGNORE: add_codes(&o->ignore, optarg); break;
    case VL_OPT_UNUSED_NOQA: add_codes(&o->extend_select, "VL900"); break;
    case VL_OPT_FORMAT:
      o->format = vl_format_find(optarg);
      if (!o->format) {
        fprintf(stderr, "viewleak: --output-format: unknown format '%s' (choose from: %s)\n", optarg, vl_format_names());
        ok = false;
      }
      break;
    case 'o': o->output_file = optarg; break;
    case 'q': o->quiet = true; break;
    case VL_OPT_EXIT_ZERO: o->exit_zero = true; break;
    case VL_OPT_NO_COLOR: o->color_mode = COLOR_NEVER; break;
    case VL_OPT_EXCLUDE:
      o->cli->has_exclude = true;
      add_items(&o->cli->exclude, optarg, ",");
      break;
    case VL_OPT_EXTEND_EXCLUDE: add_items(&o->cli->extend_exclude, optarg, ","); break;
    case VL_OPT_PER_FILE_IGNORES:
      if (!add_per_file_ignore(o->cli, optarg)) {
        fprintf(stderr, "viewleak: --per-file-ignores: '%s' is not GLOB:CODES (for example 'tests/*:VL001,VL002')\n",
                optarg);
        ok = false;
      }
      break;
    case VL_OPT_SHOW_FILES: o->show_files = true; break;
    case VL_OPT_SHOW_SETTINGS: o->show_settings = true; break;
    case VL_OPT_ADD_NOQA: o->add_noqa = true; break;
    case 'w': o->watch = true; break;
    case VL_OPT_COLOR:
      if (strcmp(optarg, "auto") == 0) o->color_mode = COLOR_AUTO;
      else if (strcmp(optarg, "always") == 0) o->color_mode = COLOR_ALWAYS;
      else if (strcmp(optarg, "never") == 0) o->color_mode = COLOR_NEVER;
      else {
        fprintf(stderr, "viewleak: --color: '%s' is not auto, always or never\n", optarg);
        ok = false;
      }
      break;
    case VL_OPT_CONFIG: o->config = optarg; break;
    case VL_OPT_ISOLATED: o->isolated = true; break;
    case VL_OPT_FORCE_EXCLUDE: o->force_exclude = true; break;
    case VL_OPT_NO_RESPECT_GITIGNORE: o->no_respect_gitignore = true; break;
    case VL_OPT_SHARD:
      if (!vl_shard_parse(optarg, &o->shard)) {
        fprintf(stderr, "viewleak: --shard: '%s' is not K/N with 1 <= K <= N <= %d (for example 2/4)\n", optarg,
                VL_SHARD_MAX);
        ok = false;
      }
      break;
    case VL_OPT_FIX: o->fix = true; break;
    case VL_OPT_UNSAFE: o->unsafe_fixes = true; break;
    case VL_OPT_DIFF: o->diff = true; break;
    case VL_OPT_EXIT_ON_FIX: o->exit_non_zero_on_fix = true; break;
    case VL_OPT_STDIN: o->stdin_filename = optarg; break;
    case VL_OPT_FILES_FROM: o->files_from = optarg; break;
    case VL_OPT_STATISTICS: o->statistics = true; break;
    case VL_OPT_NO_CACHE: o->no_cache = true; break;
    case VL_OPT_CACHE_DIR:
      if (!*optarg) {
        fprintf(stderr, "viewleak: --cache-dir: the folder name is empty\n");
        ok = false;
      }
      o->cache_dir = optarg;
      break;
    case VL_OPT_JOBS: {
      char *end;
      long n = strtol(optarg, &end, 10);
      if (*end || n < 1 || n > 256) {
        fprintf(stderr, "viewleak: --jobs: '%s' is not a number from 1 to 256\n", optarg);
        ok = false;
      } else {
        o->jobs = (int)n;
      }
      break;
    }
    case 'h':
      vl_cli_print_help(stdout, cmd);
      *exit_now = VL_EXIT_CLEAN;
      return false;
    default:
      *exit_now = vl_cli_option_error("check", opts, argv, c);
      return false;
    }
  }
  ok &= codes_known(&o->select, "--select") & codes_known(&o->extend_select, "--extend-select") &
        codes_known(&o->ignore, "--ignore");
  for (size_t i = 0; i < o->cli->nper_file_ignores; i++)
    ok &= codes_known(&o->cli->per_file_ignores[i].codes, "--per-file-ignores");
  if (optind < argc && strcmp(argv[optind], "-") == 0 && argc - optind == 1) { /* `check -`: stdin, as Ruff */
    if (!o->stdin_filename) o->stdin_filename = "-";
    optind++;
  }
  for (int i = optind; i < argc; i++)
    if (strcmp(argv[i], "-") == 0) {
      fprintf(stderr, "viewleak: '-' (stdin) cannot be checked with other paths\n");
      ok = false;
      break;
    }
  if (o->add_noqa && (o->fix || o->diff || o->stdin_filename)) {
    fprintf(stderr, "viewleak: --add-noqa edits the checked files: it cannot be used with --fix, --diff or stdin\n");
    ok = false;
  }
  if (o->watch) { /* as Ruff, --fix works in watch mode; what edits once or reads stdin once does not */
    char why[64];
    const char *with = o->diff ? "--diff" : o->add_noqa ? "--add-noqa" : o->show_files ? "--show-files"
                     : o->show_settings ? "--show-settings" : o->stdin_filename ? "stdin (- or --stdin-filename)"
                     : o->files_from && strcmp(o->files_from, "-") == 0 ? "--files-from - (stdin)" : NULL;
    if (!vl_watch_supported(why, sizeof why)) {
      fprintf(stderr, "viewleak: --watch: %s\n", why);
      ok = false;
    } else if (with) {
      fprintf(stderr, "viewleak: --watch cannot be used with %s\n", with);
      ok = false;
    }
  }
  if (o->config && o->isolated) {
    fprintf(stderr, "viewleak: --config and --isolated cannot be used together\n");
    ok = false;
  }
  if (o->stdin_filename && (optind < argc || o->files_from)) {
    fprintf(stderr, "viewleak: --stdin-filename reads stdin: give no paths and no --files-from\n");
    ok = false;
  }
  if (o->stdin_filename && o->shard.count) {
    fprintf(stderr, "viewleak: --shard splits the files to check: it cannot be used with --stdin-filename\n");
    ok = false;
  }
  if (!ok) *exit_now = VL_EXIT_ERROR;
  return ok;
}

/* Does -o name something that exists and is not a regular file (a device, a FIFO, a socket)? */
static bool output_is_special(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

static void print_list(FILE *out, const char *key, const VlStrList *l) {
  fprintf(out, "%s = [", key);
  for (size_t i = 0; i < l->count; i++) fprintf(out, "%s\"%s\"", i ? ", " : "", l->items[i]);
  fprintf(out, "]\n");
}

static void print_per_file_ignores(FILE *out, const char *key, const VlConfig *c) {
  fprintf(out, "%s = {", key);
  for (size_t i = 0; i < c->nper_file_ignores; i++) {
    fprintf(out, "%s\"%s\" = [", i ? ", " : "", c->per_file_ignores[i].pattern);
    for (size_t k = 0; k < c->per_file_ignores[i].codes.count; k++)
      fprintf(out, "%s\"%s\"", k ? ", " : "", c->per_file_ignores[i].codes.items[k]);
    fputc(']', out);
  }
  fprintf(out, "}\n");
}

/* --show-settings: the configuration file that applies to `path`, its settings, the command line's,
 * and the rules that run there (as TOML-like lines). */
static void print_settings(Run *run, const char *path) {
  char err[512];
  const VlConfig *c = vl_project_config_for(run->project, path, err, sizeof err);
  if (!c) {
    error(run, NULL, err[0] ? err : "no configuration");
    return;
  }
  const Options *o = run->opt;
  FILE *out = run->out.out;
  fprintf(out, "Resolved settings for: \"%s\"\n", path);
  if (c->path) fprintf(out, "Settings path: \"%s\"\n\n", c->path);
  else fprintf(out, "Settings path: none (the defaults)\n\n");
  fprintf(out, "# configuration\n");
  if (c->has_select) print_list(out, "select", &c->select);
  else fprintf(out, "select = (the default rules)\n");
  print_list(out, "extend-select", &c->extend_select);
  print_list(out, "ignore", &c->ignore);
  print_per_file_ignores(out, "per-file-ignores", c);
  if (c->has_exclude) print_list(out, "exclude", &c->exclude);
  else fprintf(out, "exclude = (the defaults)\n");
  print_list(out, "extend-exclude", &c->extend_exclude);
  print_list(out, "include", c->has_include ? &c->include : vl_config_default_includes());
  print_list(out, "extend-include", &c->extend_include);
  fprintf(out, "respect-gitignore = %s\n", c->respect_gitignore ? "true" : "false");
  print_list(out, "extend-copy-functions", &c->copy_functions);
  print_list(out, "extend-view-functions", &c->view_functions);
  print_list(out, "extend-array-producers", &c->array_producers);
  fprintf(out, "cache-dir = \"%s\"\n", c->cache_dir ? c->cache_dir : ".viewleak_cache");
  fprintf(out, "\n# command line\n");
  print_list(out, "--select", &o->select);
  print_list(out, "--extend-select", &o->extend_select);
  print_list(out, "--ignore", &o->ignore);
  print_per_file_ignores(out, "--per-file-ignores", o->cli);
  if (o->cli->has_exclude) print_list(out, "--exclude", &o->cli->exclude);
  print_list(out, "--extend-exclude", &o->cli->extend_exclude);
  fprintf(out, "\n# rules that run on this file\nrules = [");
  VlUnitSettings u;
  settings_for(o, c, path, &u);
  for (size_t i = 0, n = 0; i < vl_rule_count(); i++)
    if (vl_selection_enabled(u.selection, vl_rule_at(i)->code))
      fprintf(out, "%s\"%s\"", n++ ? ", " : "", vl_rule_at(i)->code);
  fprintf(out, "]\n");
  vl_unit_settings_free(&u);
}

/* Colour, as Ruff decides it: --color always/never, else FORCE_COLOR (not empty) or CLICOLOR_FORCE (not
 * "0") turn it on (CI logs), else NO_COLOR (not empty) turns it off, else a terminal has it. */
static bool use_color(int mode, bool terminal) {
  if (mode != COLOR_AUTO) return mode == COLOR_ALWAYS;
  const char *force = getenv("FORCE_COLOR"), *clicolor = getenv("CLICOLOR_FORCE"), *no = getenv("NO_COLOR");
  if ((force && *force) || (clicolor && *clicolor && strcmp(clicolor, "0") != 0)) return true;
  if (no && *no) return false;
  return terminal;
}

/* --watch: each folder the walk reads is watched. */
static void watched_folder(void *ctx, const char *dir) {
  Run *run = ctx;
  vl_watch_folder(run->watch, dir);
}

/* One check of the inputs: the report, the fixes, the exit status; *found: the findings reported.
 * `watch` (--watch): told the paths the check covers. */
static int check_once(const Options *opts, int argc, char **argv, VlWatch *watch, size_t *found) {
  Options o = *opts; /* (the colour is decided for each run) */
  int code = VL_EXIT_CLEAN;
  Run run = {.opt = &o, .watch = watch};
  char err[512] = "";
  char *tmp_out = NULL; /* -o: where the report is written until it is complete */
  char *output_target = NULL; /* -o through a symbolic link: the file it names */
  bool refuse = false;  /* -o names a checked file, or the report could not be written */
  VlPathList files = {0};
  bool report_to_stderr = o.stdin_filename && o.fix && !o.output_file; /* stdout carries the fixed source */
  if (o.output_file) o.color = o.color_mode == COLOR_ALWAYS; /* a report file: only when asked */
  else o.color = use_color(o.color_mode, isatty(report_to_stderr ? STDERR_FILENO : STDOUT_FILENO));
  if (report_to_stderr) {
    run.out.out = stderr;
  } else if (o.output_file && output_is_special(o.output_file)) {
    /* a device, a FIFO, a socket (-o /dev/stderr, -o /dev/null): written to as it is, never
     * replaced by a regular file */
    run.out.out = fopen(o.output_file, "w");
    if (!run.out.out) {
      error(&run, o.output_file, "cannot open for writing");
      code = VL_EXIT_ERROR;
      goto out;
    }
  } else if (o.output_file) {
    /* the report goes to a temporary file beside it, renamed over it at the end: the output path is
     * never truncated before the run ends (`check o.py -o o.py` must not empty o.py).  Through a
     * symbolic link, the file it points to is replaced, and the link stays. */
    char *real = realpath(o.output_file, NULL);
    if (real) output_target = real;
    const char *target = real ? real : o.output_file;
    const char *slash = strrchr(target, '/');
    VlBuf t = {0};
    if (slash) vl_buf_append(&t, target, (size_t)(slash - target + 1));
    vl_buf_append(&t, ".viewleak-report-XXXXXX", 24);
    tmp_out = t.data;
    int fd = mkstemp(tmp_out);
    if (fd >= 0) {
      mode_t mask = umask(0);
      umask(mask);
      (void)fchmod(fd, 0666 & ~mask); /* as fopen would create it */
      run.out.out = fdopen(fd, "w");
      if (!run.out.out) close(fd), unlink(tmp_out);
    }
    if (!run.out.out) {
      free(tmp_out);
      tmp_out = NULL;
      error(&run, o.output_file, "cannot open for writing");
      code = VL_EXIT_ERROR;
      goto out;
    }
  } else {
    run.out.out = stdout;
  }
  run.out.color = o.color;
  run.out.quiet = o.quiet;
  VlEngine *engine = vl_engine_new(err, sizeof err);
  if (!engine) {
    error(&run, NULL, err);
    code = VL_EXIT_ERROR;
    goto out;
  }
  run.engine = engine;
  run.project = vl_project_new(o.config, o.isolated, err, sizeof err);
  if (!run.project) {
    error(&run, NULL, err);
    vl_engine_delete(engine);
    code = VL_EXIT_ERROR;
    goto out;
  }

  bool listing = o.show_files || o.show_settings; /* print what would be checked, check nothing */
  bool report = !o.diff && !o.statistics && !o.add_noqa && !listing;
  if (report) o.format->begin(&run.out);
  if (o.stdin_filename && listing) {
    if (o.show_files) fprintf(run.out.out, "%s\n", o.stdin_filename);
    else print_settings(&run, o.stdin_filename);
  } else if (o.stdin_filename) {
    char *text, why[256];
    size_t len;
    if (!vl_read_stream(stdin, &text, &len, why, sizeof why)) {
      error(&run, "stdin", why);
      code = VL_EXIT_ERROR;
    } else {
      Job job = {.path = o.stdin_filename, .stdin_text = text, .stdin_len = len};
      check_all(&run, &job, 1);
      free(text);
    }
  } else {
    size_t nroots = 0;
    char **roots = NULL;
    if (o.files_from) roots = read_lines(o.files_from, &nroots, &run);
    const char *dot = ".";
    const char *const *named = o.files_from ? (const char *const *)roots : optind < argc ? (const char *const *)argv + optind : &dot;
    size_t nnamed = o.files_from ? nroots : optind < argc ? (size_t)(argc - optind) : 1;
    VlWalkOptions walk = {o.force_exclude ? skip_named : skip_excluded,
                          o.no_respect_gitignore ? NULL : respects_gitignore, &run, o.force_exclude, included,
                          watch ? watched_folder : NULL};
    for (size_t i = 0; watch && i < nnamed; i++) vl_watch_path(watch, named[i]);
    if (watch && o.config) vl_watch_path(watch, o.config);
    vl_walk(named, nnamed, &walk, &files);
    for (size_t i = 0; i < nroots; i++) free(roots[i]);
    free(roots);
    for (size_t i = 0; i < files.nerrors; i++) error(&run, NULL, files.errors[i]);
    struct stat os;
    if (o.output_file && stat(o.output_file, &os) == 0) /* -o naming a checked file: a typo */
      for (size_t i = 0; i < files.count && !refuse; i++) {
        struct stat fs;
        refuse = stat(files.paths[i], &fs) == 0 && fs.st_dev == os.st_dev && fs.st_ino == os.st_ino;
      }
    if (refuse) {
      error(&run, o.output_file, "is one of the files to check: refusing to write the report over it");
    } else if (o.show_files) {
      for (size_t i = 0; i < files.count; i++) fprintf(run.out.out, "%s\n", files.paths[i]);
    } else if (o.show_settings) {
      if (files.count) print_settings(&run, files.paths[0]);
      else error(&run, NULL, "--show-settings: no Python file to show the settings of");
    } else {
      Job *items = vl_xcalloc(files.count ? files.count : 1, sizeof(Job));
      for (size_t i = 0; i < files.count; i++) items[i].path = files.paths[i];
      check_all(&run, items, files.count);
      free(items);
    }
  }
  if (o.statistics) print_statistics(&run);
  else if (report) o.format->end(&run.out);
  if (o.add_noqa) { /* as Ruff: a count on stderr, exit 0 */
    fprintf(stderr, "Added %zu noqa directive%s.\n", run.noqa_added, run.noqa_added == 1 ? "" : "s");
    if (run.noqa_skipped)
      fprintf(stderr, "viewleak: warning: %zu finding%s on lines ending in a backslash continuation got no directive\n",
              run.noqa_skipped, run.noqa_skipped == 1 ? "" : "s");
  }
  bool human = o.format == vl_format_find("text") || o.format == vl_format_find("full") || o.format == vl_format_find("concise");
  if (human && !o.quiet && report) {
    if (run.fixed) fprintf(run.out.out, "Fixed %zu finding%s.\n", run.fixed, run.fixed == 1 ? "" : "s");
    if (run.fixable_safe) fprintf(run.out.out, "[*] %zu fixable with `--fix`.\n", run.fixable_safe);
    if (run.fixable_unsafe)
      fprintf(run.out.out, "%zu unsafe fix%s available with `--fix --unsafe-fixes`.\n", run.fixable_unsafe,
              run.fixable_unsafe == 1 ? "" : "es");
  }
  if (o.diff && !o.quiet) { /* as Ruff: stdout carries the diff, the summary goes to stderr */
    if (run.diffs) fprintf(stderr, "Would fix %zu finding%s.\n", run.diffs, run.diffs == 1 ? "" : "s");
    else if (run.fixable_unsafe && !o.unsafe_fixes)
      fprintf(stderr, "No findings would be fixed (%zu fix%s available with `--unsafe-fixes`).\n", run.fixable_unsafe,
              run.fixable_unsafe == 1 ? "" : "es");
  }
  size_t active = run.out.active;
  vl_project_delete(run.project);
  vl_engine_delete(engine);
  if (run.error) code = VL_EXIT_ERROR;
  else if (o.diff) code = run.diffs ? VL_EXIT_FINDINGS : VL_EXIT_CLEAN;
  else if (o.add_noqa || listing) code = VL_EXIT_CLEAN;
  else if ((active && !o.exit_zero) || (o.exit_non_zero_on_fix && run.fixed)) code = VL_EXIT_FINDINGS;
out:
  if (run.out.out && run.out.out != stdout && run.out.out != stderr && fclose(run.out.out) != 0) {
    fprintf(stderr, "viewleak: error: %s: write failed\n", o.output_file);
    code = VL_EXIT_ERROR;
    refuse = true;
  }
  if (tmp_out) { /* the report, complete: in place of the output file at once (or dropped) */
    if (refuse) {
      unlink(tmp_out);
    } else if (rename(tmp_out, output_target ? output_target : o.output_file) != 0) {
      fprintf(stderr, "viewleak: error: %s: cannot write the report there\n", o.output_file);
      unlink(tmp_out);
      code = VL_EXIT_ERROR;
    }
    free(tmp_out);
  }
  free(output_target);
  /* a report or a fixed source that could not be written is an error, never a success (> /dev/full) */
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "viewleak: error: cannot write to standard output: %s\n", strerror(errno ? errno : EIO));
    code = VL_EXIT_ERROR;
  }
  vl_path_list_free(&files);
  *found = run.out.active;
  return code;
}

typedef struct Watched {
  const Options *o;
  int argc;
  char **argv;
} Watched;

static size_t check_watched(void *ctx, VlWatch *watch) {
  Watched *w = ctx;
  size_t found;
  (void)check_once(w->o, w->argc, w->argv, watch, &found);
  return found;
}

int vl_cmd_check(int argc, char **argv) {
  Options o = {.format = vl_format_find("text"), .jobs = vl_pool_default_threads(), .cli = vl_config_default()};
  int code = VL_EXIT_CLEAN;
  size_t found;
  if (parse(argc, argv, &o, &code)) {
    Watched w = {&o, argc, argv};
    code = o.watch ? vl_watch_run(check_watched, &w, stdout) : check_once(&o, argc, argv, NULL, &found);
  }
  free_list(&o.select);
  free_list(&o.extend_select);
  free_list(&o.ignore);
  vl_config_delete(o.cli);
  return code;
}
