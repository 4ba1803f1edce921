"""The monitor against a real HTTP server on 127.0.0.1: feeds polled, pages fetched and
ingested with the feed's metadata, every failure kept with its reason and retried,
nothing fetched or stored twice, conditional polls counted."""

from __future__ import annotations

import pytest
from local_http import LocalServer, Route, page, rss

from tidings.config import Config
from tidings.sources.fetch import Fetcher
from tidings.store import SQLiteStore
from tidings.watch import Monitor, page_article_id

TOWNS = ["Marlow Bay", "Eskdale", "Port Anselm", "Greywick", "Tolland", "Hearne", "Caldmoor",
         "Ravensby", "Lindqvist Fjord", "Ostrava Nova", "Kettering Vale", "Saltcombe"]
WHAT = ["opened a new ferry terminal", "voted to rebuild the harbour wall",
        "closed its last coal-fired plant", "elected a new mayor", "approved a tram line",
        "reopened the old library", "banned cars from the market square",
        "won a national prize for clean water", "began repairs on the flood barrier",
        "hosted the regional chess final", "restored the medieval bridge", "planted ten thousand trees"]


def story(i: int) -> tuple[str, list[str]]:
    town, what = TOWNS[i % len(TOWNS)], WHAT[(i * 5) % len(WHAT)]
    title = f"{town} {what} (report {i})"
    paragraphs = [
        f"The council of {town} {what} on Tuesday, officials said, after a debate that lasted "
        f"most of the evening and drew {120 + i} residents to the town hall.",
        f"Supporters said the decision number {i} would bring visitors and jobs to {town}, "
        "while critics worried about the cost and asked for a public review of the plans.",
        f"Work is expected to start in the spring and to last about {3 + i % 9} months, "
        "according to the timetable published by the council's planning office.",
    ]
    return title, paragraphs


def item(server: LocalServer, i: int, path: str | None = None, summary: bool = True) -> dict[str, str]:
    title, paragraphs = story(i)
    path = path or f"/news/{i}.html"
    if path not in server.routes:
        server.routes[path] = Route(page(title, paragraphs), headers={"Content-Type": "text/html; charset=utf-8"})
    it = {"title": title, "link": server.url(path), "date": f"Tue, 0{1 + i % 9} Mar 2026 10:{i % 60:02d}:00 GMT",
          "author": f"Reporter {chr(65 + i % 26)}. Lindgren", "guid": f"item-{i}"}
    if summary:
        it["summary"] = " ".join(paragraphs[:2])
    return it


CONFIG = Config(fetch_timeout=1.0, fetch_backoff=0.05, fetch_host_rate=200.0, fetch_retries=1,
                fetch_retry_after=0.0, fetch_max_bytes=2_000_000, fetch_max_attempts=3)


@pytest.fixture
def server():
    with LocalServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                        headers={"Content-Type": "text/plain"})
        yield s


@pytest.fixture
def store(tmp_path):
    s = SQLiteStore(tmp_path / "watch.db")
    yield s
    s.close()


def monitor(store, config=CONFIG, folders=()):
    return Monitor(store, folders, config, fetcher=Fetcher(config))


def test_new_entries_are_fetched_and_ingested_with_the_feeds_metadata(server, store):
    items = [item(server, i) for i in range(3)]
    server.routes["/feed.xml"] = Route(rss(items), etag='"a1"', headers={"Content-Type": "application/rss+xml"})
    store.add_feed(server.url("/feed.xml"), "Chronicle")
    m = monitor(store)
    report = m.poll()
    assert report.ingested == 3 and report.fetched == 3 and not report.failed
    by_url = {a.url: a for a in store.articles()}
    for i, it in enumerate(items):
        a = by_url[it["link"]]
        assert a.title == it["title"] and a.author == it["author"] and a.lang == "en"
        assert a.date.startswith(f"2026-03-0{1 + i}T10:") and a.date_source == "given"
        assert a.source == "127.0.0.1" and a.id == page_article_id(it["link"])
        assert "town hall" in a.text  # the page's text, not the feed's summary
    # The next poll is conditional: 304, counted, and no page is fetched again.
    again = m.poll()
    assert again.not_modified == 1 and again.ingested == 0
    feed = store.feeds()[0]
    assert feed.polls == 2 and feed.not_modified == 1 and feed.last_status == "not modified"
    assert all(server.count(f"/news/{i}.html") == 1 for i in range(3))
    assert store.count_articles() == 3


