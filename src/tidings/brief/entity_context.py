"""Evidence about an event's entries read from the words around their names.

Kept apart from `entities.py`, which calls these from `tidy` and `rank`: each function
reads the articles' text around an entry's occurrences and types, splits, merges or names
entries accordingly. None knows any particular name: the word lists are titles, heads of
facilities and cue words, in several languages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from anyascii import anyascii

from tidings.brief import entities as E
from tidings.records import Article
from tidings.understand import gazetteer
from tidings.understand.names import _PLACE_WORDS, _is_title, is_first_name, is_head_word, name_key

# Patterns built from the event's own names, compiled once each: these need more than a name
# found as a word (entities.word_spans does that by str.find, no pattern).
_compiled = lru_cache(maxsize=16_384)(re.compile)

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
                         for before in (text_of.get(aid, "")[max(0, start - 40):start]
                                        for start, _ in E.plain_spans(s, text_of.get(aid, ""))))
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
                    if aid in p.surface_articles[s] and _compiled(skip + re.escape(s) + r"(?!\w)").match(head):
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


def _sighting(t: E.Entity | None, new: dict[str, E.Entity], slot: str, key: str, surfaces: tuple[str, ...],
              aid: str, kind: str) -> E.Entity:
    """One more sighting, in article `aid`, of entry `t`, or (None) of a new entry made with
    `key` and kept in `new` under `slot`: its surfaces, the article, one vote for `kind`."""
    if t is None:
        t = new[slot] = E.Entity(key=key)
        t.keys.add(key)
    for s in surfaces:
        t.surfaces[s] += 1
        t.surface_articles[s].add(aid)
    t.articles.add(aid)
    t.kinds[kind] += 1
    return t

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
            # Keyed by both words: the last one's key alone ("td") is too short to tell apart.
            _sighting(new.get(name), new, name, f"{name_key(place)} {name_key(word)}", (name,), aid, "org")
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
            _sighting(by_surface.get(name) or new.get(name), new, name, name_key(name) + "|author", (name,), a.id,
                      "person")
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
            _sighting(new.get(key), new, key, key, (name,), aid, "org")
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


# A country's institutions written as words around the country's name, which the name
# readers see as the country alone (or not at all): Chinese glues the institution to the
# name ("印度军方", India's military), Arabic puts the country's adjective after the
# institution ("وزارة الدفاع الهندية", the Indian ministry of defence), Russian writes it
# in lower case with the country's genitive or adjective ("вооруженные силы Индии"),
# Turkish with a possessive ending ("Pakistan ordusunun"). Each head word by what it
# names, so that one country's institution written in several languages is one entry.
_ZH_INSTITUTIONS = {
    "军方": "forces", "軍方": "forces", "军队": "forces", "軍隊": "forces",
    "空军": "air force", "空軍": "air force", "海军": "navy", "海軍": "navy",
    "外交部": "foreign ministry", "国防部": "defence ministry", "國防部": "defence ministry",
}
# A head glued to a longer word that names something else: an air base (空军基地), the
# minister (外交部长), a spokesman (发言人).
_ZH_NOT_AFTER = re.compile(r"基地|部?长|部?長|发言人|發言人")
_AR_INSTITUTIONS = {
    "وزارة الدفاع": "defence ministry", "وزارة الخارجية": "foreign ministry",
    "المخابرات": "intelligence", "الاستخبارات": "intelligence", "الجيش": "forces",
    "القوات المسلحة": "forces", "سلاح الجو": "air force", "القوات الجوية": "air force",
}
_RU_HEADS = [
    (r"вооруж[её]нн\w+\s+сил\w*", "forces"), (r"арми\w+", "forces"),
    (r"министерств\w+\s+обороны", "defence ministry"),
    (r"министерств\w+\s+иностранных\s+дел", "foreign ministry"),
    (r"разведк\w+", "intelligence"), (r"спецслужб\w+", "intelligence"),
]
# (Acronyms, МИД or ВВС, are names the readers see, and an acronym with the country after
# it often names a post's body: "глава МИД Турции Хакан Фидан".)
# (Russian adjectives of one or two more words may stand between the country's adjective
# and the head: "пакистанской межведомственной разведки", Pakistan's inter-services
# intelligence.)
_RU_ENDING = r"(?:ой|ая|ий|ый|ые|ых|ого|ому|ую|ое|ым|ими)"
_RU_ADJECTIVE = r"[а-яё]+" + _RU_ENDING
_TR_HEADS = [
    (r"ordu(?:su|sunun|suna|sunu|sunda|sundan)", "forces"),
    (r"[Ss]ilahlı [Kk]uvvetleri\w*", "forces"), (r"[Hh]ava [Kk]uvvetleri\w*", "air force"),
    (r"[Dd]ışişleri [Bb]akanlığı\w*", "foreign ministry"), (r"[Ss]avunma [Bb]akanlığı\w*", "defence ministry"),
]
# Hungarian writes the institution's head in lower case after the name: "a Vatikán
# sajtóhivatalában" (in the Vatican's press office).
_HU_HEADS = [
    (r"sajtóhivatal\w*", "press office"), (r"külügyminisztérium\w*", "foreign ministry"),
    (r"védelmi\s+minisztérium\w*", "defence ministry"), (r"hadsereg\w*", "forces"),
    (r"légierő\w*", "air force"), (r"hírszerzés\w*", "intelligence"),
]
_CJK_RUN = re.compile(r"^[\u3400-\u4DBF\u4E00-\u9FFF]+$")
_AR_WORD = re.compile(r"^[\u0600-\u06FF]+$")


def institutions_of_countries(entities: list[E.Entity], text_of: dict[str, str],
                              lang_of: dict[str, str]) -> list[E.Entity]:
    """Organisations for a country's institutions described around its name (see
    `_ZH_INSTITUTIONS`...): the country must be a place entry of the event, the head a
    word for armed forces, an air force, a ministry of defence or foreign affairs or an
    intelligence service. One entry per country and kind of institution across languages;
    an entry that already holds the phrase (Hindistan Dışişleri Bakanlığı, read as an
    untyped name) becomes that organisation."""
    places = [e for e in entities if E._kind(e) == "place" and e.surfaces]
    by_surface = {s: e for e in entities for s in e.surfaces}
    found: dict[str, E.Entity] = {}
    new: list[E.Entity] = []

    def add(place: E.Entity, concept: str, phrase: str, aid: str) -> None:
        phrase = " ".join(phrase.split())
        key = f"{place.key} {concept}|institution"
        t = found.get(key) or by_surface.get(phrase)
        if t is None:
            t = E.Entity(key=key)
            t.keys.add(key)
            new.append(t)
        found.setdefault(key, t)
        t.surfaces[phrase] += 1
        t.surface_articles[phrase].add(aid)
        t.articles.add(aid)
        t.kinds["org"] += 1

    for aid, text in text_of.items():
        lang = lang_of.get(aid, "und")
        if lang not in ("zh", "ja", "ar", "ru", "uk", "tr", "hu"):
            continue
        low = text.lower()
        for p in places:
            for s in p.surfaces:
                if lang in ("zh", "ja") and _CJK_RUN.match(s) and len(s) >= 2 and s in text:
                    for head, concept in _ZH_INSTITUTIONS.items():
                        for _, end in E.plain_spans(s + head, text):
                            if not _ZH_NOT_AFTER.match(text, end):
                                add(p, concept, s + head, aid)
                elif lang == "ar" and _AR_WORD.match(s):
                    # A clitic conjunction or preposition may be written on the name (ومصر,
                    # "and Egypt"); the adjective is made of the bare name.
                    if s[:1] in "وبلف" and gazetteer.lookup(s[1:]) is not None:
                        s = s[1:]
                    stem = s.removeprefix("ال")
                    if len(stem) < 3 or stem not in text:
                        continue
                    for head, concept in _AR_INSTITUTIONS.items():
                        for m in _compiled(rf"(?<![\u0600-\u06FF]){head}\s+ال{re.escape(stem)}(?:ية|ي)(?![\u0600-\u06FF])"
                                                       ).finditer(text):
                            add(p, concept, m.group(), aid)
                elif lang in ("ru", "uk") and re.match(r"^[А-ЯЁ][а-яё\-]+$", s):
                    # The country in any case after the head ("вооруженные силы Индии").
                    cased_stem = s.rstrip("аяиыеуюь")
                    if len(cased_stem) >= 4 and cased_stem in text:
                        for head, concept in _RU_HEADS:
                            for m in _compiled(rf"(?<![\w\-])(?:{head})\s+{re.escape(cased_stem)}[а-яё]{{0,3}}(?![\w\-])"
                                                           ).finditer(text):
                                add(p, concept, m.group(), aid)
                    stem = s.lower().rstrip("аяиыеуюь")
                    if len(stem) < 4 or stem not in low:
                        continue
                    for head, concept in _RU_HEADS:
                        pat = rf"(?<![\w\-]){re.escape(stem)}(?:ий|й)?ск{_RU_ENDING}(?:\s+{_RU_ADJECTIVE}){{0,2}}\s+(?:{head})(?![\w\-])"
                        for m in _compiled(pat).finditer(text):
                            add(p, concept, m.group(), aid)
                elif lang in ("tr", "hu") and E._LATIN_ONLY.match(s) and " " not in s and s in text:
                    for head, concept in (_TR_HEADS if lang == "tr" else _HU_HEADS):
                        for m in _compiled(rf"(?<![\w\-]){re.escape(s)}\s+(?:{head})(?![\w\-])").finditer(text):
                            add(p, concept, m.group(), aid)
    return entities + new


# News agencies and reporters named where a text credits its source, which the name
# readers pass over: a Chinese "according to the X agency" or picture source ("据美联社报道",
# "图片来源:美联社": an agency's name ends in 社), a Korean credit or byline after a slash or
# a middle dot ("/연합뉴스", "·연합뉴스": an agency's ends in 뉴스 or 통신), the reporter's
# name before 기자 ("/박성천 기자"), and a text's own source or copyright line at the end
# of a Latin-script article ("Source: AFP", "© Agence France-Presse"). A picture credit
# in a Latin script ("Photo: Getty Images") stays furniture (`entities._credit`): the
# photo agency did not write the news.
_ZH_AGENCY = re.compile(r"(?:据|據|根据|根據|来源[:：]|來源[:：])\s*([\u4E00-\u9FFF]{1,3}社)"
                        r"(?=报道|報導|报导|消息|电|電|[\s。,，:：）)]|$)")
_ZH_NOT_AGENCY = frozenset("该社 該社 本社 此社 报社 報社 通讯社 通訊社 新闻社 新聞社 杂志社 雜誌社 出版社".split())
_KO_AGENCY = re.compile(r"[/·=]\s*([가-힣]{1,6}(?:뉴스|통신))(?![가-힣])")
_KO_REPORTER = re.compile(r"(?:^|[/\n])[ \t]*([가-힣]{3})[ \t]+기자(?![가-힣])")
_SOURCE_LINE = re.compile(r"(?m)^[ \t]*(?:©|\(c\)|(?:Source|Sources|Fuente|Fonte|Quelle|Kaynak|Источник|Джерело)[ \t]*:)"
                          r"[ \t]*((?:[A-Z]{2,6}|[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)"
                          r"(?:[ \t]+(?:[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)){0,3})[ \t.]*$")


# Words of a copyright notice itself, not of a name ("© Copyright", "© All Rights Reserved").
_CREDIT_STOP = frozenset("copyright all rights reserved tous droits réservés todos los derechos reservados "
                         "alle rechte vorbehalten".split())


def credited_sources(entities: list[E.Entity], text_of: dict[str, str],
                     articles: list[Article]) -> list[E.Entity]:
    """Organisations for the agencies, and people for the reporters, named in the
    articles' credits (see `_ZH_AGENCY`...); a name an entry already holds is that entry,
    an organisation (or a person). Source and copyright lines are read from the raw text
    (cleaning drops them as furniture), never the outlet's own name."""
    by_surface = {s: e for e in entities for s in e.surfaces}
    new: dict[str, E.Entity] = {}

    def add(name: str, kind: str, aid: str) -> None:
        _sighting(by_surface.get(name) or new.get(name), new, name, f"{name_key(name) or name.casefold()}|credit",
                  (name,), aid, kind)

    for aid, text in text_of.items():
        if "社" in text:
            for m in _ZH_AGENCY.finditer(text):
                if m.group(1) not in _ZH_NOT_AGENCY:
                    add(m.group(1), "org", aid)
        if "뉴스" in text or "통신" in text or "기자" in text:
            for m in _KO_AGENCY.finditer(text):
                add(m.group(1), "org", aid)
            for m in _KO_REPORTER.finditer(text):
                add(m.group(1), "person", aid)
    for a in articles:
        if a.id not in text_of or not a.raw:
            continue
        outlets = {o for o in (E._fold(x) for x in (a.source, E._host(a.url)) if x) if len(o) >= 3}
        for m in _SOURCE_LINE.finditer(a.raw[-3000:]):
            name = m.group(1)
            if not any(_title_word(w) or gazetteer.lookup(w) is not None or w.casefold() in _CREDIT_STOP
                       for w in name.split()) \
                    and not any(o in E._fold(name) or E._fold(name) in o for o in outlets):
                add(name, "org", a.id)
    return _acronyms_of_credits(entities, list(new.values()))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-‐]+", name) if w).upper()


