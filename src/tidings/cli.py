"""The `tidings` command: parse options, call the library, print. Nothing else lives here."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from tidings import api
from tidings.brief.sources import distinct
from tidings.parallel import EngineUnavailable
from tidings.records import Problem
from tidings.store import Store, StoreError, default_db, is_url


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


# Control characters (C0 and C1): in a listing they would act on the terminal, not show.
# Bidirectional controls (embeddings, overrides, isolates, marks) would reorder the rest
# of the line, so a title could make the id or date beside it read as something else.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(text: str) -> str:
    """Text from articles and file names, on one line with control characters shown as
    escapes (a file named "a\\nb.txt", a title carrying an escape sequence)."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def _clip(text: str | None, n: int) -> str:
    text = _safe((text or "").replace("\n", " "))
    return text if len(text) <= n else text[: n - 1] + "…"


def _warn(p: Problem) -> None:
    print(f"tidings: {'skipped' if p.fatal else 'note'}: {_safe(p.message())}", file=sys.stderr)


class _Refused(Exception):
    """A command cannot run as asked; the message says why and what to do."""


def _open(args, create: bool = False) -> Store:
    """The store at --db. Only commands that write (ingest, demo, serve) create it: a
    mistyped path for a listing must say so, not list an empty new database."""
    if is_url(args.db):
        return api.open_store(args.db)  # a server's database: it exists or the server says why
    path = Path(args.db)
    if path.is_dir():
        raise _Refused(f"{args.db} is a folder; --db takes a database file (e.g. {path / 'tidings.db'})")
    if not create and not path.exists():
        raise _Refused(f"no database at {args.db}; check --db, or create it with "
                       f"`tidings ingest PATH --db {args.db}`")
    try:
        return api.open_store(args.db)
    except OSError as e:  # creating its folder failed: a file in the way, no permission
        why = (f"{e.filename} is a file, not a folder" if isinstance(e, (FileExistsError, NotADirectoryError))
               else f"{e.strerror or e} ({e.filename})")
        raise _Refused(f"cannot create the database {args.db}: {why}; give a --db in a folder "
                       "you can write to") from None


# --- commands ---
def cmd_ingest(args) -> int:
    if getattr(args, "engine", None) == "ray":
        try:
            api.ray_engine_available()
        except EngineUnavailable as e:  # before creating the database
            raise _Refused(str(e)) from None
    urls = [p for p in args.paths if _is_url(p)]
    paths = [p for p in args.paths if not _is_url(p)]
    if getattr(args, "urls", None):
        urls += _read_url_list(args.urls)
    if not paths and not urls:
        raise _Refused("nothing to ingest: give files, folders, URLs or --urls FILE")
    store = _open(args, create=True)
    if "-" in paths and sys.stdin.isatty():
        print("tidings: reading articles from standard input; end with Ctrl-D", file=sys.stderr)
    progress, warn = not args.quiet and sys.stderr.isatty(), None if args.quiet else _warn
    if urls:
        from tidings.watch import ingest_urls

        fetched = ingest_urls(urls, store, on_problem=warn, progress=progress)
        failed = fetched.from_summary + len(fetched.failed) + fetched.retrying
        print(f"{store.url}: {len(urls)} URLs: {fetched.fetched} fetched, ingested {fetched.ingested}, "
              f"already stored {fetched.already_stored}, {failed} failed")
        for reason in fetched.failed:
            print(f"  failed {_safe(reason)}")
        if not paths:
            return 0 if fetched.ingested or fetched.already_stored else 1
    engine = getattr(args, "engine", None) or ("local" if (args.workers or 1) > 1 else None)
    if engine:
        try:
            report = api.backfill(paths, store, engine, args.workers, getattr(args, "address", None),
                                  progress=progress, on_problem=warn)
        except EngineUnavailable as e:
            raise _Refused(str(e)) from None
    else:
        report = api.ingest(paths, store, progress=progress, on_problem=warn)
    print(f"{store.url}: {report.summary()}")
    for p in report.skipped:
        print(f"  skipped {_safe(p.message())}")
    if report.ingested == 0 and report.already_stored == 0:
        print("tidings: nothing could be ingested; see the reasons above.", file=sys.stderr)
        return 1
    return 0


