"""What the schema-migration tests compare, read straight from the database (not through the stores)."""

from __future__ import annotations

import sqlite3
import uuid

from gebiedsplugin.core import schema
from gebiedsplugin.core.row_changes import UPDATE, RowChange
from gebiedsplugin.qgis_io.store.save import SaveConflict, row_versions, save

TABLES = [t.name for t in schema.TABLES]


# --- GeoPackage ----------------------------------------------------------------------------------
def sqlite_rows(path, query: str, params=()) -> list:
    """The rows of *query* on the GeoPackage (or any SQLite file) at *path*, read straight from the file."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def row_images(path, table: str) -> dict:
    """fid -> the row of *table* as one JSON text: every column but fid and geom, in the file's column order
    (what the GeoPackage's audit trigger writes as a row's image)."""
    names = [r[0] for r in sqlite_rows(path, "SELECT name FROM pragma_table_info(?) ORDER BY cid", (table,))
             if r[0] not in ("fid", "geom")]
    pairs = ", ".join("'{0}', \"{0}\"".format(n) for n in names)
    # bandit B608: the names are the file's own columns and a schema table
    return dict(sqlite_rows(path, 'SELECT fid, json_object({}) FROM "{}"'.format(pairs, table)))  # nosec B608


def gpkg_rows(path) -> dict:
    """table -> [row dict] ordered by fid, every column, of every schema table."""
    conn = sqlite3.connect(str(path))
    conn.row_factory = sqlite3.Row
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {t: [dict(r) for r in conn.execute('SELECT * FROM "{}" ORDER BY fid'.format(t))]
                for t in TABLES if t in present}  # an older version lacks the newer tables
    finally:
        conn.close()


def gpkg_layout(path) -> dict:
    """The shape of a GeoPackage: objects (type, name), columns per table (name, type, not null)."""
    conn = sqlite3.connect(str(path))
    try:
        objects = set(conn.execute("SELECT type, name FROM sqlite_master"))
        columns = {name: sorted((r[1], r[2], r[3]) for r in conn.execute("SELECT * FROM pragma_table_info(?)",
                                                                           (name,)))
                   for kind, name in objects if kind == "table"}
        contents = set(conn.execute("SELECT table_name, data_type FROM gpkg_contents"))
        return {"objects": objects, "columns": columns, "contents": contents}
    finally:
        conn.close()


def gpkg_snapshot(path) -> tuple:
    """Everything a second upgrade could change: every row of every table, and the schema's SQL."""
    conn = sqlite3.connect(str(path))
    try:
        ddl = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))
        names = [r[1] for r in ddl if r[0] == "table" and not r[1].startswith(("rtree_", "sqlite_"))]
        rows = {n: conn.execute('SELECT * FROM "{}" ORDER BY rowid'.format(n)).fetchall() for n in names}
        return ddl, rows
    finally:
        conn.close()


# --- PostGIS -------------------------------------------------------------------------------------
def pg_rows(cur, schema_name: str) -> dict:
    """table -> [row dict] ordered by fid, geometries as EWKB hex, of every schema table."""
    from psycopg2 import sql

    out = {}
    cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
                "AND table_type = 'BASE TABLE'", (schema_name,))
    present = {r[0] for r in cur.fetchall()}
    for t in [t for t in TABLES if t in present]:  # an older version lacks the newer tables
        cur.execute(sql.SQL("SELECT * FROM {} ORDER BY fid").format(sql.Identifier(schema_name, t)))
        names = [d[0] for d in cur.description]
        out[t] = [dict(zip(names, r)) for r in cur.fetchall()]
    return out


def pg_layout(cur, schema_name: str) -> dict:
    """Tables, columns (name, type, not null), indexes, triggers, functions and checks of a schema."""
    cur.execute("SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull "
                "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r' AND a.attnum > 0 "
                "AND NOT a.attisdropped", (schema_name,))
    columns: dict = {}
    for table, column, ftype, notnull in cur.fetchall():
        columns.setdefault(table, set()).add((column, ftype, notnull))
    cur.execute("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = %s", (schema_name,))
    indexes = set(cur.fetchall())
    cur.execute("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND NOT t.tgisinternal",
                (schema_name,))
    triggers = set(cur.fetchall())
    cur.execute("SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = %s", (schema_name,))
    functions = {r[0] for r in cur.fetchall()}
    cur.execute("SELECT c.relname, k.conname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s", (schema_name,))
    constraints = set(cur.fetchall())
    return {"columns": columns, "indexes": indexes, "triggers": triggers, "functions": functions,
            "constraints": constraints}


