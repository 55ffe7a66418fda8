"""The extra data of the letters: causes of concern, and removal from the list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from improvement_kit.documents.extra_data import Text, WholeNumber, refuse

__all__ = ["MIN_MONITORING_MONTHS", "CausesOfConcernData", "RemovalData"]

#: Lighter-touch monitoring after removal lasts at least this many months (seed 004).
MIN_MONITORING_MONTHS = 12


@attrs.frozen(kw_only=True)
class CausesOfConcernData:
    """``causes_of_concern``: the letter confirming the agreed causes of concern."""

    #: The date the letter bears (else the top-level ``document_date``, else the meeting's).
    document_date: dt.date | None = None
    #: The day the concerns were discussed with the school.
    meeting_date: dt.date | None = None
    #: The causes of concern agreed.
    concerns: tuple[Text, ...] | None = None
    #: What the school agreed to do.
    agreed_actions: tuple[Text, ...] | None = None
    #: The support the authority offers.
    support: tuple[Text, ...] | None = None
    #: When progress will be reviewed (optional).
    review_date: dt.date | None = None


def _at_least_minimum(instance: Any, attribute: attrs.Attribute[Any], months: int | None) -> None:
    del instance
    if months is not None and months < MIN_MONITORING_MONTHS:
        refuse(
            attribute,
            f"{months!r} is less than the {MIN_MONITORING_MONTHS} months of exit monitoring",
        )


@attrs.frozen(kw_only=True)
class RemovalData:
    """``removal``: the letter confirming removal from the schools causing concern list."""

    #: The day the school left its category (else the case's ``category-removed`` event).
    removed_on: dt.date | None = None
    #: The date the letter bears (else the top-level ``document_date``, else ``removed_on``).
    document_date: dt.date | None = None
    #: Months of lighter-touch monitoring after removal (12 if not given, never fewer).
    monitoring_months: WholeNumber | None = attrs.field(default=None, validator=_at_least_minimum)
    #: What the monitoring consists of.
    exit_arrangements: tuple[Text, ...] | None = None
