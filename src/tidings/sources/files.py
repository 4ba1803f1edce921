"""Reading files, folders and standard input into RawArticle records.

Everything here treats input as untrusted: sizes are checked before reading, bytes are
decoded defensively, and every failure becomes a Problem naming the input, what happened
and what to do, so one bad file never stops a batch.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Any, Iterator

from tidings.config import DEFAULT, Config
from tidings.records import Problem, RawArticle

Item = RawArticle | Problem

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}

# Optional fields of a JSON article and the types they may have.
_STR_FIELDS = ("url", "title", "date", "lang", "source", "author")
_SNIFF = 8192


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
        path = Path(p)
        try:
            if path.is_dir():
                yield from _read_folder(path, p, config)
            elif path.exists():
                yield from read_file(path, p, config)
            else:
                yield Problem(p, "no such file or folder; check the path")
        except OSError as e:  # e.g. a folder we may not list
            yield Problem(p, f"cannot read: {_os_reason(e)}")


def _read_folder(folder: Path, given: str, config: Config) -> Iterator[Item]:
    """Files and subfolders in one sorted order (a path sorts where its name does)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield Problem((Path(given)).as_posix(), f"cannot read folder: {_os_reason(e)}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        origin = (Path(given) / entry.name).as_posix()
        try:
            is_dir = entry.is_dir()  # follows symlinks; loops end at the OS's depth limit
        except OSError as e:
            yield Problem(origin, f"cannot read: {_os_reason(e)}")
            continue
        if is_dir:
            yield from _read_folder(Path(entry.path), origin, config)
        elif entry.is_file():
            yield from read_file(Path(entry.path), origin, config)


def read_file(path: Path, origin: str, config: Config = DEFAULT) -> Iterator[Item]:
    """Read one file; its kind comes from the extension (unknown ones are tried as text)."""
    ext = path.suffix.lower()
    try:
        size = path.stat().st_size
        if ext in JSONL_EXT:
            # JSON Lines exports can be large: stream them, bounding each line instead.
            with open(path, "rb") as f:
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
    start = head.lstrip()[:1]
    if start == b"{":
        first_line = head.split(b"\n", 1)[0]
        if _is_json_object(first_line):
            yield from _read_jsonl(_Chained(head, stream), origin, config)
            return
    data = head + stream.read(config.max_file_bytes + 1 - len(head))
    if len(data) > config.max_file_bytes:
        yield Problem(
            origin,
            f"input is over the {_mb(config.max_file_bytes)} limit for one article; "
            "send JSON Lines (one article per line) or raise TIDINGS_MAX_FILE_BYTES",
            raw=_excerpt(data, config),
        )
        return
    if start in (b"{", b"["):
        kind = ".json"
    elif start == b"<":
        kind = ".html"
    else:
        kind = ".txt"
    yield from _read_bytes(data, origin, kind, config)


# --- by kind ---
def _read_bytes(data: bytes, origin: str, ext: str, config: Config) -> Iterator[Item]:
    text, note, failure = decode(data)
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
        yield Problem(
            origin,
            f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); fix the file "
            "or save one object per line as .jsonl",
            line=e.lineno,
            raw=text[: config.max_raw_keep_chars],
        )
        return
    if isinstance(value, dict):
        yield _from_object(value, origin, None, config)
    elif isinstance(value, list):
        if not value:
            yield Problem(origin, "empty JSON list; nothing to ingest")
        for i, obj in enumerate(value, start=1):
            item = _from_object(obj, f"{origin}#{i}", None, config)
            yield item
    else:
        yield Problem(
            origin,
            f"JSON holds a {type(value).__name__}; expected an article object or a list of them",
            raw=text[: config.max_raw_keep_chars],
        )


def _read_jsonl(f: IO[bytes], origin: str, config: Config) -> Iterator[Item]:
    limit = config.max_file_bytes
    seen_any = False
    number = 0
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
        text, _note, failure = decode(line)
        if failure or text is None:
            yield Problem(origin, failure or "undecodable line", line=number, raw=_excerpt(line, config))
            continue
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
        yield _from_object(obj, f"{origin}:{number}", number, config, base=origin)
    if not seen_any:
        yield Problem(origin, "empty file (no JSON lines); nothing to ingest")


