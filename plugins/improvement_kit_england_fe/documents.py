"""The further education documents: the improvement HMI's reporting letter after a support
and challenge visit, and a governing body's summary of a notice of concern.

Each template has an attrs context class and a builder ``(case, timeline, extra) -> context``.
Dates come from the case and its timeline (the visit, the letter's five working days, the
notice's date, the re-inspection window); what only the writer knows comes from the extra data
(``--data EXTRA.yaml``), read as :class:`FeDocumentData` by the project's strict converter
(unknown keys refused with their path and the nearest valid name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.documents.extra_data import structure_extra
from improvement_kit.documents.spec import DocumentMeta, TemplateSpec
from improvement_kit.documents.text import salutation
from improvement_kit.errors import InputError
from improvement_kit.model import Case, Inspection, SupportAndChallengeVisit, Timeline
from improvement_kit_england_fe.events import NoticeOfConcernGiven

__all__ = [
    "AgreedAction",
    "FeDocumentData",
    "NoticeOfConcernSummaryContext",
    "NoticeOfConcernSummaryData",
    "Person",
    "Provider",
    "ReportingLetterContext",
    "ReportingLetterData",
    "Requirement",
    "Sender",
    "build_notice_of_concern_summary",
    "build_reporting_letter",
    "inspector_title",
    "sample_case_data",
    "sample_extra_data",
    "template_path",
    "template_specs",
]

_JURISDICTION = "england-fe"
#: Marks a context field a template may leave out (not reported by the template check).
OPTIONAL: Mapping[str, bool] = {"optional": True}
#: The accession of King Charles III: Her Majesty's Inspectors became His Majesty's.
_ACCESSION = dt.date(2022, 9, 8)


def _plugin_version() -> str:
    from improvement_kit_england_fe import __version__

    return f"improvement_kit_england_fe {__version__}"


def inspector_title(day: dt.date) -> str:
    """An HMI's title on ``day``.

    >>> inspector_title(dt.date(2014, 12, 17))
    'Her Majesty’s Inspector'
    >>> inspector_title(dt.date(2022, 9, 8))
    'His Majesty’s Inspector'
    """
    return "His Majesty’s Inspector" if day >= _ACCESSION else "Her Majesty’s Inspector"


# --- the extra data ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Person:
    """A named person: who signs, whom to contact."""

    name: str
    title: str
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen(kw_only=True)
class Sender:
    """The body sending the document (Ofsted's office, or the college)."""

    name: str
    address: str = attrs.field(metadata=OPTIONAL)
    department: str | None = attrs.field(default=None, metadata=OPTIONAL)
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen(kw_only=True)
class AgreedAction:
    """A priority action agreed at the visit, with its timescale (Ofsted 130012 para 11b)."""

    action: str
    by: dt.date | None = None
    lead: str | None = None


@attrs.frozen(kw_only=True)
class ReportingLetterData:
    """The ``reporting_letter`` table: the letter's date and what the visit agreed."""

    date: dt.date
    actions: tuple[AgreedAction, ...] = attrs.field(validator=attrs.validators.min_len(1))
    support: tuple[str, ...] = ()
    arrangements: tuple[str, ...] = ()
    poor_progress: bool = False


@attrs.frozen(kw_only=True)
class Requirement:
    """One requirement of a notice of concern, who leads on it and where it stands."""

    requirement: str
    lead: str
    status: str


@attrs.frozen(kw_only=True)
class NoticeOfConcernSummaryData:
    """The ``notice_of_concern_summary`` table: the meeting it is for and the requirements."""

    meeting: dt.date
    requirements: tuple[Requirement, ...] = attrs.field(validator=attrs.validators.min_len(1))
    prepared_by: Person | None = None


@attrs.frozen(kw_only=True)
class FeDocumentData:
    """Every table the FE documents read from ``--data``; each is optional, and a document
    missing the one it needs says so."""

    reference: str | None = None
    ofsted: Sender | None = None
    college: Sender | None = None
    principal: str | None = None
    reporting_letter: ReportingLetterData | None = None
    notice_of_concern_summary: NoticeOfConcernSummaryData | None = None


def _data(extra: Mapping[str, Any]) -> FeDocumentData:
    return structure_extra(extra, FeDocumentData)


def _needs(value: Any, path: str) -> Any:
    if value is None:
        raise InputError(path, None, "is needed by this document (see docs/documents.rst)")
    return value


# --- contexts ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Provider:
    """The provider, from the case and the extra data (``school`` in a context: the house
    styles' footer names ``school.name``)."""

    name: str
    urn: str
    principal: str | None = attrs.field(metadata=OPTIONAL)
    address: str | None = attrs.field(metadata=OPTIONAL)


def _provider(case: Case, data: FeDocumentData) -> Provider:
    provider = case.provider
    return Provider(
        name=provider.name,
        urn=provider.identifier,
        principal=data.principal or provider.head_teacher,
        address=(data.college.address if data.college is not None else None) or provider.address,
    )


def _meta(
    title: str, case: Case, author: str, day: dt.date, reference: str | None, rules: tuple[str, ...]
) -> DocumentMeta:
    return DocumentMeta(
        title=f"{title}: {case.provider.name}",
        date=day,
        author=author,
        subject=f"{case.provider.name} (URN {case.provider.identifier})",
        reference=reference or "",
        rule_ids=rules,
    )


def _full_before(case: Case, day: dt.date) -> Inspection | None:
    found = [
        i
        for i in case.inspections()
        if i.inspectorate == "ofsted" and i.kind in (None, "full") and i.date <= day
    ]
    return found[-1] if found else None


@attrs.frozen(kw_only=True)
class ReportingLetterContext:
    """The improvement HMI's reporting letter to the principal (Ofsted 130012 paras 14-15):
    not published; may be shared with funding bodies."""

    meta: DocumentMeta
    authority: Sender | None
    school: Provider
    reference: str | None
    date: dt.date
    visit_date: dt.date
    #: Five working days following the visit (rule FE-SC-04), for the sender's own check.
    letter_due: dt.date | None = attrs.field(metadata=OPTIONAL)
    inspection_end: dt.date | None = attrs.field(metadata=OPTIONAL)
    report_published: dt.date | None = attrs.field(metadata=OPTIONAL)
    reinspection_from: dt.date | None = attrs.field(metadata=OPTIONAL)
    reinspection_to: dt.date | None = attrs.field(metadata=OPTIONAL)
    actions: tuple[AgreedAction, ...]
    support: tuple[str, ...] = attrs.field(metadata=OPTIONAL)
    arrangements: tuple[str, ...] = attrs.field(metadata=OPTIONAL)
    poor_progress: bool
    hmi: Person | None
    salutation: str


def build_reporting_letter(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> ReportingLetterContext:
    """The letter after the case's latest ``support-and-challenge-visit``."""
    data = _data(extra)
    table: ReportingLetterData = _needs(data.reporting_letter, "reporting_letter")
    visits = case.of_type(SupportAndChallengeVisit)
    if not visits:
        raise InputError("events", None, "hold no support-and-challenge-visit for this letter")
    visit = visits[-1]
    if table.date < visit.date:
        raise InputError(
            "reporting_letter.date",
            table.date.isoformat(),
            f"is before the visit of {visit.date.isoformat()} it reports on",
        )
    trigger = f"{visit.type} {visit.date.isoformat()}"
    due = next(
        (
            i.due
            for i in timeline.all("support-and-challenge-visit.reporting-letter")
            if i.trigger == trigger
        ),
        None,
    )
    inspection = _full_before(case, visit.date)
    inspection_trigger = (
        f"{inspection.type} {inspection.date.isoformat()}" if inspection is not None else None
    )
    reinspection = next(
        (i for i in timeline.all("reinspection") if i.trigger == inspection_trigger), None
    )
    published = next(
        (
            e.date
            for e in case.events
            if e.type == "report-published"
            and inspection is not None
            and inspection.date <= e.date <= visit.date
        ),
        None,
    )
    provider = _provider(case, data)
    window = reinspection.window if reinspection is not None else None
    return ReportingLetterContext(
        meta=_meta(
            "Support and challenge visit: reporting letter",
            case,
            "Ofsted",
            table.date,
            data.reference,
            ("FE-SC-04",),
        ),
        authority=data.ofsted,
        school=provider,
        reference=data.reference,
        date=table.date,
        visit_date=visit.date,
        letter_due=due,
        inspection_end=inspection.date if inspection is not None else None,
        report_published=published,
        reinspection_from=window.start if window is not None else None,
        reinspection_to=window.end if window is not None else None,
        actions=table.actions,
        support=table.support,
        arrangements=table.arrangements,
        poor_progress=table.poor_progress,
        hmi=(
            Person(name=visit.improvement_hmi, title=inspector_title(table.date))
            if visit.improvement_hmi is not None
            else None
        ),
        salutation=salutation(provider.principal),
    )


@attrs.frozen(kw_only=True)
class NoticeOfConcernSummaryContext:
    """A governing body's one-page summary of the funding body's notice of concern."""

    meta: DocumentMeta
    authority: Sender | None
    school: Provider
    reference: str | None
    meeting: dt.date
    notice_date: dt.date
    given_by: str
    grounds: tuple[str, ...]
    compliance_due: dt.date | None
    inspection_end: dt.date | None = attrs.field(metadata=OPTIONAL)
    reinspection_by: dt.date | None = attrs.field(metadata=OPTIONAL)
    requirements: tuple[Requirement, ...]
    prepared_by: Person | None


def build_notice_of_concern_summary(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> NoticeOfConcernSummaryContext:
    """The summary of the case's latest ``notice-of-concern-given`` event."""
    data = _data(extra)
    table: NoticeOfConcernSummaryData = _needs(
        data.notice_of_concern_summary, "notice_of_concern_summary"
    )
    notices = case.of_type(NoticeOfConcernGiven)
    if not notices:
        raise InputError("events", None, "hold no notice-of-concern-given for this summary")
    notice = notices[-1]
    trigger = f"{notice.type} {notice.date.isoformat()}"
    due = next((i.due for i in timeline.all("notice-of-concern") if i.trigger == trigger), None)
    inspection = _full_before(case, notice.date)
    inspection_trigger = (
        f"{inspection.type} {inspection.date.isoformat()}" if inspection is not None else None
    )
    reinspection = next(
        (i for i in timeline.all("reinspection") if i.trigger == inspection_trigger), None
    )
    return NoticeOfConcernSummaryContext(
        meta=_meta(
            "Notice of concern: summary for the governing body",
            case,
            table.prepared_by.name if table.prepared_by is not None else "",
            table.meeting,
            data.reference,
            ("FE-DFE-04",),
        ),
        authority=data.college,
        school=_provider(case, data),
        reference=data.reference,
        meeting=table.meeting,
        notice_date=notice.date,
        given_by=notice.given_by,
        grounds=notice.grounds,
        compliance_due=due if due is not None else notice.compliance_period_end,
        inspection_end=inspection.date if inspection is not None else None,
        reinspection_by=(
            (reinspection.due or (reinspection.window.end if reinspection.window else None))
            if reinspection is not None
            else None
        ),
        requirements=table.requirements,
        prepared_by=table.prepared_by,
    )


# --- templates and samples ---------------------------------------------------------------------


def template_path(name: str) -> Traversable:
    """A template's file: inside the installed package (a wheel), else the source tree's
    ``templates/england_fe`` folder (an editable install)."""
    packaged = files("improvement_kit_england_fe") / "templates" / f"{name}.docx"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates" / "england_fe" / f"{name}.docx"


def sample_case_data() -> dict[str, Any]:
    """A fictional college: found to require improvement in October 2014 and visited, then
    inadequate in 2019 with a notice of concern."""
    return {
        "jurisdiction": _JURISDICTION,
        "reference": "EXA-FE-2014-012",
        "provider": {
            "urn": "130012",
            "name": "Exampleford College",
            "type": "fe-college",
            "head_teacher": "Ms Alex Sample",
            "address": "College Road\nExampleford\nEX5 6EF",
        },
        "events": [
            {
                "type": "inspection",
                "start": "2014-10-13",
                "end": "2014-10-15",
                "notified_on": "2014-10-09",
                "grades": {"overall-effectiveness": "requires-improvement"},
            },
            {"type": "report-published", "date": "2014-11-20"},
            {
                "type": "support-and-challenge-visit",
                "date": "2014-12-10",
                "improvement_hmi": "Ms Jo Example",
            },
            {
                "type": "inspection",
                "start": "2019-01-15",
                "end": "2019-01-18",
                "grades": {"overall-effectiveness": "inadequate"},
            },
            {"type": "report-published", "date": "2019-02-26"},
            {
                "type": "notice-of-concern-given",
                "date": "2019-03-04",
                "given_by": "ESFA",
                "grounds": ["Ofsted overall effectiveness inadequate (January 2019)"],
                "compliance_period_end": "2019-06-28",
            },
        ],
    }


def sample_extra_data() -> dict[str, Any]:
    """Extra data (fictional people and content) that renders every FE template."""
    return {
        "reference": "EXA-FE-2014-012",
        "ofsted": {
            "name": "Ofsted",
            "department": "Ofsted – Further education and skills",
            "address": "Example Gate\nExample Street\nExampleton EX7 7GG",
            "telephone": "0300 000 0000",
        },
        "college": {
            "name": "Exampleford College",
            "department": "Clerk to the Corporation",
            "address": "College Road\nExampleford\nEX5 6EF",
        },
        "principal": "Ms Alex Sample",
        "reporting_letter": {
            "date": "2014-12-16",
            "actions": [
                {
                    "action": "Raise the proportion of good teaching in engineering.",
                    "by": "2015-03-31",
                    "lead": "Vice principal (curriculum)",
                },
                {
                    "action": "Set and check challenging targets for every apprentice.",
                    "by": "2015-02-27",
                    "lead": "Head of apprenticeships",
                },
            ],
            "support": ["Governors to attend an Ofsted improvement seminar on governance."],
            "arrangements": ["A further telephone call with the improvement HMI in March 2015."],
        },
        "notice_of_concern_summary": {
            "meeting": "2019-03-20",
            "requirements": [
                {
                    "requirement": "Submit a post-inspection improvement plan to the ESFA.",
                    "lead": "Principal",
                    "status": "Draft for this meeting",
                },
                {
                    "requirement": "Report monthly on learners’ progress to the ESFA.",
                    "lead": "Clerk to the corporation",
                    "status": "First report due 5 April 2019",
                },
            ],
            "prepared_by": {"name": "Mr Sam Example", "title": "Clerk to the Corporation"},
        },
    }


def _sample() -> Mapping[str, Any]:
    return {"case": sample_case_data(), "extra": sample_extra_data()}


_TEMPLATES: tuple[tuple[str, str, type[Any], Callable[..., Any], str], ...] = (
    (
        "reporting-letter",
        "Support and challenge visit: the improvement HMI's reporting letter",
        ReportingLetterContext,
        build_reporting_letter,
        "Ofsted 130012 paras 14-15: within five working days of the visit; not published.",
    ),
    (
        "notice-of-concern-summary",
        "Notice of concern: summary for the governing body",
        NoticeOfConcernSummaryContext,
        build_notice_of_concern_summary,
        "The funding body's notice of concern or notice to improve, as the notice states it.",
    ),
)


def template_specs() -> list[TemplateSpec]:
    """The further education templates."""
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