def assert_fresh_layout(connection: str, schema_name: str, extra_schemas: list) -> dict:
    """*schema_name* has the columns, indexes, triggers, functions and constraints of a fresh programme (made
    beside it, its name put in *extra_schemas* to be dropped); its layout."""
    from gebiedsplugin.qgis_io.store.postgis import PostgisStore

    fresh = "t_" + uuid.uuid4().hex[:10]
    extra_schemas.append(fresh)
    PostgisStore.create(connection, fresh)
    conn = PostgisStore(connection, "public").connect()
    try:
        with conn.cursor() as cur:
            upgraded, new = pg_layout(cur, schema_name), pg_layout(cur, fresh)
    finally:
        conn.close()
    for part in ("columns", "indexes", "triggers", "functions", "constraints"):
        assert upgraded[part] == new[part], part
    return upgraded


# --- both ----------------------------------------------------------------------------------------
def assert_rows_kept(before: dict, after: dict, renamed: dict | None = None) -> None:
    """Every row of *before* is in *after* (same fid order and count), every old column's value equal
    (schema_info: every key but schema_version and check_tables, the kept check tables' set, which the
    upgrade makes current).

    *renamed*: old column -> new column (PostGIS schema 1 ``version`` -> ``row_version``).
    """
    renamed = renamed or {}
    for table, rows in before.items():
        if table == "value_lists":  # the upgrade adds the codes of new lists; the old rows stay as they were
            assert after[table][:len(rows)] == rows
            continue
        if table == "schema_info":  # the upgrade records itself there; the other keys must stay
            old = {r["key"]: r["value"] for r in rows}
            new = {r["key"]: r["value"] for r in after[table]}
            made = ("schema_version", "check_tables")
            assert {k: v for k, v in new.items() if k in old and k not in made} == {
                k: v for k, v in old.items() if k not in made}
            continue
        assert len(after[table]) == len(rows), table
        for old, new in zip(rows, after[table]):
            for column, value in old.items():
                assert new[renamed.get(column, column)] == value, (table, old.get("fid"), column)


def assert_new_columns_filled(after: dict) -> None:
    """row_version 1 (or kept), fresh distinct UUIDs in the new uid columns, modified_at/by set."""
    for table in schema.VERSIONED_TABLES:
        for row in after.get(table, ()):
            assert row[schema.ROW_VERSION] >= 1, table
            assert row["modified_by"] and row["modified_at"], table
        if table in ("funding", "links", "area_goals", "area_budgets"):
            uids = [r["uid"] for r in after[table]]
            assert all(len(u) == 36 for u in uids) and len(set(uids)) == len(uids), table


def assert_edit_bumps_version_and_audits(store) -> None:
    """A save of an intervention bumps row_version and writes audit_log; a stale save is refused."""
    table = "interventions_point"
    rows, _, fids = store.read_table(table)
    fid, uid = fids[0], rows[0]["uid"]
    read = row_versions(store, table)[fid]
    before = len(store.audit_trail(uid=uid))
    save(store, [RowChange(table, UPDATE, fid, read, {"title": "Na de upgrade"}, label=uid)], "tester")
    assert row_versions(store, table)[fid] == read + 1
    trail = store.audit_trail(uid=uid)
    assert len(trail) == before + 1
    assert trail[-1]["operation"] == "UPDATE" and trail[-1]["new"]["title"] == "Na de upgrade"
    try:
        save(store, [RowChange(table, UPDATE, fid, read, {"title": "Verouderd"}, label=uid)], "other")
    except SaveConflict:
        pass
    else:
        raise AssertionError("a stale save after the upgrade went through")
