/* server.h: the server's state and what its parts share (server.c, methods.c, diagnostics.c);
 * front ends use lsp.h.
 *
 * JSON-RPC: a message with "method" and "id" is a request (answered once, with a result or an
 * error), with "method" and no "id" a notification (never answered), with "id" and "result" or
 * "error" but no "method" a response to one of our requests.  Every message is handled on the one
 * thread that reads them, in order.
 *
 * Coalescing: the server waits for a message, then takes every other one that has already arrived
 * (up to VL_LSP_BATCH) and handles them all before it analyses anything.  Opening or changing a
 * document only marks it dirty; once the batch is handled, each dirty document is analysed once,
 * at its latest version, and published.  So when edits come faster than analysis, the versions in
 * between are never analysed.  A request about a document (codeAction) is answered on the text as
 * it stands at that point of the stream: the document is analysed first if it is dirty; and if a
 * later change to it is already waiting, the answer would be stale on arrival, so the request gets
 * ContentModified (-32801) instead, which clients drop silently. */
#ifndef VL_LSP_SERVER_H
#define VL_LSP_SERVER_H
#include <cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "driver/config.h"
#include "lsp/lsp.h"
#include "lsp/position.h"
#include "lsp/store.h"
#include "viewleak/viewleak.h"

/* JSON-RPC and LSP error codes. */
enum {
  VL_RPC_PARSE_ERROR = -32700,
  VL_RPC_INVALID_REQUEST = -32600,
  VL_RPC_METHOD_NOT_FOUND = -32601,
  VL_RPC_INVALID_PARAMS = -32602,
  VL_RPC_INTERNAL_ERROR = -32603,
  VL_LSP_SERVER_NOT_INITIALIZED = -32002,
  VL_LSP_CONTENT_MODIFIED = -32801
};

/* Messages (and content bytes) taken from the input before the documents they touch are analysed. */
enum { VL_LSP_BATCH = 4096, VL_LSP_BATCH_BYTES = 64 << 20 };

/* A message read but not handled yet. */
typedef struct VlLspQueued {
  cJSON *msg;    /* NULL: the content was not JSON */
  size_t bad_at; /* then: the byte where parsing stopped */
} VlLspQueued;

/* window/showMessage and window/logMessage types. */
enum { VL_LSP_MSG_ERROR = 1, VL_LSP_MSG_WARNING = 2, VL_LSP_MSG_INFO = 3, VL_LSP_MSG_LOG = 4 };

typedef enum VlLspState {
  VL_LSP_STARTING, /* before `initialize`: only initialize and exit are accepted */
  VL_LSP_RUNNING,
  VL_LSP_SHUT_DOWN /* after `shutdown`: only exit is accepted */
} VlLspState;

/* What the client said it can do (InitializeParams.capabilities), as far as we care. */
typedef struct VlLspClientCaps {
  bool code_action_literals; /* textDocument.codeAction.codeActionLiteralSupport */
  bool document_changes;     /* workspace.workspaceEdit.documentChanges */
  bool watch_files;          /* workspace.didChangeWatchedFiles.dynamicRegistration */
} VlLspClientCaps;

/* Rule selection on top of each document's configuration, from initializationOptions or
 * workspace/didChangeConfiguration (the command line's --select/--extend-select/--ignore). */
typedef struct VlLspSettings {
  VlStrList select, extend_select, ignore;
} VlLspSettings;

struct VlLspServer {
  VlLspOptions options; /* config_path is our own copy */
  VlEngine *engine;
  int out_fd;
  bool output_failed;
  VlLspState state;
  bool exit_received;
  VlLspEncoding encoding;
  VlLspClientCaps caps;
  VlLspSettings settings;
  VlLspStore docs;
  VlStrList shown_errors; /* messages already shown (configuration errors, files not analysed) */
  int64_t next_request_id;
  struct {
    VlLspQueued *items;
    size_t len, cap, next; /* items[next..len) are still to be handled */
  } queue;
  struct VlLspNotebooks *notebooks; /* open notebook documents (notebook.c); NULL: none yet */
};

/* An error answer of a request handler. */
typedef struct VlLspError {
  int code; /* 0: no error */
  char message[256];
} VlLspError;

