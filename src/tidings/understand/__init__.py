"""Understanding: Article -> Features (names with cross-script keys, figures, dates
mentioned, time of the reported happening, embedding)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Protocol

from tidings.config import DEFAULT, Config
from tidings.records import Article, Features, Mention
from tidings.understand import dates, figures, names
from tidings.understand.embed import Embedder, text_for

__all__ = ["understand", "understand_batch", "Embedder", "full_text"]

MAX_CHARS = 20_000  # names and figures past this are not worth their cost
_DEV_TOKEN = re.compile(r"[\u0900-\u0963\u0971-\u097F]+")
_LETTER = re.compile(r"[^\W\d_]")


def full_text(article: Article) -> str:
    """Title and text, without repeating the title when the text starts with it."""
    title, text = (article.title or "").strip(), article.text or ""
    if title and not text.lstrip().startswith(title):
        return f"{title}\n{text}"[:MAX_CHARS]
    return text[:MAX_CHARS]


class KnownNames(Protocol):
    def known_name_keys(self, keys: Iterable[str]) -> set[str]: ...


def understand_batch(articles: list[Article], embedder: Embedder, config: Config = DEFAULT,
                     store: KnownNames | None = None) -> list[Features]:
    """Features for each article, in order; one batched embedding call for all of them.

    Devanagari has no capital letters, so a Hindi token also counts as a name when its
    key is a name already seen in a cased script, in this batch or in `store` (read only).
    """
    # Text with no letter at all (digits, punctuation, emoji) embeds to one vector whatever
    # it says, and would pull every such article together: it gets no embedding.
    embed_texts = [text_for(a, config) for a in articles]
    wordy = [bool(_LETTER.search(t)) for t in embed_texts]
    to_embed = [t for t, ok in zip(embed_texts, wordy) if ok]
    # The model runs in the background while names, figures and dates are found (an
    # embedder with `embed` only is called once they are).
    later = getattr(embedder, "embed_later", None)
    if to_embed and later is not None:
        wait_vectors = later(to_embed)
    else:
        def wait_vectors():
            return embedder.embed(to_embed)
    texts = [full_text(a) for a in articles]
    cased_keys: set[str] = set()
    cased_names: dict[int, list[Mention]] = {}
    for i, (a, t) in enumerate(zip(articles, texts)):
        if not names.scripts.has_uncased(t):
            cased_names[i] = names.extract(t, a.lang)
            cased_keys.update(m.key for m in cased_names[i])
    # Capitalised ordinary words ("Conclave", "Chiesa") are told from names by how the
    # other articles of the batch write them.
    lowers = [names.lower_words(t) for t in texts]
    lower_df: Counter = Counter()
    for words in lowers:
        lower_df.update(words)
    out: list[Features] = []
    for i, (a, t) in enumerate(zip(articles, texts)):
        known: set[str] = set()
        if _DEV_TOKEN.search(t):
            token_keys = {names._token_key(tok) for tok in set(_DEV_TOKEN.findall(t))}
            token_keys.discard("")
            known = token_keys & cased_keys
            if store is not None:
                known |= store.known_name_keys(token_keys - known)
        if i not in cased_names and names.scripts.has_uncased(t):
            # Chinese, Arabic, Thai... spell known names in their own letters: the whole
            # batch's lexicon is matched by loose phonetic skeleton.
            known |= cased_keys
        when, mentioned = dates.event_time(a)
        found = cased_names[i] if i in cased_names else names.extract(t, a.lang, known=known)
        out.append(Features(
            article_id=a.id,
            names=names.drop_common_words(found, lower_df, lowers[i], config.names_common_word_articles),
            figures=figures.extract(t, a.lang),
            dates_mentioned=mentioned,
            event_time=when,
        ))
    vectors = iter(wait_vectors() if to_embed else [])
    for f, ok in zip(out, wordy):
        f.embedding = next(vectors) if ok else None
    return out


def understand(article: Article, embedder: Embedder, config: Config = DEFAULT,
               store: KnownNames | None = None) -> Features:
    return understand_batch([article], embedder, config, store)[0]
