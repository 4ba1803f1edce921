"""When each article appeared, who reported first, and how coverage grew by day, language
and outlet."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, time, timezone

from tidings.records import Article


def parsed_time(value: str) -> datetime:
    """The time of a value already checked to parse (ValueError otherwise)."""
    p = parse_date(value)
    if p is None:
        raise ValueError(f"{value!r} is not a date")
    return p[0]


def parse_date(value: str | None) -> tuple[datetime, bool] | None:
    """(UTC datetime, has_time) of an ISO date string; None when absent or unreadable.

    A date without time is read as the start of that day (UTC) with has_time False.
    """
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    has_time = "T" in value or " " in value.strip()
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc), has_time


def order_key(a: Article) -> tuple:
    """Sort key for reading order by publication time.

    Undated articles go last. Within one day an article known only by its date goes after
    the ones with a time: it may have come earlier that day, but we cannot claim it did.
    """
    parsed = parse_date(a.date)
    if parsed is None:
        return (1, datetime.max.replace(tzinfo=timezone.utc), time.max, a.id)
    dt, has_time = parsed
    day = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    return (0, day, dt.timetz() if has_time else time.max.replace(tzinfo=timezone.utc), a.id)


def build(articles: list[Article]) -> tuple[list[dict], dict | None, dict]:
    """(timeline, first_report, coverage) for the event's articles."""
    ordered = sorted(articles, key=order_key)
    first = next((a for a in ordered if parse_date(a.date)), None)
    timeline = [
        {
            "article": a.id,
            "source": a.source,
            "lang": a.lang,
            "date": a.date,
            "title": a.title,
            "first": first is not None and a.id == first.id,
            "duplicate_of": a.duplicate_of,
        }
        for a in ordered
    ]
    first_report = (
        {"article": first.id, "source": first.source, "date": first.date, "lang": first.lang,
         "title": first.title}
        if first else None
    )
    return timeline, first_report, coverage(ordered)


def coverage(ordered: list[Article]) -> dict:
    """Articles per day and language (with running totals) and per outlet.

    `by_day`: [{date, total, cumulative, langs {lang: n}}] in date order;
    `by_outlet`: [{source, articles, first, langs}] by first appearance;
    `by_lang`: {lang: n}.
    """
    per_day: dict[str, Counter] = defaultdict(Counter)
    outlets: dict[str, dict] = {}
    langs: Counter[str] = Counter()
    undated = 0
    for a in ordered:
        lang = a.lang or "und"
        langs[lang] += 1
        parsed = parse_date(a.date)
        if parsed is None:
            undated += 1
        else:
            per_day[parsed[0].date().isoformat()][lang] += 1
        src = a.source or "unknown"
        o = outlets.setdefault(src, {"source": src, "articles": 0, "first": a.date, "langs": set()})
        o["articles"] += 1
        o["langs"].add(lang)
    by_day, running = [], 0
    for day in sorted(per_day):
        total = sum(per_day[day].values())
        running += total
        by_day.append({"date": day, "total": total, "cumulative": running,
                       "langs": dict(sorted(per_day[day].items()))})
    by_outlet = [dict(o, langs=sorted(o["langs"])) for o in outlets.values()]
    return {"by_day": by_day, "by_outlet": by_outlet, "by_lang": dict(langs.most_common()),
            "undated": undated}
