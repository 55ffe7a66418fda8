"""Academies and FE timelines against maintained-school ones, side by side in one process.

Run: ``.venv/bin/python benchmarks/academies_fe.py [--cases 2000] [--repeats 5]``

The baseline is the maintained-school case of ``benchmarks/timeline.py`` (a category
inspection, Ofsted's notice and the final report). The academy cases add a coasting
notification and a termination warning notice with its two dates; the FE cases are an
inspection judged to require improvement (with or without ``notified_on``), its report and a
support and challenge visit. The ratios are medians of µs per case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from improvement_kit.model import Case
from improvement_kit.plugins import Plugins
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return dt.date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def _iso(day: dt.date, plus: int = 0) -> str:
    return (day + dt.timedelta(days=plus)).isoformat()


def maintained(i: int, rng: random.Random) -> dict[str, Any]:
    day = _day(rng, dt.date(2012, 9, 1), dt.date(2026, 6, 30))
    category = rng.choice(["special-measures", "significant-improvement"])
    return {
        "jurisdiction": "england-maintained",
        "provider": {"urn": str(100000 + i), "name": f"School {i}", "type": "community"},
        "events": [
            {"type": "inspection", "start": _iso(day), "end": _iso(day, 1), "category": category},
            {"type": "ofsted-category-notice", "date": _iso(day, 20), "category": category},
            {"type": "final-report-received", "date": _iso(day, 25)},
        ],
    }


def academy(i: int, rng: random.Random) -> dict[str, Any]:
    day = _day(rng, dt.date(2017, 2, 1), dt.date(2026, 6, 30))
    events: list[dict[str, Any]] = [
        {"type": "coasting-notification", "date": _iso(day)},
        {
            "type": "termination-warning-notice-given",
            "date": _iso(day, 21),
            "respond_by": _iso(day, 35),
            "action_by": _iso(day, 77),
        },
    ]
    if rng.random() < 0.5:
        events.append({"type": "representations-made", "date": _iso(day, 30)})
    return {
        "jurisdiction": "england-academies",
        "provider": {"urn": str(140000 + i), "name": f"Academy {i}", "type": "academy"},
        "events": events,
    }


def college(i: int, rng: random.Random) -> dict[str, Any]:
    day = _day(rng, dt.date(2012, 10, 1), dt.date(2017, 12, 31))
    while day.weekday() > 2:  # a Monday-Wednesday start
        day += dt.timedelta(days=1)
    inspection: dict[str, Any] = {
        "type": "inspection",
        "start": _iso(day),
        "end": _iso(day, 2),
        "grades": {"overall-effectiveness": "requires-improvement"},
    }
    if rng.random() < 0.5:
        inspection["notified_on"] = _iso(day, -4)
    events = [inspection, {"type": "report-published", "date": _iso(day, 35)}]
    if day < dt.date(2017, 11, 1):
        events.append({"type": "support-and-challenge-visit", "date": _iso(day, 60)})
    return {
        "jurisdiction": "england-fe",
        "provider": {"urn": str(130000 + i), "name": f"College {i}", "type": "fe-college"},
        "events": events,
    }


def median_per_case(cases: list[Case], plugins: Plugins, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for case in cases:
            build_timeline(case, plugins=plugins)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) / len(cases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    plugins = Plugins.load()
    makers: dict[str, Callable[[int, random.Random], dict[str, Any]]] = {
        "maintained (baseline)": maintained,
        "academies": academy,
        "further education": college,
    }
    results = {}
    for name, make in makers.items():
        rng = random.Random(20261202)
        cases = [case_from_data(make(i, rng), plugins=plugins) for i in range(args.cases)]
        build_timeline(cases[0], plugins=plugins)  # warm the rule book and calendars
        results[name] = median_per_case(cases, plugins, args.repeats)
    base = results["maintained (baseline)"]
    print(f"cases: {args.cases:,} each (median of {args.repeats} runs)")
    for name, seconds in results.items():
        print(f"{name:24} {seconds * 1e6:9.1f} µs per case   ratio {seconds / base:5.2f}")


if __name__ == "__main__":
    main()
