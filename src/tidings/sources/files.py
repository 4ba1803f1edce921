"""Reading files, folders and standard input into RawArticle records.

Everything here treats input as untrusted: sizes are checked before reading, bytes are
decoded defensively, and every failure becomes a Problem naming the input, what happened
and what to do, so one bad file never stops a batch.
"""

from __future__ import annotations

import io
import os
import select
import stat
import sys
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, TypeVar

from tidings.config import DEFAULT, Config
from tidings.records import Problem, RawArticle
from tidings.sources.decoding import _SNIFF, _UTF8_BOM, _UTF16_BOMS, _printable_name, decode
from tidings.sources.formats import (
    _excerpt,
    _is_json_object,
    _json_items,
    _mb,
    _opens_a_document,
    _parse_json,
    _read_json,
    _read_jsonl,
)

Item = RawArticle | Problem
T = TypeVar("T")

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
# A folder's own documentation is not news: a project's README or LICENSE, and the notes
# (.md) beside a dataset's JSON files (a README.md and EVENTS.md describing events.jsonl).
DOC_STEMS = {"readme", "license", "licence", "copying", "notice", "changelog", "changes", "history",
             "contributing", "authors", "code_of_conduct", "security"}
NOTE_EXT = {".md", ".markdown", ".rst"}


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
    yield from walk_folder(folder, given, seen, lambda path, origin: read_file(path, origin, config))


def walk_folder(folder: Path, given: str, seen: dict[tuple[int, int], str],
                on_file: Callable[[Path, str], Iterator[T]], below: str = "") -> Iterator[T | Problem]:
    """What `on_file(path, origin)` yields for each file below `folder`, files and
    subfolders in one sorted order (a path sorts where its name does), hidden ones
    skipped, and a Problem for what cannot be read. `tidings.parallel` walks folders with
    it too, so a backfill sees the files an ingest sees.

    `seen` maps each folder already read (device, inode) to where it was read, so a
    symbolic link back up the tree (a loop) or to a sibling is not read again.
    What is read below the folder given gets `folder`: the subfolders between it and
    the file (`below`), which may name the outlet (tidings.clean.meta.folder_outlet).
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
    with_data = holds_data(e.name for e in entries)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        origin = (Path(given) / _printable_name(entry.name)).as_posix()
        doc = documentation(entry.name, with_data)
        if doc:
            yield Problem(origin, f"{doc}, not an article: not read (give the file itself to read it)",
                          fatal=False)
            continue
        try:
            is_dir = entry.is_dir()  # follows symlinks; loops end at the OS's depth limit
        except OSError as e:
            yield Problem(origin, f"cannot read: {_os_reason(e)}")
            continue
        if is_dir:
            yield from walk_folder(Path(entry.path), origin, seen, on_file,
                                   f"{below}/{_printable_name(entry.name)}".lstrip("/"))
        elif entry.is_file():
            for item in on_file(Path(entry.path), origin):
                if below and getattr(item, "folder", "") is None:
                    item.folder = below  # type: ignore[attr-defined]
                yield item
        elif not entry.is_symlink() or os.path.exists(entry.path):
            yield Problem(origin, "not a regular file (a pipe, socket or device); skipped",
                          fatal=False)
        else:
            yield Problem(origin, "a symbolic link to nothing (its target is gone); skipped")


def holds_data(names: Iterable[str]) -> bool:
    """Whether a folder holding files of these names holds JSON article data."""
    return any(Path(n).suffix.lower() in JSON_EXT | JSONL_EXT for n in names)


def documentation(name: str, beside_data: bool) -> str:
    """Why a file met in a folder is documentation rather than an article ("" if not)."""
    path = Path(name)
    stem = path.stem.lower().replace("-", "_")
    if stem in DOC_STEMS and path.suffix.lower() in NOTE_EXT | TEXT_EXT | {""}:
        return f"a {path.stem} file"
    if beside_data and path.suffix.lower() in NOTE_EXT:
        return "notes beside the folder's JSON data"
    return ""


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
    from tidings.sources.feeds import FEED_EXT, looks_like_feed, read_feed_bytes

    if ext in FEED_EXT or (ext not in TEXT_EXT | JSON_EXT and looks_like_feed(data)):
        # An RSS or Atom file is a list of articles, not one page.
        yield from read_feed_bytes(data, origin, config)
        return
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



# --- helpers ---
def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text[:5000].lower()



def _os_reason(e: OSError, what: str = "file") -> str:
    if isinstance(e, PermissionError):
        return f"permission denied; check the {what}'s permissions"
    if isinstance(e, FileNotFoundError):
        return "no such file or folder; check the path"
    return e.strerror or str(e)


class _Chained(io.RawIOBase):
    """Bytes already read from a stream followed by the rest of it, with readline()."""

    def __init__(self, head: bytes, rest: IO[bytes] | io.RawIOBase) -> None:
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
    def __init__(self, head: bytes, rest: IO[bytes] | io.RawIOBase) -> None:
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
