"""A timeline with the school's own holidays against the same case without them.

Run: ``.venv/bin/python benchmarks/timeline_holidays.py [--cases 2000] [--distinct 10]``

Each case is an old-s.60 warning notice given on a different day, so every case needs its own
counting; the "with holidays" cases also carry a school year of term dates (six holidays)
from ``--distinct`` different sets: 10 by default, as a handful of authorities' term dates
would be; ``--distinct`` equal to ``--cases`` gives every case its own. Medians of
``--repeats`` runs; the ratio is the cost of school holidays (the portfolio issue's goal:
at most 1.5x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from typing import Any

from improvement_kit.kit import Kit
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline


def holidays(shift: int) -> list[dict[str, str]]:
    year = 2014
    spans = [
        (10, 27, 10, 31),
        (12, 22, 12, 31),
        (2, 16, 2, 20),
        (4, 6, 4, 17),
        (5, 25, 5, 29),
        (7, 23, 8, 31),
    ]
    out = []
    for m1, d1, m2, d2 in spans:
        y = year if m1 >= 9 else year + 1
        start = dt.date(y, m1, d1) + dt.timedelta(days=shift)
        end = dt.date(y, m2, d2) + dt.timedelta(days=shift)
        out.append({"start": start.isoformat(), "end": end.isoformat(), "reason": "holiday"})
    return out


def case(i: int, with_holidays: bool, distinct: int = 10) -> dict[str, Any]:
    given = dt.date(2014, 9, 1) + dt.timedelta(days=i % 300)
    data: dict[str, Any] = {
        "jurisdiction": "england-maintained",
        "provider": {"urn": "999102", "name": "Benchmark Primary", "type": "community"},
        "events": [
            {
                "id": "wn",
                "type": "warning-notice-given",
                "date": given.isoformat(),
                "ground": "performance-standards-and-safety",
                "given_by": "local-authority",
                "matters": ["Standards too low"],
            },
            {"type": "final-report-received", "date": given.isoformat()},
        ],
    }
    if with_holidays:
        data["school_holidays"] = holidays(i % distinct)
    return data


def timed(kit: Kit, cases: list[Any]) -> float:
    start = time.perf_counter()
    for c in cases:
        build_timeline(c, kit=kit)
    return (time.perf_counter() - start) / len(cases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--distinct", type=int, default=10, help="how many different term-date sets (default 10)"
    )
    args = parser.parse_args()
    kit = Kit.load()
    plain = [case_from_data(case(i, False), plugins=kit) for i in range(args.cases)]
    timed(kit, plain[:50])  # warm the rule book
    without, with_holidays = [], []
    for _ in range(args.repeats):  # interleaved, so that a busy machine slows both alike
        # Fresh cases each run: their holiday sets are new to the calendar cache.
        school = [
            case_from_data(case(i, True, args.distinct), plugins=kit) for i in range(args.cases)
        ]
        without.append(timed(kit, plain))
        with_holidays.append(timed(kit, school))
    plain_us, school_us = statistics.median(without), statistics.median(with_holidays)
    print(f"{args.cases} cases, {args.distinct} term-date sets, median of {args.repeats} runs")
    print(f"timeline without school holidays: {plain_us * 1e6:8.0f} us per case")
    print(f"timeline with school holidays:    {school_us * 1e6:8.0f} us per case")
    print(f"ratio with/without: {school_us / plain_us:.2f} (goal: at most 1.5)")


if __name__ == "__main__":
    main()
