"""Reading files, folders and standard input into RawArticle records.

Everything here treats input as untrusted: sizes are checked before reading, bytes are
decoded defensively, and every failure becomes a Problem naming the input, what happened
and what to do, so one bad file never stops a batch.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import select
import stat
import sys
import unicodedata
from pathlib import Path
from typing import IO, Any, Iterator, Protocol

from tidings.config import DEFAULT, Config
from tidings.records import Problem, RawArticle

Item = RawArticle | Problem

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}

# Optional fields of a JSON article and the types they may have.
_STR_FIELDS = ("url", "title", "date", "lang", "source", "author", "crawled")
_SNIFF = 8192
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read(paths: list[str] | str, config: Config = DEFAULT) -> Iterator[Item]:
    """Yield a RawArticle for every article found in `paths`, a Problem for every failure.

    A path may be a file (.txt, .html/.htm, .json, .jsonl; anything else is tried as text),
    a folder (read recursively in sorted order, hidden files skipped) or "-" for standard
    input. Never raises for bad input.
    """
    if isinstance(paths, (str, Path)):
        paths = [str(paths)]
    for p in paths:
        p = str(p)
        if p == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", config)
            continue
        if not p.strip():
            yield Problem("''", "empty path; give a file, a folder or - for standard input")
            continue
        path, label = Path(p), _printable_name(p)
        try:
            if path.is_dir():
                yield from _read_folder(path, label, config, {})
            elif path.is_file():
                yield from read_file(path, label, config)
            elif path.exists():
                # A pipe (`tidings ingest <(curl ...)`) or a device: read as a stream, bounded.
                f = _open_pipe(path, config.pipe_wait_seconds)
                if f is None:
                    yield Problem(label, f"a pipe nothing was written to in {config.pipe_wait_seconds:g} s "
                                  "(no program writing to it?); skipped")
                    continue
                with f:
                    yield from read_stream(f, label, config)
            else:
                yield Problem(label, "no such file or folder; check the path")
        except OSError as e:  # e.g. a folder we may not list
            yield Problem(label, f"cannot read: {_os_reason(e)}")


def _open_pipe(path: Path, wait: float) -> IO[bytes] | None:
    """`path` opened for reading, or None when it is a pipe with nothing written to it
    within `wait` seconds. A plain open() of a named pipe waits for a writer forever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # returns at once, writer or not
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            poller = select.poll()
            poller.register(fd, select.POLLIN | select.POLLHUP)
            if not poller.poll(max(0.0, wait) * 1000):
                os.close(fd)
                return None
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_folder(folder: Path, given: str, config: Config, seen: dict[tuple[int, int], str]) -> Iterator[Item]:
    """Files and subfolders in one sorted order (a path sorts where its name does).

    `seen` maps each folder already read (device, inode) to where it was read, so a
    symbolic link back up the tree (a loop) or to a sibling is not read again.
    """
    try:
        st = folder.stat()
        key = (st.st_dev, st.st_ino)
        if key in seen:
            yield Problem(Path(given).as_posix(), f"a link to a folder already read ({seen[key]}); "
                          "not read twice", fatal=False)
            return
        seen[key] = Path(given).as_posix()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield Problem((Path(given)).as_posix(), f"cannot read folder: {_os_reason(e, 'folder')}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        origin = (Path(given) / _printable_name(entry.name)).as_posix()
        try:
            is_dir = entry.is_dir()  # follows symlinks; loops end at the OS's depth limit
        except OSError as e:
            yield Problem(origin, f"cannot read: {_os_reason(e)}")
            continue
        if is_dir:
            yield from _read_folder(Path(entry.path), origin, config, seen)
        elif entry.is_file():
            yield from read_file(Path(entry.path), origin, config)
        elif not entry.is_symlink() or os.path.exists(entry.path):
            yield Problem(origin, "not a regular file (a pipe, socket or device); skipped",
                          fatal=False)
        else:
            yield Problem(origin, "a symbolic link to nothing (its target is gone); skipped")


def read_file(path: Path, origin: str, config: Config = DEFAULT) -> Iterator[Item]:
    """Read one file; its kind comes from the extension (unknown ones are tried as text)."""
    ext = path.suffix.lower()
    try:
        size = path.stat().st_size
        if ext in JSONL_EXT:
            # JSON Lines exports can be large: stream them, bounding each line instead.
            with open(path, "rb") as f:
                head = f.read(4096)
                f.seek(0)
                if head[:2] in _UTF16_BOMS:
                    # Windows PowerShell writes redirected output as UTF-16.
                    yield from _read_jsonl(_Utf8Lines(f), origin, config)
                    return
                if size <= config.max_file_bytes and _opens_a_document(head):
                    # One pretty-printed JSON document saved as .jsonl: read line by line it
                    # would be nothing but broken lines.
                    value = _parse_json(f.read())
                    if value is not None:
                        yield Problem(origin, "holds one JSON document, not one object per line: "
                                      "read as JSON (name it .json)", fatal=False)
                        yield from _json_items(value, origin, config)
                        return
                    f.seek(0)
                yield from _read_jsonl(f, origin, config)
            return
        if size > config.max_file_bytes:
            with open(path, "rb") as f:
                head = f.read(min(config.max_raw_keep_chars, 65536))
            yield Problem(
                origin,
                f"file is {_mb(size)}, over the {_mb(config.max_file_bytes)} limit for one "
                "article; split it (or export as JSON Lines) or raise TIDINGS_MAX_FILE_BYTES",
                raw=_excerpt(head, config),
            )
            return
        data = path.read_bytes()
    except OSError as e:
        yield Problem(origin, f"cannot read: {_os_reason(e)}")
        return
    yield from _read_bytes(data, origin, ext, config)


def read_stream(stream: IO[bytes], origin: str = "<stdin>", config: Config = DEFAULT) -> Iterator[Item]:
    """Read standard input (or any byte stream), telling JSON Lines, JSON, HTML and text apart
    by content."""
    head = stream.read(_SNIFF)
    if head[:2] in _UTF16_BOMS:
        # UTF-16 cannot be read line by line as bytes: decode it whole (bounded) first.
        data = head + stream.read(config.max_file_bytes + 1 - len(head))
        if len(data) > config.max_file_bytes:
            yield _too_large(origin, data, config)
            return
        text, _note, failure = decode(data)
        if failure or text is None:
            yield Problem(origin, failure or "undecodable input", raw=_excerpt(data, config))
            return
        stream, head = io.BytesIO(), text.encode("utf-8")
    rest = _Chained(head, stream)
    # The first line with content, however long, tells JSON Lines (an object on one line)
    # from a JSON document, HTML or text.
    before: list[bytes] = []
    first, consumed = b"", 0
    while consumed <= config.max_file_bytes:
        line = rest.readline(config.max_file_bytes + 1)
        if not line:
            break
        before.append(line)
        consumed += len(line)
        if line.strip():
            first = line
            break
    rest = _Chained(b"".join(before), rest)
    start = first.removeprefix(_UTF8_BOM).lstrip()[:1]
    if start == b"{" and _is_json_object(first):
        yield from _read_jsonl(rest, origin, config)
        return
    data = rest.read(config.max_file_bytes + 1)
    if len(data) > config.max_file_bytes:
        yield _too_large(origin, data, config)
        return
    if start in (b"{", b"["):
        kind = ".json"
    elif start == b"<":
        kind = ".html"
    else:
        kind = ".txt"
    yield from _read_bytes(data, origin, kind, config)


def _too_large(origin: str, data: bytes, config: Config) -> Problem:
    return Problem(
        origin,
        f"input is over the {_mb(config.max_file_bytes)} limit for one article; "
        "send JSON Lines (one article per line) or raise TIDINGS_MAX_FILE_BYTES",
        raw=_excerpt(data, config),
    )


# --- by kind ---
def _read_bytes(data: bytes, origin: str, ext: str, config: Config) -> Iterator[Item]:
    maybe_html = ext in HTML_EXT or (ext not in TEXT_EXT | JSON_EXT and b"<" in data[:1024])
    text, note, failure = decode(data, html=maybe_html)
    if failure:
        yield Problem(origin, failure, raw=_excerpt(data, config))
        return
    assert text is not None
    if note:
        yield Problem(origin, note, fatal=False)
    if not text.strip():
        yield Problem(origin, "empty file (only white space); nothing to ingest")
        return
    if ext in JSON_EXT:
        yield from _read_json(text, origin, config)
    elif ext in HTML_EXT or (ext not in TEXT_EXT and _looks_like_html(text)):
        yield RawArticle(origin=origin, html=text)
    else:
        yield RawArticle(origin=origin, text=text)


def _read_json(text: str, origin: str, config: Config) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        first = text.lstrip().split("\n", 1)[0]
        if e.msg == "Extra data" and _is_json_object(first.encode("utf-8", "surrogatepass")):
            yield Problem(origin, "holds one JSON object per line: read as JSON Lines (name it "
                          ".jsonl)", fatal=False)
            yield from _read_jsonl(io.BytesIO(text.encode("utf-8", "surrogatepass")), origin, config)
            return
        yield Problem(
            origin,
            f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); fix the file "
            "or save one object per line as .jsonl",
            line=e.lineno,
            raw=text[: config.max_raw_keep_chars],
        )
        return
    except RecursionError:
        yield Problem(origin, _TOO_DEEP, raw=text[: config.max_raw_keep_chars])
        return
    yield from _json_items(value, origin, config)


