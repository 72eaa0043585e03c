"""check_outputs.py: the machine-readable formats parse and agree with each other.

Usage: check_outputs.py VIEWLEAK ROOT INPUT...   (ctest -R '^formats_outputs$', label formats)

Runs `viewleak check --isolated --output-format F INPUT...` from ROOT for every machine format and
checks that
  - json is a JSON array of Ruff-shaped objects, and json-lines the same objects one per line;
  - sarif is SARIF 2.1.0 whose results match the json findings (rule index, 1-based regions,
    relative URIs against %SRCROOT%, one fingerprint per finding);
  - gitlab is a Code Quality array with the SARIF fingerprints, unique per finding;
  - junit parses as XML, one failing testcase per finding; github is one command per finding;
  - a clean run gives `[]`, an empty SARIF result list and a valid JUnit document;
  - fingerprints do not change when lines are added above a finding, while its line does;
  - an absolute path below the current directory is printed relative to it.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

RUFF_KEYS = {"cell", "code", "end_location", "filename", "fix", "location", "message", "noqa_row", "url"}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(viewleak, fmt, args, cwd, want_rc=None):
    p = subprocess.run([viewleak, "check", "--isolated", "--output-format", fmt, *args], cwd=cwd,
                       capture_output=True, text=True, encoding="utf-8")
    if want_rc is not None:
        check(p.returncode == want_rc, f"{fmt}: exit {p.returncode}, want {want_rc}; stderr: {p.stderr}")
    check(p.stderr == "", f"{fmt}: unexpected stderr: {p.stderr}")
    return p.stdout


def check_location(loc, what):
    check(isinstance(loc, dict) and set(loc) == {"row", "column"}, f"{what}: location keys {loc}")
    check(loc["row"] >= 1 and loc["column"] >= 1, f"{what}: not 1-based: {loc}")


def check_json(findings):
    check(isinstance(findings, list) and findings, "json: not a non-empty array")
    for i, f in enumerate(findings):
        what = f"json[{i}]"
        check(set(f) == RUFF_KEYS | {"related"}, f"{what}: keys {sorted(f)}")
        check(list(f) == sorted(f), f"{what}: keys not in Ruff's (alphabetical) order")
        notebook = f["filename"].endswith(".ipynb")
        check(f["cell"] is None if not notebook else isinstance(f["cell"], int) and f["cell"] >= 1, f"{what}: cell")
        if f["code"] is None:  # a syntax error, as Ruff reports one: no code, url or noqa_row
            check(f["message"].startswith("SyntaxError: "), f"{what}: syntax error message {f['message']}")
            check(f["url"] is None and f["noqa_row"] is None and f["fix"] is None, f"{what}: syntax error fields")
            check_location(f["location"], what)
            continue
        check(re.fullmatch(r"VL\d{3}", f["code"]) is not None, f"{what}: code {f['code']}")
        check(not os.path.isabs(f["filename"]) and not f["filename"].startswith("./"), f"{what}: filename")
        check_location(f["location"], what)
        check_location(f["end_location"], what)
        check(f["noqa_row"] == f["location"]["row"], f"{what}: noqa_row")
        check(f["url"].endswith(f"/{f['code']}.md"), f"{what}: url {f['url']}")
        for r in f["related"]:
            keys = {"message", "location", "end_location"} | ({"cell"} if notebook else set())
            check(set(r) == keys and list(r) == sorted(r), f"{what}: related keys {sorted(r)}")
            check_location(r["location"], what)
        if f["fix"] is not None:
            check(f["fix"]["applicability"] in ("safe", "unsafe"), f"{what}: applicability")
            check(set(f["fix"]) == {"applicability", "edits", "message"}, f"{what}: fix keys")
            for e in f["fix"]["edits"]:
                check(set(e) == {"content", "location", "end_location"}, f"{what}: edit keys")


def fingerprints_of(sarif):
    return [r["partialFingerprints"]["viewleak/v1"] for r in sarif["runs"][0]["results"]]


def check_sarif(sarif, findings):
    check(sarif.get("version") == "2.1.0", "sarif: version")
    check(sarif.get("$schema") == "https://json.schemastore.org/sarif-2.1.0.json", "sarif: $schema")
    run0 = sarif["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    check(run0["tool"]["driver"]["name"] == "viewleak", "sarif: driver name")
    results = run0["results"]
    check(len(results) == len(findings), f"sarif: {len(results)} results for {len(findings)} json findings")
    for i, (r, f) in enumerate(zip(results, findings)):
        what = f"sarif result {i}"
        if f["code"] is None:
            check("ruleId" not in r and "ruleIndex" not in r and r["level"] == "error", f"{what}: syntax error")
        else:
            check(rules[r["ruleIndex"]]["id"] == r["ruleId"] == f["code"], f"{what}: rule id/index")
        loc = r["locations"][0]["physicalLocation"]
        check(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%", f"{what}: uriBaseId")
        want_uri = urllib.parse.quote(f["filename"], safe="!$&'()*+,;=@/")
        check(loc["artifactLocation"]["uri"] == want_uri, f"{what}: uri {loc['artifactLocation']['uri']}, want {want_uri}")
        reg = loc["region"]
        check((reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]) ==
              (f["location"]["row"], f["location"]["column"], f["end_location"]["row"], f["end_location"]["column"]),
              f"{what}: region {reg} vs json {f['location']} {f['end_location']}")
        check(r["message"]["text"].rstrip(".") == f["message"].rstrip("."), f"{what}: message")
        check(len(r.get("relatedLocations", [])) == len(f["related"]), f"{what}: related locations")
        # a notebook's regions count in its cells: no SARIF fix (it would edit the JSON text)
        notebook = f["cell"] is not None
        check(("fixes" in r) == (f["fix"] is not None and not notebook), f"{what}: fixes")
        check(loc.get("properties", {}).get("cell") == f["cell"], f"{what}: cell property")
    prints = fingerprints_of(sarif)
    check(len(set(prints)) == len(prints), "sarif: fingerprints not unique")


def check_gitlab(issues, sarif):
    check(isinstance(issues, list), "gitlab: not an array")
    prints = [i["fingerprint"] for i in issues]
    check(prints == fingerprints_of(sarif), "gitlab: fingerprints differ from SARIF's")
    for i in issues:
        check(set(i) == {"check_name", "description", "fingerprint", "location", "severity"}, f"gitlab: keys {sorted(i)}")
        check(set(i["location"]) == {"path", "lines"} and i["location"]["lines"]["begin"] >= 1, "gitlab: location")


def check_junit(text, nfailures):
    root = ET.fromstring(text.encode("utf-8"))
    check(root.tag == "testsuites", "junit: root")
    cases = root.findall("./testsuite/testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    check(len(failed) == nfailures, f"junit: {len(failed)} failures, want {nfailures}")
    check(int(root.get("failures")) == nfailures, "junit: failures attribute")
    return root


def check_stable_fingerprints(viewleak, root):
    """Lines added above a finding move it, but keep its fingerprint."""
    src = os.path.join(root, "examples", "mixed.py")
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        shutil.copy(src, os.path.join(a, "mixed.py"))
        with open(src, encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(b, "mixed.py"), "w", encoding="utf-8") as f:
            f.write("# three more lines\n# above the finding\n\n" + text)
        sa = json.loads(run(viewleak, "sarif", ["mixed.py"], a, 1))
        sb = json.loads(run(viewleak, "sarif", ["mixed.py"], b, 1))
        la = sa["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
        lb = sb["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
        check(lb == la + 3, f"fingerprint test: lines {la} -> {lb}")
        check(fingerprints_of(sa) == fingerprints_of(sb), "fingerprints changed when lines were added above")
        ga = json.loads(run(viewleak, "gitlab", ["mixed.py"], a, 1))
        check(ga[0]["fingerprint"] == fingerprints_of(sa)[0], "gitlab and sarif fingerprints differ")


def main():
    viewleak, root, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
    findings = json.loads(run(viewleak, "json", inputs, root, 1))
    check_json(findings)
    lines = run(viewleak, "json-lines", inputs, root, 1).splitlines()
    check([json.loads(line) for line in lines] == findings, "json-lines: differs from json")
    sarif = json.loads(run(viewleak, "sarif", inputs, root, 1))
    check_sarif(sarif, findings)
    check_gitlab(json.loads(run(viewleak, "gitlab", inputs, root, 1)), sarif)
    check_junit(run(viewleak, "junit", inputs, root, 1), len(findings))
    github = run(viewleak, "github", inputs, root, 1).splitlines()
    check(len(github) == len(findings), "github: one command per finding")
    for line, f in zip(github, findings):
        level, title = ("error", "syntax-error::") if f["code"] is None else ("warning", f"{f['code']} (")
        check(line.startswith(f"::{level} file=") and f"line={f['location']['row']},col={f['location']['column']}," in line
              and f",title={title}" in line, f"github: {line}")
        check(f["cell"] is None or f"::cell {f['cell']}: " in line, f"github: the cell is not named: {line}")
    check(any(f["code"] is None for f in findings), "no syntax error among the inputs' findings")

    clean = [os.path.join("examples", "numpy_only.py")]
    check(json.loads(run(viewleak, "json", clean, root, 0)) == [], "json: clean run is not []")
    check(run(viewleak, "json-lines", clean, root, 0) == "", "json-lines: clean run prints something")
    check(json.loads(run(viewleak, "sarif", clean, root, 0))["runs"][0]["results"] == [], "sarif: clean results")
    check(json.loads(run(viewleak, "gitlab", clean, root, 0)) == [], "gitlab: clean run is not []")
    check_junit(run(viewleak, "junit", clean, root, 0), 0)

    absolute = json.loads(run(viewleak, "json", [os.path.join(os.path.abspath(root), "examples", "mixed.py")], root, 1))
    check(absolute and absolute[0]["filename"] == "examples/mixed.py", f"absolute path: {absolute[:1]}")
    check_stable_fingerprints(viewleak, root)

    for f in failures:
        print("FAIL", f)
    print(f"{len(findings)} findings checked in every format; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
