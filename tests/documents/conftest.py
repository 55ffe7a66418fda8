"""Fixtures for the document tests: the England plugin, its sample data, template builders."""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import docx
import pytest

import improvement_kit_england_maintained
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit_england_maintained import documents as england

#: Every text field of the fixture data carries this: markup characters, a newline, Welsh.
NASTY = "St Mary & St John <C of E> \"Primary\" 'Ysgol'\nŵŷ Pen-y-bryn"


@pytest.fixture(scope="session")
def plugins() -> Plugins:
    """Plugins with only the England maintained-school plugin (no entry points)."""
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_england_maintained]
    )
    assert not problems
    return Plugins(pm, problems)


@pytest.fixture
def sample_case() -> dict[str, Any]:
    return england.sample_case_data()


#: The stress school: markup characters, quotes and Welsh letters in the provider's names.
STRESS_SCHOOL = 'Ysgol Gynradd Pen-y-bryn & St Non\'s <Federated> "Primary"'


@pytest.fixture
def stress_case() -> dict[str, Any]:
    """The sample case with awkward names (kept out of the realistic sample data)."""
    data = england.sample_case_data()
    data["provider"] = {
        **data["provider"],
        "name": STRESS_SCHOOL,
        "head_teacher": "Mrs Siân Ŵyn Example",
        "chair_of_governors": "Mr Dafydd Sample",
    }
    return data


@pytest.fixture
def sample_extra() -> dict[str, Any]:
    return england.sample_extra_data()


def docx_bytes(paragraphs: Sequence[str | Sequence[str]], **properties: str) -> bytes:
    """A .docx whose paragraphs are the given texts (a sequence: one run per element)."""
    document = docx.Document()
    for paragraph in paragraphs:
        p = document.add_paragraph()
        for run in [paragraph] if isinstance(paragraph, str) else paragraph:
            p.add_run(run)
    for name, value in properties.items():
        setattr(document.core_properties, name, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def make_template(tmp_path: Path) -> Callable[..., Path]:
    """``make_template([...paragraphs], name="t.docx")`` writes a .docx into tmp_path."""

    def make(paragraphs: Sequence[str | Sequence[str]], name: str = "t.docx", **props: str) -> Path:
        path = tmp_path / name
        path.write_bytes(docx_bytes(paragraphs, **props))
        return path

    return make


def all_text(data: bytes) -> str:
    """Every piece of text in a .docx: body paragraphs, tables, headers and footers."""
    document = docx.Document(io.BytesIO(data))
    parts: list[str] = []

    def walk(container: Any) -> None:
        for paragraph in container.paragraphs:
            parts.append(paragraph.text)
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(document)
    for section in document.sections:
        walk(section.header)
        walk(section.footer)
    return "\n".join(parts)


def nastify(data: Any, skip: frozenset[str] = frozenset()) -> Any:
    """A deep copy of extra data with NASTY appended to every free-text string."""
    data = copy.deepcopy(data)

    def walk(node: Any, key: str = "") -> Any:
        if isinstance(node, dict):
            return {k: walk(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, key) for v in node]
        if isinstance(node, str) and key not in skip:
            return f"{node} {NASTY}"
        return node

    return walk(data)
