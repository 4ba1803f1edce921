"""The candidate index: its day blocks (cached as row arrays) stay right as events move,
merge away and come back, and its answers are those of a plain scan over id sets."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np

from tidings.cluster.index import MAX_INDEXED_DAYS, RECENT, CandidateIndex

D0 = date(2026, 3, 1)


def _unit(rng: np.random.Generator) -> np.ndarray:
    v = rng.standard_normal(384).astype(np.float32)
    return v / np.linalg.norm(v)


def test_a_day_block_follows_an_event_that_moves_or_goes():
    idx = CandidateIndex()
    v = _unit(np.random.default_rng(0))
    idx.put("ev-a", v, D0, D0, ["kyiv"])
    assert [e for e, _ in idx.candidates(v, D0, 2, [], 5)] == ["ev-a"]  # day block built
    idx.put("ev-a", v, D0 + timedelta(days=40), D0 + timedelta(days=41), ["kyiv"])
    assert idx.candidates(v, D0, 2, [], 5) == []
    assert [e for e, _ in idx.candidates(v, D0 + timedelta(days=41), 2, [], 5)] == ["ev-a"]
    idx.remove("ev-a")
    assert idx.candidates(v, D0 + timedelta(days=41), 2, [], 5) == []
    idx.put("ev-b", v, D0 + timedelta(days=41), None, ["lviv"])  # takes the freed row
    assert [e for e, _ in idx.candidates(v, D0 + timedelta(days=41), 2, ["kyiv"], 5)] == ["ev-b"]


def _reference(idx: CandidateIndex, spans: dict[str, tuple[int, int] | None], undated: list[str],
               names: dict[str, list[str]], vector: np.ndarray, t: date, window: int,
               keys: list[str], top_k: int) -> list[tuple[str, float]]:
    """A plain scan: every live event whose indexed days meet the window, or undated."""
    base = t.toordinal()
    block = {e for e, s in spans.items() if s is not None and s[0] <= base + window and s[1] >= base - window}
    block |= set(undated[-RECENT:])
    by_row = sorted(block, key=lambda e: idx._rows[e])
    rows = [idx._rows[e] for e in by_row]
    sims = dict(zip(by_row, (idx._matrix[rows] @ vector).tolist())) if rows else {}
    order = sorted(range(len(rows)), key=lambda i: -sims[by_row[i]])  # stable on rows
    keep = [(by_row[i], sims[by_row[i]]) for i in order[:top_k]]
    if len(rows) > top_k and keys:
        chosen = {e for e, _ in keep}
        named = {e for e in block if set(names[e]) & set(keys)} - chosen
        extra = sorted(((e, sims[e]) for e in named), key=lambda x: (-x[1], x[0]))
        keep.extend(extra[: max(2, top_k // 3)])
    return keep


def test_candidates_are_those_of_a_plain_scan_through_changes():
    rng, r = np.random.default_rng(7), random.Random(7)
    idx = CandidateIndex()
    vectors: dict[str, np.ndarray] = {}
    spans: dict[str, tuple[int, int] | None] = {}
    names: dict[str, list[str]] = {}
    undated: list[str] = []
    vocab = [f"name{i}" for i in range(30)]
    for step in range(900):
        op = r.random()
        if op < 0.6 or not spans:  # a new event, sometimes undated
            e = f"ev-{step:04d}"
            vectors[e] = _unit(rng)
            names[e] = r.sample(vocab, 3)
            if r.random() < 0.05:
                tmin = tmax = None
            else:
                tmin = D0 + timedelta(days=r.randrange(90))
                tmax = tmin + timedelta(days=r.choice((0, 0, 1, 3, 70)))
        else:
            e = r.choice(sorted(spans))
            if op < 0.85:  # it grows: a later member, a new centroid
                vectors[e] = _unit(rng)
                s = spans[e]
                tmin = D0 if s is None else date.fromordinal(s[0])
                tmax = tmin + timedelta(days=r.randrange(1, 20))
            else:  # merged away
                idx.remove(e)
                del spans[e]
                if e in undated:
                    undated.remove(e)
                continue
        idx.put(e, vectors[e], tmin, tmax, names[e])
        if tmin is None:
            spans[e] = None
            if e in undated:
                undated.remove(e)
            undated.append(e)
        else:
            a, b = tmin.toordinal(), tmax.toordinal()
            spans[e] = (max(a, b - MAX_INDEXED_DAYS), b)
            if e in undated:
                undated.remove(e)
        if step % 30 == 29:
            q, t = _unit(rng), D0 + timedelta(days=r.randrange(-5, 100))
            keys = r.sample(vocab, 2)
            for window in (4, 30):
                got = idx.candidates(q, t, window, keys, 6)
                assert got == _reference(idx, spans, undated, names, q, t, window, keys, 6)
