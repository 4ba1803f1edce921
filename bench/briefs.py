"""Brief quality benchmark: each reference brief against the brief we build for its articles.

References: the analysts' ones in ../shared/bench/briefs-gold/ (seed articles by the first
three characters of their file names; events-dev articles by id, given only id, text and
url, as in real use) and our own for demo-corpus events in src/tidings/demo/briefs/
(articles named by their path under src/tidings/demo/corpus/). The reference's `articles`
are put into one event by hand, so the brief is measured on the right article set,
whatever the clustering does.

The key-fact threshold is calibrated on OUR references only (their key facts carry the
spans of our demo articles that state them): the cosine that best separates a fact's own
evidence sentences from the other facts' evidence sentences of the same event. The gold
references are never used to choose it.

Writes bench/results/briefs.json (every score and miss) and bench/results/briefs.md.

    PYTHONPATH=src python bench/briefs.py [--reuse] [--only NAME]
      --reuse   keep the ingested databases in /tmp between runs (features are not
                recomputed: use it only while changing brief/ code)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import write_result  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "bench" / "briefs-gold"
SEEDS = SHARED / "seeds"
EVENTS_DEV = SHARED / "bench" / "events-dev" / "events.jsonl"
OURS = ROOT / "src" / "tidings" / "demo" / "briefs"
CORPUS = ROOT / "src" / "tidings" / "demo" / "corpus"
# One cache per checkout: two checkouts running this bench at once must not share databases.
CACHE = Path("/tmp") / f"tidings-briefs-bench-{ROOT.name}"


def _raws(ref: dict, ours: bool):
    from tidings.records import RawArticle
    from tidings.sources import read

    wanted = list(ref["articles"])
    out = []
    if ours:
        for rel in wanted:
            items = [x for x in read([str(CORPUS / rel)]) if isinstance(x, RawArticle)]
            if not items:
                raise SystemExit(f"{rel}: not readable under {CORPUS}")
            out.append(replace(items[0], id=rel))
        return out
    if all(len(a) == 3 and a.isdigit() for a in wanted):
        files = {p.name[:3]: p for p in SEEDS.glob("*.txt")}
        for k in wanted:
            items = [x for x in read([str(files[k])]) if isinstance(x, RawArticle)]
            out.append(replace(items[0], id=k))
        return out
    lines = {}
    with EVENTS_DEV.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            d = json.loads(line)
            if d["id"] in wanted:
                lines[d["id"]] = RawArticle(origin=f"events.jsonl:{n}", id=d["id"], text=d["text"],
                                            url=d.get("url"))
    return [lines[k] for k in wanted if k in lines]


def build(name: str, ref: dict, ours: bool, reuse: bool):
    from tidings.brief import build_brief
    from tidings.pipeline import ingest_raw
    from tidings.records import Event
    from tidings.store import SQLiteStore

    CACHE.mkdir(exist_ok=True)
    db = CACHE / f"{name}.db"
    if db.exists() and not reuse:
        db.unlink()
    fresh = not db.exists()
    store = SQLiteStore(db)
    if fresh:
        raws = _raws(ref, ours)
        report = ingest_raw(raws, store)
        ids = [r.id for r in raws]
        stored = {a.id for a in store.articles()}
        lost = [i for i in ids if i not in stored]
        if lost:
            print(f"{name}: not stored: {lost} ({report.summary()})", file=sys.stderr)
        ids = [i for i in ids if i in stored]
        store.put_event(Event(id="ref-event", title=name, article_ids=ids))
        for aid in ids:
            store.assign(aid, "ref-event")
    t0 = time.perf_counter()
    brief = build_brief(store, "ref-event", "en", force=True)
    return store, brief, time.perf_counter() - t0


def calibrate(refs: list[tuple[str, dict]], embed) -> tuple[float | None, dict]:
    """Cosine that best separates each key fact's evidence from other facts' evidence."""
    import numpy as np

    pos, neg = [], []
    for _, ref in refs:
        facts = [k for k in ref.get("key_facts", []) if k.get("evidence")]
        if len(facts) < 2:
            continue
        fv = np.asarray(embed([k["fact"] for k in facts]))
        for j, k in enumerate(facts):
            ev = [e["text"] for e in k["evidence"]]
            sims = np.asarray(embed(ev)) @ fv.T
            for row in sims:
                pos.append(float(row[j]))
                neg.extend(float(row[i]) for i in range(len(facts)) if i != j)
    if not pos:
        return None, {}
    best, best_acc = None, -1.0
    for t in sorted(set(pos + neg)):
        acc = (sum(p >= t for p in pos) / len(pos) + sum(n < t for n in neg) / len(neg)) / 2
        if acc > best_acc:
            best, best_acc = t, acc
    return round(best, 3), {"positives": len(pos), "negatives": len(neg),
                            "balanced_accuracy": round(best_acc, 3)}


def calibrate_alignment(refs: list[tuple[str, dict]], lang_of: dict[str, str], embed) -> dict:
    """How well cosine and the ratio margin (tidings.brief.align) tell a right alignment
    from a wrong one, on our references: each foreign-language evidence sentence of a key
    fact aligned against the English evidence sentences of all the event's facts; right
    when its best match states the same fact. Returns AUCs and the margin threshold of
    best balanced accuracy."""
    import numpy as np

    from tidings.brief.align import margins
    from tidings.config import DEFAULT

    cos_scored, margin_scored = [], []
    for _, ref in refs:
        pool, foreign = [], []
        for fi, k in enumerate(ref.get("key_facts", [])):
            for e in k.get("evidence", []):
                (pool if lang_of.get(e["article"]) == "en" else foreign).append((fi, e["text"]))
        if len(pool) < 2 or not foreign:
            continue
        sims, conf = margins(np.asarray(embed([t for _, t in foreign])),
                             np.asarray(embed([t for _, t in pool])), DEFAULT.align_margin_k)
        # Every (foreign, English) pair: right when both state the same fact.
        for r, (fi, _) in enumerate(foreign):
            for j, (fj, _) in enumerate(pool):
                cos_scored.append((float(sims[r, j]), fi == fj))
                margin_scored.append((float(conf[r, j]), fi == fj))

    def auc(pairs):
        pos = [x for x, ok in pairs if ok]
        neg = [x for x, ok in pairs if not ok]
        if not pos or not neg:
            return None
        return round(sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg)), 3)

    best, best_acc = None, -1.0
    pos = [x for x, ok in margin_scored if ok]
    neg = [x for x, ok in margin_scored if not ok]
    if pos and neg:
        for t in sorted({x for x, _ in margin_scored}):
            acc = (sum(p >= t for p in pos) / len(pos) + sum(n < t for n in neg) / len(neg)) / 2
            if acc > best_acc:
                best, best_acc = t, acc
    return {"pairs": len(margin_scored), "right_pairs": sum(ok for _, ok in margin_scored),
            "auc_cosine": auc(cos_scored), "auc_margin": auc(margin_scored),
            "margin_threshold": None if best is None else round(best, 3),
            "balanced_accuracy": None if best is None else round(best_acc, 3)}


def _row(name: str, s: dict, seconds: float) -> str:
    e, q, k = s["entities"], s["quotes"], s["key_facts"]

    def f(x):
        return "-" if x is None else (f"{x:.2f}" if isinstance(x, float) else str(x))
    return (f"| {name} | {s['articles']} | {f(e['precision'])} | {f(e['recall'])} | {f(e['core_recall'])} "
            f"| {len(e['junk'])}/{len(e['unmatched'])} | {len(e['split'])}/{len(e['merged'])} "
            f"| {f(q['statement_recall'])} | {f(q['precision'])} | {f(q['speaker_accuracy'])} "
            f"| {len(q['not_statements'])} | {f(q['kind_accuracy'])} "
            f"| {q['multi_language_merged']}/{q['multi_language_found']}/{q['multi_language_statements']} "
            f"| {f(k['covered'])}/{k['n_reference']} | {'yes' if s['first_report']['right'] else 'no'} "
            f"| {f(s['disagreements']['precision'])} ({s['disagreements']['n_brief']}) | {seconds:.1f} |")


HEADER = [
    "| reference | articles | entity P | entity R | core R | junk/unmatched | split/merged "
    "| statements found | quote P | speaker acc | narration | direct/reported acc "
    "| multi-lang merged/found/all | key facts | first report | disagreement P (n) | build s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
    "| ---: | --- | ---: | ---: |",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--only", default=None, help="references whose name holds this text ('ours': our own)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "briefs"))
    ap.add_argument("--verbose", action="store_true",
                    help="print each reference's entity misses: junk, unmatched, split, merged, missed, wrong kinds")
    args = ap.parse_args()

    from tidings import evaluate_brief
    from tidings.understand.embed import Embedder

    gold = [(p.stem, json.loads(p.read_text(encoding="utf-8")), False) for p in sorted(GOLD.glob("*.json"))] \
        if GOLD.is_dir() else []
    if not gold:
        print(f"no reference briefs at {GOLD}: the analysts' references are read at run time", file=sys.stderr)
    ours = [(p.stem, json.loads(p.read_text(encoding="utf-8")), True) for p in sorted(OURS.glob("*.json"))]
    CACHE.mkdir(exist_ok=True)
    shutil.rmtree(CACHE / "embed", ignore_errors=True)
    from tidings.store import SQLiteStore

    cache_store = SQLiteStore(CACHE / "embeddings.db")  # fact and summary vectors, reused
    embedder = Embedder(cache_store)
    threshold, cal = calibrate([(n, r) for n, r, _ in ours], embedder.embed)
    print(f"key-fact threshold from our references: {threshold} {cal}")

    results, rows = {"threshold": threshold, "calibration": cal, "references": {}}, []
    for name, ref, is_ours in gold + ours:
        if args.only and args.only not in name and not (args.only == "ours" and is_ours):
            continue
        store, brief, seconds = build(name, ref, is_ours, args.reuse)
        scores = evaluate_brief(brief, ref, embed=embedder.embed, threshold=threshold)
        scores["build_seconds"] = round(seconds, 2)
        scores["ours"] = is_ours
        store.close()
        results["references"][name] = scores
        rows.append(_row(("ours: " if is_ours else "") + name, scores, seconds))
        print(rows[-1], flush=True)
        if args.verbose:
            _print_misses(scores["entities"], ("junk", "unmatched", "split", "merged", "missed",
                                               "wrong_kinds", "bad_names"))
            _print_misses(scores["quotes"], ("missed", "unmerged", "wrong_speakers"))
    langs: dict[str, str] = {}
    for name, _, _ in ours:
        db = CACHE / f"{name}.db"
        if db.exists():
            st = SQLiteStore(db)
            langs.update({a.id: a.lang or "und" for a in st.articles()})
            st.close()
    align_cal = calibrate_alignment([(n, r) for n, r, _ in ours], langs, embedder.embed)
    results["alignment_calibration"] = align_cal
    par_rows = []
    for name, sc in results["references"].items():
        p = sc["parallel"]
        par_rows.append(f"| {name} | {p['shown']} | {p['judged']} | {p['right']} | {p['wrong']} "
                        f"| {p['mean_confidence_right']} | {p['mean_confidence_wrong']} |")
    lines = ["# Brief quality against reference briefs", "",
             "Brief (reader language en) of each reference's own article set, scored by "
             "`tidings.evaluate_brief`. Gold: analysts' references in ../shared/bench/briefs-gold "
             "(never fitted on); ours: src/tidings/demo/briefs. "
             f"Key fact covered at cosine >= {threshold} (calibrated on our references: {cal}).", "",
             *HEADER, *rows, "",
             "Parallel reading, judged by the references' statements (a foreign sentence and its "
             "match right when both hold one statement, wrong when they hold different ones):", "",
             "| reference | shown | judged | right | wrong | mean confidence right | mean confidence wrong |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |", *par_rows, "",
             f"Alignment confidence on our references' key-fact evidence (foreign sentence vs the "
             f"English ones): {align_cal}.", ""]
    text = "\n".join(lines)
    print(text)
    write_result(args.out + ".md", text)
    Path(args.out + ".json").write_text(json.dumps(committable(results), ensure_ascii=False, indent=1),
                                        encoding="utf-8")


def _print_misses(e: dict, parts: tuple[str, ...]) -> None:
    """What the entity or quote scores count against the brief, listed (printed, never
    written: for the analysts' references these are their strings)."""
    for part in parts:
        items = e.get(part) or []
        print(f"  {part} ({len(items)}):")
        for x in items:
            print(f"    {x}")


def committable(results: dict) -> dict:
    """The results as they may be kept in the repository: for the analysts' references
    (text of ../shared, never copied here) only the figures; what was missed there is
    printed above and listed by a run, not written. Ours keep every detail."""
    def figures(o):
        if isinstance(o, dict):
            return {k: figures(v) for k, v in o.items() if not isinstance(v, str)}
        if isinstance(o, list):
            return len(o) if all(isinstance(v, str) for v in o) else [figures(v) for v in o]
        return o

    refs = {name: sc if sc.get("ours") else figures(sc) for name, sc in results["references"].items()}
    return {**results, "references": refs}


if __name__ == "__main__":
    main()
