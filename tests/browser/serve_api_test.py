#!/usr/bin/env python3
"""serve_api_test.py CJ: cj serve's endpoints without a browser (runs where Chromium cannot).

Listens on 127.0.0.1 only; unknown problems are 404; the file endpoint serves the stub until the
learner saves; a hint past the last is 404; references are refused until the problem is solved;
a compile error judged from the page is a verdict, not a failure of the server.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def get(url, data=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=120) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, ""


def main():
    cj = sys.argv[1]
    work = tempfile.mkdtemp()
    os.chmod(work, 0o755)
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "xdg"))
    server = subprocess.Popen([cj, "serve", "--port", "0", "--dir", work, "--budget", "0.5"],
                              stdout=subprocess.PIPE, env=env, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            fail("cj serve did not say where it listens: " + line)
        port = int(match.group(1))
        base = f"http://127.0.0.1:{port}"
        with open("/proc/net/tcp") as f:
            listening = [l.split()[1] for l in f.readlines()[1:] if l.split()[3] == "0A"]
        if f"0100007F:{port:04X}" not in listening:
            fail(f"not listening on 127.0.0.1:{port} only: {listening}")

        status, _ = get(base + "/problem/no-such-problem")
        if status != 404:
            fail(f"unknown problem: {status}")
        status, body = get(base + "/api/file/print-in-order")
        j = json.loads(body)
        if j["exists"] or "class Foo" not in j["text"]:
            fail("the file endpoint does not offer the stub: " + body)
        status, _ = get(base + "/api/hint/print-in-order/3")
        if status != 404:
            fail(f"a fourth hint of three: {status}")
        status, _ = get(base + "/api/references/print-in-order")
        if status != 403:
            fail(f"references shown before the problem is solved: {status}")

        status, _ = get(base + "/api/file/print-in-order", b"class Foo { int x = ; };")
        if status != 200 or not os.path.exists(os.path.join(work, "print-in-order.cpp")):
            fail("saving did not write the learner's file")
        status, body = get(base + "/api/judge/print-in-order", b"")
        j = json.loads(body)
        if j["result"]["verdict"] != "compile_error" or "data-verdict=\"compile_error\"" not in j["html"]:
            fail("a compile error judged from the page: " + body[:400])
        if j["progress"] != "1 attempt":
            fail("the attempt is not recorded: " + j["progress"])
        print("ok")
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
