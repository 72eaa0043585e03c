/* notebook.c: Jupyter notebooks as Python modules (notebook.h).
 *
 * Three parts: reading (cJSON validates and decodes; a token walk finds the byte spans of each code
 * cell's source strings), masking IPython syntax line by line, and putting a fixed module back into
 * the JSON text token by token. */
#include "driver/notebook.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/vec.h"
#include "driver/engine_internal.h"
#include "driver/fix.h"

/* A code cell: its decoded source (a concatenation of pieces, one per JSON string token) and where
 * it sits in the module. */
typedef struct Cell {
  unsigned number;   /* among all cells, 1-based */
  char *text;        /* the source as written (unmasked) */
  size_t len;
  size_t npieces;
  size_t *tok_start, *tok_end; /* each piece's string token in the JSON (quotes included) */
  size_t *piece_at;            /* each piece's offset in text; piece_at[npieces] == len */
  size_t start;                /* offset of the cell in the module */
  uint32_t row;                /* its first row in the module */
} Cell;

struct VlNotebook {
  char *json;
  size_t json_len;
  Cell *cells;
  size_t ncells;
  char *source; /* the module */
  size_t source_len;
};

bool vl_notebook_is_path(const char *path) {
  size_t n = strlen(path);
  return n > 6 && strcmp(path + n - 6, ".ipynb") == 0;
}

void vl_notebook_delete(VlNotebook *self) {
  if (!self) return;
  for (size_t k = 0; k < self->ncells; k++) {
    free(self->cells[k].text);
    free(self->cells[k].tok_start);
    free(self->cells[k].tok_end);
    free(self->cells[k].piece_at);
  }
  free(self->cells);
  free(self->json);
  free(self->source);
  free(self);
}

const char *vl_notebook_source(const VlNotebook *self, size_t *len) {
  *len = self->source_len;
  return self->source;
}

size_t vl_notebook_code_cells(const VlNotebook *self) { return self->ncells; }
unsigned vl_notebook_cell_number(const VlNotebook *self, size_t k) { return self->cells[k].number; }
uint32_t vl_notebook_cell_row(const VlNotebook *self, size_t k) { return self->cells[k].row; }

/* ---- locating tokens ----
 *
 * The text has been accepted by cJSON, so this walk only needs JSON's lexical shape: whitespace,
 * strings with escapes, and brackets.  It follows root -> "cells" -> each cell -> "source", taking
 * the first of duplicate keys as cJSON does; keys are decoded with cJSON to compare them. */

typedef struct Walk {
  const char *s;
  size_t n, i;
} Walk;

static void blank(Walk *w) {
  while (w->i < w->n && strchr(" \t\r\n", w->s[w->i])) w->i++;
}

/* At a '"': moves past the closing quote. */
static void string_token(Walk *w) {
  for (w->i++; w->i < w->n && w->s[w->i] != '"'; w->i++)
    if (w->s[w->i] == '\\') w->i++;
  w->i++;
}

/* value -> string | object | array | scalar: moves past it. */
static void skip_value(Walk *w) {
  blank(w);
  if (w->i >= w->n) return;
  char c = w->s[w->i];
  if (c == '"') {
    string_token(w);
  } else if (c == '{' || c == '[') {
    int depth = 0;
    do {
      c = w->s[w->i];
      if (c == '"') {
        string_token(w);
        continue;
      }
      depth += (c == '{' || c == '[') - (c == '}' || c == ']');
      w->i++;
    } while (depth && w->i < w->n);
  } else {
    while (w->i < w->n && !strchr(",]} \t\r\n", w->s[w->i])) w->i++;
  }
}

/* Is the string token at w->i (a key) equal to `name`?  Moves past it. */
static bool key_is(Walk *w, const char *name) {
  size_t start = w->i;
  string_token(w);
  cJSON *k = cJSON_ParseWithLength(w->s + start, w->i - start);
  bool same = cJSON_IsString(k) && strcmp(k->valuestring, name) == 0;
  cJSON_Delete(k);
  return same;
}

