"""Entries typed, split, merged and named from the words around their names
(`tidings.brief.entity_context`); sentences of our own, in the languages they name."""

from entity_fixtures import ranked_entities

from tidings.brief.summary import units_of
from tidings.understand.names import extract


def brief(texts, authors=None):
    return ranked_entities(texts, authors=authors, outlets=True)


def holding(ranked, variant):
    return [e for e in ranked if variant in e["variants"]]


COUNCIL = [
    ("uk", "uk", "Українську делегацію у Женеві очолив секретар РНБО Олег Бондар. Зустріч тривала "
                 "дві години, повідомив Бондар журналістам."),
    ("ru", "ru", "Украинскую делегацию в Женеве возглавил секретарь СНБО Олег Бондарь. Переговоры "
                 "открыл глава МИД Турции Хакан Озтюрк."),
    ("en", "en", "The Ukrainian delegation was led by security council secretary Oleg Bondar. "
                 "Bondar said the talks in Geneva had been useful."),
]


def test_one_council_under_its_ukrainian_and_russian_initials():
    ranked = brief(COUNCIL)
    council = holding(ranked, "РНБО")
    assert council and "СНБО" in council[0]["variants"], [e["variants"] for e in ranked]
    # The ministry before another person stays an entry of its own.
    assert not holding(ranked, "МИД") or holding(ranked, "МИД")[0] is not council[0]


def test_two_acronyms_of_one_language_stay_two_bodies():
    ranked = brief([
        ("a", "ru", "Делегацию возглавил секретарь СНБО Олег Бондарь. Позже выступил секретарь "
                    "ВСУ Олег Бондарь, сообщили в Женеве."),
        ("b", "en", "Oleg Bondar led the delegation in Geneva."),
    ])
    snbo = holding(ranked, "СНБО")
    assert not snbo or "ВСУ" not in snbo[0]["variants"]


def test_a_genitive_glued_before_a_full_name_is_its_own_person():
    ranked = brief([
        ("uk", "uk", "Делегацію у Женеві очолив помічник Коваленка Андрій Мельник. Мельник "
                     "назвав зустріч корисною."),
        ("en", "en", "The delegation in Geneva was led by Andrii Melnyk. Melnyk called the meeting useful."),
    ])
    melnyk = holding(ranked, "Andrii Melnyk")
    assert melnyk and "Андрій Мельник" in melnyk[0]["variants"], [e["variants"] for e in ranked]
    assert not any(" " in v and v.startswith("Коваленка") for e in ranked for v in e["variants"])
    principal = holding(ranked, "Коваленка")
    assert principal and principal[0]["kind"] == "person" and principal[0] is not melnyk[0]


def test_a_lower_case_title_before_a_name_makes_it_a_person():
    ranked = brief([
        ("en", "en", "Turkish officials opened the session in Geneva, and US special envoy Dale Hartwick "
                     "sat in as an observer."),
        ("fr", "fr", "La séance s'est ouverte à Genève en présence de l'émissaire américain Dale Hartwick."),
    ])
    envoy = holding(ranked, "Dale Hartwick")
    assert envoy and envoy[0]["kind"] == "person", envoy


def test_a_title_before_an_institution_does_not_make_it_a_person():
    ranked = brief([
        ("es", "es", "El secretario de Estado, Marco Rubio, habló con el vicepresidente en Ginebra. "
                     "La reunión, según el secretario de Estado, fue útil."),
        ("id", "id", "Pertemuan tertutup para kardinal Gereja Katolik berlangsung di Roma. Sejarah "
                     "Gereja Katolik mencatat pertemuan itu."),
    ])
    assert all(e["kind"] != "person" for e in ranked if {"Estado", "Gereja Katolik"} & set(e["variants"]))


def test_a_name_ending_in_a_facility_word_is_a_place():
    ranked = brief([
        ("en", "en", "The talks covered the future control of the Bilohirsk Nuclear Power Plant, "
                     "officials in Geneva said."),
    ])
    plant = holding(ranked, "Bilohirsk Nuclear Power Plant")
    assert plant and plant[0]["kind"] == "place", [(e["name"], e["kind"]) for e in ranked]


