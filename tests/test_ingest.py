"""Ingest end to end: through the library and the command, on input kinds mixed in one
batch, with bad input, re-ingest, and a kill in the middle."""

import json
import signal
import sqlite3
import subprocess
import time

import pytest
from conftest import command_env, tidings_command

import tidings

STORIES = [
    ("en", "Flood closes the Danube port of Galati",
     "The port of Galati was closed on Tuesday after the Danube rose above its banks. "
     "Officials said 140 families were moved from low streets near the river, and barges "
     "were tied up until the water falls. The mayor asked people to avoid the quay."),
    ("ro", "Inundații: portul Galați a fost închis",
     "Portul Galați a fost închis marți după ce Dunărea a ieșit din matcă. Autoritățile au "
     "anunțat că 140 de familii au fost mutate de pe străzile joase de lângă fluviu, iar "
     "barjele au rămas ancorate până la retragerea apelor."),
    ("de", "Hochwasser: Hafen von Galați geschlossen",
     "Der Hafen von Galați ist am Dienstag geschlossen worden, nachdem die Donau über die "
     "Ufer getreten war. Nach Angaben der Behörden wurden 140 Familien aus tief gelegenen "
     "Straßen in Sicherheit gebracht; Lastkähne bleiben vorerst vertäut."),
    ("fr", "Le club de Lyon remporte la finale de la coupe",
     "Lyon a remporté samedi la finale de la coupe nationale en battant Rennes deux buts à "
     "un au terme d'un match tendu. L'entraîneur a salué un groupe solidaire et promis de "
     "fêter la victoire avec les supporters dimanche sur la place Bellecour."),
]


