"""The shared England base: its rows are listed by both England school jurisdictions, renamed
rows keep their old ids as documented aliases, and both decide categories the same way."""

from __future__ import annotations

import datetime as dt

import pytest

import improvement_kit_england_academies
import improvement_kit_england_maintained
from improvement_kit.model import Category, Grade, Inspection, Timeline, Window
from improvement_kit.plugins import Plugins
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from improvement_kit_england_academies.category import decide_category as academies_decide
from improvement_kit_england_base import RULE_TABLES, rule_ids
from improvement_kit_england_base.category import decide_category
from improvement_kit_england_maintained.category import decide_category as maintained_decide

#: Old id -> the base rows it became (CHANGELOG, "Shared England base").
RENAMED = {
    "AC-CAT-OE": ("EM-CAT-2005", "EM-CAT-2012", "EM-CAT-2015", "EM-CAT-2019"),
    "AC-CAT-RC": ("EM-CAT-RC", "EM-CAT-RC-ALLOC"),
}


@pytest.fixture(scope="module")
def installed() -> Plugins:
    return Plugins.load(strict=True)


def test_the_base_is_a_library_not_a_jurisdiction(installed: Plugins) -> None:
    assert "england-base" not in {j.id for j in installed.jurisdictions()}
    assert RULE_TABLES and all(t.name.endswith(".toml") for t in RULE_TABLES)


@pytest.mark.parametrize("jurisdiction", ["england-maintained", "england-academies"])
def test_both_school_jurisdictions_list_the_base_tables(
    installed: Plugins, jurisdiction: str
) -> None:
    assert set(RULE_TABLES) <= set(installed.jurisdiction(jurisdiction).rule_tables)
    assert rule_ids() <= {rule.id for rule in installed.rule_book(jurisdiction)}


@pytest.mark.parametrize("jurisdiction", ["england-fe", "wales-schools"])
def test_no_other_jurisdiction_uses_englands_school_law(
    installed: Plugins, jurisdiction: str
) -> None:
    assert not rule_ids() & {rule.id for rule in installed.rule_book(jurisdiction)}


@pytest.mark.parametrize(("old", "new"), RENAMED.items())
def test_a_renamed_row_documents_its_old_id(installed: Plugins, old: str, new: tuple[str]) -> None:
    book = installed.rule_book("england-academies")
    assert old not in book
    for rule_id in new:
        assert f"Formerly {old} " in book.get(rule_id).notes, rule_id


def test_the_changelog_lists_each_rename() -> None:
    from pathlib import Path

    changelog = (Path(__file__).parents[2] / "CHANGELOG.md").read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        assert old in changelog and all(rule_id in changelog for rule_id in new)


def test_the_public_names_stay_importable() -> None:
    assert improvement_kit_england_academies.JURISDICTION.id == "england-academies"
    assert improvement_kit_england_maintained.JURISDICTION.id == "england-maintained"


# Inspections of Tue 3 - Wed 4 Mar 2026 (report cards, from 10 Nov 2025) and Tue 5 - Wed 6 Mar
# 2019 (common inspection framework 2015, whose first day is 1 Sep 2015 and last 31 Aug 2019).
RC = dt.date(2026, 3, 3)
CIF = dt.date(2019, 3, 5)


@pytest.mark.parametrize(
    ("inspection", "category", "rule_id"),
    [
        pytest.param(
            Inspection(
                date=RC + dt.timedelta(days=1),
                start=RC,
                grades={
                    "inclusion": Grade.URGENT_IMPROVEMENT,
                    "leadership-and-governance": Grade.URGENT_IMPROVEMENT,
                },
            ),
            Category.SPECIAL_MEASURES,
            "EM-CAT-RC-ALLOC",
            id="report card: leadership and another area urgent improvement -> special measures",
        ),
        pytest.param(
            Inspection(
                date=CIF + dt.timedelta(days=1),
                start=CIF,
                grades={"overall-effectiveness": Grade.INADEQUATE},
                leadership_capacity=True,
            ),
            Category.SIGNIFICANT_IMPROVEMENT,
            "EM-CAT-2015",
            id="2019, inadequate with capacity to improve -> significant improvement (s.44(2))",
        ),
    ],
)
def test_maintained_schools_and_academies_get_the_same_decision(
    inspection: Inspection, category: Category, rule_id: str
) -> None:
    decisions = [f(inspection) for f in (decide_category, maintained_decide, academies_decide)]
    assert all(d == decisions[0] for d in decisions)
    assert decisions[0] is not None
    assert (decisions[0].category, decisions[0].rule_id) == (category, rule_id)


