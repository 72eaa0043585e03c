/* format.c: the table of output formats and the helpers they share (common.h). */
#define _POSIX_C_SOURCE 200809L
#include <cJSON.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/hash.h"
#include "output/common.h"

/* ---- the table ---- */
static const VlFormat *const formats[] = {
    &vl_format_text,   &vl_format_concise, &vl_format_json,   &vl_format_json_lines,
    &vl_format_sarif,  &vl_format_github,  &vl_format_gitlab, &vl_format_junit,
    &vl_format_full,   &vl_format_pylint,
};
#define NFORMATS (sizeof formats / sizeof *formats)

const VlFormat *vl_format_find(const char *name) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (strcmp(formats[i]->name, name) == 0) return formats[i];
  return NULL;
}

/* Made from the table once (the CLI's help, errors and completions all print this one list). */
const char *vl_format_names(void) {
  static char names[256];
  if (!names[0])
    for (size_t i = 0, n = 0; i < NFORMATS && n < sizeof names; i++)
      n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", formats[i]->name);
  return names;
}

size_t vl_format_count(void) { return NFORMATS; }

const VlFormat *vl_format_at(size_t i) { return i < NFORMATS ? formats[i] : NULL; }

/* ---- positions, paths, URLs ---- */
unsigned vl_format_char_col(const VlReport *report, VlPos pos) {
  size_t len;
  const char *line = vl_report_line(report, pos.row, &len);
  unsigned col = 1;
  for (uint32_t i = 0; line && i < pos.col && i < len; i++)
    if (((unsigned char)line[i] & 0xC0) != 0x80) col++;
  return col;
}

unsigned vl_format_row(const VlReport *report, VlPos pos) {
  unsigned cell;
  uint32_t row;
  return (vl_report_cell(report, pos.row, &cell, &row) ? row : pos.row) + 1;
}

unsigned vl_format_cell(const VlReport *report, VlPos pos) {
  unsigned cell;
  uint32_t row;
  return vl_report_cell(report, pos.row, &cell, &row) ? cell : 0;
}

const char *vl_format_cell_prefix(const VlReport *report, VlPos pos, char buf[VL_FORMAT_CELL_SIZE]) {
  unsigned cell = vl_format_cell(report, pos);
  buf[0] = '\0';
  if (cell) snprintf(buf, VL_FORMAT_CELL_SIZE, "cell %u:", cell);
  return buf;
}

char *vl_format_relpath(const char *path) {
  const char *p = path;
  char cwd[4096];
  if (p[0] == '/' && getcwd(cwd, sizeof cwd)) {
    size_t n = strlen(cwd);
    if (n == 1) p++; /* the current directory is the root */
    else if (strncmp(p, cwd, n) == 0 && p[n] == '/') p += n + 1;
  }
  while (p[0] == '.' && p[1] == '/')
    for (p += 2; *p == '/';) p++;
  return vl_xstrdup(*p ? p : ".");
}

char *vl_format_rule_url(const VlRuleInfo *rule) {
  size_t n = strlen(VL_DOCS_URL) + strlen(rule->code) + sizeof ".md";
  char *url = vl_xcalloc(1, n);
  snprintf(url, n, "%s%s.md", VL_DOCS_URL, rule->code);
  return url;
}

/* ---- fingerprints ---- */
uint64_t vl_format_fingerprint_hash(const char *code, const char *path, const char *text, size_t len,
                                    unsigned occurrence) {
  char occ[16];
  int n = snprintf(occ, sizeof occ, "%u", occurrence);
  uint64_t h = vl_fnv1a(VL_FNV1A_OFFSET, code, strlen(code) + 1); /* each field with its NUL as separator */
  h = vl_fnv1a(h, path, strlen(path) + 1);
  h = vl_fnv1a(h, text, len);
  h = vl_fnv1a(h, "", 1);
  return vl_fnv1a(h, occ, (size_t)n);
}

/* The text of a diagnostic's first line without surrounding blanks. */
static const char *stripped_line(const VlReport *r, const VlDiagnostic *d, size_t *len) {
  const char *s = vl_report_line(r, d->range.start.row, len);
  if (!s) {
    *len = 0;
    return "";
  }
  while (*len && (*s == ' ' || *s == '\t' || *s == '\f')) s++, (*len)--;
  while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t' || s[*len - 1] == '\f')) (*len)--;
  return s;
}