def _acronyms_of_credits(entities: list[E.Entity], new: list[E.Entity]) -> list[E.Entity]:
    """A credited acronym and a credited name whose words' initials it is (AFP, Agence
    France-Presse) are one agency, under the name."""
    gone: set[int] = set()
    for a in new:
        if not all(_acronym(s) for s in a.surfaces):
            continue
        hosts = [t for t in new if t is not a and id(t) not in gone
                 and any(" " in s and _initials(s) in a.surfaces for s in t.surfaces)]
        if len(hosts) == 1:
            E._merge_into(hosts[0], a)
            gone.add(id(a))
    return entities + [e for e in new if id(e) not in gone]


# Words for a social network or an account right before a name ("соцсети Truth Social",
# "son réseau Truth Social", "su plataforma Truth Social", "posted on Truth Social") or
# right after it ("Truth Social hesabından", from his account): the name is a platform, an
# organisation.
_PLATFORM_BEFORE = re.compile(
    r"(?i)(?<![^\W\d_])(?:соцсети|соцсеть|соцмережі|соцмережа|платформе|платформі|réseau|plateforme|"
    r"plataforma|piattaforma|platform|network|kurznachrichtendienst|netzwerk|plattform|compte|account|"
    r"cuenta|conta|posted\s+on|wrote\s+on|writing\s+on|post\s+on)\s+$")
