/* methods.c: the methods the server handles, in one table (vl_lsp_method_find).
 *
 *   method                              kind           what it does
 *   initialize                          request        negotiates the position encoding, reads the
 *                                                      client's capabilities and initializationOptions
 *   initialized                         notification   asks to be told when configuration files change
 *   shutdown                            request        stops accepting anything but exit
 *   exit                                notification   ends the loop (exit code 0 after shutdown, else 1)
 *   textDocument/didOpen                notification   stores the text; to be published
 *   textDocument/didChange              notification   applies the changes (full or incremental); to be
 *                                                      published again
 *   textDocument/didSave                notification   to be published again (configuration may have changed)
 *   textDocument/didClose               notification   forgets the text, clears its diagnostics
 *   textDocument/codeAction             request        the quick fixes of the diagnostics in range
 *   workspace/didChangeWatchedFiles     notification   a configuration file changed: all to be published
 *   workspace/didChangeConfiguration    notification   new "viewleak" settings: all to be published
 *
 * "To be published": the document is marked dirty, and analysed once the messages that have
 * arrived are all handled (server.h, coalescing).
 *   $/cancelRequest                     notification   nothing: every request is answered at once
 *   notebookDocument/didOpen|didChange|didSave|didClose   notification   notebooks (notebook.c)
 *
 * Settings, in initializationOptions or didChangeConfiguration's settings.viewleak (codes or
 * prefixes, as on the command line; an array or a comma-separated string):
 *   {"select": [...], "extendSelect": [...], "ignore": [...]} */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "lsp/json.h"
#include "lsp/server.h"

/* Requires params to be an object (LSP's params always are). */
#define NEED_PARAMS(params, err)                                                     \
  do {                                                                               \
    if (!cJSON_IsObject(params)) {                                                   \
      vl_lsp_error((err), VL_RPC_INVALID_PARAMS, "params must be an object");        \
      return NULL;                                                                   \
    }                                                                                \
  } while (0)

static const char *const config_names[] = {".viewleak.toml", "viewleak.toml", "pyproject.toml"};

static bool is_config_file(const char *uri) {
  const char *base = strrchr(uri, '/') ? strrchr(uri, '/') + 1 : uri;
  for (size_t i = 0; i < sizeof config_names / sizeof *config_names; i++)
    if (strcmp(base, config_names[i]) == 0) return true;
  return false;
}

/* Every open document is analysed again once the batch is handled; notebooks at once. */
static void touch_all(VlLspServer *s) {
  for (VlLspDoc *d = s->docs.head; d; d = d->next) d->dirty = true;
  vl_lsp_notebooks_publish_all(s);
}

/* Configuration may have changed: forget which errors were shown and analyse everything again. */
static void config_changed(VlLspServer *s) {
  for (size_t i = 0; i < s->shown_errors.count; i++) free(s->shown_errors.items[i]);
  free(s->shown_errors.items);
  s->shown_errors = (VlStrList){0};
  touch_all(s);
}

/* ---- settings ---- */

static void list_add(VlStrList *l, const char *item) {
  l->items = vl_xrealloc(l->items, (l->count + 1) * sizeof(char *));
  l->items[l->count++] = vl_xstrdup(item);
}

static void list_free(VlStrList *l) {
  for (size_t i = 0; i < l->count; i++) free(l->items[i]);
  free(l->items);
  *l = (VlStrList){0};
}

/* A code or prefix of a setting: kept when it matches a rule, else reported. */
static void add_code(VlLspServer *s, VlStrList *l, const char *key, const char *code) {
  VlSelection *probe = vl_selection_new();
  if (vl_selection_select(probe, code)) list_add(l, code);
  else vl_lsp_show_message(s, VL_LSP_MSG_WARNING, "viewleak: setting %s: '%s' matches no rule: ignored", key, code);
  vl_selection_delete(probe);
}

/* One setting: an array of strings, or one comma-separated string. */
static void read_codes(VlLspServer *s, const cJSON *settings, const char *key, VlStrList *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(settings, key);
  if (!v || cJSON_IsNull(v)) return;
  if (cJSON_IsString(v)) {
    char *copy = vl_xstrdup(v->valuestring), *save = NULL;
    for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) add_code(s, out, key, tok);
    free(copy);
    return;
  }
  const cJSON *item;
  bool bad = !cJSON_IsArray(v);
  cJSON_ArrayForEach(item, v) {
    if (cJSON_IsString(item)) add_code(s, out, key, item->valuestring);
    else bad = true;
  }
  if (bad) vl_lsp_show_message(s, VL_LSP_MSG_WARNING, "viewleak: setting %s must be a list of rule codes", key);
}

