"""structure_extra: a plugin's extra-data classes read through the project's converter, every
problem named by its path at once."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import pickle
from typing import Any

import attrs
import pytest

from improvement_kit.documents import ExtraDataError, structure_extra
from improvement_kit.documents.extra_data import Money, Text, WholeNumber, refuse
from improvement_kit.errors import InputError


class Mark(enum.StrEnum):
    MET = "met"
    NOT_MET = "not-met"


def _two_at_most(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    del instance
    if len(value) > 2:
        refuse(attribute, f"has {len(value)} amounts, more than 2")


@attrs.frozen(kw_only=True)
class Row:
    due: dt.date | None = None
    mark: Mark
    amounts: tuple[Money, ...] = attrs.field(default=(), validator=_two_at_most)


@attrs.frozen(kw_only=True)
class Form:
    title: Text | None = None
    months: WholeNumber | None = None
    notes: tuple[Text, ...] | None = None
    rows: tuple[Row, ...] = ()


def problems(data: Any) -> tuple[str, ...]:
    with pytest.raises(ExtraDataError) as info:
        structure_extra(data, Form)
    return info.value.errors


def test_good_data_is_typed() -> None:
    form = structure_extra(
        {
            "title": dt.date(2026, 3, 23),  # YAML reads an unquoted date as one
            "months": "18",  # a batch CSV cell is text
            "notes": ["One", "Two"],
            "rows": [{"due": "2026-01-05", "mark": "met", "amounts": [1500.5, 250]}],
        },
        Form,
    )
    assert form.title == "23 March 2026"
    assert form.months == 18
    assert form.notes == ("One", "Two")
    assert form.rows[0].due == dt.date(2026, 1, 5)
    assert form.rows[0].mark is Mark.MET
    # 1500.5 as written, not the binary fraction nearest it
    assert form.rows[0].amounts == (decimal.Decimal("1500.5"), decimal.Decimal("250"))
    assert structure_extra(None, Form) == Form()


def test_every_problem_is_listed_with_its_path() -> None:
    found = problems(
        {
            "title": 42,
            "months": 1.5,
            "notes": "One line",
            "rows": [
                {"due": "31/02/2025", "mark": "met"},
                {"mark": "meet", "amounts": [True, 0.001]},
                {"due": "2026-01-05"},
            ],
        }
    )
    assert found == (
        "title: 42 is not text (put it in quotes if it is meant as text)",
        "months: 1.5 is not a whole number",
        "notes: 'One line' is text, not a list",
        "rows[0].due: '31/02/2025' is not an ISO date (YYYY-MM-DD)",
        "rows[1].mark: 'meet' is not one of 'met', 'not-met' (did you mean 'met'?)",
        "rows[1].amounts[0]: True is not an amount (a number of pounds)",
        "rows[1].amounts[1]: 0.001 has fractions of a penny",
        "rows[2].mark: required field missing",
    )


def test_unknown_keys_are_refused_with_the_nearest_name() -> None:
    assert problems({"titel": "x", "rows": [{"mark": "met", "amount": [1]}]}) == (
        "rows[0]: unknown field: amount (did you mean 'amounts'?)",
        "unknown field: titel (did you mean 'title'?)",
    )
    assert problems({"titel": "x", "mnths": 3}) == (
        "unknown fields: mnths (did you mean 'months'?), titel (did you mean 'title'?)",
    )


def test_a_validator_s_refusal_is_named_by_its_field() -> None:
    assert problems({"rows": [{"mark": "met", "amounts": [1, 2, 3]}]}) == (
        "rows[0].amounts: has 3 amounts, more than 2",
    )


def test_the_error_is_an_input_error_of_one_line_naming_the_first_problem() -> None:
    with pytest.raises(InputError) as info:
        structure_extra({"title": False, "rows": [{"mark": "x"}]}, Form)
    error = info.value
    assert isinstance(error, ExtraDataError)
    assert (error.path, error.value) == ("title", False)
    assert str(error) == (
        "extra data: title: False is not text (put it in quotes if it is meant as text); "
        "rows[0].mark: 'x' is not one of 'met', 'not-met'"
    )
    assert "\n" not in str(error)
    assert error.__context__ is None  # nothing unpicklable travels with it
    again = pickle.loads(pickle.dumps(error))  # as a process pool's worker sends it back
    assert (type(again), str(again), again.errors) == (ExtraDataError, str(error), error.errors)


def test_a_long_list_of_problems_is_counted_not_printed() -> None:
    with pytest.raises(ExtraDataError) as info:
        structure_extra({"rows": [{"due": "x" * 50} for _ in range(20)]}, Form)
    error = info.value
    assert len(error.errors) == 40  # every row: a bad date and a missing mark
    assert len(str(error)) < 450
    assert str(error).endswith(" more)")


def test_data_that_is_not_a_table_is_refused() -> None:
    with pytest.raises(ExtraDataError, match=r"extra data: \['a'\] is not a table of fields"):
        structure_extra(["a"], Form)  # type: ignore[arg-type]


def test_the_guide_s_example_of_declaring_extra_data_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    import sys
    import types
    from pathlib import Path

    guide = (Path(__file__).parents[2] / "docs" / "documents.rst").read_text(encoding="utf-8")
    blocks = re.findall(r"\.\. code-block:: python\n\n((?:   .*\n|\n)+)", guide)
    example = [b for b in blocks if "class ReminderData" in b]
    assert len(example) == 1
    code = "\n".join(line[3:] for line in example[0].splitlines())
    # a module of its own, as a plugin's would be: type hints are resolved in its namespace
    module = types.ModuleType("guide_example")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(code, "docs/documents.rst", "exec"), module.__dict__)
    # the example's own asserts ran; its refusal listed both problems
    with pytest.raises(ExtraDataError, match="did you mean 'visits'"):
        structure_extra({"reminder": {"vists": 1}}, module.ReminderData)
