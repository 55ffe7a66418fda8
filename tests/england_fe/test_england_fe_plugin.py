"""The england-fe plugin is registered through its entry point, its rule tables load and every row
cites its source; `improvement-kit timeline` works on each example case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from improvement_kit.cli import main
from improvement_kit.model import Nature, VerificationGrade
from improvement_kit.plugins import Plugins

JURISDICTION = "england-fe"
EXAMPLES = sorted((Path(__file__).parents[2] / "examples" / "fe").glob("*.yaml"))


@pytest.fixture(scope="module")
def installed() -> Plugins:
    return Plugins.load()


def test_the_jurisdiction_is_declared_by_its_entry_point(installed: Plugins) -> None:
    assert JURISDICTION in {j.id for j in installed.jurisdictions()}
    assert installed.jurisdiction(JURISDICTION).region == "england-and-wales"


def test_the_rule_tables_load_through_plugins_load(installed: Plugins) -> None:
    book = installed.rule_book(JURISDICTION)
    assert len(book) >= 15
    for rule in book:
        assert rule.source.citation and rule.source.url.startswith("http"), rule.id
        assert rule.notes, f"{rule.id} has no notes"
        if rule.grade is VerificationGrade.PRIMARY:
            assert rule.wording, f"{rule.id} is graded primary but quotes no wording"
        assert rule.item == rule.item.lower() and " " not in rule.item, rule.id


def test_no_other_jurisdiction_gets_these_rules(installed: Plugins) -> None:
    ids = {rule.id for rule in installed.rule_book(JURISDICTION)}
    for other in installed.jurisdictions():
        if other.id != JURISDICTION:
            assert not ids & {rule.id for rule in installed.rule_book(other.id)}


def test_policy_rows_are_marked_as_policy(installed: Plugins) -> None:
    natures = {rule.nature for rule in installed.rule_book(JURISDICTION)}
    assert Nature.POLICY in natures


def test_there_are_example_cases() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_the_timeline_command_works_on_the_example(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(example)]) == 0
    assert main(["timeline", str(example)]) == 0
    text = capsys.readouterr().out
    assert JURISDICTION in text
    assert main(["timeline", "--json", "--as-of", "2026-06-30", str(example)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"], "the example produces no items"
