"""When each article appeared, who reported first, and how coverage grew by day, language
and outlet."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from tidings.brief.lines import cut, junk_line, tidy
from tidings.brief.summary import points_back
from tidings.records import Article
from tidings.titles import reads_as_headline


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


def build(articles: list[Article], outlier_days: float = 3.0,
          event_times: dict[str, str | None] | None = None) -> tuple[list[dict], dict | None, dict]:
    """(timeline, first_report, coverage) for the event's articles.

    The first report is the earliest plausible dated article, unless an undated one shows
    by its own words that it was written before it (`undated_before`): then the undated
    one is named, with why, and the earliest dated report is kept beside it.
    `event_times` (article id: Features.event_time) lets an undated article whose own
    happening is dated days away be refused.
    """
    ordered = sorted(articles, key=order_key)
    plausible = _plausible(articles, outlier_days)
    dated_first = next((a for a in ordered if a.id in plausible), None)
    earlier = (undated_before(articles, dated_first, event_times, outlier_days)
               if dated_first is not None else None)
    first = earlier[0] if earlier else dated_first
    timeline = [
        {
            "article": a.id,
            "source": a.source,
            "lang": a.lang,
            "date": a.date,
            # A credit, a dateline or a site's label taken for the title names nothing.
            "title": a.title if a.title and reads_as_headline(a.title) else None,
            "first": first is not None and a.id == first.id,
            # Shown beside an undated first report inferred from its text.
            "earliest_dated": earlier is not None and dated_first is not None and a.id == dated_first.id,
            "duplicate_of": a.duplicate_of,
        }
        for a in ordered
    ]
    first_report = dict(_ref(first), inferred=False, why=None, earliest_dated=None) if first else None
    if first_report is not None and earlier is not None and dated_first is not None:
        first_report.update(inferred=True, why=earlier[1], earliest_dated=_ref(dated_first))
    return timeline, first_report, coverage(ordered)


def _ref(a: Article) -> dict:
    return {"article": a.id, "source": a.source, "date": a.date, "lang": a.lang, "title": a.title}


# "A short while ago": a time counted back from the moment of writing, minutes at most.
# Only wordings anchored to that moment ("ago", "hace", "il y a", "назад", "اب سے"), never
# ones counted from another happening ("moments earlier", "a few minutes after six",
# "minutes before the vote"), and no digits: "48 minutes ago" in a page's header is the
# site's clock against an unknown "now", not the writer's.
# Each form with a word every match of it holds: a form is tried only on a text holding
# its word (trying them all at every position of every text costs a large event time).
_JUST_NOW_FORMS = [
    ("ago", r"\b(?:moments|a few minutes|several minutes|a short while|a little while|just minutes|only minutes) ago\b"),
    ("hace", r"\bhace (?:apenas |sólo |solo )?(?:unos|pocos|escasos) (?:minutos|instantes|momentos)\b"),
    ("hace", r"\bhace (?:instantes|minutos|un momento)\b"),
    ("há ", r"\bhá (?:poucos minutos|alguns minutos|poucos instantes|instantes)\b"),
    # Not "il y a peu": "recently", which may be days.
    ("il y a", r"\bil y a (?:quelques minutes|quelques instants|un instant)\b"),
    (" fa", r"\b(?:pochi minuti|alcuni minuti|qualche minuto|poco) fa\b"),
    ("vor ", r"\bvor (?:wenigen|einigen|ein paar) (?:minuten|augenblicken)\b"),
    ("soeben", r"\bsoeben\b"),
    ("назад", r"\b(?:несколько|пару) минут назад\b"),
    ("только что", r"\bтолько что\b"),
    ("тому", r"\b(?:кілька|декілька) хвилин тому\b"),
    ("щойно", r"\bщойно\b"),
    ("temu", r"\bkilka minut temu\b"),
    ("przed chwil", r"\bprzed chwilą\b"),
    ("minute", r"\b(?:acum|în urmă cu) (?:câteva|puține) minute\b"),
    ("adineauri", r"\badineauri\b"),
    ("minuta", r"\bprije (?:nekoliko|par) minuta\b"),
    ("maloprije", r"\bmaloprije\b"),
    ("perce", r"\b(?:néhány perce|percekkel ezelőtt)\b"),
    ("geleden", r"\b(?:enkele|een paar) minuten geleden\b"),
    ("zojuist", r"\bzojuist\b"),
    ("lalu", r"\bbeberapa menit (?:yang )?lalu\b"),
    ("önce", r"\b(?:az önce|birkaç dakika önce)(?!\S)"),
    # Without "now" (اب سے, अभी) only when no "X से" counts from another happening.
    ("دیر", r"(?:^|\s)(?:(?:اب سے|ابھی) |(?<!سے ))(?:کچھ|تھوڑی) دیر (?:قبل|پہلے)"),
    ("قبل", r"(?:^|\s)قبل (?:دقائق|لحظات|قليل)(?! من)"),
    ("منذ", r"(?:^|\s)منذ (?:دقائق|لحظات|قليل)(?! من)"),
    ("پیش", r"(?:^|\s)(?:دقایقی|لحظاتی) پیش"),
    ("अभी", r"अभी-अभी"),
    ("देर पहले", r"(?:^|\s)(?:अभी |(?<!से ))(?:कुछ|थोड़ी) देर पहले"),
    ("刚刚", r"刚刚"), ("剛剛", r"剛剛"), ("分钟前", r"几分钟前"), ("分鐘前", r"幾分鐘前"),
    ("先ほど", r"先ほど"), ("방금", r"방금"),
]

# "Has not yet commented": a side whose word the writer is still waiting for.
_NOT_YET_FORMS = [
    ("yet", r"\b(?:has|have) (?:not yet|yet to) (?:comment|respond|react|confirm|issue)"),
    ("no ", r"\bno (?:comment|reaction|response) (?:yet )?from\b"),
    ("no immediate", r"\bno immediate (?:comment|reaction|response)\b"),
    ("immediately", r"\bdid not immediately (?:respond|comment|reply)\b"),
    ("no ", r"\b(?:aún|todavía) no (?:ha|han) (?:comentado|reaccionado|respondido|confirmado)"),
    ("no se", r"\b(?:aún|todavía) no se (?:ha|han) pronunciado"),
    ("ainda não", r"\bainda não (?:comentou|reagiu|respondeu|confirmou|se pronunciou)"),
    ("pas encore", r"\bn'(?:a|ont) pas encore (?:réagi|commenté|répondu|confirmé)"),
    ("ancora", r"\bnon (?:ha|hanno) ancora (?:commentato|reagito|risposto|confermato)"),
    ("nicht", r"\b(?:hat|haben) sich (?:bisher|bislang|noch) nicht (?:dazu )?geäußert"),
    ("пока не", r"\bпока не (?:прокомментировал|отреагировал|ответил|подтвердил)"),
    ("ще не", r"\bще не (?:прокоментував|відреагував|відповів|підтвердив)"),
    ("jeszcze nie", r"\bjeszcze nie (?:skomentował|zareagował|odniósł się|potwierdził)"),
    ("încă nu", r"\bîncă nu a (?:comentat|reacționat|răspuns|confirmat)"),
    ("još ", r"\bjoš (?:nije|nisu) (?:komentirao|komentarisao|reagirao|reagovao|potvrdio)"),
    ("még nem", r"\bmég nem (?:reagált|nyilatkozott|kommentálta)"),
    ("henüz", r"\bhenüz (?:bir )?(?:açıklama|yorum|tepki)"),
    ("belum", r"\bbelum (?:memberikan )?(?:komentar|tanggapan)"),
    ("نہیں", r"(?:تاحال|ابھی تک|اب تک)[^.۔!?]{0,80}(?:تبصرہ|ردعمل|ردِعمل|بیان)[^.۔!?]{0,30}نہیں"),
    ("لم ", r"لم (?:يصدر|يعلق|تعلق|يرد|ترد)[^.!?]{0,60}(?:بعد|حتى الآن)"),
    ("अभी तक", r"अभी तक[^.।!?]{0,60}(?:प्रतिक्रिया|टिप्पणी|बयान)[^.।!?]{0,20}नहीं"),
    ("尚未", r"尚未[^。！？，,]{0,20}(?:回应|回應|置评|置評|表态|表態|评论|評論)"),
]
_JUST_NOW = [(k, re.compile(f, re.IGNORECASE)) for k, f in _JUST_NOW_FORMS]
_NOT_YET = [(k, re.compile(f, re.IGNORECASE)) for k, f in _NOT_YET_FORMS]

_SENTENCE_END = re.compile(r"(?<=[.!?۔।。！？])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]{2,}")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]")


def freshness(a: Article, max_chars: int = 6000, both: bool = False) -> dict:
    """The article's own evidence of when it was written: the sentences saying something
    happened a short while ago (`just`) and that a side has not yet spoken (`not_yet`).

    Only sentences with content count: a "just now" in a header or byline ("date 2025-05
    il y a 48 minutes") says when a page was shown, not what the writer knew. Only the
    first `max_chars` are read: a report written minutes after says so near its top.
    With `both`, no "not yet" is looked for when no "just now" was found.
    """
    found: dict = {"just": None, "not_yet": None}
    text = (a.text or "")[:max_chars]
    low = text.lower()
    for key, forms in (("just", _JUST_NOW), ("not_yet", _NOT_YET)):
        for word, pattern in forms:
            if word not in low:
                continue
            found[key] = _first_evidence(text, key, pattern)
            if found[key] is not None:
                break
        if both and found["just"] is None:
            break
    return found


def _first_evidence(text: str, key: str, pattern: re.Pattern) -> dict | None:
    """The first match of `pattern` in a sentence with content, with that sentence."""
    for m in pattern.finditer(text):
        start = _sentence_start(text, m.start())
        if key == "just" and _inside_quote(text, m.start(), start):
            # "A little while ago" in a quoted statement dates the statement, not the
            # article that quotes it (maybe hours later).
            continue
        end_m = _SENTENCE_END.search(text, m.end())
        sent = text[start:end_m.start() if end_m else len(text)]
        i, j = m.start() - start, m.end() - start
        # Four words beyond the "just now" phrase (a "not yet" phrase spans its clause:
        # beyond its first word), or, in scripts written without spaces, eight signs.
        phrase = m.group().strip()
        cut = j if key == "just" else i + len(m.group()) - len(m.group().lstrip()) + len(phrase.split()[0])
        rest = sent[:i] + " " + sent[cut:]
        if len(_WORD.findall(rest)) >= 4 or len(_UNSPACED.findall(rest if key == "just" else sent)) >= 8:
            shown = sent.strip()
            return {"text": _around(shown, shown.find(phrase), len(phrase)), "phrase": phrase}
    return None


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    return start


def _inside_quote(text: str, pos: int, start: int = 0) -> bool:
    """Whether `pos` falls inside quotation marks opened earlier in its sentence."""
    before = text[start:pos]
    opened = sum(before.count(c) for c in "“„«‘‹「『") - sum(before.count(c) for c in "”»’›」』")
    # „…“ (German) closes with “, which the count above takes for an opening: count pairs.
    opened -= 2 * min(before.count("„"), before.count("“"))
    return opened > 0 or before.count('"') % 2 == 1


def _around(sent: str, at: int, length: int, width: int = 120) -> str:
    """The sentence, cut at words to about `width` characters around the phrase at `at`."""
    if len(sent) <= width:
        return sent
    at = max(at, 0)
    start = max(0, min(at - width // 3, len(sent) - width))
    end = start + width
    if start:
        start = sent.rfind(" ", 0, start) + 1
    if end < len(sent):
        end = max(sent.rfind(" ", at + length, end), at + length)
    return ("…" if start else "") + sent[start:end].strip() + ("…" if end < len(sent) else "")


def undated_before(articles: list[Article], dated_first: Article,
                   event_times: dict[str, str | None] | None = None,
                   outlier_days: float = 3.0) -> tuple[Article, str] | None:
    """(article, why) when one undated article shows it was written before `dated_first`.

    It must say both that something happened a short while ago and that a side has not yet
    spoken: an article written minutes after the news broke and before the reactions that
    a dated report already carries. Never otherwise: an undated article is often an old
    background piece or a late rewrite, and an undated report of the first happening alone
    ("reports only X") may be a day late. Nothing is claimed when the earliest dated report
    itself reads as written minutes after (it is then as early, and its time is known), nor
    when two undated articles qualify (nothing orders them), nor for an article whose own
    happening (its event time) lies `outlier_days` or more from the dated report's day: its
    "a short while ago" is about something else.
    """
    own = freshness(dated_first)
    if own["just"] or own["not_yet"]:
        return None
    found = []
    for a in articles:
        if a.id == dated_first.id or parse_date(a.date) is not None:
            continue
        own_time = parse_date((event_times or {}).get(a.id))
        dated_time = parse_date(dated_first.date)
        if own_time and dated_time and abs((own_time[0] - dated_time[0]).total_seconds()) >= outlier_days * 86400:
            continue
        ev = freshness(a, both=True)
        if ev["just"] and ev["not_yet"]:
            found.append((a, ev))
    if len(found) != 1:
        return None
    a, ev = found[0]
    when = (dated_first.date or "").replace("T", " ")[:16]
    # Each quoted sentence isolated (FSI ... PDI): a right-to-left one keeps its quote marks.
    why = (f"it reports as just happened \u201c\u2068{ev['just']['text']}\u2069\u201d and says a side has "
           f"not yet spoken \u201c\u2068{ev['not_yet']['text']}\u2069\u201d, so it was written before the earliest dated "
           f"report, {dated_first.source or dated_first.id} ({when}), which has no such words")
    return a, why


def later_voices(first_report: dict | None, said: list[tuple[str, str | None]]) -> list[str]:
    """Speakers the earliest dated report quotes and an inferred first report does not,
    from (article, speaker) pairs: what the dated one already carries, for the why."""
    if not first_report or not first_report.get("inferred") or not first_report.get("earliest_dated"):
        return []
    dated, undated = first_report["earliest_dated"]["article"], first_report["article"]
    by_article: dict[str, set[str]] = defaultdict(set)
    for article, speaker in said:
        if speaker:
            by_article[article].add(speaker)
    return sorted(by_article[dated] - by_article[undated])


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


# Words of what is to come, in the languages we read: a weekday beside them is ahead.
_TO_COME = re.compile(
    r"(?i)\b(?:will|shall|is set for|are set for|set to|scheduled|due to|next(?! to)|upcoming|planned|"
    r"to be held|expected to|va avea loc|urmează|programat|viitoare|următoare|wird|werden|"
    r"nächste[nmrs]?|aura lieu|se tiendra|prochaine?|prévue?s?|doit|se celebrará|"
    r"próxim[oa]|prevista|está previst[oa]|si terrà|prossim[oa]|previst[oa])\b|"
    r"будет|будут|состоится|состоятся|следующ|пройд[её]т|пройдут|запланирован|буде|відбудеться|"
    r"відбудуться|пройде|пройдуть|наступн|"
    r"होगा|होगी|होंगे|जाएगा|जाएगी|अगला|अगले|سيعقد|ستعقد|المقبل|القادم"
)


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "un": 1, "una": 1, "uno": 1, "um": 1, "uma": 1, "une": 1, "ein": 1,
                "einen": 1, "einem": 1, "o": 1, "dos": 2, "dois": 2, "due": 2, "deux": 2, "zwei": 2,
                "două": 2, "doua": 2, "tres": 3, "três": 3, "tre": 3, "trois": 3, "drei": 3, "trei": 3,
                "один": 1, "одного": 1, "два": 2, "две": 2, "дві": 2, "три": 3,
                "jeden": 1, "dwa": 2, "trzy": 3, "एक": 1, "दो": 2, "तीन": 3}
# "One day after <a happening> on Sunday": the day named is that happening's, and the
# sentence's own happening is that day moved by the count ("died ... one day after he
# spoke on Easter Sunday" is the Monday).
_OFFSET = re.compile(
    r"(?i)(?<!\w)(?:"
    r"(?:(?P<n>\w+) (?P<unit>days?|weeks?|días?|dias?|giorn[oi]|jours?|tage?n?|zile?|zi|dni|dzień|"
    r"дн[яей]|день|днів|дні|semanas?|semaines?|wochen?|settimane?|недел[юиь]|тижн[іяь]|tygodni[ea]?))"
    r"\s+(?P<dir>after|before|following|después de|antes de|após|depois de|antes d[aoe]|dopo|"
    r"prima d[ei]|après|avant|nach|vor dem|vor der|după|dupa|înainte de|po|przed|после|до|після|перед)"
    r"|(?P<fixed>the day after|the day before|the next day after|le lendemain d|la veille d|"
    r"al día siguiente de|el día después de|el día antes de|il giorno dopo|am tag nach|am tag vor|"
    r"a doua zi după|a doua zi dupa|на следующий день после|наступного дня після|nazajutrz po)"
    r")(?!\w)"
)
_FIXED_OFFSETS = {"the day after": 1, "the day before": -1, "the next day after": 1,
                  "le lendemain d": 1, "la veille d": -1, "al día siguiente de": 1,
                  "el día después de": 1, "el día antes de": -1, "il giorno dopo": 1,
                  "am tag nach": 1, "am tag vor": -1, "a doua zi după": 1, "a doua zi dupa": 1,
                  "на следующий день после": 1, "наступного дня після": 1, "nazajutrz po": 1}
_BACKWARD = re.compile(r"(?i)^(?:before|antes|prima|avant|vor|înainte|przed|до|перед)")
# A postposition: "<happening> के एक दिन बाद" (Hindi) counts from the day named before it.
_OFFSET_POST = re.compile(r"(?:के\s+)?(?P<n>\S+)\s+(?P<unit>दिन|हफ्ते|सप्ताह)\s+(?P<dir>बाद|पहले)")
_ANCHOR_REACH = 80  # characters between the offset words and the day they count from


def _offset_days(m: re.Match) -> int | None:
    fixed = m.groupdict().get("fixed")
    if fixed:
        return _FIXED_OFFSETS.get(fixed.lower())
    word = m.group("n").lower()
    n = int(word) if word.isdigit() and int(word) <= 60 else _COUNT_WORDS.get(word)
    if n is None:
        return None
    unit = m.group("unit").lower()
    if unit.startswith(("week", "seman", "semain", "woch", "settiman", "недел", "тижн", "tygod", "हफ्ते", "सप्ताह")):
        n *= 7
    return -n if _BACKWARD.match(m.group("dir")) or m.group("dir") == "पहले" else n


def anchored(sentence: str, dated: list[tuple[int, date]]) -> list[tuple[int, date]]:
    """The (position, day) pairs of a sentence, each day that "N days after/before" counts
    from moved by that count: in "the pope died, one day after he spoke on Easter Sunday"
    Sunday is the speech's day, and the sentence's own happening (the death) is Monday.
    An offset moves the first day named after it within its reach (a later one is the
    sentence's own: "one day after Easter Sunday, on Monday, ..."), or, for a postposition
    ("ईस्टर के एक दिन बाद"), the last day named just before it."""
    if not dated:
        return dated
    positions = sorted(p for p, _ in dated)
    shift: dict[int, int] = {}
    for m in _OFFSET.finditer(sentence):
        days = _offset_days(m)
        nxt = next((p for p in positions if m.end() <= p <= m.end() + _ANCHOR_REACH), None)
        if days and nxt is not None:
            shift.setdefault(nxt, days)
    for m in _OFFSET_POST.finditer(sentence):
        days = _offset_days(m)
        prev = [p for p in positions if m.start() - _ANCHOR_REACH <= p < m.start()]
        if days and prev:
            shift.setdefault(prev[-1], days)
    return [(p, d + timedelta(days=shift[p]) if p in shift else d) for p, d in dated]


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
            if junk_line(sent):
                offset += 1
                continue  # a bare dateline names its day but tells nothing of it
            # A weekday in a sentence about what is to come is the next one ("set for
            # Sunday" on a Friday); else the last one, or the next day for a report dated
            # the evening before across time zones, which is no scheduled step: only a
            # written date or a sentence about what is to come schedules one.
            to_come = _TO_COME.search(sent) is not None
            written_at = anchored(sent, explicit_dates(sent, pub))
            relative_at = anchored(sent, relative_dates(sent, pub, weeks=False, ahead=to_come))
            written = {d.isoformat() for _, d in written_at}
            found = written | {d.isoformat() for _, d in relative_at}
            for day in found:
                # Only days of the happening's span: a date years back is background.
                if abs((pub - date.fromisoformat(day)).days) > 14:
                    continue
                by_day[day].append({"article": a.id, "source": a.source, "lang": a.lang,
                                    "text": sent, "position": offset, "own": day == own_day,
                                    "ahead": day > pub.isoformat() and (to_come or day in written)})
            offset += 1
    out = []
    for day, items in by_day.items():
        arts = {x["article"] for x in items}
        # A day after publication is a scheduled step ("the next round on 1 February").
        ahead = all(x["ahead"] for x in items)
        if len(arts) < 2 and not ahead and not any(x["own"] for x in items):
            continue
        # Shown: the reader's language if any, then the earliest sentence in its article.
        # A sentence that leans on the one before it ("Thus…") only when no other tells the day.
        best = min(items, key=lambda x: (x["lang"] != lang, points_back(x["text"]), x["position"],
                                         len(x["text"])))
        out.append({"date": day, "text": cut(tidy(best["text"]), 300), "article": best["article"],
                    "source": best["source"], "lang": best["lang"], "articles": sorted(arts),
                    "scheduled": ahead})
    out.sort(key=lambda x: (-len(x["articles"]), x["date"]))
    return sorted(out[:max_items], key=lambda x: x["date"])
