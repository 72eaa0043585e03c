/* session.c: a whole program checked together (viewleak.h, "sessions").
 *
 * Files are added with their module names, scanned for what they import (import lines only), then
 * analysed in the order of the import graph: a module after the modules it imports, an import cycle
 * as one job in path order.  Analysing a module keeps only what others need from it (its exports,
 * in the program) and its findings (compact: byte spans and strings), never its text or IR; a
 * file's report is built at the end from its text read again, so a finding that a caller's loop
 * reveals in a callee's file lands in the callee's report.
 *
 * With a result cache (session_cache.c), scans and whole jobs' results are taken from it when
 * everything they depend on is unchanged.
 *
 * Thread-safety: scan and analyse may run on several threads for distinct files, analyse only once
 * the jobs a file's job depends on are done; everything else from one thread. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/hash.h"
#include "base/strmap.h"
#include "base/vec.h"
#include "diag/noqa.h"
#include "driver/engine_internal.h"
#include "driver/session_internal.h"
#include "flow/flow.h"
#include "ir/lower.h"
#include "ir/scan.h"
#include "rules/rule.h"
#include "syntax/errors.h"

VlSession *vl_session_new(const VlEngine *engine) {
  VlSession *s = vl_xcalloc(1, sizeof(VlSession));
  s->engine = engine;
  s->prog = vl_program_new(vl_engine_knowledge(engine));
  return s;
}

void vl_session_delete(VlSession *self) {
  if (!self) return;
  if (getenv("VIEWLEAK_STATS")) {
    size_t files = 0, mods = 0, used = 0;
    for (size_t i = 0; i < self->files.len; i++) {
      files += vl_arena_bytes(self->files.items[i].arena);
      mods += vl_arena_bytes(self->files.items[i].mi->arena);
      used += vl_arena_used(self->files.items[i].mi->arena);
      if (vl_arena_bytes(self->files.items[i].mi->arena) > 1 << 20)
        fprintf(stderr, "  exports %.1f MiB %s\n", vl_arena_bytes(self->files.items[i].mi->arena) / 1048576.0,
                self->files.items[i].path);
    }
    fprintf(stderr, "session: %zu files; %.1f MiB of findings and imports, %.1f MiB of module exports (%.1f MiB used)\n",
            self->files.len, (double)files / 1048576.0, (double)mods / 1048576.0, (double)used / 1048576.0);
  }
  for (size_t i = 0; i < self->files.len; i++) {
    SFile *f = &self->files.items[i];
    free(f->path);
    vl_module_delete(f->lowered); /* prepared, never analysed */
    vl_arena_delete(f->arena);
    vl_arena_delete(f->scan);
    VL_VEC_FREE(&f->deps);
    VL_VEC_FREE(&f->uses);
    VL_VEC_FREE(&f->findings);
  }
  for (size_t j = 0; j < self->jobs.len; j++) {
    VL_VEC_FREE(&self->jobs.items[j].files);
    VL_VEC_FREE(&self->jobs.items[j].deps);
  }
  VL_VEC_FREE(&self->files);
  vl_strmap_free(&self->by_path);
  VL_VEC_FREE(&self->jobs);
  vl_program_delete(self->prog);
  free(self);
}

size_t vl_session_add(VlSession *self, const char *path, const char *module, bool package, bool checked) {
  size_t i;
  if (vl_strmap_get(&self->by_path, path, &i)) {
    self->files.items[i].checked |= checked;
    self->files.items[i].mi->checked |= checked;
    return i;
  }
  SFile f = {.path = vl_xstrdup(path), .checked = checked, .package = package, .arena = vl_arena_new(),
             .scan = vl_arena_new()};
  f.mi = vl_program_add(self->prog, module ? module : "", path, package, checked);
  VL_VEC_PUSH(&self->files, f);
  vl_strmap_put(&self->by_path, f.path, self->files.len - 1);
  return self->files.len - 1;
}

size_t vl_session_count(const VlSession *self) { return self->files.len; }
const char *vl_session_path(const VlSession *self, size_t i) { return self->files.items[i].path; }
bool vl_session_checked(const VlSession *self, size_t i) { return self->files.items[i].checked; }
bool vl_session_has_module(const VlSession *self, const char *module) { return vl_program_find(self->prog, module) != NULL; }

bool vl_session_is_library(const VlSession *self, const char *module) {
  const VlKnowledge *know = vl_engine_knowledge(self->engine);
  const char *member;
  return vl_knowledge_library(know, module, &member) || vl_knowledge_viewless(know, module);
}

void vl_session_set_cells(VlSession *self, size_t i, size_t n, const uint32_t *first_rows, const unsigned *numbers) {
  SFile *f = &self->files.items[i];
  uint32_t *rows = VL_ARENA_ARRAY(f->arena, uint32_t, n + 1);
  unsigned *nums = VL_ARENA_ARRAY(f->arena, unsigned, n + 1);
  if (n) memcpy(rows, first_rows, n * sizeof(uint32_t));
  if (n) memcpy(nums, numbers, n * sizeof(unsigned));
  f->mi->cell_rows = rows;
  f->mi->cell_numbers = nums;
  f->mi->ncells = (uint32_t)n;
}

