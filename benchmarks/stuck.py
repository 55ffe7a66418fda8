"""Benchmark ``improvement_kit.history`` against a straightforward polars group-by.

Run from the repository root::

    .venv/bin/python benchmarks/stuck.py

Builds the synthetic national set of the tests (about 25,000 schools, 8 inspections each,
about 200,000 rows, over the real GIAS links extract when ``shared/data`` is beside the clone)
and, side by side in one process, times:

* the library: read the MI CSV and the links file, build the lineage, classify every school
  under Ofsted 2020 (as of 31 Aug 2019) and DfE 2025 (as of 31 Aug 2025);
* the polars code a user would write: read both CSVs, map each URN one link forward
  (Predecessor/Successor only), and group by school: Ofsted 2020 as "every graded inspection
  in the window below good and at least 4 full", DfE 2025 as "latest full RI and the one
  before below good". It explains nothing and follows one link only; it is the baseline.

Reports the median wall-clock and CPU times of REPEATS runs of each (taken in turn), the
ratios library/polars (below 1: the library is faster), classification alone (histories
already in memory), and the peak memory (RSS) of the process, which holds both.
"""

from __future__ import annotations

import datetime as dt
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.history import national  # noqa: E402

from improvement_kit.history.analysis import classify_all  # noqa: E402
from improvement_kit.history.definitions import DfE2025Stuck, Ofsted2020Stuck  # noqa: E402
from improvement_kit.history.lineage import Lineage, read_links  # noqa: E402
from improvement_kit.history.loading import load_histories  # noqa: E402

REPEATS = 5
AUG_2019 = dt.date(2019, 8, 31)
AUG_2025 = dt.date(2025, 8, 31)


def library(mi: Path, links: Path) -> tuple[int, int]:
    loaded = load_histories([mi])
    lineage = Lineage.from_links(read_links(links))
    ofsted = classify_all(loaded.histories, lineage, Ofsted2020Stuck(), AUG_2019)
    dfe = classify_all(loaded.histories, lineage, DfE2025Stuck(), AUG_2025)
    return (
        sum(r.status.value == "stuck" for r in ofsted.results),
        sum(r.status.value == "stuck" for r in dfe.results),
    )


def polars_baseline(mi: Path, links: Path) -> tuple[int, int]:
    df = pl.read_csv(mi, infer_schema_length=0).select(
        pl.col("URN").alias("urn"),
        pl.col("Inspection start date").str.to_date("%d/%m/%Y").alias("date"),
        pl.col("Inspection type").str.contains("Section 5").alias("full"),
        pl.col("Overall effectiveness").cast(pl.Int8, strict=False).alias("grade"),
    )
    ln = pl.read_csv(links, infer_schema_length=0)
    successor = pl.concat(
        [
            ln.filter(pl.col("LinkType") == "Successor").select(
                pl.col("URN").alias("urn"), pl.col("LinkURN").alias("head")
            ),
            ln.filter(pl.col("LinkType") == "Predecessor").select(
                pl.col("LinkURN").alias("urn"), pl.col("URN").alias("head")
            ),
        ]
    ).unique(subset="urn", keep="first")
    df = df.join(successor, on="urn", how="left").with_columns(
        pl.coalesce("head", "urn").alias("school")
    )
    graded = df.filter(pl.col("grade").is_between(1, 4))
    window = graded.filter(pl.col("date").is_between(dt.date(2006, 9, 1), AUG_2019))
    ofsted = (
        window.group_by("school")
        .agg((pl.col("grade") >= 3).all().alias("below"), pl.col("full").sum().alias("n_full"))
        .filter(pl.col("below") & (pl.col("n_full") >= 4))
    )
    dfe = (
        graded.filter(pl.col("full") & (pl.col("date") <= AUG_2025))
        .sort("date")
        .group_by("school")
        .agg(pl.col("grade").tail(2).alias("last2"))
        .filter(
            (pl.col("last2").list.len() == 2)
            & (pl.col("last2").list.get(1) == 3)
            & (pl.col("last2").list.get(0) >= 3)
        )
    )
    return ofsted.height, dfe.height


def classification_only(mi: Path, links: Path) -> Callable[[], Any]:
    loaded = load_histories([mi])
    lineage = Lineage.from_links(read_links(links))

    def run() -> None:
        classify_all(loaded.histories, lineage, Ofsted2020Stuck(), AUG_2019)
        classify_all(loaded.histories, lineage, DfE2025Stuck(), AUG_2025)

    return run


def _timed(run: Callable[[], Any]) -> tuple[float, float, Any]:
    start, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - start, time.process_time() - cpu, result


def _medians(*runs: Callable[[], Any]) -> list[tuple[float, float, Any]]:
    """The median wall-clock and CPU times and the last result of each run, the runs taken
    in turn REPEATS times (so a busy spell on a shared machine falls on all of them alike).
    CPU time counts every thread of the process (polars uses several)."""
    walls: list[list[float]] = [[] for _ in runs]
    cpus: list[list[float]] = [[] for _ in runs]
    results: list[Any] = [None] * len(runs)
    for _ in range(REPEATS):
        for i, run in enumerate(runs):
            wall, cpu, results[i] = _timed(run)
            walls[i].append(wall)
            cpus[i].append(cpu)
    return [
        (statistics.median(w), statistics.median(c), r)
        for w, c, r in zip(walls, cpus, results, strict=True)
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        mi = national.mi_file(Path(folder))
        links = national.links_file(Path(folder))
        rows = sum(1 for _ in mi.open(encoding="utf-8")) - 1
        print(
            f"synthetic set: {rows} inspections; links: {links.stat().st_size // 1024} KiB"
            f" ({'real GIAS extract' if national.REAL_LINKS.exists() else 'synthetic'})"
        )
        (ours, ours_cpu, (o_stuck, d_stuck)), (theirs, theirs_cpu, (po_stuck, pd_stuck)) = _medians(
            lambda: library(mi, links), lambda: polars_baseline(mi, links)
        )
        run = classification_only(mi, links)
        ((classify, classify_cpu, _),) = _medians(run)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"library, read + lineage + both definitions: {ours:.2f} s, CPU {ours_cpu:.2f} s "
            f"(stuck: ofsted-2020 {o_stuck}, dfe-2025 {d_stuck})"
        )
        print(
            f"polars group-by baseline, same steps:       {theirs:.2f} s, CPU {theirs_cpu:.2f} s "
            f"(stuck: ofsted-2020 {po_stuck}, dfe-2025 {pd_stuck})"
        )
        print(
            f"ratio library/polars: {ours / theirs:.1f} (wall clock), "
            f"{ours_cpu / theirs_cpu:.1f} (CPU)"
        )
        print(
            f"library classification alone (histories in memory), both definitions: "
            f"{classify:.2f} s, CPU {classify_cpu:.2f} s"
        )
        print(f"peak memory of the process (both): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
