"""Turning a typed context into the plain data a template renders, with every text normalised."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["format_date", "normalise_text", "salutation", "to_template_data"]

# C0 and C1 control characters other than tab and line feed (CR is handled first), lone
# surrogates and the two non-characters XML 1.0 forbids.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def normalise_text(text: str) -> str:
    """Text as it should go into a document: NFC, ``\\n`` line ends, no control characters.

    >>> normalise_text("Ysgol Gynradd Pen-y-bryn\\r\\nw\\u0302\\x0b")
    'Ysgol Gynradd Pen-y-bryn\\nŵ'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def format_date(day: dt.date) -> str:
    """A date as UK letters write it.

    >>> format_date(dt.date(2016, 4, 18))
    '18 April 2016'
    """
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


#: Titles a UK letter greets by: "Dear Mr Sample", never "Dear Mr Sam Sample".
_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "revd",
        "rev",
        "reverend",
        "canon",
        "father",
        "sister",
        "sir",
        "dame",
        "lady",
        "lord",
        "cllr",
        "councillor",
    }
)


def _greeting(name: str) -> str:
    words = normalise_text(name).split()
    if len(words) >= 2 and words[0].rstrip(".").lower() in _TITLES:
        if words[0].rstrip(".").lower() in ("sir", "dame"):
            return f"{words[0]} {words[1]}"  # Sir Alan Example -> Dear Sir Alan
        return f"{words[0]} {words[-1]}"
    return " ".join(words)


def salutation(*names: str | None, default: str = "Sir or Madam") -> str:
    """The words after "Dear" for one or more recipients, as a UK letter writes them: title
    and surname when the name starts with a title, else the full name.

    >>> salutation("Mr Sam Sample")
    'Mr Sample'
    >>> salutation("Mrs Helen Example", "Mr Sam Sample")
    'Mrs Example and Mr Sample'
    >>> salutation("Alex Jordan")
    'Alex Jordan'
    >>> salutation(None, "")
    'Sir or Madam'
    """
    greetings = [_greeting(n) for n in names if n and n.strip()]
    if not greetings:
        return default
    if len(greetings) == 1:
        return greetings[0]
    return ", ".join(greetings[:-1]) + " and " + greetings[-1]


def to_template_data(value: Any) -> Any:
    """Plain data for Jinja from an attrs context, a mapping or a scalar.

    Strings are normalised, dates written as ``18 April 2016``, enumerations become their
    values, sequences become lists; ``None`` values are left out of mappings, so a missing
    field is *undefined* in the template (``{{ x | default('') }}`` works). Objects with an
    ``__html__`` method (docxtpl ``RichText``, ``Listing``) are passed through unchanged.
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        if isinstance(value, enum.Enum):
            return normalise_text(str(value.value))
        return normalise_text(value)
    if isinstance(value, enum.Enum):
        return to_template_data(value.value)
    if isinstance(value, dt.datetime):
        return format_date(value.date())
    if isinstance(value, dt.date):
        return format_date(value)
    if hasattr(value, "__html__"):
        return value
    if attrs.has(type(value)):
        return {
            field.name: to_template_data(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if getattr(value, field.name) is not None
        }
    if isinstance(value, Mapping):
        return {str(k): to_template_data(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_template_data(v) for v in value]
    return normalise_text(str(value))
