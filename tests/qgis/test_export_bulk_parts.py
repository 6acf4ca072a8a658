"""The export's bulk shortcuts give what the value-by-value code gave: polygons oriented in whole-array
calls as shapely orients them one by one, columns typed as before, the items CSV with the same cells
(formula-like text quoted, numbers and empty cells as they were), and the atlas's per-page label rule
labels the same items as the rule that reads the atlas feature."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3

import numpy as np
import pytest
import shapely
from osgeo import gdal
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsFeature,
    QgsPalLayerSettings,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import Feature
from gebiedsplugin.core.unified import FIELD_NAMES, UnifiedMap
from gebiedsplugin.qgis_io import data_export, geojson_export
from gebiedsplugin.qgis_io.atlas_labels import OWN_ITEMS, label_area, label_own_items
from gebiedsplugin.toolbelt.csv_cells import safe_cell

CW_SQUARE = [(0, 0), (0, 10), (10, 10), (10, 0)]  # clockwise
CCW_HOLE = [(2, 2), (4, 2), (4, 4), (2, 4)]  # counter-clockwise


def _planted_polygons() -> list:
    wrong = shapely.Polygon(CW_SQUARE, holes=[CCW_HOLE])  # both rings the wrong way
    right = shapely.orient_polygons(wrong)
    half = shapely.Polygon(shapely.get_coordinates(right.exterior), holes=[CCW_HOLE])  # only the hole wrong
    return [
        shapely.MultiPolygon([wrong]), shapely.MultiPolygon([right]), shapely.MultiPolygon([half]),
        shapely.MultiPolygon([wrong, shapely.box(20, 20, 30, 30, ccw=False), shapely.box(40, 40, 50, 50)]),
        shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)]),  # nothing to turn
        shapely.MultiPolygon(), None, wrong, right,
        shapely.Polygon([(0, 0, 1), (0, 10, 2), (10, 10, 3), (10, 0, 4)]),  # Z kept
        shapely.from_wkt("MULTIPOLYGON (((0 0, 0 1, 1 1, 1 0, 0 0)), EMPTY)"),  # an empty part
    ]


def _wkb(geoms) -> list:
    return [None if g is None else shapely.to_wkb(g, output_dimension=3) for g in geoms]


def test_oriented_is_shapely_orient_polygons_ring_by_ring(qgis_app):
    planted = _planted_polygons()
    expected = [shapely.orient_polygons(g) if g is not None else None for g in planted]  # one at a time
    got = data_export._oriented(np.array(planted, dtype=object))
    assert _wkb(got) == _wkb(expected)
    assert shapely.is_ccw(got[0].geoms[0].exterior) and not shapely.is_ccw(got[0].geoms[0].interiors[0])
    assert got[4] is planted[4]  # nothing reversed: the geometry itself


def test_open_polygons_and_multi_lines_as_one_by_one(qgis_app):
    planted = _planted_polygons() + [shapely.from_wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")]  # a bow tie
    assert _wkb(data_export._open_polygons(planted)) == _wkb([data_export._open_polygon(g) for g in planted])
    lines = [shapely.LineString([(0, 0), (1, 1)]), shapely.MultiLineString([[(0, 0), (1, 0)]]), None,
             shapely.LineString([(0, 0, 1), (2, 2, 3)])]
    expected = [shapely.MultiLineString([g]) if g is not None and g.geom_type == "LineString" else g for g in lines]
    assert _wkb(data_export._multi(lines, "line")) == _wkb(expected)


def test_columns_typed_as_ogr_would_store_them(qgis_app):
    fields = [("n", schema.INTEGER), ("x", schema.REAL), ("t", schema.TEXT)]
    records = [{"n": 1, "x": 2.5, "t": "a"}, {"n": "7", "x": 3, "t": 12}, {"n": True, "x": None}, {"t": None}]
    columns = data_export._columns(records, fields)
    assert columns == [[1, 7, 1, None], [2.5, 3.0, None, None], ["a", "12", None, None]]
    assert [type(v) for v in columns[1][:2]] == [float, float]
    clean = [{"n": 1, "x": 2.0}, {"n": 2, "x": None}]
    assert data_export._columns(clean, fields[:2]) == [[1, 2], [2.0, None]]


def test_items_csv_cells_as_row_by_row(tmp_path, qgis_app):
    titles = ['=HYPERLINK("http://x","klik")', "-12.5", "+31 6 1234", "@SUM(A1)", "\t=1", "gewoon", "", None,
              'met "quote", en komma']
    unified = UnifiedMap()
    for i, title in enumerate(titles):
        attrs = {name: None for name in FIELD_NAMES}
        attrs.update(title=title, uid="u{}".format(i), budget=1000.5 * i, start_year=2024 + i % 3,
                     district="=Wijk" if i == 2 else "Noord", open_findings=i)
        unified.items["point" if i % 2 else "polygon"].append(
            Feature(attrs, shapely.Point(i + 0.123, 2 * i + 0.456) if i % 2 else shapely.box(i, i, i + 3, i + 1)))
    unified.items["line"].append(Feature({name: None for name in FIELD_NAMES}, None))
    path = tmp_path / "items.csv"
    data_export.write_items_csv(str(path), unified, False)
    expected = tmp_path / "expected.csv"  # the row-by-row writer this replaced
    with open(expected, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(FIELD_NAMES + data_export.CSV_EXTRA)
        for feat in unified.all_items():
            pt = None if feat.geometry is None else feat.geometry.point_on_surface()
            xy = ("", "") if pt is None or pt.is_empty else (round(pt.x, 2), round(pt.y, 2))
            writer.writerow([safe_cell(feat.attrs.get(n)) for n in FIELD_NAMES] + list(xy))
    assert path.read_bytes() == expected.read_bytes()
    text = path.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and ",-12.5," in text and "'=Wijk" in text


def _labelled(layer, expression: str) -> list:
    context = QgsExpressionContext()
    expr = QgsExpression(expression or "TRUE")
    out = []
    for f in layer.getFeatures():
        context.setFeature(f)
        if expr.evaluate(context):
            out.append(f["name"])
    return out


def _on_page(area) -> str:
    """OWN_ITEMS as it reads on the atlas page of *area* (its atlas feature's area_id in place)."""
    return OWN_ITEMS.replace("attribute(@atlas_feature, 'area_id')", QgsExpression.quotedValue(area))


def test_label_area_labels_the_items_of_the_page(qgis_app):
    layer = QgsVectorLayer("Point?crs=EPSG:28992&field=name:string&field=district_id:string", "items", "memory")
    rows = [("a", "noord"), ("b", "zuid"), ("c", None), ("d", "it's")]
    for name, district in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes([name, district])
        layer.dataProvider().addFeature(f)
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    label_own_items(layer)
    for area in ("city", "selection", "noord", "zuid", "it's", "elders"):
        label_area(layer, area)
        rule = layer.labeling().rootRule().children()[0].filterExpression()
        assert _labelled(layer, rule) == _labelled(layer, _on_page(area)), area
    label_area(layer, "noord")
    assert _labelled(layer, layer.labeling().rootRule().children()[0].filterExpression()) == ["a"]
    label_area(layer, "city")
    assert _labelled(layer, layer.labeling().rootRule().children()[0].filterExpression()) == ["a", "b", "c", "d"]
    label_area(layer, None)
    assert _labelled(layer, layer.labeling().rootRule().children()[0].filterExpression()) == []
    assert _labelled(layer, _on_page(None)) == []


class _Page:
    def __init__(self, geometry):
        self.geometry = geometry

    def attrs(self) -> dict:
        return {"area_id": "noord", "title": "Noord"}


def _geojson_pair(tmp_path, unified: UnifiedMap) -> tuple:
    """(what write_geojson writes, what GDAL writes reprojecting feature by feature itself, the number of
    geometries reprojected beforehand) of *unified*."""
    work = tmp_path / "work.gpkg"
    area = shapely.box(100000, 485000, 110000, 495000)
    district = Feature({"district_id": "noord", "name": "Noord"}, area)
    data_export.write_working_gpkg(str(work), unified, [_Page(area)], [district])
    fast, own = tmp_path / "fast.gpkg", tmp_path / "own.gpkg"
    shutil.copyfile(work, fast)
    shutil.copyfile(work, own)
    geojson_export.write_geojson(str(tmp_path / "fast.geojson"), str(fast), False)
    names = ", ".join('"{}"'.format(n) for n in FIELD_NAMES)
    union = " UNION ALL ".join('SELECT geom, {} FROM "{}"'.format(names, data_export.UNIFIED_LAYERS[k])
                               for k in schema.GEOMETRY_KINDS)
    gdal.VectorTranslate(str(tmp_path / "own.geojson"), str(own), format="GeoJSON", SQLStatement=union,
                         SQLDialect="SQLITE", layerName="programme_map",
                         layerCreationOptions=["RFC7946=YES", "WRITE_NAME=NO", "COORDINATE_PRECISION=7"])
    conn = sqlite3.connect(str(fast))
    tables = {r[0] for r in conn.execute("SELECT table_name FROM gpkg_contents")}
    # rows reprojected beforehand (the driver read them)
    reprojected = sum(conn.execute('SELECT count(*) FROM "{}"'.format(t)).fetchone()[0] for t in tables
                      if t.startswith("wgs84_"))
    conn.close()
    return (json.loads((tmp_path / "fast.geojson").read_text(encoding="utf-8")),
            json.loads((tmp_path / "own.geojson").read_text(encoding="utf-8")), reprojected)


def _rd_items(z: bool = False) -> UnifiedMap:
    unified = UnifiedMap(crs="EPSG:28992")
    x, y = 104000.0, 489000.0
    shapes = {
        "point": [shapely.Point(x + 12.3456, y + 7.891), shapely.Point(x - 5000, y + 3000.5)],
        "line": [shapely.LineString([(x, y), (x + 250.5, y + 90), (x + 400, y - 30)]), None],
        "polygon": [shapely.Polygon([(x, y), (x, y + 300), (x + 300, y + 300), (x + 300, y)],  # clockwise
                                    holes=[[(x + 10, y + 10), (x + 50, y + 10), (x + 50, y + 50), (x + 10, y + 50)]]),
                    shapely.MultiPolygon([shapely.box(x + 1000, y, x + 1100, y + 80),
                                          shapely.box(x + 2000, y, x + 2100, y + 80)]),
                    shapely.MultiPolygon()],
    }
    if z:
        shapes["point"].append(shapely.Point(x, y, 12.5))
    for kind, geoms in shapes.items():
        for i, geom in enumerate(geoms):
            attrs = {name: None for name in FIELD_NAMES}
            attrs.update(uid="{}{}".format(kind, i), title="Ding {}".format(i), budget=1000.5 * i, geometry_kind=kind)
            unified.items[kind].append(Feature(attrs, geom, "unified_" + kind, i + 1))
    return unified


def test_geojson_reprojected_at_once_is_what_the_driver_writes(tmp_path, qgis_app):
    fast, own, reprojected = _geojson_pair(tmp_path, _rd_items())
    assert reprojected == 7  # every item (the one without a geometry as NULL): reprojected beforehand
    assert len(own["features"]) == 7
    assert fast == own  # feature by feature: properties, geometry types and every coordinate
    assert "crs" not in fast and fast["features"][0]["geometry"]["coordinates"][0] == pytest.approx(4.6, abs=0.1)


def test_geojson_with_z_left_to_the_driver(tmp_path, qgis_app):
    fast, own, reprojected = _geojson_pair(tmp_path, _rd_items(z=True))
    assert reprojected == 0
    assert fast == own and len(own["features"][2]["geometry"]["coordinates"]) == 3
