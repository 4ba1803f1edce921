"""Cleaning: RawArticle -> Article (encoding, main text, title, date, language, outlet, author).

Contract: `clean(raw, config, outlet_lines)` never raises; when cleaning fails the Article
has status "raw", the raw text as text, and the reason in `problems`.

The steps, each a plain function in its own module:
encoding.repair -> html.extract (HTML only) -> boilerplate.remove_furniture ->
OutletLines (lines repeated across one outlet) -> language.detect -> meta.read_header
(title, byline, dateline) -> dates (given|metadata|url|dateline|text) -> meta.outlet.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any, Iterable, Protocol

from tidings.clean import dates as _dates
from tidings.clean.boilerplate import remove_furniture
from tidings.clean.dates import date_in_path, date_in_url, parse_date, split_metadata_line
from tidings.clean.encoding import lines_of, repair
from tidings.clean.html import extract, visible_text
from tidings.clean.language import detect
from tidings.clean.meta import clean_author, folder_outlet, outlet, read_header
from tidings.config import DEFAULT, Config
from tidings.records import Article, RawArticle

__all__ = ["clean", "OutletLines", "content_hash", "article_id"]

_WS = re.compile(r"\s+")
_TABLE_EDGES = re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$", re.MULTILINE)  # trafilatura's table cells


def article_id(raw: RawArticle) -> str:
    """The given id, else a content hash of the raw text (sha256 hex, 16 characters)."""
    if raw.id:
        return raw.id
    return hashlib.sha256(_raw_text(raw).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def content_hash(text: str) -> str:
    """Hash of cleaned text, blind to case and white space: equal hashes are exact copies."""
    norm = _WS.sub(" ", text.casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class LineCounts(Protocol):
    def outlet_line_counts(self, source: str, line_hashes: Iterable[str]) -> dict[str, int]: ...


class OutletLines:
    """Counts, per outlet, in how many articles each short line appeared.

    A line seen in config.repeated_line_min_articles articles of one outlet is that site's
    furniture ("Follow us on Telegram", a section list...) even when no rule knows it.
    `filter` drops such lines; it reads the counts so far from `counts` (the store) and
    writes nothing: the lines each article adds are kept in memory, counted for the
    articles after it, and handed over by `take_new` for the caller to store with the
    article (in the transaction that stores it, so a kill midway counts nothing twice).
    """

    def __init__(self, counts: LineCounts, config: Config = DEFAULT) -> None:
        self.counts = counts
        self.config = config
        self._pending: Counter[tuple[str, str]] = Counter()
        self._new: list[tuple[str, list[str]]] = []

    @staticmethod
    def line_hash(line: str) -> str:
        norm = _WS.sub(" ", line.casefold()).strip()
        return hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()

    def filter(self, source: str, lines: list[str]) -> tuple[list[str], list[str]]:
        """(kept, removed) lines; the article's lines are counted for the next articles."""
        limit = self.config.repeated_line_max_chars
        hashes = {i: self.line_hash(line) for i, line in enumerate(lines) if line and len(line) <= limit}
        if not hashes:
            return lines, []
        counts = self.counts.outlet_line_counts(source, hashes.values())
        distinct = sorted(set(hashes.values()))
        seen = {h: counts.get(h, 0) + self._pending[(source, h)] for h in distinct}
        for h in distinct:
            self._pending[(source, h)] += 1
        self._new.append((source, distinct))
        threshold = self.config.repeated_line_min_articles
        repeated = {i for i, h in hashes.items() if seen[h] >= threshold}
        kept = [line for i, line in enumerate(lines) if i not in repeated]
        return kept, [lines[i] for i in sorted(repeated)]

    def take_new(self) -> list[tuple[str, list[str]]]:
        """(outlet, line hashes) for each article filtered since the last call: what to
        add to the stored counts (`store.count_outlet_lines`)."""
        out, self._new = self._new, []
        return out

    def forget_pending(self) -> None:
        """Drop the in-memory counts: what was taken is stored now (or was not, and
        its articles were not either)."""
        self._pending.clear()
        self._new = []


def clean(raw: RawArticle, config: Config = DEFAULT, outlet_lines: OutletLines | None = None) -> Article:
    """A cleaned, dated, language-tagged Article. Never raises: on failure the Article has
    status "raw", the raw text, and the reason in `problems`."""
    try:
        raw = _one_line_fields(raw)
        return _clean(raw, config, outlet_lines)
    except Exception as e:  # a bug or a pathological input must not lose the article
        reason = f"cleaning failed ({type(e).__name__}: {str(e)[:200]}); kept the raw text"
        return _raw_article(raw, config, [reason])


