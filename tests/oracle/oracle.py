#!/usr/bin/env python3
"""Runtime oracle for viewleak fixtures: does the code really keep memory alive?

Usage: python3 tests/oracle/oracle.py [--verbose] [--jobs N] PATH...

Each PATH is a .py or .ipynb file or a folder searched recursively for them. A
folder that holds a main.py is one multi-module fixture: main.py defines
scenario(), the other files are modules it imports (the folder is put on
sys.path), and its label is the union of the labels of all its files. Every
fixture runs in its own subprocess (this interpreter, sys.executable): the file
is imported as a module, its scenario() is called under tracemalloc, and the
oracle compares what the call keeps alive with what its result shows:

  kept    = tracemalloc current bytes after the call, result still referenced,
            minus the baseline taken just before the call (gc.collect() first);
  payload = bytes the result owns or shows: nbytes of every ndarray and NumPy
            scalar reachable from it, plus the size of the Python containers
            and plain values on the way (each object counted once);
  leaks   = kept > 8 * payload and kept > 5 MiB.

A Jupyter notebook (.ipynb) runs as its code cells joined in cell order, the
IPython lines made inert (a %%cell magic drops its cell; %magic, !cmd and help
lines become `pass`, `x = !cmd` / `x = %magic` become `x = None`), Markdown and
raw cells and outputs left out. Without a scenario() its cells are the scenario:
they run under tracemalloc and the result is what the notebook's namespace holds
(every global but modules, functions and classes).

Files that import torch are measured on storages instead (tracemalloc does not
see PyTorch's allocator): kept = sum of the distinct storages reachable from
the result, payload = sum of numel * element_size of the reachable tensors.  A
NumPy array on a tensor's memory (t.numpy(), and views of it: its .base chain
ends at the tensor) counts as that tensor's storage, and its nbytes as payload.

Expected label, read from the file's comments:
  '# expect: VL001' (or another retention rule, see RETENTION_RULES)  -> leaks
  '# oracle: expect-leak'                                            -> leaks
  '# oracle: skip <reason>'                                          -> skipped
  anything else                                                      -> no leak

Exit status: 0 all agree, 1 a disagreement or an error, 2 usage error or numpy
not importable. The last line is 'N passed, M failed, K skipped'.
"""

import argparse
import gc
import io
import json
import os
import re
import subprocess
import sys
import time
import tokenize
import traceback
from concurrent.futures import ThreadPoolExecutor

MIB = 1 << 20
LEAK_RATIO = 8
LEAK_MIN_BYTES = 5 * MIB
TIMEOUT_S = 60
# A fixture that runs out of TIMEOUT_S is run once more with this limit: on a loaded machine (CI beside
# other jobs) importing torch alone has taken most of a minute.  A fixture that hangs still fails.
RETRY_TIMEOUT_S = 300
RETENTION_RULES = frozenset({"VL001", "VL002"})
RESULT_TAG = "@@viewleak-oracle@@ "

EXIT_OK = 0
EXIT_DISAGREE = 1
EXIT_USAGE = 2

_EXPECT_RE = re.compile(r"#\s*expect:\s*(VL\d{3}(?:\s*,\s*VL\d{3})*)")
_ORACLE_RE = re.compile(r"#\s*oracle:\s*(skip|expect-leak)\b[ \t]*(.*)")
_TORCH_IMPORT_RE = re.compile(r"^\s*(?:import\s+torch\b|from\s+torch\b)", re.M)


# ---------------------------------------------------------------- verdict

def leaks(kept, payload):
    """The leak threshold: kept > 8 x payload and kept > 5 MiB."""
    return kept > LEAK_RATIO * payload and kept > LEAK_MIN_BYTES


# ---------------------------------------------------------------- labels