_PLATFORM_AFTER = re.compile(r"(?i)^\s+(?:hesabından|hesabında|hesabı|account|platform|plataforma|"
                             r"платформ\w*|аккаунт\w*)(?![^\W\d_])")
# Words for an armed or political group right before a name, perhaps with one lower-case
# adjective between ("al grupo armado Frente Norte", "the militant group X").
_GROUP_WORDS = frozenset("group grupo groupe gruppo gruppe grupa группировка группировки группировкой "
                         "угруповання organisation organization organización organisation organizzazione "
                         "organização örgütü militia milicia milice".split())
# Honorifics before a person's name, with their full stop where one is written.
_HONORIFIC = re.compile(r"(?<![\w.])(?:M\.|MM\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Herr|Frau|Sr\.|Sra\.|Sig\.|Dott\.)\s+$")
# Hungarian titles follow the name, perhaps after a nationality: "Giuseppe Versaldi olasz
# bíboros" (the Italian cardinal Giuseppe Versaldi).
_HU_TITLE_AFTER = re.compile(r"^\s+(?:[a-záéíóöőúüű]+\s+)?(?:bíboros|pápa|elnök|miniszter|külügyminiszter|"
                             r"miniszterelnök|szóvivő|érsek|püspök|nagykövet|államtitkár)(?![\w])")
