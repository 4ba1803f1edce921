"""Publication dates: finding them, parsing them, judging them.

Our own patterns (ISO, numeric, day-month-year and month-day-year with month names in a
dozen languages, an optional time and zone) read almost every dateline in microseconds;
dateparser, given the article's language, is the fallback for the rest of the header
lines that hold a year. A bare year is never a date ("Copyright © 2024" is not when the
article was published), and dates before config.date_min_year or more than
config.date_max_future_days ahead are rejected.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from tidings.config import DEFAULT, Config

_MONTHS: dict[int, list[str]] = {
    1: ["january", "jan", "ianuarie", "ian", "januar", "jänner", "janvier", "janv", "enero",
        "ene", "gennaio", "gen", "janeiro", "января", "январь", "янв", "січня", "січень",
        "stycznia", "styczeń", "januari", "ocak", "जनवरी"],
    2: ["february", "feb", "februarie", "febr", "februar", "février", "févr", "fév", "fevrier",
        "febrero", "febbraio", "fevereiro", "fev", "февраля", "февраль", "фев", "февр",
        "лютого", "лютий", "lutego", "luty", "februari", "şubat", "फरवरी", "फ़रवरी"],
    3: ["march", "mar", "martie", "märz", "mär", "maerz", "mars", "marzo", "março", "marco",
        "марта", "март", "березня", "marca", "maart", "mart", "मार्च"],
    4: ["april", "apr", "aprilie", "avril", "avr", "abril", "abr", "aprile", "апреля",
        "апрель", "апр", "квітня", "kwietnia", "nisan", "अप्रैल"],
    5: ["may", "mai", "mayo", "maggio", "mag", "maio", "мая", "май", "травня", "maja", "mei",
        "mayıs", "मई"],
    6: ["june", "jun", "iunie", "iun", "juni", "juin", "junio", "giugno", "giu", "junho",
        "июня", "июнь", "червня", "czerwca", "haziran", "जून"],
    7: ["july", "jul", "iulie", "iul", "juli", "juillet", "juil", "julio", "luglio", "lug",
        "julho", "июля", "июль", "липня", "lipca", "temmuz", "जुलाई"],
    8: ["august", "aug", "août", "aout", "agosto", "ago", "августа", "август", "авг",
        "серпня", "sierpnia", "augustus", "ağustos", "अगस्त"],
    9: ["september", "sept", "sep", "septembrie", "septembre", "septiembre", "setiembre",
        "settembre", "set", "setembro", "сентября", "сентябрь", "сент", "сен", "вересня",
        "września", "eylül", "सितंबर", "सितम्बर"],
    10: ["october", "oct", "octombrie", "oktober", "okt", "octobre", "octubre", "ottobre",
         "ott", "outubro", "out", "октября", "октябрь", "окт", "жовтня", "października",
         "ekim", "अक्टूबर", "अक्तूबर"],
    11: ["november", "nov", "noiembrie", "noie", "novembre", "noviembre", "novembro",
         "ноября", "ноябрь", "нояб", "ноя", "листопада", "listopada", "kasım", "नवंबर",
         "नवम्बर"],
    12: ["december", "dec", "decembrie", "dezember", "dez", "décembre", "déc", "decembre",
         "diciembre", "dic", "dicembre", "dezembro", "декабря", "декабрь", "дек", "грудня",
         "grudnia", "aralık", "दिसंबर", "दिसम्बर"],
}
_MONTH_OF = {unicodedata.normalize("NFC", n): m for m, names in _MONTHS.items() for n in names}
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True))
_M = rf"(?P<mon>{_MONTH_ALT})\.?(?![^\W\d_])(?![\u0900-\u097f])"
_TZ = r"(?:\s*(?P<tz>IST|GMT|UTC|Z|CET|CEST|EET|EEST|MSK|EST|EDT|PST|PDT|BST|[+-]\d{2}:?\d{2}))?"
_TIME = (
    r"(?:\s*(?:,|\||at|um|à|a las|la|ora|в|-|–|—|T)?\s*"
    r"(?P<hh>\d{1,2})[:.h](?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?" + _TZ + r")?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
_PATTERNS = [
    # 2026-01-30, 2026-01-28T18:20:00+02:00
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<num>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
        r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\.\d+)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
    ),
    # 28 ian. 2026, 18:20 | 9. Januar 2024 | 30 de enero de 2026 | 30 जनवरी 2026
    re.compile(rf"(?<!\d){_DAY}\s*(?:de\s+)?{_M},?\s*(?:de\s+|del\s+)?{_YEAR}{_TIME}", re.I),
    # January 30, 2026 07:10 | Jan 9 2024 5:53PM
    re.compile(rf"(?<![^\W\d_]){_M}\s+{_DAY},?\s+{_YEAR}{_TIME}", re.I),
    # 28.01.2026 | 28/01/2026 14:05
    re.compile(rf"(?<![\d.])(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep){_YEAR}{_TIME}"),
]
_YEAR_ANY = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<num>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?:/|-|_|$)"
)
_PATH_DATE = re.compile(
    r"(?<![0-9A-Za-z])(?P<y>(?:19|20)\d{2})(?:[-_/.]?)(?P<m>[01]\d)(?:[-_/.]?)(?P<d>[0-3]\d)(?![0-9A-Za-z])"
)
_METADATA_LINE = re.compile(
    r"^\s*(?:date|datum|data|fecha|дата|दिनांक|तारीख|published|publicat|pubdate)\s*[:=]?\s*"
    r"(?P<value>(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"(?:\s+|$)",
    re.I,
)
_ZONES = {
    "IST": "+05:30", "GMT": "+00:00", "UTC": "+00:00", "Z": "+00:00", "CET": "+01:00",
    "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "EST": "-05:00",
    "EDT": "-04:00", "PST": "-08:00", "PDT": "-07:00", "BST": "+01:00",
}
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


def to_datetime(iso: str | None) -> datetime | None:
    """An ISO date from a record -> datetime (naive when no zone was known)."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def split_metadata_line(text: str) -> tuple[str | None, str]:
    """A leading " date 2026-01-30 " metadata prefix -> (ISO date, the text without it)."""
    m = _METADATA_LINE.match(text)
    if not m:
        return None, text
    value = _iso_from_parts(*_ymd_hms(m["value"]))
    return value, text[m.end():]


