"""People, places and organisations of an event, merged across scripts and spellings.

Names arrive per article as Mentions with a cross-script key (tidings.understand.names).
Equal keys are one entity; near keys (Kremlin / Kremlinul, a possessive, a transliteration
that folds one letter apart) are merged by Jaro-Winkler similarity of the keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from tidings.clean.dates import weekday_of
from tidings.config import DEFAULT, Config
from tidings.records import Article, Features, Mention
from tidings.understand import gazetteer, scripts
from tidings.understand.names import (
    _FIRST_NAME_SET,
    _FIRST_NAMES,
    _ORG_HEADS,
    _ORG_WORDS,
    _PLACE_WORDS,
    DESIGNATORS,
    _is_title,
    _token_key,
    is_first_name,
    is_head_word,
    name_key,
    similar_keys,
)

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_HANGUL = re.compile(r"[\uAC00-\uD7AF\u1100-\u11FF\u3130-\u318F]")
# A brief looks thousands of its names up in its articles: by str.find, not by a pattern
# per name, as compiling those took a new event's brief a quarter of a second (and pushed
# every other pattern out of re's own cache, 512 patterns, to be compiled again).
def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what re's \w matches, character for character


def word_spans(s: str, text: str) -> list[tuple[int, int]]:
    r"""(start, end) of `s` as a whole word in `text`, left to right, none overlapping: what
    the pattern (?<!\w)s(?!\w) finds."""
    if not s:
        return [m.span() for m in re.finditer(r"(?<!\w)(?!\w)", text)]
    out = []
    i = text.find(s)
    while i >= 0:
        end = i + len(s)
        if (i == 0 or not _word_char(text[i - 1])) and (end == len(text) or not _word_char(text[end])):
            out.append((i, end))
            i = text.find(s, end)
        else:
            i = text.find(s, i + 1)
    return out


def plain_spans(s: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of `s` in `text`, left to right, none overlapping."""
    if not s:
        return [(i, i) for i in range(len(text) + 1)]
    out = []
    i = text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + len(s))
    return out


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’\-]*)")


def words_after(s: str, text: str) -> list[str]:
    r"""The word after each occurrence of `s` that starts a word and has one after it: what
    the pattern (?<!\w)s\s+([^\W\d_][\w'’\-]*) finds as its group."""
    out = []
    i = text.find(s)
    while i >= 0:
        m = _NEXT_WORD.match(text, i + len(s)) if i == 0 or not _word_char(text[i - 1]) else None
        if m is not None:
            out.append(m.group(1))
            i = text.find(s, m.end())
        else:
            i = text.find(s, i + 1)
    return out


_LATIN_ONLY = re.compile(r"^[A-Za-z\u00C0-\u024F\s'’.\-]+$")


@dataclass
class Entity:
    key: str
    keys: set[str] = field(default_factory=set)
    surfaces: Counter = field(default_factory=Counter)  # surface -> mentions
    surface_articles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)


def _merge_near_keys(keys: list[str], config: Config, devanagari: frozenset[str] | set[str] = frozenset(),
                     apart: tuple[set[str], set[str]] = (set(), set()),
                     arabic: frozenset[str] | set[str] = frozenset(),
                     hangul: frozenset[str] | set[str] = frozenset(),
                     nouns: frozenset[str] | set[str] = frozenset()) -> dict[str, str]:
    """Map every key to a representative, joining keys at least
    `entity_merge_similarity` alike. Short keys never merge: "ptn" and "pskv" are apart by
    one letter of a three-letter skeleton, so a fuzzy match there means nothing. A key of
    `nouns` (German nouns, `_noun_keys`) meets no other script's name by the loose
    Hangul or alef folds: Erdbeben "ardbn" is not 일본 "albn"."""
    # Most frequent first, so the representative is the common spelling.
    parent: dict[str, str] = {}
    reps: list[str] = []
    # A key is tried only against the representatives that could pass, in the order they
    # came, so the first that passes is the one a scan of them all finds: `_near` needs the
    # same first letter and both keys of one word or both of several, the alef and Hangul
    # folds an Arabic-script or Hangul key on one side. Comparing every key with every
    # representative was most of this function's time.
    by_start: dict[tuple[str, bool], list[int]] = defaultdict(list)
    folded: list[int] = []  # representatives in Arabic script or Hangul
    people, places = apart
    for k in keys:
        target = None
        bare = k.removesuffix(_PERSON_MARK)
        start = (bare[:1], " " in bare)
        tried = range(len(reps)) if k in arabic or k in hangul else sorted(by_start[start] + folded)
        for i in tried:
            r = reps[i]
            if (r in people and k in places) or (r in places and k in people):
                continue
            if _near(r.removesuffix(_PERSON_MARK), k.removesuffix(_PERSON_MARK), config, devanagari) \
                    or (r not in nouns and k not in nouns
                        and (_alef_apart(r, k, arabic) or _hangul_near(r, k, hangul))):
                target = r
                break
        if target is None:
            by_start[start].append(len(reps))
            if k in arabic or k in hangul:
                folded.append(len(reps))
            reps.append(k)
            parent[k] = k
        else:
            parent[k] = target
    return parent


# Korean writes no r/l, v/b or f/p contrast (프레보스트 "plbst" / Prevost "prvst").
_HANGUL_FOLD = str.maketrans({"r": "l", "v": "b", "f": "p"})


def _hangul_near(a: str, b: str, hangul: frozenset[str] | set[str]) -> bool:
    """A name read in Hangul and one in another script, one word each, whose keys meet
    once r/l, v/b and f/p are one letter: from four letters, equal or Jaro-Winkler 0.9
    (a letter more: 프란치스코 "plnksk" ~ Francisco "frnsk")."""
    if not ((a in hangul) ^ (b in hangul)) or " " in a or " " in b:
        return False
    fa, fb = a.removesuffix(_PERSON_MARK).translate(_HANGUL_FOLD), b.removesuffix(_PERSON_MARK).translate(_HANGUL_FOLD)
    if min(len(fa), len(fb)) < 4 or fa[0] != fb[0]:
        return False
    return fa == fb or similar_keys(fa, fb) >= 0.9


def _alef_apart(a: str, b: str, arabic: frozenset[str] | set[str]) -> bool:
    """Keys apart only by initial vowels that Arabic script does not write: an initial
    alef folds to no letter (اسحاق ڈار "sk dr" / Ishaq Dar "ask dr"). Word by word, each
    pair equal or equal but for the Latin side's leading "a", on the Arabic-script key's
    side only; names of two words or more, or a word of four letters left."""
    if not ((a in arabic) ^ (b in arabic)):
        return False
    ours, theirs = (a, b) if a in arabic else (b, a)
    ow, tw = ours.removesuffix(_PERSON_MARK).split(), theirs.removesuffix(_PERSON_MARK).split()
    if len(ow) != len(tw) or ours == theirs:
        return False
    if len(ow) == 1 and len(ow[0]) < 4:
        return False
    return all(x == y or (y.startswith("a") and y[1:] == x) for x, y in zip(ow, tw))


def _near(a: str, b: str, config: Config, devanagari: frozenset[str] | set[str]) -> bool:
    if a[0] != b[0] or (" " in a) != (" " in b):
        return False
    short, long_ = sorted((a, b), key=len)
    # A key one final letter short of another is the same name: Hindi transliterations
    # drop a final consonant (मॉस्को "msk" / Moscow "mskv"), languages cut stems (German
    # Kreml "krnl" / Kremlin "krnln"). On three letters only Devanagari is trusted.
    if (len(long_) == len(short) + 1 and long_.startswith(short)
            and len(short) >= (3 if short in devanagari else 4)):
        return True
    return (len(short) >= config.entity_merge_min_key
            and similar_keys(a, b) >= config.entity_merge_similarity)


# An acronym written with a small letter inside (MoD, AfD, DfE): keyed by its letters, as
# acronyms in capitals are, not by its consonants, which are a surname's (MoD / Modi "md").
_MIXED_ACRONYM = re.compile(r"(?=(?:.*[A-Z]){2})(?=.*[a-z])(?:[A-Z][a-z]?){2,3}")


def collect(articles: list[Article], features: dict[str, Features],
            config: Config = DEFAULT) -> tuple[list[Entity], dict[str, str]]:
    """Entities of the articles, and a map from every name key to its entity's key."""
    _spans.cache_clear()  # the last event's texts
    per_key_articles: dict[str, set[str]] = defaultdict(set)
    devanagari: set[str] = set()
    arabic: set[str] = set()
    hangul: set[str] = set()
    alias = _french_ch(articles, features)
    # A person's key may be a place's (Francis and France are "frns"): where one key holds
    # both people and gazetteer places, the people are an entity of their own.
    kinds_of: dict[str, set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)  # key -> last words of its people's names
    for a in articles:
        f = features.get(a.id)
        for m in (f.names if f else []):
            kinds_of[m.key].add(m.kind)
            if m.kind == "person":
                surnames[m.key].add(m.surface.split()[-1])
    shared = {k for k, ks in kinds_of.items() if "person" in ks and ks & {"place", "org"}}
    # Places of several words by their last word's key: "नई दिल्ली" (New Delhi) is read as
    # Delhi by the gazetteer, but where the event names New Delhi a name of two words that
    # ends in Delhi is New Delhi.
    longer_places: dict[str, set[str]] = defaultdict(set)
    for k, ks in kinds_of.items():
        if "place" in ks and len(k.split()) >= 2:
            longer_places[k.split()[-1]].add(k)

    def key_of(m: Mention) -> str:
        if _MIXED_ACRONYM.fullmatch(m.surface):
            return anyascii(m.surface).lower()
        # The person's side: a name the gazetteer does not know, or the surname of a
        # person named in full ("Rubio" of Marco Rubio, though a town is called so too).
        if m.key in shared and ((m.kind in ("person", "name") and gazetteer.lookup(m.surface) is None)
                                or m.surface in surnames[m.key]):
            return m.key + _PERSON_MARK
        words = m.surface.split()
        if m.kind != "person" and len(words) >= 2 and words[-1].casefold() in DESIGNATORS:
            # "Kunar Province" and "Nangarhar Province" are keyed by their last word, as a
            # person by the surname, so they met as one entry: a place's designator is no
            # surname, the words before it name the place (Kunar Province is Kunar).
            head = name_key(" ".join(words[:-1]))
            if head:
                return alias.get(head, head)
        if m.kind == "place" and m.key in longer_places:
            n = len(m.surface.split())
            fits = [k for k in longer_places[m.key] if n >= 2 and len(k.split()) == n]
            if len(fits) == 1:
                return fits[0]
        return alias.get(m.key, m.key)

    weights: dict[str, Counter] = defaultdict(Counter)
    for a in articles:
        f = features.get(a.id)
        for m in (f.names if f else []):
            if m.key:
                own = key_of(m)
                per_key_articles[own].add(a.id)
                weights[own]["place" if m.kind in ("place", "org") else m.kind] += m.count
                # (a gazetteer place's key is its English name's, not a transliteration's)
                if _DEVANAGARI.search(m.surface) and m.kind not in ("place", "org"):
                    devanagari.add(own)
                if _ARABIC.search(m.surface) and m.kind not in ("place", "org"):
                    arabic.add(own)
                if _HANGUL.search(m.surface) and m.kind not in ("place", "org"):
                    hangul.add(own)
    # People and gazetteer places never meet by a near key (Francisco "frnsk" / France "frns").
    people = {k for k, w in weights.items() if w["person"] > w["place"]}
    places = {k for k, w in weights.items() if w["place"] > w["person"] + w["name"]}
    ordered = sorted(per_key_articles, key=lambda k: (-len(per_key_articles[k]), k))
    parent = _merge_near_keys(ordered, config, devanagari, apart=(people, places), arabic=arabic,
                              hangul=hangul, nouns=_noun_keys(articles, features, key_of))
    # Keys read in another spelling point to their entity too (for quotes' speakers).
    for k, target in alias.items():
        if target in parent and k not in parent:
            parent[k] = parent[target]

    entities: dict[str, Entity] = {}
    for a in articles:
        f = features.get(a.id)
        for m in (f.names if f else []):
            if not m.key:
                continue
            own = key_of(m)
            rep = parent[own]
            e = entities.setdefault(rep, Entity(key=rep))
            e.keys.add(own)
            e.articles.add(a.id)
            e.kinds[m.kind] += m.count
            for surface in _forms(m.surface, m.key):
                e.surfaces[surface] += m.count
                e.surface_articles[surface].add(a.id)
    kept = tidy(_split_first_names(list(entities.values())), articles)
    alias = {k: e.key for e in kept for k in e.keys}
    return kept, {k: alias.get(rep, rep) for k, rep in parent.items()}


def speakers_apart(features: dict[str, Features], quotes: list[Any]) -> dict[str, Features]:
    """The features with each quoted person taken off a key it holds by sound alone.

    A name in a script without capitals is keyed by another article's name when their loose
    skeletons meet (scripts.loose_lexicon: 乔杜里, Chaudhry, takes the key of Kotli, a
    town); nothing but that key joins them. A quote's speaker is a person: where its name
    keys otherwise (name_key of its own surface) and no other name of the key is a person
    or speaks, the speaker keeps its own key, in the mentions and in its quotes (rewritten
    in place), and the town stays a place."""
    spoken = {(q.speaker, q.speaker_key) for q in quotes if q.speaker and q.speaker_key}
    kinds: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for f in features.values():
        for m in f.names:
            kinds[m.key][m.surface].add(m.kind)
    moved: dict[tuple[str, str], str] = {}
    for surface, key in spoken:
        own = name_key(surface)
        others = {s: ks for s, ks in kinds.get(key, {}).items() if s != surface}
        if not own or own == key or "person" not in kinds.get(key, {}).get(surface, set()) or not others \
                or gazetteer.lookup(surface) is not None:
            continue
        if any("person" in ks or (s, key) in spoken for s, ks in others.items()):
            continue  # the key names a person elsewhere too: the same one, spelt otherwise
        moved[(surface, key)] = own
    if not moved:
        return features
    for q in quotes:
        q.speaker_key = moved.get((q.speaker, q.speaker_key), q.speaker_key)
    return {aid: replace(f, names=[replace(m, key=moved.get((m.surface, m.key), m.key)) for m in f.names])
            for aid, f in features.items()}


def _noun_keys(articles: list[Article], features: dict[str, Features], key_of: Any) -> set[str]:
    """Keys read only from single words of articles in a noun-capitalising language, and
    written there as nouns are, after a determiner, a number or an adjective, at least half
    the times (`_after_a_modifier`): "ein starkes Erdbeben"."""
    lang_of = {a.id: a.lang or "und" for a in articles}
    text_of = {a.id: (a.text or "")[:20_000] for a in articles}
    surfaces: dict[str, set[tuple[str, str]]] = defaultdict(set)
    others: set[str] = set()
    for a in articles:
        f = features.get(a.id)
        for m in (f.names if f else []):
            if not m.key:
                continue
            k = key_of(m)
            if lang_of[a.id] in _NOUN_CAPITALISING and " " not in m.surface and not m.surface.isupper():
                surfaces[k].add((a.id, m.surface))
            else:
                others.add(k)
    out = set()
    for k, seen in surfaces.items():
        if k in others:
            continue
        befores = [text_of[aid][max(0, start - 60):start] for aid, s in seen
                   for start, _ in word_spans(s, text_of[aid])]
        if befores and 2 * sum(map(_after_a_modifier, befores)) >= len(befores):
            out.add(k)
    return out


def _french_ch(articles: list[Article], features: dict[str, Features]) -> dict[str, str]:
    """Keys to read as other keys: French and Portuguese write /ʃ/ as "ch" (Cachemire,
    Tchétchénie) where keys read "ch" as k. A name of such an article, unknown to the
    gazetteer, whose "ch" read as "sh" gives a key that another language's articles
    hold, is that name (Cachemire ~ Kashmir / Кашмир); its key, with whatever else has
    it (Spanish Cachemira), goes there."""
    held: dict[str, set[str]] = defaultdict(set)  # key -> languages
    for a in articles:
        f = features.get(a.id)
        for m in (f.names if f else []):
            held[m.key].add(a.lang or "und")
    out: dict[str, str] = {}
    for a in articles:
        if a.lang not in ("fr", "pt"):
            continue
        f = features.get(a.id)
        for m in (f.names if f else []):
            if "ch" not in m.surface.lower() or m.kind == "person" or gazetteer.lookup(m.surface) is not None:
                continue
            alt = name_key(re.sub(r"(?i)(?<!s)ch", lambda x: "Sh" if x.group()[0] == "C" else "sh", m.surface))
            if alt and alt != m.key and held.get(alt, set()) - {a.lang}:
                out[m.key] = alt
    return {k: v for k, v in out.items() if v not in out}


