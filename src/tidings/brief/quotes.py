"""Who said what: direct and reported speech with its speaker, per article, and the merge
of one statement reported in several languages into one quote.

Direct speech is text between quotation marks („…”, «…», "…", “…”, ‘…’); reported speech
is a clause after a verb of saying ("said that", "a spus că", "ने कहा कि", "заявил, что",
"sagte, dass", "a déclaré que", "dijo que"). The speaker is the name the verb attaches to:
before it in subject-verb order, after it in the inverted order of quotes
("…”, a spus Iuri Ușakov"), before "ने" in Hindi; a pronoun subject ("He said") takes the
speaker of the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from tidings.brief.sentences import split as split_sentences
from tidings.config import DEFAULT, Config
from tidings.records import Mention
from tidings.understand.names import similar_keys

# --- quotation marks --------------------------------------------------------------------

# Opening mark -> closing marks accepted for it.
_PAIRS = {
    "„": "”“\"",
    "«": "»",
    "“": "”\"",
    "‘": "’",
    "‹": "›",
    "\"": "\"”",
    "»": "«",  # Danish/German style »…«
    "‚": "‘’",
}

# --- verbs of saying, per language ------------------------------------------------------
# "subject" verbs take their speaker before them ("Ushakov said"), and may also take it
# right after in the inverted order ("…, said Ushakov"). Forms with a space must match
# whole phrases. Each list is a regex alternation of word forms.
_VERBS = {
    "en": r"(?:has |have |had |also |later |then |further )?(?:said|says|say|told|tells|stated|states|added|adds|announced|declared|noted|mentioned|remarked|warned|insisted|claimed|explained|stressed|emphasi[sz]ed|pledged|promised|argued|asserted|confirmed|revealed|wrote|reiterated|acknowledged|vowed|assured|suggested|saying|adding|warning|insisting|called|calling|described)",
    "ro": r"(?:a |au |va |(?:a|au) mai )(?:spus|declarat|afirmat|adăugat|precizat|subliniat|anunțat|anuntat|menționat|mentionat|transmis|amintit|explicat|arătat|aratat|susținut|sustinut|avertizat|insistat|confirmat|dezvăluit|scris|promis|asigurat|garantat)|spune|declară|afirmă|susține|subliniază|anunță|precizează|adaugă|transmite|spunând|declarând|afirmând|adăugând|menționând|subliniind|precizând|(?:a|au) numit|(?:a|au) calificat|(?:a|au) descris",
    "hi": r"ने\s+(?:\S+\s+){0,5}?(?:कहा|बताया|बयान|दावा|घोषणा|स्पष्ट|आरोप|जोर)|का\s+कहना\s+(?:है|था)",
    "ru": r"(?:заявил|заявила|заявили|сказал|сказала|сказали|сообщил|сообщила|сообщили|отметил|отметила|отметили|добавил|добавила|подчеркнул|подчеркнула|пояснил|пояснила|заверил|заверила|предупредил|признал|пообещал|пообещала|говорит|заявляет|заявив|отметив|подчеркнув|добавив|назвал|назвала|назвали|называет)",
    "uk": r"(?:заявив|заявила|заявили|сказав|сказала|сказали|повідомив|повідомила|зазначив|зазначила|додав|додала|наголосив|наголосила|підкреслив|пояснив|запевнив|пообіцяв|каже|назвав|назвала|назвали)",
    "de": r"(?:sagte|sagten|sagt|erklärte|erklärt|betonte|betont|teilte mit|fügte hinzu|warnte|versicherte|bekräftigte|kündigte an|räumte ein|schrieb|meinte|sagt|nannte|nannten|bezeichnete)",
    "fr": r"(?:a |ont )?(?:déclaré|dit|affirmé|ajouté|souligné|indiqué|assuré|expliqué|annoncé|estimé|précisé|promis|garanti|averti)|déclare|affirme|estime|assure|souligne|explique|affirmant|déclarant|estimant|expliquant|ajoutant|(?:a |ont )?qualifié|(?:a |ont )?dénoncé",
    "es": r"(?:dijo|dice|afirmó|declaró|señaló|añadió|aseguró|explicó|indicó|sostuvo|advirtió|manifestó|subrayó|prometió|garantizó|anunció|diciendo|afirmando|asegurando|añadiendo|calificó|llamó|tildó)",
}
# Conjunctions opening the reported clause.
_THAT = {
    "en": r"that", "ro": r"că|ca", "hi": r"कि", "ru": r"что", "uk": r"що",
    "de": r"dass|daß", "fr": r"que|qu['’]", "es": r"que",
}
# "according to X" forms: the speaker follows (or precedes, in Hindi).
_ACCORDING = {
    "en": r"according to", "ro": r"potrivit lui|potrivit|conform lui|citat de",
    "ru": r"по словам", "uk": r"за словами", "de": r"laut|so", "fr": r"selon",
    "es": r"según",
}
_INVERTED_PRONOUNS = set(
    """he she el ea acesta aceasta oficialul er sie il elle él ella он она він вона""".split()
)
_PRONOUNS = set(
    """he she they
    el ea ei ele acesta aceasta oficialul
    उन्होंने उसने वह वे इन्होंने
    он она они він вона вони
    er sie
    il elle ils elles
    él ella ellos ellas""".split()
)
# Prepositions: a name right after one (possibly across title words) is not a subject.
_PREPOSITIONS = set(
    """to of in on at by for from with since between against about into over under after
    before during toward towards than via among across like
    lui de la în in din cu pentru despre spre între prin asupra fata față
    von zu zum zur mit für aus bei nach gegen über vom beim
    du des à au aux en pour avec par contre sur chez entre
    del a al con para por sobre según hacia
    в во на с со к ко о об от до из за для при про между у
    від між з із до""".split()
)
# Prepositions that also join the words of a title: "Secretary of State", "Ministrul de Externe".
_TITLE_LINKS = {"of", "for", "de", "des", "du", "del", "von", "der", "al"}
_CAPITAL_START = re.compile(r"\s+[A-Z\u0400-\u042F]")
_WORD = re.compile(r"[^\W_][\w'’\-]*")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")


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


@dataclass
class _Span:
    start: int
    end: int
    surface: str
    key: str
    kind: str


def _langs(lang: str | None) -> list[str]:
    return [lang] if lang in _VERBS else list(_VERBS)


def _verb_regex(langs: list[str]) -> re.Pattern:
    parts = []
    for lg in langs:
        verb = _VERBS[lg]
        if lg == "hi":
            parts.append(f"(?P<v_{lg}>{verb})")
        else:
            parts.append(rf"(?<![\w])(?P<v_{lg}>{verb})(?![\w])")
    return re.compile("|".join(parts), re.IGNORECASE)


_VERB_RE = {lg: _verb_regex([lg]) for lg in _VERBS}
_ANY_VERB_RE = _verb_regex(list(_VERBS))


def _verbs(lang: str | None) -> re.Pattern:
    return _VERB_RE.get(lang or "", _ANY_VERB_RE)


def find_names(text: str, mentions: list[Mention]) -> list[_Span]:
    """Name spans in `text`: the article's known mentions (every spelling of them found
    here), else capitalised runs; keys from tidings.understand.names."""
    spans: list[_Span] = []
    taken = [False] * len(text)
    forms: list[tuple[str, Mention]] = []
    for m in mentions:
        forms.append((m.surface, m))
        words = m.surface.split()
        if len(words) > 1:
            forms.append((words[-1], m))
    for surface, m in sorted(forms, key=lambda x: -len(x[0])):
        if len(surface) < 2:
            continue
        for hit in re.finditer(re.escape(surface), text):
            s, e = hit.start(), hit.end()
            if any(taken[s:e]):
                continue
            # Whole words only (Devanagari words may carry no \b, so test neighbours).
            if s > 0 and (text[s - 1].isalnum() or _is_mark(text[s - 1])):
                continue
            if e < len(text) and _is_mark(text[e]):
                continue
            if e < len(text) and text[e].isalpha() and not _DEVANAGARI.match(text[e]) \
                    and not _may_inflect(text, e):
                continue
            for i in range(s, e):
                taken[i] = True
            spans.append(_Span(s, e, surface, m.key, m.kind))
    spans.sort(key=lambda sp: sp.start)
    return spans


def _is_mark(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) in ("Mn", "Mc")


def _may_inflect(text: str, end: int) -> bool:
    """Romanian/Russian case endings glued to a name (Ușakov-ul is rare, Ушакова common)."""
    tail = re.match(r"\w{1,3}(?!\w)", text[end:])
    return tail is not None and tail.group().lower() in {"a", "u", "om", "e", "y", "ului", "ei", "s", "ом", "а", "у", "е", "ым"}


def _subject_speaker(text: str, spans: list[_Span], verb_start: int, floor: int) -> _Span | None:
    """The nearest name before the verb that is not inside a prepositional phrase.

    "Dmitry Peskov, as reported by Interfax, stated" -> Peskov (Interfax follows "by");
    "A senior aide to Russian President Vladimir Putin has said" -> nobody: Putin is
    the aide's principal, not the speaker.
    """
    best = None
    for sp in spans:
        if sp.end > verb_start or sp.start < floor:
            continue
        # "Mr Putin's foreign policy aide said": a possessor is not the speaker.
        if re.match(r"['’]s?\b", text[sp.end:sp.end + 3]):
            continue
        # "the Kremlin announced": a place speaks only as the verb's immediate subject.
        if sp.kind == "place" and text[sp.end:verb_start].strip():
            continue
        if _after_preposition(text, sp.start, floor):
            continue
        best = sp
    return best


def _after_preposition(text: str, start: int, floor: int = 0) -> bool:
    words = _WORD.findall(text[max(floor, start - 80):start])
    # Skip title words (capitalised) between the preposition and the name.
    i = len(words) - 1
    skipped = 0
    while i >= 0 and skipped < 4 and words[i][:1].isupper():
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
    for sp in spans:
        if sp.start < verb_end:
            continue
        gap = text[verb_end:sp.start]
        if re.search(r"[.;:!?]", gap) or len(_WORD.findall(gap)) > 6:
            return None
        if sp.kind == "place":
            continue
        return sp
    return None


def _pronoun_after(text: str, verb_end: int) -> bool:
    """"…, a precizat oficialul rus": an inverted pronoun-like subject (never an object
    such as "called it")."""
    words = _WORD.findall(text[verb_end:verb_end + 30])
    return bool(words) and words[0].lower() in _INVERTED_PRONOUNS


def _pronoun_before(text: str, verb_start: int) -> bool:
    words = _WORD.findall(text[max(0, verb_start - 30):verb_start])
    return bool(words) and words[-1].lower() in _PRONOUNS


def _hindi_agent(text: str, spans: list[_Span], ne_pos: int) -> _Span | None:
    for sp in spans:
        if sp.end <= ne_pos and not text[sp.end:ne_pos].strip():
            return sp
    return None


def _quote_spans(block: str, min_words: int) -> list[tuple[int, int]]:
    """(start, end) of quoted passages, marks excluded, at least `min_words` long.
    Short quoted bits are scare quotes or titles ("very close", „Au revoir”)."""
    out = []
    i = 0
    n = len(block)
    while i < n:
        ch = block[i]
        closers = _PAIRS.get(ch)
        if closers is None or (ch == "\"" and i > 0 and block[i - 1].isalnum()):
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
        if len(inner.split()) >= min_words:
            out.append((i + 1, end))
            i = end + 1
        else:
            i += 1
    return out


def _sentence_bounds(block: str, pos: int, forward: bool) -> int:
    """Index where the sentence around pos starts (backward) or ends (forward)."""
    if forward:
        m = re.search(r"[.!?।](?=\s|$)", block[pos:])
        return pos + m.end() if m else len(block)
    ends = [m.end() for m in re.finditer(r"[.!?।]\s", block[:pos])]
    return ends[-1] if ends else 0


def extract(text: str, lang: str | None, mentions: list[Mention], article: str = "",
            config: Config = DEFAULT) -> list[Quote]:
    """Quotes in one article's text, in reading order, at most `quote_max_per_article`."""
    langs = _langs(lang)
    verbs = _verbs(lang)
    quotes: list[Quote] = []
    last_speaker: tuple[str, str] | None = None  # (surface, key) of the latest speaker
    pos = 0
    for block in re.split(r"\n+", text or ""):
        block = " ".join(block.split())
        if not block:
            continue
        spans = find_names(block, mentions)
        direct = _quote_spans(block, config.quote_min_words)
        covered: list[tuple[int, int]] = []
        for qs, qe in direct:
            s0 = _sentence_bounds(block, qs - 1, forward=False)
            e0 = _sentence_bounds(block, qe + 1, forward=True)
            covered.append((s0, e0))
            outside = [sp for sp in spans
                       if not any(a - 1 <= sp.start and sp.end <= b + 1 for a, b in direct)]
            speaker = _direct_speaker(block, outside, qs, qe, s0, e0, verbs, lang)
            if speaker == "pronoun":
                speaker = last_speaker
            elif speaker is None and not outside and last_speaker and \
                    not block[s0:qs - 1].strip() and not block[qe + 1:e0].strip(" .,;"):
                # A bare quoted paragraph continues the previous speaker's words.
                speaker = last_speaker
            q = Quote(article=article, lang=lang or "und",
                      text=_bound(block[qs:qe].strip().rstrip(",;: "), config),
                      sentence=_bound(block[s0:e0].strip(), config), kind="direct",
                      position=pos)
            pos += 1
            if speaker:
                q.speaker, q.speaker_key = speaker
                last_speaker = speaker
            quotes.append(q)
        offset = 0
        for sentence in split_sentences(block, lang):
            start = block.find(sentence, offset)
            if start < 0:
                start = offset
            end = start + len(sentence)
            offset = end
            if any(s < end and start < e for s, e in covered):
                continue
            q, speaker = _reported(block, start, end, spans, verbs, langs, lang, last_speaker,
                                   article, config)
            if speaker:
                last_speaker = speaker
            if q is not None:
                q.position = pos
                pos += 1
                quotes.append(q)
            elif speaker is None:
                # Pronouns in later sentences refer to the last person named.
                named = [sp for sp in spans if start <= sp.start < end and sp.kind == "person"]
                if named:
                    last_speaker = (named[-1].surface, named[-1].key)
        if len(quotes) >= config.quote_max_per_article:
            break
    seen: set[str] = set()
    unique = []
    for q in quotes:
        norm = " ".join(q.text.lower().split())
        if norm not in seen:
            seen.add(norm)
            unique.append(q)
    return unique[: config.quote_max_per_article]


