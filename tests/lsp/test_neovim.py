#!/usr/bin/env python3
"""test_neovim.py: `viewleak server` with a real editor: Neovim's built-in LSP client, headless.

    python3 tests/lsp/test_neovim.py --viewleak build/viewleak

Neovim opens a leaky file with a non-ASCII string before the view, gets the diagnostic (Neovim
turns the LSP position back into a byte column, so the column checks the UTF-16 conversion end to
end), asks for the code action and applies it; the result must be `viewleak check --fix
--unsafe-fixes`'s; then the buffer is edited (Neovim sends incremental changes) and the diagnostics
must follow.  Exits 77 (ctest: skipped) when nvim is not installed (apt-get install neovim).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_server  # noqa: E402  (the same leaky file and expectations)


def main():
    args = sys.argv[1:]
    if len(args) != 2 or args[0] != "--viewleak":
        sys.exit("usage: test_neovim.py --viewleak PATH/TO/viewleak")
    viewleak = os.path.abspath(args[1])
    nvim = shutil.which("nvim")
    if not nvim:
        print("SKIP: nvim not found (apt-get install neovim)")
        return 77
    version = subprocess.run([nvim, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(version)
    tmp = tempfile.mkdtemp(prefix="viewleak-nvim-")
    try:
        path = os.path.join(tmp, "leaky.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(test_server.LEAKY)
        out = os.path.join(tmp, "result.json")
        env = dict(os.environ, VIEWLEAK=viewleak, VL_FILE=path, VL_OUT=out)
        lua = os.path.join(os.path.dirname(os.path.abspath(__file__)), "neovim_client.lua")
        p = subprocess.run([nvim, "--headless", "--clean", "-n", "-c", "luafile " + lua], env=env, cwd=tmp,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        if not os.path.exists(out):
            print("nvim wrote no result (exit %d)\n%s%s" % (p.returncode, p.stdout, p.stderr))
            return 1
        with open(out, encoding="utf-8") as f:
            result = json.load(f)
        print(json.dumps(result, indent=2, ensure_ascii=False))
        line = test_server.LEAKY.splitlines()[test_server.VIEW_LINE]
        col = len(line[: line.index("data[i]")].encode("utf-8"))  # Neovim's columns are bytes
        fixed = subprocess.run([viewleak, "check", "--fix", "--unsafe-fixes", "--stdin-filename", path],
                               input=test_server.LEAKY.encode(), capture_output=True, cwd=tmp).stdout.decode()
        problems = list(result["errors"])
        diags = result.get("diagnostics") or []
        if len(diags) != 1:
            problems.append("expected 1 diagnostic, got %d" % len(diags))
        else:
            d = diags[0]
            want = {"lnum": test_server.VIEW_LINE, "col": col, "end_lnum": test_server.VIEW_LINE,
                    "end_col": col + len("data[i]"), "source": "viewleak"}
            for k, v in want.items():
                if d.get(k) != v:
                    problems.append("diagnostic %s: %r, expected %r" % (k, d.get(k), v))
            if "is a view of `data`" not in d.get("message", ""):
                problems.append("unexpected message: %r" % d.get("message"))
        if result.get("actions") != ["Store a copy with `.copy()` (unsafe)"]:
            problems.append("code actions: %r" % result.get("actions"))
        if result.get("fixed") != fixed:
            problems.append("applying the action gave:\n%s\nexpected (viewleak check --fix --unsafe-fixes):\n%s"
                            % (result.get("fixed"), fixed))
        if result.get("cleared") is not True:
            problems.append("the diagnostic stayed after the fix was applied (an incremental change)")
        if result.get("retyped") != {"lnum": test_server.VIEW_LINE + 1, "col": col}:
            problems.append("after typing the leak back one line down: %r" % result.get("retyped"))
        for p_ in problems:
            print("FAIL:", p_)
        print("1 passed, 0 failed" if not problems else "0 passed, 1 failed")
        return 1 if problems else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