def _split_first_names(entities: list[Entity]) -> list[Entity]:
    """One surname with two different first names is two people (Shehbaz Sharif and
    Ahmed Sharif): keys are surnames, so they arrived as one entry. Full names are grouped
    by first name, known first names only (Andrii / Andrzej / Андрей are one, by near keys);
    the first names of the group named in the most articles keep the entry and the bare
    surname, every other group becomes an entry of its own."""
    out: list[Entity] = []
    for e in entities:
        out.append(e)
        if _kind(e) != "person":
            continue
        groups: list[tuple[str, list[str]]] = []
        for s in e.surfaces:
            words = re.split(r"[\s·・•]+", s.strip())
            if len(words) < 2 or not is_first_name(words[0]):
                continue
            fk = name_key(words[0])
            for gk, members in groups:
                if gk == fk or gk.startswith(fk) or fk.startswith(gk) or similar_keys(gk, fk) >= 0.8:
                    members.append(s)
                    break
            else:
                groups.append((fk, [s]))
        if len(groups) < 2:
            continue
        groups.sort(key=lambda g: -len(set().union(*(e.surface_articles[s] for s in g[1]))))
        for fk, members in groups[1:]:
            new = Entity(key=f"{fk} {e.key}")
            new.keys.add(new.key)
            for s in members:
                new.surfaces[s] = e.surfaces.pop(s)
                new.surface_articles[s] = e.surface_articles.pop(s)
                new.articles |= new.surface_articles[s]
            new.kinds["person"] = sum(new.surfaces.values())
            out.append(new)
        # The bare surname stays with the main entry, from its own articles only (_forms
        # wrote it for every full name).
        own = set().union(*(e.surface_articles[s] for s in e.surfaces if len(s.split()) > 1))
        for s in [s for s in e.surfaces if len(s.split()) == 1]:
            e.surface_articles[s] &= own
            if not e.surface_articles[s]:
                del e.surfaces[s], e.surface_articles[s]
        e.articles = set().union(*e.surface_articles.values())
    return out


# Appended to a key shared by a person and a place, for the person's entity.
_PERSON_MARK = "|person"


def _merge_into(target: Entity, e: Entity, surfaces: bool = True) -> None:
    target.keys |= e.keys
    target.articles |= e.articles
    target.kinds.update(e.kinds)
    if surfaces:
        for s, n in e.surfaces.items():
            target.surfaces[s] += n
            target.surface_articles[s] |= e.surface_articles[s]


def _one_surname(people: list[Entity]) -> bool:
    """Whether these entries' surnames are spellings of one name (Sibiga / Sybiha: at most
    two letters apart once folded to ASCII, same first letter)."""
    names = [anyascii(display_name(p).split()[-1]).lower() for p in people]
    return all(a[:1] == b[:1] and Levenshtein.distance(a, b) <= 2 for a in names for b in names)


def _cased(word: str) -> bool:
    return word[:1].isupper() and word[:1].lower() != word[:1]


def tidy(entities: list[Entity], articles: list[Article]) -> list[Entity]:
    """Entries built from fragments of names, across the event's articles:

    - a first name alone ("Andrii", "Ishaq") that begins the full name of exactly one
      other entity is that entity (of two or more: it is dropped, it names nobody);
    - a run that holds another entity's full name among extra words ("Başkanı Donald
      Trump Cumartesi": title and weekday glued on) is that entity, its run not kept;
    - a single capitalised word that the event's articles also write in lower case
      ("Total", "Images", "Estado") is a common word at a sentence start, not a name.
    """
    multi: list[tuple[list[str], Entity]] = []
    for e in entities:
        for s in e.surfaces:
            words = s.split()
            if len(words) > 1:
                multi.append(([w.casefold() for w in words], e))
    lower_words: set[str] = set()
    words_of: dict[str, set[str]] = {}  # article -> its words, folded: what the tests below look for
    for a in articles:
        words = set(re.findall(r"[^\W\d_]+", (a.text or "")[:20_000]))
        lower_words |= {w for w in words if w.islower()}
        words_of[a.id] = {w.casefold() for w in words}
    gone: set[int] = set()
    by_surface = {s: e for e in entities for s in e.surfaces}
    by_words: dict[tuple[str, ...], list[Entity]] = defaultdict(list)
    by_first: dict[str, list[Entity]] = defaultdict(list)  # first word -> entities of full names
    for words, t in multi:
        by_words[tuple(words)].append(t)
        by_first[words[0]].append(t)
    by_id = {id(e): e for e in entities}
    order = {i: n for n, i in enumerate(by_id)}
    text_of = {a.id: (a.text or "")[:20_000] for a in articles}
    for e in entities:
        surfaces = list(e.surfaces)
        if not surfaces:
            continue
        if all(len(s.split()) == 1 for s in surfaces):
            # "Andrii" always written just before "Sibiga": the first half of one name
            # that the extractor cut in two.
            followers: set[int] = set()
            seen = 0
            for aid in e.articles:
                for s in surfaces:
                    for word in words_after(s, text_of.get(aid, "")):
                        seen += 1
                        nxt = by_surface.get(word)
                        followers.add(id(nxt) if nxt is not None and nxt is not e else 0)
            # (only where they may decide below; in the entries' order, which breaks ties)
            people = {i: by_id[i] for i in sorted(followers, key=order.__getitem__)
                      if _kind(by_id[i]) in ("person", "name")} if seen and 0 not in followers else {}
            # A first name mistaken for a place ("Andrii") counts when a person follows.
            first_name = _kind(e) in ("person", "name") or all(_kind(t) == "person" for t in people.values())
            if seen and 0 not in followers and first_name and people \
                    and len(people) == len(followers) and _one_surname(list(people.values())):
                # "Andrii Sibiga" and "Andrii Sybiha": one first name before two spellings
                # of one surname is one person.
                keep = max(people.values(), key=lambda t: len(t.articles))
                for t in people.values():
                    if t is not keep and id(t) not in gone:
                        _merge_into(keep, t)
                        gone.add(id(t))
                _merge_into(keep, e)
                gone.add(id(e))
                continue
            firsts = {id(t): t for s in surfaces for t in by_first.get(s.casefold(), ())
                      if t is not e and _kind(t) == "person"}
            if len(firsts) == 1:
                _merge_into(next(iter(firsts.values())), e)
                gone.add(id(e))
                continue
            if len(firsts) > 1:
                gone.add(id(e))
                continue
            if all(_cased(s) and s.casefold() in lower_words for s in surfaces):
                gone.add(id(e))
                continue
        elif all(len(s.split()) > 1 for s in surfaces):
            # Another entity's full name inside every surface of e, with more words around.
            runs = [tuple(w.casefold() for w in s.split()) for s in surfaces]
            inner = set.intersection(*({r[i:j] for i in range(len(r)) for j in range(i + 2, len(r) + 1)
                                        if j - i < len(r)} for r in runs))
            host = next((t for words in sorted(inner, key=len, reverse=True)
                         for t in by_words.get(words, []) if t is not e and id(t) not in gone), None)
            if host is not None:
                _merge_into(host, e, surfaces=False)
                gone.add(id(e))
    # The outlet's own name in its page ("Add Metro Ledger as a Preferred Source") is site
    # furniture, not a party to the event.
    outlets = {_fold(x) for a in articles for x in (a.source, _host(a.url)) if x}
    outlets = {o for o in outlets if len(o) >= 5}
    outlet_starts = {o[:i] for o in outlets for i in range(5, len(o) + 1)}
    for e in entities:
        if id(e) not in gone and any(_is_outlet(s, outlets, outlet_starts) for s in e.surfaces):
            gone.add(id(e))
    _institutions_of_places(entities, text_of)
    entities = _lower_case_heads(entities, text_of, {aid for aid, w in words_of.items() if w & _PLACE_WORDS})
    entities = _head_and_adjective(entities, articles, text_of)
    longer: dict[str, list[str]] = defaultdict(list)  # article -> names of several words in it
    for e in entities:
        if id(e) in gone:
            continue
        for s, aids in e.surface_articles.items():
            if " " in s:
                for aid in aids:
                    longer[aid].append(s)
    stems = _place_stems(entities)
    # The articles where an operation word or a credit line occurs at all: the tests
    # below read occurrences only there.
    op_text = {aid: t for aid, t in text_of.items() if words_of[aid] & _OPERATION_WORDS}
    # Titles too: a photo credit ("Фото: Getty Images") is often only there.
    titled = {a.id: f"{a.title or ''}\n{text_of[a.id]}" for a in articles
              if _CREDIT_CUE.search(a.title or "")
              or (words_of[a.id] & _CREDIT_TOKENS and _CREDIT_CUE.search(text_of[a.id]))
              or _has_credit_line(f"{a.title or ''}\n{text_of[a.id]}")}
    lang_of = {a.id: a.lang or "und" for a in articles}
    for e in entities:
        if id(e) not in gone and (_operation(e, op_text) or _portfolio(e, text_of, longer)
                                  or _demonym(e, stems) or _phrase(e, lower_words)
                                  or _credit(e, titled) or _post(e, text_of) or _stripped_once(e)
                                  or _honorific(e) or _event_noun(e) or _sign_off(e, text_of)
                                  or _common_acronym(e) or _turkish_modifiers(e, lang_of)
                                  or _cut_cjk_name(e, text_of) or _arabic_description(e)
                                  or _nisba_place(e, lang_of) or _arabic_phrase(e)):
            gone.add(id(e))
    gone |= _quoted_phrases([e for e in entities if id(e) not in gone], text_of)
    gone |= _overlapping_readings([e for e in entities if id(e) not in gone], text_of)
    _nouns_after_articles([e for e in entities if id(e) not in gone], text_of, lang_of)
    kept = _german_name_and_noun(_titles_before_names([e for e in entities if id(e) not in gone and e.surfaces]),
                                 lang_of)
    kept = _cjk_names_made_whole(_cjk_first_names(kept, text_of), text_of)
    kept = _halves(kept, text_of, longer)
    kept = _context_evidence(kept, text_of, lang_of, articles)
    _acronyms_with_their_word(kept, text_of)
    kept = _acronyms_spelt_out(kept, text_of)
    _media_by_their_verb(kept, {aid: t for aid, t in text_of.items() if words_of[aid] & _MEDIA_TOKENS})
    _places_by_their_context(kept, text_of)
    _places_joined_by_and(kept, text_of)
    kept += _unread_names(kept, text_of)
    kept += _unread_institutions(kept, articles, text_of)
    kept = _places_with_a_word_before(kept)
    _hungarian_remits(kept, text_of, lang_of)
    kept = _regnal_and_birth_names(_same_people(kept), text_of)
    _titled_forms(kept, text_of)
    kept = _cyrillic_spellings(_translated_things(_same_things(kept, lang_of), lang_of), lang_of)
    return _translated_institutions(kept, lang_of)


def _context_evidence(entities: list[Entity], text_of: dict[str, str], lang_of: dict[str, str],
                      articles: list[Article]) -> list[Entity]:
    """Kinds, splits and merges read from the words around names, and the articles'
    authors (`entity_context`)."""
    from tidings.brief import entity_context as C  # (it reads this module's helpers)

    entities = C.authors(C.names_before_full_names(entities, text_of), articles)
    C.people_after_titles(entities, text_of, lang_of)
    C.facilities(entities)
    C.english_kinds_by_cue(entities, text_of, lang_of)
    C.kinds_by_cue_words(entities, text_of, lang_of)
    entities = C.forces_of_places(C.sources_named_after_places(entities, text_of, lang_of), text_of, lang_of)
    entities = C.credited_sources(C.institutions_of_countries(entities, text_of, lang_of), text_of, articles)
    entities = C.korean_places_before_their_time(C.chinese_places_by_their_unit(entities, text_of, lang_of),
                                                 text_of, lang_of)
    entities = C.places_read_without_their_first_word(entities, text_of)
    return C.acronyms_of_one_post(entities, text_of, lang_of)


_HEAD_CONNECTORS = frozenset("of de di da do del della des du dos das".split())


def _lower_case_heads(entities: list[Entity], text_of: dict[str, str], with_heads: set[str]) -> list[Entity]:
    """A place written after its head word in lower case, as most languages do ("la place
    Saint-Pierre", "la basilique Saint-Pierre", "basilica di San Pietro", "the river
    Tiber"), is named with the head: the bare name is another thing (the saint, the
    river's city). Each head gives an entry of its own; the bare entry stays only if the
    name also occurs without a head."""
    out: list[Entity] = []
    for e in entities:
        headed: dict[str, Entity] = {}
        bare = 0
        if not e.articles & with_heads:
            out.append(e)
            continue
        by_article: dict[str, list[str]] = defaultdict(list)
        for s in sorted(e.surfaces, key=len, reverse=True):  # a surname inside a full name: one
            for aid in e.surface_articles[s]:
                by_article[aid].append(s)
        for aid, surfaces in by_article.items():
            text = text_of.get(aid, "")
            if aid not in with_heads:
                bare += 1
                continue
            mine: list[tuple[int, int]] = []
            for s in surfaces:
                if not _cased(s):
                    bare += 1
                    continue
                for start, end in word_spans(s, text):
                    if any(x <= start and end <= y for x, y in mine):
                        continue
                    mine.append((start, end))
                    # (on the name's line: a title's last word is no head of the text's first,
                    # "second place" / "Germany's")
                    window = text[max(0, start - 40):start].rsplit("\n", 1)[-1]
                    words = window.split() if window[-1:].isspace() else []
                    conn = words.pop() if len(words) >= 2 and words[-1] in _HEAD_CONNECTORS else ""
                    head = words[-1] if words else ""
                    if not (head.islower() and head in _PLACE_WORDS):
                        bare += 1
                        continue
                    phrase = f"{head} {conn} {s}" if conn else f"{head} {s}"
                    t = headed.setdefault(phrase.casefold(), Entity(key=name_key(phrase)))
                    t.keys.add(t.key)
                    t.surfaces[phrase] += 1
                    t.surface_articles[phrase].add(aid)
                    t.articles.add(aid)
                    t.kinds["place"] += 1
        if bare or not headed:
            out.append(e)
        out.extend(headed.values())
    return out


# Languages that put the adjective after the noun and write an institution's name with
# one capital: "Collegio cardinalizio", "Garde suisse", "Iglesia católica".
_ADJECTIVE_AFTER = frozenset("fr it es pt ro ca".split())
_ADJECTIVE_ENDINGS = ("ale", "ali", "ano", "ana", "ani", "ane", "ese", "esi", "ico", "ica", "ici", "iche",
                      "ique", "iques", "ario", "aria", "ari", "izio", "izia", "ista", "iste", "ense", "ino",
                      "ina", "ivo", "iva", "ais", "aise", "aine", "ien", "ienne", "aux", "eo", "ea",
                      "isse", "ola", "esc", "ească", "ean")


_HEAD_THEN_WORD = re.compile(r"(?<![\w\-])(" + "|".join(sorted((re.escape(w.capitalize()) for w in _ORG_HEADS),
                                                                  key=len, reverse=True))
                             + r")(?=\s+([^\W\d_]{5,})(?![\w\-]))")


def _head_and_adjective(entities: list[Entity], articles: list[Article], text_of: dict[str, str]) -> list[Entity]:
    """Institutions named by a capitalised head word and a lower-case adjective, as the
    Romance languages write them (Collegio cardinalizio, Garde suisse, Chiesa cattolica):
    the extractor drops a head word alone, so these arrive as nothing. Each becomes an
    entry, or a spelling of the thing whose distinctive word the adjective is (Chiesa
    cattolica of Igreja Católica)."""
    by_word: dict[str, Entity] = {}
    for e in entities:
        if _kind(e) != "person":
            for k in _distinctive_words(e):
                by_word.setdefault(k, e)
    new: dict[str, Entity] = {}
    for a in articles:
        if a.lang not in _ADJECTIVE_AFTER:
            continue
        for m in _HEAD_THEN_WORD.finditer(text_of.get(a.id, "")):
            head, adjective = m.groups()
            if not (_cased(head) and head[1:].islower() and head.lower() in _ORG_HEADS
                    and adjective.islower() and adjective.endswith(_ADJECTIVE_ENDINGS)):
                continue
            phrase = f"{head} {adjective}"  # (one space, whatever the text has)
            t = by_word.get(name_key(adjective)) or new.setdefault(phrase.casefold(), Entity(key=name_key(phrase)))
            t.keys.add(name_key(phrase))
            t.surfaces[phrase] += 1
            t.surface_articles[phrase].add(a.id)
            t.articles.add(a.id)
            t.kinds["org"] += 1
    return entities + list(new.values())


def _institutions_of_places(entities: list[Entity], text_of: dict[str, str]) -> None:
    """An institution's name always followed by a connector and one capitalised word is
    named with it (Chiesa Suburbicaria di Albano, Diocese of Chiclayo): the extractor ends a
    name before a place after "of". Names with an institution's head word only."""
    for e in entities:
        if _kind(e) == "person" or not e.surfaces:
            continue
        if not all(len(s.split()) > 1 and any(w.lower() in _INSTITUTION_HEADS for w in s.split()) for s in e.surfaces):
            continue
        tails = {m.group(1) if m else None for m in (
            re.match(r"\s+((?:of|de|di|da|do|del|della|des|du|von|dos|das)\s+[^\W\d_][\w\-]*)(?![\w\-])", after)
            for _, _, after in _occurrences(e, text_of))}
        tail = next(iter(tails)) if len(tails) == 1 else None
        if tail is None or not _cased(tail.split()[-1]):
            continue
        for s in list(e.surfaces):
            whole = f"{s} {tail}"
            e.surfaces[whole] += e.surfaces.pop(s)
            e.surface_articles[whole] |= e.surface_articles.pop(s)


