"""The documented limits are the real ones: every field of Limits is in
docs/refusals_documents.rst with its default, and can be raised from the command line."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from improvement_kit.documents.limits import DEFAULT_LIMITS, Limits, parse_limit
from improvement_kit.errors import TemplateError

DOC = Path(__file__).parents[2] / "docs" / "refusals_documents.rst"
MIB = 1024 * 1024


def _shown(value: float) -> str:
    if value >= MIB and value % MIB == 0:
        return f"{int(value) // MIB} MiB"
    return f"{int(value):,}" if value == int(value) else str(value)


def _documented() -> dict[str, str]:
    rows = re.findall(r"\* - ``(\w+)``\n\s+- ([^\n]+)", DOC.read_text(encoding="utf-8"))
    return dict(rows)


def test_every_limit_is_documented_with_its_default() -> None:
    documented = _documented()
    expected = {f.name: _shown(getattr(DEFAULT_LIMITS, f.name)) for f in attrs.fields(Limits)}
    assert documented == expected


@pytest.mark.parametrize("field", [f.name for f in attrs.fields(Limits)])
def test_every_limit_can_be_raised_by_name(field: str) -> None:
    raised = parse_limit(f"{field}=123456789", DEFAULT_LIMITS)
    assert getattr(raised, field) == 123456789


@pytest.mark.parametrize("text", ["max_range", "max_rnage=5", "max_range=-1", "max_range=lots"])
def test_a_bad_limit_option_is_one_short_line(text: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_limit(text, DEFAULT_LIMITS)
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) <= 300