def _article_row(a) -> dict:
    d = a.to_dict()
    d.pop("raw", None)
    return d


def cmd_articles(args) -> int:
    store = _open(args)
    fmt = _format_of(args)
    if fmt != "text":
        write_rows((_article_row(a) for a in store.articles(limit=args.limit)), fmt)
        return 0
    for a in store.articles(limit=args.limit):
        print(f"{_safe(a.id)}  {_safe(a.lang or '??'):2}  {_safe((a.date or '-')[:16]):16}  "
              f"{(a.date_source or '-'):8}  {_clip(a.source, 18):18}  {_clip(a.title, 70)}"
              + (f"  [duplicate of {a.duplicate_of}]" if a.duplicate_of else "")
              + (f"  [{a.status}]" if a.status != "ok" else ""))
    return 0


def _event_row(e) -> dict:
    return {
        "id": e.id, "title": e.title, "first": e.first_time, "last": e.last_time,
        "languages": e.languages, "articles": e.size, "sources": len(distinct(e.sources)),
    }


def cmd_events(args) -> int:
    store = _open(args)
    fmt = _format_of(args)
    if fmt != "text":
        write_rows((_event_row(e) for e in store.events(since=args.since, lang=args.lang,
                                                         limit=args.limit)), fmt)
        return 0
    for e in store.events(since=args.since, lang=args.lang, limit=args.limit):
        print(f"{_safe(e.id):24}  {(e.first_time or '-')[:16]:16} → {(e.last_time or '-')[:16]:16}  "
              f"{','.join(e.languages):12}  {e.size:3} art {len(distinct(e.sources)):2} src  "
              f"{_clip(e.title, 70)}")
    return 0


def cmd_show(args) -> int:
    store = _open(args)
    event = store.get_event(args.event)
    if event is None:
        print(f"tidings: no event {args.event!r} in {args.db}; `tidings events` lists them.",
              file=sys.stderr)
        return 2
    articles = store.get_articles(event.article_ids)
    if args.json:
        row = _event_row(event)
        row["article_list"] = [
            {"id": a.id, "date": a.date, "lang": a.lang, "source": a.source, "title": a.title,
             "url": a.url, "duplicate_of": a.duplicate_of}
            for a in articles
        ]
        _print_json(row)
        return 0
    print(f"{_safe(event.id)}: {_clip(event.title, 500)}")
    print(f"  {event.first_time} → {event.last_time}; languages {', '.join(event.languages)}; "
          f"{event.size} articles from {len(distinct(event.sources))} sources")
    for a in articles:
        print(f"  {_safe(a.id)}  {_safe(a.lang or '??'):2}  {_safe((a.date or '-')[:16]):16}  {_clip(a.source, 18):18}  "
              f"{_clip(a.title, 70)}")
    return 0


def cmd_cluster(args) -> int:
    from tidings.sources import read

    try:  # before the work, so a wrong --out fails at once
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    except OSError as e:
        raise _Refused(f"cannot write --out {args.out}: {e.strerror or e}; give a file in a "
                       "folder you can write to") from None
    clustered = 0
    try:
        for item_id, event, story in api.cluster_records_with_stories(
                read([args.file]), on_problem=None if args.quiet else _warn,
                progress=not args.quiet and sys.stderr.isatty()):
            out.write(json.dumps({"id": item_id, "event": event, "story": story}, ensure_ascii=False) + "\n")
            clustered += event is not None
    finally:
        if args.out:
            out.close()
    if not clustered:
        print(f"tidings: nothing in {args.file} could be clustered; see the reasons above.",
              file=sys.stderr)
        return 1
    return 0


