#!/usr/bin/env python3
"""bench/plot.py: time against input size for each tool, as a plot for docs/performance.md.

    /usr/bin/python3 bench/plot.py [--out docs/performance.svg] [--lines 25000] [--steps 4]

Generates bench/scale.py's `leaky-loops` shape (functions that each hold the real leak) at LINES x 1,
2, 4, 8 lines, and times, best of 3 on each: `cat`, tree-sitter's parse alone (build/tests/vl_irdump
-p), viewleak (no cache), and ast-grep with bench/astgrep-vl001.yml (when bench/run.sh has installed
it).  Prints the table and writes the plot (matplotlib, from Debian's python3-matplotlib).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import scale  # noqa: E402  (the generators)


def best_of_3(cmd):
    best = None
    for _ in range(3):
        t0 = time.monotonic()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t = time.monotonic() - t0
        best = t if best is None or t < best else best
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "docs", "performance.svg"))
    ap.add_argument("--lines", type=int, default=25000)
    ap.add_argument("--steps", type=int, default=4)
    args = ap.parse_args()
    build = os.path.join(HERE, "..", "build")
    viewleak = os.path.join(build, "viewleak")
    irdump = os.path.join(build, "tests", "vl_irdump")
    sg = os.path.join(HERE, ".cache", "node_modules", "@ast-grep", "cli-linux-x64-gnu", "ast-grep")
    tools = {
        "cat": lambda p: ["cat", p],
        "tree-sitter parse": lambda p: [irdump, "-p", p],
        "viewleak": lambda p: [viewleak, "check", "-q", "--isolated", "--no-cache", p],
    }
    if os.access(sg, os.X_OK):
        tools["ast-grep (bench/astgrep-vl001.yml)"] = lambda p: [sg, "scan", "-r", os.path.join(HERE, "astgrep-vl001.yml"), p]
    sizes, times = [], {name: [] for name in tools}
    with tempfile.TemporaryDirectory() as tmp:
        for step in range(args.steps):
            n = args.lines << step
            path = os.path.join(tmp, "leaky_%d.py" % n)
            with open(path, "w") as f:
                f.write(scale.leaky_loops(n))
            sizes.append(n)
            for name, cmd in tools.items():
                times[name].append(best_of_3(cmd(path)))
    print("| lines | " + " | ".join(tools) + " |")
    print("|---|" + "---|" * len(tools))
    for i, n in enumerate(sizes):
        print("| %d | %s |" % (n, " | ".join("%.3f" % times[t][i] for t in tools)))
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for name in tools:
        ax.plot(sizes, times[name], marker="o", label=name)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("lines in one file (functions that each hold a leak)")
    ax.set_ylabel("wall seconds (best of 3)")
    ax.set_title("Time against input size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(args.out)
    print("wrote %s" % args.out)


if __name__ == "__main__":
    main()
