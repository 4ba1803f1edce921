"""Who reported first when the earliest report has no date: an undated article is named
only when its own words place it before the earliest dated one (fixtures are our own
sentences about a made-up reopening of a border crossing)."""

import pytest

from tidings.brief import compose, digests, render
from tidings.brief.timeline import build as timeline
from tidings.brief.timeline import freshness
from tidings.records import Article, Features
from tidings.understand.embed import HashingEmbedderForTests
from tidings.understand.names import extract as names


def art(aid, lang, text, date=None, source=None, title=None):
    return Article(id=aid, origin=aid, title=title or text.split(".")[0][:80], text=text, raw=text,
                   content_hash=aid, lang=lang, date=date, source=source or f"{aid}.example")


# The earliest dated report already carries the Afghan side's answer.
DATED = art("dated-en", "en",
            "Pakistan and Afghanistan agreed on Saturday to reopen the Torkham border crossing. "
            "The Afghan foreign ministry answered in the evening. \"The crossing will stay open for "
            "trade from tomorrow morning,\" spokesman Abdul Qahar Balkhi said.",
            date="2026-03-14T13:05:00+00:00", source="frontierpost.example")
LATER = art("later-ro", "ro",
            "Pakistanul și Afganistanul au convenit să redeschidă punctul de trecere Torkham, "
            "a declarat sâmbătă seara un purtător de cuvânt de la Kabul.",
            date="2026-03-14T19:40:00+02:00", source="stiri.example")
# Written minutes after the announcement, before Kabul said anything: the first report.
FRESH_UR = art("fresh-ur", "ur",
               "اب سے کچھ دیر قبل پاکستانی وزیر داخلہ نے طورخم سرحد دوبارہ کھولنے کا اعلان کیا۔ "
               "تاحال افغان حکومت کی جانب سے اس اعلان پر کوئی ردعمل سامنے نہیں آیا۔",
               source="khabrain.example")
# Undated, reports only the announcement, but nothing in it says when it was written.
PLAIN_DE = art("plain-de", "de",
               "Pakistan öffnet den Grenzübergang Torkham wieder. Der Übergang war seit Wochen "
               "geschlossen, Lastwagen stauten sich auf beiden Seiten.", source="grenzbote.example")
# An old background piece: "has not yet commented", but about something else, and no
# word of the announcement being fresh.
BACKGROUND = art("background-en", "en",
                 "The Torkham crossing has been closed repeatedly since 2023 over disputes about "
                 "border fencing. Kabul has not yet commented on the latest claims of shelling near "
                 "the fence.", source="archive.example")
# "Moments ago" alone: written minutes after something, but with no sign that any later
# reaction had not come yet.
LIVE_EN = art("live-en", "en",
              "Moments ago, the interior minister announced that the crossing would reopen for trade, "
              "officials at the border said.", source="live.example")


def test_an_undated_report_written_before_a_reaction_goes_before_the_earliest_dated_one():
    tl, first, _ = timeline([LATER, DATED, FRESH_UR, PLAIN_DE])
    assert first["article"] == "fresh-ur"  # the old code named dated-en
    assert first["inferred"] is True
    assert first["earliest_dated"]["article"] == "dated-en"
    assert "اب سے کچھ دیر قبل" in first["why"] and "تاحال افغان حکومت" in first["why"]
    assert "frontierpost.example (2026-03-14 13:05)" in first["why"]
    # Publication order is unchanged: the undated report stays among the undated, marked first,
    # and the earliest dated report is marked as such.
    assert [t["article"] for t in tl] == ["dated-en", "later-ro", "fresh-ur", "plain-de"]
    assert [t["first"] for t in tl] == [False, False, True, False]
    assert [t["earliest_dated"] for t in tl] == [True, False, False, False]


def test_undated_articles_without_such_evidence_never_claim_first():
    tl, first, _ = timeline([LATER, DATED, PLAIN_DE, BACKGROUND, LIVE_EN])
    assert first["article"] == "dated-en"
    assert first["inferred"] is False and first["why"] is None and first["earliest_dated"] is None
    assert not any(t["earliest_dated"] for t in tl)


def test_an_undated_piece_about_an_older_happening_does_not_claim_first():
    # Its "a short while ago" and "not yet" are about the closure weeks before, as its own
    # event time (Features.event_time, read by understand.dates) shows.
    old = art("closure-ur", "ur", FRESH_UR.text.replace("دوبارہ کھولنے", "بند کرنے"))
    _, first, _ = timeline([LATER, DATED, old], event_times={"closure-ur": "2026-02-21"})
    assert first["article"] == "dated-en"
    _, first, _ = timeline([LATER, DATED, old], event_times={"closure-ur": "2026-03-14"})
    assert first["article"] == "closure-ur"


def test_a_dated_report_that_is_itself_minutes_old_keeps_first():
    fresh_dated = art("dated-es", "es",
                      "Hace unos minutos, Pakistán anunció la reapertura del paso fronterizo de Torkham "
                      "con Afganistán.", date="2026-03-14T12:50:00+00:00")
    _, first, _ = timeline([fresh_dated, LATER, FRESH_UR])
    assert first["article"] == "dated-es" and first["inferred"] is False


def test_two_undated_candidates_cannot_be_ordered_so_the_dated_one_stays():
    other = art("fresh-ar", "ar",
                "أعلن وزير الداخلية الباكستاني قبل قليل إعادة فتح معبر طورخم أمام الشاحنات. "
                "ولم يصدر أي تعليق من الحكومة الأفغانية حتى الآن على هذا الإعلان.")
    assert freshness(other)["just"] and freshness(other)["not_yet"]
    _, first, _ = timeline([DATED, FRESH_UR, other])
    assert first["article"] == "dated-en"


