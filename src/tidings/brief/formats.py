"""A brief as Markdown, JSON or HTML.

Everything in a brief comes from untrusted articles. HTML goes through Jinja2 with
autoescaping on, so text is never markup; links are kept only for http(s) URLs and carry
rel="noopener noreferrer nofollow"; element ids are derived from article ids through a
whitelist. Markdown escapes the characters that would make text into markup or links.
"""

from __future__ import annotations

import json
import re

from jinja2 import DictLoader, Environment, select_autoescape

from tidings.brief.sources import UNNAMED
from tidings.urls import safe_url

FORMATS = ("md", "json", "html")


def render(brief: dict, fmt: str = "md") -> str:
    fmt = (fmt or "md").lower()
    if fmt == "json":
        return json.dumps(brief, ensure_ascii=False, indent=2)
    if fmt in ("md", "markdown"):
        return render_markdown(brief)
    if fmt == "html":
        return render_html_page(brief)
    raise ValueError(f"unknown brief format {fmt!r}: use one of {', '.join(FORMATS)}")


# --- helpers shared by the formats ------------------------------------------------------


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def anchor(article_id: str | None) -> str:
    """An HTML id for an article: only [A-Za-z0-9_-], bounded."""
    return "a-" + re.sub(r"[^A-Za-z0-9_-]", "-", str(article_id or ""))[:64]


def short_date(value: str | None) -> str:
    if not value:
        return "undated"
    return value.replace("T", " ")[:16]


def _lang_attr(value: str | None) -> str:
    return value if value and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})?", value) else ""


def _articles(brief: dict) -> dict[str, dict]:
    return {a["id"]: a for a in brief.get("articles") or []}


# --- Markdown ---------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text) -> str:
    """Text safe inside Markdown: markup characters escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text if text is not None else "").split()))


def _lg(lang) -> str:
    """A language code as shown: "und" (undetermined) when none was recognised, as the
    event's language list has it, never an empty "()"."""
    return md(lang or "und")


def _md_source(brief: dict, article_id: str, source: str | None = None) -> str:
    a = _articles(brief).get(article_id, {})
    name = md(source or a.get("source") or UNNAMED)
    url = safe_url(a.get("url"))
    return f"[{name}](<{url}>)" if url else name


