"""The monitor: poll the feeds and watched folders on a schedule and ingest what is new.

State lives in the store, never only in memory, so the monitor survives restarts and kills:
- a poll of a feed and the pages its entries name are recorded in one transaction (a kill
  before it commits leaves the feed to be read again, with nothing half-recorded);
- a page is marked done only after its article is committed; a page whose article is
  already stored (killed between the two) is marked done without being fetched again,
  since a page's article id is derived from its canonical URL;
- a watched file is marked read (size and time) after its articles are committed; reading
  it again is a no-op, as for every ingest.
Network errors, bad feeds and failing pages are kept with their reasons and tried later.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from tidings.config import DEFAULT, Config
from tidings.records import Feed, PageFetch, Problem, RawArticle
from tidings.sources.feeds import entry_article, parse_feed
from tidings.sources.fetch import Fetched, Fetcher, canonical_url

log = logging.getLogger("tidings.watch")

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
_BATCH = 32
_BATCH_SECONDS = 2.0  # fetched pages wait at most this long to be ingested (a kill loses less work)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class PollReport:
    """What one poll did."""

    feeds: int = 0
    feeds_changed: int = 0
    not_modified: int = 0
    feed_errors: list[str] = field(default_factory=list)
    new_pages: int = 0
    fetched: int = 0
    from_summary: int = 0
    failed: list[str] = field(default_factory=list)
    retrying: int = 0
    already_stored: int = 0
    files: int = 0
    ingested: int = 0
    article_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.feeds} feeds ({self.feeds_changed} changed, {self.not_modified} not modified, "
                f"{len(self.feed_errors)} failed), {self.new_pages} new pages, {self.fetched} fetched, "
                f"{self.from_summary} from feed summaries, {len(self.failed)} failed, "
                f"{self.retrying} to retry, {self.files} files; ingested {self.ingested} "
                f"in {self.seconds:.1f} s")


@dataclass
class _Item:
    """A page's article waiting to be ingested, and how its page is to be marked then."""

    page: PageFetch
    raw: RawArticle
    body_hash: str | None
    state: str  # done | summary (the feed's summary stood in for the page)
    reason: str | None = None  # why the page itself could not be had


def readable(html: str, url: str | None = None) -> bool:
    """Whether cleaning will find any text (a letter) on the page. Cleaning keeps the
    main text trafilatura extracts, else all the visible text; so a page with visible
    letters has text, and only one without is extracted in full to be sure."""
    from tidings.clean.html import extract, visible_text

    if _LETTER.search(visible_text(html)):
        return True
    return bool(_LETTER.search(extract(html, url).text))


def page_article_id(url: str) -> str:
    """The id of the article read from a page: from its canonical URL, so a page is stored
    once however often it is polled, and known as stored without fetching it."""
    return hashlib.sha256(("page " + url).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, timezone.utc).isoformat(timespec="seconds")


