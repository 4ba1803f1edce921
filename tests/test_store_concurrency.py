"""Several processes on one SQLite file: opening it fresh, racing on the same articles,
two ingests and a server writing at once. Real processes, not threads: each has its own
connection and its own view of the write lock, as in use."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time

import httpx
import pytest
from conftest import REPO, command_env, tidings_command

DEMO_FILE = next((REPO / "src/tidings/demo/corpus").rglob("*.txt"))


def _run_at(start: float, code: str, *args: str) -> subprocess.Popen:
    """A Python process that waits until `start` (time.time()) and then runs `code`."""
    script = f"import sys, time\ntime.sleep(max(0.0, {start!r} - time.time()))\n{code}"
    return subprocess.Popen([sys.executable, "-c", script, *args], env=command_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_processes_opening_a_fresh_database_at_once_all_succeed(tmp_path):
    """Each reads the schema version under the write lock: none sees version 0 after
    another created the tables ("table articles already exists")."""
    code = "from tidings.store import open_store\nopen_store(sys.argv[1]).close()"
    for trial in range(6):
        db = tmp_path / f"fresh{trial}.db"
        start = time.time() + 1.5  # after every interpreter has started
        procs = [_run_at(start, code, str(db)) for _ in range(3)]
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, f"trial {trial}: {err}"
        con = sqlite3.connect(db)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "events", "removed_events"} <= tables
        con.close()


def _articles(prefix: str, n: int, towns: list[str]) -> list[dict]:
    out = []
    for i in range(n):
        town = towns[i % len(towns)]
        out.append({
            "id": f"{prefix}-{i:04d}", "lang": "en", "source": f"{prefix}.example",
            "date": f"2026-05-{1 + i % 28:02d}",
            "title": f"{town} opens tender {i} for a new {['bridge', 'school', 'clinic'][i % 3]}",
            "text": (f"The authorities of {town} opened tender number {i} on Monday for the "
                     f"works, worth {2000 + 53 * i:,} euros, a spokesperson said. Series "
                     f"{prefix}, item {i}; bids close within {10 + i % 20} days."),
        })
    return out


def _ingest(db, feed) -> subprocess.Popen:
    return subprocess.Popen([*tidings_command(), "ingest", str(feed), "--db", str(db), "-q"],
                            env=command_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _counts(stdout: str) -> dict[str, int]:
    # "t.db: ingested 40, duplicates 0, already stored 24, skipped 0"
    summary = stdout.strip().splitlines()[-1].split(": ", 1)[1]
    return {k: int(v) for k, v in (part.rsplit(" ", 1) for part in summary.split(", "))}


def test_two_ingests_of_the_same_articles_store_each_once(tmp_path):
    """Both check what is stored inside their write transaction and use what the insert
    says: together they report each article ingested once, and the near-duplicate index
    holds no row twice."""
    db = tmp_path / "race.db"
    feed = tmp_path / "same.jsonl"
    rows = _articles("same", 64, ["Oakridge", "Marlow", "Pennfield", "Tarrin"])
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    subprocess.run([*tidings_command(), "ingest", str(DEMO_FILE),
                    "--db", str(db), "-q"], env=command_env(), capture_output=True)
    procs = [_ingest(db, feed) for _ in range(2)]
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        assert "locked" not in err
        outs.append(_counts(out))
    assert sum(o["ingested"] for o in outs) == 64
    assert all(o["ingested"] + o["already stored"] == 64 for o in outs)
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles WHERE id LIKE 'same-%'")]
    assert len(ids) == 64 == len(set(ids))
    doubled = con.execute("SELECT count(*) FROM (SELECT band, article_id FROM dup_bands "
                          "GROUP BY band, article_id HAVING count(*) > 1)").fetchone()[0]
    assert doubled == 0
    assigned = con.execute("SELECT count(*) FROM event_articles WHERE article_id LIKE 'same-%'").fetchone()[0]
    assert assigned == 64


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Articles per ingest process: 150 keeps the suite short on 2 cores; the size is
# TIDINGS_TEST_WRITERS_ARTICLES=1000.
WRITERS_ARTICLES = int(os.environ.get("TIDINGS_TEST_WRITERS_ARTICLES", "150"))


def test_two_ingests_and_a_server_taking_posts_all_complete(tmp_path):
    """The README's promise: several writers share a database. Two `tidings ingest`
    processes and a `tidings serve` taking POSTs write at once; every article is stored
    once and in an event, and nobody hears "database is locked"."""
    db = tmp_path / "shared.db"
    feeds = []
    expected: list[str] = []
    for name, towns in (("a", ["Brookvale", "Hollin"]), ("b", ["Quarry Hill", "Wexmoor"])):
        rows = _articles(name, WRITERS_ARTICLES, towns)
        expected += [r["id"] for r in rows]
        feeds.append(tmp_path / f"{name}.jsonl")
        feeds[-1].write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    posted = _articles("post", 40, ["Saltmarsh", "Ivybridge"])
    expected += [r["id"] for r in posted]

    port = _free_port()
    env = command_env()
    env.pop("TIDINGS_API_TOKEN", None)
    server = subprocess.Popen([*tidings_command(), "serve", "--db", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        # The model loads before the race starts.
        first = httpx.post(f"{base}/api/articles", json=posted[0], timeout=300)
        assert first.status_code == 200, first.text

        ingests = [_ingest(db, f) for f in feeds]
        answers: list = [None] * 13

        def post(k: int) -> None:
            answers[k] = httpx.post(f"{base}/api/articles", json=posted[1 + 3 * k: 4 + 3 * k], timeout=600)

        time.sleep(3)  # the ingests have loaded their model and are writing
        threads = [threading.Thread(target=post, args=(k,)) for k in range(13)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)
        for p in ingests:
            out, err = p.communicate(timeout=900)
            assert p.returncode == 0, err
            assert "locked" not in err and "busy" not in err
        for r in answers:
            assert r is not None and r.status_code == 200, r and r.text
    finally:
        server.terminate()
        server.communicate(timeout=60)
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(expected)  # none lost, none doubled
    assigned = {r[0] for r in con.execute("SELECT article_id FROM event_articles")}
    assert assigned == set(expected)
    events = {r[0] for r in con.execute("SELECT DISTINCT event_id FROM event_articles")}
    known = {r[0] for r in con.execute("SELECT id FROM events")}
    assert events <= known


@pytest.mark.parametrize("url", ["foo://x", "postgresql:", "mysql://user@host/db"])
def test_an_unknown_or_empty_database_url_is_refused_and_creates_nothing(tmp_path, url):
    env_cwd = tmp_path / "cwd"
    env_cwd.mkdir()
    proc = subprocess.run([*tidings_command(), "ingest", str(DEMO_FILE),
                           "--db", url], cwd=env_cwd, env=command_env(), capture_output=True, text=True)
    assert proc.returncode == 2
    assert "tidings:" in proc.stderr and ("scheme" in proc.stderr or "names no" in proc.stderr
                                          or "PostgreSQL" in proc.stderr)
    assert list(env_cwd.iterdir()) == []  # no folder named after the scheme


def test_processes_opening_a_fresh_postgres_database_at_once_all_succeed(postgres_url):
    code = "from tidings.store import open_store\nopen_store(sys.argv[1]).close()"
    start = time.time() + 1.5
    procs = [_run_at(start, code, postgres_url) for _ in range(3)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    from tidings.store import open_store
    from tidings.store.postgres import MIGRATIONS

    assert open_store(postgres_url).schema_version == len(MIGRATIONS)


def test_ingest_into_postgres_from_the_command_line(postgres_url, monkeypatch):
    """`--db postgresql://…` and TIDINGS_DB select the server; two racing ingests of the
    same articles store each once there too; the listings read it back."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "same.jsonl"
        rows = _articles("pg", 40, ["Oakridge", "Marlow"])
        feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        procs = [_ingest(postgres_url, feed) for _ in range(2)]
        outs = []
        for p in procs:
            out, err = p.communicate(timeout=600)
            assert p.returncode == 0, err
            outs.append(_counts(out))
    assert sum(o["ingested"] for o in outs) == 40
    env = command_env()
    env["TIDINGS_DB"] = postgres_url
    listed = subprocess.run([*tidings_command(), "articles", "--json"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert listed.returncode == 0, listed.stderr
    assert sorted(json.loads(line)["id"] for line in listed.stdout.splitlines()) == sorted(r["id"] for r in rows)
    events = subprocess.run([*tidings_command(), "events", "--json"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert events.returncode == 0 and events.stdout.strip()


def test_ingest_with_worker_processes_stores_the_same_as_one_process(tmp_path):
    """`--workers 2` prepares batches in two processes; storing stays in order, so every
    article is stored once and the events are those of a one-process ingest."""
    feed = tmp_path / "feed.jsonl"
    rows = _articles("w", 100, ["Oakridge", "Marlow", "Pennfield"])
    rows.append(dict(rows[5], id="w-copy"))  # a copy, in a later batch: linked, not lost
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    groups = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        proc = subprocess.run([*tidings_command(), "ingest", str(feed), "--db", str(db), "-q",
                               "--workers", str(workers)], env=command_env(), capture_output=True,
                              text=True, timeout=900)
        assert proc.returncode == 0, proc.stderr
        assert _counts(proc.stdout)["ingested"] == len(rows)
        con = sqlite3.connect(db)
        by_event: dict[str, set[str]] = {}
        for aid, eid in con.execute("SELECT article_id, event_id FROM event_articles"):
            by_event.setdefault(eid, set()).add(aid)
        assert con.execute("SELECT duplicate_of FROM articles WHERE id = 'w-copy'").fetchone()[0] == "w-0005"
        groups.append(sorted(sorted(g) for g in by_event.values()))
    assert groups[0] == groups[1]
