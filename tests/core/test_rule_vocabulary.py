"""The rule vocabulary real procedures need: recurring items until an event, local-authority
conditions, conditions on an inspection's grades, positive counts, and satisfaction by a later
event of the trigger's own type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import FAKE_ID

from improvement_kit.errors import RuleDataError
from improvement_kit.kit import Kit
from improvement_kit.rules import load_rule_text
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

HEAD = """
[[rules]]
id = "T-CAT-01"
item = "category"
title = "Category"
kind = "status"
nature = "law"
in_force_from = 2005-09-01
grade = "secondary"
source = { citation = "Test Act s.1" }
"""

REVIEWS = (
    HEAD
    + """
[[rules]]
id = "T-REVIEW"
item = "progress-review"
title = "Progress review"
kind = "obligation"
nature = "national-policy"
trigger = "ofsted-category-notice"
deadline = { months_following = 4 }
repeat = { every = { months_following = 4 }, times = 3, until = ["category-removed"] }
satisfied_by = "report-published"
in_force_from = 2020-01-01
grade = "unverified"
source = { citation = "Test procedure para 2" }
"""
)


def case(*events: dict[str, Any], la_code: str = "830") -> dict[str, Any]:
    return {
        "jurisdiction": FAKE_ID,
        "provider": {
            "urn": "100001",
            "name": "Testland Primary",
            "type": "community",
            "la_code": la_code,
        },
        "events": list(events),
    }


NOTICE = {
    "id": "cn-1",
    "type": "ofsted-category-notice",
    "date": "2025-03-10",
    "category": "special-measures",
}


def timeline(kit: Kit, *events: dict[str, Any], la_code: str = "830") -> Any:
    return build_timeline(case_from_data(case(*events, la_code=la_code), plugins=kit), kit=kit)


def test_a_series_recurs_every_four_months_up_to_its_count(testland: Callable[..., Kit]) -> None:
    kit = testland(REVIEWS)
    items = [i for i in timeline(kit, NOTICE).items if i.rule.id == "T-REVIEW"]
    # 4 months following 10 Mar 2025 is 10 Jul 2025 (the corresponding date); then 10 Nov 2025
    # and 10 Mar 2026; times = 3 stops the series there.
    assert [i.due for i in items] == [
        dt.date(2025, 7, 10),
        dt.date(2025, 11, 10),
        dt.date(2026, 3, 10),
    ]
    assert [i.id for i in items] == ["progress-review", "progress-review#2", "progress-review#3"]
    assert [i.key for i in items] == [
        "progress-review@cn-1",
        "progress-review@cn-1#2",
        "progress-review@cn-1#3",
    ]
    assert "occurrence 2 of at most 3, until category-removed" in items[1].explanation


def test_a_series_stops_at_its_until_event(testland: Callable[..., Kit]) -> None:
    kit = testland(REVIEWS)
    removed = {"type": "category-removed", "date": "2026-01-15"}
    items = [i for i in timeline(kit, NOTICE, removed).items if i.rule.id == "T-REVIEW"]
    # the third review (10 Mar 2026) falls after the category was removed on 15 Jan 2026
    assert [i.due for i in items] == [dt.date(2025, 7, 10), dt.date(2025, 11, 10)]


def test_each_satisfying_event_closes_the_next_occurrence(testland: Callable[..., Kit]) -> None:
    kit = testland(REVIEWS)
    held = [
        {"type": "report-published", "date": "2025-07-08"},
        {"type": "report-published", "date": "2025-11-12"},
    ]
    items = [i for i in timeline(kit, NOTICE, *held).items if i.rule.id == "T-REVIEW"]
    assert [i.satisfied_on for i in items] == [dt.date(2025, 7, 8), dt.date(2025, 11, 12), None]


LOCAL = (
    HEAD
    + """
[[rules]]
id = "T-LOCAL"
item = "local.visit"
title = "Visit by the authority"
kind = "obligation"
nature = "national-policy"
trigger = "ofsted-category-notice"
la_codes = ["830"]
deadline = { working_days_following = 10 }
in_force_from = 2020-01-01
grade = "unverified"
source = { citation = "Test procedure para 3" }
"""
)


def test_a_row_for_some_local_authorities_applies_only_to_their_providers(
    testland: Callable[..., Kit],
) -> None:
    kit = testland(LOCAL)
    # 10 working days following Mon 10 Mar 2025: 11-14 Mar (4), 17-21 Mar (9), 24 Mar (10)
    assert timeline(kit, NOTICE).get("local.visit").due == dt.date(2025, 3, 24)
    assert timeline(kit, NOTICE, la_code="831").find("local.visit") is None


GRADES = (
    HEAD
    + """
