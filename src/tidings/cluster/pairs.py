"""Fitted pair similarity: how likely two articles report the same happening.

Each article becomes an `Item` (what the clusterer keeps of a member: its vector, names
with cross-script keys, distinctive figures, reported day or month, outlet, language and
content words). A pair of items gives a short vector of evidence (`pair_features`); a
logistic model fitted on labelled pairs (`tidings.cluster.fit`, shipped as weights.json)
turns it into a probability, and every part of the sum can be shown (`explain`).

Rarity weights (idf) of names and words come from the documents seen so far, counted by
the caller: Putin is in every war story, Ushakov is news; "the" is in every article.
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

import numpy as np

from tidings.records import Article, Features

WEIGHTS = Path(__file__).resolve().parent / "weights.json"
MAX_WORDS = 80  # distinct content words kept per article (from its title and opening)
MAX_NAMES = 12
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
WEAK_DATE_SOURCES = {"text", "guess"}

FEATURES = [
    "cosine", "cosine_cross_lang", "names", "no_names", "figures", "words",
    "gap_known", "gap_days", "gap_far", "gap_week", "month_conflict", "same_outlet", "same_lang",
]


@dataclass
class Item:
    """What is compared of one article (pure data: saved with the clusterer's state)."""

    id: str
    vector: np.ndarray | None = None
    names: dict[str, float] = field(default_factory=dict)  # key -> centrality 0..1
    figures: frozenset = frozenset()
    day: int | None = None  # ordinal of the reported day, when known with confidence
    month: int | None = None  # year*12+month when only the month is known (or the day's)
    outlet: str = ""
    lang: str = ""
    words: tuple[str, ...] = ()
    title: str = ""

    def to_state(self) -> dict[str, Any]:
        return {
            "id": self.id,
            # float16 in base64: 1 KB a member instead of 7 KB of JSON numbers; cosines
            # move by less than 1e-3.
            "vector": None if self.vector is None else base64.b64encode(
                np.asarray(self.vector, dtype=np.float16).tobytes()).decode("ascii"),
            "names": self.names, "figures": sorted([list(f) for f in self.figures]),
            "day": self.day, "month": self.month, "outlet": self.outlet, "lang": self.lang,
            "words": list(self.words), "title": self.title,
        }

    @classmethod
    def from_state(cls, s: Mapping[str, Any]) -> "Item":
        vec = s.get("vector")
        return cls(
            id=s["id"], vector=None if vec is None else _vector(vec),
            names=dict(s.get("names", {})), figures=frozenset((float(v), u) for v, u in s.get("figures", [])),
            day=s.get("day"), month=s.get("month"), outlet=s.get("outlet", ""), lang=s.get("lang", ""),
            words=tuple(s.get("words", ())), title=s.get("title", ""),
        )


def _vector(v: Any) -> np.ndarray:
    if isinstance(v, str):
        return np.frombuffer(base64.b64decode(v), dtype=np.float16).astype(np.float32)
    return np.asarray(v, dtype=np.float32)


def _outlet(article: Article) -> str:
    if article.source:
        return article.source.lower()
    if article.url:
        host = urlsplit(article.url).netloc.lower()
        return host[4:] if host.startswith("www.") else host
    return ""


def content_words(text: str, limit: int = MAX_WORDS) -> tuple[str, ...]:
    """Distinct lower-cased words of 3+ letters in order, and character pairs of
    Chinese/Japanese/Korean runs (no spaces to split on); the first `limit`."""
    out: dict[str, None] = {}
    for m in _WORD.finditer(text.lower()):
        w = m.group()
        if _CJK.fullmatch(w):
            for i in range(len(w) - 1):
                out[w[i : i + 2]] = None
        else:
            out[w] = None
        if len(out) >= limit:
            break
    return tuple(list(out)[:limit])


def article_time(article: Article, features: Features) -> tuple[int | None, int | None]:
    """(day ordinal, month index) of the reported happening. A day only when it is evidence:
    a date found somewhere in the body may be a recalled one. A month-only date ("YYYY-MM")
    is a constraint: published that month."""
    from tidings.understand.dates import parse_iso

    day = None
    strong = article.date is not None and article.date_source not in WEAK_DATE_SOURCES
    if strong:
        t = parse_iso(features.event_time) or parse_iso(article.date)
        if t is not None:
            day = t.toordinal()
    month = None
    if day is not None:
        d = date.fromordinal(day)
        month = d.year * 12 + d.month - 1
    elif article.date and strong:
        m = _MONTH.match(article.date) or _DAY.match(article.date)
        if m:
            month = int(m.group(1)) * 12 + int(m.group(2)) - 1
    return day, month


def distinctive_figures(figs) -> set[tuple[float, str]]:
    """Numbers worth matching: not tiny counts (2 people, 3 days), which any story has."""
    out = set()
    for f in figs:
        v = float(f.value)
        if v <= 0 or (v < 10 and f.unit != "%") or (f.unit == "%" and v in (50.0, 100.0)):
            continue
        out.add((round(v, 3), f.unit))
    return out


def make_item(article: Article, features: Features, words_chars: int = 1500) -> Item:
    # The clusterer's evidence is the key: mentions the name reader keeps apart under one key
    # (a person and a place both "frns") count together, as one name, not as two where the
    # second overwrote the first and took a second place among the MAX_NAMES.
    counts: Counter[str] = Counter()
    for m in features.names:
        counts[m.key] += m.count
    names: dict[str, float] = {}
    for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NAMES]:
        names[key] = min(1.0, 0.4 + 0.3 * count)
    day, month = article_time(article, features)
    # Rounded as the saved state keeps it, so a learner loaded from its state decides
    # exactly as the one that never stopped.
    vec = None if features.embedding is None else \
        np.asarray(features.embedding, dtype=np.float16).astype(np.float32)
    title = (article.title or "").strip()
    body = (article.text or "")[:words_chars]
    return Item(
        id=article.id, vector=vec, names=names, figures=frozenset(distinctive_figures(features.figures)),
        day=day, month=month, outlet=_outlet(article), lang=article.lang or "",
        words=content_words(f"{title}\n{body}"), title=title[:300],
    )


