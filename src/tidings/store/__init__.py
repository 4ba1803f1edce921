"""Storage. Everything goes through a `Store`; only the store modules write SQL.

`open_store` picks the implementation from what it is given: a file path (SQLite, the
embedded default) or a `postgresql://` URL (a PostgreSQL server).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tidings.store.base import (
    Store,
    StoreBusy,
    StoreError,
    StoreFull,
    StoreNotADatabase,
    StoreTooNew,
    StoreUnavailable,
)
from tidings.store.sqlite import SQLiteStore

DEFAULT_DB = "tidings.db"
ENV_VAR = "TIDINGS_DB"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(//|$)")
POSTGRES_SCHEMES = ("postgresql", "postgres")


class UnknownStoreURL(StoreError, ValueError):
    """A database given as a URL whose scheme no store knows."""


def default_db() -> str:
    """The database to use when none is given: $TIDINGS_DB, else tidings.db."""
    return os.environ.get(ENV_VAR) or DEFAULT_DB


def is_url(target: str | Path) -> bool:
    """Whether `target` names a database by URL (scheme://...) rather than a file path."""
    return isinstance(target, str) and _SCHEME.match(target) is not None


def open_store(target: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the database `target`: a file path for
    SQLite, `sqlite:///path`, or `postgresql://user@host/db` for PostgreSQL. None: $TIDINGS_DB,
    else tidings.db. A URL of any other scheme is refused: it would otherwise become a
    folder named after the scheme with a database file in it."""
    target = default_db() if target is None else target
    if not is_url(target):
        return SQLiteStore(target)
    text = str(target)
    m = _SCHEME.match(text)
    assert m is not None
    scheme = m.group(1).lower()
    if scheme in POSTGRES_SCHEMES:
        if text[len(m.group(0)):] == "":
            raise UnknownStoreURL(f"{text!r} names no PostgreSQL database; use "
                                  "postgresql://user@host/dbname")
        from tidings.store.postgres import PostgresStore

        return PostgresStore(text)
    if scheme == "sqlite":
        path = text[len(m.group(0)):]
        if not path or path == "/":
            raise UnknownStoreURL(f"{text!r} names no file; use sqlite:///path/to/tidings.db")
        # sqlite:///relative.db and sqlite:////abs/path.db, as SQLAlchemy spells them.
        return SQLiteStore(path[1:] if path.startswith("/") else path)
    raise UnknownStoreURL(
        f"{text!r}: unknown database scheme {scheme!r}; give a file path (SQLite) or a "
        "postgresql://user@host/dbname URL"
    )


__all__ = [
    "Store", "SQLiteStore", "open_store", "default_db", "is_url", "UnknownStoreURL",
    "StoreError", "StoreBusy", "StoreNotADatabase", "StoreFull", "StoreUnavailable",
    "StoreTooNew", "DEFAULT_DB", "ENV_VAR",
]
