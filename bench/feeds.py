"""Feeds benchmark: pages fetched and ingested per second from local servers, and the
monitor's memory over a long polling run.

    python bench/feeds.py                       # both parts, 30 minutes of polling
    python bench/feeds.py --minutes 5 --every 5 # a shorter polling run

Part 1: 100 feeds of 20 entries (2,000 article pages written by bench/feeds.py itself) on 10
local HTTP servers, one per loopback address 127.0.0.2-127.0.0.11 (10 hosts, so per-host
politeness applies as it would on the web). One poll of the monitor reads every feed, fetches
every page and ingests it (cleaning, embedding, clustering, SQLite). Reported: pages per
second for fetch+parse alone (no ingest) and for fetch+ingest.

Part 2: the monitor polls the same 100 feeds every `--every` seconds for `--minutes`; each
poll 2 feeds gain a new entry and the rest answer 304. Reported: resident memory after each
poll (first, middle, last, max) so a leak shows as growth.

Every request stays on the loopback addresses; nothing else on the network.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from email.utils import format_datetime
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from common import write_result  # noqa: E402
from local_http import LocalServer, Route, page, rss  # noqa: E402

from tidings.config import Config  # noqa: E402
from tidings.sources.fetch import Fetcher  # noqa: E402
from tidings.store import SQLiteStore  # noqa: E402
from tidings.watch import Monitor, PollReport  # noqa: E402

HOSTS = [f"127.0.0.{i}" for i in range(2, 12)]
FEEDS, ENTRIES = 100, 20
PLACES = ["Marlow Bay", "Eskdale", "Port Anselm", "Greywick", "Tolland", "Hearne", "Caldmoor",
          "Ravensby", "Saltcombe", "Kettering Vale", "Lindholm", "Oakhurst", "Brackenfield"]
ACTS = ["opened a ferry terminal", "voted on a harbour wall", "closed a coal plant",
        "elected a mayor", "approved a tram line", "reopened a library", "banned cars downtown",
        "won a water prize", "repaired a flood barrier", "hosted a chess final"]


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory (MB): all of it (VmRSS), or the process's own heap and stacks
    (RssAnon), or pages of mapped files (RssFile: the embedding model, mapped and read
    in as its rows are first used; the kernel can drop them again at no cost)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory() -> tuple[float, float, float]:
    return rss_mb(), rss_mb("RssAnon"), rss_mb("RssFile")


def story(n: int, rng: random.Random) -> tuple[str, list[str]]:
    place, act = rng.choice(PLACES), rng.choice(ACTS)
    title = f"{place} {act}, item {n}"
    paras = [f"The council of {place} {act} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
             f"officials said, after a debate attended by {100 + n % 400} residents (item {n}).",
             f"Supporters said decision {n} would bring jobs, while critics asked for a review "
             f"of the cost, put at {1 + n % 90} million euros by the planning office.",
             "Work is expected to begin next spring and the council will publish its timetable."]
    return title, paras


class Site:
    """10 servers, 10 feeds each, 20 entries per feed. `clock`: the entries' publication
    time (a function of the entry's number), else all on one day."""

    def __init__(self, clock: Callable[[int], datetime] | None = None) -> None:
        self.servers = [LocalServer(host) for host in HOSTS]
        self.rng = random.Random(7)
        self.n = 0
        self.items: dict[tuple[int, int], list[dict[str, str]]] = {}
        self.clock = clock

    def __enter__(self) -> Site:
        for s in self.servers:
            s.__enter__()
            s.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n")
        for f in range(FEEDS):
            for _ in range(ENTRIES):
                self.add_entry(f)
        return self

    def __exit__(self, *exc) -> None:
        for s in self.servers:
            s.__exit__(*exc)

    def feed_url(self, f: int) -> str:
        return self.servers[f % len(self.servers)].url(f"/feeds/{f}.xml")

    def add_entry(self, f: int) -> None:
        server = self.servers[f % len(self.servers)]
        self.n += 1
        title, paras = story(self.n, self.rng)
        path = f"/news/{self.n}.html"
        server.routes[path] = Route(page(title, paras), headers={"Content-Type": "text/html; charset=utf-8"})
        items = self.items.setdefault((f, 0), [])
        when = format_datetime(self.clock(self.n), usegmt=True) if self.clock else "Tue, 03 Mar 2026 10:00:00 GMT"
        items.insert(0, {"title": title, "link": server.url(path), "guid": path,
                         "date": when, "summary": paras[0]})
        del items[ENTRIES:]
        server.routes[f"/feeds/{f}.xml"] = Route(rss(items), etag=f'"{self.n}"',
                                                 headers={"Content-Type": "application/rss+xml"})

    def requests(self) -> int:
        return sum(len(s.hits) for s in self.servers)

    def forget_hits(self) -> None:
        for s in self.servers:
            with s._lock:
                s.hits.clear()


def _serve(conn: Connection, clock: Callable[[int], datetime], feeds: int, entries: int) -> None:
    """The child process of `RemoteSite`: the servers, answering the parent's commands."""
    global FEEDS, ENTRIES
    FEEDS, ENTRIES = feeds, entries
    with Site(clock) as site:
        conn.send([site.feed_url(f) for f in range(FEEDS)])
        while True:
            cmd, arg = conn.recv()
            if cmd == "stop":
                return
            if cmd == "add":
                site.add_entry(arg)
                site.forget_hits()  # a log of every request would grow for ever
            conn.send(None)


class RemoteSite:
    """The same servers in a child process, so that the monitor's memory is its own (the
    servers' threads and request log are not counted in it)."""

    def __init__(self, clock: Callable[[int], datetime], feeds: int, entries: int) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, clock, feeds, entries), daemon=True)

    def __enter__(self) -> RemoteSite:
        self.proc.start()
        self.urls: list[str] = self.conn.recv()
        return self

    def __exit__(self, *exc) -> None:
        self.conn.send(("stop", None))
        self.proc.join(10)

    def feed_url(self, f: int) -> str:
        return self.urls[f]

    def add_entry(self, f: int) -> None:
        self.conn.send(("add", f))
        self.conn.recv()