def _halves(entities: list[Entity], text_of: dict[str, str], longer: dict[str, list[str]]) -> list[Entity]:
    """Parts of longer names, across the event:

    - a word always written after the same word, the two being another entry's name
      ("Habemus Papam", where the first word was taken for a sentence start), is that
      entry;
    - a word always written before a connector and a name with which the gazetteer knows
      it as one place, or a word for a kind of place before an event's place ("Ciudad" of
      Ciudad del Vaticano), is that place, the whole phrase its spelling;
    - a name (no person's) that only ever occurs inside other entries' longer names
      (Albano of Chiesa Suburbicaria di Albano) is theirs, not an entry."""
    by_form: dict[str, Entity] = {}
    for e in entities:
        for s in e.surfaces:
            if " " in s:
                by_form.setdefault(s.casefold(), e)
    by_key = {k: e for e in entities for k in e.keys}
    gone: set[int] = set()
    for e in entities:
        if not e.surfaces or any(" " in s for s in e.surfaces):
            continue
        # Occurrences outside other entries' longer names (one scan serves every test).
        inside: list[tuple[str, str, str]] = []
        seen = _occurrences(e, text_of, longer, inside=inside)
        if not seen:
            if inside and _kind(e) != "person":
                gone.add(id(e))
            continue
        firsts = {(m.group(1).casefold() if m else "") for m in (re.search(r"(?<![\w\-])([^\W\d_][\w\-]*) $", b) for b, _, _ in seen)}
        hosts = {id(t): t for t in (by_form.get(f"{w} {s}".casefold()) for w in firsts for s in e.surfaces)
                 if t is not None and t is not e}
        if len(firsts) == 1 and "" not in firsts and len(hosts) == 1:
            _merge_into(next(iter(hosts.values())), e, surfaces=False)
            gone.add(id(e))
            continue
        phrases = {(s, m.group(1) if m else "") for b, s, a in seen
                   for m in [re.match(r"( (?:of|de|di|da|do|del|della|des|du|dos|das) [^\W\d_][\w\-]*)(?![\w\-])", a)]}
        if len(phrases) == 1:
            s, tail = next(iter(phrases))
            place = gazetteer.lookup(s + tail) if tail else None
            known = place is not None and place.is_place
            # A word for a kind of place before a place of the event ("Ciudad del Vaticano"
            # where the event names the Vatican) is that place too, known or not.
            t = by_key.get(name_key(s + tail)) if tail and (known or s.casefold() in _PLACE_TYPES) else None
            if t is not None and not known and _kind(t) != "place":
                t = None
            if t is not None and t is not e:
                _merge_into(t, e, surfaces=False)
                t.surfaces[s + tail] += e.surfaces[s]
                t.surface_articles[s + tail] |= e.surface_articles[s]
                gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


_INSTITUTION_HEADS = frozenset(w for w in (_ORG_HEADS | _ORG_WORDS) if len(w) > 3)


def _phrase(e: Entity, lower_words: set[str]) -> bool:
    """Ordinary words capitalised for emphasis ("using Common Sense and Great
    Intelligence"): an untyped name of several words, each of them written in lower case
    in the event's articles, none a head word or place, in one article only. (A known
    first name would have typed it a person: "Sense" folds like a first name's key.)"""
    multi = [s for s in e.surfaces if len(s.split()) > 1]
    if _kind(e) != "name" or not multi or len(set().union(*(e.surface_articles[s] for s in multi))) != 1:
        return False
    return all(w in _CONNECTOR_WORDS or (w.casefold() in lower_words and not is_head_word(w)
                                         and gazetteer.lookup(w) is None)
               for s in multi for w in s.split())


# Forms of address and epithets (Holy Father, Ojciec Święty, Sua Santità, His Holiness):
# they stand for a person without naming one; folded to ASCII.
_HONORIFIC_WORDS = frozenset("""
holy his her their your father holiness majesty excellency eminence highness grace
santo santa sua su vostra santita santidad padre beatissimo sumo
saint sainte pere saintete sa son eminence excellence majeste
heiliger heilige vater seine heiligkeit
ojciec swiety jego swiatobliwosc
svaty otec jeho svatost
szentatya szent atya
sfantul parinte sanctitatea sa
sviatoi otets sviateishii sviateishestvo ego
""".split())
_HONORIFIC_NOUNS = frozenset("""
father holiness majesty excellency eminence highness padre santita santidad pere saintete majeste
vater heiligkeit ojciec swiatobliwosc otec svatost szentatya atya parinte sanctitatea otets
sviateishestvo
""".split())


def _honorific(e: Entity) -> bool:
    """A form of address, not a name: every word of every spelling is a word of address
    and one spelling holds a noun of one (Father, Santità, Ojciec; "Święty" alone is
    the same entry's cut form)."""
    words = [[w for w in re.split(r"[\s\-‐]+", anyascii(s).lower().replace("'", "")) if w] for s in e.surfaces]
    return bool(words) and all(ws and all(w in _HONORIFIC_WORDS for w in ws) for ws in words) \
        and any(set(ws) & _HONORIFIC_NOUNS for ws in words)


# Kinds of happening capitalised by custom or position (el Cónclave, the Summit): the
# event itself, not a party to it; folded to ASCII.
_EVENT_NOUNS = frozenset("""
conclave conclavi conclaves konklave konklawe konklawy konklavet konklaven
konklav konklava konklavu konklaaf konklaf
summit cumbre cimeira vertice sommet gipfel szczyt csucs zirve
ceasefire truce armistice cessez tregua waffenstillstand waffenruhe rozejm fegyverszunet ateskes
election elections eleccion elecciones eleicao eleicoes elezione elezioni wahl wahlen wybory
referendum referendo
""".split())


# A war is a happening however it is named ("Seconde Guerre mondiale", "World War II").
_WAR_WORDS = frozenset("war wars guerre guerra krieg wojna wojny wojnie voyna voyny voyne viyna viyni savas savasi "
                       "haboru razboi razboiul oorlog".split())


def _event_noun(e: Entity) -> bool:
    """A word for a kind of happening (Cónclave, Summit, Waffenruhe) in every spelling,
    one word each, or a war's name: what happened, not who or where."""
    return bool(e.surfaces) and all(" " not in s and anyascii(s).lower() in _EVENT_NOUNS
                                    or _war(s) for s in e.surfaces)


def _war(s: str) -> bool:
    # (an institution's or a building's name holds a war word too: War Office, War Museum)
    words = set(anyascii(s).lower().replace("'", "").split())
    return bool(words & _WAR_WORDS) and not words & (_ORG_HEADS | _ORG_WORDS | _PLACE_WORDS)


# Acronyms of common nouns, written in capitals but naming a kind of thing: the media
# (СМИ, ЗМІ), gross domestic product (GDP, PIB, BIP, ВВП, PKB), a chief executive (CEO).
_COMMON_ACRONYMS = frozenset("""
СМИ ЗМІ СМІ ВВП ВНП GDP GNP PIB BIP PKB ΑΕΠ CEO CFO MP MPs PM ВПК ДТП ЧП
""".split())


def _common_acronym(e: Entity) -> bool:
    """An acronym of a common noun in every spelling (СМИ, "the media"): no party."""
    return bool(e.surfaces) and all(s in _COMMON_ACRONYMS for s in e.surfaces)


# Turkish endings that make adjectives and adverbs of nouns ("sağduyu-lu" with good sense,
# "akıllı-ca" wisely, "umut-suz" hopeless): a word with one says how, it names nothing.
_TURKISH_MODIFIER_ENDINGS = ("lı", "li", "lu", "lü", "ca", "ce", "ça", "çe", "sız", "siz", "suz", "süz")


# Arabic-script nouns of institutions ("government", "ministry", "authority",
# "administration", "council", "committee", "office") and "باسم" ("on behalf of", also a
# first name): after a title ("المتحدث باسم حكومة ...", the spokesman for the government
# of ...) the name reader takes them for a person's name.
_AR_INSTITUTION_NOUNS = frozenset("""
حكومة الحكومة وزارة الوزارة هيئة الهيئة إدارة الإدارة مجلس المجلس لجنة اللجنة رئاسة مكتب المكتب
دائرة مديرية سلطة السلطة جهاز قيادة حکومت وزارت اداره سازمان
""".split())
_AR_ON_BEHALF = frozenset("باسم".split())


# Words no Arabic name begins with: prepositions, the months (both calendars' names), and
# nouns that stand before names ("حزب", party; "حالة", state of).
_AR_NOT_NAME_STARTS = frozenset("""
في من إلى الى على عن مع بعد قبل خلال حول منذ عند لدى ضد بين تحت فوق حتى أمام وراء نحو
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
حزب حالة
""".split())
# Possessive pronouns joined to a noun ("ولايته", his term; "ماليته", its finances): a
# name takes none.
_AR_POSSESSIVE = re.compile(r"(?:ته|تها|تهم|تهما|تنا)$")


def _arabic_phrase(e: Entity) -> bool:
    """A person or untyped entry of Arabic script whose every spelling begins with a word
    no name begins with, or with a noun carrying a possessive pronoun: "في السادس" (on
    the sixth), "تشرين الثاني" (November), "ولايته أولاف" (his term, Olaf)."""
    if _kind(e) not in ("person", "name") or not e.surfaces:
        return False
    firsts = [s.split()[0] for s in e.surfaces]
    return all(_ARABIC_WORD.match(w) and (w in _AR_NOT_NAME_STARTS or bool(_AR_POSSESSIVE.search(w)))
               for w in firsts)


def _arabic_description(e: Entity) -> bool:
    """Every spelling made of institution nouns, perhaps after "باسم": "باسم حكومة" (on
    behalf of the government), "هيئة إدارة" (the authority for managing): the words
    between a title and the institution's or the person's name, no name."""
    words = [s.split() for s in e.surfaces]
    return bool(words) and all(ws and all(w in _AR_INSTITUTION_NOUNS or w in _AR_ON_BEHALF for w in ws)
                               and any(w in _AR_INSTITUTION_NOUNS for w in ws) for ws in words)


_ARABIC_WORD = re.compile(r"^[\u0600-\u06FF]+$")
_ARABIC_SCRIPT_LANGS = frozenset("ar fa ps ur ku ckb sd ug".split())


def _nisba_place(e: Entity, lang_of: dict[str, str]) -> bool:
    """A gazetteer place read only from one Arabic-script word ending in ي or ی, in an
    event that other scripts report too: the ending makes adjectives of nouns (مال, money:
    مالي / مالی, financial), so the word is mostly the adjective, and a place the event is
    about would be named in the other scripts' articles as well ("Mali" of "کمک مالی",
    financial aid)."""
    if _kind(e) != "place" or not e.surfaces:
        return False
    if not all(_ARABIC_WORD.match(s) and s[-1] in "يی" for s in e.surfaces):
        return False
    if any(lang_of.get(a) not in _ARABIC_SCRIPT_LANGS for a in e.articles):
        return False
    others = sum(1 for lang in lang_of.values() if lang not in _ARABIC_SCRIPT_LANGS)
    return others >= len(lang_of) - others


# Definite articles, bare and joined to a preposition, of languages that put none before a
# person's name: the capitalised word after one is a noun ("la casa del Padre", the
# Father's house), a place or an institution, not a person.
_ROMANCE_ARTICLES = frozenset("""
el la los las del al lo il gli le della dello dei degli delle alla allo ai agli alle nel nella
nello nei negli nelle sul sulla dal dalla o os as do da dos das no na nos nas ao aos à às
""".split())
_ROMANCE = frozenset("es it pt ca gl".split())


def _nouns_after_articles(entities: list[Entity], text_of: dict[str, str], lang_of: dict[str, str]) -> None:
    """Take out of a person's entry a one-word spelling that every occurrence writes after
    a definite article in a language that puts none before names ("del Padre" joined
    Pedro by their key "pdr"); an entry left with no spelling goes."""
    for e in entities:
        if _kind(e) != "person":
            continue
        for s in [s for s in e.surfaces if " " not in s and len(e.surfaces) > 0]:
            aids = [a for a in e.surface_articles[s] if a in text_of]
            if not aids or any(lang_of.get(a) not in _ROMANCE for a in aids):
                continue
            befores = [text_of[a][max(0, start - 30):start] for a in aids
                       for start, _ in word_spans(s, text_of[a])]
            lasts = [re.search(r"(\S+)[ \t]+$", b) for b in befores]
            if befores and all(m is not None and m.group(1) in _ROMANCE_ARTICLES for m in lasts):
                del e.surfaces[s]
                e.surface_articles.pop(s, None)
                e.articles = set().union(*e.surface_articles.values()) if e.surface_articles else set()


def _turkish_modifiers(e: Entity, lang_of: dict[str, str]) -> bool:
    """Words capitalised for emphasis in Turkish ("Sağduyulu Akıllıca davrandıkları için",
    with good sense and wisely): an untyped name of several words, of Turkish articles
    only, each word a modifier by its ending, none a first name, a known place or a
    surname in -oğlu."""
    if _kind(e) != "name" or not {lang_of.get(a, "und") for a in e.articles} <= {"tr", "az"}:
        return False
    multi = [s for s in e.surfaces if len(s.split()) > 1]
    return bool(multi) and all(
        w.lower().endswith(_TURKISH_MODIFIER_ENDINGS) and not w.lower().endswith(("oğlu", "oglu"))
        and not is_first_name(w) and gazetteer.lookup(w) is None
        for s in multi for w in s.split())


def _sign_off(e: Entity, text_of: dict[str, str]) -> bool:
    """Initials in parentheses that end an article ("... Paus Fransiskus. (RWP)"): the
    writer's or the desk's sign-off, site furniture. Every occurrence is one."""
    if not all(s.isupper() and " " not in s and 2 <= len(s) <= 5 for s in e.surfaces):
        return False
    seen = _occurrences(e, text_of)
    return bool(seen) and all(before.endswith("(") and after.startswith(")") and len(after) < 30
                              and not after[1:].strip(" .\n\t") for before, _, after in seen)


# Words before a credit line's name: the photo agency or source of a picture is site
# furniture, not a party to the event.
_CREDIT_WORDS = (r"(?i)(?:photo|foto|fotó|fotoğraf|фото|image|images|picture|credit|crédit|crédito|bild|"
                 r"source|источник|джерело|kaynak)\s*:")
_CREDIT = re.compile(_CREDIT_WORDS + r"\s*(?:[^\W\d_][\w\-]*\s+){0,3}$")
_CREDIT_CUE = re.compile(_CREDIT_WORDS)
_CREDIT_TOKENS = frozenset(re.findall(r"[^\W\d_]+", _CREDIT_WORDS.split("(?:", 1)[1].split(")", 1)[0]))


# A picture's credit as a line of its own, photographer and agencies joined by slashes or
# "via" ("Anna Berg / Picture Alliance via Getty Images", "Foto: Anna Berg / Picture
# Alliance / dpa"): names only, capitalised, or an agency's lower-case acronym after a
# slash (dpa, epa). A sentence has lower-case words and punctuation a credit has not.
_CREDIT_NAME = r"[A-ZÀ-ÞА-ЯЁІЇЄ][^\W\d_]*(?:[.\-'’][^\W\d_]+)*\.?"
_CREDIT_PART = rf"{_CREDIT_NAME}(?:[ \t]+{_CREDIT_NAME}){{0,4}}"
_CREDIT_LINE = re.compile(
    rf"[ \t]*(?:(?i:{_CREDIT_WORDS.removeprefix('(?i)')})[ \t]*)?{_CREDIT_PART}"
    rf"(?:[ \t]*/[ \t]*(?:{_CREDIT_PART}|[a-z]{{2,4}})|[ \t]+via[ \t]+{_CREDIT_PART})+[ \t.]*")
_CONTEXT_BEFORE, _CONTEXT_AFTER = 60, 40  # what `_occurrences` gives around a name


def _credit_line(before: str, s: str, after: str) -> bool:
    """Whether the line this occurrence stands on, whole within the context, is a credit."""
    head, tail = before.rsplit("\n", 1), after.split("\n", 1)
    if len(head) == 1 and len(before) >= _CONTEXT_BEFORE or len(tail) == 1 and len(after) >= _CONTEXT_AFTER:
        return False
    return bool(_CREDIT_LINE.fullmatch(head[-1] + s + tail[0]))


def _has_credit_line(text: str) -> bool:
    return any(_CREDIT_LINE.fullmatch(line) for line in text.splitlines() if "/" in line or " via " in line)


def _credit(e: Entity, titled: dict[str, str]) -> bool:
    """Named only in credit lines ("Фото: Getty Images", "Photo: Reuters", "Anna Berg /
    Picture Alliance via Getty Images")."""
    if not e.articles <= titled.keys():
        return False
    seen = _occurrences(e, titled)
    return bool(seen) and all(_CREDIT.search(before.rsplit("\n", 1)[-1]) or _credit_line(before, s, after)
                              for before, s, after in seen)


def _post(e: Entity, text_of: dict[str, str]) -> bool:
    """An acronym the text spells out as a post ("Director General of Military Operations
    (DGMO)", "National Security Adviser (NSA)"): the expansion's initials make the
    acronym and its first or last word is a title. A post is held by a person; it is
    not an organisation."""
    if not all(s.isupper() and " " not in s and 2 <= len(s) <= 6 for s in e.surfaces):
        return False
    for before, s, after in _occurrences(e, text_of):
        if not (before.endswith("(") and after.startswith(")")):
            continue
        words = re.findall(r"[^\W\d_][\w\-]*", before)
        capitals = [w for w in words if w[:1].isupper()]
        expansion = capitals[-len(s):]
        if len(expansion) == len(s) and "".join(w[0] for w in expansion).upper() == s.upper() \
                and any(_is_title(w.casefold()) or w.casefold() in _POST_WORDS for w in (expansion[0], expansion[-1])):
            return True
    return False


