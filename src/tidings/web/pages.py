"""Server-rendered pages. Jinja2 with autoescape on: every article field is untrusted."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import pycountry
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from tidings.brief.lines import cut, junk_line
from tidings.brief.records import Brief, Disagreement, TimelineEntry
from tidings.brief.sources import UNNAMED, sources_of
from tidings.titles import reads_as_headline
from tidings.urls import safe_url
from tidings.web import data

router = APIRouter(include_in_schema=False)

_env = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

LANG_NAMES = {
    "en": "English", "ro": "Romanian", "hi": "Hindi", "ru": "Russian", "uk": "Ukrainian",
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "pl": "Polish", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic",
    "tr": "Turkish", "nl": "Dutch", "bn": "Bengali", "ur": "Urdu", "fa": "Persian",
    # Where the standard's name (pycountry, for the rest) is not the one people write.
    "el": "Greek", "ps": "Pashto",
}
# The outlets listed by name on an event page; the rest are counted ("and 14 more").
_OUTLETS_SHOWN = 8
KIND_TITLES = {"person": "People", "place": "Places", "org": "Organisations", "name": "Other names"}


def shown(value: str, limit: int = 120) -> str:
    """A value from a URL inside a message: quoted, cut short, and with control and bidi
    characters written out (\\u202e), so a crafted link cannot reorder or hide the text
    around it."""
    out = "".join(c if c.isprintable() and c not in BIDI_CONTROLS else f"\\u{ord(c):04x}"
                  for c in value[:limit])
    return f"“{out}{'…' if len(value) > limit else ''}”"


# Embeddings, overrides and isolates: in an article's title they would reorder the browser's
# tab title ("… · Tidings" included), where no element can isolate them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NO_BIDI = {ord(c): None for c in BIDI_CONTROLS}


def no_bidi(value: Any) -> Markup:
    text = value if isinstance(value, Markup) else escape(str(value))
    return Markup(str(text).translate(_NO_BIDI))


def when(value: Any, with_time: bool = True) -> str:
    """An ISO date(-time) as people read it; what cannot be parsed is shown as given."""
    if not value:
        return ""
    try:
        d = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if len(str(value)) <= 10 or not with_time:
        return f"{d.day} {d:%b %Y}"
    return f"{d.day} {d:%b %Y}, {d:%H:%M}"


def lang_name(code: Any) -> str:
    """A language's English name for its ISO 639 code ("ta" Tamil, "el" Greek); an unknown
    code as given."""
    if not code:
        return "unknown language"
    key = str(code).lower()
    if key in LANG_NAMES:
        return LANG_NAMES[key]
    base = key.split("-")[0]
    found = None
    if base.isalpha() and len(base) in (2, 3):
        found = pycountry.languages.get(**{"alpha_2" if len(base) == 2 else "alpha_3": base})
    if found is None:
        return str(code)
    # "Modern Greek (1453-)": the period is the standard's, not the reader's.
    return re.sub(r"\s*\(.*\)$", "", found.name) or str(code)


def lang_attr(code: Any) -> str:
    """A value for a lang="" attribute, or "" when the stored code is not one."""
    return str(code) if code and data.LANG_RE.match(str(code)) else ""


def article_title(a: Any) -> str:
    """What names an article in a list: its title, or when the title is a credit, a
    dateline or a site's label, the start of its text."""
    title = (a.title or "").strip()
    if title and reads_as_headline(title):
        return title
    for line in (a.text or "").splitlines():
        line = line.strip()
        if line and line != title and reads_as_headline(line) and not junk_line(line):
            return cut(line, 160)
    return title or "(untitled)"


