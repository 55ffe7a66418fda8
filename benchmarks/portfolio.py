"""Benchmark the portfolio register: is it linear in the number of cases?

Run from the repository root::

    .venv/bin/python benchmarks/portfolio.py            # 500, 1,000, 2,000 and 5,000 cases
    .venv/bin/python benchmarks/portfolio.py --quick    # 100 and 500

The 50 cases of ``examples/portfolio`` are repeated to make portfolios of the sizes asked
(each file is read and computed again every time, as a portfolio of distinct files would
be), with one kit, serially. For each size it reports the median of three runs of reading
and computing every case (``compute_cases``) and of building the register
(``build_register``), in milliseconds per case; a linear register keeps the per-case figure
flat as the portfolio grows. The baseline is the smallest size.

Not measured here (see the issue): speed-up on several cores (the register runs on one) and
a distributed run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this folder's calendar.py would shadow the standard library's calendar (pendulum needs it)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]

from improvement_kit.kit import Kit  # noqa: E402
from improvement_kit.portfolio import build_register, compute_cases, gather_entries  # noqa: E402

AS_OF = dt.date(2026, 11, 30)


def measure(kit: Kit, n: int, repeats: int = 3) -> tuple[float, float]:
    """Median milliseconds per case to compute ``n`` cases, and to build their register."""
    base = gather_entries([], ROOT / "examples" / "portfolio" / "portfolio.yaml")
    entries = (base * (n // len(base) + 1))[:n]
    compute, register = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        computed, failures = compute_cases(entries, kit=kit, as_of=AS_OF)
        middle = time.perf_counter()
        build_register(computed, as_of=AS_OF)
        end = time.perf_counter()
        assert not failures
        compute.append((middle - start) * 1000 / n)
        register.append((end - middle) * 1000 / n)
    return statistics.median(compute), statistics.median(register)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100 and 500 cases only")
    args = parser.parse_args()
    sizes = (100, 500) if args.quick else (500, 1000, 2000, 5000)
    kit = Kit.load()
    measure(kit, 50, repeats=1)  # warm up: imports, rule books, calendar tables
    print(f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}")
    print(f"{'cases':>6}  {'read+compute ms/case':>21}  {'register ms/case':>17}  {'ratio':>6}")
    first: float | None = None
    for n in sizes:
        compute, register = measure(kit, n)
        total = compute + register
        first = first or total
        print(f"{n:>6}  {compute:>21.3f}  {register:>17.3f}  {total / first:>6.2f}")


if __name__ == "__main__":
    main()
