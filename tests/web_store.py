"""A small hand-filled store for the web tests: three events in several languages and
scripts, plus one hostile article, written straight through the store's methods so the
web tests do not depend on the ingest stages."""

from __future__ import annotations

import hashlib
import warnings

import pytest

from tidings.records import Article, Event, Features, Figure, Mention
from tidings.store import SQLiteStore

ZELENSKY = "zelensky"

# Each: id, lang, source, date, url, title, text, names [(key, surface, kind)], figures
ARTICLES = [
    ("ro-1", "ro", "digi24.ro", "2026-01-28T18:20:00+02:00", "https://www.digi24.ro/stiri/kremlin-zelenski",
     "Kremlinul îl invită pe Zelenski la Moscova",
     "Consilierul prezidențial rus Iuri Ușakov a declarat miercuri că Zelenski este așteptat la Moscova "
     "pentru o întâlnire cu Vladimir Putin. Ușakov a spus că Rusia garantează securitatea delegației.",
     [(ZELENSKY, "Zelenski", "person"), ("putin", "Vladimir Putin", "person"),
      ("ushakov", "Iuri Ușakov", "person"), ("moscow", "Moscova", "place")], []),
    ("en-1", "en", "Example Wire", "2026-01-29T09:05:00+00:00", "https://news.example.org/world/kremlin-invite",
     "Kremlin says Zelensky welcome in Moscow for talks with Putin",
     "The Kremlin said on Thursday that Ukrainian President Volodymyr Zelensky would be welcome in Moscow "
     "for talks with Vladimir Putin. Aide Yuri Ushakov said Russia would guarantee the safety of the delegation. "
     "Some 6,000 drones were launched last month, officials said.",
     [(ZELENSKY, "Volodymyr Zelensky", "person"), ("putin", "Vladimir Putin", "person"),
      ("ushakov", "Yuri Ushakov", "person"), ("moscow", "Moscow", "place"), ("kremlin", "Kremlin", "org")],
     [Figure(6000, "6,000 drones", "drones")]),
    ("hi-1", "hi", "दैनिक समाचार", "2026-01-29T14:30:00+05:30", "https://hindi.example.in/news/zelensky-moscow",
     "क्रेमलिन ने जेलेंस्की को मॉस्को आमंत्रित किया",
     "क्रेमलिन ने कहा कि यूक्रेन के राष्ट्रपति जेलेंस्की बातचीत के लिए मॉस्को आ सकते हैं। "
     "उशाकोव ने कहा कि प्रतिनिधिमंडल की सुरक्षा की गारंटी दी जाएगी।",
     [(ZELENSKY, "जेलेंस्की", "person"), ("ushakov", "उशाकोव", "person"), ("moscow", "मॉस्को", "place")],
     [Figure(5000, "5,000 ड्रोन", "drones")]),
    ("ru-1", "ru", "Пример Новости", "2026-01-30T11:00:00+03:00", "https://ru.example.net/politics/priglashenie",
     "Ушаков: Зеленского ждут в Москве",
     "Помощник президента Юрий Ушаков заявил, что Зеленский может приехать в Москву для переговоров с Путиным.",
     [(ZELENSKY, "Зеленский", "person"), ("putin", "Путин", "person"), ("ushakov", "Юрий Ушаков", "person")], []),
    ("de-1", "de", "Beispiel Zeitung", "2026-01-30T16:45:00+01:00", "https://zeitung.example.de/ausland/moskau",
     "Kreml lädt Selenskyj nach Moskau ein",
     "Der Kreml hat den ukrainischen Präsidenten Selenskyj zu Gesprächen mit Putin nach Moskau eingeladen.",
     [(ZELENSKY, "Selenskyj", "person"), ("putin", "Putin", "person"), ("moscow", "Moskau", "place")], []),
    # another event: floods
    ("en-2", "en", "Example Wire", "2025-11-03T07:00:00+00:00", "https://news.example.org/europe/floods",
     "Floods close roads across northern Romania",
     "Heavy rain flooded villages in northern Romania on Monday, closing roads and cutting power to 12,000 homes.",
     [("romania", "Romania", "place")], [Figure(12000, "12,000 homes", "homes")]),
    ("ro-2", "ro", "digi24.ro", "2025-11-03T10:15:00+02:00", "https://www.digi24.ro/stiri/inundatii",
     "Inundații în nordul României: drumuri închise",
     "Ploile abundente au inundat mai multe sate din nordul României, iar 12.000 de locuințe au rămas fără curent.",
     [("romania", "României", "place")], []),
    # a third: a summit in Tokyo
    ("ja-1", "ja", "例新聞", "2025-06-10T09:00:00+09:00", "https://ja.example.jp/politics/summit",
     "東京で首脳会議が開幕",
     "東京で主要国の首脳会議が開幕し、各国の首脳が経済安全保障について議論した。",
     [("tokyo", "東京", "place")], []),
]