class Weighing:
    """Rarity weights from document counts, with each item's weighted norms memoised (one
    scoring round compares the same items many times)."""

    def __init__(self, name_df: Mapping[str, int], word_df: Mapping[str, int], n_docs: int) -> None:
        self.name_idf = idf_function(name_df, n_docs)
        self.word_idf = idf_function(word_df, n_docs)
        # Keyed by article id, not object id: the story level compares copies of members
        # (with their event's time), and a freed object's id may be reused by another.
        self._norms: dict[str, tuple[float, float, frozenset]] = {}

    def norms(self, it: Item) -> tuple[float, float, frozenset]:
        key = it.id
        got = self._norms.get(key)
        if got is None:
            ni, wi = self.name_idf, self.word_idf
            nn = math.sqrt(sum((v * ni(k)) ** 2 for k, v in it.names.items()))
            wn = math.sqrt(sum([wi(w) ** 2 for w in it.words]))
            got = self._norms[key] = (nn, wn, frozenset(it.words))
        return got


def pair_features(a: Item, b: Item, cos: float | None, weigh: Weighing) -> np.ndarray:
    return np.array(pair_row(a, b, cos, weigh), dtype=np.float64)


def pair_row(a: Item, b: Item, cos: float | None, weigh: Weighing) -> list[float]:
    """The evidence of one pair, in the order of FEATURES. `cos` is the vectors' cosine
    (given by the caller, who computes many at once); None when a side has no vector."""
    c = 0.0 if cos is None else cos
    cross = a.lang != b.lang
    na, wa, sa = weigh.norms(a)
    nb, wb, sb = weigh.norms(b)
    names = 0.0
    if na and nb:
        shared = [k for k in a.names if k in b.names]
        if shared:
            ni = weigh.name_idf
            names = sum(a.names[k] * b.names[k] * ni(k) ** 2 for k in shared) / (na * nb)
    words = 0.0
    if wa and wb:
        common = sa & sb
        if common:
            wi = weigh.word_idf
            words = sum([wi(w) ** 2 for w in common]) / (wa * wb)
    figs = min(3, len(a.figures & b.figures)) / 3.0 if a.figures and b.figures else 0.0
    if a.day is not None and b.day is not None:
        gap = abs(a.day - b.day)
        # log days: a day apart matters, and so do two years apart (a wide range)
        gap_known, gap_days, far, week = 1.0, math.log1p(gap), float(gap > 3), float(gap >= 7)
    else:
        gap_known = gap_days = far = week = 0.0
    # Only where a side has no day: otherwise the gap says it all.
    month_conflict = float(not gap_known and a.month is not None and b.month is not None
                           and a.month != b.month)
    return [
        c, c if cross else 0.0, names, float(not a.names or not b.names), figs, words,
        gap_known, gap_days, far, week, month_conflict,
        float(bool(a.outlet) and a.outlet == b.outlet), float(not cross and bool(a.lang)),
    ]



