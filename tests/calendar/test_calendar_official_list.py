"""The calendar's holidays come from the ``holidays`` package and agree with GOV.UK's list."""

from __future__ import annotations

import importlib.util
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from improvement_kit.calendar import Region, get_calendar
from improvement_kit.calendar.tables import (
    FIRST_YEAR,
    GOVUK_FILE,
    LAST_YEAR,
    SNAPSHOT_FILE,
    confirmed_until,
    live_non_working_weekdays,
    non_working_weekdays,
)

REGIONS = [pytest.param(region, id=region.value) for region in Region]

#: Weekdays on which the bundled GOV.UK list and the calendar are allowed to disagree, with why.
#: Empty: the only known difference (Scotland, Mon 15 Jun 2026, missing from the copy of the
#: list in govuk-bank-holidays 0.19) has been added to the bundled file (see data/README.md).
DOCUMENTED_DIFFERENCES: dict[Region, dict[date, str]] = {region: {} for region in Region}


def _govuk() -> dict[str, dict[str, list[dict[str, str]]]]:
    data: dict[str, dict[str, list[dict[str, str]]]] = json.loads(
        GOVUK_FILE.read_text(encoding="utf-8")
    )
    return data


def _weekdays(first: date, last: date) -> list[date]:
    return [
        first + timedelta(days=i)
        for i in range((last - first).days + 1)
        if (first + timedelta(days=i)).weekday() < 5
    ]


@pytest.mark.parametrize("region", REGIONS)
def test_the_official_list_names_exactly_the_non_working_weekdays_of_every_year_it_covers(
    region: Region,
) -> None:
    events = _govuk()[region.value]["events"]
    official = {date.fromisoformat(e["date"]): e["title"] for e in events}
    first = date(min(official).year, 1, 1)
    last = date(max(official).year, 12, 31)
    calendar = get_calendar(region)
    disagreements = [
        (day, official.get(day), calendar.reason(day))
        for day in _weekdays(first, last)
        if (day in official) == calendar.is_working_day(day)
        and day not in DOCUMENTED_DIFFERENCES[region]
    ]
    assert disagreements == []
    assert calendar.confirmed_until == last


def test_the_bundled_list_is_the_packaged_govuk_list_plus_scotlands_15_june_2026_only() -> None:
    spec = importlib.util.find_spec("govuk_bank_holidays")
    if spec is None or spec.origin is None:
        pytest.skip("govuk-bank-holidays is not installed")
    packaged = json.loads((Path(spec.origin).parent / "bank-holidays.json").read_text("utf-8"))
    bundled = _govuk()
    for region in Region:
        ours = {(e["date"], e["title"]) for e in bundled[region.value]["events"]}
        theirs = {(e["date"], e["title"]) for e in packaged[region.value]["events"]}
        added = {day for day, _ in ours - theirs}
        assert not theirs - ours
        assert added == ({"2026-06-15"} if region is Region.SCOTLAND else set())


@pytest.mark.parametrize("region", REGIONS)
def test_the_snapshot_equals_live_holidays_output_for_every_year_it_covers(region: Region) -> None:
    snapshot = json.loads(SNAPSHOT_FILE.read_text(encoding="utf-8"))
    years = range(snapshot["first_year"], snapshot["last_year"] + 1)
    assert (snapshot["first_year"], snapshot["last_year"]) == (FIRST_YEAR, LAST_YEAR)
    live = live_non_working_weekdays(region, years)
    assert dict(non_working_weekdays(region)) == live


@pytest.mark.parametrize("region", REGIONS)
def test_confirmed_until_is_the_end_of_the_last_year_of_the_official_list(region: Region) -> None:
    last = max(date.fromisoformat(e["date"]) for e in _govuk()[region.value]["events"])
    assert confirmed_until(region) == date(last.year, 12, 31) == date(2028, 12, 31)


def test_england_and_wales_have_the_same_holidays_in_the_holidays_package() -> None:
    from holidays.countries.united_kingdom import UnitedKingdom

    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    england = UnitedKingdom(subdiv="ENG", years=years)  # type: ignore[no-untyped-call]
    wales = UnitedKingdom(subdiv="WLS", years=years)  # type: ignore[no-untyped-call]
    assert dict(england) == dict(wales)


