/* transport.h: LSP base protocol framing over file descriptors.
 *
 * A message is a header part and a content part:
 *
 *   Content-Length: 52\r\n                       required: the content's length in bytes
 *   Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n      optional
 *   \r\n
 *   {"jsonrpc":"2.0","id":1,"method":"shutdown"}
 *
 * Headers come in any order; names are case-insensitive; other headers are ignored.  A bad header
 * block is rejected with a message and the reader resynchronises: it skips the content when its
 * length is known, and otherwise skips to the next "Content-Length:".  The reader never fails on
 * input: only the end of the input stops it.  vl_lsp_read_available reads a message only when one
 * has arrived whole, without waiting: the server drains what the client has sent before it starts
 * an analysis.  A VlLspReader belongs to one thread; no printing. */
#ifndef VL_LSP_TRANSPORT_H
#define VL_LSP_TRANSPORT_H
#include <stdbool.h>
#include <stddef.h>

enum { VL_LSP_MAX_CONTENT = 64 << 20 }; /* larger messages are skipped */

typedef struct VlLspReader {
  int fd;
  char *buf;  /* unread bytes are buf[pos, len) */
  size_t pos, len, cap;
  bool eof;
  bool nonblocking; /* inside vl_lsp_read_available: read only what poll() says is there */
  bool would_block; /* ...and a message needed more than that */
  size_t mark;      /* ...where the message began (kept in buf, to go back to) */
} VlLspReader;

typedef enum VlLspRead {
  VL_LSP_READ_MESSAGE, /* *body holds one message's content */
  VL_LSP_READ_BAD,     /* a malformed message was skipped; err says why */
  VL_LSP_READ_EOF,     /* the input ended (err says so when it ended inside a message) */
  VL_LSP_READ_NONE     /* vl_lsp_read_available: no whole message has arrived yet */
} VlLspRead;

void vl_lsp_reader_init(VlLspReader *self, int fd);
void vl_lsp_reader_free(VlLspReader *self);

/* Reads the next message.  With VL_LSP_READ_MESSAGE, *body is a NUL-terminated heap copy of the
 * content (caller frees) of *len bytes, and err may still hold a warning (an unexpected charset).
 * err is "" when there is nothing to say. */
VlLspRead vl_lsp_read(VlLspReader *self, char **body, size_t *len, char *err, size_t errlen);

/* As vl_lsp_read, but without waiting: VL_LSP_READ_NONE (nothing consumed, err "") when the next
 * message has not arrived whole. */
VlLspRead vl_lsp_read_available(VlLspReader *self, char **body, size_t *len, char *err, size_t errlen);

/* Writes one message (header and content) to fd, retrying on partial writes and EINTR.  False when
 * the output is gone. */
bool vl_lsp_write(int fd, const char *content, size_t len);

#endif
