"""The DfE's equivalent of an overall grade for inspections without one: 2024/25 inspections
(quality of education or leadership and management requires improvement) and report cards
(leadership and governance needs attention). Expected results from the DfE's words (Schools
eligible for RISE intervention, 2025) and a count by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from improvement_kit.errors import DataFileError
from improvement_kit.history.definitions import (
    DfE2025Stuck,
    NoOverallGrade,
    Ofsted2020Stuck,
    Status,
    dfe_equivalent,
)
from improvement_kit.history.ofsted_mi import read_mi_csv
from improvement_kit.history.records import HistoryInspection, InspectionKind, framework_id_on
from improvement_kit.model.grades import Grade

from .helpers import inspection

DFE = DfE2025Stuck()
SEP_2025 = dt.date(2025, 9, 30)
JAN_2026 = dt.date(2026, 1, 31)
RI, GOOD = Grade.REQUIRES_IMPROVEMENT, Grade.GOOD


def no_overall(day: str, **key: Grade) -> HistoryInspection:
    """A full inspection without an overall grade, with key grades by judgement."""
    date = dt.date.fromisoformat(day)
    return HistoryInspection(
        "100001",
        date,
        InspectionKind.FULL,
        None,
        framework_id_on(date),
        False,
        key_grades=tuple((name.replace("_", "-"), grade) for name, grade in key.items()),
    )


def test_ri_in_quality_of_education_in_2024_25_after_ri_is_stuck() -> None:
    # latest: 5 Nov 2024, QoE RI, L&M good -> RI equivalent; previous: 1 Feb 2022 RI -> stuck
    history = [
        inspection("100001", "2022-02-01 full ri"),
        no_overall("2024-11-05", quality_of_education=RI, leadership_and_management=GOOD),
    ]
    decision = DFE.classify(history, SEP_2025)
    assert decision.status is Status.STUCK
    assert decision.first_met == dt.date(2024, 11, 5)
    assert "requires-improvement equivalent (quality-of-education requires-improvement" in (
        decision.explanation
    )


def test_ri_in_leadership_alone_is_equivalent_too() -> None:
    history = [
        inspection("100001", "2021-06-01 full inadequate"),
        no_overall("2025-03-11", quality_of_education=GOOD, leadership_and_management=RI),
    ]
    assert DFE.classify(history, SEP_2025).status is Status.STUCK


def test_good_in_both_key_judgements_ends_a_stuck_run() -> None:
    # stuck on 2019 RI, 2022 RI; then 2025 QoE good and L&M good: the latest is not RI
    history = [
        inspection("100001", "2019-05-01 full ri"),
        inspection("100001", "2022-02-01 full ri"),
        no_overall("2025-01-20", quality_of_education=GOOD, leadership_and_management=GOOD),
    ]
    assert DFE.classify(history, SEP_2025).status is Status.NOT_STUCK
    # ignoring the 2025 inspection, the two latest graded ones are RI, RI: stuck
    ignore = attrs.evolve(DFE, no_overall_grade=NoOverallGrade.IGNORE)
    assert ignore.classify(history, SEP_2025).status is Status.STUCK


def test_ri_equivalent_after_good_is_not_stuck() -> None:
    history = [
        inspection("100001", "2021-10-01 full good"),
        no_overall("2025-02-04", quality_of_education=RI, leadership_and_management=RI),
    ]
    assert DFE.classify(history, SEP_2025).status is Status.NOT_STUCK


def test_an_inspection_without_key_grades_is_left_out() -> None:
    history = [
        inspection("100001", "2019-05-01 full ri"),
        inspection("100001", "2022-02-01 full ri"),
        no_overall("2025-01-20"),
    ]
    decision = DFE.classify(history, SEP_2025)
    assert decision.status is Status.STUCK
    assert [i.date.year for i in decision.counted] == [2019, 2022]


def test_a_report_card_with_leadership_needing_attention_after_ri_is_stuck() -> None:
    # 10 Nov 2025 onwards: report cards; needs attention in leadership and governance
    history = [
        inspection("100001", "2023-03-01 full ri"),
        no_overall("2025-12-02", leadership_and_governance=Grade.NEEDS_ATTENTION),
    ]
    decision = DFE.classify(history, JAN_2026)
    assert decision.status is Status.STUCK
    assert decision.first_met == dt.date(2025, 12, 2)


def test_a_report_card_at_expected_standard_is_not_stuck() -> None:
    history = [
        inspection("100001", "2023-03-01 full ri"),
        no_overall("2025-12-02", leadership_and_governance=Grade.EXPECTED_STANDARD),
    ]
    assert DFE.classify(history, JAN_2026).status is Status.NOT_STUCK


def test_an_overall_grade_has_no_equivalent() -> None:
    assert dfe_equivalent(inspection("100001", "2022-02-01 full ri")) == (None, "")


def test_ofsted_2020_has_no_equivalent() -> None:
    with pytest.raises(ValueError, match="ofsted-2020 has no equivalent"):
        Ofsted2020Stuck(no_overall_grade=NoOverallGrade.EQUIVALENT)


def test_key_judgements_are_read_from_an_mi_file(tmp_path: Path) -> None:
    path = tmp_path / "mi.csv"
    path.write_text(
        "URN,Inspection type,Inspection start date,Overall effectiveness,Quality of education,"
        "Effectiveness of leadership and management,Leadership and governance\n"
        "140001,Section 5,10/05/2022,3,3,3,NULL\n"
        "140001,Section 5,04/11/2024,Not judged,3,2,NULL\n"
        "140001,Report card inspection,02/12/2025,NULL,NULL,NULL,Needs attention\n",
        encoding="utf-8",
    )
    first, second, third = read_mi_csv(path).inspections
    assert first.key_grade("quality-of-education") is RI
    assert second.key_grades == (
        ("quality-of-education", RI),
        ("leadership-and-management", GOOD),
    )
    assert third.key_grade("leadership-and-governance") is Grade.NEEDS_ATTENTION
    assert DFE.classify([first, second], SEP_2025).status is Status.STUCK


def test_an_unknown_report_card_grade_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "mi.csv"
    path.write_text(
        "URN,Inspection type,Inspection start date,Overall effectiveness,Leadership and governance\n"
        "140001,Report card inspection,02/12/2025,NULL,Requires improvement\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        read_mi_csv(path)
    assert (
        "row 2, column 'Leadership and governance': 'Requires improvement' is not a report-card grade"
        in str(caught.value)
    )