# Words for a part of a building before its name ("Loggia delle Benedizioni"), besides the
# names stage's buildings and squares.
_BUILDING_PARTS = frozenset("loggia balcone balcony balcón balcon sacada varanda".split())
# Words that with a continent or a country name one of its regions.
_REGION_WORDS = E._COMPASS | {"latina", "latin", "latine", "latino"}


def kinds_by_cue_words(entities: list[E.Entity], text_of: dict[str, str], lang_of: dict[str, str]) -> None:
    """Types untyped names from the words around them: a platform after a word for a
    social network or an account; an armed or political group after a word for one; a
    person after an honorific (M. Jaishankar, Mr. Vance), when written in full once; a
    place for a compass word with a place the gazetteer knows (Güney Asya) and for a
    name ending in a word for a border (International Border)."""
    for e in entities:
        if E._kind(e) != "name" or not e.surfaces:
            continue
        if any(len(s.split()) == 2 and all(E._cased(w) for w in s.split())
               and any(a.casefold() in _REGION_WORDS and (p := gazetteer.lookup(b)) is not None and p.is_place
                       for a, b in (s.split(), s.split()[::-1]))
               for s in e.surfaces) \
                or any(len(s.split()) > 2 and s.split()[0].casefold() in (_BUILDING_PARTS | _PLACE_WORDS)
                       and s.split()[1] in E._HEAD_CONNECTORS | {"delle", "dei", "degli", "dos", "das"}
                       for s in e.surfaces) \
                or any(len(s.split()) > 1 and s.split()[-1].casefold() in E._LINE_HEADS for s in e.surfaces):
            e.kinds["place"] += 1
            continue
        texts = {a: text_of[a] for a in e.articles if a in text_of}
        seen = E._occurrences(e, texts)
        if any(_PLATFORM_BEFORE.search(before) or _PLATFORM_AFTER.match(after) for before, _, after in seen):
            e.kinds["org"] += 1
            continue

        def after_group_word(before: str) -> bool:
            words = before.split() if before[-1:].isspace() else []
            if words and words[-1].islower() and words[-1].casefold() not in _GROUP_WORDS and len(words) >= 2:
                words = words[:-1]
            return bool(words) and words[-1].casefold() in _GROUP_WORDS

        if any(after_group_word(before) for before, _, _ in seen):
            e.kinds["org"] += 1
            continue
        if any(len(s.split()) > 1 for s in e.surfaces) and not any(gazetteer.lookup(s) is not None
                                                                   for s in e.surfaces) \
                and (any(_HONORIFIC.search(before) for before, _, _ in seen)
                     or any(_HU_TITLE_AFTER.match(after) for aid, text in texts.items() if lang_of.get(aid) == "hu"
                            for _, _, after in E._occurrences(e, {aid: text}))):
            e.kinds["person"] += 1


