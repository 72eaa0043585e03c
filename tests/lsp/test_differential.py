#!/usr/bin/env python3
"""test_differential.py: the server's diagnostics after every edit equal `viewleak check` of the same text.

    python3 tests/lsp/test_differential.py --viewleak build/viewleak --root . [--every 24] [--seed 12] [-v]

Whatever the server keeps from one version of a document to the next (the syntax tree today; lowered
functions, summaries or findings tomorrow), what it publishes must be what a fresh `viewleak check`
of that text reports.  This drives one real server (stdio JSON-RPC, incremental sync, UTF-16
positions) through edit sequences over every EVERY-th fixture of fixtures/vl00N/ and the examples,
plus scripted cases, waits for each version's publishDiagnostics, and compares it with
`viewleak check --isolated --no-cache --output-format json --stdin-filename NAME` of the text the
edits made: code, range, message, related location and fix, as a sorted list.

The edits of a fixture (seeded, so a failure replays; the failing text is written out):
  - a line inserted inside a function (a statement, `pass`, a comment, a blank line), at the
    indentation of the line it goes before
  - a function inserted between two top-level statements
  - a line deleted; a character inserted; a character deleted (syntax may break: that is checked too)
  - syntax broken by an unclosed `(` and restored by deleting it (two versions)
  - `.copy()` removed from a store, or `.copy()` added to a subscript (findings come and go)
  - two changes in one didChange message; a whole-text change (a full-sync client)
  - at the end, the original text again
Scripted cases: a callee edited so that its caller's finding appears and disappears (summaries
read across functions; in callee.py the finding is at the callee's store, in caller.py at the call), a method that sets `self.x` edited under another method's loop (and in a class of many methods, whose
attribute hints skip the finished methods that set nothing on self), and edits
of a module-level name a function reads.  Exit status 1 on any difference, after printing it. """
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_server  # noqa: E402  (the stdlib-only LSP client)

CALLEE = '''import numpy as np


def keep(store, x):
    store.append(x)


def scenario():
    data = np.random.randn(500, 64)
    out = []
    for _ in range(100):
        i = np.random.randint(len(data))
        keep(out, data[i])
        data = np.delete(data, i, axis=0)
    return out
'''

METHOD = '''import numpy as np


class Buffer:
    def __init__(self):
        self.rows = []

    def add(self, row):
        self.rows.append(row)

    def run(self, n):
        frames = np.zeros((n, 256))
        for k in range(n):
            frames = np.random.randn(n, 256)
            self.add(frames[k])
        return self.rows
'''

CALLER = '''import numpy as np


def pick(a, i):
    return a[i]


def scenario():
    data = np.random.randn(500, 64)
    out = []
    for _ in range(100):
        i = np.random.randint(len(data))
        out.append(pick(data, i))
        data = np.delete(data, i, axis=0)
    return out
'''

GLOBAL = '''import numpy as np

CACHE = []


def pick(a, i):
    return a[i]


def scenario():
    for step in range(50):
        batch = np.random.randn(64, 1024)
        CACHE.append(pick(batch, step % 64))
    return CACHE
'''


HINTS = '''from collections import deque

import numpy as np


class Solver:
    def __init__(self, n=64):
        self.dt = 0.2
        self.u = np.zeros((n, n))
        self.flux = []
        self.reset()

    def run(self, n_steps):
        u = self.u
        for _ in range(n_steps):
            u = u + self.dt * np.ones_like(u)
            self.recent.append(u[:, 1])
        self.u = u
        return self.flux

    def get_0(self):
        return self.dt + 0

    def get_1(self):
        return self.dt + 1

    def get_2(self):
        return self.dt + 2

    def get_3(self):
        return self.dt + 3

    def get_4(self):
        return self.dt + 4

    def get_5(self):
        return self.dt + 5

    def get_6(self):
        return self.dt + 6

    def get_7(self):
        return self.dt + 7

    def get_8(self):
        return self.dt + 8

    def get_9(self):
        return self.dt + 9

    def get_10(self):
        return self.dt + 10

    def get_11(self):
        return self.dt + 11

    def get_12(self):
        return self.dt + 12

    def get_13(self):
        return self.dt + 13

    def get_14(self):
        return self.dt + 14

    def get_15(self):
        return self.dt + 15

    def reset(self):
        self.recent = deque()
'''


