"""`tidings watch` as a real process: killed with SIGKILL in the middle of a poll and started
again, it loses nothing and doubles nothing. The feed and pages come from a local server on
127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from local_http import LocalServer, Route, rss
from test_watch import item

from tidings.store import SQLiteStore

N = 40


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"TIDINGS_FETCH_HOST_RATE": "100", "TIDINGS_FETCH_HOST_CONCURRENCY": "2",
                "TIDINGS_FETCH_WORKERS": "2", "TIDINGS_FETCH_TIMEOUT": "10",
                "TIDINGS_FETCH_RETRY_AFTER": "0"})
    return env


def _watch(db: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tidings", "watch", "--every", "1s", "--db", db,
                             "--log-level", "warning", "-q", *extra], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(db: str) -> int:
    store = SQLiteStore(db)
    try:
        return store.count_articles()
    finally:
        store.close()


def test_kill_9_mid_poll_then_restart_loses_and_doubles_nothing(tmp_path):
    db = str(tmp_path / "watch.db")
    with LocalServer() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n")
        items = [item(server, 100 + i) for i in range(N)]
        for i in range(N):
            server.routes[f"/news/{100 + i}.html"].delay = 0.25  # about 8 pages a second
        server.routes["/feed.xml"] = Route(rss(items))
        store = SQLiteStore(db)
        store.add_feed(server.url("/feed.xml"))
        store.close()

        proc = _watch(db)
        deadline = time.monotonic() + 240
        stored = 0
        try:
            while time.monotonic() < deadline and proc.poll() is None:
                stored = _count(db)
                if stored >= 3:
                    break
                time.sleep(0.2)
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        assert 0 < stored < N, f"the kill was meant to land mid-poll ({stored} of {N} stored)"
        store = SQLiteStore(db)
        stored_before = [a.url for a in store.articles()]
        store.close()

        again = _watch(db, "--polls", "2")
        _out, err = again.communicate(timeout=300)
        assert again.returncode == 0, err.decode(errors="replace")[-2000:]

        store = SQLiteStore(db)
        articles = store.articles()
        urls = [a.url for a in articles]
        assert len(articles) == N and len(set(urls)) == N  # nothing lost, nothing doubled
        assert all("~" not in a.id for a in articles)
        assert {p.state for p in store.page_fetches()} == {"done"}
        assert store.feeds()[0].polls >= 2
        # A page stored before the kill is not fetched again (one fetched but not yet
        # stored is: it was not lost, only its download).
        prefix = server.url("")
        assert stored_before and all(server.count(u.removeprefix(prefix)) == 1 for u in stored_before)
        store.close()
