"""Stuck schools on a case's timeline, through the normal machinery: a jurisdiction that lists
the HIST-* rule table and returns ``stuck_items`` from its timeline hook (here a test plugin
wrapping england-maintained, as the built-in plugins would). Expected dates from the
definitions' words and a count by hand, written beside each case."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

import improvement_kit_england_maintained as maintained
from improvement_kit.context import TimelineContext
from improvement_kit.history.stuck_timeline import (
    STUCK_RULE_IDS,
    STUCK_RULE_TABLES,
    stuck_items,
)
from improvement_kit.hookspecs import hookimpl
from improvement_kit.kit import Kit
from improvement_kit.model import TimelineItem
from improvement_kit.serialization import load_case
from improvement_kit.timeline import build_timeline


class MaintainedWithStuck:
    """england-maintained with the stuck rows listed and the stuck items returned."""

    jurisdiction = attrs.evolve(
        maintained.JURISDICTION,
        rule_tables=(*maintained.JURISDICTION.rule_tables, *STUCK_RULE_TABLES),
        code_rules=(*maintained.JURISDICTION.code_rules, *STUCK_RULE_IDS),
    )

    @hookimpl
    def improvement_kit_register(self, register: Any) -> None:
        register(self.jurisdiction)

    @hookimpl
    def improvement_kit_decide_category(self, inspection: Any, provider: Any) -> Any:
        return maintained.improvement_kit_decide_category(inspection, provider)

    @hookimpl
    def improvement_kit_timeline_items(self, context: TimelineContext) -> Sequence[TimelineItem]:
        return [*maintained.improvement_kit_timeline_items(context), *stuck_items(context)]


@pytest.fixture(scope="module")
def kit() -> Kit:
    return Kit.from_plugins(MaintainedWithStuck())


def case(tmp_path: Path, inspections: str) -> Any:
    path = tmp_path / "case.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            jurisdiction: england-maintained
            reference: STUCK-1
            provider: {urn: "999301", name: Fictional Lane Primary School, type: community}
            events:
            """
        )
        + textwrap.indent(textwrap.dedent(inspections), "  "),
        encoding="utf-8",
    )
    return load_case(path)


def items(timeline: Any, item_id: str) -> list[TimelineItem]:
    return [i for i in timeline.items if i.id == item_id]


def test_stuck_then_unstuck_under_ofsted_2020_and_stuck_under_dfe_2025(
    tmp_path: Path, kit: Kit
) -> None:
    c = case(
        tmp_path,
        """\
        - {type: inspection, start: 2007-05-10, grades: {overall-effectiveness: satisfactory}}
        - {type: inspection, start: 2009-03-01, grades: {overall-effectiveness: satisfactory}}
        - {type: inspection, start: 2011-03-01, grades: {overall-effectiveness: satisfactory}}
        - {type: inspection, start: 2013-01-15, grades: {overall-effectiveness: requires-improvement}}
        - {type: inspection, start: 2016-02-01, grades: {overall-effectiveness: requires-improvement}}
        - {type: inspection, start: 2019-03-01, grades: {overall-effectiveness: good}}
        - {type: inspection, start: 2021-05-01, grades: {overall-effectiveness: good}}
        """,
    )
    timeline = build_timeline(c, as_of=dt.date(2021, 12, 1), kit=kit)
    # Ofsted 2020, as of each 31 August, 13 academic years:
    #  31 Aug 2012: 3 full (2007, 2009, 2011) -> too few;
    #  31 Aug 2013: 2007-2013, 4 full below good -> stuck (first census met) ... 31 Aug 2018;
    #  31 Aug 2019 (window from 1 Sep 2006): good on 1 Mar 2019 -> not stuck, so the spell
    #  ends 30 Aug 2019; 31 Aug 2020 (from 1 Sep 2007: 2007 out): 4 below good, 1 good -> no;
    #  31 Aug 2021 (from 1 Sep 2008): 2009, 2011, 2013, 2016 below good, then 2019 and 2021
    #  good -> unstuck, still so at the as-of date.
    (stuck,) = items(timeline, "stuck-school.ofsted-2020")
    assert (stuck.window.start, stuck.window.end) == (dt.date(2013, 8, 31), dt.date(2019, 8, 30))
    assert stuck.rule.id == "HIST-STUCK-OF20"
    assert stuck.rule.grade.value == "primary" and stuck.rule.nature.value == "national-policy"
    assert "Fight or flight" in stuck.explanation
    (unstuck,) = items(timeline, "unstuck-school.ofsted-2020")
    assert (unstuck.window.start, unstuck.window.end) == (dt.date(2021, 8, 31), None)
    # DfE 2025: RI on 15 Jan 2013 after satisfactory (2011) -> stuck; RI again 2016; good on
    # 1 Mar 2019 ends it: 15 Jan 2013 - 28 Feb 2019. Ended before RISE began: no RISE item.
    (dfe,) = items(timeline, "stuck-school.dfe-2025")
    assert (dfe.window.start, dfe.window.end) == (dt.date(2013, 1, 15), dt.date(2019, 2, 28))
    assert not items(timeline, "rise-targeted-intervention")


def test_a_school_stuck_by_a_2024_25_equivalent_is_eligible_for_rise_from_3_february_2025(
    tmp_path: Path, kit: Kit
) -> None:
    c = case(
        tmp_path,
        """\
        - {type: inspection, start: 2019-05-01, grades: {overall-effectiveness: requires-improvement}}
        - {type: inspection, start: 2022-02-01, grades: {overall-effectiveness: requires-improvement}}
        - type: inspection
          start: 2024-11-05
          grades: {quality-of-education: requires-improvement, leadership-and-management: good}
        """,
    )
    timeline = build_timeline(c, as_of=dt.date(2025, 6, 1), kit=kit)
    # DfE 2025: 1 May 2019 alone -> too few; 1 Feb 2022 RI after RI -> stuck; 5 Nov 2024 QoE
    # RI (equivalent RI) after RI -> still stuck: one spell from 1 Feb 2022, open.
    (dfe,) = items(timeline, "stuck-school.dfe-2025")
    assert (dfe.window.start, dfe.window.end) == (dt.date(2022, 2, 1), None)
    # RISE: from the later of 1 Feb 2022 and 3 Feb 2025.
    (rise,) = items(timeline, "rise-targeted-intervention")
    assert (rise.window.start, rise.window.end) == (dt.date(2025, 2, 3), None)
    assert rise.rule.grade.value == "secondary"
    assert "not checked" in rise.explanation
    # Ofsted 2020: never 4 full inspections -> no item.
    assert not items(timeline, "stuck-school.ofsted-2020")


def test_without_the_stuck_rows_the_built_in_timeline_is_unchanged(tmp_path: Path) -> None:
    c = case(
        tmp_path,
        """\
        - {type: inspection, start: 2019-05-01, grades: {overall-effectiveness: requires-improvement}}
        - {type: inspection, start: 2022-02-01, grades: {overall-effectiveness: requires-improvement}}
        """,
    )
    plain = build_timeline(c, as_of=dt.date(2025, 6, 1), kit=Kit.from_plugins(maintained))
    assert not [i for i in plain.items if i.rule.id.startswith("HIST-")]
