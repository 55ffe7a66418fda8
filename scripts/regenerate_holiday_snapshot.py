"""Regenerate the bundled holiday snapshot from the ``holidays`` package.

The calendar does not import ``holidays`` at run time (it costs ~240 ms); it reads
``src/improvement_kit/data/holiday-snapshot.json``, which this script writes from ``holidays``
itself, so no holiday rule is ours. ``tests/calendar`` checks the snapshot still equals live
``holidays`` output for every year it covers; rerun this script after upgrading ``holidays`` and
review the diff::

    .venv/bin/python scripts/regenerate_holiday_snapshot.py

The snapshot holds, per region, the non-working *weekdays* (weekend holidays change nothing) with
the names ``holidays`` gives them ("(observed)" is rewritten "(substitute day)"), and the last
date covered by the bundled official GOV.UK list (``confirmed_until``).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from improvement_kit.calendar.regions import Region  # noqa: E402
from improvement_kit.calendar.tables import (  # noqa: E402
    FIRST_YEAR,
    GOVUK_FILE,
    LAST_YEAR,
    SNAPSHOT_FILE,
    live_non_working_weekdays,
)


def confirmed_until(region: Region) -> str:
    """Return 31 December of the last year in the bundled GOV.UK list for ``region``."""
    data = json.loads(GOVUK_FILE.read_text(encoding="utf-8"))
    last = max(date.fromisoformat(event["date"]) for event in data[region.value]["events"])
    return date(last.year, 12, 31).isoformat()


def build() -> dict[str, object]:
    """Return the snapshot as a JSON-ready mapping."""
    from importlib.metadata import version

    regions: dict[str, object] = {}
    for region in Region:
        days = live_non_working_weekdays(region, range(FIRST_YEAR, LAST_YEAR + 1))
        names = sorted(set(days.values()))
        index = {name: i for i, name in enumerate(names)}
        regions[region.value] = {
            "subdiv": region.subdivision,
            "confirmed_until": confirmed_until(region),
            "names": names,
            "days": {date.fromordinal(o).isoformat(): index[n] for o, n in sorted(days.items())},
        }
    return {
        "about": "Non-working weekdays per region, generated from the holidays package by "
        "scripts/regenerate_holiday_snapshot.py; do not edit by hand.",
        "holidays_version": version("holidays"),
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "regions": regions,
    }


def main() -> int:
    """Write the snapshot file and say where."""
    text = json.dumps(build(), ensure_ascii=False, indent=1)
    SNAPSHOT_FILE.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT_FILE.relative_to(ROOT)} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
