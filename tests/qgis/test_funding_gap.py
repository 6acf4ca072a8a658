"""The funding gap on Voorbeeldstad in real QGIS: the dock's filter, the backlog algorithm (CSV and ODS),
the Overview's totals. Expected values come from SQL on the GeoPackage, not from the plugin's code."""

from __future__ import annotations

import csv
import sqlite3
import time
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsApplication

from gebiedsplugin.gui.interventions_dock import InterventionsDock
from tests.qgis import interventions_fixtures as fx

clean_settings = fx.clean_settings  # fixture
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "shots" / "district"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

# The rule in SQL: the sum of an intervention's funding rows (amount >= 0) against its budget, 1 EUR slack.
GAPS_SQL = """
WITH i AS (SELECT uid, budget, status, district_id, theme FROM interventions_point
           UNION ALL SELECT uid, budget, status, district_id, theme FROM interventions_line
           UNION ALL SELECT uid, budget, status, district_id, theme FROM interventions_polygon),
     f AS (SELECT intervention_uid AS uid, SUM(amount) AS paid FROM funding WHERE amount >= 0
           GROUP BY intervention_uid)
SELECT i.uid, i.status, i.district_id, i.theme, i.budget, COALESCE(f.paid, 0) AS paid,
       CASE WHEN i.budget IS NULL OR i.budget < 0 THEN 'no_budget'
            WHEN i.budget - COALESCE(f.paid, 0) <= 1 THEN 'funded'
            WHEN COALESCE(f.paid, 0) <= 1 THEN 'unfunded'
            ELSE 'partly_funded' END AS state
FROM i LEFT JOIN f ON f.uid = i.uid
"""


def sql_gaps(path) -> list:
    with sqlite3.connect(str(path)) as db:
        db.row_factory = sqlite3.Row
        return [dict(r) for r in db.execute(GAPS_SQL)]


def sql_backlog(path, district=None) -> list:
    """(uid, shortfall) of the not cancelled, short by more than 1 EUR; largest first, then uid."""
    rows = [r for r in sql_gaps(path) if r["status"] != "cancelled" and r["budget"] is not None
            and r["budget"] - r["paid"] > 1 and (district is None or r["district_id"] == district)]
    return sorted(((r["uid"], round(r["budget"] - r["paid"], 2)) for r in rows), key=lambda x: (-x[1], x[0]))


def test_dock_funding_filter_matches_sql(plugin, sample_gpkg, qgis_canvas, clean_settings):
    path, _ = sample_gpkg
    dock = next(d for d in plugin.docks if isinstance(d, InterventionsDock))
    dock.set_prompts(fx.AnsweringPrompts())
    plugin.controller.open(str(path))
    expected = {}
    for r in sql_gaps(path):
        expected.setdefault(r["state"], set()).add(r["uid"])
    assert len(expected.get("unfunded", ())) > 10 and len(expected.get("partly_funded", ())) > 5
    labels = {}
    for code in ("funded", "partly_funded", "unfunded", "no_budget"):
        dock.filters.set_choice("funding", code)
        assert {r.uid for r in dock.model.rows()} == expected.get(code, set()), code
        labels[code] = dock.filters.funding.currentText()
    assert labels["partly_funded"] == "Partly funded"
    dock.filters.set_choice("district", "noord")
    dock.filters.set_choice("funding", "unfunded")
    noord = {r["uid"] for r in sql_gaps(path) if r["state"] == "unfunded" and r["district_id"] == "noord"}
    assert {r.uid for r in dock.model.rows()} == noord and noord
    dock.setFloating(True)
    dock.resize(560, 820)
    dock.show()
    for _ in range(10):
        QgsApplication.processEvents()
    for folder in (ARTIFACTS, SHOTS):
        folder.mkdir(parents=True, exist_ok=True)
        dock.grab().save(str(folder / "dock-funding-filter-en.png"))


def test_backlog_algorithm_csv_and_ods_match_sql(provider, sample_gpkg, tmp_path):
    import processing

    path, _ = sample_gpkg
    expected = sql_backlog(path)
    assert len(expected) > 20
    out = tmp_path / "backlog.csv"
    result = processing.run("gebiedsplugin:funding_backlog", {"PROGRAMME": str(path), "OUTPUT": str(out)})
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["UID"], round(float(r["Shortfall (EUR)"]), 2)) for r in rows] == expected
    assert [int(r["Rank"]) for r in rows] == list(range(1, len(expected) + 1))
    assert result["COUNT"] == len(expected)
    assert result["SHORTFALL"] == pytest.approx(sum(s for _, s in expected), abs=0.05)

    ods = tmp_path / "backlog_noord.ods"
    processing.run("gebiedsplugin:funding_backlog", {"PROGRAMME": str(path), "DISTRICT": "noord",
                                                     "OUTPUT": str(ods)})
    ds = ogr.Open(str(ods))
    got = [(f.GetField("UID"), round(f.GetField("Shortfall (EUR)"), 2)) for f in ds.GetLayer(0)]
    ds = None
    assert got == sql_backlog(path, "noord") and got


