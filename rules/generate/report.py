"""report.py: the counts by class of the generated tables, the overlay rows with their reasons, what
pandas and scipy.sparse conversions do (measured here), and, given --baseline DIR, the comparison with
earlier tables (rows dropped or changed, and why).  Called by probe_tables.py --report FILE."""
import os

# Why a probed row differs from the hand-written one (the probe is right, or the row is better).
NOTES = {
    ("numpy", "function", "ascontiguousarray"): "np.ascontiguousarray of a 0-d array is 1-D (measured; documented); min1 is 'same' for every other ndim",
    ("numpy", "function", "asfortranarray"): "as ascontiguousarray: 0-d gives 1-D (measured)",
    ("numpy", "function", "atleast_1d"): "min1 measured (0-d gives 1-D, others keep theirs): more precise than '-'",
    ("numpy", "function", "sort"): "np.sort raises on a 0-d array (measured), so 'same' and 'min1' agree on every accepted input",
    ("numpy", "function", "unique"): "measured: 1-D without axis, the operand's ndim with axis=0; axis is positional parameter 4 (signature)",
    ("numpy", "method", "cumsum"): "measured: 1-D without axis, the operand's ndim with axis=0 (a.cumsum(0) == a.cumsum(axis=0))",
    ("numpy", "method", "repeat"): "measured: a.repeat(2) is 1-D, a.repeat(2, axis=0) keeps the ndim; axis is positional 1",
    ("numpy", "function", "meshgrid"): "returns a list of new arrays (measured), not one array; meshgrid(..., copy=False) returns views of the (1-D) inputs, which this row does not model",
    ("numpy", "function", "frombuffer"): "np.frombuffer shares the buffer it reads (measured np.shares_memory with an array operand); of bytes, a view of a non-array operand is unknown to the engine (silent) instead of a new array",
    ("numpy", "function", "random.choice"): "tag ints: choice(n, size) draws integers (measured); choice(array, size) draws the array's elements",
    ("numpy", "rng-method", "choice"): "tag ints: choice(n, size) draws integers (measured); choice(array, size) draws the array's elements",
    ("numpy", "function", "random.sample"): "an alias of random_sample: a float without size=, a new array of that shape with it (measured)",
    ("torch", "function", "unbind"): "unbind removes the dimension: every piece has ndim - 1 (measured), so the old 'same' was wrong",
    ("torch", "method", "unbind"): "as torch.unbind: pieces have ndim - 1 (measured)",
    ("torch", "function", "sort"): "a (values, indices) tuple of new tensors (measured): the new effect copies",
    ("torch", "function", "topk"): "a (values, indices) tuple of new tensors (measured): copies",
    ("torch", "method", "topk"): "a (values, indices) tuple of new tensors (measured): copies",
    ("torch", "function", "multinomial"): "random draws (two identical calls differ): a producer; same ndim as the probabilities (measured on 1-D and 2-D)",
}


