"""Explainable similarity between articles and events.

One score in [0, 1] from four pieces of evidence, each reported in `reasons`:
- embedding: cosine of the title+lead vectors, mapped from the model's narrow band
  (unrelated <= ~0.75, same event ~0.86-0.92) onto [0, 1];
- names: overlap of the cross-script name keys, weighted by rarity (Putin is in every war
  story; Ushakov is news) and by kind (places are shared by many happenings);
- figures: distinctive numbers both report (314 prisoners, 6,000 drones);
- time: the gap between when the two reported happenings took place. Beyond a grace of a
  couple of days the score is cut down hard: the same people at another happening, days or
  months apart, is the commonest false match.

The hand-weighted similarity of the clusterer before the fitted one (cluster/pairs.py,
cluster/linkage.py): kept only for the first column of the SemEval benchmark
(bench/semeval.py); nothing in the package uses it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from tidings.cluster.pairs import Comparison, distinctive_figures
from tidings.config import DEFAULT, Config
from tidings.records import Article, Features
from tidings.understand.dates import lead_weekday, parse_iso

if TYPE_CHECKING:
    from tidings.store import Store

KIND_WEIGHT = {"person": 1.0, "org": 0.8, "name": 0.7, "place": 0.5}


@dataclass
class Profile:
    """What is compared: an article's or an event's evidence.

    `names` maps a key to how central it is (0..1): for an article, by its mention count;
    for an event, the share of its articles naming it. `vectors`: the centroid first, then
    member exemplars (an event), or the one article vector.
    """

    vectors: list[np.ndarray] = field(default_factory=list)
    names: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    figures: set[tuple[float, str]] = field(default_factory=set)
    tmin: date | None = None
    tmax: date | None = None
    weekday: int | None = None  # undated articles: the weekday their lead names
    _matrix: np.ndarray | None = field(default=None, repr=False, compare=False)

    def matrix(self) -> np.ndarray | None:
        if self._matrix is None and self.vectors:
            self._matrix = np.stack(self.vectors)
        return self._matrix


def article_profile(features: Features, config: Config = DEFAULT, article: Article | None = None) -> Profile:
    names: dict[str, float] = {}
    kinds: dict[str, str] = {}
    for m in sorted(features.names, key=lambda m: -m.count)[: config.names_top]:
        names[m.key] = min(1.0, 0.4 + 0.3 * m.count)
        kinds[m.key] = m.kind
    t = parse_iso(features.event_time)
    if t is None and article is not None:
        t = parse_iso(article.date)
    if article is not None and weak_time(article):
        t = None  # a date found somewhere in the body may be a recalled one: no time at all
    vecs = [] if features.embedding is None else [np.asarray(features.embedding, dtype=np.float32)]
    weekday = lead_weekday(article) if t is None and article is not None else None
    return Profile(vectors=vecs, names=names, kinds=kinds, figures=distinctive_figures(features.figures),
                   tmin=t, tmax=t, weekday=weekday)


WEAK_DATE_SOURCES = {"text", "guess"}


def weak_time(article: Article) -> bool:
    """True when the article's time is no evidence: its publication date was only the
    first date seen in the body or a file name, or it has none and the time came from
    dates written in the text (which may be those of a happening it recalls)."""
    if article.date is None:
        return True
    return article.date_source in WEAK_DATE_SOURCES


def embedding_similarity(a: Profile, b: Profile) -> float:
    """Best cosine between the two profiles' vectors (centroid or exemplars)."""
    ma, mb = a.matrix(), b.matrix()
    if ma is None or mb is None:
        return float("nan")
    return float(np.max(ma @ mb.T))


def calibrate(cos: float, config: Config = DEFAULT) -> float:
    """Map a cosine onto [0, 1], spending most of the range on the model's narrow band:
    emb_low..emb_high -> 0.1..0.9, and the cosines outside it linearly onto the rest.
    Order is kept everywhere (a graded similarity must not flatten its ends); only the
    band decides whether articles cluster."""
    if math.isnan(cos):
        return float("nan")
    lo, hi = config.emb_low, config.emb_high
    if cos < lo:
        return max(0.0, 0.1 * (cos - 0.0) / lo) if lo > 0 else 0.0
    if cos > hi:
        return min(1.0, 0.9 + 0.1 * (cos - hi) / max(1e-9, 1.0 - hi))
    return 0.1 + 0.8 * (cos - lo) / (hi - lo)


def _match_keys(a: dict[str, float], b: dict[str, float], min_len: int, min_sim: float) -> dict[str, str]:
    """a-key -> b-key for equal keys, and for near keys (French Ouchakov ~ Ushakov)."""
    out = {k: k for k in a if k in b}
    rest = [k for k in a if k not in out and len(k) >= min_len]
    if rest:
        choices = [k for k in b if len(k) >= min_len and k not in out.values()]
        for k in rest:
            if not choices:
                break
            hit = process.extractOne(k, choices, scorer=JaroWinkler.similarity, score_cutoff=min_sim)
            if hit:
                out[k] = hit[0]
                choices.remove(hit[0])
    return out


def name_overlap(
    a: Profile, b: Profile, idf: Callable[[str], float] | None = None, config: Config = DEFAULT
) -> tuple[float, list[str]]:
    """IDF- and kind-weighted cosine of the two name profiles, and the shared keys."""
    if not a.names or not b.names:
        return float("nan"), []
    pairs = _match_keys(a.names, b.names, config.name_fuzzy_min_len, config.name_fuzzy_similarity)

    def w(key: str, kinds: dict[str, str]) -> float:
        base = idf(key) if idf else 1.0
        return base * KIND_WEIGHT.get(kinds.get(key, "name"), 0.7)

    na = math.sqrt(sum((w(k, a.kinds) * v) ** 2 for k, v in a.names.items()))
    nb = math.sqrt(sum((w(k, b.kinds) * v) ** 2 for k, v in b.names.items()))
    if not na or not nb:
        return 0.0, []
    dot = 0.0
    for ka, kb in pairs.items():
        dot += w(ka, a.kinds) * a.names[ka] * w(kb, b.kinds) * b.names[kb]
    shared = sorted(pairs, key=lambda k: -a.names[k] * w(k, a.kinds))
    # Put the overlap on the embedding score's scale: reports of one event share about
    # names_full of their weighted names, and that counts as full agreement.
    return min(1.0, dot / (na * nb) / config.names_full), shared


