"""What a checked-out copy remembers of the shared programme: the base of every row, and its seal.

The copy (a GeoPackage) holds ``checkout_base``: per row of the checked-out scope its table, key,
row_version, source fid, compared content (JSON) and geometry (normalised WKB). Its sha256, the
*seal*, is stored in the copy and in the shared programme's ``schema_info`` (``checkout:<id>``), so
a base edited by hand is recognised at check-in.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring_ascii

import numpy as np
import shapely

from gebiedsplugin.core import schema
from gebiedsplugin.core.merge import RowState, content
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.qgis_io.store import gpkg_sqlite

TABLE = "checkout_base"
# The tables a check-in merges (findings are made again by the check; value lists are not edited).
MERGED_TABLES = tuple(t for t in schema.VERSIONED_TABLES if t != "findings")

_DDL = """CREATE TABLE IF NOT EXISTS checkout_base (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    row_version INTEGER NOT NULL,
    source_fid INTEGER,
    content TEXT NOT NULL,
    geometry BLOB,
    modified_by TEXT,
    modified_at TEXT)"""


def wkb(geometry):
    """A geometry as comparable bytes (None for none)."""
    if geometry is None:
        return None
    return bytes(shapely.to_wkb(geometry, byte_order=1, output_dimension=2, include_srid=False))


def _wkbs(geoms: list) -> list:
    """wkb() of many geometries in one vectorised call."""
    if not geoms or all(g is None for g in geoms):
        return [None] * len(geoms)
    found = shapely.to_wkb(np.asarray(geoms, dtype=object), byte_order=1, output_dimension=2, include_srid=False)
    return [None if b is None else bytes(b) for b in found.tolist()]


def _text(value) -> str:
    return "" if value is None else str(value)


def states(store, tables=MERGED_TABLES, keep=None, shapes: bool = True, cancelled=None, keys=None,
           where=None) -> dict:
    """{(table, key): RowState} of *store*'s rows (only keys *keep* says yes to, when given).

    *shapes*: keep the shapely geometries (needed only for rows that will be written).
    *cancelled()*: asked before each table; Cancelled when it says so.
    *keys* ({table: {key, ...}}): only those rows; *where* ({table: (field, {value, ...})}): only the rows
    whose field (as text) is one of those. Both read just those rows where the store can (read_keyed).
    """
    where = dict(where or {})
    if keys is not None:
        where.update({t: (None, keys.get(t) or set()) for t in tables})
    out = {}
    for table_name in tables:
        if cancelled is not None and cancelled():
            raise Cancelled()
        table = schema.table(table_name)
        kept = keep
        if table_name in where:
            column, wanted = where[table_name]
            if not wanted:
                continue
            kept = _within(column or table.key, wanted, keep)
            reader = getattr(store, "read_keyed", None)
            rows, geoms, fids = reader(table_name, wanted, column) if reader else store.read_table(table_name)
        else:
            rows, geoms, fids = store.read_table(table_name)
        geoms = geoms if geoms is not None else [None] * len(rows)
        blobs = _wkbs(geoms)
        for row, geom, blob, fid in zip(rows, geoms, blobs, fids):
            key = (table_name, _text(row.get(table.key)))
            if kept is not None and not kept(key, row):
                continue
            out[key] = RowState(int(row.get(schema.ROW_VERSION) or 0), content(table_name, row), blob, fid,
                                _text(row.get("modified_by")), _text(row.get("modified_at")),
                                geom if shapes else None)
    return out


def _within(column: str, wanted: set, keep):
    """keep() that also asks for the row's *column* (as text) to be one of *wanted*."""
    return lambda key, row: _text(row.get(column)) in wanted and (keep is None or keep(key, row))


def write_base(path: str, base: dict) -> str:
    """Store *base* in the copy at *path* (registered as an attribute table); its seal."""
    conn = gpkg_sqlite.connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(_DDL)
        conn.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, last_change) "
                     "VALUES (?, 'attributes', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", (TABLE, TABLE))
        conn.executemany(
            "INSERT INTO checkout_base (table_name, row_key, row_version, source_fid, content, geometry, "
            "modified_by, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(t, k, s.version, s.fid, json.dumps(s.values, sort_keys=True, default=str), s.geometry,
              s.modified_by, s.modified_at) for (t, k), s in sorted(base.items())])
        conn.execute("COMMIT")
    finally:
        conn.close()
    return seal(path)


def read_base(path: str, keys=None) -> dict:
    """{(table, key): RowState} as checked out (shape left empty: a base is never written back); with
    *keys* ({table: {key, ...}}) only those rows."""
    query = ("SELECT table_name, row_key, row_version, source_fid, content, geometry, modified_by, modified_at "
             "FROM checkout_base")
    params: tuple = ()
    if keys is not None:  # one bound JSON list of [table, key]
        query += (" WHERE (table_name, row_key) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') "
                  "FROM json_each(?))")
        params = (json.dumps([[t, k] for t in sorted(keys) for k in sorted(keys[t])]),)
    conn = gpkg_sqlite.connect(path)
    try:
        found = conn.execute(query + " ORDER BY id", params).fetchall()
    finally:
        conn.close()
    return {(t, k): RowState(v, json.loads(c), None if g is None else bytes(g), fid, by or "", at or "")
            for t, k, v, fid, c, g, by, at in found}


def _dumped(value) -> str:
    """json.dumps(value), by hand for the seal's plain texts and ints (the seal stays what json.dumps of the
    row's list made: seals of earlier check-outs still match)."""
    kind = type(value)
    if kind is str:
        return encode_basestring_ascii(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return json.dumps(value)


def seal(path: str) -> str:
    """sha256 of the base rows, in order: changes when anyone edits the base."""
    digest = hashlib.sha256()
    conn = gpkg_sqlite.connect(path)
    try:
        for row in conn.execute("SELECT table_name, row_key, row_version, source_fid, content, geometry "
                                "FROM checkout_base ORDER BY table_name, row_key"):
            digest.update(("[" + ", ".join(map(_dumped, (row[0], row[1], row[2], row[3], row[4],
                                                         row[5].hex() if row[5] else None))) + "]").encode())
    finally:
        conn.close()
    return digest.hexdigest()
