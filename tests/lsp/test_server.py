#!/usr/bin/env python3
"""test_server.py: `viewleak server` end to end, through a small LSP client (Python 3 stdlib only).

    python3 tests/lsp/test_server.py --viewleak build/viewleak [unittest args, e.g. Diagnostics]

Each test starts the built binary, speaks LSP 3.17 to it over pipes, and checks what comes back:
framing and JSON-RPC errors, the lifecycle and its exit codes, diagnostics in UTF-16 and UTF-8
positions, code actions (whose edit must give what `viewleak check --fix --unsafe-fixes` gives),
noqa, and per-file configuration.  ctest runs one test per class (label `lsp`).
"""
import json
import os
import queue
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

VIEWLEAK = None  # set by main()
TIMEOUT = 10  # seconds to wait for any one message

# A leaky loop with non-ASCII text before the view on its line: "é" is 2 UTF-8 bytes and 1 UTF-16
# unit, "😀" 4 bytes and 2 units (a surrogate pair), so the three encodings give three columns.
LEAKY = '''import numpy as np


def scenario():
    data = np.random.randn(500, 32, 32, 3)
    selected = []
    for _ in range(100):
        i = np.random.randint(len(data))
        selected.append(("é😀", data[i]))
        data = np.delete(data, i, axis=0)
    return selected
'''
VIEW_LINE = 8  # 0-based line of `data[i]`
REBIND_LINE = 9
FIXED = LEAKY.replace("data[i]))", "data[i].copy()))")
NOQA = LEAKY.replace('data[i]))\n', 'data[i]))  # noqa: VL001\n')

UTF16_CAPS = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "publishDiagnostics": {"relatedInformation": True, "codeDescriptionSupport": True, "dataSupport": True},
        "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}},
                       "isPreferredSupport": True, "dataSupport": True},
    },
}
UTF8_CAPS = dict(UTF16_CAPS, general={"positionEncodings": ["utf-8", "utf-16"]})


def column(line, substring, encoding):
    """The LSP character of `substring` in `line`, in "utf-16" or "utf-8" code units."""
    prefix = line[: line.index(substring)]
    return len(prefix.encode("utf-16-le")) // 2 if encoding == "utf-16" else len(prefix.encode("utf-8"))


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def file_uri(path):
    return "file://" + urllib.parse.quote(path)


class Server:
    """The server process and a reader thread that splits its stdout into messages."""

    def __init__(self, *args, cwd=None):
        self.proc = subprocess.Popen([VIEWLEAK, "server", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.stderr = b""
        self.next_id = 1
        self.pending = []  # notifications received while waiting for a response
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self._stderr_thread = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_thread.start()

    def _read_stdout(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    self.messages.put(None)
                    return
                header += c
            # the server writes exactly one header, in the spec's form
            assert header.startswith(b"Content-Length: ") and header.count(b"\r\n") == 2, header
            body = out.read(int(header[16:-4]))
            self.messages.put(json.loads(body.decode("utf-8")))

    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    # ---- sending ----
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        self.send_raw(frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request(self, method, params=None):
        """Sends a request and returns its response (notifications meanwhile go to self.pending)."""
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.response(rid)

    # ---- receiving ----
    def recv(self, timeout=TIMEOUT):
        msg = self.messages.get(timeout=timeout)
        if msg is None:
            raise EOFError("the server closed its output")
        return msg

    def response(self, rid):
        while True:
            msg = self.recv()
            if "method" not in msg and msg.get("id") == rid:
                return msg
            self.pending.append(msg)

    def notification(self, method, uri=None, timeout=TIMEOUT):
        """The next message with that method (and params.uri); the others are kept for later."""
        def wanted(msg):
            return msg.get("method") == method and (uri is None or msg.get("params", {}).get("uri") == uri)
        for i, msg in enumerate(self.pending):
            if wanted(msg):
                return self.pending.pop(i)
        while True:
            msg = self.recv(timeout)
            if wanted(msg):
                return msg
            self.pending.append(msg)

    def diagnostics(self, uri):
        """The params of the next publishDiagnostics for uri."""
        return self.notification("textDocument/publishDiagnostics", uri)["params"]

    def quiet(self, seconds=0.3):
        """Every message not yet consumed, up to a round trip (an unknown request, whose error
        answer is left out) and `seconds` more."""
        self.request("viewleak/ping")
        got, self.pending = self.pending, []
        try:
            while True:
                got.append(self.recv(seconds))
        except queue.Empty:
            pass
        return got

    # ---- lifecycle ----
    def initialize(self, capabilities=UTF16_CAPS, options=None):
        params = {"processId": os.getpid(), "rootUri": None, "capabilities": capabilities}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, path_or_uri, text, version=1, language="python"):
        uri = path_or_uri if ":" in path_or_uri else file_uri(path_or_uri)
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}})
        return uri

    def stop(self):
        """shutdown + exit; returns the exit code."""
        self.request("shutdown")
        self.notify("exit")
        return self.wait()

    def wait(self):
        try:
            code = self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdin.close()
        self.proc.stdout.close()
        return code

    def close_input(self):
        self.proc.stdin.close()
        code = self.proc.wait(timeout=TIMEOUT)
        self.proc.stdout.close()
        return code

    def log(self):
        """The server's stderr (once it has exited)."""
        self._stderr_thread.join(TIMEOUT)
        return self.stderr.decode("utf-8", "replace")


class ServerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="viewleak-lsp-")
        self.servers = []

    def tearDown(self):
        reports = []
        for s in self.servers:
            if s.proc.poll() is None:
                s.proc.kill()
                s.proc.wait()
            s._stderr_thread.join(TIMEOUT)
            for f in (s.proc.stdin, s.proc.stdout, s.proc.stderr):
                try:
                    f.close()
                except Exception:
                    pass
            log = s.stderr.decode("utf-8", "replace")
            if "Sanitizer" in log or "runtime error:" in log:  # a -DVL_SANITIZE=ON build's reports
                reports.append(log)
        shutil.rmtree(self.tmp, ignore_errors=True)
        if reports:
            self.fail("the server's sanitizers reported:\n" + "\n".join(reports))

    def start(self, *args, **kw):
        s = Server(*args, **kw)
        self.servers.append(s)
        return s

    def write(self, rel, text):
        path = os.path.join(self.tmp, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def check_json(self, path, text):
        """`viewleak check --output-format json` on text as path: its findings."""
        p = subprocess.run([VIEWLEAK, "check", "--output-format", "json", "--stdin-filename", path],
                           input=text.encode(), capture_output=True, cwd=self.tmp)
        return json.loads(p.stdout)

    def assertError(self, msg, code, rid):
        self.assertIn("error", msg, msg)
        self.assertEqual(msg["error"]["code"], code, msg)
        self.assertIsInstance(msg["error"]["message"], str)
        self.assertEqual(msg["id"], rid, msg)


def apply_edits(text, edits, encoding):
    """Applies LSP TextEdits (last first), positions in `encoding` code units."""
    lines = text.splitlines(keepends=True)

    def offset(pos):
        line = lines[pos["line"]]
        body = line.rstrip("\r\n")
        units = 0
        for k, ch in enumerate(body):
            if units >= pos["character"]:
                return sum(map(len, lines[: pos["line"]])) + k
            units += len(ch.encode("utf-16-le")) // 2 if encoding == "utf-16" else len(ch.encode("utf-8"))
        return sum(map(len, lines[: pos["line"]])) + len(body)

    spans = sorted(((offset(e["range"]["start"]), offset(e["range"]["end"]), e["newText"]) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def lsp_offset(text, pos, encoding):
    """The index in `text` of an LSP position, as LSP defines it: lines end at \\n, \\r\\n or \\r; a
    character past the end of its line is the end of the line, a line past the last the end of the
    text; a UTF-16 position inside a surrogate pair is the end of that character."""
    starts = [0] + [m.end() for m in re.finditer("\r\n|\r|\n", text)]
    if pos["line"] >= len(starts):
        return len(text)
    at = starts[pos["line"]]
    end = len(text) if pos["line"] + 1 >= len(starts) else starts[pos["line"] + 1]
    while end > at and text[end - 1] in "\r\n":
        end -= 1
    units = 0
    while at < end and units < pos["character"]:
        units += len(text[at].encode("utf-16-le")) // 2 if encoding == "utf-16" else len(text[at].encode("utf-8"))
        at += 1
    return at


def lsp_apply(text, changes, encoding="utf-16"):
    """Applies TextDocumentContentChangeEvents in order, each on the text the previous one left."""
    for c in changes:
        if "range" not in c:
            text = c["text"]
            continue
        start, end = lsp_offset(text, c["range"]["start"], encoding), lsp_offset(text, c["range"]["end"], encoding)
        text = text[:start] + c["text"] + text[end:]
    return text


def change(line0, char0, line1, char1, text):
    return {"range": {"start": {"line": line0, "character": char0}, "end": {"line": line1, "character": char1}},
            "text": text}


class Lifecycle(ServerTest):
    def test_shutdown_then_exit_is_0(self):
        s = self.start()
        result = s.initialize()["result"]
        self.assertEqual(result["serverInfo"]["name"], "viewleak")
        self.assertEqual(s.stop(), 0)

    def test_exit_without_shutdown_is_1(self):
        s = self.start()
        s.initialize()
        s.notify("exit")
        self.assertEqual(s.wait(), 1)

    def test_exit_before_initialize_is_1(self):
        s = self.start()
        s.notify("exit")
        self.assertEqual(s.wait(), 1)

    def test_stdin_closed_at_once_exits_cleanly(self):
        # an empty pipe, not /dev/null (on a shared machine /dev/null has been seen replaced by a file)
        p = subprocess.run([VIEWLEAK, "server"], input=b"", capture_output=True, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0)
        self.assertEqual(p.stdout, b"")
        self.assertEqual(p.stderr, b"")

    def test_stdin_closed_mid_session_is_1(self):
        s = self.start()
        s.initialize()
        self.assertEqual(s.close_input(), 1)

    def test_requests_before_initialize_get_32002(self):
        s = self.start()
        self.assertError(s.request("textDocument/codeAction", {}), -32002, 1)
        self.assertError(s.request("shutdown"), -32002, 2)
        # notifications before initialize are dropped: no diagnostics for this one
        s.open(os.path.join(self.tmp, "a.py"), LEAKY)
        self.assertIn("result", s.request("initialize", {"capabilities": {}}))
        self.assertEqual([m for m in s.quiet() if m.get("method") == "textDocument/publishDiagnostics"], [])
        self.assertEqual(s.stop(), 0)

    def test_initialize_twice_is_an_error(self):
        s = self.start()
        s.initialize()
        self.assertError(s.request("initialize", {"capabilities": {}}), -32600, 2)
        self.assertEqual(s.stop(), 0)

    def test_requests_after_shutdown_are_invalid(self):
        s = self.start()
        s.initialize()
        self.assertEqual(s.request("shutdown")["result"], None)
        self.assertError(s.request("textDocument/codeAction", {}), -32600, 3)
        s.notify("exit")
        self.assertEqual(s.wait(), 0)

    def test_unknown_methods(self):
        s = self.start()
        s.initialize()
        self.assertError(s.request("workspace/symbol", {"query": ""}), -32601, 2)
        self.assertError(s.request("$/viewleakSomething"), -32601, 3)
        s.notify("$/cancelRequest", {"id": 2})
        s.notify("$/setTrace", {"value": "off"})
        s.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [], "removed": []}})
        # a response to a request the server never sent is not answered
        s.send({"jsonrpc": "2.0", "id": "viewleak-99", "result": None})
        s.send({"jsonrpc": "2.0", "id": "viewleak-98", "error": {"code": -32603, "message": "no"}})
        self.assertEqual(s.quiet(), [])
        self.assertEqual(s.stop(), 0)

    def test_help(self):
        p = subprocess.run([VIEWLEAK, "server", "--help"], capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 0)
        self.assertIn("Language Server", p.stdout)
        self.assertIn("docs/lsp.md", p.stdout)
        p = subprocess.run([VIEWLEAK, "--help"], capture_output=True, text=True, timeout=TIMEOUT)
        self.assertIn("server", p.stdout)
        p = subprocess.run([VIEWLEAK, "server", "--bogus"], capture_output=True, text=True, timeout=TIMEOUT,
                           stdin=subprocess.DEVNULL)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stdout, "")


class Framing(ServerTest):
    def ping_works(self, s, code=-32002):
        """The server still answers a well-formed request (-32002 before initialize)."""
        rid = s.next_id
        self.assertError(s.request("viewleak/ping"), code, rid)

    def test_malformed_json_is_32700(self):
        s = self.start()
        for body in (b"{", b'{"jsonrpc": "2.0", "id": 1,, }', b"", b'{"a": 1} trailing', b"\xff\xfe{}",
                     b'{"jsonrpc":"2.0","id":1,"method":"x"}\x00'):
            s.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            msg = s.recv()
            self.assertError(msg, -32700, None)
        deep = b"[" * 5000 + b"]" * 5000
        s.send_raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
        self.assertError(s.recv(), -32700, None)
        self.ping_works(s)
        s.initialize()
        self.assertEqual(s.stop(), 0)
        self.assertIn("not valid JSON", s.log())

    def test_invalid_requests_are_32600(self):
        s = self.start()
        s.send_raw(frame([{"jsonrpc": "2.0", "id": 1, "method": "initialize"}]))  # batches: not in LSP
        self.assertError(s.recv(), -32600, None)
        s.send_raw(frame(42))
        self.assertError(s.recv(), -32600, None)
        s.send_raw(frame({"jsonrpc": "2.0", "id": {"x": 1}, "method": "initialize"}))
        self.assertError(s.recv(), -32600, None)
        s.send_raw(frame({"jsonrpc": "2.0", "id": 1.5, "method": "initialize"}))
        self.assertError(s.recv(), -32600, None)
        s.send_raw(frame({"jsonrpc": "1.0", "id": 7, "method": "initialize"}))
        self.assertError(s.recv(), -32600, 7)
        s.send_raw(frame({"id": 8, "method": "initialize"}))
        self.assertError(s.recv(), -32600, 8)
        s.send_raw(frame({"jsonrpc": "2.0", "id": "s9", "method": 12}))
        self.assertError(s.recv(), -32600, "s9")
        s.send_raw(frame({"jsonrpc": "2.0", "id": 10}))
        self.assertError(s.recv(), -32600, 10)
        s.send_raw(frame({"jsonrpc": "2.0", "id": 11, "method": "initialize", "params": "x"}))
        self.assertError(s.recv(), -32600, 11)
        s.send_raw(frame({"jsonrpc": "2.0", "method": 5}))  # an invalid notification: logged only
        self.assertEqual(s.initialize()["id"], 1)
        s.send_raw(frame({"jsonrpc": "2.0", "id": 12, "method": "textDocument/codeAction", "params": [1]}))
        self.assertError(s.recv(), -32602, 12)
        self.assertEqual(s.stop(), 0)

    def test_headers_in_any_order_and_case(self):
        s = self.start()
        body = json.dumps({"jsonrpc": "2.0", "id": "a", "method": "initialize", "params": {"capabilities": {}}})
        s.send_raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:%d\r\n"
                   b"X-Whatever: 1\r\n\r\n" % len(body) + body.encode())
        self.assertEqual(s.recv()["id"], "a")
        body = json.dumps({"jsonrpc": "2.0", "id": "b", "method": "viewleak/ping"})
        s.send_raw(b"\r\nCONTENT-LENGTH:   %d  \r\nContent-Type: application/vscode-jsonrpc; charset=utf8\r\n\r\n"
                   % len(body) + body.encode())
        self.assertError(s.recv(), -32601, "b")
        self.assertEqual(s.stop(), 0)

    def test_bad_headers_are_logged_and_skipped(self):
        s = self.start()
        cases = [
            (b"Content-Length: abc\r\n\r\n{}", "invalid or conflicting Content-Length"),
            (b"Content-Length: -5\r\n\r\n{}", "invalid or conflicting Content-Length"),
            (b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "invalid or conflicting Content-Length"),
            (b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}", "without a Content-Length"),
            (b"this is not a header\r\n\r\n{}", "malformed header line 'this is not a header'"),
            (json.dumps({"jsonrpc": "2.0", "id": 99, "method": "x"}).encode(), "malformed header line '{"),
            (b"xyz-Content-Length: 2\r\n\r\n{}", "malformed header line 'xyz-Content-Length"),
            (b"x" * 20000, "longer than"),
        ]
        for bad, why in cases:
            with self.subTest(bad=bad[:40]):
                s.send_raw(bad)
                self.ping_works(s)  # the next message after it is read (and answered) as usual
        self.assertEqual(s.quiet(), [])
        s.send_raw(b"Content-Length: 10\r\nContent-Type: text/plain; charset=latin1\r\n\r\n" + b"[1,2,3,4]\n")
        self.assertError(s.recv(), -32600, None)  # read as UTF-8 all the same, with a warning
        s.initialize()
        self.assertEqual(s.stop(), 0)
        log = s.log()
        for _, why in cases:
            self.assertIn(why, log)
        self.assertIn("charset 'latin1'", log)

    def test_split_writes_and_back_to_back_messages(self):
        s = self.start()
        data = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        for i in range(len(data)):
            s.send_raw(data[i:i + 1])
        self.assertEqual(s.recv()["id"], 1)
        s.send_raw(b"".join(frame({"jsonrpc": "2.0", "id": k, "method": "viewleak/ping"}) for k in range(2, 40)))
        for k in range(2, 40):
            self.assertError(s.recv(), -32601, k)
        self.assertEqual(s.stop(), 0)

    def test_truncated_message_then_eof(self):
        s = self.start()
        s.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
        self.assertEqual(s.close_input(), 0)  # before initialize: a clean end
        self.assertIn("input ended inside a message", s.log())

    def test_large_document(self):
        s = self.start()
        s.initialize()
        text = LEAKY + "\n".join("x%d = %d  # %s" % (i, i, "é" * 40) for i in range(40000)) + "\n"
        uri = s.open(os.path.join(self.tmp, "big.py"), text)
        self.assertEqual(len(s.diagnostics(uri)["diagnostics"]), 1)
        self.assertEqual(s.stop(), 0)