/* In the object at w->i: moves to the value of the first member named `name`; false if none. */
static bool member(Walk *w, const char *name) {
  blank(w);
  if (w->i >= w->n || w->s[w->i] != '{') return false;
  w->i++;
  for (;;) {
    blank(w);
    if (w->i >= w->n || w->s[w->i] != '"') return false;
    bool found = key_is(w, name);
    blank(w);
    w->i++; /* ':' */
    blank(w);
    if (found) return true;
    skip_value(w);
    blank(w);
    if (w->i >= w->n || w->s[w->i] != ',') return false;
    w->i++;
  }
}

/* In the array at w->i: moves to its first element (true) or past an empty array (false). */
static bool array_first(Walk *w) {
  blank(w);
  w->i++; /* '[' */
  blank(w);
  if (w->i < w->n && w->s[w->i] == ']') {
    w->i++;
    return false;
  }
  return true;
}

/* After an array element: moves to the next (true) or past the array's end (false). */
static bool array_next(Walk *w) {
  blank(w);
  if (w->i < w->n && w->s[w->i] == ',') {
    w->i++;
    blank(w);
    return true;
  }
  w->i++; /* ']' */
  return false;
}

/* Records the string tokens of the source value at w->i (a string, or an array of strings). */
static void source_tokens(Walk *w, Cell *c) {
  VL_VEC(size_t) starts = {0}, ends = {0};
  blank(w);
  if (w->s[w->i] == '"') {
    VL_VEC_PUSH(&starts, w->i);
    string_token(w);
    VL_VEC_PUSH(&ends, w->i);
  } else if (array_first(w)) {
    do {
      VL_VEC_PUSH(&starts, w->i);
      skip_value(w);
      VL_VEC_PUSH(&ends, w->i);
    } while (array_next(w));
  }
  c->npieces = starts.len;
  c->tok_start = starts.items;
  c->tok_end = ends.items;
}

/* ---- masking IPython syntax ---- */

typedef struct Lex {
  char quote;  /* inside a string opened by this quote (0: none) */
  bool triple; /* ... a triple-quoted one */
  int depth;   /* open brackets */
  bool cont;   /* the previous line ended with a backslash */
} Lex;

/* Follows Python's lexical state over one line [p, end) (without its line break). */
static void lex_line(Lex *x, const char *p, const char *end) {
  x->cont = false;
  while (p < end) {
    char c = *p;
    if (x->quote) {
      if (c == '\\') {
        p += 2;
        if (p > end) x->cont = true; /* an escaped line break */
        continue;
      }
      if (c == x->quote && (!x->triple || (end - p >= 3 && p[1] == c && p[2] == c))) {
        p += x->triple ? 3 : 1;
        x->quote = 0;
        continue;
      }
      p++;
      continue;
    }
    if (c == '#') return;
    if (c == '\\' && p + 1 == end) {
      x->cont = true;
      return;
    }
    if (c == '"' || c == '\'') {
      x->quote = c;
      x->triple = end - p >= 3 && p[1] == c && p[2] == c;
      p += x->triple ? 3 : 1;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') x->depth++;
    if ((c == ')' || c == ']' || c == '}') && x->depth > 0) x->depth--;
    p++;
  }
  if (x->quote && !x->triple && !x->cont) x->quote = 0; /* an unclosed string ends with its line */
}

static bool ident_char(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c & 0x80);
}

/* Where IPython syntax starts on the statement line [p, end) (p after the indentation), or NULL:
 *   %magic, !cmd, ?name, ??name          the whole statement
 *   name?, name.attr??                   the whole statement (help)
 *   a, b = %magic / a = !cmd             the right-hand side */
static const char *ipython_at(const char *p, const char *end) {
  if (p < end && (*p == '%' || *p == '!' || *p == '?')) return p;
  const char *q = p;
  while (q < end && (ident_char(*q) || *q == '.')) q++;
  if (q > p && q < end && *q == '?') {
    const char *r = q + 1;
    if (r < end && *r == '?') r++;
    while (r < end && (*r == ' ' || *r == '\t')) r++;
    if (r == end) return p;
  }
  /* targets: names, dots, commas, blanks; then '=' (not '==') */
  for (q = p; q < end && (ident_char(*q) || strchr(". \t,", *q)); q++) {}
  if (q == p || q >= end || *q != '=' || (q + 1 < end && q[1] == '=')) return NULL;
  for (q++; q < end && (*q == ' ' || *q == '\t'); q++) {}
  return q < end && (*q == '%' || *q == '!') ? q : NULL;
}

