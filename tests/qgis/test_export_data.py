"""Data exports of the unified map: GeoPackage (valid, styles embedded), GeoJSON (4326), CSV."""

from __future__ import annotations

import csv
import gc
import json
import sqlite3
import subprocess

import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import QgsVectorLayer

from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.unified import FIELD_NAMES, build_unified
from gebiedsplugin.qgis_io import data_export as data_files
from gebiedsplugin.qgis_io import export_task
from gebiedsplugin.qgis_io.data_export import CSV_EXTRA, UNIFIED_LAYERS
from gebiedsplugin.qgis_io.export_task import prepare_export
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


@pytest.fixture(scope="module")
def data_export(sample_master, tmp_path_factory):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path_factory.mktemp("export_data")),
                            formats=("gpkg", "geojson", "csv"))
    unified = build_unified(GpkgStore.open(master).read_programme())
    return request, run_export(request), unified


def test_geopackage_validates_and_embeds_styles(data_export):
    _request, result, unified = data_export
    gpkg = result.files["gpkg"][0]
    check = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", gpkg],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    with sqlite3.connect(gpkg) as db:
        styles = dict(db.execute("SELECT f_table_name, useAsDefault FROM layer_styles"))
        counts = {k: db.execute('SELECT count(*) FROM "{}"'.format(t)).fetchone()[0] for k, t in UNIFIED_LAYERS.items()}
    assert set(UNIFIED_LAYERS.values()) <= set(styles) and all(styles[t] for t in UNIFIED_LAYERS.values())
    assert counts == {k: len(v) for k, v in unified.items.items()}
    layer = QgsVectorLayer(gpkg + "|layername=unified_point", "p", "ogr")
    assert layer.isValid() and layer.renderer().type() == "categorizedSymbol"  # the embedded default style
    assert {c.value() for c in layer.renderer().categories()} >= {"physical_intervention", "programme"}


def test_geojson_is_rfc7946_in_4326_and_round_trips(data_export):
    _request, result, unified = data_export
    path = result.files["geojson"][0]
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    assert doc["type"] == "FeatureCollection" and "crs" not in doc  # RFC 7946: WGS 84 lon/lat, no crs member
    features = doc["features"]
    assert len(features) == len(unified)
    xs = [c[0] for f in features for c in shapely.get_coordinates(shapely.geometry.shape(f["geometry"]))]
    ys = [c[1] for f in features for c in shapely.get_coordinates(shapely.geometry.shape(f["geometry"]))]
    assert 3 < min(xs) and max(xs) < 8 and 50 < min(ys) and max(ys) < 54  # lon/lat in the Netherlands
    assert set(features[0]["properties"]) == set(FIELD_NAMES)
    # Back to RD New: the same features, within centimetres.
    rd, wgs = osr.SpatialReference(), osr.SpatialReference()
    rd.ImportFromEPSG(28992)
    wgs.ImportFromEPSG(4326)
    for s in (rd, wgs):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    back = osr.CoordinateTransformation(wgs, rd)
    originals = {f.get("uid"): f for f in unified.all_items()}
    assert {f["properties"]["uid"] for f in features} == set(originals)
    for feature in features[::25]:
        geom = ogr.CreateGeometryFromJson(json.dumps(feature["geometry"]))
        geom.Transform(back)
        original = originals[feature["properties"]["uid"]]
        restored = shapely.from_wkb(bytes(geom.ExportToWkb()))
        assert restored.geom_type.replace("Multi", "") == original.geometry.geom_type.replace("Multi", "")
        assert shapely.hausdorff_distance(restored, original.geometry) < 0.1
        assert feature["properties"]["title"] == original.get("title")
        assert feature["properties"]["budget"] == original.get("budget")


def test_csv_columns_match(data_export):
    _request, result, unified = data_export
    items_csv, summary_csv = result.files["csv"]
    with open(items_csv, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == FIELD_NAMES + CSV_EXTRA
    assert len(rows) - 1 == len(unified)
    with open(summary_csv, encoding="utf-8", newline="") as f:
        summary = list(csv.DictReader(f))
    assert list(summary[0]) == ["district_id", "district", "source", "domain", "kind", "items", "budget",
                                "open_findings"]
    assert sum(int(r["items"]) for r in summary) == len(unified)


def test_prepare_runs_without_cycle_collection(sample_master, tmp_path):
    """The read and the unified map make millions of objects at 100k: no collector pass over them while
    they are made (whoever calls, the dock's task or the Processing algorithm); the collector is back after."""
    master, _ = sample_master
    seen = []
    request = ExportRequest(str(master), str(tmp_path), formats=("csv",))
    assert gc.isenabled()
    prepared = prepare_export(request, lambda _value: seen.append(gc.isenabled()))
    try:
        assert seen and not any(seen)
        assert gc.isenabled()
    finally:
        prepared.beside.wait()
        prepared.cleanup()



def test_the_programme_is_let_go_of_once_the_overview_has_it(sample_master, tmp_path, monkeypatch):
    """The Overview is the programme's last reader: the programme's records are emptied before the CSVs
    (which read the unified map only) are written, not after them (#18: they were held while the atlas drew,
    under the 100k export's peak). The steps are the real ones, recorded as they run."""
    master, _ = sample_master
    read, steps = [], []
    read_programme, overview, write_items_csv = GpkgStore.read_programme, export_task._overview, \
        data_files.write_items_csv

    def reading(store):
        read.append(read_programme(store))
        return read[-1]

    def making_overview(future, programme, unified):
        overview(future, programme, unified)
        steps.append(("overview", len(programme.interventions)))

    def writing(target, unified, overwrite):
        steps.append(("items csv", len(read[0].interventions), len(read[0].funding), len(unified.all_items())))
        return write_items_csv(target, unified, overwrite)

    monkeypatch.setattr(GpkgStore, "read_programme", reading)
    monkeypatch.setattr(export_task, "_overview", making_overview)
    monkeypatch.setattr(data_files, "write_items_csv", writing)
    prepared = prepare_export(ExportRequest(str(master), str(tmp_path), formats=("pdf", "csv")))
    try:
        prepared.beside.wait()
        interventions = len(GpkgStore.open(master).read_programme().interventions)
        assert interventions > 0 and prepared.overview.result().items
        assert steps == [("overview", interventions), ("items csv", 0, 0, prepared.items)]
        assert read[0].interventions == [] and read[0].projects == [] and read[0].links == []
    finally:
        prepared.cleanup()