def _json_items(value: Any, origin: str, config: Config) -> Iterator[Item]:
    if isinstance(value, dict):
        yield from _from_object(value, origin, None, config)
    elif isinstance(value, list):
        if not value:
            yield Problem(origin, "empty JSON list; nothing to ingest")
        for i, obj in enumerate(value, start=1):
            yield from _from_object(obj, f"{origin}#{i}", None, config)
    else:
        yield Problem(
            origin,
            f"JSON holds {_json_type(value)}; expected an article object or a list of them",
            raw=json.dumps(value, ensure_ascii=False)[: config.max_raw_keep_chars],
        )


class _Lines(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def _read_jsonl(f: _Lines, origin: str, config: Config) -> Iterator[Item]:
    limit = config.max_file_bytes
    seen_any = False
    number = 0
    encoding = None  # of the first line not in UTF-8, tried first on later ones
    while True:
        line = f.readline(limit + 1)
        if not line:
            break
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            kept = line[: config.max_raw_keep_chars]
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = f.readline(1 << 20)
            yield Problem(
                origin,
                f"line is over the {_mb(limit)} limit for one article; skipped",
                line=number,
                raw=_excerpt(kept, config),
            )
            seen_any = True
            continue
        if not line.strip():
            continue
        seen_any = True
        text, note, failure, used = _decode(line, hint=encoding)
        if failure or text is None:
            failure = (failure or "undecodable").replace("binary file", "binary data", 1)
            yield Problem(origin, f"{failure}; the other lines were read", line=number,
                          raw=_excerpt(line, config))
            continue
        if used is None and note:
            yield Problem(origin, note, line=number, fatal=False)
        elif used is not None and encoding is None:
            # Once per file: an export in a legacy encoding would otherwise note every line.
            encoding = used
            yield Problem(origin, f"{note}; later lines not in UTF-8 are read as {used} too",
                          line=number, fatal=False)
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield Problem(
                origin,
                f"broken JSON line ({e.msg} at column {e.colno}); fix or remove this line, "
                "the other lines were read",
                line=number,
                raw=text[: config.max_raw_keep_chars],
            )
            continue
        except RecursionError:
            yield Problem(origin, _TOO_DEEP, line=number, raw=text[: config.max_raw_keep_chars])
            continue
        yield from _from_object(obj, f"{origin}:{number}", number, config, base=origin)
    if not seen_any:
        yield Problem(origin, "empty file (no JSON lines); nothing to ingest")


def _from_object(
    obj: Any, origin: str, line: int | None, config: Config, base: str | None = None
) -> Iterator[Item]:
    """An article object -> RawArticle, or a Problem saying which field is wrong.

    A wrong type in an optional field does not cost the article: numbers are read as text
    (a number as date as a Unix time), anything else is left out, with a note.
    """
    where = base or origin

    def problem(reason: str, fatal: bool = True) -> Problem:
        raw = json.dumps(obj, ensure_ascii=False)[: config.max_raw_keep_chars] if fatal else None
        raw = _SURROGATE.sub("\ufffd", raw) if raw else raw
        return Problem(where if line else origin, reason, line=line, raw=raw, fatal=fatal)

    if not isinstance(obj, dict):
        yield problem(f"expected a JSON object for an article, got {_json_type(obj)}")
        return
    # JSON may escape half a UTF-16 pair ("\\ud83d" from an emoji cut in two), which no
    # UTF-8 store or model accepts: mark the damage with U+FFFD, as for bad bytes.
    broken = sum(len(_SURROGATE.findall(v)) for v in obj.values() if isinstance(v, str))
    if broken:
        obj = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in obj.items()}
        yield problem(f"{broken} broken \\u escape(s) (half of a UTF-16 pair) replaced with "
                      "\ufffd", fatal=False)
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            yield problem(f'"{name}" must be a string, got {_json_type(value)}')
            return
    if not (text and text.strip()) and not (html and html.strip()):
        keys = ", ".join(sorted(map(str, obj))) or "none"
        yield problem(f'no "text" or "html" with content (fields found: {keys})')
        return
    fields: dict[str, str | None] = {}
    raw_id = obj.get("id")
    if raw_id is not None:
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
            yield problem(f'"id" must be a string or a whole number, got {_json_type(raw_id)} '
                          f"({json.dumps(raw_id)[:40]}); give the article a usable id or none")
            return
        fields["id"] = str(raw_id).strip() or None
    ignored: list[str] = []
    for name in _STR_FIELDS:
        value = obj.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = _unix_time(value) if name == "date" else json.dumps(value)
        if value is not None and not isinstance(value, str):
            ignored.append(f'"{name}" ({_json_type(value)})')
            value = None
        fields[name] = value.strip() or None if isinstance(value, str) else None
    if ignored:
        yield problem(f"left out {', '.join(ignored)}: should be text; the article was kept",
                      fatal=False)
    yield RawArticle(
        origin=origin,
        text=text if text and text.strip() else None,
        html=html if html and html.strip() and not (text and text.strip()) else None,
        **fields,
    )


