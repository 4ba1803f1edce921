"""Names in an article, with a key that meets across scripts and spellings.

There is no offline NER model for most of our languages, so names are found with cheap,
explainable cues: capitalised word runs in cased scripts (Latin, Cyrillic, Greek), and in
Devanagari (which has no case) tokens after a title word ("राष्ट्रपति ...") or before a
postposition ("... ने"), or whose key is already known as a name from other articles.

`name_key` folds a surface form to a consonant skeleton: transliterate (anyascii), fold
sounds that scripts spell differently (z/zh/j/sh/sch -> s, kh/ch -> k, w -> v, ph -> f,
anusvara m before a consonant -> n), drop vowels but mark a leading one. Vowels go because
Devanagari transliteration drops the inherent "a" (ट्रम्प -> "trmp") and transliteration
schemes disagree most on vowels (Zelensky / Zelenskyy / Selenskyj / Зеленский / जेलेंस्की
all become "slnsk"). The price is some collisions between short names; callers weight
names by rarity and never rely on names alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any, Iterable, Sequence

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from tidings.records import Mention
from tidings.understand import gazetteer, scripts

MAX_MENTIONS = 60  # an article naming more than this is a list, not a report

# --- word lists (surface forms; compared case-insensitively) ---------------------------

# Words that start sentences or are capitalised without being names. Union over languages:
# a capitalised "The" or "Der" is never a name anywhere.
_STOP_CASED = set(
    """
    a an the this that these those there here it its he she they we you i his her their our
    my your in on at of for to from by with without about after before during over under
    into onto and or but nor so yet if when while where which who whom whose what why how
    as than then also not no yes all any some many most more much few each every both
    either neither one two three four five six seven eight nine ten first second third last
    next new old other such same own only just even still already again however meanwhile
    according despite although though because since until unless whether instead amid
    mr mrs ms dr sir madam prof gen col capt lt sgt st
    am pm ist gmt utc cet cest est edt pst bst eet eest msk hrs min km kg
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    president prime minister ministry spokesman spokeswoman spokesperson secretary adviser
    advisor aide chief head leader leaders official officials chancellor king queen prince
    senator governor mayor general ambassador envoy foreign defence defense interior state
    deputy director chairman chair ceo founder commander judge court police army
    government parliament congress senate cabinet council committee agency news press
    breaking update live video photo photos watch read more see also click share follow
    subscribe sign newsletter advertisement copyright home top stories latest related
    russian ukrainian american british french german chinese indian european romanian
    spanish italian polish turkish iranian israeli palestinian arab korean japanese
    western eastern northern southern north south east west central
    peace talks war deal summit meeting invitation security guarantees
    le la les un une des du de et ou mais pour par avec sans dans sur sous ce cette ces
    il elle ils elles nous vous on qui que quoi dont selon lors après avant depuis pendant
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
    juillet août septembre octobre novembre décembre président ministre
    el los las una unos unas del al y o pero para por con sin en sobre según tras desde
    durante este esta estos estas ese esa lunes martes miércoles jueves viernes sábado
    domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre presidente ministro gobierno
    der die das ein eine einer eines einem einen den dem des und oder aber für mit ohne
    im am vom zum zur bei nach vor seit während über unter auf aus von zu es sie wir ihr
    ich er man nicht kein keine auch noch schon nur wie wenn als dass weil ob doch dann
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz juni
    juli oktober dezember präsident präsidentin minister ministerin kanzler kanzlerin
    regierung sprecher sprecherin berater beraterin außenminister krieg frieden gespräche
    verhandlungen angriff angriffe woche jahr jahre jahren tag tage tagen land länder stadt
    menschen leute zeit teil seite ende anfang frage fragen sicherheit treffen einladung
    kreml-sprecher laut zudem bereits dabei damit jedoch trotz wegen
    il lo gli i una uno e o ma per con senza su tra fra che chi non anche più
    și sau dar pentru cu fără în pe la din de despre după înainte până când care ce cine
    este sunt a au fost va vor nu da iar însă totuși astfel acest această aceste acesta
    luni marți miercuri joi vineri sâmbătă duminică ianuarie februarie martie aprilie iunie
    iulie august septembrie octombrie noiembrie decembrie ian feb
    președintele președinte ministrul ministru purtătorul purtător consilierul consilier
    liderul lider guvernul guvern oficialul oficial anunțul reacția acest
    и в во на с со по к ко о об от до из за для при без над под что как это этот эта
    эти он она они мы вы я его ее их но а или же ли не ни также уже еще когда где
    понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    президент министр глава пресс-секретарь помощник советник заявил сообщил по словам
    pazartesi salı çarşamba perşembe cuma cumartesi pazar ocak şubat mart nisan mayıs
    haziran temmuz ağustos eylül ekim kasım aralık ve ile bir bu da de için göre
    ponedjeljak utorak srijeda četvrtak petak subota subotu nedjelja nedjelju nakon prije
    lunes martes miyerkules huwebes biyernes sabado linggo noong ang mga sa ng
    senin selasa rabu kamis jumat sabtu minggu januari februari maret mei juni juli agustus
    oktober desember pada dan yang dari untuk
    lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio aprile maggio
    giugno luglio agosto settembre ottobre dicembre
    poniedziałek wtorek środa czwartek piątek sobota niedziela
    hétfő kedd szerda csütörtök péntek szombat vasárnap
    segunda terça quarta quinta sexta sábado domingo
    nakon tijekom također
    """.split()
)

# Capitalised words after which a name follows (they are cues, never part of the name).
_TITLES_CASED = set(
    """
    president presidents prime minister spokesman spokeswoman spokesperson secretary
    adviser advisor aide chancellor king queen prince princess senator governor mayor
    general ambassador envoy chief leader pope sheikh mr mrs ms dr sir madam prof
    président ministre porte-parole conseiller chancelier roi reine
    presidente ministro portavoz asesor canciller rey reina
    präsident präsidentin minister ministerin kanzler kanzlerin sprecher sprecherin
    berater beraterin außenminister bundeskanzler kreml-sprecher
    președintele președinte ministrul ministru purtătorul consilierul liderul premierul
    президент министр пресс-секретарь помощник советник глава премьер кардинал папа патриарх
    başkan başkanı cumhurbaşkanı bakan bakanı başbakan sözcüsü yardımcısı
    predsjednik predsjednika ministar premijer glasnogovornik
    cardinal kardinal cardenal cardeal
    papa papst pape papież pápa paus pontiff pontifex pontífice pontefice
    leiter leiterin chef chefin vorsitzender vorsitzende bürgermeister vice
    """.split()
)


def _is_title(low: str) -> bool:
    """A title word, also as the last part of a compound (US-Präsident, ex-ministre)."""
    return low in _TITLES_CASED or ("-" in low and low.rsplit("-", 1)[1] in _TITLES_CASED)

# Common first names (any script gives the same key): "Vladimir Putin" is keyed "Putin".
_FIRST_NAMES = """
vladimir volodymyr dmitry dmitri dmytro yuri yuriy iuri donald joe joseph marco sergei
sergey serhiy andrii andriy andrei andrey ramzan emmanuel olaf friedrich keir rishi
narendra rahul kamala hillary barack boris angela ursula antonio mark mike michael john
james robert william david richard thomas charles daniel matthew anthony steven stephen
paul andrew kevin brian george elon jeff bill tim sam mary elizabeth jennifer maria anna
olga alexander aleksandr oleksandr alexei alexey aleksei mikhail mykhailo mihail nikolai
ivan pavel igor oleg viktor victor petro denys ilham recep benjamin abdel mohammed
muhammad mohammad ali ahmed hassan jean pierre francois marine giorgia pedro luis jose
carlos javier nicolas klaus wolfgang jens nicusor marcel ion gheorghe ilie mihai elena
ludovic kristalina christine janet jerome shehbaz imran amit rajnath arvind yogi mamata
nitish lionel cristiano novak jannik roger rafael serena virat rohit kylian erling
valery valeriy vasily maxim maksim kirill anton evgeny yevgeny tatiana natalia svetlana
volodimir
""".split()

_PLACES = """
russia ukraine moscow kyiv kiev washington beijing london paris berlin brussels delhi
india china america usa europe romania bucharest germany france spain madrid italy rome
poland warsaw turkey ankara istanbul iran tehran israel gaza jerusalem syria damascus
korea pyongyang seoul japan tokyo pakistan islamabad dhabi dubai qatar doha egypt
cairo crimea donetsk luhansk kharkiv odesa zaporizhzhia belgorod kursk minsk belarus
kremlin geneva istanbul riyadh saudi davos munich york mumbai chechnya arctic
greenland moskau kiew rusia ucraina moscova rusiei ucrainei moscou ukraina
""".split()

_DE_ARTICLES = frozenset("der den des dem die".split())

# Lower-case words that may join the parts of one name.
_CONNECTORS = set("of de di da do del della delle dello dei degli des du dos das per for para pour "
                  "für von van der den la le les las los al-".split())

_ORG_WORDS = set(
    """
    ministry agency bank party council union nations university company group corporation
    inc ltd news tass interfax reuters nato un eu who imf opec fifa uefa
    ministerium partei bank agentur ministère parti banque agence ministerio partido
    ministerul partidul banca agenția
    """.split()
)
# Head words of an institution's name (Catholic Church, Orden de San Agustín): they type a
# name of several words, never a word alone ("Chiesa" is any church).
_ORG_HEADS = set(
    """
    church iglesia igreja chiesa kirche église biserica kościół kosciol egyház
    commission comisión comissão commissione kommission comisia bizottság
    conference conferencia conferência conferenza konferenz conférence bischofskonferenz
    office oficina ufficio büro bureau order orden ordem ordine ordre
    dicastery dicasterio dicastério dicastero dikasztérium college collegio colegio colégio
    kollegium collège curia cúria kurie curie guard guardia garde gwardia forces army
    armee ejército exército esercito armée armata
    """.split()
)
# Head words of a place's name (Sistine Chapel, Plaza de San Pedro, Ciragan Palace).
_PLACE_WORDS = set(
    """
    square plaza praça piazza platz place plac tér piața площадь palace palacio palácio
    palazzo palast palais pałac palatul palota дворец chapel capilla capela cappella kapelle
    chapelle kaplica kápolna capela basilica basílica basilika basilique bazylika bazilika
    cathedral catedral cattedrale kathedrale cathédrale katedra cathedrale bridge puente
    ponte brücke pont most street avenue boulevard strasse straße rue calle via viale
    river río rio fiume fluss fleuve rzeka island isla ilha isola insel île airport
    aeropuerto aeroporto flughafen aéroport aeroportul lotnisko
    """.split()
)

# --- Devanagari ---------------------------------------------------------------------

# Title words: the tokens after them (up to three) are a person's name.
_HI_TITLES = set(
    """
    राष्ट्रपति प्रधानमंत्री मंत्री विदेशमंत्री रक्षामंत्री प्रवक्ता सहयोगी नेता सलाहकार सचिव
    अध्यक्ष राजदूत उपराष्ट्रपति मुख्यमंत्री राज्यपाल जनरल कमांडर प्रमुख श्री श्रीमती
    सुश्री डॉ डॉक्टर कप्तान कोच सांसद विधायक महासचिव चांसलर राजा रानी प्रिंस गवर्नर
    निदेशक संस्थापक सीईओ न्यायाधीश जज पोप
    """.split()
)
_HI_POSTPOSITIONS = set("ने के की को से का में पर तक वाले वाली द्वारा".split())
# Frequent Hindi words that stand before postpositions or after titles but are no names.
_HI_STOP = set(
    """
    और या लेकिन पर कि जो जिस जिसे जिसके जिसकी जिन जिनके यह ये वह वे इस इन उस उन इसे उसे
    इसके उसके इनके उनके इसकी उसकी उनकी इसका उसका उनका हम हमें हमारे हमारी आप आपके तुम मैं
    मेरे मेरी अपने अपनी अपना खुद सभी सब कुछ कई कोई किसी हर एक दो तीन चार पांच पाँच छह सात
    आठ नौ दस सौ हजार हज़ार लाख करोड़ पहले बाद साथ बीच तरह लिए लिये बारे ओर तरफ़ तरफ
    है हैं था थी थे हो होगा होगी होंगे होने हुआ हुई हुए रहा रही रहे गया गई गए गये किया
    की करने करना करते करती करता कर कहा कहना कहते कहती बताया दिया दी दिए लिया ली लिए
    नहीं ना न भी ही तो जब तब अब यहां वहां यहाँ वहाँ कहां क्यों क्या कैसे कौन कितने
    शांति वार्ता बातचीत युद्ध संघर्ष हमला हमले हमलों ड्रोन मिसाइल मिसाइलों सेना सैनिक
    सरकार देश देशों राष्ट्र दुनिया क्षेत्र इलाके शहर राजधानी सीमा सुरक्षा समझौता समझौते
    बैठक मुलाकात निमंत्रण न्योता आमंत्रण प्रस्ताव बयान दावा दावे दावों आरोप रिपोर्ट
    रिपोर्टों जानकारी खबर ख़बर समाचार मीडिया एजेंसी अधिकारी अधिकारियों लोगों लोग
    नागरिक बच्चों बच्चे महिलाओं परिवार मौत मौतों घायल प्रयास प्रयासों प्रक्रिया
    स्थिति शर्तों शर्त गारंटी मेजबानी बिंदुओं प्रगति निष्कर्ष कदम दौर दिन दिनों
    सप्ताह हफ्ते हफ़्ते महीने महीनों साल सालों वर्ष वर्षों समय वक्त आज कल सुबह शाम रात
    सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार जनवरी फरवरी मार्च अप्रैल
    मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर
    रूसी यूक्रेनी अमेरिकी भारतीय चीनी पाकिस्तानी ब्रिटिश फ्रांसीसी जर्मन ईरानी
    इजरायली इज़रायली कोरियाई जापानी यूरोपीय पश्चिमी पूर्वी उत्तरी दक्षिणी उत्तर दक्षिण
    पूर्व पश्चिम वरिष्ठ शीर्ष पूर्व बड़े बड़ी बड़ा छोटे नए नई नया पुराने अगले अगला पिछले
    पिछली पहली पहला दूसरे दूसरी दूसरा तीसरे अन्य कुछ ज्यादा ज़्यादा अधिक कम लगभग
    ऊर्जा बिजली ग्रिड हवाई रक्षा रणनीति बदलाव पैमाने तैयारी संकेत खुफिया निशाना लक्ष्य
    लक्ष्यों हथियार हथियारों सौदे सौदा व्यापार बाजार बाज़ार कीमत कीमतें शेयर कंपनी
    कंपनियों पार्टी चुनाव चुनावों वोट मतदान अदालत कोर्ट फैसला फ़ैसला मामले मामला जांच
    पुलिस मैच खेल टीम खिलाड़ी जीत हार स्कोर रन विकेट गोल फिल्म भाषा काम पानी बारिश
    मौसम भूकंप बाढ़ आग दुर्घटना हादसा विमान ट्रेन बस सड़क इमारत अस्पताल स्कूल
    ओर नेता प्रवक्ता मंत्री राष्ट्रपति प्रधानमंत्री सहयोगी सलाहकार अनुसार मुताबिक
    तहत जरिए ज़रिए दौरान खिलाफ़ खिलाफ विरोध समर्थन मदद सहायता आवश्यक जरूरी ज़रूरी
    संबंध रिश्ते मुद्दे मुद्दों सवाल जवाब विचार योजना नीति कानून क़ानून अधिकार
    पढ़ें देखें भी इसे ये टिप्पणी इनकार पुष्टि हवाला दौरे यात्रा यात्राएं शुरुआत
    हादसा हादसे हादसों इंजन इंजनों कैप्टन पायलट पायलटों मंत्रालय मंत्रालयों जिनमें जिसमें
    उनमें इनमें कारोबार कारोबारी रिकॉर्ड स्तर निवेश निवेशक निवेशकों रुपये रुपया तेजी तेज़ी
    गिरावट बढ़त सूचकांक उड़ान यात्री यात्रियों जांच बॉक्स ब्लैक डॉक्टर अस्पताल मरीज
    शेयरों कारण वजह नतीजे नतीजा परिणाम चुनाव मतगणना सीटें सीटों वोटों मुकाबला मुकाबले
    गोल टीमों खिलाड़ियों कप्तान कोच फाइनल सेमीफाइनल लीग भूकंप झटके झटकों तीव्रता केंद्र
    गहराई नुकसान राहत बचाव कर्मचारी कर्मचारियों नौकरियां नौकरियों कारखाने फैक्ट्री संयंत्र
    उत्पादन बिक्री मॉडल इलेक्ट्रिक कार कारों गाड़ी गाड़ियों प्रति प्रतिशत फीसदी हिस्सा हिस्से
    बयान बयानों संवाददाताओं पत्रकारों सूत्रों सूत्र प्रशासन पक्ष पक्षों दल दलों प्रतिनिधिमंडल
    प्रतिनिधिमंडलों कैदियों कैदी बंदियों अदला बदली
    अंत अंदर बाहर ऊपर नीचे आगे पीछे पास दूर दूरी करीब सामने मंच वास्तव वास्तविक स्वयं
    आयोजित घोषित प्रकाशित शुरू खत्म ख़त्म तैनात शामिल जारी तैयार स्वीकार बंद रद्द दर्ज
    घोषणा चर्चा जमीन ज़मीन बजे समुद्र सहमत सहमति युद्धविराम संघर्षविराम सीजफायर सीज़फायर प्रेस
    ऑफ ऑफ़ एंड फॉर द
    प्राप्त हासिल पेश लागू नियुक्त गिरफ्तार गिरफ़्तार बरामद रिहा सफल असफल नाकाम मजबूर
    उपलब्ध सक्रिय संभव जरूर ज़रूर बेहद काफी काफ़ी सिर्फ केवल पूरे पूरी पूरा कुल
    """.split()
)
# Adjectival / grammatical endings: words ending so are rarely names.
_HI_BAD_ENDINGS = ("ों", "ाओं", "ियों", "ीय", "िक", "ाना", "ाने", "ाता", "ाती", "ाते", "ना", "ने")
# Marks that mostly occur in transliterated foreign words: ॉ (English o), nukta, and
# consonant clusters Hindi words rarely have (स्क, ट्र, म्प).
_HI_FOREIGN_MARKS = ("ॉ", "़", "्ट", "्प", "्क")

_DEV_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097F]+")
_CASED_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*")
_APOSTROPHE_ENDING = re.compile(r"['’](?:s|[a-zçğıöşü]{1,5})$")
_SENT_END = re.compile(r"[.!?…:;\"“”«»„()\[\]|।]\s*$")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")

# Romanian/other inflection on names: "Kremlinului" -> "Kremlin". Only long tokens.
_RO_SUFFIXES = ("ului", "ul", "ei")


# --- keys ----------------------------------------------------------------------------

_VOWELS = set("aeiouy")


# Russian and Ukrainian decline names (Зеленского, Путиным, Умєровим): strip the case
# endings that carry consonants, since vowels vanish from keys anyway.
_CYR_CASE = re.compile(r"(ого|его|ому|ему|ими|ыми|ым|им|ом|ем|ой|ей|ою|ею|ам|ям|ах|ях)$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@lru_cache(maxsize=200_000)
def _token_key(token: str) -> str:
    devanagari = bool(_DEVANAGARI.search(token))
    if _CYRILLIC.search(token):
        if len(token) > 5:
            token = _CYR_CASE.sub("", token.lower())
        # Russian spells an English initial W as У + vowel (Уиткофф, Уоллес, Уэльс).
        token = re.sub(r"^[уУ](?=[иэоаИЭОА])", "в", token)
    t = anyascii(token).lower()
    t = re.sub(r"[^a-z]", "", t)
    if not t:
        return ""
    t = re.sub(r"(yj|ij)$", "", t) or t  # German Selenskyj, Polish -ij
    t = t.replace("sch", "s").replace("tch", "c")
    if devanagari:
        t = t.replace("ch", "k").replace("c", "k")
    else:
        # After a consonant a Latin j is a glide (German Umjerow), not the ज of Hindi:
        # Umjerow ~ Umerov ~ Умеров.
        t = re.sub(r"(?<=[bdfgklmnprstvz])j(?=[aeiou])", "", t)
        t = t.replace("ch", "k").replace("ck", "k")
        t = re.sub(r"c(?=[eiy])", "s", t).replace("c", "k")
    for a, b in (("zh", "s"), ("sh", "s"), ("kh", "k"), ("gh", "g"), ("th", "t"),
                 ("dh", "d"), ("ph", "f"), ("bh", "b"), ("jh", "s"), ("x", "ks"),
                 ("q", "k"), ("w", "v"), ("z", "s"), ("j", "s")):
        t = t.replace(a, b)
    # A leading h is kept (House is not "US"); elsewhere it only marks aspiration.
    t = t[:1] + t[1:].replace("h", "")
    t = re.sub(r"m(?=[^aeiouym])", "n", t)  # anusvara: ट्रंप "trmp" ~ Trump
    if not t:
        return ""
    lead = "a" if t[0] in _VOWELS else ""
    skeleton = "".join(ch for ch in t if ch not in _VOWELS)
    out = lead + re.sub(r"(.)\1+", r"\1", skeleton)
    return out or t[:1]


_FIRST_KEYS = {_token_key(n) for n in _FIRST_NAMES}
_PLACE_KEYS = {_token_key(n) for n in _PLACES}
_PLACE_SET = frozenset(_PLACES)
_FIRST_NAME_SET = frozenset(_FIRST_NAMES)


def is_head_word(word: str) -> bool:
    """A word that says what kind of thing a name names (Church, Chapel, Ministry, Square)
    or a title: shared by many names, it tells none apart."""
    low = word.lower()
    return low in _ORG_WORDS or low in _ORG_HEADS or low in _PLACE_WORDS or _is_title(low) \
        or low in _STOP_CASED


def is_first_name(word: str) -> bool:
    """A common first name in any script (Vladimir, Владимир, व्लादिमीर). A key of one or
    two letters is no evidence alone (Thema and Tim are both "tm"): the word must then be
    the name itself."""
    key = _token_key(word)
    if key not in _FIRST_KEYS:
        return False
    return len(key) >= 3 or re.sub(r"[^a-z]", "", anyascii(word).lower()) in _FIRST_NAME_SET


def place_key(place: gazetteer.Place) -> str:
    """Key of a gazetteer entry: every word of its canonical English name, so that all
    its exonyms (US, США, अमेरिका, 美国) share one key and it meets no surname."""
    return _place_key(place.name)


@lru_cache(maxsize=4096)
def _place_key(name: str) -> str:
    if name.isupper() and len(name) <= 6:
        return name.lower()
    return " ".join(k for k in (_token_key(w) for w in name.split()) if k)


_CAMEL = re.compile(r"(?<=[a-z]{4})(?=[A-Z][a-z]{3})")


def _regnal(words: list[str]) -> str | None:
    """Key of "Leo XIV", "Лев XIV", "XIV. Leó" (name and regnal number), else None."""
    if len(words) >= 2:
        value = scripts.roman_value(words[-1])
        if value and not scripts.roman_value(words[-2]):
            return scripts.regnal_key(words[-2], value)
        value = scripts.roman_value(words[0])
        if value and words[0].endswith(".") and not scripts.roman_value(words[1]):
            return scripts.regnal_key(words[1], value)
    return None


@lru_cache(maxsize=100_000)
def name_key(surface: str) -> str:
    """Cross-script key of a name: Zelensky, Зеленский and जेलेंस्की give the same key.
    Places and institutions the gazetteer knows get the key of their canonical name, so
    exonyms meet (US / США / अमेरिका; Kyiv / Kiev / कीव); regnal names get name initial and
    number (Leo XIV / Лев XIV / 利奥十四世).

    A name of two or three words is keyed by its last word (Vladimir Putin ~ Putin,
    Rustem Umerov ~ Umerov), since reports give the full name once and the surname after,
    and scripts differ in which they spell out. Longer names, names with an organisation
    word, and last words too short to tell apart keep every word's key.
    """
    words = [w for w in re.split(r"[\s\-–—‐]+", surface.strip()) if w]
    # A brand written as one word (TruthSocial) is keyed as its words (Truth Social).
    words = [p for w in words for p in _CAMEL.sub(" ", w).split()]
    regnal = _regnal(words)
    if regnal:
        return regnal
    place = gazetteer.lookup(surface)
    if place is not None:
        return place_key(place)
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6:
        # Acronyms are spelt letter by letter in every script (AAIB, NATO, НАТО, TASS):
        # keep their letters, vowels included, or AAIB would meet every "Abu".
        return re.sub(r"[^a-z]", "", anyascii(words[0]).lower())
    keys = [k for k in (_token_key(w) for w in words) if k]
    if not keys:
        return ""
    # A name with the head word of an institution or a building keeps every word: its last
    # word alone ("Church", "Chapel") would be every church's.
    if 1 < len(keys) <= 3 and len(keys[-1]) >= 3 \
            and not any(w.lower() in _ORG_WORDS or w.lower() in _ORG_HEADS or w.lower() in _PLACE_WORDS
                        for w in words):
        return keys[-1]
    if len(keys) > 1 and (keys[0] in _FIRST_KEYS or re.fullmatch(r"[^\W\d_]\.?", words[0])):
        return keys[-1]
    return " ".join(keys)


def similar_keys(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two keys (1.0 when equal) for spellings that fold apart,
    like Ouchakov (French ch) vs Ushakov."""
    if a == b:
        return 1.0
    return JaroWinkler.similarity(a, b)


