"""argparse types shared by the sub-commands (standard library only, so parsing stays fast)."""

from __future__ import annotations

import argparse
import datetime as dt
import re

__all__ = ["iso_date"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(text: str) -> dt.date:
    """Parse an ISO date (YYYY-MM-DD) for argparse; errors say which of the two is wrong."""
    if not _ISO_DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date") from None
