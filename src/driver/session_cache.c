/* session_cache.c: a session's results kept in the result cache (cache.h), and taken back.
 *
 * What analysing a job (one module, or one import cycle) finds depends on its files' texts and
 * settings, and on what every module it imports exports, directly or through other modules:
 * function summaries, class facts and globals cross modules.  So a job's key folds in, besides
 * the version and the build (vl_cache_build):
 *   - per file of the job: its path and the digest of its settings (rule selection and library
 *     extensions, and a notebook's cells, which its messages name);
 *   - the digest of the job's import closure: per strongly connected component of the graph of
 *     *every* import (also those that order nothing: imports inside blocks, parent packages, a
 *     module importing its own package), the path, module name, package flag, text digest and
 *     length, and library extensions of each of its files (what its exports depend on), then the
 *     digests of the components it imports.  This is a Merkle DAG: a change in any module below
 *     changes the key of every job above it.
 * Which files are being checked is not part of a key: an entry keeps each finding as the rule
 * reported it (with the call that leads to it), and where it is shown is decided again when it is
 * taken (vl_session_place), so a pre-commit run over a few files reuses a full run's entries.
 * A job whose closure holds a file that could not be read or has no configuration gets no key: it
 * is analysed, and nothing is stored.
 *
 * An entry is taken only when no job that is analysed needs the job: a job analysed needs the
 * exports of everything it imports, which only an analysis makes (they are not stored).  So a
 * change anywhere reanalyses the closure of the jobs it invalidates, and a run where nothing
 * changed analyses nothing.
 *
 * An entry holds, per file of its job and in the job's order, what the reports need from the
 * analysis: syntax errors, why it was skipped, its `noqa` comments, and the findings analysing it
 * produced, each with the path of the file the rule reported it in (any file of the closure: a
 * caller's loop can reveal a leak in a helper).  Reports are built from these as after an analysis.
 * An entry is checked whole before anything is taken from it: a malformed one is a miss. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/hash.h"
#include "base/vec.h"
#include "driver/engine_internal.h"
#include "driver/session_internal.h"

void vl_session_use_cache(VlSession *s, VlCache *cache) { s->cache = cache; }

/* ---- scans ---- */

static cJSON *refs_to_json(const VlImportRef *refs, size_t n) {
  cJSON *e = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(e, "imports");
  for (size_t k = 0; k < n; k++) {
    cJSON *r = cJSON_CreateArray();
    cJSON_AddItemToArray(r, cJSON_CreateString(refs[k].module));
    cJSON_AddItemToArray(r, cJSON_CreateNumber(refs[k].level));
    cJSON_AddItemToArray(r, refs[k].member ? cJSON_CreateString(refs[k].member) : cJSON_CreateNull());
    cJSON_AddItemToArray(r, cJSON_CreateBool(refs[k].indented));
    cJSON_AddItemToArray(list, r);
  }
  return e;
}

/* A whole number in [0, max], or false. */
static bool whole(const cJSON *v, double max, uint32_t *out) {
  if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > max ||
      v->valuedouble != (double)(uint32_t)v->valuedouble)
    return false;
  *out = (uint32_t)v->valuedouble;
  return true;
}

static bool refs_from_json(const cJSON *e, VlArena *arena, const VlImportRef **out, size_t *n) {
  const cJSON *list = cJSON_GetObjectItemCaseSensitive(e, "imports");
  if (!cJSON_IsArray(list)) return false;
  size_t count = (size_t)cJSON_GetArraySize(list);
  VlImportRef *refs = VL_ARENA_ARRAY(arena, VlImportRef, count + 1);
  size_t k = 0;
  for (const cJSON *r = list->child; r; r = r->next, k++) {
    const cJSON *mod = cJSON_GetArrayItem(r, 0), *level = cJSON_GetArrayItem(r, 1), *member = cJSON_GetArrayItem(r, 2),
                *indented = cJSON_GetArrayItem(r, 3);
    uint32_t lv;
    if (!cJSON_IsArray(r) || cJSON_GetArraySize(r) != 4 || !cJSON_IsString(mod) || !whole(level, 255, &lv) ||
        !(cJSON_IsString(member) || cJSON_IsNull(member)) || !cJSON_IsBool(indented))
      return false;
    refs[k] = (VlImportRef){vl_arena_strdup(arena, mod->valuestring), (uint8_t)lv,
                            cJSON_IsString(member) ? vl_arena_strdup(arena, member->valuestring) : NULL,
                            cJSON_IsTrue(indented)};
  }
  *out = refs;
  *n = count;
  return true;
}

