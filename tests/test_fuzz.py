"""Property tests: whatever bytes or text arrive, reading and cleaning never raise, and
nothing is lost (every input becomes an article or a problem with a reason)."""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.clean import clean
from tidings.records import Article, Problem, RawArticle
from tidings.sources import read

# Text that looks like news more often than uniform noise would: words in several scripts,
# furniture-like lines, markup fragments, control characters and odd white space.
FRAGMENTS = st.sampled_from([
    "Kremlin", "Зеленский", "जेलेंस्की", "Ușakov", " date 2026-01-30 ", "28 ian. 2026, 18:20",
    "Read more:", "ये भी पढ़ें:", "- Advertisment -", "Copyright © 2024", "<script>alert(1)</script>",
    "<p>", "</div>", "&amp;", "\u202e", "\x00", "\r\n", "\n\n", "18:30", "6,000 drones", "„", "»",
    "http://example.com/2026/01/30/x", "{", "}", '"', "\ufeff", "ḁ̸̢", "😀", "\t",
])
NEWSY = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=40).map("".join)
# TIDINGS_FUZZ_EXAMPLES=2000 for a deeper search than the suite's quick one.
FAST = settings(max_examples=int(os.environ.get("TIDINGS_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=NEWSY, title=st.one_of(st.none(), st.text(max_size=30)),
       date=st.one_of(st.none(), st.text(max_size=20)), lang=st.one_of(st.none(), st.text(max_size=5)))
def test_clean_never_raises_on_text(text, title, date, lang):
    a = clean(RawArticle(origin="fuzz.txt", text=text, title=title, date=date, lang=lang))
    assert isinstance(a, Article) and a.status in ("ok", "raw")
    assert a.id and a.origin == "fuzz.txt"
    if a.status == "raw":
        assert a.problems  # a raw article always says why


@FAST
@given(html=NEWSY)
def test_clean_never_raises_on_html(html):
    a = clean(RawArticle(origin="fuzz.html", html=f"<html><body>{html}</body></html>"))
    assert a.status in ("ok", "raw")


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".dat"]))
def test_reading_any_bytes_gives_articles_or_problems(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    items = list(read([str(path)]))
    assert all(isinstance(i, (RawArticle, Problem)) for i in items)
    assert items, "every file yields at least an article or a problem"
    for p in (i for i in items if isinstance(i, Problem)):
        assert p.reason and p.origin


@FAST
@given(lines=st.lists(st.one_of(
    # Raw (unescaped) non-ASCII, as exports often are, including \u2028 and \x85, which
    # str.splitlines would wrongly take for line ends.
    st.builds(lambda t, i: json.dumps({"id": i, "text": t + "\u2028\x85"}, ensure_ascii=False),
              NEWSY, st.text(min_size=1, max_size=8)),
    st.text(max_size=60).filter(lambda s: "\n" not in s and "\r" not in s),
), min_size=1, max_size=12))
def test_jsonl_lines_each_come_out_once(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("fuzz") / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read([str(path)]))
    non_blank = [line for line in lines if line.strip(" \t\x0b\x0c")]  # blank as in bytes: ASCII space
    # One article or one problem per non-blank line: nothing dropped, nothing doubled (a
    # file of blank lines is one problem: empty).
    assert len(items) == max(len(non_blank), 1)
