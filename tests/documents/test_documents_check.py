"""The template check catches each mistake Word makes easy, with its paragraph."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs

from improvement_kit.cli import main
from improvement_kit.documents import check_template


@attrs.frozen
class Officer:
    name: str | None
    email: str | None = attrs.field(default=None, metadata={"optional": True})


@attrs.frozen
class LetterContext:
    officer: Officer
    school: str | None
    actions: tuple[str, ...] | None


def messages(path: Path, **kwargs: object) -> list[str]:
    return [str(p) for p in check_template(path, **kwargs)]  # type: ignore[arg-type]


def test_a_clean_template_has_no_problems(make_template: Callable[..., Path]) -> None:
    path = make_template(
        [
            "{{ school }}",
            "{%p for a in actions %}",
            "{{ a }}",
            "{%p endfor %}",
            "{{ officer.name }}",
        ]
    )
    assert messages(path, context_type=LetterContext) == []


def test_a_tag_split_across_runs(make_template: Callable[..., Path]) -> None:
    path = make_template(["intro", ["Dear {{ off", "icer.name }},"]])
    (problem,) = messages(path)
    assert problem.startswith("paragraph 2: tag '{{ officer.name }}' is split across 2 Word runs")


def test_smart_quotes_inside_a_tag(make_template: Callable[..., Path]) -> None:
    path = make_template(["{% if school == “Ysgol” %}yes{% endif %}"])
    (problem,) = messages(path)
    assert problem.startswith("paragraph 1: tag '{% if school == “Ysgol” %}' contains smart quotes")


def test_a_space_between_the_braces(make_template: Callable[..., Path]) -> None:
    path = make_template(["a", "b", "Dear { { officer.name }}"])
    assert any(m.startswith("paragraph 3: '{ {' has a space inside") for m in messages(path))


def test_a_jinja_syntax_error(make_template: Callable[..., Path]) -> None:
    path = make_template(["a", "{% for a in actions %}", "{{ a }}", "no endfor"])
    problems = messages(path)
    assert len(problems) == 1
    assert problems[0].startswith("paragraph 4: Jinja syntax error: Unexpected end of template")


def test_an_unknown_variable_and_an_unused_required_field(
    make_template: Callable[..., Path],
) -> None:
    path = make_template(["{{ school }}", "{{ officer.nmae }}"])
    assert messages(path, context_type=LetterContext) == [
        "paragraph 2: 'officer.nmae' is not a field of LetterContext",
        "template: required field 'actions' of LetterContext is never used",
        "template: required field 'officer.name' of LetterContext is never used",
    ]


def test_optional_fields_need_not_be_used(make_template: Callable[..., Path]) -> None:
    path = make_template(["{{ school }} {{ officer.name }}"])
    assert messages(path, context_type=LetterContext, optional_fields={"actions"}) == []


def test_the_command_exits_non_zero_and_prints_one_line_per_problem(
    make_template: Callable[..., Path], capsys: object
) -> None:
    path = make_template(["ok", ["{{ sch", "ool }}"], "{ { x }}"])
    assert main(["templates", "check", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()  # type: ignore[attr-defined]
    assert out[0].startswith("paragraph 2: tag '{{ school }}' is split")
    assert out[1].startswith("paragraph 3: '{ {' has a space")


def test_a_copy_of_a_shipped_template_is_checked_against_its_context(
    make_template: Callable[..., Path], capsys: object
) -> None:
    path = make_template(["{{ school.name }} {{ nonsense }}"], name="warning-notice.docx")
    assert main(["templates", "check", str(path)]) == 1
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "paragraph 1: 'nonsense' is not a field of WarningNoticeContext" in out
    assert "required field 'matters' of WarningNoticeContext is never used" in out


@attrs.frozen
class Item:
    title: str | None
    lead: str | None


@attrs.frozen
class ListContext:
    items: tuple[Item, ...] | None


def test_an_unused_field_of_a_list_element_is_reported_even_though_the_list_is_looped_over(
    make_template: Callable[..., Path],
) -> None:
    path = make_template(["{%p for item in items %}", "{{ item.title }}", "{%p endfor %}"])
    assert messages(path, context_type=ListContext) == [
        "template: required field 'items[].lead' of ListContext is never used"
    ]


def test_an_unknown_filter_is_reported_with_its_paragraph(
    make_template: Callable[..., Path],
) -> None:
    path = make_template(["fine", "{{ school | uppercase }}"])
    assert messages(path) == ["paragraph 2: Jinja syntax error: No filter named 'uppercase'."]


def test_the_templated_document_properties_are_checked_too(
    make_template: Callable[..., Path],
) -> None:
    broken = make_template(["{{ school }}"], name="a.docx", title="{{ school }")
    assert messages(broken) == [
        "template: Jinja syntax error in the document property 'title': unexpected '}'"
    ]
    unknown = make_template(
        ["{{ school }} {{ officer.name }} {{ actions }}"], name="b.docx", subject="{{ schol }}"
    )
    assert messages(unknown, context_type=LetterContext) == [
        "template: 'schol' (in the document property 'subject') is not a field of LetterContext"
    ]
