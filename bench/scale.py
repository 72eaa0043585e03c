#!/usr/bin/env python3
"""bench/scale.py: how viewleak's cost grows with the size of one file, shape by shape.

    python3 bench/scale.py [--viewleak build/viewleak] [--lines 5000] [--steps 4] [--only SHAPE,...]

For each shape below, generates one Python file of LINES x 1, 2, 4, 8 ... lines (STEPS sizes) in a
temporary folder, runs `viewleak check -q --isolated --select ALL --no-cache` on it (best of 3 for small inputs), and prints a
Markdown table: CPU time (user + system, of the child, from wait4), peak RSS (the child's VmHWM, read
from /proc while it runs: wait4's ru_maxrss also counts the forked Python's memory before the exec), and
the growth factor per doubling
(time at 2n / time at n).  Linear cost doubles (factor ~2); quadratic quadruples.  Targets (see
docs/performance.md): a factor of at most 2.2 per doubling, and peak RSS under 10x the file size +
32 MiB.  Targets live here, never in timed tests.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def small_functions(n):
    """Many small functions, each with a loop that stores (the issue's first shape)."""
    out = ["import numpy as np\n\n"]
    for k in range(n // 5):
        out.append(f"def f{k}(a, keep):\n    for j in range(3):\n        b = a[j] + {k}\n        keep.append(b)\n\n")
    return "".join(out)


def comments(n):
    return "".join("# " + "x" * 70 + "\n" for _ in range(n))


def long_strings(n):
    body = "".join("    line of a long docstring " + "y" * 40 + "\n" for _ in range(n - 4))
    return 'import numpy as np\n\nDOC = """\n' + body + '"""\n'


def assignments(n):
    return "".join(f"x{k} = {k}\n" for k in range(n))


def one_function(n):
    """One huge function: straight-line array code and small loops."""
    out = ["import numpy as np\n\n\ndef big(data, keep):\n"]
    for k in range((n - 4) // 4):
        out.append(f"    v{k} = data[{k % 50}] * {k}\n    for j in range(2):\n        keep.append(v{k} + j)\n    data = np.delete(data, 0, axis=0)\n")
    return "".join(out)


def leaky_loops(n):
    """Many functions, each with the real leak (a stored view and a rebind)."""
    out = ["import numpy as np\n\n"]
    for k in range(n // 7):
        out.append(f"def g{k}(data, sel):\n    for _ in range(10):\n        i = np.random.randint(len(data))\n"
                   f"        sel.append(data[i])\n        data = np.delete(data, i, axis=0)\n    return sel\n\n")
    return "".join(out)


def deep_nesting(n):
    """Blocks of 20 nested ifs and loops, repeated."""
    out = ["import numpy as np\n\n\ndef nested(data, keep):\n"]
    lines = 4
    while lines < n:
        for d in range(20):
            ind = "    " * (d + 1)
            out.append(f"{ind}{'for' if d % 2 else 'if'} {'j in range(2)' if d % 2 else 'data is not None'}:\n")
        out.append("    " * 21 + "keep.append(data[j])\n")
        lines += 21
    return "".join(out)


def wide_list(n):
    """One list literal of n * 10 items on one line (a data table)."""
    return "TABLE = [" + ", ".join(str(k) for k in range(n * 10)) + "]\n"


def random_bytes(n):
    """Random bytes, 64 per 'line' (the parser's error recovery; wide ERROR nodes)."""
    import random
    return random.Random(n).randbytes(n * 64)


def real_code(n):
    """n lines of real code: the installed numpy's modules concatenated (names repeat, classes and
    module-level statements pile up in one module), or this repository's fixtures without numpy."""
    import glob
    roots = [r for r in ("/usr/lib/python3/dist-packages/numpy", os.path.join(HERE, "..", "fixtures"))
             if os.path.isdir(r)]
    out, count = [], 0
    while count < n:
        for f in sorted(glob.glob(os.path.join(roots[0], "**", "*.py"), recursive=True)):
            try:
                lines = open(f, encoding="utf-8").read().splitlines(keepends=True)
            except (UnicodeDecodeError, OSError):
                continue
            out.extend(lines[: n - count])
            count += len(lines[: n - count])
            if count >= n:
                break
    return "".join(out)


def deep_expressions(n):
    """Deeply nested expressions, within the lowering's depth limit (VL_MAX_TREE_DEPTH): calls of
    library calls 50 deep and a 100-deep parenthesised sum, one of each per 4 lines."""
    out = ["import numpy as np\n\n"]
    for k in range(n // 4):
        out.append("a%d = " % k + "np.asarray(" * 50 + "x" + ")" * 50 + "\n")
        out.append("b%d = " % k + "(" * 100 + "1" + " + 1)" * 100 + "\n\n\n")
    return "".join(out)


def many_classes(n):
    """Many small classes, each with a base, an attribute set in __init__ and a method whose loop
    stores into it (every class's bases were evaluated with a copy of all the module's globals and
    memos for all its loops: quadratic, 3 GB at 48,000 lines)."""
    out = ["import numpy as np\n\n\nclass Base:\n    pass\n\n\n"]
    for k in range(n // 8):
        out.append(f"class R{k}(Base):\n    def __init__(self):\n        self.buf = []\n\n"
                   f"    def push(self, x):\n        for j in range(3):\n            self.buf.append(x[j] + {k})\n\n")
    return "".join(out)


SHAPES = {
    "small-functions": small_functions,
    "leaky-loops": leaky_loops,
    "one-function": one_function,
    "deep-nesting": deep_nesting,
    "comments": comments,
    "long-strings": long_strings,
    "assignments": assignments,
    "wide-list": wide_list,
    "random-bytes": random_bytes,
    "real-code": real_code,
    "deep-expressions": deep_expressions,
    "many-classes": many_classes,
}


def hwm_kib(pid):
    """The peak RSS (VmHWM) of a running process's own memory in KiB, or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def run(cmd, timeout):
    """(seconds, peak RSS in KiB) of one run, or (None, None) past the timeout."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = t0 + timeout
    hwm = None
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            # CPU time (user + system) of the child: on a shared machine, wall time measures the load.
            # Peak RSS: the last VmHWM read (the child's own memory after the exec), else ru_maxrss
            # (which counts this Python process's memory, from before the exec, too)
            return ru.ru_utime + ru.ru_stime, hwm if hwm else ru.ru_maxrss
        now = hwm_kib(p.pid)
        if now and (hwm is None or now > hwm):
            hwm = now
        if time.monotonic() > deadline:
            p.kill()
            os.wait4(p.pid, 0)
            return None, None
        time.sleep(0.002)


def best_of_3(cmd, timeout):
    """(seconds, peak RSS in KiB) of the fastest of 3 runs (one for a run over 2 s), or (None, None)."""
    best, rss = None, None
    for _ in range(3):
        t, m = run(cmd, timeout)
        if t is None:
            break
        if best is None or t < best:
            best, rss = t, m
        if t > 2.0:
            break  # one run is enough for slow inputs
    return best, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--viewleak", default=os.path.join(HERE, "..", "build", "viewleak"))
    ap.add_argument("--lines", type=int, default=5000, help="lines at 1x (default 5000)")
    ap.add_argument("--steps", type=int, default=4, help="sizes: 1x, 2x, 4x ... (default 4: up to 8x)")
    ap.add_argument("--only", default="", help="comma-separated shapes (default: all)")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    if not os.access(args.viewleak, os.X_OK):
        sys.exit("bench: no viewleak at %s (build first: scripts/dev demo)" % args.viewleak)
    shapes = [s for s in args.only.split(",") if s] or list(SHAPES)
    usage = subprocess.run([args.viewleak, "check", "--help"], capture_output=True, text=True).stdout
    no_cache = ["--no-cache"] if "--no-cache" in usage else []  # measure the analysis, not the cache
    print("| shape | lines | MiB | seconds | peak RSS MiB | growth (time per doubling) | RSS / (10 x size + 32 MiB) |")
    print("|---|---|---|---|---|---|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for shape in shapes:
            prev = None
            for step in range(args.steps):
                n = args.lines << step
                path = os.path.join(tmp, "%s_%d.py" % (shape.replace("-", "_"), n))
                text = SHAPES[shape](n)
                with open(path, "wb") as f:
                    f.write(text if isinstance(text, bytes) else text.encode())
                size = os.path.getsize(path)
                cmd = [args.viewleak, "check", "-q", "--isolated", "--select", "ALL"] + no_cache + [path]
                best, rss = best_of_3(cmd, args.timeout)
                if best is None:
                    print("| %s | %d | %.1f | > %.0f (killed) | | | |" % (shape, n, size / 2**20, args.timeout))
                    break
                g = best / prev if prev and prev > 0.02 else 0.0  # growth per doubling, of inputs over 20 ms
                worst = max(worst, g)
                growth = "%.2fx" % g if g else ""
                budget = 10 * size + 32 * 2**20
                print("| %s | %d | %.1f | %.3f | %.1f | %s | %.2f |" % (
                    shape, n, size / 2**20, best, rss / 1024, growth, rss * 1024 / budget))
                prev = best
                os.unlink(path)
    print()
    print("worst growth per doubling (inputs over 20 ms): %.2fx (target <= 2.2x)" % worst)


if __name__ == "__main__":
    main()