def _comments(source):
    """Comment texts of a Python source; a regex fallback if it does not tokenize."""
    try:
        toks = tokenize.generate_tokens(io.StringIO(source).readline)
        return [t.string for t in toks if t.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return re.findall(r"#[^\n]*", source)


def read_labels(source):
    """Labels of one fixture: {'expect_leak': bool, 'skip': reason or None,
    'codes': [VL codes from expect markers], 'torch': bool}."""
    codes, skip, expect_leak = [], None, False
    for text in _comments(source):
        m = _EXPECT_RE.search(text)
        if m:
            codes.extend(c.strip() for c in m.group(1).split(","))
        m = _ORACLE_RE.search(text)
        if m and m.group(1) == "skip":
            skip = m.group(2).strip() or "no reason given"
        elif m:
            expect_leak = True
    expect_leak = expect_leak or any(c in RETENTION_RULES for c in codes)
    return {
        "expect_leak": expect_leak,
        "skip": skip,
        "codes": codes,
        "torch": bool(_TORCH_IMPORT_RE.search(source)),
    }


# ---------------------------------------------------------------- notebooks

_HELP_RE = re.compile(r"[\w.]+\?\??\s*")
_MAGIC_VALUE_RE = re.compile(r"^(\s*[\w.]+(?:\s*,\s*[\w.]+)*\s*=\s*)[%!]")


def notebook_source(path):
    """The Python a notebook runs: its code cells in order, IPython lines inert
    (see the module docstring). Raises ValueError for what is not nbformat 4."""
    with open(path, encoding="utf-8") as fh:
        nb = json.load(fh)
    if not isinstance(nb, dict) or nb.get("nbformat") != 4:
        raise ValueError("%s is not an nbformat 4 notebook" % path)
    parts = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        if src.lstrip().startswith("%%"):
            continue
        lines = []
        for line in src.splitlines():
            text = line.lstrip()
            indent = line[: len(line) - len(text)]
            m = _MAGIC_VALUE_RE.match(line)
            if text.startswith(("%", "!", "?")) or _HELP_RE.fullmatch(text):
                lines.append(indent + "pass")
            elif m:
                lines.append(m.group(1) + "None")
            else:
                lines.append(line)
        parts.append("\n".join(lines) + "\n")
    return "".join(parts)


def fixture_source(path):
    """The Python source of a fixture file (a notebook's: notebook_source)."""
    if path.endswith(".ipynb"):
        return notebook_source(path)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _namespace_result(namespace):
    """What a notebook keeps: its globals but modules, functions, classes."""
    import types

    skip = (types.ModuleType, types.FunctionType, type, types.BuiltinFunctionType)
    return {k: v for k, v in namespace.items()
            if not k.startswith("__") and not isinstance(v, skip)}


# ---------------------------------------------------------------- payload walker

_ATOMS = (str, bytes, bytearray, int, float, complex, bool, type(None))


def _is_plain_instance(obj):
    """An object whose __dict__ holds data (not a module, class or function)."""
    import types

    skip = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType,
            types.MethodType, types.CodeType, types.FrameType)
    return not isinstance(obj, skip)


def reach(root):
    """Walk everything reachable from root through containers and instance
    attributes. Returns a dict:
      numpy_payload   nbytes of reachable ndarrays and NumPy scalars
      python_payload  sys.getsizeof of Python containers and plain values
      tensor_payload  numel * element_size of reachable torch tensors
      storages        {data_ptr: bytes} of the distinct torch storages
    Each object is visited once (by id). An ndarray's .base is not followed:
    the base is what may be pinned, not what the result shows."""
    np = sys.modules.get("numpy")
    torch = sys.modules.get("torch")
    from collections import deque as _deque

    out = {"numpy_payload": 0, "python_payload": 0, "tensor_payload": 0, "storages": {}}
    seen = set()
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if np is not None and isinstance(obj, np.ndarray):
            out["numpy_payload"] += int(obj.nbytes)
            if obj.dtype == object:
                stack.extend(obj.ravel(order="K").tolist())
            # an array on a tensor's memory (t.numpy() and views of it): its .base chain ends at the
            # tensor, whose whole storage it pins
            base = obj.base
            while torch is not None and isinstance(base, np.ndarray) and base.base is not None:
                base = base.base
            if torch is not None and isinstance(base, torch.Tensor):
                out["tensor_payload"] += int(obj.nbytes)
                ptr, size = _storage_of(base)
                out["storages"][ptr] = size
            continue
        if np is not None and isinstance(obj, np.generic):
            out["numpy_payload"] += int(obj.nbytes)
            continue
        if torch is not None and isinstance(obj, torch.Tensor):
            out["tensor_payload"] += obj.numel() * obj.element_size()
            ptr, size = _storage_of(obj)
            out["storages"][ptr] = size
            continue
        if isinstance(obj, _ATOMS):
            out["python_payload"] += sys.getsizeof(obj)
            continue
        if isinstance(obj, (list, tuple, set, frozenset, _deque)):
            out["python_payload"] += sys.getsizeof(obj)
            stack.extend(obj)
            continue
        if isinstance(obj, dict):
            out["python_payload"] += sys.getsizeof(obj)
            for k, v in obj.items():
                stack.append(k)
                stack.append(v)
            continue
        if not _is_plain_instance(obj):
            continue
        attrs = getattr(obj, "__dict__", None)
        if isinstance(attrs, dict):
            stack.extend(attrs.values())
        for cls in type(obj).__mro__:
            for name in cls.__dict__.get("__slots__", ()):
                if isinstance(name, str) and hasattr(obj, name):
                    stack.append(getattr(obj, name))
    return out


