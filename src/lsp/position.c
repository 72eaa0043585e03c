#include "lsp/position.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

const char *vl_lsp_encoding_name(VlLspEncoding encoding) {
  return encoding == VL_LSP_UTF8 ? "utf-8" : "utf-16";
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* file-URI = "file:" ["//" authority] path; the scheme is case-insensitive. */
char *vl_lsp_uri_to_path(const char *uri) {
  if (strncmp(uri, "file:", 5) != 0 && strncmp(uri, "FILE:", 5) != 0) return NULL;
  const char *p = uri + 5;
  if (p[0] == '/' && p[1] == '/') {
    p += 2;
    const char *slash = strchr(p, '/');
    if (!slash) return NULL;
    size_t host = (size_t)(slash - p);
    if (host != 0 && !(host == 9 && strncmp(p, "localhost", 9) == 0)) return NULL;
    p = slash;
  }
  if (p[0] != '/') return NULL;
  size_t n = strcspn(p, "?#"); /* a query or fragment is not part of the path */
  char *path = vl_xcalloc(n + 1, 1), *out = path;
  for (size_t i = 0; i < n; i++) {
    int hi, lo;
    if (p[i] == '%' && i + 2 < n && (hi = hex_digit(p[i + 1])) >= 0 && (lo = hex_digit(p[i + 2])) >= 0) {
      char c = (char)(hi * 16 + lo);
      if (c == '\0') {
        free(path);
        return NULL;
      }
      *out++ = c;
      i += 2;
    } else {
      *out++ = p[i];
    }
  }
  return path;
}

uint32_t vl_lsp_character(const VlSource *src, VlLspEncoding encoding, uint32_t row, uint32_t col) {
  if (encoding == VL_LSP_UTF16) return vl_source_utf16_col(src, row, col);
  size_t len = 0;
  const char *line = vl_source_line(src, row, &len);
  return line && col > len ? (uint32_t)len : col;
}

/* Bytes of the UTF-8 sequence led by c, counted as vl_source_utf16_col counts them. */
static uint32_t sequence_length(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The byte column of an LSP character on a line of len bytes. */
static uint32_t line_column(const char *text, size_t len, VlLspEncoding encoding, uint32_t character) {
  uint32_t col = 0;
  for (uint32_t units = 0; col < len && units < character;) {
    uint32_t n = sequence_length((unsigned char)text[col]);
    if (col + n > len) n = (uint32_t)len - col;
    units += encoding == VL_LSP_UTF8 ? n : n == 4 ? 2 : 1;
    col += n;
  }
  return col;
}

uint32_t vl_lsp_offset(const VlSource *src, VlLspEncoding encoding, uint32_t line, uint32_t character) {
  uint32_t nlines;
  const uint32_t *starts = vl_source_lines(src, &nlines);
  if (line >= nlines) return src->len;
  size_t len = 0;
  const char *text = vl_source_line(src, line, &len);
  return starts[line] + line_column(text, len, encoding, character);
}

/* The length of the line at text (up to len bytes), without its line ending. */
static size_t line_length(const char *text, size_t len) {
  size_t n = 0;
  while (n < len) {
    n += strcspn(text + n, "\r\n"); /* stops at a NUL byte too */
    if (n < len && text[n] != '\r' && text[n] != '\n') n++;
    else break;
  }
  return n < len ? n : len;
}

size_t vl_lsp_text_offset(const char *text, size_t len, VlLspEncoding encoding, uint32_t line, uint32_t character,
                          bool *past_end) {
  size_t at = 0;
  *past_end = false;
  if (!memchr(text, '\r', len)) { /* lines end at \n only: memchr finds each (most texts) */
    for (uint32_t row = 0; row < line; row++) {
      const char *nl = memchr(text + at, '\n', len - at);
      if (!nl) {
        *past_end = true;
        return len;
      }
      at = (size_t)(nl - text) + 1;
    }
    return at + line_column(text + at, line_length(text + at, len - at), encoding, character);
  }
  for (uint32_t row = 0; row < line; row++) {
    at += line_length(text + at, len - at);
    if (at >= len) {
      *past_end = true;
      return len;
    }
    at += text[at] == '\r' && at + 1 < len && text[at + 1] == '\n' ? 2 : 1;
  }
  return at + line_column(text + at, line_length(text + at, len - at), encoding, character);
}
