"""The cross-language merge of quotes (brief/quotes/merge.py) on vectors we set: which
statement a contested quote joins, and a speaker named in one article only under a
spelling of its own. Cosines are set exactly through a Gram matrix of our choosing."""

import numpy as np

from tidings.brief.quotes import Quote, merge


def _vectors(cos: dict[tuple[int, int], float], n: int, default: float) -> np.ndarray:
    """n unit vectors whose pairwise cosines are `cos` (others `default`)."""
    gram = np.full((n, n), default)
    np.fill_diagonal(gram, 1.0)
    for (a, b), c in cos.items():
        gram[a, b] = gram[b, a] = c
    return np.linalg.cholesky(gram)  # rows: the vectors (the matrix must be positive definite)


def _q(article, lang, speaker, vec, position=0, text=None):
    return Quote(article=article, lang=lang, text=text or f"{speaker} in {article}", sentence="",
                 kind="direct", speaker=speaker, speaker_key=speaker, position=position,
                 vector=np.asarray(vec, dtype=np.float32))


def test_a_contested_quote_joins_the_statement_it_fits_best():
    # One spokesman, two statements (X: the call at a given hour; Y: the halt of firing),
    # each given in a1 (en) and a2 (hi). a3 (fr) gives one sentence between them: its
    # closest quote in a2 is the Y one (0.865), in a1 the X one (0.86), but on average it
    # is X's (0.855 against 0.8225). Taken link by link it went with Y, the first link.
    x1, x2, y1, y2, z = range(5)
    v = _vectors({(x1, x2): 0.95, (y1, y2): 0.95, (z, x1): 0.86, (z, x2): 0.85,
                  (z, y2): 0.865, (z, y1): 0.78}, 5, 0.75)
    qs = [_q("a1", "en", "msr", v[x1], 0), _q("a2", "hi", "msr", v[x2], 0),
          _q("a1", "en", "msr", v[y1], 1), _q("a2", "hi", "msr", v[y2], 1),
          _q("a3", "fr", "msr", v[z], 0)]
    groups = merge(qs, {})
    assert len(groups) == 2
    with_z = next(g for g in groups if qs[4] in g)
    assert qs[0] in with_z and qs[1] in with_z and qs[2] not in with_z


def test_a_quote_fitting_its_own_statement_best_stays():
    # The same, but a3's sentence is Y's on average too: it stays with Y.
    x1, x2, y1, y2, z = range(5)
    v = _vectors({(x1, x2): 0.95, (y1, y2): 0.95, (z, x1): 0.86, (z, x2): 0.80,
                  (z, y2): 0.865, (z, y1): 0.84}, 5, 0.75)
    qs = [_q("a1", "en", "msr", v[x1], 0), _q("a2", "hi", "msr", v[x2], 0),
          _q("a1", "en", "msr", v[y1], 1), _q("a2", "hi", "msr", v[y2], 1),
          _q("a3", "fr", "msr", v[z], 0)]
    with_z = next(g for g in merge(qs, {}) if qs[4] in g)
    assert qs[2] in with_z and qs[3] in with_z and qs[0] not in with_z


def _lone_fixture(home_also_quotes_trump: bool = False, langs=("en", "fr", "de")):
    # Trump's post in three articles (en, fr, de); a fourth (zh) names him 川普 (key
    # "knp", no other article's spelling) and also quotes 卡拉斯 ("kls"), whose welcome
    # of the truce is closer to Trump's words in the en article than 川普's are (same day, same
    # topic), in that article only.
    t1, t2, t3, lone, other = range(5)
    v = _vectors({(t1, t2): 0.93, (t1, t3): 0.92, (t2, t3): 0.92,
                  (lone, t1): 0.91, (lone, t2): 0.90, (lone, t3): 0.89,
                  (other, t1): 0.92, (other, t2): 0.80, (other, t3): 0.79, (other, lone): 0.85},
                 5, 0.7)
    qs = [_q("a1", langs[0], "trnp", v[t1]), _q("a2", langs[1], "trnp", v[t2]), _q("a3", langs[2], "trnp", v[t3]),
          _q("a4", "zh", "knp", v[lone], 0), _q("a4", "zh", "kls", v[other], 1)]
    if home_also_quotes_trump:
        qs.append(_q("a4", "zh", "trnp", [0.0] * 4 + [1.0], 2))
    return qs


