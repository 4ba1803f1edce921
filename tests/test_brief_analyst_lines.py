"""Lines of a brief an analyst would not trust: a headline that is a dateline, a credit or a
site label, or in a script the reader cannot read while a readable one exists; summary and
timeline lines that are links, handles, editor's notes, bare datelines or sentences leaning
on the one before; lines cut inside a word. Fixtures are our own wording."""

from __future__ import annotations

import numpy as np
import pytest

from tidings.brief import summary as S
from tidings.brief import timeline as T
from tidings.brief.lines import cut, junk_line
from tidings.clean.sentences import split
from tidings.config import DEFAULT
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


# --- summary and timeline lines ---

@pytest.mark.parametrize("line", [
    "Read the full statement at https://gov.example.org/press/2026/0310 for details.",
    "The ministry posted the figures on its account @HarbourMinistry on Tuesday evening.",
    "Updated at 14:05 with new figures from the regional emergency service today.",
    "Last updated: 10 March 2026, 09:12 local time, with the coast guard's figures.",
    "(Statement added) The port authority said all ferries would stay in harbour until Friday.",
    "This story has been updated with comments from the fishermen's union.",
    "OSLO, March 3. /NTB/.",
    "Reykjavik, 3 March.",
    "The parties' shares of the vote and their expected seats in the new parliament were as follows:",
])
def test_junk_lines(line):
    assert junk_line(line)
    assert not S.candidate(line, "", DEFAULT) or len(line.split()) < DEFAULT.summary_min_words


@pytest.mark.parametrize("line", [
    "The port authority said all ferries would stay in harbour until Friday.",
    "Rescuers reached the village of Hella on Tuesday, the fire service said.",
    "At 14:05 the first ferry left the harbour with 300 passengers on board.",
    "Updated figures from the coast guard show 40 people were rescued overnight.",
])
def test_news_lines_are_no_junk(line):
    assert not junk_line(line)


@pytest.mark.parametrize("sentence", [
    "Thus the vote was postponed until the spring session of parliament.",
    "In particular, the northern districts were left without power for two days.",
    "As a result, the ferries stayed in port for the rest of the week.",
    "В частности, глава региона заявил, что эвакуация продолжится до пятницы.",
    "Таким образом, голосование перенесено на весеннюю сессию.",
    "Insbesondere die Küstenorte waren zwei Tage ohne Strom.",
    "Ainsi, le vote a été reporté à la session de printemps.",
    "En particular, los distritos del norte se quedaron sin luz durante dos días.",
    "In particolare, i quartieri a nord sono rimasti senza corrente per due giorni.",
    "Зокрема, північні райони залишилися без світла на два дні.",
])
def test_sentences_opening_with_a_connective_point_back(sentence):
    assert S.points_back(sentence)


def test_a_quotation_said_by_the_statement_before_it_has_no_speaker():
    assert S.speakerless_quote("“All four bridges have been closed to traffic,” the statement added.")
    assert not S.speakerless_quote("“All four bridges have been closed,” Mayor Ines Duarte said.")


def test_cut_ends_at_a_word_with_an_ellipsis():
    text = "Rescuers reached the flooded village of Hella after wading through water for hours"
    out = cut(text, 40)
    assert len(out) <= 40 and out.endswith("…")
    assert text.startswith(out[:-1]) and text[len(out) - 1] == " "
    assert cut("Short line.", 40) == "Short line."
    # A script without spaces is cut where it reaches the limit.
    han = "暴雨袭击华南多地发布红色预警数万人紧急转移" * 3
    assert cut(han, 20) == han[:19] + "…"


def _happen(arts):
    return T.happenings(arts, lambda a: split(a.text, a.lang), {}, "en")


def test_a_bare_dateline_is_no_happening():
    arts = [art("a", text="OSLO, March 9. /NTB/. Snow closed the pass on Monday. It opens again soon.",
                date="2026-03-10T10:00:00+00:00"),
            art("b", text="Oslo, 9 March. The road over the pass was shut on Monday by snow.",
                date="2026-03-10T12:00:00+00:00")]
    (h,) = _happen(arts)
    assert h["date"] == "2026-03-09"
    assert h["text"] in {"Snow closed the pass on Monday.", "The road over the pass was shut on Monday by snow."}


def test_a_happening_cut_short_ends_at_a_word():
    long = ("On Tuesday the river burst its banks " + "and flooded the lower town's streets " * 12).strip() + "."
    arts = [art("a", text=long, date="2026-03-11T10:00:00+00:00"),
            art("b", text="Water rose fast. On Tuesday water covered the lower town.",
                date="2026-03-11T11:00:00+00:00")]
    (h,) = _happen(arts)
    assert h["article"] == "a" and h["text"].endswith("…") and len(h["text"]) <= 300
    assert long.startswith(h["text"][:-1]) and long[len(h["text"]) - 1] == " "


def test_a_happening_prefers_a_sentence_that_stands_alone():
    arts = [art("a", text="Thus on Tuesday the pass was closed to all traffic.",
                date="2026-03-11T10:00:00+00:00"),
            art("b", text="Snow closed the mountain pass to all traffic on Tuesday.",
                date="2026-03-11T11:00:00+00:00")]
    (h,) = _happen(arts)
    assert h["article"] == "b"


def test_the_timeline_shows_no_credit_or_dateline_as_a_title():
    arts = [art("a", title="OSLO, March 3. /NTB/"), art("b", title="Lena Brandt / Picture Alliance via Getty Images"),
            art("c", title="Avalanche buries a mountain road north of Tromsø")]
    tl, _, _ = T.build(arts)
    assert {t["article"]: t["title"] for t in tl} == {
        "a": None, "b": None, "c": "Avalanche buries a mountain road north of Tromsø"}


