"""The converter's own hooks run (cattrs would otherwise coerce with ``str()``/``int()``), and
identifiers and names are checked by their rules."""

from __future__ import annotations

import enum
from typing import Any

import pytest

from improvement_kit.errors import CaseFileError
from improvement_kit.model import identifiers
from improvement_kit.serialization import case_from_data, converter


class Colour(enum.StrEnum):
    """A plugin's enumeration the converter has no hook of its own for."""

    RED = "red"
    GREEN = "green"


@pytest.mark.parametrize("value", [True, None, ["a", "b"], 12, 1.5, {"a": 1}])
def test_the_str_hook_runs_and_takes_text_only(value: object) -> None:
    with pytest.raises(ValueError, match="not text"):
        converter.structure(value, str)
    assert converter.structure("text", str) == "text"


def test_a_strenum_without_its_own_hook_still_becomes_the_enumeration() -> None:
    assert converter.structure("red", Colour) is Colour.RED
    with pytest.raises(
        ValueError, match=r"'rde' is not one of 'red', 'green' \(did you mean 'red'\?\)"
    ):
        converter.structure("rde", Colour)


@pytest.mark.parametrize("value", [True, "21", 21.9, None])
def test_whole_numbers_come_only_from_whole_numbers(value: object) -> None:
    with pytest.raises(ValueError, match="is not a whole number"):
        converter.structure(value, int)
    assert converter.structure(21, int) == 21


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True, "1.5"])
def test_floats_are_finite_numbers(value: object) -> None:
    with pytest.raises(ValueError, match="is not a finite number"):
        converter.structure(value, float)


@pytest.mark.parametrize("value", ["true", 1, 0, "yes", None])
def test_booleans_come_only_from_true_and_false(value: object) -> None:
    with pytest.raises(ValueError, match="is not true or false"):
        converter.structure(value, bool)


@pytest.mark.parametrize("value", ["Attainment is low", {"a": "b"}, 3])
def test_a_tuple_field_never_takes_a_bare_value(value: object) -> None:
    with pytest.raises(ValueError, match="not a list"):
        converter.structure(value, tuple[str, ...])
    assert converter.structure(["Attainment is low"], tuple[str, ...]) == ("Attainment is low",)


def test_a_table_field_never_takes_a_list() -> None:
    def case(grades: object) -> dict[str, Any]:
        return {
            "jurisdiction": "england-maintained",
            "provider": {"urn": "999104", "name": "Brook Primary", "type": "community"},
            "events": [
                {"type": "inspection", "start": "2026-03-03", "end": "2026-03-04", "grades": grades}
            ],
        }

    with pytest.raises(CaseFileError) as info:
        case_from_data(case(["inclusion"]), "case.yaml")
    assert info.value.errors == ("events[0].grades: ['inclusion'] is a list, not a table",)


# -- identifiers ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["100006", "402481", "2650999"])
def test_urns(value: str) -> None:
    assert identifiers.urn(value) == value


@pytest.mark.parametrize("value", ["10000", "12345678", "0100001", "099999", "1000O1", "١٠٠٠٠١"])
def test_not_urns(value: str) -> None:
    with pytest.raises(ValueError, match="is not a URN"):
        identifiers.urn(value)


def test_a_number_is_not_an_identifier() -> None:
    with pytest.raises(ValueError, match="100001 is not text: write a URN in quotes"):
        identifiers.urn(100001)


def test_ukprn() -> None:
    assert identifiers.ukprn("10012345") == "10012345"
    for bad in ("20012345", "1001234", "100123456"):
        with pytest.raises(ValueError, match="is not a UKPRN"):
            identifiers.ukprn(bad)


def test_la_code() -> None:
    assert identifiers.la_code("830") == "830"
    for bad in ("83", "8300", "8a0", ""):
        with pytest.raises(ValueError, match="is not a local-authority code"):
            identifiers.la_code(bad)


def test_laestab_begins_with_the_la_code() -> None:
    assert identifiers.laestab("8302001", la="830") == "8302001"
    with pytest.raises(ValueError, match="does not begin with the local-authority code '831'"):
        identifiers.laestab("8302001", la="831")
    with pytest.raises(ValueError, match="is not a LAESTAB"):
        identifiers.laestab("830200")


def test_welsh_school_numbers() -> None:
    assert identifiers.welsh_school_number("6602001") == "6602001"
    assert identifiers.welsh_school_number("6812001", la="681") == "6812001"
    for bad in ("8302001", "6592001", "6822001", "660200"):
        with pytest.raises(ValueError, match="is not a Welsh school number"):
            identifiers.welsh_school_number(bad)
    with pytest.raises(ValueError, match="does not begin with the local-authority code '661'"):
        identifiers.welsh_school_number("6602001", la="661")


def provider_case(**provider: object) -> dict[str, Any]:
    return {"jurisdiction": "wales-schools", "provider": provider, "events": []}


def test_a_welsh_school_is_identified_by_its_school_number() -> None:
    case = case_from_data(
        provider_case(
            school_number="6602001", name="Ysgol Enghraifft", type="welsh-maintained-school"
        )
    )
    assert case.provider.identifier == "6602001"
    with pytest.raises(CaseFileError) as info:
        case_from_data(
            provider_case(school_number="100001", name="Ysgol", type="welsh-maintained-school"),
            "case.yaml",
        )
    assert info.value.errors == (
        "provider.school_number: '100001' is not a Welsh school number (7 digits beginning with a "
        "Welsh local-authority code, 660-681)",
    )


def test_every_urn_in_the_gias_links_extract_is_accepted() -> None:
    """The rule checked against the real GIAS links extract (shared/data), when it is here."""
    import csv
    from pathlib import Path

    extract = Path("/work/shared/data/gias-links-2025-07-27.csv")
    if not extract.exists():
        pytest.skip("the GIAS extract is not on this machine")
    with extract.open(encoding="utf-8", errors="replace", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 30_000
    for row in rows:
        identifiers.urn(row["URN"])
        identifiers.urn(row["LinkURN"])
