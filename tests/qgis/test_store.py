"""The GeoPackage programme store: create, open, refuse what it cannot read without touching it."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess

import pytest
from qgis.core import QgsVectorLayer

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.value_lists import VALUE_LISTS
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore


def _digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_create_has_every_table_and_version(tmp_path, qgis_app):
    store = GpkgStore.create(tmp_path / "p.gpkg")
    counts = store.counts()
    assert set(counts) == {t.name for t in schema.TABLES}
    assert store.schema_info()["schema_version"] == str(schema.SCHEMA_VERSION)
    assert store.crs() == "EPSG:28992"
    assert counts["value_lists"] == sum(len(v) for v in VALUE_LISTS.values())
    assert store.settings() == schema.DEFAULT_SETTINGS
    for table in schema.TABLES:
        layer = QgsVectorLayer(store.uri(table.name), table.name, "ogr")
        assert layer.isValid(), table.name
        assert set(table.field_names) <= set(layer.fields().names()), table.name


def test_created_programme_passes_validate_gpkg(tmp_path, qgis_app):
    store = GpkgStore.create(tmp_path / "p.gpkg")
    proc = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", store.path],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_sample_round_trips(sample_gpkg):
    path, manifest = sample_gpkg
    programme = GpkgStore.open(path).read_programme()
    assert len(programme.interventions) == manifest["counts"]["interventions"]
    assert {f.table for f in programme.interventions} == set(schema.INTERVENTION_TABLES)
    assert len({f.get("uid") for f in programme.interventions}) == len(programme.interventions)


def test_refuses_existing_file_without_overwrite(tmp_path, qgis_app):
    target = tmp_path / "p.gpkg"
    GpkgStore.create(target)
    before = _digest(target)
    with pytest.raises(ProgrammeError, match="already exists"):
        GpkgStore.create(target)
    assert _digest(target) == before


def test_unwritable_folder_is_named(tmp_path, qgis_app):
    folder = tmp_path / "nope"
    with pytest.raises(ProgrammeError, match="does not exist"):
        GpkgStore.create(folder / "p.gpkg")


def test_geographic_crs_is_refused(tmp_path, qgis_app):
    with pytest.raises(ProgrammeError, match="projected CRS"):
        GpkgStore.create(tmp_path / "p.gpkg", crs="EPSG:4326")
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_not_a_geopackage_is_refused_untouched(tmp_path, qgis_app):
    path = tmp_path / "notes.gpkg"
    path.write_text("hello")
    before = _digest(path)
    with pytest.raises(ProgrammeError, match="is not a GeoPackage"):
        GpkgStore.open(path)
    assert _digest(path) == before


def test_plain_geopackage_is_not_a_programme(tmp_path, qgis_app):
    from osgeo import ogr

    path = tmp_path / "plain.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    ds.CreateLayer("roads", None, ogr.wkbLineString)
    ds = None
    before = _digest(path)
    with pytest.raises(ProgrammeError, match="not a programme"):
        GpkgStore.open(path)
    assert _digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path, qgis_app):
    store = GpkgStore.create(tmp_path / "p.gpkg")
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION + 1),))
    before = _digest(store.path)
    with pytest.raises(ProgrammeError, match="newer version"):
        GpkgStore.open(store.path)
    assert _digest(store.path) == before


def test_missing_file_is_named(tmp_path, qgis_app):
    with pytest.raises(ProgrammeError, match="File not found"):
        GpkgStore.open(tmp_path / "missing.gpkg")


def test_append_is_all_or_nothing(tmp_path, qgis_app):
    import shapely

    from gebiedsplugin.core.records import Feature, Programme

    store = GpkgStore.create(tmp_path / "p.gpkg")
    row = {"uid": "same", "title": "t", "domain": "physical", "kind": "intervention", "theme": "green",
           "start_year": 2025, "end_year": 2025}
    twice = Programme(interventions=[Feature(dict(row), shapely.Point(1, 1), "interventions_point"),
                                     Feature(dict(row), shapely.Point(2, 2), "interventions_point")],
                      funding=[{"intervention_uid": "same", "year": 2025, "funder": "province", "amount": 1.0}])
    with pytest.raises(RuntimeError):
        store.append_programme(twice)  # the unique uid index refuses the second row
    counts = store.counts()
    assert counts["interventions_point"] == 0 and counts["funding"] == 0


def test_settings_update_in_place(tmp_path, qgis_app):
    store = GpkgStore.create(tmp_path / "p.gpkg")
    store.write_settings({"stacking_max": 12, "new_key": "x"})
    settings = store.settings()
    assert settings["stacking_max"] == "12" and settings["new_key"] == "x"
    assert store.counts()["settings"] == len(schema.DEFAULT_SETTINGS) + 1
