"""Fit the pair models (events and stories) on labelled pairs and report them honestly.

    python -m tidings.cluster.fit [--words 64] [--no-write]      (make fit)

Labelled data: our demo corpus and its dev set (src/tidings/demo, gold events; a demo
event is its own story) and ../shared/bench/events-dev (read at run time, never copied;
given only id, text and url). Every article goes through the real path (clean,
understand) in an in-memory store; embeddings are cached in the temp folder.

The weights written (weights.json, shipped in the package) are fitted on everything. The
figures printed are leave-one-group-out: for each events-dev group (A papal, B quakes,
C India-Pakistan, D Germany), fit on the demo data and the other three groups, choose the
thresholds on those, then cluster the whole events-dev stream (no labels used) and score
the held-out group's articles. A figure on fitted data is not evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

import numpy as np

from tidings.cluster.linkage import EventLearner
from tidings.cluster.pairs import FEATURES, WEIGHTS, Item, PairModel, Weighing, fit_logistic, make_item, pair_features
from tidings.config import DEFAULT, Config
from tidings.records import Article, Features, RawArticle

ROOT = Path(__file__).resolve().parents[3]
EVENTS_DEV = ROOT.parent / "shared" / "bench" / "events-dev" / "events.jsonl"
CACHE = Path(tempfile.gettempdir()) / "tidings-fit-embeddings.db"
GROUPS = "ABCD"
# Evidence the story model does without: "both days known" and "more than 3 days apart".
# Fitted freely they come out as nearness in time being evidence of one story whatever the
# content (few labelled stories hold two unrelated happenings of one week), and a story's
# events are days apart by nature. Its time is the log gap, a week or more apart, the month
# constraint, and the window gate.
STORY_UNUSED = ("gap_known", "gap_far")
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


@dataclass
class Doc:
    article: Article
    features: Features
    event: str
    story: str
    group: str  # "A".."D" for events-dev, "demo" or "demo-dev"
    raw600: str = ""


def _cached_embedder():
    from tidings.store import SQLiteStore
    from tidings.understand.embed import Embedder

    return Embedder(SQLiteStore(CACHE))


def run_real_path(raws: list[RawArticle], config: Config, embedder) -> tuple[Any, dict[str, str]]:
    """Ingest through the real pipeline into an in-memory store; (store, raw id -> article id)."""
    from tidings.pipeline import Pipeline
    from tidings.store import SQLiteStore

    store = SQLiteStore(":memory:")
    report = Pipeline(store, config, embedder=embedder).run(raws)
    return store, dict(zip([r.id or "" for r in raws], report.article_ids))


def load_events_dev(config: Config, embedder, path: Path = EVENTS_DEV) -> tuple[list[Doc], Any]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    raws = [RawArticle(origin=f"events-dev:{r['id']}", id=r["id"], text=r["text"], url=r.get("url"))
            for r in rows]
    store, ids = run_real_path(raws, config, embedder)
    feats = store.get_features(list(ids.values()))
    docs = []
    for r in rows:
        aid = ids[r["id"]]
        a = store.get_article(aid)
        docs.append(Doc(a, feats[aid], r["event"], r["story"], r["id"][0], r["text"][:600]))
    return docs, store


def load_demo(config: Config, embedder) -> list[Doc]:
    from tidings import demo
    from tidings.sources import read

    raws = [r for r in read([str(demo.CORPUS)], config) if isinstance(r, RawArticle)]
    store, ids = run_real_path(raws, config, embedder)
    arts = store.articles()
    gold = demo.gold_for(arts)
    feats = store.get_features([a.id for a in arts])
    docs = [Doc(a, feats[a.id], gold[a.id], gold[a.id], "demo") for a in arts if a.id in gold]
    rows = [json.loads(line) for line in open(demo.DEV, encoding="utf-8") if line.strip()]
    labels = {x["id"]: x["event"] for x in demo.labels(demo.DEV_LABELS)}
    raws = [RawArticle(origin=f"demo-dev:{r['id']}", id=r["id"], text=r.get("text"), url=r.get("url"),
                       title=r.get("title"), date=r.get("date"), lang=r.get("lang"), source=r.get("source"))
            for r in rows]
    store, ids = run_real_path(raws, config, embedder)
    feats = store.get_features(list(ids.values()))
    for r in rows:
        if r["id"] in labels:
            aid = ids[r["id"]]
            docs.append(Doc(store.get_article(aid), feats[aid], labels[r["id"]], labels[r["id"]], "demo-dev"))
    return docs


def reembed(docs: list[Doc], words: int, embedder, config: Config) -> list[Doc]:
    """The same documents with their vector taken from `words` words of title + opening."""
    from tidings.understand.embed import text_for

    cfg = replace(config, embed_words=words)
    texts = [text_for(d.article, cfg) for d in docs]
    has = [d.features.embedding is not None for d in docs]
    vecs = iter(embedder.embed([t for t, h in zip(texts, has) if h]))
    out = []
    for d, h in zip(docs, has):
        f = replace(d.features, embedding=next(vecs) if h else None)
        out.append(replace(d, features=f))
    return out


# --- labelled pairs ----------------------------------------------------------------------

def event_time_items(items: list[Item], gold: list[str]) -> list[Item]:
    """Each item at its (gold) event's robust time, as the learner's story level sees an
    event: the median day of its dated members, else their most common month."""
    from collections import Counter
    from statistics import median

    by: dict[str, list[Item]] = {}
    for it, g in zip(items, gold):
        by.setdefault(g, []).append(it)
    when: dict[str, tuple[int | None, int | None]] = {}
    for g, its in by.items():
        days = [it.day for it in its if it.day is not None]
        if days:
            d = int(round(median(days)))
            t = date.fromordinal(d)
            when[g] = (d, t.year * 12 + t.month - 1)
        else:
            months = Counter(it.month for it in its if it.month is not None)
            when[g] = (None, sorted(months.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if months else None)
    return [replace(it, day=when[g][0], month=when[g][1]) for it, g in zip(items, gold)]


def story_apart(a: Item, b: Item, window: float) -> bool:
    """As the learner's gate: events further apart than a story lasts are never compared,
    so their pairs teach the story model nothing it will be asked."""
    def approx(it: Item) -> tuple[int | None, int]:
        if it.day is not None:
            return it.day, 0
        if it.month is not None:
            return date(it.month // 12, it.month % 12 + 1, 15).toordinal(), 15
        return None, 0

    (da, sa), (db, sb) = approx(a), approx(b)
    return da is not None and db is not None and abs(da - db) > window + sa + sb


def corpus_weighing(items: list[Item]) -> Weighing:
    """Names and words weighted by their rarity within one corpus."""
    name_df: dict[str, int] = {}
    word_df: dict[str, int] = {}
    for it in items:
        for k in it.names:
            name_df[k] = name_df.get(k, 0) + 1
        for w in it.words:
            word_df[w] = word_df.get(w, 0) + 1
    return Weighing(name_df, word_df, len(items))


def corpus_pairs(docs: list[Doc], label: str) -> tuple[np.ndarray, np.ndarray]:
    """Every pair within one corpus: features and 1/0 for the same event (or story).
    Stories: only pairs across two events (linking events is what the story level
    decides) within the story window, each article at its event's time: what the learner
    compares."""
    items = [make_item(d.article, d.features) for d in docs]
    weigh = corpus_weighing(items)
    gold = [getattr(d, label) for d in docs]
    events = [d.event for d in docs]
    window = DEFAULT.story_window_days
    if label == "story":
        items = event_time_items(items, events)
    xs, ys = [], []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if label == "story" and (events[i] == events[j] or story_apart(items[i], items[j], window)):
                continue
            a, b = items[i], items[j]
            cos = None if a.vector is None or b.vector is None else float(a.vector @ b.vector)
            xs.append(pair_features(a, b, cos, weigh))
            ys.append(float(gold[i] == gold[j]))
    return np.array(xs), np.array(ys)


def fit_model(corpora: list[list[Doc]], label: str, l2: float = 1.0) -> PairModel:
    xs, ys = [], []
    for docs in corpora:
        x, y = corpus_pairs(docs, label)
        xs.append(x)
        ys.append(y)
    x, y = np.vstack(xs), np.concatenate(ys)
    if label == "story":
        # A zero column gets a zero weight (the fit is L2-regularised): see STORY_UNUSED.
        x = x.copy()
        x[:, [FEATURES.index(n) for n in STORY_UNUSED]] = 0.0
    pos = max(1.0, float(y.sum()))
    neg = max(1.0, float(len(y) - y.sum()))
    sw = np.where(y > 0, 0.5 / pos, 0.5 / neg) * len(y)  # both classes weigh the same
    w, b = fit_logistic(x, y, l2=l2, sample_weight=sw)
    return PairModel(weights=w, bias=b, meta={"pairs": int(len(y)), "positive": int(y.sum())})


# --- clustering and scoring --------------------------------------------------------------

def cluster(docs: list[Doc], event_model: PairModel, story_model: PairModel,
            config: Config = DEFAULT) -> tuple[dict[str, str], dict[str, str]]:
    """Feed the documents in order to a fresh learner: (id -> event, id -> story)."""
    learner = EventLearner(config, event_model=event_model, story_model=story_model)
    for d in docs:
        learner.learn_one(d.article, d.features)
    ev = {d.article.id: learner.event_of(d.article.id) or d.article.id for d in docs}
    st = {aid: learner.story_of_event(e) or e for aid, e in ev.items()}
    return ev, st


def bcubed_subset(pred: dict[str, str], gold: dict[str, str], subset: list[str]) -> tuple[float, float]:
    """BCubed P and R of the items in `subset`, their clusters counted over every item
    (a held-out article clustered with another group's articles loses precision)."""
    from collections import Counter

    p_size = Counter(pred.values())
    both = Counter((pred[i], gold[i]) for i in pred)
    g_size = Counter(gold.values())
    p = sum(both[(pred[i], gold[i])] / p_size[pred[i]] for i in subset) / len(subset)
    r = sum(both[(pred[i], gold[i])] / g_size[gold[i]] for i in subset) / len(subset)
    return p, r


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def per_group(pred: dict[str, str], docs: list[Doc], label: str) -> dict[str, tuple[float, float]]:
    gold = {d.article.id: getattr(d, label) for d in docs}
    return {g: bcubed_subset(pred, gold, [d.article.id for d in docs if d.group == g]) for g in GROUPS}


def choose_thresholds(train: list[list[Doc]], ev_model: PairModel, st_model: PairModel,
                      config: Config) -> tuple[PairModel, PairModel]:
    """Join/merge threshold for events, then the story threshold, by mean BCubed F1 over
    the training corpora (the held-out group never takes part)."""
    from tidings.cluster.evaluate import score

    def mean_f1(em: PairModel, sm: PairModel, label: str) -> float:
        vals = []
        for docs in train:
            ev, st = cluster(docs, em, sm, config)
            gold = {d.article.id: getattr(d, label) for d in docs}
            vals.append(score(ev if label == "event" else st, gold)["bcubed_f1"])
        return float(np.mean(vals))

    best = plateau([mean_f1(replace(ev_model, threshold=t, merge_threshold=t), st_model, "event")
                    for t in THRESHOLDS])
    ev_model = replace(ev_model, threshold=best, merge_threshold=best)
    best_s = plateau([mean_f1(ev_model, replace(st_model, threshold=t, merge_threshold=t), "story")
                      for t in THRESHOLDS])
    return ev_model, replace(st_model, threshold=best_s, merge_threshold=best_s)


def plateau(scores: list[float]) -> float:
    """The threshold of THRESHOLDS at the middle of the best plateau: each scored by the mean
    of its own and its neighbours' F1, then by its own, then the nearer to 0.5. An online
    learner's F1 is a jagged function of its threshold (one article joining early moves
    others), so the highest single point is partly chance: on events-dev one group's F1
    went 0.90, 0.86, 0.77 at 0.6, 0.7, 0.8, and a small change to the name reader turned
    it into 0.83, 0.80, 0.84, which moved another fold's threshold from 0.6 to 0.8."""
    smooth = [float(np.mean(scores[max(0, i - 1):i + 2])) for i in range(len(scores))]
    i = max(range(len(THRESHOLDS)), key=lambda i: (smooth[i], scores[i], -abs(THRESHOLDS[i] - 0.5)))
    return THRESHOLDS[i]


def logo(dev: list[Doc], demo_docs: list[Doc], config: Config = DEFAULT,
         log: Callable[[str], None] = print) -> dict[str, Any]:
    """Leave-one-group-out figures for events and stories: {label: {group: (P, R)}}."""
    demo_corpora = [[d for d in demo_docs if d.group == g] for g in ("demo", "demo-dev")]
    out: dict[str, Any] = {"event": {}, "story": {}, "folds": {}}
    for g in GROUPS:
        train_dev = [d for d in dev if d.group != g]
        corpora = demo_corpora + [train_dev]
        em = fit_model(corpora, "event")
        sm = fit_model(corpora, "story")
        em, sm = choose_thresholds(corpora, em, sm, config)
        ev, st = cluster(dev, em, sm, config)
        out["event"][g] = per_group(ev, dev, "event")[g]
        out["story"][g] = per_group(st, dev, "story")[g]
        out["folds"][g] = {"event_threshold": em.threshold, "story_threshold": sm.threshold}
        log(f"fold {g}: event threshold {em.threshold}, story threshold {sm.threshold}; "
            f"events P/R {out['event'][g][0]:.3f}/{out['event'][g][1]:.3f}, "
            f"stories P/R {out['story'][g][0]:.3f}/{out['story'][g][1]:.3f}")
    return out


def summarise(figures: dict[str, tuple[float, float]], sizes: dict[str, int]) -> dict[str, float]:
    """Per group F1 and the overall P/R (item-weighted means of the groups') with its F1."""
    n = sum(sizes.values())
    p = sum(figures[g][0] * sizes[g] for g in figures) / n
    r = sum(figures[g][1] * sizes[g] for g in figures) / n
    out = {g: f1(*figures[g]) for g in figures}
    out.update({"P": p, "R": r, "F1": f1(p, r)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=DEFAULT.embed_words)
    ap.add_argument("--no-write", action="store_true", help="print the figures, keep weights.json")
    ap.add_argument("--no-logo", action="store_true", help="only fit and write (no cross-validated figures)")
    args = ap.parse_args(argv)
    if not EVENTS_DEV.exists():
        print(f"{EVENTS_DEV} not found: the fit reads ../shared/bench at run time", file=sys.stderr)
        return 2
    config = replace(DEFAULT, embed_words=args.words)
    embedder = _cached_embedder()
    dev, _ = load_events_dev(config, embedder)
    demo_docs = load_demo(config, embedder)
    if not args.no_logo:
        res = logo(dev, demo_docs, config)
        sizes = {g: sum(d.group == g for d in dev) for g in GROUPS}
        for label in ("event", "story"):
            s = summarise(res[label], sizes)
            print(f"LOGO {label}s: overall P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f}; "
                  + ", ".join(f"{g} {s[g]:.3f}" for g in GROUPS))
    corpora = [[d for d in demo_docs if d.group == g] for g in ("demo", "demo-dev")] + [dev]
    em, sm = fit_model(corpora, "event"), fit_model(corpora, "story")
    em, sm = choose_thresholds(corpora, em, sm, config)
    body = {"event": em.to_dict(), "story": sm.to_dict(),
            "fitted_on": "demo corpus + demo dev + events-dev (all groups)",
            "embed_words": args.words}
    for name, m in (("event", em), ("story", sm)):
        print(f"{name} model (fitted on all): threshold {m.threshold}; "
              + ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, m.weights)) + f", bias {m.bias:+.2f}")
    if not args.no_write:
        WEIGHTS.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
