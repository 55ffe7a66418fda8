"""Timeline engine speed: µs per case over generated cases, and its ratio to one calendar add.

Run: ``.venv/bin/python benchmarks/timeline.py [--cases 25000] [--repeats 3]``

The baseline, measured in the same run, is one ``WorkingDayCalendar.add`` call (the cheapest
operation every deadline needs). Cases are generated with a fixed seed: a warning notice
(before or after 18 April 2016, some with a specified period), an inspection with a category,
Ofsted's notice and the final report, spread over 2008-2030.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from typing import Any

from improvement_kit.calendar import WorkingDayCalendar
from improvement_kit.plugins import Plugins
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline


def generate(n: int, seed: int = 20261125) -> list[Any]:
    rng = random.Random(seed)
    start = dt.date(2008, 1, 1).toordinal()
    end = dt.date(2030, 6, 30).toordinal()
    cases = []
    for i in range(n):
        day = dt.date.fromordinal(rng.randint(start, end))
        events: list[dict[str, Any]] = []
        if rng.random() < 0.6:
            notice: dict[str, Any] = {
                "type": "warning-notice-given",
                "date": day.isoformat(),
                "ground": "performance-standards-and-safety",
            }
            if day >= dt.date(2016, 4, 18):
                notice["compliance_period"] = f"{rng.choice([10, 15, 20])} working days following"
            events.append(notice)
            events.append(
                {
                    "type": "reasonable-notice-given",
                    "date": (day + dt.timedelta(days=40)).isoformat(),
                }
            )
        else:
            category = rng.choice(["special-measures", "significant-improvement"])
            events += [
                {
                    "type": "inspection",
                    "start": day.isoformat(),
                    "end": (day + dt.timedelta(days=1)).isoformat(),
                    "category": category,
                },
                {
                    "type": "ofsted-category-notice",
                    "date": (day + dt.timedelta(days=20)).isoformat(),
                    "category": category,
                },
                {
                    "type": "final-report-received",
                    "date": (day + dt.timedelta(days=25)).isoformat(),
                },
            ]
        cases.append(
            case_from_data(
                {
                    "jurisdiction": "england-maintained",
                    "provider": {
                        "urn": str(100000 + i),
                        "name": f"School {i}",
                        "type": "community",
                    },
                    "events": events,
                }
            )
        )
    return cases


def median_time(fn: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=25_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    plugins = Plugins.load()
    cases = generate(args.cases)
    build_timeline(cases[0], plugins=plugins)  # warm caches (rule book, calendars)

    calendar = WorkingDayCalendar.for_region("england-and-wales")
    rng = random.Random(1)
    pairs = [
        (dt.date(2008, 1, 1) + dt.timedelta(days=rng.randint(0, 8000)), rng.randint(1, 60))
        for _ in range(100_000)
    ]

    def adds() -> None:
        add = calendar.add
        for start, n in pairs:
            add(start, n)

    def timelines() -> None:
        for case in cases:
            build_timeline(case, plugins=plugins)

    add_s = median_time(adds, args.repeats) / len(pairs)
    case_s = median_time(timelines, args.repeats) / len(cases)
    items = sum(len(build_timeline(c, plugins=plugins).items) for c in cases[:500]) / 500
    print(f"cases: {len(cases):,} (median of {args.repeats} runs)")
    print(f"baseline: one calendar add         {add_s * 1e6:10.2f} µs")
    print(f"timeline per case ({items:.1f} items)   {case_s * 1e6:10.2f} µs")
    print(f"ratio timeline / calendar add      {case_s / add_s:10.0f} x")
    print(f"timelines per second               {1 / case_s:10,.0f}")


if __name__ == "__main__":
    main()
