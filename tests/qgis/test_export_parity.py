"""The faster export pipeline (#18) writes what the earlier one wrote: the same files, the data files
feature by feature and attribute by attribute, the PDF's pages and their text, the page images'
names and sizes. The earlier pipeline is the plugin of commit ``export_once.BASELINE`` (before #18),
extracted with git and run in its own process beside the current code, on the same programme."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from osgeo import ogr
from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import export_once  # noqa: E402

ogr.UseExceptions()
TABLE_ROWS = 12  # a short table, so its candidates are cut at a tie more often than at 30


@pytest.fixture(scope="module")
def both(sample_master, tmp_path_factory):
    """(old folder, new folder, old result, new result) of one export of Voorbeeldstad with year pages."""
    root = tmp_path_factory.mktemp("parity")
    try:
        old_code = export_once.baseline(export_once.BASELINE, root / "baseline")
    except (subprocess.CalledProcessError, FileNotFoundError) as e:  # a checkout without history (a zip)
        pytest.skip("the baseline commit {} is not available: {}".format(export_once.BASELINE, e))
    programme = root / "voorbeeldstad.gpkg"
    shutil.copy(sample_master[0], programme)
    old = export_once.run(old_code, programme, root / "old", per_year=True, table_rows=TABLE_ROWS)
    new = export_once.run(ROOT, programme, root / "new", per_year=True, table_rows=TABLE_ROWS)
    return root / "old", root / "new", old, new


def _names(folder: Path) -> list:
    return sorted(p.name for p in folder.iterdir())


def test_the_same_files(both):
    old, new, old_result, new_result = both
    assert _names(old) == _names(new)
    assert len(_names(new)) >= 8
    assert (old_result["atlas_pages"], old_result["pdf_pages"]) == (new_result["atlas_pages"], new_result["pdf_pages"])


def _canonical(xml_text: str):
    """A style document as nested (tag, attributes, text, children), XML inside attribute values
    too: Qt writes attributes in a different order in every process (hash seed), the style is the same."""
    def value(text):
        if text.startswith("<"):
            try:
                return _canonical(text)
            except ElementTree.ParseError:
                return text
        return text

    def walk(element):
        return (element.tag, {k: value(v) for k, v in element.attrib.items()}, (element.text or "").strip(),
                [walk(c) for c in element])
    if xml_text.startswith("<!DOCTYPE"):
        xml_text = xml_text.split(">", 1)[1]
    return walk(ElementTree.fromstring(xml_text.encode("utf-8")))


def _features(path: Path) -> dict:
    """table -> (field definitions, [(fid, attributes, ISO WKB)]) of every layer of an OGR data source."""
    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayer(i)
        defn = layer.GetLayerDefn()
        fields = [(defn.GetFieldDefn(k).GetName(), defn.GetFieldDefn(k).GetTypeName())
                  for k in range(defn.GetFieldCount())]
        rows = []
        for feature in layer:
            geometry = feature.GetGeometryRef()
            attrs = {name: feature.GetField(name) for name, _type in fields if name != "update_time"}  # a clock
            for name in ("styleQML", "styleSLD"):
                if attrs.get(name):
                    attrs[name] = _canonical(attrs[name])
            rows.append((feature.GetFID(), attrs, geometry.ExportToIsoWkb() if geometry is not None else None))
        out[layer.GetName()] = (fields, layer.GetGeomType(), rows)
    return out


def test_geopackage_feature_by_feature(both):
    old, new, _o, _n = both
    gpkg = next(p.name for p in old.iterdir() if p.suffix == ".gpkg")
    before, after = _features(old / gpkg), _features(new / gpkg)
    assert sorted(before) == sorted(after)
    assert sum(len(v[2]) for v in after.values()) > 400
    for table in before:
        assert before[table][:2] == after[table][:2], table
        assert len(before[table][2]) == len(after[table][2]), table
        for row_before, row_after in zip(before[table][2], after[table][2]):
            assert row_before == row_after, table


def test_geojson_feature_by_feature(both):
    old, new, _o, _n = both
    name = next(p.name for p in old.iterdir() if p.suffix == ".geojson")
    before = json.loads((old / name).read_text(encoding="utf-8"))
    after = json.loads((new / name).read_text(encoding="utf-8"))
    assert len(after["features"]) == len(before["features"]) > 400
    assert {k: v for k, v in before.items() if k != "features"} == {k: v for k, v in after.items() if k != "features"}
    for feature_before, feature_after in zip(before["features"], after["features"]):
        assert feature_before == feature_after


def test_csv_and_schema_files_byte_for_byte(both):
    old, new, _o, _n = both
    for path in old.iterdir():
        if path.suffix in (".csv", ".json"):
            assert (new / path.name).read_bytes() == path.read_bytes(), path.name
    items = next(p for p in new.iterdir() if p.name.endswith("_items.csv"))
    with open(items, newline="", encoding="utf-8") as f:
        assert len(list(csv.reader(f))) > 400


def _pdf_pages(path: Path) -> list:
    """Each page's words, sorted: map labels may land on another candidate position from one run to the
    next (QGIS's label engine, the earlier pipeline against itself too), the words on a page may not."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [sorted(page.split()) for page in text.split("\f")]


def test_pdf_pages_and_their_text(both):
    old, new, _o, _n = both
    name = next(p.name for p in old.iterdir() if p.suffix == ".pdf")
    before, after = _pdf_pages(old / name), _pdf_pages(new / name)
    assert len(before) == len(after) > 8
    for number, (page_before, page_after) in enumerate(zip(before, after), start=1):
        assert page_before == page_after, "page {}".format(number)
    assert any("Year" in page for page in after)  # the year pages are there


def test_page_images_names_and_sizes(both):
    old, new, _o, new_result = both
    before = sorted(p.name for p in old.iterdir() if p.suffix == ".png")
    after = sorted(p.name for p in new.iterdir() if p.suffix == ".png")
    assert before == after and len(after) == new_result["pdf_pages"]
    for name in after:
        image_before, image_after = QImage(str(old / name)), QImage(str(new / name))
        assert image_after.size() == image_before.size(), name
        assert not image_after.isNull()
