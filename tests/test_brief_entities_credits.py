"""A country's institutions described around its name, and the agencies and reporters of
the articles' credits (`tidings.brief.entity_context`): sentences of our own, in the
languages they name, about an invented border truce between Sudan and Egypt."""

from entity_fixtures import ranked_entities


def brief(texts, raws=None):
    return ranked_entities(texts, raws=raws, outlets=True)


def holding(ranked, variant):
    return [e for e in ranked if variant in e["variants"]]


EN = ("en", "en", "Sudan and Egypt agreed to a truce on Sunday after a week of clashes along the border. "
                  "Egypt said its air defences had stopped most of the drones launched from Sudan.")
ZH = ("zh", "zh", "周日,苏丹和埃及同意停火。据路透社报道,此前两国边境爆发了持续一周的冲突。苏丹军方表示,"
                  "埃及空军资产安全,但埃及的空军基地受损。埃及外交部长在开罗表示欢迎。"
                  "沙特阿拉伯外交部对停火表示欢迎。苏丹和埃及将于周二再次会谈。")
AR = ("ar", "ar", "اتفقت السودان ومصر على وقف إطلاق النار يوم الأحد. وأعلنت وزارة الدفاع المصرية أن "
                  "المخابرات السودانية متورطة في الهجوم على الحدود.")
RU = ("ru", "ru", "Судан и Египет договорились о перемирии в воскресенье. Ранее вооруженные силы Судана "
                  "обвинили в нападении суданской военной разведки офицеров. Египет назвал это провокацией.")
TR = ("tr", "tr", "Sudan ve Mısır pazar günü ateşkes ilan etti. Sudan ordusunun komutanları sınırda "
                  "görüştü, Mısır ise ateşkesi memnuniyetle karşıladı.")


def test_a_countrys_institutions_described_in_several_languages_are_one_organisation_each():
    ranked = brief([EN, ZH, AR, RU, TR])
    forces = holding(ranked, "苏丹军方")
    assert forces and forces[0]["kind"] == "org", [e["variants"] for e in ranked]
    # The same armed forces in Russian (the country's genitive) and Turkish (a possessive).
    assert {"вооруженные силы Судана", "Sudan ordusunun"} <= set(forces[0]["variants"])
    air = holding(ranked, "埃及空军")
    assert air and air[0]["kind"] == "org" and air[0] is not forces[0]
    # The Arabic ministry with the country's adjective after it; Sudan's intelligence in
    # Arabic and in Russian (the country's adjective, one more adjective, the head).
    assert holding(ranked, "وزارة الدفاع المصرية")
    intelligence = holding(ranked, "المخابرات السودانية")
    assert intelligence and "суданской военной разведки" in intelligence[0]["variants"]
    assert holding(ranked, "沙特阿拉伯外交部")


def test_an_air_base_and_a_minister_are_no_institution_of_the_country():
    ranked = brief([EN, ZH])
    names = {v for e in ranked for v in e["variants"]}
    assert "埃及空军" in names
    assert not any(v.startswith("埃及外交部") for v in names), names
    assert "埃及的空军" not in names


def test_agencies_and_reporters_of_the_credits():
    ko = ("ko", "ko", "수단과 이집트가 일요일 휴전에 합의했다. /연합뉴스\n/김민수 기자 minsu@example·연합뉴스\n"
                      "이집트 정부는 휴전을 환영했다.")
    fr_text = "Le Soudan et l'Égypte ont conclu une trêve dimanche, après une semaine de combats."
    fr_raw = fr_text + "\n\n© Agence France-Presse\n"
    es_text = "Sudán y Egipto acordaron una tregua el domingo tras una semana de combates."
    es_raw = es_text + "\nFuente: AFP\n"
    ranked = brief([EN, ZH, ko, ("fr", "fr", fr_text), ("es", "es", es_text)],
                   raws={"fr": fr_raw, "es": es_raw})
    reuters = holding(ranked, "路透社")
    assert reuters and reuters[0]["kind"] == "org", [e["variants"] for e in ranked]
    yonhap = holding(ranked, "연합뉴스")
    assert yonhap and yonhap[0]["kind"] == "org"
    reporter = holding(ranked, "김민수")
    assert reporter and reporter[0]["kind"] == "person"
    # The copyright line and the source line name one agency, under its name.
    afp = holding(ranked, "Agence France-Presse")
    assert afp and afp[0]["kind"] == "org" and "AFP" in afp[0]["variants"]


def test_a_photo_credit_and_the_outlet_itself_are_no_agency():
    text = "Sudan and Egypt agreed to a truce on Sunday after a week of clashes along the border."
    raw = text + "\nPhoto: Getty Images\n© Nile Courier\n"
    ranked = brief([("a", "en", text), EN], raws={"a": raw})
    names = {v for e in ranked for v in e["variants"]}
    assert "Getty Images" not in names
    ranked = brief([("nile-courier", "en", text), EN], raws={"nile-courier": text + "\n© Nile Courier\n"})
    assert "Nile Courier" not in {v for e in ranked for v in e["variants"]}


