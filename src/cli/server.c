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
#include "cli/options.h"
#include "lsp/lsp.h"
#include "viewleak/viewleak.h"

int vl_cmd_server(int argc, char **argv) {
  const VlCliCommand *cmd = vl_cli_command("server");
  struct option opts[VL_CLI_MAX_OPTIONS + 1];
  char shorts[2 * VL_CLI_MAX_OPTIONS + 2];
  vl_cli_getopt(cmd, opts, shorts);
  VlLspOptions options = {.log = stderr};
  optind = 1;
  opterr = 0;
  for (int c; (c = getopt_long(argc, argv, shorts, opts, NULL)) != -1;) {
    switch (c) {
    case VL_OPT_STDIO: break;
    case VL_OPT_CONFIG: options.config_path = optarg; break;
    case VL_OPT_ISOLATED: options.isolated = true; break;
    case 'h': vl_cli_print_help(stdout, cmd); return VL_EXIT_CLEAN;
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