def test_the_holidays_package_without_a_subdivision_drops_easter_monday_so_it_is_never_used() -> (
    None
):
    from holidays.countries.united_kingdom import UnitedKingdom

    without = UnitedKingdom(years=[2025])  # type: ignore[no-untyped-call]
    with_england = UnitedKingdom(subdiv="ENG", years=[2025])  # type: ignore[no-untyped-call]
    assert date(2025, 4, 21) not in without
    assert date(2025, 4, 21) in with_england
    assert get_calendar().reason(date(2025, 4, 21)) == "Easter Monday"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        pytest.param(date(2011, 4, 29), "Wedding of William and Catherine", id="29 Apr 2011"),
        pytest.param(date(2012, 6, 4), "Spring Bank Holiday", id="4 Jun 2012"),
        pytest.param(date(2012, 6, 5), "Diamond Jubilee of Elizabeth II", id="5 Jun 2012"),
        pytest.param(date(2020, 5, 8), "May Day", id="8 May 2020"),
        pytest.param(date(2022, 6, 2), "Spring Bank Holiday", id="2 Jun 2022"),
        pytest.param(date(2022, 6, 3), "Platinum Jubilee of Elizabeth II", id="3 Jun 2022"),
        pytest.param(date(2022, 9, 19), "State Funeral of Queen Elizabeth II", id="19 Sep 2022"),
        pytest.param(date(2023, 5, 8), "Coronation of Charles III", id="8 May 2023"),
    ],
)
def test_every_one_off_proclaimed_day_in_england_and_wales_is_not_a_working_day(
    day: date, name: str
) -> None:
    assert get_calendar().reason(day) == name


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(date(2012, 5, 28), id="last Monday of May 2012 (moved to 4 Jun)"),
        pytest.param(date(2020, 5, 4), id="first Monday of May 2020 (moved to 8 May)"),
        pytest.param(date(2022, 5, 30), id="last Monday of May 2022 (moved to 2 Jun)"),
    ],
)
def test_a_bank_holiday_moved_by_proclamation_leaves_its_usual_day_a_working_day(day: date) -> None:
    assert get_calendar().is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(date(2026, 12, 28), id="Mon 28 Dec 2026"),
        pytest.param(date(2027, 12, 27), id="Mon 27 Dec 2027"),
        pytest.param(date(2027, 12, 28), id="Tue 28 Dec 2027"),
        pytest.param(date(2028, 1, 3), id="Mon 3 Jan 2028"),
    ],
)
def test_the_catalogues_future_substitute_days_are_not_working_days(day: date) -> None:
    reason = get_calendar().reason(day)
    assert reason is not None
    assert reason.endswith("(substitute day)")


@pytest.mark.parametrize(
    ("year", "days"),
    [
        (2007, "0101 0406 0409 0507 0528 0827 1225 1226"),
        (2008, "0101 0321 0324 0505 0526 0825 1225 1226"),
        (2009, "0101 0410 0413 0504 0525 0831 1225 1228"),
        (2010, "0101 0402 0405 0503 0531 0830 1227 1228"),
        (2011, "0103 0422 0425 0429 0502 0530 0829 1226 1227"),
        (2012, "0102 0406 0409 0507 0604 0605 0827 1225 1226"),
        (2013, "0101 0329 0401 0506 0527 0826 1225 1226"),
        (2014, "0101 0418 0421 0505 0526 0825 1225 1226"),
        (2015, "0101 0403 0406 0504 0525 0831 1225 1228"),
        (2016, "0101 0325 0328 0502 0530 0829 1226 1227"),
        (2017, "0102 0414 0417 0501 0529 0828 1225 1226"),
        (2018, "0101 0330 0402 0507 0528 0827 1225 1226"),
        (2019, "0101 0419 0422 0506 0527 0826 1225 1226"),
        (2020, "0101 0410 0413 0508 0525 0831 1225 1228"),
        (2021, "0101 0402 0405 0503 0531 0830 1227 1228"),
        (2022, "0103 0415 0418 0502 0602 0603 0829 0919 1226 1227"),
        (2023, "0102 0407 0410 0501 0508 0529 0828 1225 1226"),
        (2024, "0101 0329 0401 0506 0527 0826 1225 1226"),
        (2025, "0101 0418 0421 0505 0526 0825 1225 1226"),
        (2026, "0101 0403 0406 0504 0525 0831 1225 1228"),
        (2027, "0101 0326 0329 0503 0531 0830 1227 1228"),
    ],
)
def test_the_england_and_wales_excluded_weekdays_match_catalogue_table_1_2(
    year: int, days: str
) -> None:
    expected = [date(year, int(d[:2]), int(d[2:])) for d in days.split()]
    assert [day for day, _ in get_calendar().non_working_weekdays(year)] == expected


def test_regenerating_the_snapshot_would_change_nothing() -> None:
    script = Path(__file__).resolve().parents[2] / "scripts" / "regenerate_holiday_snapshot.py"
    spec = importlib.util.spec_from_file_location("regenerate_holiday_snapshot", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    regenerated = module.build()
    bundled = json.loads(SNAPSHOT_FILE.read_text(encoding="utf-8"))
    regenerated.pop("holidays_version")
    bundled.pop("holidays_version")
    assert regenerated == bundled


def test_years_missing_from_the_snapshot_are_taken_from_live_holidays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from improvement_kit.calendar import tables

    real = json.loads(SNAPSHOT_FILE.read_text(encoding="utf-8"))
    entry = real["regions"]["england-and-wales"]
    narrow = {
        "first_year": 2020,
        "last_year": 2030,
        "regions": {
            "england-and-wales": {
                **entry,
                "days": {d: i for d, i in entry["days"].items() if "2020" <= d[:4] <= "2030"},
            }
        },
    }
    monkeypatch.setattr(tables, "_snapshot", lambda: narrow)
    tables.non_working_weekdays.cache_clear()
    try:
        days = tables.non_working_weekdays(Region.ENGLAND_AND_WALES)
        assert days[date(2011, 4, 29).toordinal()] == "Wedding of William and Catherine"
        assert days[date(2026, 12, 28).toordinal()] == "Boxing Day (substitute day)"
        assert days[date(2099, 12, 25).toordinal()] == "Christmas Day"
    finally:
        tables.non_working_weekdays.cache_clear()