[[rules]]
id = "T-INADEQUATE"
item = "inadequate.follow-up"
title = "Follow-up of an inadequate school"
kind = "expected-event"
nature = "national-policy"
trigger = "inspection"
when = { "grades.overall-effectiveness" = "inadequate" }
deadline = { calendar_days_following = 28 }
satisfied_by = "inspection"
in_force_from = 2020-01-01
grade = "unverified"
source = { citation = "Test handbook para 4" }
"""
)


def inspection(start: str, end: str, grade: str) -> dict[str, Any]:
    return {
        "type": "inspection",
        "start": start,
        "end": end,
        "grades": {"overall-effectiveness": grade},
        "leadership_capacity": False,
    }


def test_a_condition_on_an_inspection_grade(testland: Callable[..., Kit]) -> None:
    kit = testland(GRADES)
    bad = timeline(kit, inspection("2021-03-02", "2021-03-03", "inadequate"))
    # 28 calendar days following Wed 3 Mar 2021 is Wed 31 Mar 2021
    item = bad.get("inadequate.follow-up")
    assert item.due == dt.date(2021, 3, 31)
    assert item.satisfied_on is None  # not satisfied by the inspection that triggered it
    good = timeline(kit, inspection("2021-03-02", "2021-03-03", "good"))
    assert good.find("inadequate.follow-up") is None
    again = timeline(
        kit,
        inspection("2021-03-02", "2021-03-03", "inadequate"),
        inspection("2021-03-29", "2021-03-30", "requires-improvement"),
    )
    assert again.get("inadequate.follow-up").satisfied_on == dt.date(2021, 3, 30)


ROW = """
[[rules]]
id = "R-1"
item = "x.y"
title = "t"
kind = "obligation"
nature = "law"
trigger = "warning-notice-given"
in_force_from = 2020-01-01
grade = "unverified"
source = {{ citation = "c" }}
{extra}
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("deadline = { working_days_following = 0 }", "expected 1 or more, got 0"),
        ("deadline = { months_following = -2 }", "expected 1 or more, got -2"),
        (
            "deadline = { months_following = 1 }\nrepeat = { every = { months_following = 1 }, times = 1 }",
            "repeat.times.: 1 is not a whole number from 2 to 100",
        ),
        (
            "deadline = { months_following = 1 }\nrepeat = { evry = { months_following = 1 }, times = 3 }",
            "did you mean 'every'",
        ),
        (
            "deadline = { months_following = 1 }\nrepeat = { times = 3 }",
            "needs both 'every' and 'times'",
        ),
        ('la_codes = ["83"]', "'83' is not a 3-digit GIAS code"),
        ("trigerr = 'x'", "did you mean 'trigger'"),
    ],
)
def test_the_loader_refuses_bad_vocabulary(extra: str, message: str) -> None:
    with pytest.raises(RuleDataError, match=message):
        load_rule_text(ROW.format(extra=extra), "t.toml")


def test_a_repeat_until_must_name_an_event_type(testland: Callable[..., Kit]) -> None:
    kit = testland(REVIEWS.replace('until = ["category-removed"]', 'until = ["category-remove"]'))
    with pytest.raises(RuleDataError, match="did you mean 'category-removed'"):
        kit.rule_book(FAKE_ID)


MONITORING = (
    HEAD
    + """
[[rules]]
id = "T-REINSPECT"
item = "reinspection"
title = "Re-inspection within 12 to 24 months"
kind = "expected-event"
nature = "national-policy"
trigger = "inspection"
when = { "grades.overall-effectiveness" = "requires-improvement" }
except_when = { kind = ["monitoring-inspection"] }
deadline = { window = { from = { months_following = 12 }, to = { months_following = 24 } } }
satisfied_by = "inspection"
satisfied_except_when = { kind = ["monitoring-inspection"] }
in_force_from = 2020-01-01
grade = "unverified"
source = { citation = "Test handbook para 5" }

[[rules]]
id = "T-VISIT"
item = "improvement-visit"
title = "Improvement visit 10 to 30 working days after publication"
kind = "expected-event"
nature = "national-policy"
trigger = "inspection"
when = { "grades.overall-effectiveness" = "requires-improvement" }
except_when = { kind = ["monitoring-inspection"] }
anchor = "next:report-published"
deadline = { window = { from = { working_days_following = 10 }, to = { working_days_following = 30 } } }
in_force_from = 2020-01-01
grade = "unverified"
source = { citation = "Test handbook para 6" }
"""
)


def monitoring_visit(start: str, end: str) -> dict[str, Any]:
    return {**inspection(start, end, "requires-improvement"), "kind": "monitoring-inspection"}


def test_except_when_leaves_monitoring_visits_out_and_does_not_satisfy_the_reinspection(
    testland: Callable[..., Kit],
) -> None:
    kit = testland(MONITORING)
    full = inspection("2021-03-02", "2021-03-03", "requires-improvement")
    t = timeline(kit, full, monitoring_visit("2021-10-05", "2021-10-05"))
    (item,) = t.all("reinspection")  # none from the monitoring visit itself
    # 12 and 24 months following Wed 3 Mar 2021: 3 Mar 2022 - 3 Mar 2023
    assert item.window is not None
    assert (item.window.start, item.window.end) == (dt.date(2022, 3, 3), dt.date(2023, 3, 3))
    assert item.satisfied_on is None  # a monitoring visit is not the re-inspection
    t = timeline(kit, full, inspection("2022-06-07", "2022-06-08", "good"))
    assert t.get("reinspection").satisfied_on == dt.date(2022, 6, 8)


def test_next_anchors_on_this_inspections_report_only(testland: Callable[..., Kit]) -> None:
    kit = testland(MONITORING)
    full = inspection("2021-03-02", "2021-03-03", "requires-improvement")
    report = {"type": "report-published", "date": "2021-04-14"}
    item = timeline(kit, full, report).get("improvement-visit")
    # 10 working days following Wed 14 Apr 2021: 15, 16, 19-23, 26-28 Apr -> Wed 28 Apr;
    # 30: 29, 30 Apr (12), 4-7 May (16; Mon 3 May is a bank holiday), 10-14 (21), 17-21 (26),
    # 24-27 May (30) -> Thu 27 May 2021.
    assert item.window is not None
    assert (item.window.start, item.window.end) == (dt.date(2021, 4, 28), dt.date(2021, 5, 27))
    # a report published after the next inspection belongs to that one, not to this
    later = timeline(
        kit,
        full,
        inspection("2021-03-30", "2021-03-31", "good"),
        {"type": "report-published", "date": "2021-04-14"},
    )
    assert later.find("improvement-visit") is None
    assert any("no report-published event after it" in w for w in later.warnings)
