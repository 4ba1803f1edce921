"""The brief's list of figures holds counts only, each with the words that say what it
counts: durations, ages, clock times, ranks and days of dates are left out, and the words
the reader took after the counted thing are cut. On sentences we wrote (invented, same
constructions as real reports, several languages)."""

from tidings.brief import figures as F
from tidings.clean.sentences import split
from tidings.records import Article, Features
from tidings.understand.figures import extract


def art(aid, text, lang="en", date="2026-03-10T09:00:00+00:00"):
    return Article(id=aid, origin=aid, title="", text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=aid)


def listed(*arts):
    feats = {a.id: Features(a.id, figures=extract(a.text, a.lang)) for a in arts}
    found = F.collect(list(arts), feats, lambda a: split(a.text, a.lang))
    return F.group(found)


def values(groups):
    return sorted(g["value"] for g in groups)


def test_durations_and_ages_are_not_in_the_list():
    groups = listed(art("es", "Una segunda sacudida llegó 9 minutos después y derribó 14 casas.", "es"),
                    art("hi", "हमले के 10 दिन बाद पुलिस ने 40 लोगों को हिरासत में लिया।", "hi"),
                    art("it", "Il vescovo, morto a 91 anni, aveva ordinato 300 sacerdoti.", "it"),
                    art("id", "Rapat berlangsung selama 14 jam dan dihadiri 120 delegasi.", "id"))
    assert values(groups) == [14, 40, 120, 300]


def test_clock_times_are_not_in_the_list():
    groups = listed(art("en", "The ceremony starts at 9 a.m. (0700 GMT) and 300 guests are expected."),
                    art("mr", "रात्री 2.15 च्या सुमारास 12 घरांचे नुकसान झाले.", "mr"),
                    art("uk", "Засідання почалося о 9 ранку, прийшли 140 депутатів.", "uk"))
    assert values(groups) == [12, 140, 300]


def test_cited_articles_and_days_of_abbreviated_months_are_not_in_the_list():
    groups = listed(art("ru1", "Согласно ст. 63 конституции, у парламента есть 25 заседаний.", "ru"),
                    art("ru2", "КИЕВ, 14 сен - Агентство. Погибли 9 человек.", "ru"))
    assert values(groups) == [9, 25]


def test_the_counted_words_end_where_the_phrase_does():
    groups = listed(
        art("ru", "Эпицентр находился в 35 километрах к югу от города, пострадали 18 человек.", "ru"),
        art("ar", "وقع الزلزال على بعد 40 كيلومترا شرق المدينة.", "ar"),
        art("pl", "Do miasta przyjechało 70 delegacji zagranicznych i wielu gości.", "pl"),
        art("es", "Asistieron 45 jefes de Estado y 130 delegaciones.", "es"))
    texts = {g["text"]: g["what"] for g in groups}
    assert texts["35 километрах"] == "километрах", texts
    assert texts["40 كيلومترا"] == "كيلومترا", texts
    assert texts["70 delegacji zagranicznych"] == "delegacji zagranicznych", texts
    # "of" and one word after it still name the thing.
    assert texts["45 jefes de Estado"] == "jefes de estado", texts
    for g in groups:
        assert all(s["text"] in texts for s in g["sources"])


def test_a_share_keeps_only_words_saying_what_it_is_of():
    groups = listed(art("en", "The Greens, who won 11.2 percent when the count ended, lost two seats."),
                    art("de", "Die Grünen kamen auf 11,6 Prozent knapp vor der Linken.", "de"),
                    art("en2", "Turnout was 71 percent The commission said."),
                    art("fr", "Le parti obtient 16 % des voix.", "fr"))
    texts = sorted(g["text"] for g in groups)
    assert texts == ["11,6 Prozent", "11.2 percent", "16 % des voix", "71 percent"], texts