class BacklogPrompts(fx.AnsweringPrompts):
    def __init__(self, path, confirm):
        super().__init__(confirm=confirm)
        self.path = path

    def backlog_path(self, start=""):
        self.asked.append(("backlog", start))
        return str(self.path)


def _wait_for_backlog(dock) -> None:
    deadline = time.monotonic() + 60
    while dock.files.backlog_task is not None and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert dock.files.backlog_task is None, "the backlog task did not end"


def test_dock_backlog_writes_the_chosen_district_and_keeps_a_file_unless_replaced(
        plugin, sample_gpkg, tmp_path, clean_settings):
    path, _ = sample_gpkg
    dock = next(d for d in plugin.docks if isinstance(d, InterventionsDock))
    plugin.controller.open(str(path))
    dock.filters.set_choice("district", "noord")
    target = tmp_path / "backlog.csv"
    target.write_text("keep me")
    dock.set_prompts(BacklogPrompts(target, confirm=False))
    assert dock.files.export_backlog() == "" and target.read_text() == "keep me"
    prompts = BacklogPrompts(target, confirm=True)
    dock.set_prompts(prompts)
    assert dock.files.export_backlog() == str(target)
    assert prompts.asked[0] == ("backlog", str(Path(path).parent / (Path(path).stem + "_backlog_noord.csv")))
    _wait_for_backlog(dock)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = sql_backlog(path, "noord")
    assert expected and [(r["UID"], round(float(r["Shortfall (EUR)"]), 2)) for r in rows] == expected


def test_backlog_refuses_an_unknown_district_and_an_existing_file(provider, sample_gpkg, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    path, _ = sample_gpkg
    with pytest.raises(QgsProcessingException, match="Unknown district: nowhere"):
        processing.run("gebiedsplugin:funding_backlog", {"PROGRAMME": str(path), "DISTRICT": "nowhere",
                                                         "OUTPUT": str(tmp_path / "x.csv")})
    existing = tmp_path / "old.csv"
    existing.write_text("keep me")
    with pytest.raises(QgsProcessingException, match="already exists"):
        processing.run("gebiedsplugin:funding_backlog", {"PROGRAMME": str(path), "OUTPUT": str(existing)})
    assert existing.read_text() == "keep me"


def test_overview_totals_per_district_and_theme_match_sql(plugin, sample_gpkg):
    path, _ = sample_gpkg
    plugin.controller.open(str(path))
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_overview_dock")
    dock.reload()
    dock.set_scope("city", 2000, 2100)
    live = [r for r in sql_gaps(path) if r["status"] != "cancelled"]
    by_district, by_theme = {}, {}
    for r in live:
        for table, key in ((by_district, r["district_id"]), (by_theme, r["theme"])):
            t = table.setdefault(key, {"funded": 0, "partly_funded": 0, "unfunded": 0, "no_budget": 0, "short": 0.0})
            t[r["state"]] += 1
            t["short"] += max((r["budget"] or 0) - r["paid"], 0) if r["budget"] is not None else 0
    shown = {(kind, code): t for kind, code, t in dock.funding.rows}
    assert {c for k, c in shown if k == "district_id"} == set(by_district)
    assert {c for k, c in shown if k == "theme"} == set(by_theme)
    for (kind, code), t in shown.items():
        want = (by_district if kind == "district_id" else by_theme)[code]
        assert (t.counts["funded"], t.counts["partly_funded"], t.counts["unfunded"], t.counts["no_budget"]) == (
            want["funded"], want["partly_funded"], want["unfunded"], want["no_budget"]), code
        assert t.shortfall == pytest.approx(want["short"], abs=0.05), code
    assert dock.funding.table.rowCount() == len(shown)
    dock.setFloating(True)
    dock.resize(620, 700)
    dock.show()
    dock.tabs.setCurrentWidget(dock.funding)
    for _ in range(10):
        QgsApplication.processEvents()
    for folder in (ARTIFACTS, SHOTS):
        folder.mkdir(parents=True, exist_ok=True)
        dock.grab().save(str(folder / "overview-funding-gap-en.png"))
