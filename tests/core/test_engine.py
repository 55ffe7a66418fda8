"""The engine applies the version of each rule in force on its trigger date, counts on the
right calendar, chains dates, and explains every item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import FAKE_ID, d

from improvement_kit.errors import InputError
from improvement_kit.model import ItemKind, ItemStatus
from improvement_kit.plugins import Plugins
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

RULES = """
[[rules]]
id = "T-CAT-01"
item = "category"
title = "Category from the overall grade"
kind = "status"
nature = "law"
in_force_from = 2005-09-01
grade = "secondary"
source = { citation = "Test Act s.1", url = "https://example.org/test" }

[[rules]]
id = "T-WN-OLD"
item = "notice.end"
title = "End of the initial period"
kind = "expected-event"
nature = "law"
trigger = "warning-notice-given"
anchor_label = "the day the notice was given"
deadline = { working_days_following = 15 }
in_force_from = 2007-04-01
in_force_to = 2016-04-17
grade = "primary"
source = { citation = "EIA 2006 s.60(1)(b) as enacted", url = "https://www.legislation.gov.uk/ukpga/2006/40/section/60/enacted" }

[[rules]]
id = "T-WN-NEW"
item = "notice.end"
title = "End of the compliance period"
kind = "expected-event"
nature = "law"
trigger = "warning-notice-given"
deadline = { specified_in_notice = "compliance_period_end" }
in_force_from = 2016-04-18
grade = "primary"
source = { citation = "EIA 2006 s.60(1)(b)", url = "https://www.legislation.gov.uk/ukpga/2006/40/section/60" }

[[rules]]
id = "T-WINDOW"
item = "power.window"
title = "Power exercisable within two months"
kind = "power"
nature = "law"
trigger = "warning-notice-given"
anchor = "item:notice.end"
anchor_label = "the end of the compliance period"
deadline = { window = { from = { calendar_days_following = 1 }, to = { months_following = 2 } } }
in_force_from = 2007-04-01
grade = "primary"
source = { citation = "EIA 2006 s.63(3)" }

[[rules]]
id = "T-SOA"
item = "statement.due"
title = "Statement of action"
kind = "obligation"
nature = "law"
actor = "local-authority"
trigger = "final-report-received"
calendar = "school"
deadline = { working_days_following = 10 }
satisfied_by = ["statement-of-action-sent"]
in_force_from = 2005-09-01
grade = "primary"
source = { citation = "SI 2005/2038 reg 7" }

