"""The demo corpus and its gold labels are consistent.

Reads the files directly (no tidings import), so it runs before the package is installed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parent.parent / "src" / "tidings" / "demo"
CORPUS = DEMO / "corpus"
LABELS = DEMO / "labels.jsonl"
DEV = DEMO / "dev"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

FILE_KINDS = {".txt", ".html"}
OBJECT_KINDS = {".json", ".jsonl"}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_objects(path: Path) -> list[dict]:
    if path.suffix == ".jsonl":
        return read_jsonl(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path} must hold a list of article objects"
    return data


def html_text(html: str) -> str:
    m = re.search(r"<article\b.*?</article>", html, re.S | re.I)
    body = m.group(0) if m else html
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S | re.I)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def corpus_docs() -> dict[str, dict]:
    """Every article of the corpus: doc key -> {"text", "lang" (declared or None)}."""
    docs: dict[str, dict] = {}
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        rel = path.relative_to(CORPUS).as_posix()
        if path.suffix in FILE_KINDS:
            text = path.read_text(encoding="utf-8")
            docs[rel] = {"text": html_text(text) if path.suffix == ".html" else text, "lang": None}
        elif path.suffix in OBJECT_KINDS:
            for obj in corpus_objects(path):
                key = f"{rel}#{obj['id']}"
                assert key not in docs, f"duplicate object id {key}"
                text = obj.get("text") or html_text(obj.get("html") or "")
                docs[key] = {"text": text, "lang": obj.get("lang")}
        else:
            pytest.fail(f"unexpected file kind in corpus: {rel}")
    return docs


STOPWORDS = {
    "en": "the of and to in on for was is that with said by as at from has have after".split(),
    "de": "der die das und den mit ist von im nicht auf ein eine für sich dem zu des wurde nach".split(),
    "fr": "le les des est et une du dans pour qui que sur au aux avec pas été selon après".split(),
    "es": "el los las del y que en por con una se para es al fue tras según este".split(),
    "ro": "și si în cu pentru care este să sa din au fost mai după dupa că ca lui pe o ale".split(),
}


def guess_lang(text: str) -> str:
    """A rough script and stop-word guess, good enough to count languages."""
    counts = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("DEVANAGARI"):
            counts["deva"] += 1
        elif name.startswith("CYRILLIC"):
            counts["cyrl"] += 1
        elif name.startswith("LATIN"):
            counts["latn"] += 1
    script = counts.most_common(1)[0][0]
    if script == "deva":
        return "hi"
    if script == "cyrl":
        uk = sum(text.count(c) for c in "іїєґІЇЄҐ")
        return "uk" if uk > 5 else "ru"
    words = Counter(re.findall(r"[^\W\d_]+", text.lower()))
    scores = {lang: sum(words[w] for w in ws) for lang, ws in STOPWORDS.items()}
    scores["ro"] += 3 * sum(text.count(c) for c in "șțăȘȚĂ")
    return max(scores, key=scores.get)


@pytest.fixture(scope="module")
def docs() -> dict[str, dict]:
    return corpus_docs()


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_jsonl(LABELS)


@pytest.fixture(scope="module")
def gold(labels) -> dict[str, str]:
    return {x["doc"]: x["event"] for x in labels}


def test_every_article_has_exactly_one_label(docs, labels):
    counted = Counter(x["doc"] for x in labels)
    twice = sorted(d for d, n in counted.items() if n > 1)
    assert not twice, f"labelled more than once: {twice}"
    missing = sorted(set(docs) - set(counted))
    assert not missing, f"articles without a label: {missing}"


def test_every_label_names_an_article(docs, labels):
    dangling = sorted({x["doc"] for x in labels} - set(docs))
    assert not dangling, f"labels for missing files or objects: {dangling}"
    for x in labels:
        assert set(x) == {"doc", "event"} and x["event"], x


def test_objects_have_ids_and_content():
    for path in sorted(p for p in CORPUS.rglob("*") if p.suffix in OBJECT_KINDS):
        ids = []
        for obj in corpus_objects(path):
            assert isinstance(obj.get("id"), str) and obj["id"], (path, obj)
            assert (obj.get("text") or obj.get("html")), (path, obj["id"])
            ids.append(obj["id"])
        assert len(ids) == len(set(ids)), f"duplicate ids in {path}"


def test_input_kinds_are_mixed():
    kinds = Counter(p.suffix for p in CORPUS.rglob("*") if p.is_file())
    assert kinds[".txt"] >= 20 and kinds[".html"] >= 3 and kinds[".jsonl"] >= 1 and kinds[".json"] >= 1


def test_size(docs):
    assert len(docs) >= 48


def test_languages(docs):
    langs = Counter()
    for key, doc in docs.items():
        guessed = guess_lang(doc["text"])
        if doc["lang"]:
            assert doc["lang"] == guessed, f"{key}: declared {doc['lang']}, looks like {guessed}"
        langs[guessed] += 1
    assert len(langs) >= 6, langs
    for lang in ("en", "hi", "ro", "de", "fr", "es", "ru"):
        assert langs[lang] >= 2, (lang, langs)


def test_events(docs, gold):
    by_event = defaultdict(list)
    for doc, event in gold.items():
        by_event[event].append(doc)
    assert len(by_event) >= 9
    for event, members in by_event.items():
        assert len(members) >= 3, f"{event} has only {len(members)} articles"
        langs = {docs[d]["lang"] or guess_lang(docs[d]["text"]) for d in members}
        assert len(langs) >= 2, f"{event} is reported in one language only: {langs}"
        outlets = {d.split("/", 1)[0] if "#" not in d else d for d in members}
        assert len(outlets) >= 3, f"{event} comes from fewer than 3 outlets"


def test_near_misses_are_separate_labelled_events(gold):
    events = set(gold.values())
    near = read_jsonl(DEMO / "near_misses.jsonl")
    assert len(near) >= 4
    for pair in near:
        assert pair["a"] in events and pair["b"] in events and pair["a"] != pair["b"]
        assert pair["pairs"]
        for left, right in pair["pairs"]:
            assert gold[left] == pair["a"], left
            assert gold[right] == pair["b"], right


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 120]


def test_syndicated_copies_share_the_event_and_the_body(docs, gold):
    copies = read_jsonl(DEMO / "syndicated.jsonl")
    assert len(copies) >= 3
    for c in copies:
        assert gold[c["copy"]] == gold[c["original"]], c
        original = paragraphs(docs[c["original"]]["text"])
        copy = docs[c["copy"]]["text"]
        shared = [p for p in original if p in copy]
        if c["kind"] == "exact":
            assert len(shared) >= 3, f"{c['copy']} does not repeat the body of {c['original']}"
        else:
            assert 2 <= len(shared) < len(original), c


def test_dev_set():
    rows = read_jsonl(DEV / "dev.jsonl")
    gold = read_jsonl(DEV / "dev_labels.jsonl")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) and len(ids) >= 18
    for r in rows:
        assert {"id", "text", "title", "date", "lang", "url", "source"} <= set(r), r["id"]
        assert guess_lang(r["text"]) == r["lang"], r["id"]
    counted = Counter(g["id"] for g in gold)
    assert set(counted) == set(ids) and max(counted.values()) == 1
    events = Counter(g["event"] for g in gold)
    assert len(events) >= 5 and min(events.values()) >= 3
    assert len({r["lang"] for r in rows}) >= 4
    by_id = {g["id"]: g["event"] for g in gold}
    near = read_jsonl(DEV / "dev_near_misses.jsonl")
    assert len(near) >= 2
    for pair in near:
        for left, right in pair["pairs"]:
            assert by_id[left] == pair["a"] and by_id[right] == pair["b"]
    main_events = {x["event"] for x in read_jsonl(LABELS)}
    assert not main_events & set(events), "dev events must differ from the corpus events"


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not beside the repository")
def test_no_line_copied_from_the_seeds():
    probes = []
    for f in sorted((SHARED / "seeds").glob("*.txt")):
        for line in f.read_text(encoding="utf-8", errors="ignore").splitlines():
            line = line.strip()
            if len(line) >= 60:
                probes.append(line[:60])
    ours = [p.read_text(encoding="utf-8") for p in DEMO.rglob("*") if p.is_file()]
    copied = [probe for probe in probes if any(probe in text for text in ours)]
    assert not copied, copied[:5]
