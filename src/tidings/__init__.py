"""Tidings: multilingual news event intelligence.

Raw articles in many languages -> clean, dated, language-tagged records -> events (one per
real-world happening, across languages and scripts) -> briefs. See tidings.api for the
Python API; the `tidings` command and the web app are thin layers over it.
"""

from tidings.threads import one_blas_thread, passive_openmp_waits

one_blas_thread()  # before numpy is imported below; see tidings.threads
passive_openmp_waits()  # before the embedding model loads; see tidings.threads

from tidings.api import (  # noqa: E402
    IngestReport,
    Pipeline,
    backfill,
    cluster_records,
    compare,
    digest,
    evaluate,
    event_brief,
    ingest,
    ingest_raw,
    open_store,
    reread,
    understand_article,
)
from tidings.brief.evaluate import evaluate_brief  # noqa: E402
from tidings.config import DEFAULT, Config  # noqa: E402
from tidings.records import Article, Event, Features, Figure, Mention, Problem, RawArticle  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "Article", "Config", "DEFAULT", "Event", "Features", "Figure", "IngestReport", "Mention",
    "Pipeline", "Problem", "RawArticle", "backfill", "cluster_records", "compare", "digest",
    "event_brief", "evaluate", "evaluate_brief", "ingest", "ingest_raw", "open_store",
    "reread", "understand_article",
]
