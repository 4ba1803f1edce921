"""A pure online clusterer of events inside stories, by average linkage.

`EventLearner.learn_one(article, features)` returns the changes to persist (assign an
article, upsert an event, delete an event, move an article, set an event's story); the
learner itself does no I/O, and its whole state saves and loads (`to_state`/`from_state`).

Why average linkage: an article joins an event by its mean fitted probability over the
event's members (a bounded sample for big events: the first and the latest), so one wrong
member cannot pull in the next wrong article (chaining through a single best exemplar).
An event's time is the median of its members' days and its spread their median absolute
deviation, which one misdated member cannot stretch. Two events merge only when they agree
as wholes (mean probability over both samples).

Stories are decided at the event level, and again as the event grows (at 2, 3, 5, 8...
members): every member is compared at its event's robust time (the median day of its dated
members, else their month), so an undated article cannot carry a December event into May;
events further apart than the story window are never one story, and an event with no time
at all needs a stronger agreement. An event joins the story whose events agree with it best
under the story model (fitted on pairs across events of one story vs of two, within the
window), leaves a story none of whose events it still agrees with, and two stories merge
when they agree as wholes (the older keeps its id; the other's events are relabelled).

Deterministic for a given input order: candidates are sorted, never taken from set order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from statistics import median
from typing import Any, Iterable

import numpy as np

from tidings.cluster.index import CandidateIndex
from tidings.cluster.pairs import Item, PairModel, Weighing, make_item, pair_row, shipped_model
from tidings.config import DEFAULT, Config
from tidings.records import Article, Event, Features
from tidings.titles import title_rank, without_dateline

SAMPLE_FIRST = 8  # members kept for comparison: the first ones ...
SAMPLE_LATEST = 16  # ... and the latest ones
# One pair's say in an average: agreement counts up to +6, disagreement down to -12 (a
# member the newcomer clearly contradicts weighs twice a member it matches; a misdated
# member still cannot veto on its own, as an unclipped -40 would).
LOGIT_UP, LOGIT_DOWN = 6.0, -12.0
UNCOUNTED = 10**9  # members of a source in an event saved before sources were counted
PAIR_MEMO_MAX = 200_000  # pairs' log-odds remembered at most (about 30 MB)
# Where an undated member belongs is decided on log-odds clipped only below: near certainty
# the clip above would make the right event and its look-alike tie, and a tie leaves the
# member wherever the arrival order first put it.
MOVE_LOGIT_UP = 30.0
# An event decides its story again as it grows (its time and words settle): at these
# sizes, then every RESTORY_EVERY members.
RESTORY_AT = (2, 3, 5, 8, 13, 21, 34)
RESTORY_EVERY = 32
STORY_SAMPLE = 24  # members compared per story (shared among its events) ...
STORY_EVENTS = 8  # ... from at most this many of its events


@dataclass
class Change:
    """One thing for the store to do. op: assign | move | upsert | delete | story."""

    op: str
    article: str | None = None
    event: str | None = None
    score: float | None = None
    source: str | None = None  # move: the event the article leaves
    story: str | None = None


@dataclass
class EventState:
    id: str
    seq: int
    story: str = ""
    members: list[str] = field(default_factory=list)
    sample: list[Item] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)  # first and last publication stamp
    langs: Counter = field(default_factory=Counter)
    sources: list[str] = field(default_factory=list)
    outlets: Counter = field(default_factory=Counter)  # source -> members from it
    title: str = ""
    title_cos: float = -2.0

    @property
    def n(self) -> int:
        return len(self.members)

    def centre(self) -> tuple[int | None, float]:
        """Median day and median absolute deviation of the members' days."""
        if not self.days:
            return None, 0.0
        m = median(self.days)
        return int(round(m)), float(median(abs(d - m) for d in self.days))

    def centroid(self) -> np.ndarray | None:
        vecs = [it.vector for it in self.sample if it.vector is not None]
        if not vecs:
            return None
        c = np.mean(np.stack(vecs), axis=0)
        n = float(np.linalg.norm(c))
        return (c / n).astype(np.float32) if n else c.astype(np.float32)

    def to_state(self) -> dict[str, Any]:
        return {"seq": self.seq, "story": self.story, "members": self.members,
                "sample": [it.to_state() for it in self.sample], "days": self.days,
                "stamps": self.stamps, "langs": dict(self.langs), "sources": self.sources,
                "outlets": dict(self.outlets), "title": self.title, "title_cos": self.title_cos, "learner": "linkage-1"}

    @classmethod
    def from_state(cls, event_id: str, s: dict[str, Any]) -> "EventState":
        return cls(id=event_id, seq=int(s.get("seq", 0)), story=s.get("story", ""),
                   members=list(s.get("members", [])),
                   sample=[Item.from_state(x) for x in s.get("sample", [])],
                   days=[int(d) for d in s.get("days", [])], stamps=list(s.get("stamps", [])),
                   langs=Counter(s.get("langs", {})), sources=list(s.get("sources", [])),
                   outlets=_outlets(s), title=s.get("title", ""), title_cos=float(s.get("title_cos", -2.0)))

    def to_event(self) -> Event:
        return Event(id=self.id, title=self.title,
                     first_time=self.stamps[0] if self.stamps else None,
                     last_time=self.stamps[-1] if self.stamps else None,
                     languages=[lang for lang, _ in sorted(self.langs.items(), key=lambda kv: (-kv[1], kv[0]))],
                     article_ids=list(self.members), sources=list(self.sources))


