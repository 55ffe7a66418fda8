"""Inspection grades and the dated frameworks (grade scales) they belong to."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from improvement_kit.model.sources import InForce, Source

__all__ = [
    "FRAMEWORKS",
    "REPORT_CARD_AREAS",
    "Framework",
    "Grade",
    "Inspectorate",
    "Safeguarding",
    "framework_for",
]


class Grade(enum.StrEnum):
    """Every grade used by Ofsted and Estyn since 2005 (each scale uses a subset)."""

    # Ofsted 2005 - Aug 2024 (overall effectiveness and other judgements)
    OUTSTANDING = "outstanding"
    GOOD = "good"
    SATISFACTORY = "satisfactory"
    REQUIRES_IMPROVEMENT = "requires-improvement"
    INADEQUATE = "inadequate"
    # Ofsted report cards from 10 Nov 2025
    EXCEPTIONAL = "exceptional"
    STRONG_STANDARD = "strong-standard"
    EXPECTED_STANDARD = "expected-standard"
    NEEDS_ATTENTION = "needs-attention"
    URGENT_IMPROVEMENT = "urgent-improvement"
    # Estyn 2010 - 2022
    EXCELLENT = "excellent"
    ADEQUATE = "adequate"
    UNSATISFACTORY = "unsatisfactory"
    ADEQUATE_AND_NEEDS_IMPROVEMENT = "adequate-and-needs-improvement"
    UNSATISFACTORY_AND_NEEDS_URGENT_IMPROVEMENT = "unsatisfactory-and-needs-urgent-improvement"


class Safeguarding(enum.StrEnum):
    """The safeguarding judgement (report cards: met / not met; EIF: effective / not)."""

    MET = "met"
    NOT_MET = "not-met"


class Inspectorate(enum.StrEnum):
    """Who inspects."""

    OFSTED = "ofsted"
    ESTYN = "estyn"


_OFSTED_2005 = (Grade.OUTSTANDING, Grade.GOOD, Grade.SATISFACTORY, Grade.INADEQUATE)
_OFSTED_2012 = (Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE)
_REPORT_CARD = (
    Grade.EXCEPTIONAL,
    Grade.STRONG_STANDARD,
    Grade.EXPECTED_STANDARD,
    Grade.NEEDS_ATTENTION,
    Grade.URGENT_IMPROVEMENT,
)
_ESTYN_2010 = (Grade.EXCELLENT, Grade.GOOD, Grade.ADEQUATE, Grade.UNSATISFACTORY)
_ESTYN_2017 = (
    Grade.EXCELLENT,
    Grade.GOOD,
    Grade.ADEQUATE_AND_NEEDS_IMPROVEMENT,
    Grade.UNSATISFACTORY_AND_NEEDS_URGENT_IMPROVEMENT,
)

REPORT_CARD_AREAS = (
    "inclusion",
    "curriculum-and-teaching",
    "achievement",
    "attendance-and-behaviour",
    "personal-development-and-well-being",
    "leadership-and-governance",
    "early-years",
    "post-16",
)
_EIF_AREAS = (
    "overall-effectiveness",
    "quality-of-education",
    "behaviour-and-attitudes",
    "personal-development",
    "leadership-and-management",
    "early-years",
    "sixth-form",
)
_CIF_AREAS = (
    "overall-effectiveness",
    "effectiveness-of-leadership-and-management",
    "leadership-and-management",
    "quality-of-teaching-learning-and-assessment",
    "personal-development-behaviour-and-welfare",
    "outcomes-for-pupils",
    "early-years",
    "sixth-form",
)
_2012_AREAS = (
    "overall-effectiveness",
    "achievement-of-pupils",
    "quality-of-teaching",
    "behaviour-and-safety",
    "leadership-and-management",
    "early-years",
    "sixth-form",
)
_2005_AREAS = (
    "overall-effectiveness",
    "achievement-and-standards",
    "personal-development-and-well-being",
    "quality-of-provision",
    "leadership-and-management",
    "capacity-to-improve",
    "early-years",
    "sixth-form",
)


@attrs.frozen
class Framework:
    """An inspection framework: its dates, grade scale and judgement areas.

    ``overall_grade`` is false where the framework gives no single overall grade
    (Ofsted schools from 2 Sep 2024).
    """

    id: str
    name: str
    inspectorate: Inspectorate
    sector: str
    in_force: InForce
    scale: tuple[Grade, ...]
    areas: tuple[str, ...]
    overall_grade: bool
    source: Source

    def accepts(self, grade: Grade) -> bool:
        """Whether ``grade`` belongs to this framework's scale."""
        return grade in self.scale


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


_OFSTED_SCHOOLS_URL = "https://www.gov.uk/government/collections/school-inspection-handbook"
_ESTYN_URL = "https://estyn.gov.wales/inspection-guidance-type/follow-up-en"
_FE_URL = (
    "https://www.gov.uk/government/publications/further-education-and-skills-inspection-handbook"
)