/* ---- messages to the client (server.c) ---- */
/* Sends a notification; takes ownership of params (NULL: none). */
void vl_lsp_notify(VlLspServer *self, const char *method, cJSON *params);
/* Sends a request of our own; the response is only logged when it is an error. */
void vl_lsp_request(VlLspServer *self, const char *method, cJSON *params);
/* window/showMessage, also logged. */
void vl_lsp_show_message(VlLspServer *self, int type, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A line on the log stream (options.log), never on the protocol stream. */
void vl_lsp_log(VlLspServer *self, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vl_lsp_error(VlLspError *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- methods (methods.c): one table, as the rules' ---- */
typedef enum VlLspKind { VL_LSP_REQUEST, VL_LSP_NOTIFICATION } VlLspKind;
enum {
  VL_LSP_BEFORE_INIT = 1 << 0,    /* also accepted before initialize */
  VL_LSP_AFTER_SHUTDOWN = 1 << 1  /* also accepted after shutdown */
};
/* A handler gets the message's params (NULL when absent) and returns a request's result (NULL for
 * JSON null; ignored for notifications) or fills err. */
typedef cJSON *(*VlLspHandler)(VlLspServer *self, const cJSON *params, VlLspError *err);
typedef struct VlLspMethod {
  const char *name;
  VlLspKind kind;
  unsigned flags;
  VlLspHandler handler;
} VlLspMethod;
/* The method with that name, or NULL. */
const VlLspMethod *vl_lsp_method_find(const char *name);

/* Whether a message still waiting in the batch opens, changes or closes the document `uri`. */
bool vl_lsp_superseded(const VlLspServer *self, const char *uri);

/* ---- diagnostics (diagnostics.c) ---- */
/* Analyses a dirty document and publishes its diagnostics (none for a document that is not Python
 * or whose configuration is broken; the error is shown once); nothing when it is not dirty. */
void vl_lsp_publish(VlLspServer *self, VlLspDoc *doc);
/* vl_lsp_publish for every open document. */
void vl_lsp_publish_dirty(VlLspServer *self);
/* Publishes an empty list for a URI (a closed document). */
void vl_lsp_publish_empty(VlLspServer *self, const char *uri);
/* The result of textDocument/codeAction for an open document: CodeAction[] (maybe empty). */
cJSON *vl_lsp_code_actions(VlLspServer *self, VlLspDoc *doc, const cJSON *params);
/* A notebook's module, as its code cells are joined: cell k starts at row first_rows[k] and is cell
 * numbers[k] of the notebook. */
typedef struct VlLspCells {
  size_t n;
  const uint32_t *first_rows;
  const unsigned *numbers;
} VlLspCells;
/* The diagnostics of a notebook's module (a document named as the notebook), not published. */
cJSON *vl_lsp_analyse_cells(VlLspServer *self, VlLspDoc *module, const VlLspCells *cells);
/* Publishes `list` (taken) for a URI, with its version when not NULL. */
void vl_lsp_publish_list(VlLspServer *self, const char *uri, const int64_t *version, cJSON *list);

/* ---- notebook documents (notebook.c): LSP 3.17 notebookDocument/didOpen and the like ---- */
/* Adds notebookDocumentSync to the server's capabilities. */
void vl_lsp_notebook_capabilities(cJSON *capabilities);
cJSON *vl_lsp_notebook_did_open(VlLspServer *self, const cJSON *params, VlLspError *err);
cJSON *vl_lsp_notebook_did_change(VlLspServer *self, const cJSON *params, VlLspError *err);
cJSON *vl_lsp_notebook_did_save(VlLspServer *self, const cJSON *params, VlLspError *err);
cJSON *vl_lsp_notebook_did_close(VlLspServer *self, const cJSON *params, VlLspError *err);
/* The open notebook cell with that URI (its text, version and published diagnostics), or NULL. */
VlLspDoc *vl_lsp_notebook_cell(VlLspServer *self, const char *uri);
/* Analyses and publishes every open notebook again (configuration changed). */
void vl_lsp_notebooks_publish_all(VlLspServer *self);
void vl_lsp_notebooks_free(VlLspServer *self);

#endif
