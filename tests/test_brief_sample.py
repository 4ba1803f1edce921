"""A large event's brief reads a bounded sample of its articles for summary, quotes,
figures and parallel reading: every language, many outlets, spread over the centrality
ranking (a minority's version ranks low and must stay); sources, timeline and entities
still count every article."""

import numpy as np

from tidings.brief.build import compose
from tidings.brief.summary import sample_articles
from tidings.config import DEFAULT
from tidings.records import Article, Features, Figure, Mention
from tidings.understand.embed import HashingEmbedderForTests


def art(aid, lang, source, text="", date="2026-06-03T10:00:00+00:00", title=None):
    return Article(id=aid, origin=aid, title=title or aid, text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=source)


def test_sample_keeps_every_language_the_outlets_and_the_low_ranked_minority():
    # Ranked most central first: 60 English articles from 3 outlets, 12 German from 4, 3
    # Hindi from 1; the last fifth of each language's ranking gives another version.
    ranked = []
    for lang, n, outlets in (("en", 60, 3), ("de", 12, 4), ("hi", 3, 1)):
        for i in range(n):
            minority = i >= n * 4 // 5
            ranked.append(art(f"{lang}{i}{'-m' if minority else ''}", lang, f"{lang}-outlet-{i % outlets}"))
    sample = sample_articles(ranked, 20)
    assert len(sample) == 20
    assert [a.id for a in sample] == [a.id for a in ranked if a in sample]  # ranked order kept
    assert {a.lang for a in sample} == {"en", "de", "hi"}
    assert {a.source for a in sample if a.lang == "de"} == {f"de-outlet-{i}" for i in range(4)}
    assert {a.source for a in sample if a.lang == "en"} == {f"en-outlet-{i}" for i in range(3)}
    # Each language's most central article, and some of the least central ones.
    assert {"en0", "de0", "hi0"} <= {a.id for a in sample}
    assert any(a.id.endswith("-m") and a.lang == "en" for a in sample)
    # Languages take turns: the small ones are not crowded out by English.
    assert sum(a.lang == "de" for a in sample) >= 6 and sum(a.lang == "hi" for a in sample) == 3
    assert sample_articles(ranked[:15], 20) == ranked[:15]


def test_one_prolific_outlet_takes_its_share_and_then_the_places_left():
    # A live blog's 50 updates beside five outlets of one article each.
    ranked = [art(f"blog{i}", "en", "Live Blog") for i in range(50)]
    ranked += [art(f"o{i}", "en", f"Outlet {i}") for i in range(5)]
    sample = sample_articles(ranked, 10)
    assert len(sample) == 10 and len({a.id for a in sample}) == 10
    assert {f"o{i}" for i in range(5)} <= {a.id for a in sample}
    blog = [a for a in sample if a.source == "Live Blog"]
    assert len(blog) == 5 and "blog0" in {a.id for a in blog}


LEAD = ("A dam on the Lerna river burst near the town of Valdora on Tuesday, killing {dead} "
        "people and forcing residents from their homes.")
QUOTE = '"We will rebuild every house and every bridge," Interior Minister Elena Marsh told reporters.'


def test_a_large_events_brief_counts_every_article_but_reads_a_bounded_sample():
    articles, features = [], {}
    emb = HashingEmbedderForTests()
    for i in range(120):
        dead = 17 if i % 5 == 3 else 14
        text = f"{LEAD.format(dead=dead)}\n\n{QUOTE}\n\nRescue teams used {10 + i} boats overnight."
        a = art(f"a{i:03d}", "en", f"Outlet {i}", text, date=f"2026-06-0{3 + i % 3}T{6 + i % 12:02d}:00:00+00:00",
                title=f"Lerna dam breach leaves {dead} dead")
        articles.append(a)
        features[a.id] = Features(
            article_id=a.id, names=[Mention("elena marsh", "Elena Marsh", "person"),
                                    Mention("valdora", "Valdora", "place")],
            figures=[Figure(float(dead), f"{dead} people", "people")],
            embedding=np.asarray(emb.embed([a.title])[0]))
    brief = compose(articles, features, "en", DEFAULT, emb)
    assert brief["n_articles"] == 120 and brief["n_sources"] == 120
    assert len(brief["timeline"]) == 120
    # Entities count every article naming them.
    marsh = next(e for e in brief["entities"] if "Elena Marsh" in e["name"])
    assert len(marsh["articles"]) == 120
    # Quotes and figures come from the sample only, and the minority's toll is in it.
    n = DEFAULT.brief_sample_articles
    quoted = {s["article"] for q in brief["quotes"] for s in q["sources"]}
    assert 0 < len(quoted) <= n
    values = {f["value"] for f in brief["figures"]}
    assert {14.0, 17.0} <= values
    assert all(len(f["sources"]) <= n for f in brief["figures"])
