"""The embedder: the real model's cross-lingual behaviour and the content cache."""

import numpy as np

from tidings.config import Config
from tidings.records import Article
from tidings.store import SQLiteStore
from tidings.understand.embed import Embedder, HashingEmbedderForTests, text_for


def test_real_model_vectors_are_normalised_and_cross_lingual():
    e = Embedder()
    v = e.embed([
        "Earthquake of magnitude 6 strikes off Crete",
        "Erdbeben der Stärke 6 vor Kreta",
        "क्रीट के पास 6 तीव्रता का भूकंप",
        "Greek parliament approves the budget",
    ])
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 3] and sims[0, 2] > sims[0, 3]


def test_cache_by_content_in_the_store(tmp_path):
    store = SQLiteStore(tmp_path / "c.db")
    e = Embedder(store)
    first = e.embed(["one headline", "another headline", "one headline"])
    assert e.calls == 2  # the repeat is embedded once
    again = Embedder(store)  # a new process: vectors come from the store, not the model
    second = again.embed(["another headline", "one headline"])
    assert again.calls == 0
    assert np.allclose(second[1], first[0]) and np.allclose(second[0], first[1])


def test_text_for_is_title_and_lead_cut_to_embed_words():
    a = Article(id="a", origin="t", title="Big news today", text="Big news today\n" + "word " * 500,
                raw="", content_hash="a")
    t = text_for(a, Config(embed_words=10))
    assert t.startswith("Big news today") and len(t.split()) == 10


def test_text_for_is_bounded_in_characters_too():
    # Base64 or minified script is one "word" of any length; the model pays per token.
    blob = "QUJD" * 50_000
    a = Article(id="b", origin="t", title="Leaked file", text=f"Leaked file\n{blob} rest of text",
                raw="", content_hash="b")
    t = text_for(a, Config(embed_words=32, embed_max_chars=600))
    assert t.startswith("Leaked file") and len(t) == 600


def test_hashing_stand_in_is_for_tests_only_and_deterministic():
    e = HashingEmbedderForTests()
    a, b = e.embed(["same text", "same text"])
    assert np.allclose(a, b) and e.dim == 256


def _lead(title: str, body: str, config: Config) -> str:
    return text_for(Article(id="x", origin="t", title=title, text=f"{title}\n{body}", raw="",
                            content_hash="x"), config)


def test_text_without_spaces_is_cut_by_characters_per_word():
    # Chinese has no spaces: the whole lead is one "word", so 32 words used to mean 600
    # characters (about 350 model tokens against 60 for a spaced language).
    body = "记者从有关部门获悉，这座城市今天上午发生了一场大火，消防人员赶到现场后迅速展开救援。" * 20
    config = Config(embed_words=32, embed_han_chars_per_word=2.5)
    t = _lead("城市发生大火", body, config)
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in t)
    assert t.startswith("城市发生大火") and 75 <= han <= 80  # 32 words x 2.5 characters
    assert len(_lead("城市发生大火", body, Config(embed_words=32, embed_han_chars_per_word=0))) == 600
    # Thai has spaces between phrases only: each 5.5 characters count as a word.
    thai = "วันนี้ฝนตกหนักในกรุงเทพมหานครทำให้ถนนหลายสายมีน้ำท่วมขังและการจราจรติดขัดอย่างมาก " * 20
    t = _lead("ฝนตกหนัก", thai, Config(embed_words=32, embed_sea_chars_per_word=5.5))
    assert 150 <= len(t.replace(" ", "").replace("\n", "")) <= 185


def test_spaced_text_and_mixed_runs_count_as_before():
    config = Config(embed_words=6, embed_han_chars_per_word=2.5)
    assert _lead("Fire in the city", "one two three four", config).split() == \
        ["Fire", "in", "the", "city", "one", "two"]
    # Latin letters and digits inside a Han run cost nothing extra; the run costs its Han.
    t = _lead("2025年5月8日", "新华社电 消息 更多 更多 更多 更多 更多", config)
    assert t.split()[0] == "2025年5月8日" and len(t.split()) <= 6


def test_the_model_runs_while_the_caller_works_and_gives_the_same_vectors():
    import threading

    from tidings.understand import understand_batch

    caller_worked = threading.Event()
    threads: list[str] = []

    class SlowModel(HashingEmbedderForTests):
        def passage(self, texts):
            threads.append(threading.current_thread().name)
            # Returns only once the caller has done its own work: with the model run in
            # the caller's thread this would wait forever (bounded here to fail, not hang).
            assert caller_worked.wait(timeout=10), "the model ran before the caller could work"
            return super().passage(texts)

    e = SlowModel()
    texts = ["Flood warnings across Bavaria", "Hochwasser in Bayern", "Flood warnings across Bavaria"]
    wait = e.embed_later(texts)
    caller_worked.set()
    got = wait()
    assert threads and threading.current_thread().name not in threads
    assert e.calls == 2
    assert np.array_equal(got, HashingEmbedderForTests().embed(texts))

    class EmbedOnly:  # an embedder with `embed` alone is still served, after the names
        def __init__(self):
            self.inner = HashingEmbedderForTests()

        def embed(self, texts):
            return self.inner.embed(texts)

    arts = [Article(id=f"a{i}", origin="t", title=t, text=t + ". Officials in Munich said so.", raw=t,
                    content_hash=str(i), lang="en") for i, t in enumerate(texts[:2])]
    one = understand_batch(arts, HashingEmbedderForTests())
    two = understand_batch(arts, EmbedOnly())
    assert all(np.array_equal(a.embedding, b.embedding) and a.names == b.names for a, b in zip(one, two))
