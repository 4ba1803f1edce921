"""Readers: files (.txt, .html/.htm, .json, .jsonl, RSS/Atom), folders of any mix, standard
input, and (through `fetch` and `feeds`) web pages and feeds.

Contract: `read(paths, config)` yields RawArticle for every article found and Problem for
every input that could not be read (empty, binary, invalid UTF-8, broken JSONL line, too
large...), and never raises for bad input, so one bad file never stops a batch.

Modules: `files` walks paths, folders and streams; `formats` reads JSON, JSON Lines and the
field names of the neighbouring tools; `decoding` turns untrusted bytes into text; `feeds`
reads RSS/Atom and OPML; `fetch` is the polite HTTP client.
"""

from tidings.sources.decoding import decode
from tidings.sources.files import read, read_file, read_stream

__all__ = ["read", "read_file", "read_stream", "decode"]
