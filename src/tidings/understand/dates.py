"""Dates an article mentions, and when the happening it reports took place.

Publication date is not event time: a story published on Friday says "on Thursday", and a
recap names a date months back. Tables of month and weekday names in our languages and a
few regular expressions keep this cheap (well under a millisecond per article), where a
full dateparser search over the text costs tens of milliseconds.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tidings.records import Article

LEAD_CHARS = 400  # title + first sentences: where the reported happening is dated

_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "january jan ianuarie ian januar janvier janv enero ene gennaio gen janeiro styczeń stycznia ocak januari января январь जनवरी",
        "february feb februarie februar février févr febrero febbraio fevereiro luty lutego şubat subat februari февраля февраль फरवरी फ़रवरी",
        "march mar martie märz mars marzo março marzec marca mart maart марта март मार्च",
        "april apr aprilie avril abril aprile kwiecień kwietnia nisan апреля апрель अप्रैल",
        "may mai mayo maggio maio maj maja mayıs mei мая май मई",
        "june jun iunie juni juin junio giugno junho czerwiec czerwca haziran июня июнь जून",
        "july jul iulie juli juillet julio luglio julho lipiec lipca temmuz июля июль जुलाई",
        "august aug augusto août agosto sierpień sierpnia ağustos augustus августа август अगस्त",
        "september sep sept septembrie septembre septiembre settembre setembro wrzesień września eylül сентября сентябрь सितंबर सितम्बर",
        "october oct octombrie oktober octobre octubre ottobre outubro październik października ekim okt октября октябрь अक्टूबर",
        "november nov noiembrie novembre noviembre novembro listopad listopada kasım нoября ноября ноябрь नवंबर नवम्बर",
        "december dec decembrie dezember décembre déc diciembre dicembre dezembro grudzień grudnia aralık desember декабря декабрь दिसंबर दिसम्बर",
    ],
    start=1,
):
    for _w in _names.split():
        _MONTHS[_w] = _n

_WEEKDAYS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "monday luni montag lundi lunes lunedì lunedi poniedziałek poniedziałek pazartesi maandag понедельник понедельника понеділок понеділка सोमवार",
        "tuesday marți marti dienstag mardi martes martedì martedi wtorek salı dinsdag вторник вторника вівторок вівторка मंगलवार",
        "wednesday miercuri mittwoch mercredi miércoles mercoledì mercoledi środa środę çarşamba woensdag среда среду среды середа середу बुधवार",
        "thursday joi donnerstag jeudi jueves giovedì giovedi czwartek perşembe donderdag четверг четверга четвер четверга गुरुवार बृहस्पतिवार",
        "friday vineri freitag vendredi viernes venerdì venerdi piątek cuma vrijdag пятница пятницу пятницы пʼятниця пʼятницю п'ятницю п'ятниця пятницю शुक्रवार",
        "saturday sâmbătă sambata samstag samedi sábado sabato sobota sobotę cumartesi zaterdag суббота субботу субботы субота суботу शनिवार",
        "sunday duminică duminica sonntag dimanche domingo domenica niedziela niedzielę pazar zondag воскресенье воскресенья неділя неділю रविवार",
    ]
):
    for _w in _names.split():
        _WEEKDAYS[_w] = _n

_YESTERDAY = set("yesterday ieri gestern hier ayer вчера учора wczoraj dün gisteren ontem".split())
_TODAY = set("today azi astăzi heute aujourd'hui hoy oggi сегодня сьогодні dzisiaj bugün vandaag hoje आज".split())
_LAST_WEEK = re.compile(
    r"last week|săptămâna trecută|vorige woche|letzte woche|vergangene woche|la semaine dernière|"
    r"la semana pasada|la settimana scorsa|на прошлой неделе|पिछले हफ्ते|पिछले हफ़्ते|पिछले सप्ताह",
    re.I,
)

_W = r"[^\W\d_][\w\u0900-\u097F]*\.?"
_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](20\d\d|19\d\d)(?![\d])")
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|st|nd|rd|th|-?lea)?\s+(?:de\s+)?({_W})(?:,?\s+(?:de\s+)?((?:19|20)\d\d))?")
_MONTH_DAY = re.compile(rf"({_W})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+((?:19|20)\d\d))?")
_WORDS = re.compile(r"[^\W\d_][\w\u0900-\u097F']*")
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _with_year(day: int, month: int, year: int | None, pub: date | None) -> date | None:
    try:
        if year:
            return date(year, month, day)
        if pub is None:
            return None
        d = date(pub.year, month, day)
        # "1 February" in a late-January story is this year; "30 December" in a January
        # story is last year.
        if (d - pub).days > 180:
            d = date(pub.year - 1, month, day)
        elif (pub - d).days > 180:
            d = date(pub.year + 1, month, day)
        return d
    except ValueError:
        return None


def explicit_dates(text: str, pub: date | None = None) -> list[tuple[int, date]]:
    """(position, date) for every calendar date written out in `text`."""
    t = text.translate(_DIGITS)
    out: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, d: date | None) -> None:
        if d is None or any(a <= m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        out.append((m.start(), d))

    for m in _ISO.finditer(t):
        try:
            add(m, date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            pass
    for m in _NUMERIC.finditer(t):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (a, b) if b <= 12 else (b, a)
        try:
            add(m, date(y, month, day))
        except ValueError:
            pass
    for m in _DAY_MONTH.finditer(t):
        named = _month(m.group(2))
        if named:
            add(m, _with_year(int(m.group(1)), named, int(m.group(3)) if m.group(3) else None, pub))
    for m in _MONTH_DAY.finditer(t):
        named = _month(m.group(1))
        if named:
            add(m, _with_year(int(m.group(2)), named, int(m.group(3)) if m.group(3) else None, pub))
    out.sort()
    return out


def relative_dates(text: str, pub: date | None, weeks: bool = True) -> list[tuple[int, date]]:
    """(position, date) for weekday names and words like "yesterday", resolved against the
    publication date: a weekday means the latest such day on or before publication."""
    if pub is None:
        return []
    out: list[tuple[int, date]] = []
    for m in _WORDS.finditer(text):
        w = m.group().lower()
        if w in _WEEKDAYS:
            back = (pub.weekday() - _WEEKDAYS[w]) % 7
            out.append((m.start(), pub - timedelta(days=back)))
        elif w in _YESTERDAY:
            out.append((m.start(), pub - timedelta(days=1)))
        elif w in _TODAY:
            out.append((m.start(), pub))
    if weeks:
        for m in _LAST_WEEK.finditer(text):
            out.append((m.start(), pub - timedelta(days=7)))
    out.sort()
    return out


def mentioned(text: str, pub: date | None = None) -> list[str]:
    """Distinct dates the text mentions (ISO), in order of first mention."""
    seen: dict[str, None] = {}
    for _, d in sorted(explicit_dates(text, pub) + relative_dates(text, pub)):
        seen.setdefault(d.isoformat(), None)
    return list(seen)[:50]


def event_time(article: Article, lead_chars: int = LEAD_CHARS) -> tuple[str | None, list[str]]:
    """(best estimate of when the reported happening took place, dates mentioned).

    With a publication date: a weekday or "yesterday" in the title or lead, or a written
    date up to ten days before publication, moves the estimate back; otherwise the
    publication date stands. Without one: the latest written date in the lead or text.
    """
    pub = parse_iso(article.date)
    text = article.text or ""
    title = article.title or ""
    lead = title + "\n" + (text[len(title):] if text.startswith(title) else text)[:lead_chars]
    dates = mentioned(title + "\n" + text[:20_000], pub)
    if pub is not None:
        # "Last week" in a lead is background more often than the news itself.
        candidates = [d for _, d in relative_dates(lead, pub, weeks=False)]
        candidates += [d for _, d in explicit_dates(lead, pub) if 0 <= (pub - d).days <= 10]
        if candidates:
            return candidates[0].isoformat(), dates
        return pub.isoformat(), dates
    written = [d for _, d in explicit_dates(lead)] or [d for _, d in explicit_dates(text[:5000])]
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
    for m in _WORDS.finditer(lead):
        day = _WEEKDAYS.get(m.group().lower())
        if day is not None:
            return day
    return None
