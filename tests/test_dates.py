"""Dates mentioned in text and the time of the reported happening."""

import pytest
from date_fixtures import EVENT_TIME, PUBLICATION

from tidings.clean import clean
from tidings.clean import dates as d
from tidings.records import Article, RawArticle
from tidings.understand import dates as understand_dates
from tidings.understand.dates import event_time, mentioned, parse_iso


def art(title, text, date=None, lang="en"):
    return Article(id="x", origin="t", title=title, text=f"{title}\n\n{text}", raw=text,
                   content_hash="x", date=date, lang=lang)


def test_weekday_in_the_lead_moves_event_time_before_publication():
    # Published Friday 30 Jan 2026, reporting what was said "on Thursday".
    a = art("Kremlin repeats offer", "The Kremlin said on Thursday the offer stands.", "2026-01-30")
    assert event_time(a)[0] == "2026-01-29"


def test_weekdays_in_other_languages():
    cases = [
        ("hi", "क्रेमलिन ने गुरुवार को कहा कि न्योता कायम है।", "2026-01-30", "2026-01-29"),
        ("ro", "Kremlinul s-a declarat pregătit miercuri să găzduiască o reuniune.", "2026-01-28", "2026-01-28"),
        ("de", "Der Kreml erklärte am Dienstag, die Einladung gelte.", "2026-03-11", "2026-03-10"),
        ("ru", "Песков в среду заявил, что приглашение в силе.", "2026-03-12", "2026-03-11"),
        ("uk", "Делегації у вівторок домовилися про обмін.", "2025-06-04", "2025-06-03"),
        ("es", "Las delegaciones acordaron el viernes un corredor.", "2025-06-14", "2025-06-13"),
    ]
    for lang, text, pub, want in cases:
        assert event_time(art("T", text, pub, lang))[0] == want, lang


def test_background_in_the_lead_does_not_move_event_time():
    a = art("Kremlin declines comment", "Last week the White House said missiles were used. "
            "The Kremlin declined to comment.", "2024-01-09")
    assert event_time(a)[0] == "2024-01-09"


def test_written_dates_with_and_without_year():
    pub = parse_iso("2026-01-30")
    got = mentioned("The next round is set for 1 February; talks began on January 23, 2026. "
                    "Sanctions date from 30.12.2025 and 2025-12-31.", pub)
    assert got == ["2026-02-01", "2026-01-23", "2025-12-30", "2025-12-31"]
    assert mentioned("अगला दौर 1 फरवरी को होगा", pub) == ["2026-02-01"]


def test_undated_article_takes_latest_written_date_or_none():
    a = art("Talks", "Delegates met in Geneva on 3 June 2025 and again on 13 June 2025.")
    assert event_time(a)[0] == "2025-06-13"
    assert event_time(art("Talks", "Delegates met in Geneva on Friday."))[0] is None


def test_words_that_look_like_weekdays_are_not():
    # Spanish "Segunda" (second) is Portuguese for Monday; it must not move the date.
    a = art("Segunda ronda en Ginebra", "Las delegaciones acordaron el viernes un corredor.",
            "2025-06-14", "es")
    assert event_time(a)[0] == "2025-06-13"


# --- one date module: publication dates through clean(), event time through understand ---


@pytest.mark.parametrize("case", PUBLICATION, ids=[c[0] for c in PUBLICATION])
def test_publication_date_through_clean(case):
    id_, lang, url, text, extra, want, source = case
    a = clean(RawArticle(origin=f"fixture/{id_}", text=text, url=url, lang=lang, **extra))
    assert (a.date, a.date_source) == (want, source)
    if want is None:
        assert any("no recognisable date" in p for p in a.problems)


@pytest.mark.parametrize("case", EVENT_TIME, ids=[c[0] for c in EVENT_TIME])
def test_event_time_resolves_relative_days(case):
    _id, lang, pub, text, want = case
    a = art("Port", text, pub or None, lang)
    assert event_time(a)[0] == want


def test_wrong_date_header_is_named_in_problems():
    a = clean(RawArticle(origin="f/1", lang="en", text=(
        " date 2025-09-25 BERLIN, 16 December 2024 (dpa) – The council approved the new water "
        "charges after a long debate.\n\nThe mayor said the first bills would go out next month.")))
    assert a.date == "2024-12-16"
    assert any("date header 2025-09-25 disagrees" in p for p in a.problems)
    # A header the text agrees with (a day apart: time zones) stands.
    ok = clean(RawArticle(origin="f/2", lang="en", text=(
        " date 2024-12-17 BERLIN, 16 December 2024 (dpa) – The council approved the new water "
        "charges after a long debate.\n\nThe mayor said the first bills would go out next month.")))
    assert (ok.date, ok.date_source) == ("2024-12-17", "metadata")


