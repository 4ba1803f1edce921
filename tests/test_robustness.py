"""Messy and hostile input, as a demanding analyst brings it: odd encodings, wrong JSON
types, reused ids, pathological HTML, bad paths and databases. Nothing may crash, vanish
silently, or fail without saying what happened to which input and what to do."""

import json
import subprocess

import pytest
from conftest import command_env, tidings_command

import tidings
from tidings.records import Problem, RawArticle
from tidings.sources import read, read_stream

FLOOD_EN = ("Flood closes the Danube port of Galati\n\nThe port of Galati was closed on Tuesday "
            "10 March 2026 after the Danube rose above its banks. Officials said 140 families were "
            "moved from low streets near the river, and barges were tied up until the water falls.\n")
CUP_FR = ("Le club de Lyon remporte la finale de la coupe\n\nÉlection du meilleur joueur : Lyon a "
          "remporté samedi la finale de la coupe nationale en battant Rennes deux buts à un. "
          "L'entraîneur a salué un groupe solidaire et promis de fêter la victoire dimanche.\n")
FLOOD_RU = ("Наводнение закрыло порт Галац на Дунае\n\nПорт Галац был закрыт во вторник после того, "
            "как Дунай вышел из берегов. Власти сообщили, что 140 семей были переселены с низких "
            "улиц возле реки, а баржи остаются на якоре до спада воды.\n")


def run(*args, timeout=600, **kw):
    return subprocess.run([*tidings_command(), *args], capture_output=True, text=True,
                          env=command_env(), timeout=timeout, **kw)


def articles_of(items):
    return [i for i in items if isinstance(i, RawArticle)]


def problems_of(items):
    return [i for i in items if isinstance(i, Problem)]


# --- the same given id on two different articles ---
def test_a_reused_id_keeps_both_articles_and_names_both_origins(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "feed.jsonl").write_text(json.dumps({"id": "7", "text": FLOOD_EN}) + "\n")
    (tmp_path / "b" / "feed.jsonl").write_text(
        json.dumps({"id": "7", "text": CUP_FR}) + "\n" + json.dumps({"id": "9", "text": FLOOD_RU}) + "\n"
        + json.dumps({"id": "9", "text": CUP_FR + " Mis à jour."}) + "\n")
    store = tidings.open_store(tmp_path / "t.db")
    heard = []
    report = tidings.ingest([str(tmp_path / "a"), str(tmp_path / "b")], store, on_problem=heard.append)

    assert report.ingested == 4 and report.already_stored == 0
    texts = {a.id: a.raw for a in store.articles()}
    assert texts["7"] == FLOOD_EN and texts["9"] == FLOOD_RU
    kept = {i: t for i, t in texts.items() if i.startswith(("7~", "9~"))}
    assert sorted(kept.values()) == sorted([CUP_FR, CUP_FR + " Mis à jour."])
    warnings = [p for p in heard if "already used by a different article" in p.reason]
    assert len(warnings) == 2
    first = next(p for p in warnings if "'7'" in p.reason)
    assert first.origin.endswith("b/feed.jsonl:1") and "a/feed.jsonl:1" in first.reason
    assert [k for k in kept if k.startswith("7~")][0] in first.reason
    in_file = next(p for p in warnings if "'9'" in p.reason)  # both in one batch of one file
    assert in_file.origin.endswith("b/feed.jsonl:3") and "b/feed.jsonl:2" in in_file.reason
    assert not first.fatal and any("already used" in p.reason for p in store.problems())
    # the two articles with id 7 are different happenings: they must not share an event
    assert store.event_of("7") != store.event_of([k for k in kept if k.startswith("7~")][0])

    # Re-ingesting the same input stays a no-op, and quiet.
    heard.clear()
    again = tidings.ingest([str(tmp_path / "a"), str(tmp_path / "b")], store, on_problem=heard.append)
    assert again.ingested == 0 and again.already_stored == 4 and not heard
    assert store.count_articles() == 4


