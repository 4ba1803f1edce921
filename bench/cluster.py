"""Clustering benchmark: end-to-end ingest throughput and where the time goes, assignment
latency with a large store, peak memory.

1. End-to-end: the demo corpus and a generated corpus (bench/corpus.py) through the real
   stages (read, clean, duplicates, understand, cluster, store), timed per stage, in a
   fresh in-memory store with a cold embedding cache; the model is loaded once before.
   Articles/s is the median of --runs runs.
2. Store size: --stored synthetic articles (default 100,000: ~33,000 events over a year,
   vectors clustered around event centres, names from a Zipf vocabulary) are saved in a
   SQLite file through the learner's own event bookkeeping (cluster/linkage.py, persisted
   by the pipeline's apply_changes); then a fresh learner is loaded from it (as a new
   process would) and --probe further articles are assigned, timing learn_one alone
   (features are precomputed: embedding excluded). Median, p95 and max are reported.

    PYTHONPATH=src python bench/cluster.py [--stored 100000] [--probe 500] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import peak_rss_mb, write_result  # noqa: E402

from tidings.config import DEFAULT  # noqa: E402
from tidings.records import Article, Features, Mention, Problem  # noqa: E402
from tidings.store import SQLiteStore  # noqa: E402

OUT = ROOT / "bench" / "results" / "cluster.md"


# --- 1. end to end ----------------------------------------------------------------------

def end_to_end(paths: list[str], runs: int) -> dict:
    from tidings.clean import OutletLines, clean
    from tidings.clean.duplicates import bands, find_duplicate
    from tidings.cluster.linkage import load_learner
    from tidings.pipeline import apply_changes
    from tidings.sources import read
    from tidings.understand import understand_batch
    from tidings.understand.embed import Embedder

    Embedder().embed(["warm up"])  # model load is once per process, not per article
    results = []
    for _ in range(runs):
        store = SQLiteStore(":memory:")
        timer = Embedder(store)  # cold cache: every article is embedded
        clusterer = load_learner(store, DEFAULT)
        outlet = OutletLines(store)
        t = defaultdict(float)
        n = 0
        t0 = time.perf_counter()
        items = list(read(paths))
        t["read"] += time.perf_counter() - t0
        raws = [x for x in items if not isinstance(x, Problem)]
        for i in range(0, len(raws), 32):
            batch = raws[i : i + 32]
            s = time.perf_counter()
            arts = [clean(r, DEFAULT, outlet) for r in batch]
            arts = [a for a in arts if not store.has_article(a.id)]
            t["clean"] += time.perf_counter() - s
            s = time.perf_counter()
            model, waited = timer.model_seconds, timer.wait_seconds
            feats = understand_batch(arts, timer, DEFAULT) if arts else []
            spent = time.perf_counter() - s
            # The model runs in the background beside names, figures and dates: its own
            # seconds, and the rest of the stage less the wait for it.
            t["embedding"] += timer.model_seconds - model
            t["names, figures, dates"] += spent - (timer.wait_seconds - waited)
            with store.transaction():
                for a, f in zip(arts, feats):
                    s = time.perf_counter()
                    if a.status == "ok":
                        a.duplicate_of = find_duplicate(a, store, DEFAULT)
                    store.add_article(a)
                    if a.status == "ok" and a.duplicate_of is None:
                        store.add_dup_bands(a.id, bands(a.text))
                    store.put_features(f)
                    t["duplicates + store"] += time.perf_counter() - s
                    s = time.perf_counter()
                    apply_changes(store, clusterer, clusterer.learn_one(a, f))
                    t["clustering"] += time.perf_counter() - s
                    n += 1
        total = time.perf_counter() - t0
        results.append((n / total, total, n, dict(t), store.count_events()))
        store.close()
    results.sort(key=lambda r: r[0])
    rate, total, n, stages, events = results[len(results) // 2]
    return {"rate": rate, "total": total, "n": n, "stages": stages, "events": events,
            "rates": [r[0] for r in results]}


def pipeline_rate(paths: list[str]) -> float:
    """The real tidings.pipeline.ingest, model already loaded, for comparison."""
    from tidings.pipeline import Pipeline
    from tidings.sources import read
    from tidings.understand.embed import Embedder

    store = SQLiteStore(":memory:")
    items = list(read(paths))
    t0 = time.perf_counter()
    report = Pipeline(store, DEFAULT, embedder=Embedder(store)).run(items)
    return report.ingested / (time.perf_counter() - t0)


# --- 2. store size ----------------------------------------------------------------------

class Synthetic:
    """Articles of invented events: vectors near an event centre, a few names each."""

    def __init__(self, seed: int = 11, dim: int = 384, vocab: int = 20_000) -> None:
        self.rng = np.random.default_rng(seed)
        self.r = random.Random(seed)
        self.dim = dim
        ranks = np.arange(1, vocab + 1)
        p = (1 / ranks) / (1 / ranks).sum()
        self.cdf = np.cumsum(p)
        self.keys = [f"k{i}" for i in range(vocab)]
        self.n = 0

    def event(self, day: date) -> dict:
        c = self.rng.standard_normal(self.dim).astype(np.float32)
        idx = np.searchsorted(self.cdf, self.rng.random(5))
        names = list(dict.fromkeys(self.keys[i] for i in idx))
        return {"centre": c / np.linalg.norm(c), "names": names, "day": day}

    def article(self, ev: dict) -> tuple[Article, Features]:
        self.n += 1
        aid = f"s{self.n:07d}"
        noise = self.rng.standard_normal(self.dim).astype(np.float32)
        v = ev["centre"] + 0.35 * noise / np.linalg.norm(noise)
        v /= np.linalg.norm(v)
        day = ev["day"] + timedelta(days=self.r.choice((0, 0, 0, 1)))
        keys = [k for k in ev["names"] if self.r.random() < 0.8] or ev["names"][:1]
        a = Article(id=aid, origin="synthetic", title=f"Synthetic story {aid}",
                    text=f"Synthetic story {aid}.", raw="", content_hash=aid,
                    lang=self.r.choice(["en", "hi", "ro", "de", "fr"]), date=day.isoformat(),
                    source=f"outlet{self.r.randrange(40)}")
        f = Features(aid, names=[Mention(k, k, "person", 1) for k in keys],
                     event_time=day.isoformat(), embedding=v)
        return a, f


def learner_build_and_probe(path: Path, stored: int, n: int) -> dict:
    """The pure learner (cluster/linkage.py) with `stored` articles saved in a SQLite
    store: events are built through its own bookkeeping without the candidate search (as
    build_store does), persisted through the pipeline's apply_changes, then a fresh
    learner is loaded from the store (as a new process would) and `n` further articles are
    assigned, timing learn_one alone."""
    from tidings.cluster.linkage import EventLearner, EventState, load_learner
    from tidings.cluster.pairs import make_item
    from tidings.pipeline import apply_changes

    syn = Synthetic()
    store = SQLiteStore(path)
    learner = EventLearner(DEFAULT)
    start = date(2025, 1, 1)
    per_day = stored / 365
    events: list[dict] = []
    done = day = 0
    t0 = time.perf_counter()
    while done < stored:
        d = start + timedelta(days=day)
        todays = [syn.event(d) for _ in range(max(1, int(per_day / 3)))]
        events.extend(todays)
        changes = []
        with store.transaction():
            for _ in range(int(per_day)):
                if done >= stored:
                    break
                ev = syn.r.choice(todays)
                a, f = syn.article(ev)
                store.add_article(a)
                it = make_item(a, f)
                if "id" not in ev:
                    state = EventState(id=f"ev-{a.id}", seq=learner._seq)
                    learner._seq += 1
                    learner.events[state.id] = state
                    ev["id"] = state.id
                    learner._join(state, it, a, 0.0, changes, new=True)
                    state.story = "st-" + a.id
                    learner.stories[state.story] = [state.id]
                    learner._upsert(state, changes)
                else:
                    learner._join(learner.events[ev["id"]], it, a, 1.0, changes)
                done += 1
            apply_changes(store, learner, changes)
        day += 1
    build = time.perf_counter() - t0
    store.close()
    store = SQLiteStore(path)
    t0 = time.perf_counter()
    fresh = load_learner(store, DEFAULT)
    load = time.perf_counter() - t0
    recent = events[-400:]
    last_day = events[-1]["day"]
    lat = []
    for i in range(n):
        ev = syn.r.choice(recent) if i % 2 == 0 else syn.event(last_day)
        a, f = syn.article(ev)
        s = time.perf_counter()
        fresh.learn_one(a, f)
        lat.append((time.perf_counter() - s) * 1000)
    lat.sort()
    out = {"build_s": build, "load_s": load, "events": len(fresh.events), "stored": stored,
           "median_ms": statistics.median(lat), "p95_ms": lat[int(0.95 * len(lat)) - 1], "max_ms": lat[-1]}
    store.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stored", type=int, default=100_000)
    ap.add_argument("--probe", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--generated", type=int, default=300, help="articles in the generated corpus")
    ap.add_argument("--skip-e2e", action="store_true")
    ap.add_argument("--skip-store", action="store_true")
    ap.add_argument("--learner-only", action="store_true",
                    help="only the pure learner's assignment latency with --stored saved")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    if args.learner_only:
        with tempfile.TemporaryDirectory() as tmp:
            r = learner_build_and_probe(Path(tmp) / "learner.db", args.stored, args.probe)
        text = ("# Pure learner: assignment with a large store (bench/cluster.py --learner-only)\n\n"
                f"{r['stored']} synthetic articles saved ({r['events']} events after the probe; built in "
                f"{r['build_s']:.0f} s); a fresh learner loads them from the store in {r['load_s']:.1f} s; "
                f"learn_one on {args.probe} more: median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms, "
                f"max {r['max_ms']:.1f} ms; peak memory {peak_rss_mb():.0f} MB.\n")
        print(text)
        write_result(Path(args.out).with_name("cluster_learner.md"), text)
        return 0
    lines = ["# Clustering benchmark (bench/cluster.py)", ""]
    try:
        load = open("/proc/loadavg").read().split()[0]
    except OSError:
        load = "?"
    lines.append(f"{date.today()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
                 f"load average at start {load}.")
    lines.append("")

    if not args.skip_e2e:
        from tidings import demo

        tmp = Path(tempfile.mkdtemp(prefix="tidings-bench-"))
        gen = tmp / "generated"
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(gen),
                        "--articles", str(args.generated), "--seed", "5"],
                       check=True, capture_output=True, env={"PYTHONPATH": str(ROOT / "src")})
        lines += ["## End to end: read, clean, duplicates, understand, cluster, store", "",
                  "| corpus | articles | articles/s (median) | runs | events |",
                  "| --- | ---: | ---: | --- | ---: |"]
        breakdown = {}
        for name, paths in (("demo corpus", [str(demo.CORPUS)]), (f"generated ({args.generated})", [str(gen)])):
            r = end_to_end(paths, args.runs)
            breakdown[name] = r
            lines.append(f"| {name} | {r['n']} | {r['rate']:.1f} | "
                         f"{', '.join(f'{x:.1f}' for x in r['rates'])} | {r['events']} |")
            print(name, r["rate"], r["stages"], flush=True)
        lines += ["", "Where the time goes (ms per article, median run):", "",
                  "| stage | " + " | ".join(breakdown) + " |",
                  "| --- | " + " | ".join("---:" for _ in breakdown) + " |"]
        stages = list(next(iter(breakdown.values()))["stages"])
        for st in stages:
            lines.append(f"| {st} | " + " | ".join(
                f"{1000 * r['stages'].get(st, 0) / max(1, r['n']):.1f}" for r in breakdown.values()) + " |")
        rate = pipeline_rate([str(gen)])
        lines += ["", f"The same generated corpus through `tidings.pipeline` (one run): {rate:.1f} articles/s.", ""]

    if not args.skip_store:
        with tempfile.TemporaryDirectory() as tmp:
            p = learner_build_and_probe(Path(tmp) / "store.db", args.stored, args.probe)
        print(p, flush=True)
        lines += [
            f"## Assignment latency with {args.stored:,} articles stored", "",
            f"Synthetic store: {args.stored:,} articles over a year ({p['events']:,} events after the "
            f"probe), written through the learner's own event bookkeeping in {p['build_s']:.0f} s.",
            f"A fresh learner loads them from the file in {p['load_s']:.1f} s; then "
            f"{args.probe} more articles (half joining recent events, half new) are assigned, "
            "embedding excluded:", "",
            "| median | p95 | max |", "| ---: | ---: | ---: |",
            f"| {p['median_ms']:.2f} ms | {p['p95_ms']:.2f} ms | {p['max_ms']:.2f} ms |", "",
        ]
    lines.append(f"Peak memory (resident, whole run, model included): {peak_rss_mb():.0f} MB.")
    text = "\n".join(lines) + "\n"
    print(text)
    write_result(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
