"""The HTML report: one self-contained file, checked as text and in a real headless browser
(Chromium driven by Selenium): no console errors, sorting and filtering work, screenshots at
desktop and phone widths are saved as test artefacts."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from improvement_kit.cli import main
from improvement_kit.kit import Kit
from improvement_kit.portfolio import PortfolioEntry, build_register, compute_cases, gather_entries
from improvement_kit.portfolio.report import register_to_html

from .conftest import EXAMPLE, MONDAY

STAMP = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def example_report(kit: Kit, path: Path) -> Path:
    computed, _ = compute_cases(
        gather_entries([], EXAMPLE / "portfolio.yaml"), kit=kit, as_of=MONDAY
    )
    register = build_register(computed, as_of=MONDAY)
    html = register_to_html(register, generated_at=STAMP, sources=["portfolio file x.yaml"])
    path.write_text(html, encoding="utf-8")
    return path


def test_the_report_is_one_self_contained_file(
    write_case: Callable[..., Path], tmp_path: Path
) -> None:
    case = write_case(name="Smith & Sons <script>alert(1)</script> Academy Trust School")
    computed, _ = compute_cases([PortfolioEntry(case)], kit=Kit.load(), as_of=MONDAY)
    html = register_to_html(
        build_register(computed, as_of=MONDAY), generated_at=STAMP, sources=["my.yaml"]
    )
    assert "<script>alert(1)" not in html and "Smith &amp; Sons &lt;script&gt;" in html
    # nothing is fetched: no external stylesheet, script, image, font or CSS url()
    assert not re.search(r"<(link|img|iframe)\b|<script[^>]*\bsrc=|url\(|@import", html)
    assert "@media print" in html
    assert "Generated 30 Nov 2026 07:00 UTC" in html and "<li>my.yaml</li>" in html
    assert "⚠ Overdue" in html  # overdue says so in text, not only in colour


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip("no Chromium and chromedriver installed (scripts/setup-env --with-browser)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in BROWSER_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp_path)
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(options=options, service=Service(driver))
    try:
        yield session
    finally:
        session.quit()


VISIBLE = """
return Array.from(document.querySelectorAll('#register tbody tr'))
  .filter(function (row) { return row.offsetParent !== null; })
  .map(function (row) {
    return {status: row.dataset.status, la: row.dataset.la, text: row.textContent,
            cells: Array.from(row.cells).map(function (cell) { return cell.dataset.v; })};
  });
"""


def visible_rows(browser: Any) -> list[dict[str, Any]]:
    """The rows shown, read in one call (a WebDriver call per row is slow)."""
    rows: list[dict[str, Any]] = browser.execute_script(VISIBLE)
    return rows


def column(browser: Any, index: int) -> list[str]:
    return [row["cells"][index] for row in visible_rows(browser)]


def test_the_report_in_a_headless_browser(browser: Any, council_kit: Kit, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    report = example_report(council_kit, tmp_path / "report.html")
    artefacts = tmp_path / "artefacts"
    artefacts.mkdir()
    browser.set_window_size(1280, 800)
    browser.get(report.as_uri())
    assert browser.title.startswith("Schools causing concern: register")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    total = len(visible_rows(browser))
    assert total > 50
    assert browser.find_element(By.ID, "shown").text == str(total)
    browser.save_screenshot(str(artefacts / "report-desktop-1280x800.png"))

    # sorting: the deadline column ascending, then descending; providers by name
    header = browser.find_elements(By.CSS_SELECTOR, "#register thead th")
    header[1].find_element(By.TAG_NAME, "button").click()
    assert header[1].get_attribute("aria-sort") == "ascending"
    assert column(browser, 1) == sorted(column(browser, 1))
    header[1].find_element(By.TAG_NAME, "button").click()
    assert column(browser, 1) == sorted(column(browser, 1), reverse=True)
    header[3].find_element(By.TAG_NAME, "button").click()
    assert column(browser, 3) == sorted(column(browser, 3))

    # filtering: by status, by local authority, by text
    Select(browser.find_element(By.ID, "f-status")).select_by_value("overdue")
    overdue = visible_rows(browser)
    assert 0 < len(overdue) < total
    assert {r["status"] for r in overdue} == {"overdue"}
    assert browser.find_element(By.ID, "shown").text == str(len(overdue))
    Select(browser.find_element(By.ID, "f-status")).select_by_value("")
    Select(browser.find_element(By.ID, "f-la")).select_by_value("830")
    assert {r["la"] for r in visible_rows(browser)} == {"830"}
    Select(browser.find_element(By.ID, "f-la")).select_by_value("")
    browser.find_element(By.ID, "f-text").send_keys("Progress Review")
    found = visible_rows(browser)
    assert found and all("Progress Review" in r["text"] for r in found)
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []

    browser.set_window_size(390, 844)
    browser.get(report.as_uri())
    browser.save_screenshot(str(artefacts / "report-phone-390x844.png"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390  # the page itself does not scroll sideways (the table may)
    browser.execute_script("document.querySelector('.axis').scrollIntoView()")
    browser.save_screenshot(str(artefacts / "report-phone-timeline.png"))
    for name in ("report-desktop-1280x800.png", "report-phone-390x844.png"):
        assert (artefacts / name).read_bytes().startswith(b"\x89PNG")


def test_report_command_writes_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    args = ["report", "--portfolio", str(EXAMPLE / "portfolio.yaml"), "--as-of", "2026-11-30"]
    assert main([*args, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "portfolio file" in text and "plugin england-maintained" in text
    assert main([*args, "-o", str(target)]) == 2
    assert "exists (use --force" in capsys.readouterr().err
