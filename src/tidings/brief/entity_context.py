"""Evidence about an event's entries read from the words around their names.

Kept apart from `entities.py`, which calls these from `tidy` and `rank`: each function
reads the articles' text around an entry's occurrences and types, splits, merges or names
entries accordingly. None knows any particular name: the word lists are titles, heads of
facilities and cue words, in several languages.
"""

from __future__ import annotations

import re
from collections import defaultdict

from anyascii import anyascii

from tidings.brief import entities as E
from tidings.records import Article
from tidings.understand import gazetteer
from tidings.understand.names import _is_title, is_first_name, is_head_word, name_key

# Titles written in lower case before a name that the extractor's list (capitalised
# cues) lacks, mostly Ukrainian and Russian forms and envoys: "помічник Путіна",
# "спецпосланник", "l'émissaire américain Steve Witkoff".
_MORE_TITLES = frozenset("""
помічник помічника радник речник речниця секретар секретаря міністр міністра голова посол
посланник спецпосланник спецпредставник заступник прем'єр президента президент
помощник помощника секретарь секретаря министра посланник спецпосланник спецпредставитель
представитель заместитель
émissaire envoyé secrétaire emisario enviado secretario inviato emissario segretario
emisar emisarul trimisul secretarul sondergesandte sondergesandter gesandte gesandter sekretär
""".split())


# Posts that serve a person: the name after one is its principal's ("помічник Путіна",
# the aide of Putin), a person, where other titles may take an institution
# ("голова Ради", the head of the council).
_AIDES = frozenset("помічник помічника радник радника помощник помощника советник советника aide "
                   "adviser advisor envoy посланник спецпосланник".split())

# Languages that join a title to an institution with a preposition or an article ("head
# of the Church", "chef de l'Église"), so a title just before a name is that person's:
# Indonesian "kardinal Gereja Katolik" or Russian "глава Минобороны" put the institution
# right after the title.
_TITLE_THEN_PERSON = frozenset("en fr es it pt ca de nl".split())


def _title_word(word: str) -> bool:
    low = word.casefold().strip("'’«»\"")
    return _is_title(low) or low in _MORE_TITLES


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’\-]*", text)


def _acronym(s: str) -> bool:
    return " " not in s and s.isupper() and 2 <= len(s) <= 6


def people_after_titles(entities: list[E.Entity], text_of: dict[str, str], lang_of: dict[str, str]) -> None:
    """An untyped name is a person where an article writes a title just before it, in
    lower case, perhaps with one lower-case adjective between ("US special envoy Steve
    Witkoff", "secretary Rustem Umerov", "l'émissaire américain Steve Witkoff"): the
    extractor takes only a capitalised title as a cue. Not for acronyms ("глава МИД"
    names a ministry), places the gazetteer knows, or names with a head word of an
    institution or a building."""
    for e in entities:
        # A person's full name is written at least once (a title before a bare word is
        # more often a genitive or an institution's: "secretary of State").
        if E._kind(e) != "name" or not any(len(s.split()) > 1 for s in e.surfaces):
            continue
        if any(_acronym(s) or gazetteer.lookup(s) is not None or any(is_head_word(w) for w in s.split())
               for s in e.surfaces):
            continue
        texts = {a: text_of[a] for a in e.articles if a in text_of and lang_of.get(a) in _TITLE_THEN_PERSON}
        for before, _, _ in E._occurrences(e, texts):
            if not before[-1:].isspace():
                continue
            words = _words(before)[-2:]
            if not words:
                continue
            if _title_word(words[-1]) and words[-1][:1].islower() \
                    or len(words) == 2 and words[-1].islower() and len(words[-1]) > 3 \
                    and words[-1] not in E._CONNECTOR_WORDS and _title_word(words[-2]) and words[-2][:1].islower():
                e.kinds["person"] += 1
                break


# The last word of a facility's name: a power plant, a dam, a station is a place.
_FACILITY_HEADS = frozenset("""
plant plants station dam reactor refinery mine port airbase base terminal
kraftwerk atomkraftwerk akw centrale centrala centralei centralelor central
электростанция электростанции аэс аес електростанція електростанції
""".split())


def facilities(entities: list[E.Entity]) -> None:
    """An untyped name ending in the head word of a facility ("Zaporizhzhia Nuclear Power
    Plant", "Kakhovka Dam") is a place."""
    for e in entities:
        if E._kind(e) == "name" and any(len(s.split()) > 1 and s.split()[-1].casefold() in _FACILITY_HEADS
                                        for s in e.surfaces):
            e.kinds["place"] += 1


