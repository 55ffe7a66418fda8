"""The academy-order power started when Academies Act 2010 s.4 came into force: 29 Jul 2010
(SI 2010/1937 art 2 and Sch 1 "Sections 3 to 6"), not on Royal Assent (27 Jul 2010)."""

from __future__ import annotations

from tests.england_maintained.england_cases import COMMUNITY, d, timeline


def test_a_school_eligible_from_28_july_2010_can_be_given_an_order_from_29_july() -> None:
    # s.4(1)(b) asks whether the school *is* eligible when the order is made, so a school
    # eligible the day before commencement comes within the power on commencement.
    tl = timeline(
        {"type": "ofsted-category-notice", "date": "2010-07-28", "category": "special-measures"},
        provider=COMMUNITY,
    )
    window = tl.get("academy-order").window
    assert window is not None
    assert window.start == d("2010-07-29")


def test_a_special_measures_notice_on_29_july_2010_gives_the_power() -> None:
    tl = timeline(
        {"type": "ofsted-category-notice", "date": "2010-07-29", "category": "special-measures"},
        provider=COMMUNITY,
    )
    item = tl.get("academy-order")
    assert item.kind.value == "power"
    assert item.rule.id == "EM-AO-01"
