"""The SQLite store: the only module that writes SQL.

One file, WAL mode, schema versioned by numbered migrations. Every statement takes its
values as parameters, never by string building, because article text is untrusted.
The public methods are the store interface; a PostgreSQL store would implement the same.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from tidings.records import Article, Event, Features, Feed, Figure, Mention, PageFetch, Problem
from tidings.store.base import (
    STORY_ROWS,
    StoreBusy,
    StoreError,
    StoreFull,
    StoreNotADatabase,
    StoreTooNew,
    StoreUnavailable,
    group_stories,
)

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        url TEXT, source TEXT, lang TEXT, lang_score REAL,
        date TEXT, date_source TEXT,
        title TEXT NOT NULL, text TEXT NOT NULL, raw TEXT NOT NULL,
        author TEXT, content_hash TEXT NOT NULL,
        duplicate_of TEXT, status TEXT NOT NULL, problems TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_date ON articles(date);
    CREATE TABLE problems (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        origin TEXT NOT NULL, line INTEGER, reason TEXT NOT NULL, raw TEXT,
        at TEXT NOT NULL
    );
    CREATE TABLE dup_bands (band TEXT NOT NULL, article_id TEXT NOT NULL);
    CREATE INDEX dup_bands_band ON dup_bands(band);
    CREATE TABLE outlet_lines (
        source TEXT NOT NULL, line_hash TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (source, line_hash)
    );
    CREATE TABLE features (
        article_id TEXT PRIMARY KEY,
        figures TEXT NOT NULL, dates_mentioned TEXT NOT NULL, event_time TEXT,
        embedding BLOB
    );
    CREATE TABLE names (
        article_id TEXT NOT NULL, key TEXT NOT NULL, surface TEXT NOT NULL,
        kind TEXT NOT NULL, count INTEGER NOT NULL
    );
    CREATE INDEX names_key ON names(key);
    CREATE INDEX names_article ON names(article_id);
    CREATE TABLE embedding_cache (
        hash TEXT PRIMARY KEY, vector BLOB NOT NULL
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_time TEXT, last_time TEXT,
        languages TEXT NOT NULL, sources TEXT NOT NULL,
        n_articles INTEGER NOT NULL,
        state TEXT NOT NULL,
        centroid BLOB,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX events_last ON events(last_time);
    CREATE TABLE event_articles (
        article_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        score REAL,
        joined_at TEXT NOT NULL
    );
    CREATE INDEX event_articles_event ON event_articles(event_id);
    CREATE TABLE briefs (
        event_id TEXT NOT NULL, lang TEXT NOT NULL, body TEXT NOT NULL,
        n_articles INTEGER NOT NULL, built_at TEXT NOT NULL,
        PRIMARY KEY (event_id, lang)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='trigram'
    );
    CREATE TRIGGER articles_fts_ins AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_del AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END;
    """,
    # 2: the web app's event listing, newest first, and its live-update poll
    """
    CREATE INDEX events_listing ON events(last_time IS NULL, last_time DESC, n_articles DESC, id);
    CREATE INDEX events_updated ON events(updated_at);
    """,
    # 3: events removed by a merge, so a live page can drop their rows
    """
    CREATE TABLE removed_events (id TEXT PRIMARY KEY, at TEXT NOT NULL);
    CREATE INDEX removed_events_at ON removed_events(at);
    """,
    # 4: live sources: the feeds the monitor polls, the pages it fetches, watched files
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE, name TEXT, added_at TEXT NOT NULL,
        etag TEXT, last_modified TEXT,
        last_poll TEXT, last_ok TEXT, last_status TEXT, last_error TEXT,
        polls INTEGER NOT NULL DEFAULT 0, not_modified INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0, entries INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE page_fetches (
        url TEXT PRIMARY KEY, feed_id INTEGER, state TEXT NOT NULL, entry TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_try TEXT,
        article_id TEXT, body_hash TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX page_fetches_due ON page_fetches(state, next_try);
    CREATE INDEX page_fetches_body ON page_fetches(body_hash);
    CREATE TABLE watched_files (
        path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, at TEXT NOT NULL
    );
    """,
    # 5: stories: the developing chain an event belongs to
    """
    ALTER TABLE events ADD COLUMN story TEXT;
    CREATE INDEX events_story ON events(story);
    """,
]

_ARTICLE_COLS = (
    "id, origin, url, source, lang, lang_score, date, date_source, title, text, raw, "
    "author, content_hash, duplicate_of, status, problems"
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _vec(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype=np.float32)


def _blob(vec: Any) -> bytes | None:
    return None if vec is None else np.asarray(vec, dtype=np.float32).tobytes()


# SQLite's primary result codes (the low byte of an extended code) that we explain.
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM = 5, 6, 8, 10, 11, 13, 14, 26, 3


def store_error(e: sqlite3.Error, where: str) -> StoreError:
    """The store's own exception for an error from sqlite3, with what to do about it."""
    code = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_BUSY, _LOCKED):
        return StoreBusy(f"database {where}: another program is writing to it ({e}); "
                         "try again when it has finished (nothing was lost)")
    if code in (_NOTADB, _CORRUPT):
        return StoreNotADatabase(f"database {where}: this file is not a Tidings database "
                                 f"(or it is damaged: {e}); give another --db")
    if code == _FULL:
        return StoreFull(f"database {where}: the disk is full; free some space and run again "
                         "(what was stored is kept)")
    if code in (_CANTOPEN, _READONLY, _IOERR, _PERM):
        return StoreUnavailable(
            f"database {where}: {e}; check that the file and its folder exist and are writable: "
            "SQLite keeps -wal and -shm files beside the database, even to read it")
    return StoreError(f"database {where}: {e}")