def cmd_eval(args) -> int:
    from tidings.cluster.evaluate import read_jsonl

    try:
        pred, gold = read_jsonl(args.pred, "pred"), read_jsonl(args.gold, "gold")
    except OSError as e:
        raise _Refused(f"cannot read {e.filename}: {e.strerror or e}; give a JSON Lines file "
                       'with one {"id": ..., "event": ...} per line') from None
    except ValueError as e:
        raise _Refused(str(e)) from None
    only_pred = [i for i in pred if i not in gold]
    only_gold = [i for i in gold if i not in pred]
    if len(only_pred) == len(pred):
        raise _Refused(f"no id is in both {args.pred} and {args.gold} (ids like "
                       f"{_examples(pred)} against {_examples(gold)}); are they the same ids?")
    if only_pred or only_gold:
        # Scored on the ids in both files only: say what was left out, or a prediction
        # covering half the gold set would look as good as a full one.
        print(f"tidings: note: scored the {len(pred) - len(only_pred)} ids in both files; left out "
              f"{len(only_gold)} only in {args.gold}{_examples(only_gold, ' (')} and "
              f"{len(only_pred)} only in {args.pred}{_examples(only_pred, ' (')}", file=sys.stderr)
    scores = api.evaluate(pred, gold)
    if args.json:
        _print_json(scores)
    else:
        for k, v in scores.items():
            print(f"{k:22} {v:.4f}" if isinstance(v, float) else f"{k:22} {v}")
    return 0


def _examples(ids: list[str] | dict, prefix: str = "") -> str:
    ids = list(ids)
    if not ids:
        return ""
    shown = ", ".join(repr(_safe(i)) for i in ids[:3]) + (", …" if len(ids) > 3 else "")
    return f"{prefix}{shown})" if prefix else shown


def cmd_compare(args) -> int:
    for ref in (args.a, args.b):
        if Path(ref).is_dir():
            raise _Refused(f"{ref} is a folder; compare takes two articles: ids in the store "
                           "(`tidings articles` lists them) or files holding one article each")
    # Files can be compared without a database; ids need one.
    store = _open(args) if is_url(args.db) or Path(args.db).exists() else None
    try:
        result = api.compare(args.a, args.b, store)
    except LookupError as e:
        print(f"tidings: {e}", file=sys.stderr)
        return 2
    d = result.to_dict()
    if args.json:
        _print_json(d)
    else:
        print(f"similarity {d['score']:.3f}")
        reasons = d.get("reasons", {})
        if "decided" in reasons:
            print(_safe(reasons["decided"]))
            print(f"  {'evidence':<58} {'value':>8} {'weight':>8} {'contribution':>12}")
            for ev in reasons.get("evidence", []):
                print(f"  {ev['means'][:58]:<58} {ev['value']:>8.3f} {ev['weight']:>+8.2f} {ev['contribution']:>+12.2f}")
            print(f"  {'bias':<58} {'':>8} {'':>8} {reasons['bias']:>+12.2f}")
            if "same_happening" in reasons:
                print("  same happening (the clusterer's model): " + _safe(reasons["same_happening"]["decided"]))
            for k, v in reasons.get("details", {}).items():
                print(f"  {k}: {_safe(str(v))}")
        else:
            for k, v in reasons.items():
                print(f"  {k}: {v}")
    return 0


def cmd_stories(args) -> int:
    stories = api.stories(_open(args), limit=args.limit)
    if args.json:
        _print_json(stories)
        return 0
    if args.format and args.format != "text":
        write_rows(iter(stories), args.format)
        return 0
    for st in stories:
        span = f"{(st['first_time'] or '?')[:10]}..{(st['last_time'] or '?')[:10]}"
        print(f"{_safe(st['id'])}  {span}  {len(st['events'])} events  {st['articles']} articles  "
              f"{_clip(st['title'], 80)}")
        for e in st["events"]:
            print(f"    {_safe(e)}")
    return 0


def cmd_brief(args) -> int:
    store = _open(args)
    if store.get_event(args.event) is None:
        print(f"tidings: no event {args.event!r} in {args.db}; `tidings events` lists them.",
              file=sys.stderr)
        return 2
    print(api.event_brief(store, args.event, lang=args.lang, fmt=args.format))
    return 0