def names_before_full_names(entities: list[E.Entity], text_of: dict[str, str]) -> list[E.Entity]:
    """A capitalised word glued before a full name is another name ("помічник Путіна
    Володимир Мединський", Putin's aide Vladimir Medinsky: the genitive and the name after
    it make one run of capitals in Ukrainian and Russian). Where a surface of three words
    or more has a known first name second, and its first word is neither a first name, a
    title, a head word nor a place the gazetteer knows, the first word leaves: the entry
    keeps the full name, the word joins the entry that holds it or becomes one (a person
    when a title stands before it, as the principal of "the aide of")."""
    by_surface = {s: e for e in entities for s in e.surfaces}
    new: list[E.Entity] = []
    for e in list(entities):
        for s in [s for s in e.surfaces if len(s.split()) >= 3]:
            words = s.split()
            first, rest = words[0], " ".join(words[1:])
            if not is_first_name(words[1]) or is_first_name(first) or _title_word(first) \
                    or is_head_word(first) or gazetteer.lookup(first) is not None or not E._cased(first):
                continue
            if name_key(rest) not in e.keys and name_key(rest) != e.key.removesuffix(E._PERSON_MARK):
                continue
            n, aids = e.surfaces.pop(s), e.surface_articles.pop(s)
            e.surfaces[rest] += n
            e.surface_articles[rest] |= aids
            key = name_key(first)
            target = by_surface.get(first) or next((t for t in entities + new if key in t.keys and t is not e), None)
            if target is None:
                target = E.Entity(key=key)
                target.keys.add(key)
                new.append(target)
                by_surface[first] = target
            target.surfaces[first] += n
            target.surface_articles[first] |= aids
            target.articles |= aids
            titled = any(before[-1:].isspace() and _words(before) and _words(before)[-1].casefold() in _AIDES
                         for aid in aids
                         for before in (text_of.get(aid, "")[max(0, m.start() - 40):m.start()]
                                        for m in re.finditer(re.escape(s), text_of.get(aid, ""))))
            target.kinds["person" if titled else "name"] += n
    return entities + new


def acronyms_of_one_post(entities: list[E.Entity], text_of: dict[str, str], lang_of: dict[str, str]) -> list[E.Entity]:
    """Two acronyms in articles of two languages are one body where both stand between
    the same title and the same person ("секретар РНБО Рустем Умєров" / "секретарь СНБО
    Рустем Умеров": the Ukrainian and the Russian initials of one council, whose words
    differ by language). Within one language two acronyms are two bodies."""
    people = [e for e in entities if E._kind(e) in ("person", "name") and not any(_acronym(s) for s in e.surfaces)]

    def person_after(aid: str, after: str) -> int | None:
        # The person named right after the acronym, perhaps after one capitalised word
        # (a genitive: "глава МИД Турции Хакан Фидан").
        head = after[:60]
        for skip in (r"\s+", r"\s+[^\W\d_][\w\-]*\s+"):
            for p in people:
                for s in p.surfaces:
                    if aid in p.surface_articles[s] and re.match(skip + re.escape(s) + r"(?!\w)", head):
                        return id(p)
        return None

    posts: dict[int, set[tuple[str, int, str]]] = {}  # entry -> (title stem, person, language)
    acronyms = [e for e in entities if e.surfaces and all(_acronym(s) for s in e.surfaces)
                and not any(gazetteer.lookup(s) is not None for s in e.surfaces)]
    for e in acronyms:
        found: set[tuple[str, int, str]] = set()
        for aid in e.articles:
            if aid not in text_of:
                continue
            for before, _, after in E._occurrences(e, {aid: text_of[aid]}):
                words = _words(before)
                if not (before[-1:].isspace() and words and _title_word(words[-1])):
                    continue
                person = person_after(aid, after)
                if person is not None:
                    found.add((words[-1].casefold()[:5], person, lang_of.get(aid, "und")))
        posts[id(e)] = found
    gone: set[int] = set()
    groups: dict[tuple[str, int], list[E.Entity]] = defaultdict(list)
    for e in acronyms:
        for stem, person, _ in posts[id(e)]:
            groups[(stem, person)].append(e)
    for members in groups.values():
        members = [m for m in {id(m): m for m in members}.values() if id(m) not in gone]
        if len(members) < 2:
            continue
        langs = [{lang for _, _, lang in posts[id(m)]} for m in members]
        # Every pair from two languages, neither written in the other's language.
        if any(a & b for i, a in enumerate(langs) for b in langs[i + 1:]):
            continue
        keep = max(members, key=lambda m: len(m.articles))
        for m in members:
            if m is not keep:
                E._merge_into(keep, m)
                gone.add(id(m))
    return [e for e in entities if id(e) not in gone]


