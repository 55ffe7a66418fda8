"""The bilingual Welsh documents (issue 11 point 6, issue 15's Welsh house style): Welsh dates,
language tags, the templates' structure, the contexts built from cases, and refusals.

Fictional schools and people only. Expected dates are the law's and a hand count, written in
comments; Welsh month names are those attested on official Welsh pages
(rules-wales-fe-academies.md 1.7).
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
import io
import itertools
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from docx.oxml.ns import qn

import improvement_kit_wales_schools
from improvement_kit.documents import build_context, load_house_style, render_bytes
from improvement_kit.documents.determinism import save_deterministic
from improvement_kit.documents.extra_data import ExtraDataError
from improvement_kit.documents.house_style import NEUTRAL, REQUIRED_STYLES
from improvement_kit.errors import CaseFileError, InputError
from improvement_kit.model import Case
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit_wales_schools import documents as wales
from improvement_kit_wales_schools.bilingual import BilingualDate, english_date, welsh_date

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("warning-notice", "follow-up-letter", "categorisation-letter")
SIDE = tuple(f"{name}-side-by-side" for name in NAMES)
ENGHRAIFFT = ROOT / "src/improvement_kit/documents/house_styles/enghraifft.docx"
CY, EN = "cy-GB", "en-GB"


@pytest.fixture(scope="module")
def kit() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_wales_schools]
    )
    assert not problems
    return Plugins(pm, problems)


def _case(kit: Plugins, change: Callable[[dict[str, Any]], None] | None = None) -> Case:
    data = wales.sample_case_data()
    if change is not None:
        change(data)
    return case_from_data(data, plugins=kit)


def _extra(change: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    data = copy.deepcopy(wales.sample_extra_data())
    if change is not None:
        change(data)
    return data


def _context(kit: Plugins, name: str, case: Case | None = None, extra: Any = None) -> Any:
    spec = kit.template(f"wales-schools:{name}")
    return build_context(
        spec, case or _case(kit), _extra() if extra is None else extra, plugins=kit
    )


def _runs(data: bytes) -> list[tuple[str, str | None]]:
    """Every run of the body with its text and w:lang, in order (paragraphs and tables)."""
    body = docx.Document(io.BytesIO(data)).element.body
    out = []
    for run in body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if not text.strip():
            continue
        rpr = run.find(qn("w:rPr"))
        lang = rpr.find(qn("w:lang")) if rpr is not None else None
        out.append((text, None if lang is None else lang.get(qn("w:val"))))
    return out


# --- Welsh dates ------------------------------------------------------------------------------

ATTESTED = [
    # (date, as official Welsh pages write it: legislation.gov.uk, Estyn, Business Wales)
    (dt.date(2025, 1, 2), "2 Ionawr 2025"),
    (dt.date(2019, 2, 18), "18 Chwefror 2019"),
    (dt.date(2013, 3, 4), "4 Mawrth 2013"),
    (dt.date(2019, 4, 1), "1 Ebrill 2019"),
    (dt.date(2011, 5, 10), "10 Mai 2011"),
    (dt.date(2026, 6, 29), "29 Mehefin 2026"),
    (dt.date(2030, 7, 31), "31 Gorffennaf 2030"),
    (dt.date(2024, 8, 25), "25 Awst 2024"),
    (dt.date(2016, 9, 1), "1 Medi 2016"),
    (dt.date(2023, 10, 11), "11 Hydref 2023"),
    (dt.date(2024, 11, 2), "2 Tachwedd 2024"),
    (dt.date(2024, 12, 23), "23 Rhagfyr 2024"),
]


@pytest.mark.parametrize(("day", "written"), ATTESTED)
def test_welsh_dates_use_the_welsh_month_names_without_an_ordinal(
    day: dt.date, written: str
) -> None:
    assert welsh_date(day) == written


def test_a_bilingual_date_carries_both_languages_and_the_day() -> None:
    both = BilingualDate.of(dt.date(2015, 3, 2))
    assert (both.day, both.cy, both.en) == (dt.date(2015, 3, 2), "2 Mawrth 2015", "2 March 2015")
    assert english_date(dt.date(2016, 4, 18)) == "18 April 2016"


# --- the committed files ----------------------------------------------------------------------


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "templates" / "build_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_welsh_templates_and_house_style_are_what_the_build_script_writes() -> None:
    module = _build_module()
    assert set(module.WALES_TEMPLATES) == set(NAMES + SIDE)
    for name, build in module.WALES_TEMPLATES.items():
        built = save_deterministic(build(), module.FIXED.date())
        committed = (ROOT / "templates" / "wales_schools" / f"{name}.docx").read_bytes()
        assert built == committed, f"{name}.docx differs: run python templates/build_templates.py"
    style = save_deterministic(module.enghraifft_house_style(), module.FIXED.date())
    assert style == ENGHRAIFFT.read_bytes()


def test_the_welsh_house_style_loads_defaults_to_welsh_and_tags_its_header_and_footer() -> None:
    house = load_house_style(ENGHRAIFFT)
    with zipfile.ZipFile(io.BytesIO(house.data)) as archive:
        styles = archive.read("word/styles.xml").decode()
        parts = "".join(
            archive.read(n).decode()
            for n in archive.namelist()
            if re.match(r"word/(header|footer)", n)
        )
    for style_id in REQUIRED_STYLES:
        assert f'w:styleId="{style_id}"' in styles
    defaults = styles[styles.index("<w:docDefaults") : styles.index("</w:docDefaults>")]
    assert 'w:lang w:val="cy-GB"' in defaults
    assert 'w:val="cy-GB"' in parts and 'w:val="en-GB"' in parts
    assert "Cyngor Sir Enghraifft" in parts and "Example County Council" in parts
    assert 'descr="Logo Cyngor Sir Enghraifft / Example County Council logo"' in parts


@pytest.mark.parametrize("name", NAMES + SIDE)
def test_every_run_of_a_template_says_its_language(name: str) -> None:
    data = (ROOT / "templates" / "wales_schools" / f"{name}.docx").read_bytes()
    for text, lang in _runs(data):
        if text.startswith("{%"):
            continue  # a {%p %} tag paragraph: removed on render
        assert lang in (CY, EN), f"{name}: run {text!r} has no language"


#: Direct formatting (a style's job); the English half's w:pageBreakBefore is the one
#: paragraph property the templates have.
DIRECT_RUN = ("w:b", "w:i", "w:sz", "w:color", "w:rFonts", "w:u", "w:highlight")
DIRECT_PARAGRAPH = ("w:jc", "w:ind", "w:spacing", "w:keepNext", "w:keepLines")


def _direct_formatting(document: Any, name: str) -> None:
    body = document.element.body
    for rpr in body.iter(qn("w:rPr")):
        if rpr.getparent().tag == qn("w:pPr"):
            continue
        assert not [t for t in DIRECT_RUN if rpr.find(qn(t)) is not None], name
    for ppr in body.iter(qn("w:pPr")):
        assert not [t for t in DIRECT_PARAGRAPH if ppr.find(qn(t)) is not None], name
    levels = [
        int(p.style.name.split()[-1])
        for p in document.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert levels[0] == 1 and levels.count(1) == 1, levels


@pytest.mark.parametrize("name", NAMES)
def test_the_templates_use_named_styles_only_and_break_once_before_the_english(
    name: str,
) -> None:
    document = docx.Document(str(ROOT / "templates" / "wales_schools" / f"{name}.docx"))
    _direct_formatting(document, name)
    breaks = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == 1 and breaks[0].text.startswith("Dear "), name
    assert not document.tables
    levels = [
        int(p.style.name.split()[-1])
        for p in document.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels


@pytest.mark.parametrize("name", SIDE)
def test_side_by_side_is_one_table_welsh_left_english_right_with_a_repeated_header(
    name: str,
) -> None:
    document = docx.Document(str(ROOT / "templates" / "wales_schools" / f"{name}.docx"))
    _direct_formatting(document, name)
    assert not [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    (table,) = document.tables
    rows = table._tbl.findall(qn("w:tr"))
    header = rows[0].find(qn("w:trPr"))
    assert header.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells] == ["Cymraeg", "English"]
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    for row in table.rows[1:]:
        welsh, english = (_runs_of(cell) for cell in row.cells)
        assert welsh and {lang for _, lang in welsh if not _.startswith("{%")} == {CY}, name
        assert english and {lang for _, lang in english if not _.startswith("{%")} == {EN}, name
        assert row._tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None


def _runs_of(cell: Any) -> list[tuple[str, str | None]]:
    out = []
    for run in cell._tc.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        lang = run.find(qn("w:rPr"))
        found = lang.find(qn("w:lang")) if lang is not None else None
        if text.strip():
            out.append((text, None if found is None else found.get(qn("w:val"))))
    return out


#: Words that are the same in Welsh and English text and belong in the Welsh half (reviewed):
#: names, abbreviations and symbols, and Welsh words spelt like English ones ("a" = and,
#: "i" = to, "o" = of, "ar" = on, "at" = to: "arwain at oedi", lead to a delay; "am" = for:
#: "Gofynnwch am", please ask for).
WELSH_ALLOWED = frozenset(
    {"a", "i", "o", "ar", "at", "am", "Estyn", "SAIL", "Dr", "Mr", "Mrs", "Ms"}
)


def _literal_words(data: bytes, lang: str) -> set[str]:
    words: set[str] = set()
    for text, found in _runs(data):
        if found != lang:
            continue
        literal = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text)
        words.update(re.findall(r"[A-Za-zÀ-ÿŵŷŴŶ’']+", literal))
    return words


@pytest.mark.parametrize("name", NAMES + SIDE)
def test_no_english_is_left_in_the_welsh_half(name: str) -> None:
    data = (ROOT / "templates" / "wales_schools" / f"{name}.docx").read_bytes()
    welsh = _literal_words(data, CY)
    english = _literal_words(data, EN) | {w.lower() for w in _literal_words(data, EN)}
    shared = {w for w in welsh if w in english or w.lower() in english} - WELSH_ALLOWED
    assert not shared, f"{name}: English words in the Welsh text: {sorted(shared)}"
    assert len(welsh) > 40


# --- contexts from cases ----------------------------------------------------------------------


def test_the_warning_notice_takes_its_dates_from_the_case_in_both_languages(kit: Plugins) -> None:
    context = _context(kit, "warning-notice")
    # the case's LA notice: given Mon 2 Mar 2015, compliance period specified to Fri 22 May 2015
    assert context.given_on.cy == "2 Mawrth 2015" and context.given_on.en == "2 March 2015"
    assert context.compliance_period_end.cy == "22 Mai 2015"
    assert [g.number for g in context.grounds] == [1, 2]
    assert context.grounds[1].cy.startswith("Mae methiant wedi bod")
    assert context.salutation.cy == "Mr Price" and context.salutation.en == "Mr Price"
    assert [c.en for c in context.copies] == [
        "Mrs Eleri Morgan, Headteacher",
        "The Welsh Ministers",
    ]
    assert sorted(context.meta.rule_ids) == ["W-WN-01", "W-WN-02"]
    assert context.authority.name == "Cyngor Sir Enghraifft / Example County Council"


def test_a_voluntary_aided_church_school_copies_the_appointer_and_the_religious_body(
    kit: Plugins,
) -> None:
    def church(data: dict[str, Any]) -> None:
        data["provider"].update(
            religious_character="church-in-wales",
            diocese="Esgobaeth Enghraifft / Diocese of Example",
            foundation_governor_appointer="Bwrdd Addysg yr Esgobaeth",
        )

    try:
        case = _case(kit, church)
    except CaseFileError:
        pytest.skip("religious character church-in-wales not in the model")
    copies = [c.en for c in _context(kit, "warning-notice", case).copies]
    assert copies[-1] == "The Welsh Ministers"
    assert any("appoints the foundation governors" in c for c in copies)
    assert any("(the appropriate religious body)" in c for c in copies)


def test_the_follow_up_letter_gives_the_plan_deadline_counted_on_welsh_bank_holidays(
    kit: Plugins,
) -> None:
    context = _context(kit, "follow-up-letter")
    # Report received Fri 5 May 2023; 20 working days following (W-PIAP-02): May 9-12 (4),
    # 15-19 (9), 22-26 (14), 30-31 (16; 8 May Coronation and 29 May spring bank holiday
    # skipped), Jun 1-2 (18), 5 (19), 6 (20) -> Tue 6 June 2023.
    assert context.piap_due.day == dt.date(2023, 6, 6)
    assert context.piap_due.cy == "6 Mehefin 2023"
    assert context.level_phrase.cy == "bod angen gwelliant sylweddol ar yr ysgol"
    assert context.school.body_must.cy == "Rhaid i’r corff llywodraethu"
    assert context.salutation.cy == "Mrs Morgan a Mr Price"
    assert context.salutation.en == "Mrs Morgan and Mr Price"


def test_a_pru_letter_names_the_management_committee_and_teacher_in_charge(kit: Plugins) -> None:
    def pru(data: dict[str, Any]) -> None:
        data["provider"].update(type="welsh-pru", name="Uned Glan-y-Dŵr")

    context = _context(kit, "follow-up-letter", _case(kit, pru))
    assert context.school.body_must.cy == "Rhaid i’r pwyllgor rheoli"
    assert context.school.head_role.en == "Teacher in Charge"
    assert context.school.chair_role.en == "Chair of the Management Committee"
    assert context.level_phrase.en == "the unit is in need of significant improvement"
    # the PRU row W-PIAP-02-PRU: the same 20 working days -> 6 June 2023
    assert context.piap_due.day == dt.date(2023, 6, 6)
    text = _text(render_bytes(kit.template("wales-schools:follow-up-letter"), context))
    assert "Rhaid i’r pwyllgor rheoli, gan weithio gyda’r awdurdod lleol" in text
    assert "The management committee must, working with the local authority" in text
    assert "Rhaid i’r corff llywodraethu" not in text and "The governing body must" not in text
    assert "Athro neu Athrawes â Gofal / Teacher in Charge" in text


def test_the_categorisation_letter_shows_the_round_and_flags_unverified_support(
    kit: Plugins,
) -> None:
    context = _context(kit, "categorisation-letter")
    assert (context.round, context.standards_group, context.capacity) == ("2015/16", 3, "C")
    assert context.colour.cy == "ambr" and context.support_days == 15
    assert context.support_days_checked is False  # amber's 15 days: no source read
    assert context.reviews[0].cy == "20 Ebrill 2016"
    later = _extra(lambda d: d["categorisation_letter"].update(round="2017/18"))
    context = _context(kit, "categorisation-letter", extra=later)
    assert context.standards_group is None and context.colour.en == "yellow"
    assert context.support_days == 10 and context.support_days_checked is True


def test_a_colour_left_to_the_placeholder_matrix_is_said_to_be_unverified(kit: Plugins) -> None:
    def no_colour(data: dict[str, Any]) -> None:
        data["events"][0].pop("colour")

    context = _context(kit, "categorisation-letter", _case(kit, no_colour))
    assert context.colour_from_placeholder is True
    text = _text(render_bytes(kit.template("wales-schools:categorisation-letter"), context))
    assert "nad yw wedi ei wirio yn erbyn y matrics cenedlaethol" in text
    assert "has not been checked against the published national matrix" in text


# --- rendered documents -----------------------------------------------------------------------


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize("name", NAMES)
def test_a_rendered_document_is_welsh_first_with_each_half_in_its_language(
    kit: Plugins, name: str
) -> None:
    spec = kit.template(f"wales-schools:{name}")
    data = render_bytes(spec, _context(kit, name), house_style=load_house_style(ENGHRAIFFT))
    runs = _runs(data)
    texts = [t for t, _ in runs]
    welsh_start = next(i for i, t in enumerate(texts) if t.startswith("Annwyl "))
    english_start = next(i for i, t in enumerate(texts) if t.startswith("Dear "))
    assert welsh_start < english_start
    assert {lang for _, lang in runs[welsh_start:english_start]} == {CY}
    assert {lang for _, lang in runs[english_start:]} == {EN}
    assert "Yn gywir," in texts[welsh_start:english_start]
    assert "Yours sincerely," in texts[english_start:]
    text = _text(data)
    assert not re.search(r"\b(i|o|â) y\b|\bi yr\b", text), "an elision was not made"
    assert not re.search(r"\{\{|\{%", text)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.language == "cy-GB"
    assert props.title.endswith(": Ysgol Gynradd Cwm Enghraifft")


@pytest.mark.parametrize("name", SIDE)
def test_a_side_by_side_document_renders_both_languages_row_by_row(kit: Plugins, name: str) -> None:
    spec = kit.template(f"wales-schools:{name}")
    data = render_bytes(spec, _context(kit, name), house_style=load_house_style(ENGHRAIFFT))
    (table,) = docx.Document(io.BytesIO(data)).tables
    first = table.rows[1].cells
    assert first[0].paragraphs[0].text.startswith("Annwyl Mr")
    assert first[1].paragraphs[0].text.startswith("Dear Mr")
    last = table.rows[-1].cells
    assert last[0].paragraphs[0].text == "Statws y geiriad"
    assert last[1].paragraphs[0].text == "Status of the wording"
    text = "\n".join(c.text for row in table.rows for c in row.cells)
    assert not re.search(r"\{\{|\{%", text)


def test_the_neutral_house_style_renders_the_welsh_templates_too(kit: Plugins) -> None:
    for name in NAMES:
        spec = kit.template(f"wales-schools:{name}")
        data = render_bytes(spec, _context(kit, name), house_style=load_house_style(NEUTRAL))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            header = "".join(archive.read(n).decode() for n in archive.namelist() if "header" in n)
        assert "Cyngor Sir Enghraifft / Example County Council" in header


# --- refusals ---------------------------------------------------------------------------------


def test_a_notice_before_20_february_2014_is_refused_as_an_ssfa_notice(kit: Plugins) -> None:
    extra = _extra(
        lambda d: d["warning_notice"].update(
            given_on="2014-02-19", compliance_period_end="2014-04-30"
        )
    )
    with pytest.raises(InputError, match=r"warning_notice\.given_on: .*SSFA 1998 s\.15"):
        _context(kit, "warning-notice", extra=extra)


@pytest.mark.parametrize(
    ("grounds", "message"),
    [
        ([7], "needs no warning notice"),
        ([1, 9], r"grounds\[1\].*not a ground 1 to 6"),
        ([], "at least one"),
    ],
)
def test_grounds_outside_1_to_6_are_refused(kit: Plugins, grounds: list[int], message: str) -> None:
    extra = _extra(lambda d: d["warning_notice"].update(grounds=grounds))
    with pytest.raises(InputError, match=message):
        _context(kit, "warning-notice", extra=extra)


def test_a_warning_notice_to_a_pru_is_refused(kit: Plugins) -> None:
    case = _case(kit, lambda d: d["provider"].update(type="welsh-pru"))
    with pytest.raises(InputError, match="not a maintained school"):
        _context(kit, "warning-notice", case)


def test_a_compliance_period_ending_on_or_before_the_notice_is_refused(kit: Plugins) -> None:
    extra = _extra(lambda d: d["warning_notice"].update(compliance_period_end="2015-03-02"))
    with pytest.raises(InputError, match=r"compliance_period_end.*not after"):
        _context(kit, "warning-notice", extra=extra)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["warning_notice"]["reasons"][0].pop("cy"),
            r"warning_notice\.reasons\[0\]\.cy: required field missing",
        ),
        (
            lambda d: d["warning_notice"].update(minded_to_take=["s10"]),
            r"minded_to_take\[0\]: 's10' is not one of 's5'",
        ),
        (lambda d: d["council"].update(adress="x"), "council: unknown field: adress .*'address'"),
        (lambda d: d["signatory"].update(name=5), r"signatory\.name: 5 is a number, not text"),
        (
            lambda d: d["follow_up_letter"].update(reviews=["2023-02-30"]),
            r"follow_up_letter\.reviews\[0\]: '2023-02-30'",
        ),
        (
            lambda d: d["warning_notice"]["reasons"][1].update(en=" "),
            r"warning_notice\.reasons\[1\]\.en: is empty",
        ),
    ],
)
def test_bad_extra_data_is_refused_with_its_path(
    kit: Plugins, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ExtraDataError, match=message):
        _context(kit, "warning-notice", extra=_extra(change))


def test_a_categorisation_round_not_recorded_or_outside_the_rounds_is_refused(
    kit: Plugins,
) -> None:
    missing = _extra(lambda d: d["categorisation_letter"].update(round="2016/17"))
    with pytest.raises(InputError, match="not recorded in the case"):
        _context(kit, "categorisation-letter", extra=missing)
    outside = _extra(lambda d: d["categorisation_letter"].update(round="2021/22"))
    with pytest.raises(InputError, match="not a national categorisation round"):
        _context(kit, "categorisation-letter", extra=outside)


def test_the_cli_refuses_bad_extra_data_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    import yaml

    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(wales.sample_case_data(), allow_unicode=True), "utf-8")
    extra = tmp_path / "extra.yaml"
    bad = _extra(lambda d: d["warning_notice"].update(grounds=[8]))
    extra.write_text(yaml.safe_dump(bad, allow_unicode=True), "utf-8")
    out = tmp_path / "notice.docx"
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "improvement_kit",
            "render",
            "wales-schools:warning-notice",
            str(case),
            "--data",
            str(extra),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 2, found.stderr
    assert len(found.stderr.strip().splitlines()) == 1, found.stderr
    assert "warning_notice.grounds[0]" in found.stderr and "s.4(4)" in found.stderr
    assert not out.exists()
    extra.write_text(yaml.safe_dump(_extra(), allow_unicode=True), "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "improvement_kit",
            "render",
            "wales-schools:warning-notice",
            str(case),
            "--data",
            str(extra),
            "-o",
            str(out),
            "--house-style",
            str(ENGHRAIFFT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "2 Mawrth 2015" in _text(out.read_bytes())


def test_the_specs_name_welsh_as_the_document_language(kit: Plugins) -> None:
    specs = [s for s in kit.templates() if s.jurisdiction == "wales-schools"]
    assert sorted(s.id.split(":")[1] for s in specs) == sorted(NAMES + SIDE)
    assert {s.language for s in specs} == {"cy-GB"}
    assert all(attrs.has(s.context_type) for s in specs)


def test_without_names_the_letters_greet_and_address_the_roles(kit: Plugins) -> None:
    def nameless(data: dict[str, Any]) -> None:
        data["provider"].pop("head_teacher")
        data["provider"].pop("chair_of_governors")

    case = _case(kit, nameless)
    notice = _text(
        render_bytes(
            kit.template("wales-schools:warning-notice"), _context(kit, "warning-notice", case)
        )
    )
    # "Annwyl" softly mutates "Cadeirydd": the whole phrase is stored, never joined in code
    assert "Annwyl Gadeirydd y Corff Llywodraethu," in notice
    assert "Dear Chair of Governors," in notice
    assert "\nCadeirydd y Corff Llywodraethu / Chair of the Governing Body\n" in notice
    letter = _text(
        render_bytes(
            kit.template("wales-schools:follow-up-letter"), _context(kit, "follow-up-letter", case)
        )
    )
    assert "Annwyl Bennaeth a Chadeirydd," in letter and "Dear Headteacher and Chair," in letter
    assert "\nPennaeth / Headteacher\n" in letter
    assert not re.search(r"^, ", letter, flags=re.MULTILINE)


def test_two_readers_are_joined_by_ac_before_a_vowel(kit: Plugins) -> None:
    def untitled_chair(data: dict[str, Any]) -> None:
        data["provider"].update(head_teacher="Mr Gareth Price", chair_of_governors="Eleri Morgan")

    context = _context(kit, "follow-up-letter", _case(kit, untitled_chair))
    assert context.salutation.cy == "Mr Price ac Eleri Morgan"
    assert context.salutation.en == "Mr Price and Eleri Morgan"
