"""Rule tables: bad data is rejected with the file, the row and the field named."""

from __future__ import annotations

import datetime as dt

import pytest

from improvement_kit.errors import NoRuleInForceError, RuleDataError
from improvement_kit.model import ItemKind, VerificationGrade
from improvement_kit.rules import (
    MonthsFollowing,
    RuleBook,
    WindowOf,
    WorkingDaysFollowing,
    load_rule_text,
    parse_period_expression,
)

ROW = """
[[rules]]
id = "{id}"
item = "{item}"
title = "A rule"
kind = "obligation"
nature = "law"
in_force_from = {start}
{extra}
grade = "primary"
source = {{ citation = "Test Act s.1", url = "https://example.org" }}
"""


def row(id: str = "R-1", item: str = "x", start: str = "2007-04-01", extra: str = "") -> str:
    return ROW.format(id=id, item=item, start=start, extra=extra)


def test_a_valid_row_loads() -> None:
    (rule,) = load_rule_text(
        row(extra="in_force_to = 2016-04-17\ndeadline = { working_days_following = 15 }"),
        "t.toml",
    )
    assert rule.kind is ItemKind.OBLIGATION
    assert rule.grade is VerificationGrade.PRIMARY
    assert rule.deadline == WorkingDaysFollowing(15)
    assert rule.in_force.end == dt.date(2016, 4, 17)


def test_an_unknown_key_names_file_row_and_field() -> None:
    with pytest.raises(RuleDataError) as info:
        load_rule_text(row(extra="dedline = { working_days_following = 15 }"), "wn.toml")
    assert str(info.value).startswith("wn.toml, row 1 (R-1), field 'dedline': unknown key")


def test_unknown_deadline_vocabulary_is_rejected() -> None:
    with pytest.raises(
        RuleDataError, match=r"field 'deadline': .*unknown deadline expression 'weeks'"
    ):
        load_rule_text(row(extra="deadline = { weeks = 2 }"), "t.toml")


def test_a_non_integer_count_is_rejected() -> None:
    with pytest.raises(RuleDataError, match="expected a whole number"):
        load_rule_text(row(extra='deadline = { working_days_following = "15" }'), "t.toml")


def test_a_missing_required_field_is_named() -> None:
    text = row().replace('grade = "primary"\n', "")
    with pytest.raises(
        RuleDataError, match=r"row 1 \(R-1\), field 'grade': required field missing"
    ):
        load_rule_text(text, "t.toml")


def test_a_bad_grade_lists_the_grades() -> None:
    with pytest.raises(RuleDataError, match="'V1' is not one of 'primary', 'partial'"):
        load_rule_text(row().replace('"primary"', '"V1"'), "t.toml")


def test_duplicate_ids_are_rejected() -> None:
    rules = load_rule_text(row("R-1", "a") + row("R-1", "b"), "t.toml")
    with pytest.raises(RuleDataError, match="R-1, field 'id': duplicate id"):
        RuleBook("j", rules)


def test_overlapping_versions_of_the_same_rule_are_rejected() -> None:
    rules = load_rule_text(
        row("OLD", "x", "2007-04-01", "in_force_to = 2016-04-18") + row("NEW", "x", "2016-04-18"),
        "t.toml",
    )
    with pytest.raises(
        RuleDataError,
        match="NEW, field 'in_force_from': in force from 18 Apr 2016 overlaps rule OLD",
    ):
        RuleBook("j", rules)


def test_adjacent_versions_are_accepted_and_looked_up_by_date() -> None:
    book = RuleBook(
        "j",
        load_rule_text(
            row("OLD", "x", "2007-04-01", "in_force_to = 2016-04-17")
            + row("NEW", "x", "2016-04-18"),
            "t.toml",
        ),
    )
    assert book.for_item("x", dt.date(2016, 4, 17)).id == "OLD"  # type: ignore[union-attr]
    assert book.for_item("x", dt.date(2016, 4, 18)).id == "NEW"  # type: ignore[union-attr]
    assert book.for_item("x", dt.date(2007, 3, 31)) is None
    with pytest.raises(
        NoRuleInForceError, match="in force 1 Apr 2007 - 17 Apr 2016, not on 2016-04-18"
    ):
        book.in_force("OLD", dt.date(2016, 4, 18))


def test_in_force_to_before_from_is_rejected() -> None:
    with pytest.raises(
        RuleDataError, match=r"in_force_to.: 2000-01-01 is before in_force_from 2007-04-01"
    ):
        load_rule_text(row(extra="in_force_to = 2000-01-01"), "t.toml")


def test_invalid_toml_is_reported_with_the_file() -> None:
    with pytest.raises(RuleDataError, match=r"^bad\.toml: not valid TOML"):
        load_rule_text("[[rules]\n", "bad.toml")


def test_a_window_parses_into_two_points() -> None:
    (rule,) = load_rule_text(
        row(
            extra="deadline = { window = { from = { on_anchor = true }, to = { months_following = 2 } } }"
        ),
        "t.toml",
    )
    assert isinstance(rule.deadline, WindowOf)
    assert rule.deadline.end == MonthsFollowing(2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 working days following", WorkingDaysFollowing(15)),
        ("15 working days following the day the notice was given", WorkingDaysFollowing(15)),
        ("20 working days after the date of this notice", WorkingDaysFollowing(20)),
        ("2 months following", MonthsFollowing(2)),
    ],
)
def test_period_expressions(text: str, expected: object) -> None:
    assert parse_period_expression(text) == expected
