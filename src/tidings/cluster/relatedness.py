"""Graded relatedness of two articles: what `tidings compare` scores.

The clusterer's pair model (pairs.py, weights.json) answers one question: do two
articles report the same happening? `compare` answers a graded one, as a reader rates it:
the same happening, the same developing story (funeral after death, ceasefire after
strikes), the same broad subject (two earthquakes, two papal events), or unrelated.

It is one logistic model over the clusterer's evidence plus a cosine of a longer text
(title + the opening `compare_chars` characters of the cleaned body: the 32 words the
clusterer embeds are often site furniture, and a pair at a time can afford more), fitted
with graded targets (1, 2/3, 1/3, 0 for the four levels) on ../shared/bench/events-dev
(`make fit-compare`, `tidings.cluster.fit_compare`; the demo corpus is an option there,
left out on cross-validation), shipped as compare_weights.json. Design D4: each level
weighs the same within pairs of one language and within pairs across two, and the
evidence other than the cosines is regularised more, so it corrects the cosine rather
than outweighing it. Every part of the sum can be shown (`explain_compare`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from tidings.cluster.pairs import FEATURES as EVENT_FEATURES
from tidings.cluster.pairs import PLAIN, Item, Weighing, pair_row, sigmoid
from tidings.records import Article

COMPARE_WEIGHTS = Path(__file__).resolve().parent / "compare_weights.json"
LONG = ["cosine_long", "cosine_long_cross_lang"]
COMPARE_FEATURES = LONG + list(EVENT_FEATURES)
# The graded targets of the four levels, from the labels of the data fitted on.
LEVELS = {"event": 1.0, "story": 2 / 3, "group": 1 / 3, "unrelated": 0.0}
PLAIN_LONG = {
    "cosine_long": "meaning of title and opening paragraphs (embedding cosine, longer text)",
    "cosine_long_cross_lang": "the same longer cosine, across two languages",
}


def compare_text(article: Article, chars: int = 600) -> str:
    """The longer text embedded for `compare`: the title, then the first `chars`
    characters of the cleaned body (cut at a space when one is near)."""
    title = (article.title or "").strip()
    body = (article.text or "").strip()
    if title and body.startswith(title):
        body = body[len(title):].lstrip()
    if len(body) > chars:
        cut = body.rfind(" ", int(chars * 0.8), chars + 1)
        body = body[: cut if cut > 0 else chars]
    return f"{title}\n{body}" if title else body


def compare_row(a: Item, b: Item, cos: float | None, cos_long: float | None,
                weigh: Weighing) -> list[float]:
    """The evidence of one pair, in the order of COMPARE_FEATURES: the longer cosine
    (0 when a side has no text), then the clusterer's evidence."""
    cl = 0.0 if cos_long is None else cos_long
    cross = bool(a.lang) and bool(b.lang) and a.lang != b.lang
    return [cl, cl if cross else 0.0] + pair_row(a, b, cos, weigh)


@dataclass
class CompareModel:
    """score = sigmoid(bias + w . x): the fitted graded relatedness in [0, 1]."""

    weights: np.ndarray
    bias: float
    names: tuple[str, ...] = tuple(COMPARE_FEATURES)
    meta: dict[str, Any] = field(default_factory=dict)

    def logit(self, x: np.ndarray) -> np.ndarray:
        return x @ self.weights + self.bias

    def score(self, x: np.ndarray) -> np.ndarray:
        return sigmoid(self.logit(x))

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(self.names), "weights": [round(float(w), 6) for w in self.weights],
                "bias": round(self.bias, 6), "meta": self.meta}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "CompareModel":
        names = tuple(d["features"])
        if names != tuple(COMPARE_FEATURES):
            raise ValueError(f"compare weights were fitted for features {names}, this code has "
                             f"{COMPARE_FEATURES}: run `make fit-compare`")
        return cls(weights=np.asarray(d["weights"], dtype=np.float64), bias=float(d["bias"]),
                   names=names, meta=dict(d.get("meta", {})))


@lru_cache(maxsize=2)
def _load(path: str) -> CompareModel:
    with open(path, encoding="utf-8") as f:
        return CompareModel.from_dict(json.load(f))


def shipped_compare_model(path: Path | None = None) -> CompareModel:
    return _load(str(path or COMPARE_WEIGHTS))


def level_of(score: float) -> str:
    """The nearest of the four fitted levels, in words."""
    best = min(LEVELS, key=lambda k: abs(LEVELS[k] - score))
    return {"event": "the same happening", "story": "the same developing story",
            "group": "related subjects, different stories", "unrelated": "unrelated"}[best]


def explain_compare(x: np.ndarray, model: CompareModel) -> dict[str, Any]:
    """The score, each piece of evidence with its fitted weight and contribution to the
    log-odds, and what decided, in plain words."""
    s = float(model.score(x))
    z = float(model.logit(x))
    parts: list[dict[str, Any]] = []
    for n, v, w in zip(model.names, x, model.weights):
        if v:
            parts.append({"evidence": n, "value": round(float(v), 4), "weight": round(float(w), 4),
                          "contribution": round(float(v * w), 4),
                          "means": PLAIN_LONG.get(n) or PLAIN.get(n, n)})
    ranked = sorted(parts, key=lambda e: -abs(e["contribution"]))
    up = [e for e in ranked if e["contribution"] > 0][:2]
    down = [e for e in ranked if e["contribution"] < 0][:2]
    words = (f"{level_of(s)}: relatedness {s:.2f} (log-odds {z:+.1f} = bias {model.bias:+.1f} "
             "+ the evidence below; 1 = same happening, 0.67 same story, 0.33 related subjects, 0 unrelated).")
    if up:
        words += " Raised by " + "; ".join(
            f"{e['means']} ({e['value']:g} x {e['weight']:+.1f} = {e['contribution']:+.1f})" for e in up) + "."
    if down:
        words += " Lowered by " + "; ".join(f"{e['means']} ({e['contribution']:+.1f})" for e in down) + "."
    return {"relatedness": round(s, 4), "log_odds": round(z, 3), "bias": round(model.bias, 3),
            "evidence": parts, "decided": words}
