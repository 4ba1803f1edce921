"""Search benchmark: one- and two-letter queries (too short for the trigram index, so a
scan) and longer ones, with 10,000 stored articles of news length in eight scripts.

Times `GET /api/events?q=` and `GET /search?q=` in process (FastAPI's TestClient, no
network), the median of 3 runs per query, and prints peak memory. Target: every query
under 200 ms on the project's 2-core machine; the worst case is a short query in a
non-Latin script that matches nothing (the scan reads every text to the end).

    PYTHONPATH=src python bench/search.py [--articles 10000] [--chars 4000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import peak_rss_mb  # noqa: E402

from tidings.records import Article, Event  # noqa: E402
from tidings.store import SQLiteStore  # noqa: E402
from tidings.web import create_app  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TARGET_MS = 200.0
WORDS = {
    "en": "the government said talks minister city report officials week plan police court".split(),
    "ro": "guvernul a declarat ministrul orașul raport oficialii săptămâna plan poliția".split(),
    "de": "die Regierung sagte Gespräche Minister Stadt Bericht Beamte Woche Plan Polizei".split(),
    "ru": "правительство заявило министр город доклад чиновники неделя план полиция суд".split(),
    "uk": "уряд заявив міністр місто звіт посадовці тиждень план поліція суд".split(),
    "hi": "सरकार ने कहा मंत्री शहर रिपोर्ट अधिकारी सप्ताह योजना पुलिस अदालत".split(),
    "zh": list("政府表示部长城市报告官员周之后之前新计划警察法院选举市场价格"),
    "ja": list("政府は大臣都市報告官僚週後前新計画警察裁判所選挙市場価格"),
}
QUERIES = ["a", "q", "ж", "न", "中", "qq", "जे", "東京", "政府", "the", "Regierung", "पुलिस"]


def build(path: Path, n: int, chars: int, seed: int = 5) -> None:
    rnd = random.Random(seed)
    store = SQLiteStore(path)
    with store.transaction():
        for i in range(n):
            lang = rnd.choice(list(WORDS))
            words, sep = WORDS[lang], "" if lang in ("zh", "ja") else " "
            paragraphs, size = [], 0
            while size < chars:
                p = sep.join(rnd.choice(words) for _ in range(25)) + "."
                paragraphs.append(p)
                size += len(p)
            text = "\n\n".join(paragraphs)
            aid = f"s{i:06d}"
            store.add_article(Article(
                id=aid, origin="bench", title=sep.join(rnd.choice(words) for _ in range(8)), text=text,
                raw=text, content_hash=f"{rnd.getrandbits(64):016x}", source=f"{lang}.example",
                lang=lang, date="2026-02-01T10:00:00+00:00"))
            store.assign(aid, f"e{i // 5}", 0.9)
            if i % 5 == 4:
                store.put_event(Event(id=f"e{i // 5}", title="event", first_time="2026-02-01",
                                      last_time="2026-02-01", languages=[lang], article_ids=[], sources=[]))
    store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--chars", type=int, default=4000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "search.db"
        t = time.perf_counter()
        build(db, args.articles, args.chars)
        print(f"built {args.articles:,} articles of ~{args.chars:,} characters in {time.perf_counter() - t:.1f} s")
        store = SQLiteStore(db)
        client = TestClient(create_app(store, token=""))
        worst = 0.0
        print(f"{'query':<12} {'api ms':>8} {'page ms':>8}")
        for q in QUERIES:
            row = []
            for url, headers in (("/api/events", {}), ("/search", {"Accept": "text/html"})):
                times = []
                for _ in range(3):
                    t = time.perf_counter()
                    r = client.get(url, params={"q": q}, headers=headers)
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, r.text[:200]
                row.append(statistics.median(times))
            worst = max(worst, *row)
            print(f"{q:<12} {row[0]:>8.0f} {row[1]:>8.0f}")
        store.close()
    peak = peak_rss_mb()
    print(f"worst median {worst:.0f} ms (target < {TARGET_MS:.0f} ms); peak memory {peak:.0f} MB")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
