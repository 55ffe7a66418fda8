"""Events the wales-schools jurisdiction adds to case files: Estyn follow-up and national
categorisation.

Estyn follow-up (seed 000, Estyn annual report 2021-22): a provider in follow-up is monitored
"until the improvements are robust enough to have an impact on outcomes for learners, and
leaders demonstrate an improved capacity to bring about further improvements", then removed.
A monitoring visit is recorded with its judgements on the themes inspectors look for; its
outcome is recorded as one of three outcome events.

National categorisation (seed 002; 2014/15 to 2019/20): the school's standards group (1-4, set
by the Welsh Government; none from 2017/18), its capacity to improve (A-D, set by the challenge
adviser) and its support category (green, yellow, amber, red) for one academic year.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import ClassVar

import attrs

from improvement_kit.model import Category, Event

__all__ = [
    "EVENT_TYPES",
    "Capacity",
    "CategorisationRecorded",
    "Colour",
    "EstynMonitoringVisit",
    "FollowUpRemoved",
    "InsufficientProgress",
    "Judgement",
    "PiapSubmitted",
    "SufficientProgress",
    "Theme",
]


class Theme(enum.StrEnum):
    """What inspectors look for when they monitor a provider in follow-up (seed 000: "What
    improvements do we identify?"): "Attendance improves and exclusions decline";
    "Behaviour, engagement and learners' attitudes to learning improve"; "As classroom
    provision improves ..." and assessing "learners' learning accurately"; leaders who
    "forge a sense of teamwork"; "Monitoring is sharper, improvement planning is agile"."""

    ATTENDANCE_AND_EXCLUSIONS = "attendance-and-exclusions"
    BEHAVIOUR_AND_ATTITUDES = "behaviour-and-attitudes"
    TEACHING_AND_ASSESSMENT = "teaching-and-assessment"
    LEADERSHIP = "leadership"
    MONITORING_AND_PLANNING = "monitoring-and-planning"


class Judgement(enum.StrEnum):
    """A monitoring visit's judgement on one theme (the project's scale: Estyn's own wording
    per theme is "improves" / "still needs to improve"; the three steps are not Estyn's)."""

    STRONG = "strong"
    SUFFICIENT = "sufficient"
    INSUFFICIENT = "insufficient"


@attrs.frozen(kw_only=True)
class EstynMonitoringVisit(Event):
    """Estyn visited a provider in follow-up; ``level`` is the follow-up level it was in and
    ``judgements`` the progress seen per theme (all optional)."""

    TYPE: ClassVar[str] = "estyn-monitoring-visit"
    level: Category | None = None
    judgements: Mapping[Theme, Judgement] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class SufficientProgress(Event):
    """A monitoring visit found sufficient progress, but the provider stays in follow-up."""

    TYPE: ClassVar[str] = "estyn-progress-sufficient"
    level: Category | None = None


@attrs.frozen(kw_only=True)
class InsufficientProgress(Event):
    """A monitoring visit found insufficient progress: the provider stays in follow-up."""

    TYPE: ClassVar[str] = "estyn-progress-insufficient"
    level: Category | None = None


@attrs.frozen(kw_only=True)
class FollowUpRemoved(Event):
    """Estyn removed the provider from follow-up (any level, statutory or not). Every open
    follow-up item closes on this date."""

    TYPE: ClassVar[str] = "estyn-follow-up-removed"
    level: Category | None = None


@attrs.frozen(kw_only=True)
class PiapSubmitted(Event):
    """The post-inspection action plan was sent (by the governing body, or a PRU's
    management committee, working with the local authority)."""

    TYPE: ClassVar[str] = "piap-submitted"


class Colour(enum.StrEnum):
    """National categorisation support category."""

    GREEN = "green"
    YELLOW = "yellow"
    AMBER = "amber"
    RED = "red"


class Capacity(enum.StrEnum):
    """Capacity to improve, set by the challenge adviser (A strongest)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


def _round(value: object) -> str:
    from improvement_kit_wales_schools.categorisation import check_round

    return check_round(str(value))


@attrs.frozen(kw_only=True)
class CategorisationRecorded(Event):
    """A school's national categorisation for one round (academic year ``2015/16``).

    ``standards_group`` (1-4) exists for 2014/15 to 2016/17 only (and is required then);
    ``colour`` left out is taken from the placeholder matrix (unverified), and
    ``colour_from_scheme`` then becomes true.
    """

    TYPE: ClassVar[str] = "categorisation-recorded"
    round: str = attrs.field(converter=_round)
    capacity: Capacity
    standards_group: int | None = None
    colour: Colour | None = None
    colour_from_scheme: bool = False

    def __attrs_post_init__(self) -> None:
        from improvement_kit_wales_schools.categorisation import colour_for

        derived = colour_for(self.round, self.capacity.value, self.standards_group)
        if self.colour is None:
            # The placeholder matrix (unverified) fills a colour the case does not give.
            object.__setattr__(self, "colour", Colour(derived))
            object.__setattr__(self, "colour_from_scheme", True)


EVENT_TYPES: tuple[type[Event], ...] = (
    EstynMonitoringVisit,
    SufficientProgress,
    InsufficientProgress,
    FollowUpRemoved,
    PiapSubmitted,
    CategorisationRecorded,
)
