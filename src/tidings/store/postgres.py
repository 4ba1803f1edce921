"""The PostgreSQL store: the same interface as the SQLite one, on a server.

For newsrooms keeping millions of articles, and for several machines writing at once.
Schema versioned by its own numbered migrations (in the table tidings_schema). Every
statement takes its values as parameters (psycopg), never by string building.

Writers are serialised by a transaction-scoped advisory lock, as SQLite's write lock
serialises them: a batch checks what is stored and assigns events knowing nobody writes
between its look and its commit. Readers never wait. Full-text search is a substring
match (ILIKE) backed by pg_trgm trigram indexes, which works for every script.

Text columns that are compared or sorted (ids, times, keys) use the "C" collation, so
order and comparisons are by code point, as in SQLite; titles and texts keep the
database's collation, whose case rules ILIKE uses (any script, in a UTF-8 locale).
PostgreSQL text cannot hold NUL characters: they are stored as U+FFFD.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import deque
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

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

try:
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg.rows import dict_row
except ImportError as e:  # an optional extra: say how to get it
    raise StoreUnavailable(
        f"PostgreSQL support needs psycopg ({e}); install it with "
        "`pip install 'tidings[postgres]'`") from None

C = 'TEXT COLLATE "C"'

MIGRATIONS: list[str] = [
    # 1: the first schema, as SQLite's migrations 1-3
    f"""
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE articles (
        seq BIGSERIAL PRIMARY KEY,
        id {C} NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        url TEXT, source {C}, lang {C}, lang_score DOUBLE PRECISION,
        date {C}, date_source {C},
        title TEXT NOT NULL, text TEXT NOT NULL, raw TEXT NOT NULL,
        author TEXT, content_hash {C} NOT NULL,
        duplicate_of {C}, status {C} NOT NULL, problems TEXT NOT NULL,
        ingested_at {C} NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_date ON articles(date);
    CREATE INDEX articles_title_trgm ON articles USING gin (title gin_trgm_ops);
    CREATE INDEX articles_text_trgm ON articles USING gin (text gin_trgm_ops);
    CREATE TABLE problems (
        seq BIGSERIAL PRIMARY KEY,
        origin TEXT NOT NULL, line INTEGER, reason TEXT NOT NULL, raw TEXT,
        at {C} NOT NULL
    );
    CREATE TABLE dup_bands (band {C} NOT NULL, article_id {C} NOT NULL);
    CREATE INDEX dup_bands_band ON dup_bands(band);
    CREATE TABLE outlet_lines (
        source {C} NOT NULL, line_hash {C} NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (source, line_hash)
    );
    CREATE TABLE features (
        article_id {C} PRIMARY KEY,
        figures TEXT NOT NULL, dates_mentioned TEXT NOT NULL, event_time {C},
        embedding BYTEA
    );
    CREATE TABLE names (
        seq BIGSERIAL PRIMARY KEY,
        article_id {C} NOT NULL, key {C} NOT NULL, surface {C} NOT NULL,
        kind {C} NOT NULL, count INTEGER NOT NULL
    );
    CREATE INDEX names_key ON names(key);
    CREATE INDEX names_article ON names(article_id);
    CREATE INDEX names_surface ON names(lower(surface));
    CREATE TABLE embedding_cache (hash {C} PRIMARY KEY, vector BYTEA NOT NULL);
    CREATE TABLE events (
        id {C} PRIMARY KEY,
        title TEXT NOT NULL,
        first_time {C}, last_time {C},
        languages TEXT NOT NULL, sources TEXT NOT NULL,
        n_articles INTEGER NOT NULL,
        state TEXT NOT NULL,
        centroid BYTEA,
        created_at {C} NOT NULL, updated_at {C} NOT NULL
    );
    CREATE INDEX events_last ON events(last_time);
    CREATE INDEX events_listing ON events((last_time IS NULL), last_time DESC, n_articles DESC, id);
    CREATE INDEX events_updated ON events(updated_at);
    CREATE TABLE event_articles (
        article_id {C} PRIMARY KEY,
        event_id {C} NOT NULL,
        score DOUBLE PRECISION,
        joined_at {C} NOT NULL
    );
    CREATE INDEX event_articles_event ON event_articles(event_id);
    CREATE TABLE briefs (
        event_id {C} NOT NULL, lang {C} NOT NULL, body TEXT NOT NULL,
        n_articles INTEGER NOT NULL, built_at {C} NOT NULL,
        PRIMARY KEY (event_id, lang)
    );
    CREATE TABLE removed_events (id {C} PRIMARY KEY, at {C} NOT NULL);
    CREATE INDEX removed_events_at ON removed_events(at);
    """,
    # 2: live sources, as SQLite's migration 4
    f"""
    CREATE TABLE feeds (
        id BIGSERIAL PRIMARY KEY,
        url TEXT NOT NULL UNIQUE, name TEXT, added_at {C} NOT NULL,
        etag TEXT, last_modified TEXT,
        last_poll {C}, last_ok {C}, last_status TEXT, last_error TEXT,
        polls INTEGER NOT NULL DEFAULT 0, not_modified INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0, entries INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE page_fetches (
        url TEXT PRIMARY KEY, feed_id BIGINT, state TEXT NOT NULL, entry TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_try {C},
        article_id {C}, body_hash TEXT, created_at {C} NOT NULL, updated_at {C} NOT NULL
    );
    CREATE INDEX page_fetches_due ON page_fetches(state, next_try);
    CREATE INDEX page_fetches_body ON page_fetches(body_hash);
    CREATE TABLE watched_files (
        path TEXT PRIMARY KEY, size BIGINT NOT NULL, mtime DOUBLE PRECISION NOT NULL, at {C} NOT NULL
    );
    """,
    # 3: stories, as SQLite's migration 5
    f"""
    ALTER TABLE events ADD COLUMN story {C};
    CREATE INDEX events_story ON events(story);
    """,
]

# One key for the advisory lock that serialises Tidings writers on this database.
_WRITE_LOCK = 0x7469_6469_6E67  # "tiding"
_ARTICLE_COLS = (
    "id, origin, url, source, lang, lang_score, date, date_source, title, text, raw, "
    "author, content_hash, duplicate_of, status, problems"
)
_EVENT_ORDER = "last_time IS NULL, last_time DESC, n_articles DESC, id"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _vec(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(bytes(blob), dtype=np.float32)


def _blob(vec: Any) -> bytes | None:
    return None if vec is None else np.asarray(vec, dtype=np.float32).tobytes()


def _t(value: Any) -> Any:
    """A string as PostgreSQL can hold it: no NUL, no lone surrogate."""
    if not isinstance(value, str):
        return value
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def _julian(value: str | None) -> float | None:
    """Days of an ISO date(-time), as SQLite's julianday (None when it is not one, e.g. a
    month-only date); times without a zone count as UTC."""
    if not value or len(value) < 10:
        return None
    try:
        d = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return d.timestamp() / 86400.0


def _safe_url(url: str) -> str:
    """The URL without its password, for messages and `store.url`."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://…"
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


def store_error(e: Exception, where: str) -> StoreError:
    """The store's own exception for an error from psycopg, with what to do about it."""
    if isinstance(e, (pg_errors.LockNotAvailable, pg_errors.DeadlockDetected,
                      pg_errors.SerializationFailure, pg_errors.QueryCanceled)):
        return StoreBusy(f"database {where}: another program is writing to it ({e}); "
                         "try again when it has finished (nothing was lost)")
    if isinstance(e, (pg_errors.DiskFull, pg_errors.OutOfMemory)):
        return StoreFull(f"database {where}: the server is out of space ({e}); free some "
                         "and run again (what was stored is kept)")
    if isinstance(e, (pg_errors.UndefinedTable, pg_errors.UndefinedColumn)):
        return StoreNotADatabase(f"database {where}: this is not a Tidings database ({e})")
    if isinstance(e, (psycopg.OperationalError, pg_errors.InsufficientPrivilege)):
        return StoreUnavailable(f"database {where}: cannot use the PostgreSQL server ({e}); "
                                "check the URL, that the server runs and that the user may "
                                "create tables")
    return StoreError(f"database {where}: {e}")


class PostgresStore:
    """A Tidings database on a PostgreSQL server. Safe to share between threads."""

    def __init__(self, url: str, busy_timeout: float = 10.0) -> None:
        self.url = _safe_url(url)
        self.dsn = url
        self.busy_timeout = busy_timeout
        try:
            self._db = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as e:
            raise store_error(e, self.url) from e
        except Exception as e:  # a malformed URL: psycopg.ProgrammingError and others
            raise StoreUnavailable(f"database {self.url}: {e}; give a "
                                   "postgresql://user@host/dbname URL") from e
        self._lock = threading.RLock()
        self._depth = 0
        self._held: deque[float] = deque(maxlen=10_000)
        self._migrate()

    # --- plumbing ---
    def _run(self, sql: str, params: Iterable[Any] = ()) -> psycopg.Cursor[Any]:
        values = [_t(p) for p in params]
        try:
            # No parameters: the simple protocol, which takes several statements (migrations).
            return self._db.execute(sql, values or None)  # type: ignore[arg-type]
        except psycopg.Error as e:
            raise store_error(e, self.url) from e

    def _q(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                return self._run(sql, params).fetchall()
            except psycopg.Error as e:
                raise store_error(e, self.url) from e

    def _x(self, sql: str, params: Iterable[Any] = ()) -> psycopg.Cursor[Any]:
        with self.transaction():
            return self._run(sql, params)

    def _many(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        values = [[_t(v) for v in r] for r in rows]
        if not values:
            return
        with self.transaction():
            try:
                with self._db.cursor() as cur:
                    cur.executemany(sql, values)
            except psycopg.Error as e:
                raise store_error(e, self.url) from e

    def _migrate(self) -> None:
        with self.transaction():
            self._run("CREATE TABLE IF NOT EXISTS tidings_schema (version INTEGER NOT NULL)")
            rows = self._q("SELECT version FROM tidings_schema")
            version = rows[0]["version"] if rows else 0
            if version > len(MIGRATIONS):
                raise StoreTooNew(
                    f"{self.url}: database schema version {version} is newer than this "
                    f"Tidings ({len(MIGRATIONS)}); upgrade Tidings to open it.")
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                self._run(script)
                self._run("DELETE FROM tidings_schema")
                self._run("INSERT INTO tidings_schema (version) VALUES (%s)", (number,))

    @property
    def schema_version(self) -> int:
        rows = self._q("SELECT version FROM tidings_schema")
        return int(rows[0]["version"]) if rows else 0

    @property
    def shared(self) -> bool:
        return True

    def reopen(self) -> PostgresStore:
        return PostgresStore(self.dsn, busy_timeout=self.busy_timeout)

    def write_lock_stats(self) -> list[float]:
        return list(self._held)

    def _take_write_lock(self) -> None:
        # Our own wait with jitter, as the SQLite store does: writers retrying in step
        # would collide again.
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.002
        while not (self._run("SELECT pg_try_advisory_xact_lock(%s) AS ok", (_WRITE_LOCK,)).fetchone() or {}).get("ok"):
            if time.monotonic() >= deadline:
                raise StoreBusy(f"database {self.url}: another program is writing to it; try "
                                "again when it has finished (nothing was lost)")
            time.sleep(min(random.uniform(0.5, 1.5) * delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 0.05)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            started = 0.0
            if self._depth == 0:
                self._run("BEGIN")
                try:
                    self._take_write_lock()
                except BaseException:
                    self._run("ROLLBACK")
                    raise
                started = time.perf_counter()
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._run("ROLLBACK")
                    self._held.append(time.perf_counter() - started)
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    try:
                        self._run("COMMIT")
                    finally:
                        self._held.append(time.perf_counter() - started)

    def close(self) -> None:
        self._db.close()

    def last_article_seq(self) -> int:
        return int(self._q("SELECT coalesce(max(seq), 0) AS n FROM articles")[0]["n"])

    # --- articles ---
    def has_article(self, article_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM articles WHERE id = %s", (article_id,)))

    def stored_article_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(dict.fromkeys(ids))
        if not ids:
            return set()
        return {r["id"] for r in self._q("SELECT id FROM articles WHERE id = ANY(%s)", ([_t(i) for i in ids],))}

    def article_by_hash(self, content_hash: str) -> str | None:
        rows = self._q("SELECT id FROM articles WHERE content_hash = %s ORDER BY seq LIMIT 1",
                       (content_hash,))
        return rows[0]["id"] if rows else None

    def add_article(self, a: Article) -> bool:
        cur = self._x(
            f"INSERT INTO articles ({_ARTICLE_COLS}, ingested_at) VALUES ({', '.join(['%s'] * 17)}) "
            "ON CONFLICT (id) DO NOTHING",
            (a.id, a.origin, a.url, a.source, a.lang, a.lang_score, a.date, a.date_source,
             a.title, a.text, a.raw, a.author, a.content_hash, a.duplicate_of, a.status,
             json.dumps(a.problems, ensure_ascii=False), _now()),
        )
        return cur.rowcount == 1

    def _article(self, row: dict[str, Any]) -> Article:
        d = dict(row)
        d["problems"] = json.loads(d["problems"])
        for k in ("seq", "ingested_at"):
            d.pop(k, None)
        return Article(**d)

    def get_article(self, article_id: str) -> Article | None:
        rows = self._q(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = %s", (article_id,))
        return self._article(rows[0]) if rows else None

    def get_articles(self, ids: Iterable[str]) -> list[Article]:
        ids = list(ids)
        if not ids:
            return []
        rows = self._q(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id = ANY(%s)", ([_t(i) for i in ids],))
        found = {r["id"]: self._article(r) for r in rows}
        return [found[i] for i in ids if i in found]

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        rows = self._q(f"SELECT {_ARTICLE_COLS} FROM articles ORDER BY seq LIMIT %s OFFSET %s",
                       (limit, offset))
        return [self._article(r) for r in rows]

    def count_articles(self) -> int:
        return int(self._q("SELECT count(*) AS n FROM articles")[0]["n"])

    def search_articles(self, query: str, limit: int = 200) -> list[str]:
        """Ids of articles whose title or text contains `query` (any script, case ignored),
        newest first. The trigram indexes serve queries of 3 characters and more; shorter
        ones are a scan, as in SQLite."""
        q = _t(query).replace("\ufffd", "").strip() if "\x00" in query else query.strip()
        if not q:
            return []
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._q(
            "SELECT id FROM articles WHERE title ILIKE %s OR text ILIKE %s ORDER BY seq DESC LIMIT %s",
            (pattern, pattern, limit))
        return [r["id"] for r in rows]

    # --- problems ---
    def add_problem(self, p: Problem) -> None:
        self._x("INSERT INTO problems (origin, line, reason, raw, at) VALUES (%s, %s, %s, %s, %s)",
                (p.origin, p.line, p.reason, p.raw, _now()))

    def problems(self) -> list[Problem]:
        rows = self._q("SELECT origin, line, reason, raw FROM problems ORDER BY seq")
        return [Problem(**r) for r in rows]

    # --- near-duplicate index ---
    def add_dup_bands(self, article_id: str, bands: Iterable[str]) -> None:
        self._many("INSERT INTO dup_bands (band, article_id) VALUES (%s, %s)",
                   [(b, article_id) for b in bands])

    def dup_candidates(self, bands: Iterable[str]) -> list[str]:
        bands = list(bands)
        if not bands:
            return []
        rows = self._q(
            "SELECT d.article_id, min(a.seq) AS seq FROM dup_bands d JOIN articles a ON a.id = d.article_id "
            "WHERE d.band = ANY(%s) GROUP BY d.article_id ORDER BY seq", (bands,))
        return [r["article_id"] for r in rows]

    def dup_candidates_ranked(self, bands: Iterable[str], limit: int = 20) -> list[tuple[str, int]]:
        bands = list(bands)
        if not bands:
            return []
        rows = self._q(
            "SELECT article_id, shared FROM ("
            "  SELECT d.article_id, count(*) AS shared, min(a.seq) AS seq FROM dup_bands d"
            "  JOIN articles a ON a.id = d.article_id WHERE d.band = ANY(%s)"
            "  GROUP BY d.article_id ORDER BY shared DESC, seq LIMIT %s"
            ") ranked ORDER BY seq", (bands, limit))
        return [(r["article_id"], int(r["shared"])) for r in rows]

    # --- outlet furniture ---
    def count_outlet_lines(self, source: str, line_hashes: Iterable[str]) -> None:
        self._many(
            "INSERT INTO outlet_lines (source, line_hash, n) VALUES (%s, %s, 1) "
            "ON CONFLICT (source, line_hash) DO UPDATE SET n = outlet_lines.n + 1",
            [(source, h) for h in sorted(set(line_hashes))])

    def outlet_line_counts(self, source: str, line_hashes: Iterable[str]) -> dict[str, int]:
        hashes = list(set(line_hashes))
        if not hashes:
            return {}
        rows = self._q("SELECT line_hash, n FROM outlet_lines WHERE source = %s AND line_hash = ANY(%s)",
                       (source, hashes))
        return {r["line_hash"]: int(r["n"]) for r in rows}

    # --- features and names ---
    def put_features(self, f: Features) -> None:
        with self.transaction():
            self._run(
                "INSERT INTO features (article_id, figures, dates_mentioned, event_time, embedding) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (article_id) DO UPDATE SET "
                "figures = excluded.figures, dates_mentioned = excluded.dates_mentioned, "
                "event_time = excluded.event_time, embedding = excluded.embedding",
                (f.article_id, json.dumps([vars(x) for x in f.figures], ensure_ascii=False),
                 json.dumps(f.dates_mentioned), f.event_time, _blob(f.embedding)))
            self._run("DELETE FROM names WHERE article_id = %s", (f.article_id,))
            self._many("INSERT INTO names (article_id, key, surface, kind, count) VALUES (%s, %s, %s, %s, %s)",
                       [(f.article_id, m.key, m.surface, m.kind, m.count) for m in f.names])

    def get_features(self, ids: Iterable[str]) -> dict[str, Features]:
        ids = [_t(i) for i in dict.fromkeys(ids)]
        out: dict[str, Features] = {}
        if not ids:
            return out
        for r in self._q("SELECT * FROM features WHERE article_id = ANY(%s)", (ids,)):
            out[r["article_id"]] = Features(
                article_id=r["article_id"],
                figures=[Figure(**x) for x in json.loads(r["figures"])],
                dates_mentioned=json.loads(r["dates_mentioned"]),
                event_time=r["event_time"],
                embedding=_vec(r["embedding"]),
            )
        for r in self._q("SELECT article_id, key, surface, kind, count FROM names "
                         "WHERE article_id = ANY(%s) ORDER BY seq", (ids,)):
            f = out.get(r["article_id"])
            if f is not None:
                f.names.append(Mention(r["key"], r["surface"], r["kind"], int(r["count"])))
        return out

    def articles_with_name(self, key: str) -> list[str]:
        return [r["article_id"] for r in self._q(
            "SELECT DISTINCT article_id FROM names WHERE key = %s", (key,))]

    def name_surfaces(self, key: str) -> dict[str, int]:
        rows = self._q("SELECT surface, sum(count) AS n FROM names WHERE key = %s GROUP BY surface "
                       "ORDER BY n DESC", (key,))
        return {r["surface"]: int(r["n"]) for r in rows}

    def name_keys_for_surface(self, surface: str) -> list[str]:
        # lower() in the "C" collation folds ASCII letters only, as SQLite's NOCASE.
        return [r["key"] for r in self._q(
            "SELECT DISTINCT key FROM names WHERE lower(surface) = lower(%s::text COLLATE \"C\")",
            (surface,))]

    def known_name_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(set(keys))
        if not keys:
            return set()
        rows = self._q("SELECT DISTINCT key FROM names WHERE key = ANY(%s) AND surface ~ '[A-Za-z]'",
                       ([_t(k) for k in keys],))
        return {r["key"] for r in rows}

    def name_document_counts(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(set(keys))
        if not keys:
            return {}
        rows = self._q("SELECT key, count(DISTINCT article_id) AS n FROM names WHERE key = ANY(%s) "
                       "GROUP BY key", ([_t(k) for k in keys],))
        return {r["key"]: int(r["n"]) for r in rows}

    def name_kinds(self, key: str) -> dict[str, int]:
        rows = self._q("SELECT kind, sum(count) AS n FROM names WHERE key = %s GROUP BY kind "
                       "ORDER BY n DESC", (key,))
        return {r["kind"]: int(r["n"]) for r in rows}

    def stored_name_keys(self, keys: Iterable[str]) -> list[str]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        rows = self._q("SELECT DISTINCT key FROM names WHERE key = ANY(%s)", ([_t(k) for k in keys],))
        found = {r["key"] for r in rows}
        return [k for k in keys if _t(k) in found]

    # --- embedding cache ---
    def cached_embeddings(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        hashes = list(hashes)
        if not hashes:
            return {}
        rows = self._q("SELECT hash, vector FROM embedding_cache WHERE hash = ANY(%s)", (hashes,))
        out: dict[str, np.ndarray] = {}
        for r in rows:
            v = _vec(r["vector"])
            if v is not None:
                out[r["hash"]] = v
        return out

    def cache_embeddings(self, vectors: dict[str, Any]) -> None:
        self._many("INSERT INTO embedding_cache (hash, vector) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                   [(h, _blob(v)) for h, v in vectors.items()])

    # --- events ---
    def put_event(self, e: Event, state: dict[str, Any] | None = None, centroid: Any = None) -> None:
        now = _now()
        with self.transaction():
            self._run(
                "INSERT INTO events (id, title, first_time, last_time, languages, sources, n_articles, "
                "state, centroid, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_time = excluded.first_time, "
                "last_time = excluded.last_time, languages = excluded.languages, "
                "sources = excluded.sources, n_articles = excluded.n_articles, state = excluded.state, "
                "centroid = excluded.centroid, updated_at = excluded.updated_at",
                (e.id, e.title, e.first_time, e.last_time, json.dumps(e.languages),
                 json.dumps(e.sources, ensure_ascii=False), len(e.article_ids),
                 json.dumps(state or {}, ensure_ascii=False), _blob(centroid), now, now))
            self._run("DELETE FROM removed_events WHERE id = %s", (e.id,))

    def delete_event(self, event_id: str) -> None:
        with self.transaction():
            self._run("DELETE FROM events WHERE id = %s", (event_id,))
            self._run("DELETE FROM briefs WHERE event_id = %s", (event_id,))
            self._run("INSERT INTO removed_events (id, at) VALUES (%s, %s) "
                      "ON CONFLICT (id) DO UPDATE SET at = excluded.at", (event_id, _now()))

    def removed_events_since(self, stamp: str) -> list[str]:
        return [r["id"] for r in self._q(
            "SELECT id FROM removed_events WHERE at >= %s ORDER BY at", (stamp,))]

    def assign(self, article_id: str, event_id: str, score: float | None = None) -> None:
        self._x(
            "INSERT INTO event_articles (article_id, event_id, score, joined_at) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, score = excluded.score",
            (article_id, event_id, score, _now()))

    def event_of(self, article_id: str) -> str | None:
        rows = self._q("SELECT event_id FROM event_articles WHERE article_id = %s", (article_id,))
        return rows[0]["event_id"] if rows else None

    def event_states(self) -> Iterator[tuple[str, dict[str, Any], np.ndarray | None]]:
        for r in self._q("SELECT id, state, centroid FROM events"):
            yield r["id"], json.loads(r["state"]), _vec(r["centroid"])

    def event_states_of(self, event_ids: Iterable[str]) -> list[tuple[str, dict[str, Any], np.ndarray | None]]:
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return []
        rows = self._q("SELECT id, state, centroid FROM events WHERE id = ANY(%s)", ([_t(i) for i in ids],))
        return [(r["id"], json.loads(r["state"]), _vec(r["centroid"])) for r in rows]

    def _event(self, r: dict[str, Any], with_articles: bool) -> Event:
        ids = self.event_article_ids(r["id"]) if with_articles else []
        return Event(id=r["id"], title=r["title"], first_time=r["first_time"], last_time=r["last_time"],
                     languages=json.loads(r["languages"]), article_ids=ids,
                     sources=json.loads(r["sources"]))

    def event_article_ids(self, event_id: str) -> list[str]:
        rows = self._q(
            "SELECT ea.article_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
            "WHERE ea.event_id = %s ORDER BY a.date IS NULL, a.date, a.seq", (event_id,))
        return [r["article_id"] for r in rows]

    def get_event(self, event_id: str) -> Event | None:
        rows = self._q("SELECT * FROM events WHERE id = %s", (event_id,))
        return self._event(rows[0], True) if rows else None

    def events(self, *, since: str | None = None, until: str | None = None, lang: str | None = None,
               ids: Iterable[str] | None = None, limit: int | None = None, offset: int = 0) -> list[Event]:
        cond, params = _event_filter(since, until, lang, ids, None)
        if cond is None:
            return []
        rows = self._q(f"SELECT * FROM events WHERE {cond} ORDER BY {_EVENT_ORDER} LIMIT %s OFFSET %s",
                       [*params, limit, offset])
        return [self._event(r, with_articles=True) for r in rows]

    def count_events(self) -> int:
        return int(self._q("SELECT count(*) AS n FROM events WHERE n_articles > 0")[0]["n"])

    def event_times(self, event_id: str) -> dict[str, str]:
        rows = self._q("SELECT created_at, updated_at FROM events WHERE id = %s", (event_id,))
        return dict(rows[0]) if rows else {}

    def events_changed_since(self, stamp: str) -> list[Event]:
        rows = self._q("SELECT * FROM events WHERE updated_at > %s AND n_articles > 0 "
                       "ORDER BY updated_at DESC", (stamp,))
        return [self._event(r, with_articles=True) for r in rows]

    def list_events(self, *, since: str | None = None, until: str | None = None, lang: str | None = None,
                    ids: Iterable[str] | None = None, changed_since: str | None = None,
                    limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        cond, params = _event_filter(since, until, lang, ids, changed_since)
        if cond is None:
            return [], 0
        total = int(self._q(f"SELECT count(*) AS n FROM events WHERE {cond}", params)[0]["n"])
        rows = self._q(
            "SELECT id, title, first_time, last_time, languages, sources, n_articles, created_at, "
            f"updated_at, story FROM events WHERE {cond} ORDER BY {_EVENT_ORDER} LIMIT %s OFFSET %s",
            [*params, None if limit < 0 else limit, offset])
        # Growth: articles dated within the last day of the event's coverage (as SQLite's
        # julianday, which a month-only or unparsable date does not satisfy).
        dates: dict[str, list[str | None]] = {}
        if rows:
            for r in self._q("SELECT ea.event_id, a.date FROM event_articles ea JOIN articles a "
                             "ON a.id = ea.article_id WHERE ea.event_id = ANY(%s)",
                             ([r["id"] for r in rows],)):
                dates.setdefault(r["event_id"], []).append(r["date"])
        story_events: dict[str, int] = {}
        stories = sorted({r["story"] for r in rows if r["story"]})
        if stories:
            for r in self._q("SELECT story, count(*) AS n FROM events WHERE story = ANY(%s) "
                             "AND n_articles > 0 GROUP BY story", (stories,)):
                story_events[r["story"]] = int(r["n"])
        out = []
        for r in rows:
            d = dict(r)
            d["languages"] = json.loads(d["languages"])
            d["sources"] = json.loads(d["sources"])
            d["story_events"] = story_events.get(d["story"], 0)
            last = _julian(d["last_time"])
            d["growth"] = 0 if last is None else sum(
                1 for x in dates.get(d["id"], []) if (j := _julian(x)) is not None and j >= last - 1)
            out.append(d)
        return out, total

    def events_stamp(self) -> str | None:
        return self._q("SELECT max(updated_at) AS m FROM events")[0]["m"]

    def events_with_names(self, keys: Iterable[str]) -> list[str]:
        keys = [_t(k) for k in keys]
        if not keys:
            return []
        rows = self._q("SELECT DISTINCT ea.event_id FROM names n JOIN event_articles ea "
                       "ON ea.article_id = n.article_id WHERE n.key = ANY(%s)", (keys,))
        return [r["event_id"] for r in rows]

    def events_of_articles(self, article_ids: Iterable[str]) -> dict[str, str]:
        ids = [_t(i) for i in article_ids]
        if not ids:
            return {}
        rows = self._q("SELECT article_id, event_id FROM event_articles WHERE article_id = ANY(%s)", (ids,))
        return {r["article_id"]: r["event_id"] for r in rows}

    # --- briefs ---
    def put_brief(self, event_id: str, lang: str, body: dict[str, Any], n_articles: int) -> None:
        self._x("INSERT INTO briefs (event_id, lang, body, n_articles, built_at) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (event_id, lang) DO UPDATE SET body = excluded.body, "
                "n_articles = excluded.n_articles, built_at = excluded.built_at",
                (event_id, lang, json.dumps(body, ensure_ascii=False), n_articles, _now()))

    def get_brief(self, event_id: str, lang: str) -> tuple[dict[str, Any], int] | None:
        rows = self._q("SELECT body, n_articles FROM briefs WHERE event_id = %s AND lang = %s",
                       (event_id, lang))
        return (json.loads(rows[0]["body"]), int(rows[0]["n_articles"])) if rows else None

    def forget_briefs(self, event_ids: Iterable[str]) -> None:
        ids = list(event_ids)
        if ids:
            self._x("DELETE FROM briefs WHERE event_id = ANY(%s)", ([_t(i) for i in ids],))

    # --- stories ---
    def set_event_story(self, event_id: str, story_id: str | None) -> None:
        self._x("UPDATE events SET story = %s WHERE id = %s", (story_id, event_id))

    def story_of(self, event_id: str) -> str | None:
        rows = self._q("SELECT story FROM events WHERE id = %s", (event_id,))
        return rows[0]["story"] if rows else None

    def stories(self, limit: int | None = None) -> list[dict[str, Any]]:
        return group_stories(self._q(STORY_ROWS), limit)

    def list_stories(self, *, min_events: int = 1, limit: int = 50, offset: int = 0,
                     story_id: str | None = None) -> tuple[list[dict[str, Any]], int]:
        groups = ("SELECT story AS id, count(*) AS events, sum(n_articles) AS articles, "
                  "min(first_time) AS first_time, max(last_time) AS last_time FROM events "
                  "WHERE story IS NOT NULL AND n_articles > 0 AND (%s::text IS NULL OR story = %s) "
                  "GROUP BY story HAVING count(*) >= %s")
        params = (story_id, story_id, min_events)
        total = int(self._q(f"SELECT count(*) AS n FROM ({groups}) g", params)[0]["n"])
        rows = self._q(f"SELECT g.*, (SELECT title FROM events e WHERE e.story = g.id "
                       f"ORDER BY e.n_articles DESC, e.id LIMIT 1) AS title FROM ({groups}) g "
                       "ORDER BY last_time IS NULL, last_time DESC, articles DESC, id "
                       "LIMIT %s OFFSET %s", (*params, limit, offset))
        return [{**r, "events": int(r["events"]), "articles": int(r["articles"])} for r in rows], total

    def story_event_ids(self, story_id: str) -> list[str]:
        rows = self._q("SELECT id FROM events WHERE story = %s AND n_articles > 0 "
                       "ORDER BY first_time IS NULL, first_time, id", (story_id,))
        return [r["id"] for r in rows]

    # --- live sources: feeds, article pages to fetch, watched files ---
    def add_feed(self, url: str, name: str | None = None) -> bool:
        """Add a feed to poll; False when it is already there (its name is then updated
        if one is given)."""
        with self.transaction():
            cur = self._run("INSERT INTO feeds (url, name, added_at) VALUES (%s, %s, %s) "
                            "ON CONFLICT (url) DO NOTHING", (url, name, _now()))
            added = cur.rowcount == 1
            if not added and name:
                self._run("UPDATE feeds SET name = %s WHERE url = %s", (name, url))
            return added

    def remove_feed(self, url: str) -> bool:
        with self.transaction():
            return self._run("DELETE FROM feeds WHERE url = %s", (url,)).rowcount == 1

    def feeds(self) -> list[Feed]:
        return [Feed(**r) for r in self._q("SELECT * FROM feeds ORDER BY id")]

    def record_feed_poll(self, feed_id: int, *, status: str, error: str | None = None,
                         etag: str | None = None, last_modified: str | None = None,
                         pages: Iterable[PageFetch] = ()) -> int:
        """The outcome of one poll and the pages its entries name, in one transaction (a
        kill leaves the poll unrecorded, so the next one reads the feed again). Returns
        how many pages were new."""
        now = _now()
        ok = status != "error"
        with self.transaction():
            new = 0
            for page in pages:
                cur = self._run(
                    "INSERT INTO page_fetches (url, feed_id, state, entry, next_try, created_at, "
                    "updated_at) VALUES (%s, %s, 'pending', %s, %s, %s, %s) ON CONFLICT (url) DO NOTHING",
                    (page.url, feed_id, json.dumps(page.entry, ensure_ascii=False), now, now, now))
                new += cur.rowcount
            self._run(
                "UPDATE feeds SET last_poll = %s, last_status = %s, polls = polls + 1, "
                "entries = entries + %s, not_modified = not_modified + %s, errors = errors + %s, "
                "last_ok = CASE WHEN %s THEN %s ELSE last_ok END, "
                "last_error = CASE WHEN %s THEN NULL ELSE %s END, "
                "etag = CASE WHEN %s THEN %s ELSE etag END, "
                "last_modified = CASE WHEN %s THEN %s ELSE last_modified END WHERE id = %s",
                (now, status, new, int(status == "not modified"), int(not ok), ok, now, ok, error,
                 status == "ok", etag, status == "ok", last_modified, feed_id))
            return new

    def add_page_fetch(self, page: PageFetch) -> bool:
        """A page to fetch (a URL given to ingest); False when it is already known."""
        now = _now()
        with self.transaction():
            cur = self._run(
                "INSERT INTO page_fetches (url, feed_id, state, entry, next_try, created_at, "
                "updated_at) VALUES (%s, %s, 'pending', %s, %s, %s, %s) ON CONFLICT (url) DO NOTHING",
                (page.url, page.feed_id, json.dumps(page.entry, ensure_ascii=False), now, now, now))
            return cur.rowcount == 1

    def _page(self, r: dict[str, Any]) -> PageFetch:
        return PageFetch(url=r["url"], feed_id=r["feed_id"], state=r["state"],
                         entry=json.loads(r["entry"]), attempts=r["attempts"],
                         last_error=r["last_error"], next_try=r["next_try"],
                         article_id=r["article_id"])

    def page_fetch(self, url: str) -> PageFetch | None:
        rows = self._q("SELECT * FROM page_fetches WHERE url = %s", (url,))
        return self._page(rows[0]) if rows else None

    def due_page_fetches(self, now: str, limit: int = 1000) -> list[PageFetch]:
        """Pages still to fetch whose next try has come, oldest first."""
        rows = self._q("SELECT * FROM page_fetches WHERE state = 'pending' AND next_try <= %s "
                       "ORDER BY created_at, url LIMIT %s", (now, limit))
        return [self._page(r) for r in rows]

    def page_fetches(self, state: str | None = None, limit: int = 1000) -> list[PageFetch]:
        rows = self._q("SELECT * FROM page_fetches WHERE %s::text IS NULL OR state = %s "
                       "ORDER BY updated_at DESC LIMIT %s", (state, state, limit))
        return [self._page(r) for r in rows]

    def page_fetch_counts(self) -> dict[int | None, dict[str, int]]:
        """feed id -> {state: pages}, plus "retrying" (pending pages that failed before)."""
        out: dict[int | None, dict[str, int]] = {}
        for r in self._q("SELECT feed_id, state, attempts > 0 AS failed, count(*) AS n "
                         "FROM page_fetches GROUP BY feed_id, state, attempts > 0"):
            counts = out.setdefault(r["feed_id"], {})
            key = "retrying" if r["state"] == "pending" and r["failed"] else r["state"]
            counts[key] = counts.get(key, 0) + int(r["n"])
        return out

    def page_done(self, url: str, article_id: str | None, body_hash: str | None = None,
                  state: str = "done", error: str | None = None) -> None:
        self._x("UPDATE page_fetches SET state = %s, article_id = %s, body_hash = %s, "
                "last_error = coalesce(%s, last_error), updated_at = %s WHERE url = %s",
                (state, article_id, body_hash, error, _now(), url))

    def page_failed(self, url: str, error: str, next_try: str) -> None:
        self._x("UPDATE page_fetches SET attempts = attempts + 1, last_error = %s, next_try = %s, "
                "updated_at = %s WHERE url = %s", (error, next_try, _now(), url))

    def page_with_body(self, body_hash: str) -> str | None:
        """The article stored from a page with these very bytes, if any."""
        rows = self._q("SELECT article_id FROM page_fetches WHERE body_hash = %s AND state = 'done' "
                       "AND article_id IS NOT NULL LIMIT 1", (body_hash,))
        return rows[0]["article_id"] if rows else None

    def watched_file(self, path: str) -> tuple[int, float] | None:
        rows = self._q("SELECT size, mtime FROM watched_files WHERE path = %s", (path,))
        return (int(rows[0]["size"]), float(rows[0]["mtime"])) if rows else None

    def mark_watched_file(self, path: str, size: int, mtime: float) -> None:
        self._x("INSERT INTO watched_files (path, size, mtime, at) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, "
                "at = excluded.at", (path, size, mtime, _now()))


def _event_filter(since: str | None, until: str | None, lang: str | None,
                  ids: Iterable[str] | None, changed_since: str | None) -> tuple[str | None, list[Any]]:
    where, params = ["n_articles > 0"], []  # type: tuple[list[str], list[Any]]
    if since:
        where.append("(last_time IS NULL OR last_time >= %s)")
        params.append(since)
    if until:
        where.append("(first_time IS NULL OR first_time <= %s)")
        params.append(until)
    if lang:
        where.append("languages::jsonb ? %s")
        params.append(lang)
    if changed_since:
        where.append("updated_at >= %s")
        params.append(changed_since)
    if ids is not None:
        ids = [_t(i) for i in dict.fromkeys(ids)]
        if not ids:
            return None, []
        where.append("id = ANY(%s)")
        params.append(ids)
    return " AND ".join(where), params
