"""``improvement-kit plugin new``: write a working council plugin package.

The package (``DIR/NAME``) holds a ``pyproject.toml`` with the entry point, a local procedure
for one local authority, a rule table with one local-policy rule, one template copied from the
extended jurisdiction (its progress review where it has one), tests that pass, and a README.
It is written into a temporary folder beside the target and renamed into place, so a failure
leaves nothing behind.
"""

from __future__ import annotations

import argparse
import keyword
import re
import shutil
import string
import tempfile
from pathlib import Path
from typing import Any

from improvement_kit.errors import InputError, PluginError

__all__ = ["register", "write_plugin"]

_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")
_LA_CODE = re.compile(r"[0-9]{3}\Z")

PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.25"]
build-backend = "hatchling.build"

[project]
name = "improvement-kit-$name"
version = "0.1.0"
description = "improvement_kit plugin: $la_name's schools causing concern procedure."
requires-python = ">=3.11"
dependencies = ["improvement-kit"]

[project.entry-points.improvement_kit]
$name = "$pkg"

[tool.hatch.build.targets.wheel]
packages = ["src/$pkg"]

[tool.hatch.build]
# ``pip install -e`` puts src/ on the path with a .pth file; no extra build dependency.
dev-mode-dirs = ["src"]

[tool.pytest.ini_options]
testpaths = ["tests"]
"""

INIT = '''\
"""$la_name (LA $code): its schools causing concern procedure, for improvement_kit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib.resources import files

from improvement_kit.documents.spec import TemplateSpec
from improvement_kit.hookspecs import hookimpl
from improvement_kit.jurisdictions import LocalProcedure
from $context_module import $context_type, $builder

__version__ = "0.1.0"


def _templates() -> Sequence[TemplateSpec]:
    return [
        TemplateSpec(
            id="$name:progress-review",
            jurisdiction="$extends",
            title="$la_name: $template_title",
            resource=files(__name__) / "templates" / "progress-review.docx",
            context_type=$context_type,
            build_context=$builder,
            language="en-GB",
            plugin=f"improvement-kit-$name {__version__}",
        )
    ]


PROCEDURE = LocalProcedure(
    id="$name",
    name="$la_name: schools causing concern",
    local_authorities={"$code": "$la_name"},
    extends=["$extends"],
    rule_tables=[files(__name__) / "rules" / "local.toml"],
    templates=_templates,
    # closures=[Closure(start, end, "County Hall closure")]: moves local-policy items only
)


@hookimpl
def improvement_kit_register(register: Callable[[LocalProcedure], None]) -> None:
    """Register the procedure."""
    register(PROCEDURE)
'''

RULES = """\
[meta]
title = "$la_name: local rules"

# One row per rule version; replace the example with your procedure's own rules.
[[rules]]
id = "$rule_id"
item = "$name.review-visit"
title = "Local authority review visit to a school placed in a category"
kind = "obligation"
actor = "local-authority"
nature = "local-policy"
trigger = "ofsted-category-notice"
anchor_label = "the date of Ofsted's notice"
deadline = { working_days_following = 20 }
calendar = "regional"
in_force_from = 2020-01-01
grade = "unverified"

[rules.source]
citation = "$la_name, schools causing concern procedure (give the paragraph)"
url = "https://example.org/replace-with-the-procedure"
"""

TESTS = '''\
"""Tests of the $name plugin: ``pip install -e .`` then ``pytest``."""

from __future__ import annotations

import datetime as dt

import $jurisdiction_module
import $pkg
from improvement_kit.serialization import case_from_data
from improvement_kit.timeline import build_timeline

RULE = "$rule_id"


def case_data(la_code: str) -> dict[str, object]:
    return {
        "jurisdiction": "$extends",
        "provider": {"urn": "100001", "name": "Fictional School", "type": "$provider_type",
                     "la_code": la_code},
        "events": [
            {"type": "ofsted-category-notice", "date": "2025-12-10",
             "category": "special-measures"},
        ],
    }


def test_the_rule_applies_only_to_its_authority(ik_plugins):
    kit = ik_plugins($jurisdiction_module, $pkg)
    assert RULE in kit.rule_book("$extends", "$code")
    assert RULE not in kit.rule_book("$extends", "$other_code")


def test_the_review_visit_is_due_20_working_days_after_the_notice(ik_plugins):
    kit = ik_plugins($jurisdiction_module, $pkg)
    case = case_from_data(case_data("$code"), plugins=kit)
    item = build_timeline(case, kit=kit).get("$name.review-visit")
    # 20 working days following Wed 10 Dec 2025 (England and Wales): 11, 12 (2); 15-19 (7);
    # 22-24 (10); 25, 26 Dec bank holidays; 29-31 (13); 1 Jan bank holiday; 2 Jan (14);
    # 5-9 Jan (19); Mon 12 Jan 2026 (20).
    assert item.due == dt.date(2026, 1, 12)
    assert item.rule.plugin == "$pkg"