/* The absolute module a relative import of file f names, or NULL (above the top package). */
static const char *absolute(SFile *f, const char *module, uint8_t level) {
  if (!level) return module;
  char *base = vl_arena_strdup(f->scan, f->mi->name);
  int up = level - (f->package ? 1 : 0);
  for (int i = 0; i < up; i++) {
    char *dot = strrchr(base, '.');
    if (!dot) return NULL;
    *dot = '\0';
  }
  if (!*module) return base;
  return vl_arena_printf(f->scan, "%s.%s", base, module);
}

void vl_session_scan(VlSession *self, size_t i, const char *text, size_t len) {
  SFile *f = &self->files.items[i];
  const VlImportRef *refs;
  size_t n = self->cache ? vl_session_cache_scan(self, f, text, len, f->scan, &refs)
                         : vl_scan_imports(vl_engine_py(self->engine), NULL, text, len, f->scan, &refs);
  VL_VEC(const char *) names = {0};
  VL_VEC(bool) implied = {0};
  VL_VEC(const char *) members = {0};
  for (size_t k = 0; k < n; k++) {
    const char *mod = absolute(f, refs[k].module, refs[k].level);
    if (!mod) continue;
    if (*mod) {
      /* import a.b.c runs a, a.b and a.b.c; what it binds is found by name, so only a.b.c's
       * analysis must come first */
      for (const char *dot = strchr(mod, '.'); dot; dot = strchr(dot + 1, '.')) {
        VL_VEC_PUSH(&names, vl_arena_strndup(f->scan, mod, (size_t)(dot - mod)));
        VL_VEC_PUSH(&implied, true);
        VL_VEC_PUSH(&members, NULL);
      }
      VL_VEC_PUSH(&names, mod);
      VL_VEC_PUSH(&implied, refs[k].indented);
      VL_VEC_PUSH(&members, refs[k].member);
    }
    if (refs[k].member) { /* from pkg import mod: maybe a submodule */
      VL_VEC_PUSH(&names, *mod ? vl_arena_printf(f->scan, "%s.%s", mod, refs[k].member) : refs[k].member);
      VL_VEC_PUSH(&implied, refs[k].indented);
      VL_VEC_PUSH(&members, NULL);
    }
  }
  f->imports = VL_ARENA_ARRAY(f->scan, const char *, names.len + 1);
  f->implied = VL_ARENA_ARRAY(f->scan, bool, names.len + 1);
  f->members = VL_ARENA_ARRAY(f->scan, const char *, names.len + 1);
  if (names.len) {
    memcpy(f->imports, names.items, names.len * sizeof(const char *));
    memcpy(f->implied, implied.items, names.len * sizeof(bool));
    memcpy(f->members, members.items, names.len * sizeof(const char *));
  }
  f->nimports = names.len;
  f->bytes = len;
  f->scanned = true;
  VL_VEC_FREE(&names);
  VL_VEC_FREE(&implied);
  VL_VEC_FREE(&members);
}

size_t vl_session_imports(const VlSession *self, size_t i, const char *const **names) {
  *names = self->files.items[i].imports;
  return self->files.items[i].nimports;
}

/* ---- planning: Tarjan's strongly connected components over the import graph ---- */

typedef struct Tarjan {
  const VlSession *s;
  bool uses; /* follow every import, not only those that order the analysis */
  size_t *index, *low, *comp;
  bool *on;
  VL_VEC(size_t) stack;
  size_t next, ncomp;
} Tarjan;

static size_t nedges(const Tarjan *t, size_t v) {
  const SFile *f = &t->s->files.items[v];
  return t->uses ? f->uses.len : f->deps.len;
}

static size_t edge(const Tarjan *t, size_t v, size_t k) {
  const SFile *f = &t->s->files.items[v];
  return t->uses ? f->uses.items[k] : f->deps.items[k];
}

static void connect(Tarjan *t, size_t v) {
  /* iterative, so that deep import chains cannot overflow the stack */
  typedef struct { size_t v, edge; } Frame;
  VL_VEC(Frame) calls = {0};
  Frame start = {v, 0};
  VL_VEC_PUSH(&calls, start);
  t->index[v] = t->low[v] = ++t->next;
  VL_VEC_PUSH(&t->stack, v);
  t->on[v] = true;
  while (calls.len) {
    Frame *fr = &calls.items[calls.len - 1];
    if (fr->edge < nedges(t, fr->v)) {
      size_t w = edge(t, fr->v, fr->edge++);
      if (!t->index[w]) {
        t->index[w] = t->low[w] = ++t->next;
        VL_VEC_PUSH(&t->stack, w);
        t->on[w] = true;
        Frame next = {w, 0};
        VL_VEC_PUSH(&calls, next);
      } else if (t->on[w] && t->index[w] < t->low[fr->v]) {
        t->low[fr->v] = t->index[w];
      }
      continue;
    }
    size_t u = fr->v;
    calls.len--;
    if (calls.len) {
      size_t parent = calls.items[calls.len - 1].v;
      if (t->low[u] < t->low[parent]) t->low[parent] = t->low[u];
    }
    if (t->low[u] != t->index[u]) continue;
    /* u roots a component: every module it imports is in an earlier one */
    size_t w;
    do {
      w = t->stack.items[--t->stack.len];
      t->on[w] = false;
      t->comp[w] = t->ncomp;
    } while (w != u);
    t->ncomp++;
  }
  VL_VEC_FREE(&calls);
}

