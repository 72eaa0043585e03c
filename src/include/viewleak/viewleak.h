/* viewleak.h: the analysis library's public API.
 *
 * The front ends (CLI, LSP server, pre-commit entry) use only this header; they never see
 * tree-sitter.  Sections: exit codes, positions, rules, selection, engine, reports.
 *
 * Ownership: a VlEngine is built once, is read-only afterwards and may be shared by threads.  Each
 * vl_engine_check() call returns a VlReport that owns everything it points to (source copy,
 * diagnostics, strings) and is freed with vl_report_delete().  Library code never prints. */
#ifndef VIEWLEAK_H
#define VIEWLEAK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VL_VERSION "0.1.0"

/* ---- exit codes (Ruff's convention) ---- */
typedef enum VlExit {
  VL_EXIT_CLEAN = 0,    /* nothing found */
  VL_EXIT_FINDINGS = 1, /* at least one finding */
  VL_EXIT_ERROR = 2     /* usage, configuration or I/O error */
} VlExit;

/* ---- positions: byte offset plus 0-based row and 0-based byte column ---- */
typedef struct VlPos {
  uint32_t byte, row, col;
} VlPos;
typedef struct VlRange {
  VlPos start, end;
} VlRange;

/* ---- rules ---- */
typedef struct VlRuleInfo {
  const char *code;    /* "VL001" */
  const char *name;    /* "retained-view-of-rebound-array" */
  const char *summary; /* one line */
  bool default_enabled;
} VlRuleInfo;

/* Python syntax errors are diagnostics of this pseudo-rule, as Ruff reports them: no code (code is
 * ""), name "syntax-error", the message starts with "SyntaxError: ", no fix; shown whatever the
 * selection and never suppressed by `# noqa` (a file that does not parse was only partly analysed).
 * It is not in the rule table (vl_rule_at never returns it). */
extern const VlRuleInfo vl_rule_syntax_error;
/* True when d reports a syntax error (d->rule == &vl_rule_syntax_error). */
#define VL_IS_SYNTAX_ERROR(d) ((d)->rule == &vl_rule_syntax_error)

/* Number of rules, and rule i (0-based, in code order). */
size_t vl_rule_count(void);
const VlRuleInfo *vl_rule_at(size_t i);
/* The rule with that code (case-insensitive), or NULL. */
const VlRuleInfo *vl_rule_find(const char *code);
/* For a code or prefix that matches no rule: " (did you mean 'VL001'?)" naming the nearest rule code
 * (base/suggest.h), or "", into out; returns out. */
char *vl_rule_suggest(const char *typed, char *out, size_t outlen);
/* The rule's Markdown documentation (rules/<code>.md, embedded at build time). */
const char *vl_rule_doc(const VlRuleInfo *rule);

/* ---- selection: which rules run (select/ignore by code or prefix, as Ruff) ---- */
typedef struct VlSelection VlSelection;
VlSelection *vl_selection_new(void); /* selects every default-enabled rule */
void vl_selection_delete(VlSelection *self);
/* Sets the select list (replacing the default) or adds an ignore entry.  Returns false when the
 * prefix matches no rule ("ALL" matches every rule). */
bool vl_selection_select(VlSelection *self, const char *prefix);
/* Replaces the default set with an empty select list (`select = []`): nothing runs unless added. */
void vl_selection_select_none(VlSelection *self);
bool vl_selection_ignore(VlSelection *self, const char *prefix);
bool vl_selection_enabled(const VlSelection *self, const char *code);

/* ---- engine: parser language, rule table, library tables; read-only after vl_engine_new ---- */
typedef struct VlEngine VlEngine;
/* Returns NULL and writes a message into err when the embedded tables are malformed. */
VlEngine *vl_engine_new(char *err, size_t errlen);
void vl_engine_delete(VlEngine *self);

/* ---- fixes (Ruff's applicability: safe fixes keep behaviour; unsafe ones may change it and
 * are applied only with --unsafe-fixes) ---- */
typedef enum VlApplicability { VL_FIX_NONE = 0, VL_FIX_SAFE, VL_FIX_UNSAFE } VlApplicability;
typedef struct VlEdit {
  VlRange range;       /* replaced bytes (empty for an insertion) */
  const char *content; /* replacement text */
} VlEdit;
typedef struct VlFix {
  VlApplicability applicability;
  const char *message; /* "Store a copy with `.copy()`" */
  const VlEdit *edits;
  size_t nedits;
} VlFix;
/* "safe" / "unsafe" / "none" */
const char *vl_applicability_name(VlApplicability a);

