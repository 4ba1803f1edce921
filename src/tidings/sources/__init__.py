"""Readers: files (.txt, .html/.htm, .json, .jsonl), folders of any mix, and standard input.

Contract: `read(paths, config)` yields RawArticle for every article found and Problem for
every input that could not be read (empty, binary, invalid UTF-8, broken JSONL line, too
large...), and never raises for bad input, so one bad file never stops a batch.
"""

from tidings.sources.files import decode, read, read_file, read_stream

__all__ = ["read", "read_file", "read_stream", "decode"]
