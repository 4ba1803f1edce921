"""`tidings cluster` and `tidings eval` on the demo corpus, as a pipeline user runs them:
in order and shuffled, against the gold labels and against each other."""

import json
import random
import subprocess
from dataclasses import asdict

from conftest import command_env, tidings_command

from tidings import demo
from tidings.records import RawArticle
from tidings.sources import read


def run(*args):
    done = subprocess.run([*tidings_command(), *args], capture_output=True, text=True,
                          env=command_env(), timeout=900)
    assert done.returncode == 0, done.stderr
    return done.stdout


def demo_lines():
    """The demo corpus as JSONL records, each with an id the gold labels can name."""
    raws = [r for r in read([str(demo.CORPUS)]) if isinstance(r, RawArticle)]
    find = demo.gold_finder()
    lines, gold = [], {}
    for n, raw in enumerate(raws):
        rid = raw.id or f"doc-{n}"
        event = find(raw.origin, raw.id)
        assert event, f"no gold label for {raw.origin}"
        gold[rid] = event
        obj = {k: v for k, v in asdict(raw).items() if v is not None and k != "origin"}
        obj["id"] = rid
        lines.append(json.dumps(obj, ensure_ascii=False))
    return lines, gold


def cluster(tmp_path, name, lines):
    src = tmp_path / f"{name}.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / f"{name}.pred.jsonl"
    run("cluster", str(src), "--out", str(out))
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [json.loads(x)["id"] for x in lines]  # input order kept
    return out


def score(tmp_path, pred, gold: dict):
    g = tmp_path / "gold.jsonl"
    g.write_text("".join(json.dumps({"id": k, "event": v}) + "\n" for k, v in gold.items()))
    return json.loads(run("eval", str(pred), str(g), "--json"))


def test_demo_corpus_clusters_to_its_gold_events_in_any_order(tmp_path):
    lines, gold = demo_lines()
    assert len(lines) == 60
    pred = cluster(tmp_path, "ordered", lines)
    assert score(tmp_path, pred, gold)["bcubed_f1"] >= 0.95
    shuffled = lines[:]
    random.Random(7).shuffle(shuffled)
    pred_shuffled = cluster(tmp_path, "shuffled", shuffled)
    ordered_as_gold = {r["id"]: r["event"] for r in map(json.loads, pred.read_text().splitlines())}
    assert score(tmp_path, pred_shuffled, ordered_as_gold)["bcubed_f1"] >= 0.95
    assert score(tmp_path, pred_shuffled, gold)["bcubed_f1"] >= 0.95
