"""The exceptions improvement_kit raises.

Every error the library raises on purpose is an :class:`ImprovementKitError`, so a caller can
catch one class. The tree::

    ImprovementKitError
    ├── CalendarError               a date or count the calendar cannot answer
    │   ├── UnknownRegionError      a region name that is not one of the three GOV.UK divisions
    │   ├── DateOutOfRangeError     a date outside the range the calendar holds
    │   └── NoCorrespondingDateError  months_following(..., missing="error") with no such day
    ├── InputError                  bad input data; ``path`` names the field, ``value`` the value
    │   ├── CaseFileError           a case file that cannot be read or does not validate
    │   └── ExtraDataError          a document's --data that does not fit its data class
    │                               (in improvement_kit.documents; every problem listed)
    ├── RuleDataError               a rule table that does not validate (file, row, field)
    ├── DataFileError               a data file (inspection history, links) that cannot be
    │                               read: the message names file, row and column
    ├── NoRuleInForceError          no version of a rule is in force on the date asked
    ├── PluginError                 a plugin that failed to load, returned bad data, raised
    │                               or called ``sys.exit`` (named in the message)
    ├── OutputError                 an output path that is a folder, an input, or unwritable
    │   ├── OutputExistsError       the output file exists and overwriting was not asked for
    │   └── DocumentOutputError     the same, met while writing a document (a DocumentError)
    └── DocumentError               document generation failed
        ├── TemplateError           a template that cannot be found, parsed or checked
        │   └── TemplateLimitError  a template that exceeds a bound (time, size, loops...)
        ├── HouseStyleError         a house style that is not a .docx, lacks a style or has macros
        ├── MissingFieldsError      the context lacks fields the template needs (all listed)
        ├── OutputExistsError       (also a DocumentError, for callers of the document API)
        └── DocumentOutputError     (also an OutputError)

The command line prints ``str(error)`` (one line) and exits with status 2 for any of these.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CalendarError",
    "CaseFileError",
    "DataFileError",
    "DateOutOfRangeError",
    "DocumentError",
    "DocumentOutputError",
    "HouseStyleError",
    "ImprovementKitError",
    "InputError",
    "MissingFieldsError",
    "NoCorrespondingDateError",
    "NoRuleInForceError",
    "OutputError",
    "OutputExistsError",
    "PluginError",
    "RuleDataError",
    "TemplateError",
    "TemplateLimitError",
    "UnknownRegionError",
]


class ImprovementKitError(Exception):
    """Base class of every error improvement_kit raises on purpose."""


class CalendarError(ImprovementKitError, ValueError):
    """A calendar question that cannot be answered (bad count, bad range)."""


class UnknownRegionError(CalendarError):
    """A region name that is not ``england-and-wales``, ``scotland`` or ``northern-ireland``."""


class DateOutOfRangeError(CalendarError):
    """A date outside the years the calendar covers."""


class NoCorrespondingDateError(CalendarError):
    """A month count lands on a day the target month lacks, and clamping was refused."""


class InputError(ImprovementKitError, ValueError):
    """Bad input: ``path`` names the field (``events[2].date``) and ``value`` the value."""

    def __init__(self, path: str, value: object, problem: str) -> None:
        self.path = path
        self.value = value
        self.problem = problem
        super().__init__(f"{path}: {value!r} {problem}" if path else f"{value!r} {problem}")


#: The longest message a :class:`CaseFileError` line has (about 300 characters once the
#: command line's ``improvement-kit: error:`` is added); longer problems are cut with "…".
MAX_MESSAGE = 276


def _one_line(text: str, limit: int) -> str:
    """``text`` on one line (line breaks become spaces), cut to ``limit`` characters."""
    flat = " ".join(text.splitlines())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class CaseFileError(ImprovementKitError, ValueError):
    """A case file that cannot be read or validated; ``errors`` lists every problem found.

    Each problem is one line, and ``source: problem`` is at most :data:`MAX_MESSAGE`
    characters (very long file names aside): a long value is cut short with an ellipsis.
    """

    def __init__(self, source: str, errors: Sequence[str]) -> None:
        self.source = source
        prefix = f"{source}: " if source else ""
        limit = max(80, MAX_MESSAGE - len(prefix))
        self.errors = tuple(_one_line(e, limit) for e in errors)
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        first = self.errors[0] if self.errors else "invalid case file"
        super().__init__(f"{prefix}{_one_line(first, max(60, limit - len(more)))}{more}")


class RuleDataError(ImprovementKitError, ValueError):
    """A rule table that does not validate; the message names the file, the row and the field."""

    def __init__(self, file: str, row: str | int | None, field: str | None, problem: str) -> None:
        self.file = file
        self.row = row
        self.field = field
        self.problem = problem
        where = file
        if row is not None:
            where += f", row {row}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {problem}")


class DataFileError(ImprovementKitError, ValueError):
    """A data file (an Ofsted management-information CSV, a GIAS links file, a types file)
    that cannot be read: one line naming the file, the row (the header is row 1, as a
    spreadsheet shows it) and the column."""

    def __init__(self, file: str, row: int | None, column: str | None, problem: str) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.problem = problem
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(_one_line(f"{where}: {problem}", MAX_MESSAGE))


class NoRuleInForceError(ImprovementKitError, LookupError):
    """No version of the named rule is in force on the date asked."""


class PluginError(ImprovementKitError):
    """A plugin failed to load, or one of its hooks returned something invalid."""


class DocumentError(ImprovementKitError):
    """Document generation failed; no output file was left behind."""


class TemplateError(DocumentError):
    """A template that cannot be found, parsed or rendered."""


class HouseStyleError(DocumentError):
    """A house style that is not a Word .docx, lacks a style the templates use, or holds
    macros; nothing is written."""


class TemplateLimitError(TemplateError):
    """A template that exceeds one of the bounds of
    :class:`~improvement_kit.documents.limits.Limits`; ``limit`` names it."""

    def __init__(self, template: str, limit: str, value: object, what: str) -> None:
        self.template = template
        self.limit = limit
        self.value = value
        option = "--max-render-seconds N" if limit == "max_render_seconds" else f"--limit {limit}=N"
        super().__init__(
            f"{template}: the template cannot be rendered: {what} is over the limit "
            f"{limit}={value} (raise it with {option})"
        )


class MissingFieldsError(DocumentError):
    """The context lacks fields the template uses; ``fields`` lists every one of them."""

    def __init__(self, template_id: str, fields: Sequence[str]) -> None:
        self.template_id = template_id
        self.fields = tuple(fields)
        super().__init__(
            f"{template_id}: missing field{'s' if len(self.fields) != 1 else ''}: "
            + ", ".join(self.fields)
        )


class OutputError(ImprovementKitError):
    """An output path that cannot be written: a folder, one of the command's inputs, a
    folder without write permission. Nothing is written."""


class OutputExistsError(OutputError, DocumentError, FileExistsError):
    """The output file exists and ``force``/``--force`` was not given."""


class DocumentOutputError(OutputError, DocumentError):
    """An output path of a document that cannot be written (a folder, an input, no
    permission): both an :class:`OutputError` and a :class:`DocumentError`."""
