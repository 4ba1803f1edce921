"""Title, byline, dateline and outlet, read from the top of an article and its furniture.

Scrapers copy the headline several times (breadcrumb, page title, article heading), glue
section names onto it ("…Peace TalksTop Stories") or cut it ("…peace talks with..."), so
the title is the headline line that the other header lines repeat; failing that the first
header line; failing that (the text starts straight with a paragraph) the first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tidings.clean.boilerplate import is_paragraph
from tidings.clean.dates import date_span, parse_date
from tidings.clean.sentences import split as split_sentences
from tidings.config import DEFAULT, Config

_HEADER_MAX_LINES = 10
_CAPTION_MAX = 40  # header lines shorter than this (not title, not byline) are captions
_GLUED_SECTION = re.compile(
    r"(?<=[a-z0-9?!.”\"'])(Top Stories|Breaking News|Latest News|World News|India News|News|"
    r"World|Politics|Opinion|Trending|Exclusive|Live Updates)$"
)
_TRUNCATED = re.compile(r"\s*(\.\.\.|…)$")
_BYLINE = re.compile(
    r"^(?:by|written by|reported by|de|von|par|por|di|autor|автор|लेखक|रिपोर्ट)\s*[:\-–]?\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s*(?:[।|·•,]|\s[-–—]\s|\bupdated\b|\bpublished\b|\bactualizat\b|"
                         r"\bpublicat\b|\baktualisiert\b|\bmis à jour\b|\bобновлено\b)\s*:?\s*",
                         re.IGNORECASE)
_NOT_NAMES = {
    "creative", "common", "commons", "getty", "images", "image", "photo", "photos", "file",
    "foto", "video", "reuters", "afp", "ap", "ani", "pti", "ians", "staff", "desk", "news",
    "agency", "top", "stories", "world", "home", "live", "updates", "updated", "source",
    "shutterstock", "istock", "wikimedia", "wikipedia", "the", "știri", "externe",
}
_PREFERRED_SOURCE = re.compile(r"^Add (?P<name>.{2,60}?) as a Preferred Source\b", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*)?,?\s*"
    r"(?:by\s+)?(?P<name>[^\W\d_][\w.&'’ -]{1,60}?)\s*"
    r"(?:[.,|]\s|all rights|alle rechte|tous droits|todos los|toate drepturile|все права|"
    r"tutti i diritti|सर्वाधिकार|$)",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^(?:source|sursa|sursă|quelle|fuente|источник|джерело|स्रोत)\s*:\s*(?P<name>.{2,60})$", re.IGNORECASE
)
_WIRE_MARK = re.compile(r"[^.!?]{0,25}?(?:\s[-–—]\s|\(\w{1,12}\)|:\s)")


@dataclass
class Header:
    title: str = ""
    title_from: str = ""  # given|headline|sentence
    author: str | None = None
    dateline: str | None = None  # the ISO date read from a dateline
    drop: set[int] = field(default_factory=set)  # line indexes that are header, not text


def read_header(
    lines: list[str], given_title: str | None, lang: str | None, config: Config = DEFAULT
) -> Header:
    """Find title, author and dateline among the first lines; say which lines to drop."""
    h = Header()
    header: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if is_paragraph(line) or len(line) >= 200 or len(header) >= _HEADER_MAX_LINES:
            break
        header.append(i)

    candidates: list[int] = []
    for pos, i in enumerate(header):
        line = lines[i]
        if h.dateline is None and len(line) <= 120:
            iso = parse_date(line, lang, config) if _dateline_shaped(line) else None
            if iso:
                h.dateline = iso
                h.drop.add(i)
                h.author = h.author or _author_beside_date(line)
                if h.author is None:
                    h.author = _author_near(lines, header, pos, candidates)
                continue
        m = _BYLINE.match(line)
        if m and _name_like(clean_author(m["name"]) or "", cased=False):
            h.author = h.author or clean_author(m["name"])
            h.drop.add(i)
            continue
        candidates.append(i)
    if h.dateline is None:
        h.dateline = _wire_dateline(lines, header, lang, config)
    # An author line just before the dateline was taken as a candidate: take it back.
    if h.author:
        for i in candidates:
            if lines[i] == h.author:
                h.drop.add(i)
        candidates = [i for i in candidates if lines[i] != h.author]

    if given_title:
        h.title, h.title_from = given_title.strip(), "given"
    elif candidates:
        h.title, h.title_from = _pick_title(lines, candidates), "headline"
    else:
        h.title, h.title_from = first_sentence(lines, config.max_title_chars), "sentence"

    key = _key(h.title)
    for i in candidates:
        k = _key(lines[i])
        if not key:
            break
        stem = _key(_TRUNCATED.sub("", lines[i]))
        if (
            k == key
            or key in k  # breadcrumb or glued section around the headline
            or (_TRUNCATED.search(lines[i]) and len(stem) >= 20 and key.startswith(stem))
            or (len(lines[i]) < _CAPTION_MAX and not is_paragraph(lines[i], 1))
        ):
            h.drop.add(i)
    if h.title_from == "given":
        pass
    elif h.title_from == "headline" and candidates and not any(i in h.drop for i in candidates):
        h.drop.add(candidates[0])
    # The headline repeated further down the text.
    for i, line in enumerate(lines):
        if line and i not in h.drop and _key(line) == key:
            h.drop.add(i)
    return h


def _wire_dateline(lines: list[str], header: list[int], lang: str | None, config: Config) -> str | None:
    """"STUTTGART, 8. März 2026, 18:45 Uhr (rb) – Die CDU hat ...": a date opening the first
    paragraph is a dateline too (the paragraph stays in the text)."""
    after = header[-1] + 1 if header else 0
    first = next((line for line in lines[after:] if line), "")
    span = date_span(first[:80])
    # "PLACE, date (agency) – text": a dash or an agency mark follows; "On 5 March 2025, the
    # court ..." is a date in the text, not a dateline.
    if span and span[0] <= 40 and _WIRE_MARK.match(first[span[1] : span[1] + 40]):
        return parse_date(first[: span[1] + 20], lang, config)
    return None


def _dateline_shaped(line: str) -> bool:
    """Mostly a date: besides it at most a name, a place, a section or "Updated", not a sentence."""
    span = date_span(line)
    rest = line[: span[0]] + " " + line[span[1]:] if span else line
    words = [w for w in rest.split() if any(c.isalnum() for c in w)]
    # Characters too: scripts written with few spaces (Burmese, Thai) make a sentence few "words".
    return len(words) <= 8 and len(rest.strip()) <= 80 and not (len(words) > 3 and is_paragraph(line, 1))


def _pick_title(lines: list[str], candidates: list[int]) -> str:
    keys = [_key(lines[i]) for i in candidates]
    for a, i in enumerate(candidates):
        ka = keys[a]
        if len(ka) < 10:
            continue
        for b, j in enumerate(candidates):
            if a == b:
                continue
            kb = keys[b]
            stem = _key(_TRUNCATED.sub("", lines[j]))
            # kb holds ka plus a little (a breadcrumb, a glued section name): ka is the headline.
            if kb == ka or (ka in kb and len(kb) > len(ka) and len(ka) >= 0.6 * len(kb)) or (
                _TRUNCATED.search(lines[j]) and len(stem) >= 20 and ka.startswith(stem)
            ):
                return lines[i]
    title = _GLUED_SECTION.sub("", lines[candidates[0]]).strip()
    # Headlines carry no full stop; a line that has one was written as a sentence.
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def first_sentence(lines: list[str], max_chars: int) -> str:
    """The first sentence of the first non-empty line, cut at a word to `max_chars`."""
    first = next((line for line in lines if line), "")
    # The guarded splitter: "…overlooking St. Peter's Square…" is one sentence.
    sentence = (split_sentences(first, max_chars=len(first) + 1) or [""])[0].rstrip(".। ")
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[:max_chars].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def _author_beside_date(line: str) -> str | None:
    """"अभिनय आकाश । Jan 9 2024 5:53PM" -> "अभिनय आकाश"; "By Jane Roe | 9 Jan 2024" -> "Jane Roe"."""
    span = date_span(line)
    if not span:
        return None
    parts = [p.strip() for p in _SEPARATORS.split(line[: span[0]]) if p and p.strip()]
    if not parts:
        return None
    # "Author | Place | date": only the first part can be the author ("Agencies | New Delhi |").
    m = _BYLINE.match(parts[0])
    name = m["name"] if m else parts[0]
    return name.strip() if _name_like(name, cased=False) else None


def clean_author(value: str | None) -> str | None:
    """An author string from page metadata, without byline words and trailing parts:
    "Par Marc Delorme" -> "Marc Delorme", "Harriet Cole; March 9" -> "Harriet Cole"."""
    if not value:
        return None
    value = re.split(r"\s*[;|·•]\s*|\s+[-–—]\s+", value.strip())[0].strip(" ,.:")
    m = _BYLINE.match(value)
    value = (m["name"] if m else value).strip(" ,.:")
    return value[:200] or None


def _author_near(lines: list[str], header: list[int], pos: int, candidates: list[int]) -> str | None:
    """A name on the line right before the dateline ("Olga Borșcevschi" / "28 ian. 2026, 18:20")."""
    if pos == 0:
        return None
    prev = lines[header[pos - 1]]
    cased = any(c.isupper() or c.islower() for c in prev)  # Devanagari has no case
    if header[pos - 1] in candidates and _name_like(prev, cased=cased):
        return prev
    return None


def _name_like(text: str, cased: bool) -> bool:
    text = text.strip()
    words = text.split()
    if not 2 <= len(words) <= 4 or len(text) > 40 or re.search(r"[\d@:/?!;]", text):
        return False
    if any(w.strip(".,").casefold() in _NOT_NAMES for w in words):
        return False
    if cased:
        return all(w[0].isupper() for w in words if w[0].isalpha())
    return all(w[0].isupper() or not w[0].isascii() for w in words if w[0].isalpha())


def outlet(
    source: str | None, url: str | None, sitename: str | None, lines: list[str],
    page_title: str | None = None,
) -> str | None:
    """The outlet's name: the given source; else the site's own name (the page's declared
    site name, or a name the text or the page title states that spells the URL's host:
    "© Noticias Iberia", "Headline | Noticias Iberia" on noticiasiberia.com); else the
    URL's registered domain; else a name the text states.
    A source given as a host or URL ("m.bbc.co.uk") is its registered domain.

    Its own name before its domain, so that one outlet is one name whether an article of it
    came with a URL or not (the same paper's text files state "Allgemeine Rundschau", its
    pages are on allgemeine-rundschau.de)."""
    if source:
        return registered_domain(source) if _HOSTLIKE.match(source.strip()) else source
    site = sitename.strip() if sitename else None
    # trafilatura gives the host itself (with its port, for a local server) when a page
    # declares no name: that is no name.
    if site and not _HOSTLIKE.match(site) and not (url and host_of(site) == host_of(url)) \
            and not re.fullmatch(r"(?:\d{1,3}(?:\.\d{1,3}){3}|\[[\da-fA-F:]+\])(?::\d+)?", site):
        return site
    host = registered_domain(url) if url else None
    stated = _stated_outlet(lines)
    if host:
        # A name stated beside another host may be a wire's or a photo agency's credit.
        if stated and _spells_host(stated, url or host):
            return stated
        parts = _TITLE_PARTS.split(page_title or "")[1:]  # the headline comes first
        return next((p.strip() for p in parts if _spells_host(p, url or host)), host)
    return stated or site


# Folder names that hold articles without naming who wrote them: containers and stages
# of a workflow, formats, sections of a paper, languages. A folder named so is no outlet.
_CONTAINER_FOLDERS = frozenset("""
    data dataset datasets article articles item items post posts story stories doc docs
    document documents file files text texts txt html htm json jsonl xml raw clean cleaned
    input inputs in inbox incoming outgoing out output outputs new old tmp temp backup backups
    dump dumps export exports import imports crawl crawls crawled scrape scraped scrapes
    download downloads upload uploads archive archives corpus corpora seed seeds sample samples
    test tests fixture fixtures example examples demo misc other others various unsorted todo
    done processed pending queue feed feeds rss atom wire wires news noticias nachrichten
    actualites actualités stiri știri novosti новости khabar samachar media press source
    sources src library collection collections batch batches daily weekly monthly latest
    world monde mundo welt lume mir мир politics politik politique politica política
    politica polityka economy economics economie économie economía wirtschaft business
    finance markets market sport sports deportes culture kultur cultura opinion meinung
    science tech technology local national international internacional inland ausland
    india europe asia africa america americas usa us uk region regional home front
