"""The documents are worded as a UK council writes: salutations, sign-offs, dates, one
apostrophe, and derived values that cannot contradict the values they come from."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

import attrs
import pytest

from improvement_kit.documents import render_bytes, salutation
from improvement_kit.errors import InputError
from improvement_kit.plugins import Plugins

from ..documents.conftest import all_text
from .conftest import ROOT, TEMPLATE_NAMES


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("Mr Sam Sample",), "Mr Sample"),
        (("Mrs Helen Example", "Mr Sam Sample"), "Mrs Example and Mr Sample"),
        (("Dr Ruth Marston",), "Dr Marston"),
        (("Alex Jordan",), "Alex Jordan"),
        (("Ms Alex Example", None), "Ms Example"),
        (("Sir Alan Example",), "Sir Alan"),
        ((None, ""), "Sir or Madam"),
    ],
)
def test_a_salutation_is_title_and_surname_or_the_full_name(
    names: tuple[str | None, ...], expected: str
) -> None:
    assert salutation(*names) == expected


@pytest.mark.parametrize(
    ("template", "greeting"),
    [
        ("warning-notice", "Dear Mr Sample,"),
        ("tpc-warning-notice", "Dear Mr Sample,"),
        ("proposed-intervention-notice", "Dear Mr Sample,"),
        ("causes-of-concern-letter", "Dear Mrs Example and Mr Sample,"),
        ("removal-letter", "Dear Mrs Example and Mr Sample,"),
    ],
)
def test_each_letter_greets_its_readers_by_title_and_surname(
    plugins: Plugins, contexts: dict[str, Any], template: str, greeting: str
) -> None:
    spec = plugins.template(f"england-maintained:{template}")
    text = all_text(render_bytes(spec, contexts[spec.id]))
    assert greeting in text
    assert not re.search(r"Dear (Mr|Mrs|Ms|Dr) \w+ (?!and\b)\w+", text)


def test_the_salutation_follows_the_school_when_the_context_is_changed(
    contexts: dict[str, Any],
) -> None:
    context = contexts["england-maintained:warning-notice"]
    changed = attrs.evolve(
        context, school=attrs.evolve(context.school, chair_of_governors="Revd Jo Lee")
    )
    assert changed.salutation == "Revd Lee"


def test_the_statement_of_action_is_signed_by_the_senior_adviser_not_the_director(
    plugins: Plugins, contexts: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:statement-of-action")
    text = all_text(render_bytes(spec, contexts[spec.id]))
    assert "Name of senior adviser\nMrs Anna Fielding, Senior Adviser, School Improvement" in text
    assert "Director of Children’s Services" not in text


def test_the_progress_review_says_who_recorded_it(
    plugins: Plugins, contexts: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:progress-review")
    text = all_text(render_bytes(spec, contexts[spec.id]))
    assert "Recorded by\nMrs Anna Fielding, Senior Adviser, School Improvement" in text


def test_the_removal_letter_states_the_monitoring_period_once(
    plugins: Plugins, contexts: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:removal-letter")
    text = all_text(render_bytes(spec, contexts[spec.id]))
    assert "lighter-touch monitoring for 12 months, until 14 May 2028." in text
    assert "at least 12 months: for" not in text


def test_changing_the_target_months_moves_the_target_date_with_them(
    plugins: Plugins, contexts: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:statement-of-action")
    context = contexts[spec.id]
    assert (context.target_months, context.target_date) == (18, dt.date(2027, 5, 19))
    twelve = attrs.evolve(context, target_months=12)
    assert twelve.target_date == dt.date(2026, 11, 19)
    text = all_text(render_bytes(spec, twelve))
    assert (
        "within a maximum of 12 months. The target date for removal is therefore 19 November 2026."
        in text
    )


def test_a_target_date_that_contradicts_its_months_is_refused(contexts: dict[str, Any]) -> None:
    context = contexts["england-maintained:statement-of-action"]
    with pytest.raises(InputError, match="is not 18 months after 19 November 2025"):
        attrs.evolve(context, target_date_given=dt.date(2027, 1, 1))


def test_changing_the_monitoring_months_moves_their_end_and_keeps_the_minimum(
    contexts: dict[str, Any],
) -> None:
    context = contexts["england-maintained:removal-letter"]
    assert attrs.evolve(context, monitoring_months=18).monitoring_until == dt.date(2028, 11, 14)
    with pytest.raises(InputError, match="12 months"):
        attrs.evolve(context, monitoring_months=6)


def test_the_sample_statement_of_action_is_dated_before_its_deadline(
    contexts: dict[str, Any],
) -> None:
    context = contexts["england-maintained:statement-of-action"]
    assert context.date is not None and context.due is not None
    assert context.date <= context.due


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_the_templates_use_curly_apostrophes_only(name: str) -> None:
    data = (ROOT / "templates" / "england_maintained" / f"{name}.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8").split("?>", 1)[1]
    words = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    prose = re.sub(r"\{[{%].*?[%}]\}", "", words)  # Jinja's own quotes are code, not prose
    assert "&apos;" not in prose and "'" not in prose
    assert "&apos;" not in core and "'" not in core


def test_dates_are_written_in_uk_long_form(plugins: Plugins, contexts: dict[str, Any]) -> None:
    spec = plugins.template("england-maintained:warning-notice")
    text = all_text(render_bytes(spec, contexts[spec.id]))
    assert "Date: 6 October 2025" in text and "ends on 3 November 2025" in text
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", text)
