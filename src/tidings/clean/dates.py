"""Dates: reading them in every script we meet, and judging them (the one date module).

Both the publication date (clean) and the time of the reported happening (understand)
read dates through `scan`: ISO and numeric forms, day-month-year and month-day-year with
month names in our languages (Latin, Cyrillic incl. Ukrainian and Belarusian genitives,
Greek, Arabic and its Levantine and Persian names, Persian solar months, Devanagari,
Bengali, Gujarati, Tamil, Telugu, Malayalam, Urdu, Thai with Buddhist-era years, Burmese),
CJK 年月日 and Korean 년월일, and a weekday with a day ("segunda-feira (21)", "lunedì 21").
Every decimal digit script is read as ASCII digits first.

A date without a year, or a weekday with only a day, is resolved only against a known
context (a publication date, a month header, a URL month): a wrong date is worse than
none. A bare year is never a date ("Copyright © 2024"), and dates before
config.date_min_year or more than config.date_max_future_days ahead are rejected.
Local times keep their own day and zone ("01:05 IST" on 7 May stays 7 May, +05:30).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from tidings.config import DEFAULT, Config

# --- tables ---------------------------------------------------------------------------
# Full month names (any case, accents optional) and, separately, abbreviations: a yearless
# "5 mar" or "3 set" is too often something else, so abbreviations need a year or a dot.
_MONTH_NAMES = [
    # 1
    ("january januar jänner janvier enero gennaio janeiro januari ianuarie stycznia styczeń "
     "ledna leden január januára siječnja siječanj jaanuar tammikuuta sausio janvāris "
     "ocak gener urtarrila "
     "января январь січня січень студзеня студзень януари јануар јануара "
     "ιανουαρίου ιανουάριος يناير جانفي ژانویه ژانويه جنوری "
     "जनवरी जानेवारी জানুয়ারি জানুয়ারী જાન્યુઆરી ஜனவரி జనవరి ജനുവരി "
     "มกราคม ဇန်နဝါရီ enero"),
    # 2
    ("february februar février fevrier febrero febbraio fevereiro februari februarie lutego "
     "luty února únor február februára veljače veljača veebruar helmikuuta vasario "
     "şubat subat febrer pebrero "
     "февраля февраль лютого лютий лютага люты февруари фебруар фебруара "
     "φεβρουαρίου φεβρουάριος فبراير فيفري شباط فوریه فوريه فروری "
     "फरवरी फ़रवरी फेब्रुवारी ফেব্রুয়ারি ফেব্রুয়ারী ફેબ્રુઆરી பிப்ரவரி ఫిబ్రవరి ഫെബ്രുവരി "
     "กุมภาพันธ์ ဖေဖော်ဝါရီ"),
    # 3
    ("march märz maerz mars marzo março marco maart maret martie marca marzec března březen "
     "március marca ožujka ožujak märts maaliskuuta kovo mart març marso "
     "марта март березня березень сакавіка сакавік март марта "
     "μαρτίου μάρτιος مارس آذار مارچ "
     "मार्च মার্চ માર્ચ மார்ச் మార్చి മാർച്ച് "
     "มีนาคม မတ်"),
    # 4
    ("april avril abril aprile aprilie kwietnia kwiecień dubna duben április apríla travnja "
     "travanj aprill huhtikuuta balandžio nisan abril "
     "апреля апрель квітня квітень красавіка красавік април априла "
     "απριλίου απρίλιος أبريل ابريل إبريل أفريل نيسان آوریل اپریل "
     "अप्रैल एप्रिल এপ্রিল એપ્રિલ ஏப்ரல் ఏప్రిల్ ഏപ്രിൽ "
     "เมษายน ဧပြီ"),
    # 5
    ("may mai mayo maggio maio mei maja maj května květen május mája svibnja svibanj "
     "toukokuuta gegužės mayıs mayis maig "
     "мая май травня травень мая травень май мај маја "
     "μαΐου μαίου μάιος μαΐου مايو ماي أيار ايار مه می مئی "
     "मई मे মে મે மே మే മേയ് "
     "พฤษภาคม မေ"),
    # 6
    ("june juni juin junio giugno junho czerwca czerwiec června červen június júna lipnja "
     "lipanj juuni kesäkuuta birželio haziran juny hunyo "
     "июня июнь червня червень чэрвеня чэрвень юни јун јуна "
     "ιουνίου ιούνιος يونيو يونيه جوان حزيران ژوئن جون "
     "जून জুন જૂન ஜூன் జూన్ ജൂൺ "
     "มิถุนายน ဇွန်"),
    # 7
    ("july juli juillet julio luglio julho lipca lipiec července červenec július júla srpnja "
     "srpanj juuli heinäkuuta liepos temmuz juliol hulyo "
     "июля июль липня липень ліпеня ліпень юли јул јула "
     "ιουλίου ιούλιος يوليو يوليه جويلية تموز ژوئیه ژوئيه جولای جولائی "
     "जुलाई जुलै জুলাই જુલાઈ ஜூலை జూలై ജൂലൈ "
     "กรกฎาคม ဇူလိုင်"),
    # 8
    ("august août aout agosto augustus agustus sierpnia sierpień srpna srpen augusztus "
     "augusta kolovoza kolovoz elokuuta rugpjūčio ağustos agost "
     "августа август серпня серпень жніўня жнівень август августа "
     "αυγούστου αύγουστος أغسطس اغسطس أوت آب اوت آگوست اگست "
     "अगस्त ऑगस्ट আগস্ট ઓગસ્ટ ஆகஸ்ட் ఆగస్టు ഓഗസ്റ്റ് "
     "สิงหาคม ဩဂုတ်"),
    # 9
    ("september septembre septiembre setiembre settembre setembro septembrie września "
     "wrzesień září szeptember septembra rujna rujan septembar syyskuuta rugsėjo eylül "
     "setembre setyembre "
     "сентября сентябрь вересня вересень верасня верасень септември септембар септембра "
     "σεπτεμβρίου σεπτέμβριος سبتمبر سپتامبر ستمبر أيلول ايلول "
     "सितंबर सितम्बर सप्टेंबर সেপ্টেম্বর સપ્ટેમ્બર செப்டம்பர் సెప్టెంబర్ സെപ്റ്റംബർ "
     "กันยายน စက်တင်ဘာ"),
    # 10
    ("october oktober octobre octubre ottobre outubro octombrie października październik "
     "října říjen október októbra oktobar lokakuuta spalio ekim octubre "
     "octubre oktubre "
     "октября октябрь жовтня жовтень кастрычніка кастрычнік октомври октобар октобра "
     "οκτωβρίου οκτώβριος أكتوبر اكتوبر اکتبر اکتوبر "
     "अक्टूबर अक्तूबर ऑक्टोबर অক্টোবর ઓક્ટોબર அக்டோபர் అక్టోబర్ ഒക്ടോബർ "
     "ตุลาคม အောက်တိုဘာ"),
    # 11
    ("november novembre noviembre novembro noiembrie listopada listopad listopadu "
     "novembra studenoga studenog studeni marraskuuta lapkričio kasım kasim nobyembre "
     "ноября ноябрь листопада листопад лістапада лістапад ноември новембар новембра "
     "νοεμβρίου νοέμβριος نوفمبر نونبر نوامبر نومبر "
     "नवंबर नवम्बर नोव्हेंबर নভেম্বর નવેમ્બર நவம்பர் నవంబర్ നവംബർ "
     "พฤศจิกายน နိုဝင်ဘာ"),
    # 12
    ("december dezember décembre decembre diciembre dicembre dezembro decembrie desember "
     "grudnia grudzień prosince prosinec december decembra prosinca prosinac detsember "
     "joulukuuta gruodžio aralık aralik desembre disyembre "
     "декабря декабрь грудня грудень снежня снежань декември децембар децембра "
     "δεκεμβρίου δεκέμβριος ديسمبر دجنبر دسامبر دسمبر "
     "दिसंबर दिसम्बर डिसेंबर ডিসেম্বর ডিসেম্বর ડિસેમ્બર டிசம்பர் డిసెంబర్ ഡിസംബർ "
     "ธันวาคม ဒီဇင်ဘာ"),
]
_MONTH_ABBR = [
    "jan ian janv ene gen jän янв ιαν",
    "feb febr févr fév fev фев февр φεβ",
    "mar mär мар μαρ",
    "apr avr abr апр απρ",
    "mag",
    "jun iun juin giu июн ιουν",
    "jul iul juil lug июл ιουλ",
    "aug ago авг αυγ",
    "sep sept set сен сент σεπ",
    "oct okt ott out окт οκτ",
    "nov noie нояб ноя νοε",
    "dec dez déc dic дек δεκ",
]
# Croatian and Bosnian "listopad" is October, Polish and Czech November.
_LANG_MONTHS = {"hr": {"listopada": 10, "listopad": 10}, "bs": {"listopada": 10, "listopad": 10}}
# Two-word Levantine names, read as one token.
_MULTIWORD = {"كانون الثاني": "يناير", "كانون الأول": "ديسمبر", "تشرين الأول": "أكتوبر",
              "تشرين الثاني": "نوفمبر"}
_THAI_MONTHS = {
    "มกราคม": 1, "ม.ค.": 1, "กุมภาพันธ์": 2, "ก.พ.": 2, "มีนาคม": 3, "มี.ค.": 3, "เมษายน": 4,
    "เม.ย.": 4, "พฤษภาคม": 5, "พ.ค.": 5, "มิถุนายน": 6, "มิ.ย.": 6, "กรกฎาคม": 7, "ก.ค.": 7,
    "สิงหาคม": 8, "ส.ค.": 8, "กันยายน": 9, "ก.ย.": 9, "ตุลาคม": 10, "ต.ค.": 10,
    "พฤศจิกายน": 11, "พ.ย.": 11, "ธันวาคม": 12, "ธ.ค.": 12,
}
# Persian (Iran) and Dari/Pashto (Afghanistan) solar months, converted to the Gregorian day.
_JALALI = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "شهریور": 6, "مهر": 7,
    "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
    "حمل": 1, "ثور": 2, "جوزا": 3, "سرطان": 4, "اسد": 5, "سنبله": 6, "میزان": 7, "عقرب": 8,
    "قوس": 9, "جدی": 10, "دلو": 11, "حوت": 12,
}

_WEEKDAY_NAMES = [
    ("monday mon luni montag lundi lunes lunedì lunedi segunda-feira poniedziałek poniedzialek "
     "pazartesi maandag pondělí hétfő ponedjeljak ponedeljak esmaspäev mandag måndag senin "
     "понедельник понедельника понеділок понеділка панядзелак панядзелка понеделник "
     "понедељак δευτέρα الاثنين الإثنين دوشنبه सोमवार সোমবার સોમવાર திங்கள் సోమవారం "
     "തിങ്കളാഴ്ച lunes"),
    ("tuesday tue marți marti dienstag mardi martes martedì martedi terça-feira terca-feira "
     "wtorek salı sali dinsdag úterý kedd utorak teisipäev tirsdag tisdag selasa "
     "вторник вторника вівторок вівторка аўторак аўторка вторник уторак τρίτη الثلاثاء "
     "سه‌شنبه سه‌شنبه سهشنبه منگل मंगलवार মঙ্গলবার મંગળવાર செவ்வாய் మంగళవారం ചൊവ്വാഴ്ച"),
    ("wednesday wed miercuri mittwoch mercredi miércoles miercoles mercoledì mercoledi "
     "quarta-feira środa środę sroda çarşamba carsamba woensdag středa szerda srijeda sreda "
     "kolmapäev onsdag rabu miyerkules "
     "среда среду среды середа середу серада сераду сряда сриједа τετάρτη الأربعاء الاربعاء "
     "چهارشنبه بدھ बुधवार বুধবার બુધવાર புதன் బుధవారం ബുധനാഴ്ച"),
    ("thursday thu joi donnerstag jeudi jueves giovedì giovedi quinta-feira czwartek "
     "perşembe persembe donderdag čtvrtek csütörtök četvrtak neljapäev torsdag kamis huwebes "
     "четверг четверга четвер чацвер четвъртък четвртак πέμπτη الخميس پنجشنبه پنج‌شنبه "
     "جمعرات गुरुवार बृहस्पतिवार বৃহস্পতিবার ગુરુવાર வியாழன் గురువారం വ്യാഴാഴ്ച"),
    ("friday fri vineri freitag vendredi viernes venerdì venerdi sexta-feira piątek piatek "
     "cuma vrijdag pátek péntek petak reede fredag jumat jum'at biyernes "
     "пятница пятницу пятницы пʼятниця пʼятницю п'ятниця п'ятницю пятніца пятніцу петък "
     "петак παρασκευή الجمعة جمعه جمعہ शुक्रवार শুক্রবার શુક્રવાર வெள்ளி శుక్రవారం "
     "വെള്ളിയാഴ്ച"),
    ("saturday sat sâmbătă sambata samstag samedi sábado sabado sabato sobota sobotę "
     "cumartesi zaterdag szombat subota laupäev lørdag lördag sabtu "
     "суббота субботу субботы субота суботу събота σάββατο السبت शनिवार শনিবার શનિવાર "
     "சனி శనివారం ശനിയാഴ്ച"),
    ("sunday sun duminică duminica sonntag dimanche domingo domenica niedziela niedzielę "
     "niedziele zondag neděle vasárnap nedjelja nedelja pühapäev søndag söndag "
     "воскресенье воскресенья неділя неділю нядзеля нядзелю неделя недеља κυριακή الأحد "
     "الاحد یکشنبه اتوار रविवार রবিবার રવિવાર ஞாயிறு ఆదివారం ഞായറാഴ്ച"),
]
# German compounds ("Mittwochabend") and scripts written without spaces.
_DE_PARTS = ("abend", "morgen", "vormittag", "nachmittag", "mittag", "nacht", "früh")
_CJK_WEEKDAYS = {
    **{f"{p}{c}": i for p in ("星期", "周", "週", "禮拜", "礼拜") for i, c in enumerate("一二三四五六")},
    "星期日": 6, "星期天": 6, "周日": 6, "週日": 6, "周天": 6, "禮拜天": 6, "礼拜天": 6,
    **{f"{c}曜日": i for i, c in enumerate("月火水木金土日")},
    **{f"{c}요일": i for i, c in enumerate("월화수목금토일")},
    "วันจันทร์": 0, "วันอังคาร": 1, "วันพุธ": 2, "วันพฤหัสบดี": 3, "วันพฤหัส": 3, "วันศุกร์": 4,
    "วันเสาร์": 5, "วันอาทิตย์": 6,
}


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Case and accents folded, for table look-ups (Greek capitals carry no accents)."""
    word = word.casefold()
    if word.isascii():
        return word
    word = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in word if not unicodedata.combining(c)
                                                 or not ("\u0300" <= c <= "\u036f")))


