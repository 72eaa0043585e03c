#include "rules/wording.h"

#include <string.h>

static bool module_is(const char *name, const char *lib) {
  size_t n = strlen(lib);
  return name && strncmp(name, lib, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

/* The array library a module's imports leave: PyTorch when it imports torch and neither NumPy nor
 * CuPy, else none (NumPy's methods are the default). */
static VlLibId imported_lib(const VlModule *m) {
  bool torch = false, other = false;
  for (uint32_t i = 1; i < m->nstmts; i++) {
    const VlStmt *st = &m->stmts[i];
    if (st->kind != VL_S_IMPORT && st->kind != VL_S_IMPORT_FROM) continue;
    const char *name = st->b && !(st->kind == VL_S_IMPORT_FROM && st->sub) ? vl_str(m, st->b) : NULL;
    torch |= module_is(name, "torch");
    other |= module_is(name, "numpy") || module_is(name, "cupy");
  }
  return torch && !other ? VL_LIBID_TORCH : VL_LIBID_NONE;
}

/* The library's own copy method: ".copy()" for NumPy, ".clone()" for PyTorch (rules/libraries.tsv).
 * An array of no known library (a model's output the analysis could not follow) stored in a module
 * that imports only PyTorch is a tensor: `.copy()` would not exist. */
static const char *copy_method(VlRuleCtx *ctx, const VlHit *h) {
  VlLibId lib = h->lib;
  if (lib == VL_LIBID_NONE && h->at.mod == ctx->mi) lib = imported_lib(ctx->m);
  return vl_arena_printf(ctx->arena, ".%s()", vl_knowledge_lib(vl_program_knowledge(ctx->mi->prog), lib)->copy_method);
}

VlFinding vl_wording_base(VlRuleCtx *ctx, const VlHit *h) {
  const char *copy = copy_method(ctx, h);
  VlFinding fd = {
      .at = h->at,
      .has_related = true,
      .related = h->base,
      .fix = {VL_FIX_UNSAFE, vl_arena_printf(ctx->arena, "Store a copy with `%s`", copy), NULL, 0},
      .fix_at = h->fix_at,
      .fix_insert = copy,
  };
  if (h->via_call) fd.via = h->loop;
  /* a stored element of a comprehension or generator that is not itself the view, or a view inside
   * what a callee stores (no insertion point, fix_at 0): no edit */
  if ((h->store == VL_ST_ELEMENT && !h->text) || !h->fix_at) fd.fix.applicability = VL_FIX_NONE;
  return fd;
}

const char *vl_wording_view(VlRuleCtx *ctx, const VlHit *h) {
  return h->text ? vl_arena_printf(ctx->arena, "`%s`", h->text) : "this";
}

const char *vl_wording_is_view(const VlHit *h) { return h->holder ? "holds a view" : "is a view"; }

const char *vl_wording_store(const VlHit *h) {
  switch (h->store) {
  case VL_ST_SETITEM: return "assigned into";
  case VL_ST_HEAPPUSH: return "pushed onto";
  case VL_ST_ELEMENT: return "collected into";
  case VL_ST_MEMO: return "kept by";
  default: return "stored in";
  }
}

const char *vl_wording_container(VlRuleCtx *ctx, const VlHit *h) {
  if (h->store == VL_ST_ELEMENT && !h->container) return "a new container";
  if (h->store == VL_ST_MEMO) return vl_arena_printf(ctx->arena, "the unbounded cache of `%s`", h->container ? h->container : "?");
  return h->container ? vl_arena_printf(ctx->arena, "`%s`", h->container) : "a container";
}

const char *vl_wording_fixed(VlRuleCtx *ctx, const VlHit *h) {
  if (h->text && h->fix_at) return vl_arena_printf(ctx->arena, "store a copy: `%s%s`", h->text, copy_method(ctx, h));
  return vl_arena_printf(ctx->arena, "store a copy of the view with `%s`", copy_method(ctx, h));
}

const char *vl_wording_size(VlRuleCtx *ctx, const VlHit *h, bool up_to) {
  if (!h->size) return "";
  bool has_up_to = strncmp(h->size, "up to ", 6) == 0;
  return vl_arena_printf(ctx->arena, " (%s%s per %s)", up_to && !has_up_to ? "up to " : "", h->size,
                         h->recursion || h->hook ? "call" : "iteration");
}

const char *vl_wording_loop(const VlHit *h) {
  return h->hook ? "forward call" : h->optimizer ? "optimizer iteration" : h->solver ? "solver iteration" : h->recursion ? "recursion" : "loop";
}

const char *vl_wording_each(const VlHit *h) {
  return h->hook        ? "every forward call"
         : h->optimizer ? "every optimizer iteration"
         : h->solver    ? "every solver iteration"
         : h->recursion ? "every recursive call"
                        : "every iteration";
}