size_t vl_session_cache_scan(VlSession *s, SFile *f, const char *text, size_t len, VlArena *arena,
                             const VlImportRef **refs) {
  f->content = vl_hash(VL_HASH_SEED, text, len);
  f->len = len;
  f->hashed = true;
  uint64_t key = vl_hash_u64(vl_hash_u64(vl_hash_str(vl_cache_build(s->cache), "scan"), f->content), len);
  cJSON *e = vl_cache_get(s->cache, VL_CACHE_SCAN, key);
  size_t n;
  bool found = e && refs_from_json(e, arena, refs, &n);
  cJSON_Delete(e);
  if (found) return n;
  n = vl_scan_imports(vl_engine_py(s->engine), NULL, text, len, arena, refs);
  e = refs_to_json(*refs, n);
  vl_cache_put(s->cache, VL_CACHE_SCAN, key, e);
  cJSON_Delete(e);
  return n;
}

/* ---- keys ---- */

void vl_session_cache_edges(VlSession *s) {
  for (size_t i = 0; i < s->files.len; i++) {
    SFile *f = &s->files.items[i];
    f->uses.len = 0;
    for (size_t k = 0; k < f->nimports; k++) {
      VlModInfo *m = vl_program_find_from(s->prog, f->mi, f->imports[k]);
      if (!m || m->index == i) continue;
      bool dup = false;
      for (size_t d = 0; d < f->uses.len && !dup; d++) dup = f->uses.items[d] == m->index;
      if (!dup) VL_VEC_PUSH(&f->uses, m->index);
    }
  }
}

static uint64_t hash_names(uint64_t h, const char *const *names, size_t n) {
  h = vl_hash_u64(h, n);
  for (size_t k = 0; k < n; k++) h = vl_hash_str(h, names[k]);
  return h;
}

void vl_session_cache_settings(VlSession *s, size_t i, const VlSelection *sel, const VlLibraryExtensions *ext) {
  SFile *f = &s->files.items[i];
  VlLibraryExtensions none = {0};
  if (!ext) ext = &none;
  uint64_t h = hash_names(VL_HASH_SEED, ext->copy, ext->ncopy);
  h = hash_names(h, ext->view, ext->nview);
  h = hash_names(h, ext->producer, ext->nproducer);
  f->extensions = h;
  for (size_t r = 0; r < vl_rule_count(); r++)
    h = vl_hash_u64(vl_hash_str(h, vl_rule_at(r)->code), vl_selection_enabled(sel, vl_rule_at(r)->code));
  /* a notebook's cells: messages name them (the same module text may come from other cells) */
  h = vl_hash_u64(h, f->mi->ncells);
  if (f->mi->ncells) {
    h = vl_hash(h, f->mi->cell_rows, f->mi->ncells * sizeof(uint32_t));
    h = vl_hash(h, f->mi->cell_numbers, f->mi->ncells * sizeof(unsigned));
  }
  f->settings = h;
  f->configured = true;
}

