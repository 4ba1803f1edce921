"""Sentence splitting, timeline order, figure concepts and disagreements, on our own
fixture sentences."""

import numpy as np
import pytest

from tidings.brief import figures as F
from tidings.brief.timeline import build as timeline
from tidings.clean.sentences import split
from tidings.records import Article, Features, Figure


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Mr. Lee met Dr. Park in the U.S. capital. They spoke for an hour! Then they left.",
     ["Mr. Lee met Dr. Park in the U.S. capital.", "They spoke for an hour!", "Then they left."]),
    ("hi", "मंत्री ने बैठक की। बैठक दो घंटे चली. फिर सभी लौट गए",
     ["मंत्री ने बैठक की।", "बैठक दो घंटे चली.", "फिर सभी लौट गए"]),
    ("de", "Die Wahl fand am 8. März statt. Das Ergebnis kam spät.",
     ["Die Wahl fand am 8. März statt.", "Das Ergebnis kam spät."]),
    ("ro", "„Suntem gata.” Ministrul a plecat. Cifra este 3.5 la sută.",
     ["„Suntem gata.”", "Ministrul a plecat.", "Cifra este 3.5 la sută."]),
    ("ru", "В. В. Орлов приехал в 10 ч. утра. Встреча началась.",
     ["В. В. Орлов приехал в 10 ч. утра.", "Встреча началась."]),
])
def test_sentences(lang, text, expected):
    assert split(text, lang) == expected


def test_paragraphs_always_end_sentences_and_long_ones_are_cut():
    assert split("Headline without stop\nBody sentence here.") == [
        "Headline without stop", "Body sentence here."]
    long = split("word " * 400, max_chars=100)[0]
    assert len(long) <= 102 and long.endswith("…")


def art(aid, date, lang="en", text="", source="S"):
    return Article(id=aid, origin=aid, title=aid, text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=source)


def test_first_report_is_earliest_and_undated_go_last():
    arts = [art("late", "2026-01-30T07:10:00"), art("undated", None),
            art("dayonly", "2026-01-28"), art("first", "2026-01-28T18:20:00+02:00"),
            art("utc", "2026-01-29T01:00:00Z", lang="hi")]
    tl, first, cov = timeline(arts)
    assert first["article"] == "first"
    # A date-only article goes after the timed ones of its day: it cannot claim first.
    assert [t["article"] for t in tl] == ["first", "dayonly", "utc", "late", "undated"]
    assert [t["first"] for t in tl] == [True, False, False, False, False]
    assert cov["undated"] == 1 and cov["by_lang"] == {"en": 4, "hi": 1}
    assert [d["cumulative"] for d in cov["by_day"]] == [2, 3, 4]


@pytest.mark.parametrize("text, sentence, concept", [
    ("112 dead", "The crash left 112 dead.", "killed"),
    ("118 late", "Police put the death toll at 118 late on Thursday.", "killed"),
    ("127 people", "The jet crashed, killing 112 of the 127 people on board.", "aboard"),
    ("112 of the people", "The jet crashed, killing 112 of the 127 people on board.", "killed"),
    ("118 morts", "L'accident a fait 118 morts parmi les 127 personnes à bord.", "killed"),
    ("127 personnes", "L'accident a fait 118 morts parmi les 127 personnes à bord.", "aboard"),
    ("112 लोगों", "हादसे में 112 लोगों की मौत हो गई.", "killed"),
    ("5,9 a", "Un seism cu magnitudinea 5,9 a lovit zona.", "magnitude"),
    ("470 drones", "Russia launched 470 drones overnight.", "drones"),
])
def test_concept_of_a_figure(text, sentence, concept):
    value = float(text.split()[0].replace(",", "."))
    what = " ".join(text.split()[1:])
    assert F.concept_of(Figure(value, text, what), sentence) == concept


def found(aid, value, text, what, sentence, unit="", date="2026-02-05"):
    a = art(aid, date)
    fig = Figure(value, text, what, unit)
    concept, strong = F.concept_and_strength(fig, sentence)
    return F.Found(a, fig, concept, sentence, strong)


