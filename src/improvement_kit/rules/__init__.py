"""Rules as dated data: the schema, the deadline vocabulary, the loader and the rule book."""

from improvement_kit.rules.book import RuleBook
from improvement_kit.rules.deadlines import (
    DEADLINE_KEYS,
    CalendarDaysElapsed,
    CalendarDaysFollowing,
    Computed,
    Deadline,
    MonthsFollowing,
    OnAnchor,
    SpecifiedInNotice,
    WindowOf,
    WorkingDaysBeginningWith,
    WorkingDaysFollowing,
    describe_day,
    parse_deadline,
    parse_period_expression,
)
from improvement_kit.rules.loader import (
    RULE_KEYS,
    check_rule_set,
    load_rule_file,
    load_rule_text,
    parse_rules,
    rule_files,
)
from improvement_kit.rules.schema import CalendarChoice, Rule

__all__ = [
    "DEADLINE_KEYS",
    "RULE_KEYS",
    "CalendarChoice",
    "CalendarDaysElapsed",
    "CalendarDaysFollowing",
    "Computed",
    "Deadline",
    "MonthsFollowing",
    "OnAnchor",
    "Rule",
    "RuleBook",
    "SpecifiedInNotice",
    "WindowOf",
    "WorkingDaysBeginningWith",
    "WorkingDaysFollowing",
    "check_rule_set",
    "describe_day",
    "load_rule_file",
    "load_rule_text",
    "parse_deadline",
    "parse_period_expression",
    "parse_rules",
    "rule_files",
]