def test_cluster_command_gives_a_reused_id_its_own_event_and_says_so(tmp_path):
    lines = [{"id": "a", "text": FLOOD_EN, "date": "2026-03-10"},
             {"id": "a", "text": CUP_FR, "date": "2026-03-07"}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    done = run("cluster", str(path))
    assert done.returncode == 0, done.stderr
    out = [json.loads(x) for x in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "a"]
    assert out[0]["event"] != out[1]["event"]
    assert "already used by a different article" in done.stderr and "in.jsonl:1" in done.stderr


# --- encodings, byte order marks, line ends ---
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-8-sig"])
def test_text_files_with_a_byte_order_mark(tmp_path, encoding):
    f = tmp_path / "a.txt"
    data = (b"\xfe\xff" + FLOOD_EN.encode("utf-16-be")) if encoding == "utf-16-be-bom" else FLOOD_EN.encode(encoding)
    f.write_bytes(data)
    items = list(read([str(f)]))
    assert not problems_of(items)
    (a,) = articles_of(items)
    assert a.text == FLOOD_EN


@pytest.mark.parametrize("text", [FLOOD_EN, FLOOD_RU, "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία."])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path, text, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode(encoding))
    items = list(read([str(f)]))
    (note,) = problems_of(items)
    assert not note.fatal and "no byte order mark" in note.reason
    assert articles_of(items)[0].text == text


def test_binary_is_still_binary(tmp_path):
    import random

    rnd = random.Random(3)
    for i, data in enumerate([bytes(rnd.randrange(256) for _ in range(4000)),
                              b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20,
                              bytes([0, 1, 0, 2, 0, 3, 0, 4] * 100), bytes(4000)]):
        f = tmp_path / f"b{i}.txt"
        f.write_bytes(data)
        (p,) = read([str(f)])
        assert isinstance(p, Problem) and p.fatal and "binary" in p.reason


@pytest.mark.parametrize("text,encoding", [
    (CUP_FR, "latin-1"), ("Élection à Genève : le vote a été reporté.", "cp1252"),
    ("Saint-Étienne bat Lyon, à l'Élysée on s'en réjouit.", "latin-1"),
    (FLOOD_RU, "cp1251"), ("В Москве прошли переговоры.", "cp1251"),
    ("Наводнение закрыло порт Галац на Дунае.", "cp1251"), ("Наводнение закрыло порт Галац на Дунае.", "koi8_r"),
    ("Путин прибыл в Минск.", "koi8_r"), ("İstanbul'da görüşmeler çarşamba günü başladı.", "cp1254"),
    ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία σήμερα το πρωί.", "cp1253"),
    ("Żółć i gęśla: prezydent spotkał się z premierem w Warszawie.", "cp1250"),
    ("北京今天举行了新闻发布会，官员介绍了最新情况。", "gb18030"),
], ids=lambda v: v if v.isascii() and " " not in v else "")
def test_legacy_encodings_are_read_right_even_when_short(tmp_path, text, encoding):
    # Short texts used to come out as confident mojibake: "ةlection" (cp1256), Greek for
    # Russian (mac_greek), Thai for koi8-r (cp874).
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode(encoding))
    items = list(read([str(f)]))
    (note,) = problems_of(items)
    assert not note.fatal and "not UTF-8" in note.reason
    (a,) = articles_of(items)
    assert a.text == text


def test_html_declared_charset_is_honoured(tmp_path):
    short_ru = "<html><head><meta charset=windows-1251></head><body><p>Путин прибыл в Минск.</p></body></html>"
    zh = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head>"
          "<body><p>北京今天举行了新闻发布会，官员介绍了最新情况。</p></body></html>")
    lying = "<html><head><meta charset=iso-8859-1></head><body><p>Zürich, in UTF-8 all along.</p></body></html>"
    (tmp_path / "ru.html").write_bytes(short_ru.encode("cp1251"))
    (tmp_path / "zh.html").write_bytes(zh.encode("gb2312"))
    (tmp_path / "lying.html").write_bytes(lying.encode("utf-8"))
    for name, expected in [("ru.html", short_ru), ("zh.html", zh), ("lying.html", lying)]:
        items = list(read([str(tmp_path / name)]))
        (a,) = articles_of(items)
        assert a.html == expected, name
        if name != "lying.html":  # invalid UTF-8 only: a page that is valid UTF-8 is read so
            (note,) = problems_of(items)
            assert "as the page declares" in note.reason


