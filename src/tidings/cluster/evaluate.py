"""Clustering quality against gold labels: BCubed and pairwise precision, recall, F1.

BCubed looks at each item: precision is the share of its predicted cluster that shares its
gold event, recall the share of its gold event that shares its predicted cluster; both are
averaged over items. Pairwise counts pairs of items put together. Only items present in
both mappings are scored.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """{bcubed_precision, bcubed_recall, bcubed_f1, pairwise_precision, pairwise_recall,
    pairwise_f1, items, pred_clusters, gold_clusters} for id -> event mappings."""
    ids = [i for i in gold if i in pred]
    if not ids:
        raise ValueError("no item is in both the prediction and the gold labels: are the ids the same?")
    p_size = Counter(pred[i] for i in ids)
    g_size = Counter(gold[i] for i in ids)
    both = Counter((pred[i], gold[i]) for i in ids)
    bp = sum(both[(pred[i], gold[i])] / p_size[pred[i]] for i in ids) / len(ids)
    br = sum(both[(pred[i], gold[i])] / g_size[gold[i]] for i in ids) / len(ids)

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in both.values())
    pred_pairs = sum(pairs(n) for n in p_size.values())
    gold_pairs = sum(pairs(n) for n in g_size.values())
    pp = tp / pred_pairs if pred_pairs else 1.0
    pr = tp / gold_pairs if gold_pairs else 1.0
    return {
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": _f1(bp, br),
        "pairwise_precision": pp,
        "pairwise_recall": pr,
        "pairwise_f1": _f1(pp, pr),
        "items": len(ids),
        "pred_clusters": len(p_size),
        "gold_clusters": len(g_size),
    }


def read_jsonl(path: str | Path, role: str = "pred") -> dict[str, str]:
    """{"id": ..., "event": ...} lines -> {id: event}. Errors name the file and line.

    An id given twice is an error (one would silently replace the other). `"event": null`
    is what `tidings cluster` writes for input it could not read: in a prediction
    (role "pred") that item stands alone, in a cluster of its own; in gold labels (role
    "gold") it has no label and is not scored.
    """
    out: dict[str, str] = {}
    first_line: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                key, event = str(obj["id"]), obj["event"]
            except (ValueError, KeyError, TypeError) as e:
                raise ValueError(f"{path}:{n}: expected a JSON object with 'id' and 'event' ({e})") from None
            if key in first_line:
                raise ValueError(f"{path}:{n}: id {key!r} was already given on line "
                                 f"{first_line[key]}; each id may have one event")
            first_line[key] = n
            if event is None:
                if role == "pred":
                    out[key] = f"\0alone:{key}"
                continue
            out[key] = str(event)
    return out


def errors(pred: dict[str, str], gold: dict[str, str]) -> dict[str, list]:
    """Where prediction and gold disagree: gold events split across predicted ones, and
    predicted events mixing gold ones (for reading why a score is what it is)."""
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for i in gold:
        if i in pred:
            by_gold[gold[i]].add(pred[i])
            by_pred[pred[i]].add(gold[i])
    return {
        "split": sorted((g, sorted(p)) for g, p in by_gold.items() if len(p) > 1),
        "merged": sorted((p, sorted(g)) for p, g in by_pred.items() if len(g) > 1),
    }