/* The end of the line starting at p (its break excluded) and the start of the next. */
static const char *line_end(const char *p, const char *end, const char **next) {
  const char *e = p;
  while (e < end && *e != '\n' && *e != '\r') e++;
  *next = e;
  if (*next < end && **next == '\r') (*next)++;
  if (*next < end && **next == '\n' && (*next == e || (*next)[-1] == '\r')) (*next)++;
  return e;
}

/* Blanks [from, to): spaces, with `0` first when zero is true; line breaks are kept. */
static void blank_out(char *from, char *to, bool zero) {
  for (char *p = from; p < to; p++)
    if (*p != '\n' && *p != '\r') *p = ' ';
  if (zero && from < to) *from = '0';
}

static bool cell_magic(const char *t, size_t len) {
  const char *p = t, *end = t + len;
  while (p < end && strchr(" \t\r\n", *p)) p++;
  return end - p >= 2 && p[0] == '%' && p[1] == '%';
}

/* Masks the IPython syntax of one cell's text in place (lengths kept). */
static void mask(char *t, size_t len) {
  if (cell_magic(t, len)) {
    blank_out(t, t + len, false);
    return;
  }
  Lex x = {0};
  char *end = t + len;
  for (char *p = t; p < end;) {
    const char *next;
    char *e = (char *)line_end(p, end, &next);
    bool statement = !x.quote && !x.depth && !x.cont;
    char *s = p;
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    const char *at = statement && s < e && *s != '#' ? ipython_at(s, e) : NULL;
    if (at) { /* masked up to the end of the logical line (backslash continuations included) */
      char *stop = e;
      while (stop > at && stop[-1] == '\\' && next < end) stop = (char *)line_end(next, end, &next);
      blank_out((char *)at, stop, true);
      x.cont = false;
    } else {
      lex_line(&x, p, e);
    }
    p = (char *)next;
  }
}

/* ---- reading ---- */

static uint32_t count_rows(const char *t, size_t len) {
  uint32_t rows = 0;
  for (size_t i = 0; i < len; i++)
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == len || t[i + 1] != '\n'))) rows++;
  return rows;
}

/* Appends a code cell's text to the module, masked, with a line break when it has none at its end;
 * returns the rows it added. */
static uint32_t append_cell(VlBuf *module, const char *text, size_t len) {
  size_t at = module->len;
  vl_buf_append(module, text, len);
  mask(module->data + at, len);
  if (!len || (text[len - 1] != '\n' && text[len - 1] != '\r')) vl_buf_append(module, "\n", 1);
  return count_rows(module->data + at, module->len - at);
}

char *vl_notebook_join(const char *const *cells, const size_t *lens, size_t n, uint32_t *first_rows, size_t *len) {
  VlBuf module = {0};
  vl_buf_append(&module, "", 0);
  uint32_t rows = 0;
  for (size_t k = 0; k < n; k++) {
    first_rows[k] = rows;
    rows += append_cell(&module, cells[k], lens[k]);
  }
  *len = module.len;
  return module.data;
}

/* The 1-based line of byte `at` in the JSON text, for messages. */
static unsigned json_line(const char *s, size_t at) {
  unsigned line = 1;
  for (size_t i = 0; i < at; i++) line += s[i] == '\n';
  return line;
}

/* Decodes the cell's pieces from their tokens (cJSON); false when one is not a string. */
static bool decode_pieces(const VlNotebook *nb, Cell *c) {
  VlBuf text = {0};
  vl_buf_append(&text, "", 0);
  c->piece_at = vl_xcalloc(c->npieces + 1, sizeof(size_t));
  bool ok = true;
  for (size_t k = 0; k < c->npieces && ok; k++) {
    c->piece_at[k] = text.len;
    cJSON *v = cJSON_ParseWithLength(nb->json + c->tok_start[k], c->tok_end[k] - c->tok_start[k]);
    ok = cJSON_IsString(v);
    if (ok) vl_buf_puts(&text, v->valuestring);
    cJSON_Delete(v);
  }
  c->piece_at[c->npieces] = text.len;
  c->text = text.data;
  c->len = text.len;
  return ok;
}

