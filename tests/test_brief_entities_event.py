"""Entities read with what the event's other sentences and articles say about a name:
regnal names taken, titles that are part of a name, cited formulas, fragments."""

from entity_fixtures import ranked_entities


def _ranked(texts):
    return ranked_entities(texts)


def _holding(ranked, *forms):
    return [e for e in ranked if set(forms) & set(e["variants"])]


def test_a_regnal_name_taken_after_a_title_or_after_the_birth_name_is_that_person():
    # A source's own regnal number (a typo or not) is still the name the sentence says
    # the person took: "memilih nama Paus Pius XXI", "a pour nom Marco Rossi, Pie XXI".
    ranked = _ranked([
        ("e1", "en", "The cardinals elected Cardinal Marco Rossi, who took the name Pius XII. Pius XII "
                     "greeted the crowd. Rossi was born in Turin."),
        ("e2", "en", "Pius XII met the cardinals on Friday. Cardinal Rossi had led the archdiocese of Turin."),
        ("i1", "id", "Terpilihnya Kardinal Marco Rossi, yang kemudian memilih nama Paus Pius XXI, terjadi "
                     "setelah tiga putaran. Paus Pius XXI menyapa umat."),
        ("f1", "fr", "Le nouveau pape a pour nom Marco Rossi, Pie XXI. Le cardinal italien a été élu."),
    ])
    rossi = _holding(ranked, "Marco Rossi")
    assert len(rossi) == 1
    assert {"Pius XII", "Pius XXI", "Pie XXI"} <= set(rossi[0]["variants"]), rossi[0]["variants"]
    assert _holding(ranked, "Pius XXI") == rossi


def test_a_regnal_or_saints_name_keeps_its_written_title_as_a_spelling():
    ranked = _ranked([
        ("i1", "it", "Il conclave si è chiuso al secondo giorno, come era accaduto con Papa Benedetto XV. "
                     "Il nuovo papa ha salutato i fedeli."),
        ("p1", "pl", "Nowym następcą św. Piotra został kardynał Marco Rossi z Turynu."),
        ("e1", "en", "Crowds gathered where Saint Peter is said to be buried, and Cardinal Marco Rossi spoke."),
    ])
    bene = _holding(ranked, "Benedetto XV")
    assert bene and "Papa Benedetto XV" in bene[0]["variants"]
    assert bene[0]["name"] == "Benedetto XV"  # the title is a spelling, not the name
    peter = _holding(ranked, "św. Piotra")
    assert peter and peter[0]["kind"] == "person"
    # Ordinary titles do not become spellings of people ("kardynał Marco Rossi").
    rossi = _holding(ranked, "Marco Rossi")
    assert rossi and not any(v.lower().startswith(("kardynał", "cardinal")) for v in rossi[0]["variants"])


def test_a_cited_formula_is_no_entry():
    ranked = _ranked([
        ("i1", "it", "Il cardinale ha annunciato l'elezione con la formula latina “Habemus Ducem”, poi ha "
                     "letto il nome. Luca Ferri era in piazza."),
        ("p1", "pt", "O cardeal pronunciou as palavras em latim: \"Habemus Ducem\". O novo líder é Luca Ferri."),
        ("d1", "de", "\"Habemus Ducem\" - wir haben einen Anführer -, verkündete der Kardinal. Luca Ferri winkte."),
        ("s1", "es", "Roma, 8 de mayo — ¡Habemus Ducem! La ciudad tiene nuevo líder, Luca Ferri."),
    ])
    assert not [e for e in ranked if any("Ducem" in v for v in e["variants"])], [e["name"] for e in ranked]
    assert _holding(ranked, "Luca Ferri")


def test_a_phrase_read_two_overlapping_ways_is_no_entry():
    ranked = _ranked([
        ("i1", "it", "Il cardinale ha pronunciato le parole che aprono un nuovo Pontificato per la Chiesa "
                     "universale. Poi Luca Ferri è apparso alla loggia."),
        ("e1", "en", "Luca Ferri appeared on the balcony on Thursday."),
    ])
    names = [e["name"] for e in ranked]
    assert not any("Pontificato" in n or "universale" in n for n in names), names
    assert _holding(ranked, "Luca Ferri")


def test_a_place_read_with_a_common_word_before_it_is_that_place():
    ranked = _ranked([
        ("i1", "id", "Kardinal Luca Ferri menjabat sebagai Uskup Trujillo di Peru sejak 2015."),
        ("e1", "en", "Cardinal Luca Ferri served for years in Trujillo, Peru, before moving to Rome."),
        ("s1", "es", "El cardenal Luca Ferri vivió en Trujillo y en Lima."),
    ])
    assert not _holding(ranked, "Uskup Trujillo")
    town = _holding(ranked, "Trujillo")
    assert len(town) == 1 and "i1" in town[0]["articles"]


