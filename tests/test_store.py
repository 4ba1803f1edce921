"""The SQLite store: schema, round trips, search in any script, atomic batches."""

import sqlite3

import numpy as np
import pytest

from tidings.records import Article, Event, Features, Figure, Mention, Problem
from tidings.store import StoreTooNew, open_store
from tidings.store.sqlite import MIGRATIONS


def make_article(i: str, title: str, text: str, **kw) -> Article:
    return Article(id=i, origin=f"feed/{i}.txt", title=title, text=text, raw=text,
                   content_hash=f"h-{i}", **kw)


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "t.db")
    yield s
    s.close()


def test_new_database_is_migrated_and_in_wal_mode(tmp_path):
    s = open_store(tmp_path / "new.db")
    assert s.schema_version == len(MIGRATIONS)
    mode = sqlite3.connect(tmp_path / "new.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    s.close()
    # Opening again does not re-run migrations (they would fail on existing tables).
    assert open_store(tmp_path / "new.db").schema_version == len(MIGRATIONS)


def test_newer_schema_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    con.close()
    with pytest.raises(StoreTooNew, match="newer than this Tidings"):
        open_store(path)


def test_article_round_trip_and_idempotent_insert(store):
    a = make_article("a1", "Kremlin invites Zelensky", "Peskov said Moscow is ready.",
                     lang="en", date="2026-01-30", date_source="dateline",
                     problems=["no author"])
    assert store.add_article(a) is True
    assert store.add_article(a) is False
    assert store.count_articles() == 1
    assert store.get_article("a1") == a
    assert store.get_article("nope") is None


def test_hostile_text_is_stored_literally(store):
    evil = "x'); DROP TABLE articles; -- <script>alert(1)</script>"
    store.add_article(make_article("evil", evil, evil))
    assert store.get_article("evil").title == evil
    assert store.count_articles() == 1
    # FTS query syntax in a search string is treated as text, not as a query.
    assert store.search_articles('DROP TABLE" OR "x') == []
    assert store.search_articles("DROP TABLE") == ["evil"]


def test_full_text_search_finds_devanagari_cyrillic_and_cjk(store):
    store.add_article(make_article("hi", "रूस ने जेलेंस्की को बुलाया", "क्रेमलिन के प्रवक्ता ने कहा"))
    store.add_article(make_article("ru", "Кремль пригласил Зеленского", "Песков заявил"))
    store.add_article(make_article("zh", "克里姆林宫邀请泽连斯基", "佩斯科夫表示"))
    assert store.search_articles("जेलेंस्की") == ["hi"]
    assert store.search_articles("Зеленск") == ["ru"]
    assert store.search_articles("泽连斯基") == ["zh"]
    assert store.search_articles("佩斯") == ["zh"]  # shorter than a trigram still works


def test_transaction_is_all_or_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_article(make_article("a", "t", "x"))
            store.add_problem(Problem("f.txt", "boom"))
            raise RuntimeError("killed midway")
    assert store.count_articles() == 0
    assert store.problems() == []


def test_features_round_trip(store):
    vec = np.arange(4, dtype=np.float32)
    f = Features("a1", names=[Mention("jelenski", "Zelensky", "person", 2)],
                 figures=[Figure(6000, "6,000 drones", "drones")],
                 dates_mentioned=["2026-01-29"], event_time="2026-01-29", embedding=vec)
    store.put_features(f)
    back = store.get_features(["a1", "missing"])
    assert list(back) == ["a1"]
    got = back["a1"]
    assert got.names == f.names and got.figures == f.figures
    assert got.event_time == "2026-01-29"
    np.testing.assert_array_equal(got.embedding, vec)
    assert store.articles_with_name("jelenski") == ["a1"]
    assert store.name_surfaces("jelenski") == {"Zelensky": 2}


def test_events_filters_and_membership(store):
    for i, lang, date in [("a", "en", "2026-01-28"), ("b", "hi", "2026-01-30"), ("c", "ro", "2025-09-01")]:
        store.add_article(make_article(i, f"title {i}", "text", lang=lang, date=date))
    store.put_event(Event("ev-1", "Invitation", "2026-01-28", "2026-01-30", ["en", "hi"], ["a", "b"]))
    store.put_event(Event("ev-2", "Older", "2025-09-01", "2025-09-01", ["ro"], ["c"]))
    for a, e in [("a", "ev-1"), ("b", "ev-1"), ("c", "ev-2")]:
        store.assign(a, e, 0.9)
    assert [e.id for e in store.events()] == ["ev-1", "ev-2"]
    assert [e.id for e in store.events(lang="hi")] == ["ev-1"]
    assert [e.id for e in store.events(since="2026-01-01")] == ["ev-1"]
    assert [e.id for e in store.events(until="2025-12-31")] == ["ev-2"]
    assert store.get_event("ev-1").article_ids == ["a", "b"]  # by publication date
    assert store.event_of("c") == "ev-2"
    store.assign("c", "ev-1")  # an article moves when events merge
    assert store.event_of("c") == "ev-1"


def test_brief_cache(store):
    store.put_brief("ev-1", "en", {"headline": {"text": "Zelensky invited"}}, 4)
    assert store.get_brief("ev-1", "en") == ({"headline": {"text": "Zelensky invited"}}, 4)
    assert store.get_brief("ev-1", "ro") is None
