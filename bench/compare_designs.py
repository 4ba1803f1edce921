"""The designs of `tidings compare` tried on events-dev, leave-one-group-out (never SemEval).

    python bench/compare_designs.py

For each design: fit on the pairs of three groups, score every pair touching the fourth,
and report, pooled over the four folds, Pearson r with the graded label, the same with
each level weighing the same, and that level-balanced r within pairs of one language,
within pairs across two, and their mean (the criterion D4 was chosen by). Reads
../shared/bench/events-dev at run time; prints only. Each row is one design; D1 and D4 are
fit_compare's own fits, the others variations of them written out here.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.cluster.fit import EVENTS_DEV, GROUPS, _cached_embedder, load_events_dev  # noqa: E402
from tidings.cluster.fit_compare import (  # noqa: E402
    COSINE_TERMS,
    Pairs,
    corpus_pairs,
    fit,
    l2_strengths,
    level_pearson,
    pearson,
    sample_weights,
)
from tidings.cluster.pairs import fit_logistic  # noqa: E402
from tidings.cluster.relatedness import COMPARE_FEATURES  # noqa: E402
from tidings.config import DEFAULT  # noqa: E402

SAME = COMPARE_FEATURES.index("same_lang")
Scorer = Callable[[Pairs, np.ndarray, np.ndarray], np.ndarray]  # (pairs, train, test) -> scores


def sig(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def logistic(balanced_langs: bool, l2: float | np.ndarray = 1.0, drop: tuple[str, ...] = ()) -> Scorer:
    keep = np.array([n not in drop for n in COMPARE_FEATURES], dtype=np.float64)

    def score(p: Pairs, train: np.ndarray, test: np.ndarray) -> np.ndarray:
        x, y = p.x[train] * keep, p.y[train]
        # the language of a pair from the evidence as given, before any column is dropped
        sw = sample_weights(y, p.x[train][:, SAME] > 0 if balanced_langs else None)
        w, b = fit_logistic(x, y, l2=l2, sample_weight=sw)
        return sig(p.x[test] * keep @ w + b)
    return score


def design(name: str) -> Scorer:
    def score(p: Pairs, train: np.ndarray, test: np.ndarray) -> np.ndarray:
        return fit([Pairs(p.x[train], p.y[train], [], p.plain600[train])], design=name).score(p.x[test])
    return score


def separate(p: Pairs, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """One D1 model for pairs of one language, one for pairs across two."""
    out = np.zeros(int(test.sum()))
    same = p.x[:, SAME] > 0
    for flag in (True, False):
        tr, te = train & (same == flag), same[test] == flag
        w, b = fit_logistic(p.x[tr], p.y[tr], sample_weight=sample_weights(p.y[tr]))
        out[te] = sig(p.x[test][te] @ w + b)
    return out


def logo(p: Pairs, scorer: Scorer) -> dict[str, float]:
    s, y, same = [], [], []
    for g in GROUPS:
        test = np.array([g in pair for pair in p.groups])
        s.append(scorer(p, ~test, test))
        y.append(p.y[test])
        same.append(p.x[test][:, SAME] > 0)
    sv, yv, sm = np.concatenate(s), np.concatenate(y), np.concatenate(same)
    one, two = level_pearson(sv[sm], yv[sm]), level_pearson(sv[~sm], yv[~sm])
    return {"pooled": pearson(sv, yv), "levels": level_pearson(sv, yv), "one": one, "two": two,
            "mean": (one + two) / 2}


def main() -> int:
    if not EVENTS_DEV.exists():
        print(f"{EVENTS_DEV} not found: this reads ../shared/bench at run time", file=sys.stderr)
        return 2
    embedder = _cached_embedder()
    docs, _ = load_events_dev(DEFAULT, embedder)
    dev = corpus_pairs(docs, embedder)
    # The longer cosine over the whole cleaned body (the model averages 512-token windows).
    whole = corpus_pairs(docs, embedder, chars=10**7)
    long_cols = [COMPARE_FEATURES.index(n) for n in ("cosine_long", "cosine_long_cross_lang")]
    whole_x = dev.x.copy()
    whole_x[:, long_cols] = whole.x[:, long_cols]
    dev_whole = Pairs(whole_x, dev.y, dev.groups, dev.plain600)
    lc = COMPARE_FEATURES.index("cosine_long")

    def column(p: Pairs, train: np.ndarray, test: np.ndarray) -> np.ndarray:
        return p.x[test][:, lc]

    def plain(p: Pairs, train: np.ndarray, test: np.ndarray) -> np.ndarray:
        return p.plain600[test]

    shrunk100 = l2_strengths(1.0, 100.0)
    rows: list[tuple[str, Pairs, Scorer]] = [
        ("plain cosine, first 600 characters as given", dev, plain),
        ("cosine, title + 600 characters of the cleaned body", dev, column),
        ("cosine, title + the whole cleaned body", dev_whole, column),
        ("D1 (fit_compare --design D1)", dev, design("D1")),
        ("D1, levels balanced within one language and across two", dev, logistic(True)),
        ("  the same without same_lang", dev, logistic(True, drop=("same_lang",))),
        ("D1 without same_lang", dev, logistic(False, drop=("same_lang",))),
        ("D1, evidence other than the cosines at L2 10", dev, logistic(False, l2_strengths(1.0))),
        ("D1, evidence other than the cosines at L2 100", dev, logistic(False, shrunk100)),
        ("  L2 100 and languages balanced", dev, logistic(True, shrunk100)),
        ("D1 on the whole-body cosine", dev_whole, design("D1")),
        ("  whole-body cosine, languages balanced", dev_whole, logistic(True)),
        ("D1 fitted separately on one language and across two", dev, separate),
        ("D4 (fit_compare, shipped): languages balanced + L2 10", dev, design("D4")),
    ]
    print(f"events-dev LOGO, {len(dev.y)} pairs ({int((dev.x[:, SAME] > 0).sum())} of one language); "
          f"cosine terms (L2 1): {', '.join(COSINE_TERMS)}")
    print("| design | pooled r | level-balanced r | one language | across two | mean of the two |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, pairs, scorer in rows:
        r = logo(pairs, scorer)
        print(f"| {name} | {r['pooled']:.3f} | {r['levels']:.3f} | {r['one']:.3f} | {r['two']:.3f} | {r['mean']:.3f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
