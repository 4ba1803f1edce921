"""The `tidings` command over a database of the demo corpus: each command's output and its
errors for people."""

import json
import subprocess

import pytest
from conftest import command_env, tidings_command

from tidings import demo
from tidings.config import DEFAULT


def run(*args, env=None, timeout=600, **kw):
    return subprocess.run([*tidings_command(), *args], capture_output=True, text=True,
                          env=env or command_env(), timeout=timeout, **kw)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "demo.db")
    done = run("demo", "--db", path)
    assert done.returncode == 0, done.stderr
    assert "ingested 60" in done.stdout
    assert "BCubed F1" in done.stdout
    return path


def events_json(db):
    return [json.loads(line) for line in run("events", "--db", db, "--json").stdout.splitlines()]


def test_events_lists_every_demo_event_with_its_fields(db):
    rows = events_json(db)
    gold_events = {label["event"] for label in demo.labels()}
    assert len(rows) == len(gold_events)
    for row in rows:
        assert set(row) >= {"id", "title", "first", "last", "languages", "articles", "sources"}
        assert row["title"] and row["articles"] >= 3
    assert sum(r["articles"] for r in rows) == 60
    by_lang = [json.loads(x) for x in run("events", "--db", db, "--json", "--lang", "hi").stdout.splitlines()]
    assert by_lang and all("hi" in r["languages"] for r in by_lang)
    assert len(by_lang) < len(rows)


def test_show_lists_an_events_articles(db):
    event = max(events_json(db), key=lambda r: len(r["languages"]))
    done = run("show", event["id"], "--db", db, "--json")
    shown = json.loads(done.stdout)
    assert len(shown["article_list"]) == event["articles"]
    assert {a["lang"] for a in shown["article_list"]} == set(event["languages"])
    missing = run("show", "no-such-event", "--db", db)
    assert missing.returncode == 2 and "tidings events" in missing.stderr


def test_brief_in_three_formats(db):
    event = next(r for r in events_json(db) if "Zelensk" in json.dumps(r) or "Selensk" in json.dumps(r)
                 or "Зеленск" in json.dumps(r, ensure_ascii=False))
    as_json = json.loads(run("brief", event["id"], "--db", db, "--format", "json").stdout)
    assert as_json["headline"]["lang"] == "en"
    assert 3 <= len(as_json["summary"]) <= DEFAULT.summary_sentences
    names = {e["name"] for e in as_json["entities"]}
    assert any("Zelensk" in n for n in names) and any("Peskov" in n for n in names)
    md = run("brief", event["id"], "--db", db, "--format", "md").stdout
    assert md.startswith("#") and as_json["headline"]["text"] in md
    html = run("brief", event["id"], "--db", db, "--format", "html").stdout
    assert "<html" in html.lower() and "<script" not in html.lower()
    ro = json.loads(run("brief", event["id"], "--db", db, "--format", "json", "--lang", "ro").stdout)
    assert ro["headline"]["lang"] == "ro"


def test_digest_ranks_the_period(db):
    md = run("digest", "--db", db).stdout
    assert md.count("\n## ") >= 10
    recent = run("digest", "--db", db, "--since", "2026-04-01").stdout
    assert 0 < recent.count("\n## ") < md.count("\n## ")


def test_compare_explains_a_score(db, tmp_path):
    rows = events_json(db)
    big = max(rows, key=lambda r: r["articles"])
    other = next(r for r in rows if r["id"] != big["id"])
    ids = [a["id"] for a in json.loads(run("show", big["id"], "--db", db, "--json").stdout)["article_list"]]
    far = json.loads(run("show", other["id"], "--db", db, "--json").stdout)["article_list"][0]["id"]
    same = json.loads(run("compare", ids[0], ids[1], "--db", db, "--json").stdout)
    apart = json.loads(run("compare", ids[0], far, "--db", db, "--json").stdout)
    assert 0 <= apart["score"] < same["score"] <= 1
    assert same["reasons"]
    text = run("compare", ids[0], ids[1], "--db", db).stdout
    assert text.startswith("similarity ")
    unknown = run("compare", ids[0], "nonexistent-thing", "--db", db)
    assert unknown.returncode == 2 and "nonexistent-thing" in unknown.stderr


def test_compare_reads_files_too(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Flood closes the port of Galati\n\nThe Danube port of Galati was closed on "
                 "Tuesday after the river burst its banks; 140 families were moved.", encoding="utf-8")
    b.write_text("Inundații: portul Galați a fost închis\n\nPortul Galați a fost închis marți după "
                 "ce Dunărea a ieșit din matcă; 140 de familii au fost mutate.", encoding="utf-8")
    done = run("compare", str(a), str(b), "--db", str(tmp_path / "x.db"), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["score"] > 0.5


def test_eval_scores_and_refuses_bad_gold(tmp_path):
    pred = tmp_path / "pred.jsonl"
    gold = tmp_path / "gold.jsonl"
    pred.write_text('{"id": "a", "event": "x"}\n{"id": "b", "event": "x"}\n{"id": "c", "event": "y"}\n')
    gold.write_text('{"id": "a", "event": "1"}\n{"id": "b", "event": "1"}\n{"id": "c", "event": "2"}\n')
    scores = json.loads(run("eval", str(pred), str(gold), "--json").stdout)
    assert scores["bcubed_f1"] == 1.0 and scores["pairwise_f1"] == 1.0
    gold.write_text('{"id": "a", "event": "1"}\n{"id": "b"}\n')
    bad = run("eval", str(pred), str(gold))
    assert bad.returncode == 2 and "gold.jsonl:2" in bad.stderr


def test_serve_refuses_a_public_address_without_a_token(tmp_path):
    done = run("serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0", "--port", "8765",
               env={**command_env(), "TIDINGS_API_TOKEN": ""}, timeout=60)
    assert done.returncode != 0
    assert "token" in (done.stdout + done.stderr).lower()


def test_compare_files_with_a_note_and_refuses_several_articles(tmp_path):
    # A Latin-1 file reads with a note (its encoding was guessed): a note is no failure.
    a = tmp_path / "latin1.txt"
    a.write_bytes("Élection à Lyon : le maire sortant réélu\n\nLe maire sortant de Lyon a été "
                  "réélu dimanche dès le premier tour avec 54 % des voix.".encode("latin-1"))
    b = tmp_path / "utf8.txt"
    b.write_text("Lyon : le maire réélu\n\nLe maire de Lyon a été réélu dimanche au premier tour "
                 "avec 54 % des voix.", encoding="utf-8")
    done = run("compare", str(a), str(b), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["score"] > 0.5
    two = tmp_path / "two.jsonl"
    two.write_text('{"id": "x", "text": "The flood closed the port of Galati on Tuesday."}\n'
                   '{"id": "y", "text": "Lyon won the cup final on Saturday evening."}\n')
    several = run("compare", str(two), str(b))
    assert several.returncode == 2 and "several articles" in several.stderr
