"""Feeds (RSS 0.9x/1.0/2.0, Atom, Dublin Core dates, relative links, broken XML), OPML, the
JSON the neighbouring tools write (news-please, trafilatura --json, newspaper), outlets by
registered domain, and the CLI's exchange formats and export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from tidings.clean.meta import registered_domain
from tidings.cli import main, write_rows
from tidings.records import Problem, RawArticle
from tidings.sources import read
from tidings.sources.feeds import parse_feed, read_opml, write_opml

BODY = ("The harbour authority of Saltcombe approved on Monday a plan to dredge the old channel, "
        "which has been closed to larger boats since the storms of last winter. Work starts in May "
        "and should take eleven weeks, the authority said in a statement.")

RSS_091 = f"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<link>http://wire.example.org/</link><language>en-gb</language>
<item><title>Dredging plan approved</title><link>http://wire.example.org/a/1</link>
<description>{BODY}</description></item></channel></rss>""".encode()

RSS_10 = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://rdf.example.org/"><title>RDF News</title><link>http://rdf.example.org/</link>
<description>d</description><dc:language>de</dc:language></channel>
<item rdf:about="http://rdf.example.org/b/2"><title>Hafenplan genehmigt</title>
<link>http://rdf.example.org/b/2</link><description>{BODY}</description>
<dc:date>2026-03-02T08:15:00+01:00</dc:date><dc:creator>Greta Holm</dc:creator></item></rdf:RDF>""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="http://atom.example.org/news/">
<title>Atom Dépêches</title><id>urn:x</id><updated>2026-03-03T12:00:00Z</updated>
<entry><title>Plan de dragage approuvé</title><link href="c/3.html"/><id>urn:3</id>
<published>2026-03-03T11:30:00Z</published><updated>2026-03-03T12:00:00Z</updated>
<author><name>Marc Delorme</name></author><summary>{BODY}</summary></entry></feed>""".encode()

RSS_20_MEDIA = f"""<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>http://m.example.org/</link>
<item><title>With only a DC date</title><link>/rel/4</link><dc:date>2026-03-04T09:00:00Z</dc:date>
<media:content url="http://m.example.org/i.jpg" medium="image"/><description>{BODY}</description></item>
</channel></rss>""".encode()


def test_rss_09x_10_20_and_atom_are_read_with_their_metadata():
    old = parse_feed(RSS_091).entries[0]
    assert (old.url, old.title, old.lang) == ("http://wire.example.org/a/1", "Dredging plan approved", "en")
    rdf = parse_feed(RSS_10).entries[0]
    assert rdf.date == "2026-03-02T07:15:00+00:00" and rdf.author == "Greta Holm" and rdf.lang == "de"
    atom = parse_feed(ATOM).entries[0]
    assert atom.url == "http://atom.example.org/news/c/3.html"  # xml:base
    assert atom.date == "2026-03-03T11:30:00+00:00" and atom.author == "Marc Delorme" and atom.lang == "fr"
    media = parse_feed(RSS_20_MEDIA, url="http://m.example.org/feeds/main.xml").entries[0]
    assert media.url == "http://m.example.org/rel/4" and media.date == "2026-03-04T09:00:00+00:00"


def test_broken_xml_is_a_problem_with_its_reason_or_a_note_when_entries_survive():
    broken = parse_feed(b"<?xml version='1.0'?><rss><channel><title>x</title><item><title>")
    assert broken.problem and "not a readable feed" in broken.problem and not broken.entries
    not_feed = parse_feed(b"<!doctype html><html><body>a page</body></html>")
    assert "HTML page" in not_feed.problem
    damaged = parse_feed(RSS_091.replace(b"</channel>", b"&nbsp;</channel>"))
    assert damaged.problem is None and damaged.entries and "defect" in damaged.note


def test_an_rss_file_given_to_ingest_is_read_as_a_feed(tmp_path):
    path = tmp_path / "wire.xml"
    path.write_bytes(RSS_10)
    items = list(read([str(path)]))
    raws = [i for i in items if isinstance(i, RawArticle)]
    assert len(raws) == 1 and raws[0].title == "Hafenplan genehmigt" and raws[0].url == "http://rdf.example.org/b/2"
    assert raws[0].date == "2026-03-02T07:15:00+00:00" and "Saltcombe" in (raws[0].text or raws[0].html)
    bad = tmp_path / "bad.rss"
    bad.write_bytes(b"<rss><channel><item><title>cut")
    problems = [i for i in read([str(bad)]) if isinstance(i, Problem)]
    assert problems and problems[0].fatal and "feed" in problems[0].reason


def test_opml_round_trip():
    text = write_opml([("http://a.example.org/feed.xml", "A & Co"), ("http://b.example.org/rss", None)])
    assert read_opml(text.encode()) == [("http://a.example.org/feed.xml", "A & Co"),
                                        ("http://b.example.org/rss", "http://b.example.org/rss")]


def test_outlet_is_the_registered_domain():
    assert registered_domain("https://m.bbc.co.uk/news/1") == registered_domain("bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("http://www.lemonde.fr/x") == "lemonde.fr"
    assert registered_domain("http://127.0.0.1:8080/a") == "127.0.0.1"


NEWS_PLEASE = {
    "authors": ["Jane Roe", "John Doe"], "date_download": "2026-03-05 10:00:00",
    "date_modify": None, "date_publish": "2026-03-04 18:20:00", "description": "Lead.",
    "filename": "x.json", "image_url": None, "language": "en", "localpath": None,
    "maintext": BODY, "source_domain": "m.harbour-news.co.uk", "text": None,
    "title": "Saltcombe channel to be dredged", "title_page": None, "title_rss": None,
    "url": "https://m.harbour-news.co.uk/2026/03/04/dredging",
}
TRAFILATURA = {
    "title": "Saltcombe channel to be dredged", "author": "Jane Roe; John Doe",
    "hostname": "www.harbour-news.co.uk", "date": "2026-03-04", "fingerprint": "abc",
    "id": None, "license": None, "comments": "", "raw_text": BODY, "text": BODY,
    "language": "en", "image": None, "pagetype": "article", "filedate": "2026-03-05",
    "source": "https://www.harbour-news.co.uk/2026/03/04/dredging",
    "source-hostname": "Harbour News", "excerpt": "Lead.", "categories": "", "tags": "",
}
NEWSPAPER = {
    "url": "https://news.harbour-news.co.uk/dredging", "title": "Saltcombe channel to be dredged",
    "text": BODY, "authors": ["Jane Roe"], "publish_date": "2026-03-04T18:20:00",
    "meta_lang": "en", "source_url": "https://news.harbour-news.co.uk", "top_image": "", "keywords": [],
}


@pytest.mark.parametrize("obj", [NEWS_PLEASE, TRAFILATURA, NEWSPAPER], ids=["news-please", "trafilatura", "newspaper"])
def test_the_neighbouring_tools_json_ingests_with_its_own_field_names(tmp_path, obj):
    from tidings.pipeline import ingest
    from tidings.store import SQLiteStore

    path = tmp_path / "export.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    store = SQLiteStore(tmp_path / "t.db")
    report = ingest([str(path)], store)
    assert report.ingested == 1, report.skipped
    a = store.articles()[0]
    assert a.title == "Saltcombe channel to be dredged"
    assert a.date.startswith("2026-03-04") and a.date_source == "given"
    assert a.author == "Jane Roe" or a.author.startswith("Jane Roe")
    assert a.url.startswith("https://") and a.url.endswith("dredging")
    assert a.source == "harbour-news.co.uk"
    assert "Saltcombe" in a.text and a.lang == "en"


def test_write_rows_json_is_one_document_jsonl_one_per_line_csv_has_a_header():
    rows = [{"id": "a", "languages": ["en", "de"], "n": 2}, {"id": "b", "languages": [], "n": 0}]
    out = io.StringIO()
    assert write_rows(iter(rows), "json", out) == 2
    assert json.loads(out.getvalue()) == rows
    out = io.StringIO()
    write_rows(iter(rows), "jsonl", out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == rows
    out = io.StringIO()
    write_rows(iter(rows), "csv", out)
    assert list(csv.DictReader(io.StringIO(out.getvalue()))) == [
        {"id": "a", "languages": "en; de", "n": "2"}, {"id": "b", "languages": "", "n": "0"}]
    out = io.StringIO()
    write_rows(iter([]), "json", out)
    assert json.loads(out.getvalue()) == []


def test_cli_formats_export_feeds_and_version(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "cli.db")
    path = tmp_path / "np.json"
    path.write_text(json.dumps([NEWS_PLEASE, {**TRAFILATURA, "title": "Other", "text": BODY.replace("Saltcombe", "Greywick"),
                                             "source": "https://other.example.org/x"}]), encoding="utf-8")
    assert main(["ingest", str(path), "--db", db, "-q"]) == 0
    capsys.readouterr()
    assert main(["articles", "--format", "json", "--db", db]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 2 and {a["source"] for a in listed} == {"harbour-news.co.uk", "example.org"}
    assert main(["events", "--format", "csv", "--db", db]) == 0
    assert list(csv.DictReader(io.StringIO(capsys.readouterr().out)))[0]["id"]
    # TIDINGS_DB selects the store.
    monkeypatch.setenv("TIDINGS_DB", db)
    assert main(["articles", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    monkeypatch.delenv("TIDINGS_DB")
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"export.{fmt}"
        assert main(["export", "--format", fmt, "--out", str(out), "--db", db]) == 0
        text = out.read_text(encoding="utf-8")
        rows = [json.loads(x) for x in text.splitlines()] if fmt == "jsonl" else list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 2 and all(r["event_id"] for r in rows) and rows[0]["title"]
    import pyarrow.parquet as pq

    out = tmp_path / "export.parquet"
    assert main(["export", "--format", "parquet", "--out", str(out), "--db", db]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 2 and {"event_id", "story_id"} <= set(table.column_names)
    assert main(["stories", "--format", "csv", "--db", db]) == 0
    stories = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert stories and all(s["id"] and s["events"] for s in stories)
    assert set(table.column("source").to_pylist()) == {"harbour-news.co.uk", "example.org"}
    # Feeds: add, list, export and import OPML, remove.
    assert main(["feeds", "add", "http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml", "--db", db]) == 0
    capsys.readouterr()
    assert main(["feeds", "export", "--db", db]) == 0
    opml = tmp_path / "feeds.opml"
    opml.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["feeds", "remove", "http://127.0.0.1:9/a.xml", "--db", db]) == 0
    assert main(["feeds", "import", str(opml), "--db", db]) == 0
    capsys.readouterr()
    assert main(["feeds", "list", "--format", "json", "--db", db]) == 0
    assert sorted(f["url"] for f in json.loads(capsys.readouterr().out)) == [
        "http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]
    version = subprocess.run([sys.executable, "-m", "tidings", "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("tidings ")
