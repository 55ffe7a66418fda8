"""Each point-in-time switch, tested on both sides of its date.

The rule applied is the version in force on the trigger date: the day the notice was given,
the date of Ofsted's notice, the date of the coasting notification, the inspection.
Expected dates are hand counts.
"""

from __future__ import annotations

from typing import Any

import pytest

from .england_cases import COMMUNITY, d, items, timeline


def notice(date: str, **fields: Any) -> dict[str, Any]:
    return {"type": "warning-notice-given", "date": date, **fields}


# --- 12 Jan 2010: s.60A teachers' pay and conditions notices -------------------------------


def test_a_teachers_pay_notice_on_11_jan_2010_has_no_rule_because_s60a_does_not_exist() -> None:
    tl = timeline(notice("2010-01-11", ground="teachers-pay-and-conditions"))
    assert tl.find("warning-notice.initial-period-end") is None
    assert any("s.60A" in w for w in tl.warnings)


def test_a_teachers_pay_notice_on_tue_12_jan_2010_ends_its_initial_period_tue_2_feb_2010() -> None:
    tl = timeline(notice("2010-01-12", ground="teachers-pay-and-conditions"))
    item = tl.get("warning-notice.initial-period-end")
    assert item.due == d("2010-02-02")
    assert item.rule.id == "EM-TPC-01"


# --- 18 Apr 2016: old and new s.60 ----------------------------------------------------------


def test_a_notice_given_fri_15_apr_2016_uses_the_old_15_working_day_initial_period() -> None:
    tl = timeline(notice("2016-04-15", compliance_period_end="2016-06-30"))
    assert tl.get("warning-notice.initial-period-end").due == d("2016-05-09")
    assert tl.get("warning-notice.compliance-period-end").due == d("2016-05-09")
    assert tl.get("warning-notice.compliance-period-end").rule.id == "EM-WN-05"


def test_a_notice_given_mon_18_apr_2016_uses_the_period_the_notice_specifies() -> None:
    tl = timeline(notice("2016-04-18", compliance_period_end="2016-05-20"))
    assert tl.find("warning-notice.initial-period-end") is None
    assert tl.find("warning-notice.representations-deadline") is None
    item = tl.get("warning-notice.compliance-period-end")
    assert item.due == d("2016-05-20")
    assert item.rule.id == "EM-WN-10"


def test_the_secretary_of_state_cannot_give_a_notice_before_18_apr_2016() -> None:
    tl = timeline(notice("2016-04-15", given_by="secretary-of-state"))
    assert tl.find("warning-notice.compliance-period-end") is None
    assert any("Secretary of State could not" in w for w in tl.warnings)


def test_the_secretary_of_state_can_give_a_notice_from_18_apr_2016() -> None:
    tl = timeline(
        notice("2016-04-18", given_by="secretary-of-state", compliance_period_end="2016-05-20")
    )
    assert tl.get("warning-notice.compliance-period-end").due == d("2016-05-20")
    copies = tl.get("warning-notice.copies").details["copies"]
    assert "local authority" in copies and "Chief Inspector" in copies


# --- 1 Sep 2022: coasting definition --------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "rule_id"),
    [
        pytest.param("2022-08-31", "EM-COAST-01", id="31 Aug 2022: 2017 definition"),
        pytest.param("2022-09-01", "EM-COAST-02", id="1 Sep 2022: 2022 definition"),
    ],
)
def test_a_coasting_notification_uses_the_definition_in_force_that_day(
    date: str, rule_id: str
) -> None:
    tl = timeline({"type": "coasting-notification", "date": date}, provider=COMMUNITY)
    item = tl.get("eligible-for-intervention")
    assert item.value == "s.60B"
    assert item.due == d(date)
    assert item.rule.id == rule_id
    assert tl.get("la-power.s65").window is not None


def test_a_maintained_nursery_school_cannot_be_coasting_under_the_2022_definition() -> None:
    nursery = {**COMMUNITY, "type": "maintained-nursery", "name": "Acorn & Oak Nursery School"}
    tl = timeline({"type": "coasting-notification", "date": "2022-09-01"}, provider=nursery)
    assert tl.find("eligible-for-intervention") is None


def test_a_coasting_notification_before_11_jan_2017_has_no_definition() -> None:
    tl = timeline({"type": "coasting-notification", "date": "2016-12-01"}, provider=COMMUNITY)
    assert tl.find("eligible-for-intervention") is None


# --- 10 Nov 2025: report cards and new labels ---------------------------------------------


def test_an_inspection_starting_4_nov_2025_uses_the_2024_framework_and_old_labels() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2025-11-04",
            "end": "2025-11-05",
            "grades": {"quality-of-education": "inadequate", "leadership-and-management": "good"},
            "leadership_capacity": True,
        }
    )
    item = tl.get("category")
    assert item.value == "significant-improvement"
    assert item.title == "Category: serious weaknesses"
    assert item.rule.id == "EM-CAT-2024"


def test_an_inspection_starting_10_nov_2025_uses_report_cards_and_new_labels() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2025-11-10",
            "end": "2025-11-11",
            "grades": {
                "achievement": "urgent-improvement",
                "leadership-and-governance": "strong-standard",
            },
            "safeguarding": "met",
        }
    )
    item = tl.get("category")
    assert item.value == "significant-improvement"
    assert item.title == "Category: requires significant improvement"


