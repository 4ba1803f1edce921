"""Parallel reading: for each sentence of a foreign-language article, the closest sentences
in the reader's language from the event's other articles.

No offline translation model exists for our languages, so the reader gets the next best
thing: what the articles they can read say at the same point.

Raw cosine does not separate right from wrong alignments within one event (every sentence
is about the same happening: wrong pairs score 0.82-0.89 too), so each match carries a
*confidence*: the ratio margin of Artetxe & Schwenk (2019), its cosine divided by the mean
cosine of both sentences to their k nearest neighbours on the other side. A sentence that
is as close to every other sentence as to its match gets a margin near 1. Matches below
`align_min_confidence` (chosen on our demo references by bench/briefs.py) are not shown.
On real events the margin alone still paired statements of different people, so a match
must also name the same people and be the best both ways within its article pair.

Judged by hand on real events, most shown pairs that were still wrong had nothing checkable
in common: two sentences naming no one and no figure ("Happy Easter" beside a line of
praise), or the same person with other figures (one vote count beside another). So a pair
is shown at `align_min_confidence` only when it is *anchored*, sharing a person or a figure
(equal at the coarser of the two precisions: "about 17 km" meets "17.2 km"); a pair with
nothing in common, or whose figures all differ, must clear the higher
`align_min_confidence_vague`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

from tidings.config import DEFAULT, Config


def margins(fmat: np.ndarray, pmat: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(cosines, ratio margins) between foreign rows and pool rows."""
    sims = fmat @ pmat.T
    kf = max(1, min(k, sims.shape[1]))
    kp = max(1, min(k, sims.shape[0]))
    near_f = -np.sort(-sims, axis=1)[:, :kf].mean(axis=1)
    near_p = -np.sort(-sims, axis=0)[:kp, :].mean(axis=0)
    denom = (near_f[:, None] + near_p[None, :]) / 2
    return sims, sims / np.maximum(denom, 1e-6)


def people_agree(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two sentences can say the same thing by the people they name: when either
    names someone, they share one. A sentence about Peskov is not the counterpart of one
    about Ushakov, nor of one that names nobody, however close their cosines within one
    event (every sentence of an event is about the same happening)."""
    return not (mine or theirs) or bool(mine & theirs)


# Digits of any script (Python's \d reads Devanagari and Arabic-Indic digits as well), with
# separators: "2,800", "1.500" and "18 000" are thousands, "28,5" and "8.8" are decimals. Digits
# glued to letters name a thing, not an amount ("A321neo", "DS-417").
_POINT = r"[.,\u066b\u066c]"
_NUMBER = re.compile(r"(?<![^\W_])(?<![^\W\d_]-)"
                     rf"(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)(?:{_POINT}\d+)?|\d+(?:{_POINT}\d+)*)")


def figures_in(sentence: str) -> frozenset[tuple[float, float]]:
    """The numbers a sentence writes in digits, each as (value, unit of its last digit)."""
    out = set()
    for m in _NUMBER.finditer(sentence):
        parts = re.split(_POINT, re.sub(r"[ \u00a0\u202f]", "", m.group()))
        # A separator before exactly three digits groups thousands; any other is a decimal point.
        if len(parts) > 1 and all(len(x) == 3 for x in parts[1:]):
            parts = ["".join(parts)]
        whole, frac = "".join(parts[:-1]) if len(parts) > 1 else parts[0], parts[-1] if len(parts) > 1 else ""
        try:
            value = int(whole) + (int(frac) / 10 ** len(frac) if frac else 0.0)
        except ValueError:
            continue
        out.add((round(value, len(frac)), 10.0 ** -len(frac)))
    return frozenset(out)


def figures_agree(mine: frozenset[tuple[float, float]], theirs: frozenset[tuple[float, float]]) -> bool:
    """Whether two sentences write one same number, compared at the coarser precision of the
    two ("about 17" is 17.2 rounded; 6.2 is not 6.0; 325 is not 328)."""
    for a, ua in mine:
        for b, ub in theirs:
            unit = max(ua, ub)
            if round(a / unit) == round(b / unit):
                return True
    return False


def anchored(mine_people: frozenset[str], their_people: frozenset[str],
             mine_figures: frozenset[tuple[float, float]],
             their_figures: frozenset[tuple[float, float]]) -> bool:
    """Whether a pair shares something checkable: a person, or a figure, and does not write
    only different figures (two vote counts of one man are two statements)."""
    if mine_figures and their_figures and not figures_agree(mine_figures, their_figures):
        return False
    return bool(mine_people & their_people) or figures_agree(mine_figures, their_figures)


def align(foreign: list[dict], pool: list[dict], vec, config: Config = DEFAULT,
          people: Callable[[str, str], frozenset[str]] | None = None) -> list[dict]:
    """`foreign`: [{article, lang, sentences: [str]}]; `pool`: [{article, text}] in the
    reader's language; `vec(text) -> vector`; `people(article, sentence)`: the people a
    sentence names. Returns the `parallel` entries of a brief."""
    if not foreign or not pool:
        return []
    pool_mat = np.stack([vec(p["text"]) for p in pool])
    every = [s for art in foreign for s in art["sentences"]]
    if not every:
        return []
    sims, conf = margins(np.stack([vec(s) for s in every]), pool_mat, config.align_margin_k)
    pool_people = [people(p["article"], p["text"]) if people else frozenset() for p in pool]
    pool_figures = [figures_in(p["text"]) for p in pool]
    bar = min(config.align_min_confidence, config.align_min_confidence_vague)
    out = []
    row = 0
    for art in foreign:
        # Matches must be mutual within one article pair: of this article's sentences, the
        # pool sentence's own best is this one (the intersection of both directions).
        rows = slice(row, row + len(art["sentences"]))
        best_back = row + np.argmax(conf[rows], axis=0)
        sentences = []
        for s in art["sentences"]:
            mine = people(art["article"], s) if people else frozenset()
            mine_figures = figures_in(s)
            scores, confidence = sims[row], conf[row]
            row += 1
            order = np.argsort(-confidence)
            matches: list[Any] = []
            for j in order:
                if len(matches) >= config.align_top or confidence[j] < bar:
                    break
                if pool[j]["article"] == art["article"] or scores[j] < config.align_min_score:
                    continue
                if best_back[j] != row - 1 or not people_agree(mine, pool_people[j]):
                    continue
                need = (config.align_min_confidence
                        if anchored(mine, pool_people[j], mine_figures, pool_figures[j])
                        else config.align_min_confidence_vague)
                if confidence[j] < need:
                    continue
                matches.append({"article": pool[j]["article"], "text": pool[j]["text"],
                                "score": round(float(scores[j]), 3),
                                "confidence": round(float(confidence[j]), 3)})
            sentences.append({"text": s, "matches": matches})
        out.append({"article": art["article"], "lang": art["lang"], "source": art.get("source"),
                    "title": art.get("title"), "sentences": sentences})
    return out