def scripted():
    """(name, text, [(old, new)...]): each step replaces the first `old` of the current text."""
    return [
        ("callee.py", CALLEE, [("store.append(x)", "store.append(x.copy())"),
                               ("store.append(x.copy())", "store.append(x)"),
                               ("    store.append(x)\n", "    store.append(x)\n    store.clear()\n"),
                               ("    store.clear()\n", ""),
                               ("def keep(store, x):", "def keep(store, x, extra=None):"),
                               ("keep(out, data[i])", "keep(out, data[i].sum())")]),
        ("caller.py", CALLER, [("return a[i]", "return a[i].copy()"),
                               ("return a[i].copy()", "return a[i]"),
                               ("def pick(a, i):", "# a helper\ndef pick(a, i):"),
                               ("return a[i]", "return a[i:i + 1]"),
                               ("return a[i:i + 1]", "return a.sum()"),
                               ("return a.sum()", "return a[i]"),
                               ("out.append(pick(data, i))", "out.append(pick(data, i).copy())")]),
        ("method.py", METHOD, [("self.rows.append(row)", "self.rows.append(row.copy())"),
                               ("self.rows.append(row.copy())", "self.rows.append(row)"),
                               ("self.rows = []", "self.rows = None"),
                               ("self.rows = None", "self.rows = []"),
                               ("self.add(frames[k])", "self.add(frames[k] + 0)")]),
        ("hints.py", HINTS, [("self.recent = deque()", "self.recent = deque(maxlen=2)"),
                             ("self.recent = deque(maxlen=2)", "self.recent = deque()"),
                             ("        return self.dt + 3\n", "        self.recent = deque(maxlen=2)\n"),
                             ("        self.recent = deque(maxlen=2)\n", "        return self.dt + 3\n"),
                             ("        return self.dt + 15\n", "        self.recent = None\n"),
                             ("self.recent.append(u[:, 1])", "self.recent.append(u[:, 1].copy())"),
                             ("self.recent.append(u[:, 1].copy())", "self.recent.append(u[:, 1])")]),
        ("global.py", GLOBAL, [("return a[i]", "return a[i].copy()"),
                               ("return a[i].copy()", "return a[i]"),
                               ("CACHE = []", "CACHE = ()"),
                               ("CACHE = ()", "CACHE = []"),
                               ("    return CACHE\n", "    return CACHE\n\n\nCACHE = None\n")]),
    ]


# ---- positions: Python string offsets <-> LSP UTF-16 positions (lines end at \n: CR files are skipped)

def position(text, offset):
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


def ranged(text, start, end, new):
    return {"range": {"start": position(text, start), "end": position(text, end)}, "text": new}


def codepoint_column(lines, line, character):
    """The code-point column of an LSP UTF-16 `character` on line `line`."""
    body = lines[line] if line < len(lines) else ""
    units = 0
    for k, ch in enumerate(body):
        if units >= character:
            return k
        units += len(ch.encode("utf-16-le")) // 2
    return len(body)


# ---- edit sequences

def line_starts(text):
    starts = [0]
    for k, ch in enumerate(text):
        if ch == "\n":
            starts.append(k + 1)
    return starts


