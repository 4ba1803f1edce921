"""Cleaning on articles we wrote: furniture in several languages, titles, dates, languages,
outlets, authors, HTML, and the failure paths that must keep the article with a reason."""

from __future__ import annotations

import pytest

import tidings.clean as clean_module
from tidings.clean import OutletLines, article_id, clean, content_hash
from tidings.clean.boilerplate import remove_furniture
from tidings.clean.dates import find_dates, parse_date, split_metadata_line
from tidings.clean.encoding import repair
from tidings.config import Config
from tidings.records import RawArticle
from tidings.store.sqlite import SQLiteStore


def txt(text: str, **kw) -> RawArticle:
    return RawArticle(origin=kw.pop("origin", "fixture.txt"), text=text, **kw)


DE = """Startseite » Politik » Ausland » Waffenruhe im Donbass vereinbart

Waffenruhe im Donbass vereinbart

Von Anna Schmidt
12.03.2025, 14:05 Uhr

Nach zweitägigen Verhandlungen in Genf haben sich die Delegationen auf eine befristete Waffenruhe im Osten der Ukraine geeinigt. Sie soll am Freitag um Mitternacht in Kraft treten.

Lesen Sie auch: Wie die Genfer Gespräche zustande kamen

Die Vermittler aus der Schweiz sprachen von einem ersten Schritt. Beobachter der OSZE sollen die Einhaltung an der gesamten Frontlinie überwachen.

Anzeige

Mehr zum Thema
Streit um Getreideexporte geht weiter
Kanzler reist nach Warschau
Neue Sanktionen gegen Rüstungsfirmen

© 2025 Tagesblick. Alle Rechte vorbehalten.
"""

FR = """Accueil > Monde > Séisme au Maroc : le bilan s'alourdit

Séisme au Maroc : le bilan s'alourdit

Par Marie Dubois
Publié le 4 février 2025 à 09h30

Le séisme de magnitude 6,1 qui a frappé la région d'Al Haouz dans la nuit a fait au moins 42 morts, selon un nouveau bilan communiqué par le ministère de l'Intérieur.

À lire aussi : Comment se préparer à un tremblement de terre

Les secours continuent de fouiller les décombres dans plusieurs villages de montagne, où l'accès reste difficile en raison des glissements de terrain.

Publicité

Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.
"""

ES = """Portada › Internacional › Incendios en Chile

Incendios forestales obligan a evacuar a miles en Valparaíso

Por Carlos Ruiz
30 de enero de 2026 - 10:15

Los incendios forestales que avanzan sobre las colinas de Valparaíso obligaron a evacuar a más de cinco mil personas durante la noche, informó el Servicio Nacional de Prevención.

Lee también: El Gobierno decreta estado de catástrofe en tres regiones

Las brigadas trabajan con aviones cisterna y el viento dificulta las labores de control en los sectores altos de la ciudad.

Publicidad

Noticias relacionadas
La sequía agrava la temporada de incendios
Bomberos piden más recursos
"""

RU = """Главная / Новости / В мире

Землетрясение в Турции: число жертв растёт

5 марта 2025, 12:40

Число погибших в результате землетрясения на юго-востоке Турции превысило сто человек, сообщили в министерстве внутренних дел страны.

Читайте также: Спасатели из России вылетели в зону бедствия

Спасательные работы продолжаются в нескольких провинциях, где разрушены сотни зданий и нарушено электроснабжение.

Реклама

Все права защищены. Использование материалов разрешено только со ссылкой на источник.
"""

HI = """दिल्ली में भीषण गर्मी, पारा 47 डिग्री के पार

रजनीश कुमार । 12 मार्च 2025 10:30 IST

मौसम विभाग ने सोमवार को बताया कि राजधानी में अधिकतम तापमान 47 डिग्री सेल्सियस तक पहुंच गया, जो इस मौसम का सबसे अधिक तापमान है। विभाग ने लोगों को दोपहर में घर से बाहर न निकलने की सलाह दी है।

ये भी पढ़ें: मानसून इस साल समय से पहले आ सकता है

स्कूलों में गर्मी की छुट्टियां जल्दी शुरू कर दी गई हैं और अस्पतालों को लू के मरीजों के लिए तैयार रहने को कहा गया है।

विज्ञापन

हमें फॉलो करें: Facebook | Twitter | Instagram
"""

