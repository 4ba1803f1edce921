"""The digest: a period's events ranked by coverage and growth, each with a short brief
(headline, two summary sentences, first report)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from jinja2 import DictLoader, Environment, select_autoescape

from tidings.brief.build import build_brief
from tidings.brief.formats import md, plural, safe_url, short_date
from tidings.brief.sources import sources_of
from tidings.brief.timeline import parse_date, parsed_time
from tidings.config import DEFAULT, Config

if TYPE_CHECKING:
    from tidings.store import Store


def rank_events(store: Store, since: str | None = None, until: str | None = None,
                config: Config = DEFAULT) -> list[dict]:
    """Events overlapping the period with their coverage figures, best covered first.

    Score = weighted articles + sources + languages (within the period) + articles in the
    period's last `digest_recent_days` (growth); weights in Config.
    """
    for label, value in (("--since", since), ("--until", until)):
        if value and parse_date(value) is None:
            raise ValueError(f"{label} {value!r} is not a date: use YYYY-MM-DD (e.g. 2026-01-28)")
    start = parsed_time(since) if since else None
    stop = parsed_time(until) if until else None
    events = store.events(since=since, until=until)
    rows: list[dict[str, Any]] = []
    latest = None
    for e in events:
        arts = store.get_articles(e.article_ids)
        dated = []
        for a in arts:
            p = parse_date(a.date)
            if p is None:
                continue
            if (start and p[0] < start) or (stop and p[0] > stop + timedelta(days=1)):
                continue
            dated.append((p[0], a))
        if not dated and (start or stop):
            continue
        # Without a period every article counts (undated ones too): the same figures as
        # `tidings events`, the brief and the page.
        in_period = ([a for _, a in dated] or arts) if (start or stop) else arts
        end = max((d for d, _ in dated), default=None)
        if end and (latest is None or end > latest):
            latest = end
        rows.append({"event": e, "dated": dated, "articles": in_period})
    period_end = stop or latest
    out: list[dict[str, Any]] = []
    for r in rows:
        arts = r["articles"]
        recent = 0
        if period_end is not None:
            cut = period_end - timedelta(days=config.digest_recent_days)
            recent = sum(1 for d, _ in r["dated"] if d > cut)
        sources = sources_of(arts)
        langs = {a.lang for a in arts if a.lang}
        score = (config.digest_weight_articles * len(arts)
                 + config.digest_weight_sources * len(sources)
                 + config.digest_weight_languages * len(langs)
                 + config.digest_weight_recent * recent)
        e = r["event"]
        out.append({"event": e.id, "title": e.title, "articles": len(arts), "sources": len(sources),
                    "languages": sorted(langs), "recent": recent, "score": round(score, 3),
                    "first_time": e.first_time, "last_time": e.last_time})
    out.sort(key=lambda d: (-d["score"], -d["articles"], d["event"]))
    return out


def digest_entries(store: Store, since: str | None = None, until: str | None = None,
                   lang: str = "en", config: Config = DEFAULT, embedder: Any = None,
                   limit: int | None = None) -> list[dict]:
    """The ranked events with their short briefs (briefs are built or reused from the store)."""
    ranked = rank_events(store, since, until, config)[: limit or config.digest_max_events]
    for row in ranked:
        b = build_brief(store, row["event"], lang, config, embedder)
        row["headline"] = b.get("headline")
        row["summary"] = (b.get("summary") or [])[:2]
        row["first_report"] = b.get("first_report")
        row["urls"] = {a["id"]: a.get("url") for a in b.get("articles") or []}
    return ranked


def digest(store: Store, since: str | None = None, fmt: str = "md", lang: str = "en",
           until: str | None = None, config: Config = DEFAULT, embedder: Any = None,
           limit: int | None = None) -> str:
    fmt = (fmt or "md").lower()
    if fmt not in ("md", "html", "json"):
        raise ValueError(f"unknown digest format {fmt!r}: use md, html or json")
    entries = digest_entries(store, since, until, lang, config, embedder, limit)
    if fmt == "json":
        import json

        return json.dumps({"since": since, "until": until, "events": entries},
                          ensure_ascii=False, indent=2)
    if fmt == "html":
        return _ENV.get_template("digest.html").render(
            entries=entries, since=since, until=until, short_date=short_date, safe_url=safe_url,
            plural=plural)
    return _markdown(entries, since, until)


def _period(since, until) -> str:
    if since and until:
        return f"{since} to {until}"
    if since:
        return f"since {since}"
    if until:
        return f"until {until}"
    return "all events"


def _markdown(entries: list[dict], since, until) -> str:
    out = [f"# Digest: {md(_period(since, until))}", ""]
    if not entries:
        out.append("No events in this period.")
    for i, e in enumerate(entries, 1):
        h = e.get("headline") or {}
        title = h.get("text") or e.get("title") or e["event"]
        mark = f" ({md(h.get('lang'))})" if h.get("original_language") else ""
        out.append(f"## {i}. {md(title)}{mark}")
        out.append(f"{plural(e['articles'], 'article')} · {plural(e['sources'], 'source')} · "
                   f"{md(', '.join(e['languages']))} · {e['recent']} in the last day · "
                   f"event `{md(e['event'])}`")
        for s in e.get("summary") or []:
            out.append(f"- {md(s['text'])} — {md(s.get('source') or s['article'])} ({md(s.get('lang'))})")
        fr = e.get("first_report")
        if fr:
            dated = fr.get("earliest_dated") if fr.get("inferred") else None
            out.append(f"First report: {md(fr.get('source') or fr['article'])}, "
                       f"{md(short_date(fr.get('date')))} ({md(fr.get('lang'))})"
                       + (f", inferred from its text; earliest dated: {md(dated.get('source') or dated['article'])}, "
                          f"{md(short_date(dated.get('date')))} ({md(dated.get('lang'))})" if dated else ""))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


_DIGEST = """\
<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Digest · Tidings</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
.facts, small { color: #555; }</style></head>
<body>
<section class="tidings-digest">
<h1>Digest: {{ "%s to %s"|format(since, until) if since and until else ("since " ~ since if since else ("until " ~ until if until else "all events")) }}</h1>
{% for e in entries %}{% set h = e.headline or {} %}
<article class="digest-event" data-event="{{ e.event }}">
<h2{% if h.lang %} lang="{{ h.lang }}"{% endif %}>{{ loop.index }}. {{ h.text or e.title or e.event }}</h2>
<p class="facts">{{ plural(e.articles, "article") }} · {{ plural(e.sources, "source") }} · {{ e.languages|join(", ") }} · {{ e.recent }} in the last day</p>
<ul>{% for s in e.summary %}<li><span{% if s.lang %} lang="{{ s.lang }}"{% endif %}>{{ s.text }}</span> <small>— {{ s.source or s.article }} ({{ s.lang }})</small></li>{% endfor %}</ul>
{% if e.first_report %}{% set fr = e.first_report %}<p>First report: {% if safe_url(e.urls.get(fr.article)) %}<a href="{{ safe_url(e.urls.get(fr.article)) }}" rel="noopener noreferrer nofollow">{{ fr.source or fr.article }}</a>{% else %}{{ fr.source or fr.article }}{% endif %}, <time>{{ short_date(fr.date) }}</time> ({{ fr.lang }}){% if fr.inferred and fr.earliest_dated %}{% set d = fr.earliest_dated %}, inferred from its text; earliest dated: {{ d.source or d.article }}, <time>{{ short_date(d.date) }}</time> ({{ d.lang }}){% endif %}</p>{% endif %}
</article>
{% else %}<p>No events in this period.</p>{% endfor %}
</section>
</body></html>
"""

_ENV = Environment(loader=DictLoader({"digest.html": _DIGEST}),
                   autoescape=select_autoescape(default=True, default_for_string=True))