def _direct_speaker(block, spans, qs, qe, s0, e0, verbs, lang):
    after = block[qe + 1:e0]
    before = block[s0:qs - 1]
    # "…”, a spus Iuri Ușakov" / "…", Kadyrov stated" / "…» — заявил Песков"
    m = verbs.search(after)
    if m and m.start() <= 40:
        vs, ve = qe + 1 + m.start(), qe + 1 + m.end()
        # '…," Minister Elena Marsh told reporters in Valdora': a name between the quote
        # and the verb is the subject; else the inverted '…», — заявил … Песков'.
        sp = _subject_speaker(block, spans, vs, qe + 1) or _speaker_after_quote(block, spans, ve)
        if sp:
            return sp.surface, sp.key
        if _pronoun_before(block, vs) or _pronoun_after(block, ve):
            return "pronoun"
    # "Ușakov a amintit că „…”" / "Peskov said: «…»" / "उशाकोव ने कहा, "…""
    for m in reversed(list(verbs.finditer(before))):
        vs, ve = s0 + m.start(), s0 + m.end()
        if lang == "hi" or m.group(0).startswith("ने"):
            sp = _hindi_agent(block, spans, vs)
        else:
            sp = _inverted_speaker(block, spans, ve) if ve < qs - 1 else None
            sp = sp if sp and sp.end <= qs - 1 else _subject_speaker(block, spans, vs, s0)
        if sp:
            return sp.surface, sp.key
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
    return None


