"""The Welsh documents, each in Welsh and English (Welsh first): typed contexts, their builders
and the template specs.

* ``wales-schools:warning-notice`` — the local authority's warning notice under section 3 of the
  School Standards and Organisation (Wales) Act 2013 (grounds 1-6 of s.2, the reasons, the
  action required, the compliance period, the action the authority is minded to take, copies);
* ``wales-schools:follow-up-letter`` — the authority's letter to a school or PRU that Estyn has
  placed in follow-up: the level, the post-inspection action plan and who writes it, the
  authority's support and Estyn's monitoring;
* ``wales-schools:categorisation-letter`` — a school's national categorisation for one round
  (2014/15 to 2019/20): standards group, capacity to improve, support category, support days
  and the challenge adviser's reviews.

What the law or the timeline fixes (dates, grounds' statutory text, who writes the plan) comes
from the case and its timeline; what only the council knows comes from the extra data
(``--data EXTRA.yaml``), read by :func:`~improvement_kit.documents.extra_data.structure_extra`
(the project's cattrs converter) into the attrs classes below, so a wrong field is refused
with its path and the nearest valid name. Text the council writes is given in both languages
(``{cy: ..., en: ...}``).

Wording whose Welsh (or English) could not be checked against the enacted text is listed in
:data:`WORDING_STATUS` and printed at the end of each document ("Statws y geiriad / Status of
the wording").
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import attrs

from improvement_kit.documents.extra_data import structure_extra
from improvement_kit.documents.spec import DocumentMeta, TemplateSpec
from improvement_kit.documents.text import salutation
from improvement_kit.errors import InputError
from improvement_kit.model import (
    Case,
    Category,
    CategoryNotice,
    FinalReportReceived,
    Inspection,
    NoticeGiver,
    ProviderType,
    ReligiousCharacter,
    Timeline,
    TimelineItem,
    VerificationGrade,
    WarningNoticeGiven,
)
from improvement_kit_wales_schools.bilingual import BilingualDate, Text
from improvement_kit_wales_schools.categorisation import (
    FIRST_CAPACITY_ONLY,
    SUPPORT_DAYS,
    check_round,
)
from improvement_kit_wales_schools.events import CategorisationRecorded
from improvement_kit_wales_schools.grounds import LEAD_IN_CY, LEAD_IN_EN, ground

__all__ = [
    "ENGHRAIFFT_HOUSE_STYLE",
    "LAYOUTS",
    "SSOWA_COMMENCEMENT",
    "WORDING_STATUS",
    "Authority",
    "CategorisationLetterContext",
    "CategorisationLetterData",
    "Council",
    "DocumentData",
    "FollowUpLetterContext",
    "FollowUpLetterData",
    "GroundText",
    "Person",
    "Power",
    "School",
    "SchoolDetails",
    "WarningNoticeContext",
    "WarningNoticeData",
    "build_categorisation_letter",
    "build_follow_up_letter",
    "build_warning_notice",
    "read_document_data",
    "sample_case_data",
    "sample_extra_data",
    "template_path",
    "template_specs",
]

#: The fictional Welsh council's house style ("Cyngor Sir Enghraifft / Example County Council"):
#: Welsh default language, bilingual header and footer (``render --house-style``).
ENGHRAIFFT_HOUSE_STYLE: Traversable = (
    files("improvement_kit.documents") / "house_styles" / "enghraifft.docx"
)

#: SSO(W)A 2013 Part 2 Chapter 1 in force (S.I. 2014/178): a warning notice given earlier was an
#: SSFA 1998 s.15 notice, which this template does not write.
SSOWA_COMMENCEMENT = dt.date(2014, 2, 20)
_JURISDICTION = "wales-schools"
#: Marks a context field that a template may leave out (the template check does not ask for it).
_MAY_OMIT: Mapping[str, bool] = {"optional": True}

# --- the extra data ---------------------------------------------------------------------------


class Power(enum.StrEnum):
    """The local authority's powers of intervention, SSO(W)A 2013 ss.5-9."""

    S5 = "s5"
    S6 = "s6"
    S7 = "s7"
    S8 = "s8"
    S9 = "s9"


@attrs.frozen(kw_only=True)
class Person:
    """A named officer: who signs, or whom to contact. ``title`` is the job title in both
    languages."""

    name: str
    title: Text
    telephone: str | None = None
    email: str | None = None


@attrs.frozen(kw_only=True)
class Council:
    """The council sending the document: its name, department and address in both
    languages (a Welsh council's name differs by language: "Cyngor Sir Enghraifft" and
    "Example County Council")."""

    name: Text
    address: str
    department: Text | None = None
    telephone: str | None = None
    email: str | None = None


@attrs.frozen(kw_only=True)
class SchoolDetails:
    """What the case's provider lacks: the address, the head teacher (a PRU's teacher in
    charge) and the chair of the governing body (a PRU's management committee)."""

    address: str | None = None
    head: str | None = None
    chair: str | None = None