class Diagnostics(ServerTest):
    def expect_leak(self, encoding):
        caps = UTF16_CAPS if encoding == "utf-16" else UTF8_CAPS
        s = self.start()
        result = s.initialize(caps)["result"]
        self.assertEqual(result["capabilities"]["positionEncoding"], encoding)
        sync = result["capabilities"]["textDocumentSync"]
        self.assertEqual(sync, {"openClose": True, "change": 2, "save": {"includeText": False}})  # Incremental
        self.assertEqual(result["capabilities"]["codeActionProvider"], {"codeActionKinds": ["quickfix"]})
        path = self.write("pkg/leaky.py", LEAKY)
        uri = s.open(path, LEAKY, version=3)
        params = s.diagnostics(uri)
        self.assertEqual(params["version"], 3)
        [d] = params["diagnostics"]
        [finding] = self.check_json(path, LEAKY)
        line, rebind = LEAKY.splitlines()[VIEW_LINE], LEAKY.splitlines()[REBIND_LINE]
        start = column(line, "data[i]", encoding)
        end = start + len("data[i]")
        self.assertEqual(d["range"], {"start": {"line": VIEW_LINE, "character": start},
                                      "end": {"line": VIEW_LINE, "character": end}})
        self.assertEqual(d["severity"], 2)
        self.assertEqual(d["code"], "VL001")
        self.assertEqual(d["codeDescription"], {"href": finding["url"]})
        self.assertTrue(d["codeDescription"]["href"].endswith("/VL001.md"))
        self.assertEqual(d["source"], "viewleak")
        self.assertEqual(d["message"], finding["message"])
        self.assertEqual(d["relatedInformation"], [{
            "location": {"uri": uri, "range": {
                "start": {"line": REBIND_LINE, "character": column(rebind, "data =", encoding)},
                "end": {"line": REBIND_LINE, "character": len(rebind)}}},
            "message": finding["related"][0]["message"]}])
        self.assertEqual(d["data"]["version"], 3)
        self.assertEqual(d["data"]["fix"]["applicability"], "unsafe")
        return s, uri, d

    def test_utf16(self):
        s, uri, d = self.expect_leak("utf-16")
        self.assertEqual(d["range"]["start"]["character"], 32)  # 8 + 18 + é(1) + 😀(2) + 3
        self.assertEqual(s.stop(), 0)

    def test_utf8(self):
        s, uri, d = self.expect_leak("utf-8")
        self.assertEqual(d["range"]["start"]["character"], 35)  # 8 + 18 + é(2) + 😀(4) + 3
        self.assertEqual(s.stop(), 0)

    def test_no_encoding_offered_means_utf16(self):
        s = self.start()
        self.assertEqual(s.initialize({})["result"]["capabilities"]["positionEncoding"], "utf-16")
        self.assertEqual(s.stop(), 0)

    def test_change_that_fixes_clears(self):
        s, uri, _ = self.expect_leak("utf-16")
        s.notify("textDocument/didChange",
                 {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": FIXED}]})
        self.assertEqual(s.diagnostics(uri), {"uri": uri, "version": 4, "diagnostics": []})
        s.notify("textDocument/didChange",
                 {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": LEAKY}]})
        self.assertEqual(len(s.diagnostics(uri)["diagnostics"]), 1)
        s.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        self.assertEqual(len(s.diagnostics(uri)["diagnostics"]), 1)
        s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.assertEqual(s.diagnostics(uri), {"uri": uri, "diagnostics": []})
        self.assertEqual(s.stop(), 0)

    def test_incremental_change_is_applied_too(self):
        # the server asks for full changes; a client that sends ranges anyway is still understood
        s, uri, d = self.expect_leak("utf-16")
        end = d["range"]["end"]
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [
            {"range": {"start": end, "end": end}, "text": ".copy()"}]})
        self.assertEqual(s.diagnostics(uri)["diagnostics"], [])
        self.assertEqual(s.stop(), 0)

    def test_noqa_is_respected(self):
        s = self.start()
        s.initialize()
        uri = s.open(self.write("n.py", NOQA), NOQA)
        self.assertEqual(s.diagnostics(uri)["diagnostics"], [])
        self.assertEqual(s.stop(), 0)

    def test_untitled_and_other_languages(self):
        s = self.start(cwd=self.tmp)
        s.initialize()
        uri = s.open("untitled:Untitled-1", LEAKY)
        self.assertEqual(len(s.diagnostics(uri)["diagnostics"]), 1)
        s.open(self.write("pyproject.toml", "[project]\nname = 'x'\n"), "[project]\nname = 'x'\n", language="toml")
        s.open(self.write("notes.txt", LEAKY), LEAKY, language="plaintext")
        self.assertEqual([m for m in s.quiet() if m.get("method") == "textDocument/publishDiagnostics"], [])
        self.assertEqual(s.stop(), 0)

    def test_file_too_deep_to_analyse_is_shown_once(self):
        s = self.start()
        s.initialize()
        text = "x = " + "(" * 3000 + "1" + ")" * 3000 + "\n"
        uri = s.open(self.write("deep.py", text), text)
        self.assertEqual(s.diagnostics(uri)["diagnostics"], [])
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": text}]})
        self.assertEqual(s.diagnostics(uri)["diagnostics"], [])
        shown = [m["params"] for m in s.quiet() if m.get("method") == "window/showMessage"]
        self.assertEqual(len(shown), 1, shown)
        self.assertEqual(shown[0]["type"], 2)
        self.assertIn("not analysed", shown[0]["message"])
        self.assertEqual(s.stop(), 0)

    def test_syntax_errors_are_not_tool_errors(self):
        s = self.start()
        s.initialize()
        text = LEAKY + "\ndef broken(:\n"
        uri = s.open(self.write("broken.py", text), text)
        diagnostics = s.diagnostics(uri)["diagnostics"]  # the leak, and the syntax error (as `check` shows it)
        self.assertEqual(len(diagnostics), 2, diagnostics)
        [syntax] = [d for d in diagnostics if d["message"].startswith("SyntaxError: ")]
        # an error with no rule: no code, no rule page (as Ruff's server shows syntax errors)
        self.assertEqual(syntax["severity"], 1, syntax)
        self.assertNotIn("code", syntax)
        self.assertNotIn("codeDescription", syntax)
        self.assertEqual(s.stop(), 0)


class CodeActions(ServerTest):
    def actions(self, s, uri, diagnostics, rng=None, only=None):
        context = {"diagnostics": diagnostics}
        if only is not None:
            context["only"] = only
        rng = rng or (diagnostics[0]["range"] if diagnostics else None)
        return s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng, "context": context})

    def leaky(self, caps):
        s = self.start()
        s.initialize(caps)
        path = self.write("leaky.py", LEAKY)
        uri = s.open(path, LEAKY, version=7)
        [d] = s.diagnostics(uri)["diagnostics"]
        return s, path, uri, d

    def expected_fix(self, path):
        p = subprocess.run([VIEWLEAK, "check", "--fix", "--unsafe-fixes", "--stdin-filename", path],
                           input=LEAKY.encode(), capture_output=True, cwd=self.tmp)
        return p.stdout.decode()

    def test_quickfix_with_changes(self):
        for encoding, caps in (("utf-16", UTF16_CAPS), ("utf-8", UTF8_CAPS)):
            with self.subTest(encoding=encoding):
                s, path, uri, d = self.leaky(caps)
                [a] = self.actions(s, uri, [d])["result"]
                self.assertEqual(a["title"], "Store a copy with `.copy()` (unsafe)")
                self.assertEqual(a["kind"], "quickfix")
                self.assertIs(a["isPreferred"], False)
                self.assertEqual(a["diagnostics"], [d])
                self.assertEqual(list(a["edit"]), ["changes"])
                edits = a["edit"]["changes"][uri]
                line = LEAKY.splitlines()[VIEW_LINE]
                at = {"line": VIEW_LINE, "character": column(line, "))", encoding)}
                self.assertEqual(edits, [{"range": {"start": at, "end": at}, "newText": ".copy()"}])
                fixed = apply_edits(LEAKY, edits, encoding)
                self.assertEqual(fixed, FIXED)
                self.assertEqual(fixed, self.expected_fix(path))
                self.assertEqual(s.stop(), 0)

    def test_quickfix_with_document_changes(self):
        caps = json.loads(json.dumps(UTF16_CAPS))
        caps["workspace"] = {"workspaceEdit": {"documentChanges": True}}
        s, path, uri, d = self.leaky(caps)
        [a] = self.actions(s, uri, [d])["result"]
        [change] = a["edit"]["documentChanges"]
        self.assertEqual(change["textDocument"], {"uri": uri, "version": 7})
        self.assertEqual(apply_edits(LEAKY, change["edits"], "utf-16"), self.expected_fix(path))
        self.assertEqual(s.stop(), 0)

    def test_without_data_and_without_diagnostics(self):
        s, path, uri, d = self.leaky(UTF16_CAPS)
        bare = {k: v for k, v in d.items() if k != "data"}  # a client that does not keep `data`
        [a] = self.actions(s, uri, [bare])["result"]
        self.assertEqual(a["diagnostics"], [bare])
        self.assertEqual(apply_edits(LEAKY, a["edit"]["changes"][uri], "utf-16"), FIXED)
        # Neovim 0.7 sends back what it keeps of a diagnostic: no source, range or message
        kept = {k: v for k, v in d.items() if k in ("code", "codeDescription", "data", "relatedInformation")}
        self.assertEqual(len(self.actions(s, uri, [kept], rng=d["range"])["result"]), 1)
        # no diagnostics in the context: those published that overlap the range
        cursor = {"start": d["range"]["start"], "end": d["range"]["start"]}
        [a] = self.actions(s, uri, [], rng=cursor)["result"]
        self.assertEqual(a["diagnostics"], [d])
        elsewhere = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}
        self.assertEqual(self.actions(s, uri, [], rng=elsewhere)["result"], [])
        self.assertEqual(s.stop(), 0)

    def test_filters(self):
        s, path, uri, d = self.leaky(UTF16_CAPS)
        self.assertEqual(self.actions(s, uri, [d], only=["source.organizeImports"])["result"], [])
        self.assertEqual(len(self.actions(s, uri, [d], only=["quickfix"])["result"]), 1)
        other = dict(d, source="ruff")
        self.assertEqual(self.actions(s, uri, [other])["result"], [])
        stale = dict(d, data=dict(d["data"], version=6))
        self.assertEqual(self.actions(s, uri, [stale])["result"], [])
        unknown = s.request("textDocument/codeAction", {"textDocument": {"uri": "file:///nowhere.py"},
                                                        "range": d["range"], "context": {"diagnostics": []}})
        self.assertEqual(unknown["result"], [])
        self.assertEqual(s.stop(), 0)

    def test_client_without_code_action_literals(self):
        caps = {"textDocument": {"publishDiagnostics": {}}}
        s, path, uri, d = self.leaky(caps)
        self.assertEqual(self.actions(s, uri, [d])["result"], [])
        self.assertEqual(s.stop(), 0)

    def test_literal_capability_advertised(self):
        s = self.start()
        self.assertIs(s.initialize({})["result"]["capabilities"]["codeActionProvider"], True)
        self.assertEqual(s.stop(), 0)


