"""A corpus of hostile templates, built at test time: each is refused in bounded time, in one
line naming the template and the limit, with nothing written, by ``render`` and (where the
check can tell without evaluating) by ``templates check``."""

from __future__ import annotations

import random
import time
from pathlib import Path

import attrs
import pytest

from improvement_kit.documents import check_template, render_bytes
from improvement_kit.documents.limits import DEFAULT_LIMITS, Limits
from improvement_kit.errors import TemplateError, TemplateLimitError

from .conftest import (
    Run,
    assert_one_line_refusal,
    deflated_zeros,
    docx_bytes,
    files_in,
    raw_member,
    with_member,
)

#: Seconds any refusal may take here (the render limit in these tests is 2 s).
BOUNDED = 15.0
TEMPLATE_ID = "england-maintained:warning-notice"

# (name, template text, the limit named by render, the limit named by templates check or None
# when the check cannot tell without rendering)
EXPRESSIONS = [
    ("a huge power", "{{ 10 ** (10 ** 10) }}", "max_integer_bits", "max_integer_bits"),
    ("a power of a variable", "{% set n = 7 %}{{ n ** 100000 }}", "max_integer_bits", None),
    ("string repetition", "{{ 'a' * 10**9 }}", "max_string_length", "max_string_length"),
    ("list repetition", "{{ ([0] * 10**9)|length }}", "max_string_length", "max_string_length"),
    (
        "nested loops over range(10**6)",
        "{% for i in range(10**6) %}{% for j in range(10**6) %}{% endfor %}{% endfor %}",
        "max_range",
        "max_range",
    ),
    (
        "nested loops within the range limit",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "max_loop_iterations",
        "max_loop_iterations",
    ),
    (
        "doubling a namespace string",
        "{% set ns = namespace(s='a') %}{% for i in range(80) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        "max_string_length",
        None,
    ),
    (
        "doubling a list in place",
        "{% set l = [1] %}{% for i in range(80) %}{{ l.extend(l) }}{% endfor %}",
        "max_string_length",
        None,
    ),
    ("a width filter", "{{ 'a'|center(10**9) }}", "max_string_length", None),
    ("a width method", "{{ 'a'.ljust(10**9) }}", "max_string_length", None),
    ("a % format width", "{{ '%0999999999d' % 1 }}", "max_string_length", "max_string_length"),
    ("a str.format width", "{{ '{:>999999999}'.format(1) }}", "max_string_length", None),
    (
        "a replace that multiplies",
        "{{ ('a' * 1000)|replace('a', 'b' * 10**4) }}",
        "max_string_length",
        None,
    ),
    (
        "a flood of output",
        "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}",
        "max_rendered_chars",
        None,
    ),
    (
        "exponential macro recursion",
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(60) }}",
        "max_render_seconds",
        None,
    ),
]


def _expression_template(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hostile.docx"
    path.write_bytes(docx_bytes("Dear Governors,", text, "Yours faithfully"))
    return path


def _render_argv(sample: tuple[Path, Path], template: Path, out: Path) -> list[str]:
    case, data = sample
    return [
        "render", TEMPLATE_ID, str(case), "--data", str(data), "--template-file", str(template),
        "-o", str(out), "--max-render-seconds", "2",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "limit"),
    [pytest.param(text, limit, id=name) for name, text, limit, _ in EXPRESSIONS],
)
def test_render_refuses_a_hostile_template_in_one_line_and_writes_nothing(
    tmp_path: Path, sample: tuple[Path, Path], run: Run, text: str, limit: str
) -> None:
    template = _expression_template(tmp_path, text)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    started = time.monotonic()
    status, out, err = run(_render_argv(sample, template, out_dir / "notice.docx"))
    elapsed = time.monotonic() - started
    assert_one_line_refusal(status, err, template.name, limit)
    assert elapsed < BOUNDED
    assert out == ""
    assert files_in(out_dir) == []


@pytest.mark.parametrize(
    ("text", "limit"),
    [pytest.param(text, limit, id=name) for name, text, _, limit in EXPRESSIONS],
)
def test_templates_check_never_evaluates_a_hostile_template_and_names_what_it_can(
    tmp_path: Path, run: Run, text: str, limit: str | None
) -> None:
    template = _expression_template(tmp_path, text)
    started = time.monotonic()
    status, out, err = run(["templates", "check", str(template)])
    assert time.monotonic() - started < BOUNDED
    assert "Traceback" not in err
    if limit is None:  # only a render can tell: the check passes, quickly
        assert status == 0, out + err
        return
    assert status == 1, out + err
    assert out.splitlines() == [line for line in out.splitlines() if limit in line]
    assert out.splitlines()[0].startswith("paragraph 2: ")
    assert len(out.splitlines()) == 1


def test_a_macro_calling_itself_is_refused_by_render_and_named_by_the_check(
    tmp_path: Path, sample: tuple[Path, Path], run: Run
) -> None:
    template = _expression_template(tmp_path, "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}")
    status, out, err = run(_render_argv(sample, template, tmp_path / "notice.docx"))
    assert_one_line_refusal(status, err, template.name, "recurses too deeply")
    assert not (tmp_path / "notice.docx").exists()
    status, out, err = run(["templates", "check", str(template)])
    assert status == 1
    assert out.splitlines() == [
        "paragraph 2: the macro 'f' calls itself unconditionally: it never ends"
    ]


