"""Candidate lookup: which events an arriving article could belong to, without a scan.

Blocking by time: events are bucketed by every day their reported time spans, and an
article looks only at buckets within `time_window_days` of its own time. An undated article
looks at events sharing one of its rarer names and at the most recently touched events.
Within the block, centroids are compared in one matrix product and the top-k kept, plus any
event sharing a rare name (a cross-lingual match the embedding ranks low still gets scored).
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from datetime import date, timedelta

import numpy as np

MAX_INDEXED_DAYS = 60  # an event spanning more days is indexed on its last ones only
MAX_POSTING = 400  # events remembered per name key (the most recent)
RECENT = 300  # most recently touched events, the block of an undated article


class CandidateIndex:
    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self._rows: dict[str, int] = {}
        self._ids: list[str | None] = []
        self._free: list[int] = []
        self._matrix = np.zeros((1024, dim), dtype=np.float32)
        self._days: dict[str, tuple[int, int] | None] = {}
        self._by_day: dict[int, set[str]] = defaultdict(set)
        # Each day's events as sorted matrix rows, built when first looked up and dropped
        # when that day's set changes: a block of 30 days in a large store joins thousands
        # of events, and a union of arrays costs a fraction of a union of id sets.
        self._day_rows: dict[int, np.ndarray] = {}
        self._by_name: dict[str, OrderedDict[str, None]] = defaultdict(OrderedDict)
        self._recent: OrderedDict[str, None] = OrderedDict()
        self._undated: OrderedDict[str, None] = OrderedDict()

    def __len__(self) -> int:
        return len(self._rows)

    # --- maintenance ---
    def put(self, event_id: str, centroid: np.ndarray | None, tmin: date | None, tmax: date | None,
            name_keys: list[str]) -> None:
        """Insert or update an event's entry."""
        row = self._rows.get(event_id)
        if row is None:
            row = self._free.pop() if self._free else len(self._ids)
            if row >= len(self._matrix):
                grown = np.zeros((len(self._matrix) * 2, self.dim), dtype=np.float32)
                grown[: len(self._matrix)] = self._matrix
                self._matrix = grown
            if row == len(self._ids):
                self._ids.append(event_id)
            else:
                self._ids[row] = event_id
            self._rows[event_id] = row
        if centroid is not None:
            v = np.asarray(centroid, dtype=np.float32)
            n = float(np.linalg.norm(v))
            self._matrix[row] = v / n if n else v
        self._set_days(event_id, tmin, tmax)
        for key in name_keys:
            posting = self._by_name[key]
            posting[event_id] = None
            posting.move_to_end(event_id)
            if len(posting) > MAX_POSTING:
                posting.popitem(last=False)
        self._recent[event_id] = None
        self._recent.move_to_end(event_id)
        if len(self._recent) > RECENT:
            self._recent.popitem(last=False)

    def _set_days(self, event_id: str, tmin: date | None, tmax: date | None) -> None:
        old = self._days.get(event_id)
        if tmin is None:
            new = None
        else:
            a, b = tmin.toordinal(), (tmax or tmin).toordinal()
            new = (max(a, b - MAX_INDEXED_DAYS), b)
        if old == new and event_id in self._days:
            return
        if old is not None:
            for d in range(old[0], old[1] + 1):
                self._by_day[d].discard(event_id)
                self._day_rows.pop(d, None)
        self._undated.pop(event_id, None)
        if new is None:
            self._undated[event_id] = None
            if len(self._undated) > RECENT:
                self._undated.popitem(last=False)
        else:
            for d in range(new[0], new[1] + 1):
                self._by_day[d].add(event_id)
                self._day_rows.pop(d, None)
        self._days[event_id] = new

    def remove(self, event_id: str) -> None:
        row = self._rows.pop(event_id, None)
        if row is not None:
            self._ids[row] = None
            self._matrix[row] = 0
            self._free.append(row)
        old = self._days.pop(event_id, None)
        if old is not None:
            for d in range(old[0], old[1] + 1):
                self._by_day[d].discard(event_id)
                self._day_rows.pop(d, None)
        self._undated.pop(event_id, None)
        self._recent.pop(event_id, None)
        # name postings are cleaned lazily in candidates()

    # --- lookup ---
    def _block(self, t: date | None, window_days: float, name_keys: list[str],
               only: set[str] | None = None) -> np.ndarray:
        """The matrix rows of the events that may be compared at all (same time window,
        or, undated, shared names), ascending: a deterministic order (no hash-seed order)
        that is cheap to sort, since the block holds thousands of events in a large store."""
        rows = self._rows
        if t is None:
            out: set[str] = set()
            for key in name_keys:
                out.update(list(self._by_name.get(key, ()))[-50:])
            out.update(self._recent)
            if only is not None:
                out &= only
            found = np.fromiter((r for e in out if (r := rows.get(e)) is not None), dtype=np.int64)
            found.sort()
            return found
        w = int(window_days)
        base = t.toordinal()
        parts = [self._rows_of_day(d) for d in range(base - w, base + w + 1)]
        # Events no one could date stay reachable.
        parts.append(np.fromiter((r for e in self._undated if (r := rows.get(e)) is not None), dtype=np.int64))
        found = np.concatenate(parts)
        found.sort()
        found = found[np.concatenate(([True], found[1:] != found[:-1]))] if len(found) else found
        if only is not None:
            wanted = np.fromiter((r for e in only if (r := rows.get(e)) is not None), dtype=np.int64)
            found = found[_member(found, np.unique(wanted))]
        return found

    def _rows_of_day(self, day: int) -> np.ndarray:
        got = self._day_rows.get(day)
        if got is None:
            rows = self._rows
            got = np.sort(np.fromiter((r for e in self._by_day.get(day, ()) if (r := rows.get(e)) is not None),
                                      dtype=np.int64))
            self._day_rows[day] = got
        return got

    def candidates(self, vector: np.ndarray | None, t: date | None, window_days: float,
                   name_keys: list[str], top_k: int, only: set[str] | None = None) -> list[tuple[str, float]]:
        """(event id, centroid cosine) for the events worth scoring, best first; `only`:
        among these events alone."""
        rows = self._block(t, window_days, name_keys, only)
        if not len(rows):
            return []
        ids = self._ids
        if vector is None:
            return [(str(ids[r]), float("nan")) for r in rows[: top_k * 2]]
        sims = self._matrix[rows] @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-sims, kind="stable")
        keep = [(str(ids[rows[i]]), float(sims[i])) for i in order[:top_k]]
        if len(rows) > top_k and name_keys:
            # Any shared name gets the event scored: it is how a cross-lingual report that
            # the embedding ranks low still finds its event.
            named: set[int | None] = set()
            for k in name_keys:
                posting = self._by_name.get(k)
                if posting:
                    named.update(map(self._rows.get, posting))  # None: a removed event
            named.discard(None)
            named.difference_update(int(rows[i]) for i in order[:top_k])
            if named:
                wanted = np.fromiter(named, dtype=np.int64)  # type: ignore[arg-type]
                at = np.minimum(np.searchsorted(rows, wanted), len(rows) - 1)
                at = at[rows[at] == wanted]  # in the block (postings ignore time)
                n_extra = max(2, top_k // 3)
                if len(at) > n_extra:
                    # Only the best few are kept: those at or above the n-th best cosine
                    # (ties included) are sorted, by cosine and then id.
                    at = at[sims[at] >= np.partition(sims[at], len(at) - n_extra)[len(at) - n_extra]]
                extra = sorted(((str(ids[rows[i]]), float(sims[i])) for i in at), key=lambda x: (-x[1], x[0]))
                keep.extend(extra[:n_extra])
        return keep

    def centroid(self, event_id: str) -> np.ndarray | None:
        row = self._rows.get(event_id)
        return None if row is None else self._matrix[row]


def _member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Which of `values` are in `sorted_set` (ascending, unique)."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values


def day_range(tmin: date, tmax: date) -> list[date]:
    return [tmin + timedelta(days=i) for i in range((tmax - tmin).days + 1)]
