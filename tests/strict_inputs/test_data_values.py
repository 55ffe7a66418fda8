"""Values in a document's ``--data`` file are not coerced: text fields take text (never a
number or true/false made into text) and money keeps its pence."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from improvement_kit.documents.registry import build_context
from improvement_kit.errors import InputError
from improvement_kit.kit import Kit
from improvement_kit.serialization import load_case, read_data_file

ROOT = Path(__file__).parents[2]
CASE = ROOT / "examples" / "demo" / "case.yaml"
DATA = read_data_file(ROOT / "examples" / "data" / "demo.yaml")
PLAN = "england-maintained:plan-of-action"


@pytest.fixture(scope="module")
def kit() -> Kit:
    return Kit.load()


def context(kit: Kit, change: Any) -> Any:
    extra = copy.deepcopy(DATA)
    change(extra)
    return build_context(kit.template(PLAN), load_case(CASE, plugins=kit), extra, plugins=kit)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["signatory"].update(name=False), "signatory.name"),
        (lambda d: d["signatory"].update(telephone=1632960123), "signatory.telephone"),
        (lambda d: d["signatory"].update(title=3.5), "signatory.title"),
    ],
)
def test_a_text_field_refuses_numbers_and_booleans(kit: Kit, change: Any, path: str) -> None:
    with pytest.raises(InputError, match=rf"{path}.*is not text \(put it in quotes"):
        context(kit, change)


def test_money_keeps_its_pence(kit: Kit) -> None:
    def pence(d: dict[str, Any]) -> None:
        d["plan_of_action"]["finance"] = [
            {"source": "Local authority", "amounts": [1500.5, 250]},
            {"source": "School", "amounts": [0.25]},
        ]

    built = context(kit, pence)
    rows, totals = built.finance, built.finance_totals
    assert rows[0].amounts[:2] == ("£1,500.50", "£250") and rows[0].total == "£1,750.50"
    assert rows[1].amounts[0] == "£0.25"
    # 1,500.50 + 0.25 = 1,500.75 in the first column; 1,750.50 + 0.25 = 1,750.75 in all
    assert totals.amounts[0] == "£1,500.75" and totals.total == "£1,750.75"


def test_fractions_of_a_penny_are_refused(kit: Kit) -> None:
    def fraction(d: dict[str, Any]) -> None:
        d["plan_of_action"]["finance"] = [{"source": "School", "amounts": [10.005]}]

    with pytest.raises(InputError, match="has fractions of a penny"):
        context(kit, fraction)
