/* rule.h: the rule descriptor and what a rule's check function gets.
 *
 * A rule is a constant VlRule defined in its own file (rules/vlNNN.c: descriptor and check
 * together) and listed in the table of registry.c (tmux's cmd_entry shape).  The engine runs the
 * analysis (flow/) once per module; a rule's check reads what it found (retention hits, loop
 * rebinds, the module's IR) and reports findings through vl_rule_emit.  Rules never print.
 * Documentation lives in rules/<code>.md, embedded at build time. */
#ifndef VL_RULES_RULE_H
#define VL_RULES_RULE_H
#include <string.h>

#include "flow/flow.h"
#include "flow/program.h"
#include "ir/ir.h"
#include "viewleak/viewleak.h"

typedef struct VlRuleCtx VlRuleCtx;

typedef struct VlRule {
  VlRuleInfo info;
  void (*check)(VlRuleCtx *ctx); /* NULL: produced by the engine itself (VL900) */
} VlRule;

/* What a rule emits; strings are formatted into ctx->arena. */
typedef struct VlFinding {
  VlSpan at;               /* the range reported (in any module of the program) */
  const char *message;
  const char *help;
  const char *note;        /* what it costs, or NULL (the text format's "= note:") */
  bool has_related;
  VlSpan related;          /* e.g. the statement that rebinds the array */
  const char *related_message;
  VlFix fix;               /* applicability and message; the edit is made from fix_at/fix_insert */
  uint32_t fix_at;         /* byte (in at.mod) after which fix_insert goes */
  const char *fix_insert;
  VlSpan via;              /* a store in a callee: the call in the module analysed (where the finding
                              goes when the callee's file is not being checked) */
} VlFinding;

struct VlRuleCtx {
  const VlModule *m;     /* the module analysed */
  const VlModInfo *mi;
  VlArena *arena;
  const VlHit *hits;     /* retention hits found while analysing it (they may lie in other modules) */
  size_t nhits;
  const VlLoopRebind *rebinds;
  size_t nrebinds;
  const VlRule *rule;
  void (*emit)(void *sink, const VlRule *rule, const VlFinding *finding);
  void *sink;
};

static inline void vl_rule_emit(VlRuleCtx *ctx, const VlFinding *finding) { ctx->emit(ctx->sink, ctx->rule, finding); }

/* Where a span starts, for a message about a place in module `from`: "line 12", in a notebook "line 3
 * of cell 4", and in another file "line 11 of main.py". */
static inline const char *vl_rule_where(VlRuleCtx *ctx, const VlSpan *s, const VlModInfo *from) {
  uint32_t row = vl_modinfo_row(s->mod, s->start), in_cell;
  unsigned cell;
  if (vl_modinfo_cell(s->mod, row, &cell, &in_cell)) return vl_arena_printf(ctx->arena, "line %u of cell %u", in_cell + 1, cell);
  if (from && s->mod != from && s->mod->path) {
    const char *base = strrchr(s->mod->path, '/');
    return vl_arena_printf(ctx->arena, "line %u of %s", row + 1, base ? base + 1 : s->mod->path);
  }
  return vl_arena_printf(ctx->arena, "line %u", row + 1);
}

/* The rules, each defined in its own file, and the table that lists them (registry.c). */
extern const VlRule vl_rule_vl001, vl_rule_vl002, vl_rule_vl003, vl_rule_vl004, vl_rule_vl900;
extern const VlRule *const vl_rule_table[];
extern const size_t vl_rule_table_len;

#endif
