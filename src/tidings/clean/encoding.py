"""Text repair: mojibake, entities, control characters, white space.

ftfy is thorough but costs 1-5 ms per article, so it only runs when a cheap check finds
the fingerprints of UTF-8 read as Latin-1/cp1252 ("Ã©", "â€™", "à¤°").
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

# UTF-8 lead bytes seen as Latin-1/cp1252, followed by a continuation byte seen the same way.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00c5\u00ce-\u00d1\u00e0\u00e2\u00e3]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|\u00c3"
)
# Mojibake that later went through NFKC: "¼" became "1⁄4" ("gÃ1⁄4nlÃ1⁄4k" for "günlük").
_NFKC_FRACTIONS = re.compile("([\u00c2\u00c3\u00c5])([13])\u2044([24])")
_FRACTIONS = {"1\u20444": "\u00bc", "1\u20442": "\u00bd", "3\u20444": "\u00be"}
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u2060\ufeff]")
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")


def repair(text: str) -> str:
    """Fix mojibake and HTML entities, drop control and zero-width characters, NFC."""
    if _MOJIBAKE.search(text):
        text = _NFKC_FRACTIONS.sub(lambda m: m[1] + _FRACTIONS[f"{m[2]}\u2044{m[3]}"], text)
        text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, normalization="NFC")
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def lines_of(text: str) -> list[str]:
    """Lines with white space collapsed and stripped; runs of blank lines become one ""."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def join_paragraphs(lines: list[str]) -> str:
    """Lines back to text: blank lines separate paragraphs, single newlines stay."""
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
