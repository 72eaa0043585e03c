/* toml.h: a TOML document read into a flat list of (dotted key path, typed value) entries, with the
 * vendored tree-sitter TOML grammar.  Nothing here knows what the keys mean (driver/config.c does).
 *
 *   TOML                                   entries (key path = value)
 *   a = 1                                  a = INTEGER 1
 *   b.c = "x"                              b.c = STRING "x"
 *   [t] / d = true                         t.d = BOOLEAN true
 *   [t.u] (no pairs)                       t.u = TABLE (an empty table is an entry of its own)
 *   [[v]] (no pairs)                       v = ARRAY [TABLE]
 *   e = { f = [1, "y"], g = {} }           e.f = ARRAY [INTEGER 1, STRING "y"]; e.g = TABLE
 *   [[arr]] / h = 2                        arr.h = INTEGER 2, element 1 (each element of an array
 *   [[arr]] / h = 3                        arr.h = INTEGER 3, element 2  of tables is read as the table
 *                                          it starts, numbered so that its keys may repeat)
 *
 * Entries are in document order.  Inline tables are flattened into entries, except inside arrays
 * (there an inline table is one TABLE value whose pairs are not read).  Strings are decoded (escapes,
 * multi-line forms); other scalars keep their text as written and, for numbers and booleans, the
 * decoded value.  Errors: a syntax error, a key path of more than VL_TOML_MAX_KEY_PARTS parts, a key
 * defined twice; each with its 0-based row and byte column.
 *
 * A VlTomlDoc owns everything in it; reading is reentrant (one TSParser per call). */
#ifndef VL_SYNTAX_TOML_H
#define VL_SYNTAX_TOML_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { VL_TOML_MAX_KEY_PARTS = 8 };

typedef enum VlTomlKind {
  VL_TOML_STRING,
  VL_TOML_INTEGER,
  VL_TOML_FLOAT,
  VL_TOML_BOOLEAN,
  VL_TOML_DATETIME, /* offset or local date-time, local date, local time: text only */
  VL_TOML_ARRAY,
  VL_TOML_TABLE, /* an empty table or inline table, or an inline table inside an array */
} VlTomlKind;

typedef struct VlTomlValue {
  VlTomlKind kind;
  uint32_t row, col; /* where the value starts: 0-based row, 0-based byte column */
  char *text;        /* STRING: decoded; INTEGER, FLOAT, BOOLEAN, DATETIME: as written; else NULL */
  bool boolean;      /* BOOLEAN */
  int64_t integer;   /* INTEGER (saturated at the int64 limits) */
  double number;     /* FLOAT (inf and nan included) */
  struct VlTomlValue *items; /* ARRAY: its elements, comments left out */
  size_t count;
} VlTomlValue;

typedef struct VlTomlEntry {
  char *parts[VL_TOML_MAX_KEY_PARTS]; /* the key path, each part decoded (a quoted part may hold dots) */
  int nparts;
  /* 0, or the 1-based number (in document order, over all [[...]] headers) of the array-of-tables
   * element the entry belongs to, sub-tables ([arr.sub] after [[arr]]) included: entries of
   * different elements may share a key path. */
  size_t element;
  VlTomlValue value;
} VlTomlEntry;

typedef struct VlTomlDoc {
  VlTomlEntry *entries;
  size_t count;
  /* The first error, or error == NULL.  On an error `count` is 0, except for a key defined twice:
   * then the entries before its second definition are kept, so that a caller reporting the first
   * error in document order can check them first. */
  char *error; /* "invalid TOML", "key nested too deeply", "key `a.b` is defined twice" */
  uint32_t error_row, error_col;
} VlTomlDoc;

/* Reads `len` bytes of TOML into *out (which the caller frees with vl_toml_doc_free, on an error
 * too).  Returns false when out->error is set. */
bool vl_toml_read(const char *text, size_t len, VlTomlDoc *out);
/* Frees what *self holds and zeroes it; a zeroed doc is a no-op. */
void vl_toml_doc_free(VlTomlDoc *self);
/* The entry's key path joined with dots (heap string; caller frees). */
char *vl_toml_key_text(const VlTomlEntry *entry, int from);

#endif
