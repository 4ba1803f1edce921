"""Clustering: articles with features -> events inside stories, online and explainable."""

from tidings.cluster.linkage import Change, EventLearner, EventState, load_learner

__all__ = ["EventState", "EventLearner", "Change", "load_learner"]
