"""Online clustering: each arriving article joins the best event or starts a new one.

An event keeps a running profile: centroid of its members' vectors plus a few member
exemplars (the first and the latest), how many members name each name key, distinctive
figures, the span of reported times, languages, sources and a representative title. The
profile is saved with the event (store.put_event), so a later run, or a later batch a day
on, picks up where the last one stopped.

Order matters little by design: an article is compared with the centroid and with the
best-matching exemplar, so an event found through any of its members is found; and when
an article links two events that both clear the bar, the two are checked against each
other and merged if they are one happening.
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from tidings.cluster.index import CandidateIndex
from tidings.cluster.similarity import (
    Comparison,
    Profile,
    article_profile,
    distinctive_figures,
    idf_from_counts,
    score_profiles,
    weak_time,
)
from tidings.config import DEFAULT, Config
from tidings.records import Article, Event, Features
from tidings.understand.dates import parse_iso

if TYPE_CHECKING:
    from tidings.store import Store

MAX_FIGURES = 40
MAX_FLOATING = 5000  # undated articles still allowed to move (the most recent)
MAX_VECTORS = 50_000  # member vectors kept in memory (exemplars are reloaded on demand)
MAX_PROFILES = 5_000  # event profiles kept between arrivals (rebuilt when an event changes)


@dataclass
class _Floating:
    profile: Profile
    keys: list[str]
    figures: set
    vector: np.ndarray | None


@dataclass
class EventState:
    id: str
    seq: int  # creation order: on a merge the older event keeps its id
    members: list[str] = field(default_factory=list)
    vec_sum: np.ndarray | None = None
    exemplars: list[str] = field(default_factory=list)
    names: Counter = field(default_factory=Counter)
    kinds: dict[str, str] = field(default_factory=dict)
    figures: Counter = field(default_factory=Counter)
    tmin: date | None = None
    tmax: date | None = None
    first: str | None = None
    last: str | None = None
    langs: Counter = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)
    title: str = ""
    title_cos: float = -1.0

    @property
    def n(self) -> int:
        return len(self.members)

    def centroid(self) -> np.ndarray | None:
        if self.vec_sum is None:
            return None
        norm = float(np.linalg.norm(self.vec_sum))
        return self.vec_sum / norm if norm else self.vec_sum

    def widen(self, times, stamps) -> None:
        """Stretch the span to cover these reported times (datetimes, for matching) and
        ISO stamps (for display); None entries are skipped."""
        for t in times:
            if t is not None:
                self.tmin = t if self.tmin is None else min(self.tmin, t)
                self.tmax = t if self.tmax is None else max(self.tmax, t)
        for stamp in stamps:
            if stamp:
                self.first = stamp if self.first is None else min(self.first, stamp)
                self.last = stamp if self.last is None else max(self.last, stamp)

    def to_state(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "members": self.members,
            "sum_norm": None if self.vec_sum is None else float(np.linalg.norm(self.vec_sum)),
            "exemplars": self.exemplars,
            "names": dict(self.names.most_common()),
            "kinds": {k: self.kinds[k] for k in self.names if k in self.kinds},
            "figures": [[v, u, c] for (v, u), c in self.figures.most_common(MAX_FIGURES)],
            "tmin": self.tmin.isoformat() if self.tmin else None,
            "tmax": self.tmax.isoformat() if self.tmax else None,
            "first": self.first,
            "last": self.last,
            "langs": dict(self.langs),
            "sources": self.sources,
            "title": self.title,
            "title_cos": self.title_cos,
        }

    @classmethod
    def from_state(cls, event_id: str, s: dict[str, Any], centroid: np.ndarray | None) -> "EventState":
        vec_sum = None
        if centroid is not None and s.get("sum_norm") is not None:
            vec_sum = np.asarray(centroid, dtype=np.float32) * float(s["sum_norm"])
        return cls(
            id=event_id,
            seq=int(s.get("seq", 0)),
            members=list(s.get("members", [])),
            vec_sum=vec_sum,
            exemplars=list(s.get("exemplars", [])),
            names=Counter(s.get("names", {})),
            kinds=dict(s.get("kinds", {})),
            figures=Counter({(float(v), u): int(c) for v, u, c in s.get("figures", [])}),
            tmin=parse_iso(s.get("tmin")),
            tmax=parse_iso(s.get("tmax")),
            first=s.get("first"),
            last=s.get("last"),
            langs=Counter(s.get("langs", {})),
            sources=list(s.get("sources", [])),
            title=s.get("title", ""),
            title_cos=float(s.get("title_cos", -1.0)),
        )

    def to_event(self) -> Event:
        return Event(
            id=self.id, title=self.title, first_time=self.first, last_time=self.last,
            languages=[lang for lang, _ in self.langs.most_common()],
            article_ids=list(self.members), sources=list(self.sources),
        )


class Clusterer:
    """Online event clustering over a store.

    `add(article, features)` -> (event id, score): writes store.assign and store.put_event.
    The score is the similarity to the event joined (1.0 for a duplicate, 0.0 for the
    first article of a new event).
    """

    def __init__(self, store: Store, config: Config = DEFAULT) -> None:
        self.store = store
        self.config = config
        self.index = CandidateIndex()
        self.events: dict[str, EventState] = {}
        self.article_event: dict[str, str] = {}
        self.df: Counter = Counter()
        self.n_docs = 0
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()  # exemplar vectors, LRU
        self._profiles: OrderedDict[str, Profile] = OrderedDict()  # unchanged events' profiles
        self._seq = 0
        # Undated articles have no time to block them: they join whatever similar event
        # exists when they arrive, which may be the look-alike (the crash report a month
        # later, the next round of talks). They stay "floating": when a dated article
        # lands in another event sharing their names, they move there if it fits better.
        self.floating: OrderedDict[str, _Floating] = OrderedDict()
        self.floating_by_key: dict[str, set[str]] = defaultdict(set)
        for event_id, state, centroid in store.event_states():
            if not state or "members" not in state:
                continue
            ev = EventState.from_state(event_id, state, centroid)
            if not ev.members:
                continue
            self.events[event_id] = ev
            self._seq = max(self._seq, ev.seq + 1)
            for a in ev.members:
                self.article_event[a] = event_id
            self.df.update(ev.names)
            self.n_docs += ev.n
            self._index(ev)
        self._load_floating()

    # --- public ---
    def add(self, article: Article, features: Features) -> tuple[str, float]:
        if article.id in self.article_event:
            event_id = self.article_event[article.id]
            return event_id, 1.0
        if features.embedding is not None:
            self._remember(article.id, np.asarray(features.embedding, dtype=np.float32))
        if article.duplicate_of:
            original = self.article_event.get(article.duplicate_of) or self.store.event_of(article.duplicate_of)
            if original and original in self.events:
                self._join(self.events[original], article, features, 1.0)
                return original, 1.0
        if features.embedding is None and not features.names:
            # Nothing to compare by (no words): an event of its own, rather than one that
            # gathers every wordless article.
            return self._new_event(article, features).id, 0.0
        profile = article_profile(features, self.config, article)
        scored = self.score_candidates(article, features, profile)
        if scored and scored[0][1].score >= self.config.join_threshold:
            best, comp = scored[0]
            self._join(best, article, features, comp.score)
            others = [ev for ev, c in scored[1:] if c.score >= self.config.join_threshold]
            event = self._maybe_merge(best, others)
            result = event.id, comp.score
        else:
            event = self._new_event(article, features)
            result = event.id, 0.0
        if profile.tmin is None:
            self._float(article.id, profile, features)
        else:
            self._refloat(self.events[self.article_event[article.id]], profile)
        return self.article_event[article.id], result[1]

    def event_of(self, article_id: str) -> str | None:
        """The event an article is in now (a later merge or move may have changed it)."""
        return self.article_event.get(article_id)

    def score_candidates(self, article: Article | None, features: Features,
                         profile: Profile | None = None) -> list[tuple[EventState, Comparison]]:
        """Candidate events for an article with their comparisons, best first."""
        profile = profile or article_profile(features, self.config, article)
        t = profile.tmin
        keys = list(profile.names)
        vec = profile.vectors[0] if profile.vectors else None
        cands = self.index.candidates(vec, t, self.config.time_window_days, keys,
                                      self.config.candidates_top_k)
        self._preload_exemplars([e for e, _ in cands])
        idf = self.idf()
        out = []
        for event_id, _ in cands:
            ev = self.events.get(event_id)
            if ev is None:
                continue
            out.append((ev, score_profiles(profile, self.profile(ev), self.config, idf)))
        out.sort(key=lambda x: -x[1].score)
        return out

    def idf(self):
        return idf_from_counts(self.df, self.n_docs)

    def profile(self, ev: EventState, without: str | None = None) -> Profile:
        """The event's evidence; `without` leaves one member out (to ask whether that
        member would still choose this event)."""
        if without is None:
            cached = self._profiles.get(ev.id)
            if cached is not None:
                self._profiles.move_to_end(ev.id)
                return cached
        p = self._build_profile(ev, without)
        if without is None:
            self._profiles[ev.id] = p
            if len(self._profiles) > MAX_PROFILES:
                self._profiles.popitem(last=False)
        return p

    def _build_profile(self, ev: EventState, without: str | None) -> Profile:
        vectors = []
        gone = self.floating.get(without) if without else None
        vec_sum = ev.vec_sum
        names = ev.names
        n = ev.n
        if gone is not None:
            if vec_sum is not None and gone.vector is not None:
                vec_sum = vec_sum - gone.vector
            names = ev.names - Counter(gone.keys)
            n -= 1
        if vec_sum is not None and n > 0:
            norm = float(np.linalg.norm(vec_sum))
            if norm > 1e-6:
                vectors.append(vec_sum / norm)
        exemplars = [a for a in ev.exemplars if a != without]
        missing = [a for a in exemplars if a not in self._vectors]
        if missing:
            for aid, f in self.store.get_features(missing).items():
                if f.embedding is not None:
                    self._remember(aid, f.embedding)
        vectors.extend(self._vectors[a] for a in exemplars if a in self._vectors)
        n = max(1, n)
        top = names.most_common(self.config.event_max_names)
        return Profile(
            vectors=vectors,
            names={k: c / n for k, c in top},
            kinds={k: ev.kinds.get(k, "name") for k, _ in top},
            figures=set(ev.figures),
            tmin=ev.tmin,
            tmax=ev.tmax,
        )

    # --- internals ---
    def _preload_exemplars(self, event_ids: list[str]) -> None:
        """One query for the exemplar vectors of every candidate not seen since a restart."""
        missing: list[str] = []
        for e in event_ids:
            ev = self.events.get(e)
            if ev is not None and e not in self._profiles:
                missing.extend(a for a in ev.exemplars if a not in self._vectors)
        if missing:
            for aid, f in self.store.get_features(missing).items():
                if f.embedding is not None:
                    self._remember(aid, f.embedding)

    def _remember(self, article_id: str, vector: np.ndarray) -> None:
        self._vectors[article_id] = vector
        self._vectors.move_to_end(article_id)
        if len(self._vectors) > MAX_VECTORS:
            self._vectors.popitem(last=False)

    def _index(self, ev: EventState) -> None:
        self._profiles.pop(ev.id, None)  # every change of an event passes here
        keys = [k for k, _ in ev.names.most_common(self.config.event_max_names)]
        self.index.put(ev.id, ev.centroid(), ev.tmin, ev.tmax, keys)

    def _new_id(self, article: Article) -> str:
        base = "ev-" + (re.sub(r"[^A-Za-z0-9_.-]", "", article.id)[:40] or "x")
        event_id, i = base, 2
        while event_id in self.events:
            event_id, i = f"{base}-{i}", i + 1
        return event_id

    def _new_event(self, article: Article, features: Features) -> EventState:
        ev = EventState(id=self._new_id(article), seq=self._seq)
        self._seq += 1
        self.events[ev.id] = ev
        self._join(ev, article, features, 0.0)
        return ev

    def _join(self, ev: EventState, article: Article, features: Features, score: float) -> None:
        ev.members.append(article.id)
        self.article_event[article.id] = ev.id
        vec = None if features.embedding is None else np.asarray(features.embedding, dtype=np.float32)
        if vec is not None:
            ev.vec_sum = vec.copy() if ev.vec_sum is None else ev.vec_sum + vec
            k = self.config.event_exemplars
            # The first members and the latest: both ends of how the story was told.
            ev.exemplars = (ev.exemplars + [article.id])
            if len(ev.exemplars) > k:
                half = k // 2
                ev.exemplars = ev.exemplars[:half] + ev.exemplars[-(k - half):]
            centroid = ev.centroid()
            assert centroid is not None  # vec_sum was just set
            cos = float(vec @ centroid) + self._title_bonus(article.lang)
            # The title most like the centroid reads as the event's headline.
            if not ev.title or cos > ev.title_cos or ev.n == 1:
                if article.title:
                    ev.title, ev.title_cos = article.title[:300], cos
        elif not ev.title:
            ev.title = (article.title or "")[:300]
        keys = {m.key for m in features.names}
        for m in features.names:
            ev.names[m.key] += 1
            if m.kind != "name" or m.key not in ev.kinds:
                ev.kinds[m.key] = m.kind
        self.df.update(keys)
        self.n_docs += 1
        for fig in distinctive_figures(features.figures):
            ev.figures[fig] += 1
        if len(ev.figures) > MAX_FIGURES:
            ev.figures = Counter(dict(ev.figures.most_common(MAX_FIGURES)))
        t = None if weak_time(article) else (parse_iso(features.event_time) or parse_iso(article.date))
        ev.widen((t,), (article.date, features.event_time))
        if article.lang:
            ev.langs[article.lang] += 1
        if article.source and article.source not in ev.sources:
            ev.sources.append(article.source)
        self._index(ev)
        self.store.assign(article.id, ev.id, score)
        self._save(ev)

    def _save(self, ev: EventState) -> None:
        self.store.put_event(ev.to_event(), ev.to_state(), ev.centroid())

    def _maybe_merge(self, chosen: EventState, others: list[EventState]) -> EventState:
        """The article linked several events: merge those that are one happening."""
        for other in others:
            if other.id not in self.events or other.id == chosen.id:
                continue
            comp = score_profiles(self.profile(chosen), self.profile(other), self.config, self.idf())
            if comp.score >= self.config.merge_threshold:
                chosen = self._merge(chosen, other)
        return chosen

    def _merge(self, a: EventState, b: EventState) -> EventState:
        keep, gone = (a, b) if a.seq <= b.seq else (b, a)
        # Counts of names were added to df once per article: a merge moves, not adds.
        keep.members.extend(gone.members)
        if gone.vec_sum is not None:
            keep.vec_sum = gone.vec_sum.copy() if keep.vec_sum is None else keep.vec_sum + gone.vec_sum
        k = self.config.event_exemplars
        ex = keep.exemplars + [x for x in gone.exemplars if x not in keep.exemplars]
        keep.exemplars = ex[: k // 2] + ex[-(k - k // 2):] if len(ex) > k else ex
        keep.names.update(gone.names)
        for key, kind in gone.kinds.items():
            keep.kinds.setdefault(key, kind)
        keep.figures.update(gone.figures)
        keep.widen((gone.tmin, gone.tmax), (gone.first, gone.last))
        keep.langs.update(gone.langs)
        keep.sources.extend(s for s in gone.sources if s not in keep.sources)
        centroid = keep.centroid()
        if centroid is not None and gone.title and gone.title_cos > keep.title_cos:
            keep.title, keep.title_cos = gone.title, gone.title_cos
        for aid in gone.members:
            self.article_event[aid] = keep.id
            self.store.assign(aid, keep.id, None)
        del self.events[gone.id]
        self._profiles.pop(gone.id, None)
        self.index.remove(gone.id)
        self.store.delete_event(gone.id)
        self._index(keep)
        self._save(keep)
        return keep

    # --- undated articles that may still move ---
    def _load_floating(self) -> None:
        """Undated articles stored by an earlier run may still move: reload them."""
        ids = [a for a in self.store.undated_article_ids(MAX_FLOATING) if a in self.article_event]
        if not ids:
            return
        feats = self.store.get_features(ids)
        for article in reversed(self.store.get_articles(ids)):
            f = feats.get(article.id)
            if f is not None:
                self._float(article.id, article_profile(f, self.config, article), f)

    def _float(self, article_id: str, profile: Profile, features: Features) -> None:
        keys = [m.key for m in features.names]
        vec = None if features.embedding is None else np.asarray(features.embedding, dtype=np.float32)
        self.floating[article_id] = _Floating(profile, keys, distinctive_figures(features.figures), vec)
        for k in profile.names:
            self.floating_by_key[k].add(article_id)
        while len(self.floating) > MAX_FLOATING:
            old, f = self.floating.popitem(last=False)
            for k in f.profile.names:
                self.floating_by_key[k].discard(old)

    def _refloat(self, ev: EventState, trigger: Profile) -> None:
        """A dated article just landed in `ev`: undated articles elsewhere that share its
        names move here when this event now suits them clearly better."""
        if not self.floating:
            return
        near: set[str] = set()
        for k in trigger.names:
            near |= self.floating_by_key.get(k, set())
        idf = self.idf()
        for aid in list(near)[:50]:
            current_id = self.article_event.get(aid)
            if current_id is None or current_id == ev.id or current_id not in self.events:
                continue
            f = self.floating[aid]
            current = self.events[current_id]
            here = score_profiles(f.profile, self.profile(ev), self.config, idf).score
            if here < self.config.join_threshold:
                continue
            there = score_profiles(f.profile, self.profile(current, without=aid), self.config, idf).score \
                if current.n > 1 else 0.0
            if here > there + self.config.move_margin:
                self._move(aid, current, ev, here)

    def _move(self, aid: str, src: EventState, dst: EventState, score: float) -> None:
        f = self.floating[aid]
        src.members.remove(aid)
        if f.vector is not None and src.vec_sum is not None:
            src.vec_sum = src.vec_sum - f.vector
            dst.vec_sum = f.vector.copy() if dst.vec_sum is None else dst.vec_sum + f.vector
        src.names.subtract(f.keys)
        src.names = +src.names
        dst.names.update(f.keys)
        src.figures.subtract(f.figures)
        src.figures = +src.figures
        dst.figures.update(f.figures)
        if aid in src.exemplars:
            src.exemplars.remove(aid)
        dst.members.append(aid)
        dst.exemplars = (dst.exemplars + [aid])[-self.config.event_exemplars:]
        self.article_event[aid] = dst.id
        self.store.assign(aid, dst.id, score)
        if not src.members:
            del self.events[src.id]
            self._profiles.pop(src.id, None)
            self.index.remove(src.id)
            self.store.delete_event(src.id)
        else:
            self._refresh_summary(src)
            self._index(src)
            self._save(src)
        self._refresh_summary(dst)
        self._index(dst)
        self._save(dst)

    def _title_bonus(self, lang: str | None) -> float:
        # Lists of events are read in one language: among titles about as central, prefer it.
        return self.config.title_lang_bonus if lang and lang == self.config.title_lang else 0.0

    def _refresh_summary(self, ev: EventState) -> None:
        """Languages, sources and title after a member left or came (read from the store)."""
        arts = self.store.get_articles(ev.members)
        ev.langs = Counter(a.lang for a in arts if a.lang)
        ev.sources = list(dict.fromkeys(a.source for a in arts if a.source))
        c = ev.centroid()
        best, best_cos = ev.title, -2.0
        for a in arts:
            v = self._vectors.get(a.id)
            if v is not None and c is not None and a.title:
                cos = float(v @ c) + self._title_bonus(a.lang)
                if cos > best_cos:
                    best, best_cos = a.title[:300], cos
        ev.title, ev.title_cos = best, best_cos
