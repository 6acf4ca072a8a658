"""Data exports of the unified map: the GeoPackage, GeoJSON (EPSG:4326, RFC 7946) and CSV tables.

Everything here except embed_styles() uses OGR only and is safe in a worker thread (no layers).
Each file is written under a temporary name and renamed when complete (toolbelt.files). CSV text
cells that a spreadsheet would run as a formula start with a single quote (toolbelt.csv_cells).
"""

from __future__ import annotations

import csv
import json
import os
import shutil

import numpy as np
import shapely
from osgeo import gdal, ogr

from gebiedsplugin.core import schema
from gebiedsplugin.core.atlas_pages import PAGE_FIELDS, SUMMARY_FIELDS, summary_rows
from gebiedsplugin.core.export_schema import schema_document
from gebiedsplugin.core.unified import FIELD_NAMES, UNIFIED_FIELDS, UnifiedMap
from gebiedsplugin.qgis_io.store.ogr_tables import spatial_ref
from gebiedsplugin.toolbelt.csv_cells import safe_cell
from gebiedsplugin.toolbelt.files import atomic_path

gdal.UseExceptions()
ogr.UseExceptions()

UNIFIED_LAYERS = {k: "unified_" + k for k in schema.GEOMETRY_KINDS}
ITEMS_TABLE, PAGES_TABLE, DISTRICTS_TABLE = "unified_items", "atlas_pages", "districts"
CSV_EXTRA = ("x", "y")  # representative point in the programme's CRS

_OGR = {schema.TEXT: ogr.OFTString, schema.INTEGER: ogr.OFTInteger, schema.REAL: ogr.OFTReal}
_GEOM = {"point": ogr.wkbPoint, "line": ogr.wkbMultiLineString, "polygon": ogr.wkbMultiPolygon}


def _multi(geoms: list, kind: str) -> list:
    if kind == "line":
        return [shapely.multilinestrings([g]) if g is not None and g.geom_type == "LineString" else g for g in geoms]
    if kind == "polygon":
        return _open_polygons(geoms)
    return geoms


def _open_polygons(geoms: list) -> list:
    """_open_polygon() for many: the valid ones made multi and oriented in one vectorised pass."""
    if not geoms:
        return []
    arr = np.array(geoms, dtype=object)
    valid = shapely.is_valid(arr) | shapely.is_missing(arr)
    single = shapely.get_type_id(arr) == 3  # Polygon
    arr[valid & single] = shapely.multipolygons(arr[valid & single][:, None])
    arr[valid] = shapely.orient_polygons(arr[valid])
    for i in np.flatnonzero(~valid):
        arr[i] = _open_polygon(arr[i])
    return arr.tolist()


def _open_polygon(geom):
    """A valid MultiPolygon with counter-clockwise exterior rings (what the national portal's
    geopackage-validator asks: RQ23 valid geometries, RC20 ring orientation; RFC 7946's right-hand
    rule). An invalid polygon keeps its polygonal parts after make_valid; one that collapses to
    lines becomes a 1 cm wide polygon around them rather than disappearing."""
    if geom is None or geom.is_empty:
        return geom
    if not geom.is_valid:
        fixed = shapely.make_valid(geom)
        parts = [p for p in shapely.get_parts(fixed) if p.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(parts) if parts else fixed.buffer(0.01)
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.orient_polygons(shapely.multipolygons(parts))


def write_layer(ds, name: str, fields, features, geom_type=ogr.wkbNone, srs=None, options=None,
                kind: str = "", cancelled=None) -> None:
    """Create layer *name* with *fields* ((name, type) pairs) and write *features* (Feature records)."""
    layer = ds.CreateLayer(name, srs, geom_type, options=options or [])
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, _OGR[ftype]))
    defn = layer.GetLayerDefn()
    names = [f[0] for f in fields]
    wkbs = [None] * len(features)
    if geom_type != ogr.wkbNone:
        geoms = _multi([f.geometry for f in features], kind) if kind else [f.geometry for f in features]
        wkbs = shapely.to_wkb(geoms).tolist() if geoms else []
    for i, (feat, wkb) in enumerate(zip(features, wkbs)):
        out = ogr.Feature(defn)
        attrs = feat.attrs if hasattr(feat, "attrs") else feat
        for j, fname in enumerate(names):
            value = attrs.get(fname)
            if value is None:
                out.SetFieldNull(j)  # written as null, not left out (GeoJSON properties stay complete)
            else:
                out.SetField(j, value)
        if wkb is not None:
            out.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(out)
        if cancelled is not None and i % 5000 == 0 and cancelled():
            raise InterruptedError


