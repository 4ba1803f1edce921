"""Write-lock benchmark: how long an ingest holds the database's write lock per batch.

Generates a corpus (bench/corpus.py) in a temporary folder and ingests it with the real
pipeline (embedding model included) into a fresh SQLite file, then reports, over every
write transaction the ingest made (one per batch of 32 articles, plus the odd problem
record), how long the write lock was held: median, p95 and max, and the ingest's
articles/s. While the lock is held no other process (a second ingest, the server taking
a POST) can write. Target: at most 100 ms per batch.

    PYTHONPATH=src python bench/store_lock.py [--articles 320] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from common import write_result  # noqa: E402

TARGET_MS = 100.0


def _time_transactions(store) -> tuple[list[float], list[float]]:
    """Wrap store.transaction to time each outermost write transaction (ms), from taking
    the write lock to commit: wall time, and this thread's CPU time (what a quiet machine
    would take; on a loaded one the wall time stretches). Done from outside, so the same
    script measures any version."""
    from contextlib import contextmanager

    held: list[float] = []
    cpu: list[float] = []
    inner = store.transaction
    depth = [0]

    @contextmanager
    def timed():
        outermost = depth[0] == 0
        started, cpu_started = time.perf_counter(), time.thread_time()
        depth[0] += 1
        try:
            with inner():
                yield
        finally:
            depth[0] -= 1
        if outermost:
            held.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - cpu_started) * 1000)

    store.transaction = timed
    return held, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=320)
    ap.add_argument("--db", help="a database URL to use instead of a temporary SQLite file "
                    "(it should be empty)")
    args = ap.parse_args()

    from corpus import generate

    from tidings.pipeline import Pipeline
    from tidings.sources import read
    from tidings.store import open_store
    from tidings.understand.embed import Embedder

    Embedder().embed(["warm up"])  # the model loads once per process, not per batch
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.articles)
        store = open_store(args.db or str(Path(tmp) / "lock.db"))
        held, cpu = _time_transactions(store)
        pipeline = Pipeline(store)
        held.clear()  # opening the store and loading the clusterer are not batches
        cpu.clear()
        start = time.perf_counter()
        report = pipeline.run(read([str(corpus)]))
        elapsed = time.perf_counter() - start
        store.close()
    load = os.getloadavg()[0]

    def figures(values: list[float]) -> str:
        values = sorted(values)
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        return f"{statistics.median(values):.1f} | {p95:.1f} | {max(values):.1f}"

    rows = [
        "| articles | write transactions | held: median ms | p95 ms | max ms | CPU inside: median ms "
        "| p95 ms | max ms | articles/s | load average |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {report.ingested} | {len(held)} | {figures(held)} | {figures(cpu)} | "
        f"{report.ingested / elapsed:.1f} | {load:.1f} |",
    ]
    verdict = "meets" if max(held) <= TARGET_MS else "misses"
    text = ("# Write lock held per batch (ingest of a generated corpus, 32 articles per batch)\n\n"
            + "\n".join(rows) + f"\n\nTarget: at most {TARGET_MS:.0f} ms per batch: {verdict} it.\n")
    print(text)
    write_result(ROOT / "bench" / "results" / "store_lock.md", text)


if __name__ == "__main__":
    main()
