"""What a checked-out copy remembers of the shared programme: the base of every row, and its seal.

The copy (a GeoPackage) holds ``checkout_base``: per row of the checked-out scope its table, key,
row_version, source fid, compared content (JSON) and geometry (normalised WKB). Its sha256, the
*seal*, is stored in the copy and in the shared programme's ``schema_info`` (``checkout:<id>``), so
a base edited by hand is recognised at check-in.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
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
    """Store *base* in the copy at *path* (registered as an attribute table); its seal (what seal() reads
    back from the copy, made here from the rows written)."""
    encode = _content_encoder()
    rows = [(t, k, s.version, s.fid, encode(s.values), s.geometry, s.modified_by, s.modified_at)
            for t, k, s in ((t, k, base[t, k]) for t, k in sorted(base))]  # seal()'s order: table, then key
    conn = gpkg_sqlite.connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(_DDL)
        conn.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, last_change) "
                     "VALUES (?, 'attributes', ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", (TABLE, TABLE))
        conn.executemany(
            "INSERT INTO checkout_base (table_name, row_key, row_version, source_fid, content, geometry, "
            "modified_by, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return _sealed(rows)


def _content_encoder():
    """json.dumps(values, sort_keys=True, default=str) of a row's content, as one function: the C encoder
    called directly, without json's Python layers per row (half the time at 300,000 rows), when it makes
    exactly json.dumps's text here; else json's own encoder."""
    encode = json.JSONEncoder(sort_keys=True, default=str).encode
    made = getattr(json.encoder, "c_make_encoder", None)
    if made is None:
        return encode
    try:
        fast = made(None, str, encode_basestring_ascii, None, ": ", ", ", True, False, True)
        probe = {"b": 1.5, "a": "é\"x", "c": None, "d": True, "e": 10 ** 20, "f": float("nan"), "g": date(2025, 1, 6)}
        if "".join(fast(probe, 0)) != json.dumps(probe, sort_keys=True, default=str):
            return encode
    except (TypeError, ValueError):  # another Python's C encoder: json's own encoder
        return encode
    return lambda values: "".join(fast(values, 0))


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


def _line(table_name, key, version, fid, content_text, geometry) -> str:
    """A base row as the seal reads it: json.dumps of [table, key, version, fid, content, geometry hex]."""
    if type(table_name) is str and type(key) is str and type(version) is int and type(content_text) is str and (
            fid is None or type(fid) is int):  # the usual types, formatted at once (what _dumped makes of them)
        return "[{}, {}, {}, {}, {}, {}]".format(
            encode_basestring_ascii(table_name), encode_basestring_ascii(key), int.__repr__(version),
            "null" if fid is None else int.__repr__(fid), encode_basestring_ascii(content_text),
            '"{}"'.format(geometry.hex()) if geometry else "null")
    return "[" + ", ".join(map(_dumped, (table_name, key, version, fid, content_text,
                                         geometry.hex() if geometry else None))) + "]"


def _sealed(rows) -> str:
    """sha256 of the lines of *rows* ((table, key, version, fid, content, geometry, ...), in seal order)."""
    digest = hashlib.sha256()
    batch = []
    for row in rows:
        batch.append(_line(*row[:6]))
        if len(batch) == 5000:
            digest.update("".join(batch).encode())
            batch = []
    digest.update("".join(batch).encode())
    return digest.hexdigest()


def seal(path: str) -> str:
    """sha256 of the base rows, in order: changes when anyone edits the base."""
    conn = gpkg_sqlite.connect(path)
    try:
        return _sealed(conn.execute("SELECT table_name, row_key, row_version, source_fid, content, geometry "
                                    "FROM checkout_base ORDER BY table_name, row_key"))
    finally:
        conn.close()
