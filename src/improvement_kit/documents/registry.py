"""Finding registered templates and rendering one from a case: timeline, context, document."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.documents.house_style import HouseStyle, load_house_style
from improvement_kit.documents.limits import Limits
from improvement_kit.documents.render import check_document_output, render_bytes, write_output
from improvement_kit.documents.spec import TemplateSpec
from improvement_kit.errors import (
    CaseFileError,
    ImprovementKitError,
    InputError,
    PluginError,
    TemplateError,
)
from improvement_kit.model import Case
from improvement_kit.pluginguard import plugin_exit_error
from improvement_kit.plugins import Plugins, default_plugins

__all__ = [
    "RenderedDocument",
    "build_context",
    "find_template",
    "list_templates",
    "load_extra",
    "match_template",
    "render_case",
    "write_document",
]


def list_templates(plugins: Plugins | None = None) -> list[TemplateSpec]:
    """Every template the plugins register, by id."""
    return (plugins or default_plugins()).templates()


def find_template(
    template_id: str,
    plugins: Plugins | None = None,
    *,
    template_file: str | os.PathLike[str] | None = None,
) -> TemplateSpec:
    """The registered template with this id (``PluginError`` listing the known ids).

    With ``template_file``, the spec renders that .docx instead of the shipped one (an
    authority's edited copy) with the same context.
    """
    spec = (plugins or default_plugins()).template(template_id)
    if template_file is None:
        return spec
    path = Path(template_file)
    if not path.is_file():
        raise TemplateError(f"{path}: no such template file")
    return attrs.evolve(spec, resource=path)


def match_template(
    path: str | os.PathLike[str], plugins: Plugins | None = None
) -> TemplateSpec | None:
    """The registered template a .docx is a copy of: same content, else the same file name."""
    file = Path(path)
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    specs = list_templates(plugins)
    for spec in specs:
        try:
            if hashlib.sha256(spec.resource.read_bytes()).hexdigest() == digest:
                return spec
        except OSError:
            continue
    for spec in specs:
        if spec.resource.name == file.name:
            return spec
    return None


def load_extra(extra: Mapping[str, Any] | str | os.PathLike[str] | None) -> dict[str, Any]:
    """Extra data (officer names, matters of concern...) from a mapping or a YAML/JSON file."""
    if extra is None:
        return {}
    if isinstance(extra, Mapping):
        return dict(extra)
    from improvement_kit.serialization import read_data_file

    data = read_data_file(Path(extra))
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise CaseFileError(str(extra), ["extra data must be a table of fields"])
    return dict(data)


def _case(case: Case | str | os.PathLike[str], kit: Plugins) -> Case:
    if isinstance(case, Case):
        return case
    from improvement_kit.serialization import load_case

    return load_case(Path(case), plugins=kit)


def build_context(
    spec: TemplateSpec,
    case: Case | str | os.PathLike[str],
    extra: Mapping[str, Any] | str | os.PathLike[str] | None = None,
    *,
    as_of: Any = None,
    plugins: Plugins | None = None,
) -> Any:
    """A template's typed context for a case: its timeline is built, then the template's
    context builder runs. Adjust the result with ``attrs.evolve`` before rendering if needed."""
    from improvement_kit.timeline import build_timeline

    kit = plugins or default_plugins()
    the_case = _case(case, kit)
    if spec.id in {s.id for s in kit.templates()} and not kit.template_serves(spec.id, the_case):
        raise InputError(
            "provider.la_code",
            the_case.provider.la_code,
            f"is not an authority whose local procedure offers template {spec.id!r}",
        )
    try:
        timeline = build_timeline(the_case, as_of=as_of, kit=kit)
    except SystemExit as exc:
        raise plugin_exit_error(exc, "a timeline hook") from None
    try:
        return spec.build_context(the_case, timeline, load_extra(extra))
    except SystemExit as exc:
        raise plugin_exit_error(
            exc, f"the context builder of {spec.id}", spec.plugin.split(" ")[0]
        ) from None
    except ImprovementKitError:
        raise
    except Exception as exc:
        who = spec.plugin.split(" ")[0] or spec.id.split(":")[0]
        raise PluginError(
            f"plugin {who!r} failed in the context builder of {spec.id}: "
            f"{type(exc).__name__}: {str(exc)[:200]}"
        ) from exc


@attrs.frozen
class RenderedDocument:
    """What :func:`render_case` wrote."""

    docx: Path
    pdf: Path | None = None


def render_case(
    template: TemplateSpec | str,
    case: Case | str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    extra: Mapping[str, Any] | str | os.PathLike[str] | None = None,
    as_of: Any = None,
    plugins: Plugins | None = None,
    force: bool = False,
    pdf: bool = False,
    template_file: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
    house_style: str | os.PathLike[str] | HouseStyle | None = None,
) -> RenderedDocument:
    """Render a registered template (a spec or its id) for a case to ``output``.

    Nothing is written unless everything succeeds: missing fields, an existing output (without
    ``force``) or a template error raise before any file appears. With ``pdf`` a PDF is made
    beside the .docx by LibreOffice. ``template_file`` renders an edited copy of the template
    (see :func:`find_template`). ``house_style`` (a .docx path or a loaded
    :class:`~improvement_kit.documents.house_style.HouseStyle`) restyles it; a bad one is
    refused before anything is read or written. ``limits`` bounds the render (see
    :class:`~improvement_kit.documents.limits.Limits`). The output may not be one of the
    inputs (case, extra data, template file), even with ``force``. A plugin that raises or
    calls ``sys.exit`` is reported as a :class:`~improvement_kit.errors.PluginError` naming it.
    """
    house = (
        house_style
        if house_style is None or isinstance(house_style, HouseStyle)
        else load_house_style(house_style)
    )
    if isinstance(template, TemplateSpec):
        spec = template
        if template_file is not None:
            spec = attrs.evolve(spec, resource=Path(template_file))
    else:
        spec = find_template(template, plugins, template_file=template_file)
    path = Path(output)
    pdf_path = path.with_suffix(".pdf") if pdf else None
    inputs = _inputs(case, extra, template_file)
    for target in (path, pdf_path):
        if target is not None:
            check_document_output(target, overwrite=force, inputs=inputs)
    context = build_context(spec, case, extra, as_of=as_of, plugins=plugins)
    data = render_bytes(spec, context, limits=limits, house_style=house)
    write_document(path, data, pdf_path, force=force, inputs=inputs)
    return RenderedDocument(path, pdf_path)


def _inputs(
    case: Case | str | os.PathLike[str],
    extra: Mapping[str, Any] | str | os.PathLike[str] | None,
    template_file: str | os.PathLike[str] | None,
) -> list[str | os.PathLike[str] | None]:
    """The files a render reads, none of which it may write over."""
    return [
        None if isinstance(case, Case) else case,
        None if extra is None or isinstance(extra, Mapping) else extra,
        template_file,
    ]


def write_document(
    path: Path,
    data: bytes,
    pdf_path: Path | None,
    *,
    force: bool = False,
    inputs: Iterable[str | os.PathLike[str] | None] = (),
) -> None:
    """Write a rendered .docx (and, with ``pdf_path``, its PDF) all or nothing: the PDF is
    made from a staged copy in a temporary folder first, and if writing the PDF fails after
    the .docx was written, a .docx that did not exist before is removed again."""
    if pdf_path is None:
        write_output(path, data, overwrite=force, inputs=inputs)
        return
    from improvement_kit.documents.pdf import convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="improvement-kit-render-") as work:
        staged = Path(work) / path.name
        staged.write_bytes(data)
        staged_pdf = convert_to_pdf(staged, Path(work) / pdf_path.name)
        existed = path.exists()
        write_output(path, data, overwrite=force, inputs=inputs)
        try:
            write_output(pdf_path, staged_pdf.read_bytes(), overwrite=force, inputs=inputs)
        except BaseException:
            if not existed:
                path.unlink(missing_ok=True)
            raise
