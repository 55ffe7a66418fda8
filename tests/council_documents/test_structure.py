"""The .docx structure of every template: named styles only, layout rules, accessibility."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from improvement_kit.documents import render_bytes
from improvement_kit.documents.house_style import HouseStyle
from improvement_kit.plugins import Plugins

from .conftest import ROOT, TEMPLATE_IDS, TEMPLATE_NAMES

#: Run and paragraph properties that are direct formatting (a style's job).
DIRECT_RUN = ("w:b", "w:i", "w:sz", "w:color", "w:rFonts", "w:u", "w:highlight")
DIRECT_PARAGRAPH = ("w:jc", "w:ind", "w:spacing", "w:keepNext", "w:keepLines")


def _template(name: str) -> Any:
    return docx.Document(str(ROOT / "templates/england_maintained" / f"{name}.docx"))


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_the_body_uses_named_styles_only(name: str) -> None:
    body = _template(name).element.body
    for run_properties in body.iter(qn("w:rPr")):
        if run_properties.getparent().tag == qn("w:pPr"):
            continue
        found = [t for t in DIRECT_RUN if run_properties.find(qn(t)) is not None]
        assert not found, f"{name}: direct run formatting {found}"
    for properties in body.iter(qn("w:pPr")):
        found = [t for t in DIRECT_PARAGRAPH if properties.find(qn(t)) is not None]
        assert not found, f"{name}: direct paragraph formatting {found}"
    for shading in body.iter(qn("w:shd")):
        raise AssertionError(f"{name}: cell shading outside the table style: {shading}")


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_headings_start_at_level_1_and_never_skip_a_level(name: str) -> None:
    levels = [
        int(p.style.name.split()[-1])
        for p in _template(name).paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"{name}: heading level {before} then {after}"


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_table_has_marked_header_rows_unsplittable_rows_and_fixed_widths(name: str) -> None:
    document = _template(name)
    with_tables = {"statement-of-action", "plan-of-action", "progress-review"}
    assert bool(document.tables) is (name in with_tables)
    for table in document.tables:
        tbl = table._tbl
        assert tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == "KitTable"
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        rows = tbl.findall(qn("w:tr"))
        for row in rows:
            assert row.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
        look = tbl.tblPr.find(qn("w:tblLook"))
        if look.get(qn("w:firstRow")) == "1":
            assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        else:  # a field table: its first column holds the labels
            assert look.get(qn("w:firstColumn")) == "1"
        grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid"))]
        section = document.sections[0]
        text_width = section.page_width - section.left_margin - section.right_margin
        assert sum(grid) * 635 <= text_width + 635 * 20, f"{name}: a table wider than the page"


def test_the_house_styles_carry_the_layout_rules_and_the_language() -> None:
    document = _template("warning-notice")
    styles = document.styles
    for level in (1, 2, 3):
        fmt = styles[f"Heading {level}"].paragraph_format
        assert fmt.keep_with_next and fmt.keep_together
    assert styles["Normal"].paragraph_format.widow_control
    for name in ("Closing", "Signature Name", "Signature Title", "Contact"):
        assert styles[name].paragraph_format.keep_with_next, name
    xml = styles.element.xml
    assert 'w:lang w:val="en-GB"' in xml and "en-US" not in xml
    assert "asciiTheme" not in xml  # named fonts, never theme fonts swapped in elsewhere
    assert re.search(r'w:ascii="Liberation Sans"', xml)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_a_rendered_document_has_its_title_and_language_in_the_core_properties(
    plugins: Plugins,
    contexts: dict[str, Any],
    house_styles: dict[str, HouseStyle],
    template_id: str,
) -> None:
    spec = plugins.template(template_id)
    for style in house_styles.values():
        data = render_bytes(spec, contexts[template_id], house_style=style)
        props = docx.Document(io.BytesIO(data)).core_properties
        assert props.language == "en-GB"
        assert props.title.endswith(": Hill & Dale Church of England Primary School")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert b'w:val="en-GB"' in archive.read("word/styles.xml")
