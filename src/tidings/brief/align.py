"""Parallel reading: for each sentence of a foreign-language article, the closest sentences
in the reader's language from the event's other articles.

No offline translation model exists for our languages, so the reader gets the next best
thing: what the articles they can read say at the same point. Matches below
`align_min_score` are dropped, since unrelated sentences of one event already score about
0.75 with this model.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from tidings.config import DEFAULT, Config


def align(foreign: list[dict], pool: list[dict], vec, config: Config = DEFAULT) -> list[dict]:
    """`foreign`: [{article, lang, sentences: [str]}]; `pool`: [{article, text}] in the
    reader's language; `vec(text) -> vector`. Returns the `parallel` entries of a brief."""
    if not foreign or not pool:
        return []
    pool_mat = np.stack([vec(p["text"]) for p in pool])
    out = []
    for art in foreign:
        sentences = []
        for s in art["sentences"]:
            scores = pool_mat @ vec(s)
            order = np.argsort(-scores)
            matches: list[Any] = []
            for j in order:
                if len(matches) >= config.align_top or scores[j] < config.align_min_score:
                    break
                if pool[j]["article"] == art["article"]:
                    continue
                matches.append({"article": pool[j]["article"], "text": pool[j]["text"],
                                "score": round(float(scores[j]), 3)})
            sentences.append({"text": s, "matches": matches})
        out.append({"article": art["article"], "lang": art["lang"], "source": art.get("source"),
                    "title": art.get("title"), "sentences": sentences})
    return out
