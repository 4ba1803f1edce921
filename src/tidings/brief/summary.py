"""Headline and summary: the event's most representative title, and a few sentences from
across its articles and languages that do not repeat each other.

Centrality is cosine to the event centroid, the mean of the articles' title+lead vectors
stored at ingest; sentences are embedded with the same model, so cosines compare across
languages. Sentences are chosen by maximal marginal relevance (MMR): central to the event,
unlike what is already chosen, in whatever language it was said.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from tidings.brief.lines import junk_line
from tidings.brief.lines import words as line_words
from tidings.clean.sentences import word_count
from tidings.config import Config
from tidings.records import Article, Figure, Mention
from tidings.titles import title_rank, without_dateline
from tidings.understand import gazetteer


def centroid(vectors: list[np.ndarray]) -> np.ndarray | None:
    vs = [v for v in vectors if v is not None]
    if not vs:
        return None
    c = np.mean(np.stack(vs), axis=0)
    n = np.linalg.norm(c)
    return c / n if n else c


def headline(articles: list[Article], vecs: dict[str, np.ndarray], center: np.ndarray | None,
             lang: str) -> dict | None:
    """The title closest to the centroid among the reader's-language articles, else among
    all (then marked as in its original language), by the rule that also names the event
    in lists (tidings.titles.title_rank): a title reading as a headline first (one of one
    or two words is a section name or a photo credit, used only when no other exists),
    originals before syndicated copies, earliest at a tie."""
    titled = [a for a in articles if (a.title or "").strip()]
    if not titled:
        return None

    def score(a: Article) -> float:
        v = vecs.get(a.id)
        return float(v @ center) if v is not None and center is not None else 0.0

    _, best = max(enumerate(titled), key=lambda ia: (
        title_rank(ia[1].title.strip(), ia[1].lang, lang, score(ia[1]), ia[1].duplicate_of is None), -ia[0]))
    return headline_entry(best, lang)


def headline_entry(a: Article, lang: str) -> dict:
    return {
        # "VATICAN CITY — Pope Francis died…": the place is the article's, not the headline's.
        "text": without_dateline(a.title or ""),
        "lang": a.lang,
        "article": a.id,
        "source": a.source,
        "original_language": a.lang != lang,
    }


def rank_articles(articles: list[Article], vecs: dict[str, np.ndarray],
                  center: np.ndarray | None) -> list[Article]:
    """Articles most central first, syndicated copies left out."""
    pool = [a for a in articles if a.duplicate_of is None] or list(articles)

    def score(a: Article) -> float:
        v = vecs.get(a.id)
        return float(v @ center) if v is not None and center is not None else 0.0

    return sorted(pool, key=lambda a: -score(a))


def spread_languages(ranked: list[Article], n: int, reader: str | None = None) -> list[Article]:
    """Up to n articles, taking languages in turn (each language's most central first), so
    a 90-article English event still draws on its Hindi and Romanian reports. The reader's
    language, when given, comes first and takes up to half the places before the turns: a
    sentence the reader can read beats its equal in a fifteenth language."""
    by_lang: dict[str, list[Article]] = {}
    for a in ranked:
        by_lang.setdefault(a.lang or "und", []).append(a)
    own = by_lang.pop(reader, []) if reader else []
    head = own[: max(1, n // 2)] if len(ranked) > n else []
    rest = [a for a in own if a not in head]
    queues = ([rest] if rest else []) + list(by_lang.values())
    return head + _in_turn(queues, n - len(head))


def sample_articles(ranked: list[Article], n: int) -> list[Article]:
    """Up to n articles, in `ranked` order. Languages take turns for the places, so every
    language is in; within a language the picks are spread evenly over its centrality
    ranking, its most central and its least central included (the most central articles
    tell the majority's version: a minority's figure or quote ranks lower), and no outlet
    takes more than its share while others have articles left. All when n or fewer."""
    if len(ranked) <= n:
        return list(ranked)
    by_lang: dict[str, list[Article]] = {}
    for a in ranked:
        by_lang.setdefault(a.lang or "und", []).append(a)
    quota = {lang: 0 for lang in by_lang}
    left = n
    while left > 0:
        for lang, arts in by_lang.items():
            if left > 0 and quota[lang] < len(arts):
                quota[lang] += 1
                left -= 1
    chosen = {a.id for lang, arts in by_lang.items() for a in _spread(arts, quota[lang])}
    return [a for a in ranked if a.id in chosen]


def _spread(arts: list[Article], q: int) -> list[Article]:
    """q of these ranked articles at evenly spaced ranks, each outlet at most its share:
    a place whose article's outlet has had its share goes to the nearest rank of another."""
    m = len(arts)
    if q >= m:
        return list(arts)
    outlet = [a.source or a.id for a in arts]
    cap = -(-q // len(set(outlet)))
    taken: set[int] = set()
    count: dict[str, int] = {}
    pending = [round(i * (m - 1) / (q - 1)) if q > 1 else 0 for i in range(q)]
    while pending:
        unplaced = []
        for target in pending:
            for d in range(m):
                free = [j for j in (target - d, target + d) if 0 <= j < m and j not in taken
                        and count.get(outlet[j], 0) < cap]
                if free:
                    taken.add(free[0])
                    count[outlet[free[0]]] = count.get(outlet[free[0]], 0) + 1
                    break
            else:
                unplaced.append(target)
        if len(unplaced) == len(pending):
            cap += 1  # the other outlets have nothing left: the big one takes the rest
        pending = unplaced
    return [arts[j] for j in sorted(taken)]


def _in_turn(queues: list[list[Article]], n: int) -> list[Article]:
    """Up to n articles, one from each queue in turn."""
    out: list[Article] = []
    heads = [0] * len(queues)
    while len(out) < n and any(h < len(q) for h, q in zip(heads, queues)):
        for i, q in enumerate(queues):
            if heads[i] < len(q) and len(out) < n:
                out.append(q[heads[i]])
                heads[i] += 1
    return out


_FURNITURE = re.compile(
    r"(?i)\b(read more|sign up|newsletter|subscribe|click here|follow us|advert|copyright|"
    r"all rights reserved|whatsapp|telegram channel|preferred source|ये भी पढ़ें|इसे भी पढ़ें|"
    r"citește și|citeste si|recomandarea|читайте также|lesen sie auch|lire aussi|lee también)"
)


# Openings that point back to an earlier sentence ("This came as...", "He added...", "Об
# этом заявил..."): out of their article such sentences do not stand alone.
_POINTS_BACK = re.compile(
    r"^[\"“„«(]*(?:this|that|these|those|it|he|she|they|his|her|their|such|but|however|also|and|"
    r"acest|această|aceste|acești|aceasta|acesta|ea|ei|ele|dar|însă|iar|"
    r"dies|dieser|diese|dieses|er|sie|es|aber|doch|und|zudem|außerdem|darüber hinaus|"
    # "Moreover…", "In addition…": more of what the sentence before told.
    r"moreover|furthermore|in addition|de plus|en outre|además|inoltre|além disso|de asemenea|"
    r"totodată|кроме того|помимо этого|крім того|також|इसके अलावा|"
    # "Thus…", "In particular…": a consequence or a detail of what the sentence before told.
    r"thus|therefore|hence|consequently|as a result|in particular|in turn|ainsi|donc|"
    r"par conséquent|en particulier|notamment|así|por lo tanto|por ello|por eso|en particular|"
    r"assim|portanto|por isso|em particular|così|quindi|pertanto|in particolare|somit|daher|"
    r"deshalb|deswegen|insbesondere|astfel|prin urmare|deci|în special|în particular|"
    r"таким образом|поэтому|в частности|в том числе|таким чином|тому|зокрема|इसलिए|खास तौर पर|"
    r"विशेष रूप से|"
    r"cela|ceci|il|elle|ils|elles|mais|cependant|et|"
    r"esto|él|ella|ellos|ellas|pero|y|"
    r"об этом|это|этот|эта|он|она|они|однако|но|про це|це|він|вона|вони|проте|але|"
    # "According to him, ...": whose words the summary does not say.
    r"according to (?:him|her|them)|по (?:его|её|ее|их) словам|за (?:його|її|їхніми) словами|"
    r"selon (?:lui|elle|eux)|según (?:él|ella|ellos)|potrivit (?:lui|ei|acestuia|acesteia)|"
    r"ihm zufolge|ihr zufolge|seinen angaben zufolge|nach seinen worten|secondo lui|segundo ele|"
    r"ele|ela|eles|elas|isso|isto|porém|lei|loro|questo|questa|ciò|però|"
    r"siya|sila|iyon|dia|mereka|namun|tetapi|ő|ők|azonban|"
    r"यह|ये|वह|वे|इस|इसे|इसके|उन्होंने|हालांकि|लेकिन|बता दें|"
    # "The announcement was made by...", "Anunțul a fost făcut de...": a noun for the
    # statement just told, which the summary does not show.
    r"the (?:announcement|statement|remarks|comments|move|offer|decision)|"
    r"anunțul|anuntul|declarația|declaratia|decizia|oferta|"
    r"la déclaration|l'annonce|cette|die ankündigung|die erklärung|el anuncio|la declaración|"
    r"o anúncio|anúncio|a declaração|l'annuncio|la dichiarazione|"
    r"заявление|объявление|заява)(?=[\s,])",
    re.IGNORECASE,
)


# A short sentence whose object is a bare "this" ("Власти Индии и Пакистана это
# подтвердили": the authorities confirmed this) says nothing without the one before.
_BARE_THIS = re.compile(
    r"(?<!\w)(?:this|это|этом|це|цього|acest lucru|aceasta|cela|ceci|dies|esto|eso|isso|isto|"
    r"questo|ciò)(?!\w)", re.IGNORECASE)


# A subject pronoun opening a sentence, in languages that do not inflect a name for its
# case (a Russian or Polish name put in its place would need its nominative form).
_SUBJECT_PRONOUN = {
    # German "sie" and Dutch "ze" are also "they"; French "il" also "it" (il y a, il faut).
    "en": r"he|she", "de": r"er", "fr": r"il(?!\s+(?:y|faut|s'agit|semble|reste|convient|est\s+(?:possible|probable|clair|temps)))|elle",
    "es": r"él|ella", "pt": r"ele|ela", "it": r"lui|lei|egli", "ro": r"el|ea", "nl": r"hij",
}


def _script(text: str) -> str:
    """The script of a text's first letter (LATIN, CYRILLIC, CJK, DEVANAGARI…)."""
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split()[0]
    return ""


def standalone_form(sentence: str, lang: str | None, before: list[str],
                    people: list[tuple[str, str]]) -> str | None:
    """The sentence with its opening subject pronoun replaced by the person it stands for,
    else None: "He is the youngest mayor." after a sentence naming Lukas Brenner
    reads "Lukas Brenner is the youngest mayor.", "Aged 31, he
    becomes…" "Aged 31, Lukas Brenner becomes…". The person is the one of `people`
    ((surface form in this article, name to write)) named last in the sentences `before`
    it (the nearest first); none named there, or a language whose names take a case, no
    rewrite."""
    pattern = _SUBJECT_PRONOUN.get((lang or "").split("-")[0])
    if not pattern:
        return None
    t = sentence.strip()
    m = re.match(rf"^({pattern})(?=\s)", t, re.IGNORECASE)
    # Or the subject after an opening phrase: "Aged 31, he becomes the youngest mayor
    # the town has had." (the phrase itself naming no one and quoting nothing).
    m2 = None if m else re.match(rf"^([^,\"“„«]{{3,80}}),\s+({pattern})(?=\s)", t)
    if m2 and any(surface and re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", m2.group(1))
                  for surface, _ in people):
        m2 = None
    if not m and not m2:
        return None
    for prev in reversed(before):
        # The name ending last, the longest of those ending there ("Robert Francis Prevost",
        # not the "Francis" inside it); written in the sentence's script, else as the
        # article writes it (an entity named in another script reads as no one here).
        found = [(prev.rfind(surface) + len(surface), len(surface),
                  name if _script(name) == _script(surface) else surface)
                 for surface, name in people
                 if surface and name and re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", prev)]
        if found:
            name = max(found)[2]
            if m:
                return name + t[m.end():]
            assert m2 is not None
            return t[:m2.start(2)] + name + t[m2.end(2):]
    return None


# A sentence ending on "the news" or a bare "this" as its object ("Pakistan's foreign
# minister confirmed the news.", "a confirmé la nouvelle"): which news, the summary does not say.
_ENDS_ON_THE_NEWS = re.compile(
    r"(?<!\w)(?:the (?:\w+ )?news|this|that|la nouvelle|cette information|cela|ceci|die nachricht|diese nachricht|"
    r"dies|la noticia|esta noticia|esto|eso|a notícia|esta notícia|isso|isto|la notizia|questa notizia|"
    r"ciò|questo|vestea|știrea|informația|acest lucru|это|эту новость|эту информацию|это сообщение|"
    r"цю новину|цю інформацію|це|यह खबर|इसकी पुष्टि)\W*$", re.IGNORECASE)


def points_back(sentence: str) -> bool:
    t = sentence.strip()
    return bool(_POINTS_BACK.match(t)) or (word_count(t) <= 8 and bool(_BARE_THIS.search(t))) \
        or bool(_ENDS_ON_THE_NEWS.search(t))


_OPEN_QUOTES = "\"“„«‘‚「『‹"
_CLOSE_QUOTES = "\"”»’」』›“"


# What follows a quotation whose speaker is only a pronoun or a verb's ending: ", he
# added.", ", añadió.", ", a-t-il ajouté.", "— сказал он.", ", a adăugat.". A noun ("the
# general said", "a déclaré le ministre") or a name ("Misri said") tells who spoke.
_TAIL_PRONOUNS = {"he", "she", "they", "il", "elle", "ils", "elles", "er", "sie", "он", "она",
                  "они", "він", "вона", "вони", "ele", "ela", "eles", "lui", "lei", "egli", "él",
                  "ella", "ellos", "el", "ea", "ei", "hij", "zij", "उन्होंने", "उसने"}
_TAIL_AUX = {"a", "ha", "hat", "è", "au", "han", "hanno", "hebben", "heeft"}
# ", the statement added.": a statement the sentences before name, not the summary.
_TAIL_DOCUMENTS = {"statement", "release", "communiqué", "communique", "post", "letter", "notice",
                   "déclaration", "comunicado", "comunicato", "erklärung", "mitteilung", "nota"}


def _pronoun_tail(tail: str) -> bool:
    if re.search(r"[^\W\d_]", tail) is None or re.search(r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ]", tail):
        return False
    words = re.findall(r"\w+", tail.casefold())
    if len(words) > 4:
        return False
    return any(w in _TAIL_PRONOUNS or w in _TAIL_DOCUMENTS for w in words) or len(words) == 1 \
        or (len(words) == 2 and words[0] in _TAIL_AUX)


def speakerless_quote(sentence: str) -> bool:
    """Whether a sentence is all quotation, its speaker outside it: it opens with a
    quotation mark and nothing but punctuation follows the last closing one ("“I am
    pleased to announce…”"), or it ends a quotation opened in an earlier sentence
    ("…great intelligence”." with no opening mark). Read alone in a summary, "I" is no one;
    `"…at 15:35," Misri said…` names its speaker and stands."""
    t = sentence.strip()
    if not t:
        return False
    if t[0] in _OPEN_QUOTES and not any(c in t[1:] for c in _CLOSE_QUOTES):
        return True  # "„Mai întâi trebuie…": the quotation and its speaker go on after it
    ends = [t.find(c) for c in "”»」』›" if c in t]
    if ends and not any(c in t[:min(ends)] for c in _OPEN_QUOTES):
        return True  # "…până în toamnă”, a adăugat Ionescu.": it began a sentence before
    last_close = max(t.rfind(c) for c in _CLOSE_QUOTES)
    if last_close < 0:
        return False
    tail = t[last_close + 1:]
    if t[0] in _OPEN_QUOTES and _pronoun_tail(tail):
        return True  # "“…”, añadió.": the one who added is in an earlier sentence
    if re.search(r"\w", tail):
        return False  # the speaker (or more) follows the quotation
    if t[0] in _OPEN_QUOTES:
        return True
    return not any(c in t[:last_close] for c in _OPEN_QUOTES if c not in _CLOSE_QUOTES) \
        and t.count('"') < 2


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def title_line(sentence: str, mentions: list[Mention]) -> bool:
    """Whether a sentence is a line of titles with no statement: "Presidente della
    Commissione per le Acque, Ingegnere-Capo emerito di Varnola, nominato lo scorso marzo…" is
    the CV of someone the sentence before names, with no subject and no verb of its own.
    Its head (up to the first comma) is a title: two capitalised words or more, no
    lower-case word longer than a joint ("del", "della", "of"), one capitalised word in no
    name the article's features found (Presidente), no person named there or in the part
    after it, no figure, not an all-capitals dateline; and the next part opens with a
    capital too (a second title).
    "Foreign Minister Ishaq Dar, who…" names its person, "Der Sprecher des Kremls, Dmitri
    Peskow, sagte…" its holder, "The Kremlin, which…" goes on in lower case: all stand."""
    t = sentence.strip()
    if "," not in t:
        return False
    head, rest = t.split(",", 1)
    rest = rest.lstrip(" \"“„«")
    if not rest or not rest[0].isupper() or re.search(r"\d", head) or head.isupper():
        return False
    # Capitalised words are the title's; short lower-case ones its joints (del, della, of,
    # für); a longer lower-case word (spokesman, außenpolitischer) makes it prose.
    words = [w for w in _WORD.findall(head) if w[0].isupper() and len(w) >= 4]
    if len(words) < 2 or any(not w[0].isupper() and len(w) > 5 for w in _WORD.findall(head)):
        return False
    surfaces = [(m.surface or "", m.kind) for m in mentions if len(m.surface or "") >= 2]
    second = rest.split(",", 1)[0]
    if any(kind == "person" and (surf in head or surf in second) for surf, kind in surfaces):
        return False  # "Der Sprecher des Kremls, Dmitri Peskow, sagte…": the title's holder
    return any(not any(w in surf for surf, _ in surfaces) for w in words)


# German reported speech: the subjunctive I ("Russland werde … geben", "das Thema sei …")
# says someone said it; with no verb of saying, attribution or person in the sentence, the
# speaker is in the one before.
_DE_REPORTED = re.compile(r"(?<!\w)(?:sei|seien|werde|habe|könne|müsse|wolle|solle|dürfe|gebe|"
                          r"bleibe|liege|stehe|komme|gehe)(?!\w)")
_DE_SAYING = re.compile(r"(?i)(?<!\w)(?:sagte|sagt|sagten|erklärte|erklärt|betonte|teilte|meinte|"
                        r"schrieb|kündigte|berichtete|hieß es|zufolge|laut|nach angaben|so der|so die)(?!\w)")


def reported_without_speaker(sentence: str, lang: str | None, people: list[str]) -> bool:
    """Whether a sentence is reported speech whose speaker it does not name: in German,
    a subjunctive I verb with no verb of saying and none of `people` (surface forms)."""
    if (lang or "").split("-")[0] != "de" or not _DE_REPORTED.search(sentence) or _DE_SAYING.search(sentence):
        return False
    return not any(p and p in sentence for p in people)


def candidate(sentence: str, title: str, config: Config) -> bool:
    """Whether a sentence may stand in a summary: a statement, not a caption, heading or
    site line."""
    n = line_words(sentence)
    if n < config.summary_min_words or n > config.summary_max_words:
        return False
    if not re.search(r"[.!?।。！？」』\"”»’]$", sentence) and n < 12:
        return False  # headings and captions carry no full stop
    if _FURNITURE.search(sentence) or junk_line(sentence):
        return False
    return _norm(sentence) != _norm(title)


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", (s or "").lower()))


# A clock time: "15:35", "18.08", "5:37 pm", "6 p.m.", "17 Uhr", "17 h", "17 heures",
# "17 बजे". Not a date (18.08.2025), a decimal with a unit or a share (18.08%, 1.40 $).
_CLOCK = re.compile(
    r"(?<![\d.,:])([01]?\d|2[0-3])(?:[:.h]([0-5]\d))?(?!\d)(?![.,:]\d)\s*"
    r"(a\.?\s?m\.?|p\.?\s?m\.?|uhr|heures?|h(?!\w)|horas?|ore(?!\w)|часов|годин|बजे)?",
    re.IGNORECASE)


def time_units(text: str) -> set[str]:
    """The hours of the clock times a text gives, as units ("time:17" for "5 pm", "17:00"
    and "17 Uhr"): a time told is a fact of its own, which cosine does not see."""
    out: set[str] = set()
    for m in _CLOCK.finditer(text or ""):
        hour, minutes, suffix = m.group(1), m.group(2), (m.group(3) or "").casefold()
        if minutes is None and not suffix:
            continue  # a bare number
        if minutes is not None and not suffix and m.group(0)[len(hour)] == "." and \
                re.match(r"\s*(?:%|per|prozent|pour|por|mil|млн|тыс)", text[m.end():], re.IGNORECASE):
            continue
        h = int(hour)
        if suffix.startswith("p") and h < 12:
            h += 12
        elif suffix.startswith("a") and h == 12:
            h = 0
        out.add(f"time:{h}")
    return out


def units_of(sentence: str, mentions: list[Mention], figures: list[Figure]) -> set[str]:
    """The pieces of information a sentence carries, named so that they meet across
    languages: the cross-script keys of the names its article's features found in it
    (Zelensky, Зеленский and जेलेंस्की share one), the values of its figures and the
    hours of its clock times."""
    text = sentence.casefold()
    out: set[str] = time_units(sentence)
    for m in mentions:
        surface = (m.surface or "").casefold().strip()
        if len(surface) < 2 or _unknown_acronym(m.surface or ""):
            continue
        # Short forms (US, EU) only as whole words; longer ones also inflected (Ucrainei).
        if (re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text) if len(surface) < 4
                else surface in text):
            out.add("name:" + m.key)
    for f in figures:
        # By its number: "314 prisoners" is in "a 314-for-314 swap" and "314 на 314".
        num = re.match(r"\d[\d.,]*\d|\d", (f.text or "").strip())
        if num and re.search(rf"(?<![\d.,]){re.escape(num.group())}(?![\d])", text):
            out.add(f"figure:{f.value:g}")
    return out


def _unknown_acronym(surface: str) -> bool:
    """An acronym the gazetteer does not know (СНБО, РНБО): other languages write its words
    out in lower case ("Ukraine's security council"), where no name is read, so it is no
    sign that a sentence tells something the chosen ones do not."""
    s = surface.strip()
    return " " not in s and s.isupper() and 2 <= len(s) <= 6 and gazetteer.lookup(s) is None


def unit_weights(per_article: list[set[str]]) -> dict[str, float]:
    """Each unit's share of the articles that carry it: what most sources say matters most."""
    n = max(1, len(per_article))
    counts: dict[str, int] = {}
    for units in per_article:
        for u in units:
            counts[u] = counts.get(u, 0) + 1
    return {u: c / n for u, c in counts.items()}


def voices_of(sentences: list[tuple[str, str]], said: list[tuple[str, str, str, str]]) -> list[set[str]]:
    """For each (sentence, its article), the speakers (entity keys) whose statements it
    gives: `said` holds each quote's (article, speaker key, quoted words, the sentence it
    came from); a sentence gives a statement when it holds the quoted words or is the
    quote's sentence (which quote extraction may have cut short)."""
    by_article: dict[str, list[tuple[str, str, str]]] = {}
    for aid, key, words, source in said:
        if key:
            by_article.setdefault(aid, []).append((key, _norm(words), _norm(source)))
    out: list[set[str]] = []
    for sentence, article in sentences:
        own = _norm(sentence)
        out.append({key for key, w, src in by_article.get(article, [])
                    if own and ((len(w) >= 12 and w in own) or (src and (src in own or own in src)))})
    return out


def voice_articles(said: list[tuple[str, str, str, str]]) -> dict[str, int]:
    """How many articles give a statement of each speaker (entity key)."""
    arts: dict[str, set[str]] = {}
    for aid, key, _, _ in said:
        if key:
            arts.setdefault(key, set()).add(aid)
    return {k: len(v) for k, v in arts.items()}


def choose(cands: list[dict], vectors: np.ndarray, center: np.ndarray | None, lang: str,
           config: Config, units: list[set[str]] | None = None,
           weights: dict[str, float] | None = None, lone_share: float | None = None,
           voices: list[set[str]] | None = None,
           voiced: dict[str, int] | None = None) -> list[dict]:
    """MMR over candidates ({text, article, source, lang, position}) with their vectors.

    With `units` (what each candidate carries: names, figures; see units_of) and their
    `weights`, a candidate also scores by what it adds that the chosen ones do not say
    yet (summary_coverage_weight per unit, weighted by the share of articles carrying it):
    two sentences equally central, the one naming who, where and how many wins, and once
    a fact's names are in, the next pick goes to the actors and figures still missing
    (the other side's position, the background), in whatever language. `lone_share` is
    the share of one article (1 / the articles weighed): a new unit carried by no more is
    minor.

    A foreign-language pick gives way to a reader's-language candidate saying the same
    (reader_equivalent), and once the reader's-language one is in, the foreign ones close to
    it are repeats: each fact once, the way the reader reads it."""
    if not cands:
        return []
    units = units if units is not None else [set() for _ in cands]
    weights = weights or {}
    covered: set[str] = set()
    # A name only one article uses (an acronym, a spelling not merged: СНБО beside "security
    # council") does not make a sentence close to a chosen one a new fact.
    lone = lone_share if lone_share is not None else -1.0
    rel = vectors @ center if center is not None else np.zeros(len(cands))
    # A lead sentence says what happened; later ones add detail.
    rel = rel + np.array([0.02 if c["position"] == 0 else 0.0 for c in cands])
    rel = rel + np.array([config.summary_reader_lang_bonus if c["lang"] == lang else 0.0
                          for c in cands])
    alone = [not points_back(c["text"]) and not speakerless_quote(c["text"]) for c in cands]
    rel = rel - np.array([0.0 if ok else config.summary_points_back_penalty for ok in alone])
    sims = vectors @ vectors.T
    # Support: the share of the other articles saying much the same. A fact many sources
    # report is a key fact; centrality alone favours the vaguest sentence.
    arts = [c["article"] for c in cands]
    n_arts = max(1, len(set(arts)) - 1)
    support = np.array([len({arts[j] for j in range(len(cands))
                             if arts[j] != arts[i] and sims[i, j] >= config.summary_support_similarity})
                        for i in range(len(cands))]) / n_arts
    rel = rel + config.summary_support_weight * support
    k = max(1, min(8, config.summary_sentences))
    # A sentence pointing back to one not shown, or a quotation without its speaker, does
    # not stand alone: kept only when nothing else is left (scored down by summary_points_back_penalty).
    standalone = [i for i in range(len(cands)) if alone[i]]
    chosen: list[int] = []
    articles_used: dict[str, int] = {}
    lam = config.summary_mmr_lambda
    # Up to k sentences that repeat nothing chosen; then, if fewer than three, the least
    # repetitive of the rest, since a brief needs some substance even on a thin event.
    strict = True
    while len(chosen) < k:
        best, best_score = None, -1e9
        scores: dict[int, float] = {}
        for i in range(len(cands)):
            if i in chosen:
                continue
            redundancy = max((sims[i, j] for j in chosen), default=0.0)
            if strict and redundancy >= config.summary_redundancy and not (
                    redundancy < config.summary_figure_redundancy and any(
                        u.startswith(("figure:", "time:")) and weights.get(u, 0.0) > lone
                        for u in units[i] - covered)):
                continue
            # Close to a chosen sentence and naming nothing it does not: the same fact told
            # again, in other words or another language (cosine alone misses a quarter of these).
            if strict and units[i] and redundancy >= config.summary_repeat_similarity \
                    and all(weights.get(u, 0.0) <= lone for u in units[i] - covered):
                continue
            # Its names and figures, two or more, all in one chosen sentence, and close to it:
            # the same fact in another language, whose cosine runs lower ("In Teilen von
            # Charkiw und Odessa fiel der Strom aus" after "…cutting power to parts of
            # Kharkiv and Odesa").
            if strict and len(units[i]) >= 2 and any(
                    units[i] <= units[j] and sims[i, j] >= config.summary_subset_similarity for j in chosen):
                continue
            # A foreign sentence this close to a chosen one in the reader's language says its
            # fact again (the cross-language cosine of one fact runs lower than a paraphrase's).
            if strict and cands[i]["lang"] != lang and any(
                    cands[j]["lang"] == lang and sims[i, j] >= config.summary_reader_same_fact for j in chosen):
                continue
            if strict and len(standalone) >= 3 and i not in standalone:
                continue
            used = articles_used.get(cands[i]["article"], 0)
            # Two sentences an article; a reader's-language one may give more, each only in
            # place of a foreign sentence saying the same (an event may have a single English
            # report, whose sentences are the ones the reader reads).
            if used >= 2 and not (cands[i]["lang"] == lang and used < config.summary_reader_article_cap):
                continue
            gain = sum(weights.get(u, 0.0) for u in units[i] - covered)
            s = lam * rel[i] - (1 - lam) * redundancy + config.summary_coverage_weight * gain
            scores[i] = s
            if used >= 2:
                continue  # only in place of a foreign sentence saying the same
            if s > best_score:
                best, best_score = i, s
        if best is not None and cands[best]["lang"] != lang:
            best = reader_equivalent(best, scores, sims, cands, lang, config.summary_reader_same_fact)
        if best is None:
            if strict and len(chosen) < 3:
                strict = False
                continue
            break
        chosen.append(best)
        covered |= units[best]
        articles_used[cands[best]["article"]] = articles_used.get(cands[best]["article"], 0) + 1
    if voices is not None and voiced:
        for i in other_voices(chosen, voices, voiced, rel, sims, alone, cands, articles_used, k, lang, config):
            chosen.append(i)
            articles_used[cands[i]["article"]] = articles_used.get(cands[i]["article"], 0) + 1
    return [dict(cands[i], text=_LIST_MARK.sub("", cands[i]["text"]), score=round(float(rel[i]), 4))
            for i in chosen]


# A list item's marker opening a sentence ("• The far-right AfD surged…") is the page's
# layout, not the sentence: the summary is a list of its own.
_LIST_MARK = re.compile(r"^\s*(?:[•·▪●○◦‣∙►▶*]+|[-–—](?=\s))\s*")


def other_voices(chosen: list[int], voices: list[set[str]], voiced: dict[str, int], rel: np.ndarray,
                 sims: np.ndarray, alone: list[bool], cands: list[dict], articles_used: dict[str, int],
                 k: int, lang: str, config: Config) -> list[int]:
    """Sentences to add so that the summary does not tell one side only: when the chosen
    sentences give the statements of some speakers (the Kremlin, its spokesman) and the
    event's articles quote another one too (Ukraine's foreign minister, in two articles or
    more: summary_voice_min_articles), that speaker's most central standalone sentence that
    gives its statement, while the summary has room (summary_sentences), at most
    summary_voices of them, the most widely quoted speakers first; a reader's-language
    sentence saying the same in place of a foreign one, as in choose.

    In one event every sentence is about one happening, so another party's answer to a
    chosen statement is close to it by cosine (0.86-0.93: one side's minister saying its
    president will meet the other, beside the other side's invitation) and
    summary_redundancy drops it as a repeat; a new speaker's statement is a fact of its
    own, a repeat only from summary_voice_redundancy. A summary that gives no one's
    statement (its speakers unnamed, "a senior aide said…") gets the most quoted one's."""
    spoken = set().union(*(voices[i] for i in chosen)) if chosen else set()
    added: list[int] = []
    used = dict(articles_used)
    missing = sorted((key for key, n in voiced.items()
                      if n >= config.summary_voice_min_articles and key not in spoken),
                     key=lambda key: -voiced[key])
    for key in missing:
        if len(chosen) + len(added) >= k or len(added) >= config.summary_voices:
            break
        if any(key in voices[j] for j in added):
            continue  # told by a sentence added for another speaker
        pick = [i for i in range(len(cands))
                if key in voices[i] and alone[i] and i not in chosen and used.get(cands[i]["article"], 0) < 2
                and max((sims[i, j] for j in chosen + added), default=0.0) < config.summary_voice_redundancy]
        if pick:
            best = max(pick, key=lambda i: rel[i])
            if cands[best]["lang"] != lang:
                best = reader_equivalent(best, {i: 0.0 for i in pick}, sims, cands, lang,
                                         config.summary_reader_same_fact)
            added.append(best)
            used[cands[best]["article"]] = used.get(cands[best]["article"], 0) + 1
    return added


def reader_equivalent(best: int, scores: dict[int, float], sims: np.ndarray, cands: list[dict],
                      lang: str, similarity: float) -> int:
    """The candidate to take in place of the foreign-language `best`: among the eligible
    ones (`scores`) in the reader's language that say the same (cosine at least
    `similarity`), the closest to it (inside one event every sentence is about one
    happening, so the best scored of them may tell another fact); else `best` itself. One fact is told once, and told
    the way the reader reads it: "Aged 31, he becomes the youngest mayor the town has
    ever had." over "Mit 31 Jahren ist Lukas Brenner der jüngste Bürgermeister der Stadt.", even when
    the German scored a little higher (its article more central, its lead bonus)."""
    same = [j for j in scores if cands[j]["lang"] == lang and sims[best, j] >= similarity]
    return max(same, key=lambda j: sims[best, j]) if same else best