def test_death_toll_disagreement_and_recap_left_out():
    xs = [
        found("a", 112, "112 dead", "dead", "The ministry said 112 dead."),
        found("b", 112, "112 muertos", "muertos", "El ministerio informó de 112 muertos."),
        found("c", 118, "118 late", "late", "Police put the death toll at 118 late on Thursday."),
        # A recap of an older crash is not a version of this toll.
        found("d", 158, "158 people", "people", "A crash in 2010 killed 158 people."),
    ]
    pairs = F.candidate_pairs(xs)
    (d,) = F.disagreements(xs, pairs, {})
    assert d["kind"] == "figure" and d["about"] == "killed"
    assert [v["value"] for v in d["versions"]] == [112, 118]
    assert {s["article"] for s in d["versions"][0]["sources"]} == {"a", "b"}


def test_shares_pair_by_nearest_value_only_when_sentences_agree():
    s1 = "The CDU took 31.2% of the vote, the Greens 24.1%."
    s2 = "Die Christdemokraten kommen auf 30,8 Prozent, die Grünen auf 24,5 Prozent."
    s3 = "Inflation stood at 2.1% in May."
    xs = [found("a", 31.2, "31.2%", "", s1, "%"), found("a", 24.1, "24.1%", "", s1, "%"),
          found("b", 30.8, "30,8 Prozent", "", s2, "%"), found("b", 24.5, "24,5 Prozent", "", s2, "%"),
          found("c", 2.2, "2.2%", "", s3, "%")]
    pairs = F.candidate_pairs(xs)
    assert {(x.figure.value, y.figure.value) for x, y in pairs} == {(31.2, 30.8), (24.1, 24.5)}
    same = np.array([1.0, 0.0], dtype=np.float32)
    far = np.array([0.0, 1.0], dtype=np.float32)
    agree = F.disagreements(xs, pairs, {s1: same, s2: same, s3: far})
    assert sorted(v["value"] for d in agree for v in d["versions"]) == [24.1, 24.5, 30.8, 31.2]
    assert F.disagreements(xs, pairs, {s1: same, s2: far, s3: far}) == []


def test_date_disagreement_needs_stated_and_corroborated_days():
    def a(aid, pub, when, stated):
        return (art(aid, pub), Features(aid, event_time=when, dates_mentioned=stated))

    rows = [a("a", "2026-02-19T09:00:00", "2026-02-16", ["2026-02-16"]),
            a("b", "2026-02-19T10:00:00", "2026-02-16", ["2026-02-16"]),
            a("c", "2026-02-19T06:00:00", "2026-02-18", ["2026-02-18"]),
            a("d", "2026-02-19T07:00:00", "2026-02-18", ["2026-02-18"]),
            # Guessed from the publication date, not stated: no claim.
            a("e", "2026-02-20", "2026-02-20", [])]
    arts = [r[0] for r in rows]
    feats = {r[0].id: r[1] for r in rows}
    (d,) = F.date_disagreements(arts, feats)
    assert [v["value"] for v in d["versions"]] == ["2026-02-16", "2026-02-18"]
    # One article alone on a day may be our misreading: no disagreement.
    assert F.date_disagreements(arts[1:], {k: v for k, v in feats.items() if k != "a"}) == []


def test_one_day_apart_is_a_time_zone_not_a_disagreement():
    # 23:13 GMT on the 16th is 01:13 in Bucharest on the 17th: both are right.
    rows = [(art(x, "2026-02-17T09:00:00"), Features(x, event_time=d, dates_mentioned=[d]))
            for x, d in [("a", "2026-02-16"), ("b", "2026-02-16"), ("c", "2026-02-17"), ("d", "2026-02-17")]]
    assert F.date_disagreements([r[0] for r in rows], {r[0].id: r[1] for r in rows}) == []


