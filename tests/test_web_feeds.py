"""The /feeds page and the feeds' state in GET /api/health."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tidings.records import PageFetch
from tidings.store import SQLiteStore
from tidings.web import create_app


def test_feeds_page_and_health_show_each_feeds_last_poll_and_error(tmp_path):
    store = SQLiteStore(tmp_path / "w.db")
    store.add_feed("http://127.0.0.1:9/good.xml", "Good <b>Feed</b>")
    store.add_feed("javascript:alert(1)")
    good, bad = store.feeds()
    store.record_feed_poll(good.id, status="ok", etag='"e"', pages=[
        PageFetch(url="http://127.0.0.1:9/a", entry={}), PageFetch(url="http://127.0.0.1:9/b", entry={})])
    store.page_failed("http://127.0.0.1:9/b", "HTTP 500", "2026-01-01T00:00:00+00:00")
    store.record_feed_poll(good.id, status="not modified")
    store.record_feed_poll(bad.id, status="error", error="not a readable feed: <script>alert(2)</script>")
    client = TestClient(create_app(store, token=""))
    health = client.get("/api/health").json()
    feeds = {f["url"]: f for f in health["feeds"]}
    g = feeds["http://127.0.0.1:9/good.xml"]
    assert g["polls"] == 2 and g["not_modified"] == 1 and g["last_status"] == "not modified"
    assert g["pages"] == {"pending": 1, "retrying": 1} and g["last_error"] is None and g["last_poll"]
    assert feeds["javascript:alert(1)"]["last_error"].startswith("not a readable feed")
    page = client.get("/feeds")
    assert page.status_code == 200
    html = page.text
    assert "Good &lt;b&gt;Feed&lt;/b&gt;" in html and "&lt;script&gt;alert(2)" in html
    assert "<script>alert" not in html and 'href="javascript:' not in html
    assert 'href="http://127.0.0.1:9/good.xml"' in html


def test_serve_access_log_names_each_request(tmp_path):
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = str(tmp_path / "log.db")
    SQLiteStore(db).close()
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "serve", "--db", db, "--port", str(port),
                             "--access-log"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=dict(os.environ))
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/api/health?probe=1", timeout=2).status_code == 200
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
                time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGINT)
        out, _err = proc.communicate(timeout=30)
    # uvicorn's access log goes to standard output, one line per request.
    assert "GET /api/health?probe=1" in out.decode() and " 200" in out.decode()
