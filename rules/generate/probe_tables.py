#!/usr/bin/python3
"""probe_tables.py: generate rules/numpy.tsv and rules/torch.tsv by calling the libraries.

    /usr/bin/python3 rules/generate/probe_tables.py [--out DIR] [--report FILE]

Every public callable of the probed namespaces is called on small probe arrays (a C-contiguous 2-D
array, a strided column view, an F-contiguous copy, 1-D, 3-D and 0-d arrays; integer, bool, complex,
square and structured ones when the float ones do not fit) with a list of argument templates; the
first template that works decides.  What is measured: whether the result is the operand itself or
shares memory with it, its type, its ndim against the operand's, its dtype.  That is classified into
the effect vocabulary of the tables (see the header of rules/numpy.tsv); what cannot be decided by
probing is written by hand in rules/overlay/<library>.tsv, whose rows replace or add to the probed
ones.  The output is deterministic: same libraries, byte-identical tables.  See README.md here.
"""
import argparse
import contextlib
import inspect
import io
import os
import pickle
import re
import signal
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.dirname(HERE)

# ---------------------------------------------------------------------------------------------------
# names never called: side effects outside the process, global settings, printing, interactive help
NUMPY_SKIP = {
    "save", "savez", "savez_compressed", "savetxt", "load", "loadtxt", "genfromtxt", "fromfile",
    "fromregex", "memmap", "tofile", "dump", "dumps", "info", "source", "lookfor", "who",
    "show_config", "show_runtime", "test", "disp", "deprecate", "deprecate_with_doc", "get_include",
    "add_newdoc", "add_docstring", "add_newdoc_ufunc", "safe_eval", "seterr", "seterrcall",
    "setbufsize", "set_printoptions", "set_string_function", "printoptions", "errstate",
    "set_state", "get_state", "byte_bounds", "getbufsize", "geterr", "geterrcall",
    "get_printoptions", "setflags", "format_parser", "DataSource",
}
TORCH_SKIP = {
    "save", "load", "from_file", "load_library", "compile", "use_deterministic_algorithms",
    "initial_seed", "get_rng_state", "import_ir_module",
    "import_ir_module_from_buffer", "share_memory_", "pin_memory", "record_stream", "backward",
    "register_hook", "cuda", "storage", "untyped_storage", "_make_subclass", "apply_", "map_",
    "map2_", "get_file_path", "prepare_multiprocessing_environment", "typename", "wait", "fork",
    "vmap", "autocast", "no_grad", "enable_grad", "inference_mode", "set_grad_enabled",
    "is_grad_enabled", "is_inference_mode_enabled", "init_num_threads", "get_num_threads",
    "get_num_interop_threads", "dump", "chain_matmul", "lobpcg", "pca_lowrank", "svd_lowrank",
    "quantize_per_tensor_dynamic", "classproperty", "vitals_enabled", "read_vitals",
}
TORCH_SKIP_PREFIX = ("set_", "is_", "get_", "compiled_with", "has_", "_")


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, _alarm)
MAX_BYTES = 1 << 24  # a result larger than this is a runaway: not measured


def guarded(fn, limit=2.0):
    """fn() with warnings and prints swallowed and a time limit; (ok, result).

    A call that runs out of time is tried once more with a long limit: the first call of a
    function can import and initialise a part of its library, which on a loaded machine (CI on
    two cores) took longer than 2 s and made the tables differ from run to run."""
    sink = io.StringIO()
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            warnings.simplefilter("ignore")
            return True, fn()
    except Timeout:
        signal.setitimer(signal.ITIMER_REAL, 0)
        if limit < 30.0:
            return guarded(fn, 30.0)
        return False, None
    except BaseException as e:  # noqa: B902 - anything a library raises is a failed probe
        if isinstance(e, KeyboardInterrupt):
            raise
        return False, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


# ---------------------------------------------------------------------------------------------------
class Obs:
    """What one call returned, measured against its operand (the first array argument)."""

    def __init__(self, kind, share=False, other=False, ndim=None, in_ndim=None, ints=False,
                 size=0, in_size=0, layout=None, in_layout=None, elems=None, value=None, default=False,
                 fields=None):
        self.kind = kind          # same array int scalar none seq rng other empty
        self.share = share        # shares memory with the operand
        self.other = other        # shares memory with another array argument
        self.ndim, self.in_ndim = ndim, in_ndim
        self.ints = ints          # integer dtype
        self.size, self.in_size = size, in_size
        self.layout, self.in_layout = layout, in_layout
        self.elems = elems or []
        self.value = value        # the result as a NumPy array (copy/producer decisions)
        self.default = default    # the library's default dtype (float64 / float32): tag default-dtype
        self.fields = fields      # a named tuple's field names (torch.return_types: values, indices)


