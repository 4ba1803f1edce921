"""Article objects in the formats people exchange: JSON (one object or a list), JSON Lines,
and the field names the neighbouring tools write (see `sources.exchange`)."""

from __future__ import annotations

import io
import json
from typing import Any, Iterator, Protocol

from tidings.config import Config
from tidings.records import Problem, RawArticle
from tidings.sources.decoding import _SURROGATE, _UTF8_BOM, _decode, decode

Item = RawArticle | Problem



class Lines(Protocol):
    """What the JSON Lines reader needs of a file: bounded lines of bytes."""

    def readline(self, size: int = -1, /) -> bytes: ...


# Optional fields of a JSON article and the types they may have.
_STR_FIELDS = ("url", "title", "date", "lang", "source", "author", "crawled")

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


def _read_jsonl(f: Lines, origin: str, config: Config) -> Iterator[Item]:
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
    obj = exchange_fields(obj)
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


_TOO_DEEP = ("JSON nested too deeply to read (thousands of levels); an article is an object "
             "with \"text\" or \"html\", fix the export")



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



# --- the field names neighbouring tools write ---
def exchange_fields(obj: dict[str, Any]) -> dict[str, Any]:
    """An object written by news-please, trafilatura (--json) or newspaper, with its fields
    under our names (text, title, date, author, lang, url, source); others pass unchanged,
    except that a URL given as "source" (trafilatura's way to name the page) is the url.
    """
    if "maintext" in obj or ("source_domain" in obj and "date_publish" in obj):
        return _renamed(obj, {
            "text": ("maintext", "description"), "title": ("title", "title_page", "title_rss"),
            "date": ("date_publish", "date_modify"), "author": ("authors",),
            "lang": ("language",), "url": ("url",), "source": ("source_domain",),
        })
    if "source-hostname" in obj or "fingerprint" in obj or "raw_text" in obj:
        return _renamed(obj, {
            "text": ("text", "raw_text"), "title": ("title",), "date": ("date",),
            "author": ("author",), "lang": ("language",), "url": ("url", "source"),
            "source": (),
        })
    if any(k in obj for k in ("publish_date", "meta_lang", "canonical_link", "source_url")) or (
            isinstance(obj.get("authors"), list) and "text" in obj):
        return _renamed(obj, {
            "text": ("text",), "title": ("title",), "date": ("publish_date",),
            "author": ("authors",), "lang": ("language", "meta_lang"),
            "url": ("url", "canonical_link"), "source": ("source", "source_url"),
        })
    source = obj.get("source")
    if isinstance(source, str) and source.strip().lower().startswith(("http://", "https://")) \
            and " " not in source.strip():
        out = dict(obj)
        if not isinstance(out.get("url"), str) or not out["url"].strip():
            out["url"] = source.strip()
        out["source"] = None
        return out
    return obj


def _renamed(obj: dict[str, Any], names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Our field <- the first of the tool's fields that has a value; an id and html are kept."""
    out: dict[str, Any] = {k: obj[k] for k in ("id", "html") if k in obj}
    for ours, theirs in names.items():
        for name in theirs:
            value = obj.get(name)
            if isinstance(value, list):  # news-please and newspaper list authors
                value = ", ".join(str(v).strip() for v in value if isinstance(v, str) and v.strip())
            if value not in (None, ""):
                out[ours] = value
                break
        else:
            out[ours] = None
    return out