def _according(block, spans, s0, e0, lang) -> _Span | None:
    langs = [lang] if lang in _ACCORDING else list(_ACCORDING)
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


def _reported(block, start, end, spans, verbs, langs, lang, last_speaker, article, config):
    """The reported statement in block[start:end], if any, and who made it.

    Returns (quote or None, speaker or None); the speaker is returned even without a
    quote so that a following "He said" can be attributed.
    """
    sentence = block[start:end]
    for m in verbs.finditer(sentence):
        vs, ve = start + m.start(), start + m.end()
        verb_lang = next((k[2:] for k, v in m.groupdict().items() if v), lang)
        rest = block[ve:end]
        that = re.match(rf"\s*,?\s*(?:(?:on \w+|\S+ को|\w+)\s+)?,?\s*(?:{_THAT.get(verb_lang, 'that')})\s+",
                        rest, re.IGNORECASE)
        if verb_lang == "hi":
            sp = _hindi_agent(block, spans, vs)
            if that is None:
                that = re.search(r"\s(?:कि)\s+", rest)
        inverted = False
        if verb_lang != "hi":
            sp = None
            if re.search(r"[,—–]\s*$", block[start:vs]):
                sp = _inverted_speaker(block, spans, ve)
                inverted = sp is not None
            if sp is None:
                sp = _subject_speaker(block, spans, vs, start)
        speaker = (sp.surface, sp.key) if sp else None
        if speaker is None and (_pronoun_before(block, vs) or
                                (verb_lang == "hi" and re.search(r"उन्होंने\s*$", block[start:vs]))):
            speaker = last_speaker
        if inverted:
            # "Any discussion … would require planning, said Yuri Ushakov": the words
            # before the verb are the statement.
            clause = block[start:vs].strip().rstrip(",—– ")
        elif that is None:
            # "X said Putin has …": English drops "that"; elsewhere require it.
            if verb_lang == "en" and _CAPITAL_START.match(rest) and speaker:
                clause = rest.strip()
            else:
                continue
        else:
            clause = rest[that.end():].strip()
        clause = clause.rstrip(" .।")
        if len(clause.split()) < config.quote_min_words:
            continue
        q = Quote(article=article, lang=lang or "und", text=_bound(clause, config),
                  sentence=_bound(sentence.strip(), config), kind="reported")
        if speaker:
            q.speaker, q.speaker_key = speaker
        return q, speaker
    return None, None


