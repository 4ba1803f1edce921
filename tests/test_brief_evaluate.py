"""tidings.evaluate_brief on a reference and briefs we write here."""

import numpy as np

from tidings import evaluate_brief

REFERENCE = {
    "event": "lerna-dam",
    "articles": ["a1", "a2", "a3"],
    "entities": [
        {"name": "Elena Marsh", "kind": "person", "core": True,
         "variants": ["Elena Marsh", "Marsh", "Елена Марш"], "articles": ["a1", "a2"]},
        {"name": "Valdora", "kind": "place", "core": True, "variants": ["Valdora", "Валдора"],
         "articles": ["a1", "a2", "a3"]},
        {"name": "Tomas Brill", "kind": "person", "core": False, "variants": ["Tomas Brill", "Brill"],
         "articles": ["a3"]},
    ],
    "not_entities": ["Read More", "Daily Ledger"],
    "quotes": [
        {"speaker": "Elena Marsh", "kind": "direct", "gist": "We will rebuild every house.",
         "occurrences": [{"article": "a1", "text": "We will rebuild every house and every bridge"},
                         {"article": "a2", "text": "Мы восстановим каждый дом и каждый мост"}]},
        {"speaker": "Tomas Brill", "kind": "reported", "gist": "The water is falling.",
         "occurrences": [{"article": "a3", "text": "the water was falling but six villages were cut off"}]},
    ],
    "first_report": {"article": "a1"},
    "key_facts": [{"fact": "fact one", "articles": ["a1"]}, {"fact": "fact two", "articles": ["a2"]}],
    "disagreements": [],
}

ARTICLES = [{"id": "a1", "lang": "en"}, {"id": "a2", "lang": "ru"}, {"id": "a3", "lang": "en"}]


