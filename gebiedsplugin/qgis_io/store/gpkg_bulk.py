"""A programme's records into the empty tables of a GeoPackage being created, in bulk.

GpkgStore.create used to write every record through OGR, field by field (at 100,000 interventions
with their funding, ~19 s of a whole-city check-out). Here each table goes in with one executemany
on a plain SQLite connection, the values as OGR's SetField would have stored them and geometries as
the GeoPackage blobs GDAL writes (points without an envelope, the others with an XY envelope); the
tables' extents and feature counts are set as OGR sets them. The R-trees are built afterwards over
the filled tables (GpkgStore.create), which is also faster than a trigger per row.

A table with a value this module does not convert as OGR would (a number in a text field, an
integer beyond 32 bits, a geometry with Z or empty, an unusual timestamp format) is left to OGR's
own writer (``write_programme`` returns its name): the stored content is the same either way.
"""

from __future__ import annotations

import json
import re
import struct
from datetime import datetime
from operator import itemgetter

import numpy as np
import shapely
from osgeo import gdal, ogr

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import ROW_PARTS, SPATIAL_PARTS, Programme
from gebiedsplugin.core.row_changes import stored_geometries, with_identity
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store import gpkg_sqlite
from gebiedsplugin.qgis_io.store.ogr_tables import ogr_value

_INT32 = (-2 ** 31, 2 ** 31 - 1)
# Timestamps as planners' stores hold them ("2025-01-06 09:00:00", "2025-01-06T09:00:00.5Z"): their text
# as GDAL stores it is made here once the probe below agrees for this GDAL; any other text goes through OGR.
_STAMP = re.compile(r"(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d):(\d\d(?:\.\d{1,6})?)(Z|\+00:00)?\Z")
_PROBES = ("2025-01-06 09:00:00", "2025-01-06T09:00:00Z", "2025-01-06 09:00:00.123456", "2025-01-06 09:00:00.1239",
           "2025-01-06 09:00:00.0005", "2025-01-06T23:59:59.9996Z", "2025-01-06 09:00:00.999999",
           "2025-01-06 09:00:00+00:00", "2024-02-29T00:00:00.25", "2025-01-06 09:00:07.000001Z")
_agreed: list = []  # [True/False] once probed in this process


def write_programme(path: str, programme: Programme, cancelled=None) -> list:
    """The records of *programme* into the empty tables of the GeoPackage at *path* (made by OGR without
    spatial indexes), in one transaction; the names of the tables left for OGR's writer, with their
    records ([(table, features or rows)]). *cancelled()*: asked between tables (Cancelled)."""
    parts = []
    for part in SPATIAL_PARTS:
        by_table: dict = {}
        for feat in getattr(programme, part):
            by_table.setdefault(feat.table or part, []).append(feat)
        parts += [(table_name, feats, True) for table_name, feats in by_table.items()]
    parts += [(table_name, getattr(programme, table_name), False) for table_name in ROW_PARTS]
    left = []
    conn = gpkg_sqlite.connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        # OGR's feature-count triggers (an UPDATE per row) are set aside meanwhile: the counts are set once
        counting = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                                "(SELECT value FROM json_each(?))", (json.dumps(
                                    ["trigger_insert_feature_count_" + p[0] for p in parts]),)).fetchall()
        for name, _ in counting:
            conn.execute('DROP TRIGGER "{}"'.format(name))  # nosec B608: a trigger GDAL named for a schema table
        for table_name, records, spatial in parts:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if records and not _insert(conn, schema.table(table_name), records, spatial):
                left.append((table_name, records))
        for _, sql in counting:
            conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()  # without COMMIT: rolled back
    return left


def count_features(path: str, tables) -> None:
    """Set the feature counts of *tables* (those left to OGR's writer in a second session, which leaves
    them unknown) as OGR's first session would have."""
    conn = gpkg_sqlite.connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        for name in tables:
            # bandit B608: a table name from the schema only
            conn.execute('UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM "{}") '  # nosec B608
                         "WHERE table_name = ?".format(schema.table(name).name), (name,))
        conn.execute("COMMIT")
    finally:
        conn.close()


def _insert(conn, table: schema.Table, records: list, spatial: bool) -> bool:
    """*records* into *table* in one executemany; False (nothing written) when a value needs OGR."""
    rows = [f.attrs for f in records] if spatial else records
    names = table.field_names
    columns = value_columns(rows, names)
    _identities(table, names, columns)
    stored = []
    for f, column in zip(table.fields, columns):
        column = _stored(f, column)
        if column is None:
            return False
        stored.append(column)
    blobs, bounds = [], None
    if table.geometry:
        geoms = [f.geometry for f in records] if spatial else [None] * len(records)
        found = _blobs(conn, table, geoms)
        if found is None:
            return False
        blobs, bounds = found
        stored.insert(0, blobs)
        names = ["geom"] + list(names)
    # bandit B608: identifiers from the schema; every value is a bound parameter
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(  # nosec B608
        table.name, ", ".join('"{}"'.format(n) for n in names), ", ".join("?" * len(names)))
    conn.executemany(sql, zip(*stored))
    conn.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (len(records), table.name))
    if bounds is not None:  # through SQLite's printf and parser, as GDAL writes it (%.18g into the SQL text)
        conn.execute("UPDATE gpkg_contents SET min_x = CAST(printf('%.18g', ?) AS REAL), "
                     "min_y = CAST(printf('%.18g', ?) AS REAL), max_x = CAST(printf('%.18g', ?) AS REAL), "
                     "max_y = CAST(printf('%.18g', ?) AS REAL) WHERE table_name = ?", bounds + (table.name,))
    return True


