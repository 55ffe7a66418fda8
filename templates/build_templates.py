"""Build the England maintained-school Word templates from code, so they are reproducible.

Run ``python templates/build_templates.py`` from the repository root; it rewrites
``templates/england_maintained/*.docx``. The committed .docx files are the product: local
authority staff may edit them in Word (keep each ``{{ tag }}`` typed in one go, then run
``improvement-kit templates check FILE``). Every tag sits in a single run here, and every
``{%p ... %}`` / ``{%tr ... %}`` in a paragraph or table row of its own, as docxtpl requires.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent / "england_maintained"
FIXED = dt.datetime(2026, 1, 1)
NAVY = RGBColor(0x1F, 0x3A, 0x5F)


# --- building blocks ---------------------------------------------------------------------------


def new_document(title: str, *, landscape: bool = False) -> Any:
    """A document with the house style, a header naming the authority and a footer."""
    doc = Document()
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = Cm(2.0)
    section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 14), (2, 12), (3, 11)):
        style = doc.styles[f"Heading {level}"]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = NAVY
        style.font.bold = True
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run("{{ authority.name }}")
    run.bold = True
    run.font.color.rgb = NAVY
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    small = footer.add_run("Ref: {{ reference }} | {{ school.name }} | OFFICIAL – SENSITIVE")
    small.font.size = Pt(8)
    props = doc.core_properties
    props.title = title
    props.author = "improvement_kit"
    props.last_modified_by = "improvement_kit"
    props.created = FIXED
    props.modified = FIXED
    props.revision = 1
    props.comments = ""
    props.keywords = ""
    return doc


def para(
    doc: Any,
    text: str = "",
    *,
    bold: bool = False,
    align: str | None = None,
    style: str | None = None,
    size: int | None = None,
    italic: bool = False,
) -> Any:
    """One paragraph with the text in a single run."""
    paragraph = doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    if align == "right":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "justify":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return paragraph


def mixed(doc: Any, *parts: tuple[str, bool]) -> Any:
    """One paragraph of runs (text, bold); each part keeps its tags whole."""
    paragraph = doc.add_paragraph()
    for text, bold in parts:
        paragraph.add_run(text).bold = bold
    return paragraph


def tag(doc: Any, text: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag (``{%p ... %}``)."""
    doc.add_paragraph().add_run(text)


def bullets(doc: Any, expr: str, item: str = "{{ item }}", var: str = "item") -> None:
    """A bulleted list repeated over ``expr``."""
    tag(doc, f"{{%p for {var} in {expr} %}}")
    para(doc, item, style="List Bullet")
    tag(doc, "{%p endfor %}")


def numbered(doc: Any, expr: str, item: str = "{{ item }}", var: str = "item") -> None:
    """A list numbered (1), (2)... repeated over ``expr``."""
    tag(doc, f"{{%p for {var} in {expr} %}}")
    paragraph = para(doc, "({{ loop.index }})\t" + item)
    paragraph.paragraph_format.left_indent = Cm(1.0)
    paragraph.paragraph_format.first_line_indent = Cm(-1.0)
    tag(doc, "{%p endfor %}")


def _shade(cell: Any, colour: str = "DCE3EC") -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _cell(cell: Any, text: str, *, bold: bool = False, size: int = 10) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def loop_table(
    doc: Any,
    headers: list[str],
    cells: list[str],
    loop: str,
    widths: list[float] | None = None,
    size: int = 10,
) -> Any:
    """A table with a shaded header row and one row per element (``{%tr for ... %}``)."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, text in enumerate(headers):
        _cell(table.rows[0].cells[index], text, bold=True, size=size)
        _shade(table.rows[0].cells[index])
    _cell(table.rows[1].cells[0], f"{{%tr for {loop} %}}", size=size)
    for index, text in enumerate(cells):
        _cell(table.rows[2].cells[index], text, size=size)
    _cell(table.rows[3].cells[0], "{%tr endfor %}", size=size)
    if widths:
        for row in table.rows:
            for index, width in enumerate(widths):
                row.cells[index].width = Cm(width)
    return table


def field_table(
    doc: Any, rows: list[tuple[str, str]], widths: tuple[float, float] = (5.5, 11.0), size: int = 10
) -> Any:
    """A two-column table of labels and values."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for index, (label, value) in enumerate(rows):
        _cell(table.rows[index].cells[0], label, bold=True, size=size)
        _shade(table.rows[index].cells[0])
        _cell(table.rows[index].cells[1], value, size=size)
        table.rows[index].cells[0].width = Cm(widths[0])
        table.rows[index].cells[1].width = Cm(widths[1])
    return table


