"""Warning-notice procedure, eligibility and the windows of the powers.

Expected dates are hand counts on the England-and-Wales calendar (catalogue §1.2).
"""

from __future__ import annotations

from typing import Any

from .england_cases import COMMUNITY, d, items, timeline


def notice(date: str, **fields: Any) -> dict[str, Any]:
    return {"type": "warning-notice-given", "date": date, **fields}


def test_confirmation_after_representations_gives_15_working_days_following_confirmation() -> None:
    # given Mon 2 Mar 2015; representations Tue 10 Mar; HMCI confirms Wed 1 Apr 2015:
    # Thu 2 Apr (1), Good Friday and Easter Monday skipped, ... Fri 24 Apr 2015 (15).
    tl = timeline(
        notice("2015-03-02"),
        {"type": "representations-made", "date": "2015-03-10"},
        {"type": "warning-notice-confirmed", "date": "2015-04-01"},
        {"type": "reasonable-notice-given", "date": "2015-04-27"},
    )
    item = tl.get("warning-notice.compliance-period-end")
    assert item.due == d("2015-04-24")
    assert "the Chief Inspector confirmed the notice" in item.explanation
    assert tl.get("warning-notice.representations-deadline").satisfied_on == d("2015-03-10")
    eligible = tl.get("eligible-for-intervention")
    assert eligible.due == d("2015-04-27")
    assert tl.get("la-power.s64").window.end == d("2015-06-24")  # type: ignore[union-attr]


def test_a_notice_not_confirmed_gives_no_eligibility() -> None:
    tl = timeline(
        notice("2015-03-02"),
        {"type": "representations-made", "date": "2015-03-10"},
        {"type": "warning-notice-not-confirmed", "date": "2015-04-01"},
        {"type": "reasonable-notice-given", "date": "2015-04-27"},
    )
    assert tl.find("eligible-for-intervention") is None
    assert tl.find("warning-notice.compliance-period-end") is None
    assert tl.get("warning-notice.not-confirmed").due == d("2015-04-01")
    assert tl.find("la-power.s63") is None


def test_representations_awaiting_a_decision_leave_no_compliance_period() -> None:
    tl = timeline(notice("2015-03-02"), {"type": "representations-made", "date": "2015-03-10"})
    assert tl.find("warning-notice.compliance-period-end") is None
    assert tl.get("warning-notice.decision-awaited").rule.id == "EM-WN-04"
    assert any("no compliance period yet" in w for w in tl.warnings)


def test_representations_after_the_initial_period_do_not_count() -> None:
    tl = timeline(notice("2014-12-18"), {"type": "representations-made", "date": "2015-01-14"})
    assert tl.get("warning-notice.compliance-period-end").due == d("2015-01-13")


def test_without_reasonable_notice_the_school_is_not_yet_eligible() -> None:
    tl = timeline(notice("2014-12-18"))
    assert tl.find("eligible-for-intervention") is None
    expected = tl.get("reasonable-notice")
    assert expected.window is not None and expected.window.start == d("2015-01-14")
    assert expected.details["powers_window_end"] == "2015-03-13"


def test_eligibility_starts_the_day_after_the_compliance_period_when_notice_came_earlier() -> None:
    tl = timeline(notice("2014-12-18"), {"type": "reasonable-notice-given", "date": "2015-01-05"})
    item = tl.get("eligible-for-intervention")
    assert item.due == d("2015-01-14")
    assert item.details["ground"] == "s.60"


def test_s60a_schools_get_no_s63_and_no_closure_direction() -> None:
    tl = timeline(
        notice("2014-06-02", ground="teachers-pay-and-conditions"),
        {"type": "reasonable-notice-given", "date": "2014-06-25"},
    )
    # 15 WD following Mon 2 Jun 2014 -> Mon 23 Jun 2014.
    assert tl.get("warning-notice.compliance-period-end").due == d("2014-06-23")
    assert tl.get("eligible-for-intervention").value == "s.60A"
    assert tl.find("la-power.s63") is None
    assert tl.find("sos-power.s68") is None
    assert tl.get("la-power.s64").window.end == d("2014-08-23")  # type: ignore[union-attr]
    assert tl.get("la-power.s65").window.end is None  # type: ignore[union-attr]