def test_a_count_that_grew_over_the_day_is_an_update_not_a_disagreement():
    def found(aid, when, value):
        a = art(aid, when)
        return F.Found(a, Figure(value, f"{value} dead", "dead"), "killed",
                       f"At least {value} people were killed in the crash.")

    early = [found("a", "2026-02-05T08:00:00+00:00", 40), found("b", "2026-02-05T08:30:00+00:00", 40)]
    late = [found("c", "2026-02-05T17:00:00+00:00", 118), found("d", "2026-02-05T18:00:00+00:00", 118)]
    grew = F._as_update([late, early])
    assert grew is not None and [v[0].figure.value for v in grew] == [40, 118]
    # The same two values given side by side at the same hours: a real disagreement.
    mixed = [[early[0], late[0]], [early[1], late[1]]]
    for v, value in zip(mixed, (40, 118)):
        for x in v:
            x.figure = Figure(value, f"{value} dead", "dead")
    assert F._as_update(mixed) is None


def test_sentences_pointing_back_are_recognised_in_several_languages():
    from tidings.brief.summary import points_back

    for s in ["This announcement came after the talks.", "He added that the offer stands.",
              "Об этом во вторник заявил Песков.", "बता दें कि ये बयान ऐसे समय में आया है.",
              "Aceasta a fost a doua zi de discuții.", "Er sagte, die Einladung gelte weiter.",
              "Il a déclaré que l'offre tenait.", "Ella dijo que la oferta sigue en pie."]:
        assert points_back(s), s
    for s in ["Ushakov said the offer stands.", "El Real Madrid ganó 3-1 al Bayern.",
              "Theresa May spoke on Tuesday.", "Kremlinul s-a arătat dispus miercuri.",
              "Песков заявил, что приглашение остаётся в силе."]:
        assert not points_back(s), s


def test_happenings_are_the_days_the_articles_name_beside_publication():
    from tidings.brief.timeline import happenings

    arts = [art("a", "2026-01-29T09:00:00+00:00",
                text="The aide made the offer on Wednesday. The next round is set for 1 February."),
            art("b", "2026-01-29T12:00:00+00:00",
                text="On Wednesday the aide invited him to Moscow. Talks went on."),
            # A publication date far from the others (a crawl time) takes no part.
            art("c", "2026-03-30T12:00:00+00:00", text="On Monday the aide spoke again.")]
    out = happenings(arts, lambda a: split(a.text, "en"), {}, "en")
    assert [(h["date"], h["scheduled"], h["articles"]) for h in out] == [
        ("2026-01-28", False, ["a", "b"]), ("2026-02-01", True, ["a"])]
    assert "Wednesday" in out[0]["text"]


def test_first_report_skips_a_publication_date_days_away_from_the_others():
    arts = [art("x", "2025-04-21"), art("y", "2025-05-08T19:20:00+00:00"), art("z", "2025-05-08T21:00:00+00:00"),
            art("w", "2025-05-09")]
    _, first, _ = timeline(arts)
    assert first["article"] == "y"


def test_a_time_without_its_zone_does_not_claim_first_over_a_zoned_one():
    # A US paper's dateline "10:30" (no zone: New York time, 14:30 GMT) and an Indian
    # site's "Update: 12:59 GMT" on the same day: the zoned time is the one we can trust.
    arts = [art("us-paper", "2025-05-10T10:30:00"), art("gmt-update", "2025-05-10T12:59:00+00:00"),
            art("local-later", "2025-05-10T18:00:00"), art("day", "2025-05-10"),
            art("day-before", "2025-05-09T22:00:00")]
    tl, first, _ = timeline(arts)
    assert first["article"] == "day-before"
    assert [t["article"] for t in tl] == ["day-before", "gmt-update", "us-paper", "local-later", "day"]
    _, first, _ = timeline(arts[:4])
    assert first["article"] == "gmt-update"


def test_a_time_without_its_zone_is_read_in_its_outlets_zone_when_one_is_known():
    from dataclasses import replace

    # A Moscow paper's "17:05" (14:05 GMT) is before a London site's 15:00 GMT; a
    # Bucharest site's "18:20" (.ro, 16:20 GMT) after it; a .com site's "09:00" in Russian
    # could be anywhere (no zone from its domain), so it does not claim first.
    arts = [art("london", "2026-03-10T15:00:00+00:00"), art("moscow", "2026-03-10T17:05:00", lang="ru"),
            replace(art("bucharest", "2026-03-10T18:20:00", lang="ro"), url="https://www.ziar.ro/x"),
            replace(art("dotcom", "2026-03-10T09:00:00", lang="ru"), url="https://paper-abroad.com/y")]
    tl, first, _ = timeline(arts)
    assert first["article"] == "moscow"
    assert [t["article"] for t in tl] == ["moscow", "london", "bucharest", "dotcom"]


