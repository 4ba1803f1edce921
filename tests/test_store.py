"""The store suite, run on every implementation (SQLite, PostgreSQL): round trips,
search in any script, atomic batches; and SQLite's own schema checks."""

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
def store(any_store):
    return any_store


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
    store.put_brief("ev-1", "ro", {"headline": {"text": "Zelenski invitat"}}, 4)
    store.put_brief("ev-2", "en", {"headline": {"text": "Talks in Istanbul"}}, 2)
    store.forget_briefs(["ev-1", "ev-9"])
    assert store.get_brief("ev-1", "en") is None and store.get_brief("ev-1", "ro") is None
    assert store.get_brief("ev-2", "en") == ({"headline": {"text": "Talks in Istanbul"}}, 2)
    store.forget_briefs([])


def test_nul_characters_do_not_break_a_write(store):
    text = "before\x00after end"
    assert store.add_article(make_article("nul", "title\x00", text))
    back = store.get_article("nul")
    assert back is not None and back.text.startswith("before") and back.text.endswith("end")
    assert store.search_articles("before") == ["nul"]


def test_stored_ids_and_counts(store):
    for i in ("a", "b"):
        store.add_article(make_article(i, f"title {i}", "text"))
    assert store.stored_article_ids(["a", "x", "b", "a"]) == {"a", "b"}
    assert store.has_article("a") and not store.has_article("x")
    assert store.article_by_hash("h-b") == "b"
    assert [a.id for a in store.articles(limit=1, offset=1)] == ["b"]
    assert store.last_article_seq() >= 2


def test_one_and_two_letter_search_and_case(store):
    store.add_article(make_article("en", "Moscow talks", "The Kremlin said"))
    store.add_article(make_article("ru", "Переговоры в Москве", "Кремль заявил"))
    store.add_article(make_article("pct", "100% sure", "under_score"))
    assert store.search_articles("mo") == ["en"]  # ASCII case ignored
    assert store.search_articles("MOSCOW") == ["en"]
    assert store.search_articles("москве") == ["ru"]  # any script's case
    assert store.search_articles("%") == ["pct"] and store.search_articles("_") == ["pct"]
    assert store.search_articles("0% s") == ["pct"]
    assert store.search_articles("   ") == [] and store.search_articles("\x00") == []


def test_near_duplicate_index_and_outlet_lines(store):
    for i in ("a", "b", "c"):
        store.add_article(make_article(i, i, "t"))
    store.add_dup_bands("a", ["b1", "b2", "b3"])
    store.add_dup_bands("b", ["b2"])
    assert store.dup_candidates(["b2", "b3"]) == ["a", "b"]
    assert store.dup_candidates_ranked(["b1", "b2", "b3"], limit=1) == [("a", 3)]
    assert store.dup_candidates([]) == []
    store.count_outlet_lines("Gazette", ["l1", "l2", "l1"])
    store.count_outlet_lines("Gazette", ["l1"])
    assert store.outlet_line_counts("Gazette", ["l1", "l2", "l3"]) == {"l1": 2, "l2": 1}
    assert store.outlet_line_counts("Other", ["l1"]) == {}


def test_names_and_entities(store):
    store.add_article(make_article("a", "t", "x"))
    store.add_article(make_article("b", "t", "x"))
    store.put_features(Features("a", names=[Mention("zelensky", "Zelensky", "person", 2),
                                            Mention("moskva", "Москва", "place", 1)]))
    store.put_features(Features("b", names=[Mention("zelensky", "Зеленский", "person", 1)]))
    assert store.name_keys_for_surface("zelensky") == ["zelensky"]  # ASCII case ignored
    assert store.known_name_keys(["zelensky", "moskva", "nobody"]) == {"zelensky"}
    assert store.name_document_counts(["zelensky", "moskva"]) == {"zelensky": 2, "moskva": 1}
    assert store.name_kinds("zelensky") == {"person": 3}
    assert store.stored_name_keys(["nobody", "moskva", "zelensky"]) == ["moskva", "zelensky"]
    store.put_event(Event("ev", "E", "2026-01-01", "2026-01-02", ["en"], ["a"]))
    store.assign("a", "ev")
    assert store.events_with_names(["moskva"]) == ["ev"]
    assert store.events_of_articles(["a", "b"]) == {"a": "ev"}
    assert sorted(store.get_features(["b", "a"])) == ["a", "b"]


def test_event_listing_growth_removal_and_states(store):
    days = {"a": "2026-03-01", "b": "2026-03-09T22:00:00+00:00", "c": "2026-03", "d": "2026-03-10"}
    for i, d in days.items():
        store.add_article(make_article(i, i, "x", date=d))
    store.put_event(Event("ev-1", "One", "2026-03-01", "2026-03-10", ["en", "ro"], list(days),
                          ["Gazette", "Вести"]), {"k": [1, 2]}, np.ones(3, dtype=np.float32))
    for i in days:
        store.assign(i, "ev-1", 0.5)
    store.put_event(Event("ev-2", "Two", None, None, ["hi"], ["x"]))
    rows, total = store.list_events(limit=10)
    assert total == 2 and [r["id"] for r in rows] == ["ev-1", "ev-2"]
    one = rows[0]
    assert one["languages"] == ["en", "ro"] and one["sources"] == ["Gazette", "Вести"]
    assert one["growth"] == 2  # b and d are within a day of the last time; c has no day
    assert store.list_events(lang="ro")[1] == 1 and store.list_events(ids=[])[1] == 0
    assert [r["id"] for r in store.list_events(ids=["ev-2", "nope"])[0]] == ["ev-2"]
    stamp = store.events_stamp()
    assert stamp and [r["id"] for r in store.list_events(changed_since=stamp)[0]] == ["ev-1", "ev-2"]
    states = {i: (s, c) for i, s, c in store.event_states()}
    assert states["ev-1"][0] == {"k": [1, 2]} and list(states["ev-1"][1]) == [1, 1, 1]
    store.delete_event("ev-2")
    assert store.get_event("ev-2") is None and store.removed_events_since(stamp) == ["ev-2"]
    assert store.count_events() == 1 and set(store.event_times("ev-1")) == {"created_at", "updated_at"}


def test_embedding_cache_and_problems(store):
    store.cache_embeddings({"h1": np.arange(3, dtype=np.float32)})
    store.cache_embeddings({"h1": np.zeros(3, dtype=np.float32)})  # the first one stays
    got = store.cached_embeddings(["h1", "h2"])
    assert list(got) == ["h1"] and list(got["h1"]) == [0, 1, 2]
    store.add_problem(Problem("feed.jsonl", "bad JSON", line=3, raw="{"))
    assert store.problems() == [Problem("feed.jsonl", "bad JSON", line=3, raw="{")]


def test_writes_wait_for_another_writer_then_go_on(store):
    """A second connection's write waits while the first holds a write transaction, and
    gives up with StoreBusy (nothing written) when it is held too long."""
    import threading

    from tidings.store import StoreBusy

    other = store.reopen()
    other.busy_timeout = 0.3
    with store.transaction():
        store.add_article(make_article("first", "t", "x"))
        with pytest.raises(StoreBusy):
            other.add_article(make_article("second", "t", "x"))
    assert other.add_article(make_article("second", "t", "x"))
    other.busy_timeout = 10
    done = threading.Event()
    with store.transaction():
        t = threading.Thread(target=lambda: (other.add_article(make_article("third", "t", "x")), done.set()))
        t.start()
        assert not done.wait(0.3)  # waiting for the lock
    t.join(10)
    assert done.is_set() and store.count_articles() == 3
    other.close()