def date_in_url(url: str | None, config: Config = DEFAULT) -> str | None:
    """/2026/01/30/ or /20260130/ in a URL path."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    if m["year"]:
        y, mo, d = int(m["year"]), int(m["num"]), int(m["day"])
    else:
        y, mo, d = int(m["y2"]), int(m["m2"]), int(m["d2"])
    return _build(y, mo, d, None, None, None, None, config)


def date_in_path(path: str | None, config: Config = DEFAULT) -> str | None:
    """A date in a file name or path ("novosti/2025-10-02-putin.txt", "x-20260311.html")."""
    if not path:
        return None
    m = _PATH_DATE.search(path)
    if not m:
        return None
    return _build(int(m["y"]), int(m["m"]), int(m["d"]), None, None, None, None, config)


def find_dates(text: str, lang: str | None = None, config: Config = DEFAULT, limit: int = 20) -> list[str]:
    """Full dates (day, month and year) in `text`, in order, as ISO strings."""
    text = text.translate(_DIGITS)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            iso = _from_match(m, lang, config)
            if iso:
                found.append((m.start(), iso))
                taken.append((m.start(), m.end()))
    found.sort()
    return [iso for _, iso in found[:limit]]


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first full date in `text` is (start, end), by our patterns."""
    text = text.translate(_DIGITS)
    spans = [m.span() for p in _PATTERNS for m in [p.search(text)] if m]
    return min(spans) if spans else None