RO_CEDILLA = """Inundaţii în judeţul Galaţi: sute de oameni evacuaţi

Ploile abundente din ultimele zile au dus la creşterea nivelului Dunării, iar autorităţile au evacuat peste 300 de persoane din localităţile aflate în zona de risc.

Citeşte şi: Cod roşu de inundaţii pe râurile din Moldova

Prefectul a anunţat că echipele de intervenţie rămân în teren toată noaptea şi că vor fi distribuite alimente şi apă potabilă celor afectaţi.
"""

# Other headlines with their times, under a heading no rule knows: found by structure.
EN_LIST = """Bridge collapse in Porto Alegre leaves three missing

Rescue teams searched the river through the night after a section of the old road bridge collapsed on Sunday evening, the city's civil defence said.

Engineers had warned last year that the structure needed urgent repairs, local newspapers reported, and the mayor promised an inquiry.

What our readers are looking at
Markets slide as oil jumps on supply fears
14:20
Markets slide as oil jumps on supply fears
Heatwave grips southern Europe for a second week
13:55
Heatwave grips southern Europe for a second week
Tennis star withdraws from final with injury
13:10
Tennis star withdraws from final with injury
"""

# Other headlines alternating with outlet names, again without a known heading.
EN_OUTLETS = """Port strike halts container traffic in Rotterdam

Dock workers began a 48-hour strike on Monday over pay and automation, halting container traffic at Europe's largest port, union leaders said.

Shipping companies warned that delays could ripple through supply chains for weeks if the dispute is not settled quickly.

Daily Courier
Ten gadgets that changed how we cook
Metro Live
Celebrity couple spotted on holiday in Greece
Money Hub
Why your energy bill may rise again this winter
Daily Courier
The village where nobody owns a car
"""


def body_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if len(line.strip()) > 80]


@pytest.mark.parametrize(
    "text, lang, date, title, author, gone",
    [
        (DE, "de", "2025-03-12T14:05:00", "Waffenruhe im Donbass vereinbart", "Anna Schmidt",
         ["Startseite", "Lesen Sie auch", "Anzeige", "Mehr zum Thema", "Kanzler reist", "©"]),
        (FR, "fr", "2025-02-04T09:30:00", "Séisme au Maroc : le bilan s'alourdit", "Marie Dubois",
         ["Accueil", "À lire aussi", "Publicité", "newsletter"]),
        (ES, "es", "2026-01-30T10:15:00", "Incendios forestales obligan a evacuar a miles en Valparaíso",
         "Carlos Ruiz", ["Portada", "Lee también", "Publicidad", "Bomberos piden", "relacionadas"]),
        (RU, "ru", "2025-03-05T12:40:00", "Землетрясение в Турции: число жертв растёт", None,
         ["Главная", "Читайте также", "Реклама", "Все права"]),
        (HI, "hi", "2025-03-12T10:30:00+05:30", "दिल्ली में भीषण गर्मी, पारा 47 डिग्री के पार",
         "रजनीश कुमार", ["ये भी पढ़ें", "विज्ञापन", "फॉलो करें"]),
    ],
)
def test_furniture_title_dateline_author_in_several_languages(text, lang, date, title, author, gone):
    a = clean(txt(text))
    assert a.status == "ok", a.problems
    assert (a.lang, a.date, a.date_source, a.title, a.author) == (lang, date, "dateline", title, author)
    for s in gone:
        assert s not in a.text, s
    for line in body_lines(text):
        if not any(s in line for s in gone):
            assert line in a.text
    assert title not in a.text  # the headline is the title, not a paragraph


def test_romanian_with_cedillas_and_read_also():
    a = clean(txt(RO_CEDILLA))
    assert a.lang == "ro" and a.title.startswith("Inundaţii în judeţul Galaţi")
    assert "Citeşte" not in a.text and "Cod roşu" not in a.text
    assert "Prefectul a anunţat" in a.text and "Ploile abundente" in a.text