size_t vl_session_components(const VlSession *s, bool uses, size_t *comp) {
  size_t n = s->files.len;
  Tarjan t = {s, uses, vl_xcalloc(n + 1, sizeof(size_t)), vl_xcalloc(n + 1, sizeof(size_t)), comp,
              vl_xcalloc(n + 1, sizeof(bool)), {0}, 0, 0};
  for (size_t i = 0; i < n; i++)
    if (!t.index[i]) connect(&t, i);
  free(t.index);
  free(t.low);
  free(t.on);
  VL_VEC_FREE(&t.stack);
  return t.ncomp;
}

/* Is module `inner` inside package `pkg` ("pkg.sub.mod" in "pkg")? */
static bool inside(const char *inner, const char *pkg) {
  size_t n = strlen(pkg);
  return n && strncmp(inner, pkg, n) == 0 && inner[n] == '.';
}

void vl_session_plan(VlSession *self) {
  size_t n = self->files.len;
  for (size_t i = 0; i < n; i++) {
    VlModInfo *m = self->files.items[i].mi;
    m->by_name = true; /* until a file reads it whole */
    vl_strmap_free(&m->read_names);
  }
  for (size_t i = 0; i < n; i++) {
    SFile *f = &self->files.items[i];
    f->uses.len = 0;
    for (size_t k = 0; k < f->nimports; k++) {
      VlModInfo *m = vl_program_find_from(self->prog, f->mi, f->imports[k]);
      if (!m || m->index == i) continue;
      SFile *used = &self->files.items[m->index];
      used->imported = m->shared = true;
      /* how it is read: by the names imported from it, or whole */
      if (!f->members || !f->members[k]) m->by_name = false;
      else if (!vl_strmap_get(&m->read_names, f->members[k], &(size_t){0}))
        vl_strmap_put(&m->read_names, vl_arena_strdup(used->arena, f->members[k]), 0);
      bool dup = false;
      for (size_t d = 0; d < f->uses.len && !dup; d++) dup = f->uses.items[d] == m->index;
      if (!dup) VL_VEC_PUSH(&f->uses, m->index);
    }
  }
  /* a module no file imports (a test file, a script) builds no exports: nothing would read them, and
   * for a large test file building them costs more than its analysis; a module files import names
   * from exports what those names reach */
  for (size_t i = 0; i < n; i++) {
    SFile *f = &self->files.items[i];
    f->mi->unread = !f->imported;
    f->mi->by_name &= f->imported;
  }
  /* edges: the files each file imports (by module name) */
  for (size_t i = 0; i < n; i++) {
    SFile *f = &self->files.items[i];
    f->deps.len = 0;
    for (size_t k = 0; k < f->nimports; k++) {
      if (f->implied[k]) continue;
      VlModInfo *m = vl_program_find_from(self->prog, f->mi, f->imports[k]);
      if (!m || m->index == i) continue;
      /* a module importing its own package (`from pkg import helper`, re-exported by pkg's
       * __init__, which imports the module in turn): the package comes after, as Python runs it;
       * such edges would make most of a large package one import cycle, analysed on one thread */
      if (m->package && inside(f->mi->name, m->name)) continue;
      bool dup = false;
      for (size_t d = 0; d < f->deps.len && !dup; d++) dup = f->deps.items[d] == m->index;
      if (!dup) VL_VEC_PUSH(&f->deps, m->index);
    }
  }
  /* one job per strongly connected component, its files in path order (the order they were added) */
  size_t *comp = vl_xcalloc(n + 1, sizeof(size_t));
  size_t njobs = vl_session_components(self, false, comp);
  for (size_t j = 0; j < njobs; j++) {
    SJob job = {0};
    VL_VEC_PUSH(&self->jobs, job);
  }
  for (size_t i = 0; i < n; i++) {
    self->files.items[i].scc = comp[i];
    VL_VEC_PUSH(&self->jobs.items[comp[i]].files, i);
  }
  free(comp);
  if (self->cache) vl_session_cache_edges(self);
  for (size_t j = 0; j < self->jobs.len; j++) {
    SJob *job = &self->jobs.items[j];
    for (size_t k = 0; k < job->files.len; k++) {
      SFile *f = &self->files.items[job->files.items[k]];
      for (size_t d = 0; d < f->deps.len; d++) {
        size_t dj = self->files.items[f->deps.items[d]].scc;
        if (dj == j) continue;
        bool dup = false;
        for (size_t e = 0; e < job->deps.len && !dup; e++) dup = job->deps.items[e] == dj;
        if (!dup) VL_VEC_PUSH(&job->deps, dj);
      }
    }
  }
  /* an import inside a block (or of a parent package) orders its module first too, unless that
   * would close a cycle of jobs: in file order, so the plan (and what each module can read) does not
   * depend on anything but the files */
  size_t *stamp = vl_xcalloc(self->jobs.len + 1, sizeof(size_t)), *todo = vl_xcalloc(self->jobs.len + 1, sizeof(size_t));
  size_t visit = 0;
  for (size_t i = 0; i < n; i++) {
    SFile *f = &self->files.items[i];
    for (size_t k = 0; k < f->nimports; k++) {
      if (!f->implied[k]) continue;
      VlModInfo *m = vl_program_find_from(self->prog, f->mi, f->imports[k]);
      if (!m || m->index == i) continue;
      size_t ja = f->scc, jb = self->files.items[m->index].scc;
      SJob *job = &self->jobs.items[ja];
      bool dup = ja == jb;
      for (size_t e = 0; e < job->deps.len && !dup; e++) dup = job->deps.items[e] == jb;
      if (dup) continue;
      bool cycle = false; /* does jb wait for ja already? */
      size_t nt = 0;
      todo[nt++] = jb;
      stamp[jb] = ++visit;
      while (nt && !cycle) {
        size_t j = todo[--nt];
        for (size_t e = 0; e < self->jobs.items[j].deps.len && !cycle; e++) {
          size_t d = self->jobs.items[j].deps.items[e];
          if (d == ja) cycle = true;
          else if (stamp[d] != visit) stamp[d] = visit, todo[nt++] = d;
        }
      }
      if (!cycle) VL_VEC_PUSH(&job->deps, jb);
    }
  }
  free(stamp);
  free(todo);
  /* jobs are numbered so that each comes after the jobs it waits for (callers may run them in
   * order): the added edges may point forward, so number them again (Kahn's order, seeded in the
   * old numbering: deterministic) */
  size_t nj = self->jobs.len;
  size_t *waiting = vl_xcalloc(nj + 1, sizeof(size_t)), *order = vl_xcalloc(nj + 1, sizeof(size_t));
  size_t *newnum = vl_xcalloc(nj + 1, sizeof(size_t)), *rdep_at = vl_xcalloc(nj + 2, sizeof(size_t));
  size_t ne = 0;
  for (size_t j = 0; j < nj; j++) {
    waiting[j] = self->jobs.items[j].deps.len;
    ne += waiting[j];
    for (size_t e = 0; e < self->jobs.items[j].deps.len; e++) rdep_at[self->jobs.items[j].deps.items[e] + 2]++;
  }
  for (size_t j = 2; j < nj + 2; j++) rdep_at[j] += rdep_at[j - 1];
  size_t *rdeps = vl_xcalloc(ne + 1, sizeof(size_t));
  for (size_t j = 0; j < nj; j++)
    for (size_t e = 0; e < self->jobs.items[j].deps.len; e++) rdeps[rdep_at[self->jobs.items[j].deps.items[e] + 1]++] = j;
  size_t head = 0, tail = 0;
  for (size_t j = 0; j < nj; j++)
    if (!waiting[j]) order[tail++] = j;
  while (head < tail) {
    size_t j = order[head++];
    for (size_t e = rdep_at[j]; e < rdep_at[j + 1]; e++)
      if (--waiting[rdeps[e]] == 0) order[tail++] = rdeps[e];
  }
  if (tail == nj) { /* (always: edges were added only where they close no cycle) */
    bool moved = false;
    for (size_t k = 0; k < nj; k++) newnum[order[k]] = k, moved |= order[k] != k;
    if (moved) {
      SJob *jobs = vl_xcalloc(nj + 1, sizeof(SJob));
      for (size_t j = 0; j < nj; j++) {
        SJob *job = &self->jobs.items[j];
        for (size_t e = 0; e < job->deps.len; e++) job->deps.items[e] = newnum[job->deps.items[e]];
        jobs[newnum[j]] = *job;
      }
      memcpy(self->jobs.items, jobs, nj * sizeof(SJob));
      free(jobs);
      for (size_t i = 0; i < n; i++) self->files.items[i].scc = newnum[self->files.items[i].scc];
    }
  }
  free(waiting);
  free(order);
  free(newnum);
  free(rdep_at);
  free(rdeps);
  /* the program reads another module's exports only when the plan orders it first */
  size_t *dep_at = vl_xcalloc(self->jobs.len + 1, sizeof(size_t)), ndeps = 0;
  for (size_t j = 0; j < self->jobs.len; j++) ndeps += self->jobs.items[j].deps.len;
  size_t *deps = vl_xcalloc(ndeps + 1, sizeof(size_t));
  for (size_t j = 0, e = 0; j < self->jobs.len; j++) {
    dep_at[j] = e;
    for (size_t k = 0; k < self->jobs.items[j].deps.len; k++) deps[e++] = self->jobs.items[j].deps.items[k];
    dep_at[j + 1] = e;
  }
  vl_program_set_plan(self->prog, self->jobs.len, dep_at, deps);
  free(dep_at);
  free(deps);
  for (size_t i = 0; i < n; i++)
    if (self->files.items[i].mi) self->files.items[i].mi->job = (uint32_t)self->files.items[i].scc;
  /* the imports have served: the plan holds the dependencies */
  for (size_t i = 0; i < n; i++) {
    SFile *f = &self->files.items[i];
    vl_arena_delete(f->scan);
    f->scan = vl_arena_new();
    f->imports = NULL;
    f->implied = NULL;
    f->members = NULL;
    f->nimports = 0;
  }
}

