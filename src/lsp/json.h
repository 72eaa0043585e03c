/* json.h: small cJSON helpers for the LSP layer: lookups by dotted path (for the client's deeply
 * nested capabilities), adders that abort on out-of-memory like the rest of viewleak, and strings
 * made valid UTF-8 before they are sent.  No state; reentrant. */
#ifndef VL_LSP_JSON_H
#define VL_LSP_JSON_H
#include <cJSON.h>
#include <stdbool.h>
#include <stdint.h>

/* Aborts on a NULL cJSON result (out of memory), returns it otherwise. */
cJSON *vl_lsp_json_check(cJSON *value);

/* The member at a dotted path ("textDocument.codeAction.dataSupport"), or NULL when a step is
 * missing or not an object.  Keys are matched case-sensitively, as JSON-RPC requires. */
const cJSON *vl_lsp_json_get(const cJSON *object, const char *path);
/* That member as a string / true, or NULL / false when absent or of another type. */
const char *vl_lsp_json_string(const cJSON *object, const char *path);
bool vl_lsp_json_true(const cJSON *object, const char *path);
/* That member as an integer in [min, max]; false when absent, not integral or out of range. */
bool vl_lsp_json_int(const cJSON *object, const char *path, int64_t min, int64_t max, int64_t *out);

/* Adders: the new member (owned by `object`).  Strings are made valid UTF-8 first (each invalid
 * byte becomes U+FFFD): diagnostic messages quote source text, and JSON text must be UTF-8. */
void vl_lsp_json_add_string(cJSON *object, const char *key, const char *s);
void vl_lsp_json_add_number(cJSON *object, const char *key, double n);
void vl_lsp_json_add_bool(cJSON *object, const char *key, bool b);
cJSON *vl_lsp_json_add_object(cJSON *object, const char *key);
cJSON *vl_lsp_json_add_array(cJSON *object, const char *key);
/* Adds `item` (taking ownership; NULL aborts as out of memory) to an object / array. */
void vl_lsp_json_attach(cJSON *object, const char *key, cJSON *item);
void vl_lsp_json_push(cJSON *array, cJSON *item);
/* Adds a deep copy (null for NULL) of `value` (which stays the caller's). */
void vl_lsp_json_add_copy(cJSON *object, const char *key, const cJSON *value);
void vl_lsp_json_append_copy(cJSON *array, const cJSON *value);

#endif