def render_markdown(brief: dict) -> str:
    out: list[str] = []
    head = brief.get("headline") or {}
    title = head.get("text") or brief.get("event_title") or brief.get("event") or "Event"
    mark = f" ({_lg(head.get('lang'))}, original language)" if head.get("original_language") else ""
    out.append(f"# {md(title)}{mark}")
    out.append("")
    out.append(
        f"{plural(brief.get('n_articles', len(brief.get('articles') or [])), 'article')} · "
        f"{plural(len(brief.get('sources') or []), 'source')} · languages: "
        f"{md(', '.join(brief.get('languages') or []))}"
    )
    first = brief.get("first_report")
    if first:
        out.append(f"First report: {_md_source(brief, first['article'], first.get('source'))}, "
                   f"{md(short_date(first.get('date')))} ({_lg(first.get('lang'))})"
                   + (f", inferred: {md(first['why'])}" if first.get("inferred") and first.get("why") else ""))
        dated = first.get("earliest_dated") if first.get("inferred") else None
        if dated:
            out.append(f"Earliest dated report: {_md_source(brief, dated['article'], dated.get('source'))}, "
                       f"{md(short_date(dated.get('date')))} ({_lg(dated.get('lang'))})")
    if brief.get("summary"):
        out += ["", "## Summary", ""]
        for s in brief["summary"]:
            out.append(f"- {md(s['text'])} — {_md_source(brief, s['article'], s.get('source'))} "
                       f"({_lg(s.get('lang'))})")
    if brief.get("entities"):
        out += ["", "## People, places and organisations", ""]
        for e in brief["entities"]:
            variants = ", ".join(md(v) for v in e.get("variants", []) if v != e["name"])
            out.append(f"- **{md(e['name'])}** ({md(e.get('kind'))}, "
                       f"{plural(len(e.get('articles', [])), 'article')}){': ' + variants if variants else ''}")
    if brief.get("quotes"):
        out += ["", "## Who said what", ""]
        for q in brief["quotes"]:
            who = md(q.get("speaker") or "unattributed")
            # Reported speech is not put in quotation marks: those words are the outlet's.
            said = f"“{md(q['text'])}”" if q.get("kind") != "reported" else f"(reported) {md(q['text'])}"
            out.append(f"- **{who}**: {said} ({_lg(q.get('lang'))})")
            for s in q.get("sources", []):
                kind = ", reported" if s.get("kind") == "reported" else ""
                out.append(f"  - {_md_source(brief, s['article'], s.get('source'))} "
                           f"({_lg(s.get('lang'))}{kind}): {md(s.get('text'))}")
    if brief.get("figures"):
        out += ["", "## Figures", ""]
        for f in brief["figures"]:
            srcs = ", ".join(_md_source(brief, s["article"], s.get("source")) for s in f["sources"])
            earlier = " (of an earlier happening)" if f.get("recap") else ""
            out.append(f"- {md(f.get('text'))}{earlier} — {srcs}")
    out += ["", "## Where sources differ", ""]
    if not brief.get("disagreements"):
        out.append("No disagreements found.")
    else:
        for d in brief["disagreements"]:
            out.append(f"- {md(d.get('kind'))}: {md(d.get('about'))}")
            for v in d.get("versions", []):
                srcs = ", ".join(_md_source(brief, s["article"], s.get("source")) for s in v["sources"])
                who = ", ".join(md(n) for n in v.get("according_to") or [])
                out.append(f"  - {md(v.get('text') or v.get('value'))}"
                           f"{' according to ' + who if who else ''}: {srcs}")
    if brief.get("updates"):
        out += ["", "## Figures that changed over time", ""]
        for d in brief["updates"]:
            out.append(f"- {md(d.get('about'))}: " + " → ".join(
                f"{md(v.get('text') or v.get('value'))} ({md(short_date(v.get('first_date')))})"
                for v in d.get("versions", [])))
    if brief.get("happenings"):
        out += ["", "## What happened when", ""]
        for h in brief["happenings"]:
            ahead = " (scheduled)" if h.get("scheduled") else ""
            out.append(f"- {md(h.get('date'))}{ahead}: {md(h.get('text'))} — "
                       f"{_md_source(brief, h['article'], h.get('source'))} ({_lg(h.get('lang'))})")
    if brief.get("timeline"):
        out += ["", "## Timeline", ""]
        for t in brief["timeline"]:
            star = (" **(first report)**" if t.get("first") else
                    " (earliest dated report)" if t.get("earliest_dated") else "")
            out.append(f"- {md(short_date(t.get('date')))} · {_md_source(brief, t['article'], t.get('source'))}"
                       f" ({_lg(t.get('lang'))}){': ' + md(t['title']) if t.get('title') else ''}{star}")
        cov = brief.get("coverage") or {}
        if cov.get("by_day"):
            out += ["", "Coverage by day: " + "; ".join(
                f"{md(d['date'])}: {d['total']} ({md(', '.join(f'{k} {v}' for k, v in d['langs'].items()))})"
                for d in cov["by_day"])]
    if brief.get("parallel"):
        out += ["", "## Parallel reading", ""]
        for p in brief["parallel"]:
            out.append(f"### {_md_source(brief, p['article'], p.get('source'))} ({_lg(p.get('lang'))})")
            out.append("")
            for s in p["sentences"]:
                out.append(f"- {md(s['text'])}")
                for m in s["matches"]:
                    out.append(f"  - ≈ {md(m['text'])} ({m['score']:.2f})")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


# --- HTML -------------------------------------------------------------------------------

