"""The rendering engine: safety, missing fields, determinism, atomic writes, the sandbox."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.sandbox import SandboxedEnvironment

from improvement_kit.documents import (
    field_uses,
    missing_fields,
    normalise_text,
    render_bytes,
    render_to_file,
)
from improvement_kit.errors import (
    DocumentError,
    MissingFieldsError,
    OutputExistsError,
    TemplateError,
)

from .conftest import all_text, docx_bytes

ESCAPED = 'St Mary & St John <C of E> "Primary"'


def uses(source: str) -> dict[str, bool]:
    tree = SandboxedEnvironment().parse(source)
    return {path: use.required for path, use in field_uses(tree).items()}


def test_dotted_paths_are_found_in_the_jinja_tree() -> None:
    found = uses(
        "{{ officer.name }} {% for a in actions %}{{ a.due }}{{ loop.index }}{% endfor %}"
        "{{ x | default('') }}{% if phone %}{{ phone }}{% endif %}{{ school['urn'] }}"
    )
    assert found == {
        "officer.name": True,
        "actions": True,
        "actions[].due": True,
        "x": False,
        "phone": False,
        "school.urn": True,
    }


def test_a_use_inside_a_branch_is_required_only_when_the_branch_is_printed() -> None:
    tree = SandboxedEnvironment().parse(
        "{% if pre_2016 %}{{ initial_period_end }}{% else %}{{ compliance_period_end }}{% endif %}"
    )
    found = field_uses(tree)
    assert missing_fields({"pre_2016": True}, found) == ["initial_period_end"]
    assert missing_fields({"pre_2016": False}, found) == ["compliance_period_end"]


def test_a_missing_list_is_reported_once_not_with_every_field_below_it() -> None:
    found = field_uses(
        SandboxedEnvironment().parse("{% for a in actions %}{{ a.due }}{% endfor %}")
    )
    assert missing_fields({}, found) == ["actions"]
    assert missing_fields({"actions": [{"due": 1}, {}]}, found) == ["actions[].due"]


def test_text_is_normalised_before_it_reaches_the_document() -> None:
    assert normalise_text("a\r\nb\rc\x0bd\x00e\tf") == "a\nb\ncd" + "e\tf"
    assert normalise_text("w\u0302") == "ŵ"  # NFD in, NFC out


def test_markup_characters_are_escaped_not_lost() -> None:
    template = docx_bytes(["Dear {{ name }},", "Next paragraph"], title="For {{ name }}")
    data = render_bytes(template, {"name": ESCAPED + "\r\nŵ\x0b"})
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == [f"Dear {ESCAPED}\nŵ,", "Next paragraph"]
    assert document.core_properties.title == f"For {ESCAPED}\nŵ"  # not double-escaped


def test_rich_text_is_the_way_to_format_deliberately() -> None:
    from docxtpl import RichText

    template = docx_bytes(["{{r note }}"])
    data = render_bytes(template, {"note": RichText("bold & safe", bold=True)})
    paragraph = docx.Document(io.BytesIO(data)).paragraphs[0]
    assert paragraph.text == "bold & safe"
    assert [r.text for r in paragraph.runs if r.bold] == ["bold & safe"]


def test_missing_fields_include_the_document_properties() -> None:
    template = docx_bytes(["{{ a }} {{ b.c }}"], subject="{{ d }}")
    with pytest.raises(MissingFieldsError) as info:
        render_bytes(template, {"b": {}})
    assert info.value.fields == ("a", "b.c", "d")


def test_the_sandbox_blocks_python_internals() -> None:
    template = docx_bytes(["{{ ''.__class__.__mro__ }}"])
    with pytest.raises(TemplateError, match="sandbox"):
        render_bytes(template, {})


def test_a_syntax_error_names_the_paragraph() -> None:
    template = docx_bytes(["fine", "{% if x %}never closed"])
    with pytest.raises(TemplateError, match="paragraph 2"):
        render_bytes(template, {"x": True})


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    template = docx_bytes(["{{ a }}"])
    target = tmp_path / "out.docx"
    target.write_bytes(b"precious")
    with pytest.raises(OutputExistsError):
        render_to_file(template, {"a": "new"}, target)
    assert target.read_bytes() == b"precious"
    with pytest.raises(MissingFieldsError):
        render_to_file(template, {}, target, force=True)
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]  # no temporary left
    render_to_file(template, {"a": "new"}, target, force=True)
    assert all_text(target.read_bytes()).strip() == "new"


def test_a_user_template_in_a_file_renders(
    make_template: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_template(["Hello {{ who }}"])
    out = render_to_file(path, {"who": "Ŵyn"}, tmp_path / "hello.docx")
    assert all_text(out.read_bytes()).strip() == "Hello Ŵyn"


def test_a_file_that_is_not_a_docx_is_a_template_error(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match="not a Word"):
        render_bytes(path, {})


_TEXT_TEMPLATE = docx_bytes(["Value: {{ value }}"])


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_any_text_comes_out_as_its_normalised_self(value: str) -> None:
    data = render_bytes(_TEXT_TEMPLATE, {"value": value})
    (paragraph,) = docx.Document(io.BytesIO(data)).paragraphs
    expected = normalise_text(value)
    # Word has no character for a lone carriage return or tab-like controls; python-docx
    # reads line breaks back as "\n" and tabs as "\t".
    assert paragraph.text == f"Value: {expected}"


def test_a_syntax_error_after_paragraph_tags_names_the_paragraph_word_shows() -> None:
    # docxtpl drops the {%p %} paragraphs before Jinja sees the XML; the number must not shift
    template = docx_bytes(["a", "{%p if x %}", "b", "{%p endif %}", "c", "{{ x }"])
    with pytest.raises(TemplateError, match="paragraph 6 of the body"):
        render_bytes(template, {"x": True})


def test_control_characters_in_the_document_properties_are_removed_not_a_crash() -> None:
    from improvement_kit.documents import DocumentProperties

    template = docx_bytes(["{{ a }}"])
    props = DocumentProperties(title="Ysgol\x0b Pen-y-bryn w\u0302\x01", author="Cyngor\x02")
    data = render_bytes(template, {"a": "x"}, properties=props)
    core = docx.Document(io.BytesIO(data)).core_properties
    assert (core.title, core.author) == ("Ysgol Pen-y-bryn \u0175", "Cyngor")


def test_an_output_folder_that_cannot_be_written_is_a_document_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DocumentError, match="cannot be written"):
        render_to_file(docx_bytes(["{{ a }}"]), {"a": "x"}, blocker / "out.docx")


@pytest.mark.parametrize(
    "tag", ["{% include 'other.docx' %}", "{% for i in range(10**9) %}{% endfor %}"]
)
def test_a_template_doing_what_the_sandbox_refuses_is_a_template_error(tag: str) -> None:
    with pytest.raises(TemplateError, match="cannot be rendered"):
        render_bytes(docx_bytes(["fine", tag]), {})
