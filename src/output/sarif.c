/* sarif.c: the `sarif` format: one SARIF 2.1.0 log (OASIS), for GitHub code scanning
 * (github/codeql-action/upload-sarif) and SARIF viewers.  Shape:
 *
 *   {"$schema": ".../sarif-2.1.0.json", "version": "2.1.0", "runs": [{
 *     "tool": {"driver": {"name": "viewleak", "version", "informationUri",
 *              "rules": [every rule: id, name, shortDescription, fullDescription, help {text, markdown},
 *                        helpUri, defaultConfiguration {level}]}},
 *     "originalUriBaseIds": {"%SRCROOT%": the directory viewleak ran in},
 *     "columnKind": "unicodeCodePoints",
 *     "results": [{ruleId, ruleIndex, level, message, locations, relatedLocations, partialFingerprints,
 *                  fixes}]}]}
 *
 * Locations: artifact URIs are relative (percent-encoded) against %SRCROOT%, whose absolute URI is
 * left out so the log does not depend on the machine; a path outside the current directory becomes
 * an absolute file: URI.  Regions are 1-based, columns in characters, the end column exclusive; in a
 * notebook the artifact is the .ipynb file, lines count from the start of the finding's cell and the
 * physical location names that cell in its properties ({"cell": 4}).
 * Messages end with a period (the validator's SARIF2001).  partialFingerprints["viewleak/v1"] is
 * the line-independent fingerprint of common.h.  The results are collected in ctx->state (a cJSON
 * array) and the log printed by end.  Built with cJSON.
 *
 * tests/formats/sarif_validate.cmake checks the output with Microsoft's SARIF validator. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "output/common.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#ifndef VL_HOME_URL
#define VL_HOME_URL "https://github.com/viewleak/viewleak"
#endif
#define SRCROOT "%SRCROOT%"
#define FINGERPRINT_KEY "viewleak/v1"

/* `s` ending with a period (or another sentence end).  Caller frees. */
static char *sentence(const char *s) {
  size_t n = strlen(s);
  char *out = vl_xcalloc(n + 2, 1);
  memcpy(out, s, n);
  if (!n || !strchr(".!?", s[n - 1])) out[n] = '.';
  return out;
}

/* {"text": sentence(text)} added as `key`. */
static void add_message(cJSON *o, const char *key, const char *text) {
  cJSON *m = vl_format_json_check(cJSON_AddObjectToObject(o, key));
  char *s = sentence(text);
  vl_format_json_add_string(m, "text", s);
  free(s);
}

/* The first paragraph under the first "## " heading of a rule's Markdown documentation, joined into
 * one line, or NULL.  Caller frees. */
static char *doc_paragraph(const char *doc) {
  const char *p = strstr(doc, "\n## ");
  if (!p || !(p = strchr(p + 1, '\n'))) return NULL;
  while (*p == '\n') p++;
  VlBuf b = {0};
  while (*p && *p != '\n') {
    const char *eol = strchr(p, '\n');
    size_t n = eol ? (size_t)(eol - p) : strlen(p);
    if (b.len) vl_buf_puts(&b, " ");
    vl_buf_append(&b, p, n);
    p += n + (eol != NULL);
  }
  return b.data;
}

/* A relative path as a URI reference: every byte outside RFC 3986's unreserved characters,
 * sub-delimiters, "@" and "/" percent-encoded (":" too, so no first segment reads as a scheme). */
static char *uri_encode(const char *path) {
  static const char keep[] = "-._~!$&'()*+,;=@/";
  VlBuf b = {0};
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
    if (alnum || strchr(keep, *p)) vl_buf_append(&b, (const char *)p, 1);
    else vl_buf_printf(&b, "%%%02X", *p);
  }
  return b.data ? b.data : vl_xstrdup("");
}

static cJSON *artifact_location(const char *path) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  char *uri = uri_encode(path);
  if (path[0] == '/') { /* outside the current directory: an absolute URI, no base */
    VlBuf b = {0};
    vl_buf_printf(&b, "file://%s", uri);
    vl_format_json_add_string(o, "uri", b.data);
    vl_buf_free(&b);
  } else {
    vl_format_json_add_string(o, "uri", uri);
    vl_format_json_add_string(o, "uriBaseId", SRCROOT);
  }
  free(uri);
  return o;
}

static cJSON *region(const VlReport *r, VlRange range) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  vl_format_json_check(cJSON_AddNumberToObject(o, "startLine", vl_format_row(r, range.start)));
  vl_format_json_check(cJSON_AddNumberToObject(o, "startColumn", vl_format_char_col(r, range.start)));
  vl_format_json_check(cJSON_AddNumberToObject(o, "endLine", vl_format_row(r, range.end)));
  vl_format_json_check(cJSON_AddNumberToObject(o, "endColumn", vl_format_char_col(r, range.end)));
  return o;
}

