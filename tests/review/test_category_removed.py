"""A category of concern ends when a later report states it no longer applies: with --as-of
after that, the ``category`` status item is ``ended``, not ``in-effect``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from improvement_kit.model import ItemStatus
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

COMMUNITY = {"urn": "999002", "name": "Hill & Dale", "type": "community"}


def case(*events: dict[str, Any]) -> Any:
    data = {"jurisdiction": "england-maintained", "provider": COMMUNITY, "events": list(events)}
    return case_from_data(data, "case.yaml")


SM_2018: dict[str, Any] = {
    "type": "inspection",
    "start": "2018-03-06",
    "end": "2018-03-07",
    "grades": {"overall-effectiveness": "inadequate"},
    "leadership_capacity": False,
}
NOTICE = {"type": "ofsted-category-notice", "date": "2018-04-02", "category": "special-measures"}
REMOVED = {"type": "category-removed", "date": "2020-02-10"}


def test_the_category_ends_the_day_before_the_report_that_removes_it() -> None:
    # Removed by the report of Mon 10 Feb 2020: the category ran to Sun 9 Feb 2020.
    timeline = build_timeline(case(SM_2018, NOTICE, REMOVED), as_of=dt.date(2021, 1, 1))
    item = timeline.get("category")
    assert item.due == dt.date(2018, 3, 7)
    assert item.window is not None and item.window.end == dt.date(2020, 2, 9)
    assert item.status is ItemStatus.ENDED


def test_the_category_is_still_in_effect_on_the_day_before_it_is_removed() -> None:
    timeline = build_timeline(case(SM_2018, NOTICE, REMOVED), as_of=dt.date(2020, 2, 9))
    assert timeline.get("category").status is ItemStatus.IN_EFFECT


def test_a_category_never_removed_stays_in_effect() -> None:
    timeline = build_timeline(case(SM_2018, NOTICE), as_of=dt.date(2021, 1, 1))
    item = timeline.get("category")
    assert item.window is None
    assert item.status is ItemStatus.IN_EFFECT


def test_removing_another_category_does_not_end_this_one() -> None:
    other = {**REMOVED, "category": "significant-improvement"}
    timeline = build_timeline(case(SM_2018, NOTICE, other), as_of=dt.date(2021, 1, 1))
    assert timeline.get("category").status is ItemStatus.IN_EFFECT
