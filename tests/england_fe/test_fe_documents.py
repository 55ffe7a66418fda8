"""The further education documents, read from the rendered .docx: the improvement HMI's
reporting letter (Ofsted 130012 paras 14-15) and a governing body's notice-of-concern summary."""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

import docx
import pytest

import improvement_kit_england_fe
from improvement_kit.documents import render_bytes
from improvement_kit.documents.extra_data import ExtraDataError
from improvement_kit.documents.registry import build_context
from improvement_kit.errors import InputError
from improvement_kit.plugins import Plugins, make_plugin_manager
from improvement_kit.serialization import case_from_data
from improvement_kit_england_fe.documents import sample_case_data, sample_extra_data

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    pm, problems = make_plugin_manager(load_entrypoints=False, plugins=[improvement_kit_england_fe])
    return Plugins(pm, problems)


def context(plugins: Plugins, name: str, extra: Any = None) -> Any:
    spec = plugins.template(f"england-fe:{name}")
    case = case_from_data(sample_case_data(), plugins=plugins)
    return build_context(
        spec, case, sample_extra_data() if extra is None else extra, plugins=plugins
    )


def text(plugins: Plugins, name: str, ctx: Any) -> str:
    document = docx.Document(io.BytesIO(render_bytes(plugins.template(f"england-fe:{name}"), ctx)))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_reporting_letter_confirms_actions_and_is_marked_not_for_publication(
    plugins: Plugins,
) -> None:
    ctx = context(plugins, "reporting-letter")
    # Visit Wed 10 Dec 2014; five working days following: Wed 17 Dec 2014.
    assert ctx.letter_due == D("2014-12-17") and ctx.date <= ctx.letter_due
    assert ctx.hmi is not None and ctx.hmi.title == "Her Majesty’s Inspector"
    # Found RI 15 Oct 2014: 12-24 months (FE-SC-02).
    assert (ctx.reinspection_from, ctx.reinspection_to) == (D("2015-10-15"), D("2016-10-15"))
    body = text(plugins, "reporting-letter", ctx)
    assert "NOT FOR PUBLICATION" in body
    assert "will not be published on Ofsted’s website" in body
    assert "may be shared with the funding bodies" in body
    assert "Raise the proportion of good teaching in engineering." in body
    assert "31 March 2015" in body
    assert "between 15 October 2015 and 15 October 2016" in body
    assert "two working days’ notice" in body


def test_a_reporting_letter_dated_before_its_visit_is_refused(plugins: Plugins) -> None:
    extra = copy.deepcopy(sample_extra_data())
    extra["reporting_letter"]["date"] = "2014-12-09"
    with pytest.raises(InputError, match=r"reporting_letter\.date"):
        context(plugins, "reporting-letter", extra=extra)


def test_an_agreed_action_with_an_unknown_key_is_refused_with_its_path(plugins: Plugins) -> None:
    extra = copy.deepcopy(sample_extra_data())
    extra["reporting_letter"]["actions"][1]["owner"] = "Principal"
    with pytest.raises(ExtraDataError, match=r"reporting_letter\.actions\[1\].*owner"):
        context(plugins, "reporting-letter", extra=extra)


def test_the_notice_of_concern_summary_gives_the_governors_the_dates(plugins: Plugins) -> None:
    ctx = context(plugins, "notice-of-concern-summary")
    assert ctx.compliance_due == D("2019-06-28")
    # Inadequate, report published Tue 26 Feb 2019: re-inspection within 15 months, 26 May 2020.
    assert ctx.reinspection_by == D("2020-05-26")
    body = text(plugins, "notice-of-concern-summary", ctx)
    assert "28 June 2019" in body and "26 May 2020" in body
    assert "Submit a post-inspection improvement plan to the ESFA." in body
    assert "no statute fixes them" in body
