"""The fit's threshold choice (cluster/fit.py): the middle of the best plateau of training
F1, not its highest single point."""

from tidings.cluster.fit import THRESHOLDS, plateau


def test_a_lone_spike_loses_to_a_plateau():
    # At 0.3 ... 0.9: a spike at 0.8 between two poor points, a broad plateau around 0.5.
    scores = [0.80, 0.90, 0.91, 0.90, 0.70, 0.92, 0.70]
    assert dict(zip(THRESHOLDS, scores))[0.8] == max(scores)
    assert plateau(scores) == 0.5


def test_ties_go_to_the_higher_point_then_nearer_the_middle():
    assert plateau([0.5, 0.8, 0.9, 0.8, 0.5, 0.5, 0.5]) == 0.5
    # Flat: every smoothed score ties except the ends, which average in fewer points.
    assert plateau([0.9] * len(THRESHOLDS)) == 0.5
    assert plateau([0.9, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5]) == 0.3
