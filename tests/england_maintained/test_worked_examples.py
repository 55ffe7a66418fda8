"""The England worked examples of rules-catalogue.md §7 (1-9, 11-14, 17, 18, 20) as timelines.

Every expected date was counted by hand from the statute and the bank-holiday table
(catalogue §1.2, §7; rules-england-verified.md); none was copied from running the code.
"""

from __future__ import annotations

from typing import Any

import pytest

from .england_cases import COMMUNITY, d, items, timeline

CHRISTMAS_2025 = [{"start": "2025-12-22", "end": "2026-01-02", "name": "Christmas holiday"}]
SUMMER_2026 = [{"start": "2026-07-23", "end": "2026-09-01", "name": "Summer holiday"}]


def notice(date: str, **fields: Any) -> dict[str, Any]:
    return {"type": "warning-notice-given", "date": date, **fields}


SM_REPORT_CARD_2025 = {
    "type": "inspection",
    "start": "2025-11-25",
    "end": "2025-11-26",
    "grades": {
        "leadership-and-governance": "urgent-improvement",
        "inclusion": "urgent-improvement",
    },
    "safeguarding": "met",
}


@pytest.mark.parametrize(
    ("given", "initial_end"),
    [
        pytest.param(
            "2014-12-18", "2015-01-13", id="Ex 1: given Thu 18 Dec 2014 -> Tue 13 Jan 2015"
        ),
        pytest.param(
            "2015-04-01", "2015-04-24", id="Ex 6: given Wed 1 Apr 2015 -> Fri 24 Apr 2015"
        ),
        pytest.param(
            "2007-04-01", "2007-04-24", id="Ex 8: given Sun 1 Apr 2007 -> Tue 24 Apr 2007"
        ),
        pytest.param(
            "2016-04-14", "2016-05-06", id="Ex 9: given Thu 14 Apr 2016 -> Fri 6 May 2016"
        ),
        pytest.param(
            "2010-12-24", "2011-01-19", id="Ex 12: given Fri 24 Dec 2010 -> Wed 19 Jan 2011"
        ),
    ],
)
def test_an_old_law_warning_notice_ends_its_initial_period_on_the_15th_working_day_following(
    given: str, initial_end: str
) -> None:
    tl = timeline(notice(given))
    assert tl.get("warning-notice.initial-period-end").due == d(initial_end)
    assert tl.get("warning-notice.representations-deadline").due == d(initial_end)
    compliance = tl.get("warning-notice.compliance-period-end")
    assert compliance.due == d(initial_end)
    assert compliance.rule.id == "EM-WN-05"
    assert tl.get("warning-notice.initial-period-end").rule.id == "EM-WN-02"


def test_ex1_explanation_names_the_day_given_the_days_skipped_and_the_rule() -> None:
    item = timeline(notice("2014-12-18")).get("warning-notice.initial-period-end")
    assert item.explanation.startswith(
        "15 working days following Thu 18 Dec 2014, the day the notice was given; skipped "
        "25 Dec Christmas Day, 26 Dec Boxing Day, 1 Jan New Year's Day -> Tue 13 Jan 2015; "
        "rule EM-WN-02 ("
    )
    assert item.explanation.endswith("in force 1 Apr 2007 - 17 Apr 2016")


@pytest.mark.parametrize(
    ("expression", "end"),
    [
        pytest.param(
            "15 working days following", "2026-01-13", id="Ex 2: following -> Tue 13 Jan 2026"
        ),
        pytest.param(
            "15 working days beginning with the date of this notice",
            "2026-01-12",
            id="Ex 2: beginning with -> Mon 12 Jan 2026",
        ),
    ],
)
def test_ex2_a_notice_given_18_dec_2025_ends_its_compliance_period_as_the_notice_words_it(
    expression: str, end: str
) -> None:
    tl = timeline(notice("2025-12-18", compliance_period=expression))
    item = tl.get("warning-notice.compliance-period-end")
    assert item.due == d(end)
    assert item.rule.id == "EM-WN-10"
    assert tl.find("warning-notice.initial-period-end") is None


@pytest.mark.parametrize(
    ("given", "compliance_end", "reasonable", "window_end"),
    [
        pytest.param(
            "2025-12-18",
            "2026-01-13",
            "2026-01-14",
            "2026-03-13",
            id="Ex 3: ends 13 Jan -> 13 Mar 2026",
        ),
        pytest.param(
            "2025-12-01",
            "2025-12-31",
            "2026-01-05",
            "2026-02-28",
            id="Ex 3: ends 31 Dec -> 28 Feb 2026",
        ),
        pytest.param(
            "2026-01-05",
            "2026-01-30",
            "2026-02-02",
            "2026-03-30",
            id="Ex 3: ends 30 Jan -> 30 Mar 2026",
        ),
        pytest.param(
            "2027-12-01",
            "2027-12-31",
            "2028-01-04",
            "2028-02-29",
            id="ends 31 Dec 2027 -> 29 Feb 2028",
        ),
    ],
)
def test_ex3_la_powers_after_a_warning_notice_close_two_months_after_the_compliance_period(
    given: str, compliance_end: str, reasonable: str, window_end: str
) -> None:
    tl = timeline(
        notice(given, compliance_period_end=compliance_end),
        {"type": "reasonable-notice-given", "date": reasonable},
    )
    for power in ("la-power.s63", "la-power.s64", "la-power.s66", "sos-power.s66a"):
        window = tl.get(power).window
        assert window is not None
        assert window.end == d(window_end), power
        assert window.start == d(reasonable), power
    for power in ("la-power.s65", "sos-power.s67", "sos-power.s68", "sos-power.s69"):
        window = tl.get(power).window
        assert window is not None and window.end is None, power
    eligible = tl.get("eligible-for-intervention")
    assert eligible.value == "s.60"
    assert eligible.due == d(reasonable)


