"""Polite HTTP against a real server on 127.0.0.1: conditional requests, retries honouring
Retry-After, 500s, a slow host, redirect loops, a 50 MB page, legacy encodings, robots.txt,
and the per-host rate and concurrency limits."""

from __future__ import annotations

import time

import pytest
from local_http import Hit, LocalServer, Route

from tidings.config import Config
from tidings.sources.fetch import Fetcher, canonical_url

FAST = dict(fetch_timeout=1.0, fetch_backoff=0.05, fetch_host_rate=100.0, fetch_retries=2)


@pytest.fixture
def server():
    with LocalServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n",
                                        headers={"Content-Type": "text/plain"})
        yield s


def fetcher(**kw) -> Fetcher:
    return Fetcher(Config(**{**FAST, **kw}))


def test_identifying_user_agent_and_robots_read_once(server):
    server.routes["/a"] = Route(b"<html><body>a</body></html>")
    server.routes["/b"] = Route(b"<html><body>b</body></html>")
    with fetcher() as f:
        assert f.get(server.url("/a")).ok and f.get(server.url("/b")).ok
    agents = {h.headers["user-agent"] for h in server.hits}
    assert len(agents) == 1 and agents.pop().startswith("Tidings/")
    assert server.count("/robots.txt") == 1


def test_robots_txt_forbidding_a_path_is_honoured(server):
    server.routes["/private/secret.html"] = Route(b"<html>no</html>")
    server.routes["/public.html"] = Route(b"<html>yes</html>")
    with fetcher() as f:
        denied = f.get(server.url("/private/secret.html"))
        allowed = f.get(server.url("/public.html"))
    assert not denied.ok and "robots.txt" in denied.error and "forbids /private/secret.html" in denied.error
    assert server.count("/private/secret.html") == 0
    assert allowed.ok and allowed.body == b"<html>yes</html>"


def test_robots_txt_that_cannot_be_read_holds_the_host_off(server):
    server.routes["/robots.txt"] = Route(b"down", status=503)
    server.routes["/page"] = Route(b"<html>x</html>")
    with fetcher(fetch_retries=0) as f:
        got = f.get(server.url("/page"))
    assert not got.ok and got.transient and "robots.txt cannot be read" in got.error
    assert server.count("/page") == 0


def test_missing_robots_txt_allows_everything(server):
    del server.routes["/robots.txt"]  # 404
    server.routes["/page"] = Route(b"<html>x</html>")
    with fetcher() as f:
        assert f.get(server.url("/page")).ok


def test_etag_and_last_modified_make_conditional_requests(server):
    server.routes["/feed.xml"] = Route(b"<rss/>", etag='"v1"', headers={"Last-Modified": "Mon, 02 Mar 2026 10:00:00 GMT"})
    with fetcher() as f:
        first = f.get(server.url("/feed.xml"))
        assert first.ok and first.headers["etag"] == '"v1"'
        second = f.get(server.url("/feed.xml"), etag=first.headers["etag"],
                       last_modified=first.headers["last-modified"])
        assert second.not_modified and second.body == b""
        assert f.stats["not_modified"] == 1
    feed_hits = [h for h in server.hits if h.path == "/feed.xml"]
    assert feed_hits[1].headers["if-none-match"] == '"v1"'
    assert feed_hits[1].headers["if-modified-since"] == "Mon, 02 Mar 2026 10:00:00 GMT"


def test_429_waits_as_retry_after_says_then_succeeds(server):
    answers = iter([(429, {"Retry-After": "1"}, b"slow down"), (200, {}, b"<html>ok</html>")])
    server.routes["/busy"] = lambda hit: next(answers)
    with fetcher() as f:
        got = f.get(server.url("/busy"))
    assert got.ok and got.body == b"<html>ok</html>"
    times = [h.at for h in server.hits if h.path == "/busy"]
    assert len(times) == 2 and times[1] - times[0] >= 0.95


def test_a_long_retry_after_is_left_for_later(server):
    server.routes["/busy"] = Route(b"later", status=429, headers={"Retry-After": "120"})
    with fetcher(fetch_max_wait=5.0) as f:
        got = f.get(server.url("/busy"))
    assert not got.ok and got.transient and got.retry_in == 120.0 and "429" in got.error
    assert server.count("/busy") == 1  # not hammered


def test_500s_are_retried_a_bounded_number_of_times(server):
    server.routes["/broken"] = Route(b"oops", status=500)
    with fetcher(fetch_retries=2, fetch_backoff=0.3) as f:
        got = f.get(server.url("/broken"))
    assert not got.ok and got.transient and got.error.startswith("HTTP 500")
    assert server.count("/broken") == 3
    gaps = [b - a for a, b in zip(server.times("/broken"), server.times("/broken")[1:])]
    # The waits are lower bounds (a loaded machine only adds to them): 0.3 s, then doubled.
    assert gaps[0] >= 0.3 and gaps[1] >= 0.6


