"""Decoding untrusted bytes into text: UTF-8 and UTF-16 (with or without a byte order mark),
the charset a page declares, else the legacy encoding under which the bytes read most like
a language. Also file names that are not UTF-8, shown escaped."""

from __future__ import annotations

import codecs
import re
import unicodedata

_NON_ASCII = re.compile(r"[^\x00-\x7f]")

_SNIFF = 8192
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

def decode(data: bytes, html: bool = False) -> tuple[str | None, str | None, str | None]:
    """Bytes -> (text, note, failure).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Anything else is
    decoded with the charset an HTML page declares (`html`), else a detected one, only when
    the result is clearly text; `note` then says so. `failure` explains binary or
    undecodable input.
    """
    text, note, failure, _encoding = _decode(data, html)
    return text, note, failure


def _decode(data: bytes, html: bool = False, hint: str | None = None) -> tuple[str | None, str | None, str | None, str | None]:
    """decode(), also naming the legacy encoding used (None for UTF-8 and UTF-16); `hint` is
    tried first (the encoding of earlier lines of the same file)."""
    if not data.strip():
        return "", None, None, None
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), None, None, None
        except UnicodeDecodeError:
            pass
    sample = data[:_SNIFF]
    utf16 = _utf16_without_bom(sample) if b"\x00" in sample else None
    if utf16:
        try:
            return data.decode(utf16), f"read as {utf16.upper()} (it has no byte order mark)", None, None
        except UnicodeDecodeError:
            pass
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        return None, None, (
            "binary file (contains NUL or control bytes), not text; export the article as "
            "text, HTML or JSON"
        ), None
    try:
        return data.decode("utf-8-sig"), None, None, None
    except UnicodeDecodeError as e:
        first_bad = e.start
    # A few stray bytes in otherwise good UTF-8: keep the text, mark the damage. It is UTF-8
    # when most of its non-ASCII characters decode as such, wherever the stray byte sits: a
    # legacy code page would turn every one of them into mojibake (KOI8-R's "п╓п╟").
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    valid = len(_NON_ASCII.findall(loose)) - bad
    if valid >= 2 * bad or (bad <= max(2, len(loose) // 1000) and any(b >= 0xC2 for b in data[:first_bad])):
        return loose, f"{bad} invalid UTF-8 byte(s) replaced with \ufffd", None, None
    note = "not UTF-8; decoded as {} (re-save as UTF-8 to be sure)"
    for encoding, why in ((hint, ""), (_declared_charset(data) if html else None, " as the page declares")):
        if encoding:
            try:
                return data.decode(encoding), note.format(encoding + why), None, encoding
            except (UnicodeDecodeError, LookupError):
                pass
    guessed = _guess_charset(data)
    if guessed:
        text, encoding = guessed
        return text, note.format(encoding), None, encoding
    return None, None, (
        f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no other "
        "text encoding fits; re-save the file as UTF-8"
    ), None


# Legacy encodings of the languages news comes in, the most used first (ties go to the
# earlier). Rarer code pages that charset_normalizer proposes are tried only when none of
# these reads as a language: short Russian in cp1251 reads as confident Greek under
# mac_greek, and koi8-r as Thai under cp874.
_LEGACY = ("cp1252", "cp1250", "cp1251", "koi8_r", "koi8_u", "iso8859_16", "cp1254", "cp1257",
           "cp1253", "cp1256", "cp1255", "gb18030", "big5", "cp932", "euc_jp", "cp949")
# How much more often these are met than the rest: Russian in cp1251 also reads as
# confident Greek under cp1253 ("Νΰβξδνενθε").
_PRIOR = {"cp1252": 1.0, "cp1250": 1.0, "cp1251": 1.0, "koi8_r": 0.9, "koi8_u": 0.9,
          "iso8859_16": 0.9, "cp1254": 1.0}
# WHATWG: what browsers decode a declared label as.
_LABELS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
           "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254", "gb2312": "gb18030",
           "gbk": "gb18030", "x-gbk": "gb18030", "shift_jis": "cp932", "shift-jis": "cp932",
           "sjis": "cp932", "x-sjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
           "tis-620": "cp874", "iso-8859-11": "cp874", "big5": "big5hkscs"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-z0-9_.:-]{2,40})""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first few kilobytes, as a Python codec."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(_LABELS.get(label, label)).name
    except LookupError:
        return None
    return None if name.startswith("utf") else name


