/* vl900.c: VL900 unused-noqa.  Produced by the engine after noqa matching (diag/noqa.c), not by
 * a check over the analysis: off unless selected, or with --report-unused-noqa. */
#include "rules/rule.h"

const VlRule vl_rule_vl900 = {
    {"VL900", "unused-noqa", "A `# noqa: VLnnn` code that suppresses nothing on its line", false}, NULL};