@attrs.frozen(kw_only=True)
class WarningNoticeData:
    """The council's part of a warning notice (SSO(W)A 2013 s.3(2)): ``grounds`` (numbers 1-6
    of s.2), the ``reasons`` it is satisfied they exist, the ``action_required`` of the
    governing body, the ``minded_to_take`` powers (ss.5-9) and, where the case does not record
    the notice, ``given_on`` and ``compliance_period_end``."""

    grounds: tuple[int, ...]
    reasons: tuple[Text, ...]
    action_required: tuple[Text, ...]
    minded_to_take: tuple[Power, ...]
    given_on: dt.date | None = None
    compliance_period_end: dt.date | None = None


@attrs.frozen(kw_only=True)
class FollowUpLetterData:
    """The council's part of the follow-up letter: the ``support`` it offers, the dates it
    will review progress with the school (``reviews``), and (optional) ``document_date``."""

    support: tuple[Text, ...]
    reviews: tuple[dt.date, ...] = ()
    document_date: dt.date | None = None


@attrs.frozen(kw_only=True)
class CategorisationLetterData:
    """The council's part of the categorisation letter: the ``round`` (default: the case's
    latest), the ``support`` planned, the challenge adviser's termly ``reviews`` and
    ``document_date``."""

    support: tuple[Text, ...]
    reviews: tuple[dt.date, ...] = ()
    round: str | None = None
    document_date: dt.date | None = None


@attrs.frozen(kw_only=True)
class DocumentData:
    """The extra data of every Welsh document (``--data EXTRA.yaml``)."""

    council: Council
    signatory: Person
    officer: Person
    reference: str
    challenge_adviser: Person | None = None
    school: SchoolDetails = SchoolDetails()
    document_date: dt.date | None = None
    warning_notice: WarningNoticeData | None = None
    follow_up_letter: FollowUpLetterData | None = None
    categorisation_letter: CategorisationLetterData | None = None


def read_document_data(extra: Mapping[str, Any]) -> DocumentData:
    """The extra data as :class:`DocumentData`, through the project's converter
    (:func:`~improvement_kit.documents.extra_data.structure_extra`): every problem is refused
    at once with its path (``warning_notice.reasons[0].cy: required field missing``) in one
    :class:`~improvement_kit.documents.extra_data.ExtraDataError`."""
    return structure_extra(extra, DocumentData)


T = TypeVar("T")


def _required(value: T | None, path: str, what: str) -> T:
    if value is None:
        raise InputError(path, None, what)
    return value


# --- shared context parts ---------------------------------------------------------------------


@attrs.frozen
class Authority:
    """The council as any house style's header and footer name it (``authority.name``):
    both names, Welsh first."""

    name: str
    address: str = attrs.field(metadata=_MAY_OMIT)
    telephone: str | None = attrs.field(default=None, metadata=_MAY_OMIT)
    email: str | None = attrs.field(default=None, metadata=_MAY_OMIT)


def _authority(council: Council) -> Authority:
    return Authority(
        f"{council.name.cy} / {council.name.en}", council.address, council.telephone, council.email
    )


@attrs.frozen
class School:
    """The school or PRU and the people and body a document addresses, named as the law
    names them for its kind (a PRU has a teacher in charge and a management committee)."""

    name: str
    number: str = attrs.field(metadata=_MAY_OMIT)
    address: str | None
    head: str | None
    chair: str | None
    head_role: Text = attrs.field(metadata=_MAY_OMIT)
    chair_role: Text
    body_must: Text = attrs.field(metadata=_MAY_OMIT)
    kind: Text = attrs.field(metadata=_MAY_OMIT)
    #: "yr ysgol" / "the school", or "yr uned" / "the unit" (whole phrases after a preposition
    #: or as a subject)
    the_kind: Text = attrs.field(metadata=_MAY_OMIT)


#: Role names by provider kind. Welsh for a PRU's management committee and teacher in charge
#: is not attested in the sources read: listed in WORDING_STATUS.
_ROLES = {
    False: (
        Text("Pennaeth", "Headteacher"),
        Text("Cadeirydd y Corff Llywodraethu", "Chair of the Governing Body"),
        Text("Rhaid i’r corff llywodraethu", "The governing body must"),
        Text("ysgol", "school"),
        Text("yr ysgol", "the school"),
    ),
    True: (
        Text("Athro neu Athrawes â Gofal", "Teacher in Charge"),
        Text("Cadeirydd y Pwyllgor Rheoli", "Chair of the Management Committee"),
        Text("Rhaid i’r pwyllgor rheoli", "The management committee must"),
        Text("uned cyfeirio disgyblion", "pupil referral unit"),
        Text("yr uned", "the unit"),
    ),
}


