"""The example Derbyshire plugin (examples/plugins/derbyshire): its items reach only LA 830's
schools, name the plugin, recur while the school is in concern, and never move the law."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import improvement_kit_england_maintained as maintained
from improvement_kit.errors import ImprovementKitError
from improvement_kit.kit import Kit
from improvement_kit.model import Nature, Timeline
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

ROOT = Path(__file__).parents[2]
DERBYSHIRE = ROOT / "examples" / "plugins" / "derbyshire" / "src"
PLUGIN = "derbyshire_procedure"


@pytest.fixture
def kit(monkeypatch: pytest.MonkeyPatch) -> Iterator[Kit]:
    monkeypatch.syspath_prepend(str(DERBYSHIRE))
    import derbyshire_procedure

    yield Kit.from_plugins(maintained, derbyshire_procedure)
    sys.modules.pop(PLUGIN, None)


def timeline(kit: Kit, la_code: str, *events: dict[str, Any]) -> Timeline:
    data = {
        "jurisdiction": "england-maintained",
        "provider": {
            "urn": "830999",
            "name": "Brackenfold Church of England Primary School",  # fictional
            "type": "voluntary-controlled",
            "la_code": la_code,
        },
        "events": list(events),
    }
    return build_timeline(case_from_data(data, plugins=kit), kit=kit)


SPECIAL_MEASURES = {
    "type": "ofsted-category-notice",
    "date": "2025-12-10",
    "category": "special-measures",
}
REMOVED = {"type": "category-removed", "date": "2027-03-15"}


def council_items(tl: Timeline) -> list[Any]:
    return [i for i in tl.items if i.rule.plugin == PLUGIN]


def test_an_830_school_in_special_measures_gets_the_councils_items(kit: Kit) -> None:
    tl = timeline(kit, "830", SPECIAL_MEASURES)
    plan = tl.get("derbyshire.plan-of-action")
    # 10 working days following Wed 10 Dec 2025, County Hall closed 24-31 Dec (local policy):
    # 11, 12 (2); 15-19 (7); 22, 23 (9); 24-31 closed; Thu 1 Jan bank holiday; Fri 2 Jan (10).
    assert plan.due == dt.date(2026, 1, 2)
    assert "County Hall closure" in plan.explanation
    assert plan.rule.plugin == PLUGIN
    assert plan.rule.nature is Nature.LOCAL_POLICY
    assert {i.rule.id for i in council_items(tl)} == {"DERBY-POA-01", "DERBY-SPR-01"}


def test_a_school_of_another_authority_gets_nothing_from_the_council(kit: Kit) -> None:
    tl = timeline(kit, "831", SPECIAL_MEASURES, REMOVED)
    assert tl.items  # the statutory items are there
    assert council_items(tl) == []
    assert not [i for i in tl.items if i.id.startswith("derbyshire.")]


def test_a_qdd_event_is_refused_for_another_authority(kit: Kit) -> None:
    qdd = {"type": "qdd-programme", "date": "2026-03-02", "programme": "priority"}
    with pytest.raises(ImprovementKitError, match="qdd-programme"):
        timeline(kit, "831", qdd)


def test_progress_reviews_recur_every_four_months_until_the_category_is_removed(
    kit: Kit,
) -> None:
    tl = timeline(kit, "830", SPECIAL_MEASURES, REMOVED)
    reviews = tl.all("derbyshire.progress-review")
    assert {r.rule.id for r in reviews} == {"DERBY-SPR-01"}  # started by Ofsted's notice
    # Three a year: 4 calendar months after Wed 10 Dec 2025, then after each review:
    # Fri 10 Apr 2026, Mon 10 Aug 2026, Thu 10 Dec 2026; 10 Apr 2027 is after the removal
    # on Mon 15 Mar 2027, so there is no fourth.
    assert [r.due for r in reviews] == [
        dt.date(2026, 4, 10),
        dt.date(2026, 8, 10),
        dt.date(2026, 12, 10),
    ]
    assert [r.id for r in reviews] == [
        "derbyshire.progress-review",
        "derbyshire.progress-review#2",
        "derbyshire.progress-review#3",
    ]


def test_monitoring_ends_12_months_after_removal(kit: Kit) -> None:
    item = timeline(kit, "830", SPECIAL_MEASURES, REMOVED).get("derbyshire.priority-monitoring")
    # From the removal, Mon 15 Mar 2027, to the corresponding date 12 months later.
    assert item.window is not None
    assert (item.window.start, item.window.end) == (dt.date(2027, 3, 15), dt.date(2028, 3, 15))


def test_a_qdd_schools_causing_concern_episode(kit: Kit) -> None:
    scc = {"type": "qdd-programme", "date": "2026-03-02", "programme": "schools-causing-concern"}
    priority = {"type": "qdd-programme", "date": "2026-12-01", "programme": "priority"}
    tl = timeline(kit, "830", scc, priority)
    # The DAD's letter: 10 working days following Mon 2 Mar 2026: 3-6 (4); 9-13 (9); 16 (10).
    assert tl.get("derbyshire.dad-letter").due == dt.date(2026, 3, 16)
    # Reviews Thu 2 Jul 2026 and Mon 2 Nov 2026; 2 Mar 2027 is after the move to the
    # priority programme on 1 Dec 2026.
    reviews = [i.due for i in tl.all("derbyshire.progress-review")]
    assert reviews == [dt.date(2026, 7, 2), dt.date(2026, 11, 2)]
    # Entering the priority programme alone starts nothing.
    assert council_items(timeline(kit, "830", priority)) == []


def test_an_open_concern_lists_two_years_of_reviews(kit: Kit) -> None:
    scc = {"type": "qdd-programme", "date": "2026-03-02", "programme": "schools-causing-concern"}
    reviews = [i.due for i in timeline(kit, "830", scc).all("derbyshire.progress-review")]
    # 2 Jul 2026, 2 Nov 2026, 2 Mar 2027, 2 Jul 2027, 2 Nov 2027; 2 Mar 2028 is the horizon.
    assert len(reviews) == 5
    assert reviews[-1] == dt.date(2027, 11, 2)


def test_county_hall_closures_do_not_move_a_statutory_deadline(kit: Kit) -> None:
    notice = {
        "type": "warning-notice-given",
        "date": "2014-12-18",
        "ground": "performance-standards-and-safety",
        "given_by": "local-authority",
        "matters": ["Standards at Key Stage 2 unacceptably low"],
    }
    item = timeline(kit, "830", notice).get("warning-notice.compliance-period-end")
    # EIA 2006 s.60 as enacted: 15 working days following Thu 18 Dec 2014 (England and Wales
    # working days): 19, 22, 23, 24 (4); 29, 30, 31 (7); 2 Jan (8); 5-9 (13); 12, 13 (15).
    # County Hall's 24-31 Dec closure would have moved it to late January.
    assert item.due == dt.date(2015, 1, 13)
    assert item.rule.nature is Nature.LAW
    assert "not moved by the council's closure days (County Hall closure" in item.explanation


def test_the_annex_5_template_reuses_the_progress_review(kit: Kit) -> None:
    spec = kit.template("derbyshire:progress-review")
    base = kit.template("england-maintained:progress-review")
    assert spec.context_type is base.context_type
    assert spec.resource == base.resource
    assert "Annex 5" in spec.title


def test_the_councils_template_renders_only_for_its_own_schools(kit: Kit) -> None:
    from improvement_kit.documents.registry import build_context
    from improvement_kit.errors import InputError

    spec = kit.template("derbyshire:progress-review")
    assert spec.sample_data is not None
    sample = spec.sample_data()

    def case_of(la_code: str) -> Any:
        data = {**sample["case"], "provider": {**sample["case"]["provider"], "la_code": la_code}}
        return case_from_data(data, plugins=kit)

    assert build_context(spec, case_of("830"), sample["extra"], plugins=kit) is not None
    with pytest.raises(InputError, match=r"provider\.la_code.*derbyshire:progress-review"):
        build_context(spec, case_of("831"), sample["extra"], plugins=kit)
