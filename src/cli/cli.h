/* cli.h: the viewleak command's subcommands (one file each), called by main.c, and the helpers
 * they share for usage errors. */
#ifndef VL_CLI_H
#define VL_CLI_H
#include <getopt.h>

int vl_cmd_check(int argc, char **argv);
int vl_cmd_rule(int argc, char **argv);
int vl_cmd_server(int argc, char **argv);
int vl_cmd_completion(int argc, char **argv);

/* Prints "viewleak: <message>" and a pointer to --help on stderr; returns VL_EXIT_ERROR. */
int vl_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* After getopt_long (optstring starting with ':') returned c == '?' or ':' for subcommand `cmd`:
 * reports the unknown option, with the nearest known one of `opts` ("did you mean '--select'?"),
 * or the option missing its value.  Returns VL_EXIT_ERROR. */
int vl_cli_option_error(const char *cmd, const struct option *opts, char **argv, int c);

#endif