def _table(groups: list[str], start: int = 1) -> dict[str, int]:
    out: dict[str, int] = {}
    for n, names in enumerate(groups, start=start):
        for name in names.split():
            out.setdefault(_fold(name), n)
    return out


MONTHS: dict[str, int] = _table(_MONTH_NAMES)
_ABBR: dict[str, int] = {k: v for k, v in _table(_MONTH_ABBR).items() if k not in MONTHS}
WEEKDAYS: dict[str, int] = _table(_WEEKDAY_NAMES, start=0)
for _n, _w in enumerate(["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]):
    for _p in _DE_PARTS:
        WEEKDAYS.setdefault(_w + _p, _n)
for _abbr in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
    WEEKDAYS.pop(_abbr, None)  # "Sun" is a newspaper, "sat" a verb: only with a day
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                 "fri": 4, "sat": 5, "sun": 6}

# Letters plus the combining marks of the Indic, Thai, Burmese and Arabic scripts (which
# `\w` leaves out), and the zero-width non-joiner of Persian words.
_MARKS = r"\u0900-\u0963\u0971-\u0DFF\u0E31-\u0E4E\u102B-\u103E\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200c"
_L = rf"(?:[^\W\d_]|[{_MARKS}])"
# One character class is several times faster than the alternation above; it lets digits
# into a "word", which then names no month or weekday and is dropped.
_WORD = rf"[\w{_MARKS}]+(?:['’ʼ-][\w{_MARKS}]+)?"
_NOT_L = rf"[\w{_MARKS}]"
_ZEROS = [0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
          0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10]
_DIGIT_MAP = str.maketrans({chr(z + i): str(i) for z in _ZEROS for i in range(10)})
_OTHER_DIGITS = re.compile("[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in _ZEROS) + "]")
_CJK_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}