def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function, clipped so that no log-odds overflows."""
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

@dataclass
class PairModel:
    """A logistic model over pair features: p = sigmoid(bias + w . x)."""

    weights: np.ndarray
    bias: float
    threshold: float = 0.5  # clustering: join when the average member probability reaches it
    merge_threshold: float = 0.5
    names: tuple[str, ...] = tuple(FEATURES)
    meta: dict[str, Any] = field(default_factory=dict)

    def logit(self, x: np.ndarray) -> np.ndarray:
        return x @ self.weights + self.bias

    def prob(self, x: np.ndarray) -> np.ndarray:
        return sigmoid(self.logit(x))

    def explain(self, x: np.ndarray) -> list[dict[str, Any]]:
        """Each piece of evidence: its value, fitted weight and contribution to the logit."""
        return [{"evidence": n, "value": round(float(v), 4), "weight": round(float(w), 4),
                 "contribution": round(float(v * w), 4)}
                for n, v, w in zip(self.names, x, self.weights)]

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(self.names), "weights": [round(float(w), 6) for w in self.weights],
                "bias": round(self.bias, 6), "threshold": self.threshold,
                "merge_threshold": self.merge_threshold, "meta": self.meta}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "PairModel":
        names = tuple(d["features"])
        if names != tuple(FEATURES):
            raise ValueError(f"weights were fitted for features {names}, this code has {FEATURES}: run `make fit`")
        return cls(weights=np.asarray(d["weights"], dtype=np.float64), bias=float(d["bias"]),
                   threshold=float(d.get("threshold", 0.5)),
                   merge_threshold=float(d.get("merge_threshold", d.get("threshold", 0.5))),
                   names=names, meta=dict(d.get("meta", {})))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float | np.ndarray = 1.0, iters: int = 50,
                 sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (numpy only). Returns
    (weights, bias); the bias is not regularised. `l2` is one strength for every
    feature, or one per feature."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    sw = np.ones(n) if sample_weight is None else sample_weight
    w = np.zeros(d + 1)
    reg = np.append(np.broadcast_to(np.asarray(l2, dtype=np.float64), (d,)), 0.0)
    for _ in range(iters):
        p = sigmoid(xb @ w)
        g = xb.T @ (sw * (p - y)) + reg * w
        h = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(h, g)
        w -= step
        if float(np.max(np.abs(step))) < 1e-7:
            break
    return w[:-1], float(w[-1])


@lru_cache(maxsize=4)
def _load(path: str, key: str) -> PairModel:
    with open(path, encoding="utf-8") as f:
        return PairModel.from_dict(json.load(f)[key])


def shipped_model(level: str = "event", path: Path | None = None) -> PairModel:
    """The fitted model shipped in the package: level "event" or "story"."""
    return _load(str(path or WEIGHTS), level)


def idf_function(df: Mapping[str, int], n_docs: int) -> Callable[[str], float]:
    n = max(1, n_docs)
    memo: dict[str, float] = {}

    def idf(key: str) -> float:
        w = memo.get(key)
        if w is None:
            w = memo[key] = math.log(1.0 + n / (1.0 + df.get(key, 0)))
        return w

    return idf


PLAIN = {
    "cosine": "meaning of title and opening (embedding cosine)",
    "cosine_cross_lang": "the same cosine, across two languages (their cosines run lower)",
    "names": "names both mention, weighted by rarity",
    "no_names": "a side names no one",
    "figures": "distinctive figures both give",
    "words": "words both use, weighted by rarity",
    "gap_known": "both reported days are known",
    "gap_days": "days between the reported happenings (log)",
    "gap_far": "more than 3 days apart",
    "gap_week": "a week or more apart",
    "month_conflict": "published in different months (a side has only a month)",
    "same_outlet": "same outlet",
    "same_lang": "same language",
}


def explain_items(a: Item, b: Item, model: PairModel, weigh: Weighing) -> dict[str, Any]:
    """The fitted probability that two items report one happening, each piece of
    evidence with its weight and contribution, and what decided, in plain words."""
    cos = None if a.vector is None or b.vector is None else float(a.vector @ b.vector)
    x = pair_features(a, b, cos, weigh)
    p = float(model.prob(x))
    parts = [e for e in model.explain(x) if e["value"]]
    for e in parts:
        e["means"] = PLAIN.get(e["evidence"], e["evidence"])
    logit = float(model.logit(x))
    ranked = sorted(parts, key=lambda e: -abs(e["contribution"]))
    verdict = "the same happening" if p >= model.threshold else "different happenings"
    push = [e for e in ranked if (e["contribution"] > 0) == (p >= model.threshold)][:2]
    against = [e for e in ranked if (e["contribution"] > 0) != (p >= model.threshold)][:2]
    words = (f"{verdict}: probability {p:.2f} against the joining threshold {model.threshold:.2f} "
             f"(log-odds {logit:+.1f} = bias {model.bias:+.1f} + the evidence below).")
    if push:
        words += " Decided mostly by " + "; ".join(
            f"{e['means']} ({e['value']:g} x {e['weight']:+.1f} = {e['contribution']:+.1f})" for e in push) + "."
    if against:
        words += " Against it: " + "; ".join(
            f"{e['means']} ({e['contribution']:+.1f})" for e in against) + "."
    return {"probability": round(p, 4), "threshold": model.threshold, "log_odds": round(logit, 3),
            "bias": round(model.bias, 3), "evidence": parts, "decided": words}


@dataclass
class Comparison:
    """What `tidings compare` answers: a score in [0, 1] and why."""

    score: float
    reasons: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 4), "reasons": self.reasons}
