"""When each article appeared, who reported first, and how coverage grew by day, language
and outlet."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, time, timezone, tzinfo

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
    A time given without its zone ("17:05" in a dateline) is read in the zone its outlet
    most likely writes in (`local_zone`); when none is known (a .com site writing in
    English, Spanish or Arabic could be anywhere, up to 14 hours from UTC either way), it
    goes, within its day, after the times whose zone is known: a US paper's 10:30 does not
    claim to precede an Indian site's 12:59 GMT. Such times keep their order among
    themselves.
    """
    parsed = parse_date(a.date)
    if parsed is None:
        return (1, datetime.max.replace(tzinfo=timezone.utc), 2, time.max, a.id)
    dt, has_time = parsed
    if not has_time:
        day = dt.replace(hour=0, minute=0, second=0, microsecond=0)
        return (0, day, 2, time.max.replace(tzinfo=timezone.utc), a.id)
    known = has_zone(a.date)
    if not known:
        zone = local_zone(a)
        if zone is not None:
            dt = dt.replace(tzinfo=zone).astimezone(timezone.utc)  # the naive time read in it
            known = True
    day = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    return (0, day, 0 if known else 1, dt.timetz(), a.id)


def has_zone(value: str | None) -> bool:
    """Whether an ISO date string with a time states its zone ("Z", "+02:00")."""
    if not value:
        return False
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


# Countries (by their URL's country-code domain) and languages whose outlets write in one
# civil time zone. Left out: generic domains (.com: anywhere) and languages written across
# many zones (en, es, pt, ar, ...).
_COUNTRY_ZONES = {
    "ro": "Europe/Bucharest", "md": "Europe/Chisinau", "ru": "Europe/Moscow", "ua": "Europe/Kyiv",
    "by": "Europe/Minsk", "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich",
    "fr": "Europe/Paris", "be": "Europe/Brussels", "nl": "Europe/Amsterdam", "it": "Europe/Rome",
    "es": "Europe/Madrid", "pt": "Europe/Lisbon", "pl": "Europe/Warsaw", "cz": "Europe/Prague",
    "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "hr": "Europe/Zagreb", "ba": "Europe/Sarajevo",
    "rs": "Europe/Belgrade", "si": "Europe/Ljubljana", "bg": "Europe/Sofia", "gr": "Europe/Athens",
    "tr": "Europe/Istanbul", "uk": "Europe/London", "ie": "Europe/Dublin", "se": "Europe/Stockholm",
    "dk": "Europe/Copenhagen", "no": "Europe/Oslo", "fi": "Europe/Helsinki", "il": "Asia/Jerusalem",
    "in": "Asia/Kolkata", "pk": "Asia/Karachi", "bd": "Asia/Dhaka", "lk": "Asia/Colombo",
    "np": "Asia/Kathmandu", "cn": "Asia/Shanghai", "hk": "Asia/Hong_Kong", "tw": "Asia/Taipei",
    "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "sg": "Asia/Singapore", "th": "Asia/Bangkok",
    "vn": "Asia/Ho_Chi_Minh", "ph": "Asia/Manila", "ir": "Asia/Tehran", "ae": "Asia/Dubai",
    "sa": "Asia/Riyadh", "qa": "Asia/Qatar", "eg": "Africa/Cairo", "dz": "Africa/Algiers",
    "tn": "Africa/Tunis", "ma": "Africa/Casablanca", "za": "Africa/Johannesburg", "ke": "Africa/Nairobi",
}
_LANGUAGE_ZONES = {
    "ro": "Europe/Bucharest", "ru": "Europe/Moscow", "uk": "Europe/Kyiv", "de": "Europe/Berlin",
    "fr": "Europe/Paris", "it": "Europe/Rome", "pl": "Europe/Warsaw", "hu": "Europe/Budapest",
    "cs": "Europe/Prague", "sk": "Europe/Bratislava", "nl": "Europe/Amsterdam", "el": "Europe/Athens",
    "bg": "Europe/Sofia", "hr": "Europe/Zagreb", "sr": "Europe/Belgrade", "bs": "Europe/Sarajevo",
    "sl": "Europe/Ljubljana", "tr": "Europe/Istanbul", "he": "Asia/Jerusalem", "sv": "Europe/Stockholm",
    "da": "Europe/Copenhagen", "fi": "Europe/Helsinki", "hi": "Asia/Kolkata", "mr": "Asia/Kolkata",
    "gu": "Asia/Kolkata", "ta": "Asia/Kolkata", "te": "Asia/Kolkata", "kn": "Asia/Kolkata",
    "ml": "Asia/Kolkata", "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "zh": "Asia/Shanghai",
    "th": "Asia/Bangkok", "vi": "Asia/Ho_Chi_Minh", "fa": "Asia/Tehran",
}
_GENERIC_DOMAINS = frozenset("com net org info biz site news online media press tv io co".split())


