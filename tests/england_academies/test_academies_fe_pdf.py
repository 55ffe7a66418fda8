"""The academies and FE documents converted to PDF in one LibreOffice call: each PDF's pages
hold the dates and words the law requires, and nothing is cut off or left as a raw tag."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import improvement_kit_england_academies
import improvement_kit_england_fe
from improvement_kit.documents import convert_many_to_pdf, render_bytes
from improvement_kit.documents.registry import build_context
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit_england_academies import documents as academies
from improvement_kit_england_fe import documents as fe

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice and poppler-utils are not installed",
    ),
]

EXPECTED = {
    "england-academies:letter-of-concern": ("Letter of Concern", "23 March 2026", "Copies to:"),
    "england-academies:termination-warning-notice": ("27 March 2026", "16 February 2026"),
    "england-academies:coasting-notice": ("section 2B(1)(b)", "12 January 2026"),
    "england-fe:reporting-letter": ("NOT FOR PUBLICATION", "Her Majesty’s Inspector"),
    "england-fe:notice-of-concern-summary": ("28 June 2019", "26 May 2020"),
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    pm, problems = make_plugin_manager(
        load_entrypoints=False,
        plugins=[improvement_kit_england_academies, improvement_kit_england_fe],
    )
    plugins = Plugins(pm, problems)
    folder = tmp_path_factory.mktemp("academies-fe-pdfs")
    paths: list[Path] = []
    for template_id in EXPECTED:
        module = academies if template_id.startswith("england-academies") else fe
        spec = plugins.template(template_id)
        case = case_from_data(module.sample_case_data(), plugins=plugins)
        ctx = build_context(spec, case, module.sample_extra_data(), plugins=plugins)
        path = folder / (template_id.replace(":", "-") + ".docx")
        path.write_bytes(render_bytes(spec, ctx))
        paths.append(path)
    out = {}
    for template_id, pdf in zip(EXPECTED, convert_many_to_pdf(paths, folder), strict=True):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        out[template_id] = [page for page in text.split("\f") if page.strip()]
    return out


@pytest.mark.parametrize("template_id", list(EXPECTED))
def test_each_pdf_states_its_dates_and_has_no_raw_tags(
    pages: dict[str, list[str]], template_id: str
) -> None:
    found = pages[template_id]
    assert 1 <= len(found) <= 2
    flat = " ".join(" ".join(page.split()) for page in found)
    for words in EXPECTED[template_id]:
        assert words in flat, words
    assert "{{" not in flat and "{%" not in flat and "None" not in flat
