"""Web load benchmark: GET /api/events and event pages with 10,000 articles stored.

Bounded and loopback only: a uvicorn server in a subprocess on 127.0.0.1, a few client
threads, a fixed number of requests per run and a time cap. The store is synthetic but
shaped like real data (several languages and scripts, outlets, named entities, events of
heavy-tailed size over six months), written straight through the store for speed. Event
pages are warmed once first (their brief is built and cached in the store, as in use).

Prints requests/s and p50/p95 latency per endpoint, the median of 3 runs, and peak memory;
writes bench/results/web.md. Target: p95 <= 100 ms on 2 cores.

    PYTHONPATH=src python bench/web.py [--articles 10000] [--requests 300] [--clients 4]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import peak_rss_mb, write_result  # noqa: E402

from tidings.records import Article, Event, Features, Figure, Mention  # noqa: E402
from tidings.store import SQLiteStore  # noqa: E402

TARGET_P95_MS = 100.0
RUN_TIME_CAP_S = 60.0

LANGS = ["en", "ro", "de", "fr", "es", "ru", "uk", "hi"]
WORDS = {
    "en": "the government said on talks minister city report officials week after before new plan "
          "police court election market prices storm river bridge vote council spokesman".split(),
    "ro": "guvernul a declarat că ministrul orașul raport oficialii săptămâna după înainte plan nou "
          "poliția instanța alegeri piața prețuri furtună râul podul vot consiliul".split(),
    "de": "die Regierung sagte am Gespräche Minister Stadt Bericht Beamte Woche nach vor neuer Plan "
          "Polizei Gericht Wahl Markt Preise Sturm Fluss Brücke Abstimmung Rat".split(),
    "fr": "le gouvernement a déclaré que ministre ville rapport responsables semaine après avant plan "
          "police tribunal élection marché prix tempête fleuve pont vote conseil".split(),
    "es": "el gobierno dijo que ministro ciudad informe funcionarios semana después antes plan nuevo "
          "policía tribunal elecciones mercado precios tormenta río puente voto consejo".split(),
    "ru": "правительство заявило что министр город доклад чиновники неделя после до новый план "
          "полиция суд выборы рынок цены шторм река мост голосование совет".split(),
    "uk": "уряд заявив що міністр місто звіт посадовці тиждень після до новий план поліція суд "
          "вибори ринок ціни шторм річка міст голосування рада".split(),
    "hi": "सरकार ने कहा कि मंत्री शहर रिपोर्ट अधिकारी सप्ताह बाद पहले नई योजना पुलिस अदालत चुनाव "
          "बाजार कीमतें तूफान नदी पुल मतदान परिषद".split(),
}
# Entities with spellings per script, like the real name keys join them.
ENTITIES = [
    (f"person{i}", "person", {"latin": f"Name{i} Surname{i}", "cyr": f"Имя{i} Фамилия{i}",
                              "deva": f"नाम{i} उपनाम{i}"})
    for i in range(300)
] + [
    (f"place{i}", "place", {"latin": f"Town{i}", "cyr": f"Город{i}", "deva": f"नगर{i}"})
    for i in range(150)
]
SCRIPT = {"ru": "cyr", "uk": "cyr", "hi": "deva"}


def build(path: Path, n_articles: int, seed: int = 7) -> tuple[int, list[str]]:
    rnd = random.Random(seed)
    store = SQLiteStore(path)
    outlets = {lang: [f"{lang}-outlet-{k}.example" for k in range(6)] for lang in LANGS}
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    made, event_ids = 0, []
    with store.transaction():
        while made < n_articles:
            size = min(n_articles - made, max(1, int(rnd.paretovariate(1.3))), 60)
            eid = f"ev{len(event_ids):05d}"
            t0 = start + timedelta(hours=rnd.uniform(0, 24 * 180))
            people = rnd.sample(ENTITIES, 4)
            members = []
            for _k in range(size):
                lang = rnd.choice(LANGS)
                when = t0 + timedelta(hours=rnd.expovariate(1 / 10))
                words = WORDS[lang]
                text = "\n\n".join(
                    " ".join(rnd.choice(words) for _ in range(rnd.randint(12, 30))) + "."
                    for _ in range(rnd.randint(6, 14))
                )
                title = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 10))).capitalize()
                aid = f"a{made:06d}"
                a = Article(
                    id=aid, origin=f"bench/{aid}", title=title, text=text, raw=text,
                    content_hash=f"{rnd.getrandbits(64):016x}", url=f"https://{rnd.choice(outlets[lang])}/{aid}",
                    source=rnd.choice(outlets[lang]), lang=lang, lang_score=0.99,
                    date=when.isoformat(timespec="seconds"), date_source="given",
                )
                store.add_article(a)
                script = SCRIPT.get(lang, "latin")
                store.put_features(Features(
                    article_id=aid,
                    names=[Mention(key, surfaces[script], kind) for key, kind, surfaces in people],
                    figures=[Figure(float(v), f"{v:,} people", "people")
                             for v in [rnd.randint(2, 9000)]],
                ))
                store.assign(aid, eid, 0.8)
                members.append(a)
                made += 1
            dates = sorted(m.date for m in members)
            store.put_event(Event(
                id=eid, title=members[0].title, first_time=dates[0], last_time=dates[-1],
                languages=sorted({m.lang for m in members}), article_ids=[m.id for m in members],
                sources=list(dict.fromkeys(m.source for m in members)),
            ))
            event_ids.append(eid)
    store.close()
    return made, event_ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = (
        "import uvicorn; from tidings.web import create_app; "
        f"uvicorn.run(create_app({str(db)!r}, token=''), host='127.0.0.1', port={port}, log_level='warning')"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start within 60 s")


def server_peak_mb(proc: subprocess.Popen) -> float:
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def run(base: str, paths: list[str], n: int, clients: int) -> dict[str, float]:
    """n requests spread over `clients` threads; latency of each, wall time overall."""
    latencies: list[float] = []
    errors = []
    lock = threading.Lock()
    todo = iter(range(n))
    deadline = time.monotonic() + RUN_TIME_CAP_S

    def worker(k: int) -> None:
        rnd = random.Random(k)
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.monotonic() < deadline:
                with lock:
                    if next(todo, None) is None:
                        return
                path = rnd.choice(paths)
                t = time.perf_counter()
                r = c.get(path)
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    latencies.append(dt)
                    if r.status_code != 200:
                        errors.append((path, r.status_code))

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    q = statistics.quantiles(latencies, n=100)
    return {"n": len(latencies), "rps": len(latencies) / wall, "p50": q[49], "p95": q[94]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=300, help="requests per endpoint per run")
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--event-pages", type=int, default=20, help="distinct event pages requested")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t = time.perf_counter()
        n, event_ids = build(db, args.articles)
        print(f"store: {n} articles, {len(event_ids)} events, built in {time.perf_counter() - t:.1f} s")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(db, port)
        try:
            rnd = random.Random(1)
            # Mostly the front of the list (what the app and live page ask for), some deep pages.
            list_paths = ["/api/events"] * 6 + ["/api/events?page=%d" % rnd.randint(2, 40) for _ in range(3)] \
                + ["/api/events?lang=hi", "/api/events?since=2026-03-01&until=2026-03-31"]
            pages = [f"/events/{e}" for e in rnd.sample(event_ids, min(args.event_pages, len(event_ids)))]
            t = time.perf_counter()
            with httpx.Client(base_url=base, timeout=120) as c:
                for p in pages:  # build and cache each brief once, as a first visitor would
                    assert c.get(p).status_code == 200, p
            print(f"warm-up: {len(pages)} event pages (briefs built and cached) in {time.perf_counter() - t:.1f} s")
            results = {}
            for name, paths in (("GET /api/events", list_paths), ("GET /events/{id} (page)", pages)):
                runs = [run(base, paths, args.requests, args.clients) for _ in range(args.runs)]
                med = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p95")}
                results[name] = med
                print(f"{name:28s} {med['rps']:7.1f} req/s  p50 {med['p50']:6.1f} ms  "
                      f"p95 {med['p95']:6.1f} ms  (median of {args.runs} runs of {args.requests}, "
                      f"{args.clients} clients)")
            peak = server_peak_mb(proc)
        finally:
            proc.terminate()
            proc.wait(10)
    client_peak = peak_rss_mb()
    print(f"peak memory: server {peak:.0f} MB, bench process {client_peak:.0f} MB")
    ok = all(r["p95"] <= TARGET_P95_MS for r in results.values())
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms: {'met' if ok else 'NOT met'}")

    out = ROOT / "bench" / "results" / "web.md"
    lines = [
        "# Web load benchmark (bench/web.py)",
        "",
        f"{datetime.now(timezone.utc):%Y-%m-%d}, {os.cpu_count()} cores, loopback only; "
        f"{n} synthetic articles in {len(event_ids)} events; uvicorn (1 process) in a subprocess; "
        f"{args.clients} client threads on the same machine; {args.requests} requests per run; "
        f"median of {args.runs} runs. Event pages warmed once (brief built and cached).",
        "",
        "| endpoint | requests/s | p50 ms | p95 ms |",
        "|---|---:|---:|---:|",
        *[f"| {k} | {v['rps']:.1f} | {v['p50']:.1f} | {v['p95']:.1f} |" for k, v in results.items()],
        "",
        f"Peak memory: server {peak:.0f} MB, bench process {client_peak:.0f} MB. "
        f"Target p95 <= {TARGET_P95_MS:.0f} ms: {'met' if ok else 'NOT met'}.",
        "",
    ]
    write_result(out, "\n".join(lines))
    print(f"wrote {out.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
