"""A long-running monitor keeps in memory only the events of its last weeks of news: the
learner forgets older events (they stay in the store) and brings them back when a
late-dated article could reach them. Where nothing forgotten is reached, its choices are
those of a learner that forgets nothing."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from cluster_fixtures import article

from tidings.cluster.linkage import EventLearner
from tidings.config import DEFAULT
from tidings.records import Features, RawArticle

START = date(2025, 1, 1)
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "se", "di", "po", "be", "gu"]


def stream(n_topics: int = 30, per_topic: int = 4, seed: int = 3):
    """Invented happenings, each reported `per_topic` times over two days, a new one every
    few days for months: (article, features) in publication order."""
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n_topics):
        base = rng.standard_normal(384)
        base /= np.linalg.norm(base)
        name = "".join(rng.choice(SYLLABLES, 3)).capitalize()
        place = "".join(rng.choice(SYLLABLES, 2)).capitalize()
        words = " ".join("".join(rng.choice(SYLLABLES, 3)) for _ in range(10))
        day = START + timedelta(days=4 * k)
        for j in range(per_topic):
            v = base + 0.02 * rng.standard_normal(384)
            v = (v / np.linalg.norm(v)).astype(np.float32)
            when = (day + timedelta(days=j % 2)).isoformat()
            a = article(f"t{k:02d}-{j}", "en", when, f"{name} in {place}: report {j}",
                        f"{name} met officials in {place} on {when}. {words}.")
            out.append((a, Features(article_id=a.id, embedding=v)))
    return out


def run(pairs, keep_days: float | None, saved: dict | None = None):
    """Learn in order; with `keep_days`, forget events as the pipeline does between batches
    (every 4 articles) and bring back what an article can reach from `saved` (the store)."""
    learner = EventLearner(DEFAULT)
    saved = {} if saved is None else saved
    for i, (a, f) in enumerate(pairs):
        if keep_days and i % 4 == 0 and learner.newest_day is not None:
            for e, s in learner.to_state()["events"].items():
                saved[e] = s
            learner.evict(int(learner.newest_day - keep_days))
        if keep_days and learner.has_evicted():
            from tidings.cluster.pairs import article_time

            for e in learner.wanted(article_time(a, f)[0]):
                learner.restore(e, saved[e])
        learner.learn_one(a, f)
    for e, s in learner.to_state()["events"].items():
        saved[e] = s
    return learner


def events_of(learner, saved, pairs):
    """Each article's event, those forgotten included (read from their saved state)."""
    out = {a: e for e, s in saved.items() for a in s["members"]}
    out.update({a.id: learner.event_of(a.id) for a, _ in pairs if learner.event_of(a.id)})
    return {a.id: out[a.id] for a, _ in pairs}


def stories_of(learner, saved):
    out = {e: s["story"] for e, s in saved.items()}
    out.update({e: ev.story for e, ev in learner.events.items()})
    return out


def test_forgetting_old_events_changes_no_choice_and_bounds_what_is_held():
    pairs = stream()
    whole = run(pairs, None)
    saved: dict = {}
    lean = run(pairs, 45.0, saved)
    assert events_of(lean, saved, pairs) == {a.id: whole.event_of(a.id) for a, _ in pairs}
    assert {e: s for e, s in stories_of(lean, saved).items() if e in whole.events} == \
        {e: ev.story for e, ev in whole.events.items()}
    assert len(set(events_of(lean, saved, pairs).values())) >= 25  # the happenings kept apart
    # Held in memory: the events of about the last 45 days (a new one every 4 days), not 120 days.
    assert len(lean.events) <= 14 < len(whole.events)
    assert len(lean.article_event) <= 14 * 4 < len(whole.article_event)
    newest = lean.newest_day
    assert all(max(ev.days) >= newest - 45 - 8 for ev in lean.events.values())


def test_a_late_report_of_a_forgotten_event_joins_it():
    pairs = stream()
    late_of = pairs[1]  # the first happening, reported again months later, dated its day
    a, f = late_of
    late = article("late-0", "en", a.date, a.title + " (updated)", a.text + " Updated.")
    v = f.embedding + 0.01 * np.random.default_rng(9).standard_normal(384).astype(np.float32)
    late_pair = (late, Features(article_id=late.id, embedding=(v / np.linalg.norm(v)).astype(np.float32)))
    whole = run(pairs + [late_pair], None)
    saved: dict = {}
    lean = run(pairs + [late_pair], 45.0, saved)
    first_event = whole.event_of(pairs[0][0].id)
    assert whole.event_of("late-0") == first_event
    # Brought back from the store to take it: the same event, with the same members.
    assert lean.event_of("late-0") == first_event
    assert sorted(lean.events[first_event].members) == sorted(whole.events[first_event].members)
    assert events_of(lean, saved, pairs + [late_pair]) == \
        {x.id: whole.event_of(x.id) for x, _ in pairs + [late_pair]}