""".split())

_LANGUAGE_NAMES = frozenset("""
    english french german spanish romanian russian ukrainian hindi arabic chinese
    italian portuguese polish turkish urdu hungarian korean japanese
""".split())


_NAME_PARTICLES = frozenset("de del des du da di do dos das la le les el los las von vom der den und "
                            "of the and y e et i".split())


def folder_outlet(folder: str | None) -> str | None:
    """The outlet a reading folder names, else None. `folder` is the path of subfolders
    between the input root and the file (RawArticle.folder): the root itself is what the
    user pointed at (~/Downloads, seeds/), never an outlet. The outermost subfolder that
    is no container (data/, inbox/, 2025/, en/, politics/: `_CONTAINER_FOLDERS`, a date or
    number, a language code or name, a hash) names the outlet, shown as words
    ("kyiv-kurier" -> "Kyiv Kurier"; a name with capitals keeps them): papers are filed
    by outlet first (corpus/metro-ledger/world/), exports by date first (2026/kyiv-kurier/).
    Counted as one outlet with a stated name that folds alike ("L'Écho Continental",
    echo-continental: tidings.brief.sources.outlet_key)."""
    if not folder:
        return None
    for part in folder.split("/"):
        name = part.strip()
        low = name.casefold()
        letters = re.sub(r"[\W\d_]+", "", low)
        if (len(letters) < 3 or low in _CONTAINER_FOLDERS or low in _LANGUAGE_NAMES
                or re.fullmatch(r"[a-z]{2}(?:[-_][a-z]{2})?", low)  # en, pt-br
                or re.search(r"\d{4}", low)  # 2025, 2025-05, batch-2026-01
                or re.fullmatch(r"[0-9a-f]{8,}", low)):  # a hash or an id
            continue
        words = re.sub(r"[-_.]+", " ", name).split()
        if name == low:  # "diario-del-sur" -> "Diario del Sur", as papers write their names
            words = [w if i and w in _NAME_PARTICLES else w[:1].upper() + w[1:] for i, w in enumerate(words)]
        return " ".join(words)[:200] or None
    return None


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


def _stated_outlet(lines: list[str]) -> str | None:
    """A name the text gives its outlet: a "preferred source" prompt, a Source: line, a
    copyright line (its legal form left out: "Allgemeine Rundschau GmbH" is the paper)."""
    for line in lines:
        m = _PREFERRED_SOURCE.search(line)
        if m:
            return m["name"].strip()
    for line in lines:
        m = _SOURCE_LINE.match(line)
        if m:
            return m["name"].strip(" «»\"'“”„.")
    for line in lines:
        if "(image" in line.lower() or "source from" in line.lower():
            continue  # an image credit names someone else's site
        m = _COPYRIGHT.search(line)
        if m and len(line) < 400:
            name = _LEGAL_FORM.sub("", m["name"].strip(" .-")).strip(" .,-")
            if name and name.casefold() not in ("all rights reserved", "the"):
                return name
    return None


_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|SE|Ltd\.?|Limited|plc|Inc\.?|LLC|Corp\.?|"
    r"S\.?A\.?S?|S\.?R\.?L\.?|S\.?L\.?|S\.?p\.?A\.?|B\.?V\.?|N\.?V\.?|ООО|OOO|"
    r"(?:Pvt\.?|Private)\s+(?:Ltd\.?|Limited)))+$"
)


def _spells_host(name: str, url_or_host: str) -> bool:
    """Whether a name spells a label of the host, letters and digits only, a leading "the"
    aside: "Noticias Iberia" / noticiasiberia.com, "Zee News" / zeenews.india.com."""
    from anyascii import anyascii

    folded = re.sub(r"[\W_]+", "", anyascii(name).lower())
    folded = folded[3:] if folded.startswith("the") and len(folded) > 6 else folded
    host = host_of(url_or_host) or ""
    labels = {re.sub(r"[\W_]+", "", x) for x in host.lower().split(".")[:-1]}
    return len(folded) >= 3 and folded in labels


_HOSTLIKE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,63}(?::\d+)?(?:/\S*)?$", re.IGNORECASE)


def registered_domain(url_or_host: str) -> str | None:
    """The domain an outlet registered ("m.bbc.co.uk" and "www.bbc.co.uk" -> "bbc.co.uk"),
    by the public suffix list bundled with `tld` (never fetched); an address or a name
    under no known suffix ("127.0.0.1", "localhost") is the host itself."""
    host = host_of(url_or_host)
    if not host:
        return None
    from tld import get_fld

    try:
        fld = get_fld(host, fix_protocol=True, fail_silently=True)
    except Exception:  # noqa: BLE001 - a malformed host keeps its own name
        fld = None
    return str(fld) if fld else host


# A scheme before the first colon ("javascript:", "mailto:"), not a host's port ("example.org:8080").
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(?!\d)")


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    scheme = _SCHEME.match(url.strip())
    if scheme and scheme.group(1).lower() not in ("http", "https", "ftp"):
        # "javascript:alert(1)" or "mailto:desk@paper.org" names no site: read as a host it
        # would make an outlet called "javascript".
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
