"""The worked examples of rules-catalogue.md §7 that are pure calendar computations.

Every expected date was counted by hand from the law (catalogue §1.2 and §7, re-checked in
rules-england-verified.md); none comes from running this code.
"""

from __future__ import annotations

from datetime import date

import pytest

from improvement_kit.calendar import (
    Closure,
    Convention,
    Region,
    SkippedDay,
    calendar_days_elapsed,
    get_calendar,
    months_following,
)
from improvement_kit.errors import NoCorrespondingDateError

CHRISTMAS_2025 = Closure(date(2025, 12, 22), date(2026, 1, 2), "Christmas holiday")
SUMMER_2026 = Closure(date(2026, 7, 23), date(2026, 9, 1), "Summer holiday")

FIFTEEN_FOLLOWING = [
    pytest.param(
        date(2014, 12, 18),
        date(2015, 1, 13),
        id="ex1: a warning notice given on Thu 18 Dec 2014 ends its initial period on 13 Jan 2015",
    ),
    pytest.param(
        date(2025, 12, 18),
        date(2026, 1, 13),
        id="ex2: a notice copying the old formula on Thu 18 Dec 2025 ends on Tue 13 Jan 2026",
    ),
    pytest.param(
        date(2015, 4, 1),
        date(2015, 4, 24),
        id="ex6: a notice given on Wed 1 Apr 2015 skips Easter and ends on Fri 24 Apr 2015",
    ),
    pytest.param(
        date(2011, 4, 21),
        date(2011, 5, 18),
        id="ex7: a notice given on Thu 21 Apr 2011 skips the royal wedding and ends on 18 May 2011",
    ),
    pytest.param(
        date(2007, 4, 1),
        date(2007, 4, 24),
        id="ex8: a notice given on Sun 1 Apr 2007 counts it as day 0 and ends on Tue 24 Apr 2007",
    ),
    pytest.param(
        date(2016, 4, 14),
        date(2016, 5, 6),
        id="ex9: a transitional notice given on Thu 14 Apr 2016 ends on Fri 6 May 2016",
    ),
    pytest.param(
        date(2024, 12, 20),
        date(2025, 1, 15),
        id="ex11: fifteen working days following Fri 20 Dec 2024 end on Wed 15 Jan 2025",
    ),
    pytest.param(
        date(2010, 12, 24),
        date(2011, 1, 19),
        id="ex12: fifteen working days following Christmas Eve 2010 end on Wed 19 Jan 2011",
    ),
    pytest.param(
        date(2026, 12, 17),
        date(2027, 1, 12),
        id="ex13: with Boxing Day 2026 on a Saturday fifteen days from 17 Dec end on 12 Jan 2027",
    ),
]


@pytest.mark.parametrize(("given", "ends"), FIFTEEN_FOLLOWING)
def test_fifteen_working_days_following_the_day_a_notice_is_given(given: date, ends: date) -> None:
    calendar = get_calendar(Region.ENGLAND_AND_WALES)
    assert calendar.add(given, 15) == ends
    assert calendar.count(given, ends) == 15
    assert not calendar.is_provisional(given, ends)


def test_ex1_the_explanation_names_christmas_boxing_day_and_new_years_day() -> None:
    counted = get_calendar().explain(date(2014, 12, 18), 15)
    assert counted.skipped == (
        SkippedDay(date(2014, 12, 25), "Christmas Day"),
        SkippedDay(date(2014, 12, 26), "Boxing Day"),
        SkippedDay(date(2015, 1, 1), "New Year's Day"),
    )
    assert counted.convention is Convention.FOLLOWING
    assert counted.describe() == (
        "15 working days following Thu 18 Dec 2014; skipped Thu 25 Dec 2014 Christmas Day, "
        "Fri 26 Dec 2014 Boxing Day, Thu 1 Jan 2015 New Year's Day -> Tue 13 Jan 2015"
    )


def test_ex2_fifteen_working_days_beginning_with_thu_18_dec_2025_end_on_mon_12_jan_2026() -> None:
    assert get_calendar().add(date(2025, 12, 18), 15, beginning_with=True) == date(2026, 1, 12)