class EventLearner:
    """Online events and stories; see the module docstring."""

    def __init__(self, config: Config = DEFAULT, event_model: PairModel | None = None,
                 story_model: PairModel | None = None) -> None:
        self.config = config
        self.model = event_model or shipped_model("event")
        self.story_model = story_model or shipped_model("story")
        self.events: dict[str, EventState] = {}
        self.article_event: dict[str, str] = {}
        self.stories: dict[str, list[str]] = {}
        self.index = CandidateIndex()
        self.name_df: Counter = Counter()
        self.word_df: Counter = Counter()
        self.n_docs = 0
        self._seq = 0
        self._weighing: Weighing | None = None
        self._weighed_at = 0
        # Events holding undated members: only those can lose one to a better event.
        self._floating: set[str] = set()
        self._memo: dict[tuple[int, str, str], float] = {}
        self._memo_weighing: Weighing | None = None
        self._story_cache: dict[str, tuple[Any, list[Item]]] = {}
        # Events forgotten in memory (`evict`), still in the store: id -> the days the
        # index spanned for it, to know which a late-dated article could reach.
        self._evicted: dict[str, tuple[int, int]] = {}
        self._evicted_last = -1  # the latest day any of them spans
        self._story_evicted: Counter = Counter()  # per story, its events forgotten
        self.newest_day: int | None = None  # the latest reported day of any member
        self._evicted_before: int | None = None  # the last `evict`'s day, and whether an
        self._restored = False  # event came back since: else evicting again finds nothing

    # --- state ---
    def to_state(self) -> dict[str, Any]:
        return {"events": {e: ev.to_state() for e, ev in self.events.items()}}

    @classmethod
    def from_state(cls, state: dict[str, Any], config: Config = DEFAULT, **models: Any) -> "EventLearner":
        learner = cls(config, **models)
        for event_id, s in sorted(state.get("events", {}).items(), key=lambda kv: kv[1].get("seq", 0)):
            learner._load_event(EventState.from_state(event_id, s))
        return learner

    def _load_event(self, ev: EventState) -> None:
        self.events[ev.id] = ev
        self._seq = max(self._seq, ev.seq + 1)
        for a in ev.members:
            self.article_event[a] = ev.id
        for it in ev.sample:
            self._count(it, +1)
        if ev.story:
            self.stories.setdefault(ev.story, []).append(ev.id)
        self._index(ev)
        self._saw_days(ev.days)

    # --- public ---
    def event_of(self, article_id: str) -> str | None:
        return self.article_event.get(article_id)

    def event_record(self, event_id: str) -> Event | None:
        ev = self.events.get(event_id)
        return ev.to_event() if ev else None

    def event_state(self, event_id: str) -> dict[str, Any] | None:
        ev = self.events.get(event_id)
        return ev.to_state() if ev else None

    def event_centroid(self, event_id: str) -> np.ndarray | None:
        ev = self.events.get(event_id)
        return ev.centroid() if ev else None

    def story_of_event(self, event_id: str) -> str | None:
        ev = self.events.get(event_id)
        return ev.story if ev else None

    def learn_one(self, article: Article, features: Features) -> list[Change]:
        if article.id in self.article_event:
            return []
        item = make_item(article, features)
        changes: list[Change] = []
        if article.duplicate_of and article.duplicate_of in self.article_event:
            ev = self.events[self.article_event[article.duplicate_of]]
            self._join(ev, item, article, 1.0, changes)
            return changes
        scored = self.score_events(item) if (item.vector is not None or item.names) else []
        if scored and scored[0][1] >= self.model.threshold:
            best, s = scored[0]
            self._join(best, item, article, s, changes)
            for other, s2 in scored[1:3]:
                if s2 < self.model.threshold or other.id not in self.events or best.id not in self.events:
                    continue
                if self._apart(best, other):
                    continue
                if self.event_agreement(best, other) >= self.model.merge_threshold:
                    best = self._merge(best, other, changes)
                    self._choose_story(best, changes)
            if self._restory_due(best) and best.id in self.events:
                self._choose_story(best, changes)
        else:
            ev = EventState(id=self._new_id(article), seq=self._seq)
            self._seq += 1
            self.events[ev.id] = ev
            self._join(ev, item, article, 0.0, changes, new=True)
            self._choose_story(ev, changes)
            best = ev
        floating = self._floating - {best.id}
        if item.day is not None and floating:
            near = [e.id for e, _ in scored[:4] if e.id in floating]
            # Events holding undated members are reachable by name and vector whatever
            # their time (their dated members may be the look-alikes of another year).
            found = self.index.candidates(item.vector, None, 0, sorted(item.names), 4, only=floating)
            near += sorted(e for e, _ in found if e not in near)
            others = [self.events[e] for e in near if e in self.events]
            self._refloat(best, others, changes)
        return changes

    def _refloat(self, dst: EventState, others: list[EventState], changes: list[Change]) -> None:
        """Undated members joined whatever similar event existed when they came, which may
        be the look-alike (the same people two years earlier). When a dated article makes
        an event they agree with better, they move there."""
        for src in others:
            for it in [m for m in src.sample if m.day is None]:
                if src.n < 2 or it.id not in self.article_event or self.article_event[it.id] != src.id:
                    continue
                here = self.agreement([it], dst.sample, self.model)
                if here < self.model.threshold:
                    continue  # most undated members stay: skip scoring them where they are
                rest = [m for m in src.sample if m.id != it.id]
                # Compared as mean log-odds: near certainty the probabilities of the right
                # event and of its look-alike differ in the third decimal.
                # Unclipped above: both may agree beyond LOGIT_UP, and which agrees more
                # strongly is then the only evidence left.
                gain = (self.mean_logit([it], dst.sample, self.model, up=MOVE_LOGIT_UP)
                        - self.mean_logit([it], rest, self.model, up=MOVE_LOGIT_UP))
                if gain > self.config.move_margin_logit:
                    self._move(it, src, dst, here, changes)

    def _move(self, it: Item, src: EventState, dst: EventState, score: float, changes: list[Change]) -> None:
        src.members.remove(it.id)
        src.sample = [m for m in src.sample if m.id != it.id]
        dst.members.append(it.id)
        self.article_event[it.id] = dst.id
        # The member takes its language and outlet along, so both events' counts stay
        # those of their members.
        if it.lang:
            dst.langs[it.lang] += 1
            if src.langs.get(it.lang, 0) > 0:
                src.langs[it.lang] -= 1
                if not src.langs[it.lang]:
                    del src.langs[it.lang]
        name = next((x for x in src.sources if x.lower() == it.outlet), None)
        if name is not None:
            if name not in dst.sources:
                dst.sources.append(name)
            dst.outlets[name] += 1
            if 0 < src.outlets.get(name, 0) < UNCOUNTED:
                src.outlets[name] -= 1
                if not src.outlets[name]:
                    del src.outlets[name]
                    src.sources.remove(name)
        self._count(it, -1)
        self._add_to_sample(dst, it)
        changes.append(Change("move", article=it.id, event=dst.id, source=src.id, score=round(score, 4)))
        self._upsert(src, changes)
        self._upsert(dst, changes)

    def score_events(self, item: Item) -> list[tuple[EventState, float]]:
        """Candidate events for an item with their mean member probability, best first."""
        cands = self._candidates(item, self.config.time_window_days)
        out = []
        for event_id in cands:
            ev = self.events[event_id]
            out.append((ev, self.agreement([item], ev.sample, self.model)))
        out.sort(key=lambda x: (-x[1], x[0].seq))
        return out

    def agreement(self, left: list[Item], right: list[Item], model: PairModel,
                  down: float = LOGIT_DOWN) -> float:
        """Average linkage on the log-odds scale: the probability of the mean (clipped)
        log-odds over every pair across the two groups. A mean of probabilities would let
        an event drift (a newcomer close to most recent members but unlike the first ones
        still clears the bar); log-odds make members it clearly disagrees with count."""
        pairs = [(a, b) for a in left for b in right if a.id != b.id]
        if not pairs:
            return 0.0
        return 1.0 / (1.0 + float(np.exp(-self.mean_logit(left, right, model, down=down))))

    def mean_logit(self, left: list[Item], right: list[Item], model: PairModel,
                   up: float = LOGIT_UP, down: float = LOGIT_DOWN) -> float:
        """The mean clipped log-odds over the pairs across the two groups (0 when none)."""
        pairs = [(a, b) for a in left for b in right if a.id != b.id]
        if not pairs:
            return 0.0
        return float(np.mean(np.clip(self._pair_logits(pairs, model), down, up)))

    def _pair_logits(self, pairs: list[tuple[Item, Item]], model: PairModel) -> np.ndarray:
        """Log-odds of each pair, remembered while the rarity weights stand: the
        same pairs come back with every article (an event's undated members against the
        event a dated newcomer joins; two events' samples when a merge is tested)."""
        weigh = self.weighing()
        if self._memo_weighing is not weigh or len(self._memo) > PAIR_MEMO_MAX:
            self._memo, self._memo_weighing = {}, weigh
        memo = self._memo
        keys = [(id(model), a.id, b.id) for a, b in pairs]
        todo = [(k, p) for k, p in zip(keys, pairs) if k not in memo]
        if todo:
            x = self.pair_matrix([p for _, p in todo])
            z = model.logit(x)
            memo.update(zip([k for k, _ in todo], z.tolist()))
        return np.array([memo[k] for k in keys], dtype=np.float64)

    def weighing(self) -> Weighing:
        """Rarity weights, recounted whenever the compared documents grew by an eighth (so
        they depend on the input order only, and items' norms are not recomputed each time)."""
        if self._weighing is None or abs(self.n_docs - self._weighed_at) > max(8, self._weighed_at // 8):
            self._weighing = Weighing(dict(self.name_df), dict(self.word_df), self.n_docs)
            self._weighed_at = self.n_docs
        return self._weighing

    def pair_matrix(self, pairs: list[tuple[Item, Item]]) -> np.ndarray:
        weigh = self.weighing()
        rows = [pair_row(a, b, None if a.vector is None or b.vector is None else float(a.vector @ b.vector),
                         weigh) for a, b in pairs]
        return np.array(rows, dtype=np.float64)

    def _apart(self, a: EventState, b: EventState) -> bool:
        """Two events whose robust centres are further apart than the grace period are two
        happenings, whatever an undated article linking them says."""
        ca, _ = a.centre()
        cb, _ = b.centre()
        return ca is not None and cb is not None and abs(ca - cb) > self.config.time_grace_days

    def event_agreement(self, a: EventState, b: EventState) -> float:
        return self.agreement(a.sample, b.sample, self.model)

    # --- internals ---
    def _candidates(self, item: Item, window: float) -> list[str]:
        t = None if item.day is None else date.fromordinal(item.day)
        found = self.index.candidates(item.vector, t, window, sorted(item.names),
                                      self.config.candidates_top_k)
        return sorted({e for e, _ in found if e in self.events}, key=lambda e: self.events[e].seq)

    def _count(self, item: Item, sign: int) -> None:
        for k in item.names:
            self.name_df[k] += sign
        for w in item.words:
            self.word_df[w] += sign
        self.n_docs += sign

    def _new_id(self, article: Article) -> str:
        base = "ev-" + (re.sub(r"[^A-Za-z0-9_.-]", "", article.id)[:40] or "x")
        event_id, i = base, 2
        while event_id in self.events or event_id in self._evicted:
            event_id, i = f"{base}-{i}", i + 1
        return event_id

    def _add_to_sample(self, ev: EventState, item: Item) -> None:
        ev.sample.append(item)
        self._count(item, +1)
        if len(ev.sample) > SAMPLE_FIRST + SAMPLE_LATEST:
            gone = ev.sample.pop(SAMPLE_FIRST)
            self._count(gone, -1)

    def _join(self, ev: EventState, item: Item, article: Article, score: float,
              changes: list[Change], new: bool = False) -> None:
        ev.members.append(item.id)
        self.article_event[item.id] = ev.id
        self._add_to_sample(ev, item)
        if item.day is not None:
            ev.days.append(item.day)
            self._saw_days([item.day])
        stamp = article.date if article.date and len(article.date) >= 10 else None
        if stamp:
            ev.stamps = sorted({*ev.stamps, stamp})
            ev.stamps = [ev.stamps[0], ev.stamps[-1]] if len(ev.stamps) > 1 else ev.stamps
        if article.lang:
            ev.langs[article.lang] += 1
        if article.source:
            ev.outlets[article.source] += 1
            if article.source not in ev.sources:
                ev.sources.append(article.source)
        self._retitle(ev, item)
        changes.append(Change("assign", article=item.id, event=ev.id, score=round(score, 4)))
        if not new:
            self._upsert(ev, changes)
        else:
            self._index(ev)

    def _retitle(self, ev: EventState, item: Item | None = None) -> None:
        """The event's title, chosen again among its sample's titles against its centre as
        it is now, by the brief's rule for a headline (tidings.titles.title_rank, in
        `Config.title_lang`): the first member's title no longer stays for being the
        centre of a one-member event, and a section name ("World News") or a title in
        another language gives way to a headline in the title language."""
        c = ev.centroid()

        def cos(it: Item) -> float:
            return float(it.vector @ c) if it.vector is not None and c is not None else -1.0

        pool = [it for it in ev.sample if it.title]
        if item is not None and item.title and all(it is not item for it in pool):
            pool.append(item)
        if not pool:
            return
        best = max(pool, key=lambda it: title_rank(it.title, it.lang, self.config.title_lang, cos(it)))
        # Without its dateline, as the brief's headline has it: one event, one name.
        ev.title, ev.title_cos = without_dateline(best.title), cos(best)

    def _index(self, ev: EventState) -> None:
        span = _span(ev)
        tmin, tmax = (None, None) if span is None else (date.fromordinal(span[0]), date.fromordinal(span[1]))
        if any(it.day is None for it in ev.sample):
            self._floating.add(ev.id)
        else:
            self._floating.discard(ev.id)
        keys = Counter(k for it in ev.sample for k in it.names)
        top = [k for k, _ in sorted(keys.items(), key=lambda kv: (-kv[1], kv[0]))][: self.config.event_max_names]
        self.index.put(ev.id, ev.centroid(), tmin, tmax, top)

    def _upsert(self, ev: EventState, changes: list[Change]) -> None:
        self._index(ev)
        # The state itself is read when the change is persisted (`event_state`): an event
        # upserted by several articles of one batch is serialised once.
        changes.append(Change("upsert", event=ev.id, story=ev.story))

    def _merge(self, a: EventState, b: EventState, changes: list[Change]) -> EventState:
        keep, gone = (a, b) if a.seq <= b.seq else (b, a)
        for aid in gone.members:
            keep.members.append(aid)
            self.article_event[aid] = keep.id
            changes.append(Change("move", article=aid, event=keep.id, source=gone.id))
        for it in gone.sample:
            self._count(it, -1)
        for it in gone.sample:
            self._add_to_sample(keep, it)
        keep.days.extend(gone.days)
        keep.stamps = sorted({*keep.stamps, *gone.stamps})
        keep.stamps = [keep.stamps[0], keep.stamps[-1]] if len(keep.stamps) > 1 else keep.stamps
        keep.langs.update(gone.langs)
        keep.sources.extend(s for s in gone.sources if s not in keep.sources)
        keep.outlets.update(gone.outlets)
        self._retitle(keep)
        del self.events[gone.id]
        self._story_cache.pop(gone.id, None)
        self.index.remove(gone.id)
        self._floating.discard(gone.id)
        if gone.story in self.stories:
            self.stories[gone.story] = [e for e in self.stories[gone.story] if e != gone.id]
            if not self.stories[gone.story]:
                del self.stories[gone.story]
        changes.append(Change("delete", event=gone.id))
        self._upsert(keep, changes)
        return keep

    # --- stories ---
    def _story_items(self, ev: EventState) -> list[Item]:
        """The event's sample as the story level compares it: every member at the event's
        robust time (its dated members' median day, else its members' most common month),
        so an undated member cannot link a December event to May by names alone."""
        key = (ev.n, len(ev.sample), len(ev.days), ev.sample[-1].id if ev.sample else "")
        got = self._story_cache.get(ev.id)
        if got is not None and got[0] == key:
            return got[1]
        day, month = self._event_time(ev)
        items = [replace(it, day=day, month=month) for it in ev.sample]
        self._story_cache[ev.id] = (key, items)
        return items

    def _event_time(self, ev: EventState) -> tuple[int | None, int | None]:
        centre, _ = ev.centre()
        if centre is not None:
            d = date.fromordinal(centre)
            return centre, d.year * 12 + d.month - 1
        months = Counter(it.month for it in ev.sample if it.month is not None)
        if not months:
            return None, None
        return None, sorted(months.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def _approx_day(self, ev: EventState) -> tuple[int | None, int]:
        """An ordinal for the event's time and its slack in days (a month: its middle, 15)."""
        day, month = self._event_time(ev)
        if day is not None:
            return day, 0
        if month is not None:
            return date(month // 12, month % 12 + 1, 15).toordinal(), 15
        return None, 0

    def _story_apart(self, a: EventState, b: EventState) -> bool:
        """Two events further apart in time than a story lasts are never one story."""
        da, sa = self._approx_day(a)
        db, sb = self._approx_day(b)
        return da is not None and db is not None and abs(da - db) > self.config.story_window_days + sa + sb

    def _stories_apart(self, left: list[str], right: list[str]) -> bool:
        """Some event of one story and some of the other are apart (as _story_apart), found
        from the extremes: |a - b| > window + slack_a + slack_b is a - slack_a beyond
        b + slack_b by the window, or the other way round."""
        def spans(ids: list[str]) -> list[tuple[int, int]]:
            return [(d - s, d + s) for d, s in (self._approx_day(self.events[e]) for e in ids) if d is not None]

        a, b = spans(left), spans(right)
        if not a or not b:
            return False
        w = self.config.story_window_days
        return (max(lo for lo, _ in a) - min(hi for _, hi in b) > w
                or max(lo for lo, _ in b) - min(hi for _, hi in a) > w)

    def _story_sample(self, sid: str) -> list[Item]:
        return self._story_sample_of(self.stories.get(sid, []))

    def _story_sample_of(self, event_ids: list[str]) -> list[Item]:
        events = sorted((e for e in event_ids if e in self.events), key=lambda e: self.events[e].seq)
        if len(events) > STORY_EVENTS:  # a long story: its first events and its latest
            events = events[: STORY_EVENTS // 2] + events[-(STORY_EVENTS // 2):]
        per = max(3, STORY_SAMPLE // max(1, len(events)))
        out: list[Item] = []
        for e in events:
            out.extend(self._story_items(self.events[e])[:per])
        return out

    def _story_candidates(self, ev: EventState) -> list[str]:
        """Stories other than ev's holding an event near it (by index: centroid, names and
        the story window around its time), oldest first."""
        day, _ = self._approx_day(ev)
        t = None if day is None else date.fromordinal(day)
        keys = Counter(k for it in ev.sample for k in it.names)
        names = [k for k, _ in sorted(keys.items(), key=lambda kv: (-kv[1], kv[0]))][: self.config.event_max_names]
        found = self.index.candidates(ev.centroid(), t, self.config.story_window_days, names,
                                      self.config.candidates_top_k)
        near = {self.events[e].story for e, _ in found
                if e in self.events and e != ev.id and self.events[e].story
                and self.events[e].story != ev.story and not self._story_apart(ev, self.events[e])}
        return sorted(near, key=lambda s: min(self.events[e].seq for e in self.stories[s]))

    def _story_bar(self, ev: EventState) -> float:
        # An event with no time at all joins a story only on strong evidence.
        day, month = self._event_time(ev)
        bar = self.story_model.threshold
        return bar if day is not None or month is not None else bar + self.config.story_untimed_margin

    def _set_story(self, ev: EventState, sid: str, score: float, changes: list[Change]) -> None:
        old = ev.story
        if old == sid:
            return
        if old in self.stories:
            self.stories[old] = [e for e in self.stories[old] if e != ev.id]
            if not self.stories[old]:
                del self.stories[old]
        ev.story = sid
        self.stories.setdefault(sid, []).append(ev.id)
        self._upsert(ev, changes)
        changes.append(Change("story", event=ev.id, story=sid, score=round(max(0.0, score), 4)))

    def _choose_story(self, ev: EventState, changes: list[Change]) -> None:
        """Decide (again) the story of `ev` at the event level: it joins the story whose
        events it agrees with best under the story model, if that clears the bar and beats
        its own story's other events; it leaves a story it no longer agrees with; then its
        story merges with any other that agrees with it as a whole."""
        items = self._story_items(ev)
        if not items:
            return
        bar = self._story_bar(ev)
        best, best_score = None, -1.0
        for sid in self._story_candidates(ev):
            s = self.agreement(items, self._story_sample(sid), self.story_model)
            if s > best_score:
                best, best_score = sid, s
        own = [e for e in self.stories.get(ev.story, []) if e != ev.id]
        near = [e for e in own if not self._story_apart(ev, self.events[e])]
        # Its time settled far from the rest of its story (an undated first article had
        # put it there): nothing holds it.
        stay = self.agreement(items, self._story_sample_of(near), self.story_model) if near else \
            (0.0 if own else None)
        if best is not None and best_score >= bar and (stay is None or best_score > stay + self.config.story_move_margin):
            self._set_story(ev, best, best_score, changes)
        elif not ev.story or (stay is not None and stay < bar):
            self._set_story(ev, self._new_story_id(ev), max(0.0, best_score), changes)
        self._merge_stories(ev, changes)

    def _merge_stories(self, ev: EventState, changes: list[Change]) -> None:
        """Two stories that come to agree as wholes become one (the older keeps its id)."""
        sid = ev.story
        if len(self.stories.get(sid, [])) < 2:
            return
        whole = self._story_sample(sid)
        for other in self._story_candidates(ev):
            if other not in self.stories or sid not in self.stories:
                continue
            if self._stories_apart(self.stories[sid], self.stories[other]):
                continue
            s = self.agreement(whole, self._story_sample(other), self.story_model)
            if s < self.story_model.merge_threshold:
                continue
            keep, gone = sorted((sid, other), key=lambda x: min(self.events[e].seq for e in self.stories[x]))
            if self._story_evicted.get(gone):
                # Its forgotten events are not here to be relabelled: it keeps its id.
                if self._story_evicted.get(keep):
                    continue
                keep, gone = gone, keep
            for e in list(self.stories[gone]):
                self._set_story(self.events[e], keep, s, changes)
            sid = keep
            whole = self._story_sample(sid)

    def _new_story_id(self, ev: EventState) -> str:
        base = "st-" + ev.id[3:]
        sid, i = base, 2
        # The story it leaves may bear its name, or events forgotten in memory may.
        while sid in self.stories or self._story_evicted.get(sid):
            sid, i = f"{base}-{i}", i + 1
        return sid

    def _restory_due(self, ev: EventState) -> bool:
        return ev.n in RESTORY_AT or (ev.n > RESTORY_AT[-1] and ev.n % RESTORY_EVERY == 0)

    # --- memory: events past the matching windows ---
    def reach_days(self) -> int:
        """How far (days) from its own day an article can touch an event: its event
        candidates lie within `time_window_days`, its story's within `story_window_days`."""
        return int(max(self.config.time_window_days, self.config.story_window_days))

    def evict(self, before: int) -> list[str]:
        """Forget in memory the events that every dated article has left behind: those
        whose whole indexed span ends before day `before` (an ordinal) and which hold no
        undated member. They stay in the store; `wanted` names those a late-dated article
        could still reach, to be brought back (`restore`) before it is learnt. The
        document counts behind rarity weights keep their members (the weights stay those
        of every article seen), and so the choices on the events kept are unchanged
        as long as no article reaches back past `before`."""
        if self._evicted_before is not None and before <= self._evicted_before and not self._restored:
            return []  # a scan of every event, once a day of news (or after a restore)
        self._evicted_before, self._restored = before, False
        gone = []
        for ev in sorted(self.events.values(), key=lambda e: e.seq):
            span = _span(ev)
            if span is None or span[1] >= before or max(ev.days) >= before or ev.id in self._floating \
                    or any(it.day is None for it in ev.sample):
                continue
            gone.append(ev.id)
            del self.events[ev.id]
            for a in ev.members:
                if self.article_event.get(a) == ev.id:
                    del self.article_event[a]
            self.index.remove(ev.id)
            self._forget_norms(ev.sample)
            self._story_cache.pop(ev.id, None)
            if ev.story in self.stories:
                self.stories[ev.story] = [e for e in self.stories[ev.story] if e != ev.id]
                if not self.stories[ev.story]:
                    del self.stories[ev.story]
            self._story_evicted[ev.story] += 1
            self._evicted[ev.id] = span
            self._evicted_last = max(self._evicted_last, span[1])
        return gone

    def has_evicted(self) -> bool:
        return bool(self._evicted)

    def wanted(self, day: int | None) -> list[str]:
        """The forgotten events an article of reported day `day` could reach. An undated
        article is compared with recent events and those sharing its names, never these."""
        if day is None or not self._evicted or day - self.reach_days() > self._evicted_last:
            return []
        w = self.reach_days()
        return sorted(e for e, (lo, hi) in self._evicted.items() if lo - w <= day <= hi + w)

    def is_evicted(self, event_id: str) -> bool:
        return event_id in self._evicted

    def restore(self, event_id: str, state: dict[str, Any]) -> None:
        """Bring back a forgotten event from its saved state (its members were counted
        in the rarity weights when first seen, and are not counted again)."""
        if self._evicted.pop(event_id, None) is None or state.get("learner") != "linkage-1":
            return
        ev = EventState.from_state(event_id, state)
        self._restored = True
        self.events[ev.id] = ev
        for a in ev.members:
            self.article_event[a] = ev.id
        if ev.story:
            self._story_evicted[ev.story] -= 1
            if self._story_evicted[ev.story] <= 0:
                del self._story_evicted[ev.story]
            members = self.stories.setdefault(ev.story, [])
            members.append(ev.id)
            members.sort(key=lambda e: self.events[e].seq)
        self._index(ev)

    def _forget_norms(self, items: Iterable[Item]) -> None:
        # The weighing memoises norms by article id: a forgotten event's need not stay.
        if self._weighing is not None:
            for it in items:
                self._weighing._norms.pop(it.id, None)

    def _saw_days(self, days: Iterable[int]) -> None:
        for d in days:
            if self.newest_day is None or d > self.newest_day:
                self.newest_day = d


def _outlets(s: dict[str, Any]) -> Counter:
    """Members per source; an event saved before they were counted keeps its sources for
    good (UNCOUNTED), since how many members each one has is not known."""
    if "outlets" in s:
        return Counter(s["outlets"])
    return Counter({x: UNCOUNTED for x in s.get("sources", [])})


def _span(ev: EventState) -> tuple[int, int] | None:
    """The days (ordinals) the index files an event under: its median day give or take
    its spread (up to a week); None for an event with no dated member."""
    centre, spread = ev.centre()
    if centre is None:
        return None
    half = int(round(min(spread, 7.0)))
    return centre - half, centre + half


def load_learner(store: Any, config: Config = DEFAULT) -> EventLearner:
    """A learner holding the events saved in `store` (the state it wrote, read whole).
    Events written by the older clusterer (no learner state) are left as they are."""
    events = {e: s for e, s, _ in store.event_states() if s and s.get("learner") == "linkage-1"}
    return EventLearner.from_state({"events": events}, config)


def learn_all(pairs: Iterable[tuple[Article, Features]], learner: EventLearner | None = None) -> EventLearner:
    """Feed (article, features) pairs in order; the learner, for reading its events."""
    learner = learner or EventLearner()
    for a, f in pairs:
        learner.learn_one(a, f)
    return learner
