"""What the API and the pages both show, read from the store as plain dicts.

The brief stage is imported when a brief is first asked for (it loads the embedding model).
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from datetime import date, datetime, timezone
from typing import Any

from tidings.brief.sources import distinct
from tidings.config import Config
from tidings.store import Store, StoreBusy

log = logging.getLogger("tidings.web")

LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})?$")
BRIEF_LANG_RE = r"^[a-z]{2,3}$"  # what tidings.brief accepts as a reader's language
MAX_SEARCH_ARTICLES = 1000


def now_stamp() -> str:
    """Same format as the store's updated_at stamps, so they compare as strings."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def parse_when(value: str, *, end_of_day: bool = False) -> str:
    """An ISO date or date-time from a query, as the store compares it (a string).

    Raises ValueError with a readable reason. A bare date used as an upper bound covers
    that whole day: "2026-01-30" must still include "2026-01-30T08:00", which sorts after it.
    """
    v = value.strip()
    try:
        if len(v) == 10:
            d = date.fromisoformat(v)
            return f"{d.isoformat()}T23:59:59.999999+99:99" if end_of_day else d.isoformat()
        return datetime.fromisoformat(v.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO date or date-time; use e.g. 2026-01-28 or 2026-01-28T18:20:00+02:00"
        ) from None


def after(since: str | None, until: str | None) -> bool:
    """Whether the range since..until (as a user gave them; until a bare date meaning that
    whole day) is empty because since comes later. Values are already checked ISO."""
    if not since or not until:
        return False
    try:
        a = datetime.fromisoformat(since.strip().replace("Z", "+00:00"))
        b = datetime.fromisoformat(until.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    if len(until.strip()) == 10:
        return a.date() > b.date()
    try:
        return a > b
    except TypeError:  # one has a time zone and the other not: compare the days
        return a.date() > b.date()


def reader_lang_problem(event, lang: str | None, config: Config) -> str | None:
    """Why `lang` cannot be the reader's language of this event's brief, or None.

    A brief is built and stored per reader language, so any code at all would let each
    visitor cost a full build and a stored brief; a brief in a language none of the
    event's articles is in has nothing in that language anyway."""
    if lang is None or lang == config.web_brief_lang or lang in (event.languages or []):
        return None
    offered = ", ".join(sorted({config.web_brief_lang, *(event.languages or [])}))
    return (f"no article of this event is in {lang!r}, so there is no brief in it; "
            f"choose one of: {offered}")


def name_key(surface: str) -> str:
    """The cross-script entity key of a name (tidings.understand.names when available)."""
    try:
        from tidings.understand.names import name_key as key
    except ImportError:
        return " ".join(surface.casefold().split())
    try:
        return key(surface)
    except Exception:  # a name the extractor cannot key must not break a search
        log.exception("name_key failed on a query")
        return " ".join(surface.casefold().split())


def entity_keys(store: Store, text: str) -> list[str]:
    """Stored entity keys a user's text may mean: the key itself, the key of the name
    (any script), or a spelling seen in an article."""
    text = text.strip()
    if not text:
        return []
    candidates = [text, name_key(text), *store.name_keys_for_surface(text)]
    return store.stored_name_keys(k for k in candidates if k)


def search_event_ids(store: Store, q: str) -> tuple[list[str], list[str]]:
    """(entity keys, event ids) matching a text query: the entities it names, in any
    script, and the events of articles containing it (full-text, trigram: any script)."""
    if not q.strip():
        return [], []
    keys = entity_keys(store, q)
    events = store.events_with_names(keys)
    article_ids = store.search_articles(q, limit=MAX_SEARCH_ARTICLES)
    events += store.events_of_articles(article_ids).values()
    return keys, list(dict.fromkeys(events))


def event_summary(row: dict[str, Any]) -> dict[str, Any]:
    """An event row from store.list_events, as the API and the front page show it."""
    return {
        "id": row["id"],
        "title": row["title"],
        "first_time": row["first_time"],
        "last_time": row["last_time"],
        "languages": row["languages"],
        "sources": distinct(row["sources"]),  # as every view counts outlets
        "n_sources": len(distinct(row["sources"])),
        "articles": row["n_articles"],
        "growth": row.get("growth", 0),
        # The developing story the event belongs to, and how many events it has so far.
        "story": row.get("story"),
        "story_events": row.get("story_events", 0),
        "created_at": row.get("created_at"),
        "updated_at": row.get("updated_at"),
    }


def article_summary(a) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "lang": a.lang,
        "date": a.date,
        "url": a.url,
        "duplicate_of": a.duplicate_of,
        "status": a.status,
    }


