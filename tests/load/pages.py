#!/usr/bin/env python3
"""Page weight and load time of the shop's main pages, as Chromium sees them.

Drives Debian's chromium through chromedriver's W3C HTTP interface (no client library needed),
loads each page RUNS times with a cold cache and reads the browser's own Resource Timing: bytes
transferred (compressed, headers included) and decoded, request count, and the navigation's
time to first byte, DOMContentLoaded and load. Prints the median per page; numbers only, no verdict.

Usage: tests/load/pages.py [--base URL] [--runs N] [--width PX]
(needs a running system: ./emporium up; the base defaults to the gateway, http://localhost:8080)
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import time
import urllib.request

CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

MEASURE = """
const nav = performance.getEntriesByType('navigation')[0];
const resources = performance.getEntriesByType('resource');
const all = [nav, ...resources];
return {
  requests: all.length,
  transferred: all.reduce((s, e) => s + (e.transferSize || 0), 0),
  decoded: all.reduce((s, e) => s + (e.decodedBodySize || 0), 0),
  html: nav.decodedBodySize,
  ttfb: nav.responseStart - nav.startTime,
  domContentLoaded: nav.domContentLoadedEventEnd - nav.startTime,
  load: nav.loadEventEnd - nav.startTime,
  byType: resources.reduce((m, e) => { m[e.initiatorType] = (m[e.initiatorType] || 0) + (e.transferSize || 0); return m; }, {})
};
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, width):
        self.port = free_port()
        self.process = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.time() + 15
        while True:
            try:
                self.call("GET", "/status")
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     f"--window-size={width},900", "--disk-cache-size=1", "--media-cache-size=1"]}}}}
        self.session = self.call("POST", "/session", caps)["value"]["sessionId"]

    def call(self, method, path, body=None):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"{}")

    def command(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)["value"]

    def measure(self, url):
        # a cold cache each time: what a first visit costs
        self.command("POST", "/goog/cdp/execute", {"cmd": "Network.clearBrowserCache", "params": {}})
        self.command("POST", "/url", {"url": url})
        deadline = time.time() + 30
        while self.command("POST", "/execute/sync", {"script": "return document.readyState", "args": []}) != "complete":
            if time.time() > deadline:
                raise TimeoutError(url)
            time.sleep(0.05)
        time.sleep(0.3)  # lazy images below the fold that start loading after load
        return self.command("POST", "/execute/sync", {"script": MEASURE, "args": []})

    def quit(self):
        try:
            self.call("DELETE", f"/session/{self.session}")
        finally:
            self.process.terminate()


def first(base, path, marker):
    """The first link on a page whose href contains marker (a category, a product)."""
    with urllib.request.urlopen(base + path, timeout=10) as response:
        html = response.read().decode()
    start = html.index(f'href="{marker}')
    return html[start + 6:html.index('"', start + 6)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=os.environ.get("EMPORIUM_GATEWAY", "http://localhost:8080"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    category = first(args.base, "/", "/c/")
    pages = [("home", "/"), ("category", category), ("product", first(args.base, category, "/p/")),
             ("search", "/search?q=kettle"), ("cart (empty)", "/cart")]
    driver = Driver(args.width)
    try:
        print(f"{args.runs} cold loads each at {args.width} px, median; {args.base}")
        print(f"{'page':<14}{'requests':>9}{'transferred':>13}{'decoded':>10}{'html':>9}{'ttfb ms':>9}{'DCL ms':>8}{'load ms':>9}"
              "  transferred by type")
        for name, path in pages:
            runs = [driver.measure(args.base + path) for _ in range(args.runs)]
            med = lambda key: statistics.median(r[key] for r in runs)
            types = runs[-1]["byType"]
            print(f"{name:<14}{med('requests'):>9.0f}{med('transferred') / 1024:>11.1f}kB{med('decoded') / 1024:>8.1f}kB"
                  f"{med('html') / 1024:>7.1f}kB{med('ttfb'):>9.0f}{med('domContentLoaded'):>8.0f}{med('load'):>9.0f}  "
                  + ", ".join(f"{t} {b / 1024:.1f}kB" for t, b in sorted(types.items())))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