def test_another_authority_gets_nothing(ik_plugins):
    kit = ik_plugins($jurisdiction_module, $pkg)
    case = case_from_data(case_data("$other_code"), plugins=kit)
    assert not [i for i in build_timeline(case, kit=kit).items if i.rule.plugin == "$pkg"]


def test_the_template_is_offered(ik_plugins):
    kit = ik_plugins($jurisdiction_module, $pkg)
    assert kit.template("$name:progress-review").resource.is_file()
'''

README = """\
# improvement-kit-$name

$la_name (LA $code): its schools causing concern procedure as an improvement_kit plugin,
extending `$extends`. Written by `improvement-kit plugin new`.

* `src/$pkg/__init__.py` registers the local procedure; it applies only to providers whose
  case file says `la_code: "$code"`.
* `src/$pkg/rules/local.toml` holds its local-policy rules (one example to replace).
* `src/$pkg/templates/progress-review.docx` is a copy of `$source_template`.

    pip install -e .
    pytest
    improvement-kit plugins
"""


def register(sub: Any) -> None:
    """Add ``plugin new``."""
    p = sub.add_parser("plugin", help="write plugin packages", description="Plugin tools.")
    psub = p.add_subparsers(dest="plugin_command", metavar="COMMAND", parser_class=type(p))
    psub.required = True
    new = psub.add_parser(
        "new",
        help="write a council plugin package",
        description="Write a working local-procedure plugin package into DIR/NAME.",
    )
    new.add_argument("name", metavar="NAME", type=_name, help="kebab-case id (exampleshire)")
    new.add_argument("--la", required=True, type=_la_code, metavar="CODE", help="GIAS LA code")
    new.add_argument("--la-name", metavar="NAME", help="the authority's name")
    new.add_argument("--extends", default="england-maintained", metavar="JURISDICTION")
    new.add_argument("-o", "--output", default=".", metavar="DIR", help="parent folder")
    new.add_argument("--force", action="store_true", help="replace an existing DIR/NAME")
    new.set_defaults(handler=_new)


def _name(value: str) -> str:
    if not _NAME.match(value) or keyword.iskeyword(value.replace("-", "_")):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a kebab-case id starting with a letter (e.g. 'exampleshire')"
        )
    return value


def _la_code(value: str) -> str:
    if not _LA_CODE.match(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a 3-digit GIAS code (e.g. '830')")
    return value


def _new(args: argparse.Namespace) -> int:
    la_name = args.la_name or f"Local authority {args.la}"
    target = write_plugin(
        Path(args.output), args.name, args.la, la_name, args.extends, force=args.force
    )
    print(f"wrote {target}")
    return 0


def write_plugin(
    output: Path, name: str, code: str, la_name: str, extends: str, *, force: bool = False
) -> Path:
    """Write the plugin package ``output/name``; return its path."""
    from improvement_kit.kit import Kit

    for label, value, check in (("NAME", name, _name), ("--la", code, _la_code)):
        try:
            check(value)
        except argparse.ArgumentTypeError as exc:
            raise InputError(label, value, str(exc).split(" is ", 1)[-1]) from None
    if not la_name.isprintable() or '"' in la_name or "\\" in la_name:
        raise InputError("--la-name", la_name, "has a quote, backslash or control character")
    target = output / name
    if target.exists() and not force:
        raise InputError("NAME", str(target), "exists; give --force to replace it")
    kit = Kit.load()
    jurisdiction = kit.jurisdiction(extends)
    specs = [s for s in kit.templates() if s.jurisdiction == extends]
    spec = next((s for s in specs if s.id.endswith(":progress-review")), None) or (
        specs[0] if specs else None
    )
    if spec is None:
        raise PluginError(f"jurisdiction {extends!r} offers no template to copy")
    pkg = name.replace("-", "_")
    fields = {
        "name": name,
        "pkg": pkg,
        "code": code,
        "other_code": "999" if code != "999" else "998",
        "la_name": la_name,
        "extends": extends,
        "rule_id": f"{pkg.upper()}-REVIEW-01",
        "jurisdiction_module": getattr(kit.pm.get_plugin(kit.plugin_of(extends)), "__name__", ""),
        "provider_type": jurisdiction.provider_types[0].value,
        "context_module": spec.context_type.__module__,
        "context_type": spec.context_type.__qualname__,
        "builder": spec.build_context.__name__,
        "template_title": spec.title,
        "source_template": spec.id,
    }
    files = {
        "pyproject.toml": PYPROJECT,
        "README.md": README,
        f"src/{pkg}/__init__.py": INIT,
        f"src/{pkg}/rules/local.toml": RULES,
        f"tests/test_{pkg}.py": TESTS,
    }
    output.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=output))
    try:
        for path, text in files.items():
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_text(string.Template(text).substitute(fields), "utf-8")
        docx = staging / "src" / pkg / "templates" / "progress-review.docx"
        docx.parent.mkdir()
        docx.write_bytes(spec.resource.read_bytes())
        if target.exists():  # --force: swap, then remove the old package
            old = Path(tempfile.mkdtemp(prefix=f".{name}.old.", dir=output))
            target.rename(old / name)
            staging.rename(target)
            shutil.rmtree(old)
        else:
            staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target
