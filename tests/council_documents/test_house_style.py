"""A council's house style restyles every template: styles, numbering, header and footer
(with its logo), margins; a bad house style is refused in one line with nothing written."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from improvement_kit.cli import main
from improvement_kit.documents import apply_house_style, load_house_style, render_bytes
from improvement_kit.documents.house_style import NEUTRAL, REQUIRED_STYLES, HouseStyle
from improvement_kit.errors import HouseStyleError
from improvement_kit.plugins import Plugins

from ..documents.conftest import all_text
from .conftest import NORTHMOOR, ROOT, TEMPLATE_IDS


def _member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_the_shipped_templates_are_built_on_the_neutral_house_style() -> None:
    neutral = NEUTRAL.read_bytes()
    for name in ("warning-notice", "plan-of-action"):
        data = (ROOT / "templates/england_maintained" / f"{name}.docx").read_bytes()
        assert _member(data, "word/styles.xml") == _member(neutral, "word/styles.xml")


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_every_template_renders_with_the_northmoor_style_its_styles_header_and_logo(
    plugins: Plugins,
    contexts: dict[str, Any],
    house_styles: dict[str, HouseStyle],
    template_id: str,
) -> None:
    spec = plugins.template(template_id)
    data = render_bytes(spec, contexts[template_id], house_style=house_styles["northmoor"])
    house = NORTHMOOR.read_bytes()
    assert _member(data, "word/styles.xml") == _member(house, "word/styles.xml")
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert "Exampleshire County Council" in header  # the house style's tags, rendered
    assert "Working together for Northmoor’s children" in header
    header_xml = section.header._element.xml
    assert 'descr="Northmoor Borough Council logo"' in header_xml
    assert section.header.part.related_parts  # the logo image travelled with the header
    assert round(section.top_margin.cm, 1) == 3.4
    landscape = template_id.endswith("plan-of-action")
    assert (section.page_width > section.page_height) is landscape
    assert round(max(section.page_width.cm, section.page_height.cm), 1) == 29.7
    text = all_text(data)
    assert "{{" not in text and "{%" not in text


def test_a_merge_is_made_once_per_template_and_style(
    plugins: Plugins, house_styles: dict[str, HouseStyle]
) -> None:
    template = plugins.template(TEMPLATE_IDS[0]).resource.read_bytes()
    first = apply_house_style(template, house_styles["northmoor"])
    assert apply_house_style(template, house_styles["northmoor"]) is first
    assert apply_house_style(template, house_styles["neutral"]) is not first


def _docx_with(tmp_path: Path, name: str, change: Any) -> Path:
    """A copy of the neutral style with its zip members changed by ``change(members)``."""
    with zipfile.ZipFile(io.BytesIO(NEUTRAL.read_bytes())) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    change(members)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def _without_table_text(members: dict[str, bytes]) -> None:
    members["word/styles.xml"] = re.sub(
        rb'<w:style [^>]*w:styleId="TableText".*?</w:style>',
        b"",
        members["word/styles.xml"],
        flags=re.S,
    )


def _with_macros(members: dict[str, bytes]) -> None:
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macros"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: _write(tmp / "style.docx", b"not a zip file"), "must be a Word .docx"),
        (
            lambda tmp: _docx_with(tmp, "style.docx", _without_table_text),
            "lacks the style 'Table Text'",
        ),
        (lambda tmp: _docx_with(tmp, "style.docx", _with_macros), "contains macros"),
        (lambda tmp: tmp / "absent.docx", "cannot be read"),
    ],
    ids=["not a docx", "missing a style", "macros", "no such file"],
)
def test_a_bad_house_style_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, message: str
) -> None:
    style = make(tmp_path)
    out = tmp_path / "out" / "notice.docx"
    out.parent.mkdir()
    status = main(
        [
            "render",
            "england-maintained:warning-notice",
            str(ROOT / "examples/demo/case.yaml"),
            "--data",
            str(ROOT / "examples/data/demo.yaml"),
            "-o",
            str(out),
            "--house-style",
            str(style),
        ]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert list(out.parent.iterdir()) == []
    with pytest.raises(HouseStyleError):
        load_house_style(style)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_required_styles_are_the_ones_the_templates_use() -> None:
    used: set[str] = set()
    for name in TEMPLATE_IDS:
        data = (ROOT / "templates/england_maintained" / f"{name.split(':')[1]}.docx").read_bytes()
        xml = _member(data, "word/document.xml").decode()
        used |= set(re.findall(r'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', xml))
    used.discard("Tag")  # paragraphs holding only {%p %} tags: removed when rendered
    assert used <= set(REQUIRED_STYLES)
    assert {"Heading1", "Heading2", "BodyText", "KitTable", "TableHeading"} <= used


def test_a_batch_renders_every_row_with_the_house_style_and_refuses_a_bad_one_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    shutil.copytree(ROOT / "examples" / "demo", tmp_path / "cases")
    cases = tmp_path / "cases"
    for extra in cases.iterdir():
        if extra.suffix != ".yaml":
            extra.unlink() if extra.is_file() else shutil.rmtree(extra)
    common = [
        "batch",
        "england-maintained:warning-notice",
        str(cases),
        "--data",
        str(ROOT / "examples/data/demo.yaml"),
        "--quiet",
        "--workers",
        "2",
    ]
    bad = _write(tmp_path / "bad.docx", b"not a zip file")
    status = main([*common, "-o", str(tmp_path / "refused"), "--house-style", str(bad)])
    assert status == 2 and not (tmp_path / "refused").exists()
    assert "must be a Word .docx" in capsys.readouterr().err
    status = main([*common, "-o", str(tmp_path / "out"), "--house-style", str(NORTHMOOR)])
    assert status == 0, capsys.readouterr().err
    written = sorted((tmp_path / "out").glob("*.docx"))
    assert written
    for path in written:
        data = path.read_bytes()
        assert _member(data, "word/styles.xml") == _member(
            NORTHMOOR.read_bytes(), "word/styles.xml"
        )
        assert (
            'descr="Northmoor Borough Council logo"'
            in docx.Document(io.BytesIO(data)).sections[0].header._element.xml
        )
