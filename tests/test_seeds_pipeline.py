"""The five real seed articles through the whole pipeline: `ingest` and stateless `cluster`.

000, 002, 003 and 004 report one event (the Kremlin inviting Zelensky to Moscow, Jan 2026);
001 has the same actors two years earlier. The texts are read from ../shared at run time.
"""

import json
import subprocess

from conftest import command_env, tidings_command

import tidings


def test_ingest_understands_and_groups_the_seeds(tmp_path, seed_files):
    store = tidings.open_store(tmp_path / "seeds.db")
    report = tidings.ingest([str(p) for p in seed_files.values()], store)
    assert report.ingested == 5 and not report.skipped
    by_seed = {}
    for a in store.articles():
        seed = next(k for k, p in seed_files.items() if a.origin.endswith(p.name))
        by_seed[seed] = a
    assert {k: a.lang for k, a in by_seed.items()} == {
        "000": "hi", "001": "hi", "002": "en", "003": "ro", "004": "en"}
    assert by_seed["000"].date.startswith("2026-01-30")
    assert by_seed["001"].date.startswith("2024-01-09")
    assert by_seed["002"].date.startswith("2026-01-30")
    assert by_seed["003"].date.startswith("2026-01-28")
    assert by_seed["004"].date is None or by_seed["004"].date_source == "guess"
    event = {k: report.events[a.id] for k, a in by_seed.items()}
    assert event["000"] == event["002"] == event["003"] == event["004"]
    assert event["001"] != event["000"]
    assert store.count_events() == 2


def test_cluster_command_on_the_seeds_keeps_input_order(tmp_path, seed_files):
    feed = tmp_path / "seeds.jsonl"
    order = ["003", "001", "000", "004", "002"]
    with open(feed, "w", encoding="utf-8") as f:
        for k in order:
            f.write(json.dumps({"id": f"seed-{k}", "text": seed_files[k].read_text(encoding="utf-8")},
                               ensure_ascii=False) + "\n")
    done = subprocess.run([*tidings_command(), "cluster", str(feed)], capture_output=True,
                          text=True, env=command_env(), timeout=600)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in rows] == [f"seed-{k}" for k in order]
    event = {r["id"][5:]: r["event"] for r in rows}
    assert event["000"] == event["002"] == event["003"] == event["004"]
    assert event["001"] != event["000"]