/* Replaces the settings with those of a settings object. */
static void apply_settings(VlLspServer *s, const cJSON *settings) {
  static const char *const known[] = {"select", "extendSelect", "ignore"};
  list_free(&s->settings.select);
  list_free(&s->settings.extend_select);
  list_free(&s->settings.ignore);
  read_codes(s, settings, "select", &s->settings.select);
  read_codes(s, settings, "extendSelect", &s->settings.extend_select);
  read_codes(s, settings, "ignore", &s->settings.ignore);
  const cJSON *item;
  cJSON_ArrayForEach(item, settings) {
    bool ok = false;
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) ok |= strcmp(item->string, known[i]) == 0;
    if (!ok) vl_lsp_log(s, "unknown setting '%s' ignored", item->string);
  }
}

/* ---- lifecycle ---- */

static cJSON *initialize(VlLspServer *s, const cJSON *params, VlLspError *err) {
  if (s->state != VL_LSP_STARTING) {
    vl_lsp_error(err, VL_RPC_INVALID_REQUEST, "initialize may only be sent once");
    return NULL;
  }
  NEED_PARAMS(params, err);
  const cJSON *caps = cJSON_GetObjectItemCaseSensitive(params, "capabilities"), *e;
  s->encoding = VL_LSP_UTF16;
  cJSON_ArrayForEach(e, vl_lsp_json_get(caps, "general.positionEncodings"))
    if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-8") == 0) s->encoding = VL_LSP_UTF8;
  s->caps.code_action_literals = cJSON_IsObject(vl_lsp_json_get(caps, "textDocument.codeAction.codeActionLiteralSupport"));
  s->caps.document_changes = vl_lsp_json_true(caps, "workspace.workspaceEdit.documentChanges");
  s->caps.watch_files = vl_lsp_json_true(caps, "workspace.didChangeWatchedFiles.dynamicRegistration");
  const cJSON *options = cJSON_GetObjectItemCaseSensitive(params, "initializationOptions");
  if (cJSON_IsObject(options)) apply_settings(s, options);
  else if (options && !cJSON_IsNull(options))
    vl_lsp_show_message(s, VL_LSP_MSG_WARNING, "viewleak: initializationOptions must be an object: ignored");
  s->state = VL_LSP_RUNNING;

  cJSON *result = vl_lsp_json_check(cJSON_CreateObject());
  cJSON *c = vl_lsp_json_add_object(result, "capabilities");
  vl_lsp_json_add_string(c, "positionEncoding", vl_lsp_encoding_name(s->encoding));
  cJSON *sync = vl_lsp_json_add_object(c, "textDocumentSync");
  vl_lsp_json_add_bool(sync, "openClose", true);
  vl_lsp_json_add_number(sync, "change", 2); /* TextDocumentSyncKind.Incremental (full texts are read too) */
  vl_lsp_json_add_bool(vl_lsp_json_add_object(sync, "save"), "includeText", false);
  vl_lsp_notebook_capabilities(c);
  if (s->caps.code_action_literals) { /* CodeActionOptions only for clients that take literals */
    cJSON *ca = vl_lsp_json_add_object(c, "codeActionProvider");
    vl_lsp_json_push(vl_lsp_json_add_array(ca, "codeActionKinds"), cJSON_CreateString("quickfix"));
  } else {
    vl_lsp_json_add_bool(c, "codeActionProvider", true);
  }
  cJSON *info = vl_lsp_json_add_object(result, "serverInfo");
  vl_lsp_json_add_string(info, "name", "viewleak");
  vl_lsp_json_add_string(info, "version", VL_VERSION);
  return result;
}

static cJSON *initialized(VlLspServer *s, const cJSON *params, VlLspError *err) {
  (void)params, (void)err;
  if (!s->caps.watch_files) return NULL;
  cJSON *p = vl_lsp_json_check(cJSON_CreateObject());
  cJSON *reg = vl_lsp_json_check(cJSON_CreateObject());
  vl_lsp_json_push(vl_lsp_json_add_array(p, "registrations"), reg);
  vl_lsp_json_add_string(reg, "id", "viewleak-configuration-files");
  vl_lsp_json_add_string(reg, "method", "workspace/didChangeWatchedFiles");
  cJSON *watchers = vl_lsp_json_add_array(vl_lsp_json_add_object(reg, "registerOptions"), "watchers");
  for (size_t i = 0; i < sizeof config_names / sizeof *config_names; i++) {
    char glob[64];
    snprintf(glob, sizeof glob, "**/%s", config_names[i]);
    cJSON *w = vl_lsp_json_check(cJSON_CreateObject());
    vl_lsp_json_add_string(w, "globPattern", glob);
    vl_lsp_json_push(watchers, w);
  }
  vl_lsp_request(s, "client/registerCapability", p);
  return NULL;
}

