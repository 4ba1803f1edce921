"""Clock times and days of dates are no figures; a projection framed once goes on being
one; shares pair by whose they are; a day counted from ("one day after ... on Sunday")
moves the sentence's own happening. On sentences we wrote (invented, same constructions
as real reports)."""

import numpy as np

from tidings.brief import figures as F
from tidings.brief import timeline as T
from tidings.clean.sentences import split
from tidings.records import Article, Features, Mention
from tidings.understand.figures import extract


def art(aid, text, lang="en", date="2026-03-10T09:00:00+00:00"):
    return Article(id=aid, origin=aid, title="", text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=aid)


def collect(arts, names=None):
    feats = {a.id: Features(a.id, names=(names or {}).get(a.id, []), figures=extract(a.text, a.lang))
             for a in arts}
    return F.collect(arts, feats, lambda a: split(a.text, a.lang))


def test_clock_times_and_days_of_dates_are_not_figures():
    arts = [art("pl", "Krótko po 6.50 rano zmarł w szpitalu znany aktor. Miał 79 lat.", "pl"),
            art("ru", "Толчок зафиксирован в 22.17 мск, его магнитуда составила 6,1.", "ru"),
            art("es", "El actor murió el 14 de marzo a las 7.35 de la mañana. Tenía 79 años.", "es"),
            art("uk", "Актор помер 9 березня у своєму будинку, йому було 79 років.", "uk"),
            art("en", "The quake of magnitude 6.4 struck at 4.52 GMT, killing 12 people."),
            # Hours and minutes in words: "at 9 o'clock 15 minutes at night", "hour 21 and 15 minutes".
            # (The hour's sentence is found by the number alone, not inside 1409.)
            art("ur", "ہلاکتوں کی تعداد 1409 ہو گئی ہے۔\nزلزلہ رات 9 بجکر 15 منٹ پر محسوس کیا گیا اور "
                      "12 افراد زخمی ہوئے۔", "ur"),
            art("fa", "زلزله ساعت ۲۱ و ۱۵ دقیقه شب رخ داد.", "fa")]
    texts = {x.figure.text for x in collect(arts)}
    assert not any(t.startswith(("6.50", "7.35", "22.17", "14 de", "9 бер", "4.52", "9 ", "15 ", "۱۵", "۲۱"))
                   for t in texts), texts
    # What counts stays: ages, a magnitude, a toll.
    assert {"79 lat", "79 años", "6.4 struck", "12 people"} <= texts, texts


def test_a_clock_time_beside_a_magnitude_is_no_disagreement():
    arts = [art("a", "Магнитуда толчка в 22.17 мск составила 6,1 по данным службы.", "ru"),
            art("b", "A 6.1 magnitude earthquake shook the valley, the survey said.")]
    xs = collect(arts)
    assert any(x.concept == "magnitude" and x.figure.value == 6.1 for x in xs)
    assert F.disagreements(xs, F.candidate_pairs(xs), {}) == []


def test_a_projection_named_in_an_earlier_sentence_or_a_range_is_an_estimate():
    a = art("a", "Nach der ersten Hochrechnung kommt die Volkspartei auf 31 Prozent. "
                 "Der Spitzenkandidat dankte seinen Helfern. "
                 "Die Freie Liste erreicht mit 17,2 Prozent ihr bestes Ergebnis.", "de")
    b = art("b", "The Free List took between 17.5 and 18 percent of the vote, the broadcaster said.")
    c = art("c", "Nach Auszählung aller Stimmen liegt die Volkspartei vorn. "
                 "Die Freie Liste kommt auf 18,9 Prozent.", "de")
    xs = collect([a, b, c])
    same = {x.sentence: np.array([1.0, 0.0], dtype=np.float32) for x in xs}
    out = F.disagreements(xs, F.candidate_pairs(xs), same)
    free = [d for d in out if 18.9 in [v["value"] for v in d["versions"]]]
    assert free and all(d["kind"] == "update" for d in free), out
    # The count comes last, after the estimates (the earlier sentence's projection, the range).
    assert [v["value"] for v in free[0]["versions"]] == [17.2, 18, 18.9]


def test_two_parties_shares_are_not_paired_as_one_fact():
    a = art("a", "Die Liberalen kommen auf 4,9 Prozent, die Linke Allianz auf 4,6 Prozent.", "de")
    b = art("b", "Die Liberalen scheitern mit 4,2 Prozent, während die Linke Allianz mit 4,97 Prozent "
                 "ebenfalls unter der Hürde bleibt.", "de")
    names = {aid: [Mention("liberalen", "Liberalen", "org"), Mention("linke allianz", "Linke Allianz", "org")]
             for aid in ("a", "b")}
    xs = collect([a, b], names)
    assert {x.figure.value: x.holder for x in xs} == {4.9: "liberalen", 4.6: "linke allianz",
                                                     4.2: "liberalen", 4.97: "linke allianz"}
    pairs = {(x.figure.value, y.figure.value) for x, y in F.candidate_pairs(xs)}
    assert (4.9, 4.97) not in pairs and (4.97, 4.9) not in pairs
    assert (4.6, 4.97) in pairs or (4.97, 4.6) in pairs


def test_a_figure_given_less_precisely_agrees_with_the_precise_one():
    s1 = "Die Sozialdemokraten erreichen 16 Prozent."
    s2 = "Die Sozialdemokraten kommen auf 16,4 Prozent."
    xs = [F.Found(art("a", s1, "de"), extract(s1, "de")[0], "%:", s1),
          F.Found(art("b", s2, "de"), F.read_value(extract(s2, "de")[0]), "%:", s2)]
    assert [x.figure.value for x in xs] == [16, 16.4]
    assert F.candidate_pairs(xs) == []