@pytest.mark.parametrize("text, gone", [
    (EN_LIST, ["Markets slide", "14:20", "Tennis star", "What our readers"]),
    (EN_OUTLETS, ["Daily Courier", "Ten gadgets", "Money Hub", "nobody owns a car"]),
])
def test_headline_lists_found_by_structure(text, gone):
    a = clean(txt(text))
    for s in gone:
        assert s not in a.text, s
    for line in body_lines(text):
        assert line in a.text


def test_paragraph_after_related_box_survives():
    text = (
        "Strike at the car plant enters second week\n\n"
        "Workers at the plant in Kragujevac extended their strike on Monday, demanding a pay rise "
        "of 15 percent and the return of dismissed colleagues.\n\n"
        "Read more\nUnion leaders meet minister\nOther plants watch closely\n\n"
        "Management said it had offered eight percent and would not negotiate under pressure, and "
        "that production losses already exceeded two thousand cars.\n"
    )
    a = clean(txt(text))
    assert "Union leaders meet" not in a.text and "Other plants" not in a.text
    assert "Management said it had offered eight percent" in a.text
    assert "Workers at the plant" in a.text


def test_truncated_breadcrumb_and_glued_section_give_the_clean_headline():
    head = "Ministers agree on a new fisheries deal after overnight talks in Brussels"
    body = ("EU fisheries ministers agreed on catch limits for next year after talks that ran through "
            "the night, the Council presidency said on Tuesday morning.\n")
    glued = clean(txt(f"{head}Top Stories\n\nDecember 10, 2025 08:15\n{head}\n\n{body}"))
    assert glued.title == head and glued.date == "2025-12-10T08:15:00"
    assert "Top Stories" not in glued.text and head not in glued.text
    crumb = clean(txt(f"HomeNews{head[:40]}...\n\n{head}\n\n{head}\n\n{body}"))
    assert crumb.title == head and "HomeNews" not in crumb.text and head not in crumb.text
    assert body.strip() in crumb.text


def test_metadata_line_gives_date_and_first_sentence_title():
    text = (" date 2025-11-02 Storm Ciarán: winds of 150 km/h hit the coast of Brittany overnight. "
            "Hundreds of thousands of homes lost power, the grid operator said.\n\n"
            "Schools stayed closed across the region on Thursday.\n")
    a = clean(txt(text))
    assert (a.date, a.date_source) == ("2025-11-02", "metadata")
    assert a.title == "Storm Ciarán: winds of 150 km/h hit the coast of Brittany overnight"
    assert "date 2025" not in a.text and a.text.startswith("Storm Ciarán")
    assert split_metadata_line(" date 2025-11-02 Rest")[0] == "2025-11-02"


def test_first_sentence_title_runs_past_an_abbreviation():
    # "St." and "Dr." end no sentence: the title is the whole first sentence, not "…near St".
    text = ("The new bishop greeted pilgrims near St. Mary's Cathedral in Valdora on Sunday, "
            "with Dr. Ana Roe at his side. Thousands had waited since dawn.\n\n"
            "The ceremony lasted two hours.\n")
    a = clean(txt(text))
    assert a.title == ("The new bishop greeted pilgrims near St. Mary's Cathedral in Valdora on Sunday, "
                       "with Dr. Ana Roe at his side")


def test_date_sources_given_url_text_and_problems():
    body = ("Officials said the new metro line would open in stages, with the first section "
            "carrying passengers from the airport to the centre.\n")
    given = clean(txt("Metro line opens\n\n" + body, date="2025-06-01"))
    assert (given.date, given.date_source) == ("2025-06-01", "given")
    bad_given = clean(txt("Metro line opens\n\n" + body, date="someday soon",
                          url="https://news.example.org/2025/06/02/metro"))
    assert (bad_given.date, bad_given.date_source) == ("2025-06-02", "url")
    assert any("someday soon" in p for p in bad_given.problems)
    # A date further into the text is what the text mentions (a recap, a plan), not when it
    # was published; the text dates itself only where it says "today".
    recap = clean(txt("Metro line opens\n\n" + body + "\nThe contract was signed on 3 March 2024 in Sofia.\n"))
    assert (recap.date, recap.date_source) == (None, None)
    in_text = clean(txt("Metro line opens\n\n" + body + "\nToday, 3 March 2024, the first trains ran.\n"))
    assert (in_text.date, in_text.date_source) == ("2024-03-03", "text")
    none = clean(txt("Metro line opens\n\n" + body + "\nCopyright 2024 Metro Weekly\n"))
    assert none.date is None and none.date_source is None
    assert any("no recognisable date" in p for p in none.problems) and none.status == "ok"


