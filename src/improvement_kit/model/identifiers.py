"""The identifiers of providers, each checked by its own rule, always as text.

Identifiers are codes, not numbers: leading digits matter and arithmetic means nothing, so a case
file must write them as text (``urn: "100001"``); a number is refused rather than turned into
text. Each function returns the identifier unchanged or raises :class:`ValueError` with a
sentence saying what is wrong.

URN (unique reference number)
    6 or 7 digits, the first not zero. Every URN in the GIAS establishment links extract of
    27 July 2025 (68,088 URNs, 100006 to 402481) has 6 digits; Ofsted gives some providers
    registered with it later (further education and skills, for example) 7 digits.
UKPRN (UK provider reference number)
    8 digits starting with 1 (the UK Register of Learning Providers allocates 10000000-19999999).
LA code
    3 digits: the DfE/GIAS code of a local authority (``LA (code)`` in GIAS, e.g. 830 for
    Derbyshire); English authorities use 201-938, Welsh ones 660-681.
LAESTAB
    7 digits: the 3-digit LA code followed by the 4-digit establishment number (``LAESTAB`` in
    Ofsted's management information). When the LA code is known, the LAESTAB must begin with it.
Welsh school number
    7 digits in the same form: a Welsh LA code (660-681) and a 4-digit establishment number, as
    Welsh Government and Estyn publish them (e.g. ``6602001``).

>>> urn("100001")
'100001'
>>> urn("0100001")
Traceback (most recent call last):
...
ValueError: '0100001' is not a URN (6 or 7 digits, the first not 0)
>>> welsh_school_number("6602001", la="660")
'6602001'
"""

from __future__ import annotations

import re

__all__ = [
    "WELSH_LA_CODES",
    "la_code",
    "laestab",
    "provider_identifier",
    "ukprn",
    "urn",
    "welsh_school_number",
]

#: The LA codes of the 22 Welsh principal councils (660 Isle of Anglesey ... 681 Cardiff).
WELSH_LA_CODES = frozenset(str(code) for code in range(660, 682))

# [0-9], not \d: \d would also accept other scripts' digits such as '١٢٣'.
_URN = re.compile(r"[1-9][0-9]{5,6}")
_UKPRN = re.compile(r"1[0-9]{7}")
_LA_CODE = re.compile(r"[0-9]{3}")
_LAESTAB = re.compile(r"[0-9]{7}")


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text: write a {what} in quotes")
    return value


def urn(value: object) -> str:
    """A URN: 6 or 7 ASCII digits, the first not zero."""
    text = _text(value, "URN")
    if not _URN.fullmatch(text):
        raise ValueError(f"{text!r} is not a URN (6 or 7 digits, the first not 0)")
    return text


def ukprn(value: object) -> str:
    """A UKPRN: 8 ASCII digits starting with 1."""
    text = _text(value, "UKPRN")
    if not _UKPRN.fullmatch(text):
        raise ValueError(f"{text!r} is not a UKPRN (8 digits starting with 1)")
    return text


def la_code(value: object) -> str:
    """A GIAS local-authority code: 3 ASCII digits (``"830"``)."""
    text = _text(value, "local-authority code")
    if not _LA_CODE.fullmatch(text):
        raise ValueError(f"{text!r} is not a local-authority code (3 digits)")
    return text


def laestab(value: object, *, la: str | None = None) -> str:
    """A LAESTAB: 7 ASCII digits, beginning with the LA code ``la`` when it is given."""
    text = _text(value, "LAESTAB")
    if not _LAESTAB.fullmatch(text):
        raise ValueError(f"{text!r} is not a LAESTAB (7 digits: LA code and establishment)")
    if la is not None and not text.startswith(la):
        raise ValueError(f"{text!r} does not begin with the local-authority code {la!r}")
    return text


def welsh_school_number(value: object, *, la: str | None = None) -> str:
    """A Welsh school number: 7 ASCII digits beginning with a Welsh LA code (660-681), and with
    ``la`` when it is given."""
    text = _text(value, "school number")
    if not _LAESTAB.fullmatch(text) or text[:3] not in WELSH_LA_CODES:
        raise ValueError(
            f"{text!r} is not a Welsh school number (7 digits beginning with a Welsh "
            "local-authority code, 660-681)"
        )
    if la is not None and not text.startswith(la):
        raise ValueError(f"{text!r} does not begin with the local-authority code {la!r}")
    return text


def provider_identifier(value: object, *, welsh: bool, la: str | None = None) -> str:
    """A provider's identifier: a Welsh school number for a Welsh provider, otherwise a URN."""
    return welsh_school_number(value, la=la) if welsh else urn(value)
