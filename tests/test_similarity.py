"""Pair similarity as the clusterer uses it (the fitted model of cluster/pairs.py): what
each piece of evidence does, with the real embedding model, on fixtures written for
these tests."""

from dataclasses import replace

import pytest
from cluster_fixtures import INVITE_FEB, INVITE_SEPT, ROUND1, ROUND2, STRIKE_FEB, article, articles

from tidings.api import compare
from tidings.cluster.pairs import Item, Weighing, explain_items, make_item, pair_row, shipped_model
from tidings.config import DEFAULT
from tidings.records import Features, Figure, Mention
from tidings.understand import understand_batch
from tidings.understand.embed import Embedder, HashingEmbedderForTests

MODEL = shipped_model("event")


@pytest.fixture(scope="module")
def feats():
    arts, _ = articles(INVITE_SEPT, INVITE_FEB, STRIKE_FEB, ROUND1, ROUND2)
    fs = understand_batch(arts, Embedder(), DEFAULT)
    return {a.id: (a, f) for a, f in zip(arts, fs)}


def explain(feats, x, y):
    (a, fa), (b, fb) = feats[x], feats[y]
    ia, ib = make_item(a, fa), make_item(b, fb)
    return explain_items(ia, ib, MODEL, Weighing({}, {}, 2))


def evidence(result) -> dict[str, float]:
    return {e["evidence"]: e["value"] for e in result["evidence"]}


def test_same_event_across_scripts_scores_high_with_reasons(feats):
    r = explain(feats, "feb-en", "feb-hi")
    assert r["probability"] >= MODEL.threshold
    ev = evidence(r)
    assert ev["names"] > 0 and ev["cosine_cross_lang"] > 0
    assert ev["gap_known"] == 1 and "gap_days" not in ev  # the same day: no gap to weigh
    assert "the same happening" in r["decided"]


def test_same_actors_months_apart_show_the_gap_beside_the_names(feats):
    # One pair decides nothing alone (the learner weighs an event's members together and
    # never looks months away: tests/test_clustering.py); the gap must be in the evidence.
    near = evidence(explain(feats, "feb-en", "feb-ro"))
    far = evidence(explain(feats, "sep-en", "feb-en"))
    assert far["names"] > 0  # the names alone would have matched
    assert far["gap_far"] == 1 and far["gap_week"] == 1 and far["gap_days"] > 4
    assert "gap_far" not in near
    assert explain(feats, "sep-en", "feb-en")["probability"] < explain(feats, "feb-en", "feb-ro")["probability"]


def test_shared_distinctive_figures_count_and_are_shown(tmp_path):
    texts = {"en": "Geneva talks: 250 prisoners each in the first round\n\nRussian and Ukrainian "
                   "delegations agreed in Geneva on Tuesday to swap 250 prisoners each.",
             "fr": "Genève : échange de 250 prisonniers au premier tour\n\nLes délégations russe et "
                   "ukrainienne ont convenu mardi à Genève d'échanger 250 prisonniers chacune."}
    for lang, text in texts.items():
        (tmp_path / f"{lang}.txt").write_text(text, encoding="utf-8")
    reasons = compare(str(tmp_path / "en.txt"), str(tmp_path / "fr.txt")).to_dict()["reasons"]
    assert "250" in reasons["details"]["figures"]
    assert any(e["evidence"] == "figures" and e["value"] > 0 for e in reasons["evidence"])
    assert reasons["decided"]


def test_rare_names_weigh_more_than_common_ones():
    weigh = Weighing({"ptn": 90, "slnsk": 90, "askv": 2}, {}, 100)
    a = Item("a", names={"ptn": 1.0, "slnsk": 1.0, "askv": 1.0})
    common = Item("c", names={"ptn": 1.0, "slnsk": 1.0, "lvrv": 1.0})
    rare = Item("r", names={"askv": 1.0, "lvrv": 1.0, "rb": 1.0})
    names = 2  # FEATURES.index("names")
    assert pair_row(a, rare, None, weigh)[names] > pair_row(a, common, None, weigh)[names]


def test_missing_names_are_their_own_evidence_not_a_disagreement():
    e = HashingEmbedderForTests()
    a = article("a", "zh", "2025-01-01", "标题一", "同一段文字")
    b = article("b", "zh", "2025-01-01", "标题一", "同一段文字")
    fa, fb = understand_batch([a, b], e, DEFAULT)
    row = dict(zip(MODEL.names, pair_row(make_item(a, fa), make_item(b, fb), 1.0, Weighing({}, {}, 2))))
    assert row["no_names"] == 1.0 and row["names"] == 0.0
    fa.figures = fb.figures = [Figure(314, "314 prisoners", "prisoners")]
    row = dict(zip(MODEL.names, pair_row(make_item(a, fa), make_item(b, fb), 1.0, Weighing({}, {}, 2))))
    assert row["figures"] > 0


def test_a_date_found_only_in_the_body_is_no_time_evidence(feats):
    a, fa = feats["sep-en"]
    b, fb = feats["feb-en"]
    recalled = replace(b, date_source="text")  # the first date in its body, maybe a recalled one
    ia, ib = make_item(a, fa), make_item(recalled, fb)
    assert ib.day is None
    row = dict(zip(MODEL.names, pair_row(ia, ib, 0.9, Weighing({}, {}, 2))))
    assert row["gap_known"] == 0 and row["gap_far"] == 0
    assert dict(zip(MODEL.names, pair_row(ia, make_item(b, fb), 0.9, Weighing({}, {}, 2))))["gap_far"] == 1


def test_mentions_under_one_key_are_one_name_to_the_clusterer():
    # The name reader may keep a person and a place apart under one key (Francis, France):
    # the clusterer compares keys, so they count as one name, not two that overwrite.
    a = article("a", "en", "2025-04-26", "Funeral", "text")
    f = Features(article_id="a", names=[Mention(key="frns", surface="Francis", kind="person", count=2),
                                        Mention(key="frns", surface="France", kind="place", count=1)])
    assert make_item(a, f).names == {"frns": 1.0}