static int by_value(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* The digest of every component of the `uses` graph (comp: each file's component), dependencies
 * first; known[c] is false when something in c's closure has no digest. */
static void closure_digests(const VlSession *s, const size_t *comp, size_t ncomp, uint64_t *digest, bool *known) {
  size_t n = s->files.len;
  /* the files of each component, in index order: counting sort */
  size_t *start = vl_xcalloc(ncomp + 1, sizeof(size_t)), *members = vl_xcalloc(n + 1, sizeof(size_t));
  for (size_t i = 0; i < n; i++) start[comp[i] + 1]++;
  for (size_t c = 0; c < ncomp; c++) start[c + 1] += start[c];
  size_t *fill = vl_xcalloc(ncomp + 1, sizeof(size_t));
  for (size_t i = 0; i < n; i++) members[start[comp[i]] + fill[comp[i]]++] = i;
  VL_VEC(uint64_t) below = {0};
  for (size_t c = 0; c < ncomp; c++) {
    uint64_t h = vl_hash_str(VL_HASH_SEED, "closure");
    known[c] = true;
    below.len = 0;
    for (size_t m = start[c]; m < start[c + 1]; m++) {
      const SFile *f = &s->files.items[members[m]];
      known[c] &= f->hashed && f->configured;
      h = vl_hash_str(h, f->path);
      h = vl_hash_str(h, f->mi->name);
      h = vl_hash_u64(h, f->package);
      h = vl_hash_u64(vl_hash_u64(h, f->content), f->len);
      h = vl_hash_u64(h, f->extensions);
      for (size_t d = 0; d < f->uses.len; d++) {
        size_t dc = comp[f->uses.items[d]];
        if (dc == c) continue;
        known[c] &= known[dc];
        VL_VEC_PUSH(&below, digest[dc]);
      }
    }
    if (below.len) qsort(below.items, below.len, sizeof(uint64_t), by_value);
    for (size_t k = 0; k < below.len; k++)
      if (!k || below.items[k] != below.items[k - 1]) h = vl_hash_u64(h, below.items[k]);
    digest[c] = h;
  }
  VL_VEC_FREE(&below);
  free(start);
  free(members);
  free(fill);
}

/* ---- entries ---- */

static const VlRule *rule_named(const char *code) {
  for (size_t r = 0; r < vl_rule_table_len; r++)
    if (strcmp(vl_rule_table[r]->info.code, code) == 0) return vl_rule_table[r];
  return NULL;
}

/* Member `name` as a string (NULL when absent or null); false when it is something else. */
static bool opt_string(const cJSON *o, const char *name, const char **out) {
  const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, name);
  *out = cJSON_IsString(m) ? m->valuestring : NULL;
  return !m || cJSON_IsNull(m) || cJSON_IsString(m);
}

static bool string(const cJSON *o, const char *name, const char **out) { return opt_string(o, name, out) && *out; }

/* Member `name` names a file of the session (whose text is known): its index and length. */
static bool file_named(const VlSession *s, const cJSON *o, const char *name, size_t *index, uint32_t *len) {
  const char *path;
  if (!string(o, name, &path) || !vl_strmap_get(&s->by_path, path, index)) return false;
  const SFile *f = &s->files.items[*index];
  *len = (uint32_t)f->len;
  return f->hashed && f->len <= UINT32_MAX;
}

static bool span(const cJSON *o, const char *a, const char *b, uint32_t len, uint32_t *start, uint32_t *end) {
  return whole(cJSON_GetObjectItemCaseSensitive(o, a), len, start) &&
         whole(cJSON_GetObjectItemCaseSensitive(o, b), len, end) && *start <= *end;
}

/* A finding from its JSON form (strings still the entry's). */
static bool finding_from_json(const VlSession *s, const cJSON *o, SFinding *sf) {
  const char *code;
  uint32_t len;
  *sf = (SFinding){0};
  if (!cJSON_IsObject(o) || !string(o, "rule", &code) || !(sf->rule = rule_named(code)) ||
      !file_named(s, o, "file", &sf->at_file, &len) || !span(o, "start", "end", len, &sf->at_start, &sf->at_end) ||
      !string(o, "message", &sf->message) || !opt_string(o, "help", &sf->help) || !opt_string(o, "note", &sf->note) ||
      !opt_string(o, "related_message", &sf->related_message))
    return false;
  const cJSON *via = cJSON_GetObjectItemCaseSensitive(o, "via");
  if (via && !cJSON_IsNull(via)) {
    uint32_t vlen;
    if (!cJSON_IsObject(via) || !file_named(s, via, "file", &sf->via_file, &vlen) ||
        !span(via, "start", "end", vlen, &sf->via_start, &sf->via_end))
      return false;
    sf->has_via = true;
  }
  const cJSON *rel = cJSON_GetObjectItemCaseSensitive(o, "related");
  if (rel && !cJSON_IsNull(rel)) {
    uint32_t rlen;
    if (!cJSON_IsObject(rel) || !file_named(s, rel, "file", &sf->related_file, &rlen) ||
        !span(rel, "start", "end", rlen, &sf->related_start, &sf->related_end))
      return false;
    sf->has_related = true;
  }
  const cJSON *fix = cJSON_GetObjectItemCaseSensitive(o, "fix");
  if (fix && !cJSON_IsNull(fix)) {
    const char *applicability;
    if (!cJSON_IsObject(fix) || !string(fix, "applicability", &applicability) ||
        !opt_string(fix, "message", &sf->fix.message) || !string(fix, "insert", &sf->fix_insert) ||
        !whole(cJSON_GetObjectItemCaseSensitive(fix, "at"), len, &sf->fix_at))
      return false;
    if (strcmp(applicability, "safe") == 0) sf->fix.applicability = VL_FIX_SAFE;
    else if (strcmp(applicability, "unsafe") == 0) sf->fix.applicability = VL_FIX_UNSAFE;
    else return false;
  }
  return true;
}

static const char *keep(VlArena *a, const char *s) { return s ? vl_arena_strdup(a, s) : NULL; }

/* Reads the entry of job j; with commit, also takes it into the session's files.  False (nothing
 * taken) when the entry does not describe this job's files. */
static bool take_job(VlSession *s, size_t j, const cJSON *entry, bool commit) {
  const SJob *job = &s->jobs.items[j];
  const cJSON *files = cJSON_GetObjectItemCaseSensitive(entry, "files");
  if (!cJSON_IsArray(files) || (size_t)cJSON_GetArraySize(files) != job->files.len) return false;
  size_t k = 0;
  for (const cJSON *fo = files->child; fo; fo = fo->next, k++) {
    SFile *f = &s->files.items[job->files.items[k]];
    const char *path, *skipped;
    const cJSON *syntax = cJSON_GetObjectItemCaseSensitive(fo, "syntax_errors"),
                *noqa = cJSON_GetObjectItemCaseSensitive(fo, "noqa"),
                *findings = cJSON_GetObjectItemCaseSensitive(fo, "findings");
    if (!cJSON_IsObject(fo) || !string(fo, "path", &path) || strcmp(path, f->path) != 0 || !cJSON_IsBool(syntax) ||
        !opt_string(fo, "skipped", &skipped) || !cJSON_IsArray(noqa) || !cJSON_IsArray(findings) ||
        f->len > UINT32_MAX)
      return false;
    size_t nnoqa = (size_t)cJSON_GetArraySize(noqa), c = 0;
    if (commit) {
      f->syntax_errors = cJSON_IsTrue(syntax);
      f->skipped = keep(f->arena, skipped);
      f->noqa = nnoqa ? VL_ARENA_ARRAY(f->arena, SComment, nnoqa) : NULL;
      f->nnoqa = nnoqa;
      f->findings.len = 0;
      f->analysed = true;
    }
    for (const cJSON *co = noqa->child; co; co = co->next, c++) {
      const cJSON *text = cJSON_GetArrayItem(co, 2);
      uint32_t row, start;
      if (!cJSON_IsArray(co) || cJSON_GetArraySize(co) != 3 ||
          !whole(cJSON_GetArrayItem(co, 0), (double)f->len, &row) ||
          !whole(cJSON_GetArrayItem(co, 1), (double)f->len, &start) || !cJSON_IsString(text) ||
          strlen(text->valuestring) > f->len - start)
        return false;
      if (commit)
        f->noqa[c] = (SComment){row, start, vl_arena_strdup(f->arena, text->valuestring),
                                (uint32_t)strlen(text->valuestring)};
    }
    for (const cJSON *o = findings->child; o; o = o->next) {
      SFinding sf;
      if (!finding_from_json(s, o, &sf)) return false;
      if (!commit) continue;
      vl_session_place(s, job->files.items[k], &sf); /* as this run checks files */
      sf.message = keep(f->arena, sf.message);
      sf.help = keep(f->arena, sf.help);
      sf.note = keep(f->arena, sf.note);
      sf.related_message = keep(f->arena, sf.related_message);
      sf.fix.message = keep(f->arena, sf.fix.message);
      sf.fix_insert = keep(f->arena, sf.fix_insert);
      VL_VEC_PUSH(&f->findings, sf);
    }
  }
  return true;
}

static cJSON *finding_to_json(const VlSession *s, const SFinding *sf) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "rule", sf->rule->info.code);
  cJSON_AddStringToObject(o, "file", s->files.items[sf->at_file].path);
  cJSON_AddNumberToObject(o, "start", sf->at_start);
  cJSON_AddNumberToObject(o, "end", sf->at_end);
  if (sf->has_via) {
    cJSON *via = cJSON_AddObjectToObject(o, "via");
    cJSON_AddStringToObject(via, "file", s->files.items[sf->via_file].path);
    cJSON_AddNumberToObject(via, "start", sf->via_start);
    cJSON_AddNumberToObject(via, "end", sf->via_end);
  }
  cJSON_AddStringToObject(o, "message", sf->message);
  if (sf->help) cJSON_AddStringToObject(o, "help", sf->help);
  if (sf->note) cJSON_AddStringToObject(o, "note", sf->note);
  if (sf->related_message) cJSON_AddStringToObject(o, "related_message", sf->related_message);
  if (sf->has_related) {
    cJSON *rel = cJSON_AddObjectToObject(o, "related");
    cJSON_AddStringToObject(rel, "file", s->files.items[sf->related_file].path);
    cJSON_AddNumberToObject(rel, "start", sf->related_start);
    cJSON_AddNumberToObject(rel, "end", sf->related_end);
  }
  if (sf->fix.applicability != VL_FIX_NONE) {
    cJSON *fix = cJSON_AddObjectToObject(o, "fix");
    cJSON_AddStringToObject(fix, "applicability", vl_applicability_name(sf->fix.applicability));
    if (sf->fix.message) cJSON_AddStringToObject(fix, "message", sf->fix.message);
    cJSON_AddNumberToObject(fix, "at", sf->fix_at);
    if (sf->fix_insert) cJSON_AddStringToObject(fix, "insert", sf->fix_insert);
  }
  return o;
}

