"""Today's date, overridable for tests and reproducible runs.

Set ``IMPROVEMENT_KIT_TODAY=2026-01-05`` (ISO date) to fix "today" for the whole process; the
``ik_today`` fixture of :mod:`improvement_kit.testing` does this for one test.
"""

from __future__ import annotations

import datetime as dt
import os

from improvement_kit.errors import InputError

__all__ = ["TODAY_ENV", "today"]

#: Environment variable that fixes today's date (ISO 8601).
TODAY_ENV = "IMPROVEMENT_KIT_TODAY"


def today() -> dt.date:
    """Today's date, or the date in :data:`TODAY_ENV` when it is set."""
    fixed = os.environ.get(TODAY_ENV)
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise InputError(TODAY_ENV, fixed, "is not an ISO date (YYYY-MM-DD)") from None
    return dt.date.today()
