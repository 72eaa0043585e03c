#define _POSIX_C_SOURCE 200809L
#include "lsp/transport.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/alloc.h"

enum { MAX_HEADER_LINE = 8192 };

static const char length_header[] = "content-length:";

void vl_lsp_reader_init(VlLspReader *self, int fd) {
  *self = (VlLspReader){.fd = fd};
}

void vl_lsp_reader_free(VlLspReader *self) {
  free(self->buf);
  *self = (VlLspReader){.fd = -1};
}

/* Reads more input after the unread bytes (moving them to the front).  Returns false at the end,
 * or in non-blocking mode when nothing more has arrived (would_block is set then). */
static bool fill(VlLspReader *self) {
  if (self->eof) return false;
  if (self->nonblocking) {
    struct pollfd p = {.fd = self->fd, .events = POLLIN};
    int n;
    while ((n = poll(&p, 1, 0)) < 0 && errno == EINTR) continue;
    if (n == 0) {
      self->would_block = true;
      return false;
    }
  }
  if (!self->nonblocking) self->mark = self->pos;
  size_t keep = self->mark; /* non-blocking: the start of the message, to go back to */
  if (keep > 0) {
    memmove(self->buf, self->buf + keep, self->len - keep);
    self->len -= keep;
    self->pos -= keep;
    self->mark -= keep;
  }
  if (self->cap - self->len < 4096) {
    self->cap = self->cap ? self->cap * 2 : 65536;
    self->buf = vl_xrealloc(self->buf, self->cap);
  }
  for (;;) {
    ssize_t n = read(self->fd, self->buf + self->len, self->cap - self->len);
    if (n > 0) {
      self->len += (size_t)n;
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    self->eof = true; /* end of input, or an error reading it: either way nothing more comes */
    return false;
  }
}

/* The next line (without \r\n or \n): its offset and length.  0 at the end of the input, -1 when
 * the line is too long to be a header. */
static int read_line(VlLspReader *self, size_t *start, size_t *n) {
  for (size_t scanned = 0;;) {
    size_t avail = self->len - self->pos - scanned;
    char *nl = avail ? memchr(self->buf + self->pos + scanned, '\n', avail) : NULL;
    if (nl) {
      *start = self->pos;
      *n = (size_t)(nl - (self->buf + self->pos));
      self->pos += *n + 1;
      if (*n && self->buf[*start + *n - 1] == '\r') (*n)--;
      return 1;
    }
    scanned = self->len - self->pos;
    if (scanned > MAX_HEADER_LINE) return -1;
    if (!fill(self)) return 0;
  }
}

/* Skips input up to the next "Content-Length:" (any case) found at or after offset `from`.  False
 * when the input ends first. */
static bool resync(VlLspReader *self, size_t from) {
  const size_t k = sizeof length_header - 1;
  self->pos = from;
  for (;;) {
    for (size_t i = self->pos; i + k <= self->len; i++)
      if (strncasecmp(self->buf + i, length_header, k) == 0) {
        self->pos = i;
        return true;
      }
    if (self->len - self->pos >= k) self->pos = self->len - (k - 1); /* keep a possible split match */
    if (!fill(self)) return false;
  }
}

/* Skips n content bytes.  False when the input ends first. */
static bool skip(VlLspReader *self, size_t n) {
  while (self->len - self->pos < n) {
    n -= self->len - self->pos;
    self->pos = self->len;
    if (!fill(self)) return false;
  }
  self->pos += n;
  return true;
}

/* RFC 9110 token characters, which header names are made of. */
static bool is_token(const char *s, size_t n) {
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++)
    if (!isalnum((unsigned char)s[i]) && !strchr("!#$%&'*+-.^_`|~", s[i])) return false;
  return true;
}

/* A header name that ends in "Content-Length" without being it. */
static bool glued_length(const char *name, size_t n) {
  const size_t k = sizeof length_header - 2; /* without the colon */
  return n > k && strncasecmp(name + n - k, length_header, k) == 0;
}