def test_a_speaker_named_in_one_article_only_is_the_speaker_whose_words_it_gives():
    qs = _lone_fixture()
    groups = merge(qs, {})
    post = next(g for g in groups if qs[0] in g)
    assert qs[3] in post and qs[4] not in post
    assert qs[3].speaker_key == "trnp" and qs[3].speaker == "knp"  # as written stays
    assert qs[4].speaker_key == "kls"  # close to one article's words only: not resolved


def test_a_lone_name_beside_the_speaker_in_its_own_article_is_someone_else():
    qs = _lone_fixture(home_also_quotes_trump=True)
    merge(qs, {})
    assert qs[3].speaker_key == "knp"


def _pieces_fixture(whole_to_second: float, between: bool = False):
    # A post: its announcement (A) and congratulation (B), quoted in pieces one after the
    # other in a1 (fr) and a2 (es), whole in a3 (ar), which is closest to the announcement.
    a1, a2, b1, b2, w = range(5)
    v = _vectors({(a1, a2): 0.93, (b1, b2): 0.92, (w, a1): 0.90, (w, a2): 0.90,
                  (w, b1): whole_to_second, (w, b2): whole_to_second - 0.01}, 5, 0.82)
    second = 2 if between else 1
    qs = [_q("a1", "fr", "trnp", v[a1], 0), _q("a2", "es", "trnp", v[a2], 0),
          _q("a1", "fr", "trnp", v[b1], second), _q("a2", "es", "trnp", v[b2], second),
          _q("a3", "ar", "trnp", v[w], 0)]
    if between:  # someone else quoted between the two pieces in both articles
        qs += [_q("a1", "fr", "rb", [0.0] * 4 + [1.0], 1), _q("a2", "es", "rb", [0.0] * 4 + [1.0], 1)]
    return qs


def test_a_post_quoted_whole_in_one_article_and_in_pieces_in_others_is_one_statement():
    qs = _pieces_fixture(0.85)
    groups = merge(qs, {})
    assert sorted(map(len, groups)) == [5]


def test_two_statements_given_apart_everywhere_stay_apart():
    # No quote gives both (the whole is close to the first piece only), or the pieces do
    # not follow one another: two statements.
    assert sorted(map(len, merge(_pieces_fixture(0.80), {}))) == [2, 3]
    assert sorted(len(g) for g in merge(_pieces_fixture(0.85, between=True), {})
                  if any(q.speaker_key == "trnp" for q in g)) == [2, 3]


def test_a_statement_in_pieces_is_shown_whole():
    from tidings.brief.build import _quote_entry

    def q(article, lang, text, position, kind="direct"):
        return Quote(article=article, lang=lang, text=text, sentence=text, kind=kind,
                     speaker="Tom Arden", speaker_key="trdn", position=position)
    group = [q("a1", "en", "We have agreed to a full truce", 0),
             q("a1", "en", "Congratulations to both countries on their wisdom", 1),
             q("a1", "en", "a full truce had been agreed after long talks", 4, "reported"),
             q("a2", "fr", "Nous sommes convenus d'une trêve complète", 0)]
    entry = _quote_entry(group, "en", {}, {"trdn": "Tom Arden"})
    assert entry["text"] == "We have agreed to a full truce … Congratulations to both countries on their wisdom"
    assert entry["kind"] == "direct" and entry["languages"] == ["en", "fr"]
    # A lead's paraphrase and a quotation further down are not pieces of one another.
    group = [q("a1", "en", "We have agreed to a full truce", 0),
             q("a1", "en", "We have agreed, after long talks, to a full truce", 4)]
    assert _quote_entry(group, "en", {}, {})["text"] == "We have agreed to a full truce"


def test_a_lone_name_matched_only_within_its_own_language_is_not_resolved():
    # Within one language two statements of one day sit close: matches there do not vote.
    qs = _lone_fixture(langs=("en", "zh", "zh"))
    merge(qs, {})
    assert qs[3].speaker_key == "knp"


