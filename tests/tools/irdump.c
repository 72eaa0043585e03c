/* irdump: lowers Python files and prints their IR (or, with -q, only counts), for debugging the
 * lowering and timing it on large trees.   irdump [-q] FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "driver/walk.h"
#include "ir/dump.h"
#include "ir/lower.h"

int main(int argc, char **argv) {
  bool quiet = argc > 1 && strcmp(argv[1], "-q") == 0;
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
    VlModule *m = vl_lower(&py, parser, files.paths[i], text, len);
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
  vl_path_list_free(&files);
  return 0;
}
