"""The England maintained-school documents: typed contexts, their builders and the templates.

Each template has an attrs context class and a pure builder ``(case, timeline, extra) ->
context``. Dates the law fixes come from the timeline (``statement-of-action.due``,
``warning-notice.initial-period-end``...); what only the authority knows (officers, matters of
concern, key issues) comes from the extra data (``--data EXTRA.yaml``, documented in
``docs/documents.rst``). A value found in neither is left ``None``, and rendering reports it
as a missing field. The wording that depends on the law in force (before or from 18 April
2016, Education and Adoption Act 2016) is chosen here from the notice's date, as the boolean
``pre_2016``, never by the template.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.documents.spec import DocumentMeta, TemplateSpec
from improvement_kit.documents.text import format_date, salutation
from improvement_kit.errors import InputError
from improvement_kit.model import (
    Case,
    Category,
    CategoryNotice,
    CategoryRemoved,
    FinalReportReceived,
    Inspection,
    NoticeGiver,
    NoticeGround,
    ProviderType,
    ReasonableNoticeGiven,
    ReligiousCharacter,
    Timeline,
    TimelineItem,
    WarningNoticeGiven,
)

__all__ = [
    "EAA_2016_COMMENCEMENT",
    "Authority",
    "CausesOfConcernContext",
    "PlanOfActionContext",
    "ProgressReviewContext",
    "ProposedInterventionContext",
    "RemovalLetterContext",
    "School",
    "Signatory",
    "StatementOfActionContext",
    "TpcWarningNoticeContext",
    "WarningNoticeContext",
    "build_causes_of_concern",
    "build_plan_of_action",
    "build_progress_review",
    "build_proposed_intervention",
    "build_removal_letter",
    "build_statement_of_action",
    "build_tpc_warning_notice",
    "build_warning_notice",
    "sample_case_data",
    "sample_extra_data",
    "template_path",
    "template_specs",
]

#: Education and Adoption Act 2016 ss.2-3 in force (SI 2016/466 reg 2): notices given from this
#: day specify their compliance period; before it, the 15-working-day initial period and
#: representations applied (and still apply to those notices, reg 4).
EAA_2016_COMMENCEMENT = dt.date(2016, 4, 18)

#: Marks a context field that a template may leave out (not reported by the template check).
OPTIONAL: Mapping[str, bool] = {"optional": True}
_JURISDICTION = "england-maintained"
#: Used for labels when a document's date is unknown (rendering then reports the date missing).
_LATEST = dt.date.max


def _plugin_version() -> str:
    from improvement_kit_england_maintained import __version__

    return f"improvement_kit_england_maintained {__version__}"


# --- extra-data helpers -----------------------------------------------------------------------


def _get(extra: Mapping[str, Any], path: str) -> Any:
    node: Any = extra
    for part in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _str(value: Any) -> str:
    """Text for a document: a date (YAML reads ``2026-03-20`` as one) as UK letters write it."""
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _text(extra: Mapping[str, Any], path: str, default: str | None = None) -> str | None:
    value = _get(extra, path)
    if value is None or value == "":
        return default
    if not isinstance(value, (str, dt.date)):
        # never str(): a number or true/false in --data is a mistake to name, not to print
        raise InputError(path, value, "is not text (put it in quotes if it is meant as text)")
    return _str(value)


def _date(extra: Mapping[str, Any], path: str) -> dt.date | None:
    value = _get(extra, path)
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(path, value, "is not an ISO date (YYYY-MM-DD)")


def _texts(extra: Mapping[str, Any], path: str) -> tuple[str, ...] | None:
    value = _get(extra, path)
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(line.strip() for line in value.splitlines() if line.strip())
    if not isinstance(value, (list, tuple)):
        raise InputError(path, value, "is not a list")
    out = []
    for index, item in enumerate(value):
        if item is None or item == "":
            continue
        if not isinstance(item, (str, dt.date)):
            raise InputError(f"{path}[{index}]", item, "is not text (put it in quotes)")
        out.append(_str(item))
    return tuple(out)


def _records(extra: Mapping[str, Any], path: str) -> list[Mapping[str, Any]] | None:
    value = _get(extra, path)
    if value is None:
        return None
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, Mapping) for v in value):
        raise InputError(path, value, "is not a list of tables")
    return list(value)


def _int(extra: Mapping[str, Any], path: str) -> int | None:
    value = _get(extra, path)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InputError(path, value, "is not a whole number")
    try:
        return int(value)
    except ValueError:
        raise InputError(path, value, "is not a whole number") from None


@contextlib.contextmanager
def _at(prefix: str) -> Iterator[None]:
    """Name errors inside a list element by their full path (``x.key_issues[1].title``)."""
    try:
        yield
    except InputError as exc:
        if exc.path.startswith(prefix):
            raise
        path = f"{prefix}.{exc.path}" if exc.path else prefix
        raise InputError(path, exc.value, exc.problem) from None


def _item(timeline: Timeline, item_id: str, trigger: str | None = None) -> TimelineItem | None:
    """The item with this id (or ``id#2``...): the one triggered by ``trigger`` if given,
    else the latest."""
    found = timeline.all(item_id)
    if trigger is not None:
        matching = [i for i in found if i.trigger == trigger]
        if matching:
            return matching[-1]
    return found[-1] if found else None


def _item_date(timeline: Timeline, item_id: str, trigger: str | None = None) -> dt.date | None:
    item = _item(timeline, item_id, trigger)
    if item is None:
        return None
    if item.due is not None:
        return item.due
    if item.window is not None:
        return item.window.end or item.window.start
    return None


def _notice_item_date(timeline: Timeline, item_id: str, trigger: str | None) -> dt.date | None:
    """The date of a warning notice's own timeline item; ``None`` without a notice event (the
    timeline's items then belong to other notices)."""
    return None if trigger is None else _item_date(timeline, item_id, trigger)


def _trigger(event: Any) -> str | None:
    return None if event is None else f"{event.type} {event.date.isoformat()}"


def _rule_ids(timeline: Timeline, *item_ids: str, trigger: str | None = None) -> tuple[str, ...]:
    ids: list[str] = []
    if trigger is None and any(i.startswith("warning-notice.") for i in item_ids):
        return ()  # no notice event: the timeline's notice items are other notices'
    for item_id in item_ids:
        item = _item(timeline, item_id, trigger)
        if trigger is not None and item is not None and item.trigger != trigger:
            continue
        if item is not None and item.rule.id not in ids:
            ids.append(item.rule.id)
    return tuple(ids)


def _month_add(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


# --- shared parts ----------------------------------------------------------------------------


@attrs.frozen
class Authority:
    """The local authority sending the document."""

    name: str | None
    address: str | None = attrs.field(default=None, metadata=OPTIONAL)
    department: str | None = attrs.field(default=None, metadata=OPTIONAL)
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen
class Signatory:
    """A named officer: who signs, or whom to contact."""

    name: str | None
    title: str | None
    telephone: str | None = attrs.field(default=None, metadata=OPTIONAL)
    email: str | None = attrs.field(default=None, metadata=OPTIONAL)


@attrs.frozen
class School:
    """The school, from the case's provider and the extra data's ``school`` table."""

    name: str
    urn: str = attrs.field(metadata=OPTIONAL)
    address: str | None = attrs.field(default=None, metadata=OPTIONAL)
    head_teacher: str | None = attrs.field(default=None, metadata=OPTIONAL)
    chair_of_governors: str | None = attrs.field(default=None, metadata=OPTIONAL)
    type: str | None = attrs.field(default=None, metadata=OPTIONAL)
    dfe_number: str | None = attrs.field(default=None, metadata=OPTIONAL)


_TYPE_LABELS = {
    ProviderType.COMMUNITY: "community school",
    ProviderType.FOUNDATION: "foundation school",
    ProviderType.VOLUNTARY_AIDED: "voluntary aided school",
    ProviderType.VOLUNTARY_CONTROLLED: "voluntary controlled school",
    ProviderType.COMMUNITY_SPECIAL: "community special school",
    ProviderType.FOUNDATION_SPECIAL: "foundation special school",
    ProviderType.MAINTAINED_NURSERY: "maintained nursery school",
    ProviderType.PUPIL_REFERRAL_UNIT: "pupil referral unit",
}


def _authority(case: Case, extra: Mapping[str, Any]) -> Authority:
    return Authority(
        name=_text(extra, "local_authority.name", case.provider.local_authority),
        address=_text(extra, "local_authority.address"),
        department=_text(extra, "local_authority.department"),
        telephone=_text(extra, "local_authority.telephone"),
        email=_text(extra, "local_authority.email"),
    )


def _chair_salutation(self: Any) -> str:
    """ "Dear ..." for a letter to the chair of governors."""
    return salutation(self.school.chair_of_governors, default="Chair of Governors")


def _head_and_chair_salutation(self: Any) -> str:
    """ "Dear ..." for a letter to the headteacher and the chair of governors."""
    return salutation(
        self.school.head_teacher,
        self.school.chair_of_governors,
        default="Headteacher and Chair of Governors",
    )


def _senior_adviser(extra: Mapping[str, Any]) -> Signatory:
    """The senior adviser (``senior_adviser`` in the extra data, else the ``officer``): who
    signs the statement of action and records progress reviews (seed 004, Annex 5)."""
    if isinstance(_get(extra, "senior_adviser"), Mapping):
        return _person(extra, "senior_adviser")
    return _person(extra, "officer")


def _person(extra: Mapping[str, Any], key: str) -> Signatory:
    return Signatory(
        name=_text(extra, f"{key}.name"),
        title=_text(extra, f"{key}.title"),
        telephone=_text(extra, f"{key}.telephone"),
        email=_text(extra, f"{key}.email"),
    )


def _school(case: Case, extra: Mapping[str, Any]) -> School:
    provider = case.provider
    return School(
        name=_text(extra, "school.name", provider.name) or provider.name,
        urn=provider.identifier,
        address=_text(extra, "school.address", provider.address),
        head_teacher=_text(extra, "school.head_teacher", provider.head_teacher),
        chair_of_governors=_text(extra, "school.chair_of_governors", provider.chair_of_governors),
        type=_TYPE_LABELS.get(provider.type, provider.type.value.replace("-", " ")),
        dfe_number=_text(extra, "school.dfe_number"),
    )


def _document_date(
    extra: Mapping[str, Any], section: str, *fallbacks: dt.date | None, dated_by_event: bool = False
) -> dt.date | None:
    """The date the document bears: ``<section>.document_date``, else (for a notice, which is
    dated the day it is given) the event's date, else the top-level ``document_date``, else
    the fallbacks."""
    own = _date(extra, f"{section}.document_date")
    if own is not None:
        return own
    if dated_by_event:
        for day in fallbacks:
            if day is not None:
                return day
    given = _date(extra, "document_date")
    if given is not None:
        return given
    for day in fallbacks:
        if day is not None:
            return day
    return None


def _meta(
    title: str,
    case: Case,
    authority: Authority,
    day: dt.date | None,
    reference: str | None,
    rules: Sequence[str] = (),
) -> DocumentMeta:
    return DocumentMeta(
        title=f"{title}: {case.provider.name}",
        date=day,
        author=authority.name or "",
        subject=f"{case.provider.name} (URN {case.provider.identifier})",
        reference=reference or "",
        rule_ids=tuple(rules),
    )


# --- warning notices -----------------------------------------------------------------------

_GROUNDS = {
    "standards": (
        "the standards of performance of pupils at the school are unacceptably low, and are "
        "likely to remain so unless the authority exercises its powers under Part 4 of the "
        "2006 Act"
    ),
    "breakdown": (
        "there has been a serious breakdown in the way the school is managed or governed "
        "which is prejudicing, or likely to prejudice, such standards of performance"
    ),
    "safety": (
        "the safety of pupils or staff of the school is threatened (whether by a breakdown of "
        "discipline or otherwise)"
    ),
}

_POWERS = {
    "s63": (
        "to require the governing body to enter into arrangements for the purpose of improving "
        "the performance of the school: a contract for advisory services with a specified "
        "person, collaboration with another school or a further education body, or steps "
        "towards creating or joining a federation (section 63)"
    ),
    "s64": "to appoint such number of additional governors as it thinks fit (section 64)",
    "s65": (
        "to give notice that the governing body is to consist of interim executive members "
        "(an interim executive board) (section 65 and Schedule 6)"
    ),
    "s66": "to suspend the governing body’s right to a delegated budget (section 66)",
    "s67": (
        "to ask the Secretary of State to consider appointing additional governors (section 67)"
    ),
    "s68": (
        "to ask the Secretary of State to consider directing the closure of the school (section 68)"
    ),
    "s69": (
        "to ask the Secretary of State to consider directing that the governing body be "
        "replaced by an interim executive board (section 69)"
    ),
}

_CHIEF_INSPECTOR = (
    "His Majesty’s Chief Inspector of Education, Children’s Services and Skills (Ofsted)"
)


def _chief_inspector(on: dt.date) -> str:
    # The Sovereign's title in the Chief Inspector's name changed on 8 September 2022.
    if on < dt.date(2022, 9, 8):
        return _CHIEF_INSPECTOR.replace("His Majesty’s", "Her Majesty’s")
    return _CHIEF_INSPECTOR


def _power_key(code: str) -> str:
    """``"s.64"``, ``"section 64"``, ``"S64"`` -> ``"s64"``."""
    return code.strip().lower().replace("section ", "s").replace("s.", "s").replace(" ", "")


def _powers(
    extra: Mapping[str, Any], path: str, allowed: Sequence[str], regime: str
) -> tuple[str, ...] | None:
    codes = _texts(extra, path)
    if codes is None:
        return None
    out = []
    for code in codes:
        key = _power_key(code)
        if key in _POWERS:
            if key not in allowed:
                raise InputError(path, code, f"is not a power available for {regime}")
            out.append(_POWERS[key])
        else:
            out.append(code)  # the authority's own words ("or otherwise")
    return tuple(out)


def _grounds(extra: Mapping[str, Any], path: str) -> tuple[str, ...] | None:
    codes = _texts(extra, path)
    if codes is None:
        return None
    out = []
    for code in codes:
        if code not in _GROUNDS:
            raise InputError(path, code, "is not one of 'standards', 'breakdown', 'safety'")
        out.append(_GROUNDS[code])
    return tuple(out)


def _copies(case: Case, school: School, on: dt.date | None, *, tpc: bool) -> tuple[str, ...]:
    """Who gets a copy at the same time (EIA 2006 s.60(6),(6A); s.60A(6))."""
    provider = case.provider
    pre = on is not None and on < EAA_2016_COMMENCEMENT
    copies: list[str] = []
    if tpc and not pre:
        copies.append("The Secretary of State for Education")
    if not tpc:
        copies.append(_chief_inspector(on or _LATEST))
    head = school.head_teacher
    copies.append(f"{head}, Headteacher" if head else "The headteacher of the school")
    if provider.religious_character in (
        ReligiousCharacter.CHURCH_OF_ENGLAND,
        ReligiousCharacter.ROMAN_CATHOLIC,
    ):
        copies.append(
            f"{provider.diocese} (the appropriate diocesan authority)"
            if provider.diocese
            else "The appropriate diocesan authority"
        )
    if provider.type.is_foundation_or_voluntary:
        who = provider.foundation_governor_appointer
        copies.append(
            f"{who} (who appoints the foundation governors)"
            if who
            else "The person who appoints the foundation governors"
        )
    if not tpc and not pre:
        copies.append("The Secretary of State for Education")
    return tuple(copies)


def _latest_notice(case: Case, ground: NoticeGround) -> WarningNoticeGiven | None:
    notices = [
        e
        for e in case.of_type(WarningNoticeGiven)
        if e.ground is ground and e.given_by is NoticeGiver.LOCAL_AUTHORITY
    ]
    return notices[-1] if notices else None


@attrs.frozen
class WarningNoticeContext:
    """A performance standards and safety warning notice (EIA 2006 s.60)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    given_on: dt.date | None
    pre_2016: bool
    grounds: tuple[str, ...] | None
    matters: tuple[str, ...] | None
    action_required: tuple[str, ...] | None
    initial_period_end: dt.date | None
    representations_deadline: dt.date | None
    compliance_period_end: dt.date | None
    powers_basis: str
    minded_to_take: tuple[str, ...] | None
    copies: tuple[str, ...]
    chief_inspector: str
    #: "Dear ..." (title and surname of the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(_chair_salutation, takes_self=True)
    )


def _notice_common(
    case: Case, timeline: Timeline, extra: Mapping[str, Any], key: str, ground: NoticeGround
) -> dict[str, Any]:
    notice = _latest_notice(case, ground)
    given_on = _date(extra, f"{key}.given_on") or (notice.date if notice else None)
    if notice is not None and notice.date != given_on:
        notice = None  # the extra data describes another notice than the case's latest
    trigger = _trigger(notice)
    pre = given_on is not None and given_on < EAA_2016_COMMENCEMENT
    initial = _notice_item_date(timeline, "warning-notice.initial-period-end", trigger) or _date(
        extra, f"{key}.initial_period_end"
    )
    reps = (
        _notice_item_date(timeline, "warning-notice.representations-deadline", trigger)
        or _date(extra, f"{key}.representations_deadline")
        or initial
    )
    compliance = (
        (notice.compliance_period_end if notice else None)
        or _notice_item_date(timeline, "warning-notice.compliance-period-end", trigger)
        or _date(extra, f"{key}.compliance_period_end")
    )
    authority = _authority(case, extra)
    school = _school(case, extra)
    day = _document_date(extra, key, given_on, dated_by_event=True)
    return {
        "notice": notice,
        "trigger": trigger,
        "authority": authority,
        "school": school,
        "signatory": _person(extra, "signatory"),
        "officer": _person(extra, "officer"),
        "reference": _text(extra, "reference", case.reference),
        "date": day,
        "given_on": given_on,
        "pre_2016": pre,
        "matters": _texts(extra, f"{key}.matters") or (notice.matters if notice else None) or None,
        "action_required": _texts(extra, f"{key}.action_required")
        or (notice.action_required if notice else None)
        or None,
        "initial_period_end": initial if pre else None,
        "representations_deadline": reps if pre else None,
        "compliance_period_end": compliance if not pre else None,
    }


def build_warning_notice(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> WarningNoticeContext:
    """The s.60 notice from the case's latest LA performance-standards notice (or
    ``warning_notice.given_on``) and the ``warning_notice`` table of the extra data."""
    common = _notice_common(
        case, timeline, extra, "warning_notice", NoticeGround.PERFORMANCE_STANDARDS_AND_SAFETY
    )
    common.pop("notice")
    pre: bool = common["pre_2016"]
    trigger = common.pop("trigger")
    allowed = ("s63", "s64", "s65", "s66") if pre else tuple(_POWERS)
    regime = "notices given before 18 April 2016" if pre else "notices given from 18 April 2016"
    authority: Authority = common["authority"]
    rules = _rule_ids(
        timeline,
        "warning-notice.initial-period-end",
        "warning-notice.representations-deadline",
        "warning-notice.compliance-period-end",
        "warning-notice.copies",
        trigger=trigger,
    )
    return WarningNoticeContext(
        meta=_meta(
            "Performance standards and safety warning notice",
            case,
            authority,
            common["date"],
            common["reference"],
            rules,
        ),
        grounds=_grounds(extra, "warning_notice.grounds"),
        powers_basis=(
            "one or more of sections 63 to 66 of the 2006 Act, or otherwise"
            if pre
            else "one or more of sections 63 to 69 of the 2006 Act, or otherwise"
        ),
        minded_to_take=_powers(extra, "warning_notice.minded_to_take", allowed, regime),
        copies=_copies(case, common["school"], common["given_on"], tpc=False),
        chief_inspector=_chief_inspector(common["given_on"] or common["date"] or _LATEST),
        **common,
    )


@attrs.frozen
class TpcWarningNoticeContext:
    """A teachers' pay and conditions warning notice (EIA 2006 s.60A)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    given_on: dt.date | None
    pre_2016: bool
    matters: tuple[str, ...] | None
    action_required: tuple[str, ...] | None
    initial_period_end: dt.date | None
    representations_deadline: dt.date | None
    compliance_period_end: dt.date | None
    minded_to_take: tuple[str, ...] | None
    copies: tuple[str, ...]
    #: "Dear ..." (title and surname of the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(_chair_salutation, takes_self=True)
    )


