/* xmllib.c: see xmllib.h. */
#include "output/xmllib.h"

#include <stddef.h>

#include "base/dynlib.h"

#ifndef VL_LIBXML2_SONAME
#error "VL_LIBXML2_SONAME: the soname of the libxml2 the build found (src/CMakeLists.txt sets it)"
#endif

static VlXml xml;
static const VlDynlibSym syms[] = {
#define VL_XML_SYM(f) {"xml" #f, offsetof(VlXml, f)},
    VL_XML_FUNCTIONS(VL_XML_SYM)
#undef VL_XML_SYM
};
static VlDynlib lib = {"libxml2", VL_LIBXML2_SONAME, syms, sizeof syms / sizeof *syms, &xml,
                       PTHREAD_MUTEX_INITIALIZER, 0, ""};

const VlXml *vl_xml(void) { return vl_dynlib_load(&lib) ? &xml : NULL; }

const char *vl_xml_error(void) { return vl_dynlib_load(&lib) ? NULL : lib.why; }
