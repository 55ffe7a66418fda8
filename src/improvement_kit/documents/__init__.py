"""Documents: Word templates registered by plugins, rendered safely and deterministically.

The pieces, in the order data flows through them:

* :class:`TemplateSpec` (what a plugin registers) and :class:`DocumentMeta` (what a context
  says about its document);
* :func:`build_context` (case -> timeline -> the template's typed context);
* :func:`render_bytes` / :func:`render_to_file` (context -> .docx, sandboxed, autoescaped,
  every missing field listed first, byte-identical output, atomic write);
* :func:`render_case` (all of the above for one case), :func:`render_batch` (many, on any
  executor), :func:`convert_to_pdf` (LibreOffice);
* :func:`check_template` (the mistakes Word makes easy, with paragraph numbers);
* :func:`load_house_style` / :func:`apply_house_style` (an authority's styles, letterhead and
  margins on every template);
* :func:`structure_extra` (a template's extra data as the plugin's attrs classes, every
  problem named by its path: :class:`ExtraDataError`).

Import cost matters for calendar-only commands, so the CLI imports this package lazily.
"""

from __future__ import annotations

from improvement_kit.documents.batch import (
    BatchJob,
    BatchResult,
    read_batch_input,
    render_batch,
    run_job,
)
from improvement_kit.documents.check import Problem, check_template, context_schema
from improvement_kit.documents.extra_data import ExtraDataError, structure_extra
from improvement_kit.documents.fields import FieldUse, field_uses, missing_fields
from improvement_kit.documents.house_style import HouseStyle, apply_house_style, load_house_style
from improvement_kit.documents.pdf import convert_many_to_pdf, convert_to_pdf, find_soffice
from improvement_kit.documents.registry import (
    RenderedDocument,
    build_context,
    find_template,
    list_templates,
    load_extra,
    match_template,
    render_case,
)
from improvement_kit.documents.render import (
    DocumentProperties,
    PreparedTemplate,
    document_properties,
    prepare_template,
    render_bytes,
    render_to_file,
)
from improvement_kit.documents.spec import ContextBuilder, DocumentMeta, TemplateSpec
from improvement_kit.documents.text import (
    format_date,
    normalise_text,
    salutation,
    to_template_data,
)

__all__ = [
    "BatchJob",
    "BatchResult",
    "ContextBuilder",
    "DocumentMeta",
    "DocumentProperties",
    "ExtraDataError",
    "FieldUse",
    "HouseStyle",
    "PreparedTemplate",
    "Problem",
    "RenderedDocument",
    "TemplateSpec",
    "apply_house_style",
    "build_context",
    "check_template",
    "context_schema",
    "convert_many_to_pdf",
    "convert_to_pdf",
    "document_properties",
    "field_uses",
    "find_soffice",
    "find_template",
    "format_date",
    "list_templates",
    "load_extra",
    "load_house_style",
    "match_template",
    "missing_fields",
    "normalise_text",
    "prepare_template",
    "read_batch_input",
    "render_batch",
    "render_bytes",
    "render_case",
    "render_to_file",
    "run_job",
    "salutation",
    "structure_extra",
    "to_template_data",
]
