"""Server-rendered pages: what they show, and that a hostile article stays inert text."""

from __future__ import annotations

import warnings
from html.parser import HTMLParser

import pytest
from web_store import HOSTILE_EVENT, HOSTILE_ID, XSS, ZELENSKY, build_store, client, store  # noqa: F401 (pytest fixtures)

from tidings.config import Config
from tidings.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)

    def links(self) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == "a"]

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def assert_inert(html: str) -> Tags:
    """No markup from an article became markup: the only script is our own file, no event
    handler attributes, no javascript: links, no img/svg/iframe/style elements at all."""
    page = Tags(html)
    for tag, attrs in page.tags:
        assert tag not in ("img", "svg", "iframe", "object", "embed", "style", "base", "form") or (
            tag == "form" and attrs.get("action") == "/search"), (tag, attrs)
        if tag == "script":
            assert attrs == {"src": "/static/live.js", "defer": ""}, attrs
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for k in ("href", "src", "action"):
            assert not attrs.get(k, "").strip().lower().startswith(("javascript:", "data:")), (tag, attrs)
        if tag == "link":
            assert attrs["href"] == "/static/tidings.css"
    for a in page.links():
        href = a.get("href", "")
        if href.startswith(("http://", "https://")):
            assert set(a.get("rel", "").split()) >= {"noopener", "noreferrer", "nofollow"}, a
        else:
            assert href.startswith("/") or href.startswith("#"), a
    return page




def get(client, url: str) -> str:
    r = client.get(url, headers={"Accept": "text/html"})
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def test_front_page_lists_current_events(client):
    page = assert_inert(get(client, "/"))
    text = page.all_text()
    assert "Kremlinul îl invită pe Zelenski la Moscova" in text
    assert "Floods close roads across northern Romania" in text and "東京で首脳会議が開幕" in text
    assert "de, en, hi, ro, ru" in text  # languages
    assert "28 Jan 2026, 18:20" in text  # first seen
    rows = [a for t, a in page.tags if t == "tr" and "data-id" in a]
    assert [r["data-id"] for r in rows] == [HOSTILE_EVENT, "ev-moscow", "ev-floods", "ev-tokyo"]
    assert rows[1]["data-articles"] == "5"
    assert "/events/ev-moscow" in [a["href"] for a in page.links()]
    table = next(a for t, a in page.tags if t == "table")
    assert table["id"] == "events" and table["data-stamp"] and table["data-insert"] == "1"


def test_front_page_is_paginated(store):
    client = TestClient(create_app(store, config=Config(web_page_size=3), token=""))
    first, second = get(client, "/"), get(client, "/?page=2")
    assert "Page 1 of 2" in first and "/?page=2" in first
    assert "Page 2 of 2" in second and "東京で首脳会議が開幕" in second
    assert "東京で首脳会議が開幕" not in first
    assert client.get("/?page=0", headers={"Accept": "text/html"}).status_code == 422


def test_event_page_shows_the_brief(client):
    page = assert_inert(get(client, "/events/ev-moscow"))
    text = page.all_text()
    assert "Kremlinul îl invită pe Zelenski la Moscova" in text
    for section in ("Summary", "Timeline", "People, places and organisations", "Figures",
                    "Articles by language"):
        assert section in text, section
    assert "First report: digi24.ro" in text and "first report" in text
    # entity with its spellings across scripts, linked to its page
    assert f"/entities/{ZELENSKY}" in [a["href"] for a in page.links()]
    for spelling in ("Зеленский", "जेलेंस्की", "Selenskyj"):
        assert spelling in text, spelling
    # articles grouped by language, each with its original link
    for lang in ("Romanian", "English", "Hindi", "Russian", "German"):
        assert lang in text
    originals = [a for a in page.links() if a["href"].startswith("https://")]
    assert {a["href"] for a in originals} >= {"https://hindi.example.in/news/zelensky-moscow"}
    assert "6,000 drones" in text


