"""Clustering: articles with features -> events inside stories, online and explainable."""

from tidings.cluster.linkage import Change, EventLearner, load_learner
from tidings.cluster.online import Clusterer, EventState
from tidings.cluster.similarity import Comparison, compare

__all__ = ["Clusterer", "EventState", "Comparison", "compare", "EventLearner", "Change", "load_learner"]
