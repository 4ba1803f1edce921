"""The pure average-linkage learner (cluster/linkage.py): traps of real news with the real
model, on fixtures written for these tests; purity, determinism and state round trips;
no chaining along a drifting series."""

from __future__ import annotations

import numpy as np
import pytest
from cluster_fixtures import DAM_COLLAPSE, DAM_INQUIRY, FERRY_DAYS, SPEAKER_WEEK, STORM_WEEK, article, articles
from story_fixtures import MINE_STORY, MINE_TRIAL

from tidings.cluster.evaluate import score
from tidings.cluster.linkage import Change, EventLearner
from tidings.config import DEFAULT
from tidings.records import Features
from tidings.understand import understand_batch
from tidings.understand.embed import Embedder


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


def learn(arts, feats, learner=None):
    learner = learner or EventLearner(DEFAULT)
    changes: list[Change] = []
    for a, f in zip(arts, feats):
        changes.extend(learner.learn_one(a, f))
    return {a.id: learner.event_of(a.id) for a in arts}, learner, changes


def test_two_unrelated_happenings_in_the_same_week_stay_apart(embedder):
    arts, gold = articles(SPEAKER_WEEK, STORM_WEEK)
    pred, _, _ = learn(arts, understand_batch(arts, embedder, DEFAULT))
    assert score(pred, gold)["bcubed_f1"] == 1.0, pred


def test_one_happening_reported_over_three_days_is_one_event(embedder):
    arts, gold = articles(FERRY_DAYS, STORM_WEEK)
    pred, _, _ = learn(arts, understand_batch(arts, embedder, DEFAULT))
    assert len({pred[i] for i in gold if gold[i] == "ferry"}) == 1
    assert score(pred, gold)["bcubed_f1"] == 1.0, pred


def test_a_recap_of_an_older_happening_does_not_join_it(embedder):
    arts, gold = articles(DAM_COLLAPSE, DAM_INQUIRY)
    pred, learner, _ = learn(arts, understand_batch(arts, embedder, DEFAULT))
    assert pred["inq-en"] == pred["inq-fr"] != pred["dam-en"] == pred["dam-de"]


def test_learner_is_pure_deterministic_and_its_state_round_trips(embedder):
    arts, _ = articles(SPEAKER_WEEK, STORM_WEEK, FERRY_DAYS)
    feats = understand_batch(arts, embedder, DEFAULT)
    pred1, l1, changes = learn(arts, feats)
    pred2, l2, _ = learn(arts, feats)
    assert pred1 == pred2 and l1.to_state() == l2.to_state()
    # Every article's event is told to the store by an assign (or a later move).
    told: dict[str, str] = {}
    for c in changes:
        if c.op in ("assign", "move"):
            told[c.article] = c.event
    assert told == pred1
    # Saved after six articles and loaded whole, the learner continues as one that never stopped.
    _, half, _ = learn(arts[:6], feats[:6])
    resumed = EventLearner.from_state(half.to_state(), DEFAULT)
    pred3, l3, _ = learn(arts[6:], feats[6:], resumed)
    assert {a.id: l3.event_of(a.id) for a in arts} == pred1


def test_no_chaining_along_a_drifting_series():
    """Each report is very like the one before and unlike those far back: single linkage
    would make one event of all forty; average linkage must not."""
    rng = np.random.default_rng(5)
    a, b = rng.standard_normal(384), rng.standard_normal(384)
    b -= b @ a / (a @ a) * a
    a, b = a / np.linalg.norm(a), b / np.linalg.norm(b)
    learner = EventLearner(DEFAULT)
    for k in range(40):
        t = (np.pi / 2) * k / 39
        v = (np.cos(t) * a + np.sin(t) * b).astype(np.float32)
        words = " ".join("".join(chr(97 + int(c)) for c in rng.integers(0, 26, 7)) for _ in range(12))
        art = article(f"s{k}", "en", "2027-01-10", words[:20], words)
        learner.learn_one(art, Features(article_id=art.id, embedding=v))
    sizes = sorted((ev.n for ev in learner.events.values()), reverse=True)
    assert sum(sizes) == 40
    assert len(sizes) >= 2 and sizes[0] <= 24, sizes  # single linkage: one event of 40


def test_a_duplicate_joins_its_original_and_stories_hold_every_event(embedder):
    arts, _ = articles(DAM_COLLAPSE, DAM_INQUIRY)
    copy = article("dam-copy", "en", "2027-05-02", arts[0].title, arts[0].text)
    copy.duplicate_of = "dam-en"
    arts.append(copy)
    pred, learner, changes = learn(arts, understand_batch(arts, embedder, DEFAULT))
    assert pred["dam-copy"] == pred["dam-en"]
    for event_id in set(pred.values()):
        story = learner.story_of_event(event_id)
        assert story and event_id in learner.stories[story]
    assert any(c.op == "story" for c in changes)


