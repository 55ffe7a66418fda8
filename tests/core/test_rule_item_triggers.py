"""Rows triggered by items and statuses that end on later events: the vocabulary that lets the
engine apply eligibility for intervention, the powers it opens and what follows from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from tests.conftest import FAKE_ID

from improvement_kit.errors import RuleDataError
from improvement_kit.kit import Kit
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

SOURCE = 'source = { citation = "Test Act s.1" }\ngrade = "unverified"\nnature = "law"\n'

STATUS = f"""
[[rules]]
id = "T-CAT"
item = "category"
title = "Category"
kind = "status"
in_force_from = 2005-09-01
{SOURCE}
[[rules]]
id = "T-ELIGIBLE"
item = "eligible"
title = "Eligible (special measures)"
kind = "status"
trigger = "ofsted-category-notice"
when = {{ category = "special-measures" }}
deadline = {{ on_anchor = true }}
ends_on = [
  {{ event = "category-removed", same = ["category"], because = "report of {{date}}" }},
  {{ event = "academy-order-made", on = "converted_on", because = "converted {{date}}" }},
]
value = "s.62"
details = {{ ground = "s.62" }}
item_title = "Eligible (s.62)"
in_force_from = 2007-04-01
{SOURCE}
"""

POWER = f"""
[[rules]]
id = "T-POWER"
item = "power.a"
title = "Power A while eligible"
kind = "power"
trigger = "item:eligible"
when = {{ ground = "s.62" }}
ends_with_trigger = true
satisfied_by = "academy-order-made"
in_force_from = 2007-04-01
{SOURCE}
"""


def later_power(mode: str) -> str:
    return f"""