def _guess_charset(data: bytes) -> tuple[str, str] | None:
    """The legacy encoding under which the bytes read most like a language.

    Each decoding is scored by the language identifier's confidence, times the share of
    its non-ASCII characters sitting in plausible words (mojibake mixes scripts inside a
    word, "ةlection", or puts capitals after small letters, "оБЧПДОЕОЙЕ").
    """
    from charset_normalizer import from_bytes

    sample = data[:200_000]
    best = _best_decoding(data, _LEGACY)
    if best is None or best[0] < 0.2:
        proposed = [m.encoding for m in from_bytes(sample) if m.chaos <= 0.1]
        other = _best_decoding(data, [e for e in proposed if e not in _LEGACY])
        if other is not None and (best is None or other[0] > best[0]):
            best = other
    return (best[1], best[2]) if best else None


def _best_decoding(data: bytes, encodings) -> tuple[float, str, str] | None:
    from tidings.clean.language import detect

    best: tuple[float, str, str] | None = None
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        head = text[:20000]
        printable = sum(1 for c in head if c.isprintable() or c in "\n\r\t")
        if printable < 0.97 * len(head):
            continue
        plausible = _plausible_share(head)
        if plausible < 0.7:  # mostly mojibake, or not text at all
            continue
        lang, confidence = detect(head)
        if not lang:
            continue
        score = (confidence or 0.0) * plausible**2 * _PRIOR.get(encoding, 0.8)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    return best


_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_COMMON_SYMBOLS = set("€£¥°©®™№§¶•·×÷±")


def _plausible_share(text: str) -> float:
    """Share of the non-ASCII characters that could be in text of some language: letters in
    words of one script with no capital after a small letter, and common symbols."""
    good = bad = 0
    for m in _LETTER_RUNS.finditer(text):
        word = m.group()
        weight = sum(1 for c in word if ord(c) > 127)
        if weight:
            if _plausible_word(word):
                good += weight
            else:
                bad += weight
    bad += sum(1 for c in text if ord(c) > 127 and unicodedata.category(c)[0] in "SC"
               and c not in _COMMON_SYMBOLS)
    return good / (good + bad) if good + bad else 1.0


def _plausible_word(word: str) -> bool:
    scripts = set()
    lower_seen = False
    for c in word:
        script = unicodedata.name(c, "?").split(" ", 1)[0]
        scripts.add("CJK" if script in ("HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH") else script)
        if c.isupper() and lower_seen:
            return False
        lower_seen = lower_seen or c.islower()
    return len(scripts) == 1


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le" or "-be" when the bytes look like it: in text of one script, the high
    byte of each character takes one or two values (0 for spaces, digits, punctuation and
    Latin; 0x04 for Cyrillic...), and the decoded text is printable."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        counts = sorted((high.count(b) for b in set(high)), reverse=True)
        if high.count(0) and sum(counts[:2]) >= 0.9 * len(high):
            try:
                text = sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c in "\n\r\t" for c in text) >= 0.97 * len(text) and \
                    sum(c.isalpha() for c in text) >= 0.3 * len(text):
                return encoding
    return None


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27) or b == 127)
    return bad / len(sample)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable_name(name: str) -> str:
    """A file name for messages and the store: bytes that are not UTF-8 (an old archive's
    "caf\\xe9.txt") come as lone surrogates, which SQLite refuses; show them escaped."""
    if not _SURROGATE.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", name)