# Chinese words for an administrative unit written after a place's name (乌德汉普尔市,
# the city of Udhampur; 旁遮普邦, the state of Punjab).
_ZH_UNITS = "市省州县縣邦"


def chinese_places_by_their_unit(entities: list[E.Entity], text_of: dict[str, str],
                                 lang_of: dict[str, str]) -> list[E.Entity]:
    """A Chinese run of three to six characters that spell foreign names, right before a
    word for a city, a province or a state, is a place the gazetteer does not know: the
    run with its unit and the run alone are its spellings. Not where an entry or the
    gazetteer already holds the run."""
    from tidings.understand.scripts import _han_name_chars

    held = {s for e in entities for s in e.surfaces}
    new: dict[str, E.Entity] = {}
    chars: frozenset[str] | None = None
    for aid, text in text_of.items():
        if lang_of.get(aid) not in ("zh", "ja") or not any(u in text for u in _ZH_UNITS):
            continue
        chars = chars if chars is not None else _han_name_chars()
        for m in re.finditer(f"[{_ZH_UNITS}]", text):
            i = m.start()
            j = i
            while j > 0 and i - j < 6 and text[j - 1] in chars:
                j -= 1
            run = text[j:i]
            # The run must start where the names do: after a character that spells none.
            if len(run) < 3 or (j > 0 and text[j - 1] in chars) or run in held \
                    or gazetteer.lookup(run) is not None or any(run in h or h in run for h in held if len(h) >= 2
                                                                and E._CJK_LETTER.search(h)):
                continue
            _sighting(new.get(run), new, run, f"{run}|unit", (run + m.group(), run), aid, "place")
    return entities + list(new.values())


