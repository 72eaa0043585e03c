/* irdump: lowers Python files and prints their IR (or, with -q, only counts), for debugging the
 * lowering and timing it on large trees; with -p, only parses them with tree-sitter (what any
 * tree-sitter tool pays: bench/run.sh's baseline); with -c, lowers each file from one parse and
 * again in runs of top-level statements (vl_lower_chunked: runs of 1 and 4096 bytes), and exits 1
 * unless every array of the modules is the same (the test `ir_chunked_same`).   irdump [-q | -p | -c] FILE... */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "driver/walk.h"
#include "ir/dump.h"
#include "ir/lower.h"

/* Do a and b hold the same IR?  Field by field (structs have padding), every array of the module;
 * prints the first difference. */
static bool same_ir(const char *path, const VlModule *a, const VlModule *b) {
#define DIFFER(what_, i_)                                                                                \
  do {                                                                                                   \
    fprintf(stderr, "%s: chunked lowering differs: %s %u\n", path, what_, (unsigned)(i_));               \
    return false;                                                                                        \
  } while (0)
#define COUNT(field_)                                                                                    \
  if (a->n##field_ != b->n##field_) DIFFER("number of " #field_, b->n##field_)
#define F(arr_, i_, f_)                                                                                  \
  if (memcmp(&a->arr_[i_].f_, &b->arr_[i_].f_, sizeof a->arr_[i_].f_) != 0) DIFFER(#arr_ "." #f_, i_)
  COUNT(exprs);
  for (uint32_t i = 0; i < a->nexprs; i++) {
    F(exprs, i, op); F(exprs, i, sub); F(exprs, i, nkids); F(exprs, i, kids); F(exprs, i, a);
    F(exprs, i, sym.kind); F(exprs, i, sym.slot); F(exprs, i, sym.owner); F(exprs, i, start); F(exprs, i, end);
  }
  COUNT(stmts);
  for (uint32_t i = 0; i < a->nstmts; i++) {
    F(stmts, i, kind); F(stmts, i, sub); F(stmts, i, n); F(stmts, i, a); F(stmts, i, b); F(stmts, i, c);
    F(stmts, i, d); F(stmts, i, start); F(stmts, i, end);
  }
  COUNT(kids);
  for (uint32_t i = 0; i < a->nkids; i++)
    if (a->kids[i] != b->kids[i]) DIFFER("kids", i);
  COUNT(stmtlist);
  for (uint32_t i = 0; i < a->nstmtlist; i++)
    if (a->stmtlist[i] != b->stmtlist[i]) DIFFER("stmtlist", i);
  COUNT(blocks);
  for (uint32_t i = 0; i < a->nblocks; i++) { F(blocks, i, first); F(blocks, i, count); }
  COUNT(handlers);
  for (uint32_t i = 0; i < a->nhandlers; i++) { F(handlers, i, type); F(handlers, i, target); F(handlers, i, body); }
  COUNT(funcs);
  for (uint32_t i = 0; i < a->nfuncs; i++) {
    F(funcs, i, kind); F(funcs, i, flags); F(funcs, i, nparams); F(funcs, i, params); F(funcs, i, name);
    F(funcs, i, qualname); F(funcs, i, parent); F(funcs, i, klass); F(funcs, i, body); F(funcs, i, expr);
    F(funcs, i, decorators); F(funcs, i, ndecorators); F(funcs, i, nlocals); F(funcs, i, locals);
    F(funcs, i, start); F(funcs, i, end);
  }
  COUNT(classes);
  for (uint32_t i = 0; i < a->nclasses; i++) {
    F(classes, i, name); F(classes, i, qualname); F(classes, i, func); F(classes, i, parent); F(classes, i, bases);
    F(classes, i, nbases); F(classes, i, decorators); F(classes, i, ndecorators); F(classes, i, start);
    F(classes, i, end);
  }
  COUNT(loops);
  for (uint32_t i = 0; i < a->nloops; i++) {
    F(loops, i, kind); F(loops, i, async); F(loops, i, func); F(loops, i, parent); F(loops, i, target);
    F(loops, i, iter); F(loops, i, node); F(loops, i, start); F(loops, i, end);
  }
  COUNT(comps);
  for (uint32_t i = 0; i < a->ncomps; i++) {
    F(comps, i, kind); F(comps, i, func); F(comps, i, elem); F(comps, i, key); F(comps, i, clauses);
    F(comps, i, nclauses);
  }
  COUNT(clauses);
  for (uint32_t i = 0; i < a->nclauses; i++) { F(clauses, i, is_if); F(clauses, i, cond); F(clauses, i, loop); }
  COUNT(params);
  for (uint32_t i = 0; i < a->nparams; i++) {
    F(params, i, name); F(params, i, annotation); F(params, i, dflt); F(params, i, kind);
  }
  COUNT(comments);
  for (uint32_t i = 0; i < a->ncomments; i++) { F(comments, i, row); F(comments, i, start); F(comments, i, len); }
  COUNT(strs);
  for (uint32_t i = 0; i < a->nstrs; i++)
    if (strcmp(a->strs[i], b->strs[i]) != 0) DIFFER("string", i);
  if (a->syntax_errors != b->syntax_errors || a->nerrors != b->nerrors || (a->skipped == NULL) != (b->skipped == NULL))
    DIFFER("syntax errors", a->nerrors);
#undef F
#undef COUNT
#undef DIFFER
  return true;
}

int main(int argc, char **argv) {
  bool parse_only = argc > 1 && strcmp(argv[1], "-p") == 0;
  bool compare = argc > 1 && strcmp(argv[1], "-c") == 0;
  bool quiet = parse_only || compare || (argc > 1 && strcmp(argv[1], "-q") == 0);
  size_t differ = 0;
  VlPy py;
  const char *missing;
  if (!vl_py_init(&py, &missing)) return 2;
  VlPathList files;
  vl_walk((const char *const *)argv + 1 + quiet, (size_t)(argc - 1 - quiet), NULL, &files);
  size_t nexprs = 0, nstmts = 0, bytes = 0, nfiles = 0;
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, py.lang);
  for (size_t i = 0; i < files.count; i++) {
    char *text, err[256];
    size_t len;
    if (!vl_read_file(files.paths[i], &text, &len, err, sizeof err)) continue;
    if (parse_only) {
      TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
      ts_tree_delete(tree);
      bytes += len;
      nfiles++;
      free(text);
      continue;
    }
    VlModule *m = vl_lower_chunked(&py, parser, files.paths[i], text, len, 0);
    if (compare) { /* runs of one statement, and of a few KiB (grown on a split statement) */
      bool same = true;
      for (size_t chunk = 1; chunk <= 4096 && same; chunk *= 4096) {
        VlModule *c = vl_lower_chunked(&py, parser, files.paths[i], text, len, chunk);
        same = same_ir(files.paths[i], m, c);
        vl_module_delete(c);
      }
      differ += !same;
    }
    nexprs += m->nexprs;
    nstmts += m->nstmts;
    bytes += len;
    nfiles++;
    if (!quiet) {
      VlBuf b = {0};
      vl_ir_dump(&b, m);
      printf("== %s\n%s", files.paths[i], b.data ? b.data : "");
      vl_buf_free(&b);
    }
    vl_module_delete(m);
    free(text);
  }
  ts_parser_delete(parser);
  fprintf(stderr, "%zu files, %zu bytes, %zu exprs, %zu stmts\n", nfiles, bytes, nexprs, nstmts);
  if (compare) fprintf(stderr, "%zu of %zu files lowered differently in chunks\n", differ, nfiles);
  vl_path_list_free(&files);
  return differ ? 1 : 0;
}
