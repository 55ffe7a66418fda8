"""The UK working-day calendar.

Working days per GOV.UK region (weekends, Christmas Day, Good Friday and bank holidays excluded,
substitute and one-off proclaimed days included), optionally with closures and a school's
holidays longer than a week removed; counting "following" or "beginning with" a day, with an
explanation of the days passed over; and the calendar-month and calendar-day periods.

>>> from datetime import date
>>> get_calendar().add(date(2025, 12, 18), 15)
datetime.date(2026, 1, 13)
"""

from __future__ import annotations

from improvement_kit.calendar.conventions import Convention
from improvement_kit.calendar.counting import WorkingDayCalendar, get_calendar
from improvement_kit.calendar.explain import Counted, SkippedDay, format_day
from improvement_kit.calendar.months import calendar_days_elapsed, months_following
from improvement_kit.calendar.regions import Region
from improvement_kit.calendar.school import (
    Closure,
    holiday_length,
    is_longer_than_a_week,
    load_school_holidays,
)

__all__ = [
    "Closure",
    "Convention",
    "Counted",
    "Region",
    "SkippedDay",
    "WorkingDayCalendar",
    "calendar_days_elapsed",
    "format_day",
    "get_calendar",
    "holiday_length",
    "is_longer_than_a_week",
    "load_school_holidays",
    "months_following",
]
