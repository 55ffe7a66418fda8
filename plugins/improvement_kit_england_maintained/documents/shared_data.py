"""The extra data every document shares: the authority, its officers, the school."""

from __future__ import annotations

import attrs

from improvement_kit.documents.extra_data import Text

__all__ = ["LocalAuthorityData", "PersonData", "SchoolData"]


@attrs.frozen(kw_only=True)
class LocalAuthorityData:
    """``local_authority``: the authority sending the document."""

    #: Its name (else the case's ``provider.local_authority``).
    name: Text | None = None
    #: The department or service (``Children's Services``).
    department: Text | None = None
    #: The postal address, one line per line.
    address: Text | None = None
    #: The telephone number letters give.
    telephone: Text | None = None
    #: The e-mail address letters give.
    email: Text | None = None


@attrs.frozen(kw_only=True)
class PersonData:
    """A named officer: ``signatory`` (signs letters and notices), ``officer`` (the contact),
    ``senior_adviser`` (signs the statement of action, prepares the plan, records reviews)."""

    #: Title and name, as letters print them (``Dr Ruth Marston``).
    name: Text | None = None
    #: The post held (``Director of Children's Services``).
    title: Text | None = None
    #: A direct telephone number (optional).
    telephone: Text | None = None
    #: An e-mail address (optional).
    email: Text | None = None


@attrs.frozen(kw_only=True)
class SchoolData:
    """``school``: what the case file's provider does not say, or says otherwise."""

    #: The school's name, if not the provider's.
    name: Text | None = None
    #: The school's address, if not the provider's.
    address: Text | None = None
    #: The headteacher, if not the provider's (title and name).
    head_teacher: Text | None = None
    #: The chair of governors, if not the provider's (title and name).
    chair_of_governors: Text | None = None
    #: The DfE number, the LA code and establishment number (``999/3031``).
    dfe_number: Text | None = None
