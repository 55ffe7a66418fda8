"""Eligibility for intervention on Ofsted's categories and coasting, and the open-ended powers
and RISE support that follow from it, now computed by the generic engine from rule rows
(``rules/eligibility.toml``, ``powers.toml``, ``rise.toml``). Expected dates are hand counts."""

from __future__ import annotations

from improvement_kit.model import ItemKind

from .england_cases import d, timeline

SI = {
    "id": "cn-si",
    "type": "ofsted-category-notice",
    "date": "2012-03-05",
    "category": "significant-improvement",
}
SM = {
    "id": "cn-sm",
    "type": "ofsted-category-notice",
    "date": "2012-11-14",
    "category": "special-measures",
}


def test_s61_eligibility_ends_the_day_before_a_special_measures_notice_supersedes_it() -> None:
    tl = timeline(SI, SM)
    s61 = tl.get("eligible-for-intervention@cn-si")
    # s.61(b)(ii): superseded by the special measures notice of Wed 14 Nov 2012, so eligible
    # on the s.61 ground from Mon 5 Mar 2012 to Tue 13 Nov 2012
    assert (s61.window.start, s61.window.end) == (d("2012-03-05"), d("2012-11-13"))
    assert s61.rule.id == "EM-SI-01" and s61.value == "s.61"
    assert "superseded by the special measures notice of Wed 14 Nov 2012" in s61.details["ended_by"]
    s62 = tl.get("eligible-for-intervention@cn-sm")
    assert (s62.window.start, s62.window.end) == (d("2012-11-14"), None)
    # the LA's s.63 power follows each spell: ends with the s.61 spell, open on the s.62 one
    assert tl.get("la-power.s63@cn-si").window.end == d("2012-11-13")
    assert tl.get("la-power.s63@cn-sm").window.end is None


def test_s68_for_a_s61_school_opens_on_15_nov_2011_when_it_commenced() -> None:
    # s.68 (as enacted) covered special measures only; from Tue 15 Nov 2011 it covers s.61 too.
    # A school eligible under s.61 since Mon 5 Sep 2011 gets the power from that day.
    notice = {**SI, "date": "2011-09-05"}
    power = timeline(notice).get("sos-power.s68")
    assert power.rule.id == "EM-SOS-68"
    assert power.window.start == d("2011-11-15") and power.window.end is None
    assert power.kind is ItemKind.POWER


def test_conversion_ends_eligibility_the_day_before_the_academy_opens() -> None:
    order = {"type": "academy-order-made", "date": "2013-01-10", "converted_on": "2013-04-01"}
    tl = timeline({**SM, "date": "2012-11-14"}, order)
    # converted Mon 1 Apr 2013: eligible up to Sun 31 Mar 2013, and so are the powers
    assert tl.get("eligible-for-intervention").window.end == d("2013-03-31")
    assert tl.get("sos-power.s69").window.end == d("2013-03-31")


def test_coasting_eligibility_starts_on_the_notification() -> None:
    tl = timeline({"type": "coasting-notification", "date": "2023-02-06"})
    item = tl.get("eligible-for-intervention")
    assert item.rule.id == "EM-COAST-02" and item.due == d("2023-02-06")
    assert tl.get("sos-power.s66a").window.start == d("2023-02-06")


def test_rise_support_for_a_s61_school_from_1_sep_2026() -> None:
    tl = timeline({**SI, "date": "2026-09-07"})
    item = tl.get("rise-support")
    assert item.rule.id == "EM-RISE-03" and item.due == d("2026-09-07")
    assert item.details["basis"] == "significant-improvement"
    assert timeline({**SI, "date": "2026-08-31"}).find("rise-support") is None
