"""Dates benchmark: coverage AND error rate of publication dates and event time.

(a) ../shared/bench/events-dev/events.jsonl (read at run time, never copied): the system
    gets only id, text and url, as in real use. 45% of the lines carry a gold `date` (the
    publication day): found right, found wrong, only a month found (right or wrong month),
    not found. For the gold-null lines: how many got a day or a month, and which of those
    days fall outside [event day - 1, event day + 3] or months are not the event's month
    (the event's day is the date its label ends with): those are listed for reading, since
    gold-null does not say "no date".
    Event time (understand.dates.event_time on the cleaned article) is compared with the
    event's day: exact, one day off (time zones), further off, none.
    NOTE: this is a development set. The rules were written while reading it (its traps
    are listed in its EVENTS.md), so its figures are not a held-out measurement.
(b) tests/date_fixtures.py, articles we wrote: publication (date and date_source) and
    event time, right / wrong / missing.

Prints both and writes bench/results/dates.json.

    python bench/dates.py [--list]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
from common import write_result  # noqa: E402

from tidings.clean import clean  # noqa: E402
from tidings.clean.dates import parse_iso  # noqa: E402
from tidings.records import Article, RawArticle  # noqa: E402
from tidings.understand.dates import event_time  # noqa: E402

DEV = ROOT.parent / "shared" / "bench" / "events-dev" / "events.jsonl"
OUT = ROOT / "bench" / "results" / "dates.json"
_EVENT_DAY = re.compile(r"((?:19|20)\d{2}-\d{2}-\d{2})$")


def dev_set(path: Path, show: bool) -> dict:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                print(f"{path}:{number}: skipped, not JSON ({e})", file=sys.stderr)
    pub: Counter[str] = Counter()
    by_source: dict[str, Counter[str]] = {}
    ev: Counter[str] = Counter()
    far: list[str] = []
    wrong: list[str] = []
    t_clean = t_event = 0.0
    for r in rows:
        t0 = time.process_time()
        a = clean(RawArticle(origin=str(r.get("id")), id=r.get("id"), text=r.get("text") or "",
                             url=r.get("url")))
        t1 = time.process_time()
        when, _ = event_time(a)
        t_event += time.process_time() - t1
        t_clean += t1 - t0
        gold = r.get("date")
        m = _EVENT_DAY.search(r.get("event") or "")
        ev_day = date.fromisoformat(m.group(1)) if m else None
        got_day = parse_iso(a.date)
        got_month = a.date[:7] if a.date else None
        if gold:
            if got_day is not None:
                verdict = "right" if got_day.isoformat() == gold else "wrong"
            elif got_month:
                verdict = "month right" if gold.startswith(got_month) else "month wrong"
            else:
                verdict = "none"
            pub[f"gold: {verdict}"] += 1
            by_source.setdefault(a.date_source or "-", Counter())[verdict] += 1
            if verdict in ("wrong", "month wrong"):
                wrong.append(f"{r['id']} gold {gold} got {a.date} ({a.date_source})")
        else:
            kind = "day" if got_day else "month" if got_month else "none"
            pub[f"gold-null: got {kind}"] += 1
            if got_day and ev_day and not -1 <= (got_day - ev_day).days <= 3:
                far.append(f"{r['id']} got {a.date} ({a.date_source}), event day {ev_day}")
            if kind == "month" and ev_day and got_month != ev_day.isoformat()[:7]:
                far.append(f"{r['id']} got month {a.date}, event day {ev_day}")
        if ev_day is not None:
            got = parse_iso(when)
            if got is None:
                ev["none"] += 1
            else:
                off = abs((got - ev_day).days)
                ev["exact" if off == 0 else "1 day off" if off == 1 else "further off"] += 1
    gold_n = sum(v for k, v in pub.items() if k.startswith("gold:"))
    right, bad = pub["gold: right"], pub["gold: wrong"]
    result = {
        "lines": len(rows),
        "gold_dated": gold_n,
        "publication": dict(sorted(pub.items())),
        "coverage_day": round(right / gold_n, 3) if gold_n else None,
        "error_rate_of_found_days": round(bad / (right + bad), 3) if right + bad else None,
        "by_source": {k: dict(v) for k, v in sorted(by_source.items())},
        "gold_wrong": wrong,
        "gold_null_days_away_from_event": far,
        "event_time_vs_event_day": dict(ev),
        "cpu_ms_per_article_clean": round(1000 * t_clean / max(len(rows), 1), 2),
        "cpu_ms_per_article_event_time": round(1000 * t_event / max(len(rows), 1), 2),
    }
    print(f"events-dev ({len(rows)} lines, {gold_n} with a gold day; DEV SET, rules written on it)")
    for k, v in sorted(pub.items()):
        print(f"  {k:28} {v}")
    print(f"  day coverage {result['coverage_day']}, error rate of found days "
          f"{result['error_rate_of_found_days']}")
    print("  by source:", json.dumps(result["by_source"], ensure_ascii=False))
    print(f"  event time vs the event's day: {dict(ev)}")
    print(f"  CPU time: clean {result['cpu_ms_per_article_clean']} ms/article (all of cleaning), "
          f"event_time {result['cpu_ms_per_article_event_time']} ms/article")
    if show or wrong:
        for line in wrong:
            print("  wrong:", line)
    if show:
        for line in far:
            print("  gold-null, away from the event's day or month (read these):", line)
    else:
        print(f"  gold-null dates away from the event's day or month: {len(far)} (--list to show)")
    return result


def fixtures() -> dict:
    from date_fixtures import EVENT_TIME, PUBLICATION

    pub: Counter[str] = Counter()
    misses: list[str] = []
    for id_, lang, url, text, extra, want, source in PUBLICATION:
        a = clean(RawArticle(origin=f"fixture/{id_}", text=text, url=url, lang=lang, **extra))
        if (a.date, a.date_source) == (want, source):
            pub["right" if want else "none, as it should"] += 1
        elif want is None:
            pub["wrong (a date where none is right)"] += 1
            misses.append(f"{id_}: got {a.date}")
        elif a.date is None:
            pub["missed"] += 1
            misses.append(f"{id_}: missed {want}")
        elif a.date == want:
            pub["right date, other source"] += 1
        else:
            pub["wrong"] += 1
            misses.append(f"{id_}: got {a.date}, want {want}")
    ev: Counter[str] = Counter()
    for id_, lang, day, text, want in EVENT_TIME:
        art = Article(id=id_, origin="fixture", title="T", text=f"T\n\n{text}", raw=text,
                      content_hash=id_, date=day or None, lang=lang)
        got = event_time(art)[0]
        if got == want:
            ev["right"] += 1
        else:
            ev["wrong" if got and want else "missed" if want else "wrong (a date where none is right)"] += 1
            misses.append(f"event {id_}: got {got}, want {want}")
    print(f"fixtures we wrote: publication {dict(pub)} of {len(PUBLICATION)}; "
          f"event time {dict(ev)} of {len(EVENT_TIME)}")
    for line in misses:
        print("  ", line)
    return {"publication": dict(pub), "event_time": dict(ev), "cases": len(PUBLICATION) + len(EVENT_TIME),
            "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="list the gold-null days away from the event day")
    args = ap.parse_args()
    out: dict = {}
    if DEV.exists():
        out["events_dev"] = dev_set(DEV, args.list)
    else:
        print(f"skipped the dev set: {DEV} is absent (it lives in ../shared, beside the clone)")
    out["fixtures"] = fixtures()
    path = write_result(OUT, json.dumps(out, ensure_ascii=False, indent=1))
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
