/* session_internal.h: what the parts of a session share (session.c: scanning, planning, analysis,
 * reports; session_cache.c: its results in the result cache).  Not for the front ends.
 *
 * A session owns its files' records; each record's findings and comments live in its arena. */
#ifndef VL_DRIVER_SESSION_INTERNAL_H
#define VL_DRIVER_SESSION_INTERNAL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "driver/cache.h"
#include "flow/program.h"
#include "ir/scan.h"
#include "rules/rule.h"
#include "viewleak/viewleak.h"

/* A finding as kept between analysis and report: spans in bytes of files of the session.  What the
 * rule reported is kept whole (the result cache stores it); where it is shown depends on which
 * files are being checked (vl_session_place). */
typedef struct SFinding {
  const VlRule *rule;
  size_t at_file; /* where the rule reported it (any file the analysed one imports, or itself) */
  uint32_t at_start, at_end;
  bool has_via;   /* a store in a callee: the call in the file analysed that leads there */
  size_t via_file;
  uint32_t via_start, via_end;
  const char *message, *help, *note;
  bool has_related;
  size_t related_file;
  uint32_t related_start, related_end;
  const char *related_message;
  VlFix fix; /* applicability VL_FIX_NONE: none */
  uint32_t fix_at;
  const char *fix_insert;
  /* where it is shown (vl_session_place) */
  bool shown; /* false: in a file not checked, and not through a call in the file analysed */
  size_t file;
  uint32_t start, end;
  bool fixable; /* its fix applies there */
} SFinding;

typedef struct SComment {
  uint32_t row, start;
  const char *text;
  uint32_t len;
} SComment;

typedef struct SFile {
  char *path;
  VlModInfo *mi;
  bool checked, package, scanned, analysed, syntax_errors;
  struct VlSyntaxError *errors; /* where (in arena), when analysed here; NULL after a cache hit */
  size_t nerrors;
  const char *skipped;
  VlArena *arena; /* findings, comments */
  VlArena *scan;  /* imports, until the analysis is planned */
  const char **imports;
  bool *implied;   /* per import: found, but no dependency: a parent package that `import a.b.c` runs,
                      or an import inside a block (deferred to a call, only for type checkers, or
                      optional), which is where import cycles close */
  size_t nimports;
  const char **members; /* per import: the name `from m import name` reads from module m, or NULL when
                           it reads the module whole (`import m`, a parent package, a submodule, `*`) */
  size_t bytes;        /* the size of the text it was scanned from */
  VL_VEC(size_t) deps; /* files it imports */
  bool imported;       /* another file of the session imports it: its exports are read */
  bool quiet;          /* vl_session_quiet */
  VL_VEC(SFinding) findings; /* found while analysing it, reported in it or in other files */
  SComment *noqa;           /* its comments that mention noqa */
  size_t nnoqa;
  size_t scc;
  /* the result cache (session_cache.c), when the session has one */
  bool hashed;         /* content and len describe the text it was scanned from */
  bool unstable;       /* it was analysed from another text (changed meanwhile): its job is not stored */
  bool configured;     /* settings and extensions are known */
  uint64_t content;    /* digest of that text */
  size_t len;
  uint64_t settings;   /* digest of its rule selection and library extensions */
  uint64_t extensions; /* digest of its library extensions alone (its exports depend on them) */
  VL_VEC(size_t) uses; /* every file of the session it imports, also where the import orders nothing */
  const TSTree *tree;  /* borrowed: the tree of the text it is analysed from, already parsed (an
                          editor's document, reparsed incrementally), or NULL: parse the text */
  struct VlLowerMemo *memo; /* borrowed: the document's memo of its last lowering, with `tree`, or NULL */
  struct VlModule *lowered; /* vl_session_prepare's IR of the text, until the file's analysis */
} SFile;

typedef struct SJob {
  VL_VEC(size_t) files;
  VL_VEC(size_t) deps;
  /* the result cache */
  uint64_t key;
  bool cacheable; /* everything its results depend on is known (read, hashed, configured) */
  bool hit;       /* its entry is in the cache */
  bool restored;  /* ... and was taken: the job is done without analysis */
} SJob;

struct VlSession {
  const VlEngine *engine;
  VlProgram *prog;
  VL_VEC(SFile) files;
  VlStrMap by_path; /* path -> index in files (keys: the files' own paths) */
  VL_VEC(SJob) jobs;
  VlCache *cache;   /* borrowed; NULL: none */
};

/* Tarjan's strongly connected components of the import graph whose edges are the files' `deps`
 * (uses false: the imports that order the analysis) or `uses` (every import).  comp[i] receives
 * file i's component; components are numbered dependencies first (an edge never leads to a
 * higher number).  Returns how many there are. */
size_t vl_session_components(const VlSession *s, bool uses, size_t *comp);

/* Where finding sf, found while analysing file `own`, is shown: where the rule reported it when
 * that file is `own` or being checked, else at the call in `own` that leads there (without a fix),
 * else nowhere. */
void vl_session_place(const VlSession *s, size_t own, SFinding *sf);

/* session_cache.c */
/* The imports of the text scanned for file f (into `arena`), from the cache or by scanning it;
 * records the text's digest in f. */
size_t vl_session_cache_scan(VlSession *s, SFile *f, const char *text, size_t len, VlArena *arena,
                             const VlImportRef **refs);
/* Records the `uses` edges of every file; called by vl_session_plan while the imports are known. */
void vl_session_cache_edges(VlSession *s);

#endif