def parse_date(line: str, lang: str | None = None, config: Config = DEFAULT) -> str | None:
    """The first full date in a short string (a dateline), by our patterns, then dateparser."""
    dates = find_dates(line, lang, config, limit=1)
    if dates:
        return dates[0]
    if not _YEAR_ANY.search(line.translate(_DIGITS)):
        return None  # no year: dateparser would invent one
    return _dateparser(line, lang, config)


def plausible(dt: datetime, config: Config = DEFAULT) -> bool:
    """Not before config.date_min_year, not more than config.date_max_future_days ahead."""
    if dt.year < config.date_min_year:
        return False
    now = datetime.now(timezone.utc) if dt.tzinfo else datetime.now()
    return dt <= now + timedelta(days=config.date_max_future_days)


# --- internals ---
def _from_match(m: re.Match[str], lang: str | None, config: Config) -> str | None:
    g = m.groupdict()
    year = int(g["year"])
    if g.get("mon"):
        month = _MONTH_OF.get(unicodedata.normalize("NFC", g["mon"].lower()))
        day = int(g["day"])
    elif g.get("num"):
        month, day = int(g["num"]), int(g["day"])
    else:
        a, b = int(g["a"]), int(g["b"])
        # Day first, as most of the world writes it; month first only when it must be.
        day, month = (b, a) if b > 12 >= a else (a, b)
    if not month:
        return None
    hh = int(g["hh"]) if g.get("hh") else None
    mm = int(g["mm"]) if g.get("mm") else None
    ss = int(g["ss"]) if g.get("ss") else None
    if hh is not None and g.get("ampm"):
        ampm = g["ampm"].lower()
        if ampm == "p" and hh < 12:
            hh += 12
        elif ampm == "a" and hh == 12:
            hh = 0
    return _build(year, month, day, hh, mm, ss, g.get("tz"), config)


def _build(y, mo, d, hh, mm, ss, tz, config: Config) -> str | None:  # type: ignore[no-untyped-def]
    try:
        if hh is None:
            dt = datetime(y, mo, d)
            return dt.date().isoformat() if plausible(dt, config) else None
        dt = datetime(y, mo, d, hh, mm or 0, ss or 0)
    except (ValueError, TypeError):
        return None
    if not plausible(dt, config):
        return None
    iso = dt.isoformat()
    if tz:
        offset = _ZONES.get(tz.upper()) or (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
        iso += offset
    return iso


def _ymd_hms(value: str) -> tuple[int, int, int, int | None, int | None, int | None, str | None]:
    m = _PATTERNS[0].match(value)
    assert m
    g = m.groupdict()
    return (int(g["year"]), int(g["num"]), int(g["day"]),
            int(g["hh"]) if g["hh"] else None, int(g["mm"]) if g["mm"] else None,
            int(g["ss"]) if g["ss"] else None, g["tz"])


def _iso_from_parts(y, mo, d, hh, mm, ss, tz) -> str | None:  # type: ignore[no-untyped-def]
    return _build(y, mo, d, hh, mm, ss, tz, DEFAULT)


def _dateparser(line: str, lang: str | None, config: Config) -> str | None:
    line = line.strip()[:120]
    line = re.sub(r"\bIST\b", "+0530", line)
    dt = _dateparser_parse(line, lang)
    if dt is None or not plausible(dt, config):
        return None
    if dt.hour or dt.minute:
        return dt.isoformat()
    return dt.date().isoformat()


@lru_cache(maxsize=4096)
def _dateparser_parse(line: str, lang: str | None) -> datetime | None:
    import dateparser
    from dateparser.search import search_dates

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    languages = [lang] if lang and lang != "en" else []
    languages.append("en")
    try:
        dt = dateparser.parse(line, languages=languages, settings=settings)
        if dt is None:
            found = search_dates(line, languages=languages, settings=settings)
            dt = found[0][1] if found else None
    except Exception:  # an unsupported language code, or dateparser's own bugs
        return None
    return dt
