"""The England maintained templates read ``--data`` through their typed classes: bad dates,
wrong types, unknown keys (with the nearest name) and missing required fields are refused
together, by path, from Python and from the command line, and nothing is written."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from improvement_kit.cli import main
from improvement_kit.documents import ExtraDataError, build_context
from improvement_kit.errors import InputError
from improvement_kit.plugins import Plugins
from improvement_kit.serialization import case_from_data
from improvement_kit_england_maintained.documents import ExtraData, read_extra

ROOT = Path(__file__).parents[2]
DEMO_CASE = ROOT / "examples" / "demo" / "case.yaml"
DEMO_DATA = ROOT / "examples" / "data" / "demo.yaml"


def refusals(
    plugins: Plugins, case: dict[str, Any], extra: dict[str, Any], template: str
) -> tuple[str, ...]:
    spec = plugins.template(f"england-maintained:{template}")
    with pytest.raises(ExtraDataError) as info:
        build_context(spec, case_from_data(case), extra, plugins=plugins)
    assert isinstance(info.value, InputError)
    return info.value.errors


def test_the_sample_and_demo_data_fit_their_classes(sample_extra: dict[str, Any]) -> None:
    data = read_extra(sample_extra)
    assert isinstance(data, ExtraData)
    assert data.plan_of_action.finance is not None
    assert data.plan_of_action.finance[0].amounts[0] == 4000
    assert data.removal.removed_on == dt.date(2027, 5, 14)
    assert read_extra({}) == ExtraData()


def test_every_problem_in_the_file_is_listed_at_once_by_path(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    extra = copy.deepcopy(sample_extra)
    extra["removal"]["removed_on"] = "14/05/2027"
    extra["statement_of_action"]["target_months"] = "eighteen"
    extra["progress_review"]["targets"][0]["current"] = 58
    extra["plan_of_action"]["key_issues"][1]["actions"][0]["lede"] = "Chair"
    extra["senior_advisor"] = {"name": "Mrs Anna Fielding"}
    extra["progress_review"]["key_issues"][0]["criteria"][0] = {"criterion": "70%"}
    # the letter checks the whole file: the problems are in other documents' tables
    assert refusals(plugins, sample_case, extra, "causes-of-concern-letter") == (
        "statement_of_action.target_months: 'eighteen' is not a whole number",
        "plan_of_action.key_issues[1].actions[0]: unknown field: lede (did you mean 'lead'?)",
        "progress_review.key_issues[0].criteria[0].status: required field missing",
        "progress_review.targets[0].current: 58 is not text "
        "(put it in quotes if it is meant as text)",
        "removal.removed_on: '14/05/2027' is not an ISO date (YYYY-MM-DD)",
        "unknown field: senior_advisor (did you mean 'senior_adviser'?)",
    )


@pytest.mark.parametrize(
    ("template", "table", "change", "expected"),
    [
        (
            "warning-notice",
            "warning_notice",
            {"grounds": ["standards", "safty"]},
            "warning_notice.grounds[1]: 'safty' is not one of 'standards', 'breakdown', "
            "'safety' (did you mean 'safety'?)",
        ),
        (
            "warning-notice",
            "warning_notice",
            {"given_on": "2025-02-30"},
            "warning_notice.given_on: '2025-02-30' is not a valid date",
        ),
        (
            "proposed-intervention-notice",
            "proposed_intervention",
            {"ground": "teachers-pay"},
            "proposed_intervention.ground: 'teachers-pay' is not one of "
            "'performance-standards-and-safety', 'teachers-pay-and-conditions' "
            "(did you mean 'teachers-pay-and-conditions'?)",
        ),
        (
            "causes-of-concern-letter",
            "causes_of_concern",
            {"concerns": "Attainment is low"},
            "causes_of_concern.concerns: 'Attainment is low' is text, not a list",
        ),
        (
            "plan-of-action",
            "plan_of_action",
            {"finance": [{"source": "School", "amounts": [1, 2, 3, 4, 5, 6]}]},
            "plan_of_action.finance[0].amounts: has 6 amounts, more than the form's 5",
        ),
        (
            "statement-of-action",
            "statement_of_action",
            {"capacity": {"school": [{"net_capacity": "210", "projected": [1, 2, 3, 4]}]}},
            "statement_of_action.capacity.school[0].net_capacity: '210' is not a whole number",
        ),
        (
            "statement-of-action",
            "statement_of_action",
            {"target_months": 0},
            "statement_of_action.target_months: 0 is not a number of months (1 or more)",
        ),
        (
            "progress-review",
            "progress_review",
            {"key_issues": [{"criteria": [{"status": "partly-met"}]}]},
            "progress_review.key_issues[0].criteria[0].status: 'partly-met' is not one of "
            "'met', 'partially-met', 'not-met' (did you mean 'partially-met'?)",
        ),
        (
            "removal-letter",
            "removal",
            {"monitoring_months": 6},
            "removal.monitoring_months: 6 is less than the 12 months of exit monitoring",
        ),
    ],
    ids=[
        "ground",
        "impossible-date",
        "notice-ground",
        "bare-string-list",
        "six-amounts",
        "number-as-text",
        "zero-months",
        "criterion-status",
        "short-monitoring",
    ],
)
def test_a_bad_value_is_refused_by_its_path(
    plugins: Plugins,
    sample_case: dict[str, Any],
    sample_extra: dict[str, Any],
    template: str,
    table: str,
    change: dict[str, Any],
    expected: str,
) -> None:
    extra = copy.deepcopy(sample_extra)
    extra[table] = {**extra[table], **change}
    assert refusals(plugins, sample_case, extra, template)[0] == expected


def test_a_power_the_notice_cannot_name_is_refused_by_its_place_in_the_list(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    # s.60A(1): an authority acting on a pay and conditions notice has ss.64-66 only
    extra = copy.deepcopy(sample_extra)
    extra["tpc_warning_notice"]["minded_to_take"] = ["s64", "s.63", "S69"]
    assert refusals(plugins, sample_case, extra, "tpc-warning-notice") == (
        "tpc_warning_notice.minded_to_take[1]: 's.63' is not a power available for a teachers' "
        "pay and conditions warning notice (sections 64 to 66 only)",
        "tpc_warning_notice.minded_to_take[2]: 'S69' is not a power available for a teachers' "
        "pay and conditions warning notice (sections 64 to 66 only)",
    )


def test_a_table_left_empty_is_the_same_as_no_table(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    # "removal:" with everything under it commented out is null in YAML
    spec = plugins.template("england-maintained:removal-letter")
    case = case_from_data(sample_case)
    without = {k: v for k, v in sample_extra.items() if k != "removal"}
    emptied = {**sample_extra, "removal": None}
    assert build_context(spec, case, emptied, plugins=plugins) == build_context(
        spec, case, without, plugins=plugins
    )


def test_a_date_in_a_text_field_is_written_as_a_letter_writes_it(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    # YAML reads "next_meeting: 2026-03-23" (unquoted) as a date
    spec = plugins.template("england-maintained:progress-review")
    extra = copy.deepcopy(sample_extra)
    extra["progress_review"]["next_meeting"] = dt.date(2026, 3, 23)
    context = build_context(spec, case_from_data(sample_case), extra, plugins=plugins)
    assert context.next_meeting == "23 March 2026"


def _bad_demo_data(tmp_path: Path) -> Path:
    text = DEMO_DATA.read_text("utf-8")
    text = text.replace("  target_months: 18\n", "  target_months: eighteen\n")
    text = text.replace("  removed_on: 2027-05-14\n", "  removed_on: 14/05/2027\n")
    text += "senior_advisor:\n  name: Mrs Anna Fielding\n"
    data = tmp_path / "data.yaml"
    data.write_text(text, "utf-8")
    return data


def test_the_command_line_refuses_bad_data_in_one_line_exit_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _bad_demo_data(tmp_path)
    out = tmp_path / "out" / "soa.docx"
    capsys.readouterr()
    status = main(
        [
            "render",
            "england-maintained:statement-of-action",
            str(DEMO_CASE),
            "--data",
            str(data),
            "-o",
            str(out),
        ]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("improvement-kit: error: extra data: ")
    for problem in (
        "statement_of_action.target_months: 'eighteen' is not a whole number",
        "removal.removed_on: '14/05/2027' is not an ISO date (YYYY-MM-DD)",
        "unknown field: senior_advisor (did you mean 'senior_adviser'?)",
    ):
        assert problem in err
    assert not out.exists() and not out.parent.exists()


def test_a_batch_row_with_bad_fields_fails_alone_and_csv_numbers_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a CSV cell is text: "12" for target_months is the number 12, "x12" is refused
    csv = tmp_path / "rows.csv"
    csv.write_text(
        "case,output,statement_of_action.target_months,officer.nmae\n"
        f"{DEMO_CASE},good.docx,12,\n"
        f"{DEMO_CASE},bad.docx,x12,Mr Tom Hartley\n",
        "utf-8",
    )
    out = tmp_path / "out"
    capsys.readouterr()
    status = main(
        [
            "batch",
            "england-maintained:statement-of-action",
            str(csv),
            "-o",
            str(out),
            "--data",
            str(DEMO_DATA),
            "--quiet",
        ]
    )
    err = capsys.readouterr().err
    assert status == 1
    assert (out / "good.docx").exists() and not (out / "bad.docx").exists()
    assert (
        "row 3: extra data: officer: unknown field: nmae (did you mean 'name'?); "
        "statement_of_action.target_months: 'x12' is not a whole number"
    ) in err
