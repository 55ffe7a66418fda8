"""Any structurally valid case either yields a timeline or a library error naming a field —
never another exception."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from improvement_kit.errors import ImprovementKitError, InputError
from improvement_kit.model import (
    Category,
    Inspectorate,
    ProviderType,
    Safeguarding,
    Timeline,
    framework_for,
)
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

DATES = st.dates(min_value=dt.date(2005, 9, 1), max_value=dt.date(2034, 12, 31))
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
MAINTAINED = [
    ProviderType.COMMUNITY,
    ProviderType.FOUNDATION,
    ProviderType.VOLUNTARY_AIDED,
    ProviderType.VOLUNTARY_CONTROLLED,
    ProviderType.COMMUNITY_SPECIAL,
    ProviderType.MAINTAINED_NURSERY,
    ProviderType.PUPIL_REFERRAL_UNIT,
]


@st.composite
def inspection(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(DATES)
    # Areas and grades of the framework in force on the start (others are refused by name).
    framework = framework_for(Inspectorate.OFSTED, "schools", start)
    grades: dict[str, str] = {}
    if framework is not None and framework.areas:
        grades = draw(
            st.dictionaries(
                st.sampled_from(framework.areas),
                st.sampled_from(framework.scale).map(str),
                max_size=4,
            )
        )
    event: dict[str, Any] = {
        "type": "inspection",
        "start": start.isoformat(),
        "end": (start + dt.timedelta(days=draw(st.integers(0, 2)))).isoformat(),
        "grades": grades,
    }
    if draw(st.booleans()):
        event["safeguarding"] = str(draw(st.sampled_from(list(Safeguarding))))
    if draw(st.booleans()):
        event["leadership_capacity"] = draw(st.booleans())
    if draw(st.booleans()):
        event["category"] = draw(st.sampled_from(["special-measures", "significant-improvement"]))
    return event


@st.composite
def warning_notice(draw: st.DrawFn) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "warning-notice-given",
        "date": draw(DATES).isoformat(),
        "ground": draw(
            st.sampled_from(["performance-standards-and-safety", "teachers-pay-and-conditions"])
        ),
        "given_by": draw(st.sampled_from(["local-authority", "secretary-of-state"])),
    }
    choice = draw(st.integers(0, 3))
    if choice == 1:
        event["compliance_period_end"] = draw(DATES).isoformat()
    elif choice == 2:
        event["compliance_period"] = f"{draw(st.integers(0, 60))} working days following"
    elif choice == 3:
        event["compliance_period"] = draw(TEXT)
    return event


def simple(kind: str, **extra: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"type": st.just(kind), "date": DATES.map(dt.date.isoformat), **extra}
    )


EVENTS = st.one_of(
    inspection(),
    warning_notice(),
    simple(
        "ofsted-category-notice",
        category=st.sampled_from([str(c) for c in Category if c.statutory]),
    ),
    simple("category-removed"),
    simple("draft-report-received"),
    simple("final-report-received"),
    simple("report-published"),
    simple("statement-of-action-sent"),
    simple("representations-made"),
    simple("warning-notice-confirmed"),
    simple("warning-notice-not-confirmed"),
    simple("reasonable-notice-given"),
    simple("coasting-notification"),
    simple("academy-order-made"),
)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "jurisdiction": "england-maintained",
        "provider": {
            "urn": str(draw(st.integers(100000, 999999))),
            "name": draw(TEXT.filter(bool)),
            "type": str(draw(st.sampled_from(MAINTAINED))),
            "religious_character": draw(
                st.sampled_from(["none", "church-of-england", "roman-catholic"])
            ),
        },
        "events": draw(st.lists(EVENTS, max_size=8)),
    }
    if draw(st.booleans()):
        start = draw(DATES)
        data["school_holidays"] = [
            {
                "start": start.isoformat(),
                "end": (start + dt.timedelta(days=draw(st.integers(0, 45)))).isoformat(),
                "name": "holiday",
            }
        ]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.one_of(st.none(), DATES))
def test_a_valid_case_gives_a_timeline_or_a_named_error(
    data: dict[str, Any], as_of: dt.date | None
) -> None:
    case = case_from_data(data, "generated")
    try:
        timeline = build_timeline(case, as_of=as_of)
    except InputError as exc:
        assert exc.path  # names the field
        return
    except ImprovementKitError as exc:
        assert str(exc)
        return
    assert isinstance(timeline, Timeline)
    for item in timeline.items:
        assert item.rule.in_force.contains(item.rule.in_force.start)
        assert item.explanation
        assert item.due is not None or item.window is not None
        if as_of is not None:
            assert item.status is not None