def test_pieces_too_long_together_show_the_one_quote():
    from tidings.brief.build import _quote_entry

    long = [Quote(article="a1", lang="en", text=f"piece {i} " + "word " * 60, sentence="", kind="direct",
                  speaker="Tom Arden", speaker_key="trdn", position=i) for i in range(4)]
    assert _quote_entry(long, "en", {}, {}, max_chars=800)["text"] == long[0].text


def test_a_quote_without_a_speaker_does_not_join_two_speakers_statements():
    # An office's announcement in a1 (es) and a2 (ar), a minister's welcome of it in a3 (fr)
    # and a4 (de); a5 (it) gives the announcement with no speaker, close to both (the same
    # news, the same day). It may join one of them, never carry one into the other.
    o1, o2, m1, m2, u = range(5)
    v = _vectors({(o1, o2): 0.90, (m1, m2): 0.90, (u, o1): 0.93, (u, o2): 0.92,
                  (u, m1): 0.92, (u, m2): 0.91, (o1, m1): 0.84, (o2, m2): 0.84,
                  (o1, m2): 0.84, (o2, m1): 0.84}, 5, 0.7)
    qs = [_q("a1", "es", "ofc", v[o1]), _q("a2", "ar", "ofc", v[o2]),
          _q("a3", "fr", "mnstr", v[m1]), _q("a4", "de", "mnstr", v[m2]),
          Quote(article="a5", lang="it", text="unattributed", sentence="", kind="direct", speaker="",
                speaker_key="", position=0, vector=np.asarray(v[u], dtype=np.float32))]
    for g in merge(qs, {}):
        assert len({q.speaker_key for q in g if q.speaker_key}) <= 1


def _vatican_fixture():
    # The Vatican's announcement in a Spanish (a1) and an Arabic (a2) report, a translation
    # and a paraphrase at 0.81; a Hungarian one (a3) gives its other words of that evening,
    # closer to the Spanish (0.823) than the announcement is, far from the Arabic (0.775).
    from tidings.records import Features, Figure, Mention

    es, ar, hu = range(3)
    v = _vectors({(es, ar): 0.81, (es, hu): 0.823, (ar, hu): 0.775}, 3, 0.7)
    texts = ["el pontífice se llamará León XIV y hablará hoy ante los 1.400 millones de fieles",
             "أعلن الفاتيكان أن بريفوست اختار لنفسه اسم ليون الرابع عشر",
             "A pápa este a bíborosokkal együtt imádkozott a kápolnában"]
    qs = [Quote(article=f"a{k + 1}", lang=lang, text=texts[k], sentence=texts[k], kind="reported",
                speaker="Vaticano", speaker_key="vtkn", vector=np.asarray(v[k], dtype=np.float32))
          for k, lang in enumerate(["es", "ar", "hu"])]
    features = {
        "a1": Features("a1", names=[Mention("ln", "León XIV", "person"), Mention("vtkn", "Vaticano", "org"),
                                    Mention("rm", "Roma", "place")],
                       figures=[Figure(1.4e9, "1.400 millones", "católicos")]),
        "a2": Features("a2", names=[Mention("prvst", "بريفوست", "person"),
                                    Mention("ln", "ليون الرابع عشر", "person")]),
        "a3": Features("a3", names=[Mention("vtkn", "Vatikán", "org")]),
    }
    return qs, features


def test_two_languages_naming_one_person_are_one_statement_below_the_cosine_threshold():
    from tidings.brief.build import _quote_units

    qs, features = _vatican_fixture()
    units = _quote_units(features, {"ln": "prvst"})
    assert units(qs[0]) == {"name:prvst", "figure:1.4e+09"} and units(qs[2]) == set()
    groups = merge(qs, {}, units=units)
    assert [len(g) for g in groups] == [2, 1] and qs[2] not in groups[0]
    # Without what the words name, 0.81 is no evidence (and the closer 0.823 is no link).
    assert [len(g) for g in merge(qs, {})] == [1, 1, 1]