def load(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            c += [""] * (6 - len(c))
            if not c[4]:
                c[4] = "-"
            rows.setdefault((c[0], c[1]), tuple(c[2:6]))
    return rows


def category(effect, kind):
    if kind == "class":
        return "class"
    if "?" in effect:
        return "conditional"
    return {"view": "view", "copy": "copy", "copies": "copies", "producer": "producer", "convert": "producer",
            "contig": "contig/ravel", "fcontig": "contig/ravel", "ravel": "contig/ravel", "reshape": "contig/ravel",
            "views": "views", "index": "index", "int": "scalar/int", "scalar": "scalar/int", "none": "none",
            "rng": "rng"}.get(effect, effect)


CATS = ["view", "contig/ravel", "views", "copy", "copies", "index", "producer", "rng", "scalar/int", "none",
        "conditional", "class"]


def note(lib, key, old, new):
    n = NOTES.get((lib,) + key)
    if n:
        return n
    o_tags, n_tags = set(filter(None, old[3].split(","))), set(filter(None, new[3].split(",")))
    if old[:3] == new[:3] and n_tags > o_tags:
        added = n_tags - o_tags
        why = []
        if "layout" in added:
            why.append("layout: the view keeps the operand's C/F-contiguity on the C-contiguous, strided and F-contiguous probes (measured)")
        if "ints" in added:
            why.append("ints: an integer result for a float operand (measured)")
        return "; ".join(why)
    if old[0] == new[0] and old[1] in ("-",) and new[1].startswith("min"):
        return "%s measured (a %s-D result for a lower-ndim operand, the operand's ndim otherwise): more precise than '-'" % (new[1], new[1][3:])
    if "?copies:" in new[0] and "?copy:" in old[0]:
        return "with dim a (values, indices) tuple of new tensors (measured): the new effect copies"
    if old[0].endswith("copy:int") and new[0] == old[0] and "ints" in new[3]:
        return "ints: with axis the result holds integer indices (measured)"
    if old[0] == "producer" and new[0].startswith("size?producer:"):
        return "without size= a scalar (measured: a Python float / int), with it a new array of that shape"
    if old[0] == new[0] == "view" and old[1] == "-" and new[1] == "-":
        return "tags only: see above"
    return "measured by the probe (see its --log)"


def pandas_scipy():
    """What pandas and scipy.sparse conversions share, measured; rows proposed for kind any-method."""
    import warnings
    warnings.simplefilter("ignore")
    import numpy as np
    out = []
    try:
        import pandas as pd
    except ImportError:
        return ["pandas is not importable: not measured."], []
    out.append("pandas %s (NumPy %s). A frame's memory is its blocks (one 2-D array per dtype); `shares` is"
               " np.shares_memory of the result with the frame's block (or the Series' array)." % (pd.__version__, np.__version__))
    out.append("")
    out.append("| receiver | call | result type | shares with the block |")
    out.append("|---|---|---|---|")
    frames = {
        "DataFrame, one dtype (float64 3x4)": pd.DataFrame(np.arange(12.0).reshape(3, 4)),
        "DataFrame, mixed dtypes (float64 + int64)": pd.DataFrame({"a": np.arange(3.0), "b": np.arange(3)}),
    }
    for label, df in frames.items():
        blocks = [b.values for b in df._mgr.blocks]  # private: only to know where the data lives
        calls = [("to_numpy()", lambda d: d.to_numpy()), (".values", lambda d: d.values),
                 ("iloc[0] (row)", lambda d: d.iloc[0]), ("iloc[0].values", lambda d: d.iloc[0].values),
                 ("drop(columns=first)", lambda d: d.drop(columns=d.columns[0])), ("copy()", lambda d: d.copy())]
        for name, fn in calls:
            r = fn(df)
            arr = r if isinstance(r, np.ndarray) else (r._mgr.blocks[0].values if hasattr(r, "_mgr") and hasattr(r._mgr, "blocks") and r._mgr.blocks else getattr(r, "values", None))
            sh = any(np.shares_memory(np.asarray(arr), b) for b in blocks) if arr is not None else False
            out.append("| %s | %s | %s | %s |" % (label, name, type(r).__name__, "yes" if sh else "no"))
    s = pd.Series(np.arange(6.0))
    base = s.values
    for name, fn in [("to_numpy()", lambda x: x.to_numpy()), (".values", lambda x: x.values),
                     ("drop(0)", lambda x: x.drop(0).values), ("copy()", lambda x: x.copy().values)]:
        r = fn(s)
        out.append("| Series float64 | %s | %s | %s |" % (name, type(r).__name__, "yes" if np.shares_memory(r, base) else "no"))
    out.append("")
    try:
        import scipy
        import scipy.sparse as sp
    except ImportError:
        out.append("scipy is not importable: not measured.")
        return out, []
    out.append("scipy %s, sparse matrices of a 3x4 float64 array (`shares`: with the matrix's data array):" % scipy.__version__)
    out.append("")
    out.append("| format | call | result type | shares with .data | repeated calls give the same object |")
    out.append("|---|---|---|---|---|")
    dense = np.arange(12.0).reshape(3, 4)
    proposals = {"toarray": True, "todense": True}
    for fmt in ("csr", "csc", "coo", "lil", "dok"):
        m = getattr(sp, fmt + "_matrix")(dense)
        data = getattr(m, "data", None)
        for name, fn in [("toarray()", lambda x: x.toarray()), ("todense()", lambda x: x.todense()), (".A", lambda x: x.A)]:
            r1, r2 = fn(m), fn(m)
            sh = isinstance(data, np.ndarray) and data.dtype != object and np.shares_memory(np.asarray(r1), data)
            out.append("| %s | %s | %s | %s | %s |" % (fmt, name, type(r1).__name__, "yes" if sh else "no",
                                                     "yes" if r1 is r2 else "no"))
            key = name.split("(")[0].lstrip(".")
            if key in proposals and (sh or not isinstance(r1, np.ndarray)):
                proposals[key] = False
    rows = []
    if proposals["toarray"]:
        rows.append("any-method\ttoarray\tproducer\t2")
    if proposals["todense"]:
        rows.append("any-method\ttodense\tproducer\t2")
    return out, rows


def write(path, results, baseline):
    lines = ["# Generated library tables", "",
             "Written by `rules/generate/probe_tables.py --report` (do not edit by hand)." +
             (" Compared with the tables in `%s`." % baseline if baseline else ""), ""]
    for lib_name, (lib, probed, overlay, final, ntargets) in results.items():
        ver = lib.version()
        lines.append("## %s %s" % (lib_name, ver))
        lines.append("")
        lines.append("%d callables and attributes probed, %d classified (the rest could not be called with the probe's"
                     " templates, or gave something outside the vocabulary: left out, which the analyzer treats as"
                     " unknown), %d overlay rows; %d rows in the table." % (ntargets, len(probed), len(overlay), len(final)))
        lines.append("")
        counts = {}
        for r in final:
            counts.setdefault(category(r.effect, r.kind), [0, 0])
            counts[category(r.effect, r.kind)][0 if r.key() not in {o.key() for o, _ in overlay} else 1] += 1
        lines.append("| class | probed | overlay | total |")
        lines.append("|---|---|---|---|")
        for c in CATS:
            if c in counts:
                p, o = counts[c]
                lines.append("| %s | %d | %d | %d |" % (c, p, o, p + o))
        lines.append("| **all** | %d | %d | %d |" % (sum(v[0] for v in counts.values()), sum(v[1] for v in counts.values()), len(final)))
        lines.append("")
        old = load(os.path.join(baseline, lib_name + ".tsv")) if baseline else {}
        new = {}
        for r in final:
            new.setdefault(r.key(), (r.effect, r.ndim, r.params, r.tags))
        ov = {o.key(): reason for o, reason in overlay}
        dropped = [k for k in old if k not in new]
        changed = [k for k in old if k in new and old[k] != new[k]]
        kept_by_overlay = [k for k in old if k in new and old[k] == new[k] and k in ov]
        same = [k for k in old if k in new and old[k] == new[k] and k not in ov]
        if baseline:
            lines.append("Earlier rows: %d. Same row probed: %d. Same row from the overlay: %d. Changed: %d. Dropped: %d."
                         % (len(old), len(same), len(kept_by_overlay), len(changed), len(dropped)))
            lines.append("")
        if dropped:
            lines.append("Dropped rows:")
            lines.append("")
            for k in dropped:
                lines.append("- `%s %s %s`" % (k + old[k][:1]))
            lines.append("")
        if changed:
            lines.append("### Rows changed (old -> new) and why")
            lines.append("")
            lines.append("| kind | name | old | new | source | why |")
            lines.append("|---|---|---|---|---|---|")
            for k in changed:
                fmt = lambda t: " ".join(x for x in t if x and x != "-") or "-"  # noqa: E731
                src = "overlay" if k in ov else "probe"
                why = ov[k] if k in ov else note(lib_name, k, old[k], new[k])
                lines.append("| %s | %s | `%s` | `%s` | %s | %s |" % (k[0], k[1], "\t".join(old[k]).strip().replace("\t", " "),
                                                                     "\t".join(new[k]).strip().replace("\t", " "), src, why))
            lines.append("")
        lines.append("### Overlay rows (hand-written) and their reasons")
        lines.append("")
        lines.append("| row | reason |")
        lines.append("|---|---|")
        for o, reason in overlay:
            lines.append("| `%s` | %s |" % (" ".join(o.cols()), reason))
        lines.append("")
    lines.append("## pandas and scipy.sparse (measured for the record)")
    lines.append("")
    text, rows = pandas_scipy()
    lines.extend(text)
    lines.append("")
    lines.append("Decidable for a receiver of unknown type: `toarray()` and `todense()` return a new array (never sharing"
                 " the sparse matrix's data, a new object per call, for every sparse format): the overlay's `any-method`"
                 " rows say so:")
    lines.append("")
    lines.append("```")
    lines.extend(rows)
    lines.append("```")
    lines.append("")
    lines.append("`to_numpy()` / `.values` are not decidable by name: a view of the frame's block for a one-dtype frame,"
                 " a new array for a mixed one (table above); `.A` is an attribute (a new array each access), which"
                 " `any-method` does not cover.")
    lines.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
