"""Parallel stages: reading, cleaning and embedding as map stages over chunks of input, in
a local process pool (`tidings ingest --workers N`) or on Ray (`tidings backfill --engine
ray`); the online clustering and the store writes stay in this process, in input order, so
the events are those of a serial `tidings ingest` of the same input.

What a worker does cannot depend on what is stored, so it works speculatively and this
process checks each result against the store, in order, before using it:
- Cleaning drops lines an outlet repeats across its articles (counted in the store). A
  worker cleans without that filter and records the lines it would have counted; here the
  real filter counts them in order, and only an article where it then drops a line is
  cleaned again (with that decision, so nothing is counted twice).
- Embeddings depend on the embedded text only: a worker's vector is used when the text
  embedded here is the one it embedded, else the model runs here.
- Names, figures and dates (cheap) run here, because Hindi name recognition reads the
  names already stored and the names of the batch.
Duplicates, ids already stored, the clusterer and every store write are the serial
pipeline's own code (tidings.pipeline.Pipeline), so nothing else can differ.
"""

from __future__ import annotations

import os
import re
import sys
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from tidings.config import DEFAULT, Config
from tidings.pipeline import IngestReport, Pipeline
from tidings.records import Article, Problem, RawArticle
from tidings.store import Store

Item = RawArticle | Problem
RAY_PIP = "pip install 'tidings[ray]'  (or: pip install ray==2.60.0)"
_LETTER = re.compile(r"[^\W\d_]")  # as tidings.understand: letterless text is not embedded


@dataclass
class FileUnit:
    """A regular file, read in a worker."""

    path: str
    origin: str
    folder: str | None = None  # as RawArticle.folder


Work = FileUnit | RawArticle | Problem


@dataclass
class Prepared:
    """A worker's speculative work on one article (see the module's docstring)."""

    raw: RawArticle
    article: Article
    outlet_calls: list[tuple[str, list[str]]]
    embedded: str | None = None  # the text embedded, None when it has no letter
    vector: np.ndarray | None = None


@dataclass
class Stats:
    """How much of the workers' work was used (for benchmarks and tests)."""

    prepared: int = 0  # articles prepared in workers
    recleaned: int = 0  # cleaned again here: the outlet-line filter dropped a line
    cleaned_here: int = 0  # no worker result (an id rewritten for a clash, a failed chunk)
    embedded_here: int = 0  # texts the model embedded in this process
    failed_chunks: int = 0


# --- planning: the input in the order `tidings.sources.read` reads it ---
def plan(paths: Iterable[str], config: Config = DEFAULT, workers_read: bool = True) -> Iterator[Work]:
    """FileUnits for regular files a worker can read, and records read here for the rest
    (JSON Lines, streamed and split across workers by line; standard input; pipes;
    problems), in the order of `tidings.sources.read`: folders are walked by the same
    `sources.files.walk_folder` (sorted, hidden skipped, links read once). `workers_read=False` (workers on other
    machines, which cannot see our files): every record is read here."""
    from tidings.sources import read
    from tidings.sources.files import _os_reason, _printable_name

    for p in paths:
        p = str(p)
        path = Path(p)
        if workers_read and p != "-" and p.strip():
            try:
                if path.is_dir():
                    yield from _walk(path, _printable_name(p), config, {})
                    continue
                if path.is_file():
                    yield from _file(path, _printable_name(p), config)
                    continue
            except OSError as e:
                yield Problem(_printable_name(p), f"cannot read: {_os_reason(e)}")
                continue
        yield from read([p], config)  # stdin, pipes, devices, missing paths: read here


def _file(path: Path, origin: str, config: Config) -> Iterator[Work]:
    from tidings.sources.files import JSONL_EXT, read_file

    if path.suffix.lower() in JSONL_EXT:
        yield from read_file(path, origin, config)
    else:
        yield FileUnit(str(path), origin)


def _walk(folder: Path, given: str, config: Config, seen: dict[tuple[int, int], str]) -> Iterator[Work]:
    from tidings.sources.files import walk_folder

    yield from walk_folder(folder, given, seen, lambda path, origin: _file(path, origin, config))


def chunks(work: Iterable[Work], size: int) -> Iterator[list[Work]]:
    """Consecutive runs of about `size` articles (a file counts as one)."""
    chunk: list[Work] = []
    for w in work:
        chunk.append(w)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- the map stage (runs in workers) ---
