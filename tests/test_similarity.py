"""Explainable similarity: what each piece of evidence does, with the real model."""

import math

import pytest

from cluster_fixtures import INVITE_FEB, INVITE_SEPT, ROUND1, ROUND2, STRIKE_FEB, article, articles
from tidings.cluster.similarity import (Profile, calibrate, compare, idf_from_counts,
                                        score_profiles, time_factor)
from tidings.config import DEFAULT, Config
from tidings.records import Figure
from tidings.understand import understand_batch
from tidings.understand.embed import Embedder, HashingEmbedderForTests


@pytest.fixture(scope="module")
def feats():
    arts, _ = articles(INVITE_SEPT, INVITE_FEB, STRIKE_FEB, ROUND1, ROUND2)
    fs = understand_batch(arts, Embedder(), DEFAULT)
    return {a.id: (a, f) for a, f in zip(arts, fs)}


def cmp(feats, x, y, **kw):
    a, fa = feats[x]
    b, fb = feats[y]
    return compare(a, fa, b, fb, DEFAULT, **kw)


def test_same_event_across_scripts_scores_high_with_reasons(feats):
    c = cmp(feats, "feb-en", "feb-hi")
    assert c.score >= DEFAULT.join_threshold
    assert any("Peskov" in s and "पेस्कोव" in s for s in c.reasons["shared_names"])
    assert c.reasons["time_gap_days"] == 0
    d = c.to_dict()
    assert set(d) == {"score", "reasons"} and 0 <= d["score"] <= 1
    assert {"embedding", "shared_names", "time_gap_days", "figures"} <= set(d["reasons"])


def test_same_actors_months_apart_score_zero_for_time(feats):
    c = cmp(feats, "sep-en", "feb-en")
    assert c.reasons["time_gap_days"] > 150
    assert c.reasons["time_factor"] == 0 and c.score == 0
    assert c.reasons["shared_names"]  # the names alone would have matched


def test_same_day_other_happening_stays_below_the_bar(feats):
    assert cmp(feats, "feb-en", "strike-en").score < DEFAULT.join_threshold
    assert cmp(feats, "feb-ro", "strike-ru").score < DEFAULT.join_threshold


def test_shared_distinctive_figures_are_reported(feats):
    c = cmp(feats, "r1-en", "r1-fr")
    assert "250" in c.reasons["figures"]


def test_rare_names_weigh_more_than_common_ones():
    idf = idf_from_counts({"ptn": 90, "slnsk": 90, "askv": 2}, 100)
    a = Profile(names={"ptn": 1.0, "slnsk": 1.0, "askv": 1.0},
                kinds=dict.fromkeys(["ptn", "slnsk", "askv"], "person"))
    common = Profile(names={"ptn": 1.0, "slnsk": 1.0, "lvrv": 1.0},
                     kinds=dict.fromkeys(["ptn", "slnsk", "lvrv"], "person"))
    rare = Profile(names={"askv": 1.0, "lvrv": 1.0, "rb": 1.0},
                   kinds=dict.fromkeys(["askv", "lvrv", "rb"], "person"))
    s_common = score_profiles(a, common, DEFAULT, idf).reasons["names_score"]
    s_rare = score_profiles(a, rare, DEFAULT, idf).reasons["names_score"]
    assert s_rare > s_common  # one rare shared name beats two common ones


def test_time_factor_and_calibration_shapes():
    cfg = Config()
    assert time_factor(None, cfg) == 1.0
    assert time_factor(cfg.time_grace_days, cfg) == 1.0
    assert time_factor(10, cfg) == 0.0
    assert 0 < time_factor((cfg.time_grace_days + cfg.time_zero_days) / 2, cfg) < 1
    values = [calibrate(c, cfg) for c in (0.3, 0.7, 0.76, 0.83, 0.9, 0.95, 1.0)]
    assert values == sorted(values) and values[0] > 0 and values[-1] == 1.0
    assert calibrate(cfg.emb_low, cfg) == pytest.approx(0.1)
    assert calibrate(cfg.emb_high, cfg) == pytest.approx(0.9)
    assert math.isnan(calibrate(float("nan"), cfg))


def test_missing_evidence_drops_out_instead_of_counting_against():
    # Two articles with no names found: the score is the embedding's alone.
    e = HashingEmbedderForTests()
    a = article("a", "zh", "2025-01-01", "标题一", "同一段文字")
    b = article("b", "zh", "2025-01-01", "标题一", "同一段文字")
    fa, fb = understand_batch([a, b], e, DEFAULT)
    c = compare(a, fa, b, fb)
    assert c.reasons["names_score"] is None and c.score == pytest.approx(1.0)
    fa.figures = [Figure(314, "314 prisoners", "prisoners")]
    fb.figures = [Figure(314, "314 prisoners", "prisoners")]
    assert compare(a, fa, b, fb).reasons["figures"] == ["314"]


def test_a_date_found_only_in_the_body_is_no_time_evidence(feats):
    a, fa = feats["sep-en"]
    b, fb = feats["feb-en"]
    from dataclasses import replace
    recalled = replace(b, date_source="text")  # the first date in its body, maybe a recalled one
    c = compare(a, fa, recalled, fb)
    assert c.reasons["time_gap_days"] is None
    # Only the weekday its lead names ("on Tuesday") is left to check against the other's date.
    assert c.reasons["weekday_match"] is False
    assert c.reasons["time_factor"] == DEFAULT.weekday_mismatch_factor
    assert compare(a, fa, b, fb).reasons["time_factor"] == 0.0