# --- Inspection-report periods: one table, one row per kind of school ------------------------

D = dt.date.fromisoformat


def _timeline(installed: Plugins, jurisdiction: str, provider_type: str) -> Timeline:
    data = {
        "jurisdiction": jurisdiction,
        "provider": {"urn": "149002", "name": "Example School", "type": provider_type},
        "events": [
            {
                "type": "ofsted-category-notice",
                "date": "2026-03-02",
                "category": "special-measures",
            },
            {"type": "draft-report-received", "date": "2026-03-04"},
            {"type": "final-report-received", "date": "2026-03-11"},
        ],
    }
    return build_timeline(case_from_data(data), plugins=installed)


@pytest.mark.parametrize(
    ("jurisdiction", "provider_type", "rows"),
    [
        pytest.param(
            "england-maintained",
            "community",
            {
                "draft-report-comments.due": "EM-INSP-01",
                "parents-report-copy.due": "EM-INSP-08-2015",
                "statement-of-action.due": "EM-INSP-05",
            },
            id="a community school: governing body's comments, LA's statement (s.15)",
        ),
        pytest.param(
            "england-academies",
            "free-school",
            {
                "draft-report.comments-due": "AC-INSP-05",
                "report.parents-copies": "AC-INSP-06b",
                "statement-of-action.due": "AC-INSP-07",
            },
            id="a free school: the proprietor's comments and statement (s.17)",
        ),
    ],
)
def test_each_kind_of_school_gets_its_own_row_of_the_shared_periods(
    installed: Plugins, jurisdiction: str, provider_type: str, rows: dict[str, str]
) -> None:
    t = _timeline(installed, jurisdiction, provider_type)
    by_id = {item.id: item for item in t.items}
    assert {i: by_id[i].rule.id for i in rows} == rows
    # SI 2005/2038 regs 5-7, no school holidays in the case, March 2026 has no bank holiday.
    # Draft received Wed 4 Mar: 5 working days following are 5, 6, 9, 10, 11 -> Wed 11 Mar.
    draft = next(i for i in rows if i.startswith("draft"))
    assert by_id[draft].due == D("2026-03-11")
    # Report received Wed 11 Mar: 12, 13, 16, 17, 18 -> Wed 18 Mar (parents' copies);
    # 19, 20, 23, 24, 25 -> Wed 25 Mar (statement of action).
    parents = next(i for i in rows if "parents" in i)
    assert by_id[parents].due == D("2026-03-18")
    assert by_id["statement-of-action.due"].due == D("2026-03-25")
    # The other kind of school's rows are in the same rule book but do not apply.
    assert not {i for i in by_id if "report" in i} - set(rows)


# --- Ofsted follow-up: the same timetables for academies ---------------------------------------


def _academy(installed: Plugins, *events: dict[str, object]) -> Timeline:
    data = {
        "jurisdiction": "england-academies",
        "provider": {"urn": "149003", "name": "Example Academy", "type": "academy"},
        "events": list(events),
    }
    return build_timeline(case_from_data(data), plugins=installed)


def test_an_academy_in_special_measures_in_2013_expects_a_monitoring_inspection(
    installed: Plugins,
) -> None:
    t = _academy(
        installed,
        {
            "type": "inspection",
            "start": "2012-12-04",
            "end": "2012-12-05",
            "grades": {"overall-effectiveness": "inadequate"},
            "leadership_capacity": False,
        },
        {"type": "report-published", "date": "2013-01-14"},
    )
    item = t.get("monitoring-inspection.first")
    # Four to six weeks after publication on Mon 14 Jan 2013: 14 Jan + 28 days = Mon 11 Feb,
    # + 42 days = Mon 25 Feb 2013.
    assert item.window == Window(D("2013-02-11"), D("2013-02-25"))
    assert item.rule.id == "OF-2012-SM-MON1" and item.rule.plugin == "england-academies"
    assert t.get("category").rule.id == "EM-CAT-2012"


def test_an_academy_that_requires_improvement_in_2019_is_reinspected_within_30_months(
    installed: Plugins,
) -> None:
    t = _academy(
        installed,
        {
            "type": "inspection",
            "start": "2019-12-03",
            "end": "2019-12-04",
            "grades": {"overall-effectiveness": "requires-improvement"},
        },
        {"type": "report-published", "date": "2020-01-17"},
    )
    # 30 calendar months after Fri 17 Jan 2020: Sun 17 Jul 2022.
    item = t.get("reinspection")
    assert item.due == D("2022-07-17") and item.rule.id == "OF-2019-RI-REINSP"
