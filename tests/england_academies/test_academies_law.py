"""Worked examples of academy law read again (issue 12), each counted by hand from its source.

Sources: Academies Act 2010 ss.2A and 2B as inserted by EAA 2016 s.14 (legislation.gov.uk, as
enacted; in force 18 Apr 2016 by SI 2016/466); Education Act 1996 s.497C inserted by CWSA 2026
s.56, in force 29 Jun 2026 by s.78(2)(g).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import improvement_kit_england_academies
from improvement_kit.cli import main
from improvement_kit.errors import CaseFileError
from improvement_kit.model import Timeline, Window
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from improvement_kit_england_academies.derive import power_limbs

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_england_academies]
    )
    return Plugins(pm, problems)


def case(*events: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "jurisdiction": "england-academies",
        "provider": {"urn": "149002", "name": "Example Brook Academy", "type": "academy"},
        "events": list(events),
    }


def timeline(plugins: Plugins, *events: Mapping[str, Any]) -> Timeline:
    return build_timeline(case_from_data(case(*events), plugins=plugins), plugins=plugins)


# --- An academy in special measures since March 2016 (s.2A from 18 Apr 2016) ----------------

SM_MARCH_2016 = {
    "type": "ofsted-category-notice",
    "date": "2016-03-11",
    "category": "special-measures",
}


def test_an_academy_in_special_measures_from_march_2016_gets_s2a_from_18_april_2016(
    plugins: Plugins,
) -> None:
    # s.2A(3): "if the Chief Inspector has given notice under section 13(3)(a)": the notice of
    # Fri 11 Mar 2016 still stands on Mon 18 Apr 2016, the day s.2A came into force.
    t = timeline(plugins, SM_MARCH_2016)
    item = t.get("termination.s2a-power")
    assert item.rule.id == "AC-2A-02"
    assert item.window == Window(D("2016-04-18"), None)
    assert "Fri 11 Mar 2016" in item.explanation and "Mon 18 Apr 2016" in item.explanation


def test_the_transitional_s2a_power_ends_the_day_before_the_category_is_removed(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        SM_MARCH_2016,
        {"type": "category-removed", "date": "2017-05-10", "category": "special-measures"},
    )
    # Removed by the report of Wed 10 May 2017: the ground lasts to Tue 9 May 2017.
    assert t.get("termination.s2a-power").window == Window(D("2016-04-18"), D("2017-05-09"))


def test_a_category_removed_before_18_april_2016_gives_no_s2a_power(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        SM_MARCH_2016,
        {"type": "category-removed", "date": "2016-04-15", "category": "special-measures"},
    )
    assert t.find("termination.s2a-power") is None


# --- A coasting academy through a termination warning notice (s.2B(3)-(4)) -------------------

COASTING = {"type": "coasting-notification", "date": "2026-01-12"}
TWN = {
    "type": "termination-warning-notice-given",
    "date": "2026-02-02",
    "respond_by": "2026-02-16",
    "action_by": "2026-03-27",
}


def test_without_representations_the_power_opens_the_day_after_the_response_date(
    plugins: Plugins,
) -> None:
    # s.2B(4) "(whether by failing to take specified action, or to respond, on time)": failing
    # to respond by Mon 16 Feb 2026 is enough on its own -> from Tue 17 Feb 2026, though the
    # date for action (Fri 27 Mar 2026) has not yet come.
    t = timeline(plugins, COASTING, TWN)
    power = t.get("termination.s2b-power")
    assert power.rule.id == "AC-2B-04"
    assert power.window == Window(D("2026-02-17"), None)
    assert power.details == {
        "response_limb_opens": "2026-02-17",
        "action_limb_opens": "2026-03-28",  # Fri 27 Mar 2026 + 1 day
    }
    assert "failing to respond on time" in power.explanation
    assert t.get("termination-warning-notice.response-due").due == D("2026-02-16")
    assert t.get("termination-warning-notice.action-due").due == D("2026-03-27")


def test_with_representations_on_time_only_the_action_limb_remains(plugins: Plugins) -> None:
    t = timeline(plugins, COASTING, TWN, {"type": "representations-made", "date": "2026-02-13"})
    power = t.get("termination.s2b-power")
    # Responded Fri 13 Feb (<= Mon 16 Feb): only failing to act by Fri 27 Mar 2026 remains,
    # so the power is available from Sat 28 Mar 2026 if the action was not taken.
    assert power.window == Window(D("2026-03-28"), None)
    assert power.details == {"action_limb_opens": "2026-03-28"}
    assert t.get("termination-warning-notice.response-due").satisfied_on == D("2026-02-13")


def test_representations_made_late_do_not_close_the_response_limb(plugins: Plugins) -> None:
    t = timeline(plugins, COASTING, TWN, {"type": "representations-made", "date": "2026-02-18"})
    power = t.get("termination.s2b-power")
    # Wed 18 Feb 2026 is after Mon 16 Feb 2026: not "on time".
    assert power.window == Window(D("2026-02-17"), None)
    assert "done only on Wed 18 Feb 2026" in power.explanation


def test_a_notice_complied_with_on_both_limbs_gives_no_power(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        COASTING,
        TWN,
        {"type": "representations-made", "date": "2026-02-13"},
        {
            "type": "obligation-met",
            "date": "2026-03-20",
            "item": "termination-warning-notice.action-due",
        },
    )
    assert t.find("termination.s2b-power") is None
    assert any("complied with on time" in w for w in t.warnings)


def test_a_response_date_after_the_action_date_is_a_warning_not_a_refusal(
    plugins: Plugins,
) -> None:
    notice = {**TWN, "respond_by": "2026-04-10", "action_by": "2026-03-27"}
    t = timeline(plugins, COASTING, notice)
    assert any("unusual" in w and "Fri 10 Apr 2026" in w for w in t.warnings)
    # Neither limb met: action fails first (Fri 27 Mar -> Sat 28 Mar 2026).
    assert t.get("termination.s2b-power").window == Window(D("2026-03-28"), None)


def test_a_coasting_notification_before_the_definition_gives_no_power(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {"type": "coasting-notification", "date": "2017-01-10"},
        {**TWN, "date": "2017-02-01", "respond_by": "2017-02-15", "action_by": "2017-03-31"},
    )
    assert t.find("termination.s2b-power") is None
    assert any("precedes the coasting definition" in w for w in t.warnings)


def test_the_limbs_in_isolation() -> None:
    # Action met on time, response not recorded: only the response limb.
    limbs = power_limbs((D("2026-03-27"), D("2026-03-27")), (D("2026-02-16"), None))
    assert [(limb, day) for limb, day, _ in limbs] == [("response", D("2026-02-17"))]


# --- Funding-agreement termination warning notices before 18 Apr 2016 -------------------------


def test_a_funding_agreement_notice_states_its_own_two_dates(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {
            "type": "termination-warning-notice-given",
            "date": "2015-06-01",
            "respond_by": "2015-06-16",
            "action_by": "2015-07-17",
        },
    )
    assert t.get("termination-warning-notice.response-due").rule.id == "AC-FA-02"
    assert t.get("termination-warning-notice.response-due").due == D("2015-06-16")
    assert t.get("termination-warning-notice.action-due").due == D("2015-07-17")
    assert t.find("termination.s2b-power") is None  # no statutory coasting route before then


def test_a_notice_whose_dates_precede_it_is_refused(plugins: Plugins) -> None:
    with pytest.raises(CaseFileError, match=r"events\[0\].*respond_by 2015-05-01 is before"):
        case_from_data(
            case({**TWN, "date": "2015-06-01", "respond_by": "2015-05-01"}), plugins=plugins
        )


# --- Notices to improve and s.497C compliance directions --------------------------------------


def test_a_notice_to_improve_is_due_on_the_date_it_states(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {
            "type": "notice-to-improve-given",
            "date": "2024-10-07",
            "compliance_period_end": "2025-03-31",
        },
    )
    item = t.get("notice-to-improve.compliance-due")
    assert item.due == D("2025-03-31") and item.rule.id == "AC-NTI-01"
    assert item.rule.nature.value == "national-policy"


def test_a_compliance_direction_from_29_june_2026(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {
            "type": "compliance-direction-given",
            "date": "2026-06-29",
            "duty": "publish admission arrangements",
            "compliance_period": "20 working days following",
        },
    )
    item = t.get("compliance-direction.compliance-due")
    # 20 WD following Mon 29 Jun 2026: 30 Jun-3 Jul (4), 6-10 (9), 13-17 (14), 20-24 (19),
    # Mon 27 Jul (20). No bank holiday in that span.
    assert item.due == D("2026-07-27") and item.rule.id == "AC-CWSA-01"


def test_a_compliance_direction_before_29_june_2026_is_refused_on_the_command_line(
    plugins: Plugins, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    path = tmp_path / "case.json"
    direction = {"type": "compliance-direction-given", "date": "2026-06-28"}
    path.write_text(json.dumps(case(direction)))
    out = tmp_path / "timeline.json"
    status = main(["timeline", str(path), "--json", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "29 Jun 2026" in err and "events[0]" in err
    assert not out.exists()


def test_the_transitional_s2a_item_says_what_it_rests_on_that_was_not_read(
    plugins: Plugins,
) -> None:
    item = timeline(plugins, SM_MARCH_2016).get("termination.s2a-power")
    assert "s.2C, not read" in item.explanation and "AC-2CD-01" in item.explanation
    assert item.rule.grade.value == "partial"
