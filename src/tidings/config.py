"""Every threshold and weight in one place, with documented defaults.

Values are chosen on our own demo corpus (src/tidings/demo) and dev data, never on
../shared/bench, which is for reporting only. Override any field with
`Config(field=value)` or the environment variable TIDINGS_<FIELD> (upper case).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Config:
    # --- sources: bounds on untrusted input ---
    max_file_bytes: int = 20_000_000
    """Files larger than this are refused (reason kept); a single article is never this big."""
    max_article_chars: int = 200_000
    """Text beyond this is cut before cleaning; the cut is recorded as a problem."""
    max_raw_keep_chars: int = 100_000
    """How much of unprocessable input is kept beside its reason."""

    # --- clean ---
    min_text_chars: int = 40
    """An article whose cleaned text is shorter than this is kept raw with a reason."""
    near_duplicate_threshold: float = 0.8
    """Shingle (Jaccard) similarity above which an article is a syndicated copy of an earlier one."""
    repeated_line_min_articles: int = 3
    """A line seen in this many articles of one outlet is site furniture."""
    repeated_line_max_chars: int = 200
    """Only lines up to this long are counted per outlet: longer ones are reporting, and a
    syndicated copy must not make its own paragraphs look like furniture."""
    max_title_chars: int = 160
    """A title taken from the first sentence (no headline line) is cut at a word to this."""
    lang_min_score: float = 0.3
    """Language-identification confidence below this means no recognisable language."""
    date_min_year: int = 1990
    """Dates before this year are rejected as publication dates (old references, typos)."""
    date_max_future_days: int = 2
    """Dates more than this many days after today are rejected (time zones allow a little)."""
    shingle_words: int = 3
    """Words per shingle for near-duplicate detection (MinHash over word shingles)."""

    # --- understand ---
    embed_words: int = 48
    """Words of title + lead given to the embedding model (cost grows with length)."""

    # --- cluster (filled in by the clustering stage) ---
    time_window_days: float = 4.0
    """Events whose reported time is further apart than this are never candidates."""

    # --- web app and HTTP API ---
    web_max_request_bytes: int = 2_000_000
    """Request bodies larger than this are refused (413) before they are parsed."""
    web_max_post_articles: int = 500
    """Most articles one POST /api/articles may carry; more is refused (422)."""
    web_page_size: int = 30
    """Events per page on the front page and the default `limit` of GET /api/events."""
    web_max_page_size: int = 200
    """Largest `limit` GET /api/events accepts."""
    web_poll_seconds: float = 3.0
    """How often the front page asks for new and grown events."""
    web_brief_lang: str = "en"
    """Reader's language of the briefs shown on event pages (override with ?lang=)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            env = os.environ.get(f"TIDINGS_{f.name.upper()}")
            if env is not None:
                object.__setattr__(self, f.name, type(getattr(self, f.name))(env))


DEFAULT = Config()
