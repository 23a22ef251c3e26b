#!/usr/bin/env python3
"""serve_browser_test.py CJ ARTIFACTS: cj serve driven in headless Chromium.

Starts `cj serve` on a free port with a fresh progress store, and drives Chromium over the
DevTools protocol on a pipe (--remote-debugging-pipe: NUL-separated JSON on fds 3 and 4, no
extra library): the list of problems, a problem page, a buggy file judged from the page, a hint
revealed. Checks the DOM (the verdict, one timeline lane per thread) and keeps screenshots in
ARTIFACTS. Exits 77 (skipped) when Chromium is missing or cannot start.
"""
import base64
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
ROOT = os.getcwd()


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class Chromium:
    """One headless Chromium, one page, commands over the DevTools pipe."""

    def __init__(self, profile):
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        if not exe:
            print("SKIP: chromium is not installed (apt-get install chromium)")
            sys.exit(SKIP)
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # The child's ends move to 3 and 4; keep them clear of those numbers until then.
        os.dup2(to_chrome_r, 100)
        os.dup2(from_chrome_w, 101)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        to_chrome_r, from_chrome_w = 100, 101

        def child_fds():
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,1000",
                 "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"]
        self.log = open(os.path.join(profile + "-chromium.log"), "w")
        # preexec_fn runs before subprocess closes the other descriptors: keep 3 and 4 open.
        self.proc = subprocess.Popen([exe] + flags, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=self.log,
                                     preexec_fn=child_fds, pass_fds=(3, 4))
        os.close(100)
        os.close(101)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None
        try:
            targets = self.call("Target.getTargets", timeout=90)["targetInfos"]
        except (TimeoutError, BrokenPipeError):
            self.log.flush()
            with open(self.log.name) as f:
                tail = f.read()[-800:]
            print("SKIP: chromium did not start (no answer on the DevTools pipe):\n" + tail)
            self.close()
            sys.exit(SKIP)
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": page["targetId"], "flatten": True})["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError
            ready, _, _ = select.select([self.from_chrome], [], [], 0.2)
            if ready:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise TimeoutError
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True})
        if "exceptionDetails" in result:
            fail(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, seconds, what):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.25)
        self.screenshot(os.path.join(ARTIFACTS, "serve-failure.png"))
        fail(f"waited {seconds} s for {what}")

    def navigate(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'", 30, "the page " + url)

    def screenshot(self, path, selector=None):
        params = {"format": "png", "captureBeyondViewport": True}
        if selector:
            # The whole picture, not the part its scrolling box shows: one column, full width.
            self.evaluate("document.querySelector('.columns').style.display = 'block';"
                          "document.querySelectorAll('.timeline').forEach("
                          "e => e.style.overflow = 'visible'); true")
            rect = self.evaluate(
                f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                ".getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width,"
                " r.height]; })()")
            params["clip"] = {"x": rect[0], "y": rect[1], "width": rect[2], "height": rect[3],
                              "scale": 1}
            data = self.call("Page.captureScreenshot", params)["data"]
            self.evaluate("document.querySelector('.columns').style.display = '';"
                          "document.querySelectorAll('.timeline').forEach("
                          "e => e.style.overflow = ''); true")
            with open(path, "wb") as f:
                f.write(base64.b64decode(data))
            return
        else:
            size = self.evaluate("[document.documentElement.scrollWidth,"
                                 " document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        data = self.call("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        self.proc.kill()
        self.proc.wait()


def judge_on_page(chrome, file, seconds=120):
    with open(os.path.join(ROOT, file)) as f:
        code = f.read()
    chrome.wait_for("document.getElementById('editor').value.length > 0", 10, "the editor")
    chrome.evaluate(f"document.getElementById('editor').value = {json.dumps(code)};"
                    "document.getElementById('editor').dispatchEvent(new Event('input')); true")
    chrome.evaluate("document.getElementById('result').innerHTML = '';"
                    "document.getElementById('judge').click(); true")
    chrome.wait_for("!!document.querySelector('#result [data-verdict]')", seconds,
                    "a verdict on the page")
    return chrome.evaluate("document.querySelector('#result [data-verdict]').dataset.verdict")


def main():
    global ARTIFACTS
    cj, ARTIFACTS = sys.argv[1], sys.argv[2]
    os.makedirs(ARTIFACTS, exist_ok=True)
    work = tempfile.mkdtemp()
    os.chmod(work, 0o755)  # run as root, the sandboxed compiler reads the files as uid 65534
    files = os.path.join(work, "files")
    os.mkdir(files)
    os.chmod(files, 0o777)
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "xdg"))
    server = subprocess.Popen([cj, "serve", "--port", "0", "--dir", files, "--mode", "explore",
                               "--budget", "1"], stdout=subprocess.PIPE, env=env, text=True)
    chrome = None
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            fail("cj serve did not say where it listens: " + line)
        base = f"http://127.0.0.1:{match.group(1)}"
        chrome = Chromium(os.path.join(work, "profile"))

        # The list, grouped by collection.
        chrome.navigate(base + "/")
        if chrome.evaluate("document.querySelectorAll('section.collection li.problem').length") < 9:
            fail("the list does not show LeetCode's nine problems")
        if not chrome.evaluate("!!document.querySelector("
                               "'section[data-collection=leetcode] a[href=\"/problem/print-in-order\"]')"):
            fail("print-in-order is not listed under LeetCode")
        chrome.screenshot(os.path.join(ARTIFACTS, "serve-list.png"))

        # A problem page, opened from the list: the statement, the stub in the editor.
        chrome.evaluate("document.querySelector('a[href=\"/problem/the-dining-philosophers\"]')"
                        ".click(); true")
        chrome.wait_for("location.pathname === '/problem/the-dining-philosophers' && "
                        "document.readyState === 'complete'", 30, "the problem page")
        chrome.wait_for("document.getElementById('editor').value.includes('class DiningPhilosophers')",
                        10, "the stub in the editor")
        if not chrome.evaluate("document.querySelector('.statement h1').textContent"
                               ".includes('Dining Philosophers')"):
            fail("the statement is not rendered")

        # A buggy file judged from the page: the verdict and one lane per philosopher.
        verdict = judge_on_page(chrome, "solutions/the-dining-philosophers/buggy_left_then_right.cpp")
        if verdict != "deadlock":
            fail("left-then-right forks judged " + str(verdict))
        lanes = chrome.evaluate("document.querySelectorAll('#result svg.cj-timeline g.lane').length")
        if lanes != 5:
            fail(f"{lanes} timeline lanes, not one per philosopher (5)")
        if chrome.evaluate("document.querySelectorAll('#result g.lane.cycle').length") != 5:
            fail("the wait-for cycle is not highlighted on all five lanes")
        with open(os.path.join(files, "the-dining-philosophers.cpp")) as f:
            if "pickLeftFork" not in f.read():
                fail("Judge did not save the editor's text to the learner's file")

        # A hint, revealed one at a time.
        chrome.evaluate("document.getElementById('hint').click(); true")
        chrome.wait_for("document.querySelectorAll('#hints .hint').length === 1", 10, "a hint")
        if not chrome.evaluate("document.getElementById('hint').textContent === 'Hint 2 of 3'"):
            fail("the hint button does not offer the next hint")
        chrome.screenshot(os.path.join(ARTIFACTS, "serve-philosophers.png"))
        chrome.screenshot(os.path.join(ARTIFACTS, "timeline-philosophers.png"), "#result svg.cj-timeline")

        # 1114's lost wakeup: three lanes.
        chrome.navigate(base + "/problem/print-in-order")
        verdict = judge_on_page(chrome, "solutions/print-in-order/buggy_lost_wakeup.cpp")
        if verdict not in ("deadlock", "wrong_answer"):
            fail("the lost wakeup judged " + str(verdict))
        if chrome.evaluate("document.querySelectorAll('#result svg.cj-timeline g.lane').length") != 3:
            fail("not three lanes for print-in-order")
        chrome.screenshot(os.path.join(ARTIFACTS, "timeline-lost-wakeup.png"), "#result svg.cj-timeline")

        # The fix, judged from the page: accepted, and the references appear.
        verdict = judge_on_page(chrome, "solutions/print-in-order/mutex_cv.cpp")
        if verdict != "accepted":
            fail("the reference judged " + str(verdict))
        chrome.wait_for("document.querySelectorAll('#references .reference').length >= 3", 60,
                        "the reference solutions after an accept")
        chrome.screenshot(os.path.join(ARTIFACTS, "serve-accepted.png"))
        print("ok")
    finally:
        if chrome:
            chrome.close()
        server.kill()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
