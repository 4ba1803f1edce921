"""A throwaway PostgreSQL server for the store tests, when its programs are installed.

Debian's `postgresql` package puts initdb and pg_ctl under /usr/lib/postgresql/N/bin
(.ci/run installs it). The server runs from a temporary folder, listening only on a unix
socket there, as an unprivileged user when we are root (PostgreSQL refuses to run as
root), and is stopped at the end of the session. Each test gets a database of its own.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


def _pg_bin() -> Path | None:
    for folder in sorted(glob.glob(PG_BIN_GLOB), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def _as_user() -> list[str]:
    """The command prefix that runs a program as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    pytest.skip("running as root with no unprivileged user to run PostgreSQL as")


@pytest.fixture(scope="session")
def postgres_server():
    """(socket folder, port, user) of a running server; skips when PostgreSQL is absent."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install -e '.[test]' installs it)")
    pg_bin = _pg_bin()
    if pg_bin is None:
        pytest.skip("PostgreSQL server programs not found (initdb, pg_ctl under "
                    f"{PG_BIN_GLOB}); install Debian's postgresql to run these tests")
    prefix = _as_user()
    root = Path(tempfile.mkdtemp(prefix="tidings-pg-"))
    data = root / "data"
    if prefix:
        user = prefix[2]
        info = pwd.getpwnam(user)
        os.chown(root, info.pw_uid, info.pw_gid)
    port = 54000 + os.getpid() % 1000
    subprocess.run([*prefix, str(pg_bin / "initdb"), "-D", str(data), "-U", "tidings",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
                   check=True, capture_output=True)
    opts = f"-k {root} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    started = subprocess.run([*prefix, str(pg_bin / "pg_ctl"), "-D", str(data), "-o", opts,
                              "-l", str(root / "log"), "-w", "-t", "60", "start"],
                             capture_output=True, text=True)
    if started.returncode != 0:
        log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
        pytest.fail(f"PostgreSQL did not start: {started.stderr}\n{log[-2000:]}")
    try:
        yield str(root), port, "tidings"
    finally:
        subprocess.run([*prefix, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


_counter = itertools.count()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The URL of a new, empty database on the throwaway server."""
    import psycopg

    socket_dir, port, user = postgres_server
    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(host=socket_dir, port=port, user=user, dbname="postgres",
                         autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://{user}@/{name}?host={socket_dir}&port={port}"