def write_working_gpkg(path: str, unified: UnifiedMap, pages: list, districts: list, cancelled=None) -> None:
    """The unified map as a GeoPackage: a layer per geometry kind, the item table, pages, districts."""
    srs = spatial_ref(unified.crs)
    fields = [(f[0], f[1]) for f in UNIFIED_FIELDS]
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    try:
        ds.StartTransaction()
        opts = ["GEOMETRY_NAME=geom", "FID=fid"]
        for kind, name in UNIFIED_LAYERS.items():
            write_layer(ds, name, fields, unified.items[kind], _GEOM[kind], srs, opts, kind, cancelled)
        write_layer(ds, ITEMS_TABLE, fields, unified.all_items(), options=["FID=fid"], cancelled=cancelled)
        write_layer(ds, PAGES_TABLE, PAGE_FIELDS, [_page_record(p) for p in pages], ogr.wkbMultiPolygon, srs, opts,
                    "polygon")
        write_layer(ds, DISTRICTS_TABLE, [("district_id", schema.TEXT), ("name", schema.TEXT)], districts,
                    ogr.wkbMultiPolygon, srs, opts, "polygon")
        ds.CommitTransaction()
        for name in UNIFIED_LAYERS.values():
            ds.ExecuteSQL('CREATE INDEX "ix_{0}_district" ON "{0}" ("district_id")'.format(name))
        ds.ExecuteSQL('CREATE INDEX "ix_{0}_district" ON "{0}" ("district_id")'.format(ITEMS_TABLE))
    finally:
        ds = None


class _PageRecord:
    def __init__(self, attrs, geometry):
        self.attrs, self.geometry = attrs, geometry


def published(features: list, kind: str) -> list:
    """Records of *features* (of one geometry *kind*) with their geometry as the files publish it:
    multi, and polygons valid and counter-clockwise (_open_polygon)."""
    geoms = _multi([f.geometry for f in features], kind)
    return [_PageRecord(f.attrs, g) for f, g in zip(features, geoms)]


def _page_record(page) -> _PageRecord:
    return _PageRecord(page.attrs(), page.geometry)


def shareable(path: str) -> None:
    """Give a finished temporary file the usual permissions (temporary files start owner-only)."""
    try:
        os.chmod(path, 0o644)
    except OSError:
        pass


def publish_copy(source: str, target: str, overwrite: bool) -> str:
    """Copy *source* to *target* via a temporary name (the GeoPackage deliverable)."""
    with atomic_path(target, overwrite) as tmp:
        shutil.copyfile(source, tmp)
        shareable(tmp)
    return str(target)


def write_geojson(target: str, unified: UnifiedMap, overwrite: bool, cancelled=None) -> str:
    """All items in one FeatureCollection, RFC 7946 (EPSG:4326, lon/lat, right-hand polygons)."""
    fields = [(f[0], f[1]) for f in UNIFIED_FIELDS]
    items = [r for kind in schema.GEOMETRY_KINDS for r in published(unified.items[kind], kind)]
    with atomic_path(target, overwrite) as tmp:
        os.unlink(tmp)  # the driver creates the file itself
        ds = ogr.GetDriverByName("GeoJSON").CreateDataSource(tmp)
        # The driver reprojects to EPSG:4326 itself when RFC7946=YES.
        write_layer(ds, "programme_map", fields, items, ogr.wkbUnknown, spatial_ref(unified.crs),
                    ["RFC7946=YES", "WRITE_NAME=NO", "COORDINATE_PRECISION=7"], cancelled=cancelled)
        ds = None
    return str(target)


def write_items_csv(target: str, unified: UnifiedMap, overwrite: bool) -> str:
    """One row per item with every unified field and a representative point (x, y)."""
    items = unified.all_items()
    points = shapely.point_on_surface([f.geometry for f in items]) if items else []
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(FIELD_NAMES + CSV_EXTRA)
            for feat, pt in zip(items, points):
                xy = ("", "") if pt is None or pt.is_empty else (round(pt.x, 2), round(pt.y, 2))
                writer.writerow([safe_cell(feat.attrs.get(n)) for n in FIELD_NAMES] + list(xy))
        shareable(tmp)
    return str(target)


def write_schema_json(target: str, overwrite: bool) -> str:
    """The export schema (fields, types, units, code lists, meanings; its version) as JSON."""
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(schema_document(), out, ensure_ascii=False, indent=1)
        shareable(tmp)
    return str(target)


def write_summary_csv(target: str, unified: UnifiedMap, overwrite: bool) -> str:
    """Items, budget and open findings per district, source, domain and kind."""
    with atomic_path(target, overwrite) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=SUMMARY_FIELDS)
            writer.writeheader()
            for row in summary_rows(unified):
                writer.writerow({k: safe_cell(v) for k, v in row.items()})
        shareable(tmp)
    return str(target)


def embed_styles(path: str, styles: dict) -> None:
    """Store each layer's style in the GeoPackage (table layer_styles) as its default (main thread).

    *styles*: table name -> a QgsVectorLayer already styled (its renderer and labels are saved).
    """
    from gebiedsplugin.core.errors import ProgrammeError
    from gebiedsplugin.toolbelt.i18n import tr
    from gebiedsplugin.toolbelt.qt_compat import save_style_to_database

    for table_name, layer in styles.items():
        error = save_style_to_database(layer, table_name, tr("Unified programme map"))
        if error:
            raise ProgrammeError(tr("Could not store the style of {} in {}: {}").format(table_name, path, error))
