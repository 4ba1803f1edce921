"""Figures of an event (numbers with what they count) and where sources disagree on a
figure or on the date of the happening.

What a figure counts is compared through a small multilingual lexicon of the things news
counts (dead, injured, drones, prisoners …), falling back to the transliterated stem of the
counted word (ड्रोन and drone both start "dron"). Embeddings are not used for this: the
model puts short words such as "dead" and "injured" (or "morți" and "răniți") at cosine
0.93, which would report a death toll and an injury count as a disagreement.
A disagreement also needs the two figures' sentences to be about the same thing
(sentence cosine), so two death tolls of two different attacks are not a disagreement.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from anyascii import anyascii

from tidings.brief.timeline import parse_date
from tidings.config import DEFAULT, Config
from tidings.records import Article, Features, Figure

# concept -> stems (lower-case prefixes, any language). Order matters: the first concept
# found wins, so "people killed" is a death toll, not a head count.
_LEXICON: list[tuple[str, tuple[str, ...]]] = [
    ("killed", ("killed", "dead", "death", "died", "fatalit", "lives", "morți", "morti", "decedat",
                "decese", "murit", "uciș", "ucis", "погиб", "убит", "погибш", "жертв", "загин",
                "вбит", "getötet", "tote", "toten", "starben", "morts", "tués", "tues", "décès",
                "muertos", "fallecid", "murieron", "मारे", "मौत", "मृत")),
    ("injured", ("injur", "wound", "hurt", "rănit", "ranit", "ранен", "пострадав", "поранен",
                 "verletz", "verwund", "blessé", "blesse", "herido", "घायल", "जख्मी", "ज़ख्मी")),
    ("missing", ("missing", "dispărut", "disparut", "пропал", "зник", "vermisst", "disparu",
                 "desaparecid", "लापता")),
    ("arrested", ("arrest", "detain", "reținut", "arestat", "задерж", "арестов", "затрим",
                  "festgenommen", "verhaftet", "interpellé", "arrêté", "detenid", "गिरफ्तार")),
    ("evacuated", ("evacu", "эвакуир", "евакуйов", "निकाला")),
    ("prisoners", ("prisoner", "captive", "prizonier", "пленн", "полонен", "gefangen",
                   "prisonnier", "prisioner", "कैदी", "बंदी", "युद्धबंदी")),
    ("soldiers", ("soldier", "troop", "servicem", "soldaț", "soldat", "militari", "военнослуж",
                  "солдат", "військов", "soldaten", "soldados", "सैनिक", "जवान")),
    ("drones", ("drone", "dron", "uav", "беспилот", "бпла", "безпілот", "drohne", "ड्रोन")),
    ("missiles", ("missile", "rachet", "ракет", "rakete", "misil", "मिसाइल")),
    ("refugees", ("refugee", "refugiat", "беженц", "біженц", "flüchtling", "réfugié", "refugiad",
                  "शरणार्थी")),
    ("votes", ("vote", "voturi", "голос", "stimme", "voix", "votos", "वोट")),
    ("seats", ("seat", "locuri", "sitz", "sièges", "escaño", "सीट")),
    ("homes", ("home", "house", "locuin", "домов", "будинк", "häuser", "maisons",
               "viviendas", "घर", "मकान")),
    ("people", ("people", "person", "oameni", "persoan", "человек", "людей", "люди", "осіб",
                "menschen", "personen", "personnes", "personas", "लोग", "व्यक्ति")),
]
_STOP = {"de", "of", "the", "la", "le", "les", "des", "del", "der", "die", "das", "a", "an",
         "से", "के", "की", "का", "अधिक", "more", "than", "over", "about", "some", "mai", "mult",
         "peste", "plus", "около", "более"}


@dataclass
class Found:
    article: Article
    figure: Figure
    concept: str
    sentence: str


def concept_of(fig: Figure, context: str = "") -> str:
    """What a figure counts, comparable across languages: "killed", "drones", "%:dntsk"."""
    words = [w.lower() for w in re.findall(r"[\w\u0900-\u097F%]+", f"{fig.what} {context}")]
    for concept, stems in _LEXICON:
        if any(w.startswith(stems) for w in words):
            base = concept
            break
    else:
        content = [w for w in re.findall(r"[\w\u0900-\u097F]+", fig.what.lower()) if w not in _STOP]
        head = anyascii(content[0]).lower() if content else ""
        base = "w:" + head[:4] if len(head) >= 3 else ""
    unit = fig.unit or ""
    if not base and not unit:
        return ""
    return f"{unit}:{base}" if unit else base


def _context(article: Article, fig: Figure, sentences_of) -> tuple[str, str]:
    """(sentence containing the figure, the few words after the number)."""
    for s in sentences_of(article):
        if fig.text and fig.text in s:
            after = s[s.index(fig.text):][:80]
            return s, after
    return fig.text, fig.text


def collect(articles: list[Article], features: dict[str, Features], sentences_of) -> list[Found]:
    out = []
    for a in articles:
        f = features.get(a.id)
        for fig in (f.figures if f else []):
            sentence, after = _context(a, fig, sentences_of)
            concept = concept_of(fig, after)
            if concept:
                out.append(Found(a, fig, concept, sentence))
    return out


def _src(x: Found) -> dict:
    return {"article": x.article.id, "source": x.article.source, "lang": x.article.lang,
            "text": x.figure.text}


def group(found: list[Found]) -> list[dict]:
    """One entry per (thing counted, value), with every article giving it; most sourced first."""
    by: dict[tuple[str, float], list[Found]] = defaultdict(list)
    for x in found:
        by[(x.concept, round(x.figure.value, 6))].append(x)
    out = []
    for (concept, value), xs in by.items():
        first = xs[0].figure
        out.append({
            "value": first.value,
            "text": first.text,
            "what": first.what,
            "unit": first.unit,
            "concept": concept,
            "sources": [_src(x) for x in xs],
        })
    out.sort(key=lambda d: (-len({s["article"] for s in d["sources"]}), d["concept"], d["value"]))
    return out


def disagreements(found: list[Found], vectors: dict[str, np.ndarray], config: Config = DEFAULT) -> list[dict]:
    """Figures counting the same thing with different values in different articles, when
    their sentences are about the same thing (cosine >= figure_context_similarity).

    `vectors` maps a figure sentence to its embedding; sentences without one are compared
    by concept alone.
    """
    by_concept: dict[str, list[Found]] = defaultdict(list)
    for x in found:
        if x.concept.startswith("w:") or x.concept in ("", "people"):
            # A bare stem or a head count is too vague to call a disagreement on.
            continue
        by_concept[x.concept].append(x)
    out = []
    for concept, xs in by_concept.items():
        versions: dict[float, list[Found]] = {}
        for x in xs:
            key = next((v for v in versions if _same(v, x.figure.value, config)), x.figure.value)
            versions.setdefault(key, []).append(x)
        if len(versions) < 2:
            continue
        # Keep only versions whose sentences match some other version's sentence.
        values = list(versions)
        linked: set[float] = set()
        for i, v in enumerate(values):
            for w in values[i + 1:]:
                if _related(versions[v], versions[w], vectors, config):
                    linked.update((v, w))
        if len(linked) < 2:
            continue
        arts = {x.article.id for v in linked for x in versions[v]}
        if len(arts) < 2:
            continue
        out.append({
            "kind": "figure",
            "about": concept.replace("w:", ""),
            "what": versions[values[0]][0].figure.what,
            "versions": [
                {"value": v, "text": versions[v][0].figure.text,
                 "sources": [_src(x) for x in versions[v]]}
                for v in sorted(linked, key=lambda v: (-len(versions[v]), v))
            ],
        })
    return out


def _same(a: float, b: float, config: Config) -> bool:
    return abs(a - b) <= config.figure_disagreement_ratio * max(abs(a), abs(b), 1e-9)


def _related(xs: list[Found], ys: list[Found], vectors, config: Config) -> bool:
    for x in xs:
        for y in ys:
            if x.article.id == y.article.id:
                continue
            vx, vy = vectors.get(x.sentence), vectors.get(y.sentence)
            if vx is None or vy is None or float(vx @ vy) >= config.figure_context_similarity:
                return True
    return False


def date_disagreements(articles: list[Article], features: dict[str, Features],
                       config: Config = DEFAULT) -> list[dict]:
    """Articles placing the happening on days `date_disagreement_days` or more apart, when
    each was published after both days (so neither was simply written before the other
    day came)."""
    days: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        f = features.get(a.id)
        parsed = parse_date(f.event_time if f else None)
        if parsed:
            days[parsed[0].date().isoformat()].append(a)
    if len(days) < 2:
        return []
    ordered = sorted(days)
    latest = parse_date(ordered[-1])[0]
    earliest = parse_date(ordered[0])[0]
    if (latest - earliest).total_seconds() < config.date_disagreement_days * 86400:
        return []

    def after_both(a: Article) -> bool:
        p = parse_date(a.date)
        return bool(p) and p[0].date() > latest.date()

    versions = []
    for day in ordered:
        arts = [a for a in days[day] if after_both(a)]
        if arts:
            versions.append({"value": day, "sources": [
                {"article": a.id, "source": a.source, "lang": a.lang} for a in arts]})
    if len(versions) < 2:
        return []
    return [{"kind": "date", "about": "when it happened", "versions": versions}]