def test_ex2_on_the_scottish_calendar_2_january_also_counts_out_so_the_end_is_14_jan_2026() -> None:
    # Scotland: 25, 26 Dec 2025 and 1, 2 Jan 2026 excluded; 19, 22-24, 29-31 Dec, 5-9, 12-14 Jan.
    assert get_calendar("scotland").add(date(2025, 12, 18), 15) == date(2026, 1, 14)


def test_ex2_on_the_northern_ireland_calendar_the_end_is_tue_13_jan_2026() -> None:
    assert get_calendar("northern-ireland").add(date(2025, 12, 18), 15) == date(2026, 1, 13)


@pytest.mark.parametrize(
    ("end_of_compliance", "window_ends"),
    [
        pytest.param(
            date(2026, 1, 13),
            date(2026, 3, 13),
            id="ex3: a compliance period ending Tue 13 Jan 2026 gives a window to Fri 13 Mar 2026",
        ),
        pytest.param(
            date(2025, 12, 31),
            date(2026, 2, 28),
            id="ex3: a compliance period ending Wed 31 Dec 2025 gives a window to Sat 28 Feb 2026",
        ),
        pytest.param(
            date(2026, 1, 30),
            date(2026, 3, 30),
            id="ex3: a compliance period ending Fri 30 Jan 2026 gives a window to Mon 30 Mar 2026",
        ),
        pytest.param(
            date(2027, 12, 31),
            date(2028, 2, 29),
            id="two months following 31 Dec 2027 end on the leap day 29 Feb 2028",
        ),
    ],
)
def test_ex3_the_two_month_window_ends_on_the_corresponding_date(
    end_of_compliance: date, window_ends: date
) -> None:
    assert months_following(end_of_compliance, 2) == window_ends


def test_ex3_refusing_to_clamp_31_dec_2025_plus_two_months_raises() -> None:
    with pytest.raises(NoCorrespondingDateError, match="no day 31"):
        months_following(date(2025, 12, 31), 2, missing="error")


def test_ex4_ten_working_days_from_fri_12_dec_2025_end_on_tue_30_dec_2025_regionally() -> None:
    assert get_calendar().add(date(2025, 12, 12), 10) == date(2025, 12, 30)
    assert get_calendar("scotland").add(date(2025, 12, 12), 10) == date(2025, 12, 30)


def test_ex4_with_a_two_week_christmas_holiday_they_end_on_fri_9_jan_2026() -> None:
    school = get_calendar().with_school_holidays([CHRISTMAS_2025])
    assert school.add(date(2025, 12, 12), 10) == date(2026, 1, 9)
    assert school.name == "england-and-wales + school holidays"


def test_ex5_ten_working_days_from_thu_16_jul_2026_end_on_thu_30_jul_2026_regionally() -> None:
    assert get_calendar().add(date(2026, 7, 16), 10) == date(2026, 7, 30)


def test_ex5_with_the_summer_holiday_they_end_on_wed_9_sep_2026() -> None:
    school = get_calendar().with_school_holidays([SUMMER_2026])
    assert school.add(date(2026, 7, 16), 10) == date(2026, 9, 9)