_FRAGMENT = """\
<section class="tidings-brief"{% if b.event %} data-event="{{ b.event }}"{% endif %}>
<header>
<h2 class="headline"{% if lang_attr(h.lang) %} lang="{{ lang_attr(h.lang) }}"{% endif %}>{{ h.text or b.event_title or b.event }}</h2>
{% if h.original_language %}<p class="original-language">Headline in its original language ({{ h.lang or "und" }}): no article in the reader's language.</p>{% endif %}
<p class="facts">{{ plural(b.n_articles or 0, "article") }} · {{ plural((b.sources or [])|length, "source") }} · languages: {{ (b.languages or [])|join(", ") }}</p>
{% if b.first_report %}{% set fr = b.first_report %}<p class="first-report">First report: {{ src(fr.article, fr.source) }}, <time>{{ short_date(fr.date) }}</time> ({{ fr.lang or "und" }}){% if fr.inferred and fr.why %}, inferred: <span class="why" dir="auto">{{ fr.why }}</span>{% endif %}</p>
{% if fr.inferred and fr.earliest_dated %}{% set d = fr.earliest_dated %}<p class="earliest-dated">Earliest dated report: {{ src(d.article, d.source) }}, <time>{{ short_date(d.date) }}</time> ({{ d.lang or "und" }})</p>{% endif %}{% endif %}
</header>
{% if b.summary %}<h3>Summary</h3>
<ul class="summary">{% for s in b.summary %}
<li><span{% if lang_attr(s.lang) %} lang="{{ lang_attr(s.lang) }}"{% endif %}>{{ s.text }}</span> <small>— {{ src(s.article, s.source) }} ({{ s.lang or "und" }})</small></li>{% endfor %}
</ul>{% endif %}
{% if b.entities %}<h3>People, places and organisations</h3>
<table class="entities"><thead><tr><th>Name</th><th>Kind</th><th>Also written</th><th>Articles</th></tr></thead><tbody>{% for e in b.entities %}
<tr><td>{{ e.name }}</td><td>{{ e.kind }}</td><td>{{ e.variants|reject("equalto", e.name)|join(", ") }}</td><td>{{ e.articles|length }}</td></tr>{% endfor %}
</tbody></table>{% endif %}
{% if b.quotes %}<h3>Who said what</h3>{% for q in b.quotes %}
<figure class="quote"><blockquote{% if lang_attr(q.lang) %} lang="{{ lang_attr(q.lang) }}"{% endif %}>{{ q.text }}</blockquote>
<figcaption>{{ q.speaker or "Unattributed" }} · reported in {{ q.sources|length }} place{{ "s" if q.sources|length != 1 }} ({{ q.languages|join(", ") }})</figcaption>
<ul class="quote-sources">{% for s in q.sources %}<li>{{ src(s.article, s.source) }} ({{ s.lang or "und" }}): <span{% if lang_attr(s.lang) %} lang="{{ lang_attr(s.lang) }}"{% endif %}>{{ s.text }}</span></li>{% endfor %}</ul>
</figure>{% endfor %}{% endif %}
{% if b.figures %}<h3>Figures</h3>
<table class="figures"><thead><tr><th>Figure</th><th>Counts</th><th>Sources</th></tr></thead><tbody>{% for f in b.figures %}
<tr><td>{{ f.text }}{% if f.recap %} <em>(of an earlier happening)</em>{% endif %}</td><td>{{ f.what }}</td><td>{% for s in f.sources %}{{ src(s.article, s.source) }}{{ ", " if not loop.last }}{% endfor %}</td></tr>{% endfor %}
</tbody></table>{% endif %}
{% if b.disagreements %}<h3>Where sources differ</h3>{% for d in b.disagreements %}
<div class="disagreement"><p>{{ d.kind }}: {{ d.about }}</p><ul>{% for v in d.versions %}
<li><strong>{{ v.text or v.value }}</strong>: {% for s in v.sources %}{{ src(s.article, s.source) }}{{ ", " if not loop.last }}{% endfor %}</li>{% endfor %}</ul></div>{% endfor %}{% endif %}
{% if b.timeline %}<h3>Timeline</h3>
<ol class="timeline">{% for t in b.timeline %}
<li{% if t.first %} class="first"{% endif %}><time>{{ short_date(t.date) }}</time> · {{ src(t.article, t.source) }} ({{ t.lang or "und" }}){% if t.title %}: <span{% if lang_attr(t.lang) %} lang="{{ lang_attr(t.lang) }}"{% endif %}>{{ t.title }}</span>{% endif %}{% if t.first %} <strong>first report</strong>{% elif t.earliest_dated %} <em>earliest dated report</em>{% endif %}</li>{% endfor %}
</ol>
{% if b.coverage and b.coverage.by_day %}<table class="coverage"><thead><tr><th>Day</th><th>Articles</th><th>Total so far</th><th>By language</th></tr></thead><tbody>{% for d in b.coverage.by_day %}
<tr><td>{{ d.date }}</td><td>{{ d.total }}</td><td>{{ d.cumulative }}</td><td>{% for k, v in d.langs.items() %}{{ k }} {{ v }}{{ ", " if not loop.last }}{% endfor %}</td></tr>{% endfor %}
</tbody></table>{% endif %}
{% if b.coverage and b.coverage.by_outlet %}<table class="outlets"><thead><tr><th>Outlet</th><th>Articles</th><th>First</th><th>Languages</th></tr></thead><tbody>{% for o in b.coverage.by_outlet %}
<tr><td>{{ o.source }}</td><td>{{ o.articles }}</td><td>{{ short_date(o.first) }}</td><td>{{ o.langs|join(", ") }}</td></tr>{% endfor %}
</tbody></table>{% endif %}{% endif %}
{% if b.parallel %}<h3>Parallel reading</h3>{% for p in b.parallel %}
<details class="parallel"><summary>{{ src(p.article, p.source) }} ({{ p.lang or "und" }}){% if p.title %}: <span{% if lang_attr(p.lang) %} lang="{{ lang_attr(p.lang) }}"{% endif %}>{{ p.title }}</span>{% endif %}</summary>
<table><tbody>{% for s in p.sentences %}
<tr><td{% if lang_attr(p.lang) %} lang="{{ lang_attr(p.lang) }}"{% endif %}>{{ s.text }}</td><td>{% for m in s.matches %}<p>{{ m.text }} <small>({{ "%.2f"|format(m.score) }}, {{ src(m.article) }})</small></p>{% else %}<p class="none">no close sentence</p>{% endfor %}</td></tr>{% endfor %}
</tbody></table></details>{% endfor %}{% endif %}
{% if b.articles %}<h3>Articles</h3>
<ul class="articles">{% for a in b.articles %}
<li id="{{ anchor(a.id) }}">{% if safe_url(a.url) %}<a href="{{ safe_url(a.url) }}" rel="noopener noreferrer nofollow" target="_blank">{{ a.title or a.id }}</a>{% else %}{{ a.title or a.id }}{% endif %} · {{ a.source or "unknown source" }} · {{ a.lang or "und" }} · <time>{{ short_date(a.date) }}</time></li>{% endfor %}
</ul>{% endif %}
</section>
"""

