"""Articles per second of `tidings ingest` with 1, 2 and N workers, and of `tidings backfill
--engine ray` on a local Ray instance, on generated articles (bench/corpus.py); each run
is checked to give the same events as the serial one.

Every run is the command a user types, timed from start to exit: loading the model in each
worker and starting Ray are part of it. The load average is recorded beside each figure:
on a shared machine it says how much of the cores the run really had.

    python bench/parallel.py [--articles 2000] [--workers 4] [--out bench/results/parallel.json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate  # noqa: E402


def tidings() -> list[str]:
    exe = Path(sys.executable).with_name("tidings")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tidings.cli"]


def events_of(db: Path) -> dict[str, str | None]:
    from tidings import open_store

    store = open_store(str(db))
    try:
        return {a.id: store.event_of(a.id) for a in store.articles()}
    finally:
        store.close()


def timed(name: str, args: list[str], db: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    load_before = os.getloadavg()
    start = time.perf_counter()
    out = subprocess.run([*tidings(), *args, "--db", str(db)], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    load_after = os.getloadavg()
    if out.returncode != 0:
        raise SystemExit(f"{name} failed:\n{out.stderr[-3000:]}")
    found = re.search(r"ingested (\d+)", out.stdout)
    n = int(found.group(1)) if found else 0
    return {"run": name, "articles": n, "seconds": round(seconds, 1),
            "articles_per_s": round(n / seconds, 2),
            "load_avg_1min_before": round(load_before[0], 2),
            "load_avg_1min_after": round(load_after[0], 2),
            "load_avg_5min_after": round(load_after[1], 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=4, help="N, the largest pool measured")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "parallel.json")
    ap.add_argument("--skip-ray", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        counts = generate(corpus, args.articles)
        print(f"corpus: {args.articles} articles {counts}; {os.cpu_count()} CPUs", flush=True)
        runs = [("ingest (1 worker, serial)", ["ingest", "-q", str(corpus)])]
        for n in sorted({2, args.workers}):
            runs.append((f"ingest --workers {n}", ["ingest", "-q", "--workers", str(n), str(corpus)]))
        if not args.skip_ray:
            runs.append(("backfill --engine ray (local, 2 CPUs)",
                         ["backfill", "-q", "--engine", "ray", "--workers", "2", str(corpus)]))
        rows, serial_events = [], None
        for i, (name, cmd) in enumerate(runs):
            db = Path(tmp) / f"run{i}.db"
            row = timed(name, cmd, db)
            events = events_of(db)
            if serial_events is None:
                serial_events = events
            row["same_events_as_serial"] = events == serial_events
            row["events"] = len(set(events.values()))
            rows.append(row)
            print(json.dumps(row), flush=True)
    result = {
        "corpus": f"bench/corpus.py, {args.articles} articles, seed 7",
        "cpus": os.cpu_count(),
        "note": "one run each, wall time of the whole command (model loading and Ray start "
                "included); the machine is shared: compare the load averages",
        "runs": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0 if all(r["same_events_as_serial"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
