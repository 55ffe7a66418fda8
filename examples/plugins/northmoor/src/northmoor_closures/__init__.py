"""Northmoor Borough Council (fictional): office closures and one local rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable

from improvement_kit.calendar import Closure
from improvement_kit.hookspecs import hookimpl

LOCAL_AUTHORITY = "Northmoor Borough Council"


@hookimpl
def improvement_kit_calendar_adjustments(
    jurisdiction: str, region: str, local_authority: str | None
) -> Sequence[Closure]:
    """The council's offices close from 24 to 31 December."""
    del jurisdiction, region
    if local_authority != LOCAL_AUTHORITY:
        return []
    return [
        Closure(dt.date(year, 12, 24), dt.date(year, 12, 31), "Northmoor office closure")
        for year in range(2005, 2041)
    ]


@hookimpl
def improvement_kit_rule_tables(jurisdiction: str) -> Sequence[Traversable]:
    """One local rule for maintained schools."""
    if jurisdiction != "england-maintained":
        return []
    return [files(__name__) / "rules" / "northmoor.toml"]
