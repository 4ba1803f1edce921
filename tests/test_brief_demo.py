"""Briefs of the demo corpus events built to test them (src/tidings/demo/README.md):
names in several scripts, one quote in several languages, sources giving different figures
and dates; and the digest of the corpus.

Articles are grouped by their gold labels after ingest, so these checks test the briefs
whatever the clustering does.
"""

import re
from collections import defaultdict

import pytest

from tidings.brief import build_brief, digest, render
from tidings.records import Event
from tidings.store import SQLiteStore


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from tidings.demo import CORPUS, gold_for
    from tidings.pipeline import ingest

    store = SQLiteStore(tmp_path_factory.mktemp("demo") / "demo.db")
    ingest([str(CORPUS)], store)
    gold = gold_for(store.articles())
    members = defaultdict(list)
    for aid, slug in gold.items():
        members[slug].append(aid)
    for slug, ids in members.items():
        arts = store.get_articles(ids)
        dates = sorted(a.date for a in arts if a.date)
        store.put_event(Event(id=slug, title=slug, article_ids=ids,
                              first_time=dates[0] if dates else None,
                              last_time=dates[-1] if dates else None,
                              languages=sorted({a.lang for a in arts if a.lang}),
                              sources=sorted({a.source for a in arts if a.source})))
        for aid in ids:
            store.assign(aid, slug)
    for e in store.events():
        if e.id not in members:
            store.delete_event(e.id)  # the clusterer's events: replaced by the gold ones
    briefs = {}

    def brief(slug):
        if slug not in briefs:
            briefs[slug] = build_brief(store, slug, lang="en")
        return briefs[slug]

    return store, brief


def entity(b, pattern):
    return [e for e in b["entities"]
            if any(re.search(pattern, v, re.I) for v in e["variants"] + [e["name"]])]


def test_kremlin_invitation_people_once_across_scripts(demo):
    _, brief = demo
    b = brief("kremlin-invites-zelensky-moscow-2026-03")
    for pattern, other_script in [(r"zelensk|selenskyj", "जेलेंस्की"), (r"putin|poutine", "पुतिन"),
                                  (r"peskov|peskow", "Песков"), (r"ushakov|ușakov|uschakow", "Ушаков"),
                                  (r"sybiha|sibiha", "सिबिहा")]:
        hits = entity(b, pattern)
        assert len(hits) == 1, (pattern, [h["name"] for h in hits])
        assert hits[0]["kind"] == "person"
        assert any(other_script in v for v in hits[0]["variants"]), hits[0]["variants"]
    (z,) = entity(b, r"zelensk|selenskyj")
    assert {"Selenskyj", "Zelenski"} <= set(z["variants"])


def test_peskov_offer_is_one_quote_in_six_languages(demo):
    _, brief = demo
    b = brief("kremlin-invites-zelensky-moscow-2026-03")
    offer = [q for q in b["quotes"]
             if any(re.search(r"offer stands|Angebot gilt|offre tient|Oferta noastră|предложение остаётся|प्रस्ताव कायम", s["text"])
                    for s in q["sources"])]
    assert len(offer) == 1
    q = offer[0]
    assert "Peskov" in (q["speaker"] or "")
    assert {"en", "hi", "ro", "ru", "de", "fr"} <= set(q["languages"])
    assert q["lang"] == "en" and "offer stands" in q["text"]


def test_statement_with_speaker_spelt_apart_merges(demo):
    _, brief = demo
    b = brief("istanbul-talks-round1-2026-04-15")
    step = [q for q in b["quotes"] if re.search(r"first step|erster Schritt|premier pas|перший крок",
                                                  " ".join(s["text"] for s in q["sources"]))]
    assert len(step) == 1 and len(step[0]["languages"]) >= 3
    assert re.search(r"Umerov|Umjerow|Oumerov", step[0]["speaker"] or "")


def test_death_toll_disagreement(demo):
    _, brief = demo
    b = brief("belagavi-air-crash-2026-02-05")
    tolls = [d for d in b["disagreements"] if d["kind"] == "figure" and d["about"] == "killed"]
    assert len(tolls) == 1
    assert sorted(v["value"] for v in tolls[0]["versions"]) == [112, 118]
    for v in tolls[0]["versions"]:
        assert len({s["article"] for s in v["sources"]}) >= 2