def _from_object(
    obj: Any, origin: str, line: int | None, config: Config, base: str | None = None
) -> Item:
    """An article object -> RawArticle, or a Problem saying which field is wrong."""
    where = base or origin

    def problem(reason: str) -> Problem:
        raw = json.dumps(obj, ensure_ascii=False)[: config.max_raw_keep_chars]
        return Problem(where if line else origin, reason, line=line, raw=raw)

    if not isinstance(obj, dict):
        return problem(f"expected a JSON object for an article, got {_json_type(obj)}")
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            return problem(f'"{name}" must be a string, got {_json_type(value)}')
    if not (text and text.strip()) and not (html and html.strip()):
        keys = ", ".join(sorted(map(str, obj))) or "none"
        return problem(f'no "text" or "html" with content (fields found: {keys})')
    fields: dict[str, str | None] = {}
    raw_id = obj.get("id")
    if raw_id is not None:
        if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
            return problem(f'"id" must be a string or a number, got {_json_type(raw_id)}')
        fields["id"] = str(raw_id).strip() or None
    for name in _STR_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return problem(f'"{name}" must be a string, got {_json_type(value)}')
        fields[name] = value.strip() or None if isinstance(value, str) else None
    return RawArticle(
        origin=origin,
        text=text if text and text.strip() else None,
        html=html if html and html.strip() and not (text and text.strip()) else None,
        **fields,
    )


# --- decoding ---
def decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Bytes -> (text, note, failure).

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such. Anything else is
    decoded with a detected charset only when the result is clearly text; `note` then says
    so. `failure` explains binary or undecodable input.
    """
    if not data.strip():
        return "", None, None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None, None
        except UnicodeDecodeError:
            pass
    sample = data[:_SNIFF]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        return None, None, (
            "binary file (contains NUL or control bytes), not text; export the article as "
            "text, HTML or JSON"
        )
    try:
        return data.decode("utf-8-sig"), None, None
    except UnicodeDecodeError as e:
        first_bad = e.start
    # A few stray bytes in otherwise good UTF-8: keep the text, mark the damage.
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    if bad <= max(2, len(loose) // 1000) and any(b >= 0xC2 for b in data[:first_bad]):
        return loose, f"{bad} invalid UTF-8 byte(s) replaced with \ufffd", None
    guessed = _guess_charset(data)
    if guessed:
        text, encoding = guessed
        return text, f"not UTF-8; decoded as {encoding} (re-save as UTF-8 to be sure)", None
    return None, None, (
        f"not valid UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) and no other "
        "text encoding fits; re-save the file as UTF-8"
    )


def _guess_charset(data: bytes) -> tuple[str, str] | None:
    """The legacy encoding under which the bytes read most like a language.

    charset_normalizer proposes encodings that decode without chaos, but often ranks a
    Baltic or DOS code page above cp1252 for French or German; the language identifier's
    confidence on each decoding picks the right one.
    """
    from charset_normalizer import from_bytes

    from tidings.clean.language import detect

    sample = data[:200_000]
    proposed = [m.encoding for m in from_bytes(sample) if m.chaos <= 0.1]
    best: tuple[float, str, str] | None = None
    for encoding in dict.fromkeys([*proposed, "cp1252", "cp1250", "cp1251", "iso8859_16"]):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        head = text[:20000]
        printable = sum(1 for c in head if c.isprintable() or c in "\n\r\t")
        if printable < 0.97 * len(head):
            continue
        lang, score = detect(head)
        if lang and (best is None or score > best[0]):
            best = (score or 0.0, text, encoding)
    return (best[1], best[2]) if best else None


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27) or b == 127)
    return bad / len(sample)


# --- helpers ---
def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text[:5000].lower()


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _excerpt(data: bytes, config: Config) -> str:
    return data[: config.max_raw_keep_chars].decode("utf-8", errors="replace")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), "a value")


def _os_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied; check the file's permissions"
    if isinstance(e, FileNotFoundError):
        return "no such file or folder; check the path"
    return e.strerror or str(e)


class _Chained(io.RawIOBase):
    """Bytes already read from a stream followed by the rest of it, with readline()."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._buf = io.BufferedReader(_Concat(head, rest))

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        return self._buf.readline(-1 if size is None else size)


class _Concat(io.RawIOBase):
    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
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