def test_jinja_groups_powers_from_the_left_so_10_to_10_to_10_is_a_googol_and_renders() -> None:
    # (10 ** 10) ** 10 == 10 ** 100: 333 bits, well within the limit, so it is not refused
    data = render_bytes(docx_bytes("{{ 10**10**10 }}"), {})
    import io

    import docx

    text = docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert text == "1" + "0" * 100


def test_a_raised_limit_lets_a_large_but_honest_template_render() -> None:
    template = docx_bytes("{% for i in range(200000) %}{% endfor %}done")
    with pytest.raises(TemplateLimitError, match="max_range=100000"):
        render_bytes(template, {})
    raised = attrs.evolve(DEFAULT_LIMITS, max_range=200_000)
    assert render_bytes(template, {}, limits=raised)


def test_the_time_limit_works_in_a_worker_thread() -> None:
    import concurrent.futures

    template = docx_bytes(
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}"
    )
    limits = Limits(max_render_seconds=1.0)
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        future = pool.submit(render_bytes, template, {}, limits=limits)
        with pytest.raises(TemplateLimitError, match=r"max_render_seconds=1\.0"):
            future.result(timeout=BOUNDED)
    assert time.monotonic() - started < 5


# -- the container -------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.fixture(scope="module")
def containers() -> dict[str, tuple[bytes, str]]:
    """Hostile .docx containers and the words their refusal must contain."""
    base = docx_bytes("Dear Governors,", "{{ school.name }}")
    bomb, crc = deflated_zeros(1024)  # inflates to 1 GiB
    return {
        "a member inflating to 1 GiB": (
            raw_member(base, "word/media/image1.bin", bomb, crc, 1 << 30),
            "max_member_bytes",
        ),
        "a member declaring 1,000 bytes and inflating to 1 GiB": (
            raw_member(base, "word/media/image1.bin", bomb, crc, 1000),
            "does not match its declared size",
        ),
        "an XML billion laughs in the body": (
            with_member(base, "word/document.xml", BILLION_LAUGHS),
            "DOCTYPE",
        ),
        "a DOCTYPE in the content types": (
            with_member(
                base,
                "[Content_Types].xml",
                zip_text(base, "[Content_Types].xml").replace(
                    b"?>", b'?><!DOCTYPE Types SYSTEM "file:///etc/passwd">', 1
                ),
            ),
            "DOCTYPE",
        ),
        "thousands of members": (with_member(base, "x", None, extra=2100), "max_zip_members"),
    }


def zip_text(data: bytes, name: str) -> bytes:
    import io
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name)


CONTAINER_CASES = [
    "a member inflating to 1 GiB",
    "a member declaring 1,000 bytes and inflating to 1 GiB",
    "an XML billion laughs in the body",
    "a DOCTYPE in the content types",
    "thousands of members",
]


@pytest.mark.parametrize("case", CONTAINER_CASES)
def test_a_hostile_container_is_refused_by_check_and_render_before_it_is_read(
    tmp_path: Path,
    sample: tuple[Path, Path],
    run: Run,
    containers: dict[str, tuple[bytes, str]],
    case: str,
) -> None:
    data, words = containers[case]
    template = tmp_path / "hostile.docx"
    template.write_bytes(data)
    started = time.monotonic()
    status, out, err = run(["templates", "check", str(template)])
    assert_one_line_refusal(status, err, template.name, words)
    assert out == ""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    status, out, err = run(_render_argv(sample, template, out_dir / "notice.docx"))
    assert_one_line_refusal(status, err, template.name, words)
    assert files_in(out_dir) == []
    assert time.monotonic() - started < BOUNDED


def test_a_template_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, run: Run
) -> None:
    template = tmp_path / "big.docx"
    noise = random.Random(0).randbytes(2 << 20)  # incompressible: the file is over 2 MB
    template.write_bytes(with_member(docx_bytes("hello"), "word/media/noise.bin", noise))
    status, _, err = run(
        ["templates", "check", str(template), "--limit", "max_template_bytes=1000000"]
    )
    assert_one_line_refusal(status, err, "max_template_bytes=1000000", "the file has")
    status, _, err = run(["templates", "check", str(template)])
    assert status == 0, err


def test_an_honest_template_passes_the_container_check_with_room_to_spare() -> None:
    assert check_template(docx_bytes("{{ a }}")) == []
    with pytest.raises(TemplateError, match=r"not a Word \.docx"):
        check_template(b"PK\x03\x04 this is not a zip file")


def test_the_time_limit_works_in_a_worker_process(
    tmp_path: Path, sample: tuple[Path, Path]
) -> None:
    import concurrent.futures

    from improvement_kit.documents import BatchJob, render_batch

    slow = tmp_path / "slow.docx"
    slow.write_bytes(
        docx_bytes(
            "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
            "{{ f(60) }}"
        )
    )
    out_dir = tmp_path / "out"
    job = BatchJob(
        2,
        str(out_dir / "slow.docx"),
        TEMPLATE_ID,
        str(sample[0]),
        extra={},
        template_file=str(slow),
        limits=Limits(max_render_seconds=1.0),
    )
    started = time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(1) as pool:
        results = render_batch(TEMPLATE_ID, [job], out_dir, executor=pool)
    assert time.monotonic() - started < BOUNDED
    assert len(results) == 1
    assert results[0].error is not None
    assert "max_render_seconds=1.0" in results[0].error
    assert files_in(out_dir) == []
