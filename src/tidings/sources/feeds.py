"""RSS and Atom feeds, read with feedparser: RSS 0.9x, 1.0 (RDF) and 2.0, Atom 0.3 and 1.0,
Dublin Core and media dates, links relative to the feed's own address, and OPML feed lists.

A feed that cannot be read (broken XML with no entries) is a Problem with feedparser's
reason; one with entries and a defect is read, with the defect as a note.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from tidings.config import DEFAULT, Config
from tidings.records import Problem, RawArticle

FEED_EXT = {".rss", ".atom", ".rdf"}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|RDF)[\s>]", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]{0,2000}>")


@dataclass
class Entry:
    """One feed entry: where its article is and what the feed says about it."""

    url: str | None
    guid: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    lang: str | None = None
    summary: str | None = None  # HTML or text, as the feed gives it (content before summary)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class ParsedFeed:
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    problem: str | None = None  # fatal: nothing could be read
    note: str | None = None  # read despite a defect


def looks_like_feed(data: bytes) -> bool:
    """An RSS, RDF or Atom document (by its root element near the start)."""
    head = data[:2048].lstrip()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf", b"\xef\xbb\xbf<")) and \
        bool(_FEED_ROOT.search(head))


def parse_feed(data: bytes, url: str | None = None, content_type: str | None = None) -> ParsedFeed:
    """Entries of a feed document. `url` is where it was read from: relative links in it
    resolve against it (and against xml:base)."""
    import feedparser

    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        d = feedparser.parse(data, response_headers=headers, sanitize_html=True,
                             resolve_relative_uris=True)
    except Exception as exc:  # noqa: BLE001 - a parser crash on hostile input is this feed's problem
        return ParsedFeed(problem=f"not a readable feed ({type(exc).__name__}: {str(exc)[:200]})")
    feed = d.get("feed", {})
    lang = _lang(feed.get("language"))
    out = ParsedFeed(title=_plain(feed.get("title")))
    for e in d.get("entries", []):
        link = e.get("link") or _first_link(e)
        if link and url:
            link = urljoin(url, link)
        summary = None
        content = e.get("content") or []
        if content and isinstance(content[0], dict):
            summary = content[0].get("value")
        summary = summary or e.get("summary") or e.get("description")
        if not (link or e.get("title") or summary):
            continue  # what a parser recovered from a cut-off item: nothing to read
        out.entries.append(Entry(
            url=link.strip() if link else None,
            guid=e.get("id"),
            title=_plain(e.get("title")),
            date=_date(e),
            author=_plain(e.get("author")) or _authors(e),
            lang=_lang(e.get("language")) or _lang((e.get("title_detail") or {}).get("language")) or lang,
            summary=summary,
        ))
    if d.get("bozo"):
        reason = _reason(d.get("bozo_exception"))
        if not out.entries and b"<html" in data[:4096].lower():
            out.problem = "not an RSS or Atom feed: an HTML page (give the feed's own address)"
        elif not out.entries:
            out.problem = f"not a readable feed: {reason}"
        else:
            out.note = f"feed has a defect ({reason}); its {len(out.entries)} entries were read"
    elif not out.entries and not d.get("version"):
        out.problem = "not an RSS or Atom feed (no channel, feed or entries found)"
    return out


def read_feed_bytes(data: bytes, origin: str, config: Config = DEFAULT) -> Iterator[RawArticle | Problem]:
    """A feed file given to `ingest`: one article per entry, from the entry's own content
    or summary (nothing is fetched), with the feed's title, date, author and language."""
    feed = parse_feed(data)
    if feed.problem:
        yield Problem(origin, feed.problem, raw=data[: config.max_raw_keep_chars].decode("utf-8", "replace"))
        return
    if feed.note:
        yield Problem(origin, feed.note, fatal=False)
    if not feed.entries:
        yield Problem(origin, "feed has no entries; nothing to ingest")
    for i, entry in enumerate(feed.entries, start=1):
        raw = entry_article(entry, f"{origin}#{i}")
        if raw is None:
            yield Problem(origin, f"entry {i} ({entry.title or entry.url or 'untitled'}) has no "
                          "text or summary; fetch its page with `tidings ingest URL` or a feed")
        else:
            yield raw


def entry_article(entry: Entry | dict[str, Any], origin: str, html: str | None = None,
                  url: str | None = None) -> RawArticle | None:
    """The RawArticle for an entry: the page's `html` when it was fetched, else the feed's
    own content or summary; None when there is neither."""
    e = entry if isinstance(entry, dict) else entry.to_dict()
    summary = e.get("summary")
    if html is None and not (summary and _plain(summary)):
        return None
    body_html = html if html is not None else summary
    return RawArticle(
        origin=origin, html=body_html if "<" in (body_html or "") else None,
        text=None if "<" in (body_html or "") else body_html,
        url=url or e.get("url"), title=e.get("title"), date=e.get("date"),
        author=e.get("author"), lang=e.get("lang"),
    )


# --- OPML feed lists ---
def read_opml(data: bytes) -> list[tuple[str, str | None]]:
    """(feed URL, name) of every outline with an xmlUrl, in document order."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    root = etree.fromstring(data, parser=parser)
    if root is None:
        raise ValueError("not an OPML document (no XML root)")
    out = []
    for node in root.iter("outline"):
        url = node.get("xmlUrl") or node.get("xmlurl")
        if url and url.strip():
            out.append((url.strip(), node.get("title") or node.get("text")))
    return out


def write_opml(feeds: list[tuple[str, str | None]], title: str = "Tidings feeds") -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>{_xml(title)}</title></head>", "  <body>"]
    for url, name in feeds:
        label = quoteattr(name or url)
        lines.append(f'    <outline type="rss" text={label} title={label} xmlUrl={quoteattr(url)}/>')
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


# --- helpers ---
def _date(e: Any) -> str | None:
    """The entry's publication time (published, else updated, else created: RSS pubDate,
    Atom published/updated, dc:date, media dates all land in these) as ISO 8601 UTC."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = e.get(key)
        if t:
            try:
                return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(calendar.timegm(t)))
            except (TypeError, ValueError, OverflowError):
                continue
    for key in ("published", "updated", "dc_date", "media_published"):
        if e.get(key):
            return str(e[key])[:60]
    return None


def _authors(e: Any) -> str | None:
    names = [str(a["name"]) for a in e.get("authors") or [] if isinstance(a, dict) and a.get("name")]
    return ", ".join(names) or None


def _first_link(e: Any) -> str | None:
    for link in e.get("links") or []:
        if isinstance(link, dict) and link.get("href") and link.get("rel", "alternate") == "alternate":
            return str(link["href"])
    return None


def _lang(value: Any) -> str | None:
    if not value or not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _plain(value: Any) -> str | None:
    if not value or not isinstance(value, str):
        return None
    import html

    text = " ".join(html.unescape(_TAGS.sub(" ", value)).split())
    return text[:1000] or None


def _reason(exc: Any) -> str:
    if exc is None:
        return "malformed XML"
    text = str(exc) or type(exc).__name__
    return text[:300]


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