def test_a_feed_changing_between_polls_brings_only_its_new_entries(server, store):
    items = [item(server, i) for i in range(2)]
    server.routes["/feed.xml"] = Route(rss(items))
    store.add_feed(server.url("/feed.xml"))
    m = monitor(store)
    assert m.poll().ingested == 2
    items.insert(0, item(server, 2))
    items.pop()  # the oldest entry falls off the feed
    server.routes["/feed.xml"] = Route(rss(items))
    report = m.poll()
    assert report.new_pages == 1 and report.ingested == 1
    assert [server.count(f"/news/{i}.html") for i in range(3)] == [1, 1, 1]
    assert store.count_articles() == 3 and store.feeds()[0].entries == 3


def test_every_failure_is_kept_with_its_reason_and_nothing_crashes(server, store):
    answers = {"n": 0}

    def flaky(hit):
        answers["n"] += 1
        if answers["n"] <= 2:  # the first poll's request and its retry
            return 500, {}, b"oops"
        title, paragraphs = story(20)
        return 200, {"Content-Type": "text/html"}, page(title, paragraphs)

    server.routes["/news/flaky.html"] = flaky
    server.routes["/news/slow.html"] = Route(page(*story(21)), delay=3.0)
    server.routes["/loop/a"] = Route(status=302, headers={"Location": "/loop/b"})
    server.routes["/loop/b"] = Route(status=302, headers={"Location": "/loop/a"})
    server.routes["/news/huge.html"] = Route(stream=50_000_000, headers={"Content-Type": "text/html"})
    server.routes["/private/inside.html"] = Route(page(*story(24)))
    server.routes["/news/busy.html"] = Route(b"slow down", status=429, headers={"Retry-After": "3600"})
    server.routes["/news/nosummary.html"] = Route(b"gone", status=410)
    items = [item(server, 20, "/news/flaky.html"), item(server, 21, "/news/slow.html"),
             item(server, 22, "/loop/a"), item(server, 23, "/news/huge.html"),
             item(server, 24, "/private/inside.html"), item(server, 25, "/news/busy.html"),
             item(server, 26, "/news/nosummary.html", summary=False), item(server, 27)]
    server.routes["/feed.xml"] = Route(rss(items))
    store.add_feed(server.url("/feed.xml"))
    m = monitor(store)
    first = m.poll()
    # The page that works, and the summaries of the pages that never will, are in.
    assert first.fetched == 1 and first.from_summary == 3
    assert first.retrying == 3  # 500, slow, 429: tried again later
    assert len(first.failed) == 1 and "410" in first.failed[0]
    assert server.count("/private/inside.html") == 0
    reasons = " | ".join(p.reason for p in store.problems())
    for expected in ("redirect loop", "limit", "robots.txt", "HTTP 500", "timed out", "HTTP 429",
                     "410", "summary was ingested instead"):
        assert expected in reasons, expected
    busy = store.page_fetch(server.url("/news/busy.html"))
    assert busy.state == "pending" and busy.attempts == 1 and busy.next_try > first_poll_stamp(store)

    # The next poll retries the pages that failed for now; the flaky one now works.
    second = m.poll()
    assert second.fetched == 1 and server.count("/news/busy.html") == 1  # Retry-After honoured
    flaky_article = store.get_article(page_article_id(server.url("/news/flaky.html")))
    assert flaky_article is not None and "town hall" in flaky_article.text
    # The slow host is given up after its last attempt: its feed summary goes in.
    third = m.poll()
    assert third.from_summary == 1 and store.page_fetch(server.url("/news/slow.html")).state == "summary"
    # Nothing doubled: one article per page, whatever the failures; the 429 page waits.
    urls = [a.url for a in store.articles()]
    assert len(urls) == len(set(urls)) == 6
    assert server.count("/news/busy.html") == 1


def first_poll_stamp(store) -> str:
    return store.feeds()[0].last_poll


def test_a_broken_feed_is_a_problem_with_its_reason_and_others_go_on(server, store):
    server.routes["/broken.xml"] = Route(b"<?xml version='1.0'?><rss><channel><title>x</title><item><title>a",
                                         headers={"Content-Type": "application/rss+xml"})
    server.routes["/good.xml"] = Route(rss([item(server, 30)]))
    server.routes["/missing.xml"] = Route(b"no", status=404)
    for path in ("/broken.xml", "/good.xml", "/missing.xml"):
        store.add_feed(server.url(path))
    m = monitor(store)
    report = m.poll()
    m.poll()
    assert report.ingested == 1 and len(report.feed_errors) == 2
    feeds = {f.url.rsplit("/", 1)[1]: f for f in store.feeds()}
    assert "not a readable feed" in feeds["broken.xml"].last_error
    assert "404" in feeds["missing.xml"].last_error and feeds["missing.xml"].errors == 2
    assert feeds["good.xml"].last_error is None
    # Kept once per failure, not once per poll.
    assert sum(1 for p in store.problems() if p.origin.endswith("/broken.xml")) == 1