def _storage_of(tensor):
    """(data_ptr, bytes) of a tensor's whole storage, across torch versions."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if hasattr(tensor, "untyped_storage"):
            s = tensor.untyped_storage()
            return s.data_ptr(), s.nbytes()
        s = tensor.storage()
        return s.data_ptr(), s.size() * s.element_size()


def payload_bytes(root):
    """Payload of a NumPy fixture's result (see reach())."""
    r = reach(root)
    return r["numpy_payload"] + r["python_payload"]


# ---------------------------------------------------------------- child side

def _child_measure(path, uses_torch):
    """Run one fixture in this process and return the measurement dict."""
    import asyncio
    import importlib.util
    import inspect
    import tracemalloc

    import numpy  # noqa: F401  (imported before the baseline on purpose)

    if uses_torch:
        try:
            import torch  # noqa: F401
        except Exception as exc:  # ImportError, or a broken install
            if os.environ.get("VL_ORACLE_REQUIRE_TORCH") == "1":
                raise
            return {"status": "skip", "reason": "torch not importable: %s" % exc}

    if os.path.basename(path) == "main.py":
        sys.path.insert(0, os.path.dirname(path))  # a multi-module fixture imports its siblings
    name = "vl_fixture_" + re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
    if path.endswith(".ipynb"):
        import types

        module = types.ModuleType(name)
        code = compile(notebook_source(path), path, "exec")
        if not re.search(r"^def scenario\(", notebook_source(path), re.M):
            def scenario():  # the cells are the scenario; the result, what they keep
                exec(code, module.__dict__)
                return _namespace_result(module.__dict__)
            module.scenario = scenario
        else:
            exec(code, module.__dict__)
    else:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    scenario = getattr(module, "scenario", None)
    if not callable(scenario):
        raise RuntimeError("%s defines no scenario(); add one or an '# oracle: skip' line" % path)

    t0 = time.monotonic()
    if uses_torch:
        result = scenario()
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
        gc.collect()
        r = reach(result)
        kept = sum(r["storages"].values())
        payload = r["tensor_payload"]
    else:
        tracemalloc.start()
        gc.collect()
        baseline = tracemalloc.get_traced_memory()[0]
        result = scenario()
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - baseline
        tracemalloc.stop()
        payload = payload_bytes(result)
    seconds = time.monotonic() - t0
    del result
    return {"status": "ok", "kept": kept, "payload": payload, "seconds": seconds}


def child_main(path, uses_torch):
    """Entry point of the subprocess: prints one tagged JSON line."""
    try:
        res = _child_measure(path, uses_torch)
    except BaseException:  # the scenario raised: report it, never crash silently
        res = {"status": "error", "reason": traceback.format_exc()}
    sys.stdout.flush()
    print(RESULT_TAG + json.dumps(res), flush=True)
    return 0


# ---------------------------------------------------------------- parent side

def collect(paths):
    """Expand files and folders into a sorted list of fixtures: .py files, and
    the main.py of each multi-module fixture folder (its other files are the
    modules it imports, not fixtures of their own)."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                if "main.py" in filenames:
                    files.append(os.path.join(dirpath, "main.py"))
                    dirnames[:] = []
                    continue
                dirnames[:] = sorted(d for d in dirnames
                                     if not d.startswith(".") and d != "__pycache__")
                files.extend(os.path.join(dirpath, f) for f in sorted(filenames)
                             if f.endswith((".py", ".ipynb")))
        elif os.path.isfile(p):
            files.append(p)
        else:
            raise FileNotFoundError(p)
    return sorted(set(os.path.normpath(f) for f in files))


def program_sources(path):
    """The sources that label one fixture: the file itself, or for a main.py,
    every .py file of its folder (a multi-module fixture)."""
    if os.path.basename(path) != "main.py":
        return [path]
    out = []
    for dirpath, dirnames, filenames in os.walk(os.path.dirname(path)):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return out


def merge_labels(labels):
    """The union of several files' labels (a multi-module fixture)."""
    out = {"expect_leak": False, "skip": None, "codes": [], "torch": False}
    for lab in labels:
        out["expect_leak"] |= lab["expect_leak"]
        out["skip"] = out["skip"] or lab["skip"]
        out["codes"].extend(lab["codes"])
        out["torch"] |= lab["torch"]
    return out