/* Where a rule's documentation is published: VL_DOCS_URL followed by "<CODE>.md". */
#ifndef VL_DOCS_URL
#define VL_DOCS_URL "https://github.com/viewleak/viewleak/blob/main/rules/"
#endif

/* ---- reports: one analysed file ---- */
typedef struct VlDiagnostic {
  const VlRuleInfo *rule;
  const char *message;  /* one sentence */
  const char *help;     /* how to fix it */
  const char *note;     /* what it costs (the size kept alive), or NULL */
  VlRange range;        /* the stored view expression */
  bool has_related;     /* VL001/VL002: the line that rebinds (makes) the array: the secondary label */
  VlRange related;
  const char *related_message;
  bool suppressed;      /* matched a `# noqa` comment on its line */
  VlFix fix;            /* applicability VL_FIX_NONE when the rule offers none */
} VlDiagnostic;

typedef struct VlReport VlReport;

/* Project-specific library knowledge (from configuration): helpers that copy, return a view of their
 * first argument, or produce a fresh array.  Names are qualified as imported ("mylib.shuffle") or bare
 * for functions defined in the checked file. */
typedef struct VlLibraryExtensions {
  const char *const *copy;
  size_t ncopy;
  const char *const *view;
  size_t nview;
  const char *const *producer;
  size_t nproducer;
} VlLibraryExtensions;

/* Analyses `text` (len bytes, need not be NUL-terminated; copied) as the Python file `path`.
 * Never fails: Python syntax errors are analysed around.  Thread-safe for distinct calls. */
VlReport *vl_engine_check(const VlEngine *self, const char *path, const char *text, size_t len,
                          const VlSelection *selection, const VlLibraryExtensions *extensions);
/* vl_engine_check for a notebook's module (its code cells joined: driver/notebook.h): code cell k
 * starts at row first_rows[k] and is cell numbers[k] of the notebook, so that messages and the
 * report (vl_report_cell) name cells. */
VlReport *vl_engine_check_cells(const VlEngine *self, const char *path, const char *text, size_t len,
                                const VlSelection *selection, const VlLibraryExtensions *extensions, size_t ncells,
                                const uint32_t *first_rows, const unsigned *numbers);
void vl_report_delete(VlReport *self);

const char *vl_report_path(const VlReport *self);
/* Diagnostics sorted by position; suppressed ones included (flagged). */
size_t vl_report_count(const VlReport *self);
const VlDiagnostic *vl_report_get(const VlReport *self, size_t i);
/* Number of unsuppressed diagnostics. */
size_t vl_report_active(const VlReport *self);
/* The text of 0-based line `row`, without its line ending; *len receives its length. */
const char *vl_report_line(const VlReport *self, uint32_t row, size_t *len);
/* The whole source as analysed. */
const char *vl_report_text(const VlReport *self, size_t *len);
/* True when the report holds syntax errors (the parser had to recover; analysis still ran): false for a
 * file whose only parse errors were forms of valid Python the grammar rejects and a second parse accepts
 * (f"{x:=^10}"), as the report holds none for them. */
bool vl_report_has_syntax_errors(const VlReport *self);
/* Why the file was not analysed (nesting deeper than any valid Python: CPython stops at 200 nested
 * parentheses), or NULL when it was. */
const char *vl_report_skipped(const VlReport *self);

/* A notebook's report (its code cells joined into one module, driver/notebook.h): the cell of
 * 0-based row `row` (its number among all the notebook's cells, 1-based) and the 0-based row in it.
 * False for a report that is not a notebook's.  Columns are the same in the cell. */
bool vl_report_cell(const VlReport *self, uint32_t row, unsigned *cell, uint32_t *cell_row);

/* ---- sessions: several files checked as one program ----
 *
 * A call into a helper of another module, a method of a class defined elsewhere, a generator
 * imported from a sibling file: a session follows them.  Use:
 *   1. vl_session_add every file to check (checked) and, as they are found, the modules they import
 *      (not checked: analysed for their callers only);
 *   2. vl_session_scan each file's text (any thread, distinct files): what it imports;
 *      vl_session_imports names them, so the caller can add the files that define them;
 *   3. vl_session_plan, then vl_session_analyse every file, job by job: a job's files in order,
 *      after the jobs it depends on (vl_session_job_*); jobs ready together may run on threads;
 *   4. vl_session_report for each checked file (any thread, distinct files): its findings, some
 *      found while analysing the files that call into it.
 * vl_engine_check is a session of one file. */
