/* completion.c: `viewleak generate-shell-completion bash|zsh|fish`: prints the completion script
 * for that shell, so it can be used without installing the package (as Ruff's command):
 *
 *   eval "$(viewleak generate-shell-completion bash)"
 *   viewleak generate-shell-completion zsh > ~/.zfunc/_viewleak
 *   viewleak generate-shell-completion fish > ~/.config/fish/completions/viewleak.fish
 *
 * The scripts are the files of packaging/completions, embedded at build time: the command prints
 * exactly what the package installs (the package tests check that those know every command, option
 * and format of this binary's --help). */
#include <stdio.h>
#include <string.h>

#include "base/embed.h"
#include "cli/cli.h"
#include "cli/options.h"
#include "viewleak/viewleak.h"

static const struct {
  const char *shell, *file;
} shells[] = {{"bash", "viewleak.bash"}, {"zsh", "_viewleak"}, {"fish", "viewleak.fish"}};
#define NSHELLS (sizeof shells / sizeof *shells)

int vl_cmd_completion(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    vl_cli_print_help(stdout, vl_cli_command("generate-shell-completion"));
    return VL_EXIT_CLEAN;
  }
  if (argc != 2) return vl_cli_usage_error("generate-shell-completion: give one shell: bash, zsh or fish");
  for (size_t i = 0; i < NSHELLS; i++) {
    if (strcmp(argv[1], shells[i].shell) != 0) continue;
    const VlEmbedded *e = vl_embedded_find(shells[i].file);
    if (!e) return vl_cli_usage_error("generate-shell-completion: %s: not built in", argv[1]);
    fwrite(e->data, 1, e->len, stdout);
    return VL_EXIT_CLEAN;
  }
  return vl_cli_usage_error("generate-shell-completion: unknown shell '%s' (choose from: bash, zsh, fish)", argv[1]);
}
