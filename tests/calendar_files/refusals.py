"""The one check every refused closure or term-date file must pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from improvement_kit.calendar import load_school_holidays
from improvement_kit.errors import InputError


def refused(path: Path) -> str:
    """The one-line message refusing ``path``: no newline, at most 300 characters, naming it."""
    with pytest.raises(InputError) as caught:
        load_school_holidays(path)
    message = str(caught.value)
    assert "\n" not in message
    assert len(message) <= 300, message
    assert str(path) in message
    return message