def edits_of(text, rng):
    """A list of versions, each [changes] (LSP content changes applied to the text before)."""
    out = []

    def step(changes):
        nonlocal text
        out.append(changes)
        text = test_server.lsp_apply(text, changes)

    def lines():
        return text.split("\n")

    def offset_of(row):
        return line_starts(text)[row]

    body = [r for r, ln in enumerate(lines()) if ln.startswith((" ", "\t")) and ln.strip()]
    if body:  # a line inside a function (or class), at its indentation
        r = rng.choice(body)
        ln = lines()[r]
        indent = ln[: len(ln) - len(ln.lstrip())]
        stmt = rng.choice(["_vl_d = 1", "pass", "# a comment", "", "_vl_x = [1, 2][0]"])
        at = offset_of(r)
        step([ranged(text, at, at, indent + stmt + "\n" if stmt else "\n")])
    tops = [r for r, ln in enumerate(lines()) if ln.startswith(("def ", "class ", "@"))]
    if tops:  # a function between two top-level statements
        at = offset_of(rng.choice(tops))
        step([ranged(text, at, at, "def _vl_extra(x):\n    return x[0]\n\n\n")])
    for kind in rng.sample(["delete_line", "insert_char", "delete_char", "copy", "two", "full"], 4):
        n = len(text)
        if not n:
            break
        if kind == "delete_line":
            starts = line_starts(text)
            r = rng.randrange(len(starts))
            end = starts[r + 1] if r + 1 < len(starts) else n
            step([ranged(text, starts[r], end, "")])
        elif kind == "insert_char":
            at = rng.randrange(n + 1)
            step([ranged(text, at, at, rng.choice([" ", "x", "(", ":", "0", ",", "\n"]))])
        elif kind == "delete_char":
            at = rng.randrange(n)
            step([ranged(text, at, at + 1, "")])
        elif kind == "copy":
            k = text.find(".copy()")
            if k >= 0:
                step([ranged(text, k, k + len(".copy()"), "")])
            else:
                k = text.find("]")
                if k >= 0:
                    step([ranged(text, k + 1, k + 1, ".copy()")])
        elif kind == "two":  # two ranged changes in one message, the second on the text the first left
            first = ranged(text, 0, 0, "# edited\n")
            after = test_server.lsp_apply(text, [first])
            at = rng.randrange(len(after) + 1)
            step([first, ranged(after, at, at, "\n")])
        else:
            step([{"text": text.replace("range(", "range(1 + ", 1)}])
    # syntax broken, then restored
    starts = line_starts(text)
    r = rng.randrange(len(starts))
    end = text.find("\n", starts[r])
    end = len(text) if end < 0 else end
    step([ranged(text, end, end, "(")])
    step([ranged(text, end, end + 1, "")])
    return out


# ---- the two sides

def published(diags, text):
    """The server's diagnostics as comparable tuples (positions as code-point columns)."""
    lines = text.split("\n")

    def pos(p):
        return (p["line"], codepoint_column(lines, p["line"], p["character"]))

    def rng_(r):
        return (pos(r["start"]), pos(r["end"]))

    out = []
    for d in diags:
        related = tuple((rng_(r["location"]["range"]), r["message"]) for r in d.get("relatedInformation", []))
        fix = d.get("data", {}).get("fix")
        fix = None if fix is None else (fix["applicability"],
                                        tuple((rng_(e["range"]), e["newText"]) for e in fix["edits"]))
        out.append((d.get("code"), rng_(d["range"]), d["message"], related, fix))
    return sorted(out, key=repr)


def checked(findings):
    """`viewleak check --output-format json` findings as the same tuples (1-based -> 0-based)."""
    def pos(p):
        return (p["row"] - 1, p["column"] - 1)

    out = []
    for f in findings:
        related = tuple(((pos(r["location"]), pos(r["end_location"])), r["message"]) for r in f.get("related", []))
        fix = f.get("fix")
        fix = None if fix is None else (fix["applicability"],
                                        tuple(((pos(e["location"]), pos(e["end_location"])), e["content"])
                                              for e in fix["edits"]))
        out.append((f["code"], (pos(f["location"]), pos(f["end_location"])), f["message"], related, fix))
    return sorted(out, key=repr)


