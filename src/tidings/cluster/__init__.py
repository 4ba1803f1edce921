"""Clustering: articles with features -> events, online and explainable."""

from tidings.cluster.online import Clusterer, EventState
from tidings.cluster.similarity import Comparison, compare

__all__ = ["Clusterer", "EventState", "Comparison", "compare"]