def test_a_name_the_speakers_other_quotes_give_too_is_no_evidence():
    # An adviser in an English (a1) and a Romanian (a2) report, every quote naming Zelensky:
    # that name does not tell which of the two English quotes the Romanian one is (it is
    # neither: 0.81 and 0.795).
    x, y, z = range(3)
    v = _vectors({(x, z): 0.81, (y, z): 0.795, (x, y): 0.85}, 3, 0.7)
    texts = ["Zelensky could come to Moscow without any fear for his safety",
             "the door stays open should Zelensky truly want to talk in Moscow",
             "o discuție cu Zelenski trebuie pregătită temeinic de ambele părți"]
    qs = [Quote(article=a, lang=lang, text=t, sentence=t, kind="reported", speaker="Ushakov",
                speaker_key="askv", position=k, vector=np.asarray(v[k], dtype=np.float32))
          for k, (a, lang, t) in enumerate(zip(["a1", "a1", "a2"], ["en", "en", "ro"], texts))]
    groups = merge(qs, {}, units=lambda q: {"name:slnsk"})
    assert [len(g) for g in groups] == [1, 1, 1]


def _once_each(langs=("en", "tr"), third: float | None = None):
    # A vice-president quoted once in each of two reports: reported in English, directly in
    # Turkish, at 0.804. Optionally a third report (de) quotes another statement of his, at
    # `third` from the English one.
    v = _vectors({(0, 1): 0.804, (0, 2): third or 0.5, (1, 2): 0.75}, 3, 0.5)
    qs = [_q("a1", langs[0], "vns", v[0],
             text="the United States would keep out of a quarrel that \"is simply not ours to fight\""),
          _q("a2", langs[1], "vns", v[1],
             text="Bizim olmayan bir kavganın içine girmeyeceğiz")]
    if third is not None:
        qs.append(_q("a3", "de", "vns", v[2], text="Wir wollen, dass sich die Lage schnell entspannt"))
    return qs


def test_a_speaker_quoted_once_in_two_languages_is_one_statement():
    assert sorted(map(len, merge(_once_each(), {}))) == [2]
    # Within one language the same cosine is no evidence: its paraphrases sit higher.
    assert sorted(map(len, merge(_once_each(("en", "en")), {}))) == [1, 1]
    # Nor when another quote of his sits near (0.78, within `quote_merge_margin`).
    assert sorted(map(len, merge(_once_each(third=0.78), {}))) == [1, 1, 1]
    # Nor when a third report quotes him in words left without a vector (the budget).
    qs = _once_each()
    qs.append(Quote(article="a3", lang="de", text="Wir wollen, dass sich die Lage schnell entspannt",
                    sentence="", kind="direct", speaker="vns", speaker_key="vns"))
    assert sorted(map(len, merge(qs, {}))) == [1, 1, 1]


def test_a_quote_names_a_person_by_surname_and_no_place():
    from tidings.brief.build import _quote_units
    from tidings.records import Features, Mention

    features = {"a1": Features("a1", names=[Mention("slnsk", "Volodymyr Zelensky", "person"),
                                            Mention("ptn", "Vladimir Putin", "person"),
                                            Mention("mskv", "Moscow", "place")])}
    q = Quote(article="a1", lang="en", text="any talks between Putin and Zelensky in Moscow must be well prepared",
              sentence="", kind="reported")
    assert _quote_units(features, {})(q) == {"name:slnsk", "name:ptn"}


def _described(article, lang, label, vec, position=0, text=None):
    return Quote(article=article, lang=lang, text=text or f"{label} in {article}", sentence="",
                 kind="reported", speaker_label=label, position=position,
                 vector=np.asarray(vec, dtype=np.float32))


