"""The register as one self-contained HTML page to open in a browser.

One file, no server, no external request (CSS and JavaScript are inline, charts are inline
SVG): the register as a table that sorts by any column and filters by text, status, local
authority, officer and kind of rule; a timeline per school; cases per local authority by
category and programme; and in the footer the generation time, the date the statuses are
computed for, and the data sources (the case files and plugins). Overdue is red *and* says
"overdue" with a warning sign (and a triangle in the charts), so colour is never the only
signal. Print styles drop the controls and keep rows whole.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from html import escape

from improvement_kit.portfolio.register import ComputedCase, Register, RegisterRow, RowStatus

__all__ = ["register_to_html"]

_LABEL = {
    RowStatus.OVERDUE: "⚠ Overdue",
    RowStatus.DUE: "● Due soon",
    RowStatus.UPCOMING: "○ Upcoming",
    RowStatus.DONE: "✓ Done",
}
_COLUMNS = (
    ("status", "Status"),
    ("deadline", "Deadline"),
    ("la", "LA"),
    ("provider", "Provider"),
    ("item", "Item"),
    ("nature", "Rule"),
    ("officer", "Officer"),
    ("programme", "Programme"),
)
_CHART_DAYS_BEFORE = 120
_CHART_DAYS_AFTER = 240
_CHART_WIDTH = 800

_CSS = """
:root { --overdue: #b3261e; --due: #8a5a00; --upcoming: #1d4f91; --done: #4d6b2f;
  --line: #d0d4da; --muted: #5b6470; font-family: system-ui, -apple-system, "Segoe UI",
  Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1f24; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; margin: .75rem 0; padding: 0; }
.summary li { list-style: none; border: 1px solid var(--line); border-radius: .4rem;
  padding: .35rem .7rem; }
.summary strong { font-size: 1.2rem; margin-right: .3rem; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
  background: #f4f6f8; padding: .75rem; border-radius: .4rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; }
.filters input, .filters select { font: inherit; padding: .25rem; min-width: 9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid var(--line); }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0;
  cursor: pointer; color: inherit; }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