def config(rate: float, concurrency: int, workers: int) -> Config:
    return Config(fetch_host_rate=rate, fetch_host_concurrency=concurrency, fetch_workers=workers,
                  fetch_timeout=20.0, watch_pages_per_poll=10_000)


def part1(args) -> list[str]:
    rows = []
    cfg = config(args.rate, args.concurrency, args.workers)
    with Site() as site, tempfile.TemporaryDirectory() as tmp:
        # Fetch and parse only: every page fetched, nothing ingested.
        fetcher = Fetcher(cfg)
        urls = [it["link"] for items in site.items.values() for it in items]
        started, cpu = time.perf_counter(), time.process_time()
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(cfg.fetch_workers) as pool:
            ok = sum(r.ok for r in pool.map(fetcher.get, urls))
        fetch_s, fetch_cpu = time.perf_counter() - started, time.process_time() - cpu
        fetcher.close()
        rows.append(f"| fetch only ({len(urls)} pages; the servers run in this process too) | {ok} | "
                    f"{fetch_s:.1f} | {ok / fetch_s:.1f} | {ok / fetch_cpu:.1f} |")

        store = SQLiteStore(Path(tmp) / "bench.db")
        for f in range(FEEDS):
            store.add_feed(site.feed_url(f))
        monitor = Monitor(store, (), cfg, fetcher=Fetcher(cfg))
        _ = monitor.pipeline  # the model loads before the clock starts
        before = site.requests()
        started, cpu = time.perf_counter(), time.process_time()
        report: PollReport = monitor.poll()
        poll_s, poll_cpu = time.perf_counter() - started, time.process_time() - cpu
        rows.append(f"| one monitor poll: 100 feeds, fetch + ingest every page | {report.ingested} | "
                    f"{poll_s:.1f} | {report.ingested / poll_s:.1f} | {report.ingested / poll_cpu:.1f} |")
        print(report.summary(), f"({site.requests() - before} requests)", file=sys.stderr)
        assert store.count_articles() == FEEDS * ENTRIES, store.count_articles()
        monitor.fetcher.close()
        store.close()
    return rows