def test_mixed_line_ends_become_paragraphs(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"Flood closes the port\r\n\r\nThe port of Galati was closed on Tuesday after the "
                  b"Danube rose.\rOfficials moved 140 families.\r\n\rBarges were tied up.\n")
    from tidings.clean import clean

    (raw,) = articles_of(read([str(f)]))
    article = clean(raw)
    assert "\r" not in article.text and article.title == "Flood closes the port"
    assert "Officials moved 140 families." in article.text.split("\n")
    assert "Barges were tied up." in article.text


# --- standard input, every format ---
def stdin_items(data: bytes):
    import io

    return list(read_stream(io.BytesIO(data)))


def test_stdin_json_lines_with_a_bom_blank_lines_first_or_a_long_first_line():
    lines = [json.dumps({"id": f"s{i}", "text": FLOOD_EN * 60}) for i in range(3)]  # > 8 KB each
    body = "\n".join(lines) + "\n"
    for data in [body.encode(), b"\xef\xbb\xbf" + body.encode(), b"\n\n  \n" + body.encode(),
                 body.replace("\n", "\r\n").encode(), body.encode("utf-16")]:
        items = stdin_items(data)
        assert [a.id for a in articles_of(items)] == ["s0", "s1", "s2"], data[:20]
        assert not problems_of(items)


def test_stdin_json_with_a_bom_is_json_not_text():
    for value in [{"id": "j1", "text": FLOOD_EN}, [{"id": "j1", "text": FLOOD_EN}, {"id": "j2", "text": CUP_FR}]]:
        items = stdin_items(b"\xef\xbb\xbf" + json.dumps(value, indent=2).encode())
        assert [a.id for a in articles_of(items)] == ["j1", "j2"][: 1 if isinstance(value, dict) else 2]


def test_stdin_json_lines_in_a_legacy_encoding():
    body = "".join(json.dumps({"id": f"c{i}", "text": t}, ensure_ascii=False) + "\n"
                   for i, t in enumerate([CUP_FR, "Où est passé l'été ?"]))
    items = stdin_items(body.encode("cp1252"))
    assert [a.text for a in articles_of(items)] == [CUP_FR, "Où est passé l'été ?"]
    (note,) = problems_of(items)  # noted once for the file, not once a line
    assert "cp1252" in note.reason and not note.fatal


def test_stdin_text_html_and_utf16_text():
    assert articles_of(stdin_items(FLOOD_RU.encode("cp1251")))[0].text == FLOOD_RU
    assert articles_of(stdin_items(FLOOD_EN.encode("utf-16")))[0].text == FLOOD_EN
    html = "<html><head><meta charset=windows-1251></head><body><p>Путин прибыл в Минск.</p></body></html>"
    assert articles_of(stdin_items(html.encode("cp1251")))[0].html == html
    (p,) = stdin_items(b" \n\t\n")
    assert p.fatal and "empty" in p.reason


def test_utf16_json_lines_file(tmp_path):
    # What Windows PowerShell writes when output is redirected to a file.
    f = tmp_path / "export.jsonl"
    f.write_bytes("".join(json.dumps({"id": f"u{i}", "text": t}, ensure_ascii=False) + "\r\n"
                          for i, t in enumerate([FLOOD_RU, CUP_FR])).encode("utf-16"))
    items = list(read([str(f)]))
    assert [(a.id, a.text) for a in articles_of(items)] == [("u0", FLOOD_RU), ("u1", CUP_FR)]
    assert not problems_of(items)


def test_json_lines_in_a_legacy_encoding_are_noted_once(tmp_path):
    f = tmp_path / "export.jsonl"
    rows = [json.dumps({"id": "a", "text": "Élection à Genève : le vote a été reporté."}, ensure_ascii=False).encode("cp1252"),
            json.dumps({"id": "b", "text": "plain"}).encode(),
            json.dumps({"id": "c", "text": "Où est passé l'été ?"}, ensure_ascii=False).encode("cp1252"),
            json.dumps({"id": "d", "text": "Zürich in UTF-8"}, ensure_ascii=False).encode()]
    f.write_bytes(b"\n".join(rows) + b"\n")
    items = list(read([str(f)]))
    assert [a.text for a in articles_of(items)] == [
        "Élection à Genève : le vote a été reporté.", "plain", "Où est passé l'été ?", "Zürich in UTF-8"]
    (note,) = problems_of(items)
    assert note.line == 1 and "cp1252" in note.reason and not note.fatal