static cJSON *shut_down(VlLspServer *s, const cJSON *params, VlLspError *err) {
  (void)params, (void)err;
  vl_lsp_publish_dirty(s); /* what was sent before shutdown is answered, even in the same batch */
  s->state = VL_LSP_SHUT_DOWN;
  return NULL;
}

static cJSON *exit_(VlLspServer *s, const cJSON *params, VlLspError *err) {
  (void)params, (void)err;
  s->exit_received = true;
  return NULL;
}

static cJSON *ignore(VlLspServer *s, const cJSON *params, VlLspError *err) {
  (void)s, (void)params, (void)err;
  return NULL;
}

/* ---- documents ---- */

/* The open document named by params.textDocument.uri; fills err when there is none. */
static VlLspDoc *document(VlLspServer *s, const cJSON *params, VlLspError *err) {
  const char *uri = vl_lsp_json_string(params, "textDocument.uri");
  if (!uri) {
    vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "textDocument.uri is missing");
    return NULL;
  }
  VlLspDoc *d = vl_lsp_store_find(&s->docs, uri);
  if (!d) vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "%.200s is not open", uri);
  return d;
}

static cJSON *did_open(VlLspServer *s, const cJSON *params, VlLspError *err) {
  NEED_PARAMS(params, err);
  const char *uri = vl_lsp_json_string(params, "textDocument.uri");
  const char *text = vl_lsp_json_string(params, "textDocument.text");
  int64_t version = 0;
  if (!uri || !text) {
    vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "textDocument needs a uri and a text");
    return NULL;
  }
  vl_lsp_json_int(params, "textDocument.version", INT32_MIN, INT32_MAX, &version);
  const char *language = vl_lsp_json_string(params, "textDocument.languageId");
  vl_lsp_store_open(&s->docs, uri, language, version, text, strlen(text)); /* dirty: analysed after the batch */
  return NULL;
}

/* One TextDocumentContentChangeEvent: the whole text ({"text"}), or a range of it replaced
 * ({"range", "text"}; rangeLength, deprecated, is not read).  Positions are in the negotiated
 * encoding, on the text the previous changes of the message left.  As LSP says, a character past
 * the end of its line means the end of the line; a line past the last one means the end of the text
 * (logged: the client and the server no longer agree on the text).  NULL when applied, else why not. */
static const char *apply_change(VlLspServer *s, VlLspDoc *d, const cJSON *change) {
  const char *text = vl_lsp_json_string(change, "text");
  if (!text) return "a content change needs a \"text\" string";
  const cJSON *range = cJSON_GetObjectItemCaseSensitive(change, "range");
  if (!range) {
    vl_lsp_doc_replace(d, 0, d->len, text, strlen(text));
    return NULL;
  }
  int64_t l0, c0, l1, c1;
  if (!vl_lsp_json_int(range, "start.line", 0, UINT32_MAX, &l0) ||
      !vl_lsp_json_int(range, "start.character", 0, UINT32_MAX, &c0) ||
      !vl_lsp_json_int(range, "end.line", 0, UINT32_MAX, &l1) || !vl_lsp_json_int(range, "end.character", 0, UINT32_MAX, &c1))
    return "a content change's range needs start and end positions of non-negative integers";
  if (l1 < l0 || (l1 == l0 && c1 < c0)) return "a content change's range ends before it starts";
  bool past_start, past_end;
  size_t start = vl_lsp_text_offset(d->text, d->len, s->encoding, (uint32_t)l0, (uint32_t)c0, &past_start);
  size_t end = vl_lsp_text_offset(d->text, d->len, s->encoding, (uint32_t)l1, (uint32_t)c1, &past_end);
  if (past_end)
    vl_lsp_log(s, "%s: a change's range ends at line %lld, past the last line: applied up to the end of the text",
               d->uri, (long long)l1);
  vl_lsp_doc_replace(d, start, end, text, strlen(text));
  return NULL;
}

static cJSON *did_change(VlLspServer *s, const cJSON *params, VlLspError *err) {
  NEED_PARAMS(params, err);
  VlLspDoc *d = document(s, params, err);
  if (!d) return NULL;
  const cJSON *changes = cJSON_GetObjectItemCaseSensitive(params, "contentChanges"), *c;
  if (!cJSON_IsArray(changes)) {
    vl_lsp_error(err, VL_RPC_INVALID_PARAMS, "contentChanges must be an array");
    return NULL;
  }
  int k = 0;
  cJSON_ArrayForEach(c, changes) {
    const char *why = apply_change(s, d, c);
    if (why) vl_lsp_log(s, "textDocument/didChange: %.200s (version %lld): change %d ignored: %s", d->uri,
                        (long long)d->version, k, why);
    k++;
  }
  vl_lsp_json_int(params, "textDocument.version", INT32_MIN, INT32_MAX, &d->version);
  d->dirty = true; /* analysed once the batch is handled, at its latest version */
  return NULL;
}

