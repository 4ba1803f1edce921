"""One source model for every view of an event (CLI, brief, digest, API, page).

An event's sources are the distinct outlet names stored on its articles (`Article.source`,
named at cleaning: its own name (given, the page's site name, or stated in the text),
else the URL's registered domain, so one outlet has one name across views), counted by `sources_of` only, so every view gives the same number. An article
with no stored outlet adds no source; it is *shown* by its site or folder (`label`), never
by a file name such as "003_569c59af60f09498.txt".
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Iterable

from tidings.clean.meta import registered_domain
from tidings.records import Article


def sources_of(articles: Iterable[Article]) -> list[str]:
    """The distinct outlets of these articles, in first-seen order."""
    return list(dict.fromkeys(a.source for a in articles if a.source))


def label(a: Article) -> str | None:
    """How to show the article's outlet: its name, else its site, else its file's folder."""
    if a.source:
        return a.source
    # As cleaning names an outlet by its URL: the registered domain (m.bbc.co.uk: bbc.co.uk).
    host = registered_domain(a.url) if a.url else None
    if host:
        return host
    path = (a.origin or "").split(":")[0]
    parent = PurePath(path).parent.name if path else ""
    return parent or None
