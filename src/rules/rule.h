/* rule.h: the rule descriptor and what a rule's check function gets.
 *
 * A rule is a constant VlRule listed in the one table in registry.c (tmux's cmd_entry shape).  Its
 * check function reads the file's flow facts and reports findings through vl_rule_emit; it never
 * prints.  Documentation lives in rules/<code>.md, embedded at build time. */
#ifndef VL_RULES_RULE_H
#define VL_RULES_RULE_H
#include "flow/flow.h"
#include "viewleak/viewleak.h"

typedef struct VlRuleCtx VlRuleCtx;

typedef struct VlRule {
  VlRuleInfo info;
  void (*check)(VlRuleCtx *ctx);
} VlRule;

/* What a rule emits: message and help are formatted into the file's arena by the caller. */
typedef struct VlFinding {
  TSNode node;        /* the range reported */
  const char *message;
  const char *help;
  bool has_related;
  TSNode related;     /* e.g. the rebinding statement */
  const char *related_message;
  VlFix fix; /* edits' ranges are filled from fix_nodes by the engine */
  TSNode fix_node; /* VL_FIX_*: the node after which fix_insert is inserted */
  const char *fix_insert;
} VlFinding;

struct VlRuleCtx {
  VlFlow *flow;
  const VlRule *rule;
  void (*emit)(void *sink, const VlRule *rule, const VlFinding *finding);
  void *sink;
};

static inline void vl_rule_emit(VlRuleCtx *ctx, const VlFinding *finding) { ctx->emit(ctx->sink, ctx->rule, finding); }

/* The table. */
extern const VlRule vl_rule_table[];
extern const size_t vl_rule_table_len;

/* Each rule's check function, one per file in rules/. */
void vl_check_vl001(VlRuleCtx *ctx);
void vl_check_vl002(VlRuleCtx *ctx);
void vl_check_vl003(VlRuleCtx *ctx);
void vl_check_vl004(VlRuleCtx *ctx);

#endif
