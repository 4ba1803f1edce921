"""Who speaks, and where a statement starts and ends, on patterns met in real crawled
reports (brief/quotes/extract.py, build._quote_entry). Fixture sentences are our own."""

from tidings.brief.build import _quote_entry
from tidings.brief.quotes import Quote, extract
from tidings.records import Mention
from tidings.understand.names import name_key


def _m(surface, kind="person"):
    return Mention(name_key(surface), surface, kind)


def _said(text, lang, mentions):
    return [(q.speaker, q.text) for q in extract(text, lang, mentions, article="a1")]


def test_a_name_after_a_chinese_quotation_does_not_speak_it():
    # Chinese puts the speaker before the verb: a valley named after the quotation (and
    # after a "据称", reportedly) is where something happened, not who spoke.
    text = "南陆称目标是“武装分子的后勤据点”，这些据点据称曾策划发生在青岚山谷的袭击。"
    mentions = [_m("南陆", "place"), _m("青岚", "name")]
    said = _said(text, "zh", mentions)
    assert said and all(speaker != "青岚" for speaker, _ in said)


def test_a_chinese_verb_in_a_shi_de_frame_reports_who_announced_not_what():
    # "…是由X宣布的，他将…": the announcer is named, what follows is narration about him.
    text = "港口关闭的消息是由交通部长林海峰宣布的，他将在下周负责灾后重建的协调工作。"
    said = _said(text, "zh", [_m("林海峰")])
    assert not any(t.startswith("的") for _, t in said)
    assert not any("负责灾后重建" in t for _, t in said)


def test_a_chinese_full_name_known_by_its_given_name_is_found_by_its_surname():
    # The entities know "凯文" only; "凯文·罗兰" in the text makes a later "罗兰说" the same
    # person, and the quotation his rather than the last person named before it.
    text = ("码头关闭的消息是由港务长凯文·罗兰宣布的。\n"
            "“今天凌晨三点，最后一艘货轮已经离开了码头，”罗兰说。")
    said = _said(text, "zh", [_m("凯文")])
    assert [s for s, t in said if "最后一艘货轮" in t] in (["罗兰"], ["凯文·罗兰"])


def test_a_chinese_time_clause_ends_the_statement_of_its_own_verb():
    # "A宣布不再参选后，B宣布…": what A announced ends at 后; B's clause is not A's words.
    text = "前任市长周文清宣布不会再次参加明年的市长选举之后，议员陈立宣布重新参加竞选活动。"
    said = _said(text, "zh", [_m("周文清"), _m("陈立")])
    assert all("陈立" not in t for s, t in said if s == "周文清")


def test_a_statement_cut_by_the_end_of_the_text_ends_at_a_word_and_says_so():
    # The crawl stopped mid-word: the statement ends at the last whole word, marked cut.
    text = ("وأكد الجيش أنه لم تسقط أي قذيفة على المدينة خلال الليل، "
            "وأن الرحلات التي كانت في الجو قد عادت بالفع")
    said = _said(text, "ar", [_m("الجيش", "org")])
    assert [t for _, t in said] == ["لم تسقط أي قذيفة على المدينة خلال الليل، وأن الرحلات التي كانت في الجو قد عادت …"]


def test_a_statement_that_ends_its_sentence_is_kept_whole():
    text = "وأكد الجيش أنه لم تسقط أي قذيفة على المدينة خلال الليل، وأن الطرق مفتوحة."
    said = _said(text, "ar", [_m("الجيش", "org")])
    assert any(t.endswith("الطرق مفتوحة") for _, t in said)


def test_a_country_speaks_through_a_verb_joined_to_its_own():
    # "Valdora confirmed the strikes and said that…": the second verb shares the subject.
    text = "Валдора підтвердила удари по трьох містах і заявила, що сусід відповість за цей напад."
    said = _said(text, "uk", [_m("Валдора", "place")])
    assert ("Валдора", "сусід відповість за цей напад") in said


def test_a_place_after_a_clause_of_its_own_still_does_not_speak():
    text = "Валдора втратила три села, і заявила, що сусід відповість за цей напад."
    said = _said(text, "uk", [_m("Валдора", "place")])
    assert all(s != "Валдора" for s, _ in said)


def test_a_bare_plural_label_is_shown_as_unnamed():
    q = Quote(article="a1", lang="en", text="the convoy left the port at dawn", sentence="", kind="reported",
              speaker_label="sources")
    assert _quote_entry([q], "en", {}, {})["speaker"] == "unnamed sources"
    q.speaker_label = "an official"
    assert _quote_entry([q], "en", {}, {})["speaker"] == "an official"


def test_chinese_according_to_frames_give_the_source_as_the_speaker():
    # 根據…的說法 / 据…称 / 据…报道 / 據…表示, traditional and simplified: the source after
    # 根據/据 speaks, the clause after the frame is what it said.
    cases = [
        ("根据外交部长王立明的说法，两国将在下周恢复边境贸易。", [_m("王立明")], "王立明",
         "两国将在下周恢复边境贸易"),
        ("根據瓦爾多拉軍方的說法，這次襲擊已造成至少十二人死亡、三十人受傷。", [_m("瓦爾多拉", "place")],
         "瓦爾多拉軍方", "這次襲擊已造成至少十二人死亡"),
        ("據《北港日報》稱，兩國將在下週恢復邊境貿易並重開口岸。", [], "北港日報",
         "兩國將在下週恢復邊境貿易並重開口岸"),
        # An outlet's report credits the narration; a statement inside it is its speaker's.
        ("据北港日报报道，外交部长王立明表示，两国将在下周恢复边境贸易。", [_m("王立明")], "王立明",
         "两国将在下周恢复边境贸易"),
        ("據外交部表示，雙方將在下週舉行新一輪會談並簽署協議。", [], "外交部", "雙方將在下週舉行新一輪會談"),
    ]
    for text, mentions, speaker, said in cases:
        qs = extract(text, "zh", mentions, article="a1")
        assert [(q.kind, q.speaker) for q in qs] == [("reported", speaker)], text
        assert qs[0].text.startswith(said), qs[0].text


def test_a_chinese_according_to_frame_holding_a_quotation_is_direct_speech_of_the_source():
    text = "根據瓦爾多拉官方說法，這波攻擊已造成至少十九人死亡，並聲明表示「這是戰爭行為，我們將擇時回應」。"
    qs = extract(text, "zh-tw", [_m("瓦爾多拉", "place")], article="a1")
    assert [(q.kind, q.speaker) for q in qs] == [("direct", "瓦爾多拉")]
    assert qs[0].text.startswith("這是戰爭行為")


def test_chinese_according_to_words_that_name_no_source_attribute_nothing():
    # 据称 is "reportedly"; 占据 (occupy) and 数据 (data) hold 据 inside a word; a law is no
    # speaker; what an outlet reports (据…报道) is narration credited to another newsroom.
    for text in ("据称这些据点曾策划针对游客的袭击，造成二十六人死亡。",
                 "据《北港日报》报道，此前两国边境已经爆发了持续数周的冲突。",
                 "據北港電視台報導，邊境口岸在週二清晨重新開放並恢復通行。",
                 "根据宪法规定，总统必须在六十天内举行新的选举。",
                 "两党占据了二百零八个席位，据此可以组成联合政府并选出总理。"):
        assert extract(text, "zh", [], article="a1") == [], text
    qs = extract("据官方通报，导弹分别打击了边境附近的三座城市。", "zh", [], article="a1")
    assert [(q.speaker, q.speaker_label) for q in qs] == [(None, "officials")]
