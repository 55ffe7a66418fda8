"""Welsh categories use Welsh names, and the Welsh Ministers can be recorded giving a notice."""

from __future__ import annotations

from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

SCHOOL = {
    "identifier": "6661234",
    "name": "Ysgol Gynradd Maes-y-Ŵyn & Nant",
    "type": "welsh-maintained-school",
}


def test_a_welsh_category_is_not_called_serious_weaknesses() -> None:
    case = case_from_data(
        {
            "jurisdiction": "wales-schools",
            "provider": SCHOOL,
            "events": [
                {
                    "type": "inspection",
                    "start": "2019-03-12",
                    "end": "2019-03-14",
                    "inspectorate": "estyn",
                    "category": "significant-improvement",
                }
            ],
        }
    )
    timeline = build_timeline(case)
    category = timeline.get("category")
    assert category.value == "significant-improvement"
    assert "serious weaknesses" not in category.title
    assert category.title == "Category: significant improvement"


def test_the_welsh_ministers_can_be_recorded_as_giving_a_warning_notice() -> None:
    case = case_from_data(
        {
            "jurisdiction": "wales-schools",
            "provider": SCHOOL,
            "events": [
                {
                    "type": "warning-notice-given",
                    "date": "2024-03-04",
                    "given_by": "welsh-ministers",
                    "compliance_period_end": "2024-04-26",
                }
            ],
        }
    )
    timeline = build_timeline(case)
    assert any(i.rule.id.startswith("W-WM") for i in timeline.items), timeline.ids()
