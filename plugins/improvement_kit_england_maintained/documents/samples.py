"""Fictional sample data that renders every England maintained-school template: a case file
(a post-2016 warning notice, then special measures) and its extra data."""

from __future__ import annotations

from typing import Any

from improvement_kit_england_maintained.documents.parts import JURISDICTION

__all__ = ["sample_case_data", "sample_extra_data"]


def sample_case_data() -> dict[str, Any]:
    """A complete fictional case (post-2016 notice, special measures) as case-file data."""
    return {
        "jurisdiction": JURISDICTION,
        "reference": "EXC-SCC-2026-031",
        "provider": {
            "urn": "999031",
            "name": "Hill & Dale Church of England Primary School",
            "type": "voluntary-aided",
            "phase": "primary",
            "local_authority": "Exampleshire County Council",
            "religious_character": "church-of-england",
            "diocese": "Diocese of Exampleton",
            "foundation_governor_appointer": "Exampleton Diocesan Board of Education",
            "head_teacher": "Mrs Helen Example",
            "chair_of_governors": "Mr Sam Sample",
            "address": "1 Church Lane\nExampleton\nEX1 2AB",
        },
        "events": [
            {
                "type": "warning-notice-given",
                "date": "2025-10-06",
                "ground": "performance-standards-and-safety",
                "given_by": "local-authority",
                "compliance_period_end": "2025-11-03",
                "matters": [
                    "Pupils’ attainment in reading at the end of key stage 2 has fallen for "
                    "three years and is now well below that of similar schools.",
                    "The governing body has not acted on the authority’s letter of concern "
                    "of 9 June 2025.",
                ],
                "action_required": [
                    "Agree with the authority a plan to raise attainment in reading.",
                    "Commission an external review of governance.",
                ],
            },
            {
                "type": "inspection",
                "start": "2025-11-18",
                "end": "2025-11-19",
                "grades": {
                    "inclusion": "urgent-improvement",
                    "curriculum-and-teaching": "needs-attention",
                    "achievement": "needs-attention",
                    "attendance-and-behaviour": "expected-standard",
                    "personal-development-and-well-being": "expected-standard",
                    "leadership-and-governance": "urgent-improvement",
                    "early-years": "expected-standard",
                },
                "safeguarding": "met",
            },
            {
                "type": "ofsted-category-notice",
                "date": "2025-12-05",
                "category": "special-measures",
            },
            {"type": "final-report-received", "date": "2025-12-12"},
            {"type": "reasonable-notice-given", "date": "2025-11-10", "powers": ["s64"]},
        ],
    }


