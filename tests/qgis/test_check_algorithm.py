"""gebiedsplugin:check_programme through processing.run, including bad data."""

from __future__ import annotations

import dataclasses
import json
import sys

import pytest
import shapely
from osgeo import gdal, ogr, osr
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.store.findings import FindingsRegister
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore
from gebiedsplugin.qgis_io.store.ogr_tables import create_table, spatial_ref, write_rows
from tests.qgis.interventions_fixtures import town_programme

ALG = "gebiedsplugin:check_programme"


def _intervention(uid, title, **extra):
    row = {"uid": uid, "title": title, "domain": "physical", "kind": "intervention", "theme": "green",
           "district_id": "west", "start_year": 2026, "end_year": 2027, "programme_code": None}
    row.update(extra)
    return row


def test_algorithm_finds_the_planted_cases_and_returns_counts(provider, sample_gpkg, tmp_path):
    import processing

    path, manifest = sample_gpkg
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    assert alg is not None
    assert all(alg.parameterDefinition(p).help() for p in ("PROGRAMME", "RULES", "DISTRICT", "OUTPUT"))
    out = str(tmp_path / "findings.gpkg")
    result = processing.run(ALG, {"PROGRAMME": str(path), "OUTPUT": out})
    counts = json.loads(result["COUNTS"])
    assert sum(counts.values()) == result["TOTAL"] == result["NEW"] > 0
    assert {case["rule"] for case in manifest["planted"]} <= {k.split("/")[0] for k in counts}
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert layer.isValid() and layer.featureCount() == result["TOTAL"]
    rows = FindingsRegister(GpkgStore(str(path))).rows()
    for case in manifest["planted"]:
        assert any(r["rule"] == case["rule"] and set(case["uids"]) <= set(r["subject_uids"].split(","))
                   for r in rows), case["description"]


def test_algorithm_subset_of_rules_and_district(provider, sample_gpkg):
    import processing

    path, _ = sample_gpkg
    result = processing.run(ALG, {"PROGRAMME": str(path), "RULES": "conflict, stacking"})
    assert {k.split("/")[0] for k in json.loads(result["COUNTS"])} == {"conflict", "stacking"}
    result = processing.run(ALG, {"PROGRAMME": str(path), "DISTRICT": "centrum", "UPDATE_REGISTER": False})
    assert "budget_exceeded/error" in json.loads(result["COUNTS"])
    with pytest.raises(QgsProcessingException, match="Unknown rules: nonsense"):
        processing.run(ALG, {"PROGRAMME": str(path), "RULES": "conflict,nonsense"})
    with pytest.raises(QgsProcessingException, match="Unknown district"):
        processing.run(ALG, {"PROGRAMME": str(path), "DISTRICT": "atlantis"})


def test_algorithm_on_an_empty_programme(provider, empty_gpkg):
    import processing

    result = processing.run(ALG, {"PROGRAMME": empty_gpkg})
    assert result["TOTAL"] == 0 and json.loads(result["COUNTS"]) == {}


def test_algorithm_refuses_a_file_that_is_not_a_programme(provider, tmp_path):
    import processing

    bad = tmp_path / "x.gpkg"
    bad.write_text("no")
    with pytest.raises(QgsProcessingException):
        processing.run(ALG, {"PROGRAMME": str(bad)})


def _bad_programme(tmp_path) -> str:
    """The two-district town with bad data: an invalid and an empty polygon, and a point table stored in
    EPSG:4326 (no NOT NULL constraints) holding a point with null years and one outside every district."""
    path = str(tmp_path / "bad.gpkg")
    GpkgStore.create(path, programme=town_programme())
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    polygons = ds.GetLayerByName("interventions_polygon")
    bowtie = shapely.Polygon([(100100, 480100), (100300, 480300), (100300, 480100), (100100, 480300)])
    write_rows(polygons, schema.table("interventions_polygon"),
               [_intervention("bad-1", "Bowtie"), _intervention("bad-2", "Empty")],
               [bowtie, shapely.from_wkt("POLYGON EMPTY")])
    for i in range(ds.GetLayerCount()):
        if ds.GetLayerByIndex(i).GetName() == "interventions_point":
            ds.DeleteLayer(i)
            break
    loose = dataclasses.replace(schema.table("interventions_point"), fields=tuple(
        dataclasses.replace(f, mandatory=False) for f in schema.table("interventions_point").fields))
    layer = create_table(ds, loose, spatial_ref("EPSG:4326"))
    rd, wgs = spatial_ref("EPSG:28992"), spatial_ref("EPSG:4326")
    ct = osr.CoordinateTransformation(rd, wgs)
    inside = ct.TransformPoint(100500, 480500)
    outside = ct.TransformPoint(90000, 470000)
    write_rows(layer, loose, [_intervention("bad-3", "No years", start_year=None, end_year=None),
                              _intervention("bad-4", "Far away")],
               [shapely.Point(inside[0], inside[1]), shapely.Point(outside[0], outside[1])])
    ds = None
    ogr_ds = ogr.Open(path)
    assert ogr_ds.GetLayerByName("interventions_point").GetSpatialRef().GetAuthorityCode(None) == "4326"
    return path


def test_bad_data_becomes_findings_not_a_crash(provider, tmp_path):
    import processing

    path = _bad_programme(tmp_path)
    result = processing.run(ALG, {"PROGRAMME": path})
    rows = FindingsRegister(GpkgStore(path)).rows()
    by_uid = {}
    for r in rows:
        for uid in r["subject_uids"].split(","):
            by_uid.setdefault(uid, []).append((r["rule"], r["message"]))
    assert result["TOTAL"] == len(rows) > 0
    for uid in ("bad-1", "bad-2", "bad-3", "bad-4"):
        assert any(rule == "data_quality" for rule, _ in by_uid.get(uid, [])), uid
    assert any("outside" in m.lower() for _, m in by_uid["bad-4"])
    # Reprojected: the point inside the town is not reported as outside the city.
    assert not any("outside" in m.lower() for _, m in by_uid["bad-3"])


def test_qgis_process_runs_the_check_with_a_rule_subset(sample_gpkg, tmp_path):
    """`qgis_process run gebiedsplugin:check_programme -- PROGRAMME=... RULES=conflict,stacking`."""
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    staged = root / "build" / "gebiedsplugin"
    if not staged.exists():
        subprocess.run(["make", "-s", "stage"], cwd=root, check=True)
    plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "gebiedsplugin").symlink_to(staged)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path))
    # only a venv of this Python: a checkout shared with another Python (the LTR root) must not lend its builds
    site = "python{}.{}/site-packages".format(*sys.version_info[:2])
    env["PYTHONPATH"] = os.pathsep.join(map(str, (root / ".venv" / "lib").glob(site)))
    binary = "/usr/bin/qgis_process.bin"
    subprocess.run([binary, "plugins", "enable", "gebiedsplugin"], env=env, capture_output=True, check=True)
    path, _ = sample_gpkg
    proc = subprocess.run([binary, "--json", "run", ALG, "--", "PROGRAMME={}".format(path),
                           "RULES=conflict,stacking"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    assert {k.split("/")[0] for k in json.loads(results["COUNTS"])} == {"conflict", "stacking"}
    assert results["TOTAL"] == sum(json.loads(results["COUNTS"]).values())