void vl_format_fingerprint(const VlReport *report, size_t i, const char *path, char out[VL_FINGERPRINT_SIZE]) {
  const VlDiagnostic *d = vl_report_get(report, i);
  size_t len, other_len;
  const char *text = stripped_line(report, d, &len);
  unsigned occurrence = 0;
  for (size_t j = 0; j < i; j++) {
    const VlDiagnostic *e = vl_report_get(report, j);
    if (e->suppressed || strcmp(e->rule->code, d->rule->code) != 0) continue;
    const char *other = stripped_line(report, e, &other_len);
    if (other_len == len && memcmp(other, text, len) == 0) occurrence++;
  }
  snprintf(out, VL_FINGERPRINT_SIZE, "%016" PRIx64,
           vl_format_fingerprint_hash(d->rule->code, path, text, len, occurrence));
}

/* ---- escaping ---- */
/* The buffer's text, handed to the caller ("" when nothing was appended). */
static char *buf_take(VlBuf *b) { return b->data ? b->data : vl_xstrdup(""); }

char *vl_format_github_escape(const char *s, bool property) {
  VlBuf b = {0};
  for (; *s; s++) {
    switch (*s) {
    case '%': vl_buf_puts(&b, "%25"); break;
    case '\r': vl_buf_puts(&b, "%0D"); break;
    case '\n': vl_buf_puts(&b, "%0A"); break;
    case ':': vl_buf_puts(&b, property ? "%3A" : ":"); break;
    case ',': vl_buf_puts(&b, property ? "%2C" : ","); break;
    default: vl_buf_append(&b, s, 1);
    }
  }
  return buf_take(&b);
}

/* Length of the valid UTF-8 sequence at s (RFC 3629: no overlong forms, no surrogates, at most
 * U+10FFFF) with its code point in *cp, or 0 when the bytes there are not one. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp) {
  if (s[0] < 0x80) return *cp = s[0], 1;
  size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
  if (!n || s[0] > 0xF4) return 0;
  uint32_t c = s[0] & (0x7F >> n);
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = c << 6 | (s[i] & 0x3F);
  }
  static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return *cp = c, n;
}

char *vl_format_utf8(const char *s, bool xml) {
  VlBuf b = {0};
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    uint32_t cp;
    size_t n = utf8_decode(p, &cp);
    bool bad = n == 0;
    if (xml && !bad) bad = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
    if (bad) vl_buf_puts(&b, "\xEF\xBF\xBD");
    else vl_buf_append(&b, (const char *)p, n);
    p += n ? n : 1;
  }
  return buf_take(&b);
}

/* ---- JSON ---- */
static void out_of_memory(void) {
  fputs("viewleak: out of memory\n", stderr);
  abort();
}

cJSON *vl_format_json_check(cJSON *value) {
  if (!value) out_of_memory();
  return value;
}

void vl_format_json_add_string(cJSON *object, const char *key, const char *s) {
  char *clean = vl_format_utf8(s, false);
  vl_format_json_check(cJSON_AddStringToObject(object, key, clean));
  free(clean);
}

char *vl_format_json_compact(const cJSON *value) {
  char *text = cJSON_PrintUnformatted(value);
  if (!text) out_of_memory();
  return text;
}

static void write_scalar(FILE *out, const cJSON *value) {
  char *text = vl_format_json_compact(value);
  fputs(text, out);
  cJSON_free(text);
}

static void indent(FILE *out, int depth) {
  for (int i = 0; i < depth; i++) fputs("  ", out);
}

void vl_format_json_write(FILE *out, const cJSON *value, int depth) {
  bool object = cJSON_IsObject(value);
  if (!object && !cJSON_IsArray(value)) {
    write_scalar(out, value);
    return;
  }
  if (!value->child) {
    fputs(object ? "{}" : "[]", out);
    return;
  }
  fputc(object ? '{' : '[', out);
  for (const cJSON *item = value->child; item; item = item->next) {
    fputc('\n', out);
    indent(out, depth + 1);
    if (object) {
      cJSON *key = vl_format_json_check(cJSON_CreateString(item->string));
      write_scalar(out, key);
      cJSON_Delete(key);
      fputs(": ", out);
    }
    vl_format_json_write(out, item, depth + 1);
    if (item->next) fputc(',', out);
  }
  fputc('\n', out);
  indent(out, depth);
  fputc(object ? '}' : ']', out);
}

void vl_format_json_array_begin(VlFormatCtx *ctx) { ctx->state = vl_xcalloc(1, sizeof(size_t)); }

void vl_format_json_array_item(VlFormatCtx *ctx, const cJSON *element) {
  size_t *count = ctx->state;
  fputs((*count)++ ? ",\n  " : "[\n  ", ctx->out);
  vl_format_json_write(ctx->out, element, 1);
}

void vl_format_json_array_end(VlFormatCtx *ctx) {
  size_t *count = ctx->state;
  fputs(*count ? "\n]\n" : "[]\n", ctx->out);
  free(count);
  ctx->state = NULL;
}