# Words that name a post, beside the titles that precede names.
_POST_WORDS = frozenset("director directeur directora direktor commander commandant officer head "
                        "chairman chairwoman chairperson coordinator inspector controller".split())


_CASED_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]")


def _stripped_once(e: Entity) -> bool:
    """A place read in a script without capitals only once its clitics were stripped
    (Arabic باللوم "with the blame" -> لوم, Lomé), in one article and no other language:
    a common word that happens to spell a place. A place of the event is named again."""
    if _kind(e) != "place" or len(e.articles) != 1:
        return False
    return all(not _CASED_LETTER.search(s) and not _DEVANAGARI.search(s) and gazetteer.lookup(s) is None
               for s in e.surfaces)


def _place_stems(entities: list[Entity]) -> set[str]:
    """The event's place names of one word, folded, without a final vowel (Amerika ->
    "amerik", Ukraine -> "ukrain"): what a demonym is made of."""
    out = set()
    for e in entities:
        if _kind(e) != "place":
            continue
        for s in e.surfaces:
            f = _fold(s)
            if " " not in s and f.isalpha() and len(f) >= 5:
                out.add(f[:-1] if f[-1] in "aeiouy" else f)
    return {x for x in out if len(x) >= 4}


def _demonym(e: Entity, stems: set[str]) -> bool:
    """A people's or a language's name, not an entity: an untyped entry whose words,
    most of them, are one of the event's places with an ending of one to five letters
    (Amerikanong, US-Amerikaner next to Amerika; Ukrainians next to Ukraine)."""
    if _kind(e) != "name" or not e.surfaces or any(len(s.split()) > 1 for s in e.surfaces):
        return False

    def of_place(s: str) -> bool:
        f = _fold(re.split(r"[\-‐]", s)[-1])
        return not is_first_name(s) and any(f.startswith(x) and 1 <= len(f) - len(x) <= 5 for x in stems)
    return 2 * sum(map(of_place, e.surfaces)) >= len(e.surfaces)


@lru_cache(maxsize=65_536)
def _spans(s: str, text: str, whole_word: bool) -> tuple[tuple[int, int], ...]:
    """Where `s` stands in `text`: a brief asks this of one surface and article several
    times (each test of an entity reads its occurrences again). `collect` empties the
    cache, so it holds one event's texts at most."""
    return tuple(word_spans(s, text) if whole_word else plain_spans(s, text))


def _occurrences(e: Entity, text_of: dict[str, str], others: dict[str, list[str]] | None = None,
                 everywhere: bool = False, inside: list[tuple[str, str, str]] | None = None,
                 ) -> list[tuple[str, str, str]]:
    """(text before, surface, text after) of every whole-word occurrence of e's surfaces;
    a surname inside a full name of e ("Affairs" of "External Affairs") is one occurrence,
    and one inside another entity's longer name (`others`, by article: "Dışişleri" of
    "Hindistan Dışişleri Bakanlığı") is that entity's, not e's. `everywhere`: an article
    missing from `text_of` still counts its occurrences, as text nobody looked at ("").
    `inside` receives the occurrences left out for being inside another entity's name."""
    out: list[tuple[str, str, str]] = []
    by_article: dict[str, list[str]] = defaultdict(list)
    for s in sorted(e.surfaces, key=len, reverse=True):
        for aid in e.surface_articles[s]:
            by_article[aid].append(s)
    for aid, surfaces in by_article.items():
        if everywhere and aid not in text_of:
            out.extend(("", s, "") for s in surfaces)
            continue
        text = text_of.get(aid, "")
        mine: list[tuple[int, int]] = []  # e's longer names already read
        for s in surfaces:
            foreign = [span for o in (others or {}).get(aid, ()) if len(o) > len(s) and s in o
                       for span in _spans(o, text, False)]
            for start, end in _spans(s, text, True):
                occurrence = (text[max(0, start - _CONTEXT_BEFORE):start], s, text[end:end + _CONTEXT_AFTER])
                if any(a <= start and end <= b for a, b in mine):
                    continue
                if any(a <= start and end <= b for a, b in foreign):
                    if inside is not None:
                        inside.append(occurrence)
                    continue
                mine.append((start, end))
                out.append(occurrence)
    return out


# Words that make the name after them an operation's ("Operation Sindoor", "l'opération
# Bouclier", "операция «Буря»"): a military or police operation is an event, neither a
# person, a place nor an organisation.
_OPERATION_WORDS = frozenset("""
operation operación operacion opération operazione operação operațiunea operatiunea
operațiunii operasi operasyon operasyonu operasyonunu operasyonuna operacija operacije operacji
operacja operáció operace операция операции операцию операція операції آپریشن عملية
""".split())
_LAST_WORD = re.compile(r"([^\W\d_][\w\-]*)[\s\"'“”„«»‘’(]*$")
_FIRST_WORD = re.compile(r"^[\s\"'“”„«»‘’]*([^\W\d_][\w\-]*)")


def _operation(e: Entity, text_of: dict[str, str]) -> bool:
    """Named as an operation: its name starts with the word, or at least half of its
    occurrences follow it (the bare name, "after Sindoor", is the same operation)."""
    if any(s.split()[0].casefold() in _OPERATION_WORDS for s in e.surfaces if len(s.split()) > 1):
        return True
    if not e.articles & text_of.keys():
        return False
    seen = _occurrences(e, text_of, everywhere=True)
    marked = 0
    for before, _, _ in seen:
        m = _LAST_WORD.search(before)
        marked += bool(m and m.group(1).casefold() in _OPERATION_WORDS)
    return bool(seen) and 2 * marked >= len(seen)


def _portfolio(e: Entity, text_of: dict[str, str], others: dict[str, list[str]]) -> bool:
    """A minister's or an officer's portfolio, not a party: every occurrence stands just
    before a title ("External Affairs Minister", "Dışişleri Bakanı") or just after a title
    and a connector ("ministro de Asuntos Exteriores", "Director General of Military
    Operations"). Only names of several words that the gazetteer does not know and that
    hold no head word of an institution: "Kremlin spokesman" and "Pakistan Army chief"
    name the Kremlin and the army."""
    if _kind(e) == "person" or not any(len(s.split()) > 1 for s in e.surfaces):
        return False
    if any(gazetteer.lookup(s) is not None or any(is_head_word(w) for w in s.split()) for s in e.surfaces):
        return False
    seen = _occurrences(e, text_of, others)
    if not seen:
        return False
    for before, _, after in seen:
        nxt = re.match(r"\s+([^\W\d_][\w\-]*)", after)
        words = re.findall(r"[^\W\d_][\w\-]*", before)[-3:] if re.search(r"\w\s+$", before) else []
        # "le ministre (pakistanais) des Affaires": a lower-case adjective may stand between.
        after_title = len(words) >= 2 and words[-1] in _CONNECTOR_WORDS and (
            _is_title(words[-2].casefold())
            or (len(words) == 3 and words[-2].islower() and _is_title(words[-3].casefold())))
        if not ((nxt and _is_title(nxt.group(1).casefold())) or after_title):
            return False
    return True


# Words of the compass, in some languages: with a continent or a country they name a
# region ("Güney Asya", South Asia; "Südostasien" is one word and needs none).
_COMPASS = frozenset("north south east west northern southern eastern western central nord sud est ouest "
                     "norte sur este oeste centro meridionale settentrionale orientale occidentale nordost "
                     "süd ost kuzey güney doğu batı orta северная южная восточная западная центральная "
                     "północna południowa wschodnia zachodnia".split())
# The last word of a border or a front line: a place's kind, not a place's name.
_LINE_HEADS = frozenset("border frontier boundary".split())

_CONNECTOR_WORDS = frozenset("of for de des du del della per para pour für dla за по".split())


# Lower-case words that say what kind of place the name after them is ("штат Иллинойс",
# "the state of Illinois", "provincia de Chiclayo").
_PLACE_TYPES = frozenset("""
state province region county district city town village oblast
estado provincia región region departamento distrito ciudad
état province région département ville
stato provincia regione città
bundesstaat bundesland provinz region stadt
stan województwo prowincja miasto
islands islas îles ilhas isole inseln wyspy wysp острова островов островах
island isla île ilha isola insel wyspa остров острове острова
peninsula península péninsule penisola halbinsel półwysep полуостров полуострове полуострова
штат штата штате область области провинция провинции город города городом городе городу
регион региона село села селом селе місто міста містом місті
""".split())
_AND = frozenset("and y e et und i и і și si ve és oraz".split())


def _places_by_their_context(entities: list[Entity], text_of: dict[str, str]) -> None:
    """An untyped name is a place where its text says so: after a word naming a kind of
    place ("штат Иллинойс", "the state of Illinois", "las islas Kuriles"), or joined by
    "and" to a place the gazetteer knows ("w Rzymie i Madrycie", Rome and Madrid). A name
    typed as a person is a place where at least as many occurrences stand so as it was
    read as a person (a town called Severo-Kurilsk, "islas Kuriles")."""
    for e in entities:
        if _kind(e) not in ("name", "person") or any(" " in s for s in e.surfaces) \
                or not any(_cased(s) for s in e.surfaces):
            continue
        seen = _occurrences(e, {a: text_of[a] for a in e.articles if a in text_of})
        if _kind(e) == "person":
            def after_type(before: str) -> bool:
                words = before.split() if before[-1:].isspace() else []
                if len(words) >= 2 and words[-1] in ("of", "de", "di", "du", "del"):
                    words = words[:-1]
                return bool(words) and words[-1] in _PLACE_TYPES
            if sum(after_type(before) for before, _, _ in seen) >= max(1, e.kinds["person"]):
                e.kinds["place"] = e.kinds["person"] + 1
            continue
        for before, _, after in seen:
            words = before.split() if before[-1:].isspace() else []
            if words and words[-1] in ("of", "de", "di", "du", "del") and len(words) >= 2:
                words = words[:-1]
            typed = bool(words) and words[-1] in _PLACE_TYPES
            if not typed and len(words) >= 2 and words[-1] in _AND:
                prev = gazetteer.lookup(words[-2].strip(",;"))
                typed = prev is not None and prev.is_place
            if not typed:
                nxt = after.split()[:2]
                if len(nxt) == 2 and nxt[0] in _AND:
                    following = gazetteer.lookup(nxt[1].strip(".,;:"))
                    typed = following is not None and following.is_place
            if typed:
                e.kinds["place"] += 1
                break


def _places_joined_by_and(entities: list[Entity], text_of: dict[str, str]) -> None:
    """A place always written with "and" and the same second place after it, as one name
    ("the state of Jammu and Kashmir", "штате Джамму и Кашмир", Trinidad and Tobago): the
    extractor ends a name at "and". The whole is the name where the gazetteer knows it or
    a word for a kind of place stands before it; the second place keeps its own entry."""
    for e in entities:
        if _kind(e) != "place" or not e.surfaces or any(" " in s for s in e.surfaces):
            continue
        seen = _occurrences(e, {a: text_of[a] for a in e.articles if a in text_of})
        tails = {(m.group(1), m.group(2)) if m else None
                 for m in (re.match(r" (\w+) ([^\W\d_][\w\-]*)(?![\w\-])", after) for _, _, after in seen)}
        tail = next(iter(tails)) if len(tails) == 1 else None
        if tail is None:
            continue
        conj, second = tail
        if conj not in _AND or not _cased(second):
            continue
        typed = any(before[-1:].isspace() and before.split() and before.split()[-1].casefold() in _PLACE_TYPES
                    for before, _, _ in seen)
        place = any((p := gazetteer.lookup(f"{s} {conj} {second}")) is not None and p.is_place for s in e.surfaces)
        if not (typed or place):
            continue
        for s in list(e.surfaces):
            whole = f"{s} {conj} {second}"
            e.surfaces[whole] += e.surfaces.pop(s)
            e.surface_articles[whole] |= e.surface_articles.pop(s)
        e.kinds["place"] += 1


# Names the extractor never reads, each with its cue: a group of states named by a letter
# and its number of members ("the G7", "el G20", "der G7-Gipfel"), and the platform X after
# a preposition or a word for an account ("posted on X", "declaró Rubio en X", "sur son
# compte X", "na platformi X"): one capital letter alone is no name otherwise.
_GROUP_OF_STATES = re.compile(r"(?<![\w\-])(G\d{1,2})(?![\w])")
_PLATFORM_X = re.compile(r"(?i:(?<![^\W\d_])(?:on|to|en|sur|auf|na|в|на|su|em|no|pe|op|w|compte|account|"
                         r"cuenta|conta|platform|plataforma|plateforme|platformi|platformie|piattaforma|"
                         r"платформе|платформі|соцсети|соцмережі))\s+(X)(?![\w\-])")


def _unread_names(entities: list[Entity], text_of: dict[str, str]) -> list[Entity]:
    """Entries for the names of `_GROUP_OF_STATES` and `_PLATFORM_X` found in the
    articles' text, organisations, unless an entry already holds them."""
    held = {s for e in entities for s in e.surfaces}
    new: dict[str, Entity] = {}
    for aid, text in text_of.items():
        found = [*_GROUP_OF_STATES.finditer(text)] if "G" in text else []
        found += _PLATFORM_X.finditer(text) if " X" in text else []  # (a quick test first: most texts hold neither)
        for m in found:
            name = m.group(1)
            if name in held:
                continue
            t = new.setdefault(name, Entity(key=name.casefold() + "|unread"))
            t.keys.add(t.key)
            t.surfaces[name] += 1
            t.surface_articles[name].add(aid)
            t.articles.add(aid)
            t.kinds["org"] += 1
    return list(new.values())


# Verbs that only a medium does, right before its name: "javlja Anadolu", "пишет РБК",
# "передает ТАСС", "scrie Digi24", "berichtet Der Standard".
_MEDIA_VERB = re.compile(r"(?i)(?<![^\W\d_])(?:javlja|javljaju|prenosi|пишет|пише|передает|передаёт|передає|"
                         r"scrie|relatează|relateaza|berichtet|berichtete|rapporte|écrit|reportó)"
                         r"[\s,]*$")


_MEDIA_TOKENS = frozenset(re.findall(r"[^\W\d_]+", _MEDIA_VERB.pattern.split("(?:", 1)[1].split(")", 1)[0]))


def _media_by_their_verb(entities: list[Entity], text_of: dict[str, str]) -> None:
    """An untyped name right after a verb of publishing is a medium, an organisation
    (so a one-word outlet named in one language is still an entry)."""
    for e in entities:
        if _kind(e) != "name" or any(" " in s for s in e.surfaces) or not e.articles & text_of.keys():
            continue
        if any(_MEDIA_VERB.search(before) for before, _, _ in _occurrences(e, {a: text_of[a] for a in e.articles
                                                                               if a in text_of})):
            e.kinds["org"] += 1


def _acronyms_with_their_word(entities: list[Entity], text_of: dict[str, str]) -> None:
    """An acronym always written with the same capitalised word after it is that whole
    name (РИА Новости, CNN Türk): the extractor ends a name at an acronym. Not when the
    word is a title ("NATO Secretary"), nor for acronyms the gazetteer knows (US, EU)."""
    starts = {s.split()[0] for e in entities for s in e.surfaces if " " in s}
    for e in entities:
        if not e.surfaces or not all(s.isupper() and " " not in s and len(s) <= 6 for s in e.surfaces):
            continue
        if any(gazetteer.lookup(s) is not None for s in e.surfaces):
            continue
        seen = _occurrences(e, text_of)
        followers = {m.group(1) if m else None
                     for m in (re.match(r" ([^\W\d_][^\W\d_\-]*)(?![\w\-])", after) for _, _, after in seen)}
        if len(followers) != 1:
            continue
        word = next(iter(followers))
        # Not a name of its own either ("РНБО Рустем Умєров": the council's secretary).
        if word is None or not _cased(word) or not word[1:].islower() or _is_title(word.casefold()) \
                or is_head_word(word) or is_first_name(word) or word in starts \
                or gazetteer.lookup(word) is not None:
            continue
        for s in list(e.surfaces):
            whole = f"{s} {word}"
            e.surfaces[whole] += e.surfaces.pop(s)
            e.surface_articles[whole] |= e.surface_articles.pop(s)


# An acronym in brackets a few words on, in the same phrase: "for Germany (AfD)".
_ACRONYM_AFTER = re.compile(r"^[^.!?;:()\[\]\n]{0,30}?[(\[]\s*([A-Z][A-Za-z]{1,5})\s*[)\]]")


def _initials(s: str) -> str:
    return "".join(anyascii(w[0]).lower() for w in s.split() if _cased(w))


def _acronyms_spelt_out(entities: list[Entity], text_of: dict[str, str]) -> list[Entity]:
    """A name whose phrase goes on to an acronym in brackets that holds its initials
    ("Alternative for Germany (AfD)", "Alternative pour l'Allemagne (AfD)", "US
    Geological Survey (USGS)") is the acronym's name spelt out, cut by the reader at a
    lower-case word or an acronym: it joins the acronym's entry. Only when every such
    bracket names the same acronym."""
    acronyms = {s: e for e in entities for s in e.surfaces
                if " " not in s and 2 <= len(s) <= 6 and (s.isupper() or _MIXED_ACRONYM.fullmatch(s))}
    # (a word inside a longer name of its own, "Indus" of "Indus Waters Treaty (IWT)", is
    # that name's)
    longer: dict[str, list[str]] = defaultdict(list)
    for e in entities:
        for s, aids in e.surface_articles.items():
            if " " in s:
                for aid in aids:
                    longer[aid].append(s)
    gone: set[int] = set()
    for e in entities:
        # (a person's name is no acronym's, though a party may be named after her:
        # "Bündnis Sahra Wagenknecht (BSW)")
        if not e.surfaces or _kind(e) == "person" \
                or any(not _cased(s) or s in acronyms or gazetteer.lookup(s) is not None
                       or " " in s and is_first_name(s.split()[0]) for s in e.surfaces):
            continue
        found = {m.group(1) for _, _, after in _occurrences(e, text_of, longer)
                 if (m := _ACRONYM_AFTER.match(after))}
        target = acronyms.get(next(iter(found))) if len(found) == 1 else None
        if target is None or target is e or id(target) in gone \
                or not all(_initials(s) in anyascii(next(iter(found))).lower() for s in e.surfaces):
            continue
        _merge_into(target, e)
        gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


