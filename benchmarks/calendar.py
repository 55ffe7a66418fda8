"""Benchmark the working-day calendar against numpy, the holidays package and a naive loop.

Run from the repository root::

    .venv/bin/python benchmarks/calendar.py              # everything
    .venv/bin/python benchmarks/calendar.py --startup    # whole-process start-up only
    .venv/bin/python benchmarks/calendar.py --no-startup # in-process timings only

In-process: 100,000 random (date, N) pairs, dates 2000-2035, N in -60..60 without 0 (fixed
seed), England and Wales; count pairs end within 90 days either side of the start. Reports the
median of several repeats in microseconds per pair, and ratios against named baselines (numpy
one call per pair for scalar calls; numpy vectorised with Python dates in and out for batches;
numpy's busday functions on the same native ``datetime64[D]`` arrays for the array forms).
The holidays package's helpers and the naive loop step a day at a time, so they run on a
subsample. Start-up: whole ``improvement-kit calendar add 2025-12-18 15`` processes against
``python -c "import holidays; holidays.UK(subdiv='ENG')"``.

This file is named ``calendar.py``; run as a script it would shadow the standard library's
``calendar`` module, so its own directory is removed from ``sys.path`` first.
"""

from __future__ import annotations

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Literal  # noqa: E402

ROOT = Path(_HERE).parent
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

