"""The store's feeds, page fetches and watched files, on every implementation (SQLite,
PostgreSQL): what the monitor relies on to survive restarts."""

from __future__ import annotations

from tidings.records import PageFetch


def test_feeds_polls_pages_and_files_round_trip(any_store):
    s = any_store
    assert s.add_feed("http://127.0.0.1:9/a.xml", "A") is True
    assert s.add_feed("http://127.0.0.1:9/a.xml", "A again") is False
    assert s.add_feed("http://127.0.0.1:9/b.xml") is True
    a, b = s.feeds()
    assert (a.url, a.name, a.polls, a.last_status) == ("http://127.0.0.1:9/a.xml", "A again", 0, None)
    pages = [PageFetch(url=f"http://127.0.0.1:9/p{i}", entry={"title": f"T{i}", "lang": "de"}) for i in range(3)]
    assert s.record_feed_poll(a.id, status="ok", etag='"1"', last_modified="Mon, 02 Mar 2026 10:00:00 GMT",
                              pages=pages) == 3
    assert s.record_feed_poll(a.id, status="ok", etag='"2"', pages=pages[:2]) == 0  # known: not new
    assert s.record_feed_poll(a.id, status="not modified") == 0
    assert s.record_feed_poll(b.id, status="error", error="HTTP 404 Not Found") == 0
    a, b = s.feeds()
    assert (a.polls, a.not_modified, a.entries, a.etag, a.last_error) == (3, 1, 3, '"2"', None)
    assert a.last_modified is None and a.last_ok and a.last_status == "not modified"
    assert (b.errors, b.last_error, b.last_ok) == (1, "HTTP 404 Not Found", None)

    due = s.due_page_fetches("9999-12-31T00:00:00+00:00")
    assert [p.url for p in due] == sorted(p.url for p in pages) and due[0].entry["lang"] == "de"
    s.page_failed(pages[0].url, "HTTP 500", "9999-01-01T00:00:00+00:00")
    s.page_done(pages[1].url, "art-1", "hash-1")
    assert [p.url for p in s.due_page_fetches("2100-01-01T00:00:00+00:00")] == [pages[2].url]
    failed = s.page_fetch(pages[0].url)
    assert (failed.attempts, failed.last_error, failed.state) == (1, "HTTP 500", "pending")
    assert s.page_with_body("hash-1") == "art-1" and s.page_with_body("other") is None
    s.page_done(pages[2].url, None, state="failed", error="HTTP 410 Gone")
    assert s.page_fetch_counts()[a.id] == {"retrying": 1, "done": 1, "failed": 1}
    assert s.add_page_fetch(PageFetch(url="http://127.0.0.1:9/given", entry={})) is True
    assert s.add_page_fetch(PageFetch(url="http://127.0.0.1:9/given", entry={})) is False

    assert s.watched_file("/drop/a.txt") is None
    s.mark_watched_file("/drop/a.txt", 120, 1700000000.5)
    assert s.watched_file("/drop/a.txt") == (120, 1700000000.5)
    assert s.remove_feed("http://127.0.0.1:9/b.xml") is True and s.remove_feed("http://127.0.0.1:9/b.xml") is False
    assert [f.url for f in s.feeds()] == ["http://127.0.0.1:9/a.xml"]
