"""The wording the law gives the notices: the grounds of s.60(2), the powers of EIA 2006 Part 4,
the Chief Inspector's title on the day, and who gets a copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from improvement_kit.documents.extra_data import ExtraDataError
from improvement_kit.model import Case, ReligiousCharacter
from improvement_kit_england_maintained.documents.notices_data import WarningGround
from improvement_kit_england_maintained.documents.parts import LATEST, School

__all__ = [
    "EAA_2016_COMMENCEMENT",
    "GROUNDS",
    "POWERS",
    "chief_inspector",
    "copies",
    "grounds",
    "power_key",
    "powers",
]

#: Education and Adoption Act 2016 ss.2-3 in force (SI 2016/466 reg 2): notices given from this
#: day specify their compliance period; before it, the 15-working-day initial period and
#: representations applied (and still apply to those notices, reg 4).
EAA_2016_COMMENCEMENT = dt.date(2016, 4, 18)

#: The grounds of EIA 2006 s.60(2), as a notice states them.
GROUNDS = {
    WarningGround.STANDARDS: (
        "the standards of performance of pupils at the school are unacceptably low, and are "
        "likely to remain so unless the authority exercises its powers under Part 4 of the "
        "2006 Act"
    ),
    WarningGround.BREAKDOWN: (
        "there has been a serious breakdown in the way the school is managed or governed "
        "which is prejudicing, or likely to prejudice, such standards of performance"
    ),
    WarningGround.SAFETY: (
        "the safety of pupils or staff of the school is threatened (whether by a breakdown of "
        "discipline or otherwise)"
    ),
}

#: The powers of EIA 2006 ss.63-69, as a notice states them.
POWERS = {
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


def chief_inspector(on: dt.date) -> str:
    """The Chief Inspector's title on the day."""
    # The Sovereign's title in the Chief Inspector's name changed on 8 September 2022.
    if on < dt.date(2022, 9, 8):
        return _CHIEF_INSPECTOR.replace("His Majesty’s", "Her Majesty’s")
    return _CHIEF_INSPECTOR


def power_key(code: str) -> str:
    """``"s.64"``, ``"section 64"``, ``"S64"`` -> ``"s64"``."""
    return code.strip().lower().replace("section ", "s").replace("s.", "s").replace(" ", "")


def powers(
    codes: Sequence[str] | None, path: str, allowed: Sequence[str], regime: str
) -> tuple[str, ...] | None:
    """The powers as a notice states them: a code (``s64``, ``s.64``, ``section 64``) becomes
    the power's wording, anything else is the authority's own words. A code not in
    ``allowed`` is refused (``path[index]``, for ``regime``)."""
    if codes is None:
        return None
    out: list[str] = []
    problems: list[tuple[str, object, str]] = []
    for index, code in enumerate(codes):
        if not code:
            continue
        key = power_key(code)
        if key not in POWERS:
            out.append(code)  # the authority's own words ("or otherwise")
        elif key in allowed:
            out.append(POWERS[key])
        else:
            problems.append(
                (f"{path}[{index}]", code, f"{code!r} is not a power available for {regime}")
            )
    if problems:
        raise ExtraDataError(problems)
    return tuple(out)


def grounds(codes: Sequence[WarningGround] | None) -> tuple[str, ...] | None:
    """The grounds as the notice states them."""
    return None if codes is None else tuple(GROUNDS[code] for code in codes)


def copies(case: Case, school: School, on: dt.date | None, *, tpc: bool) -> tuple[str, ...]:
    """Who gets a copy at the same time (EIA 2006 s.60(6),(6A); s.60A(6))."""
    provider = case.provider
    pre = on is not None and on < EAA_2016_COMMENCEMENT
    out: list[str] = []
    if tpc and not pre:
        out.append("The Secretary of State for Education")
    if not tpc:
        out.append(chief_inspector(on or LATEST))
    head = school.head_teacher
    out.append(f"{head}, Headteacher" if head else "The headteacher of the school")
    if provider.religious_character in (
        ReligiousCharacter.CHURCH_OF_ENGLAND,
        ReligiousCharacter.ROMAN_CATHOLIC,
    ):
        out.append(
            f"{provider.diocese} (the appropriate diocesan authority)"
            if provider.diocese
            else "The appropriate diocesan authority"
        )
    if provider.type.is_foundation_or_voluntary:
        who = provider.foundation_governor_appointer
        out.append(
            f"{who} (who appoints the foundation governors)"
            if who
            else "The person who appoints the foundation governors"
        )
    if not tpc and not pre:
        out.append("The Secretary of State for Education")
    return tuple(out)
