"""Readers: files (.txt, .html/.htm, .json, .jsonl), folders of any mix, and standard input.

Contract: `read(paths, config)` yields RawArticle for every article found and Problem for
every input that could not be read (empty, binary, invalid UTF-8, broken JSONL line, too
large...), and never raises for bad input, so one bad file never stops a batch.
"""
