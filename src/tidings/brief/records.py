"""The brief as typed records, shared by the brief stage (tidings.brief) and the web pages.

A brief travels and is stored as JSON (`Brief.to_dict()`, the shape of `tidings brief
--format json`); `Brief.from_dict()` reads that form back and refuses a malformed one with
a message naming the field, so a page never guesses at keys.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Union


class BriefFormatError(ValueError):
    """A stored or given brief does not have the shape of tidings.brief.records.Brief."""


@dataclass
class Headline:
    text: str
    lang: str | None = None
    article: str | None = None
    source: str | None = None
    original_language: bool = False


@dataclass
class SummarySentence:
    text: str
    article: str
    source: str | None = None
    lang: str | None = None


@dataclass
class TimelineEntry:
    article: str
    source: str | None = None
    lang: str | None = None
    date: str | None = None
    title: str | None = None
    first: bool = False
    earliest_dated: bool = False
    duplicate_of: str | None = None


@dataclass
class Happening:
    """A day the articles name for what happened (or is scheduled), with the sentence."""

    date: str
    text: str
    article: str
    source: str | None = None
    lang: str | None = None
    articles: list[str] = field(default_factory=list)
    scheduled: bool = False


@dataclass
class ReportRef:
    article: str
    source: str | None = None
    date: str | None = None
    lang: str | None = None
    title: str | None = None


@dataclass
class FirstReport:
    article: str
    source: str | None = None
    date: str | None = None
    lang: str | None = None
    title: str | None = None
    # True when an undated article is named from its own words (brief.timeline.undated_before);
    # `why` says which, and the earliest dated report stays beside it.
    inferred: bool = False
    why: str | None = None
    earliest_dated: ReportRef | None = None


@dataclass
class EntityEntry:
    id: str
    name: str
    kind: str = "name"
    variants: list[str] = field(default_factory=list)
    variant_articles: dict[str, list[str]] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    title_mentions: int = 0
    salience: float = 0.0


@dataclass
class QuoteSource:
    """One article's wording of a statement, in its language."""

    article: str
    text: str
    source: str | None = None
    lang: str | None = None
    kind: str = "direct"  # direct | reported
    speaker_as_written: str | None = None


@dataclass
class QuoteEntry:
    text: str
    kind: str = "direct"  # direct: in quotation marks; reported: indirect speech
    speaker: str | None = None
    speaker_id: str | None = None
    lang: str | None = None
    languages: list[str] = field(default_factory=list)
    sources: list[QuoteSource] = field(default_factory=list)


@dataclass
class FigureSource:
    article: str
    source: str | None = None
    lang: str | None = None
    text: str | None = None
    sentence: str | None = None


@dataclass
class FigureEntry:
    value: float
    text: str
    what: str = ""
    unit: str = ""
    concept: str = ""
    sources: list[FigureSource] = field(default_factory=list)
    # Given in sentences recalling an earlier happening (the attack of weeks before), not
    # this event's own count.
    recap: bool = False


@dataclass
class Version:
    """One value of a disputed (or updated) fact, with who gives it."""

    value: Any
    sources: list[FigureSource] = field(default_factory=list)
    text: str | None = None
    first_date: str | None = None
    according_to: list[str] = field(default_factory=list)


@dataclass
class Disagreement:
    kind: str  # figure | date | update
    about: str
    versions: list[Version] = field(default_factory=list)
    concept: str | None = None


@dataclass
class Alignment:
    article: str
    text: str
    score: float
    confidence: float | None = None


@dataclass
class AlignedSentence:
    text: str
    matches: list[Alignment] = field(default_factory=list)


@dataclass
class ParallelArticle:
    article: str
    lang: str | None = None
    source: str | None = None
    title: str | None = None
    sentences: list[AlignedSentence] = field(default_factory=list)


@dataclass
class BriefArticle:
    id: str
    title: str | None = None
    source: str | None = None
    lang: str | None = None
    date: str | None = None
    url: str | None = None
    duplicate_of: str | None = None


@dataclass
class Brief:
    version: int
    event: str | None = None
    lang: str = "en"
    headline: Headline | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    happenings: list[Happening] = field(default_factory=list)
    first_report: FirstReport | None = None
    coverage: dict[str, Any] = field(default_factory=dict)
    entities: list[EntityEntry] = field(default_factory=list)
    quotes: list[QuoteEntry] = field(default_factory=list)
    figures: list[FigureEntry] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    updates: list[Disagreement] = field(default_factory=list)
    parallel: list[ParallelArticle] = field(default_factory=list)
    articles: list[BriefArticle] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    n_sources: int = 0
    n_articles: int = 0
    stats: dict[str, Any] = field(default_factory=dict)
    event_title: str | None = None
    content_version: str | None = None
    stale: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        return _build(cls, data, "brief")


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(cls: Any, data: Any, where: str) -> Any:
    if not isinstance(data, dict):
        raise BriefFormatError(f"{where}: expected an object, got {type(data).__name__}")
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise BriefFormatError(f"{where}: missing field {f.name!r}")
            continue
        kwargs[f.name] = _value(hints[f.name], data[f.name], f"{where}.{f.name}")
    return cls(**kwargs)


@functools.cache  # a brief holds thousands of values of a few dozen types
def _shape(tp: Any) -> tuple[Any, tuple[Any, ...], bool]:
    """A type's origin, arguments and whether it is a dataclass."""
    return typing.get_origin(tp), typing.get_args(tp), dataclasses.is_dataclass(tp)


def _value(tp: Any, value: Any, where: str) -> Any:
    origin, tp_args, is_dataclass = _shape(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in tp_args if a is not type(None)]
        if value is None:
            return None
        return _value(args[0], value, where) if len(args) == 1 else value
    if origin is list:
        if not isinstance(value, list):
            raise BriefFormatError(f"{where}: expected a list, got {type(value).__name__}")
        (item,) = tp_args
        return [_value(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if is_dataclass:
        return _build(tp, value, where)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp in (str, int, float, bool) and not isinstance(value, tp):
        raise BriefFormatError(f"{where}: expected {tp.__name__}, got {type(value).__name__}")
    return value