def test_an_unnamed_source_is_never_shown_as_a_named_speaker():
    # "A Western diplomat, speaking on condition of anonymity, said the two leaders were
    # 'within reach' of a summit" (a1) sits at 0.90 from a minister's words in a2 on the
    # same summit; a3 gives the minister's words in Romanian. The diplomat is nobody the
    # event names: the diplomat's words stay apart from the minister's statement, while the
    # minister's two reports still make one.
    d, m2, m3 = range(3)
    v = _vectors({(d, m2): 0.90, (m2, m3): 0.89, (d, m3): 0.85}, 3, 0.7)
    qs = [_described("a1", "en", "a diplomat", v[d],
                     text="the two leaders were within reach of a summit after the mediated round"),
          _q("a2", "en", "brnr", v[m2], text="the president is willing to meet his rival in person"),
          _q("a3", "ro", "brnr", v[m3], text="președintele este dispus să se vadă cu rivalul său")]
    groups = merge(qs, {})
    minister = next(g for g in groups if qs[1] in g)
    assert qs[0] not in minister and qs[2] in minister
    # Two reports of one unnamed source are still one statement, at the cosine quotes
    # with no speaker need (0.88).
    d1, d2 = range(2)
    v = _vectors({(d1, d2): 0.90}, 2, 0.7)
    pair = [_described("a1", "en", "a diplomat", v[d1]), _described("a2", "fr", "a diplomat", v[d2])]
    assert sorted(map(len, merge(pair, {}))) == [2]
    v = _vectors({(d1, d2): 0.85}, 2, 0.7)
    pair = [_described("a1", "en", "a diplomat", v[d1]), _described("a2", "fr", "a diplomat", v[d2])]
    assert sorted(map(len, merge(pair, {}))) == [1, 1]


def test_two_statements_in_one_language_sharing_no_content_word_stay_apart():
    # One speaker quoted once in each of two English reports, at 0.85 (over the 0.83 a
    # speaker's quotes link at, each the other's only candidate): last year's refusal in
    # one, this week's suspicion of the offer in the other. Two English reports of one
    # statement keep some of its words; these share none.
    a, b = range(2)
    v = _vectors({(a, b): 0.85}, 2, 0.7)
    apart = [_q("a1", "en", "brnr", v[a], text="she would not travel to a city whose army keeps shelling her towns"),
             _q("a2", "en", "brnr", v[b],
                text="being summoned there under present conditions looks meant to stall any genuine summit")]
    assert sorted(map(len, merge(apart, {}))) == [1, 1]
    alike = [_q("a1", "en", "brnr", v[a], text="the delegation will receive full protection if it travels"),
             _q("a2", "en", "brnr", v[b], text="full protection was promised to the delegation should it come")]
    assert sorted(map(len, merge(alike, {}))) == [2]
    # Across languages words are not compared.
    other = [apart[0], _q("a2", "de", "brnr", v[b], text="eine Einladung unter diesen Umständen soll nur bremsen")]
    assert sorted(map(len, merge(other, {}))) == [2]


def test_a_statement_does_not_join_another_through_a_third_language():
    # x1 (en, a1: any encounter needs careful preparation) is the closest quote of its
    # speaker in a3 (de) to y3 (an offer to host a summit), and y3's closest in a1, at
    # 0.85; y3 is one statement with y2 (en, a2) at 0.88. On average x1 fits y2 and y3
    # (0.825 over 0.80), but x1 and y2, two English reports, share no content word: x1 is
    # another statement.
    x1, y2, y3 = range(3)
    v = _vectors({(x1, y3): 0.85, (y2, y3): 0.88, (x1, y2): 0.80}, 3, 0.7)
    qs = [_q("a1", "en", "brnr", v[x1],
             text="any encounter between the leaders requires careful preparation and concrete aims"),
          _q("a2", "en", "brnr", v[y2],
             text="if the president truly wants a face-to-face summit, the capital stands ready to host it"),
          _q("a3", "de", "brnr", v[y3], text="wenn er wirklich bereit ist, laden wir ihn in die Hauptstadt ein")]
    groups = merge(qs, {})
    offer = next(g for g in groups if qs[1] in g)
    assert qs[2] in offer and qs[0] not in offer


def test_content_words_leave_out_names_and_short_words():
    from tidings.brief.quotes.merge import content_words

    assert content_words("Brenner would give Kovac every guarantee of safety",
                         ["Orla Brenner", "Kovac"]) == {"guara", "safet"}


