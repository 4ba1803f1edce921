"""The web app and API under attack: what a demanding user and a hostile article author
tried, and what broke before (each test names the failure it guards against)."""

from __future__ import annotations

import json
import subprocess
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest
from test_web_pages import Tags, assert_inert
from web_store import _article, add_event, build_store, client, store  # noqa: F401 (pytest fixtures)

from tidings.config import Config
from tidings.records import Features, Mention
from tidings.web import create_app
from tidings.web.app import CSP

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

HTML = {"Accept": "text/html"}
SLASH_ID = "agency/2026/01/30/story.html?ref=x#top"
# A "%2F" in an id too; only through a real server: TestClient decodes the path twice.
PERCENT_ID = SLASH_ID + " 100%2F"
RLO = "\u202e"




def _add(store, aid, event_id, title="Ferry terminal opens in Dunmere", lang="en", text=None):
    a = _article(aid, lang, "Dunmere Times", "2026-03-02T10:00:00+00:00", "https://dunmere.example/ferry",
                 title, text or "Officials in Dunmere opened a new ferry terminal on Monday, the port said.")
    store.add_article(a)
    store.put_features(Features(article_id=aid, names=[Mention("dnmr", "Dunmere", "place")]))
    add_event(store, event_id, [a])
    return a


# --- ids: an article id with a slash had pages no link could reach (404) ---
def test_article_with_a_slash_in_its_id_has_reachable_pages(client, store):
    _add(store, SLASH_ID, "ev-slash")
    event_page = client.get("/events/ev-slash", headers=HTML).text
    links = [a["href"] for a in Tags(event_page).links() if a["href"].startswith("/articles/")]
    assert f"/articles/{quote(SLASH_ID, safe='')}" in links
    for href in set(links):
        r = client.get(href, headers=HTML)
        assert r.status_code == 200, (href, r.text[:300])
        assert "Ferry terminal opens in Dunmere" in r.text
    r = client.get(f"/api/articles/{quote(SLASH_ID, safe='')}")
    assert r.status_code == 200 and r.json()["id"] == SLASH_ID
    assert r.json()["event"] == "ev-slash"


def test_unknown_ids_with_slashes_are_404_with_a_message(client):
    r = client.get("/api/articles/a/b")
    assert r.status_code == 404 and "no article with id 'a/b'" in r.json()["error"]
    r = client.get("/articles/a%2Fb", headers=HTML)
    assert r.status_code == 404 and "a/b" in r.text


# --- query parameters ---
@pytest.mark.parametrize("query, where", [
    ("q=%20%20%20", "query.q"),  # was 200 with every event: instr(text, '') is 1
    ("entity=%20", "query.entity"),
    ("since=2026-03-01&until=2026-01-01", "query.since"),  # was 200 and silently empty
    ("since=2026-01-31T10:00:00&until=2026-01-30", "query.since"),
])
def test_blank_searches_and_empty_ranges_are_422(client, query, where):
    r = client.get("/api/events?" + query)
    assert r.status_code == 422, r.text
    assert r.json()["problems"][0]["where"] == where


def test_since_and_until_on_the_same_day_still_list_that_day(client):
    r = client.get("/api/events?since=2026-01-30T10:00:00&until=2026-01-30")
    assert r.status_code == 200 and "ev-moscow" in [e["id"] for e in r.json()["events"]]


@pytest.mark.parametrize("q", ["ab\x00c", "\x00\x00\x00", "Zel\x00ensky"])
def test_nul_in_a_search_is_not_a_server_error(client, q):
    # was 500: FTS5 "unterminated string"
    r = client.get("/api/events", params={"q": q})
    assert r.status_code == 200, r.text
    r = client.get("/search", params={"q": q}, headers=HTML)
    assert r.status_code == 200


def test_blank_search_matches_nothing_in_the_store(store):
    assert store.search_articles("   ") == [] and store.search_articles("\x00") == []


@pytest.mark.parametrize("q, expected", [
    ("%", []), ("_", []), ("\\", []),  # LIKE wildcards are literal letters
    ("mo", ["en-1"]),  # "Moscow": ASCII case ignored, as by the trigram index
    ("京", ["ja-1"]), ("東京", ["ja-1"]), ("जे", ["hi-1"]),
])
def test_one_and_two_letter_searches(store, q, expected):
    assert [i for i in store.search_articles(q) if i in ("en-1", "ja-1", "hi-1")] == expected


