"""SemEval-2022 Task 8 (multilingual news article similarity): `tidings compare` against the
plain embedding-cosine baseline, in one run, with the same model.

Reads ../shared/bench/semeval2022-task8/test_pairs.csv at run time (it is never copied
into the repository). Both texts of a pair are cleaned with tidings.clean and understood
with tidings.understand, and scored by every system: the plain cosine of the first 600
characters as given (issue 8's baseline), the cosine of title + the cleaned body's first
600 characters, `compare` (the graded relatedness of cluster/compare_weights.json, as
api.compare computes it) and the clusterer's event model. Pearson r is computed against -Overall (1 = very similar, 4 = very
dissimilar), overall and per language pair, and written to bench/results/semeval.md.

Nothing here is fitted or tuned on this data: compare_weights.json is fitted on
events-dev (tidings.cluster.fit_compare). The name and word rarity weights are counted
over the benchmark texts themselves, without their ratings, as a store counts them.
`--weights FILE` scores another fitted design (each one reported is listed in the README).

    python bench/semeval.py [--limit N] [--csv PATH] [--weights FILE] [--no-chaining]
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import peak_rss_mb, write_result  # noqa: E402

from tidings.cluster.linkage import EventLearner  # noqa: E402
from tidings.cluster.pairs import Weighing, make_item, pair_features, shipped_model  # noqa: E402
from tidings.cluster.relatedness import COMPARE_WEIGHTS, compare_row, compare_text, shipped_compare_model  # noqa: E402
from tidings.config import DEFAULT  # noqa: E402
from tidings.records import RawArticle  # noqa: E402
from tidings.store import SQLiteStore  # noqa: E402
from tidings.understand import understand_batch  # noqa: E402
from tidings.understand.embed import Embedder  # noqa: E402

CSV = ROOT.parent / "shared" / "bench" / "semeval2022-task8" / "test_pairs.csv"
OUT = ROOT / "bench" / "results" / "semeval.md"


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    if n < 3:
        return float("nan")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else float("nan")


def to_article(text: str, lang: str, origin: str):
    try:
        from tidings.clean import clean
    except ImportError:  # before the cleaning stage exists: title = first line
        clean = None
    raw = RawArticle(origin=origin, text=text, lang=lang)
    if clean is not None:
        return clean(raw)
    from tidings.records import Article

    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:300]
    return Article(id=origin, origin=origin, title=title, text=text, raw=text,
                   content_hash=origin, lang=lang)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", default=str(CSV))
    ap.add_argument("--limit", type=int, default=0, help="first N pairs only (a quick look)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--weights", default=str(COMPARE_WEIGHTS),
                    help="compare weights to score (default: the shipped compare_weights.json)")
    ap.add_argument("--no-chaining", action="store_true", help="skip the learner's chaining check (slow)")
    args = ap.parse_args()
    path = Path(args.csv)
    if not path.exists():
        print(f"{path} not found: this benchmark reads ../shared/bench at run time", file=sys.stderr)
        return 2
    csv.field_size_limit(10**9)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if args.limit:
        rows = rows[: args.limit]

    t0 = time.perf_counter()
    cache = SQLiteStore(Path(tempfile.gettempdir()) / "tidings-semeval-cache.db")
    embedder = Embedder(cache)
    arts = []
    for r in rows:
        arts.append(to_article(r["text_1"], r["lang1"], f"{r['pair_id']}:1"))
        arts.append(to_article(r["text_2"], r["lang2"], f"{r['pair_id']}:2"))
    t_clean = time.perf_counter() - t0
    feats = []
    for i in range(0, len(arts), 64):
        feats.extend(understand_batch(arts[i : i + 64], embedder, DEFAULT))
    t_understand = time.perf_counter() - t0 - t_clean

    # The plain baseline of issue 8: the same model on the first 600 characters as given.
    plain = embedder.embed([(r[f"text_{i}"] or " ")[:600] for r in rows for i in (1, 2)])
    items = [make_item(a, f) for a, f in zip(arts, feats)]
    name_df, word_df = Counter(), Counter()
    for it in items:
        name_df.update(it.names)
        word_df.update(it.words)
    weigh = Weighing(name_df, word_df, len(items))
    model = shipped_model("event")
    # `tidings compare` (api.compare): the graded relatedness model over the same evidence
    # plus the cosine of title + the cleaned body's first 600 characters.
    graded = shipped_compare_model(Path(args.weights))
    long_texts = [compare_text(a) for a in arts]
    long_vecs = embedder.embed([t if t.strip() else " " for t in long_texts])
    rel, clong = [], []
    by_pair: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    for k, r in enumerate(rows):
        ia, ib = items[2 * k], items[2 * k + 1]
        x = pair_features(ia, ib, None if ia.vector is None or ib.vector is None else float(ia.vector @ ib.vector), weigh)
        z = float(model.logit(x))
        cl = float(long_vecs[2 * k] @ long_vecs[2 * k + 1]) \
            if long_texts[2 * k].strip() and long_texts[2 * k + 1].strip() else None
        xr = np.array(compare_row(ia, ib, None if ia.vector is None or ib.vector is None
                                  else float(ia.vector @ ib.vector), cl, weigh))
        rel.append(float(graded.score(xr)))
        clong.append(0.0 if cl is None else cl)
        c600 = float(plain[2 * k] @ plain[2 * k + 1])
        g = -float(r["Overall"])
        by_pair[f"{r['lang1']}-{r['lang2']}"].append((g, c600, z, rel[-1], clong[-1]))
    wname = Path(args.weights).name
    meta = graded.meta.get("fitted_on", "")
    out = [
        "# SemEval-2022 Task 8: Pearson r with -Overall",
        "",
        f"{len(rows)} pairs from ../shared/bench/semeval2022-task8/test_pairs.csv, all systems in one run "
        "with one model (multilingual-e5-small). Nothing here is fitted, tuned or chosen on this data: "
        f"`tidings compare` is the graded relatedness model of {wname} ({meta}); "
        "the name and word rarity weights are counted over the benchmark texts without their ratings, "
        "as a store counts them.",
        "",
        "- plain 600: cosine of the first 600 characters of each text as given (the baseline of issue 8);",
        "- long cosine: cosine of the title + the first 600 characters of the cleaned body (what compare embeds);",
        "- compare: `tidings compare` (api.compare), the fitted graded relatedness;",
        "- event model: the clusterer's fitted same-happening log-odds (weights.json).",
        "",
        "| pairs | n | plain 600 | long cosine | **compare** | compare - plain | event model |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def row(label: str, vals: list[tuple[float, ...]]) -> str:
        g = [v[0] for v in vals]
        p6, lc, rc, ev = (pearson([v[i] for v in vals], g) for i in (1, 4, 3, 2))
        return (f"| {label} | {len(vals)} | {p6:.3f} | {lc:.3f} | **{rc:.3f}** | {rc - p6:+.3f} | "
                f"{ev:.3f} |")

    every = [v for vals in by_pair.values() for v in vals]
    out.append(row("**overall**", every))
    below = []
    for pair, vals in sorted(by_pair.items(), key=lambda kv: -len(kv[1])):
        out.append(row(pair, vals))
        g = [v[0] for v in vals]
        if pearson([v[3] for v in vals], g) < pearson([v[1] for v in vals], g):
            below.append(pair)
    out += ["", f"`compare` is below the plain 600-character cosine on: {', '.join(below) or 'no language pair'}."]
    if not args.no_chaining:
        # No chaining: the online learner over every distinct text, in file order.
        learner = EventLearner(DEFAULT)
        seen: set[str] = set()
        for (r, side), a, f in zip(((r, i) for r in rows for i in (1, 2)), arts, feats):
            key = r["pair_id"].split("_")[side - 1]
            if key in seen:
                continue
            seen.add(key)
            learner.learn_one(a, f)
        sizes = sorted((ev.n for ev in learner.events.values()), reverse=True)
        out += ["", f"No chaining: the learner puts the {len(seen)} distinct texts into {len(sizes)} "
                f"events; the largest holds {sizes[0]} ({100 * sizes[0] / len(seen):.1f}%), then "
                f"{', '.join(str(x) for x in sizes[1:6])}."]
    elapsed = time.perf_counter() - t0
    lines = out
    peak = peak_rss_mb()
    lines += [
        "",
        f"Time: {elapsed:.0f} s in all (cleaning {t_clean:.0f} s, understanding {t_understand:.0f} s, "
        f"embeddings cached across runs in the temp folder); peak memory {peak:.0f} MB.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    write_result(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
