"""Score a brief against an analyst's reference brief (the JSON shape of the shared
benchmark's reference briefs: entities with every surface form, not-entities, statements
with each occurrence's exact span, key facts, first report, disagreements).

    scores = evaluate_brief(brief, reference, embed=embedder.embed)

Matching rules (plain, so a figure can be checked by hand):
- an entity of the brief meets a reference entity when one of its variants (or its name)
  equals one of the reference's variants, case and apostrophe style aside; it is *junk*
  when it meets none and one of its forms is listed in `not_entities`, *unmatched* when it
  meets none at all; a reference entity met by two brief entries is *split*, a brief entry
  meeting two reference entities (by its name) is *merged*;
- a quote of the brief meets a statement when one of its sources is in an article of an
  occurrence and the two spans overlap (their longest common run of text is most of the
  shorter one); a quote meeting no statement is narration or junk passed off as a
  quote (the reference lists every statement);
- a key fact is covered when a summary sentence is at least `threshold` cosine-similar
  to it (multilingual embeddings), the threshold chosen on our own references
  (bench/briefs.py calibrates it; Config.brief_fact_similarity keeps the choice).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import Any, Callable

import numpy as np

from tidings.config import DEFAULT, Config

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "‹": "'", "›": "'"})
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[\W_]+")


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s or "").translate(_QUOTES).casefold()
    return _SPACE.sub(" ", s).strip(" .,;:!?\"'()[]")


def _grams(s: str) -> set[str]:
    s = _PUNCT.sub(" ", _norm(s)).strip()
    s = f" {s} "
    return {s[i:i + 3] for i in range(max(0, len(s) - 2))}


def span_fit(a: str, b: str) -> float:
    """How closely two spans cover one stretch of text: shared trigrams over those of the
    longer (1.0 for the same words; a short phrase inside a long sentence scores low)."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / max(len(ga), len(gb))


def _flat(s: str) -> str:
    return " ".join(_PUNCT.sub(" ", _norm(s)).split())


