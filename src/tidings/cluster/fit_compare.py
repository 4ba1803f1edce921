"""Fit the graded relatedness model of `tidings compare` and report it honestly.

    python -m tidings.cluster.fit_compare [--no-write] [--design D4|D1] [--out FILE]   (make fit-compare)

Labelled pairs: ../shared/bench/events-dev (read at run time, never copied; id, text and
url only go through the real path), graded from its labels: same `event` 1, same `story`
2/3, same group of near misses 1/3, other groups 0. In design D4 (shipped) each level
weighs the same within pairs of one language and within pairs across two (most pairs are
unrelated, and most are across languages), and the evidence other than the cosines is
regularised ten times more; `--design D1` is the earlier fit (levels balanced, one L2).
`--with-demo` adds our demo corpus and its dev set (same event 1, else 0); it was left out because leave-one-group-out was better without it in every
group (pooled r 0.796 against 0.785): the demo's near misses (the same people on another
day) are "unrelated" there, while a graded scale calls them related.

The weights written (compare_weights.json, shipped in the package) are fitted on all of
it. The figures printed are leave-one-group-out on events-dev: fit on three groups (and
the demo data with --with-demo), score every pair touching the fourth (Pearson r with the
graded label; also with each level weighing the same, closer to a benchmark's spread of
levels), and the plain cosines beside it. SemEval is never read here.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tidings.cluster.fit import EVENTS_DEV, GROUPS, Doc, _cached_embedder, corpus_weighing, load_demo, load_events_dev
from tidings.cluster.pairs import fit_logistic, make_item
from tidings.cluster.relatedness import (
    COMPARE_FEATURES,
    COMPARE_WEIGHTS,
    LEVELS,
    CompareModel,
    compare_row,
    compare_text,
)
from tidings.config import DEFAULT


@dataclass
class Pairs:
    x: np.ndarray  # evidence rows, COMPARE_FEATURES order
    y: np.ndarray  # graded target in [0, 1]
    groups: list[tuple[str, str]]  # the two documents' groups
    plain600: np.ndarray  # cosine of the first 600 characters as given (events-dev only)


def grade(a: Doc, b: Doc) -> float:
    if a.event == b.event:
        return LEVELS["event"]
    if a.story == b.story:
        return LEVELS["story"]
    if a.group == b.group and a.group in GROUPS:
        return LEVELS["group"]
    return LEVELS["unrelated"]


def corpus_pairs(docs: list[Doc], embedder, chars: int = 600) -> Pairs:
    """Every pair of one corpus, its names and words weighted by rarity in that corpus."""
    items = [make_item(d.article, d.features) for d in docs]
    weigh = corpus_weighing(items)
    texts = [compare_text(d.article, chars) for d in docs]
    has = [bool(t.strip()) for t in texts]
    vecs = embedder.embed([t if h else " " for t, h in zip(texts, has)])
    raw = [d.raw600 for d in docs]
    plain = embedder.embed([t or " " for t in raw]) if all(raw) else None
    xs, ys, gs, ps = [], [], [], []
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            a, b = items[i], items[j]
            cos = None if a.vector is None or b.vector is None else float(a.vector @ b.vector)
            cl = float(vecs[i] @ vecs[j]) if has[i] and has[j] else None
            xs.append(compare_row(a, b, cos, cl, weigh))
            ys.append(grade(docs[i], docs[j]))
            gs.append((docs[i].group, docs[j].group))
            ps.append(float(plain[i] @ plain[j]) if plain is not None else float("nan"))
    return Pairs(np.array(xs), np.array(ys), gs, np.array(ps))


# Design D4 (chosen on events-dev leave-one-group-out, see the README's design table):
# 1. Each level weighs the same within pairs of one language and within pairs across two
#    (eight cells, one weight each). events-dev is 94% pairs across languages, so under D1
#    the evidence that only moves within one language (shared words) was fitted on 6% of
#    the weight; a reader compares articles of one language at least as often.
# 2. The cosines (and same_lang, which sets the cosine's scale within one language, where
#    e5 cosines run higher) are regularised as before; every other piece of evidence ten
#    times more: four topics are too few to learn large weights for names, words or time
#    that hold for news from anywhere, so they stay corrections around the cosine.
COSINE_TERMS = ("cosine_long", "cosine_long_cross_lang", "cosine", "cosine_cross_lang", "same_lang")
SHRUNK_L2 = 10.0
DESIGNS = ("D4", "D1")


def sample_weights(y: np.ndarray, same_lang: np.ndarray | None = None) -> np.ndarray:
    """Each level of y weighs the same (D1); with `same_lang`, each level weighs the same
    within pairs of one language and within pairs across two (D4). Mean weight 1."""
    key = y if same_lang is None else y * 2 + same_lang.astype(np.float64) * 10
    sw = np.zeros(len(y))
    cells = np.unique(key)
    for k in cells:
        mask = key == k
        sw[mask] = len(y) / (len(cells) * mask.sum())
    return sw


def l2_strengths(l2: float, shrunk: float = SHRUNK_L2) -> np.ndarray:
    """D4's per-feature L2: `l2` for the cosine terms, `shrunk` for the other evidence."""
    return np.array([l2 if n in COSINE_TERMS else shrunk for n in COMPARE_FEATURES])