/* The decoded source of a cell object (cJSON's view), into b. */
static bool cjson_source(const cJSON *cell, VlBuf *b) {
  const cJSON *src = cJSON_GetObjectItemCaseSensitive(cell, "source");
  vl_buf_append(b, "", 0);
  if (cJSON_IsString(src)) {
    vl_buf_puts(b, src->valuestring);
    return true;
  }
  if (!cJSON_IsArray(src)) return false;
  for (const cJSON *piece = src->child; piece; piece = piece->next) {
    if (!cJSON_IsString(piece)) return false;
    vl_buf_puts(b, piece->valuestring);
  }
  return true;
}

static VlNotebook *fail(VlNotebook *nb, cJSON *root, char *err, size_t errlen, const char *fmt, long arg) {
  snprintf(err, errlen, fmt, arg);
  cJSON_Delete(root);
  vl_notebook_delete(nb);
  return NULL;
}

VlNotebook *vl_notebook_parse(const char *json, size_t len, char *err, size_t errlen) {
  VlNotebook *nb = vl_xcalloc(1, sizeof(VlNotebook));
  nb->json = vl_xstrndup(json, len);
  nb->json_len = len;
  if (memchr(json, '\0', len)) return fail(nb, NULL, err, errlen, "not a notebook: a NUL byte in the file", 0);
  const char *stop = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(nb->json, len + 1, &stop, true); /* (its NUL counted: cJSON checks it) */
  if (!root) {
    size_t at = stop && stop >= nb->json ? (size_t)(stop - nb->json) : 0;
    return fail(nb, root, err, errlen, "not a notebook: not valid JSON (line %ld)", (long)json_line(nb->json, at));
  }
  const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "nbformat");
  if (!cJSON_IsObject(root) || !cJSON_IsNumber(format))
    return fail(nb, root, err, errlen, "not a notebook: no `nbformat` number", 0);
  if (format->valueint != 4)
    return fail(nb, root, err, errlen, "nbformat %ld is not supported, only 4 (`jupyter nbconvert --to notebook` converts it)",
                (long)format->valueint);
  const cJSON *cells = cJSON_GetObjectItemCaseSensitive(root, "cells");
  if (!cJSON_IsArray(cells)) return fail(nb, root, err, errlen, "not a notebook: no `cells` list", 0);
  Walk w = {nb->json, len, 0};
  bool walked = member(&w, "cells") && w.s[w.i] == '[';
  bool more = walked && array_first(&w);
  VL_VEC(Cell) code = {0};
  VlBuf module = {0}, check = {0};
  vl_buf_append(&module, "", 0);
  unsigned number = 0;
  uint32_t rows = 0;
  const char *problem = NULL;
  for (const cJSON *cell = cells->child; cell && !problem; cell = cell->next) {
    number++;
    if (!more) {
      problem = "cannot locate cell %ld in the JSON text";
      break;
    }
    size_t at = w.i;
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(cell, "cell_type");
    if (!cJSON_IsObject(cell) || !cJSON_IsString(type)) {
      problem = "cell %ld has no `cell_type`";
    } else if (strcmp(type->valuestring, "code") == 0) {
      Cell c = {.number = number, .start = module.len, .row = rows};
      check.len = 0;
      if (!cjson_source(cell, &check)) {
        problem = "cell %ld: `source` is not text";
      } else if (!member(&w, "source")) {
        problem = "cannot locate the source of cell %ld in the JSON text";
      } else {
        source_tokens(&w, &c);
        if (!decode_pieces(nb, &c) || c.len != check.len || memcmp(c.text, check.data, c.len) != 0)
          problem = "cannot locate the source of cell %ld in the JSON text";
      }
      rows += append_cell(&module, c.text ? c.text : "", c.len);
      VL_VEC_PUSH(&code, c);
    }
    w.i = at;
    skip_value(&w);
    more = array_next(&w);
  }
  vl_buf_free(&check);
  nb->cells = code.items;
  nb->ncells = code.len;
  nb->source = module.data;
  nb->source_len = module.len;
  if (problem) return fail(nb, root, err, errlen, problem, (long)number);
  cJSON_Delete(root);
  return nb;
}