def test_a_line_drops_its_opening_dateline_and_closing_credit():
    from tidings.brief.lines import tidy

    assert tidy("Tromsø, March 9 — Snow closed the mountain pass for the third day running.") \
        == "Snow closed the mountain pass for the third day running."
    assert tidy("TROMSØ, March 9 — Snow closed the mountain pass.") == "Snow closed the mountain pass."
    assert tidy("暴雨导致山路封闭,救援队正在清理道路。【记者 李华整理报导】") == "暴雨导致山路封闭,救援队正在清理道路。"
    assert tidy("The pass reopened on Friday. (Reporting by Ana Ruiz; Editing by Tom Hale)") \
        == "The pass reopened on Friday."
    # Two sentences run together: the first one only.
    assert tidy("The minister said the navy's actions were defensive.Rear Admiral Holm added that two "
                "patrol boats had been recalled.") == "The minister said the navy's actions were defensive."
    assert tidy("Turnout was 71.5 percent, up from 66.2 percent.") == "Turnout was 71.5 percent, up from 66.2 percent."
    assert tidy("The ministry posted the new figures on Gov.Uk and sent them to St.Petersburg.") \
        == "The ministry posted the new figures on Gov.Uk and sent them to St.Petersburg."
    # A figure before a dash is no dateline.
    assert tidy("Storm kills 12, injures 40 — Officials expect the toll to rise") \
        == "Storm kills 12, injures 40 — Officials expect the toll to rise"


def test_a_happening_line_has_no_dateline():
    arts = [art("a", text="Tromsø, March 9 — Snow closed the mountain pass on Monday, the road agency said.",
                date="2026-03-10T10:00:00+00:00"),
            art("b", text="Crews worked all night. The pass was shut on Monday.", date="2026-03-10T12:00:00+00:00")]
    (h,) = _happen(arts)
    assert h["text"] == "Snow closed the mountain pass on Monday, the road agency said."


def test_a_russian_plural_future_schedules_the_coming_day():
    # Monday 9 March: the funeral "will be held on Saturday" is the 14th, not the 7th.
    arts = [art("a", text="Похороны пройдут в субботу на городском кладбище.", lang="ru",
                date="2026-03-09T10:00:00+00:00")]
    (h,) = _happen(arts)
    assert h["date"] == "2026-03-14" and h["scheduled"]


def test_a_summary_candidate_has_no_dateline():
    from tidings.brief.build import _summary_candidates

    a = art("a", text="TROMSØ, March 9 — Snow closed the only mountain pass to the coast for a third day. "
                      "Crews expect to clear it by Friday evening, the road agency said.")
    cands = _summary_candidates([a], {}, lambda x: split(x.text, x.lang), DEFAULT, 3, lambda m: m.surface)
    assert cands[0]["text"] == "Snow closed the only mountain pass to the coast for a third day."


def test_a_chinese_sentence_may_stand_in_a_summary():
    # By spaces alone it was one word, under summary_min_words: a Chinese-only event had no summary.
    zh = "暴雨导致通往海边的唯一山路连续第三天封闭,当局表示救援队预计周五晚上清理完毕。"
    assert S.candidate(zh, "", DEFAULT)
    assert not S.candidate("暴雨导致山路封闭。", "", DEFAULT)  # too short still


def test_a_rendered_timeline_entry_without_a_title_ends_at_its_source():
    from tidings.brief.formats import render

    brief = {"version": 1, "event": "ev-x", "headline": {"text": "Avalanche buries a mountain road"},
             "timeline": [{"article": "a", "source": "fjord.example", "lang": "no", "date": "2026-03-10",
                           "title": None, "first": True}],
             "articles": [{"id": "a", "source": "fjord.example", "lang": "no"}]}
    md = render(brief, "md")
    line = next(x for x in md.splitlines() if "fjord.example" in x and "2026-03-10" in x)
    assert "(no) **(first report)**" in line and "):" not in line
    html = render(brief, "html")
    assert "(no): <span" not in html and "(no):" not in html


def test_the_brief_keeps_the_event_title_when_it_is_an_article_title_without_its_dateline():
    from tidings.brief.build import event_headline

    arts = [art("en1", title="GENEVA — Negotiators reached a draft deal on river rights late on Friday"),
            art("en2", title="River talks end with a draft deal")]
    mine = S.headline_entry(arts[1], "en")
    out = event_headline(mine, arts, "Negotiators reached a draft deal on river rights late on Friday", "en")
    assert out["article"] == "en1" and out["text"].startswith("Negotiators")


def test_an_event_is_titled_without_the_dateline_opening_its_article_title():
    from tidings.cluster import load_learner
    from tidings.pipeline import apply_changes
    from tidings.store import SQLiteStore
    from tidings.understand import understand_batch
    from tidings.understand.embed import Embedder

    text = ("Negotiators from the three river states reached a draft deal on water rights late on Friday, "
            "after four days of talks in Geneva. The draft shares the river's summer flow by a fixed formula.")
    a = art("en1", title="GENEVA — Negotiators reached a draft deal on river rights late on Friday",
            text="GENEVA — Negotiators reached a draft deal on river rights late on Friday\n\n" + text)
    store = SQLiteStore(":memory:")
    (f,) = understand_batch([a], Embedder(), DEFAULT)
    learner = load_learner(store, DEFAULT)
    store.add_article(a)
    store.put_features(f)
    apply_changes(store, learner, learner.learn_one(a, f))
    (event,) = store.events()
    assert event.title == "Negotiators reached a draft deal on river rights late on Friday"
