"""Export (pages, valid GeoPackage), overview and import on both stores."""

from __future__ import annotations

import subprocess

from gebiedsplugin.core.aggregations import money_by, prepare
from gebiedsplugin.core.comparisons import timeline
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.overview_task import read_overview
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.stores_fixtures import *  # noqa: F401,F403

DISTRICTS = 5


def validate_gpkg(path) -> None:
    check = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", str(path)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_export_pages_and_geopackage(programme_store, sample_gpkg, tmp_path):
    request = ExportRequest(programme_store.path, str(tmp_path / "out"), formats=("pdf", "gpkg", "csv"))
    result = run_export(request)
    assert result.atlas_pages == DISTRICTS + 1
    validate_gpkg(result.files["gpkg"][0])
    reference = run_export(ExportRequest(str(sample_gpkg[0]), str(tmp_path / "ref"), formats=("gpkg", "csv")))
    assert result.items == reference.items > 0
    items = [open(p, encoding="utf-8").read() for p in (result.files["csv"][0], reference.files["csv"][0])]
    assert items[0] == items[1]  # the same rows, values and order from either store


def test_export_algorithm_and_dock_take_either_store(programme_store, provider, tmp_path):
    import processing

    result = processing.run("gebiedsplugin:export_programme_map", {
        "PROGRAMME": programme_store.path, "SCOPE": "noord", "FORMATS": "gpkg,geojson",
        "OUTPUT_FOLDER": str(tmp_path)})
    assert result
    validate_gpkg(next(tmp_path.glob("*.gpkg")))


def test_overview_the_same_on_both_stores(programme_store, sample_gpkg):
    ov = read_overview(programme_store)
    ref = prepare(GpkgStore.open(sample_gpkg[0]).read_programme())
    assert money_by(ov, "year", "noord", 2024, 2032) == money_by(ref, "year", "noord", 2024, 2032)
    assert money_by(ov, "funder", None, 2024, 2032) == money_by(ref, "funder", None, 2024, 2032)
    assert len(timeline(ov)) == len(timeline(ref)) > 0


def test_overview_dock_on_either_store(programme_store, plugin):
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_overview_dock")
    plugin.controller.open(programme_store.path)
    dock.reload()
    assert dock.district.count() == DISTRICTS + 1
    assert len(dock.timeline.items) > 0


def test_import_into_either_store(programme_store, tmp_path):
    from gebiedsplugin.qgis_io.importer import run_import

    rows, geoms, _ = programme_store.read_table("districts")
    inside = next(g for r, g in zip(rows, geoms) if r["district_id"] == "noord").representative_point()
    csv = tmp_path / "items.csv"
    csv.write_text("title,domain,kind,theme,start_year,end_year,x,y,uid\n"
                   "Imported bench,physical,intervention,green,2026,2027,{:.1f},{:.1f},imp-1\n".format(
                       inside.x, inside.y), encoding="utf-8")
    before = programme_store.counts()["interventions_point"]
    result = run_import(programme_store.path, str(csv), "interventions")
    assert result.written and result.counts()["added"] == 1
    assert programme_store.counts()["interventions_point"] == before + 1
    assert next(f for f in programme_store.read_programme().interventions
                if f.get("uid") == "imp-1").get("district_id") == "noord"
    again = run_import(programme_store.path, str(csv), "interventions")
    assert again.counts()["added"] == 0


def test_export_dock_reads_either_store(programme_store, plugin, tmp_path):
    dock = next(d for d in plugin.docks if d.objectName() == "gebiedsplugin_export_dock")
    plugin.controller.open(programme_store.path)
    assert dock.programme.filePath() == programme_store.path
    assert dock.districts.count() == DISTRICTS
    dock.folder.setFilePath(str(tmp_path))
    request = dock.request()
    assert request.programme == programme_store.path and dock._problem(request) == ""


def test_district_report_and_import_algorithms_take_either_store(programme_store, provider, tmp_path):
    import processing

    report = processing.run("gebiedsplugin:district_report", {
        "PROGRAMME": programme_store.path, "DISTRICT": "noord", "OUTPUT": str(tmp_path / "noord.pdf")})
    assert report["PAGES"] == 1 and (tmp_path / "noord.pdf").stat().st_size > 0
    csv = tmp_path / "budgets.csv"
    csv.write_text("district_id,year,amount\nnoord,2031,12345\n", encoding="utf-8")
    done = processing.run("gebiedsplugin:import_layer", {
        "PROGRAMME": programme_store.path, "INPUT": str(csv), "TARGET": "area_budgets"})
    assert done["ADDED"] + done["UPDATED"] == 1
    assert any(r.get("district_id") == "noord" and r.get("year") == 2031 and r.get("amount") == 12345
               for r in programme_store.read_programme().area_budgets)
