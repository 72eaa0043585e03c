/* test_dynlib.c: libraries opened when first needed (base/dynlib.c), and the two viewleak opens so
 * (driver/gitlib.c, output/xmllib.c). */
#include "testlib.h"

#include "base/dynlib.h"
#include "driver/gitlib.h"
#include "output/xmllib.h"

typedef struct Libc {
  size_t (*strlen)(const char *);
  int (*strcmp)(const char *, const char *);
} Libc;

static const VlDynlibSym libc_syms[] = {{"strlen", offsetof(Libc, strlen)}, {"strcmp", offsetof(Libc, strcmp)}};

/* The table is filled from the library, once; later calls answer without loading again. */
static void fills_table(void **state) {
  (void)state;
  Libc libc = {0};
  VlDynlib lib = {"libc", "libc.so.6", libc_syms, 2, &libc, PTHREAD_MUTEX_INITIALIZER, 0, ""};
  assert_true(vl_dynlib_load(&lib));
  assert_int_equal(lib.state, 1);
  assert_non_null(libc.strlen);
  assert_int_equal(libc.strlen("viewleak"), 8);
  assert_int_equal(libc.strcmp("a", "a"), 0);
  libc.strlen = NULL; /* a second call does not fill it again */
  assert_true(vl_dynlib_load(&lib));
  assert_null(libc.strlen);
  assert_string_equal(lib.why, "");
}

/* A library that is not there: false, now and later, with a sentence naming it. */
static void missing_library(void **state) {
  (void)state;
  Libc libc = {0};
  VlDynlib lib = {"libnothing", "libvl-no-such-library.so.7", libc_syms, 2, &libc, PTHREAD_MUTEX_INITIALIZER, 0, ""};
  assert_false(vl_dynlib_load(&lib));
  assert_false(vl_dynlib_load(&lib));
  assert_int_equal(lib.state, -1);
  assert_non_null(strstr(lib.why, "libnothing (libvl-no-such-library.so.7) cannot be loaded: "));
  assert_null(libc.strlen);
}

/* A library without one of the functions: false, naming the function. */
static void missing_function(void **state) {
  (void)state;
  Libc libc = {0};
  static const VlDynlibSym syms[] = {{"strlen", offsetof(Libc, strlen)}, {"vl_no_such_function", offsetof(Libc, strcmp)}};
  VlDynlib lib = {"libc", "libc.so.6", syms, 2, &libc, PTHREAD_MUTEX_INITIALIZER, 0, ""};
  assert_false(vl_dynlib_load(&lib));
  assert_string_equal(lib.why, "libc (libc.so.6) cannot be loaded: it has no vl_no_such_function");
}

/* The libraries the build names load, with every function viewleak calls. */
static void git_and_xml(void **state) {
  (void)state;
  const VlGit *git = vl_git();
  assert_non_null(git);
  assert_null(vl_git_error());
  assert_int_equal(git->libgit2_init(), 1); /* the number of initialisations now */
  assert_int_equal(git->libgit2_shutdown(), 0);
  const VlXml *xml = vl_xml();
  assert_non_null(xml);
  assert_null(vl_xml_error());
  xmlBufferPtr buf = xml->BufferCreate();
  xmlTextWriterPtr w = xml->NewTextWriterMemory(buf, 0);
  xml->TextWriterStartDocument(w, NULL, "UTF-8", NULL);
  xml->TextWriterStartElement(w, BAD_CAST "a");
  xml->TextWriterEndDocument(w);
  xml->FreeTextWriter(w);
  assert_non_null(strstr((const char *)xml->BufferContent(buf), "<a/>"));
  xml->BufferFree(buf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(fills_table),
      cmocka_unit_test(missing_library),
      cmocka_unit_test(missing_function),
      cmocka_unit_test(git_and_xml),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