@pytest.mark.parametrize(
    ("holidays", "statement_due", "parents_due"),
    [
        pytest.param(None, "2025-12-30", "2025-12-19", id="Ex 4: regional -> Tue 30 Dec 2025"),
        pytest.param(
            CHRISTMAS_2025, "2026-01-09", "2025-12-19", id="Ex 4: school -> Fri 9 Jan 2026"
        ),
    ],
)
def test_ex4_the_statement_of_action_counts_10_school_working_days_from_receipt(
    holidays: list[dict[str, str]] | None, statement_due: str, parents_due: str
) -> None:
    tl = timeline(
        SM_REPORT_CARD_2025,
        {"type": "ofsted-category-notice", "date": "2025-12-12", "category": "special-measures"},
        {"type": "final-report-received", "date": "2025-12-12"},
        holidays=holidays,
    )
    assert tl.get("statement-of-action.due").due == d(statement_due)
    assert tl.get("statement-of-action.due").rule.id == "EM-INSP-05"
    assert tl.get("parents-report-copy.due").due == d(parents_due)


@pytest.mark.parametrize(
    ("holidays", "statement_due", "parents_due"),
    [
        pytest.param(None, "2026-07-30", "2026-07-23", id="Ex 5: regional -> Thu 30 Jul 2026"),
        pytest.param(SUMMER_2026, "2026-09-09", "2026-09-02", id="Ex 5: school -> Wed 9 Sep 2026"),
    ],
)
def test_ex5_a_report_received_before_the_summer_holiday(
    holidays: list[dict[str, str]] | None, statement_due: str, parents_due: str
) -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2026-06-30",
            "end": "2026-07-01",
            "grades": {"achievement": "urgent-improvement"},
            "safeguarding": "met",
        },
        {
            "type": "ofsted-category-notice",
            "date": "2026-07-16",
            "category": "significant-improvement",
        },
        {"type": "final-report-received", "date": "2026-07-16"},
        holidays=holidays,
    )
    assert tl.get("statement-of-action.due").due == d(statement_due)
    assert tl.get("parents-report-copy.due").due == d(parents_due)


def test_ex7_a_teachers_pay_notice_in_2011_skips_the_royal_wedding_and_goes_to_the_la() -> None:
    tl = timeline(notice("2011-04-21", ground="teachers-pay-and-conditions"))
    assert tl.get("warning-notice.initial-period-end").due == d("2011-05-18")
    reps = tl.get("warning-notice.representations-deadline")
    assert reps.due == d("2011-05-18")
    assert reps.rule.id == "EM-TPC-03"
    assert "local authority" in (reps.actor or "")
    assert "29 Apr Royal Wedding" in reps.explanation or "29 Apr" in reps.explanation
    assert tl.get("warning-notice.compliance-period-end").due == d("2011-05-18")


def test_ex9_a_notice_given_four_days_before_the_2016_act_keeps_the_old_rules() -> None:
    tl = timeline(notice("2016-04-14"))
    assert tl.get("warning-notice.initial-period-end").due == d("2016-05-06")
    assert tl.get("warning-notice.initial-period-end").rule.id == "EM-WN-02"
    assert tl.get("warning-notice.compliance-period-end").due == d("2016-05-06")
    transitional = tl.get("warning-notice.transitional")
    assert transitional.rule.id == "EM-WN-15"
    assert transitional.value == "old-rules"
    assert transitional.due == d("2016-04-18")


@pytest.mark.parametrize(
    ("given", "end"),
    [
        pytest.param("2024-12-20", "2025-01-15", id="Ex 11: Fri 20 Dec 2024 -> Wed 15 Jan 2025"),
        pytest.param("2026-12-17", "2027-01-12", id="Ex 13: Thu 17 Dec 2026 -> Tue 12 Jan 2027"),
    ],
)
def test_a_current_law_notice_specifying_15_working_days_following_over_christmas(
    given: str, end: str
) -> None:
    tl = timeline(notice(given, compliance_period="15 working days following"))
    assert tl.get("warning-notice.compliance-period-end").due == d(end)


