"""Rendering many documents: from a CSV (one row per document) or a folder of case files, on
any :class:`concurrent.futures.Executor`.

CSV input: the first row names the columns. ``case`` is the path of a case file (relative to
the CSV's folder); ``output`` (optional) the file name to write in the output folder
(default: the case file's name with ``.docx``, or ``row-N.docx``). Every other column is a
field given in dotted form (``officer.name``) that overrides the extra data for that row; a
column whose name ends in ``[]`` (``warning_notice.matters[]``) is a list, one item per line
of the cell. Empty cells are ignored. A row without a ``case`` is rendered from its fields
alone (no timeline). Rows are numbered as a spreadsheet shows them: the first data row is
row 2.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import ctypes
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.documents.house_style import HouseStyle, load_house_style
from improvement_kit.documents.limits import Limits
from improvement_kit.documents.registry import (
    find_template,
    load_extra,
    render_case,
    write_document,
)
from improvement_kit.documents.render import check_document_output, render_bytes
from improvement_kit.errors import DocumentError, DocumentOutputError, ImprovementKitError
from improvement_kit.pluginguard import plugin_exit_error
from improvement_kit.plugins import Plugins

__all__ = [
    "BatchJob",
    "BatchResult",
    "read_batch_input",
    "render_batch",
    "run_job",
    "run_job_with_installed_plugins",
]

#: How often (in documents) a worker hands freed memory back to the system.
TRIM_EVERY = 25


@attrs.frozen
class BatchJob:
    """One document to render (picklable, for process pools)."""

    row: int
    output: str
    template_id: str
    case: str | None = None
    fields: Mapping[str, Any] = attrs.field(factory=dict)
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    as_of: Any = None
    force: bool = False
    pdf: bool = False
    template_file: str | None = None
    limits: Limits | None = None
    house_style: HouseStyle | None = None


@attrs.frozen
class BatchResult:
    """The outcome of one row: the file written, or the error (one line)."""

    row: int
    output: str
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was written."""
        return self.error is None


