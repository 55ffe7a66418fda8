"""The academies documents: a council's Letter of Concern, and the Secretary of State's coasting
notice and termination warning notice.

Each template has an attrs context class and a builder ``(case, timeline, extra) -> context``.
Dates the law or the notice fixes come from the case and its timeline (a termination warning
notice's ``action_by`` and ``respond_by``, as the timeline resolves them); what only the sender
knows comes from the extra data (``--data EXTRA.yaml``), read as :class:`AcademyDocumentData`
by the project's strict converter (unknown keys refused with their path and the nearest valid
name). A value found nowhere is left ``None`` and rendering reports it as missing.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.documents.extra_data import structure_extra
from improvement_kit.documents.spec import DocumentMeta, TemplateSpec
from improvement_kit.documents.text import salutation
from improvement_kit.errors import InputError
from improvement_kit.model import Case, CoastingNotification, Timeline, TimelineItem
from improvement_kit_england_academies.derive import S2A_COMMENCEMENT
from improvement_kit_england_academies.events import TerminationWarningNoticeGiven

__all__ = [
    "COASTING_DEFINITION",
    "Academy",
    "AcademyDocumentData",
    "CoastingNoticeContext",
    "CoastingNoticeData",
    "ConcernGround",
    "LetterOfConcernContext",
    "LetterOfConcernData",
    "Matter",
    "Person",
    "Sender",
    "TerminationWarningNoticeContext",
    "TerminationWarningNoticeData",
    "build_coasting_notice",
    "build_letter_of_concern",
    "build_termination_warning_notice",
    "funding_body",
    "sample_case_data",
    "sample_extra_data",
    "template_path",
    "template_specs",
]

_JURISDICTION = "england-academies"
#: The coasting definition applies from this day (EAA 2016 s.16 for specified purposes,
#: SI 2017/6; rule AC-2B-01): a coasting notice before it is refused.
COASTING_DEFINITION = dt.date(2017, 1, 11)
#: Marks a context field a template may leave out (not reported by the template check).
OPTIONAL: Mapping[str, bool] = {"optional": True}


def _plugin_version() -> str:
    from improvement_kit_england_academies import __version__

    return f"improvement_kit_england_academies {__version__}"


# --- the extra data ----------------------------------------------------------------------------


class ConcernGround(enum.StrEnum):
    """The three grounds on which seed 004's council issues a Letter of Concern."""

    LOW_STANDARDS = "low-standards"
    GOVERNANCE_BREAKDOWN = "governance-breakdown"
    SAFETY = "safety"

    @property
    def words(self) -> str:
        """The ground as the council's procedure states it."""
        return _GROUND_WORDS[self]


_GROUND_WORDS = {
    ConcernGround.LOW_STANDARDS: (
        "standards of pupils’ performance are unacceptably low and are likely to remain so "
        "unless immediate action is taken to raise standards"
    ),
    ConcernGround.GOVERNANCE_BREAKDOWN: (
        "there has been a serious breakdown in the way the school is managed or governed which "
        "is prejudicing, or is likely to prejudice, standards"
    ),
    ConcernGround.SAFETY: (
        "the safety of pupils or staff is threatened, whether by breakdown of discipline or "
        "otherwise"
    ),
}


@attrs.frozen(kw_only=True)
class Person:
    """A named person: who signs, whom to contact, or who receives a copy."""

    name: str
    title: str
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen(kw_only=True)
class Sender:
    """The body sending the document: a council, or the Department for Education's office."""

    name: str
    address: str
    department: str | None = attrs.field(default=None, metadata=OPTIONAL)
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen(kw_only=True)
class Matter:
    """One matter the concerns rest on, with the facts in that academy that show it."""

    matter: str
    facts: tuple[str, ...]


@attrs.frozen(kw_only=True)
class LetterOfConcernData:
    """The ``letter_of_concern`` table: the grounds, the matters in detail, the date by which
    the council asks for the academy's response, and who receives copies."""

    date: dt.date
    grounds: tuple[ConcernGround, ...] = attrs.field(validator=attrs.validators.min_len(1))
    matters: tuple[Matter, ...] = attrs.field(validator=attrs.validators.min_len(1))
    response_by: dt.date | None = None
    other_copies: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.response_by is not None and self.response_by <= self.date:
            raise ValueError(
                f"response_by {self.response_by.isoformat()} is not after the letter's date "
                f"{self.date.isoformat()}"
            )


