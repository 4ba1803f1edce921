"""Briefs in Markdown, JSON and HTML; hostile article text must render inert."""

import json
import re

import pytest

from tidings.brief import compose, render, render_html_fragment
from tidings.brief.formats import safe_url
from tidings.records import Article, Features
from tidings.understand.embed import HashingEmbedderForTests
from tidings.understand.figures import extract as figures
from tidings.understand.names import extract as names

EVIL_TITLE = 'Officials meet <script>alert(1)</script> in "Geneva"'
EVIL_TEXT = (
    "Minister Karl Wendt said that <img src=x onerror=alert(1)> talks would resume on Friday.\n"
    '"We expect 40 delegates <b>and</b> more at the summit," Karl Wendt told reporters.\n'
    "The agency counted 1,200 protesters outside the hall. <a href=\"javascript:alert(2)\">x</a>"
)


def article(aid, lang, title, text, url=None, date="2026-05-04T10:00:00+00:00", source="Wire"):
    return Article(id=aid, origin=aid, title=title, text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=source, url=url)


@pytest.fixture(scope="module")
def brief():
    arts = [
        article("evil\"><script>x</script>", "en", EVIL_TITLE, EVIL_TEXT,
                url="javascript:alert(3)", source="<i>Bad</i> Wire"),
        article("good-1", "en", "Talks in Geneva to resume on Friday",
                "Karl Wendt said that the talks in Geneva would resume on Friday. "
                "The agency counted 1,500 protesters outside the hall.",
                url="https://example.org/news/geneva?id=1&x=2", date="2026-05-04T08:00:00+00:00"),
        article("good-2", "de", "Gespräche in Genf gehen am Freitag weiter",
                "Karl Wendt sagte, dass die Gespräche in Genf am Freitag weitergehen. "
                "Vor der Halle zählte die Agentur 1.200 Demonstranten.",
                url="http://example.de/genf", date="2026-05-05"),
    ]
    feats = {a.id: Features(a.id, names=names(a.text, a.lang), figures=figures(a.text, a.lang))
             for a in arts}
    return compose(arts, feats, "en", embedder=HashingEmbedderForTests(), event_id="ev<1>")


def test_html_escapes_everything_from_articles(brief):
    for html in (render(brief, "html"), render_html_fragment(brief)):
        assert "<script" not in html.lower()
        assert "<img" not in html.lower() and "<b>" not in html and "<i>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        # No attribute carries script: no javascript: URL, no on*= handler outside text.
        assert not re.search(r'href="\s*javascript:', html, re.I)
        assert not re.search(r"<[^>]*\son\w+=", html)
        for tag in re.findall(r"<a [^>]*>", html):
            if 'href="http' in tag:
                assert 'rel="noopener noreferrer nofollow"' in tag
        # Element ids from article ids are sanitised.
        assert all(re.fullmatch(r"a-[A-Za-z0-9_-]*", i) for i in re.findall(r'id="([^"]*)"', html))
    page = render(brief, "html")
    assert "Content-Security-Policy" in page
    assert 'href="https://example.org/news/geneva?id=1&amp;x=2"' in page


def test_markdown_escapes_markup_and_drops_unsafe_links(brief):
    md = render(brief, "md")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "javascript:" not in md
    assert "(<https://example.org/news/geneva?id=1&x=2>)" in md


def test_json_is_the_brief(brief):
    out = render(brief, "json")
    assert json.loads(out) == json.loads(json.dumps(brief))
    assert "Geneva" in out and "\\u" not in out[:2000]  # ensure_ascii=False
    for key in ("event", "headline", "summary", "timeline", "first_report", "coverage",
                "entities", "quotes", "figures", "disagreements", "parallel", "articles"):
        assert key in brief


def test_first_report_and_coverage(brief):
    assert brief["first_report"]["article"] == "good-1"
    days = brief["coverage"]["by_day"]
    assert [d["date"] for d in days] == ["2026-05-04", "2026-05-05"]
    assert days[-1]["cumulative"] == 3 and days[1]["langs"] == {"de": 1}


def test_unknown_format_is_an_error_naming_the_choices(brief):
    with pytest.raises(ValueError, match="md, json, html"):
        render(brief, "pdf")


@pytest.mark.parametrize("url, ok", [
    ("https://example.org/a", True), ("http://example.org/a?b=1", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("data:text/html,x", False),
    ("//example.org/a", False), ('https://example.org/"onmouseover="x', False), (None, False),
])
def test_safe_url(url, ok):
    assert (safe_url(url) is not None) == ok


def test_markdown_counts_in_the_singular_and_labels_reported_speech():
    b = {"version": 1, "headline": {"text": "T"}, "sources": ["Wire"], "n_articles": 1,
         "articles": [{"id": "a", "source": "Wire", "lang": "en"}],
         "entities": [{"name": "Karl Wendt", "kind": "person", "variants": [], "articles": ["a"]}],
         "quotes": [{"speaker": "Karl Wendt", "text": "the talks would resume", "kind": "reported",
                     "lang": "en", "sources": [{"article": "a", "text": "the talks would resume",
                                                "kind": "reported", "lang": "en"}]}],
         "disagreements": []}
    md = render(b, "md")
    assert "1 article ·" in md and "1 source ·" in md and "(person, 1 article)" in md
    assert "“the talks would resume”" not in md and "(reported) the talks would resume" in md
    assert "No disagreements found." in md


def test_an_article_of_no_recognised_language_shows_und_not_empty_parentheses():
    from tidings.brief.formats import render

    brief = {"event": "ev-1", "headline": {"text": "Storm", "lang": "", "article": "a",
                                           "original_language": True},
             "articles": [{"id": "a", "source": None, "lang": "", "title": "Storm"}],
             "languages": ["und"], "sources": [], "n_articles": 1,
             "timeline": [{"date": None, "article": "a", "source": None, "lang": "", "title": "Storm"}]}
    for fmt in ("md", "html"):
        out = render(brief, fmt)
        assert "()" not in out and "(, " not in out, fmt
        assert "(und" in out, fmt


def test_a_toll_of_an_earlier_happening_says_so_in_every_rendering():
    from tidings.brief.records import Brief

    b = {"version": 1, "headline": {"text": "Raids overnight"}, "sources": ["Wire"], "n_articles": 2,
         "articles": [{"id": "a", "source": "Wire", "lang": "en"}, {"id": "b", "source": "Post", "lang": "en"}],
         "figures": [{"value": 12.0, "text": "12 people killed", "what": "killed", "recap": False,
                      "sources": [{"article": "a", "source": "Wire"}]},
                     {"value": 31.0, "text": "31 people dead", "what": "dead", "recap": True,
                      "sources": [{"article": "b", "source": "Post"}]}]}
    md = render(b, "md")
    assert "31 people dead (of an earlier happening)" in md and "12 people killed —" in md
    html = render_html_fragment(b)
    assert html.count("earlier happening") == 1
    assert [f.recap for f in Brief.from_dict(b).figures] == [False, True]