class Monitor:
    """Polls feeds and folders into one store. One Monitor per process; the store may be
    shared with a running `tidings serve` and other writers."""

    def __init__(self, store: Any, folders: Iterable[str] = (), config: Config = DEFAULT,
                 fetcher: Fetcher | None = None, pipeline: Any = None,
                 on_problem: Callable[[Problem], None] | None = None) -> None:
        self.store = store
        self.folders = [str(f) for f in folders]
        self.config = config
        self.fetcher = fetcher or Fetcher(config)
        self._pipeline = pipeline
        self.on_problem = on_problem
        self.on_page: Callable[[], None] | None = None  # called as each page is done with
        self.polls = 0

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:  # the embedding model loads only when there is work
            from tidings.pipeline import Pipeline

            self._pipeline = Pipeline(self.store, self.config)
            # Running for months: the events of the last weeks in memory, the rest in the store;
            # each article is embedded once, so few vectors need remembering.
            self._pipeline.keep_days = self.config.watch_learner_days or None
            self._pipeline.embedder.memo_limit = 2_000
        return self._pipeline

    # --- the schedule ---
    def run(self, every: float, stop: threading.Event | None = None,
            max_polls: int | None = None) -> None:
        """Poll every `every` seconds until `stop` is set (or `max_polls` were made).
        A poll that fails (the store busy past its wait, a bug) is logged and the next one
        runs on time: nothing of it was half-written."""
        stop = stop or threading.Event()
        while not stop.is_set():
            started = time.monotonic()
            try:
                report = self.poll()
                log.info("poll %d: %s", self.polls, report.summary())
            except Exception as e:  # noqa: BLE001 - the monitor must keep going
                log.error("poll %d failed (%s: %s); trying again at the next one",
                          self.polls + 1, type(e).__name__, e)
                self.polls += 1
            if max_polls is not None and self.polls >= max_polls:
                break
            stop.wait(max(0.0, every - (time.monotonic() - started)))

    def poll(self) -> PollReport:
        started = time.monotonic()
        report = PollReport()
        self.poll_feeds(report)
        self.fetch_due_pages(report)
        self.poll_folders(report)
        self.polls += 1
        report.seconds = time.monotonic() - started
        release_free_memory()
        return report

    # --- feeds ---
    def poll_feeds(self, report: PollReport) -> None:
        feeds = self.store.feeds()
        report.feeds = len(feeds)
        if not feeds:
            return
        with ThreadPoolExecutor(max_workers=max(1, self.config.fetch_workers)) as pool:
            results = pool.map(lambda f: (f, self.fetcher.get(
                f.url, f.etag, f.last_modified, accept=FEED_ACCEPT)), feeds)
            for feed, fetched in results:
                self._record_feed(feed, fetched, report)

    def _record_feed(self, feed: Feed, fetched: Fetched, report: PollReport) -> None:
        if fetched.not_modified:
            report.not_modified += 1
            self.store.record_feed_poll(feed.id, status="not modified")
            return
        if not fetched.ok:
            self._feed_failed(feed, fetched.error or f"HTTP {fetched.status}", None, report)
            return
        parsed = parse_feed(fetched.body, fetched.final_url or feed.url,
                            fetched.headers.get("content-type"))
        if parsed.problem:
            excerpt = fetched.body[: self.config.max_raw_keep_chars].decode("utf-8", "replace")
            self._feed_failed(feed, parsed.problem, excerpt, report)
            return
        pages = []
        for i, entry in enumerate(parsed.entries):
            if entry.url and entry.url.lower().startswith(("http://", "https://")):
                url = canonical_url(entry.url)
            else:  # an entry with no page: its own text is the article
                key = entry.guid or entry.title or str(i)
                url = f"{feed.url}#entry={hashlib.sha256(key.encode()).hexdigest()[:16]}"
            pages.append(PageFetch(url=url, feed_id=feed.id, entry=entry.to_dict()))
        new = self.store.record_feed_poll(
            feed.id, status="ok", etag=fetched.headers.get("etag"),
            last_modified=fetched.headers.get("last-modified"), pages=pages)
        report.feeds_changed += 1
        report.new_pages += new
        if parsed.note and parsed.note != feed.last_error:
            self._problem(Problem(feed.url, parsed.note, fatal=False))

    def _feed_failed(self, feed: Feed, reason: str, raw: str | None, report: PollReport) -> None:
        report.feed_errors.append(f"{feed.url}: {reason}")
        self.store.record_feed_poll(feed.id, status="error", error=reason)
        if reason != feed.last_error:  # once per failure, not once per poll
            self._problem(Problem(feed.url, reason, raw=raw))

    # --- article pages ---
    def fetch_due_pages(self, report: PollReport, pages: list[PageFetch] | None = None) -> None:
        """Fetch the pages whose turn has come (or `pages`), ingest them, mark them done."""
        if pages is None:
            pages = self.store.due_page_fetches(_iso(time.time()), self.config.watch_pages_per_poll)
        todo = []
        for page in pages:
            aid = page_article_id(page.url)
            if self.store.has_article(aid):  # stored before a kill, not yet marked
                self.store.page_done(page.url, aid)
                report.already_stored += 1
            else:
                todo.append(page)
        if not todo:
            return
        # Pages fetched in this call and not yet stored, by article id and by body hash, so
        # two links to one page fetched at once are stored once.
        self._waiting: dict[str, str] = {}
        self._aliases: list[tuple[str, str, str | None]] = []
        waiting: list[_Item] = []
        since = time.monotonic()
        with ThreadPoolExecutor(max_workers=max(1, self.config.fetch_workers)) as pool:
            for page, fetched in pool.map(lambda p: (p, self._fetch(p)), todo):
                if self.on_page is not None:
                    self.on_page()
                item = self._page_article(page, fetched, report)
                if item is not None:
                    if not waiting:
                        since = time.monotonic()
                    waiting.append(item)
                if len(waiting) >= _BATCH or (waiting and time.monotonic() - since > _BATCH_SECONDS):
                    self._ingest(waiting, report)
                    waiting = []
        if waiting:
            self._ingest(waiting, report)

    def _fetch(self, page: PageFetch) -> Fetched | None:
        if not page.url.lower().startswith(("http://", "https://")) or "#entry=" in page.url:
            return None  # nothing to fetch: the entry's own text
        return self.fetcher.get(page.url)

    def _page_article(self, page: PageFetch, fetched: Fetched | None,
                      report: PollReport) -> _Item | None:
        aid = page_article_id(page.url)
        origin = page.url
        if fetched is not None and fetched.ok:
            # Reached through another link (a redirect to a page already stored): stored once.
            landed = page_article_id(canonical_url(fetched.final_url)) if fetched.final_url else aid
            waiting = self._waiting.get(landed) if landed != aid else None
            if waiting:  # its twin waits to be stored: marked done with it, once committed
                self._aliases.append((page.url, waiting, None))
                report.already_stored += 1
                return None
            if landed != aid and self.store.has_article(landed):
                self.store.page_done(page.url, landed)
                report.already_stored += 1
                return None
            text, note = fetched.text()
            if text is not None and readable(text, fetched.final_url or page.url):
                # The very bytes of a page already stored under another URL: stored once.
                # Only pages with text: a site's pages that all show one empty shell (text
                # drawn by scripts) are each their own entry, read from the feed.
                body_hash = fetched.body_hash()
                waiting = self._waiting.get(body_hash)
                if waiting:
                    self._aliases.append((page.url, waiting, body_hash))
                    report.already_stored += 1
                    return None
                same = self.store.page_with_body(body_hash)
                if same:
                    self.store.page_done(page.url, same, body_hash)
                    report.already_stored += 1
                    return None
                self._waiting[aid] = self._waiting[body_hash] = aid
                raw = entry_article(page.entry, origin, html=text, url=page.url)
                assert raw is not None
                raw.id = aid
                report.fetched += 1
                if note:
                    self._problem(Problem(origin, note, fatal=False))
                return _Item(page, raw, body_hash, "done")
            if text is None:
                reason = note or "undecodable page"
            else:
                reason = ("the page shows no readable text (only markup, scripts or images: "
                          "extraction found none)")
        elif fetched is None:
            reason = "the entry names no page"
        else:
            reason = fetched.error or f"HTTP {fetched.status}"
            if fetched.transient and page.attempts + 1 < self.config.fetch_max_attempts:
                wait = max(fetched.retry_in or 0.0,
                           min(86400.0, self.config.fetch_retry_after * 2**page.attempts))
                self.store.page_failed(page.url, reason, _iso(time.time() + wait))
                report.retrying += 1
                if page.attempts == 0:
                    self._problem(Problem(origin, f"{reason}; tried again in {wait:.0f} s",
                                          fatal=False))
                return None
        # Given up on the page: the feed's own summary is the article, when it has one.
        raw = entry_article(page.entry, origin, url=page.url if fetched is not None else None)
        if raw is None:
            self.store.page_done(page.url, None, state="failed", error=reason)
            report.failed.append(f"{page.url}: {reason}")
            self._problem(Problem(origin, f"{reason}; the feed gives no summary, nothing stored"))
            return None
        raw.id = aid
        report.from_summary += 1
        if fetched is None:
            return _Item(page, raw, None, "done")
        self._waiting[aid] = aid
        self._problem(Problem(origin, f"{reason}; the feed's summary was ingested instead",
                              fatal=False))
        return _Item(page, raw, None, "summary", reason)

    def _ingest(self, items: list[_Item], report: PollReport) -> None:
        result = self.pipeline.run([it.raw for it in items], on_problem=self.on_problem)
        report.ingested += result.ingested
        report.already_stored += result.already_stored
        for it, aid in zip(items, result.article_ids):
            self.store.page_done(it.page.url, aid, it.body_hash, state=it.state, error=it.reason)
            report.article_ids.append(aid)
        stored = {it.raw.id for it in items}
        for url, aid, body_hash in [a for a in self._aliases if a[1] in stored]:
            self.store.page_done(url, aid, body_hash)
        self._aliases = [a for a in self._aliases if a[1] not in stored]

    # --- folders ---
    def poll_folders(self, report: PollReport) -> None:
        from tidings.sources import read

        changed: list[tuple[str, int, float]] = []
        below: dict[str, str | None] = {}  # the subfolders between the watched folder and the file
        for folder in self.folders:
            for path in _files_under(folder):
                try:
                    st = os.stat(path)
                except OSError:
                    continue  # gone since it was listed
                if self.store.watched_file(path) != (st.st_size, st.st_mtime):
                    changed.append((path, st.st_size, st.st_mtime))
                    rel = os.path.relpath(os.path.dirname(path), folder) if os.path.isdir(folder) else "."
                    below[path] = None if rel in (".", "") else Path(rel).as_posix()
        if not changed:
            return

        def items():
            # As an ingest of the watched folder reads them: each file keeps its subfolders.
            for p, _s, _m in changed:
                for item in read([p], self.config):
                    if isinstance(item, RawArticle) and item.folder is None:
                        item.folder = below.get(p)
                    yield item

        result = self.pipeline.run(items(), on_problem=self.on_problem)
        report.ingested += result.ingested
        report.already_stored += result.already_stored
        report.article_ids.extend(result.article_ids)
        for path, size, mtime in changed:
            self.store.mark_watched_file(path, size, mtime)
        report.files += len(changed)

    def _problem(self, p: Problem) -> None:
        self.store.add_problem(p)
        if self.on_problem:
            self.on_problem(p)