[[rules]]
id = "T-LATER"
item = "power.b"
title = "Power B, commenced 1 Jun 2025"
kind = "power"
trigger = "item:eligible"
ends_with_trigger = true
pre_commencement = "{mode}"
in_force_from = 2025-06-01
{SOURCE}
"""


WINDOW = f"""
[[rules]]
id = "T-WINDOW"
item = "power.c"
title = "Power C within two months"
kind = "power"
trigger = "item:eligible"
deadline = {{ window = {{ from = {{ calendar_days_following = 1 }}, to = {{ months_following = 2 }} }} }}
ends_with_trigger = true
in_force_from = 2007-04-01
{SOURCE}
"""

NOTICE = {"id": "cn-1", "type": "ofsted-category-notice", "date": "2025-03-10"}


def timeline(kit: Kit, *events: dict[str, Any]) -> Any:
    data = {
        "jurisdiction": FAKE_ID,
        "provider": {"urn": "100001", "name": "Testland Primary", "type": "community"},
        "events": list(events),
    }
    return build_timeline(case_from_data(data, plugins=kit), kit=kit)


def notice(category: str = "special-measures", date: str = "2025-03-10") -> dict[str, Any]:
    return {**NOTICE, "date": date, "category": category}


def test_a_status_starts_on_its_trigger_and_runs_open(testland: Callable[..., Kit]) -> None:
    tl = timeline(testland(STATUS), notice())
    item = tl.get("eligible")
    assert item.title == "Eligible (s.62)"
    assert item.details["ground"] == "s.62"
    assert item.window.start == dt.date(2025, 3, 10) and item.window.end is None
    assert item.key == "eligible@cn-1"


def test_a_status_ends_the_day_before_the_first_ending_event(
    testland: Callable[..., Kit],
) -> None:
    removed = {"type": "category-removed", "date": "2026-01-15", "category": "special-measures"}
    item = timeline(testland(STATUS), notice(), removed).get("eligible")
    # removed by the report of Thu 15 Jan 2026: eligible up to Wed 14 Jan 2026
    assert item.window.end == dt.date(2026, 1, 14)
    assert item.details["ended_by"] == "report of Thu 15 Jan 2026"


def test_same_ignores_an_ending_event_about_something_else(
    testland: Callable[..., Kit],
) -> None:
    other = {
        "type": "category-removed",
        "date": "2026-01-15",
        "category": "significant-improvement",
    }
    assert timeline(testland(STATUS), notice(), other).get("eligible").window.end is None


def test_on_counts_from_the_named_date_field(testland: Callable[..., Kit]) -> None:
    order = {"type": "academy-order-made", "date": "2025-06-01", "converted_on": "2025-09-01"}
    removed = {"type": "category-removed", "date": "2026-01-15"}
    item = timeline(testland(STATUS), notice(), order, removed).get("eligible")
    # converted on Mon 1 Sep 2025, before the removal: eligible up to Sun 31 Aug 2025
    assert item.window.end == dt.date(2025, 8, 31)
    assert item.details["ended_by"] == "converted Mon 1 Sep 2025"


def test_a_row_triggered_by_an_item_lasts_while_it_does(testland: Callable[..., Kit]) -> None:
    removed = {"type": "category-removed", "date": "2026-01-15"}
    power = timeline(testland(STATUS + POWER), notice(), removed).get("power.a")
    assert power.window.start == dt.date(2025, 3, 10)
    assert power.window.end == dt.date(2026, 1, 14)
    assert power.details == {"ground": "s.62"}  # the conditions' details are carried over
    assert power.key == "power.a@cn-1"  # keyed by the event that triggered the status
    assert power.trigger == "ofsted-category-notice 2025-03-10"


def test_item_conditions_read_the_items_details(testland: Callable[..., Kit]) -> None:
    kit = testland(STATUS + POWER.replace('ground = "s.62"', 'ground = "s.61"'))
    assert timeline(kit, notice()).find("power.a") is None


def test_an_item_trigger_is_satisfied_by_a_later_event(testland: Callable[..., Kit]) -> None:
    order = {"type": "academy-order-made", "date": "2025-06-01"}
    power = timeline(testland(STATUS + POWER), notice(), order).get("power.a")
    assert power.satisfied_on == dt.date(2025, 6, 1)


def test_from_commencement_opens_a_later_power_on_its_commencement(
    testland: Callable[..., Kit],
) -> None:
    kit = testland(STATUS + later_power("from-commencement"))
    power = timeline(kit, notice()).get("power.b")
    # eligible since 10 Mar 2025; the power commenced 1 Jun 2025 and opens that day
    assert power.window.start == dt.date(2025, 6, 1)
    assert "in force from Sun 1 Jun 2025" in power.explanation


def test_from_commencement_needs_the_status_to_last_until_then(
    testland: Callable[..., Kit],
) -> None:
    removed = {"type": "category-removed", "date": "2025-05-20"}
    kit = testland(STATUS + later_power("from-commencement"))
    assert timeline(kit, notice(), removed).find("power.b") is None


def test_only_new_applies_no_version_commenced_later(testland: Callable[..., Kit]) -> None:
    kit = testland(STATUS + later_power("only-new"))
    assert timeline(kit, notice()).find("power.b") is None
    # a status that began after commencement gets it
    assert timeline(kit, notice(date="2025-07-01")).get("power.b").window.start == dt.date(
        2025, 7, 1
    )


def test_a_counted_window_is_cut_short_when_the_status_ends(
    testland: Callable[..., Kit],
) -> None:
    kit = testland(STATUS + WINDOW)
    full = timeline(kit, notice()).get("power.c")
    # from the day after Mon 10 Mar 2025 (Tue 11 Mar) to 2 months following (Sat 10 May)
    assert (full.window.start, full.window.end) == (dt.date(2025, 3, 11), dt.date(2025, 5, 10))
    removed = {"type": "category-removed", "date": "2025-04-01"}
    cut = timeline(kit, notice(), removed).get("power.c")
    assert cut.window.end == dt.date(2025, 3, 31)


LATER_STATUS = f"""
[[rules]]
id = "T-LATE"
item = "late-status"
title = "A status that starts 30 days after its notice"
kind = "status"
trigger = "coasting-notification"
deadline = {{ calendar_days_following = 30 }}
in_force_from = 2007-04-01
{SOURCE}
"""


def versions(version_on: str) -> str:
    return "".join(
        f"""
