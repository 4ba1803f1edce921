"""Which quotes a brief embeds for the cross-language merge (brief/build.py
_quotes_worth_embedding): the budget goes to quotes that have something to pair with."""

import numpy as np
import pytest

from tidings.brief.build import _quotes_worth_embedding
from tidings.brief.quotes import Quote, merge
from tidings.config import Config
from tidings.understand.names import name_key


def _q(article, lang, name, position, text):
    return Quote(article=article, lang=lang, text=text, sentence=text, kind="direct",
                 speaker=name, speaker_key=name_key(name), position=position)


def _chosen(quotes, budget):
    return [(q.article, q.position) for q in _quotes_worth_embedding(quotes, Config(quote_max_embedded=budget))]


def test_a_speakers_quotes_in_one_article_are_embedded_only_as_far_as_other_articles_can_pair_them():
    # A minister quoted four times in one report and once in another: merge pairs a quote
    # with at most one of each other article's, so one of the four can find a partner.
    quotes = [_q("a1", "ur", "Farid Dar", p, f"statement number {p} of the minister in the first report")
              for p in range(4)]
    quotes.append(_q("a2", "zh", "Farid Dar", 0, "部长表示两国已同意立即停火并将继续对话"))
    assert _chosen(quotes, 48) == [("a1", 0), ("a2", 0)]


def test_a_wire_copy_takes_no_place_and_still_joins_its_twin():
    # The minister's words in a1, the same words (case and punctuation apart) in a2, an
    # agency copy; a German report gives them in its own words. The mayor is quoted in
    # all three. With room for five, the copy leaves its place to the mayor's third quote.
    marsh, brill = "Elena Marsh", "Tomas Brill"
    quotes = [
        _q("a1", "en", marsh, 0, "We will rebuild every house and every bridge in Valdora"),
        _q("a1", "en", brill, 1, "The water is falling but four villages are still cut off"),
        _q("a2", "en", marsh, 0, "we will rebuild every house, and every bridge in Valdora!"),
        _q("a2", "en", brill, 1, "Four villages remain cut off although the water is falling"),
        _q("a3", "de", marsh, 0, "Wir werden jedes Haus und jede Brücke in Valdora wieder aufbauen"),
        _q("a3", "de", brill, 1, "Das Wasser sinkt, aber vier Dörfer sind noch abgeschnitten"),
    ]
    chosen = _quotes_worth_embedding(quotes, Config(quote_max_embedded=5))
    assert quotes[2] not in chosen
    assert [q for q in quotes if q.speaker == brill and q in chosen] == [quotes[1], quotes[3], quotes[5]]
    # The merge puts the copy, left without a vector, with its twin's statement.
    vec = {marsh: np.array([1.0, 0.0, 0.0]), brill: np.array([0.0, 1.0, 0.0])}
    for q in chosen:
        q.vector = vec[q.speaker]
    with_copy = next(g for g in merge(quotes, {}) if quotes[2] in g)
    assert {q.article for q in with_copy} == {"a1", "a2", "a3"}


def test_a_speaker_named_two_ways_counts_as_quoted_in_two_articles():
    # "Farid Dar" in one report, "Dar" in another (two name keys merge takes for one
    # person): the pair is compared before a prolific speaker's later quotes.
    quotes = [_q(f"a{i}", "en", "Viktor Orlov", p, f"orlov statement {p} in article {i}")
              for i in range(4) for p in (0, 1)]
    quotes += [_q("a0", "en", "Farid Dar", 2, "the ceasefire holds along the whole border"),
               _q("a1", "fr", "Dar", 2, "le cessez-le-feu tient sur toute la frontière")]
    chosen = _chosen(quotes, 4)
    assert ("a0", 2) in chosen and ("a1", 2) in chosen


def test_within_one_language_an_articles_next_statement_comes_before_another_outlets_first():
    # A spokesman quoted twice in a1 and once in a2 (both French), twice in a3 (English).
    # a1's second quote is another statement; a2's first most likely repeats a1's first.
    name = "Ana Pop"
    quotes = [_q("a1", "fr", name, 0, "le cessez-le-feu entre en vigueur à 17 heures"),
              _q("a1", "fr", name, 1, "les deux chefs militaires se parleront lundi"),
              _q("a2", "fr", name, 0, "le cessez-le-feu commence à 17 heures ce samedi"),
              _q("a3", "en", name, 0, "the ceasefire takes effect at 5 pm"),
              _q("a3", "en", name, 1, "the two military chiefs will speak again on Monday")]
    chosen = _chosen(quotes, 4)
    assert ("a1", 1) in chosen and ("a2", 0) not in chosen


def test_the_budget_counts_words_so_short_quotations_fit_where_a_long_one_does_not():
    # A 27-word statement of the minister in a1 and a2, short quotations of the mayor in a1
    # and a2: with 48 words to spend (each text costs four more), the minister's first long
    # quote fits, the second would not, and the mayor's short pair still does.
    from tidings.brief.build import Vectors

    long_words = ("the government will rebuild every house and every bridge of the valley before the "
                  "winter comes and no family will be left without a roof this year")
    assert len(long_words.split()) == 27
    quotes = [_q("a1", "en", "Elena Marsh", 0, long_words),
              _q("a2", "de", "Elena Marsh", 0, long_words.replace("the government", "our government")),
              _q("a1", "en", "Tomas Brill", 1, "four villages cut off"),
              _q("a2", "de", "Tomas Brill", 1, "vier Dörfer abgeschnitten bleiben")]
    cost = Vectors(None, Config()).cost
    chosen = _quotes_worth_embedding(quotes, Config(quote_embed_words=48), cost)
    assert [(q.article, q.position) for q in chosen] == [("a1", 0), ("a1", 1), ("a2", 1)]
    # Counted by texts alone, three quotes would have left out one of the mayor's pair.
    assert len(_quotes_worth_embedding(quotes, Config(quote_max_embedded=3))) == 3


def _recorded_vectors(config):
    """A brief's Vectors over a stand-in model, with the list of texts the model was given."""
    from tidings.brief.build import Vectors
    from tidings.understand.embed import HashingEmbedderForTests

    sent: list[str] = []

    class Recording(HashingEmbedderForTests):
        def passage(self, texts):
            sent.extend(texts)
            return super().passage(texts)

    return Vectors(Recording(), config), sent


def test_a_sentence_without_spaces_is_cut_like_the_others_before_the_model_reads_it():
    # A Chinese quotation of 200 characters is one whitespace "word": cut by words alone it
    # went to the model whole (about 140 tokens, five times a cut English sentence).
    config = Config()
    vectors, sent = _recorded_vectors(config)
    chinese = "外交部长表示两国已同意立即全面停火并将在中立地点就广泛议题展开对话" * 6
    english = " ".join(f"word{i}" for i in range(60))
    vectors.need([chinese, english])
    assert len(sent) == 2
    by_script = {t[:4]: t for t in sent}
    assert len(by_script["外交部长"]) == int(config.embed_sentence_words * config.embed_han_chars_per_word)
    assert len(by_script["word"].split()) == config.embed_sentence_words
    # What the budget counts for it is what the model is given.
    assert vectors.cost(chinese) == pytest.approx(4 + config.embed_sentence_words)


def test_summary_candidates_are_given_to_the_model_at_their_own_length():
    config = Config()
    vectors, sent = _recorded_vectors(config)
    text = " ".join(f"w{i}" for i in range(40))
    vectors.start([text], config.summary_embed_words)
    vectors.need([text])
    assert sent == [" ".join(f"w{i}" for i in range(config.summary_embed_words))]
