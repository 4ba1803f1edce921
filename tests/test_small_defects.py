"""Small defects found while building the store seams, each checked here: a named pipe
nobody writes to, a stray byte in UTF-8, bidi controls in listings, a busy database
under the web's cache writer."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import time

import pytest
from conftest import command_env, tidings_command

from tidings.sources.files import decode

STORY = ("Port authorities in Galați reopened the northern quay on Tuesday after the flood "
         "waters fell, officials said, and ferries will run again from Wednesday.")
RU = "Власти Галаца открыли северный причал во вторник после спада воды, сообщили чиновники."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_nobody_writes_to_is_skipped_not_waited_on(tmp_path):
    fifo = tmp_path / "silent.pipe"
    os.mkfifo(fifo)
    (tmp_path / "story.txt").write_text(f"Quay reopens\n\n{STORY}\n", encoding="utf-8")
    env = {**command_env(), "TIDINGS_PIPE_WAIT_SECONDS": "1"}
    started = time.monotonic()
    proc = subprocess.run([*tidings_command(), "ingest", str(fifo), str(tmp_path / "story.txt"),
                           "--db", str(tmp_path / "t.db")], env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "silent.pipe" in proc.stderr and "nothing was written" in proc.stderr
    assert "ingested 1" in proc.stdout
    assert time.monotonic() - started < 250  # it did not wait for a writer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_with_a_writer_is_read(tmp_path):
    fifo = tmp_path / "feed.pipe"
    os.mkfifo(fifo)
    line = json.dumps({"id": "p1", "title": "Quay reopens", "text": STORY}) + "\n"
    writer = subprocess.Popen(["sh", "-c", f"sleep 1; printf '%s' '{line.strip()}' > '{fifo}'"])
    proc = subprocess.run([*tidings_command(), "ingest", str(fifo), "--db", str(tmp_path / "t.db")],
                          env=command_env(), capture_output=True, text=True, timeout=300)
    writer.wait(30)
    assert proc.returncode == 0, proc.stderr
    assert "ingested 1" in proc.stdout


def test_a_stray_byte_before_any_accent_keeps_the_file_utf8():
    data = b"\xff " + f"Galati flood\n\n{RU}\n".encode()
    text, note, failure = decode(data)
    assert failure is None and RU in text
    assert note and "invalid UTF-8" in note and "1 " in note


def test_a_few_stray_bytes_in_short_utf8_text_do_not_skip_it():
    data = RU.encode().replace(" ".encode(), b" \xfe", 3)
    text, note, failure = decode(data)
    assert failure is None and text is not None
    assert "Галаца" in text and note and "3 invalid UTF-8" in note


def test_a_legacy_encoded_file_is_still_read_as_such():
    text, note, _ = decode(RU.encode("cp1251"))
    assert text == RU and note and "cp1251" in note


def test_listings_write_out_bidi_controls(tmp_path):
    from tidings.records import Article
    from tidings.store import open_store

    db = tmp_path / "t.db"
    store = open_store(db)
    title = "Harbour \u202etxt.exe\u202c news \u2067isolated\u2069"
    store.add_article(Article(id="b1", origin="x.txt", title=title, text=STORY, raw=STORY,
                              content_hash="h", lang="en", source="Gazette \u200f"))
    store.close()
    out = subprocess.run([*tidings_command(), "articles", "--db", str(db)], env=command_env(),
                         capture_output=True, text=True, timeout=120).stdout
    assert "\\u202e" in out and "\\u2067" in out and "\\u200f" in out
    assert not any(c in out for c in "\u202e\u202c\u2067\u2069\u200f")


def test_the_cache_writer_notes_a_busy_database_in_one_line(caplog):
    from tidings.store import StoreBusy
    from tidings.web import data

    class BusyStore:
        url = "busy://test"
        shared = True

        def reopen(self):
            return self

        def put_brief(self, *args, **kwargs):
            raise StoreBusy("database busy://test: another program is writing to it")

    caplog.set_level(logging.WARNING, logger="tidings.web")
    writer = data._CacheWriter(BusyStore())  # type: ignore[arg-type]
    writer.put(("put_brief", ("ev", "en", {}, 1), {}))
    deadline = time.monotonic() + 10
    while not caplog.records and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "busy" in caplog.records[0].getMessage() and caplog.records[0].exc_info is None