def figure_overlap(a: Profile, b: Profile) -> tuple[float, list[str]]:
    if not a.figures or not b.figures:
        return float("nan"), []
    shared = sorted(a.figures & b.figures)
    return min(1.0, 0.5 * len(shared)), [f"{v:g}{u if u == '%' else (' ' + u if u else '')}" for v, u in shared]


def time_gap_days(a: Profile, b: Profile) -> float | None:
    if a.tmin is None or b.tmin is None or a.tmax is None or b.tmax is None:
        return None
    if a.tmax < b.tmin:
        return float((b.tmin - a.tmax).days)
    if b.tmax < a.tmin:
        return float((a.tmin - b.tmax).days)
    return 0.0


def weekday_match(a: Profile, b: Profile) -> bool | None:
    """Does an undated side's named weekday fall within the dated side's days? None when
    there is nothing to check (both dated, no weekday, or a span of a week or more)."""
    for x, y in ((a, b), (b, a)):
        if x.tmin is None and x.weekday is not None and y.tmin is not None and y.tmax is not None:
            span = (y.tmax - y.tmin).days
            if span >= 6:
                return None
            return any((y.tmin.weekday() + i) % 7 == x.weekday for i in range(span + 1))
    return None


def time_factor(gap: float | None, config: Config = DEFAULT) -> float:
    """1 within the grace period, falling linearly to 0 at time_zero_days; 1 when unknown."""
    if gap is None:
        return 1.0
    if gap <= config.time_grace_days:
        return 1.0
    span = max(1e-9, config.time_zero_days - config.time_grace_days)
    return max(0.0, 1.0 - (gap - config.time_grace_days) / span)


def score_profiles(
    a: Profile, b: Profile, config: Config = DEFAULT, idf: Callable[[str], float] | None = None
) -> Comparison:
    cos = embedding_similarity(a, b)
    emb = calibrate(cos, config)
    names, shared = name_overlap(a, b, idf, config)
    figs, shared_figs = figure_overlap(a, b)
    gap = time_gap_days(a, b)
    tf = time_factor(gap, config)
    same_weekday = weekday_match(a, b) if gap is None else None
    if same_weekday is False:
        tf *= config.weekday_mismatch_factor
    # Missing evidence (no names found, no vector) drops out of the weighted mean instead
    # of counting as disagreement. Figures only ever add: a story without the other's
    # numbers is not less similar, but sharing a distinctive one is telling.
    present = [(w, v) for w, v in ((config.w_embedding, emb), (config.w_names, names)) if not math.isnan(v)]
    total = sum(w for w, _ in present)
    base = sum(w * v for w, v in present) / total if total else 0.0
    if not math.isnan(figs):
        base += config.w_figures * figs * (1.0 - base)  # closes part of the gap, never past 1
    score = max(0.0, min(1.0, base * tf))
    reasons: dict[str, Any] = {
        "embedding": None if math.isnan(cos) else round(cos, 4),
        "embedding_score": None if math.isnan(emb) else round(emb, 4),
        "shared_names": shared,
        "names_score": None if math.isnan(names) else round(names, 4),
        "figures": shared_figs,
        "figures_score": None if math.isnan(figs) else round(figs, 4),
        "time_gap_days": gap,
        "time_factor": round(tf, 4),
        "weekday_match": same_weekday,
    }
    return Comparison(score=score, reasons=reasons)


def compare(
    a: Article,
    fa: Features,
    b: Article,
    fb: Features,
    config: Config = DEFAULT,
    idf: Callable[[str], float] | None = None,
) -> Comparison:
    """How likely two articles report the same happening, in [0, 1], and why.

    `idf(key)` (optional) weights a name by rarity; without it every name weighs the same.
    """
    pa, pb = article_profile(fa, config, a), article_profile(fb, config, b)
    c = score_profiles(pa, pb, config, idf)
    c.reasons["shared_names"] = _surfaces(c.reasons["shared_names"], fa, fb)
    c.reasons["event_times"] = [fa.event_time, fb.event_time]
    return c


def _surfaces(keys: list[str], fa: Features, fb: Features) -> list[str]:
    """Readable spellings for shared keys: 'Ushakov / उशाकोव'."""
    sa = {m.key: m.surface for m in fa.names}
    sb = {m.key: m.surface for m in fb.names}
    out = []
    for k in keys:
        x, y = sa.get(k, k), sb.get(k)
        out.append(x if y is None or y == x else f"{x} / {y}")
    return out


def idf_from_counts(df: dict[str, int], n_docs: int) -> Callable[[str], float]:
    """Rarity weight of a name key from how many of n_docs articles name it (memoised:
    one scoring round asks for the same keys many times); the fitted model's own."""
    from tidings.cluster.pairs import idf_function

    return idf_function(df, n_docs)


def store_idf(store: Store, *features: Features) -> Callable[[str], float]:
    """Rarity weights for the names of these articles, counted over the whole store
    (for `tidings compare` on stored articles: Putin weighs less where every story names him)."""
    keys = {m.key for f in features for m in f.names}
    return idf_from_counts(store.name_document_counts(keys), store.count_articles())