/* ---- restoring and storing ---- */

VlCacheJobs vl_session_cache_restore(VlSession *s) {
  VlCacheJobs st = {.jobs = s->jobs.len};
  if (!s->cache) return st;
  size_t n = s->files.len;
  size_t *comp = vl_xcalloc(n + 1, sizeof(size_t));
  size_t ncomp = vl_session_components(s, true, comp);
  uint64_t *digest = vl_xcalloc(ncomp + 1, sizeof(uint64_t));
  bool *known = vl_xcalloc(ncomp + 1, sizeof(bool));
  closure_digests(s, comp, ncomp, digest, known);
  cJSON **entries = vl_xcalloc(s->jobs.len + 1, sizeof(cJSON *));
  for (size_t j = 0; j < s->jobs.len; j++) {
    SJob *job = &s->jobs.items[j];
    size_t c = comp[job->files.items[0]]; /* an import cycle lies inside one component */
    uint64_t h = vl_hash_str(vl_cache_build(s->cache), "job");
    for (size_t k = 0; k < job->files.len; k++) {
      const SFile *f = &s->files.items[job->files.items[k]];
      h = vl_hash_u64(vl_hash_str(h, f->path), f->settings);
    }
    job->key = vl_hash_u64(h, digest[c]);
    job->cacheable = known[c];
    if (!job->cacheable) continue;
    st.cacheable++;
    entries[j] = vl_cache_get(s->cache, VL_CACHE_JOB, job->key);
    job->hit = entries[j] && take_job(s, j, entries[j], false);
    st.found += job->hit;
  }
  /* what the jobs to analyse import must be analysed too */
  bool *needed = vl_xcalloc(n + 1, sizeof(bool));
  VL_VEC(size_t) todo = {0};
  for (size_t j = 0; j < s->jobs.len; j++)
    if (!s->jobs.items[j].hit)
      for (size_t k = 0; k < s->jobs.items[j].files.len; k++) VL_VEC_PUSH(&todo, s->jobs.items[j].files.items[k]);
  while (todo.len) {
    size_t i = todo.items[--todo.len];
    if (needed[i]) continue;
    needed[i] = true;
    for (size_t d = 0; d < s->files.items[i].uses.len; d++)
      if (!needed[s->files.items[i].uses.items[d]]) VL_VEC_PUSH(&todo, s->files.items[i].uses.items[d]);
  }
  for (size_t j = 0; j < s->jobs.len; j++) {
    SJob *job = &s->jobs.items[j];
    bool need = false;
    for (size_t k = 0; k < job->files.len; k++) need |= needed[job->files.items[k]];
    if (job->hit && !need) job->restored = take_job(s, j, entries[j], true);
    st.restored += job->restored;
    cJSON_Delete(entries[j]);
  }
  VL_VEC_FREE(&todo);
  free(needed);
  free(entries);
  free(known);
  free(digest);
  free(comp);
  return st;
}

