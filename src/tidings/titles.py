"""Which article title names an event: one rule for the event's title in lists (the CLI,
the API, the front page, the digest ranking) and the brief's headline, so one event is
called the same everywhere."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tidings.clean.dates import MONTHS, _fold

# What cleaning sometimes takes for a page's title when the page has none of its own:
# a link, a URL slug, an agency tag, a photo credit, a byline or a browser notice.
# (LINK: also what marks a brief's line as no news, brief/lines.py)
LINK = re.compile(r"(?i)https?://|www\.\w|\b[\w-]+\.(?:com|org|net|co\.uk|in|ru|de|fr)/\S")
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")
_AGENCY_TAG = re.compile(r"/\s*[A-ZА-Я]{2,12}\s*/|\((?:[A-Z]{2,12}|WAM|AFP|AP|dpa)\)")
_BRACKETED = re.compile(r"^\s*[\[【〔(<«][^\]】〕)>»]{0,60}[\]】〕)>»]\s*$")
_CREDIT = re.compile(
    r"(?i)(?:\b(?:getty images|picture alliance|shutterstock|ap photo|afp photo|reuters/|epa/|"
    r"photo(?:graph)?s? ?(?:by|:)|foto ?(?:by|von|de|di|:)|credits?:|source:|quelle:|fuente:|"
    r"image:|bild:|file photo)|(?<!\w)фото(?!\w)|(?<!\w)світлина(?!\w)|^(?:記者|记者)\S{1,5}(?:[/／]|$)|"
    r"(?:綜合外電|综合外电|綜合|综合)(?:報導|报道)\s*$|图片来源|圖片來源|資料照)")
_BYLINE = re.compile(r"^(?:[Bb]y|par|por|von|di|de|[Аа]втор|від)\s+[A-ZÀ-ÞА-Я]\w+(?:\s+[A-ZÀ-ÞА-Я][\w'-]+){0,3}\s*$")
_NOTICE = re.compile(
    r"(?i)\b(?:javascript|cookies?|your browser|ihr browser|most read|meistgelesen|lo más leído|"
    r"les plus lus|più letti|mais lidas|самое читаемое|найпопулярніше|world news|latest news|"
    r"breaking news|live updates?|in a few words|в нескольких словах|коротко)\b")
# A title that ends where the news would begin: "NEW DELHI:", "புதுடெல்லி:".
_LEAD_IN = re.compile(r"[:：\-–—]\s*$")
# A dateline at a title's start, the news after it: "VATICAN CITY — …", "ISLAMABAD: …",
# "Roma, 8 maggio 2025 — …", "Lahore, May 10 — …".
_HEAD_BREAK = re.compile(r"\s*(?:[—–]|--|:)\s+(?=[^\W\d_a-zà-ÿа-я]|[\"“‘'«¡¿])")
_CAPS_PLACE = re.compile(r"^[A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я .'’-]{2,40}(?:\s*\([^)]{1,20}\))?(?:,[^—–:]{1,30})?$")
# A credit or a notice is short; a headline may name a photo or a live page in passing.
_SHORT = 60


def _words(text: str) -> list[str]:
    return [w for w in text.split() if any(c.isalpha() for c in w)]


_PLACE_THEN_REST = re.compile(r"^([^\d,]{2,30}),\s*(.+)$")
_DAY = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|º)?$")
_DATE_JOINTS = {"de", "di", "of", "del", "du"}
_PLACE_JOINTS = {"de", "di", "of", "del", "du", "la", "el", "am", "an", "upon", "sur"}


def dateline_only(text: str) -> bool:
    """Whether a line is a place and a day and nothing else, with an agency tag at most:
    "BERLIN, May 6. /TASS/.", "Roma, 8 maggio 2025", a dateline with no news after it."""
    t = _AGENCY_TAG.sub(" ", text).strip().rstrip(".।。-–— ")
    m = _PLACE_THEN_REST.match(t)
    # A place's words are capitalised where the script has capitals ("Quake hits Japan,
    # May 7" is news with a date).
    if not m or any(w[0].islower() and w.casefold() not in _PLACE_JOINTS for w in m.group(1).split()):
        return False
    month = False
    for tok in m.group(2).split():
        tok = tok.strip(".,")
        if _fold(tok) in MONTHS:
            month = True
        elif not (_DAY.match(tok) or re.fullmatch(r"\d{4}", tok) or tok.casefold() in _DATE_JOINTS):
            return False
    return month


def not_a_headline(title: str) -> bool:
    """Whether a title is page furniture rather than news: a link or slug, an agency tag or
    date with no news ("MOSCOW, May 7. /TASS/", "12.03.2025 09:40"), a photo credit or
    byline, a site name in brackets, a browser notice or section label."""
    t = title.strip()
    if LINK.search(t) or _SLUG.match(t) or _BRACKETED.match(t) or _BYLINE.match(t) \
            or _LEAD_IN.search(t) or dateline_only(t):
        return True
    if len(t) <= _SHORT and (_CREDIT.search(t) or _NOTICE.search(t)):
        return True
    if _AGENCY_TAG.search(t):
        # A dateline with its agency tag: what is left is a place and a month at most.
        return len(_words(_AGENCY_TAG.sub(" ", t))) <= 3
    # A lone closing quotation mark: the tail of a quotation whose start is elsewhere.
    if t[-1:] in "\"”»" and not any(c in t[:-1] for c in "\"“„«"):
        return True
    return False


def reads_as_headline(title: str) -> bool:
    """A title of one or two words is a page's section or a photo credit that cleaning
    took for the title ("World News", "Фото vaticannews"), not a headline; nor is page
    furniture (`not_a_headline`)."""
    if not_a_headline(title):
        return False
    if len(_words(title)) >= 3:
        return True
    # Scripts written without spaces (Chinese, Japanese, Thai, Burmese): by characters.
    return sum(1 for c in title if c.isalpha() and _unspaced(c)) >= 8


def _unspaced(c: str) -> bool:
    o = ord(c)
    return o > 0x2E80 or 0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF


def without_dateline(title: str) -> str:
    """The title without a dateline opening it ("VATICAN CITY — Pope Francis died…" reads
    "Pope Francis died…"), when enough of a headline is left after it."""
    t = title.strip()
    m = _HEAD_BREAK.search(t, 0, 80)
    if m is None:
        return t
    head, rest = t[:m.start()], t[m.end():]
    caps = _CAPS_PLACE.match(head) and head.split(",")[0].isupper()
    if (caps or dateline_only(head)) and len(_words(rest)) >= 3:
        return rest
    return t


# Readers whose language is not written in the Latin script; any other reads Latin.
_READER_SCRIPT = {
    "ru": "CYRILLIC", "uk": "CYRILLIC", "be": "CYRILLIC", "bg": "CYRILLIC", "sr": "CYRILLIC",
    "mk": "CYRILLIC", "kk": "CYRILLIC", "el": "GREEK", "ar": "ARABIC", "fa": "ARABIC",
    "ur": "ARABIC", "ps": "ARABIC", "he": "HEBREW", "hi": "DEVANAGARI", "mr": "DEVANAGARI",
    "ne": "DEVANAGARI", "bn": "BENGALI", "ta": "TAMIL", "te": "TELUGU", "gu": "GUJARATI",
    "ml": "MALAYALAM", "kn": "KANNADA", "th": "THAI", "my": "MYANMAR", "ka": "GEORGIAN",
    "hy": "ARMENIAN", "zh": "CJK", "ja": "CJK", "ko": "HANGUL",
}


def script_of(text: str) -> str:
    """The script most of a text's letters are written in (LATIN, CYRILLIC, CJK…)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = "CJK" if name.startswith(("CJK", "HIRAGANA", "KATAKANA")) else name.split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else ""


def reader_script(lang: str | None) -> str:
    return _READER_SCRIPT.get((lang or "").split("-")[0].lower(), "LATIN")


def title_rank(title: str, lang: str | None, prefer: str | None, centrality: float,
               original: bool = True) -> tuple:
    """Sort key, highest best: a title that reads as a headline, then one in the preferred
    language (the reader's, or `Config.title_lang` for lists), then one in its script (an
    English reader can read a Spanish title's names, not a Chinese one's), then an original
    before a syndicated copy, then the one nearest the event's centre."""
    headline, script = _traits(title)
    return (headline, bool(prefer) and lang == prefer,
            bool(prefer) and script == reader_script(prefer), original, centrality)


@lru_cache(maxsize=8192)
def _traits(title: str) -> tuple[bool, str]:
    # The clusterer ranks its sample's titles again at every article it assigns: read
    # afresh, 24 titles took 0.7 ms of an assignment (30 µs each). Each is read once.
    return reads_as_headline(title), script_of(title)
