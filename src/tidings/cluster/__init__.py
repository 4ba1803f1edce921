"""Clustering: articles with features -> events, online and explainable."""