size_t vl_session_njobs(const VlSession *self) { return self->jobs.len; }

size_t vl_session_job_files(const VlSession *self, size_t job, const size_t **files) {
  *files = self->jobs.items[job].files.items;
  return self->jobs.items[job].files.len;
}

size_t vl_session_job_deps(const VlSession *self, size_t job, const size_t **deps) {
  *deps = self->jobs.items[job].deps.items;
  return self->jobs.items[job].deps.len;
}

size_t vl_session_job_bytes(const VlSession *self, size_t job) {
  size_t n = 0;
  for (size_t k = 0; k < self->jobs.items[job].files.len; k++) n += self->files.items[self->jobs.items[job].files.items[k]].bytes;
  return n;
}

/* The files reachable from those marked in `mark` (marked in place) along `edges` (per file: the
 * files it leads to, as offsets into `to`). */
static void reach(bool *mark, size_t n, const size_t *start, const size_t *to) {
  VL_VEC(size_t) todo = {0};
  for (size_t i = 0; i < n; i++)
    if (mark[i]) VL_VEC_PUSH(&todo, i);
  while (todo.len) {
    size_t i = todo.items[--todo.len];
    for (size_t e = start[i]; e < start[i + 1]; e++)
      if (!mark[to[e]]) {
        mark[to[e]] = true;
        VL_VEC_PUSH(&todo, to[e]);
      }
  }
  VL_VEC_FREE(&todo);
}

