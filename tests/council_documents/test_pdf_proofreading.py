"""Proofreading as tests: every England template rendered with the realistic sample data and
each house style, converted to PDF in ONE LibreOffice call, then read as a recipient would.

The page images (``pdftoppm -r 50``) are kept beside the PDFs in pytest's temporary folder
(``.../council-pdfs*/``) for a person to look at.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

from improvement_kit.documents import convert_many_to_pdf, render_bytes
from improvement_kit.documents.house_style import HouseStyle
from improvement_kit.plugins import Plugins

from .conftest import TEMPLATE_IDS, TEMPLATE_NAMES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice and poppler-utils are not installed",
    ),
]

#: The font families each house style uses (the PDF may embed nothing else).
FONTS = {
    "neutral": ("LiberationSans",),
    "northmoor": ("LiberationSerif", "LiberationSans"),
}
HEADER_LINES = {"Exampleshire County Council", "Working together for Northmoor’s children"}
CASES = [(style, name) for style in FONTS for name in TEMPLATE_NAMES]


@pytest.fixture(scope="module")
def rendered(
    plugins: Plugins,
    contexts: dict[str, Any],
    house_styles: dict[str, HouseStyle],
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, str], dict[str, Any]]:
    """Sixteen documents (eight templates, two styles), one soffice call, page PNGs kept."""
    folder = tmp_path_factory.mktemp("council-pdfs")
    documents: list[Path] = []
    headings: dict[tuple[str, str], list[str]] = {}
    for style, name in CASES:
        spec = plugins.template(f"england-maintained:{name}")
        data = render_bytes(spec, contexts[spec.id], house_style=house_styles[style])
        path = folder / f"{style}-{name}.docx"
        path.write_bytes(data)
        documents.append(path)
        headings[(style, name)] = [
            p.text.strip()
            for p in docx.Document(io.BytesIO(data)).paragraphs
            if p.style.name.startswith("Heading") and p.text.strip()
        ]
    pdfs = convert_many_to_pdf(documents, folder)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (style, name), pdf in zip(CASES, pdfs, strict=True):
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(pdf.with_suffix(""))])
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        out[(style, name)] = {
            "pdf": pdf,
            "pages": [page for page in text.split("\f") if page.strip()],
            "headings": headings[(style, name)],
        }
    print(f"\npage images: {folder}")
    return out


def _body_lines(page: str) -> list[str]:
    """A page's lines without its header (the authority's name) and footer (the reference)."""
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    return [
        line
        for line in lines
        if line not in HEADER_LINES and not line.startswith("Ref: EXC-SCC-2026-031")
    ]


@pytest.mark.parametrize(("style", "name"), CASES)
def test_the_pdf_is_tagged_titled_in_british_english_with_embedded_house_fonts(
    rendered: dict[tuple[str, str], dict[str, Any]], style: str, name: str
) -> None:
    from pypdf import PdfReader

    pdf = rendered[(style, name)]["pdf"]
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert root["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in root
    assert reader.metadata is not None
    assert (reader.metadata.title or "").endswith(": Hill & Dale Church of England Primary School")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        family = row[0].split("+")[-1]
        assert family.startswith(FONTS[style]), f"{name}: font {family} is not the house style's"
        assert "yes" in row[-5:-3][0], f"{name}: font {family} is not embedded"


@pytest.mark.parametrize(("style", "name"), CASES)
def test_no_page_is_a_stray_line_and_no_heading_ends_a_page(
    rendered: dict[tuple[str, str], dict[str, Any]], style: str, name: str
) -> None:
    found = rendered[(style, name)]
    for number, page in enumerate(found["pages"], start=1):
        body = _body_lines(page)
        assert len(body) > 1, f"{name} ({style}) page {number} holds only {body}"
        last = body[-1]
        for heading in found["headings"]:
            assert not heading.startswith(last) and last != heading, (
                f"{name} ({style}) page {number} ends with the heading {heading!r}"
            )


@pytest.mark.parametrize("style", FONTS)
def test_letters_greet_by_title_and_surname_and_sign_with_name_and_role_together(
    rendered: dict[tuple[str, str], dict[str, Any]], style: str
) -> None:
    for name in TEMPLATE_NAMES:
        text = "\n".join(rendered[(style, name)]["pages"])
        assert not re.search(r"Dear (Mr|Mrs|Ms|Dr) \w+ (?!and\b)\w+", text), name
    for name in (
        "warning-notice",
        "tpc-warning-notice",
        "causes-of-concern-letter",
        "proposed-intervention-notice",
        "removal-letter",
    ):
        pages = rendered[(style, name)]["pages"]
        signed = [p for p in pages if "Yours sincerely," in p]
        assert len(signed) == 1, name
        lines = _body_lines(signed[0])
        assert lines.index("Yours sincerely,") > 0, f"{name}: the sign-off starts a page"
        at = lines.index("Dr Ruth Marston")
        assert lines[at + 1] == "Director of Children’s Services", name
        assert lines[at + 2] == "For and on behalf of Exampleshire County Council", name
        first = _body_lines(pages[0])
        assert "Please ask for: Mr Tom Hartley, School Improvement Officer" in first, name


@pytest.mark.parametrize("style", FONTS)
def test_each_role_label_stands_next_to_the_right_person(
    rendered: dict[tuple[str, str], dict[str, Any]], style: str
) -> None:
    soa = "\n".join(rendered[(style, "statement-of-action")]["pages"])
    assert re.search(r"Name of senior adviser\s+Mrs Anna Fielding, Senior Adviser", soa)
    review = _body_lines("\n".join(rendered[(style, "progress-review")]["pages"]))
    at = review.index("Recorded by")
    assert review[at + 1] == "Mrs Anna Fielding, Senior Adviser, School Improvement"
    plan = _body_lines("\n".join(rendered[(style, "plan-of-action")]["pages"]))
    at = plan.index("Prepared by")
    assert plan[at + 1] == "Mrs Anna Fielding, Senior Adviser, School Improvement"
    notice = "\n".join(rendered[(style, "warning-notice")]["pages"])
    assert re.search(r"Please ask for: Mr Tom Hartley, School Improvement Officer", notice)


def test_there_is_a_pdf_for_every_template_and_style(
    rendered: dict[tuple[str, str], dict[str, Any]],
) -> None:
    assert len(rendered) == 2 * len(TEMPLATE_IDS)
    for found in rendered.values():
        assert list(found["pdf"].parent.glob(found["pdf"].stem + "-*.png"))
