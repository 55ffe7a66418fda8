"""The shared England base: its rows are listed by both England school jurisdictions, renamed
rows keep their old ids as documented aliases, and both decide categories the same way."""

from __future__ import annotations

import datetime as dt

import pytest

import improvement_kit_england_academies
import improvement_kit_england_maintained
from improvement_kit.model import Category, Grade, Inspection
from improvement_kit.plugins import Plugins
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