static cJSON *did_save(VlLspServer *s, const cJSON *params, VlLspError *err) {
  NEED_PARAMS(params, err);
  const char *uri = vl_lsp_json_string(params, "textDocument.uri");
  VlLspDoc *d = uri ? vl_lsp_store_find(&s->docs, uri) : NULL;
  const char *text = vl_lsp_json_string(params, "text");
  if (d && text) vl_lsp_doc_replace(d, 0, d->len, text, strlen(text));
  if (uri && is_config_file(uri)) config_changed(s);
  else if (d) d->dirty = true;
  return NULL;
}

static cJSON *did_close(VlLspServer *s, const cJSON *params, VlLspError *err) {
  NEED_PARAMS(params, err);
  VlLspDoc *d = document(s, params, err);
  if (!d) return NULL;
  char *uri = vl_xstrdup(d->uri);
  bool python = d->python;
  vl_lsp_store_close(&s->docs, uri);
  if (python) vl_lsp_publish_empty(s, uri);
  free(uri);
  return NULL;
}

static cJSON *code_action(VlLspServer *s, const cJSON *params, VlLspError *err) {
  NEED_PARAMS(params, err);
  const char *uri = vl_lsp_json_string(params, "textDocument.uri");
  VlLspDoc *d = uri ? vl_lsp_store_find(&s->docs, uri) : NULL;
  if (!d && uri) /* a notebook's cell: notebooks are published as they change (notebook.c) */
    return (d = vl_lsp_notebook_cell(s, uri)) ? vl_lsp_code_actions(s, d, params) : vl_lsp_json_check(cJSON_CreateArray());
  if (!d) return vl_lsp_json_check(cJSON_CreateArray()); /* not ours: no actions */
  if (vl_lsp_superseded(s, uri)) { /* the client has changed it since: an answer would be stale */
    vl_lsp_error(err, VL_LSP_CONTENT_MODIFIED, "%.200s changed after this request", uri);
    return NULL;
  }
  vl_lsp_publish(s, d); /* the diagnostics of the text the request is about */
  return vl_lsp_code_actions(s, d, params);
}

/* ---- workspace ---- */

static cJSON *did_change_watched_files(VlLspServer *s, const cJSON *params, VlLspError *err) {
  (void)params, (void)err;
  config_changed(s);
  return NULL;
}

static cJSON *did_change_configuration(VlLspServer *s, const cJSON *params, VlLspError *err) {
  NEED_PARAMS(params, err);
  const cJSON *ours = vl_lsp_json_get(params, "settings.viewleak");
  if (!cJSON_IsObject(ours)) return NULL; /* other tools' settings, or none: ours stay */
  apply_settings(s, ours);
  touch_all(s);
  return NULL;
}

static const VlLspMethod methods[] = {
    {"initialize", VL_LSP_REQUEST, VL_LSP_BEFORE_INIT, initialize},
    {"initialized", VL_LSP_NOTIFICATION, 0, initialized},
    {"shutdown", VL_LSP_REQUEST, 0, shut_down},
    {"exit", VL_LSP_NOTIFICATION, VL_LSP_BEFORE_INIT | VL_LSP_AFTER_SHUTDOWN, exit_},
    {"textDocument/didOpen", VL_LSP_NOTIFICATION, 0, did_open},
    {"textDocument/didChange", VL_LSP_NOTIFICATION, 0, did_change},
    {"textDocument/didSave", VL_LSP_NOTIFICATION, 0, did_save},
    {"textDocument/didClose", VL_LSP_NOTIFICATION, 0, did_close},
    {"textDocument/codeAction", VL_LSP_REQUEST, 0, code_action},
    {"workspace/didChangeWatchedFiles", VL_LSP_NOTIFICATION, 0, did_change_watched_files},
    {"workspace/didChangeConfiguration", VL_LSP_NOTIFICATION, 0, did_change_configuration},
    {"$/cancelRequest", VL_LSP_NOTIFICATION, VL_LSP_BEFORE_INIT | VL_LSP_AFTER_SHUTDOWN, ignore},
    {"notebookDocument/didOpen", VL_LSP_NOTIFICATION, 0, vl_lsp_notebook_did_open},
    {"notebookDocument/didChange", VL_LSP_NOTIFICATION, 0, vl_lsp_notebook_did_change},
    {"notebookDocument/didSave", VL_LSP_NOTIFICATION, 0, vl_lsp_notebook_did_save},
    {"notebookDocument/didClose", VL_LSP_NOTIFICATION, 0, vl_lsp_notebook_did_close},
};

const VlLspMethod *vl_lsp_method_find(const char *name) {
  for (size_t i = 0; i < sizeof methods / sizeof *methods; i++)
    if (strcmp(methods[i].name, name) == 0) return &methods[i];
  return NULL;
}
