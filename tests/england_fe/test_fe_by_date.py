"""Further education by date (issue 12): worked examples counted by hand from their sources.

Sources: Ofsted, Support and challenge for further education and skills providers (July 2014,
ref 130012; seed 001) paras 3, 10, 13 and 14; Ofsted's Nov 2017 change for providers "notified
of inspection on or after 10 November" 2017 (FE Week); Ofsted, Being inspected as a further
education and skills provider (inadequate: re-inspection within 15 months of publication);
ESFA notices of concern; DfE FE Commissioner guidance (summary within 3 months of the visit).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import improvement_kit_england_fe
from improvement_kit.cli import main
from improvement_kit.errors import InputError
from improvement_kit.model import Timeline, Window
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(load_entrypoints=False, plugins=[improvement_kit_england_fe])
    return Plugins(pm, problems)


def case(*events: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "jurisdiction": "england-fe",
        "provider": {"urn": "130002", "name": "Exampleford College", "type": "fe-college"},
        "events": list(events),
    }


def timeline(plugins: Plugins, *events: Mapping[str, Any]) -> Timeline:
    return build_timeline(case_from_data(case(*events), plugins=plugins), plugins=plugins)


def ri(start: str, end: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "inspection",
        "start": start,
        "end": end,
        "grades": {"overall-effectiveness": "requires-improvement"},
        **extra,
    }


# --- A college found "requires improvement" in October 2014 -----------------------------------

OCT_2014 = ri("2014-10-13", "2014-10-15", notified_on="2014-10-09", inspectors=["Mr Lee Sample"])
REPORT = {"type": "report-published", "date": "2014-11-20"}
VISIT = {
    "type": "support-and-challenge-visit",
    "date": "2014-12-10",
    "improvement_hmi": "Ms Jo Example",
}


def test_a_college_found_ri_in_october_2014_through_visit_letter_and_reinspection(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, OCT_2014, REPORT, VISIT)
    regime = t.get("follow-up.regime")
    assert regime.value == "support-and-challenge" and regime.rule.id == "FE-REGIME-01"
    assert "notified Thu 9 Oct 2014" in regime.explanation
    assert "inferred" not in regime.explanation  # notified_on was recorded
    # para 10: 10-30 WD after publication (Thu 20 Nov 2014): Thu 4 Dec 2014 - Tue 6 Jan 2015
    # (counted in test_fe_timeline); the visit of Wed 10 Dec 2014 meets it.
    visit = t.get("support-and-challenge-visit")
    assert visit.window == Window(D("2014-12-04"), D("2015-01-06"))
    assert visit.satisfied_on == D("2014-12-10")
    # para 14: letter within 5 WD of Wed 10 Dec: 11 (1), 12 (2), 15 (3), 16 (4), Wed 17 Dec.
    assert t.get("support-and-challenge-visit.reporting-letter").due == D("2014-12-17")
    # para 3: found RI from Sep 2014 -> 12 to 24 months from Wed 15 Oct 2014.
    reinspection = t.get("reinspection")
    assert reinspection.rule.id == "FE-SC-02"
    assert reinspection.window == Window(D("2015-10-15"), D("2016-10-15"))
    assert not t.warnings


def test_a_missing_notification_day_is_inferred_and_flagged(plugins: Plugins) -> None:
    inspection = {k: v for k, v in OCT_2014.items() if k != "notified_on"}
    t = timeline(plugins, inspection, REPORT)
    # Start Mon 13 Oct 2014 less 2 WD: Fri 10 (1), Thu 9 Oct 2014 (2).
    for item_id in ("follow-up.regime", "reinspection", "support-and-challenge-visit"):
        assert "notified_on not recorded: inferred as Thu 9 Oct 2014" in t.get(item_id).explanation


def test_an_improvement_hmi_who_inspected_the_college_is_a_warning(plugins: Plugins) -> None:
    visit = {**VISIT, "improvement_hmi": "Mr Lee Sample"}
    t = timeline(plugins, OCT_2014, REPORT, visit)
    assert any("Mr Lee Sample" in w and "will not normally be" in w for w in t.warnings)
    assert t.get("support-and-challenge-visit").satisfied_on == D("2014-12-10")


@pytest.mark.parametrize(
    ("end", "start", "rule_id", "window"),
    [
        # Fri 29 Aug 2014: 12-18 months -> Sat 29 Aug 2015 - Mon 29 Feb 2016.
        pytest.param(
            "2014-08-29", "2014-08-27", "FE-SC-01", ("2015-08-29", "2016-02-29"), id="29 Aug 2014"
        ),
        # Mon 1 Sep 2014 (found RI "from September 2014"): 12-24 months.
        pytest.param(
            "2014-09-01", "2014-08-28", "FE-SC-02", ("2015-09-01", "2016-09-01"), id="1 Sep 2014"
        ),
    ],
)
def test_the_1_september_2014_change_turns_on_the_judgement(
    plugins: Plugins, end: str, start: str, rule_id: str, window: tuple[str, str]
) -> None:
    item = timeline(plugins, ri(start, end)).get("reinspection")
    assert item.rule.id == rule_id and item.window == Window(D(window[0]), D(window[1]))


# --- Across 10 Nov 2017: the notification decides ----------------------------------------------


def test_notified_on_9_nov_2017_an_inspection_ending_15_nov_stays_under_support_and_challenge(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, ri("2017-11-13", "2017-11-15", notified_on="2017-11-09"))
    assert t.get("follow-up.regime").value == "support-and-challenge"
    assert t.find("monitoring-visit") is None
    reinspection = t.get("reinspection")
    # FE-SC-02, 12-24 months from Wed 15 Nov 2017: Thu 15 Nov 2018 - Fri 15 Nov 2019.
    assert reinspection.rule.id == "FE-SC-02"
    assert reinspection.window == Window(D("2018-11-15"), D("2019-11-15"))
    assert "the regime of the notification applies" in reinspection.explanation


def test_notified_on_10_nov_2017_the_same_inspection_gets_a_monitoring_visit(
    plugins: Plugins,
) -> None:
    t = timeline(plugins, ri("2017-11-13", "2017-11-15", notified_on="2017-11-10"))
    assert t.get("follow-up.regime").rule.id == "FE-REGIME-02"
    # FE-MV-01: 7-13 months from Wed 15 Nov 2017 -> Fri 15 Jun 2018 - Sat 15 Dec 2018.
    assert t.get("monitoring-visit").window == Window(D("2018-06-15"), D("2018-12-15"))
    assert t.get("reinspection").rule.id == "FE-MV-02"


def test_an_inferred_notification_can_fall_on_either_side(plugins: Plugins) -> None:
    # Start Tue 14 Nov 2017 less 2 WD: Mon 13 (1), Fri 10 Nov 2017 (2) -> monitoring visit.
    later = timeline(plugins, ri("2017-11-14", "2017-11-16"))
    assert later.get("follow-up.regime").value == "monitoring-visit"
    monitoring = later.get("monitoring-visit")
    # 7-13 months from Thu 16 Nov 2017: Sat 16 Jun 2018 - Sun 16 Dec 2018 (worked example 19).
    assert monitoring.window == Window(D("2018-06-16"), D("2018-12-16"))
    assert "inferred as Fri 10 Nov 2017" in monitoring.explanation
    # Start Mon 13 Nov 2017 less 2 WD: Fri 10 (1), Thu 9 Nov 2017 (2) -> support and challenge.
    earlier = timeline(plugins, ri("2017-11-13", "2017-11-15"))
    assert earlier.get("follow-up.regime").value == "support-and-challenge"


# --- An inadequate college with a notice of concern -------------------------------------------


def test_an_inadequate_college_with_a_notice_of_concern_and_an_fe_commissioner_assessment(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "inspection",
            "start": "2019-01-15",
            "end": "2019-01-18",
            "grades": {"overall-effectiveness": "inadequate"},
        },
        {"type": "report-published", "date": "2019-02-26"},
        {
            "type": "notice-of-concern-given",
            "date": "2019-03-04",
            "grounds": ["overall effectiveness inadequate"],
            "compliance_period_end": "2019-06-28",
        },
        {"type": "fe-commissioner-assessment", "start": "2019-04-08", "date": "2019-04-10"},
    )
    assert t.get("intervention").value == "fe-intervention"
    # 15 months following Tue 26 Feb 2019 -> Tue 26 May 2020 (the corresponding date).
    assert t.get("reinspection").due == D("2020-05-26")
    notice = t.get("notice-of-concern")
    assert notice.due == D("2019-06-28") and notice.rule.id == "FE-DFE-04"
    # 3 months following Wed 10 Apr 2019 -> Wed 10 Jul 2019.
    assert t.get("fe-commissioner.report-published").due == D("2019-07-10")


# --- Refusals: one line, exit 2, nothing written ------------------------------------------------


def refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], *events: Any) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case(*events)))
    out = tmp_path / "timeline.txt"
    status = main(["timeline", str(path), "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()
    return err


def test_a_support_visit_before_the_report_it_follows_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(tmp_path, capsys, OCT_2014, REPORT, {**VISIT, "date": "2014-11-18"})
    assert "events[support-and-challenge-visit 2014-11-18].date" in err and "2014-11-20" in err


def test_an_fe_inspection_kind_its_date_does_not_have_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monitoring = {"type": "inspection", "start": "2019-05-01", "end": "2019-05-02"}
    err = refused(tmp_path, capsys, {**monitoring, "kind": "monitoring-inspection"})
    assert "events[inspection 2019-05-02].kind" in err and "10 Nov 2025" in err


def test_a_support_visit_under_the_monitoring_regime_is_refused(plugins: Plugins) -> None:
    with pytest.raises(InputError, match="no support and challenge visit"):
        timeline(
            plugins,
            ri("2018-01-16", "2018-01-18", notified_on="2018-01-12"),
            {"type": "support-and-challenge-visit", "date": "2018-03-01"},
        )


# --- 10 Nov 2025: report cards ----------------------------------------------------------------


def test_an_inspection_begun_before_report_cards_keeps_its_regime_after_10_nov_2025(
    plugins: Plugins,
) -> None:
    # Graded on the EIF scale (framework in force on the start, Wed 5 Nov 2025), ending Tue 11
    # Nov 2025 and notified Mon 3 Nov 2025: the EIF rows apply, looked up on the notification.
    t = timeline(plugins, ri("2025-11-05", "2025-11-11", notified_on="2025-11-03"))
    monitoring = t.get("monitoring-visit")
    assert monitoring.rule.id == "FE-EIF-01"
    # 7-13 months from Tue 11 Nov 2025: Thu 11 Jun 2026 - Fri 11 Dec 2026.
    assert monitoring.window == Window(D("2026-06-11"), D("2026-12-11"))


def test_from_10_nov_2025_needs_attention_gives_monitoring_and_no_ri_regime(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "inspection",
            "start": "2025-11-10",
            "end": "2025-11-12",
            "grades": {"curriculum-and-teaching": "needs-attention"},
        },
    )
    assert t.find("follow-up.regime") is None and t.find("reinspection") is None


def test_a_notice_of_concern_before_august_2017_is_not_dated_and_says_so(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "notice-of-concern-given",
            "date": "2016-05-09",
            "compliance_period_end": "2016-07-29",
        },
    )
    assert t.find("notice-of-concern") is None
    assert any("before 1 Aug 2017" in w for w in t.warnings)
