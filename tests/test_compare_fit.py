"""The fit of `tidings compare` (cluster/fit_compare.py), design D4, on pairs we make up here:
no benchmark data is read."""

import numpy as np
import pytest

from tidings.cluster.fit_compare import COSINE_TERMS, SHRUNK_L2, Pairs, fit, l2_strengths, sample_weights
from tidings.cluster.pairs import fit_logistic
from tidings.cluster.relatedness import COMPARE_FEATURES, LEVELS

COL = {n: i for i, n in enumerate(COMPARE_FEATURES)}


def made_up_pairs(seed: int = 0) -> Pairs:
    """Graded pairs where the longer cosine follows the level, shared words follow it only
    within one language, and one pair in ten is of one language (as in a mostly
    cross-language development set)."""
    rng = np.random.default_rng(seed)
    levels = np.array(list(LEVELS.values()))
    y = rng.choice(levels, size=2000, p=[0.1, 0.05, 0.15, 0.7])
    same = rng.random(2000) < 0.1
    x = np.zeros((2000, len(COMPARE_FEATURES)))
    x[:, COL["cosine_long"]] = 0.75 + 0.12 * y + rng.normal(0, 0.03, 2000)
    x[:, COL["cosine"]] = 0.78 + 0.08 * y + rng.normal(0, 0.04, 2000)
    x[:, COL["same_lang"]] = same
    x[same, COL["words"]] = np.clip(0.4 * y[same] + rng.normal(0, 0.1, same.sum()), 0, 1)
    return Pairs(x, y, [("A", "A")] * 2000, np.zeros(2000))


def test_each_level_weighs_the_same_within_one_language_and_across_two():
    y = np.array([1.0, 0, 0, 0, 0, 1 / 3, 1.0, 0, 0])
    same = np.array([1, 1, 1, 0, 0, 0, 0, 0, 0], dtype=bool)
    sw = sample_weights(y, same)
    assert sw.mean() == pytest.approx(1.0)
    cells = {(lv, s): sw[(y == lv) & (same == s)].sum() for lv, s in zip(y, same)}
    assert len(cells) == 5
    assert max(cells.values()) == pytest.approx(min(cells.values()))
    # Without the language split (D1) each level weighs the same, whatever the language.
    d1 = sample_weights(y)
    assert d1[y == 1.0].sum() == pytest.approx(d1[y == 0].sum())
    assert d1[y == 0][0] == pytest.approx(d1[y == 0][-1])


def test_l2_strengths_shrink_all_but_the_cosine_terms():
    reg = l2_strengths(1.0)
    for n, r in zip(COMPARE_FEATURES, reg):
        assert r == (1.0 if n in COSINE_TERMS else SHRUNK_L2)
    assert "names" not in COSINE_TERMS and "words" not in COSINE_TERMS


def test_fit_logistic_takes_one_l2_per_feature():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(500, 2))
    y = (x[:, 0] + x[:, 1] + rng.normal(0, 0.5, 500) > 0).astype(float)
    w_one, _ = fit_logistic(x, y, l2=1.0)
    w_vec, _ = fit_logistic(x, y, l2=np.array([1.0, 200.0]))
    # Both features say as much; the strongly regularised one ends far below the other.
    assert w_one[1] / w_one[0] > 0.8
    assert 0 < w_vec[1] / w_vec[0] < 0.5
    # One strength for all is the same as that strength given per feature.
    assert np.allclose(fit_logistic(x, y, l2=np.array([1.0, 1.0]))[0], w_one)


def test_one_language_pairs_weighing_as_much_lift_one_language_evidence():
    pairs = made_up_pairs()
    same = pairs.x[:, COL["same_lang"]] > 0
    # Shared words only move within one language (a tenth of the pairs here): weighed as
    # much as the pairs across languages, they get more weight than under D1's weighing.
    w1, _ = fit_logistic(pairs.x, pairs.y, sample_weight=sample_weights(pairs.y))
    w4, _ = fit_logistic(pairs.x, pairs.y, sample_weight=sample_weights(pairs.y, same))
    assert w4[COL["words"]] > w1[COL["words"]] > 0


def test_d4_orders_the_levels_within_one_language_and_across_two():
    pairs = made_up_pairs()
    d4 = fit([pairs], design="D4")
    assert d4.meta["design"] == "D4" and fit([pairs], design="D1").meta["design"] == "D1"
    assert int(np.argmax(d4.weights)) == COL["cosine_long"]  # the longer cosine leads
    s = d4.score(pairs.x)
    same = pairs.x[:, COL["same_lang"]] > 0
    for part in (same, ~same):
        means = [s[part & (pairs.y == lv)].mean() for lv in sorted(LEVELS.values())]
        assert means == sorted(means)


def test_unknown_design_is_refused():
    with pytest.raises(ValueError):
        fit([made_up_pairs()], design="D9")