def test_copies_of_an_old_s60_notice_go_to_hmci_head_diocese_and_foundation_appointer() -> None:
    copies = timeline(notice("2014-12-18")).get("warning-notice.copies").details["copies"]
    for who in ("Chief Inspector", "head teacher", "diocesan authority", "foundation governors"):
        assert who in copies
    assert "Secretary of State" not in copies


def test_copies_of_a_2025_la_notice_also_go_to_the_secretary_of_state() -> None:
    copies = (
        timeline(notice("2025-01-06", compliance_period_end="2025-02-07"), provider=COMMUNITY)
        .get("warning-notice.copies")
        .details["copies"]
    )
    assert "Secretary of State" in copies and "Chief Inspector" in copies
    assert "diocesan" not in copies and "foundation" not in copies


def test_copies_of_an_old_s60a_notice_do_not_go_to_hmci() -> None:
    copies = (
        timeline(notice("2014-06-02", ground="teachers-pay-and-conditions"))
        .get("warning-notice.copies")
        .details["copies"]
    )
    assert "Chief Inspector" not in copies and "Secretary of State" not in copies


def test_an_la_notice_ceases_when_the_secretary_of_state_gives_one() -> None:
    tl = timeline(
        notice("2025-01-06", compliance_period_end="2025-02-07"),
        notice("2025-01-20", given_by="secretary-of-state", compliance_period_end="2025-02-21"),
        {"type": "reasonable-notice-given", "date": "2025-02-24"},
    )
    assert tl.get("warning-notice.ceased").due == d("2025-01-20")
    (eligible,) = items(tl, "eligible-for-intervention")
    assert eligible.due == d("2025-02-24")
    assert eligible.details["compliance_period_end"] == "2025-02-21"


def test_a_special_measures_notice_supersedes_significant_improvement() -> None:
    tl = timeline(
        {
            "type": "ofsted-category-notice",
            "date": "2019-03-01",
            "category": "significant-improvement",
        },
        {"type": "ofsted-category-notice", "date": "2019-10-01", "category": "special-measures"},
    )
    first, second = items(tl, "eligible-for-intervention")
    assert (first.value, first.due, first.window.end) == ("s.61", d("2019-03-01"), d("2019-09-30"))  # type: ignore[union-attr]
    assert (second.value, second.due, second.window.end) == ("s.62", d("2019-10-01"), None)  # type: ignore[union-attr]


def test_category_removed_ends_eligibility_and_open_ended_powers() -> None:
    tl = timeline(
        {"type": "ofsted-category-notice", "date": "2019-03-01", "category": "special-measures"},
        {"type": "category-removed", "date": "2021-05-20"},
    )
    assert tl.get("eligible-for-intervention").window.end == d("2021-05-19")  # type: ignore[union-attr]
    assert tl.get("la-power.s63").window.end == d("2021-05-19")  # type: ignore[union-attr]


def test_powers_for_a_special_measures_school_have_no_window() -> None:
    tl = timeline(
        {"type": "ofsted-category-notice", "date": "2019-04-02", "category": "special-measures"}
    )
    for power in (
        "la-power.s63",
        "la-power.s64",
        "la-power.s65",
        "la-power.s66",
        "sos-power.s66a",
        "sos-power.s67",
        "sos-power.s68",
        "sos-power.s69",
    ):
        window = tl.get(power).window
        assert window is not None
        assert (window.start, window.end) == (d("2019-04-02"), None), power


def test_before_12_jan_2010_the_sos_has_no_s67_power_for_a_warning_notice_school() -> None:
    tl = timeline(notice("2009-06-01"), {"type": "reasonable-notice-given", "date": "2009-06-25"})
    # 15 WD following Mon 1 Jun 2009 -> Mon 22 Jun 2009; eligible Thu 25 Jun 2009.
    assert tl.get("eligible-for-intervention").due == d("2009-06-25")
    assert tl.get("sos-power.s67").window.start == d("2010-01-12")  # type: ignore[union-attr]
    assert tl.get("sos-power.s68").window.start == d("2011-11-15")  # type: ignore[union-attr]


