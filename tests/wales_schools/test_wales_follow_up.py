"""The Estyn follow-up lifecycle (issue 11 part 1): worked examples with hand counts.

Fictional providers only. Sources are cited in the rule rows (rules/follow-up.toml).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

import improvement_kit_wales_schools
from improvement_kit.errors import CaseFileError
from improvement_kit.model import ItemKind, ItemStatus, Timeline, VerificationGrade, Window
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline, item_status
from improvement_kit_wales_schools.events import EstynMonitoringVisit, Judgement, Theme

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_wales_schools]
    )
    return Plugins(pm, problems)


def _data(provider_type: str, events: list[Mapping[str, Any]]) -> dict[str, Any]:
    return {
        "jurisdiction": "wales-schools",
        "provider": {
            "school_number": "6602999",
            "name": "Ysgol Gynradd Cwm Dychmygol"
            if provider_type.endswith("school")
            else "Uned Glan-y-Dŵr",
            "type": provider_type,
        },
        "events": events,
    }


def timeline(plugins: Plugins, provider_type: str, *events: Mapping[str, Any]) -> Timeline:
    return build_timeline(case_from_data(_data(provider_type, list(events))), plugins=plugins)


SPECIAL_MEASURES_TO_REMOVAL: list[Mapping[str, Any]] = [
    {
        "type": "inspection",
        "start": "2023-03-06",
        "end": "2023-03-09",
        "inspectorate": "estyn",
        "category": "special-measures",
    },
    {"type": "ofsted-category-notice", "date": "2023-04-20", "category": "special-measures"},
    {"type": "final-report-received", "date": "2023-05-05"},
    {"type": "piap-submitted", "date": "2023-06-01"},
    {
        "type": "estyn-monitoring-visit",
        "date": "2023-07-04",
        "level": "special-measures",
        "judgements": {
            "attendance-and-exclusions": "insufficient",
            "behaviour-and-attitudes": "sufficient",
            "teaching-and-assessment": "insufficient",
            "leadership": "sufficient",
            "monitoring-and-planning": "sufficient",
        },
    },
    {"type": "estyn-progress-insufficient", "date": "2023-07-04", "level": "special-measures"},
    {"type": "estyn-monitoring-visit", "date": "2023-11-14", "level": "special-measures"},
    {"type": "estyn-progress-sufficient", "date": "2023-11-14", "level": "special-measures"},
    {
        "type": "estyn-monitoring-visit",
        "date": "2024-03-05",
        "level": "special-measures",
        "judgements": {theme.value: "strong" for theme in Theme},
    },
    {"type": "estyn-follow-up-removed", "date": "2024-06-20", "level": "special-measures"},
    {"type": "category-removed", "date": "2024-06-20", "category": "special-measures"},
]


def test_a_primary_school_in_special_measures_is_monitored_until_removed(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, "welsh-maintained-school", *SPECIAL_MEASURES_TO_REMOVAL)
    # PIAP (W-PIAP-02, 20 working days following receipt on Fri 5 May 2023): [Mon 8 May
    # coronation bank holiday], 9-12 May (4), 15-19 (9), 22-26 (14), [Mon 29 May spring bank
    # holiday], 30 May-2 Jun (18), Mon 5 Jun (19), Tue 6 Jun (20).
    piap = t.get("piap.due")
    assert piap.due == D("2023-06-06") and piap.rule.id == "W-PIAP-02"
    assert "governing body" in (piap.actor or "")
    assert piap.satisfied_on == D("2023-06-01")
    # Monitoring visits (W-MV-2022-SM, every 4 months from Thu 9 Mar 2023; unverified
    # interval): 9 Jul 2023, 9 Nov 2023, 9 Mar 2024; the next, 9 Jul 2024, falls after the
    # removal on 20 Jun 2024 and is not listed.
    visits = [i for i in t.items if i.id.startswith("estyn-follow-up.monitoring-visit")]
    assert [i.due for i in visits] == [D("2023-07-09"), D("2023-11-09"), D("2024-03-09")]
    assert [i.satisfied_on for i in visits] == [D("2023-07-04"), D("2023-11-14"), D("2024-03-05")]
    assert {i.rule.id for i in visits} == {"W-MV-2022-SM"}
    assert {i.rule.grade for i in visits} == {VerificationGrade.UNVERIFIED}
    # Outcomes are items of their own.
    assert t.get("estyn-follow-up.progress-insufficient").value == "insufficient-progress"
    assert t.get("estyn-follow-up.progress-sufficient").value == "sufficient-progress"
    removed = t.get("estyn-follow-up.removed")
    assert removed.value == "removed" and removed.rule.grade is VerificationGrade.PRIMARY
    # s.11(5): Thu 20 Apr 2023 + 10 whole days (21-30 Apr) -> Mon 1 May 2023; ground 8 ceases
    # on removal (Thu 20 Jun 2024): the window closes Wed 19 Jun 2024.
    assert t.get("welsh-ministers-power.s11").window == Window(D("2023-05-01"), D("2024-06-19"))
    # The category ends the day before the report removing it.
    assert t.get("category").window == Window(D("2023-03-09"), D("2024-06-19"))


def test_removal_closes_every_open_follow_up_item(plugins: Plugins) -> None:
    t = timeline(plugins, "welsh-maintained-school", *SPECIAL_MEASURES_TO_REMOVAL)
    removal = D("2024-06-20")
    for item in t.items:
        if item.kind in (ItemKind.OBLIGATION, ItemKind.EXPECTED_EVENT):
            assert item_status(item, removal) is ItemStatus.DONE, item.id
        if item.kind is ItemKind.POWER and item.rule.id == "W-WM-02":
            assert item_status(item, removal) is ItemStatus.CLOSED


def test_removal_from_follow_up_alone_closes_the_welsh_ministers_window(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        "welsh-maintained-school",
        {"type": "ofsted-category-notice", "date": "2023-04-20", "category": "special-measures"},
        {"type": "estyn-follow-up-removed", "date": "2024-06-20"},
    )
    assert t.get("welsh-ministers-power.s11").window == Window(D("2023-05-01"), D("2024-06-19"))


def test_a_monitoring_visit_holds_the_seed_000_themes_as_structured_judgements(
    plugins: Plugins,
) -> None:
    case = case_from_data(_data("welsh-maintained-school", SPECIAL_MEASURES_TO_REMOVAL))
    visit = case.of_type(EstynMonitoringVisit)[0]
    assert visit.judgements[Theme.ATTENDANCE_AND_EXCLUSIONS] is Judgement.INSUFFICIENT
    assert visit.judgements[Theme.LEADERSHIP] is Judgement.SUFFICIENT
    assert len(visit.judgements) == len(Theme) == 5


@pytest.mark.parametrize(
    "event",
    [
        {"type": "estyn-monitoring-visit", "date": "2023-07-04", "judgements": {"vibes": "strong"}},
        {
            "type": "estyn-monitoring-visit",
            "date": "2023-07-04",
            "judgements": {"leadership": "ok"},
        },
        {"type": "estyn-monitoring-visit", "date": "2023-07-04", "level": "purple-alert"},
    ],
    ids=["an unknown theme", "an unknown judgement", "an unknown follow-up level"],
)
def test_a_bad_monitoring_visit_is_refused(event: Mapping[str, Any]) -> None:
    with pytest.raises(CaseFileError):
        case_from_data(_data("welsh-maintained-school", [event]))


def test_a_pru_in_significant_improvement_is_followed_up_by_its_management_committee(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        "welsh-pru",
        {
            "type": "inspection",
            "start": "2019-01-14",
            "end": "2019-01-17",
            "inspectorate": "estyn",
            "category": "significant-improvement",
        },
        {"type": "final-report-received", "date": "2019-03-15"},
    )
    # W-PIAP-02-PRU: Fri 15 Mar 2019 + 20 working days: 18-22 Mar (5), 25-29 (10), 1-5 Apr
    # (15), 8-12 Apr (20) -> Fri 12 Apr 2019 (Good Friday is 19 Apr, after).
    piap = t.get("piap.due")
    assert piap.due == D("2019-04-12") and piap.rule.id == "W-PIAP-02-PRU"
    assert "management committee" in (piap.actor or "")
    # W-MV-2017-SI: about a year after Thu 17 Jan 2019 (unverified interval).
    visit = t.get("estyn-follow-up.monitoring-visit")
    assert visit.due == D("2020-01-17") and visit.rule.id == "W-MV-2017-SI"
    assert visit.rule.grade is VerificationGrade.UNVERIFIED
    assert t.get("category").value == "significant-improvement"


def test_a_school_plan_is_never_given_to_a_pru_and_the_reverse(plugins: Plugins) -> None:
    report = {"type": "final-report-received", "date": "2014-08-29"}
    # 45 working days from Fri 29 Aug 2014 -> Fri 31 Oct 2014 (hand count in
    # test_wales_timeline.PIAP_CASES).
    school = timeline(plugins, "welsh-maintained-school", report).get("piap.due")
    pru = timeline(plugins, "welsh-pru", report).get("piap.due")
    assert (school.rule.id, pru.rule.id) == ("W-PIAP-01", "W-PIAP-01-PRU")
    assert school.due == pru.due == D("2014-10-31")


def test_insufficient_progress_in_significant_improvement_brings_a_revisit_a_year_later(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        "welsh-maintained-school",
        {
            "type": "estyn-progress-insufficient",
            "date": "2024-02-08",
            "level": "significant-improvement",
        },
    )
    # "in a further 12 months' time": Thu 8 Feb 2024 -> Sat 8 Feb 2025 (indicative).
    item = t.get("estyn-follow-up.revisit-after-insufficient-progress")
    assert item.due == D("2025-02-08") and item.rule.grade is VerificationGrade.SECONDARY


SUMMER_2014 = {
    "type": "term-dates",
    "date": "2014-07-01",
    "holidays": [{"start": "2014-07-23", "end": "2014-09-02", "reason": "summer holiday"}],
}


def test_the_action_plan_counts_on_the_schools_calendar_when_the_case_gives_its_holidays(
    plugins: Plugins,
) -> None:
    report = {"type": "final-report-received", "date": "2014-07-11"}
    # School calendar (the 1998 definition, carried into 2006 unverified): 45 working days
    # following Fri 11 Jul 2014, summer holiday Wed 23 Jul - Tue 2 Sep skipped: 14-18 Jul (5),
    # 21-22 Jul (7), 3-5 Sep (10), 8-12 (15), 15-19 (20), 22-26 (25), 29 Sep-3 Oct (30),
    # 6-10 (35), 13-17 (40), 20-24 Oct (45) -> Fri 24 Oct 2014.
    with_holidays = timeline(plugins, "welsh-maintained-school", SUMMER_2014, report)
    assert with_holidays.get("piap.due").due == D("2014-10-24")
    # No holidays given: the regional calendar. 14 Jul-22 Aug (30), [Mon 25 Aug bank
    # holiday], 26-29 Aug (34), 1-5 Sep (39), 8-12 (44), Mon 15 Sep (45).
    regional = timeline(plugins, "welsh-maintained-school", report)
    assert regional.get("piap.due").due == D("2014-09-15")


def test_a_report_under_the_1998_regulations_counts_their_working_days(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        "welsh-maintained-school",
        {
            "type": "term-dates",
            "date": "2005-01-01",
            "holidays": [{"start": "2005-05-30", "end": "2005-06-03", "reason": "half term"}],
        },
        {"type": "final-report-received", "date": "2005-05-13"},
    )
    item = t.get("piap.due")
    assert item.rule.id == "W-PIAP-1998" and item.rule.grade is VerificationGrade.UNVERIFIED
    # A one-week half term (Mon 30 May - Fri 3 Jun 2005) is not "longer than a week": its days
    # count, except the bank holiday Mon 30 May. Fri 13 May 2005: 16-20 (5), 23-27 (10),
    # 31 May-3 Jun (14), 6-10 (19), 13-17 (24), 20-24 (29), 27 Jun-1 Jul (34), 4-8 (39),
    # 11-15 Jul (44), Mon 18 Jul (45).
    assert item.due == D("2005-07-18")