def spans_overlap(a: str, b: str, share: float = 0.6) -> bool:
    """Two spans of one article cover one stretch of text: the longest run of words they
    share (punctuation, case and spacing aside) is at least `share` of the shorter.

    Shared trigrams alone would also join two different sentences of one article on
    similar words (two people in two paragraphs each saying the dockers and the port
    board settled on an end to the strike); they only pick the pairs worth comparing."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return False
    short, long_ = sorted((ga, gb), key=len)
    if len(short & long_) < share * len(short):
        return False
    fa, fb = sorted((_flat(a), _flat(b)), key=len)
    if f" {fa} " in f" {fb} ":
        return True
    if _words(fa) <= 6:
        # A short span must appear whole: "az új pápa kilétét" is not "az új pápa
        # külön-külön üdvözölte…" for sharing "az új pápa".
        return False
    run = SequenceMatcher(None, fa, fb, autojunk=False).find_longest_match(0, len(fa), 0, len(fb))
    return run.size >= share * len(fa)


_CJK = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")


def _words(s: str) -> int:
    """Words, two Chinese or Japanese characters counting as one."""
    return len(_CJK.sub(" ", s).split()) + len(_CJK.findall(s)) // 2


def _as_dict(brief: Any) -> dict:
    if dataclasses.is_dataclass(brief) and not isinstance(brief, type):
        return dataclasses.asdict(brief)
    if hasattr(brief, "to_dict"):
        return brief.to_dict()
    return brief


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


# --- entities ---

def _entity_forms(e: dict) -> set[str]:
    return {_norm(v) for v in [e.get("name", ""), *e.get("variants", [])] if v and _norm(v)}


def score_entities(entities: list[dict], reference: dict) -> dict:
    gold = reference.get("entities", [])
    gold_forms = [{_norm(v) for v in [g["name"], *g.get("variants", [])]} for g in gold]
    junk_forms = {_norm(s) for s in reference.get("not_entities", [])}
    matched_gold: dict[int, list[int]] = defaultdict(list)  # gold index -> brief indexes
    matched, kind_right, kind_total = 0, 0, 0
    junk: list[str] = []
    unmatched: list[str] = []
    merged: list[dict] = []
    bad_names: list[dict] = []
    wrong_kinds: list[dict] = []  # matched by a variant, but shown under a form the reference lacks
    for i, e in enumerate(entities):
        forms = _entity_forms(e)
        hits = [(len(forms & gf), gi) for gi, gf in enumerate(gold_forms) if forms & gf]
        if not hits:
            (junk if forms & junk_forms else unmatched).append(str(e.get("name")))
            continue
        matched += 1
        best = max(hits)[1]
        if _norm(e.get("name", "")) not in gold_forms[best]:
            bad_names.append({"brief": e.get("name"), "reference": gold[best]["name"]})
        matched_gold[best].append(i)
        # Merged: the brief's entry holds the names of two reference entities (a variant
        # shared by both, like a bare surname, does not count).
        own = {gi for _, gi in hits if any(f in gold_forms[gi] and sum(f in g for g in gold_forms) == 1
                                           for f in forms)}
        if len(own) > 1:
            merged.append({"brief": e.get("name"), "reference": sorted(gold[gi]["name"] for gi in own)})
        kind_total += 1
        kind_right += e.get("kind") == gold[best].get("kind")
        if e.get("kind") != gold[best].get("kind"):
            wrong_kinds.append({"brief": e.get("name"), "kind": e.get("kind"), "reference": gold[best].get("kind")})
    split = [{"reference": gold[gi]["name"], "brief": [entities[i].get("name") for i in idx]}
             for gi, idx in matched_gold.items() if len(idx) > 1]
    core = [gi for gi, g in enumerate(gold) if g.get("core")]
    missed = [gold[gi]["name"] for gi in range(len(gold)) if gi not in matched_gold]
    return {
        "n_brief": len(entities),
        "n_reference": len(gold),
        "precision": _ratio(matched, len(entities)),
        "recall": _ratio(len(matched_gold), len(gold)),
        "core_recall": _ratio(sum(gi in matched_gold for gi in core), len(core)),
        "kind_accuracy": _ratio(kind_right, kind_total),
        "junk": junk,
        "unmatched": unmatched,
        "split": split,
        "merged": merged,
        "bad_names": bad_names,
        "wrong_kinds": wrong_kinds,
        "missed": missed,
        "missed_core": [gold[gi]["name"] for gi in core if gi not in matched_gold],
    }


# --- quotes ---

def _speaker_forms(name: str | None, entities: list[dict]) -> set[str]:
    if not name:
        return set()
    forms = {_norm(name)}
    n = _norm(name)
    for e in entities:
        ef = _entity_forms(e)
        if n in ef or _norm(e.get("name", "")) in n.split(" (")[0:1] + [n]:
            forms |= ef
    return forms


def _speaker_right(brief_q: dict, gold_speaker: str | None, reference: dict,
                   brief_entities: list[dict]) -> bool:
    said = brief_q.get("speaker")
    if not gold_speaker:
        return not said
    if not said:
        return False
    gold_forms = _speaker_forms(gold_speaker, reference.get("entities", []))
    forms = {_norm(said)}
    sid = brief_q.get("speaker_id")
    for e in brief_entities:
        if sid and e.get("id") == sid:
            forms |= _entity_forms(e)
    if forms & gold_forms:
        return True
    # "Rossi" inside "Pope Pius XIII (Marco Rossi)": a whole word of the name.
    words = set(_PUNCT.sub(" ", _norm(gold_speaker)).split())
    return any(len(w) > 3 and w in words for f in forms for w in f.split())


def score_quotes(quotes: list[dict], reference: dict, brief_entities: list[dict],
                 lang_of: dict[str, str]) -> dict:
    gold = reference.get("quotes", [])
    # Which statements each brief quote meets, through which of its sources.
    meets: list[Counter] = []
    # Closest fit of each quote to each statement it meets: a quote is judged against the
    # statement most of its sources meet, on a tie the one whose span it matches best (a
    # long quote holding a statement's short phrase, "the new pope", meets that
    # statement too, but is the statement it gives word for word).
    fits: list[dict[int, float]] = []
    found_where: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for qi, q in enumerate(quotes):
        c: Counter = Counter()
        fit: dict[int, float] = {}
        for src in q.get("sources", []) or [{"article": q.get("article"), "text": q.get("text", "")}]:
            for gi, g in enumerate(gold):
                here = [o["text"] for o in g["occurrences"] if o["article"] == src.get("article")
                        and spans_overlap(o["text"], src.get("text", ""))]
                if here:
                    c[gi] += 1
                    fit[gi] = max(fit.get(gi, 0.0), *(span_fit(t, src.get("text", "")) for t in here))
                    found_where[gi][qi].add(src.get("article"))
        meets.append(c)
        fits.append(fit)
    matched = [qi for qi, c in enumerate(meets) if c]
    not_statements = [quotes[qi].get("text", "")[:120] for qi, c in enumerate(meets) if not c]
    speaker_right, kind_right, wrong_speakers = 0, 0, []
    mixed = 0
    for qi in matched:
        gi = max(meets[qi], key=lambda k: (meets[qi][k], fits[qi][k], -k))
        g = gold[gi]
        if _speaker_right(quotes[qi], g.get("speaker"), reference, brief_entities):
            speaker_right += 1
        else:
            wrong_speakers.append({"quote": quotes[qi].get("text", "")[:100],
                                   "brief": quotes[qi].get("speaker"), "reference": g.get("speaker")})
        kind_right += (quotes[qi].get("kind") or "direct") == g.get("kind")
        if len(meets[qi]) > 1 and not _gold_overlap(gold, list(meets[qi])):
            mixed += 1
    # Statements in two or more languages: are the languages the brief found of them in
    # one quote?
    multi, merged, multi_found = 0, 0, 0
    unmerged = []
    for gi, g in enumerate(gold):
        langs = {lang_of.get(o["article"], o["article"]) for o in g["occurrences"]}
        if len(langs) < 2:
            continue
        multi += 1
        where = found_where.get(gi, {})
        found_langs = {lang_of.get(a, a) for arts in where.values() for a in arts}
        if len(found_langs) < 2:
            continue
        multi_found += 1
        if any({lang_of.get(a, a) for a in arts} == found_langs for arts in where.values()):
            merged += 1
        else:
            unmerged.append(g.get("gist", "")[:100])
    found = [gi for gi in range(len(gold)) if gi in found_where]
    return {
        "n_brief": len(quotes),
        "n_reference": len(gold),
        "statement_recall": _ratio(len(found), len(gold)),
        "precision": _ratio(len(matched), len(quotes)),
        "speaker_accuracy": _ratio(speaker_right, len(matched)),
        "kind_accuracy": _ratio(kind_right, len(matched)),
        "not_statements": not_statements,
        "wrong_speakers": wrong_speakers,
        "mixed_statements": mixed,
        "multi_language_statements": multi,
        "multi_language_found": multi_found,
        "multi_language_merged": merged,
        "unmerged": unmerged,
        "missed": [g.get("gist", "")[:100] for gi, g in enumerate(gold) if gi not in found_where],
    }


def _gold_overlap(gold: list[dict], gis: list[int]) -> bool:
    """Two statements whose own spans overlap (an annotator's near-duplicates)."""
    for a in gis:
        for b in gis:
            if a < b and any(o["article"] == p["article"] and spans_overlap(o["text"], p["text"])
                             for o in gold[a]["occurrences"] for p in gold[b]["occurrences"]):
                return True
    return False


# --- summary, first report, disagreements ---

def score_key_facts(summary: list[str], reference: dict, embed: Callable[[list[str]], Any] | None,
                    threshold: float) -> dict:
    facts = [k["fact"] for k in reference.get("key_facts", [])]
    if embed is None or not facts:
        return {"n_reference": len(facts), "covered": None, "best": []}
    if not summary:
        return {"n_reference": len(facts), "covered": 0, "best": [0.0] * len(facts),
                "threshold": threshold}
    f = np.asarray(embed(facts), dtype=np.float32)
    s = np.asarray(embed(summary), dtype=np.float32)
    sims = f @ s.T
    best = sims.max(axis=1)
    return {"n_reference": len(facts), "covered": int((best >= threshold).sum()),
            "best": [round(float(x), 3) for x in best], "threshold": threshold,
            "missed": [facts[i][:100] for i in range(len(facts)) if best[i] < threshold]}


def score_disagreements(disagreements: list[dict], reference: dict) -> dict:
    """A brief disagreement is right when two of its versions are backed by articles of
    two different versions of one reference disagreement."""
    gold = reference.get("disagreements", [])
    right = 0
    for d in disagreements:
        versions = [{s.get("article") for s in v.get("sources", [])} for v in d.get("versions", [])]
        ok = False
        for g in gold:
            gv = [set(v.get("articles", [])) for v in g.get("versions", [])]
            ok = any(versions[i] & gv[p] and versions[j] & gv[q]
                     for i in range(len(versions)) for j in range(len(versions)) if i != j
                     for p in range(len(gv)) for q in range(len(gv)) if p != q)
            if ok:
                break
        right += ok
    return {"n_brief": len(disagreements), "n_reference": len(gold),
            "precision": _ratio(right, len(disagreements)), "right": right}


def score_parallel(parallel: list[dict], reference: dict) -> dict:
    """Alignments of the parallel reading judged by the reference's statements: a foreign
    sentence and its match are *right* when both hold an occurrence of one statement,
    *wrong* when they hold occurrences of different statements only (else not judged)."""
    gold = reference.get("quotes", [])

    def statements(article: str, text: str) -> set[int]:
        return {gi for gi, g in enumerate(gold) for o in g["occurrences"]
                if o["article"] == article and (spans_overlap(o["text"], text, 0.6)
                                                or _norm(o["text"]) in _norm(text))}

    right: list[float] = []
    wrong: list[float] = []
    shown = 0
    for item in parallel:
        for sent in item.get("sentences", []):
            mine = statements(str(item.get("article")), sent.get("text", ""))
            for m in sent.get("matches", []):
                shown += 1
                theirs = statements(str(m.get("article")), m.get("text", ""))
                if not mine or not theirs:
                    continue
                conf = m.get("confidence", m.get("score"))
                (right if mine & theirs else wrong).append(conf)
    return {"shown": shown, "judged": len(right) + len(wrong), "right": len(right), "wrong": len(wrong),
            "precision": _ratio(len(right), len(right) + len(wrong)),
            "mean_confidence_right": round(float(np.mean(right)), 3) if right else None,
            "mean_confidence_wrong": round(float(np.mean(wrong)), 3) if wrong else None}


def evaluate_brief(brief: Any, reference: dict, embed: Callable[[list[str]], Any] | None = None,
                   config: Config = DEFAULT, threshold: float | None = None) -> dict:
    """Scores of one brief (dict or typed record) against one reference brief.

    `embed` maps texts to L2-normalised vectors (Embedder.embed); without it key facts
    are not scored."""
    b = _as_dict(brief)
    lang_of = {a["id"]: a.get("lang") or "und" for a in b.get("articles", [])}
    th = config.brief_fact_similarity if threshold is None else threshold
    summary = [s["text"] if isinstance(s, dict) else s for s in b.get("summary", [])]
    first = (b.get("first_report") or {}).get("article")
    gold_first = (reference.get("first_report") or {}).get("article")
    return {
        "event": reference.get("event"),
        "articles": len(reference.get("articles", [])),
        "entities": score_entities(b.get("entities", []), reference),
        "quotes": score_quotes(b.get("quotes", []), reference, b.get("entities", []), lang_of),
        "key_facts": score_key_facts(summary, reference, embed, th),
        "first_report": {"brief": first, "reference": gold_first, "right": first == gold_first},
        "disagreements": score_disagreements(b.get("disagreements", []), reference),
        "parallel": score_parallel(b.get("parallel", []), reference),
    }
