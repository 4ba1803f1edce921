"""End to end in a real headless Chromium (Debian's, driven by Playwright) against a real
uvicorn server on 127.0.0.1, over the demo corpus when the ingest stages are all there
(else the hand-filled test store). Screenshots go to test-artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ZELENSKY_GOLD = "kremlin-invites-zelensky-moscow-2026-03"

HOSTILE = {
    "id": "browser-hostile-1",
    "title": "Hostile <script>alert('t1')</script> headline <img src=x onerror=alert('t2')>",
    "text": ("An article that tries to run code in the reader's browser. <script>alert('t3')</script> "
             "It carries an image tag <img src=/x.png onerror=alert('t4')> and a link "
             "<a href=\"javascript:alert('t5')\">click me</a> and an SVG <svg onload=alert('t6')>. "
             "None of it may run, load or navigate anywhere; it must read as plain text. "
             "The story goes on for a while so that cleaning keeps it as an article."),
    "url": "javascript:alert('t7')",
    "source": "Hostile <b onmouseover=alert('t8')>Press</b>",
    "date": "2026-05-01T10:00:00+00:00",
    "lang": "en",
}
LIVE = {
    "id": "browser-live-1",
    "title": "Lighthouse keepers vote to restore the old lamp on Salt Island",
    "text": ("Keepers of the lighthouse on Salt Island voted on Friday to restore its original "
             "brass lamp, retired in 1962, after a fundraising drive gathered 48,000 euros. "
             "The restored lamp will be lit again at the summer solstice, the keepers said, "
             "and the island's museum will show the lens that it replaces."),
    "source": "Island Gazette",
    "date": "2026-06-05T09:00:00+00:00",
    "lang": "en",
    "url": "https://island-gazette.example.org/lighthouse-lamp",
}


def _demo_ready() -> str | None:
    """Why the demo corpus cannot be ingested yet, or None when it can."""
    # Stages of the package itself: an import failure is a failure, not a reason to skip.
    from tidings.cluster import EventLearner  # noqa: F401
    from tidings.demo import CORPUS
    from tidings.pipeline import Pipeline, ingest  # noqa: F401
    return None if any(CORPUS.rglob("*.*")) else "demo corpus is empty"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Site:
    """The store, a uvicorn server in a thread, and how to write through its API."""

    def __init__(self, tmp: Path) -> None:
        import uvicorn

        from tidings.store import SQLiteStore
        from tidings.web import create_app

        self.why_not_demo = _demo_ready()
        if self.why_not_demo is None:
            from tidings.demo import CORPUS
            from tidings.pipeline import ingest

            self.store = SQLiteStore(tmp / "demo.db")
            ingest([str(CORPUS)], self.store)
            self.zelensky_event = self._gold_event(ZELENSKY_GOLD)
        else:
            from web_store import build_store

            self.store = build_store(tmp / "fixture.db", hostile=False)
            self.zelensky_event = "ev-moscow"
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        app = create_app(self.store, token="")
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)

    def _gold_event(self, slug: str) -> str:
        from tidings.demo import gold_for

        gold = gold_for(self.store.articles())
        events = Counter(self.store.event_of(a) for a, g in gold.items() if g == slug)
        return events.most_common(1)[0][0]

    def add(self, article: dict) -> str:
        """Add an article as a user would (POST /api/articles) when ingest works; else
        straight into the store, so the pages can still be checked. Returns its event."""
        if self.why_not_demo is None:
            import httpx

            r = httpx.post(self.base + "/api/articles", json=article, timeout=120)
            assert r.status_code == 200, r.text
            return r.json()["articles"][0]["event"]
        from web_store import _article, add_event

        a = _article(article["id"], article["lang"], article["source"], article["date"],
                     article["url"], article["title"], article["text"])
        self.store.add_article(a)
        add_event(self.store, "ev-" + a.id, [a])
        return "ev-" + a.id

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.store.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    s = Site(tmp_path_factory.mktemp("browser"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium "
                    "(apt-get install chromium, or `make browser`)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page whose dialogs and requests are recorded."""

    def __init__(self, browser, site: Site) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.base = site.base

    def unexpected_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base + "/")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watched(browser, site):
    w = Watched(browser, site)
    yield w
    w.close()