[[rules]]
id = "T-V-{name}"
item = "power.v"
title = "Power, {name} version"
kind = "power"
trigger = "item:late-status"
version_on = "{version_on}"
{dates}
{SOURCE}
"""
        for name, dates in (
            ("OLD", "in_force_from = 2007-04-01\nin_force_to = 2025-03-20"),
            ("NEW", "in_force_from = 2025-03-21"),
        )
    )


@pytest.mark.parametrize(("version_on", "expected"), [("trigger", "T-V-OLD"), ("start", "T-V-NEW")])
def test_version_on_picks_the_version_by_trigger_or_by_start(
    testland: Callable[..., Kit], version_on: str, expected: str
) -> None:
    kit = testland(STATUS + LATER_STATUS + versions(version_on))
    tl = timeline(kit, {"type": "coasting-notification", "date": "2025-03-10"})
    # the status starts 30 calendar days after Mon 10 Mar 2025: Wed 9 Apr 2025, after the
    # new version came into force (21 Mar 2025); the notice itself came before it
    assert tl.get("late-status").due == dt.date(2025, 4, 9)
    power = tl.get("power.v")
    assert power.rule.id == expected
    assert power.window.start == dt.date(2025, 4, 9)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            STATUS + POWER.replace("item:eligible", "item:eligble"),
            r"row T-POWER, field 'trigger': no row makes item 'eligble' \(did you mean 'eligible'",
        ),
        (
            STATUS + POWER.replace("ground =", "grond ="),
            r"field 'when.grond': 'eligible' items have no detail 'grond' "
            r"\(did you mean 'ground'",
        ),
        (
            STATUS + POWER.replace('trigger = "item:eligible"', 'trigger = "inspection"'),
            r"field 'ends_with_trigger': applies only to a row triggered by an item",
        ),
        (
            STATUS + later_power("from-commencment"),
            r"field 'pre_commencement': 'from-commencment' is not one of .*"
            r"\(did you mean 'from-commencement'",
        ),
        (
            STATUS.replace('event = "category-removed"', 'event = "category-remove"'),
            r"field 'ends_on\[0\].event': 'category-remove' is not an event type "
            r"\(did you mean 'category-removed'",
        ),
        (
            STATUS.replace('on = "converted_on"', 'on = "convertd_on"'),
            r"field 'ends_on\[1\].on': 'convertd_on' is not a date field of "
            r"'academy-order-made' events .*\(did you mean 'converted_on'",
        ),
        (
            STATUS.replace('same = ["category"]', 'same = ["categry"]'),
            r"field 'ends_on\[0\].same': 'categry' is not a field of both",
        ),
        (
            STATUS.replace('because = "converted', 'becuse = "converted'),
            r"field 'ends_on\[1\].becuse': unknown key \(did you mean 'because'",
        ),
        (
            STATUS.replace('trigger = "ofsted-category-notice"\n', "").replace(
                'when = { category = "special-measures" }\n', ""
            ),
            r"field 'ends_on': applies only to a row triggered by an event",
        ),
        (
            STATUS + POWER.replace("item:eligible", "item:power.a"),
            r"field 'trigger': an item cannot trigger itself",
        ),
        (
            STATUS + LATER_STATUS + versions("strat"),
            r"field 'version_on': 'strat' is not one of 'trigger', 'start' "
            r"\(did you mean 'start'",
        ),
        (
            STATUS.replace("ends_on = [", 'version_on = "start"\nends_on = ['),
            r"field 'version_on': applies only to a row triggered by an item",
        ),
    ],
)
def test_the_new_vocabulary_is_refused_when_misspelt(
    testland: Callable[..., Kit], rows: str, message: str
) -> None:
    with pytest.raises(RuleDataError, match=message):
        testland(rows).rule_book(FAKE_ID)


def test_code_finds_a_row_by_its_details(testland: Callable[..., Kit]) -> None:
    book = testland(STATUS).rule_book(FAKE_ID)
    on = dt.date(2025, 3, 10)
    assert book.for_item("eligible", on, ground="s.62").id == "T-ELIGIBLE"  # type: ignore[union-attr]
    assert book.for_item("eligible", on, ground="s.61") is None
