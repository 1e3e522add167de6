"""The batch runner: documents in, mentions or events out, on one core, all cores or a cluster.

The unit of work is :func:`process_document`, a pure function of one
:class:`~geo.io.documents.Document` (picklable in and out). :func:`run` streams the documents
of the inputs from the readers of :mod:`geo.io.documents` in chunks of
:data:`geo.config.PIPELINE_CHUNK_DOCUMENTS` and maps :func:`process_chunk` over them:

- serially, in this process (``workers=1``, or an input of one chunk);
- over a :class:`concurrent.futures.ProcessPoolExecutor` (``workers=N``, default: every core);
  each worker opens the memory-mapped gazetteer index once, in its initializer;
- over Dask: the futures of a ``dask.distributed`` client (``executor=client``;
  :func:`dask_client` makes one for a scheduler address or a LocalCluster), or a
  ``dask.bag`` of chunks computed by Dask's default scheduler (``executor="dask"``).

At most :data:`geo.config.PIPELINE_CHUNKS_IN_FLIGHT_PER_WORKER` chunks per worker are read
ahead, and results come back in input order, one frame per chunk: memory stays flat however
long the corpus, and every executor gives the same rows in the same order. Merging the
incidents several articles report (:func:`geo.events.merge.merge_events`) needs every event,
so it runs after the map step, in this process, in flat memory too (:func:`merged`: the
chunks are spilled to disk, the merge sweeps over the rows' keys a window of days at a
time and builds the merged events a block at a time).

:func:`collect` gathers the frames (the library); :func:`write` streams them into an output
file (``geo parse``, ``geo events``); :func:`build_events` joins them to regions and the
front a block at a time (``geo map``). Nothing else assembles the pipeline.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = path.write_text("date 2020-10-04\\nDes roquettes ont frappé Ganja.")
>>> collect(path, workers=1)[["location", "event_type"]].values.tolist()
[['Ganja', 'Explosions/Remote violence']]
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import itertools
import multiprocessing
import multiprocessing.context
import multiprocessing.util
import os
import signal
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from geo import config
from geo.errors import InputError

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.io.documents import Document, Problem, Progress

__all__ = [
    "Options",
    "build_events",
    "collect",
    "dask_client",
    "default_workers",
    "fill_coordinates",
    "merged",
    "process_chunk",
    "process_document",
    "rows_to_frame",
    "run",
    "write",
]

Task = Literal["events", "mentions"]
#: What :func:`run` maps over: None (serial or a process pool, by ``workers``), an executor
#: of :mod:`concurrent.futures`, a ``dask.distributed.Client`` or ``"dask"`` (Dask's default).
ExecutorArg = concurrent.futures.Executor | str | Any | None


@dataclass(frozen=True, slots=True)
class Options:
    """What :func:`process_document` makes of a document (picklable, sent to workers).

    Attributes
    ----------
    task : {"events", "mentions"}
        Events (``geo events``, ``geo map``) or every place mention (``geo parse``).
    """

    task: Task = "events"


# ------------------------------------------------------------------------------ the unit


def process_document(doc: Document, options: Options) -> list[dict[str, Any]]:
    """The rows of one document: its events, or its place mentions.

    Pure: the result depends on the document and the options only (and the gazetteer,
    opened once per process), so it can run in any worker.

    Examples
    --------
    >>> from geo.io.documents import make_document
    >>> doc = make_document("date 2020-10-04\\nGanja a été frappée par des missiles.")
    >>> [r["mention"] for r in process_document(doc, Options(task="mentions"))]
    ['Ganja']
    >>> [r["location"] for r in process_document(doc, Options())]
    ['Ganja']
    """
    if options.task == "mentions":
        from geo.geoparse import get_geoparser, why_texts
        from geo.lang import LANGUAGES

        lang = doc.lang if doc.lang in LANGUAGES else None
        parsed = get_geoparser().parse_text(
            doc.text, lang=lang, start=doc.body_start, doc_id=doc.doc_id
        )
        whys = why_texts(parsed.mentions)
        return [
            {
                "doc_id": m.doc_id,
                "mention": m.mention,
                "char_start": m.char_start,
                "char_end": m.char_end,
                "name": m.place.name,
                "kind": m.place.kind,
                "country_code": m.place.country_code,
                "gazetteer_id": m.place.id,
                "latitude": m.place.latitude,
                "longitude": m.place.longitude,
                "score": m.score,
                "lang": parsed.lang,
                "why": why,
            }
            for m, why in zip(parsed.mentions, whys, strict=True)
        ]
    from geo.events.engine import event_rows

    return event_rows(doc)


def rows_to_frame(rows: Sequence[dict[str, Any]], *, task: Task = "events") -> gpd.GeoDataFrame:
    """One frame (EPSG:4326) of the rows of :func:`process_document`, built once per batch.

    Events get :data:`geo.schema.EVENT_COLUMNS`; mentions the columns of
    :func:`geo.geoparse.mentions_to_frame`.

    Examples
    --------
    >>> rows_to_frame([], task="mentions").columns.tolist()[:3]
    ['doc_id', 'mention', 'char_start']
    """
    if task == "events":
        from geo.schema import events_to_frame

        return events_to_frame(rows)
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from geo.geoparse import MENTION_COLUMNS

    n = len(rows)
    lat = np.fromiter((r["latitude"] for r in rows), dtype=float, count=n)
    lon = np.fromiter((r["longitude"] for r in rows), dtype=float, count=n)
    data: dict[str, Any] = {}
    for name in MENTION_COLUMNS:
        if name in ("char_start", "char_end"):
            data[name] = np.fromiter((r[name] for r in rows), dtype=np.int64, count=n)
        elif name == "latitude":
            data[name] = lat
        elif name == "longitude":
            data[name] = lon
        elif name == "score":
            data[name] = np.fromiter((r[name] for r in rows), dtype=float, count=n)
        else:
            data[name] = pd.array([r[name] for r in rows], dtype=object)
    geometry = gpd.points_from_xy(lon, lat, crs="EPSG:4326")
    return gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")


def process_chunk(docs: Sequence[Document], options: Options) -> gpd.GeoDataFrame:
    """The rows of a chunk of documents as one frame (what a worker sends back).

    Examples
    --------
    >>> from geo.io.documents import make_document
    >>> docs = [make_document("date 2020-10-04\\nGanja et Bakou.", doc_id=str(i)) for i in (1, 2)]
    >>> process_chunk(docs, Options(task="mentions"))["doc_id"].tolist()
    ['1', '1', '2', '2']
    """
    rows: list[dict[str, Any]] = []
    for doc in docs:
        rows.extend(process_document(doc, options))
    return rows_to_frame(rows, task=options.task)


def _init_worker() -> None:
    """Initializer of a pool worker: Ctrl-C is the parent's to handle (it stops the
    workers), and the gazetteer index is opened once, before the first chunk."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from geo.geoparse import get_geoparser

    get_geoparser()


