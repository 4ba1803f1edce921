"""One source model: the same source count for an event in the CLI listing, the brief, the
digest, the API and the page; an unnamed outlet is shown by its site or folder, never by
its file name."""

import re

from tidings.brief.sources import label, sources_of
from tidings.records import Article, RawArticle


def _art(aid, source=None, url=None, origin="x"):
    return Article(id=aid, origin=origin, title=aid, text="", raw="", content_hash=aid,
                   source=source, url=url)


def test_labels_come_from_outlet_or_site_never_a_file_or_folder_name():
    assert label(_art("1", source="Northern Courier")) == "Northern Courier"
    assert label(_art("2", url="https://www.example-news.org/world/x")) == "example-news.org"
    # A folder cleaning did not take for an outlet (the input root, a container) is none.
    assert label(_art("3", origin="/data/seeds/003_569c59af60f09498.txt")) is None
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

    from tidings.brief.digests import rank_events
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
        brief, api = _counts_agree(store, client, ranked, e)
        # The same names, not only the same number.
        names = sorted(sources_of(store.get_articles(e.article_ids)))
        assert sorted(e.sources) == sorted(brief["sources"]) == sorted(api["sources"]) == names
        assert sorted(api["brief"]["sources"]) == names
        # No file-name label anywhere in the brief.
        assert all(not re.search(r"\.txt$", a["source"] or "") for a in brief["articles"])


def _counts_agree(store, client, ranked, e):
    """One event's source count, the same in the CLI row, the store's articles, the brief,
    the digest ranking, the API and the page; returns the brief and the API's answer."""
    from tidings.brief import build_brief
    from tidings.cli import _event_row

    n = _event_row(e)["sources"]
    assert n == len(sources_of(store.get_articles(e.article_ids)))
    brief = build_brief(store, e.id)
    assert brief["n_sources"] == len(brief["sources"]) == n
    assert ranked[e.id]["sources"] == n
    api = client.get(f"/api/events/{e.id}").json()
    assert api["n_sources"] == n and api["brief"]["n_sources"] == n
    said = re.search(r"from (\d+) sources?", client.get(f"/events/{e.id}").text)
    assert said and int(said.group(1)) == n
    return brief, api


PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>{title} | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<link rel="canonical" href="https://www.harbour-gazette.co.uk/news/{slug}">
</head><body><article><h1>{title}</h1>{paras}</article>
<footer><p>© 2026 Harbour Gazette Ltd. All rights reserved.</p></footer></body></html>"""

TEXT = "{title}\n\n{paras}\n\n© 2026 Harbour Gazette Ltd\n"


def test_one_outlet_is_one_name_on_its_pages_its_text_files_and_its_feed_lines(tmp_path):
    """Its page (site name and URL), a page with only its <title> naming it, its text file
    (a copyright line with its legal form) and a JSON line with only a URL and the
    copyright line: one outlet, one name, in the articles, the event rows and the front page."""
    import json

    from fastapi.testclient import TestClient

    from tidings.pipeline import ingest
    from tidings.store import SQLiteStore
    from tidings.web import create_app

    paras = ["The harbour bridge at Saltcombe was closed on Monday after engineers found a crack "
             "in its main span, the county council said.",
             "Ferries will run every twenty minutes while the {n} inspectors examine the steel.",
             "The council said repairs could take three weeks and cost about two million pounds."]
    folder = tmp_path / "harbour-gazette"
    folder.mkdir()
    body = [p.format(n=k + 3) for k, p in enumerate(paras)]
    (folder / "bridge.html").write_text(PAGE.format(
        title="Saltcombe harbour bridge closed after crack found", slug="bridge",
        paras="".join(f"<p>{p}</p>" for p in body)), encoding="utf-8")
    (folder / "bridge-2.txt").write_text(TEXT.format(
        title="Crack closes Saltcombe harbour bridge for three weeks",
        paras="\n\n".join(reversed(body))), encoding="utf-8")
    line = {"id": "hg-3", "url": "https://harbour-gazette.co.uk/news/ferries",
            "title": "Extra ferries while Saltcombe bridge is shut",
            "text": "\n\n".join(body[1:] + [body[0], "© 2026 Harbour Gazette Ltd"])}
    (folder / "feed.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    # A page that declares no site name: its <title> names the paper after the headline.
    bare = PAGE.replace('<meta property="og:site_name" content="Harbour Gazette">\n', "")
    bare = bare.replace("<footer><p>© 2026 Harbour Gazette Ltd. All rights reserved.</p></footer>", "")
    assert "site_name" not in bare and "©" not in bare
    (folder / "bridge-3.html").write_text(bare.format(
        title="Saltcombe bridge: ferries every twenty minutes", slug="ferries-2",
        paras="".join(f"<p>{p}</p>" for p in body[1:] + body[:1])), encoding="utf-8")
    store = SQLiteStore(tmp_path / "o.db")
    report = ingest([str(folder)], store)
    assert report.ingested == 4, report.skipped
    assert {a.source for a in store.articles()} == {"Harbour Gazette"}
    rows, _ = store.list_events(limit=-1)
    assert {s for r in rows for s in r["sources"]} == {"Harbour Gazette"}
    page = TestClient(create_app(store)).get("/").text
    assert "Harbour Gazette" in page and "harbour-gazette.co.uk" not in page


def test_an_outlet_is_named_by_its_own_name_before_its_domain():
    from tidings.clean.meta import outlet

    # The page's declared site name; a "site name" that is only the host (a local server's,
    # with its port) is no name.
    assert outlet(None, "https://www.harbour-gazette.co.uk/a", "Harbour Gazette", []) == "Harbour Gazette"
    assert outlet(None, "http://127.0.0.1:8765/a", "127.0.0.1:8765", []) == "127.0.0.1"
    assert outlet(None, "https://www.harbour-gazette.co.uk/a", "harbour-gazette.co.uk", []) == "harbour-gazette.co.uk"
    # A name the text or the page title states, when it spells the host; the legal form aside.
    copyright_line = ["© 2026 Harbour Gazette Ltd. All rights reserved."]
    assert outlet(None, "https://harbourgazette.example/a", None, copyright_line) == "Harbour Gazette"
    assert outlet(None, None, None, ["© 2026 Harbour Gazette GmbH"]) == "Harbour Gazette"
    assert outlet(None, "https://www.harbour-gazette.co.uk/a", None, [],
                  "Bridge closed after crack found | Harbour Gazette") == "Harbour Gazette"
    # A credit to another outlet beside the host is not the host's name.
    assert outlet(None, "https://www.harbour-gazette.co.uk/a", None, ["© 2026 Global Wire"],
                  "Global Wire - Bridge closed") == "harbour-gazette.co.uk"
    # A given source wins; a given host is its registered domain.
    assert outlet("Harbour Gazette", "https://x.example/a", None, []) == "Harbour Gazette"
    assert outlet("m.harbour-gazette.co.uk", None, None, []) == "harbour-gazette.co.uk"


def test_a_folder_names_an_outlet_unless_it_is_a_container():
    from tidings.clean.meta import folder_outlet

    assert folder_outlet("kyiv-kurier") == "Kyiv Kurier"
    assert folder_outlet("diario-del-sur") == "Diario del Sur"
    assert folder_outlet("Le_Monde") == "Le Monde"  # its own capitals kept
    # Filed by outlet, then section: the outlet; by date or language first: the outlet.
    assert folder_outlet("metro-ledger/world") == "Metro Ledger"
    assert folder_outlet("2026/05/kyiv-kurier") == "Kyiv Kurier"
    assert folder_outlet("en/kyiv-kurier") == "Kyiv Kurier"
    # Containers, dates, languages and ids name no outlet.
    for f in [None, "", "inbox", "data/articles", "2025", "2025-05-10", "batch-2026-01", "ro",
              "english", "politics", "9f86d081884c7d65", "x1"]:
        assert folder_outlet(f) is None, f


def test_names_that_fold_alike_are_one_outlet():
    from tidings.brief.sources import distinct, outlet_key

    assert outlet_key("L'Écho Continental") == outlet_key("Echo Continental")
    assert outlet_key("The Northern Courier") == outlet_key("northern-courier")
    assert distinct(["Știrile Zilei", "Stirile Zilei", "Northern Courier"]) == ["Știrile Zilei", "Northern Courier"]
    assert sources_of([_art("a", "The Harbour Gazette"), _art("b", "Harbour Gazette")]) == ["The Harbour Gazette"]


STORY = ("A dam on the Lerna river burst near the town of Valdora on Tuesday, killing 14 people "
         "and forcing 3,000 residents from their homes.\n\nInterior Minister Elena Marsh said the "
         "state would rebuild every house.\n\nRescue teams used {n} boats to reach families on rooftops.")


def test_folders_that_name_outlets_are_counted_alike_in_every_view(tmp_path):
    """Files with no outlet name and no URL, read from a folder per outlet: each folder is
    an outlet (the root and a date folder are not), one outlet stated in the text and named
    by its folder counts once, and the CLI, brief, digest, API and page give one count."""
    from fastapi.testclient import TestClient

    from tidings.brief.digests import rank_events
    from tidings.pipeline import ingest
    from tidings.store import SQLiteStore
    from tidings.web import create_app

    root = tmp_path / "inbox"
    for folder, name, extra in [("valdora-post", "a.txt", ""), ("valdora-post", "b.txt", ""),
                                ("lerna-times", "c.txt", ""), ("2026-06", "d.txt", ""),
                                ("harbour-gazette", "e.txt", ""),
                                ("wire", "f.txt", "\n\n© 2026 The Harbour Gazette Ltd"), (".", "g.txt", "")]:
        (root / folder).mkdir(parents=True, exist_ok=True)
        n = len(list(root.rglob("*.txt")))
        (root / folder / name).write_text(
            f"Dam bursts on the Lerna river near Valdora\n\n{STORY.format(n=10 + n)}{extra}\n", encoding="utf-8")
    store = SQLiteStore(tmp_path / "f.db")
    report = ingest([str(root)], store)
    assert report.ingested == 7, report.skipped
    by_file = {a.origin.rsplit("/", 1)[-1]: a.source for a in store.articles()}
    assert by_file == {"a.txt": "Valdora Post", "b.txt": "Valdora Post", "c.txt": "Lerna Times",
                       "d.txt": None, "e.txt": "Harbour Gazette", "f.txt": "The Harbour Gazette",
                       "g.txt": None}
    ranked = {r["event"]: r for r in rank_events(store)}
    client = TestClient(create_app(store))
    total = set()
    for e in store.events():
        brief, _ = _counts_agree(store, client, ranked, e)
        total |= set(brief["sources"])
    assert total == {"Valdora Post", "Lerna Times", "Harbour Gazette"}


def test_articles_of_unnamed_outlets_in_the_input_folder_are_not_shown_as_one_outlet(tmp_path):
    """Two papers' text files straight in the folder given (seeds/): counted as no source,
    and shown as unknown, not both as "seeds" (one outlet the count leaves out)."""
    from tidings.brief import build_brief, render
    from tidings.pipeline import ingest
    from tidings.store import SQLiteStore

    folder = tmp_path / "seeds"
    folder.mkdir()
    for i, lead in enumerate(["A dam on the Lerna river burst near Valdora on Tuesday, killing 14 people.",
                              "Fourteen people died when a dam on the Lerna burst near Valdora on Tuesday."]):
        (folder / f"00{i}_569c59af60f0949{i}.txt").write_text(
            f"Dam bursts near Valdora\n\n{lead} Interior Minister Elena Marsh said the state "
            "would rebuild every house.\n", encoding="utf-8")
    store = SQLiteStore(tmp_path / "s.db")
    ingest([str(folder)], store)
    (e,) = store.events()
    brief = build_brief(store, e.id)
    assert brief["n_sources"] == 0
    assert {a["source"] for a in brief["articles"]} == {None}
    text = render(brief, "md") + render(brief, "html")
    assert "seeds" not in text and "569c59af" not in text
    assert "unknown source" in text
