"""Lines of a brief an analyst would not trust: a headline that is a dateline, a credit or a
site label, or in a script the reader cannot read while a readable one exists; summary and
timeline lines that are links, handles, editor's notes, bare datelines or sentences leaning
on the one before; lines cut inside a word. Fixtures are our own wording."""

from __future__ import annotations

import numpy as np
import pytest

from tidings.brief import summary as S
from tidings.records import Article
from tidings.titles import dateline_only, reads_as_headline, without_dateline


def art(aid, title="", text="", lang="en", date="2026-03-10T09:00:00+00:00", source=None):
    return Article(id=aid, origin=aid, title=title, text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=source or f"{aid}.example")


# --- headline ---

@pytest.mark.parametrize("title", [
    "OSLO, March 3. /NTB/",                          # a dateline and its agency tag
    "LISBON, 4 June 2026 (LUSA)",
    "Valletta, 12 de abril de 2026",
    "Lena Brandt / Picture Alliance via Getty Images",  # a photo credit
    "Photo: Marek Novak for the Herald",
    "Фото: пресс-служба мэрии",
    "記者王明/綜合外電報導",                             # a Chinese byline
    "By Tomas Ferreira Lindqvist",                   # a byline
    "[Source: Harbour Daily]",                       # a site's name in brackets
    "【TVBS】",
    "https://cdn.example.org/media/2026/03/quake-harbour.jpg",
    "flood-warning-coastal-towns",                   # a URL slug
    "Please enable JavaScript to view this page",    # a browser notice
    "Most read this week",
    "Reykjavik:",                                    # a lead-in with no news after it
    "12.03.2026 08:45",
    "14 marzo 2026 a",
    "all the faithful gathered there.\"",            # the tail of a quotation
])
def test_furniture_titles_do_not_read_as_headlines(title):
    assert not reads_as_headline(title)


@pytest.mark.parametrize("title", [
    "Ferry capsizes off the coast of Sicily, dozens missing",
    "Quake hits northern Chile, May 7",
    "Minister: \"We will rebuild every school\"",
    "Photographers gather as the summit opens in Geneva",
    "暴雨袭击华南 多地发布红色预警",
    "Rome, Paris and Berlin agree on a joint grid plan",
    "ซีรีส์น้ำท่วม 12 จังหวัด ฝนตกหนักต่อเนื่องทั้งสัปดาห์",
])
def test_headlines_still_read_as_headlines(title):
    assert reads_as_headline(title)


def test_a_dateline_alone_is_told_from_news_with_a_date():
    for line in ["OSLO, March 3. /NTB/.", "Valletta, 12 de abril de 2026", "Reykjavik, 3rd March"]:
        assert dateline_only(line), line
    for line in ["Quake hits northern Chile, May 7", "Ferry sinks, 12 missing", "Oslo, Bergen brace for storm"]:
        assert not dateline_only(line), line


def test_an_english_headline_drops_the_dateline_that_opens_it():
    assert without_dateline("GENEVA — Negotiators reached a draft deal on river rights late on Friday") \
        == "Negotiators reached a draft deal on river rights late on Friday"
    assert without_dateline("REYKJAVIK: Lava reached the edge of the harbour town overnight") \
        == "Lava reached the edge of the harbour town overnight"
    assert without_dateline("Valletta, 12 de abril de 2026 — Los pescadores vuelven al puerto") \
        == "Los pescadores vuelven al puerto"
    # An acronym before a dash is a subject, not a place; too little after it: kept whole.
    assert without_dateline("NATO — a short history of the alliance") == "NATO — a short history of the alliance"
    assert without_dateline("OSLO — Blackout") == "OSLO — Blackout"


def test_the_brief_headline_entry_has_no_dateline():
    a = art("a", title="GENEVA — Negotiators reached a draft deal on river rights late on Friday")
    assert S.headline_entry(a, "en")["text"].startswith("Negotiators reached")


def _headline(arts, central):
    vecs = {a.id: np.array([1.0, 0.0]) if a.id == central else np.array([0.6, 0.8]) for a in arts}
    return S.headline(arts, vecs, np.array([1.0, 0.0]), "en")


def test_a_reader_of_english_gets_a_latin_title_before_a_han_or_cyrillic_one():
    arts = [art("zh", title="暴雨袭击华南 多地发布红色预警 数万人紧急转移", lang="zh"),
            art("ru", title="Ливни на юге Китая: эвакуированы десятки тысяч человек", lang="ru"),
            art("es", title="Lluvias torrenciales obligan a evacuar a decenas de miles en el sur de China",
                lang="es")]
    # The Han title is the most central, yet an English reader can read the Spanish one's names.
    assert _headline(arts, "zh")["article"] == "es"
    # An English one, when there is one, before any other.
    arts.append(art("en", title="Floods force tens of thousands from their homes in southern China"))
    assert _headline(arts, "zh")["article"] == "en"


def test_a_dateline_title_does_not_head_the_brief():
    arts = [art("tag", title="OSLO, March 3. /NTB/"),
            art("news", title="Avalanche buries a mountain road north of Tromsø")]
    assert _headline(arts, "tag")["article"] == "news"
