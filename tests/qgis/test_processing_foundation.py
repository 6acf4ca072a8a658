"""create_programme and generate_sample through Processing, in Python and through qgis_process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

ROOT = Path(__file__).resolve().parents[2]


def _run(alg, params):
    import processing

    return processing.run(alg, params)


def _wgs84_districts():
    """Two districts drawn in WGS84 (Haarlem-ish), as a memory layer."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=naam:string", "wijken", "memory")
    feats = []
    for name, wkt in [("Zuid-West", "POLYGON((4.60 52.36, 4.63 52.36, 4.63 52.38, 4.60 52.38, 4.60 52.36))"),
                      ("Oost", "POLYGON((4.63 52.36, 4.66 52.36, 4.66 52.38, 4.63 52.38, 4.63 52.36))")]:
        f = QgsFeature(layer.fields())
        f["naam"] = name
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_create_programme_with_districts_in_another_crs(provider, tmp_path):
    out = tmp_path / "nieuw.gpkg"
    result = _run("gebiedsplugin:create_programme", {
        "OUTPUT": str(out), "DISTRICTS": _wgs84_districts(), "DISTRICT_NAME_FIELD": "naam", "CRS": "EPSG:28992"})
    programme = GpkgStore.open(result["OUTPUT"]).read_programme()
    codes = sorted(d.get("district_id") for d in programme.districts)
    assert codes == ["city", "oost", "zuid_west"]
    city = [d for d in programme.districts if d.get("district_id") == "city"][0]
    # In RD New metres: the city is about 4 km x 2.2 km, and lies around Haarlem.
    minx, miny, maxx, maxy = city.geometry.bounds
    assert 3500 < maxx - minx < 4500 and 1800 < maxy - miny < 2600
    assert 100000 < minx < 106000 and 485000 < miny < 492000
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:28992"), QgsProject.instance())
    corner = transform.transform(4.60, 52.36)
    assert abs(minx - corner.x()) < 1.0


def test_create_programme_refuses_existing_file(provider, tmp_path, empty_gpkg):
    from qgis.core import QgsProcessingException

    before = os.path.getmtime(empty_gpkg)
    with pytest.raises(QgsProcessingException, match="already exists"):
        _run("gebiedsplugin:create_programme", {"OUTPUT": empty_gpkg})
    assert os.path.getmtime(empty_gpkg) == before


def test_create_programme_missing_name_field(provider, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="district names"):
        _run("gebiedsplugin:create_programme", {"OUTPUT": str(tmp_path / "x.gpkg"), "DISTRICTS": _wgs84_districts()})
    assert not (tmp_path / "x.gpkg").exists()


def test_generate_sample_writes_programme_and_manifest(provider, tmp_path):
    result = _run("gebiedsplugin:generate_sample", {"OUTPUT": str(tmp_path / "vs.gpkg"), "SEED": 7,
                                                     "INTERVENTIONS": 300})
    manifest = json.loads(Path(result["MANIFEST"]).read_text())
    store = GpkgStore.open(result["OUTPUT"])
    counts = store.counts()
    assert sum(counts[t] for t in counts if t.startswith("interventions_")) == manifest["counts"]["interventions"]
    assert counts["districts"] == 6
    assert {p["rule"] for p in manifest["planted"]} >= {
        "conflict", "stacking", "duplicate_funding", "budget_exceeded", "district_mismatch", "data_quality"}
    proc = subprocess.run(["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg", store.path],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_qgis_process_runs_the_algorithms(tmp_path):
    """The packaged-style plugin folder, enabled in a fresh profile, runs from qgis_process."""
    staged = ROOT / "build" / "gebiedsplugin"
    if not staged.exists():
        subprocess.run(["make", "-s", "stage"], cwd=ROOT, check=True)
    profile = tmp_path / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "gebiedsplugin").symlink_to(staged)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path))
    # only a venv of this Python: a checkout shared with another Python (the LTR root) must not lend its builds
    site = "python{}.{}/site-packages".format(*sys.version_info[:2])
    env["PYTHONPATH"] = os.pathsep.join(map(str, (ROOT / ".venv" / "lib").glob(site)))
    binary = "/usr/bin/qgis_process.bin"
    subprocess.run([binary, "plugins", "enable", "gebiedsplugin"], env=env, capture_output=True, check=True)
    out = tmp_path / "cli.gpkg"
    proc = subprocess.run([binary, "run", "gebiedsplugin:generate_sample", "--", "OUTPUT={}".format(out),
                           "SEED=3", "INTERVENTIONS=100"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert GpkgStore.open(out).counts()["districts"] == 6
    folder = tmp_path / "export"
    folder.mkdir()
    proc = subprocess.run([binary, "run", "gebiedsplugin:export_programme_map", "--", "PROGRAMME={}".format(out),
                           "SCOPE=city", "FORMATS=pdf,gpkg,geojson", "OUTPUT_FOLDER={}".format(folder)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    written = sorted(p.suffix for p in folder.iterdir())
    assert ".pdf" in written and ".gpkg" in written and ".geojson" in written
