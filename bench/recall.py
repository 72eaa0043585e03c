#!/usr/bin/env python3
"""Recall and precision of viewleak on labelled programs.

Usage: bench/recall.py [--viewleak PATH] [--verbose] DIR...

Each DIR holds programs: .py files, or folders with a main.py (one multi-module
program), labelled as fixtures are: `# expect: VL001` / `# expect: VL002` on the
line of each leaking store (the runtime oracle proves the labels), no marker on
clean look-alikes.  viewleak checks each program with its default rules.

Per set it prints: leaks (markers) found at their line with the right code, found
at their line with either retention code, leaking programs with at least one hit,
and clean programs with any finding (false alarms)."""
import argparse
import json
import os
import re
import subprocess
import sys

EXPECT = re.compile(r"#\s*expect:\s*(VL\d{3}(?:\s*,\s*VL\d{3})*)")


def programs(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        if "main.py" in filenames and dirpath != root:
            out.append(dirpath)
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return sorted(out)


def markers(path):
    files = [path] if os.path.isfile(path) else [
        os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith(".py")]
    out = set()
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                m = EXPECT.search(line)
                if m:
                    for code in m.group(1).split(","):
                        out.add((os.path.realpath(f), i, code.strip()))
    return out


def findings(viewleak, path):
    p = subprocess.run([viewleak, "check", "--isolated", "--output-format", "json", "--exit-zero", path],
                       capture_output=True, text=True)
    try:
        data = json.loads(p.stdout or "[]")
    except json.JSONDecodeError:
        print("viewleak output not JSON for %s: %s" % (path, p.stderr), file=sys.stderr)
        return set()
    out = set()
    for d in data:
        out.add((os.path.realpath(d["filename"]), d["location"]["row"], d["code"]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--viewleak", default=os.path.join(os.path.dirname(__file__), "..", "build", "viewleak"))
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    print("| set | leaks | found (line+code) | found (line) | leaking programs hit | clean programs | false alarms |")
    print("|---|---|---|---|---|---|---|")
    tot = [0] * 6
    for root in a.dirs:
        n_leaks = strict = lenient = lp = lp_hit = clean = fa = 0
        for prog in programs(root):
            exp = markers(prog)
            got = findings(a.viewleak, prog)
            lines = {(f, r) for f, r, _ in got}
            n_leaks += len(exp)
            s = sum(1 for e in exp if e in got)
            l = sum(1 for f, r, _ in exp if (f, r) in lines)
            strict += s
            lenient += l
            expected_lines = {(f, r) for f, r, _ in exp}
            extra = [g for g in got if (g[0], g[1]) not in expected_lines]
            if exp:
                lp += 1
                lp_hit += l > 0
            else:
                clean += 1
                fa += bool(got)
            if a.verbose and (l < len(exp) or extra):
                name = os.path.relpath(prog, root)
                for f, r, c in sorted(exp):
                    if (f, r) not in lines:
                        print("  MISS  %s:%d %s" % (name, r, c))
                for f, r, c in sorted(extra):
                    print("  EXTRA %s:%d %s (%s)" % (name, r, c, "false alarm" if not exp else "unexpected line"))
        print("| %s | %d | %d | %d | %d/%d | %d | %d |" % (os.path.basename(os.path.normpath(root)), n_leaks, strict,
                                                         lenient, lp_hit, lp, clean, fa))
        for i, v in enumerate((n_leaks, strict, lenient, lp_hit, lp, fa)):
            tot[i] += v
    print("| all | %d | %d | %d | %d/%d | | %d |" % (tot[0], tot[1], tot[2], tot[3], tot[4], tot[5]))


if __name__ == "__main__":
    main()