def test_undated_events_are_never_forgotten():
    pairs = stream(n_topics=20)
    a, f = pairs[0]
    undated = article("undated", "en", None, a.title, a.text)
    learner = EventLearner(DEFAULT)
    learner.learn_one(undated, Features(article_id="undated", embedding=f.embedding))
    for x, fx in pairs:
        learner.learn_one(x, fx)
    held = learner.event_of("undated")
    learner.evict(learner.newest_day - 10)
    assert learner.event_of("undated") == held and held in learner.events
    assert learner.has_evicted()


def raw_stream(n_topics: int = 24):
    """Invented happenings every 4 days, 3 reports each, as raw articles for the pipeline."""
    rng = np.random.default_rng(4)
    out = []
    for k in range(n_topics):
        name = "".join(rng.choice(SYLLABLES, 3)).capitalize()
        place = "".join(rng.choice(SYLLABLES, 3)).capitalize()
        words = " ".join("".join(rng.choice(SYLLABLES, 4)) for _ in range(30))
        day = START + timedelta(days=4 * k)
        for j in range(3):
            out.append(RawArticle(
                origin=f"mem/{k}-{j}", id=f"m{k:02d}-{j}", lang="en", source=f"outlet{j}.example",
                date=(day + timedelta(days=j % 2)).isoformat(),
                title=f"{name} opens the {place} bridge",
                text=f"{name} opened the {place} bridge on Monday, officials said. {words}. "
                     f"Report number {j} from outlet {j}."))
    return out


def test_the_pipeline_forgets_old_events_and_brings_them_back_from_the_store(any_store):
    from tidings.pipeline import Pipeline
    from tidings.understand.embed import HashingEmbedderForTests

    raws = raw_stream()
    pipe = Pipeline(any_store, DEFAULT, embedder=HashingEmbedderForTests(any_store, dim=384))
    pipe.keep_days = 45.0
    for i in range(0, len(raws), 6):
        pipe.run(raws[i : i + 6])
    events = {r.id: any_store.event_of(r.id) for r in raws}
    assert len(set(events.values())) == 24  # one event per happening
    assert all(events[f"m{k:02d}-0"] == events[f"m{k:02d}-2"] for k in range(24))
    learner = pipe.clusterer
    # Held: the events of the last 45 days (a happening every 4 days) and of the batch
    # being learnt (forgetting happens between batches), not the 96 days of the stream.
    assert any_store.count_events() == 24 and len(learner.events) <= 14
    assert all(max(ev.days) >= learner.newest_day - 45 - 8 for ev in learner.events.values())
    first = events["m00-0"]
    assert first not in learner.events and learner.is_evicted(first)
    stored = dict((e, s) for e, s, _ in any_store.event_states_of([first, "no-such-event"]))
    assert list(stored) == [first] and sorted(stored[first]["members"]) == ["m00-0", "m00-1", "m00-2"]

    # A late report dated on the first happening's day, and a re-post of its first report
    # months later (a duplicate: it joins its original's event wherever that is).
    late = RawArticle(origin="mem/late", id="late", lang="en", source="outlet9.example",
                      date=raws[0].date, title=raws[0].title,
                      text=raws[0].text.replace("Report number 0 from outlet 0", "A late report"))
    repost = RawArticle(origin="mem/repost", id="repost", lang="en", source="outlet8.example",
                        date=raws[-1].date, title=raws[0].title, text=raws[0].text)
    assert pipe.run([late]).ingested == 1
    assert any_store.event_of("late") == first
    # Brought back for it, forgotten again at the next batch: memory stays bounded.
    note = RawArticle(origin="mem/next", id="next", lang="en", date=raws[-1].date,
                      text="A short note on the weather, nothing like the rest of the news.")
    pipe.run([note])
    assert first not in pipe.clusterer.events and len(pipe.clusterer.events) <= 15
    assert pipe.run([repost]).ingested == 1
    assert any_store.event_of("repost") == first
    assert sorted(any_store.event_article_ids(first)) == ["late", "m00-0", "m00-1", "m00-2", "repost"]
    assert any_store.count_events() == 25  # the note's own, and nothing else new
    assert first in pipe.clusterer.events  # a member of this month now: it stays