void vl_session_jobs_for(const VlSession *self, const bool *files, bool *jobs) {
  size_t n = self->files.len, nedges = 0;
  for (size_t i = 0; i < n; i++) nedges += self->files.items[i].uses.len;
  /* the edges both ways, compressed: file -> files it uses, and file -> files that use it */
  size_t *fwd_at = vl_xcalloc(n + 1, sizeof(size_t)), *back_at = vl_xcalloc(n + 2, sizeof(size_t));
  size_t *fwd = vl_xcalloc(nedges + 1, sizeof(size_t)), *back = vl_xcalloc(nedges + 1, sizeof(size_t));
  for (size_t i = 0, e = 0; i < n; i++) {
    fwd_at[i] = e;
    for (size_t k = 0; k < self->files.items[i].uses.len; k++) {
      fwd[e++] = self->files.items[i].uses.items[k];
      back_at[self->files.items[i].uses.items[k] + 2]++;
    }
  }
  fwd_at[n] = nedges;
  for (size_t i = 2; i < n + 2; i++) back_at[i] += back_at[i - 1];
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < self->files.items[i].uses.len; k++) back[back_at[self->files.items[i].uses.items[k] + 1]++] = i;
  bool *need = vl_xcalloc(n + 1, sizeof(bool));
  if (n) memcpy(need, files, n * sizeof(bool));
  reach(need, n, back_at, back); /* whose loops may report in them: every file importing them */
  reach(need, n, fwd_at, fwd);   /* and what those read */
  for (size_t j = 0; j < self->jobs.len; j++) jobs[j] = false;
  for (size_t i = 0; i < n; i++)
    if (need[i]) jobs[self->files.items[i].scc] = true;
  free(need);
  free(fwd_at);
  free(back_at);
  free(fwd);
  free(back);
}

/* ---- analysis ---- */

typedef struct Found {
  VlArena *arena;
  VL_VEC(VlHit) hits;
  VL_VEC(VlLoopRebind) rebinds;
} Found;

static void on_hit(void *ctx, const VlHit *h) {
  Found *f = ctx;
  VlHit c = *h; /* strings live in the analysis arena, freed after it: keep copies */
  if (c.text) c.text = vl_arena_strdup(f->arena, c.text);
  if (c.base_name) c.base_name = vl_arena_strdup(f->arena, c.base_name);
  if (c.container) c.container = vl_arena_strdup(f->arena, c.container);
  if (c.size) c.size = vl_arena_strdup(f->arena, c.size);
  VL_VEC_PUSH(&f->hits, c);
}

