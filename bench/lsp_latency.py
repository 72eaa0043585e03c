#!/usr/bin/env python3
"""bench/lsp_latency.py: how long `viewleak server` takes from a one-line edit to its diagnostics.

    python3 bench/lsp_latency.py [--viewleak build/viewleak] [--file F] [--lines 10000] [--edits 40]
                                 [--sync incremental|full|both]

Opens one document of LINES lines (the first LINES lines of FILE; default: pandas' core/generic.py
from Debian's python3-pandas when installed, else a generated file of small functions with loops),
then makes EDITS one-line edits in the middle of it, one at a time: each edit is sent as a
textDocument/didChange, and the time until the publishDiagnostics of that version arrives is
measured.  The edit is real code: a statement `_vl_bench = K` inserted once inside a function in the
middle of the file, then K changed at each edit.  `--sync full` sends the whole text on each change
(as a client of the old server did), `incremental` only the changed range.  Prints the median, the
90th percentile and the best, in milliseconds, and the server's CPU time per edit (user + system,
from /proc: on a loaded machine wall times wander, CPU time much less).  The target (docs/performance.md): under 10 ms median
for 10,000 lines.  Never a timed test.
"""
import argparse
import ast
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "lsp"))
import test_server  # noqa: E402  (the tests' stdlib-only LSP client)

PANDAS = "/usr/lib/python3/dist-packages/pandas/core/generic.py"


def generated(n):
    out = ["import numpy as np\n\n"]
    for k in range(n // 5):
        out.append(f"def f{k}(a, keep):\n    for j in range(3):\n        b = a[j] + {k}\n        keep.append(b)\n\n")
    return "".join(out)


def document(path, lines):
    if path and os.path.exists(path):
        text = "".join(open(path, encoding="utf-8").readlines()[:lines])
        try:
            ast.parse(text)
            return text, path
        except SyntaxError:  # cut inside a statement: drop the tail up to the last complete one
            pass
        body = text.splitlines(keepends=True)
        while body:
            body.pop()
            try:
                ast.parse("".join(body))
                return "".join(body), path
            except SyntaxError:
                continue
    return generated(lines), "generated (small functions)"


def edit_site(text):
    """(line, indentation) of a one-line statement inside a function, near the middle of the text."""
    tree = ast.parse(text)
    middle = len(text.splitlines()) // 2
    best = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for stmt in node.body:
                if stmt.lineno == stmt.end_lineno and not isinstance(stmt, ast.Expr):
                    if best is None or abs(stmt.lineno - middle) < abs(best.lineno - middle):
                        best = stmt
    if best is None:
        sys.exit("lsp_latency: no one-line statement inside a function to edit")
    return best.lineno - 1, best.col_offset


def run(viewleak, text, edits, sync):
    test_server.VIEWLEAK = viewleak
    s = test_server.Server("--isolated")
    s.initialize()
    uri = test_server.file_uri(os.path.abspath("bench_latency.py"))
    s.open(uri, text, version=1)
    s.diagnostics(uri)
    line, indent = edit_site(text)
    lines = text.splitlines(keepends=True)
    prefix = " " * indent + "_vl_bench = "
    times = []
    cpu_start = None
    current = None  # the K on the inserted line, once inserted
    for k in range(edits + 1):
        if current is None:  # insert the statement line
            new_lines = lines[:line] + [prefix + "0\n"] + lines[line:]
            change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
                      "text": prefix + "0\n"}
            current = 0
        else:  # replace K
            new_lines = lines[:line] + [prefix + str(k) + "\n"] + lines[line + 1:]
            change = {"range": {"start": {"line": line, "character": len(prefix)},
                                "end": {"line": line, "character": len(prefix) + len(str(current))}},
                      "text": str(k)}
            current = k
        lines = new_lines
        if sync == "full":
            change = {"text": "".join(lines)}
        version = k + 2
        start = time.perf_counter()
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        while True:
            got = s.diagnostics(uri)
            if got.get("version") == version:
                break
        if k:  # the first edit (the insertion) warms up
            times.append((time.perf_counter() - start) * 1000)
        else:
            cpu_start = cpu_seconds(s.proc.pid)
    cpu = (cpu_seconds(s.proc.pid) - cpu_start) * 1000 / edits
    s.stop()
    return times, cpu


def cpu_seconds(pid):
    """User + system CPU time of a running process (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewleak", default=os.path.join(HERE, "..", "build", "viewleak"))
    ap.add_argument("--file", default=PANDAS)
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--sync", choices=["incremental", "full", "both"], default="both")
    args = ap.parse_args()
    text, name = document(args.file, args.lines)
    print(f"document: {name}, {len(text.splitlines())} lines, {len(text.encode()) / 1024:.0f} KiB; "
          f"{args.edits} one-line edits")
    print()
    print("| sync | median ms | p90 ms | best ms | server CPU ms per edit |")
    print("|---|---|---|---|---|")
    for sync in (["incremental", "full"] if args.sync == "both" else [args.sync]):
        times, cpu = run(os.path.abspath(args.viewleak), text, args.edits, sync)
        times.sort()
        p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
        print(f"| {sync} | {statistics.median(times):.1f} | {p90:.1f} | {times[0]:.1f} | {cpu:.1f} |")


if __name__ == "__main__":
    main()
