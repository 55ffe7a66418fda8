"""A template's extra data (``--data EXTRA.yaml``), declared as attrs classes and read strictly.

What only the authority knows (officers, matters of concern, key issues) reaches a context
builder as a plain mapping. A plugin declares its shape as frozen attrs classes and reads it
with :func:`structure_extra`, through the project's one converter
(:data:`improvement_kit.serialization.converter`): dates are ISO 8601, enumerations their
values, a list is never a bare string, nothing is coerced by ``str()``, and an unknown key is
refused with the nearest valid name. Every problem is found in one pass and named by its
path::

    extra data: plan_of_action.key_issues[0].actions[1].lead: 4 is not text (put it in quotes
    if it is meant as text); removal.removed_on: '14/05/2027' is not an ISO date (YYYY-MM-DD)

Besides the converter's own types, a data class may use three that documents need:

* :data:`Text`: text; a date (YAML reads ``2026-03-23`` as one) is written as UK letters write
  it (``23 March 2026``);
* :data:`WholeNumber`: a whole number, or its digits as text (a CSV cell of ``batch``);
* :data:`Money`: an amount in pounds, kept as written (a :class:`~decimal.Decimal`, pence
  kept); fractions of a penny are refused.

A check that needs more than a type (a list of at most five amounts, a number of months of at
least 12) is an attrs validator that calls :func:`refuse`, so the problem is named by the
field's path like any other.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, NewType, NoReturn, TypeVar

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, IterableValidationError

from improvement_kit.documents.text import format_date
from improvement_kit.errors import InputError
from improvement_kit.serialization import converter, error_messages

__all__ = [
    "ExtraDataError",
    "Money",
    "Text",
    "WholeNumber",
    "refuse",
    "structure_extra",
]

T = TypeVar("T")

#: Text for a document. A date is accepted and written as UK letters write it; a number,
#: true/false, a list or a table is refused (a number meant as text goes in quotes).
Text = NewType("Text", str)

#: A whole number, or its digits as text: a ``batch`` CSV cell is always text.
WholeNumber = NewType("WholeNumber", int)

#: An amount in pounds as written (``1500.5`` is £1,500.50, not a binary fraction); a
#: fraction of a penny is refused.
Money = NewType("Money", decimal.Decimal)

#: The longest ``ExtraDataError`` message before further problems are only counted.
_MAX_MESSAGE = 400
_PENNY = decimal.Decimal("0.01")


def _shown(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _structure_text(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return format_date(value)
    if value is None:
        raise ValueError("null is not text (an empty item in a list?)")
    if isinstance(value, (list, tuple)):
        raise ValueError(f"{_shown(value)} is a list, not text")
    if isinstance(value, Mapping):
        raise ValueError(f"{_shown(value)} is a table, not text")
    raise ValueError(f"{_shown(value)} is not text (put it in quotes if it is meant as text)")


def _structure_whole_number(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
        return int(value)
    raise ValueError(f"{_shown(value)} is not a whole number")


def _structure_money(value: object, _: object) -> decimal.Decimal:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or (isinstance(value, float) and not math.isfinite(value))
    ):
        raise ValueError(f"{_shown(value)} is not an amount (a number of pounds)")
    amount = decimal.Decimal(str(value))  # the amount as written, not the binary float
    if amount != amount.quantize(_PENNY):
        raise ValueError(f"{_shown(value)} has fractions of a penny")
    return amount


def _make_converter() -> cattrs.Converter:
    conv = converter.copy()
    conv.register_structure_hook(Text, _structure_text)
    conv.register_structure_hook(WholeNumber, _structure_whole_number)
    conv.register_structure_hook(Money, _structure_money)
    return conv


#: The case-file converter with the document types added (immutable after setup).
_CONVERTER = _make_converter()


def refuse(attribute: attrs.Attribute[Any], problem: str) -> NoReturn:
    """Raise, from an attrs validator of an extra-data class, a problem that
    :func:`structure_extra` names by the field's path (``removal.monitoring_months: ...``)."""
    error = ValueError(problem)
    error.__notes__ = [
        AttributeValidationNote(
            f"Structuring @ attribute {attribute.name}", attribute.name, attribute.type
        )
    ]
    raise error


_STEP = re.compile(r"\.([^.\[]+)|\[([0-9]+)\]|\[('(?:[^'\\]|\\.)*')\]")


def _value_at(data: object, path: str) -> object:
    """The value at ``path`` (``a.b[2].c``) in ``data``, or ``None`` if there is none."""
    node = data
    for match in _STEP.finditer("." + path if path and path[0] != "[" else path):
        key, index, quoted = match.groups()
        if index is not None:
            if not isinstance(node, (list, tuple)) or int(index) >= len(node):
                return None
            node = node[int(index)]
        elif isinstance(node, Mapping):
            node = node.get(key if quoted is None else quoted[1:-1])
        else:
            return None
    return node


class ExtraDataError(InputError):
    """Extra data that does not fit its template's data class.

    ``errors`` lists every problem, one ``path: problem`` line each (``problems`` holds them as
    ``(path, value, problem)``); ``path``, ``value`` and ``problem`` describe the first. The
    message (one line) begins ``extra data:`` and lists the problems, the last ones counted if
    the line would grow too long.
    """

    def __init__(self, problems: Sequence[tuple[str, object, str]]) -> None:
        if not problems:
            raise ValueError("an ExtraDataError needs at least one problem")
        path, value, problem = problems[0]
        super().__init__(path, value, problem)
        self.problems = tuple(problems)
        self.errors = tuple(
            " ".join((f"{where}: {what}" if where else what).splitlines())
            for where, _, what in problems
        )
        shown: list[str] = []
        for line in self.errors:
            if shown and len("; ".join([*shown, line])) > _MAX_MESSAGE:
                break
            shown.append(line)
        more = len(self.errors) - len(shown)
        self.args = ("extra data: " + "; ".join(shown) + (f" (and {more} more)" if more else ""),)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its problems (a process pool's worker sends it back whole)."""
        return (type(self), (self.problems,))


def structure_extra(extra: Mapping[str, Any] | None, cls: type[T]) -> T:
    """``extra`` (a template's extra data, as :func:`~improvement_kit.documents.load_extra`
    reads it) as an instance of the attrs class ``cls``.

    Raises :class:`ExtraDataError` listing every problem with its path: a value of the wrong
    type, a date that is not ISO 8601, a name that is not one of an enumeration's values, an
    unknown key (with the nearest valid name), a required field missing, a validator's
    :func:`refuse`.
    """
    data: object = {} if extra is None else extra
    if not isinstance(data, Mapping):
        raise ExtraDataError([("", data, f"{_shown(data)} is not a table of fields")])
    try:
        return _CONVERTER.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        lines = error_messages(exc)
    problems = []
    for line in lines:
        path, separator, problem = line.partition(": ")
        if not separator or " " in path:  # no path: a problem of the whole table
            path, problem = "", line
        problems.append((path, _value_at(data, path), problem))
    # raised outside the handler: the error carries no cattrs exception group as its context
    raise ExtraDataError(problems)
