"""The web map's folder: what it holds, replaced as a whole with overwrite, refused without it."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from osgeo import ogr

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.export_schema import EXPORT_SCHEMA_VERSION
from gebiedsplugin.core.unified import FIELD_NAMES
from gebiedsplugin.core.web_data import decode_items
from gebiedsplugin.qgis_io import web_map
from gebiedsplugin.qgis_io.exporter import run_export
from gebiedsplugin.qgis_io.web_map import DATA_VARIABLE


def _data(index_html: str) -> dict:
    text = (Path(index_html).parent / "data.js").read_text(encoding="utf-8")
    prefix = "window.{} = ".format(DATA_VARIABLE)
    assert text.startswith(prefix) and text.rstrip().endswith(";")
    return json.loads(text[len(prefix):text.rstrip().rindex(";")])


def test_web_folder_contents_links_and_overwrite(sample_master, tmp_path):
    master, _ = sample_master
    request = ExportRequest(str(master), str(tmp_path), formats=("gpkg", "web"), lang="nl")
    result = run_export(request)
    folder = Path(result.files["web"][0]).parent
    assert folder == tmp_path / "programmakaart_stad_web"  # file names in the export's language
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "index.html", "app.js", "app.css", "data.js", "maplibre-gl.js", "maplibre-gl.css", "maplibre-gl-LICENSE.txt"])
    data = _data(result.files["web"][0])
    with closing(sqlite3.connect(result.files["gpkg"][0])) as db:
        uids = sorted(u for (u,) in db.execute("SELECT uid FROM unified_items"))
        districts = db.execute("SELECT count(*) FROM districts").fetchone()[0]
    items = decode_items(data["items"])
    assert sorted(f["properties"]["uid"] for f in items) == uids
    assert set(data["items"]["columns"]) == set(FIELD_NAMES)  # every field of the export schema, as a column
    assert len(data["districts"]["features"]) == districts and "crs" not in data["districts"]
    assert data["links"] == {"gpkg": "../programmakaart_stad.gpkg", "schema": "../programmakaart_stad_schema.json"}
    assert data["lang"] == "nl" and data["schema_version"] == EXPORT_SCHEMA_VERSION
    assert all((folder / link).is_file() for link in data["links"].values())
    (folder / "stray.txt").write_text("from an earlier export", encoding="utf-8")
    with pytest.raises(ProgrammeError, match="exist already"):
        run_export(request)
    run_export(ExportRequest(str(master), str(tmp_path), formats=("gpkg", "web"), overwrite=True, lang="nl"))
    assert not (folder / "stray.txt").exists() and (folder / "index.html").is_file()  # replaced as a whole
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "programmakaart_stad.gpkg", "programmakaart_stad_schema.json", "programmakaart_stad_web"]  # no leftovers


def test_large_programme_items_beside_the_page_as_flatgeobuf(sample_master, tmp_path, monkeypatch):
    """Above LARGE_PROGRAMME items: items.fgb (WGS 84, spatial index, every item and field) and its reader."""
    master, _ = sample_master
    monkeypatch.setattr(web_map, "LARGE_PROGRAMME", 100)
    result = run_export(ExportRequest(str(master), str(tmp_path), formats=("gpkg", "web")))
    folder = Path(result.files["web"][0]).parent
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "index.html", "app.js", "app.css", "data.js", "maplibre-gl.js", "maplibre-gl.css", "maplibre-gl-LICENSE.txt",
        "items.fgb", "flatgeobuf-geojson.min.js", "flatgeobuf-LICENSE.txt"])
    data = _data(result.files["web"][0])
    assert data["items"] == {"count": result.items, "file": "items.fgb"}
    ds = ogr.Open(str(folder / "items.fgb"))
    layer = ds.GetLayer(0)
    assert layer.TestCapability(ogr.OLCFastSpatialFilter)  # the packed R-tree the page reads with ranges
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4326"
    defn = layer.GetLayerDefn()
    assert {defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())} == set(FIELD_NAMES)
    with closing(sqlite3.connect(result.files["gpkg"][0])) as db:
        uids = sorted(u for (u,) in db.execute("SELECT uid FROM unified_items"))
        budgets = dict(db.execute("SELECT uid, budget FROM unified_items"))
    got = {f.GetField("uid"): f.GetField("budget") for f in layer}
    assert sorted(got) == uids and got == budgets
