/* server.c: the JSON-RPC layer and the lifecycle around the method table.
 *
 * Answers to what a message can be (see server.h):
 *
 *   message                                          answer
 *   content that is not JSON                         error -32700, id null
 *   JSON that is not one object (a batch, a number)  error -32600, id null
 *   "id" neither an integer nor a string             error -32600, id null
 *   "jsonrpc" not "2.0", or "method" not a string    error -32600 (requests); logged (notifications)
 *   "params" neither an object nor an array          error -32600 (requests); logged (notifications)
 *   a response ("id" + "result"/"error")             nothing (an error response is logged)
 *   a request before initialize                      error -32002 (ServerNotInitialized)
 *   a notification before initialize                 dropped (exit excepted)
 *   a request after shutdown                         error -32600
 *   an unknown request                               error -32601
 *   an unknown notification ($/cancelRequest, ...)   ignored */
#define _POSIX_C_SOURCE 200809L
#include "lsp/server.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "driver/project.h"
#include "lsp/json.h"
#include "lsp/transport.h"

VlLspServer *vl_lsp_server_new(const VlLspOptions *options, char *err, size_t errlen) {
  VlEngine *engine = vl_engine_new(err, errlen);
  if (!engine) return NULL;
  /* a --config file that cannot be loaded stops the server now, as it stops `viewleak check` */
  VlProject *probe = vl_project_new(options->config_path, options->isolated, err, errlen);
  if (!probe) {
    vl_engine_delete(engine);
    return NULL;
  }
  vl_project_delete(probe);
  VlLspServer *s = vl_xcalloc(1, sizeof(VlLspServer));
  s->options = *options;
  s->options.config_path = vl_xstrdup(options->config_path);
  s->engine = engine;
  s->out_fd = -1;
  s->next_request_id = 1;
  return s;
}

static void free_list(VlStrList *l) {
  for (size_t i = 0; i < l->count; i++) free(l->items[i]);
  free(l->items);
  *l = (VlStrList){0};
}

void vl_lsp_server_delete(VlLspServer *self) {
  if (!self) return;
  vl_lsp_store_free(&self->docs);
  vl_lsp_notebooks_free(self);
  free_list(&self->settings.select);
  free_list(&self->settings.extend_select);
  free_list(&self->settings.ignore);
  free_list(&self->shown_errors);
  vl_engine_delete(self->engine);
  free((char *)self->options.config_path);
  free(self);
}

void vl_lsp_log(VlLspServer *self, const char *fmt, ...) {
  if (!self->options.log) return;
  va_list ap;
  va_start(ap, fmt);
  fputs("viewleak server: ", self->options.log);
  vfprintf(self->options.log, fmt, ap);
  fputc('\n', self->options.log);
  fflush(self->options.log);
  va_end(ap);
}

void vl_lsp_error(VlLspError *err, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  err->code = code;
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
}

/* Sends a message and deletes it. */
static void send(VlLspServer *self, cJSON *msg) {
  if (!self->output_failed) {
    char *text = cJSON_PrintUnformatted(msg);
    if (!text) {
      fputs("viewleak: out of memory\n", stderr);
      abort();
    }
    if (!vl_lsp_write(self->out_fd, text, strlen(text))) self->output_failed = true;
    cJSON_free(text);
  }
  cJSON_Delete(msg);
}

static cJSON *message(void) {
  cJSON *m = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_add_string(m, "jsonrpc", "2.0");
  return m;
}

static void send_result(VlLspServer *self, const cJSON *id, cJSON *result) {
  cJSON *m = message();
  vl_lsp_json_add_copy(m, "id", id);
  vl_lsp_json_attach(m, "result", result ? result : cJSON_CreateNull());
  send(self, m);
}

/* An error answer; id NULL when it could not be read. */
static void send_error(VlLspServer *self, const cJSON *id, int code, const char *text) {
  cJSON *m = message();
  vl_lsp_json_add_copy(m, "id", id);
  cJSON *e = vl_lsp_json_add_object(m, "error");
  vl_lsp_json_add_number(e, "code", code);
  vl_lsp_json_add_string(e, "message", text);
  send(self, m);
}

void vl_lsp_notify(VlLspServer *self, const char *method, cJSON *params) {
  cJSON *m = message();
  vl_lsp_json_add_string(m, "method", method);
  if (params) vl_lsp_json_attach(m, "params", params);
  send(self, m);
}

