/* cli.h: the viewleak command's subcommands (one file each), called by main.c. */
#ifndef VL_CLI_H
#define VL_CLI_H

int vl_cmd_check(int argc, char **argv);
int vl_cmd_rule(int argc, char **argv);
int vl_cmd_server(int argc, char **argv);
/* Prints "viewleak: <message>" and a pointer to --help on stderr; returns VL_EXIT_ERROR. */
int vl_cli_usage_error(const char *fmt, const char *arg);

#endif
