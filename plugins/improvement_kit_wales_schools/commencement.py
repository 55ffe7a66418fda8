"""How a Welsh power row treats a state that began before its provision commenced.

Rule rows have no key for this (a new key would need an engine change), so every power row
of this plugin starts its ``notes`` with a structured prefix::

    pre-commencement: <mode>; because: <the words that decide it> | <other notes>

``mode`` is one of:

``from-commencement``
    a state that began earlier (an Estyn notice not superseded) gives the power from the
    day the provision commenced;
``only-new``
    only states arising under the new provision count (an SSFA 1998 s.15 notice is not a
    warning notice "under section 3");
``saved``
    the old law goes on applying to a state that began under it.

The tests refuse a power row without the prefix (``tests/wales_schools``).
"""

from __future__ import annotations

import enum
import re

import attrs

__all__ = ["Mode", "PreCommencement", "parse"]

_PREFIX = re.compile(r"pre-commencement: (?P<mode>[a-z-]+); because: (?P<because>[^|]+?)\s*\|\s*")


class Mode(enum.StrEnum):
    """The three treatments."""

    FROM_COMMENCEMENT = "from-commencement"
    ONLY_NEW = "only-new"
    SAVED = "saved"


@attrs.frozen
class PreCommencement:
    """The parsed prefix."""

    mode: Mode
    because: str


def parse(notes: str) -> PreCommencement | None:
    """The prefix of ``notes``, or ``None`` when it has none (or an unknown mode).

    >>> parse('pre-commencement: only-new; because: "under section 3" | more').mode.value
    'only-new'
    >>> parse("no prefix") is None
    True
    """
    match = _PREFIX.match(notes)
    if match is None:
        return None
    try:
        mode = Mode(match["mode"])
    except ValueError:
        return None
    because = match["because"].strip()
    return PreCommencement(mode, because) if because else None
