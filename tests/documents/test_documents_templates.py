"""Every England template renders real documents from fixture data full of awkward text."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest

from improvement_kit.documents import (
    build_context,
    check_template,
    render_bytes,
    render_to_file,
)
from improvement_kit.errors import MissingFieldsError
from improvement_kit.plugins import Plugins
from improvement_kit.serialization import case_from_data

from .conftest import NASTY, all_text

TEMPLATE_IDS = [
    "england-maintained:warning-notice",
    "england-maintained:tpc-warning-notice",
    "england-maintained:causes-of-concern-letter",
    "england-maintained:proposed-intervention-notice",
    "england-maintained:statement-of-action",
    "england-maintained:plan-of-action",
    "england-maintained:progress-review",
    "england-maintained:removal-letter",
]


def nasty_context(value: Any) -> Any:
    """The context with NASTY appended to every text field (dates, flags and meta kept)."""
    if isinstance(value, str):
        return f"{value} {NASTY}"
    if isinstance(value, tuple):
        return tuple(nasty_context(v) for v in value)
    if attrs.has(type(value)):
        changes = {
            f.name: nasty_context(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if f.name != "meta"
            and f.init
            and (
                isinstance(getattr(value, f.name), (str, tuple))
                or attrs.has(type(getattr(value, f.name)))
            )
        }
        return attrs.evolve(value, **changes)
    return value


@pytest.fixture(scope="module")
def contexts(plugins: Plugins) -> dict[str, Any]:
    from improvement_kit_england_maintained.documents import sample_case_data, sample_extra_data

    case = case_from_data(sample_case_data())
    extra = sample_extra_data()
    return {
        tid: build_context(plugins.template(tid), case, extra, plugins=plugins)
        for tid in TEMPLATE_IDS
    }


def test_the_eight_templates_are_registered(plugins: Plugins) -> None:
    assert [s.id for s in plugins.templates()] == sorted(TEMPLATE_IDS)
    for spec in plugins.templates():
        assert spec.resource.is_file(), spec.resource
        assert spec.language == "en-GB" and spec.plugin.startswith("improvement_kit_england")


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_each_shipped_template_passes_its_own_check(plugins: Plugins, template_id: str) -> None:
    spec = plugins.template(template_id)
    problems = check_template(
        spec.resource.read_bytes(),
        context_type=spec.context_type,
        optional_fields=spec.optional_fields,
    )
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_awkward_text_in_every_field_comes_out_exactly(
    plugins: Plugins, contexts: dict[str, Any], template_id: str, tmp_path: Path
) -> None:
    spec = plugins.template(template_id)
    context = nasty_context(contexts[template_id])
    out = render_to_file(spec, context, tmp_path / "doc.docx")
    data = out.read_bytes()
    document = docx.Document(io.BytesIO(data))  # opens: the XML is valid
    assert document.paragraphs
    text = all_text(data)
    assert "{{" not in text and "{%" not in text and "%}" not in text
    assert f"{context.school.name}" in text
    assert text.count(NASTY) >= 5
    assert "&amp;" not in text and "&lt;" not in text


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_two_renders_are_byte_identical(
    plugins: Plugins, contexts: dict[str, Any], template_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    spec = plugins.template(template_id)
    first = render_bytes(spec, contexts[template_id])
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86_400 * 3)  # the clock moves on
    second = render_bytes(spec, contexts[template_id])
    assert first == second


def test_core_properties_come_from_the_case_with_provenance(
    plugins: Plugins, contexts: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:statement-of-action")
    data = render_bytes(spec, contexts[spec.id])
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Statement of action: Hill & Dale Church of England Primary School"
    assert props.author == "Exampleshire County Council"
    assert props.created.date() == dt.date(2025, 12, 19) == props.modified.date()
    assert props.identifier == "EXC-SCC-2026-031"
    assert "improvement_kit 0.1.0" in props.comments
    assert "improvement_kit_england_maintained 0.1.0" in props.comments
    assert "england-maintained:statement-of-action" in props.keywords
    assert "EM-INSP-05" in props.keywords  # the rule the due date rests on


def test_the_statement_of_action_due_date_comes_from_the_timeline(
    contexts: dict[str, Any],
) -> None:
    # final report received Friday 12 Dec 2025; the sample gives no school holidays, so the
    # 10 working days skip only weekends and the Christmas bank holidays
    context = contexts["england-maintained:statement-of-action"]
    assert context.due == dt.date(2025, 12, 30)
    assert context.category == "Requires special measures"
    assert context.year_labels == ("2025/26", "2026/27", "2027/28")


def test_missing_data_lists_every_field_and_writes_nothing(
    plugins: Plugins, tmp_path: Path
) -> None:
    from improvement_kit_england_maintained.documents import sample_case_data

    spec = plugins.template("england-maintained:statement-of-action")
    context = build_context(spec, case_from_data(sample_case_data()), {}, plugins=plugins)
    target = tmp_path / "soa.docx"
    with pytest.raises(MissingFieldsError) as info:
        render_to_file(spec, context, target)
    assert not target.exists() and list(tmp_path.iterdir()) == []
    fields = info.value.fields
    for expected in (
        "senior_adviser.name",
        "senior_adviser.title",
        "school_capacity",
        "other_schools",
        "target_months",
        "target_date",
        "action_before",
        "powers_not_used",
    ):
        assert expected in fields
    assert "due" not in fields  # the timeline gives it
    assert str(info.value).startswith("england-maintained:statement-of-action: missing fields: ")


def test_a_missing_field_inside_a_table_row_is_named_with_brackets(
    plugins: Plugins, contexts: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:plan-of-action")
    context = contexts[spec.id]
    issue = attrs.evolve(
        context.key_issues[0],
        actions=(attrs.evolve(context.key_issues[0].actions[0], lead=None),),
    )
    broken = attrs.evolve(context, key_issues=(issue, *context.key_issues[1:]))
    with pytest.raises(MissingFieldsError) as info:
        render_bytes(spec, broken)
    assert info.value.fields == ("key_issues[].actions[].lead",)


def _case_with_notice(sample_case: dict[str, Any], given: str, **notice: Any) -> Any:
    data = dict(sample_case)
    data["events"] = [
        {
            "type": "warning-notice-given",
            "date": given,
            "ground": "performance-standards-and-safety",
            "given_by": "local-authority",
            "matters": ["Standards are too low."],
            "action_required": ["Improve them."],
            **notice,
        }
    ]
    return case_from_data(data)


def test_a_notice_given_on_18_december_2014_runs_to_13_january_2015_with_ofsted_representations(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:warning-notice")
    case = _case_with_notice(sample_case, "2014-12-18")
    context = build_context(spec, case, sample_extra, plugins=plugins)
    assert context.pre_2016 is True
    assert context.compliance_period_end is None
    assert context.initial_period_end == dt.date(2015, 1, 13) == context.representations_deadline
    text = all_text(render_bytes(spec, context))
    assert "ends with 13 January 2015, the fifteenth working day following that day" in text
    assert "that is by 13 January 2015" in text
    assert "Her Majesty’s Chief Inspector of Education, Children’s Services and Skills" in text
    assert "make representations in writing" in text
    assert "sections 63 to 66" in text
    assert "Secretary of State for Education" not in text  # no copy to the SoS before 2016


def test_a_notice_given_from_18_april_2016_states_the_specified_compliance_period(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:warning-notice")
    case = _case_with_notice(sample_case, "2016-04-18", compliance_period_end="2016-05-20")
    context = build_context(spec, case, sample_extra, plugins=plugins)
    assert context.pre_2016 is False
    text = all_text(render_bytes(spec, context))
    assert "ends on 20 May 2016" in text
    assert "representations" not in text
    assert "sections 63 to 69" in text
    assert "The Secretary of State for Education" in text


def test_the_copy_list_follows_the_school_s_religious_character(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:warning-notice")
    church = build_context(spec, case_from_data(sample_case), sample_extra, plugins=plugins)
    assert any("Diocese of Exampleton" in c for c in church.copies)
    community = dict(sample_case)
    community["provider"] = {
        **sample_case["provider"],
        "type": "community",
        "religious_character": "none",
    }
    plain = build_context(spec, case_from_data(community), sample_extra, plugins=plugins)
    assert not any("dioces" in c.lower() for c in plain.copies)
    assert not any("foundation governors" in c for c in plain.copies)


def test_removal_monitoring_lasts_at_least_twelve_months(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    from improvement_kit.errors import InputError

    spec = plugins.template("england-maintained:removal-letter")
    context = build_context(spec, case_from_data(sample_case), sample_extra, plugins=plugins)
    assert context.monitoring_until == dt.date(2028, 5, 14)
    extra = {**sample_extra, "removal": {**sample_extra["removal"], "monitoring_months": 6}}
    with pytest.raises(InputError, match="12 months"):
        build_context(spec, case_from_data(sample_case), extra, plugins=plugins)


def test_the_committed_templates_are_what_the_build_script_writes() -> None:
    import importlib.util

    from improvement_kit.documents.determinism import save_deterministic

    root = Path(__file__).resolve().parents[2] / "templates"
    spec = importlib.util.spec_from_file_location("build_templates", root / "build_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, build in module.TEMPLATES.items():
        built = save_deterministic(build(), module.FIXED.date())
        committed = (root / "england_maintained" / f"{name}.docx").read_bytes()
        assert built == committed, f"{name}.docx differs: run python templates/build_templates.py"


def test_bad_extra_data_is_named_by_its_full_path(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    from improvement_kit.errors import InputError

    spec = plugins.template("england-maintained:progress-review")
    review = dict(sample_extra["progress_review"])
    review["key_issues"] = [{**review["key_issues"][0], "title": ["not", "text"]}]
    with pytest.raises(InputError) as info:
        build_context(
            spec,
            case_from_data(sample_case),
            {**sample_extra, "progress_review": review},
            plugins=plugins,
        )
    assert info.value.path == "progress_review.key_issues[0].title"
    review["key_issues"] = [
        {
            **sample_extra["progress_review"]["key_issues"][0],
            "criteria": [{"criterion": "x", "status": "done"}],
        }
    ]
    with pytest.raises(InputError) as info:
        build_context(
            spec,
            case_from_data(sample_case),
            {**sample_extra, "progress_review": review},
            plugins=plugins,
        )
    assert info.value.path == "progress_review.key_issues[0].criteria[0].status"


def test_a_tpc_notice_without_its_own_event_does_not_take_the_s60_notice_s_dates(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    # the sample case has an s.60 notice (compliance period to 3 November 2025) and no s.60A
    # event; the s.60A notice of 5 January 2026 specifies its own period in the extra data
    spec = plugins.template("england-maintained:tpc-warning-notice")
    context = build_context(spec, case_from_data(sample_case), sample_extra, plugins=plugins)
    assert context.given_on == dt.date(2026, 1, 5)
    assert context.compliance_period_end == dt.date(2026, 2, 6)
    assert context.meta.rule_ids == ()  # the s.60 notice's rules are not this notice's
    assert "begins with 5 January 2026 and ends on 6 February 2026" in all_text(
        render_bytes(spec, context)
    )


def test_a_pre_2016_tpc_notice_without_its_own_event_asks_for_its_initial_period(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:tpc-warning-notice")
    case = _case_with_notice(sample_case, "2014-12-18")  # an s.60 notice only
    extra = {
        **sample_extra,
        "tpc_warning_notice": {**sample_extra["tpc_warning_notice"], "given_on": "2015-03-02"},
    }
    context = build_context(spec, case, extra, plugins=plugins)
    assert context.pre_2016 is True
    assert context.initial_period_end is None  # not the s.60 notice's 13 January 2015
    with pytest.raises(MissingFieldsError, match="initial_period_end, representations_deadline"):
        render_bytes(spec, context)


def test_a_proposed_intervention_under_s60a_does_not_take_the_s60_notice_s_compliance_period(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:proposed-intervention-notice")
    extra = {
        **sample_extra,
        "proposed_intervention": {
            **sample_extra["proposed_intervention"],
            "ground": "teachers-pay-and-conditions",
        },
    }
    context = build_context(spec, case_from_data(sample_case), extra, plugins=plugins)
    assert context.tpc is True
    assert context.warning_notice_given_on is None
    assert context.compliance_period_end is None  # not 3 November 2025 (the s.60 notice's)


def test_the_s64_window_is_stated_only_when_additional_governors_are_proposed(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    spec = plugins.template("england-maintained:proposed-intervention-notice")
    case = case_from_data(sample_case)
    with_s64 = build_context(spec, case, sample_extra, plugins=plugins)
    assert with_s64.power_window_end == dt.date(2026, 1, 3)
    extra = {
        **sample_extra,
        "proposed_intervention": {**sample_extra["proposed_intervention"], "powers": ["s66"]},
    }
    context = build_context(spec, case, extra, plugins=plugins)
    assert context.power_window_end is None
    assert "additional governors" not in all_text(render_bytes(spec, context))


def test_a_date_typed_where_text_is_expected_is_written_as_letters_write_it(
    plugins: Plugins, sample_case: dict[str, Any], sample_extra: dict[str, Any]
) -> None:
    # YAML reads an unquoted 2026-03-23 as a date, not as the text the field expects
    spec = plugins.template("england-maintained:progress-review")
    review = dict(sample_extra["progress_review"])
    review["next_meeting"] = dt.date(2026, 3, 23)
    review["next_steps"] = [{**review["next_steps"][0], "target_date": dt.date(2026, 3, 20)}]
    context = build_context(
        spec,
        case_from_data(sample_case),
        {**sample_extra, "progress_review": review},
        plugins=plugins,
    )
    assert context.next_meeting == "23 March 2026"
    assert context.next_steps[0].target_date == "20 March 2026"