def test_404_is_not_retried(server):
    with fetcher() as f:
        got = f.get(server.url("/gone"))
    assert got.status == 404 and not got.transient and server.count("/gone") == 1


def test_a_slow_host_times_out(server):
    server.routes["/slow"] = Route(b"<html>late</html>", delay=3.0)
    started = time.monotonic()
    with fetcher(fetch_timeout=0.5, fetch_retries=0) as f:
        got = f.get(server.url("/slow"))
    assert not got.ok and "timed out" in got.error and got.transient
    assert time.monotonic() - started < 2.5


def test_a_redirect_loop_is_stopped_with_its_path(server):
    server.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    server.routes["/b"] = Route(status=301, headers={"Location": server.url("/a")})
    with fetcher() as f:
        got = f.get(server.url("/a"))
    assert not got.ok and got.error.startswith("redirect loop") and "/b" in got.error
    assert server.count("/a") == 1 and server.count("/b") == 1


def test_redirects_are_bounded_and_followed(server):
    for i in range(10):
        server.routes[f"/r{i}"] = Route(status=302, headers={"Location": f"/r{i + 1}"})
    server.routes["/r10"] = Route(b"<html>end</html>")
    with fetcher(fetch_max_redirects=3) as f:
        too_many = f.get(server.url("/r0"))
        assert not too_many.ok and "more than 3 redirects" in too_many.error
        followed = f.get(server.url("/r8"))
    assert followed.ok and followed.final_url.endswith("/r10") and followed.requests == 3


def test_a_50_mb_page_is_stopped_at_the_limit(server):
    server.routes["/huge.html"] = Route(stream=50_000_000, headers={"Content-Type": "text/html"})
    with fetcher(fetch_max_bytes=1_000_000) as f:
        got = f.get(server.url("/huge.html"))
    assert not got.ok and "limit" in got.error and "download stopped" in got.error
    assert got.body == b""
    time.sleep(0.3)
    assert server.streamed < 20_000_000  # the client hung up long before the end


def test_a_declared_size_over_the_limit_is_not_downloaded(server):
    server.routes["/big"] = Route(b"x" * 200_000)
    with fetcher(fetch_max_bytes=100_000) as f:
        got = f.get(server.url("/big"))
    assert not got.ok and "not downloaded" in got.error


def test_legacy_encodings_from_headers_and_from_markup(server):
    text = "Депутаты городского совета утвердили новый бюджет на следующий год"
    server.routes["/cp1251"] = Route(f"<html><body><p>{text}</p></body></html>".encode("cp1251"),
                                     headers={"Content-Type": "text/html; charset=windows-1251"})
    server.routes["/koi8"] = Route(
        f'<html><head><meta charset="koi8-r"></head><body><p>{text}</p></body></html>'.encode("koi8_r"),
        headers={"Content-Type": "text/html"})
    with fetcher() as f:
        by_header, note = f.get(server.url("/cp1251")).text()
        by_markup, note2 = f.get(server.url("/koi8")).text()
    assert text in by_header and "cp1251" in note
    assert text in by_markup and "koi8" in note2


def test_no_host_gets_more_requests_per_second_than_configured(server):
    import threading

    for i in range(12):
        server.routes[f"/p{i}"] = Route(b"<html>p</html>", delay=0.05)
    with fetcher(fetch_host_rate=5.0, fetch_host_concurrency=2) as f:
        threads = [threading.Thread(target=f.get, args=(server.url(f"/p{i}"),)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    starts = sorted(server.times())  # robots.txt counts too
    assert len(starts) == 13
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    # 5 per second: starts 0.2 s apart; arrival times on a loaded machine jitter, so allow half.
    assert min(gaps) >= 0.1 and starts[-1] - starts[0] >= 12 * 0.2 * 0.95
    assert all(sum(1 for t in starts if s <= t < s + 1.0) <= 5 + 1 for s in starts)
    assert server.max_in_flight <= 2


def test_canonical_url_drops_tracking_and_fragments():
    assert canonical_url("HTTP://News.Example.org:80/a?utm_source=x&id=3#top") == \
        canonical_url("http://news.example.org/a?id=3")


def test_retry_after_as_an_http_date(server):
    from email.utils import formatdate

    answers = iter([(503, {"Retry-After": formatdate(time.time() + 1, usegmt=True)}, b""),
                    (200, {}, b"<html>up</html>")])

    def answer(hit: Hit):
        return next(answers)

    server.routes["/maint"] = answer
    with fetcher() as f:
        assert f.get(server.url("/maint")).ok