def value_columns(records: list, names: list) -> list:
    """[record.get(name) of every record] for each of *names*, read in one pass over the records (in C
    loops when every record has every field; records are dicts or core/rows.py Rows)."""
    if not records:
        return [[] for _ in names]
    try:
        if len(names) == 1:
            return [list(map(itemgetter(names[0]), records))]
        return [list(column) for column in zip(*map(itemgetter(*names), records))]
    except KeyError:
        return [[r.get(n) for r in records] for n in names]


def _identities(table: schema.Table, names: list, columns: list) -> None:
    """with_identity() (version 1, a uid when missing) of the rows that need it, into *columns*."""
    if schema.ROW_VERSION not in names:
        return
    versions = columns[names.index(schema.ROW_VERSION)]
    keys = columns[names.index("uid")] if table.key == "uid" else None
    wanting = [i for i, v in enumerate(versions) if v is None]
    if keys is not None:
        wanting = sorted(set(wanting).union(i for i, k in enumerate(keys) if not k))
    for i in wanting:
        row = with_identity(table.name, {schema.ROW_VERSION: versions[i], "uid": keys[i] if keys else None})
        versions[i] = row[schema.ROW_VERSION]
        if keys is not None:
            keys[i] = row["uid"]


def _stored(field: schema.Field, column: list):
    """*column* as OGR stores *field* (ogr_tables.ogr_value, then SetField); None when a value would
    need OGR's own conversion."""
    kind = field.type
    types = set(map(type, column))
    types.discard(type(None))
    if kind == schema.BOOLEAN:
        return [ogr_value(field, v) for v in column]
    if kind == schema.TEXT:
        return column if types <= {str} and "\x00" not in "".join(v for v in column if v) else None
    if kind == schema.INTEGER:
        if not types <= {int}:
            return None
        found = [v for v in column if v is not None]
        return column if not found or (min(found) >= _INT32[0] and max(found) <= _INT32[1]) else None
    if kind == schema.REAL:
        return column if types <= {float, int} else None
    if kind == schema.DATETIME:
        if not types <= {str, datetime}:
            return None
        texts = {v: ogr_value(field, v) for v in set(column) if v is not None}
        stamps = _stamps(set(texts.values()))
        return None if stamps is None else [None if v is None else stamps[texts[v]] for v in column]
    return None


def _stamps(texts: set):
    """{text: the text GDAL stores for it in a DateTime field}; None when one is not made here."""
    if not texts:
        return {}
    if not _agreed:
        _agreed.append(all(_stamp(t) == s for t, s in zip(_PROBES, ogr_stamps(_PROBES))))
    out = {t: _stamp(t) for t in texts} if _agreed[0] else {}
    return None if None in out.values() or len(out) != len(texts) else out


def _stamp(text: str):
    """GDAL 3.6's text for a timestamp *text* of _STAMP's form (seconds as a C float, printed %06.3f)."""
    found = _STAMP.match(text)
    if found is None:
        return None
    day, minutes, seconds, utc = found.groups()
    return "{}T{}:{:06.3f}{}".format(day, minutes, float(np.float32(seconds)), "Z" if utc else "")


def ogr_stamps(texts) -> list:
    """The texts GDAL stores for *texts* set on a GeoPackage DateTime field (None where it refuses one)."""
    path = "/vsimem/gebiedsplugin_stamps_{}.gpkg".format(id(texts))
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    try:
        layer = ds.CreateLayer("t", None, ogr.wkbNone, options=["FID=fid"])
        layer.CreateField(ogr.FieldDefn("d", ogr.OFTDateTime))
        defn = layer.GetLayerDefn()
        for text in texts:
            feat = ogr.Feature(defn)
            feat.SetField(0, text)
            layer.CreateFeature(feat)
        found = ds.ExecuteSQL("SELECT CAST(d AS TEXT) AS d FROM t ORDER BY fid")
        try:
            return [feat.GetField(0) for feat in found]
        finally:
            ds.ReleaseResultSet(found)
    finally:
        ds = None
        gdal.Unlink(path)


def _blobs(conn, table: schema.Table, geoms: list):
    """(GeoPackage blobs as GDAL writes them, (minx, miny, maxx, maxy) or None) of *geoms*; None when
    one has Z or is empty (left to OGR)."""
    srs_id = conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table.name,)).fetchone()
    arr = np.asarray(stored_geometries(geoms, table.geometry), dtype=object)
    if srs_id is None or shapely.has_z(arr).any() or shapely.is_empty(arr).any():
        return None
    srs = struct.pack("<i", srs_id[0])
    wkbs = shapely.to_wkb(arr, byte_order=1, include_srid=False).tolist()
    if table.geometry == "point":  # GDAL writes points without an envelope
        blobs = [None if w is None else b"GP\x00\x01" + srs + w for w in wkbs]
    else:  # an XY envelope: minx, maxx, miny, maxy
        envelopes = np.ascontiguousarray(shapely.bounds(arr)[:, [0, 2, 1, 3]], dtype="<f8").tobytes()
        blobs = [None if w is None else b"GP\x00\x03" + srs + envelopes[32 * i:32 * i + 32] + w
                 for i, w in enumerate(wkbs)]
    minx, miny, maxx, maxy = shapely.total_bounds(arr).tolist()
    return blobs, None if np.isnan(minx) else (minx, miny, maxx, maxy)