# "took the name", "ha asumido el nombre de", "sous le nom de", "nahm den Namen", "przyjął
# imię": the regnal name that follows is the one a person named in that sentence took.
_NAME_WORD = re.compile(r"(?i)(?<![^\W\d_])(?:name|nombre|nome|nom|namen|имя|имени|ім'я|імені|nama|"
                        r"pangalan|nevet|nevén|imię|imienia|jméno|ime|adını|ismini)"
                        r"(?:\s+(?:of|de|di|do|da|du))?\s+$")


def _after_name_word(text: str, start: int) -> bool:
    """A word for "name" just before `start`, or before a title ("memilih nama Paus Leo
    XVI", "took the name of Pope …") or before the birth name and a comma ("a pour nom
    Robert Prevost, Léon XVI"): the regnal name at `start` is the one taken."""
    before = text[max(0, start - 80):start]
    if _NAME_WORD.search(before[-40:]):
        return True
    m = re.search(r"([^\W\d_]+)\s+$", before)
    if m and _is_title(m.group(1).lower()) and _NAME_WORD.search(before[:m.start(1)][-40:]):
        return True
    m = re.search(r"(?:\s+[^\W\d_][\w\-]*){1,3},\s+$", before)
    return bool(m and all(_cased(w) for w in m.group().strip(" ,").split())
                and _NAME_WORD.search(before[:m.start()][-40:] + " "))


def _regnal(e: Entity) -> bool:
    return any(len(s.split()) >= 2 and scripts.roman_value(s.split()[-1].rstrip(".")) for s in e.surfaces)


def _regnal_and_birth_names(entities: list[Entity], text_of: dict[str, str]) -> list[Entity]:
    """A regnal name and the birth name of the one who took it are one person: where a
    sentence says that someone took the name (Marco Rossi "ha tomado el nombre de Pío
    XIII", "przyjął imię Pius XIII"), the person named in most such sentences is the regnal
    name's bearer. Sentences that name nobody else decide nothing."""
    people = [e for e in entities if _kind(e) == "person" and not _regnal(e)]
    regnal = [e for e in entities if _kind(e) == "person" and _regnal(e)]
    gone: set[int] = set()
    for r in regnal:
        if id(r) in gone:
            continue
        votes: Counter = Counter()
        for aid in r.articles:
            text = text_of.get(aid, "")
            for s in r.surfaces:
                for at, after in word_spans(s, text):
                    if not _after_name_word(text, at):
                        continue
                    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
                    ends = [i for i in (text.find(c, after) for c in ("!", "?", "\n", ". ")) if i >= 0]
                    sentence = text[start:min(ends, default=len(text))]
                    for p in people:
                        if id(p) not in gone and p is not r and any(len(ps) >= 3 and word_spans(ps, sentence)
                                                     for ps in p.surfaces):
                            votes[id(p)] += 1
        ranked = votes.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            continue
        bearer = next(p for p in people if id(p) == ranked[0][0])
        keep, other = (bearer, r) if len(bearer.articles) >= len(r.articles) else (r, bearer)
        _merge_into(keep, other)
        gone.add(id(other))
    return [e for e in entities if id(e) not in gone]


def _overlapping_readings(entities: list[Entity], text_of: dict[str, str]) -> set[int]:
    """Two entries read from one stretch of text cut two ways ("un nuovo Pontificato per
    la Chiesa universale" read as "Pontificato per la Chiesa" and "Chiesa universale"):
    where every occurrence of each overlaps one of the other, neither holding the other,
    the readers disagree on where a name begins and ends, and such a phrase is no name.
    People aside (a title glued to a name is handled elsewhere)."""
    spans: dict[int, list[tuple[str, int, int]]] = {}
    by_article: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for e in entities:
        if _kind(e) == "person" or not e.surfaces or not all(" " in s for s in e.surfaces):
            continue
        mine = []
        for s in e.surfaces:
            for aid in e.surface_articles[s]:
                for start, end in word_spans(s, text_of.get(aid, "")):
                    mine.append((aid, start, end))
                    by_article[aid].append((id(e), start, end))
        if mine:
            spans[id(e)] = mine
    out: set[int] = set()
    for i, mine in spans.items():
        if all(any(j != i and c < b and a < d and not (c <= a and b <= d) and not (a <= c and d <= b)
                   for j, c, d in by_article[aid]) for aid, a, b in mine):
            out.add(i)
    return out


def _places_with_a_word_before(entities: list[Entity]) -> list[Entity]:
    """An untyped name of two words, seen in one article, whose second word is a place
    entry's whole name and whose first word names nothing (no entry, not known to the
    gazetteer, no first name): a title or common noun read with the place ("Uskup
    Chiclayo", bishop of Chiclayo; "Diözese Chiclayo"). It is that place's mention; its
    two words are no spelling of it."""
    places: dict[str, Entity] = {}
    for e in entities:
        if _kind(e) == "place":
            for s in e.surfaces:
                places.setdefault(s.casefold(), e)
    single = {s.casefold() for e in entities for s in e.surfaces if " " not in s}
    def names_nothing(word: str, whole: str) -> bool:
        return word.casefold() not in single and not is_first_name(word) \
            and gazetteer.lookup(word) is None and gazetteer.lookup(whole) is None

    gone: set[int] = set()
    for e in entities:
        if _kind(e) == "place":
            # The same reading keyed with the place already: the two words are no spelling.
            own = {s.casefold() for s in e.surfaces if " " not in s}
            for s in [s for s in e.surfaces if len(s.split()) == 2 and len(e.surface_articles[s]) == 1]:
                w, x = s.split()
                # (Not a place's kind after its adjective: "International Border" names a
                # border, as "Border" alone does not; nor a part of the place: "Kuzey Afrika",
                # North Africa.)
                if x.casefold() in own and names_nothing(w, s) and x.casefold() not in _LINE_HEADS \
                        and w.casefold() not in _COMPASS:
                    del e.surfaces[s], e.surface_articles[s]
            continue
        if _kind(e) != "name" or len(e.articles) != 1 or not e.surfaces:
            continue
        targets = set()
        for s in e.surfaces:
            words = s.split()
            t = places.get(words[-1].casefold()) if len(words) == 2 else None
            if t is None or t is e or not names_nothing(words[0], s):
                break
            targets.add(id(t))
        else:
            if len(targets) == 1:
                _merge_into(next(t for t in entities if id(t) in targets), e, surfaces=False)
                gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


_CJK_LETTER = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")


def _cut_cjk_name(e: Entity, text_of: dict[str, str]) -> bool:
    """A Chinese or Japanese name cut short: written without spaces, a name that is, in
    every one of its occurrences (two at least, in one article), followed by the same
    character is the beginning of a longer name ("方濟" of "教宗方濟各"), not a name of
    its own. A whole name is followed by whatever the sentences say next."""
    if len(e.articles) != 1 or _kind(e) == "place" or not all(_CJK_LETTER.fullmatch(s[-1:]) for s in e.surfaces):
        return False  # (a place is known to the gazetteer whole: 澳門時間 is Macau's time)
    # (found in plain text: such scripts put no space, so no word boundary, around names)
    nexts = [text_of.get(aid, "")[end:end + 1] for s in e.surfaces for aid in e.surface_articles[s]
             for _, end in plain_spans(s, text_of.get(aid, ""))]
    return len(nexts) >= 2 and len(set(nexts)) == 1 and bool(_CJK_LETTER.fullmatch(nexts[0]))


def _cjk_names_made_whole(entities: list[Entity], text_of: dict[str, str]) -> list[Entity]:
    """`_cut_cjk_name` over several articles: a Chinese or Japanese name followed, in every
    occurrence (two at least), by the same character is read one character short ("方济"
    of "方济各" in every report): the character joins it, and the whole name joins the
    entry already holding it."""
    by_surface = {s: e for e in entities for s in e.surfaces}
    gone: set[int] = set()
    for e in entities:
        if len(e.articles) < 2 or _kind(e) == "place" or not e.surfaces \
                or not all(_CJK_LETTER.fullmatch(c) for s in e.surfaces for c in s):
            continue
        nexts = [text_of.get(aid, "")[end:end + 1] for s in e.surfaces for aid in e.surface_articles[s]
                 for _, end in plain_spans(s, text_of.get(aid, ""))]
        if len(nexts) < 2 or len(set(nexts)) != 1 or not _CJK_LETTER.fullmatch(nexts[0]):
            continue
        for s in list(e.surfaces):
            whole = s + nexts[0]
            count, arts = e.surfaces.pop(s), e.surface_articles.pop(s)
            e.surfaces[whole] += count
            e.surface_articles[whole] |= arts
        host = next((by_surface[w] for w in e.surfaces if w in by_surface and by_surface[w] is not e), None)
        if host is not None and id(host) not in gone:
            _merge_into(host, e)
            gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


# Ends of German titles the name reader's list lacks, alone or as the last part of a
# compound ("CDU-Generalsekretär", "Grünen-Kanzlerkandidat", "Bischof").
_DE_TITLE_ENDS = ("sekretär", "sekretärin", "kandidat", "kandidatin", "bischof", "bischöfin", "präsident",
                  "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "vorsitzender", "vorsitzende", "chef", "chefin",
                  "sprecher", "sprecherin", "leiter", "leiterin", "meister", "meisterin", "direktor",
                  "direktorin", "botschafter", "botschafterin", "abgeordneter", "abgeordnete")


# Two first names joined by a hyphen (Hans-Jörg, Anna-Lena), the shape German gives a
# person's, not a noun's: "Bundespräsident Hans-Jörg Stiller" is a title and a name.
_DOUBLE_FIRST_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}-[A-ZÄÖÜ][a-zäöüß]{2,}")


def _titles_before_names(entities: list[Entity]) -> list[Entity]:
    """A title read as the first word of a name ("FDP-Generalsekretär Jonas Albrecht",
    "Bischof Marco Vannelli"): where a person's name follows it, the name is the words
    after the title, a person's, and joins the entry already holding those words."""
    by_surface = {s: e for e in entities for s in e.surfaces}
    gone: set[int] = set()
    for e in entities:
        renamed: list[str] = []
        for s in list(e.surfaces):
            words = s.split()
            if len(words) < 3 or not words[0].casefold().rsplit("-", 1)[-1].endswith(_DE_TITLE_ENDS) \
                    or not all(w[:1].isupper() for w in words[1:]):
                continue
            compound = "-" in words[0]
            while len(words) > 3 and words[1].casefold().rsplit("-", 1)[-1].endswith(_DE_TITLE_ENDS):
                words = words[1:]  # two titles ("Zeremonienmeister Bischof Marco Vannelli")
            # A person after it: a first name, a compound title (party and post), or the
            # surname written alone elsewhere.
            if not (is_first_name(words[1].split("-")[0]) or compound or _DOUBLE_FIRST_NAME.fullmatch(words[1])
                    or words[-1] in by_surface
                    or any(o != s and o.split()[-1] == words[-1] for o in e.surfaces)):
                continue
            rest = " ".join(words[1:])
            count, arts = e.surfaces.pop(s), e.surface_articles.pop(s)
            e.surfaces[rest] += count
            e.surface_articles[rest] |= arts
            e.kinds["person"] += count
            renamed.append(rest)
        host = next((by_surface[w] for w in renamed if w in by_surface and by_surface[w] is not e), None)
        if host is not None and id(host) not in gone and id(e) not in gone:
            _merge_into(host, e)
            gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


def _german_name_and_noun(entities: list[Entity], lang_of: dict[str, str]) -> list[Entity]:
    """In a language that capitalises nouns a name runs into the noun beside it: "von
    Kardinal Vannelli Freude und Dank" (joy), "des Bundesstaats Oregon" (of the state).
    A spelling of two words read only there, one word of which is an entry's name of one
    word (not a first name) while the other is no name anywhere (no other entry's word,
    first name or gazetteer place), is that entry: the entry goes into it, or, where it is the entry's
    own one-word name, the longer spelling goes. A word before a person's name is taken
    for a first name the list lacks."""
    by_surface = {s: e for e in entities for s in e.surfaces if " " not in s}
    gone: set[int] = set()
    for e in entities:
        found: dict[str, Entity] = {}
        for s in e.surfaces:
            if len(s.split()) != 2 or not e.surface_articles[s] \
                    or any(lang_of.get(a) not in _NOUN_CAPITALISING for a in e.surface_articles[s]):
                continue
            a, b = s.split()
            for name, other in ((a, b), (b, a)):
                host = by_surface.get(name)
                if host is None or id(host) in gone or not other[:1].isupper() or is_first_name(other) \
                        or gazetteer.lookup(other) is not None:
                    continue
                if is_first_name(name) or any(other in o.split() for t in entities if t is not e for o in t.surfaces):
                    continue  # (after a first name the other word is the surname: Ishaq Dar)
                if name == b and (_kind(host) == "person" or _kind(e) == "person"):
                    continue  # a word before a person's surname is a first name (Walter Krumbholz)
                if host is e and any(o != s and len(o.split()) > 1 for o in e.surfaces):
                    continue  # its other spellings are of two words too (Ishaq Dar, Ісхак Дар)
                found[s] = host
        if not found:
            continue
        hosts = {id(h): h for h in found.values() if h is not e}
        if len(found) == len(e.surfaces) and len(hosts) == 1:
            _merge_into(next(iter(hosts.values())), e, surfaces=False)
            gone.add(id(e))
            continue
        for s, host in found.items():
            if host is e:
                name = next(w for w in s.split() if by_surface.get(w) is e)
                e.surfaces[name] += e.surfaces.pop(s)
                e.surface_articles[name] |= e.surface_articles.pop(s)
    return [e for e in entities if id(e) not in gone]


_CJK_FULL_NAME = re.compile(r"([\u3400-\u4DBF\u4E00-\u9FFF]{0,4})[·・•‧]([\u3400-\u4DBF\u4E00-\u9FFF]{1,6})"
                            r"(?:\s*[(（]\s*([^\W\d_][^()（）]{2,40}?)\s*[)）])?")


_HAN_FUNCTION = re.compile(f"[{scripts._HAN_PARTICLES}]")


def _cjk_first_names(entities: list[Entity], text_of: dict[str, str]) -> list[Entity]:
    """A Chinese or Japanese transliteration cut at its first name: "凯文" of "凯文·法雷尔",
    "弗里" of "弗里德里希·默茨" (the reader stops at a character it knows as a word, or at
    the dot between the names). Where every occurrence goes on to a dot and a second name,
    the whole name is the surface, and it joins the entry of the Latin spelling written
    in brackets after it ("(Kevin Farrell)") when the event has one; else it is an entry
    of its own. Taken out of an entry it had joined by its cut key (弗里 "vl" / Wahl); a
    piece read inside such a name ("德里", Delhi, inside 弗里德里希) is no name at all."""
    by_surface = {s: e for e in entities for s in e.surfaces}
    found = []  # (entry, surface, whole name, Latin spellings, spans)
    for e in entities:
        for s in [s for s in e.surfaces if len(s) <= 4 and all(_CJK_LETTER.fullmatch(c) for c in s)]:
            seen = [(aid, span) for aid in e.surface_articles[s]
                    for span in plain_spans(s, text_of.get(aid, ""))]
            fulls = [(aid, span, _CJK_FULL_NAME.match(text_of[aid], span[1])) for aid, span in seen]
            if not seen or not all(f for _, _, f in fulls):
                continue
            first = fulls[0][2]
            if first is None:
                continue
            # (the second name ends at a function character: "肖尔茨在德国" is Scholz "in
            # Germany"; a transliteration spells no such word)
            second = _HAN_FUNCTION.split(first.group(2))[0] or first.group(2)
            found.append((e, s, f"{s}{first.group(1)}·{second}",
                          {f.group(3).strip() for _, _, f in fulls if f and f.group(3)},
                          {(aid, span[0], f.end()) for aid, span, f in fulls if f}))
    new: list[Entity] = []
    for e, s, full, latins, spans in found:
        inner = all(any(a == aid and b < start and end_ == stop for _, _, _, _, other in found for a, b, stop in other)
                    for aid, start, end_ in spans)
        count, arts = e.surfaces.pop(s), e.surface_articles.pop(s)
        e.articles = set().union(*e.surface_articles.values()) if e.surface_articles else set()
        if inner:
            continue
        target = next((by_surface[x] for x in [*sorted(latins), full] if x in by_surface and by_surface[x] is not e),
                      None)
        if target is None:
            target = next((t for t in new if full in t.surfaces), None)
        if target is None:
            target = Entity(key=name_key(full) or full)
            target.kinds["person"] += 1
            target.keys.add(target.key)
            new.append(target)
        target.surfaces[full] += count
        target.surface_articles[full] |= arts
        target.articles |= arts
    return [e for e in entities if e.surfaces] + new