@attrs.frozen(kw_only=True)
class TerminationWarningNoticeData:
    """The ``termination_warning_notice`` table: what the notice requires and why. Its dates
    are the ``termination-warning-notice-given`` event's (``notice`` names the event's ``id``
    when the case has more than one)."""

    reasons: tuple[str, ...] = attrs.field(validator=attrs.validators.min_len(1))
    actions: tuple[str, ...] = attrs.field(validator=attrs.validators.min_len(1))
    notice: str | None = None
    agreement_clause: str | None = None


@attrs.frozen(kw_only=True)
class CoastingNoticeData:
    """The ``coasting_notice`` table: the evidence for the notification and what follows."""

    evidence: tuple[str, ...] = attrs.field(validator=attrs.validators.min_len(1))
    next_steps: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class AcademyDetails:
    """The ``academy`` table: what the case's provider does not say."""

    trust: str | None = None
    address: str | None = None
    head_teacher: str | None = None
    chair_of_governors: str | None = None
    chair_of_trustees: str | None = None


@attrs.frozen(kw_only=True)
class AcademyDocumentData:
    """Every table the academies documents read from ``--data``; each is optional, and a
    document missing the one it needs says so. ``local_authority``, ``signatory`` and
    ``officer`` are the council's (the Letter of Concern); ``department``,
    ``regional_director`` and ``department_officer`` the Department for Education's (the
    notices, signed on the Secretary of State's behalf; the regional director also receives a
    copy of a Letter of Concern)."""

    reference: str | None = None
    local_authority: Sender | None = None
    signatory: Person | None = None
    officer: Person | None = None
    department: Sender | None = None
    regional_director: Person | None = None
    department_officer: Person | None = None
    academy: AcademyDetails | None = None
    letter_of_concern: LetterOfConcernData | None = None
    termination_warning_notice: TerminationWarningNoticeData | None = None
    coasting_notice: CoastingNoticeData | None = None


def _data(extra: Mapping[str, Any]) -> AcademyDocumentData:
    return structure_extra(extra, AcademyDocumentData)


def _needs(value: Any, path: str) -> Any:
    if value is None:
        raise InputError(path, None, "is needed by this document (see docs/documents.rst)")
    return value


# --- contexts ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Academy:
    """The academy, from the case's provider and the extra data's ``academy`` table."""

    name: str
    urn: str
    trust: str | None
    address: str | None
    head_teacher: str | None = attrs.field(default=None, metadata=OPTIONAL)
    chair_of_governors: str | None = attrs.field(default=None, metadata=OPTIONAL)
    chair_of_trustees: str | None = attrs.field(default=None, metadata=OPTIONAL)


def _academy(case: Case, data: AcademyDocumentData) -> Academy:
    more = data.academy or AcademyDetails()
    provider = case.provider
    return Academy(
        name=provider.name,
        urn=provider.identifier,
        trust=more.trust or provider.trust,
        address=more.address or provider.address,
        head_teacher=more.head_teacher or provider.head_teacher,
        chair_of_governors=more.chair_of_governors or provider.chair_of_governors,
        chair_of_trustees=more.chair_of_trustees,
    )


def funding_body(day: dt.date) -> str:
    """The funding agency for academies on ``day``: the Young People's Learning Agency, then
    the Education Funding Agency (from 1 April 2012), the Education and Skills Funding Agency
    (from 1 April 2017), the Department for Education itself (from 1 April 2025, when the ESFA
    closed).

    >>> funding_body(dt.date(2016, 4, 18))
    'the Education Funding Agency'
    >>> funding_body(dt.date(2025, 4, 1))
    'the Department for Education'
    """
    if day >= dt.date(2025, 4, 1):
        return "the Department for Education"
    if day >= dt.date(2017, 4, 1):
        return "the Education and Skills Funding Agency"
    if day >= dt.date(2012, 4, 1):
        return "the Education Funding Agency"
    return "the Young People’s Learning Agency"