def test_one_month_table_for_both_stages():
    # Ukrainian, Greek, Arabic and Bengali months read the same for publication and event.
    pub = parse_iso("2025-05-20")
    for text in ("8 травня 2025", "8 Μαΐου 2025", "8 مايو 2025", "৮ মে ২০২৫", "2025年5月8日",
                 "2025년 5월 8일", "8 พ.ค. 2568"):
        assert d.find_dates(text) == ["2025-05-08"], text
        assert mentioned(text, pub) == ["2025-05-08"], text
    assert mentioned("з 8 травня", pub) == ["2025-05-08"]  # yearless, year from publication


def test_month_only_values_are_no_day_but_a_window():
    from datetime import date

    assert parse_iso("2025-09") is None
    assert d.month_window("2025-09") == (date(2025, 9, 1), date(2025, 9, 30))
    assert d.month_window("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert d.month_window("2025-05-08T10:00:00+02:00") == (date(2025, 5, 8), date(2025, 5, 8))
    assert d.month_window("2025-13") is None and d.month_window(None) is None


def test_relative_dates_need_a_known_time():
    from datetime import datetime

    assert d.parse_date("il y a 48 minutes", "fr") is None
    assert d.parse_date(" date 2025-05 il y a 48 minutes", "fr") is None
    assert d.parse_date("acum 3 ore", "ro", base=datetime(2025, 5, 10, 12)) == "2025-05-10T09:00:00"
    assert d.parse_date("vor 2 Tagen", "de", base=datetime(2025, 5, 10, 12))[:10] == "2025-05-08"


def test_url_layouts_and_bounds():
    assert d.date_in_url("https://x.example.com/a/2025/5/8/story") == "2025-05-08"
    assert d.date_in_url("https://x.example.com/a/2025_05_08_story") == "2025-05-08"
    assert d.date_in_url("https://x.example.com/article/20110599") is None  # no 99th
    assert d.date_in_url("https://x.example.com/news/id20845193") is None  # 2084: the future
    assert d.date_in_url("https://x.example.com/n?date=2025-05-06") == "2025-05-06"
    assert d.date_in_url("https://x.example.com/news/04/01/2024/x", lang="fr") == "2024-01-04"
    assert d.date_in_url("https://x.example.com/news/04/01/2024/x", lang="en") == "2024-04-01"
    assert d.month_in_url("https://x.example.com/2025/04/26.html") == "2025-04"
    assert d.date_in_url("https://x.example.com/2025/04/26.html") is None


def test_weekday_with_day_needs_a_month_and_must_agree():
    from datetime import date

    f = next(x for x in d.scan("nesta segunda-feira (21)", "pt") if x.month is None)
    assert d.resolve(f, month=(2025, 4)) == date(2025, 4, 21)  # a Monday
    assert d.resolve(f, month=(2025, 5)) is None  # 21 May 2025 is a Wednesday
    assert d.resolve(f) is None  # no month known: no date
    lunedi = [x for x in d.scan("lunedì 21 aprile", "it") if x.month]
    assert d.resolve(lunedi[0], ref=date(2025, 4, 22)) == date(2025, 4, 21)
    assert d.resolve(lunedi[0], ref=date(2026, 4, 22)) is None  # 21 April 2026 is a Tuesday


def test_time_zones_keep_the_local_day():
    assert d.parse_date("May 7, 2025 00:30 IST") == "2025-05-07T00:30:00+05:30"
    assert d.parse_date("6 May 2025, 23:50 GMT+3") == "2025-05-06T23:50:00+03:00"
    a = art("T", "Strikes began after midnight.", "2025-05-07T00:30:00+05:30")
    assert event_time(a)[0] == "2025-05-07"


def test_cjk_numerals_and_day_only_forms():
    assert d.find_dates("二〇二五年五月八日") == ["2025-05-08"]
    assert mentioned("今年五月三十日", parse_iso("2025-06-02")) == ["2025-05-30"]
    assert understand_dates.lead_weekday(art("港口", "港口工人星期三开始罢工。", None, "zh")) == 2


def test_relative_date_in_a_json_export_resolves_against_its_crawl_time(tmp_path):
    from tidings.sources import read

    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"id": "p1", "text": "Greva din port\\n\\nDocherii au intrat în grevă pentru salarii.", '
        '"lang": "ro", "date": "acum 3 ore", "crawled": "2025-05-10T12:00:00"}\n'
        '{"id": "p2", "text": "Greva din port\\n\\nDocherii au intrat în grevă pentru salarii.", '
        '"lang": "ro", "date": "acum 3 ore"}\n', encoding="utf-8")
    raws = [x for x in read([str(path)]) if isinstance(x, RawArticle)]
    got = {r.id: clean(r) for r in raws}
    assert (got["p1"].date, got["p1"].date_source) == ("2025-05-10T09:00:00", "given")
    assert got["p2"].date is None  # "3 hours ago" of an unknown moment is no date
    assert any("acum 3 ore" in p for p in got["p2"].problems)