def test_2024_framework_without_capacity_or_recorded_category_asks_for_the_category() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2025-01-14",
            "end": "2025-01-15",
            "grades": {"behaviour-and-attitudes": "inadequate"},
        }
    )
    assert tl.find("category") is None
    assert any("recorded category required" in w for w in tl.warnings)


def test_2024_framework_recorded_category_is_used() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2025-01-14",
            "end": "2025-01-15",
            "grades": {"behaviour-and-attitudes": "inadequate"},
            "category": "special-measures",
        }
    )
    assert tl.get("category").value == "special-measures"


def test_a_needs_attention_report_card_leads_to_monitoring_not_a_category() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2026-02-03",
            "end": "2026-02-04",
            "grades": {
                "attendance-and-behaviour": "needs-attention",
                "achievement": "expected-standard",
            },
            "safeguarding": "met",
        }
    )
    assert tl.find("category") is None
    assert tl.get("monitoring").value == "needs-attention-monitoring"


@pytest.mark.parametrize(
    ("start", "end", "grades", "capacity", "category", "rule_id"),
    [
        (
            "2008-05-06",
            "2008-05-07",
            {"overall-effectiveness": "inadequate"},
            False,
            "special-measures",
            "EM-CAT-2005",
        ),
        (
            "2011-05-10",
            "2011-05-11",
            {"overall-effectiveness": "inadequate"},
            True,
            "significant-improvement",
            "EM-CAT-2005",
        ),
        (
            "2019-03-05",
            "2019-03-06",
            {"overall-effectiveness": "inadequate"},
            False,
            "special-measures",
            "EM-CAT-2015",
        ),
        (
            "2023-06-06",
            "2023-06-07",
            {"overall-effectiveness": "inadequate"},
            True,
            "significant-improvement",
            "EM-CAT-2019",
        ),
    ],
)
def test_overall_inadequate_with_or_without_capacity_before_sep_2024(
    start: str, end: str, grades: dict[str, str], capacity: bool, category: str, rule_id: str
) -> None:
    item = timeline(
        {
            "type": "inspection",
            "start": start,
            "end": end,
            "grades": grades,
            "leadership_capacity": capacity,
        }
    ).get("category")
    assert (item.value, item.rule.id) == (category, rule_id)


def test_notice_to_improve_label_before_sep_2012() -> None:
    item = timeline(
        {
            "type": "inspection",
            "start": "2011-05-10",
            "end": "2011-05-11",
            "grades": {"overall-effectiveness": "inadequate"},
            "leadership_capacity": True,
        }
    ).get("category")
    assert item.title == "Category: notice to improve"


# --- 29 Jun 2026: academy-order duty or power ---------------------------------------------


@pytest.mark.parametrize(
    ("date", "kind"),
    [
        pytest.param("2026-06-28", "duty", id="notice Sun 28 Jun 2026: duty"),
        pytest.param("2026-06-29", "power", id="notice Mon 29 Jun 2026: power"),
    ],
)
def test_the_academy_order_for_a_significant_improvement_notice(date: str, kind: str) -> None:
    tl = timeline(
        {"type": "ofsted-category-notice", "date": date, "category": "significant-improvement"}
    )
    first = items(tl, "academy-order")[0]
    assert first.details["kind"] == kind


def test_an_academy_order_for_a_warning_notice_school_is_a_power_in_2020() -> None:
    tl = timeline(
        notice("2020-01-06", compliance_period_end="2020-02-07"),
        {"type": "reasonable-notice-given", "date": "2020-02-10"},
    )
    order = tl.get("academy-order")
    assert order.kind.value == "power" and order.details["kind"] == "power"
    assert order.rule.id == "EM-AO-01-2016"


def test_a_special_measures_notice_in_2014_gives_a_power_not_a_duty() -> None:
    tl = timeline(
        {"type": "ofsted-category-notice", "date": "2014-03-04", "category": "special-measures"}
    )
    order = tl.get("academy-order")
    assert order.details["kind"] == "power"
    assert order.rule.id == "EM-AO-01"
    assert any("open question" in w for w in tl.warnings)


@pytest.mark.parametrize(
    ("start", "end", "monitoring"),
    [
        pytest.param("2008-05-06", "2008-05-07", None, id="satisfactory 2008: no monitoring"),
        pytest.param(
            "2010-05-04", "2010-05-05", "requires-improvement-monitoring", id="satisfactory 2010"
        ),
    ],
)
def test_a_satisfactory_school_is_monitored_only_from_the_2009_framework(
    start: str, end: str, monitoring: str | None
) -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": start,
            "end": end,
            "grades": {"overall-effectiveness": "satisfactory"},
        }
    )
    assert tl.find("category") is None
    found = tl.find("monitoring")
    assert (found.value if found else None) == monitoring


def test_decide_category_directly_says_a_recorded_category_is_required() -> None:
    from improvement_kit.model import Grade, Inspection, Provider, ProviderType
    from improvement_kit_england_maintained.category import decide_category

    decision = decide_category(
        Inspection(
            date=d("2025-03-05"),
            start=d("2025-03-04"),
            grades={"quality-of-education": Grade.INADEQUATE},
        ),
        Provider("1", "Test & Co School", ProviderType.COMMUNITY),
    )
    assert decision is not None
    assert decision.category is None
    assert decision.rule_id == "EM-CAT-2024"
    assert "recorded category required" in decision.reasons[-1]
