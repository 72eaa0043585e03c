/* lower_internal.h: state shared by lower.c and names.c while one module is being lowered. */
#ifndef VL_IR_LOWER_INTERNAL_H
#define VL_IR_LOWER_INTERNAL_H
#include "base/vec.h"
#include "ir/lower.h"

/* String interning: open addressing over ids; strings live in the module's arena. */
typedef struct VlStrtab {
  VL_VEC(const char *) strs;
  VL_VEC(uint32_t) lens;
  uint32_t *slots; /* 0 = empty, else id + 1 */
  uint32_t cap;
} VlStrtab;

void vl_strtab_init(VlStrtab *t);
VlId vl_strtab_intern(VlStrtab *t, VlArena *arena, const char *s, size_t n);
const char *vl_strtab_get(const VlStrtab *t, VlId id);
/* Hands the strings to the module (an arena array) and frees the table. */
const char **vl_strtab_finish(VlStrtab *t, VlArena *arena, uint32_t *n);

/* What a function does with a name: binds it locally, declares it global or nonlocal. */
enum { VL_BIND_LOCAL = 1, VL_BIND_GLOBAL = 2, VL_BIND_NONLOCAL = 4 };

typedef struct VlScopeEntry {
  VlId func, name;
  uint8_t flags;
  uint32_t next;  /* next entry of the same function, in first-binding order (0: end) */
  uint32_t chain; /* hash chain */
} VlScopeEntry;

typedef struct VlNameUse {
  VlId func, expr;
} VlNameUse;

typedef struct VlScopes {
  VL_VEC(VlScopeEntry) entries; /* entries[0] unused */
  VL_VEC(uint32_t) first, last; /* per function */
  uint32_t *buckets;
  uint32_t nbuckets;
  VL_VEC(VlNameUse) uses;
} VlScopes;

typedef struct Lower {
  const VlPy *py;
  const char *text;
  const VlSource *src;
  VlModule *m;
  VlStrtab strtab;
  VL_VEC(VlExpr) exprs;
  VL_VEC(VlStmt) stmts;
  VL_VEC(VlId) kids;
  VL_VEC(VlId) stmtlist;
  VL_VEC(VlBlock) blocks;
  VL_VEC(VlHandler) handlers;
  VL_VEC(VlFunc) funcs;
  VL_VEC(VlClass) classes;
  VL_VEC(VlLoop) loops;
  VL_VEC(VlComp) comps;
  VL_VEC(VlClause) clauses;
  VL_VEC(VlParam) params;
  VL_VEC(VlComment) comments;
  VL_VEC(VlId) scratch; /* children being collected */
  VL_VEC(TSTreeCursor *) cursors; /* walks' cursors, one per level of nested walks (lower.c: cursor_on) */
  size_t ncursors;                /* of them in use */
  VlScopes scopes;
  struct LowerRec *rec; /* lowering with a memo (vl_lower_tree_memo), else NULL */
  VlId func, loop; /* where the lowering is */
  int depth;
  bool too_deep;
} Lower;

void vl_scopes_add(VlScopes *s, VlId func);
void vl_scopes_bind(VlScopes *s, VlId func, VlId name, uint8_t flag);
void vl_scopes_use(VlScopes *s, VlId func, VlId expr);
/* Assigns slots (writing each function's locals into L->kids) and resolves every recorded use. */
void vl_scopes_resolve(Lower *L);
void vl_scopes_free(VlScopes *s);

#endif
