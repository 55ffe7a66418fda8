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

import datetime as dt
import functools
import importlib
import logging
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from improvement_kit.errors import ImprovementKitError
from improvement_kit.portfolio.register import CaseFailure, ComputedCase, compute_cases
from improvement_kit.portfolio.sources import PortfolioEntry

if TYPE_CHECKING:
    from improvement_kit.kit import Kit

__all__ = ["EXECUTORS", "compute_cases_on"]

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
) -> tuple[list[ComputedCase], list[CaseFailure]]:
    """:func:`~improvement_kit.portfolio.register.compute_cases` on ``executor``.

    ``kit`` is used by the serial executor only (Dask workers load the installed plugins).
    ``workers`` is the number of local workers (default: the cores, at most 4);
    ``connect_timeout`` the seconds to wait for ``scheduler``.
    :class:`~improvement_kit.errors.ImprovementKitError` if Dask is not installed or the
    scheduler cannot be reached.
    """
    if executor == "serial":
        return compute_cases(entries, kit=kit, as_of=as_of)
    if executor != "dask":
        raise ImprovementKitError(f"unknown executor {executor!r} (expected serial or dask)")
    try:
        # as Any: distributed is an optional extra, and its API is not typed
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise ImprovementKitError(
            "--executor dask needs Dask: pip install 'improvement-kit[dask]'"
        ) from None
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
        chunks = [list(entries[i : i + CHUNK]) for i in range(0, len(entries), CHUNK)]
        futures = client.map(_compute_chunk, chunks, as_of=as_of, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    computed: list[ComputedCase] = []
    failures: list[CaseFailure] = []
    for done, failed in results:
        computed += done
        failures += failed
    return computed, failures
