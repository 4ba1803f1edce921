"""One source model for every view of an event (CLI, brief, digest, API, page).

An event's sources are the distinct outlet names stored on its articles (`Article.source`,
named at cleaning: its own name (given, the page's site name, or stated in the text),
else the URL's registered domain, else the reading folder when that names an outlet
(tidings.clean.meta.folder_outlet: a subfolder of the input root that is no container
such as data/, 2025/ or en/), so one outlet has one name across views), counted by
`sources_of` only (names that fold alike, `outlet_key`, are one outlet), so every view
gives the same number. An article with no stored outlet adds no source; it is *shown* by
its site (`label`), else as UNNAMED, never by a file or folder name such as
"003_569c59af60f09498.txt" or "seeds".
"""

from __future__ import annotations

import re
from typing import Iterable

from tidings.clean.meta import registered_domain
from tidings.records import Article


def sources_of(articles: Iterable[Article]) -> list[str]:
    """The distinct outlets of these articles, in first-seen order, one name per
    outlet_key (the first seen): "L'Écho Continental" stated in one article and the folder
    echo-continental/ of another are one outlet."""
    return distinct(a.source for a in articles if a.source)


def distinct(names: Iterable[str]) -> list[str]:
    """One name per outlet_key, the first seen: how every view counts outlet names (an
    event's stored `sources` list as much as its articles)."""
    seen: dict[str, str] = {}
    for name in names:
        if name:
            seen.setdefault(outlet_key(name), name)
    return list(seen.values())


_ARTICLE_WORDS = re.compile(r"^(?:the|le|la|les|l|el|los|las|il|lo|der|die|das|o|a|os|as)\s+|^l'", re.IGNORECASE)


def outlet_key(name: str) -> str:
    """An outlet name folded for counting: Latin letters and digits only, lower case, a
    leading article left out ("The Northern Courier", "northern-courier" -> northerncourier;
    "Știrile Zilei", "stirile-zilei" -> stirilezilei)."""
    from anyascii import anyascii

    name = anyascii(name.strip()).replace("`", "'")
    name = _ARTICLE_WORDS.sub("", name)
    folded = re.sub(r"[\W_]+", "", name.lower())
    return folded or name.casefold()


# How every view shows an article whose outlet nobody named (the page, the brief's
# Markdown and HTML alike).
UNNAMED = "unknown source"


def label(a: Article) -> str | None:
    """How to show the article's outlet: its name, else its site, else None (shown as
    UNNAMED). Not its file's folder: cleaning names an outlet by its folder already when
    the folder names one (folder_outlet), so a folder left unnamed there is the input root
    or a container (seeds/, data/): shown as an outlet it would give two articles of two
    papers one made-up name, against the count that leaves them out."""
    if a.source:
        return a.source
    # As cleaning names an outlet by its URL: the registered domain (m.bbc.co.uk: bbc.co.uk).
    return (registered_domain(a.url) if a.url else None) or None
