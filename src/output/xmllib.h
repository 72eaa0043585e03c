/* xmllib.h: libxml2's text writer, loaded the first time a JUnit report is written (base/dynlib.h
 * says why).  The table's types come from <libxml/xmlwriter.h>; vl_xml() is NULL when libxml2
 * cannot be loaded, and vl_xml_error() says why. */
#ifndef VL_OUTPUT_XMLLIB_H
#define VL_OUTPUT_XMLLIB_H
#include <libxml/xmlwriter.h>

/* Every libxml2 function viewleak calls, without its `xml` prefix. */
#define VL_XML_FUNCTIONS(X)                                                                                  \
  X(BufferCreate) X(BufferFree) X(BufferContent) X(BufferLength) X(NewTextWriterMemory) X(FreeTextWriter)    \
  X(TextWriterSetIndent) X(TextWriterSetIndentString) X(TextWriterStartDocument) X(TextWriterEndDocument)    \
  X(TextWriterStartElement) X(TextWriterEndElement) X(TextWriterWriteAttribute)                              \
  X(TextWriterWriteFormatAttribute) X(TextWriterWriteString)

typedef struct VlXml {
#define VL_XML_SLOT(f) __typeof__(xml##f) *f;
  VL_XML_FUNCTIONS(VL_XML_SLOT)
#undef VL_XML_SLOT
} VlXml;

const VlXml *vl_xml(void);

/* Why vl_xml() returned NULL: "libxml2 (libxml2.so.2) cannot be loaded: ...". */
const char *vl_xml_error(void);

#endif