# --- extraction ----------------------------------------------------------------------

def extract(text: str, lang: str | None = None, known: Iterable[str] | None = None) -> list[Mention]:
    """Names in `text`, merged by key, most mentioned first.

    `known`: keys already seen as names elsewhere (e.g. in Latin-script articles); in a
    script without capitals a word (or a Chinese run) that spells a known name counts as a
    name without any other cue.
    """
    if not text:
        return []
    known_set = set(known or ())
    found: list[tuple[str, str, str | None]] = []
    if _names_readable(text) and (_LATIN.search(text) or re.search(r"[\u0370-\u03FF\u0400-\u04FF]", text)):
        found.extend(_org_cued(text, _cased_names(text, lang)))
    spans: list[tuple[int, int]] = []
    if scripts.has_uncased(text):
        found.extend(scripts.uncased_names(text, known_set, spans))
    if _DEVANAGARI.search(text):
        found.extend((s, k, None) for s, k in _devanagari_names(text, known_set, spans))
    return _merge(found)


_SUPPORTED = re.compile(r"[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0900-\u097F]")
_LETTER = re.compile(r"[^\W\d_]")


def _names_readable(text: str) -> bool:
    """Capitalised runs are read only when most letters are of a cased script (or
    Devanagari): in a Chinese or Arabic article the few Latin words are mostly brands and
    acronyms, not the article's actors; those articles' names come from their own script."""
    sample = text[:3000]
    letters = len(_LETTER.findall(sample))
    return letters == 0 or len(_SUPPORTED.findall(sample)) >= 0.5 * letters