def _bound(text: str, config: Config) -> str:
    if len(text) <= config.quote_max_chars:
        return text
    cut = text.rfind(" ", 0, config.quote_max_chars)
    return text[: cut if cut > 0 else config.quote_max_chars] + " …"


# --- merging across articles and languages ---------------------------------------------


def merge(quotes: list[Quote], speaker_entity: dict[str, str], config: Config = DEFAULT) -> list[list[Quote]]:
    """Group quotes that report one statement (once per article, see
    _one_statement_per_article).

    Cosine alone cannot tell one statement from another by the same speaker at the same
    event (they are about the same things: 0.79-0.91 for true pairs, up to 0.89 for false
    ones), so two quotes in different articles are linked only as mutual nearest
    neighbours: each is the other's closest quote, by the same speaker, in the other's
    article, with cosine at least `quote_merge_similarity`. A quote without a speaker
    links the same way at `quote_merge_similarity_unattributed`. Linked groups merge
    while their average cross cosine stays at least `quote_group_similarity`.

    Quotes need `.vector` set (L2-normalised) to merge. Returns groups, largest first.
    """
    n = len(quotes)

    def ent(q: Quote) -> str | None:
        if not q.speaker_key:
            return None
        return speaker_entity.get(q.speaker_key, q.speaker_key)

    def same(a: str, b: str) -> bool:
        return same_speaker(a, b, config)

    have = [i for i in range(n) if quotes[i].vector is not None]
    links: list[tuple[float, int, int]] = []
    if len(have) > 1:
        k = len(have)
        mat = np.stack([np.asarray(quotes[i].vector) for i in have])
        sims = mat @ mat.T
        ents = [ent(quotes[i]) for i in have]
        # Threshold for each pair, NaN where the two cannot be one statement (two
        # different speakers); speaker comparisons are made once per pair of names.
        names = sorted({e for e in ents if e})
        index = {e: i for i, e in enumerate(names)}
        # With no named speaker at all, a 1x1 placeholder keeps the indexing below valid
        # (every pair then takes the unattributed threshold).
        alike = np.array([[same(a, b) for b in names] for a in names], dtype=bool).reshape(
            len(names), len(names)) if names else np.zeros((1, 1), dtype=bool)
        eid = np.array([index[e] if e else -1 for e in ents])
        both = (eid[:, None] >= 0) & (eid[None, :] >= 0)
        safe = np.where(eid >= 0, eid, 0)
        thresh = np.where(both, np.where(alike[safe][:, safe], config.quote_merge_similarity, np.nan),
                          config.quote_merge_similarity_unattributed).astype(np.float32)
        masked = np.where(np.isnan(thresh), -np.inf, sims)
        art = [quotes[i].article for i in have]
        cols: dict[str, list[int]] = {}
        for a, x in enumerate(art):
            cols.setdefault(x, []).append(a)
        # best[x][a]: position (in `have`) of a's closest compatible quote in article x.
        best = {x: np.asarray(c)[np.argmax(masked[:, c], axis=1)] for x, c in cols.items()}
        for a in range(k):
            for x in cols:
                if x == art[a]:
                    continue
                b = int(best[x][a])
                if b <= a or masked[a, b] == -np.inf:
                    continue
                if int(best[art[a]][b]) != a:
                    continue  # not mutual
                if sims[a, b] >= thresh[a, b]:
                    links.append((float(sims[a, b]), have[a], have[b]))

    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _sim, i, j in sorted(links, reverse=True):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        mine, theirs = members[gi], members[gj]
        if not _can_join([quotes[x] for x in mine], [quotes[y] for y in theirs]):
            continue
        cross = [float(np.asarray(quotes[x].vector) @ np.asarray(quotes[y].vector))
                 for x in mine for y in theirs]
        if sum(cross) / len(cross) < config.quote_group_similarity:
            continue
        for k in theirs:
            group_of[k] = gi
        members[gi] = mine + theirs
        del members[gj]
    out = [[quotes[i] for i in sorted(m)] for m in members.values()]
    out.sort(key=lambda g: (-len({q.article for q in g}), -len({q.lang for q in g}),
                            min(q.position for q in g)))
    return out