static void on_rebind(void *ctx, const VlLoopRebind *rb) {
  Found *f = ctx;
  VL_VEC_PUSH(&f->rebinds, *rb);
}

typedef struct Sink {
  VlSession *s;
  SFile *f;
  size_t own; /* the file analysed (session index) */
  bool scratch; /* a recheck: only this file's findings */
} Sink;

void vl_session_place(const VlSession *s, size_t own, SFinding *sf) {
  sf->shown = true;
  sf->file = sf->at_file;
  sf->start = sf->at_start;
  sf->end = sf->at_end;
  sf->fixable = sf->fix.applicability != VL_FIX_NONE && sf->fix_insert;
  if (sf->at_file == own || s->files.items[sf->at_file].checked) return;
  /* stored in a file not being checked: reported at the call in this one, without a fix */
  sf->shown = sf->has_via && sf->via_file == own;
  sf->file = own;
  sf->start = sf->via_start;
  sf->end = sf->via_end;
  sf->fixable = false;
}

static void emit(void *p, const VlRule *rule, const VlFinding *fd) {
  Sink *k = p;
  if (k->scratch && fd->at.mod != k->f->mi) return;
  SFinding sf = {.rule = rule, .at_file = fd->at.mod ? fd->at.mod->index : k->own, .at_start = fd->at.start,
                 .at_end = fd->at.end, .message = fd->message, .help = fd->help, .note = fd->note, .has_related = fd->has_related,
                 .related_message = fd->related_message};
  if (k->scratch) sf.at_file = k->own;
  if (fd->via.mod && !k->scratch) {
    sf.has_via = true;
    sf.via_file = fd->via.mod->index;
    sf.via_start = fd->via.start;
    sf.via_end = fd->via.end;
  }
  if (fd->has_related) {
    sf.related_file = fd->related.mod && !k->scratch ? fd->related.mod->index : k->own;
    sf.related_start = fd->related.start;
    sf.related_end = fd->related.end;
    if (k->scratch && fd->related.mod != k->f->mi) sf.has_related = false;
  }
  if (fd->fix.applicability != VL_FIX_NONE && fd->fix_insert) {
    sf.fix = fd->fix;
    sf.fix_at = fd->fix_at;
    sf.fix_insert = fd->fix_insert;
  }
  vl_session_place(k->s, k->own, &sf);
  VL_VEC_PUSH(&k->f->findings, sf);
}

static bool mentions_noqa(const char *t, uint32_t len) {
  for (uint32_t i = 0; i + 4 <= len; i++)
    if ((t[i] | 0x20) == 'n' && strncasecmp(t + i, "noqa", 4) == 0) return true; /* (every comment, every check) */
  return false;
}

/* Lowers and analyses `text` as module `mi`, keeping findings and noqa comments in f. */
static void analyse_into(VlSession *s, SFile *f, size_t own, VlModInfo *mi, const char *text, size_t len,
                         const VlSelection *sel, const VlLibraryExtensions *ext, bool scratch) {
  VlModule *m = NULL;
  if (!scratch && f->lowered) { /* vl_session_prepare's, if of this text */
    if (f->lowered->text == text && f->lowered->len == len) m = f->lowered;
    else vl_module_delete(f->lowered);
    f->lowered = NULL;
  }
  if (!m)
    m = f->tree ? vl_lower_tree_memo(vl_engine_py(s->engine), f->tree, f->path, text, len, f->memo)
                : vl_lower(vl_engine_py(s->engine), NULL, f->path, text, len);
  /* (the errors reported: none when syntax/errors.c repaired all that tree-sitter rejected, f"{x:=^10}") */
  f->syntax_errors = m->syntax_errors && m->nerrors;
  f->nerrors = m->nerrors;
  f->errors = m->syntax_errors ? VL_ARENA_ARRAY(f->arena, VlSyntaxError, m->nerrors + 1) : NULL;
  if (m->nerrors) memcpy(f->errors, m->errors, m->nerrors * sizeof *f->errors);
  f->skipped = m->skipped ? vl_arena_strdup(f->arena, m->skipped) : NULL;
  size_t nn = 0;
  for (uint32_t k = 0; k < m->ncomments; k++) nn += mentions_noqa(text + m->comments[k].start, m->comments[k].len);
  f->noqa = nn ? VL_ARENA_ARRAY(f->arena, SComment, nn) : NULL; /* most files have none */
  f->nnoqa = 0;
  for (uint32_t k = 0; k < m->ncomments; k++) {
    const VlComment *c = &m->comments[k];
    if (!mentions_noqa(text + c->start, c->len)) continue;
    f->noqa[f->nnoqa++] = (SComment){c->row, c->start, vl_arena_strndup(f->arena, text + c->start, c->len), c->len};
  }
  if (!m->skipped) {
    Found found = {.arena = f->arena};
    VlFlowSink fs = {on_hit, on_rebind, &found};
    vl_analyse_module(s->prog, mi, m, ext, &fs);
    Sink sink = {s, f, own, scratch};
    for (size_t r = 0; r < vl_rule_table_len; r++) {
      const VlRule *rule = vl_rule_table[r];
      if (!rule->check || !vl_selection_enabled(sel, rule->info.code)) continue;
      VlRuleCtx ctx = {m, mi, f->arena, found.hits.items, found.hits.len, found.rebinds.items, found.rebinds.len,
                       rule, emit, &sink};
      rule->check(&ctx);
    }
    VL_VEC_FREE(&found.hits);
    VL_VEC_FREE(&found.rebinds);
  }
  vl_module_delete(m);
}