# Words that name what kind of organisation the name beside them is: "the Interfax news
# agency", "agenția Anadolu", "агентство Интерфакс", "the daily Kommersant".
_ORG_CUE = re.compile(
    r"(?i)(?<![^\W\d_])(?:news agency|agency|nachrichtenagentur|agentur|agenzia|agencia|agência|agenția|"
    r"agentia|agenției|agentiei|agence|ajansı|агентство|агентства|агентству|агентством|newspaper|daily|broadcaster|"
    r"channel|zeitung|quotidien|diario|jornal|ziarul|cotidianul|газета|газеты|газете|телеканал)(?![^\W\d_])")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'’\-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’\-]*),?\s+$")
# Kind of a name typed by such a cue: an organisation, even when a place bears its name.
_CUED_ORG = "org-cued"


def _org_cued(text: str, found: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """Names right after or before an organisation cue word are organisations."""
    after: set[str] = set()
    before: set[str] = set()
    for m in _ORG_CUE.finditer(text):
        nxt = _WORD_AFTER.match(text, m.end(), m.end() + 60)
        if nxt and nxt.group(1)[:1].isupper():
            after.add(nxt.group(1))
        prv = _WORD_BEFORE.search(text[max(0, m.start() - 60):m.start()])
        if prv and prv.group(1)[:1].isupper():
            before.add(prv.group(1))
    if not after and not before and not any(_ORG_CUE.match(f[0]) for f in found):
        return found
    out: list[tuple[str, str, str | None]] = []
    for surface, kind, key in found:
        words = surface.split()
        if len(words) > 1 and _ORG_CUE.fullmatch(words[0]) and gazetteer.lookup(" ".join(words[1:])):
            # The cue capitalised at a sentence start, glued to a place's name ("Ziarul
            # Tirana"); in other runs it is part of the name (Daily Mail).
            words = words[1:]
            surface, kind, key = " ".join(words), _CUED_ORG, None
            out.append((surface, kind, key))
            continue
        if kind in ("name", "place") and words and (words[0] in after or words[-1] in before) \
                and not is_first_name(words[0]):
            kind = _CUED_ORG
        out.append((surface, kind, key))
    return out


# Words that say what kind of place a name is, written after it ("Kunar Province").
DESIGNATORS = frozenset({"province", "provinz", "region", "district", "county", "oblast",
                         "peninsula", "halbinsel", "governorate", "prefecture"})


def _merge(found: list[tuple[str, str, str | None]]) -> list[Mention]:
    # Grouped by key, and by whether a person the gazetteer does not know: a person may
    # share a place's key (Francis and France are both "frns") and stays apart from it.
    by_key: dict[tuple[str, bool, str], Counter] = defaultdict(Counter)
    kinds: dict[tuple[str, bool, str], Counter] = defaultdict(Counter)
    nominative: dict[tuple[str, bool, str], set[str]] = defaultdict(set)
    keyed = [(s, k, given or name_key(s), gazetteer.lookup(s)) for s, k, given in found]
    # A person's name, or its last word, written again is that person, even where the
    # gazetteer knows a place so named ("Marco Rubio ... declaró Rubio": Rubio is also a
    # town) or the word starts a sentence: only words that no person's name in the text is
    # or ends with stay a place (France beside Francis).
    persons = {(f, key) for s, k, key, place in keyed if k == "person" and place is None
               for f in (s, s.split()[-1])}
    keyed = [(s, "person" if (s, key) in persons else k, key, None if (s, key) in persons else place)
             for s, k, key, place in keyed]
    place_keys = {key for _, _, key, place in keyed if place is not None}
    for surface, kind, key, place in keyed:
        if len(key.replace(" ", "")) < 2:
            continue
        # "Kunar Province" and "Nangarhar Province" share the key of their last word, as
        # a person's full name and surname do; kept apart as two mentions (the clusterer
        # still counts them under their one key: cluster.pairs.make_item), so a brief can
        # tell the two places apart by the words before the designator.
        words = surface.split()
        head = name_key(" ".join(words[:-1])) if len(words) >= 2 and words[-1].casefold() in DESIGNATORS else ""
        group = (key, key in place_keys and place is None and kind == "person", head)
        if kind == _CUED_ORG:
            kind = "org"
        elif place is not None:
            kind = "org" if place.kind == "org" else "place"
        if place is not None:
            if gazetteer.lookup(surface, inflected=False) is not None:
                nominative[group].add(surface)
        by_key[group][surface] += 1
        kinds[group][kind] += 1
    out = []
    for group, surfaces in by_key.items():
        key = group[0]
        kind_counts = kinds[group]
        specific = [k for k, _ in kind_counts.most_common() if k != "name"]
        kind = specific[0] if specific else "name"
        # By the word itself, or by a key of three letters or more (बेलगोरोड, Zaporojie): keys
        # of two letters meet too many words (Social and Seoul are both "sl").
        if kind == "name" and ((key in _PLACE_KEYS and len(key) >= 3) or any(x.lower() in _PLACE_SET for x in surfaces)):
            kind = "place"
        # Shown: a form the gazetteer lists as the name itself (Rusia over Rusiei), else
        # the longest frequent spelling ("Vladimir Putin" over "Putin").
        nom = nominative[group]
        surface = max(surfaces, key=lambda s: (s in nom, len(s.split()), surfaces[s], -len(s)))
        out.append(Mention(key=key, surface=surface, kind=kind, count=sum(surfaces.values())))
    out.sort(key=lambda m: (-m.count, m.key))
    return out[:MAX_MENTIONS]


def _is_title_case_line(words: list[str]) -> bool:
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) / len(long) >= 0.6