def test_article_entity_and_search_pages(client):
    text = assert_inert(get(client, "/articles/hi-1")).all_text()
    assert "क्रेमलिन ने जेलेंस्की को मॉस्को आमंत्रित किया" in text and "दैनिक समाचार" in text
    assert "Part of the event" in text

    text = assert_inert(get(client, f"/entities/{ZELENSKY}")).all_text()
    assert "Volodymyr Zelensky" in text and "Зеленский" in text and "जेलेंस्की" in text
    assert "Kremlinul îl invită pe Zelenski la Moscova" in text


@pytest.mark.parametrize("q, event", [
    ("जेलेंस्की", "ev-moscow"),      # a name in Devanagari finds the entity
    ("Зеленский", "ev-moscow"),      # in Cyrillic
    ("Selenskyj", "ev-moscow"),      # a German spelling
    ("मॉस्को", "ev-moscow"),          # full text, Devanagari
    ("首脳会議", "ev-tokyo"),         # full text, CJK
    ("northern Romania", "ev-floods"),
])
def test_search_across_languages_and_scripts(client, q, event):
    page = assert_inert(get(client, f"/search?q={q}"))
    hrefs = [a["href"] for a in page.links()]
    assert f"/events/{event}" in hrefs


def test_search_shows_the_matching_entity_and_says_when_nothing_matches(client):
    page = Tags(get(client, "/search?q=जेलेंस्की"))
    assert f"/entities/{ZELENSKY}" in [a["href"] for a in page.links()]
    assert "Matching names" in page.all_text()
    assert "No event mentions" in get(client, "/search?q=nothing+like+this")


def test_unknown_pages_are_404_pages(client):
    for url in ("/events/nope", "/articles/nope", "/entities/nope"):
        r = client.get(url, headers={"Accept": "text/html"})
        assert r.status_code == 404 and "Not found" in r.text
        assert r.headers["content-security-policy"].startswith("default-src 'self'")


# --- a hostile article, on every page that shows any of it ---
HOSTILE_PAGES = [
    "/",
    f"/events/{HOSTILE_EVENT}",
    f"/articles/{HOSTILE_ID}",
    "/entities/evil",
    "/search?q=Breaking",
    "/search?q=" + XSS["script"],
    "/search?q=" + XSS["img"],
]


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_hostile_article_renders_as_inert_text(client, url):
    html = get(client, url)
    assert_inert(html)
    for payload in XSS.values():
        if payload.startswith("<"):
            assert payload not in html
    if "q=" not in url or "Breaking" in url:
        text = Tags(html).all_text()
        assert "alert('xss-" in text  # shown, as text


def test_hostile_article_page_shows_the_payloads_as_text(client):
    page = assert_inert(get(client, f"/articles/{HOSTILE_ID}"))
    text = page.all_text()
    assert XSS["script"] in text and XSS["img"] in text and XSS["svg"] in text
    # its javascript: url is not made a link
    assert not [a for a in page.links() if "xss-link" in a.get("href", "")]


def test_hostile_ids_in_urls_are_escaped_on_error_pages(client):
    r = client.get("/events/" + XSS["img"], headers={"Accept": "text/html"})
    assert r.status_code == 404
    assert_inert(r.text)
    assert XSS["img"] not in r.text


