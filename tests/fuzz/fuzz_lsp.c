/* fuzz_lsp.c: libFuzzer target for the Language Server: the transport (Content-Length framing) and
 * the dispatcher (JSON-RPC, the lifecycle, every method handler, the open documents, analysis and
 * publishing).
 *
 * An input that starts with "Content-Length" is the raw byte stream a client writes.  Any other
 * input is a list of message contents separated by "\n\n", each framed here with its right length,
 * so that mutations reach the handlers instead of dying in the framing.  A fresh server reads it to
 * the end (a regular file as its input, /dev/null as its output).  What it checks: no crash, no
 * sanitizer report, no leak, and an exit code of 0 or 1 (vl_lsp_server_run's contract). */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp/lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void frame(FILE *f, const uint8_t *body, size_t len) {
  fprintf(f, "Content-Length: %zu\r\n\r\n", len);
  fwrite(body, 1, len, f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char path[64];
  static int devnull = -1;
  if (!path[0]) snprintf(path, sizeof path, "/tmp/viewleak-fuzz-lsp-%d", (int)getpid());
  if (devnull < 0 && (devnull = open("/dev/null", O_WRONLY | O_CLOEXEC)) < 0) abort();
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  if (size >= 14 && memcmp(data, "Content-Length", 14) == 0) {
    fwrite(data, 1, size, f);
  } else {
    size_t start = 0;
    for (size_t i = 0; i + 1 < size; i++)
      if (data[i] == '\n' && data[i + 1] == '\n') {
        frame(f, data + start, i - start);
        start = i + 2;
        i++;
      }
    if (start < size) frame(f, data + start, size - start);
  }
  fclose(f);
  int in = open(path, O_RDONLY | O_CLOEXEC);
  if (in < 0) return 0;
  char err[512];
  VlLspOptions opts = {.isolated = true, .log = NULL};
  VlLspServer *server = vl_lsp_server_new(&opts, err, sizeof err);
  if (!server) abort();
  int rc = vl_lsp_server_run(server, in, devnull);
  vl_lsp_server_delete(server);
  close(in);
  if (rc != 0 && rc != 1) abort();
  return 0;
}