def _cased_names(text: str, lang: str | None) -> list[tuple[str, str, str | None]]:
    words_all = re.findall(r"[^\W\d_]+", text)
    lower_words = {w for w in words_all if w[0].islower()}
    lower_prefixes = {w[:5] for w in lower_words if len(w) >= 5}
    german = lang == "de"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    # (surface, kind, unconfirmed): runs found only at sentence starts or in headline case
    # are names only if the same word also appears capitalised mid-sentence.
    runs: list[tuple[list[str], str, bool]] = []
    confirmed: set[str] = set()
    for line in lines:
        matches = list(_CASED_WORD.finditer(line))
        if not matches:
            continue
        title_case = _is_title_case_line([m.group() for m in matches])
        caps_line = sum(m.group().isupper() for m in matches) > len(matches) / 2
        shouted = _shouted(matches)
        run: list[str] = []
        pending: list[str] = []  # lower-case connectors inside a name ("of", "della")
        state = {"kind": "name", "doubt": False}
        prev_title = False
        prev_end = 0

        def flush(run: list[str] = run, state: dict[str, Any] = state,
                  pending: list[str] = pending) -> None:  # this line's run, state, connectors
            if run:
                runs.append((list(run), state["kind"], state["doubt"]))
            run.clear()
            pending.clear()
            state.update(kind="name", doubt=False)

        for idx, m in enumerate(matches):
            # Case endings written after an apostrophe (ABD'nin, Washington'un) and the
            # English possessive are not part of the name.
            word = m.group()
            if "'" in word or "’" in word:
                word = _APOSTROPHE_ENDING.sub("", word)
            ends_name = word != m.group()
            if run and line[prev_end:m.start()].strip():
                flush()
            prev_end = m.end()
            # Only the text just before the word decides (the whole line prefix would make
            # a long one-line article quadratic).
            before = line[max(0, m.start() - 64): m.start()]
            if before.strip():
                sentence_start = bool(_SENT_END.search(before))
            else:
                sentence_start = m.start() <= 64 or not line[: m.start()].strip()
            low = word.lower().strip("'’")
            if not word[0].isupper():
                # German articles join names only after von/van (von der Leyen); elsewhere
                # they join a name to a noun ("in Istanbul den Austausch").
                article_de = german and low in _DE_ARTICLES and not (pending and pending[-1].lower() in ("von", "van"))
                if run and low in _CONNECTORS and len(pending) < 2 and not ends_name and not article_de:
                    # "Order of Saint Augustine", "Loggia delle Benedizioni", "von der
                    # Leyen": kept only if a capitalised word follows.
                    pending.append(word)
                    continue
                flush()
                prev_title = False
                continue
            if _is_title(low):
                flush()
                prev_title = True
                continue
            # A short stop word capitalised mid-sentence right after a person's name is part
            # of it: a function word of some other language, never written in lower case in
            # this text, is a surname here (Ishaq Dar; "dar" is Romanian "but"). German
            # capitalises so many words that its lines look like headlines: no sign there.
            in_name = bool(run) and state["kind"] == "person" and len(low) <= 3 and not sentence_start \
                and not (title_case and not german) and not caps_line and word[1:].islower() \
                and not _is_title(low) and low not in lower_words
            if (low in _STOP_CASED or (low.endswith("s") and low[:-1] in _STOP_CASED)) and not in_name:
                flush()
                prev_title = False
                continue
            doubtful = sentence_start or title_case
            if doubtful:
                # A capitalised word that also occurs in lower case is an ordinary word.
                if low in lower_words or (title_case and len(low) >= 5 and low[:5] in lower_prefixes):
                    flush()
                    continue
            if german and not run and not prev_title and _german_common_noun(low):
                flush()
                continue
            if run and scripts.roman_value(word) and not caps_line:
                # A regnal number closes the name it follows: Leo XIV, Benedetto XVI.
                run.append(word)
                state["kind"] = "person"
                flush()
                prev_title = False
                continue
            if word.isupper() and len(word) == 2 and not run and idx + 1 < len(matches) \
                    and not caps_line and _initials_of(word, matches[idx + 1:idx + 3], line):
                # Initials before a surname (JD Vance): a first name, not an acronym.
                run.append(word)
                state.update(kind="person", doubt=False)
                prev_title = False
                continue
            if word.isupper():
                flush()
                if 2 <= len(word) <= 6 and not caps_line and not scripts.roman_value(word) \
                        and idx not in shouted:
                    runs.append(([word], "org", False))
                prev_title = False
                continue
            if len(low) < 2:
                flush()
                continue
            if not run:
                state["kind"] = "person" if prev_title else "name"
                state["doubt"] = doubtful and not prev_title
                if is_first_name(word):
                    state["kind"] = "person"
                    state["doubt"] = False
            if low in _ORG_WORDS:
                state["kind"] = "org"
            if not doubtful:
                confirmed.add(word)
            if pending:
                place = gazetteer.lookup(word)
                if place is not None and place.is_place and not any(w.lower() in _ORG_WORDS for w in run):
                    flush()  # "Putin of Russia" is two names; "Bank of England" one
                    state["kind"] = "name"
                    state["doubt"] = False
                else:
                    run.extend(pending)
                    pending.clear()
            run.append(word)
            prev_title = False
            if len(run) >= 6 or (len(run) >= 4 and not any(w[0].islower() for w in run)) or ends_name:
                flush()
        flush()
    few_lines = len(lines) <= 1
    out = []
    for words, kind, doubt in runs:
        # A run's first word, when it only ever starts a sentence, may be an ordinary
        # word ("Delegations Ukraine..."): keep it only if seen capitalised elsewhere.
        if doubt and not few_lines and words[0] not in confirmed \
                and _token_key(words[0]) not in _PLACE_KEYS:
            words = words[1:]
            # What follows the dropped word may be a connector ("Rat des Sicherheitsrats"):
            # a name never starts with one.
            while words and words[0][:1].islower():
                words = words[1:]
        if not words:
            continue
        if len(words) == 1 and (words[0].lower() in _ORG_HEADS or words[0].lower() in _PLACE_WORDS):
            continue  # "Church", "Basilica" alone: the kind of a thing, not its name
        if len(words) > 1 and kind == "name":
            lows = {w.lower() for w in words}
            kind = "org" if lows & _ORG_HEADS else ("place" if lows & _PLACE_WORDS else kind)
        for part, part_kind in _split_run(words, kind):
            out.append((" ".join(part), part_kind, _inflected_key(part, lang)))
    return out


