"""Which article title names an event: one rule for the event's title in lists (the CLI,
the API, the front page, the digest ranking) and the brief's headline, so one event is
called the same everywhere."""

from __future__ import annotations


def reads_as_headline(title: str) -> bool:
    """A title of one or two words is a page's section or a photo credit that cleaning
    took for the title ("World News", "Фото vaticannews"), not a headline."""
    words = title.split()
    if len(words) >= 3:
        return True
    # Scripts written without spaces (Chinese, Japanese, Thai): by characters.
    return sum(1 for c in title if c.isalpha() and ord(c) > 0x2E80) >= 8


def title_rank(title: str, lang: str | None, prefer: str | None, centrality: float,
               original: bool = True) -> tuple:
    """Sort key, highest best: a title that reads as a headline, then one in the preferred
    language (the reader's, or `Config.title_lang` for lists), then an original before a
    syndicated copy, then the one nearest the event's centre."""
    return (reads_as_headline(title), bool(prefer) and lang == prefer, original, centrality)