void vl_notebook_annotate(const VlNotebook *self, VlReport *report) {
  uint32_t *rows = vl_xcalloc(self->ncells + 1, sizeof(uint32_t));
  unsigned *numbers = vl_xcalloc(self->ncells + 1, sizeof(unsigned));
  for (size_t k = 0; k < self->ncells; k++) {
    rows[k] = self->cells[k].row;
    numbers[k] = self->cells[k].number;
  }
  vl_report_set_cells(report, self->ncells, rows, numbers);
  free(rows);
  free(numbers);
}

/* ---- putting fixes back ---- */

/* One change of a cell: bytes [from, to) of its text become `with` (with_len bytes). */
typedef struct Splice {
  size_t from, to;
  const char *with;
  size_t with_len;
} Splice;

/* The changes between the cell's masked text `old` and the fixed text `now` of the same rows, line
 * by line (each changed line: its differing middle).  False when the rows do not line up, or a
 * changed line holds masked IPython syntax (it differs from the line as written, `orig`). */
static bool line_splices(const char *old, size_t old_len, const char *orig, const char *now, size_t now_len,
                         Splice **out, size_t *n) {
  VL_VEC(Splice) list = {0};
  const char *p = old, *q = now, *pend = old + old_len, *qend = now + now_len;
  while (p < pend && q < qend) {
    const char *pn, *qn;
    const char *pe = line_end(p, pend, &pn), *qe = line_end(q, qend, &qn);
    size_t a = (size_t)(pe - p), b = (size_t)(qe - q);
    if (a != b || memcmp(p, q, a) != 0) {
      if (memcmp(p, orig + (p - old), a) != 0) break;
      size_t pre = 0, suf = 0;
      while (pre < a && pre < b && p[pre] == q[pre]) pre++;
      while (suf < a - pre && suf < b - pre && p[a - 1 - suf] == q[b - 1 - suf]) suf++;
      Splice s = {(size_t)(p - old) + pre, (size_t)(p - old) + a - suf, q + pre, b - pre - suf};
      VL_VEC_PUSH(&list, s);
    }
    if ((size_t)(pn - pe) != (size_t)(qn - qe) || memcmp(pe, qe, (size_t)(pn - pe)) != 0) break; /* breaks differ */
    p = pn;
    q = qn;
  }
  *out = list.items;
  *n = list.len;
  return p == pend && q == qend;
}

/* Appends `s` (n bytes) escaped as cJSON escapes a JSON string's content (without the quotes). */
static bool append_escaped(VlBuf *b, const char *s, size_t n) {
  char *copy = vl_xstrndup(s, n);
  cJSON *str = cJSON_CreateString(copy);
  char *tok = str ? cJSON_PrintUnformatted(str) : NULL;
  free(copy);
  cJSON_Delete(str);
  if (!tok) return false;
  vl_buf_append(b, tok + 1, strlen(tok) - 2);
  cJSON_free(tok);
  return true;
}

/* The offset in string token `tok` (quotes included) of the byte that decodes to offset `at` of its
 * value, or -1 when `at` falls inside what one escape spells.  Escapes: \uXXXX decodes to the UTF-8
 * of its code point (a surrogate pair, two escapes, to 4 bytes), the others to one byte. */
