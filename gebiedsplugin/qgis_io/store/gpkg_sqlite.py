"""A plain sqlite3 connection to a GeoPackage that can write feature tables.

GDAL's R-tree triggers call ``ST_IsEmpty`` and ``ST_MinX``..``ST_MaxY``, SQL functions a plain
SQLite lacks; they are registered here (GeoPackage binary header, WKB parsed by shapely only when
the header has no envelope). Geometries are written as GeoPackage blobs with an XY envelope.
A read-only connection and the columns a file holds (``columns``, ``GPKG_TYPES``) serve checking a
programme before it is opened or upgraded.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import numpy as np
import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.toolbelt.i18n import tr

BUSY_SECONDS = 10.0  # how long a save waits for another planner's save to finish
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}
# schema type -> (the declared type OGR creates, declared types accepted when checking a programme)
GPKG_TYPES = {
    schema.TEXT: ("TEXT", {"text"}),
    schema.INTEGER: ("MEDIUMINT", {"mediumint", "integer", "int", "smallint", "tinyint", "bigint"}),
    schema.REAL: ("REAL", {"real", "double", "float"}),
    schema.BOOLEAN: ("BOOLEAN", {"boolean"}),
    schema.DATETIME: ("DATETIME", {"datetime"}),
}


def _header(blob: bytes):
    """(empty, envelope tuple or None, offset of the WKB) of a GeoPackage geometry blob."""
    flags = blob[3]
    order = "<" if flags & 1 else ">"
    n = _ENVELOPE_DOUBLES.get((flags >> 1) & 7, 0)
    envelope = struct.unpack(order + "d" * n, blob[8:8 + 8 * n]) if n else None
    return bool(flags & 16), envelope, 8 + 8 * n


def _bounds(blob):
    if blob is None:
        return None
    empty, envelope, offset = _header(bytes(blob))
    if empty:
        return None
    if envelope:
        return envelope[0], envelope[1], envelope[2], envelope[3]  # minx, maxx, miny, maxy
    minx, miny, maxx, maxy = shapely.from_wkb(bytes(blob[offset:])).bounds
    return minx, maxx, miny, maxy


def _part(bounds, i):
    def f(blob):
        b = bounds(blob)
        return None if b is None else b[i]
    return f


def encode(geometry, srs_id: int):
    """A shapely geometry as a GeoPackage blob (little endian, XY envelope); None stays None."""
    if geometry is None:
        return None
    wkb = shapely.to_wkb(geometry, byte_order=1, include_srid=False)
    if geometry.is_empty:
        return b"GP\x00" + bytes([0x01 | 0x10]) + struct.pack("<i", srs_id) + wkb
    minx, miny, maxx, maxy = geometry.bounds
    return b"GP\x00\x03" + struct.pack("<i", srs_id) + struct.pack("<dddd", minx, maxx, miny, maxy) + wkb


def encode_many(geometries: list, srs_id: int) -> list:
    """encode() for many geometries at once (WKB and envelopes in vectorised calls)."""
    if not len(geometries):
        return []
    arr = np.array(geometries, dtype=object)
    missing = shapely.is_missing(arr)
    empty = shapely.is_empty(arr)
    wkbs = shapely.to_wkb(arr, byte_order=1, include_srid=False).tolist()
    bounds = shapely.bounds(arr).tolist()
    srs = struct.pack("<i", srs_id)
    out = []
    for wkb, (minx, miny, maxx, maxy), none, blank in zip(wkbs, bounds, missing.tolist(), empty.tolist()):
        if none:
            out.append(None)
        elif blank:
            out.append(b"GP\x00" + bytes([0x01 | 0x10]) + srs + wkb)
        else:
            out.append(b"GP\x00\x03" + srs + struct.pack("<dddd", minx, maxx, miny, maxy) + wkb)
    return out


def decode(blob):
    """A GeoPackage blob as a shapely geometry (None for NULL)."""
    if blob is None:
        return None
    _, _, offset = _header(bytes(blob))
    return shapely.from_wkb(bytes(blob[offset:]))


def decode_many(blobs) -> np.ndarray:
    """decode() for many blobs at once (the WKB parsed in one vectorised call)."""
    return shapely.from_wkb([None if b is None else bytes(b[8 + 8 * _ENVELOPE_DOUBLES.get((b[3] >> 1) & 7, 0):])
                             for b in blobs])


def connect(path: str, timeout: float = BUSY_SECONDS, any_thread: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (the caller says BEGIN IMMEDIATE) with GDAL's SQL functions.

    *any_thread*: it may be handed to another thread (used by one thread at a time).
    """
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=not any_thread)
    except sqlite3.Error as e:
        raise ProgrammeError(tr("Cannot open {}: {}").format(path, e)) from None
    last = [None, None]  # the blob asked about last and its bounds: an R-tree trigger asks five times per row

    def bounds(blob):
        if blob is None:
            return None
        if blob != last[0]:
            last[0], last[1] = blob, _bounds(blob)
        return last[1]

    conn.create_function("ST_IsEmpty", 1, lambda blob: None if blob is None else 1 if bounds(blob) is None else 0,
                         deterministic=True)
    for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, _part(bounds, i), deterministic=True)
    return conn


def connect_read_only(path: str) -> sqlite3.Connection:
    """A read-only connection, for checking a programme without writing to it."""
    return sqlite3.connect("{}?mode=ro".format(Path(path).resolve().as_uri()), uri=True,
                           isolation_level=None, timeout=10)


def columns(conn, tables=None) -> dict:
    """table -> {column: declared type} of the schema tables (or *tables*) the file holds."""
    names = [t.name for t in schema.TABLES] if tables is None else list(tables)
    out = {}
    for name in names:
        found = conn.execute("SELECT name, type FROM pragma_table_info(?)", (name,)).fetchall()
        if found:
            out[name] = dict(found)
    return out


def explain(error: sqlite3.Error, path: str) -> str:
    """A planner's sentence for a SQLite error while saving (full disk, lock, read-only, other)."""
    text = str(error).lower()
    if "full" in text:
        return tr("The disk is full: {} could not be saved. Nothing was written; free some space and save "
                  "again.").format(path)
    if "locked" in text or "busy" in text:
        return tr("Another planner or program is saving {} right now. Nothing was written; save again in a "
                  "moment.").format(path)
    if "readonly" in text or "read-only" in text:
        return tr("{} is read-only. Nothing was written.").format(path)
    return tr("Saving {} failed: {}. Nothing was written.").format(path, error)
