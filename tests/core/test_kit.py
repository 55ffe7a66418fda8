"""The kit: council procedures scoped to their authority, law that local closures cannot move,
provenance on every item, pluggy's own hook semantics, and kits side by side."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import improvement_kit_england_maintained as maintained
from improvement_kit.cli import main
from improvement_kit.errors import InputError, PluginError, RuleDataError
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import CategoryDecision, Jurisdiction, LocalProcedure
from improvement_kit.kit import Kit
from improvement_kit.model import Category, Nature, ProviderType
from improvement_kit.output import timeline_to_ics, timeline_to_text
from improvement_kit.serialization import case_from_data, timeline_to_data
from improvement_kit.timeline import build_timeline

ROOT = Path(__file__).parents[2]
NORTHMOOR = ROOT / "examples" / "plugins" / "northmoor" / "src"
CHRISTMAS = ROOT / "examples" / "england" / "warning-notice-christmas-2014.yaml"


@pytest.fixture
def northmoor(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.syspath_prepend(str(NORTHMOOR))
    import northmoor_closures

    yield northmoor_closures
    sys.modules.pop("northmoor_closures", None)


def council(**kwargs: Any) -> object:
    """A plugin registering the fictional Exampleshire procedure (LA 998), with ``kwargs``."""
    values: dict[str, Any] = {
        "id": "exampleshire",
        "name": "Exampleshire",
        "local_authorities": {"998": "Exampleshire"},
        "extends": ["england-maintained"],
        **kwargs,
    }

    class Council:
        @hookimpl
        def improvement_kit_register(self, register: Callable[[object], None]) -> None:
            register(LocalProcedure(**values))

    return Council()


def christmas_case(la_code: str | None, *extra_events: dict[str, object]) -> dict[str, Any]:
    provider: dict[str, object] = {
        "urn": "999102",
        "name": "Hill & Dale Community Primary School",
        "type": "community",
    }
    if la_code is not None:
        provider["la_code"] = la_code
    return {
        "jurisdiction": "england-maintained",
        "provider": provider,
        "events": [
            {
                "id": "wn-2014",
                "type": "warning-notice-given",
                "date": "2014-12-18",
                "ground": "performance-standards-and-safety",
                "given_by": "local-authority",
                "matters": ["Standards of attainment in Key Stage 2 unacceptably low"],
            },
            *extra_events,
        ],
    }


CATEGORY_NOTICE = {
    "type": "ofsted-category-notice",
    "date": "2025-12-10",
    "category": "special-measures",
}


def category_case(la_code: str) -> dict[str, Any]:
    data = christmas_case(la_code)
    data["events"] = [CATEGORY_NOTICE]
    return data


# --- law that local closures cannot move ---------------------------------------------------


@pytest.mark.parametrize("with_council", [False, True], ids=["no council", "Northmoor installed"])
def test_the_2014_christmas_compliance_period_ends_on_13_january_either_way(
    northmoor: Any, with_council: bool
) -> None:
    # EIA 2006 s.60(1)(b),(10) as enacted: 15 working days following Thu 18 Dec 2014, working
    # days excluding weekends, Christmas Day and bank holidays in England only:
    # 19, 22, 23, 24 Dec (4); 29, 30, 31 Dec (7); 2, 5-9 Jan (13); 12, 13 Jan (15).
    plugins = (maintained, northmoor) if with_council else (maintained,)
    kit = Kit.from_plugins(*plugins)
    case = case_from_data(christmas_case("999"), plugins=kit)
    item = build_timeline(case, kit=kit).get("warning-notice.compliance-period-end")
    assert item.due == dt.date(2015, 1, 13)
    assert item.rule.nature is Nature.LAW
    if with_council:
        assert "not moved by the council's closure days (Northmoor office closure" in (
            item.explanation
        )
        assert "closures move only local-policy items, and this rule is law" in item.explanation
    else:
        assert "closure" not in item.explanation


def test_case_file_closures_move_only_local_items(northmoor: Any) -> None:
    kit = Kit.from_plugins(maintained, northmoor)
    data = christmas_case("830")
    data["closures"] = [{"start": "2014-12-22", "end": "2015-01-02", "reason": "office closed"}]
    case = case_from_data(data, plugins=kit)
    item = build_timeline(case, kit=kit).get("warning-notice.compliance-period-end")
    assert item.due == dt.date(2015, 1, 13)
    assert "office closed" in item.explanation


def test_the_councils_own_item_does_move_over_its_closure(northmoor: Any) -> None:
    kit = Kit.from_plugins(maintained, northmoor)
    timeline = build_timeline(case_from_data(category_case("999"), plugins=kit), kit=kit)
    item = timeline.get("northmoor.review-visit")
    # 20 working days following Wed 10 Dec 2025 with the council closed 24-31 Dec:
    # 11, 12, 15-19, 22, 23 Dec (9); 2 Jan (10); 5-9 Jan (15); 12-16 Jan (20).
    assert item.due == dt.date(2026, 1, 16)
    assert item.rule.nature is Nature.LOCAL_POLICY
    assert "Northmoor office closure" in item.explanation


# --- scoping and provenance -----------------------------------------------------------------


def test_a_case_of_another_authority_gets_nothing_from_the_council(northmoor: Any) -> None:
    kit = Kit.from_plugins(maintained, northmoor)
    for la_code in ("830", None):
        data = category_case("830") if la_code else christmas_case(None)
        timeline = build_timeline(case_from_data(data, plugins=kit), kit=kit)
        assert not [i for i in timeline.items if i.rule.plugin == "northmoor_closures"]
        assert not [i for i in timeline.items if i.id.startswith("northmoor")]


def test_an_830_case_gets_the_council_items_with_the_plugin_named(northmoor: Any) -> None:
    kit = Kit.from_plugins(maintained, northmoor)
    case = case_from_data(category_case("999"), plugins=kit)
    timeline = build_timeline(case, kit=kit)
    item = timeline.get("northmoor.review-visit")
    assert item.rule.plugin == kit.plugin_of("northmoor") == "northmoor_closures"
    others = [i for i in timeline.items if i.id != "northmoor.review-visit"]
    assert others and {i.rule.plugin for i in others} == {"improvement_kit_england_maintained"}
    data = {i["id"]: i for i in timeline_to_data(timeline)["items"]}
    assert data["northmoor.review-visit"]["rule"]["plugin"] == "northmoor_closures"
    assert data["northmoor.review-visit"]["rule"]["nature"] == "local-policy"
    text = timeline_to_text(timeline)
    assert "rule NORTHMOOR-REVIEW-01 (local policy, primary); plugin northmoor_closures" in text
    ics = timeline_to_ics(timeline).decode()
    assert "plugin northmoor_closures" in ics.replace("\r\n ", "")


def test_a_local_event_type_is_refused_outside_the_councils_authority() -> None:
    import attrs

    from improvement_kit.model import Event

    @attrs.frozen(kw_only=True)
    class QddReview(Event):
        TYPE = "qdd-review"

    plugin = council(event_types=[QddReview])

    kit = Kit.from_plugins(maintained, plugin)
    data = christmas_case("830", {"type": "qdd-review", "date": "2015-01-05"})
    with pytest.raises(InputError, match=r"events\[1\]\.type.*local procedure 'exampleshire'"):
        build_timeline(case_from_data(data, plugins=kit), kit=kit)
    data = christmas_case("998", {"type": "qdd-review", "date": "2015-01-05"})
    assert build_timeline(case_from_data(data, plugins=kit), kit=kit).items


def test_a_local_procedure_may_not_hold_law(tmp_path: Path) -> None:
    table = tmp_path / "rules.toml"
    table.write_text(
        "[[rules]]\nid='X-1'\nitem='x.y'\ntitle='t'\nkind='obligation'\nnature='law'\n"
        "trigger='warning-notice-given'\ndeadline={working_days_following=5}\n"
        "in_force_from=2020-01-01\ngrade='unverified'\nsource={citation='c'}\n",
        encoding="utf-8",
    )

    plugin = council(rule_tables=[table])

    kit = Kit.from_plugins(maintained, plugin)
    with pytest.raises(RuleDataError, match=r"'law' is not allowed here.*'local-policy'"):
        kit.rule_book("england-maintained", "998")


def test_a_local_procedure_for_an_unknown_jurisdiction_is_refused_with_a_hint() -> None:
    plugin = council(extends=["england-maintaned"])

    with pytest.raises(PluginError, match="did you mean 'england-maintained'"):
        Kit.from_plugins(maintained, plugin).procedures()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"local_authorities": {"83": "Derbyshire"}}, "not a 3-digit GIAS code"),
        ({"local_authorities": {}}, "at least one local authority"),
        ({"extends": "england-maintained"}, "not the text"),
        ({"id": "Derbyshire County"}, "not a kebab-case id"),
    ],
)
def test_a_local_procedure_checks_what_it_is_given(kwargs: dict[str, Any], message: str) -> None:
    values: dict[str, Any] = {
        "id": "derbyshire",
        "name": "Derbyshire",
        "local_authorities": {"830": "Derbyshire"},
        "extends": ["england-maintained"],
        **kwargs,
    }
    with pytest.raises(ValueError, match=message):
        LocalProcedure(**values)


# --- pluggy semantics through the kit -------------------------------------------------------


def test_a_third_party_hookwrapper_wraps_a_built_in_hook_and_adds_to_its_result() -> None:
    class AddsANote:
        @hookimpl(wrapper=True)
        def improvement_kit_timeline_items(self, context: Any) -> Any:
            results = yield
            rule = context.rules.get("EM-WN-05")
            note = context.make_item(rule, item_id="wrapped.note", due=dt.date(2015, 2, 2))
            return [*results, [note]]

    kit = Kit.from_plugins(maintained, AddsANote())
    timeline = build_timeline(case_from_data(christmas_case("830"), plugins=kit), kit=kit)
    assert timeline.get("wrapped.note").due == dt.date(2015, 2, 2)
    # the built-in items are still there
    assert timeline.get("warning-notice.compliance-period-end").due == dt.date(2015, 1, 13)


def test_tryfirst_answers_before_the_built_in_category_decision() -> None:
    class Overrides:
        @hookimpl(tryfirst=True)
        def improvement_kit_decide_category(self) -> CategoryDecision:
            return CategoryDecision(Category.SPECIAL_MEASURES, "EM-CAT-2019", ("test",))

    inspection = {
        "type": "inspection",
        "start": "2019-05-14",
        "end": "2019-05-15",
        "grades": {"overall-effectiveness": "inadequate"},
        "leadership_capacity": True,
    }
    data = christmas_case("830")
    data["events"] = [inspection]
    plain = Kit.from_plugins(maintained)
    overridden = Kit.from_plugins(maintained, Overrides())
    # EIF 2019: inadequate with leaders able to improve is significant improvement.
    plain_item = build_timeline(case_from_data(data, plugins=plain), kit=plain).get("category")
    assert plain_item.value == "significant-improvement"
    case = case_from_data(data, plugins=overridden)
    assert build_timeline(case, kit=overridden).get("category").value == "special-measures"


def test_two_kits_with_different_plugins_work_side_by_side(northmoor: Any) -> None:
    with_council = Kit.from_plugins(maintained, northmoor)
    without = Kit.from_plugins(maintained)
    case = case_from_data(category_case("999"), plugins=with_council)
    first = build_timeline(case, kit=with_council)
    second = build_timeline(case, kit=without)
    third = build_timeline(case, kit=with_council)
    assert "northmoor.review-visit" in first.ids() and "northmoor.review-visit" in third.ids()
    assert "northmoor.review-visit" not in second.ids()


def test_an_exception_in_a_per_case_hook_names_its_plugin() -> None:
    class Broken:
        @hookimpl
        def improvement_kit_timeline_items(self) -> Any:
            raise ZeroDivisionError("oops")

    kit = Kit.from_plugins(maintained, Broken())
    with pytest.raises(PluginError, match=r"plugin '\d+' failed in .*ZeroDivisionError"):
        build_timeline(case_from_data(christmas_case("830"), plugins=kit), kit=kit)


def test_sys_exit_in_a_hook_is_an_error_naming_the_plugin() -> None:
    class Exits:
        @hookimpl
        def improvement_kit_timeline_items(self) -> Any:
            sys.exit(0)

    kit = Kit.from_plugins(maintained, Exits())
    with pytest.raises(PluginError, match=r"called sys.exit\(0\) in improvement_kit_timeline"):
        build_timeline(case_from_data(christmas_case("830"), plugins=kit), kit=kit)


def test_an_item_citing_a_rule_outside_the_rule_book_is_refused() -> None:
    class Cites:
        @hookimpl
        def improvement_kit_timeline_items(self, context: Any) -> Any:
            rule = context.rules.get("EM-WN-05")
            import attrs

            return [attrs.evolve(context.make_item(rule), rule=attrs.evolve(rule.ref(), id="NOPE"))]

    kit = Kit.from_plugins(maintained, Cites())
    with pytest.raises(PluginError, match="cites rule 'NOPE'"):
        build_timeline(case_from_data(christmas_case("830"), plugins=kit), kit=kit)


# --- loud failures ------------------------------------------------------------------------


@pytest.fixture
def broken_plugin_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway dist-info on sys.path whose entry point cannot be imported."""
    site = tmp_path / "site"
    dist = site / "broken_council-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: broken-council\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[improvement_kit]\nbroken-council = broken_council_xyz\n", encoding="utf-8"
    )
    (site / "broken_council_xyz.py").write_text("raise ImportError('no such thing')\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("IMPROVEMENT_KIT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("IMPROVEMENT_KIT_STRICT_PLUGINS", raising=False)
    return site


@pytest.mark.usefixtures("broken_plugin_installed")
def test_a_broken_plugin_makes_timeline_warn_and_fail_under_strict(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["timeline", str(CHRISTMAS), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["items"]
    assert (
        "improvement-kit: warning: plugin 'broken-council' failed to load: ImportError: "
        "no such thing" in captured.err
    )
    assert main(["timeline", str(CHRISTMAS), "--json", "--strict"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "plugin 'broken-council' failed" in captured.err
    monkeypatch.setenv("IMPROVEMENT_KIT_STRICT_PLUGINS", "1")
    assert main(["validate", str(CHRISTMAS)]) == 2
    assert "broken-council" in capsys.readouterr().err


@pytest.mark.usefixtures("broken_plugin_installed")
def test_ik_plugins_with_entrypoints_works_with_installed_plugins(
    ik_plugins: Callable[..., Kit],
) -> None:
    kit = ik_plugins(maintained, entrypoints=True, strict=False)
    assert "england-maintained" in {j.id for j in kit.jurisdictions()}
    assert [p.name for p in kit.problems] == ["broken-council"]


def test_plugins_lists_authorities_event_types_and_rule_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plugins", "--json"]) == 0
    data = {p["name"]: p for p in json.loads(capsys.readouterr().out)["plugins"]}
    academies = data["england-academies"]
    assert academies["event_types"] == [
        "termination-warning-notice-given",
        "notice-to-improve-given",
        "compliance-direction-given",
    ]
    assert academies["rules"]["england-academies"] >= 20
    assert academies["local_procedures"] == [] and academies["local_authorities"] == []


def test_jurisdiction_requires_valid_provider_types() -> None:
    j = Jurisdiction("j", "J", "scotland", (ProviderType.COMMUNITY,))
    assert j.rule_tables == () and j.templates is None


# --- closing any item --------------------------------------------------------------------------


def test_obligation_met_closes_an_item_by_its_stable_key_or_its_id() -> None:
    kit = Kit.from_plugins(maintained)
    key = "warning-notice.compliance-period-end@wn-2014"
    for name in (key, "warning-notice.compliance-period-end"):
        data = christmas_case("830", {"type": "obligation-met", "date": "2015-01-09", "item": name})
        case = case_from_data(data, plugins=kit)
        timeline = build_timeline(case, kit=kit, as_of=dt.date(2015, 2, 1))
        item = timeline.get(key)
        assert item.id == "warning-notice.compliance-period-end"
        assert item.satisfied_on == dt.date(2015, 1, 9)
        assert item.status is not None and item.status.value == "done"


def test_obligation_met_before_the_item_was_triggered_does_not_close_it() -> None:
    kit = Kit.from_plugins(maintained)
    met = {
        "type": "obligation-met",
        "date": "2014-12-01",
        "item": "warning-notice.compliance-period-end",
    }
    case = case_from_data(christmas_case("830", met), plugins=kit)
    timeline = build_timeline(case, kit=kit, as_of=dt.date(2015, 2, 1))
    item = timeline.get("warning-notice.compliance-period-end")
    assert item.satisfied_on is None and item.status is not None
    assert item.status.value == "overdue"


def test_a_stable_key_does_not_shift_when_an_earlier_notice_is_added() -> None:
    kit = Kit.from_plugins(maintained)
    earlier = {
        "id": "wn-2013",
        "type": "warning-notice-given",
        "date": "2013-06-03",
        "ground": "performance-standards-and-safety",
        "given_by": "local-authority",
        "matters": ["Pupils' safety threatened"],
    }
    one = build_timeline(case_from_data(christmas_case("830"), plugins=kit), kit=kit)
    two = build_timeline(case_from_data(christmas_case("830", earlier), plugins=kit), kit=kit)
    key = "warning-notice.compliance-period-end@wn-2014"
    assert one.get(key).due == two.get(key).due == dt.date(2015, 1, 13)
    # the positional alias moved: the 2014 notice's item is now the second one
    assert two.get("warning-notice.compliance-period-end#2").key == key


def test_rules_stats_counts_the_rows_the_engine_applies(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--stats", "--json", "--jurisdiction", "wales-schools"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["jurisdiction"] == "wales-schools"
    assert 0 < entry["applied_by_engine"] <= entry["rows"]
    assert entry["applied_share"] == round(entry["applied_by_engine"] / entry["rows"], 3)
    assert sum(entry["by_nature"].values()) == entry["rows"]
    assert main(["rules", "--stats"]) == 0
    assert "applied by the engine" in capsys.readouterr().out


def test_rules_stats_sets_decision_rows_apart_and_counts_each_row_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ids = ["--jurisdiction", "england-maintained", "--jurisdiction", "england-academies"]
    assert main(["rules", "--stats", "--json", *ids]) == 0
    maintained, academies, overall = json.loads(capsys.readouterr().out)
    assert overall["jurisdiction"] == "all"
    for entry in (maintained, academies, overall):
        assert entry["item_rows"] + entry["decision_rows"] == entry["rows"]
        assert entry["item_rows_applied_share"] == round(
            entry["item_rows_applied_by_engine"] / entry["item_rows"], 3
        )
    # the category rows of the shared England base feed the category decision
    assert maintained["decision_rows"] == 12
    # the shared base rows are in both books but counted once overall
    assert overall["rows"] < maintained["rows"] + academies["rows"]
    # eligibility on Ofsted's categories and coasting, and the open-ended powers, are data
    by_code = set(maintained["item_rows_by_code"])
    for row in ("EM-SI-01", "EM-SM-01", "EM-COAST-02", "EM-LA-65", "EM-SOS-68", "EM-RISE-03"):
        assert row not in by_code
    assert "EM-AO-02" in by_code  # the academy-order duty is still derived in code


def test_a_plugin_returning_a_generator_that_exits_is_still_named() -> None:
    class Lazy:
        @hookimpl
        def improvement_kit_timeline_items(self) -> Any:
            yield from ()
            sys.exit(3)

    kit = Kit.from_plugins(maintained, Lazy())
    with pytest.raises(PluginError, match=r"plugin '\d+' called sys.exit\(3\)"):
        build_timeline(case_from_data(christmas_case("830"), plugins=kit), kit=kit)


def test_a_rule_id_named_in_code_must_exist_in_the_tables() -> None:
    plugin = council(code_rules=["EM-WN-2"])

    kit = Kit.from_plugins(maintained, plugin)
    assert "EM-WN-02" in kit.rule_book("england-maintained", "830")
    with pytest.raises(PluginError, match=r"refers in code to rule 'EM-WN-2'.*did you mean"):
        kit.rule_book("england-maintained", "998")


@pytest.mark.parametrize("written", ['"83"', '"8300"', '"ABC"', "830"])
def test_a_bad_la_code_is_one_line_naming_the_field(
    written: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "jurisdiction: england-maintained\n"
        f"provider: {{urn: '999102', name: Hill School, type: community, la_code: {written}}}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(case)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "la_code" in err and len(err) < 300, err


def test_rules_refuses_a_bad_la_code_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["rules", "--la", "83", "--stats"])
    assert exit_info.value.code == 2
    assert "argument --la: '83' is not a local-authority code" in capsys.readouterr().err


def test_obligation_met_naming_no_item_is_a_warning_with_the_nearest_name() -> None:
    kit = Kit.from_plugins(maintained)
    met = {"type": "obligation-met", "date": "2015-01-09", "item": "warning-notice.compliance-end"}
    timeline = build_timeline(case_from_data(christmas_case("830", met), plugins=kit), kit=kit)
    assert any(
        "names 'warning-notice.compliance-end', which is no item" in w
        and "did you mean 'warning-notice.compliance-period-end'" in w
        for w in timeline.warnings
    ), timeline.warnings


def test_an_unknown_jurisdiction_names_the_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "jurisdiction: england-maintaned\n"
        "provider: {urn: '999102', name: Hill School, type: community}\n",
        encoding="utf-8",
    )
    for command in ("timeline", "validate"):
        assert main([command, str(case)]) == 2
        err = capsys.readouterr().err
        assert (
            "case.yaml: jurisdiction: 'england-maintaned' is not an installed jurisdiction" in err
        )
        assert "did you mean 'england-maintained'" in err and err.count("\n") == 1