def test_implausible_dates_are_rejected():
    assert parse_date("12 March 2099") is None
    assert parse_date("5 May 1985") is None
    assert parse_date("Copyright © 2024") is None  # a bare year is never a date
    assert find_dates("He was born on 5 May 1985 and elected on 2 June 2019.") == ["2019-06-02"]
    assert parse_date("Updated: Jan 9, 2024 17:53 IST") == "2024-01-09T17:53:00+05:30"
    assert parse_date("३० जनवरी २०२६") == "2026-01-30"


def test_no_recognisable_language():
    a = clean(txt("4711 0815 %%% 2024-99 ### 3.14159 // 88 77 66 55 ++ 1234 5678 90 ~~ 42 " * 2))
    assert a.lang is None and a.lang_score is None
    assert any("no recognisable language" in p for p in a.problems)
    mash = clean(txt("qxzv bnmlk wrtpz xcvb qwrtyp zxcvbn plkjhg mnbvcx qazwsx edcrfv tgbyhn"))
    assert mash.lang is None


def test_outlet_and_author():
    body = ("Officials said the new metro line would open in stages, with the first section "
            "carrying passengers from the airport to the centre.\n")
    assert clean(txt("T\n\n" + body, source="Metro Weekly")).source == "Metro Weekly"
    assert clean(txt("T\n\n" + body, url="https://www.metro.example.com/a")).source == "example.com"  # the registered domain
    pref = clean(txt("Metro opens\n\n" + body + "\nAdd Capital Times as a Preferred Source\n"))
    assert pref.source == "Capital Times" and "Preferred Source" not in pref.text
    copy = clean(txt("Metro opens\n\n" + body + "\n(Image source from: Photoagency.net)\n"
                     "Copyright © 2025 Citypaper.org All rights reserved.\n"))
    assert copy.source == "Citypaper.org" and "Photoagency" not in copy.text
    credit_only = clean(txt("Metro opens\n\n" + body + "\n(Image source from: Photoagency.net)\n"))
    assert credit_only.source is None
    # A link of another scheme names no site: no outlet called "javascript" or "mailto".
    for url in ("javascript:alert(1)", "mailto:desk@metro.example.com", "data:text/html,x"):
        assert clean(txt("T\n\n" + body, url=url)).source is None, url
    assert clean(txt("T\n\n" + body, url="metro.example.com:8080/a")).source == "example.com"
    by = clean(txt("Metro line opens\n\nBy Lena Novak\n\n" + body))
    assert by.author == "Lena Novak" and "Lena Novak" not in by.text


def test_html_article_with_metadata():
    html = """<!doctype html><html lang="en"><head><title>Dam breach floods villages - River Post</title>
<meta property="og:site_name" content="River Post"><meta name="author" content="Tom Berg">
<meta property="article:published_time" content="2025-09-14T07:00:00+00:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dam breach floods villages</h1>
<p>A dam on the Drava river gave way early on Sunday, flooding four villages and forcing hundreds of residents onto rooftops, emergency services said.</p>
<p>Helicopters lifted more than eighty people to safety by midday, and no deaths had been reported.</p>
<aside><h3>Related</h3><ul><li><a href="/x">Elections next month</a></li></ul></aside></article>
<footer>Copyright © 2025 River Post. Subscribe to our newsletter</footer></body></html>"""
    a = clean(RawArticle(origin="page.html", html=html, url="https://riverpost.example/world/dam"))
    assert a.status == "ok"
    assert a.title == "Dam breach floods villages" and a.author == "Tom Berg"
    assert (a.date, a.date_source) == ("2025-09-14", "metadata")
    # The site's own name, not its domain: its text files and feed lines say "River Post".
    assert a.source == "River Post" and a.lang == "en"
    assert "Helicopters lifted" in a.text and "A dam on the Drava" in a.text
    assert "Elections next month" not in a.text and "Subscribe" not in a.text
    assert a.raw == html


