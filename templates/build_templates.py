"""Build the England maintained-school, academies and further education Word templates, the
Welsh bilingual templates and the house styles from code, so they are reproducible.

Run ``python templates/build_templates.py`` from the repository root; it rewrites
``templates/england_maintained/*.docx``, ``templates/england_academies/*.docx``,
``templates/england_fe/*.docx``, ``templates/wales_schools/*.docx``, the built-in neutral house
style (``src/improvement_kit/documents/house_styles/neutral.docx``), the fictional Welsh
council's (``house_styles/enghraifft.docx``) and the example council's
(``examples/plugins/northmoor/src/northmoor_closures/house-style.docx``). The committed .docx
files are the product: local authority staff may edit them in Word (keep each ``{{ tag }}``
typed in one go, then run ``improvement-kit templates check FILE``). Every tag sits in a single
run here, and every ``{%p ... %}`` / ``{%tr ... %}`` in a paragraph or table row of its own, as
docxtpl requires.

Every template is built on the neutral house style and uses its named paragraph, character
and table styles only (no direct formatting), so a council restyles every document by
supplying one house style (``render --house-style FILE``). The layout rules (keep headings
with the next paragraph, keep signature blocks together, widow and orphan control, repeat
table header rows, never split a table row) live in those styles and in each table's row
properties; column widths are fixed per table to fit their content.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import sys
import zlib
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "england_maintained"
NEUTRAL_OUT = ROOT / "src" / "improvement_kit" / "documents" / "house_styles" / "neutral.docx"
NORTHMOOR_OUT = (
    ROOT / "examples" / "plugins" / "northmoor" / "src" / "northmoor_closures" / "house-style.docx"
)
WALES_OUT = Path(__file__).resolve().parent / "wales_schools"
ENGHRAIFFT_OUT = ROOT / "src" / "improvement_kit" / "documents" / "house_styles" / "enghraifft.docx"
FIXED = dt.datetime(2026, 1, 1)

#: Text width of a portrait and a landscape A4 page with the house styles' 2.2 cm side margins.
PORTRAIT_WIDTH = 16.6
LANDSCAPE_WIDTH = 25.3


# --- house styles ------------------------------------------------------------------------------


def _drop_theme_fonts(rpr: Any) -> None:
    """Remove theme font references (they win over named fonts in Word and LibreOffice)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)


def _set_fonts(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    _drop_theme_fonts(rpr)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _set_lang(rpr: Any, lang: str) -> None:
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), lang)
    found.set(qn("w:eastAsia"), lang)
    found.set(qn("w:bidi"), "ar-SA")


def _paragraph_style(
    doc: Any,
    name: str,
    *,
    base: str = "Normal",
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    colour: RGBColor | None = None,
    align: Any = None,
    before: float | None = None,
    after: float | None = None,
    keep_next: bool | None = None,
    keep_lines: bool | None = None,
    left: float | None = None,
    hanging: float | None = None,
    font: str | None = None,
) -> Any:
    """A named paragraph style (created or adjusted): everything a paragraph looks like."""
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.quick_style = True
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if colour is not None:
        style.font.color.rgb = colour
    if font is not None:
        _set_fonts(style.element.get_or_add_rPr(), font)
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep_next is not None:
        fmt.keep_with_next = keep_next
    if keep_lines is not None:
        fmt.keep_together = keep_lines
    if left is not None:
        fmt.left_indent = Cm(left)
    if hanging is not None:
        fmt.first_line_indent = Cm(-hanging)
    return style


_TABLE_STYLE = """<w:style {ns} w:type="table" w:customStyle="1" w:styleId="KitTable">
  <w:name w:val="Kit Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>
  <w:rPr><w:sz w:val="20"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{shade}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol">
    <w:rPr><w:b/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{shade}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""


def _fix_bullets(doc: Any, font: str) -> None:
    """Bullets drawn with the body font ("•", "–") instead of Symbol / Wingdings glyphs, which
    a PDF would otherwise take from a substitute font."""
    numbering = doc.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        fmt = level.find(qn("w:numFmt"))
        if fmt is None or fmt.get(qn("w:val")) != "bullet":
            continue
        depth = int(level.get(qn("w:ilvl")))
        level.find(qn("w:lvlText")).set(qn("w:val"), "•" if depth % 2 == 0 else "–")
        rpr = level.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            level.append(rpr)
        for child in list(rpr):
            rpr.remove(child)
        _set_fonts(rpr, font)


def _png(
    width: int, height: int, colour: tuple[int, int, int], band: tuple[int, int, int]
) -> bytes:
    """A small PNG logo (a coloured block with a band), made without an imaging library."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            inside = height // 3 <= y < 2 * height // 3 and x > width // 5
            rows.extend(band if inside else colour)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A simple Word field (PAGE, NUMPAGES) in a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def house_style(
    *,
    name: str,
    font: str,
    heading_font: str,
    accent: RGBColor,
    shade: str,
    rule: str,
    logo: tuple[bytes, str] | None = None,
    header_lines: tuple[str, ...] = ("{{ authority.name }}",),
    top_margin: float = 2.0,
) -> Any:
    """A house style document: every named style the templates use, the fonts, margins,
    header and footer of one authority. Its body is only a sample line."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, not Letter
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = Cm(top_margin)
    section.bottom_margin = Cm(2.0)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults, font)
    _set_lang(defaults, "en-GB")
    normal = doc.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), font)
    _set_lang(normal.element.get_or_add_rPr(), "en-GB")
    normal.font.size = Pt(11)
    fmt = normal.paragraph_format
    fmt.space_after = Pt(6)
    fmt.widow_control = True
    for fonts in styles.iter(qn("w:rFonts")):  # every style, table styles' parts too
        _drop_theme_fonts(fonts.getparent())
    for level, size in ((1, 14), (2, 12), (3, 11)):
        _paragraph_style(
            doc,
            f"Heading {level}",
            size=size,
            bold=True,
            italic=False,
            colour=accent,
            before=12 if level > 1 else 6,
            after=6,
            keep_next=True,
            keep_lines=True,
            font=heading_font,
        )
    _paragraph_style(doc, "Title", size=16, bold=True, colour=accent, font=heading_font)
    title = doc.styles["Title"].paragraph_format
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.keep_with_next = True
    # Heading 1 is each document's title (one per document), centred
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph_style(
        doc,
        "Document Subtitle",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        keep_next=True,
        after=12,
    )
    _paragraph_style(doc, "Body Text", after=8)
    # the last paragraph(s) before a signature: the sign-off never starts a page of its own
    _paragraph_style(doc, "Closing Paragraph", base="Body Text", keep_next=True)
    _paragraph_style(doc, "Letterhead", align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
    _paragraph_style(doc, "Letterhead Name", base="Letterhead", bold=True)
    _paragraph_style(doc, "Address", after=0, keep_next=True, keep_lines=True)
    _paragraph_style(doc, "Reference Line", after=0)
    _paragraph_style(doc, "Salutation", before=12, after=8, keep_next=True)
    _paragraph_style(doc, "Closing", before=12, after=36, keep_next=True)
    _paragraph_style(doc, "Signature Name", bold=True, after=0, keep_next=True)
    _paragraph_style(doc, "Signature Title", after=0, keep_next=True)
    _paragraph_style(doc, "Signature Last", after=12, keep_next=False)
    _paragraph_style(doc, "Contact", after=0, keep_next=True)
    _paragraph_style(doc, "Label", bold=True, before=6, after=4, keep_next=True)
    _paragraph_style(doc, "List Bullet", after=4)
    _paragraph_style(doc, "Numbered Item", left=1.0, hanging=1.0, after=6)
    _paragraph_style(doc, "Table Text", size=10, before=0, after=0)
    _paragraph_style(doc, "Table Heading", base="Table Text", bold=True)
    _paragraph_style(doc, "Signature Space", base="Table Text", before=24, after=6)
    _paragraph_style(doc, "Table Text Small", base="Table Text", size=9)
    _paragraph_style(doc, "Table Heading Small", base="Table Text Small", bold=True)
    # a short table kept on one page: every row's text keeps with the next (Word's way)
    _paragraph_style(doc, "Table Text Kept", base="Table Text", keep_next=True)
    _paragraph_style(doc, "Table Heading Kept", base="Table Heading", keep_next=True)
    _paragraph_style(doc, "Header", size=10, bold=True, colour=accent)
    doc.styles["Header"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph_style(doc, "Footer", size=8, colour=RGBColor(0x40, 0x40, 0x40))
    _paragraph_style(doc, "Tag", size=2, after=0)  # holds only a {%p %} tag: removed on render
    styles.append(parse_xml(_TABLE_STYLE.format(ns=nsdecls("w"), rule=rule, shade=shade)))
    _fix_bullets(doc, font)
    header = section.header
    first = header.paragraphs[0]
    first.style = doc.styles["Header"]
    if logo is not None:
        data, description = logo
        run = first.add_run()
        shape = run.add_picture(io.BytesIO(data), height=Cm(1.2))
        doc_pr = shape._inline.find(qn("wp:docPr"))
        doc_pr.set("descr", description)
        doc_pr.set("title", description)
        first = header.add_paragraph(style="Header")
    first.add_run(header_lines[0])
    for line in header_lines[1:]:
        header.add_paragraph(line, style="Header")
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.add_run("Ref: {{ reference }} | {{ school.name }} | OFFICIAL – SENSITIVE | Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    doc.add_paragraph(f"{name}: the house style for documents made by improvement_kit.")
    _fixed_properties(doc, f"House style: {name}")
    return doc


def _fixed_properties(doc: Any, title: str) -> None:
    props = doc.core_properties
    props.title = title
    props.author = "improvement_kit"
    props.last_modified_by = "improvement_kit"
    props.language = "en-GB"
    props.created = FIXED
    props.modified = FIXED
    props.revision = 1
    props.comments = ""
    props.keywords = ""


def neutral_house_style() -> Any:
    """The built-in house style: Liberation Sans (metric-compatible with Arial), navy headings."""
    return house_style(
        name="Neutral",
        font="Liberation Sans",
        heading_font="Liberation Sans",
        accent=RGBColor(0x1F, 0x3A, 0x5F),
        shade="DCE3EC",
        rule="7F7F7F",
    )


def northmoor_house_style() -> Any:
    """The example council's style: Liberation Serif, green, a logo with alt text."""
    return house_style(
        name="Northmoor Borough Council",
        font="Liberation Serif",
        heading_font="Liberation Sans",
        accent=RGBColor(0x1E, 0x5B, 0x3A),
        shade="DDEBE2",
        rule="1E5B3A",
        logo=(
            _png(120, 40, (0x1E, 0x5B, 0x3A), (0xF2, 0xC1, 0x4E)),
            "Northmoor Borough Council logo",
        ),
        header_lines=("{{ authority.name }}", "Working together for Northmoor’s children"),
        top_margin=3.4,
    )