typedef struct VlSession VlSession;
VlSession *vl_session_new(const VlEngine *engine);
void vl_session_delete(VlSession *self);
/* Adds a file under its dotted module name ("pkg.utils"; see vl_module_for_path in driver/),
 * `package` for an __init__.py.  Returns its index; a path added twice keeps its first index (and
 * becomes checked if either call said so). */
size_t vl_session_add(VlSession *self, const char *path, const char *module, bool package, bool checked);
size_t vl_session_count(const VlSession *self);
const char *vl_session_path(const VlSession *self, size_t i);
bool vl_session_checked(const VlSession *self, size_t i);
/* Does a file of the session define that dotted module name? */
bool vl_session_has_module(const VlSession *self, const char *module);
/* Is module a modelled library's (numpy.linalg, torch.nn) or a viewless one's (jax)?  Its calls are
 * read from the library tables, so its sources are never worth analysing. */
bool vl_session_is_library(const VlSession *self, const char *module);
/* File i is a notebook's module (driver/notebook.h): code cell k starts at row first_rows[k] and is
 * cell numbers[k] of the notebook (copied), so messages name places as "line 3 of cell 4".  Before
 * vl_session_cache_settings and the analysis; thread-safe for distinct files. */
void vl_session_set_cells(VlSession *self, size_t i, size_t n, const uint32_t *first_rows, const unsigned *numbers);
/* Reads what file i imports from its source (only import lines are parsed). */
void vl_session_scan(VlSession *self, size_t i, const char *text, size_t len);
/* The absolute dotted names file i imports or may import (`from a import b`: a and a.b). */
size_t vl_session_imports(const VlSession *self, size_t i, const char *const **names);
/* Orders the analysis along the import graph (an import cycle is one job, in path order); the
 * imports are forgotten then (vl_session_imports names none). */
void vl_session_plan(VlSession *self);
size_t vl_session_njobs(const VlSession *self);
size_t vl_session_job_files(const VlSession *self, size_t job, const size_t **files);
size_t vl_session_job_deps(const VlSession *self, size_t job, const size_t **deps);
/* The bytes of source a job analyses (its files' sizes as scanned). */
size_t vl_session_job_bytes(const VlSession *self, size_t job);
/* After planning, the jobs the reports of some files need (`files`: per file, true for those to
 * report; `jobs`: per job, set true for those to analyse): the jobs of those files, of every file
 * that imports one of them, directly or not (a caller's loop may report in its callee), and of
 * everything those import.  Analysing only these jobs gives those files the reports the whole
 * program gives them. */
void vl_session_jobs_for(const VlSession *self, const bool *files, bool *jobs);
/* Parses and lowers file i ahead of its analysis (any thread, distinct files, also while the jobs it
 * waits for run: it reads no other module).  `text` is borrowed until vl_session_analyse of file i,
 * which must be given the same text; that analysis then uses this IR (what it finds is the same). */
void vl_session_prepare(VlSession *self, size_t i, const char *text, size_t len);
/* Analyses file i (the text it was scanned from). */
void vl_session_analyse(VlSession *self, size_t i, const char *text, size_t len, const VlSelection *selection,
                        const VlLibraryExtensions *extensions);
/* The report of file i, for `text` as analysed; after every analysis. */
VlReport *vl_session_report(VlSession *self, size_t i, const char *text, size_t len, const VlSelection *selection);
/* After every analysis, before the reports, on one thread: notes which files' reports show nothing
 * whatever their text (vl_session_quiet). */
void vl_session_mark_quiet(VlSession *self);
/* After vl_session_mark_quiet: file i was read when scanned, and no finding lands in it, it has no
 * noqa comment (none to apply, none unused) and no syntax error.  Its report is then that of the
 * empty text (vl_session_report(self, i, "", 0, ...)): a front end need not read it again. */
bool vl_session_quiet(const VlSession *self, size_t i);
/* The report of file i if it read `text` instead (a --fix pass), the other files as analysed. */
VlReport *vl_session_recheck(VlSession *self, size_t i, const char *text, size_t len, const VlSelection *selection,
                             const VlLibraryExtensions *extensions);

/* Syntax trees deeper than this are not analysed (the analysis walks them recursively). */
#define VL_MAX_TREE_DEPTH 1000

#endif
