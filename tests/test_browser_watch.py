"""End to end: `tidings feeds add` a feed served on 127.0.0.1, `tidings watch --every 2s` and
`tidings serve` as real processes on one store, and a real headless Chromium on the front
page: a new feed entry's article appears there within a poll, without a reload."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest
from local_http import LocalServer, Route, page, rss
from test_browser import ARGS, CHROMIUM, _free_port
from test_watch import item, story

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium "
                    "(apt-get install chromium, or `make browser`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _tidings(*args: str) -> list[str]:
    return [sys.executable, "-m", "tidings", *args]


def test_watch_brings_new_feed_entries_to_the_running_front_page(tmp_path, chromium):
    db = str(tmp_path / "live.db")
    env = dict(os.environ, TIDINGS_FETCH_HOST_RATE="50", TIDINGS_FETCH_TIMEOUT="10")
    with LocalServer() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n")
        items = [item(server, 200)]
        server.routes["/feed.xml"] = Route(rss(items), headers={"Content-Type": "application/rss+xml"})
        added = subprocess.run(_tidings("feeds", "add", server.url("/feed.xml"), "--db", db),
                               capture_output=True, text=True, env=env, timeout=120)
        assert added.returncode == 0, added.stderr
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        serve = subprocess.Popen(_tidings("serve", "--db", db, "--port", str(port)), env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        watch = subprocess.Popen(_tidings("watch", "--every", "2s", "--db", db, "-q",
                                          "--log-level", "warning"), env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 120
            while True:  # the server is up and the first entry is in
                try:
                    if httpx.get(base + "/api/health", timeout=2).json()["articles"] >= 1:
                        break
                except (httpx.HTTPError, ValueError):
                    pass
                assert time.monotonic() < deadline, "the first entry never arrived"
                assert watch.poll() is None, watch.stderr.read().decode(errors="replace")[-2000:]
                time.sleep(0.3)
            context = chromium.new_context()
            tab = context.new_page()
            requests: list[str] = []
            tab.on("request", lambda r: requests.append(r.url))
            tab.goto(base + "/")
            first_title = story(200)[0]
            assert first_title.split(" (")[0] in tab.locator("table#events").inner_text()
            tab.evaluate("window.__sameDocument = true")

            # A new entry appears in the feed; its page is new on the server.
            title, paragraphs = "Lighthouse keepers of Saltcombe vote to restore the brass lamp", [
                "Keepers of the Saltcombe lighthouse voted on Friday to restore its original brass "
                "lamp, retired in 1962, after a fundraising drive gathered 48,000 euros.",
                "The restored lamp will be lit again at the summer solstice, the keepers said, and "
                "the island museum will show the lens it replaces."]
            server.routes["/news/lamp.html"] = Route(page(title, paragraphs))
            items.insert(0, {"title": title, "link": server.url("/news/lamp.html"), "guid": "lamp",
                             "date": "Fri, 06 Mar 2026 09:00:00 GMT"})
            server.routes["/feed.xml"] = Route(rss(items), headers={"Content-Type": "application/rss+xml"})
            row = tab.locator("table#events tbody tr", has_text="brass lamp")
            row.wait_for(timeout=60_000)
            assert tab.evaluate("window.__sameDocument === true")  # no reload
            assert [u for u in requests if not u.startswith(base + "/")] == []
            assert server.count("/news/lamp.html") == 1
            health = httpx.get(base + "/api/health", timeout=5).json()
            assert health["feeds"][0]["last_error"] is None and health["feeds"][0]["polls"] >= 2
            context.close()
        finally:
            watch.terminate()
            serve.terminate()
            for proc in (watch, serve):
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        assert watch.returncode == 0  # SIGTERM stops the monitor cleanly
