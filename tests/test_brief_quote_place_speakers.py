"""A state speaking is shown by the name the reports give it as a speaker, not by the
entry's fullest form (the state's formal name, a wire dateline). Fixture articles are our own."""

from tidings.brief import build_brief
from tidings.pipeline import ingest_raw
from tidings.records import Event, RawArticle
from tidings.store import SQLiteStore


def _brief(tmp_path, items):
    store = SQLiteStore(tmp_path / "t.db")
    raws = [RawArticle(origin=f"fixture-{i}", id=f"a{i}", url=f"https://news{i}.example.org/world/{i}",
                       lang=lang, date="2026-05-02T08:00:00+00:00", title=title, text=body)
            for i, (lang, title, body) in enumerate(items)]
    ingest_raw(raws, store)
    ids = [a.id for a in store.articles()]
    store.put_event(Event(id="ev", title="synod", article_ids=ids))
    for aid in ids:
        store.assign(aid, "ev")
    return build_brief(store, "ev", "en", force=True)


_DATELINED = [
    ("en", "Bishops open a synod on the future of rural parishes",
     "VATICAN CITY (Wire) — Some 300 bishops opened a month-long synod in Vatican City on Monday "
     "to discuss the future of rural parishes. The meetings in Vatican City will run until June."),
    ("en", "Synod on rural parishes begins with a morning Mass",
     "VATICAN CITY — The synod on rural parishes began with a morning Mass in Vatican City, "
     "attended by bishops from 90 countries and by lay delegates."),
]


def test_a_state_spoken_for_in_the_readers_language_keeps_the_form_written_as_speaker(tmp_path):
    brief = _brief(tmp_path, _DATELINED + [
        ("en", "Synod to publish its final report in July",
         "The Vatican said that the synod would publish its final report in July after a vote of "
         "all the bishops taking part."),
    ])
    said = [q for q in brief["quotes"] if "final report" in q["text"]]
    assert said and said[0]["speaker"] == "Vatican", brief["quotes"]


def test_a_state_spoken_for_in_other_languages_is_shown_by_the_words_they_use(tmp_path):
    brief = _brief(tmp_path, _DATELINED + [
        ("es", "El sínodo publicará su informe final en julio",
         "El Vaticano dijo que el sínodo publicará su informe final en julio tras una votación de "
         "todos los obispos participantes."),
    ])
    said = [q for q in brief["quotes"] if "informe final" in q["text"]]
    assert said and said[0]["speaker"] == "Vatican", brief["quotes"]



def test_a_capital_speaking_for_its_country_does_not_rename_it():
    from tidings.brief.build import _place_speaker_names
    from tidings.brief.entities import Entity
    from tidings.brief.quotes import Quote
    from tidings.understand.names import name_key

    country = name_key("Pakistan")
    e = Entity(key=country, keys={country})
    said = [Quote(article="a1", lang="en", text="talks will go on", sentence="", kind="reported",
                  speaker="Islamabad", speaker_key=country)]
    assert _place_speaker_names(said, [e], {country: "Pakistan"}, {country: "place"}, "en") == {}
    said.append(Quote(article="a2", lang="en", text="talks will go on", sentence="", kind="reported",
                      speaker="Pakistan", speaker_key=country))
    assert _place_speaker_names(said, [e], {country: "Pakistan"}, {country: "place"}, "en") == \
        {country: "Pakistan"}