def _one_line_fields(raw: RawArticle) -> RawArticle:
    """Given title, outlet, author... repaired like the text and on one line: they reach
    terminals and single-line listings, where a control character (an escape sequence in
    a title) would act rather than show."""
    fields: dict[str, Any] = {}
    for name in ("title", "url", "source", "author", "date", "lang", "crawled"):
        value = getattr(raw, name)
        if value is not None:
            fields[name] = " ".join(repair(value).split()) or None
    return replace(raw, **fields)


def _clean(raw: RawArticle, config: Config, outlet_lines: OutletLines | None) -> Article:
    problems: list[str] = []
    url = raw.url
    html_meta: dict[str, str | None] = {}
    is_html = raw.text is None and bool(raw.html)
    if is_html:
        ex = extract(raw.html or "", url)
        html_meta = {"title": ex.title, "date": ex.date, "author": ex.author, "sitename": ex.sitename,
                     "page_title": ex.page_title}
        url = url or ex.url
        body = ex.text if ex.method == "fallback" else ex.text.replace("\n", "\n\n")
        body = _TABLE_EDGES.sub("", body)
        if not body.strip():
            return _raw_article(
                replace(raw, title=raw.title or html_meta["title"], url=url,
                        author=raw.author or html_meta["author"]), config,
                ["HTML with no text: the page shows no readable text (only markup, scripts or "
                 "images); export the article text instead"],
                text="",
            )
    else:
        body = raw.text or ""
    body = repair(body)
    if len(body) > config.max_article_chars:
        problems.append(
            f"text cut to {config.max_article_chars} characters (it had {len(body)}); "
            "raise TIDINGS_MAX_ARTICLE_CHARS to keep more"
        )
        body = body[: config.max_article_chars]
    meta_date, body = split_metadata_line(body)

    lines = lines_of(body)
    kept, removed = remove_furniture(lines)
    source = outlet(raw.source, url, html_meta.get("sitename"), removed + kept[:40] + kept[-40:],
                    html_meta.get("page_title")) or folder_outlet(raw.folder)
    if outlet_lines is not None and source:
        kept, repeated = outlet_lines.filter(source, kept)
        removed += repeated

    lang, lang_score = _language(raw, "\n".join(line for line in kept if line), config, problems)
    header = read_header(kept, raw.title or html_meta.get("title"), lang, config)
    text_lines = [line for i, line in enumerate(kept) if line and i not in header.drop]
    text = "\n\n".join(text_lines)
    if len(text) < config.min_text_chars:
        # A very short piece is all header: keep its lines as the text rather than lose them.
        text = "\n\n".join(dict.fromkeys(line for line in kept if line))

    date, date_source = _date(raw, meta_date, html_meta.get("date"), url, header.dateline,
                              "\n".join(line for line in kept if line), lang, config, problems)
    author = clean_author(raw.author) or clean_author(html_meta.get("author")) or header.author
    article = Article(
        id=article_id(raw),
        origin=raw.origin,
        title=_bound(header.title, 500),
        text=text,
        raw=_raw_text(raw),
        content_hash=content_hash(text),
        url=_bound(url, 2000) if url else None,
        source=_bound(source, 200) if source else None,
        lang=lang,
        lang_score=lang_score,
        date=date,
        date_source=date_source,
        author=_bound(author, 200) if author else None,
        problems=problems,
    )
    if len(text) < config.min_text_chars:
        article.problems.append(
            f"cleaned text is only {len(text)} characters (under {config.min_text_chars}); "
            "kept the raw text, check whether this is an article"
        )
        article.status = "raw"
        article.text = body.strip()  # repaired and bounded, furniture and all
        article.content_hash = content_hash(article.text)
    return article


def _language(raw: RawArticle, text: str, config: Config, problems: list[str]) -> tuple[str | None, float | None]:
    if raw.lang:
        return raw.lang.strip().lower().replace("_", "-").split("-")[0][:3], None
    lang, score = detect(text, config)
    if lang is None:
        problems.append("no recognisable language (too few letters, or none the model knows); lang left empty")
    return lang, score


