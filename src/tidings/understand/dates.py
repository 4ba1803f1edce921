"""Dates an article mentions, and when the happening it reports took place.

Publication date is not event time: a story published on Friday says "on Thursday", and a
recap names a date months back. The dates are read by tidings.clean.dates (one set of
month and weekday tables for every stage); this module resolves what the text says
against the publication date: weekdays, "yesterday" in our languages, "vor 2 Tagen",
"acum 3 ore", "3 घंटे पहले", "3天前" (the last through dateparser, given the language).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from tidings.clean import dates as _d
from tidings.clean.dates import month_window, parse_iso  # noqa: F401  (re-exported)
from tidings.records import Article

LEAD_CHARS = 400  # title + first sentences: where the reported happening is dated

_LAST_WEEK = re.compile(
    r"last week|săptămâna trecută|vorige woche|letzte woche|vergangene woche|la semaine dernière|"
    r"la semana pasada|la settimana scorsa|на прошлой неделе|минулого тижня|पिछले हफ्ते|"
    r"पिछले हफ़्ते|पिछले सप्ताह|上周|上週|先週|지난주|الأسبوع الماضي",
    re.I,
)
_WORDS = re.compile(rf"{_d._WORD}")


def explicit_dates(text: str, pub: date | None = None, lang: str | None = None,
                   month: tuple[int, int] | None = None,
                   found: list[_d.Found] | None = None) -> list[tuple[int, date]]:
    """(position, date) for every calendar date written out in `text`; a yearless one
    takes its year from `pub` (or the publication `month`). `found`: `text` already scanned."""
    out: list[tuple[int, date]] = []
    for f in _d.scan(text, lang, limit=200) if found is None else found:
        if f.month is None:
            continue  # a weekday with only a day is relative: see relative_dates
        d = _d.resolve(f, ref=pub, month=month)
        if d is not None:
            out.append((f.start, d))
    return out


def relative_dates(text: str, pub: date | None, weeks: bool = True, lang: str | None = None,
                   pub_time: datetime | None = None,
                   found: list[_d.Found] | None = None) -> list[tuple[int, date]]:
    """(position, date) for weekday names, "yesterday" and "N days/hours ago", resolved
    against the publication date: a weekday means the latest such day on or before it."""
    if pub is None:
        return []
    out: list[tuple[int, date]] = []
    t = _d.normalise(text)
    for m in _WORDS.finditer(t):
        w = _d._fold(m.group())
        if w in _d.WEEKDAYS:
            back = (pub.weekday() - _d.WEEKDAYS[w]) % 7
            out.append((m.start(), pub - timedelta(days=back)))
        elif w in _d.YESTERDAY:
            out.append((m.start(), pub - timedelta(days=1)))
        elif w in _d.TODAY:
            out.append((m.start(), pub))
    for m in _d._CJK_WEEKDAY.finditer(t):
        back = (pub.weekday() - _d._CJK_WEEKDAYS[m.group()]) % 7
        out.append((m.start(), pub - timedelta(days=back)))
    for m in _d._CJK_YESTERDAY.finditer(t):
        out.append((m.start(), pub - timedelta(days=1)))
    for m in _d._CJK_TODAY.finditer(t):
        out.append((m.start(), pub))
    for f in _d.scan(t, lang, limit=200) if found is None else found:
        if f.month is None:  # "segunda-feira (21)": the day near publication with that weekday
            d = _d.resolve(f, ref=pub)
            if d is not None and d <= pub:
                out.append((f.start, d))
    base = pub_time or datetime(pub.year, pub.month, pub.day, 23, 59)
    out += _d.relative_days(t, base, lang)
    if weeks:
        for m in _LAST_WEEK.finditer(t):
            out.append((m.start(), pub - timedelta(days=7)))
    out.sort()
    return out


def mentioned(text: str, pub: date | None = None, lang: str | None = None) -> list[str]:
    """Distinct dates the text mentions (ISO), in order of first mention."""
    seen: dict[str, None] = {}
    found = _d.scan(text, lang, limit=200)
    for _, d in sorted(explicit_dates(text, pub, lang, found=found)
                       + relative_dates(text, pub, lang=lang, found=found)):
        seen.setdefault(d.isoformat(), None)
    return list(seen)[:50]


def event_time(article: Article, lead_chars: int = LEAD_CHARS) -> tuple[str | None, list[str]]:
    """(best estimate of when the reported happening took place, dates mentioned).

    With a publication day: a weekday, "yesterday" or "2 days ago" in the title or lead,
    or a written date up to ten days before publication, moves the estimate back;
    otherwise the publication date stands. With only a publication month: a written date
    in the lead inside that month, else none. Without either: the latest written date in
    the lead or text.
    """
    pub = parse_iso(article.date)
    window = month_window(article.date)
    lang = article.lang
    text = article.text or ""
    title = article.title or ""
    lead = title + "\n" + (text[len(title):] if text.startswith(title) else text)[:lead_chars]
    dates = mentioned(title + "\n" + text[:20_000], pub, lang)
    if pub is not None:
        pub_time = _d.to_datetime(article.date)
        if pub_time is not None and pub_time.tzinfo is not None:
            pub_time = pub_time.replace(tzinfo=None)  # the local time, as written
        # "Last week" in a lead is background more often than the news itself.
        candidates = [d for _, d in relative_dates(lead, pub, weeks=False, lang=lang,
                                                   pub_time=pub_time if article.date and len(article.date) > 10 else None)]
        candidates = [d for d in candidates if 0 <= (pub - d).days <= 10]
        candidates += [d for _, d in explicit_dates(lead, pub, lang) if 0 <= (pub - d).days <= 10]
        if candidates:
            return candidates[0].isoformat(), dates
        return pub.isoformat(), dates
    if window is not None:
        month = (window[0].year, window[0].month)
        inside = [d for _, d in explicit_dates(lead, None, lang, month) if window[0] <= d <= window[1]]
        return (max(inside).isoformat() if inside else None), dates
    written = [d for _, d in explicit_dates(lead, None, lang)] or \
        [d for _, d in explicit_dates(text[:5000], None, lang)]
    if written:
        return max(written).isoformat(), dates
    return None, dates


def lead_weekday(article: Article, lead_chars: int = LEAD_CHARS) -> int | None:
    """Weekday (0 = Monday) first named in the title or lead: for an undated article the
    only clue to which of two look-alike happenings it reports ("mercredi" is not a
    Saturday's round of talks)."""
    text = article.text or ""
    title = article.title or ""
    lead = title + "\n" + (text[len(title):] if text.startswith(title) else text)[:lead_chars]
    best: tuple[int, int] | None = None
    for m in _WORDS.finditer(lead):
        day = _d.WEEKDAYS.get(_d._fold(m.group()))
        if day is not None:
            best = (m.start(), day)
            break
    cjk = _d._CJK_WEEKDAY.search(lead)
    if cjk and (best is None or cjk.start() < best[0]):
        best = (cjk.start(), _d._CJK_WEEKDAYS[cjk.group()])
    return best[1] if best else None
