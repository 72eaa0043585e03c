"""Scene-text detection over the pages of a scanned document, after EAST's
locality-aware NMS (argman/EAST `locality_aware_nms.py` and its many copies,
and the `lanms` package mmocr uses): the geometry map of each page is decoded
into an `(n, 9)` array of candidate quadrilaterals (8 coordinates and a score)
in row order, and neighbouring candidates are merged in one pass: a candidate
that overlaps the running quad is folded into it by `weighted_merge`, which
writes the score-weighted average into the candidate's own row and hands that
row back, and one that does not starts a new quad.  EAST then runs a standard
NMS over `np.array(S)` (a copy); this reader skips it and keeps the merged
quads of every page for the layout step.  Every quad is a row of the page's
candidate array, so each page keeps all its candidates alive."""
import numpy as np


LAYOUT = {"lines_per_page": 16, "candidates_per_line": 120, "merge_iou": 0.3}


def quad_box(q):
    xs = q[0:8:2]
    ys = q[1:8:2]
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def quad_iou(g, p):
    gx1, gy1, gx2, gy2 = quad_box(g)
    px1, py1, px2, py2 = quad_box(p)
    iw = min(gx2, px2) - max(gx1, px1)
    ih = min(gy2, py2) - max(gy1, py1)
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    union = (gx2 - gx1) * (gy2 - gy1) + (px2 - px1) * (py2 - py1) - inter
    return inter / union if union > 0 else 0.0


def weighted_merge(g, p):
    g[:8] = (g[8] * g[:8] + p[8] * p[:8]) / (g[8] + p[8])
    g[8] = g[8] + p[8]
    return g


def nms_locality(polys, thres):
    merged = []
    p = None
    for g in polys:
        if p is not None and quad_iou(g, p) > thres:
            p = weighted_merge(g, p)
        else:
            if p is not None:
                merged.append(p)
            p = g
    if p is not None:
        merged.append(p)
    return merged


class GeometryDecoder:
    """Stands in for the score/geometry heads: candidates of each text line
    come out next to each other, as a row-major scan of the score map gives."""

    def __init__(self, lines, per_line, seed=0):
        self.lines = lines
        self.per_line = per_line
        self.rng = np.random.default_rng(seed)

    def decode(self, page_no):
        n = self.lines * self.per_line
        polys = np.empty((n, 9))
        for line in range(self.lines):
            x0 = 40.0 + 10 * (page_no % 5)
            y0 = 60.0 + 48.0 * line
            w = self.rng.uniform(300, 700)
            base = np.array([x0, y0, x0 + w, y0, x0 + w, y0 + 30, x0, y0 + 30])
            rows = slice(line * self.per_line, (line + 1) * self.per_line)
            polys[rows, :8] = base + self.rng.normal(0, 2.0, (self.per_line, 8))
            polys[rows, 8] = self.rng.uniform(0.8, 1.0, self.per_line)
        return polys


def read_document(n_pages, config=LAYOUT):
    decoder = GeometryDecoder(config["lines_per_page"], config["candidates_per_line"])
    layout = []
    for page_no in range(n_pages):
        polys = decoder.decode(page_no)
        quads = nms_locality(polys, config["merge_iou"])
        layout.extend(quads)  # expect: VL002
    return layout


def scenario():
    return read_document(60)