class NumpyLib:
    name = "numpy"
    axis = "axis"

    def __init__(self):
        import numpy as np
        self.np = np
        np.seterr(all="ignore")

    def version(self):
        return self.np.__version__

    def base(self, family):
        np = self.np
        x = np.arange(12, dtype=np.float64).reshape(3, 4) + 0.5
        if family == "f":
            return x
        if family == "sq":
            return np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.25], [0.5, 0.25, 2.0]])
        if family == "i":
            return np.arange(12, dtype=np.int64).reshape(3, 4) + 1
        if family == "b":
            return (np.arange(12).reshape(3, 4) % 3) == 0
        if family == "c":
            return x + 1j * (x + 1)
        if family == "r":
            r = np.zeros((3, 4), dtype=[("a", "f8"), ("b", "f8"), ("c", "i8")])
            r["a"], r["b"], r["c"] = x, x + 1, np.arange(12).reshape(3, 4)
            return r
        raise ValueError(family)

    def variant(self, family, v):
        """A fresh probe array: c2 s2 f2 v1 d3 z0, or value variants c2b c2n."""
        np = self.np
        x = self.base(family)
        if v == "c2":
            return x.copy()
        if v == "s2":
            big = np.empty((x.shape[0], 2 * x.shape[1]), dtype=x.dtype)
            big[:, :x.shape[1]] = x
            big[:, x.shape[1]:] = x
            return big[:, :x.shape[1]]
        if v == "f2":
            return np.asfortranarray(x)
        if v == "v1":
            return x[0].copy()
        if v == "d3":
            return np.stack([x, x]).copy()
        if v == "z0":
            return x[0, 0].copy().reshape(())
        if v == "u3":
            return x[:, None, :].copy()
        if v == "c2b":
            return (-3 * x - 7) if family in ("f", "i", "c", "sq") else None
        if v == "c2n":
            if family not in ("f", "sq", "c"):
                return None
            y = x.copy()
            y.flat[0], y.flat[1], y.flat[2], y.flat[3] = 0, np.nan, np.inf, -5
            return y
        raise ValueError(v)

    def index(self):
        return [0, 1]

    def is_array(self, r):
        return isinstance(r, self.np.ndarray)

    def is_rng(self, r):
        return isinstance(r, (self.np.random.Generator, self.np.random.RandomState))

    def shares(self, r, a):
        return self.np.shares_memory(r, a)

    def layout(self, a):
        return (bool(a.flags.c_contiguous), bool(a.flags.f_contiguous))

    def scalar_kind(self, r):
        np = self.np
        if isinstance(r, bool) or isinstance(r, np.bool_):
            return "scalar"
        if isinstance(r, (int, np.integer)):
            return "int"
        if isinstance(r, (float, complex, np.generic)):
            return "scalar"
        return None

    def nbytes(self, r):
        return r.nbytes

    def to_numpy(self, r):
        return r

    def int_dtype(self, r):
        return r.dtype.kind in "iu"

    def default_dtype(self, r):
        return r.dtype == self.np.float64

    def transposed(self, a):
        return a.T


class TorchLib:
    name = "torch"
    axis = "dim"

    def __init__(self):
        import numpy as np
        import torch
        self.np, self.torch = np, torch

    def version(self):
        return self.torch.__version__

    def base(self, family):
        torch = self.torch
        return torch.from_numpy(NumpyLib.base(self, family).copy()).to(
            {"f": torch.float32, "sq": torch.float32, "i": torch.int64, "b": torch.bool,
             "c": torch.complex64}[family]) if family != "r" else None

    def variant(self, family, v):
        torch = self.torch
        x = self.base(family)
        if x is None:
            return None
        if v == "c2":
            return x.clone()
        if v == "s2":
            big = torch.empty((x.shape[0], 2 * x.shape[1]), dtype=x.dtype)
            big[:, :x.shape[1]] = x
            big[:, x.shape[1]:] = x
            return big[:, :x.shape[1]]
        if v == "f2":
            return x.t().contiguous().t()
        if v == "v1":
            return x[0].clone()
        if v == "d3":
            return torch.stack([x, x]).clone()
        if v == "z0":
            return x[0, 0].clone()
        if v == "u3":
            return x[:, None, :].clone()
        if v == "c2b":
            return (-3 * x - 7) if family in ("f", "i", "c", "sq") else None
        if v == "c2n":
            if family not in ("f", "sq", "c"):
                return None
            y = x.clone().reshape(-1)
            y[0], y[1], y[2], y[3] = 0, float("nan"), float("inf"), -5
            return y.reshape(x.shape)
        raise ValueError(v)

    def index(self):
        return self.torch.tensor([0, 1])

    def is_array(self, r):
        return isinstance(r, (self.torch.Tensor, self.np.ndarray))

    def is_rng(self, r):
        return isinstance(r, self.torch.Generator)

    def bounds(self, t):
        if isinstance(t, self.np.ndarray):
            lo, hi = self.np.byte_bounds(t)
            return lo, hi
        s = t.storage()
        return s.data_ptr(), s.data_ptr() + s.nbytes()

    def shares(self, r, a):
        (lo1, hi1), (lo2, hi2) = self.bounds(r), self.bounds(a)
        return lo1 != 0 and lo2 != 0 and lo1 < hi2 and lo2 < hi1

    def layout(self, a):
        if isinstance(a, self.np.ndarray):
            return (bool(a.flags.c_contiguous), bool(a.flags.f_contiguous))
        return (a.is_contiguous(), a.dim() >= 2 and a.mT.is_contiguous() or a.dim() < 2)

    def scalar_kind(self, r):
        if isinstance(r, bool):
            return "scalar"
        if isinstance(r, int):
            return "int"
        if isinstance(r, (float, complex)):
            return "scalar"
        return None

    def nbytes(self, r):
        return r.nbytes if isinstance(r, self.np.ndarray) else r.numel() * r.element_size()

    def to_numpy(self, r):
        if isinstance(r, self.np.ndarray):
            return r
        return r.detach().resolve_conj().resolve_neg().cpu().numpy()

    def int_dtype(self, r):
        if isinstance(r, self.np.ndarray):
            return r.dtype.kind in "iu"
        return not r.dtype.is_floating_point and not r.dtype.is_complex and r.dtype != self.torch.bool

    def default_dtype(self, r):
        return not isinstance(r, self.np.ndarray) and r.dtype == self.torch.float32

    def transposed(self, a):
        return a.mT if a.dim() >= 2 else a


class TorchvisionLib(TorchLib):
    """torchvision.ops: its functions take boxes (N, 4), scores (N,) and masks, which the generic
    probes do not build, so every row is in the overlay (measured by hand, with its reason); this
    class only records the version the rows were checked against."""
    name = "torchvision"

    def __init__(self):
        super().__init__()
        import torchvision
        self.torchvision = torchvision

    def version(self):
        return self.torchvision.__version__


