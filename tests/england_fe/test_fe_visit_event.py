"""A support and challenge visit in a case file gives the reporting-letter deadline."""

from __future__ import annotations

import datetime as dt

from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline


def test_the_reporting_letter_is_due_five_working_days_after_the_visit() -> None:
    # Ofsted 130012: letter "within five working days of the visit". Visit Mon 3 Mar 2014:
    # Tue 4 (1), Wed 5 (2), Thu 6 (3), Fri 7 (4), Mon 10 Mar 2014 (5).
    case = case_from_data(
        {
            "jurisdiction": "england-fe",
            "provider": {"urn": "130001", "name": "Exampleton College", "type": "fe-college"},
            "events": [{"type": "support-and-challenge-visit", "date": "2014-03-03"}],
        }
    )
    item = build_timeline(case).get("support-and-challenge-visit.reporting-letter")
    assert item.due == dt.date(2014, 3, 10)