def reader_name(e: E.Entity) -> str | None:
    """The English name of a place the gazetteer knows, for an entry with no Latin-script
    surface: "Туреччини" and "Турции" are inflected; Turkey is the name a reader of the
    brief knows it by."""
    if any(E._LATIN_ONLY.match(s) for s in e.surfaces) or E._kind(e) not in ("place", "org"):
        return None
    names = {anyascii(p.name) for s in e.surfaces if (p := gazetteer.lookup(s)) is not None and p.is_place}
    return next(iter(names)) if len(names) == 1 else None


# English capitalises names (and days, months, titles, demonyms), not ordinary nouns.
_CAPITALISING_NAMES_ONLY = frozenset({"en"})


def english_name(e: E.Entity, lang_of: dict[str, str], text_of: dict[str, str]) -> bool:
    """A single capitalised word of English text is a name when it stands mid-sentence in
    every occurrence and is no title or head word ("informed Axios on Saturday", "on the
    Bosphorus"): English capitalises names, not nouns, so `entities._unsupported`'s doubt
    about one word in one language (Chiesa, Conseil) does not hold there."""
    if any(" " in s or len(s) < 3 or not E._cased(s) or s.isupper() or is_head_word(s) or _title_word(s)
           for s in e.surfaces):
        return False
    if not e.articles or any(lang_of.get(a) not in _CAPITALISING_NAMES_ONLY for a in e.articles):
        return False
    seen = E._occurrences(e, {a: text_of[a] for a in e.articles if a in text_of})

    def mid_sentence(before: str, after: str) -> bool:
        # A lower-case word before it and no capital after it: not a sentence's first word,
        # nor one word of a longer name read apart ("the United States", "World War",
        # "Alternative for Germany"), nor a unit before its number ("Rs 3,100").
        m = re.search(r"([^\W\d_][\w'’\-]*)[ \t]+$", before)
        rest = after.lstrip(" \t-")
        return m is not None and m.group(1).islower() and not E._cased(rest[:1]) and not rest[:1].isdigit() \
            and not re.match(r"(?:of|for|de|du|des|del|della|di)\s+[A-Z]", rest)

    return bool(seen) and all(mid_sentence(before, after) for before, _, after in seen)


# "X के अनुसार" (according to X) after a place and one more word: a source named after
# its country (रूस टुडे, India Today in Devanagari), which the names stage reads as the
# place alone, since Devanagari has no capitals to end a name with.
_HI_ACCORDING_TO = re.compile(r"([\u0900-\u0963\u0971-\u097F]+)\s+([\u0900-\u0963\u0971-\u097F]+)\s+के\s+अनुसार")


def sources_named_after_places(entities: list[E.Entity], text_of: dict[str, str],
                               lang_of: dict[str, str]) -> list[E.Entity]:
    """An organisation for each "<place> <word> के अनुसार" in a Hindi article where the
    place is an entry the gazetteer knows and the word is no Hindi function word, no
    plural or verb ending and no other entry's name ("भारत सरकार के अनुसार" is the
    Government of India, an organisation too)."""
    from tidings.understand.names import _HI_BAD_ENDINGS, _HI_POSTPOSITIONS, _HI_STOP

    places = {s: e for e in entities if E._kind(e) == "place" for s in e.surfaces
              if E._DEVANAGARI.search(s) and gazetteer.lookup(s) is not None}
    held = {s for e in entities for s in e.surfaces}
    new: dict[str, E.Entity] = {}
    for aid, text in text_of.items():
        if lang_of.get(aid) != "hi" or "अनुसार" not in text:
            continue
        for m in _HI_ACCORDING_TO.finditer(text):
            place, word = m.group(1), m.group(2)
            if place not in places or word in held or word in _HI_STOP or word in _HI_POSTPOSITIONS \
                    or len(word) < 2 or word.endswith(_HI_BAD_ENDINGS) or gazetteer.lookup(word) is not None:
                continue
            name = f"{place} {word}"
            if name in held:
                continue
            t = new.get(name)
            if t is None:
                # Keyed by both words: the last one's key alone ("td") is too short to tell apart.
                t = new[name] = E.Entity(key=f"{name_key(place)} {name_key(word)}")
                t.keys.add(t.key)
            t.surfaces[name] += 1
            t.surface_articles[name].add(aid)
            t.articles.add(aid)
            t.kinds["org"] += 1
    return entities + list(new.values())


# Words of a newsroom's signature, not a person's name ("Redacción Noticias Iberia").
_NEWSROOM_WORDS = frozenset("""
staff desk newsroom team bureau agencies agency reporter reporters correspondent correspondents
editor editors editorial redacción redaccion redação redacao rédaction redaction redaktion redazione
redacția redactia redakcja редакция редакція
""".split())


