#!/usr/bin/env python3
"""watch_test.py VIEWLEAK: `viewleak check --watch` end to end (ctest cli.watch, label cli).

In a scratch folder: the first run reports nothing; an edit that adds a finding gives a run that
reports it; a new subfolder with a file in it is watched (its finding reported, and an edit of the
file there seen); a broken
configuration is reported and watching goes on; fixing it gives a run again; SIGINT ends the
watch with exit status 0.  Each step waits for the run's closing line ("... Watching for file
changes."), under a generous bound against a hang; nothing here measures time.  Exit 77 (skipped)
off Linux, where --watch is not supported.
"""
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

BOUND = 60  # seconds any one step may take before the test calls it a hang

LEAK = """import numpy as np

data = np.zeros((500, 32))
selected = []
for i in range(10):
    selected.append(data[i])
    data = np.delete(data, i, axis=0)
"""
CLEAN = "import numpy as np\n\nx = np.zeros(3)\n"
WATCHING = re.compile(r"^\[\d\d:\d\d:\d\d\] Found (\d+) findings?\. Watching for file changes\.$")


def fail(msg, lines=(), err=()):
    print("FAIL:", msg)
    print("--- stdout so far:\n" + "".join(lines))
    print("--- stderr so far:\n" + "".join(err))
    sys.exit(1)


def reader(stream, sink, q):
    for line in stream:
        sink.append(line)
        q.put(line)
    q.put(None)


def main():
    if not sys.platform.startswith("linux"):
        print("SKIP: --watch needs Linux (inotify)")
        return 77
    vl = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "a.py"), "w") as f:
            f.write(CLEAN)
        env = dict(os.environ, NO_COLOR="1")
        for var in ("FORCE_COLOR", "CLICOLOR_FORCE"):
            env.pop(var, None)
        proc = subprocess.Popen(
            [vl, "check", "--no-cache", "--watch", "--output-format", "concise", "."],
            cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        out, err, q = [], [], queue.Queue()
        threading.Thread(target=reader, args=(proc.stdout, out, q), daemon=True).start()
        threading.Thread(target=reader, args=(proc.stderr, err, queue.Queue()), daemon=True).start()

        def next_run(what):
            """The lines of the next run, up to its closing line; its count of findings."""
            lines = []
            while True:
                try:
                    line = q.get(timeout=BOUND)
                except queue.Empty:
                    proc.kill()
                    fail(f"no run ended within {BOUND} s after {what}", out, err)
                if line is None:
                    fail(f"viewleak exited ({proc.wait()}) after {what}", out, err)
                lines.append(line)
                m = WATCHING.match(line.rstrip("\n"))
                if m:
                    return lines, int(m.group(1))

        def write(rel, text):
            path = os.path.join(tmp, rel)
            with open(path + ".tmp", "w") as f:  # as editors save: a new file renamed over the old
                f.write(text)
            os.replace(path + ".tmp", path)

        lines, found = next_run("the start")
        if not re.match(r"^\[\d\d:\d\d:\d\d\] Starting linter in watch mode\.\.\.$", lines[0].rstrip("\n")):
            fail("the first line is not Ruff's 'Starting linter in watch mode...'", out, err)
        if found != 0:
            fail(f"the first run found {found} findings in a clean folder", out, err)

        write("a.py", LEAK)
        lines, found = next_run("a.py was edited")
        if not lines[0].rstrip("\n").endswith("] File change detected..."):
            fail("a re-run does not start with 'File change detected...'", out, err)
        if found != 1 or not any(l.startswith("a.py:6:21: VL001") for l in lines):
            fail("the edit's finding (a.py:6:21 VL001) is not reported", out, err)

        os.mkdir(os.path.join(tmp, "sub"))
        write(os.path.join("sub", "b.py"), LEAK)
        while True:  # the folder and the file may come as one run or two
            lines, found = next_run("sub/b.py was added")
            if any(l.startswith("sub/b.py:6:21: VL001") for l in lines):
                break
        if found != 2:
            fail(f"after sub/b.py, {found} findings instead of 2", out, err)
        write(os.path.join("sub", "b.py"), CLEAN)  # the new folder is watched itself
        lines, found = next_run("sub/b.py was cleaned")
        if found != 1:
            fail(f"after sub/b.py was cleaned, {found} findings instead of 1", out, err)

        nerr = len(err)
        write("pyproject.toml", "[tool.viewleak]\nselect = [\n")  # broken: reported, watching goes on
        lines, found = next_run("pyproject.toml was broken")
        # stderr has its own reader thread: on a busy machine its line may come after stdout's
        deadline = time.monotonic() + BOUND
        while not any("pyproject.toml" in l for l in err[nerr:]) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not any("pyproject.toml" in l for l in err[nerr:]):
            fail("the broken configuration was not reported on stderr", out, err)
        write("pyproject.toml", '[tool.viewleak]\nignore = ["VL001"]\n')
        lines, found = next_run("pyproject.toml was fixed")
        if found != 0:
            fail(f"with VL001 ignored by the configuration, {found} findings", out, err)
        if proc.poll() is not None:
            fail("viewleak exited while watching", out, err)

        proc.send_signal(signal.SIGINT)
        try:
            rc = proc.wait(timeout=BOUND)
        except subprocess.TimeoutExpired:
            proc.kill()
            fail("SIGINT did not end the watch", out, err)
        if rc != 0:
            fail(f"exit {rc} after SIGINT, want 0", out, err)
        print("ok: first run, an edit, a new folder, a broken then fixed configuration, SIGINT -> exit 0")
        return 0


if __name__ == "__main__":
    sys.exit(main())