PAIRS = 100_000
SUBSAMPLE = 2_000
SEED = 20251218


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    """Return the median wall time of ``repeats`` calls of ``fn``."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def make_pairs(n: int) -> tuple[list[date], list[int], list[date]]:
    """Return (starts, ns, ends) drawn with the fixed seed."""
    rng = random.Random(SEED)
    first, last = date(2000, 1, 1).toordinal(), date(2035, 12, 31).toordinal()
    starts = [date.fromordinal(rng.randint(first, last)) for _ in range(n)]
    ns = [rng.choice((-1, 1)) * rng.randint(1, 60) for _ in range(n)]
    ends = [s + timedelta(days=rng.randint(-90, 90)) for s in starts]
    return starts, ns, ends


def in_process(pairs: int, repeats: int) -> None:
    """Time the in-process methods and print the table."""
    import numpy as np
    from holidays.countries.united_kingdom import UnitedKingdom

    from improvement_kit.calendar import get_calendar

    cal = get_calendar("england-and-wales")
    starts, ns, ends = make_pairs(pairs)
    sub = slice(0, min(SUBSAMPLE, pairs))

    # numpy's calendar: the same non-working weekdays, 1990-2100.
    bank = [d for y in range(1990, 2101) for d, _ in cal.non_working_weekdays(y)]
    busdaycal = np.busdaycalendar(weekmask="1111100", holidays=np.array(bank, "datetime64[D]"))

    def np_add_one(s: date, n: int) -> date:
        roll: Literal["backward", "forward"] = "backward" if n > 0 else "forward"
        result = np.busday_offset(s, n, roll=roll, busdaycal=busdaycal).item()
        assert isinstance(result, date)
        return result

    def np_count_one(s: date, e: date) -> int:
        # numpy counts [a, b) when a <= b but -(b, a] when a > b (measured); ours is (s, e].
        if s <= e:
            one = timedelta(days=1)
            return int(np.busday_count(s + one, e + one, busdaycal=busdaycal))
        return int(np.busday_count(s, e, busdaycal=busdaycal))

    def np_add_vector(ss: list[date], nn: list[int]) -> list[date]:
        d = np.array(ss, dtype="datetime64[D]")
        k = np.array(nn)
        out = np.empty_like(d)
        pos = k > 0
        out[pos] = np.busday_offset(d[pos], k[pos], roll="backward", busdaycal=busdaycal)
        out[~pos] = np.busday_offset(d[~pos], k[~pos], roll="forward", busdaycal=busdaycal)
        result: list[date] = out.astype(object).tolist()
        return result

    def np_count_vector(ss: list[date], ee: list[date]) -> list[int]:
        a = np.array(ss, dtype="datetime64[D]")
        b = np.array(ee, dtype="datetime64[D]")
        forward = (a <= b).astype("timedelta64[D]")
        a, b = a + forward, b + forward
        result: list[int] = np.busday_count(a, b, busdaycal=busdaycal).tolist()
        return result

    # Native arrays: the same pairs as numpy dates, made once; both sides take and give them.
    starts_np = np.array(starts, dtype="datetime64[D]")
    ends_np = np.array(ends, dtype="datetime64[D]")
    ns_np = np.array(ns, dtype=np.int64)
    forward_np = ns_np > 0

    def np_add_native() -> object:
        out = np.empty_like(starts_np)
        out[forward_np] = np.busday_offset(
            starts_np[forward_np], ns_np[forward_np], roll="backward", busdaycal=busdaycal
        )
        out[~forward_np] = np.busday_offset(
            starts_np[~forward_np], ns_np[~forward_np], roll="forward", busdaycal=busdaycal
        )
        return out

    def np_count_native() -> object:
        shift = (starts_np <= ends_np).astype("timedelta64[D]")
        return np.busday_count(starts_np + shift, ends_np + shift, busdaycal=busdaycal)

    assert (cal.add_many(starts_np, ns_np) == np_add_native()).all()
    assert (cal.count_many(starts_np, ends_np) == np_count_native()).all()

    uk = UnitedKingdom(subdiv="ENG", years=range(1999, 2037))  # type: ignore[no-untyped-call]
    nonworking = frozenset(bank)

    def naive_add(s: date, n: int) -> date:
        step = timedelta(days=1 if n > 0 else -1)
        left = abs(n)
        d = s
        while left:
            d += step
            if d.weekday() < 5 and d not in nonworking:
                left -= 1
        return d

    def naive_count(s: date, e: date) -> int:
        sign, lo, hi = (1, s, e) if s <= e else (-1, e, s)
        total, d = 0, lo
        while d < hi:
            d += timedelta(days=1)
            if d.weekday() < 5 and d not in nonworking:
                total += 1
        return sign * total

    # Agreement on a sample before timing.
    sample = list(zip(starts[sub], ns[sub], ends[sub], strict=True))
    ours_add = [cal.add(s, n) for s, n, _ in sample]
    agree = {
        "numpy busday_offset": sum(
            np_add_one(s, n) == r for (s, n, _), r in zip(sample, ours_add, strict=True)
        ),
        "numpy busday_count": sum(np_count_one(s, e) == cal.count(s, e) for s, _, e in sample),
        "numpy vectorised add": sum(
            a == b for a, b in zip(np_add_vector(starts[sub], ns[sub]), ours_add, strict=True)
        ),
        "numpy vectorised count": sum(
            a == cal.count(s, e)
            for a, (s, _, e) in zip(np_count_vector(starts[sub], ends[sub]), sample, strict=True)
        ),
        "holidays get_nth_working_day": sum(
            uk.get_nth_working_day(s, n) == r for (s, n, _), r in zip(sample, ours_add, strict=True)
        ),
        "holidays get_working_days_count (start < end only)": sum(
            uk.get_working_days_count(s + timedelta(days=1), e) == cal.count(s, e)
            for s, _, e in sample
            if s < e
        ),
        "naive loop add": sum(
            naive_add(s, n) == r for (s, n, _), r in zip(sample, ours_add, strict=True)
        ),
        "batch add_many": sum(
            a == b for a, b in zip(cal.add_many(starts[sub], ns[sub]), ours_add, strict=True)
        ),
    }
    forward = sum(1 for s, _, e in sample if s < e)
    print(f"Agreement with improvement_kit on {len(sample)} pairs:")
    for name, ok in agree.items():
        total = forward if "start < end" in name else len(sample)
        print(f"  {name:<52} {ok}/{total}")

    cal_add, cal_count = cal.add, cal.count

    def scalar_add() -> None:
        for s, n in zip(starts, ns, strict=True):
            cal_add(s, n)

    def scalar_count() -> None:
        for s, e in zip(starts, ends, strict=True):
            cal_count(s, e)

    def numpy_add_calls() -> None:
        for s, n in zip(starts, ns, strict=True):
            np_add_one(s, n)

    def numpy_count_calls() -> None:
        for s, e in zip(starts, ends, strict=True):
            np_count_one(s, e)

    def on_subsample(fn: Callable[[date, int], object]) -> Callable[[], None]:
        def run() -> None:
            for s, n in zip(starts[sub], ns[sub], strict=True):
                fn(s, n)

        return run

    def on_subsample_count(fn: Callable[[date, date], object]) -> Callable[[], None]:
        def run() -> None:
            for s, e in zip(starts[sub], ends[sub], strict=True):
                fn(s, e)

        return run

    def holidays_count(s: date, e: date) -> int:
        if s <= e:
            return int(uk.get_working_days_count(s + timedelta(days=1), e)) if s < e else 0
        return -int(uk.get_working_days_count(e + timedelta(days=1), s))

    n_sub = len(starts[sub])
    rows: list[tuple[str, float, float]] = []  # (name, add µs, count µs)

    def per_call(seconds: float, count: int) -> float:
        return seconds / count * 1e6

    fast = repeats
    slow = max(3, repeats // 2)
    rows.append(
        (
            "improvement_kit scalar add / count",
            per_call(median_seconds(scalar_add, fast), pairs),
            per_call(median_seconds(scalar_count, fast), pairs),
        )
    )
    rows.append(
        (
            "improvement_kit batch add_many / count_many",
            per_call(median_seconds(lambda: cal.add_many(starts, ns), fast), pairs),
            per_call(median_seconds(lambda: cal.count_many(starts, ends), fast), pairs),
        )
    )
    rows.append(
        (
            "improvement_kit add_many / count_many on numpy arrays",
            per_call(median_seconds(lambda: cal.add_many(starts_np, ns_np), fast), pairs),
            per_call(median_seconds(lambda: cal.count_many(starts_np, ends_np), fast), pairs),
        )
    )
    rows.append(
        (
            "numpy busday_offset / busday_count on the same arrays",
            per_call(median_seconds(np_add_native, fast), pairs),
            per_call(median_seconds(np_count_native, fast), pairs),
        )
    )
    rows.append(
        (
            "numpy, one call per pair (prebuilt busdaycalendar)",
            per_call(median_seconds(numpy_add_calls, slow), pairs),
            per_call(median_seconds(numpy_count_calls, slow), pairs),
        )
    )
    rows.append(
        (
            "numpy vectorised, Python dates in and out",
            per_call(median_seconds(lambda: np_add_vector(starts, ns), fast), pairs),
            per_call(median_seconds(lambda: np_count_vector(starts, ends), fast), pairs),
        )
    )
    rows.append(
        (
            f"holidays get_nth_working_day / get_working_days_count ({n_sub} pairs)",
            per_call(median_seconds(on_subsample(uk.get_nth_working_day), slow), n_sub),
            per_call(median_seconds(on_subsample_count(holidays_count), slow), n_sub),
        )
    )
    rows.append(
        (
            f"naive day-stepping loop, frozenset ({n_sub} pairs)",
            per_call(median_seconds(on_subsample(naive_add), slow), n_sub),
            per_call(median_seconds(on_subsample_count(naive_count), slow), n_sub),
        )
    )

    print()
    print(f"µs per pair, median of {fast} repeats ({slow} for the slow ones), {pairs} pairs")
    print(f"{'method':<72} {'add':>9} {'count':>9}")
    for name, add_us, count_us in rows:
        print(f"{name:<72} {add_us:>9.3f} {count_us:>9.3f}")

    scalar, batch, ours_native, np_native, np_call, np_vec = rows[:6]
    print(
        f"(the holidays helpers and the naive loop step a day at a time, too slow for {pairs} "
        f"pairs: they run on the first {n_sub})"
    )
    print()
    print("Ratios (baseline time / ours; > 1 means ours is faster):")
    print(
        f"  scalar add   vs numpy one call per pair: {np_call[1] / scalar[1]:6.1f}x  (target >= 8x)"
    )
    print(
        f"  scalar count vs numpy one call per pair: {np_call[2] / scalar[2]:6.1f}x  (target >= 8x)"
    )
    print(
        f"  batch add    vs numpy vectorised, Python dates: {np_vec[1] / batch[1]:6.2f}x  "
        "(target >= 1x)"
    )
    print(
        f"  batch count  vs numpy vectorised, Python dates: {np_vec[2] / batch[2]:6.2f}x  "
        "(target >= 1x)"
    )
    print(
        f"  array add    vs numpy busday_offset, same arrays: "
        f"{np_native[1] / ours_native[1]:6.2f}x  (target >= 1x)"
    )
    print(
        f"  array count  vs numpy busday_count, same arrays:  "
        f"{np_native[2] / ours_native[2]:6.2f}x  (target >= 1x)"
    )
    print(f"  scalar add   vs holidays helpers: {rows[6][1] / scalar[1]:8.0f}x")
    print(f"  scalar add   vs naive loop:       {rows[7][1] / scalar[1]:8.0f}x")


def startup(runs: int) -> None:
    """Time whole processes: our command against building a holidays calendar."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    args = ["calendar", "add", "2025-12-18", "15"]
    commands: list[tuple[str, list[str]]] = [
        ("bare interpreter (python -c pass)", [sys.executable, "-c", "pass"]),
        (
            "baseline: python -c \"import holidays; holidays.UK(subdiv='ENG')\"",
            [sys.executable, "-c", "import holidays; holidays.UK(subdiv='ENG')"],
        ),
        (
            "python -m improvement_kit calendar add 2025-12-18 15",
            [sys.executable, "-m", "improvement_kit", *args],
        ),
    ]
    script = Path(sys.executable).parent / "improvement-kit"
    found = str(script) if script.exists() else shutil.which("improvement-kit")
    if found:
        commands.append(
            ("improvement-kit calendar add 2025-12-18 15 (console script)", [found, *args])
        )
    results: dict[str, float] = {}
    for name, command in commands:
        subprocess.run(command, env=env, capture_output=True, check=False)  # warm the disk cache
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, check=False)
            times.append(time.perf_counter() - t0)
            if done.returncode != 0:
                raise SystemExit(f"{name} failed: {done.stderr.decode().strip()}")
        results[name] = statistics.median(times) * 1000
    print()
    print(f"Whole-process start-up, median of {runs} runs (ms):")
    for name, ms in results.items():
        print(f"  {name:<72} {ms:7.1f}")
    baseline = results[commands[1][0]]
    for name, _ in commands[2:]:
        ratio = results[name] / baseline
        print(
            f"  ratio {name.split(' calendar')[0]} / holidays baseline: {ratio:5.2f} (target <= 1)"
        )


def main() -> int:
    """Parse the options and run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startup", action="store_true", help="only the start-up comparison")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up comparison")
    parser.add_argument("--pairs", type=int, default=PAIRS)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--runs", type=int, default=9, help="processes per start-up command")
    options = parser.parse_args()
    if not options.startup:
        in_process(options.pairs, options.repeats)
    if not options.no_startup:
        startup(options.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
