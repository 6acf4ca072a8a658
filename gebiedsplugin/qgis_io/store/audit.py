"""Reading the audit trail of either store: entries as dicts, oldest first.

Each entry: table, uid, fid, operation, changed_by, db_user, changed_at, old, new (dicts),
geometry_changed. Filters (row uid, table) are parameters, never pasted into SQL.
"""

from __future__ import annotations

import json

from psycopg2 import sql

from gebiedsplugin.qgis_io.store import gpkg_sqlite

KEYS = ("table", "uid", "fid", "operation", "changed_by", "db_user", "changed_at", "old", "new",
        "geometry_changed")
_COLUMNS = ("table_name, uid, row_fid, operation, changed_by, db_user, changed_at, old_values, new_values, "
            "geometry_changed")


def _entry(record) -> dict:
    out = dict(zip(KEYS, record))
    for key in ("old", "new"):
        if isinstance(out[key], str):
            out[key] = json.loads(out[key])
    out["geometry_changed"] = bool(out["geometry_changed"])
    return out


def _where(uid, table) -> tuple:
    parts, params = [], []
    if uid is not None:
        parts.append("uid = {}")
        params.append(str(uid))
    if table is not None:
        parts.append("table_name = {}")
        params.append(table)
    return parts, params


def gpkg_trail(path: str, uid=None, table=None) -> list:
    """The audit trail of a GeoPackage programme."""
    parts, params = _where(uid, table)
    where = (" WHERE " + " AND ".join(p.format("?") for p in parts)) if parts else ""
    conn = gpkg_sqlite.connect(path)
    try:
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        found = conn.execute("SELECT {} FROM audit_log{} ORDER BY id".format(_COLUMNS, where), params).fetchall()  # nosec B608
    finally:
        conn.close()
    return [_entry(r) for r in found]


def pg_trail(store, uid=None, table=None) -> list:
    """The audit trail of a PostGIS programme."""
    parts, params = _where(uid, table)
    where = sql.SQL(" WHERE " + " AND ".join(p.format("%s") for p in parts)) if parts else sql.SQL("")
    with store.session() as conn, conn.cursor() as cur:
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        cur.execute(sql.SQL("SELECT " + _COLUMNS + " FROM {}{} ORDER BY id").format(  # nosec B608
            sql.Identifier(store.schema_name, "audit_log"), where), params)
        found = cur.fetchall()
    return [_entry(r) for r in found]
