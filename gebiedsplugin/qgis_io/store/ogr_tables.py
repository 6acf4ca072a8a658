"""Schema tables as OGR layers: create them and write records into them.

Used by the GeoPackage store; kept apart so the store itself stays about opening and validating.
"""

from __future__ import annotations

from datetime import datetime, timezone

import shapely
from osgeo import ogr, osr

from gebiedsplugin.core import schema
from gebiedsplugin.core.row_changes import stored_geometry, with_identity

ogr.UseExceptions()
osr.UseExceptions()

_OGR_TYPES = {
    schema.TEXT: (ogr.OFTString, ogr.OFSTNone),
    schema.INTEGER: (ogr.OFTInteger, ogr.OFSTNone),
    schema.REAL: (ogr.OFTReal, ogr.OFSTNone),
    schema.BOOLEAN: (ogr.OFTInteger, ogr.OFSTBoolean),
    schema.DATETIME: (ogr.OFTDateTime, ogr.OFSTNone),
}

# Lines and polygons are stored as multi-geometries so any capture or import fits.
_OGR_GEOM = {
    None: ogr.wkbNone,
    "point": ogr.wkbPoint,
    "line": ogr.wkbMultiLineString,
    "polygon": ogr.wkbMultiPolygon,
    "multipolygon": ogr.wkbMultiPolygon,
}


def spatial_ref(crs: str) -> osr.SpatialReference:
    """An OSR spatial reference for an authority id such as 'EPSG:28992'."""
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def create_table(ds, table: schema.Table, srs, spatial_index: bool = True) -> ogr.Layer:
    """Create *table* in data source *ds* with its fields and (for spatial tables) geometry; without
    *spatial_index* its R-tree is left to be built later (over filled tables: store/gpkg_bulk.py)."""
    geom_type = _OGR_GEOM[table.geometry]
    options = ["GEOMETRY_NAME=geom", "FID=fid"] + ([] if spatial_index else ["SPATIAL_INDEX=NO"])
    layer = ds.CreateLayer(table.name, srs if table.geometry else None, geom_type, options=options)
    for f in table.fields:
        ftype, subtype = _OGR_TYPES[f.type]
        defn = ogr.FieldDefn(f.name, ftype)
        defn.SetSubType(subtype)
        defn.SetNullable(not f.mandatory)
        if f.name == schema.ROW_VERSION:
            defn.SetDefault("1")
        layer.CreateField(defn)
    return layer


def ogr_value(field: schema.Field, value):
    """*value* as it is handed to OGR's SetField for *field* (timestamps as UTC text, booleans 0/1)."""
    if value is None:
        return None
    if field.type == schema.DATETIME and isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if field.type == schema.BOOLEAN:
        return 1 if value else 0
    return value


def write_rows(layer: ogr.Layer, table: schema.Table, rows, geometries=None) -> int:
    """Append *rows* (dicts) with optional shapely *geometries* to *layer*; return the count."""
    defn = layer.GetLayerDefn()
    indices = [(defn.GetFieldIndex(f.name), f) for f in table.fields]
    wkbs = None
    if geometries is not None:
        stored = [stored_geometry(g, table.geometry) for g in geometries]
        wkbs = shapely.to_wkb(stored, include_srid=False)
    count = 0
    for n, row in enumerate(rows):
        row = with_identity(table.name, row)
        feat = ogr.Feature(defn)
        for idx, f in indices:
            value = ogr_value(f, row.get(f.name))
            if value is None:
                feat.SetFieldNull(idx)
            else:
                feat.SetField(idx, value)
        if wkbs is not None and wkbs[n] is not None:
            feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(bytes(wkbs[n])))
        layer.CreateFeature(feat)
        count += 1
    return count


def write_features(ds, table_name: str, features) -> int:
    """Append records.Feature objects to the table called *table_name* in *ds*."""
    table = schema.table(table_name)
    layer = ds.GetLayerByName(table_name)
    features = list(features)
    geoms = [f.geometry for f in features] if table.geometry else None
    return write_rows(layer, table, [f.attrs for f in features], geoms)


def read_rows(ds, table_name: str) -> list:
    """All rows of an attribute table as dicts (used for settings, value lists, schema info)."""
    layer = ds.GetLayerByName(table_name)
    if layer is None:
        return []
    layer.ResetReading()
    return [feat.items() for feat in layer]
