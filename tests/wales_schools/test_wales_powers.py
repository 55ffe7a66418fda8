"""Warning notices and powers across the 20 Feb 2014 change (issue 11 part 2).

A 2013 SSFA 1998 warning notice and a 2015 SSO(W)A 2013 one, with every power's window;
Estyn notices before and after commencement; and every Welsh power row declaring how it treats
a state that began before its provision commenced. Dates counted by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pytest

import improvement_kit_wales_schools
from improvement_kit.model import ItemKind, Timeline, Window
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline
from improvement_kit_wales_schools.commencement import Mode, parse
from improvement_kit_wales_schools.derive import MINISTERS_POWERS

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_wales_schools]
    )
    return Plugins(pm, problems)


def timeline(plugins: Plugins, *events: Mapping[str, Any]) -> Timeline:
    data = {
        "jurisdiction": "wales-schools",
        "provider": {
            "school_number": "6602003",
            "name": "Ysgol Uwchradd Bryn Ffug",
            "type": "welsh-maintained-school",
        },
        "events": list(events),
    }
    return build_timeline(case_from_data(data), plugins=plugins)


def test_every_welsh_power_row_says_how_it_treats_a_state_before_commencement(
    plugins: Plugins,
) -> None:
    book = plugins.rule_book("wales-schools", None)
    powers = [
        r for r in book if r.kind is ItemKind.POWER or r.item.startswith("local-authority-power")
    ]
    assert len(powers) >= 20
    for rule in powers:
        treatment = parse(rule.notes)
        assert treatment is not None, (
            f"{rule.id}: notes lack 'pre-commencement: ...; because: ... |'"
        )
        assert treatment.mode in set(Mode) and len(treatment.because) > 20, rule.id


def test_a_2013_ssfa_warning_notice_gives_the_ssfa_powers_not_the_ssowa_ones(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "warning-notice-given",
            "date": "2013-11-11",
            "given_by": "local-authority",
            "compliance_period_end": "2013-12-20",
        },
    )
    # The compliance period ends Fri 20 Dec 2013; every SSFA power after the notice opens the
    # next day, Sat 21 Dec 2013 (s.15(1)(b) "within the compliance period"), subject to the
    # s.15(1)(c) reasonable notice in writing, which the case does not record.
    assert t.get("warning-notice.compliance-period-end").rule.id == "W98-WN-01"
    for item, rule_id in (
        ("local-authority-power.ssfa-s15", "W98-LA-01"),
        ("local-authority-power.ssfa-s16a", "W98-LA-03"),
        ("local-authority-power.ssfa-s17", "W98-LA-04"),
    ):
        power = t.get(item)
        assert power.rule.id == rule_id and power.window == Window(D("2013-12-21"), None)
    # An SSFA notice is not an SSO(W)A s.3 notice, even though the powers run past 20 Feb 2014.
    for section in ("s4-2", "s5", "s6", "s7", "s8", "s9"):
        assert t.find(f"local-authority-power.{section}") is None
    assert t.find("welsh-ministers-power.s11-2") is None


def test_a_2015_ssowa_warning_notice_gives_every_la_power_from_the_day_after_compliance(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {
            "type": "warning-notice-given",
            "date": "2015-03-02",
            "given_by": "local-authority",
            "compliance_period_end": "2015-04-24",
        },
    )
    # Compliance period ends Fri 24 Apr 2015: s.4(2) and the ss.5-9 powers open Sat 25 Apr.
    opens = Window(D("2015-04-25"), None)
    assert t.get("warning-notice.compliance-period-end").rule.id == "W-WN-01"
    assert t.get("warning-notice.copies").due == D("2015-03-02")  # "at the same time"
    for section in ("s4-2", "s5", "s6", "s7", "s8", "s9"):
        assert t.get(f"local-authority-power.{section}").window == opens, section
    assert t.get("welsh-ministers-power.s11-2").window == opens
    for item in ("ssfa-s15", "ssfa-s16a", "ssfa-s17"):
        assert t.find(f"local-authority-power.{item}") is None


def test_estyns_2015_notice_opens_every_ministers_power_after_ten_days(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {
            "type": "ofsted-category-notice",
            "date": "2015-06-10",
            "category": "significant-improvement",
        },
        {"type": "category-removed", "date": "2016-07-01"},
    )
    # Wed 10 Jun 2015: 11-20 Jun = 10 whole days -> Sun 21 Jun 2015 (strict); ground 7 ceases
    # with the report of Fri 1 Jul 2016: windows close Thu 30 Jun 2016.
    window = Window(D("2015-06-21"), D("2016-06-30"))
    assert t.get("welsh-ministers-power.s11").window == window
    for item in MINISTERS_POWERS:
        assert t.get(item).window == window, item


def test_a_2013_estyn_notice_not_superseded_is_a_ground_from_20_feb_2014(
    plugins: Plugins,
) -> None:
    t = timeline(
        plugins,
        {"type": "ofsted-category-notice", "date": "2013-06-03", "category": "special-measures"},
    )
    # SSFA s.16(3): 4-13 Jun 2013 = 10 days -> Fri 14 Jun 2013; the Assembly's s.18 power is
    # open from the notice (no wait in s.18(1)).
    assert t.get("local-authority-power.ssfa-s16").window == Window(D("2013-06-14"), None)
    assert t.get("assembly-power.ssfa-s18").window == Window(D("2013-06-03"), None)
    # Ground 8 (not superseded) gives the Welsh Ministers' powers from commencement, Thu 20 Feb
    # 2014, the ten days having long elapsed.
    s11 = t.get("welsh-ministers-power.s11")
    assert s11.window == Window(D("2014-02-20"), None)
    assert "from-commencement" in s11.explanation and "heb ei ddisodli" in s11.explanation
    assert t.get("welsh-ministers-power.s16").window == Window(D("2014-02-20"), None)


def test_a_pru_in_special_measures_before_2014_meets_section_19_as_applied_to_units(
    plugins: Plugins,
) -> None:
    data = {
        "jurisdiction": "wales-schools",
        "provider": {
            "school_number": "6601100",
            "name": "Uned Cyfeirio Dychmygol",
            "type": "welsh-pru",
        },
        "events": [
            {"type": "ofsted-category-notice", "date": "2012-10-01", "category": "special-measures"}
        ],
    }
    t = build_timeline(case_from_data(data), plugins=plugins)
    item = t.get("assembly-power.ssfa-s19")
    assert item.rule.id == "W98-WA-02" and item.window == Window(D("2012-10-01"), None)
    assert "2007/1069" in item.rule.source.citation


def test_a_pru_gets_no_governing_body_powers_but_an_unverified_status(plugins: Plugins) -> None:
    data = {
        "jurisdiction": "wales-schools",
        "provider": {"school_number": "6601101", "name": "Uned Glan-y-Môr", "type": "welsh-pru"},
        "events": [
            {
                "type": "warning-notice-given",
                "date": "2015-03-02",
                "given_by": "local-authority",
                "compliance_period_end": "2015-04-24",
            },
            {
                "type": "ofsted-category-notice",
                "date": "2015-06-10",
                "category": "special-measures",
            },
        ],
    }
    t = build_timeline(case_from_data(data), plugins=plugins)
    assert {i.rule.id for i in t.items if i.id.startswith("pru.")} == {"W-PRU-01", "W-PRU-02"}
    assert not [i for i in t.items if i.kind is ItemKind.POWER]


def test_the_welsh_ministers_copy_their_notice_the_same_day(plugins: Plugins) -> None:
    t = timeline(
        plugins,
        {
            "type": "warning-notice-given",
            "date": "2016-05-09",
            "given_by": "welsh-ministers",
            "compliance_period_end": "2016-06-24",
        },
    )
    # s.10(3) "at the same time": Mon 9 May 2016; s.11(3) opens the day after the compliance
    # period, Sat 25 Jun 2016.
    copies = t.get("warning-notice.copies")
    assert copies.rule.id == "W-WM-05" and copies.due == D("2016-05-09")
    assert t.get("welsh-ministers-power.s11-3").window == Window(D("2016-06-25"), None)