def _date(
    raw: RawArticle, meta_date: str | None, html_date: str | None, url: str | None,
    dateline: str | None, text: str, lang: str | None, config: Config, problems: list[str],
) -> tuple[str | None, str | None]:
    """given > metadata > URL > dateline > the text's own "today" > month > file name.

    A month-only header or URL ("date 2025-09", /2025/09/slug) is a constraint: a day in
    the text that fits it ("desta segunda-feira (21)", "21 aprile") makes it a day, else
    the date stays "YYYY-MM" (date_source "month"). A day header that the article's own
    dateline contradicts is the site's (a re-post, an update), not the article's.
    """
    crawled = _dates.to_datetime(raw.crawled) if raw.crawled else None
    if raw.date:
        given = parse_date(raw.date, lang, config, base=crawled)
        if given:
            return given, "given"
        problems.append(f"given date {raw.date[:40]!r} not understood or implausible; looked for another")
    month = meta_date if meta_date and len(meta_date) == 7 else None
    header_day = meta_date if meta_date and len(meta_date) > 7 else None
    if html_date:
        parsed = parse_date(html_date, lang, config)
        if parsed:
            header_day = header_day or _more_precise(parsed, dateline)
    from_url = date_in_url(url, config, lang)
    month = month or (from_url[:7] if from_url else None) or _dates.month_in_url(url, config)
    own, own_source = (dateline, "dateline") if dateline else _own_date(text, lang, month, config,
                                                                          crawled.date() if crawled else None)
    if header_day:
        if own and not _near(own, header_day, config.date_header_tolerance_days):
            problems.append(f"date header {header_day[:16]} disagrees with the article's own date "
                            f"{own[:16]}; took the article's")
            return own, own_source
        return header_day, "metadata"
    if from_url:
        return _more_precise(from_url, dateline), "url"
    if own and (month is None or own.startswith(month)):
        return own, own_source
    if month:
        return month, "month"
    from_path = date_in_path(raw.origin, config)
    if from_path:
        problems.append("publication date guessed from the file name")
        return from_path, "guess"
    problems.append("no recognisable date (no metadata, URL date, dateline or full date in the text)")
    return None, None


def _own_date(text: str, lang: str | None, month: str | None, config: Config,
              crawled: date | None = None) -> tuple[str | None, str]:
    """The day the text gives itself near its start: "Сегодня, 21 апреля", "วันนี้ (28
    มี.ค.2568)", "desta segunda-feira (21)", a dateline opening it, or any date at its
    start inside the known `month`. A yearless date needs the month it must fall in, or
    the crawl day (the latest such date up to it); a date further into the text may be a
    recap, one opening a caption the photo's day."""
    ctx = (int(month[:4]), int(month[5:7])) if month else None
    head = text[: config.date_text_chars]
    for f in _dates.scan(head, lang, limit=30):
        # In a known month a date at the start is the day (a recap of the same month this
        # early is rare); with nothing known it must be shaped as a dateline.
        if not (f.today or (f.start < config.date_lead_chars and (ctx or _dateline_at(head, f)))):
            continue
        day = _dates.resolve(f, month=ctx)
        if day is None and crawled is not None and ctx is None:
            day = _dates.resolve(f, ref=crawled)
            if day is not None and not 0 <= (crawled - day).days <= config.date_crawl_max_days:
                day = None  # a page crawled long after it was written: the year is unsure
        iso = _dates.iso_of(f, config, day) if day else None
        if iso and (month is None or iso.startswith(month)):
            return iso, "text"
    return None, "text"


def _dateline_at(text: str, f: _dates.Found) -> bool:
    """A date near a line's start that ends it or is followed by a dateline's mark ("BERLIN,
    16 December 2024 (dpa) –"), not a sentence or a photo caption that opens with a date."""
    line_start = text.rfind("\n", 0, f.start) + 1
    after = text[f.end: f.end + 30]
    return f.start - line_start <= 40 and bool(_AFTER_DATELINE.match(after))


_AFTER_DATELINE = re.compile(r"\s*(?:$|\n|[-–—|/(]|\.\s*/|\(|[^\n]{0,20}?(?:\s[-–—]\s|\(\w{1,12}\)|/\w{2,8}/))")


def _near(a: str, b: str, days: float) -> bool:
    da, db = _dates.parse_iso(a), _dates.parse_iso(b)
    return da is None or db is None or abs((da - db).days) <= days


def _more_precise(day: str, dateline: str | None) -> str:
    """The dateline's time when it agrees with a day-only date from elsewhere."""
    if dateline and len(day) == 10 and dateline.startswith(day):
        return dateline
    return day


def _raw_text(raw: RawArticle) -> str:
    return raw.text if raw.text is not None else (raw.html or "")


def _bound(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n]


def _raw_article(raw: RawArticle, config: Config, problems: list[str], text: str | None = None) -> Article:
    if text is None:
        try:
            text = raw.text if raw.text is not None else visible_text(raw.html or "")
        except Exception:
            text = raw.html or ""
    text = _bound(text or "", config.max_article_chars)
    return Article(
        id=article_id(raw),
        origin=raw.origin,
        title=_bound((raw.title or text.strip().split("\n", 1)[0]).strip(), 300),
        text=text,
        raw=_raw_text(raw),
        content_hash=content_hash(text),
        url=raw.url,
        source=raw.source or folder_outlet(raw.folder),
        lang=raw.lang,
        date=raw.date,
        date_source="given" if raw.date else None,
        author=raw.author,
        status="raw",
        problems=problems,
    )