def _school(case: Case, data: DocumentData) -> School:
    provider = case.provider
    pru = provider.type is ProviderType.WELSH_PRU
    head_role, chair_role, body_must, kind, the_kind = _ROLES[pru]
    return School(
        name=provider.name,
        number=provider.identifier,
        address=data.school.address or provider.address,
        head=data.school.head or provider.head_teacher,
        chair=data.school.chair or provider.chair_of_governors,
        head_role=head_role,
        chair_role=chair_role,
        body_must=body_must,
        kind=kind,
        the_kind=the_kind,
    )


_WELSH_VOWELS = frozenset("AEIOUWYÂÊÎÔÛŴŶaeiouwyâêîôûŵŷ")


def _greeting(*names: str | None, default: Text) -> Text:
    """ "Annwyl ..." / "Dear ...": title and surname in both languages ("Mr", "Mrs", "Dr"
    are written the same in Welsh letters). Two readers are joined by "a", or "ac" before a
    vowel ("Mrs Morgan a Mr Price", "Mr Price ac Eleri Morgan"); a name without a title that
    begins with C, P or T is not given the aspirate mutation "a" calls for.

    >>> _greeting("Mrs Eleri Morgan", "Mr Gareth Price", default=Text("x", "x")).cy
    'Mrs Morgan a Mr Price'
    >>> _greeting("Mr Gareth Price", "Eleri Morgan", default=Text("x", "x")).cy
    'Mr Price ac Eleri Morgan'
    """
    each = [salutation(n) for n in names if n and n.strip()]
    if not each:
        return default
    welsh = each[0]
    for name in each[1:]:
        welsh += (" ac " if name[0] in _WELSH_VOWELS else " a ") + name
    return Text(welsh, salutation(*names, default=""))


def _dated(day: dt.date | None) -> BilingualDate | None:
    return None if day is None else BilingualDate.of(day)


def _meta(
    title: Text, case: Case, data: DocumentData, day: dt.date | None, rules: Sequence[str]
) -> DocumentMeta:
    return DocumentMeta(
        title=f"{title.cy} / {title.en}: {case.provider.name}",
        date=day,
        author=f"{data.council.name.cy} / {data.council.name.en}",
        subject=f"{case.provider.name} ({case.provider.identifier})",
        reference=data.reference,
        rule_ids=tuple(dict.fromkeys(rules)),
        language="cy-GB",
    )


@attrs.frozen
class Note:
    """One statement about how far a document's wording was checked."""

    cy: str
    en: str


#: How far each document's fixed wording was checked, printed at its end. Keys are template
#: names; every entry is one :class:`Note`.
WORDING_STATUS: Mapping[str, tuple[Note, ...]] = {
    "warning-notice": (
        Note(
            "Mae testun Cymraeg y seiliau (adran 2) wedi ei gopïo o destun Cymraeg y Ddeddf. "
            "Nid yw gweddill y geiriad Cymraeg wedi ei wirio yn erbyn testun Cymraeg adran 3 "
            "nac adran 4; fe’i lluniwyd o eiriau adrannau 10, 22 a 23 o’r Ddeddf.",
            "The Welsh text of the grounds (section 2) is copied from the Welsh text of the Act. "
            "The rest of the Welsh wording has not been checked against the Welsh text of "
            "sections 3 and 4; it was composed from the words of sections 10, 22 and 23.",
        ),
        Note(
            "Nid yw’r geiriad Saesneg a nodir â [*] wedi ei wirio yn erbyn testun Saesneg adran "
            "2, na ddarllenwyd: daw o ateb gan Lywodraeth Cymru neu o’r testun Cymraeg.",
            "English wording marked [*] has not been checked against the English text of "
            "section 2, which was not read: it comes from a Welsh Government answer or renders "
            "the Welsh text.",
        ),
    ),
    "follow-up-letter": (
        Note(
            "Cymerwyd y cyfnod ar gyfer y cynllun gweithredu (45 diwrnod gwaith cyn 1 Medi 2014, "
            "20 wedi hynny) o ddatganiadau Llywodraeth Cymru; ni ddarllenwyd testun y "
            "rheoliadau na’r diwrnod y mae’r cyfnod yn dechrau ohono. Nid yw cyfnodau "
            "ymweliadau monitro Estyn wedi eu gwirio.",
            "The period for the action plan (45 working days before 1 September 2014, 20 from "
            "then) is taken from Welsh Government statements; the text of the regulations and "
            "the day the period runs from were not read. The intervals of Estyn’s monitoring "
            "visits are not verified.",
        ),
        Note(
            "Ni welwyd y termau Cymraeg “pwyllgor rheoli” ac “athro neu athrawes â gofal” mewn "
            "deddfwriaeth; nid yw’r ymadrodd “cynllun gweithredu ôl-arolygiad” wedi ei wirio.",
            "The Welsh terms for a management committee and a teacher in charge were not seen "
            "in legislation; the Welsh phrase for post-inspection action plan is not verified.",
        ),
    ),
    "categorisation-letter": (
        Note(
            "Ni welwyd y termau Cymraeg am y grŵp safonau, y gallu i wella a’r categori cymorth "
            "mewn ffynhonnell swyddogol. Ni chanfuwyd y matrics cenedlaethol cyhoeddedig. Ni "
            "ddarllenwyd ffynhonnell ar gyfer diwrnodau cymorth ysgolion ambr a choch, nac ar "
            "gyfer llythyr am bryderon yr awdurdod at ysgol goch.",
            "The Welsh terms for standards group, capacity to improve and support category were "
            "not seen in an official source. The published national matrix was not found. No "
            "source was read for the support days of amber and red schools, or for red leading "
            "to a letter about the authority’s concerns.",
        ),
    ),
}


