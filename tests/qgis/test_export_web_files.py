"""The web map's folder: what it holds, replaced as a whole with overwrite, refused without it."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.export_plan import ExportRequest
from gebiedsplugin.core.export_schema import EXPORT_SCHEMA_VERSION
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
    assert sorted(f["properties"]["uid"] for f in data["items"]["features"]) == uids
    assert len(data["districts"]["features"]) == districts and "crs" not in data["items"]
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
