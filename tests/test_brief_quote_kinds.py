"""Direct or reported: a statement is direct when the speaker's words stand in quotation
marks, in whatever frame of reported speech; a merged statement shows the speaker's own
words before a paraphrase. Fixture sentences are our own."""

import pytest

from tidings.brief.build import _quote_entry
from tidings.brief.quotes import Quote, extract
from tidings.records import Mention
from tidings.understand.names import name_key


def _people(*surfaces):
    return [Mention(name_key(s), s, "person") for s in surfaces]


def _kinds(text, lang, *people):
    return [(q.kind, q.speaker) for q in extract(text, lang, _people(*people), "a1")]


@pytest.mark.parametrize("lang, text, speaker", [
    ("en", 'Harbour chief Lena Marsh said the port would stay "closed until further notice" after the storm.',
     "Lena Marsh"),
    ("en", 'Lena Marsh told reporters that the unions had shown "real good will" in the night talks.',
     "Lena Marsh"),
    ("ro", "Ministrul Andrei Popescu a declarat că guvernul va oferi „toate garanțiile necesare” fermierilor.",
     "Andrei Popescu"),
    ("ru", "Министр Игорь Петров заявил, что стороны достигли «очень важной договорённости» в пятницу.",
     "Игорь Петров"),
    ("hi", 'मंत्री रमेश वर्मा ने कहा कि सरकार किसानों को "हर तरह की मदद" देगी.', "रमेश वर्मा"),
])
def test_a_quoted_phrase_in_a_reported_clause_makes_it_direct(lang, text, speaker):
    assert _kinds(text, lang, speaker) == [("direct", speaker)]


def test_one_lower_case_quoted_word_is_the_speakers_but_a_quoted_name_is_not():
    assert _kinds('Lena Marsh described the night talks as "constructive" and said more would follow.',
                  "en", "Lena Marsh") == [("direct", "Lena Marsh")]
    # An operation's name in marks is the reporter's label, not the speaker's words.
    assert _kinds('Lena Marsh said that the coast guard had launched operation "Tidewall" to reach the ships.',
                  "en", "Lena Marsh") == [("reported", "Lena Marsh")]


def test_a_reported_clause_without_marks_stays_reported():
    assert _kinds("Lena Marsh said that the port would reopen on Monday morning after repairs.",
                  "en", "Lena Marsh") == [("reported", "Lena Marsh")]


def _q(article, lang, text, kind, position=0):
    return Quote(article=article, lang=lang, text=text, sentence=text, kind=kind,
                 speaker="Lena Marsh", speaker_key="mrsh", position=position)


def test_the_speakers_own_words_are_shown_before_a_paraphrase_in_the_readers_language():
    group = [_q("a1", "en", "the port would reopen once the storm had passed", "reported"),
             _q("a2", "ro", "Portul se va redeschide imediat ce trece furtuna", "direct"),
             _q("a3", "de", "Der Hafen werde wieder öffnen, sobald der Sturm vorbei sei", "reported")]
    entry = _quote_entry(group, "en", {}, {"mrsh": "Lena Marsh"})
    assert (entry["kind"], entry["lang"], entry["text"]) == ("direct", "ro", group[1].text)
    # Every report stays listed, the paraphrase too.
    assert [s["article"] for s in entry["sources"]] == ["a1", "a2", "a3"]
    assert entry["languages"] == ["de", "en", "ro"]


def test_among_quotations_the_readers_language_comes_first():
    group = [_q("a2", "ro", "Portul se va redeschide imediat ce trece furtuna", "direct"),
             _q("a1", "en", "The port will reopen as soon as the storm has passed", "direct", 3),
             _q("a3", "en", "the port would reopen once the storm had passed", "reported")]
    entry = _quote_entry(group, "en", {}, {"mrsh": "Lena Marsh"})
    assert (entry["kind"], entry["lang"], entry["text"]) == ("direct", "en", group[1].text)