# --- building blocks ---------------------------------------------------------------------------


def new_document(title: str, *, landscape: bool = False) -> Any:
    """A document on the neutral house style (styles, margins, header and footer), body empty."""
    out = io.BytesIO()
    neutral_house_style().save(out)
    doc = Document(io.BytesIO(out.getvalue()))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    _fixed_properties(doc, title)
    return doc


def para(doc: Any, text: str = "", style: str = "Body Text") -> Any:
    """One paragraph of a named style with the text in a single run."""
    paragraph = doc.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    return paragraph


def heading(doc: Any, text: str, level: int) -> Any:
    return doc.add_paragraph(text, style=f"Heading {level}")


def mixed(doc: Any, *parts: tuple[str, bool], style: str = "Body Text") -> Any:
    """One paragraph of runs (text, strong); each part keeps its tags whole."""
    paragraph = doc.add_paragraph(style=style)
    for text, strong in parts:
        run = paragraph.add_run(text)
        if strong:
            run.style = doc.styles["Strong"]
    return paragraph


def tag(doc: Any, text: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag (``{%p ... %}``)."""
    doc.add_paragraph(style="Tag").add_run(text)


def bullets(doc: Any, expr: str, item: str = "{{ item }}", var: str = "item") -> None:
    """A bulleted list repeated over ``expr``."""
    tag(doc, f"{{%p for {var} in {expr} %}}")
    para(doc, item, style="List Bullet")
    tag(doc, "{%p endfor %}")


def numbered(doc: Any, expr: str, item: str = "{{ item }}", var: str = "item") -> None:
    """A list numbered (1), (2)... repeated over ``expr``."""
    tag(doc, f"{{%p for {var} in {expr} %}}")
    para(doc, "({{ loop.index }})\t" + item, style="Numbered Item")
    tag(doc, "{%p endfor %}")


def _row_properties(row: Any, *, header: bool = False) -> None:
    """Never split the row across pages; a header row repeats on every page (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _cell(cell: Any, text: str, style: str) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.add_run(text)


def _table(doc: Any, rows: int, widths: list[float], *, first_row: bool, first_col: bool) -> Any:
    table = doc.add_table(rows=rows, cols=len(widths))
    table.style = doc.styles["Kit Table"]
    table.autofit = False
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    for key in list(look.attrib):
        del look.attrib[key]
    look.set(qn("w:val"), f"{(0x20 if first_row else 0) | (0x80 if first_col else 0) | 0x400:04X}")
    look.set(qn("w:firstRow"), "1" if first_row else "0")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:firstColumn"), "1" if first_col else "0")
    look.set(qn("w:lastColumn"), "0")
    look.set(qn("w:noHBand"), "1")
    look.set(qn("w:noVBand"), "1")
    for index, width in enumerate(widths):
        table.columns[index].width = Cm(width)
    for row in table.rows:
        for index, width in enumerate(widths):
            row.cells[index].width = Cm(width)
    return table


def loop_table(
    doc: Any,
    headers: list[str],
    cells: list[str],
    loop: str,
    widths: list[float],
    small: bool = False,
    kept: bool = False,
) -> Any:
    """A data table: a header row (marked, repeated on each page) and one row per element
    (``{%tr for ... %}``); no row splits across pages."""
    text, head = (
        ("Table Text Small", "Table Heading Small") if small else ("Table Text", "Table Heading")
    )
    if kept:
        text, head = "Table Text Kept", "Table Heading Kept"
    table = _table(doc, 4, widths, first_row=True, first_col=False)
    for index, label in enumerate(headers):
        _cell(table.rows[0].cells[index], label, head)
    _cell(table.rows[1].cells[0], f"{{%tr for {loop} %}}", text)
    for index, value in enumerate(cells):
        _cell(table.rows[2].cells[index], value, text)
    _cell(table.rows[3].cells[0], "{%tr endfor %}", text)
    _row_properties(table.rows[0], header=True)
    for row in table.rows[1:]:
        _row_properties(row)
    return table


def field_table(
    doc: Any, rows: list[tuple[str, str]], widths: tuple[float, float] = (5.5, 11.1)
) -> Any:
    """A two-column table of labels (its first column, marked as headers) and values."""
    table = _table(doc, len(rows), list(widths), first_row=False, first_col=True)
    for index, (label, value) in enumerate(rows):
        _cell(table.rows[index].cells[0], label, "Table Heading")
        _cell(table.rows[index].cells[1], value, "Table Text")
        _row_properties(table.rows[index])
    return table


def letterhead(
    doc: Any, *, addressee: list[str], sender: str = "authority", officer: str = "officer"
) -> None:
    """The sender's address, the reference and date, and the addressee block."""
    para(doc, "{{ " + sender + ".department }}", style="Letterhead Name")
    para(doc, "{{ " + sender + ".address }}", style="Letterhead")
    tag(doc, "{%p if " + sender + ".telephone %}")
    para(doc, "Telephone: {{ " + sender + ".telephone }}", style="Letterhead")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if " + sender + ".email %}")
    para(doc, "Email: {{ " + sender + ".email }}", style="Letterhead")
    tag(doc, "{%p endif %}")
    para(doc, "", style="Reference Line")
    mixed(doc, ("Our reference: ", True), ("{{ reference }}", False), style="Reference Line")
    mixed(doc, ("Date: ", True), ("{{ date }}", False), style="Reference Line")
    # who to contact, where UK council letters put it (never alone on a last page)
    if officer:
        mixed(
            doc,
            ("Please ask for: ", True),
            ("{{ " + officer + ".name }}, {{ " + officer + ".title }}", False),
            style="Reference Line",
        )
        tag(doc, "{%p if " + officer + ".telephone %}")
        mixed(
            doc,
            ("Telephone: ", True),
            ("{{ " + officer + ".telephone }}", False),
            style="Reference Line",
        )
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if " + officer + ".email %}")
        mixed(
            doc, ("Email: ", True), ("{{ " + officer + ".email }}", False), style="Reference Line"
        )
        tag(doc, "{%p endif %}")
    para(doc, "", style="Reference Line")
    for line in addressee[:-1]:
        para(doc, line, style="Address")
    last = para(doc, addressee[-1], style="Address")
    del last


def salutation(doc: Any) -> None:
    para(doc, "Dear {{ salutation }},", style="Salutation")


def signature(
    doc: Any,
    closing: str = "Yours sincerely,",
    person: str = "signatory",
    on_behalf: bool = True,
    behalf_of: str = "{{ authority.name }}",
) -> None:
    """The closing, space to sign, name and title: kept together on one page, and with the
    letter's last paragraph (through any optional paragraphs just before it)."""
    after_endif = False
    for paragraph in reversed(doc.paragraphs):
        if paragraph.style.name == "Tag":
            after_endif = paragraph.text.strip() == "{%p endif %}"
            continue
        if paragraph.style.name != "Body Text":
            break
        paragraph.style = doc.styles["Closing Paragraph"]
        if not after_endif:
            break
    para(doc, closing, style="Closing")
    para(doc, "{{ " + person + ".name }}", style="Signature Name")
    if on_behalf:
        para(doc, "{{ " + person + ".title }}", style="Signature Title")
        para(doc, "For and on behalf of " + behalf_of, style="Signature Last")
    else:
        para(doc, "{{ " + person + ".title }}", style="Signature Last")


# --- the templates --------------------------------------------------------------------------

_GOVERNING_BODY = [
    "The Chair of the Governing Body",
    "{{ school.chair_of_governors }}",
    "{{ school.name }}",
    "{{ school.address }}",
]


