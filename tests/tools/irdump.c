/* irdump: lowers Python files and prints their IR (or, with -q, only counts), for debugging the
 * lowering and timing it on large trees; with -p, only parses them with tree-sitter (what any
 * tree-sitter tool pays: bench/run.sh's baseline).   irdump [-q | -p] FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "driver/walk.h"
#include "ir/dump.h"
#include "ir/lower.h"

int main(int argc, char **argv) {
  bool parse_only = argc > 1 && strcmp(argv[1], "-p") == 0;
  bool quiet = parse_only || (argc > 1 && strcmp(argv[1], "-q") == 0);
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