def test_event_page_with_a_brief_stage_brief(client, store, monkeypatch):
    """A brief of the typed records renders quotes (direct and reported, with the
    originals), disagreements with who says what, updates, happenings and parallel
    reading, and their untrusted text is escaped."""
    from tidings.brief import records as R
    from tidings.web import data

    def fake_brief(store, event_id, lang, config):
        return R.Brief(
            version=1,
            headline=R.Headline(text="Kremlin invites Zelensky " + XSS["script"], lang="ro", article="ro-1"),
            coverage={"by_day": [
                {"date": "2026-01-28", "total": 1, "cumulative": 1, "langs": {"ro": 1}},
                {"date": "2026-01-29", "total": 2, "cumulative": 3, "langs": {"en": 1, "hi": 1}}]},
            summary=[R.SummarySentence(text="Ushakov spoke. " + XSS["img"], article="en-1")],
            timeline=[R.TimelineEntry(article="ro-1", source="digi24.ro", lang="ro",
                                      date="2026-01-28T18:20:00+02:00")],
            happenings=[R.Happening(date="2026-02-01", text="The next round is on 1 February.",
                                    article="hi-1", scheduled=True)],
            first_report=R.FirstReport(article="ro-1", source="digi24.ro", date="2026-01-28T18:20:00+02:00"),
            entities=[R.EntityEntry(id=ZELENSKY, name="Volodymyr Zelensky", kind="person",
                                    variants=["Zelenski", "Зеленский"], articles=["ro-1", "ru-1"])],
            quotes=[R.QuoteEntry(speaker="Yuri Ushakov", text="we guarantee the safety " + XSS["svg"], kind="direct",
                                 sources=[R.QuoteSource(article="en-1", lang="en", text="we guarantee the safety"),
                                          R.QuoteSource(article="hi-1", lang="hi", text="सुरक्षा की गारंटी")]),
                    R.QuoteEntry(speaker="Andrii Sybiha", text="the venue was unacceptable", kind="reported",
                                 sources=[R.QuoteSource(article="en-1", text="the venue was unacceptable",
                                                        kind="reported")])],
            figures=[R.FigureEntry(value=6000.0, text="6,000 drones", what="drones",
                                   sources=[R.FigureSource(article="en-1")]),
                     R.FigureEntry(value=31.0, text="31 dead", what="dead", recap=True,
                                   sources=[R.FigureSource(article="hi-1")])],
            disagreements=[R.Disagreement(kind="figure", about="magnitude", versions=[
                R.Version(value=5.7, text="5.7", according_to=["USGS"], sources=[R.FigureSource(article="en-1")]),
                R.Version(value=5.9, text="5.9", according_to=["INFP"], sources=[R.FigureSource(article="hi-1")])])],
            updates=[R.Disagreement(kind="update", about="killed", versions=[
                R.Version(value=40, text="40 dead"), R.Version(value=118, text="118 dead")])],
            parallel=[R.ParallelArticle(article="hi-1", sentences=[R.AlignedSentence(
                text="उशाकोव ने कहा", matches=[R.Alignment(article="en-1", text="Ushakov said", score=0.9,
                                                         confidence=1.1)])])],
        ).to_dict()

    monkeypatch.setattr(data, "get_brief", fake_brief)
    html = get(client, "/events/ev-moscow")
    page = assert_inert(html)
    text = page.all_text()
    assert "Kremlin invites Zelensky " + XSS["script"] in text
    assert "we guarantee the safety" in text and "Yuri Ushakov" in text
    assert "Where sources disagree" in text and "according to USGS" in text and "according to INFP" in text
    assert "Figures that changed over time" in text and "40 dead" in text and "118 dead" in text
    assert "reported" in text and "the venue was unacceptable" in text and "सुरक्षा की गारंटी" in text
    assert "What happened when" in text and "scheduled" in text
    assert "Parallel reading" in text and "Ushakov said" in text and "confidence 1.10" in text
    assert "Зеленский" in text
    # A toll recalled from an earlier happening is marked so, this event's own is not.
    assert "31 dead earlier happening" in text and "6,000 drones earlier" not in text
    assert 'title="headline in its original language">Romanian</span></h1>' in html
    assert "How coverage grew" in text and "29 Jan 2026 +2 (English 1, Hindi 1), 3 in all" in text
    # Summary and quotes come before people and places, and those before the timeline.
    assert text.index("Summary") < text.index("Quotes") < text.index("People, places") < text.index("Timeline")


