"""Links taken from articles, made safe to put in a page (HTML, Markdown) as they are."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

MAX_URL_CHARS = 2000
# Controls and white space (a link spanning lines, a NUL), and what would end an HTML
# attribute or a Markdown link early (quotes, angle brackets, backticks, backslashes).
_UNSAFE = re.compile(r"[\x00-\x20\x7f\"'<>`\\]")


def safe_url(value: Any) -> str | None:
    """An article's link, only if it is plain http(s) with a host: never javascript:,
    data: and the like, nor one carrying characters that could break out of the markup."""
    if not isinstance(value, str) or len(value) > MAX_URL_CHARS:
        return None
    url = value.strip()
    if not url or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None
