"""A governing body that complies with a warning notice by the end of the compliance period
does not make the school eligible for intervention (EIA 2006 s.60(1)(c)/(d): eligibility needs
a failure "to comply ... by the end of the compliance period")."""

from __future__ import annotations

import datetime as dt

from improvement_kit.model import ItemStatus
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from tests.england_maintained.england_cases import COMMUNITY, d, timeline

OLD_NOTICE = {"type": "warning-notice-given", "date": "2014-12-18"}
REASONABLE = {"type": "reasonable-notice-given", "date": "2015-01-20"}


def test_compliance_within_the_old_period_means_no_eligibility() -> None:
    # Compliance period ends Tue 13 Jan 2015 (worked example 1); complied Mon 12 Jan 2015.
    tl = timeline(
        OLD_NOTICE,
        {"type": "warning-notice-complied", "date": "2015-01-12"},
        REASONABLE,
        provider=COMMUNITY,
    )
    assert tl.find("eligible-for-intervention") is None
    assert tl.find("la-power.s63") is None
    assert any("complied on Mon 12 Jan 2015" in w for w in tl.warnings)


def test_compliance_after_the_period_does_not_stop_eligibility() -> None:
    tl = timeline(
        OLD_NOTICE,
        {"type": "warning-notice-complied", "date": "2015-01-14"},
        REASONABLE,
        provider=COMMUNITY,
    )
    assert tl.get("eligible-for-intervention").due == d("2015-01-20")


def test_the_compliance_obligation_is_done_once_complied() -> None:
    data = {
        "jurisdiction": "england-maintained",
        "provider": COMMUNITY,
        "events": [
            {
                "type": "warning-notice-given",
                "date": "2025-12-18",
                "compliance_period_end": "2026-01-30",
            },
            {"type": "warning-notice-complied", "date": "2026-01-28"},
        ],
    }
    tl = build_timeline(case_from_data(data, "t"), as_of=dt.date(2026, 2, 2))
    item = tl.get("warning-notice.compliance-period-end")
    assert item.due == d("2026-01-30")
    assert item.status is ItemStatus.DONE
    assert tl.find("eligible-for-intervention") is None