# Languages that write adjectives in lower case: there a capitalised adjective inside a
# sentence, before an institution's head noun, begins that institution's name
# ("Республиканской партии", "der Peruanischen Bischofskonferenz").
_LOWER_ADJECTIVES = frozenset("ru uk be bg de pl cs sk".split())
_ADJECTIVE_FORM = re.compile(r"(?:ск|цк|н|в)(?:ая|ой|ую|ий|ый|ого|ому|ом|ые|ых|ым|ими|ое|ія|ій|ої|у)$|"
                             r"isch(?:e|en|er|es|em)$|sk(?:i|a|iej|iego|ich|ie)$")
# Inflected head nouns of Slavic institutions (the shared head words are Latin-script).
_SLAVIC_HEADS = ("парти", "совет", "дум", "комитет", "конференци", "церк", "министерств", "служб",
                 "парті", "рад", "partii", "partia", "rada", "rady", "komisj", "konferencj")
_CAPITAL_ADJECTIVE_HEAD = re.compile(r"(?<=[^\W\d_,;:] )([^\W\d_][\w\-]*)(?= ([^\W\d_][\w\-]*)(?![\w\-]))")
_ELIDED_NAME = re.compile(r"(?<![^\W\d_])(?:[lLdD]|[aAdDnNsS]ull|[aA]ll|[dD]all|[dD]ell|[nN]ell)[’']([A-ZÀ-Ý]\w+"
                          r"(?: (?:di|dei|degli|della|delle|del|de|des|du|per|pour) (?:(?:i|gli|le|la|les) )?[A-ZÀ-Ý]\w+)+)")


def _unread_institutions(entities: list[Entity], articles: list[Article], text_of: dict[str, str]) -> list[Entity]:
    """Institutions the name readers do not see, from the words of their text:

    - a capitalised adjective inside a sentence, in a language that writes adjectives in
      lower case, before an institution's head noun (Республиканской партии, Peruanischen
      Bischofskonferenz): the capital marks a name;
    - an Italian or French name after an elided article (all'Ordine dei Vescovi,
      l'Ordre des Avocats): a head word, a connector and a capitalised word.
    Each becomes an organisation's entry, unless an entry already holds it."""
    held = {s.casefold() for e in entities for s in e.surfaces}
    new: dict[str, Entity] = {}

    def add(name: str, aid: str) -> None:
        if name.casefold() in held:
            return
        t = new.setdefault(name.casefold(), Entity(key=name_key(name) or name.casefold()))
        t.keys.add(t.key)
        t.surfaces[name] += 1
        t.surface_articles[name].add(aid)
        t.articles.add(aid)
        t.kinds["org"] += 1

    for a in articles:
        text = text_of.get(a.id, "")
        if a.lang in _LOWER_ADJECTIVES:
            for m in _CAPITAL_ADJECTIVE_HEAD.finditer(text):
                adjective, head = m.groups()
                low = head.lower()
                if _cased(adjective) and adjective[1:].islower() and _ADJECTIVE_FORM.search(adjective.lower()) \
                        and (low.startswith(_SLAVIC_HEADS) or any(low.endswith(h) for h in _ORG_HEADS if len(h) > 4)):
                    add(f"{adjective} {head}", a.id)
        if a.lang in ("it", "fr") and "’" in text or "'" in text:
            for m in _ELIDED_NAME.finditer(text):
                if m.group(1).split()[0].lower() in _ORG_HEADS:
                    add(m.group(1), a.id)
    return list(new.values())


# Hungarian names an institution's remit before it: "a Latin-Amerikáért felelős Pápai
# Bizottság" (the Pontifical Commission responsible for Latin America).
_HU_REMIT = re.compile(r"(?<![\w\-])((?:[A-ZÁÉÍÓÖŐÚÜŰ][\w\-]*\s+)?[A-ZÁÉÍÓÖŐÚÜŰ][\w\-]*[ée]rt\s+felelős)\s+$")


def _hungarian_remits(entities: list[Entity], text_of: dict[str, str], lang_of: dict[str, str]) -> None:
    """A Hungarian institution's name begins with its remit ("…-ért felelős", responsible
    for …) where every occurrence is written so: the name readers stop at the lower-case
    "felelős" and keep only the head ("Pápai Bizottság"), which names no one body. The
    remit's words must be capitalised (a name: Latin-Amerikáért, Európai Unióért)."""
    for e in entities:
        if _kind(e) == "person":
            continue
        for s in [s for s in e.surfaces if all(lang_of.get(a) == "hu" for a in e.surface_articles[s])]:
            remits = set()
            for aid in e.surface_articles[s]:
                text = text_of.get(aid, "")
                for start, _ in word_spans(s, text):
                    r = _HU_REMIT.search(text[max(0, start - 60):start])
                    remits.add(" ".join(r.group(1).split()) if r else None)
            if len(remits) == 1 and None not in remits:
                whole = f"{remits.pop()} {s}"
                e.surfaces[whole] += e.surfaces.pop(s)
                e.surface_articles[whole] |= e.surface_articles.pop(s)


_OPEN_QUOTE = re.compile(r"[\"“„«‘'‚‹「『¡]\s*(?:[^\W\d_]+\s+){0,2}$")
_CLOSE_QUOTE = re.compile(r"^(?:\s+[^\W\d_]+){0,2}\s*[.,]?\s*[\"”“»’'›」』!]")


def _quoted_phrases(entities: list[Entity], text_of: dict[str, str]) -> set[int]:
    """Formulas and slogans cited, not names ("Habemus Papam", "¡Viva la patria!"): an
    untyped entry written, in most of its occurrences and in two at least, inside a
    quotation or exclamation of at most three words besides it. A name is written inside
    sentences, not quoted alone. The same words in a longer untyped entry go too (the
    formula read once with its first word)."""
    out: set[int] = set()
    cited_words: set[str] = set()
    for e in entities:
        if _kind(e) != "name":
            continue
        seen = _occurrences(e, text_of)
        cited = sum(1 for before, _, after in seen
                    if (_OPEN_QUOTE.search(before) and _CLOSE_QUOTE.match(after))
                    or re.match(r"^(?:\s+[^\W\d_]+){0,2}!", after))
        if cited >= 2 and 2 * cited >= len(seen):
            out.add(id(e))
            cited_words |= {s.casefold() for s in e.surfaces}
    for e in entities:
        if _kind(e) == "name" and id(e) not in out and e.surfaces \
                and all(set(s.casefold().split()) & cited_words for s in e.surfaces):
            out.add(id(e))
    return out


def _titled_forms(entities: list[Entity], text_of: dict[str, str]) -> None:
    """Names whose title is part of how they are written: a regnal name after its title
    ("Papa Benedetto XVI", "Paus Leo XVI") and a saint's name after a saint word ("św.
    Piotra", "Szent Péter"). The articles' written form with the title is a spelling
    of the entry (readers search for it so); the display name stays the untitled one."""
    for e in entities:
        if _kind(e) not in ("person", "name"):
            continue
        regnal = {s for s in e.surfaces if _regnal_surface(s)}
        for before, s, _ in _occurrences(e, text_of):
            m = re.search(r"(?<![\w.])([^\W\d_]+)(\.?)\s+$", before)
            if not m:
                continue
            word = m.group(1)
            if (s in regnal and _is_title(word.lower()) and not m.group(2)) \
                    or (_cased(s) and anyascii(word).lower() in _SAINT_WORDS):
                whole = f"{word}{m.group(2)} {s}"
                e.surfaces[whole] += 1
                e.surface_articles[whole] |= {a for a in e.surface_articles[s]
                                              if f"{whole}" in text_of.get(a, "")}


def _regnal_surface(s: str) -> bool:
    words = s.split()
    return len(words) >= 2 and bool(scripts.roman_value(words[-1].rstrip(".")))


def _is_outlet(surface: str, outlets: set[str], starts: set[str]) -> bool:
    """The outlet's name itself, or the start of it in two words or more ("Metro Ledger"
    of Metro Ledger India); a one-word place inside an outlet name ("India") is not.
    `starts`: the outlets' starts of five letters or more (a look-up, not a scan of the
    outlets for every surface)."""
    f = _fold(surface)
    if len(f) < 5:
        return False
    return f in outlets or (len(surface.split()) > 1 and f in starts)


@lru_cache(maxsize=65_536)  # the same surfaces are folded by rule after rule
def _fold(s: str) -> str:
    return re.sub(r"[\W_]+", "", anyascii(s).lower())


def _host(url: str | None) -> str | None:
    m = re.match(r"https?://(?:www\.)?([^/:?#]+)", url or "")
    return m.group(1).rsplit(".", 1)[0] if m else None


def _same_people(entities: list[Entity]) -> list[Entity]:
    """Two people written in full in two scripts or spellings whose first names and surnames
    fold (to ASCII) to near forms are one person: Andrij Sybiha / Андрей Сибига (Andrej
    Sibiga), Juri Uschakow / Yuri Ushakov is left to the name keys."""
    def parts(e: Entity) -> list[tuple[str, str]]:
        # Every full spelling of a cased script: an entry shown by its Arabic name may
        # hold the Cyrillic one that meets the Latin.
        out = []
        shown = display_name(e)
        for s in [shown, *e.surfaces]:
            words = anyascii(s).lower().split()
            if len(words) in (2, 3) and (s == shown or _CASED_LETTER.search(s)):
                out.append((words[0], words[-1]))
        return list(dict.fromkeys(out))

    def alike(fa: str, la: str, fb: str, lb: str) -> bool:
        # Surnames apart by more letters than the fold mends may still be one name by
        # their keys (Schulz "sls" / Шульц "slts": the scripts write "sch" and "z" apart),
        # with the first name as the second witness.
        return fa[:1] == fb[:1] and la[:1] == lb[:1] and Levenshtein.distance(fa, fb) <= 2 \
            and min(len(la), len(lb)) >= 4 and (Levenshtein.distance(la, lb) <= 2 or _surname_keys_near(la, lb))

    def arabic_keys(e: Entity) -> list[tuple[str, str]]:
        # Arabic script writes the long vowels o and u with و, which keys read as "v",
        # and no vowel at a word's start (أولاف "vlf" / Olaf "alf", شولتس "svlts").
        out = []
        for s in e.surfaces:
            words = s.split()
            if len(words) in (2, 3) and all(_ARABIC_WORD.match(w) for w in words):
                out.append((name_key(words[0]).replace("v", ""), name_key(words[-1]).replace("v", "")))
        return out

    def latin_keys(e: Entity) -> list[tuple[str, str]]:
        out = []
        for s in e.surfaces:
            words = s.split()
            if len(words) in (2, 3) and _LATIN_ONLY.match(s):
                out.append((name_key(words[0]).lstrip("aeiou"), name_key(words[-1]).lstrip("aeiou")))
        return out

    def keys_alike(fa: str, la: str, fb: str, lb: str) -> bool:
        return min(len(fa), len(fb)) >= 2 and fa == fb and min(len(la), len(lb)) >= 3 \
            and similar_keys(la, lb) >= 0.9

    people: list[tuple[Entity, list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]] = []
    for e in entities:
        if _kind(e) in ("person", "name"):
            p, ar, la = parts(e), arabic_keys(e), latin_keys(e)
            if p or ar:
                people.append((e, p, ar, la))
    gone: set[int] = set()
    # Kinds read once: an entry's kind changes only when another is merged into it, below.
    kind = {id(e): _kind(e) for e, *_ in people}
    for i, (a, pa, ara, lata) in enumerate(people):
        if id(a) in gone:
            continue
        for b, pb, arb, latb in people[i + 1:]:
            if id(b) in gone or "person" not in (kind[id(a)], kind[id(b)]):
                continue  # (two unknowns alike are not evidence enough)
            if any(alike(fa, la, fb, lb) for fa, la in pa for fb, lb in pb) \
                    or any(keys_alike(*x, *y) for x in ara for y in latb) \
                    or any(keys_alike(*x, *y) for x in arb for y in lata):
                _merge_into(a, b)
                kind[id(a)] = _kind(a)
                gone.add(id(b))
    return [e for e in entities if id(e) not in gone]


