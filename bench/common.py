"""What every benchmark script shares: peak memory, and writing its table to bench/results."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb(children: bool = False) -> float:
    """Largest resident set of this process (plus its largest child's), in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if children:
        peak += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return peak


def write_result(path: str | Path, text: str) -> Path:
    """Write a results table (markdown), creating bench/results if needed."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return out
