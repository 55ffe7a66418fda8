"""A case: a provider, the jurisdiction whose rules apply, and what has happened."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from typing import TypeVar, cast

import attrs

from improvement_kit.calendar import Closure
from improvement_kit.model.events import Event, Inspection, TermDates
from improvement_kit.model.providers import Provider

__all__ = ["Case"]

E = TypeVar("E", bound=Event)


def _sorted_events(events: tuple[Event, ...] | list[Event]) -> tuple[Event, ...]:
    return tuple(sorted(events, key=lambda e: e.date))


@attrs.frozen
class Case:
    """Everything the timeline engine needs about one provider.

    ``events`` are kept in date order (stable for events on the same day).
    ``school_holidays`` are the school's own holidays (only those longer than a week change
    the school's working-day calendar); ``closures`` are extra non-working days applied to
    every calendar of the case (an LA's office closure, say).
    """

    jurisdiction: str
    provider: Provider
    events: tuple[Event, ...] = attrs.field(converter=_sorted_events, factory=tuple)
    school_holidays: tuple[Closure, ...] = ()
    closures: tuple[Closure, ...] = ()
    region: str | None = None
    reference: str | None = None
    _index: dict[type[Event], tuple[list[dt.date], list[Event]]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False, hash=False
    )

    def _of_class(self, cls: type[Event]) -> tuple[list[dt.date], list[Event]]:
        # Built once per class and case (the case is immutable), so that a case of thousands
        # of events costs linear time, not a scan per notice.
        found = self._index.get(cls)
        if found is None:
            events = [e for e in self.events if isinstance(e, cls)]
            found = ([e.date for e in events], events)
            self._index[cls] = found
        return found

    def of_type(self, cls: type[E]) -> list[E]:
        """The events of one class, in date order."""
        return cast("list[E]", list(self._of_class(cls)[1]))

    def of_type_from(self, cls: type[E], day: dt.date) -> list[E]:
        """The events of one class on or after ``day``, in date order."""
        dates, events = self._of_class(cls)
        return cast("list[E]", events[bisect.bisect_left(dates, day) :])

    def inspections(self) -> list[Inspection]:
        """The inspections, in date order."""
        return self.of_type(Inspection)

    def all_school_holidays(self) -> tuple[Closure, ...]:
        """``school_holidays`` plus the holidays given inline in ``term-dates`` events."""
        extra = [h for e in self.of_type(TermDates) for h in e.holidays]
        return (*self.school_holidays, *extra)

    def events_between(self, after: dt.date, until: dt.date | None = None) -> Iterator[Event]:
        """Events strictly after ``after`` and, if given, on or before ``until``."""
        for event in self.of_type_from(Event, after + dt.timedelta(days=1)):
            if until is not None and event.date > until:
                return
            yield event
