#include "lsp/json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

static void out_of_memory(void) {
  fputs("viewleak: out of memory\n", stderr);
  abort();
}

cJSON *vl_lsp_json_check(cJSON *value) {
  if (!value) out_of_memory();
  return value;
}

void vl_lsp_json_attach(cJSON *object, const char *key, cJSON *item) {
  if (!cJSON_AddItemToObject(object, key, vl_lsp_json_check(item))) out_of_memory();
}

void vl_lsp_json_push(cJSON *array, cJSON *item) {
  if (!cJSON_AddItemToArray(array, vl_lsp_json_check(item))) out_of_memory();
}

const cJSON *vl_lsp_json_get(const cJSON *object, const char *path) {
  const cJSON *at = object;
  for (const char *p = path; at && *p;) {
    const char *dot = strchr(p, '.');
    size_t n = dot ? (size_t)(dot - p) : strlen(p);
    char key[64];
    if (!cJSON_IsObject(at) || n >= sizeof key) return NULL;
    memcpy(key, p, n);
    key[n] = '\0';
    at = cJSON_GetObjectItemCaseSensitive(at, key);
    p += n + (dot ? 1 : 0);
  }
  return at;
}

const char *vl_lsp_json_string(const cJSON *object, const char *path) {
  const cJSON *v = vl_lsp_json_get(object, path);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

bool vl_lsp_json_true(const cJSON *object, const char *path) {
  return cJSON_IsTrue(vl_lsp_json_get(object, path));
}

bool vl_lsp_json_int(const cJSON *object, const char *path, int64_t min, int64_t max, int64_t *out) {
  const cJSON *v = vl_lsp_json_get(object, path);
  if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || floor(v->valuedouble) != v->valuedouble) return false;
  if (v->valuedouble < (double)min || v->valuedouble > (double)max) return false;
  *out = (int64_t)v->valuedouble;
  return true;
}

/* The length of the valid UTF-8 sequence at s (0 when invalid); n bytes are available. */
static size_t utf8_sequence(const unsigned char *s, size_t n) {
  if (s[0] < 0x80) return 1;
  size_t len = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
  if (!len || len > n) return 0;
  for (size_t i = 1; i < len; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  if (len == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))) return 0; /* overlong, surrogate */
  if (len == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))) return 0; /* overlong, > U+10FFFF */
  return len;
}

void vl_lsp_json_add_string(cJSON *object, const char *key, const char *s) {
  VlBuf b = {0};
  const unsigned char *u = (const unsigned char *)(s ? s : "");
  size_t n = strlen((const char *)u);
  for (size_t i = 0; i < n;) {
    size_t k = utf8_sequence(u + i, n - i);
    if (k) vl_buf_append(&b, (const char *)u + i, k);
    else vl_buf_puts(&b, "\xEF\xBF\xBD");
    i += k ? k : 1;
  }
  vl_lsp_json_check(cJSON_AddStringToObject(object, key, b.data ? b.data : ""));
  vl_buf_free(&b);
}

void vl_lsp_json_add_number(cJSON *object, const char *key, double n) {
  vl_lsp_json_check(cJSON_AddNumberToObject(object, key, n));
}

void vl_lsp_json_add_bool(cJSON *object, const char *key, bool b) {
  vl_lsp_json_check(cJSON_AddBoolToObject(object, key, b));
}

cJSON *vl_lsp_json_add_object(cJSON *object, const char *key) {
  return vl_lsp_json_check(cJSON_AddObjectToObject(object, key));
}

cJSON *vl_lsp_json_add_array(cJSON *object, const char *key) {
  return vl_lsp_json_check(cJSON_AddArrayToObject(object, key));
}

void vl_lsp_json_add_copy(cJSON *object, const char *key, const cJSON *value) {
  vl_lsp_json_attach(object, key, value ? cJSON_Duplicate(value, true) : cJSON_CreateNull());
}

void vl_lsp_json_append_copy(cJSON *array, const cJSON *value) {
  vl_lsp_json_push(array, value ? cJSON_Duplicate(value, true) : cJSON_CreateNull());
}