class ScipyLib(NumpyLib):
    """scipy.linalg and scipy.fft: the decompositions and solvers return tuples whose shapes depend on
    keywords (mode=, full_matrices=), which the generic templates do not tell apart, so every row is in
    the overlay (measured by hand, with its reason); this class only records the version the rows were
    checked against."""
    name = "scipy"

    def __init__(self):
        super().__init__()
        import scipy
        self.scipy = scipy

    def version(self):
        return self.scipy.__version__


# ---------------------------------------------------------------------------------------------------
def observe(lib, r, operand, others):
    """Describes result r of a call whose first array argument is operand."""
    if operand is not None and r is operand:
        return Obs("same", share=True, ndim=_ndim(r), in_ndim=_ndim(operand))
    if r is None:
        return Obs("none")
    if lib.is_rng(r):
        return Obs("rng")
    if lib.is_array(r):
        if lib.nbytes(r) > MAX_BYTES:
            return None
        size = r.size if isinstance(r, lib.np.ndarray) else r.numel()
        if size == 0:
            return Obs("empty")
        share = operand is not None and lib.shares(r, operand)
        other = any(lib.shares(r, o) for o in others)
        nd = _ndim(r)
        if lib.name == "torch" and nd == 0 and not share and not other:
            # a new 0-d tensor: the value of a reduction, holds no array worth pinning
            return Obs("int" if lib.int_dtype(r) else "scalar")
        return Obs("array", share=share, other=other, ndim=nd, in_ndim=_ndim(operand) if operand is not None else None,
                   ints=lib.int_dtype(r), size=size, in_size=_size(operand),
                   layout=lib.layout(r), in_layout=lib.layout(operand) if operand is not None else None,
                   value=lib.to_numpy(r).copy(), default=lib.default_dtype(r))
    k = lib.scalar_kind(r)
    if k:
        return Obs(k)
    if isinstance(r, (tuple, list)):
        if lib.name == "torch" and isinstance(r, lib.torch.Size):
            return Obs("scalar")
        if all(lib.scalar_kind(e) or _plain(e) for e in r):
            return Obs("scalar")
        elems = [observe(lib, e, operand, others) for e in r if lib.is_array(e)]
        if not elems or any(e is None for e in elems):
            return None
        # a named tuple (torch.topk's torch.return_types.topk): its items are also read by name
        names = getattr(type(r), "__match_args__", None) or getattr(type(r), "_fields", None)
        fields = tuple(names) if names and len(names) == len(r) and len(elems) == len(r) else None
        return Obs("seq", elems=elems, ndim=None, in_ndim=_ndim(operand) if operand is not None else None,
                   fields=fields)
    return Obs("other")


def _plain(e):
    if isinstance(e, (tuple, list)):
        return all(_plain(x) for x in e)
    return isinstance(e, (int, float, complex, bool, str)) or e is None


def _ndim(a):
    return a.ndim if hasattr(a, "ndim") else a.dim()


def _size(a):
    if a is None:
        return 0
    return a.size if isinstance(a.size, int) else a.numel()


# ---------------------------------------------------------------------------------------------------
# argument templates: "A" the operand, "B" another array like it, "BT" its transpose, "M" a bool
# mask like it, "SH" the operand's shape, "IX" an index list/tensor, "SEQ" [A, B]
ARRAY_TEMPLATES = [
    (("A",), {}), (("A", "B"), {}), (("A", "BT"), {}), (("A", 0), {}), (("A", 1), {}), (("A", -1), {}),
    (("A", "AXIS0"), None), (("A", "SH"), {}), (("A", "M"), {}), (("A", [0]), {}), (("A", "PERM"), {}),
    (("A", 0, "IX"), {}), (("A", "IX"), {}), (("A", 2), {}), (("A", 0, 1), {}), (("A", 0, 0, 1), {}),
    (("A", "B", "B"), {}), (("A", 0.5), {}), (("A", 1, 2), {}), (("SEQ",), {}), (("M", "A"), {}),
    (("M", "A", "B"), {}), (("A", "a"), {}), (("A", ["a"]), {}), (("A", {"a": "x"}), {}),
    (("A", "float32"), {}),
]
METHOD_TEMPLATES = [
    ((), {}), (("BT",), {}), ((0,), {}), ((1,), {}), ((-1,), {}), (("AXIS0",), None), (("SH",), {}), (("PERM",), {}), (([0],), {}), (("B",), {}),
    (("M",), {}), ((0, "IX"), {}), (("IX",), {}), ((0, 1), {}), ((0, 0, 1), {}),
    (("B", "B"), {}), ((0.5,), {}), (("float32",), {}), ((2,), {}),
]
SHAPE_TEMPLATES = [
    (((3, 4),), {}), ((3,), {}), ((3, 4), {}), ((), {}), ((0, 1), {}), ((1, 3), {}), ((3, 0.5), {}),
    ((0.5,), {}), ((3, 4, 2), {}), ((1, 2, 3), {}), (((3, 4), 0.5), {}),
]
RANDOM_TEMPLATES = [
    ((), {}), ((3,), {}), ((0.5,), {}), ((1, 3), {}), ((3, 0.5), {}), ((0, 1), {}), ((3, 4, 2), {}),
    ((1, 2, 3), {}), (((3, 4),), {}),
]
FAMILIES = ["f", "sq", "i", "b", "c", "r"]
VARIANTS = ["c2", "s2", "f2", "v1", "d3", "u3"]


def fill(lib, tmpl, A, B, M, axis_kw):
    args, kw = tmpl
    out = []
    for x in args:
        if isinstance(x, str) and x in ("A", "B", "BT", "M", "SH", "IX", "SEQ", "AXIS0", "PERM"):
            if x == "A":
                out.append(A)
            elif x == "B":
                out.append(B)
            elif x == "BT":
                out.append(lib.transposed(B))
            elif x == "M":
                out.append(M)
            elif x == "PERM":
                out.append(tuple(reversed(range(len(A.shape)))))
            elif x == "SH":
                out.append(tuple(A.shape))
            elif x == "IX":
                out.append(lib.index())
            elif x == "SEQ":
                out.append([A, B])
            elif x == "AXIS0":
                return out, {axis_kw: 0}
        else:
            out.append(x)
    return out, dict(kw or {})


