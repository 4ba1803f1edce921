"""Who said what in one article: direct speech (text between quotation marks) and reported
speech (a clause after a verb of saying), each with its speaker.

The speaker is the name the verb attaches to: before it in subject-verb order, after it in
the inverted order of quotes ("…”, a spus Iuri Ușakov"), before "ने" in Hindi; a pronoun
subject ("He said", "a precizat oficialul rus") takes the speaker of the sentence before;
a second quotation in one sentence keeps the first one's speaker; "X reportedly said"
is the previous speaker's account. Lexicons per language: tidings.brief.quotes.lexicons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from tidings.brief.quotes.lexicons import (
    _ACCORDING,
    _INVERTED_PRONOUNS,
    _PAIRS,
    _PREPOSITIONS,
    _PRONOUNS,
    _THAT,
    _TITLE_LINKS,
    _VERBS,
)
from tidings.brief.sentences import split as split_sentences
from tidings.config import DEFAULT, Config
from tidings.records import Mention

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
    "An adviser to French President Emmanuel Macron has said" -> nobody: Macron is
    the adviser's principal, not the speaker.
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
    after = [sp for sp in spans if sp.start >= verb_end]
    for i, sp in enumerate(after):
        gap = text[verb_end:sp.start]
        if re.search(r"[.;:!?]", gap) or len(_WORD.findall(gap)) > 6:
            return None
        if sp.kind == "place":
            continue
        # "purtătorul de cuvânt al Kremlinului, Dmitri Peskov": the institution is the
        # title of the person named in apposition, who is the speaker.
        if sp.kind != "person" and i + 1 < len(after) and after[i + 1].kind == "person" \
                and re.fullmatch(r"\s*,?\s*", text[sp.end:after[i + 1].start]):
            return after[i + 1]
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
            if speaker is None and lang not in _VERBS:
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
                speaker = (before[-1].surface, before[-1].key) if before else last_speaker
            elif speaker is None and quotes and quotes[-1].kind == "direct" \
                    and quotes[-1].speaker_key and quotes[-1].sentence == _bound(block[s0:e0].strip(), config):
                # Two quotations in one sentence ("…”, a precizat oficialul rus,
                # menționând că „…”): the second is the same speaker's.
                speaker = (quotes[-1].speaker, quotes[-1].speaker_key)
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
        if last_speaker and re.search(r"\b(?:reportedly|allegedly|apparently)\s+$", block[start:vs], re.IGNORECASE):
            # "Trump reportedly suggested that…": what the last speaker said Trump did,
            # so the statement is the last speaker's account, not Trump's.
            speaker = last_speaker
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