_env.filters.update(
    article_title=article_title,
    safe_url=safe_url,
    when=when,
    lang_name=lang_name,
    lang_attr=lang_attr,
    no_bidi=no_bidi,
    path=lambda s: quote(str(s), safe=""),
    q=lambda s: quote(str(s), safe=""),
)


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    ctx.setdefault("q", "")
    html = _env.get_template(name).render(request=request, **ctx)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def index(request: Request, page: Annotated[int, Query(ge=1, le=100_000)] = 1):
    store, config = request.app.state.store, request.app.state.config
    size = config.web_page_size
    rows, total = store.list_events(limit=size, offset=(page - 1) * size)
    pages = max(1, math.ceil(total / size))
    if page > pages:
        raise HTTPException(404, f"There is no page {page}: the {total} event{'s' if total != 1 else ''} "
                            f"fit on {pages} page{'s' if pages != 1 else ''}.")
    # Stories with more than one event lead the first page, each with its events.
    stories = [data.story_view(store, st, max_events=12) for st in
               store.list_stories(min_events=2, limit=config.web_front_stories)[0]] if page == 1 else []
    return render(
        request, "index.html",
        stories=stories,
        events=[data.event_summary(r) for r in rows],
        total=total, page=page, pages=pages,
        stamp=store.events_stamp() or data.now_stamp(),
        poll=config.web_poll_seconds,
        articles=store.count_articles(),
    )


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    store = request.app.state.store
    found, _ = store.list_stories(limit=1, story_id=story_id)
    if not found:
        raise HTTPException(404, f"No story with id {shown(story_id)}.")
    return render(request, "story.html", story=data.story_view(store, found[0]))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(
    request: Request, event_id: str,
    lang: Annotated[str | None, Query(pattern=data.BRIEF_LANG_RE)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
):
    store, config = request.app.state.store, request.app.state.config
    event = store.get_event(event_id)
    if event is None:
        raise HTTPException(404, f"No event with id {shown(event_id)}.")
    problem = data.reader_lang_problem(event, lang, config)
    if problem:
        raise HTTPException(422, problem[0].upper() + problem[1:] + ".")
    reader = lang or config.web_brief_lang
    brief = data.get_brief(store, event_id, reader, config)
    articles = store.get_articles(event.article_ids)
    by_id = {a.id: a for a in articles}
    # The article list is paginated (a large event's list was over a megabyte of HTML):
    # the reader's language first, then the most covered, in pages of Config.web_event_page_articles.
    n_lang = Counter(a.lang or "" for a in articles)
    ordered = sorted(articles, key=lambda a: (a.lang != reader, -n_lang[a.lang or ""], a.lang or "",
                                              a.date or "", a.id))
    pages = max(1, -(-len(ordered) // config.web_event_page_articles))
    page = min(page, pages)
    shown_articles = ordered[(page - 1) * config.web_event_page_articles: page * config.web_event_page_articles]
    groups: dict[str, list] = defaultdict(list)
    for a in shown_articles:
        groups[a.lang or ""].append(a)
    view = _brief_view(brief, by_id)
    outlets = Counter(a.source for a in articles if a.source)
    return render(
        request, "event.html",
        event=event, brief=view, reader=reader, by_id=by_id,
        groups=list(groups.items()), page=page, pages=pages, n_articles=len(articles),
        n_sources=len(sources_of(articles)),
        by_lang=n_lang.most_common(),
        by_source=outlets.most_common(_OUTLETS_SHOWN),
        more_sources=max(0, len(outlets) - _OUTLETS_SHOWN),
        unnamed=sum(1 for a in articles if not a.source),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    store = request.app.state.store
    a = store.get_article(article_id)
    if a is None:
        raise HTTPException(404, f"No article with id {shown(article_id)}.")
    event_id = store.event_of(a.id)
    event = store.get_event(event_id) if event_id else None
    feats = store.get_features([a.id]).get(a.id)
    names: dict[str, str] = {}
    for m in (feats.names if feats else []):
        names.setdefault(m.key, m.surface)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", a.text) if p.strip()]
    return render(request, "article.html", a=a, event=event, names=names, paragraphs=paragraphs)


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str):
    store = request.app.state.store
    info = data.entity_info(store, entity_id) if 0 < len(entity_id) <= 300 else None
    if info is None:
        raise HTTPException(404, f"No entity with id {shown(entity_id)}. Try searching for the name.")
    years = Counter((e["first_time"] or "")[:7] for e in info["events"])
    return render(request, "entity.html", entity=info, months=sorted(years.items()))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = ""):
    store = request.app.state.store
    q = q.strip()
    entities, events, total = [], [], 0
    if q:
        keys, event_ids = data.search_event_ids(store, q)
        for k in keys[:20]:
            surfaces = store.name_surfaces(k)
            entities.append({"id": k, "name": data.display_name(surfaces) if surfaces else k,
                             "variants": list(surfaces)[:12],
                             "events": len(store.events_with_names([k]))})
        rows, total = store.list_events(ids=event_ids, limit=100)
        events = [data.event_summary(r) for r in rows]
    return render(request, "search.html", q=q, entities=entities, events=events, total=total)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request):
    schema = request.app.openapi()
    endpoints = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            params = [
                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                 "description": p.get("description") or p.get("schema", {}).get("description", "")}
                for p in op.get("parameters", [])
            ]
            endpoints.append({"method": method.upper(), "path": path,
                              "summary": op.get("summary", ""), "params": params,
                              "body": "requestBody" in op})
    return render(request, "docs.html", endpoints=endpoints, title=schema["info"]["title"],
                  description=schema["info"].get("description", ""))