def authors(entities: list[E.Entity], articles: list[Article]) -> list[E.Entity]:
    """The people who signed the articles (their bylines, `Article.author`), in passing:
    a byline names a person as much as the text does, and the cleaned text no longer
    holds it. Only names of two to four capitalised words with no title, head word or
    place among them, and never the outlet itself ("Agencies", "Reuters Staff" are
    no people)."""
    by_surface = {s: e for e in entities for s in e.surfaces}
    new: dict[str, E.Entity] = {}
    for a in articles:
        outlet = E._fold(a.source or "")
        for name in re.split(r"\s*(?:,|&|\band\b|\bund\b|\bși\b|\bet\b|\by\b|\bи\b|\bі\b)\s*", a.author or ""):
            words = name.split()
            if not 2 <= len(words) <= 4 or not all(E._cased(w) and re.fullmatch(r"[^\W\d_][\w'’\-]*", w)
                                                   for w in words):
                continue
            if any(_title_word(w) or is_head_word(w) or gazetteer.lookup(w) is not None
                   or w.casefold() in _NEWSROOM_WORDS for w in words) \
                    or (outlet and (outlet in E._fold(name) or E._fold(name) in outlet)):
                continue
            t = by_surface.get(name) or new.get(name)
            if t is None:
                t = new[name] = E.Entity(key=name_key(name) + "|author")
                t.keys.add(t.key)
            t.surfaces[name] += 1
            t.surface_articles[name].add(a.id)
            t.articles.add(a.id)
            t.kinds["person"] += 1
    return entities + list(new.values())


# A country's armed forces written as words in English ("the Ukrainian air force",
# "Pakistan's army"): an organisation that the extractor, reading capitals, never sees.
_FORCES = re.compile(r"(?<![\w\-])([A-Z][^\W\d_]+?)(?:'s|’s)?\s+(air force|navy|army|armed forces|military|coast guard)"
                     r"(?![\w\-])")


def forces_of_places(entities: list[E.Entity], text_of: dict[str, str], lang_of: dict[str, str]) -> list[E.Entity]:
    """An organisation for each "<place or its demonym> air force / army / navy / armed
    forces / military" of an English article, where the place is one of the event's
    (Ukrainian or Ukraine's, with Ukraine an entry): the forces are a party, as the
    analysts' references count them."""
    stems = E._place_stems(entities)
    held = {E._fold(s) for e in entities for s in e.surfaces}
    new: dict[str, E.Entity] = {}
    for aid, text in text_of.items():
        if lang_of.get(aid) != "en":
            continue
        for m in _FORCES.finditer(text):
            f = E._fold(m.group(1))
            if not any(f.startswith(x) and len(f) - len(x) <= 5 for x in stems) or is_first_name(m.group(1)):
                continue
            name = m.group(0)
            if E._fold(name) in held:
                continue
            key = f"{f[:5]} {m.group(2)}|forces"
            t = new.get(key)
            if t is None:
                t = new[key] = E.Entity(key=key)
                t.keys.add(key)
            t.surfaces[name] += 1
            t.surface_articles[name].add(aid)
            t.articles.add(aid)
            t.kinds["org"] += 1
    return entities + list(new.values())


# English cues of a one-word name's kind. A person takes no article, so after a locative
# preposition and "the" it is a place ("on the Bosphorus", "across the Donbas"); a
# one-word name that someone tells or informs, never written with a first name, is a
# medium ("informed Axios", "told Reuters": people are named in full first).
_LOCATIVE_THE = re.compile(r"(?i)(?<![^\W\d_])(?:on|in|at|across|along|near|over|into|off|beyond|through)\s+the\s+$")
_TOLD = re.compile(r"(?i)(?<![^\W\d_])(?:told|informed|according\s+to|in\s+an\s+interview\s+with|speaking\s+to)\s+$")


def english_kinds_by_cue(entities: list[E.Entity], text_of: dict[str, str], lang_of: dict[str, str]) -> None:
    """Types an untyped one-word English name (see `english_name`) by the words before
    it: a place after "on the", "in the"...; an organisation after "told", "informed",
    "according to"."""
    for e in entities:
        if E._kind(e) != "name" or any(" " in s for s in e.surfaces) or not english_name(e, lang_of, text_of):
            continue
        seen = E._occurrences(e, {a: text_of[a] for a in e.articles if a in text_of})
        if any(_LOCATIVE_THE.search(before) for before, _, _ in seen):
            e.kinds["place"] += 1
        elif any(_TOLD.search(before) for before, _, _ in seen) and not is_first_name(next(iter(e.surfaces))):
            e.kinds["org"] += 1