def fit(parts: list[Pairs], l2: float = 1.0, columns: list[int] | None = None,
        design: str = "D4") -> CompareModel:
    x = np.vstack([p.x for p in parts])
    y = np.concatenate([p.y for p in parts])
    if columns is not None:
        keep = np.zeros(x.shape[1], dtype=bool)
        keep[columns] = True
        x = x * keep
    if design == "D1":
        sw, reg = sample_weights(y), np.full(x.shape[1], l2)
    elif design == "D4":
        same = x[:, COMPARE_FEATURES.index("same_lang")] > 0
        sw, reg = sample_weights(y, same), l2_strengths(l2)
    else:
        raise ValueError(f"unknown design {design!r}: one of {DESIGNS}")
    w, b = fit_logistic(x, y, l2=reg, sample_weight=sw)
    return CompareModel(weights=w, bias=b, meta={"pairs": int(len(y)), "design": design,
                                                 "levels": {k: int((y == v).sum()) for k, v in LEVELS.items()}})


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 3 or float(np.std(a)) == 0 or float(np.std(b)) == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    def ranks(v: np.ndarray) -> np.ndarray:
        order = np.argsort(v, kind="mergesort")
        r = np.empty(len(v))
        r[order] = np.arange(len(v))
        # ties share their mean rank (the graded label has four values)
        for val in np.unique(v):
            m = v == val
            r[m] = r[m].mean()
        return r
    return pearson(ranks(a), ranks(b))


def level_pearson(a: np.ndarray, y: np.ndarray) -> float:
    """Pearson r with each level of y weighing the same in total."""
    w = np.zeros(len(y))
    for level in np.unique(y):
        w[y == level] = 1.0 / float((y == level).sum())
    ma, my = np.average(a, weights=w), np.average(y, weights=w)
    cov = np.average((a - ma) * (y - my), weights=w)
    var = np.average((a - ma) ** 2, weights=w) * np.average((y - my) ** 2, weights=w)
    return float(cov / math.sqrt(var)) if var > 0 else float("nan")


def logo(dev: Pairs, demo: list[Pairs], columns: list[int] | None = None,
         design: str = "D4") -> dict[str, Any]:
    """For each held-out group: fit on demo + pairs of the other three, score the pairs
    touching the held-out group. Returns per-fold and pooled Pearson r."""
    out: dict[str, Any] = {}
    pooled_s, pooled_y, pooled_c, pooled_p, pooled_same = [], [], [], [], []
    long_col = COMPARE_FEATURES.index("cosine_long")
    lang_col = COMPARE_FEATURES.index("same_lang")
    for g in GROUPS:
        train = np.array([g not in pair for pair in dev.groups])
        test = ~train
        part = Pairs(dev.x[train], dev.y[train], [], dev.plain600[train])
        model = fit(demo + [part], columns=columns, design=design)
        x = dev.x[test] if columns is None else dev.x[test] * np.isin(np.arange(dev.x.shape[1]), columns)
        s = model.score(x)
        y = dev.y[test]
        out[g] = {"compare": pearson(s, y), "compare_spearman": spearman(s, y),
                  "compare_levels": level_pearson(s, y),
                  "cosine_long": pearson(dev.x[test][:, long_col], y),
                  "plain600": pearson(dev.plain600[test], y), "pairs": int(test.sum())}
        pooled_s.append(s)
        pooled_y.append(y)
        pooled_c.append(dev.x[test][:, long_col])
        pooled_p.append(dev.plain600[test])
        pooled_same.append(dev.x[test][:, lang_col] > 0)
    s, y = np.concatenate(pooled_s), np.concatenate(pooled_y)
    c, p = np.concatenate(pooled_c), np.concatenate(pooled_p)
    same = np.concatenate(pooled_same)
    out["pooled"] = {"compare": pearson(s, y), "compare_spearman": spearman(s, y),
                     "compare_levels": level_pearson(s, y), "cosine_long": pearson(c, y),
                     "plain600": pearson(p, y), "cosine_long_levels": level_pearson(c, y),
                     "plain600_levels": level_pearson(p, y), "pairs": int(len(y))}
    # Level-balanced within pairs of one language and within pairs across two, and their
    # mean (D4 was chosen on that mean): events-dev is mostly pairs across languages.
    for label, v in (("compare", s), ("cosine_long", c), ("plain600", p)):
        one, two = level_pearson(v[same], y[same]), level_pearson(v[~same], y[~same])
        out["pooled"][f"{label}_same_lang"] = one
        out["pooled"][f"{label}_cross_lang"] = two
        out["pooled"][f"{label}_lang_mean"] = (one + two) / 2
    return out


