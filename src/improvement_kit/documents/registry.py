"""Finding registered templates and rendering one from a case: timeline, context, document."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from improvement_kit.documents.render import render_bytes, write_output
from improvement_kit.documents.spec import TemplateSpec
from improvement_kit.errors import CaseFileError, OutputExistsError, TemplateError
from improvement_kit.model import Case
from improvement_kit.plugins import Plugins, default_plugins

__all__ = [
    "RenderedDocument",
    "build_context",
    "find_template",
    "list_templates",
    "load_extra",
    "match_template",
    "render_case",
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


def _case(case: Case | str | os.PathLike[str]) -> Case:
    if isinstance(case, Case):
        return case
    from improvement_kit.serialization import load_case

    return load_case(Path(case))


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

    the_case = _case(case)
    timeline = build_timeline(the_case, as_of=as_of, plugins=plugins)
    return spec.build_context(the_case, timeline, load_extra(extra))


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
) -> RenderedDocument:
    """Render a registered template (a spec or its id) for a case to ``output``.

    Nothing is written unless everything succeeds: missing fields, an existing output (without
    ``force``) or a template error raise before any file appears. With ``pdf`` a PDF is made
    beside the .docx by LibreOffice. ``template_file`` renders an edited copy of the template
    (see :func:`find_template`).
    """
    if isinstance(template, TemplateSpec):
        spec = template
        if template_file is not None:
            spec = attrs.evolve(spec, resource=Path(template_file))
    else:
        spec = find_template(template, plugins, template_file=template_file)
    path = Path(output)
    pdf_path = path.with_suffix(".pdf") if pdf else None
    for target in (path, pdf_path):
        if target is not None and target.exists() and not force:
            raise OutputExistsError(f"{target} exists (use --force to overwrite)")
    context = build_context(spec, case, extra, as_of=as_of, plugins=plugins)
    data = render_bytes(spec, context)
    if pdf_path is not None:
        from improvement_kit.documents.pdf import convert_to_pdf

        # convert a staged copy first, so a failed conversion leaves no .docx behind either
        with tempfile.TemporaryDirectory(prefix="improvement-kit-render-") as work:
            staged = Path(work) / path.name
            staged.write_bytes(data)
            convert_to_pdf(staged, pdf_path, force=force)
    write_output(path, data, overwrite=force)
    return RenderedDocument(path, pdf_path)
