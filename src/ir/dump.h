/* dump.h: a readable listing of a module's IR (statements with their line numbers, expressions with
 * resolved names), for tests and for engineers.  Not a stable format. */
#ifndef VL_IR_DUMP_H
#define VL_IR_DUMP_H
#include "base/buf.h"
#include "ir/ir.h"

void vl_ir_dump(VlBuf *out, const VlModule *m);

#endif