class Target:
    """One callable: a function (called with the arguments) or a method (of the operand)."""

    def __init__(self, kind, name, fn=None, producer_first=False):
        self.kind, self.name, self.fn = kind, name, fn
        self.producer_first = producer_first

    def call(self, lib, A, args, kw):
        if self.kind == "method":
            return getattr(A, self.name.split(".")[-1])(*args, **kw)
        if self.kind == "rng-method":
            return self.fn(*args, **kw)
        return self.fn(*args, **kw)


def run(lib, target, tmpl, family, v, extra_kw=None, bv=None):
    """Calls target with template tmpl on variant v of family (the other array argument on variant bv,
    by default v's); an Obs or None."""
    A = lib.variant(family, v) if family else None
    if family and A is None:
        return None
    B = lib.variant(family, bv or ("c2" if v in ("c2b", "c2n") else v)) if family else None
    if B is not None and family == "b":
        B = ~B
    M = None
    if family and "M" in tmpl[0]:
        if family in ("r", "c"):
            return None
        M = (A > A.reshape(-1)[0]) if family != "b" else ~B
    args, kw = fill(lib, tmpl, A, B, M, lib.axis) if family else (list(tmpl[0]), dict(tmpl[1] or {}))
    if extra_kw:
        kw.update(extra_kw)
    if target.kind == "attribute":
        ok, r = guarded(lambda: getattr(A, target.name))
    elif target.kind == "method":
        ok, r = guarded(lambda: getattr(A, target.name)(*args, **kw))
    else:
        ok, r = guarded(lambda: target.fn(*args, **kw))
    if not ok:
        return None
    operand = None
    others = []
    arrays = [a for a in ([A] if target.kind in ("method", "attribute") else []) + _flat(args) + list(kw.values())
              if lib.is_array(a)]
    if arrays:
        operand, others = arrays[0], arrays[1:]
    ok, o = guarded(lambda: observe(lib, r, operand, others))
    return o if ok else None


def _flat(args):
    out = []
    for a in args:
        if isinstance(a, list):
            out.extend(a)
        else:
            out.append(a)
    return out


def same_value(lib, o1, o2):
    np = lib.np
    if o1 is None or o2 is None or o1.kind != "array" or o2.kind != "array":
        return False
    a, b = o1.value, o2.value
    if a.shape != b.shape:
        return False
    try:
        return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    except TypeError:
        return bool(np.array_equal(a, b))


# ---------------------------------------------------------------------------------------------------
class Row:
    def __init__(self, kind, name, effect, ndim, params="-", tags=""):
        self.kind, self.name, self.effect, self.ndim = kind, name, effect, ndim
        self.params, self.tags = params or "-", tags or ""

    def key(self):
        return (self.kind, self.name)

    def cols(self):
        c = [self.kind, self.name, self.effect, self.ndim]
        if self.params != "-" or self.tags:
            c.append(self.params)
        if self.tags:
            c.append(self.tags)
        return c

    def line(self):
        return "\t".join(self.cols())


def ndim_rule(pairs, z0=None):
    """pairs: (input ndim, result ndim) per probe; z0: result ndim for a 0-d operand, if any."""
    pairs = [(i, o) for i, o in pairs if i is not None and o is not None]
    if not pairs:
        return "-"
    ins = {i for i, _ in pairs}
    outs = {o for _, o in pairs}
    allp = pairs + ([(0, z0)] if z0 is not None else [])
    for k in (1, 2, 3):
        if all(o == max(i, k) for i, o in allp) and any(o != i for i, o in allp) and len(ins) >= 2:
            return "min%d" % k
    if all(i == o for i, o in pairs) and len(ins) >= 2:
        return "same"
    if all(o == i - 1 for i, o in pairs) and len(ins) >= 2:
        return "same-1"  # one axis fewer on every input (torch.unbind's pieces)
    if len(outs) == 1 and len(ins) >= 2:
        return str(outs.pop())
    return "-"