def sample_extra_data() -> dict[str, Any]:
    """Extra data (fictional officers and content) that renders every template."""
    return {
        "local_authority": {
            "name": "Exampleshire County Council",
            "department": "Children’s Services – Education Improvement",
            "address": "County Hall\nMarket Street\nExampleton EX1 1AA",
            "telephone": "01632 960000",
            "email": "school.improvement@exampleshire.example",
        },
        "signatory": {
            "name": "Dr Ruth Marston",
            "title": "Director of Children’s Services",
        },
        "senior_adviser": {
            "name": "Mrs Anna Fielding",
            "title": "Senior Adviser, School Improvement",
        },
        "officer": {
            "name": "Mr Tom Hartley",
            "title": "School Improvement Officer",
            "telephone": "01632 960123",
            "email": "tom.hartley@exampleshire.example",
        },
        "school": {"dfe_number": "999/3031"},
        "warning_notice": {
            "grounds": ["standards", "breakdown"],
            "minded_to_take": ["s63", "s64", "s65"],
        },
        "tpc_warning_notice": {
            "given_on": "2026-01-05",
            "compliance_period_end": "2026-02-06",
            "matters": [
                "Teachers at the school have not received the pay progression the school’s "
                "own pay policy and the School Teachers’ Pay and Conditions Document require.",
            ],
            "action_required": [
                "Review the pay of every eligible teacher and make any back payments due.",
            ],
            "minded_to_take": ["s64", "s66"],
        },
        "causes_of_concern": {
            "document_date": "2025-12-17",
            "meeting_date": "2025-12-15",
            "concerns": [
                "The proportion of pupils reaching the expected standard in reading at the "
                "end of key stage 2 has declined for three years.",
                "Governors do not receive the information they need to hold leaders to account.",
            ],
            "agreed_actions": [
                "Leaders will complete an audit of the reading curriculum by 30 January 2026.",
                "The governing body will appoint a link governor for reading.",
            ],
            "support": [
                "Ten days of adviser time in the spring term.",
                "Access to the authority’s governor development programme.",
            ],
            "review_date": "2026-03-16",
        },
        "proposed_intervention": {
            "failures": [
                "No plan to raise attainment in reading was agreed with the authority by the "
                "end of the compliance period.",
            ],
            "powers": ["s64"],
            "proposed_from": "2025-11-24",
            "response_by": "2025-11-21",
        },
        "statement_of_action": {
            "document_date": "2025-12-19",
            "capacity": {
                "school": [{"net_capacity": 210, "projected": [168, 171, 175]}],
                "other_schools": [
                    {
                        "school": "Exampleton Community Primary School",
                        "available_accommodation": 12,
                        "projected": [408, 410, 412],
                    },
                    {
                        "school": "Northmoor C of E Primary School",
                        "available_accommodation": 5,
                        "projected": [205, 206, 204],
                    },
                ],
                "commentary": "There are not enough surplus places locally to consider "
                "closure; a federation with a strong local school is being explored.",
            },
            "target_months": 18,
            "action_before": [
                "The school has received intensive support since June 2025.",
                "A warning notice was given on 6 October 2025.",
            ],
            "action_after": [
                "School progress reviews every half term, chaired by the senior adviser.",
                "A reading improvement plan with monthly monitoring.",
            ],
            "parents": [
                "A meeting for parents on 14 January 2026, and a newsletter after each "
                "monitoring inspection.",
            ],
            "resources": ["30 days of adviser and consultant time in 2025/26."],
            "partners": [
                "Exampleton Diocesan Board of Education",
                "Exampleshire Teaching School Hub",
            ],
            "priorities": [
                "Strengthen leadership of reading.",
                "Build governors’ capacity to challenge leaders.",
            ],
            "powers": ["s64"],
        },
        "plan_of_action": {
            "document_date": "2025-12-19",
            "key_issues": [
                {
                    "title": "Raise attainment in reading across key stage 2.",
                    "success_criteria": [
                        "At least 70% of pupils reach the expected standard in 2026."
                    ],
                    "evaluation": [
                        "July 2026: analysis of key stage 2 results by the senior adviser."
                    ],
                    "actions": [
                        {
                            "action": "Train all staff to teach phonics and early reading.",
                            "lead": "Reading lead",
                            "school_plan_ref": "SIP 1.1",
                            "milestones": "All staff trained by 28 February 2026.",
                            "monitored_by": "Link adviser",
                            "monitoring_strategy": "Lesson visits and work scrutiny.",
                            "resources": "4 consultant days",
                        }
                    ],
                },
                {
                    "title": "Improve the effectiveness of governance.",
                    "source": "Added by the school",
                    "success_criteria": ["Minutes show governors challenging leaders on outcomes."],
                    "evaluation": ["April 2026: external review of governance."],
                    "actions": [
                        {
                            "action": "Commission an external review of governance.",
                            "lead": "Chair of governors",
                            "school_plan_ref": "SIP 4.2",
                            "milestones": "Review completed by 31 March 2026.",
                            "monitored_by": "Senior adviser",
                            "monitoring_strategy": "Progress review meetings.",
                            "resources": "£1,500",
                        }
                    ],
                },
            ],
            "finance": [
                {"source": "Local authority", "amounts": [4000, 1500]},
                {"source": "School", "amounts": [2000, 0]},
            ],
        },
        "progress_review": {
            "meeting_date": "2026-02-09",
            "support_team": ["Mrs Anna Fielding (senior adviser)", "Mr Raj Patel (link adviser)"],
            "present": [
                "Mrs Helen Example (headteacher)",
                "Mr Sam Sample (chair of governors)",
                "Mrs Anna Fielding (senior adviser)",
                "Mr Raj Patel (link adviser)",
            ],
            "apologies": ["Diocesan schools adviser"],
            "areas_for_development": ["Reading in key stage 2", "Governance"],
            "key_issues": [
                {
                    "title": "Raise attainment in reading across key stage 2.",
                    "actions_record": "Phonics training completed for all staff.",
                    "impact": "Early signs of better decoding in Year 3.",
                    "criteria": [
                        {"criterion": "70% at the expected standard", "status": "partially-met"},
                    ],
                }
            ],
            "targets": [
                {
                    "measure": "Reading: expected standard (KS2)",
                    "target": "70%",
                    "current": "58%",
                    "on_track": "No",
                },
            ],
            "summary": "Progress is emerging but not yet secure.",
            "next_meeting": "Monday 23 March 2026, 3.30 pm",
            "next_steps": [
                {
                    "key_issue": "1",
                    "action": "Reading fluency checks every half term.",
                    "person": "Reading lead",
                    "target_date": "20 March 2026",
                    "monitored_by": "Link adviser",
                    "method": "Data review",
                    "resources": "None",
                },
            ],
        },
        "removal": {
            "removed_on": "2027-05-14",
            "document_date": "2027-05-17",
            "exit_arrangements": [
                "Termly visits from the link adviser to review the school’s self-evaluation.",
                "An annual school improvement review.",
            ],
        },
    }
