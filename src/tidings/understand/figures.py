"""Numbers in an article with what they count: "6,000 drones", "6.000 de drone",
"20% of the Donetsk area", "3 लोगों", "1,5 milioane". Years, times and dates are left out:
they say when, not how many, and dates.py reads them.
"""

from __future__ import annotations

import re
import unicodedata

from tidings.records import Figure

MAX_FIGURES = 40

# Languages writing 1.234,5 (dot groups thousands, comma marks decimals).
_DECIMAL_COMMA = {"de", "ro", "fr", "es", "it", "pt", "pl", "ru", "uk", "tr", "nl", "cs",
                  "sk", "hu", "bg", "sr", "hr", "sl", "sv", "da", "no", "fi", "id"}

_SCALES = {
    # word (lowercase) -> multiplier
    "thousand": 1e3, "thousands": 1e3, "mii": 1e3, "mie": 1e3, "tausend": 1e3, "mille": 1e3,
    "mil": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тыс": 1e3, "हजार": 1e3, "हज़ार": 1e3, "bin": 1e3,
    "million": 1e6, "millions": 1e6, "milion": 1e6, "milioane": 1e6, "mln": 1e6, "mio": 1e6,
    "millionen": 1e6, "millón": 1e6, "millones": 1e6, "milioni": 1e6, "milione": 1e6,
    "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6, "milyon": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "miliard": 1e9, "miliarde": 1e9, "mrd": 1e9,
    "milliarde": 1e9, "milliarden": 1e9, "milliard": 1e9, "milliards": 1e9, "mld": 1e9,
    "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9, "milyar": 1e9,
    "bn": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5, "लाख": 1e5, "crore": 1e7,
    "crores": 1e7, "करोड़": 1e7, "करोड": 1e7, "अरब": 1e9,
}
_PERCENT = {"%", "percent", "per cent", "procent", "prozent", "pour cent", "por ciento",
            "per cento", "प्रतिशत", "फीसदी", "процента", "процентов", "процент"}
_CURRENCY_BEFORE = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "dolari": "USD", "dólares": "USD",
    "dollari": "USD", "долларов": "USD", "डॉलर": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "рублей": "RUB", "rubles": "RUB", "roubles": "RUB", "rupees": "INR",
    "रुपये": "INR", "रुपए": "INR", "lei": "RON", "pounds": "GBP",
}
_MONTHS = set(
    """
    jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december ian ianuarie februarie martie aprilie
    mai iunie iulie august septembrie octombrie noiembrie decembrie januar februar märz
    juni juli oktober dezember janvier février mars avril juin juillet août septembre
    octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre
    octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre
    ottobre dicembre января февраля марта апреля мая июня июля августа сентября октября
    ноября декабря जनवरी फरवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर
    अक्टूबर नवंबर नवम्बर दिसंबर दिसम्बर
    """.split()
)
# Words between the number and the thing counted: "6.000 de drone", "6000 से अधिक ड्रोन".
FILLERS = set(
    "of the de des du d la le les a an more than over about some से अधिक ज्यादा ज़्यादा "
    "करीब लगभग का के की से mehr als über rund etwa plus de mai mult peste aproximativ "
    "más de unos unas около более".split()
)
_ORDINAL_SUFFIX = re.compile(r"^(st|nd|rd|th|er|e|ème|º|ª|\.|-?lea|-?a)\b", re.I)
_TIME_AFTER = re.compile(r"^\s*(am|pm|a\.m\.|p\.m\.|uhr|h\b|hrs|बजे|ч\b|ore\b)", re.I)

_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_NUMBER = re.compile(
    r"(?<![\w.,/:-])"
    r"(\d{1,3}(?:(?:[,.]|\s|\u00a0|\u202f)\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\w/:-]|[.,]\d)"
)


