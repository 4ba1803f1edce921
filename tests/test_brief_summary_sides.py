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


# One invented event in three English articles: Norland invites Valdoria's president to
# Norvik, its aides repeat the offer, Valdoria's foreign minister answers in all three.
ARTICLES = [
    ("s1", "Norland invites Valdoria's president to talks in Norvik",
     "Norland's government on Monday invited Valdorian President Anton Keller to Norvik for peace talks with "
     "President Oskar Lind. Presidential aide Pavel Grenn said Norland would guarantee Keller's safety and "
     "everything needed for his work in Norvik. Grenn said any meeting should be planned with care and should "
     "settle real questions. Valdoria's Foreign Minister Ilse Marr said Keller is ready to meet Lind in person, but that Norvik "
     "is not an acceptable venue. A new round of talks between the two delegations is set for Sunday in Geneva."),
    ("s2", "Norland repeats its invitation to Keller",
     "Norland repeated on Tuesday its invitation to Valdorian President Anton Keller to come to Norvik for talks "
     "with Oskar Lind. Norland's spokesman Dmitri Hallon said Norvik was the only venue under discussion. "
     "Foreign Minister Ilse Marr said Keller is ready to meet Lind, but the Valdorian side calls a meeting in "
     "Norvik unacceptable. The two sides have fought over the border region of Esterfeld for almost three years."),
    ("s3", "Lind aide: Keller welcome in Norvik",
     "A senior aide to Norland's President Oskar Lind said that Valdorian President Anton Keller is welcome to "
     "travel to Norvik for direct talks. Pavel Grenn said Norland would guarantee Keller's security if he decided "
     "to come. Hallon said Norland had not yet received an answer to its invitation. Valdoria's Foreign Minister "
     "Ilse Marr recently said Keller is ready to meet Lind in person to settle the border question, but not in "
     "Norvik."),
]


def test_the_other_sides_answer_is_in_the_brief_summary(tmp_path):
    # Every sentence of the minister's answer is 0.91-0.93 from the invitation (above
    # summary_redundancy): the summary told Norland's side only.
    from tidings.brief import build_brief
    from tidings.pipeline import ingest_raw
    from tidings.records import Event, RawArticle
    from tidings.store import SQLiteStore

    store = SQLiteStore(tmp_path / "sides.db")
    ingest_raw([RawArticle(origin="fixture-sides", id=i, lang="en", text=body, title=title)
                for i, title, body in ARTICLES], store)
    store.put_event(Event(id="e", title="e", article_ids=[a[0] for a in ARTICLES]))
    for a in ARTICLES:
        store.assign(a[0], "e")
    summary = [s["text"] for s in build_brief(store, "e", "en", force=True)["summary"]]
    assert any("invited" in s or "welcome" in s for s in summary), summary
    marr = [s for s in summary if "Marr" in s]
    assert len(marr) == 1 and "Norvik" in marr[0], summary


def test_the_speakers_sentence_in_the_readers_language_when_one_says_the_same():
    # Her answer in Romanian is a little more central than the English one saying the same
    # (0.90 apart): the reader reads it in English.
    cands = CANDS[:2] + [_cand("Ministrul de externe Olena Marchuk a spus că președintele este gata de o "
                               "întâlnire, dar nu la Moscova.", "c", lang="ro"),
                         _cand("Ukraine's foreign minister Olena Marchuk said the president would meet, "
                               "only not in Moscow.", "d", pos=3)] + CANDS[4:]
    v = np.array([[1.0, 0.0, 0.0, 0.0, 0.0], [0.80, 0.60, 0.0, 0.0, 0.0], [0.89, 0.0, 0.456, 0.0, 0.0],
                  [0.87, 0.0, 0.40, 0.288, 0.0], [0.6, 0.0, 0.0, 0.0, 0.8]], dtype=np.float32)
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    assert float(v[2] @ v[3]) >= DEFAULT.summary_reader_same_fact
    got = [c["article"] for c in S.choose(cands, v, CENTER, "en", CFG, voices=VOICES,
                                          voiced={"kremlin": 3, "orlov": 2, "marchuk": 2})]
    assert "d" in got and "c" not in got, got
