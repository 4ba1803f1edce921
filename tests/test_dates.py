"""Dates mentioned in text and the time of the reported happening."""

from tidings.records import Article
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
        ("ro", "Kremlinul s-a arătat dispus miercuri să organizeze o întâlnire.", "2026-01-28", "2026-01-28"),
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
