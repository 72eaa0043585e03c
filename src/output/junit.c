/* junit.c: the `junit` format: JUnit XML for CI test-report widgets (GitLab artifacts:reports:junit,
 * Jenkins, ...): one testsuite per file with findings, one failing testcase per finding; a clean run
 * is one passing testcase, so the document is always valid:
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <testsuites name="viewleak" tests="1" failures="1" errors="0">
 *     <testsuite name="examples/mixed.py" tests="1" failures="1" errors="0" skipped="0">
 *       <testcase name="VL001 at 19:25" classname="examples/mixed.py" file="examples/mixed.py" line="19">
 *         <failure message="`data[i]` is a view ..." type="VL001">examples/mixed.py:19:25: VL001 ...
 *   help: ...</failure>
 * (in a notebook: "VL001 at cell 4:3:9", rows counting from the start of the cell)
 *       </testcase>
 *     </testsuite>
 *   </testsuites>
 *
 * The totals head the document, so findings are copied into ctx->state (reports die after each
 * call) and the document is written by end, with libxml2's xmlTextWriter into memory, then to
 * ctx->out.  Text is made valid for XML 1.0 first (vl_format_utf8). */
#include <stdlib.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/vec.h"
#include "output/common.h"
#include "output/xmllib.h"

typedef struct Case {
  char *name, *message, *body, *type;
  unsigned line;
} Case;

typedef struct Suite {
  char *path;
  VL_VEC(Case) cases;
} Suite;

typedef struct JunitState {
  VL_VEC(Suite) suites;
  size_t failures;
} JunitState;

static void junit_begin(VlFormatCtx *c) { c->state = vl_xcalloc(1, sizeof(JunitState)); }

static void junit_report(VlFormatCtx *c, const VlReport *r) {
  JunitState *s = c->state;
  if (!vl_report_active(r)) return;
  Suite suite = {.path = vl_format_relpath(vl_report_path(r))};
  for (size_t i = 0; i < vl_report_count(r); i++) {
    const VlDiagnostic *d = vl_report_get(r, i);
    if (d->suppressed) continue;
    unsigned line = vl_format_row(r, d->range.start), col = vl_format_char_col(r, d->range.start);
    char cell[VL_FORMAT_CELL_SIZE];
    vl_format_cell_prefix(r, d->range.start, cell);
    VlBuf name = {0}, body = {0};
    const char *code = VL_IS_SYNTAX_ERROR(d) ? d->rule->name : d->rule->code; /* "syntax-error" */
    vl_buf_printf(&name, "%s at %s%u:%u", code, cell, line, col);
    vl_buf_printf(&body, "%s:%s%u:%u: %s%s%s", suite.path, cell, line, col, d->rule->code, *d->rule->code ? " " : "",
                  d->message);
    if (d->help) vl_buf_printf(&body, "\nhelp: %s", d->help);
    Case k = {name.data, vl_xstrdup(d->message), body.data, vl_xstrdup(code), line};
    VL_VEC_PUSH(&suite.cases, k);
  }
  s->failures += suite.cases.len;
  VL_VEC_PUSH(&s->suites, suite);
}

/* ---- writing ---- */
static void attr(const VlXml *xml, xmlTextWriterPtr w, const char *name, const char *value) {
  char *clean = vl_format_utf8(value, true);
  xml->TextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST clean);
  free(clean);
}

static void attr_num(const VlXml *xml, xmlTextWriterPtr w, const char *name, size_t value) {
  xml->TextWriterWriteFormatAttribute(w, BAD_CAST name, "%zu", value);
}

static void start_suite(const VlXml *xml, xmlTextWriterPtr w, const char *name, size_t tests, size_t failures) {
  xml->TextWriterStartElement(w, BAD_CAST "testsuite");
  attr(xml, w, "name", name);
  attr_num(xml, w, "tests", tests);
  attr_num(xml, w, "failures", failures);
  attr_num(xml, w, "errors", 0);
  attr_num(xml, w, "skipped", 0);
}

static void write_case(const VlXml *xml, xmlTextWriterPtr w, const char *path, const Case *k) {
  xml->TextWriterStartElement(w, BAD_CAST "testcase");
  attr(xml, w, "name", k->name);
  attr(xml, w, "classname", path);
  attr(xml, w, "file", path);
  attr_num(xml, w, "line", k->line);
  xml->TextWriterStartElement(w, BAD_CAST "failure");
  attr(xml, w, "message", k->message);
  attr(xml, w, "type", k->type);
  char *body = vl_format_utf8(k->body, true);
  xml->TextWriterWriteString(w, BAD_CAST body);
  free(body);
  xml->TextWriterEndElement(w);
  xml->TextWriterEndElement(w);
}

static void write_document(const VlXml *xml, xmlTextWriterPtr w, const JunitState *s) {
  xml->TextWriterSetIndent(w, 1);
  xml->TextWriterSetIndentString(w, BAD_CAST "  ");
  xml->TextWriterStartDocument(w, NULL, "UTF-8", NULL);
  xml->TextWriterStartElement(w, BAD_CAST "testsuites");
  attr(xml, w, "name", "viewleak");
  attr_num(xml, w, "tests", s->failures ? s->failures : 1);
  attr_num(xml, w, "failures", s->failures);
  attr_num(xml, w, "errors", 0);
  if (!s->failures) { /* a clean run: one passing case */
    start_suite(xml, w, "viewleak", 1, 0);
    xml->TextWriterStartElement(w, BAD_CAST "testcase");
    attr(xml, w, "name", "no findings");
    attr(xml, w, "classname", "viewleak");
    xml->TextWriterEndElement(w);
    xml->TextWriterEndElement(w);
  }
  for (size_t i = 0; i < s->suites.len; i++) {
    const Suite *suite = &s->suites.items[i];
    start_suite(xml, w, suite->path, suite->cases.len, suite->cases.len);
    for (size_t j = 0; j < suite->cases.len; j++) write_case(xml, w, suite->path, &suite->cases.items[j]);
    xml->TextWriterEndElement(w);
  }
  xml->TextWriterEndDocument(w); /* closes testsuites, ends with a newline */
}

static void junit_end(VlFormatCtx *c) {
  JunitState *s = c->state;
  const VlXml *xml = vl_xml();
  if (!xml) { /* a broken installation: the package depends on libxml2 */
    fprintf(stderr, "viewleak: %s; it is needed to write JUnit reports\n", vl_xml_error());
    exit(2);
  }
  xmlBufferPtr buf = xml->BufferCreate();
  xmlTextWriterPtr w = buf ? xml->NewTextWriterMemory(buf, 0) : NULL;
  if (!w) {
    fputs("viewleak: out of memory\n", stderr);
    abort();
  }
  write_document(xml, w, s);
  xml->FreeTextWriter(w); /* flushes into buf */
  fwrite(xml->BufferContent(buf), 1, (size_t)xml->BufferLength(buf), c->out);
  xml->BufferFree(buf);

  for (size_t i = 0; i < s->suites.len; i++) {
    Suite *suite = &s->suites.items[i];
    for (size_t j = 0; j < suite->cases.len; j++) {
      Case *k = &suite->cases.items[j];
      free(k->name);
      free(k->message);
      free(k->body);
      free(k->type);
    }
    VL_VEC_FREE(&suite->cases);
    free(suite->path);
  }
  VL_VEC_FREE(&s->suites);
  free(s);
  c->state = NULL;
}

const VlFormat vl_format_junit = {"junit", junit_begin, junit_report, junit_end};