# --- the warning notice -----------------------------------------------------------------------


@attrs.frozen
class GroundText:
    """A ground in both languages; ``english_checked`` is false when the English is a
    rendering of the Welsh statute, not the enacted English."""

    number: int
    cy: str
    en: str
    english_checked: bool


_POWERS: Mapping[Power, Text] = {
    Power.S5: Text(
        "ei gwneud yn ofynnol i’r corff llywodraethu sicrhau cyngor neu gydlafurio (adran 5)",
        "to require the governing body to secure advice or collaborate (section 5)",
    ),
    Power.S6: Text(
        "penodi llywodraethwyr ychwanegol (adran 6)",
        "to appoint additional governors (section 6)",
    ),
    Power.S7: Text(
        "cyfansoddi corff llywodraethu o aelodau gweithrediaeth interim (adran 7)",
        "to constitute the governing body of interim executive members (section 7)",
    ),
    Power.S8: Text(
        "atal dros dro hawl y corff llywodraethu i gael cyllideb ddirprwyedig (adran 8)",
        "to suspend the governing body’s right to a delegated budget (section 8)",
    ),
    Power.S9: Text(
        "rhoi cyfarwyddiadau a chymryd camau (adran 9)",
        "to give directions and take steps (section 9)",
    ),
}


@attrs.frozen
class WarningNoticeContext:
    """A local authority's warning notice (SSO(W)A 2013 s.3), Welsh first."""

    meta: DocumentMeta
    authority: Authority
    council: Council
    school: School
    signatory: Person
    officer: Person
    reference: str
    date: BilingualDate
    given_on: BilingualDate
    compliance_period_end: BilingualDate
    lead_in: Text
    grounds: tuple[GroundText, ...]
    reasons: tuple[Text, ...]
    action_required: tuple[Text, ...]
    minded_to_take: tuple[Text, ...]
    copies: tuple[Text, ...]
    salutation: Text
    wording_status: tuple[Note, ...]


def _latest_la_notice(case: Case, on: dt.date | None) -> WarningNoticeGiven | None:
    notices = [
        e for e in case.of_type(WarningNoticeGiven) if e.given_by is NoticeGiver.LOCAL_AUTHORITY
    ]
    if on is not None:
        notices = [e for e in notices if e.date == on]
    return notices[-1] if notices else None


def _copies(case: Case, school: School) -> tuple[Text, ...]:
    """SSO(W)A 2013 s.3(3): the head teacher; for a foundation or voluntary school the person
    who appoints the foundation governors and, with a religious character, the appropriate
    religious body; the Welsh Ministers."""
    provider = case.provider
    copies = [
        Text(f"{school.head}, Pennaeth", f"{school.head}, Headteacher")
        if school.head
        else Text("Pennaeth yr ysgol", "The headteacher of the school")
    ]
    if provider.type.is_foundation_or_voluntary or provider.foundation_governor_appointer:
        who = provider.foundation_governor_appointer
        copies.append(
            Text(
                f"{who} (sy’n penodi’r llywodraethwyr sefydledig)",
                f"{who} (who appoints the foundation governors)",
            )
            if who
            else Text(
                "Y person sy’n penodi’r llywodraethwyr sefydledig",
                "The person who appoints the foundation governors",
            )
        )
        if provider.religious_character is not ReligiousCharacter.NONE:
            body = provider.diocese
            copies.append(
                Text(
                    f"{body} (y corff crefyddol priodol)",
                    f"{body} (the appropriate religious body)",
                )
                if body
                else Text("Y corff crefyddol priodol", "The appropriate religious body")
            )
    copies.append(Text("Gweinidogion Cymru", "The Welsh Ministers"))
    return tuple(copies)


