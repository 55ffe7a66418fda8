"""Ofsted 2020 and DfE 2025 on hand-made histories; expected results from the definitions'
words (seed 003 and the DfE as reported) and a count by hand."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from improvement_kit.history.definitions import (
    DfE2025Stuck,
    NoOverallGrade,
    Ofsted2020Stuck,
    Status,
    Window,
)

from .helpers import inspections

AUG_2019 = dt.date(2019, 8, 31)
OFSTED = Ofsted2020Stuck()
DFE = DfE2025Stuck()


def test_the_window_as_of_august_2019_is_1_september_2006_to_31_august_2019() -> None:
    assert Ofsted2020Stuck().window_for(AUG_2019) == Window(
        dt.date(2006, 9, 1), dt.date(2019, 8, 31)
    )


def test_as_of_a_date_in_june_the_window_ends_on_the_previous_31_august() -> None:
    assert Window.ending_as_of(dt.date(2019, 6, 30)) == Window(
        dt.date(2005, 9, 1), dt.date(2018, 8, 31)
    )


def test_exactly_4_full_inspections_all_below_good_is_stuck() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2007-05-10 full satisfactory",
            "2010-03-01 full satisfactory",
            "2013-01-15 full ri",
            "2015-06-10 full inadequate",
        ),
        AUG_2019,
    )
    assert decision.status is Status.STUCK
    assert decision.full_inspections == 4
    assert decision.first_met == dt.date(2015, 6, 10)
    assert decision.below_good_since == dt.date(2007, 5, 10)
    assert "satisfactory" in decision.explanation


def test_3_full_inspections_all_below_good_are_too_few() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2010-03-01 full satisfactory",
            "2013-01-15 full ri",
            "2015-06-10 full ri",
        ),
        AUG_2019,
    )
    assert decision.status is Status.TOO_FEW_INSPECTIONS
    assert decision.first_met is None


def test_a_satisfactory_grade_in_2010_counts_as_below_good() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2008-01-10 full inadequate",
            "2010-02-02 full satisfactory",
            "2014-03-03 full ri",
            "2017-04-04 full ri",
        ),
        AUG_2019,
    )
    assert decision.status is Status.STUCK


def test_a_short_inspection_does_not_count_as_full() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2008-01-10 full inadequate",
            "2010-02-02 full satisfactory",
            "2014-03-03 full ri",
            "2017-04-04 short none",
        ),
        AUG_2019,
    )
    assert decision.status is Status.TOO_FEW_INSPECTIONS
    assert decision.full_inspections == 3


def test_a_short_inspection_where_the_school_remains_good_breaks_the_run() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2008-01-10 full inadequate",
            "2010-02-02 full satisfactory",
            "2014-03-03 full ri",
            "2016-04-04 full ri",
            "2018-05-05 short good",
        ),
        AUG_2019,
    )
    assert decision.status is Status.NOT_STUCK


def test_monitoring_inspections_are_not_judgements() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2008-01-10 full inadequate",
            "2008-06-10 monitoring none",
            "2010-02-02 full satisfactory",
            "2014-03-03 full ri",
            "2016-04-04 full ri",
        ),
        AUG_2019,
    )
    assert decision.status is Status.STUCK
    assert len(decision.counted) == 4


def test_a_good_grade_in_2006_before_the_window_starts_does_not_count() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2006-06-20 full good",
            "2008-01-10 full satisfactory",
            "2010-02-02 full satisfactory",
            "2014-03-03 full ri",
            "2017-04-04 full ri",
        ),
        AUG_2019,
    )
    assert decision.status is Status.STUCK
    assert decision.below_good_since == dt.date(2008, 1, 10)


def test_a_good_grade_in_september_2006_inside_the_window_means_not_stuck() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2006-09-20 full good",
            "2008-01-10 full satisfactory",
            "2010-02-02 full satisfactory",
            "2014-03-03 full ri",
            "2017-04-04 full ri",
        ),
        AUG_2019,
    )
    assert decision.status is Status.NOT_STUCK
    assert "2006-09-20" in decision.explanation


def test_2_good_after_4_below_good_is_unstuck() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2007-03-01 full satisfactory",
            "2009-03-01 full inadequate",
            "2012-03-01 full satisfactory",
            "2014-03-01 full ri",
            "2016-03-01 full good",
            "2018-11-01 full good",
        ),
        AUG_2019,
    )
    assert decision.status is Status.UNSTUCK
    assert decision.first_met == dt.date(2018, 11, 1)


def test_good_ri_good_after_4_below_good_is_not_unstuck() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2007-03-01 full satisfactory",
            "2009-03-01 full inadequate",
            "2011-03-01 full satisfactory",
            "2013-03-01 full ri",
            "2015-03-01 full good",
            "2017-03-01 full ri",
            "2019-03-01 full good",
        ),
        AUG_2019,
    )
    assert decision.status is Status.NOT_STUCK


def test_one_good_after_4_below_good_is_neither_stuck_nor_unstuck() -> None:
    decision = OFSTED.classify(
        inspections(
            "100001",
            "2007-03-01 full satisfactory",
            "2009-03-01 full inadequate",
            "2012-03-01 full satisfactory",
            "2014-03-01 full ri",
            "2018-11-01 full good",
        ),
        AUG_2019,
    )
    assert decision.status is Status.NOT_STUCK


def test_a_school_opened_in_2015_has_too_few_inspections() -> None:
    decision = OFSTED.classify(
        inspections("100001", "2017-05-01 full ri", "2019-05-01 full ri"), AUG_2019
    )
    assert decision.status is Status.TOO_FEW_INSPECTIONS


def test_the_minimum_and_the_window_are_parameters() -> None:
    three = inspections(
        "100001", "2013-05-01 full ri", "2015-05-01 full ri", "2017-05-01 full inadequate"
    )
    assert attrs.evolve(OFSTED, minimum_full=3).classify(three, AUG_2019).status is Status.STUCK
    short_window = attrs.evolve(OFSTED, window=Window(dt.date(2016, 9, 1), AUG_2019))
    assert short_window.classify(three, AUG_2019).status is Status.TOO_FEW_INSPECTIONS


def test_inspections_without_an_overall_grade_are_ignored_or_make_it_undetermined() -> None:
    history = inspections(
        "100001",
        "2014-05-01 full ri",
        "2016-05-01 full ri",
        "2018-05-01 full inadequate",
        "2021-05-01 full ri",
        "2025-01-20 full none",  # EIF 2024: "Not judged"
    )
    as_of = dt.date(2025, 8, 31)
    assert OFSTED.classify(history, as_of).status is Status.STUCK
    undetermined = attrs.evolve(OFSTED, no_overall_grade=NoOverallGrade.UNDETERMINED)
    assert undetermined.classify(history, as_of).status is Status.UNDETERMINED


def test_dfe_ri_at_the_latest_and_inadequate_before_is_stuck() -> None:
    decision = DFE.classify(
        inspections("100001", "2019-05-01 full inadequate", "2023-02-01 full ri"),
        dt.date(2025, 7, 1),
    )
    assert decision.status is Status.STUCK
    assert decision.first_met == dt.date(2023, 2, 1)


def test_dfe_ri_at_the_latest_and_good_before_is_not_stuck() -> None:
    decision = DFE.classify(
        inspections("100001", "2019-05-01 full good", "2023-02-01 full ri"), dt.date(2025, 7, 1)
    )
    assert decision.status is Status.NOT_STUCK


def test_dfe_inadequate_at_the_latest_is_not_stuck() -> None:
    decision = DFE.classify(
        inspections("100001", "2019-05-01 full ri", "2023-02-01 full inadequate"),
        dt.date(2025, 7, 1),
    )
    assert decision.status is Status.NOT_STUCK


def test_dfe_one_ri_alone_is_too_few() -> None:
    decision = DFE.classify(inspections("100001", "2023-02-01 full ri"), dt.date(2025, 7, 1))
    assert decision.status is Status.TOO_FEW_INSPECTIONS


def test_dfe_satisfactory_in_2011_then_ri_in_2014_is_stuck_as_of_2015() -> None:
    decision = DFE.classify(
        inspections("100001", "2011-05-01 full satisfactory", "2014-02-01 full ri"),
        dt.date(2015, 1, 1),
    )
    assert decision.status is Status.STUCK


def test_dfe_a_not_judged_inspection_is_ignored_or_undetermined() -> None:
    history = inspections(
        "100001", "2019-05-01 full ri", "2022-02-01 full ri", "2024-11-05 full none"
    )
    assert DFE.classify(history, dt.date(2025, 7, 1)).status is Status.STUCK
    undetermined = attrs.evolve(DFE, no_overall_grade=NoOverallGrade.UNDETERMINED)
    assert undetermined.classify(history, dt.date(2025, 7, 1)).status is Status.UNDETERMINED


def test_dfe_looks_only_at_inspections_up_to_the_date_asked() -> None:
    history = inspections(
        "100001", "2019-05-01 full ri", "2022-02-01 full ri", "2024-05-01 full good"
    )
    assert DFE.classify(history, dt.date(2023, 1, 1)).status is Status.STUCK
    assert DFE.classify(history, dt.date(2024, 6, 1)).status is Status.NOT_STUCK


@pytest.mark.parametrize("definition", [OFSTED, DFE])
def test_every_definition_cites_a_source_and_a_grade(definition: object) -> None:
    assert definition.source.citation  # type: ignore[attr-defined]
    assert definition.grade.value in {"primary", "secondary"}  # type: ignore[attr-defined]
