"""Compose an event's brief from its articles and their features.

`compose` is a pure function of the articles (tests call it without a store);
`build_brief` reads them from the store and caches the result there, keyed on the
event's content version (its member ids and the brief format), one build at a time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import threading
import time
from collections import Counter
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from tidings.brief import align as align_mod
from tidings.brief import entities as entities_mod
from tidings.brief import figures as figures_mod
from tidings.brief import lines as lines_mod
from tidings.brief import quotes as quotes_mod
from tidings.brief import sources as sources_mod
from tidings.brief import summary as summary_mod
from tidings.brief import timeline as timeline_mod
from tidings.brief.quotes.lexicons import COLLECTIVE
from tidings.brief.quotes.merge import content_words, copy_key
from tidings.brief.records import Brief
from tidings.clean.sentences import split as split_sentences
from tidings.clean.sentences import word_count
from tidings.config import DEFAULT, Config
from tidings.records import Article, Features
from tidings.titles import reads_as_headline, without_dateline
from tidings.understand import names as names_mod
from tidings.understand.embed import lead_words, words_of

if TYPE_CHECKING:
    from tidings.store import Store

log = logging.getLogger("tidings.brief")

# Bumped when the brief's shape or method changes, so stored briefs are rebuilt.
BRIEF_VERSION = 13
# Only the start of very long articles is read: briefs quote leads, and it bounds time.
MAX_TEXT_CHARS = 20_000


class Vectors:
    """Sentence vectors for one brief: texts cut to `embed_sentence_words` words, embedded
    in as few model calls as possible, cached by the embedder (store.embedding_cache).

    `start(texts)` hands texts to the model at once (Embedder.embed_later: a background
    thread) and returns; `need(texts)` also waits until every started text has its vector.
    compose starts texts as soon as it knows them, so its own Python work (entities,
    quotes, figures) overlaps the model's."""

    def __init__(self, embedder: Any, config: Config) -> None:
        self.embedder = embedder
        self.words = config.embed_sentence_words
        self.chars_per_word = (config.embed_han_chars_per_word, config.embed_sea_chars_per_word)
        self._vec: dict[str, np.ndarray] = {}
        self._started: set[str] = set()
        self._pending: list[tuple[list[str], Callable[[], Any]]] = []
        # Seconds the brief spent starting and waiting for the model (not the model's own
        # time, part of which the brief's other work hides).
        self.seconds = 0.0

    def _cut(self, text: str, words: int | None = None) -> str:
        # A sentence in a script without spaces is one "word": it is cut by characters.
        return lead_words(text, words or self.words, None, self.chars_per_word)

    def cost(self, text: str) -> float:
        """What embedding `text` costs, in words of the cut text (model time grows with
        them), and the fixed cost of a text (its special tokens: about four words)."""
        return 4.0 + words_of(self._cut(text), self.chars_per_word)

    def start(self, texts: list[str], words: int | None = None) -> None:
        """Hand `texts` to the model, each cut to `words` (embed_sentence_words unless given;
        a text already started keeps its first cut)."""
        todo = [t for t in dict.fromkeys(texts) if t and t not in self._vec and t not in self._started]
        if not todo:
            return
        started = time.perf_counter()
        # Similar lengths batch together: the model pads a batch to its longest text.
        todo.sort(key=len)
        cut = [self._cut(t, words) for t in todo]
        later = getattr(self.embedder, "embed_later", None)
        if later is not None:
            self._pending.append((todo, later(cut)))
        else:  # an embedder without a background thread (test stand-ins)
            mat = self.embedder.embed(cut)
            self._pending.append((todo, lambda: mat))
        self._started.update(todo)
        self.seconds += time.perf_counter() - started

    def need(self, texts: list[str]) -> None:
        self.start(texts)
        if not self._pending:
            return
        started = time.perf_counter()
        for todo, wait in self._pending:
            for t, v in zip(todo, wait()):
                self._vec[t] = np.asarray(v, dtype=np.float32)
        self._pending = []
        self.seconds += time.perf_counter() - started

    def __call__(self, text: str) -> np.ndarray:
        if text not in self._vec:
            self.need([text])
        return self._vec[text]

    def get(self, text: str) -> np.ndarray | None:
        return self._vec.get(text)


def _default_embedder(store: Store | None = None):
    from tidings.understand.embed import Embedder

    return Embedder(store)


def _body(a: Article) -> str:
    text = (a.text or "")[:MAX_TEXT_CHARS]
    title = (a.title or "").strip()
    rest = text.lstrip()[len(title):] if title and text.lstrip().startswith(title) else None
    # The title is left out when it is its own line; a title taken from the start of the
    # first sentence ("…overlooking St" of "…overlooking St. Peter's Square…") is not, or
    # the sentence would be read from its middle.
    if rest is not None and (not rest or rest[0] in "\r\n"):
        text = rest
    return text