def _initials_of(word: str, after: list[Any], line: str) -> bool:
    """Whether two capitals are a person's initials: the next word, right after a space,
    is a capitalised word that is no title, stop word or place, and the two letters name
    no place or institution (US, UN and EU do). Initials stand for the given names, so the
    surname alone follows them: before a given name, or a name of two words ("J&K LG Manoj
    Sinha", "CM Omar Abdullah"), the capitals are a title's or an office's."""
    nxt = after[0]
    follower = nxt.group()
    if line[nxt.start() - 1:nxt.start()] != " " or not (follower[:1].isupper() and follower[1:].islower()):
        return False
    if is_first_name(follower):
        return False
    if len(after) > 1 and line[nxt.end():after[1].start()] == " " and after[1].group()[:1].isupper() \
            and after[1].group()[1:].islower():
        return False
    low = follower.lower()
    return not (_is_title(low) or low in _STOP_CASED or gazetteer.lookup(word) is not None
                or gazetteer.lookup(follower) is not None)


def _shouted(matches: list) -> set[int]:
    """Indexes of words in a stretch of three or more capitalised-throughout words
    ("FULL AND IMMEDIATE CEASEFIRE"): shouting, not acronyms."""
    out: set[int] = set()
    start = None
    flags = [m.group().isupper() and len(m.group()) >= 2 for m in matches]
    if sum(flags) < 3:
        return out
    flags.append(False)
    for i, up in enumerate(flags):
        if up and start is None:
            start = i
        elif not up and start is not None:
            if i - start >= 3:
                out.update(range(start, i))
            start = None
    return out