def test_shares_of_different_parties_are_no_disagreement():
    # Each party's share "of the votes": the counted word is the same, the fact is not.
    s1 = "The Union won 28.6% of the votes, the Greens 11.6% of the votes."
    s2 = "Die Union kam auf 29 Prozent der Stimmen, die SPD auf 16 Prozent der Stimmen."
    s3 = "L'AfD obtient 20,8% des voix et le SPD 16,4% des voix."
    xs = [found("a", 28.6, "28.6% of the votes", "votes", s1, "%"),
          found("a", 11.6, "11.6% of the votes", "votes", s1, "%"),
          found("b", 29, "29 Prozent der Stimmen", "stimmen", s2, "%"),
          found("b", 16, "16 Prozent der Stimmen", "stimmen", s2, "%"),
          found("c", 20.8, "20,8% des voix", "voix", s3, "%"),
          found("c", 16.4, "16,4% des voix", "voix", s3, "%")]
    pairs = F.candidate_pairs(xs)
    same = np.array([1.0, 0.0], dtype=np.float32)
    out = F.disagreements(xs, pairs, {s1: same, s2: same, s3: same})
    # At most the nearest values of one party (28.6 / 29; 16 / 16.4), never all shares in one.
    for d in out:
        values = [v["value"] for v in d["versions"]]
        assert max(values) - min(values) <= 0.1 * max(values), values
        ids = [s["article"] for v in d["versions"] for s in v["sources"]]
        assert len(ids) == len(set(ids))


def test_an_aftershock_magnitude_is_not_the_main_quakes():
    xs = [found("a", 8.8, "8.8 magnitude", "magnitude", "A magnitude 8.8 earthquake struck off the coast."),
          found("b", 8.8, "8,8 a", "a", "Un séisme de magnitude 8,8 a frappé la côte."),
          found("b", 6.9, "6.9 magnitude", "magnitude", "Aftershocks as strong as 6.9 magnitude were recorded."),
          found("c", 4.5, "4,5", "", "Через 20 минут район потрясло еще одно землетрясение магнитудой 4,5.")]
    assert [x.concept for x in xs] == ["magnitude", "magnitude", "aftershock", "aftershock"]
    assert F.disagreements(xs, F.candidate_pairs(xs), {}) == []


def test_a_figure_given_twice_by_one_article_lists_it_once():
    xs = [found("a", 250, "250 people", "people", "At least 250 people were killed."),
          found("a", 250, "250 killed", "killed", "250 killed in the quake."),
          found("b", 250, "250 dead", "dead", "The toll rose to 250 dead.")]
    for x in xs:
        x.concept = "killed"
    (g,) = F.group(xs)
    assert [s["article"] for s in g["sources"]] == ["a", "b"]


def test_tolls_given_as_lower_bounds_are_an_update_not_a_disagreement():
    # Same day, no times: "at least 10", then "at least 250", then 800 do not contradict.
    xs = [found("a", 10, "10 people", "people", "The quake killed at least 10 people, officials said."),
          found("b", 250, "250 человек", "человек", "По меньшей мере 250 человек погибли после землетрясения."),
          found("c", 800, "800 dead", "dead", "The toll has risen to 800 dead.")]
    for x in xs:
        x.concept = "killed"
    (d,) = F.disagreements(xs, F.candidate_pairs(xs), {})
    assert d["kind"] == "update" and [v["value"] for v in d["versions"]] == [10, 250, 800]
    # Two exact tolls side by side are a disagreement.
    ys = [found("a", 112, "112 dead", "dead", "The ministry said 112 dead."),
          found("b", 118, "118 dead", "dead", "Police put the toll at 118 dead.")]
    (d,) = F.disagreements(ys, F.candidate_pairs(ys), {})
    assert d["kind"] == "figure"


