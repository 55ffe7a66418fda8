"""A timeline's powers can be read as typed values: legal basis, holder, preconditions and
the window in which each can be exercised."""

from __future__ import annotations

from improvement_kit.model import Nature, VerificationGrade
from tests.england_maintained.england_cases import COMMUNITY, d, timeline


def test_powers_after_an_old_warning_notice_carry_their_window_and_preconditions() -> None:
    # Worked example 1 and 3: compliance period ends Tue 13 Jan 2015; reasonable notice
    # Tue 20 Jan 2015; s.64 window closes on the corresponding date two months later,
    # Fri 13 Mar 2015; s.65 has no window.
    tl = timeline(
        {"type": "warning-notice-given", "date": "2014-12-18"},
        {"type": "reasonable-notice-given", "date": "2015-01-20"},
        provider=COMMUNITY,
    )
    powers = {p.id: p for p in tl.powers()}
    s64 = powers["la-power.s64"]
    assert (s64.window.start, s64.window.end) == (d("2015-01-20"), d("2015-03-13"))
    assert s64.preconditions == ("the school is eligible for intervention (s.60)",)
    assert s64.legal_basis.citation.startswith("EIA 2006 s.64")
    assert (s64.grade, s64.nature) == (VerificationGrade.PRIMARY, Nature.LAW)
    assert powers["la-power.s65"].window.end is None
