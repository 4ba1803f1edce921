"""Names benchmark: entities found in real articles, scored against the analyst references.

Runs the real cleaning and understanding stages (tidings.clean.clean, then
tidings.understand.understand_batch with a stand-in embedder, so no embedding is computed)
over the seed articles (one batch) and the events-dev lines (one batch), then scores the
names of each reference event in ../shared/bench/briefs-gold/ (data we never fitted on):

  recall      gold entities found: some extracted surface equals one of the entity's
              variants (case-folded, whole string) and all such mentions share one key
  any-found   gold entities with a matching surface at all (keys possibly split)
  split       gold entities whose matching surfaces sit under 2+ keys
  merges      keys whose surfaces match two different gold entities (and only them)
  junk        distinct extracted surfaces equal to a not_entity
  surface precision  distinct extracted surfaces that equal some gold variant (stems,
              fragments and run-ons such as "Ucrain" count against it)
  precision   extracted keys (all of them, in the event's articles) whose surfaces match
              some gold entity, over all extracted keys
  cross-script  for gold entities matched in 2+ scripts: share of script pairs whose
              mentions share a key (events-dev references)

and the time of names extraction per article over all dev texts.

    PYTHONPATH=src python bench/names.py [--label after]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import write_result  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "bench" / "briefs-gold"
SEEDS = SHARED / "seeds"
DEV = SHARED / "bench" / "events-dev" / "events.jsonl"


class _NoEmbedder:
    """understand_batch wants an embedder; names need none."""

    def embed(self, texts):
        return [None] * len(texts)


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).casefold().replace("’", "'")
    s = re.sub(r"'s$", "", s.strip())
    return re.sub(r"\s+", " ", s.strip(" .,:;\"'()«»“”")).strip()


def script_of(s: str) -> str:
    for ch in s:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split()[0] if name else "?"
    return "?"


def load_articles():
    from tidings.records import RawArticle

    seeds = []
    for p in sorted(SEEDS.glob("*.txt")):
        seeds.append(RawArticle(origin=p.name, text=p.read_text(encoding="utf-8"), id=p.name[:3]))
    dev = []
    with open(DEV, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            dev.append(RawArticle(origin=d["id"], text=d["text"], id=d["id"], url=d.get("url"),
                                  lang=d.get("lang"), date=d.get("date")))
    return seeds, dev


def run(batches):
    from tidings.clean import clean
    from tidings.understand import understand_batch

    mentions: dict[str, list] = {}
    t_names = 0.0
    n = 0
    for batch in batches:
        arts = [clean(r) for r in batch]
        t0 = time.perf_counter()
        feats = understand_batch(arts, _NoEmbedder())
        t_names += time.perf_counter() - t0
        n += len(arts)
        for raw, f in zip(batch, feats):
            mentions[raw.id or ""] = f.names
    return mentions, t_names / max(n, 1) * 1000


def score(ref: dict, mentions: dict[str, list]) -> dict:
    ents = ref["entities"]
    variants = [{norm(v) for v in e["variants"]} for e in ents]
    junk_set = {norm(s) for s in ref["not_entities"]}
    extracted = [(m.key, m.surface, aid) for aid in ref["articles"] for m in mentions.get(aid, [])]
    keys_of = [set() for _ in ents]
    scripts_keys = [defaultdict(set) for _ in ents]
    key_ents: dict[str, set[int]] = defaultdict(set)
    all_keys = set()
    junk = set()
    surfaces: set[str] = set()
    good_surfaces: set[str] = set()
    for key, surface, _ in extracted:
        all_keys.add(key)
        s = norm(surface)
        surfaces.add(s)
        if any(s in vs for vs in variants):
            good_surfaces.add(s)
        if s in junk_set:
            junk.add(surface)
        for i, vs in enumerate(variants):
            if s in vs:
                keys_of[i].add(key)
                key_ents[key].add(i)
                scripts_keys[i][script_of(surface)].add(key)
    found = sum(1 for k in keys_of if len(k) == 1)
    anyf = sum(1 for k in keys_of if k)
    core = [i for i, e in enumerate(ents) if e.get("core")]
    core_found = sum(1 for i in core if len(keys_of[i]) == 1)
    split = [ents[i]["name"] for i, k in enumerate(keys_of) if len(k) > 1]
    merges = [sorted(ents[i]["name"] for i in es) for k, es in key_ents.items() if len(es) > 1]
    good = sum(1 for k in all_keys if k in key_ents)
    pairs = met = 0
    for sk in scripts_keys:
        for a, b in combinations(sorted(sk), 2):
            pairs += 1
            met += bool(sk[a] & sk[b])
    return {
        "entities": len(ents), "found": found, "any": anyf, "core": len(core), "core_found": core_found,
        "split": split, "merges": merges, "junk": sorted(junk), "keys": len(all_keys), "good_keys": good,
        "pairs": pairs, "met": met, "surfaces": len(surfaces), "good_surfaces": len(good_surfaces),
        "missed": [e["name"] for e, k in zip(ents, keys_of) if not k],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", default="current")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "names.md"))
    args = ap.parse_args()
    if not GOLD.is_dir() or not DEV.is_file() or not SEEDS.is_dir():
        sys.exit(f"needs {GOLD}, {DEV} and {SEEDS}")
    seeds, dev = load_articles()
    t0 = time.perf_counter()
    from tidings.understand import names

    names.name_key("warm up")
    load_s = time.perf_counter() - t0
    mentions, ms_batch = run([seeds, dev])
    # Names extraction alone, per article, on the dev texts (lexicon from the batch included).
    from tidings.clean import clean
    from tidings.understand import full_text

    arts = [clean(r) for r in dev]
    texts = [(full_text(a), a.lang) for a in arts]
    t0 = time.perf_counter()
    for t, lang in texts:
        names.extract(t, lang)
    ms_names = (time.perf_counter() - t0) / len(texts) * 1000
    rows = [f"# names benchmark ({args.label})", "",
            "| reference | recall | core recall | any-found | split | wrong merges | junk | precision | surface precision | cross-script pairs met |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    tp = tk = tm = tpairs = 0
    for path in sorted(GOLD.glob("*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        r = score(ref, mentions)
        prec = r["good_keys"] / max(r["keys"], 1)
        rows.append(
            f"| {path.stem} | {r['found']}/{r['entities']} = {r['found'] / r['entities']:.2f} "
            f"| {r['core_found']}/{r['core']} | {r['any']} | {len(r['split'])} | {len(r['merges'])} "
            f"| {len(r['junk'])} | {r['good_keys']}/{r['keys']} = {prec:.2f} "
            f"| {r['good_surfaces']}/{r['surfaces']} = {r['good_surfaces'] / max(r['surfaces'], 1):.2f} "
            f"| {r['met']}/{r['pairs']} |")
        if not path.stem.startswith("seeds"):
            tpairs += r["pairs"]
            tm += r["met"]
        tp += r["good_keys"]
        tk += r["keys"]
        if args.verbose:
            print(path.stem, "\n  split:", r["split"], "\n  merges:", r["merges"],
                  "\n  junk:", r["junk"], "\n  missed:", r["missed"])
    rows += ["", f"cross-script key recall (events-dev references): {tm}/{tpairs} = {tm / max(tpairs, 1):.2f}",
             f"names extraction: {ms_names:.2f} ms/article over {len(texts)} dev texts "
             f"(understand_batch without embedding: {ms_batch:.2f} ms/article); "
             f"first name_key call (gazetteer load): {load_s:.2f} s"]
    text = "\n".join(rows)
    print(text)
    write_result(args.out, text)


if __name__ == "__main__":
    main()
