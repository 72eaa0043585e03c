/* common.h: what the format writers share (format.c); not for front ends, which use format.h.
 *
 * Paths: machine-readable formats print a report's path relative, as given (without a leading
 * "./"); an absolute path below the current directory is made relative to it.
 * Fingerprints: a finding's identity across edits elsewhere in the file; it hashes the rule code,
 * the path, the flagged line's text without surrounding blanks and the occurrence index of that
 * (code, text) pair in the file, never a line number.
 * Every function returning memory hands it to the caller (free with free()).  All are reentrant. */
#ifndef VL_OUTPUT_COMMON_H
#define VL_OUTPUT_COMMON_H
#include <stdint.h>

#include "output/format.h"

struct cJSON;

/* The formats, each defined in its own file and listed in format.c's table. */
extern const VlFormat vl_format_text, vl_format_concise, vl_format_json, vl_format_json_lines,
    vl_format_sarif, vl_format_github, vl_format_gitlab, vl_format_junit, vl_format_full, vl_format_pylint;

/* The documentation URL of a rule: VL_DOCS_URL "<CODE>.md".  Caller frees. */
char *vl_format_rule_url(const VlRuleInfo *rule);

/* The path to print for `path` (see above).  Caller frees. */
char *vl_format_relpath(const char *path);

/* 64-bit FNV-1a of the fingerprint fields; the occurrence index is 0 for the first finding of a
 * (code, text) pair in a file. */
uint64_t vl_format_fingerprint_hash(const char *code, const char *path, const char *text, size_t len,
                                    unsigned occurrence);
#define VL_FINGERPRINT_SIZE 17 /* 16 hex digits and a NUL */
/* The fingerprint of unsuppressed diagnostic i of a report whose printed path is `path`, as 16
 * lowercase hex digits into out. */
void vl_format_fingerprint(const VlReport *report, size_t i, const char *path, char out[VL_FINGERPRINT_SIZE]);

/* `s` escaped for a GitHub Actions workflow command: the data part (% \r \n) or, with property,
 * a property value (also : and ,).  Caller frees. */
char *vl_format_github_escape(const char *s, bool property);

/* A copy of `s` that is valid UTF-8 (each invalid byte becomes U+FFFD); with xml, characters
 * XML 1.0 forbids (controls other than tab, LF, CR) become U+FFFD too.  Caller frees. */
char *vl_format_utf8(const char *s, bool xml);

/* Adds a string member with vl_format_utf8(s, false) as its value. */
void vl_format_json_add_string(struct cJSON *object, const char *key, const char *s);

/* Writes a cJSON value as serde_json's pretty printer does (Ruff's look: two-space indent,
 * "key": value), starting at nesting depth `depth`, without a final newline. */
void vl_format_json_write(FILE *out, const struct cJSON *value, int depth);

/* The value as compact JSON text (cJSON's unformatted printer); free with cJSON_free(). */
char *vl_format_json_compact(const struct cJSON *value);

/* A JSON array streamed element by element, for formats that print one as reports come: begin
 * allocates ctx->state (an element count), item writes one element at depth 1, end closes the
 * array ("[]" when empty), prints a newline and frees the state. */
void vl_format_json_array_begin(VlFormatCtx *ctx);
void vl_format_json_array_item(VlFormatCtx *ctx, const struct cJSON *element);
void vl_format_json_array_end(VlFormatCtx *ctx);

/* Aborts on a NULL cJSON result (out of memory), returning it otherwise. */
struct cJSON *vl_format_json_check(struct cJSON *value);

#endif
