"""Briefs: an event explained in one place (headline, summary, timeline, entities, quotes,
figures, disagreements, parallel reading)."""
