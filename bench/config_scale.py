#!/usr/bin/env python3
"""bench/config_scale.py: how loading a configuration grows with its number of per-file-ignores.

    python3 bench/config_scale.py [--viewleak build/viewleak] [--entries 12500] [--steps 4]

Writes a viewleak.toml of ENTRIES x 1, 2, 4, 8 ... `per-file-ignores` entries (distinct globs) in a
temporary folder and runs `viewleak check -q --no-cache --config it` on one small file, best of 3 (one past 2 s).
Prints a Markdown table: wall time, peak RSS and the growth per doubling (time at 2n / time at n).
Issue 13 (item 7): 50,000 entries took 13 s of CPU when the duplicate-key check compared every key
with every earlier one; the target is linear growth, a factor of at most 2.2 per doubling.  Targets
live here, never in timed tests.
"""
import argparse
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from scale import best_of_3  # noqa: E402  (one way of timing a child, shared with scale.py)

SOURCE = "import numpy as np\n\n\ndef f(data, kept):\n    for i in range(3):\n        kept.append(data[i])\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--viewleak", default=os.path.join(HERE, "..", "build", "viewleak"))
    ap.add_argument("--entries", type=int, default=12500, help="entries at 1x (default 12500)")
    ap.add_argument("--steps", type=int, default=4, help="sizes: 1x, 2x, 4x ... (default 4: up to 8x)")
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    print("| per-file-ignores | KiB of TOML | seconds | peak RSS MiB | growth (time per doubling) |")
    print("|---|---|---|---|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "mod.py")
        with open(src, "w") as f:
            f.write(SOURCE)
        prev = None
        for step in range(args.steps):
            n = args.entries << step
            cfg = os.path.join(tmp, "viewleak.toml")
            with open(cfg, "w") as f:
                f.write("[per-file-ignores]\n")
                f.writelines('"gen/f%d.py" = ["VL001"]\n' % k for k in range(n))
            cmd = [args.viewleak, "check", "-q", "--no-cache", "--config", cfg, src]
            best, rss = best_of_3(cmd, args.timeout)
            if best is None:
                print("| %d | %d | > %.0f (killed) | | |" % (n, os.path.getsize(cfg) // 1024, args.timeout))
                break
            g = best / prev if prev and prev > 0.02 else 0.0  # growth per doubling, of inputs over 20 ms
            worst = max(worst, g)
            growth = "%.2fx" % g if g else ""
            print("| %d | %d | %.3f | %.1f | %s |" % (n, os.path.getsize(cfg) // 1024, best, rss / 1024, growth))
            prev = best
    print()
    print("worst growth per doubling: %.2fx (target <= 2.2x)" % worst)


if __name__ == "__main__":
    main()
