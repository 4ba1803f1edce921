"""Cleaning: RawArticle -> Article (encoding, main text, title, date, language, outlet, author).

Contract: `clean(raw, config, outlet_lines)` never raises; when cleaning fails the Article
has status "raw", the raw text as text, and the reason in `problems`.
"""
