"""Briefs are built once per content version, one build at a time per event."""

import threading
import time

import pytest

from tidings.brief import build as B
from tidings.records import Article, Event


class FakeStore:
    def __init__(self, path):
        self.path = path
        self.event = Event(id="ev", title="t", article_ids=["a1", "a2"])
        self.briefs = {}

    def get_event(self, event_id):
        return self.event if event_id == "ev" else None

    def get_brief(self, event_id, lang):
        return self.briefs.get((event_id, lang))

    def put_brief(self, event_id, lang, body, n):
        self.briefs[(event_id, lang)] = (body, n)

    def get_articles(self, ids):
        return [Article(id=i, origin=i, title=i, text="", raw="", content_hash=i) for i in ids]

    def get_features(self, ids):
        return {}


@pytest.fixture
def counted(monkeypatch):
    calls = []

    def compose(articles, features, lang, config, embedder, event_id=None):
        calls.append([a.id for a in articles])
        time.sleep(0.3)
        return {"version": B.BRIEF_VERSION, "members": [a.id for a in articles]}

    monkeypatch.setattr(B, "compose", compose)
    return calls


def test_content_version_follows_members_not_their_count():
    assert B.content_version(["a", "b"]) == B.content_version(["b", "a"])
    assert B.content_version(["a", "b"]) != B.content_version(["a", "c"])


def test_concurrent_callers_share_one_build(counted, tmp_path):
    store = FakeStore(str(tmp_path / "one.db"))
    out = []
    threads = [threading.Thread(target=lambda: out.append(B.build_brief(store, "ev", embedder=object())))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(counted) == 1 and len(out) == 8
    assert all(b["members"] == ["a1", "a2"] for b in out)


def test_a_swapped_member_rebuilds_and_readers_get_the_stale_brief_meanwhile(counted, tmp_path):
    store = FakeStore(str(tmp_path / "two.db"))
    B.build_brief(store, "ev", embedder=object())
    # Same article count, other members: the stored brief is out of date.
    store.event = Event(id="ev", title="t", article_ids=["a1", "a3"])
    answers = [B.build_brief(store, "ev", embedder=object(), wait=False) for _ in range(5)]
    assert all(a.get("stale") and a["members"] == ["a1", "a2"] for a in answers)
    deadline = time.monotonic() + 5
    while len(counted) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.4)
    assert len(counted) == 2  # one rebuild for the five readers
    fresh = B.build_brief(store, "ev", embedder=object(), wait=False)
    assert fresh["members"] == ["a1", "a3"] and not fresh.get("stale")
    assert len(counted) == 2
