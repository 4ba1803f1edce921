"""Duplicate detection against a real store: exact copies (after cleaning), near copies
(syndicated with small edits), and unrelated articles that must not be linked."""

from __future__ import annotations

import pytest

from tidings.clean import clean
from tidings.clean.duplicates import bands, find_duplicate, jaccard, shingle_ids
from tidings.config import Config
from tidings.records import RawArticle
from tidings.store.sqlite import SQLiteStore

STORY = (
    "Wildfire forces evacuation of hill villages near Athens\n\n"
    "A wildfire fanned by strong winds spread through pine forests north of Athens on Monday, "
    "forcing the evacuation of four villages and a children's summer camp, the fire brigade said.\n\n"
    "More than 200 firefighters, backed by eleven water-dropping aircraft and helicopters, were "
    "battling the blaze, which broke out near the village of Varnavas in the early afternoon.\n\n"
    "Temperatures reached 39 degrees Celsius in the capital and the civil protection ministry "
    "warned that the risk of new fires would remain very high until the end of the week.\n\n"
    "Residents were told to close windows and stay indoors as thick smoke drifted over the "
    "northern suburbs, and several roads were closed to traffic.\n"
)
OTHER = (
    "Central bank holds interest rates steady\n\n"
    "The central bank left its main interest rate unchanged at 4.25 percent on Thursday, saying "
    "inflation was easing more slowly than expected and wage growth remained strong.\n\n"
    "Economists had widely expected the decision, although two members of the rate-setting "
    "committee voted for a cut, according to minutes published with the announcement.\n\n"
    "The governor said the bank would watch energy prices closely over the coming months.\n"
)


@pytest.fixture()
def store(tmp_path):
    s = SQLiteStore(tmp_path / "dup.db")
    yield s
    s.close()


def ingest(store, raw, config=Config()):
    """What the pipeline does around clean: link, store, index the bands."""
    a = clean(raw, config)
    a.duplicate_of = find_duplicate(a, store, config)
    store.add_article(a)
    store.add_dup_bands(a.id, bands(a.text, config))
    return a


def test_exact_copy_with_different_furniture_is_linked_to_the_first(store):
    first = ingest(store, RawArticle(origin="a.txt", text=STORY + "\nShare\n- Advertisement -\n"))
    copy = ingest(store, RawArticle(origin="b.txt", text="Home » World » Fires\n\n" + STORY +
                                    "\nRead more\nOther news one\nOther news two\n"))
    assert first.duplicate_of is None
    assert copy.id != first.id and copy.content_hash == first.content_hash
    assert copy.duplicate_of == first.id
    third = ingest(store, RawArticle(origin="c.txt", text=STORY + "\nRate This Article\n"))
    assert third.duplicate_of == first.id
    assert store.count_articles() == 3  # copies are stored, not dropped


def test_near_copy_is_linked(store):
    first = ingest(store, RawArticle(origin="a.txt", text=STORY))
    edited = (STORY.replace("on Monday", "on Monday afternoon")
              .replace("eleven", "11")
              .replace("several roads were closed to traffic", "several roads were closed"))
    near = ingest(store, RawArticle(origin="b.txt", text=edited))
    assert near.content_hash != first.content_hash
    assert jaccard(shingle_ids(near.text), shingle_ids(first.text)) >= 0.8
    assert near.duplicate_of == first.id


def test_copy_of_a_copy_points_to_the_original(store):
    first = ingest(store, RawArticle(origin="a.txt", text=STORY))
    second = ingest(store, RawArticle(origin="b.txt", text=STORY.replace("on Monday", "on Monday afternoon")))
    third = ingest(store, RawArticle(origin="c.txt", text=STORY.replace("eleven", "11")))
    assert second.duplicate_of == first.id and third.duplicate_of == first.id


def test_unrelated_and_same_topic_rewrites_are_not_linked(store):
    ingest(store, RawArticle(origin="a.txt", text=STORY))
    other = ingest(store, RawArticle(origin="b.txt", text=OTHER))
    assert other.duplicate_of is None
    # The same fire, written independently by another outlet: related, not a copy.
    rewrite = (
        "Greek villages evacuated as fire nears Athens\n\n"
        "Firefighters in Greece struggled on Monday to contain a forest fire north of the capital, "
        "which authorities said had forced several communities and a youth camp to evacuate.\n\n"
        "Aircraft dropped water on the flames near Varnavas while strong winds pushed the fire "
        "towards populated areas, a spokesman for the fire service told state television.\n"
    )
    assert ingest(store, RawArticle(origin="c.txt", text=rewrite)).duplicate_of is None


def test_bands_are_stable_and_sized():
    b = bands(STORY)
    assert len(b) == 20 and len(set(b)) == 20
    assert b == bands(STORY)
    assert bands("") == []
    assert len(bands("Two words")) == 20


def test_threshold_is_configurable(store):
    first = ingest(store, RawArticle(origin="a.txt", text=STORY))
    paragraphs = STORY.split("\n\n")
    shorter = "\n\n".join(paragraphs[:-1])  # the last paragraph dropped by the copier
    a = clean(RawArticle(origin="h.txt", text=shorter))
    similarity = jaccard(shingle_ids(a.text), shingle_ids(first.text))
    assert 0.6 < similarity < 0.9
    assert find_duplicate(a, store, Config(near_duplicate_threshold=similarity + 0.01)) is None
    assert find_duplicate(a, store, Config(near_duplicate_threshold=similarity - 0.01)) == first.id
