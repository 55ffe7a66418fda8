"""The two-month windows of ss.63, 64, 66 and 66A run from the end of the compliance period
even before reasonable notice is given, so an authority can see when they close; the powers
cannot be used until the notice makes the school eligible."""

from __future__ import annotations

import datetime as dt

from improvement_kit.model import ItemStatus
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from tests.england_maintained.england_cases import COMMUNITY, d


def _timeline(*events: dict[str, str], as_of: dt.date | None = None):  # type: ignore[no-untyped-def]
    data = {"jurisdiction": "england-maintained", "provider": COMMUNITY, "events": list(events)}
    return build_timeline(case_from_data(data, "t"), as_of=as_of)


NOTICE = {
    "type": "warning-notice-given",
    "date": "2027-11-15",
    "compliance_period_end": "2027-12-31",
}


def test_a_compliance_period_ending_31_december_2027_closes_the_windows_on_29_february_2028() -> (
    None
):
    # Corresponding-date rule: 31 Dec 2027 + 2 months -> no 31 Feb -> last day, Tue 29 Feb 2028.
    tl = _timeline(NOTICE)
    for power in ("la-power.s63", "la-power.s64", "la-power.s66", "sos-power.s66a"):
        window = tl.get(power).window
        assert window is not None
        assert (window.start, window.end) == (d("2028-01-01"), d("2028-02-29")), power
    assert tl.find("eligible-for-intervention") is None
    assert tl.find("la-power.s65") is None  # no window: begins with eligibility itself


def test_such_a_power_is_not_open_until_reasonable_notice_is_given() -> None:
    before = _timeline(NOTICE, as_of=d("2028-01-10"))
    after = _timeline(
        NOTICE,
        {"type": "reasonable-notice-given", "date": "2028-01-05"},
        as_of=d("2028-01-10"),
    )
    assert before.get("la-power.s64").status is ItemStatus.NOT_YET_OPEN
    assert after.get("la-power.s64").status is ItemStatus.OPEN
    window = after.get("la-power.s64").window
    assert window is not None
    assert (window.start, window.end) == (d("2028-01-05"), d("2028-02-29"))
