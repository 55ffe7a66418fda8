"""Timeline cost against the size of one case: 1,000 versus 10,000 warning notices.

Run: ``.venv/bin/python benchmarks/case_size.py [--small 1000] [--large 10000] [--repeats 3]``

A case of N performance-standards warning notices (given by the local authority, one a day
from 2 Apr 2007: the old s.60 before 18 Apr 2016 and the new one, with a specified period,
after; each followed three days later by representations naming it) is timed with
``build_timeline`` on one kit; the ratio large/small is printed next to the ratio of sizes
(linear cost gives the same ratio; the goal is at most about 20x for 10x the events). Medians
of ``--repeats`` runs.
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


def case_data(n: int) -> dict[str, Any]:
    events: list[dict[str, Any]] = []
    day = dt.date(2007, 4, 2)
    for i in range(n):
        notice: dict[str, Any] = {
            "id": f"wn-{i}",
            "type": "warning-notice-given",
            "date": day.isoformat(),
            "ground": "performance-standards-and-safety",
            "given_by": "local-authority",
            "matters": ["Standards too low"],
        }
        if day >= dt.date(2016, 4, 18):
            notice["compliance_period"] = "15 working days following the day given"
        events.append(notice)
        later = day + dt.timedelta(days=3)
        events.append(
            {"type": "representations-made", "date": later.isoformat(), "notice": f"wn-{i}"}
        )
        day += dt.timedelta(days=1)
    return {
        "jurisdiction": "england-maintained",
        "provider": {"urn": "999102", "name": "Benchmark Primary", "type": "community"},
        "events": events,
    }


def timed(kit: Kit, n: int, repeats: int) -> tuple[float, int]:
    case = case_from_data(case_data(n), plugins=kit)
    times = []
    items = 0
    for _ in range(repeats):
        start = time.perf_counter()
        items = len(build_timeline(case, kit=kit).items)
        times.append(time.perf_counter() - start)
    return statistics.median(times), items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    kit = Kit.load()
    timed(kit, 10, 1)  # warm the rule book and calendars
    small, small_items = timed(kit, args.small, args.repeats)
    large, large_items = timed(kit, args.large, args.repeats)
    print(f"{args.small:>6} notices: {small:8.3f} s ({small_items} items)")
    print(f"{args.large:>6} notices: {large:8.3f} s ({large_items} items)")
    print(
        f"ratio large/small: {large / small:.1f}x for {args.large / args.small:.0f}x the events "
        "(goal: at most about 20x)"
    )


if __name__ == "__main__":
    main()
