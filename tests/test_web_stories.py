"""Stories on the web: events grouped under the developing story they belong to, on the
front page, on a story's own page and in the JSON API; and the store queries behind them,
on every store implementation."""

from __future__ import annotations

import hashlib

import pytest
from test_web_pages import assert_inert, get
from web_store import XSS, add_event, build_store  # noqa: F401 (fixtures below use them)

from tidings.records import Article, Event


def _article(aid: str, date: str, title: str, lang: str = "en") -> Article:
    text = f"{title}. Reported on {date} by the wire."
    return Article(id=aid, origin=f"fixture/{aid}", title=title, text=text, raw=text,
                   content_hash=hashlib.sha256(text.encode()).hexdigest()[:16],
                   source="Example Wire", lang=lang, date=date, date_source="given")


def add_story_events(store) -> None:
    """The floods of 3 November (already in the store) developing over two more days, and
    a hostile event in a story of its own with a second event."""
    later = [
        ("ev-floods-aid", [_article("en-3", "2025-11-04T09:00:00+00:00", "Army sends aid to flooded villages")]),
        ("ev-floods-toll", [_article("en-4", "2025-11-05T12:00:00+00:00", "Flood toll rises to nine"),
                            _article("ro-4", "2025-11-05T15:00:00+02:00", "Bilanțul inundațiilor crește", "ro")]),
        ("ev-evil-2", [_article("en-5", "2026-02-02T10:00:00+00:00", f"Sequel {XSS['script']}")]),
    ]
    for event_id, articles in later:
        for a in articles:
            store.add_article(a)
        add_event(store, event_id, articles)
    for event_id in ("ev-floods", "ev-floods-aid", "ev-floods-toll"):
        store.set_event_story(event_id, "st-floods")
    store.set_event_story("ev-moscow", "st-moscow")
    store.set_event_story("ev-evil", "st-evil")
    store.set_event_story("ev-evil-2", "st-evil")


@pytest.fixture()
def story_client(monkeypatch):
    import warnings

    from tidings.web import create_app

    store = build_store()
    add_story_events(store)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    monkeypatch.delenv("TIDINGS_API_TOKEN", raising=False)
    yield TestClient(create_app(store, token=""))
    store.close()


def test_api_lists_stories_with_their_events_earliest_first(story_client):
    body = story_client.get("/api/stories", params={"min_events": 2}).json()
    by_id = {s["id"]: s for s in body["stories"]}
    assert set(by_id) == {"st-floods", "st-evil"}  # st-moscow has one event
    assert body["total"] == 2
    floods = by_id["st-floods"]
    assert floods["events"] == 3 and floods["articles"] == 5
    assert [e["id"] for e in floods["event_list"]] == ["ev-floods", "ev-floods-aid", "ev-floods-toll"]
    # Titled by its largest event; spans its events' times.
    assert floods["title"] in {"Floods close roads across northern Romania", "Flood toll rises to nine"}
    assert floods["first_time"].startswith("2025-11-03") and floods["last_time"].startswith("2025-11-05")
    # The most recent story first.
    assert [s["id"] for s in body["stories"]] == ["st-evil", "st-floods"]
    everything = story_client.get("/api/stories").json()
    assert everything["total"] == 3


def test_api_story_by_id_and_unknown_story(story_client):
    one = story_client.get("/api/stories/st-floods").json()
    assert one["id"] == "st-floods" and len(one["event_list"]) == 3
    missing = story_client.get("/api/stories/no-such-story")
    assert missing.status_code == 404
    assert "no story with id 'no-such-story'" in missing.text


def test_api_events_say_which_story_they_belong_to(story_client):
    events = {e["id"]: e for e in story_client.get("/api/events").json()["events"]}
    assert events["ev-floods-aid"]["story"] == "st-floods"
    assert events["ev-floods-aid"]["story_events"] == 3
    assert events["ev-moscow"]["story_events"] == 1
    assert events["ev-tokyo"]["story"] is None


def test_front_page_groups_events_under_developing_stories(story_client):
    html = get(story_client, "/")
    section = html[html.index('id="stories"'):html.index("All events")]
    assert "/stories/st-floods" in section and "/stories/st-evil" in section
    assert "/stories/st-moscow" not in section  # a story of one event is just its event
    floods = section[section.index("/stories/st-floods"):]
    order = [floods.index(f"/events/{e}") for e in ("ev-floods", "ev-floods-aid", "ev-floods-toll")]
    assert order == sorted(order)
    # In the events table, events of a developing story link to it.
    table = html[html.index('id="events"'):]
    row = table[table.index('data-id="ev-floods-aid"'):]
    row = row[:row.index("</tr>")]
    assert "/stories/st-floods" in row and "story · 3 events" in row
    moscow = table[table.index('data-id="ev-moscow"'):]
    assert "/stories/" not in moscow[:moscow.index("</tr>")]


def test_story_page_lists_its_events_and_escapes_titles(story_client):
    html = get(story_client, "/stories/st-floods")
    assert "3 events and 5 articles" in html
    assert html.index("/events/ev-floods\"") < html.index("/events/ev-floods-aid") < html.index("/events/ev-floods-toll")
    evil = get(story_client, "/stories/st-evil")
    assert_inert(evil)
    assert "&lt;script&gt;" in evil
    assert story_client.get("/stories/nope").status_code == 404


def test_store_lists_stories_by_size_and_filters(any_store):
    for i, (event_id, story, n) in enumerate([("e1", "s1", 2), ("e2", "s1", 1), ("e3", "s2", 4)]):
        ids = [f"{event_id}-a{j}" for j in range(n)]
        for aid in ids:
            any_store.add_article(_article(aid, f"2025-05-0{i + 1}T10:00:00+00:00", f"Title {aid}"))
        any_store.put_event(Event(id=event_id, title=f"Event {event_id}", first_time=f"2025-05-0{i + 1}",
                                  last_time=f"2025-05-0{i + 1}", languages=["en"], article_ids=ids,
                                  sources=["Example Wire"]))
        for aid in ids:
            any_store.assign(aid, event_id, 0.9)
        any_store.set_event_story(event_id, story)
    rows, total = any_store.list_stories()
    assert total == 2 and [r["id"] for r in rows] == ["s2", "s1"]
    assert {r["id"]: (r["events"], r["articles"]) for r in rows} == {"s2": (1, 4), "s1": (2, 3)}
    assert [r["id"] for r in any_store.list_stories(min_events=2)[0]] == ["s1"]
    assert any_store.list_stories(story_id="s1")[0][0]["title"] == "Event e1"  # its largest event
    assert any_store.list_stories(story_id="nope") == ([], 0)
    assert any_store.story_event_ids("s1") == ["e1", "e2"]
    page, _ = any_store.list_events(limit=10)
    assert {r["id"]: r["story_events"] for r in page} == {"e1": 2, "e2": 2, "e3": 1}
