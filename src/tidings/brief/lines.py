"""Lines a brief shows from its articles' text (summary sentences, what happened when):
which are the page's furniture rather than news, and how a long one is shortened."""

from __future__ import annotations

import re

from tidings.titles import LINK, dateline_only, without_dateline

# "@PMOIndia", "via @Reuters": a social account, copied from an embedded post.
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}(?![\w@])")
# An editor's note about the page, not the news: "(Statement added)", "Updated at 14:05",
# "This story has been updated", "Aktualisiert am …", "Mis à jour le …".
_NOTE = re.compile(
    r"(?i)(?:^\W*(?:last\s+)?(?:updated?|update|aktualisiert|mis à jour|actualizado|atualizado|"
    r"aggiornato|обновлено|оновлено)(?:\s*:|\s+(?:at|on|am|le|el|em|il)\s+\d|\s+\d)|"
    r"\((?:[^)]{0,20}\s)?(?:statement|quotes?|details?|comments?|reaction|background)\s+added\)|"
    r"\((?:adds?|updates?|corrects?|recasts?)\b[^)]{0,40}\)|"
    r"^\W*(?:this (?:story|article|report|post) (?:has been|was|is being) updated|editor'?s note\b|"
    r"corrections?\s*:))")


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def words(text: str) -> int:
    """Words, counting two Chinese or Japanese characters as one, as the quotes do: by
    spaces alone a sentence in those scripts was one word, too short to be a summary line."""
    cjk = len(_CJK.findall(text or ""))
    return len(_CJK.sub(" ", text or "").split()) + cjk // 2


def junk_line(text: str) -> bool:
    """Whether a line is no statement of news: it carries a link or a social account, is an
    editor's note about the page, is a bare dateline ("BERLIN, May 6. /TASS/.") or opens
    a list."""
    t = (text or "").strip()
    # A line ending on a colon introduces what follows it (a list, a quotation).
    return not t or t[-1] in ":：" or bool(LINK.search(t) or _HANDLE.search(t) or _NOTE.search(t)) \
        or dateline_only(t)


# A credit closing a paragraph: "…选出下一任教宗。【记者 王明整理报导】", "(Reporting by Ana Ruiz)".
_CLOSING_CREDIT = re.compile(
    r"\s*(?:【[^】]{1,30}】|〔[^〕]{1,30}〕|\((?:reporting|writing|editing|additional reporting) by [^)]{1,80}\))\s*$",
    re.IGNORECASE)


# Two sentences run together where a paragraph break was lost: "…were defensive.Lt Gen
# Rana further claimed…" (a word of three letters or more, its stop, a capital).
_GLUED = re.compile(r"(?<=[^\W\d_A-Z]{3}[.!?])(?=[A-ZÀ-ÞА-Я][^\W\d_])")


def tidy(text: str) -> str:
    """A line as a brief shows it: without a dateline opening it ("LAHORE, May 10 — …") or a
    reporter's credit closing it, and only the first of two sentences run together."""
    t = _CLOSING_CREDIT.sub("", without_dateline(text or "")).strip()
    m = _GLUED.search(t)
    if m and words(t[:m.start()]) >= 6:
        t = t[:m.start()]
    return t


def cut(text: str, limit: int) -> str:
    """The text in at most `limit` characters, cut at a word's end with an ellipsis; a
    script written without spaces is cut where it reaches the limit."""
    t = (text or "").strip()
    if len(t) <= limit:
        return t
    head = t[:limit - 1]
    space = head.rfind(" ")
    # No space in the last third: a script without spaces, or one long word.
    if space >= (limit * 2) // 3:
        head = head[:space]
    return head.rstrip(" ,;:-–—") + "…"
