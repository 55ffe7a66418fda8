"""argparse types shared by the sub-commands (standard library only, so parsing stays fast)."""

from __future__ import annotations

import argparse
import datetime as dt
import re

__all__ = ["MAX_DIGITS", "iso_date", "la_code", "whole_number"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: The most digits a count on the command line may have (999,999,999 is far beyond any calendar).
MAX_DIGITS = 9

# ASCII only: ``int()`` and ``\d`` would also take "1_5", "+15", " 15" and Arabic-Indic digits.
_WHOLE_NUMBER = re.compile(r"-?[0-9]+", re.ASCII)


def iso_date(text: str) -> dt.date:
    """Parse an ISO date (YYYY-MM-DD) for argparse; errors say which of the two is wrong."""
    if not _ISO_DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a real date") from None


def whole_number(text: str) -> int:
    """Parse a count for argparse: ASCII digits 0-9 with an optional leading minus sign.

    Nothing else is taken, though Python's ``int()`` would: ``1_5``, ``+15``, `` 15``,
    ``15.0`` and non-ASCII digits such as ``١٥`` are refused, as is a number of more than
    :data:`MAX_DIGITS` digits.

    >>> whole_number("-3")
    -3
    """
    shown = text if len(text) <= 40 else text[:39] + "…"
    if not _WHOLE_NUMBER.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"{shown!r} is not a whole number (ASCII digits 0-9, optionally after a minus sign)"
        )
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"{shown!r} is too large (at most {MAX_DIGITS} digits)")
    return int(text)


def la_code(text: str) -> str:
    """Parse a GIAS local-authority code for argparse: 3 ASCII digits (``830``)."""
    from improvement_kit.model.identifiers import la_code as la_code_rule

    try:
        return la_code_rule(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
