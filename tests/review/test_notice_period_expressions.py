"""A compliance period the notice states in words: a bad expression is reported naming
``compliance_period`` (the field it came from), and "0 working days beginning with" is refused
as an expression instead of failing inside the calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from improvement_kit.calendar import get_calendar
from improvement_kit.errors import InputError
from improvement_kit.rules import parse_deadline, parse_period_expression
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

COMMUNITY = {"urn": "999002", "name": "Hill & Dale", "type": "community"}


def notice(**fields: Any) -> dict[str, Any]:
    return {
        "jurisdiction": "england-maintained",
        "provider": COMMUNITY,
        "events": [
            {"type": "inspection", "start": "2025-11-04", "end": "2025-11-05"},
            {"type": "warning-notice-given", "date": "2025-12-18", **fields},
        ],
    }


@pytest.mark.parametrize("expression", ["fortnight", "0 working days beginning with the date"])
def test_a_bad_expression_names_the_field_it_came_from_when_counting(expression: str) -> None:
    # The rule asks for compliance_period_end first; the text came from compliance_period.
    case = case_from_data(notice(compliance_period=expression), "case.yaml")
    with pytest.raises(InputError) as caught:
        build_timeline(case)
    assert caught.value.path == "compliance_period"


def test_fifteen_working_days_beginning_with_the_notice_still_counts_the_notice_day() -> None:
    # Worked example 2: Thu 18 Dec 2025 is day 1; 19, 22, 23, 24 (5), 29, 30, 31 (8),
    # 2 Jan (9), 5-9 Jan (14), Mon 12 Jan 2026 (15); 25, 26 Dec and 1 Jan skipped.
    point = parse_period_expression("15 working days beginning with the date of this notice")
    computed = point.evaluate(dt.date(2025, 12, 18), get_calendar(), "the day given")
    assert computed.due == dt.date(2026, 1, 12)


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ({"working_days_beginning_with": 0}, "working_days_beginning_with"),
        ({"calendar_days_elapsed": -1}, "calendar_days_elapsed"),
    ],
)
def test_a_rule_deadline_that_cannot_be_counted_is_refused_when_the_rule_is_loaded(
    table: dict[str, int], field: str
) -> None:
    with pytest.raises(ValueError, match=f"deadline.{field}"):
        parse_deadline(table)
