"""Disagreements only where sources differ on one fact at one moment: not a number of
days read as a count of votes, not a threshold against a result, not two quantities one
sentence gives side by side, not a recap of an older happening, not a toll that grew.
On sentences we wrote (invented, same constructions as real reports)."""

import numpy as np

from tidings.brief import figures as F
from tidings.clean.sentences import split
from tidings.records import Article, Features
from tidings.understand.figures import extract


def art(aid, text, lang="en", date="2026-03-10T09:00:00+00:00"):
    return Article(id=aid, origin=aid, title="", text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=aid)


def collect(arts):
    feats = {a.id: Features(a.id, figures=extract(a.text, a.lang)) for a in arts}
    return F.collect(arts, feats, lambda a: split(a.text, a.lang))


def shown(arts):
    xs = collect(arts)
    return F.disagreements(xs, F.candidate_pairs(xs), {})


def test_a_number_of_days_near_a_word_of_voting_counts_days_not_votes():
    arts = [art("a", "Премьер получил в парламенте 394 голоса.", "ru"),
            art("b", "Новые выборы пройдут не позднее 60 дней после голосования.", "ru"),
            art("c", "La nueva votación debe celebrarse en 21 días tras la votación.", "es")]
    xs = collect(arts)
    assert {x.figure.value: x.concept for x in xs}[394] == "votes"
    assert all(x.concept != "votes" for x in xs if x.figure.value in (60, 21)), xs
    assert shown(arts) == []


def test_a_threshold_is_not_compared_with_the_count_reached():
    arts = [art("a", "Die Kandidatin erhielt 341 Ja-Stimmen.", "de"),
            art("b", "She won with 341 votes, well above the 328 votes needed for a majority."),
            art("c", "Для избрания требовалось не менее 328 голосов депутатов.", "ru"),
            art("d", "Obtuvo 341 votos, más de los 328 necesarios.", "es")]
    xs = collect(arts)
    assert {(x.article.id, x.figure.value): x.role for x in xs} == {
        ("a", 341): None, ("b", 341): None, ("b", 328): "needed", ("c", 328): "needed",
        ("d", 341): None, ("d", 328): "needed"}
    assert shown(arts) == []
    # A majority won and a toll's lower bound are counts reached, not thresholds.
    for text, lang in [("Sie gewann die Mehrheit mit 341 Stimmen.", "de"),
                       ("Как минимум 12 человек погибли.", "ru"),
                       ("El sismo dejó como mínimo 12 muertos.", "es")]:
        assert [x.role for x in collect([art("m", text, lang)])] == [None], text
    # Two thresholds that differ are still a disagreement.
    other = art("e", "Die Wahl erforderte 330 Stimmen.", "de")
    out = shown(arts + [other])
    assert [sorted(v["value"] for v in d["versions"]) for d in out] == [[328, 330]], out


def test_two_values_one_sentence_gives_side_by_side_are_two_quantities():
    arts = [art("a", "Le texte a été adopté par 412 voix.", "fr"),
            art("b", "The bill won 412 votes out of 577 votes cast."),
            art("c", "Der Entwurf bekam 412 Stimmen von 577 abgegebenen Stimmen.", "de"),
            art("d", "Всего было подано 577 голосов.", "ru")]
    xs = collect(arts)
    assert {x.figure.value for x in xs if x.concept == "votes"} == {412, 577}
    assert shown(arts) == []
    # Without a sentence holding both, the same two values stay a disagreement.
    assert len(shown([arts[0], arts[3]])) == 1


def test_values_chained_through_a_third_are_still_two_quantities_of_one_sentence():
    # 4 invalid ballots and 271 votes of a first round meet (no sentence gives both), and
    # 271 meets 290: one group, two of whose values one sentence gives side by side.
    arts = [art("a", "La ley obtuvo finalmente 290 votos a favor, con 4 votos nulos.", "es"),
            art("b", "Im ersten Wahlgang bekam sie nur 271 Stimmen.", "de"),
            art("c", "She got 290 votes.")]
    assert shown(arts) == []
    # A sentence giving both numbers tells them apart whatever each is read to count.
    arts = [art("a", "Of the 610 votes cast, 290 went to her."),
            art("b", "Sie bekam 610 Stimmen.", "de"),
            art("c", "Она получила 290 голосов.", "ru")]
    xs = collect(arts)
    assert {x.figure.value for x in xs if x.concept == "votes"} == {290, 610}
    assert shown(arts) == []