def _unix_time(value: float) -> str:
    """A number given as date: a day written as digits (20260310), seconds or milliseconds
    since 1970, else its digits for the date parser to judge."""
    from datetime import datetime, timezone

    if value == int(value) and 1900_01_01 <= value <= 2100_12_31:  # 20260310
        digits = str(int(value))
        try:
            return datetime.strptime(digits, "%Y%m%d").date().isoformat()
        except ValueError:
            return digits
    seconds = value / 1000 if value >= 1e11 else value
    if 1e8 <= seconds < 1e10:
        return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")
    return json.dumps(value)


# --- decoding ---
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


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


_TOO_DEEP = ("JSON nested too deeply to read (thousands of levels); an article is an object "
             "with \"text\" or \"html\", fix the export")


# --- helpers ---
def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text[:5000].lower()


def _opens_a_document(head: bytes) -> bool:
    """Whether a .jsonl file starts like one JSON document: "[" first, or "{" alone on its
    line (a JSON Lines record has its whole object on the first line)."""
    for line in head.removeprefix(_UTF8_BOM).splitlines():
        if line.strip():
            return line.strip() == b"{" or line.lstrip().startswith(b"[")
    return False


def _parse_json(data: bytes) -> Any:
    """The JSON value in `data`, or None when it is not one JSON document."""
    text, _note, failure = decode(data)
    if failure or not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _is_json_object(line: bytes) -> bool:
    text, _note, failure = decode(line)
    if failure or not text:
        return False
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):
        return False