def _split_run(words: list[str], kind: str) -> list[tuple[list[str], str]]:
    """A run that starts with a place and goes on with a person is two names: the
    genitive "России Дмитрий Песков" (Russia's Dmitry Peskov), "Ucrainei Volodimir Zelenski".
    A run that is a place's name as a whole (Abu Dhabi, New Delhi) stays one."""
    if len(words) < 2 or gazetteer.lookup(" ".join(words), inflected=False) is not None:
        return [(words, kind)]
    for k in (3, 2):  # "Sjedinjenih Američkih Država Donald ...": a country, then a person
        if k < len(words):
            head_phrase = gazetteer.lookup(" ".join(words[:k]))
            if head_phrase is not None and head_phrase.is_place:
                rest = words[k:]
                rest_kind = "person" if is_first_name(rest[0]) else "name"
                return [(words[:k], "place"), *_split_run(rest, rest_kind)]
    head = gazetteer.lookup(words[0])
    if head is not None and head.is_place \
            and (head.kind == "country" or not is_first_name(words[0])) and (
            is_first_name(words[1]) or gazetteer.lookup(words[0], inflected=False) is None):
        rest = words[1:]
        rest_kind = "person" if is_first_name(rest[0]) else ("name" if kind == "place" else kind)
        return [([words[0]], "place"), *_split_run(rest, rest_kind)]
    return [(words, kind)]