# --- JSON with wrong types and pathological nesting ---
def test_wrong_types_in_optional_fields_keep_the_article(tmp_path):
    f = tmp_path / "export.jsonl"
    rows = [{"id": "n1", "text": FLOOD_EN, "date": 1773100800},            # Unix seconds
            {"id": "n2", "text": FLOOD_EN, "date": 1773100800000, "title": 42},  # milliseconds
            {"id": "n3", "text": FLOOD_EN, "date": 20260310, "source": {"name": "X"}, "author": ["A", "B"]},
            {"id": 4, "text": FLOOD_EN, "url": True, "title": None, "lang": None}]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = list(read([str(f)]))
    arts = {a.id: a for a in articles_of(items)}
    assert list(arts) == ["n1", "n2", "n3", "4"]
    assert arts["n1"].date == arts["n2"].date == "2026-03-10T00:00:00+00:00"
    assert arts["n3"].date == "2026-03-10" and arts["n2"].title == "42"
    assert arts["n3"].source is None and arts["n3"].author is None and arts["4"].url is None
    notes = problems_of(items)
    assert [(p.line, p.fatal) for p in notes] == [(3, False), (4, False)]
    assert '"source" (an object)' in notes[0].reason and '"author" (a list)' in notes[0].reason
    assert "article was kept" in notes[0].reason


def test_wrong_types_that_cost_the_article_say_why(tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps([{"text": 12345}, [1, 2], {"id": 1.5, "text": FLOOD_EN},
                             {"text": {"body": FLOOD_EN}}, {"text": None, "html": None}]))
    items = list(read([str(f)]))
    assert not articles_of(items)
    reasons = [p.reason for p in items]
    assert '"text" must be a string, got a number' in reasons[0]
    assert "expected a JSON object" in reasons[1] and "got a list" in reasons[1]
    assert '"id" must be a string or a whole number' in reasons[2] and "1.5" in reasons[2]
    assert "got an object" in reasons[3] and 'no "text" or "html"' in reasons[4]


def test_deeply_nested_json_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text(
        json.dumps({"id": "ok1", "text": FLOOD_EN}) + "\n" + '{"a":' * 50_000 + "1" + "}" * 50_000
        + "\n" + json.dumps({"id": "ok2", "text": CUP_FR}) + "\n")
    items = list(read([str(tmp_path / "deep.json"), str(tmp_path / "deep.jsonl")]))
    assert [a.id for a in articles_of(items)] == ["ok1", "ok2"]
    probs = problems_of(items)
    assert [(p.origin.rsplit("/", 1)[-1], p.line) for p in probs] == [("deep.json", None), ("deep.jsonl", 2)]
    assert all("nested too deeply" in p.reason and p.fatal for p in probs)
    import io

    assert [a.id for a in articles_of(read_stream(io.BytesIO((tmp_path / "deep.jsonl").read_bytes())))] == ["ok1", "ok2"]


# --- folders ---
def test_a_symlink_loop_reads_each_file_once(tmp_path):
    sub = tmp_path / "news" / "sub"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(FLOOD_EN)
    (sub / "back").symlink_to("..")
    (tmp_path / "news" / "again").symlink_to("sub")
    items = list(read([str(tmp_path / "news")]))
    assert len(articles_of(items)) == 1
    notes = problems_of(items)
    assert notes and all(not p.fatal and "already read" in p.reason for p in notes)
    assert all(len(p.origin) < len(str(tmp_path)) + 40 for p in notes)


def test_odd_file_names(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("with space.txt", FLOOD_EN), ("ünï©ødé_Зеленский.txt", CUP_FR), ("new\nline.txt", FLOOD_RU)]:
        (folder / name).write_text(text)
    items = list(read([str(folder)]))
    assert sorted(a.text for a in articles_of(items)) == sorted([FLOOD_EN, CUP_FR, FLOOD_RU])


