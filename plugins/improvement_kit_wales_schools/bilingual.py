"""Welsh and English side by side: dates in both languages and text held as whole phrases.

Welsh dates are written as official Welsh pages write them, ``1 Mawrth 2026`` (day, month name,
year; no ordinal), with the month names of the Unicode CLDR data through Babel
(``format_date(day, "d MMMM y", locale="cy")``); rules-wales-fe-academies.md 1.7 found each
month name attested on legislation.gov.uk or Estyn's Welsh pages. A date starts with a numeral,
so no preposition before it ("ar", "erbyn", "o") mutates it. Weekdays are never written on their
own ("Mawrth" is both March and Tuesday).

Welsh nouns mutate after prepositions and articles ("i **W**einidogion Cymru", "i **g**orff
llywodraethu"), so the templates and the tables here hold whole phrases, never a noun joined to
a preposition by code.
"""

from __future__ import annotations

import datetime as dt

import attrs
from babel.dates import format_date

from improvement_kit.documents.extra_data import refuse

__all__ = ["BilingualDate", "Text", "english_date", "welsh_date"]


def welsh_date(day: dt.date) -> str:
    """A date as Welsh official documents write it.

    >>> welsh_date(dt.date(2026, 3, 1))
    '1 Mawrth 2026'
    >>> welsh_date(dt.date(2025, 6, 29))
    '29 Mehefin 2025'
    """
    return str(format_date(day, "d MMMM y", locale="cy"))


def english_date(day: dt.date) -> str:
    """A date as UK letters write it (``1 March 2026``), from the same CLDR data.

    >>> english_date(dt.date(2026, 3, 1))
    '1 March 2026'
    """
    return str(format_date(day, "d MMMM y", locale="en_GB"))


@attrs.frozen
class BilingualDate:
    """One date in both languages: ``cy`` (``1 Mawrth 2026``), ``en`` (``1 March 2026``)
    and the ``day`` itself."""

    #: The date itself, for code; templates print ``cy`` and ``en`` (optional for the
    #: template check).
    day: dt.date = attrs.field(metadata={"optional": True})
    cy: str
    en: str

    @classmethod
    def of(cls, day: dt.date) -> BilingualDate:
        """The date written in Welsh and in English.

        >>> BilingualDate.of(dt.date(2015, 11, 2)).cy
        '2 Tachwedd 2015'
        """
        return cls(day, welsh_date(day), english_date(day))


def _written(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        refuse(attribute, "is empty: write the text in both languages")


@attrs.frozen
class Text:
    """The same text in Welsh (``cy``) and English (``en``): a council writes both (the Welsh
    Language Standards expect Welsh not to be treated less favourably than English); neither
    may be empty."""

    cy: str = attrs.field(validator=_written)
    en: str = attrs.field(validator=_written)
