"""Ingest throughput with the prepare step (clean, understand, embed) in 1, 2 … N worker
processes (`tidings ingest --workers N`), the real pipeline and embedding model, into a
fresh SQLite file each time. Worker start-up (each loads the model) is counted: it is part
of a run. On a 2-core machine two workers is the most that can help.

    PYTHONPATH=src python bench/workers.py [--articles 256] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from common import write_result  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=256)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()

    from corpus import generate

    from tidings.pipeline import Pipeline
    from tidings.sources import read
    from tidings.store import open_store

    rows = ["| workers | articles | seconds | articles/s |", "| ---: | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.articles)
        for n in args.workers:
            store = open_store(str(Path(tmp) / f"w{n}.db"))
            pipeline = Pipeline(store, workers=n)
            start = time.perf_counter()
            report = pipeline.run(read([str(corpus)]))
            elapsed = time.perf_counter() - start
            store.close()
            rows.append(f"| {n} | {report.ingested} | {elapsed:.1f} | {report.ingested / elapsed:.1f} |")
            print(rows[-1], flush=True)
    text = "# Ingest with the prepare step in worker processes\n\n" + "\n".join(rows) + "\n"
    print(text)
    write_result(ROOT / "bench" / "results" / "workers.md", text)


if __name__ == "__main__":
    main()