def local_zone(a: Article) -> tzinfo | None:
    """The time zone an article's zone-less times are most likely written in: its URL's
    country (.ro: Bucharest, .in: Kolkata); with no URL, its language's when that language
    is written in one zone (ro, ru, hi, ...). None for a generic domain (a .com site can be
    anywhere: a Chinese-language paper in New York) or a language of many zones."""
    from urllib.parse import urlsplit

    name = None
    host = urlsplit(a.url).hostname if a.url else None
    if host:
        tld = host.rsplit(".", 1)[-1].lower()
        if tld in _GENERIC_DOMAINS or tld not in _COUNTRY_ZONES:
            return None
        name = _COUNTRY_ZONES[tld]
    else:
        name = _LANGUAGE_ZONES.get((a.lang or "").split("-")[0])
    if name is None:
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - no time-zone database: no guess
        return None


def _plausible(articles: list[Article], days: float) -> set[str]:
    """Ids of articles whose publication date may be right: not `days` or more before the
    median dated article (a report cannot precede by days the happening that its sibling
    reports place later; such a date was read off a background line), nor after it."""
    dated = []
    for a in articles:
        parsed = parse_date(a.date)
        if parsed is not None:
            dated.append((parsed[0], a.id))
    dated.sort()
    if not dated:
        return set()
    median = dated[len(dated) // 2][0]
    return {aid for dt, aid in dated if abs((median - dt).total_seconds()) < days * 86400}


def build(articles: list[Article], outlier_days: float = 3.0) -> tuple[list[dict], dict | None, dict]:
    """(timeline, first_report, coverage) for the event's articles."""
    ordered = sorted(articles, key=order_key)
    plausible = _plausible(articles, outlier_days)
    first = next((a for a in ordered if a.id in plausible), None)
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


def happenings(articles: list[Article], sentences_of, features: dict | None = None,
               lang: str = "en", max_items: int = 8, outlier_days: float = 3.0,
               max_articles: int = 30, max_sentences: int = 15) -> list[dict]:
    """What happened when, as the articles report it: each day the articles name (a written
    date, a weekday, "yesterday") with the sentence naming it, beside publication times.

    A day named by one article only may be a misreading of it; it is kept when it is the
    event's own time (Features.event_time) of that article. Days are resolved against each
    article's publication date (understand.dates), so only dated articles take part.
    """
    from tidings.understand.dates import explicit_dates, parse_iso, relative_dates

    by_day: dict[str, list[dict]] = defaultdict(list)
    plausible = _plausible(articles, outlier_days)
    read = 0
    for a in articles:
        pub = parse_iso(a.date)
        if pub is None or a.id not in plausible:
            continue
        # The most central articles first (the caller ranks them); reading them all would
        # cost a large event seconds for days the first ones already name.
        read += 1
        if read > max_articles:
            break
        own = (features or {}).get(a.id)
        own_day = (own.event_time or "")[:10] if own is not None else ""
        offset = 0
        for sent in sentences_of(a)[:max_sentences]:
            found = {d.isoformat() for _, d in explicit_dates(sent, pub) + relative_dates(sent, pub, weeks=False)}
            for day in found:
                # Only days of the happening's span: a date years back is background.
                if abs((pub - date.fromisoformat(day)).days) > 14:
                    continue
                by_day[day].append({"article": a.id, "source": a.source, "lang": a.lang,
                                    "text": sent, "position": offset, "own": day == own_day,
                                    "ahead": day > pub.isoformat()})
            offset += 1
    out = []
    for day, items in by_day.items():
        arts = {x["article"] for x in items}
        # A day after publication is a scheduled step ("the next round on 1 February").
        ahead = all(x["ahead"] for x in items)
        if len(arts) < 2 and not ahead and not any(x["own"] for x in items):
            continue
        # Shown: the reader's language if any, then the earliest sentence in its article.
        best = min(items, key=lambda x: (x["lang"] != lang, x["position"], len(x["text"])))
        out.append({"date": day, "text": best["text"][:300], "article": best["article"],
                    "source": best["source"], "lang": best["lang"], "articles": sorted(arts),
                    "scheduled": ahead})
    out.sort(key=lambda x: (-len(x["articles"]), x["date"]))
    return sorted(out[:max_items], key=lambda x: x["date"])
