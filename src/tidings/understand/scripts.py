"""Names in scripts without capital letters: Chinese, Japanese, Arabic, Persian, Urdu,
Thai, Burmese, Korean, Hebrew, Georgian and the Indic scripts.

No offline NER model exists for them, so names come from three kinds of evidence:
- places (and a few world institutions) from the gazetteer, matched on whole words (with
  Arabic clitics and Korean particles and agglutinative case endings peeled off) or, in
  scripts written without spaces, as the longest alias at each position;
- names already known from other articles (a lexicon of keys from cased scripts, from the
  batch or the store): a token or, in Chinese, a window of transliteration characters
  whose loose phonetic skeleton equals a known key's (特朗普 ~ Trump, ترامب ~ Trump);
- shapes that only names take: Chinese and Japanese foreign names joined by a middle dot
  (唐纳德·特朗普), a name followed by a regnal number (利奥十四世, ليو الرابع عشر, 레오 14세).

The loose skeleton forgets the distinctions these scripts do not write or that their
transliteration conventions blur (r/l, b/p, d/t, g/k, v/f, Arabic w/y as vowels), so it is
used only to recognise an already-known name, never to key a new one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from anyascii import anyascii

from tidings.understand import gazetteer

# (surface, kind, key or None): key None means "key the surface as usual".
Found = tuple[str, str, "str | None"]

# Scripts written with spaces between words but without capitals.
_SPACED = re.compile(
    r"[\u0590-\u05FF\u0900-\u097F\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
    r"\u0980-\u0DFF\u10A0-\u10FF\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]"
)
_UNSPACED = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF]")
_HAN = re.compile(r"[\u3400-\u9FFF\uF900-\uFAFF]")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
# Bengali and the Dravidian scripts write case endings onto names (அமெரிக்காவின், ভারতের);
# Hindi writes them apart (भारत के), and a Hindi ending is an adjective (रूसी, Russian).
_AGGLUTINATIVE = re.compile(r"[\u0980-\u09FF\u0B80-\u0DFF]")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_HANGUL = re.compile(r"[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]")
# A word of any script: letters with their combining vowel signs and viramas.
_WORD = re.compile(r"[^\s\d\.,;:!?\"'“”«»„()\[\]{}،؛؟।॥|/\\—–\-·・‧•*#@&%+=<>~^…_]+")
_DOTTED = re.compile(r"([\u3400-\u9FFF\u30A0-\u30FF]{1,5})[·・‧•]([\u3400-\u9FFF\u30A0-\u30FF]{1,6})")
_KATAKANA = re.compile(r"[\u30A0-\u30FF]{3,}")

# Arabic-script clitics written onto the next word: and, with/by, for, then, like; and the
# article. Stripped only to look a word up.
_AR_PREFIXES = ("وال", "بال", "لل", "فال", "كال", "و", "ب", "ل", "ف", "ك")
_KO_PARTICLES = sorted("은 는 이 가 을 를 의 에 에서 에게 와 과 도 로 으로 만 까지 부터 께서 이다 측".split(),
                       key=len, reverse=True)
# Generic case endings of agglutinative scripts (Tamil -இன், Telugu, Bengali -এর): up to
# this many code points are peeled off when what is left is a known alias.
_MAX_PEEL = 4

# A character spells foreign names when it occurs in this many Chinese names of foreign
# cities, less the ordinary words that turn up in a few (也, 的, 和: _HAN_PARTICLES).
MIN_HAN_NAME_CHAR = 3
# Generic words of place names (city, district, state...): they end names, never spell them.
# Function characters that follow a name in a sentence (也 "also", 中 "in").
_HAN_PARTICLES = "也中的和与與在是说說对對将將已于於了等及不"
_HAN_PLACE_WORDS = set("市区區州省县縣地镇鎮村城")
# A lone word of an uncased script is read as a city only for cities this large.
MIN_SINGLE_WORD_CITY = 1_000_000
# Shortest loose skeleton matched against the lexicon in spaced scripts: three consonants
# match too many ordinary Arabic words.
MIN_LOOSE = 4
# Common words that are also the name of a city somewhere, or spell a known name.
_COMMON_WORDS = set("""مدينة المدينة الخميس بابا امن كامل وكان كان جانب شكل صدر وزير كيف
    प्रेस ड्रोन आरोप कदम""".split())

# Words that stand before (ar, zh) or after (ko) a person's name in news text.
_AR_TITLES = set("""الرئيس رئيس الوزراء وزير الخارجية المتحدث الناطق البابا الكاردينال المستشار
    الملك الأمير الشيخ السيد السفير المبعوث الجنرال قائد زعيم نائب وزراء وزیر وزیرِ
    وزیراعظم اعظم صدر خارجہ خارجه""".split())
# Function words of Arabic, Urdu and Persian: never a name, nor part of one (the words
# after a title are read as a name only while they are not these).
_AR_STOP = set("""و في من على إلى الى عن مع أن ان إن قد لا ما هذا هذه ذلك التي الذي بين بعد قبل
    عند حتى كل أو او ثم كما لم لن هو هي هم
    اور نے کے کی کا کو سے میں پر تک بھی ہے ہیں تھا تھی تھے کہ جو یہ وہ دونوں ایک کیا گیا کر
    کرنے والے والی لیے ساتھ بعد پہلے اب نہیں
    در به از که این آن با را برای تا یا هم""".split())
_ZH_TITLES = ("总统", "總統", "总理", "總理", "外长", "外長", "部长", "部長", "发言人", "發言人",
              "教宗", "教皇", "枢机", "樞機", "主教", "国务卿", "國務卿", "首相", "大使", "秘书长", "秘書長",
              "领导人", "領導人", "高级代表", "高級代表", "大臣", "中将", "中將", "上将", "上將", "将军", "將軍",
              "主席", "国王", "國王", "特使", "议长", "議長", "司令", "参议员", "參議員")
_KO_STOP = set("우리 그 이 저 전 새 현 차기 신임 당시 첫 역대 선임 수석 전임 명예".split())
_KO_TITLES = set("대통령 총리 장관 대변인 교황 추기경 국무장관 외무장관 대사 총장 "
                 "부제 사제 신부 목사".split())

# Regnal numbers: Roman numerals, CJK numerals + 世, Arabic ordinal words, digits + 세/世.
_ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})\.?$")
_CJK_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_AR_ORDINALS = {"الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
                "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي": 1}
_CJK_REGNAL = re.compile(r"([\u3400-\u9FFF\u30A0-\u30FF]{1,4}?)([一二三四五六七八九十]{1,3})世")
_KO_REGNAL = re.compile(r"([\uAC00-\uD7AF]{1,5})\s?(\d{1,2})세")
_AR_REGNAL = re.compile(r"(\S+)\s+(ال\S+)(?:\s+(عشر|والعشرون|والعشرين))?")


def roman_value(token: str) -> int | None:
    m = _ROMAN.match(token)
    if not m or not token.strip("."):
        return None
    tens, units = m.groups()
    u = {"": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}.get(units)
    if u is None:
        return None
    value = 10 * len(tens) + u
    return value or None


def cjk_value(numeral: str) -> int | None:
    if not numeral:
        return None
    if "十" in numeral:
        left, _, right = numeral.partition("十")
        tens = _CJK_DIGITS.get(left, 0) if left else 1
        units = _CJK_DIGITS.get(right, 0) if right else 0
        return tens * 10 + units if (not left or left in _CJK_DIGITS) and (not right or right in _CJK_DIGITS) else None
    return _CJK_DIGITS.get(numeral) if len(numeral) == 1 else None


def regnal_key(name: str, number: int) -> str:
    """Leo XIV, Лев XIV, 利奥十四世, ليو الرابع عشر, 레오 14세 -> "l#14": the name's first
    consonant (r/l folded: Korean and Japanese write one for both) and the number. Two
    rulers of one number whose names start alike would meet; the number keeps them rare."""
    t = re.sub(r"[^a-z]", "", anyascii(name).lower())
    if not t:
        return ""
    t = t.replace("ph", "f").replace("r", "l")
    return f"{t[0]}#{number}"


# --- loose skeleton ---------------------------------------------------------------

_LOOSE_MAP = str.maketrans({"r": "l", "b": "p", "d": "t", "g": "k", "v": "f", "z": "s", "j": "s", "c": "k", "q": "k"})
_VOWELS = set("aeiouy")


def loose_of_key(key: str) -> str:
    """The loose form of a strict key (see names.name_key): blurred consonant pairs."""
    return re.sub(r"(.)\1+", r"\1", key.translate(_LOOSE_MAP))


def _pinyin_skeleton(latin: str) -> str:
    # anyascii writes Han as capitalised pinyin syllables: WeiKeLaMu, TeLangPu.
    out = []
    for syl in re.findall(r"[A-Z][a-z]*", latin):
        s = syl.lower()
        s = re.sub(r"^(zh|ch|sh)", lambda m: {"zh": "j", "ch": "k", "sh": "s"}[m.group()], s)
        s = re.sub(r"^[jq]", "k", s)
        s = re.sub(r"^x", "s", s)
        s = re.sub(r"^w", "v", s)
        s = re.sub(r"^y", "", s)
        s = re.sub(r"ng$", "n", s)
        if s == "er":
            s = "r"
        out.append(s)
    return "".join(out)


@lru_cache(maxsize=100_000)
def loose_token(token: str) -> str:
    """Loose skeleton of a word (or Chinese window) in a script without capitals."""
    latin = anyascii(token)
    if _HAN.search(token):
        t = _pinyin_skeleton(latin)
    else:
        t = latin.lower()
        if _ARABIC.search(token):
            # Arabic writes long vowels with w and y (ا is already a vowel): drop them
            # inside words; ' and ` (hamza, ain) are not consonants anyone else writes.
            t = t[:1] + re.sub(r"[wy]", "a", t[1:])
        if _HANGUL.search(token):
            t = t.replace("eu", "a")
    t = re.sub(r"[^a-z]", "", t.lower())
    if not t:
        return ""
    for a, b in (("sch", "s"), ("ch", "k"), ("zh", "s"), ("sh", "s"), ("kh", "k"), ("gh", "g"),
                 ("th", "t"), ("dh", "d"), ("ph", "f"), ("bh", "b"), ("jh", "s"), ("x", "ks"), ("w", "v")):
        t = t.replace(a, b)
    t = t[:1] + t[1:].replace("h", "")
    t = re.sub(r"m(?=[^aeiouym])", "n", t)
    if not t:
        return ""
    lead = "a" if t[0] in _VOWELS else ""
    skeleton = "".join(ch for ch in t if ch not in _VOWELS)
    return loose_of_key(lead + re.sub(r"(.)\1+", r"\1", skeleton))


# --- extraction -------------------------------------------------------------------

def _place_found(surface: str, place: gazetteer.Place) -> Found:
    from tidings.understand.names import place_key

    return (surface, "org" if place.kind == "org" else "place", place_key(place))


def _peel(word: str) -> list[str]:
    """The word and its forms without clitics or case endings, most likely first."""
    forms = [word]
    if _ARABIC.search(word):
        for p in _AR_PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 3:
                rest = word[len(p):]
                forms.append(rest)
                if p.endswith("ال") or p == "لل":
                    forms.append("ال" + rest)
    elif _HANGUL.search(word):
        for p in _KO_PARTICLES:
            if word.endswith(p) and len(word) - len(p) >= 2:
                forms.append(word[: -len(p)])
    elif _AGGLUTINATIVE.search(word):
        forms.extend(word[:-k] for k in range(2, _MAX_PEEL + 1) if len(word) - k >= 3)
    return forms


@lru_cache(maxsize=100_000)
def _norm_forms(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(gazetteer.norm(f) for f in _peel(word)))


def spaced_names(text: str, known_loose: dict[str, str], spans: list[tuple[int, int]] | None = None) -> list[Found]:
    """Names in a spaced script without capitals (Arabic, Korean, Indic, Hebrew...)."""
    found: list[Found] = []
    table = gazetteer.table()
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text) if _SPACED.search(m.group())]
    used: set[int] = set()
    n = len(words)
    i = 0
    while i < n:
        hit = None
        firsts = _norm_forms(words[i][0])
        for size in range(min(table.longest, n - i), 0, -1):
            if size > 1:
                if not any(f in table.firsts for f in firsts) \
                        or text[words[i][2]:words[i + size - 1][1]].count("\n"):
                    continue
                middle = [gazetteer.norm(w) for w, _, _ in words[i + 1:i + size - 1]]
                for head in firsts:
                    if head not in table.firsts:
                        continue
                    for last in _norm_forms(words[i + size - 1][0]):
                        place = table.exact.get(" ".join([head, *middle, last]))
                        if place is not None:
                            hit = (size, place)
                            break
                    if hit:
                        break
            else:
                for form in firsts:
                    place = table.exact.get(form)
                    if place is not None:
                        hit = (1, place)
                        break
            if hit:
                break
        if hit and size == 1 and not _single_word_place(words[i][0], hit[1]):
            hit = None
        if hit:
            size, place = hit
            surface = text[words[i][1]:words[i + size - 1][2]]
            found.append(_place_found(surface, place))
            if spans is not None:
                spans.append((words[i][1], words[i + size - 1][2]))
            used.update(range(i, i + size))
            i += size
            continue
        i += 1
    # Title cues: Arabic titles precede the name, Korean ones follow it.
    for j, (w, _, _) in enumerate(words):
        if w in _AR_TITLES:
            k = j + 1
            # The title's qualifiers come between it and the name: adjectives with the
            # article, and a noun with a possessive ("المنتهية ولايته", whose term ends).
            # A relative pronoun (التي, الذي) ends the title's phrase instead.
            while k < n and (words[k][0] in _AR_TITLES or _title_qualifier(words[k][0])):
                k += 1
            run = []
            for x in range(k, min(k + 3, n)):
                if x in used or words[x][0].startswith("ال") or words[x][0] in _AR_TITLES \
                        or _ar_function_word(words[x][0]) \
                        or text[words[x - 1][2]:words[x][1]].strip() not in ("", "-"):
                    break  # a name is the words right after the title, up to the first other
                # A third word only when it spells a name known elsewhere (فرانك فالتر
                # شتاينماير): a name of two is followed by the sentence's verb as often.
                if x == k + 2 and loose_token(words[x][0]) not in known_loose:
                    break
                run.append(x)
            # A compound given name cut at its article (شرف | الدين, عبد | الله): the part
            # before it is no name, and the whole one would key as its common half.
            if run and (words[run[-1]][0] in _AR_COMPOUND_FIRSTS
                        or (run[-1] + 1 < n and words[run[-1] + 1][0] in _AR_COMPOUND_SECONDS)):
                run = []
            if run and run[0] == k:
                lk = loose_token(words[run[-1]][0])
                found.append((text[words[run[0]][1]:words[run[-1]][2]], "person", known_loose.get(lk)))
                used.update(run)
        elif _HANGUL.search(w) and j > 0 and j - 1 not in used and any(f in _KO_TITLES for f in _peel(w)):
            # "트럼프 대통령은": a name stands bare (no particle) right before its title.
            prev = words[j - 1][0]
            if _HANGUL.search(prev) and len(prev) >= 2 and len(_peel(prev)) == 1 \
                    and not prev.endswith("다") and prev not in _KO_STOP and not _demonym(prev) \
                    and prev not in _KO_TITLES:  # "부제 추기경": two titles, no name
                lk = loose_token(prev)
                found.append((prev, "person", known_loose.get(lk)))
                used.add(j - 1)
    if known_loose:
        for j, (w, _, _) in enumerate(words):
            if j in used or _DEVANAGARI.search(w):
                continue  # Devanagari has its own reader (names._devanagari_names)
            if w.startswith("ال") or w in _COMMON_WORDS or w in _AR_STOP or _AR_TANWEEN.search(w):
                continue  # foreign names take neither the Arabic article nor its indefinite ending
            forms = _peel(w)[:3]
            for n_form, form in enumerate(forms):
                lk = loose_token(form)
                # An Arabic word that starts like a clitic (و "and", ب "with") is more
                # often a clitic and a word: unpeeled, it must spell more to count.
                extra = 1 if n_form == 0 and len(forms) > 1 and _ARABIC.search(form) else 0
                if len(lk) >= MIN_LOOSE + extra and lk in known_loose:
                    found.append((form, "name", known_loose[lk]))
                    used.add(j)
                    break
    found.extend(_regnal_spaced(text))
    return found


_AR_POSSESSIVE = re.compile(r"(?:ته|تها|تهم|تهما|تنا)$")
_AR_CLITICS = "وفبلك"
# The marks of an indefinite noun's case ending ("كاردينالًا", a cardinal, accusative).
_AR_TANWEEN = re.compile(r"[\u064B-\u064D]")


def _title_qualifier(word: str) -> bool:
    return (word.startswith("ال") and word not in _AR_STOP) or bool(_AR_POSSESSIVE.search(word))


# Parts of compound given names that join a word with the article: "servant of" and
# "father of" before it (عبد الله), "of the faith" and "of God" after a first part.
_AR_COMPOUND_FIRSTS = frozenset("عبد ابو أبو".split())
_AR_COMPOUND_SECONDS = frozenset("الدين الدین الله".split())


def _ar_function_word(word: str) -> bool:
    """A function word, bare or after a one-letter clitic ("ومن", and from)."""
    return word in _AR_STOP or (len(word) > 2 and word[0] in _AR_CLITICS and word[1:] in _AR_STOP)


def _demonym(word: str) -> bool:
    """A Korean, Chinese or Japanese word for a people: a place and 인/人 (미국인, 美国人)."""
    return len(word) >= 3 and word[-1] in "인人" and gazetteer.table().exact.get(gazetteer.norm(word[:-1])) is not None


def _single_word_place(word: str, place: gazetteer.Place) -> bool:
    """One word of an uncased script names a place only if the place is a country, an
    institution or a large city: smaller cities' names are too often words (مدينة is
    "city" and Medina; कदम is "step")."""
    if word in _COMMON_WORDS:
        return False
    return place.kind != "city" or place.rank >= MIN_SINGLE_WORD_CITY


def _regnal_spaced(text: str) -> list[Found]:
    out: list[Found] = []
    for m in _KO_REGNAL.finditer(text):
        name = _peel(m.group(1))[-1]
        out.append((f"{name} {m.group(2)}세", "person", regnal_key(name, int(m.group(2)))))
    if _ARABIC.search(text):
        for m in _AR_REGNAL.finditer(text):
            name, ordinal, teen = m.groups()
            value = _AR_ORDINALS.get(ordinal)
            if value is None or not _ARABIC.search(name) or name.startswith("ال"):
                continue
            if teen == "عشر":
                value += 10
            elif teen:
                value += 20
            out.append((m.group(0), "person", regnal_key(name, value)))
    return out


@lru_cache(maxsize=1)
def _han_name_chars() -> frozenset[str]:
    """Characters Chinese uses to spell foreign names: those of the Chinese names of
    cities outside China, Japan and Korea (芝加哥, 伊斯兰堡, 奇克拉约...)."""
    chars: dict[str, int] = {}
    for alias, place in gazetteer.table().exact.items():
        if place.kind == "city" and _HAN.search(alias) and place.foreign_han:
            for ch in alias:
                if _HAN.match(ch):
                    chars[ch] = chars.get(ch, 0) + 1
    return frozenset(ch for ch, c in chars.items()
                     if c >= MIN_HAN_NAME_CHAR and ch not in _HAN_PLACE_WORDS and ch not in _HAN_PARTICLES)


def unspaced_names(text: str, known_loose: dict[str, str]) -> list[Found]:
    """Names in Chinese, Japanese, Thai, Burmese: gazetteer places, dotted foreign names,
    regnal names and windows of name characters that spell a known name."""
    found: list[Found] = []
    taken = bytearray(len(text))
    for s, e, place in gazetteer.scan_unspaced(text):
        found.append(_place_found(text[s:e], place))
        taken[s:e] = b"\x01" * (e - s)
    name_chars = _han_name_chars() if _HAN.search(text) else frozenset()
    for m in _CJK_REGNAL.finditer(text):
        value = cjk_value(m.group(2))
        name = m.group(1)
        for t in _ZH_TITLES:
            name = name.split(t)[-1]
        if name_chars:  # 取名良十四世 ("took the name Leo XIV"): the name is 良
            while len(name) > 1 and name[0] not in name_chars:
                name = name[1:]
        if value and name and not any(taken[m.start():m.end()]):
            found.append((name + m.group(2) + "世", "person", regnal_key(name, value)))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _DOTTED.finditer(text):
        if any(taken[m.start():m.end()]):
            continue
        first, last = m.group(1), m.group(2)
        for t in _ZH_TITLES:
            first = first.split(t)[-1]
        if name_chars:
            # Trim the words glued on each side to the name characters next to the dot.
            k = len(first)
            while k > 0 and (first[k - 1] in name_chars or not _HAN.match(first[k - 1])):
                k -= 1
            first = first[k:]
            k = 0
            while k < len(last) and (last[k] in name_chars or not _HAN.match(last[k])):
                k += 1
            last = last[:k].rstrip(_HAN_PARTICLES)
        if first and last:
            lk = loose_token(last)
            key = known_loose.get(lk) if len(lk) >= 2 else None
            if key is None:
                from tidings.understand.names import name_key

                key = name_key(f"{first} {last}")  # keyed as a Latin full name would be
            sep = text[m.start(2) - 1]
            found.append((first + sep + last, "person", key))
            s = m.start(2) - 1 - len(first)
            taken[s:s + len(first) + 1 + len(last)] = b"\x01" * (len(first) + 1 + len(last))
    if name_chars:
        found.extend(_han_titled(text, taken, name_chars, known_loose))
    if known_loose and name_chars:
        found.extend(_han_windows(text, taken, name_chars, known_loose))
    if known_loose:
        for m in _KATAKANA.finditer(text):
            if not any(taken[m.start():m.end()]):
                lk = loose_token(m.group())
                if len(lk) >= 3 and lk in known_loose:
                    found.append((m.group(), "name", known_loose[lk]))
    return found


MAX_HAN_NAME = 6  # characters of a foreign name written without a middle dot


def _han_titled(text: str, taken: bytearray, name_chars: frozenset[str],
                known_loose: dict[str, str]) -> list[Found]:
    """Foreign names right after a title word (秘书长古特瑞斯, 外交大臣拉米): a run of two to
    six characters that spell foreign names; its other occurrences in the text count too.
    Keyed by a name the other articles know when its loose skeleton meets one."""
    from tidings.understand.names import name_key

    names: set[str] = set()
    for t in _ZH_TITLES:
        start = text.find(t)
        while start >= 0:
            i = j = start + len(t)
            while j < len(text) and j - i < MAX_HAN_NAME and not taken[j] and text[j] in name_chars:
                j += 1
            if j - i >= 2:
                names.add(text[i:j])
            start = text.find(t, i)
    out: list[Found] = []
    for name in sorted(names, key=len, reverse=True):
        lk = loose_token(name)
        key = known_loose.get(lk) if len(lk) >= 2 else None
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if not any(taken[pos:end]):
                out.append((name, "person", key or name_key(name)))
                taken[pos:end] = b"\x01" * len(name)
            pos = text.find(name, end)
    return out


def _han_windows(text: str, taken: bytearray, name_chars: frozenset[str],
                 known_loose: dict[str, str]) -> list[Found]:
    out: list[Found] = []
    i, n = 0, len(text)
    while i < n:
        if taken[i] or text[i] not in name_chars:
            i += 1
            continue
        j = i
        while j < n and not taken[j] and text[j] in name_chars and j - i < 12:
            j += 1
        run = text[i:j]
        k = 0
        while k < len(run) - 1:
            for size in range(min(6, len(run) - k), 2, -1):  # two characters spell too much
                lk = loose_token(run[k:k + size])
                if len(lk) >= 3 and lk in known_loose:
                    out.append((run[k:k + size], "name", known_loose[lk]))
                    k += size
                    break
            else:
                k += 1
        i = j
    return out


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    from tidings.understand.names import place_key

    return frozenset(place_key(p) for p in set(gazetteer.table().exact.values())
                     if p.kind != "city" or p.rank >= MIN_SINGLE_WORD_CITY)


def loose_lexicon(keys: Iterable[str]) -> dict[str, str]:
    """Loose form -> strict key, for the keys of names known from cased scripts. A loose
    form shared by two keys (Biden and Putin blur in Arabic) names neither."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    places = _place_keys()
    for key in keys:
        # Places are read from the gazetteer in every script; as loose skeletons they
        # would only catch people (杜雅里克, Dujarric, blurs into Turkey).
        if " " in key or "#" in key or len(key) < 2 or key in places:
            continue
        lk = loose_of_key(key)
        if lk in out and out[lk] != key:
            clash.add(lk)
        out[lk] = key
    for lk in clash:
        del out[lk]
    return out


def has_uncased(text: str) -> bool:
    return bool(_SPACED.search(text) or _UNSPACED.search(text))


def uncased_names(text: str, known: Iterable[str] = (), spans: list[tuple[int, int]] | None = None) -> list[Found]:
    """Names in the parts of `text` written in scripts without capitals; `spans` collects
    the character spans of gazetteer names (so other readers can skip them)."""
    known_loose = loose_lexicon(known)
    found: list[Found] = []
    if _UNSPACED.search(text):
        found.extend(unspaced_names(text, known_loose))
    if _SPACED.search(text):
        found.extend(spaced_names(text, known_loose, spans))
    return found
