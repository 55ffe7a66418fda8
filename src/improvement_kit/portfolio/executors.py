"""Where a portfolio's cases are computed: in this process (the default) or on Dask.

``serial`` reads and computes every case here, with the caller's kit. ``dask`` sends chunks
of case files to a ``dask.distributed`` cluster: a :class:`~distributed.LocalCluster` started
for the run (worker processes, or threads with ``processes=False``), or the scheduler at
``scheduler`` (``tcp://host:8786``), whose workers must see the same case files and have the
same plugins installed. Each worker rebuilds the kit from the installed entry points (a kit
is never sent over the wire) once per process, and computes its chunk exactly as the serial
run does; the results come back in the order of the entries, so the register, feed and
report are the serial run's.

Dask is an optional extra: ``pip install 'improvement-kit[dask]'``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from improvement_kit.errors import ImprovementKitError
from improvement_kit.portfolio.register import CaseFailure, ComputedCase, compute_cases
from improvement_kit.portfolio.sources import PortfolioEntry

if TYPE_CHECKING:
    from improvement_kit.kit import Kit

__all__ = ["EXECUTORS", "compute_cases_on", "dask_client"]

#: The executors ``--executor`` accepts.
EXECUTORS = ("serial", "dask")
#: Cases per Dask task: large enough that a task outweighs its scheduling.
CHUNK = 25


@functools.lru_cache(maxsize=1)
def _worker_kit() -> Kit:
    from improvement_kit.kit import Kit

    return Kit.load()


def _compute_chunk(
    entries: Sequence[PortfolioEntry], as_of: dt.date
) -> tuple[list[ComputedCase], list[CaseFailure]]:
    """Run on a worker: the chunk's cases, with the worker's own kit."""
    return compute_cases(entries, kit=_worker_kit(), as_of=as_of)


def _distributed() -> Any:
    """The ``distributed`` module (as Any: an optional extra whose API is not typed)."""
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise ImprovementKitError(
            "--executor dask needs Dask: pip install 'improvement-kit[dask]'"
        ) from None


@contextlib.contextmanager
def dask_client(
    scheduler: str | None = None,
    *,
    processes: bool = True,
    workers: int | None = None,
    connect_timeout: float = 10,
) -> Iterator[Any]:
    """A ``distributed.Client``: of the scheduler at ``scheduler`` (``tcp://host:8786``), or of
    a local cluster started for the block (``workers`` worker processes, default the cores
    and at most 4, one thread each; threads with ``processes=False``), closed after it.

    :class:`~improvement_kit.errors.ImprovementKitError` if Dask is not installed or the
    scheduler cannot be reached within ``connect_timeout`` seconds.
    """
    distributed = _distributed()
    cluster: Any = None
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ImprovementKitError(
                f"scheduler {scheduler}: cannot be reached ({exc})".replace("\n", " ")
            ) from None
    else:
        cluster = distributed.LocalCluster(
            n_workers=workers or min(os.cpu_count() or 1, 4),
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def compute_cases_on(
    executor: str,
    entries: Sequence[PortfolioEntry],
    *,
    kit: Kit,
    as_of: dt.date,
    scheduler: str | None = None,
    processes: bool = True,
    workers: int | None = None,
    connect_timeout: float = 10,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[ComputedCase], list[CaseFailure]]:
    """:func:`~improvement_kit.portfolio.register.compute_cases` on ``executor``.

    ``progress(n)`` is called as cases are done (on Dask, a chunk of ``n`` cases at a time).

    ``kit`` is used by the serial executor only (Dask workers load the installed plugins).
    ``workers`` is the number of local workers (default: the cores, at most 4);
    ``connect_timeout`` the seconds to wait for ``scheduler``.
    :class:`~improvement_kit.errors.ImprovementKitError` if Dask is not installed or the
    scheduler cannot be reached.
    """
    if executor == "serial":
        return compute_cases(entries, kit=kit, as_of=as_of, progress=progress)
    if executor != "dask":
        raise ImprovementKitError(f"unknown executor {executor!r} (expected serial or dask)")
    with dask_client(
        scheduler, processes=processes, workers=workers, connect_timeout=connect_timeout
    ) as client:
        chunks = [list(entries[i : i + CHUNK]) for i in range(0, len(entries), CHUNK)]
        futures = client.map(_compute_chunk, chunks, as_of=as_of, pure=False)
        if progress is not None:
            sizes = {future.key: len(chunk) for future, chunk in zip(futures, chunks, strict=True)}
            for future in _distributed().as_completed(futures):
                progress(sizes[future.key])
        results = client.gather(futures)
    computed: list[ComputedCase] = []
    failures: list[CaseFailure] = []
    for done, failed in results:
        computed += done
        failures += failed
    return computed, failures
