"""Plugins can declare their own event types; case files may use them and rules can trigger on
them. Bad declarations are refused with the plugin named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

import attrs
import pytest
from tests.conftest import FAKE_ID

from improvement_kit.errors import CaseFileError, PluginError
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import Jurisdiction
from improvement_kit.kit import Kit as Plugins
from improvement_kit.model import Event, ProviderType
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline


@attrs.frozen(kw_only=True)
class ReviewVisit(Event):
    """A local review visit (fictional)."""

    TYPE: ClassVar[str] = "review-visit"
    officer: str | None = None


def _declares(*event_types: type) -> object:
    """A plugin registering a jurisdiction that declares ``event_types``."""

    class Declares:
        @hookimpl
        def improvement_kit_register(self, register: Callable[[object], None]) -> None:
            register(
                Jurisdiction(
                    "declaring",
                    "Declares event types",
                    "england-and-wales",
                    (ProviderType.COMMUNITY,),
                    event_types=list(event_types),
                )
            )

    return Declares()


class DeclaresReviewVisit:
    @hookimpl
    def improvement_kit_register(self, register: Callable[[object], None]) -> None:
        register(
            Jurisdiction(
                "declaring",
                "Declares review visits",
                "england-and-wales",
                (ProviderType.COMMUNITY,),
                event_types=[ReviewVisit],
            )
        )


RULE = """
[[rules]]
id = "T-VISIT-LETTER"
item = "review-visit.letter"
title = "Letter after a review visit"
kind = "obligation"
trigger = "review-visit"
deadline = { working_days_following = 5 }
in_force_from = 2020-01-01
grade = "unverified"
nature = "national-policy"
source = { citation = "Testland procedure para 1" }
"""


def case_data(*events: dict[str, object]) -> dict[str, object]:
    return {
        "jurisdiction": FAKE_ID,
        "provider": {"urn": "100001", "name": "St Mary & St John", "type": "community"},
        "events": list(events),
    }


def test_a_plugin_event_type_is_read_and_triggers_a_rule(
    testland: Callable[..., Plugins],
) -> None:
    plugins = testland(RULE, DeclaresReviewVisit())
    case = case_from_data(
        case_data({"type": "review-visit", "date": "2025-12-19", "officer": "A. Example"}),
        plugins=plugins,
    )
    (visit,) = case.events
    assert isinstance(visit, ReviewVisit) and visit.officer == "A. Example"
    # 5 working days following Fri 19 Dec 2025: 22, 23, 24 Dec, (25, 26 Dec), 29, 30 Dec.
    item = build_timeline(case, plugins=plugins).get("review-visit.letter")
    assert item.due == dt.date(2025, 12, 30)


def test_without_the_plugin_the_event_type_is_unknown(testland: Callable[..., Plugins]) -> None:
    with pytest.raises(CaseFileError, match="event type 'review-visit' is not one of"):
        case_from_data(
            case_data({"type": "review-visit", "date": "2025-12-19"}), plugins=testland(RULE)
        )


def test_a_plugin_may_not_redefine_a_core_event_type(ik_plugins: Callable[..., Plugins]) -> None:
    @attrs.frozen(kw_only=True)
    class Clash(Event):
        TYPE: ClassVar[str] = "inspection"

    with pytest.raises(PluginError, match="'inspection' is a core event type"):
        ik_plugins(_declares(Clash)).event_types()


def test_an_event_type_must_be_an_attrs_event(ik_plugins: Callable[..., Plugins]) -> None:
    class NotAnEvent:
        TYPE = "visit"

    with pytest.raises(PluginError, match="is not an attrs Event"):
        ik_plugins(_declares(NotAnEvent)).event_types()
