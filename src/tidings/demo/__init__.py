"""The bundled demo corpus, written by us, with gold event labels.

It is the main test fixture and the data on which thresholds are chosen; see README.md
beside this file for its events and the traps it contains.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
LABELS = HERE / "labels.jsonl"
DEV = HERE / "dev" / "dev.jsonl"
DEV_LABELS = HERE / "dev" / "dev_labels.jsonl"


def labels(path: Path = LABELS) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_for(articles) -> dict[str, str]:
    """Gold event of each ingested demo article (anything with `.id` and `.origin`: Article
    or RawArticle), keyed by its id."""
    find = gold_finder()
    gold = {}
    for a in articles:
        event = find(a.origin, a.id)
        if event:
            gold[a.id] = event
    return gold


def gold_finder():
    """A function (origin, id) -> gold event or None.

    A label names a file ("hi/x.txt") or an object in a JSON file ("feed.jsonl#id"); files
    are matched on the end of the article's origin, objects on their given id.
    """
    by_id: dict[str, str] = {}
    by_file: dict[str, str] = {}
    for label in labels():
        doc = label["doc"]
        if "#" in doc:
            by_id[doc.split("#", 1)[1]] = label["event"]
        else:
            by_file[doc] = label["event"]

    def find(origin: str, article_id: str | None) -> str | None:
        if article_id in by_id:
            return by_id[article_id]
        origin = origin.replace("\\", "/")
        for doc, event in by_file.items():
            if origin == doc or origin.endswith("/" + doc):
                return event
        return None

    return find


def dev_gold() -> dict[str, str]:
    return {x["id"]: x["event"] for x in labels(DEV_LABELS)}