def _surname_keys_near(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return min(len(ka), len(kb)) >= 3 and similar_keys(ka, kb) >= 0.9


def _distinctive_words(e: Entity) -> set[str]:
    """Keys of the words that tell this named thing from others: from its names of two
    words or more, words of five letters or more (seven for a key of three consonants:
    Sistina "stn" but not Pedro "prd") that are not head words (Chapel, Iglesia),
    titles, connectors, first names or places (Pakistan Air Force / Pakistan Armed Forces)."""
    out: set[str] = set()
    for s in e.surfaces:
        words = re.split(r"[\s\-‐]+", s)
        if len(words) < 2:
            continue
        for w in words:
            if len(w) < 5 or not _cased(w) or is_head_word(w) or is_first_name(w) \
                    or gazetteer.lookup(w) is not None:
                continue
            k = name_key(w)
            # Three consonants tell a long word apart (Sistina "stn"), not a short one (Pedro).
            if (len(k) >= 4 or (len(k) == 3 and len(w) >= 7)) and " " not in k:
                out.add(k)
    return out


def _same_things(entities: list[Entity], lang_of: dict[str, str]) -> list[Entity]:
    """A building or an institution written in several languages (Capela Sistina / Sistine
    Chapel; Igreja Católica / Iglesia Católica / Roman Catholic Church): entries that are no
    people and share a distinctive word, each written in its own languages, are one. When
    two entries of one language share the word, it names two things (two ministries'
    "Affairs"), and nothing merges on it."""
    things = [e for e in entities if _kind(e) != "person"]
    words = {id(e): _distinctive_words(e) for e in things}
    holders: dict[str, list[Entity]] = defaultdict(list)
    for e in things:
        for k in words[id(e)]:
            holders[k].append(e)
    gone: set[int] = set()
    for k in sorted(holders, key=lambda k: (-len(holders[k]), k)):
        group = [e for e in holders[k] if id(e) not in gone]
        if len(group) < 2:
            continue
        langs = [{lang_of.get(a, "und") for a in e.articles} for e in group]
        if sum(len(x) for x in langs) != len(set().union(*langs)):
            continue  # one language holds two of them
        _merge_group(group, gone)
    return [e for e in entities if id(e) not in gone]


# Head words of buildings and squares by kind, in many languages (folded to ASCII, some
# inflected forms): two names with heads of one kind may be one thing translated.
_HEAD_KINDS = {w: kind for kind, words in {
    "square": "square plaza praca piazza platz place plac placu placem ter piata ploshchad ploshcha meydani",
    "basilica": "basilica basilika basilique bazylika bazyliki bazylice bazylike bazilika baziliki baziliku",
    "chapel": "chapel capilla capela cappella kapelle chapelle kaplica kaplicy kaplice kaplicie kapolna kapolnaban "
              "kapolnaba kaple kaplnka",
    "cathedral": "cathedral catedral cattedrale kathedrale cathedrale katedra katedrala katedrali",
    "church": "church iglesia igreja chiesa kirche eglise biserica kosciol kosciola templom",
    "palace": "palace palacio palazzo palast palais palac palatul palota dvorets",
}.items() for w in words.split()}
# Words that make the name after them a saint's (St Peter's, San Pedro, Saint-Pierre).
_SAINT_WORDS = frozenset("st saint sainte san sao santo santa sant sankt sv sveti sveta svaty svateho "
                         "swiety swietego sw szent sfantul sfanta sfintul".split())
# A saint's name in the languages' own forms (folded): the same saint, whatever the language.
_SAINTS = {form: saint for saint, forms in {
    "peter": "peter peters pedro pierre pietro petrus piotr piotra petra petr pere petru petar pieter peterskirche",
    "paul": "paul pauls pablo paolo paulo pawel pawla pau pavel pavla paulus pal",
    "john": "john johns juan joao giovanni jean johannes jana ioan janos",
    "mark": "mark marks marcos marco marc markus marek marka",
    "mary": "mary marys maria marie mariae marii maryi",
    "nicholas": "nicholas nicolas nicola nicolau nikolaus mikolaj mikolaja nikolai nikola miklos",
    "george": "george georges jorge giorgio georg jerzy jerzego gheorghe gyorgy",
    "stephen": "stephen stephens esteban estevao stefano etienne stephan stefan szczepan szczepana istvan",
    "michael": "michael michaels miguel michele michel michal michala mihail mihaly",
    "andrew": "andrew andrews andres andre andrea andreas andrzej andrzeja andrei andras",
    "james": "james santiago giacomo jacques jakob jakub jakuba",
    "francis": "francis francisco francesco francois franziskus franciszek franciszka ferenc",
    "joseph": "joseph jose giuseppe josef jozef jozefa iosif jozsef",
    "anthony": "anthony antonio antoine anton antoni antoniego antal",
    "lazarus": "lazarus lazaro lazzaro lazare lazarza",
    "sophia": "sophia sofia sophie zofia zofii",
}.items() for form in forms.split()}


def _translation_signature(surface: str) -> tuple[str, list[str]] | None:
    """(kind of head, the name's other words) of a name with one head word of a building
    or square: "Praça São Pedro" -> ("square", ["saint:peter"]), "Sixtus-kápolna" ->
    ("chapel", ["sikstus"]). Saints by their name in any language; other words folded
    (x as ks, y as i) for the comparison of spellings."""
    words = [anyascii(w).lower() for w in re.split(r"[\s\-‐]+", surface) if w]
    words = [re.sub(r"['’]s$", "", w).strip("'’.,") for w in words]
    heads = [w for w in words if w in _HEAD_KINDS]
    if len(heads) != 1 or len(words) < 2:
        return None
    rest = [w for w in words if w != heads[0] and w not in _HEAD_CONNECTORS and w not in _CONNECTOR_WORDS
            and w not in ("la", "le", "el", "il", "the", "los", "las", "a", "o", "sa", "ng")]
    saint = any(w in _SAINT_WORDS for w in rest)
    out = []
    for w in rest:
        if w in _SAINT_WORDS:
            continue
        if saint and w in _SAINTS:
            out.append("saint:" + _SAINTS[w])
        elif len(w) >= 5 and w.isalpha():
            out.append(w.replace("x", "ks").replace("y", "i"))
        else:
            return None
    return (_HEAD_KINDS[heads[0]], out) if out else None


def _same_name_words(a: list[str], b: list[str]) -> bool:
    """Word for word the same saint, or spellings of one word: first letters equal and the
    first seven letters at most two apart (Sistine "sistine" / Sykstyńskiej "sikstin")."""
    if len(a) != len(b):
        return False
    for x, y in zip(sorted(a), sorted(b)):
        if x.startswith("saint:") or y.startswith("saint:"):
            if x != y:
                return False
        elif x[0] != y[0] or Levenshtein.distance(x[:7], y[:7]) > 2:
            return False
    return True


def _translated_things(entities: list[Entity], lang_of: dict[str, str]) -> list[Entity]:
    """A building or square named in several languages by translated words (Plaza de San
    Pedro / Praça São Pedro / place Saint-Pierre; Kaplicy Sykstyńskiej / Sixtus-kápolna):
    entries that are no people, each with a name of one head word, whose heads are of one
    kind (square, chapel, basilica...) and whose other words are the same saint or
    spellings of one word, each entry written in languages of its own, are one."""
    sigs: list[tuple[Entity, list[tuple[str, list[str]]]]] = []
    for e in entities:
        if _kind(e) == "person":
            continue
        mine = [sig for s in e.surfaces if (sig := _translation_signature(s)) is not None]
        if mine:
            sigs.append((e, mine))
    parent = {id(e): id(e) for e, _ in sigs}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, (a, sa) in enumerate(sigs):
        for b, sb in sigs[i + 1:]:
            if find(id(a)) == find(id(b)):
                continue
            if any(ka == kb and _same_name_words(wa, wb) for ka, wa in sa for kb, wb in sb):
                parent[find(id(b))] = find(id(a))
    groups: dict[int, list[Entity]] = defaultdict(list)
    for e, _ in sigs:
        groups[find(id(e))].append(e)
    gone: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        # One language holding two of them names two things, unless the two share a word
        # there ("chapelle Sixtine" and "Sixtine" alone).
        langs = [{lang_of.get(x, "und") for x in e.articles} for e in group]
        words = [{w for s in e.surfaces for w in re.split(r"[\s\-‐]+", _fold_words(s))
                  if len(w) >= 5 and w not in _HEAD_KINDS} for e in group]
        if any(langs[i] & langs[j] and not words[i] & words[j]
               for i in range(len(group)) for j in range(i + 1, len(group))):
            continue
        _merge_group(group, gone)
    return [e for e in entities if id(e) not in gone]


def _head_spelling(word: str) -> str:
    # c/k and sz/s written apart by languages: Dicasterio / Dikasztérium.
    return anyascii(word).lower().replace("sz", "s").replace("c", "k")


def _translated_institutions(entities: list[Entity], lang_of: dict[str, str]) -> list[Entity]:
    """An institution named in several languages by a translated description around one
    head word ("Dicasterio para los Obispos" / "Püspöki Dikasztérium"): entries whose head
    words are spellings of one word (first seven letters at most two apart once c/k and
    sz/s are one), each written in languages of its own, are one, when no word of theirs
    names someone or somewhere (a place, a saint, a first name, another entry): those
    tell two institutions of one kind apart (Ordem de Santo Agostinho is no Ordine dei
    Vescovi), and a description without them names the event's one body of that kind."""
    singles = {s.casefold() for e in entities for s in e.surfaces if " " not in s}
    cands: list[tuple[Entity, str]] = []
    for e in entities:
        if _kind(e) == "person":
            continue
        heads: set[str] = set()
        named = False
        for s in e.surfaces:
            words = [w.strip("'’.,") for w in re.split(r"[\s\-‐]+", s) if w.strip("'’.,")]
            if len(words) < 2:
                continue
            for w in words:
                low = w.lower()
                if low in _ORG_HEADS:
                    heads.add(_head_spelling(w))
                elif w.islower() or low in _CONNECTOR_WORDS or low in _HEAD_CONNECTORS:
                    continue
                elif gazetteer.lookup(w) is not None or is_first_name(w) or w.casefold() in singles \
                        or anyascii(low).strip(".") in _SAINT_WORDS or anyascii(low) in _SAINTS:
                    named = True
        if len(heads) == 1 and not named:
            cands.append((e, heads.pop()))
    # Whole groups of one head (every entry with a spelling of it), so that one language
    # naming two such institutions keeps all of them apart.
    grouped: set[int] = set()
    gone: set[int] = set()
    for i, (a, ha) in enumerate(cands):
        if id(a) in grouped:
            continue
        group, spellings = [a], [ha]
        for b, hb in cands[i + 1:]:
            if id(b) not in grouped and any(h[0] == hb[0] and Levenshtein.distance(h[:7], hb[:7]) <= 2
                                            for h in spellings):
                group.append(b)
                spellings.append(hb)
        grouped |= {id(e) for e in group}
        langs = [{lang_of.get(x, "und") for x in e.articles} for e in group]
        if len(group) < 2 or sum(len(x) for x in langs) != len(set().union(*langs)):
            continue  # one language names two of them: two institutions
        _merge_group(group, gone)
    return [e for e in entities if id(e) not in gone]


def _merge_group(group: list[Entity], gone: set[int]) -> None:
    """Merge `group` into its most reported entity; the others' ids go to `gone`."""
    keep = max(group, key=lambda e: (len(e.articles), e.key))
    for e in group:
        if e is not keep:
            _merge_into(keep, e)
            gone.add(id(e))


def _fold_words(s: str) -> str:
    return anyascii(s).lower()


_RUSSIAN_ADJECTIVE = re.compile(r"sk(?:ogo|ii|iy|ij|aia|aya|oi|oe|uiu|om|im|ikh|ie|omu)$")
_CYRILLIC_GREEK = re.compile(r"^[\u0370-\u03FF\u0400-\u04FF\-]+$")


def _cyrillic_spellings(entities: list[Entity], lang_of: dict[str, str]) -> list[Entity]:
    """A thing named in one word in Cyrillic or Greek whose transliteration is one letter
    from a distinctive word of a Latin-script thing of other languages is that thing
    (Чираган "chiragan" ~ Ciragan Palace): keys read the same letter apart across
    alphabets (Cyrillic ч, Turkish c). Six letters or more, never people, never a word
    the gazetteer knows."""
    def langs(e: Entity) -> set[str]:
        return {lang_of.get(a, "und") for a in e.articles}

    latin: list[tuple[str, Entity]] = []
    for e in entities:
        if _kind(e) == "person":
            continue
        for s in e.surfaces:
            for w in re.split(r"[\s\-‐]+", s):
                if len(w) >= 6 and _LATIN_ONLY.match(w) and _cased(w) and not w.isupper() \
                        and not is_head_word(w) and not is_first_name(w) and gazetteer.lookup(w) is None:
                    latin.append((_fold(w), e))
    gone: set[int] = set()
    for e in entities:
        if _kind(e) == "person" or not e.surfaces \
                or not all(_CYRILLIC_GREEK.match(s) and " " not in s and len(s) >= 6 for s in e.surfaces) \
                or any(gazetteer.lookup(s) is not None for s in e.surfaces):
            continue
        folds = {_fold(s) for s in e.surfaces}
        # A relational adjective of the name (Августинского ордена, "of the Augustinian
        # order"): its stem is the name's spelling.
        folds |= {stem for f in folds if len(stem := _RUSSIAN_ADJECTIVE.sub("", f)) >= 6}
        hosts = {id(t): t for f, t in latin for g in folds
                 if t is not e and id(t) not in gone and f[:1] == g[:1] and Levenshtein.distance(f, g) <= 1
                 and not langs(t) & langs(e)}
        if len(hosts) == 1:
            _merge_into(next(iter(hosts.values())), e)
            gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


def _forms(surface: str, key: str) -> list[str]:
    """The surface and, for a name keyed by its last word ("Vladimir Putin" -> "ptn"),
    that last word alone: articles mostly write the surname, and it is the spelling readers
    look for (Zelenskyy, Зеленский)."""
    out = [surface]
    words = surface.split()
    if len(words) > 1 and " " not in key and name_key(words[-1]) == key \
            and words[-1].casefold() not in DESIGNATORS:  # "Province" of Kunar Province names no place
        out.append(words[-1])
    return out


def display_name(e: Entity) -> str:
    """The Latin-script full form used in most articles; ties go to the spelling closest
    to the other full forms (the consensus transliteration: Zelensky between Zelenskyy and
    Zelenski). Without any Latin form, the most frequent surface."""
    surfaces = list(e.surfaces)
    latin = [s for s in surfaces if _LATIN_ONLY.match(s)]
    pool = latin or surfaces
    # Full names (two words or more) in the most articles: "Dmitry Peskov" over a one-off
    # "Kremlsprecher Dmitri Peskow" that swallowed a title.
    # A form opening with a lower-case word the bare name is also written without ("von
    # Infratest" of "Zahlen von Infratest") is the name after a preposition, not in full.
    full = [s for s in pool if len(s.split()) >= 2
            and not (s.split()[0].islower() and s.split(" ", 1)[1] in e.surfaces)] or pool
    # A form written with its title ("Papa Benedetto XVI") names the entry only when
    # there is no other.
    full = [s for s in full if not _titled(s)] or full
    folded = {s: anyascii(s).lower() for s in full}

    def spread(s: str) -> int:
        return sum(Levenshtein.distance(folded[s], folded[o]) for o in full)

    return min(full, key=lambda s: (-len(e.surface_articles[s]), spread(s), s))


def reader_language_name(e: Entity, lang_of: dict[str, str], lang: str) -> str | None:
    """The form the reader's own language uses: the full name its articles write most
    (Francis, not Francisco; Roman Catholic Church, not Igreja Católica); for an English
    reader, failing that, the gazetteer's name of a place all of whose forms it knows as
    one (Estados Unidos / Amerika Serikat / 美國: United States). None when neither."""
    def in_reader(s: str) -> int:
        return sum(1 for a in e.surface_articles[s] if lang_of.get(a) == lang)

    longer = [s.split() for s in e.surfaces if " " in s]

    def inside_longer(s: str) -> bool:  # "Latina" of "América Latina"
        return any(s in words and len(words) > 1 for words in longer)

    own = [s for s in e.surfaces if in_reader(s) and (_LATIN_ONLY.match(s) or lang not in _LATIN_READERS)]
    full = [s for s in own if len(s.split()) >= 2] or [s for s in own if not inside_longer(s)]
    full = [s for s in full if not _titled(s)] or full
    if full:
        return min(full, key=lambda s: (-in_reader(s), -len(e.surface_articles[s]), s))
    if lang == "en" and _kind(e) == "place":
        # Two spellings the gazetteer knows, both one place: a lone form may be an alternate
        # name of another place there (a capital filed under its country).
        known = [p.name for s in e.surfaces if (p := gazetteer.lookup(s)) is not None and p.is_place]
        if len(known) >= 2 and len(set(known)) == 1:
            return anyascii(known[0])
    return None


# Readers whose language is written in Latin script: a form in another script inside
# their articles is a quotation of a foreign spelling, not their name for it.
_LATIN_READERS = frozenset({"en", "de", "fr", "es", "it", "pt", "ro", "pl", "nl", "tr", "id", "tl", "hu", "hr", "bs",
                            "cs", "sk", "sv", "da", "no", "fi"})


def _titled(s: str) -> bool:
    first = s.split()[0]
    return len(s.split()) >= 2 and (_is_title(first.lower()) or anyascii(first).lower().rstrip(".") in _SAINT_WORDS)


def _kind(e: Entity) -> str:
    specific = [(n, k) for k, n in e.kinds.items() if k != "name"]
    return max(specific)[1] if specific else "name"


def _title_keys(title: str) -> set[str]:
    words = re.findall(r"[^\W\d_][\w\u0900-\u097F'’\-]*", title or "")
    keys = {name_key(w) for w in words}
    return {k for k in keys if k}


def _unsupported(e: Entity, d: dict, lang_of: dict[str, str], bodies: dict[str, str]) -> bool:
    """A single capitalised word with no evidence of being a name: no type (not a place
    or institution the gazetteer knows, no title or first name before it, no organisation
    word or acronym), one word in every spelling, and written in one language only. Such
    a word is mostly an ordinary noun capitalised by custom or position ("Chiesa",
    "Conseil"); a name is written in the other languages' articles too. A name written
    with inner capitals or a hyphen (TruthSocial, Lashkar-e-Toiba) keeps its shape as
    evidence, and one in a title stays when an article's text names it too (`bodies`: the
    texts without their titles): a headline's name is the news, which the text goes on to
    tell, while a word only a title holds ("nel centro del Paese", a country) was
    capitalised by custom, as a body's would be.

    German capitalises every noun, so there a capital, a title, a hyphenated compound
    (Energie-Infrastruktur) or a title word before it ("Thema" after a cue) prove nothing:
    only a known first name does."""
    if any(len(s.split()) > 1 for s in e.surfaces):
        return False
    langs = {lang_of.get(a, "und") for a in e.articles}
    if len(langs) != 1:
        return False
    if langs <= _NOUN_CAPITALISING:
        return d["kind"] in ("name", "person") and not any(_spelt_as_first_name(s) for s in e.surfaces)
    # A title mention counts in a cased script only: a word of an uncased one ("नदी", river)
    # was taken for a name by where it stood, which a title says nothing about.
    if d["kind"] != "name" or (d["title_mentions"] and any(_cased(s) for s in e.surfaces)
                               and any(_spans(s, bodies.get(aid, ""), True)
                                       for s, aids in e.surface_articles.items() for aid in aids)):
        return False
    return not any(_shaped(s) for s in e.surfaces)


def _spelt_as_first_name(word: str) -> bool:
    """A first name by its key and within two letters of the listed spelling that gives
    the key (Jürgen / Jurgen): a German noun may share a name's consonants ("Wort" and
    Virat are both "vrt") without its spelling."""
    if not is_first_name(word):
        return False
    low, key = anyascii(word).lower(), _token_key(word)
    return any(Levenshtein.distance(low, n) <= 2 for n in _FIRST_NAMES if _token_key(n) == key)


def _reader_name(e: Entity) -> str | None:
    from tidings.brief.entity_context import reader_name

    return reader_name(e)


def _english_name(e: Entity, lang_of: dict[str, str], text_of: dict[str, str]) -> bool:
    from tidings.brief.entity_context import english_name

    return english_name(e, lang_of, text_of)


def _noun_phrase(e: Entity, d: dict, lang_of: dict[str, str]) -> bool:
    """In a language that capitalises every noun, an untyped run of nouns joined by a
    lower-case word ("Nacht von Gesprächen", a night of talks; "Vatikanbehörde für
    Bischöfe", the Vatican's authority for bishops) is a description, as a lone noun is
    (`_unsupported`): no institution's head or organisation word types it, none of its
    words is a place, a first name or a name of another language's articles."""
    langs = {lang_of.get(a, "und") for a in e.articles}
    if d["kind"] != "name" or not langs or not langs <= _NOUN_CAPITALISING:
        return False
    multi = [s for s in e.surfaces if " " in s]
    if not multi or not all(any(w.islower() for w in s.split()[1:-1]) for s in multi):
        return False
    words = {w for s in e.surfaces for w in s.split() if not w.islower()}
    return not any(gazetteer.lookup(w) is not None or is_first_name(w) or _shaped(w) for w in words)


# Languages that capitalise every noun: a capital is no evidence of a name there.
_NOUN_CAPITALISING = frozenset({"de", "lb"})

# German words that stand before a noun and never before a name: articles and other
# determiners. (Feminine countries and parties take an article too, "die Ukraine", "die
# Linke": countries are let through, and a party is named in the other languages.)
_DE_DETERMINERS = frozenset("""
der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
keines alle allen aller viele vielen vieler mehrere mehreren einige einigen wenige wenigen
diese dieser diesen diesem dieses jene jener jenen jenem jedes jeder jeden jedem beide
beiden zwei drei vier fünf sechs sieben acht neun zehn hundert tausend tausende
""".split())
_DE_ADJECTIVE = re.compile(r"[a-zäöüß]{2,}(?:e|en|er|es|em)$")
# Words of those endings that are no adjectives: prepositions, conjunctions and the verbs
# that put a name after them as their subject ("gegen Scholz", "wollen Merz und Klingbeil").
_DE_NOT_ADJECTIVES = frozenset("""
über unter hinter wieder oder aber gegen wegen zwischen neben ohne außer seither hierzu
haben werden wurden worden sollen wollen können müssen dürfen sagen meinen meine
""".split())
_DE_VERB_PAST = re.compile(r"(?<!s)te[nt]?$")


def _after_a_modifier(before: str) -> bool:
    """A determiner, a number or an inflected adjective in lower case just before: the
    place of a noun in German ("der beste Wert", "nach ersten Zahlen", "12,5 Millionen"),
    not of a name, which stands after a verb or a preposition ("sagte Merz", "in Berlin").
    A weak past verb ("erklärte", "betonten") ends like an adjective but puts the name
    after it as its subject; a superlative ("höchsten") keeps its -sten."""
    m = re.search(r"(\S+)[ \t]+$", before)
    if m is None:
        return False
    word = m.group(1).strip("\"'„“”»«(")
    if re.fullmatch(r"[\d.,]+", word):
        return True
    if not word.islower():
        return False
    return word in _DE_DETERMINERS or bool(_DE_ADJECTIVE.fullmatch(word) and word not in _DE_NOT_ADJECTIVES
                                           and not _DE_VERB_PAST.search(word))


def _german_noun_use(e: Entity, d: dict, lang_of: dict[str, str], text_of: dict[str, str]) -> bool:
    """Read only in languages that capitalise every noun, and written there as a noun is:
    after a determiner, a number or an adjective at least half the times it occurs
    ("hinter geschlossenen Türen", "12,5 Millionen Personen"). The gazetteer reading
    ("Türen" folds to a spelling of Turin) or a first name of the same letters ("Wert")
    is no evidence against that; a country (die Ukraine), an acronym, a name of the
    shape of brands (Konrad-Adenauer-Haus) or one with a head word stays. An
    organisation is a noun only after numbers."""
    langs = {lang_of.get(a, "und") for a in e.articles}
    if d["kind"] not in ("name", "person", "place", "org") or not langs:
        return False
    german = {a for a in e.articles if lang_of.get(a) in _NOUN_CAPITALISING}
    counted_only = False
    if not langs <= _NOUN_CAPITALISING:
        # Spellings in scripts without capitals only ("17 Kilometer" and किलोमीटर): the
        # uncased reader takes a word for a name when it spells a name known from the
        # cased articles, here the German noun itself, so they are no second witness.
        # Only a count before the noun then marks it (units and counted things).
        foreign = [s for s in e.surfaces if any(lang_of.get(a) not in _NOUN_CAPITALISING
                                                 for a in e.surface_articles[s])]
        if not german or any(_CASED_LETTER.search(s) for s in foreign):
            return False
        counted_only = True
    for s in [s for s in e.surfaces if all(a in german for a in e.surface_articles[s])]:
        # (a head word or a connector of its own marks a name of things, "die Via della
        # Conciliazione": a place's or an institution's, which takes an article in German)
        words = s.split()
        if s.isupper() or any(_shaped(w) or is_head_word(w) or w.islower() for w in words):
            return False
        place = gazetteer.lookup(s, inflected=False)
        if place is not None and place.kind in ("country", "continent"):
            return False
    seen = _occurrences(e, {a: text_of[a] for a in german if a in text_of})
    if not seen:
        return False
    if d["kind"] == "org" or counted_only:
        # An institution takes an article and adjectives ("die neue Bundesregierung"): only
        # a count before it marks the noun ("325 Abgeordnete", members of parliament).
        return 2 * sum(bool(re.search(r"(?<!\S)[\d.,]*\d[ \t]+$", before)) for before, _, _ in seen) >= len(seen)
    return 2 * sum(_after_a_modifier(before) for before, _, _ in seen) >= len(seen)


_DE_WORD = re.compile(r"[^\W\d_][\w\-]*")
# Where a sentence (or a quotation inside one) begins: German capitalises its first word
# whatever it is, so a capital there says nothing.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;„“\"«»]|\n)[\s\"'„“”«»(]*$")


@lru_cache(maxsize=2_048)
def _german_word_uses(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The capitalised words `text` writes as nouns (after a determiner, a number or an
    adjective, `_after_a_modifier`), and the words it writes in lower case: read once per
    article, however many entities ask."""
    nouns, lower = set(), set()
    for m in _DE_WORD.finditer(text):
        w = m.group()
        if w.islower():
            lower.add(w)
        elif w[0].isupper() and not w.isupper() and _after_a_modifier(text[max(0, m.start() - 40):m.start()]):
            nouns.add(w)
    return frozenset(nouns), frozenset(lower)


def _german_sentence_lead(e: Entity, d: dict, lang_of: dict[str, str], text_of: dict[str, str]) -> bool:
    """Read only in languages that capitalise every noun, from a run that leads a sentence
    (or follows a modifier) wherever it stands, and whose first word the event's German
    articles write elsewhere as a noun or in lower case ("Liebe Brüder" opening a quotation,
    "universeller Liebe" further on): the run is that common word and what follows it, and
    what follows is a name only if it could stand alone (two words, a first name, a place,
    a name's shape). A name stands after verbs and prepositions too ("sagte Merz")."""
    langs = {lang_of.get(a, "und") for a in e.articles}
    if d["kind"] not in ("name", "person", "org") or not langs or not langs <= _NOUN_CAPITALISING:
        return False
    nouns: set[str] = set()
    lower: set[str] = set()
    for aid, text in text_of.items():
        if lang_of.get(aid) in _NOUN_CAPITALISING:
            n, lw = _german_word_uses(text)
            nouns |= n
            lower |= lw
    # (a surname form, "Freunde" of "Liebe Freunde", is judged with its full name)
    for s in [s for s in e.surfaces if not any(o != s and o.endswith(" " + s) for o in e.surfaces)]:
        words = s.split()
        if s.isupper() or any(_shaped(w) for w in words) or is_first_name(words[0]):
            return False
        if words[0] not in nouns and words[0].lower() not in lower:
            return False
        rest = words[1:]
        if len(rest) > 1 or rest and (is_first_name(rest[0]) or _shaped(rest[0]) or rest[0].isupper()
                                      or gazetteer.lookup(rest[0]) is not None or is_head_word(rest[0])):
            return False
    seen = _occurrences(e, {a: text_of[a] for a in e.articles if a in text_of})
    if not seen:
        return False
    leads = [bool(_SENTENCE_START.search(before)) for before, _, _ in seen]
    return any(leads) and all(lead or _after_a_modifier(before) for lead, (before, _, _) in zip(leads, seen))


# Where a line begins after a bullet, a dash or a live report's time ("13:33 "): a
# sentence's first word stands there too.
_LINE_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:[-–—•*·]|\d{1,2}[:.h]\d{2})?[ \t\"'„“”«»(]*$")


def _leads(before: str) -> bool:
    return bool(_SENTENCE_START.search(before) or _LINE_LEAD.search(before))


def _common_word_lead(e: Entity, d: dict, lang_of: dict[str, str], text_of: dict[str, str]) -> bool:
    """One capitalised word that stands only where a sentence or a line begins, in a
    language that capitalises a sentence's first word whatever it is ("Кроме того",
    "Jamais dans l'histoire", "Четыре волны"), and that nothing else marks as a name: it
    is written in one language only, and neither the gazetteer nor the listed first names
    know it. A name keeps its capital in the middle of a sentence too. (A word the event
    also writes in lower case is dropped by `tidy`.) A spelling of a language that
    capitalises every noun may stand after a determiner or an adjective instead, as a
    noun does ("die Seele", met by a near key): then that proves the word common, and
    the entity may span languages."""
    if d["kind"] == "org" or not e.surfaces:
        return False
    noun = False
    for s in e.surfaces:
        if " " in s or not s[:1].isupper() or s.isupper() or _shaped(s) or not _CASED_LETTER.search(s):
            return False
        for aid in e.surface_articles[s]:
            lang, text = lang_of.get(aid, "und"), text_of.get(aid, "")
            befores = [text[max(0, a - 60):a] for a, _ in _spans(s, text, True)]
            if not befores:
                return False
            nouns = [lang in _NOUN_CAPITALISING and _after_a_modifier(b) for b in befores]
            if not all(n or _leads(b) for n, b in zip(nouns, befores)):
                return False
            noun = noun or any(nouns)
    return noun or len({lang_of.get(a, "und") for a in e.articles}) == 1 and not any(
        gazetteer.lookup(s) is not None or anyascii(s).lower() in _FIRST_NAMES for s in e.surfaces)


# A day and month in digits right after a word: "Tuesday (22/4)", "Τρίτη 22.4.".
_DATE_AFTER = re.compile(r"^[ \t]*[(,]?[ \t]*\d{1,2}[/.]\d{1,2}(?![\d,])")


def _weekday(e: Entity, text_of: dict[str, str]) -> bool:
    """One word followed, wherever it stands, by a day and month in digits: the date's
    weekday (Greek and others capitalise days, "την Τρίτη (22/4)"), not a name. A place
    heading a dateline is followed by a date too ("Kabul, 31.8."): the gazetteer knows
    it."""
    if not e.surfaces or any(" " in s or gazetteer.lookup(s) is not None for s in e.surfaces):
        return False
    seen = _occurrences(e, text_of)
    return bool(seen) and all(_DATE_AFTER.match(after) for _, _, after in seen)


# A weekday and "of" before a word: the day of a feast ("lundi de Pâques", "lunedì
# dell'Angelo", "Monday of Holy Week").
_DAY_OF = re.compile(r"(?<![^\W\d_])([^\W\d_][\w\-]*)[ \t]+(?i:de|di|del|della|dell['’]|du|des|da|do|of|"
                     r"de la|de l['’])[ \t]*$")


def _feast_day(e: Entity, d: dict, text_of: dict[str, str]) -> bool:
    """An untyped word that names a day: somewhere it follows a weekday and "of" ("en ce
    lundi de Pâques"). A feast is capitalised by custom everywhere in a sentence and makes
    the news in a title, yet it is a date of the calendar, no party to the event. (A
    weekday after a word proves nothing: "hit Norville Monday".)"""
    if d["kind"] != "name" or not e.surfaces:
        return False
    return any((m := _DAY_OF.search(before)) and weekday_of(m.group(1)) is not None
               for before, _, _ in _occurrences(e, text_of))


def _near_first_name_only(e: Entity, lang_of: dict[str, str], text_of: dict[str, str]) -> bool:
    """A lone Latin word taken for a person only because its letters are near a first
    name's ("Rafale", a fighter jet, and Rafael are both "rfl"): written in one language,
    no listed first name exactly, no title before it anywhere. A person named by a first
    name alone is named by its usual spelling (Letizia, William)."""
    if len({lang_of.get(a, "und") for a in e.articles}) != 1:
        return False
    for s in e.surfaces:
        if " " in s or not _LATIN_ONLY.match(s) or not is_first_name(s) or s.lower() in _FIRST_NAME_SET \
                or gazetteer.lookup(s) is not None:
            return False
    seen = _occurrences(e, text_of)
    return bool(seen) and not any((m := _LAST_WORD.search(before)) and _is_title(m.group(1).casefold())
                                  for before, _, _ in seen)


# What makes a token a link: a scheme, an escaped slash, or a host before a path.
_LINK = re.compile(r"(?i)://|%2F|(?<![^\W_])(?:[a-z0-9\-]+\.)+[a-z]{2,}/")
_SPACE = re.compile(r"\s")


def _in_links(e: Entity, text_of: dict[str, str]) -> bool:
    """Read only from inside links (a tweet's "pic.twitter.com/QxZr7vbnm3", a quoted
    address's "%2Ffeed%2F"): letters of an address, no name. A name has at least one
    occurrence in running text."""
    found = False
    for s in e.surfaces:
        for aid in e.surface_articles[s]:
            text = text_of.get(aid, "")
            for at, after in plain_spans(s, text):
                start = max(text.rfind(c, 0, at) for c in " \n\t") + 1
                end = next((i.start() for i in _SPACE.finditer(text, after)), len(text))
                if not _LINK.search(text[start:end]):
                    return False
                found = True
    return found


_ACRONYM = r"[A-ZÄÖÜ]{2,5}"
_AFTER_ACRONYM = re.compile(rf"(?<![\w\-]){_ACRONYM}(?:,| und| oder)[ \t]+$")
_BEFORE_ACRONYM = re.compile(rf"^(?:,| und| oder)[ \t]+{_ACRONYM}(?![\w\-])")


def _listed_with_acronyms(e: Entity, d: dict, lang_of: dict[str, str], text_of: dict[str, str]) -> bool:
    """A German word written in a list beside acronyms ("SPD und Grünen", "Grüne, SPD
    und FDP") is of their kind, an organisation's name, though German writes it with an
    article as it writes nouns ("die Grünen"): no test of nouns holds for it."""
    langs = {lang_of.get(a, "und") for a in e.articles}
    if d["kind"] not in ("name", "org") or not langs or not langs <= _NOUN_CAPITALISING \
            or any(" " in s or s.isupper() for s in e.surfaces):
        return False
    seen = _occurrences(e, {a: text_of[a] for a in e.articles if a in text_of})
    return any(_AFTER_ACRONYM.search(before) or _BEFORE_ACRONYM.match(after) for before, _, after in seen)


def _place_by_its_head(e: Entity) -> bool:
    """A name ending in a place's head word ("Kuril Islands", "Kamchatka Peninsula") is a
    place, whatever title or first name was read near it."""
    heads = _PLACE_WORDS | DESIGNATORS
    return any(len(s.split()) > 1 and (w := s.split()[-1].casefold()) and (w in heads or w.removesuffix("s") in heads)
               for s in e.surfaces)


def _shaped(word: str) -> bool:
    """Inner capitals or a hyphen between letters (TruthSocial, Sixtus-kápolna), the shape
    of names and brands, not of ordinary words."""
    return bool(re.search(r"[^\W\d_][\-‐][^\W\d_]", word)) or any(c.isupper() for c in word[1:]) \
        and not word.isupper()


def rank(entities: list[Entity], articles: list[Article], config: Config = DEFAULT,
         lang: str | None = None, rejected: set[str] | None = None) -> list[dict]:
    """The entity entries of a brief, most salient first, each named for a reader of
    `lang` when given (`reader_language_name`). `rejected` receives the keys of the
    entities found to be no names (an ordinary word capitalised, `_unsupported`...), not
    those left out only by the count.

    Salience mixes the share of articles naming the entity, the share naming it in the
    title, and the share of the event's languages it is named in (weights in Config).
    """
    n = max(1, len(articles))
    langs_all = {a.lang or "und" for a in articles}
    lang_of = {a.id: a.lang or "und" for a in articles}
    title_keys = {a.id: _title_keys(a.title) for a in articles}
    entities_by_key = {e.key: e for e in entities}
    out: list[dict[str, Any]] = []
    for e in entities:
        in_title = sum(
            1 for aid in e.articles if any(k.removesuffix(_PERSON_MARK).split()[-1] in title_keys[aid] for k in e.keys)
        )
        langs = {lang_of[aid] for aid in e.articles}
        salience = (
            config.salience_article_weight * len(e.articles) / n
            + config.salience_title_weight * in_title / n
            + config.salience_language_weight * len(langs) / max(1, len(langs_all))
        )
        variants = sorted(e.surfaces, key=lambda s: (-len(e.surface_articles[s]), -e.surfaces[s], s))
        out.append({
            "id": e.key,
            "name": (lang and reader_language_name(e, lang_of, lang)) or _reader_name(e) or display_name(e),
            "kind": _kind(e),
            "variants": variants,
            "variant_articles": {s: sorted(e.surface_articles[s]) for s in variants},
            "articles": sorted(e.articles),
            "languages": sorted(langs),
            "title_mentions": in_title,
            "salience": round(salience, 4),
        })
    text_of = {a.id: (a.text or "")[:20_000] for a in articles}
    titled_text_of = {a.id: f"{a.title or ''}\n{text_of[a.id]}" for a in articles}
    for d in out:
        if d["kind"] == "person" and _place_by_its_head(entities_by_key[d["id"]]):
            d["kind"] = "place"
    listed = {d["id"] for d in out if _listed_with_acronyms(entities_by_key[d["id"]], d, lang_of, text_of)}
    for d in out:
        if d["kind"] == "person" and _near_first_name_only(entities_by_key[d["id"]], lang_of, text_of):
            d["kind"] = "name"
        if d["kind"] == "name" and (d["id"] in listed or _MIXED_ACRONYM.fullmatch(d["variants"][0])):
            d["kind"] = "org"
    # (a text may open with its title, which it then names no second time)
    bodies = {a.id: t[len(title):] if title and t.startswith(title) else t
              for a in articles for t, title in [(text_of[a.id].lstrip(), (a.title or "").strip())]}
    named = [d for d in out if (not _unsupported(entities_by_key[d["id"]], d, lang_of, bodies)
                                or _english_name(entities_by_key[d["id"]], lang_of, text_of) or d["id"] in listed)
             and not _noun_phrase(entities_by_key[d["id"]], d, lang_of)
             and (d["id"] in listed or not _german_noun_use(entities_by_key[d["id"]], d, lang_of, text_of))
             and not _german_sentence_lead(entities_by_key[d["id"]], d, lang_of, text_of)
             and not _common_word_lead(entities_by_key[d["id"]], d, lang_of, titled_text_of)
             and not _weekday(entities_by_key[d["id"]], titled_text_of)
             and not _feast_day(entities_by_key[d["id"]], d, titled_text_of)
             and not _in_links(entities_by_key[d["id"]], titled_text_of)]
    if rejected is not None:
        rejected |= {d["id"] for d in out} - {d["id"] for d in named}
    out = named
    out.sort(key=lambda d: (-d["salience"], d["name"]))
    return out[: config.brief_max_entities]
