"""Records in and out of a PostGIS programme schema (psycopg2, parameters only).

Geometries travel as WKB (shapely on our side, ST_GeomFromWKB / ST_AsBinary on the server);
timestamps are read as naive UTC, like the GeoPackage reader returns them.
"""

from __future__ import annotations

from datetime import datetime, timezone

import psycopg2
import shapely
from psycopg2 import sql
from psycopg2.extras import execute_values

from gebiedsplugin.core import schema
from gebiedsplugin.core.records import ROW_PARTS, SPATIAL_PARTS, Feature, Programme
from gebiedsplugin.core.row_changes import with_identity
from gebiedsplugin.qgis_io.store.pg_ddl import GEOMETRY, KEY


def _plain(value):
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def read_table(cur, schema_name: str, table_name: str, where=None) -> tuple:
    """(rows as dicts, shapely geometries or None, fids) of one table, in fid order; *where* (field,
    values): only the rows whose field (as text, NULL as '') is one of *values*."""
    table = schema.table(table_name)
    columns = [sql.Identifier(KEY)] + [sql.Identifier(n) for n in table.field_names]
    if table.geometry:
        columns.append(sql.SQL("ST_AsBinary({})").format(sql.Identifier(GEOMETRY)))
    chosen, params = sql.SQL(""), None
    if where is not None:
        chosen = sql.SQL(" WHERE coalesce({}::text, '') = ANY(%s)").format(sql.Identifier(where[0]))
        params = (sorted(where[1]),)
    cur.execute(sql.SQL("SELECT {} FROM {}{} ORDER BY {}").format(
        sql.SQL(", ").join(columns), sql.Identifier(schema_name, table_name), chosen, sql.Identifier(KEY)), params)
    names = table.field_names
    rows, wkbs, fids = [], [], []
    for record in cur.fetchall():
        fids.append(record[0])
        rows.append({n: _plain(v) for n, v in zip(names, record[1:len(names) + 1])})
        if table.geometry:
            wkb = record[-1]
            wkbs.append(None if wkb is None else bytes(wkb))
    if not table.geometry:
        return rows, None, fids
    geoms = shapely.from_wkb(wkbs, on_invalid="ignore").tolist() if wkbs else []
    return rows, geoms, fids


def read_programme(conn, schema_name: str, crs: str) -> Programme:
    """The whole programme as plain records, read in one snapshot (REPEATABLE READ)."""
    programme = Programme(crs=crs)
    old_level = conn.isolation_level
    conn.set_session(isolation_level=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ, readonly=True)
    try:
        with conn.cursor() as cur:
            for part, tables in SPATIAL_PARTS.items():
                features = getattr(programme, part)
                for table_name in tables:
                    rows, geoms, fids = read_table(cur, schema_name, table_name)
                    features.extend(Feature(r, g, table_name, fid) for r, g, fid in zip(rows, geoms, fids))
            for part in ROW_PARTS:
                getattr(programme, part).extend(read_table(cur, schema_name, part)[0])
            programme.settings = {r["key"]: r["value"] for r in read_table(cur, schema_name, "settings")[0]}
        conn.commit()
    finally:
        conn.set_session(isolation_level=old_level, readonly=False)
    return programme


def _wkb(geom, geometry_kind: str):
    if geom is None:
        return None
    return psycopg2.Binary(shapely.to_wkb(geom, include_srid=False))


def insert_rows(cur, schema_name: str, table_name: str, rows, geometries=None, fids=None, srid: int = 0) -> int:
    """Insert dict *rows* (with shapely *geometries* and original *fids* when given)."""
    table = schema.table(table_name)
    rows = list(rows)
    if not rows:
        return 0
    names = table.field_names
    keep_fids = fids is not None and None not in fids and len(set(fids)) == len(fids)
    columns = ([KEY] if keep_fids else []) + names
    slots = [sql.Placeholder()] * len(columns)
    if table.geometry:
        columns.append(GEOMETRY)
        geom = sql.SQL("ST_GeomFromWKB({}, {})").format(sql.Placeholder(), sql.Literal(int(srid)))
        if table.geometry != "point":
            geom = sql.SQL("ST_Multi({})").format(geom)
        slots.append(geom)
    statement = sql.SQL("INSERT INTO {} ({}) VALUES %s").format(
        sql.Identifier(schema_name, table_name), sql.SQL(", ").join(map(sql.Identifier, columns)))
    template = sql.SQL("({})").format(sql.SQL(", ").join(slots)).as_string(cur)
    values = []
    for n, row in enumerate(rows):
        row = with_identity(table_name, row)
        item = ([fids[n]] if keep_fids else []) + [pg_value(table.field(name), row.get(name)) for name in names]
        if table.geometry:
            item.append(_wkb(geometries[n] if geometries is not None else None, table.geometry))
        values.append(tuple(item))
    execute_values(cur, statement.as_string(cur), values, template=template, page_size=500)
    if keep_fids:
        cur.execute(sql.SQL("SELECT setval(pg_get_serial_sequence(%s, %s), "
                            "(SELECT coalesce(max({k}), 0) + 1 FROM {t}), false)").format(
            k=sql.Identifier(KEY), t=sql.Identifier(schema_name, table_name)),
            (sql.Identifier(schema_name, table_name).as_string(cur), KEY))
    return len(values)


def pg_value(field: schema.Field, value):
    if value is None:
        return None
    if field.type == schema.BOOLEAN:
        return bool(value)
    if field.type == schema.DATETIME and isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_programme(cur, schema_name: str, programme: Programme, srid: int) -> None:
    """Append every part of *programme* (the caller commits or rolls back)."""
    for part in SPATIAL_PARTS:
        by_table: dict = {}
        for feat in getattr(programme, part):
            by_table.setdefault(feat.table or part, []).append(feat)
        for table_name, feats in by_table.items():
            insert_rows(cur, schema_name, table_name, [f.attrs for f in feats],
                        [f.geometry for f in feats], [f.fid for f in feats], srid)
    for part in ROW_PARTS:
        insert_rows(cur, schema_name, part, getattr(programme, part))


def key_values(cur, schema_name: str, table_name: str) -> dict:
    """key -> value of a settings-like table."""
    cur.execute(sql.SQL("SELECT key, value FROM {}").format(sql.Identifier(schema_name, table_name)))
    return dict(cur.fetchall())
