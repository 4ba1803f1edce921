"""HTTP the way a polite crawler does it.

An identifying User-Agent; robots.txt read per host and obeyed (RFC 9309: a robots.txt
that is missing (4xx) allows everything, one that cannot be read (5xx, no answer) forbids
everything until it can); per-host rate limit and concurrency; conditional requests
(ETag / Last-Modified); timeouts; bounded retries with exponential backoff honouring
Retry-After; bounded redirects with loops detected; a size limit applied while streaming
(the download stops there); the charset taken from the headers, else from the markup.

Every failure comes back as a `Fetched` with `error` set to a reason a person can act on;
nothing here raises for what a server does.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from tidings.config import DEFAULT, Config
from tidings.sources.decoding import decode

_TRANSIENT = {429, 500, 502, 503, 504}
_REDIRECTS = {301, 302, 303, 307, 308}
ROBOTS_AGENT = "Tidings"
_LATER = "; tried again later"  # the product token robots.txt rules name


def user_agent(config: Config = DEFAULT) -> str:
    from tidings import __version__

    return config.fetch_user_agent.replace("{version}", __version__)


@dataclass
class Fetched:
    """What one GET came to, after redirects and retries."""

    url: str  # as asked
    final_url: str = ""
    status: int | None = None  # None: no answer at all
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None  # why it failed; None when the body is the page
    retry_in: float | None = None  # seconds the server asked us to wait (Retry-After)
    transient: bool = False  # worth trying again later (timeouts, 429, 5xx)
    requests: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> tuple[str | None, str | None]:
        """(text, note): decoded by the charset the headers name, else the one the markup
        declares, else detected; `note` says how when it was not UTF-8."""
        charset = _header_charset(self.headers.get("content-type", ""))
        if charset:
            try:
                return self.body.decode(charset), None if charset.startswith("utf") else \
                    f"decoded as {charset}, as the server declares"
            except (LookupError, UnicodeDecodeError):
                pass
        text, note, failure = decode(self.body, html=True)
        return (None, failure) if failure else (text, note)

    def body_hash(self) -> str:
        return hashlib.sha256(self.body).hexdigest()[:32]


class _Host:
    """One host's share of politeness: request starts spaced by 1/rate, and at most
    `concurrency` requests in flight."""

    def __init__(self, rate: float, concurrency: int) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.lock = threading.Lock()
        self.next_at = 0.0
        self.slots = threading.BoundedSemaphore(max(1, concurrency))

    def wait_turn(self) -> None:
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at)
            self.next_at = at + self.interval
        if at > now:
            time.sleep(at - now)


class Fetcher:
    """A shared HTTP client with per-host politeness; safe to use from several threads."""

    def __init__(self, config: Config = DEFAULT, transport: httpx.BaseTransport | None = None) -> None:
        self.config = config
        self.agent = user_agent(config)
        t = config.fetch_timeout
        self.client = httpx.Client(
            timeout=httpx.Timeout(t, connect=min(t, 10.0)), follow_redirects=False,
            headers={"User-Agent": self.agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport, trust_env=False,
            limits=httpx.Limits(max_connections=max(4, config.fetch_workers * 2)),
        )
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, tuple[RobotFileParser | None, bool, float]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.stats: Counter[str] = Counter()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --- the one public way to fetch ---
    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            retries: int | None = None) -> Fetched:
        """GET `url` politely. 304 (when `etag`/`last_modified` are given and the server
        says nothing changed) is a success with an empty body."""
        retries = self.config.fetch_retries if retries is None else retries
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        requests = 0
        for attempt in range(retries + 1):
            result = self._follow(url, headers)
            requests += result.requests
            result.requests = requests
            if not result.transient or attempt == retries:
                return result
            wait = result.retry_in if result.retry_in is not None else \
                self.config.fetch_backoff * 2**attempt
            if wait > self.config.fetch_max_wait:
                return result  # the caller tries again later, after retry_in
            self._count("retries")
            time.sleep(wait)
        raise AssertionError("unreachable")

    # --- redirects, robots ---
    def _follow(self, url: str, headers: dict[str, str]) -> Fetched:
        seen: list[str] = []
        current = url
        for _hop in range(self.config.fetch_max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                return Fetched(url, current, error=f"not an http(s) URL ({_short(current)}); "
                               "only web pages can be fetched", requests=len(seen))
            if current in seen:
                return Fetched(url, current, error="redirect loop: "
                               + " -> ".join(_short(u) for u in [*seen, current]),
                               requests=len(seen))
            why_not = self.robots_refusal(current)
            if why_not:
                self._count("robots_denied")
                return Fetched(url, current, error=why_not, requests=len(seen),
                               transient=why_not.endswith(_LATER))
            seen.append(current)
            result = self._request(current, headers)
            result.url = url
            result.requests = len(seen)
            location = result.headers.get("location")
            if result.status in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            if result.status in _REDIRECTS:
                result.error = f"HTTP {result.status} redirect without a Location header"
            return result
        return Fetched(url, current, error=f"more than {self.config.fetch_max_redirects} redirects "
                       f"({_short(url)} -> … -> {_short(current)})", requests=len(seen))

    def robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids `url`, or None when we may fetch it."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:  # one read of a host's robots.txt at a time
            entry = self._robots.get(key)
            if entry is None or entry[2] < time.monotonic():
                entry = self._read_robots(key)
                self._robots[key] = entry
        parser, reachable, _ = entry
        if not reachable:
            return (f"{key}/robots.txt cannot be read (server error or no answer), so the whole "
                    "host is off limits for now" + _LATER)
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
            return f"robots.txt of {parts.netloc} forbids {_short(parts.path or '/')}; not fetched"
        return None

    def _read_robots(self, key: str) -> tuple[RobotFileParser | None, bool, float]:
        ttl = self.config.fetch_robots_ttl
        current = key + "/robots.txt"
        result = Fetched(current)
        for _hop in range(self.config.fetch_max_redirects + 1):
            result = self._request(current, {"Accept": "text/plain,*/*;q=0.5"})
            location = result.headers.get("location")
            if result.status in _REDIRECTS and location:
                current = urljoin(current, location)
                continue
            break
        if result.status is not None and 400 <= result.status < 500:
            return None, True, time.monotonic() + ttl  # no robots.txt: everything allowed
        if result.status != 200 or result.error:
            return None, False, time.monotonic() + min(ttl, 60.0)
        parser = RobotFileParser()
        text, _note = result.text()
        parser.parse((text or "").splitlines())
        return parser, True, time.monotonic() + ttl

    # --- one request ---
    def _host(self, netloc: str) -> _Host:
        with self._lock:
            host = self._hosts.get(netloc)
            if host is None:
                host = self._hosts[netloc] = _Host(self.config.fetch_host_rate,
                                                   self.config.fetch_host_concurrency)
            return host

    def _count(self, key: str, n: int = 1) -> None:
        with self._lock:
            self.stats[key] += n

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        host = self._host(urlsplit(url).netloc)
        limit = self.config.fetch_max_bytes
        with host.slots:
            host.wait_turn()
            self._count("requests")
            started = time.monotonic()
            try:
                with self.client.stream("GET", url, headers=headers) as r:
                    got = {k.lower(): v for k, v in r.headers.items()}
                    out = Fetched(url, str(r.url), r.status_code, got)
                    if r.status_code == 304:
                        self._count("not_modified")
                        return out
                    if r.status_code in _TRANSIENT:
                        out.transient = True
                        out.retry_in = _retry_after(got.get("retry-after"))
                        out.error = f"HTTP {r.status_code} {r.reason_phrase}".strip() + (
                            f" (Retry-After {got['retry-after']})" if "retry-after" in got else "")
                        self._count("errors")
                        return out
                    if r.status_code != 200:
                        out.error = f"HTTP {r.status_code} {r.reason_phrase}".strip()
                        if r.status_code not in _REDIRECTS:
                            self._count("errors")
                        return out
                    declared = got.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit:
                        out.error = (f"page is {_mb(int(declared))}, over the {_mb(limit)} limit "
                                     "(TIDINGS_FETCH_MAX_BYTES); not downloaded")
                        return out
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in r.iter_bytes(65536):
                        chunks.append(chunk)
                        size += len(chunk)
                        if size > limit:
                            out.error = (f"page is over the {_mb(limit)} limit "
                                         "(TIDINGS_FETCH_MAX_BYTES); download stopped")
                            return out
                        if time.monotonic() - started > self.config.fetch_timeout * 2:
                            out.error = (f"too slow: not read whole in "
                                         f"{self.config.fetch_timeout * 2:.0f} s; tried again later")
                            out.transient = True
                            return out
                    out.body = b"".join(chunks)
                    return out
            except httpx.TimeoutException:
                self._count("errors")
                return Fetched(url, url, error=f"no answer within {self.config.fetch_timeout:g} s "
                               "(timed out)", transient=True)
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as e:
                self._count("errors")
                return Fetched(url, url, error=f"cannot fetch: {type(e).__name__}: {str(e)[:200]}",
                               transient=isinstance(e, httpx.TransportError))


def canonical_url(url: str) -> str:
    """One spelling per page: scheme and host in lower case, default port, fragment and
    tracking parameters (utm_*, fbclid...) left out, so an article reached through two
    links is fetched once."""
    from courlan import normalize_url

    url = url.strip()
    try:
        normal = normalize_url(url, strict=True)
    except Exception:  # noqa: BLE001 - courlan refuses odd URLs; keep ours, minimally cleaned
        normal = url
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/",
                       parts.query, ""))


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _header_charset(content_type: str) -> str | None:
    import codecs

    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            label = value.strip().strip("\"'").lower()
            label = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                     "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
                     "shift_jis": "cp932", "euc-kr": "cp949"}.get(label, label)
            try:
                return codecs.lookup(label).name
            except LookupError:
                return None
    return None


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:119] + "…"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"
