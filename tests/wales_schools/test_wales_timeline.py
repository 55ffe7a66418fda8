"""Wales (SSO(W)A 2013 Part 2, SSFA 1998 before 20 Feb 2014, Estyn follow-up): data-driven cases
named as sentences. Expected dates are written from the law and counted by hand (comments)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

import improvement_kit_wales_schools
from improvement_kit.model import ItemKind, Timeline, VerificationGrade, Window
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from improvement_kit_wales_schools.grounds import GROUNDS, ground

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_wales_schools]
    )
    return Plugins(pm, problems)


def timeline(plugins: Plugins, *events: Mapping[str, Any], **extra: Any) -> Timeline:
    data = {
        "jurisdiction": "wales-schools",
        "provider": {
            "school_number": "6602001",
            "name": "Ysgol Gynradd Enghraifft",
            "type": "welsh-maintained-school",
        },
        "events": list(events),
        **extra,
    }
    return build_timeline(case_from_data(data), plugins=plugins)


# --- s.11(5): "a period of not less than 10 days has elapsed since" Estyn's notice -----------

S11_CASES = [
    pytest.param(
        # Worked example 16: 19-28 Dec = 10 whole days, elapsed at the end of Sun 28 Dec;
        # Christmas and Boxing Day count (calendar days).
        "2025-12-18",
        "special-measures",
        "2025-12-29",
        "2025-12-28",
        "8",
        id="an Estyn special-measures notice of Thu 18 Dec 2025 opens the Welsh Ministers' "
        "power on Mon 29 Dec 2025 (loose reading Sun 28 Dec)",
    ),
    pytest.param(
        # 21 Feb .. 2 Mar 2014 = 8 + 2 = 10 days (February 2014 has 28 days) -> Mon 3 Mar.
        "2014-02-20",
        "significant-improvement",
        "2014-03-03",
        "2014-03-02",
        "7",
        id="a significant-improvement notice on the first day of SSO(W)A Part 2 (Thu 20 Feb "
        "2014) opens the power on Mon 3 Mar 2014",
    ),
    pytest.param(
        # 29 Feb 2024 exists: 20..29 Feb = 10 days -> Fri 1 Mar 2024.
        "2024-02-19",
        "special-measures",
        "2024-03-01",
        "2024-02-29",
        "8",
        id="a notice of Mon 19 Feb 2024 counts the leap day and opens the power on Fri 1 Mar",
    ),
]


@pytest.mark.parametrize(("notice", "category", "strict", "loose", "ground_no"), S11_CASES)
def test_the_welsh_ministers_power_after_estyns_notice(
    plugins: Plugins, notice: str, category: str, strict: str, loose: str, ground_no: str
) -> None:
    t = timeline(plugins, {"type": "ofsted-category-notice", "date": notice, "category": category})
    item = t.get("welsh-ministers-power.s11")
    assert item.kind is ItemKind.POWER
    assert item.window == Window(D(strict), None)
    assert item.details["loose_reading"] == loose
    assert item.details["ground"] == ground_no
    assert "strict reading" in item.explanation and "loose reading" in item.explanation
    assert "shorter period (s.11(6))" in item.explanation
    assert item.rule.id == "W-WM-02" and item.rule.grade is VerificationGrade.PRIMARY


def test_worked_example_16_states_the_loose_reading_in_the_explanation(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2025-12-18", "category": "special-measures"},
    )
    text = t.get("welsh-ministers-power.s11").explanation
    assert "Mon 29 Dec 2025" in text and "Sun 28 Dec 2025" in text


def test_a_later_report_removing_the_category_closes_the_welsh_ministers_window(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2025-12-18", "category": "special-measures"},
        {"type": "category-removed", "date": "2027-03-10"},
    )
    # Ground 8 ceases on Wed 10 Mar 2027: the window ends the day before.
    assert t.get("welsh-ministers-power.s11").window == Window(D("2025-12-29"), D("2027-03-09"))


def test_a_category_removed_before_the_ten_days_means_the_power_never_opens(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2025-12-18", "category": "special-measures"},
        {"type": "category-removed", "date": "2025-12-24"},
    )
    item = t.get("welsh-ministers-power.s11")
    assert item.window is None and item.due is None
    assert "never became exercisable" in item.explanation


# --- s.4(4): the local authority's waiting period is unknown ----------------------------------


def test_the_local_authoritys_ground_7_or_8_power_has_no_invented_waiting_period(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2025-12-18", "category": "special-measures"},
    )
    item = t.get("local-authority-power.s4-4")
    assert item.kind is ItemKind.STATUS and item.window is None
    assert item.rule.grade is VerificationGrade.UNVERIFIED
    assert item.value == "waiting-period-unverified"
    assert any("s.4(4)" in w and "unverified" in w for w in t.warnings)


# --- The 20 Feb 2014 switch: SSFA 1998 before, SSO(W)A 2013 from -------------------------------


def test_an_estyn_notice_the_day_before_20_feb_2014_falls_under_ssfa_1998_s16(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2014-02-19", "category": "special-measures"},
    )
    # s.16(3): 20 Feb .. 1 Mar 2014 = 9 + 1 = 10 days -> Sun 2 Mar 2014 (strict reading).
    assert t.get("local-authority-power.ssfa-s16").window == Window(D("2014-03-02"), None)
    # The notice is not superseded, so from 20 Feb 2014 it is ground 8 too (issue 11: "an Estyn
    # category notice may be a ground under s.2 whenever it was given, if the section's words
    # say so"); s.11(5)(b)'s ten days still count from the notice: Sun 2 Mar 2014.
    s11 = t.get("welsh-ministers-power.s11")
    assert s11.window == Window(D("2014-03-02"), None)
    assert "pre-commencement: from-commencement" in s11.explanation
    # The engine applies the s.4(4) row only to notices from 20 Feb 2014 (its trigger date):
    # an engine change is needed for pre-commencement states of triggered rows.
    assert t.find("local-authority-power.s4-4") is None


def test_an_estyn_notice_on_20_feb_2014_falls_under_ssowa_2013(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2014-02-20", "category": "special-measures"},
    )
    assert t.find("local-authority-power.ssfa-s16") is None
    assert t.get("welsh-ministers-power.s11").rule.id == "W-WM-02"


WARNING_NOTICE_CASES = [
    pytest.param(
        "2014-02-19",
        "2014-03-21",
        "W98-WN-01",
        "local-authority-power.ssfa-s15",
        "2014-03-22",
        id="a warning notice given Wed 19 Feb 2014 is an SSFA 1998 s.15 notice",
    ),
    pytest.param(
        "2014-02-20",
        "2014-03-21",
        "W-WN-01",
        "local-authority-power.s4-2",
        "2014-03-22",
        id="a warning notice given Thu 20 Feb 2014 is an SSO(W)A 2013 s.3 notice",
    ),
]


@pytest.mark.parametrize(("given", "end", "rule_id", "power", "opens"), WARNING_NOTICE_CASES)
def test_the_warning_notice_regime_is_the_one_in_force_when_the_notice_is_given(
    plugins: Plugins, given: str, end: str, rule_id: str, power: str, opens: str
) -> None:
    t = timeline(
        plugins,
        {
            "type": "warning-notice-given",
            "date": given,
            "given_by": "local-authority",
            "compliance_period_end": end,
        },
    )
    item = t.get("warning-notice.compliance-period-end")
    assert item.due == D(end) and item.rule.id == rule_id
    assert t.get(power).window == Window(D(opens), None)


def test_a_compliance_period_written_as_an_expression_is_counted_from_the_notice(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "warning-notice-given",
            "date": "2025-10-06",
            "given_by": "local-authority",
            "compliance_period": "20 working days following",
        },
    )
    # Mon 6 Oct 2025: 7-10 Oct (4), 13-17 (9), 20-24 (14), 27-31 (19), Mon 3 Nov (20).
    assert t.get("warning-notice.compliance-period-end").due == D("2025-11-03")
    assert t.get("local-authority-power.s4-2").window == Window(D("2025-11-04"), None)
    assert t.get("welsh-ministers-power.s11-2").window == Window(D("2025-11-04"), None)
    # Copies "at the same time": the same day.
    assert t.get("warning-notice.copies").due == D("2025-10-06")


def test_a_warning_notice_that_specifies_no_period_gives_a_warning_not_a_date(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "warning-notice-given", "date": "2025-10-06", "given_by": "local-authority"},
    )
    assert t.find("warning-notice.compliance-period-end") is None
    assert t.find("local-authority-power.s4-2") is None
    assert any("specifies no period" in w for w in t.warnings)


# --- Post-inspection action plan: 45 working days, 20 from 1 Sep 2014 --------------------------

PIAP_CASES = [
    pytest.param(
        # Fri 29 Aug 2014: 1-5 Sep (5), 8-12 (10), 15-19 (15), 22-26 (20), 29 Sep-3 Oct (25),
        # 6-10 (30), 13-17 (35), 20-24 (40), 27-31 Oct (45).
        "2014-08-29",
        "2014-10-31",
        "W-PIAP-01",
        id="a report received Fri 29 Aug 2014 gives 45 working days: Fri 31 Oct 2014",
    ),
    pytest.param(
        # Mon 1 Sep 2014: 2-5 Sep (4), 8-12 (9), 15-19 (14), 22-26 (19), Mon 29 Sep (20).
        "2014-09-01",
        "2014-09-29",
        "W-PIAP-02",
        id="a report received Mon 1 Sep 2014 gives 20 working days: Mon 29 Sep 2014",
    ),
    pytest.param(
        # Fri 12 Dec 2025: 15-19 (5), 22-24 (8), [25, 26], 29-31 (11), [1 Jan], 2 Jan (12),
        # 5-9 (17), 12-14 (20).
        "2025-12-12",
        "2026-01-14",
        "W-PIAP-02",
        id="a report received Fri 12 Dec 2025 skips Christmas and New Year: Wed 14 Jan 2026",
    ),
]


@pytest.mark.parametrize(("received", "due", "rule_id"), PIAP_CASES)
def test_the_post_inspection_action_plan_period(
    plugins: Plugins, received: str, due: str, rule_id: str
) -> None:
    t = timeline(plugins, {"type": "final-report-received", "date": received})
    item = t.get("piap.due")
    assert item.due == D(due) and item.rule.id == rule_id
    assert item.rule.grade is VerificationGrade.PARTIAL


# --- Estyn follow-up (policy) -----------------------------------------------------------------


def test_an_estyn_review_recorded_in_2023_is_a_non_statutory_follow_up_level(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "inspection",
            "start": "2023-03-06",
            "end": "2023-03-09",
            "inspectorate": "estyn",
            "category": "estyn-review",
        },
    )
    item = t.get("category")
    assert item.value == "estyn-review" and item.rule.id == "W-FU-2022"
    assert item.rule.nature.value == "national-policy"
    assert not t.warnings


def test_a_significant_improvement_school_in_2015_expects_a_return_visit_about_a_year_later(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "inspection",
            "start": "2015-03-09",
            "end": "2015-03-12",
            "inspectorate": "estyn",
            "category": "significant-improvement",
        },
    )
    # "about a year after their initial inspection": Thu 12 Mar 2015 + 12 months.
    item = t.get("estyn-follow-up.revisit")
    assert item.due == D("2016-03-12") and item.rule.grade is VerificationGrade.SECONDARY
    assert t.get("category").value == "significant-improvement"


# --- Grounds for intervention ------------------------------------------------------------------


def test_the_welsh_text_of_grounds_1_to_6_is_primary_and_the_english_is_graded_honestly() -> None:
    assert [g.number for g in GROUNDS] == [1, 2, 3, 4, 5, 6, 7, 8]
    for number in range(1, 7):
        assert ground(number).welsh_grade is VerificationGrade.PRIMARY
        assert ground(number).needs_warning_notice
    assert {ground(n).english_grade for n in (1, 2, 3)} == {VerificationGrade.PARTIAL}
    assert {ground(n).english_grade for n in (4, 5, 6)} == {VerificationGrade.UNVERIFIED}
    # Ground 2 has no "serious" (contrast SSFA 1998 s.15).
    assert "serious" not in ground(2).english and "methiant" in ground(2).welsh
    assert not ground(7).needs_warning_notice and not ground(8).needs_warning_notice