class _Recorder:
    """Stands for OutletLines in a worker: drops nothing, remembers what it was shown."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def filter(self, source: str, lines: list[str]) -> tuple[list[str], list[str]]:
        self.calls.append((source, list(lines)))
        return lines, []


def read_unit(w: FileUnit, config: Config = DEFAULT) -> list[Item]:
    """What the serial reader reads from this file, its folder (RawArticle.folder) kept."""
    from tidings.sources import read_file

    raws = list(read_file(Path(w.path), w.origin, config))
    for r in raws:
        if isinstance(r, RawArticle) and r.folder is None:
            r.folder = w.folder
    return raws


def prepare_chunk(chunk: list[Work], config: Config, embedder: Any) -> list[Prepared | Problem]:
    """Read, clean and embed one chunk, in order. Never raises for bad input: a file that
    cannot be read, or breaks a stage, becomes a Problem naming it."""
    from tidings.clean import clean
    from tidings.understand.embed import text_for

    out: list[Prepared | Problem] = []
    for w in chunk:
        if isinstance(w, Problem):
            out.append(w)
            continue
        raws: list[Item]
        if isinstance(w, FileUnit):
            try:
                raws = read_unit(w, config)
            except Exception as e:  # noqa: BLE001 - a reader bug must not stop the others
                raws = [Problem(w.origin, f"could not be read ({type(e).__name__}: {str(e)[:200]}); "
                                "please report this as a bug")]
        else:
            raws = [w]
        for raw in raws:
            if isinstance(raw, Problem):
                out.append(raw)
                continue
            recorder = _Recorder()
            article = clean(raw, config, recorder)  # type: ignore[arg-type]  # duck-typed OutletLines
            text = text_for(article, config)
            out.append(Prepared(raw, article, recorder.calls, text if _LETTER.search(text) else None))
    wanted = [p for p in out if isinstance(p, Prepared) and p.embedded is not None]
    if wanted:
        try:
            vectors = embedder.embed([p.embedded for p in wanted])
            for p, v in zip(wanted, vectors):
                p.vector = v
        except Exception:  # noqa: BLE001, S110 - no vector: the main process embeds it, and says so in Stats
            pass
    return out


_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, threads: int) -> None:
    """Once per worker process: the model is loaded here, not per chunk. Threads are
    capped so that the workers together use the cores, not more."""
    os.environ["OMP_NUM_THREADS"] = str(max(1, threads))
    from tidings.understand.embed import Embedder

    embedder = Embedder()
    embedder.model  # noqa: B018 - load it now, before the first chunk arrives
    _WORKER["config"], _WORKER["embedder"] = config, embedder


def _work(chunk: list[Work]) -> list[Prepared | Problem]:
    return prepare_chunk(chunk, _WORKER["config"], _WORKER["embedder"])


def _threads_per_worker(workers: int) -> int:
    return max(1, (os.cpu_count() or 1) // max(1, workers))


# --- engines: run prepare_chunk over chunks, results in input order ---
class Engine(Protocol):
    workers_read: bool  # whether workers see this machine's files (else records are sent)

    def map(self, chunks: Iterable[list[Work]]) -> Iterator[list[Prepared | Problem] | BaseException]:
        """Each chunk's result, in the order given; an exception when its worker failed."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    """A pool of `workers` processes on this machine (spawned: safe with threads and on
    every platform)."""

    workers_read = True

    def __init__(self, workers: int, config: Config = DEFAULT) -> None:
        self.workers = max(1, workers)
        self.config = config
        self._pool: ProcessPoolExecutor | None = self._new_pool()
        self._broken = 0

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=get_context("spawn"), initializer=_init_worker,
            initargs=(self.config, _threads_per_worker(self.workers)),
        )

    def map(self, chunks: Iterable[list[Work]]) -> Iterator[list[Prepared | Problem] | BaseException]:
        ahead = self.workers * max(1, self.config.parallel_prefetch_chunks)
        pending: deque[Future] = deque()
        source = iter(chunks)
        while True:
            while len(pending) < ahead:
                chunk = next(source, None)
                if chunk is None:
                    break
                pending.append(self._submit(chunk))
            if not pending:
                return
            try:
                yield pending.popleft().result()
            except Exception as e:  # noqa: BLE001 - the caller prepares this chunk itself
                if isinstance(e, BrokenProcessPool):
                    self._replace_pool()
                yield e

    def _submit(self, chunk: list[Work]) -> Future:
        if self._pool is not None:
            try:
                return self._pool.submit(_work, chunk)
            except (BrokenProcessPool, RuntimeError):
                self._replace_pool()
        failed: Future = Future()
        failed.set_exception(RuntimeError("the worker processes could not start or keep failing"))
        return failed

    def _replace_pool(self) -> None:
        """A worker died (killed, out of memory): start new ones, twice at most; past that
        the caller prepares every chunk itself rather than spawn without end."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._broken += 1
        self._pool = self._new_pool() if self._broken <= 2 else None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run here; the message says what to install or fix."""


def ray_module() -> Any:
    """Ray, or a clear refusal naming the install command."""
    try:
        import ray
    except ImportError:
        raise EngineUnavailable(f"--engine ray needs Ray, which is not installed: {RAY_PIP}") from None
    return ray


class _RayPreparer:
    """A Ray actor: loads the model once, then prepares the chunks sent to it."""

    def __init__(self, config: Config, threads: int) -> None:
        _init_worker(config, threads)

    def prepare(self, chunk: list[Work]) -> list[Prepared | Problem]:
        return _work(chunk)


class RayEngine:
    """Actors on a Ray cluster: the one at `address`, else a local instance started (and
    stopped) here with `workers` CPUs. On a cluster, tidings must be installed on every
    node (the same version); files are read here and their records sent."""

    def __init__(self, workers: int | None = None, address: str | None = None,
                 config: Config = DEFAULT) -> None:
        import logging

        ray = ray_module()
        self.ray = ray
        self.config = config
        self.workers_read = address is None  # a cluster's nodes do not see our files
        self._started = not ray.is_initialized()
        if self._started:
            options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                       "logging_level": logging.ERROR}
            try:
                if address:
                    ray.init(address=address, **options)
                else:
                    ray.init(num_cpus=workers or os.cpu_count() or 1, **options)
            except Exception as e:  # noqa: BLE001 - Ray raises many kinds; all mean "cannot start"
                where = f"the Ray cluster at {address}" if address else "a local Ray instance"
                raise EngineUnavailable(f"cannot start or reach {where} ({type(e).__name__}: "
                                        f"{str(e)[:300]})") from None
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, workers or cpus)
        # More actors than CPUs share them (whole CPUs would leave the extra ones unplaced).
        actor = ray.remote(num_cpus=min(1.0, cpus / self.workers))(_RayPreparer)
        threads = max(1, cpus // self.workers) if not address else 1
        self._actors = [actor.remote(config, threads) for _ in range(self.workers)]

    def map(self, chunks: Iterable[list[Work]]) -> Iterator[list[Prepared | Problem] | BaseException]:
        ahead = self.workers * max(1, self.config.parallel_prefetch_chunks)
        pending: deque[Any] = deque()
        source = iter(chunks)
        n = 0
        while True:
            while len(pending) < ahead:
                chunk = next(source, None)
                if chunk is None:
                    break
                # Round robin: chunks are about equal, and each actor queues its own.
                pending.append(self._actors[n % len(self._actors)].prepare.remote(chunk))
                n += 1
            if not pending:
                return
            try:
                yield self.ray.get(pending.popleft())
            except Exception as e:  # noqa: BLE001 - a dead actor or a task error
                yield e

    def close(self) -> None:
        for a in self._actors:
            self.ray.kill(a)
        if self._started:
            self.ray.shutdown()


# --- the driver: checks and uses the workers' results, in order, through the pipeline ---
class _Replay:
    """Stands for OutletLines when cleaning again: gives the decisions already counted."""

    def __init__(self, results: list[tuple[list[str], list[str]]]) -> None:
        self._results = iter(results)

    def filter(self, source: str, lines: list[str]) -> tuple[list[str], list[str]]:
        return next(self._results)


class _Vectors:
    """The embedding model as the pipeline's Embedder sees it: the workers' vectors for
    texts they embedded, the real model (loaded here only if needed) for the rest."""

    def __init__(self, stats: Stats) -> None:
        self.stats = stats
        self.known: OrderedDict[str, np.ndarray] = OrderedDict()

    def add(self, text: str, vector: np.ndarray) -> None:
        from tidings.understand.embed import text_hash

        self.known[text_hash(text)] = vector
        while len(self.known) > _WINDOW:
            self.known.popitem(last=False)

    def passage(self, texts: list[str]) -> np.ndarray:
        from tidings.understand.embed import _model, text_hash

        found = [self.known.get(text_hash(t)) for t in texts]
        missing = [t for t, v in zip(texts, found) if v is None]
        fresh = iter(np.asarray(_model().passage(missing), dtype=np.float32).reshape(len(missing), -1)
                     if missing else [])
        self.stats.embedded_here += len(missing)
        return np.stack([v if v is not None else next(fresh) for v in found])


# Records fed to the pipeline but not yet cleaned there: the pipeline holds one batch (32),
# so a few thousand is ample and bounds memory on an archive of millions.
_WINDOW = 4096


class ParallelPipeline(Pipeline):
    """The serial pipeline, with clean and embed taken from the workers when valid."""

    def __init__(self, store: Store, config: Config = DEFAULT) -> None:
        from tidings.understand.embed import Embedder

        self.stats = Stats()
        self.vectors = _Vectors(self.stats)
        self._prepared: OrderedDict[int, Prepared] = OrderedDict()
        super().__init__(store, config, embedder=Embedder(store, model=self.vectors))

    def offer(self, p: Prepared) -> RawArticle:
        """Remember a worker's result; the pipeline gets the raw record it belongs to."""
        self._prepared[id(p.raw)] = p  # the entry keeps p.raw alive, so its id stays unique
        while len(self._prepared) > _WINDOW:
            self._prepared.popitem(last=False)
        if p.embedded is not None and p.vector is not None:
            self.vectors.add(p.embedded, p.vector)
        self.stats.prepared += 1
        return p.raw

    def clean(self, raw: RawArticle) -> Article:
        from tidings.clean import clean

        p = self._prepared.get(id(raw))
        if p is None or p.raw is not raw:
            self.stats.cleaned_here += 1
            return super().clean(raw)
        # Counted here, in order, exactly as serial cleaning counts them.
        results = [self.outlet_lines.filter(source, lines) for source, lines in p.outlet_calls]
        if any(removed for _kept, removed in results):
            self.stats.recleaned += 1
            return clean(raw, self.config, _Replay(results))  # type: ignore[arg-type]
        # A copy: commit sets duplicate_of, and a batch may be prepared again after a failure.
        return replace(p.article, problems=list(p.article.problems))


