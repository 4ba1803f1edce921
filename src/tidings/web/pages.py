"""Server-rendered pages. Jinja2 with autoescape on: every article field is untrusted."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

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
}
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
    if not code:
        return "unknown language"
    return LANG_NAMES.get(str(code).lower(), str(code))


def lang_attr(code: Any) -> str:
    """A value for a lang="" attribute, or "" when the stored code is not one."""
    return str(code) if code and data.LANG_RE.match(str(code)) else ""


_env.filters.update(
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
    return render(
        request, "index.html",
        events=[data.event_summary(r) for r in rows],
        total=total, page=page, pages=pages,
        stamp=store.events_stamp() or data.now_stamp(),
        poll=config.web_poll_seconds,
        articles=store.count_articles(),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(
    request: Request, event_id: str,
    lang: Annotated[str | None, Query(pattern=data.BRIEF_LANG_RE)] = None,
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
    groups: dict[str, list] = defaultdict(list)
    for a in articles:
        groups[a.lang or ""].append(a)
    # Reader's language first, then the most covered.
    order = sorted(groups, key=lambda g: (g != reader, -len(groups[g]), g))
    view = _brief_view(brief, by_id)
    return render(
        request, "event.html",
        event=event, brief=view, reader=reader, by_id=by_id,
        groups=[(g, groups[g]) for g in order],
        by_lang=Counter(a.lang or "" for a in articles).most_common(),
        by_source=Counter(a.source or "unknown source" for a in articles).most_common(8),
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


# --- the brief, shaped for the template whatever the brief stage's exact field types ---
def _brief_view(brief: dict[str, Any], by_id: dict[str, Any]) -> dict[str, Any]:
    def ref(article_id: Any, **extra: Any) -> dict[str, Any]:
        a = by_id.get(article_id) if isinstance(article_id, str) else None
        return {
            "id": article_id if isinstance(article_id, str) else None,
            "source": extra.get("source") or (a.source if a else None) or "unknown source",
            "lang": extra.get("lang") or (a.lang if a else None),
            "url": (a.url if a else None),
            "date": extra.get("date") or (a.date if a else None),
            "title": (a.title if a else None) or extra.get("title"),
        }

    def refs(items: Any) -> list[dict[str, Any]]:
        out = []
        for s in items or []:
            if isinstance(s, dict):
                out.append(ref(s.get("article"), **{k: s.get(k) for k in ("source", "lang", "date")}))
            elif isinstance(s, str):
                out.append(ref(s))
        return out

    first = brief.get("first_report") or {}
    first_id = first.get("article") if isinstance(first, dict) else None
    entities: dict[str, list] = defaultdict(list)
    for e in brief.get("entities") or []:
        if not isinstance(e, dict):
            continue
        variants = [_text(v) for v in (e.get("variants") or [])]
        name = _text(e.get("name"))
        entities[str(e.get("kind")) if e.get("kind") in KIND_TITLES else "name"].append({
            "name": name,
            "key": e.get("key") or e.get("id") or data.name_key(name),
            "variants": [v for v in dict.fromkeys(variants) if v and v != name],
            "n_articles": len(e.get("articles") or []),
        })
    head = brief.get("headline")
    coverage: dict[str, Any] = brief.get("coverage") or {} if isinstance(brief.get("coverage"), dict) else {}
    return {
        "headline": _text(head),
        "headline_lang": head.get("lang") if isinstance(head, dict) else brief.get("headline_lang"),
        "coverage": [
            {"date": d.get("date"), "total": d.get("total"), "cumulative": d.get("cumulative"),
             "langs": d.get("langs") if isinstance(d.get("langs"), dict) else {}}
            for d in coverage.get("by_day") or [] if isinstance(d, dict)
        ],
        "summary": [
            {"text": _text(s.get("text")), **{"ref": ref(s.get("article"), source=s.get("source"))}}
            for s in brief.get("summary") or [] if isinstance(s, dict)
        ],
        "timeline": [
            {**ref(t.get("article"), **{k: t.get(k) for k in ("source", "lang", "date", "title")}),
             "first": t.get("article") == first_id}
            for t in brief.get("timeline") or [] if isinstance(t, dict)
        ],
        "first": ref(first_id, source=first.get("source"), date=first.get("date")) if first_id else None,
        "entities": [(KIND_TITLES[k], entities[k]) for k in KIND_TITLES if entities.get(k)],
        "quotes": [
            {"speaker": _text(x.get("speaker")), "text": _text(x.get("text")),
             "sources": refs(x.get("sources"))}
            for x in brief.get("quotes") or [] if isinstance(x, dict)
        ],
        "figures": [
            {"text": _text(f.get("text") or f.get("value")), "what": _text(f.get("what")),
             "sources": refs(f.get("sources"))}
            for f in brief.get("figures") or [] if isinstance(f, dict)
        ],
        "disagreements": [_disagreement(d, refs) for d in brief.get("disagreements") or []],
        "parallel": _parallel(brief.get("parallel") or brief.get("parallel_reading"), ref),
        "plain": bool(brief.get("plain")),
    }


def _disagreement(d: Any, refs) -> dict[str, Any]:
    if not isinstance(d, dict):
        return {"about": _text(d), "versions": []}
    versions = d.get("versions") or d.get("values") or []
    out = []
    for v in versions:
        if isinstance(v, dict):
            out.append({"text": _text(v.get("text") or v.get("value")),
                        "sources": refs(v.get("sources") or ([v["article"]] if v.get("article") else []))})
        else:
            out.append({"text": _text(v), "sources": []})
    return {"about": _text(d.get("what") or d.get("about") or d.get("kind") or ""), "versions": out}


def _parallel(p: Any, ref) -> list[dict[str, Any]]:
    """Aligned sentences per foreign article: [{article, pairs: [{text, matches: [{text, article}]}]}]."""
    out = []
    for item in p or []:
        if not isinstance(item, dict):
            continue
        pairs = []
        for s in item.get("sentences") or item.get("pairs") or []:
            if not isinstance(s, dict):
                continue
            matches = s.get("matches") or s.get("aligned") or []
            pairs.append({
                "text": _text(s.get("text") or s.get("sentence")),
                "matches": [
                    {"text": _text(m.get("text") if isinstance(m, dict) else m),
                     "ref": ref(m.get("article")) if isinstance(m, dict) else None}
                    for m in matches
                ],
            })
        out.append({"ref": ref(item.get("article")), "pairs": pairs})
    return out


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