static long raw_offset(const char *tok, size_t len, size_t at) {
  size_t i = 1, decoded = 0; /* after the opening quote */
  while (decoded < at && i + 1 < len) {
    if (tok[i] != '\\') {
      i++, decoded++;
      continue;
    }
    if (tok[i + 1] != 'u') {
      i += 2, decoded++;
      continue;
    }
    unsigned long cp = i + 6 <= len ? strtoul((char[5]){tok[i + 2], tok[i + 3], tok[i + 4], tok[i + 5], 0}, NULL, 16) : 0;
    bool pair = cp >= 0xD800 && cp <= 0xDBFF && i + 12 <= len && tok[i + 6] == '\\' && tok[i + 7] == 'u';
    i += pair ? 12 : 6;
    decoded += pair ? 4 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
  }
  return decoded == at ? (long)i : -1;
}

char *vl_notebook_apply(const VlNotebook *self, const char *fixed, size_t len, size_t *out_len, char *err,
                        size_t errlen) {
  VlBuf out = {0};
  vl_buf_append(&out, "", 0);
  size_t copied = 0; /* JSON bytes written so far */
  size_t fixed_at = 0; /* where the cell starts in `fixed` */
  bool ok = true;
  for (size_t k = 0; k < self->ncells && ok; k++) {
    const Cell *c = &self->cells[k];
    size_t old_end = k + 1 < self->ncells ? self->cells[k + 1].start : self->source_len;
    /* the cell's rows in `fixed`: as many line breaks as it had */
    uint32_t rows = count_rows(self->source + c->start, old_end - c->start);
    size_t e = fixed_at;
    for (uint32_t r = 0; r < rows && e <= len; r++) {
      const char *next;
      line_end(fixed + e, fixed + len, &next);
      e = (size_t)(next - fixed);
    }
    /* the cell's own bytes: without the break the module added after it */
    size_t own = old_end - c->start, now = e - fixed_at;
    if (own > c->len) now -= own - c->len;
    Splice *sp;
    size_t ns;
    ok = line_splices(self->source + c->start, c->len, c->text, fixed + fixed_at, now, &sp, &ns);
    /* each splice goes into the string token of the piece that holds it, at the bytes that spell
     * its place: the rest of the token keeps its escapes */
    for (size_t p = 0, s = 0; ok && p < c->npieces; p++) {
      size_t from = c->piece_at[p], to = c->piece_at[p + 1];
      bool last = p + 1 == c->npieces;
      for (; ok && s < ns && (sp[s].to < to || (sp[s].to == to && (sp[s].from < to || last))); s++) {
        const char *tok = self->json + c->tok_start[p];
        size_t toklen = c->tok_end[p] - c->tok_start[p];
        long a = sp[s].from >= from ? raw_offset(tok, toklen, sp[s].from - from) : -1;
        long b = a >= 0 ? raw_offset(tok, toklen, sp[s].to - from) : -1;
        ok = b >= 0 && c->tok_start[p] + (size_t)a >= copied;
        if (!ok) break;
        vl_buf_append(&out, self->json + copied, c->tok_start[p] + (size_t)a - copied);
        ok = append_escaped(&out, sp[s].with, sp[s].with_len);
        copied = c->tok_start[p] + (size_t)b;
      }
    }
    free(sp);
    fixed_at = e;
  }
  if (ok && fixed_at != len) ok = false;
  if (!ok) {
    snprintf(err, errlen, "a fix does not fit in the notebook's cells; not fixed");
    vl_buf_free(&out);
    return NULL;
  }
  vl_buf_append(&out, self->json + copied, self->json_len - copied);
  *out_len = out.len;
  return out.data;
}

void vl_notebook_diff(const VlNotebook *self, const char *path, const char *fixed_json, size_t fixed_len, VlBuf *out) {
  char err[256];
  VlNotebook *after = vl_notebook_parse(fixed_json, fixed_len, err, sizeof err);
  if (!after) return;
  for (size_t k = 0; k < self->ncells && k < after->ncells; k++) {
    const Cell *a = &self->cells[k], *b = &after->cells[k];
    if (a->len == b->len && memcmp(a->text, b->text, a->len) == 0) continue;
    VlBuf name = {0};
    vl_buf_printf(&name, "%s:cell %u", path, a->number);
    vl_fix_diff(name.data, a->text, a->len, b->text, b->len, out);
    vl_buf_free(&name);
  }
  vl_notebook_delete(after);
}
