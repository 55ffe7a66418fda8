"""The reader's limits: size, depth and alias expansion, each refused quickly and each raisable;
YAML 1.2 scalars; JSON read by the same rules."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from improvement_kit.cli import main
from improvement_kit.errors import CaseFileError, ImprovementKitError
from improvement_kit.serialization import load_case, read_data_file
from improvement_kit.yaml12 import (
    DEFAULT_LIMITS,
    InputFileError,
    InputLimits,
    load_json_text,
    load_yaml_text,
)

from .cases import BASE, alias_bomb, deeply_nested, write


def test_the_documented_defaults() -> None:
    assert InputLimits(max_bytes=5_000_000, max_depth=64, max_nodes=1_000_000) == DEFAULT_LIMITS


def test_a_file_over_5_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    padding = "# padding\n" * 500_001  # 5,000,010 bytes of comments
    path = write(tmp_path, BASE + padding)
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    assert str(info.value) == (
        f"{path}: larger than the 5 MB limit for input files "
        "(raise it with IMPROVEMENT_KIT_MAX_INPUT_BYTES)"
    )


def test_the_size_limit_can_be_raised_by_environment_or_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, BASE + "# padding\n" * 500_001)
    assert load_case(path, limits=InputLimits(max_bytes=6_000_000)).reference == "EX-STRICT-1"
    monkeypatch.setenv("IMPROVEMENT_KIT_MAX_INPUT_BYTES", "6000000")
    assert load_case(path).reference == "EX-STRICT-1"


def test_a_small_size_limit_applies_to_a_small_file(tmp_path: Path) -> None:
    path = write(tmp_path, BASE)
    with pytest.raises(CaseFileError, match="larger than the 100 bytes limit"):
        load_case(path, limits=InputLimits(max_bytes=100))


@pytest.mark.parametrize("raw", ["lots", "0", "-5", "1e6"])
def test_a_bad_limit_in_the_environment_is_one_line(
    raw: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IMPROVEMENT_KIT_MAX_INPUT_DEPTH", raw)
    with pytest.raises(ImprovementKitError, match=f"IMPROVEMENT_KIT_MAX_INPUT_DEPTH='{raw}' is"):
        InputLimits.from_environment()
    assert main(["validate", str(write(tmp_path, BASE))]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "is not a whole number of at least 1" in line


@pytest.mark.parametrize(
    "text", ["a: " + "1" * 5_000 + "\n", '{"a": ' + "1" * 5_000 + "}"], ids=["yaml", "json"]
)
def test_a_number_of_thousands_of_digits_is_refused(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text, "data.json" if text.startswith("{") else "data.yaml")
    with pytest.raises(CaseFileError, match="a whole number of 5,000 digits is too long"):
        read_data_file(path)


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    # Expanded, the bomb is billions of values (hours and gigabytes); refused at the cap, it
    # takes milliseconds. The bound only tells "refused early" from "expanded", with room for
    # a loaded CI machine: speed itself is measured in benchmarks/yaml_loading.py.
    start = time.perf_counter()
    with pytest.raises(InputFileError, match="more than 1,000,000 values once aliases"):
        load_yaml_text(alias_bomb())
    assert time.perf_counter() - start < 10


def test_a_few_aliases_are_fine_and_the_limit_counts_their_expansion() -> None:
    text = "a: &h [x, y]\nb: *h\nc: *h\n"
    assert load_yaml_text(text) == {"a": ["x", "y"], "b": ["x", "y"], "c": ["x", "y"]}
    # 1 root + 3 keys + (1 list + 2 items) x 3 = 13 values once expanded.
    assert load_yaml_text(text, InputLimits(max_nodes=13))["c"] == ["x", "y"]
    with pytest.raises(InputFileError, match="more than 12 values"):
        load_yaml_text(text, InputLimits(max_nodes=12))


def test_an_alias_to_its_own_anchor_is_refused() -> None:
    with pytest.raises(InputFileError, match=r"alias \*a has no complete anchor before it"):
        load_yaml_text("a: &a [1, *a]\n")


def test_depth_is_bounded_and_raisable() -> None:
    text = deeply_nested(100)
    with pytest.raises(InputFileError, match="nested more than 64 levels deep"):
        load_yaml_text(text)
    data = load_yaml_text(text, InputLimits(max_depth=101))
    assert isinstance(data, dict) and isinstance(data["reference"], list)


def test_yaml_1_2_scalars() -> None:
    assert load_yaml_text(
        "a: 0100001\nb: 1:30\nc: 0x1F\nd: 0o17\ne: yes\nf: off\ng: ~\nh: -12\ni: 1.5\n"
        "j: True\nk: 2025-12-18\nl: 2025-02-29\nm: '12'\nn: !!str 12\no: 2025-12-18T10:00\n"
    ) == {
        "a": "0100001",
        "b": "1:30",
        "c": "0x1F",
        "d": "0o17",
        "e": "yes",
        "f": "off",
        "g": None,
        "h": -12,
        "i": 1.5,
        "j": True,
        "k": dt.date(2025, 12, 18),
        "l": "2025-02-29",
        "m": "12",
        "n": "12",
        "o": "2025-12-18T10:00",
    }


@pytest.mark.parametrize("text", ["a: .nan\n", "a: .inf\n", "a: -.Inf\n", "a: 1e400\n"])
def test_non_finite_numbers_are_refused(text: str) -> None:
    with pytest.raises(InputFileError, match=r"(not a finite|too large a) number \(line 1\)"):
        load_yaml_text(text)


def test_a_key_given_twice_is_refused_with_its_line() -> None:
    with pytest.raises(InputFileError, match=r"^duplicate key 'b' \(line 3\)$"):
        load_yaml_text("a: 1\nb: 2\nb: 3\n")


def test_json_follows_the_same_rules(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="duplicate key 'a'"):
        load_json_text('{"a": 1, "a": 2}')
    with pytest.raises(InputFileError, match="NaN is not a finite number"):
        load_json_text('{"a": NaN}')
    with pytest.raises(InputFileError, match="Infinity is not a finite number"):
        load_json_text('{"a": -Infinity}')
    with pytest.raises(InputFileError, match="nested more than 64 levels deep"):
        load_json_text("[" * 65 + "]" * 65)
    with pytest.raises(InputFileError, match="nested more than 64 levels deep"):
        load_json_text("[" * 100_000 + "]" * 100_000)
    assert isinstance(load_json_text("[" * 64 + "]" * 64), list)
    path = tmp_path / "data.json"
    path.write_bytes(b'{"signatory": "Ms \xff"}')
    with pytest.raises(CaseFileError, match=r"data\.json: not UTF-8 \(byte 0xff at offset 18\)$"):
        read_data_file(path)


def test_a_utf8_byte_order_mark_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_bytes(b"\xef\xbb\xbfsignatory: no\n")
    assert read_data_file(path) == {"signatory": "no"}


def test_data_files_keep_no_and_money_as_written(tmp_path: Path) -> None:
    path = write(tmp_path, "signatory: no\namount: '1250.50'\nreference: 0100001\n", "data.yaml")
    assert read_data_file(path) == {
        "signatory": "no",
        "amount": "1250.50",
        "reference": "0100001",
    }