def test_ex10_twenty_working_days_after_tue_13_sep_2022_skip_the_state_funeral() -> None:
    counted = get_calendar().explain(date(2022, 9, 13), 20)
    assert counted.result == date(2022, 10, 12)
    assert counted.skipped == (
        SkippedDay(date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
    )


def test_ex13_the_substitute_boxing_day_2026_is_named_as_a_substitute_day() -> None:
    assert get_calendar().reason(date(2026, 12, 28)) == "Boxing Day (substitute day)"


def test_ex14_the_fifth_working_day_from_thu_18_dec_2025_is_mon_29_dec_2025_regionally() -> None:
    assert get_calendar().add(date(2025, 12, 18), 5) == date(2025, 12, 29)


def test_ex14_discounting_the_school_holiday_the_fifth_working_day_is_thu_8_jan_2026() -> None:
    school = get_calendar().with_school_holidays([CHRISTMAS_2025])
    assert school.add(date(2025, 12, 18), 5) == date(2026, 1, 8)


def test_ex14_before_the_2024_reform_one_working_day_ended_on_fri_19_dec_2025() -> None:
    assert get_calendar().add(date(2025, 12, 18), 1) == date(2025, 12, 19)


def test_ex15_within_15_days_of_mon_2_feb_2026_read_three_ways() -> None:
    notice = date(2026, 2, 2)
    assert calendar_days_elapsed(notice, 15, reading="loose") == date(2026, 2, 17)
    assert get_calendar().add(notice, 15) == date(2026, 2, 23)
    assert get_calendar().add(notice, 15, beginning_with=True) == date(2026, 2, 20)


def test_ex16_ten_days_elapsed_since_thu_18_dec_2025_strictly_on_mon_29_dec_2025() -> None:
    assert calendar_days_elapsed(date(2025, 12, 18), 10) == date(2025, 12, 29)
    assert calendar_days_elapsed(date(2025, 12, 18), 10, reading="strict") == date(2025, 12, 29)


def test_ex16_ten_days_elapsed_since_thu_18_dec_2025_loosely_on_sun_28_dec_2025() -> None:
    assert calendar_days_elapsed(date(2025, 12, 18), 10, reading="loose") == date(2025, 12, 28)


@pytest.mark.parametrize(
    ("anchor", "months", "expected"),
    [
        pytest.param(
            date(2014, 10, 15), 12, date(2015, 10, 15), id="ex19: 12 months after 15 Oct 2014"
        ),
        pytest.param(
            date(2014, 10, 15), 24, date(2016, 10, 15), id="ex19: 24 months after 15 Oct 2014"
        ),
        pytest.param(
            date(2014, 10, 15), 18, date(2016, 4, 15), id="ex19: 18 months after 15 Oct 2014"
        ),
        pytest.param(
            date(2017, 11, 16), 7, date(2018, 6, 16), id="ex19: 7 months after 16 Nov 2017"
        ),
        pytest.param(
            date(2017, 11, 16), 13, date(2018, 12, 16), id="ex19: 13 months after 16 Nov 2017"
        ),
        pytest.param(
            date(2017, 11, 16), 12, date(2018, 11, 16), id="ex19: 12 months after 16 Nov 2017"
        ),
        pytest.param(
            date(2017, 11, 16), 24, date(2019, 11, 16), id="ex19: 24 months after 16 Nov 2017"
        ),
        pytest.param(date(2020, 3, 3), 15, date(2021, 6, 3), id="ex19: 15 months after 3 Mar 2020"),
        pytest.param(
            date(2020, 1, 17), 30, date(2022, 7, 17), id="ex20: 30 months after 17 Jan 2020"
        ),
    ],
)
def test_ex19_and_ex20_inspection_windows_end_on_the_corresponding_date(
    anchor: date, months: int, expected: date
) -> None:
    assert months_following(anchor, months) == expected


def test_scotlands_one_off_world_cup_holiday_on_mon_15_jun_2026_is_not_a_working_day() -> None:
    assert get_calendar("scotland").add(date(2026, 6, 12), 1) == date(2026, 6, 16)
    assert get_calendar("england-and-wales").add(date(2026, 6, 12), 1) == date(2026, 6, 15)


def test_st_patricks_day_2026_is_a_holiday_in_northern_ireland_only() -> None:
    assert get_calendar("northern-ireland").add(date(2026, 3, 16), 1) == date(2026, 3, 18)
    assert get_calendar("england-and-wales").add(date(2026, 3, 16), 1) == date(2026, 3, 17)


def test_scotlands_summer_holiday_is_the_first_monday_of_august_not_the_last() -> None:
    scotland, england = get_calendar("scotland"), get_calendar("england-and-wales")
    assert not scotland.is_working_day(date(2026, 8, 3))
    assert scotland.is_working_day(date(2026, 8, 31))
    assert england.is_working_day(date(2026, 8, 3))
    assert not england.is_working_day(date(2026, 8, 31))
