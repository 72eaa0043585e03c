#!/usr/bin/env python3
"""config_schema_validate.py: every configuration in tests/ and fixtures/ against schemas/viewleak.json,
with a real JSON Schema validator (ajv-cli, pinned, installed with npm into TOOLS on the first run, as
sarif_validate.cmake installs the SARIF validator), and against viewleak's own reader.

  config_schema_validate.py VIEWLEAK ROOT NPM TOOLS

For each *.toml file (pyproject.toml: its [tool.viewleak] table; other names: the whole document),
converted to JSON with Python's tomllib:
  - a configuration viewleak accepts (`check --config FILE --show-files` exits 0) must validate;
  - one it rejects must not, unless the reason is one a schema cannot know: a rule code that has the
    shape of one but names no rule (VL999).
Files that are not TOML, and pyproject.toml files without the table, are skipped (counted).
"""
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import tomllib

AJV_VERSION = "5.0.0"


def ajv(npm, tools):
    exe = os.path.join(tools, "node_modules", ".bin", "ajv")
    os.makedirs(tools, exist_ok=True)
    with open(os.path.join(tools, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = os.path.join(tools, "node_modules", "ajv-cli", "package.json")
        version = json.load(open(manifest)).get("version") if os.path.exists(manifest) else None
        if version != AJV_VERSION or not os.path.exists(exe):
            print(f"installing ajv-cli@{AJV_VERSION} into {tools}")
            p = subprocess.run([npm, "install", "--prefix", tools, "--no-audit", "--no-fund", "--save-exact",
                                f"ajv-cli@{AJV_VERSION}"], capture_output=True, text=True)
            if p.returncode != 0 or not os.path.exists(exe):
                sys.exit(f"npm install ajv-cli@{AJV_VERSION} failed (the first run needs the npm registry):\n"
                         f"{p.stdout}{p.stderr}")
    return exe


def main():
    viewleak, root, npm, tools = sys.argv[1:5]
    if not npm or npm.endswith("NOTFOUND"):
        sys.exit("npm not found: ajv-cli is installed with npm (Debian: apt-get install nodejs npm)")
    exe = ajv(npm, tools)
    schema = os.path.join(root, "schemas", "viewleak.json")
    configs = sorted(os.path.join(d, f) for top in ("tests", "fixtures")
                     for d, _, files in os.walk(os.path.join(root, top)) for f in files if f.endswith(".toml"))
    failures, checked, skipped = [], 0, 0
    with tempfile.TemporaryDirectory() as work:
        os.mkdir(os.path.join(work, "empty"))
        for path in configs:
            rel = os.path.relpath(path, root)
            try:
                with open(path, "rb") as f:
                    doc = tomllib.load(f)
            except tomllib.TOMLDecodeError:
                skipped += 1
                continue
            table = doc.get("tool", {}).get("viewleak") if os.path.basename(path) == "pyproject.toml" else doc
            if table is None:
                skipped += 1
                continue
            data = os.path.join(work, "data.json")
            with open(data, "w") as f:
                json.dump(table, f)
            v = subprocess.run([exe, "validate", "--spec=draft7", "-s", schema, "-d", data], capture_output=True,
                               text=True)
            r = subprocess.run([viewleak, "check", "--no-cache", "--config", path, "--show-files", "empty"],
                               cwd=work, capture_output=True, text=True)
            checked += 1
            schema_ok, reader_ok = v.returncode == 0, r.returncode == 0
            if v.returncode not in (0, 1):
                failures.append(f"{rel}: ajv failed to run: {v.stderr}")
            elif reader_ok and not schema_ok:
                failures.append(f"{rel}: viewleak accepts it, the schema rejects it:\n{v.stderr}")
            elif not reader_ok and schema_ok and "matches no rule" not in r.stderr:
                failures.append(f"{rel}: viewleak rejects it ({r.stderr.strip()}), the schema accepts it")
            print(f"{rel}: reader {'ok' if reader_ok else 'rejects'}, schema {'ok' if schema_ok else 'rejects'}")
    for f in failures:
        print("FAIL", f)
    print(f"{checked} configurations checked, {skipped} skipped (not TOML, or no [tool.viewleak]); "
          f"{len(failures)} failures")
    return 1 if failures or checked < 10 else 0


if __name__ == "__main__":
    sys.exit(main())
