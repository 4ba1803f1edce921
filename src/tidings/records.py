"""Plain records passed between the pipeline stages.

sources -> RawArticle -> clean -> Article -> understand -> Features -> cluster -> Event
Each stage is a function over these records, so it can be tested alone and run in parallel.
Dates are ISO 8601 strings ("2026-01-30" or "2026-01-28T18:20:00+02:00") so records stay
JSON-friendly; helpers in tidings.clean.dates turn them into datetimes where arithmetic is needed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawArticle:
    """One article as a reader found it, before any cleaning.

    `origin` names where it came from, for messages and provenance:
    "seeds/000.txt", "export.jsonl:12" (line number), "<stdin>".
    Exactly one of `text` and `html` is normally set.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    lang: str | None = None
    source: str | None = None
    author: str | None = None
    crawled: str | None = None  # when the page was fetched: the anchor of "3 hours ago"
    # The folders between the input root a reader walked and the file ("kyiv-kurier",
    # "metro-ledger/world"); None for a file given by itself. May name the outlet.
    folder: str | None = None


@dataclass
class Problem:
    """Input that could not be (fully) processed, kept with its reason.

    `raw` holds what we could read of it (bounded in size) so nothing is lost.
    """

    origin: str
    reason: str
    line: int | None = None
    raw: str | None = None
    fatal: bool = True  # False: the article was still ingested, with this warning

    def message(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        return f"{where}: {self.reason}"


@dataclass
class Article:
    """A cleaned, dated, language-tagged article.

    `status` is "ok", or "raw" when cleaning failed: then `text` is the raw text and
    `problems` says why, so the article is never lost.
    """

    id: str
    origin: str
    title: str
    text: str
    raw: str
    content_hash: str
    url: str | None = None
    source: str | None = None
    lang: str | None = None
    lang_score: float | None = None
    date: str | None = None
    date_source: str | None = None  # given|metadata|url|dateline|text|month|guess (month: date is "YYYY-MM")
    author: str | None = None
    duplicate_of: str | None = None
    status: str = "ok"
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A name found in an article. `key` is the cross-script key: Zelensky, Зеленский and
    जेलेंस्की share one key, so it identifies the entity across languages."""

    key: str
    surface: str
    kind: str = "name"  # person|place|org|name
    count: int = 1


@dataclass
class Figure:
    """A number with what it counts: value 6000, what "drones", text "6,000 drones"."""

    value: float
    text: str
    what: str = ""
    unit: str = ""


@dataclass
class Features:
    """What we understood of one article, beyond its cleaned text."""

    article_id: str
    names: list[Mention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates_mentioned: list[str] = field(default_factory=list)
    event_time: str | None = None  # best estimate of when the reported happening took place
    embedding: Any = None  # numpy float32 vector, L2-normalised


@dataclass
class Event:
    """A real-world happening and the articles reporting it."""

    id: str
    title: str = ""
    first_time: str | None = None
    last_time: str | None = None
    languages: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.article_ids)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["articles"] = len(self.article_ids)
        from tidings.brief.sources import distinct  # as every view counts outlets

        d["sources"] = distinct(self.sources)
        d["n_sources"] = len(d["sources"])
        return d


@dataclass
class Prepared:
    """An article made ready for storing, before any write: the output of the pipeline's
    `prepare` step (clean, understand, embed) and the input of its `commit` step."""

    article: Article
    features: Features
    bands: tuple[str, ...] = ()  # near-duplicate index entries (MinHash bands) of its text
    outlet_lines: list[tuple[str, list[str]]] = field(default_factory=list)  # (outlet, line hashes) to count


@dataclass
class Feed:
    """A feed the monitor polls, with the state of its last poll."""

    id: int
    url: str
    name: str | None = None
    added_at: str | None = None
    last_poll: str | None = None  # when it was last asked for (UTC, ISO)
    last_ok: str | None = None  # when it last answered with a readable feed (or 304)
    last_status: str | None = None  # "ok", "not modified", "error"
    last_error: str | None = None  # the reason of the last failure, kept until a poll succeeds
    etag: str | None = None
    last_modified: str | None = None
    polls: int = 0
    not_modified: int = 0  # polls answered 304
    errors: int = 0
    entries: int = 0  # entries seen, all polls together

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PageFetch:
    """An article page to fetch (from a feed entry or a given URL), and how it went."""

    url: str  # canonical
    feed_id: int | None = None
    state: str = "pending"  # pending | done | failed (given up: summary or nothing stored)
    entry: dict[str, Any] = field(default_factory=dict)  # the feed's title, date, author, lang, summary
    attempts: int = 0
    last_error: str | None = None
    next_try: str | None = None
    article_id: str | None = None