void vl_session_prepare(VlSession *self, size_t i, const char *text, size_t len) {
  SFile *f = &self->files.items[i];
  if (f->tree || f->lowered) return; /* an editor's tree is lowered from its memo */
  f->lowered = vl_lower(vl_engine_py(self->engine), NULL, f->path, text, len);
}

void vl_session_analyse(VlSession *self, size_t i, const char *text, size_t len, const VlSelection *sel,
                        const VlLibraryExtensions *ext) {
  SFile *f = &self->files.items[i];
  f->findings.len = 0;
  /* changed since it was scanned: its results do not belong under the key of the text scanned */
  if (self->cache && f->hashed && (len != f->len || vl_hash(VL_HASH_SEED, text, len) != f->content)) f->unstable = true;
  analyse_into(self, f, i, f->mi, text, len, sel, ext, false);
  f->analysed = true;
  if (!f->imported) vl_modinfo_release(f->mi);
}

/* ---- reports ---- */

static int by_position(const void *a, const void *b) {
  const VlDiagnostic *x = a, *y = b;
  if (x->range.start.byte != y->range.start.byte) return x->range.start.byte < y->range.start.byte ? -1 : 1;
  return strcmp(x->rule->code, y->rule->code);
}

typedef VL_VEC(VlDiagnostic) Diags;

typedef struct Unused {
  VlReport *r;
  const SComment *c;
  size_t n;
  Diags *out;
} Unused;

static void unused_code(void *p, const char *code, size_t n, size_t at) {
  Unused *u = p;
  if (n < 2 || (code[0] != 'V' && code[0] != 'v') || (code[1] != 'L' && code[1] != 'l')) return; /* not ours */
  for (size_t i = 0; i < u->n; i++)
    if (u->out->items[i].range.start.row == u->c->row && strncasecmp(u->out->items[i].rule->code, code, n) == 0) return;
  VlDiagnostic d = {.rule = vl_rule_find("VL900")};
  uint32_t start = u->c->start + (uint32_t)at;
  const VlSource *src = vl_report_source(u->r);
  d.range = (VlRange){vl_source_pos(src, start), vl_source_pos(src, start + (uint32_t)n)};
  d.message = vl_arena_printf(vl_report_arena(u->r), "unused `noqa` directive: `%.*s` suppresses nothing on this line",
                              (int)n, code);
  d.help = "remove the code from the `# noqa` comment";
  VL_VEC_PUSH(u->out, d);
}

static void add_findings(VlReport *r, Diags *out, const SFinding *sf, size_t target) {
  const VlSource *src = vl_report_source(r);
  VlArena *a = vl_report_arena(r);
  if (!sf->shown || sf->file != target) return;
  VlDiagnostic d = {
      .rule = &sf->rule->info,
      .message = vl_arena_strdup(a, sf->message),
      .help = sf->help ? vl_arena_strdup(a, sf->help) : NULL,
      .note = sf->note ? vl_arena_strdup(a, sf->note) : NULL,
      .range = {vl_source_pos(src, sf->start), vl_source_pos(src, sf->end)},
      .has_related = sf->has_related && sf->related_file == target,
      .related_message = sf->related_message ? vl_arena_strdup(a, sf->related_message) : NULL,
  };
  if (d.has_related) d.related = (VlRange){vl_source_pos(src, sf->related_start), vl_source_pos(src, sf->related_end)};
  if (sf->fixable) {
    VlEdit *edit = VL_ARENA_NEW(a, VlEdit);
    VlPos at = vl_source_pos(src, sf->fix_at);
    edit->range = (VlRange){at, at};
    edit->content = vl_arena_strdup(a, sf->fix_insert);
    d.fix = sf->fix;
    d.fix.message = sf->fix.message ? vl_arena_strdup(a, sf->fix.message) : NULL;
    d.fix.edits = edit;
    d.fix.nedits = 1;
  }
  VL_VEC_PUSH(out, d);
}

/* The same finding found from two loops (one rule, one start): the first found is kept.  By sorting,
 * not by a scan per finding: a generated file can hold thousands. */
typedef struct Seen {
  const VlRuleInfo *rule;
  uint32_t start;
  size_t at;
} Seen;

static int seen_cmp(const void *pa, const void *pb) {
  const Seen *a = pa, *b = pb;
  if (a->rule != b->rule) return (uintptr_t)a->rule < (uintptr_t)b->rule ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return a->at < b->at ? -1 : a->at > b->at;
}