# --- HTML ---
def test_html_nested_5000_deep_keeps_its_text():
    from tidings.clean import clean

    html = ("<html><head><title>Flood</title></head><body><p>Before the story.</p>" + "<div>" * 5000
            + "<p>" + FLOOD_EN + "</p>" + "</div>" * 5000 + "<p>After the story, 140 families.</p></body></html>")
    a = clean(RawArticle(origin="deep.html", html=html))
    assert a.status == "ok", a.problems
    assert "Danube rose above its banks" in a.text and "After the story" in a.text


def test_html_without_text_keeps_its_title_and_says_why():
    from tidings.clean import clean

    for html, title in [("<html><head><title>Only a title</title></head></html>", "Only a title"),
                        ("<html><head><style>p{}</style></head><body><script>alert(1)</script></body></html>", "")]:
        a = clean(RawArticle(origin="x.html", html=html))
        assert a.status == "raw" and a.title == title and a.text == ""
        assert any("HTML with no text" in p for p in a.problems)


def test_control_characters_in_given_fields_cannot_reach_a_terminal():
    from tidings.clean import clean

    for raw in [RawArticle(origin="x", text=FLOOD_EN, title="\x1b[31mRed\x1b[0m\ntitle",
                           source="\x1b]0;pwned\x07Outlet", author="A\x1b[2J B"),
                RawArticle(origin="x", html="<html><body><script>x</script></body></html>",
                           title="\x1b[31mRaw\x1b[0m", source="\x1b[2JX")]:
        a = clean(raw)
        for value in (a.title, a.source, a.author):
            assert value is None or not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in value), value
    assert clean(RawArticle(origin="x", text=FLOOD_EN, title="\x1b[31mRed\x1b[0m\ntitle")).title == "[31mRed[0m title"


