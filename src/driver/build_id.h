/* build_id.h: the running program's build identity, as the linker wrote it. */
#ifndef VL_DRIVER_BUILD_ID_H
#define VL_DRIVER_BUILD_ID_H
#include <stddef.h>

/* The GNU build-id note of the running executable (a hash the linker computed over the whole
 * linked file, `-Wl,--build-id`: any change to the code or its embedded data changes it), read from
 * the loaded program headers, so nothing is read from disk.  Its bytes and length; NULL when the
 * program has no such note (linked without --build-id). */
const unsigned char *vl_build_id(size_t *len);

#endif
