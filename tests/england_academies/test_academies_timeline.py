"""Academies (Academies Act 2010 ss.2A-2B, EA 2005 ss.16-17 with SI 2005/2038, EA 1996 s.497C,
DfE policy): data-driven cases named as sentences, dates counted by hand in the comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

import improvement_kit_england_academies
from improvement_kit.model import Category, Grade, Inspection, Safeguarding, Timeline, Window
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from improvement_kit_england_academies.category import decide_category

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_england_academies]
    )
    return Plugins(pm, problems)


def timeline(plugins: Plugins, *events: Mapping[str, Any], **extra: Any) -> Timeline:
    data = {
        "jurisdiction": "england-academies",
        "provider": {"urn": "149001", "name": "Example Academy", "type": "academy"},
        "events": list(events),
        **extra,
    }
    return build_timeline(case_from_data(data), plugins=plugins)


def sos_notice(date: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": "warning-notice-given",
        "date": date,
        "given_by": "secretary-of-state",
        **fields,
    }


# --- Worked example 15: "within 15 days" ------------------------------------------------------


def test_worked_example_15_stores_calendar_days_and_shows_both_working_day_readings(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, sos_notice("2026-02-02", compliance_period="within 15 days"))
    item = t.get("termination-warning-notice.response-due")
    # Calendar: Mon 2 Feb + 15 days = Tue 17 Feb 2026.
    assert item.due == D("2026-02-17")
    # 15 WD following: 3-6 Feb (4), 9-13 (9), 16-20 (14), Mon 23 Feb (15).
    assert item.details["working_days_following"] == "2026-02-23"
    # 15 WD beginning with Mon 2 Feb: 2-6 (5), 9-13 (10), 16-20 (15) -> Fri 20 Feb.
    assert item.details["working_days_beginning_with"] == "2026-02-20"
    assert item.details["reading"] == "calendar-days"
    assert "Mon 23 Feb 2026" in item.explanation and "Fri 20 Feb 2026" in item.explanation
    assert "AC-PRAC-01" in item.explanation
    assert item.rule.id == "AC-2B-03"


def test_a_notice_that_specifies_a_date_is_taken_as_it_is(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        sos_notice("2026-02-02", compliance_period_end="2026-03-06"),
        {"type": "representations-made", "date": "2026-02-27"},
    )
    response = t.get("termination-warning-notice.response-due")
    assert response.due == D("2026-03-06") and not response.details
    assert response.satisfied_on == D("2026-02-27")
    assert t.get("termination-warning-notice.action-due").due == D("2026-03-06")


def test_an_unambiguous_working_day_period_is_counted_without_alternatives(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, sos_notice("2026-02-02", compliance_period="15 working days following"))
    item = t.get("termination-warning-notice.response-due")
    assert item.due == D("2026-02-23") and not item.details


def test_a_local_authority_warning_notice_to_an_academy_produces_a_warning_only(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "warning-notice-given",
            "date": "2026-02-02",
            "given_by": "local-authority",
            "compliance_period_end": "2026-03-06",
        },
    )
    assert t.find("termination-warning-notice.response-due") is None
    assert any("no statutory warning-notice power over an academy" in w for w in t.warnings)


def test_a_termination_warning_notice_before_18_apr_2016_is_contractual(plugins: Plugins) -> None:
    t = timeline(plugins, sos_notice("2016-04-15", compliance_period_end="2016-05-13"))
    assert t.get("termination-warning-notice.action-due").rule.id == "AC-FA-01"
    t = timeline(plugins, sos_notice("2016-04-18", compliance_period_end="2016-05-13"))
    assert t.get("termination-warning-notice.action-due").rule.id == "AC-2B-02"


def test_the_coasting_termination_power_opens_the_day_after_the_specified_date(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "coasting-notification", "date": "2026-01-12"},
        sos_notice("2026-02-02", compliance_period_end="2026-03-06"),
    )
    assert t.get("termination.s2b-power").window == Window(D("2026-03-07"), None)
    assert t.get("coasting.notified").value == "coasting"


def test_without_a_coasting_notification_there_is_no_s2b_power(plugins: Plugins) -> None:
    t = timeline(plugins, sos_notice("2026-02-02", compliance_period_end="2026-03-06"))
    assert t.find("termination.s2b-power") is None


@pytest.mark.parametrize(
    ("date", "value"),
    [
        pytest.param(
            "2017-01-10",
            "coasting-definition-not-in-force",
            id="a coasting notification on 10 Jan 2017 precedes the definition",
        ),
        pytest.param(
            "2017-01-11", "coasting", id="a coasting notification on 11 Jan 2017 rests on it"
        ),
    ],
)
def test_the_coasting_definition_applies_from_11_jan_2017(
    plugins: Plugins, date: str, value: str
) -> None:
    t = timeline(plugins, {"type": "coasting-notification", "date": date})
    assert t.get("coasting.notified").value == value


# --- s.2A: termination on a category of concern, from 18 Apr 2016 ------------------------------


@pytest.mark.parametrize(
    ("date", "rule_id"),
    [
        pytest.param(
            "2016-04-17",
            "AC-2A-02",
            id="a special-measures notice on 17 Apr 2016 still standing: s.2A from 18 Apr 2016",
        ),
        pytest.param(
            "2016-04-18", "AC-2A-01", id="a special-measures notice on 18 Apr 2016 opens s.2A"
        ),
    ],
)
def test_the_s2a_termination_power(plugins: Plugins, date: str, rule_id: str) -> None:
    t = timeline(
        plugins, {"type": "ofsted-category-notice", "date": date, "category": "special-measures"}
    )
    item = t.get("termination.s2a-power")
    # s.2A is in force from 18 Apr 2016 (SI 2016/466): the window never opens before then.
    assert item.rule.id == rule_id and item.window == Window(D("2016-04-18"), None)


# --- Statement of action and parents' copies (school calendar) ---------------------------------

EASTER_2026 = [{"start": "2026-03-30", "end": "2026-04-10", "name": "Easter holiday"}]


def test_the_proprietors_statement_of_action_counts_on_the_school_calendar(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2026-03-20", "category": "special-measures"},
        {"type": "final-report-received", "date": "2026-03-27"},
        school_holidays=EASTER_2026,
    )
    # Fri 27 Mar 2026; the Easter holiday 30 Mar - 10 Apr (longer than a week) is excluded:
    # Mon 13 Apr (1) .. Fri 17 Apr (5), 20-24 Apr (10).
    assert t.get("statement-of-action.due").due == D("2026-04-24")
    assert t.get("report.parents-copies").due == D("2026-04-17")


def test_without_school_holidays_the_statement_is_due_after_ten_regional_working_days(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "ofsted-category-notice",
            "date": "2026-03-20",
            "category": "significant-improvement",
        },
        {"type": "final-report-received", "date": "2026-03-27"},
        {"type": "statement-of-action-sent", "date": "2026-04-09"},
    )
    # 30, 31 Mar, 1, 2 Apr (4), [3 Good Friday, 6 Easter Monday], 7-10 (8), 13, 14 (10).
    item = t.get("statement-of-action.due")
    assert item.due == D("2026-04-14") and item.satisfied_on == D("2026-04-09")


def test_no_statement_of_action_is_due_when_the_report_states_no_category(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, {"type": "final-report-received", "date": "2026-03-27"})
    assert t.find("statement-of-action.due") is None
    assert t.get("report.parents-copies").due == D("2026-04-07")


@pytest.mark.parametrize(
    ("received", "rule_id"),
    [
        pytest.param(
            "2015-08-31", "AC-INSP-06a", id="a report received 31 Aug 2015: 'an inspection'"
        ),
        pytest.param(
            "2015-09-01", "AC-INSP-06b", id="a report received 1 Sep 2015: 'a section 5 inspection'"
        ),
    ],
)
def test_the_parents_copy_rule_version(plugins: Plugins, received: str, rule_id: str) -> None:
    t = timeline(plugins, {"type": "final-report-received", "date": received})
    assert t.get("report.parents-copies").rule.id == rule_id


# --- CWSA 2026 s.56 (EA 1996 s.497C) from 29 Jun 2026 -----------------------------------------


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        pytest.param(
            "2026-06-28", False, id="on 28 Jun 2026 there is no compliance-direction power"
        ),
        pytest.param("2026-06-29", True, id="on 29 Jun 2026 the s.497C power is in force"),
    ],
)
def test_the_compliance_direction_commences_on_29_june_2026(
    plugins: Plugins, day: str, in_force: bool
) -> None:
    rule = plugins.rule_book("england-academies").for_item(
        "compliance-direction.compliance-due", D(day)
    )
    assert (rule is not None) is in_force
    if rule is not None:
        assert rule.id == "AC-CWSA-01" and "mandatory order" in rule.wording


# --- Policy -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "value"),
    [
        pytest.param(
            "2026-08-31",
            "structural-intervention",
            id="significant improvement on 31 Aug 2026: structural",
        ),
        pytest.param(
            "2026-09-01",
            "rise-targeted-intervention",
            id="significant improvement on 1 Sep 2026: RISE",
        ),
    ],
)
def test_the_default_intervention_for_significant_improvement(
    plugins: Plugins, date: str, value: str
) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": date, "category": "significant-improvement"},
    )
    item = t.get("intervention.default")
    assert item.value == value and item.rule.nature.value == "national-policy"
    assert t.get("termination-warning-notice.presumption").due == D(date)


# --- Category decision (the shared England base's, through this plugin's module) ------------

RC = dt.date(2026, 1, 14)


@pytest.mark.parametrize(
    ("grades", "safeguarding", "category", "monitoring"),
    [
        pytest.param(
            {"leadership-and-governance": "urgent-improvement"},
            "met",
            Category.SIGNIFICANT_IMPROVEMENT,
            None,
            id="leadership urgent improvement alone: requires significant improvement",
        ),
        pytest.param(
            {"leadership-and-governance": "urgent-improvement", "inclusion": "urgent-improvement"},
            "met",
            Category.SPECIAL_MEASURES,
            None,
            id="leadership and inclusion urgent improvement: requires special measures",
        ),
        pytest.param(
            {"leadership-and-governance": "urgent-improvement"},
            "not-met",
            Category.SPECIAL_MEASURES,
            None,
            id="leadership urgent improvement and safeguarding not met: special measures",
        ),
        pytest.param(
            {"leadership-and-governance": "needs-attention", "achievement": "urgent-improvement"},
            "met",
            Category.SIGNIFICANT_IMPROVEMENT,
            None,
            id="achievement urgent improvement with leadership needs attention: significant improvement",
        ),
        pytest.param(
            {"achievement": "needs-attention"},
            "met",
            None,
            Category.NEEDS_ATTENTION_MONITORING,
            id="needs attention only: no category, monitoring",
        ),
    ],
)
def test_the_report_card_decides_the_category(
    grades: dict[str, str],
    safeguarding: str,
    category: Category | None,
    monitoring: Category | None,
) -> None:
    inspection = Inspection(
        date=RC,
        start=RC,
        grades={k: Grade(v) for k, v in grades.items()},
        safeguarding=Safeguarding(safeguarding),
    )
    decision = decide_category(inspection)
    assert decision is not None
    assert decision.category is category and decision.monitoring is monitoring


@pytest.mark.parametrize(
    ("capacity", "category"),
    [
        pytest.param(
            False,
            Category.SPECIAL_MEASURES,
            id="inadequate without capacity to improve: special measures",
        ),
        pytest.param(
            True,
            Category.SIGNIFICANT_IMPROVEMENT,
            id="inadequate with capacity: significant improvement",
        ),
        pytest.param(None, None, id="inadequate without a capacity answer: not decided"),
    ],
)
def test_an_overall_inadequate_grade_before_sep_2024(
    capacity: bool | None, category: Category | None
) -> None:
    day = dt.date(2019, 3, 5)
    inspection = Inspection(
        date=day,
        start=day,
        grades={"overall-effectiveness": Grade.INADEQUATE},
        leadership_capacity=capacity,
    )
    decision = decide_category(inspection)
    assert (decision.category if decision else None) is category


def test_comments_on_a_draft_stating_a_category_are_due_five_school_working_days_later(
    plugins: Plugins,
) -> None:
    grades = {"leadership-and-governance": "urgent-improvement"}
    t = timeline(
        plugins,
        {"type": "inspection", "start": "2026-03-03", "end": "2026-03-04", "grades": grades},
        {"type": "draft-report-received", "date": "2026-03-11"},
    )
    # Wed 11 Mar 2026: 12, 13, 16, 17, 18 -> Wed 18 Mar 2026.
    assert t.get("draft-report.comments-due").due == D("2026-03-18")


def test_no_comment_period_is_shown_for_a_draft_without_a_category(plugins: Plugins) -> None:
    grades = {"leadership-and-governance": "expected-standard"}
    t = timeline(
        plugins,
        {"type": "inspection", "start": "2026-03-03", "end": "2026-03-04", "grades": grades},
        {"type": "draft-report-received", "date": "2026-03-11"},
    )
    assert t.find("draft-report.comments-due") is None