def _inflected_key(words: list[str], lang: str | None) -> str | None:
    """Romanian writes the article onto names (Kremlinul, Ucrainei): the key is that of
    the bare name, while the surface stays the whole word as written."""
    if lang != "ro" or len(words) != 1 or words[0].isupper() or len(words[0]) <= 6:
        return None
    if gazetteer.lookup(words[0]) is not None:
        return None
    low = words[0].lower()
    for suf in _RO_SUFFIXES:
        if low.endswith(suf):
            return name_key(words[0][: -len(suf)])
    return None


_DE_NOUN_ENDINGS = ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ismus",
                    "chen", "tät", "ik", "nis", "ten", "gen", "ern")


def _german_common_noun(low: str) -> bool:
    """German capitalises every noun; these endings mark ordinary nouns, not names."""
    return low.endswith(_DE_NOUN_ENDINGS)


def _devanagari_names(text: str, known: set[str],
                      skip: Sequence[tuple[int, int]] = ()) -> list[tuple[str, str]]:
    """Names in Devanagari, outside the `skip` spans (names the gazetteer already read)."""
    tokens = [(m.group(), m.start(), m.end()) for m in _DEV_WORD.finditer(text)
              if not any(a <= m.start() < b for a, b in skip)]
    counts = Counter(t for t, _, _ in tokens)
    out: list[tuple[str, str]] = []
    used: set[int] = set()

    def plain(i: int) -> bool:
        if i >= len(tokens):
            return False
        tok = tokens[i][0]
        return (tok not in _HI_STOP and tok not in _HI_POSTPOSITIONS and tok not in _HI_TITLES
                and len(tok) >= 2 and not tok.endswith(_HI_BAD_ENDINGS))

    def adjacent(i: int, j: int) -> bool:
        # Tokens belong to one name only when separated by plain spaces.
        return text[tokens[i][2]:tokens[j][1]].strip() == ""

    i = 0
    while i < len(tokens):
        tok = tokens[i][0]
        if tok in _HI_TITLES:
            j = i + 1
            run: list[int] = []
            while j < len(tokens) and len(run) < 3 and plain(j) and adjacent(j - 1, j):
                run.append(j)
                j += 1
            if run and (j >= len(tokens) or tokens[j][0] in _HI_POSTPOSITIONS or len(run) >= 2
                        or _looks_foreign(tokens[run[-1]][0])):
                out.append((" ".join(tokens[k][0] for k in run), "person"))
                used.update(run)
                i = j
                continue
        i += 1
    for i, (tok, _, _) in enumerate(tokens):
        if i in used or not plain(i):
            continue
        key = _token_key(tok)
        if key in known and len(key) >= 3:
            out.append((tok, "name"))
            continue
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) and adjacent(i, i + 1) else ""
        if nxt in _HI_POSTPOSITIONS and (counts[tok] >= 2 or _looks_foreign(tok)):
            # A preceding plain token that is a first name joins: "व्लादिमीर पुतिन ने".
            if i > 0 and i - 1 not in used and plain(i - 1) and adjacent(i - 1, i) \
                    and is_first_name(tokens[i - 1][0]):
                out.append((tokens[i - 1][0] + " " + tok, "person"))
            else:
                out.append((tok, "name"))
    return out


def _looks_foreign(tok: str) -> bool:
    return any(mark in tok for mark in _HI_FOREIGN_MARKS)


_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-zà-ÿăâîșțşţąćęłńóśźżčďěňřšťůžőűğıа-яёіїєґ][^\W\d_]*")


def lower_words(text: str) -> set[str]:
    """Words written in lower case in `text` (for common_word_filter)."""
    return set(_LOWER_WORD.findall(text))


def drop_common_words(mentions: list[Mention], lower_df: Counter, own: set[str], min_articles: int) -> list[Mention]:
    """Without a cue (kind "name"), a capitalised name whose every word other articles
    write in lower case (`lower_df`: word -> articles; `own`: this article's lower-case
    words, not counted) is an ordinary word that starts a phrase, not a name."""
    out = []
    for m in mentions:
        words = m.surface.split()
        if m.kind == "name" and words and not m.surface.isupper() and all(
                lower_df[w.lower()] - (w.lower() in own) >= min_articles for w in words):
            continue
        out.append(m)
    return out


def warm_up() -> None:
    """Build the gazetteer table now (about a second, once per process), so that it is
    not built while a caller holds a write transaction."""
    gazetteer.table()

