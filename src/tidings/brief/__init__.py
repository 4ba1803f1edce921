"""Briefs: an event explained in one place (headline, summary, timeline, entities, quotes,
figures, disagreements, parallel reading), as JSON, Markdown or HTML, and the digest of a
period's events.

    brief = build_brief(store, event_id, lang="en")   # dict, stored in the database
    render(brief, "md" | "json" | "html")              # str
    render_html_fragment(brief)                         # for the web app to embed
    digest(store, since="2026-01-28", fmt="md")          # str
"""

from tidings.brief.build import BRIEF_VERSION, build_brief, compose

__all__ = ["BRIEF_VERSION", "build_brief", "compose", "render", "render_html_fragment", "digest"]


def render(brief: dict, fmt: str = "md") -> str:
    from tidings.brief.formats import render as _render

    return _render(brief, fmt)


def render_html_fragment(brief: dict) -> str:
    from tidings.brief.formats import render_html_fragment as _fragment

    return _fragment(brief)


def digest(store, since: str | None = None, fmt: str = "md", lang: str = "en", **kwargs) -> str:
    from tidings.brief.digests import digest as _digest

    return _digest(store, since=since, fmt=fmt, lang=lang, **kwargs)