def write_mixed_corpus(root):
    """One file of each kind, plus bad input, as an analyst's folder would hold."""
    (root / "news").mkdir()
    lang, title, text = STORIES[0]
    (root / "news" / "galati_en.txt").write_text(f" date 2026-03-10 {title}\n\n{text}\n", encoding="utf-8")
    lang, title, text = STORIES[1]
    (root / "news" / "galati_ro.html").write_text(
        f"<html><head><title>{title}</title></head><body><nav>Acasă | Știri</nav>"
        f"<article><h1>{title}</h1><p>{text}</p></article><footer>© Ziarul</footer></body></html>",
        encoding="utf-8")
    lines = [
        json.dumps({"id": "de-1", "text": STORIES[2][2], "title": STORIES[2][1], "date": "2026-03-10",
                    "url": "https://www.example-zeitung.de/2026/03/10/hochwasser-galati"}),
        "{this line is broken",
        json.dumps({"id": "fr-1", "text": STORIES[3][2], "title": STORIES[3][1], "lang": "fr",
                    "source": "Le Quotidien"}),
    ]
    (root / "news" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "news" / "empty.txt").write_text("", encoding="utf-8")
    (root / "news" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return root / "news"


def test_mixed_folder_goes_in_and_bad_input_is_reported_not_fatal(tmp_path):
    folder = write_mixed_corpus(tmp_path)
    store = tidings.open_store(tmp_path / "t.db")
    report = tidings.ingest([str(folder)], store)
    assert report.ingested == 4
    reasons = {(p.origin.split("/")[-1], p.line): p.reason for p in report.skipped}
    assert ("feed.jsonl", 2) in reasons
    assert any(name == "empty.txt" for name, _ in reasons)
    assert any(name == "image.txt" for name, _ in reasons)
    # What could not be processed is kept, with its reason.
    kept = {p.origin.split("/")[-1] for p in store.problems()}
    assert {"feed.jsonl", "empty.txt", "image.txt"} <= kept
    langs = {a.id: a.lang for a in store.articles()}
    assert langs["de-1"] == "de" and langs["fr-1"] == "fr"
    assert sorted(langs.values()) == ["de", "en", "fr", "ro"]
    # The flood in three languages is one event; the cup final another.
    events = {a: store.event_of(a) for a in langs}
    assert events["fr-1"] != events["de-1"]
    flood = [a for a, lang in langs.items() if lang in ("en", "ro", "de")]
    assert len({events[a] for a in flood}) == 1


def test_reingest_is_a_no_op(tmp_path):
    folder = write_mixed_corpus(tmp_path)
    store = tidings.open_store(tmp_path / "t.db")
    first = tidings.ingest([str(folder)], store)
    before = [(a.id, store.event_of(a.id)) for a in store.articles()]
    second = tidings.ingest([str(folder)], store)
    assert second.ingested == 0 and second.already_stored == first.ingested
    assert [(a.id, store.event_of(a.id)) for a in store.articles()] == before
    assert store.count_events() == len({e for _, e in before})


def test_syndicated_copy_is_stored_and_linked_to_the_first(tmp_path):
    _, title, text = STORIES[0]
    (tmp_path / "a.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        f"HomeNewsWorld\n\n{title}\n\n{text}\n\nRead more: Ten things to do in Galati\n", encoding="utf-8")
    store = tidings.open_store(tmp_path / "t.db")
    report = tidings.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store)
    assert report.ingested == 2 and report.duplicates == 1
    first, copy = store.articles()
    assert first.duplicate_of is None and copy.duplicate_of == first.id
    assert store.event_of(copy.id) == store.event_of(first.id)


def run_cli(*args, **kw):
    return subprocess.run([*tidings_command(), *args], capture_output=True, text=True,
                          env=command_env(), timeout=600, **kw)


def test_command_exit_status_and_summary(tmp_path):
    folder = write_mixed_corpus(tmp_path)
    db = str(tmp_path / "t.db")
    done = run_cli("ingest", str(folder), "--db", db)
    assert done.returncode == 0, done.stderr
    assert "ingested 4" in done.stdout and "skipped 3" in done.stdout
    assert "feed.jsonl:2" in done.stdout + done.stderr
    # Nothing ingestible at all: non-zero, with the reason.
    nothing = run_cli("ingest", str(folder / "empty.txt"), "--db", str(tmp_path / "n.db"))
    assert nothing.returncode != 0
    assert "empty.txt" in nothing.stdout + nothing.stderr
    missing = run_cli("ingest", str(tmp_path / "no-such-dir"), "--db", str(tmp_path / "m.db"))
    assert missing.returncode != 0 and "no-such-dir" in missing.stdout + missing.stderr


def test_articles_json_has_the_documented_fields(tmp_path):
    folder = write_mixed_corpus(tmp_path)
    db = str(tmp_path / "t.db")
    run_cli("ingest", str(folder), "--db", db)
    done = run_cli("articles", "--db", db, "--json")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 4
    for row in rows:
        for field in ("id", "url", "source", "lang", "date", "date_source", "title", "text", "duplicate_of"):
            assert field in row
    de = next(r for r in rows if r["id"] == "de-1")
    assert de["source"] == "example-zeitung.de"
    assert de["date"].startswith("2026-03-10")


def test_stdin_is_read(tmp_path):
    _, title, text = STORIES[3]
    line = json.dumps({"id": "stdin-1", "title": title, "text": text})
    done = run_cli("ingest", "-", "--db", str(tmp_path / "t.db"), input=line + "\n")
    assert done.returncode == 0, done.stderr
    assert "ingested 1" in done.stdout


def generated_feed(path, n):
    """n distinct short articles about n different small happenings."""
    towns = ["Arad", "Brasov", "Cluj", "Deva", "Iasi", "Oradea", "Sibiu", "Turda", "Vaslui", "Zalau"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            town = towns[i % len(towns)]
            text = (f"The council of {town} approved plan number {i} on Monday, a budget of "
                    f"{1000 + i} thousand lei for the repair of street {i}. Work starts in "
                    f"{['April', 'May', 'June'][i % 3]} and lasts {i % 9 + 2} weeks, officials said.")
            f.write(json.dumps({"id": f"gen-{i}", "title": f"{town} approves street plan {i}",
                                "text": text, "date": f"2026-0{i % 9 + 1}-1{i % 10}"}) + "\n")


def test_kill_midway_then_rerun_completes_with_nothing_lost_or_doubled(tmp_path):
    feed = tmp_path / "feed.jsonl"
    n = 300
    generated_feed(feed, n)
    db = tmp_path / "t.db"
    proc = subprocess.Popen([*tidings_command(), "ingest", str(feed), "--db", str(db), "-q"],
                            env=command_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
        if stored >= 40:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    if not 0 < stored < n:
        pytest.fail(f"could not catch the ingest midway (stored {stored} of {n})")
    done = run_cli("ingest", str(feed), "--db", str(db))
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles")]
    assert len(ids) == n and len(set(ids)) == n
    # Every stored article belongs to exactly one event.
    assigned = con.execute("SELECT count(DISTINCT article_id) FROM event_articles").fetchone()[0]
    assert assigned == n
    feats = con.execute("SELECT count(*) FROM features").fetchone()[0]
    assert feats == n


def test_one_article_breaking_a_stage_does_not_stop_the_batch_fake_failure(tmp_path, monkeypatch):
    """A stage failure is faked (the understand stage raises on one article) to check the
    pipeline's recovery; the real stages have their own tests."""
    import tidings.understand as understand

    real = understand.understand_batch

    def flaky(articles, embedder, config, **kw):
        if any("Lyon" in a.text for a in articles):
            raise ValueError("simulated failure")
        return real(articles, embedder, config, **kw)

    monkeypatch.setattr(understand, "understand_batch", flaky)
    folder = write_mixed_corpus(tmp_path)
    store = tidings.open_store(tmp_path / "t.db")
    report = tidings.ingest([str(folder)], store)
    assert report.ingested == 3
    failed = [p for p in report.skipped if "simulated failure" in p.reason]
    assert len(failed) == 1 and failed[0].origin.endswith("feed.jsonl:3")
    kept = [p for p in store.problems() if "simulated failure" in p.reason]
    assert "Lyon" in kept[0].raw  # the raw text is kept beside the reason
    assert store.count_articles() == 3
    assert all(store.event_of(a.id) for a in store.articles())


def test_a_pipeline_sees_events_another_process_made(tmp_path):
    """A server's pipeline stays open while `tidings ingest` writes to the same file: its
    next article must join the events the other process made, not start duplicates."""
    from tidings.pipeline import Pipeline
    from tidings.records import RawArticle

    def raw(n):
        lang, title, text = STORIES[n]
        return RawArticle(origin=f"{lang}.txt", text=f"{title}\n\n{text}", date="2026-03-10")

    server_store = tidings.open_store(tmp_path / "t.db")
    server = Pipeline(server_store)  # opened first, on an empty store
    other = tidings.open_store(tmp_path / "t.db")  # a second connection, as another process has
    first = tidings.ingest_raw([raw(0)], other)
    report = server.run([raw(1)])
    event_en = first.events[first.article_ids[0]]
    assert report.events[report.article_ids[0]] == event_en
    assert server_store.count_events() == 1


def test_a_locked_database_is_not_blamed_on_the_articles(tmp_path):
    """Another writer holding the file past the wait is the store's failure: the caller
    hears it, no article is set aside as bad, and running again stores everything."""
    from tidings.pipeline import Pipeline
    from tidings.records import RawArticle
    from tidings.store import SQLiteStore, StoreBusy

    raws = [RawArticle(origin=f"{lang}.txt", text=f"{title}\n\n{text}") for lang, title, text in STORIES]
    store = SQLiteStore(tmp_path / "t.db", busy_timeout=0.2)
    pipeline = Pipeline(store)
    blocker = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreBusy, match="another program is writing"):
        pipeline.run(raws)
    blocker.execute("ROLLBACK")
    assert store.problems() == [] and store.count_articles() == 0
    report = pipeline.run(raws)
    assert report.ingested == len(STORIES) and not report.skipped


def test_post_answers_503_while_another_writer_holds_the_database(tmp_path):
    from fastapi.testclient import TestClient

    from tidings.store import SQLiteStore
    from tidings.web import create_app

    store = SQLiteStore(tmp_path / "t.db", busy_timeout=0.2)
    client = TestClient(create_app(store))
    _, title, text = STORIES[0]
    blocker = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    busy = client.post("/api/articles", json={"id": "x1", "title": title, "text": text})
    blocker.execute("ROLLBACK")
    assert busy.status_code == 503 and "send the same request again" in busy.json()["error"]
    assert busy.headers.get("retry-after")
    again = client.post("/api/articles", json={"id": "x1", "title": title, "text": text})
    assert again.status_code == 200 and again.json()["articles"][0]["id"] == "x1"


def test_articles_without_words_do_not_gather_into_one_event(tmp_path):
    lines = [json.dumps({"id": f"nw-{i}", "text": t}) for i, t in
             enumerate(["!!! ??? ... !!! ??? ...", "2026 14:30 12.5 % 300 400 500", "😀😀😀 🎉🎉 👍👍👍👍"])]
    _, title, text = STORIES[3]
    lines.append(json.dumps({"id": "real", "title": title, "text": text}))
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tidings.open_store(tmp_path / "t.db")
    report = tidings.ingest([str(tmp_path / "feed.jsonl")], store)
    assert report.ingested == 4
    events = [report.events[a] for a in ("nw-0", "nw-1", "nw-2", "real")]
    assert len(set(events)) == 4
    # Such an event still gets a brief (with nothing to embed).
    body = tidings.event_brief(store, events[0], fmt="dict")
    assert body["timeline"][0]["article"] == "nw-0"


def test_the_library_api_survives_importing_every_stage():
    """`tidings.<function>` must stay a function once the stage packages are imported
    (a package attribute of the same name would replace it)."""
    import importlib
    import pkgutil

    import tidings as t

    for mod in pkgutil.walk_packages(t.__path__, "tidings."):
        importlib.import_module(mod.name)
    for name in t.__all__:
        obj = getattr(t, name)
        assert callable(obj) or not hasattr(obj, "__path__"), f"tidings.{name} is now a module"