def build_tpc_warning_notice(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> TpcWarningNoticeContext:
    """The s.60A notice from the case's latest LA pay-and-conditions notice (or
    ``tpc_warning_notice.given_on``) and the ``tpc_warning_notice`` table."""
    common = _notice_common(
        case, timeline, extra, "tpc_warning_notice", NoticeGround.TEACHERS_PAY_AND_CONDITIONS
    )
    common.pop("notice")
    trigger = common.pop("trigger")
    authority: Authority = common["authority"]
    return TpcWarningNoticeContext(
        meta=_meta(
            "Teachers’ pay and conditions warning notice",
            case,
            authority,
            common["date"],
            common["reference"],
            _rule_ids(
                timeline,
                "warning-notice.initial-period-end",
                "warning-notice.representations-deadline",
                "warning-notice.compliance-period-end",
                "warning-notice.copies",
                trigger=trigger,
            ),
        ),
        minded_to_take=_powers(
            extra,
            "tpc_warning_notice.minded_to_take",
            ("s64", "s65", "s66"),
            "a teachers' pay and conditions warning notice (sections 64 to 66 only)",
        ),
        copies=_copies(case, common["school"], common["given_on"], tpc=True),
        **common,
    )


# --- letter confirming causes of concern ---------------------------------------------------


@attrs.frozen
class CausesOfConcernContext:
    """The letter confirming the agreed causes of concern (not a warning notice)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    meeting_date: dt.date | None
    concerns: tuple[str, ...] | None
    agreed_actions: tuple[str, ...] | None
    support: tuple[str, ...] | None
    review_date: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: "Dear ..." (the headteacher and the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(_head_and_chair_salutation, takes_self=True)
    )


def build_causes_of_concern(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> CausesOfConcernContext:
    """The letter from the ``causes_of_concern`` table of the extra data."""
    del timeline
    authority = _authority(case, extra)
    meeting = _date(extra, "causes_of_concern.meeting_date")
    day = _document_date(extra, "causes_of_concern", meeting)
    reference = _text(extra, "reference", case.reference)
    return CausesOfConcernContext(
        meta=_meta("Letter confirming causes of concern", case, authority, day, reference),
        authority=authority,
        school=_school(case, extra),
        signatory=_person(extra, "signatory"),
        officer=_person(extra, "officer"),
        reference=reference,
        date=day,
        meeting_date=meeting,
        concerns=_texts(extra, "causes_of_concern.concerns"),
        agreed_actions=_texts(extra, "causes_of_concern.agreed_actions"),
        support=_texts(extra, "causes_of_concern.support"),
        review_date=_date(extra, "causes_of_concern.review_date"),
    )


# --- notice of proposed intervention -----------------------------------------------------------


@attrs.frozen
class ProposedInterventionContext:
    """Reasonable notice in writing of proposed intervention (EIA 2006 s.60(1))."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    pre_2016: bool
    tpc: bool
    notice_section: str
    paragraph: str
    warning_notice_given_on: dt.date | None
    compliance_period_end: dt.date | None
    failures: tuple[str, ...] | None
    powers: tuple[str, ...] | None
    proposed_from: dt.date | None
    response_by: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    power_window_end: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: "Dear ..." (title and surname of the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(_chair_salutation, takes_self=True)
    )


def build_proposed_intervention(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> ProposedInterventionContext:
    """The notice from the case's latest LA warning notice (s.60, or s.60A with
    ``proposed_intervention.ground: teachers-pay-and-conditions``) and the
    ``proposed_intervention`` table."""
    ground_text = _text(extra, "proposed_intervention.ground")
    if ground_text is None:
        given = [
            e for e in case.of_type(WarningNoticeGiven) if e.given_by is NoticeGiver.LOCAL_AUTHORITY
        ]
        ground = given[-1].ground if given else NoticeGround.PERFORMANCE_STANDARDS_AND_SAFETY
    else:
        try:
            ground = NoticeGround(ground_text)
        except ValueError:
            raise InputError(
                "proposed_intervention.ground",
                ground_text,
                "is not 'performance-standards-and-safety' or 'teachers-pay-and-conditions'",
            ) from None
    tpc = ground is NoticeGround.TEACHERS_PAY_AND_CONDITIONS
    notice = _latest_notice(case, ground)
    given_on = _date(extra, "proposed_intervention.warning_notice_given_on") or (
        notice.date if notice else None
    )
    if notice is not None and notice.date != given_on:
        notice = None  # the extra data describes another notice than the case's latest
    trigger = _trigger(notice)
    pre = given_on is not None and given_on < EAA_2016_COMMENCEMENT
    compliance = (
        _notice_item_date(timeline, "warning-notice.compliance-period-end", trigger)
        or (notice.compliance_period_end if notice else None)
        or _date(extra, "proposed_intervention.compliance_period_end")
        or (
            _notice_item_date(timeline, "warning-notice.initial-period-end", trigger)
            if pre
            else None
        )
    )
    reasonable = case.of_type(ReasonableNoticeGiven)
    authority = _authority(case, extra)
    day = _document_date(
        extra,
        "proposed_intervention",
        reasonable[-1].date if reasonable else None,
        dated_by_event=True,
    )
    reference = _text(extra, "reference", case.reference)
    # the authority's own powers: ss.64-66 for s.60A, ss.63-66 for s.60 (both regimes)
    allowed = ("s64", "s65", "s66") if tpc else ("s63", "s64", "s65", "s66")
    windows = [
        i
        for i in timeline.items
        if (i.id == "la-power.s64" or i.id.startswith("la-power.s64#"))
        and trigger is not None
        and i.trigger == trigger
    ]
    proposed = {_power_key(code) for code in _texts(extra, "proposed_intervention.powers") or ()}
    # the s.64 window is stated only when the notice proposes to appoint additional governors
    window = windows[-1] if windows and "s64" in proposed else None
    return ProposedInterventionContext(
        meta=_meta(
            "Notice of proposed intervention",
            case,
            authority,
            day,
            reference,
            _rule_ids(
                timeline,
                "warning-notice.compliance-period-end",
                "reasonable-notice",
                trigger=trigger,
            ),
        ),
        authority=authority,
        school=_school(case, extra),
        signatory=_person(extra, "signatory"),
        officer=_person(extra, "officer"),
        reference=reference,
        date=day,
        pre_2016=pre,
        tpc=tpc,
        notice_section="section 60A" if tpc else "section 60",
        paragraph=(
            ("section 60A(1)(e)" if pre else "section 60A(1)(d)")
            if tpc
            else ("section 60(1)(e)" if pre else "section 60(1)(d)")
        ),
        warning_notice_given_on=given_on,
        compliance_period_end=compliance,
        failures=_texts(extra, "proposed_intervention.failures"),
        powers=_powers(
            extra,
            "proposed_intervention.powers",
            allowed,
            "the authority's intervention in a school eligible under "
            + ("section 60A (sections 64 to 66)" if tpc else "section 60 (sections 63 to 66)"),
        ),
        proposed_from=_date(extra, "proposed_intervention.proposed_from"),
        response_by=_date(extra, "proposed_intervention.response_by"),
        power_window_end=(
            window.window.end if window is not None and window.window is not None else None
        ),
    )


# --- statement of action ---------------------------------------------------------------------


def _category(case: Case, timeline: Timeline) -> tuple[Category | None, dt.date | None]:
    item = _item(timeline, "category")
    if item is not None and item.value:
        try:
            return Category(item.value), item.due
        except ValueError:
            pass
    notices = case.of_type(CategoryNotice)
    if notices:
        return notices[-1].category, notices[-1].date
    for inspection in reversed(case.inspections()):
        if inspection.category is not None:
            return inspection.category, inspection.date
    return None, None


def _category_label(category: Category | None, on: dt.date | None) -> str | None:
    if category is None:
        return None
    label = category.label(on or _LATEST)
    return label[0].upper() + label[1:]


def _inspection_dates(case: Case) -> str | None:
    inspections = case.inspections()
    if not inspections:
        return None
    last: Inspection = inspections[-1]
    if last.start == last.date:
        return format_date(last.date)
    if (last.start.year, last.start.month) == (last.date.year, last.date.month):
        return f"{last.start.day} to {format_date(last.date)}"
    return f"{format_date(last.start)} to {format_date(last.date)}"


def _academic_years(on: dt.date | None) -> tuple[str, str, str] | None:
    if on is None:
        return None
    first = on.year if on.month >= 9 else on.year - 1
    return tuple(f"{y}/{str(y + 1)[-2:]}" for y in (first, first + 1, first + 2))  # type: ignore[return-value]


@attrs.frozen
class CapacityRow:
    """One school's net capacity and projected numbers on roll, three years ahead."""

    school: str | None
    net_capacity: str | None
    current: str | None
    next: str | None
    following: str | None


def _capacity_rows(extra: Mapping[str, Any], path: str) -> tuple[CapacityRow, ...] | None:
    records = _records(extra, path)
    if records is None:
        return None
    rows = []
    for record in records:
        projected = record.get("projected") or []
        if not isinstance(projected, (list, tuple)):
            raise InputError(f"{path}[].projected", projected, "is not a list of three numbers")
        values = [None if v is None else str(v) for v in list(projected)[:3]]
        values += [None] * (3 - len(values))
        net = record.get("net_capacity", record.get("available_accommodation"))
        rows.append(
            CapacityRow(
                school=None if record.get("school") is None else str(record["school"]),
                net_capacity=None if net is None else str(net),
                current=values[0],
                next=values[1],
                following=values[2],
            )
        )
    return tuple(rows)


@attrs.frozen
class StatementOfActionContext:
    """The authority's statement of action (EA 2005 s.15), after seed form Annex 5."""

    meta: DocumentMeta
    authority: Authority
    school: School
    #: Kept for edited templates; the shipped one is signed by ``senior_adviser``.
    signatory: Signatory = attrs.field(metadata=OPTIONAL)
    reference: str | None
    date: dt.date | None
    category: str | None
    inspection_dates: str | None
    report_received: dt.date | None
    due: dt.date | None
    year_labels: tuple[str, str, str] | None
    school_capacity: tuple[CapacityRow, ...] | None
    other_schools: tuple[CapacityRow, ...] | None
    capacity_commentary: str | None
    target_months: int | None
    action_before: tuple[str, ...] | None
    action_after: tuple[str, ...] | None
    parents: tuple[str, ...] | None
    resources: tuple[str, ...] | None
    partners: tuple[str, ...] | None
    priorities: tuple[str, ...] | None
    powers: tuple[str, ...] | None
    powers_not_used: str | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Who signs the statement (Annex 5: "Name of senior adviser"); not the Director.
    senior_adviser: Signatory = attrs.field(factory=lambda: Signatory(None, None))
    #: The day the target months count from (the school entered the category).
    target_from: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: A target date the authority gave itself; must agree with ``target_months``.
    target_date_given: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Derived: ``target_date_given``, else ``target_months`` after ``target_from``. Not an
    #: argument, so ``attrs.evolve(context, target_months=12)`` moves it too.
    target_date: dt.date | None = attrs.field(init=False)

    @target_date.default
    def _target_date(self) -> dt.date | None:
        derived = (
            _month_add(self.target_from, self.target_months)
            if self.target_from is not None and self.target_months is not None
            else None
        )
        if self.target_date_given is None:
            return derived
        if (
            self.target_from is not None
            and derived is not None
            and derived != self.target_date_given
        ):
            raise InputError(
                "statement_of_action.target_date",
                self.target_date_given,
                f"is not {self.target_months} months after {format_date(self.target_from)}"
                f" ({format_date(derived)}); give one or the other",
            )
        return self.target_date_given


def build_statement_of_action(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> StatementOfActionContext:
    """The statement from the case (category, inspection, report received), the timeline
    (``statement-of-action.due``) and the ``statement_of_action`` table."""
    key = "statement_of_action"
    category, category_from = _category(case, timeline)
    received = case.of_type(FinalReportReceived)
    report_received = received[-1].date if received else None
    due = _item_date(timeline, "statement-of-action.due") or _date(extra, f"{key}.due")
    authority = _authority(case, extra)
    day = _document_date(extra, key, due)
    reference = _text(extra, "reference", case.reference)
    months = _int(extra, f"{key}.target_months")
    school_row = _capacity_rows(extra, f"{key}.capacity.school")
    if school_row is not None:
        school_row = tuple(
            row if row.school else attrs.evolve(row, school=case.provider.name)
            for row in school_row
        )
    powers = _texts(extra, f"{key}.powers")
    allowed = tuple(_POWERS)
    return StatementOfActionContext(
        meta=_meta(
            "Statement of action",
            case,
            authority,
            day,
            reference,
            _rule_ids(timeline, "category", "statement-of-action.due"),
        ),
        authority=authority,
        school=_school(case, extra),
        signatory=_person(extra, "signatory"),
        reference=reference,
        date=day,
        category=_category_label(category, category_from),
        inspection_dates=_inspection_dates(case),
        report_received=report_received,
        due=due,
        year_labels=_academic_years(day),
        school_capacity=school_row,
        other_schools=_capacity_rows(extra, f"{key}.capacity.other_schools"),
        capacity_commentary=_text(extra, f"{key}.capacity.commentary"),
        target_months=months,
        target_from=category_from,
        target_date_given=_date(extra, f"{key}.target_date"),
        senior_adviser=_senior_adviser(extra),
        action_before=_texts(extra, f"{key}.action_before"),
        action_after=_texts(extra, f"{key}.action_after"),
        parents=_texts(extra, f"{key}.parents"),
        resources=_texts(extra, f"{key}.resources"),
        partners=_texts(extra, f"{key}.partners"),
        priorities=_texts(extra, f"{key}.priorities"),
        powers=(
            None
            if powers is None
            else _powers({"p": list(powers)}, "p", allowed, "a statement of action")
        ),
        powers_not_used=_text(extra, f"{key}.powers_not_used"),
    )


# --- plan of action --------------------------------------------------------------------------


@attrs.frozen
class PlanAction:
    """One row of a key issue's action table."""

    action: str | None
    lead: str | None
    school_plan_ref: str | None
    milestones: str | None
    monitored_by: str | None
    monitoring_strategy: str | None
    resources: str | None


@attrs.frozen
class KeyIssue:
    """One key issue of the plan of action, with its success criteria and actions."""

    number: int
    title: str | None
    source: str
    success_criteria: tuple[str, ...] | None
    evaluation: tuple[str, ...] | None
    actions: tuple[PlanAction, ...] | None


@attrs.frozen
class FinanceRow:
    """One source of funding across the key issues (five columns, as the form has)."""

    source: str | None
    amounts: tuple[str, str, str, str, str]
    total: str


@attrs.frozen
class PlanOfActionContext:
    """The local authority plan of action (seed form Annex 5)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    #: Kept for edited templates; the shipped one is prepared by ``senior_adviser``.
    signatory: Signatory = attrs.field(metadata=OPTIONAL)
    reference: str | None
    date: dt.date | None
    category: str | None
    key_issues: tuple[KeyIssue, ...] | None
    finance: tuple[FinanceRow, ...] | None
    finance_totals: FinanceRow | None
    #: Who prepared the plan (Annex 5: the senior adviser and link adviser).
    senior_adviser: Signatory = attrs.field(factory=lambda: Signatory(None, None))


def _money(value: decimal.Decimal) -> str:
    """``£4,000`` or, with pence, ``£1,500.50``; nothing is rounded away."""
    if value == 0:
        return "–"
    if value == value.to_integral_value():
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"


def _finance(
    extra: Mapping[str, Any], path: str
) -> tuple[tuple[FinanceRow, ...], FinanceRow] | None:
    records = _records(extra, path)
    if records is None:
        return None
    rows = []
    sums = [decimal.Decimal(0)] * 5
    for index, record in enumerate(records):
        amounts = record.get("amounts") or []
        if not isinstance(amounts, (list, tuple)) or len(amounts) > 5:
            raise InputError(
                f"{path}[{index}].amounts", amounts, "is not a list of at most five amounts"
            )
        numbers = []
        for value in amounts:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InputError(f"{path}[{index}].amounts", value, "is not an amount")
            amount = decimal.Decimal(str(value))  # the amount as written, not a binary float
            if amount != amount.quantize(decimal.Decimal("0.01")):
                raise InputError(f"{path}[{index}].amounts", value, "has fractions of a penny")
            numbers.append(amount)
        numbers += [decimal.Decimal(0)] * (5 - len(numbers))
        sums = [a + b for a, b in zip(sums, numbers, strict=True)]
        rows.append(
            FinanceRow(
                source=_text(record, "source"),
                amounts=tuple(_money(n) for n in numbers),  # type: ignore[arg-type]
                total=_money(sum(numbers, decimal.Decimal(0))),
            )
        )
    total = _money(sum(sums, decimal.Decimal(0)))
    totals = FinanceRow("Totals", tuple(_money(n) for n in sums), total)  # type: ignore[arg-type]
    return tuple(rows), totals


def build_plan_of_action(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> PlanOfActionContext:
    """The plan from the ``plan_of_action`` table: ``key_issues`` (each with
    ``success_criteria``, ``evaluation``, ``actions``) and ``finance``."""
    key = "plan_of_action"
    category, category_from = _category(case, timeline)
    authority = _authority(case, extra)
    day = _document_date(extra, key)
    reference = _text(extra, "reference", case.reference)
    issues = _records(extra, f"{key}.key_issues")
    key_issues = None
    if issues is not None:
        built = []
        for number, issue in enumerate(issues, start=1):
            with _at(f"{key}.key_issues[{number - 1}]"):
                actions = []
                for record in _records(issue, "actions") or []:
                    actions.append(
                        PlanAction(
                            **{
                                name: None if record.get(name) is None else _str(record[name])
                                for name in (
                                    "action",
                                    "lead",
                                    "school_plan_ref",
                                    "milestones",
                                    "monitored_by",
                                    "monitoring_strategy",
                                    "resources",
                                )
                            }
                        )
                    )
                built.append(
                    KeyIssue(
                        number=number,
                        title=_text(issue, "title"),
                        source=_text(issue, "source", "Directly from the inspection report") or "",
                        success_criteria=_texts(issue, "success_criteria"),
                        evaluation=_texts(issue, "evaluation"),
                        actions=tuple(actions) if _get(issue, "actions") is not None else None,
                    )
                )
        key_issues = tuple(built)
    finance = _finance(extra, f"{key}.finance")
    return PlanOfActionContext(
        meta=_meta("Local authority plan of action", case, authority, day, reference),
        authority=authority,
        school=_school(case, extra),
        signatory=_person(extra, "signatory"),
        reference=reference,
        date=day,
        category=_category_label(category, category_from),
        key_issues=key_issues,
        finance=finance[0] if finance else None,
        finance_totals=finance[1] if finance else None,
        senior_adviser=_senior_adviser(extra),
    )


# --- progress review -------------------------------------------------------------------------

#: The mark in the met / partially met / not met columns: a word, which every font has and a
#: screen reader reads.
_TICK = "Yes"
_STATUSES = ("met", "partially-met", "not-met")


@attrs.frozen
class Criterion:
    """A success criterion and where it stands: one of the three marks is a tick."""

    criterion: str | None
    met: str
    partially_met: str
    not_met: str


@attrs.frozen
class IssueProgress:
    """Progress with one key issue."""

    number: int
    title: str | None
    actions_record: str | None
    impact: str | None
    criteria: tuple[Criterion, ...] | None


@attrs.frozen
class Target:
    """One of the school's own targets."""

    measure: str | None
    target: str | None
    current: str | None
    on_track: str | None


@attrs.frozen
class NextStep:
    """A row of the next-steps table."""

    key_issue: str | None
    action: str | None
    person: str | None
    target_date: str | None
    monitored_by: str | None
    method: str | None
    resources: str | None


@attrs.frozen
class ProgressReviewContext:
    """The record of a school progress review meeting (seed form)."""

    meta: DocumentMeta
    authority: Authority
    school: School
    reference: str | None
    date: dt.date | None
    status: str | None
    date_registered: dt.date | None
    support_team: tuple[str, ...] | None
    present: tuple[str, ...] | None
    apologies: tuple[str, ...] | None
    last_inspection: str | None
    last_outcome: str | None
    areas_for_development: tuple[str, ...] | None
    issues: tuple[IssueProgress, ...] | None
    targets: tuple[Target, ...] | None
    summary: str | None
    next_meeting: str | None
    next_steps: tuple[NextStep, ...] | None
    date_removed: dt.date | None = attrs.field(default=None, metadata=OPTIONAL)
    pupil_attendance: str | None = attrs.field(default=None, metadata=OPTIONAL)
    other_business: str | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Who wrote the record (``progress_review.recorded_by``, else the senior adviser).
    recorded_by: Signatory = attrs.field(factory=lambda: Signatory(None, None))


def _strings(record: Mapping[str, Any], names: Sequence[str]) -> dict[str, str | None]:
    return {n: None if record.get(n) is None else _str(record[n]) for n in names}


def build_progress_review(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> ProgressReviewContext:
    """The record from the ``progress_review`` table; the status defaults to the case's
    category."""
    key = "progress_review"
    category, category_from = _category(case, timeline)
    authority = _authority(case, extra)
    meeting = _date(extra, f"{key}.meeting_date")
    day = _document_date(extra, key, meeting, dated_by_event=True)
    reference = _text(extra, "reference", case.reference)
    issues = None
    records = _records(extra, f"{key}.key_issues")
    if records is not None:
        built = []
        for number, record in enumerate(records, start=1):
            with _at(f"{key}.key_issues[{number - 1}]"):
                criteria = []
                for index, crit in enumerate(_records(record, "criteria") or []):
                    status = str(crit.get("status", "")).strip().lower().replace(" ", "-")
                    if status not in _STATUSES:
                        raise InputError(
                            f"{key}.key_issues[{number - 1}].criteria[{index}].status",
                            crit.get("status"),
                            "is not one of 'met', 'partially-met', 'not-met'",
                        )
                    criteria.append(
                        Criterion(
                            criterion=None
                            if crit.get("criterion") is None
                            else str(crit["criterion"]),
                            met=_TICK if status == "met" else "",
                            partially_met=_TICK if status == "partially-met" else "",
                            not_met=_TICK if status == "not-met" else "",
                        )
                    )
                built.append(
                    IssueProgress(
                        number=number,
                        title=_text(record, "title"),
                        actions_record=_text(record, "actions_record"),
                        impact=_text(record, "impact"),
                        criteria=tuple(criteria) if record.get("criteria") is not None else None,
                    )
                )
        issues = tuple(built)
    targets = _records(extra, f"{key}.targets")
    steps = _records(extra, f"{key}.next_steps")
    inspections = case.inspections()
    review_status = _text(extra, f"{key}.status") or _category_label(category, category_from)
    return ProgressReviewContext(
        meta=_meta("School progress review", case, authority, day, reference),
        authority=authority,
        school=_school(case, extra),
        reference=reference,
        date=day,
        status=review_status,
        date_registered=_date(extra, f"{key}.date_registered") or category_from,
        support_team=_texts(extra, f"{key}.support_team"),
        present=_texts(extra, f"{key}.present"),
        apologies=_texts(extra, f"{key}.apologies")
        or (("None",) if _get(extra, f"{key}.apologies") == [] else None),
        last_inspection=_text(extra, f"{key}.last_inspection")
        or (_inspection_dates(case) if inspections else None),
        last_outcome=_text(extra, f"{key}.last_outcome")
        or _category_label(category, category_from),
        areas_for_development=_texts(extra, f"{key}.areas_for_development"),
        issues=issues,
        targets=None
        if targets is None
        else tuple(
            Target(**_strings(t, ("measure", "target", "current", "on_track"))) for t in targets
        ),
        summary=_text(extra, f"{key}.summary"),
        next_meeting=_text(extra, f"{key}.next_meeting"),
        next_steps=None
        if steps is None
        else tuple(
            NextStep(
                **_strings(
                    s,
                    (
                        "key_issue",
                        "action",
                        "person",
                        "target_date",
                        "monitored_by",
                        "method",
                        "resources",
                    ),
                )
            )
            for s in steps
        ),
        date_removed=_date(extra, f"{key}.date_removed"),
        pupil_attendance=_text(extra, f"{key}.pupil_attendance"),
        other_business=_text(extra, f"{key}.other_business"),
        recorded_by=(
            _person(extra, f"{key}.recorded_by")
            if isinstance(_get(extra, f"{key}.recorded_by"), Mapping)
            else _senior_adviser(extra)
        ),
    )


# --- removal letter --------------------------------------------------------------------------


@attrs.frozen
class RemovalLetterContext:
    """The letter confirming removal from the schools-causing-concern list."""

    meta: DocumentMeta
    authority: Authority
    school: School
    signatory: Signatory
    officer: Signatory
    reference: str | None
    date: dt.date | None
    category: str | None
    removed_on: dt.date | None
    monitoring_months: int = attrs.field()
    exit_arrangements: tuple[str, ...] | None
    inspection_dates: str | None = attrs.field(default=None, metadata=OPTIONAL)
    #: Derived: ``monitoring_months`` after ``removed_on``.
    monitoring_until: dt.date | None = attrs.field(init=False)
    #: "Dear ..." (the headteacher and the chair of governors), derived from ``school``.
    salutation: str = attrs.field(
        init=False, default=attrs.Factory(_head_and_chair_salutation, takes_self=True)
    )

    @monitoring_months.validator
    def _at_least_12(self, attribute: Any, months: int) -> None:
        del attribute
        if months < 12:
            raise InputError(
                "removal.monitoring_months", months, "is less than the 12 months of exit monitoring"
            )

    @monitoring_until.default
    def _monitoring_until(self) -> dt.date | None:
        return (
            None if self.removed_on is None else _month_add(self.removed_on, self.monitoring_months)
        )


def build_removal_letter(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> RemovalLetterContext:
    """The letter from the case's ``category-removed`` event (or ``removal.removed_on``) and the
    ``removal`` table; lighter-touch monitoring lasts at least 12 months."""
    key = "removal"
    removed = case.of_type(CategoryRemoved)
    removed_on = _date(extra, f"{key}.removed_on") or (removed[-1].date if removed else None)
    category = removed[-1].category if removed and removed[-1].category else None
    if category is None:
        category = _category(case, timeline)[0]
    months = _int(extra, f"{key}.monitoring_months")
    if months is None:
        months = 12
    authority = _authority(case, extra)
    day = _document_date(extra, key, removed_on)
    reference = _text(extra, "reference", case.reference)
    return RemovalLetterContext(
        meta=_meta(
            "Removal from the schools causing concern list", case, authority, day, reference
        ),
        authority=authority,
        school=_school(case, extra),
        signatory=_person(extra, "signatory"),
        officer=_person(extra, "officer"),
        reference=reference,
        date=day,
        category=(None if category is None else category.label(removed_on or day or _LATEST)),
        removed_on=removed_on,
        monitoring_months=months,
        exit_arrangements=_texts(extra, f"{key}.exit_arrangements"),
        inspection_dates=_removing_inspection(case, timeline),
    )


def _removing_inspection(case: Case, timeline: Timeline) -> str | None:
    """The dates of the inspection after the category began (the one that ended it), if any."""
    began = _category(case, timeline)[1]
    later = [i for i in case.inspections() if began is not None and i.start > began]
    if not later:
        return None
    return _inspection_dates(attrs.evolve(case, events=tuple(later)))


# --- the specs -------------------------------------------------------------------------------


def template_path(name: str) -> Traversable:
    """A template's file: inside the installed package (a wheel), else the source tree's
    ``templates/england_maintained`` folder (an editable install)."""
    packaged = files("improvement_kit_england_maintained") / "templates" / f"{name}.docx"
    if packaged.is_file():
        return packaged
    source = (
        Path(__file__).resolve().parents[2] / "templates" / "england_maintained" / f"{name}.docx"
    )
    return source


def sample_case_data() -> dict[str, Any]:
    """A complete fictional case (post-2016 notice, special measures) as case-file data."""
    return {
        "jurisdiction": _JURISDICTION,
        "reference": "EXC-SCC-2026-031",
        "provider": {
            "urn": "999031",
            "name": "Hill & Dale Church of England Primary School",
            "type": "voluntary-aided",
            "phase": "primary",
            "local_authority": "Exampleshire County Council",
            "religious_character": "church-of-england",
            "diocese": "Diocese of Exampleton",
            "foundation_governor_appointer": "Exampleton Diocesan Board of Education",
            "head_teacher": "Mrs Helen Example",
            "chair_of_governors": "Mr Sam Sample",
            "address": "1 Church Lane\nExampleton\nEX1 2AB",
        },
        "events": [
            {
                "type": "warning-notice-given",
                "date": "2025-10-06",
                "ground": "performance-standards-and-safety",
                "given_by": "local-authority",
                "compliance_period_end": "2025-11-03",
                "matters": [
                    "Pupils’ attainment in reading at the end of key stage 2 has fallen for "
                    "three years and is now well below that of similar schools.",
                    "The governing body has not acted on the authority’s letter of concern "
                    "of 9 June 2025.",
                ],
                "action_required": [
                    "Agree with the authority a plan to raise attainment in reading.",
                    "Commission an external review of governance.",
                ],
            },
            {
                "type": "inspection",
                "start": "2025-11-18",
                "end": "2025-11-19",
                "grades": {
                    "inclusion": "urgent-improvement",
                    "curriculum-and-teaching": "needs-attention",
                    "achievement": "needs-attention",
                    "attendance-and-behaviour": "expected-standard",
                    "personal-development-and-well-being": "expected-standard",
                    "leadership-and-governance": "urgent-improvement",
                    "early-years": "expected-standard",
                },
                "safeguarding": "met",
            },
            {
                "type": "ofsted-category-notice",
                "date": "2025-12-05",
                "category": "special-measures",
            },
            {"type": "final-report-received", "date": "2025-12-12"},
            {"type": "reasonable-notice-given", "date": "2025-11-10", "powers": ["s64"]},
        ],
    }


def sample_extra_data() -> dict[str, Any]:
    """Extra data (fictional officers and content) that renders every template."""
    return {
        "local_authority": {
            "name": "Exampleshire County Council",
            "department": "Children’s Services – Education Improvement",
            "address": "County Hall\nMarket Street\nExampleton EX1 1AA",
            "telephone": "01632 960000",
            "email": "school.improvement@exampleshire.example",
        },
        "signatory": {
            "name": "Dr Ruth Marston",
            "title": "Director of Children’s Services",
        },
        "senior_adviser": {
            "name": "Mrs Anna Fielding",
            "title": "Senior Adviser, School Improvement",
        },
        "officer": {
            "name": "Mr Tom Hartley",
            "title": "School Improvement Officer",
            "telephone": "01632 960123",
            "email": "tom.hartley@exampleshire.example",
        },
        "school": {"dfe_number": "999/3031"},
        "warning_notice": {
            "grounds": ["standards", "breakdown"],
            "minded_to_take": ["s63", "s64", "s65"],
        },
        "tpc_warning_notice": {
            "given_on": "2026-01-05",
            "compliance_period_end": "2026-02-06",
            "matters": [
                "Teachers at the school have not received the pay progression the school’s "
                "own pay policy and the School Teachers’ Pay and Conditions Document require.",
            ],
            "action_required": [
                "Review the pay of every eligible teacher and make any back payments due.",
            ],
            "minded_to_take": ["s64", "s66"],
        },
        "causes_of_concern": {
            "document_date": "2025-12-17",
            "meeting_date": "2025-12-15",
            "concerns": [
                "The proportion of pupils reaching the expected standard in reading at the "
                "end of key stage 2 has declined for three years.",
                "Governors do not receive the information they need to hold leaders to account.",
            ],
            "agreed_actions": [
                "Leaders will complete an audit of the reading curriculum by 30 January 2026.",
                "The governing body will appoint a link governor for reading.",
            ],
            "support": [
                "Ten days of adviser time in the spring term.",
                "Access to the authority’s governor development programme.",
            ],
            "review_date": "2026-03-16",
        },
        "proposed_intervention": {
            "failures": [
                "No plan to raise attainment in reading was agreed with the authority by the "
                "end of the compliance period.",
            ],
            "powers": ["s64"],
            "proposed_from": "2025-11-24",
            "response_by": "2025-11-21",
        },
        "statement_of_action": {
            "document_date": "2025-12-19",
            "capacity": {
                "school": [{"net_capacity": 210, "projected": [168, 171, 175]}],
                "other_schools": [
                    {
                        "school": "Exampleton Community Primary School",
                        "available_accommodation": 12,
                        "projected": [408, 410, 412],
                    },
                    {
                        "school": "Northmoor C of E Primary School",
                        "available_accommodation": 5,
                        "projected": [205, 206, 204],
                    },
                ],
                "commentary": "There are not enough surplus places locally to consider "
                "closure; a federation with a strong local school is being explored.",
            },
            "target_months": 18,
            "action_before": [
                "The school has received intensive support since June 2025.",
                "A warning notice was given on 6 October 2025.",
            ],
            "action_after": [
                "School progress reviews every half term, chaired by the senior adviser.",
                "A reading improvement plan with monthly monitoring.",
            ],
            "parents": [
                "A meeting for parents on 14 January 2026, and a newsletter after each "
                "monitoring inspection.",
            ],
            "resources": ["30 days of adviser and consultant time in 2025/26."],
            "partners": [
                "Exampleton Diocesan Board of Education",
                "Exampleshire Teaching School Hub",
            ],
            "priorities": [
                "Strengthen leadership of reading.",
                "Build governors’ capacity to challenge leaders.",
            ],
            "powers": ["s64"],
        },
        "plan_of_action": {
            "document_date": "2025-12-19",
            "key_issues": [
                {
                    "title": "Raise attainment in reading across key stage 2.",
                    "success_criteria": [
                        "At least 70% of pupils reach the expected standard in 2026."
                    ],
                    "evaluation": [
                        "July 2026: analysis of key stage 2 results by the senior adviser."
                    ],
                    "actions": [
                        {
                            "action": "Train all staff to teach phonics and early reading.",
                            "lead": "Reading lead",
                            "school_plan_ref": "SIP 1.1",
                            "milestones": "All staff trained by 28 February 2026.",
                            "monitored_by": "Link adviser",
                            "monitoring_strategy": "Lesson visits and work scrutiny.",
                            "resources": "4 consultant days",
                        }
                    ],
                },
                {
                    "title": "Improve the effectiveness of governance.",
                    "source": "Added by the school",
                    "success_criteria": ["Minutes show governors challenging leaders on outcomes."],
                    "evaluation": ["April 2026: external review of governance."],
                    "actions": [
                        {
                            "action": "Commission an external review of governance.",
                            "lead": "Chair of governors",
                            "school_plan_ref": "SIP 4.2",
                            "milestones": "Review completed by 31 March 2026.",
                            "monitored_by": "Senior adviser",
                            "monitoring_strategy": "Progress review meetings.",
                            "resources": "£1,500",
                        }
                    ],
                },
            ],
            "finance": [
                {"source": "Local authority", "amounts": [4000, 1500]},
                {"source": "School", "amounts": [2000, 0]},
            ],
        },
        "progress_review": {
            "meeting_date": "2026-02-09",
            "support_team": ["Mrs Anna Fielding (senior adviser)", "Mr Raj Patel (link adviser)"],
            "present": [
                "Mrs Helen Example (headteacher)",
                "Mr Sam Sample (chair of governors)",
                "Mrs Anna Fielding (senior adviser)",
                "Mr Raj Patel (link adviser)",
            ],
            "apologies": ["Diocesan schools adviser"],
            "areas_for_development": ["Reading in key stage 2", "Governance"],
            "key_issues": [
                {
                    "title": "Raise attainment in reading across key stage 2.",
                    "actions_record": "Phonics training completed for all staff.",
                    "impact": "Early signs of better decoding in Year 3.",
                    "criteria": [
                        {"criterion": "70% at the expected standard", "status": "partially-met"},
                    ],
                }
            ],
            "targets": [
                {
                    "measure": "Reading: expected standard (KS2)",
                    "target": "70%",
                    "current": "58%",
                    "on_track": "No",
                },
            ],
            "summary": "Progress is emerging but not yet secure.",
            "next_meeting": "Monday 23 March 2026, 3.30 pm",
            "next_steps": [
                {
                    "key_issue": "1",
                    "action": "Reading fluency checks every half term.",
                    "person": "Reading lead",
                    "target_date": "20 March 2026",
                    "monitored_by": "Link adviser",
                    "method": "Data review",
                    "resources": "None",
                },
            ],
        },
        "removal": {
            "removed_on": "2027-05-14",
            "document_date": "2027-05-17",
            "exit_arrangements": [
                "Termly visits from the link adviser to review the school’s self-evaluation.",
                "An annual school improvement review.",
            ],
        },
    }


def _sample() -> Mapping[str, Any]:
    return {"case": sample_case_data(), "extra": sample_extra_data()}


_TEMPLATES: tuple[tuple[str, str, type[Any], Callable[..., Any], str], ...] = (
    (
        "warning-notice",
        "Performance standards and safety warning notice (s.60)",
        WarningNoticeContext,
        build_warning_notice,
        "EIA 2006 s.60; wording as the law stood on the day the notice is given.",
    ),
    (
        "tpc-warning-notice",
        "Teachers' pay and conditions warning notice (s.60A)",
        TpcWarningNoticeContext,
        build_tpc_warning_notice,
        "EIA 2006 s.60A; representations to the authority before 18 April 2016.",
    ),
    (
        "causes-of-concern-letter",
        "Letter confirming causes of concern (not a warning notice)",
        CausesOfConcernContext,
        build_causes_of_concern,
        "Early intervention letter confirming the agreed causes of concern and support.",
    ),
    (
        "proposed-intervention-notice",
        "Notice of proposed intervention (s.60(1))",
        ProposedInterventionContext,
        build_proposed_intervention,
        "Reasonable notice in writing that the authority proposes to use its powers.",
    ),
    (
        "statement-of-action",
        "Statement of action (EA 2005 s.15)",
        StatementOfActionContext,
        build_statement_of_action,
        "The authority's statement of action for a school in a category of concern.",
    ),
    (
        "plan-of-action",
        "Local authority plan of action",
        PlanOfActionContext,
        build_plan_of_action,
        "One table per key issue, with the summary finance plan.",
    ),
    (
        "progress-review",
        "School progress review record",
        ProgressReviewContext,
        build_progress_review,
        "Record of a progress review meeting: key issues, targets and next steps.",
    ),
    (
        "removal-letter",
        "Removal from the schools causing concern list",
        RemovalLetterContext,
        build_removal_letter,
        "Confirms removal and the exit arrangements (at least 12 months of monitoring).",
    ),
)


def template_specs() -> list[TemplateSpec]:
    """The eight England maintained-school templates."""
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