@pytest.mark.parametrize("lang, text, just, not_yet", [
    ("en", "Moments ago, the interior ministry announced the agreement on the border crossing.", True, False),
    ("en", "Crowds rejoiced moments earlier when the result was read out in the square.", False, False),
    ("en", "The foreign ministry in Kabul has yet to comment on the announcement by Islamabad.", False, True),
    ("es", "Hace unos minutos, el gobierno confirmó el acuerdo con los sindicatos del transporte.", True, False),
    ("fr", "date 2026-03 il y a 48 minutes", False, False),  # a page's clock, not the writer's
    ("fr", "Il y a quelques minutes, le ministre a annoncé la réouverture du poste frontière.", True, False),
    ("fr", "Il y a peu, le ministre avait promis de rouvrir le poste frontière avant l'été.", False, False),
    ("hu", "A határátkelőt néhány perccel hat óra után nyitották meg újra a teherautók előtt.", False, False),
    ("de", "Die Regierung in Kabul hat sich bisher nicht dazu geäußert, hieß es aus Islamabad.", False, True),
    ("ru", "Только что министр внутренних дел объявил об открытии пограничного перехода.", True, False),
    ("ar", "قبل دقائق من الإعلان الرسمي أطلق الجيش قذائف على القرى الحدودية.", False, False),
    ("hi", "अफगान सरकार की ओर से अभी तक इस घोषणा पर कोई प्रतिक्रिया नहीं आई है।", False, True),
    ("hi", "कुछ देर पहले गृह मंत्री ने सीमा चौकी दोबारा खोलने की घोषणा की।", True, False),
    ("hi", "घोषणा से कुछ देर पहले सीमा पर गोलीबारी हुई थी और कई ट्रक फंसे रहे।", False, False),
    ("ur", "کچھ دیر قبل وزیر داخلہ نے سرحد کھولنے کا اعلان کیا۔", True, False),
    ("ur", "اعلان سے کچھ دیر قبل سرحد پر فائرنگ ہوئی اور کئی ٹرک پھنس گئے۔", False, False),
    ("en", "The Taliban spokesman did not immediately respond to a request for comment on Saturday.", False, True),
    ("zh", "刚刚，内政部宣布双方同意立即重新开放边境口岸并恢复货运。", True, False),
    ("zh", "阿富汗外交部尚未回应记者关于口岸开放时间的提问。", False, True),
    ("zh", "截至目前，塔利班发言人尚未就巴方重新开放口岸的决定作出公开回应。", False, True),
    # Inside a quoted statement the phrase dates the statement, not the article quoting it.
    ("en", "A statement from the army said, \u201cA short while ago, our forces reopened the crossing,\u201d "
           "and gave no time.", False, False),
    ("de", "\u201eVor wenigen Minuten haben wir den Übergang geöffnet\u201c, sagte der Minister am Abend.",
     False, False),
    ("de", "Vor wenigen Minuten hat der Minister den Übergang geöffnet, \u201eendlich\u201c, sagte ein Fahrer.",
     True, False),
])
def test_freshness_phrases_are_anchored_to_the_time_of_writing(lang, text, just, not_yet):
    found = freshness(art("x", lang, "Headline line\n" + text))
    assert bool(found["just"]) is just and bool(found["not_yet"]) is not_yet


@pytest.fixture(scope="module")
def brief():
    arts = [DATED, LATER, FRESH_UR, PLAIN_DE]
    feats = {a.id: Features(a.id, names=names(a.text, a.lang)) for a in arts}
    return compose(arts, feats, "en", embedder=HashingEmbedderForTests(), event_id="ev-torkham")


def test_the_brief_says_why_and_keeps_the_earliest_dated_report_in_view(brief):
    first = brief["first_report"]
    assert first["article"] == "fresh-ur" and first["inferred"]
    md = render(brief, "md")
    assert "First report: khabrain.example, undated (ur), inferred: it reports as just happened" in md
    assert "Earliest dated report: frontierpost.example, 2026-03-14 13:05 (en)" in md
    assert "(earliest dated report)" in md and "**(first report)**" in md
    html = render(brief, "html")
    assert 'class="earliest-dated"' in html and "inferred: <span class=\"why\" dir=\"auto\">" in html
    assert "<em>earliest dated report</em>" in html


def test_the_why_names_a_voice_the_dated_report_already_carries(brief):
    # The dated report quotes Kabul's spokesman; the undated one quotes nobody.
    assert "already quotes" in brief["first_report"]["why"]
    assert "Balkhi" in brief["first_report"]["why"]


def test_the_digest_shows_an_inferred_first_report_with_the_earliest_dated(brief, monkeypatch):
    entry = {"event": "ev-torkham", "articles": 4, "sources": 4, "languages": ["de", "en", "ro", "ur"],
             "recent": 0, "headline": brief["headline"], "summary": [], "urls": {},
             "first_report": brief["first_report"]}
    monkeypatch.setattr(digests, "digest_entries", lambda *a, **k: [entry])
    md = digests.digest(None, fmt="md")  # type: ignore[arg-type]
    assert ("First report: khabrain.example, undated (ur), inferred from its text; earliest dated: "
            "frontierpost.example, 2026-03-14 13:05 (en)") in md
    html = digests.digest(None, fmt="html")  # type: ignore[arg-type]
    assert "inferred from its text; earliest dated: frontierpost.example" in html


def test_each_phrase_form_is_tried_on_texts_holding_its_word():
    from tidings.brief import timeline as T

    for forms in (T._JUST_NOW_FORMS, T._NOT_YET_FORMS):
        for word, form in forms:
            assert word == word.lower() and word.strip() in form.lower(), form
