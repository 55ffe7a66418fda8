"""The eight England maintained-school templates as the kit registers them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from improvement_kit.documents.spec import TemplateSpec
from improvement_kit_england_maintained.documents.causes_of_concern import (
    CausesOfConcernContext,
    build_causes_of_concern,
)
from improvement_kit_england_maintained.documents.parts import JURISDICTION
from improvement_kit_england_maintained.documents.plan_of_action import (
    PlanOfActionContext,
    build_plan_of_action,
)
from improvement_kit_england_maintained.documents.progress_review import (
    ProgressReviewContext,
    build_progress_review,
)
from improvement_kit_england_maintained.documents.proposed_intervention import (
    ProposedInterventionContext,
    build_proposed_intervention,
)
from improvement_kit_england_maintained.documents.removal_letter import (
    RemovalLetterContext,
    build_removal_letter,
)
from improvement_kit_england_maintained.documents.samples import (
    sample_case_data,
    sample_extra_data,
)
from improvement_kit_england_maintained.documents.statement_of_action import (
    StatementOfActionContext,
    build_statement_of_action,
)
from improvement_kit_england_maintained.documents.warning_notice import (
    TpcWarningNoticeContext,
    WarningNoticeContext,
    build_tpc_warning_notice,
    build_warning_notice,
)

__all__ = ["template_path", "template_specs"]


def _plugin_version() -> str:
    from improvement_kit_england_maintained import __version__

    return f"improvement_kit_england_maintained {__version__}"


def template_path(name: str) -> Traversable:
    """A template's file: inside the installed package (a wheel), else the source tree's
    ``templates/england_maintained`` folder (an editable install)."""
    packaged = files("improvement_kit_england_maintained") / "templates" / f"{name}.docx"
    if packaged.is_file():
        return packaged
    source = (
        Path(__file__).resolve().parents[3] / "templates" / "england_maintained" / f"{name}.docx"
    )
    return source


def _sample() -> Mapping[str, Any]:
    return {"case": sample_case_data(), "extra": sample_extra_data()}


_TEMPLATES: tuple[tuple[str, str, type[Any], Callable[..., Any], str], ...] = (
    (
        "warning-notice",
        "Performance standards and safety warning notice (s.60)",
        WarningNoticeContext,
        build_warning_notice,
        "EIA 2006 s.60; wording as the law stood on the day the notice is given.",
    ),
    (
        "tpc-warning-notice",
        "Teachers' pay and conditions warning notice (s.60A)",
        TpcWarningNoticeContext,
        build_tpc_warning_notice,
        "EIA 2006 s.60A; representations to the authority before 18 April 2016.",
    ),
    (
        "causes-of-concern-letter",
        "Letter confirming causes of concern (not a warning notice)",
        CausesOfConcernContext,
        build_causes_of_concern,
        "Early intervention letter confirming the agreed causes of concern and support.",
    ),
    (
        "proposed-intervention-notice",
        "Notice of proposed intervention (s.60(1))",
        ProposedInterventionContext,
        build_proposed_intervention,
        "Reasonable notice in writing that the authority proposes to use its powers.",
    ),
    (
        "statement-of-action",
        "Statement of action (EA 2005 s.15)",
        StatementOfActionContext,
        build_statement_of_action,
        "The authority's statement of action for a school in a category of concern.",
    ),
    (
        "plan-of-action",
        "Local authority plan of action",
        PlanOfActionContext,
        build_plan_of_action,
        "One table per key issue, with the summary finance plan.",
    ),
    (
        "progress-review",
        "School progress review record",
        ProgressReviewContext,
        build_progress_review,
        "Record of a progress review meeting: key issues, targets and next steps.",
    ),
    (
        "removal-letter",
        "Removal from the schools causing concern list",
        RemovalLetterContext,
        build_removal_letter,
        "Confirms removal and the exit arrangements (at least 12 months of monitoring).",
    ),
)


def template_specs() -> list[TemplateSpec]:
    """The eight England maintained-school templates."""
    return [
        TemplateSpec(
            id=f"{JURISDICTION}:{name}",
            jurisdiction=JURISDICTION,
            title=title,
            resource=template_path(name),
            context_type=context_type,
            build_context=builder,
            language="en-GB",
            description=description,
            sample_data=_sample,
            plugin=_plugin_version(),
        )
        for name, title, context_type, builder, description in _TEMPLATES
    ]