def check(viewleak, name, text, cwd):
    p = subprocess.run([viewleak, "check", "--isolated", "--no-cache", "--output-format", "json",
                        "--stdin-filename", name], input=text.encode(), capture_output=True, cwd=cwd)
    err = p.stderr.decode(errors="replace")
    if p.returncode not in (0, 1) or "Sanitizer" in err or "runtime error:" in err:  # (a -DVL_SANITIZE=ON build)
        raise RuntimeError(f"viewleak check failed ({p.returncode}): {err}")
    return checked(json.loads(p.stdout))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewleak", required=True)
    ap.add_argument("--root", required=True, help="the source tree (fixtures/, examples/)")
    ap.add_argument("--every", type=int, default=24, help="every EVERY-th fixture file")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    viewleak = test_server.VIEWLEAK = os.path.abspath(args.viewleak)
    files = sorted(glob.glob(os.path.join(args.root, "fixtures", "vl00*", "*.py")))[:: args.every]
    files += sorted(glob.glob(os.path.join(args.root, "examples", "*.py")))
    cases = []  # (name, original text, [versions: (changes, text)])
    for path in files:
        text = open(path, encoding="utf-8").read()
        if "\r" in text:
            continue
        rng = random.Random(f"{args.seed}:{os.path.basename(path)}")
        versions, t = [], text
        for changes in edits_of(text, rng):
            t = test_server.lsp_apply(t, changes)
            versions.append((changes, t))
        versions.append(([{"text": text}], text))  # back to the start
        cases.append((os.path.relpath(path, args.root).replace(os.sep, "_"), text, versions))
    for name, text, steps in scripted():
        versions, t = [], text
        for old, new in steps:
            k = t.index(old)
            changes = [ranged(t, k, k + len(old), new)]
            t = test_server.lsp_apply(t, changes)
            versions.append((changes, t))
        cases.append((name, text, versions))

    tmp = tempfile.mkdtemp(prefix="viewleak-differential-")
    server = test_server.Server("--isolated", cwd=tmp)
    server.initialize(test_server.UTF16_CAPS)
    got = {}  # (case, version) -> published
    texts = {}
    for name, text, versions in cases:
        path = os.path.join(tmp, name)
        uri = test_server.file_uri(path)
        server.open(uri, text, version=1)
        texts[(name, 1)] = text
        while True:
            params = server.diagnostics(uri)
            if params.get("version") == 1:
                break
        got[(name, 1)] = published(params["diagnostics"], text)
        for k, (changes, t) in enumerate(versions):
            v = k + 2
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": changes})
            while True:
                params = server.diagnostics(uri)
                if params.get("version") == v:
                    break
            got[(name, v)] = published(params["diagnostics"], t)
            texts[(name, v)] = t
        server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    code = server.stop()
    log = server.log()
    if code != 0 or "Sanitizer" in log or "runtime error:" in log:
        print(f"the server exited with {code}:\n{log}")
        return 1

    unique = sorted({(n, t) for (n, _), t in texts.items()})
    with ThreadPoolExecutor(max_workers=2) as pool:
        want = dict(zip(unique, pool.map(lambda nt: check(viewleak, os.path.join(tmp, nt[0]), nt[1], tmp), unique)))
    failures = 0
    changed = 0  # versions whose findings differ from the version before (the test is not all-empty)
    for (name, v), diags in sorted(got.items()):
        expect = want[(name, texts[(name, v)])]
        if v > 1 and diags != got[(name, v - 1)]:
            changed += 1
        if diags != expect:
            failures += 1
            out = os.path.join(tmp, f"{name}.v{v}.py")
            with open(out, "w", encoding="utf-8") as f:
                f.write(texts[(name, v)])
            print(f"DIFFERENT: {name} version {v} (text in {out})")
            print("  server published:", json.dumps(diags))
            print("  viewleak check:  ", json.dumps(expect))
        elif args.verbose:
            print(f"same: {name} version {v} ({len(diags)} diagnostics)")
    print(f"{len(cases)} documents, {len(got)} versions ({len(unique)} distinct texts), "
          f"{changed} versions whose diagnostics changed, {failures} different from viewleak check")
    if changed == 0:
        print("no edit changed any diagnostic: the sequences test nothing")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