def news_clock(start: float, initial: int, spread_days: float, poll_hours: float, n: int) -> datetime:
    """Publication time of entry `n` on a simulated clock: the first `initial` entries
    spread over the `spread_days` before `start`, then each poll's 2 entries `poll_hours`
    after the previous poll's (so a 30-minute run covers weeks of news)."""
    if n <= initial:
        t = start - (initial - n) / initial * spread_days * 86400
    else:
        t = start + ((n - initial + 1) // 2) * poll_hours * 3600
    return datetime.fromtimestamp(t, timezone.utc)


def part2(args) -> list[str]:
    cfg = config(args.rate, args.concurrency, args.workers)
    samples: list[tuple[int, float, tuple[float, float, float]]] = []
    polls_expected = args.minutes * 60 / args.every
    # The simulated news ends 2 days before today (the learner takes no day after tomorrow).
    start = time.time() - (polls_expected * args.poll_hours / 24 + 2) * 86400
    clock = partial(news_clock, start, FEEDS * ENTRIES, args.spread_days, args.poll_hours)
    with RemoteSite(clock, FEEDS, ENTRIES) as site, tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "watch.db")
        for f in range(FEEDS):
            store.add_feed(site.feed_url(f))
        monitor = Monitor(store, (), cfg, fetcher=Fetcher(cfg))
        monitor.poll()  # the initial pages
        samples.append((0, 0.0, memory()))
        end = time.monotonic() + args.minutes * 60
        started = time.monotonic()
        rng = random.Random(11)
        poll = 0
        while time.monotonic() < end:
            time.sleep(max(0.0, args.every - (time.monotonic() - started - poll * args.every)))
            for f in rng.sample(range(FEEDS), 2):
                site.add_entry(f)
            poll += 1
            report = monitor.poll()
            samples.append((poll, time.monotonic() - started, memory()))
            if poll % 10 == 0:
                print(f"poll {poll}: {report.summary()}; RSS, anon, file {samples[-1][2]} MB", file=sys.stderr)
        feeds = store.feeds()
        not_modified = sum(f.not_modified for f in feeds)
        articles = store.count_articles()
        learner = monitor.pipeline.clusterer
        in_memory, events = len(learner.events), store.count_events()
        held = len(learner.article_event)
        monitor.fetcher.close()
        store.close()
    mid = samples[len(samples) // 2]
    first, last = samples[0], samples[-1]
    peak = [max(s[2][i] for s in samples) for i in range(3)]
    new = max(1, articles - FEEDS * ENTRIES)

    def row(label: str, s) -> str:
        return f"| {label} | {s[0]} | {s[1] / 60:.1f} | {s[2][0]:.1f} | {s[2][1]:.1f} | {s[2][2]:.1f} |"

    def growth(i: int) -> str:
        d = last[2][i] - first[2][i]
        return f"{d:+.1f} MB ({d / new * 1024:.1f} kB per new article)"

    return [
        f"{len(samples) - 1} polls every {args.every:g} s over {last[1] / 60:.1f} minutes; "
        f"{articles} articles stored at the end; {not_modified} feed polls answered 304. "
        f"Publication times on a simulated clock: the first {FEEDS * ENTRIES} entries over "
        f"{args.spread_days:g} days, then {args.poll_hours:g} hours of news per poll "
        f"({len(samples) - 1} polls: {(len(samples) - 1) * args.poll_hours / 24:.0f} days); "
        f"the monitor keeps the events of its last {cfg.watch_learner_days:g} days in memory. "
        f"At the end: {in_memory} of {events} events ({held} of {articles} articles) in memory. "
        "The servers run in a child process (not counted).",
        "",
        "| after | poll | minutes | RSS MB | of it heap (RssAnon) | of it mapped files (RssFile) |",
        "|---|---:|---:|---:|---:|---:|",
        row(f"the first full poll ({FEEDS * ENTRIES:,} pages)", first),
        row("mid-run", mid),
        row("end", last),
        f"| max over the run | - | - | {peak[0]:.1f} | {peak[1]:.1f} | {peak[2]:.1f} |",
        "",
        f"From the first poll to the end: RSS {growth(0)}; heap {growth(1)}; mapped files {growth(2)}.",
        "",
        "After every 10th poll, RSS / heap MB: "
        + ", ".join(f"{s[2][0]:.1f}/{s[2][1]:.1f}" for s in samples[10::10]) + ".",
    ]


def main() -> None:
    global FEEDS
    p = argparse.ArgumentParser()
    p.add_argument("--minutes", type=float, default=30.0)
    p.add_argument("--every", type=float, default=10.0)
    p.add_argument("--rate", type=float, default=20.0, help="requests per second per host")
    p.add_argument("--concurrency", type=int, default=2, help="requests in flight per host")
    p.add_argument("--workers", type=int, default=8, help="requests in flight overall")
    p.add_argument("--part", choices=["1", "2", "both"], default="both")
    p.add_argument("--poll-hours", type=float, default=8.0,
                   help="part 2: hours of simulated news per poll")
    p.add_argument("--spread-days", type=float, default=20.0,
                   help="part 2: days the initial entries span")
    p.add_argument("--feeds", type=int, default=FEEDS, help="feeds (20 entries each)")
    p.add_argument("--out", default=str(ROOT / "bench" / "results" / "feeds.md"))
    args = p.parse_args()
    FEEDS = args.feeds
    lines = ["# Feeds benchmark (bench/feeds.py)", "",
             f"{date.today().isoformat()}, 2 cores shared with other work; {FEEDS} feeds x {ENTRIES} entries "
             f"on {len(HOSTS)} local servers (127.0.0.2-127.0.0.11); politeness: {args.rate:g} requests/s "
             f"and {args.concurrency} in flight per host, {args.workers} in flight overall.", ""]
    if args.part in ("1", "both"):
        lines += ["| run | pages | seconds | pages/s (wall) | pages per CPU-second |",
                  "|---|---:|---:|---:|---:|", *part1(args), "",
                  f"Load average when done: {os.getloadavg()[0]:.1f} (the wall-clock figures "
                  "depend on other work on the machine; the per-CPU-second ones less).", ""]
    if args.part in ("2", "both"):
        lines += ["## Memory of the monitor over a long run", "", *part2(args)]
    text = "\n".join(lines)
    print(text)
    if args.out:
        write_result(args.out, text)


if __name__ == "__main__":
    main()
