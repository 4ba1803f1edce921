"""Messy and hostile input, as a demanding analyst brings it: odd encodings, wrong JSON
types, reused ids, pathological HTML, bad paths and databases. Nothing may crash, vanish
silently, or fail without saying what happened to which input and what to do."""

import json
import subprocess

import pytest

import tidings
from conftest import command_env, tidings_command
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