def doc_position(fn, param, method):
    """Position of param among positional parameters, from the signature or the docstring's first line."""
    names = None
    try:
        names = [p.name for p in inspect.signature(fn).parameters.values()
                 if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        if method and names and names[0] == "self":
            names = names[1:]
    except (TypeError, ValueError):
        doc = (getattr(fn, "__doc__", None) or "").strip().splitlines()
        alias = re.search(r"alias of `(\w+)`", " ".join(doc[:2]))
        owner = getattr(fn, "__self__", None) or sys.modules.get(getattr(fn, "__module__", None) or "")
        if alias and owner is not None and getattr(owner, alias.group(1), None) is not None:
            return doc_position(getattr(owner, alias.group(1)), param, method)
        m = re.match(r"^[\w.]*?(\w+)\((.*?)\)", doc[0]) if doc else None
        if m:
            names = []
            for p in m.group(2).split(","):
                p = p.strip().split("=")[0].strip()
                if p in ("*", "/") or p.startswith("*"):
                    break
                names.append(p)
    if names and param in names:
        return names.index(param)
    return None


def probe(lib, target, log):
    """The table row for target, or None when probing cannot call or classify it."""
    families = FAMILIES if lib.name == "numpy" else FAMILIES[:-1]
    if target.kind == "attribute":
        tmpls = [((), {})]
    elif target.kind == "method":
        tmpls = METHOD_TEMPLATES
    else:
        tmpls = ARRAY_TEMPLATES
    phases = [("shape", None), ("array", None)] if target.producer_first else [("array", None), ("shape", None)]
    if target.kind in ("method", "attribute"):
        phases = [("array", None)]
    for phase, _ in phases:
        if phase == "shape":
            for t in (RANDOM_TEMPLATES if target.producer_first else SHAPE_TEMPLATES):
                o = run(lib, target, t, None, None)
                if o is not None and o.kind not in ("other", "empty"):
                    return classify_producer(lib, target, t, o, log)
            continue
        # a 0-d operand first only for methods (a.item()): a function that needs one is a producer
        for primary in ("c2", "d3", "z0") if target.kind == "method" else ("c2", "d3"):
            for fam in families:
                for t in tmpls:
                    o = run(lib, target, t, fam, primary)
                    if o is None or o.kind in ("other", "empty"):
                        continue
                    return classify(lib, target, t, fam, o, log, primary)
    return None


def classify_producer(lib, target, t, o, log):
    log.append("%s %s: no array argument: template %r gives %s" % (target.kind, target.name, t, o.kind))
    again = run(lib, target, t, None, None)
    size_nd = {}
    for sz, want in (((2, 3), 2), (4, 1)):
        s = run(lib, target, t, None, None, {"size": sz})
        size_nd[want] = s.ndim if s is not None and s.kind == "array" else None
    pos = doc_position(target.fn, "size", False)
    sized = size_nd == {2: 2, 1: 1} and pos is not None
    if o.kind == "array":
        tags = "ints" if o.ints else ""
        if o.default and again is not None and again.kind == "array" and again.default:
            tags = "default-dtype"  # without dtype=, the library's default dtype (np.zeros: float64)
        log.append("%s %s: producer via %r" % (target.kind, target.name, t))
        if sized:
            return Row(target.kind, target.name, "producer", "shape(size)", "size=%d" % pos, tags)
        nd = str(o.ndim) if again is not None and again.kind == "array" and again.ndim == o.ndim else "-"
        # the result's ndim follows the arguments (shape templates): only a constant one is a fact
        other = [run(lib, target, t2, None, None) for t2 in SHAPE_TEMPLATES if t2 != t]
        nds = {x.ndim for x in other if x is not None and x.kind == "array"}
        if nds and nds != {o.ndim}:
            nd = "-"
        return Row(target.kind, target.name, "producer", nd, "-", tags)
    if o.kind in ("int", "scalar") and sized:
        s = run(lib, target, t, None, None, {"size": (2, 3)})
        return Row(target.kind, target.name, "size?producer:%s" % o.kind, "shape(size)", "size=%d" % pos,
                   "ints" if s.ints else "default-dtype" if s.default else "")
    if o.kind in ("int", "scalar"):
        return Row(target.kind, target.name, o.kind, "0")
    if o.kind == "none":
        return Row(target.kind, target.name, "none", "-")
    if o.kind == "rng":
        return Row(target.kind, target.name, "rng", "-")
    return None


def classify(lib, target, t, fam, c, log, primary="c2"):
    obs = {primary: c}
    for v in VARIANTS:
        if v != primary:
            obs[v] = run(lib, target, t, fam, v)
    got = {v: o for v, o in obs.items() if o is not None and o.kind not in ("other", "empty")}
    kinds = {o.kind for o in got.values()}
    name, kind = target.name, target.kind
    log.append("%s %s: template %r family %s: %s" % (kind, name, t, fam,
               " ".join("%s=%s%s" % (v, o.kind, "+share" if o.share else "") for v, o in sorted(got.items()))))
    if kinds == {"none"}:
        return Row(kind, name, "none", "-")
    if kinds == {"rng"}:
        return Row(kind, name, "rng", "-")
    if kinds <= {"int", "scalar"}:
        base = "int" if kinds == {"int"} else "scalar"
        return conditional(lib, target, t, fam, base, log) or Row(kind, name, base, "0")
    arrays = {v: o for v, o in got.items() if o.kind in ("same", "array")}
    if kinds <= {"same", "array"}:
        if any(o.other and not o.share for o in arrays.values()):
            return None  # shares with another argument only: not a vocabulary word
        pairs = [(o.in_ndim, o.ndim) for o in arrays.values()]
        z0 = run(lib, target, t, fam, "z0")
        nd = ndim_rule(pairs, z0.ndim if z0 is not None and z0.kind in ("array", "same") else None)
        if nd == "same" and any(isinstance(x, str) and x in ("B", "BT") for x in t[0]):
            nd = two_operand_ndim(lib, target, t, fam, log)
        if all(o.share for o in arrays.values()):
            tags = []
            if c.kind == "array" and c.size < c.in_size:
                tags.append("narrows")
            alone = all(isinstance(x, str) and x == "A" for x in t[0]) and not t[1]
            if all(o.kind == "same" or o.layout == o.in_layout for v, o in arrays.items() if v in ("c2", "s2", "f2")) \
                    and "s2" in arrays and alone:
                tags.append("layout")
            return Row(kind, name, "view", nd, "-", ",".join(tags))
        sc, ss, sf = (arrays[v].share if v in arrays else None for v in ("c2", "s2", "f2"))
        if sc and ss is False and sf is False:
            if all(o.ndim == 1 for o in arrays.values()):
                return Row(kind, name, "ravel", "1")
            if nd != "same":
                return Row(kind, name, "contig", nd)
            if c.ndim == c.in_ndim:
                return Row(kind, name, "contig", nd)
            return None
        if sc is False and ss is False and sf is True:
            if c.ndim == c.in_ndim:
                return Row(kind, name, "fcontig", nd)
            return None
        if any(o.share for o in arrays.values()):
            return None
        tags = "ints" if c.ints and fam in ("f", "sq", "c") else ""
        effect = "producer" if producerish(lib, target, t, fam, c) else "copy"
        if keeps_order(lib, effect, arrays):
            tags = ",".join(x for x in (tags, "keeps-order") if x)
            log.append("%s %s: keeps-order (%s)" % (kind, name, " ".join(
                "%s=%s" % (v, "".join("CF"[i] for i in (0, 1) if o.layout[i]) or "-") for v, o in sorted(arrays.items()))))
        cond = conditional(lib, target, t, fam, effect, log, nd)
        if cond:
            cond.tags = tags
            return cond
        return Row(kind, name, effect, nd, "-", tags)
    if kinds <= {"array", "int", "scalar"}:
        if any(o.share or o.other for o in arrays.values()):
            return None
        tags = "ints" if c.kind == "array" and c.ints and fam in ("f", "sq", "c") else ""
        return Row(kind, name, "copy", "-", "-", tags)
    if kinds == {"seq"}:
        elems = [e for o in got.values() for e in o.elems]
        if all(e.kind in ("array", "same") and e.share for e in elems):
            pairs = [(o.in_ndim, e.ndim) for o in got.values() for e in o.elems]
            return Row(kind, name, "views", ndim_rule(pairs))
        if any(e.share or e.other for e in elems):
            return None
        if all(e.kind == "array" and e.ints and e.ndim == 1 for e in elems) and \
                all(len(o.elems) == o.in_ndim for o in got.values()):
            return Row(kind, name, "index", "-")
        cond = conditional(lib, target, t, fam, "copies", log)
        return cond or Row(kind, name, "copies", "-", "-", items_tag(got))
    if kinds <= {"seq", "scalar", "int"}:
        # a scalar on some inputs, a tuple of arrays on others: leave it to the overlay
        return None
    return None


def keeps_order(lib, effect, arrays):
    """A new array that is C-contiguous of the C-contiguous operand but not of every other one (np.exp of an
    F-contiguous array is F-contiguous; torch.exp of a transposed tensor keeps its strides): tag keeps-order,
    for which the result is C-contiguous only of a C-contiguous operand or Python data (a table row calls a
    new array C-contiguous otherwise).  Measured alike for NumPy and PyTorch."""
    if effect != "copy" or "c2" not in arrays or not arrays["c2"].layout[0]:
        return False
    return any(o.layout is not None and not o.layout[0] for o in arrays.values())


def items_tag(got, v1_probed=True):
    """A tuple of new arrays whose every item k has the operand's ndim plus the same d_k on every input
    (np.linalg.svd: U and Vh as many axes as the operand, S one fewer): tag items=d_0:d_1:...; tuples
    whose length or offsets vary with the input (np.histogram, np.meshgrid) get none."""
    offsets = None
    for o in got.values():
        if o.in_ndim is None or any(e.kind != "array" or e.ndim is None for e in o.elems):
            return ""
        d = [e.ndim - o.in_ndim for e in o.elems]
        if offsets is not None and d != offsets:
            return ""
        offsets = d
    if not offsets or len(offsets) > 4 or len(got) < 2 or any(x < -8 or x > 8 for x in offsets):
        return ""
    # an item of integers on every input (t.max(dim=1)'s indices) is written Di
    ints = [all(o.elems[k].ints for o in got.values()) for k in range(len(offsets))]
    tag = "items=" + ":".join(str(x) + ("i" if i else "") for x, i in zip(offsets, ints))
    # the 1-D probe failed where 2-D ones worked (np.linalg.svd needs a matrix): the operand has at
    # least two axes, whatever the code shows of it
    if v1_probed and "v1" not in got and all(o.in_ndim >= 2 for o in got.values()):
        tag += ",operand-min=2"
    # a named tuple on every input (torch.return_types): item k is also the attribute fields[k]
    names = {o.fields for o in got.values()}
    if len(names) == 1 and None not in names:
        tag += ",fields=" + ":".join(names.pop())
    return tag


def two_operand_ndim(lib, target, t, fam, log):
    """With another array argument shaped like the operand, "same" may follow either: call with a
    matrix and a vector, both ways round.  The operand's ndim both times: same; the larger one both
    times (broadcasting: np.add): bcast; the other array's both times: argN (its position);
    anything else, or a call that fails: unknown ("-")."""
    mv = run(lib, target, t, fam, "c2", bv="v1")
    vm = run(lib, target, t, fam, "v1", bv="c2")
    nds = [o.ndim if o is not None and o.kind in ("array", "same") else None for o in (mv, vm)]
    log.append("%s %s: ndim with (matrix, vector) %s, (vector, matrix) %s" % (target.kind, target.name, nds[0], nds[1]))
    if nds == [2, 1]:
        return "same"
    if nds == [2, 2]:
        return "bcast"
    if nds == [1, 2]:  # follows the other array (np.linalg.solve(a, b): b's)
        for i, x in enumerate(t[0]):
            if isinstance(x, str) and x in ("B", "BT"):
                return "arg%d" % i
    return "-"


def producerish(lib, target, t, fam, c):
    """A new array whose values do not come from the operand's: random, or the same for any values."""
    if lib.name == "numpy" and isinstance(target.fn, lib.np.ufunc):
        return False  # a ufunc computes from its operands by definition
    again = run(lib, target, t, fam, "c2")
    if again is None or not same_value(lib, c, again):
        return True  # random numbers (or uninitialised memory)
    alts = [run(lib, target, t, fam, v) for v in ("c2b", "c2n")]
    alts = [a for a in alts if a is not None]
    if fam not in ("f", "i", "sq") or not alts:
        return False
    return all(same_value(lib, c, a) for a in alts)


def conditional(lib, target, t, fam, base, log, nd_base=None):
    """axis= (dim=) turns a scalar into an array, or a flat result into one of the operand's ndim."""
    if any(isinstance(x, str) and x == "AXIS0" for x in t[0]) or (t[1] is None):
        return None
    ax = lib.axis
    with_axis = {v: run(lib, target, t, fam, v, {ax: 0}) for v in ("c2", "s2", "d3")}
    got = {v: o for v, o in with_axis.items() if o is not None}
    if "c2" not in got:
        return None
    kinds = {o.kind for o in got.values()}
    method = target.kind in ("method", "rng-method")
    pos = position(lib, target, t, fam, ax, got["c2"])
    if pos is None:
        return None
    if base in ("int", "scalar"):
        if kinds == {"array"} and not any(o.share or o.other for o in got.values()):
            pairs = [(o.in_ndim, o.ndim) for o in got.values()]
            if all(o + 1 == i for i, o in pairs):
                tags = ["ints"] if got["c2"].ints and base == "int" else []
                # keepdims=True (torch: keepdim) keeps the reduced axis, of size 1
                kd = "keepdims" if lib.name == "numpy" else "keepdim"
                k = run(lib, target, t, fam, "c2", {ax: 0, kd: True})
                if k is not None and k.kind == "array" and k.ndim == k.in_ndim and k.size * 3 == k.in_size:
                    tags.append("keepdim=" + kd)
                return Row(target.kind, target.name, "%s?copy:%s" % (ax, base), "-", "%s=%d" % (ax, pos),
                           ",".join(tags))
        if kinds == {"seq"} and not any(e.share or e.other for o in got.values() for e in o.elems):
            # values, indices = t.max(dim=1): each item one axis fewer (items=-1:-1); with keepdim=True
            # as many axes as the operand
            it = items_tag(got, v1_probed=False)  # (no 1-D operand probed here: no operand-min)
            tags = [it] if it else []
            kd = "keepdims" if lib.name == "numpy" else "keepdim"
            k = run(lib, target, t, fam, "c2", {ax: 0, kd: True})
            if tags and k is not None and k.kind == "seq" and k.elems and \
                    all(e.kind == "array" and e.ndim == k.in_ndim for e in k.elems):
                tags.append("keepdim=" + kd)
            return Row(target.kind, target.name, "%s?copies:%s" % (ax, base), "-", "%s=%d" % (ax, pos),
                       ",".join(tags))
        return None
    if base in ("copy", "producer") and nd_base is not None:
        pairs = [(o.in_ndim, o.ndim) for o in got.values() if o.kind == "array"]
        flat = run(lib, target, t, fam, "d3")
        if nd_base == "1" and len(pairs) == len(got) and all(i == o for i, o in pairs) and \
                flat is not None and flat.kind == "array" and flat.ndim == 1:
            return Row(target.kind, target.name, base, "%s?same:1" % ax, "%s=%d" % (ax, pos))
    return None


def position(lib, target, t, fam, ax, with_kw):
    """Where the axis parameter goes positionally: the signature, else measured (f(.., 0) == f(.., axis=0))."""
    method = target.kind in ("method", "rng-method")
    fn = target.fn
    if target.kind == "method":
        fn = getattr(type(lib.variant(fam, "c2")), target.name, None)
    if fn is not None:
        p = doc_position(fn, ax, method)
        if p is not None:
            return p
    n = len(t[0])
    o = run(lib, target, (tuple(t[0]) + (0,), t[1]), fam, "c2")
    if o is not None and o.kind == with_kw.kind and (o.kind != "array" or same_value(lib, o, with_kw)):
        if o.kind == "seq" and len(o.elems) != len(with_kw.elems):
            return None
        return n
    return None


def probe_isolated(lib, target, log):
    """probe() in a forked child: a library call that corrupts memory or changes global state (the
    legacy np.random state, in-place writes) cannot affect the next probe, and every probe starts from
    the same state (determinism)."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        try:
            lines = []
            row = probe(lib, target, lines)
            data = pickle.dumps((row and row.__dict__, lines))
        except BaseException as e:  # noqa: B902
            data = pickle.dumps((None, ["%s %s: probe failed: %r" % (target.kind, target.name, e)]))
        with os.fdopen(wfd, "wb") as f:
            f.write(data)
        os._exit(0)
    os.close(wfd)
    with os.fdopen(rfd, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        log.append("%s %s: the probe crashed (status %d): left out" % (target.kind, target.name, status))
        return None
    fields, lines = pickle.loads(data)
    log.extend(lines)
    if fields is None:
        return None
    row = Row.__new__(Row)
    row.__dict__.update(fields)
    return row


# ---------------------------------------------------------------------------------------------------
def public(mod, prefix):
    out = []
    for n in sorted(dir(mod)):
        if n.startswith("_"):
            continue
        try:
            obj = getattr(mod, n)
        except Exception:
            continue
        if inspect.ismodule(obj) or inspect.isclass(obj) or not callable(obj):
            continue
        out.append((prefix + n, obj))
    return out


def numpy_targets(lib):
    np = lib.np
    import numpy.lib.recfunctions as rfn
    import numpy.lib.stride_tricks as st
    ts = []
    for name, fn in public(np, ""):
        ts.append(Target("function", name, fn))
    for mod, prefix in ((np.fft, "fft."), (np.linalg, "linalg."), (st, "lib.stride_tricks."),
                        (rfn, "lib.recfunctions.")):
        for name, fn in public(mod, prefix):
            mname = getattr(fn, "__module__", "") or ""
            if mod is rfn and not mname.startswith("numpy.lib.recfunctions"):
                continue  # helpers imported into recfunctions
            if mod is st and not mname.startswith("numpy"):
                continue
            ts.append(Target("function", name, fn))
    for name, fn in public(np.random, "random."):
        ts.append(Target("function", name, fn, producer_first=True))
    a = np.zeros((2, 2))
    for n in sorted(dir(np.ndarray)):
        if n.startswith("_"):
            continue
        ts.append(Target("method" if callable(getattr(a, n, None)) else "attribute", n))
    for cls in (np.random.Generator, np.random.RandomState):
        rng = cls(np.random.MT19937(0)) if cls is np.random.Generator else cls(0)
        for n in sorted(dir(rng)):
            if n.startswith("_") or not callable(getattr(rng, n)) or inspect.isclass(getattr(rng, n)):
                continue
            ts.append(Target("rng-method", n, getattr(rng, n), producer_first=True))
    return [t for t in ts if t.name.split(".")[-1] not in NUMPY_SKIP]


def torch_targets(lib):
    torch = lib.torch
    import torch.nn.functional as F
    ts = []
    skip = lambda n: n in TORCH_SKIP or n.startswith(TORCH_SKIP_PREFIX)  # noqa: E731
    for name, fn in public(torch, ""):
        if not skip(name):
            ts.append(Target("function", name, fn))
    for mod, prefix in ((F, "nn.functional."), (torch.fft, "fft."), (torch.linalg, "linalg.")):
        for name, fn in public(mod, prefix):
            if not skip(name.split(".")[-1]):
                ts.append(Target("function", name, fn))
    t = torch.zeros(2, 2)
    for n in sorted(dir(torch.Tensor)):
        if skip(n) and not n.startswith("is_"):
            continue
        if n.startswith("_"):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                v = getattr(t, n)
        except Exception:
            continue
        ts.append(Target("method" if callable(v) else "attribute", n))
    return ts


# ---------------------------------------------------------------------------------------------------
def read_overlay(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t")
            if len(c) != 7:
                sys.exit("%s:%d: expected 7 tab-separated columns (kind name effect ndim params tags reason)" % (path, ln))
            rows.append((Row(c[0], c[1], c[2], c[3], c[4], "" if c[5] == "-" else c[5]), c[6]))
    return rows


SECTIONS = [
    ("views: the result keeps the operand's memory alive", ("view", "views", "contig", "fcontig", "ravel", "reshape")),
    ("copies: a new array (or a tuple of them) computed from the operands", ("copy", "copies", "index")),
    ("producers: a new array from nothing (shapes, random numbers)", ("producer", "convert", "rng")),
    ("conditional: the effect depends on a parameter", None),
    ("scalars and None: hold no array", ("int", "scalar", "none")),
]
KIND_ORDER = {"function": 0, "method": 1, "attribute": 2, "rng-method": 3, "class": 4, "model-method": 5, "any-method": 6,
              "any-function": 7}


def section_of(row):
    if "?" in row.effect:
        return 3
    for i, (_, effects) in enumerate(SECTIONS):
        if effects and row.effect in effects:
            return i
    return 4


def write_table(lib, header, probed, overlay, path):
    keys = {r.key() for r, _ in overlay}
    out = [header.rstrip("\n"), "#", "# kind\tname\teffect\tndim\tparams\ttags"]
    out.append("# ---- overlay: hand-written rows (rules/overlay/%s.tsv); each replaces the probed row of its kind and name ----" % lib.name)
    for r, reason in overlay:
        out.append("# overlay: " + reason)
        out.append(r.line())
    rows = [r for r in probed if r.key() not in keys]
    for i, (title, _) in enumerate(SECTIONS):
        sec = sorted((r for r in rows if section_of(r) == i), key=lambda r: (KIND_ORDER[r.kind], r.name))
        if not sec:
            continue
        out.append("# ---- probed %s ----" % title)
        out.extend(r.line() for r in sec)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    final = [r for r, _ in overlay] + rows
    return final


# ---------------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=RULES, help="folder to write numpy.tsv, torch.tsv, torchvision.tsv and scipy.tsv into"
                    " (default: rules/)")
    ap.add_argument("--report", help="also write the counts by class, the overlay rows and the pandas / scipy.sparse"
                    " measurements (Markdown)")
    ap.add_argument("--baseline", help="with --report: a folder of earlier tables (numpy.tsv, torch.tsv) to compare"
                    " with, e.g. from git show REV:rules/numpy.tsv")
    ap.add_argument("--log", help="write what each probe measured into this file")
    ap.add_argument("--only", choices=("numpy", "torch", "torchvision", "scipy"), help="probe one library")
    opts = ap.parse_args()
    results = {}
    log = []
    for cls in (NumpyLib, TorchLib, TorchvisionLib, ScipyLib):
        if opts.only and cls.name != opts.only:
            continue
        lib = cls()
        lib.np.random.seed(0)
        if isinstance(lib, TorchLib):
            lib.torch.manual_seed(0)
            lib.torch.set_num_threads(1)  # no thread pool before the probes fork
        targets = numpy_targets(lib) if cls is NumpyLib else torch_targets(lib) if cls is TorchLib else []
        probed = []
        seen = set()
        if os.environ.get("PROBE_ONLY"):
            targets = [t for t in targets if re.search(os.environ["PROBE_ONLY"], t.kind + " " + t.name)]
        for t in targets:
            if os.environ.get("PROBE_TRACE"):
                os.write(2, ("%s %s\n" % (t.kind, t.name)).encode())
            row = probe_isolated(lib, t, log)
            if row is not None and row.key() not in seen:  # Generator and RandomState share names: the first
                seen.add(row.key())
                probed.append(row)
        overlay = read_overlay(os.path.join(RULES, "overlay", lib.name + ".tsv"))
        with open(os.path.join(HERE, lib.name + ".header"), encoding="utf-8") as f:
            header = f.read().format(numpy=lib.np.__version__,
                                     torch=lib.torch.__version__ if isinstance(lib, TorchLib) else "",
                                     torchvision=lib.version() if cls is TorchvisionLib else "",
                                     scipy=lib.version() if cls is ScipyLib else "")
        final = write_table(lib, header, probed, overlay, os.path.join(opts.out, lib.name + ".tsv"))
        results[lib.name] = (lib, probed, overlay, final, len(targets))
    if opts.log:
        with open(opts.log, "w", encoding="utf-8") as f:
            f.write("\n".join(log) + "\n")
    if opts.report:
        import report
        report.write(opts.report, results, opts.baseline)


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