def test_a_cut_chinese_name_and_a_korean_title_before_a_title_are_no_entries():
    ranked = _ranked([
        ("z1", "zh", "新教宗接替了教宗方濟各。教宗方濟各於四月逝世。第一位來自美洲的是方濟各。"),
        ("k1", "ko", "교황청 선임 부제 추기경은 이날 오후 발코니에 나왔다. 교황청 선임 부제 추기경은 새 교황을 소개했다."),
        ("e1", "en", "The new pope succeeded Pope Francis, who died in April."),
    ])
    forms = {v for e in ranked for v in e["variants"]}
    assert "方濟" not in forms and "부제" not in forms and "선임" not in forms, forms


def test_institutions_the_readers_miss_are_entries():
    ranked = _ranked([
        ("r1", "ru", "По данным прессы, Ферри голосовал на выборах Демократической партии в 2016 году."),
        ("d1", "de", "Danach war er Vizepräsident der Chilenischen Bischofskonferenz in Santiago."),
        ("i1", "it", "Fu promosso lo scorso febbraio all’Ordine dei Presbiteri con il titolo di Ostia."),
        ("e1", "en", "Luca Ferri was elected on Thursday."),
    ])
    orgs = {v: e["kind"] for e in ranked for v in e["variants"]}
    for name in ("Демократической партии", "Chilenischen Bischofskonferenz", "Ordine dei Presbiteri"):
        assert orgs.get(name) == "org", (name, orgs)
    # A capitalised adjective at a sentence start, or an ordinary one, is no name.
    assert not any(v.startswith(("По ", "Danach")) for v in orgs)


def test_a_hungarian_institution_is_named_with_its_remit():
    ranked = _ranked([
        ("h1", "hu", "Korábban a Közel-Keletért felelős Pápai Bizottság elnöke volt, majd a Püspöki "
                     "Tanács tagja lett. Ferri Luca bíboros Rómában él."),
        ("e1", "en", "Cardinal Luca Ferri lives in Rome."),
    ])
    forms = {v for e in ranked for v in e["variants"]}
    assert "Közel-Keletért felelős Pápai Bizottság" in forms, forms
    assert "Pápai Bizottság" not in forms


def test_a_german_run_of_nouns_joined_by_a_small_word_is_no_entry():
    ranked = _ranked([
        ("d1", "de", "Nach einer Nacht von Verhandlungen einigten sich beide Seiten. Minister Karl Brenner "
                     "sprach in Oslo. Er leitete zuletzt die Kirchenbehörde für Diakone in Oslo."),
        ("e1", "en", "Minister Karl Brenner spoke in Oslo after a night of talks."),
    ])
    names = [e["name"] for e in ranked]
    assert not any("Nacht" in n or "Diakone" in n for n in names), names
    assert "Karl Brenner" in names


def test_one_institution_described_in_several_languages_around_one_head_word():
    ranked = _ranked([
        ("s1", "es", "El cardenal Luca Ferri era prefecto del Dicasterio para los Religiosos antes de su "
                     "elección. Es miembro de la Orden de San Benito desde 1980."),
        ("h1", "hu", "Ferri Luca bíboros a Szerzetesi Dikasztérium prefektusa volt Rómában."),
        ("i1", "it", "Luca Ferri fu promosso all’Ordine dei Diaconi lo scorso febbraio."),
        ("e1", "en", "Cardinal Luca Ferri was elected on Thursday in Rome."),
    ])
    dic = _holding(ranked, "Dicasterio para los Religiosos")
    assert len(dic) == 1 and "Szerzetesi Dikasztérium" in dic[0]["variants"], [e["variants"] for e in ranked]
    # A saint's name tells one order from another: the two orders stay apart.
    assert _holding(ranked, "Orden de San Benito") != _holding(ranked, "Ordine dei Diaconi")
    assert _holding(ranked, "Ordine dei Diaconi")


def _ranked_for(texts, lang):
    return ranked_entities(texts, lang=lang), ranked_entities(texts)


def test_entries_are_named_as_the_readers_language_writes_them():
    texts = [
        ("s1", "es", "El papa Francisco murió en abril. Los Estados Unidos enviaron una delegación a Roma."),
        ("s2", "es", "Francisco había pedido paz. La delegación de Estados Unidos llegó a Roma el lunes."),
        ("p1", "pt", "O papa Francisco foi lembrado em Roma por fiéis dos Estados Unidos."),
        ("e1", "en", "Pope Francis had asked for peace, the cardinals recalled on Monday."),
        ("z1", "zh", "美國代表團抵達羅馬。"),
    ]
    for_english, as_before = _ranked_for(texts, "en")
    francis = _holding(for_english, "Francis")
    assert francis and francis[0]["name"] == "Francis"
    assert _holding(as_before, "Francis")[0]["name"] == "Francisco"  # most articles' form
    # No English article names Rome or the United States: the gazetteer's English name,
    # when two of the forms are known to it as one place.
    assert _holding(for_english, "Roma")[0]["name"] == "Rome"
    assert _holding(for_english, "Estados Unidos")[0]["name"] == "United States"
    # A Spanish reader keeps the Spanish forms.
    for_spanish, _ = _ranked_for(texts, "es")
    assert _holding(for_spanish, "Francis")[0]["name"] == "Francisco"
