"""The published JSON Schema of a timeline holds for every bundled example, with and without an
as-of date, and rejects what the contract forbids."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from improvement_kit.kit import Kit
from improvement_kit.output import timeline_schema, timeline_to_json
from improvement_kit.serialization import load_case
from improvement_kit.timeline import build_timeline

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted(
    p
    for folder in ("england", "academies", "fe", "wales", "demo")
    for p in (ROOT / "examples" / folder).glob("*.yaml")
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = timeline_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def kit() -> Kit:
    return Kit.load()


def example_json(path: Path, kit: Kit, as_of: dt.date | None) -> dict[str, Any]:
    case = load_case(path, plugins=kit)
    data: dict[str, Any] = json.loads(
        timeline_to_json(build_timeline(case, kit=kit, as_of=as_of), case)
    )
    return data


@pytest.mark.parametrize("as_of", [None, dt.date(2026, 7, 1)])
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_timeline_matches_the_schema(
    path: Path, as_of: dt.date | None, kit: Kit, validator: jsonschema.protocols.Validator
) -> None:
    data = example_json(path, kit, as_of)
    assert data["items"], path
    validator.validate(data)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["items"][0].update(kind="deadline"), "kind"),
        (lambda d: d["items"][0].update(due="13/01/2015"), "due"),
        (lambda d: d["items"][0]["rule"].update(nature="policy"), "nature"),
        (lambda d: d["items"][0].update(extra=1), "extra"),
        (lambda d: d.pop("warnings"), "warnings"),
    ],
)
def test_the_schema_rejects_what_the_contract_forbids(
    change: Any, where: str, kit: Kit, validator: jsonschema.protocols.Validator
) -> None:
    data = copy.deepcopy(example_json(EXAMPLES[0], kit, None))
    change(data)
    errors = list(validator.iter_errors(data))
    assert errors and any(where in str(e.path) + e.message for e in errors)
