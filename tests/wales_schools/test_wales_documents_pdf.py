"""Proofreading the Welsh bilingual documents as a recipient reads them: each template rendered
with the sample data and two house styles (the Welsh council's and the neutral one), converted
to tagged PDF in ONE LibreOffice call and read page by page.

The page images (``pdftoppm -r 50``) are kept beside the PDFs in pytest's temporary folder
(``.../wales-pdfs*/``) for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import improvement_kit_wales_schools
from improvement_kit.documents import (
    build_context,
    convert_many_to_pdf,
    load_house_style,
    render_bytes,
)
from improvement_kit.documents.house_style import NEUTRAL
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit_wales_schools import documents as wales

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice and poppler-utils are not installed",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("warning-notice", "follow-up-letter", "categorisation-letter")
STYLES = {
    "enghraifft": ROOT / "src/improvement_kit/documents/house_styles/enghraifft.docx",
    "neutral": NEUTRAL,
}
#: The document's language (/Lang) and the other language its spans are tagged with.
LANGUAGES = {"enghraifft": ("cy-GB", "en-GB"), "neutral": ("en-GB", "cy-GB")}
SIDE = tuple(f"{name}-side-by-side" for name in NAMES)
CASES = [(style, name) for style in STYLES for name in NAMES] + [("enghraifft", n) for n in SIDE]
HEADINGS = {
    "warning-notice": ["1. Y seiliau dros ymyrryd", "5. The action the local authority is"],
    "follow-up-letter": ["Y cynllun gweithredu", "Monitoring by Estyn", "The action plan"],
    "categorisation-letter": ["Y canlyniad", "Adolygiadau", "The outcome", "Reviews"],
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Any]]:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_wales_schools]
    )
    kit = Plugins(pm, problems)
    case = case_from_data(wales.sample_case_data(), plugins=kit)
    folder = tmp_path_factory.mktemp("wales-pdfs")
    documents = []
    for style, name in CASES:
        spec = kit.template(f"wales-schools:{name}")
        context = build_context(spec, case, wales.sample_extra_data(), plugins=kit)
        path = folder / f"{style}-{name}.docx"
        path.write_bytes(render_bytes(spec, context, house_style=load_house_style(STYLES[style])))
        documents.append(path)
    pdfs = convert_many_to_pdf(documents, folder)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (style, name), pdf in zip(CASES, pdfs, strict=True):
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(pdf.with_suffix(""))])
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        out[(style, name)] = {"pdf": pdf, "pages": [p for p in text.split("\f") if p.strip()]}
    print(f"\npage images: {folder}")
    return out


def _body(page: str) -> list[str]:
    """A page's lines without the house styles' header and footer lines."""
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    furniture = (
        "Cyngor Sir Enghraifft",
        "Example County Council",
        "Cyf. / Ref.:",
        "SWYDDOGOL",
        "Ref: CSE-YSG",
    )
    return [line for line in lines if not line.startswith(furniture)]


def _languages(node: Any, found: Counter[str]) -> None:
    node = node.get_object()
    if "/Lang" in node:
        found[str(node["/Lang"])] += 1
    kids = node.get("/K")
    if kids is None:
        return
    kids = kids.get_object()
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if hasattr(kid, "keys"):
            _languages(kid, found)


@pytest.mark.parametrize(("style", "name"), CASES)
def test_the_pdf_is_tagged_with_both_languages_and_embeds_only_liberation_sans(
    rendered: dict[tuple[str, str], dict[str, Any]], style: str, name: str
) -> None:
    from pypdf import PdfReader

    pdf = rendered[(style, name)]["pdf"]
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    main, other = LANGUAGES[style]
    assert root["/Lang"] == main
    found: Counter[str] = Counter()
    _languages(root["/StructTreeRoot"], found)
    assert found[other] > 10, f"{name}: spans in {other}: {found}"
    assert reader.metadata is not None
    assert (reader.metadata.title or "").endswith(": Ysgol Gynradd Cwm Enghraifft")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert row[0].split("+")[-1].startswith("LiberationSans"), row
        assert row[-5] == "yes", f"{name}: font {row[0]} is not embedded"


@pytest.mark.parametrize(("style", "name"), [c for c in CASES if c[1] in NAMES])
def test_the_english_half_starts_a_page_and_no_page_is_a_stray_line_or_ends_on_a_heading(
    rendered: dict[tuple[str, str], dict[str, Any]], style: str, name: str
) -> None:
    pages = [_body(p) for p in rendered[(style, name)]["pages"]]
    english = [i for i, lines in enumerate(pages) if any(x.startswith("Dear ") for x in lines)]
    assert len(english) == 1 and pages[english[0]][0].startswith("Dear "), name
    assert not any(
        x.startswith("Dear ") or x == "Yours sincerely," for p in pages[: english[0]] for x in p
    )
    for number, lines in enumerate(pages, start=1):
        assert len(lines) > 1, f"{name} ({style}) page {number} holds only {lines}"
        for heading in HEADINGS[name]:
            assert not lines[-1].startswith(heading), f"{name} page {number} ends on {heading!r}"


@pytest.mark.parametrize("style", STYLES)
def test_the_sign_offs_keep_name_role_and_council_together_in_each_language(
    rendered: dict[tuple[str, str], dict[str, Any]], style: str
) -> None:
    for name in NAMES:
        lines = [x for page in rendered[(style, name)]["pages"] for x in _body(page)]
        at = lines.index("Yn gywir,")
        assert lines[at + 1 : at + 4] == [
            "Dr Siân Roberts",
            "Cyfarwyddwr Addysg",
            "Ar ran Cyngor Sir Enghraifft",
        ], name
        at = lines.index("Yours sincerely,")
        assert lines[at + 1 : at + 4] == [
            "Dr Siân Roberts",
            "Director of Education",
            "For and on behalf of Example County Council",
        ], name
        for page in rendered[(style, name)]["pages"]:
            body = _body(page)
            assert body[0] not in ("Yn gywir,", "Yours sincerely,"), f"{name}: a bare sign-off"


@pytest.mark.parametrize("name", SIDE)
def test_side_by_side_puts_each_welsh_line_beside_its_english_on_whole_pages(
    rendered: dict[tuple[str, str], dict[str, Any]], name: str
) -> None:
    pages = [_body(p) for p in rendered[("enghraifft", name)]["pages"]]
    lines = [x for page in pages for x in page]
    assert any(x.startswith("Annwyl M") and "Dear M" in x for x in lines), name
    welsh = next(i for i, x in enumerate(lines) if x.startswith("Yn gywir,"))
    english = next(i for i, x in enumerate(lines) if x.endswith("Yours sincerely,"))
    assert abs(welsh - english) <= 2, "the two sign-offs are not side by side"
    assert any(x.startswith("Cymraeg") and x.endswith("English") for x in lines)
    for number, body in enumerate(pages, start=1):
        assert len(body) > 1, f"{name} page {number} holds only {body}"
    # the header row repeats on every page the table runs onto
    with_table = [p for p in pages if any("Cymraeg" in x and "English" in x for x in p)]
    assert len(with_table) == len(pages) - (0 if "Cymraeg" in " ".join(pages[0]) else 1)


def test_welsh_dates_and_greetings_read_as_a_welsh_reader_expects(
    rendered: dict[tuple[str, str], dict[str, Any]],
) -> None:
    notice = " ".join(
        " ".join(_body(p)) for p in rendered[("enghraifft", "warning-notice")]["pages"]
    )
    assert "Rhoddir yr hysbysiad ar 2 Mawrth 2015." in notice
    assert "ac yn dod i ben ar 22 Mai 2015" in notice
    assert "Annwyl Mr Price," in notice and "Dear Mr Price," in notice
    letter = " ".join(
        " ".join(_body(p)) for p in rendered[("enghraifft", "follow-up-letter")]["pages"]
    )
    assert "Rhaid anfon y cynllun erbyn 6 Mehefin 2023." in letter
    assert "Annwyl Mrs Morgan a Mr Price," in letter
    assert "Dyddiad / Date: 5 Mai 2023 / 5 May 2023" in letter


def test_every_document_has_page_images_to_look_at(
    rendered: dict[tuple[str, str], dict[str, Any]],
) -> None:
    assert len(rendered) == len(CASES)
    for found in rendered.values():
        assert list(found["pdf"].parent.glob(found["pdf"].stem + "-*.png"))
