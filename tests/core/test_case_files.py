"""Case files: every problem is reported with its field path and value; nothing is coerced."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import d

from improvement_kit.errors import CaseFileError
from improvement_kit.model import (
    Category,
    Grade,
    Inspection,
    NoticeGiver,
    NoticeGround,
    ProviderType,
    Safeguarding,
    TermDates,
    WarningNoticeGiven,
)
from improvement_kit.serialization import case_from_data, case_to_data, load_case

PROVIDER = {
    "urn": "100001",
    "name": 'St Mary & St John <C of E> "Primary"',
    "type": "voluntary-aided",
    "religious_character": "church-of-england",
}


def data(*events: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "jurisdiction": "england-maintained",
        "provider": PROVIDER,
        "events": list(events),
        **extra,
    }


def errors(raw: object) -> tuple[str, ...]:
    with pytest.raises(CaseFileError) as info:
        case_from_data(raw, "case.yaml")
    return info.value.errors


def test_a_full_case_is_read_into_typed_values() -> None:
    case = case_from_data(
        data(
            {
                "type": "inspection",
                "start": "2026-01-13",
                "end": "2026-01-14",
                "grades": {"leadership-and-governance": "urgent-improvement"},
                "safeguarding": "met",
            },
            {
                "type": "warning-notice-given",
                "date": "2025-12-18",
                "ground": "teachers-pay-and-conditions",
                "given_by": "local-authority",
                "compliance_period": "15 working days following",
            },
        )
    )
    assert case.provider.type is ProviderType.VOLUNTARY_AIDED
    assert case.provider.identifier == "100001"
    notice, inspection = case.events  # sorted by date
    assert isinstance(notice, WarningNoticeGiven) and isinstance(inspection, Inspection)
    assert notice.ground is NoticeGround.TEACHERS_PAY_AND_CONDITIONS
    assert notice.given_by is NoticeGiver.LOCAL_AUTHORITY
    assert inspection.grades == {"leadership-and-governance": Grade.URGENT_IMPROVEMENT}
    assert inspection.safeguarding is Safeguarding.MET
    assert (inspection.start, inspection.end) == (d("2026-01-13"), d("2026-01-14"))


def test_an_impossible_date_is_named_by_its_path() -> None:
    assert errors(
        data(
            {"type": "report-published", "date": "2025-01-01"},
            {"type": "report-published", "date": "2025-01-02"},
            {"type": "report-published", "date": "31/02/2025"},
        )
    ) == ("events[2].date: '31/02/2025' is not an ISO date (YYYY-MM-DD)",)


def test_an_unknown_event_type_lists_the_known_ones() -> None:
    (message,) = errors(data({"type": "visit", "date": "2025-01-01"}))
    assert message.startswith("events[0]: event type 'visit' is not one of academy-order-made,")


def test_an_unknown_field_is_rejected_not_ignored() -> None:
    (message,) = errors(data({"type": "report-published", "date": "2025-01-01", "dat": "x"}))
    assert message == "events[0]: unknown field: dat (did you mean 'date'?)"


def test_a_missing_field_is_named() -> None:
    (message,) = errors(data({"type": "ofsted-category-notice", "date": "2025-01-01"}))
    assert message == "events[0].category: required field missing"


def test_a_bad_enumeration_value_lists_the_allowed_values() -> None:
    (message,) = errors(
        data({"type": "ofsted-category-notice", "date": "2025-01-01", "category": "failing"})
    )
    assert message.startswith("events[0].category: 'failing' is not one of 'special-measures',")


def test_the_string_false_is_not_a_boolean() -> None:
    (message,) = errors(
        data(
            {
                "type": "inspection",
                "start": "2019-03-12",
                "end": "2019-03-13",
                "leadership_capacity": "false",
            }
        )
    )
    assert message == "events[0].leadership_capacity: 'false' is not true or false"


def test_every_problem_is_listed() -> None:
    found = errors(
        {
            "jurisdiction": "england-maintained",
            "provider": {"urn": "1", "name": "X", "type": "grammar"},
            "events": [{"type": "report-published", "date": "yesterday"}],
        }
    )
    assert len(found) == 2
    assert any(e.startswith("provider.type: 'grammar' is not one of") for e in found)
    assert "events[0].date: 'yesterday' is not an ISO date (YYYY-MM-DD)" in found


def test_an_inspection_has_start_and_end_not_date() -> None:
    (message,) = errors(data({"type": "inspection", "date": "2019-03-12"}))
    assert "an inspection has 'start' and 'end', not 'date'" in message


def test_an_inspection_ending_before_it_starts_is_rejected() -> None:
    (message,) = errors(data({"type": "inspection", "start": "2019-03-13", "end": "2019-03-12"}))
    assert "start 2019-03-13 is after end 2019-03-12" in message


def test_the_error_message_names_the_file() -> None:
    with pytest.raises(CaseFileError, match=r"^case\.yaml: events\[0\]\.date"):
        case_from_data(data({"type": "report-published", "date": "2025-13-01"}), "case.yaml")


def test_yaml_and_json_files_read_the_same(tmp_path: Path) -> None:
    raw = data({"type": "report-published", "date": "2025-01-01"})
    (tmp_path / "c.json").write_text(json.dumps(raw), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "jurisdiction: england-maintained\n"
        "provider: {urn: '100001', name: 'St Mary & St John <C of E> \"Primary\"',"
        " type: voluntary-aided, religious_character: church-of-england}\n"
        "events:\n  - {type: report-published, date: 2025-01-01}\n",
        encoding="utf-8",
    )
    assert load_case(tmp_path / "c.json") == load_case(tmp_path / "c.yaml")


def test_a_case_survives_a_round_trip() -> None:
    case = case_from_data(
        data(
            {
                "type": "inspection",
                "start": "2019-03-12",
                "end": "2019-03-13",
                "grades": {"overall-effectiveness": "inadequate"},
                "leadership_capacity": False,
                "category": "special-measures",
            },
            {
                "type": "warning-notice-given",
                "date": "2025-12-18",
                "compliance_period_end": "2026-01-13",
            },
            school_holidays=[{"start": "2025-12-22", "end": "2026-01-02", "name": "Christmas"}],
        )
    )
    assert case_from_data(case_to_data(case)) == case
    assert case.inspections()[0].category is Category.SPECIAL_MEASURES


def test_term_dates_can_come_from_a_csv_file(tmp_path: Path) -> None:
    (tmp_path / "terms.csv").write_text(
        "start,end,name\n2025-12-22,2026-01-02,Christmas holiday\n", encoding="utf-8"
    )
    (tmp_path / "case.yaml").write_text(
        "jurisdiction: england-maintained\n"
        "provider: {urn: '100001', name: X, type: community}\n"
        "events:\n  - {type: term-dates, file: terms.csv}\n",
        encoding="utf-8",
    )
    case = load_case(tmp_path / "case.yaml")
    (holiday,) = case.all_school_holidays()
    assert (holiday.start, holiday.end, holiday.reason) == (
        d("2025-12-22"),
        d("2026-01-02"),
        "Christmas holiday",
    )
    assert isinstance(case.events[0], TermDates)


def test_a_file_that_is_not_yaml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("events: [unclosed\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="not valid YAML"):
        load_case(tmp_path / "bad.yaml")


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="cannot be read"):
        load_case(tmp_path / "nope.yaml")