def build_warning_notice(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> WarningNoticeContext:
    """The s.3 notice from the case's local authority notice (its date and compliance period)
    and the ``warning_notice`` table of the extra data."""
    data = read_document_data(extra)
    own = _required(data.warning_notice, "warning_notice", "is required for a warning notice")
    if case.provider.type is ProviderType.WELSH_PRU:
        raise InputError(
            "provider.type",
            case.provider.type.value,
            "is not a maintained school: SSO(W)A 2013 s.3 warning notices are given to the "
            "governing body of a maintained school (how the PRU regulations apply them is "
            "unverified)",
        )
    notice = _latest_la_notice(case, own.given_on)
    given_on = _required(
        own.given_on or (notice.date if notice else None),
        "warning_notice.given_on",
        "is needed: the case records no warning notice given by the local authority",
    )
    if given_on < SSOWA_COMMENCEMENT:
        raise InputError(
            "warning_notice.given_on",
            given_on.isoformat(),
            "is before 20 February 2014: a notice given then was an SSFA 1998 s.15 notice, "
            "not a warning notice under SSO(W)A 2013 s.3",
        )
    end = _required(
        own.compliance_period_end or (notice.compliance_period_end if notice else None),
        "warning_notice.compliance_period_end",
        "is needed: s.3(2)(d) requires the notice to specify the compliance period",
    )
    if end <= given_on:
        raise InputError(
            "warning_notice.compliance_period_end",
            end.isoformat(),
            f"is not after the day the notice is given ({given_on.isoformat()})",
        )
    grounds = []
    for index, number in enumerate(own.grounds):
        if number in (7, 8):
            raise InputError(
                f"warning_notice.grounds[{index}]",
                number,
                "needs no warning notice: on grounds 7 and 8 the authority may intervene "
                "without one (s.4(4))",
            )
        if not 1 <= number <= 6:
            raise InputError(
                f"warning_notice.grounds[{index}]", number, "is not a ground 1 to 6 of s.2"
            )
        found = ground(number)
        grounds.append(
            GroundText(
                number,
                found.welsh,
                found.english,
                found.english_grade in (VerificationGrade.PRIMARY, VerificationGrade.SECONDARY),
            )
        )
    if not grounds:
        raise InputError("warning_notice.grounds", [], "must name at least one ground (1-6)")
    for path, values in (
        ("warning_notice.reasons", own.reasons),
        ("warning_notice.action_required", own.action_required),
        ("warning_notice.minded_to_take", own.minded_to_take),
    ):
        if not values:
            raise InputError(path, [], "must not be empty (SSO(W)A 2013 s.3(2))")
    school = _school(case, data)
    rules = [
        item.rule.id
        for item in timeline.items
        if item.id in ("warning-notice.compliance-period-end", "warning-notice.copies")
    ]
    return WarningNoticeContext(
        meta=_meta(Text("Hysbysiad rhybuddio", "Warning notice"), case, data, given_on, rules),
        authority=_authority(data.council),
        council=data.council,
        school=school,
        signatory=data.signatory,
        officer=data.officer,
        reference=data.reference,
        date=BilingualDate.of(given_on),
        given_on=BilingualDate.of(given_on),
        compliance_period_end=BilingualDate.of(end),
        lead_in=Text(LEAD_IN_CY, LEAD_IN_EN),
        grounds=tuple(grounds),
        reasons=own.reasons,
        action_required=own.action_required,
        minded_to_take=tuple(_POWERS[p] for p in dict.fromkeys(own.minded_to_take)),
        copies=_copies(case, school),
        salutation=_greeting(
            school.chair, default=Text("Gadeirydd y Corff Llywodraethu", "Chair of Governors")
        ),
        wording_status=WORDING_STATUS["warning-notice"],
    )


# --- the follow-up letter ---------------------------------------------------------------------

#: Each follow-up level as the letter names it: a whole phrase after "that" ("bod ...").
_LEVELS: Mapping[Category, Text] = {
    Category.SPECIAL_MEASURES: Text(
        "ei bod yn ofynnol i fesurau arbennig gael eu cymryd mewn perthynas â’r ysgol",
        "special measures are required in relation to the school",
    ),
    Category.SIGNIFICANT_IMPROVEMENT: Text(
        "bod angen gwelliant sylweddol ar yr ysgol",
        "the school is in need of significant improvement",
    ),
    Category.ESTYN_REVIEW: Text(
        "bod angen adolygu’r ysgol gan Estyn",
        "the school requires Estyn review",
    ),
}
#: The same for a pupil referral unit ("yr uned", feminine like "ysgol": the same mutations).
_PRU_LEVELS: Mapping[Category, Text] = {
    Category.SPECIAL_MEASURES: Text(
        "ei bod yn ofynnol i fesurau arbennig gael eu cymryd mewn perthynas â’r uned",
        "special measures are required in relation to the unit",
    ),
    Category.SIGNIFICANT_IMPROVEMENT: Text(
        "bod angen gwelliant sylweddol ar yr uned",
        "the unit is in need of significant improvement",
    ),
    Category.ESTYN_REVIEW: Text(
        "bod angen adolygu’r uned gan Estyn",
        "the unit requires Estyn review",
    ),
}


@attrs.frozen
class FollowUpLetterContext:
    """The authority's letter to a school or PRU placed in Estyn follow-up."""

    meta: DocumentMeta
    authority: Authority
    council: Council
    school: School
    signatory: Person
    officer: Person
    reference: str
    date: BilingualDate
    level_phrase: Text
    inspection_start: BilingualDate
    inspection_end: BilingualDate
    report_received: BilingualDate | None
    piap_due: BilingualDate | None
    support: tuple[Text, ...]
    reviews: tuple[BilingualDate, ...]
    next_visit: BilingualDate | None
    salutation: Text
    wording_status: tuple[Note, ...]


def _first_due(timeline: Timeline, item_id: str) -> TimelineItem | None:
    found = [i for i in timeline.items if i.id == item_id and (i.due or i.window)]
    return found[0] if found else None


def build_follow_up_letter(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> FollowUpLetterContext:
    """The letter from the case's latest Estyn inspection with a follow-up level, its
    category notice, report and the timeline's plan deadline and first monitoring visit."""
    data = read_document_data(extra)
    own = _required(data.follow_up_letter, "follow_up_letter", "is required for a follow-up letter")
    inspections = [i for i in case.of_type(Inspection) if i.category in _LEVELS]
    if not inspections:
        raise InputError(
            "events",
            "no Estyn inspection in follow-up",
            "cannot give the letter: record an inspection with category special-measures, "
            "significant-improvement or estyn-review",
        )
    inspection = inspections[-1]
    pru = case.provider.type is ProviderType.WELSH_PRU
    level = (_PRU_LEVELS if pru else _LEVELS)[inspection.category]  # type: ignore[index]
    notices = [n for n in case.of_type(CategoryNotice) if n.date >= inspection.start]
    reports = [r for r in case.of_type(FinalReportReceived) if r.date >= inspection.start]
    piap = _first_due(timeline, "piap.due")
    visit = _first_due(timeline, "estyn-follow-up.monitoring-visit")
    visit_day = (visit.due or (visit.window.start if visit.window else None)) if visit else None
    day = (
        own.document_date
        or data.document_date
        or (reports[0].date if reports else None)
        or (notices[0].date if notices else None)
        or inspection.date
    )
    school = _school(case, data)
    rules = [i.rule.id for i in (piap, visit) if i is not None]
    return FollowUpLetterContext(
        meta=_meta(
            Text("Llythyr am weithgarwch dilynol Estyn", "Letter on Estyn follow-up"),
            case,
            data,
            day,
            rules,
        ),
        authority=_authority(data.council),
        council=data.council,
        school=school,
        signatory=data.signatory,
        officer=data.officer,
        reference=data.reference,
        date=BilingualDate.of(day),
        level_phrase=level,
        inspection_start=BilingualDate.of(inspection.start),
        inspection_end=BilingualDate.of(inspection.date),
        report_received=_dated(reports[0].date if reports else None),
        piap_due=_dated(piap.due if piap else None),
        support=own.support,
        reviews=tuple(BilingualDate.of(d) for d in own.reviews),
        next_visit=_dated(visit_day),
        salutation=_greeting(
            school.head,
            school.chair,
            default=Text("Bennaeth a Chadeirydd", "Headteacher and Chair"),
        ),
        wording_status=WORDING_STATUS["follow-up-letter"],
    )


# --- the categorisation letter ----------------------------------------------------------------

_COLOURS: Mapping[str, Text] = {
    "green": Text("gwyrdd", "green"),
    "yellow": Text("melyn", "yellow"),
    "amber": Text("ambr", "amber"),
    "red": Text("coch", "red"),
}


@attrs.frozen
class CategorisationLetterContext:
    """A school's national categorisation for one round, and the support that follows."""

    meta: DocumentMeta
    authority: Authority
    council: Council
    school: School
    signatory: Person
    officer: Person
    challenge_adviser: Person
    reference: str
    date: BilingualDate
    round: str
    standards_group: int | None
    capacity: str
    colour: Text
    support_days: int
    support_days_checked: bool
    colour_from_placeholder: bool
    red: bool
    support: tuple[Text, ...]
    reviews: tuple[BilingualDate, ...]
    salutation: Text
    wording_status: tuple[Note, ...]


def build_categorisation_letter(
    case: Case, timeline: Timeline, extra: Mapping[str, Any]
) -> CategorisationLetterContext:
    """The letter from the case's categorisation for the round named in
    ``categorisation_letter.round`` (default: the latest recorded)."""
    del timeline  # categorisation is recorded, not computed from deadlines
    data = read_document_data(extra)
    own = _required(
        data.categorisation_letter,
        "categorisation_letter",
        "is required for a categorisation letter",
    )
    if case.provider.type is ProviderType.WELSH_PRU:
        raise InputError(
            "provider.type",
            case.provider.type.value,
            "is not a school: national categorisation covered schools",
        )
    records = case.of_type(CategorisationRecorded)
    if own.round is not None:
        wanted = check_round(own.round)
        records = [r for r in records if r.round == wanted]
        if not records:
            raise InputError(
                "categorisation_letter.round", own.round, "is not recorded in the case"
            )
    if not records:
        raise InputError(
            "events", "no categorisation-recorded", "cannot give the letter without one"
        )
    record = records[-1]
    colour = record.colour.value if record.colour else "red"
    entitlement = SUPPORT_DAYS[colour]
    adviser = data.challenge_adviser or data.officer
    school = _school(case, data)
    day = own.document_date or data.document_date or record.date
    return CategorisationLetterContext(
        meta=_meta(
            Text("Llythyr categoreiddio", "Categorisation letter"), case, data, day, ["W-CAT-04"]
        ),
        authority=_authority(data.council),
        council=data.council,
        school=school,
        signatory=data.signatory,
        officer=data.officer,
        challenge_adviser=adviser,
        reference=data.reference,
        date=BilingualDate.of(day),
        round=record.round,
        standards_group=record.standards_group if record.round < FIRST_CAPACITY_ONLY else None,
        capacity=record.capacity.value,
        colour=_COLOURS[colour],
        support_days=entitlement.days,
        support_days_checked=entitlement.grade is VerificationGrade.PRIMARY,
        colour_from_placeholder=record.colour_from_scheme,
        red=colour == "red",
        support=own.support,
        reviews=tuple(BilingualDate.of(d) for d in own.reviews),
        salutation=_greeting(
            school.head,
            school.chair,
            default=Text("Bennaeth a Chadeirydd", "Headteacher and Chair"),
        ),
        wording_status=WORDING_STATUS["categorisation-letter"],
    )


# --- sample data and specs ----------------------------------------------------------------------


def template_path(name: str) -> Traversable:
    """A template's file: inside the installed package (a wheel), else the source tree's
    ``templates/wales_schools`` folder (an editable install)."""
    packaged = files("improvement_kit_wales_schools") / "templates" / f"{name}.docx"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates" / "wales_schools" / f"{name}.docx"


def sample_case_data() -> dict[str, Any]:
    """A fictional Welsh primary school: a 2015 warning notice, a 2023 Estyn inspection
    (significant improvement) and two categorisation rounds."""
    return {
        "jurisdiction": _JURISDICTION,
        "reference": "CSE-YSG-2023-014",
        "provider": {
            "school_number": "6602101",
            "name": "Ysgol Gynradd Cwm Enghraifft",
            "type": "welsh-maintained-school",
            "local_authority": "Example County Council",
            "head_teacher": "Mrs Eleri Morgan",
            "chair_of_governors": "Mr Gareth Price",
            "address": "Heol yr Ysgol\nCwm Enghraifft\nSA99 1AA",
        },
        "events": [
            {
                "type": "categorisation-recorded",
                "date": "2016-01-29",
                "round": "2015/16",
                "standards_group": 3,
                "capacity": "C",
                "colour": "amber",
            },
            {
                "type": "categorisation-recorded",
                "date": "2018-01-26",
                "round": "2017/18",
                "capacity": "B",
                "colour": "yellow",
            },
            {
                "type": "warning-notice-given",
                "date": "2015-03-02",
                "given_by": "local-authority",
                "compliance_period_end": "2015-05-22",
            },
            {
                "type": "inspection",
                "start": "2023-03-06",
                "end": "2023-03-09",
                "inspectorate": "estyn",
                "category": "significant-improvement",
            },
            {
                "type": "ofsted-category-notice",
                "date": "2023-04-20",
                "category": "significant-improvement",
            },
            {"type": "final-report-received", "date": "2023-05-05"},
        ],
    }


def sample_extra_data() -> dict[str, Any]:
    """The council's data for the sample case, in both languages."""
    return {
        "reference": "CSE-YSG-2023-014",
        "council": {
            "name": {"cy": "Cyngor Sir Enghraifft", "en": "Example County Council"},
            "department": {
                "cy": "Gwasanaeth Gwella Ysgolion",
                "en": "School Improvement Service",
            },
            "address": "Neuadd y Sir / County Hall, Stryd Fawr / High Street, Tref Enghraifft / "
            "Example Town, SA99 9ZZ",
            "telephone": "01999 123456",
            "email": "gwella.ysgolion@enghraifft.example",
        },
        "signatory": {
            "name": "Dr Siân Roberts",
            "title": {"cy": "Cyfarwyddwr Addysg", "en": "Director of Education"},
        },
        "officer": {
            "name": "Mr Dafydd Jones",
            "title": {"cy": "Swyddog Gwella Ysgolion", "en": "School Improvement Officer"},
            "telephone": "01999 123457",
            "email": "dafydd.jones@enghraifft.example",
        },
        "challenge_adviser": {
            "name": "Mrs Nia Hughes",
            "title": {"cy": "Ymgynghorydd Her", "en": "Challenge Adviser"},
        },
        "warning_notice": {
            "grounds": [1, 2],
            "reasons": [
                {
                    "cy": "Mae canlyniadau darllen disgyblion Blwyddyn 6 wedi bod yn is na "
                    "rhai ysgolion cyffelyb ers tair blynedd.",
                    "en": "Year 6 pupils’ reading results have been below those of "
                    "comparable schools for three years.",
                },
                {
                    "cy": "Nid yw’r corff llywodraethu wedi cyfarfod ers mis Medi 2014 ac nid "
                    "yw wedi herio’r ysgol ar ei chynllun datblygu.",
                    "en": "The governing body has not met since September 2014 and has not "
                    "challenged the school on its development plan.",
                },
            ],
            "action_required": [
                {
                    "cy": "Cytuno ar gynllun i wella darllen gyda’r awdurdod lleol erbyn "
                    "diwedd mis Mawrth 2015.",
                    "en": "Agree a plan to improve reading with the local authority by the end "
                    "of March 2015.",
                },
                {
                    "cy": "Cyfarfod bob hanner tymor ac adrodd ar gynnydd i’r awdurdod lleol.",
                    "en": "Meet every half term and report progress to the local authority.",
                },
            ],
            "minded_to_take": ["s6", "s7"],
        },
        "follow_up_letter": {
            "support": [
                {
                    "cy": "Ymgynghorydd her i weithio gyda’r uwch dîm arwain am ddiwrnod bob "
                    "pythefnos.",
                    "en": "A challenge adviser to work with the senior leadership team one day "
                    "a fortnight.",
                },
                {
                    "cy": "Hyfforddiant i’r corff llywodraethu ar hunanarfarnu.",
                    "en": "Training for the governing body on self-evaluation.",
                },
            ],
            "reviews": ["2023-06-21", "2023-10-11"],
        },
        "categorisation_letter": {
            "round": "2015/16",
            "support": [
                {
                    "cy": "Pymtheg diwrnod o gymorth gan yr ymgynghorydd her.",
                    "en": "Fifteen days of support from the challenge adviser.",
                },
            ],
            "reviews": ["2016-04-20", "2016-07-06"],
        },
    }


def _sample() -> Mapping[str, Any]:
    return {"case": sample_case_data(), "extra": sample_extra_data()}


def _plugin_version() -> str:
    from improvement_kit_wales_schools import __version__

    return f"improvement-kit-wales-schools {__version__}"


_TEMPLATES: tuple[tuple[str, str, type[Any], Callable[..., Any], str], ...] = (
    (
        "warning-notice",
        "Hysbysiad rhybuddio / Warning notice (SSO(W)A 2013 s.3)",
        WarningNoticeContext,
        build_warning_notice,
        "The local authority's warning notice to a governing body, Welsh first. Unverified: "
        "the Welsh of ss.3-4 (composed from ss.10, 22 and 23) and the English of the s.2 "
        "grounds.",
    ),
    (
        "follow-up-letter",
        "Llythyr gweithgarwch dilynol Estyn / Letter on Estyn follow-up",
        FollowUpLetterContext,
        build_follow_up_letter,
        "The post-inspection action plan, the authority's support and Estyn's monitoring. "
        "Unverified: the plan period's anchor, visit intervals, Welsh PRU role names.",
    ),
    (
        "categorisation-letter",
        "Llythyr categoreiddio / National categorisation letter",
        CategorisationLetterContext,
        build_categorisation_letter,
        "Standards group, capacity to improve, support category and reviews for one round. "
        "Unverified: Welsh categorisation terms, amber and red support days, the matrix.",
    ),
)

#: Context paths a template may leave out.
_OPTIONAL = frozenset(
    {
        "council.department",
        "council.telephone",
        "council.email",
        "officer.telephone",
        "officer.email",
        "signatory.telephone",
        "signatory.email",
        "challenge_adviser.telephone",
        "challenge_adviser.email",
        "school.address",
        "school.head",
        "school.chair",
        "report_received",
        "piap_due",
        "next_visit",
        "standards_group",
    }
)


#: The layouts: Welsh first (the template id as above), or side by side (``-side-by-side``):
#: Welsh in the left column, English in the right, section by section.
LAYOUTS: Mapping[str, str] = {"": "Welsh first", "-side-by-side": "side by side"}


def template_specs() -> list[TemplateSpec]:
    """The three Welsh bilingual templates, each Welsh first and side by side."""
    return [
        TemplateSpec(
            id=f"{_JURISDICTION}:{name}{suffix}",
            jurisdiction=_JURISDICTION,
            title=f"{title} ({layout})",
            resource=template_path(name + suffix),
            context_type=context_type,
            build_context=builder,
            language="cy-GB",
            description=description,
            optional_fields=_OPTIONAL,
            sample_data=_sample,
            plugin=_plugin_version(),
        )
        for suffix, layout in LAYOUTS.items()
        for name, title, context_type, builder, description in _TEMPLATES
    ]
