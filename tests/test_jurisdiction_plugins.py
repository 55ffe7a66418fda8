"""Every built-in jurisdiction is registered through its entry point, its rule tables load,
every row cites its source, and `improvement-kit timeline` works on each example case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from improvement_kit.cli import main
from improvement_kit.model import Nature, VerificationGrade
from improvement_kit.plugins import Plugins
from improvement_kit_england_base import rule_ids as england_base_rule_ids

EXAMPLES_DIR = Path(__file__).parents[1] / "examples"
#: jurisdiction id -> folder of its example case files
JURISDICTIONS = {
    "england-maintained": "england",
    "england-academies": "academies",
    "england-fe": "fe",
    "wales-schools": "wales",
}
#: Rows graded primary whose verbatim words are not in the reference material we hold: the
#: grade records that the provision was read (rules-england-verified.md, Q3/Q7 and the 2022
#: regulations), but the text was summarised there, not quoted.
PRIMARY_WITHOUT_QUOTE = {"EM-LA-66", "EM-COAST-01", "EM-COAST-02"}

#: The jurisdictions that list the shared England base's tables.
SHARING_THE_ENGLAND_BASE = {"england-maintained", "england-academies"}

EXAMPLES = [
    (jurisdiction, path)
    for jurisdiction, folder in JURISDICTIONS.items()
    for path in sorted((EXAMPLES_DIR / folder).glob("*.yaml"))
]


@pytest.fixture(scope="module")
def installed() -> Plugins:
    return Plugins.load(strict=True)


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_the_jurisdiction_is_declared_by_its_entry_point(
    installed: Plugins, jurisdiction: str
) -> None:
    assert jurisdiction in {j.id for j in installed.jurisdictions()}
    assert installed.jurisdiction(jurisdiction).region == "england-and-wales"


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_rule_cites_its_source(installed: Plugins, jurisdiction: str) -> None:
    book = installed.rule_book(jurisdiction)
    assert len(book) >= 15
    for rule in book:
        assert rule.source.citation and rule.source.url.startswith("http"), rule.id
        if rule.grade is VerificationGrade.PRIMARY and rule.id not in PRIMARY_WITHOUT_QUOTE:
            assert rule.wording, f"{rule.id} is graded primary but quotes no wording"
        assert rule.item == rule.item.lower() and " " not in rule.item, rule.id


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_no_other_jurisdiction_gets_these_rules(installed: Plugins, jurisdiction: str) -> None:
    """Only the shared England base's rows are in two rule books, and only in England's two
    school jurisdictions."""
    base = england_base_rule_ids()
    ids = {rule.id for rule in installed.rule_book(jurisdiction)}
    for other in installed.jurisdictions():
        if other.id != jurisdiction:
            shared = ids & {rule.id for rule in installed.rule_book(other.id)}
            if {jurisdiction, other.id} == SHARING_THE_ENGLAND_BASE:
                assert shared == base
            else:
                assert not shared


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_statutory_rules_cite_legislation(installed: Plugins, jurisdiction: str) -> None:
    book = installed.rule_book(jurisdiction)
    assert Nature.NATIONAL_POLICY in {rule.nature for rule in book}
    for rule in book:
        if rule.nature is Nature.LAW and rule.grade is VerificationGrade.PRIMARY:
            assert "legislation.gov.uk" in rule.source.url, rule.id


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_there_are_example_cases(jurisdiction: str) -> None:
    assert len([e for j, e in EXAMPLES if j == jurisdiction]) >= 2


@pytest.mark.parametrize(("jurisdiction", "example"), EXAMPLES, ids=[p.name for _, p in EXAMPLES])
def test_the_timeline_command_works_on_the_example(
    jurisdiction: str, example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(example)]) == 0
    assert main(["timeline", str(example)]) == 0
    assert jurisdiction in capsys.readouterr().out
    assert main(["timeline", "--json", "--as-of", "2026-06-30", str(example)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["jurisdiction"] == jurisdiction
    assert data["items"], "the example produces no items"
    assert all(item["status"] for item in data["items"])