def test_event_page_shows_why_an_undated_first_report_was_inferred(client, monkeypatch):
    """An undated first report named from its own words shows why, and the earliest dated
    report stays in view, on the page as in the brief."""
    from tidings.brief import records as R
    from tidings.web import data

    why = ("it reports as just happened \u201cMoments ago the minister announced it\u201d and says a side "
           "has not yet spoken \u201cKabul has not yet commented\u201d, so it was written before the "
           "earliest dated report, frontierpost.example (2026-03-14 13:05), which has no such words")

    def fake_brief(store, event_id, lang, config):
        return R.Brief(
            version=1,
            headline=R.Headline(text="Torkham crossing to reopen", lang="en", article="dated-en"),
            timeline=[R.TimelineEntry(article="dated-en", source="frontierpost.example", lang="en",
                                      date="2026-03-14T13:05:00+00:00", earliest_dated=True),
                      R.TimelineEntry(article="fresh-ur", source="khabrain.example", lang="ur", first=True)],
            first_report=R.FirstReport(article="fresh-ur", source="khabrain.example", lang="ur",
                                       inferred=True, why=why + " " + XSS["script"],
                                       earliest_dated=R.ReportRef(article="dated-en", source="frontierpost.example",
                                                                  lang="en", date="2026-03-14T13:05:00+00:00")),
        ).to_dict()

    monkeypatch.setattr(data, "get_brief", fake_brief)
    page = assert_inert(get(client, "/events/ev-moscow"))
    text = page.all_text()
    assert "First report: khabrain.example" in text and "undated" in text and "inferred" in text
    assert "Kabul has not yet commented" in text
    assert "Earliest dated report: frontierpost.example" in text and "earliest dated" in text


def test_event_page_refuses_a_malformed_brief_instead_of_guessing(client, monkeypatch):
    from tidings.brief.records import BriefFormatError
    from tidings.web import data

    monkeypatch.setattr(data, "get_brief", lambda *a: {"version": 1, "quotes": [{"speaker": "X"}]})
    with pytest.raises(BriefFormatError, match=r"quotes\[0\]: missing field 'text'"):
        client.get("/events/ev-moscow")


def test_event_page_says_when_no_disagreement_was_found(client, monkeypatch):
    from tidings.brief import records as R
    from tidings.web import data

    monkeypatch.setattr(data, "get_brief", lambda *a: R.Brief(version=1).to_dict())
    assert "No disagreements found" in get(client, "/events/ev-moscow")


def test_event_page_names_languages_where_a_reader_reads_them(client, monkeypatch):
    from tidings.brief import records as R
    from tidings.web import data

    monkeypatch.setattr(data, "get_brief", lambda *a: R.Brief(version=1, coverage={"by_day": [
        {"date": "2026-01-28", "total": 2, "cumulative": 2, "langs": {"ta": 1, "el": 1}},
        {"date": "2026-01-29", "total": 1, "cumulative": 3, "langs": {"ro": 1}}]}).to_dict())
    text = assert_inert(get(client, "/events/ev-moscow")).all_text()
    assert "in 5 languages (German, English, Hindi, Romanian, Russian)" in text
    assert "28 Jan 2026 +2 (Tamil 1, Greek 1), 2 in all" in text


def test_language_names_come_from_the_standard_beyond_the_common_ones():
    from tidings.web.pages import lang_name

    assert [lang_name(c) for c in ("ta", "mr", "el", "my", "fil", "pt-BR")] == [
        "Tamil", "Marathi", "Greek", "Burmese", "Filipino", "Portuguese"]
    assert lang_name("xq") == "xq" and lang_name("not a code") == "not a code"
    assert lang_name(None) == "unknown language"


def test_event_page_counts_the_outlets_it_does_not_list(client, monkeypatch):
    from tidings.web import pages

    text = assert_inert(get(client, "/events/ev-moscow")).all_text()
    assert "more outlet" not in text
    monkeypatch.setattr(pages, "_OUTLETS_SHOWN", 2)
    text = assert_inert(get(client, "/events/ev-moscow")).all_text()
    listed = text.split("By outlet:")[1].split("Where sources disagree")[0]
    assert listed.count(" 1,") + listed.count(" 1 and") == 2
    assert listed.rstrip().endswith("and 3 more outlets")