def compose(articles: list[Article], features: dict[str, Features], lang: str = "en",
            config: Config = DEFAULT, embedder: Any = None, event_id: str | None = None) -> dict:
    """The brief (JSON form) of one event's articles, for a reader of `lang`."""
    embedder = embedder if embedder is not None else _default_embedder()
    vectors = Vectors(embedder, config)
    # Sources are counted from the stored outlet names (sources_of); an article without
    # one is shown by its site, else as unnamed: never its file or folder name.
    n_sources = len(sources_mod.sources_of(articles))
    source_list = sorted(sources_mod.sources_of(articles))
    articles = [a if a.source else dataclasses.replace(a, source=sources_mod.label(a)) for a in articles]
    by_id = {a.id: a for a in articles}
    sentences_cache: dict[str, list[str]] = {}

    def sentences_of(a: Article) -> list[str]:
        if a.id not in sentences_cache:
            sentences_cache[a.id] = split_sentences(_body(a), a.lang)
        return sentences_cache[a.id]

    # Article vectors come from ingest (features); an article without one gets its title
    # embedded here.
    art_vec: dict[str, np.ndarray] = {}
    missing = []
    for a in articles:
        f = features.get(a.id)
        if f is not None and f.embedding is not None and len(f.embedding):
            art_vec[a.id] = np.asarray(f.embedding, dtype=np.float32)
        elif (a.title or "").strip():
            missing.append(a)
    if missing:
        vectors.need([a.title for a in missing])
        for a in missing:
            art_vec[a.id] = vectors(a.title)
    center = summary_mod.centroid(list(art_vec.values()))
    ranked = summary_mod.rank_articles(articles, art_vec, center)
    # The parts read sentence by sentence (summary, quotes, figures, parallel reading) see
    # a bounded sample, so a brief's time stops growing with its event; headline, sources,
    # timeline and entities still count every article.
    summary_pool = summary_mod.spread_languages(ranked, config.summary_max_articles, lang)
    chosen = {a.id for a in summary_pool}
    rest = [a for a in ranked if a.id not in chosen]
    chosen |= {a.id for a in summary_mod.sample_articles(rest, config.brief_sample_articles - len(chosen))}
    sample = [a for a in ranked if a.id in chosen]

    head = summary_mod.headline(articles, art_vec, center, lang)
    timeline, first_report, coverage = timeline_mod.build(
        articles, config.first_report_outlier_days,
        {aid: f.event_time for aid, f in features.items()})

    # A small event's articles are read deeper: the key facts (each side's position, what
    # comes next) often sit past the lead. The candidates stay within one budget.
    depth = max(config.summary_lead_sentences,
                min(8, config.summary_candidates // max(1, len(summary_pool))))
    # The summary candidates as far as they are known before the entities: a sentence
    # that opens with a pronoun ("He said…") is written with the event's name for the
    # person, known only after them; the others go to the model now, so that it embeds
    # them while the entities are collected (the texts the final pass below gives, except
    # when a rewritten sentence repeats another: then a few more or fewer).
    early = _summary_candidates(summary_pool, features, sentences_of, config, depth, lambda m: m.surface)
    vectors.start([c["text"] for c in early if c["text"] == c["original"]], config.summary_embed_words)

    # --- quotes, read before the entities: a speaker is a person, which tells the
    # entities that its name is no town's the key happens to join it with ---
    all_quotes: list[quotes_mod.Quote] = []
    held: list[tuple[str, str, str, str]] = []  # who holds which title, per article
    for a in sample:
        f = features.get(a.id)
        all_quotes.extend(quotes_mod.extract(_body(a), a.lang, f.names if f else [], a.id, config,
                                             lead=a.title or "", held=held))
    features = entities_mod.speakers_apart(features, all_quotes)

    # --- entities ---
    ents, key_to_entity = entities_mod.collect(articles, features, config)
    no_names: set[str] = set()
    entity_list = entities_mod.rank(ents, articles, config, lang, rejected=no_names)
    entity_name = {e["id"]: e["name"] for e in entity_list}
    for e in ents:
        entity_name.setdefault(e.key, entities_mod.display_name(e))

    # --- which sentences get embedded (each part's as soon as it is known) ---
    # Each person by the event's name for them (its entity's display name: the article's
    # own span may be a fragment, "Namen Leo XIV").
    cands = _summary_candidates(summary_pool, features, sentences_of, config, depth,
                                lambda m: entity_name.get(key_to_entity.get(m.key, m.key), m.surface))
    vectors.start([c["text"] for c in cands], config.summary_embed_words)

    quotes_mod.resolve_titles(all_quotes, held, key_to_entity)
    for q in all_quotes:
        if q.speaker_key:
            q.speaker_key = key_to_entity.get(q.speaker_key, q.speaker_key)
            if q.speaker_key in no_names:
                # An ordinary word read as a name says nothing ("ein Rat in Großbuchstaben:
                # ..."): the quote is unattributed rather than given to it.
                q.speaker, q.speaker_key = None, None
    to_embed_quotes = _quotes_worth_embedding(all_quotes, config, vectors.cost)
    vectors.start([q.text for q in to_embed_quotes])
    if first_report is not None and first_report.get("inferred"):
        # What the earliest dated report already carries that the undated first one lacks.
        said = [(q.article, entity_name.get(q.speaker_key) or q.speaker) for q in all_quotes if q.speaker_key]
        voices = timeline_mod.later_voices(first_report, said)
        if voices:
            first_report["why"] += f"; that report already quotes {', '.join(voices[:3])}"

    found_figures = figures_mod.collect(sample, features, sentences_of)
    fig_pairs = figures_mod.candidate_pairs(found_figures, config)
    fig_sentences = list(dict.fromkeys(x.sentence for pair in fig_pairs for x in pair))
    fig_sentences = fig_sentences[: config.figure_max_embedded]
    vectors.start(fig_sentences)

    # Foreign articles whose leads are summary candidates come first: their first
    # sentences are embedded anyway.
    in_summary = {c["article"] for c in cands}
    align_order = sorted(sample, key=lambda a: a.id not in in_summary)
    foreign, pool = _alignment_inputs(align_order, lang, sentences_of, config,
                                      [c["original"] for c in cands if c["lang"] == lang])

    # Counted by purpose, first purpose wins, for the benchmark's "where the time goes".
    wanted = {
        "summary": [c["text"] for c in cands],
        "quotes": [q.text for q in to_embed_quotes],
        "figures": fig_sentences,
        "parallel": [s for f in foreign for s in f["sentences"]] + [p["text"] for p in pool],
    }
    counted: set[str] = set()
    texts_by_purpose = {}
    for purpose, texts in wanted.items():
        fresh = set(texts) - counted
        texts_by_purpose[purpose] = len(fresh)
        counted |= fresh
    vectors.need([t for texts in wanted.values() for t in texts])

    # --- summary ---
    summary = []
    if cands:
        mat = np.stack([vectors(c["text"]) for c in cands])

        def _canon_unit(u: str) -> str:  # one entity's keys are one unit (Sybiha/Sibiga)
            return "name:" + key_to_entity.get(u[5:], u[5:]) if u.startswith("name:") else u

        def units_in(text: str, aid: str) -> set[str]:
            f = features.get(aid)
            found = summary_mod.units_of(text, f.names, f.figures) if f else set()
            return {_canon_unit(u) for u in found}

        cand_units = [units_in(c["text"], c["article"]) for c in cands]
        weighed = [{_canon_unit("name:" + m.key) for m in f.names} | {f"figure:{x.value:g}" for x in f.figures}
                   | summary_mod.time_units(_body(a))
                   for a in sample if (f := features.get(a.id)) is not None]
        weights = summary_mod.unit_weights(weighed)
        # Whose statements each candidate gives, and how many articles quote each speaker:
        # the summary tells another party's position too (summary_mod.other_voices).
        quoted = [(q.article, q.speaker_key or "", q.text, q.sentence) for q in all_quotes if q.speaker_key]
        cand_voices = summary_mod.voices_of([(c["original"], c["article"]) for c in cands], quoted)
        for c in summary_mod.choose(cands, mat, center, lang, config, cand_units, weights,
                                    lone_share=1 / max(1, len(weighed)), voices=cand_voices,
                                    voiced=summary_mod.voice_articles(quoted)):
            summary.append({"text": c["text"], "article": c["article"], "source": c["source"],
                            "lang": c["lang"]})

    # --- quotes ---
    for q in to_embed_quotes:
        q.vector = vectors(q.text)
    groups = quotes_mod.merge(all_quotes, {}, config, _quote_units(features, key_to_entity),
                              _quote_words(features))
    speaker_name = {**entity_name, **_place_speaker_names(all_quotes, ents, entity_name,
                                                          {e["id"]: e.get("kind") or "" for e in entity_list}, lang)}
    quotes = [_quote_entry(g, lang, by_id, speaker_name, 2 * config.quote_max_chars)
              for g in groups[: config.brief_max_quotes]]

    # --- figures and disagreements ---
    fig_vecs = {s: vectors(s) for s in fig_sentences}
    figures = figures_mod.group(found_figures)[: config.brief_max_figures]
    disagreements = figures_mod.disagreements(found_figures, fig_pairs, fig_vecs, config)
    disagreements += figures_mod.date_disagreements(articles, features, config)
    # A figure that changed over time is an update, shown as such, not a disagreement.
    figures_mod.name_sayers(disagreements, features)
    updates = [d for d in disagreements if d["kind"] == "update"]
    disagreements = [d for d in disagreements if d["kind"] != "update"]

    people = {e.key for e in ents if e.kinds and e.kinds.most_common(1)[0][0] == "person"}
    parallel = align_mod.align(foreign, pool, vectors, config,
                               _people_in_sentences(foreign, key_to_entity, people))

    return {
        "version": BRIEF_VERSION,
        "event": event_id,
        "lang": lang,
        "headline": head,
        "summary": summary,
        "timeline": timeline,
        "happenings": timeline_mod.happenings(ranked, sentences_of, features, lang,
                                              config.brief_max_happenings,
                                              config.first_report_outlier_days),
        "first_report": first_report,
        "coverage": coverage,
        "entities": entity_list,
        "quotes": quotes,
        "figures": figures,
        "disagreements": disagreements,
        "updates": updates,
        "parallel": parallel,
        "articles": [
            {"id": a.id, "title": a.title, "source": a.source, "lang": a.lang, "date": a.date,
             "url": a.url, "duplicate_of": a.duplicate_of}
            for a in sorted(articles, key=timeline_mod.order_key)
        ],
        "languages": sorted({a.lang or "und" for a in articles}),
        "sources": source_list,
        "n_sources": n_sources,
        "n_articles": len(articles),
        # Summary, quotes, figures and parallel reading were read from this many articles.
        "stats": {"texts": texts_by_purpose, "embed_seconds": round(vectors.seconds, 3),
                  "articles_read": len(sample)},
    }


def _summary_candidates(summary_pool: list[Article], features: dict[str, Features], sentences_of,
                        config: Config, depth: int, name_of: Callable[[Any], str]) -> list[dict[str, Any]]:
    """Up to `depth` candidate sentences of each summary article, lead first; a sentence
    opening with a pronoun is written with the person it stands for (`name_of(mention)`)."""
    cands: list[dict[str, Any]] = []
    seen_text: set[str] = set()
    for a in summary_pool:
        pos = 0
        # Read past a few lines that are no candidates (a section label, a bullet list of
        # takeaways, a caption): they must not use up the article's share.
        sents = sentences_of(a)
        f = features.get(a.id)
        # Each person's surface here, with the name to write for them.
        persons = sorted({(m.surface, name_of(m)) for m in f.names if m.kind == "person"},
                         key=lambda p: -len(p[0])) if f else []
        for k, s in enumerate(sents[: depth + 8]):
            if pos >= depth:
                break
            if not summary_mod.candidate(s, a.title, config):
                continue
            if summary_mod.title_line(s, f.names if f else []):
                continue  # a CV line whose subject is in the sentence before
            if summary_mod.reported_without_speaker(s, a.lang, [p for p, _ in persons]):
                continue  # "Russland werde … geben": who says so is in the sentence before
            # "He said..." stands alone once "He" is the person the sentences before name.
            text = summary_mod.standalone_form(s, a.lang, sents[max(0, k - 2):k], persons) or s
            text = lines_mod.tidy(text)  # "ISLAMABAD: …": the place is the article's, not the news
            norm = " ".join(text.lower().split())
            if norm in seen_text:
                continue
            seen_text.add(norm)
            cands.append({"text": text, "original": s, "article": a.id, "source": a.source,
                          "lang": a.lang, "position": pos})
            pos += 1
    return cands


def _quotes_worth_embedding(quotes: list[quotes_mod.Quote], config: Config,
                            cost: Callable[[str], float] | None = None) -> list[quotes_mod.Quote]:
    """The quotes embedded for the merge, at most `quote_max_embedded` texts costing at most
    `quote_embed_words` in all (`cost(text)`, words: model time grows with them, so a
    five-word quotation takes a fifth of a long one's place), chosen by what each can merge
    with: quotes_mod.merge links a quote only to a quote of the same speaker (or of none) in
    another article, one to one between two articles.

    - A speaker's quotes in one article can pair with at most as many as that speaker has
      in all other articles: a minister quoted four times in one report and once in
      another has one pair to find, so the report's three later quotes wait.
    - A quote opening with the words (case and punctuation aside) of an earlier embedded
      quote of its speaker and language is a wire copy: merge joins it to its twin without
      a vector (quotes_mod.merge._join_copies), so it takes no place.
    - Speakers quoted in two or more articles first, in turn (see _speakers_in_turn); then
      quotes of speakers quoted in one article and quotes without a speaker, alternately,
      lead first (a name may be spelt apart, Umerov / Umjerow, or missing)."""
    if len({q.article for q in quotes}) < 2:
        return []  # nothing to merge across articles
    speaker = _speaker_of(quotes, config)
    order = {id(q): i for i, q in enumerate(quotes)}
    # Quotes come in article rank order, by position within an article.
    in_article: dict[tuple[str, str], list[quotes_mod.Quote]] = {}
    for q in sorted(quotes, key=lambda q: (q.position, order[id(q)])):
        if id(q) in speaker:
            in_article.setdefault((speaker[id(q)], q.article), []).append(q)
    quoted = {s: 0 for s, _ in in_article}
    for (s, _), qs in in_article.items():
        quoted[s] += len(qs)
    shared, lone = [], []
    for (s, _), qs in in_article.items():
        elsewhere = quoted[s] - len(qs)
        if elsewhere:
            shared += qs[:elsewhere]
        else:
            lone += qs
    loose = [q for q in quotes if id(q) not in speaker]
    lone.sort(key=lambda q: (q.position, order[id(q)]))
    loose.sort(key=lambda q: (q.position, order[id(q)]))
    rest = [q for pair in zip(lone, loose) for q in pair]
    rest += lone[len(loose):] + loose[len(lone):]
    # merge joins a quote left without a vector to the first quote (in article order) of
    # its speaker, language and opening words, when that one has a vector and is in
    # another article.
    first: dict[tuple[str, str | None, str], quotes_mod.Quote] = {}
    for q in quotes:
        first.setdefault(copy_key(q), q)
    chosen: list[Any] = []
    texts: set[str] = set()
    embedded: set[int] = set()
    spent = 0.0
    for q in _speakers_in_turn(shared, speaker, order) + rest:
        if q.text in texts:
            embedded.add(id(q))
            chosen.append(q)  # the same words cost nothing more to embed
            continue
        key = copy_key(q)
        twin = first[key]
        if id(twin) in embedded and twin.article != q.article and len(key[2].split()) >= 4:
            continue  # a wire copy: merge joins it to its twin
        price = cost(q.text) if cost is not None else 0.0
        if len(texts) >= config.quote_max_embedded or spent + price > config.quote_embed_words:
            continue  # a shorter quote further on may still fit
        spent += price
        texts.add(q.text)
        embedded.add(id(q))
        chosen.append(q)
    return chosen




def _speaker_of(quotes: list[quotes_mod.Quote], config: Config) -> dict[int, str]:
    """Each attributed quote's speaker, one key for the names merge takes for one person
    (quotes_mod.same_speaker: "Farid Dar" in one report, "Dar" in another), so a speaker
    quoted in two articles under two names counts as quoted in two."""
    keys = sorted({q.speaker_key for q in quotes if q.speaker_key})
    canon: dict[str, str] = {}
    for k in keys:
        canon[k] = next((c for c in dict.fromkeys(canon.values())
                         if quotes_mod.same_speaker(c, k, config)), k)
    return {id(q): canon[q.speaker_key] for q in quotes if q.speaker_key}


def _speakers_in_turn(quotes: list[quotes_mod.Quote], speaker: dict[int, str],
                      order: dict[int, int]) -> list[quotes_mod.Quote]:
    """Speakers take turns, one quote a turn: a statement can only merge with the same
    speaker's, so a speaker quoted in two articles gets its pair compared before a
    prolific speaker's seventh article does. Each speaker's quotes take languages in turn
    (the same words in seven languages matter more than a seventh English copy); within
    one language, article by article, each article's quotes of the speaker in order: an
    article's next quote of the speaker is another statement, while another outlet's first
    one in the same language most likely gives the statement already taken."""
    by_speaker: dict[str, dict[str, list[quotes_mod.Quote]]] = {}
    for q in sorted(quotes, key=lambda q: order[id(q)]):
        by_speaker.setdefault(speaker[id(q)], {}).setdefault(q.lang, []).append(q)
    return _in_turn([_in_turn(list(langs.values())) for langs in by_speaker.values()])


def _in_turn(queues: list[list[quotes_mod.Quote]]) -> list[quotes_mod.Quote]:
    """The queues' items, one from each in turn."""
    out: list[quotes_mod.Quote] = []
    queues = [list(queue) for queue in queues]
    while any(queues):
        for queue in queues:
            if queue:
                out.append(queue.pop(0))
    return out


def _alignment_inputs(ranked: list[Article], lang: str, sentences_of, config: Config,
                      already: list[str] | tuple[()] = ()):
    foreign_arts = [a for a in ranked if a.lang and a.lang != lang][: config.align_max_articles]
    own = [a for a in ranked if a.lang == lang]
    if not foreign_arts or not own:
        return [], []
    foreign = []
    for a in foreign_arts:
        ss = [s for s in sentences_of(a) if word_count(s) >= 4][: config.align_max_sentences]
        if ss:
            foreign.append({"article": a.id, "lang": a.lang, "source": a.source, "title": a.title,
                            "sentences": ss})
    pool: list[dict] = []
    seen: set[str] = set()
    # Reader's-language summary candidates first: they are embedded anyway.
    article_of = {s: a.id for a in own for s in sentences_of(a)}
    for s in already:
        if s in article_of and s not in seen and len(pool) < config.align_pool_sentences:
            seen.add(s)
            pool.append({"article": article_of[s], "text": s})
    # Reader's-language sentences in turn from each article (its lead first), bounded.
    per_article = [[s for s in sentences_of(a) if word_count(s) >= 4] for a in own]
    depth = 0
    while len(pool) < config.align_pool_sentences and any(depth < len(x) for x in per_article):
        for a, ss in zip(own, per_article):
            if depth < len(ss) and len(pool) < config.align_pool_sentences and ss[depth] not in seen:
                seen.add(ss[depth])
                pool.append({"article": a.id, "text": ss[depth]})
        depth += 1
    return foreign, pool


def _people_in_sentences(foreign: list[dict], key_to_entity: dict[str, str], people: set[str]):
    """`people(article, sentence)`: the people a sentence names, read from the sentence
    alone (names.extract), each key mapped to its entity so spellings meet across scripts."""
    langs = {f["article"]: f.get("lang") for f in foreign}
    known = set(key_to_entity)

    def named(article: str, sentence: str) -> frozenset[str]:
        found = (key_to_entity.get(m.key, m.key)
                 for m in names_mod.extract(sentence, langs.get(article), known) if m.key)
        return frozenset(e for e in found if e in people)
    return named


def _quote_words(features: dict[str, Features]):
    """`words(quote)`: the quote's content words less those of the names its article's
    features found (merge.content_words): two statements about one meeting name the same
    people and places, which tells neither from the other."""
    surfaces: dict[str, list[str]] = {}

    def words(q: quotes_mod.Quote) -> set[str]:
        if q.article not in surfaces:
            f = features.get(q.article)
            surfaces[q.article] = [m.surface for m in f.names if m.surface] if f else []
        return content_words(q.text, surfaces[q.article])
    return words


def _quote_units(features: dict[str, Features], key_to_entity: dict[str, str]):
    """`units(quote)`: the people (as event entities, so spellings meet across scripts), figures
    and clock times a quote's words name, from its article's features (summary.units_of).
    Places are left out: every statement of a war names its countries. A person counts by
    surname too: features hold one surface per name ("Volodymyr Zelensky"), quotes mostly
    give the surname ("talks between Putin and Zelensky")."""
    def units(q: quotes_mod.Quote) -> set[str]:
        f = features.get(q.article)
        if f is None:
            return set()
        named = [m for m in f.names if m.kind != "place"]
        named += [dataclasses.replace(m, surface=last) for m in named if m.kind == "person"
                  and len(words := m.surface.split()) > 1 and len(last := words[-1]) >= 4]
        return {"name:" + key_to_entity.get(u[5:], u[5:]) if u.startswith("name:") else u
                for u in summary_mod.units_of(q.text, named, f.figures)}
    return units


def _place_speaker_names(quotes: list[quotes_mod.Quote], ents: list[entities_mod.Entity], entity_names: dict[str, str],
                         kinds: dict[str, str], lang: str) -> dict[str, str]:
    """The name a place or a state speaks under, by entity key, where it is not the entry's.

    An entry's name is its fullest form ("Vatican City", the state, the dateline of wire
    reports), but a report giving a state's words names it as a speaker ("the Vatican
    said", "según el Vaticano"): the form the quotes write in the speaker's place in the
    reader's language, the most frequent; without one, the words of the entry's name that
    the other languages' speaker forms spell (Vaticano, Vatikán: Vatican), when they still
    name the entry. Only forms that name the entry by their own key count (a capital
    speaking for its country, "Islamabad said", is the country's voice, not its name)."""
    out: dict[str, str] = {}
    for e in ents:
        if kinds.get(e.key) != "place" or e.key not in entity_names:
            continue
        said = [q for q in quotes if q.speaker and q.speaker_key == e.key
                and names_mod.name_key(q.speaker) in e.keys | {e.key}]
        own = Counter(q.speaker or "" for q in said if q.lang == lang)
        if own:
            out[e.key] = min(own, key=lambda s: (-own[s], len(s), s))
            continue
        spoken = {anyascii(w).lower() for q in said for w in (q.speaker or "").split()}
        words = entity_names[e.key].split()
        kept = [w for w in words
                if any(Levenshtein.normalized_similarity(anyascii(w).lower(), x) >= 0.7 for x in spoken)]
        if kept and len(kept) < len(words) and names_mod.name_key(" ".join(kept)) in e.keys | {e.key}:
            out[e.key] = " ".join(kept)
    return out


def _quote_entry(group: list[quotes_mod.Quote], lang: str, by_id: dict[str, Article],
                 entity_name: dict[str, str], max_chars: int = 2 * DEFAULT.quote_max_chars) -> dict:
    keys = [q.speaker_key for q in group if q.speaker_key]
    # The most frequent spelling; on a tie, the one used in the reader's language.
    own = {q.speaker_key for q in group if q.speaker_key and q.lang == lang}
    key = max(sorted(set(keys)), key=lambda k: (keys.count(k), k in own)) if keys else None
    # Attributions to the same person under spellings the keys leave apart count together.
    support = sum(1 for k in keys if key and quotes_mod.same_speaker(k, key))
    if key and support * 2 <= len(keys) and len(keys) > 1:
        key = None  # the attributions disagree: no speaker rather than a coin toss

    def said_by_speaker(q: quotes_mod.Quote) -> bool:
        return key is None or bool(q.speaker_key and quotes_mod.same_speaker(q.speaker_key, key))

    # Shown text: words a report gives the shown speaker (a quote whose article names no
    # speaker joins one at a cosine only, and must not put words in the speaker's mouth);
    # among them the speaker's own words if any report quotes them, over a paraphrase in
    # the reader's language (a paraphrase is the reporter's wording, the other sources stay
    # listed), then the reader's language.
    best = min(group, key=lambda q: (not said_by_speaker(q), q.kind != "direct", q.lang != lang, q.position))
    speaker = entity_name.get(key) if key else None
    if speaker is None and key:
        speaker = next(q.speaker for q in group if q.speaker_key == key)
    if speaker is None and not keys:
        # Nobody named: an unnamed source described in the text ("a US official").
        speaker = next((q.speaker_label for q in group if q.speaker_label), None)
        if speaker and not speaker.startswith(("a ", "an ", "the ")) and speaker not in COLLECTIVE:
            # A bare plural ("sources", "officials") reads as a name in the speaker's
            # place: it says who is not named.
            speaker = f"unnamed {speaker}"
    sources, seen = [], set()
    for q in sorted(group, key=lambda q: q.position):
        if (q.article, q.text) in seen:
            continue
        seen.add((q.article, q.text))
        a = by_id.get(q.article)
        sources.append({"article": q.article, "source": a.source if a else None, "lang": q.lang,
                        "text": q.text, "kind": q.kind, "speaker_as_written": q.speaker})
    # A statement given in pieces (one sentence split in two, a post quoted whole elsewhere:
    # merge._can_join, merge._join_pieces) is shown whole: the shown article's quotes of it
    # that follow one another, in their order (not a lead's paraphrase of a quotation below).
    at = {q.position: q for q in group if q.article == best.article and q.kind == best.kind}
    first = best.position
    while first - 1 in at:
        first -= 1
    run: list[str] = []
    while first in at:
        run.append(at[first].text)
        first += 1
    text = " … ".join(dict.fromkeys(run))
    if len(text) > max_chars:
        text = best.text  # a long chain of pieces: the one quote, as before
    return {
        "speaker": speaker,
        "speaker_id": key,
        "text": text,
        "lang": best.lang,
        "kind": best.kind,
        "languages": sorted({q.lang for q in group}),
        "sources": sources,
    }


def content_version(article_ids: list[str]) -> str:
    """What a stored brief was built from: its event's member ids and the brief format.
    An event whose articles changed (one in, one out: same count) gets a new version."""
    h = hashlib.sha1(f"brief-{BRIEF_VERSION}".encode())
    for aid in sorted(article_ids):
        h.update(b"\0" + aid.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:20]


class _Flight:
    """One build of one brief at a time: the first caller builds, the others wait for it
    (or, when a previous brief exists, get that one marked stale at once)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version: str | None = None
        self.brief: dict | None = None


_flights: dict[tuple[str, str, str], _Flight] = {}
_flights_lock = threading.Lock()


def _flight(store: Store, event_id: str, lang: str) -> _Flight:
    key = (store.url, event_id, lang)
    with _flights_lock:
        if len(_flights) > 256:
            # A bound on the briefs kept in memory: a dropped entry costs one store read.
            for k in [k for k, f in _flights.items() if not f.lock.locked()]:
                del _flights[k]
        return _flights.setdefault(key, _Flight())


def build_brief(store: Store, event_id: str, lang: str = "en", config: Config = DEFAULT,
                embedder: Any = None, force: bool = False, wait: bool = True) -> dict:
    """The brief of a stored event; reuses the stored brief while its content version
    (member ids + brief format) is current.

    Builds are single-flight per event and language within a process: while one caller
    builds, the others wait for its result; with `wait=False` they get the previous brief
    at once, marked `"stale": true`, when there is one."""
    event = store.get_event(event_id)
    if event is None:
        raise LookupError(
            f"no event {event_id!r} in {store.url}; "
            "list events with `tidings events`"
        )
    lang = (lang or "en").strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", lang):
        raise ValueError(f"reader language {lang!r} is not a language code like 'en' or 'hi'")
    version = content_version(event.article_ids)
    flight = _flight(store, event_id, lang)
    previous = None
    if not force:
        if flight.version == version and flight.brief is not None:
            return flight.brief
        stored = store.get_brief(event_id, lang)
        if stored is not None and stored[0].get("version") == BRIEF_VERSION:
            if stored[0].get("content_version") == version:
                return stored[0]
            previous = stored[0]
    if previous is not None and not wait:
        # The reader gets the previous brief now; one rebuild runs behind it.
        if flight.lock.acquire(blocking=False):
            threading.Thread(target=_rebuild, name=f"tidings-brief-{event_id}", daemon=True,
                             args=(flight, store, event, lang, version, config, embedder)).start()
        return dict(previous, stale=True)
    if not flight.lock.acquire(blocking=False):
        with flight.lock:  # another caller is building it: its result is ours
            if flight.version == version and flight.brief is not None:
                return flight.brief
        flight.lock.acquire()
    try:
        if not force and flight.version == version and flight.brief is not None:
            return flight.brief
        return _build(flight, store, event, lang, version, config, embedder)
    finally:
        flight.lock.release()


def _build(flight: _Flight, store: Any, event: Any, lang: str, version: str, config: Config,
           embedder: Any) -> dict:
    """Build and store one brief; the caller holds flight.lock."""
    articles = store.get_articles(event.article_ids)
    features = store.get_features(event.article_ids)
    if embedder is None:
        embedder = _default_embedder(store)
    brief = compose(articles, features, lang, config, embedder, event_id=event.id)
    brief["event_title"] = event.title
    if "headline" in brief:
        brief["headline"] = event_headline(brief["headline"], articles, event.title, lang, config)
    brief["content_version"] = version
    Brief.from_dict(brief)  # the shape brief/ and web/ share (records.py): drift fails here
    store.put_brief(event.id, lang, brief, len(event.article_ids))
    flight.version, flight.brief = version, brief
    return brief


def event_headline(headline: dict | None, articles: list[Article], title: str, lang: str,
                   config: Config = DEFAULT) -> dict | None:
    """The brief's headline for a reader of the title language is the event's own title
    (the one `tidings events`, the API, the front page and the digest list show), when it
    is one of its articles' titles: both are chosen by one rule (tidings.titles), but the
    event's over the clusterer's sample of members as they came, the brief's over all of
    them now, and one event must carry one name. A reader of another language gets a
    headline in that language."""
    if lang != config.title_lang or not (title or "").strip():
        return headline
    # A title chosen by an older clusterer (another language, a section name) that the
    # rule would not choose now is not carried over; the event is titled again as it grows.
    same = [a for a in articles if without_dateline(a.title or "")[:300] == without_dateline(title)[:300]
            and a.lang == lang and reads_as_headline(title)]
    if not same:
        return headline
    if headline is not None and any(a.id == headline.get("article") for a in same):
        return headline
    best = min(same, key=lambda a: (a.duplicate_of is not None, timeline_mod.order_key(a)))
    return summary_mod.headline_entry(best, lang)


def _rebuild(flight: _Flight, store: Any, event: Any, lang: str, version: str, config: Config,
             embedder: Any) -> None:
    try:
        _build(flight, store, event, lang, version, config, embedder)
    except Exception:
        # Readers keep the previous brief, marked stale; the failure is logged, not hidden.
        log.exception("rebuilding the brief of event %s (%s) failed", event.id, lang)
    finally:
        flight.lock.release()
