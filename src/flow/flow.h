/* flow.h: the analysis engine's entry point.
 *
 * vl_analyse_module interprets every function of one module's IR abstractly (values, summaries,
 * loops: see docs/design.md), stores the module's exports (summaries, globals, class facts) in its
 * VlModInfo for the modules analysed after it, and reports retention hits (VL001/VL002) and the
 * loop facts the copying rules (VL003/VL004) need through callbacks.  Library code: never prints.
 * Thread-safety: one call per module at a time; modules it imports must be analysed before (their
 * VlModInfo is only read). */
#ifndef VL_FLOW_FLOW_H
#define VL_FLOW_FLOW_H
#include "base/vec.h"
#include "flow/program.h"
#include "ir/ir.h"

/* A rebinding of a name to a library call inside a loop, for VL003/VL004: `acc = np.concatenate(
 * [acc, x])`, `a = np.delete(a, i)`. */
typedef struct VlLoopRebind {
  VlId func, stmt, loop; /* the assignment statement and its innermost loop */
  VlId call;             /* the call expression on the right-hand side */
  const VlLibEntry *entry;
  VlLibId lib;
  bool target_is_loop_var; /* the name is also the loop's own target */
} VlLoopRebind;

typedef struct VlFlowSink {
  void (*hit)(void *ctx, const VlHit *hit);
  void (*rebind)(void *ctx, const VlLoopRebind *rb);
  void *ctx;
} VlFlowSink;

void vl_analyse_module(VlProgram *prog, VlModInfo *mi, const VlModule *m, const VlLibraryExtensions *ext,
                       const VlFlowSink *sink);

/* For tests and `viewleak debug`: the same, calling probe(ctx, frame) once each function's frame has
 * reached its fixpoint (the module body last).  The frame (flow/analysis.h) is valid during the call. */
struct Frame;
void vl_analyse_module_probed(VlProgram *prog, VlModInfo *mi, const VlModule *m, const VlLibraryExtensions *ext,
                              const VlFlowSink *sink, void (*probe)(void *ctx, const struct Frame *frame),
                              void *probe_ctx);

#endif
