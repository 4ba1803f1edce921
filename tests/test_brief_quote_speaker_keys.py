"""A quoted person's name key against a town's: a name in Chinese is keyed by another
article's name when their sounds meet, which must not make the speaker the town (or the
town a person). Fixture articles are our own."""

from tidings.brief import build_brief
from tidings.pipeline import ingest_raw
from tidings.records import Event, RawArticle
from tidings.store import SQLiteStore

_EN = [
    ("Shelling hits border towns of Kodar and Velmora",
     "Artillery fire hit the border towns of Kodar and Velmora on Tuesday night, local officials "
     "said. Residents of Kodar fled to the hills as shells struck the market. In Velmora, two "
     "schools were damaged and the water supply was cut."),
    ("Border villages count damage after night of shelling",
     "Families returned on Wednesday to Kodar, where several houses were destroyed, and to "
     "nearby villages along the river. Aid groups said the clinic in Kodar would reopen on Friday."),
]
_ZH = ("边境村镇遭炮击",
       "周二夜间，边境多个村镇遭到炮击。边防部队发言人乔达里中将表示，对方的炮击已经在凌晨停止，部队将继续保持警戒。"
       "当地居民说，市场和两所学校受到损坏。")


def _brief_of(store, raws):
    """The brief of `raws` ingested and put into one event by hand."""
    ingest_raw(raws, store)
    ids = [a.id for a in store.articles()]
    store.put_event(Event(id="ev", title="shelling", article_ids=ids))
    for aid in ids:
        store.assign(aid, "ev")
    return build_brief(store, "ev", "en", force=True)


def test_a_chinese_speaker_keyed_like_a_town_stays_a_person_and_keeps_his_quote(tmp_path):
    store = SQLiteStore(tmp_path / "t.db")
    raws = [RawArticle(origin=f"fixture-{i}", id=f"e{i}", url=f"https://news{i}.example.org/world/{i}",
                       lang="en", date="2026-03-04T08:00:00+00:00", title=t, text=b)
            for i, (t, b) in enumerate(_EN)]
    raws.append(RawArticle(origin="fixture-zh", id="z1", url="https://zh.example.org/world/1", lang="zh",
                           date="2026-03-04T09:00:00+00:00", title=_ZH[0], text=_ZH[1]))
    brief = _brief_of(store, raws)
    said = [q for q in brief["quotes"] if "炮击已经在凌晨停止" in q["text"]]
    assert said, brief["quotes"]
    assert said[0]["speaker"] == "乔达里"
    town = [e for e in brief["entities"] if "Kodar" in e["variants"]]
    assert town and town[0]["kind"] == "place"
    assert "乔达里" not in town[0]["variants"]


def test_a_chinese_speaker_keyed_like_a_person_of_other_reports_is_still_that_person(tmp_path):
    # The sound is the only cue across scripts; where the key names a person elsewhere,
    # he is the one the Chinese report quotes.
    store = SQLiteStore(tmp_path / "t.db")
    raws = [RawArticle(origin="fixture-en", id="e1", url="https://news1.example.org/world/1", lang="en",
                       date="2026-03-04T08:00:00+00:00", title="Army says shelling has stopped",
                       text="Army spokesman Ahmed Kodar said that the shelling had stopped before dawn "
                            "and that troops would stay on alert along the border."),
            RawArticle(origin="fixture-zh", id="z1", url="https://zh.example.org/world/1", lang="zh",
                       date="2026-03-04T09:00:00+00:00", title=_ZH[0], text=_ZH[1])]
    brief = _brief_of(store, raws)
    said = [q for q in brief["quotes"] if any("炮击已经在凌晨停止" in s["text"] for s in q["sources"])]
    assert said and said[0]["speaker"] == "Ahmed Kodar", brief["quotes"]