static void drop_repeats(Diags *out) {
  size_t n = out->len;
  if (n < 2) return;
  Seen *seen = vl_xcalloc(n, sizeof *seen);
  bool *drop = vl_xcalloc(n, sizeof *drop);
  for (size_t i = 0; i < n; i++) seen[i] = (Seen){out->items[i].rule, out->items[i].range.start.byte, i};
  qsort(seen, n, sizeof *seen, seen_cmp);
  for (size_t i = 1; i < n; i++) drop[seen[i].at] = seen[i].rule == seen[i - 1].rule && seen[i].start == seen[i - 1].start;
  size_t kept = 0;
  for (size_t i = 0; i < n; i++)
    if (!drop[i]) out->items[kept++] = out->items[i];
  out->len = kept;
  free(seen);
  free(drop);
}

/* The report of file f (index target) from the findings kept in `from` files. */
static VlReport *build_report(VlSession *s, SFile *f, size_t target, const SFile *from, size_t nfrom, const char *text,
                              size_t len, const VlSelection *sel) {
  VlReport *r = vl_report_new(f->path, text, len);
  vl_report_set_state(r, f->syntax_errors, f->skipped);
  Diags out = {0};
  for (size_t k = 0; k < nfrom; k++)
    for (size_t i = 0; i < from[k].findings.len; i++) add_findings(r, &out, &from[k].findings.items[i], target);
  drop_repeats(&out);
  /* noqa: line comments and file-level directives */
  size_t n = out.len;
  for (size_t k = 0; k < f->nnoqa; k++) {
    const SComment *c = &f->noqa[k];
    for (size_t i = 0; i < n; i++)
      if ((out.items[i].range.start.row == c->row && vl_noqa_covers(c->text, c->len, out.items[i].rule->code)) ||
          vl_noqa_file_covers(c->text, c->len, out.items[i].rule->code))
        out.items[i].suppressed = true;
  }
  if (vl_selection_enabled(sel, "VL900"))
    for (size_t k = 0; k < f->nnoqa; k++) {
      Unused u = {r, &f->noqa[k], n, &out};
      vl_noqa_codes(f->noqa[k].text, f->noqa[k].len, unused_code, &u);
    }
  if (f->syntax_errors) { /* after noqa: nothing suppresses them (viewleak.h) */
    VlSyntaxError *errs = f->errors;
    size_t nerr = f->nerrors;
    if (!errs) nerr = vl_syntax_errors(vl_engine_py(s->engine), text, len, &errs); /* a cached result */
    const VlSource *src = vl_report_source(r);
    for (size_t i = 0; i < nerr; i++) {
      VlDiagnostic d = {.rule = &vl_rule_syntax_error, .message = vl_arena_strdup(vl_report_arena(r), errs[i].message)};
      d.range = (VlRange){vl_source_pos(src, errs[i].start), vl_source_pos(src, errs[i].end)};
      VL_VEC_PUSH(&out, d);
    }
    if (errs != f->errors) free(errs);
  }
  if (out.len) qsort(out.items, out.len, sizeof(VlDiagnostic), by_position);
  vl_report_set_diagnostics(r, out.items, out.len);
  VL_VEC_FREE(&out);
  return r;
}

VlReport *vl_session_report(VlSession *self, size_t i, const char *text, size_t len, const VlSelection *sel) {
  SFile *f = &self->files.items[i];
  return build_report(self, f, i, self->files.items, self->files.len, text, len, sel);
}

void vl_session_mark_quiet(VlSession *self) {
  for (size_t i = 0; i < self->files.len; i++) {
    SFile *f = &self->files.items[i];
    f->quiet = f->scanned && f->analysed && !f->syntax_errors && !f->nnoqa;
  }
  for (size_t i = 0; i < self->files.len; i++) {
    const SFile *f = &self->files.items[i];
    for (size_t k = 0; k < f->findings.len; k++)
      if (f->findings.items[k].shown && f->findings.items[k].file < self->files.len)
        self->files.items[f->findings.items[k].file].quiet = false;
  }
}

bool vl_session_quiet(const VlSession *self, size_t i) { return i < self->files.len && self->files.items[i].quiet; }

VlReport *vl_session_recheck(VlSession *self, size_t i, const char *text, size_t len, const VlSelection *sel,
                             const VlLibraryExtensions *ext) {
  SFile *orig = &self->files.items[i];
  VlModInfo *mi = vl_program_scratch(self->prog, orig->mi);
  SFile tmp = {.path = orig->path, .mi = mi, .checked = true, .package = orig->package, .arena = vl_arena_new()};
  analyse_into(self, &tmp, i, mi, text, len, sel, ext, true);
  VlReport *r = build_report(self, &tmp, i, &tmp, 1, text, len, sel);
  vl_modinfo_delete(mi);
  VL_VEC_FREE(&tmp.findings);
  vl_arena_delete(tmp.arena);
  return r;
}