def test_a_whole_sharing_no_word_with_a_piece_in_its_language_is_no_whole():
    # One speaker's offer (A) and promise of protection (B), given one after the other in
    # a2 (en), a3 (de) and a4 (ro); a1 (en) gives the promise only. a1's promise is close
    # to both of a4's quotes (0.84), as a whole passage would be, but it shares no word
    # with a2's English offer: it is the promise alone, and the two statements stay apart.
    a2, a3, a4, b1, b2, b3, b4 = range(7)
    v = _vectors({(a2, a3): 0.88, (a2, a4): 0.87, (a3, a4): 0.86,
                  (b1, b2): 0.91, (b2, b4): 0.87, (b1, b4): 0.845, (b3, b4): 0.86, (b2, b3): 0.85,
                  (b1, b3): 0.84, (b1, a4): 0.84, (b1, a2): 0.80}, 7, 0.81)
    qs = [_q("a2", "en", "brnr", v[a2], 0,
             text="if the president truly wants a face-to-face summit, the capital stands ready to host it"),
          _q("a3", "de", "brnr", v[a3], 0, text="wenn er wirklich bereit ist, laden wir ihn ein"),
          _q("a4", "ro", "brnr", v[a4], 0, text="dacă este cu adevărat pregătit, îl invităm"),
          _q("a1", "en", "brnr", v[b1], 0, text="the visitor is promised protection while he stays"),
          _q("a2", "en", "brnr", v[b2], 1, text="every protection would be guaranteed for the visitor during his stay"),
          _q("a3", "de", "brnr", v[b3], 1, text="wir garantieren ihm Sicherheit"),
          _q("a4", "ro", "brnr", v[b4], 1, text="îi garantăm securitatea")]
    groups = merge(qs, {})
    assert sorted(map(len, groups)) == [3, 4]


def test_words_no_report_gives_the_speaker_are_not_shown_as_the_speakers():
    # A statement merged from a Romanian report naming its speaker and an English one that
    # names nobody (joined at the cosine quotes without a speaker need): the English
    # reader sees the Romanian words under the speaker's name, not words no report gives
    # that speaker.
    from tidings.brief.build import _quote_entry

    group = [Quote(article="a1", lang="en", text="the two sides are close to a summit", sentence="",
                   kind="reported", position=0),
             Quote(article="a2", lang="ro", text="cele două părți sunt aproape de o întâlnire", sentence="",
                   kind="reported", speaker="Orla Brenner", speaker_key="brnr", position=0)]
    entry = _quote_entry(group, "en", {}, {"brnr": "Orla Brenner"})
    assert entry["speaker"] == "Orla Brenner"
    assert entry["text"] == group[1].text and entry["lang"] == "ro"
    # With no speaker named anywhere, the reader's language first, as before.
    for q in group:
        q.speaker = q.speaker_key = None
    assert _quote_entry(group, "en", {}, {})["text"] == group[0].text


def test_a_quote_with_no_speaker_in_a_report_that_never_quotes_him_is_no_rival():
    # A third report (a3) gives, unattributed, words near the English one (0.78, within the
    # margin). It never quotes the vice-president, so they are someone else's: the English
    # and Turkish quotes are still one statement.
    v = _vectors({(0, 1): 0.804, (0, 2): 0.78, (1, 2): 0.75, (0, 3): 0.5, (1, 3): 0.5, (2, 3): 0.6}, 4, 0.5)
    qs = _once_each()
    loose = Quote(article="a3", lang="de", text="Man werde sich aus dem Streit der anderen heraushalten",
                  sentence="", kind="reported", position=0, vector=np.asarray(v[2], dtype=np.float32))
    other = _q("a3", "de", "mnstr", v[3], position=1, text="Wir sprechen mit allen Seiten weiter")
    qs[0].vector, qs[1].vector = np.asarray(v[0], dtype=np.float32), np.asarray(v[1], dtype=np.float32)
    assert sorted(map(len, merge(qs + [loose, other], {}))) == [1, 1, 2]
    # When that report quotes him elsewhere, its unattributed words may be his: a rival.
    his = _q("a3", "de", "vns", v[3], position=1, text="Wir sprechen mit allen Seiten weiter")
    assert sorted(map(len, merge(qs + [loose, his], {}))) == [1, 1, 1, 1]
