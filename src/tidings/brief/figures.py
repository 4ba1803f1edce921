"""Figures of an event (numbers with what they count) and where sources disagree on a
figure or on the date of the happening.

What a figure counts is compared through a small multilingual lexicon of the things news
counts (dead, injured, drones, prisoners …), falling back to the transliterated stem of the
counted word (ड्रोन and drone both start "dron"). Embeddings are not used for this: the
model puts short words such as "dead" and "injured" (or "morți" and "răniți") at cosine
0.93, which would report a death toll and an injury count as a disagreement.
A disagreement also needs the two figures' sentences to be about the same thing
(sentence cosine), so two death tolls of two different attacks are not a disagreement.
Shares and sums whose subject has no lexicon entry (31.2% for the CDU, 30.8% for "die
Christdemokraten") pair by nearest value between two articles, then by sentence.
Two values are no disagreement when they are different facts by the sentences' own
evidence: a threshold against the count reached ("the 316 votes needed"), two numbers one
sentence gives side by side ("325 of 316", "717 cast, 207 for"), a sentence dated days
before the happening (a recap), tolls that rose together from one report to the next (an
update, shown as such).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from anyascii import anyascii

from tidings.brief.timeline import parse_date, parsed_time
from tidings.config import DEFAULT, Config
from tidings.records import Article, Features, Figure
from tidings.understand.figures import FILLERS, MARKS

# concept -> stems (lower-case word prefixes, any language).
_LEXICON: list[tuple[str, tuple[str, ...]]] = [
    ("killed", ("killed", "killing", "dead", "death", "died", "fatalit", "lives", "toll", "morți",
                "morti", "decedat", "decese", "murit", "uciș", "ucis", "погиб", "убит", "жертв",
                "загин", "вбит", "getötet", "tote", "toten", "todesopfer", "starben", "leben",
                "morts", "tués", "tues", "décès", "péri", "muertos", "fallecid", "murieron",
                "मारे", "मौत", "मृत", "मरने")),
    ("injured", ("injur", "wound", "hurt", "rănit", "ranit", "ранен", "пострадав", "поранен",
                 "verletz", "verwund", "blessé", "blesse", "herido", "घायल", "जख्मी", "ज़ख्मी")),
    ("survivors", ("survivor", "survived", "supraviețuit", "supravietuit", "überlebend",
                   "survivant", "supervivient", "sobrevivient", "выжил", "выживш", "вижил",
                   "जीवित")),
    ("missing", ("missing", "dispărut", "disparut", "пропал", "зник", "vermisst", "disparu",
                 "desaparecid", "लापता")),
    ("arrested", ("arrest", "detain", "reținut", "arestat", "задерж", "арестов", "затрим",
                  "festgenommen", "verhaftet", "interpellé", "arrêté", "detenid", "गिरफ्तार")),
    ("evacuated", ("evacu", "эвакуир", "евакуйов")),
    ("passengers", ("passenger", "pasager", "passagier", "passager", "pasajero", "пассажир",
                    "пасажир", "यात्री")),
    ("crew", ("crew", "echipaj", "besatzung", "équipage", "tripula", "экипаж", "екіпаж", "चालक")),
    ("aboard", ("aboard", "board", "bord", "bordo", "борту", "insassen", "occupant", "ocupante")),
    ("prisoners", ("prisoner", "captive", "prizonier", "пленн", "полонен", "gefangen",
                   "prisonnier", "prisioner", "कैदी", "बंदी", "युद्धबंदी")),
    ("soldiers", ("soldier", "troop", "servicem", "soldaț", "soldat", "militari", "военнослуж",
                  "солдат", "військов", "soldados", "सैनिक", "जवान")),
    ("drones", ("drone", "dron", "uav", "беспилот", "бпла", "безпілот", "drohne", "ड्रोन")),
    ("missiles", ("missile", "rachet", "ракет", "rakete", "misil", "मिसाइल")),
    ("magnitude", ("magnitud", "stärke", "магнитуд", "магнітуд", "richter", "рихтер", "तीव्रता")),
    ("depth", ("depth", "deep", "adâncim", "adancim", "tiefe", "profondeur", "profundidad",
               "глубин", "глибин", "गहराई")),
    ("refugees", ("refugee", "refugiat", "беженц", "біженц", "flüchtling", "réfugié", "refugiad",
                  "शरणार्थी")),
    ("votes", ("vote", "voturi", "голос", "stimme", "voix", "votos", "वोट")),
    ("seats", ("seat", "locuri", "sitz", "sièges", "escaño", "सीट")),
    ("people", ("people", "person", "oameni", "persoan", "человек", "людей", "люди", "осіб",
                "menschen", "personen", "personnes", "personas", "लोग", "व्यक्ति")),
]
# Concepts too vague to call a disagreement on by themselves: aftershocks are many, each
# with its own magnitude.
_VAGUE = {"people", "aftershock"}
# A magnitude in a sentence about an aftershock or another quake is not the main quake's:
# "aftershocks as strong as 6.9" beside "magnitude 8.8" is no disagreement.
_AFTERSHOCK = re.compile(
    r"(?i)aftershock|after-shock|another (?:earth)?quake|réplica|réplique|nachbeben|"
    r"афтершок|повторн\w* толч|ещ[её] одно землетрясение|ще один землетрус|повторн\w* поштовх|"
    r"scossa di assestamento|artçı|余震|여진|هز[ةا]ت? ارتدادية|پس‌?لرزه|آفٹر ?شاک|आफ्टरशॉक|"
    r"(?:minutes|hours) later|minutos después|minutes plus tard|minuten später|\d+ минут спустя"
)
# Counts that grow while a disaster is reported: tolls given as lower bounds ("at least 10",
# later "at least 800") do not contradict each other.
_GROWING = {"killed", "injured", "missing", "evacuated", "arrested"}
_LOWER_BOUND = re.compile(
    r"(?i)at least|more than|\bover\b|upwards of|no fewer than|por lo menos|al menos|más de|"
    r"pelo menos|mais de|au moins|plus de|mindestens|mehr als|über|almeno|oltre|"
    r"cel puțin|peste|по меньшей мере|по крайней мере|не менее|более|свыше|щонайменше|"
    r"понад|більше|kam se kam|कम से कम|से अधिक|से ज़्यादा|ما لا يقل عن|أكثر من|"
    r"en az|kadar|至少|超过|超過|逾|少なくとも|以上|최소|이상"
)
# Projections and exit polls, later replaced by the count: a projection against the final
# result is an update, not a disagreement.
_PROJECTION = re.compile(
    r"(?i)exit.?polls?|projections?|projected|forecast|hochrechnung|prognose|sondages?|"
    r"estimations?|sondeos?|boca de urna|proiecți|sondaj|экзит.?пол|прогноз|"
    r"предварительн|exit-poll|exitpoll|出口民调|出口民調|استطلاع"
)
# Words of a count, as against a projection: a figure framed so is a result.
_COUNTED = re.compile(
    r"(?i)auszählung|ausgezählt|endergebnis|amtliche[ns]? ergebnis|wahlleiter|"
    r"final (?:results?|count|tally)|official (?:results?|count|tally)|votes? (?:were |had been )?counted|"
    r"vote count|election commission|electoral commission|returning officer|"
    r"résultats? (?:officiels?|définitifs?)|dépouillement|recuento|escrutinio|resultados? (?:oficiales|finales)|"
    r"rezultatele (?:finale|oficiale)|numărătoare|numararea|comisia electoral|"
    r"подсч[её]т|окончательн\w* (?:итог|результат)|официальн\w* (?:итог|результат)|цик\b|"
    r"підрахун|остаточн\w* результат|النتائج (?:الرسمية|النهائية)|मतगणना|अंतिम नतीजे"
)
# Where a clause ends, for whose share a number is.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|(?<!\w)(?:and|but|while|whereas|und|aber|während|sowie|et|mais|tandis que|y|pero|"
    r"mientras|și|iar|dar|и|а|но|і|та|але|و|और|लेकिन|जबकि)(?!\w)")
# Words with their combining marks: "กิโลเมตร", not "ก" and "โลเมตร" (see understand.figures).
_TOKEN = re.compile(rf"[\w\u0900-\u097F{MARKS}%]+")
_WINDOW = 6  # words either side of the number searched for what it counts
_STRONG_DISTANCE = 3
_STOP = {"de", "of", "the", "la", "le", "les", "des", "del", "der", "die", "das", "a", "an",
         "से", "के", "की", "का", "अधिक", "more", "than", "over", "about", "some", "mai", "mult",
         "peste", "plus", "около", "более"}


# Words that join clauses: what is counted is named in the number's own clause.
_CONJUNCTIONS = set("""and but while whereas und aber während et mais tandis y pero mientras
și iar dar ci и а но і та але और लेकिन जबकि""".split())
_CLAUSE_TOKEN = re.compile(rf"[\w\u0900-\u097F{MARKS}%]+|[,;:()\[\]—–]")


def _clauses(sentence: str) -> tuple[list[str], list[int]]:
    """Word tokens of a sentence and, for each, the number of the clause it is in."""
    tokens, clause, k = [], [], 0
    for t in _CLAUSE_TOKEN.findall(sentence):
        if not (t[0].isalnum() or t[0] in "%_" or "\u0900" <= t[0] <= "\u097F"):
            k += 1
            continue
        if t.lower() in _CONJUNCTIONS:
            k += 1
        tokens.append(t)
        clause.append(k)
    return tokens, clause


@dataclass
class Found:
    article: Article
    figure: Figure
    concept: str
    sentence: str
    strong: bool = True  # the concept comes from the counted word or a word beside the number
    # "projection" or "count": how the article frames the figure (its own sentence, else
    # the nearest sentence before it that says); None when it does not say (see _frame).
    frame: str | None = None
    # Key of the name whose share or sum this is ("die FDP mit 4,9 Prozent": the FDP's),
    # when its clause names one (see _holder).
    holder: str | None = None
    # "needed" when the number is a threshold ("the 316 votes needed"): a different fact
    # from the count reached, which it must not be compared with (see _needed).
    role: str | None = None
    # The sentence dates itself days before the article's happening ("the attack of April
    # 22 that left 26 dead", in a report of May 7): its figures are an older happening's.
    dated_before: bool = False


# Units of time: a number counting days or years ("60 дней после голосования", "79 años")
# counts those, whatever lexicon word stands near it ("голосования" is no count of votes),
# and says how long or how old ("26 jam", "88 वर्षीय"), which the figures list leaves out.
_TIME_UNITS = set("""
day days week weeks month months year years hour hours minute minutes decade decades
tag tage tagen woche wochen monat monate monaten jahr jahre jahren stunde stunden minuten
jour jours semaine semaines mois an ans année années heure heures
día días dia dias semana semanas mes meses año años ano anos hora horas minuto minutos
giorno giorni settimana settimane mese mesi anno anni ore
zi zile săptămână săptămâni lună luni ani oră
день дня дней дни дням неделя недели недель месяц месяца месяцев год года лет годы час часа
часов минут минуты дні днів тиждень тижні тижнів місяці місяців рік роки років годин хвилин
dzień dni tydzień tygodnie tygodni miesiąc miesiące miesięcy rok lata lat godzin godziny minut
gün hafta yıl saat dakika
दिन दिनों सप्ताह हफ्ते हफ़्ते महीने महीनों साल सालों वर्ष वर्षों घंटे मिनट
يوم أيام يوما أسبوع أسابيع شهر أشهر شهور سنة سنوات عام أعوام ساعة ساعات دقيقة دقائق
second seconds sekunden secondes segundos secondi секунд секунды minuti minuto
jam menit detik tahun hari bulan minggu taon taong araw oras buwan linggo
dager døgn uker måneder år timer dage
ani luni zile ore minute
година години годины сутки суток
yaşında saatlik dakikalık
वर्षीय वर्ष साल घंटों मिनटों सेकंड
منٹ منٹوں گھنٹے گھنٹوں سال سالہ دن دنوں ہفتے مہینے
ساعت دقیقه روز سال ماه هفته
ชม ชั่วโมง นาที ปี วัน เดือน สัปดาห์
χρόνια χρονών ώρες λεπτά ημέρες μέρες
""".split())


def _lexicon(word: str) -> str | None:
    w = word.lower()
    for concept, stems in _LEXICON:
        if w.startswith(stems):
            return concept
    return None


def concept_of(fig: Figure, sentence: str = "") -> str:
    return concept_and_strength(fig, sentence)[0]


def concept_and_strength(fig: Figure, sentence: str = "") -> tuple[str, bool]:
    """What a figure counts (see _concept_and_strength); a magnitude given in a sentence
    about aftershocks counts an aftershock."""
    concept, strong = _concept_and_strength(fig, sentence)
    if concept == "magnitude" and _AFTERSHOCK.search(sentence or ""):
        return "aftershock", strong
    return concept, strong


def _concept_and_strength(fig: Figure, sentence: str = "") -> tuple[str, bool]:
    """What a figure counts, comparable across languages: "killed", "drones", "%:", "w:apel".

    The counted word itself decides when the lexicon knows it ("121 passengers"); else the
    lexicon word nearest the number in its sentence ("killing 112 of the 127 people on
    board": 112 killed, 127 aboard); else the transliterated stem of the counted word.
    """
    unit = fig.unit or ""
    what_words = _TOKEN.findall(fig.what or "")
    content = [w for w in what_words if w.lower() not in _STOP]
    head = _lexicon(content[0]) if content else None
    if head and head not in _VAGUE:
        return (f"{unit}:{head}" if unit else head), True
    if not unit and content and content[0].lower() in _TIME_UNITS:
        return "w:" + anyascii(content[0]).lower()[:4], True
    tokens, clause = _clauses(sentence or "")
    number = _TOKEN.findall(fig.text or "")[:1]
    at = None
    if number:
        num = number[0]
        for i, t in enumerate(tokens):
            if t == num or t.replace(",", "").replace(".", "") == num:
                at = i
                break
    if at is not None:
        numbers = [i for i, t in enumerate(tokens) if t[:1].isdigit() and i != at]
        best, best_d = None, None
        # Right side first, so that at equal distance the words after the number win.
        for i in sorted(range(max(0, at - _WINDOW), min(len(tokens), at + _WINDOW + 1)),
                        key=lambda i: (abs(i - at), i < at)):
            if i == at or clause[i] != clause[at]:
                continue  # "14 oameni au murit, iar 3.200 de locuitori": another clause
            # "118 morts parmi les 127 personnes": "morts" is nearer 118 than 127, so it
            # says what 118 counts, not 127.
            if any(abs(i - j) < abs(i - at) and clause[j] == clause[i] for j in numbers):
                continue
            c = _lexicon(tokens[i])
            if c and c not in _VAGUE:
                best, best_d = c, abs(i - at)
                break
        if best:
            # "118 des 127 personnes à bord ont péri": five words away, "bord" belongs to
            # 127; only a word close to the number names what it counts with confidence.
            return (f"{unit}:{best}" if unit else best), best_d is not None and best_d <= _STRONG_DISTANCE
    if head:
        return (f"{unit}:{head}" if unit else head), True
    stem = anyascii(content[0]).lower() if content else ""
    base = "w:" + stem[:4] if len(stem) >= 3 else ""
    if unit:
        return f"{unit}:", True  # a share or a sum: what it is of is compared by context
    return base, True


def _sentence_of(article: Article, fig: Figure, sentences_of) -> str:
    """The sentence the figure was read from: the one holding its text (the title too,
    which the body's sentences leave out), else one holding its number and the word it
    counts, else its number alone. A figure of the title ("10 personas fallecidas") put in
    the body's sentence with the same number ("a 10 kilómetros de profundidad") would be
    read as counting what that sentence counts."""
    sentences = sentences_of(article)
    for s in sentences:
        if fig.text and fig.text in s:
            return s
    if fig.text and fig.text in (article.title or ""):
        return article.title
    word = (_TOKEN.findall(fig.what or "") or [""])[0].lower()
    with_number = [s for s in sentences if _number_at(fig, s) >= 0]
    for s in with_number:
        if word and word in s.lower():
            return s
    return with_number[0] if with_number else (fig.text or "")


# A number with one separator and other than three digits after it: "8.8", "28,5".
_ONE_SEPARATOR = re.compile(r"^(\d+)[.,](\d{1,2}|\d{4,})(?!\d|[.,]\d)")


def read_value(fig: Figure) -> Figure:
    """The figure with a decimal mark read as one: the reader at ingest takes "." for a
    thousands mark in languages writing 1.234,5, so "magnitud 8.8" in a Spanish text was
    stored as 88 (and "28,5 protsendiga" in an Estonian one as 285). One separator not
    followed by three digits groups no thousands in any locale. (Corrected here, for the
    brief: the clusterer was fitted on the stored values.)"""
    m = _ONE_SEPARATOR.match(fig.text or "")
    if m is None:
        return fig
    whole, frac = m.groups()
    if abs(fig.value - float(whole + frac)) > 1e-9 * max(1.0, abs(fig.value)):
        return fig  # a scale word ("1,5 milioane") or a reading we did not make
    return Figure(float(f"{whole}.{frac}"), fig.text, fig.what, fig.unit)


# A clock time: "7.35", "22.17", "9h30" (hours to 23, two-digit minutes to 59).
_CLOCK_SHAPE = re.compile(r"^(?:[01]?\d|2[0-3])[.:h][0-5]\d$")
# Words after a number that make it a time of day: a zone, "a.m.", "this morning".
_CLOCK_AFTER = re.compile(
    r"(?i)^\s*(?:a\.?m\.?|p\.?m\.?|hrs?\b|hours\b|h\b|uhr\b|heures?\b|horas?\b|ore\b|óra|godz|"
    r"gmt|utc|cet|cest|eet|eest|bst|ist\b|pkt\b|edt|est\b|pdt|pst\b|msk|мск|kyiv|local\b|"
    r"this (?:morning|evening|afternoon)|tonight|in the (?:morning|evening)|"
    r"de la (?:mañana|tarde|noche)|du (?:matin|soir)|di (?:mattina|sera)|da (?:manhã|tarde|noite)|"
    r"heure locale|hora local|ora (?:locală|locala|româniei|romaniei)|ortszeit|"
    r"tego (?:ranka|dnia|wieczoru)|rano|wieczorem|czasu|"
    r"ч\b|час|утра|вечера|ночи|дня\b|по (?:московскому|киевскому|местному)|местного|"
    r"ранку|вечора|за київським|"
    r"صباح|مساء|بتوقيت|"
    r"बजे)"
)
# Words before a number that make it a time of day: "at", "o godzinie", "alle ore", "в".
_CLOCK_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:at|by|around|until|till|from|since|o|godz\.?|godzinie|około|alle|ore|"
    r"um|gegen|ab|bis|à|vers|a las|las|hacia|às|la ora|ora|în jurul orei|"
    r"в|во|около|к|с|до|об|після|близько|kl\.?|klo|saat|pukul|στις|الساعة|"
    # Parts of the day before the hour: "रात्री 1.30" (at night 1.30), "सुबह 6.15".
    r"रात्री|रात|सकाळी|सुबह|दुपारी|दोपहर|संध्याकाळी|सायंकाळी|शाम|पहाटे|صبح|شام|رات)\s*$"
)


# Clock times written in words, whatever the number's shape: the hour before "o'clock"
# ("رات 11 بجکر 47 منٹ": 11, then 47 minutes past it), the minutes after an hour
# ("ساعت ۲۳ و ۴۷ دقیقه": hour 23 and 47 minutes; "ساعت" before a number is the hour).
_HOUR_WORD_AFTER = re.compile(r"^\s*(?:بجکر|بج کر|بجے|بجے|o'clock|o’clock|बजकर|बजे)")
_MINUTES_AFTER_HOUR = re.compile(r"(?:بجکر|بج کر|बजकर|ساعت\s*\d{1,2}\s*و|(?<!\w)ساعت|الساعة)\s*$")


def _number_at(fig: Figure, sentence: str) -> int:
    """Where the figure's number stands in its sentence (-1 when it is not there): its
    text, else its number alone, not inside another ("11" is not the end of "1411")."""
    if fig.text and fig.text in sentence:
        return sentence.find(fig.text)
    head = (fig.text or "").split(" ")[0]
    m = re.search(rf"(?<![\d.,]){re.escape(head)}(?!\d|[.,]\d)", sentence) if head else None
    return m.start() if m else -1


def when_not_how_many(fig: Figure, sentence: str, lang: str | None = None) -> bool:
    """Whether the "figure" is a clock time or a day of a written date, which say when,
    not how many: "o 6.50 rano", "в 23.05 мск", "a las 6.50", "3 de mayo",
    "3 maja". The reader at ingest drops only the dates and times it knows by the
    word next to the number; here the sentence is read with the dates reader's month
    tables (every language it knows), and a time is a clock's shape with a word of time
    beside it. A share or a sum ("7.35%", "$7.35") is never a time."""
    from tidings.clean.dates import scan

    head = (fig.text or "").split(" ")[0]
    at = _number_at(fig, sentence)
    if at < 0:
        return False
    after = sentence[at + len(head):]
    if not fig.unit and _CLOCK_SHAPE.match(head):
        if _CLOCK_AFTER.match(after) or _CLOCK_BEFORE.search(sentence[:at]):
            return True
    if not fig.unit and (_HOUR_WORD_AFTER.match(after) or _MINUTES_AFTER_HOUR.search(sentence[:at])):
        return True
    return any(f.month is not None and f.start <= at < f.end for f in scan(sentence, lang, limit=50))


# Words making a number a threshold: what was needed, not what was reached. ("Majority"
# is none: "won a majority with 325 votes" is the count reached; nor is "minimum":
# "como mínimo 10 muertos" is the lower bound of a toll.)
_NEED = re.compile(
    r"(?i)^(?:needed|need|required|requires?|necessary|threshold|"
    r"benötigt\w*|erforder\w*|notwendig\w*|nötig\w*|"
    r"nécessaire\w*|requis\w*|seuil|necesari\w*|necessári\w*|requerid\w*|"
    r"необходим\w*|требова\w*|нужн\w*|потрібн\w*|необхідн\w*|"
    r"wymagan\w*|potrzebn\w*|gerekli|आवश्यक|ज़रूरी|जरूरी|اللازم\w*|المطلوب\w*|"
    r"필요|必要|需要)$"
)


def _needed(fig: Figure, sentence: str) -> bool:
    """Whether the figure is a threshold: a word of need in its clause, with no other
    number nearer that word ("325 von 316 benötigten Stimmen": 316 is needed, 325 not)."""
    tokens, clause = _clauses(sentence or "")
    number = _TOKEN.findall(fig.text or "")[:1]
    at = next((i for i, t in enumerate(tokens) if number and t == number[0]), None)
    if at is None:
        return False
    numbers = [i for i, t in enumerate(tokens) if t[:1].isdigit() and clause[i] == clause[at]]
    for i, t in enumerate(tokens):
        if clause[i] == clause[at] and _NEED.match(t):
            if min(numbers, key=lambda j: (abs(j - i), j)) == at:
                return True
    return False


# Days a sentence's date may fall before the happening and still be its own: a local
# time zone moves a date by one, a report of a night's events may name the evening before.
_OWN_DAYS = 2


def _dated_before(sentence: str, lang: str | None, when: str | None) -> bool:
    """Whether the sentence names a day more than _OWN_DAYS before `when` (the happening
    the article reports, else its publication)."""
    from tidings.clean.dates import scan

    parsed = parse_date(when)
    if parsed is None or not sentence:
        return False
    ref = parsed[0].date()
    for f in scan(sentence, lang, limit=20):
        if f.month is None or f.today:
            continue
        try:
            day = date(f.year or ref.year, f.month, f.day)
        except ValueError:
            continue
        if f.year is None and day > ref:
            day = date(ref.year - 1, f.month, f.day)  # "December 28" written in January
        if (ref - day).days > _OWN_DAYS:
            return True
    return False


def _frame(sentences: list[str], i: int) -> str | None:
    """How the article frames the figure in sentence `i`: "projection" when that sentence,
    or else the nearest one before it that says either, speaks of a projection or exit
    poll; "count" when it speaks of the count. An article saying "according to the first
    projection, the Union has 29 percent" goes on giving the projection's shares in the
    sentences after ("the AfD reached 19.6 percent") without repeating it."""
    for j in range(i, -1, -1):
        framing = _framing(sentences[j])
        if framing is not None:
            return framing
    return None


@lru_cache(maxsize=4_096)  # asked of a sentence again for every figure after it
def _framing(sentence: str) -> str | None:
    if _PROJECTION.search(sentence):
        return "projection"
    if _COUNTED.search(sentence):
        return "count"
    return None


def _holder(fig: Figure, sentence: str, names: list) -> str | None:
    """Key of the name a share or sum belongs to: the name nearest before the number in
    its clause ("während die FDP mit 4,3% und das BSW mit 4,97%": 4.97 is the BSW's), else
    the nearest after it in the clause ("20.8% for the AfD"). Places say whose it is not."""
    at = _number_at(fig, sentence)
    if at < 0 or not names:
        return None
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, at):
        start = m.end()
    stop = len(sentence)
    end = _CLAUSE_BREAK.search(sentence, at + len((fig.text or "").split(" ")[0]))
    if end:
        stop = end.start()
    before, after = None, None
    for n in names:
        if n.kind == "place" or len(n.surface) < 2 or n.surface in (fig.text or ""):
            continue
        for hit in re.finditer(rf"(?<!\w){re.escape(n.surface)}(?!\w)", sentence):
            i = hit.start()
            if start <= i < at and (before is None or i > before[0]):
                before = (i, n.key)
            elif at < i < stop and (after is None or i < after[0]):
                after = (i, n.key)
    return (before or after or (None, None))[1]


# Scripts written without spaces between words (Thai, Lao, Burmese, Khmer): the reader's
# "word" after a number runs on to the next space, over several words ("ครั้งขนาดตั้งแต่":
# times, magnitude, from), so it is cut to the word of counting it opens with.
_UNSPACED = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]")
# Thai classifiers and units, which follow the number ("สูญหาย 70 คน": missing, 70 people;
# the thing counted comes before it). Longest first, so "หลังคาเรือน" wins over "หลัง".
_THAI_COUNTERS = sorted("""
คน ราย ศพ ครั้ง หลังคาเรือน หลัง แห่ง คัน ลำ ตัว ชั้น อาคาร จังหวัด อำเภอ ประเทศ หมู่บ้าน
ครอบครัว กิโลเมตร เมตร เซนติเมตร องศา ริกเตอร์ ชั่วโมง นาที วินาที วัน ปี เดือน สัปดาห์
บาท ดอลลาร์ ล้าน พัน หมื่น แสน เปอร์เซ็นต์ เสียง ที่นั่ง ลูก นัด
""".split(), key=len, reverse=True)
# Abbreviations, ended by their dot (which ends the reader's word): "326 กม.", "5 ชม.".
_THAI_ABBR = {"กม", "ม", "ชม", "ซม"}


def unspaced(fig: Figure) -> Figure:
    """The figure with a counted word of an unspaced script cut to the classifier it opens
    with ("14 ครั้งขนาดตั้งแต่" -> "14 ครั้ง"), or to nothing when none is known: a run of
    words we cannot cut says nothing sure of what the number counts."""
    what, text = fig.what or "", fig.text or ""
    head = what.split(" ")[0] if what else ""
    if not head or not _UNSPACED.match(head) or not text.endswith(what):
        return fig
    counter = head if head in _THAI_ABBR else next((c for c in _THAI_COUNTERS if head.startswith(c)), "")
    number = text[: len(text) - len(what)].rstrip()
    return Figure(fig.value, f"{number} {counter}" if counter else number, counter, fig.unit)


def before_next_number(fig: Figure, sentence: str) -> Figure:
    """The figure with the words it counts cut where the next number stands. The reader at
    ingest takes the words after a number passing over the numbers between them, so "80
    থেকে 90 জন" (80 to 90 people) gave 80 "থেকে জন" and "2 বিদেশিসহ 26 জন পর্যটক" (26
    tourists, 2 foreigners among them) gave 2 "বিদেশিসহ জন পর্যটক": words the
    sentence says of the other number, and a text it does not hold."""
    number = re.match(r"\d[\d.,]*", fig.text or "")
    if number is None or not fig.what or (fig.text or "") in sentence:
        return fig
    at = _number_in(fig, sentence)
    if at < 0:
        return fig
    after = sentence[at + len(number.group()):]
    nxt = re.search(r"\d", after)
    if nxt is None:
        return fig
    span, pos = after[: nxt.start()].lower(), 0
    words = (fig.text or "")[len(number.group()):].split()
    kept = 0
    for w in words:
        hit = span.find(w.lower(), pos)
        if hit < 0:
            break
        pos, kept = hit + len(w), kept + 1
    if kept == len(words):
        return fig
    what_words = fig.what.split()
    own = words[len(words) - len(what_words):kept] if kept > len(words) - len(what_words) else []
    if not own:
        # "6,4 unos 12 minutos": the word between the numbers that led to the counted
        # thing leads to nothing now.
        while kept and words[kept - 1].lower() in FILLERS | _PHRASE_END:
            kept -= 1
    return Figure(fig.value, " ".join([number.group(), *words[:kept]]), " ".join(own).lower(), fig.unit)


def collect(articles: list[Article], features: dict[str, Features], sentences_of) -> list[Found]:
    out: list[Found] = []
    for a in articles:
        f = features.get(a.id)
        sentences = sentences_of(a) if f and f.figures else []
        for fig in (unspaced(read_value(x)) for x in (f.figures if f else [])):
            sentence = _sentence_of(a, fig, sentences_of)
            fig = before_next_number(fig, sentence)
            if when_not_how_many(fig, sentence, a.lang):
                continue
            concept, strong = concept_and_strength(fig, sentence)
            if concept:
                i = next((k for k, s in enumerate(sentences) if s == sentence), None)
                out.append(Found(a, fig, concept, sentence, strong,
                                 frame=_frame(sentences, i) if i is not None else _frame([sentence], 0),
                                 holder=_holder(fig, sentence, f.names) if fig.unit and f else None,
                                 role="needed" if _needed(fig, sentence) else None,
                                 dated_before=_dated_before(sentence, a.lang, (f.event_time if f else None) or a.date)))
    return out


def _src(x: Found) -> dict:
    return {"article": x.article.id, "source": x.article.source, "lang": x.article.lang,
            "text": x.figure.text}


# A clock written as four digits with its zone or "hours": "0800 GMT", "1430 hrs".
_HHMM = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_ZONE_AFTER = re.compile(
    r"(?i)^\s*(?:gmt|utc|cet|cest|eet|eest|bst|ist|pkt|edt|est|pdt|pst|msk|мск|hrs?|hours|"
    r"local time|heure locale|hora local|ora locală|ortszeit|بتوقيت|по москве|по местному)(?!\w)")
# A part of the day after an hour: "10 ранку" (10 in the morning), "7 p.m.", "9 de la noche".
_DAYPART_AFTER = re.compile(
    r"(?i)^\s*(?:a\.?m\.?|p\.?m\.?|o'clock|o’clock|утра|вечера|ночи|ранку|вечора|ночі|"
    r"de la (?:mañana|tarde|noche)|du (?:matin|soir)|di (?:mattina|sera)|da (?:manhã|tarde|noite)|"
    r"Uhr|heures?|horas?|ore|rano|wieczorem|बजे|صباحا|مساء)(?!\w)")
# A number ranked or cited, not counted: "267° pontefice", "21st", "3-й", "ст. 68",
# "ครั้งที่ 1" (the first time), "第3".
_ORDINAL_AFTER = re.compile(r"(?i)^(?:[°º]|(?:st|nd|rd|th|er|ère|ème|eme|ª|-?(?:й|я|го|ий|ого|ї|е))(?!\w))")
_CITED_BEFORE = re.compile(
    r"(?i)(?:(?<!\w)(?:no|nr|art|ст|п)\.|(?<!\w)(?:article|artikel|artículo|articolo|artigo|"
    r"статьи|статья|статті|стаття|paragraph|absatz)|№|#|§|ที่|第|제)\s*$")


def _number_in(fig: Figure, sentence: str) -> int:
    """Where the figure's number stands in its sentence (-1 when not found): the digits its
    text opens with, not inside another number ("267pontefice" is "267°" in the text)."""
    at = _number_at(fig, sentence)
    if at >= 0:
        return at
    m = re.match(r"\d[\d.,]*", fig.text or "")
    if m is None:
        return -1
    hit = re.search(rf"(?<![\d.,]){re.escape(m.group())}(?!\d|[.,]\d)", sentence)
    return hit.start() if hit else -1


# A latitude or a longitude: degrees with a direction ("21.9°N", "21,9 градуса северной",
# "21.682 องศาเหนือ") or a number beside the word ("latitude 21.9", "ละติจูด 21.682").
# (Thai writes the direction on after "องศา" with no space.)
_DEGREES = (r"(?:°|º|องศา|(?:degrees?|deg|grados?|graus?|degrés?|gradi|grad(?:e|en)?|градус\w*|"
            r"डिग्री|درج\w*)(?!\w))")
_DIRECTION = (r"(?:(?-i:[NSEW])(?![^\W\d_])|north|south|east|west|norte|sur|este|oeste|nord|sud|est|ouest|"
              r"nördlich\w*|südlich\w*|östlich\w*|westlich\w*|северн\w*|южн\w*|восточн\w*|"
              r"западн\w*|північн\w*|південн\w*|східн\w*|західн\w*|เหนือ|ใต้|ตะวันออก|ตะวันตก|"
              r"उत्तर|दक्षिण|पूर्व|पश्चिम|شمال\w*|جنوب\w*|شرق\w*|غرب\w*)")
_LATLONG = (r"(?:latitude|longitude|latitud|longitud|latitudine|longitudine|breite|länge|"
            r"широт\w*|долгот\w*|ละติจูด|ลองจิจูด|ลองติจูด|अक्षांश|देशांतर|देशान्तर|خط العرض|خط الطول)")
_COORD_AFTER = re.compile(rf"(?i)^\s*{_DEGREES}\s*(?:de\s+|of\s+)?(?:{_DIRECTION}|{_LATLONG})")
_COORD_BEFORE = re.compile(rf"(?i){_LATLONG}\W{{0,3}}\s*$")


def coordinate(x: Found) -> bool:
    """Whether the figure is a latitude or a longitude: a position, not a count."""
    number = re.match(r"\d[\d.,]*", x.figure.text or "")
    at = _number_in(x.figure, x.sentence)
    if number is None or at < 0:
        return False
    after = x.sentence[at + len(number.group()):]
    return bool(_COORD_AFTER.match(after) or _COORD_BEFORE.search(x.sentence[max(0, at - 30):at]))


def listed(x: Found) -> bool:
    """Whether the figure belongs in the brief's list of figures: a count of something.
    Durations and ages (a number of units of time: "12 minutos después", "88 anos"), a
    four-digit clock with its zone ("0800 GMT"), a rank or a cited article ("267°",
    "ст. 68") and the day of a date with its month abbreviated ("11 авг") say when, how
    long or which, not how many. (They stay in `found`: the disagreements read them.)"""
    from tidings.clean.dates import _ABBR, MONTHS, _fold

    fig = x.figure
    words = _TOKEN.findall(fig.what or "")
    head = next((w.lower() for w in words if w.lower() not in _STOP), "")
    if not fig.unit and (head in _TIME_UNITS):
        return False
    number = re.match(r"\d[\d.,]*", fig.text or "")
    at = _number_in(fig, x.sentence)
    after = x.sentence[at + len(number.group()):] if at >= 0 and number else ""
    if not fig.unit and number and _HHMM.match(number.group()) and _ZONE_AFTER.match(after):
        return False
    if at >= 0 and (_ORDINAL_AFTER.match(after) or _CITED_BEFORE.search(x.sentence[:at])):
        return False
    if coordinate(x):
        return False
    whole = not fig.unit and fig.value == int(fig.value)
    if whole and words and 1 <= fig.value <= 31:
        first = _fold(words[0])
        if first in MONTHS or first in _ABBR:
            return False
    if whole and 0 <= fig.value <= 24 and _DAYPART_AFTER.match(after):
        return False
    # No counted word and none the sentence names ("5.000", "394 did not"): nothing to
    # say what the number is.
    return bool(tidy(fig).what or fig.unit or not x.concept.startswith("w:"))


def _list_concept(x: Found) -> str:
    """What the figure counts, for the list. A lexicon word far from the number in its
    clause names it when it says what befell the counted ("24 Hindu tourists were
    killed": a toll), or when the counted word is vague ("250 people ... died"); a noun of
    another thing does not ("90 ouvriers seraient toujours prisonniers": trapped workers,
    not prisoners), and the counted word itself does."""
    if x.strong or x.concept in _GROWING:
        return x.concept
    own, _ = _concept_and_strength(x.figure, "")
    return own if own.startswith("w:") else x.concept


# Words that end the counted noun phrase after a number: articles, prepositions,
# conjunctions, pronouns, auxiliaries (the reader takes the three words after the number,
# "27 километрах к северо", "16.4 percent when Olaf Scholz", "90 ouvriers seraient").
_PHRASE_END = set("""
the a an to in on at by for from with as and or but nor when while that which who whom whose
where than then this these those is are was were be been being has have had will would may
might can could shall should did do does not no its their his her him them they he she it we
after before during since into onto over under about near north south east west northeast
northwest southeast southwest nord sud ouest norte sur oeste nördlich südlich östlich westlich
شرق غرب شمال جنوب
die das den dem ein eine einen einem einer und oder aber als wenn während bei mit von zu zum
zur im in an am auf aus für nach vor über unter um bis gegen ohne seit sich ist sind war
waren wurde wurden hat haben hatte nicht noch auch nur so wie
le la les l un une et ou mais quand alors que qui dont où à au aux en dans sur sous par pour
avec sans entre vers chez est sont était étaient a ont avait seraient serait sera s se ne pas
el los las unos unas y o pero cuando que quien donde al en con sin por para sobre hacia desde
es son fue fueron ha han había se más frente
o os as um uma e mas em no na nos nas com sem pelo pela é são foi foram há não mais
il lo gli i ma che chi dove al alla nel nella con senza per dal dalla su sul tra fra è sono
era fu hanno si non più
și sau când că care unde în pe cu din spre pentru prin este sunt au fost nu
и или но когда что который которые где в во на к ко с со у об от до по за из при для без над
под между через это был была были быть является будет не же ли бы
і й та або але коли що який де з із зі від під між це був була були буде
og eller men når som på av til med er var har ikke och är inte
oraz lub ale gdy że który gdzie we z ze od po przy dla bez nad przez był była byli jest są nie się
je su se sa iz za na od do po ali kao što koji koja bio bila bili nije
و في من إلى الى على عن مع عبر حيث التي الذي أن إن قد كان كانت لا ما وفقا وفق بما بين ضد
से के की का को में पर और या लेकिन जब जो कि है हैं था थे ने भी च्या ची चा चे ला आणि व
سے کے کی کا کو میں پر اور یا جب جو کہ ہے ہیں تھا تھے تھی نے بھی ہو ہوا ہوئے ہوئی ہوگئی گئی گئے
در به از با که را این آن است بود شد د په له چې
ve veya ama ile için gibi bu bir
থেকে এবং ও বা কিন্তু যে যা এর করে হয়
dan atau tetapi yang ke dari untuk dengan pada dalam itu ini tersebut sa ng at ang mga ay
και ή αλλά ο η το οι τα στο στη στην σε από με για τη την τον να που
""".split())
# Words joining the counted word to what it is of ("jefes de Estado", "28,5% der
# Stimmen"): one word after them still belongs to the phrase.
_OF = set("of de di del della dei degli delle des du do da dos das der".split())


# Words after the counted noun that start another clause by their shape: a past tense
# ("250,000 mourners filed past", "50 líderes despidieron", "325 deputati votarono"), or
# an Arabic word carrying a joined "and" or "for the" ("610 أشخاص وإصابة آخرين": 610 people
# and the injury of others). A toll word or a word of need of that shape ("10 people
# injured", "316 seats needed") is the count's.
_CLAUSE_VERB = re.compile(r"^(?!hundred$)[a-z]{3,}(?<!e)ed$|^(?:و|لل|بال|فال)[\u0621-\u064A]{3,}$")
# Finite verbs by their shape, which no counted noun has, so not even as the first word
# after the number: what was counted was named before it ("un sismo de magnitud 7,7
# sacudió", "magnitudo 5,9 provocò", "magnitude 6,0 atingiu", "магнитудой 6,2 произошло",
# "8,8 вызвало цунами"). Past tenses of Spanish, Portuguese and Italian (third person),
# Russian past tenses and short passives, and the English verbs of a quake's report that
# are no "-ed" (that ending also makes nouns of participles: "200 displaced").
_FINITE_VERB = re.compile(
    r"^\w{2,}(?:aron|ieron|aram|eram|iram|arono|erono|irono)$|^\w{3,}[óò]$|^\w{3,}(?:ou|iu)$|"
    r"^[а-яё]{2,}л(?:ся|ась|ось|ись)$|^[а-яё]{5,}ло$|^[а-яё]{5,}(?:ано|ено|ены|аны)$|"
    r"^(?:occurred|struck|hit|shook|rocked|jolted|triggered|happened|caused|left|took|came)$")
# "8,8 a frappé": the reader at ingest skips "a" as an article, but before a participle
# it is the French or Romanian auxiliary ("a frappé", "a zguduit"), and what follows a verb.
_AUX_PARTICIPLE = re.compile(r"(?i)(?<!\w)a\s+$")
_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|it|at)$")


def _phrase(words: list[str]) -> int:
    """How many of the words after a number name what it counts: up to the first word
    ending the phrase (see _PHRASE_END), a number, a sign or a lone letter; after a word
    of "of", one word more."""
    n = 0
    while n < len(words):
        w = words[n].lower()
        if not any(c.isalpha() for c in w) or any(c.isdigit() for c in w):
            break
        if len(w) == 1 and ord(w) < 0x2E80:  # "U", "ا": a lone letter of a cased or abjad script
            break
        if w in _OF:
            if n == 0:
                break
            nxt = words[n + 1].lower() if n + 1 < len(words) else ""
            if nxt and nxt not in _PHRASE_END and nxt not in _OF and nxt.isalpha():
                return n + 2
            break
        verb = _FINITE_VERB.search(w) or (n > 0 and _CLAUSE_VERB.search(w))
        if w in _PHRASE_END or (verb and not _lexicon(w) and not _NEED.match(w)):
            break
        n += 1
    return n


def tidy(fig: Figure) -> Figure:
    """The figure with its text and what it counts cut to the words that name the counted
    thing ("27 километрах к северо" -> "27 километрах"). A share or a sum keeps words after
    its unit only when they say what it is of ("16 % des voix"), not "16.4 percent when
    Olaf Scholz"."""
    what, text = fig.what or "", fig.text or ""
    if not text.lower().endswith(what) or not (what or fig.unit):
        return fig
    prefix, words = text[: len(text) - len(what)], text[len(text) - len(what):].split()
    if fig.unit:
        content = [w for w in _TOKEN.findall(what) if w.lower() not in _STOP]
        keep = len(words) if content and _lexicon(content[0]) else 0
    elif _AUX_PARTICIPLE.search(prefix) and words and _PARTICIPLE.search(words[0].lower()) \
            and not _lexicon(words[0]):
        keep = 0
    else:
        keep = _phrase(words)
    if keep == len(words) and (what or not fig.unit):
        return fig
    kept = " ".join(words[:keep])
    if not kept:
        # Nothing counted after the unit: "28 % des", "9 percent The" end at the unit.
        head = prefix.split()
        while len(head) > 1 and (head[-1].lower() in _PHRASE_END or head[-1].lower() in _OF):
            head.pop()
        prefix = " ".join(head)
    return Figure(fig.value, f"{prefix.rstrip()} {kept}" if kept else prefix, kept.lower(), fig.unit)


def _happenings(xs: list[Found]) -> list[list[Found]]:
    """One value of one thing split by happening: the figures of sentences dated days
    before the article's happening ("the attack of April 22 that left 26 dead", in a report
    of the strikes of May 7) apart from this happening's (the strikes' 26 dead). A figure
    of an undated article cannot be placed: it goes with this happening's figures when a
    dated article gives them, else with the recalled one's."""
    recalled = [x for x in xs if x.dated_before]
    if not recalled:
        return [xs]
    current = [x for x in xs if not x.dated_before]
    if not any(x.article.date for x in current):
        return [recalled + current]
    return [current, recalled]


def group(found: list[Found]) -> list[dict]:
    """One entry per (thing counted, value, happening), with every article giving it; most
    sourced first, an earlier happening's recalled figures last (see _happenings). Only
    what counts something is listed (see listed), with its counted words only (see tidy)."""
    by: dict[tuple[str, float], list[Found]] = defaultdict(list)
    for x in found:
        if listed(x):
            by[(_list_concept(x), round(x.figure.value, 6))].append(x)
    out: list[dict[str, Any]] = []
    entries = [(concept, part) for (concept, _value), xs in by.items() for part in _happenings(xs)]
    for concept, xs in entries:
        first = tidy(xs[0].figure)
        out.append({
            "value": first.value,
            "text": first.text,
            "what": first.what,
            "unit": first.unit,
            "concept": concept,
            # An article giving the figure twice (title and body) is one source.
            "sources": [dict(_src(x), text=tidy(x.figure).text) for x in _unique(xs)],
            "recap": xs[0].dated_before,
        })
    out.sort(key=lambda d: (d["recap"], -len({s["article"] for s in d["sources"]}), d["concept"], d["value"]))
    return out


def _specific(concept: str) -> bool:
    """Whether the concept alone names one fact. A share or a sum ("%:votes", "EUR:") is
    not: 28.6% of the votes and 20.8% of the votes are two parties' results, so shares
    pair by nearest value and sentence instead (candidate_pairs)."""
    if ":" in concept and not concept.startswith("w:"):
        return False
    return bool(concept) and not concept.startswith("w:") and concept not in _VAGUE


# Words marking a sentence that recalls an earlier happening ("ten days ago, in the first
# round, 314 prisoners were swapped"): its figures belong to that happening, not this one.
_RECAP = re.compile(
    r"(?i)(?<!\w)(?:ago|years? earlier|last (?:year|month|week)|first round|previous round|"
    r"hace|el año pasado|primera ronda|în urmă|in urma|anul trecut|prima rundă|prima runda|"
    r"vor \w+ (?:tagen|wochen|monaten|jahren)|im vergangenen jahr|ersten runde|"
    r"il y a|l'an dernier|l’an dernier|premier round|premier tour|"
    r"назад|в прошлом году|первом раунде|тому|минулого року|першому раунді|"
    r"पिछले साल|साल पहले|दिन पहले|पहले दौर)(?!\w)"
)
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def recap(x: Found) -> bool:
    """Whether the figure's sentence recalls an earlier happening (a marker, a day days
    before the article's happening, or a year other than the article's)."""
    if x.dated_before or _RECAP.search(x.sentence):
        return True
    year = (x.article.date or "")[:4]
    years = set(_YEAR.findall(x.sentence))
    return bool(year) and bool(years) and year not in years


def candidate_pairs(found: list[Found], config: Config = DEFAULT) -> list[tuple[Found, Found]]:
    """Pairs of figures in different articles that may give one thing different values:
    the same specific concept (a death toll, a magnitude), or, for shares and sums whose
    subject we cannot name, each other's nearest value in the other article, close but
    different (31.2% against 30.8% for the same party)."""
    pairs = []
    by_article: dict[str, list[Found]] = defaultdict(list)
    for x in found:
        if not recap(x):
            by_article[x.article.id].append(x)
    ids = list(by_article)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            for x in by_article[a]:
                for y in by_article[b]:
                    if x.concept == y.concept and _specific(x.concept) and x.strong and y.strong \
                            and x.role == y.role and not _same(x.figure.value, y.figure.value, config):
                        pairs.append((x, y))
            # Shares and sums by unit alone: "31.2% of the vote" and "30,8 Prozent" must
            # meet although only one names what the share is of.
            for unit in {x.figure.unit for x in by_article[a] if x.figure.unit}:
                xs = [x for x in by_article[a] if x.figure.unit == unit and not x.role]
                ys = [y for y in by_article[b] if y.figure.unit == unit and not y.role]
                # Whose share it is, when both clauses name it, decides the pair: the FDP's
                # 4.9% meets the other article's FDP share, not its BSW share of 4.97%. A
                # share whose holder the other article gives a share of its own is no
                # candidate for that article's other shares.
                held_a = {x.holder for x in xs if x.holder}
                held_b = {y.holder for y in ys if y.holder}
                free_x = [x for x in xs if x.holder not in held_b]
                free_y = [y for y in ys if y.holder not in held_a]
                for x in xs:
                    if x.holder in held_b:
                        near = _nearest(x, [y for y in ys if y.holder == x.holder])
                    elif x in free_x:
                        near = _nearest(x, free_y)
                        back = _nearest(near, free_x) if near is not None else None
                        if back is None or back.figure.value != x.figure.value:
                            continue
                    else:
                        continue
                    if near is None:
                        continue
                    y = near
                    if x.concept == y.concept and _specific(x.concept):
                        continue  # paired above
                    if _same(x.figure.value, y.figure.value, config):
                        continue
                    # A rounded figure agrees with the precise one; an estimate beside the
                    # count is still shown, as an update.
                    if _within_precision(x, y) and not (_estimated(x) or _estimated(y)):
                        continue
                    if abs(x.figure.value - y.figure.value) <= config.figure_near_ratio * max(
                            abs(x.figure.value), abs(y.figure.value)):
                        pairs.append((x, y))
    # One pair per (article, value) couple: a figure repeated in the title and the body
    # is one claim.
    seen, unique = set(), []
    for x, y in pairs:
        key = (x.article.id, x.figure.value, y.article.id, y.figure.value)
        if key not in seen:
            seen.add(key)
            unique.append((x, y))
    return unique


def _decimals(fig: Figure) -> int | None:
    """Decimals the figure's number is written with ("4,9 Prozent": 1, "16 Prozent": 0);
    None when its value is not the written number (a scale word: "1,5 milioane")."""
    m = re.match(r"(\d+)(?:[.,](\d+))?", fig.text or "")
    if m is None:
        return None
    whole, frac = m.group(1), m.group(2) or ""
    if len(frac) == 3 and not fig.unit:
        return None  # "6.000": a thousands mark
    if abs(float(f"{whole}.{frac or 0}") - fig.value) > 1e-9 * max(1.0, abs(fig.value)):
        return None
    return len(frac)


def _within_precision(x: Found, y: Found) -> bool:
    """Whether two values are one figure given to different precision: the coarser one
    ("4,9 Prozent", "16 Prozent") is within one unit of its last digit of the finer one
    ("4,97%", "16,4%"), as a rounded or cut-off figure is."""
    dx, dy = _decimals(x.figure), _decimals(y.figure)
    if dx is None or dy is None or dx == dy:
        return False
    unit = 10.0 ** -min(dx, dy)
    return abs(x.figure.value - y.figure.value) < unit - 1e-9


def _nearest(x: Found, ys: list[Found]) -> Found | None:
    return min(ys, key=lambda y: abs(y.figure.value - x.figure.value), default=None)


def disagreements(found: list[Found], pairs: list[tuple[Found, Found]],
                  vectors: dict[str, np.ndarray], config: Config = DEFAULT) -> list[dict]:
    """Figures of one thing with different values in different articles.

    A candidate pair counts when its two sentences are about the same thing (cosine at
    least `figure_context_similarity`); a pair of one specific concept whose sentences
    were not embedded (over the time budget) counts on the concept alone. Pairs sharing a
    figure form one disagreement; every other article giving one of its values with the
    same concept supports that version.
    """
    told_apart = _told_apart(found)
    confirmed = []
    for x, y in pairs:
        if _given_together(x.figure.value, y.figure.value, told_apart, config):
            continue
        vx, vy = vectors.get(x.sentence), vectors.get(y.sentence)
        if vx is None or vy is None:
            if _specific(x.concept):
                confirmed.append((x, y))
        elif float(vx @ vy) >= config.figure_context_similarity:
            confirmed.append((x, y))
    if not confirmed:
        return []
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    items = {id(x): x for pair in confirmed for x in pair}
    for x, y in confirmed:
        parent[find(id(x))] = find(id(y))
    groups: dict[int, list[Found]] = defaultdict(list)
    for k, x in items.items():
        groups[find(k)].append(x)
    out: list[dict[str, Any]] = []
    for members in groups.values():
        concept = members[0].concept
        versions: list[list[Found]] = []
        for x in sorted(members, key=lambda x: x.figure.value):
            for v in versions:
                if _same(v[0].figure.value, x.figure.value, config):
                    v.append(x)
                    break
            else:
                versions.append([x])
        if _specific(concept):
            # Other articles giving one of these values for the same thing support it.
            for x in found:
                if x.concept == concept and x.strong and x.role == members[0].role \
                        and all(x is not m for m in members) and not recap(x):
                    for v in versions:
                        if _same(v[0].figure.value, x.figure.value, config):
                            v.append(x)
                            break
        if len(versions) < 2:
            continue
        if any(_given_together(v[0].figure.value, w[0].figure.value, told_apart, config)
               for i, v in enumerate(versions) for w in versions[i + 1:]):
            # Chained through a third value (3 invalid votes ~ 310 in the first round ~
            # 325 in the second): one sentence giving two of them makes them several facts.
            continue
        if not _specific(concept) and _one_article_in_two(versions):
            # Shares chained by nearest values (29% ~ 28.5% in one pair, 16% ~ 16.4% in
            # another, one article giving both 28.5% and 16.4%): an article does not
            # disagree with itself, so these are several facts, not versions of one.
            continue
        update = _as_update(versions) or _as_estimates(concept, versions) or \
            _as_grown(concept, versions, found)
        versions.sort(key=lambda v: (-len({x.article.id for x in v}), v[0].figure.value))
        about = concept.split(":")[-1] or members[0].figure.what or concept
        if members[0].role:
            about += f" ({members[0].role})"
        if concept.startswith("%"):
            about = "share (%)" + (f": {members[0].figure.what}" if members[0].figure.what else "")
        if update is not None:
            versions = update
        out.append({
            "kind": "update" if update is not None else "figure",
            "about": about,
            "concept": concept,
            "versions": [
                {"value": v[0].figure.value, "text": v[0].figure.text,
                 "first_date": min((x.article.date for x in v if x.article.date), default=None),
                 "sources": [dict(_src(x), sentence=x.sentence[:300]) for x in _unique(v)]}
                for v in versions
            ],
        })
    out.sort(key=lambda d: -sum(len(v["sources"]) for v in d["versions"]))
    return out


def _told_apart(found: list[Found]) -> list[list[float]]:
    """The values of each sentence giving more than one figure."""
    by: dict[tuple[str, str], list[float]] = defaultdict(list)
    for x in found:
        if not _in_range(x):  # "19.5 to 20%" is one estimate, not two quantities
            by[(x.article.id, x.sentence)].append(x.figure.value)
    return [values for values in by.values() if len(values) > 1]


def _given_together(a: float, b: float, told_apart: list[list[float]], config: Config) -> bool:
    """Whether one sentence gives both values ("325 of the 316 votes needed", "89 votes of
    133", "717 votes cast, 207 for him, 394 against"): its writer holds them for two
    quantities, so two articles each giving one of them do not disagree."""
    return any(any(_same(v, a, config) for v in values) and any(_same(v, b, config) for v in values)
               for values in told_apart)


def _as_update(versions: list[list[Found]]) -> list[list[Found]] | None:
    """The versions in time order when they are one figure changing over time (a toll that
    grew through the day, a projection then the final count): every article of one version
    published before every article of the next, the values moving one way. Else None."""
    spans = []
    for v in versions:
        times = []
        for x in v:
            t = parse_date(x.article.date)
            if t is None or not t[1]:
                return None  # without times of day, order within a day is unknown
            times.append(t[0])
        spans.append((min(times), max(times), v))
    spans.sort(key=lambda s: s[0])
    for (_, last, _), (first, _, _) in zip(spans, spans[1:]):
        if first <= last:
            return None
    values = [s[2][0].figure.value for s in spans]
    rising = all(a < b for a, b in zip(values, values[1:]))
    falling = all(a > b for a, b in zip(values, values[1:]))
    return [s[2] for s in spans] if rising or falling else None


def _before(x: Found) -> str:
    """The words just before the figure in its sentence (where "at least" is said)."""
    at = _number_at(x.figure, x.sentence)
    return x.sentence[max(0, at - 30):at] if at >= 0 else ""


def _as_estimates(concept: str, versions: list[list[Found]]) -> list[list[Found]] | None:
    """The versions as successive estimates, smallest first, when none contradicts another:
    a growing count (killed, injured …) each version of which but the largest is given
    as a lower bound ("at least 10", "at least 250", "800"), or shares of which every
    version but at most one is a projection or exit poll (29% projected, 28.5% counted:
    the count last). Else None."""
    if concept in _GROWING:
        ordered = sorted(versions, key=lambda v: v[0].figure.value)
        if all(all(_LOWER_BOUND.search(_before(x)) for x in v) for v in ordered[:-1]):
            return ordered
        return None
    if concept.startswith("%"):
        estimated = [v for v in versions if all(_estimated(x) for x in v)]
        counted = [v for v in versions if not any(v is e for e in estimated)]
        if estimated and len(counted) <= 1:
            return sorted(estimated, key=lambda v: v[0].figure.value) + counted
    return None


# Small numbers written as words, which the reader at ingest leaves out: an early report
# gives "one tourist died, 12 injured", a later one "24 killed and 13 injured".
_NUMBER_WORDS = {w: float(i + 1) for words in (
    "one two three four five six seven eight nine ten",
    "ein zwei drei vier fünf sechs sieben acht neun zehn",
    "une deux trois quatre cinq six sept huit neuf dix",
    "uno dos tres cuatro cinco seis siete ocho nueve diez",
    "um dois três quatro cinco seis sete oito nove dez",
    "uno due tre quattro cinque sei sette otto nove dieci",
    "один два три четыре пять шесть семь восемь девять десять",
    "одного двух трех четырех пяти шести семи восьми девяти десяти",
    "одна две трёх четырёх пять шесть семь восемь девять десять",
    "один дві трьох чотири п'ять шість сім вісім дев'ять десять",
    "एक दो तीन चार पांच छह सात आठ नौ दस",
    "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة",
) for i, w in enumerate(words.split())}


def _tolls_in_words(sentence: str) -> dict[str, float]:
    """Growing counts a sentence gives in words ("एक टूरिस्ट की मौत": 1 killed): a number
    word with a lexicon word of a toll at most _STRONG_DISTANCE words after it, in its
    clause."""
    tokens, clause = _clauses(sentence)
    out: dict[str, float] = {}
    for i, t in enumerate(tokens):
        value = _NUMBER_WORDS.get(t.lower())
        if value is None:
            continue
        for j in range(i + 1, min(len(tokens), i + _STRONG_DISTANCE + 1)):
            c = _lexicon(tokens[j]) if clause[j] == clause[i] else None
            if c in _GROWING:
                out.setdefault(c, value)
                break
    return out


def _as_grown(concept: str, versions: list[list[Found]], found: list[Found]) -> list[list[Found]] | None:
    """The versions smallest first when they are one toll at successive moments: every two
    of them are given in sentences that give another toll too, and that one is larger
    beside the larger value ("8 dead and 33 injured", later "26 killed and 46 injured").
    Two counts rising together say the later report came after more was known, not that
    the sources differ. Else None."""
    if concept not in _GROWING:
        return None
    beside: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for x in found:
        key = (x.article.id, x.sentence)
        if key not in beside:
            beside[key].update(_tolls_in_words(x.sentence))
        if x.concept in _GROWING and x.concept != concept:
            beside[key][x.concept] = x.figure.value
    for tolls in beside.values():
        tolls.pop(concept, None)

    def rose(small: list[Found], large: list[Found]) -> bool:
        for x in small:
            for y in large:
                bx, by = beside.get((x.article.id, x.sentence), {}), beside.get((y.article.id, y.sentence), {})
                if any(bx[c] < by[c] for c in bx.keys() & by.keys()):
                    return True
        return False

    ordered = sorted(versions, key=lambda v: v[0].figure.value)
    if all(rose(v, w) for i, v in enumerate(ordered) for w in ordered[i + 1:]):
        return ordered
    return None


# A range is an estimate: "between 19.5% and 20%", "zwischen 19 und 20 Prozent", "ما بين".
_RANGE_BEFORE = re.compile(
    r"(?i)(?:between|zwischen|entre|între|intre|tra|fra|между|від|від|بين)\s*"
    r"(?:[\d.,]+\s*(?:%|percent|prozent|pour cent|por ciento|la sută|процент\w*)?\s*"
    r"(?:and|und|et|y|e|și|и|і|та|و)\s*)?$"
)


# Words joining the two ends of a range: "19.5 to 20%", "19,5 bis 20", "19.5 إلى 20%".
_RANGE_JOIN = (r"(?:-|–|to|and|or|bis|und|oder|à|et|ou|a|al|y|o|até|e|până la|și|до|по|и|или|"
               r"إلى|الى|و|से|和|至|到|~)")
_RANGE_END = re.compile(rf"(?i)\d\s*(?:%|percent|prozent|pour cent|por ciento)?\s*{_RANGE_JOIN}\s*$")
_RANGE_START = re.compile(rf"(?i)^\s*(?:%|percent|prozent|pour cent|por ciento)?\s*{_RANGE_JOIN}\s*\d")


def _in_range(x: Found) -> bool:
    """Whether the figure is an end of a range its sentence gives."""
    at = _number_at(x.figure, x.sentence)
    if at < 0:
        return False
    head = (x.figure.text or "").split(" ")[0]
    return bool(_RANGE_BEFORE.search(_before(x)) or _RANGE_END.search(x.sentence[max(0, at - 40):at])
                or _RANGE_START.match(x.sentence[at + len(head):]))


def _estimated(x: Found) -> bool:
    """Whether the figure is an estimate: framed as a projection or exit poll (its sentence
    or the nearest one before it that says; see _frame), or given as a range."""
    if x.frame == "projection" or (x.frame is None and _PROJECTION.search(x.sentence)):
        return True
    return bool(_RANGE_BEFORE.search(_before(x)))


def _one_article_in_two(versions: list[list[Found]]) -> bool:
    seen: dict[str, int] = {}
    for i, v in enumerate(versions):
        for x in v:
            if seen.setdefault(x.article.id, i) != i:
                return True
    return False


def _unique(xs: list[Found]) -> list[Found]:
    seen, out = set(), []
    for x in xs:
        if (x.article.id, x.figure.value) not in seen:
            seen.add((x.article.id, x.figure.value))
            out.append(x)
    return out


def _same(a: float, b: float, config: Config) -> bool:
    return abs(a - b) <= config.figure_disagreement_ratio * max(abs(a), abs(b), 1e-9)


def date_disagreements(articles: list[Article], features: dict[str, Features],
                       config: Config = DEFAULT) -> list[dict]:
    """Articles placing the happening on days `date_disagreement_days` or more apart, when
    each was published on or after the later day (an article of the 28th saying "today"
    does not contradict one of the 30th saying "on the 29th": it was written before).

    Only the best estimate per article (Features.event_time) is compared: two articles
    on different days disagree; the versions list which articles give which day."""
    days: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        f = features.get(a.id)
        parsed = parse_date(f.event_time if f else None)
        # Only a day the article states: an event time guessed from the publication date
        # is not a claim about when it happened.
        if f and parsed and any((d or "")[:10] == parsed[0].date().isoformat() for d in f.dates_mentioned):
            days[parsed[0].date().isoformat()].append(a)
    if len(days) < 2:
        return []
    ordered = sorted(days)
    latest = parsed_time(ordered[-1])
    earliest = parsed_time(ordered[0])
    if (latest - earliest).total_seconds() < config.date_disagreement_days * 86400:
        return []

    def after_both(a: Article) -> bool:
        p = parse_date(a.date)
        return p is not None and p[0].date() >= latest.date()

    versions = []
    for day in ordered:
        arts = [a for a in days[day] if after_both(a)]
        if arts:
            versions.append({"value": day, "sources": [
                {"article": a.id, "source": a.source, "lang": a.lang} for a in arts]})
    if len(versions) < 2:
        return []
    # A day read from one article alone may be our misreading of it ("Tuesday" resolved
    # against the wrong week): a version needs the corroboration of a second article.
    if sum(1 for v in versions if len(v["sources"]) >= config.date_disagreement_min_sources) < 2:
        return []
    return [{"kind": "date", "about": "when it happened", "versions": versions}]


def name_sayers(disagreements: list[dict], features: dict) -> None:
    """Add to each version `according_to`: who gives that value, as the sentences say (the
    measuring body, ministry or person named nearest the figure: "USGS a estimat ... la
    5,7", "Romania's National Institute for Earth Physics put the magnitude at 5.9"), so
    the reader sees who says what, not only which outlet printed it. Places, and names
    the sentences of every version share, say nothing apart."""
    for d in disagreements:
        per_version: list[list[tuple[str, str]]] = []
        for v in d.get("versions", []):
            found = []
            for src in v.get("sources", []):
                sentence = src.get("sentence") or ""
                f = features.get(src.get("article"))
                if not sentence or f is None:
                    continue
                at = sentence.find(str(v.get("text") or ""))
                if at < 0:
                    at = len(sentence) // 2
                best = None
                for m in f.names:
                    if m.kind == "place" or len(m.surface) < 3:
                        continue
                    # A word of the figure itself ("19,6 Prozent") says nothing of who gives
                    # it, nor does a lone capitalised word of no known kind (German nouns:
                    # "28,5% der Stimmen"); acronyms (USGS, ARD) and known kinds do.
                    if m.surface in str(v.get("text") or "") or (
                            m.kind == "name" and " " not in m.surface and not m.surface.isupper()):
                        continue
                    i = sentence.find(m.surface)
                    if i < 0:
                        continue
                    # Nearest before the figure wins; after it counts double the distance.
                    dist = at - i if i <= at else 2 * (i - at)
                    if best is None or dist < best[0]:
                        best = (dist, m.surface, m.key)
                if best:
                    found.append((best[1], best[2]))
            per_version.append(found)
        keys_in = [{k for _, k in found} for found in per_version]
        shared = set.intersection(*keys_in) if keys_in else set()
        for v, found in zip(d.get("versions", []), per_version):
            names = list(dict.fromkeys(surface for surface, k in found if k not in shared))
            v["according_to"] = names[:3]