def test_event_page_says_which_parts_found_nothing(client, monkeypatch):
    from tidings.brief import records as R
    from tidings.web import data

    monkeypatch.setattr(data, "get_brief", lambda *a: R.Brief(version=1).to_dict())
    text = assert_inert(get(client, "/events/ev-moscow")).all_text()
    for said in ("No summary", "No quotes found.", "No people, places or organisations found.",
                 "No figures found."):
        assert said in text, said
    assert text.index("Summary") < text.index("No summary") < text.index("Quotes") < text.index("No quotes")


def test_an_undated_event_says_so_in_its_meta_line(store, monkeypatch):
    from web_store import _article, add_event

    from tidings.brief import records as R
    from tidings.web import data

    a = _article("zh-undated", "zh", "harbour.example", None, "https://harbour.example/a",
                 "港口因风暴关闭三天 渔民损失惨重", "港口因风暴关闭三天,渔民损失惨重。")
    store.add_article(a)
    add_event(store, "ev-undated", [a])
    monkeypatch.setattr(data, "get_brief", lambda *a: R.Brief(version=1).to_dict())
    client = TestClient(create_app(store, config=Config(), token=""))
    text = assert_inert(get(client, "/events/ev-undated")).all_text()
    assert "from 1 source; no article is dated." in text
    assert ";." not in text and "; ." not in text


def test_event_page_timeline_shows_no_credit_as_an_article_title(store, monkeypatch):
    from web_store import _article, add_event

    from tidings.brief import records as R
    from tidings.web import data

    credit = _article("fr-credit", "fr", "harbour.example", "2026-03-10", "https://harbour.example/b",
                      "Lena Brandt / Picture Alliance via Getty Images", "Le port reste fermé pour la troisième journée.")
    news = _article("fr-news", "fr", "quai.example", "2026-03-10", "https://quai.example/c",
                    "Le port de pêche reste fermé trois jours", "Le port de pêche reste fermé trois jours.")
    for a in (credit, news):
        store.add_article(a)
    add_event(store, "ev-credit", [credit, news])
    monkeypatch.setattr(data, "get_brief", lambda *a: R.Brief(version=1, timeline=[
        R.TimelineEntry(article="fr-credit", source="harbour.example", lang="fr", date="2026-03-10",
                        title="Lena Brandt / Picture Alliance via Getty Images"),
        R.TimelineEntry(article="fr-news", source="quai.example", lang="fr", date="2026-03-10",
                        title="Le port de pêche reste fermé trois jours")]).to_dict())
    client = TestClient(create_app(store, config=Config(), token=""))
    text = assert_inert(get(client, "/events/ev-credit")).all_text()
    timeline = text.split("Timeline")[1].split("By language")[0]
    assert "Le port de pêche reste fermé trois jours" in timeline
    assert "Getty Images" not in timeline


def test_event_page_names_an_article_with_a_credit_for_a_title_by_its_text(store, monkeypatch):
    from web_store import _article, add_event

    from tidings.brief import records as R
    from tidings.web import data

    credit = _article("it-credit", "it", "porto.example", "2026-03-10", "https://porto.example/d",
                      "Foto: Marco Rossi", "Foto: Marco Rossi\nIl porto resta chiuso per il terzo giorno di fila.")
    store.add_article(credit)
    add_event(store, "ev-credit-it", [credit])
    monkeypatch.setattr(data, "get_brief", lambda *a: R.Brief(version=1).to_dict())
    client = TestClient(create_app(store, config=Config(), token=""))
    text = assert_inert(get(client, "/events/ev-credit-it")).all_text()
    listed = text.split("Articles by language")[1]
    assert "Il porto resta chiuso per il terzo giorno di fila." in listed.split("porto.example")[0]