bool vl_session_job_restored(const VlSession *s, size_t j) { return s->jobs.items[j].restored; }

void vl_session_cache_store(VlSession *s, size_t j) {
  const SJob *job = &s->jobs.items[j];
  if (!s->cache || !job->cacheable || job->hit) return;
  for (size_t k = 0; k < job->files.len; k++) {
    const SFile *f = &s->files.items[job->files.items[k]];
    if (!f->analysed || f->unstable) return;
    for (size_t c = 0; c < f->nnoqa; c++)
      if (strlen(f->noqa[c].text) != f->noqa[c].len) return; /* a NUL in a comment: JSON strings end there */
  }
  cJSON *e = cJSON_CreateObject(), *files = cJSON_AddArrayToObject(e, "files");
  for (size_t k = 0; k < job->files.len; k++) {
    const SFile *f = &s->files.items[job->files.items[k]];
    cJSON *fo = cJSON_CreateObject();
    cJSON_AddStringToObject(fo, "path", f->path);
    cJSON_AddBoolToObject(fo, "syntax_errors", f->syntax_errors);
    if (f->skipped) cJSON_AddStringToObject(fo, "skipped", f->skipped);
    cJSON *noqa = cJSON_AddArrayToObject(fo, "noqa"), *findings = cJSON_AddArrayToObject(fo, "findings");
    for (size_t c = 0; c < f->nnoqa; c++) {
      cJSON *co = cJSON_CreateArray();
      cJSON_AddItemToArray(co, cJSON_CreateNumber(f->noqa[c].row));
      cJSON_AddItemToArray(co, cJSON_CreateNumber(f->noqa[c].start));
      cJSON_AddItemToArray(co, cJSON_CreateString(f->noqa[c].text));
      cJSON_AddItemToArray(noqa, co);
    }
    for (size_t x = 0; x < f->findings.len; x++)
      cJSON_AddItemToArray(findings, finding_to_json(s, &f->findings.items[x]));
    cJSON_AddItemToArray(files, fo);
  }
  vl_cache_put(s->cache, VL_CACHE_JOB, job->key, e);
  cJSON_Delete(e);
}
