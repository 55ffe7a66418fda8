"""The two ways statutes count working days."""

from __future__ import annotations

import enum

__all__ = ["Convention"]


class Convention(enum.StrEnum):
    """How a period of working days is counted from its starting day.

    * ``FOLLOWING`` — "beginning with the day X and ending with the Nth working day following
      that day": the starting day is never counted (it is day 0, working or not).
    * ``BEGINNING_WITH`` — "N working days beginning with the day X": the starting day is day 1
      if it is a working day; otherwise the first working day after it is.
    """

    FOLLOWING = "following"
    BEGINNING_WITH = "beginning-with"
