"""The brief hands its sentences to the model as soon as it knows them (build.Vectors.start)
and goes on with its own work meanwhile: the brief must be the one a build that embeds
everything at once, and waits, gives; every text embedded once and cached."""

from collections import defaultdict

import numpy as np
import pytest

from tidings.brief.build import Vectors, compose
from tidings.config import DEFAULT
from tidings.store import SQLiteStore
from tidings.understand.embed import Embedder, HashingEmbedderForTests


class OneCallAtATime:
    """An embedder with `embed` only, as a build without the background thread sees it."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner

    def embed(self, texts):
        return self.inner.embed(texts)


def test_started_texts_are_embedded_once_and_cached(tmp_path):
    store = SQLiteStore(tmp_path / "v.db")
    emb = HashingEmbedderForTests(store)
    vectors = Vectors(emb, DEFAULT)
    vectors.start(["The dam burst on Tuesday.", "Rescue teams used boats."])
    vectors.start(["The dam burst on Tuesday."])  # already on its way: not sent again
    assert emb.calls == 0  # nothing waited for yet
    vectors.need(["Rescue teams used boats.", "Officials said the cause was unknown."])
    assert emb.calls == 3
    want = HashingEmbedderForTests().embed(["The dam burst on Tuesday."])[0]
    assert np.allclose(vectors("The dam burst on Tuesday."), want)
    # Every vector went to the store's cache: a new embedder finds them all there.
    again = HashingEmbedderForTests(store)
    again.embed(["The dam burst on Tuesday.", "Rescue teams used boats.",
                 "Officials said the cause was unknown."])
    assert again.calls == 0


def test_an_embedder_without_a_background_thread_still_serves(tmp_path):
    vectors = Vectors(OneCallAtATime(HashingEmbedderForTests()), DEFAULT)
    vectors.start(["A first sentence here."])
    vectors.need(["A second sentence here."])
    assert vectors.get("A first sentence here.") is not None
    assert vectors.get("A second sentence here.") is not None


@pytest.fixture(scope="module")
def demo_events(tmp_path_factory):
    from tidings.demo import CORPUS, gold_for
    from tidings.pipeline import ingest

    store = SQLiteStore(tmp_path_factory.mktemp("overlap") / "demo.db")
    ingest([str(CORPUS)], store)
    members = defaultdict(list)
    for aid, slug in gold_for(store.articles()).items():
        members[slug].append(aid)
    return store, members


def test_overlapped_embedding_gives_the_brief_of_one_call(demo_events):
    store, members = demo_events
    model = Embedder().model
    assert len(members) >= 5
    for slug, ids in sorted(members.items()):
        articles, features = store.get_articles(ids), store.get_features(ids)
        overlapped = Embedder(model=model)
        b1 = compose(articles, features, "en", DEFAULT, overlapped, event_id=slug)
        b2 = compose(articles, features, "en", DEFAULT, OneCallAtATime(Embedder(model=model)),
                     event_id=slug)
        s1, s2 = b1.pop("stats"), b2.pop("stats")
        assert b1 == b2, slug
        assert s1["texts"] == s2["texts"], slug
        # Nothing embedded twice: the model saw no more texts than the brief wanted (the
        # early summary candidates are the final ones on these events).
        assert overlapped.calls == sum(s1["texts"].values()), slug
