"""Ingest benchmark: throughput and peak memory of reading, cleaning and duplicate linking.

Generates a corpus of realistic scraped articles (bench/corpus.py: seven languages, text,
HTML, JSON and JSON Lines, furniture, syndicated and near copies) in a temporary folder,
then times each stage in a fresh subprocess (so peak memory is the stage's own):

  read                 sources.read over the folder
  read+clean           ... and clean() every article (text, title, date, language, outlet)
  read+clean x2        the same with clean() in 2 worker processes
  read+clean+dups+store  ... and OutletLines, find_duplicate, add_article, add_dup_bands
                       into a SQLite file, 32 articles per transaction (as the pipeline)
  pipeline.ingest      the full pipeline (embedding, clustering) on a subset, reported
                       separately: the embedding model dominates it

Prints articles/s (median of --runs runs) and peak RSS per stage, the quality of cleaning
against the generator's truth (language, day, title, duplicates found), and writes
bench/results/ingest.md. Target: >= 200 articles/s for cleaning and metadata on 2 cores.

    PYTHONPATH=src python bench/ingest.py [--articles 2000] [--runs 3] [--pipeline 200]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import peak_rss_mb, write_result  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))

TARGET = 200.0
STAGES = ["read", "read+clean", "read+clean x2", "read+clean+dups+store"]


# --- one stage, in a child process ---
def _clean_one(raw):  # top level, so worker processes can pickle it
    from tidings.clean import clean

    return clean(raw)


def run_stage(stage: str, corpus: Path, limit: int | None) -> dict:
    from tidings.clean import OutletLines, clean
    from tidings.clean.duplicates import bands, find_duplicate
    from tidings.records import RawArticle
    from tidings.sources import read
    from tidings.store import SQLiteStore

    items = None
    start = time.perf_counter()
    cpu_start = time.process_time()
    if stage == "read":
        items = [x for x in read([str(corpus)])]
        n = sum(isinstance(x, RawArticle) for x in items)
    elif stage == "read+clean":
        n = 0
        for x in read([str(corpus)]):
            if isinstance(x, RawArticle):
                clean(x)
                n += 1
    elif stage == "read+clean x2":
        from multiprocessing import Pool

        raws = (x for x in read([str(corpus)]) if isinstance(x, RawArticle))
        with Pool(2) as pool:
            n = sum(1 for _ in pool.imap_unordered(_clean_one, raws, chunksize=32))
    elif stage == "read+clean+dups+store":
        with tempfile.TemporaryDirectory() as tmp:
            store = SQLiteStore(Path(tmp) / "bench.db")
            lines = OutletLines(store)
            raws = [x for x in read([str(corpus)]) if isinstance(x, RawArticle)]
            n = dups = 0
            for i in range(0, len(raws), 32):
                with store.transaction():
                    for raw in raws[i : i + 32]:
                        a = clean(raw, outlet_lines=lines)
                        if a.status == "ok":
                            a.duplicate_of = find_duplicate(a, store)
                        store.add_article(a)
                        if a.status == "ok" and a.duplicate_of is None:
                            store.add_dup_bands(a.id, bands(a.text))
                        n += 1
                        dups += a.duplicate_of is not None
            store.close()
    elif stage == "pipeline.ingest":
        from tidings.pipeline import ingest

        files = sorted(p for p in corpus.rglob("*.txt"))[: limit or 200]
        with tempfile.TemporaryDirectory() as tmp:
            store = SQLiteStore(Path(tmp) / "pipe.db")
            start = time.perf_counter()  # model loading is counted: it is part of a run
            report = ingest([str(p) for p in files], store)
            n = report.ingested
            store.close()
    else:
        raise SystemExit(f"unknown stage {stage!r}")
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak = peak_rss_mb(children=stage == "read+clean x2")
    return {"stage": stage, "n": n, "seconds": seconds, "cpu": cpu, "peak_mb": peak}


def in_child(stage: str, corpus: Path, limit: int | None = None, timeout: float = 480) -> dict:
    cmd = [sys.executable, __file__, "--child", stage, "--corpus", str(corpus)]
    if limit:
        cmd += ["--limit", str(limit)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if out.returncode != 0:
        raise SystemExit(f"stage {stage} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- quality against the generator's truth ---
def quality(corpus: Path, truth: dict) -> dict:
    from tidings.clean import clean
    from tidings.clean.duplicates import bands, find_duplicate
    from tidings.records import RawArticle
    from tidings.sources import read
    from tidings.store import SQLiteStore

    prefix = str(corpus) + "/"
    ok = {"lang": 0, "date": 0, "title": 0}
    n = 0
    copies = found = false_links = 0
    first_of_group: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "q.db")
        for raw in read([str(corpus)]):
            if not isinstance(raw, RawArticle):
                continue
            a = clean(raw)
            rel = raw.origin[len(prefix):] if raw.origin.startswith(prefix) else raw.origin
            t = truth[rel]
            n += 1
            ok["lang"] += a.lang == t["lang"]
            ok["date"] += (a.date or "")[:10] == t["date"]
            ok["title"] += a.title == t["title"]
            a.duplicate_of = find_duplicate(a, store)
            store.add_article(a)
            if a.duplicate_of is None:
                store.add_dup_bands(a.id, bands(a.text))
            # Copies may be read before their original (folders are read in sorted order):
            # the first of a group to arrive is the one the others must link to.
            group = t["copy_of"] or rel
            if group in first_of_group:
                copies += 1
                found += a.duplicate_of == first_of_group[group]
            else:
                first_of_group[group] = a.id
                false_links += a.duplicate_of is not None
        store.close()
    return {"n": n, **{k: v / n for k, v in ok.items()}, "copies": copies, "copies_found": found,
            "false_links": false_links}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pipeline", type=int, default=200, help="articles for the full pipeline (0: skip)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_stage(args.child, args.corpus, args.limit)))
        return 0

    from corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        counts = generate(corpus, args.articles)
        truth = json.loads((Path(tmp) / "corpus.truth.json").read_text("utf-8"))
        print(f"corpus: {args.articles} articles {counts}")
        rows = []
        for stage in STAGES:
            runs = [in_child(stage, corpus) for _ in range(args.runs)]
            rate = statistics.median(r["n"] / r["seconds"] for r in runs)
            # Per CPU-second of this process: steadier than wall time on a shared machine
            # (not meaningful for the 2-process stage, whose work is in the children).
            cpu_rate = statistics.median(r["n"] / r["cpu"] for r in runs) if "x2" not in stage else None
            peak = max(r["peak_mb"] for r in runs)
            rows.append((stage, runs[0]["n"], rate, cpu_rate, peak))
            cpu_text = f"{cpu_rate:8.1f} per CPU-s" if cpu_rate else " " * 17
            print(f"{stage:24s} {runs[0]['n']:5d} articles  {rate:8.1f} articles/s {cpu_text}  peak {peak:6.0f} MB")
        pipe = None
        if args.pipeline:
            try:
                import tidings.pipeline  # noqa: F401

                r = in_child("pipeline.ingest", corpus, args.pipeline)
                pipe = (r["n"], r["n"] / r["seconds"], r["peak_mb"])
                print(f"{'pipeline.ingest':24s} {r['n']:5d} articles  {pipe[1]:8.1f} articles/s  "
                      f"peak {r['peak_mb']:6.0f} MB  (one run, includes embedding and clustering)")
            except ImportError:
                print("pipeline.ingest: not available yet")
        q = quality(corpus, truth)
        print(f"quality: language {q['lang']:.1%}, day {q['date']:.1%}, title {q['title']:.1%}, "
              f"copies linked {q['copies_found']}/{q['copies']}, false links {q['false_links']}")

    clean_rate = rows[1][2]
    met = clean_rate >= TARGET
    load = os.getloadavg()[0]
    lines = [
        "# Ingest benchmark (bench/ingest.py)",
        "",
        f"{date.today().isoformat()}, {os.cpu_count()} cores; generated corpus of {args.articles} articles "
        f"(bench/corpus.py: en, hi, ro, de, fr, es, ru; {counts['txt']} text files, {counts['html']} HTML, "
        f"{counts['jsonl']} JSON Lines rows, {counts['json']} JSON list items; {counts['copies']} syndicated "
        f"and {counts['near']} near copies). Each stage runs in a fresh process; articles/s is the median "
        f"of {args.runs} runs, peak is the largest resident set. Load average when done: {load:.1f} "
        "(other work on the machine slows the wall-clock figures; the per-CPU-second ones are steadier).",
        "",
        "| stage | articles | articles/s (wall) | articles per CPU-second | peak MB |",
        "|---|---:|---:|---:|---:|",
        *[f"| {s} | {n} | {rate:.1f} | {f'{cpu:.1f}' if cpu else '-'} | {peak:.0f} |"
          for s, n, rate, cpu, peak in rows],
    ]
    if pipe:
        lines += [f"| pipeline.ingest (embedding + clustering; {pipe[0]} text files, one run) | {pipe[0]} "
                  f"| {pipe[1]:.1f} | - | {pipe[2]:.0f} |"]
    lines += [
        "",
        f"Cleaning quality against the generator's truth: language {q['lang']:.1%}, publication day "
        f"{q['date']:.1%}, title {q['title']:.1%}; syndicated/near copies linked to the first copy "
        f"{q['copies_found']}/{q['copies']}, unrelated articles wrongly linked {q['false_links']}.",
        "",
        f"Target >= {TARGET:.0f} articles/s for cleaning and metadata (read+clean): "
        f"{'met' if met else 'NOT met'} ({clean_rate:.0f}/s in one process).",
    ]
    out = write_result(ROOT / "bench" / "results" / "ingest.md", "\n".join(lines))
    print(f"wrote {out.relative_to(ROOT)}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
