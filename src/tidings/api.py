"""The Python API. The CLI and the web app are thin layers over these functions.

    import tidings
    store = tidings.open_store("news.db")
    report = tidings.ingest(["articles/"], store)
    for event in store.events(limit=10):
        print(event.title, event.languages)
    print(tidings.event_brief(store, event.id, fmt="md"))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from tidings.config import DEFAULT, Config
from tidings.pipeline import (
    IngestReport,
    Pipeline,
    RereadReport,
    cluster_records,
    cluster_records_with_stories,
    ingest,
    ingest_raw,
    reread,
)
from tidings.records import Article, Features, Problem, RawArticle
from tidings.store import Store, open_store

__all__ = [
    "open_store", "ingest", "ingest_raw", "cluster_records", "evaluate", "compare",
    "event_brief", "digest", "understand_article", "IngestReport", "Pipeline", "backfill",
    "stories", "cluster_records_with_stories", "reread", "RereadReport",
]


def stories(store, limit: int | None = None) -> list[dict]:
    """Stories, most recent first: {id, title, first_time, last_time, events, articles}."""
    return store.stories(limit)


def evaluate(pred: dict[str, str], gold: dict[str, str]) -> dict:
    """BCubed and pairwise precision, recall and F1 of `pred` against `gold` (id -> event),
    over the ids both name."""
    from tidings.cluster.evaluate import score

    return score(pred, gold)


def understand_article(raw: RawArticle, config: Config = DEFAULT, embedder=None,
                       store: Store | None = None) -> tuple[Article, Features]:
    """Clean and understand one article without storing it (`store`, when given, is read
    for names already known)."""
    from tidings.clean import clean
    from tidings.understand import understand_batch
    from tidings.understand.embed import Embedder

    article = clean(raw, config)
    features = understand_batch([article], embedder or Embedder(), config, store=store)[0]
    return article, features


def _load(ref: str, store: Store | None, config: Config) -> tuple[Article, Features]:
    if store is not None:
        article = store.get_article(ref)
        if article is not None:
            features = store.get_features([ref]).get(ref)
            if features is not None:
                return article, features
    if os.path.exists(ref):
        from tidings.sources import read
        from tidings.understand.embed import Embedder

        found = []
        for item in read([ref], config):
            if isinstance(item, RawArticle):
                found.append(item)
            elif item.fatal:
                raise LookupError(f"cannot read {item.message()}")
            if len(found) > 1:
                raise LookupError(f"{ref} holds several articles; compare takes one article per "
                                  "file (or ingest the file and compare article ids)")
        if not found:
            raise LookupError(f"{ref}: no article found in this file")
        return understand_article(found[0], config, Embedder(store), store)
    raise LookupError(f"{ref!r} is neither an article id in the store nor a readable file")


def compare(a: str, b: str, store: Store | None = None, config: Config = DEFAULT):
    """How similar two articles are, in [0, 1], and why. `a` and `b` are article ids in
    `store` or paths to article files. The score is a fitted relatedness over the
    clusterer's evidence, graded (same happening, same story, near miss, unrelated); names
    weigh by rarity in the store, when there is one to count in."""
    import numpy as np

    from tidings.cluster.pairs import Comparison, Weighing, explain_items, make_item, shipped_model
    from tidings.cluster.relatedness import compare_row, compare_text, explain_compare, shipped_compare_model
    from tidings.understand.embed import Embedder

    art_a, feat_a = _load(a, store, config)
    art_b, feat_b = _load(b, store, config)
    ia, ib = make_item(art_a, feat_a), make_item(art_b, feat_b)
    n = store.count_articles() if store is not None else 0
    name_df = store.name_document_counts(set(ia.names) | set(ib.names)) if store is not None and n else {}
    weigh = Weighing(name_df, {}, max(n, 2))
    fitted = explain_items(ia, ib, shipped_model("event"), weigh)
    # The score is the fitted graded relatedness (compare_weights.json): the clusterer's
    # evidence plus a cosine of a longer text. The clusterer's own "same happening"
    # probability stays beside it.
    texts = [compare_text(art_a), compare_text(art_b)]
    cos_long = None
    if all(t.strip() for t in texts):
        va, vb = Embedder(store).embed(texts)
        cos_long = float(va @ vb)
    cos = None if ia.vector is None or ib.vector is None else float(ia.vector @ ib.vector)
    x = np.array(compare_row(ia, ib, cos, cos_long, weigh), dtype=np.float64)
    graded = explain_compare(x, shipped_compare_model())
    same = {"probability": fitted["probability"], "threshold": fitted["threshold"],
            "decided": fitted["decided"]}
    # What the evidence is made of, readably: the shared names in both spellings, the
    # shared figures and the reported days.
    spell_a = {m.key: m.surface for m in feat_a.names}
    spell_b = {m.key: m.surface for m in feat_b.names}
    shared = [k for k in ia.names if k in ib.names]
    details = {
        "shared_names": [spell_a[k] if spell_b.get(k, spell_a[k]) == spell_a[k] else f"{spell_a[k]} / {spell_b[k]}"
                         for k in shared if k in spell_a],
        "figures": [f"{v:g}{u if u == '%' else (' ' + u if u else '')}" for v, u in sorted(ia.figures & ib.figures)],
        "time_gap_days": abs(ia.day - ib.day) if ia.day is not None and ib.day is not None else None,
        "event_times": [feat_a.event_time, feat_b.event_time],
    }
    return Comparison(score=graded["relatedness"],
                      reasons={"decided": graded.pop("decided"), **graded, "same_happening": same,
                               "details": details})


def event_brief(store: Store, event_id: str, lang: str = "en", fmt: str = "json",
                config: Config = DEFAULT):
    """The brief of one event: a dict for fmt="dict", else rendered text (md, json, html).

    (Not named `brief`: `tidings.brief` is the stage's package, and importing it would
    replace a function of that name on the `tidings` package.)"""
    from tidings.brief import build_brief, render

    body = build_brief(store, event_id, lang=lang, config=config)
    return body if fmt == "dict" else render(body, fmt)


def digest(store: Store, since: str | None = None, fmt: str = "md", lang: str = "en") -> str:
    from tidings.brief import digest as make_digest

    return make_digest(store, since=since, fmt=fmt, lang=lang)


def backfill(paths: Iterable[str], store: Store, engine: str = "local", workers: int | None = None,
             address: str | None = None, config: Config = DEFAULT, progress: bool = False,
             on_problem: Callable[[Problem], None] | None = None) -> IngestReport:
    """`ingest` with reading, cleaning and embedding spread over worker processes: a local
    pool ("local", `workers` processes) or a Ray cluster ("ray"; `address`, else a local
    instance). The same events as `ingest` of the same input, in the same store."""
    from tidings import parallel

    runner = parallel.make_engine(engine, workers, address, config)
    try:
        return parallel.run(paths, store, runner, config, progress=progress, on_problem=on_problem)[0]
    finally:
        runner.close()


def ray_engine_available() -> None:
    """Raises tidings.parallel.EngineUnavailable, naming the pip command, without Ray."""
    from tidings.parallel import ray_module

    ray_module()