void vl_lsp_request(VlLspServer *self, const char *method, cJSON *params) {
  cJSON *m = message();
  char id[32];
  snprintf(id, sizeof id, "viewleak-%lld", (long long)self->next_request_id++);
  vl_lsp_json_add_string(m, "id", id);
  vl_lsp_json_add_string(m, "method", method);
  if (params) vl_lsp_json_attach(m, "params", params);
  send(self, m);
}

void vl_lsp_show_message(VlLspServer *self, int type, const char *fmt, ...) {
  char text[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  vl_lsp_log(self, "%s", text);
  cJSON *p = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_add_number(p, "type", type);
  vl_lsp_json_add_string(p, "message", text);
  vl_lsp_notify(self, "window/showMessage", p);
}

static bool valid_id(const cJSON *id) {
  if (cJSON_IsString(id)) return true;
  return cJSON_IsNumber(id) && isfinite(id->valuedouble) && floor(id->valuedouble) == id->valuedouble;
}

/* Runs a method (or says why not), answering when it is a request. */
static void dispatch(VlLspServer *self, const char *name, const cJSON *id, const cJSON *params) {
  const VlLspMethod *m = vl_lsp_method_find(name);
  bool request = id != NULL;
  if (self->state == VL_LSP_STARTING && !(m && (m->flags & VL_LSP_BEFORE_INIT))) {
    if (request) send_error(self, id, VL_LSP_SERVER_NOT_INITIALIZED, "the server is not initialized yet");
    return;
  }
  if (self->state == VL_LSP_SHUT_DOWN && !(m && (m->flags & VL_LSP_AFTER_SHUTDOWN))) {
    if (request) send_error(self, id, VL_RPC_INVALID_REQUEST, "the server is shutting down");
    return;
  }
  if (!m || request != (m->kind == VL_LSP_REQUEST)) {
    char text[300];
    snprintf(text, sizeof text, "method not found: %.250s", name);
    if (request) send_error(self, id, VL_RPC_METHOD_NOT_FOUND, text);
    else if (m) vl_lsp_log(self, "request '%s' sent as a notification (no id): ignored", name);
    return; /* unknown notifications ($/cancelRequest, $/setTrace, ...) are ignored */
  }
  VlLspError err = {0};
  cJSON *result = m->handler(self, params, &err);
  if (!request) {
    if (err.code) vl_lsp_log(self, "%s: %s", name, err.message);
    cJSON_Delete(result);
  } else if (err.code) {
    cJSON_Delete(result);
    send_error(self, id, err.code, err.message);
  } else {
    send_result(self, id, result);
  }
}

/* One message's content, parsed (NULL when it is not JSON: *bad_at says where it stopped). */
static cJSON *parse(const char *body, size_t len, size_t *bad_at) {
  const char *end = NULL;
  /* body[len] is a NUL, which cJSON wants inside the length to reject trailing bytes */
  cJSON *msg = memchr(body, '\0', len) ? NULL : cJSON_ParseWithLengthOpts(body, len + 1, &end, true);
  *bad_at = !msg && end && end >= body && end <= body + len ? (size_t)(end - body) : 0;
  return msg;
}

/* One message (taking ownership of it). */
static void handle(VlLspServer *self, cJSON *msg, size_t bad_at) {
  if (!msg) {
    vl_lsp_log(self, "content is not valid JSON (at byte %zu)", bad_at);
    send_error(self, NULL, VL_RPC_PARSE_ERROR, "parse error: the content is not valid JSON");
    return;
  }
  if (!cJSON_IsObject(msg)) {
    send_error(self, NULL, VL_RPC_INVALID_REQUEST,
               cJSON_IsArray(msg) ? "batch messages are not supported" : "a message must be a JSON object");
    cJSON_Delete(msg);
    return;
  }
  const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
  const cJSON *method = cJSON_GetObjectItemCaseSensitive(msg, "method");
  const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
  const char *version = vl_lsp_json_string(msg, "jsonrpc");
  bool response = !method && (cJSON_HasObjectItem(msg, "result") || cJSON_HasObjectItem(msg, "error"));
  const char *problem = NULL;
  if (id && !valid_id(id)) {
    send_error(self, NULL, VL_RPC_INVALID_REQUEST, "\"id\" must be an integer or a string");
  } else if (!version || strcmp(version, "2.0") != 0) {
    problem = "\"jsonrpc\" must be \"2.0\"";
  } else if (response && id) { /* the client's answer to one of our requests */
    const char *text = vl_lsp_json_string(msg, "error.message");
    if (cJSON_HasObjectItem(msg, "error")) vl_lsp_log(self, "the client answered an error: %s", text ? text : "?");
  } else if (!cJSON_IsString(method)) {
    problem = method ? "\"method\" must be a string" : "a message needs a \"method\"";
  } else if (params && !cJSON_IsObject(params) && !cJSON_IsArray(params)) {
    problem = "\"params\" must be an object or an array";
  } else {
    dispatch(self, method->valuestring, id, params);
  }
  if (problem && id && !response) send_error(self, id, VL_RPC_INVALID_REQUEST, problem);
  else if (problem) vl_lsp_log(self, "invalid message ignored: %s", problem);
  cJSON_Delete(msg);
}

bool vl_lsp_superseded(const VlLspServer *self, const char *uri) {
  static const char *const edits[] = {"textDocument/didOpen", "textDocument/didChange", "textDocument/didClose"};
  for (size_t k = self->queue.next; k < self->queue.len; k++) {
    const cJSON *m = self->queue.items[k].msg;
    const char *method = vl_lsp_json_string(m, "method"), *u = vl_lsp_json_string(m, "params.textDocument.uri");
    if (!method || !u || strcmp(u, uri) != 0) continue;
    for (size_t e = 0; e < sizeof edits / sizeof *edits; e++)
      if (strcmp(method, edits[e]) == 0) return true;
  }
  return false;
}

/* Waits for a message, then takes every other one that has already arrived, up to a batch.  False
 * when the input has ended. */
static bool read_batch(VlLspServer *self, VlLspReader *reader) {
  size_t bytes = 0;
  bool wait = true;
  while (self->queue.len < VL_LSP_BATCH && bytes < VL_LSP_BATCH_BYTES) {
    char *body, err[512];
    size_t len;
    VlLspRead got = wait ? vl_lsp_read(reader, &body, &len, err, sizeof err)
                         : vl_lsp_read_available(reader, &body, &len, err, sizeof err);
    if (err[0]) vl_lsp_log(self, "%s", err);
    if (got == VL_LSP_READ_NONE) return true;
    if (got == VL_LSP_READ_EOF) return false;
    if (got == VL_LSP_READ_MESSAGE) {
      if (self->queue.len == self->queue.cap) {
        self->queue.cap = self->queue.cap ? 2 * self->queue.cap : 64;
        self->queue.items = vl_xrealloc(self->queue.items, self->queue.cap * sizeof(VlLspQueued));
      }
      VlLspQueued *q = &self->queue.items[self->queue.len++];
      q->msg = parse(body, len, &q->bad_at);
      bytes += len;
      wait = false;
    }
    free(body);
  }
  return true;
}

int vl_lsp_server_run(VlLspServer *self, int in_fd, int out_fd) {
  self->out_fd = out_fd;
  VlLspReader reader;
  vl_lsp_reader_init(&reader, in_fd);
  bool more = true;
  while (more && !self->exit_received && !self->output_failed) {
    more = read_batch(self, &reader);
    while (self->queue.next < self->queue.len) {
      VlLspQueued *q = &self->queue.items[self->queue.next++];
      if (self->exit_received || self->output_failed) cJSON_Delete(q->msg); /* after exit: dropped */
      else handle(self, q->msg, q->bad_at);
    }
    self->queue.len = self->queue.next = 0;
    /* each changed document once, as it stands (nothing once the client has asked to shut down) */
    if (!self->exit_received && self->state == VL_LSP_RUNNING) vl_lsp_publish_dirty(self);
  }
  free(self->queue.items);
  self->queue.items = NULL;
  self->queue.cap = 0;
  vl_lsp_reader_free(&reader);
  if (self->exit_received) return self->state == VL_LSP_SHUT_DOWN ? 0 : 1;
  if (self->output_failed) vl_lsp_log(self, "the output was closed");
  else if (self->state == VL_LSP_RUNNING) vl_lsp_log(self, "the input ended before shutdown");
  return !self->output_failed && self->state != VL_LSP_RUNNING ? 0 : 1;
}
