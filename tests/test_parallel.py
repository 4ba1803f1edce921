"""Parallel stages: `ingest --workers N` and `backfill --engine local|ray` give the events
of a serial `ingest`, report bad files by name, and say clearly when Ray is missing.

The Ray test starts a real local Ray instance (through the command, which starts and stops
it) on generated articles. It uses 240 articles, so that it fits a shared 2-core machine;
bench/parallel.py checks the same on 2,000 (TIDINGS_TEST_BACKFILL_ARTICLES=2000 runs this
test at that size).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, command_env, tidings_command

from tidings import open_store, parallel
from tidings.records import Problem, RawArticle
from tidings.sources import read

sys.path.insert(0, str(REPO / "bench"))
from corpus import generate  # noqa: E402  (bench/corpus.py writes the generated articles)

ARTICLES = int(os.environ.get("TIDINGS_TEST_BACKFILL_ARTICLES", "240"))


def run(*args: str, timeout: float = 1200, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*tidings_command(), *args], capture_output=True, text=True,
                          timeout=timeout, env=env or command_env())


def events_of(db: Path) -> dict[str, str | None]:
    store = open_store(str(db))
    try:
        return {a.id: store.event_of(a.id) for a in store.articles()}
    finally:
        store.close()


def messy_tree(root: Path) -> Path:
    """Articles in every format with the bad input a real archive has."""
    generate(root / "news", 60, seed=11)
    bad = root / "news" / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "broken.jsonl").write_text(
        '{"id": "ok1", "text": "Porto council approves the rail link after a long debate on Monday."}\n'
        '{"id": "broken", "text": \n'
        '["not an object"]\n', "utf-8")
    (bad / ".hidden.txt").write_text("Hidden files are not read.\n", "utf-8")
    (bad / "loop").symlink_to("..")
    (bad / "gone.txt").symlink_to(bad / "nowhere.txt")
    return root / "news"


def test_plan_and_workers_read_what_the_serial_reader_reads(tmp_path):
    tree = messy_tree(tmp_path)
    serial = list(read([str(tree), str(tmp_path / "missing.txt")]))
    planned = list(parallel.plan([str(tree), str(tmp_path / "missing.txt")]))
    assert any(isinstance(w, parallel.FileUnit) for w in planned)  # work left for workers
    # What a worker makes of each unit, without cleaning or the model.
    got: list[RawArticle | Problem] = []
    for w in planned:
        got.extend(parallel.read_unit(w) if isinstance(w, parallel.FileUnit) else [w])
    assert got == serial
    assert list(parallel.plan([str(tree), str(tmp_path / "missing.txt")], workers_read=False)) == serial
    problems = {p.origin.rsplit("/", 1)[-1] for p in serial if isinstance(p, Problem)}
    assert {"empty.txt", "binary.txt", "broken.jsonl", "loop", "gone.txt", "missing.txt"} <= problems


def test_ingest_with_two_workers_gives_the_serial_events_and_names_bad_files(tmp_path):
    tree = messy_tree(tmp_path)
    serial, two = tmp_path / "serial.db", tmp_path / "two.db"
    a = run("ingest", str(tree), "--db", str(serial))
    b = run("ingest", str(tree), "--workers", "2", "--db", str(two))
    assert a.returncode == 0 and b.returncode == 0, b.stderr[-3000:]
    assert b.stdout.replace(str(two), "DB") == a.stdout.replace(str(serial), "DB")
    assert "binary.txt" in b.stdout and "broken.jsonl:2" in b.stdout  # named, the rest went on
    assert b.stderr.count("binary.txt") == a.stderr.count("binary.txt") == 1
    ev_a, ev_b = events_of(serial), events_of(two)
    assert len(ev_a) >= 60 and ev_a == ev_b
    assert len(set(ev_a.values())) < len(ev_a)  # some events hold several articles


def test_backfill_on_ray_gives_the_same_events_as_ingest(tmp_path):
    corpus = tmp_path / "corpus"
    generate(corpus, ARTICLES, seed=3)
    (corpus / "zz_bad.html").write_bytes(b"\x00\x01\x02" * 500)
    serial, on_ray = tmp_path / "serial.db", tmp_path / "ray.db"
    a = run("ingest", "-q", str(corpus), "--db", str(serial))
    b = run("backfill", "-q", str(corpus), "--engine", "ray", "--workers", "2", "--db", str(on_ray))
    assert a.returncode == 0 and b.returncode == 0, b.stderr[-3000:]
    assert b.stdout.replace(str(on_ray), "DB") == a.stdout.replace(str(serial), "DB")
    assert "zz_bad.html" in b.stdout
    ev_a, ev_b = events_of(serial), events_of(on_ray)
    assert len(ev_a) >= ARTICLES * 0.9 and ev_a == ev_b
    multi = [e for e in set(ev_a.values()) if list(ev_a.values()).count(e) > 1]
    assert len(multi) >= 5
    # Running it again is a no-op, as for ingest.
    c = run("backfill", "-q", str(corpus), "--engine", "ray", "--workers", "2", "--db", str(on_ray))
    assert "ingested 0," in c.stdout and events_of(on_ray) == ev_a


def test_engine_ray_without_ray_names_the_pip_command(tmp_path):
    db = tmp_path / "t.db"
    code = ("import sys; sys.modules['ray'] = None\n"  # as if Ray were not installed
            "from tidings.cli import main\n"
            f"sys.exit(main(['backfill', {str(tmp_path)!r}, '--engine', 'ray', '--db', {str(db)!r}]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=command_env(), timeout=120)
    assert out.returncode == 2
    assert "needs Ray, which is not installed" in out.stderr and "pip install" in out.stderr
    assert "Traceback" not in out.stderr and not db.exists()


def test_workers_must_be_a_positive_number(tmp_path):
    for bad in ("0", "-1", "two"):
        out = run("ingest", str(tmp_path), "--workers", bad, "--db", str(tmp_path / "t.db"))
        assert out.returncode == 2 and "number of workers" in out.stderr


class _FailingSecond:
    """An engine whose worker fails on the second chunk (as a killed process would)."""

    workers_read = False  # as on a cluster: records are read here and sent

    def __init__(self, config):
        from tidings.understand.embed import HashingEmbedderForTests

        self.config, self.embedder = config, HashingEmbedderForTests(dim=384)

    def map(self, chunks):
        for i, chunk in enumerate(chunks):
            yield (RuntimeError("worker killed") if i == 1
                   else parallel.prepare_chunk(chunk, self.config, self.embedder))

    def close(self):
        pass


def test_a_failed_worker_chunk_is_prepared_here_with_a_note(tmp_path, monkeypatch):
    from tidings.config import Config
    from tidings.store import SQLiteStore
    from tidings.understand import embed

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(
            f"Storm number {i} reaches the coast\n\nOfficials in Porto said on Monday that {i * 7} "
            "families had left their homes before the storm reached the coast.\n", "utf-8")
    # The main process embeds the failed chunk itself: with the test embedder, no model.
    monkeypatch.setattr(embed, "_model", lambda: embed.HashingEmbedderForTests(dim=384))
    config = Config(parallel_chunk_articles=2)
    store = SQLiteStore(str(tmp_path / "t.db"))
    report, stats = parallel.run([str(folder)], store, _FailingSecond(config), config)
    assert report.ingested == 6 and report.already_stored == 0 and not report.skipped
    assert stats.failed_chunks == 1 and stats.embedded_here >= 1
    notes = [p for p in report.warnings if "worker failed" in p.reason]
    assert len(notes) == 1 and notes[0].origin.endswith("2.txt")
    assert json.dumps(report.to_dict())  # still a plain report


def test_backfill_on_ray_into_postgresql_gives_the_sqlite_ingest_events(tmp_path, postgres_url):
    corpus = tmp_path / "corpus"
    generate(corpus, 60, seed=5)
    serial = tmp_path / "serial.db"
    a = run("ingest", "-q", str(corpus), "--db", str(serial))
    b = run("backfill", "-q", str(corpus), "--engine", "ray", "--workers", "2", "--db", postgres_url)
    assert a.returncode == 0 and b.returncode == 0, b.stderr[-3000:]
    assert "ingested 60," in b.stdout
    store = open_store(postgres_url)
    try:
        on_pg = {a.id: store.event_of(a.id) for a in store.articles()}
    finally:
        store.close()
    ev = events_of(serial)
    assert len(ev) == 60 and on_pg == ev