# --- the command line ---
def no_traceback(done):
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_db_that_is_not_a_database_a_folder_or_in_the_way(tmp_path):
    (tmp_path / "notes.db").write_text("my shopping list, not a database\n")
    (tmp_path / "afile").write_text("x")
    (tmp_path / "a.txt").write_text(FLOOD_EN)
    cases = [(("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "notes.db")), "not a Tidings database"),
             (("articles", "--db", str(tmp_path / "notes.db")), "not a Tidings database"),
             (("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path)), "is a folder"),
             (("events", "--db", str(tmp_path)), "is a folder"),
             (("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "afile" / "t.db")), "is a file, not a folder")]
    for args, says in cases:
        done = no_traceback(run(*args))
        assert done.returncode == 2 and says in done.stderr and "--db" in done.stderr, (args, done.stderr)
    assert (tmp_path / "notes.db").read_text() == "my shopping list, not a database\n"


def test_listing_a_mistyped_db_says_so_and_creates_nothing(tmp_path):
    typo = tmp_path / "tidigns.db"
    for args in (("articles",), ("events", "--json"), ("show", "ev-x"), ("brief", "ev-x"), ("digest",)):
        done = no_traceback(run(*args, "--db", str(typo)))
        assert done.returncode == 2 and f"no database at {typo}" in done.stderr, args
        assert "tidings ingest" in done.stderr and not done.stdout
    assert not typo.exists()


def test_ingest_problems_with_control_characters_in_names_stay_on_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname.json").write_text("{not json")
    (folder / "good.txt").write_text(FLOOD_EN)
    (folder / "feed.jsonl").write_text(json.dumps({"id": "e\x1b[2J", "title": "\x1b]0;pwned\x07Title",
                                                   "text": CUP_FR}) + "\n")
    db = str(tmp_path / "t.db")
    done = no_traceback(run("ingest", str(folder), "--db", db))
    assert done.returncode == 0
    assert "bad\\nname.json" in done.stdout and "bad\\nname.json" in done.stderr
    listing = run("articles", "--db", db).stdout
    assert "\x1b" not in listing and "\x07" not in listing and "e\\x1b[2J" in listing
    assert len(listing.splitlines()) == 2


def test_eval_with_ids_missing_on_either_side(tmp_path):
    pred, gold, other = tmp_path / "pred.jsonl", tmp_path / "gold.jsonl", tmp_path / "other.jsonl"
    pred.write_text("".join(json.dumps({"id": i, "event": e}) + "\n" for i, e in [("a", "x"), ("b", "x"), ("c", "y")]))
    gold.write_text("".join(json.dumps({"id": i, "event": e}) + "\n" for i, e in [("a", "1"), ("b", "1"), ("d", "2")]))
    other.write_text(json.dumps({"id": "z", "event": "1"}) + "\n")
    done = no_traceback(run("eval", str(pred), str(gold), "--json"))
    assert done.returncode == 0 and json.loads(done.stdout)["items"] == 2
    assert "scored the 2 ids in both files" in done.stderr
    assert "1 only in" in done.stderr and "'d'" in done.stderr and "'c'" in done.stderr
    done = no_traceback(run("eval", str(pred), str(other)))
    assert done.returncode == 2 and "no id is in both" in done.stderr and "'z'" in done.stderr
    for args in ((str(pred), str(tmp_path / "missing.jsonl")), (str(tmp_path), str(gold))):
        done = no_traceback(run("eval", *args))
        assert done.returncode == 2 and "cannot read" in done.stderr and '"id"' in done.stderr


def test_compare_refuses_a_folder(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(FLOOD_EN)
    done = no_traceback(run("compare", str(tmp_path / "news"), str(tmp_path / "news" / "a.txt"),
                            "--db", str(tmp_path / "none.db")))
    assert done.returncode == 2 and "is a folder" in done.stderr and "one article" in done.stderr
    assert not (tmp_path / "none.db").exists()


def test_cluster_a_file_with_broken_lines_one_output_line_per_record_in_order(tmp_path):
    lines = [json.dumps({"id": "a", "text": FLOOD_EN, "date": "2026-03-10"}),
             "{broken",
             json.dumps({"id": 7, "text": 5}),
             json.dumps({"id": "b", "text": FLOOD_RU, "date": "2026-03-10"}),
             '{"a":' * 5000 + "1" + "}" * 5000,
             json.dumps({"id": "c", "text": CUP_FR, "date": "2026-03-07"})]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    done = no_traceback(run("cluster", str(path), "--out", str(tmp_path / "out.jsonl")))
    assert done.returncode == 0
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [o["id"] for o in out] == ["a", f"{path}:2", f"{path}:3", "b", f"{path}:5", "c"]
    assert [o["event"] is None for o in out] == [False, True, True, False, True, False]
    assert out[0]["event"] == out[3]["event"] != out[5]["event"]
    for n in (2, 3, 5):
        assert f"{path}:{n}:" in done.stderr


def test_articles_json_into_head_ends_quietly(tmp_path):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"id": f"t{i}", "text": f"{FLOOD_EN} Update {i}."}) + "\n" for i in range(40)))
    db = str(tmp_path / "t.db")
    assert run("ingest", str(f), "--db", db, "-q").returncode == 0
    done = subprocess.run(" ".join([*tidings_command(), "articles", "--json", "--db", db]) + " | head -1",
                          shell=True, capture_output=True, text=True, env=command_env(), timeout=300)
    assert json.loads(done.stdout)["id"] == "t0" and done.stderr == ""


# --- what used to stop a whole ingest ---
def test_half_a_utf16_pair_in_json_is_marked_not_fatal(tmp_path):
    # A JavaScript export that cut an emoji in two: legal JSON, but no UTF-8 store takes it.
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "s1", "text": "Cut emoji \\ud83d in the story: ' + FLOOD_EN.replace("\n", " ")
                 + '", "title": "T\\udfff"}\n' + json.dumps({"id": "s2", "text": CUP_FR}) + "\n"
                 + '{"id": "s3", "text": 5, "title": "\\ud800"}\n')
    items = list(read([str(f)]))
    arts = articles_of(items)
    assert [a.id for a in arts] == ["s1", "s2"] and "\ufffd" in arts[0].text and arts[0].title == "T\ufffd"
    note, bad = problems_of(items)[0], problems_of(items)[-1]
    assert not note.fatal and "2 broken \\u escape" in note.reason and note.line == 1
    assert bad.fatal and "\ud800" not in bad.raw
    store = tidings.open_store(tmp_path / "t.db")
    report = tidings.ingest([str(f)], store)
    assert report.ingested == 2 and [p.line for p in report.skipped] == [3]


def test_file_names_that_are_not_utf8(tmp_path):
    import os

    folder = tmp_path / "from-an-old-zip"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as out:
        out.write(FLOOD_EN)
    with open(os.path.join(os.fsencode(folder), b"br\xf6ken.json"), "w") as out:
        out.write("{broken")
    store = tidings.open_store(tmp_path / "t.db")
    report = tidings.ingest([str(folder)], store)
    assert report.ingested == 1
    (a,) = store.articles()
    assert a.origin.endswith("caf\\xe9.txt")
    (p,) = report.skipped
    assert p.origin.endswith("br\\xf6ken.json") and "not valid JSON" in p.reason


def test_json_lines_named_json_and_a_json_document_named_jsonl(tmp_path):
    rows = [{"id": "p1", "text": FLOOD_EN}, {"id": "p2", "text": CUP_FR}]
    (tmp_path / "lines.json").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "doc.jsonl").write_text(json.dumps(rows, indent=2))
    (tmp_path / "broken_first.jsonl").write_text("[\n" + json.dumps(rows[0]) + "\n")
    for name, origins in [("lines.json", [":1", ":2"]), ("doc.jsonl", ["#1", "#2"]),
                          ("broken_first.jsonl", [":2"])]:
        items = list(read([str(tmp_path / name)]))
        assert [a.origin.rsplit(name, 1)[1] for a in articles_of(items)] == origins, name
    (note,) = problems_of(read([str(tmp_path / "lines.json")]))
    assert not note.fatal and "read as JSON Lines" in note.reason
    (note,) = problems_of(read([str(tmp_path / "doc.jsonl")]))
    assert not note.fatal and "read as JSON" in note.reason


def test_dates_and_languages_on_the_command_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": "r1", "text": FLOOD_RU, "date": "2026-03-10", "lang": "ru"}) + "\n")
    db = str(tmp_path / "t.db")
    assert run("ingest", str(f), "--db", db, "-q").returncode == 0
    for args in (("events", "--since", "notadate"), ("digest", "--since", "yesterday"),
                 ("events", "--since", "2026-13-45")):
        done = no_traceback(run(*args, "--db", db))
        assert done.returncode == 2 and "is not a date; use YYYY-MM-DD" in done.stderr, args
    # Languages as people write them find what cleaning stored.
    for lang in ("RU", "ru-RU", "ru_RU"):
        rows = [json.loads(x) for x in run("events", "--db", db, "--json", "--lang", lang).stdout.splitlines()]
        assert len(rows) == 1 and rows[0]["languages"] == ["ru"], lang
    done = no_traceback(run("events", "--db", db, "--lang", "not a language"))
    assert done.returncode == 2 and "not a language code" in done.stderr


def test_cluster_with_nothing_readable_or_an_unwritable_out(tmp_path):
    done = no_traceback(run("cluster", str(tmp_path / "missing.jsonl")))
    assert done.returncode == 1 and "no such file" in done.stderr and "nothing in" in done.stderr
    assert json.loads(done.stdout) == {"id": str(tmp_path / "missing.jsonl"), "event": None, "story": None}
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a", "text": FLOOD_EN}) + "\n")
    for out in (tmp_path, tmp_path / "no" / "such" / "out.jsonl"):
        done = no_traceback(run("cluster", str(tmp_path / "in.jsonl"), "--out", str(out)))
        assert done.returncode == 2 and "cannot write --out" in done.stderr


def test_pipes_devices_and_dangling_links(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(FLOOD_EN)
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(read([str(folder)]))
    assert [a.text for a in articles_of(items)] == [FLOOD_EN]
    by_name = {p.origin.rsplit("/", 1)[1]: p for p in problems_of(items)}
    assert "target is gone" in by_name["gone.txt"].reason and by_name["gone.txt"].fatal
    assert "not a regular file" in by_name["pipe.txt"].reason and not by_name["pipe.txt"].fatal
    # An endless device is read as a bounded stream, not into memory until it fails.
    (p,) = read(["/dev/zero"], tidings.config.Config(max_file_bytes=100_000))
    assert p.fatal and "over the 0.1 MB limit" in p.reason
    # A pipe given by name (`tidings ingest <(...)`) is read like standard input.
    r, w = os.pipe()
    os.write(w, (json.dumps({"id": "p1", "text": FLOOD_EN}) + "\n").encode())
    os.close(w)
    try:
        assert [a.id for a in articles_of(read([f"/dev/fd/{r}"]))] == ["p1"]
    finally:
        os.close(r)
