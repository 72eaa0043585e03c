/* server.c: `viewleak server`: the Language Server over stdin/stdout (the protocol is src/lsp/).
 *
 * Only options parsing lives here; stdout belongs to the protocol from the first byte, so
 * everything else this command says goes to stderr. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lsp/lsp.h"
#include "viewleak/viewleak.h"

static const char usage_server[] =
    "Usage: viewleak server [OPTIONS]\n"
    "\n"
    "Runs viewleak as a Language Server (LSP 3.17) on stdin/stdout, for editors: open Python files are\n"
    "checked as they change, findings come as warnings with a link to the rule, and the `.copy()` fix\n"
    "comes as a quick fix.  Each file uses the configuration nearest to it, as `viewleak check` does.\n"
    "Editor set-up (Neovim, Helix, Emacs, VS Code): docs/lsp.md.\n"
    "\n"
    "Options:\n"
    "      --stdio          Talk on stdin/stdout (the default and only transport)\n"
    "      --config PATH    Use this configuration file for every file\n"
    "      --isolated       Ignore all configuration files\n"
    "  -h, --help           Show this help\n"
    "\n"
    "Settings (initializationOptions, or the \"viewleak\" section of workspace/didChangeConfiguration),\n"
    "applied on top of each file's configuration like the options of `viewleak check`:\n"
    "  {\"select\": [\"VL001\"], \"extendSelect\": [\"VL003\", \"VL004\"], \"ignore\": [\"VL002\"]}\n"
    "\n"
    "Supported: positionEncoding utf-16 (default) or utf-8; incremental text sync (open, change with\n"
    "ranges or whole texts, save, close); diagnostics pushed with textDocument/publishDiagnostics, once\n"
    "per burst of changes at its latest version; quick fixes with textDocument/codeAction.\n"
    "Logs go to stderr.\n"
    "\n"
    "Exit status: 0 after shutdown and exit, or when the input ends before initialize; 1 after exit\n"
    "without shutdown, or when the input ends in mid-session; 2 usage or configuration error.\n";

int vl_cmd_server(int argc, char **argv) {
  enum { OPT_STDIO = 256, OPT_CONFIG, OPT_ISOLATED };
  static const struct option opts[] = {{"stdio", no_argument, 0, OPT_STDIO},
                                       {"config", required_argument, 0, OPT_CONFIG},
                                       {"isolated", no_argument, 0, OPT_ISOLATED},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  VlLspOptions options = {.log = stderr};
  optind = 1;
  opterr = 0;
  for (int c; (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1;) {
    switch (c) {
    case OPT_STDIO: break;
    case OPT_CONFIG: options.config_path = optarg; break;
    case OPT_ISOLATED: options.isolated = true; break;
    case 'h': fputs(usage_server, stdout); return VL_EXIT_CLEAN;
    default: return vl_cli_option_error("server", opts, argv, c);
    }
  }
  if (optind < argc) return vl_cli_usage_error("server: unexpected argument '%s'", argv[optind]);
  if (options.config_path && options.isolated) {
    fprintf(stderr, "viewleak: --config and --isolated cannot be used together\n");
    return VL_EXIT_ERROR;
  }
  char err[512] = "";
  VlLspServer *server = vl_lsp_server_new(&options, err, sizeof err);
  if (!server) {
    fprintf(stderr, "viewleak: error: %s\n", err);
    return VL_EXIT_ERROR;
  }
  if (isatty(STDIN_FILENO))
    fputs("viewleak server: speaking LSP on stdin/stdout; start it from an editor (see --help)\n", stderr);
  signal(SIGPIPE, SIG_IGN); /* a client that goes away makes writes fail, not the process die */
  int code = vl_lsp_server_run(server, STDIN_FILENO, STDOUT_FILENO);
  vl_lsp_server_delete(server);
  return code;
}