def entity_info(store: Store, key: str) -> dict[str, Any] | None:
    """An entity: its spellings, kind and events over time; None when no article names it."""
    variants = store.name_surfaces(key)
    if not variants:
        return None
    kinds = store.name_kinds(key)
    rows, _ = store.list_events(ids=store.events_with_names([key]), limit=-1)
    events = sorted(
        (event_summary(r) for r in rows), key=lambda e: (e["first_time"] or "~", e["id"])
    )
    return {
        "id": key,
        "name": display_name(variants),
        "kind": _main_kind(kinds),
        "kinds": kinds,
        "variants": variants,
        "articles": len(store.articles_with_name(key)),
        "events": events,
    }


def display_name(variants: dict[str, int]) -> str:
    """The spelling to show: the most frequent, ties going to the Latin-script and longest
    one (most readers of the interface read Latin script; "Volodymyr Zelensky" over "Zelensky")."""
    return max(variants, key=lambda s: (variants[s], s.isascii(), len(s)))


def _main_kind(kinds: dict[str, int]) -> str:
    # "name" is the extractor's "don't know"; a more specific tag seen at all wins.
    specific = [k for k in kinds if k != "name"]
    return specific[0] if specific else next(iter(kinds), "name")


def get_brief(store: Store, event_id: str, lang: str, config: Config) -> dict[str, Any]:
    """The event's brief. Built once per content version (tidings.brief.build_brief is
    single-flight); after the event changed, readers get the previous brief marked stale
    while one rebuild runs. A failing brief stage is an error, not a plainer page."""
    from tidings.brief import build_brief

    return build_brief(_WritesAside(store), event_id, lang=lang, config=config, wait=False)


class _WritesAside:
    """The store as a brief build sees it, except that what the build stores (the brief
    and fresh embeddings: caches, both) is written from a thread of its own.

    A write waits while an ingest holds the database (a batch of the server's POST or of
    a `tidings ingest` beside it: seconds), and waiting on the server's connection would
    stall every other page meanwhile; so a page returns its brief at once, and the cache
    is filled when the database is free."""

    WRITES = ("put_brief", "cache_embeddings")

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._store, name)
        if name not in self.WRITES or not self._store.shared:
            return method
        writer = _cache_writer(self._store)
        return lambda *args, **kwargs: writer.put((name, args, kwargs))


class _CacheWriter:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.queue: queue.Queue = queue.Queue(maxsize=256)
        threading.Thread(target=self._run, name="tidings-cache-writer", daemon=True).start()

    def put(self, job: tuple) -> None:
        try:
            self.queue.put_nowait(job)
        except queue.Full:
            pass  # only a cache: what is not stored is built again on the next visit

    def _run(self) -> None:
        store = self.store.reopen()
        while True:
            name, args, kwargs = self.queue.get()
            try:
                getattr(store, name)(*args, **kwargs)
            except StoreBusy:
                # Expected beside a long write (a big ingest): only a cache, built again
                # on the next visit, so one line rather than a traceback.
                log.warning("database busy: a cached %s was not stored", name)
            except Exception:
                log.exception("could not store a cached %s", name)


_cache_writers: dict[str, _CacheWriter] = {}
_cache_writers_lock = threading.Lock()


def _cache_writer(store: Store) -> _CacheWriter:
    with _cache_writers_lock:
        if store.url not in _cache_writers:
            _cache_writers[store.url] = _CacheWriter(store)
        return _cache_writers[store.url]


def story_view(store: Store, story: dict[str, Any], max_events: int = 200) -> dict[str, Any]:
    """A story row from store.list_stories with its events, earliest first: the API's and
    the pages' one shape for a story."""
    rows, _ = store.list_events(ids=store.story_event_ids(story["id"]), limit=max_events)
    events = sorted((event_summary(r) for r in rows),
                    key=lambda e: (e["first_time"] is None, e["first_time"] or "", e["id"]))
    return {**story, "event_list": events}
