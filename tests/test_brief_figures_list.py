"""The brief's list of figures holds counts only, each with the words that say what it
counts: durations, ages, clock times, ranks and days of dates are left out, and the words
the reader took after the counted thing are cut. On sentences we wrote (invented, same
constructions as real reports, several languages)."""

from tidings.brief import figures as F
from tidings.clean.sentences import split
from tidings.records import Article, Features
from tidings.understand.figures import extract


def art(aid, text, lang="en", date="2026-03-10T09:00:00+00:00"):
    return Article(id=aid, origin=aid, title="", text=text, raw=text, content_hash=aid,
                   lang=lang, date=date, source=aid)


def listed(*arts):
    feats = {a.id: Features(a.id, figures=extract(a.text, a.lang)) for a in arts}
    found = F.collect(list(arts), feats, lambda a: split(a.text, a.lang))
    return F.group(found)


def values(groups):
    return sorted(g["value"] for g in groups)


def test_durations_and_ages_are_not_in_the_list():
    groups = listed(art("es", "Una segunda sacudida llegó 9 minutos después y derribó 14 casas.", "es"),
                    art("hi", "हमले के 10 दिन बाद पुलिस ने 40 लोगों को हिरासत में लिया।", "hi"),
                    art("it", "Il vescovo, morto a 91 anni, aveva ordinato 300 sacerdoti.", "it"),
                    art("id", "Rapat berlangsung selama 14 jam dan dihadiri 120 delegasi.", "id"))
    assert values(groups) == [14, 40, 120, 300]


def test_clock_times_are_not_in_the_list():
    groups = listed(art("en", "The ceremony starts at 9 a.m. (0700 GMT) and 300 guests are expected."),
                    art("mr", "रात्री 2.15 च्या सुमारास 12 घरांचे नुकसान झाले.", "mr"),
                    art("uk", "Засідання почалося о 9 ранку, прийшли 140 депутатів.", "uk"))
    assert values(groups) == [12, 140, 300]


def test_cited_articles_and_days_of_abbreviated_months_are_not_in_the_list():
    groups = listed(art("ru1", "Согласно ст. 63 конституции, у парламента есть 25 заседаний.", "ru"),
                    art("ru2", "КИЕВ, 14 сен - Агентство. Погибли 9 человек.", "ru"))
    assert values(groups) == [9, 25]

