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
"""

from __future__ import annotations

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
            scores, confidence = sims[row], conf[row]
            row += 1
            order = np.argsort(-confidence)
            matches: list[Any] = []
            for j in order:
                if len(matches) >= config.align_top or confidence[j] < config.align_min_confidence:
                    break
                if pool[j]["article"] == art["article"] or scores[j] < config.align_min_score:
                    continue
                if best_back[j] != row - 1 or not people_agree(mine, pool_people[j]):
                    continue
                matches.append({"article": pool[j]["article"], "text": pool[j]["text"],
                                "score": round(float(scores[j]), 3),
                                "confidence": round(float(confidence[j]), 3)})
            sentences.append({"text": s, "matches": matches})
        out.append({"article": art["article"], "lang": art["lang"], "source": art.get("source"),
                    "title": art.get("title"), "sentences": sentences})
    return out
