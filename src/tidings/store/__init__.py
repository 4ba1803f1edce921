"""Storage. Everything goes through a store object; only the store modules write SQL."""

from __future__ import annotations

from pathlib import Path

from tidings.store.sqlite import SQLiteStore

Store = SQLiteStore


def open_store(path: str | Path = "tidings.db") -> SQLiteStore:
    """Open (creating and migrating if needed) the database at `path`."""
    return SQLiteStore(path)


__all__ = ["Store", "SQLiteStore", "open_store"]