def _items(engine: Engine, pipeline: ParallelPipeline, work: Iterable[Work], config: Config,
           ) -> Iterator[Item]:
    """The records in input order, each article's worker result handed to the pipeline."""
    fallback: Any = None
    pending = chunks(work, max(1, config.parallel_chunk_articles))
    # Chunks are kept until their result arrives, to prepare them here if a worker fails.
    sent: deque[list[Work]] = deque()

    def remember(source: Iterator[list[Work]]) -> Iterator[list[Work]]:
        for c in source:
            sent.append(c)
            yield c

    for result in engine.map(remember(pending)):
        chunk = sent.popleft()
        if isinstance(result, BaseException):
            # A worker died or could not take the chunk: prepare it here instead, so its
            # articles still go in; the reason is kept as a note.
            from tidings.understand.embed import Embedder

            pipeline.stats.failed_chunks += 1
            fallback = fallback or Embedder(model=pipeline.vectors)
            yield Problem(chunk[0].origin, f"a worker failed on the chunk starting here ({type(result).__name__}: "
                          f"{str(result)[:200]}); it was processed in the main process", fatal=False)
            result = prepare_chunk(chunk, config, fallback)
        for item in result:
            yield pipeline.offer(item) if isinstance(item, Prepared) else item


def run(
    paths: Iterable[str], store: Store, engine: Engine, config: Config = DEFAULT,
    progress: bool = False, on_problem: Callable[[Problem], None] | None = None,
) -> tuple[IngestReport, Stats]:
    """Ingest `paths` into `store` with `engine` doing the map stages; the report is the
    one a serial ingest gives."""
    pipeline = ParallelPipeline(store, config)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, mininterval=0.5, leave=False)
    try:
        work = plan(list(paths), config, workers_read=engine.workers_read)
        report = pipeline.run(_items(engine, pipeline, work, config),
                              on_problem=on_problem, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    return report, pipeline.stats


def make_engine(name: str, workers: int | None = None, address: str | None = None,
                config: Config = DEFAULT) -> Engine:
    """"local" (a process pool of `workers`, default: the CPU count) or "ray"."""
    if name == "local":
        return LocalEngine(workers or os.cpu_count() or 1, config)
    if name == "ray":
        return RayEngine(workers, address, config)
    raise ValueError(f"unknown engine {name!r}; use local or ray")


__all__ = ["plan", "prepare_chunk", "run", "make_engine", "LocalEngine", "RayEngine",
           "ParallelPipeline", "Stats", "RAY_PIP", "EngineUnavailable"]
