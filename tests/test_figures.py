"""Figures: numbers with what they count, normalised across locales and scripts."""

import pytest

from tidings.understand.figures import extract


def one(text, lang):
    figs = extract(text, lang)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize(
    "text, lang, value, what",
    [
        ("Russia launched more than 6,000 drones last month.", "en", 6000, "drones"),
        ("Rusia a lansat 6.000 de drone luna trecută.", "ro", 6000, "drone"),
        ("रूस ने पिछले महीने 6000 से अधिक ड्रोन हमले किए थे", "hi", 6000, "ड्रोन हमले"),
        ("रूस ने ६००० ड्रोन दागे", "hi", 6000, "ड्रोन दागे"),
        ("एक ड्रोन हमले में 3 लोगों की मौत हो गई", "hi", 3, "लोगों"),
        ("The sides swapped 314 prisoners on Friday.", "en", 314, "prisoners"),
        ("Les deux camps ont échangé 157 prisonniers.", "fr", 157, "prisonniers"),
        ("Más de 3 000 personas fueron evacuadas", "es", 3000, "personas"),
        ("Über 1.250 Menschen wurden evakuiert", "de", 1250, "menschen"),
    ],
)
def test_counts_and_what_they_count(text, lang, value, what):
    f = one(text, lang)
    assert f.value == value and f.what == what


def test_percent_and_noun_phrase_after_of():
    f = one("Russia wants troops to leave about 20% of the Donetsk area.", "en")
    assert (f.value, f.unit, f.what) == (20, "%", "donetsk area")


def test_scales_decimals_and_currencies_by_locale():
    assert one("Guvernul a alocat 1,5 milioane de lei spitalelor.", "ro").value == 1_500_000
    f = one("The fund reached 2.3 million dollars by March.", "en")
    assert (f.value, f.unit) == (2_300_000, "USD")
    f = one("Die Regierung zahlt 1.250,5 Millionen Euro.", "de")
    assert (f.value, f.unit) == (1_250_500_000, "EUR")
    figs = extract("₹5 crore और 2 लाख लोग", "hi")
    assert [(f.value, f.unit) for f in figs] == [(50_000_000, "INR"), (200_000, "")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("On 30 January 2026 at 18:20 the talks began.", "en"),
        ("28 ian. 2026, 18:20, Știri externe", "ro"),
        ("Jan 9 2024 5:53PM", "en"),
        ("वार्ता का अगला दौर 1 फरवरी को होगा", "hi"),
        ("In 2024 the same thing happened.", "en"),
        ("the 3rd round", "en"),
    ],
)
def test_years_times_dates_and_ordinals_are_not_figures(text, lang):
    assert extract(text, lang) == []


def test_bare_numbers_without_a_counted_thing_are_skipped():
    assert extract("Article 5.", "en") == []
    assert extract("", "en") == []


@pytest.mark.parametrize(
    "text, lang, what",
    [
        # Vowel signs and tone marks are combining marks, which str.isalnum() leaves out.
        ("มีผู้บาดเจ็บ 35 คน", "th", "คน"),
        ("เกิดอาฟเตอร์ช็อก 12 ครั้ง", "th", "ครั้ง"),
        ("நிலநடுக்கத்தில் 45 பேர் உயிரிழந்தனர்", "ta", "பேர் உயிரிழந்தனர்"),
        ("ভূমিকম্পে 18 জন নিহত", "bn", "জন নিহত"),
    ],
)
def test_words_of_abugidas_are_read_whole(text, lang, what):
    assert one(text, lang).what == what