_TZ = (r"(?:\s*(?:\(?\s*)(?P<tz>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|IST|GMT|UTC|Z|CET|CEST|"
       r"EET|EEST|MSK|EST|EDT|PST|PDT|BST|JST|KST|HKT|SGT|PKT|NPT|ICT|WIB|EAT|WAT|CAT|AEST|"
       r"AEDT|[+-]\d{2}:?\d{2})\)?)?")
_TIME = (
    r"(?:\s*(?:,|\||at|um|à|a las|alle|la|ora|ore|в|о|-|–|—|T|kl\.?)?\s*"
    r"(?P<hh>\d{1,2})[:.h](?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?"
    r"(?:\s*(?:Uhr|h|hrs|ч\.?))?" + _TZ + r")?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|e|º|\.)?"
_MON = rf"(?P<mon>{_WORD})\.?(?:\s?/\s?{_WORD})?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
_THAI_ALT = "|".join(sorted(map(re.escape, _THAI_MONTHS), key=len, reverse=True))
_MY_MONTHS = {"ဇန်နဝါရီ": 1, "ဖေဖော်ဝါရီ": 2, "မတ်": 3, "ဧပြီ": 4, "မေ": 5, "ဇွန်": 6,
              "ဇူလိုင်": 7, "ဩဂုတ်": 8, "ှဂုတ်": 8, "စက်တင်ဘာ": 9, "အောက်တိုဘာ": 10,
              "နိုဝင်ဘာ": 11, "ဒီဇင်ဘာ": 12}
_MY_ALT = "|".join(sorted(map(re.escape, _MY_MONTHS), key=len, reverse=True))
_CJK_D = r"[\d〇零一二三四五六七八九十廿卅兩两]{1,3}"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 2026-01-30, 2026-01-28T18:20:00+02:00, 2025/05/08 14:00, 2025.05.08
    ("ymd", re.compile(
        r"(?<![\d./-])(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<num>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?![\d/-]|\.\d)"
        r"(?:(?:[T ]|,\s?|\s+)(?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\.\d+)?" + _TZ + r")?"
    )),
    # 2025年5月8日, 2025년 5월 8일, 5月8日, 二〇二五年五月八日
    ("cjk", re.compile(
        rf"(?:(?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*[年년]\s*)?(?P<num>{_CJK_D})\s*[月월]\s*"
        rf"(?P<day>{_CJK_D})\s*[日일号號]"
        r"(?:[^\d\n]{0,12}?(?P<hh>\d{1,2})[:時时시](?P<mm>\d{2})分?)?"
    )),
    # 28 มี.ค.2568, 28 มีนาคม พ.ศ. 2568
    ("thai", re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})\s*(?P<mon>{_THAI_ALT})\s*(?:พ\.ศ\.\s*|ค\.ศ\.\s*)?(?P<year>\d{{4}})?"
    )),
    # ၂၀၂၅ခုနှစ် မတ်လ(၂၉)ရက်
    ("burmese", re.compile(
        rf"(?:(?P<year>\d{{4}})\s*ခုနှစ်\s*[,၊]?\s*)?(?P<mon>{_MY_ALT})\s*လ?\s*\(?\s*(?P<day>\d{{1,2}})\s*\)?\s*ရက်"
    )),
    # 2025. május 8. (Hungarian), 2025 May 8
    ("ymd-name", re.compile(rf"(?<![\d.])(?P<year>\d{{4}})\.?\s+{_MON}\s+(?P<day>\d{{1,2}})\.?(?!\d){_TIME}", re.IGNORECASE)),
    # 28 ian. 2026, 18:20 | 9. Januar 2024 | 30 de enero de 2026 | 30 जनवरी 2026 | 21 avril
    ("dmy", re.compile(
        rf"(?<![\d.:/]){_DAY}\s*(?:de\s+|of\s+|-?(?:lea|ലെ)\s+)?{_MON},?\s*(?:(?:de\s+|del\s+|,\s*)?{_YEAR})?{_TIME}", re.IGNORECASE
    )),
    # January 30, 2026 07:10 | Jan 9 2024 5:53PM | May 7, and a weekday with a day:
    # segunda-feira (21), this Monday (21), lunedì 21 (one pattern: the word decides)
    ("word-day", re.compile(
        rf"(?<!{_NOT_L}){_MON}(?P<sep>,?\s*\(?)(?P<day>\d{{1,2}})(?:st|nd|rd|th|\.)?\)?"
        rf"(?:,?\s+{_YEAR})?(?![\d:/]|\.\d){_TIME}", re.IGNORECASE)),
    ("num", re.compile(rf"(?<![\d./])(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){_YEAR}{_TIME}", re.IGNORECASE)),
]
_MAY_HOLD_DATE = re.compile(r"[0-9月월]")
_NEEDS = {"cjk": re.compile("[月월]"), "thai": re.compile("[\u0e00-\u0e7f]"),
          "burmese": re.compile("ရက်"), "ymd-name": re.compile(r"\d{4}\.?\s+[^\W\d_]")}
