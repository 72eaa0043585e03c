/* notebook.h: Jupyter notebooks (.ipynb, nbformat 4) as Python modules.
 *
 * A notebook's code cells, in cell order, become one module: each cell's source followed by a line
 * break when it has none, so an import in cell 1 counts in cell 5.  IPython syntax is masked without
 * moving anything: a cell magic (`%%name` on the cell's first line) blanks the whole cell; a line
 * magic (`%name`), a shell escape (`!cmd`), help (`?name`, `name?`, `name??`) and the right-hand side
 * of `x = %magic` / `x = !cmd` become `0` padded with spaces to the same length, only where a
 * statement starts (not inside brackets, strings or after a backslash).  Every line keeps its
 * length, so a position in the module is the same row offset and column in its cell.  Markdown and
 * raw cells, outputs and metadata are not read into the module.
 *
 * The JSON is validated and decoded with cJSON; the byte spans of each code cell's "source" string
 * tokens are located in the original text, so a fix rewrites those tokens only (each re-encoded by
 * cJSON) and leaves every other byte of the file as it was.
 *
 * A VlNotebook owns its copy of the JSON and everything derived from it; immutable after
 * vl_notebook_parse, so it may be read from several threads.  No printing. */
#ifndef VL_DRIVER_NOTEBOOK_H
#define VL_DRIVER_NOTEBOOK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "viewleak/viewleak.h"

typedef struct VlNotebook VlNotebook;

/* Does `path` name a notebook (ends in .ipynb)? */
bool vl_notebook_is_path(const char *path);

/* Reads `json` (len bytes, copied) as an nbformat 4 notebook.  NULL with a one-line reason in err
 * ("not valid JSON at line 3", "nbformat 3 is not supported; ...") when it is not one. */
VlNotebook *vl_notebook_parse(const char *json, size_t len, char *err, size_t errlen);
void vl_notebook_delete(VlNotebook *self);

/* The module: the code cells' sources, masked and joined (owned by the notebook, NUL-terminated). */
const char *vl_notebook_source(const VlNotebook *self, size_t *len);

/* Number of code cells; code cell k's number among all the notebook's cells (1-based, as the
 * notebook shows them) and its first row in the module. */
size_t vl_notebook_code_cells(const VlNotebook *self);
unsigned vl_notebook_cell_number(const VlNotebook *self, size_t k);
uint32_t vl_notebook_cell_row(const VlNotebook *self, size_t k);

/* The module of code cells given as texts (cells[k], lens[k] bytes), joined and masked as above;
 * first_rows[k] receives cell k's first row in it (an array of n).  For cells that come from an
 * editor (the LSP server's notebook documents).  Caller frees. */
char *vl_notebook_join(const char *const *cells, const size_t *lens, size_t n, uint32_t *first_rows, size_t *len);

/* Tells `report` (a report of the module text) which rows belong to which cell, so that formats
 * print positions per cell (vl_report_cell). */
void vl_notebook_annotate(const VlNotebook *self, VlReport *report);

/* The notebook's JSON after the module text became `fixed` (fixes insert text within lines; the
 * module keeps its rows): only the source string tokens of changed lines differ from the original.
 * Returns a heap buffer (caller frees) or NULL with the reason in err when a change cannot be put
 * back into the cells (it moves lines or touches masked IPython syntax). */
char *vl_notebook_apply(const VlNotebook *self, const char *fixed, size_t len, size_t *out_len, char *err,
                        size_t errlen);

/* Appends a unified diff per changed cell (headers a/PATH:cell N, b/PATH:cell N, as Ruff prints
 * them) between the notebook and its JSON after a fix (from vl_notebook_apply). */
void vl_notebook_diff(const VlNotebook *self, const char *path, const char *fixed_json, size_t fixed_len, VlBuf *out);

#endif
