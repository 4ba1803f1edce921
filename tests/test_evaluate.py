"""BCubed and pairwise precision/recall/F1, checked against hand-computed values."""

import json

import pytest

from tidings.cluster.evaluate import errors, read_jsonl, score


def test_perfect_and_all_in_one():
    gold = {"a": "x", "b": "x", "c": "y"}
    s = score(gold, gold)
    assert s["bcubed_f1"] == s["pairwise_f1"] == 1.0
    lumped = score({"a": 1, "b": 1, "c": 1}, gold)
    # BCubed precision: a,b see 2/3 correct, c sees 1/3 -> (2/3+2/3+1/3)/3 = 5/9
    assert lumped["bcubed_precision"] == pytest.approx(5 / 9)
    assert lumped["bcubed_recall"] == 1.0
    # pairwise: 3 predicted pairs, 1 true
    assert lumped["pairwise_precision"] == pytest.approx(1 / 3)
    assert lumped["pairwise_recall"] == 1.0


def test_split_gold_event():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": 1, "b": 1, "c": 2, "d": 3}
    s = score(pred, gold)
    assert s["bcubed_precision"] == 1.0
    # recall: a,b 2/3, c 1/3, d 1 -> (2/3+2/3+1/3+1)/4 = 2/3
    assert s["bcubed_recall"] == pytest.approx(2 / 3)
    assert s["pairwise_recall"] == pytest.approx(1 / 3)
    assert s["bcubed_f1"] == pytest.approx(2 * 1 * (2 / 3) / (1 + 2 / 3))
    assert errors(pred, gold) == {"split": [("x", [1, 2])], "merged": []}


def test_only_shared_ids_count_and_no_overlap_is_an_error():
    s = score({"a": 1, "b": 1, "zz": 9}, {"a": "x", "b": "x", "c": "y"})
    assert s["items"] == 2 and s["bcubed_f1"] == 1.0
    with pytest.raises(ValueError, match="no item"):
        score({"q": 1}, {"a": "x"})


def test_read_jsonl_names_the_bad_line(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps({"id": "a", "event": "x"}) + "\n\n{broken\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:3"):
        read_jsonl(p)
    p.write_text(json.dumps({"id": 1, "event": "x"}) + "\n", encoding="utf-8")
    assert read_jsonl(p) == {"1": "x"}


def test_unreadable_predictions_stand_alone_and_unlabelled_gold_is_not_scored(tmp_path):
    from tidings.cluster.evaluate import read_jsonl, score

    pred = tmp_path / "pred.jsonl"
    gold = tmp_path / "gold.jsonl"
    # `tidings cluster` writes "event": null for lines it could not read.
    pred.write_text('{"id": "a", "event": null}\n{"id": "b", "event": null}\n{"id": "c", "event": "e1"}\n')
    gold.write_text('{"id": "a", "event": "g1"}\n{"id": "b", "event": "g2"}\n{"id": "c", "event": null}\n')
    p, g = read_jsonl(pred, "pred"), read_jsonl(gold, "gold")
    assert p["a"] != p["b"]  # two unreadable lines are not one predicted event
    assert "c" not in g
    assert score(p, g)["bcubed_f1"] == 1.0


def test_an_id_given_twice_is_refused_with_both_lines(tmp_path):
    import pytest

    from tidings.cluster.evaluate import read_jsonl

    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a", "event": "x"}\n\n{"id": "a", "event": "y"}\n')
    with pytest.raises(ValueError, match=r"pred.jsonl:3: id 'a' was already given on line 1"):
        read_jsonl(path)