def same_speaker(a: str, b: str, config: Config = DEFAULT) -> bool:
    """Whether two speaker keys may name one person: equal, or the same surname under
    transliterations the name keys leave apart (Umerov / Umjerow); "Rustem Umerov" keeps
    both words in its key, so surnames (last words) are compared."""
    if a == b:
        return True
    a, b = a.split()[-1], b.split()[-1]
    return a == b or (min(len(a), len(b)) >= 4 and a[0] == b[0]
                      and similar_keys(a, b) >= config.speaker_similarity)


def _can_join(a: list[Quote], b: list[Quote]) -> bool:
    """Each article gives a statement once. One exception: a single quote may join a
    group holding the quote just before or after it in its article, since one language
    may split into two sentences what another says in one ("if he is ready we will host
    him. In that case we guarantee his security")."""
    arts_a = {q.article for q in a}
    arts_b = {q.article for q in b}
    shared = arts_a & arts_b
    if not shared:
        return True
    if len(shared) > 1 or min(len(a), len(b)) != 1:
        return False
    single, group = (a[0], b) if len(a) == 1 else (b[0], a)
    if len(group) > len({q.article for q in group}):
        return False  # one split per statement is plausible; more is a chain of topics
    same = [q for q in group if q.article == single.article]
    return len(same) == 1 and abs(same[0].position - single.position) == 1