@pytest.mark.parametrize(
    ("holidays", "due"),
    [
        pytest.param(None, "2025-12-29", id="Ex 14: regional -> Mon 29 Dec 2025"),
        pytest.param(CHRISTMAS_2025, "2026-01-08", id="Ex 14: school -> Thu 8 Jan 2026"),
    ],
)
def test_ex14_comments_on_a_draft_report_received_18_dec_2025(
    holidays: list[dict[str, str]] | None, due: str
) -> None:
    tl = timeline(
        SM_REPORT_CARD_2025,
        {"type": "draft-report-received", "date": "2025-12-18"},
        holidays=holidays,
    )
    item = tl.get("draft-report-comments.due")
    assert item.due == d(due)
    assert item.rule.id == "EM-INSP-01"


SM_NOTICE_JUNE_2026 = {
    "type": "ofsted-category-notice",
    "date": "2026-06-10",
    "category": "special-measures",
}


def test_ex17a_an_order_made_26_jun_2026_performs_the_duty_and_is_saved() -> None:
    tl = timeline(SM_NOTICE_JUNE_2026, {"type": "academy-order-made", "date": "2026-06-26"})
    order = tl.get("academy-order")
    assert order.kind.value == "obligation"
    assert order.details["kind"] == "duty"
    assert order.satisfied_on == d("2026-06-26")
    saving = tl.get("academy-order.saving")
    assert saving.due == d("2026-06-29")
    assert saving.rule.id == "EM-AO-03"
    assert len(items(tl, "academy-order")) == 1


def test_ex17b_no_order_by_28_jun_2026_the_duty_ends_and_a_power_follows() -> None:
    tl = timeline(SM_NOTICE_JUNE_2026)
    duty, power = items(tl, "academy-order")
    assert duty.kind.value == "obligation" and duty.details["kind"] == "duty"
    assert duty.window is not None
    assert (duty.window.start, duty.window.end) == (d("2026-06-10"), d("2026-06-28"))
    assert duty.satisfied_on is None
    assert power.kind.value == "power" and power.details["kind"] == "power"
    assert power.window is not None
    assert (power.window.start, power.window.end) == (d("2026-06-29"), None)
    assert tl.find("academy-order.saving") is None


def test_ex17c_a_notice_dated_29_jun_2026_gives_only_the_power() -> None:
    tl = timeline({**SM_NOTICE_JUNE_2026, "date": "2026-06-29"})
    (order,) = items(tl, "academy-order")
    assert order.kind.value == "power"
    assert order.details["kind"] == "power"
    assert order.rule.id == "EM-AO-01-2026"


def report_card(grades: dict[str, str], safeguarding: str = "met", **extra: Any) -> dict[str, Any]:
    return {
        "type": "inspection",
        "start": "2026-01-13",
        "end": "2026-01-14",
        "grades": grades,
        "safeguarding": safeguarding,
        **extra,
    }


EXPECTED = {"inclusion": "expected-standard", "achievement": "expected-standard"}


@pytest.mark.parametrize(
    ("inspection", "category", "rule_id"),
    [
        pytest.param(
            report_card({**EXPECTED, "leadership-and-governance": "urgent-improvement"}),
            "significant-improvement",
            "EM-CAT-RC-ALLOC",
            id="Ex 18a: only leadership urgent -> requires significant improvement",
        ),
        pytest.param(
            report_card(
                {
                    **EXPECTED,
                    "leadership-and-governance": "urgent-improvement",
                    "inclusion": "urgent-improvement",
                }
            ),
            "special-measures",
            "EM-CAT-RC-ALLOC",
            id="Ex 18b: leadership and inclusion urgent -> requires special measures",
        ),
        pytest.param(
            report_card(
                {
                    **EXPECTED,
                    "leadership-and-governance": "needs-attention",
                    "achievement": "urgent-improvement",
                }
            ),
            "significant-improvement",
            "EM-CAT-RC-ALLOC",
            id="Ex 18c: achievement urgent, leadership needs attention -> significant improvement",
        ),
    ],
)
def test_ex18_report_card_categories(
    inspection: dict[str, Any], category: str, rule_id: str
) -> None:
    item = timeline(inspection).get("category")
    assert item.value == category
    assert item.rule.id == rule_id
    assert item.rule.grade.value == "secondary"
    assert "EM-CAT-RC" in item.explanation


def test_ex18d_a_suspended_safeguarding_only_inspection_has_no_category() -> None:
    tl = timeline(report_card({**EXPECTED}, "not-met", kind="suspended"))
    assert tl.find("category") is None


def test_ex20_a_2020_ri_report_is_followed_by_reinspection_by_17_jul_2022() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2019-12-03",
            "end": "2019-12-04",
            "grades": {"overall-effectiveness": "requires-improvement"},
        },
        {"type": "report-published", "date": "2020-01-17"},
        provider=COMMUNITY,
    )
    item = tl.get("reinspection")
    assert item.due == d("2022-07-17")
    assert item.rule.id == "OF-2019-RI-REINSP"
    assert item.rule.nature.value == "national-policy"
    assert item.rule.grade.value == "secondary"
    assert tl.get("monitoring").value == "requires-improvement-monitoring"
