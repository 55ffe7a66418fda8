"""A termination warning notice can record its two specified dates (Academies Act 2010
s.2B(3): action "by a specified date" and a response "by a specified date")."""

from __future__ import annotations

import datetime as dt

from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

ACADEMY = {"urn": "140001", "name": "Oak & Ash Academy", "type": "academy"}


def _timeline(event: dict[str, str]):  # type: ignore[no-untyped-def]
    data = {"jurisdiction": "england-academies", "provider": ACADEMY, "events": [event]}
    return build_timeline(case_from_data(data, "t"))


def test_the_action_and_response_dates_are_the_ones_the_notice_specifies() -> None:
    tl = _timeline(
        {
            "type": "termination-warning-notice-given",
            "date": "2026-02-02",
            "action_by": "2026-04-30",
            "respond_by": "2026-02-23",
        }
    )
    assert tl.get("termination-warning-notice.action-due").due == dt.date(2026, 4, 30)
    assert tl.get("termination-warning-notice.response-due").due == dt.date(2026, 2, 23)


def test_within_15_days_is_read_as_calendar_days_with_the_alternatives_shown() -> None:
    # Worked example 15: dated Mon 2 Feb 2026, "within 15 days": calendar days -> Tue 17 Feb;
    # 15 working days following -> Mon 23 Feb; beginning with the date -> Fri 20 Feb 2026.
    tl = _timeline(
        {
            "type": "termination-warning-notice-given",
            "date": "2026-02-02",
            "compliance_period": "within 15 days",
        }
    )
    item = tl.get("termination-warning-notice.response-due")
    assert item.due == dt.date(2026, 2, 17)
    assert item.details["working_days_following"] == "2026-02-23"
    assert item.details["working_days_beginning_with"] == "2026-02-20"
