"""The England maintained-school documents: typed contexts, their builders and the templates.

Each template has an attrs context class and a pure builder ``(case, timeline, extra) ->
context``. Dates the law fixes come from the timeline (``statement-of-action.due``,
``warning-notice.initial-period-end``...); what only the authority knows (officers, matters of
concern, key issues) comes from the extra data (``--data EXTRA.yaml``, documented in
``docs/documents.rst``), declared as attrs classes (:class:`ExtraData` and one table class per
document) and read strictly by
:func:`~improvement_kit.documents.extra_data.structure_extra`. A value found in neither is
left ``None``, and rendering reports it as a missing field. The wording that depends on the
law in force (before or from 18 April 2016, Education and Adoption Act 2016) is chosen here
from the notice's date, as the boolean ``pre_2016``, never by the template.

The modules: ``data``, ``shared_data``, ``notices_data``, ``letters_data`` and ``forms_data``
(the extra data); ``parts`` (the authority, officers, school, date and properties every
document shares); ``case_facts`` (what the documents read from the case and its timeline);
``law_wording`` (grounds, powers, copies); one module per document or pair of notices;
``samples`` and ``specs``.
"""

from __future__ import annotations

from improvement_kit_england_maintained.documents.causes_of_concern import (
    CausesOfConcernContext,
    build_causes_of_concern,
)
from improvement_kit_england_maintained.documents.data import ExtraData, read_extra
from improvement_kit_england_maintained.documents.forms_data import (
    ActionData,
    CapacityData,
    CapacityRecord,
    CriterionData,
    CriterionStatus,
    FinanceData,
    IssueProgressData,
    KeyIssueData,
    NextStepData,
    PlanOfActionData,
    ProgressReviewData,
    StatementOfActionData,
    TargetData,
)
from improvement_kit_england_maintained.documents.law_wording import EAA_2016_COMMENCEMENT
from improvement_kit_england_maintained.documents.letters_data import (
    CausesOfConcernData,
    RemovalData,
)
from improvement_kit_england_maintained.documents.notices_data import (
    NoticeData,
    ProposedInterventionData,
    TpcWarningNoticeData,
    WarningGround,
    WarningNoticeData,
)
from improvement_kit_england_maintained.documents.parts import (
    OPTIONAL,
    Authority,
    School,
    Signatory,
)
from improvement_kit_england_maintained.documents.plan_of_action import (
    FinanceRow,
    KeyIssue,
    PlanAction,
    PlanOfActionContext,
    build_plan_of_action,
)
from improvement_kit_england_maintained.documents.progress_review import (
    Criterion,
    IssueProgress,
    NextStep,
    ProgressReviewContext,
    Target,
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
from improvement_kit_england_maintained.documents.shared_data import (
    LocalAuthorityData,
    PersonData,
    SchoolData,
)
from improvement_kit_england_maintained.documents.specs import template_path, template_specs
from improvement_kit_england_maintained.documents.statement_of_action import (
    CapacityRow,
    StatementOfActionContext,
    build_statement_of_action,
)
from improvement_kit_england_maintained.documents.warning_notice import (
    TpcWarningNoticeContext,
    WarningNoticeContext,
    build_tpc_warning_notice,
    build_warning_notice,
)

__all__ = [
    "EAA_2016_COMMENCEMENT",
    "OPTIONAL",
    "ActionData",
    "Authority",
    "CapacityData",
    "CapacityRecord",
    "CapacityRow",
    "CausesOfConcernContext",
    "CausesOfConcernData",
    "Criterion",
    "CriterionData",
    "CriterionStatus",
    "ExtraData",
    "FinanceData",
    "FinanceRow",
    "IssueProgress",
    "IssueProgressData",
    "KeyIssue",
    "KeyIssueData",
    "LocalAuthorityData",
    "NextStep",
    "NextStepData",
    "NoticeData",
    "PersonData",
    "PlanAction",
    "PlanOfActionContext",
    "PlanOfActionData",
    "ProgressReviewContext",
    "ProgressReviewData",
    "ProposedInterventionContext",
    "ProposedInterventionData",
    "RemovalData",
    "RemovalLetterContext",
    "School",
    "SchoolData",
    "Signatory",
    "StatementOfActionContext",
    "StatementOfActionData",
    "Target",
    "TargetData",
    "TpcWarningNoticeContext",
    "TpcWarningNoticeData",
    "WarningGround",
    "WarningNoticeContext",
    "WarningNoticeData",
    "build_causes_of_concern",
    "build_plan_of_action",
    "build_progress_review",
    "build_proposed_intervention",
    "build_removal_letter",
    "build_statement_of_action",
    "build_tpc_warning_notice",
    "build_warning_notice",
    "read_extra",
    "sample_case_data",
    "sample_extra_data",
    "template_path",
    "template_specs",
]
