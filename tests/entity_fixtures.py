"""Brief entity entries of a few sentences of our own, through the real name reader and
entity collection (shared by the tests of brief/entities.py and brief/entity_context.py)."""

from tidings.brief import entities
from tidings.records import Article, Features
from tidings.understand.names import extract


def ranked_entities(texts, *, lang=None, authors=None, raws=None, outlets=False, titles=None):
    """`texts`: (article id, language, text) triples. Names known from earlier articles help
    read later ones, as in a batch. `authors`, `raws` and `titles` (by article id) give
    bylines, raw text and titles (whose names are read with the text, as at ingest);
    `outlets` names each article's outlet "<id>-daily"; `lang` is the reader's."""
    arts, feats, known = [], {}, set()
    for aid, alang, text in texts:
        title = (titles or {}).get(aid, "")
        arts.append(Article(id=aid, origin=aid, title=title, text=text, raw=(raws or {}).get(aid, text),
                            content_hash=aid, lang=alang, author=(authors or {}).get(aid),
                            source=f"{aid}-daily" if outlets else None))
        ms = extract(f"{title}\n{text}" if title else text, alang, known)
        known |= {m.key for m in ms}
        feats[aid] = Features(aid, names=ms)
    ents, _ = entities.collect(arts, feats)
    return entities.rank(ents, arts, lang=lang)