def test_kinds_from_the_words_around_a_name():
    ranked = brief([
        ("en", "en", "Sudan and Egypt agreed to a truce on Sunday, the president posted on Nile Pulse. "
                     "Egypt said Sudan was moving troops along the International Border after the clashes."),
        ("fr", "fr", "« La trêve doit tenir », a écrit le président sur son réseau Nile Pulse. Le ministre des "
                     "Affaires étrangères, Wadud Qarani, a salué l'accord. M. Qarani a appelé au calme."),
        ("es", "es", "Egipto atribuyó el ataque al grupo sudanés Kataib-e-Nasr y respondió con bombardeos."),
        ("ru", "ru", "Конфликт обострился после теракта рядом с городом Умм-Касаба в Судане."),
        ("tr", "tr", "Sudan ve Mısır, Kuzey Afrika'nın iki komşusu, pazar günü ateşkes ilan etti."),
    ])
    kind = {v: e["kind"] for e in ranked for v in e["variants"]}
    assert kind.get("Nile Pulse") == "org", kind
    assert kind.get("International Border") == "place"
    assert kind.get("Wadud Qarani") == "person"
    assert kind.get("Kataib-e-Nasr") == "org"
    assert kind.get("Умм-Касаба") == "place"
    assert kind.get("Kuzey Afrika") == "place"


def test_a_chinese_place_before_its_unit_and_a_korean_one_before_its_time():
    ranked = brief([
        EN,
        ("zh", "zh", "苏丹军方称其袭击了埃及位于阿斯旺和卡拉巴沙市的两处设施。埃及表示欢迎停火。"),
        ("ko", "ko", "수단과 이집트가 현지시간 8일, 한국시간 9일 새벽 휴전에 합의했다."),
    ])
    town = holding(ranked, "卡拉巴沙")
    assert town and town[0]["kind"] == "place" and "卡拉巴沙市" in town[0]["variants"], \
        [e["variants"] for e in ranked]
    korea = holding(ranked, "한국")
    assert korea and korea[0]["kind"] == "place"
    # 현지 (local) is no place: only a country the gazetteer knows is read before 시간.
    assert not holding(ranked, "현지")


def test_hungarian_heads_and_titles_after_the_name():
    ranked = brief([
        EN,
        ("hu", "hu", "Szudán és Egyiptom vasárnap tűzszünetet kötött - mondta Wadud Qarani szudáni "
                     "miniszter újságíróknak nyilatkozva az Egyiptom sajtóhivatalában."),
        ("it", "it", "Il ministro ha raggiunto la Loggia dei Mercanti e ha parlato della America Latina."),
    ])
    kind = {v: e["kind"] for e in ranked for v in e["variants"]}
    assert kind.get("Wadud Qarani") == "person", kind
    assert kind.get("Egyiptom sajtóhivatalában") == "org"
    assert kind.get("Loggia dei Mercanti") == "place"
    assert kind.get("America Latina") == "place"


def test_a_place_read_without_its_first_word_is_the_longer_place():
    ranked = brief([
        ("es", "es", "Sudán y Egipto firmaron la tregua en Nueva York el domingo."),
        ("en", "en", "Sudan and Egypt signed the truce in New York on Sunday."),
        ("fr", "fr", "Le Soudan et l'Égypte ont signé la trêve samedi à New York, après des jours de combats."),
    ])
    ny = holding(ranked, "Nueva York")
    assert ny and "New York" in ny[0]["variants"], [e["variants"] for e in ranked]
    assert not holding(ranked, "York")


def test_a_copyright_notice_names_no_agency():
    text = "Sudan and Egypt agreed to a truce on Sunday after a week of clashes along the border."
    ranked = brief([("a", "en", text), EN], raws={"a": text + "\n© All Rights Reserved\n© Copyright\n"})
    names = {v for e in ranked for v in e["variants"]}
    assert not names & {"All Rights Reserved", "Copyright", "All"}, names


def test_a_picture_credit_line_of_names_and_slashes_names_no_entity():
    # Photographer and agencies joined by a slash or "via", on a line of their own, with
    # or without a cue, in the text or taken for the article's title.
    fr = ("f1", "fr", "Des milliers de fidèles ont attendu devant la cathédrale de Norville.\n"
                      "Anna Berglund / Picture Alliance via Getty Images\n"
                      "Le cardinal Tomas Ferreira a présidé la messe devant la cathédrale.")
    de = ("d1", "de", "Tausende Gläubige warteten am Sonntag vor dem Dom von Norville.\n"
                      "Foto: Jonas Wirth / Picture Alliance / dpa\n"
                      "Kardinal Tomas Ferreira leitete die Messe vor dem Dom.")
    it = ("i1", "it", "Migliaia di fedeli hanno atteso davanti alla cattedrale di Norville. "
                      "Il cardinale Tomas Ferreira ha presieduto la messa.")
    ranked = ranked_entities([fr, de, it], titles={"i1": "Lucia Moretti / Picture Alliance via Getty Images"})
    names = {v for e in ranked for v in [e["name"], *e["variants"]]}
    for junk in ("Anna Berglund", "Berglund", "Jonas Wirth", "Wirth", "Lucia Moretti", "Moretti",
                 "Picture Alliance", "Alliance", "Getty Images"):
        assert junk not in names, (junk, names)
    assert "Tomas Ferreira" in names and "Norville" in names