def run_one(path):
    """Label and measure one fixture. Returns a record dict."""
    texts = []
    for src in program_sources(path):
        texts.append(fixture_source(src))
    labels = merge_labels([read_labels(t) for t in texts])
    rec = {"path": path, "expect_leak": labels["expect_leak"]}
    if labels["skip"]:
        rec.update(status="skip", reason=labels["skip"])
        return rec
    cmd = [sys.executable, os.path.abspath(__file__), "--child", os.path.abspath(path)]
    if labels["torch"]:
        cmd.append("--torch")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = None
    for limit in (TIMEOUT_S, RETRY_TIMEOUT_S):
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit,
                                  cwd=os.path.dirname(os.path.abspath(path)), env=env)
            break
        except subprocess.TimeoutExpired:
            pass
    if proc is None:
        rec.update(status="error", reason="timed out after %d s, then again after %d s" % (TIMEOUT_S, RETRY_TIMEOUT_S))
        return rec
    tagged = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT_TAG)]
    if not tagged:
        rec.update(status="error", reason="subprocess exited %d without a result\n%s"
                   % (proc.returncode, proc.stderr.strip()))
        return rec
    rec.update(json.loads(tagged[-1][len(RESULT_TAG):]))
    if rec["status"] == "ok":
        rec["leaks"] = leaks(rec["kept"], rec["payload"])
        rec["status"] = "pass" if rec["leaks"] == rec["expect_leak"] else "fail"
    return rec


def _label(flag):
    return "leak" if flag else "no-leak"


def format_record(rec):
    """One report line (plus an indented traceback for errors)."""
    status = rec["status"]
    if status == "skip":
        return "SKIP   %s: %s" % (rec["path"], rec["reason"])
    if status == "error":
        body = "\n".join("    " + ln for ln in rec["reason"].rstrip().splitlines())
        return "ERROR  %s (expected %s)\n%s" % (rec["path"], _label(rec["expect_leak"]), body)
    return "%-6s %-7s kept %9.1f MiB  payload %8.2f MiB  expected %-7s  %s" % (
        status.upper(), _label(rec["leaks"]), rec["kept"] / MIB, rec["payload"] / MIB,
        _label(rec["expect_leak"]), rec["path"])


def numpy_check():
    """None when numpy imports here, else the message to print."""
    try:
        import numpy  # noqa: F401
    except Exception:
        return "numpy not importable by %s; install python3-numpy" % sys.executable
    return None


def main(argv=None):
    ap = argparse.ArgumentParser(description="Runtime oracle for viewleak fixtures.")
    ap.add_argument("--verbose", "-v", action="store_true", help="one line per fixture")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                    help="fixtures measured at once (default: CPU count)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--torch", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("paths", nargs="*", metavar="PATH")
    args = ap.parse_args(argv)

    if args.child:
        return child_main(args.child, args.torch)
    if not args.paths:
        ap.error("give at least one fixture file or folder")
    msg = numpy_check()
    if msg:
        print("oracle: " + msg, file=sys.stderr)
        return EXIT_USAGE
    try:
        files = collect(args.paths)
    except FileNotFoundError as exc:
        print("oracle: no such file or folder: %s" % exc, file=sys.stderr)
        return EXIT_USAGE

    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        records = list(pool.map(run_one, files))
    passed = sum(r["status"] == "pass" for r in records)
    skipped = sum(r["status"] == "skip" for r in records)
    failed = len(records) - passed - skipped
    for rec in records:
        if args.verbose or rec["status"] in ("fail", "error"):
            print(format_record(rec))
    print("oracle: %d fixture file(s) measured in %.1f s"
          % (len(records), time.monotonic() - t0))
    print("oracle: %d passed, %d failed, %d skipped" % (passed, failed, skipped))
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return EXIT_DISAGREE if failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
