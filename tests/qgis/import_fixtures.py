"""Import test helpers: sources written with OGR in every format, and a programme fingerprint."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from osgeo import gdal, ogr, osr

from gebiedsplugin.core import schema
from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

gdal.UseExceptions()

_TYPES = {str: ogr.OFTString, int: ogr.OFTInteger, float: ogr.OFTReal}

# An MJP in WGS84 with Dutch field names (around Amersfoort), as (attrs, WKT); its districts are those of
# DISTRICT_ROWS (an import refuses a district the programme does not have).
MJP_ROWS = [
    ({"code": "MJP-01", "titel": "Herinrichting Markt", "thema": "Openbare ruimte", "stadsdeel": "noord",
      "begin": 2025, "eind": 2027, "bedrag": 1250000.0, "status": "Gepland"}, "POINT (5.3872 52.1552)"),
    ({"code": "MJP-02", "titel": "Riolering Zuid", "thema": "Riolering", "stadsdeel": "zuid",
      "begin": 2026, "eind": 2029, "bedrag": 800000.0, "status": "Idee"},
     "LINESTRING (5.38 52.15, 5.39 52.151)"),
    ({"code": "MJP-03", "titel": "Park Noord", "thema": "Groen en water", "stadsdeel": "noord",
      "begin": 2025, "eind": 2026, "bedrag": 300000.0, "status": "In uitvoering"},
     "POLYGON ((5.38 52.16, 5.385 52.16, 5.385 52.163, 5.38 52.163, 5.38 52.16))"),
]

DISTRICT_ROWS = [
    ({"code": "noord", "naam": "Noord"}, "POLYGON ((5.37 52.155, 5.40 52.155, 5.40 52.17, 5.37 52.17, 5.37 52.155))"),
    ({"code": "zuid", "naam": "Zuid"}, "POLYGON ((5.37 52.14, 5.40 52.14, 5.40 52.155, 5.37 52.155, 5.37 52.14))"),
]


def write_vector(path, rows, driver="GPKG", epsg=4326, layer_name=None, geometry=True, options=None,
                 field_types=None) -> str:
    """Write [(attrs, wkt or None)] with OGR; field types from the first row's values."""
    drv = ogr.GetDriverByName(driver)
    ds = drv.CreateDataSource(str(path))
    srs = None
    if geometry and epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    name = layer_name or Path(path).stem
    layer = ds.CreateLayer(name, srs, ogr.wkbUnknown if geometry else ogr.wkbNone, options=options or [])
    first = rows[0][0] if rows else {}
    types = dict(field_types or {})
    for key, value in first.items():
        layer.CreateField(ogr.FieldDefn(key, types.get(key, _TYPES.get(type(value), ogr.OFTString))))
    for attrs, wkt in rows:
        feat = ogr.Feature(layer.GetLayerDefn())
        for key, value in attrs.items():
            if value is not None:
                feat.SetField(key, value)
        if geometry and wkt:
            feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feat)
    ds = None
    return str(path)


def write_csv(path, header, rows, delimiter=",", encoding="utf-8") -> str:
    """A CSV file (values quoted where they hold the delimiter)."""
    def cell(v):
        text = "" if v is None else str(v)
        return '"{}"'.format(text) if delimiter in text or " " in text else text

    lines = [delimiter.join(header)] + [delimiter.join(cell(v) for v in row) for row in rows]
    with open(path, "w", encoding=encoding, newline="") as out:
        out.write("\n".join(lines) + "\n")
    return str(path)


def fingerprint(path) -> tuple:
    """(row counts, a hash of every programme table's content) to show nothing was written."""
    counts = GpkgStore(path).counts()
    digest = hashlib.sha256()
    con = sqlite3.connect(str(path))
    try:
        for table in schema.TABLES:
            for row in con.execute('SELECT * FROM "{}" ORDER BY fid'.format(table.name)):
                digest.update(repr(row).encode())
    finally:
        con.close()
    return counts, digest.hexdigest()


def project_count(path) -> int:
    counts = GpkgStore(path).counts()
    return sum(counts[t] for t in schema.PROJECT_TABLES)