.status { font-weight: 600; white-space: nowrap; }
.s-overdue .status { color: var(--overdue); } tr.s-overdue { background: #fdecea; }
.s-due .status { color: var(--due); } .s-upcoming .status { color: var(--upcoming); }
.s-done .status { color: var(--done); }
.when, .rule { color: var(--muted); font-size: .85rem; display: block; }
.nowrap { white-space: nowrap; }
.school { margin: .2rem 0 .4rem; max-width: 1000px; }
.school h3 { font-size: .9rem; margin: 0; font-weight: 600; }
.axis { max-width: 1000px; position: sticky; top: 0; background: #fff; }
.school svg, .axis svg { width: 100%; height: auto; display: block; }
.legend { font-size: .85rem; color: var(--muted); }
footer { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .5rem;
  font-size: .8rem; color: var(--muted); }
@media (max-width: 700px) {
  th.c-programme, td.c-programme, th.c-nature, td.c-nature { display: none; }
  .filters input, .filters select { min-width: 7rem; }
  .school h3 { font-size: .8rem; }
}
@media print {
  .filters, .noprint { display: none !important; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  tr, .school { break-inside: avoid; } tr.s-overdue { background: none; }
  th button::after { content: "" !important; }
  a { color: inherit; text-decoration: none; }
}
"""

_JS = """
(function () {
  "use strict";
  var table = document.getElementById("register");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById("shown");
  var controls = {
    text: document.getElementById("f-text"), status: document.getElementById("f-status"),
    la: document.getElementById("f-la"), officer: document.getElementById("f-officer"),
    nature: document.getElementById("f-nature")
  };
  function applyFilters() {
    var text = controls.text.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var ok = (!text || row.textContent.toLowerCase().indexOf(text) !== -1) &&
        (!controls.status.value || d.status === controls.status.value) &&
        (!controls.la.value || d.la === controls.la.value) &&
        (!controls.officer.value || d.officer === controls.officer.value) &&
        (!controls.nature.value || d.nature === controls.nature.value);
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
  }
  Object.keys(controls).forEach(function (key) {
    controls[key].addEventListener("input", applyFilters);
    controls[key].addEventListener("change", applyFilters);
  });
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, index) {
    th.querySelector("button").addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.cells[index].dataset.v, y = b.cells[index].dataset.v;
        var c = x < y ? -1 : x > y ? 1 : 0;
        return ascending ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  applyFilters();
})();
"""


def _cell(key: str, value: str, sort_value: str, extra: str = "") -> str:
    return f'<td class="c-{key}" data-v="{escape(sort_value)}">{value}{extra}</td>'


def _row(row: RegisterRow) -> str:
    case, item, entry = row.source.case, row.item, row.source.entry
    rule = item.rule
    status_rank = list(RowStatus).index(row.status)
    source = escape(rule.source.citation)
    if rule.source.url:
        source = f'<a href="{escape(rule.source.url)}">{source}</a>'
    cells = [
        _cell("status", f'<span class="status">{_LABEL[row.status]}</span>', f"{status_rank}"),
        _cell(
            "deadline",
            f'<span class="nowrap">{row.deadline.strftime("%a %d %b %Y")}</span>'
            f'<span class="when">{escape(row.phrase)}</span>',
            row.deadline.isoformat(),
        ),
        _cell("la", escape(row.source.la_code or "-"), row.source.la_code),
        _cell(
            "provider",
            f"{escape(case.provider.name)} <span class=when>{escape(case.provider.identifier)}"
            f" · {escape(case.jurisdiction)}</span>",
            case.provider.name,
        ),
        _cell(
            "item",
            escape(item.title),
            item.title,
            f'<span class="rule">{source}</span>',
        ),
        _cell(
            "nature",
            f"{escape(rule.nature.label)}<span class=rule>{escape(rule.id)}</span>",
            rule.nature.value,
        ),
        _cell("officer", escape(entry.officer or "-"), entry.officer or ""),
        _cell("programme", escape(entry.programme or "-"), entry.programme or ""),
    ]
    data = (
        f'data-status="{row.status.value}" data-la="{escape(row.source.la_code)}" '
        f'data-officer="{escape(entry.officer or "")}" data-nature="{rule.nature.value}"'
    )
    return f'<tr class="s-{row.status.value}" {data}>{"".join(cells)}</tr>'


def _options(name: str, label: str, values: Sequence[tuple[str, str]]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in values)
    return (
        f'<label for="f-{name}">{label}<select id="f-{name}"><option value="">All</option>'
        f"{options}</select></label>"
    )


def _x(day: dt.date, start: dt.date, end: dt.date) -> float:
    span = (end - start).days
    offset = min(max((day - start).days, 0), span)
    return round(10 + offset * (_CHART_WIDTH - 20) / span, 1)


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, day = [], dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            out.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def _axis(start: dt.date, end: dt.date, as_of: dt.date) -> str:
    today = _x(as_of, start, end)
    ticks = "".join(
        f'<text x="{_x(m, start, end)}" y="14" font-size="11" fill="#5b6470">'
        f"{m.strftime('%b %y')}</text>"
        for m in _months(start, end)
        if not 0 <= _x(m, start, end) - today < 45  # leave room for "today"
    )
    return (
        f'<div class="axis" aria-hidden="true"><svg viewBox="0 0 {_CHART_WIDTH} 20" '
        f'xmlns="http://www.w3.org/2000/svg">{ticks}'
        f'<text x="{today + 3}" y="14" font-size="11" font-weight="700">today</text></svg></div>'
    )


def _marker(row: RegisterRow, start: dt.date, end: dt.date) -> str:
    x = _x(row.deadline, start, end)
    title = f"<title>{escape(row.item.title)}: {escape(row.phrase)}</title>"
    item = row.item
    bar = ""
    if item.due is None and item.window is not None:
        x0 = _x(item.window.start, start, end)
        bar = f'<rect x="{x0}" y="12" width="{max(x - x0, 1)}" height="4" fill="#9aa5b1"/>'
    if row.status is RowStatus.OVERDUE:
        shape = f'<path d="M{x} 6 L{x + 7} 20 L{x - 7} 20 Z" fill="#b3261e">{title}</path>'
    elif row.status is RowStatus.DONE:
        shape = (
            f'<circle cx="{x}" cy="14" r="6" fill="#fff" stroke="#4d6b2f" '
            f'stroke-width="2">{title}</circle>'
        )
    else:
        colour = "#8a5a00" if row.status is RowStatus.DUE else "#1d4f91"
        shape = f'<circle cx="{x}" cy="14" r="6" fill="{colour}">{title}</circle>'
    return bar + shape


def _school(computed: ComputedCase, rows: Sequence[RegisterRow], as_of: dt.date) -> str:
    start = as_of - dt.timedelta(days=_CHART_DAYS_BEFORE)
    end = as_of + dt.timedelta(days=_CHART_DAYS_AFTER)
    today = _x(as_of, start, end)
    grid = "".join(
        f'<line x1="{_x(m, start, end)}" y1="0" x2="{_x(m, start, end)}" y2="28" stroke="#e3e6ea"/>'
        for m in _months(start, end)
    )
    markers = "".join(_marker(r, start, end) for r in rows)
    provider = computed.case.provider
    overdue = sum(r.status is RowStatus.OVERDUE for r in rows)
    note = f" — {overdue} overdue" if overdue else ""
    label = (
        f"{escape(provider.name)} ({escape(provider.identifier)}, LA "
        f"{escape(computed.la_code or '-')}): {len(rows)} item{'' if len(rows) == 1 else 's'}"
        f"{note}"
    )
    return (
        f'<div class="school"><h3>{label}</h3><svg viewBox="0 0 {_CHART_WIDTH} 28" '
        f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}">{grid}'
        f'<line x1="10" y1="14" x2="{_CHART_WIDTH - 10}" y2="14" stroke="#c0c6cd"/>'
        f'<line x1="{today}" y1="0" x2="{today}" y2="28" stroke="#1b1f24" '
        f'stroke-dasharray="3 2"/>{markers}</svg></div>'
    )


def _authorities(register: Register) -> str:
    rows = "".join(
        f"<tr><td>{escape(la.la_code)}</td><td>{escape(la.name)}</td><td>{la.cases}</td>"
        f"<td>{escape(', '.join(f'{k} {v}' for k, v in la.categories.items()))}</td>"
        f"<td>{escape(', '.join(f'{k} {v}' for k, v in la.programmes.items()))}</td></tr>"
        for la in register.by_authority()
    )
    return (
        '<div class="table-wrap"><table><thead><tr><th>LA</th><th>Name</th><th>Cases</th>'
        f"<th>By category</th><th>By programme</th></tr></thead><tbody>{rows}</tbody>"
        "</table></div>"
    )


def register_to_html(
    register: Register,
    *,
    generated_at: dt.datetime,
    sources: Sequence[str] = (),
    title: str = "Schools causing concern: register",
) -> str:
    """The register as one HTML page (UTF-8 text). ``sources`` are lines for the footer
    (the portfolio file, the plugins)."""
    from improvement_kit import __version__

    as_of = register.as_of
    summary = register.summary()
    badges = "".join(
        f'<li class="s-{s.value}"><strong>{summary[s]}</strong><span class="status">'
        f"{_LABEL[s]}</span>"
        + (f" (within {register.within} working days)" if s is RowStatus.DUE else "")
        + "</li>"
        for s in RowStatus
        if s is not RowStatus.DONE or summary[s]
    )
    head = "".join(
        f'<th class="c-{key}" scope="col"><button type="button">{label}</button></th>'
        for key, label in _COLUMNS
    )
    by_case: dict[int, list[RegisterRow]] = {}
    for row in register.rows:
        by_case.setdefault(id(row.source), []).append(row)
    ordered = sorted(register.cases, key=lambda c: (c.la_code, c.case.provider.name))
    schools = "".join(_school(c, by_case[id(c)], as_of) for c in ordered if id(c) in by_case)
    quiet = [c.case.provider.name for c in ordered if id(c) not in by_case]
    if quiet:
        schools += f'<p class="legend">No open items: {escape(", ".join(quiet))}.</p>'
    officers = sorted({r.source.entry.officer for r in register.rows if r.source.entry.officer})
    las = sorted({r.source.la_code for r in register.rows if r.source.la_code})
    filters = (
        '<form class="filters noprint" role="search" onsubmit="return false">'
        '<label for="f-text">Search<input id="f-text" type="search" '
        'placeholder="school, item, rule…"></label>'
        + _options("status", "Status", [(s.value, _LABEL[s]) for s in RowStatus])
        + _options("la", "Local authority", [(v, v) for v in las])
        + _options("officer", "Officer", [(v, v) for v in officers])
        + _options(
            "nature",
            "Kind of rule",
            [
                ("law", "law"),
                ("national-policy", "national policy"),
                ("local-policy", "local policy"),
            ],
        )
        + '<p aria-live="polite"><span id="shown">'
        f"{len(register.rows)}</span> of {len(register.rows)} items shown</p></form>"
    )
    footer_sources = "".join(f"<li>{escape(s)}</li>" for s in sources)
    failures = "".join(f"<li>{escape(f.message)}</li>" for f in register.failures)
    failed = (
        f'<h2>Cases that could not be read</h2><ul class="failed">{failures}</ul>'
        if failures
        else ""
    )
    axis = _axis(
        as_of - dt.timedelta(days=_CHART_DAYS_BEFORE),
        as_of + dt.timedelta(days=_CHART_DAYS_AFTER),
        as_of,
    )
    stamp = generated_at.astimezone(dt.UTC).strftime("%d %b %Y %H:%M UTC")
    meta = json.dumps({"as_of": as_of.isoformat(), "items": len(register.rows)})
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="improvement_kit {escape(__version__)}">
<title>{escape(title)} — {as_of.strftime("%d %b %Y")}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{escape(title)}</h1>
<p>As of <strong>{as_of.strftime("%A %d %B %Y")}</strong>: {len(register.cases)} cases,
{len(register.rows)} items. "Due soon" means due within {register.within} working days
(England and Wales).</p>
<ul class="summary">{badges}</ul>
</header>
<main>
<h2 id="register-heading">Register</h2>
{filters}
<div class="table-wrap"><table id="register" aria-labelledby="register-heading">
<thead><tr>{head}</tr></thead>
<tbody>{"".join(_row(r) for r in register.rows)}</tbody>
</table></div>
<h2>Timeline per school</h2>
<p class="legend">Each line runs from {_CHART_DAYS_BEFORE} days before to {_CHART_DAYS_AFTER}
days after {as_of.strftime("%d %b %Y")} (the dashed line). ▲ red: overdue (earlier ones
sit at the left edge); ● amber: due soon; ● blue: upcoming; ○ green: done; grey bars:
windows.</p>
<section class="timelines">
{axis}
{schools}
</section>
<h2>Cases by local authority</h2>
{_authorities(register)}
{failed}
</main>
<footer>
<p>Generated {stamp} by improvement_kit {escape(__version__)}; statuses as of
{as_of.isoformat()}. Deadlines are computed from the case files and the rules of the plugins
below; check each against its source before acting.</p>
<ul>{footer_sources}</ul>
</footer>
<script type="application/json" id="report-meta">{meta}</script>
<script>{_JS}</script>
</body>
</html>
"""
