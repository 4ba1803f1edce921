"""Who speaks, and where a statement starts and ends, on patterns met in real crawled
reports (brief/quotes/extract.py, build._quote_entry). Fixture sentences are our own."""

from tidings.brief.quotes import extract
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