def letterhead(doc: Any, *, addressee: list[str]) -> None:
    """The authority's address, the reference and date, and the addressee block."""
    para(doc, "{{ authority.department }}", bold=True, align="right")
    para(doc, "{{ authority.address }}", align="right")
    tag(doc, "{%p if authority.telephone %}")
    para(doc, "Telephone: {{ authority.telephone }}", align="right")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if authority.email %}")
    para(doc, "Email: {{ authority.email }}", align="right")
    tag(doc, "{%p endif %}")
    mixed(doc, ("Our reference: ", True), ("{{ reference }}", False))
    mixed(doc, ("Date: ", True), ("{{ date }}", False))
    para(doc)
    for line in addressee:
        para(doc, line)
    para(doc)


def signature(
    doc: Any, closing: str = "Yours sincerely,", person: str = "signatory", on_behalf: bool = True
) -> None:
    """The closing, space to sign, name and title."""
    para(doc, closing)
    para(doc)
    para(doc)
    para(doc, "{{ " + person + ".name }}", bold=True)
    para(doc, "{{ " + person + ".title }}")
    if on_behalf:
        para(doc, "For and on behalf of {{ authority.name }}")


def contact(doc: Any) -> None:
    """Who to contact about the document."""
    mixed(
        doc,
        ("Contact: ", True),
        ("{{ officer.name }}, {{ officer.title }}", False),
    )
    tag(doc, "{%p if officer.telephone %}")
    para(doc, "Telephone: {{ officer.telephone }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if officer.email %}")
    para(doc, "Email: {{ officer.email }}")
    tag(doc, "{%p endif %}")


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
    para(doc, "PERFORMANCE STANDARDS AND SAFETY WARNING NOTICE", bold=True, align="center", size=14)
    para(doc, "Section 60 of the Education and Inspections Act 2006", bold=True, align="center")
    mixed(doc, ("School: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    para(doc, "Dear {{ school.chair_of_governors }},")
    para(
        doc,
        "{{ authority.name }} (“the local authority”) gives this warning notice to the governing "
        "body of {{ school.name }} under section 60 of the Education and Inspections Act 2006 "
        "(“the 2006 Act”). The notice is given on {{ given_on }}.",
        align="justify",
    )
    para(doc, "The local authority is satisfied that:")
    bullets(doc, "grounds", "{{ ground }}", var="ground")
    doc.add_heading("1. The matters on which the local authority’s concerns are based", 2)
    para(
        doc,
        "The local authority’s concerns are based on the following matters, which are set out in "
        "detail with the facts and circumstances at the school that give rise to them:",
        align="justify",
    )
    numbered(doc, "matters", "{{ matter }}", var="matter")
    doc.add_heading("2. The action the governing body is required to take", 2)
    para(doc, "To address these concerns the governing body is required to:")
    numbered(doc, "action_required", "{{ action }}", var="action")
    doc.add_heading("3. The compliance period", 2)
    tag(doc, "{%p if pre_2016 %}")
    para(
        doc,
        "The initial period of this notice begins with {{ given_on }}, the day on which the notice "
        "is given, and ends with {{ initial_period_end }}, the fifteenth working day following "
        "that "
        "day (section 60(1)(b) of the 2006 Act). The governing body must take the action required "
        "above by the end of the compliance period.",
        align="justify",
    )
    doc.add_heading("4. The governing body’s right to make representations", 2)
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
        align="justify",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "The compliance period for the purposes of section 60(1)(c) of the 2006 Act begins with "
        "{{ given_on }}, the day on which this notice is given, and ends on "
        "{{ compliance_period_end }}. The governing body must comply with this notice, or secure "
        "compliance with it, to the local authority’s satisfaction by the end of the compliance "
        "period.",
        align="justify",
    )
    tag(doc, "{%p endif %}")
    doc.add_heading(
        "{% if pre_2016 %}5{% else %}4{% endif %}. The action the local authority is "
        "minded to take",
        2,
    )
    para(
        doc,
        "If the governing body fails to take the required action by the end of the compliance "
        "period to the local authority’s satisfaction, the local authority is minded to take the "
        "following action under {{ powers_basis }}:",
        align="justify",
    )
    bullets(doc, "minded_to_take", "{{ power }}", var="power")
    para(
        doc,
        "Before using any of these powers the local authority will give the governing body "
        "reasonable notice in writing that it proposes to do so. The governing body may also make "
        "a complaint to the Secretary of State under sections 496 and 497 of the Education Act "
        "1996.",
        align="justify",
    )
    signature(doc)
    doc.add_heading("Copies", 3)
    para(
        doc,
        "At the same time as it is given to the governing body, a copy of this notice is given to:",
    )
    bullets(doc, "copies", "{{ person }}", var="person")
    contact(doc)
    return doc


def tpc_warning_notice() -> Any:
    doc = new_document("Teachers' pay and conditions warning notice")
    letterhead(doc, addressee=_GOVERNING_BODY)
    para(doc, "TEACHERS’ PAY AND CONDITIONS WARNING NOTICE", bold=True, align="center", size=14)
    para(doc, "Section 60A of the Education and Inspections Act 2006", bold=True, align="center")
    mixed(doc, ("School: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    para(doc, "Dear {{ school.chair_of_governors }},")
    para(
        doc,
        "{{ authority.name }} (“the local authority”) gives this warning notice to the governing "
        "body of {{ school.name }} under section 60A of the Education and Inspections Act 2006 "
        "(“the 2006 Act”) on {{ given_on }}. The local authority is satisfied that the governing "
        "body has failed to comply, or to secure compliance, with a provision of an order under "
        "section 122 of the Education Act 2002 (the School Teachers’ Pay and Conditions Document) "
        "that applies to a teacher at the school.",
        align="justify",
    )
    doc.add_heading("1. The matters on which the local authority’s concerns are based", 2)
    numbered(doc, "matters", "{{ matter }}", var="matter")
    doc.add_heading("2. The action the governing body is required to take", 2)
    numbered(doc, "action_required", "{{ action }}", var="action")
    doc.add_heading("3. The compliance period", 2)
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
        align="justify",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "The compliance period for the purposes of section 60A(1)(c) begins with {{ given_on }} "
        "and ends on {{ compliance_period_end }}. The governing body must comply with this "
        "notice, or secure compliance with it, to the local authority’s satisfaction by the end "
        "of the compliance period.",
        align="justify",
    )
    tag(doc, "{%p endif %}")
    doc.add_heading("4. The action the local authority is minded to take", 2)
    para(
        doc,
        "If the governing body fails to comply by the end of the compliance period, the local "
        "authority is minded to take the following action under one or more of sections 64 to 66 "
        "of the 2006 Act:",
        align="justify",
    )
    bullets(doc, "minded_to_take", "{{ power }}", var="power")
    para(
        doc,
        "Before using any of these powers the local authority will give the governing body "
        "reasonable notice in writing that it proposes to do so.",
        align="justify",
    )
    signature(doc)
    doc.add_heading("Copies", 3)
    para(doc, "A copy of this notice is given at the same time to:")
    bullets(doc, "copies", "{{ person }}", var="person")
    contact(doc)
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
    para(doc, "Dear {{ school.head_teacher }} and {{ school.chair_of_governors }},")
    para(doc, "{{ school.name }}: confirmation of the agreed causes of concern", bold=True)
    para(
        doc,
        "Thank you for meeting the local authority on {{ meeting_date }}. This letter confirms, as "
        "agreed at that meeting, the causes of concern about the school, the action the school "
        "will take and how the local authority will support it to remove these concerns.",
        align="justify",
    )
    doc.add_heading("Causes of concern", 2)
    numbered(doc, "concerns", "{{ concern }}", var="concern")
    doc.add_heading("Agreed next steps", 2)
    numbered(doc, "agreed_actions", "{{ action }}", var="action")
    doc.add_heading("Support from the local authority", 2)
    bullets(doc, "support", "{{ offer }}", var="offer")
    tag(doc, "{%p if review_date %}")
    para(
        doc,
        "We will review progress together at a school progress review meeting on "
        "{{ review_date }}.",
        align="justify",
    )
    tag(doc, "{%p endif %}")
    doc.add_heading("Status of this letter", 2)
    para(
        doc,
        "This letter does not constitute a warning notice. However, as a form of early "
        "intervention, the local authority reserves its right to give a performance standards and "
        "safety warning notice under section 60 of the Education and Inspections Act 2006 in "
        "exceptional circumstances.",
        align="justify",
    )
    signature(doc)
    contact(doc)
    return doc


def proposed_intervention_notice() -> Any:
    doc = new_document("Notice of proposed intervention")
    letterhead(doc, addressee=_GOVERNING_BODY)
    para(doc, "NOTICE OF PROPOSED INTERVENTION", bold=True, align="center", size=14)
    para(
        doc,
        "Notice under {{ paragraph }} of the Education and Inspections Act 2006",
        bold=True,
        align="center",
    )
    mixed(doc, ("School: ", True), ("{{ school.name }} (URN {{ school.urn }})", False))
    para(doc, "Dear {{ school.chair_of_governors }},")
    para(
        doc,
        "On {{ warning_notice_given_on }} {{ authority.name }} (“the local authority”) gave the "
        "governing body a {% if tpc %}teachers’ pay and conditions{% else %}performance "
        "standards and safety{% endif %} warning notice under {{ notice_section }} of the "
        "Education and Inspections Act 2006 (“the 2006 Act”). The compliance period of that "
        "notice ended on {{ compliance_period_end }}.",
        align="justify",
    )
    tag(doc, "{%p if pre_2016 %}")
    para(
        doc,
        "The governing body either made no representations against the notice to "
        "{% if tpc %}the local authority{% else %}the Chief Inspector{% endif %} during the "
        "initial period, or the notice was confirmed ({{ notice_section }}(1)(c) of the 2006 "
        "Act, as it applies to notices given before 18 April 2016).",
        align="justify",
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "The governing body has failed to comply, or to secure compliance, with the notice to the "
        "local authority’s satisfaction by the end of the compliance period. In particular:",
        align="justify",
    )
    numbered(doc, "failures", "{{ failure }}", var="failure")
    doc.add_heading("The powers the local authority proposes to use", 2)
    para(
        doc,
        "This letter is the reasonable notice in writing required by {{ paragraph }} of the 2006 "
        "Act that the local authority proposes to exercise the following powers:",
        align="justify",
    )
    bullets(doc, "powers", "{{ power }}", var="power")
    para(
        doc,
        "The local authority proposes to exercise these powers on or after {{ proposed_from }}.",
        align="justify",
    )
    tag(doc, "{%p if response_by %}")
    para(
        doc,
        "If the governing body wishes the local authority to take anything further into account "
        "before then, please write to the contact below by {{ response_by }}.",
        align="justify",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if power_window_end %}")
    para(
        doc,
        "The power to appoint additional governors is exercisable only within the two months "
        "following the end of the compliance period, that is until {{ power_window_end }}.",
        align="justify",
    )
    tag(doc, "{%p endif %}")
    signature(doc)
    contact(doc)
    return doc


def statement_of_action() -> Any:
    doc = new_document("Statement of action")
    para(doc, "{{ school.name }}", bold=True, align="center", size=16)
    para(doc, "The Authority’s Statement of Action", bold=True, align="center", size=14)
    para(doc, "(as required by Ofsted: section 15 of the Education Act 2005)", align="center")
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
    doc.add_heading("1. Scope for closure or federation", 2)
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
    )
    para(
        doc,
        "The projections are based on the number of children living in the normal area of the "
        "school and an analysis of three-year rolling trends. The available accommodation and "
        "pupil population of other schools in the locality and bordering on the school’s normal "
        "area are listed below.",
        align="justify",
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
    )
    para(doc, "Local authority commentary on the above data", bold=True)
    para(doc, "{{ capacity_commentary }}", align="justify")
    doc.add_heading("2. Target for removal from the category of concern", 2)
    para(
        doc,
        "It is the intention of the local authority to secure the school’s removal from the "
        "category of concern ({{ category | lower }}) within a maximum of {{ target_months }} "
        "months. The target date for removal is therefore {{ target_date }}.",
        align="justify",
    )
    doc.add_heading("3. Local authority action", 2)
    para(doc, "Action taken by the local authority before the inspection", bold=True)
    bullets(doc, "action_before", "{{ step }}", var="step")
    para(doc, "Action taken by the local authority following the inspection", bold=True)
    bullets(doc, "action_after", "{{ step }}", var="step")
    para(doc, "Arrangements to consult with and involve parents", bold=True)
    bullets(doc, "parents", "{{ step }}", var="step")
    doc.add_heading("4. Support from the local authority and partners", 2)
    para(doc, "Availability of local authority resources", bold=True)
    bullets(doc, "resources", "{{ entry }}", var="entry")
    para(doc, "Involvement of partners", bold=True)
    bullets(doc, "partners", "{{ entry }}", var="entry")
    para(
        doc,
        "Support priorities, including action to build the leadership and management "
        "capacity of the school",
        bold=True,
    )
    bullets(doc, "priorities", "{{ entry }}", var="entry")
    para(
        doc,
        "Full details of all the support offered by the local authority, including quantified "
        "success criteria by which its success may be judged, are set out in the attached local "
        "authority plan of action.",
        align="justify",
    )
    doc.add_heading("5. Use of local authority powers", 2)
    tag(doc, "{%p if powers %}")
    para(doc, "The local authority will use the following additional powers:")
    bullets(doc, "powers", "{{ power }}", var="power")
    tag(doc, "{%p else %}")
    para(
        doc,
        "The local authority does not propose to use its additional powers at present, for "
        "these reasons:",
    )
    para(doc, "{{ powers_not_used }}", align="justify")
    tag(doc, "{%p endif %}")
    para(doc)
    field_table(
        doc,
        [
            ("Senior adviser", "{{ signatory.name }}, {{ signatory.title }}"),
            ("Signature", ""),
            ("Date", "{{ date }}"),
        ],
    )
    return doc


def plan_of_action() -> Any:
    doc = new_document("Local authority plan of action", landscape=True)
    para(doc, "{{ school.name }}", bold=True, align="center", size=16)
    para(doc, "Local Authority Plan of Action", bold=True, align="center", size=14)
    para(doc, "{{ category }} – plan dated {{ date }}", align="center")
    tag(doc, "{%p for issue in key_issues %}")
    doc.add_heading("KEY ISSUE {{ issue.number }}: {{ issue.title }}", 2)
    para(doc, "{{ issue.source }}", italic=True)
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    _cell(
        table.rows[0].cells[0],
        "Success criteria: the intended outcomes – how success will be "
        "recognised (quantitative and qualitative)",
        bold=True,
    )
    _cell(
        table.rows[0].cells[1],
        "Evaluation: date and strategy for each success criterion",
        bold=True,
    )
    _shade(table.rows[0].cells[0])
    _shade(table.rows[0].cells[1])
    _cell(table.rows[1].cells[0], "{% for c in issue.success_criteria %}• {{ c }} {% endfor %}")
    _cell(table.rows[1].cells[1], "{% for e in issue.evaluation %}• {{ e }} {% endfor %}")
    para(doc)
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
        size=9,
    )
    tag(doc, "{%p endfor %}")
    doc.add_heading("SUMMARY FINANCE PLAN", 2)
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
    )
    totals = table.add_row()
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
        _cell(totals.cells[index], text, bold=True)
    para(doc)
    mixed(
        doc,
        ("Prepared by: ", True),
        ("{{ signatory.name }}, {{ signatory.title }}, {{ authority.name }}", False),
    )
    return doc


