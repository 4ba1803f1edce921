"""People, places and organisations of an event, merged across scripts and spellings.

Names arrive per article as Mentions with a cross-script key (tidings.understand.names).
Equal keys are one entity; near keys (Kremlin / Kremlinul, a possessive, a transliteration
that folds one letter apart) are merged by Jaro-Winkler similarity of the keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from tidings.config import DEFAULT, Config
from tidings.records import Article, Features
from tidings.understand.names import name_key, similar_keys

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_LATIN_ONLY = re.compile(r"^[A-Za-z\u00C0-\u024F\s'’.\-]+$")


@dataclass
class Entity:
    key: str
    keys: set[str] = field(default_factory=set)
    surfaces: Counter = field(default_factory=Counter)  # surface -> mentions
    surface_articles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)


def _merge_near_keys(keys: list[str], config: Config, devanagari: frozenset[str] | set[str] = frozenset()) -> dict[str, str]:
    """Map every key to a representative, joining keys at least
    `entity_merge_similarity` alike. Short keys never merge: "ptn" and "pskv" are apart by
    one letter of a three-letter skeleton, so a fuzzy match there means nothing."""
    # Most frequent first, so the representative is the common spelling.
    parent: dict[str, str] = {}
    reps: list[str] = []
    for k in keys:
        target = None
        for r in reps:
            if _near(r, k, config, devanagari):
                target = r
                break
        if target is None:
            reps.append(k)
            parent[k] = k
        else:
            parent[k] = target
    return parent


def _near(a: str, b: str, config: Config, devanagari: frozenset[str] | set[str]) -> bool:
    if a[0] != b[0] or (" " in a) != (" " in b):
        return False
    short, long_ = sorted((a, b), key=len)
    # A key one final letter short of another is the same name: Hindi transliterations
    # drop a final consonant (मॉस्को "msk" / Moscow "mskv"), languages cut stems (German
    # Kreml "krnl" / Kremlin "krnln"). On three letters only Devanagari is trusted.
    if (len(long_) == len(short) + 1 and long_.startswith(short)
            and len(short) >= (3 if short in devanagari else 4)):
        return True
    return (len(short) >= config.entity_merge_min_key
            and similar_keys(a, b) >= config.entity_merge_similarity)


def collect(articles: list[Article], features: dict[str, Features],
            config: Config = DEFAULT) -> tuple[list[Entity], dict[str, str]]:
    """Entities of the articles, and a map from every name key to its entity's key."""
    per_key_articles: dict[str, set[str]] = defaultdict(set)
    devanagari: set[str] = set()
    for a in articles:
        f = features.get(a.id)
        for m in (f.names if f else []):
            if m.key:
                per_key_articles[m.key].add(a.id)
                if _DEVANAGARI.search(m.surface):
                    devanagari.add(m.key)
    ordered = sorted(per_key_articles, key=lambda k: (-len(per_key_articles[k]), k))
    parent = _merge_near_keys(ordered, config, devanagari)

    entities: dict[str, Entity] = {}
    for a in articles:
        f = features.get(a.id)
        for m in (f.names if f else []):
            if not m.key:
                continue
            rep = parent[m.key]
            e = entities.setdefault(rep, Entity(key=rep))
            e.keys.add(m.key)
            e.articles.add(a.id)
            e.kinds[m.kind] += m.count
            for surface in _forms(m.surface, m.key):
                e.surfaces[surface] += m.count
                e.surface_articles[surface].add(a.id)
    return list(entities.values()), parent


def _forms(surface: str, key: str) -> list[str]:
    """The surface and, for a name keyed by its last word ("Vladimir Putin" -> "ptn"),
    that last word alone: articles mostly write the surname, and it is the spelling readers
    look for (Zelenskyy, Зеленский)."""
    out = [surface]
    words = surface.split()
    if len(words) > 1 and " " not in key and name_key(words[-1]) == key:
        out.append(words[-1])
    return out


def display_name(e: Entity) -> str:
    """The Latin-script full form used in most articles; ties go to the spelling closest
    to the other full forms (the consensus transliteration: Zelensky between Zelenskyy and
    Zelenski). Without any Latin form, the most frequent surface."""
    surfaces = list(e.surfaces)
    latin = [s for s in surfaces if _LATIN_ONLY.match(s)]
    pool = latin or surfaces
    # Full names (two words or more) in the most articles: "Dmitry Peskov" over a one-off
    # "Kremlsprecher Dmitri Peskow" that swallowed a title.
    full = [s for s in pool if len(s.split()) >= 2] or pool
    folded = {s: anyascii(s).lower() for s in full}

    def spread(s: str) -> int:
        return sum(Levenshtein.distance(folded[s], folded[o]) for o in full)

    return min(full, key=lambda s: (-len(e.surface_articles[s]), spread(s), s))


def _kind(e: Entity) -> str:
    specific = [(n, k) for k, n in e.kinds.items() if k != "name"]
    return max(specific)[1] if specific else "name"


def _title_keys(title: str) -> set[str]:
    words = re.findall(r"[^\W\d_][\w\u0900-\u097F'’\-]*", title or "")
    keys = {name_key(w) for w in words}
    return {k for k in keys if k}


def rank(entities: list[Entity], articles: list[Article], config: Config = DEFAULT) -> list[dict]:
    """The entity entries of a brief, most salient first.

    Salience mixes the share of articles naming the entity, the share naming it in the
    title, and the share of the event's languages it is named in (weights in Config).
    """
    n = max(1, len(articles))
    langs_all = {a.lang or "und" for a in articles}
    lang_of = {a.id: a.lang or "und" for a in articles}
    title_keys = {a.id: _title_keys(a.title) for a in articles}
    entities_by_key = {e.key: e for e in entities}
    out: list[dict[str, Any]] = []
    for e in entities:
        in_title = sum(
            1 for aid in e.articles if any(k.split()[-1] in title_keys[aid] for k in e.keys)
        )
        langs = {lang_of[aid] for aid in e.articles}
        salience = (
            config.salience_article_weight * len(e.articles) / n
            + config.salience_title_weight * in_title / n
            + config.salience_language_weight * len(langs) / max(1, len(langs_all))
        )
        variants = sorted(e.surfaces, key=lambda s: (-len(e.surface_articles[s]), -e.surfaces[s], s))
        out.append({
            "id": e.key,
            "name": display_name(e),
            "kind": _kind(e),
            "variants": variants,
            "variant_articles": {s: sorted(e.surface_articles[s]) for s in variants},
            "articles": sorted(e.articles),
            "languages": sorted(langs),
            "title_mentions": in_title,
            "salience": round(salience, 4),
        })
    if len(articles) >= 3:
        # In a larger event, a name seen once in one article (not in its title) is
        # usually a side remark or a leftover of site furniture.
        out = [d for d in out if len(d["articles"]) > 1 or d["title_mentions"]
               or sum(entities_by_key[d["id"]].surfaces.values()) > 1]
    out.sort(key=lambda d: (-d["salience"], d["name"]))
    return out[: config.brief_max_entities]
