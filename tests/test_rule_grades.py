"""A rule graded primary must rest on a source that can be primary: a law row on
legislation.gov.uk, a national-policy row on a government or inspectorate site (gov.uk,
gov.wales: Ofsted, Estyn, DfE, the Welsh Government), never a blog, the press or a summary.
A council's own procedure is the primary source for its local policy, so local rows are free."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from improvement_kit.kit import Kit
from improvement_kit.model import Nature, VerificationGrade

JURISDICTIONS = ("england-maintained", "england-academies", "england-fe", "wales-schools")
GOVERNMENT = ("gov.uk", "gov.wales")


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _government(host: str) -> bool:
    return any(_under(host, d) for d in GOVERNMENT) and "blog" not in host.split(".")


def _primary_rows() -> list[tuple[str, str, str, Nature]]:
    kit = Kit.load()
    return [
        (jurisdiction, rule.id, urlparse(rule.source.url).hostname or "", rule.nature)
        for jurisdiction in JURISDICTIONS
        for rule in kit.rule_book(jurisdiction)
        if rule.grade is VerificationGrade.PRIMARY and rule.nature is not Nature.LOCAL_POLICY
    ]


def test_primary_law_rows_cite_legislation() -> None:
    wrong = [
        (j, rule_id, host)
        for j, rule_id, host, nature in _primary_rows()
        if nature is Nature.LAW and not _under(host, "legislation.gov.uk")
    ]
    assert wrong == []


def test_primary_national_policy_rows_cite_government_or_inspectorate_sites() -> None:
    wrong = [
        (j, rule_id, host)
        for j, rule_id, host, nature in _primary_rows()
        if nature is Nature.NATIONAL_POLICY and not _government(host)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("www.ofsted.gov.uk", True),
        ("annual-report.estyn.gov.wales", True),
        ("educationinspection.blog.gov.uk", False),
        ("schoolsweek.co.uk", False),
        ("notgov.uk", False),
    ],
)
def test_the_host_check_itself(host: str, allowed: bool) -> None:
    assert _government(host) is allowed
