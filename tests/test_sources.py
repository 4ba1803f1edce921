"""Readers: every input kind, and every kind of bad input becoming a Problem, not a crash."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from tidings.config import Config
from tidings.records import Problem, RawArticle
from tidings.sources import decode, read

EN_TEXT = (
    "Flood waters rise in Valencia\n\n"
    "Heavy rain overnight pushed the Turia river over its banks, regional officials said on "
    "Tuesday, and hundreds of residents were moved to schools and sports halls.\n"
)
RO_TEXT = (
    "Inundații la Galați\n\n"
    "Ploile abundente au dus la creșterea nivelului Dunării, au anunțat marți autoritățile, "
    "iar peste 300 de persoane au fost evacuate.\n"
)
HTML = (
    "<!doctype html><html><head><title>Heatwave in Delhi</title></head><body>"
    "<article><h1>Heatwave in Delhi</h1><p>Temperatures reached 47 degrees on Monday, the "
    "weather office said, as schools closed early for the summer.</p></article></body></html>"
)


def articles(items):
    return [x for x in items if isinstance(x, RawArticle)]


def problems(items, fatal=True):
    return [x for x in items if isinstance(x, Problem) and x.fatal == fatal]


def test_plain_text_file(tmp_path):
    f = tmp_path / "valencia.txt"
    f.write_text(EN_TEXT, encoding="utf-8")
    items = list(read([str(f)]))
    assert len(items) == 1 and isinstance(items[0], RawArticle)
    assert items[0].text == EN_TEXT and items[0].html is None
    assert items[0].origin == str(f)


def test_text_with_metadata_line_is_read_verbatim(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(" date 2025-03-02 " + EN_TEXT, encoding="utf-8")
    (item,) = read([str(f)])
    assert item.text.startswith(" date 2025-03-02 ")  # cleaning interprets it, not reading


def test_html_file(tmp_path):
    for ext in ("html", "htm"):
        f = tmp_path / f"page.{ext}"
        f.write_text(HTML, encoding="utf-8")
        (item,) = read([str(f)])
        assert item.html == HTML and item.text is None


def test_json_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": 7, "text": EN_TEXT, "url": "https://example.org/a",
                               "title": "Flood", "date": "2025-03-02", "lang": "en",
                               "source": "Example", "author": "Ana Gil"}), encoding="utf-8")
    (a,) = read([str(one)])
    assert (a.id, a.url, a.title, a.date, a.lang, a.source, a.author) == (
        "7", "https://example.org/a", "Flood", "2025-03-02", "en", "Example", "Ana Gil")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": EN_TEXT}, {"html": HTML}, {"title": "no body"}]), encoding="utf-8")
    items = list(read([str(many)]))
    arts = articles(items)
    assert [x.origin for x in arts] == [f"{many}#1", f"{many}#2"]
    assert arts[1].html == HTML
    (p,) = problems(items)
    assert "#3" in p.origin and '"text" or "html"' in p.reason and "title" in p.reason


def test_jsonl_broken_line_is_named_and_the_rest_comes_through(tmp_path):
    f = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": EN_TEXT}),
        '{"id": "a2", "text": "unterminated',
        "",
        json.dumps({"id": "a3", "text": RO_TEXT, "lang": "ro"}),
        json.dumps({"id": "a4", "text": EN_TEXT, "date": 20250302}),
        json.dumps(["not", "an", "object"]),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read([str(f)]))
    arts = articles(items)
    # A number as date does not cost the article: its digits go to the date parser.
    assert [a.id for a in arts] == ["a1", "a3", "a4"]
    assert [a.origin for a in arts] == [f"{f}:1", f"{f}:4", f"{f}:5"]
    assert arts[2].date == "2025-03-02"
    probs = problems(items)
    assert [(p.origin, p.line) for p in probs] == [(str(f), 2), (str(f), 6)]
    assert "broken JSON line" in probs[0].reason and probs[0].message().startswith(f"{f}:2: ")
    assert "expected a JSON object" in probs[1].reason
    assert probs[0].raw and "unterminated" in probs[0].raw


def test_folder_mix_recursive_sorted_hidden_skipped(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    (root / "ro").mkdir(parents=True)
    (root / "en").mkdir()
    (root / ".cache").mkdir()
    (root / "en" / "b.txt").write_text(EN_TEXT, encoding="utf-8")
    (root / "en" / "a.html").write_text(HTML, encoding="utf-8")
    (root / "ro" / "x.jsonl").write_text(json.dumps({"text": RO_TEXT}) + "\n", encoding="utf-8")
    (root / ".hidden.txt").write_text(EN_TEXT, encoding="utf-8")
    (root / ".cache" / "c.txt").write_text(EN_TEXT, encoding="utf-8")
    (root / "notes.md").write_text(EN_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    items = list(read(["corpus"]))
    assert [x.origin for x in items] == [
        "corpus/en/a.html", "corpus/en/b.txt", "corpus/notes.md", "corpus/ro/x.jsonl:1"]
    assert items[0].html and items[1].text and items[3].text == RO_TEXT


def test_a_datasets_own_documentation_in_a_folder_is_not_read_as_articles(tmp_path, monkeypatch):
    # A crawl export as people ship it: the articles in events.jsonl, a README.md and a
    # notes file describing them, a LICENSE; and a folder of plain articles with a README.
    data = tmp_path / "export"
    data.mkdir()
    (data / "events.jsonl").write_text(json.dumps({"text": EN_TEXT}) + "\n" + json.dumps({"text": RO_TEXT}) + "\n",
                                       encoding="utf-8")
    (data / "README.md").write_text("# Export\n\nOne article per line, crawled in May.\n", encoding="utf-8")
    (data / "EVENTS.md").write_text("# Events\n\n| event | articles |\n| flood | 2 |\n", encoding="utf-8")
    (data / "LICENSE").write_text("Permission is hereby granted, free of charge...\n", encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "README.txt").write_text("These are the articles we saved on Tuesday.\n", encoding="utf-8")
    (texts / "flood.md").write_text(EN_TEXT, encoding="utf-8")
    (texts / "readme-the-river.txt").write_text(RO_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    items = list(read(["export", "texts"]))
    articles = [x for x in items if isinstance(x, RawArticle)]
    notes = {x.origin: x for x in items if isinstance(x, Problem)}
    assert [a.origin for a in articles] == ["export/events.jsonl:1", "export/events.jsonl:2",
                                            "texts/flood.md", "texts/readme-the-river.txt"]
    assert set(notes) == {"export/README.md", "export/EVENTS.md", "export/LICENSE", "texts/README.txt"}
    assert all(not n.fatal and "not an article" in n.reason and "give the file itself" in n.reason
               for n in notes.values())
    # Named on its own, a file is read whatever its name.
    assert [type(x) for x in read(["export/README.md"])] == [RawArticle]


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize(
    "data, kind",
    [
        (EN_TEXT.encode(), "text"),
        (HTML.encode(), "html"),
        ((json.dumps({"text": EN_TEXT}) + "\n" + json.dumps({"text": RO_TEXT}) + "\n").encode(), "jsonl"),
        (json.dumps({"text": EN_TEXT}, indent=2).encode(), "json"),
        (json.dumps([{"text": EN_TEXT}, {"text": RO_TEXT}]).encode(), "jsonlist"),
    ],
)
def test_stdin_kind_detected_by_content(monkeypatch, data, kind):
    _stdin(monkeypatch, data)
    items = list(read(["-"]))
    assert not problems(items)
    arts = articles(items)
    if kind == "text":
        assert len(arts) == 1 and arts[0].text == EN_TEXT and arts[0].origin == "<stdin>"
    elif kind == "html":
        assert len(arts) == 1 and arts[0].html == HTML
    elif kind == "jsonl":
        assert [a.origin for a in arts] == ["<stdin>:1", "<stdin>:2"]
        assert arts[1].text == RO_TEXT
    elif kind == "json":
        assert len(arts) == 1 and arts[0].text == EN_TEXT
    else:
        assert [a.text for a in arts] == [EN_TEXT, RO_TEXT]


def test_empty_file(tmp_path):
    for name, body in (("empty.txt", b""), ("blank.txt", b"  \n\n \t"), ("empty.jsonl", b"\n\n")):
        f = tmp_path / name
        f.write_bytes(body)
        (p,) = read([str(f)])
        assert isinstance(p, Problem) and "empty file" in p.reason and p.origin == str(f)


def test_binary_file(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    (p,) = read([str(f)])
    assert isinstance(p, Problem) and p.reason.startswith("binary file")
    assert p.raw is not None and len(p.raw) <= Config().max_raw_keep_chars


def test_invalid_utf8_latin1_text_is_decoded_with_a_note(tmp_path):
    f = tmp_path / "fr.txt"
    text = ("Le Kremlin a invité Volodymyr Zelensky à Moscou mercredi, a déclaré le conseiller "
            "diplomatique du président, qui a promis des garanties de sécurité. " * 3)
    f.write_bytes(text.encode("latin-1"))
    items = list(read([str(f)]))
    (note,) = problems(items, fatal=False)
    assert "not UTF-8" in note.reason
    (a,) = articles(items)
    assert "invité" in a.text and "sécurité" in a.text


def test_invalid_utf8_that_is_not_text_is_a_problem(tmp_path):
    import random

    rnd = random.Random(5)
    f = tmp_path / "garbage.txt"
    f.write_bytes(bytes(rnd.choice(range(0x80, 0x100)) for _ in range(3000)))
    (p,) = read([str(f)])
    assert isinstance(p, Problem) and p.fatal
    assert "not valid UTF-8" in p.reason and "re-save" in p.reason
    assert p.raw is not None and len(p.raw) <= 3000


def test_a_few_bad_bytes_in_utf8_are_replaced_not_fatal():
    data = ("Кремль пригласил Зеленского в Москву. " * 20).encode() + b"\xff" + " Конец.".encode()
    text, note, failure = decode(data)
    assert failure is None and "replaced" in note and "\ufffd" in text and "Кремль" in text


def test_utf16_with_bom_is_read():
    text, note, failure = decode("\ufeffHeadline\n\nSome reporting here.".encode("utf-16"))
    assert failure is None and note is None and "Some reporting" in text


def test_50mb_file_is_refused_without_reading_it_whole(tmp_path):
    f = tmp_path / "huge.txt"
    line = ("A very long scraped page that someone saved by mistake, repeated. " * 15 + "\n").encode()
    with open(f, "wb") as out:
        for _ in range(50_000_000 // len(line) + 1):
            out.write(line)
    assert f.stat().st_size > 50_000_000
    tracemalloc.start()
    items = list(read([str(f)]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    (p,) = items
    assert isinstance(p, Problem) and "50.0 MB" in p.reason and "limit" in p.reason
    assert peak < 5_000_000, f"reading a refused 50 MB file used {peak} bytes"
    assert len(p.raw) <= Config().max_raw_keep_chars


def test_large_jsonl_is_streamed(tmp_path):
    f = tmp_path / "big.jsonl"
    row = json.dumps({"text": EN_TEXT * 4}) + "\n"
    with open(f, "w", encoding="utf-8") as out:
        for _i in range(20_000):
            out.write(row)
    config = Config(max_file_bytes=1_000_000)  # the file is 20x this, each line far below
    tracemalloc.start()
    n = 0
    for item in read([str(f)], config):
        assert isinstance(item, RawArticle)
        n += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 20_000 and peak < 5_000_000


def test_jsonl_line_over_the_limit_is_skipped(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": EN_TEXT}) + "\n")
    items = list(read([str(f)], Config(max_file_bytes=2000)))
    assert isinstance(items[0], Problem) and items[0].line == 1 and "over the" in items[0].reason
    assert isinstance(items[1], RawArticle) and items[1].origin == f"{f}:2"


def test_unknown_extension_tried_as_text(tmp_path):
    good = tmp_path / "story.dat"
    good.write_text(EN_TEXT, encoding="utf-8")
    bad = tmp_path / "blob.dat"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    page = tmp_path / "saved.php"
    page.write_text(HTML, encoding="utf-8")
    a, p, h = read([str(good), str(bad), str(page)])
    assert isinstance(a, RawArticle) and a.text == EN_TEXT
    assert isinstance(p, Problem) and "binary" in p.reason
    assert isinstance(h, RawArticle) and h.html == HTML


def test_missing_and_unreadable_paths(tmp_path, monkeypatch):
    missing = tmp_path / "nope.txt"
    locked = tmp_path / "locked.txt"
    locked.write_text(EN_TEXT)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    ok = tmp_path / "ok.txt"
    ok.write_text(EN_TEXT)
    items = list(read([str(missing), str(locked), str(ok)]))
    assert isinstance(items[0], Problem) and "no such file" in items[0].reason
    assert isinstance(items[1], Problem) and "permission denied" in items[1].reason
    assert isinstance(items[2], RawArticle)


def test_invalid_json_file(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('{"text": "abc",, }')
    (p,) = read([str(f)])
    assert isinstance(p, Problem) and "not valid JSON" in p.reason and p.line == 1
