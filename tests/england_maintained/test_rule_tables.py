"""The rule tables themselves: every row sourced, graded and dated; primary rows quote."""

from __future__ import annotations

import pytest

from improvement_kit.plugins import default_plugins
from improvement_kit.rules import Rule

RULES = list(default_plugins().rule_book("england-maintained"))


def test_the_rule_book_loads() -> None:
    assert len(RULES) >= 70


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_row_has_a_source_url_and_a_title(rule: Rule) -> None:
    assert rule.source.url.startswith("https://")
    assert rule.title


@pytest.mark.parametrize("rule", [r for r in RULES if r.nature.value == "law"], ids=lambda r: r.id)
def test_statute_rows_cite_legislation_gov_uk(rule: Rule) -> None:
    assert "legislation.gov.uk" in rule.source.url


@pytest.mark.parametrize(
    "rule",
    [r for r in RULES if r.grade.value == "primary" and r.nature.value == "law" and r.deadline],
    ids=lambda r: r.id,
)
def test_primary_deadline_rows_quote_the_statute(rule: Rule) -> None:
    assert rule.wording


def test_rows_without_primary_sources_are_graded_below_primary() -> None:
    grades = {r.id: r.grade.value for r in RULES}
    assert grades["EM-CAT-RC-ALLOC"] == "secondary"
    assert grades["EM-CAT-2024-LM"] == "unverified"
    assert grades["OF-2019-RI-REINSP"] == "secondary"
    assert grades["EM-LA-65"] == "primary"
    assert grades["EM-WN-15"] == "primary"


def test_policy_rows_are_marked_policy() -> None:
    for rule in RULES:
        if rule.id.startswith(("OF-", "EM-RISE", "EM-MON")):
            assert rule.nature.value == "national-policy", rule.id