def cmd_reread(args) -> int:
    store = _open(args)
    if args.event is not None and store.get_event(args.event) is None:
        print(f"tidings: no event {args.event!r} in {args.db}; `tidings events` lists them.",
              file=sys.stderr)
        return 2
    print(f"tidings: {api.reread(store, event_id=args.event).summary()}", file=sys.stderr)
    return 0


def cmd_digest(args) -> int:
    store = _open(args)
    print(api.digest(store, since=args.since, fmt=args.format, lang=args.lang))
    return 0


def cmd_serve(args) -> int:
    from tidings.web.app import serve

    _logging(args.log_level)
    return serve(args.db, host=args.host, port=args.port, token=args.token,
                 log_level=args.log_level,
                 access_log=args.access_log or args.log_level in ("info", "debug")) or 0


def cmd_demo(args) -> int:
    from tidings import demo

    store = _open(args, create=True)
    report = api.ingest([str(demo.CORPUS)], store, progress=sys.stderr.isatty(), on_problem=_warn)
    print(f"Demo corpus → {store.url}: {report.summary()}\n")
    print("Articles (id, language, date, where the date came from, outlet, title):")
    args.limit, args.json = None, False
    cmd_articles(args)
    print("\nEvents:")
    args.since = args.lang = None
    cmd_events(args)
    articles = store.articles()
    gold = demo.gold_for(articles)
    pred = {a.id: e for a in articles if a.id in gold and (e := store.event_of(a.id))}
    scores = api.evaluate(pred, gold)
    print(f"\nAgainst the demo's gold labels: BCubed F1 {scores['bcubed_f1']:.3f} "
          f"(P {scores['bcubed_precision']:.3f}, R {scores['bcubed_recall']:.3f}) "
          f"on {len(gold)} articles")
    return 0


# --- exchange formats: one helper for every listing (articles, events, stories) ---
FORMATS = ("text", "json", "jsonl", "csv")


def _format_of(args) -> str:
    """--format, with the older --json meaning JSON Lines (as it always printed)."""
    fmt = getattr(args, "format", None) or "text"
    return "jsonl" if fmt == "text" and getattr(args, "json", False) else fmt