def test_politeness_holds_in_a_poll(server, store):
    items = [item(server, 40 + i) for i in range(8)]
    server.routes["/feed.xml"] = Route(rss(items))
    store.add_feed(server.url("/feed.xml"))
    config = Config(fetch_timeout=2.0, fetch_host_rate=8.0, fetch_host_concurrency=2, fetch_workers=6)
    monitor(store, config).poll()
    starts = sorted(server.times())
    assert len(starts) == 10  # robots.txt, the feed, 8 pages: each once
    assert min(b - a for a, b in zip(starts, starts[1:])) >= (1 / 8) * 0.5  # jitter allowed
    assert starts[-1] - starts[0] >= 9 / 8 * 0.95
    assert server.max_in_flight <= 2


def test_watched_folders_are_read_once_per_change(tmp_path, store):
    folder = tmp_path / "drop"
    folder.mkdir()
    title, paragraphs = story(50)
    (folder / "one.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    m = monitor(store, folders=[str(folder)])
    assert m.poll().ingested == 1
    assert m.poll().files == 0  # unchanged: not read again
    title, paragraphs = story(51)
    (folder / "two.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    report = m.poll()
    assert report.files == 1 and report.ingested == 1 and store.count_articles() == 2


def test_a_watched_folder_leaves_its_readme_out_as_an_ingest_does(tmp_path, store):
    import json

    folder = tmp_path / "drop"
    folder.mkdir()
    title, paragraphs = story(52)
    (folder / "articles.jsonl").write_text(json.dumps({"title": title, "text": "\n\n".join(paragraphs)}) + "\n",
                                           encoding="utf-8")
    (folder / "README.md").write_text("# Drop folder\n\nThe crawler writes one JSON line per article here.\n",
                                      encoding="utf-8")
    (folder / "NOTES.md").write_text("Crawled from the regional feeds every ten minutes.\n", encoding="utf-8")
    report = monitor(store, folders=[str(folder)]).poll()
    assert report.files == 1 and report.ingested == 1 and store.count_articles() == 1


def test_urls_ingest_once(server, store):
    from tidings.watch import ingest_urls

    server.routes["/a.html"] = Route(page(*story(60)))
    server.routes["/b.html"] = Route(page(*story(61)))
    urls = [server.url("/a.html"), server.url("/b.html") + "?utm_source=feed", server.url("/private/x")]
    first = ingest_urls(urls, store, CONFIG, fetcher=Fetcher(CONFIG))
    assert first.ingested == 2 and len(first.failed) == 1 and "robots.txt" in first.failed[0]
    again = ingest_urls(urls[:2], store, CONFIG, fetcher=Fetcher(CONFIG))
    assert again.ingested == 0 and again.already_stored == 2
    assert server.count("/a.html") == 1 and server.count("/b.html") == 1  # tracking left out
    a = store.get_article(page_article_id(server.url("/a.html")))
    assert a.title == story(60)[0] and a.source == "127.0.0.1" and a.url == server.url("/a.html")


def test_cli_ingest_takes_urls_and_a_file_of_urls(server, tmp_path, capsys, monkeypatch):
    from tidings.cli import main

    monkeypatch.setenv("TIDINGS_FETCH_HOST_RATE", "200")
    for i in (70, 71, 72):
        server.routes[f"/u/{i}.html"] = Route(page(*story(i)))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# pages to read\n{server.url('/u/71.html')}\n\nnot a url\n{server.url('/u/72.html')}\n",
                       encoding="utf-8")
    db = str(tmp_path / "u.db")
    assert main(["ingest", server.url("/u/70.html"), "--urls", str(listing), "--db", db]) == 0
    out = capsys.readouterr()
    assert "3 URLs: 3 fetched, ingested 3" in out.out and "line 4" in out.err
    assert main(["ingest", "--urls", str(listing), "--db", db, "-q"]) == 0
    assert "ingested 0, already stored 2" in capsys.readouterr().out
    store = SQLiteStore(db)
    assert sorted(a.title for a in store.articles()) == sorted(story(i)[0] for i in (70, 71, 72))
    store.close()


def test_the_same_page_under_two_urls_is_stored_once(server, store):
    body = page(*story(80))
    server.routes["/one.html"] = Route(body)
    server.routes["/copy.html"] = Route(body)
    server.routes["/short"] = Route(status=301, headers={"Location": "/one.html"})
    items = [item(server, 80, "/one.html"), item(server, 80, "/copy.html"), item(server, 80, "/short")]
    server.routes["/feed.xml"] = Route(rss(items))
    store.add_feed(server.url("/feed.xml"))
    report = monitor(store).poll()
    assert report.ingested == 1 and report.already_stored == 2
    assert store.count_articles() == 1
    kept = {p.article_id for p in store.page_fetches()}
    assert kept == {store.articles()[0].id} and {p.state for p in store.page_fetches()} == {"done"}


def test_a_page_with_no_readable_text_gives_way_to_the_feeds_summary(server, store):
    # A site whose pages all arrive as one empty shell that scripts would fill in: the
    # same bytes for every article, and no text a reader (or trafilatura) can find.
    shell = (b'<!doctype html><html><head><title>Harbour Town Chronicle</title>'
             b'<script src="/app.js"></script></head><body><div id="root"></div>'
             b'<noscript>  </noscript><img src="/logo.png"></body></html>')
    for path in ("/app/1", "/app/2", "/app/3"):
        server.routes[path] = Route(shell, headers={"Content-Type": "text/html; charset=utf-8"})
    items = [item(server, 40, "/app/1"), item(server, 41, "/app/2"),
             item(server, 42, "/app/3", summary=False), item(server, 43)]
    server.routes["/feed.xml"] = Route(rss(items))
    store.add_feed(server.url("/feed.xml"))
    report = monitor(store).poll()
    assert report.fetched == 1 and report.from_summary == 2 and report.ingested == 3
    assert len(report.failed) == 1 and "/app/3" in report.failed[0]
    for i, path in ((40, "/app/1"), (41, "/app/2")):
        url = server.url(path)
        a = store.get_article(page_article_id(url))
        assert a is not None and a.status == "ok", path
        assert a.title == story(i)[0] and a.url == url
        assert f"decision number {i}" in a.text and "Harbour Town Chronicle" not in a.text
        fetch = store.page_fetch(url)
        assert fetch.state == "summary" and "no readable text" in (fetch.last_error or "")
    gone = store.page_fetch(server.url("/app/3"))
    assert gone.state == "failed" and "no readable text" in (gone.last_error or "")
    assert store.get_article(page_article_id(server.url("/app/3"))) is None
    reasons = [p.reason for p in store.problems() if "no readable text" in p.reason]
    assert sum("summary was ingested instead" in r for r in reasons) == 2
    assert sum("nothing stored" in r for r in reasons) == 1
    assert all(server.count(p) == 1 for p in ("/app/1", "/app/2", "/app/3"))


def test_a_list_of_urls_ingests_with_title_date_author_url_and_outlet(server, store, tmp_path):
    from tidings.watch import ingest_urls

    def dated_page(i: int, when: str, author: str) -> bytes:
        title, paragraphs = story(i)
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
                f'<meta name="author" content="{author}">'
                f'<meta property="article:published_time" content="{when}"></head>'
                f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode("utf-8")

    pages = {"/n/90.html": (90, "2026-02-17T08:30:00+00:00", "Maren Holt"),
             "/n/91.html": (91, "2026-02-18T12:05:00+00:00", "Tobias Quill")}
    for path, (i, when, author) in pages.items():
        server.routes[path] = Route(dated_page(i, when, author), headers={"Content-Type": "text/html"})
    report = ingest_urls([server.url(p) + "#top" for p in pages], store, CONFIG, fetcher=Fetcher(CONFIG))
    assert report.ingested == 2 and not report.failed
    for path, (i, when, author) in pages.items():
        a = store.get_article(page_article_id(server.url(path)))
        assert a is not None, path
        assert a.title == story(i)[0] and a.author == author
        assert a.date.startswith(when[:10]) and a.date_source == "metadata"
        assert a.url == server.url(path) and a.source == "127.0.0.1"


def test_a_watched_folders_subfolder_names_the_outlet_as_an_ingest_would(tmp_path, store):
    folder = tmp_path / "drop"
    (folder / "valdora-post").mkdir(parents=True)
    title, paragraphs = story(52)
    (folder / "valdora-post" / "one.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    title, paragraphs = story(53)
    (folder / "two.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    assert monitor(store, folders=[str(folder)]).poll().ingested == 2
    # The watched folder itself is the root: no outlet; its subfolder names one.
    assert sorted((a.source or "") for a in store.articles()) == ["", "Valdora Post"]
