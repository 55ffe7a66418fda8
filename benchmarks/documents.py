"""Benchmark: document rendering against named baselines.

Run from the repository root (the package installed, or ``PYTHONPATH=src:plugins``)::

    python benchmarks/documents.py            # 1,000 documents
    python benchmarks/documents.py --n 200    # a quicker run

It prints, for the statement of action template and the sample data:

1. our render (sandbox, autoescape, missing-field check, normalisation, deterministic save)
   against a bare docxtpl render and save of the same template and data (baseline:
   ``DocxTemplate(path).render(data, autoescape=True)`` + ``save``); target ratio <= 1.15;
2. N documents (case file -> timeline -> context -> .docx on disk) serially against the same
   on a 2-process pool; target speed-up >= 1.6;
3. the resident memory of the serial run: start, after the warm-up, peak and end; target
   growth < 50 MB.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml


def _rss_mb() -> float:
    """This process's resident set size in MB (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_single(repeats: int) -> None:
    from docxtpl import DocxTemplate

    from improvement_kit.documents import build_context, find_template, render_bytes
    from improvement_kit.documents.text import to_template_data
    from improvement_kit.serialization import case_from_data
    from improvement_kit_england_maintained.documents import (
        sample_case_data,
        sample_extra_data,
    )

    spec = find_template("england-maintained:statement-of-action")
    case = case_from_data(sample_case_data())
    context = build_context(spec, case, sample_extra_data())
    data = to_template_data(context)
    data.pop("meta", None)
    template = spec.resource.read_bytes()

    def ours() -> None:
        render_bytes(spec, context)

    def bare() -> None:
        document = DocxTemplate(io.BytesIO(template))
        document.render(data, autoescape=True)
        document.save(io.BytesIO())

    for warm in (ours, bare, ours, bare):
        warm()
    ours_times: list[float] = []
    bare_times: list[float] = []
    for _ in range(repeats):  # interleaved, so machine noise hits both alike
        start = time.perf_counter()
        ours()
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare()
        bare_times.append(time.perf_counter() - start)
    ours_ms, bare_ms = _median_ms(ours_times), _median_ms(bare_times)
    print("1. One statement of action, median of", repeats, "renders")
    print(f"   baseline bare docxtpl render+save (autoescape) : {bare_ms:7.1f} ms")
    print(f"   improvement_kit render_bytes                   : {ours_ms:7.1f} ms")
    print(
        f"   ratio ours / baseline                          : {ours_ms / bare_ms:7.2f}"
        "  (target <= 1.15)"
    )


def bench_batch(n: int) -> None:
    from improvement_kit.documents import BatchJob, render_batch
    from improvement_kit_england_maintained.documents import (
        sample_case_data,
        sample_extra_data,
    )

    with tempfile.TemporaryDirectory(prefix="ik-bench-") as work:
        folder = Path(work)
        case_file = folder / "case.yaml"
        case_file.write_text(yaml.safe_dump(sample_case_data(), allow_unicode=True), "utf-8")
        extra = sample_extra_data()
        template_id = "england-maintained:statement-of-action"

        def jobs(out: Path) -> list[BatchJob]:
            return [
                BatchJob(
                    row, str(out / f"doc-{row:05d}.docx"), template_id, str(case_file), {}, extra
                )
                for row in range(1, n + 1)
            ]

        rss = {"start": _rss_mb()}
        marks: list[float] = []

        def progress(done: int, total: int, result: Any) -> None:
            if not result.ok:
                raise SystemExit(f"row {result.row} failed: {result.error}")
            if done == min(50, total):
                rss["warm"] = _rss_mb()
            if done % 100 == 0 or done == total:
                marks.append(_rss_mb())
                sys.stderr.write(f"\r   serial {done}/{total}")
                sys.stderr.flush()

        start = time.perf_counter()
        render_batch(template_id, jobs(folder / "serial"), folder / "serial", progress=progress)
        serial = time.perf_counter() - start
        sys.stderr.write("\n")
        rss["end"] = _rss_mb()
        rss["peak"] = max(marks)

        with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
            pool.submit(int, 0).result()  # start the workers outside the timing
            start = time.perf_counter()
            results = render_batch(
                template_id, jobs(folder / "pool"), folder / "pool", executor=pool
            )
            parallel = time.perf_counter() - start
        failed = [r for r in results if not r.ok]
        if failed:
            raise SystemExit(f"{len(failed)} rows failed on the pool: {failed[0].error}")
        written = len(list((folder / "pool").iterdir()))

    print(f"2. {n} documents, case file -> timeline -> context -> .docx on disk")
    print(
        f"   baseline serial (1 process)     : {serial:7.1f} s  {n / serial:6.1f} docs/s  "
        f"{serial / n * 1000:6.1f} ms/doc"
    )
    print(
        f"   ProcessPoolExecutor(2)          : {parallel:7.1f} s  {n / parallel:6.1f} docs/s  "
        f"({written} files)"
    )
    print(f"   speed-up pool / serial          : {serial / parallel:7.2f}  (target >= 1.6)")
    print("3. Resident memory of the serial run (MB)")
    print(
        f"   start {rss['start']:.0f}, after 50 docs {rss.get('warm', 0):.0f}, "
        f"peak {rss['peak']:.0f}, end {rss['end']:.0f}"
    )
    growth = rss["end"] - rss.get("warm", rss["start"])
    print(f"   growth after warm-up            : {growth:7.1f} MB  (target < 50)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1000, help="documents in the batch runs")
    parser.add_argument("--repeats", type=int, default=40, help="single renders to time")
    args = parser.parse_args(argv)
    bench_single(args.repeats)
    bench_batch(args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