def load_pairs(chars: int = 600, with_demo: bool = False) -> tuple[Pairs, list[Pairs]]:
    embedder = _cached_embedder()
    dev_docs, _ = load_events_dev(DEFAULT, embedder)
    dev = corpus_pairs(dev_docs, embedder, chars)
    if not with_demo:
        return dev, []
    demo_docs = load_demo(DEFAULT, embedder)
    demo = [corpus_pairs([d for d in demo_docs if d.group == g], embedder, chars) for g in ("demo", "demo-dev")]
    return dev, demo


def print_logo(res: dict[str, Any], label: str) -> None:
    print(f"LOGO {label} (Pearson r with the graded label, pairs touching the held-out group):")
    for g in list(GROUPS) + ["pooled"]:
        r = res[g]
        print(f"  {g:>6} {r['pairs']:>6} pairs: compare {r['compare']:.3f} (Spearman {r['compare_spearman']:.3f}), "
              f"level-balanced {r['compare_levels']:.3f}; long cosine {r['cosine_long']:.3f}, "
              f"plain 600-char cosine {r['plain600']:.3f}")
    r = res["pooled"]
    print(f"  level-balanced pooled: compare {r['compare_levels']:.3f}, long cosine "
          f"{r['cosine_long_levels']:.3f}, plain 600-char cosine {r['plain600_levels']:.3f}")
    for label in ("compare", "cosine_long", "plain600"):
        print(f"  level-balanced, {label}: one language {r[label + '_same_lang']:.3f}, across two "
              f"{r[label + '_cross_lang']:.3f}, mean {r[label + '_lang_mean']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true", help="print the figures, keep compare_weights.json")
    ap.add_argument("--with-demo", action="store_true", help="fit on the demo corpus too")
    ap.add_argument("--design", choices=DESIGNS, default="D4",
                    help="D4 (shipped): levels balanced within one language and across two, evidence "
                    "other than the cosines shrunk; D1: levels balanced, one L2")
    ap.add_argument("--out", default=str(COMPARE_WEIGHTS), help="where to write the weights")
    args = ap.parse_args(argv)
    if not EVENTS_DEV.exists():
        print(f"{EVENTS_DEV} not found: the fit reads ../shared/bench at run time", file=sys.stderr)
        return 2
    dev, demo = load_pairs(with_demo=args.with_demo)
    print_logo(logo(dev, demo, design=args.design), f"compare {args.design}")
    model = fit(demo + [dev], design=args.design)
    weighing = ("each level weighing the same within one language and across two, evidence other "
                f"than the cosines at L2 {SHRUNK_L2:g}" if args.design == "D4" else "each level weighing the same")
    model.meta["fitted_on"] = ("demo corpus + " if args.with_demo else "") + \
        f"events-dev (all four groups), graded targets: event 1, story 2/3, group 1/3, other 0; " \
        f"design {args.design}: {weighing}"
    print("compare model (fitted on all): " + ", ".join(
        f"{n} {w:+.2f}" for n, w in zip(COMPARE_FEATURES, model.weights)) + f", bias {model.bias:+.2f}")
    if not args.no_write:
        out = Path(args.out)
        out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0 if not math.isnan(model.bias) else 1


if __name__ == "__main__":
    sys.exit(main())
