"""The grounds for intervention of SSO(W)A 2013 s.2, with the grade of each text.

The Welsh enacted text of grounds 1-7 was read verbatim (primary). The English text of s.2 could
not be read: grounds 1-3 have partial English wording (a Welsh Government FOI answer), grounds
4-6 only a paraphrase of the Welsh (unverified). Do not present a paraphrase as the statute.
"""

from __future__ import annotations

import attrs

from improvement_kit.model import VerificationGrade

__all__ = ["GROUNDS", "LEAD_IN_CY", "LEAD_IN_EN", "Ground", "ground"]

_WELSH_URL = (
    "http://legislation.data.gov.uk/anaw/2013/1/section/2/enacted/welsh?wrap=true&view=plain"
)
_FOI_URL = "https://gov.wales/atisn16033"

#: English lead-in of s.2 (primary).
LEAD_IN_EN = (
    "For the purposes of this Chapter, the grounds for intervention in the conduct of a "
    "maintained school are as follows—"
)
#: Welsh lead-in of s.2 (primary).
LEAD_IN_CY = (
    "At ddibenion y Bennod hon, mae’r seiliau dros ymyrryd ym materion rhedeg ysgol a gynhelir "
    "fel a ganlyn—"
)


@attrs.frozen
class Ground:
    """One ground: its Welsh statutory text, the best English text and their grades."""

    number: int
    welsh: str
    english: str
    welsh_grade: VerificationGrade
    english_grade: VerificationGrade
    english_source: str
    needs_warning_notice: bool
    notes: str = ""
    welsh_source: str = _WELSH_URL


GROUNDS: tuple[Ground, ...] = (
    Ground(
        1,
        "Mae safonau perfformiad disgyblion yn yr ysgol yn annerbyniol o isel. At y diben hwn, "
        "mae safonau perfformiad disgyblion yn isel os ydynt yn isel drwy gyfeirio at unrhyw un "
        "neu fwy o’r canlynol— (a) y safonau y gellid yn rhesymol ddisgwyl o dan yr holl "
        "amgylchiadau i’r disgyblion eu cyrraedd; (b) pan fo’n berthnasol, y safonau a "
        "gyrhaeddwyd ganddynt o’r blaen; (c) y safonau a gyrhaeddwyd gan ddisgyblion mewn "
        "ysgolion cyffelyb.",
        "the standards of performance of pupils at the school are unacceptably low",
        VerificationGrade.PRIMARY,
        VerificationGrade.PARTIAL,
        _FOI_URL,
        True,
        "English comparators (a)-(c) not seen; the 2011 Measure's identical comparators read: "
        "'(a) the standards that the pupils might in all the circumstances reasonably be "
        "expected to attain, (b) where relevant, the standards previously attained by them, or "
        "(c) the standards attained by pupils at comparable schools' (by analogy, V2).",
    ),
    Ground(
        2,
        "Mae methiant wedi bod yn y ffordd y mae’r ysgol yn cael ei rheoli neu ei llywodraethu.",
        "there has been a breakdown in the way the school is managed or governed",
        VerificationGrade.PRIMARY,
        VerificationGrade.PARTIAL,
        _FOI_URL,
        True,
        "No 'serious' (unlike SSFA 1998 s.15: 'serious breakdown'); the catalogue's guess that "
        "the statute may say 'serious breakdown' is contradicted by the Welsh text.",
    ),
    Ground(
        3,
        "Mae ymddygiad disgyblion yn yr ysgol neu unrhyw gamau a gymerwyd gan y disgyblion hynny "
        "neu eu rhieni yn rhagfarnu’n ddifrifol, neu’n debyg o ragfarnu’n ddifrifol, addysg "
        "unrhyw ddisgyblion yn yr ysgol.",
        "the behaviour of pupils at the school or any action taken by those pupils or their "
        "parents is severely prejudicing, or is likely to severely prejudice, the education of "
        "any pupils at the school",
        VerificationGrade.PRIMARY,
        VerificationGrade.PARTIAL,
        _FOI_URL,
        True,
        "English words after 'any actio[n' completed from the Welsh text (not the statute).",
    ),
    Ground(
        4,
        "Mae diogelwch disgyblion neu staff yr ysgol o dan fygythiad (p’un ai drwy fethiant "
        "disgyblu neu fel arall).",
        "the safety of pupils or staff of the school is threatened (whether by a breakdown of "
        "discipline or otherwise)",
        VerificationGrade.PRIMARY,
        VerificationGrade.UNVERIFIED,
        "https://legislation.gov.uk/ukpga/1998/31/section/15/2008-01-02/data.html",
        True,
        "English mirrors SSFA 1998 s.15(2)(a)(iii); the SSO(W)A English text was not read.",
    ),
    Ground(
        5,
        "Mae’r corff llywodraethu neu’r pennaeth wedi methu, neu’n debyg o fethu, â chydymffurfio "
        "â dyletswydd o dan y Deddfau Addysg.",
        "the governing body or head teacher has failed, or is likely to fail, to comply with a "
        "duty under the Education Acts",
        VerificationGrade.PRIMARY,
        VerificationGrade.UNVERIFIED,
        _WELSH_URL,
        True,
        "English is a rendering of the Welsh text, not the statute.",
    ),
    Ground(
        6,
        "Mae’r corff llywodraethu neu’r pennaeth wedi gweithredu, neu’n bwriadu gweithredu, yn "
        "afresymol wrth arfer unrhyw rai o’i swyddogaethau o dan y Deddfau Addysg.",
        "the governing body or head teacher has acted, or is proposing to act, unreasonably in "
        "the exercise of any of its or his functions under the Education Acts",
        VerificationGrade.PRIMARY,
        VerificationGrade.UNVERIFIED,
        _WELSH_URL,
        True,
        "English is a rendering of the Welsh text, not the statute.",
    ),
    Ground(
        7,
        "Mae Prif Arolygydd Ei Mawrhydi dros Addysg a Hyfforddiant yng Nghymru (“y Prif "
        "Arolygydd”) wedi rhoi hysbysiad o dan adran 37(2) o Ddeddf Addysg 2005 i ddweud bod "
        "angen gwelliant sylweddol ar yr ysgol a bod yr hysbysiad hwnnw heb ei ddisodli— …",
        "school requiring significant improvement",
        VerificationGrade.PRIMARY,
        VerificationGrade.PRIMARY,
        "https://www.legislation.gov.uk/anaw/2013/1/section/11/enacted/data.xht?view=snippet&wrap=true",
        False,
        "English is the label used in s.11(5)(a); the Welsh excerpt ends before (b).",
    ),
    Ground(
        8,
        "",
        "school requiring special measures",
        VerificationGrade.UNVERIFIED,
        VerificationGrade.PRIMARY,
        "https://www.legislation.gov.uk/anaw/2013/1/section/11/enacted/data.xht?view=snippet&wrap=true",
        False,
        "Welsh text of SAIL 8 not seen; English is the label used in s.11(5)(a).",
    ),
)


def ground(number: int) -> Ground:
    """The ground with this number (1-8); ``KeyError`` otherwise.

    >>> ground(2).english
    'there has been a breakdown in the way the school is managed or governed'
    """
    for item in GROUNDS:
        if item.number == number:
            return item
    raise KeyError(number)
