/* dynlib.c: see dynlib.h. */
#include "base/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static bool load(VlDynlib *lib) {
  void *handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char *err = dlerror();
    snprintf(lib->why, sizeof lib->why, "%s (%s) cannot be loaded: %s", lib->label, lib->soname,
             err ? err : "not found");
    return false;
  }
  for (size_t i = 0; i < lib->nsyms; i++) {
    dlerror();
    void *addr = dlsym(handle, lib->syms[i].name);
    if (!addr) {
      snprintf(lib->why, sizeof lib->why, "%s (%s) cannot be loaded: it has no %s", lib->label, lib->soname,
               lib->syms[i].name);
      return false; /* the handle stays open: unloading what may have run constructors gains nothing */
    }
    /* POSIX guarantees a function's address survives the trip through void * */
    memcpy((char *)lib->table + lib->syms[i].offset, &addr, sizeof addr);
  }
  return true;
}

bool vl_dynlib_load(VlDynlib *lib) {
  pthread_mutex_lock(&lib->lock);
  if (lib->state == 0) lib->state = load(lib) ? 1 : -1;
  bool ok = lib->state == 1;
  pthread_mutex_unlock(&lib->lock);
  return ok;
}