_PAGE = """\
<!doctype html>
<html lang="{{ lang_attr(b.lang) or 'en' }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{ (b.headline.text if b.headline else None) or b.event_title or b.event or "Brief" }} · Tidings</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
td, th { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid #888; }
.first { font-weight: 600; } small, figcaption, .facts { color: #555; }
.quote-sources { font-size: .9em; } details { margin: .5rem 0; }
</style>
</head>
<body>
{{ fragment }}
</body>
</html>
"""

_ENV = Environment(
    loader=DictLoader({"fragment.html": _FRAGMENT, "page.html": _PAGE}),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=False,
)


def _context(brief: dict) -> dict:
    arts = _articles(brief)

    def src(article_id, source=None):
        # Built from escaped parts; returned as Markup so the template does not escape twice.
        from markupsafe import Markup, escape

        name = source or arts.get(article_id, {}).get("source") or UNNAMED
        return Markup('<a href="#{}">{}</a>').format(anchor(article_id), escape(name))

    return {
        "b": brief,
        "h": brief.get("headline") or {},
        "src": src,
        "anchor": anchor,
        "safe_url": safe_url,
        "short_date": short_date,
        "lang_attr": _lang_attr,
        "plural": plural,
    }


def render_html_fragment(brief: dict) -> str:
    """The brief as an HTML fragment (<section class="tidings-brief">) for embedding."""
    return _ENV.get_template("fragment.html").render(**_context(brief))


def render_html_page(brief: dict) -> str:
    """A self-contained HTML page (inline style, no scripts, a CSP that forbids them)."""
    from markupsafe import Markup

    fragment = Markup(render_html_fragment(brief))
    return _ENV.get_template("page.html").render(fragment=fragment, **_context(brief))