/* The header value as a length, or -1 when it is not a plain decimal number. */
static long long parse_length(const char *s, size_t n) {
  long long v = 0;
  if (n == 0 || n > 15) return -1;
  for (size_t i = 0; i < n; i++) {
    if (!isdigit((unsigned char)s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

static void trim(const char **s, size_t *n) {
  while (*n && (**s == ' ' || **s == '\t')) (*s)++, (*n)--;
  while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) (*n)--;
}

/* Content-Type: the charset must be utf-8 ("utf8" is accepted for old clients, as the spec says). */
static void check_type(const char *v, size_t n, char *err, size_t errlen) {
  char *type = vl_xstrndup(v, n);
  for (char *c = type; *c; c++) *c = (char)tolower((unsigned char)*c);
  char *cs = strstr(type, "charset=");
  if (cs) {
    cs += 8;
    cs[strcspn(cs, " ;\t")] = '\0';
    if (strcmp(cs, "utf-8") != 0 && strcmp(cs, "utf8") != 0 && strcmp(cs, "\"utf-8\"") != 0)
      snprintf(err, errlen, "Content-Type charset '%s' is not supported: reading the content as UTF-8", cs);
  }
  free(type);
}

VlLspRead vl_lsp_read(VlLspReader *self, char **body, size_t *len, char *err, size_t errlen) {
  err[0] = '\0';
  *body = NULL;
  *len = 0;
  long long length = -1;
  bool bad_length = false, any = false;
  for (;;) {
    size_t start, n;
    int got = read_line(self, &start, &n);
    if (got == 0) {
      if (any || self->len > self->pos) snprintf(err, errlen, "input ended inside a message header");
      return VL_LSP_READ_EOF;
    }
    if (got < 0) {
      snprintf(err, errlen, "header line longer than %d bytes: skipped to the next Content-Length header",
               MAX_HEADER_LINE);
      return resync(self, self->pos + 1) ? VL_LSP_READ_BAD : VL_LSP_READ_EOF;
    }
    const char *line = self->buf + start;
    if (n > MAX_HEADER_LINE) {
      snprintf(err, errlen, "header line longer than %d bytes: skipped to the next Content-Length header",
               MAX_HEADER_LINE);
      return resync(self, start + 1) ? VL_LSP_READ_BAD : VL_LSP_READ_EOF;
    }
    if (n == 0) {
      if (!any) continue; /* blank lines between messages */
      break;
    }
    any = true;
    const char *colon = memchr(line, ':', n);
    /* "garbage" + "Content-Length: N" on one line: the rest of a message sent without a header */
    if (!colon || !is_token(line, (size_t)(colon - line)) || glued_length(line, (size_t)(colon - line))) {
      snprintf(err, errlen, "malformed header line '%.*s': skipped to the next Content-Length header",
               (int)(n > 60 ? 60 : n), line);
      return resync(self, start + 1) ? VL_LSP_READ_BAD : VL_LSP_READ_EOF;
    }
    size_t name_len = (size_t)(colon - line), vn = n - name_len - 1;
    const char *value = colon + 1;
    trim(&value, &vn);
    if (name_len == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
      long long v = parse_length(value, vn);
      if (v < 0 || (length >= 0 && v != length)) bad_length = true;
      else length = v;
    } else if (name_len == 12 && strncasecmp(line, "Content-Type", 12) == 0) {
      check_type(value, vn, err, errlen);
    }
  }
  if (bad_length || length < 0) {
    snprintf(err, errlen, "%s: skipped to the next Content-Length header",
             bad_length ? "invalid or conflicting Content-Length header" : "message without a Content-Length header");
    return resync(self, self->pos) ? VL_LSP_READ_BAD : VL_LSP_READ_EOF;
  }
  if (length > VL_LSP_MAX_CONTENT) {
    snprintf(err, errlen, "message of %lld bytes is larger than the limit (%d bytes): skipped", length,
             VL_LSP_MAX_CONTENT);
    return skip(self, (size_t)length) ? VL_LSP_READ_BAD : VL_LSP_READ_EOF;
  }
  while (self->len - self->pos < (size_t)length)
    if (!fill(self)) {
      snprintf(err, errlen, "input ended inside a message (%zu of %lld bytes)", self->len - self->pos, length);
      return VL_LSP_READ_EOF;
    }
  *len = (size_t)length;
  *body = vl_xstrndup(self->buf + self->pos, *len);
  self->pos += *len;
  return VL_LSP_READ_MESSAGE;
}

VlLspRead vl_lsp_read_available(VlLspReader *self, char **body, size_t *len, char *err, size_t errlen) {
  self->nonblocking = true;
  self->would_block = false;
  self->mark = self->pos;
  VlLspRead got = vl_lsp_read(self, body, len, err, errlen);
  self->nonblocking = false;
  if (!self->would_block) return got;
  /* not all there yet: as if nothing had been read (skipped garbage is read again, and logged, when
   * the next message is waited for) */
  free(*body);
  *body = NULL;
  *len = 0;
  err[0] = '\0';
  self->pos = self->mark;
  return VL_LSP_READ_NONE;
}

bool vl_lsp_write(int fd, const char *content, size_t len) {
  char header[64];
  int hn = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", len);
  char *msg = vl_xcalloc((size_t)hn + len + 1, 1);
  memcpy(msg, header, (size_t)hn);
  memcpy(msg + hn, content, len);
  size_t total = (size_t)hn + len, done = 0;
  while (done < total) {
    ssize_t n = write(fd, msg + done, total - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += (size_t)n;
  }
  free(msg);
  return done == total;
}
