"""Sentence splitting for the languages we brief: Latin and Cyrillic scripts with case,
Devanagari with the danda "।" (and the Latin full stop Hindi sites often use instead).

A rule-based splitter is enough here: briefs quote whole sentences, so a missed boundary
costs a long sentence, a false one a broken quote. False boundaries are the worse error,
so abbreviations and initials are guarded and a full stop followed by a lower-case
letter never ends a sentence.
"""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (lower-cased, no dot).
_ABBREVIATIONS = {
    # en
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt",
    "rep", "sen", "gov", "pres", "rev", "hon", "vs", "etc", "approx", "no", "nos", "fig",
    "inc", "ltd", "co", "corp", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    # ro
    "dl", "dna", "dlui", "dnei", "nr", "str", "bd", "ian", "febr", "mart", "apr", "aug",
    "sept", "oct", "nov", "dec", "pct", "lei", "mil", "mld", "art", "alin", "lit",
    # de
    "z.b", "bzw", "usw", "ca", "nr", "vgl", "hr", "fr", "dr", "st", "abs", "bspw", "evtl",
    # fr
    "m", "mme", "mlle", "mm", "av", "env", "cf",
    # es
    "sra", "srta", "ud", "uds", "av", "dña", "pág",
    # ru / uk
    "г", "гг", "т", "д", "им", "ул", "пр", "млн", "млрд", "тыс", "руб", "см", "стр", "т.е",
    "т.д", "т.п", "др", "проф", "акад", "грн", "ст",
}

_TERMINATORS = ".!?…।॥"
_CLOSERS = "\"'”’»“›)]"
_OPENERS = "\"'„“‘«‹([¿¡—–-"

# A terminator run, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"([.!?…।॥]+)([\"'”’»“›)\]]*)(\s+)")


def _starts_sentence(ch: str) -> bool:
    """Whether `ch` can open a sentence after a full stop.

    Upper-case letters, digits and quotes can; lower-case letters cannot; letters of
    scripts without case (Devanagari, Arabic, CJK) can, since there is no other signal.
    """
    if not ch:
        return False
    if ch.isdigit() or ch in _OPENERS:
        return True
    if ch.isalpha():
        return not ch.islower()
    return ch in "•*"


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _OPENERS:
        start -= 1
    return text[start:end]


def _protected(text: str, dot_pos: int) -> bool:
    """True when the full stop at dot_pos belongs to an abbreviation or an initial."""
    word = _word_before(text, dot_pos)
    if not word:
        return False
    bare = word.rstrip(".").lower()
    if bare in _ABBREVIATIONS:
        return True
    # Initials: "J." "U.S." "V.V." — one letter, possibly dotted runs of single letters.
    if re.fullmatch(r"(?:\w\.)*\w", word.rstrip(".")) and all(
        len(part) == 1 for part in word.rstrip(".").split(".")
    ):
        return word.rstrip(".").isupper() or len(word.rstrip(".")) == 1
    return False


_MONTHS = set("""
january february march april may june july august september october november december
januar februar märz mai juni juli oktober dezember ianuarie februarie martie aprilie iunie
iulie septembrie octombrie noiembrie decembrie janvier février mars avril juin juillet août
septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto
septiembre octubre noviembre diciembre января февраля марта апреля мая июня июля августа
сентября октября ноября декабря січня лютого березня квітня травня червня липня серпня
вересня жовтня листопада грудня
""".split())


def _ordinal_date(block: str, m: re.Match) -> bool:
    """German-style ordinal dates: "am 15. April" is one sentence."""
    before = _word_before(block, m.start(1))
    after = re.match(r"[^\W\d_]+", block[m.end():])
    return before.isdigit() and len(before) <= 2 and after is not None and after.group().lower() in _MONTHS


_ORDINAL_DETERMINERS = set("der die das den dem des am im zum zur vom beim ihr ihre sein seine".split())


def _ordinal_number(block: str, m: re.Match) -> bool:
    """German-style ordinals after a determiner: "Der 267. Papst", "zum 3. Mal" are one
    sentence (a sentence ending in a number has no article right before the number)."""
    number = _word_before(block, m.start(1))
    if not number.isdigit():
        return False
    before = _word_before(block, m.start(1) - len(number) - 1) if m.start(1) - len(number) - 1 > 0 else ""
    return before.lower() in _ORDINAL_DETERMINERS


def split(text: str, lang: str | None = None, max_chars: int = 600) -> list[str]:
    """Sentences of `text`, in order, whitespace-normalised.

    Line breaks always end a sentence: in cleaned news text they separate paragraphs,
    headings and captions. Sentences longer than `max_chars` are cut at a word boundary,
    because one run-on "sentence" of site furniture must not swamp a brief.
    """
    out: list[str] = []
    for block in re.split(r"\n+", text or ""):
        block = " ".join(block.split())
        if not block:
            continue
        start = 0
        for m in _BOUNDARY.finditer(block):
            nxt = block[m.end() : m.end() + 1]
            term = m.group(1)
            if term == "." and (_protected(block, m.start(1)) or _ordinal_date(block, m)
                                or _ordinal_number(block, m)):
                continue
            if term[-1] in "।॥":
                pass  # the danda always ends a sentence
            elif not _starts_sentence(nxt):
                continue
            piece = block[start : m.end(2)].strip()
            if piece:
                out.append(piece)
            start = m.end()
        tail = block[start:].strip()
        if tail:
            out.append(tail)
    return [_bound(s, max_chars) for s in out]


def _bound(sentence: str, max_chars: int) -> str:
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence.rfind(" ", 0, max_chars)
    return sentence[: cut if cut > max_chars // 2 else max_chars] + " …"


def word_count(sentence: str) -> int:
    return len(sentence.split())