def test_front_page_lists_events(site, watched):
    page = watched.page
    page.goto(site.base + "/")
    rows = page.locator("table#events tbody tr")
    assert rows.count() >= 3
    assert page.locator(f'a[href="/events/{site.zelensky_event}"]').count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "front-page.png"), full_page=True)
    assert watched.dialogs == [] and watched.unexpected_requests() == []


def test_clicking_an_event_shows_its_brief(site, watched):
    page = watched.page
    page.goto(site.base + "/")
    page.locator(f'a[href="/events/{site.zelensky_event}"]').click()
    page.wait_for_url(f"**/events/{site.zelensky_event}")
    assert page.locator("h1").inner_text().strip()
    for section in ("#timeline", "#entities", "#articles"):
        assert page.locator(section).is_visible(), section
    assert page.locator(".timeline li.first").count() == 1  # the first report is marked
    assert page.locator(".lang-group").count() >= 2  # articles grouped by language
    entities = page.locator("#entities").inner_text()
    assert "Zelensk" in entities or "Зеленск" in entities
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "event-page.png"), full_page=True)
    assert watched.dialogs == [] and watched.unexpected_requests() == []


def test_search_in_devanagari_finds_the_zelensky_event(site, watched):
    page = watched.page
    page.goto(site.base + "/")
    page.fill("input[name=q]", "जेलेंस्की")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(f'a[href="/events/{site.zelensky_event}"]').count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-page.png"), full_page=True)


def test_posted_event_appears_live_without_reload(site, watched):
    page = watched.page
    page.goto(site.base + "/")
    page.evaluate("window.__sameDocument = true")
    event = site.add(LIVE)
    row = page.locator(f'table#events tbody tr[data-id="{event}"]')
    row.wait_for(timeout=20_000)
    assert "Salt Island" in row.inner_text()
    assert page.evaluate("window.__sameDocument === true")  # no reload happened
    assert watched.dialogs == [] and watched.unexpected_requests() == []


def test_hostile_article_is_inert_everywhere(site, watched):
    page = watched.page
    page.goto(site.base + "/")
    event = site.add(HOSTILE)  # arrives while the front page is open: the live path too
    page.locator(f'table#events tbody tr[data-id="{event}"]').wait_for(timeout=20_000)
    for url in ("/", f"/events/{event}", f"/articles/{HOSTILE['id']}", "/search?q=Hostile",
                "/search?q=" + "<script>alert('t9')</script>"):
        page.goto(site.base + url)
        page.wait_for_load_state("networkidle")
        assert page.locator('a[href^="javascript"]').count() == 0, url
        assert page.locator("main img, main svg, main script, main iframe").count() == 0, url
    page.goto(site.base + f"/articles/{HOSTILE['id']}")
    assert "<script>alert('t3')</script>" in page.locator("main").inner_text()  # shown, as text
    page.hover("main")
    assert watched.dialogs == [], watched.dialogs
    assert watched.unexpected_requests() == [], watched.unexpected_requests()
    # the watch itself works: a dialog opened by the test is seen
    page.evaluate("alert('probe')")
    assert watched.dialogs == ["probe"]


def test_event_merged_away_leaves_the_live_front_page(site, watched):
    from web_store import _article, add_event

    a = _article("browser-gone-1", "en", "Test Wire", "2026-12-01", "https://example.org/gone",
                 "Ferry strike on the Danube ends after two days",
                 "Ferry crews on the Danube returned to work on Tuesday after a two-day strike.")
    site.store.add_article(a)
    add_event(site.store, "ev-browser-gone-1", [a])
    page = watched.page
    page.goto(site.base + "/")
    row = page.locator('table#events tbody tr[data-id="ev-browser-gone-1"]')
    row.wait_for(timeout=10_000)
    page.evaluate("window.__sameDocument = true")
    site.store.delete_event("ev-browser-gone-1")  # as the clusterer does when events merge
    row.wait_for(state="detached", timeout=20_000)
    assert page.evaluate("window.__sameDocument === true")  # no reload happened