def test_a_faithful_brief_scores_full_marks():
    brief = {
        "articles": ARTICLES,
        "entities": [{"id": "mrsh", "name": "Elena Marsh", "kind": "person", "variants": ["Marsh", "Елена Марш"]},
                     {"id": "vldr", "name": "Valdora", "kind": "place", "variants": ["Валдора"]},
                     {"id": "brl", "name": "Tomas Brill", "kind": "person", "variants": ["Brill"]}],
        "quotes": [
            {"speaker": "Elena Marsh", "speaker_id": "mrsh", "kind": "direct", "text": "We will rebuild",
             "sources": [{"article": "a1", "text": "“We will rebuild every house and every bridge,”"},
                         {"article": "a2", "text": "Мы восстановим каждый дом и каждый мост"}]},
            {"speaker": "Brill", "kind": "reported", "text": "water falling",
             "sources": [{"article": "a3", "text": "the water was falling but six villages were cut off"}]},
        ],
        "summary": [{"text": "one"}, {"text": "two"}],
        "first_report": {"article": "a1"},
        "disagreements": [],
    }
    vec = {"fact one": [1, 0], "fact two": [0, 1], "one": [1, 0], "two": [0, 1]}

    def embed(texts):
        return np.array([vec[t] for t in texts], dtype=np.float32)

    s = evaluate_brief(brief, REFERENCE, embed=embed, threshold=0.9)
    e, q = s["entities"], s["quotes"]
    assert (e["precision"], e["recall"], e["core_recall"], e["kind_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert not (e["junk"] or e["split"] or e["merged"] or e["bad_names"])
    assert (q["statement_recall"], q["precision"], q["speaker_accuracy"], q["kind_accuracy"]) == (1.0,) * 4
    assert (q["multi_language_statements"], q["multi_language_found"], q["multi_language_merged"]) == (1, 1, 1)
    assert s["key_facts"]["covered"] == 2 and s["first_report"]["right"]


def test_defects_are_counted_as_such():
    brief = {
        "articles": ARTICLES,
        "entities": [{"name": "Elena Marsh", "kind": "person", "variants": []},
                     {"name": "Елена Марш", "kind": "person", "variants": []},   # split
                     {"name": "Valdora", "kind": "org", "variants": []},          # wrong kind
                     {"name": "Read More", "kind": "name", "variants": []},       # junk
                     {"name": "Valdo", "kind": "place", "variants": []}],         # a stem
        "quotes": [
            # the same statement in two languages left apart, one without its speaker
            {"speaker": "Elena Marsh", "kind": "direct", "text": "x",
             "sources": [{"article": "a1", "text": "We will rebuild every house and every bridge"}]},
            {"speaker": None, "kind": "direct", "text": "y",
             "sources": [{"article": "a2", "text": "Мы восстановим каждый дом и каждый мост"}]},
            # narration passed off as a quote, and reported speech labelled direct
            {"speaker": "Tomas Brill", "kind": "direct", "text": "z",
             "sources": [{"article": "a3", "text": "The dam was built in the 1970s and inspected later"}]},
        ],
        "summary": [],
        "first_report": {"article": "a3"},
        "disagreements": [{"versions": [{"sources": [{"article": "a1"}]}, {"sources": [{"article": "a2"}]}]}],
    }
    s = evaluate_brief(brief, REFERENCE)
    e, q = s["entities"], s["quotes"]
    assert e["split"] == [{"reference": "Elena Marsh", "brief": ["Elena Marsh", "Елена Марш"]}]
    assert e["junk"] == ["Read More"] and e["unmatched"] == ["Valdo"]
    assert e["precision"] == 0.6 and e["recall"] == round(2 / 3, 3) and e["missed"] == ["Tomas Brill"]
    assert e["wrong_kinds"] == [{"brief": "Valdora", "kind": "org", "reference": "place"}]
    assert q["statement_recall"] == 0.5 and q["not_statements"] == ["z"]
    assert q["speaker_accuracy"] == 0.5 and q["multi_language_merged"] == 0
    assert s["first_report"]["right"] is False
    assert s["disagreements"]["precision"] == 0.0
    assert s["key_facts"]["covered"] is None  # no embedder given


def test_a_quote_is_judged_against_the_statement_it_gives_word_for_word():
    # Two statements of one article, one quoted, the other reported; the reported one's
    # span is a short phrase that the quotation also holds. The brief gives the reported
    # statement with its right speaker: it must be judged against that statement, not
    # against the first one listed because the phrase overlaps it too.
    reference = {
        "articles": ["a1"],
        "entities": [],
        "quotes": [
            {"speaker": "Elena Marsh", "kind": "direct", "gist": "Marsh on the dam.",
             "occurrences": [{"article": "a1", "text": "the new dam will hold"}]},
            {"speaker": "Tomas Brill", "kind": "reported", "gist": "Brill on the dam.",
             "occurrences": [{"article": "a1", "text": "the new dam will hold until the spring floods come"}]},
        ],
    }
    brief = {"articles": [{"id": "a1", "lang": "en"}], "entities": [],
             "quotes": [{"speaker": "Tomas Brill", "kind": "reported", "text": "t",
                         "sources": [{"article": "a1",
                                      "text": "the new dam will hold until the spring floods come"}]}]}
    q = evaluate_brief(brief, reference)["quotes"]
    assert q["speaker_accuracy"] == 1.0 and q["kind_accuracy"] == 1.0 and not q["wrong_speakers"]


def test_two_sentences_of_one_article_alike_in_words_are_not_one_span():
    from tidings.brief.evaluate import spans_overlap

    said = "Dockers and the port board have settled on a quick and complete end to the strike after long talks"
    confirmed = "The port board and dockers settled on a complete end to the strike"
    assert not spans_overlap(said, confirmed)
    assert spans_overlap(confirmed, "“The port board and dockers settled on a complete end to the strike,”")
    assert spans_overlap("settled on a complete end to the strike", confirmed)
    # A short span must appear whole, not share its first words with another sentence.
    assert not spans_overlap("the new dam project", "the new dam will hold until the spring floods come")
    assert spans_overlap("the new dam will hold", "the new dam will hold until the spring floods come")