@pytest.mark.parametrize("q", ["\"", "*", "NEAR(", "a OR b", "-foo", "^foo", '"""', "NEAR(a b)", "x\ny"])
def test_fts_syntax_in_a_search_is_text(client, q):
    for url in ("/api/events", "/search"):
        assert client.get(url, params={"q": q}, headers=HTML).status_code == 200, (url, q)


# --- errors: a server error went out without the security headers, as bare text ---
def test_server_errors_carry_the_security_headers(store, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire at /srv/secret/path")

    monkeypatch.setattr(store, "count_articles", broken)
    client = TestClient(create_app(store, token=""), raise_server_exceptions=False)
    r = client.get("/api/health")
    assert r.status_code == 500
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.json()["status"] == 500 and "/srv/secret" not in r.text
    r = client.get("/", headers=HTML)
    assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "Something went wrong" in r.text and "/srv/secret" not in r.text


def test_head_requests_are_answered_like_get(client):
    # was 405 for every page: FastAPI routes answer GET only
    for url in ("/", "/api/health", "/events/ev-moscow", "/static/tidings.css"):
        r = client.head(url)
        assert r.status_code == 200, url
        assert r.content == b""
        assert r.headers["content-security-policy"] == CSP
    assert client.head("/events/nope").status_code == 404


def test_error_pages_write_out_bidi_and_control_characters(client):
    r = client.get(f"/events/{quote(RLO + 'gnp.exe')}", headers=HTML)
    assert r.status_code == 404
    message = " ".join(Tags(r.text).all_text().split())
    assert RLO not in r.text and "\\u202egnp.exe" in message
    r = client.get("/entities/" + quote("x" * 250), headers=HTML)
    assert "x" * 121 not in r.text  # cut short


def test_front_page_past_the_last_page_is_404_not_no_events_yet(client):
    # was 200 saying "No events yet" over a store with events, and no way back
    r = client.get("/?page=99", headers=HTML)
    assert r.status_code == 404
    assert "no page 99" in r.text and "No events yet" not in r.text


# --- the reader's language of a brief: any code cost a build and a stored brief ---
def test_brief_language_must_be_one_of_the_events(client, store):
    assert client.get("/api/events/ev-moscow?lang=hi").status_code == 200
    assert client.get("/api/events/ev-floods?lang=en").status_code == 200  # the default
    for lang in ("zz", "ja"):
        r = client.get(f"/api/events/ev-moscow?lang={lang}")
        assert r.status_code == 422 and r.json()["problems"][0]["where"] == "query.lang"
        assert "choose one of: de, en, hi, ro, ru" in r.json()["error"]
        assert client.get(f"/events/ev-moscow?lang={lang}", headers=HTML).status_code == 422
        assert store.get_brief("ev-moscow", lang) is None


# --- POST bodies ---
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_post_with_another_content_type_is_415_saying_what_to_send(client, content_type):
    # was 422 "send a JSON object" to someone who had sent one (curl -d sends a form type)
    r = client.post("/api/articles", content=json.dumps({"text": "x" * 50}).encode(),
                    headers={"content-type": content_type})
    assert r.status_code == 415
    assert "Content-Type: application/json" in r.json()["error"]


@pytest.mark.parametrize("body, words", [
    (b"", "the body is empty"),
    (b"   ", "the body is empty"),
    (b'{"text": "caf\xe9 au lait"}', "not valid UTF-8"),  # was 400 "error parsing the body"
    (b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),  # likewise
    (b'{"text": "a", }', "not valid JSON"),
])
def test_unreadable_bodies_are_422_saying_why(client, body, words):
    r = client.post("/api/articles", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert words in r.json()["error"]


def test_a_body_with_a_byte_order_mark_or_no_content_type_is_read(client):
    for body, headers in ((b'\xef\xbb\xbf{"text": 5}', {"content-type": "application/json"}),
                          (b'{"text": 5}', {}),
                          (b'{"text": 5}', {"content-type": "application/json; charset=utf-8"})):
        r = client.post("/api/articles", content=body, headers=headers)
        assert r.status_code == 422 and r.json()["problems"][0]["where"] == "body[0].text", r.text


@pytest.mark.parametrize("field, value, words", [
    ("lang", "<b>x</b>", "not a language code"),  # was stored as the language "<b>"
    ("lang", "English", "not a language code"),
    ("id", "..", "cannot be an article id"),  # a link to it resolves to the front page
    ("id", ".", "cannot be an article id"),
    ("id", "line\nbreak", "control characters"),
])
def test_fields_that_would_show_wrongly_are_refused(client, field, value, words):
    r = client.post("/api/articles", json={"text": "An article long enough to keep. " * 3, field: value})
    assert r.status_code == 422
    assert r.json()["problems"][0]["where"] == f"body[0].{field}"
    assert words in r.json()["error"]


def test_language_codes_and_empty_fields_are_accepted(client, monkeypatch):
    from tidings.pipeline import IngestReport
    from tidings.web import api

    seen = []
    monkeypatch.setattr(api, "_ingest", lambda request, raws: seen.extend(raws) or IngestReport())
    r = client.post("/api/articles", json=[{"text": "x " * 30, "lang": "pt-BR", "id": "a1"},
                                           {"text": "y " * 30, "lang": "", "id": ""}])
    assert r.status_code == 200, r.text
    assert [(raw.lang, raw.id) for raw in seen] == [("pt-BR", "a1"), (None, None)]


def test_501_articles_are_refused_before_any_is_ingested(client, store):
    before = store.count_articles()
    r = client.post("/api/articles", json=[{"text": "an article " * 10}] * 501)
    assert r.status_code == 422 and "501 articles in one request; at most 500" in r.json()["error"]
    assert store.count_articles() == before


# --- a hostile article through the real pipeline, on every page it appears on ---
def _pipeline_or_skip():
    # The pipeline is part of the package: failing to import it is a failure, not a skip.
    from tidings.pipeline import Pipeline  # noqa: F401


HOSTILE_POST = {
    "id": "hostile/2026?x=1#y",
    "title": f"Harbour <script>alert(1)</script>\"><img src=x onerror=alert(2)> {RLO}gnp.exe breakwater",
    "source": "\"><img src=x onerror=alert(3)> <style>*{background:url(//evil.example/x)}</style>",
    "author": f"<svg onload=alert(5)> {RLO}Author",
    "url": "data:text/html,<script>alert(4)</script>",
    "text": ("The harbour authority of Port Kestrel said on Tuesday that the northern breakwater will be "
             "rebuilt after winter storms, at a cost of 14 million euros. <script>alert(6)</script> "
             "\"><img src=x onerror=alert(7)> <a href=\"javascript:alert(8)\">x</a> "
             "<style>@import url(//evil.example/a.css)</style> " + "W" * 10_000
             + " Work starts in March and should end by autumn, the director told reporters."),
    "date": "2026-05-12T09:00:00+00:00",
    "lang": "en",
}


def test_hostile_post_is_inert_on_every_page(tmp_path, monkeypatch):
    _pipeline_or_skip()
    monkeypatch.delenv("TIDINGS_API_TOKEN", raising=False)
    store = build_store(tmp_path / "h.db", hostile=False)
    client = TestClient(create_app(store, token=""))
    variants = [HOSTILE_POST, {**HOSTILE_POST, "id": "hostile-js", "url": " javascript:alert(9)"},
                {**HOSTILE_POST, "id": "hostile-attr", "url": 'https://ok.example/"onmouseover="alert(10)'}]
    r = client.post("/api/articles", json=variants)
    assert r.status_code == 200, r.text
    events = {a["event"] for a in r.json()["articles"]}
    urls = ["/", "/search?q=breakwater", "/search?q=" + quote("<script>"), "/entities/" + quote("kstrl")]
    urls += [f"/events/{quote(e, safe='')}" for e in events]
    urls += [f"/articles/{quote(v['id'], safe='')}" for v in variants]
    for url in urls:
        r = client.get(url, headers=HTML)
        if url.startswith("/entities/") and r.status_code == 404:
            continue  # the name extractor may key Kestrel otherwise
        assert r.status_code == 200, (url, r.text[:300])
        assert_inert(r.text)
        assert RLO not in r.text.split("</title>")[0], url  # the tab title cannot be reordered
    article = client.get(f"/articles/{quote(HOSTILE_POST['id'], safe='')}", headers=HTML).text
    assert "<script>alert(6)</script>" in Tags(article).all_text()  # shown, as text


# --- concurrency: the server's POSTs and a `tidings ingest` process on one database ---
def _jsonl_articles(prefix: str, n: int) -> list[dict]:
    towns = ["Aldermoor", "Calloway", "Fenhollow", "Grayport", "Juniper Bay", "Larkhill"]
    out = []
    for i in range(n):
        town = towns[i % len(towns)]
        out.append({
            "id": f"{prefix}-{i:03d}", "lang": "en", "source": f"{prefix}-wire.example",
            "date": f"2026-07-{1 + i % 27:02d}T09:00:00+00:00",
            "title": f"{town} council approves budget item {prefix} {i}",
            "text": (f"The council of {town} approved item {i} of its budget on Tuesday, worth "
                     f"{1000 + 37 * i:,} euros, officials said. Reference {prefix}-{i} of the series. "
                     f"Councillors in {town} said work would begin within weeks."),
        })
    return out


def test_posts_in_parallel_with_an_ingest_process_lose_and_double_nothing(tmp_path, monkeypatch):
    _pipeline_or_skip()
    from conftest import command_env, tidings_command

    monkeypatch.delenv("TIDINGS_API_TOKEN", raising=False)
    db = tmp_path / "shared.db"
    store = build_store(db, hostile=False)
    client = TestClient(create_app(store, token=""))
    stamp = client.get("/api/events").json()["stamp"]
    cli = _jsonl_articles("cli", 130)
    (tmp_path / "cli.jsonl").write_text("\n".join(json.dumps(a) for a in cli) + "\n")
    posted = _jsonl_articles("post", 40)
    client.post("/api/articles", json=posted[0])  # the model loads before the race starts

    proc = subprocess.Popen([*tidings_command(), "ingest", str(tmp_path / "cli.jsonl"), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=command_env())
    answers: list = [None] * 20

    def post(k: int) -> None:
        answers[k] = client.post("/api/articles", json=posted[k * 2:(k + 1) * 2])

    # Start once the other process is writing (its model loaded), so the two overlap.
    deadline = time.monotonic() + 120
    while not store.has_article("cli-000") and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    threads = [threading.Thread(target=post, args=(k,)) for k in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    for r in answers:
        assert r is not None and r.status_code == 200, r and r.text
        assert "locked" not in r.text
    ids = [a["id"] for a in cli + posted]
    stored = store.get_articles(ids)
    assert sorted(a.id for a in stored) == sorted(ids)  # none lost
    assert store.count_articles() == 8 + len(ids)  # none doubled
    events = store.events_of_articles(ids)
    assert set(events) == set(ids)  # every one in an event
    for event_id in set(events.values()):
        assert store.get_event(event_id) is not None
    # the live front page's poll sees every event the two writers changed
    changed, page = set(), 1
    while True:
        answer = client.get(f"/api/events?changed_since={quote(stamp)}&limit=50&page={page}").json()
        changed |= {e["id"] for e in answer["events"]}
        if page >= answer["pages"]:
            break
        page += 1
    assert set(events.values()) <= changed


# --- in a real browser ---
def _browser_or_skip():
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    return pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


class _Server:
    def __init__(self, store):
        import socket
        import time

        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        app = create_app(store, config=Config(web_poll_seconds=0.5), token="")
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)

    def close(self):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.mark.browser
def test_long_words_and_bidi_overrides_do_not_break_the_layout(tmp_path):
    sync_api = _browser_or_skip()
    store = build_store(tmp_path / "b.db")
    long_word = "Ш" * 1990
    _add(store, PERCENT_ID, "ev-long", title=f"Longword {long_word} {RLO}gnp.exe",
         text="Officials in Dunmere opened a ferry terminal. " + "Z" * 10_000 + " It cost 3 million euros.")
    server = _Server(store)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1024, "height": 800})
            dialogs, requests = [], []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            for url in ("/", "/events/ev-long", f"/articles/{quote(PERCENT_ID, safe='')}", "/search?q=Longword"):
                assert page.goto(server.base + url).status == 200, url
                # was 5,595 px wide for a 1,024 px window: the word set the page's width
                assert page.evaluate("document.documentElement.scrollWidth") <= 1024, url
                assert RLO not in page.title(), url
            assert page.title().endswith(" · Tidings")
            assert dialogs == [] and [u for u in requests if not u.startswith(server.base + "/")] == []
            browser.close()
    finally:
        server.close()
        store.close()


@pytest.mark.browser
def test_live_front_page_shows_every_event_of_a_big_ingest(tmp_path):
    # was: the poll read one page of 50 changes and moved its stamp past the rest
    sync_api = _browser_or_skip()
    store = build_store(tmp_path / "live.db", hostile=False)
    server = _Server(store)
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(server.base + "/")
            page.evaluate("window.__sameDocument = true")
            with store.transaction():
                for i in range(75):
                    _add(store, f"bulk-{i:03d}", f"ev-bulk-{i:03d}", title=f"Bulk event number {i}")
            rows = page.locator('table#events tbody tr[data-id^="ev-bulk-"]')
            sync_api.expect(rows).to_have_count(75, timeout=20_000)
            assert page.evaluate("window.__sameDocument === true")
            browser.close()
    finally:
        server.close()
        store.close()


def test_reads_go_on_while_a_post_is_ingesting(tmp_path, monkeypatch):
    # was: the ingest held the store's one connection for each whole batch (seconds), and
    # every page and API read waited behind it (median 3.2 s during a 300-article POST)
    import tidings.pipeline as pipeline_mod
    from tidings.records import Problem

    started, release = threading.Event(), threading.Event()

    class HeldPipeline:
        def __init__(self, store, config):
            self.store = store

    def held_ingest(raws, store, config, pipeline):
        with store.transaction():  # a batch: one transaction over cleaning, embedding, clustering
            store.add_problem(Problem("held batch", "a write inside the batch"))
            started.set()
            release.wait(10)
        return pipeline_mod.IngestReport()

    monkeypatch.setattr(pipeline_mod, "Pipeline", HeldPipeline)
    monkeypatch.setattr(pipeline_mod, "ingest_raw", held_ingest)
    store = build_store(tmp_path / "busy.db", hostile=False)
    client = TestClient(create_app(store, token=""))
    poster = threading.Thread(target=client.post, args=("/api/articles",),
                              kwargs={"json": {"text": "An article on its way in. " * 5}})
    poster.start()
    try:
        assert started.wait(10)
        t = time.monotonic()
        for url in ("/api/events", "/", "/events/ev-moscow", "/search?q=Kremlin"):
            assert client.get(url, headers=HTML).status_code == 200, url
        assert time.monotonic() - t < 2.0
    finally:
        release.set()
        poster.join(10)
    assert [p.origin for p in store.problems()] == ["held batch"]  # committed, and seen


def test_briefs_built_by_pages_are_still_stored(tmp_path):
    # written aside from the page's own thread, so that an ingest holding the database
    # cannot stall the server; but written all the same
    store = build_store(tmp_path / "briefs.db", hostile=False)
    client = TestClient(create_app(store, token=""))
    assert client.get("/events/ev-moscow", headers=HTML).status_code == 200
    deadline = time.monotonic() + 20
    while store.get_brief("ev-moscow", "en") is None and time.monotonic() < deadline:
        time.sleep(0.05)
    stored = store.get_brief("ev-moscow", "en")
    assert stored is not None and stored[1] == 5


@pytest.mark.parametrize("lang", ["hi", "HI", "hi-IN", "hi_IN"])
def test_language_filter_reads_codes_as_ingest_stores_them(client, lang):
    # was: "EN" or "en-GB" matched nothing, though cleaning stores both as "en"
    r = client.get(f"/api/events?lang={lang}")
    assert r.status_code == 200 and [e["id"] for e in r.json()["events"]] == ["ev-moscow"]
