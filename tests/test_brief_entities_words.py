"""Brief entries that are common words read as names because a sentence or a line begins
with them: a capital there says nothing in any cased language. Sentences of our own, same
constructions as the news text where the faults were seen."""

from entity_fixtures import ranked_entities

from tidings.brief import entities
from tidings.records import Article, Features
from tidings.understand.names import extract


def _names(out):
    return {d["name"]: d["kind"] for d in out}


def _variants(out):
    return {v for d in out for v in d["variants"]}


def test_function_word_leading_a_sentence_is_no_place():
    # "Кроме того" / "Крім того" (besides): the word folds to the key of Crimea.
    for lang, text in (("ru", "Власти Индии назвали нападение терактом. Кроме того, сообщается, что "
                              "нападавшие пришли из соседнего района."),
                       ("uk", "Уряд Індії закрив кордон. Крім того, Індія зупинила торгівлю.")):
        out = ranked_entities([("a1", lang, text)])
        assert "Кроме" not in _variants(out) and "Крім" not in _variants(out), _names(out)


def test_word_only_ever_leading_a_sentence_in_one_language_is_no_name():
    # Numerals and a verb in the first person open their sentences ("four waves", "the
    # first wave", "we are finishing" after a live report's time) and stand nowhere else.
    out = ranked_entities([
        ("r1", "ru", "Землетрясение произошло у побережья Камчатки. Четыре волны цунами "
                     "повредили причал."),
        ("b1", "be", "Землятрус адбыўся каля Камчаткі. Першая хваля накрыла порт."),
        ("p1", "pl", "Relacja na żywo z Watykanu.\n\n14:05 Kończymy relację\n\nDziękujemy za uwagę."),
        ("f1", "fr", "https://example.org/img/photo.jpg\nJamais dans l'histoire récente un vote n'avait échoué."),
    ])
    variants = _variants(out)
    for word in ("Четыре", "Першая", "Kończymy", "Jamais"):
        assert word not in variants, (word, _names(out))


def test_common_words_met_by_a_near_key_are_no_name():
    # A French pronoun opening a sentence and a German noun after its article ("die
    # Seele") share a key; neither spelling is a name, though Cela is also a town.
    out = ranked_entities([
        ("f1", "fr", "Le cortège passera par la basilique.\nCela marquera une première depuis un siècle."),
        ("d1", "de", "Wir empfehlen die Seele des Verstorbenen der Barmherzigkeit Gottes, sagte Olaf Scholz."),
    ])
    variants = _variants(out)
    assert "Cela" not in variants and "Seele" not in variants, _names(out)


def test_names_leading_sentences_stay():
    # A surname opening its sentences is read with the full name; a place the gazetteer
    # knows and a name another language writes stay though they only lead sentences.
    out = ranked_entities([
        ("e1", "en", "Officials met on Monday. Ruth Amberly said talks would go on. Amberly later "
                     "left.\nIslamabad denied the report."),
        ("p1", "pl", "Rozmowy trwały do rana. Amberly powiedziała, że rozmowy będą kontynuowane."),
        ("r1", "ru", "Переговоры продолжались всю ночь. Исламабад опроверг это сообщение."),
    ])
    variants = _variants(out)
    assert "Amberly" in variants and "Islamabad" in variants, _names(out)


def test_chinese_full_name_ends_before_a_function_character():
    # The first name read after a title goes on to the dot and the second name; "在英国"
    # ("in Britain") after the second name is no part of it.
    out = ranked_entities([
        ("z1", "zh", "英国首相基尔·斯塔默在英国议会发表讲话,表示政府将提供援助。"),
        ("e1", "en", "Keir Starmer spoke in parliament on Monday."),
    ])
    variants = _variants(out)
    assert "基尔·斯塔默" in variants, _names(out)
    assert not any("在" in v for v in variants), _names(out)


