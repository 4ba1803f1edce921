"""numpy's OpenBLAS runs one thread once tidings is imported, whether numpy came first or
not (its spinning threads took a core from the learner and the embedding model); a
number the user chose stays. OpenMP threads (the model's) sleep while they wait."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import ctypes, sys
{first}
import tidings
import numpy
paths = sorted({{l.split(None, 5)[-1].strip() for l in open('/proc/self/maps') if 'openblas' in l.lower()}})
for p in paths:
    lib = ctypes.CDLL(p)
    for name in ('scipy_openblas_get_num_threads64_', 'openblas_get_num_threads'):
        if hasattr(lib, name):
            print(getattr(lib, name)()); sys.exit(0)
print('none')
"""


def _threads(first: str, env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    if env_value is not None:
        env["OPENBLAS_NUM_THREADS"] = env_value
    out = subprocess.run([sys.executable, "-c", PROBE.format(first=first)], env=env,
                         capture_output=True, text=True, check=True).stdout.strip()
    if out == "none":
        pytest.skip("numpy here is not linked to OpenBLAS")
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_one_blas_thread_whether_numpy_came_first_or_not():
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: OpenBLAS runs one thread anyway")
    assert _threads("", None) == "1"
    assert _threads("import numpy", None) == "1"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_the_users_blas_threads_are_kept():
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core")
    assert _threads("import numpy", "2") == "2"


def test_openmp_threads_sleep_while_waiting_unless_the_user_chose():
    show = "import os, tidings; print(os.environ['OMP_WAIT_POLICY'])"
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    out = subprocess.run([sys.executable, "-c", show], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "PASSIVE"
    out = subprocess.run([sys.executable, "-c", show], env=dict(env, OMP_WAIT_POLICY="ACTIVE"),
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ACTIVE"