def test_a_sentence_dated_days_before_the_happening_recalls_an_older_one():
    # Reports of a strike on 9 March recalling the bombing of 20 February and its toll.
    a = art("a", "The strikes came after the market bombing of February 20 that killed 31 people.")
    b = art("b", "Los bombardeos del 9 de marzo dejaron 12 muertos, según el ejército.", "es")
    c = art("c", "Die Angriffe vom 8. März töteten 12 Menschen.", "de")
    xs = collect([a, b, c])
    assert [x.figure.value for x in xs if F.recap(x)] == [31]
    assert shown([a, b, c]) == []
    # The same toll in a sentence dated on the happening's own day is compared.
    d = art("d", "The strikes of March 9 killed 31 people.")
    assert len(shown([b, c, d])) == 1


def test_a_toll_given_with_a_larger_injury_count_is_a_later_report_not_a_disagreement():
    # Early: 9 dead, 21 injured; later: 30 killed and 52 injured. Both rose together.
    early = art("a", "Die Armee meldete 9 Tote und 21 Verletzte.", "de", date=None)
    late = art("b", "Officials said 30 people were killed and 52 injured in the strikes.")
    xs = collect([early, late])
    # "killed" belongs to 30: 52 stands in the next clause, after "and".
    assert {(x.figure.value, x.concept) for x in xs} >= {(9, "killed"), (21, "injured"),
                                                          (30, "killed"), (52, "injured")}
    out = shown([early, late])
    assert sorted((d["about"], d["kind"], [v["value"] for v in d["versions"]]) for d in out) == [
        ("injured", "update", [21, 52]), ("killed", "update", [9, 30])], out
    # The same dead, a different injury count: the sources differ on the injured.
    other = art("c", "Las autoridades informaron de 9 muertos y 25 heridos.", "es", date=None)
    out = shown([early, other])
    assert [(d["kind"], d["about"]) for d in out] == [("figure", "injured")], out


def test_the_two_ends_of_a_range_are_one_estimate_not_two_quantities():
    arts = [art("a", "Nach der Hochrechnung kommt die Freie Liste auf 17,5 bis 18 Prozent.", "de"),
            art("b", "The Free List won 17.5 percent, the final count showed."),
            art("c", "La Lista Libre obtuvo el 18 por ciento.", "es")]
    xs = collect(arts)
    same = {x.sentence: np.array([1.0, 0.0], dtype=np.float32) for x in xs}
    out = F.disagreements(xs, F.candidate_pairs(xs), same)
    assert [sorted(v["value"] for v in d["versions"]) for d in out] == [[17.5, 18]], out


def test_a_figure_of_the_title_is_read_in_the_title_not_in_a_body_sentence_with_its_number():
    a = Article(id="t", origin="t", title="Un sismo deja al menos 10 personas fallecidas en la costa",
                text="El temblor tuvo su epicentro a unos 10 kilómetros de profundidad.",
                raw="", content_hash="t", lang="es", date="2026-03-10", source="t")
    feats = {"t": Features("t", figures=extract(f"{a.title}\n{a.text}", "es"))}
    xs = F.collect([a], feats, lambda a: split(a.text, a.lang))
    assert sorted((x.figure.text.split()[1], x.concept) for x in xs) == [
        ("kilómetros", "depth"), ("personas", "killed")], xs


def test_an_early_toll_written_in_words_shows_the_report_came_earlier():
    early = art("a", "इस धमाके में एक व्यक्ति की मौत हो गई, जबकि 14 लोग घायल हुए।", "hi", date=None)
    late = art("b", "At least 19 people were killed and 16 injured in the blast.")
    out = shown([early, late])
    assert [(d["kind"], d["about"], [v["value"] for v in d["versions"]]) for d in out] == [
        ("update", "injured", [14, 16])], out
    # The same dead in words and digits, a different injury count: that is a disagreement.
    other = art("c", "Tres personas murieron y hubo 16 heridos.", "es", date=None)
    same = art("d", "Three people died and 14 people were injured, police said.", date=None)
    out = shown([same, other])
    assert [(d["kind"], d["about"]) for d in out] == [("figure", "injured")], out
