"""Exact and near duplicates: syndicated copies are linked to the first copy, never dropped.

Exact: equal content hash of the cleaned text (so copies that differed only in furniture
are exact). Near: MinHash over word shingles, 20 bands of 5 rows: two texts sharing a
band are candidates (a pair with Jaccard 0.8 shares one with probability > 0.999, a pair
at 0.3 with about 0.05). Candidates sharing at least two bands, most-shared first, are
confirmed by recomputing the true Jaccard similarity of the shingle sets from the stored
text; the oldest confirmed one is the first copy.
"""

from __future__ import annotations

import hashlib
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from tidings.config import DEFAULT, Config
from tidings.records import Article

if TYPE_CHECKING:
    from tidings.store import Store

BANDS = 20
ROWS = 5
_MAX_CANDIDATES = 20
# A pair at Jaccard 0.8 shares at most one band with probability 0.004 (0.9: 1e-6), while
# pairs sharing just one band are nearly all unrelated: checking them costs more than it finds.
_MIN_SHARED = 2
_PUNCT = ".,;:!?\"'()[]{}<>“”„«»‘’‚—–-…।॥|/\\*#"


def _constants() -> tuple[np.ndarray, np.ndarray]:
    # Fixed, derived from a string, so bands stay comparable across runs and machines.
    raw = hashlib.shake_256(b"tidings minhash v1").digest(8 * BANDS * ROWS)
    words = np.frombuffer(raw, dtype=np.uint32).reshape(2, BANDS * ROWS)
    return words[0].copy(), words[1] | np.uint32(1)


_XOR, _MUL = _constants()


def tokens(text: str) -> list[str]:
    """Lower-cased words without surrounding punctuation (any script)."""
    out = []
    for w in text.casefold().split():
        w = w.strip(_PUNCT)
        if w:
            out.append(w)
    return out


@lru_cache(maxsize=512)
def shingle_ids(text: str, k: int = 3) -> frozenset[int]:
    """CRC32 ids of the k-word shingles of `text` (the whole text when shorter than k)."""
    words = tokens(text)
    if not words:
        return frozenset()
    if len(words) < k:
        return frozenset([zlib.crc32(" ".join(words).encode())])
    return frozenset(
        zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1)
    )


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def bands(text: str, config: Config = DEFAULT) -> list[str]:
    """The MinHash band keys of `text` (store.add_dup_bands); [] for a text without words."""
    return list(_bands(text, config.shingle_words))


@lru_cache(maxsize=256)  # find_duplicate and then add_dup_bands ask for the same text
def _bands(text: str, k: int) -> tuple[str, ...]:
    ids = shingle_ids(text, k)
    if not ids:
        return ()
    x = np.fromiter(ids, dtype=np.uint32, count=len(ids))
    # One hash function per row: xor, multiply by an odd constant (wrapping in 32 bits,
    # which is the point), xorshift to mix the high bits down.
    h = np.bitwise_xor.outer(_XOR, x)
    h *= _MUL[:, None]
    h ^= h >> np.uint32(16)
    signature = h.min(axis=1)
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(signature[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8)
        out.append(f"{b:02d}{digest.hexdigest()}")
    return tuple(out)


def find_duplicate(article: Article, store: Store, config: Config = DEFAULT) -> str | None:
    """Id of the first stored copy of `article` (exact or near), or None.

    Call before storing the article; store its bands afterwards with
    `store.add_dup_bands(article.id, bands(article.text, config))`.
    """
    if not article.text.strip():
        return None
    same = store.article_by_hash(article.content_hash)
    if same and same != article.id:
        return _original(store, same)
    keys = bands(article.text, config)
    ranked = store.dup_candidates_ranked(keys, _MAX_CANDIDATES)
    candidates = [c for c, shared in ranked if c != article.id and shared >= _MIN_SHARED]
    if not candidates:
        return None
    mine = shingle_ids(article.text, config.shingle_words)
    for other in store.get_articles(candidates):  # oldest first: the first copy wins
        if jaccard(mine, shingle_ids(other.text, config.shingle_words)) >= config.near_duplicate_threshold:
            return other.duplicate_of or other.id
    return None


def _original(store: Store, article_id: str) -> str:
    first = store.get_article(article_id)
    return (first.duplicate_of if first and first.duplicate_of else None) or article_id