class _Connection(sqlite3.Connection):
    """A connection whose statements raise the store's exceptions, not sqlite3's."""

    where = "?"

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:  # type: ignore[override]
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as e:
            raise store_error(e, self.where) from e

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:  # type: ignore[override]
        try:
            return super().executemany(sql, parameters)
        except sqlite3.Error as e:
            raise store_error(e, self.where) from e


class SQLiteStore:
    """A Tidings database in one SQLite file.

    Safe to share between threads (the web server's); writes are serialised by a lock.
    Use `with store.transaction():` to make a group of writes atomic: an ingest killed
    midway leaves whole articles or none. Several processes may write to one file: each
    waits its turn for the write lock (retrying with jitter, up to `busy_timeout`), so
    keep transactions short (do the slow work before taking it).
    """

    def __init__(self, path: str | Path = "tidings.db", busy_timeout: float = 10.0) -> None:
        """`busy_timeout`: seconds to wait for another writer before giving up."""
        self.path = str(path)
        self.url = self.path
        self.dsn = self.path
        self.busy_timeout = busy_timeout
        if self.path != ":memory:" and not self.path.startswith("file:"):
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                                 factory=_Connection, uri=self.path.startswith("file:"))
        except sqlite3.Error as e:
            raise store_error(e, self.path) from e
        assert isinstance(db, _Connection)
        db.where = self.path
        db.row_factory = sqlite3.Row
        self._db = db
        self._lock = threading.RLock()
        self._depth = 0
        self._held: deque[float] = deque(maxlen=10_000)
        self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000):d}")
        # Switching a fresh file to WAL needs it to itself: another process opening it at
        # the same moment makes that fail at once, whatever the busy timeout.
        self._retry_busy(lambda: self._db.execute("PRAGMA journal_mode=WAL"))
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    # --- plumbing ---
    def _migrate(self) -> None:
        if self._check_version() == len(MIGRATIONS):
            return
        # The write lock before reading the version again: two processes opening a fresh
        # database must not both see version 0 and both create the tables.
        with self.transaction():
            version = self._check_version()
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _split_sql(script):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number:d}")

    def _check_version(self) -> int:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreTooNew(
                f"{self.path}: database schema version {version} is newer than this "
                f"Tidings ({len(MIGRATIONS)}); upgrade Tidings to open it."
            )
        return version

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def shared(self) -> bool:
        return self.path != ":memory:" and not self.path.startswith("file:")

    def reopen(self) -> SQLiteStore:
        """Another connection to the same file (itself for an in-memory database)."""
        return SQLiteStore(self.path, busy_timeout=self.busy_timeout) if self.shared else self

    def write_lock_stats(self) -> list[float]:
        return list(self._held)

    def _retry_busy(self, attempt: Any) -> Any:
        """`attempt()` until it does not fail for a busy database, waiting a random, growing
        time between tries (writers retrying in step would collide again), at most
        `busy_timeout` seconds in all."""
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.002
        while True:
            try:
                return attempt()
            except StoreBusy:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(min(random.uniform(0.5, 1.5) * delay, max(0.0, deadline - time.monotonic())))
                delay = min(delay * 2, 0.05)

    def _begin(self) -> None:
        # The wait is ours (with jitter) rather than SQLite's busy handler, whose fixed
        # steps keep two waiting writers in lock step.
        self._db.execute("PRAGMA busy_timeout = 0")
        try:
            self._retry_busy(lambda: self._db.execute("BEGIN IMMEDIATE"))
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000):d}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            started = 0.0
            if self._depth == 0:
                self._begin()
                started = time.perf_counter()
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._db.execute("ROLLBACK")
                    self._held.append(time.perf_counter() - started)
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    try:
                        self._db.execute("COMMIT")
                    except StoreError:
                        self._db.execute("ROLLBACK")
                        raise
                    finally:
                        self._held.append(time.perf_counter() - started)

    def _q(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, tuple(params)).fetchall()
            except sqlite3.Error as e:
                raise store_error(e, self.path) from e

    def _x(self, sql: str, params: Iterable[Any] = ()) -> None:
        with self.transaction():
            self._db.execute(sql, tuple(params))

    def _many(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        with self.transaction():
            self._db.executemany(sql, [tuple(r) for r in rows])

    def close(self) -> None:
        self._db.close()

    def last_article_seq(self) -> int:
        """Arrival number of the newest article (0 when empty): it moves only when articles
        are added, so a writer can tell whether another process added some since it looked."""
        return self._q("SELECT coalesce(max(seq), 0) FROM articles")[0][0]

    # --- articles ---
    def has_article(self, article_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def stored_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` already stored."""
        ids = list(dict.fromkeys(ids))
        out: set[str] = set()
        for chunk in _chunks(ids, 500):
            rows = self._q(f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            out.update(r["id"] for r in rows)
        return out

    def article_by_hash(self, content_hash: str) -> str | None:
        rows = self._q(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1", (content_hash,)
        )
        return rows[0]["id"] if rows else None

    def add_article(self, a: Article) -> bool:
        """Insert an article; False (and nothing written) when its id is already stored."""
        with self.transaction():
            cur = self._db.execute(
                f"INSERT OR IGNORE INTO articles ({_ARTICLE_COLS}, ingested_at) "
                f"VALUES ({', '.join('?' * 17)})",
                (
                    a.id, a.origin, a.url, a.source, a.lang, a.lang_score, a.date,
                    a.date_source, a.title, a.text, a.raw, a.author, a.content_hash,
                    a.duplicate_of, a.status, json.dumps(a.problems, ensure_ascii=False),
                    _now(),
                ),
            )
            return cur.rowcount == 1

    def _article(self, row: sqlite3.Row) -> Article:
        d = dict(row)
        d["problems"] = json.loads(d["problems"])
        for k in ("seq", "ingested_at"):
            d.pop(k, None)
        return Article(**d)

    def get_article(self, article_id: str) -> Article | None:
        rows = self._q(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
        return self._article(rows[0]) if rows else None

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        """Articles with these ids, in the order given (unknown ids are left out)."""
        ids = list(ids)
        found: dict[str, Article] = {}
        for chunk in _chunks(ids, 500):
            rows = self._q(
                f"SELECT {_ARTICLE_COLS} FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for r in rows:
                found[r["id"]] = self._article(r)
        return [found[i] for i in ids if i in found]

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles in arrival order."""
        rows = self._q(
            f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY seq LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [self._article(r) for r in rows]

    def count_articles(self) -> int:
        return self._q("SELECT count(*) FROM articles")[0][0]

    def search_articles(self, query: str, limit: int = 200) -> list[str]:
        """Ids of articles whose title or text contains `query` (any script; 3+ characters)."""
        # A NUL ends the FTS5 query string early ("unterminated string"); it is never text.
        q = query.replace("\x00", "").strip()
        if not q:
            return []  # instr(text, '') is 1: a blank query would match every article
        if len(q) < 3:
            # Too short for the trigram index: a scan. LIKE skips ahead to an ASCII first
            # letter (3x faster than instr on long texts; other scripts about the same) and,
            # like the index, ignores ASCII case.
            pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self._q(
                "SELECT id FROM articles WHERE title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\' "
                "ORDER BY seq DESC LIMIT ?",
                (pattern, pattern, limit),
            )
            return [r["id"] for r in rows]
        phrase = '"' + q.replace('"', '""') + '"'
        rows = self._q(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (phrase, limit),
        )
        return [r["id"] for r in rows]

    # --- problems: input that could not be processed, kept with its reason ---
    def add_problem(self, p: Problem) -> None:
        self._x(
            "INSERT INTO problems (origin, line, reason, raw, at) VALUES (?, ?, ?, ?, ?)",
            (p.origin, p.line, p.reason, p.raw, _now()),
        )

    def problems(self) -> list[Problem]:
        rows = self._q("SELECT origin, line, reason, raw FROM problems ORDER BY seq")
        return [Problem(**dict(r)) for r in rows]

    # --- near-duplicate index (MinHash bands) ---
    def add_dup_bands(self, article_id: str, bands: Iterable[str]) -> None:
        with self.transaction():
            self._db.executemany(
                "INSERT INTO dup_bands (band, article_id) VALUES (?, ?)",
                [(b, article_id) for b in bands],
            )

    def dup_candidates(self, bands: Iterable[str]) -> list[str]:
        """Ids of earlier articles sharing a band, oldest first."""
        bands = list(bands)
        if not bands:
            return []
        rows = self._q(
            "SELECT DISTINCT d.article_id FROM dup_bands d JOIN articles a ON a.id = d.article_id "
            f"WHERE d.band IN ({','.join('?' * len(bands))}) ORDER BY a.seq",
            bands,
        )
        return [r["article_id"] for r in rows]

    def dup_candidates_ranked(self, bands: Iterable[str], limit: int = 20) -> list[tuple[str, int]]:
        """(id, bands shared) of the `limit` earlier articles sharing most bands, oldest first.

        Sharing more bands means more similar, so a few checks find the true copies even
        when many articles share a band or two (templated or boilerplate-heavy text)."""
        bands = list(bands)
        if not bands:
            return []
        rows = self._q(
            "SELECT article_id, shared FROM ("
            "  SELECT d.article_id, count(*) AS shared, a.seq FROM dup_bands d"
            "  JOIN articles a ON a.id = d.article_id"
            f"  WHERE d.band IN ({','.join('?' * len(bands))})"
            "  GROUP BY d.article_id ORDER BY shared DESC, a.seq LIMIT ?"
            ") ORDER BY seq",
            [*bands, limit],
        )
        return [(r["article_id"], r["shared"]) for r in rows]

    # --- lines that repeat across one outlet's articles (site furniture) ---
    def count_outlet_lines(self, source: str, line_hashes: Iterable[str]) -> None:
        with self.transaction():
            self._db.executemany(
                "INSERT INTO outlet_lines (source, line_hash, n) VALUES (?, ?, 1) "
                "ON CONFLICT (source, line_hash) DO UPDATE SET n = n + 1",
                [(source, h) for h in set(line_hashes)],
            )

    def outlet_line_counts(self, source: str, line_hashes: Iterable[str]) -> dict[str, int]:
        hashes = list(set(line_hashes))
        out: dict[str, int] = {}
        for chunk in _chunks(hashes, 500):
            rows = self._q(
                "SELECT line_hash, n FROM outlet_lines WHERE source = ? "
                f"AND line_hash IN ({','.join('?' * len(chunk))})",
                [source, *chunk],
            )
            out.update({r["line_hash"]: r["n"] for r in rows})
        return out

    # --- features: names, figures, dates, embedding ---
    def put_features(self, f: Features) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO features (article_id, figures, dates_mentioned, event_time, "
                "embedding) VALUES (?, ?, ?, ?, ?)",
                (
                    f.article_id,
                    json.dumps([asdict(x) for x in f.figures], ensure_ascii=False),
                    json.dumps(f.dates_mentioned),
                    f.event_time,
                    _blob(f.embedding),
                ),
            )
            self._db.execute("DELETE FROM names WHERE article_id = ?", (f.article_id,))
            self._db.executemany(
                "INSERT INTO names (article_id, key, surface, kind, count) VALUES (?, ?, ?, ?, ?)",
                [(f.article_id, m.key, m.surface, m.kind, m.count) for m in f.names],
            )

    def get_features(self, ids: Iterable[str]) -> dict[str, Features]:
        ids = list(ids)
        out: dict[str, Features] = {}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in self._q(f"SELECT * FROM features WHERE article_id IN ({marks})", chunk):
                out[r["article_id"]] = Features(
                    article_id=r["article_id"],
                    figures=[Figure(**x) for x in json.loads(r["figures"])],
                    dates_mentioned=json.loads(r["dates_mentioned"]),
                    event_time=r["event_time"],
                    embedding=_vec(r["embedding"]),
                )
            for r in self._q(
                f"SELECT article_id, key, surface, kind, count FROM names "
                f"WHERE article_id IN ({marks}) ORDER BY rowid",
                chunk,
            ):
                f = out.get(r["article_id"])
                if f is not None:
                    f.names.append(Mention(r["key"], r["surface"], r["kind"], r["count"]))
        return out

    def articles_with_name(self, key: str) -> list[str]:
        return [r["article_id"] for r in self._q(
            "SELECT DISTINCT article_id FROM names WHERE key = ?", (key,))]

    def name_surfaces(self, key: str) -> dict[str, int]:
        """How often each spelling of the entity `key` was seen."""
        rows = self._q(
            "SELECT surface, sum(count) AS n FROM names WHERE key = ? GROUP BY surface "
            "ORDER BY n DESC",
            (key,),
        )
        return {r["surface"]: r["n"] for r in rows}

    def name_keys_for_surface(self, surface: str) -> list[str]:
        return [r["key"] for r in self._q(
            "SELECT DISTINCT key FROM names WHERE surface = ? COLLATE NOCASE", (surface,))]

    def known_name_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` were seen as names written in Latin letters (a cased script,
        where capitals made them names), for recognising names in Devanagari text."""
        keys = list(set(keys))
        out: set[str] = set()
        for chunk in _chunks(keys, 500):
            rows = self._q(
                f"SELECT DISTINCT key FROM names WHERE key IN ({','.join('?' * len(chunk))}) "
                "AND surface GLOB '*[A-Za-z]*'",
                chunk,
            )
            out.update(r["key"] for r in rows)
        return out

    def name_document_counts(self, keys: Iterable[str]) -> dict[str, int]:
        """How many stored articles name each of `keys` (for weighting names by rarity)."""
        keys = list(set(keys))
        out: dict[str, int] = {}
        for chunk in _chunks(keys, 500):
            rows = self._q(
                "SELECT key, count(DISTINCT article_id) AS n FROM names "
                f"WHERE key IN ({','.join('?' * len(chunk))}) GROUP BY key",
                chunk,
            )
            out.update({r["key"]: r["n"] for r in rows})
        return out

    # --- embedding cache, by content hash of the embedded text ---
    def cached_embeddings(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        hashes = list(hashes)
        out: dict[str, np.ndarray] = {}
        for chunk in _chunks(hashes, 500):
            rows = self._q(
                f"SELECT hash, vector FROM embedding_cache WHERE hash IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            out.update({r["hash"]: _vec(r["vector"]) for r in rows})
        return out

    def cache_embeddings(self, vectors: dict[str, Any]) -> None:
        with self.transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO embedding_cache (hash, vector) VALUES (?, ?)",
                [(h, _blob(v)) for h, v in vectors.items()],
            )

    # --- events ---
    def put_event(self, e: Event, state: dict[str, Any] | None = None, centroid: Any = None) -> None:
        """Insert or update an event's summary row; `state` is the clusterer's own JSON."""
        now = _now()
        self._x(
            "INSERT INTO events (id, title, first_time, last_time, languages, sources, n_articles, "
            "state, centroid, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_time = excluded.first_time, "
            "last_time = excluded.last_time, languages = excluded.languages, "
            "sources = excluded.sources, n_articles = excluded.n_articles, state = excluded.state, "
            "centroid = excluded.centroid, updated_at = excluded.updated_at",
            (
                e.id, e.title, e.first_time, e.last_time, json.dumps(e.languages),
                json.dumps(e.sources, ensure_ascii=False), len(e.article_ids),
                json.dumps(state or {}, ensure_ascii=False), _blob(centroid), now, now,
            ),
        )
        self._x("DELETE FROM removed_events WHERE id = ?", (e.id,))

    def set_event_story(self, event_id: str, story_id: str | None) -> None:
        self._x("UPDATE events SET story = ? WHERE id = ?", (story_id, event_id))

    def story_of(self, event_id: str) -> str | None:
        rows = self._q("SELECT story FROM events WHERE id = ?", (event_id,))
        return rows[0]["story"] if rows else None

    def stories(self, limit: int | None = None) -> list[dict[str, Any]]:
        return group_stories(self._q(STORY_ROWS), limit)

    def list_stories(self, *, min_events: int = 1, limit: int = 50, offset: int = 0,
                     story_id: str | None = None) -> tuple[list[dict[str, Any]], int]:
        """One page of stories of at least `min_events` events, most recent first: id,
        title (of its largest event), first/last time, events and articles; and the total."""
        groups = (story_id, story_id, min_events)
        total = self._q(f"SELECT count(*) FROM ({_STORY_GROUPS})", groups)[0][0]
        rows = self._q(f"SELECT g.*, (SELECT title FROM events e WHERE e.story = g.id "
                       f"ORDER BY e.n_articles DESC, e.id LIMIT 1) AS title FROM ({_STORY_GROUPS}) g "
                       f"ORDER BY {_STORY_ORDER} LIMIT ? OFFSET ?", (*groups, limit, offset))
        return [dict(r) for r in rows], total

    def story_event_ids(self, story_id: str) -> list[str]:
        rows = self._q("SELECT id FROM events WHERE story = ? AND n_articles > 0 "
                       "ORDER BY first_time IS NULL, first_time, id", (story_id,))
        return [r["id"] for r in rows]

    def delete_event(self, event_id: str) -> None:
        with self.transaction():
            self._x("DELETE FROM events WHERE id = ?", (event_id,))
            self._x("DELETE FROM briefs WHERE event_id = ?", (event_id,))
            self._x("INSERT OR REPLACE INTO removed_events (id, at) VALUES (?, ?)",
                    (event_id, _now()))

    def removed_events_since(self, stamp: str) -> list[str]:
        """Ids of events removed (merged into another) at or after `stamp`."""
        return [r["id"] for r in self._q(
            "SELECT id FROM removed_events WHERE at >= ? ORDER BY at", (stamp,))]

    def assign(self, article_id: str, event_id: str, score: float | None = None) -> None:
        self._x(
            "INSERT INTO event_articles (article_id, event_id, score, joined_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, "
            "score = excluded.score",
            (article_id, event_id, score, _now()),
        )

    def event_of(self, article_id: str) -> str | None:
        rows = self._q("SELECT event_id FROM event_articles WHERE article_id = ?", (article_id,))
        return rows[0]["event_id"] if rows else None

    def event_states(self) -> Iterator[tuple[str, dict[str, Any], np.ndarray | None]]:
        """Every event's clusterer state, for rebuilding the in-memory index."""
        for r in self._q("SELECT id, state, centroid FROM events"):
            yield r["id"], json.loads(r["state"]), _vec(r["centroid"])

    def event_states_of(self, event_ids: Iterable[str]) -> list[tuple[str, dict[str, Any], np.ndarray | None]]:
        """The clusterer state of these events (those stored), for bringing back some."""
        out: list[tuple[str, dict[str, Any], np.ndarray | None]] = []
        for chunk in _chunks(list(dict.fromkeys(event_ids)), 500):
            rows = self._q(f"SELECT id, state, centroid FROM events WHERE id IN ({','.join('?' * len(chunk))})",
                           chunk)
            out.extend((r["id"], json.loads(r["state"]), _vec(r["centroid"])) for r in rows)
        return out

    def _event(self, r: sqlite3.Row, with_articles: bool) -> Event:
        ids = self.event_article_ids(r["id"]) if with_articles else []
        return Event(
            id=r["id"], title=r["title"], first_time=r["first_time"], last_time=r["last_time"],
            languages=json.loads(r["languages"]), article_ids=ids,
            sources=json.loads(r["sources"]),
        )

    def event_article_ids(self, event_id: str) -> list[str]:
        rows = self._q(
            "SELECT ea.article_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
            "WHERE ea.event_id = ? ORDER BY a.date IS NULL, a.date, a.seq",
            (event_id,),
        )
        return [r["article_id"] for r in rows]

    def get_event(self, event_id: str) -> Event | None:
        rows = self._q("SELECT * FROM events WHERE id = ?", (event_id,))
        return self._event(rows[0], True) if rows else None

    def events(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        lang: str | None = None,
        ids: Iterable[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events, most recent and largest first, filtered by time overlap, language, ids."""
        cond, params = _event_filter(since, until, lang, ids, None)
        if cond is None:
            return []
        rows = self._q(
            f"SELECT * FROM events WHERE {cond} ORDER BY {_EVENT_ORDER} LIMIT ? OFFSET ?",
            [*params, -1 if limit is None else limit, offset],
        )
        return [self._event(r, with_articles=True) for r in rows]

    def count_events(self) -> int:
        return self._q("SELECT count(*) FROM events WHERE n_articles > 0")[0][0]

    def event_times(self, event_id: str) -> dict[str, str]:
        rows = self._q("SELECT created_at, updated_at FROM events WHERE id = ?", (event_id,))
        return dict(rows[0]) if rows else {}

    def events_changed_since(self, stamp: str) -> list[Event]:
        rows = self._q(
            "SELECT * FROM events WHERE updated_at > ? AND n_articles > 0 ORDER BY updated_at DESC",
            (stamp,),
        )
        return [self._event(r, with_articles=True) for r in rows]

    # --- web: event listing, entity and search look-ups ---
    def list_events(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        lang: str | None = None,
        ids: Iterable[str] | None = None,
        changed_since: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of event summaries (no article ids) and the total matching.

        Same order and filters as `events`, plus `changed_since` (updated_at at or after the
        stamp: stamps have one-second resolution, so the poller re-reads its last second
        rather than miss an update made within it). Each row has `growth`: its articles dated
        within the last day of its coverage.
        """
        cond, params = _event_filter(since, until, lang, ids, changed_since)
        if cond is None:
            return [], 0
        total = self._q(f"SELECT count(*) FROM events WHERE {cond}", params)[0][0]
        order = _EVENT_ORDER
        rows = self._q(
            f"WITH page AS (SELECT id, title, first_time, last_time, languages, sources, n_articles, "
            f"created_at, updated_at, story FROM events WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?) "
            "SELECT page.*, (SELECT count(*) FROM event_articles ea JOIN articles a "
            "ON a.id = ea.article_id WHERE ea.event_id = page.id "
            "AND julianday(a.date) >= julianday(page.last_time) - 1) AS growth, "
            "(SELECT count(*) FROM events s WHERE s.story = page.story AND s.n_articles > 0) AS story_events "
            f"FROM page ORDER BY {order}",
            [*params, limit, offset],
        )
        out = []
        for r in rows:
            d = dict(r)
            d["languages"] = json.loads(d["languages"])
            d["sources"] = json.loads(d["sources"])
            out.append(d)
        return out, total

    def events_stamp(self) -> str | None:
        """The latest event update time: a live-update poller asks for changes since it."""
        return self._q("SELECT max(updated_at) FROM events")[0][0]

    def events_with_names(self, keys: Iterable[str]) -> list[str]:
        """Ids of events with an article mentioning any of the entity `keys`."""
        keys = list(keys)
        if not keys:
            return []
        rows = self._q(
            "SELECT DISTINCT ea.event_id FROM names n JOIN event_articles ea "
            "ON ea.article_id = n.article_id WHERE n.key IN (SELECT value FROM json_each(?))",
            (json.dumps(keys, ensure_ascii=False),),
        )
        return [r["event_id"] for r in rows]

    def events_of_articles(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article id -> event id, for those assigned to an event."""
        ids = list(article_ids)
        if not ids:
            return {}
        rows = self._q(
            "SELECT article_id, event_id FROM event_articles "
            "WHERE article_id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids, ensure_ascii=False),),
        )
        return {r["article_id"]: r["event_id"] for r in rows}

    def name_kinds(self, key: str) -> dict[str, int]:
        """How often the entity `key` was tagged person, place, org or plain name."""
        rows = self._q(
            "SELECT kind, sum(count) AS n FROM names WHERE key = ? GROUP BY kind ORDER BY n DESC",
            (key,),
        )
        return {r["kind"]: r["n"] for r in rows}

    def stored_name_keys(self, keys: Iterable[str]) -> list[str]:
        """Those of `keys` that some stored article mentions (any script), in the order given."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        rows = self._q(
            "SELECT DISTINCT key FROM names WHERE key IN (SELECT value FROM json_each(?))",
            (json.dumps(keys, ensure_ascii=False),),
        )
        found = {r["key"] for r in rows}
        return [k for k in keys if k in found]

    # --- briefs ---
    def put_brief(self, event_id: str, lang: str, body: dict[str, Any], n_articles: int) -> None:
        self._x(
            "INSERT OR REPLACE INTO briefs (event_id, lang, body, n_articles, built_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (event_id, lang, json.dumps(body, ensure_ascii=False), n_articles, _now()),
        )

    def get_brief(self, event_id: str, lang: str) -> tuple[dict[str, Any], int] | None:
        """The stored brief and the article count it was built from."""
        rows = self._q(
            "SELECT body, n_articles FROM briefs WHERE event_id = ? AND lang = ?", (event_id, lang)
        )
        return (json.loads(rows[0]["body"]), rows[0]["n_articles"]) if rows else None

    def forget_briefs(self, event_ids: Iterable[str]) -> None:
        for chunk in _chunks(list(event_ids), 500):
            self._x(f"DELETE FROM briefs WHERE event_id IN ({','.join('?' * len(chunk))})", chunk)

    # --- live sources: feeds, article pages to fetch, watched files ---
    def add_feed(self, url: str, name: str | None = None) -> bool:
        """Add a feed to poll; False when it is already there (its name is then updated
        if one is given)."""
        with self.transaction():
            cur = self._db.execute(
                "INSERT OR IGNORE INTO feeds (url, name, added_at) VALUES (?, ?, ?)",
                (url, name, _now()))
            if cur.rowcount == 0 and name:
                self._db.execute("UPDATE feeds SET name = ? WHERE url = ?", (name, url))
            return cur.rowcount == 1

    def remove_feed(self, url: str) -> bool:
        with self.transaction():
            return self._db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount == 1

    def feeds(self) -> list[Feed]:
        rows = self._q("SELECT * FROM feeds ORDER BY id")
        return [Feed(**dict(r)) for r in rows]

    def record_feed_poll(self, feed_id: int, *, status: str, error: str | None = None,
                         etag: str | None = None, last_modified: str | None = None,
                         pages: Iterable[PageFetch] = ()) -> int:
        """The outcome of one poll and the pages its entries name, in one transaction (a
        kill leaves the poll unrecorded, so the next one reads the feed again). Returns
        how many pages were new."""
        now = _now()
        with self.transaction():
            new = 0
            seen = 0
            for page in pages:
                seen += 1
                cur = self._db.execute(
                    "INSERT OR IGNORE INTO page_fetches (url, feed_id, state, entry, next_try, "
                    "created_at, updated_at) VALUES (?, ?, 'pending', ?, ?, ?, ?)",
                    (page.url, feed_id, json.dumps(page.entry, ensure_ascii=False), now, now, now))
                new += cur.rowcount
            ok = status != "error"
            self._db.execute(
                "UPDATE feeds SET last_poll = ?, last_status = ?, polls = polls + 1, "
                "entries = entries + ?, "
                "not_modified = not_modified + ?, errors = errors + ?, "
                "last_ok = CASE WHEN ? THEN ? ELSE last_ok END, "
                "last_error = CASE WHEN ? THEN NULL ELSE ? END, "
                "etag = CASE WHEN ? THEN ? ELSE etag END, "
                "last_modified = CASE WHEN ? THEN ? ELSE last_modified END WHERE id = ?",
                (now, status, new, int(status == "not modified"), int(not ok), ok, now, ok, error,
                 status == "ok", etag, status == "ok", last_modified, feed_id))
            return new

    def add_page_fetch(self, page: PageFetch) -> bool:
        """A page to fetch (a URL given to ingest); False when it is already known."""
        now = _now()
        with self.transaction():
            cur = self._db.execute(
                "INSERT OR IGNORE INTO page_fetches (url, feed_id, state, entry, next_try, "
                "created_at, updated_at) VALUES (?, ?, 'pending', ?, ?, ?, ?)",
                (page.url, page.feed_id, json.dumps(page.entry, ensure_ascii=False), now, now, now))
            return cur.rowcount == 1

    def _page(self, r: sqlite3.Row) -> PageFetch:
        return PageFetch(url=r["url"], feed_id=r["feed_id"], state=r["state"],
                         entry=json.loads(r["entry"]), attempts=r["attempts"],
                         last_error=r["last_error"], next_try=r["next_try"],
                         article_id=r["article_id"])

    def page_fetch(self, url: str) -> PageFetch | None:
        rows = self._q("SELECT * FROM page_fetches WHERE url = ?", (url,))
        return self._page(rows[0]) if rows else None

    def due_page_fetches(self, now: str, limit: int = 1000) -> list[PageFetch]:
        """Pages still to fetch whose next try has come, oldest first."""
        rows = self._q(
            "SELECT * FROM page_fetches WHERE state = 'pending' AND next_try <= ? "
            "ORDER BY created_at, url LIMIT ?", (now, limit))
        return [self._page(r) for r in rows]

    def page_fetches(self, state: str | None = None, limit: int = 1000) -> list[PageFetch]:
        rows = self._q(
            "SELECT * FROM page_fetches WHERE ? IS NULL OR state = ? ORDER BY updated_at DESC "
            "LIMIT ?", (state, state, limit))
        return [self._page(r) for r in rows]

    def page_fetch_counts(self) -> dict[int | None, dict[str, int]]:
        """feed id -> {state: pages}, plus "retrying" (pending pages that failed before)."""
        out: dict[int | None, dict[str, int]] = {}
        for r in self._q("SELECT feed_id, state, attempts > 0 AS failed, count(*) AS n "
                         "FROM page_fetches GROUP BY feed_id, state, attempts > 0"):
            counts = out.setdefault(r["feed_id"], {})
            key = "retrying" if r["state"] == "pending" and r["failed"] else r["state"]
            counts[key] = counts.get(key, 0) + r["n"]
        return out

    def page_done(self, url: str, article_id: str | None, body_hash: str | None = None,
                  state: str = "done", error: str | None = None) -> None:
        self._x(
            "UPDATE page_fetches SET state = ?, article_id = ?, body_hash = ?, last_error = "
            "coalesce(?, last_error), updated_at = ? WHERE url = ?",
            (state, article_id, body_hash, error, _now(), url))

    def page_failed(self, url: str, error: str, next_try: str) -> None:
        self._x(
            "UPDATE page_fetches SET attempts = attempts + 1, last_error = ?, next_try = ?, "
            "updated_at = ? WHERE url = ?", (error, next_try, _now(), url))

    def page_with_body(self, body_hash: str) -> str | None:
        """The article stored from a page with these very bytes, if any."""
        rows = self._q("SELECT article_id FROM page_fetches WHERE body_hash = ? AND state = 'done' "
                       "AND article_id IS NOT NULL LIMIT 1", (body_hash,))
        return rows[0]["article_id"] if rows else None

    def watched_file(self, path: str) -> tuple[int, float] | None:
        rows = self._q("SELECT size, mtime FROM watched_files WHERE path = ?", (path,))
        return (rows[0]["size"], rows[0]["mtime"]) if rows else None

    def mark_watched_file(self, path: str, size: int, mtime: float) -> None:
        self._x("INSERT OR REPLACE INTO watched_files (path, size, mtime, at) VALUES (?, ?, ?, ?)",
                (path, size, mtime, _now()))


_EVENT_ORDER = "last_time IS NULL, last_time DESC, n_articles DESC, id"
_STORY_GROUPS = ("SELECT story AS id, count(*) AS events, sum(n_articles) AS articles, "
                 "min(first_time) AS first_time, max(last_time) AS last_time FROM events "
                 "WHERE story IS NOT NULL AND n_articles > 0 AND (? IS NULL OR story = ?) "
                 "GROUP BY story HAVING count(*) >= ?")
_STORY_ORDER = "last_time IS NULL, last_time DESC, articles DESC, id"


def _event_filter(since, until, lang, ids, changed_since) -> tuple[str | None, list[Any]]:
    """WHERE clause and parameters shared by the event listings; None when `ids` is empty
    (nothing can match)."""
    where, params = ["n_articles > 0"], []
    if since:
        where.append("(last_time IS NULL OR last_time >= ?)")
        params.append(since)
    if until:
        where.append("(first_time IS NULL OR first_time <= ?)")
        params.append(until)
    if lang:
        where.append("EXISTS (SELECT 1 FROM json_each(events.languages) WHERE value = ?)")
        params.append(lang)
    if changed_since:
        # Stamps have one-second resolution: re-read the last second rather than miss it.
        where.append("updated_at >= ?")
        params.append(changed_since)
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return None, []
        where.append("id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    return " AND ".join(where), params


def _chunks(items: list[Any], n: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        text = "\n".join(buf).strip()
        if text.endswith(";") and sqlite3.complete_statement(text):
            out.append(text)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf))
    return out
