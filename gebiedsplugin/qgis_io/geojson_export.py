"""The unified map as GeoJSON (EPSG:4326, RFC 7946), from a copy of the working GeoPackage.

OGR only, safe in a worker thread (no layers); written under a temporary name and renamed when complete
(toolbelt.files).
"""

from __future__ import annotations

import os
import sqlite3

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

from gebiedsplugin.core import schema
from gebiedsplugin.core.unified import UNIFIED_FIELDS
from gebiedsplugin.qgis_io.data_export import UNIFIED_LAYERS
from gebiedsplugin.qgis_io.store import gpkg_sqlite
from gebiedsplugin.qgis_io.store.ogr_tables import spatial_ref
from gebiedsplugin.toolbelt.files import atomic_path

gdal.UseExceptions()
ogr.UseExceptions()


def write_geojson(target: str, working_gpkg: str, overwrite: bool) -> str:
    """All items in one FeatureCollection, RFC 7946 (EPSG:4326, lon/lat, right-hand polygons): GDAL
    translates the working GeoPackage's layers (geometries already as published) in one pass.

    *working_gpkg* is a copy of the working GeoPackage made for this file (it is changed): when its CRS
    is not EPSG:4326, the geometries are reprojected first, all at once (_add_wgs84), and the driver reads
    them from there; its own reprojection, feature by feature, took half of the file's time."""
    names = ", ".join('t."{}"'.format(f[0]) for f in UNIFIED_FIELDS)
    wgs84 = _add_wgs84(working_gpkg)
    geom = "w.geom" if wgs84 else "t.geom"
    # bandit B608: table and field names from the export schema, no user text
    union = " UNION ALL ".join(
        'SELECT {}, {} FROM "{}" t{}'.format(  # nosec B608
            geom, names, UNIFIED_LAYERS[k], ' JOIN "{}" w ON w.fid = t.fid'.format(wgs84[k]) if wgs84 else "")
        for k in schema.GEOMETRY_KINDS)
    with atomic_path(target, overwrite) as tmp:
        os.unlink(tmp)  # the driver creates the file itself
        # The driver reprojects to EPSG:4326 itself when RFC7946=YES (a no-op once they are in it).
        gdal.VectorTranslate(tmp, working_gpkg, format="GeoJSON", SQLStatement=union, SQLDialect="SQLITE",
                             layerName="programme_map",
                             layerCreationOptions=["RFC7946=YES", "WRITE_NAME=NO", "COORDINATE_PRECISION=7"])
    return str(target)


WGS84 = 4326  # the srs_id of EPSG:4326 in every GeoPackage (the standard requires it)
WGS84_CHUNK = 10000  # geometries reprojected at a time (their blobs, shapes and new blobs: ~40 MB at most)


def _add_wgs84(gpkg: str) -> dict:
    """Beside each unified layer of *gpkg*, a layer of its geometries in EPSG:4326 (fid, geom): kind ->
    its name; {} when the layers are in EPSG:4326 already (or hold a Z coordinate: the driver reprojects
    those itself). A chunk of geometries at a time (the export's peak memory is near 1 GB at 100k), their
    coordinates in one PROJ call, by OGR's own transformation from the layers' spatial reference as OGR
    reads it (the one the GeoJSON driver would use: the same numbers)."""
    layers = {k: UNIFIED_LAYERS[k] for k in schema.GEOMETRY_KINDS}
    out = {k: "wgs84_" + k for k in layers}
    target = spatial_ref("EPSG:4326")
    ds = ogr.Open(gpkg, 1)
    try:
        source = ds.GetLayerByName(layers["point"]).GetSpatialRef()
        if source is None or source.GetAuthorityCode(None) == str(WGS84):
            return {}
        source = source.Clone()
        for name in out.values():
            ds.CreateLayer(name, target, ogr.wkbUnknown, options=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=NO"])
    finally:
        ds = None
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    try:
        return _write_wgs84(gpkg, layers, out, transform)
    except sqlite3.Error as e:  # told as a failed write (a full disk by its text or the free space: export_error)
        raise RuntimeError(str(e)) from e


def _write_wgs84(gpkg: str, layers: dict, out: dict, transform) -> dict:
    conn = gpkg_sqlite.connect(gpkg)
    try:
        conn.execute("BEGIN")
        for kind, table in layers.items():
            # bandit B608: table names from the export schema
            cursor = conn.execute('SELECT fid, geom FROM "{}"'.format(table))  # nosec B608
            while True:
                rows = cursor.fetchmany(WGS84_CHUNK)
                if not rows:
                    break
                fids, blobs = zip(*rows)
                del rows
                geoms = gpkg_sqlite.decode_many(blobs)
                del blobs
                if shapely.has_z(geoms).any():
                    return {}  # the layers made so far stay unused (and uncommitted)
                conn.executemany('INSERT INTO "{}" (fid, geom) VALUES (?, ?)'.format(out[kind]),  # nosec B608
                                 zip(fids, gpkg_sqlite.encode_many(_transformed(geoms, transform), WGS84)))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return out


def _transformed(geoms: np.ndarray, transform) -> np.ndarray:
    """*geoms* (2D) with every coordinate passed through *transform*: as one line, one PROJ call."""
    coords = shapely.get_coordinates(geoms)
    if len(coords) > 1:
        line = ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.linestrings(coords)))
        line.Transform(transform)
        return shapely.set_coordinates(geoms, shapely.get_coordinates(shapely.from_wkb(bytes(line.ExportToWkb()))))
    if len(coords):
        return shapely.set_coordinates(geoms, np.array(transform.TransformPoints(coords))[:, :2])
    return geoms