/* {"text": bytes [from, to) of the source} added as "snippet". */
static void add_snippet(cJSON *o, const VlReport *r, uint32_t from, uint32_t to) {
  size_t len;
  const char *text = vl_report_text(r, &len);
  if (to > len) to = (uint32_t)len;
  if (from > to) from = to;
  char *s = vl_xstrndup(text + from, to - from);
  cJSON *snippet = vl_format_json_check(cJSON_AddObjectToObject(o, "snippet"));
  vl_format_json_add_string(snippet, "text", s);
  free(s);
}

/* A result's (or related) location: the region with its text, and the whole lines around it as
 * context (the validator's SARIF2010 and SARIF2011), so viewers can show it without the source. */
static cJSON *physical_location(const VlReport *r, const char *path, VlRange range) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  cJSON_AddItemToObject(o, "artifactLocation", artifact_location(path));
  cJSON *reg = region(r, range);
  add_snippet(reg, r, range.start.byte, range.end.byte);
  cJSON_AddItemToObject(o, "region", reg);
  cJSON *context = vl_format_json_check(cJSON_AddObjectToObject(o, "contextRegion"));
  vl_format_json_check(cJSON_AddNumberToObject(context, "startLine", vl_format_row(r, range.start)));
  vl_format_json_check(cJSON_AddNumberToObject(context, "endLine", vl_format_row(r, range.end)));
  size_t last_len = 0;
  vl_report_line(r, range.end.row, &last_len);
  uint32_t line_end = range.end.byte + (uint32_t)(last_len > range.end.col ? last_len - range.end.col : 0);
  add_snippet(context, r, range.start.byte - range.start.col, line_end);
  unsigned cell = vl_format_cell(r, range.start);
  if (cell) { /* a notebook: lines count from the start of this cell */
    cJSON *props = vl_format_json_check(cJSON_AddObjectToObject(o, "properties"));
    vl_format_json_check(cJSON_AddNumberToObject(props, "cell", cell));
  }
  return o;
}

static cJSON *fix_object(const VlReport *r, const char *path, const VlFix *fix) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  add_message(o, "description", fix->message ? fix->message : "Apply the suggested edit");
  cJSON *changes = vl_format_json_check(cJSON_AddArrayToObject(o, "artifactChanges"));
  cJSON *change = vl_format_json_check(cJSON_CreateObject());
  cJSON_AddItemToArray(changes, change);
  cJSON_AddItemToObject(change, "artifactLocation", artifact_location(path));
  cJSON *replacements = vl_format_json_check(cJSON_AddArrayToObject(change, "replacements"));
  for (size_t i = 0; i < fix->nedits; i++) {
    cJSON *rep = vl_format_json_check(cJSON_CreateObject());
    cJSON_AddItemToObject(rep, "deletedRegion", region(r, fix->edits[i].range));
    cJSON *inserted = vl_format_json_check(cJSON_AddObjectToObject(rep, "insertedContent"));
    vl_format_json_add_string(inserted, "text", fix->edits[i].content ? fix->edits[i].content : "");
    cJSON_AddItemToArray(replacements, rep);
  }
  cJSON *props = vl_format_json_check(cJSON_AddObjectToObject(o, "properties"));
  vl_format_json_add_string(props, "applicability", vl_applicability_name(fix->applicability));
  return o;
}

static int rule_index(const VlRuleInfo *rule) {
  for (size_t i = 0; i < vl_rule_count(); i++)
    if (strcmp(vl_rule_at(i)->code, rule->code) == 0) return (int)i;
  return -1;
}