_CJK_WEEKDAY = re.compile("|".join(sorted(map(re.escape, _CJK_WEEKDAYS), key=len, reverse=True)))
_YEAR_ANY = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_ZONES = {
    "IST": "+05:30", "GMT": "+00:00", "UTC": "+00:00", "Z": "+00:00", "CET": "+01:00",
    "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "EST": "-05:00",
    "EDT": "-04:00", "PST": "-08:00", "PDT": "-07:00", "BST": "+01:00", "JST": "+09:00",
    "KST": "+09:00", "HKT": "+08:00", "SGT": "+08:00", "PKT": "+05:00", "NPT": "+05:45",
    "ICT": "+07:00", "WIB": "+07:00", "EAT": "+03:00", "WAT": "+01:00", "CAT": "+02:00",
    "AEST": "+10:00", "AEDT": "+11:00",
}
_METADATA_LINE = re.compile(
    r"^\s*(?:date|datum|data|fecha|дата|दिनांक|तारीख|published|publicat|pubdate)\s*[:=]?\s*"
    r"(?P<value>(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)"
    r"(?=\s|$)\s*",
    re.IGNORECASE,
)
_TODAY_WORDS = re.compile(
    r"(?:this morning|this evening|tonight|questa mattina|stamattina|questa sera|stasera|"
    r"esta mañana|esta tarde|esta noche|ce matin|ce soir|cette nuit|heute morgen|heute abend|"
    r"heute früh|nesta manhã|esta manhã|hoje de manhã|dziś rano|azi dimineață|сегодня утром|"
    r"today|heute|aujourd'hui|hoy|oggi|hoje|azi|astăzi|astazi|dziś|dzisiaj|bugün|vandaag|"
    r"сегодня|сьогодні|днес|σήμερα|اليوم|امروز|آج|आज|আজ|今天|今日|本日|오늘|วันนี้|hari ini|"
    r"dnes|danas|ဒီနေ့|ယနေ့)[\s,(]*(?:\S+[\s,(]*)?$",
    re.IGNORECASE,
)
_THIS = re.compile(r"(?:this|ce|cette|cet|este|esta|nesta|neste|desta|deste|questo|questa|"
                   r"dieser|diesen|ce|acest|această|этот|эту|в эту|цей|цю)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A date read from text: `year` None when not written, `month` None for a weekday
    with only a day ("segunda-feira (21)"), `weekday` when one was named beside it."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int
    hh: int | None = None
    mm: int | None = None
    ss: int | None = None
    tz: str | None = None
    weekday: int | None = None
    today: bool = False  # "today", "this Monday": the text dates itself here


def normalise(text: str) -> str:
    """Every script's digits as ASCII (same length, so positions hold)."""
    if text.isascii() or not _OTHER_DIGITS.search(text):
        return text  # translate() walks every character: most texts need none of it
    return text.translate(_DIGIT_MAP)


def month_of(word: str, lang: str | None = None) -> int | None:
    w = _fold(word.strip(".").split("/")[0])
    if lang in _LANG_MONTHS and w in _LANG_MONTHS[lang]:
        return _LANG_MONTHS[lang][w]
    return MONTHS.get(w)


def weekday_of(word: str) -> int | None:
    w = _fold(word)
    day = WEEKDAYS.get(w)
    if day is None:
        day = _CJK_WEEKDAYS.get(word)
    return day


def scan(text: str, lang: str | None = None, limit: int = 50) -> list[Found]:
    """Every date written in `text`, in order, complete or not (see Found)."""
    if not text:
        return []
    if len(text) <= 300:  # header lines are read several times (shape, then date)
        return list(_scan_short(text, lang, limit))
    return _scan(text, lang, limit)


@lru_cache(maxsize=4096)
def _scan_short(text: str, lang: str | None, limit: int) -> tuple[Found, ...]:
    return tuple(_scan(text, lang, limit))


def _scan(text: str, lang: str | None, limit: int) -> list[Found]:
    t = normalise(text)
    if not _MAY_HOLD_DATE.search(t):
        return []  # every form needs a digit, but for CJK numerals before 月
    for multi, single in _MULTIWORD.items():
        if multi in t:
            t = t.replace(multi, single.ljust(len(multi)))
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        needs = _NEEDS.get(kind)
        if needs is not None and not needs.search(t):
            continue  # a script's own pattern is costly to try where the script is absent
        for m in pattern.finditer(t):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            f = _read(kind, m, lang, t)
            if f is None:
                continue
            found.append(f)
            taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found[:limit]


def _read(kind: str, m: re.Match[str], lang: str | None, t: str) -> Found | None:
    g = m.groupdict()
    year = _int(g.get("year"))
    weekday = None
    if kind == "word-day":
        wd = g["mon"].lower()
        weekday = weekday_of(wd)
        if weekday is None and "(" not in g["sep"]:
            weekday = _WEEKDAY_ABBR.get(wd.rstrip("."))
        kind = "weekday" if weekday is not None else "mdy"
        if kind == "mdy" and (not g["sep"] or g["sep"].strip(", ")):
            return None  # "May 7", not "May(7)" or "May7"
    if kind == "weekday":
        if year is not None:
            return None  # "Monday 21, 2025": too odd to guess at
        month, day = None, int(g["day"])
    elif kind in ("ymd", "cjk"):
        month, day = _cjk_int(g["num"]), _cjk_int(g["day"])
        if year is None and g.get("year"):
            year = _cjk_int(g["year"], positional=True)
    elif kind == "thai":
        month, day = _THAI_MONTHS[g["mon"]], int(g["day"])
        if year and year > 2400:
            year -= 543  # Buddhist era
    elif kind == "burmese":
        month, day = _MY_MONTHS[g["mon"]], int(g["day"])
    elif kind == "num":
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day, month = a, b
        elif lang == "en":
            return None  # 04/01/2024: April or January? The English-speaking world splits.
        else:
            day, month = a, b  # day first, as most of the world writes it
    else:
        word = g["mon"]
        jalali = _JALALI.get(word.split("/")[0])
        month = month_of(word, lang)
        day = int(g["day"])
        if jalali and year and 1300 <= year <= 1500:
            d = _jalali_to_gregorian(year, jalali, int(g["day"]))
            if d is None:
                return None
            year, month, day = d.year, d.month, d.day
        elif month is None:
            abbr = _ABBR.get(_fold(word.strip(".")))
            # "3 mar" may be anything; "3 mar. 2025" or "Mar 3, 2025" is a date.
            if abbr is None or not (year or t[m.start("mon") + len(word): m.start("mon") + len(word) + 1] == "."):
                return None
            month = abbr
        elif word == "may" and year is None:
            return None  # "5 may rise": the verb, not the month
        if year is not None and not (1900 <= year <= 2100):
            year = None if kind in ("dmy", "mdy") else year
    if month is not None and not (1 <= month <= 12):
        return None
    if not 1 <= day <= 31:
        return None
    if year is not None and not 1900 <= year <= 2100:
        return None
    hh, mm = _int(g.get("hh")), _int(g.get("mm"))
    if hh is not None and g.get("ampm"):
        ampm = g["ampm"].lower()
        if ampm == "p" and hh < 12:
            hh += 12
        elif ampm == "a" and hh == 12:
            hh = 0
    if hh is not None and (hh > 23 or (mm or 0) > 59):
        hh = mm = None
    before = t[max(0, m.start() - 24): m.start()]
    weekday_at = m.start() if weekday is not None else None
    if weekday is None:
        wm = re.search(rf"({_WORD})[\s,]*(?:\(|,|\s)\s*$", before)
        weekday = weekday_of(wm.group(1)) if wm else None
        if weekday is not None and wm is not None:
            weekday_at = m.start() - len(before) + wm.start(1)
        else:
            cm = _CJK_WEEKDAY.search(t, max(0, m.start() - 6), m.start())
            weekday = _CJK_WEEKDAYS[cm.group()] if cm else None
    # "today, 21 April", "this Monday (21)": the text dates itself here.
    today = bool(_TODAY_WORDS.search(before))
    if not today and weekday_at is not None:
        today = bool(_THIS.search(t[max(0, weekday_at - 12): weekday_at]))
    return Found(m.start(), m.end(), year, month, day, hh, mm, _int(g.get("ss")), g.get("tz"),
                 weekday, today)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _cjk_int(value: str, positional: bool = False) -> int:
    if value.isdigit():
        return int(value)
    if positional:  # 二〇二五
        return int("".join(str(_CJK_NUM.get(c, 0)) for c in value))
    if value[0] in "廿卅":
        return (20 if value[0] == "廿" else 30) + (_CJK_NUM.get(value[1], 0) if len(value) > 1 else 0)
    if "十" in value:
        tens, _, ones = value.partition("十")
        return (_CJK_NUM.get(tens, 1) if tens else 1) * 10 + (_CJK_NUM.get(ones, 0) if ones else 0)
    return _CJK_NUM.get(value, 0) if len(value) == 1 else 0


def _jalali_leap(jy: int) -> bool:
    return (jy * 8 + 29) % 33 < 8  # the 33-year arithmetic rule, exact for our years


def _jalali_to_gregorian(jy: int, jm: int, jd: int) -> date | None:
    """Solar Hijri (Persian) -> Gregorian, counted from 1 Farvardin 1403 = 20 March 2024."""
    if not (1 <= jm <= 12 and 1 <= jd <= (31 if jm <= 6 else 30)) or not 1300 <= jy <= 1500:
        return None
    if jm == 12 and jd == 30 and not _jalali_leap(jy):
        return None
    start = date(2024, 3, 20)
    for y in range(1403, jy):
        start += timedelta(days=366 if _jalali_leap(y) else 365)
    for y in range(jy, 1403):
        start -= timedelta(days=366 if _jalali_leap(y) else 365)
    return start + timedelta(days=(jm - 1) * 31 if jm <= 7 else 186 + (jm - 7) * 30) + timedelta(days=jd - 1)


# --- resolving -----------------------------------------------------------------------
def resolve(f: Found, ref: date | None = None, month: tuple[int, int] | None = None) -> date | None:
    """The day a Found means: as written when complete; a yearless date takes the year
    that puts it nearest `ref` (within half a year) or the year of `month`; a weekday
    with a day needs `month` or `ref`, and the weekday must agree."""
    if f.month is None:
        return _weekday_day(f, ref, month)
    year = f.year
    if year is None:
        if month is not None:
            year = month[0]
            if ref is None and f.month != month[1]:
                return None  # "30 December" under a May header: which year? none said
        elif ref is not None:
            year = ref.year
        else:
            return None
    try:
        d: date | None = date(year, f.month, f.day)
    except ValueError:
        return None
    if d is not None and f.year is None and ref is not None:
        # "1 February" in a late-January story is this year; "30 December" in a January
        # story is last year.
        if (d - ref).days > 180:
            d = _replace_year(d, d.year - 1)
        elif (ref - d).days > 180:
            d = _replace_year(d, d.year + 1)
    if d is None or (f.weekday is not None and d.weekday() != f.weekday):
        return None  # "lunes 21 de abril" must be a Monday
    return d


def _replace_year(d: date, year: int) -> date | None:
    try:
        return d.replace(year=year)
    except ValueError:
        return None


def _weekday_day(f: Found, ref: date | None, month: tuple[int, int] | None) -> date | None:
    if f.weekday is None:
        return None
    if month is not None:
        y, mo = month
        candidates = [(y, mo)]
    elif ref is not None:
        prev = (ref.replace(day=1) - timedelta(days=1))
        candidates = [(ref.year, ref.month), (prev.year, prev.month)]
    else:
        return None
    for y, mo in candidates:
        if f.day > calendar.monthrange(y, mo)[1]:
            continue
        d = date(y, mo, f.day)
        if d.weekday() == f.weekday and (ref is None or abs((ref - d).days) <= 7):
            return d
    return None


# --- publication dates ---------------------------------------------------------------
def to_datetime(iso: str | None) -> datetime | None:
    """An ISO date from a record -> datetime (naive when no zone was known)."""
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return None


def parse_iso(value: str | None) -> date | None:
    """The day of an ISO date or datetime; None for a month-only "2025-09" (no day)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_window(value: str | None) -> tuple[date, date] | None:
    """The days a date allows: a month-only "2025-09" -> (1 Sep, 30 Sep); a day -> (day, day)."""
    if not value:
        return None
    day = parse_iso(value)
    if day is not None:
        return day, day
    m = re.fullmatch(r"((?:19|20)\d{2})-(\d{2})", value.strip())
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    y, mo = int(m[1]), int(m[2])
    return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])


def split_metadata_line(text: str) -> tuple[str | None, str]:
    """A leading " date 2026-01-30 " metadata prefix -> (ISO date, the text without it).
    A month-only " date 2025-09 " gives "2025-09"."""
    m = _METADATA_LINE.match(text)
    if not m:
        return None, text
    value = m["value"]
    if value.count("-") == 1:
        y, mo = map(int, value.split("-"))
        ok = 1 <= mo <= 12 and _month_plausible(y, mo, DEFAULT)
        return (f"{y:04d}-{mo:02d}" if ok else None), text[m.end():]
    found = [f for f in scan(value) if f.year]
    return (_iso(found[0], DEFAULT) if found else None), text[m.end():]


def _month_plausible(y: int, mo: int, config: Config) -> bool:
    return plausible(datetime(y, mo, 1), config)


def date_in_url(url: str | None, config: Config = DEFAULT, lang: str | None = None) -> str | None:
    """The day a URL's path or query gives: /2026/01/30/, /2026-01-30/, 20260130 in a slug
    (also a 20250421165624 time stamp), /202505/08/, /10may2025/, ?date=2025-05-06,
    ?cdate=26042025, /04/01/2024/ (month first for US-style English, else day first)."""
    found = _url_dates(url, config, lang)
    return next((v for v in found if len(v) == 10), None)


def month_in_url(url: str | None, config: Config = DEFAULT) -> str | None:
    """"2025-05" from /2025/05/slug or nachrichten-2025-05/ when the URL gives no day."""
    found = _url_dates(url, config, None)
    return next((v for v in found if len(v) == 7), None)


_URL_PATTERNS = [
    # /2025/09/04/ /2025-09-04 /2025_09_04 (but not /2025/04/26.html, a number as file name)
    re.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)\d{2})(?P<s>[/_-])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?=[/_-]|$)"),
    re.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![0-9])"),
    # /202505/08/
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)/(?P<d>[0-3]\d)(?=[/_.-]|$)"),
    # 20250506 in a slug or id, alone or opening a time stamp (20250421165624609)
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?P<rest>\d{4,9})?(?![0-9])"),
    # /04/01/2024/ and /28-04-2025/
    re.compile(r"(?<![0-9A-Za-z])(?P<a>[0-3]?\d)(?P<s>[/_-])(?P<b>[0-3]?\d)(?P=s)(?P<y>(?:19|20)\d{2})(?=[/_.-]|$)"),
    # /10may2025/ /10-may-2025
    re.compile(r"(?<![0-9A-Za-z])(?P<d>[0-3]?\d)-?(?P<mon>[a-z]{3,9})-?(?P<y>(?:19|20)\d{2})(?![0-9])", re.IGNORECASE),
]
_URL_MONTH = re.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)\d{2})(?P<s>[/_-])(?P<m>[01]\d)(?=/|$)")


def _url_dates(url: str | None, config: Config, lang: str | None) -> list[str]:
    if not url:
        return []
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return []
    path = parts.path
    out: list[str] = []
    for key, value in parse_qsl(parts.query):
        if "date" in key.lower() or key.lower() in ("d", "day", "dt"):
            v = _query_date(value, config)
            if v:
                out.append(v)
    for i, p in enumerate(_URL_PATTERNS):
        for m in p.finditer(path):
            g = m.groupdict()
            y = int(g["y"])
            if i == 3 and g.get("rest") and not _time_stamp(g["rest"]):
                continue
            if i == 4:
                a, b = int(g["a"]), int(g["b"])
                if a > 12 >= b:
                    d, mo = a, b
                elif b > 12 >= a:
                    mo, d = a, b
                elif a == b:
                    d = mo = a
                elif lang == "en" and _tld(parts.hostname) not in _DAY_FIRST_TLDS:
                    mo, d = a, b
                else:
                    d, mo = a, b
            elif i == 5:
                mo = month_of(g["mon"]) or _ABBR.get(_fold(g["mon"])) or 0
                d = int(g["d"])
                if not mo or not g["mon"].isascii():
                    continue
            else:
                mo, d = int(g["m"]), int(g["d"])
            v = _day_iso(y, mo, d, config)
            if v:
                out.append(v)
    for m in _URL_MONTH.finditer(path):
        y, mo = int(m["y"]), int(m["m"])
        if 1 <= mo <= 12 and _month_plausible(y, mo, config):
            out.append(f"{y:04d}-{mo:02d}")
    return out


_DAY_FIRST_TLDS = {"uk", "in", "au", "nz", "ie", "pk", "za", "ng", "ke", "sg", "my", "bd",
                   "lk", "np", "gh"}


def _tld(host: str | None) -> str:
    return (host or "").rsplit(".", 1)[-1].lower()


def _time_stamp(rest: str) -> bool:
    """The digits after a YYYYMMDD: a time (hhmm, hhmmss, hhmmss+ms), not more id digits."""
    return len(rest) >= 4 and int(rest[:2]) <= 23 and int(rest[2:4]) <= 59


def _query_date(value: str, config: Config) -> str | None:
    value = value.strip()
    m = re.fullmatch(r"((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:[T ].*)?", value)
    if m:
        return _day_iso(int(m[1]), int(m[2]), int(m[3]), config)
    m = re.fullmatch(r"(\d{2})[-./]?(\d{2})[-./]?((?:19|20)\d{2})", value)  # 26042025
    if m:
        return _day_iso(int(m[3]), int(m[2]), int(m[1]), config)
    return None


def _day_iso(y: int, mo: int, d: int, config: Config) -> str | None:
    try:
        day = datetime(y, mo, d)
    except ValueError:
        return None
    return day.date().isoformat() if plausible(day, config) else None


def date_in_path(path: str | None, config: Config = DEFAULT) -> str | None:
    """A date in a file name or path ("novosti/2025-10-02-putin.txt", "x-20260311.html")."""
    if not path:
        return None
    m = re.search(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)\d{2})[-_/.]?(?P<m>[01]\d)[-_/.]?(?P<d>[0-3]\d)(?![0-9A-Za-z])",
                  path)
    if not m:
        return None
    return _day_iso(int(m["y"]), int(m["m"]), int(m["d"]), config)


def find_dates(text: str, lang: str | None = None, config: Config = DEFAULT, limit: int = 20) -> list[str]:
    """Full dates (day, month and year written) in `text`, in order, as ISO strings."""
    out = []
    for f in scan(text, lang, limit=200):
        if f.year is None or f.month is None:
            continue
        iso = _iso(f, config)
        if iso:
            out.append(iso)
            if len(out) >= limit:
                break
    return out


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first full date in `text` is (start, end), by our patterns."""
    for f in scan(text, limit=10):
        if f.year is not None and f.month is not None and _iso(f, DEFAULT):
            return f.start, f.end
    return None


def parse_date(line: str, lang: str | None = None, config: Config = DEFAULT,
               base: datetime | None = None) -> str | None:
    """The first full date in a short string (a dateline), by our patterns, then dateparser.
    A relative form ("acum 3 ore", "il y a 48 minutes") is a date only against `base`, a
    known time (a crawl time); without one it is none."""
    dates = find_dates(line, lang, config, limit=1)
    if dates:
        return dates[0]
    if any(f.year is not None and f.month is not None for f in scan(line, lang, limit=5)):
        return None  # we read a date and judged it (a weekday that disagrees, implausible)
    has_year = bool(_YEAR_ANY.search(normalise(line)))
    if not has_year and base is None:
        return None  # no year: dateparser would invent one
    return _dateparser(line, lang, config, base)


def in_month(iso: str | None, month: str | None) -> bool:
    return bool(iso and month and iso.startswith(month))


def plausible(dt: datetime, config: Config = DEFAULT) -> bool:
    """Not before config.date_min_year, not more than config.date_max_future_days ahead."""
    if dt.year < config.date_min_year:
        return False
    now = datetime.now(UTC) if dt.tzinfo else datetime.now()
    return dt <= now + timedelta(days=config.date_max_future_days)


def iso_of(f: Found, config: Config = DEFAULT, day: date | None = None) -> str | None:
    """A Found (or the day it was resolved to) as an ISO date or datetime, if plausible."""
    return _iso(f, config, day)


def _iso(f: Found, config: Config, day: date | None = None) -> str | None:
    if day is None:
        if f.year is None or f.month is None:
            return None
        try:
            day = date(f.year, f.month, f.day)
        except ValueError:
            return None
        if f.weekday is not None and day.weekday() != f.weekday:
            return None  # a weekday that disagrees: one of the two is wrong
    if f.hh is None:
        dt = datetime(day.year, day.month, day.day)
        return day.isoformat() if plausible(dt, config) else None
    dt = datetime(day.year, day.month, day.day, f.hh, f.mm or 0, f.ss or 0)
    if not plausible(dt, config):
        return None
    iso = dt.isoformat()
    if f.tz:
        iso += _offset(f.tz)
    return iso


def _offset(tz: str) -> str:
    tz = tz.upper().replace(" ", "")
    if tz in _ZONES:
        return _ZONES[tz]
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", tz)
    if not m:
        return ""
    return f"{m[1]}{int(m[2]):02d}:{m[3] or '00'}"


def _dateparser(line: str, lang: str | None, config: Config, base: datetime | None) -> str | None:
    line = line.strip()[:120]
    line = re.sub(r"\bIST\b", "+0530", line)
    dt = _dateparser_parse(line, lang, base)
    if dt is None or not plausible(dt, config):
        return None
    if dt.hour or dt.minute:
        return dt.isoformat()
    return dt.date().isoformat()


# A relative form ("48 minutes ago") against this base lands before config.date_min_year,
# so an unanchored relative date is rejected as implausible rather than taken as now.
_NO_BASE = datetime(1900, 1, 1)


@lru_cache(maxsize=4096)
def _dateparser_parse(line: str, lang: str | None, base: datetime | None = None) -> datetime | None:
    import dateparser
    from dateparser.search import search_dates

    settings = {"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": base or _NO_BASE}
    if base is None:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    languages = [lang] if lang and lang != "en" else []
    languages.append("en")
    try:
        dt = dateparser.parse(line, languages=languages, settings=settings)  # type: ignore[arg-type]
        if dt is None:
            found = search_dates(line, languages=languages, settings=settings)  # type: ignore[arg-type]
            dt = found[0][1] if found else None
    except Exception:  # noqa: BLE001  (an unsupported language code, or dateparser's own bugs)
        return None
    return dt


# --- relative days -------------------------------------------------------------------
YESTERDAY = {
    "yesterday", "ieri", "gestern", "hier", "ayer", "вчера", "учора", "вчора", "wczoraj", "dün",
    "gisteren", "ontem", "včera", "tegnap", "jučer", "juče", "juce", "eile", "kemarin",
    "kahapon", "χθες", "χτες", "গতকাল", "أمس", "الأمس", "امس", "دیروز", "igår", "igar",
}
TODAY = {
    "today", "azi", "astăzi", "astazi", "heute", "aujourd'hui", "hoy", "oggi", "сегодня",
    "сьогодні", "днес", "dzisiaj", "dziś", "bugün", "vandaag", "hoje", "dnes", "danas",
    "σήμερα", "اليوم", "امروز", "आज", "আজ",
}
_CJK_YESTERDAY = re.compile(r"昨日|昨天|어제|เมื่อวาน")
_CJK_TODAY = re.compile(r"今日|今天|本日|오늘|วันนี้")
_AGO = re.compile(
    r"(?:\b(?:vor|acum|il y a|hace|há|ha|před|пред|قبل)\s+\d{1,3}\s+\S+)"
    r"|(?:\d{1,3}\s*\S+\s+(?:ago|fa|temu|назад|тому|पहले|আগে|پیش|önce|geleden|ago|siden|sedan|yang lalu))"
    r"|(?:\d{1,3}\s*(?:天|日|小时|小時|時間|分钟|分鐘|分|週間|周)前)"
    r"|(?:\d{1,3}\s*(?:일|시간|분)\s*전)",
    re.IGNORECASE,
)


def relative_days(text: str, pub: datetime, lang: str | None) -> list[tuple[int, date]]:
    """(position, day) for "vor 2 Tagen", "acum 3 ore", "3 घंटे पहले", "3天前", "قبل يومين"...
    against `pub`, read by dateparser (given the language, well under a millisecond each)."""
    out: list[tuple[int, date]] = []
    t = normalise(text)
    for m in _AGO.finditer(t):
        dt = _dateparser_parse(m.group(), lang, pub.replace(tzinfo=None))
        if dt is not None and dt <= pub.replace(tzinfo=None) + timedelta(minutes=1) \
                and (pub.replace(tzinfo=None) - dt).days <= 62:
            out.append((m.start(), dt.date()))
    return out