def test_acronym_with_a_small_letter_is_no_surname():
    # "MoD" (Ministry of Defence) has the consonants of the surname Modi: it is an
    # organisation of its own, not a spelling of the prime minister.
    out = ranked_entities([
        ("e1", "en", "Nine sites were struck overnight, the MoD said in a statement on Wednesday."),
        ("h1", "hi", "प्रधानमंत्री नरेंद्र मोदी ने बैठक की अध्यक्षता की। मोदी ने सेना की सराहना की।"),
        ("e2", "en", "Prime Minister Narendra Modi chaired a meeting in New Delhi."),
    ])
    by_variant = {v: d for d in out for v in d["variants"]}
    assert "MoD" in by_variant and "Modi" in by_variant, _names(out)
    assert by_variant["MoD"] is not by_variant["Modi"]
    assert by_variant["MoD"]["kind"] == "org"


def test_arabic_how_is_no_spelling_of_kyiv():
    # كيف ("how") has the letters of a spelling of Kyiv; the city is written كييف.
    out = ranked_entities([
        ("a1", "ar", "وقال المتحدث إن الجيش يعرف كيف يرد على أي هجوم على أراضي باكستان."),
        ("e1", "en", "The army knows how to respond, a spokesman for Pakistan said."),
    ])
    assert "كيف" not in _variants(out), _names(out)
    assert "Kyiv" not in _names(out), _names(out)


def test_lower_case_head_on_the_line_before_is_no_part_of_the_name():
    # A headline ending in "place" and a paragraph opening with the country: the head word
    # of "la place Saint-Pierre" does not reach across the line break.
    out = ranked_entities([
        ("e1", "en", "Far right climbs to second place\n\nGermany voted on Sunday, and the count went "
                     "on into the night in Berlin."),
        ("f1", "fr", "Des fidèles attendaient sur la place Saint-Pierre au Vatican."),
        ("e2", "en", "Germany has a new parliament, officials in Berlin said."),
    ])
    variants = _variants(out)
    assert "place Germany" not in variants and "Germany" in variants, _names(out)



def test_weekday_before_a_date_is_no_name():
    # Greek capitalises the days: "on Thursday (17/4)" in a headline and in the text; the
    # headline's mention was taken as evidence of a name.
    title = "Σεισμός στην Ιαπωνία την Πέμπτη (17/4)"
    texts = [("g1", "el", title, "Ισχυρός σεισμός σημειώθηκε την Πέμπτη (17/4) στην Ιαπωνία, σύμφωνα με τις αρχές."),
             ("e1", "en", "Quake hits Japan", "A strong earthquake hit Japan on Thursday, officials said.")]
    arts = [Article(id=aid, origin=aid, title=t, text=f"{t}\n\n{body}", raw=body, content_hash=aid, lang=lang)
            for aid, lang, t, body in texts]
    feats = {a.id: Features(a.id, names=extract(a.text, a.lang, set())) for a in arts}
    ents, _ = entities.collect(arts, feats)
    out = entities.rank(ents, arts)
    variants = _variants(out)
    assert "Πέμπτη" not in variants, _names(out)
    assert "Japan" in _names(out), _names(out)


def test_war_name_is_a_happening_not_a_name():
    # "la Seconde Guerre mondiale" was read as a name cut before its adjective.
    out = ranked_entities([
        ("f1", "fr", "Le parti de Lukas Brenner obtient son pire score depuis la Seconde Guerre mondiale."),
        ("f2", "fr", "Un recul sans précédent depuis la fin de la Seconde Guerre mondiale, selon Lukas Brenner."),
    ])
    variants = _variants(out)
    assert not any("Guerre" in v for v in variants), _names(out)
    assert any("Brenner" in v for v in variants), _names(out)