def test_a_day_counted_from_moves_the_sentences_own_happening():
    # Published Tuesday 10 March 2026: Sunday is the 8th, Monday the 9th.
    s = "The singer, 79, is dead, his label announced on its website, a day after his final concert on Sunday."
    (moved,) = T.anchored(s, [(s.index("Sunday"), np.datetime64("2026-03-08").astype(object))])
    assert moved[1].isoformat() == "2026-03-09"
    # A later day is the sentence's own, left as it is.
    s2 = "One day after the concert on Sunday, the singer died on Monday."
    days = [(s2.index("Sunday"), np.datetime64("2026-03-08").astype(object)),
            (s2.index("Monday"), np.datetime64("2026-03-09").astype(object))]
    assert [d.isoformat() for _, d in T.anchored(s2, days)] == ["2026-03-09", "2026-03-09"]
    s3 = "Der Sänger starb zwei Tage nach seinem Konzert am Sonntag."
    (m3,) = T.anchored(s3, [(s3.index("Sonntag"), np.datetime64("2026-03-08").astype(object))])
    assert m3[1].isoformat() == "2026-03-10"


def test_happenings_date_a_death_one_day_after_a_named_sunday_to_the_monday():
    arts = [art("a", "The singer, 79, is dead, his label announced on its website, a day after his "
                     "final concert on Sunday. Fans gathered outside."),
            art("b", "The singer died on Monday, his family said. Tributes poured in.")]
    out = T.happenings(arts, lambda a: split(a.text, "en"), {}, "en")
    assert [(h["date"], h["articles"]) for h in out] == [("2026-03-09", ["a", "b"])], out


def test_one_event_carries_one_title_in_cli_brief_digest_api_and_page(tmp_path):
    from fastapi.testclient import TestClient

    from tidings.brief import build_brief
    from tidings.brief.digests import digest_entries, rank_events
    from tidings.cli import _event_row
    from tidings.pipeline import ingest_raw
    from tidings.records import RawArticle
    from tidings.store import SQLiteStore
    from tidings.web import create_app

    body = ("La diga sul fiume Lerna ha ceduto vicino a Valdora martedì, uccidendo 14 persone. "
            "Il ministro Elena Marsh ha detto che lo Stato ricostruirà ogni casa.")
    en = ("A dam on the Lerna river burst near the town of Valdora on Tuesday, killing 14 people. "
          "Interior Minister Elena Marsh said the state would rebuild every house.")
    # The first to arrive is Italian (ids in order); one English page's title is its section's name.
    raws = [RawArticle(origin=f"it{i}", id=f"a{i}", lang="it", text=body + extra,
                       url=f"https://giornale{i}.example.it/1",
                       title=t, date=f"2026-06-03T0{5 + i}:00:00+00:00")
            for i, (t, extra) in enumerate([
                ("Crolla la diga sul fiume Lerna vicino a Valdora, 14 morti", ""),
                ("Valdora, ceduta la diga: quattordici vittime", " Le squadre di soccorso hanno usato barche."),
                ("Diga del Lerna, il ministro promette di ricostruire", " Molte famiglie hanno perso la casa."),
                ("Valdora piange le vittime della diga", " Il sindaco ha proclamato il lutto cittadino."),
                ("Lerna, la diga crollata era vecchia", " La diga era stata costruita molti anni fa.")])] + [
            RawArticle(origin="sec", id="b", lang="en", text=en, url="https://ledger.example.org/2",
                       title="World News", date="2026-06-03T09:00:00+00:00"),
            RawArticle(origin="en", id="c", lang="en",
                       text=en + " Rescue teams used boats. The opposition asked why the dam, built in "
                                 "1962, had not been inspected since the floods of the previous spring, "
                                 "and engineers warned that two more dams upstream were in poor repair.",
                       url="https://courier.example.org/3",
                       title="Dam bursts on the Lerna river near Valdora, killing 14",
                       date="2026-06-03T10:00:00+00:00")]
    store = SQLiteStore(tmp_path / "t.db")
    ingest_raw(raws, store)
    (e,) = [e for e in store.events() if "c" in e.article_ids]
    assert "a0" in e.article_ids
    title = _event_row(e)["title"]
    assert title == "Dam bursts on the Lerna river near Valdora, killing 14"
    assert build_brief(store, e.id)["headline"]["text"] == title
    assert {r["event"]: r for r in rank_events(store)}[e.id]["title"] == title
    (entry,) = [r for r in digest_entries(store) if r["event"] == e.id]
    assert entry["headline"]["text"] == title
    client = TestClient(create_app(store))
    assert client.get(f"/api/events/{e.id}").json()["title"] == title
    assert title in client.get(f"/events/{e.id}").text


def test_a_brief_heads_with_the_event_title_only_when_the_rule_could_have_chosen_it():
    from tidings.brief.build import event_headline

    arts = [Article(id=i, origin=i, title=t, text="", raw="", content_hash=i, lang=lang)
            for i, t, lang in [("it", "Crolla la diga sul fiume Lerna, 14 morti", "it"),
                               ("sec", "World News", "en"),
                               ("en1", "Dam bursts on the Lerna river, killing 14", "en"),
                               ("en2", "Valdora mourns fourteen after the dam gave way", "en")]]
    mine = {"text": arts[2].title, "lang": "en", "article": "en1", "source": None,
            "original_language": False}
    # The event's English title wins over the brief's own pick: one name everywhere.
    assert event_headline(mine, arts, arts[3].title, "en")["article"] == "en2"
    # A title an older clusterer left (another language, a section's name) does not.
    assert event_headline(mine, arts, arts[0].title, "en") is mine
    assert event_headline(mine, arts, "World News", "en") is mine
    # A reader of another language gets a headline in it.
    assert event_headline(mine, arts, arts[3].title, "it") is mine