static cJSON *result(const VlReport *r, size_t i, const char *path) {
  const VlDiagnostic *d = vl_report_get(r, i);
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  bool syntax = VL_IS_SYNTAX_ERROR(d); /* no rule: no ruleId, level error (Ruff's shape) */
  if (!syntax) vl_format_json_add_string(o, "ruleId", d->rule->code);
  int index = syntax ? -1 : rule_index(d->rule);
  if (index >= 0) vl_format_json_check(cJSON_AddNumberToObject(o, "ruleIndex", index));
  vl_format_json_add_string(o, "level", syntax ? "error" : "warning");
  add_message(o, "message", d->message);
  cJSON *locations = vl_format_json_check(cJSON_AddArrayToObject(o, "locations"));
  cJSON *location = vl_format_json_check(cJSON_CreateObject());
  cJSON_AddItemToObject(location, "physicalLocation", physical_location(r, path, d->range));
  cJSON_AddItemToArray(locations, location);
  if (d->has_related) {
    cJSON *related = vl_format_json_check(cJSON_AddArrayToObject(o, "relatedLocations"));
    cJSON *rel = vl_format_json_check(cJSON_CreateObject());
    vl_format_json_check(cJSON_AddNumberToObject(rel, "id", 1));
    cJSON_AddItemToObject(rel, "physicalLocation", physical_location(r, path, d->related));
    add_message(rel, "message", d->related_message ? d->related_message : "Related location");
    cJSON_AddItemToArray(related, rel);
  }
  char fingerprint[VL_FINGERPRINT_SIZE];
  vl_format_fingerprint(r, i, path, fingerprint);
  cJSON *fingerprints = vl_format_json_check(cJSON_AddObjectToObject(o, "partialFingerprints"));
  vl_format_json_add_string(fingerprints, FINGERPRINT_KEY, fingerprint);
  /* (a notebook's regions count in its cells, not in the JSON text a SARIF fix would edit: none) */
  if (d->fix.applicability != VL_FIX_NONE && d->fix.nedits && !vl_format_cell(r, d->range.start)) {
    cJSON *fixes = vl_format_json_check(cJSON_AddArrayToObject(o, "fixes"));
    cJSON_AddItemToArray(fixes, fix_object(r, path, &d->fix));
  }
  return o;
}

static cJSON *rule_descriptor(const VlRuleInfo *rule) {
  cJSON *o = vl_format_json_check(cJSON_CreateObject());
  vl_format_json_add_string(o, "id", rule->code);
  vl_format_json_add_string(o, "name", rule->name);
  add_message(o, "shortDescription", rule->summary);
  const char *doc = vl_rule_doc(rule);
  char *full = doc_paragraph(doc);
  add_message(o, "fullDescription", full ? full : rule->summary);
  free(full);
  cJSON *help = vl_format_json_check(cJSON_AddObjectToObject(o, "help"));
  vl_format_json_add_string(help, "text", *doc ? doc : rule->summary);
  vl_format_json_add_string(help, "markdown", *doc ? doc : rule->summary);
  char *url = vl_format_rule_url(rule);
  vl_format_json_add_string(o, "helpUri", url);
  free(url);
  cJSON *config = vl_format_json_check(cJSON_AddObjectToObject(o, "defaultConfiguration"));
  if (!rule->default_enabled) vl_format_json_check(cJSON_AddFalseToObject(config, "enabled"));
  vl_format_json_add_string(config, "level", "warning");
  return o;
}

static void sarif_begin(VlFormatCtx *c) { c->state = vl_format_json_check(cJSON_CreateArray()); }

static void sarif_report(VlFormatCtx *c, const VlReport *r) {
  char *path = vl_format_relpath(vl_report_path(r));
  for (size_t i = 0; i < vl_report_count(r); i++)
    if (!vl_report_get(r, i)->suppressed) cJSON_AddItemToArray(c->state, result(r, i, path));
  free(path);
}

static void sarif_end(VlFormatCtx *c) {
  cJSON *log = vl_format_json_check(cJSON_CreateObject());
  vl_format_json_add_string(log, "$schema", SARIF_SCHEMA);
  vl_format_json_add_string(log, "version", "2.1.0");
  cJSON *runs = vl_format_json_check(cJSON_AddArrayToObject(log, "runs"));
  cJSON *run = vl_format_json_check(cJSON_CreateObject());
  cJSON_AddItemToArray(runs, run);

  cJSON *tool = vl_format_json_check(cJSON_AddObjectToObject(run, "tool"));
  cJSON *driver = vl_format_json_check(cJSON_AddObjectToObject(tool, "driver"));
  vl_format_json_add_string(driver, "name", "viewleak");
  vl_format_json_add_string(driver, "version", VL_VERSION);
  vl_format_json_add_string(driver, "semanticVersion", VL_VERSION);
  vl_format_json_add_string(driver, "informationUri", VL_HOME_URL);
  cJSON *rules = vl_format_json_check(cJSON_AddArrayToObject(driver, "rules"));
  for (size_t i = 0; i < vl_rule_count(); i++) cJSON_AddItemToArray(rules, rule_descriptor(vl_rule_at(i)));

  cJSON *bases = vl_format_json_check(cJSON_AddObjectToObject(run, "originalUriBaseIds"));
  cJSON *root = vl_format_json_check(cJSON_AddObjectToObject(bases, SRCROOT));
  add_message(root, "description", "The directory viewleak ran in; artifact paths are relative to it");
  vl_format_json_add_string(run, "columnKind", "unicodeCodePoints");
  cJSON_AddItemToObject(run, "results", c->state);
  c->state = NULL;

  vl_format_json_write(c->out, log, 0);
  fputc('\n', c->out);
  cJSON_Delete(log);
}

const VlFormat vl_format_sarif = {"sarif", sarif_begin, sarif_report, sarif_end};