def test_magnitude_and_date_disagreements(demo):
    _, brief = demo
    b = brief("vrancea-earthquake-2026-02-17")
    mags = [d for d in b["disagreements"] if d["about"] == "magnitude"]
    assert len(mags) == 1 and {5.9, 5.7} <= {v["value"] for v in mags[0]["versions"]}
    # 16 February GMT is 17 February in Bucharest: a time zone, not a disagreement.
    assert [d for d in b["disagreements"] if d["kind"] == "date"] == []


def test_election_shares_of_a_projection_then_the_count_are_updates(demo):
    # The projection's shares (30.8, 24.5: "nach ersten Hochrechnungen" in the sentence
    # before them) against the provisional count's (31.2, 24.1): the same fact at two
    # moments, an update, not a disagreement (issue #9, item 7).
    _, brief = demo
    b = brief("baden-wuerttemberg-election-2026-03-08")
    shown = [sorted(v["value"] for v in d["versions"]) for d in b["disagreements"] if d["kind"] == "figure"]
    updates = [sorted(v["value"] for v in d["versions"]) for d in b["updates"]]
    assert [30.8, 31.2] in updates and [24.1, 24.5] in updates
    assert [30.8, 31.2] not in shown and [24.1, 24.5] not in shown


@pytest.mark.parametrize("slug", ["istanbul-talks-round2-2026-04-25", "kremlin-invites-zelensky-moscow-2026-03",
                                  "sensex-90000-record-2026-02-18", "dacia-mioveni-electric-car-2026-01-21"])
def test_no_disagreement_where_sources_agree(demo, slug):
    # Round two recaps round one's 314-for-314 swap beside its own 205: not a disagreement.
    _, brief = demo
    assert brief(slug)["disagreements"] == []


def test_headline_in_reader_language_or_marked(demo):
    store, brief = demo
    b = brief("kremlin-invites-zelensky-moscow-2026-03")
    assert b["headline"]["lang"] == "en" and not b["headline"]["original_language"]
    hi = build_brief(store, "sensex-90000-record-2026-02-18", lang="ro")
    assert hi["headline"]["original_language"] and hi["headline"]["lang"] != "ro"
    assert "original language" in render(hi, "md")


def test_digest_ranks_events_by_coverage(demo):
    store, _ = demo
    md = digest(store, fmt="md")
    heads = re.findall(r"^## \d+\. (.+)$", md, re.M)
    assert len(heads) == 12
    # The seven-article event in six languages leads; the three-article ones come last.
    assert "Zelensky" in heads[0]
    facts = [tuple(map(int, m)) for m in re.findall(r"^(\d+) articles · (\d+) sources", md, re.M)]
    assert facts[0] == (7, 7) and all(n >= 3 for n, _ in facts) and facts[-1][0] <= 4
    assert md.count("First report:") == 12
    since = digest(store, since="2026-04-01", fmt="md")
    assert len(re.findall(r"^## \d+\.", since, re.M)) == 4  # the talks, the match, the Sensex record of August
    html = digest(store, since="2026-04-01", fmt="html")
    assert html.count('class="digest-event"') == 4 and "<script" not in html


def test_digest_rejects_a_bad_date(demo):
    store, _ = demo
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        digest(store, since="last tuesday")


def test_the_first_istanbul_round_counts_its_five_outlets_named_by_their_folders(demo):
    # Its five files state no outlet and carry no URL: each outlet is named by its folder
    # (kyiv-kurier/, vestnik-vecher/, ...), counted alike in the event row and the brief.
    from tidings.cli import _event_row

    store, brief = demo
    b = brief("istanbul-talks-round1-2026-04-15")
    assert b["n_sources"] == len(b["sources"]) == 5
    assert "Kyiv Kurier" in b["sources"]
    assert _event_row(store.get_event("istanbul-talks-round1-2026-04-15"))["sources"] == 5