def test_html_with_no_text_is_kept_raw_with_reason():
    html = "<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>"
    a = clean(RawArticle(origin="empty.html", html=html))
    assert a.status == "raw" and a.raw == html
    assert any("HTML with no text" in p for p in a.problems)


def test_short_text_is_kept_raw():
    a = clean(txt("Share\n\nTiny note."))
    assert a.status == "raw" and "Tiny note." in a.text
    assert any("only" in p and "characters" in p for p in a.problems)


def test_text_is_bounded_and_the_cut_recorded():
    para = "The committee met again on Friday to discuss the budget for the next year. "
    a = clean(txt("Budget talks\n\n" + para * 200), Config(max_article_chars=2000))
    assert len(a.text) <= 2000
    assert any("cut to 2000" in p for p in a.problems)


def test_clean_never_raises(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(clean_module, "read_header", broken)
    raw = txt("Some headline\n\nSome reporting text that is long enough to be an article.")
    a = clean(raw)
    assert a.status == "raw" and a.text == raw.text and a.id == article_id(raw)
    assert any("RuntimeError: boom" in p for p in a.problems)


def test_ids_and_content_hash():
    raw = txt("Headline\n\nSome reporting text that is long enough to be an article body.")
    assert clean(raw).id == article_id(raw) and len(article_id(raw)) == 16
    assert clean(txt(raw.text, id="given-7")).id == "given-7"
    assert content_hash("A  b\nC") == content_hash("a b c")


def test_mojibake_is_repaired():
    assert repair("Caf\u00c3\u00a9 and \u00e2\u20ac\u0153quotes\u00e2\u20ac\u009d") == "Café and “quotes”"
    assert repair("g\u00c31\u20444nl\u00c31\u20444k") == "günlük"
    assert repair("Tom &amp; Jerry\u200b") == "Tom & Jerry"
    assert repair("Ștefan și Înalta Curte") == "Ștefan și Înalta Curte"  # no false repair


def test_repeated_outlet_lines_become_furniture(tmp_path):
    store = SQLiteStore(tmp_path / "t.db")
    lines = OutletLines(store, Config(repeated_line_min_articles=3))
    footer = "Follow Harbour Gazette on Telegram for live updates from the coast"
    stories = [
        "Ferry service resumes after storm damage was repaired at the northern pier on Monday.",
        "The town council approved a new budget for coastal defences after a long debate.",
        "Fishermen protested against new quotas outside the harbour office on Wednesday.",
        "A lighthouse built in 1880 will reopen to visitors after a two-year restoration.",
    ]
    results = []
    for i, story in enumerate(stories):
        raw = txt(f"Harbour news {i}\n\n{story} More details follow.\n\n{footer}\n", source="Harbour Gazette")
        results.append(clean(raw, outlet_lines=lines))
    assert all(footer in a.text for a in results[:3])
    assert footer not in results[3].text and stories[3] in results[3].text
    other = clean(txt(f"Other\n\n{stories[0]}\n\n{footer}\n", source="Another Paper"), outlet_lines=lines)
    assert footer in other.text  # counts are per outlet
    store.close()


def test_remove_furniture_reports_what_it_removed():
    kept, removed = remove_furniture(["Headline", "", "- Advertisment -", "Rate This Article", "(3 votes)", "Body."])
    assert kept == ["Headline", "", "Body."]
    assert removed == ["- Advertisment -", "Rate This Article", "(3 votes)"]


def test_language_is_read_from_more_than_the_opening_words():
    # An English kicker longer than 80 characters must not decide a Spanish article.
    text = ("Live updates from the climate summit in New York City, with reactions from leaders\n\n"
            "Los líderes reunidos en Nueva York acordaron el martes un fondo para los países más "
            "afectados por las sequías, según informaron fuentes de la delegación chilena.\n\n"
            "El acuerdo deberá ser ratificado por los parlamentos nacionales antes de fin de año.\n")
    assert clean(txt(text)).lang == "es"


BODY = ("The regional assembly approved the new water charges on Thursday after a debate that "
        "lasted most of the night, officials said.\n")


@pytest.mark.parametrize("crumb", [
    "International > Europe", "Новости / Политика", "Gazeta Nordului > Economie > Auto",
    "Acasa > Externe > Water charges approved", "Home | News | World",
])
def test_breadcrumbs_of_any_site(crumb):
    a = clean(txt(f"{crumb}\n\nWater charges approved\n\n{BODY}"))
    assert a.title == "Water charges approved" and crumb not in a.text and BODY.strip() in a.text


def test_wire_dateline_opening_the_first_paragraph():
    text = ("Startseite › Politik\n\nWasserpreise steigen\n\n"
            "MAINZ, 12. März 2026, 18:45 Uhr (dpa) – Der Landtag hat die neuen Wasserpreise nach "
            "einer langen Debatte beschlossen, wie die Regierung mitteilte.\n")
    a = clean(txt(text))
    assert (a.date, a.date_source) == ("2026-03-12T18:45:00", "dateline")
    assert a.text.startswith("MAINZ, 12. März 2026")  # the paragraph itself stays
    # A sentence opening with a date says when something happened, not when the article
    # was published (it may be a recap): no publication date, but the event time keeps it.
    on = clean(txt("Charges\n\nOn 5 March 2025, the court ruled that the charges were lawful and "
                   "rejected the appeal brought by two consumer groups.\n"))
    assert (on.date, on.date_source) == (None, None)
    from tidings.understand.dates import event_time
    assert event_time(on)[0] == "2025-03-05"


def test_bylines_with_places_and_update_notes():
    def author(byline):
        return clean(txt(f"Water charges approved\n\n{byline}\n\n{BODY}")).author

    assert author("Von Jens Albrecht · Aktualisiert am 25.04.2026, 21:30 Uhr") == "Jens Albrecht"
    assert author("Agencies | New Delhi | March 11, 2026 08:15 IST") is None
    assert author("Por Javier Montalvo | Madrid") == "Javier Montalvo"
    html = ("<html><head><meta name='author' content='Harriet Cole; March 9'></head><body><article>"
            "<h1>Water charges approved</h1><p>" + BODY + "</p></article></body></html>")
    assert clean(RawArticle(origin="p.html", html=html)).author == "Harriet Cole"


def test_date_guessed_from_the_file_name():
    a = clean(txt(f"Water charges approved\n\n{BODY}", origin="novosti/2025-10-02-water.txt"))
    assert (a.date, a.date_source) == ("2025-10-02", "guess")
    assert clean(txt(f"Water charges approved\n\n{BODY}", origin="x/004_fa65fd90d91e186e.txt")).date is None


def test_more_furniture_kinds():
    text = (
        "Water charges approved\n\n" + BODY + "\n"
        "Partager : Facebook · X · LinkedIn · E-mail\n\n"
        "Abonati-va la newsletterul nostru zilnic!\n\n"
        "Підписуйтесь на наш Telegram-канал, щоб першими дізнаватися новини.\n\n"
        "Cititi si: Pretul painii creste din nou\n\n"
        "(Disclaimer: this is not investment advice.)\n\n"
        "Source: Harbour Gazette\n\n"
        "More from the region\n"
        "Ferry timetable changes next week 16:40\n"
        "Council elects new speaker 15:05\n"
        "Museum reopens after repairs 11:30\n"
    )
    a = clean(txt(text))
    assert a.text == BODY.strip()
    assert a.source == "Harbour Gazette"


def test_a_sentence_ending_with_a_time_is_not_a_list():
    text = ("Polls open\n\nVoting started across the country on Sunday and the polls close at 18:00.\n\n"
            "Officials expect turnout to be higher than at the last election, when it reached 61 "
            "percent of registered voters.\n")
    assert "polls close at 18:00." in clean(txt(text)).text