#: Every framework the library knows, oldest first within each inspectorate and sector.
FRAMEWORKS: tuple[Framework, ...] = (
    Framework(
        "ofsted-schools-2005",
        "Ofsted section 5 inspection framework (2005, revised 2009)",
        Inspectorate.OFSTED,
        "schools",
        InForce(_d("2005-09-01"), _d("2012-08-31")),
        _OFSTED_2005,
        _2005_AREAS,
        True,
        Source("Education Act 2005 s.5; Ofsted framework for school inspection 2005 and 2009"),
    ),
    Framework(
        "ofsted-schools-2012",
        "Ofsted framework for school inspection (September 2012)",
        Inspectorate.OFSTED,
        "schools",
        InForce(_d("2012-09-01"), _d("2015-08-31")),
        _OFSTED_2012,
        _2012_AREAS,
        True,
        Source("Ofsted, The framework for school inspection, September 2012", _OFSTED_SCHOOLS_URL),
    ),
    Framework(
        "ofsted-schools-cif-2015",
        "Ofsted common inspection framework (September 2015)",
        Inspectorate.OFSTED,
        "schools",
        InForce(_d("2015-09-01"), _d("2019-08-31")),
        _OFSTED_2012,
        _CIF_AREAS,
        True,
        Source("Ofsted, Common inspection framework, September 2015", _OFSTED_SCHOOLS_URL),
    ),
    Framework(
        "ofsted-schools-eif-2019",
        "Ofsted education inspection framework (September 2019)",
        Inspectorate.OFSTED,
        "schools",
        InForce(_d("2019-09-01"), _d("2024-09-01")),
        _OFSTED_2012,
        _EIF_AREAS,
        True,
        Source("Ofsted, Education inspection framework, September 2019", _OFSTED_SCHOOLS_URL),
    ),
    Framework(
        "ofsted-schools-eif-2024",
        "Ofsted education inspection framework without overall grades (September 2024)",
        Inspectorate.OFSTED,
        "schools",
        InForce(_d("2024-09-02"), _d("2025-11-09")),
        _OFSTED_2012,
        tuple(a for a in _EIF_AREAS if a != "overall-effectiveness"),
        False,
        Source("Ofsted school inspection handbook, September 2024", _OFSTED_SCHOOLS_URL),
    ),
    Framework(
        "ofsted-schools-report-cards-2025",
        "Ofsted renewed framework with report cards (10 November 2025)",
        Inspectorate.OFSTED,
        "schools",
        InForce(_d("2025-11-10")),
        _REPORT_CARD,
        REPORT_CARD_AREAS,
        False,
        Source(
            "Ofsted, School inspection toolkit and operating guides, November 2025",
            "https://www.gov.uk/government/publications/school-inspection-toolkit-operating-guide-and-information",
        ),
    ),
    Framework(
        "ofsted-fe-2005",
        "Ofsted common inspection framework for further education (2005-2012)",
        Inspectorate.OFSTED,
        "further-education",
        InForce(_d("2005-09-01"), _d("2012-08-31")),
        _OFSTED_2005,
        ("overall-effectiveness", "leadership-and-management", "capacity-to-improve"),
        True,
        Source("Ofsted common inspection framework for further education and skills 2009"),
    ),
    Framework(
        "ofsted-fe-2012",
        "Ofsted common inspection framework for further education and skills (2012-2019)",
        Inspectorate.OFSTED,
        "further-education",
        InForce(_d("2012-09-01"), _d("2019-08-31")),
        _OFSTED_2012,
        ("overall-effectiveness", "leadership-and-management", "outcomes-for-learners"),
        True,
        Source(
            "Ofsted, Common Inspection Framework for further education and skills 2012", _FE_URL
        ),
    ),
    Framework(
        "ofsted-fe-eif-2019",
        "Ofsted education inspection framework, further education and skills (2019-2025)",
        Inspectorate.OFSTED,
        "further-education",
        InForce(_d("2019-09-01"), _d("2025-11-09")),
        _OFSTED_2012,
        ("overall-effectiveness", "quality-of-education", "leadership-and-management"),
        True,
        Source("Ofsted further education and skills handbook, September 2019", _FE_URL),
    ),
    Framework(
        "ofsted-fe-report-cards-2025",
        "Ofsted renewed framework with report cards, further education and skills (Nov 2025)",
        Inspectorate.OFSTED,
        "further-education",
        InForce(_d("2025-11-10")),
        _REPORT_CARD,
        ("inclusion", "curriculum-and-teaching", "achievement", "leadership-and-governance"),
        False,
        Source("Ofsted further education and skills inspection toolkit, November 2025", _FE_URL),
    ),
    Framework(
        "estyn-2010",
        "Estyn common inspection framework (2010-2017)",
        Inspectorate.ESTYN,
        "schools",
        InForce(_d("2010-09-01"), _d("2017-08-31")),
        _ESTYN_2010,
        ("current-performance", "prospects-for-improvement"),
        True,
        Source("Estyn common inspection framework 2010", _ESTYN_URL),
    ),
    Framework(
        "estyn-2017",
        "Estyn inspection arrangements (2017-2022)",
        Inspectorate.ESTYN,
        "schools",
        InForce(_d("2017-09-01"), _d("2022-08-31")),
        _ESTYN_2017,
        (
            "standards",
            "wellbeing-and-attitudes-to-learning",
            "teaching-and-learning-experiences",
            "care-support-and-guidance",
            "leadership-and-management",
        ),
        False,
        Source("Estyn guidance for inspection, September 2017", _ESTYN_URL),
    ),
    Framework(
        "estyn-2022",
        "Estyn inspection arrangements without summative grades (from September 2022)",
        Inspectorate.ESTYN,
        "schools",
        InForce(_d("2022-09-01")),
        (),
        (),
        False,
        Source("Estyn inspection framework, September 2022", _ESTYN_URL),
    ),
)


def framework_for(inspectorate: Inspectorate, sector: str, on: dt.date) -> Framework | None:
    """The framework in force for an inspection starting on ``on``, or ``None`` if none is known.

    >>> framework_for(Inspectorate.OFSTED, "schools", dt.date(2026, 1, 12)).id
    'ofsted-schools-report-cards-2025'
    >>> framework_for(Inspectorate.OFSTED, "schools", dt.date(2011, 5, 4)).id
    'ofsted-schools-2005'
    """
    for framework in FRAMEWORKS:
        if (
            framework.inspectorate is inspectorate
            and framework.sector == sector
            and framework.in_force.contains(on)
        ):
            return framework
    return None
