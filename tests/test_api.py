"""The JSON API, driven in-process through FastAPI's TestClient, on a hand-filled store."""

from __future__ import annotations

import warnings

import pytest
from web_store import HOSTILE_EVENT, ZELENSKY, build_store, client, store  # noqa: F401 (pytest fixtures)

from tidings.config import Config
from tidings.records import Event
from tidings.web import create_app
from tidings.web.app import CSP, serve

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient




def ids(answer) -> list[str]:
    return [e["id"] for e in answer.json()["events"]]


# --- health and docs ---
def test_health_reports_schema_and_counts(client, store):
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True
    assert body["schema_version"] == store.schema_version >= 2
    assert body["articles"] == 9 and body["events"] == 4
    assert body["writes_need_token"] is False


def test_openapi_schema_and_reference_page(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/entities/{entity_id}", "/api/articles", "/api/health"):
        assert path in schema["paths"], path
    assert "requestBody" in schema["paths"]["/api/articles"]["post"]
    page = client.get("/docs")
    assert page.status_code == 200
    assert "GET /api/events" in page.text and "POST /api/articles" in page.text
    assert "cdn" not in page.text.lower()  # nothing loaded from elsewhere


# --- GET /api/events ---
def test_events_are_listed_newest_first_with_summary_fields(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 4 and body["page"] == 1 and body["pages"] == 1
    assert ids(r) == [HOSTILE_EVENT, "ev-moscow", "ev-floods", "ev-tokyo"]
    moscow = body["events"][1]
    assert moscow["articles"] == 5
    assert moscow["languages"] == ["de", "en", "hi", "ro", "ru"]
    assert moscow["n_sources"] == 5 and "दैनिक समाचार" in moscow["sources"]
    assert moscow["first_time"].startswith("2026-01-28T18:20")
    # growth: articles dated within the last day of coverage (30 Jan 08:00 and 15:45 UTC)
    assert moscow["growth"] == 2
    assert body["stamp"]


def test_events_pagination(client):
    first = client.get("/api/events?limit=3").json()
    second = client.get("/api/events?limit=3&page=2").json()
    assert first["total"] == second["total"] == 4 and first["pages"] == 2
    assert len(first["events"]) == 3 and len(second["events"]) == 1
    assert {e["id"] for e in first["events"]}.isdisjoint(e["id"] for e in second["events"])
    assert client.get("/api/events?limit=3&page=3").json()["events"] == []


def test_events_filter_by_date_range_and_language(client):
    assert ids(client.get("/api/events?since=2026-01-01&until=2026-01-31")) == ["ev-moscow"]
    # a bare `until` date covers that whole day
    assert "ev-moscow" in ids(client.get("/api/events?until=2026-01-28"))
    assert ids(client.get("/api/events?until=2025-07-01")) == ["ev-tokyo"]
    assert ids(client.get("/api/events?since=2026-01-29T12:00:00%2B00:00&until=2026-01-31")) == ["ev-moscow"]
    assert ids(client.get("/api/events?lang=hi")) == ["ev-moscow"]
    assert ids(client.get("/api/events?lang=ro")) == ["ev-moscow", "ev-floods"]
    assert client.get("/api/events?lang=xx").json()["total"] == 0


@pytest.mark.parametrize("name", [ZELENSKY, "जेलेंस्की", "Зеленский", "Selenskyj"])
def test_events_filter_by_entity_in_any_script(client, name):
    assert ids(client.get("/api/events", params={"entity": name})) == ["ev-moscow"]


def test_events_filter_by_text_in_any_script(client):
    assert ids(client.get("/api/events", params={"q": "मॉस्को"})) == ["ev-moscow"]  # Devanagari, full-text
    assert ids(client.get("/api/events", params={"q": "首脳会議"})) == ["ev-tokyo"]  # CJK, trigram
    assert ids(client.get("/api/events", params={"q": "東京"})) == ["ev-tokyo"]  # two CJK characters
    assert ids(client.get("/api/events", params={"q": "northern Romania"})) == ["ev-floods"]
    assert ids(client.get("/api/events", params={"q": "Зеленский"})) == ["ev-moscow"]
    assert client.get("/api/events", params={"q": "nothing like this anywhere"}).json()["total"] == 0
    # filters combine
    assert ids(client.get("/api/events", params={"q": "Moscow", "lang": "ja"})) == []
    assert ids(client.get("/api/events", params={"entity": "Romania", "q": "Moscow"})) == []


def test_events_changed_since_returns_only_updated_events(client, store):
    stamp = client.get("/api/events").json()["stamp"]
    store._x("UPDATE events SET updated_at = '2000-01-01T00:00:00+00:00'")
    assert client.get("/api/events", params={"changed_since": stamp}).json()["events"] == []
    e = store.get_event("ev-floods")
    store.put_event(Event(id=e.id, title=e.title, first_time=e.first_time, last_time=e.last_time,
                          languages=e.languages, article_ids=e.article_ids + ["x"], sources=e.sources))
    changed = client.get("/api/events", params={"changed_since": stamp}).json()
    assert [x["id"] for x in changed["events"]] == ["ev-floods"]
    assert changed["stamp"] >= stamp
    assert changed["removed"] == []


def test_events_merged_away_are_reported_to_the_live_poll(client, store):
    stamp = client.get("/api/events").json()["stamp"]
    store.delete_event("ev-floods")  # what the clusterer does to the absorbed side of a merge
    changed = client.get("/api/events", params={"changed_since": stamp}).json()
    assert changed["removed"] == ["ev-floods"]
    assert client.get("/api/events").json()["removed"] == []  # only with changed_since
    # An id used again is no longer reported removed.
    store.put_event(Event(id="ev-floods", title="Floods", languages=["en"], article_ids=["a"]))
    assert client.get("/api/events", params={"changed_since": stamp}).json()["removed"] == []


@pytest.mark.parametrize("query, where", [
    ("since=yesterday", "query.since"),
    ("until=2026-13-01", "query.until"),
    ("changed_since=soon", "query.changed_since"),
    ("lang=<script>", "query.lang"),
    ("limit=0", "query.limit"),
    ("limit=100000", "query.limit"),
    ("limit=many", "query.limit"),
    ("page=0", "query.page"),
    ("entity=" + "x" * 300, "query.entity"),
])
def test_events_bad_query_parameters_are_422_with_a_clear_message(client, query, where):
    r = client.get("/api/events?" + query)
    assert r.status_code == 422
    body = r.json()
    assert body["status"] == 422
    assert body["problems"][0]["where"] == where
    assert body["error"].startswith("invalid request: " + where)


# --- GET /api/events/{id} ---
def test_event_detail_has_articles_and_brief(client):
    r = client.get("/api/events/ev-moscow")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "ev-moscow" and body["articles"] == 5
    assert body["article_ids"][0] == "ro-1"  # in publication order
    assert {a["lang"] for a in body["articles_detail"]} == {"ro", "en", "hi", "ru", "de"}
    brief = body["brief"]
    for field in ("headline", "summary", "timeline", "first_report", "entities", "quotes", "figures"):
        assert field in brief, field
    assert brief["first_report"]["article"] == "ro-1"
    names = {e["name"] for e in brief["entities"]}
    assert any("Zelensk" in n or "Зеленск" in n or "जेलेंस्की" in n for n in names)


def test_unknown_event_is_404_with_a_clear_message(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404
    assert r.json() == {"error": "no event with id 'no-such-event'; list events at /api/events",
                        "status": 404}


# --- GET /api/articles/{id} ---
def test_article_detail(client):
    r = client.get("/api/articles/hi-1")
    assert r.status_code == 200
    a = r.json()
    assert a["lang"] == "hi" and a["source"] == "दैनिक समाचार"
    assert a["event"] == "ev-moscow"
    assert "raw" not in a
    assert {"key": ZELENSKY, "surface": "जेलेंस्की", "kind": "person", "count": 1} in a["names"]
    assert a["figures"][0]["value"] == 5000


def test_unknown_article_is_404(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and "no article with id 'nope'" in r.json()["error"]


# --- GET /api/entities/{id} ---
def test_entity_has_variants_across_scripts_and_events(client):
    r = client.get(f"/api/entities/{ZELENSKY}")
    assert r.status_code == 200
    e = r.json()
    assert e["name"] == "Volodymyr Zelensky" and e["kind"] == "person"
    assert set(e["variants"]) == {"Zelenski", "Volodymyr Zelensky", "जेलेंस्की", "Зеленский", "Selenskyj"}
    assert e["articles"] == 5
    assert [x["id"] for x in e["events"]] == ["ev-moscow"]


def test_unknown_entity_is_404_with_a_hint(client):
    r = client.get("/api/entities/Зеленский")  # a spelling, not a key: the answer points to the key
    assert r.status_code == 404
    assert "did you mean 'zelensky'" in r.json()["error"]
    r = client.get("/api/entities/nobody-at-all")
    assert r.status_code == 404 and "no entity with id 'nobody-at-all'" in r.json()["error"]


# --- POST /api/articles: validation, limits, token ---
@pytest.mark.parametrize("payload, where, words", [
    ({"title": 3, "text": "x" * 50}, "body[0].title", "valid string"),
    ({"text": ["a", "list"]}, "body[0].text", "valid string"),
    ({"title": "no text"}, "body[0]", "needs a non-empty 'text' or 'html'"),
    ({"text": "   "}, "body[0]", "needs a non-empty 'text' or 'html'"),
    ([{"text": "fine " * 20}, "not an object"], "body[1]", "must be a JSON object"),
    ([], "body", "the list is empty"),
    ("just a string", "body", "send a JSON object"),
    ({"text": "x" * 50, "date": 20260130}, "body[0].date", "valid string"),
])
def test_post_wrong_types_are_422_with_a_clear_message(client, payload, where, words):
    r = client.post("/api/articles", json=payload)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["problems"][0]["where"] == where
    assert words in body["problems"][0]["problem"]
    assert words in body["error"]


def test_post_invalid_json_is_422(client):
    r = client.post("/api/articles", content=b'{"text": "unterminated',
                    headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "JSON" in r.json()["error"]


def test_post_too_many_articles_is_422(store):
    client = TestClient(create_app(store, config=Config(web_max_post_articles=2), token=""))
    r = client.post("/api/articles", json=[{"text": "an article " * 10}] * 3)
    assert r.status_code == 422 and "3 articles in one request; at most 2" in r.json()["error"]


def test_oversized_body_is_413_before_parsing(store):
    client = TestClient(create_app(store, config=Config(web_max_request_bytes=1000), token=""))
    big = {"text": "word " * 400}
    r = client.post("/api/articles", json=big)
    assert r.status_code == 413
    assert "larger than 1,000 bytes" in r.json()["error"]

    def chunks():  # no Content-Length: counted while read
        for _ in range(10):
            yield b"x" * 500

    r = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_token_is_required_for_writes_when_configured(store):
    client = TestClient(create_app(store, token="s3cret-token"))
    r = client.post("/api/articles", json={"text": "an article " * 10})
    assert r.status_code == 401
    assert "Authorization: Bearer" in r.json()["error"]
    assert r.headers["www-authenticate"] == "Bearer"
    r = client.post("/api/articles", json={"text": 5}, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    # the right token gets through to validation
    r = client.post("/api/articles", json={"text": 5}, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 422
    # reads need no token
    assert client.get("/api/health").json()["writes_need_token"] is True
    assert client.get("/api/events").status_code == 200


def test_token_from_environment(store, monkeypatch):
    monkeypatch.setenv("TIDINGS_API_TOKEN", "from-env")
    client = TestClient(create_app(store))
    assert client.post("/api/articles", json={"text": 5}).status_code == 401


def test_cross_origin_write_is_refused(client):
    r = client.post("/api/articles", json={"text": 5}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and "cross-origin" in r.json()["error"]
    r = client.post("/api/articles", json={"text": 5}, headers={"Origin": "http://testserver"})
    assert r.status_code == 422  # same origin: reaches validation


def test_unexpected_host_is_refused_when_hosts_are_restricted(store):
    client = TestClient(create_app(store, allowed_hosts=["127.0.0.1", "localhost"]))
    assert client.get("/api/health", headers={"Host": "attacker.example"}).status_code == 400
    assert client.get("/api/health", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_security_headers_on_every_kind_of_response(client):
    for url in ("/api/health", "/api/events/nope", "/", "/events/nope", "/static/tidings.css"):
        r = client.get(url)
        assert r.headers["content-security-policy"] == CSP, url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in CSP and "object-src 'none'" in CSP and "base-uri 'none'" in CSP
    assert "unsafe-inline" not in CSP


def test_serve_refuses_a_public_address_without_token(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("TIDINGS_API_TOKEN", raising=False)
    assert serve(tmp_path / "x.db", host="0.0.0.0", port=1) == 2
    err = capsys.readouterr().err
    assert "refusing to listen on 0.0.0.0" in err and "--token" in err
    assert not (tmp_path / "x.db").exists()  # refused before opening anything


# --- POST /api/articles through the real ingest pipeline ---
def _pipeline_or_skip():
    # The pipeline is part of the package: failing to import it is a failure, not a skip.
    from tidings.clean import clean  # noqa: F401
    from tidings.cluster import EventLearner  # noqa: F401
    from tidings.pipeline import Pipeline  # noqa: F401
    from tidings.understand import understand_batch  # noqa: F401


def test_post_articles_ingests_and_answers_with_events(tmp_path, monkeypatch):
    _pipeline_or_skip()
    monkeypatch.delenv("TIDINGS_API_TOKEN", raising=False)
    store = build_store(tmp_path / "t.db", hostile=False)
    client = TestClient(create_app(store))
    text = ("The Kremlin said on Friday that Ukrainian President Volodymyr Zelensky could come to "
            "Moscow for talks with Vladimir Putin, and aide Yuri Ushakov repeated the offer.")
    payload = [
        {"id": "post-1", "text": text, "title": "Kremlin repeats Moscow offer to Zelensky",
         "date": "2026-01-30T12:00:00+00:00", "lang": "en", "source": "Posted Wire",
         "url": "https://posted.example.com/a"},
        {"id": "post-2", "html": "<html><body><p>" + text.replace("Friday", "Saturday") + " More follows on the talks."
                                 "</p></body></html>", "source": "Other Wire"},
    ]
    r = client.post("/api/articles", json=payload)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ingested"] == 2
    assert [a["id"] for a in body["articles"]] == ["post-1", "post-2"]
    assert all(a["event"] for a in body["articles"])
    assert client.get("/api/articles/post-1").json()["source"] == "Posted Wire"
    event = body["articles"][0]["event"]
    assert client.get(f"/api/events/{event}").status_code == 200
    # posting the same again stores nothing new
    again = client.post("/api/articles", json=payload[0]).json()
    assert again["ingested"] == 0 and again["articles"][0]["id"] == "post-1"
    assert store.count_articles() == 8 + 2


def test_event_brief_language_is_checked(client):
    r = client.get("/api/events/ev-moscow?lang=english")
    assert r.status_code == 422 and r.json()["problems"][0]["where"] == "query.lang"
    assert client.get("/api/events/ev-moscow?lang=hi").status_code == 200


def test_a_token_with_non_ascii_letters_authenticates(store):
    """The header's bytes are compared with the token's UTF-8 (as curl sends it typed)."""
    client = TestClient(create_app(store, token="sécret-ключ-टोकन"))
    good = client.post("/api/articles", json={"text": 5},
                       headers={"Authorization": "Bearer sécret-ключ-टोकन".encode()})
    assert good.status_code == 422  # through to validation
    bad = client.post("/api/articles", json={"text": 5},
                      headers={"Authorization": "Bearer sécret-ключ-xxxx".encode()})
    assert bad.status_code == 401 and bad.headers["www-authenticate"] == "Bearer"


def test_a_refused_host_still_gets_the_security_headers(store):
    client = TestClient(create_app(store, allowed_hosts=["127.0.0.1", "[::1]"]))
    r = client.get("/api/health", headers={"Host": "rebound.example:8000"})
    assert r.status_code == 400 and r.headers["content-security-policy"] == CSP
    assert client.get("/api/health", headers={"Host": "[::1]:8000"}).status_code == 200