def warning_notice() -> Any:
    doc = new_document("Performance standards and safety warning notice")
    letterhead(doc, addressee=_GOVERNING_BODY)
    para(doc, "PERFORMANCE STANDARDS AND SAFETY WARNING NOTICE", style="Heading 1")
    para(doc, "Section 60 of the Education and Inspections Act 2006", style="Document Subtitle")
    mixed(doc, ("School: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    salutation(doc)
    para(
        doc,
        "{{ authority.name }} (“the local authority”) gives this warning notice to the governing "
        "body of {{ school.name }} under section 60 of the Education and Inspections Act 2006 "
        "(“the 2006 Act”). The notice is given on {{ given_on }}.",
    )
    para(doc, "The local authority is satisfied that:")
    bullets(doc, "grounds", "{{ ground }}", var="ground")
    heading(doc, "1. The matters on which the local authority’s concerns are based", 2)
    para(
        doc,
        "The local authority’s concerns are based on the following matters, which are set out in "
        "detail with the facts and circumstances at the school that give rise to them:",
    )
    numbered(doc, "matters", "{{ matter }}", var="matter")
    heading(doc, "2. The action the governing body is required to take", 2)
    para(doc, "To address these concerns the governing body is required to:")
    numbered(doc, "action_required", "{{ action }}", var="action")
    heading(doc, "3. The compliance period", 2)
    tag(doc, "{%p if pre_2016 %}")
    para(
        doc,
        "The initial period of this notice begins with {{ given_on }}, the day on which the notice "
        "is given, and ends with {{ initial_period_end }}, the fifteenth working day following "
        "that "
        "day (section 60(1)(b) of the 2006 Act). The governing body must take the action required "
        "above by the end of the compliance period.",
    )
    heading(doc, "4. The governing body’s right to make representations", 2)
    para(
        doc,
        "Before the end of the initial period, that is by {{ representations_deadline }}, the "
        "governing body may make representations in writing to {{ chief_inspector }} against this "
        "warning notice, and must send a copy of any such representations to the local authority "
        "(section 60(5) and (7) of the 2006 Act). The Chief Inspector must consider any "
        "representations made and may, if the Chief Inspector thinks fit, confirm the notice. If "
        "no representations are made, the compliance period is the initial period; if the notice "
        "is confirmed, the compliance period ends with the fifteenth working day following the day "
        "of confirmation (section 60(10)).",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "The compliance period for the purposes of section 60(1)(c) of the 2006 Act begins with "
        "{{ given_on }}, the day on which this notice is given, and ends on "
        "{{ compliance_period_end }}. The governing body must comply with this notice, or secure "
        "compliance with it, to the local authority’s satisfaction by the end of the compliance "
        "period.",
    )
    tag(doc, "{%p endif %}")
    heading(
        doc,
        "{% if pre_2016 %}5{% else %}4{% endif %}. The action the local authority is "
        "minded to take",
        2,
    )
    para(
        doc,
        "If the governing body fails to take the required action by the end of the compliance "
        "period to the local authority’s satisfaction, the local authority is minded to take the "
        "following action under {{ powers_basis }}:",
    )
    bullets(doc, "minded_to_take", "{{ power }}", var="power")
    para(
        doc,
        "Before using any of these powers the local authority will give the governing body "
        "reasonable notice in writing that it proposes to do so. The governing body may also make "
        "a complaint to the Secretary of State under sections 496 and 497 of the Education Act "
        "1996.",
    )
    signature(doc)
    heading(doc, "Copies", 3)
    para(
        doc,
        "At the same time as it is given to the governing body, a copy of this notice is given to:",
    )
    bullets(doc, "copies", "{{ person }}", var="person")
    return doc


def tpc_warning_notice() -> Any:
    doc = new_document("Teachers’ pay and conditions warning notice")
    letterhead(doc, addressee=_GOVERNING_BODY)
    para(doc, "TEACHERS’ PAY AND CONDITIONS WARNING NOTICE", style="Heading 1")
    para(doc, "Section 60A of the Education and Inspections Act 2006", style="Document Subtitle")
    mixed(doc, ("School: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    salutation(doc)
    para(
        doc,
        "{{ authority.name }} (“the local authority”) gives this warning notice to the governing "
        "body of {{ school.name }} under section 60A of the Education and Inspections Act 2006 "
        "(“the 2006 Act”) on {{ given_on }}. The local authority is satisfied that the governing "
        "body has failed to comply, or to secure compliance, with a provision of an order under "
        "section 122 of the Education Act 2002 (the School Teachers’ Pay and Conditions Document) "
        "that applies to a teacher at the school.",
    )
    heading(doc, "1. The matters on which the local authority’s concerns are based", 2)
    numbered(doc, "matters", "{{ matter }}", var="matter")
    heading(doc, "2. The action the governing body is required to take", 2)
    numbered(doc, "action_required", "{{ action }}", var="action")
    heading(doc, "3. The compliance period", 2)
    tag(doc, "{%p if pre_2016 %}")
    para(
        doc,
        "The initial period of this notice begins with {{ given_on }} and ends with "
        "{{ initial_period_end }}, the fifteenth working day following that day (section "
        "60A(1)(b)). Before the end of the initial period, that is by "
        "{{ representations_deadline }}, the governing body may make representations in writing "
        "to the local authority against this notice (section 60A(7)). The local authority will "
        "consider any representations and may, if it thinks fit, confirm the notice; if it does, "
        "the compliance period ends with the fifteenth working day following the day of "
        "confirmation (section 60A(10)).",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "The compliance period for the purposes of section 60A(1)(c) begins with {{ given_on }} "
        "and ends on {{ compliance_period_end }}. The governing body must comply with this "
        "notice, or secure compliance with it, to the local authority’s satisfaction by the end "
        "of the compliance period.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "4. The action the local authority is minded to take", 2)
    para(
        doc,
        "If the governing body fails to comply by the end of the compliance period, the local "
        "authority is minded to take the following action under one or more of sections 64 to 66 "
        "of the 2006 Act:",
    )
    bullets(doc, "minded_to_take", "{{ power }}", var="power")
    para(
        doc,
        "Before using any of these powers the local authority will give the governing body "
        "reasonable notice in writing that it proposes to do so.",
    )
    signature(doc)
    heading(doc, "Copies", 3)
    para(doc, "A copy of this notice is given at the same time to:")
    bullets(doc, "copies", "{{ person }}", var="person")
    return doc


def causes_of_concern_letter() -> Any:
    doc = new_document("Letter confirming causes of concern")
    letterhead(
        doc,
        addressee=[
            "{{ school.head_teacher }}, Headteacher",
            "{{ school.chair_of_governors }}, Chair of the Governing Body",
            "{{ school.name }}",
            "{{ school.address }}",
        ],
    )
    salutation(doc)
    para(
        doc,
        "{{ school.name }}: confirmation of the agreed causes of concern",
        style="Heading 1",
    )
    para(
        doc,
        "Thank you for meeting the local authority on {{ meeting_date }}. This letter confirms, as "
        "agreed at that meeting, the causes of concern about the school, the action the school "
        "will take and how the local authority will support it to remove these concerns.",
    )
    heading(doc, "Causes of concern", 2)
    numbered(doc, "concerns", "{{ concern }}", var="concern")
    heading(doc, "Agreed next steps", 2)
    numbered(doc, "agreed_actions", "{{ action }}", var="action")
    heading(doc, "Support from the local authority", 2)
    bullets(doc, "support", "{{ offer }}", var="offer")
    tag(doc, "{%p if review_date %}")
    para(
        doc,
        "We will review progress together at a school progress review meeting on "
        "{{ review_date }}.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "Status of this letter", 2)
    para(
        doc,
        "This letter does not constitute a warning notice. However, as a form of early "
        "intervention, the local authority reserves its right to give a performance standards and "
        "safety warning notice under section 60 of the Education and Inspections Act 2006 in "
        "exceptional circumstances.",
    )
    signature(doc)
    return doc


def proposed_intervention_notice() -> Any:
    doc = new_document("Notice of proposed intervention")
    letterhead(doc, addressee=_GOVERNING_BODY)
    para(doc, "NOTICE OF PROPOSED INTERVENTION", style="Heading 1")
    para(
        doc,
        "Notice under {{ paragraph }} of the Education and Inspections Act 2006",
        style="Document Subtitle",
    )
    mixed(doc, ("School: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    salutation(doc)
    para(
        doc,
        "On {{ warning_notice_given_on }} {{ authority.name }} (“the local authority”) gave the "
        "governing body a {% if tpc %}teachers’ pay and conditions{% else %}performance "
        "standards and safety{% endif %} warning notice under {{ notice_section }} of the "
        "Education and Inspections Act 2006 (“the 2006 Act”). The compliance period of that "
        "notice ended on {{ compliance_period_end }}.",
    )
    tag(doc, "{%p if pre_2016 %}")
    para(
        doc,
        "The governing body either made no representations against the notice to "
        "{% if tpc %}the local authority{% else %}the Chief Inspector{% endif %} during the "
        "initial period, or the notice was confirmed ({{ notice_section }}(1)(c) of the 2006 "
        "Act, as it applies to notices given before 18 April 2016).",
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "The governing body has failed to comply, or to secure compliance, with the notice to the "
        "local authority’s satisfaction by the end of the compliance period. In particular:",
    )
    numbered(doc, "failures", "{{ failure }}", var="failure")
    heading(doc, "The powers the local authority proposes to use", 2)
    para(
        doc,
        "This letter is the reasonable notice in writing required by {{ paragraph }} of the 2006 "
        "Act that the local authority proposes to exercise the following powers:",
    )
    bullets(doc, "powers", "{{ power }}", var="power")
    para(
        doc,
        "The local authority proposes to exercise these powers on or after {{ proposed_from }}.",
    )
    tag(doc, "{%p if response_by %}")
    para(
        doc,
        "If the governing body wishes the local authority to take anything further into account "
        "before then, please write to {{ officer.name }} (details above) by {{ response_by }}.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if power_window_end %}")
    para(
        doc,
        "The power to appoint additional governors is exercisable only within the two months "
        "following the end of the compliance period, that is until {{ power_window_end }}.",
    )
    tag(doc, "{%p endif %}")
    signature(doc)
    return doc


def statement_of_action() -> Any:
    doc = new_document("Statement of action")
    para(doc, "{{ school.name }}", style="Title")
    para(doc, "The Authority’s Statement of Action", style="Heading 1")
    para(
        doc,
        "(as required by Ofsted: section 15 of the Education Act 2005)",
        style="Document Subtitle",
    )
    field_table(
        doc,
        [
            ("School", "{{ school.name }} (URN {{ school.urn }})"),
            ("Category", "{{ category }}"),
            ("Inspection", "{{ inspection_dates }}"),
            ("Final report received", "{{ report_received }}"),
            ("Statement due to Ofsted by", "{{ due }}"),
            ("Local authority", "{{ authority.name }}"),
        ],
    )
    heading(doc, "1. Scope for closure or federation", 2)
    loop_table(
        doc,
        [
            "School",
            "Net capacity",
            "{{ year_labels[0] }}",
            "{{ year_labels[1] }}",
            "{{ year_labels[2] }}",
        ],
        [
            "{{ row.school }}",
            "{{ row.net_capacity }}",
            "{{ row.current }}",
            "{{ row.next }}",
            "{{ row.following }}",
        ],
        "row in school_capacity",
        [5.4, 3.4, 2.6, 2.6, 2.6],
    )
    para(
        doc,
        "The projections are based on the number of children living in the normal area of the "
        "school and an analysis of three-year rolling trends. The available accommodation and "
        "pupil population of other schools in the locality and bordering on the school’s normal "
        "area are listed below.",
    )
    loop_table(
        doc,
        [
            "School",
            "Available accommodation",
            "{{ year_labels[0] }}",
            "{{ year_labels[1] }}",
            "{{ year_labels[2] }}",
        ],
        [
            "{{ other.school }}",
            "{{ other.net_capacity }}",
            "{{ other.current }}",
            "{{ other.next }}",
            "{{ other.following }}",
        ],
        "other in other_schools",
        [5.4, 3.4, 2.6, 2.6, 2.6],
    )
    heading(doc, "Local authority commentary on the above data", 3)
    para(doc, "{{ capacity_commentary }}")
    heading(doc, "2. Target for removal from the category of concern", 2)
    para(
        doc,
        "It is the intention of the local authority to secure the school’s removal from the "
        "category of concern ({{ category | lower }}) within a maximum of {{ target_months }} "
        "months. The target date for removal is therefore {{ target_date }}.",
    )
    heading(doc, "3. Local authority action", 2)
    heading(doc, "Action taken by the local authority before the inspection", 3)
    bullets(doc, "action_before", "{{ step }}", var="step")
    heading(doc, "Action taken by the local authority following the inspection", 3)
    bullets(doc, "action_after", "{{ step }}", var="step")
    heading(doc, "Arrangements to consult with and involve parents", 3)
    bullets(doc, "parents", "{{ step }}", var="step")
    heading(doc, "4. Support from the local authority and partners", 2)
    heading(doc, "Availability of local authority resources", 3)
    bullets(doc, "resources", "{{ entry }}", var="entry")
    heading(doc, "Involvement of partners", 3)
    bullets(doc, "partners", "{{ entry }}", var="entry")
    heading(
        doc,
        "Support priorities, including action to build the leadership and management "
        "capacity of the school",
        3,
    )
    bullets(doc, "priorities", "{{ entry }}", var="entry")
    para(
        doc,
        "Full details of all the support offered by the local authority, including quantified "
        "success criteria by which its success may be judged, are set out in the attached local "
        "authority plan of action.",
    )
    heading(doc, "5. Use of local authority powers", 2)
    tag(doc, "{%p if powers %}")
    para(doc, "The local authority will use the following additional powers:")
    bullets(doc, "powers", "{{ power }}", var="power")
    tag(doc, "{%p else %}")
    para(
        doc,
        "The local authority does not propose to use its additional powers at present, for "
        "these reasons:",
    )
    para(doc, "{{ powers_not_used }}")
    tag(doc, "{%p endif %}")
    heading(doc, "Signed", 2)
    table = field_table(
        doc,
        [
            ("Name of senior adviser", "{{ senior_adviser.name }}, {{ senior_adviser.title }}"),
            ("Signature", ""),
            ("Date", "{{ date }}"),
        ],
    )
    _cell(table.rows[1].cells[1], "", "Signature Space")
    return doc


def plan_of_action() -> Any:
    doc = new_document("Local authority plan of action", landscape=True)
    para(doc, "{{ school.name }}", style="Title")
    para(doc, "Local Authority Plan of Action", style="Heading 1")
    para(doc, "{{ category }} – plan dated {{ date }}", style="Document Subtitle")
    tag(doc, "{%p for issue in key_issues %}")
    heading(doc, "Key issue {{ issue.number }}: {{ issue.title }}", 2)
    para(doc, "Source: {{ issue.source }}", style="Label")
    table = _table(doc, 2, [12.65, 12.65], first_row=True, first_col=False)
    _cell(
        table.rows[0].cells[0],
        "Success criteria: the intended outcomes – how success will be "
        "recognised (quantitative and qualitative)",
        "Table Heading",
    )
    _cell(
        table.rows[0].cells[1],
        "Evaluation: date and strategy for each success criterion",
        "Table Heading",
    )
    _cell(
        table.rows[1].cells[0],
        "{% for c in issue.success_criteria %}• {{ c }} {% endfor %}",
        "Table Text",
    )
    _cell(
        table.rows[1].cells[1],
        "{% for e in issue.evaluation %}• {{ e }} {% endfor %}",
        "Table Text",
    )
    _row_properties(table.rows[0], header=True)
    _row_properties(table.rows[1])
    para(doc, "Actions for key issue {{ issue.number }}", style="Label")
    loop_table(
        doc,
        [
            "Actions",
            "Lead person",
            "School action plan reference",
            "Performance milestones",
            "Monitored by",
            "Monitoring strategy",
            "Resources / finance / CPD",
        ],
        [
            "{{ a.action }}",
            "{{ a.lead }}",
            "{{ a.school_plan_ref }}",
            "{{ a.milestones }}",
            "{{ a.monitored_by }}",
            "{{ a.monitoring_strategy }}",
            "{{ a.resources }}",
        ],
        "a in issue.actions",
        [5.6, 3.0, 2.4, 4.2, 2.9, 4.0, 3.2],
        small=True,
    )
    tag(doc, "{%p endfor %}")
    heading(doc, "Summary finance plan", 2)
    table = loop_table(
        doc,
        ["Source", "KI 1", "KI 2", "KI 3", "KI 4", "KI 5", "Totals"],
        [
            "{{ f.source }}",
            "{{ f.amounts[0] }}",
            "{{ f.amounts[1] }}",
            "{{ f.amounts[2] }}",
            "{{ f.amounts[3] }}",
            "{{ f.amounts[4] }}",
            "{{ f.total }}",
        ],
        "f in finance",
        [6.3, 3.0, 3.0, 3.0, 3.0, 3.0, 4.0],
        kept=True,
    )
    totals = table.add_row()
    _row_properties(totals)
    for index, text in enumerate(
        [
            "{{ finance_totals.source }}",
            "{{ finance_totals.amounts[0] }}",
            "{{ finance_totals.amounts[1] }}",
            "{{ finance_totals.amounts[2] }}",
            "{{ finance_totals.amounts[3] }}",
            "{{ finance_totals.amounts[4] }}",
            "{{ finance_totals.total }}",
        ]
    ):
        _cell(totals.cells[index], text, "Table Heading")
    heading(doc, "Prepared by", 2)
    para(doc, "{{ senior_adviser.name }}, {{ senior_adviser.title }}", style="Signature Name")
    para(doc, "{{ authority.name }}", style="Signature Last")
    return doc


def progress_review() -> Any:
    doc = new_document("School progress review")
    para(doc, "SCHOOL PROGRESS REVIEW – SCHOOLS CAUSING CONCERN", style="Heading 1")
    para(doc, "Record of the meeting held on {{ date }}", style="Document Subtitle")
    field_table(
        doc,
        [
            ("Status", "{{ status }}"),
            ("School", "{{ school.name }}"),
            ("DfE number", "{{ school.dfe_number }}"),
            ("Headteacher", "{{ school.head_teacher }}"),
            ("Chair of governors", "{{ school.chair_of_governors }}"),
            ("Date registered", "{{ date_registered }}"),
            ("Date removed from the list", "{{ date_removed | default('Not yet removed') }}"),
            ("Support team", "{{ support_team | join('; ') }}"),
        ],
    )
    heading(doc, "Attendance", 2)
    field_table(
        doc,
        [
            ("Present", "{{ present | join('; ') }}"),
            ("Apologies", "{{ apologies | join('; ') }}"),
            ("Pupil attendance", "{{ pupil_attendance | default('Not reported') }}"),
        ],
    )
    heading(doc, "Last inspection", 2)
    field_table(
        doc,
        [
            ("Date", "{{ last_inspection }}"),
            ("Overall outcome", "{{ last_outcome }}"),
            ("Areas for development", "{{ areas_for_development | join('; ') }}"),
        ],
    )
    heading(doc, "Key issues for action", 2)
    tag(doc, "{%p for issue in issues %}")
    heading(doc, "Progress with key issue {{ issue.number }}: {{ issue.title }}", 3)
    para(
        doc,
        "Record of actions which should have taken place by this date, and additional actions:",
        style="Label",
    )
    para(doc, "{{ issue.actions_record }}")
    para(doc, "Impact of actions in meeting the success criteria:", style="Label")
    para(doc, "{{ issue.impact }}")
    loop_table(
        doc,
        ["Success criterion", "Met", "Partially met", "Not met"],
        ["{{ c.criterion }}", "{{ c.met }}", "{{ c.partially_met }}", "{{ c.not_met }}"],
        "c in issue.criteria",
        [10.0, 2.2, 2.2, 2.2],
    )
    tag(doc, "{%p endfor %}")
    heading(doc, "School’s own targets", 2)
    loop_table(
        doc,
        ["Measure", "Target", "Current", "On track?"],
        ["{{ t.measure }}", "{{ t.target }}", "{{ t.current }}", "{{ t.on_track }}"],
        "t in targets",
        [7.6, 3.0, 3.0, 3.0],
    )
    heading(doc, "Summary and evaluation", 2)
    para(doc, "{{ summary }}")
    tag(doc, "{%p if other_business %}")
    heading(doc, "Any other business", 2)
    para(doc, "{{ other_business }}")
    tag(doc, "{%p endif %}")
    mixed(doc, ("Date and time of next meeting: ", True), ("{{ next_meeting }}", False))
    heading(doc, "Next steps", 2)
    loop_table(
        doc,
        [
            "Key issue",
            "Actions",
            "Person responsible",
            "Target date",
            "Monitored by",
            "Method of monitoring",
            "Resources / finance / CPD",
        ],
        [
            "{{ s.key_issue }}",
            "{{ s.action }}",
            "{{ s.person }}",
            "{{ s.target_date }}",
            "{{ s.monitored_by }}",
            "{{ s.method }}",
            "{{ s.resources }}",
        ],
        "s in next_steps",
        [1.3, 4.0, 2.4, 2.5, 2.1, 2.1, 2.2],
        small=True,
    )
    heading(doc, "Recorded by", 2)
    para(doc, "{{ recorded_by.name }}, {{ recorded_by.title }}", style="Signature Name")
    para(doc, "{{ authority.name }}", style="Signature Last")
    return doc


def removal_letter() -> Any:
    doc = new_document("Removal from the schools causing concern list")
    letterhead(
        doc,
        addressee=[
            "{{ school.head_teacher }}, Headteacher",
            "{{ school.chair_of_governors }}, Chair of the Governing Body",
            "{{ school.name }}",
            "{{ school.address }}",
        ],
    )
    salutation(doc)
    para(
        doc,
        "{{ school.name }}: removal from the schools causing concern list",
        style="Heading 1",
    )
    tag(doc, "{%p if category %}")
    para(
        doc,
        "I am delighted to confirm that the school is no longer in the Ofsted category of "
        "concern ({{ category }}){% if inspection_dates %}, following the inspection of "
        "{{ inspection_dates }}{% endif %}, and that, with effect from {{ removed_on }}, it has "
        "been removed from the local authority’s list of schools causing concern.",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "I am delighted to confirm that, with effect from {{ removed_on }}, the school has been "
        "removed from the local authority’s list of schools causing concern.",
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "This is a tribute to the hard work of pupils, staff and governors, and I would be "
        "grateful if you would pass on the authority’s thanks to everyone involved.",
    )
    heading(doc, "Exit arrangements", 2)
    para(
        doc,
        "To make sure that the improvements are sustained, the local authority will provide "
        "lighter-touch monitoring for {{ monitoring_months }} months, until "
        "{{ monitoring_until }}. During this period:",
    )
    bullets(doc, "exit_arrangements", "{{ arrangement }}", var="arrangement")
    para(
        doc,
        "Any issues arising from the final evaluation or the inspection report should be "
        "addressed before the next inspection. The school will continue to receive its "
        "entitlement to support through the annual school improvement review.",
    )
    signature(doc)
    return doc


TEMPLATES = {
    "warning-notice": warning_notice,
    "tpc-warning-notice": tpc_warning_notice,
    "causes-of-concern-letter": causes_of_concern_letter,
    "proposed-intervention-notice": proposed_intervention_notice,
    "statement-of-action": statement_of_action,
    "plan-of-action": plan_of_action,
    "progress-review": progress_review,
    "removal-letter": removal_letter,
}


# --- academies (england_academies) -----------------------------------------------------------

ACADEMIES_OUT = Path(__file__).resolve().parent / "england_academies"
FE_OUT = Path(__file__).resolve().parent / "england_fe"

_ACADEMY_GOVERNING_BODY = [
    "The Chair of the Governing Body",
    "{{ school.chair_of_governors }}",
    "{{ school.name }}",
    "{{ school.address }}",
]
_ACADEMY_TRUST = [
    "The Chair of the Board of Trustees",
    "{{ school.trust }}",
    "{{ school.address }}",
]
_SECRETARY_OF_STATE = "the Secretary of State for Education"


def letter_of_concern() -> Any:
    doc = new_document("Letter of Concern")
    letterhead(doc, addressee=_ACADEMY_GOVERNING_BODY, sender="authority")
    salutation(doc)
    para(doc, "Letter of Concern: {{ school.name }}", style="Heading 1")
    para(
        doc,
        "I am writing on behalf of {{ authority.name }} to set out the local authority’s "
        "significant concerns about {{ school.name }} (URN {{ school.urn }}), an academy of "
        "{{ school.trust }}. The local authority has discussed these concerns with the academy "
        "and now confirms them in writing, as its procedure for academies causing concern "
        "provides.",
    )
    para(doc, "The local authority is satisfied that:")
    bullets(doc, "grounds", "{{ ground }}", var="ground")
    heading(doc, "The matters on which our concerns are based", 2)
    para(
        doc,
        "The matters are set out below, each with the facts in the academy and the circumstances "
        "that give the local authority cause for concern.",
    )
    tag(doc, "{%p for m in matters %}")
    para(doc, "{{ loop.index }}. {{ m.matter }}", style="Heading 3")
    tag(doc, "{%p for fact in m.facts %}")
    para(doc, "{{ fact }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    heading(doc, "Your response", 2)
    tag(doc, "{%p if response_by %}")
    para(
        doc,
        "Please send the local authority the academy’s response, setting out the action it "
        "intends to take to address these concerns, by {{ response_by }}.",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "Please send the local authority the academy’s response, setting out the action it "
        "intends to take to address these concerns.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "Status of this letter", 2)
    para(
        doc,
        "This letter is written under the local authority’s own procedure for academies causing "
        "concern. It is not a statutory notice: an academy is accountable to the Secretary of "
        "State through its funding agreement, and the local authority has no power to require "
        "action of it.",
    )
    heading(doc, "If the concerns are not resolved", 2)
    para(
        doc,
        "If the concerns persist, or are so serious that they cannot be resolved locally, the "
        "local authority may make representations to the board of {{ school.trust }}, to "
        "{{ funding_body }}, to Ofsted or, in the final resort, to the Secretary of State.",
    )
    signature(doc, behalf_of="{{ authority.name }}")
    tag(doc, "{%p if copies %}")
    para(doc, "Copies to:", style="Label")
    bullets(doc, "copies", "{{ copy }}", var="copy")
    tag(doc, "{%p endif %}")
    return doc


def termination_warning_notice() -> Any:
    doc = new_document("Termination warning notice")
    letterhead(doc, addressee=_ACADEMY_TRUST, sender="authority")
    para(doc, "TERMINATION WARNING NOTICE", style="Heading 1")
    tag(doc, "{%p if statutory %}")
    para(
        doc,
        "Given under the funding agreement as section 2B of the Academies Act 2010 requires",
        style="Document Subtitle",
    )
    tag(doc, "{%p else %}")
    para(doc, "Given under the funding agreement", style="Document Subtitle")
    tag(doc, "{%p endif %}")
    mixed(doc, ("Academy: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    mixed(doc, ("Proprietor: ", True), ("{{ school.trust }}", False))
    salutation(doc)
    tag(doc, "{%p if statutory and coasting_notified_on %}")
    para(
        doc,
        "On {{ coasting_notified_on }} the Secretary of State notified {{ school.trust }} (“the "
        "trust”) that {{ school.name }} is coasting (section 2B(1)(b) of the Academies Act "
        "2010). Before terminating the funding agreement on that ground the Secretary of State "
        "must give the trust a termination warning notice (section 2B(2)). This is that notice, "
        "given on {{ date }}.",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "The Secretary of State gives {{ school.trust }} (“the trust”) this termination warning "
        "notice on {{ date }}{% if agreement_clause %} under {{ agreement_clause }}{% endif %}.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "1. Reasons for this notice", 2)
    numbered(doc, "reasons", "{{ reason }}", var="reason")
    heading(doc, "2. The action the trust must take, and by when", 2)
    para(
        doc,
        "The trust must take the following action to improve the academy by {{ action_by }}:",
    )
    numbered(doc, "actions", "{{ action }}", var="action")
    heading(doc, "3. The trust’s response, and by when", 2)
    para(
        doc,
        "The trust must respond to the Secretary of State by {{ respond_by }}, either by making "
        "representations about this notice or by agreeing to take the action set out above.",
    )
    heading(doc, "4. What happens if the trust does not comply", 2)
    tag(doc, "{%p if statutory and coasting_notified_on %}")
    para(
        doc,
        "The power to terminate the funding agreement on the ground that the academy is coasting "
        "is available only if the trust fails to comply with this notice, whether by failing to "
        "take the specified action, or to respond, on time (section 2B(4)). Each failure is "
        "enough on its own. The earliest day on which the power could be available is "
        "{{ power_from }}, the day after the earlier of the two dates above.",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "If the trust does not comply with this notice, the Secretary of State may take the "
        "further steps the funding agreement provides{% if agreement_clause %} "
        "({{ agreement_clause }}){% endif %}, which may lead to its termination.",
    )
    tag(doc, "{%p endif %}")
    signature(doc, behalf_of=_SECRETARY_OF_STATE)
    return doc


def coasting_notice() -> Any:
    doc = new_document("Notice that an academy is coasting")
    letterhead(doc, addressee=_ACADEMY_TRUST, sender="authority")
    para(doc, "NOTICE THAT THE ACADEMY IS COASTING", style="Heading 1")
    para(doc, "Section 2B(1)(b) of the Academies Act 2010", style="Document Subtitle")
    mixed(doc, ("Academy: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    salutation(doc)
    para(
        doc,
        "I am writing on behalf of the Secretary of State to notify {{ school.trust }}, the "
        "proprietor of {{ school.name }}, that the academy is coasting. This is the "
        "notification referred to in section 2B(1)(b) of the Academies Act 2010, given on "
        "{{ date }}.",
    )
    heading(doc, "Why the academy is coasting", 2)
    bullets(doc, "evidence", "{{ fact }}", var="fact")
    heading(doc, "What happens next", 2)
    para(
        doc,
        "This notification does not by itself end the funding agreement. Before terminating the "
        "agreement on the ground that the academy is coasting, the Secretary of State must give "
        "the trust a termination warning notice (section 2B(2)). Such a notice requires the "
        "trust to take specified action to improve the academy by a specified date, and to "
        "respond by making representations, or by agreeing to take that action, by a specified "
        "date (section 2B(3)).",
    )
    tag(doc, "{%p if next_steps %}")
    bullets(doc, "next_steps", "{{ step }}", var="step")
    tag(doc, "{%p endif %}")
    signature(doc, behalf_of=_SECRETARY_OF_STATE)
    return doc


# --- further education (england_fe) ------------------------------------------------------------


def reporting_letter() -> Any:
    doc = new_document("Support and challenge visit: reporting letter")
    para(doc, "NOT FOR PUBLICATION", style="Document Subtitle")
    letterhead(
        doc,
        addressee=[
            "{{ school.principal }}, Principal",
            "{{ school.name }}",
            "{{ school.address }}",
        ],
        officer="",
    )
    salutation(doc)
    para(doc, "Support and challenge visit to {{ school.name }}", style="Heading 1")
    para(
        doc,
        "Thank you for the visit on {{ visit_date }}. As the improvement HMI for "
        "{{ school.name }} (URN {{ school.urn }}), I confirm in this letter the actions and "
        "timescales, and the further arrangements, that we discussed and agreed at the visit.",
    )
    tag(doc, "{%p if inspection_end and report_published %}")
    para(
        doc,
        "The visit followed the inspection that ended on {{ inspection_end }}, whose report, "
        "published on {{ report_published }}, judged the provider to require improvement.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "Priority actions and timescales", 2)
    loop_table(
        doc,
        ["Action", "By", "Lead"],
        ["{{ a.action }}", "{{ a.by or '' }}", "{{ a.lead or '' }}"],
        "a in actions",
        [9.1, 3.6, 3.9],
    )
    tag(doc, "{%p if support %}")
    heading(doc, "Support and challenge agreed", 2)
    bullets(doc, "support", "{{ offer }}", var="offer")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if arrangements %}")
    heading(doc, "Further arrangements", 2)
    bullets(doc, "arrangements", "{{ step }}", var="step")
    tag(doc, "{%p endif %}")
    heading(doc, "Re-inspection", 2)
    tag(doc, "{%p if reinspection_from and reinspection_to %}")
    para(
        doc,
        "The provider will be inspected again, normally between {{ reinspection_from }} and "
        "{{ reinspection_to }}. I may ask for that inspection to be brought forward; the "
        "provider would then receive two working days’ notice of it.",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "I may ask for the next inspection to be brought forward; the provider would then "
        "receive two working days’ notice of it.",
    )
    tag(doc, "{%p endif %}")
    heading(doc, "About this letter", 2)
    para(
        doc,
        "This letter will not be published on Ofsted’s website. Where I have concerns about poor "
        "progress, the letter and relevant information from the visit may be shared with the "
        "funding bodies.",
    )
    tag(doc, "{%p if poor_progress %}")
    para(
        doc,
        "I judged at this visit that the provider is not making sufficient progress, and the "
        "funding bodies may be notified.",
    )
    tag(doc, "{%p endif %}")
    signature(doc, person="hmi", on_behalf=False)
    return doc


def notice_of_concern_summary() -> Any:
    doc = new_document("Notice of concern: summary for the governing body")
    para(doc, "{{ school.name }} (URN {{ school.urn }})", style="Title")
    para(doc, "Notice of concern: summary for the governing body", style="Document Subtitle")
    field_table(
        doc,
        [
            ("Meeting", "{{ meeting }}"),
            ("Principal", "{{ school.principal }}"),
            ("Notice given by", "{{ given_by }}"),
            ("Notice dated", "{{ notice_date }}"),
            ("Requirements due by", "{{ compliance_due }}"),
            ("Last full inspection ended", "{{ inspection_end or 'not recorded' }}"),
            ("Re-inspection expected by", "{{ reinspection_by or 'not computed' }}"),
        ],
    )
    heading(doc, "Why the notice was given", 2)
    bullets(doc, "grounds", "{{ ground }}", var="ground")
    heading(doc, "What the notice requires, and where each requirement stands", 2)
    loop_table(
        doc,
        ["Requirement", "Lead", "Status"],
        ["{{ r.requirement }}", "{{ r.lead }}", "{{ r.status }}"],
        "r in requirements",
        [8.6, 4.0, 4.0],
    )
    heading(doc, "What the governing body is asked to do", 2)
    para(
        doc,
        "Note the notice and its dates, agree the leads above, and ask for a report on each "
        "requirement at every meeting until the funding body confirms that the notice has been "
        "met. The dates are those the notice states: no statute fixes them.",
    )
    tag(doc, "{%p if prepared_by %}")
    mixed(doc, ("Prepared by: ", True), ("{{ prepared_by.name }}, {{ prepared_by.title }}", False))
    tag(doc, "{%p endif %}")
    return doc


ACADEMY_TEMPLATES = {
    "letter-of-concern": letter_of_concern,
    "termination-warning-notice": termination_warning_notice,
    "coasting-notice": coasting_notice,
}
FE_TEMPLATES = {
    "reporting-letter": reporting_letter,
    "notice-of-concern-summary": notice_of_concern_summary,
}


# --- Wales: bilingual templates (Welsh first) and the Welsh council's house style ----------------
#
# Every run carries its language (w:lang cy-GB or en-GB): the language of a run is not
# formatting, and it must survive any house style (whose styles.xml replaces the template's),
# so screen readers and the tagged PDF read each half in its own language. The Welsh half
# comes first (Welsh Language Standards: Welsh not treated less favourably); the English half
# starts on a new page. Text is stored as whole phrases (Welsh mutations are never made by
# joining words in code).

CY, EN = "cy-GB", "en-GB"


def _lang(run: Any, lang: str) -> Any:
    """Mark a run's language (and its complex-script language) without formatting it."""
    rpr = run._r.get_or_add_rPr()
    found = rpr.find(qn("w:lang"))
    if found is None:
        found = OxmlElement("w:lang")
        rpr.append(found)
    found.set(qn("w:val"), lang)
    return run


def lpara(doc: Any, text: str, lang: str, style: str = "Body Text") -> Any:
    """One paragraph of a named style, its text in one run in ``lang``."""
    paragraph = doc.add_paragraph(style=style)
    if text:
        _lang(paragraph.add_run(text), lang)
    return paragraph


def lmixed(doc: Any, *parts: tuple[str, str, bool], style: str = "Body Text") -> Any:
    """One paragraph of runs ``(text, lang, strong)``."""
    paragraph = doc.add_paragraph(style=style)
    for text, lang, strong in parts:
        run = _lang(paragraph.add_run(text), lang)
        if strong:
            run.style = "Strong"
    return paragraph


def both(doc: Any, cy: str, en: str, style: str, sep: str = " / ") -> Any:
    """A paragraph saying the same in Welsh then English (titles and labels)."""
    return lmixed(doc, (cy, CY, False), (sep + en, EN, False), style=style)


def lbullets(doc: Any, expr: str, item: str, var: str, lang: str) -> None:
    tag(doc, f"{{%p for {var} in {expr} %}}")
    lpara(doc, item, lang, style="List Bullet")
    tag(doc, "{%p endfor %}")


def lnumbered(doc: Any, expr: str, item: str, var: str, lang: str) -> None:
    tag(doc, f"{{%p for {var} in {expr} %}}")
    lpara(doc, "({{ loop.index }})\t" + item, lang, style="Numbered Item")
    tag(doc, "{%p endfor %}")


def welsh_letterhead(doc: Any, addressee: list[tuple[str, str, str | None]]) -> None:
    """The council's department and address, the bilingual reference lines and the
    addressee block (``(text, lang, condition)`` lines; a line with a condition is left out
    when it is false)."""
    tag(doc, "{%p if council.department %}")
    both(doc, "{{ council.department.cy }}", "{{ council.department.en }}", "Letterhead Name")
    tag(doc, "{%p endif %}")
    lpara(doc, "{{ council.address }}", CY, style="Letterhead")
    tag(doc, "{%p if council.telephone %}")
    lmixed(
        doc,
        ("Ffôn", CY, False),
        (" / Telephone: ", EN, False),
        ("{{ council.telephone }}", CY, False),
        style="Letterhead",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if council.email %}")
    lmixed(
        doc,
        ("E-bost", CY, False),
        (" / Email: ", EN, False),
        ("{{ council.email }}", CY, False),
        style="Letterhead",
    )
    tag(doc, "{%p endif %}")
    lpara(doc, "", CY, style="Reference Line")
    lmixed(
        doc,
        ("Ein cyf.", CY, True),
        (" / Our ref.: ", EN, True),
        ("{{ reference }}", CY, False),
        style="Reference Line",
    )
    lmixed(
        doc,
        ("Dyddiad", CY, True),
        (" / Date: ", EN, True),
        ("{{ date.cy }}", CY, False),
        (" / {{ date.en }}", EN, False),
        style="Reference Line",
    )
    lmixed(
        doc,
        ("Gofynnwch am", CY, True),
        (" / Please ask for: ", EN, True),
        ("{{ officer.name }}, {{ officer.title.cy }}", CY, False),
        (" / {{ officer.title.en }}", EN, False),
        style="Reference Line",
    )
    tag(doc, "{%p if officer.telephone %}")
    lmixed(
        doc,
        ("Ffôn", CY, True),
        (" / Telephone: ", EN, True),
        ("{{ officer.telephone }}", CY, False),
        style="Reference Line",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if officer.email %}")
    lmixed(
        doc,
        ("E-bost", CY, True),
        (" / Email: ", EN, True),
        ("{{ officer.email }}", CY, False),
        style="Reference Line",
    )
    tag(doc, "{%p endif %}")
    lpara(doc, "", CY, style="Reference Line")
    for text, lang, condition in addressee:
        if condition:
            tag(doc, f"{{%p if {condition} %}}")
        lpara(doc, text, lang, style="Address")
        if condition:
            tag(doc, "{%p endif %}")


def welsh_standards_line(doc: Any) -> None:
    """The statement the Welsh Language Standards ask of correspondence (standard 7 of the
    Welsh Language Standards (No. 1) Regulations 2015: that the body welcomes receiving
    correspondence in Welsh, will respond to it in Welsh and that corresponding in Welsh will
    not lead to delay; English read from a secondary copy, the Welsh composed)."""
    lpara(
        doc,
        "Rydym yn croesawu cael gohebiaeth yn Gymraeg. Byddwn yn ateb gohebiaeth a gawn yn "
        "Gymraeg yn Gymraeg, ac ni fydd gohebu yn Gymraeg yn arwain at oedi.",
        CY,
        style="Reference Line",
    )
    lpara(
        doc,
        "We welcome receiving correspondence in Welsh. We will respond to correspondence in "
        "Welsh in Welsh, and corresponding in Welsh will not lead to delay.",
        EN,
    )


def welsh_signature(doc: Any, lang: str, closing: str, on_behalf: str) -> None:
    """Closing, name, title and "on behalf of", kept with the last paragraph before them."""
    for paragraph in reversed(doc.paragraphs):
        if paragraph.style.name == "Tag":
            continue
        if paragraph.style.name == "Body Text":
            paragraph.style = "Closing Paragraph"
        break
    lpara(doc, closing, lang, style="Closing")
    lpara(doc, "{{ signatory.name }}", lang, style="Signature Name")
    key = "cy" if lang == CY else "en"
    lpara(doc, "{{ signatory.title." + key + " }}", lang, style="Signature Title")
    lpara(doc, on_behalf, lang, style="Signature Last")


def closing_sentence(doc: Any, lang: str) -> None:
    """The letter's last paragraph, whom to ask (kept with the sign-off that follows)."""
    if lang == CY:
        text = (
            "Os oes gennych unrhyw gwestiynau, mae croeso i chi gysylltu â’r swyddog a enwir uchod."
        )
    else:
        text = "If you have any questions, please contact the officer named above."
    lpara(doc, text, lang, style="Closing Paragraph")


def wording_status(doc: Any, lang: str) -> None:
    key = "cy" if lang == CY else "en"
    heading_text = "Statws y geiriad" if lang == CY else "Status of the wording"
    lpara(doc, heading_text, lang, style="Heading 3")
    lbullets(doc, "wording_status", "{{ note." + key + " }}", "note", lang)


_WN_ADDRESSEE: list[tuple[str, str, str | None]] = [
    ("{{ school.chair }}", CY, "school.chair"),
    ("{{ school.chair_role.cy }} / {{ school.chair_role.en }}", CY, None),
    ("{{ school.name }}", CY, None),
    ("{{ school.address }}", CY, "school.address"),
]


# Each bilingual template is a list of sections; a section is a list of items, each holding
# its Welsh and English text side by side in the source, so the two stay in step:
#   ("p", cy, en[, style])       a paragraph          ("h", cy, en, level)   a heading
#   ("bullets" | "numbered", expr, item_cy, item_en, var)                     a repeated list
#   ("tag", text)                a {%p %} tag (both)  ("salutation",) ("closing",)
#   ("signature",) ("status",)   the letter's parts
# Welsh first writes every section in Welsh, then every section in English from a new page;
# side by side writes one table row per section, Welsh on the left, English on the right.

Item = tuple[Any, ...]
Section = list[Item]


def _emit(target: Any, items: Section, lang: str, *, break_before_english: bool) -> None:
    cy = lang == CY
    for item in items:
        kind = item[0]
        if kind == "p":
            style = item[3] if len(item) > 3 else "Body Text"
            lpara(target, item[1] if cy else item[2], lang, style=style)
        elif kind == "h":
            lpara(target, item[1] if cy else item[2], lang, style=f"Heading {item[3]}")
        elif kind == "tag":
            tag(target, item[1])
        elif kind in ("bullets", "numbered"):
            write = lbullets if kind == "bullets" else lnumbered
            write(target, item[1], item[2] if cy else item[3], item[4], lang)
        elif kind == "salutation":
            text = "Annwyl {{ salutation.cy }}," if cy else "Dear {{ salutation.en }},"
            # in a side-by-side cell the salutation is body text: LibreOffice keeps a row whose
            # paragraph keeps with the next one with the following row, pushing the table off
            # the first page
            style = "Salutation" if break_before_english else "Body Text"
            paragraph = lpara(target, text, lang, style=style)
            if break_before_english and not cy:
                # the English half opens a new page: w:pageBreakBefore, the only paragraph
                # property in these templates (a break paragraph of its own would leave a
                # blank page whenever the Welsh half fills its last page)
                paragraph.paragraph_format.page_break_before = True
        elif kind == "closing":
            closing_sentence(target, lang)
        elif kind == "signature":
            if cy:
                welsh_signature(target, CY, "Yn gywir,", "Ar ran {{ council.name.cy }}")
            else:
                welsh_signature(
                    target, EN, "Yours sincerely,", "For and on behalf of {{ council.name.en }}"
                )
        elif kind == "status":
            wording_status(target, lang)
        else:
            raise ValueError(f"unknown item {kind!r}")


def bilingual_document(
    title: str,
    addressee: list[tuple[str, str, str | None]],
    heading: tuple[str, str],
    sections: list[Section],
    *,
    side_by_side: bool,
    subtitle: tuple[str, str] | None = None,
    school_line: bool = False,
) -> Any:
    """A letter or notice in both languages: letterhead, title (both languages), the
    Welsh Language Standards statement, then the sections Welsh first or side by side."""
    doc = new_document(title)
    welsh_letterhead(doc, addressee)
    both(doc, heading[0], heading[1], "Heading 1", sep="\n")
    if subtitle is not None:
        both(doc, subtitle[0], subtitle[1], "Document Subtitle", sep="\n")
    if school_line:
        lmixed(
            doc,
            ("Ysgol", CY, True),
            (" / School: ", EN, True),
            ("{{ school.name }} ({{ school.number }})", CY, False),
        )
    welsh_standards_line(doc)
    if not side_by_side:
        for lang in (CY, EN):
            for section in sections:
                _emit(doc, section, lang, break_before_english=True)
        return doc
    half = PORTRAIT_WIDTH / 2
    table = _table(doc, 1 + len(sections), [half, half], first_row=True, first_col=False)
    _cell(table.rows[0].cells[0], "", "Table Heading")
    _lang(table.rows[0].cells[0].paragraphs[0].add_run("Cymraeg"), CY)
    _cell(table.rows[0].cells[1], "", "Table Heading")
    _lang(table.rows[0].cells[1].paragraphs[0].add_run("English"), EN)
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:cantSplit"))
    header.append(OxmlElement("w:tblHeader"))
    for row, section in zip(table.rows[1:], sections, strict=True):
        # a section's row moves to the next page whole (LibreOffice and Word still split a
        # row taller than a page)
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, lang in zip(row.cells, (CY, EN), strict=True):
            first = cell.paragraphs[0]
            _emit(cell, section, lang, break_before_english=False)
            cell._tc.remove(first._p)  # the cell's own empty paragraph
    return doc


_WN_SECTIONS: list[Section] = [
    [
        ("salutation",),
        (
            "p",
            "Mae {{ council.name.cy }} (“yr awdurdod lleol”) yn rhoi’r hysbysiad rhybuddio hwn i "
            "gorff llywodraethu {{ school.name }} o dan adran 3 o Ddeddf Safonau a Threfniadaeth "
            "Ysgolion (Cymru) 2013 (“y Ddeddf”). Rhoddir yr hysbysiad ar {{ given_on.cy }}.",
            "{{ council.name.en }} (“the local authority”) gives this warning notice to the "
            "governing body of {{ school.name }} under section 3 of the School Standards and "
            "Organisation (Wales) Act 2013 (“the Act”). The notice is given on {{ given_on.en }}.",
        ),
    ],
    [
        ("h", "1. Y seiliau dros ymyrryd", "1. The grounds for intervention", 2),
        (
            "p",
            "Mae’r awdurdod lleol wedi ei fodloni bod y seiliau canlynol dros ymyrryd yn bodoli "
            "mewn perthynas â’r ysgol. {{ lead_in.cy }}",
            "The local authority is satisfied that the following grounds for intervention "
            "exist in relation to the school. {{ lead_in.en }}",
        ),
        (
            "bullets",
            "grounds",
            "SAIL {{ g.number }}: {{ g.cy }}",
            "Ground {{ g.number }}: {{ g.en }}{% if not g.english_checked %} [*]{% endif %}",
            "g",
        ),
    ],
    [
        (
            "h",
            "2. Y rhesymau pam y mae’r awdurdod lleol wedi ei fodloni bod y seiliau yn bodoli",
            "2. The reasons why the local authority is satisfied that the grounds exist",
            2,
        ),
        ("numbered", "reasons", "{{ reason.cy }}", "{{ reason.en }}", "reason"),
    ],
    [
        (
            "h",
            "3. Y camau y mae’n ofynnol i’r corff llywodraethu eu cymryd",
            "3. The action the governing body is required to take",
            2,
        ),
        (
            "p",
            "Er mwyn ymdrin â’r seiliau dros ymyrryd, mae’n ofynnol i’r corff llywodraethu:",
            "To deal with the grounds for intervention, the governing body is required to:",
        ),
        ("numbered", "action_required", "{{ action.cy }}", "{{ action.en }}", "action"),
    ],
    [
        ("h", "4. Y cyfnod cydymffurfio", "4. The compliance period", 2),
        (
            "p",
            "Mae’r cyfnod cydymffurfio yn dechrau ar {{ given_on.cy }}, y diwrnod y rhoddir yr "
            "hysbysiad hwn, ac yn dod i ben ar {{ compliance_period_end.cy }}. Rhaid i’r corff "
            "llywodraethu gymryd y camau uchod, er boddhad yr awdurdod lleol, o fewn y cyfnod "
            "cydymffurfio.",
            "The compliance period begins on {{ given_on.en }}, the day on which this notice is "
            "given, and ends on {{ compliance_period_end.en }}. The governing body must take the "
            "action above, to the local authority’s satisfaction, within the compliance period.",
        ),
    ],
    [
        (
            "h",
            "5. Y camau y mae’r awdurdod lleol â’i fryd ar eu cymryd",
            "5. The action the local authority is minded to take",
            2,
        ),
        (
            "p",
            "Os bydd y corff llywodraethu wedi methu â chydymffurfio, neu sicrhau cydymffurfedd, "
            "â’r hysbysiad hwn er boddhad yr awdurdod lleol o fewn y cyfnod cydymffurfio, bydd "
            "gan yr awdurdod lleol y pŵer i ymyrryd (adran 4(2) o’r Ddeddf), ac mae â’i fryd ar:",
            "If the governing body fails to comply, or secure compliance, with this notice to the "
            "local authority’s satisfaction within the compliance period, the local authority "
            "will have the power to intervene (section 4(2) of the Act), and it is minded:",
        ),
        ("bullets", "minded_to_take", "{{ power.cy }}", "{{ power.en }}", "power"),
    ],
    [("closing",), ("signature",)],
    [
        ("h", "Copïau", "Copies", 3),
        (
            "p",
            "Rhoddir copi o’r hysbysiad hwn, ar yr un pryd ag y’i rhoddir i’r corff "
            "llywodraethu, i:",
            "At the same time as it is given to the governing body, a copy of this notice is "
            "given to:",
        ),
        ("bullets", "copies", "{{ person.cy }}", "{{ person.en }}", "person"),
    ],
    [("status",)],
]


def wales_warning_notice(side_by_side: bool = False) -> Any:
    return bilingual_document(
        "Hysbysiad rhybuddio / Warning notice",
        _WN_ADDRESSEE,
        ("HYSBYSIAD RHYBUDDIO", "WARNING NOTICE"),
        _WN_SECTIONS,
        side_by_side=side_by_side,
        subtitle=(
            "Adran 3 o Ddeddf Safonau a Threfniadaeth Ysgolion (Cymru) 2013",
            "Section 3 of the School Standards and Organisation (Wales) Act 2013",
        ),
        school_line=True,
    )


_LETTER_ADDRESSEE: list[tuple[str, str, str | None]] = [
    (
        "{% if school.head %}{{ school.head }}, {% endif %}{{ school.head_role.cy }} / "
        "{{ school.head_role.en }}",
        CY,
        None,
    ),
    (
        "{% if school.chair %}{{ school.chair }}, {% endif %}{{ school.chair_role.cy }} / "
        "{{ school.chair_role.en }}",
        CY,
        None,
    ),
    ("{{ school.name }}", CY, None),
    ("{{ school.address }}", CY, "school.address"),
]

_FOLLOW_UP_SECTIONS: list[Section] = [
    [
        ("salutation",),
        (
            "p",
            "Yn dilyn arolygiad Estyn rhwng {{ inspection_start.cy }} a {{ inspection_end.cy }}, "
            "mae’r Prif Arolygydd wedi barnu {{ level_phrase.cy }}. Ysgrifennaf i gadarnhau beth "
            "sy’n digwydd nesaf a sut y bydd yr awdurdod lleol yn cefnogi’r "
            "{{ school.kind.cy }}.",
            "Following Estyn’s inspection between {{ inspection_start.en }} and "
            "{{ inspection_end.en }}, the Chief Inspector has judged that {{ level_phrase.en }}. "
            "I am writing to confirm what happens next and how the local authority will support "
            "the {{ school.kind.en }}.",
        ),
    ],
    [
        ("h", "Y cynllun gweithredu", "The action plan", 2),
        ("tag", "{%p if piap_due %}"),
        (
            "p",
            "{{ school.body_must.cy }}, gan weithio gyda’r awdurdod lleol, baratoi cynllun "
            "gweithredu sy’n ymateb i argymhellion yr adroddiad"
            "{% if report_received %} a ddaeth i law ar {{ report_received.cy }}{% endif %}. "
            "Rhaid anfon y cynllun erbyn {{ piap_due.cy }}.",
            "{{ school.body_must.en }}, working with the local authority, prepare an action plan "
            "that responds to the recommendations of the report"
            "{% if report_received %} received on {{ report_received.en }}{% endif %}. The plan "
            "must be sent by {{ piap_due.en }}.",
        ),
        ("tag", "{%p else %}"),
        (
            "p",
            "{{ school.body_must.cy }}, gan weithio gyda’r awdurdod lleol, baratoi cynllun "
            "gweithredu sy’n ymateb i argymhellion yr adroddiad. Byddwn yn cadarnhau’r dyddiad y "
            "mae’r cynllun i’w anfon pan ddaw’r adroddiad terfynol i law.",
            "{{ school.body_must.en }}, working with the local authority, prepare an action plan "
            "that responds to the recommendations of the report. We will confirm the date the "
            "plan is due when the final report is received.",
        ),
        ("tag", "{%p endif %}"),
    ],
    [
        ("h", "Cymorth gan yr awdurdod lleol", "Support from the local authority", 2),
        ("bullets", "support", "{{ offer.cy }}", "{{ offer.en }}", "offer"),
        ("tag", "{%p if reviews %}"),
        (
            "p",
            "Byddwn yn adolygu cynnydd gyda chi ar y dyddiadau hyn:",
            "We will review progress with you on these dates:",
        ),
        ("bullets", "reviews", "{{ review.cy }}", "{{ review.en }}", "review"),
        ("tag", "{%p endif %}"),
    ],
    [
        ("h", "Monitro gan Estyn", "Monitoring by Estyn", 2),
        (
            "p",
            "Bydd Estyn yn monitro cynnydd {{ school.the_kind.cy }} nes bod y gwelliannau’n ddigon "
            "cadarn{% if next_visit %}; yn ôl ein hamserlen ni, mae’r ymweliad monitro cyntaf yn "
            "debygol o gwmpas {{ next_visit.cy }}{% endif %}.",
            "Estyn will monitor the progress of {{ school.the_kind.en }} until the improvements "
            "are robust enough{% if next_visit %}; on our timetable, the first monitoring visit "
            "is likely around {{ next_visit.en }}{% endif %}.",
        ),
    ],
    [("closing",), ("signature",)],
    [("status",)],
]


def wales_follow_up_letter(side_by_side: bool = False) -> Any:
    return bilingual_document(
        "Llythyr am weithgarwch dilynol Estyn / Letter on Estyn follow-up",
        _LETTER_ADDRESSEE,
        (
            "{{ school.name }}: gweithgarwch dilynol Estyn",
            "{{ school.name }}: Estyn follow-up",
        ),
        _FOLLOW_UP_SECTIONS,
        side_by_side=side_by_side,
    )


_CATEGORISATION_SECTIONS: list[Section] = [
    [
        ("salutation",),
        (
            "p",
            "Ysgrifennaf i gadarnhau canlyniad categoreiddio cenedlaethol yr ysgol ar gyfer "
            "{{ round }}.",
            "I am writing to confirm the outcome of the school’s national categorisation for "
            "{{ round }}.",
        ),
    ],
    [
        ("h", "Y canlyniad", "The outcome", 2),
        ("tag", "{%p if standards_group %}"),
        (
            "p",
            "Grŵp safonau (a bennir gan Lywodraeth Cymru): {{ standards_group }}",
            "Standards group (set by the Welsh Government): {{ standards_group }}",
            "List Bullet",
        ),
        ("tag", "{%p endif %}"),
        (
            "p",
            "Gallu i wella (a bennir gan yr ymgynghorydd her): {{ capacity }}",
            "Capacity to improve (set by the challenge adviser): {{ capacity }}",
            "List Bullet",
        ),
        (
            "p",
            "Categori cymorth: {{ colour.cy }}",
            "Support category: {{ colour.en }}",
            "List Bullet",
        ),
        ("tag", "{%p if colour_from_placeholder %}"),
        (
            "p",
            "Daw’r categori cymorth o fatrics nad yw wedi ei wirio yn erbyn y matrics "
            "cenedlaethol cyhoeddedig.",
            "The support category comes from a matrix that has not been checked against the "
            "published national matrix.",
        ),
        ("tag", "{%p endif %}"),
    ],
    [
        ("h", "Cymorth", "Support", 2),
        (
            "p",
            "Mae ysgol yn y categori {{ colour.cy }} yn cael hyd at {{ support_days }} diwrnod o "
            "gymorth{% if not support_days_checked %} (ffigur heb ei wirio){% endif %}. Rydym yn "
            "bwriadu:",
            "A school in the {{ colour.en }} category receives up to {{ support_days }} days of "
            "support{% if not support_days_checked %} (figure not verified){% endif %}. We plan:",
        ),
        ("bullets", "support", "{{ offer.cy }}", "{{ offer.en }}", "offer"),
        ("tag", "{%p if red %}"),
        (
            "p",
            "Oherwydd bod yr ysgol yn y categori coch, bydd yr awdurdod lleol yn ysgrifennu ati "
            "ynghylch ei bryderon ac yn ystyried a oes seiliau dros ymyrryd.",
            "Because the school is in the red category, the local authority will write to it "
            "about its concerns and consider whether grounds for intervention exist.",
        ),
        ("tag", "{%p endif %}"),
    ],
    [
        ("h", "Adolygiadau", "Reviews", 2),
        (
            "p",
            "Bydd {{ challenge_adviser.name }}, {{ challenge_adviser.title.cy }}, yn adolygu "
            "cynnydd yr ysgol bob tymor{% if reviews %}, ar y dyddiadau hyn:{% else %}.{% endif %}",
            "{{ challenge_adviser.name }}, {{ challenge_adviser.title.en }}, will review the "
            "school’s progress every term{% if reviews %}, on these dates:{% else %}.{% endif %}",
        ),
        ("bullets", "reviews", "{{ review.cy }}", "{{ review.en }}", "review"),
    ],
    [("closing",), ("signature",)],
    [("status",)],
]


def wales_categorisation_letter(side_by_side: bool = False) -> Any:
    return bilingual_document(
        "Llythyr categoreiddio / Categorisation letter",
        _LETTER_ADDRESSEE,
        (
            "{{ school.name }}: categoreiddio cenedlaethol {{ round }}",
            "{{ school.name }}: national categorisation {{ round }}",
        ),
        _CATEGORISATION_SECTIONS,
        side_by_side=side_by_side,
    )


#: Welsh first (``NAME``) and side by side (``NAME-side-by-side``): a council chooses the layout
#: its Welsh language scheme or standards call for by the template id it renders.
WALES_TEMPLATES = {
    "warning-notice": wales_warning_notice,
    "follow-up-letter": wales_follow_up_letter,
    "categorisation-letter": wales_categorisation_letter,
    "warning-notice-side-by-side": lambda: wales_warning_notice(side_by_side=True),
    "follow-up-letter-side-by-side": lambda: wales_follow_up_letter(side_by_side=True),
    "categorisation-letter-side-by-side": lambda: wales_categorisation_letter(side_by_side=True),
}


def enghraifft_house_style() -> Any:
    """The fictional Welsh council's style: Liberation Sans, deep red, a logo with Welsh and
    English alt text, a bilingual header and footer (each run in its language) and Welsh as
    the default language (its documents are Welsh first)."""
    doc = house_style(
        name="Cyngor Sir Enghraifft / Example County Council",
        font="Liberation Sans",
        heading_font="Liberation Sans",
        accent=RGBColor(0x8A, 0x15, 0x38),
        shade="F2DCE3",
        rule="8A1538",
        logo=(
            _png(120, 40, (0x8A, 0x15, 0x38), (0xFF, 0xFF, 0xFF)),
            "Logo Cyngor Sir Enghraifft / Example County Council logo",
        ),
        header_lines=("Cyngor Sir Enghraifft", "Example County Council"),
        top_margin=3.4,
    )
    # Welsh first: Welsh is the documents' main language (the PDF's /Lang); every English run
    # of the bilingual templates is tagged en-GB
    styles = doc.styles.element
    _set_lang(styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")), CY)
    _set_lang(doc.styles["Normal"].element.get_or_add_rPr(), CY)
    section = doc.sections[0]
    header = section.header.paragraphs
    for paragraph, lang in zip(header[1:], (CY, EN), strict=True):
        for run in paragraph.runs:
            _lang(run, lang)
    footer = section.footer.paragraphs[0]
    for child in list(footer._p):
        if child.tag != qn("w:pPr"):
            footer._p.remove(child)
    for text, lang in (
        ("Cyf.", CY),
        (" / Ref.: ", EN),
        ("{{ reference }} | {{ school.name }}", CY),
    ):
        _lang(footer.add_run(text), lang)
    second = section.footer.add_paragraph(style="Footer")
    for text, lang in (("SWYDDOGOL – SENSITIF", CY), (" / OFFICIAL – SENSITIVE | ", EN)):
        _lang(second.add_run(text), lang)
    _lang(second.add_run("Tudalen "), CY)
    _field(second, "PAGE", "1")
    _lang(second.add_run(" o "), CY)
    _field(second, "NUMPAGES", "1")
    _lang(second.add_run(" / Page "), EN)
    _field(second, "PAGE", "1")
    _lang(second.add_run(" of "), EN)
    _field(second, "NUMPAGES", "1")
    _fixed_properties(doc, "House style: Cyngor Sir Enghraifft / Example County Council")
    return doc


HOUSE_STYLES = {
    "neutral": (neutral_house_style, NEUTRAL_OUT),
    "northmoor": (northmoor_house_style, NORTHMOOR_OUT),
    "enghraifft": (enghraifft_house_style, ENGHRAIFFT_OUT),
}


def main(argv: list[str]) -> int:
    """Write every template and house style (or those named)."""
    sys.path[:0] = [str(ROOT / "src")]
    from improvement_kit.documents.determinism import save_deterministic

    OUT.mkdir(parents=True, exist_ok=True)
    for name, (build, path) in HOUSE_STYLES.items():
        if argv and name not in argv:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(save_deterministic(build(), FIXED.date()))
        print(f"wrote {path}")
    for folder, table in (
        (OUT, TEMPLATES),
        (ACADEMIES_OUT, ACADEMY_TEMPLATES),
        (FE_OUT, FE_TEMPLATES),
        (WALES_OUT, WALES_TEMPLATES),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        for name, build in table.items():
            if argv and name not in argv:
                continue
            doc = build()
            (folder / f"{name}.docx").write_bytes(save_deterministic(doc, FIXED.date()))
            print(f"wrote {folder / (name + '.docx')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