def test_word_near_a_first_name_is_no_person():
    # "Rafale" (a fighter jet) has the consonants of Rafael; the first name itself, named
    # alone, stays a person.
    out = ranked_entities([
        ("p1", "pl", "Armia podała, że nad granicą zestrzelono dwa nowe myśliwce Rafale i jednego drona."),
        ("p2", "pl", "Wojsko w Warszawie nie skomentowało doniesień."),
    ])
    assert "Rafale" not in _variants(out), _names(out)
    out = ranked_entities([("p1", "pl", "Na konferencji w Warszawie głos zabrał trener, a potem przemówił Rafael.")])
    assert _names(out).get("Rafael") == "person", _names(out)


def test_name_spelt_out_before_its_acronym_joins_the_acronym():
    # "Alternative für Deutschland" translated: the reader stops at the lower-case "for"
    # and "pour", leaving "Alternative" beside the party's entry.
    out = ranked_entities([
        ("e1", "en", "The far-right Alternative for Germany (AfD) came second, the count showed."),
        ("e2", "en", "Support for the AfD doubled in the east, while the Alternative for Germany leader spoke."),
        ("f1", "fr", "Le parti Alternative pour l'Allemagne (AfD) arrive deuxième."),
    ])
    by_variant = {v: d for d in out for v in d["variants"]}
    assert "AfD" in by_variant, _names(out)
    assert "Alternative" not in by_variant or by_variant["Alternative"] is by_variant["AfD"], _names(out)


def test_institution_named_before_its_acronym_joins_the_acronym():
    # The reader ends "US Geological Survey" at the acronym US: the rest and the
    # bracketed acronym are one institution, not a person or a name beside it.
    out = ranked_entities([
        ("e1", "en", "The quake struck at dawn, the US Geological Survey (USGS) said in Kabul."),
        ("e2", "en", "The USGS put the depth at ten kilometres, the Geological Survey added."),
        ("e3", "en", "Rescuers reached villages near Kabul on Monday."),
    ])
    by_variant = {v: d for d in out for v in d["variants"]}
    assert "USGS" in by_variant and "Geological Survey" in by_variant, _names(out)
    assert by_variant["USGS"] is by_variant["Geological Survey"], _names(out)
    assert by_variant["USGS"]["kind"] != "person"


def test_word_capitalised_only_in_a_title_is_no_name():
    # Italian writes "Paese" for the country it speaks of; only the title holds it. The
    # town the title names is named again in the text and stays.
    texts = [("i1", "it", "Forte scossa di terremoto a Corvallina, nel nord del Paese",
              "La scossa è stata avvertita alle 12:40 a Corvallina e nei villaggi vicini. "
              "A Corvallina alcune case sono crollate, secondo la protezione civile."),
             ("e1", "en", "Quake hits Norland", "A strong earthquake hit Norland on Friday, officials said.")]
    out = ranked_entities([(aid, lang, body) for aid, lang, _, body in texts],
                          titles={aid: title for aid, _, title, _ in texts})
    variants = _variants(out)
    assert "Paese" not in variants, _names(out)
    assert "Corvallina" in variants, _names(out)


def test_a_feast_day_is_no_name():
    # French capitalises Pâques everywhere in a sentence, and a title names it: the weekday
    # before it ("lundi de Pâques") tells a day of the calendar. A town named with a
    # weekday after it stays.
    texts = [("f1", "fr", "Le cardinal Tomas Ferreira a parlé aux fidèles en ce lundi de Pâques",
              "Des milliers de fidèles avaient célébré Pâques la veille à Corvallina. "
              "« Joyeuses Pâques », avait lancé Tomas Ferreira depuis le balcon."),
             ("e1", "en", "Cardinal speaks in Corvallina",
              "Cardinal Tomas Ferreira spoke to the faithful in Corvallina Monday, officials said.")]
    out = ranked_entities([(aid, lang, body) for aid, lang, _, body in texts],
                          titles={aid: title for aid, _, title, _ in texts})
    variants = _variants(out)
    assert "Pâques" not in variants, _names(out)
    assert {"Tomas Ferreira", "Corvallina"} <= variants, _names(out)
