"""The academies documents: what each states, read from the rendered .docx, and the extra data
refused with its path. Dates are the case's and the law's, counted by hand in the comments."""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

import docx
import pytest

import improvement_kit_england_academies
from improvement_kit.documents import render_bytes
from improvement_kit.documents.extra_data import ExtraDataError
from improvement_kit.documents.registry import build_context
from improvement_kit.errors import InputError
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit_england_academies.documents import sample_case_data, sample_extra_data

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(
        load_entrypoints=False, plugins=[improvement_kit_england_academies]
    )
    return Plugins(pm, problems)


def context(
    plugins: Plugins, name: str, case: dict[str, Any] | None = None, extra: Any = None
) -> Any:
    spec = plugins.template(f"england-academies:{name}")
    the_case = case_from_data(case or sample_case_data(), plugins=plugins)
    return build_context(
        spec, the_case, sample_extra_data() if extra is None else extra, plugins=plugins
    )


def text(plugins: Plugins, name: str, ctx: Any) -> str:
    data = render_bytes(plugins.template(f"england-academies:{name}"), ctx)
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_letter_of_concern_states_its_grounds_matters_copies_and_escalation(
    plugins: Plugins,
) -> None:
    ctx = context(plugins, "letter-of-concern")
    body = text(plugins, "letter-of-concern", ctx)
    assert "standards of pupils’ performance are unacceptably low" in body
    assert "Progress 8 has been well below average for three years." in body
    assert "by 23 March 2026" in body
    # 2 Mar 2026 is after the ESFA closed (31 Mar 2025): the Department itself funds academies.
    assert "to the Department for Education, to Ofsted or, in the final resort" in body
    assert "Ms Jan Example, Chair of the Board of Trustees, Example Valley Learning Trust" in body
    assert "Mr Lee Sample, Regional Director, Example Region" in body
    assert "no power to require action" in body
    assert ctx.meta.rule_ids == ("AC-LA-01",)


def test_a_letter_of_concern_in_2016_names_the_education_funding_agency(
    plugins: Plugins,
) -> None:
    extra = sample_extra_data()
    extra["letter_of_concern"] = {**extra["letter_of_concern"], "date": "2016-05-03"}
    extra["letter_of_concern"]["response_by"] = "2016-05-24"
    assert context(plugins, "letter-of-concern", extra=extra).funding_body == (
        "the Education Funding Agency"
    )


@pytest.mark.parametrize(
    ("change", "words"),
    [
        pytest.param(
            {"groundz": ["safety"]},
            ["letter_of_concern", "groundz", "grounds"],
            id="an unknown key is named with the nearest valid one",
        ),
        pytest.param(
            {"grounds": ["low-standard"]},
            ["letter_of_concern.grounds[0]", "low-standards"],
            id="an unknown ground is named with the allowed values",
        ),
        pytest.param(
            {"response_by": "2026-03-01"},
            ["letter_of_concern", "not after the letter's date"],
            id="a response date before the letter is refused",
        ),
        pytest.param(
            {"grounds": []},
            ["letter_of_concern", "'grounds' must be >= 1"],
            id="a letter without grounds is refused",
        ),
    ],
)
def test_bad_letter_data_is_refused_with_its_path(
    plugins: Plugins, change: dict[str, Any], words: list[str]
) -> None:
    extra = copy.deepcopy(sample_extra_data())
    extra["letter_of_concern"].update(change)
    with pytest.raises(ExtraDataError) as caught:
        context(plugins, "letter-of-concern", extra=extra)
    message = str(caught.value)
    for word in words:
        assert word in message, message


def test_the_termination_warning_notice_states_every_date_s2b_requires(plugins: Plugins) -> None:
    ctx = context(plugins, "termination-warning-notice")
    assert ctx.statutory and ctx.coasting_notified_on == D("2026-01-12")
    assert (ctx.action_by, ctx.respond_by) == (D("2026-03-27"), D("2026-02-16"))
    # s.2B(4): the earlier date, Mon 16 Feb 2026, + 1 day.
    assert ctx.power_from == D("2026-02-17")
    body = text(plugins, "termination-warning-notice", ctx)
    assert "improve the academy by 27 March 2026" in body
    assert "respond to the Secretary of State by 16 February 2026" in body
    assert "whether by failing to take the specified action, or to respond, on time" in body
    assert "17 February 2026" in body
    assert set(ctx.meta.rule_ids) == {"AC-2B-02", "AC-2B-03", "AC-2B-04"}


def test_a_funding_agreement_notice_before_18_april_2016_uses_the_agreements_words(
    plugins: Plugins,
) -> None:
    case = sample_case_data()
    case["events"] = [
        {
            "type": "termination-warning-notice-given",
            "date": "2015-06-01",
            "respond_by": "2015-06-16",
            "action_by": "2015-07-17",
        }
    ]
    ctx = context(plugins, "termination-warning-notice", case=case)
    assert not ctx.statutory and ctx.power_from is None
    body = text(plugins, "termination-warning-notice", ctx)
    assert "section 2B" not in body
    assert "under clause 5.4 of the supplemental funding agreement" in body
    assert "by 17 July 2015" in body and "by 16 June 2015" in body


def test_within_15_days_in_a_notice_is_shown_as_the_timeline_reads_it(plugins: Plugins) -> None:
    case = sample_case_data()
    case["events"][1] = {
        "type": "termination-warning-notice-given",
        "date": "2026-02-02",
        "compliance_period": "within 15 days",
    }
    ctx = context(plugins, "termination-warning-notice", case=case)
    # Stored reading: calendar days, Mon 2 Feb + 15 = Tue 17 Feb 2026 (worked example 15).
    assert ctx.respond_by == D("2026-02-17") == ctx.action_by


def test_a_coasting_notice_before_the_definition_is_refused(plugins: Plugins) -> None:
    case = sample_case_data()
    case["events"] = [{"type": "coasting-notification", "date": "2017-01-10"}]
    with pytest.raises(InputError, match="11 Jan 2017"):
        context(plugins, "coasting-notice", case=case)


def test_the_coasting_notice_says_a_termination_warning_notice_must_come_first(
    plugins: Plugins,
) -> None:
    body = text(plugins, "coasting-notice", context(plugins, "coasting-notice"))
    assert "section 2B(1)(b) of the Academies Act 2010, given on 12 January 2026" in body
    assert "must give the trust a termination warning notice (section 2B(2))" in body