def ingest_urls(urls: Iterable[str], store: Any, config: Config = DEFAULT,
                fetcher: Fetcher | None = None, pipeline: Any = None,
                on_problem: Callable[[Problem], None] | None = None,
                progress: bool = False) -> PollReport:
    """Fetch these pages now (politely) and ingest them; pages already stored are not
    fetched again. `progress`: a bar on standard error (for a terminal)."""
    monitor = Monitor(store, (), config, fetcher=fetcher, pipeline=pipeline, on_problem=on_problem)
    report = PollReport()
    pages = []
    for url in dict.fromkeys(u.strip() for u in urls if u.strip()):
        page = PageFetch(url=canonical_url(url), entry={"url": url})
        store.add_page_fetch(page)
        known = store.page_fetch(page.url)
        if known is not None and known.state != "pending" and known.article_id:
            report.already_stored += 1
            report.article_ids.append(known.article_id)
            continue
        pages.append(known or page)
    report.new_pages = len(pages)
    bar = None
    if progress and pages:
        import sys

        from tqdm import tqdm

        bar = tqdm(total=len(pages), unit=" pages", file=sys.stderr, mininterval=0.5, leave=False)
        monitor.on_page = lambda: bar.update(1)
    try:
        monitor.fetch_due_pages(report, pages)
    finally:
        if bar is not None:
            bar.close()
        if fetcher is None:
            monitor.fetcher.close()
    return report


def release_free_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's malloc_trim). A poll frees
    most of what it allocated (pages, parse trees, the model's buffers), but glibc keeps
    freed memory in its arenas, one per thread that allocated: a monitor running for weeks
    would hold its busiest poll's worth for ever. A no-op where there is no glibc."""
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM: Any = None


def _files_under(folder: str) -> list[str]:
    """Files under `folder` in sorted order, hidden ones (and hidden folders) left out, and
    the folders' own documentation (as an ingest of the folder leaves it)."""
    from tidings.sources.files import documentation, holds_data

    root = Path(folder)
    if root.is_file():
        return [str(root)]
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        data = holds_data(filenames)
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames)
                   if not f.startswith(".") and not documentation(f, data))
    return out


def parse_every(value: str) -> float:
    """"10m", "2s", "1h", "90" (seconds) -> seconds."""
    text = value.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        if text and text[-1] in units:
            seconds = float(text[:-1]) * units[text[-1]]
        else:
            seconds = float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a period; use e.g. 30s, 10m, 1h") from None
    if not seconds > 0:
        raise ValueError(f"{value!r}: the period must be more than zero")
    return seconds