# ------------------------------------------------------------------------------ the runner


def default_workers() -> int:
    """The cores this process may use (its CPU affinity), at least 1.

    Examples
    --------
    >>> default_workers() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Iterable[Document],
    *,
    task: Task = "events",
    workers: int | None = None,
    executor: ExecutorArg = None,
    chunk_size: int | None = None,
    problems: list[Problem] | None = None,
    progress: Progress | None = None,
    **read_options: Any,
) -> Generator[gpd.GeoDataFrame, None, None]:
    """Yield the mentions or events of the inputs, one frame per chunk, in input order.

    Parameters
    ----------
    inputs : path, pattern, iterable of them, or iterable of Document
        Articles, corpora, folders, patterns or ``"-"``; for ``task="events"`` also event
        tables (ACLED, UCDP GED, geo's outputs), read here and yielded first: one frame each,
        or one per :data:`geo.config.TABLE_CHUNK_ROWS` rows of a large CSV table.
    task : {"events", "mentions"}
        What :func:`process_document` makes of each document.
    workers : int, optional
        Processes of the pool; None: every core (:func:`default_workers`); 1: this process.
    executor : Executor, dask Client or "dask", optional
        Map over this instead (it is left running): a :mod:`concurrent.futures` executor, a
        ``dask.distributed.Client`` (its futures), or ``"dask"``: a ``dask.bag`` of chunks
        computed by Dask's default scheduler.
    chunk_size : int, optional
        Documents per chunk (one frame and one progress step each); default
        :data:`geo.config.PIPELINE_CHUNK_DOCUMENTS`.
    problems : list of Problem, optional
        Receives skipped inputs and rows; without it the first bad input raises.
    progress : Progress, optional
        Counts documents (and tables) as their chunks complete; closed at the end.
    **read_options
        Passed to :func:`geo.io.documents.iter_documents` (``lang``, ``date``...).

    Yields
    ------
    geopandas.GeoDataFrame

    Notes
    -----
    On Ctrl-C (or SIGTERM turned into :class:`KeyboardInterrupt`) the futures are cancelled,
    the pool's processes terminated and the interrupt raised again.

    Examples
    --------
    >>> from geo.io.documents import make_document
    >>> docs = [make_document("date 2020-10-04\\nGanja et Bakou.", doc_id="a")]
    >>> [len(f) for f in run(docs, task="mentions", workers=1)]
    [2]
    """
    from geo.io.documents import Document, iter_documents

    if chunk_size is None:
        chunk_size = config.PIPELINE_CHUNK_DOCUMENTS
    if chunk_size < 1:
        raise InputError(f"chunk_size must be at least 1, not {chunk_size}")
    options = Options(task=task)
    docs: Iterable[Document]
    if isinstance(inputs, Document):
        docs = [inputs]
    else:
        paths: Iterable[Any] = [inputs] if isinstance(inputs, str | os.PathLike) else inputs
        it = iter(paths)
        first = next(it, None)
        if isinstance(first, Document):
            docs = itertools.chain([first], it)  # documents, streamed by the caller
        else:
            items = [] if first is None else [first, *it]
            tables, articles = _split_tables(items, task=task, problems=problems)
            for table in tables:
                yield from _table_frames(table, problems)
                if progress is not None:
                    progress.update()  # tables read, like documents: none means nothing read
            docs = iter_documents(articles, problems=problems, **read_options) if articles else []
    try:
        for n, frame in _map_chunks(_chunks(docs, chunk_size), options, workers, executor):
            if progress is not None:
                progress.update(n)
            yield frame
    finally:
        if progress is not None:
            progress.close()


def _split_tables(
    items: Sequence[Any], *, task: Task, problems: list[Problem] | None
) -> tuple[list[str], list[str]]:
    """The event tables (``task="events"``) and the paths left to read as articles."""
    from geo.io.documents import expand_inputs

    if task != "events":
        return [], [os.fspath(i) for i in items]
    from geo.io.tables import is_event_table

    tables: list[str] = []
    articles: list[str] = []
    for item in expand_inputs(items, problems):
        (articles if item == "-" or not is_event_table(item) else tables).append(item)
    return tables, articles


def _table_frames(path: str, problems: list[Problem] | None) -> Iterator[gpd.GeoDataFrame]:
    """The frames of an event table, read a chunk at a time when it is large
    (:func:`geo.io.tables.iter_events`); a table that cannot be read is a problem."""
    from geo.io.documents import Problem
    from geo.io.files import display_path
    from geo.io.tables import iter_events

    try:
        yield from iter_events(path, problems=problems)
    except InputError as err:
        if problems is None:
            raise
        name = display_path(path)
        problems.append(Problem(name, str(err).removeprefix(f"{display_path(Path(path))}: ")))


def _map_chunks(
    chunks: Iterator[list[Document]],
    options: Options,
    workers: int | None,
    executor: ExecutorArg,
) -> Iterator[tuple[int, gpd.GeoDataFrame]]:
    """``(documents, frame)`` of each chunk, in order, from the executor ``run`` chose."""
    n_workers = default_workers() if workers is None else workers
    if n_workers < 1:
        raise InputError(f"workers must be at least 1, not {n_workers}")
    if executor is None and n_workers == 1:
        yield from _serial(chunks, options)
        return
    # a small input is done here, before any worker would have started
    head = list(itertools.islice(chunks, config.PIPELINE_MIN_CHUNKS_FOR_WORKERS))
    if len(head) < config.PIPELINE_MIN_CHUNKS_FOR_WORKERS:
        yield from _serial(iter(head), options)
        return
    chunks = itertools.chain(head, chunks)
    if executor is None:
        yield from _pool(chunks, options, n_workers)
    elif isinstance(executor, concurrent.futures.Executor):
        in_flight = n_workers * config.PIPELINE_CHUNKS_IN_FLIGHT_PER_WORKER
        yield from _futures(chunks, options, executor, in_flight)
    elif _is_dask_client(executor):
        # the client's futures, like a pool's: no task graph to build and hash per window,
        # no barrier at the end of each window
        client: Any = executor
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        in_flight = n_workers * config.PIPELINE_CHUNKS_IN_FLIGHT_PER_WORKER
        yield from _futures(chunks, options, client.get_executor(pure=False), in_flight)
    elif executor == "dask":
        yield from _dask(chunks, options, n_workers)
    else:
        raise InputError(
            f"executor must be a concurrent.futures.Executor, a dask.distributed.Client or "
            f"'dask', not {executor!r}"
        )


def _serial(
    chunks: Iterator[list[Document]], options: Options
) -> Iterator[tuple[int, gpd.GeoDataFrame]]:
    for chunk in chunks:
        yield len(chunk), process_chunk(chunk, options)


def _futures(
    chunks: Iterator[list[Document]],
    options: Options,
    executor: concurrent.futures.Executor,
    in_flight: int,
) -> Iterator[tuple[int, gpd.GeoDataFrame]]:
    """Submit chunks, at most ``in_flight`` ahead, and yield their results in order."""
    pending: collections.deque[tuple[int, concurrent.futures.Future[gpd.GeoDataFrame]]]
    pending = collections.deque()
    try:
        for chunk in chunks:
            pending.append((len(chunk), executor.submit(process_chunk, chunk, options)))
            while len(pending) >= in_flight:
                n, future = pending.popleft()
                yield n, future.result()
        while pending:
            n, future = pending.popleft()
            yield n, future.result()
    finally:
        for _, future in pending:  # an error or Ctrl-C: what is still queued never runs
            future.cancel()


def _pool_context() -> multiprocessing.context.BaseContext:
    """How the pool starts its workers: from a fork server, or by ``spawn`` when the fork
    server's socket would not fit in multiprocessing's temporary folder.

    Either way a worker is a clean process (no threads of the parent, no copy of its memory);
    the fork server imports geo once for all of them. Its socket is
    ``<multiprocessing temporary folder>/listener-XXXXXXXX``, and Python 3.11 fails with
    "AF_UNIX path too long" when that is longer than a socket path may be.

    Examples
    --------
    >>> _pool_context().get_start_method() in ("forkserver", "spawn")
    True
    """
    socket_path = os.path.join(multiprocessing.util.get_temp_dir(), "listener-" + "x" * 8)
    if len(os.fsencode(socket_path)) > config.PIPELINE_UNIX_SOCKET_PATH_MAX:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["geo.pipeline"])
    return context


def _pool(
    chunks: Iterator[list[Document]], options: Options, n_workers: int
) -> Iterator[tuple[int, gpd.GeoDataFrame]]:
    """Map over a process pool of ``n_workers`` that this function starts and stops."""
    context = _pool_context()
    before = set(multiprocessing.active_children())
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=n_workers, mp_context=context, initializer=_init_worker
    )
    done = False
    try:
        in_flight = n_workers * config.PIPELINE_CHUNKS_IN_FLIGHT_PER_WORKER
        yield from _futures(chunks, options, pool, in_flight)
        done = True
    finally:
        if done:
            pool.shutdown(wait=True)
        else:
            # Ctrl-C, SIGTERM, an error or a consumer that stopped early: stop every worker
            pool.shutdown(wait=False, cancel_futures=True)
            _stop_children(before)


def _stop_children(before: set[multiprocessing.process.BaseProcess], *, wait: float = 0.0) -> None:
    """Stop every child process started since ``before`` was taken, once it has had
    ``wait`` seconds to end by itself: SIGTERM, then SIGKILL to one still running
    :data:`~geo.config.PIPELINE_WORKER_STOP_SECONDS` later; each is reaped."""
    ours = [p for p in multiprocessing.active_children() if p not in before]
    for process in ours if wait > 0 else ():
        process.join(timeout=wait)
    for process in ours:
        process.terminate()
    for process in ours:
        process.join(timeout=config.PIPELINE_WORKER_STOP_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()


def _is_dask_client(executor: object) -> bool:
    distributed = sys.modules.get("distributed")
    return distributed is not None and isinstance(executor, distributed.Client)


def _dask(
    chunks: Iterator[list[Document]], options: Options, n_workers: int
) -> Iterator[tuple[int, gpd.GeoDataFrame]]:
    """Map over a ``dask.bag`` of chunks, a window of chunks at a time (memory stays flat),
    computed by Dask's default scheduler (a ``dask.config`` setting or the current client)."""
    import dask.bag

    window = max(2, n_workers * config.PIPELINE_CHUNKS_IN_FLIGHT_PER_WORKER)
    while batch := list(itertools.islice(chunks, window)):
        bag = dask.bag.from_sequence(batch, npartitions=len(batch))
        frames = bag.map(process_chunk, options).compute()
        for chunk, frame in zip(batch, frames, strict=True):
            yield len(chunk), frame


@contextlib.contextmanager
def dask_client(*, scheduler: str | None = None, local: int | None = None) -> Iterator[Any]:
    """A ``dask.distributed.Client`` of a running scheduler or of a new LocalCluster.

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler (``tcp://host:8786``).
    local : int, optional
        Start a LocalCluster of this many single-threaded worker processes (closed at
        the end).

    Raises
    ------
    InputError
        Neither or both given, or the scheduler cannot be reached.

    Examples
    --------
    >>> with dask_client(local=1) as client:  # doctest: +SKIP
    ...     frames = list(run(["corpus.jsonl"], executor=client))
    """
    if (scheduler is None) == (local is None):
        raise InputError("give either a dask scheduler address or a LocalCluster size")
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=config.DASK_CONNECT_TIMEOUT_SECONDS)
        except (OSError, TimeoutError) as err:
            raise InputError(
                f"cannot reach the dask scheduler at {scheduler!r} ({err}); start it "
                "(dask scheduler) or check the address"
            ) from err
        with client:
            yield client
        return
    assert local is not None
    if local < 1:
        raise InputError(f"a LocalCluster needs at least 1 worker, not {local}")
    before = set(multiprocessing.active_children())
    try:
        with (
            LocalCluster(
                n_workers=local, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
    finally:
        # a worker process slow to end (a loaded machine) outlives the cluster's own close:
        # wait for it a little, then stop it, so that no process is left behind
        _stop_children(before, wait=config.DASK_LOCAL_CLOSE_SECONDS)


# ------------------------------------------------------------------------------ gathering


def collect(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Iterable[Document],
    *,
    task: Task = "events",
    merge: bool = True,
    workers: int | None = None,
    executor: ExecutorArg = None,
    chunk_size: int | None = None,
    problems: list[Problem] | None = None,
    progress: Progress | None = None,
    **read_options: Any,
) -> gpd.GeoDataFrame:
    """Every mention or event of the inputs in one frame; events merged across articles.

    Parameters are those of :func:`run`; ``merge`` (events only): one row per event, the
    incidents several documents report merged (:func:`geo.events.merge.merge_events`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("date 2020-10-04\\nGanja et Bakou.")
    >>> collect(path, task="mentions", workers=1)["mention"].tolist()
    ['Ganja', 'Bakou']
    """
    frames = run(
        inputs,
        task=task,
        workers=workers,
        executor=executor,
        chunk_size=chunk_size,
        problems=problems,
        progress=progress,
        **read_options,
    )
    with contextlib.closing(merged(frames) if task == "events" and merge else frames) as parts:
        return _concat(list(parts), task)


def merged(frames: Iterator[gpd.GeoDataFrame]) -> Generator[gpd.GeoDataFrame, None, None]:
    """The events of ``frames`` (of :func:`run`) merged across articles, a block at a time.

    The frames are spilled to a temporary directory as they come, then the merged events
    (:class:`geo.events.merge.MergeStream`) are yielded in blocks of
    :data:`geo.config.MERGE_BLOCK_EVENTS`: memory holds the keys of a window of
    :data:`geo.config.MERGE_WINDOW_DAYS` days, the rows of the events of several rows
    (8 bytes each) and one block, not every event. The blocks end to end are
    :func:`~geo.events.merge.merge_events` of all the frames; the directory is removed at
    the end, on an error, on Ctrl-C, or when the generator is closed.

    Examples
    --------
    >>> from geo.io.documents import make_document
    >>> docs = [make_document("date 2020-10-04\\nDes roquettes ont frappé Ganja.", doc_id=d)
    ...         for d in ("a", "b")]
    >>> [block["source_count"].tolist() for block in merged(run(docs, workers=1))]
    [[2]]
    """
    from geo.events.merge import MergeStream

    try:
        with MergeStream() as stream:
            for frame in frames:
                stream.add(frame)
            yield from stream.merged()
    finally:
        if isinstance(frames, Generator):
            frames.close()


def _concat(frames: list[gpd.GeoDataFrame], task: Task) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    filled = [f for f in frames if len(f)]
    if len(filled) <= 1:
        return filled[0] if filled else frames[0] if frames else rows_to_frame([], task=task)
    frames = filled
    return gpd.GeoDataFrame(
        pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326"
    )


def write(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Iterable[Document],
    output: str | os.PathLike[str],
    *,
    task: Task = "events",
    format: str | None = None,
    merge: bool = True,
    post: Callable[[gpd.GeoDataFrame], gpd.GeoDataFrame] | None = None,
    before_write: Callable[[], bool] | None = None,
    workers: int | None = None,
    executor: ExecutorArg = None,
    chunk_size: int | None = None,
    problems: list[Problem] | None = None,
    progress: Progress | None = None,
    stdout: IO[str] | None = None,
    **read_options: Any,
) -> int:
    """Run the pipeline into an output file; return the number of rows written.

    Mentions, and events without ``merge``, are written chunk by chunk as they come
    (GeoJSON and CSV; :class:`geo.io.writers.FrameWriter`), so memory stays flat. Merged
    events too: the chunks are spilled to disk, then merged and written a block at a time
    (:func:`merged`). The file appears whole at the end (written
    to a temporary beside it, renamed): an error or Ctrl-C leaves a previous file unchanged.

    Parameters
    ----------
    inputs, task, merge, workers, executor, chunk_size, problems, progress, **read_options
        As in :func:`collect`.
    output : path or "-"
        The file; its format follows the extension unless ``format`` says it.
    post : callable, optional
        Applied to each frame before it is written (region join, distance to the front).
    before_write : callable, optional
        Asked once before anything is written, when every input is read or the first chunk
        is done; False: write nothing and return -1 (every input was skipped).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("date 2020-10-04\\nGanja et Bakou.")
    >>> write(folder / "a.txt", folder / "m.csv", task="mentions", workers=1)
    2
    """
    from geo.io.writers import FrameWriter

    post = post or (lambda frame: frame)
    kwargs: dict[str, Any] = {
        "workers": workers,
        "executor": executor,
        "chunk_size": chunk_size,
        "problems": problems,
    }
    frames = run(inputs, task=task, progress=progress, **kwargs, **read_options)
    if task == "events" and merge:
        # every frame is read (and spilled) before the first merged block comes
        with contextlib.closing(merged(frames)) as blocks:
            first = next(blocks)
            if before_write is not None and not before_write():
                return -1
            n = 0
            with FrameWriter(output, format=format, stdout=stdout) as writer:
                for block in itertools.chain([first], blocks):
                    out = post(block)
                    writer.write(out)
                    n += len(out)
            return n
    try:
        first = next(frames, None)
        if before_write is not None and not before_write():
            return -1
        n = 0
        with FrameWriter(output, format=format, stdout=stdout) as writer:
            if first is None:
                writer.write(post(rows_to_frame([], task=task)))
            for frame in itertools.chain([first] if first is not None else [], frames):
                out = post(frame)
                writer.write(out)
                n += len(out)
        return n
    finally:
        frames.close()


# ------------------------------------------------------------------------------ the map's run

#: Front lines or boundaries: a frame, ``"default"`` (the embedded layer) or None (skip).
LayerArg = Any


def build_events(
    inputs: str | Path | Sequence[str | Path],
    *,
    geocoder: str = config.DEFAULT_GEOCODER,
    front: LayerArg = "default",
    boundaries: LayerArg = "default",
    problems: list[Any] | None = None,
    progress: Any = None,
    merge: bool = True,
    workers: int | None = None,
    executor: ExecutorArg = None,
    **read_options: Any,
) -> gpd.GeoDataFrame:
    """The whole pipeline behind ``geo map``: read, parse, events, regions, front distance.

    Parameters
    ----------
    inputs
        Articles, corpora, folders, patterns, event tables (ACLED, UCDP GED, geo's own) or
        GeoJSON; see :func:`run`.
    geocoder
        Geocoder for events that have a place name but no coordinates (rows of tables):
        ``"offline"`` (default) or a geopy service name.
    front, boundaries
        Front lines and admin-1 polygons: ``"default"`` for the embedded ones, None to skip
        the distance to the front or the region join.
    problems, progress, merge, workers, executor
        As in :func:`collect`.
    **read_options
        Passed to :func:`geo.io.documents.iter_documents` (``lang``, ``date``...).

    Returns
    -------
    geopandas.GeoDataFrame
        Events (EPSG:4326) with the region columns and ``distance_to_front_km``.

    Examples
    --------
    >>> from geo.io.files import data_dir
    >>> events = build_events(data_dir() / "samples")  # doctest: +SKIP
    """
    from geo.frontline import distance_to_front
    from geo.regions import join_regions

    items = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    frames = run(
        items,
        workers=workers,
        executor=executor,
        problems=problems,
        progress=progress,
        **read_options,
    )
    # a block (or chunk) at a time: the merged copy and those of the region join and the
    # front distance are a block's, never all the events' at once
    done = []
    with contextlib.closing(merged(frames) if merge else frames) as parts:
        for events in parts:
            events = fill_coordinates(events, geocoder)
            if boundaries is not None:
                events = join_regions(
                    events, boundaries=None if _is_default(boundaries) else boundaries
                )
            if front is not None:
                events = distance_to_front(events, front=None if _is_default(front) else front)
            done.append(events)
    return _concat(done, "events")


def _is_default(value: object) -> bool:
    return isinstance(value, str) and value == "default"


def fill_coordinates(events: gpd.GeoDataFrame, geocoder_name: str) -> gpd.GeoDataFrame:
    """Geocode, by place name, the events that have a name but no coordinates.

    Examples
    --------
    >>> from geo.schema import events_to_frame
    >>> len(fill_coordinates(events_to_frame([]), "offline"))
    0
    """
    import geopandas as gpd
    import numpy as np

    from geo.errors import GeoError
    from geo.geocode import get_geocoder
    from geo.mapping.payload import coordinates, first_column, text_of

    if not len(events):
        return events
    lat, lon, _ = coordinates(events)
    names = first_column(events, ("location", "mention"))
    if names is None:
        return events
    codes = first_column(events, ("country_code",))
    todo = [
        i for i in np.flatnonzero(~np.isfinite(lat) | ~np.isfinite(lon)) if text_of(names.iloc[i])
    ]
    if not todo:
        return events
    geocoder = get_geocoder(geocoder_name)
    found: dict[tuple[str, str | None], tuple[float, float] | None] = {}
    for i in todo:
        key = (str(text_of(names.iloc[i])), text_of(codes.iloc[i]) if codes is not None else None)
        if key not in found:
            options: dict[str, Any] = {"exactly_one": True}
            if key[1]:
                options["country_codes"] = [key[1]]
            try:
                place = geocoder.geocode(key[0], **options)
            except GeoError:
                place = None
            found[key] = (place.latitude, place.longitude) if place is not None else None
        if found[key] is not None:
            lat[i], lon[i] = found[key]  # type: ignore[misc]
    out = events.copy()
    out["latitude"] = np.where(np.isfinite(lat), lat, np.nan)
    out["longitude"] = np.where(np.isfinite(lon), lon, np.nan)
    out["latitude"] = out["latitude"].astype(object).where(out["latitude"].notna(), None)
    out["longitude"] = out["longitude"].astype(object).where(out["longitude"].notna(), None)
    geometry = gpd.points_from_xy(lon, lat, crs="EPSG:4326")
    return gpd.GeoDataFrame(out, geometry=geometry, crs="EPSG:4326")