# Korean glues a country to the word for its clock time ("한국시간 9일", on the 9th, Korean
# time): the name readers see one word, which is no name.
_KO_TIME = re.compile(r"(?<![가-힣])([가-힣]{2,6})(?:시간|시각)(?![가-힣])")


def korean_places_before_their_time(entities: list[E.Entity], text_of: dict[str, str],
                                    lang_of: dict[str, str]) -> list[E.Entity]:
    """A place the gazetteer knows, glued before 시간 or 시각 in a Korean article, is named
    there: a spelling of the place's entry, or an entry of its own."""
    from tidings.understand.names import place_key

    new: dict[str, E.Entity] = {}
    for aid, text in text_of.items():
        if lang_of.get(aid) != "ko" or ("시간" not in text and "시각" not in text):
            continue
        for m in _KO_TIME.finditer(text):
            p = gazetteer.lookup(m.group(1))
            if p is None or not p.is_place:
                continue
            key = place_key(p)
            t = new.get(key) or next((e for e in entities if key in e.keys and E._kind(e) == "place"), None)
            _sighting(t, new, key, key, (m.group(1),), aid, "place")
    return entities + list(new.values())


def places_read_without_their_first_word(entities: list[E.Entity], text_of: dict[str, str]) -> list[E.Entity]:
    """A one-word place always written after the same capitalised word, the two being a
    place the gazetteer knows under another name and another entry of the event ("New
    Delhi" in a French article, read as Delhi: the reader took "New" for an English word
    of no name), is that entry, the two words its spelling."""
    from tidings.understand.names import place_key

    by_key = {k: e for e in entities if E._kind(e) == "place" for k in e.keys}
    gone: set[int] = set()
    for e in entities:
        if E._kind(e) != "place" or not e.surfaces or any(" " in s for s in e.surfaces):
            continue
        seen = E._occurrences(e, {a: text_of[a] for a in e.articles if a in text_of})
        firsts = {m.group(1) if m else None
                  for m in (re.search(r"(?<![\w\-])([^\W\d_][\w\-]*) $", before) for before, _, _ in seen)}
        if not seen or len(firsts) != 1 or None in firsts:
            continue
        first = next(iter(firsts))
        if not (first and E._cased(first)):
            continue
        whole = {s: p for s in e.surfaces if (p := gazetteer.lookup(f"{first} {s}")) is not None and p.is_place}
        targets = {id(t): t for p in whole.values() if (t := by_key.get(place_key(p))) is not None and t is not e}
        if len(whole) != len(e.surfaces) or len(targets) != 1:
            continue
        t = next(iter(targets.values()))
        E._merge_into(t, e, surfaces=False)
        for s in e.surfaces:
            t.surfaces[f"{first} {s}"] += e.surfaces[s]
            t.surface_articles[f"{first} {s}"] |= e.surface_articles[s]
        gone.add(id(e))
    return [e for e in entities if id(e) not in gone]
