"""Fuzzing the bundled example case files: every mutation is either accepted, giving a timeline,
or refused in short one-line messages naming the file; never another exception. ``validate``
and ``timeline`` agree on every mutated file.

Seeded and derandomized, so a run is repeatable; about ten seconds in all.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from improvement_kit.cli import main
from improvement_kit.errors import CaseFileError, ImprovementKitError
from improvement_kit.output import timeline_schema
from improvement_kit.serialization import case_from_data, timeline_to_data
from improvement_kit.timeline import build_timeline
from improvement_kit.yaml12 import load_yaml_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    p
    for folder in ("england", "academies", "fe", "wales", "demo")
    for p in (ROOT / "examples" / folder).glob("*.yaml")
)
TEXTS = {p: p.read_text(encoding="utf-8") for p in EXAMPLES}
DATA = {p: load_yaml_text(text) for p, text in TEXTS.items()}

HOSTILE_VALUES: list[Any] = [
    True,
    False,
    None,
    0,
    -1,
    10**30,
    1.5,
    "",
    "x" * 5_000,
    "2025-02-29",
    "yes",
    "0100001",
    "leadership-and-goverance",
    "urgent-improvment",
    [],
    {},
    ["a"],
    {"a": 1},
    dt.date(2025, 1, 1),
]
HOSTILE_TEXT = [
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "\t",
    "\x00",
    "'",
    '"',
    "\n  ",
    "#",
    "!!int ",
]

#: Every accepted input's output must match the published JSON Schema of a timeline.
SCHEMA = jsonschema.Draft202012Validator(timeline_schema())

SETTINGS = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


def _parent(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        root = root[part]
    return root


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, Any]:
    example = draw(st.sampled_from(EXAMPLES))
    data = copy.deepcopy(DATA[example])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _parent(data, path), path[-1]
        operation = draw(st.sampled_from(["replace", "delete", "add-key", "typo-key"]))
        if operation == "replace":
            parent[last] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        elif operation == "delete":
            del parent[last]
        elif isinstance(parent, dict) and operation == "add-key":
            parent[draw(st.sampled_from(["extra", "nmae", "grade", "type", "date"]))] = "x"
        elif isinstance(parent, dict) and isinstance(last, str) and len(last) > 1:
            cut = draw(st.integers(0, len(last) - 1))
            parent[last[:cut] + last[cut + 1 :]] = parent.pop(last)
    return example, data


def assert_short_lines(error: BaseException, source: str = "") -> None:
    message = str(error)
    assert "\n" not in message, message
    assert len(message) <= 300 + len(source), message
    if isinstance(error, CaseFileError):
        for line in error.errors:
            assert "\n" not in line and len(line) <= 300, line


@SETTINGS
@given(mutated(), st.sampled_from([None, dt.date(2026, 7, 1)]))
def test_a_mutated_case_gives_a_timeline_or_short_named_errors(
    mutation: tuple[Path, Any], as_of: dt.date | None
) -> None:
    example, data = mutation
    try:
        case = case_from_data(data, example.name, example.parent)
    except CaseFileError as exc:
        assert str(exc).startswith(f"{example.name}: ")
        assert_short_lines(exc)
        return
    try:
        timeline = build_timeline(case, as_of=as_of)
    except ImprovementKitError as exc:
        assert_short_lines(exc)
        return
    SCHEMA.validate(json.loads(json.dumps(timeline_to_data(timeline, case))))


@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[Path, bytes]:
    example = draw(st.sampled_from(EXAMPLES))
    text = TEXTS[example].encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["insert", "delete", "duplicate-line", "byte"]))
        if operation == "insert":
            text = text[:at] + draw(st.sampled_from(HOSTILE_TEXT)).encode("utf-8") + text[at:]
        elif operation == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif operation == "duplicate-line":
            start = text.rfind(b"\n", 0, at) + 1
            end = text.find(b"\n", at)
            end = len(text) if end < 0 else end + 1
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:at] + bytes([draw(st.integers(0x80, 0xFF))]) + text[at:]
    return example, text


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


def assert_commands_agree(case: Path) -> None:
    output = case.parent / "timeline.json"
    validate = _run(["validate", str(case)])
    timeline = _run(["timeline", str(case), "--json", "-o", str(output)])
    assert validate[0] == timeline[0], (validate, timeline)
    if timeline[0] == 0:
        assert output.exists()
        SCHEMA.validate(json.loads(output.read_text(encoding="utf-8")))
        return
    assert timeline[0] == 2
    assert not output.exists()
    for _, out, err in (validate, timeline):
        assert out == ""
        assert "Traceback" not in err
        for line in err.splitlines():
            assert str(case) in line and len(line) <= 330 + len(str(case)), line
    assert len(timeline[2].splitlines()) == 1, timeline[2]


@settings(SETTINGS, max_examples=60)
@given(mutated_text())
def test_validate_and_timeline_agree_on_every_mutated_file(mutation: tuple[Path, bytes]) -> None:
    example, content = mutation
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / example.name
        case.write_bytes(content)
        assert_commands_agree(case)


@settings(SETTINGS, max_examples=60)
@given(mutated())
def test_validate_and_timeline_agree_on_every_mutated_case_as_json(
    mutation: tuple[Path, Any],
) -> None:
    example, data = mutation
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / (example.stem + ".json")
        case.write_text(json.dumps(data, default=str), encoding="utf-8")
        assert_commands_agree(case)
