"""A reported statement ends before the relative clause with which the reporter dates what
it is about ("…, which erupted on 3 March after a border clash"): that clause is background,
not the speaker's words, and another side's position inside it ("…and which the capital
blamed on its neighbour") must not be shown as the speaker's. Fixture sentences are our own."""

import pytest

from tidings.brief.quotes import extract
from tidings.records import Mention
from tidings.understand.names import name_key


def _texts(text, lang, speaker):
    return [(q.text, q.speaker) for q in extract(text, lang, [Mention(name_key(speaker), speaker, "person")], "a1")]


@pytest.mark.parametrize("lang, text, speaker, said", [
    ("es", "La ministra Elena Marsh dijo estar siguiendo de cerca la crisis entre los dos países, que estalló "
           "el pasado 3 de marzo tras un ataque en la frontera, y de la que la capital culpó a su vecino.",
     "Elena Marsh", "estar siguiendo de cerca la crisis entre los dos países"),
    ("en", "Minister Elena Marsh said that her office was monitoring the dispute between the two towns, which "
           "erupted on March 3 after a border clash that the mayor blamed on his rival.",
     "Elena Marsh", "her office was monitoring the dispute between the two towns"),
    ("fr", "La ministre Elena Marsh a déclaré que son ministère suivait de près la crise entre les deux pays, "
           "qui a éclaté le 3 mars après une attaque à la frontière.",
     "Elena Marsh", "son ministère suivait de près la crise entre les deux pays"),
    ("ru", "Министр Елена Марш заявила, что её ведомство внимательно следит за кризисом между странами, "
           "который начался 3 марта после нападения на границе.",
     "Елена Марш", "её ведомство внимательно следит за кризисом между странами"),
])
def test_a_dated_relative_clause_closing_the_sentence_is_left_out(lang, text, speaker, said):
    assert _texts(text, lang, speaker) == [(said, speaker)]


def test_a_dated_clause_the_statement_goes_on_after_is_kept():
    text = "Minister Elena Marsh said that the truce, which began on 10 May, was holding along the whole border."
    assert _texts(text, "en", "Elena Marsh") == [
        ("the truce, which began on 10 May, was holding along the whole border", "Elena Marsh")]


def test_a_relative_clause_without_a_date_is_kept():
    text = "Minister Elena Marsh said that the new law would help the farmers, who had waited for years for it."
    assert _texts(text, "en", "Elena Marsh") == [
        ("the new law would help the farmers, who had waited for years for it", "Elena Marsh")]


def test_a_dated_clause_inside_the_statement_before_its_own_subject_is_kept():
    text = "Министр Елена Марш заявила, что в первом туре, который прошёл 6 мая, партия не получила большинства."
    assert _texts(text, "ru", "Елена Марш") == [
        ("в первом туре, который прошёл 6 мая, партия не получила большинства", "Елена Марш")]
