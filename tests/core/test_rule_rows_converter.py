"""Rule rows go through one cattrs converter (built on the case files' strict converter):
each refusal names the file, the row and the field path, with the nearest valid name."""

from __future__ import annotations

import attrs
import pytest

from improvement_kit.errors import RuleDataError
from improvement_kit.rules import RULE_KEYS, load_rule_text
from improvement_kit.rules.loader import RuleRow

ROW = """
[[rules]]
id = "R-1"
item = "x"
title = "t"
kind = "obligation"
nature = "law"
in_force_from = 2020-01-01
grade = "primary"
source = { citation = "Test Act s.1" }
"""


def load(extra: str) -> None:
    """The row with ``extra`` added (replacing the row's own line for the same key)."""
    key = extra.split(" =", 1)[0]
    lines = [line for line in ROW.splitlines() if not line.startswith(f"{key} =")]
    load_rule_text("\n".join(lines) + "\n" + extra + "\n", "t.toml")


def test_every_documented_key_is_a_field_of_the_structured_row() -> None:
    assert set(RULE_KEYS) == {f.name for f in attrs.fields(RuleRow)}


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ('source = { citation = "c", ur = "u" }', "source.ur", "unknown key (did you mean 'url'?)"),
        ('ends_on = [{ evnt = "x" }]', "ends_on[0].evnt", "unknown key (did you mean 'event'?)"),
        (
            'ends_on = [{ event = "x", when = { a = 1 } }]',
            "ends_on[0].when.a",
            "1 is not a string or list of strings",
        ),
        ("details = { ground = 61 }", "details.ground", "61 is a number, not text"),
        ('in_force_to = "2021-01-01"', "in_force_to", "'2021-01-01' is not a date"),
        ('calendar = "schol"', "calendar", "(did you mean 'school'?)"),
        ('ends_with_trigger = "yes"', "ends_with_trigger", "'yes' is not true or false"),
        ("satisfied_by = 3", "satisfied_by", "3 is not a string or list of strings"),
        ("title2 = 'x'", "title2", "unknown key (did you mean 'title'?)"),
        (
            "repeat = { times = 3 }",
            "repeat.every",
            "required field missing (a repeat needs both 'every' and 'times')",
        ),
    ],
)
def test_refusals_name_file_row_and_field_path(extra: str, field: str, message: str) -> None:
    with pytest.raises(RuleDataError) as info:
        load(extra)
    text = str(info.value)
    assert text.startswith(f"t.toml, row 1 (R-1), field '{field}': ")
    assert message in text


def test_an_unknown_key_is_reported_before_other_problems() -> None:
    with pytest.raises(RuleDataError, match="field 'dedline': unknown key"):
        load('dedline = 1\ncalendar = "schol"')


def test_policy_is_still_read_as_national_policy() -> None:
    (rule,) = load_rule_text(ROW.replace('"law"', '"policy"'), "t.toml")
    assert rule.nature.value == "national-policy"
