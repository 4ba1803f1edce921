"""The `tidings` command: parse options, call the library, print. Nothing else lives here."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from tidings import api
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
    store = _open(args, create=True)
    if "-" in args.paths and sys.stdin.isatty():
        print("tidings: reading articles from standard input; end with Ctrl-D", file=sys.stderr)
    report = api.ingest(args.paths, store, progress=not args.quiet and sys.stderr.isatty(),
                        on_problem=None if args.quiet else _warn)
    print(f"{store.url}: {report.summary()}")
    for p in report.skipped:
        print(f"  skipped {_safe(p.message())}")
    if report.ingested == 0 and report.already_stored == 0:
        print("tidings: nothing could be ingested; see the reasons above.", file=sys.stderr)
        return 1
    return 0


def cmd_articles(args) -> int:
    store = _open(args)
    for a in store.articles(limit=args.limit):
        if args.json:
            d = a.to_dict()
            d.pop("raw", None)
            _print_json(d)
        else:
            print(f"{_safe(a.id)}  {_safe(a.lang or '??'):2}  {_safe((a.date or '-')[:16]):16}  "
                  f"{(a.date_source or '-'):8}  {_clip(a.source, 18):18}  {_clip(a.title, 70)}"
                  + (f"  [duplicate of {a.duplicate_of}]" if a.duplicate_of else "")
                  + (f"  [{a.status}]" if a.status != "ok" else ""))
    return 0


def _event_row(e) -> dict:
    return {
        "id": e.id, "title": e.title, "first": e.first_time, "last": e.last_time,
        "languages": e.languages, "articles": e.size, "sources": len(e.sources),
    }


def cmd_events(args) -> int:
    store = _open(args)
    for e in store.events(since=args.since, lang=args.lang, limit=args.limit):
        if args.json:
            _print_json(_event_row(e))
        else:
            print(f"{_safe(e.id):24}  {(e.first_time or '-')[:16]:16} → {(e.last_time or '-')[:16]:16}  "
                  f"{','.join(e.languages):12}  {e.size:3} art {len(e.sources):2} src  "
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
          f"{event.size} articles from {len(event.sources)} sources")
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
        for item_id, event in api.cluster_records(read([args.file]),
                                                  on_problem=None if args.quiet else _warn):
            out.write(json.dumps({"id": item_id, "event": event}, ensure_ascii=False) + "\n")
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
        for k, v in d.get("reasons", {}).items():
            print(f"  {k}: {v}")
    return 0


def cmd_brief(args) -> int:
    store = _open(args)
    if store.get_event(args.event) is None:
        print(f"tidings: no event {args.event!r} in {args.db}; `tidings events` lists them.",
              file=sys.stderr)
        return 2
    print(api.event_brief(store, args.event, lang=args.lang, fmt=args.format))
    return 0


def cmd_digest(args) -> int:
    store = _open(args)
    print(api.digest(store, since=args.since, fmt=args.format, lang=args.lang))
    return 0


def cmd_serve(args) -> int:
    from tidings.web.app import serve

    return serve(args.db, host=args.host, port=args.port, token=args.token) or 0


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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tidings",
        description="Multilingual news event intelligence: which articles report the same "
        "happening, across languages and scripts, and what happened.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db(sp):
        sp.add_argument("--db", default=default_db(),
                        help="SQLite database file, or a postgresql://user@host/dbname URL "
                        "(default: $TIDINGS_DB, else tidings.db)")

    s = sub.add_parser("ingest", help="read articles (files, folders, - for stdin) into the store")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("-q", "--quiet", action="store_true", help="print only the closing summary")
    db(s)
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("articles", help="list stored articles")
    s.add_argument("--json", action="store_true", help="one JSON object per line")
    s.add_argument("--limit", type=int)
    db(s)
    s.set_defaults(func=cmd_articles)

    s = sub.add_parser("events", help="list events")
    s.add_argument("--json", action="store_true", help="one JSON object per line")
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

    s = sub.add_parser("brief", help="an event explained: headline, summary, timeline, names, quotes, figures")
    s.add_argument("event")
    s.add_argument("--format", choices=["md", "json", "html"], default="md")
    s.add_argument("--lang", type=_lang, default="en", help="reader's language (default: en)")
    db(s)
    s.set_defaults(func=cmd_brief)

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
    db(s)
    s.set_defaults(func=cmd_serve)

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