def _marks() -> str:
    """A character class of the combining marks (vowel signs, tone marks, viramas) of the
    Basic Multilingual Plane, as ranges."""
    codes = [c for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc")]
    ranges: list[tuple[int, int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)


# Letters plus combining marks, which str.isalnum() leaves out: without them a word of an
# abugida breaks at every vowel sign ("ครั้ง" read as "คร" and "ง", "ตะวันออก" as "ตะว" and
# "นออก"; Devanagari, Bengali, Tamil and Burmese alike).
MARKS = _marks()
_WORD = re.compile(rf"(?:[^\W\d_]|[\u0900-\u0963\u0971-\u097F{MARKS}])+|%")
# Where the counted thing ends: "drones last month" -> "drones", "लोगों की मौत" -> "लोगों".
_CUT = set(
    """
    on in at for to from by with and or but last next this that which who were was are is
    had have has since during after before into across per each while than as
    în la pe pentru cu din și sau care au fost luna anul săptămâna
    am im auf für mit und oder bei seit nach vor der die das den dem des wurden sind
    en à au aux pour avec et ou par dans sur qui ont sont le la les
    en el los las para con y o por que han son del al
    в на с по за для и или из что были был была было будут
    fueron fue han sido será wurden wurde werden ont été sont seront furono sono stati
    were will would could said says
    की के का को से में पर ने और या हैं है थे थी था हो किए किया गए गई
    """.split()
)


def _parse(num: str, lang: str | None) -> float | None:
    s = num.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in s:
        s = s.replace(" ", "")
    comma_decimal = (lang or "en") in _DECIMAL_COMMA
    if comma_decimal:
        thousands, decimal = ".", ","
    else:
        thousands, decimal = ",", "."
    # "6.000" in English or "6,000" in German: a single separator followed by exactly
    # three digits groups thousands whatever the locale says.
    seps = re.findall(r"[.,]", s)
    if len(seps) == 1 and re.search(r"[.,]\d{3}$", s) and not re.match(r"0[.,]", s):
        s = re.sub(r"[.,]", "", s)
    else:
        s = s.replace(thousands, "").replace(decimal, ".")
    try:
        return float(s)
    except ValueError:
        return None


def extract(text: str, lang: str | None = None) -> list[Figure]:
    """Figures in `text` in order of appearance (at most MAX_FIGURES)."""
    if not text:
        return []
    t = text.translate(_DIGITS)
    out: list[Figure] = []
    for m in _NUMBER.finditer(t):
        raw = m.group(1)
        before = t[max(0, m.start() - 20): m.start()]
        after = t[m.end(): m.end() + 80]
        if _TIME_AFTER.match(after) or re.search(r"\d[:.]\s*$", before):
            continue
        if _ORDINAL_SUFFIX.match(after) and not after.startswith(". "):
            continue
        value = _parse(raw, lang)
        if value is None:
            continue
        words = _WORD.findall(after[:60])
        prev_words = _WORD.findall(before)
        nearby = {w.lower() for w in words[:1] + prev_words[-1:]}
        if nearby & _MONTHS:
            continue  # part of a date: "30 January", "ian. 28"
        if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100:
            continue  # a year
        unit = ""
        cur = before.rstrip()[-1:] if before.rstrip() else ""
        if cur in _CURRENCY_BEFORE:
            unit = _CURRENCY_BEFORE[cur]
        i = 0
        # "%" right after the number, or the word "percent"
        rest = after.lstrip()
        if rest.startswith("%"):
            unit = "%"
            i = 1 if words and words[0] == "%" else 0
        while i < len(words) and words[i].lower() in _SCALES:
            value *= _SCALES[words[i].lower()]
            i += 1
        if i < len(words) and words[i].lower() in _PERCENT:
            unit = "%"
            i += 1
        if i + 1 < len(words) and f"{words[i]} {words[i+1]}".lower() in _PERCENT:
            unit = "%"
            i += 2
        if i < len(words) and words[i].lower() in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[words[i].lower()]
            i += 1
        while i < len(words) and words[i].lower() in FILLERS:
            i += 1
        if not unit and i < len(words) and words[i].lower() in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[words[i].lower()]  # "1,5 milioane de lei"
            i += 1
        what_words: list[str] = []
        # the counted thing ends at punctuation
        tail = after
        stop = re.search(r"[.,;:!?()\"“”«»।\n]", tail)
        limit_text = tail[: stop.start()] if stop else tail
        allowed = set(_WORD.findall(limit_text))
        for w in words[i: i + 3]:
            if w not in allowed or w.lower() in _CUT:
                break
            what_words.append(w)
        what = " ".join(what_words).lower()
        if not what and not unit:
            continue  # a bare number says nothing comparable
        out.append(Figure(value=value, text=(raw + after[: len(after) - len(after.lstrip())]
                                             + " ".join(words[:i + len(what_words)])).strip(),
                          what=what, unit=unit))
        if len(out) >= MAX_FIGURES:
            break
    return out
