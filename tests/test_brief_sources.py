"""One source model: the same source count for an event in the CLI listing, the brief, the
digest, the API and the page; an unnamed outlet is shown by its site or folder, never by
its file name."""

import re

from tidings.brief.sources import label, sources_of
from tidings.records import Article, RawArticle


def _art(aid, source=None, url=None, origin="x"):
    return Article(id=aid, origin=origin, title=aid, text="", raw="", content_hash=aid,
                   source=source, url=url)


def test_labels_come_from_outlet_site_or_folder_never_a_file_name():
    assert label(_art("1", source="Northern Courier")) == "Northern Courier"
    assert label(_art("2", url="https://www.example-news.org/world/x")) == "example-news.org"
    assert label(_art("3", origin="/data/kyiv-kurier/003_569c59af60f09498.txt")) == "kyiv-kurier"
    assert label(_art("4", origin="003_569c59af60f09498.txt")) is None
    # Counted: stored outlet names only, each once.
    arts = [_art("a", "A"), _art("b", "B"), _art("c", "A"), _art("d", url="https://z.example/")]
    assert sources_of(arts) == ["A", "B"]


def _raw(i, source, body):
    return RawArticle(origin=f"fixture-{i}", id=f"s{i}", source=source,
                      url=f"https://site{i % 2}.example.org/world/{i}", lang="en",
                      date=f"2026-06-0{3 + i % 3}T10:00:00+00:00",
                      title="Dam bursts on the Lerna river near Valdora",
                      text=body)


BODY = ("A dam on the Lerna river burst near the town of Valdora on Tuesday, killing 14 people "
        "and forcing 3,000 residents from their homes. Interior Minister Elena Marsh said the "
        "state would rebuild every house. Rescue teams used {n} boats to reach families on rooftops.")


def test_source_counts_agree_in_cli_brief_digest_api_and_page(tmp_path):
    from fastapi.testclient import TestClient

    from tidings.brief import build_brief
    from tidings.brief.digests import rank_events
    from tidings.cli import _event_row
    from tidings.pipeline import ingest_raw
    from tidings.store import SQLiteStore
    from tidings.web import create_app

    store = SQLiteStore(tmp_path / "s.db")
    outlets = ["Northern Courier", "Daily Ledger", None, "Northern Courier", None, "City Herald"]
    ingest_raw([_raw(i, o, BODY.format(n=10 + i)) for i, o in enumerate(outlets)], store)
    events = store.events()
    assert events
    ranked = {r["event"]: r for r in rank_events(store)}
    client = TestClient(create_app(store))
    for e in events:
        n = _event_row(e)["sources"]
        articles = store.get_articles(e.article_ids)
        assert n == len(sources_of(articles))
        brief = build_brief(store, e.id)
        assert brief["n_sources"] == len(brief["sources"]) == n
        assert ranked[e.id]["sources"] == n
        api = client.get(f"/api/events/{e.id}").json()
        assert api["n_sources"] == n and api["brief"]["n_sources"] == n
        page = client.get(f"/events/{e.id}").text
        said = re.search(r"from (\d+) sources?", page)
        assert said and int(said.group(1)) == n
        # No file-name label anywhere in the brief.
        assert all(not re.search(r"\.txt$", a["source"] or "") for a in brief["articles"])