def test_the_statement_of_action_is_not_due_without_a_category() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2026-01-13",
            "end": "2026-01-14",
            "grades": {"achievement": "expected-standard"},
            "safeguarding": "met",
        },
        {"type": "final-report-received", "date": "2026-02-02"},
    )
    assert tl.find("statement-of-action.due") is None
    # 5 WD following Mon 2 Feb 2026 -> Mon 9 Feb 2026
    assert tl.get("parents-report-copy.due").due == d("2026-02-09")


def test_a_stuck_school_gets_rise_support() -> None:
    tl = timeline(
        {
            "type": "inspection",
            "start": "2021-11-09",
            "end": "2021-11-10",
            "grades": {"overall-effectiveness": "requires-improvement"},
        },
        {
            "type": "inspection",
            "start": "2024-03-05",
            "end": "2024-03-06",
            "grades": {"overall-effectiveness": "requires-improvement"},
        },
        provider=COMMUNITY,
    )
    item = tl.get("rise-support")
    assert item.due == d("2024-11-01")
    assert item.rule.nature.value == "national-policy"


def test_ex10_a_2022_notice_of_20_working_days_after_skips_the_state_funeral() -> None:
    # Tue 13 Sep 2022; Mon 19 Sep 2022 (State Funeral) excluded -> Wed 12 Oct 2022.
    tl = timeline(
        notice("2022-09-13", compliance_period="20 working days after the date of this notice")
    )
    item = tl.get("warning-notice.compliance-period-end")
    assert item.due == d("2022-10-12")
    assert "19 Sep" in item.explanation


def test_a_2020_teachers_pay_notice_gives_s60a_eligibility_and_only_ss64_to_66_for_the_la() -> None:
    tl = timeline(
        notice(
            "2020-01-06", ground="teachers-pay-and-conditions", compliance_period_end="2020-01-31"
        ),
        {"type": "reasonable-notice-given", "date": "2020-02-03"},
    )
    assert tl.get("warning-notice.compliance-period-end").rule.id == "EM-TPC-02"
    assert tl.get("eligible-for-intervention").value == "s.60A"
    assert tl.get("eligible-for-intervention").due == d("2020-02-03")
    assert tl.get("la-power.s64").window.end == d("2020-03-31")  # type: ignore[union-attr]
    assert tl.get("la-power.s66").window.end == d("2020-03-31")  # type: ignore[union-attr]
    assert tl.get("la-power.s65").window.end is None  # type: ignore[union-attr]
    for absent in ("la-power.s63", "sos-power.s66a", "sos-power.s68"):
        assert tl.find(absent) is None, absent
    copies = tl.get("warning-notice.copies").details["copies"]
    assert "Secretary of State" in copies and "Chief Inspector" not in copies


def test_the_secretary_of_state_cannot_give_a_teachers_pay_notice() -> None:
    tl = timeline(
        notice(
            "2020-01-06",
            ground="teachers-pay-and-conditions",
            given_by="secretary-of-state",
            compliance_period_end="2020-01-31",
        )
    )
    assert tl.find("warning-notice.compliance-period-end") is None
    assert any("only by the local authority" in w for w in tl.warnings)


def test_a_notice_saved_by_reg_4_is_not_flagged_but_one_expired_before_2016_is() -> None:
    # given Mon 1 Feb 2016: 15 WD following -> Mon 22 Feb 2016; two months -> Fri 22 Apr 2016.
    tl = timeline(notice("2016-02-01"))
    assert tl.get("warning-notice.compliance-period-end").due == d("2016-02-22")
    flag = tl.get("warning-notice.transitional")
    assert flag.value == "outside-reg-4"
    assert any("reg 4 does not save it" in w for w in tl.warnings)


def test_statuses_on_an_as_of_date() -> None:
    from improvement_kit.serialization import case_from_data
    from improvement_kit.timeline import build_timeline

    case = case_from_data(
        {
            "jurisdiction": "england-maintained",
            "provider": COMMUNITY,
            "events": [
                notice("2014-12-18"),
                {"type": "reasonable-notice-given", "date": "2015-01-20"},
            ],
        }
    )
    tl = build_timeline(case, as_of=d("2015-03-14"))
    assert tl.get("la-power.s63").status.value == "closed"  # type: ignore[union-attr]
    assert tl.get("la-power.s65").status.value == "open"  # type: ignore[union-attr]