def _meta(
    title: str,
    case: Case,
    sender: Sender | None,
    day: dt.date | None,
    reference: str | None,
    rules: Sequence[str],
) -> DocumentMeta:
    return DocumentMeta(
        title=f"{title}: {case.provider.name}",
        date=day,
        author=sender.name if sender is not None else "",
        subject=f"{case.provider.name} (URN {case.provider.identifier})",
        reference=reference or "",
        rule_ids=tuple(rules),
    )


@attrs.frozen(kw_only=True)
class LetterOfConcernContext:
    """A council's Letter of Concern to an academy's governing body (local policy: no
    statutory power; seed 004's procedure)."""

    meta: DocumentMeta
    authority: Sender | None
    signatory: Person | None
    officer: Person | None
    school: Academy
    reference: str | None
    date: dt.date
    grounds: tuple[str, ...]
    matters: tuple[Matter, ...]
    response_by: dt.date | None = attrs.field(metadata=OPTIONAL)
    funding_body: str
    copies: tuple[str, ...]
    salutation: str


def build_letter_of_concern(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> LetterOfConcernContext:
    """The letter from the ``letter_of_concern`` table of the extra data."""
    del timeline
    data = _data(extra)
    letter: LetterOfConcernData = _needs(data.letter_of_concern, "letter_of_concern")
    academy = _academy(case, data)
    copies = []
    if academy.chair_of_trustees is not None:
        copies.append(
            f"{academy.chair_of_trustees}, Chair of the Board of Trustees, {academy.trust}"
        )
    if data.regional_director is not None:
        copies.append(f"{data.regional_director.name}, {data.regional_director.title}")
    copies.extend(letter.other_copies)
    return LetterOfConcernContext(
        meta=_meta(
            "Letter of Concern",
            case,
            data.local_authority,
            letter.date,
            data.reference,
            ("AC-LA-01",),
        ),
        authority=data.local_authority,
        signatory=data.signatory,
        officer=data.officer,
        school=academy,
        reference=data.reference,
        date=letter.date,
        grounds=tuple(g.words for g in letter.grounds),
        matters=letter.matters,
        response_by=letter.response_by,
        funding_body=funding_body(letter.date),
        copies=tuple(copies),
        salutation=salutation(academy.chair_of_governors),
    )


@attrs.frozen(kw_only=True)
class TerminationWarningNoticeContext:
    """The Secretary of State's termination warning notice: every date the notice must
    specify (AA 2010 s.2B(3) from 18 April 2016; the funding agreement before)."""

    meta: DocumentMeta
    authority: Sender | None
    signatory: Person | None
    officer: Person | None
    school: Academy
    reference: str | None
    date: dt.date
    statutory: bool
    coasting_notified_on: dt.date | None = attrs.field(metadata=OPTIONAL)
    reasons: tuple[str, ...]
    actions: tuple[str, ...]
    action_by: dt.date | None
    respond_by: dt.date | None
    #: The first day the power to terminate could be available: the day after the earlier of
    #: the two dates, if that limb is not met on time (s.2B(4)); only on the coasting ground.
    power_from: dt.date | None = attrs.field(metadata=OPTIONAL)
    agreement_clause: str | None = attrs.field(metadata=OPTIONAL)
    salutation: str


def _item_for(timeline: Timeline, item_id: str, trigger: str) -> TimelineItem | None:
    found = [i for i in timeline.all(item_id) if i.trigger == trigger]
    return found[-1] if found else None


def build_termination_warning_notice(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> TerminationWarningNoticeContext:
    """The notice for the case's ``termination-warning-notice-given`` event (the one named by
    ``termination_warning_notice.notice``, else the latest)."""
    data = _data(extra)
    table: TerminationWarningNoticeData = _needs(
        data.termination_warning_notice, "termination_warning_notice"
    )
    notices = case.of_type(TerminationWarningNoticeGiven)
    if table.notice is not None:
        notices = [n for n in notices if n.id == table.notice]
    if not notices:
        raise InputError(
            "termination_warning_notice.notice",
            table.notice,
            "names no termination-warning-notice-given event of the case",
        )
    notice = notices[-1]
    trigger = f"{notice.type} {notice.date.isoformat()}"
    action = _item_for(timeline, "termination-warning-notice.action-due", trigger)
    response = _item_for(timeline, "termination-warning-notice.response-due", trigger)
    coasting = [c for c in case.of_type(CoastingNotification) if c.date <= notice.date]
    academy = _academy(case, data)
    action_by = action.due if action is not None else notice.action_by
    respond_by = response.due if response is not None else notice.respond_by
    return TerminationWarningNoticeContext(
        meta=_meta(
            "Termination warning notice",
            case,
            data.department,
            notice.date,
            data.reference,
            tuple(i.rule.id for i in (action, response) if i is not None)
            + (("AC-2B-04",) if coasting and notice.date >= S2A_COMMENCEMENT else ()),
        ),
        authority=data.department,
        signatory=data.regional_director,
        officer=data.department_officer,
        school=academy,
        reference=data.reference,
        date=notice.date,
        statutory=notice.date >= S2A_COMMENCEMENT,
        coasting_notified_on=coasting[-1].date if coasting else None,
        reasons=table.reasons,
        actions=table.actions,
        action_by=action_by,
        respond_by=respond_by,
        power_from=(
            min(action_by, respond_by) + dt.timedelta(days=1)
            if action_by is not None and respond_by is not None and coasting
            else None
        ),
        agreement_clause=table.agreement_clause,
        salutation=salutation(academy.chair_of_trustees),
    )


@attrs.frozen(kw_only=True)
class CoastingNoticeContext:
    """The Secretary of State's notification that an academy is coasting (s.2B(1)(b))."""

    meta: DocumentMeta
    authority: Sender | None
    signatory: Person | None
    officer: Person | None
    school: Academy
    reference: str | None
    date: dt.date
    evidence: tuple[str, ...]
    next_steps: tuple[str, ...] = attrs.field(metadata=OPTIONAL)
    salutation: str


def build_coasting_notice(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> CoastingNoticeContext:
    """The notification for the case's latest ``coasting-notification`` event."""
    del timeline
    data = _data(extra)
    table: CoastingNoticeData = _needs(data.coasting_notice, "coasting_notice")
    notified = case.of_type(CoastingNotification)
    if not notified:
        raise InputError("events", None, "hold no coasting-notification for this notice")
    day = notified[-1].date
    if day < COASTING_DEFINITION:
        raise InputError(
            "coasting-notification.date",
            day.isoformat(),
            "is before 11 Jan 2017, when the coasting definition began to apply (rule AC-2B-01)",
        )
    academy = _academy(case, data)
    return CoastingNoticeContext(
        meta=_meta(
            "Notice that the academy is coasting",
            case,
            data.department,
            day,
            data.reference,
            ("AC-2B-01",),
        ),
        authority=data.department,
        signatory=data.regional_director,
        officer=data.department_officer,
        school=academy,
        reference=data.reference,
        date=day,
        evidence=table.evidence,
        next_steps=table.next_steps,
        salutation=salutation(academy.chair_of_trustees),
    )


# --- templates and samples ---------------------------------------------------------------------


def template_path(name: str) -> Traversable:
    """A template's file: inside the installed package (a wheel), else the source tree's
    ``templates/england_academies`` folder (an editable install)."""
    packaged = files("improvement_kit_england_academies") / "templates" / f"{name}.docx"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates" / "england_academies" / f"{name}.docx"


def sample_case_data() -> dict[str, Any]:
    """A fictional coasting academy with a termination warning notice, as case-file data."""
    return {
        "jurisdiction": _JURISDICTION,
        "reference": "EXA-AC-2026-007",
        "provider": {
            "urn": "149007",
            "name": "Example Brook Academy",
            "type": "academy",
            "phase": "secondary",
            "local_authority": "Exampleshire County Council",
            "trust": "Example Valley Learning Trust",
            "head_teacher": "Mr Dan Example",
            "chair_of_governors": "Mrs Pat Sample",
            "address": "Brook Road\nExampleton\nEX2 3CD",
        },
        "events": [
            {"type": "coasting-notification", "date": "2026-01-12"},
            {
                "type": "termination-warning-notice-given",
                "date": "2026-02-02",
                "respond_by": "2026-02-16",
                "action_by": "2026-03-27",
            },
        ],
    }


def sample_extra_data() -> dict[str, Any]:
    """Extra data (fictional people and content) that renders every academies template."""
    return {
        "reference": "EXA-AC-2026-007",
        "local_authority": {
            "name": "Exampleshire County Council",
            "department": "Children’s Services – Education Improvement",
            "address": "County Hall\nMarket Street\nExampleton EX1 1AA",
            "telephone": "01632 960000",
            "email": "school.improvement@exampleshire.example",
        },
        "signatory": {
            "name": "Dr Ruth Marston",
            "title": "Strategic Director of Children’s Services",
        },
        "officer": {
            "name": "Mr Tom Hartley",
            "title": "School Improvement Officer",
            "telephone": "01632 960123",
            "email": "tom.hartley@exampleshire.example",
        },
        "department": {
            "name": "Department for Education",
            "department": "Regions Group – Example Region",
            "address": "Example House\n1 Sample Street\nExampleton EX9 9ZZ",
            "email": "regional.office@education.example",
        },
        "regional_director": {
            "name": "Mr Lee Sample",
            "title": "Regional Director, Example Region",
        },
        "department_officer": {
            "name": "Ms Kim Example",
            "title": "Academies Intervention Lead",
            "email": "kim.example@education.example",
        },
        "academy": {
            "chair_of_trustees": "Ms Jan Example",
            "address": "Brook Road\nExampleton\nEX2 3CD",
        },
        "letter_of_concern": {
            "date": "2026-03-02",
            "grounds": ["low-standards", "governance-breakdown"],
            "matters": [
                {
                    "matter": "Pupils’ attainment at the end of key stage 4",
                    "facts": [
                        "Progress 8 has been well below average for three years.",
                        "Fewer than a quarter of pupils achieved a strong pass in English "
                        "and mathematics in 2025.",
                    ],
                },
                {
                    "matter": "Governance",
                    "facts": [
                        "The local governing body has not met since October 2025.",
                        "Three of the five governor places are vacant.",
                    ],
                },
            ],
            "response_by": "2026-03-23",
        },
        "termination_warning_notice": {
            "reasons": [
                "The Secretary of State notified the trust on 12 January 2026 that the academy "
                "is coasting.",
                "The trust’s improvement plan does not show how attainment will rise.",
            ],
            "actions": [
                "Secure an experienced executive headteacher from a strong academy.",
                "Submit a costed improvement plan with termly milestones.",
            ],
            "agreement_clause": "clause 5.4 of the supplemental funding agreement",
        },
        "coasting_notice": {
            "evidence": [
                "Progress 8 below the coasting threshold in 2023, 2024 and 2025.",
            ],
            "next_steps": [
                "The regional director will meet the trust to discuss its plans.",
            ],
        },
    }


def _sample() -> Mapping[str, Any]:
    return {"case": sample_case_data(), "extra": sample_extra_data()}


_TEMPLATES: tuple[tuple[str, str, type[Any], Callable[..., Any], str], ...] = (
    (
        "letter-of-concern",
        "Letter of Concern to an academy (local authority; local policy)",
        LetterOfConcernContext,
        build_letter_of_concern,
        "A council's own procedure (seed 004): no statutory power over academies.",
    ),
    (
        "termination-warning-notice",
        "Termination warning notice (Secretary of State)",
        TerminationWarningNoticeContext,
        build_termination_warning_notice,
        "Academies Act 2010 s.2B(3) from 18 April 2016; the funding agreement before.",
    ),
    (
        "coasting-notice",
        "Notice that an academy is coasting (Secretary of State)",
        CoastingNoticeContext,
        build_coasting_notice,
        "Academies Act 2010 s.2B(1)(b); the coasting definition from 11 January 2017.",
    ),
)


def template_specs() -> list[TemplateSpec]:
    """The academies templates."""
    return [
        TemplateSpec(
            id=f"{_JURISDICTION}:{name}",
            jurisdiction=_JURISDICTION,
            title=title,
            resource=template_path(name),
            context_type=context_type,
            build_context=builder,
            language="en-GB",
            description=description,
            sample_data=_sample,
            plugin=_plugin_version(),
        )
        for name, title, context_type, builder, description in _TEMPLATES
    ]
