"""Coarse planning and contacts (#16 item 5, contact) in the Interventions dock and the unified export,
on a real programme file: the list shows periods to the quarter and indicative ones, filters by
planning precision, shows the contact; the GeoPackage and CSV exports carry the same, read back
straight from the files."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from qgis.PyQt.QtCore import Qt

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.gui.intervention_table_model import CONTACT, TITLE, YEARS
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis import interventions_fixtures as fx

clean_settings = fx.clean_settings  # fixture

# Planted on the stocked town: Bike lane indicative, Tree to the quarter, contacts on two.
PLANNING = {
    "u2": {"indicative": True},  # Bike lane 2027-2029
    "u5": {"start_quarter": 3, "end_quarter": 1, "start_year": 2025, "end_year": 2026,
           "contact": "Team Groen Oost"},  # Tree
    "u1": {"contact": "Anouk de Vries (gebiedsregisseur)"},  # Bench
}


@pytest.fixture()
def planned_dock(plugin, tmp_path, qgis_canvas, clean_settings):
    from gebiedsplugin.gui.interventions_dock import InterventionsDock

    programme = fx.stocked_programme()
    for f in programme.interventions:
        f.attrs.update(PLANNING.get(f.attrs["uid"], {}))
    path = GpkgStore.create(tmp_path / "gepland.gpkg", programme=programme).path
    dock = [d for d in plugin.docks if isinstance(d, InterventionsDock)][0]
    dock.set_prompts(fx.AnsweringPrompts())
    plugin.controller.open(path)
    yield dock, path


def _shown(dock, column) -> dict:
    return {dock.proxy.index(i, TITLE).data(): dock.proxy.index(i, column).data() for i in range(dock.proxy.rowCount())}


def test_the_list_shows_precision_and_contact(planned_dock):
    dock, _ = planned_dock
    years = _shown(dock, YEARS)
    assert years["Tree"] == "2025 Q3–2026 Q1"
    assert years["Bike lane"] == "2027–2029 (indicative)"
    assert years["Bench"] == "2025–2026" and years["Park"] == "2020–2022"
    contacts = _shown(dock, CONTACT)
    assert contacts["Bench"] == "Anouk de Vries (gebiedsregisseur)" and contacts["Tree"] == "Team Groen Oost"
    assert contacts["Park"] == ""
    # Sorted by period: Tree (2025 Q3) after Bench (2025 Q1), before Neighbourhood team (2026).
    dock.view.sortByColumn(YEARS, Qt.SortOrder.AscendingOrder)
    order = [dock.proxy.index(i, TITLE).data() for i in range(dock.proxy.rowCount())]
    assert order == ["Park", "Bench", "Tree", "Neighbourhood team", "Bike lane"]


@pytest.mark.parametrize("choice,expected", [
    (1, ["Bench", "Neighbourhood team", "Park", "Tree"]),  # firm: years or quarters
    (2, ["Tree"]),  # to the quarter
    (3, ["Bike lane"]),  # indicative
    (0, ["Bench", "Bike lane", "Neighbourhood team", "Park", "Tree"]),  # any
])
def test_the_planning_filter(planned_dock, choice, expected):
    dock, _ = planned_dock
    dock.filters.precision.setCurrentIndex(choice)
    assert sorted(r.title for r in dock.model.rows()) == expected


def test_the_exports_carry_quarters_precision_period_and_contact(planned_dock, tmp_path):
    _, path = planned_dock
    result = run_export(ExportRequest(path, str(tmp_path / "export"), formats=("gpkg", "csv")))
    with sqlite3.connect(result.files["gpkg"][0]) as db:
        rows = {r[0]: r[1:] for r in db.execute(
            "SELECT title, start_quarter, end_quarter, period_precision, period, contact FROM unified_items "
            "WHERE source = 'intervention'")}
    assert rows["Tree"] == (3, 1, "quarter", "2025 Q3-2026 Q1", "Team Groen Oost")
    assert rows["Bike lane"] == (None, None, "indicative", "2027-2029 (indicative)", None)
    assert rows["Bench"] == (None, None, "year", "2025-2026", "Anouk de Vries (gebiedsregisseur)")
    with open(result.files["csv"][0], encoding="utf-8", newline="") as f:
        by_title = {r["title"]: r for r in csv.DictReader(f) if r["source"] == "intervention"}
    assert (by_title["Tree"]["start_quarter"], by_title["Tree"]["period_precision"]) == ("3", "quarter")
    assert by_title["Bench"]["contact"] == "Anouk de Vries (gebiedsregisseur)"


def test_the_check_registers_an_indicative_clash_as_possible_and_a_firm_one_as_certain(qgis_app, tmp_path):
    """Two pairs of works 5 m apart in overlapping years, far from everything else; in one pair the
    later work is indicative. The findings register (read with sqlite3) holds one certain and one
    possible conflict, in the field and in the message."""
    import shapely

    from gebiedsplugin.core.records import Feature
    from gebiedsplugin.qgis_io.check_task import CheckRequest, run_check

    def work(uid, x, y, district, theme, start, end, **attrs):
        values = {"uid": uid, "title": attrs.pop("title"), "domain": "physical", "kind": "intervention",
                  "theme": theme, "district_id": district, "start_year": start, "end_year": end, "status": "planned"}
        values.update(attrs)
        return Feature(values, shapely.Point(x, y), "interventions_point")

    programme = fx.town_programme()
    programme.interventions = [
        work("c1", 100100, 480900, "west", "sewer", 2026, 2027, title="Firm A"),
        work("c2", 100105, 480900, "west", "mobility", 2027, 2028, title="Firm B"),
        work("p1", 101900, 480100, "east", "sewer", 2028, 2029, title="Loose A"),
        work("p2", 101905, 480100, "east", "green", 2029, 2031, title="Loose B", indicative=True),
    ]
    path = GpkgStore.create(tmp_path / "toets.gpkg", programme=programme).path
    run_check(CheckRequest(path, rule_ids=("conflict",)))
    with sqlite3.connect(path) as db:
        found = {r[0]: r[1:] for r in db.execute("SELECT subject_uids, certainty, message FROM findings "
                                                  "WHERE rule = 'conflict'")}
    assert set(found) == {"c1,c2", "p1,p2"}
    assert found["c1,c2"][0] == "certain" and "overlap in 2027:" in found["c1,c2"][1]
    assert found["p1,p2"][0] == "possible"
    assert "may overlap in 2029 (indicative period of 'Loose B')" in found["p1,p2"][1]