def _set_dotted(target: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    node = target
    for part in parts[:-1]:
        child = node.get(part)
        # always a copy: the tables below the first level are shared by every row's extra data
        child = node[part] = dict(child) if isinstance(child, Mapping) else {}
        node = child
    node[parts[-1]] = value


def _merge(base: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in base.items()}
    for path, value in fields.items():
        _set_dotted(out, path, value)
    return out


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def read_batch_input(
    source: str | os.PathLike[str],
    template_id: str,
    out_dir: str | os.PathLike[str],
    *,
    extra: Mapping[str, Any] | None = None,
    as_of: Any = None,
    force: bool = False,
    pdf: bool = False,
    template_file: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
    house_style: HouseStyle | None = None,
) -> tuple[list[BatchJob], list[BatchResult]]:
    """The jobs a CSV file or a folder of case files describes, and the rows that are already
    wrong (a duplicate output name, say)."""
    path = Path(source)
    out = Path(out_dir)
    file = None if template_file is None else str(template_file)
    extra = dict(extra or {})
    jobs: list[BatchJob] = []
    bad: list[BatchResult] = []
    if path.is_dir():
        cases = sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json"))
        for row, case in enumerate(cases, start=1):
            target = out / f"{case.stem}.docx"
            jobs.append(
                BatchJob(
                    row,
                    str(target),
                    template_id,
                    str(case),
                    {},
                    extra,
                    as_of,
                    force,
                    pdf,
                    file,
                    limits,
                    house_style,
                )
            )
    else:
        try:
            handle = path.open(newline="", encoding="utf-8-sig")
        except OSError as exc:
            raise DocumentError(f"{path}: cannot be read: {exc.strerror or exc}") from None
        with handle:
            try:
                records = list(csv.DictReader(handle))
            except UnicodeDecodeError:
                raise DocumentError(
                    f"{path}: is not UTF-8 text (in Excel, save it as 'CSV UTF-8')"
                ) from None
            except csv.Error as exc:
                raise DocumentError(f"{path}: not a readable CSV file: {exc}") from None
            for row, record in enumerate(records, start=2):
                fields: dict[str, Any] = {}
                case_path: str | None = None
                name: str | None = None
                for column, cell in record.items():
                    if column is None or cell is None or not cell.strip():
                        continue
                    column = column.strip()
                    if column == "case":
                        case_path = str(path.parent / cell.strip())
                    elif column == "output":
                        name = cell.strip()
                    elif column.endswith("[]"):
                        items = [line.strip() for line in cell.splitlines() if line.strip()]
                        fields[column[:-2]] = items
                    else:
                        fields[column] = cell
                if name is None:
                    name = f"{Path(case_path).stem}.docx" if case_path else f"row-{row}.docx"
                name = _UNSAFE.sub("-", Path(name).name)
                if not name.lower().endswith(".docx"):
                    name += ".docx"
                jobs.append(
                    BatchJob(
                        row,
                        str(out / name),
                        template_id,
                        case_path,
                        fields,
                        extra,
                        as_of,
                        force,
                        pdf,
                        file,
                        limits,
                        house_style,
                    )
                )
    seen: dict[str, int] = {}
    kept: list[BatchJob] = []
    for job in jobs:
        if job.output in seen:
            bad.append(
                BatchResult(
                    job.row,
                    job.output,
                    f"output {Path(job.output).name} is also written by row {seen[job.output]}",
                )
            )
            continue
        seen[job.output] = job.row
        kept.append(job)
    return kept, bad


_JOBS_DONE = [0]
#: Plugins a parent process set for its workers (inherited by forked workers and threads).
_WORKER_PLUGINS: list[Plugins] = []


def _trim_memory() -> None:
    """Return freed heap to the system (glibc only; a no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def run_job(job: BatchJob, plugins: Plugins | None = None) -> BatchResult:
    """Render one job; any error becomes the result's one-line message, never an exception."""
    plugins = plugins or (_WORKER_PLUGINS[0] if _WORKER_PLUGINS else None)
    try:
        if job.case is not None:
            render_case(
                job.template_id,
                job.case,
                job.output,
                extra=_merge(job.extra, job.fields),
                as_of=job.as_of,
                plugins=plugins,
                force=job.force,
                pdf=job.pdf,
                template_file=job.template_file,
                limits=job.limits,
                house_style=job.house_style,
            )
        else:
            spec = find_template(job.template_id, plugins, template_file=job.template_file)
            path = Path(job.output)
            pdf_path = path.with_suffix(".pdf") if job.pdf else None
            inputs = [job.template_file]
            for target in (path, pdf_path):
                if target is not None:
                    check_document_output(target, overwrite=job.force, inputs=inputs)
            data = render_bytes(
                spec,
                _merge(job.extra, job.fields),
                limits=job.limits,
                house_style=job.house_style,
            )
            # the .docx and its PDF together, or neither
            write_document(path, data, pdf_path, force=job.force, inputs=inputs)
        result = BatchResult(job.row, job.output)
    except SystemExit as exc:  # a plugin calling sys.exit must not end the batch silently
        result = BatchResult(job.row, job.output, str(plugin_exit_error(exc)))
    except ImprovementKitError as exc:
        result = BatchResult(job.row, job.output, str(exc))
    except Exception as exc:  # one bad row must not stop the batch
        result = BatchResult(job.row, job.output, f"{type(exc).__name__}: {exc}")
    _JOBS_DONE[0] += 1
    if _JOBS_DONE[0] % TRIM_EVERY == 0:
        _trim_memory()
    return result


@functools.lru_cache(maxsize=1)
def _installed_kit() -> Plugins:
    from improvement_kit.kit import Kit

    return Kit.load()


def run_job_with_installed_plugins(job: BatchJob) -> BatchResult:
    """:func:`run_job` with the installed plugins, loaded once per process (for workers that
    did not inherit the caller's kit, such as Dask's)."""
    return run_job(job, _installed_kit())


def _is_dask(executor: concurrent.futures.Executor) -> bool:
    return type(executor).__module__.split(".")[0] == "distributed"


def _max_workers(executor: concurrent.futures.Executor) -> int:
    workers = getattr(executor, "_max_workers", None)
    if isinstance(workers, int) and workers > 0:
        return workers
    if _is_dask(executor):
        client = getattr(executor, "_client", None)
        with contextlib.suppress(Exception):
            return max(1, sum(client.nthreads().values()))  # type: ignore[union-attr]
    return 4


def render_batch(
    template_id: str,
    source: str | os.PathLike[str] | Iterable[BatchJob],
    out_dir: str | os.PathLike[str],
    *,
    extra: Mapping[str, Any] | str | os.PathLike[str] | None = None,
    executor: concurrent.futures.Executor | None = None,
    as_of: Any = None,
    force: bool = False,
    pdf: bool = False,
    plugins: Plugins | None = None,
    progress: Callable[[int, int, BatchResult], None] | None = None,
    template_file: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
    house_style: str | os.PathLike[str] | HouseStyle | None = None,
) -> list[BatchResult]:
    """Render every row of a CSV (or every case file of a folder, or the given jobs) and
    return one result per row, in row order; a failed row never stops the others.

    ``executor`` may be any :class:`concurrent.futures.Executor` (``None``: serially in this
    process). At most a few jobs per worker are in flight, so memory stays flat. ``plugins``
    reach thread workers, and process workers started by ``fork``; other process workers use
    the installed plugins, and so do Dask's (``distributed.Client.get_executor()``), each
    worker loading them once. ``progress(done, total, result)`` is called as results arrive.
    ``template_file`` renders an authority's edited copy of the template instead.
    ``limits`` bounds each render (:class:`~improvement_kit.documents.limits.Limits`).
    ``house_style`` (a path or a loaded style) restyles every document; a bad one is refused
    before any row is read.
    """
    if house_style is not None and not isinstance(house_style, HouseStyle):
        house_style = load_house_style(house_style)
    if isinstance(source, (str, os.PathLike)):
        jobs, results = read_batch_input(
            source,
            template_id,
            out_dir,
            extra=load_extra(extra),
            as_of=as_of,
            force=force,
            pdf=pdf,
            template_file=template_file,
            limits=limits,
            house_style=house_style,
        )
    else:
        jobs, results = list(source), []
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise DocumentOutputError(f"{folder}: is a file, not a folder to write into")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocumentOutputError(f"{folder}: cannot be created: {exc.strerror or exc}") from None
    total = len(jobs) + len(results)
    done = len(results)
    if progress is not None:
        for result in results:
            progress(done, total, result)
    if executor is None:
        for job in jobs:
            result = run_job(job, plugins)
            results.append(result)
            done += 1
            if progress is not None:
                progress(done, total, result)
        return sorted(results, key=lambda r: r.row)
    _WORKER_PLUGINS[:] = [plugins] if plugins is not None else []
    is_threads = isinstance(executor, concurrent.futures.ThreadPoolExecutor)
    call: Callable[[BatchJob], BatchResult] = run_job
    if is_threads and plugins:
        call = functools.partial(run_job, plugins=plugins)
    elif _is_dask(executor):
        call = run_job_with_installed_plugins
    limit = _max_workers(executor) * 4
    pending: set[concurrent.futures.Future[BatchResult]] = set()
    queue = iter(jobs)
    try:
        while True:
            while len(pending) < limit:
                queued = next(queue, None)
                if queued is None:
                    break
                pending.add(executor.submit(call, queued))
            if not pending:
                break
            finished, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED
            )
            for future in finished:
                result = future.result()
                results.append(result)
                done += 1
                if progress is not None:
                    progress(done, total, result)
    finally:
        _WORKER_PLUGINS.clear()
    return sorted(results, key=lambda r: r.row)