def test_a_noun_far_from_the_number_does_not_say_what_it_counts_but_a_toll_word_does():
    groups = listed(art("fr", "Selon les secours, plus de 60 mineurs seraient toujours prisonniers des galeries.", "fr"),
                    art("en", "At least 31 Hindu pilgrims were killed in the attack."))
    concepts = {g["value"]: g["concept"] for g in groups}
    assert concepts[60] != "prisoners" and concepts[31] == "killed", concepts
    assert [g["text"] for g in groups if g["value"] == 60] == ["60 mineurs"]


def test_a_number_with_nothing_counted_is_not_listed():
    groups = listed(art("en", "Of the 733 members, 394 did not back him and 207 MPs did."))
    assert 394 not in values(groups) and 207 in values(groups), groups


def test_a_toll_recalled_from_an_earlier_happening_is_its_own_entry_after_this_ones():
    groups = listed(
        art("a", "The overnight raids killed 31 people, the army said. Another 9 people were hurt.",
            date="2026-03-20T08:00:00+00:00"),
        art("b", "The raids come after the bombing of March 2 that left 31 people dead.",
            date="2026-03-20T10:00:00+00:00"),
        art("c", "Los bombardeos nocturnos dejaron 31 muertos, según el ejército.", "es",
            date="2026-03-20T11:00:00+00:00"))
    tolls = [(sorted(s["article"] for s in g["sources"]), g["recap"]) for g in groups if g["value"] == 31]
    assert tolls == [(["a", "c"], False), (["b"], True)], groups
    assert groups[-1]["recap"] and not any(g["recap"] for g in groups[:-1])
    # An undated article's toll goes with the recalled one when no dated report gives it
    # as this happening's.
    groups = listed(
        art("b", "The raids come after the bombing of March 2 that left 31 people dead.",
            date="2026-03-20T10:00:00+00:00"),
        art("d", "Der Anschlag, bei dem 31 Menschen getötet wurden, löste die Krise aus.", "de", date=None))
    assert [(sorted(s["article"] for s in g["sources"]), g["recap"]) for g in groups if g["value"] == 31] \
        == [(["b", "d"], True)], groups


def test_a_past_tense_or_a_joined_and_after_the_counted_noun_starts_another_clause():
    groups = listed(
        art("en", "Some 80,000 pilgrims filed past the coffin, and 12 people injured were treated."),
        art("es", "Unos 40 ministros asistieron a la misa.", "es"),
        art("en2", "He won with 316 seats needed for a majority."),
        art("ar", "أسفر الزلزال عن مقتل 75 شخصا وإصابة المئات.", "ar"))
    texts = {g["value"]: g["text"] for g in groups}
    assert texts[80000] == "80,000 pilgrims", texts
    assert texts[12] == "12 people injured", texts  # a toll word of that shape stays
    assert texts[316] == "316 seats needed", texts
    assert texts[40] == "40 ministros", texts
    assert texts[75] == "75 شخصا", texts


def test_serbo_croatian_auxiliaries_end_the_counted_phrase():
    groups = listed(art("bs", "Zemljotres jačine 5,8 stepeni je pogodio sjever zemlje, a povrijeđeno je 14 rudara.", "bs"))
    assert {g["text"] for g in groups} == {"5,8 stepeni", "14 rudara"}, groups


def test_a_finite_verb_after_the_number_is_not_what_it_counts():
    # What the number counts was named before it ("de magnitud 6,9"); the verb after it
    # is what the quake did.
    groups = listed(
        art("es", "Un fuerte sismo de magnitud 6,9 sacudió el sur de Perú y dejó 12 muertos.", "es"),
        art("pt", "Um sismo de magnitude 6,2 atingiu a costa e deixou 8 feridos.", "pt"),
        art("fr", "Un séisme de magnitude 6,4 a frappé la région, faisant 5 blessés.", "fr"),
        art("ru", "Землетрясение магнитудой 6,1 произошло у побережья, пострадали 3 человека.", "ru"),
        art("en", "A magnitude 6.7 quake struck the coast, and 40 homes collapsed."))
    texts = {g["value"]: (g["text"], g["what"], g["concept"]) for g in groups}
    assert texts[6.9] == ("6,9", "", "magnitude"), texts
    assert texts[6.2] == ("6,2", "", "magnitude"), texts
    assert texts[6.4] == ("6,4", "", "magnitude"), texts
    assert texts[6.1] == ("6,1", "", "magnitude"), texts
    assert texts[6.7][:2] == ("6.7 quake", "quake"), texts
    assert texts[12][1] == "muertos" and texts[8][1] == "feridos", texts
    # Participles used as nouns stay: "200 displaced" counts people.
    groups = listed(art("en2", "The floods left 200 displaced in the valley."))
    assert [g["text"] for g in groups] == ["200 displaced"], groups