def progress_review() -> Any:
    doc = new_document("School progress review")
    para(
        doc, "SCHOOL PROGRESS REVIEW – SCHOOLS CAUSING CONCERN", bold=True, align="center", size=14
    )
    para(doc, "Record of the meeting held on {{ date }}", align="center")
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
    doc.add_heading("Attendance", 2)
    field_table(
        doc,
        [
            ("Present", "{{ present | join('; ') }}"),
            ("Apologies", "{{ apologies | join('; ') }}"),
            ("Pupil attendance", "{{ pupil_attendance | default('Not reported') }}"),
        ],
    )
    doc.add_heading("Last inspection", 2)
    field_table(
        doc,
        [
            ("Date", "{{ last_inspection }}"),
            ("Overall outcome", "{{ last_outcome }}"),
            ("Areas for development", "{{ areas_for_development | join('; ') }}"),
        ],
    )
    doc.add_heading("Key issues for action", 2)
    tag(doc, "{%p for issue in issues %}")
    doc.add_heading("Progress with key issue {{ issue.number }}: {{ issue.title }}", 3)
    para(
        doc,
        "Record of actions which should have taken place by this date, and additional actions:",
        bold=True,
    )
    para(doc, "{{ issue.actions_record }}", align="justify")
    para(doc, "Impact of actions in meeting the success criteria:", bold=True)
    para(doc, "{{ issue.impact }}", align="justify")
    loop_table(
        doc,
        ["Success criterion", "Met", "Partially met", "Not met"],
        ["{{ c.criterion }}", "{{ c.met }}", "{{ c.partially_met }}", "{{ c.not_met }}"],
        "c in issue.criteria",
        widths=[10.0, 2.2, 2.2, 2.2],
    )
    tag(doc, "{%p endfor %}")
    doc.add_heading("School’s own targets", 2)
    loop_table(
        doc,
        ["Measure", "Target", "Current", "On track?"],
        ["{{ t.measure }}", "{{ t.target }}", "{{ t.current }}", "{{ t.on_track }}"],
        "t in targets",
    )
    doc.add_heading("Summary and evaluation", 2)
    para(doc, "{{ summary }}", align="justify")
    tag(doc, "{%p if other_business %}")
    para(doc, "Any other business", bold=True)
    para(doc, "{{ other_business }}")
    tag(doc, "{%p endif %}")
    mixed(doc, ("Date and time of next meeting: ", True), ("{{ next_meeting }}", False))
    doc.add_heading("Next steps", 2)
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
        size=9,
    )
    para(doc)
    para(doc, "{{ authority.name }}", italic=True)
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
    para(doc, "Dear {{ school.head_teacher }} and {{ school.chair_of_governors }},")
    para(doc, "{{ school.name }}: removal from the schools causing concern list", bold=True)
    tag(doc, "{%p if category %}")
    para(
        doc,
        "I am delighted to confirm that the school is no longer in the Ofsted category of "
        "concern ({{ category }}){% if inspection_dates %}, following the inspection of "
        "{{ inspection_dates }}{% endif %}, and that, with effect from {{ removed_on }}, it has "
        "been removed from the local authority’s list of schools causing concern.",
        align="justify",
    )
    tag(doc, "{%p else %}")
    para(
        doc,
        "I am delighted to confirm that, with effect from {{ removed_on }}, the school has been "
        "removed from the local authority’s list of schools causing concern.",
        align="justify",
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "This is a tribute to the hard work of pupils, staff and governors, and I would be "
        "grateful if you would pass on the authority’s thanks to everyone involved.",
        align="justify",
    )
    doc.add_heading("Exit arrangements", 2)
    para(
        doc,
        "To make sure that the improvements are sustained, the local authority will provide "
        "lighter-touch monitoring for at least 12 months: for {{ monitoring_months }} months, "
        "until {{ monitoring_until }}. During this period:",
        align="justify",
    )
    bullets(doc, "exit_arrangements", "{{ arrangement }}", var="arrangement")
    para(
        doc,
        "Any issues arising from the final evaluation or the inspection report should be "
        "addressed before the next inspection. The school will continue to receive its "
        "entitlement to support through the annual school improvement review.",
        align="justify",
    )
    signature(doc)
    contact(doc)
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


def main(argv: list[str]) -> int:
    """Write every template (or those named) into ``templates/england_maintained``."""
    sys.path[:0] = [str(OUT.parents[1] / "src")]
    from improvement_kit.documents.determinism import save_deterministic

    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        if argv and name not in argv:
            continue
        doc = build()
        (OUT / f"{name}.docx").write_bytes(save_deterministic(doc, FIXED.date()))
        print(f"wrote {OUT / (name + '.docx')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