def write_rows(rows, fmt: str, out=None) -> int:
    """Write dict rows as `fmt`: "json" (one JSON array, streamed), "jsonl" (one object per
    line) or "csv" (a header from the first row; lists joined with "; ", objects as JSON).
    Returns the number of rows."""
    import csv

    out = out or sys.stdout
    n = 0
    if fmt == "json":
        out.write("[")
        for row in rows:
            out.write(("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False))
            n += 1
        out.write("\n]\n" if n else "]\n")
        return n
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore",
                                        lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
            n += 1
        return n
    raise _Refused(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _csv_cell(value):
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def _read_url_list(path: str) -> list[str]:
    """URLs one per line (blank lines and # comments ignored); "-" reads standard input."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise _Refused(f"cannot read --urls {path}: {getattr(e, 'strerror', None) or e}") from None
    urls: list[str] = []
    bad: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        (urls if _is_url(line) else bad).append(line if _is_url(line) else f"line {number}")
    if bad:
        print(f"tidings: note: {path}: not http(s) URLs, skipped: {', '.join(bad[:10])}",
              file=sys.stderr)
    return urls


def _logging(level: str) -> None:
    import logging

    logging.basicConfig(level=getattr(logging, level.upper(), logging.INFO),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)


def cmd_feeds(args) -> int:
    store = _open(args, create=args.action in ("add", "import"))
    if args.action == "add":
        if not args.urls:
            raise _Refused("feeds add takes one or more feed URLs")
        for url in args.urls:
            if not _is_url(url):
                raise _Refused(f"{url!r} is not an http(s) URL")
            added = store.add_feed(url, args.name)
            print(f"{'added' if added else 'already there'}: {_safe(url)}")
        return 0
    if args.action == "remove":
        missing = [u for u in args.urls if not store.remove_feed(u)]
        for u in missing:
            print(f"tidings: no feed {_safe(u)}; `tidings feeds list` shows them", file=sys.stderr)
        return 1 if missing else 0
    if args.action == "import":
        from tidings.sources.feeds import read_opml

        if len(args.urls) != 1:
            raise _Refused("feeds import takes one OPML file")
        try:
            listed = read_opml(Path(args.urls[0]).read_bytes())
        except (OSError, ValueError) as e:
            raise _Refused(f"cannot read {args.urls[0]}: {getattr(e, 'strerror', None) or e}") from None
        new = sum(store.add_feed(url, name) for url, name in listed if _is_url(url))
        print(f"{args.urls[0]}: {len(listed)} feeds, {new} new")
        return 0
    if args.action == "export":
        from tidings.sources.feeds import write_opml

        sys.stdout.write(write_opml([(f.url, f.name) for f in store.feeds()]))
        return 0
    fmt = args.format or "text"
    feeds = store.feeds()
    if fmt != "text":
        write_rows((f.to_dict() for f in feeds), fmt)
        return 0
    for f in feeds:
        state = f.last_status or "never polled"
        print(f"{f.id:4}  {_clip(f.url, 60):60}  {state:12}  {(f.last_poll or '-')[:19]:19}  "
              f"{f.entries:5} entries  {f.not_modified:4} x 304"
              + (f"  error: {_clip(f.last_error, 80)}" if f.last_error else ""))
    return 0


def cmd_watch(args) -> int:
    import signal
    import threading

    from tidings.watch import Monitor, parse_every

    try:
        every = parse_every(args.every)
    except ValueError as e:
        raise _Refused(str(e)) from None
    for folder in args.folders:
        if not Path(folder).exists():
            raise _Refused(f"no such folder {folder}; watch takes folders to read new files from")
    _logging(args.log_level)
    store = _open(args, create=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    monitor = Monitor(store, args.folders, on_problem=None if args.quiet else _warn)
    if not store.feeds() and not args.folders:
        print("tidings: note: no feeds and no folders to watch yet; add feeds with "
              "`tidings feeds add URL` (they are picked up at the next poll)", file=sys.stderr)
    print(f"tidings: watching {len(store.feeds())} feeds and {len(args.folders)} folders every "
          f"{args.every}; Ctrl-C to stop", file=sys.stderr)
    try:
        monitor.run(every, stop=stop, max_polls=args.polls)
    finally:
        monitor.fetcher.close()
    return 0


def cmd_export(args) -> int:
    store = _open(args)
    rows = _export_rows(store)
    if args.out and sys.stderr.isatty():
        from tqdm import tqdm

        rows = tqdm(rows, total=store.count_articles(), unit=" articles", file=sys.stderr,
                    mininterval=0.5, leave=False)
    if args.format == "parquet":
        if not args.out:
            raise _Refused("--format parquet writes a binary file: give --out FILE.parquet")
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise _Refused("parquet export needs pyarrow: pip install 'tidings[parquet]'") from None
        writer = None
        n = 0
        batch: list[dict] = []
        try:
            for row in rows:
                batch.append(row)
                if len(batch) >= 1000:
                    table = pa.Table.from_pylist(batch, schema=writer.schema if writer else None)
                    writer = writer or pq.ParquetWriter(args.out, table.schema)
                    writer.write_table(table)
                    n, batch = n + len(batch), []
            if batch or writer is None:
                table = pa.Table.from_pylist(batch, schema=_EXPORT_SCHEMA(pa) if not batch else
                                             (writer.schema if writer else None))
                writer = writer or pq.ParquetWriter(args.out, table.schema)
                writer.write_table(table)
                n += len(batch)
        finally:
            if writer is not None:
                writer.close()
        print(f"tidings: {n} articles written to {args.out}", file=sys.stderr)
        return 0
    out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        n = write_rows(rows, args.format, out)
    finally:
        if args.out:
            out.close()
    if args.out:
        print(f"tidings: {n} articles written to {args.out}", file=sys.stderr)
    return 0


_EXPORT_COLUMNS = ("id", "url", "source", "lang", "date", "date_source", "title", "author",
                   "text", "duplicate_of", "status", "event_id", "event_title", "event_languages",
                   "event_articles", "story_id")


def _EXPORT_SCHEMA(pa):
    ints = {"event_articles"}
    return pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in _EXPORT_COLUMNS])


def _export_rows(store, page: int = 500):
    """Every article with its event, in arrival order, a page at a time (bounded memory)."""
    offset = 0
    while True:
        articles = store.articles(limit=page, offset=offset)
        if not articles:
            return
        offset += len(articles)
        events_of = store.events_of_articles([a.id for a in articles])
        events = {e.id: e for e in store.events(ids=set(events_of.values()))} if events_of else {}
        story_of = {eid: store.story_of(eid) for eid in events} if hasattr(store, "story_of") else {}
        for a in articles:
            e = events.get(events_of.get(a.id, ""))
            yield {
                "id": a.id, "url": a.url, "source": a.source, "lang": a.lang, "date": a.date,
                "date_source": a.date_source, "title": a.title, "author": a.author, "text": a.text,
                "duplicate_of": a.duplicate_of, "status": a.status,
                "event_id": e.id if e else None, "event_title": e.title if e else None,
                "event_languages": ",".join(e.languages) if e else None,
                "event_articles": e.size if e else None,
                "story_id": story_of.get(e.id) if e else None,
            }


def _day(value: str) -> str:
    """--since: a real day, so a typo is refused rather than silently filtering nothing."""
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD (e.g. 2026-01-28)") from None


def _lang(value: str) -> str:
    """A language as stored: ISO 639-1, lower case ("EN", "en-GB" and "en_US" are en)."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    if not (2 <= len(code) <= 3 and code.isalpha()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code; use ISO 639-1 (en, ru, hi...)")
    return code


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of workers (1 or more)")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tidings",
        description="Multilingual news event intelligence: which articles report the same "
        "happening, across languages and scripts, and what happened.",
    )
    from tidings import __version__

    p.add_argument("--version", action="version", version=f"tidings {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db(sp):
        sp.add_argument("--db", default=default_db(),
                        help="SQLite database file, or a postgresql://user@host/dbname URL "
                        "(default: $TIDINGS_DB, else tidings.db)")

    def fmt(sp):
        sp.add_argument("--format", choices=FORMATS, default=None,
                        help="text (default), json (one array), jsonl (one object per line), csv")

    s = sub.add_parser("ingest", help="read articles (files, folders, URLs, - for stdin) into the store")
    s.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, http(s) URLs, - for stdin")
    s.add_argument("--urls", metavar="FILE", help="a file of page URLs, one per line, fetched politely")
    s.add_argument("-q", "--quiet", action="store_true", help="print only the closing summary")
    s.add_argument("--workers", type=_workers, default=1,
                   help="read, clean and embed in this many processes (default: 1, this one)")
    db(s)
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("backfill", help="ingest on several processes or a Ray cluster (same events as ingest)")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local: a process pool; ray: a Ray cluster (default: local)")
    s.add_argument("--address", help="Ray cluster to join (default: start one here)")
    s.add_argument("--workers", type=_workers, help="worker processes (default: the CPUs)")
    s.add_argument("-q", "--quiet", action="store_true", help="print only the closing summary")
    db(s)
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("articles", help="list stored articles")
    s.add_argument("--json", action="store_true", help="one JSON object per line (= --format jsonl)")
    fmt(s)
    s.add_argument("--limit", type=int)
    db(s)
    s.set_defaults(func=cmd_articles)

    s = sub.add_parser("events", help="list events")
    s.add_argument("--json", action="store_true", help="one JSON object per line (= --format jsonl)")
    fmt(s)
    s.add_argument("--since", type=_day, help="only events going on since this date (YYYY-MM-DD)")
    s.add_argument("--lang", type=_lang, help="only events with articles in this language (ISO 639-1)")
    s.add_argument("--limit", type=int)
    db(s)
    s.set_defaults(func=cmd_events)

    s = sub.add_parser("show", help="one event and its articles")
    s.add_argument("event")
    s.add_argument("--json", action="store_true")
    db(s)
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("cluster", help="stateless: cluster a JSONL file, print {id, event} per line")
    s.add_argument("file", metavar="FILE.jsonl")
    s.add_argument("--out", help="write here instead of standard output")
    s.add_argument("-q", "--quiet", action="store_true", help="do not print what was skipped and why")
    s.set_defaults(func=cmd_cluster)

    s = sub.add_parser("eval", help="BCubed and pairwise precision/recall/F1 of PRED against GOLD")
    s.add_argument("pred", metavar="PRED.jsonl")
    s.add_argument("gold", metavar="GOLD.jsonl")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("compare", help="similarity of two articles (ids in the store, or files), and why")
    s.add_argument("a")
    s.add_argument("b")
    s.add_argument("--json", action="store_true")
    db(s)
    s.set_defaults(func=cmd_compare)

    s = sub.add_parser("stories", help="stories: the events of one developing chain, over days to weeks")
    db(s)
    s.add_argument("--json", action="store_true")
    s.add_argument("--limit", type=int, default=None)
    fmt(s)
    s.set_defaults(func=cmd_stories)

    s = sub.add_parser("brief", help="an event explained: headline, summary, timeline, names, quotes, figures")
    s.add_argument("event")
    s.add_argument("--format", choices=["md", "json", "html"], default="md")
    s.add_argument("--lang", type=_lang, default="en", help="reader's language (default: en)")
    db(s)
    s.set_defaults(func=cmd_brief)

    s = sub.add_parser("reread", help="read stored articles' names, figures and dates again with this "
                       "version's readers (after an upgrade); events are kept")
    s.add_argument("--event", help="only this event's articles")
    db(s)
    s.set_defaults(func=cmd_reread)

    s = sub.add_parser("digest", help="the period's events ranked by coverage and growth")
    s.add_argument("--since", type=_day, help="YYYY-MM-DD")
    s.add_argument("--format", choices=["md", "html"], default="md")
    s.add_argument("--lang", type=_lang, default="en")
    db(s)
    s.set_defaults(func=cmd_digest)

    s = sub.add_parser("serve", help="web app and HTTP API")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--token", help="API token required for POST (default: $TIDINGS_API_TOKEN)")
    s.add_argument("--log-level", default="warning", choices=["debug", "info", "warning", "error"],
                   help="what the server logs to standard error (default: warning)")
    s.add_argument("--access-log", action="store_true",
                   help="log every request (method, path, status); also on with --log-level info or debug")
    db(s)
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("feeds", help="the RSS/Atom feeds `tidings watch` polls: add, list, remove, import, export")
    s.add_argument("action", choices=["add", "list", "remove", "import", "export"])
    s.add_argument("urls", nargs="*", metavar="URL|FILE", help="feed URLs (add, remove) or an OPML file (import)")
    s.add_argument("--name", help="a name for the feed (add)")
    fmt(s)
    db(s)
    s.set_defaults(func=cmd_feeds)

    s = sub.add_parser("watch", help="poll the feeds (and FOLDERs) on a schedule and ingest what is new")
    s.add_argument("folders", nargs="*", metavar="FOLDER", help="folders whose new files are ingested")
    s.add_argument("--every", default="10m", help="time between polls: 30s, 10m, 1h (default: 10m)")
    s.add_argument("--polls", type=int, help="stop after this many polls (default: run until stopped)")
    s.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    s.add_argument("-q", "--quiet", action="store_true", help="do not print each skipped input")
    db(s)
    s.set_defaults(func=cmd_watch)

    s = sub.add_parser("export", help="every article with its event, as parquet, csv or jsonl")
    s.add_argument("--format", choices=["parquet", "csv", "jsonl", "json"], default="jsonl")
    s.add_argument("--out", help="write here (required for parquet; default: standard output)")
    db(s)
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("demo", help="ingest the bundled demo corpus and print what was understood")
    db(s)
    s.set_defaults(func=cmd_demo)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("tidings: interrupted; what was stored so far is kept, run again to finish.",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except _Refused as e:
        print(f"tidings: {e}", file=sys.stderr)
        return 2
    except StoreError as e:  # the store's message says what happened and what to do
        print(f"tidings: {_safe(str(e))}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
