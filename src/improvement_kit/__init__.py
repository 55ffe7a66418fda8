"""improvement_kit: the rules by which UK education providers are inspected, put into follow-up
and intervened in, as typed, tested, date-aware code; and the documents those rules demand.

The public names below are imported lazily, so that ``import improvement_kit`` (and the
calendar commands) stay fast::

    >>> import improvement_kit as ik
    >>> import datetime
    >>> ik.get_calendar("england-and-wales").add(datetime.date(2014, 12, 18), 15)
    datetime.date(2015, 1, 13)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from improvement_kit.calendar import (
        Closure,
        Region,
        WorkingDayCalendar,
        calendar_days_elapsed,
        get_calendar,
        load_school_holidays,
        months_following,
    )
    from improvement_kit.errors import (
        CalendarError,
        CaseFileError,
        DocumentError,
        ImprovementKitError,
        InputError,
        PluginError,
        RuleDataError,
    )
    from improvement_kit.hookspecs import hookimpl
    from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction, LocalProcedure
    from improvement_kit.kit import Kit
    from improvement_kit.model import Case, Category, Provider, Timeline, TimelineItem
    from improvement_kit.plugins import Plugins
    from improvement_kit.serialization import load_case
    from improvement_kit.timeline import build_timeline

_LAZY = {
    "Closure": "improvement_kit.calendar",
    "Region": "improvement_kit.calendar",
    "WorkingDayCalendar": "improvement_kit.calendar",
    "calendar_days_elapsed": "improvement_kit.calendar",
    "get_calendar": "improvement_kit.calendar",
    "load_school_holidays": "improvement_kit.calendar",
    "months_following": "improvement_kit.calendar",
    "CalendarError": "improvement_kit.errors",
    "CaseFileError": "improvement_kit.errors",
    "DocumentError": "improvement_kit.errors",
    "ImprovementKitError": "improvement_kit.errors",
    "InputError": "improvement_kit.errors",
    "PluginError": "improvement_kit.errors",
    "RuleDataError": "improvement_kit.errors",
    "hookimpl": "improvement_kit.hookspecs",
    "CategoryDecision": "improvement_kit.jurisdictions",
    "Jurisdiction": "improvement_kit.jurisdictions",
    "LocalProcedure": "improvement_kit.jurisdictions",
    "Kit": "improvement_kit.kit",
    "Case": "improvement_kit.model",
    "Category": "improvement_kit.model",
    "Provider": "improvement_kit.model",
    "Timeline": "improvement_kit.model",
    "TimelineItem": "improvement_kit.model",
    "Plugins": "improvement_kit.plugins",
    "load_case": "improvement_kit.serialization",
    "build_timeline": "improvement_kit.timeline",
}

__all__ = [
    "CalendarError",
    "Case",
    "CaseFileError",
    "Category",
    "CategoryDecision",
    "Closure",
    "DocumentError",
    "ImprovementKitError",
    "InputError",
    "Jurisdiction",
    "Kit",
    "LocalProcedure",
    "PluginError",
    "Plugins",
    "Provider",
    "Region",
    "RuleDataError",
    "Timeline",
    "TimelineItem",
    "WorkingDayCalendar",
    "__version__",
    "build_timeline",
    "calendar_days_elapsed",
    "get_calendar",
    "hookimpl",
    "load_case",
    "load_school_holidays",
    "months_following",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'improvement_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
