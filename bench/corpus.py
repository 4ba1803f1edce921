"""A generated corpus of realistic scraped news for the ingest benchmark.

Articles in seven languages (en, hi, ro, de, fr, es, ru) written from our own templates:
headline, byline and dateline in the local style, six to ten sentences drawn from a pool
with names, places and numbers filled in, and the furniture scrapers copy (breadcrumbs,
"read also" links, ads, newsletter prompts, lists of other headlines with times, copyright
lines). Files are plain text (some with a " date ..." metadata line), HTML pages, JSON
lists and JSON Lines exports. About 5% are syndicated copies of an earlier article with
other furniture, and 3% near copies with small edits, so duplicate detection has work.

    PYTHONPATH=src python bench/corpus.py OUT_DIR [--articles 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ro": ["ian.", "feb.", "mar.", "apr.", "mai", "iun.", "iul.", "aug.", "sept.", "oct.", "nov.", "dec."],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "hi": ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
           "अक्टूबर", "नवंबर", "दिसंबर"],
}


@dataclass
class Lang:
    code: str
    places: list[str]
    people: list[str]
    things: list[str]
    headlines: list[str]
    sentences: list[str]
    furniture: list[str]
    read_also: str
    marker: str
    copyright: str
    byline: str


L = {
    "en": Lang(
        "en",
        ["Valencia", "Porto", "Gdansk", "Kharkiv", "Lagos", "Manila", "Quito", "Tbilisi", "Cork", "Perth"],
        ["Maria Lopes", "Daniel Okafor", "Irina Pavlenko", "Tom Walsh", "Ahmed Saleh", "Laura Chen"],
        ["the new bridge", "the port expansion", "the water plant", "the rail link", "the hospital wing"],
        ["Floods cut power to thousands in {place}", "{person} wins vote on {thing} in {place}",
         "Strike halts work on {thing} near {place}", "Fire at warehouse in {place} injures {n}",
         "Court blocks plan for {thing} in {place}", "{place} counts cost of storm after {n} homes damaged"],
        ["Officials in {place} said on {day} that {n} people had been moved to temporary shelters.",
         "The mayor, {person}, told reporters that {thing} would be finished by the end of the year.",
         "Engineers warned that repairs could cost more than {n2} million euros.",
         "Residents complained that they had received no warning before the water rose.",
         "Police closed several roads around {place} and asked drivers to avoid the area.",
         "A spokesperson for the regional government said the situation was under control.",
         "The opposition accused the council of ignoring earlier reports about {thing}.",
         "Local businesses said they had lost about {n2} percent of their weekly income.",
         "Rescue teams worked through the night with pumps and boats, according to witnesses.",
         "{person} said an independent inquiry would look at how the decision was taken.",
         "Forecasters expect more rain over the weekend, with rivers still rising.",
         "Union leaders said {n} workers had joined the protest outside the main gate.",
         "The national government promised emergency funds for families who lost their homes.",
         "Insurance companies have already received {n} claims, an industry group said."],
        ["Share", "- Advertisement -", "Sign up for our daily newsletter", "Follow us on Twitter",
         "Rate This Article", "(12 votes)", "Most Popular", "Don't miss out!", "Invalid email address"],
        "Read more: ", "RELATED ARTICLES", "Copyright © 2025 {outlet}. All rights reserved.", "By {person}",
    ),
    "ro": Lang(
        "ro",
        ["Galați", "Cluj-Napoca", "Iași", "Constanța", "Brașov", "Timișoara", "Suceava", "Oradea"],
        ["Andrei Popescu", "Ioana Marin", "Mihai Ionescu", "Elena Stan", "Radu Dobre"],
        ["noul pod", "spitalul regional", "centura ocolitoare", "stația de epurare", "portul fluvial"],
        ["Inundații la {place}: {n} de persoane evacuate", "{person} anunță lucrări la {thing} din {place}",
         "Protest la {place} față de proiectul pentru {thing}", "Incendiu puternic la {place}, {n} de răniți",
         "Curtea suspendă licitația pentru {thing} de la {place}"],
        ["Autoritățile din {place} au anunțat {day} că {n} de persoane au fost mutate în adăposturi.",
         "Primarul {person} a declarat că {thing} va fi gata până la sfârșitul anului.",
         "Specialiștii avertizează că reparațiile ar putea costa peste {n2} de milioane de lei.",
         "Locuitorii spun că nu au primit niciun avertisment înainte de creșterea apelor.",
         "Poliția a închis mai multe drumuri din jurul orașului {place}.",
         "Un purtător de cuvânt al prefecturii a spus că situația este sub control.",
         "Opoziția acuză consiliul că a ignorat rapoartele anterioare despre {thing}.",
         "Comercianții din zonă spun că au pierdut aproximativ {n2} la sută din venituri.",
         "Echipele de salvare au lucrat toată noaptea cu pompe și bărci, potrivit martorilor.",
         "{person} a precizat că o anchetă independentă va analiza decizia.",
         "Meteorologii anunță noi ploi în weekend, iar nivelul râurilor continuă să crească.",
         "Guvernul a promis fonduri de urgență pentru familiile care și-au pierdut casele."],
        ["Distribuie", "Publicitate", "Abonează-te la newsletter", "Cele mai citite",
         "Trimite acest link pe", "Recomandarea video"],
        "Citește și: ", "Citește și", "© 2025 {outlet}. Toate drepturile rezervate.", "{person}",
    ),
    "de": Lang(
        "de",
        ["Dresden", "Passau", "Bremen", "Kassel", "Rostock", "Augsburg", "Trier", "Erfurt"],
        ["Anna Schmidt", "Jonas Weber", "Katrin Vogel", "Stefan Braun", "Lea Hoffmann"],
        ["die neue Brücke", "das Klärwerk", "die Umgehungsstraße", "den Hafenausbau", "das Klinikum"],
        ["Hochwasser in {place}: {n} Menschen evakuiert", "{person} stoppt Pläne für {thing} in {place}",
         "Streik legt Baustelle in {place} lahm", "Großbrand in {place} – {n} Verletzte",
         "Gericht kippt Genehmigung für {thing} in {place}"],
        ["Die Behörden in {place} teilten am {day} mit, dass {n} Menschen in Notunterkünfte gebracht wurden.",
         "Bürgermeisterin {person} sagte, {thing} solle bis Jahresende fertig sein.",
         "Experten warnen, die Reparaturen könnten mehr als {n2} Millionen Euro kosten.",
         "Anwohner beklagten, sie seien vor dem Hochwasser nicht gewarnt worden.",
         "Die Polizei sperrte mehrere Straßen rund um {place} und bat Autofahrer, das Gebiet zu meiden.",
         "Ein Sprecher der Landesregierung sagte, die Lage sei unter Kontrolle.",
         "Die Opposition wirft dem Stadtrat vor, frühere Berichte über {thing} ignoriert zu haben.",
         "Einzelhändler sprechen von Umsatzeinbußen von rund {n2} Prozent.",
         "Rettungskräfte arbeiteten die ganze Nacht mit Pumpen und Booten, berichteten Augenzeugen.",
         "{person} kündigte eine unabhängige Untersuchung der Entscheidung an.",
         "Meteorologen erwarten am Wochenende weiteren Regen.",
         "Die Bundesregierung sagte Soforthilfen für betroffene Familien zu."],
        ["Teilen", "Anzeige", "Newsletter abonnieren", "Meistgelesen", "Werbung"],
        "Lesen Sie auch: ", "Mehr zum Thema", "© 2025 {outlet}. Alle Rechte vorbehalten.", "Von {person}",
    ),
    "fr": Lang(
        "fr",
        ["Lyon", "Nantes", "Lille", "Rennes", "Grenoble", "Dijon", "Brest", "Nîmes"],
        ["Marie Dubois", "Julien Moreau", "Claire Petit", "Nicolas Roux", "Sophie Lambert"],
        ["le nouveau pont", "la station d'épuration", "le contournement routier", "l'hôpital régional"],
        ["Inondations à {place} : {n} personnes évacuées", "{person} suspend le projet de {thing} à {place}",
         "Grève sur le chantier de {place}", "Incendie à {place} : {n} blessés",
         "La justice annule le permis pour {thing} à {place}"],
        ["Les autorités de {place} ont indiqué {day} que {n} personnes avaient été relogées.",
         "La maire, {person}, a assuré que {thing} serait achevé d'ici la fin de l'année.",
         "Selon les experts, les réparations pourraient coûter plus de {n2} millions d'euros.",
         "Des habitants affirment n'avoir reçu aucune alerte avant la montée des eaux.",
         "La police a fermé plusieurs routes autour de {place}.",
         "Un porte-parole de la préfecture a déclaré que la situation était maîtrisée.",
         "L'opposition accuse le conseil d'avoir ignoré des rapports sur {thing}.",
         "Les commerçants disent avoir perdu environ {n2} % de leur chiffre d'affaires.",
         "Les secours ont travaillé toute la nuit avec des pompes et des bateaux.",
         "{person} a annoncé une enquête indépendante sur cette décision.",
         "Météo-France prévoit de nouvelles pluies ce week-end.",
         "Le gouvernement a promis des aides d'urgence aux familles sinistrées."],
        ["Partager", "Publicité", "Inscrivez-vous à notre newsletter", "Les plus lus"],
        "À lire aussi : ", "Sur le même sujet", "© 2025 {outlet}. Tous droits réservés.", "Par {person}",
    ),
    "es": Lang(
        "es",
        ["Valparaíso", "Sevilla", "Córdoba", "Rosario", "Cusco", "Bilbao", "Mendoza", "Cali"],
        ["Carlos Ruiz", "Lucía Fernández", "Javier Ortega", "Ana Morales", "Diego Castro"],
        ["el nuevo puente", "la depuradora", "la autovía", "el hospital comarcal", "el puerto"],
        ["Inundaciones en {place}: {n} personas evacuadas", "{person} frena el proyecto de {thing} en {place}",
         "Huelga paraliza las obras en {place}", "Incendio en {place} deja {n} heridos",
         "Un juez anula la licencia de {thing} en {place}"],
        ["Las autoridades de {place} informaron el {day} que {n} personas fueron trasladadas a albergues.",
         "La alcaldesa, {person}, aseguró que {thing} estará listo a finales de año.",
         "Los técnicos advierten que las reparaciones podrían superar los {n2} millones de euros.",
         "Los vecinos denuncian que no recibieron ningún aviso antes de la crecida.",
         "La policía cortó varias carreteras en los alrededores de {place}.",
         "Un portavoz del Gobierno regional dijo que la situación está controlada.",
         "La oposición acusa al ayuntamiento de ignorar informes previos sobre {thing}.",
         "Los comerciantes calculan pérdidas de alrededor del {n2} por ciento.",
         "Los equipos de rescate trabajaron toda la noche con bombas y lanchas.",
         "{person} anunció una investigación independiente sobre la decisión.",
         "Los meteorólogos prevén más lluvias durante el fin de semana.",
         "El Gobierno prometió ayudas de emergencia para las familias afectadas."],
        ["Compartir", "Publicidad", "Suscríbete a nuestro boletín", "Lo más leído"],
        "Lee también: ", "Noticias relacionadas", "© 2025 {outlet}. Todos los derechos reservados.", "Por {person}",
    ),
    "ru": Lang(
        "ru",
        ["Казани", "Самаре", "Томске", "Перми", "Иркутске", "Туле", "Омске", "Сочи"],
        ["Ольга Смирнова", "Игорь Волков", "Анна Кузнецова", "Павел Орлов", "Мария Соколова"],
        ["новый мост", "очистные сооружения", "объездную дорогу", "областную больницу"],
        ["Наводнение в {place}: эвакуированы {n} человек", "{person} остановил проект в {place}",
         "Забастовка остановила стройку в {place}", "Пожар на складе в {place}: пострадали {n} человек",
         "Суд отменил разрешение на строительство в {place}"],
        ["Власти сообщили в {day}, что {n} человек переселены во временные пункты размещения.",
         "Мэр {person} заявил, что {thing} будет готов к концу года.",
         "Эксперты предупреждают, что ремонт может обойтись более чем в {n2} миллионов рублей.",
         "Жители жалуются, что их не предупредили о подъёме воды.",
         "Полиция перекрыла несколько дорог и попросила водителей объезжать район.",
         "Представитель региональных властей сказал, что ситуация под контролем.",
         "Оппозиция обвиняет городской совет в том, что он игнорировал прежние доклады.",
         "Местные предприниматели говорят, что потеряли около {n2} процентов выручки.",
         "Спасатели работали всю ночь с насосами и лодками, рассказали очевидцы.",
         "{person} объявил о независимой проверке принятого решения.",
         "Синоптики ожидают новых дождей в выходные.",
         "Правительство пообещало экстренную помощь пострадавшим семьям."],
        ["Поделиться", "Реклама", "Подпишитесь на нашу рассылку", "Самое читаемое"],
        "Читайте также: ", "Новости по теме", "© 2025 {outlet}. Все права защищены.", "Автор: {person}",
    ),
    "hi": Lang(
        "hi",
        ["पटना", "लखनऊ", "भोपाल", "जयपुर", "इंदौर", "कानपुर", "नागपुर", "रांची"],
        ["रजनीश कुमार", "अनीता शर्मा", "विकास सिंह", "पूजा वर्मा", "राहुल मिश्रा"],
        ["नया पुल", "जल शोधन संयंत्र", "बाईपास सड़क", "जिला अस्पताल"],
        ["{place} में बाढ़ से {n} लोग बेघर", "{person} ने {place} में {thing} परियोजना रोकी",
         "{place} में हड़ताल से निर्माण कार्य ठप", "{place} के गोदाम में आग, {n} लोग घायल",
         "अदालत ने {place} में {thing} की मंजूरी रद्द की"],
        ["प्रशासन ने {day} को बताया कि {n} लोगों को राहत शिविरों में पहुंचाया गया है।",
         "मेयर {person} ने कहा कि {thing} का काम साल के अंत तक पूरा हो जाएगा।",
         "विशेषज्ञों का कहना है कि मरम्मत पर {n2} करोड़ रुपये से अधिक खर्च हो सकते हैं।",
         "स्थानीय लोगों ने शिकायत की कि पानी बढ़ने से पहले उन्हें कोई चेतावनी नहीं मिली।",
         "पुलिस ने {place} के आसपास कई सड़कों को बंद कर दिया है।",
         "राज्य सरकार के एक प्रवक्ता ने कहा कि स्थिति नियंत्रण में है।",
         "विपक्ष ने आरोप लगाया कि नगर निगम ने पहले की रिपोर्टों को नजरअंदाज किया।",
         "व्यापारियों का कहना है कि उनकी कमाई में करीब {n2} प्रतिशत की गिरावट आई है।",
         "बचाव दल पूरी रात पंपों और नावों के साथ काम करते रहे।",
         "{person} ने फैसले की स्वतंत्र जांच की घोषणा की।",
         "मौसम विभाग ने सप्ताहांत में और बारिश की चेतावनी दी है।",
         "सरकार ने प्रभावित परिवारों को आपात सहायता देने का वादा किया।"],
        ["विज्ञापन", "हमें फॉलो करें", "शेयर करें", "अन्य न्यूज़"],
        "ये भी पढ़ें: ", "संबंधित खबरें", "सर्वाधिकार सुरक्षित © 2025 {outlet}", "{person}",
    ),
}
DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "ro": ["luni", "marți", "miercuri", "joi", "vineri"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes"],
    "ru": ["понедельник", "вторник", "среду", "четверг", "пятницу"],
    "hi": ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार"],
}
OUTLETS = ["Daily Courier", "Metro Post", "Regional Herald", "Stirile Zilei", "Tagesblick",
           "Le Quotidien", "Diario Sur", "Novosti24", "Samachar Today", "City Wire"]


def _dateline(lang: str, rnd: random.Random) -> tuple[str, str]:
    y, m, d = rnd.choice([2024, 2025]), rnd.randint(1, 12), rnd.randint(1, 28)
    hh, mm = rnd.randint(6, 22), rnd.randint(0, 59)
    name = MONTHS[lang][m - 1]
    iso = f"{y}-{m:02d}-{d:02d}"
    line = {
        "en": f"{name} {d}, {y} {hh:02d}:{mm:02d}",
        "ro": f"{d} {name} {y}, {hh:02d}:{mm:02d}",
        "de": f"{d:02d}.{m:02d}.{y}, {hh:02d}:{mm:02d} Uhr",
        "fr": f"Publié le {d} {name} {y} à {hh:02d}h{mm:02d}",
        "es": f"{d} de {name} de {y} - {hh:02d}:{mm:02d}",
        "ru": f"{d} {name} {y}, {hh:02d}:{mm:02d}",
        "hi": f"{d} {name} {y} {hh:02d}:{mm:02d} IST",
    }[lang]
    return line, iso


def _fill(template: str, lang: Lang, rnd: random.Random) -> str:
    return template.format(
        place=rnd.choice(lang.places), person=rnd.choice(lang.people), thing=rnd.choice(lang.things),
        n=rnd.randint(3, 900), n2=rnd.randint(2, 95), day=rnd.choice(DAYS[lang.code]),
    )


def _other_headlines(lang: Lang, rnd: random.Random) -> list[str]:
    out = []
    for _ in range(rnd.randint(3, 6)):
        h = _fill(rnd.choice(lang.headlines), lang, rnd)
        out += [h, f"{rnd.randint(8, 23):02d}:{rnd.randint(0, 59):02d}", h]
    return out


def article(rnd: random.Random, lang_code: str) -> dict:
    """One article: its parts, so copies can reuse the body with other furniture."""
    lang = L[lang_code]
    headline = _fill(rnd.choice(lang.headlines), lang, rnd)
    sentences = rnd.sample(lang.sentences, k=min(len(lang.sentences), rnd.randint(6, 10)))
    body = [_fill(s, lang, rnd) for s in sentences]
    paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    dateline, iso = _dateline(lang_code, rnd)
    return {"lang": lang_code, "headline": headline, "paragraphs": paragraphs, "dateline": dateline,
            "date": iso, "author": rnd.choice(lang.people), "outlet": rnd.choice(OUTLETS)}


def as_text(a: dict, rnd: random.Random, metadata_line: bool) -> str:
    lang = L[a["lang"]]
    lines: list[str] = []
    if metadata_line:
        lines.append(f" date {a['date']} {a['headline']}.")
    else:
        if rnd.random() < 0.4:
            lines += [f"Home » News » {a['headline']}", ""]
        lines += [a["headline"], "", lang.byline.format(person=a["author"]), a["dateline"], ""]
    paragraphs = list(a["paragraphs"])
    if len(paragraphs) > 2 and rnd.random() < 0.7:
        paragraphs.insert(2, lang.read_also + _fill(rnd.choice(lang.headlines), lang, rnd))
    for p in paragraphs:
        lines += [p, ""]
    lines += rnd.sample(lang.furniture, k=min(3, len(lang.furniture)))
    if rnd.random() < 0.5:
        lines += ["", lang.marker, *_other_headlines(lang, rnd)]
    lines += ["", lang.copyright.format(outlet=a["outlet"])]
    return "\n".join(lines) + "\n"


def as_html(a: dict, rnd: random.Random) -> str:
    lang = L[a["lang"]]
    paras = "".join(f"<p>{p}</p>" for p in a["paragraphs"])
    related = "".join(f"<li><a href='/x{i}'>{_fill(rnd.choice(lang.headlines), lang, rnd)}</a></li>" for i in range(4))
    return (
        f"<!doctype html><html lang='{a['lang']}'><head><meta charset='utf-8'><title>{a['headline']} | {a['outlet']}</title>"
        f"<meta property='og:site_name' content='{a['outlet']}'>"
        f"<meta property='article:published_time' content='{a['date']}T08:00:00+00:00'>"
        f"<meta name='author' content='{a['author']}'></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{a['headline']}</h1><p class='byline'>{lang.byline.format(person=a['author'])}</p>{paras}"
        f"<aside><h3>{lang.marker}</h3><ul>{related}</ul></aside></article>"
        f"<footer><p>{lang.copyright.format(outlet=a['outlet'])}</p><p>{rnd.choice(lang.furniture)}</p></footer>"
        "</body></html>"
    )


def near_copy(a: dict, rnd: random.Random) -> dict:
    b = dict(a)
    paragraphs = list(a["paragraphs"])
    i = rnd.randrange(len(paragraphs))
    words = paragraphs[i].split()
    words[rnd.randrange(len(words))] = str(rnd.randint(10, 99))
    paragraphs[i] = " ".join(words)
    b["paragraphs"] = paragraphs
    b["outlet"] = rnd.choice(OUTLETS)
    return b


def generate(out: Path, n: int = 2000, seed: int = 7) -> dict[str, int]:
    """Write `n` articles under `out`, and truth.json beside them (per origin relative to
    `out`: language, day of publication, headline, and the origin of the first copy for
    syndicated and near copies); returns counts by kind."""
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    langs = ["en", "en", "hi", "ro", "de", "fr", "es", "ru"]
    made: list[dict] = []
    counts = {"txt": 0, "html": 0, "jsonl": 0, "json": 0, "copies": 0, "near": 0}
    jsonl_rows: list[str] = []
    json_rows: list[dict] = []
    truth: dict[str, dict] = {}
    for k in range(n):
        r = rnd.random()
        copy_of = None
        if made and r < 0.05:
            a = dict(rnd.choice(made))
            copy_of = a["origin"]
            counts["copies"] += 1
        elif made and r < 0.08:
            a = near_copy(rnd.choice(made), rnd)
            copy_of = a["origin"]
            counts["near"] += 1
        else:
            a = article(rnd, rnd.choice(langs))
            made.append(a)
        kind = rnd.random()
        folder = out / a["lang"]
        folder.mkdir(exist_ok=True)
        if kind < 0.55:
            origin = f"{a['lang']}/{k:05d}.txt"
            (out / origin).write_text(as_text(a, rnd, metadata_line=rnd.random() < 0.15), "utf-8")
            counts["txt"] += 1
        elif kind < 0.75:
            origin = f"{a['lang']}/{k:05d}.html"
            (out / origin).write_text(as_html(a, rnd), "utf-8")
            counts["html"] += 1
        elif kind < 0.95:
            origin = f"export_{len(jsonl_rows) // 100:03d}.jsonl:{len(jsonl_rows) % 100 + 1}"
            jsonl_rows.append(json.dumps({"id": f"b{k}", "text": as_text(a, rnd, False),
                                          "url": f"https://{a['outlet'].lower().replace(' ', '')}.example/{a['date'].replace('-', '/')}/{k}"},
                                         ensure_ascii=False))
            counts["jsonl"] += 1
        else:
            origin = f"list.json#{len(json_rows) + 1}"
            json_rows.append({"id": f"j{k}", "text": as_text(a, rnd, False), "source": a["outlet"]})
            counts["json"] += 1
        a.setdefault("origin", origin)
        truth[origin] = {"lang": a["lang"], "date": a["date"], "title": a["headline"], "copy_of": copy_of}
    for i in range(0, len(jsonl_rows), 100):
        (out / f"export_{i // 100:03d}.jsonl").write_text("\n".join(jsonl_rows[i : i + 100]) + "\n", "utf-8")
    (out / "list.json").write_text(json.dumps(json_rows, ensure_ascii=False), "utf-8")
    (out.parent / f"{out.name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False), "utf-8")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(generate(args.out, args.articles, args.seed))


if __name__ == "__main__":
    main()