# --- the brief (typed records of tidings.brief.records), shaped for the template ---
def _brief_view(body: dict[str, Any], by_id: dict[str, Any]) -> dict[str, Any]:
    brief = Brief.from_dict(body)  # a malformed brief is an error here, not a guess

    def ref(article_id: str | None, source: str | None = None, lang: str | None = None,
            date: str | None = None, title: str | None = None) -> dict[str, Any]:
        a = by_id.get(article_id) if article_id else None
        return {
            "id": article_id,
            "source": source or (a.source if a else None) or UNNAMED,
            "lang": lang or (a.lang if a else None),
            "url": a.url if a else None,
            "date": date or (a.date if a else None),
            "title": (a.title if a else None) or title,
        }

    first = brief.first_report
    entities: dict[str, list] = defaultdict(list)
    for e in brief.entities:
        entities[e.kind if e.kind in KIND_TITLES else "name"].append({
            "name": e.name, "key": e.id,
            "variants": [v for v in dict.fromkeys(e.variants) if v and v != e.name],
            "n_articles": len(e.articles),
        })
    by_day = brief.coverage.get("by_day") or []

    def versions(d: Disagreement) -> list[dict[str, Any]]:
        return [{"text": _text(v.text if v.text is not None else v.value),
                 "according_to": v.according_to, "first_date": v.first_date,
                 "sources": [ref(x.article, x.source, x.lang) for x in v.sources]} for v in d.versions]

    def timeline_entry(t: TimelineEntry) -> dict[str, Any]:
        entry = ref(t.article, t.source, t.lang, t.date, t.title)
        # A credit, a dateline or a site's label taken for the title names nothing.
        if entry["title"] and not reads_as_headline(entry["title"]):
            entry["title"] = None
        return {**entry, "first": first is not None and t.article == first.article,
                "earliest_dated": t.earliest_dated}

    return {
        "headline": brief.headline.text if brief.headline else "",
        "headline_lang": brief.headline.lang if brief.headline else None,
        "stale": brief.stale,
        "coverage": [{"date": d.get("date"), "total": d.get("total"), "cumulative": d.get("cumulative"),
                      "langs": d.get("langs") or {}} for d in by_day],
        "summary": [{"text": x.text, "ref": ref(x.article, x.source, x.lang)} for x in brief.summary],
        "timeline": [timeline_entry(t) for t in brief.timeline],
        "happenings": [{"date": h.date, "text": h.text, "scheduled": h.scheduled,
                        "ref": ref(h.article, h.source, h.lang), "n_articles": len(h.articles)}
                       for h in brief.happenings],
        "first": ref(first.article, first.source, first.lang, first.date) if first else None,
        # An undated first report named from its own words: why, and the earliest dated one.
        "first_why": first.why if first is not None and first.inferred else None,
        "earliest_dated": (ref(first.earliest_dated.article, first.earliest_dated.source,
                               first.earliest_dated.lang, first.earliest_dated.date)
                           if first is not None and first.inferred and first.earliest_dated else None),
        "entities": [(KIND_TITLES[k], entities[k]) for k in KIND_TITLES if entities.get(k)],
        "quotes": [
            {"speaker": q.speaker or "", "text": q.text, "kind": q.kind, "lang": q.lang,
             "sources": [ref(x.article, x.source, x.lang) for x in q.sources],
             # Each source's own words, in its language: the original behind a quote.
             "originals": [{"text": x.text, "kind": x.kind, "lang": x.lang,
                            "ref": ref(x.article, x.source, x.lang)} for x in q.sources]}
            for q in brief.quotes
        ],
        "figures": [{"text": _text(f.text or f.value), "what": f.what, "recap": f.recap,
                     "sources": [ref(x.article, x.source, x.lang) for x in f.sources]} for f in brief.figures],
        "disagreements": [{"about": d.about, "kind": d.kind, "versions": versions(d)} for d in brief.disagreements],
        "updates": [{"about": d.about, "versions": versions(d)} for d in brief.updates],
        "parallel": [
            {"ref": ref(p.article, p.source, p.lang, title=p.title),
             "pairs": [{"text": x.text,
                        "matches": [{"text": m.text, "ref": ref(m.article), "confidence": m.confidence}
                                    for m in x.matches]} for x in p.sentences]}
            for p in brief.parallel
        ],
    }


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        return str(v.get("text") or v.get("surface") or v.get("name") or v.get("value") or "")
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    return str(v)


@router.get("/feeds", response_class=HTMLResponse)
def feeds_page(request: Request):
    from tidings.web.api import feed_states

    feeds = feed_states(request.app.state.store)
    for f in feeds:
        f["link"] = safe_url(f["url"])
    return render(request, "feeds.html", feeds=feeds)
