/* lsp.h: viewleak's Language Server (LSP 3.17 over a byte stream), as a library for front ends.
 *
 * `viewleak server` (cli/server.c) builds a server and runs it over stdin/stdout.  The server keeps
 * the open documents, analyses each one with the configuration nearest to its file (as `viewleak
 * check` does) and pushes textDocument/publishDiagnostics; quick fixes come back as code actions.
 * What the server supports, and why, is in docs/lsp.md.
 *
 * Layers inside src/lsp/: transport (Content-Length framing) -> json (cJSON helpers) -> position
 * (URIs, UTF-16/UTF-8 columns) -> store (open documents) -> diagnostics (reports -> LSP) -> methods
 * (the table of method handlers) -> server (JSON-RPC, lifecycle, the loop).
 *
 * Ownership: a VlLspServer owns its engine, documents and settings; one thread drives it.  The
 * library writes protocol messages to out_fd only, and log lines to options->log only. */
#ifndef VL_LSP_LSP_H
#define VL_LSP_LSP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct VlLspOptions {
  const char *config_path; /* --config: this file for every document (NULL: the nearest one) */
  bool isolated;           /* --isolated: no configuration file at all */
  FILE *log;               /* log lines ("viewleak server: ..."), normally stderr; NULL: none */
} VlLspOptions;

typedef struct VlLspServer VlLspServer;

/* A server ready to run.  NULL with a message in err when the engine cannot be built or
 * options->config_path cannot be loaded.  The options are copied. */
VlLspServer *vl_lsp_server_new(const VlLspOptions *options, char *err, size_t errlen);
/* NULL is a no-op. */
void vl_lsp_server_delete(VlLspServer *self);

/* Reads messages from in_fd and answers on out_fd until the `exit` notification or the end of the
 * input.  Returns the process exit code: 0 after shutdown + exit (or input ending before initialize
 * or after shutdown), 1 for `exit` without shutdown, input ending mid-session or output failing. */
int vl_lsp_server_run(VlLspServer *self, int in_fd, int out_fd);

#endif
