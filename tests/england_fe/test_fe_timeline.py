"""Further education (Ofsted follow-up, DfE/ESFA intervention): data-driven cases named as
sentences. FE windows count from the inspection's last day (CNT-6); the support and challenge
visit and the inadequate re-inspection from publication. Hand counts in the comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

import improvement_kit_england_fe
from improvement_kit.model import (
    Case,
    GenericEvent,
    Provider,
    ProviderType,
    Timeline,
    VerificationGrade,
    Window,
)
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(load_entrypoints=False, plugins=[improvement_kit_england_fe])
    return Plugins(pm, problems)


def timeline(
    plugins: Plugins, *events: Mapping[str, Any], provider_type: str = "fe-college"
) -> Timeline:
    data = {
        "jurisdiction": "england-fe",
        "provider": {"urn": "130001", "name": "Example College", "type": provider_type},
        "events": list(events),
    }
    return build_timeline(case_from_data(data), plugins=plugins)


def inspection(start: str, end: str, overall: str | None = None, **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "inspection", "start": start, "end": end, **extra}
    if overall is not None:
        event["grades"] = {"overall-effectiveness": overall}
    return event


# --- Worked example 19 ------------------------------------------------------------------------


def test_worked_example_19_a_requires_improvement_inspection_ending_wed_15_oct_2014(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, inspection("2014-10-13", "2014-10-15", "requires-improvement"))
    # 12-24 months from Wed 15 Oct 2014 (corresponding dates).
    item = t.get("reinspection")
    assert item.window == Window(D("2015-10-15"), D("2016-10-15"))
    assert item.rule.id == "FE-SC-02" and item.rule.grade is VerificationGrade.PRIMARY
    assert t.find("monitoring-visit") is None
    assert t.get("monitoring").value == "requires-improvement-monitoring"


def test_worked_example_19_a_requires_improvement_inspection_ending_thu_16_nov_2017(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, inspection("2017-11-14", "2017-11-16", "requires-improvement"))
    # 7-13 months: Sat 16 Jun 2018 - Sun 16 Dec 2018; 12-24 months: 16 Nov 2018 - 16 Nov 2019.
    assert t.get("monitoring-visit").window == Window(D("2018-06-16"), D("2018-12-16"))
    assert t.get("reinspection").window == Window(D("2018-11-16"), D("2019-11-16"))
    assert t.find("support-and-challenge-visit") is None


def test_worked_example_19_an_inadequate_report_published_tue_3_mar_2020(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        inspection("2020-01-28", "2020-01-31", "inadequate"),
        {"type": "report-published", "date": "2020-03-03"},
    )
    # "within 15 months of publication": Tue 3 Mar 2020 + 15 months = Thu 3 Jun 2021.
    item = t.get("reinspection")
    assert item.due == D("2021-06-03") and item.rule.id == "FE-OF-04"
    assert t.get("intervention").value == "fe-intervention"
    assert t.get("intervention").rule.id == "FE-DFE-01"


# --- The September 2014 switch (12-18 -> 12-24 months) ----------------------------------------

SEP_2014 = [
    pytest.param(
        # Fri 29 Aug 2014 + 12 = Sat 29 Aug 2015; + 18 = Mon 29 Feb 2016 (2016 is a leap year).
        "2014-08-27",
        "2014-08-29",
        "2015-08-29",
        "2016-02-29",
        "FE-SC-01",
        id="requires improvement at an inspection ending Fri 29 Aug 2014: 12 to 18 months",
    ),
    pytest.param(
        "2014-09-01",
        "2014-09-03",
        "2015-09-03",
        "2016-09-03",
        "FE-SC-02",
        id="requires improvement at an inspection ending Wed 3 Sep 2014: 12 to 24 months",
    ),
]


@pytest.mark.parametrize(("start", "end", "first", "last", "rule_id"), SEP_2014)
def test_the_requires_improvement_reinspection_window_around_september_2014(
    plugins: Plugins, start: str, end: str, first: str, last: str, rule_id: str
) -> None:
    item = timeline(plugins, inspection(start, end, "requires-improvement")).get("reinspection")
    assert item.window == Window(D(first), D(last)) and item.rule.id == rule_id


# --- The 10 November 2017 switch (support and challenge -> monitoring visit) ------------------


def test_an_inspection_ending_thu_9_nov_2017_gets_support_and_challenge(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        inspection("2017-11-07", "2017-11-09", "requires-improvement"),
        {"type": "report-published", "date": "2017-12-05"},
    )
    assert t.find("monitoring-visit") is None
    assert t.get("reinspection").window == Window(D("2018-11-09"), D("2019-11-09"))
    # Tue 5 Dec 2017: 10 WD -> 6-8 (3), 11-15 (8), 18, 19 (10) = Tue 19 Dec 2017;
    # 30 WD -> 20-22 (13), [25, 26], 27-29 (16), [1 Jan], 2-5 Jan (20), 8-12 (25), 15-19 (30).
    assert t.get("support-and-challenge-visit").window == Window(D("2017-12-19"), D("2018-01-19"))


def test_an_inspection_ending_fri_10_nov_2017_was_notified_before_it_so_stays_under_support(
    plugins: Plugins,
) -> None:
    # Ofsted: monitoring visits for providers "notified of inspection on or after 10 November"
    # 2017. Started Wed 8 Nov 2017, so notified before it: no monitoring visit (corrected: this
    # test once expected one, from the inspection's last day).
    t = timeline(
        plugins,
        inspection("2017-11-08", "2017-11-10", "requires-improvement"),
        {"type": "report-published", "date": "2017-12-05"},
    )
    assert t.find("monitoring-visit") is None
    assert t.get("follow-up.regime").value == "support-and-challenge"
    assert t.get("reinspection").rule.id == "FE-SC-02"
    # Tue 5 Dec 2017 + 10 WD: 6-8 (3), 11-15 (8), 18, 19 (10) -> Tue 19 Dec 2017.
    assert t.get("support-and-challenge-visit").window.start == D("2017-12-19")


# --- Support and challenge --------------------------------------------------------------------


def test_the_improvement_hmi_visit_is_offered_10_to_30_working_days_after_publication(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        inspection("2014-10-13", "2014-10-15", "requires-improvement"),
        {"type": "report-published", "date": "2014-11-20"},
    )
    # Thu 20 Nov 2014: 10 WD -> 21 (1), 24-28 (6), 1-4 Dec (10) = Thu 4 Dec 2014;
    # 30 WD -> 5 Dec (11), 8-12 (16), 15-19 (21), 22-24 (24), [25, 26], 29-31 (27), [1 Jan],
    # 2 Jan (28), 5 (29), 6 (30) = Tue 6 Jan 2015.
    item = t.get("support-and-challenge-visit")
    assert item.window == Window(D("2014-12-04"), D("2015-01-06"))
    assert item.rule.nature.value == "national-policy"


def test_without_a_publication_the_visit_window_is_not_computed(plugins: Plugins) -> None:
    t = timeline(plugins, inspection("2014-10-13", "2014-10-15", "requires-improvement"))
    assert t.find("support-and-challenge-visit") is None
    assert any("no report-published event" in w for w in t.warnings)


def test_the_reporting_letter_is_due_five_working_days_after_the_visit(plugins: Plugins) -> None:
    provider = Provider("130002", "Example College", ProviderType.FE_COLLEGE)
    visit = GenericEvent(date=D("2014-12-11"), event_type="support-and-challenge-visit")
    t = build_timeline(Case("england-fe", provider, (visit,)), plugins=plugins)
    # Thu 11 Dec 2014: 12 (1), 15-18 (5) -> Thu 18 Dec 2014.
    assert t.get("support-and-challenge-visit.reporting-letter").due == D("2014-12-18")


# --- Windows that need the last day of a month ------------------------------------------------


def test_a_window_with_no_corresponding_date_ends_on_the_last_day_of_the_month(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, inspection("2018-01-29", "2018-01-31", "requires-improvement"))
    # Wed 31 Jan 2018 + 7 months = 31 Aug 2018; + 13 months: no 31 Feb 2019 -> 28 Feb 2019.
    assert t.get("monitoring-visit").window == Window(D("2018-08-31"), D("2019-02-28"))
    assert t.get("reinspection").window == Window(D("2019-01-31"), D("2020-01-31"))


def test_a_monitoring_visit_and_the_next_full_inspection_mark_the_windows_done(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        inspection("2017-11-14", "2017-11-16", "requires-improvement"),
        inspection("2018-07-04", "2018-07-05", kind="monitoring-visit"),
        inspection("2019-03-05", "2019-03-08", "good"),
    )
    assert t.get("monitoring-visit").satisfied_on == D("2018-07-05")
    assert t.get("reinspection").satisfied_on == D("2019-03-08")
    assert len([i for i in t.items if i.id.startswith("reinspection")]) == 1


# --- Report cards (from 10 Nov 2025) ----------------------------------------------------------


def test_a_college_with_leadership_urgent_improvement_is_placed_in_intervention(
    plugins: Plugins,
) -> None:
    grades = {"leadership-and-governance": "urgent-improvement", "inclusion": "expected-standard"}
    t = timeline(
        plugins,
        {
            "type": "inspection",
            "start": "2026-01-20",
            "end": "2026-01-22",
            "grades": grades,
            "safeguarding": "met",
        },
    )
    item = t.get("intervention")
    assert item.rule.id == "FE-DFE-06" and item.due == D("2026-01-22")


def test_the_report_card_intervention_trigger_is_for_colleges_only(plugins: Plugins) -> None:
    grades = {"leadership-and-governance": "urgent-improvement"}
    t = timeline(
        plugins,
        {"type": "inspection", "start": "2026-01-20", "end": "2026-01-22", "grades": grades},
        provider_type="independent-training-provider",
    )
    assert t.find("intervention") is None


def test_needs_attention_under_report_cards_is_a_monitoring_level(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {
            "type": "inspection",
            "start": "2026-01-20",
            "end": "2026-01-22",
            "grades": {"curriculum-and-teaching": "needs-attention"},
            "safeguarding": "met",
        },
    )
    assert t.get("monitoring").value == "needs-attention-monitoring"
    assert t.find("reinspection") is None