[[rules]]
id = "T-REPS"
item = "reps.deadline"
title = "Representations"
kind = "obligation"
nature = "law"
trigger = "warning-notice-given"
unless = ["representations-made"]
deadline = { working_days_following = 15 }
in_force_from = 2007-04-01
in_force_to = 2016-04-17
grade = "primary"
source = { citation = "EIA 2006 s.60(7) as enacted" }
"""


def case(*events: dict[str, Any], **extra: Any) -> Any:
    data = {
        "jurisdiction": FAKE_ID,
        "provider": {"urn": "999001", "name": "St Mary & St John", "type": "community"},
        "events": list(events),
        **extra,
    }
    return case_from_data(data, "test")


@pytest.fixture
def plugins(testland: Callable[[str], Plugins]) -> Plugins:
    return testland(RULES)


def test_a_notice_given_before_18_april_2016_uses_the_old_fifteen_day_rule(
    plugins: Plugins,
) -> None:
    timeline = build_timeline(
        case({"type": "warning-notice-given", "date": "2014-12-18"}), plugins=plugins
    )
    item = timeline.get("notice.end")
    assert item.due == d("2015-01-13")
    assert item.rule.id == "T-WN-OLD"
    assert item.explanation.startswith(
        "15 working days following Thu 18 Dec 2014, the day the notice was given; skipped "
        "25 Dec Christmas Day, 26 Dec Boxing Day, 1 Jan New Year's Day -> Tue 13 Jan 2015"
    )
    assert "in force 1 Apr 2007 - 17 Apr 2016" in item.explanation


def test_a_notice_given_on_18_april_2016_uses_the_period_it_specifies(plugins: Plugins) -> None:
    timeline = build_timeline(
        case(
            {
                "type": "warning-notice-given",
                "date": "2016-04-18",
                "compliance_period_end": "2016-05-20",
            }
        ),
        plugins=plugins,
    )
    item = timeline.get("notice.end")
    assert (item.due, item.rule.id) == (d("2016-05-20"), "T-WN-NEW")


def test_a_specified_period_given_as_words_is_counted_from_the_day_given(
    plugins: Plugins,
) -> None:
    # Worked example 2: 15 working days beginning with Thu 18 Dec 2025 ends Mon 12 Jan 2026.
    timeline = build_timeline(
        case(
            {
                "type": "warning-notice-given",
                "date": "2025-12-18",
                "compliance_period": "15 working days beginning with the date of this notice",
            }
        ),
        plugins=plugins,
    )
    assert timeline.get("notice.end").due == d("2026-01-12")


def test_an_unreadable_specified_period_names_the_field(plugins: Plugins) -> None:
    with pytest.raises(InputError, match="compliance_period"):
        build_timeline(
            case(
                {
                    "type": "warning-notice-given",
                    "date": "2025-12-18",
                    "compliance_period": "a fortnight or so",
                }
            ),
            plugins=plugins,
        )


def test_a_notice_with_no_specified_period_gives_a_warning_not_an_item(plugins: Plugins) -> None:
    timeline = build_timeline(
        case({"type": "warning-notice-given", "date": "2025-12-18"}), plugins=plugins
    )
    assert timeline.find("notice.end") is None
    assert any("specifies no period" in w for w in timeline.warnings)


def test_a_window_anchored_on_another_item_uses_the_corresponding_date(plugins: Plugins) -> None:
    # Compliance period ending 31 Dec 2027: two months following ends 29 Feb 2028.
    timeline = build_timeline(
        case(
            {
                "type": "warning-notice-given",
                "date": "2027-11-01",
                "compliance_period_end": "2027-12-31",
            }
        ),
        plugins=plugins,
    )
    window = timeline.get("power.window").window
    assert window is not None
    assert (window.start, window.end) == (d("2028-01-01"), d("2028-02-29"))


def test_the_school_calendar_skips_holidays_longer_than_a_week(plugins: Plugins) -> None:
    # Worked example 4: report received Fri 12 Dec 2025.
    regional = build_timeline(
        case({"type": "final-report-received", "date": "2025-12-12"}), plugins=plugins
    )
    school = build_timeline(
        case(
            {"type": "final-report-received", "date": "2025-12-12"},
            school_holidays=[{"start": "2025-12-22", "end": "2026-01-02", "name": "Christmas"}],
        ),
        plugins=plugins,
    )
    assert regional.get("statement.due").due == d("2025-12-30")
    assert school.get("statement.due").due == d("2026-01-09")


def test_status_on_an_as_of_date(plugins: Plugins) -> None:
    events = [{"type": "final-report-received", "date": "2025-12-12"}]
    due = build_timeline(case(*events), plugins=plugins, as_of=d("2025-12-30"))
    late = build_timeline(case(*events), plugins=plugins, as_of=d("2025-12-31"))
    done = build_timeline(
        case(*events, {"type": "statement-of-action-sent", "date": "2025-12-19"}),
        plugins=plugins,
        as_of=d("2025-12-31"),
    )
    assert due.get("statement.due").status is ItemStatus.DUE
    assert late.get("statement.due").status is ItemStatus.OVERDUE
    assert done.get("statement.due").status is ItemStatus.DONE


def test_power_status_follows_its_window(plugins: Plugins) -> None:
    events = [
        {
            "type": "warning-notice-given",
            "date": "2025-11-03",
            "compliance_period_end": "2025-12-31",
        }
    ]
    statuses = [
        build_timeline(case(*events), plugins=plugins, as_of=d(day)).get("power.window").status
        for day in ("2025-12-31", "2026-01-01", "2026-02-28", "2026-03-01")
    ]
    assert statuses == [
        ItemStatus.NOT_YET_OPEN,
        ItemStatus.OPEN,
        ItemStatus.OPEN,
        ItemStatus.CLOSED,
    ]


def test_an_unless_event_suppresses_the_item(plugins: Plugins) -> None:
    given = {"type": "warning-notice-given", "date": "2014-12-18"}
    without = build_timeline(case(given), plugins=plugins)
    with_reps = build_timeline(
        case(given, {"type": "representations-made", "date": "2015-01-05"}), plugins=plugins
    )
    assert without.find("reps.deadline") is not None
    assert with_reps.find("reps.deadline") is None


def test_a_second_item_with_the_same_id_is_numbered(plugins: Plugins) -> None:
    timeline = build_timeline(
        case(
            {"type": "final-report-received", "date": "2025-12-12"},
            {"type": "final-report-received", "date": "2026-03-02"},
        ),
        plugins=plugins,
    )
    assert [i for i in timeline.ids() if i.startswith("statement.due")] == [
        "statement.due",
        "statement.due#2",
    ]


def test_the_category_decision_becomes_a_status_item(plugins: Plugins) -> None:
    timeline = build_timeline(
        case(
            {
                "type": "inspection",
                "start": "2019-03-12",
                "end": "2019-03-13",
                "grades": {"overall-effectiveness": "inadequate"},
            }
        ),
        plugins=plugins,
    )
    item = timeline.get("category")
    assert (item.kind, item.value, item.due) == (
        ItemKind.STATUS,
        "special-measures",
        d("2019-03-13"),
    )
    assert item.title == "Category: special measures"
    assert timeline.warnings == ()


def test_a_recorded_category_wins_over_the_derived_one_with_a_warning(plugins: Plugins) -> None:
    timeline = build_timeline(
        case(
            {
                "type": "inspection",
                "start": "2019-03-12",
                "end": "2019-03-13",
                "grades": {"overall-effectiveness": "inadequate"},
                "category": "significant-improvement",
            }
        ),
        plugins=plugins,
    )
    assert timeline.get("category").value == "significant-improvement"
    assert timeline.get("category").title == "Category: serious weaknesses"
    assert len(timeline.warnings) == 1
    assert "recorded category 'significant-improvement' differs" in timeline.warnings[0]


def test_an_unknown_jurisdiction_is_a_clear_error(plugins: Plugins) -> None:
    data = case()
    import attrs

    with pytest.raises(
        InputError, match=r"jurisdiction: 'atlantis' is not an installed jurisdiction.*testland"
    ):
        build_timeline(attrs.evolve(data, jurisdiction="atlantis"), plugins=plugins)


def test_timelines_are_sorted_by_date(plugins: Plugins) -> None:
    timeline = build_timeline(
        case(
            {"type": "final-report-received", "date": "2026-03-02"},
            {"type": "warning-notice-given", "date": "2014-12-18"},
        ),
        plugins=plugins,
    )
    dates = [i.date for i in timeline.items]
    assert dates == sorted(d for d in dates if d is not None)
    assert isinstance(dates[0], dt.date)
