"""The SQL functions GDAL's GeoPackage rtree triggers call, for a plain ``sqlite3`` connection.

GDAL registers ``ST_IsEmpty``, ``ST_MinX``, ``ST_MaxX``, ``ST_MinY`` and ``ST_MaxY`` on its own
connections; Python's sqlite3 does not have them, so a write that fires an rtree trigger (a new
row with a geometry, a changed geometry) would fail there with "no such function". These read the
GeoPackage geometry blob: the envelope from its header when present, else from the WKB via OGR.
"""

from __future__ import annotations

import struct

_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def _header(blob):
    """(is_empty, envelope (minx, maxx, miny, maxy) or None, header length) of a GeoPackage blob."""
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    order = "<" if flags & 1 else ">"
    doubles = _ENVELOPE_DOUBLES.get((flags >> 1) & 7, 0)
    length = 8 + 8 * doubles
    envelope = struct.unpack(order + "4d", blob[8:40]) if doubles else None
    return bool(flags & 16), envelope, length


def _envelope(blob):
    parsed = _header(blob)
    if parsed is None:
        return None
    empty, envelope, length = parsed
    if empty:
        return None
    if envelope is None:
        from osgeo import ogr

        geom = ogr.CreateGeometryFromWkb(bytes(blob[length:]))
        if geom is None or geom.IsEmpty():
            return None
        envelope = geom.GetEnvelope()  # (minx, maxx, miny, maxy)
    return envelope


def st_is_empty(blob):
    """1 when the geometry is empty, 0 when not, NULL for NULL or not a GeoPackage geometry."""
    parsed = _header(blob)
    if parsed is None:
        return None
    return 1 if parsed[0] or _envelope(blob) is None else 0


def _part(index):
    def fn(blob):
        env = _envelope(blob)
        return None if env is None else env[index]

    return fn


def register_functions(conn) -> None:
    """Register the rtree triggers' functions on sqlite3 connection *conn*."""
    conn.create_function("ST_IsEmpty", 1, st_is_empty, deterministic=True)
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        conn.create_function(name, 1, _part(index), deterministic=True)
