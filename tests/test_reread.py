"""`tidings reread`: stored articles read again by today's readers (names, figures, dates),
their vectors and events kept, the briefs built on the old readings rebuilt."""

import dataclasses
import shutil
import subprocess

from conftest import command_env, tidings_command

from tidings.brief import build_brief
from tidings.pipeline import Pipeline, reread
from tidings.records import Mention, RawArticle
from tidings.store import SQLiteStore
from tidings.understand.embed import HashingEmbedderForTests

ARTICLES = [
    RawArticle(id="kyiv-1", origin="kyiv-1.txt", text=(
        "Zelensky rejects Moscow invitation\n\n"
        "KYIV, 19 March 2026 - Ukrainian President Volodymyr Zelensky on Thursday rejected an "
        "invitation to meet Vladimir Putin in Moscow, saying 12 drones had struck Kharkiv overnight. "
        "Foreign Minister Andrii Sybiha proposed Istanbul or Geneva instead.")),
    RawArticle(id="kyiv-2", origin="kyiv-2.txt", text=(
        "Kyiv says no to talks in Moscow\n\n"
        "Volodymyr Zelensky turned down the Kremlin's offer of a meeting in Moscow on Thursday, "
        "19 March 2026. Andrii Sybiha said talks could take place in Istanbul.")),
    RawArticle(id="dam-1", origin="dam-1.txt", text=(
        "Dam bursts on the Lerna river\n\n"
        "A dam on the Lerna river burst near Valdora on 2 April 2026, killing 14 people. "
        "Interior Minister Elena Marsh said 3,000 residents had left their homes.")),
]


def _ingested(tmp_path):
    store = SQLiteStore(tmp_path / "t.db")
    embedder = HashingEmbedderForTests(store, dim=384)
    Pipeline(store, embedder=embedder).run(ARTICLES)
    return store, embedder


def test_reread_replaces_old_readings_keeps_vectors_and_events_and_drops_their_briefs_old_readings_faked(tmp_path):
    store, embedder = _ingested(tmp_path)
    ids = [a.id for a in ARTICLES]
    fresh = store.get_features(ids)
    events = {aid: store.event_of(aid) for aid in ids}
    assert events["kyiv-1"] != events["dam-1"]
    for aid in ids:
        build_brief(store, events[aid], "en", embedder=embedder)
    # What an older reader left in the store (faked: a stem for a name, no figures, no date).
    stale = dataclasses.replace(fresh["kyiv-1"], names=[Mention(surface="Ucrain", key="ucrain", kind="person")],
                                figures=[], dates_mentioned=[], event_time=None)
    store.put_features(stale)

    report = reread(store)

    assert (report.articles, report.changed, report.events) == (3, 1, 1)
    now = store.get_features(ids)
    assert now["kyiv-1"].names == fresh["kyiv-1"].names and "ucrain" not in {m.key for m in now["kyiv-1"].names}
    assert now["kyiv-1"].figures == fresh["kyiv-1"].figures and now["kyiv-1"].event_time == fresh["kyiv-1"].event_time
    assert (now["kyiv-1"].embedding == fresh["kyiv-1"].embedding).all()
    assert {aid: store.event_of(aid) for aid in ids} == events
    assert store.get_brief(events["kyiv-1"], "en") is None  # rebuilt when next asked for
    assert store.get_brief(events["dam-1"], "en") is not None
    # Read again, nothing is new.
    assert reread(store).changed == 0


def test_reread_of_one_event_reads_only_its_articles(tmp_path):
    store, _ = _ingested(tmp_path)
    report = reread(store, event_id=store.event_of("dam-1"))
    assert (report.articles, report.changed) == (1, 0)


def test_reread_command_says_what_it_did_and_refuses_an_unknown_event(tmp_path):
    store, _ = _ingested(tmp_path)
    store.close()
    db = tmp_path / "copy.db"
    shutil.copy(tmp_path / "t.db", db)
    done = subprocess.run([*tidings_command(), "reread", "--db", str(db)], capture_output=True, text=True,
                          env=command_env(), timeout=300)
    assert done.returncode == 0, done.stderr
    assert "read 3 articles again, 0 with new readings" in done.stderr
    bad = subprocess.run([*tidings_command(), "reread", "--event", "no-such-event", "--db", str(db)],
                         capture_output=True, text=True, env=command_env(), timeout=300)
    assert bad.returncode == 2 and "no event 'no-such-event'" in bad.stderr and "tidings events" in bad.stderr
