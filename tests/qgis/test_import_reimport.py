"""Idempotent re-import, CRS accuracy, and the issue's 'done when' through the algorithm and qgis_process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

from gebiedsplugin.qgis_io.importer import run_import
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from tests.qgis.import_fixtures import DISTRICT_ROWS, MJP_ROWS, fingerprint, project_count, write_vector

ROOT = Path(__file__).resolve().parents[2]
AMERSFOORT_RD = (155000.0, 463000.0)
AMERSFOORT_WGS84 = (5.38720621, 52.15517440)


def _run(params):
    import processing

    return processing.run("gebiedsplugin:import_layer", params)


def _mjp_shapefile(tmp_path, rows=MJP_ROWS, name="mjp.shp"):
    """The MJP as a point shapefile (a shapefile holds one geometry type): centroids of the rows."""
    import shapely

    points = [(a, shapely.from_wkt(w).centroid.wkt) for a, w in rows]
    return write_vector(tmp_path / name, points, "ESRI Shapefile", options=["ENCODING=UTF-8"])


def test_crs_transformation_accuracy(qgis_app):
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:28992"), QgsProject.instance())
    p = transform.transform(QgsPointXY(*AMERSFOORT_WGS84))
    assert abs(p.x() - AMERSFOORT_RD[0]) < 1 and abs(p.y() - AMERSFOORT_RD[1]) < 1


def test_imported_point_lands_within_a_metre(empty_gpkg, tmp_path):
    attrs = dict(MJP_ROWS[0][0])
    src = write_vector(tmp_path / "toren.geojson", [(attrs, "POINT ({} {})".format(*AMERSFOORT_WGS84))], "GeoJSON")
    run_import(empty_gpkg, src, "programme_projects", context=QgsProject.instance().transformContext())
    (p,) = GpkgStore(empty_gpkg).read_programme().projects
    assert abs(p.geometry.x - AMERSFOORT_RD[0]) < 1 and abs(p.geometry.y - AMERSFOORT_RD[1]) < 1


def test_reimport_after_edit_updates_one_row(empty_gpkg, tmp_path):
    src = _mjp_shapefile(tmp_path)
    first = run_import(empty_gpkg, src, "programme_projects")
    assert first.counts() == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 0}
    again = run_import(empty_gpkg, src, "programme_projects")
    assert again.counts() == {"added": 0, "updated": 0, "unchanged": 3, "rejected": 0}
    edited = [(dict(a, bedrag=999.0) if a["code"] == "MJP-02" else a, w) for a, w in MJP_ROWS]
    src2 = _mjp_shapefile(tmp_path, edited, "mjp2.shp")
    dry = run_import(empty_gpkg, src2, "programme_projects", dry_run=True)
    assert dry.counts() == {"added": 0, "updated": 1, "unchanged": 2, "rejected": 0} and not dry.written
    assert {p.get("programme_code"): p.get("budget") for p in GpkgStore(empty_gpkg).read_programme().projects}[
        "MJP-02"] == 800000.0
    result = run_import(empty_gpkg, src2, "programme_projects")
    assert result.counts() == {"added": 0, "updated": 1, "unchanged": 2, "rejected": 0}
    assert project_count(empty_gpkg) == 3
    budgets = {p.get("programme_code"): p.get("budget") for p in GpkgStore(empty_gpkg).read_programme().projects}
    assert budgets == {"MJP-01": 1250000.0, "MJP-02": 999.0, "MJP-03": 300000.0}


def test_reimport_goals_and_budgets_match_composite_keys(empty_gpkg, tmp_path):
    rows = [({"stadsdeel": "noord", "jaar": 2025, "bedrag": 1.0}, None),
            ({"stadsdeel": "noord", "jaar": 2026, "bedrag": 2.0}, None)]
    src = write_vector(tmp_path / "b.gpkg", rows, geometry=False)
    run_import(empty_gpkg, src, "area_budgets")
    rows[1] = ({"stadsdeel": "noord", "jaar": 2026, "bedrag": 3.0}, None)
    src = write_vector(tmp_path / "b2.gpkg", rows, geometry=False)
    assert run_import(empty_gpkg, src, "area_budgets").counts() == {
        "added": 0, "updated": 1, "unchanged": 1, "rejected": 0}
    assert GpkgStore(empty_gpkg).counts()["area_budgets"] == 2


def test_reimport_interventions_by_uid_and_geometry_kind_change(empty_gpkg, tmp_path):
    base = {"uid": "{a}", "titel": "Plein", "domein": "fysiek", "soort": "interventie", "thema": "mobiliteit",
            "startjaar": 2025, "eindjaar": 2026}
    run_import(empty_gpkg, write_vector(tmp_path / "a.gpkg", [(base, "POINT (5.38 52.15)")]), "interventions")
    poly = "POLYGON ((5.38 52.15, 5.381 52.15, 5.381 52.151, 5.38 52.15))"
    result = run_import(empty_gpkg, write_vector(tmp_path / "b.gpkg", [(base, poly)]), "interventions")
    assert result.counts()["updated"] == 1
    counts = GpkgStore(empty_gpkg).counts()
    assert (counts["interventions_point"], counts["interventions_polygon"]) == (0, 1)


def test_done_when_through_the_algorithm(provider, tmp_path):
    import processing

    out = processing.run("gebiedsplugin:create_programme", {"OUTPUT": str(tmp_path / "nieuw.gpkg")})["OUTPUT"]
    districts = write_vector(tmp_path / "stadsdelen.geojson", DISTRICT_ROWS, "GeoJSON")
    result = _run({"PROGRAMME": out, "INPUT": districts, "TARGET": "districts", "FIELD_MAPPING": ""})
    assert (result["ADDED"], result["REJECTED"]) == (2, 0)
    mjp = _mjp_shapefile(tmp_path)
    mapping = json.dumps({"programme_code": "code", "title": "titel", "theme": {"field": "thema", "values": {}},
                          "district_id": "stadsdeel", "start_year": "begin", "end_year": "eind",
                          "budget": "bedrag", "status": {"field": "status", "values": {"Idee": "idea"}}})
    result = _run({"PROGRAMME": out, "INPUT": mjp, "TARGET": 3, "FIELD_MAPPING": mapping})
    assert result["ADDED"] == 3 and json.loads(result["REPORT"])["written"]
    before = fingerprint(out)
    result = _run({"PROGRAMME": out, "INPUT": mjp, "TARGET": "programme_projects", "DRY_RUN": True})
    assert (result["ADDED"], result["UNCHANGED"]) == (0, 3) and fingerprint(out) == before
    edited = [(dict(a, titel="Markt (nieuw)") if a["code"] == "MJP-01" else a, w) for a, w in MJP_ROWS]
    result = _run({"PROGRAMME": out, "INPUT": _mjp_shapefile(tmp_path, edited, "mjp_v2.shp"),
                   "TARGET": "programme_projects"})
    assert (result["ADDED"], result["UPDATED"], result["UNCHANGED"]) == (0, 1, 2)
    assert project_count(out) == 3
    interventions = write_vector(tmp_path / "acties.geojson", [(
        {"titel": "Bank", "domein": "Fysiek", "soort": "Onderhoud", "thema": "Openbare ruimte", "startjaar": 2025,
         "eindjaar": 2025}, "POINT (5.385 52.16)")], "GeoJSON")
    assert _run({"PROGRAMME": out, "INPUT": interventions, "TARGET": "interventions"})["ADDED"] == 1
    (item,) = GpkgStore(out).read_programme().interventions
    assert item.get("district_id") == "noord"  # derived from the imported districts


def test_algorithm_refuses_rejected_rows_and_writes_nothing(provider, empty_gpkg, tmp_path):
    from qgis.core import QgsProcessingException

    rows = [MJP_ROWS[0], (dict(MJP_ROWS[1][0], begin="volgend jaar"), MJP_ROWS[1][1])]
    src = write_vector(tmp_path / "bad.geojson", rows, "GeoJSON", field_types={"begin": 4})
    before = fingerprint(empty_gpkg)
    with pytest.raises(QgsProcessingException, match=r"bad.geojson, feature 2 \(programme_code MJP-02\): start_year"):
        _run({"PROGRAMME": empty_gpkg, "INPUT": src, "TARGET": "programme_projects"})
    assert fingerprint(empty_gpkg) == before
    result = _run({"PROGRAMME": empty_gpkg, "INPUT": src, "TARGET": "programme_projects", "VALID_ONLY": True})
    assert (result["ADDED"], result["REJECTED"]) == (1, 1)
    assert "start_year" in json.loads(result["REPORT"])["rejected"][0]["message"]


def test_qgis_process_imports(tmp_path, empty_gpkg):
    staged = ROOT / "build" / "gebiedsplugin"
    if not staged.exists():
        subprocess.run(["make", "-s", "stage"], cwd=ROOT, check=True)
    profile = tmp_path / "profiles" / "default" / "python" / "plugins"
    profile.mkdir(parents=True)
    (profile / "gebiedsplugin").symlink_to(staged)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path))
    # only a venv of this Python: a checkout shared with another Python (the LTR root) must not lend its builds
    site = "python{}.{}/site-packages".format(*sys.version_info[:2])
    env["PYTHONPATH"] = os.pathsep.join(map(str, (ROOT / ".venv" / "lib").glob(site)))
    binary = "/usr/bin/qgis_process.bin"
    subprocess.run([binary, "plugins", "enable", "gebiedsplugin"], env=env, capture_output=True, check=True)
    mjp = _mjp_shapefile(tmp_path)
    args = [binary, "run", "gebiedsplugin:import_layer", "--", "PROGRAMME={}".format(empty_gpkg),
            "INPUT={}".format(mjp), "TARGET=programme_projects"]
    for expected in ("ADDED:\t3", "UNCHANGED:\t3"):
        proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        assert expected in proc.stdout, proc.stdout[-2000:]
    assert project_count(empty_gpkg) == 3