EVENTS = {
    "ev-moscow": ["ro-1", "en-1", "hi-1", "ru-1", "de-1"],
    "ev-floods": ["en-2", "ro-2"],
    "ev-tokyo": ["ja-1"],
}

XSS = {
    "script": "<script>alert('xss-script')</script>",
    "img": "<img src=x onerror=alert('xss-img')>",
    "link": "javascript:alert('xss-link')",
    "svg": "<svg onload=alert('xss-svg')>",
}
HOSTILE_ID = "evil-1"
HOSTILE_EVENT = "ev-evil"


def _article(aid, lang, source, date, url, title, text) -> Article:
    h = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(id=aid, origin=f"fixture/{aid}", title=title, text=text, raw=text,
                   content_hash=h, url=url, source=source, lang=lang, lang_score=0.99,
                   date=date, date_source="given")


def add_event(store: SQLiteStore, event_id: str, articles: list[Article]) -> None:
    dated = sorted(a.date for a in articles if a.date)
    store.put_event(Event(
        id=event_id, title=articles[0].title,
        first_time=dated[0] if dated else None, last_time=dated[-1] if dated else None,
        languages=sorted({a.lang for a in articles if a.lang}),
        article_ids=[a.id for a in articles],
        sources=list(dict.fromkeys(a.source for a in articles if a.source)),
    ))
    for a in articles:
        store.assign(a.id, event_id, 0.9)


def build_store(path=":memory:", hostile: bool = True) -> SQLiteStore:
    store = SQLiteStore(path)
    by_id = {}
    for aid, lang, source, date, url, title, text, names, figures in ARTICLES:
        a = _article(aid, lang, source, date, url, title, text)
        store.add_article(a)
        store.put_features(Features(
            article_id=aid, names=[Mention(k, s, kind) for k, s, kind in names], figures=figures,
        ))
        by_id[aid] = a
    for event_id, ids in EVENTS.items():
        add_event(store, event_id, [by_id[i] for i in ids])
    if hostile:
        add_hostile(store)
    return store


def hostile_article(aid: str = HOSTILE_ID) -> Article:
    return _article(
        aid, "en", f"Evil {XSS['img']} Press", "2026-02-01T10:00:00+00:00", XSS["link"],
        f"Breaking {XSS['script']} news {XSS['img']}",
        f"Paragraph one {XSS['script']} and {XSS['img']}.\n\nClick <a href=\"{XSS['link']}\">here</a> {XSS['svg']}.",
    )


def add_hostile(store: SQLiteStore) -> None:
    a = hostile_article()
    store.add_article(a)
    store.put_features(Features(
        article_id=a.id, names=[Mention("evil", XSS["svg"], "person"), Mention(XSS["script"], XSS["img"], "org")],
        figures=[Figure(7, XSS["img"], XSS["script"])],
    ))
    add_event(store, HOSTILE_EVENT, [a])


@pytest.fixture()
def store():
    """A hand-filled multilingual store with a hostile article (closed after the test)."""
    s = build_store()
    yield s
    s.close()


@pytest.fixture()
def client(store, monkeypatch):
    """The app over `store`, with no API token configured."""
    from tidings.web import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    monkeypatch.delenv("TIDINGS_API_TOKEN", raising=False)
    return TestClient(create_app(store, token=""))