# --- stories (events inside stories) -------------------------------------------------------

def stories_of(learner, ids):
    return {i: learner.story_of_event(learner.event_of(i)) for i in ids}


def test_a_three_step_story_over_days_is_one_story_of_several_events(embedder):
    arts, _ = articles(MINE_STORY)
    pred, learner, _ = learn(arts, understand_batch(arts, embedder, DEFAULT))
    assert len(set(pred.values())) >= 2, pred  # explosion, rescue, charges: not one event
    assert len(set(stories_of(learner, pred).values())) == 1, (pred, stories_of(learner, pred))


def test_the_same_people_five_months_later_undated_first_do_not_join_the_story(embedder):
    arts, gold = articles(MINE_STORY, MINE_TRIAL)
    pred, learner, changes = learn(arts, understand_batch(arts, embedder, DEFAULT))
    st = stories_of(learner, pred)
    may = {st[i] for i in gold if gold[i] == "mine"}
    october = {st[i] for i in gold if gold[i] == "trial"}
    assert len(october) == 1 and not may & october, st
    # What the store is told matches: each event's last story change is its story.
    told = {c.event: c.story for c in changes if c.op == "story"}
    assert all(told[e] == learner.story_of_event(e) for e in set(pred.values())), told


def _unit(*xs):
    v = np.zeros(384, dtype=np.float32)
    v[: len(xs)] = xs
    return v / np.linalg.norm(v)


def _cosine_model(scale, cos_at_half, threshold=0.5):
    from tidings.cluster.pairs import FEATURES, PairModel

    w = np.zeros(len(FEATURES))
    w[FEATURES.index("cosine")] = scale
    return PairModel(weights=w, bias=-scale * cos_at_half, threshold=threshold, merge_threshold=threshold)


def _merging_stories(store=None):
    """X and Y (cosine 0.6) are two stories; Z (0.85 from each) joins X's. When Z has grown,
    X+Z as a whole agrees with Y. Each step's changes are applied to `store` if given."""
    from tidings.pipeline import apply_changes

    u, v, w = _unit(1, 0, 0), _unit(0.6, 0.8, 0), _unit(0.85, 0.425, 0.3113)
    learner = EventLearner(DEFAULT, event_model=_cosine_model(60, 0.95),
                           story_model=_cosine_model(20, 0.7))
    for name, vec in (("x1", u), ("x2", u), ("y1", v), ("y2", v), ("z1", w), ("z2", w)):
        art = article(name, "en", "2027-02-01", f"report {name}", f"report {name}")
        got = learner.learn_one(art, Features(article_id=art.id, embedding=vec))
        if store is not None:
            store.add_article(art)
            apply_changes(store, learner, got)
        yield name, learner, got


def test_two_stories_that_come_to_agree_merge_and_the_merge_survives_a_reload():
    """The two stories become one: Y's events are relabelled."""
    changes: list[Change] = []
    seen = []
    for name, learner, got in _merging_stories():
        changes.extend(got)
        seen.append(name)
        st = stories_of(learner, seen)
        if name == "z1":  # Z joined X's story; Y's is still apart
            assert st["z1"] == st["x1"] != st["y1"], st
    st = stories_of(learner, seen)
    assert len({learner.event_of(i) for i in seen}) == 3
    assert len(set(st.values())) == 1, st
    y_event = learner.event_of("y1")
    assert [c.story for c in changes if c.op == "story" and c.event == y_event][-1] == st["x1"]
    resumed = EventLearner.from_state(learner.to_state(), DEFAULT)
    assert stories_of(resumed, seen) == st
    assert {k: sorted(v) for k, v in resumed.stories.items()} == {k: sorted(v) for k, v in learner.stories.items()}


def test_a_story_merge_is_persisted_and_loads_back(any_store):
    from tidings.cluster.linkage import load_learner

    learner = list(_merging_stories(any_store))[-1][1]  # the learner after the last step
    ids = ["x1", "x2", "y1", "y2", "z1", "z2"]
    events = {learner.event_of(i) for i in ids}
    assert len(events) == 3 and {any_store.event_of(i) for i in ids} == events
    (story,) = {learner.story_of_event(e) for e in events}
    assert {any_store.story_of(e) for e in events} == {story}
    assert sorted(any_store.story_event_ids(story)) == sorted(events)
    assert stories_of(load_learner(any_store), ids) == dict.fromkeys(ids, story)