def _excerpt(data: bytes, config: Config) -> str:
    return data[: config.max_raw_keep_chars].decode("utf-8", errors="replace")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def _os_reason(e: OSError, what: str = "file") -> str:
    if isinstance(e, PermissionError):
        return f"permission denied; check the {what}'s permissions"
    if isinstance(e, FileNotFoundError):
        return "no such file or folder; check the path"
    return e.strerror or str(e)


class _Chained(io.RawIOBase):
    """Bytes already read from a stream followed by the rest of it, with readline()."""

    def __init__(self, head: bytes, rest: IO[bytes] | _Chained) -> None:
        self._buf = io.BufferedReader(_Concat(head, rest))

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        return self._buf.readline(-1 if size is None else size)

    def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        return self._buf.read(-1 if size is None else size)


class _Utf8Lines:
    """A UTF-16 file seen as UTF-8 lines, for the JSON Lines reader."""

    def __init__(self, f: IO[bytes]) -> None:
        self._text = io.TextIOWrapper(f, encoding="utf-16", errors="replace", newline="")

    def readline(self, size: int = -1) -> bytes:
        # `size` counts characters here; the JSON Lines reader only uses it as a bound.
        return self._text.readline(size).encode("utf-8", "surrogatepass")


class _Concat(io.RawIOBase):
    def __init__(self, head: bytes, rest: IO[bytes] | _Chained) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(b))
        n = len(chunk)
        b[:n] = chunk
        return n
