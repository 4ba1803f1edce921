"""The ingest pipeline: sources -> clean -> duplicates -> understand -> cluster -> store.

Articles go through in small batches, each in two steps. `prepare` does the slow work
(cleaning, understanding, embedding: seconds per batch) reading the store but writing
nothing; `commit` then takes the write lock and only checks what is already stored,
writes the articles, assigns them to events and commits (milliseconds), so other writers
(a second ingest, the server taking a POST) wait briefly. An ingest killed midway leaves
whole batches or none, and running it again completes the rest (ids already stored are
skipped, inside the write transaction, so nothing is doubled even by racing writers).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator

import numpy as np

from tidings.config import DEFAULT, Config
from tidings.records import Article, Prepared, Problem, RawArticle
from tidings.store import SQLiteStore, Store, StoreError
from tidings.understand.embed import Embedder

BATCH = 32
STALE_RETRIES = 3  # tries to commit on an up-to-date clusterer before rebuilding it under the lock


class _Stale(Exception):
    """Another process added articles between our look and our write lock."""


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    already_stored: int = 0
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    events: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        parts = [
            f"ingested {self.ingested}",
            f"duplicates {self.duplicates}",
            f"already stored {self.already_stored}",
            f"skipped {len(self.skipped)}",
        ]
        return ", ".join(parts)

    def to_dict(self) -> dict:
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "already_stored": self.already_stored,
            "skipped": [{"origin": p.origin, "line": p.line, "reason": p.reason} for p in self.skipped],
            "article_ids": self.article_ids,
            "events": self.events,
        }


class Pipeline:
    """Holds what is costly to set up once (the embedding model, the clusterer's index)
    and feeds batches of raw articles through every stage into the store."""

    def __init__(self, store: Store, config: Config = DEFAULT, embedder: Embedder | None = None) -> None:
        from tidings.clean import OutletLines
        from tidings.cluster import load_learner
        from tidings.understand.embed import Embedder

        self.store = store
        self.config = config
        self.outlet_lines = OutletLines(store, config)
        self.embedder = embedder if embedder is not None else Embedder(store)
        # Vectors are written with the batch, inside its transaction, not while embedding.
        self.embedder.defer_cache_writes = True
        self.clusterer = load_learner(store, config)
        self._seen_seq = store.last_article_seq()
        # Days of news whose events stay in memory (`evict_old_events`); None: all of them.
        self.keep_days: float | None = None

    def run(
        self,
        items: Iterable[RawArticle | Problem],
        report: IngestReport | None = None,
        on_problem: Callable[[Problem], None] | None = None,
        progress=None,
    ) -> IngestReport:
        report = report or IngestReport()
        batch: list[RawArticle] = []
        for item in items:
            if isinstance(item, Problem):
                self._problem(item, report, on_problem)
                if progress is not None:
                    progress.update(1)
                continue
            batch.append(item)
            if len(batch) >= BATCH:
                self._batch(batch, report, on_problem)
                if progress is not None:
                    progress.update(len(batch))
                batch = []
        if batch:
            self._batch(batch, report, on_problem)
            if progress is not None:
                progress.update(len(batch))
        # The clusterer may have moved earlier articles since they were added (events merge
        # when a later article links them; undated articles move to a better fit).
        for aid in report.events:
            report.events[aid] = self.store.event_of(aid) or report.events[aid]
        return report

    def _problem(self, p: Problem, report: IngestReport, on_problem) -> None:
        self.store.add_problem(p)
        (report.skipped if p.fatal else report.warnings).append(p)
        if on_problem:
            on_problem(p)

    def _batch(self, raws: list[RawArticle], report: IngestReport, on_problem) -> None:
        from tidings.clean import article_id
        from tidings.cluster import load_learner

        order: list[str] = []
        todo: list[RawArticle] = []
        in_batch: dict[str, RawArticle] = {}
        for raw in raws:
            aid = article_id(raw)
            taken_by = self._taken_by(aid, raw, in_batch)
            if taken_by is not None:
                # The same given id on a different article (two exports numbering from 1, a
                # feed reusing ids): keep both, the second under an id derived from its content.
                given, raw = aid, replace(raw, id=f"{aid}~{article_id(replace(raw, id=None))[:8]}")
                aid = article_id(raw)
                if aid not in in_batch and not self.store.has_article(aid):  # quiet on re-ingest
                    self._problem(Problem(
                        raw.origin,
                        f"id {given!r} is already used by a different article ({taken_by}); this "
                        f"one is kept as {aid!r}; give each article its own id to avoid this",
                        fatal=False,
                    ), report, on_problem)
            order.append(aid)
            # Re-ingesting is a no-op (checked before cleaning, which counts outlet lines),
            # but the caller still learns where each article went.
            if aid in in_batch or self.store.has_article(aid):
                report.already_stored += 1
            else:
                in_batch[aid] = raw
                todo.append(raw)
        try:
            self._store(todo, report, on_problem)
        except StoreError:
            # The store failed (busy, locked by another writer, disk full): no article is to
            # blame, so none is set aside. The batch was rolled back; the caller says so, and
            # running the same input again completes it.
            self.clusterer = load_learner(self.store, self.config)
            raise
        except Exception:
            # Something in the batch broke a stage: the transaction was rolled back, so
            # rebuild the clusterer's memory from the store and go one article at a time,
            # keeping any article that still fails as a problem with its raw text.
            self.clusterer = load_learner(self.store, self.config)
            for raw in todo:
                try:
                    self._store([raw], report, on_problem)
                except StoreError:
                    self.clusterer = load_learner(self.store, self.config)
                    raise
                except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                    self.clusterer = load_learner(self.store, self.config)
                    text = raw.text if raw.text is not None else raw.html or ""
                    self._problem(Problem(raw.origin, f"could not be processed ({type(exc).__name__}: "
                                          f"{exc}); kept raw, please report this as a bug",
                                          raw=text[: self.config.max_raw_keep_chars]),
                                  report, on_problem)
        report.article_ids.extend(order)
        for aid in order:
            if aid not in report.events:
                event = self.store.event_of(aid)
                if event:
                    report.events[aid] = event

    def _taken_by(self, aid: str, raw: RawArticle, in_batch: dict[str, RawArticle]) -> str | None:
        """Where the different article already holding the given id `aid` came from, or None
        when the id is free or holds this very article (re-ingesting is then a no-op)."""
        if not raw.id:
            return None  # a content hash: the same id means the same text
        text = raw.text if raw.text is not None else raw.html or ""
        earlier = in_batch.get(aid)
        if earlier is not None:
            same = (earlier.text if earlier.text is not None else earlier.html or "") == text
            return None if same else earlier.origin
        stored = self.store.get_article(aid) if self.store.has_article(aid) else None
        if stored is None or stored.raw == text:
            return None
        return stored.origin

    def _store(self, todo: list[RawArticle], report: IngestReport, on_problem) -> None:
        if not todo:
            return
        prepared, vectors = self.prepare(todo)
        done, already = self.commit(prepared, vectors)
        # Counted only once committed, so a batch retried article by article counts once.
        report.already_stored += already
        for article, event_id in done:
            report.ingested += 1
            report.duplicates += article.duplicate_of is not None
            report.events[article.id] = event_id
            for reason in article.problems:
                warning = Problem(article.origin, reason, fatal=False)
                report.warnings.append(warning)
                if on_problem:
                    on_problem(warning)

    def prepare(self, raws: list[RawArticle]) -> tuple[list[Prepared], dict[str, np.ndarray]]:
        """Clean, understand and embed `raws`: the slow part, done before any write. The
        store is only read (outlet line counts, names seen, cached vectors); what is to be
        written comes back: the prepared articles and the fresh vectors for the cache."""
        from tidings.clean.duplicates import bands
        from tidings.understand import understand_batch

        self.outlet_lines.forget_pending()
        articles, lines = [], []
        for raw in raws:
            articles.append(self.clean(raw))
            lines.append(self.outlet_lines.take_new())
        features = understand_batch(articles, self.embedder, self.config, store=self.store)
        prepared = [
            Prepared(a, f, tuple(bands(a.text, self.config)) if a.status == "ok" else (), counted)
            for a, f, counted in zip(articles, features, lines)
        ]
        return prepared, self.embedder.take_fresh()

    def clean(self, raw: RawArticle) -> Article:
        """Clean one article of the batch being prepared, in order (outlet lines count
        across articles); tidings.parallel reuses what a worker process already cleaned."""
        from tidings.clean import clean

        return clean(raw, self.config, self.outlet_lines)

    def commit(self, prepared: list[Prepared], vectors: dict[str, np.ndarray] | None = None,
               ) -> tuple[list[tuple[Article, str]], int]:
        """Store prepared articles in one short write transaction: skip those already
        stored (checked under the lock: another writer may have stored them meanwhile),
        link duplicates, write, assign events. Returns (article, event id) of each article
        written, and how many were already stored."""
        from tidings.cluster import load_learner

        for attempt in range(STALE_RETRIES + 1):
            # Another process added articles since our last batch (an ingest beside a running
            # server): the clusterer's memory of events is stale, so read it again, before
            # taking the lock when we can (it reads every event).
            seen = self.store.last_article_seq()
            if seen != self._seen_seq:
                self.clusterer = load_learner(self.store, self.config)
                self._seen_seq = seen
            self.evict_old_events()
            try:
                return self._commit(prepared, vectors or {}, last_try=attempt == STALE_RETRIES)
            except _Stale:
                continue
        raise AssertionError("unreachable: the last try rebuilds under the lock")

    def _commit(self, prepared: list[Prepared], vectors: dict[str, np.ndarray],
                last_try: bool) -> tuple[list[tuple[Article, str]], int]:
        from tidings.cluster import load_learner

        # What the batch will do (duplicates, the learner's steps), worked out on the store
        # as we last saw it, before taking the lock; valid if nobody wrote meanwhile.
        plan = None if last_try else self._plan(prepared)
        done: list[tuple[Article, str]] = []
        with self.store.transaction():
            if self.store.last_article_seq() != self._seen_seq:
                if not last_try:
                    self._seen_seq = -1  # the learner has learnt this batch: read it again
                    raise _Stale  # rolled back, nothing written: plan again outside the lock
                self.clusterer = load_learner(self.store, self.config)
            if plan is None:
                plan = self._plan(prepared)
            steps, already = plan
            if vectors:
                self.store.cache_embeddings(vectors)
            for p, changes, event_id in steps:
                if not self._add(p.article, p):
                    raise RuntimeError(f"{p.article.id} was stored meanwhile by another writer")
                # --- clustering: the changes the learner returned, stored ---
                apply_changes(self.store, self.clusterer, changes)
                # ---
                done.append((p.article, event_id))
            self._seen_seq = self.store.last_article_seq()
        return done, already

    def _plan(self, prepared: list[Prepared]) -> tuple[list[tuple[Prepared, list[Any], str]], int]:
        """For each article not stored yet: its first copy (duplicate_of), the learner's
        changes and its event. Reads the store, writes nothing."""
        from tidings.clean.duplicates import find_duplicate

        stored = self.store.stored_article_ids(p.article.id for p in prepared)
        batch = _WithBatch(self.store)
        steps: list[tuple[Prepared, list[Any], str]] = []
        already = 0
        for p in prepared:
            article = p.article
            if article.id in stored or article.id in batch.articles:
                already += 1
                continue
            if article.status == "ok":
                article.duplicate_of = find_duplicate(article, batch, self.config)
            batch.add(article, p.bands if article.status == "ok" and article.duplicate_of is None else ())
            # --- clustering: the learner's in-memory step ---
            self._bring_back(article, p)
            changes = list(self.clusterer.learn_one(article, p.features))
            steps.append((p, changes, self.clusterer.event_of(article.id) or ""))
            # ---
        return steps, already

    def _add(self, article: Article, p: Prepared) -> bool:
        """Write one planned article (inside the batch's transaction); False when its id
        was stored meanwhile."""
        if not self.store.add_article(article):
            return False
        for source, hashes in p.outlet_lines:
            self.store.count_outlet_lines(source, hashes)
        if article.status == "ok" and article.duplicate_of is None:
            self.store.add_dup_bands(article.id, p.bands)
        self.store.put_features(p.features)
        return True

    def evict_old_events(self) -> None:
        """With `keep_days` (a long-running monitor), forget in memory the events all
        articles have left behind: those before the newest reported day (not after
        tomorrow: a misdated article from the future cannot push everything out) minus
        `keep_days`. Called only when the learner holds what the store holds (between
        batches), so nothing forgotten is unsaved."""
        learner = self.clusterer
        if not self.keep_days or learner.newest_day is None:
            return
        from datetime import date

        newest = min(learner.newest_day, date.today().toordinal() + 1)
        learner.evict(int(newest - self.keep_days))

    def _bring_back(self, article: Article, p: Prepared) -> None:
        """Restore from the store the forgotten events this article could reach: those
        near its reported day, and the event of the article it duplicates."""
        learner = self.clusterer
        if not learner.has_evicted():
            return
        from tidings.cluster.pairs import article_time

        wanted = learner.wanted(article_time(article, p.features)[0])
        if article.duplicate_of and learner.event_of(article.duplicate_of) is None:
            event = self.store.event_of(article.duplicate_of)
            if event and learner.is_evicted(event):
                wanted.append(event)
        if wanted:
            for event_id, state, _centroid in self.store.event_states_of(wanted):
                learner.restore(event_id, state)


class _WithBatch:
    """The store as duplicate detection sees it once the batch's earlier articles are in
    (before anything is written): they come after every stored article."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.articles: dict[str, Article] = {}
        self._by_hash: dict[str, str] = {}
        self._bands: dict[str, list[str]] = {}

    def add(self, article: Article, bands: Iterable[str]) -> None:
        self.articles[article.id] = article
        self._by_hash.setdefault(article.content_hash, article.id)
        for b in bands:
            self._bands.setdefault(b, []).append(article.id)

    def article_by_hash(self, content_hash: str) -> str | None:
        return self.store.article_by_hash(content_hash) or self._by_hash.get(content_hash)

    def dup_candidates_ranked(self, bands: Iterable[str], limit: int = 20) -> list[tuple[str, int]]:
        bands = list(bands)
        shared: dict[str, int] = {}
        for b in set(bands):
            for aid in self._bands.get(b, []):
                shared[aid] = shared.get(aid, 0) + 1
        # Oldest first, as the store answers: stored ones, then this batch's in order.
        found = self.store.dup_candidates_ranked(bands, limit) + [(a, shared[a]) for a in self.articles if a in shared]
        top = sorted(range(len(found)), key=lambda i: (-found[i][1], i))[:limit]
        return [found[i] for i in sorted(top)]

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        ids = list(ids)
        found = {a.id: a for a in self.store.get_articles([i for i in ids if i not in self.articles])}
        found.update({i: self.articles[i] for i in ids if i in self.articles})
        return [found[i] for i in ids if i in found]

    def get_article(self, article_id: str) -> Article | None:
        return self.articles.get(article_id) or self.store.get_article(article_id)


def apply_changes(store: Store, learner, changes) -> None:
    """Persist what the clusterer decided (it does no I/O itself)."""
    upserted: list[str] = []
    for c in changes:
        if c.op in ("assign", "move"):
            store.assign(c.article, c.event, c.score)
        elif c.op == "delete":
            store.delete_event(c.event)
            upserted = [e for e in upserted if e != c.event]
        elif c.op in ("upsert", "story") and c.event not in upserted:
            upserted.append(c.event)
    for event_id in upserted:
        record = learner.event_record(event_id)
        if record is not None:
            store.put_event(record, learner.event_state(event_id), learner.event_centroid(event_id))
            store.set_event_story(event_id, learner.story_of_event(event_id))


def ingest(
    paths: Iterable[str],
    store: Store,
    config: Config = DEFAULT,
    progress: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    pipeline: Pipeline | None = None,
) -> IngestReport:
    """Read every article under `paths` ("-" for standard input) into `store`."""
    from tidings.sources import read

    items: Iterator = read(list(paths), config)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, mininterval=0.5, leave=False)
    try:
        return (pipeline or Pipeline(store, config)).run(items, on_problem=on_problem, progress=bar)
    finally:
        if bar is not None:
            bar.close()


def ingest_raw(
    items: Iterable[RawArticle | Problem],
    store: Store,
    config: Config = DEFAULT,
    pipeline: Pipeline | None = None,
) -> IngestReport:
    """Ingest records already read (the HTTP API's way in)."""
    return (pipeline or Pipeline(store, config)).run(items)


@dataclass
class RereadReport:
    articles: int = 0  # read again
    changed: int = 0  # whose names, figures or dates now read differently
    events: int = 0  # whose stored briefs were dropped

    def summary(self) -> str:
        def n(count: int, what: str) -> str:
            return f"{count} {what}{'' if count == 1 else 's'}"

        return (f"read {n(self.articles, 'article')} again, {self.changed} with new readings; "
                f"the briefs of {n(self.events, 'event')} are rebuilt when next asked for")


class _KeptVectors(Embedder):
    """The embedder of a re-read: the model is not asked (each article keeps its stored
    vector, which its event was clustered on)."""

    def __init__(self) -> None:
        super().__init__(None, model=self)

    def passage(self, texts: list[str]) -> np.ndarray:
        return np.zeros((len(texts), self.dim), dtype=np.float32)


def reread(store: Store, config: Config = DEFAULT, event_id: str | None = None) -> RereadReport:
    """Read the names, figures and dates of stored articles again, with this version's
    readers: ingest reads them once, so a database ingested by an older Tidings keeps the
    readings of its day. Articles are read in batches as an ingest reads them (names are
    told from common words by the batch); their vectors and events stay as they are. An
    event whose articles now read differently has its stored briefs dropped, to be rebuilt
    when next asked for. Features are written one article a transaction, so ingests may
    run beside it."""
    from tidings.understand import understand_batch

    report = RereadReport()
    changed: list[str] = []
    kept = _KeptVectors()

    def batches() -> Iterator[list[Article]]:
        if event_id is not None:
            ids = store.event_article_ids(event_id)
            for i in range(0, len(ids), BATCH):
                yield store.get_articles(ids[i:i + BATCH])
            return
        offset = 0
        while batch := store.articles(limit=BATCH, offset=offset):
            yield batch
            offset += len(batch)

    for articles in batches():
        old = store.get_features(a.id for a in articles)
        articles = [a for a in articles if a.id in old]  # never understood (not an article)
        for a, f in zip(articles, understand_batch(articles, kept, config, store=store)):
            before = old[a.id]
            report.articles += 1
            if (f.names, f.figures, f.dates_mentioned, f.event_time) == \
                    (before.names, before.figures, before.dates_mentioned, before.event_time):
                continue
            f.embedding = before.embedding
            store.put_features(f)
            changed.append(a.id)
    report.changed = len(changed)
    events = sorted(set(store.events_of_articles(changed).values()))
    store.forget_briefs(events)
    report.events = len(events)
    return report


def cluster_records(
    raws: Iterable[RawArticle | Problem], config: Config = DEFAULT,
    on_problem: Callable[[Problem], None] | None = None,
    progress: bool = False,
) -> list[tuple[str, str | None]]:
    """Stateless clustering for pipelines and evaluation: an in-memory store, the same
    cleaning and clustering as `ingest`. One (input id, event id) pair per input record,
    in input order; event is None for input that could not be read (`on_problem` hears why).
    `progress`: show a progress bar on standard error (callers pass it only for a terminal)."""
    return [(i, e) for i, e, _ in cluster_records_with_stories(raws, config, on_problem, progress)]


def cluster_records_with_stories(
    raws: Iterable[RawArticle | Problem], config: Config = DEFAULT,
    on_problem: Callable[[Problem], None] | None = None,
    progress: bool = False,
) -> list[tuple[str, str | None, str | None]]:
    """As `cluster_records`, with each event's story: (input id, event, story)."""
    store = SQLiteStore(":memory:")
    items = list(raws)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit=" articles", file=sys.stderr, mininterval=0.5, leave=False)
    try:
        report = Pipeline(store, config).run(items, on_problem=on_problem, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    out: list[tuple[str, str | None, str | None]] = []
    ids = iter(report.article_ids)
    for item in items:
        if isinstance(item, Problem):
            out.append((f"{item.origin}:{item.line}" if item.line else item.origin, None, None))
            continue
        article_id = next(ids)
        event = store.event_of(article_id)
        out.append((item.id or article_id, event, store.story_of(event) if event else None))
    return out
