"""The summary tells another party's position too: when the chosen sentences give the
statements of one side only (the Kremlin, its aide) and the event's articles quote another
speaker (Ukraine's foreign minister) in several of them, that speaker's most central
standalone sentence comes in, even when cosine calls it a repeat in a tight event. On
sentences and vectors we wrote."""

import numpy as np

from tidings.brief import summary as S
from tidings.config import DEFAULT


def _cand(text, aid, pos=0, lang="en"):
    return {"text": text, "article": aid, "source": aid, "lang": lang, "position": pos}


CANDS = [_cand("The Kremlin invited the Ukrainian president to Moscow for talks on Thursday.", "a"),
         _cand("Presidential aide Yuri Orlov said Russia would guarantee his security in Moscow.", "b"),
         _cand("Ukraine's foreign minister Olena Marchuk said the president is ready to meet, "
               "but not in Moscow.", "c"),
         _cand("Marchuk repeated that any venue but Moscow could be discussed.", "d", pos=3),
         _cand("A new round of talks in Abu Dhabi is set for Sunday.", "e")]
# The minister's answer is as close to the invitation as two sentences of one happening
# get (0.88, above summary_redundancy); her second sentence closer still (0.95).
V = np.array([[1.0, 0.0, 0.0, 0.0, 0.0], [0.80, 0.60, 0.0, 0.0, 0.0], [0.88, 0.0, 0.475, 0.0, 0.0],
              [0.95, 0.0, 0.0, 0.312, 0.0], [0.6, 0.0, 0.0, 0.0, 0.8]], dtype=np.float32)
CENTER = np.array([1.0, 0.0, 0.0, 0.0, 0.0], dtype=np.float32)
VOICES = [{"kremlin"}, {"orlov"}, {"marchuk"}, {"marchuk"}, set()]
CFG = DEFAULT.__class__(summary_sentences=5, summary_support_weight=0.0)


def _got(voiced, cfg=CFG, voices=VOICES):
    return [c["article"] for c in S.choose(CANDS, V, CENTER, "en", cfg, voices=voices, voiced=voiced)]


def test_a_speaker_quoted_by_several_articles_gets_a_sentence_of_its_own():
    # Without the speakers the answer is a repeat of the invitation (the old summary).
    assert "c" not in [c["article"] for c in S.choose(CANDS, V, CENTER, "en", CFG)]
    got = _got({"kremlin": 3, "orlov": 2, "marchuk": 2})
    assert got[:3] == ["a", "b", "e"] and "c" in got, got
    assert "d" not in got, got  # one sentence for her side; the closer one repeats the lead


def test_no_sentence_for_a_speaker_one_article_quotes_or_already_in():
    assert "c" not in _got({"kremlin": 3, "orlov": 2, "marchuk": 1})
    # Her statement already in a chosen sentence: nothing to add.
    voices = [{"kremlin", "marchuk"}, {"orlov"}, {"marchuk"}, {"marchuk"}, set()]
    assert "c" not in _got({"kremlin": 3, "orlov": 2, "marchuk": 2}, voices=voices)


def test_no_sentence_past_the_summary_length_or_too_close():
    full = DEFAULT.__class__(summary_sentences=3, summary_support_weight=0.0)
    assert _got({"kremlin": 3, "orlov": 2, "marchuk": 2}, cfg=full) == ["a", "b", "e"]
    near = DEFAULT.__class__(summary_sentences=5, summary_support_weight=0.0, summary_voice_redundancy=0.87)
    assert "c" not in _got({"kremlin": 3, "orlov": 2, "marchuk": 2}, cfg=near)


def test_a_sentence_gives_the_statements_it_holds():
    said = [("a", "orlov", "Russia would guarantee his security", "Orlov said Russia would guarantee his "
             "security in Moscow."),
            ("a", "marchuk", "Moscow is not a neutral place", "“Moscow is not a neutral place,” Marchuk wrote."),
            ("b", "peskov", "the offer stands", "Peskov said the offer stands.")]
    got = S.voices_of([("Orlov said Russia would guarantee his security in Moscow.", "a"),
                       ("“Moscow is not a neutral place,” Marchuk wrote on Friday.", "a"),
                       ("Peskov said the offer stands.", "a"),
                       ("The talks will resume on Sunday in Abu Dhabi.", "a")], said)
    assert got == [{"orlov"}, {"marchuk"}, set(), set()], got
    assert S.voice_articles(said + [("c", "orlov", "x", "y")]) == {"orlov": 2, "marchuk": 1, "peskov": 1}