def test_latitudes_and_longitudes_are_positions_not_counts():
    groups = listed(
        art("en", "The epicentre was at 19.5°N, 97.2°E, and 30 people were hurt."),
        art("en2", "It struck at latitude 19.5 and longitude 97.2; 14 buildings fell."),
        art("ru", "Эпицентр находился в точке 19,5 градуса северной широты и 97,2 градуса "
                  "восточной долготы, ранены 6 человек.", "ru"),
        art("es", "El epicentro se situó a 19,5 grados de latitud norte; hubo 9 heridos.", "es"),
        art("th", "ศูนย์กลางอยู่ที่ละติจูด 19.512 องศาเหนือ ลองจิจูด 97.245 องศาตะวันออก "
                  "บาดเจ็บ 11 ราย", "th"))
    assert values(groups) == [6, 9, 11, 14, 30], groups
    # A distance in a direction is a count of kilometres, not a position.
    groups = listed(art("en3", "The quake struck 35 kilometres north of the city."))
    assert [g["text"] for g in groups] == ["35 kilometres"], groups


def test_a_word_of_an_unspaced_script_is_cut_to_its_classifier_or_left_out():
    groups = listed(art("th", "หลังแผ่นดินไหวเกิดอาฟเตอร์ช็อก 18 ครั้งขนาดตั้งแต่ 3 ขึ้นไป "
                              "มีผู้บาดเจ็บ 42 รายและสูญหาย 15 คน ความลึก 9 กิโลเมตรจากผิวดิน "
                              "ตึกสูง 27 ชั้นถล่ม", "th"))
    texts = {g["value"]: g["text"] for g in groups}
    assert texts == {18: "18 ครั้ง", 42: "42 ราย", 15: "15 คน", 9: "9 กิโลเมตร", 27: "27 ชั้น"}, texts
    # No classifier we know opens the run: no sure word of what it counts.
    groups = listed(art("th2", "ทางการยืนยันว่า 64 ผู้ประสบภัยได้รับการช่วยเหลือแล้ว", "th"))
    assert groups == [], groups


def test_the_words_a_number_counts_end_at_the_next_number():
    groups = listed(art("bn", "হামলায় ৩ বিদেশিসহ ৩১ জন পর্যটক নিহত হয়েছেন।", "bn"),
                    art("pt", "As ondas chegaram a 2 a 5 metros de altura.", "pt"),
                    art("en", "Between 40 and 60 soldiers were wounded."),
                    art("es", "Luego hubo una réplica de magnitud 5,9 unos 14 minutos después.", "es"))
    texts = {g["text"] for g in groups}
    assert "৩ বিদেশিসহ" in texts, texts
    assert "5 metros de altura" in texts and not any(t.startswith("2 ") and "metros" in t for t in texts), texts
    assert "5,9" in texts, texts
    assert "60 soldiers" in texts and not any(t.startswith("40 ") and "soldiers" in t for t in texts), texts


def test_a_preposition_after_the_number_counts_nothing():
    # "frente a" (off), "থেকে" (from): the number's counted thing is named elsewhere.
    groups = listed(art("es", "Un sismo de magnitud 7,1 frente a las costas de Chile dejó 3 heridos.", "es"),
                    art("bn", "অভিযানে ৪০ থেকে ৫০ জন জঙ্গি নিহত হয়েছে।", "bn"))
    texts = {g["value"]: g["text"] for g in groups}
    assert texts[7.1] == "7,1" and texts[3] == "3 heridos", texts
    assert 40 not in texts, texts