def test_a_place_without_a_latin_form_is_named_in_english():
    ranked = brief([
        ("uk", "uk", "Зустріч відкрив міністр закордонних справ Туреччини у Женеві."),
        ("ru", "ru", "Переговоры открыл министр иностранных дел Турции в Женеве."),
    ])
    turkey = holding(ranked, "Туреччини")
    assert turkey and turkey[0]["name"] == "Turkey"


def test_one_capitalised_english_word_mid_sentence_is_a_name():
    ranked = brief([
        ("en", "en", "A US official, who asked not to be named, informed Politico on Saturday that the "
                     "two leaders were close to a meeting. The United States did not comment."),
        ("de", "de", "Ein Treffen in Genf sei nahe, hieß es aus Washington."),
    ])
    assert holding(ranked, "Politico")
    assert not holding(ranked, "United")


def test_an_unknown_acronym_is_no_unit_of_a_summary_sentence():
    text = "Украинскую делегацию возглавил секретарь СНБО Олег Бондарь."
    units = units_of(text, extract(text, "ru"), [])
    assert not any(u == "name:snbo" for u in units), units
    assert any(u.startswith("name:") for u in units)  # the person still counts


def test_a_hindi_source_named_after_its_country_is_an_organisation():
    ranked = brief([
        ("hi", "hi", "मॉस्को ने कहा कि वह बातचीत के लिए तैयार है. रूस टुडे के अनुसार, बैठक जिनेवा में होगी. "
                     "रूस ने कोई तारीख नहीं दी."),
        ("en", "en", "Moscow said it was ready for talks in Geneva. Russia gave no date."),
    ])
    source = holding(ranked, "रूस टुडे")
    assert source and source[0]["kind"] == "org", [(e["name"], e["variants"]) for e in ranked]
    russia = holding(ranked, "Russia")
    assert russia and russia[0] is not source[0]


def test_the_articles_authors_are_people_in_passing():
    ranked = brief([
        ("ro", "ro", "Kremlinul a spus miercuri că întâlnirea ar putea avea loc la Geneva."),
        ("en", "en", "The Kremlin said on Wednesday the meeting could take place in Geneva."),
        ("de", "de", "Der Kreml hält ein Treffen in Genf für möglich."),
    ], authors={"ro": "Ioana Mărgărit", "en": "Agencies", "de": "de-daily"})
    signed = holding(ranked, "Ioana Mărgărit")
    assert signed and signed[0]["kind"] == "person" and signed[0]["articles"] == ["ro"]
    assert not holding(ranked, "Agencies") and not holding(ranked, "de-daily")


def test_a_countrys_air_force_in_words_is_an_organisation():
    ranked = brief([
        ("en", "en", "Russia launched 120 drones at Ukraine overnight, according to the Ukrainian air force. "
                     "Ukraine said talks in Geneva would go ahead."),
        ("de", "de", "Russland griff die Ukraine in der Nacht mit Drohnen an."),
    ])
    forces = holding(ranked, "Ukrainian air force")
    assert forces and forces[0]["kind"] == "org", [(e["name"], e["kind"]) for e in ranked]
    # Not for a word that is no place of the event ("the Geneva army" is no such phrase here).
    assert not any("Russland" in v for v in forces[0]["variants"])


def test_english_cues_type_a_one_word_name():
    ranked = brief([
        ("en", "en", "The delegations met at a palace on the Bosporus in Istanbul. A US official informed "
                     "Politico on Saturday that a second round was planned."),
        ("de", "de", "Die Delegationen trafen sich in Istanbul."),
    ])
    strait, medium = holding(ranked, "Bosporus"), holding(ranked, "Politico")
    assert strait and strait[0]["kind"] == "place", [(e["name"], e["kind"]) for e in ranked]
    assert medium and medium[0]["kind"] == "org"


def test_a_newsroom_signature_and_name_fragments_are_no_entries():
    ranked = brief([
        ("en", "en", "Investors bought a net Rs 3,100 crore of shares, ahead of a vote in which the far-right "
                     "Alternative for Germany came second."),
        ("es", "es", "Los inversores compraron acciones en Madrid."),
    ], authors={"es": "Redacción Es Daily"})
    assert not holding(ranked, "Rs") and not holding(ranked, "Alternative")
    assert not any("Redacción" in v for e in ranked for v in e["variants"])
