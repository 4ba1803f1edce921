"""Main text and metadata of an HTML page: trafilatura, with a plain fallback.

trafilatura drops menus, related-article lists and newsletter boxes and reads title, date,
author and site name from the page's metadata. When it finds no main text (very short or
oddly built pages) the fallback keeps all visible text, one line per block element, and
lets the plain-text furniture rules clean it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_BLOCKS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "article",
    "section", "header", "footer", "blockquote", "pre", "title", "figcaption", "time",
)
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "nav")


@dataclass
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    method: str = "trafilatura"  # trafilatura|fallback
    page_title: str | None = None  # the <title> element as written ("Headline | Site Name")


def extract(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata of a page; text is "" when the page shows no text at all."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False,
            include_links=False, include_formatting=False, fast=True,
            # Only dates the markup states; dates in the text are found (and labelled) by us.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura gives up on some malformed markup: use the fallback
        doc = None
    meta: dict[str, Any] = {k: _clean_meta(getattr(doc, k, None)) for k in ("title", "date", "author", "sitename", "url")}
    if not meta["title"]:  # trafilatura gives up on pages without a body, metadata and all
        m = _TITLE.search(html[:200_000])
        meta["title"] = _clean_meta(_strip_tags(m[1])) if m else None
    m = _TITLE.search(html[:200_000])
    page_title = _clean_meta(_strip_tags(m[1])) if m else None
    text = (getattr(doc, "text", None) or "").strip()
    if text and not _too_deep(html):
        return Extracted(text=text, page_title=page_title, **meta)
    return Extracted(text=visible_text(html), method="fallback", page_title=page_title, **meta)


def visible_text(html: str) -> str:
    """All visible text of a page, one line per block element."""
    try:
        import lxml.html

        if _too_deep(html):
            raise ValueError("nested deeper than the parser reads")
        root = lxml.html.fromstring(html)
    except Exception:  # not parseable (whole): strip tags by hand
        return _strip_tags(html)
    for el in list(root.iter(*_INVISIBLE)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return root.text_content()


def _too_deep(html: str) -> bool:
    """Whether libxml2 stops reading this page: past 255 nested elements it silently drops
    the rest of the document, text and all (trafilatura parses with it too)."""
    import lxml.html

    if html.count("<") < 256:
        return False
    parser = lxml.html.HTMLParser()
    try:
        lxml.html.fromstring(html, parser=parser)
    except Exception:
        return False  # another failure, handled where the page is parsed
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


_TITLE = re.compile(r"(?is)<title\b[^>]*>(.*?)</title\s*>")
_INVISIBLE_RE = re.compile(r"(?is)<(%s)\b.*?</\1\s*>" % "|".join(_INVISIBLE))
_BLOCK_TAG = re.compile(r"(?i)</?(?:%s)\b[^>]*>" % "|".join(_BLOCKS))


def _strip_tags(html: str) -> str:
    """Visible text without a parser: invisible elements dropped, a line per block tag."""
    import html as entities

    text = _INVISIBLE_RE.sub(" ", re.sub(r"(?s)<!--.*?-->", " ", html))
    text = _BLOCK_TAG.sub("\n", text)
    return entities.unescape(re.sub(r"<[^>]*>", " ", text))


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:500] or None
