"""A national-size synthetic set (about 25,000 schools, 8 inspections each, the real links
file when present) with planted schools whose results are known by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from improvement_kit.history.analysis import classify_all
from improvement_kit.history.definitions import DfE2025Stuck, Ofsted2020Stuck
from improvement_kit.history.lineage import Lineage, read_links
from improvement_kit.history.loading import load_histories

from . import national


def test_planted_schools_get_their_known_results_in_a_national_set(tmp_path: Path) -> None:
    mi = national.mi_file(tmp_path)
    links_path = national.links_file(tmp_path)
    loaded = load_histories([mi])
    lineage = Lineage.from_links(read_links(links_path))
    inspections = sum(len(h.inspections) for h in loaded.histories.values())
    assert inspections >= 200_000
    ofsted = classify_all(loaded.histories, lineage, Ofsted2020Stuck(), dt.date(2019, 8, 31))
    dfe = classify_all(loaded.histories, lineage, DfE2025Stuck(), dt.date(2025, 8, 31))
    by_urn_ofsted = {r.urn: r for r in ofsted.results}
    by_urn_dfe = {r.urn: r for r in dfe.results}
    for pred, urn, _, _, expected_ofsted, expected_dfe in national.PLANTED:
        assert by_urn_ofsted[urn].status.value == expected_ofsted, urn
        assert by_urn_dfe[urn].status.value == expected_dfe, urn
        if pred is not None:
            assert pred not in by_urn_ofsted  # the predecessor's history went to its successor
            assert pred in by_urn_ofsted[urn].predecessors_used
    assert by_urn_ofsted["9100002"].decision.first_met == dt.date(2016, 2, 1)
    assert by_urn_ofsted["9100004"].decision.first_met == dt.date(2019, 1, 10)
    # speed is measured in benchmarks/stuck.py, not asserted here (CI machines are shared)
