"""Who said what: direct and reported speech with its speaker, per article, and the merge of
one statement reported in several languages into one quote.

    lexicons.py  per-language quotation marks, verbs of saying, conjunctions, pronouns
    extract.py   quotes and speakers in one article (Quote records)
    merge.py     one statement across articles and languages
"""

from tidings.brief.quotes.extract import Quote, extract, find_names
from tidings.brief.quotes.merge import merge, resolve_titles, same_speaker

__all__ = ["Quote", "extract", "find_names", "merge", "resolve_titles", "same_speaker"]