class Incremental(ServerTest):
    """textDocument/didChange with ranges (TextDocumentSyncKind.Incremental): each case checks the
    diagnostics of the edited text against those of a fresh server opening the same text."""

    def session(self, text, caps=UTF16_CAPS, name="inc.py"):
        s = self.start()
        s.initialize(caps)
        uri = s.open(self.write(name, text), text, version=1)
        s.diagnostics(uri)
        return s, uri

    def change(self, s, uri, version, changes):
        s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes})

    def diagnostics_of(self, s, uri, version):
        """The diagnostics published for `version` (earlier versions' are skipped)."""
        while True:
            got = s.diagnostics(uri)
            if got.get("version") == version:
                return got["diagnostics"]

    def fresh(self, uri, text, version, caps=UTF16_CAPS):
        """What a server that was never edited publishes for `text`."""
        ref = self.start()
        ref.initialize(caps)
        ref.open(uri, text, version=version)
        got = ref.diagnostics(uri)
        self.assertEqual(ref.stop(), 0)
        return got["diagnostics"]

    def expect(self, s, uri, version, text, caps=UTF16_CAPS):
        got = self.diagnostics_of(s, uri, version)
        self.assertEqual(got, self.fresh(uri, text, version, caps))
        return got

    def test_sync_kind_is_incremental(self):
        s = self.start()
        self.assertEqual(s.initialize()["result"]["capabilities"]["textDocumentSync"]["change"], 2)
        self.assertEqual(s.stop(), 0)

    def test_several_changes_in_one_message(self):
        s, uri = self.session(LEAKY)
        changes = [change(0, 0, 0, 0, "# a header\n"),  # every later position is on the text this leaves
                   change(7, 19, 7, 22, "10"),          # range(100) -> range(10)
                   change(2, 0, 3, 0, ""),              # a blank line
                   change(1, 0, 1, 0, "import os\n")]
        text = lsp_apply(LEAKY, changes)
        self.assertIn("range(10)", text)
        self.change(s, uri, 2, changes)
        [d] = self.expect(s, uri, 2, text)
        self.assertEqual(d["range"]["start"]["line"], VIEW_LINE + 1)
        self.assertEqual(s.stop(), 0)

    def test_change_spanning_lines(self):
        s, uri = self.session(LEAKY)
        # from inside the loop's first line to the middle of the rebind: three lines become two
        edit = change(VIEW_LINE - 1, 8, REBIND_LINE, 12, "k = 0\n        selected.append(data[k])\n        data")
        text = lsp_apply(LEAKY, [edit])
        self.assertIn("        k = 0\n        selected.append(data[k])\n        data = np.delete", text)
        self.change(s, uri, 2, [edit])
        [d] = self.expect(s, uri, 2, text)
        self.assertEqual(d["range"]["start"]["line"], VIEW_LINE)
        # and back: the whole function rewritten as one change over many lines
        body = LEAKY.split("def scenario", 1)[1]
        edit = change(3, 0, 99, 0, "def scenario" + body)
        text = lsp_apply(text, [edit])
        self.assertEqual(text, LEAKY)
        self.change(s, uri, 3, [edit])
        self.expect(s, uri, 3, LEAKY)
        self.assertEqual(s.stop(), 0)

    def test_surrogate_pairs(self):
        line = LEAKY.splitlines()[VIEW_LINE]
        for encoding, caps in (("utf-16", UTF16_CAPS), ("utf-8", UTF8_CAPS)):
            with self.subTest(encoding=encoding):
                s, uri = self.session(LEAKY, caps)
                after = column(line, '"', encoding) + (column(line, ", data", encoding) - column(line, '"', encoding)) - 1
                # "é😀" -> "é😀x": right after the surrogate pair (2 UTF-16 units, 4 UTF-8 bytes)
                self.assertEqual(after, column(line, '😀"', encoding) + (2 if encoding == "utf-16" else 4))
                edit = change(VIEW_LINE, after, VIEW_LINE, after, "x")
                text = lsp_apply(LEAKY, [edit], encoding)
                self.assertIn('"é😀x"', text)
                self.change(s, uri, 2, [edit])
                [d] = self.expect(s, uri, 2, text, caps)
                self.assertEqual(d["range"]["start"]["character"], column(text.splitlines()[VIEW_LINE], "data[i]", encoding))
                if encoding == "utf-16":  # a position between the two halves of the pair: after the character
                    inside = column(line, "😀", encoding) + 1
                    self.change(s, uri, 3, [change(VIEW_LINE, inside, VIEW_LINE, inside, "y")])
                    self.expect(s, uri, 3, text.replace('😀x"', '😀yx"'), caps)
                self.assertEqual(s.stop(), 0)

    def test_crlf(self):
        crlf = LEAKY.replace("\n", "\r\n")
        s, uri = self.session(crlf)
        text = crlf
        for version, edit in enumerate([
                change(6, 19, 6, 22, "10"),                       # on a line ending in \r\n
                change(VIEW_LINE, 999, VIEW_LINE, 999, "  # x"),  # past the end of the line: before its \r\n
                change(2, 0, 2, 0, "X = 1\r\n"),                # a new line, in the file's own line ending
                change(3, 0, 4, 0, "")], start=2):                # a blank line, with its \r\n
            text = lsp_apply(text, [edit])
            self.change(s, uri, version, [edit])
            [d] = self.expect(s, uri, version, text)
        self.assertIn("range(10):\r\n", text)
        self.assertIn("data[i]))  # x\r\n", text)
        self.assertIn("\r\nX = 1\r\ndef scenario", text)
        self.assertEqual(d["range"]["start"]["line"], VIEW_LINE)
        self.assertEqual(s.stop(), 0)

    def test_delete_everything_then_type_it_back(self):
        s, uri = self.session(LEAKY)
        self.change(s, uri, 2, [change(0, 0, len(LEAKY.splitlines()), 0, "")])
        self.assertEqual(self.diagnostics_of(s, uri, 2), [])
        self.change(s, uri, 3, [change(0, 0, 0, 0, LEAKY)])
        self.assertEqual(len(self.expect(s, uri, 3, LEAKY)), 1)
        self.assertEqual(s.stop(), 0)

    def test_edits_past_the_end_and_malformed_ones(self):
        s, uri = self.session(LEAKY)
        self.change(s, uri, 2, [change(500, 0, 600, 3, "\nx = 1\n")])  # lines past the end: at the end
        text = LEAKY + "\nx = 1\n"
        self.expect(s, uri, 2, text)
        bad = [change(5, 4, 4, 0, "reversed"), {"range": {"start": {"line": 0, "character": 0}}, "text": "no end"},
               change(0, 0, 0, 0, None), change(-1, 0, 0, 0, "negative"), "not an object"]
        self.change(s, uri, 3, bad + [change(0, 0, 0, 0, "# still read\n")])  # the valid one is applied
        self.expect(s, uri, 3, "# still read\n" + text)
        self.assertEqual(s.stop(), 0)
        log = s.log()
        self.assertIn("past the last line", log)
        self.assertIn("ends before it starts", log)
        self.assertIn("needs a \"text\" string", log)
        self.assertIn("non-negative integers", log)

    def test_edit_a_helper_then_lines_above_the_finding(self):
        """The finding of a caller comes and goes with an edit of the helper it calls (another
        function); lines added and removed above it move it.  After each edit the diagnostics equal
        a fresh open's: nothing of the caller's earlier analysis may survive an edit of its callee."""
        text = ("import numpy as np\n\n\ndef pick(a, i):\n    return a[i].copy()\n\n\n"
                "def scenario():\n    rng = np.random.default_rng(0)\n    data = rng.standard_normal((1024, 1024))\n"
                "    kept = []\n    for _ in range(30):\n        i = int(rng.integers(len(data)))\n"
                "        kept.append(pick(data, i))\n        data = np.delete(data, i, axis=0)\n    return kept\n")
        s, uri = self.session(text)
        self.assertEqual(self.fresh(uri, text, 1), [])  # pick returns a copy
        steps = [
            (change(4, 15, 4, 22, ""), [13]),                        # pick returns a view: the caller leaks
            (change(0, 0, 0, 0, "# one\n# two\n"), [15]),           # two lines above
            (change(8, 0, 8, 0, "def other(a):\n    return a\n\n\n"), [19]),  # a function between
            (change(0, 0, 2, 0, ""), [17]),                          # the two lines removed
            (change(4, 15, 4, 15, ".copy()"), []),                   # the helper copies again
            (change(4, 11, 4, 22, "a[i]"), [17]),                    # and returns the view again
        ]
        for version, (edit, rows) in enumerate(steps, start=2):
            text = lsp_apply(text, [edit])
            self.change(s, uri, version, [edit])
            got = self.expect(s, uri, version, text)
            self.assertEqual([d["range"]["start"]["line"] for d in got], rows, text)
        self.assertEqual(s.stop(), 0)

    def test_series_of_edits_equals_a_full_open(self):
        """Random edits (a fixed seed), sent in bursts without waiting: after each burst, the
        diagnostics equal those of a fresh open of the resulting text."""
        rnd = random.Random(12)
        base = LEAKY + "".join(LEAKY.split("\n", 2)[2].replace("scenario", "scenario%d" % k) for k in range(4))
        s, uri = self.session(base)
        snippets = ["x", "(", ")", ":", "\n", "    ", "[i]", ".copy()", "é😀", "\r\n", "#",
                    "\n    for k in range(3):\n        selected.append(data[k])\n        data = np.delete(data, 0)\n"]
        text, version, found = base, 1, 0
        for burst in range(8):
            for _ in range(15):
                lines = re.split("\r\n|\r|\n", text)
                l0 = rnd.randrange(len(lines) + 1)
                c0 = rnd.randrange(len(lines[l0].encode("utf-16-le")) // 2 + 3) if l0 < len(lines) else 0
                l1 = min(l0 + rnd.choice([0, 0, 0, 1, 2]), len(lines))
                c1 = rnd.randrange(40) if l1 > l0 else c0 + rnd.choice([0, 0, 1, 5])
                edit = change(l0, c0, l1, c1, rnd.choice(snippets + [""]))
                text = lsp_apply(text, [edit])
                version += 1
                self.change(s, uri, version, [edit])
            found += len(self.expect(s, uri, version, text))
        self.assertGreater(found, 0)  # the edits leave leaks to find
        self.assertEqual(s.stop(), 0)


class Coalescing(ServerTest):
    """Edits that come faster than analysis: the versions in between are not analysed (server.h)."""

    def burst(self, s, messages):
        """Sends messages in one write (under PIPE_BUF: the server reads them at once)."""
        data = b"".join(frame(m) for m in messages)
        self.assertLess(len(data), 4096)
        s.send_raw(data)

    def did_change(self, uri, version, changes):
        return {"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}}

    def leaky(self):
        s = self.start()
        s.initialize()
        uri = s.open(self.write("c.py", LEAKY), LEAKY, version=1)
        [d] = s.diagnostics(uri)["diagnostics"]
        return s, uri, d

    def test_a_burst_is_analysed_once_at_its_last_version(self):
        s, uri, d = self.leaky()
        end = d["range"]["end"]
        fix, unfix = ({"range": {"start": end, "end": end}, "text": ".copy()"},
                      {"range": {"start": end, "end": dict(end, character=end["character"] + 7)}, "text": ""})
        self.burst(s, [self.did_change(uri, v, [fix if v % 2 == 0 else unfix]) for v in range(2, 15)])
        published = [m["params"] for m in s.quiet() if m.get("method") == "textDocument/publishDiagnostics"]
        self.assertEqual(published, [{"uri": uri, "version": 14, "diagnostics": []}])
        self.assertEqual(s.stop(), 0)

    def test_changes_before_shutdown_are_published(self):
        s = self.start()
        s.initialize()
        uri = file_uri(self.write("c.py", LEAKY))
        rid = s.next_id
        self.burst(s, [{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                           "uri": uri, "languageId": "python", "version": 1, "text": LEAKY}}},
                       {"jsonrpc": "2.0", "id": rid, "method": "shutdown"}])
        self.assertEqual(s.recv()["params"]["version"], 1)  # published before the answer
        self.assertEqual(s.recv()["id"], rid)
        s.notify("exit")
        self.assertEqual(s.wait(), 0)

    def test_a_code_action_is_answered_on_the_latest_text(self):
        s, uri, d = self.leaky()
        # a line inserted above, then the quick fixes at the view's new place, in one write
        moved = {k: dict(p, line=p["line"] + 1) for k, p in d["range"].items()}
        self.burst(s, [self.did_change(uri, 2, [change(0, 0, 0, 0, "# moved\n")]),
                       {"jsonrpc": "2.0", "id": 50, "method": "textDocument/codeAction",
                        "params": {"textDocument": {"uri": uri}, "range": moved, "context": {"diagnostics": []}}}])
        [published] = [m for m in [s.recv()] if m.get("method") == "textDocument/publishDiagnostics"]
        self.assertEqual(published["params"]["version"], 2)  # analysed before the answer
        answer = s.recv()
        self.assertEqual(answer["id"], 50)
        [a] = answer["result"]
        self.assertEqual(a["diagnostics"], published["params"]["diagnostics"])
        self.assertEqual(apply_edits("# moved\n" + LEAKY, a["edit"]["changes"][uri], "utf-16"), "# moved\n" + FIXED)
        self.assertEqual(s.stop(), 0)

    def test_a_code_action_overtaken_by_a_change_gets_content_modified(self):
        s, uri, d = self.leaky()
        self.burst(s, [{"jsonrpc": "2.0", "id": 60, "method": "textDocument/codeAction",
                        "params": {"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}},
                       self.did_change(uri, 2, [change(0, 0, 0, 0, "# moved\n")])])
        self.assertError(s.response(60), -32801, 60)
        self.assertEqual(s.diagnostics(uri)["version"], 2)
        self.assertEqual(s.stop(), 0)

    def test_soak_ten_thousand_edits(self):
        """Issue 13: 10,000 edits to a 5,000-line file, sent without waiting.  The server publishes
        far fewer times, its last publish is for the last version and equals a fresh analysis, and it
        comes soon after the last edit: within 5 s plus four analyses of the file (as long as the
        first one took: sanitizer builds are slower).  A bound against falling behind, not a speed
        target: the server that analysed every version was 24.7 s late."""
        functions = "".join("def f%d(a, keep):\n    for j in range(3):\n        b = a[j] + %d\n        keep.append(b)\n\n"
                            % (k, k) for k in range(1000))
        base = LEAKY + "\n\n" + functions
        lines = base.splitlines(keepends=True)
        self.assertGreaterEqual(len(lines), 5000)
        at_line = len(lines) // 2 - (len(lines) // 2 - len(LEAKY.splitlines()) - 2) % 5  # a `def` line
        self.assertTrue(lines[at_line].startswith("def "), lines[at_line])
        s = self.start()
        s.initialize()
        opened = time.monotonic()
        uri = s.open(self.write("soak.py", base), base, version=1)
        self.assertEqual(len(s.diagnostics(uri)["diagnostics"]), 1)
        one_analysis = time.monotonic() - opened
        snippet = ("def typed(sel):\n    data = np.zeros((9, 3))\n    for i in range(3):\n"
                   "        sel.append(data[i])\n        data = np.delete(data, 0, axis=0)\n\n")
        typed, line, char, version, k = [], at_line, 0, 1, 0
        while version < 10001:
            c = snippet[k % len(snippet)]
            k += 1
            edits = [change(line, char, line, char, c)]
            line, char = (line + 1, 0) if c == "\n" else (line, char + 1)
            typed.append(c)
            if char > 0 and k % 7 == 0 and version < 9999:  # a typo: deleted, typed again
                edits += [change(line, char - 1, line, char, ""), change(line, char - 1, line, char - 1, c)]
            for e in edits:
                version += 1
                self.change_raw(s, uri, version, e)
        last_sent = time.monotonic()
        final = "".join(lines[:at_line]) + "".join(typed) + "".join(lines[at_line:])
        published, got = [], None
        while got is None or got["version"] != version:
            got = s.notification("textDocument/publishDiagnostics", uri, timeout=120)["params"]
            published.append(got["version"])
        lag = time.monotonic() - last_sent
        self.assertEqual(published, sorted(set(published)))  # only ever newer versions
        self.assertLess(len(published), 1000, "published %d times for 10,000 edits" % len(published))
        self.assertLess(lag, 5.0 + 4 * one_analysis, "the last edit's diagnostics came %.1f s after it (one analysis: "
                        "%.2f s)" % (lag, one_analysis))
        ref = self.start()
        ref.initialize()
        ref.open(uri, final, version=version)
        fresh = ref.diagnostics(uri)["diagnostics"]
        self.assertEqual(got["diagnostics"], fresh)
        self.assertGreater(len(fresh), 20)  # the typed functions leak too
        self.assertEqual(ref.stop(), 0)
        self.assertEqual(s.stop(), 0)
        sys.stderr.write("soak: %d publishes for 10,000 edits; the last %.2f s after the last edit (one analysis: "
                         "%.2f s)\n" % (len(published), lag, one_analysis))

    def change_raw(self, s, uri, version, edit):
        s.send(self.did_change(uri, version, [edit]))


class Configuration(ServerTest):
    def test_nearest_configuration_per_file(self):
        ignored = self.write("proj/sub dir/leaky.py", LEAKY)  # a space: the URI is percent-encoded
        self.write("proj/pyproject.toml", '[tool.viewleak]\nper-file-ignores = { "sub dir/*" = ["VL001"] }\n')
        flagged = self.write("other/leaky.py", LEAKY)
        s = self.start()
        s.initialize()
        u1 = s.open(ignored, LEAKY)
        self.assertIn("%20", u1)
        self.assertEqual(s.diagnostics(u1)["diagnostics"], [])
        self.assertEqual(self.check_json(ignored, LEAKY), [])  # as `viewleak check` sees it
        u2 = s.open(flagged, LEAKY)
        self.assertEqual(len(s.diagnostics(u2)["diagnostics"]), 1)
        self.assertEqual(s.stop(), 0)

    def test_select_from_configuration(self):
        self.write("proj/viewleak.toml", 'extend-select = ["VL004"]\n')
        path = self.write("proj/a.py", LEAKY)
        s = self.start()
        s.initialize()
        uri = s.open(path, LEAKY)
        codes = sorted(d["code"] for d in s.diagnostics(uri)["diagnostics"])
        self.assertEqual(codes, sorted(f["code"] for f in self.check_json(path, LEAKY)))
        self.assertIn("VL004", codes)
        self.assertEqual(s.stop(), 0)

    def test_broken_configuration_shown_once(self):
        self.write("proj/pyproject.toml", "[tool.viewleak]\nbogus-key = 1\n")
        a = self.write("proj/a.py", LEAKY)
        b = self.write("proj/pkg/b.py", LEAKY)
        s = self.start()
        s.initialize()
        ua, ub = s.open(a, LEAKY), s.open(b, LEAKY)
        self.assertEqual(s.diagnostics(ua)["diagnostics"], [])
        self.assertEqual(s.diagnostics(ub)["diagnostics"], [])
        s.notify("textDocument/didChange", {"textDocument": {"uri": ua, "version": 2}, "contentChanges": [{"text": LEAKY}]})
        self.assertEqual(s.diagnostics(ua)["diagnostics"], [])
        shown = [m for m in s.quiet() if m.get("method") == "window/showMessage"]
        self.assertEqual(len(shown), 1, shown)
        self.assertEqual(shown[0]["params"]["type"], 1)
        self.assertIn("pyproject.toml", shown[0]["params"]["message"])
        self.assertIn("bogus-key", shown[0]["params"]["message"])
        # the file is repaired; the watcher tells the server, which checks every open file again
        self.write("proj/pyproject.toml", "[tool.viewleak]\nignore = []\n")
        s.notify("workspace/didChangeWatchedFiles",
                 {"changes": [{"uri": file_uri(os.path.join(self.tmp, "proj/pyproject.toml")), "type": 2}]})
        self.assertEqual(len(s.diagnostics(ua)["diagnostics"]), 1)
        self.assertEqual(len(s.diagnostics(ub)["diagnostics"]), 1)
        self.assertEqual(s.stop(), 0)

    def test_watchers_registered_when_the_client_can(self):
        caps = dict(UTF16_CAPS, workspace={"didChangeWatchedFiles": {"dynamicRegistration": True}})
        s = self.start()
        s.initialize(caps)
        req = s.notification("client/registerCapability")
        [reg] = req["params"]["registrations"]
        self.assertEqual(reg["method"], "workspace/didChangeWatchedFiles")
        globs = [w["globPattern"] for w in reg["registerOptions"]["watchers"]]
        self.assertEqual(globs, ["**/.viewleak.toml", "**/viewleak.toml", "**/pyproject.toml"])
        s.send({"jsonrpc": "2.0", "id": req["id"], "result": None})
        self.assertEqual(s.quiet(), [])
        self.assertEqual(s.stop(), 0)

    def test_initialization_options(self):
        s = self.start()
        s.initialize(options={"ignore": ["VL001"], "extendSelect": "VL004", "select": ["XY1"]})
        shown = s.notification("window/showMessage")["params"]
        self.assertEqual(shown["type"], 2)
        self.assertIn("'XY1' matches no rule", shown["message"])
        uri = s.open(self.write("a.py", LEAKY), LEAKY)
        self.assertEqual([d["code"] for d in s.diagnostics(uri)["diagnostics"]], ["VL004"])
        # didChangeConfiguration replaces them ("viewleak" section only)
        s.notify("workspace/didChangeConfiguration", {"settings": {"other": {}}})
        s.notify("workspace/didChangeConfiguration", {"settings": {"viewleak": {"select": ["VL001"]}}})
        self.assertEqual([d["code"] for d in s.diagnostics(uri)["diagnostics"]], ["VL001"])
        self.assertEqual(s.stop(), 0)

    def test_command_line_config_and_isolated(self):
        cfg = self.write("elsewhere/viewleak.toml", 'ignore = ["VL001"]\n')
        self.write("proj/viewleak.toml", 'ignore = ["VL001"]\n')
        path = self.write("proj/a.py", LEAKY)
        other = self.write("free/a.py", LEAKY)
        s = self.start("--config", cfg)
        s.initialize()
        self.assertEqual(s.diagnostics(s.open(other, LEAKY))["diagnostics"], [])
        self.assertEqual(s.stop(), 0)
        s = self.start("--isolated")
        s.initialize()
        self.assertEqual(len(s.diagnostics(s.open(path, LEAKY))["diagnostics"]), 1)
        self.assertEqual(s.stop(), 0)
        p = subprocess.run([VIEWLEAK, "server", "--config", os.path.join(self.tmp, "missing.toml")],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=TIMEOUT)
        self.assertEqual(p.returncode, 2)
        self.assertIn("missing.toml", p.stderr)
        self.assertEqual(p.stdout, "")


# A notebook: Markdown, then three code cells; the leak's loop in the last (its 0-based line 3),
# the array it rebinds made in the cell before, numpy imported (after a line magic) in the first.
NB_CELLS = [
    (1, "markdown", "# Picking rows\nselected.append(data[i])"),
    (2, "python", "%matplotlib inline\nimport numpy as np"),
    (2, "python", "data = np.random.randn(500, 32, 32, 3)\nselected = []"),
    (2, "python", "!nproc\nfor _ in range(100):\n    i = np.random.randint(len(data))\n"
                  "    selected.append(data[i])\n    data = np.delete(data, i, axis=0)"),
]
NB_VIEW_LINE, NB_REBIND_LINE = 3, 4


class Notebooks(ServerTest):
    def notebook(self, cells=NB_CELLS):
        """The .ipynb file of the cells (for `viewleak check`), its URI and the cells' URIs."""
        nb = {"cells": [{"cell_type": "markdown" if kind == 1 else "code", "metadata": {}, "source": text,
                         **({} if kind == 1 else {"outputs": [], "execution_count": None})}
                        for kind, _, text in cells],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        path = self.write("nb/analysis.ipynb", json.dumps(nb, indent=1))
        uri = file_uri(path)
        cell_uris = ["vscode-notebook-cell:%s#W%dsZmlsZQ%%3D%%3D" % (urllib.parse.quote(path), k)
                     for k in range(len(cells))]
        return path, uri, cell_uris

    def open_notebook(self, s, uri, cell_uris, cells=NB_CELLS, version=1):
        s.notify("notebookDocument/didOpen", {
            "notebookDocument": {"uri": uri, "notebookType": "jupyter-notebook", "version": version, "metadata": {},
                                 "cells": [{"kind": kind, "document": cu} for (kind, _, _), cu in zip(cells, cell_uris)]},
            "cellTextDocuments": [{"uri": cu, "languageId": lang, "version": 10 + k, "text": text}
                                  for k, ((_, lang, text), cu) in enumerate(zip(cells, cell_uris))]})

    @staticmethod
    def latest(s, uri):
        """The params of the last publishDiagnostics for uri among everything sent so far."""
        got = [m["params"] for m in s.quiet() if m.get("method") == "textDocument/publishDiagnostics"
               and m["params"]["uri"] == uri]
        return got[-1] if got else None

    def test_capability(self):
        s = self.start()
        sync = s.initialize()["result"]["capabilities"]["notebookDocumentSync"]
        self.assertIn({"notebook": {"notebookType": "jupyter-notebook"}, "cells": [{"language": "python"}]},
                      sync["notebookSelector"])
        self.assertIn({"notebook": {"pattern": "**/*.ipynb"}, "cells": [{"language": "python"}]},
                      sync["notebookSelector"])
        self.assertEqual(s.stop(), 0)

    def test_diagnostics_on_the_cell_as_check_reports_them(self):
        path, uri, cells = self.notebook()
        s = self.start()
        s.initialize()
        self.open_notebook(s, uri, cells)
        params = s.diagnostics(cells[3])
        self.assertEqual(params["version"], 13)
        [d] = params["diagnostics"]
        p = subprocess.run([VIEWLEAK, "check", "--no-cache", "--output-format", "json", path], capture_output=True, cwd=self.tmp)
        [finding] = json.loads(p.stdout)
        self.assertEqual(finding["cell"], 4)
        self.assertEqual(d["message"], finding["message"])
        self.assertIn("on line 5 of cell 4", d["message"])
        line = NB_CELLS[3][2].splitlines()[NB_VIEW_LINE]
        start = column(line, "data[i]", "utf-16")
        self.assertEqual(d["range"], {"start": {"line": NB_VIEW_LINE, "character": start},
                                      "end": {"line": NB_VIEW_LINE, "character": start + 7}})
        self.assertEqual((finding["location"]["row"] - 1, finding["location"]["column"] - 1), (NB_VIEW_LINE, start))
        [rel] = d["relatedInformation"]
        self.assertEqual(rel["location"]["uri"], cells[3])
        self.assertEqual(rel["location"]["range"]["start"], {"line": NB_REBIND_LINE, "character": 4})
        self.assertEqual(d["data"]["version"], 13)
        # the other code cells are published too, empty; Markdown cells never
        for k in (1, 2):
            self.assertEqual(s.diagnostics(cells[k]), {"uri": cells[k], "version": 10 + k, "diagnostics": []})
        published = [m["params"]["uri"] for m in s.quiet() if m.get("method") == "textDocument/publishDiagnostics"]
        self.assertNotIn(cells[0], published)
        self.assertEqual(s.stop(), 0)

    def test_quickfix_on_the_cell(self):
        path, uri, cells = self.notebook()
        s = self.start()
        s.initialize()
        self.open_notebook(s, uri, cells)
        [d] = s.diagnostics(cells[3])["diagnostics"]
        r = s.request("textDocument/codeAction", {"textDocument": {"uri": cells[3]}, "range": d["range"],
                                                  "context": {"diagnostics": [d]}})
        [a] = r["result"]
        edits = a["edit"]["changes"][cells[3]]
        fixed = apply_edits(NB_CELLS[3][2], edits, "utf-16")
        self.assertEqual(fixed, NB_CELLS[3][2].replace("data[i])", "data[i].copy())"))
        # the fixed text, sent back as a cell change, clears the cell
        s.notify("notebookDocument/didChange", {
            "notebookDocument": {"uri": uri, "version": 2},
            "change": {"cells": {"textContent": [{"document": {"uri": cells[3], "version": 14},
                                                  "changes": [{"text": fixed}]}]}}})
        self.assertEqual(s.diagnostics(cells[3]), {"uri": cells[3], "version": 14, "diagnostics": []})
        self.assertEqual(s.stop(), 0)

    def test_structure_changes_and_close(self):
        path, uri, cells = self.notebook()
        s = self.start()
        s.initialize()
        self.open_notebook(s, uri, cells)
        self.assertEqual(len(s.diagnostics(cells[3])["diagnostics"]), 1)
        # a new code cell at index 1 that rebinds nothing: the loop's cell is now cell 5
        new = cells[0].replace("#W0", "#W9")
        s.notify("notebookDocument/didChange", {
            "notebookDocument": {"uri": uri, "version": 2},
            "change": {"cells": {"structure": {
                "array": {"start": 1, "deleteCount": 0, "cells": [{"kind": 2, "document": new}]},
                "didOpen": [{"uri": new, "languageId": "python", "version": 1, "text": "x = 1"}]}}}})
        [d] = self.latest(s, cells[3])["diagnostics"]
        self.assertIn("on line 5 of cell 5", d["message"])
        self.assertEqual(d["range"]["start"]["line"], NB_VIEW_LINE)
        # the cell that made `data` removed: no leak can be shown (data is unknown)
        s.notify("notebookDocument/didChange", {
            "notebookDocument": {"uri": uri, "version": 3},
            "change": {"cells": {"structure": {"array": {"start": 3, "deleteCount": 1},
                                               "didClose": [{"uri": cells[2]}]}}}})
        self.assertEqual(self.latest(s, cells[2]), {"uri": cells[2], "diagnostics": []})
        # the loop's cell turned into Markdown: its diagnostics are cleared
        s.notify("notebookDocument/didChange", {
            "notebookDocument": {"uri": uri, "version": 4},
            "change": {"cells": {"data": [{"kind": 1, "document": cells[3]}]}}})
        self.assertEqual(self.latest(s, cells[3]), {"uri": cells[3], "diagnostics": []})
        s.notify("notebookDocument/didChange", {
            "notebookDocument": {"uri": uri, "version": 5},
            "change": {"cells": {"data": [{"kind": 2, "document": cells[3]}]}}})
        self.assertEqual(self.latest(s, cells[3])["version"], 13)
        s.notify("notebookDocument/didClose", {"notebookDocument": {"uri": uri},
                                               "cellTextDocuments": [{"uri": c} for c in cells if c != cells[2]]})
        cleared = [m["params"] for m in s.quiet() if m.get("method") == "textDocument/publishDiagnostics"]
        self.assertCountEqual(cleared, [{"uri": cells[3], "diagnostics": []}, {"uri": new, "diagnostics": []},
                                        {"uri": cells[1], "diagnostics": []}])
        self.assertEqual(s.stop(), 0)

    def test_configuration_of_the_notebook_file(self):
        path, uri, cells = self.notebook()
        self.write("nb/pyproject.toml", '[tool.viewleak]\nper-file-ignores = { "*.ipynb" = ["VL001"] }\n')
        s = self.start()
        s.initialize()
        self.open_notebook(s, uri, cells)
        self.assertEqual(s.diagnostics(cells[3])["diagnostics"], [])
        self.assertEqual(s.stop(), 0)

    def test_unknown_notebook_is_an_error_logged(self):
        s = self.start()
        s.initialize()
        s.notify("notebookDocument/didChange", {"notebookDocument": {"uri": "file:///nowhere.ipynb", "version": 2},
                                                "change": {}})
        self.assertEqual([m for m in s.quiet() if m.get("method") == "textDocument/publishDiagnostics"], [])
        self.assertEqual(s.stop(), 0)
        self.assertIn("not an open notebook", s.log())


def main():
    global VIEWLEAK
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "--viewleak":
        VIEWLEAK = os.path.abspath(args[1])
        args = args[2:]
    else:
        VIEWLEAK = os.environ.get("VIEWLEAK")
    if not VIEWLEAK or not os.access(VIEWLEAK, os.X_OK):
        sys.exit("usage: test_server.py --viewleak PATH/TO/viewleak [unittest args]")
    unittest.main(argv=[sys.argv[0], "-v", *args])


if __name__ == "__main__":
    main()