def test_a_projection_against_the_count_is_an_update():
    s1 = "Laut der ersten Hochrechnung kommt die Union auf 29 Prozent."
    s2 = "Nach Auszählung aller Stimmen kommt die Union auf 28,6 Prozent."
    xs = [found("a", 29, "29 Prozent", "", s1, "%"), found("b", 28.6, "28,6 Prozent", "", s2, "%")]
    same = np.array([1.0, 0.0], dtype=np.float32)
    (d,) = F.disagreements(xs, F.candidate_pairs(xs), {s1: same, s2: same})
    assert d["kind"] == "update" and [v["value"] for v in d["versions"]] == [29, 28.6]


def test_a_weekday_is_ahead_only_in_a_sentence_about_what_is_to_come():
    from tidings.brief.timeline import happenings

    # Published on Friday 30 January 2026.
    arts = [art("a", "2026-01-30T07:10:00+00:00",
                text="A US official told Axios on Saturday that the two leaders were very close to a meeting. "
                     "A new round of talks in Abu Dhabi is set for Sunday. "
                     "On Thursday the envoy stood next to the minister in Moscow.")]
    out = happenings(arts, lambda a: split(a.text, "en"), {}, "en")
    # Sunday to come is 1 February, scheduled; last Saturday's briefing is no scheduled step.
    # ("next to" is no word of what is to come: Thursday the 29th, one article, not kept.)
    assert [(h["date"], h["scheduled"]) for h in out] == [("2026-02-01", True)]
    assert "Abu Dhabi" in out[0]["text"]


def test_who_gives_a_figure_is_not_a_word_of_the_figure_or_a_lone_capitalised_noun():
    from tidings.records import Mention

    s1 = "Laut Infratest dimap für die ARD kommt die AfD auf 19,6 Prozent."
    s2 = "Die AfD kam nach Auszählung mit 20,8% der Stimmen auf Platz zwei."
    feats = {
        "a": Features("a", names=[Mention("ard", "ARD", "org"), Mention("prozent", "Prozent"),
                                  Mention("infratestdimap", "Infratest dimap")]),
        "b": Features("b", names=[Mention("stimmen", "Stimmen"), Mention("afd", "AfD", "org")]),
    }
    d = {"versions": [{"text": "19,6 Prozent", "sources": [{"article": "a", "sentence": s1}]},
                      {"text": "20,8%", "sources": [{"article": "b", "sentence": s2}]}]}
    F.name_sayers([d], feats)
    assert d["versions"][0]["according_to"] == ["ARD"]
    assert "Stimmen" not in d["versions"][1]["according_to"]


def test_a_decimal_mark_read_as_thousands_at_ingest_is_read_as_decimals_in_the_brief():
    # As stored by the ingest reader for a Spanish and an Estonian text.
    assert F.read_value(Figure(88, "8.8 sacudió", "sacudió")).value == 8.8
    assert F.read_value(Figure(285, "28,5 protsendiga", "protsendiga", "%")).value == 28.5
    # Thousands, scales and right readings stay.
    for fig in [Figure(6000, "6.000 de oameni", "oameni"), Figure(1_500_000, "1,5 milioane", "milioane"),
                Figure(8.8, "8,8 a", "a"), Figure(1124, "1.124 mortes", "mortes")]:
        assert F.read_value(fig) == fig
    arts = [art("es", "2026-02-05", "es", "Un terremoto de magnitud 8.8 sacudió la península."),
            art("fr", "2026-02-05", "fr", "Un séisme de magnitude 8,8 a frappé la péninsule.")]
    feats = {"es": Features("es", figures=[Figure(88, "8.8 sacudió", "sacudió")]),
             "fr": Features("fr", figures=[Figure(8.8, "8,8 a", "a")])}
    xs = F.collect(arts, feats, lambda a: split(a.text, a.lang))
    assert [x.figure.value for x in xs] == [8.8, 8.8]
    assert F.disagreements(xs, F.candidate_pairs(xs), {}) == []
