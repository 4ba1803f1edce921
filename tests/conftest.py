import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


def tidings_command() -> list[str]:
    """The installed `tidings` command (the venv's), else the module."""
    exe = Path(sys.executable).with_name("tidings")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tidings.cli"]


def command_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found at {SEEDS}: the seed articles are read at run time")
    return SEEDS


@pytest.fixture
def seed_files(seeds_dir) -> dict[str, Path]:
    """The seed files keyed by their number: {"000": Path, ...}."""
    return {p.name[:3]: p for p in sorted(seeds_dir.glob("*.txt"))}


from pg_server import postgres_server, postgres_url  # noqa: E402,F401  (fixtures)


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request, tmp_path):
    """A new, empty store of each implementation: the shared store suite runs on both
    (PostgreSQL on a throwaway server, skipped with the reason when none is installed)."""
    from tidings.store import open_store

    target = str(tmp_path / "t.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    s = open_store(target)
    yield s
    s.close()
