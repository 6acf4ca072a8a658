"""Open data the national portal accepts: the exported GeoPackage passes PDOK's geopackage-validator
(no errors, no RC20 ring-orientation warnings) and the GeoJSON is RFC 7946 (WGS 84, right-hand rule)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.unified import build_unified
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

VALIDATOR = Path(sys.executable).parent / "geopackage-validator"


@pytest.fixture(scope="module")
def open_export(sample_master, tmp_path_factory):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path_factory.mktemp("open_data")), formats=("gpkg", "geojson"))
    unified = build_unified(GpkgStore.open(master).read_programme())
    return run_export(request), unified


def test_sample_has_an_invalid_polygon_to_repair(open_export):
    _result, unified = open_export
    assert any(not f.geometry.is_valid for f in unified.items["polygon"])  # else the test below proves little


def test_geopackage_passes_the_national_validator(open_export):
    result, _unified = open_export
    if not VALIDATOR.is_file() and os.environ.get("GEBIED_QGIS_LANE"):
        pytest.skip("the QGIS LTR root has no pdok-geopackage-validator; the host lane runs it")
    assert VALIDATOR.is_file(), "pdok-geopackage-validator is missing: run make setup"
    run = subprocess.run([str(VALIDATOR), "validate", "--gpkg-path", result.files["gpkg"][0]],
                         capture_output=True, text=True, timeout=120)
    report = json.loads(run.stdout[run.stdout.index("{"):])
    assert report["validations_executed"] and "RC20" in report["validations_executed"]
    errors = [r for r in report["results"] if r["level"] == "error"]
    rc20 = [r for r in report["results"] if r["validation_code"] == "RC20"]
    assert not errors and not rc20, json.dumps(report["results"], indent=1)
    assert report["success"] is True and run.returncode == 0


def _signed_area(ring) -> float:
    xy = list(ring.coords)
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(xy, xy[1:])) / 2


def test_geojson_is_rfc7946(open_export):
    result, unified = open_export
    with open(result.files["geojson"][0], encoding="utf-8") as f:
        doc = json.load(f)
    assert "crs" not in doc and doc["type"] == "FeatureCollection"
    assert len(doc["features"]) == len(unified)
    polygons = 0
    for feature in doc["features"]:
        geom = shapely.geometry.shape(feature["geometry"])
        assert geom.is_valid and not geom.is_empty, feature["properties"]["uid"]
        lon, lat = shapely.get_coordinates(geom).T
        assert (3 < lon).all() and (lon < 8).all() and (50 < lat).all() and (lat < 54).all()
        for part in shapely.get_parts(geom):
            if part.geom_type == "Polygon":
                polygons += 1
                assert _signed_area(part.exterior) > 0  # right-hand rule: exterior counter-clockwise
                assert all(_signed_area(r) < 0 for r in part.interiors)
    assert polygons >= len(unified.items["polygon"])


def test_schema_json_beside_the_export_and_version_in_the_data(open_export):
    result, unified = open_export
    from gebiedsplugin.core.export_schema import EXPORT_SCHEMA_VERSION, schema_document

    with open(result.files["schema"][0], encoding="utf-8") as f:
        assert json.load(f) == schema_document()
    with sqlite3.connect(result.files["gpkg"][0]) as db:
        versions = db.execute("SELECT schema_version, count(*) FROM unified_items GROUP BY 1").fetchall()
    assert versions == [(EXPORT_SCHEMA_VERSION, len(unified))]
    with open(result.files["geojson"][0], encoding="utf-8") as f:
        assert {ft["properties"]["schema_version"] for ft in json.load(f)["features"]} == {EXPORT_SCHEMA_VERSION}
