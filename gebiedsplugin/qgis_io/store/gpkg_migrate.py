"""Schema upgrades of a GeoPackage programme, through Python's sqlite3 in one transaction.

A table that lacks columns is rebuilt to the definition a freshly created programme has (the
template: ``GpkgStore.create`` of an empty programme, read once per process), in SQLite's
documented way: create the new table, copy the rows (new columns filled by the step), drop the old
one, rename, and re-create the table's own triggers and indexes (GDAL's rtree and feature-count
triggers among them) from their saved SQL. Nothing fires GDAL's geometry triggers (no row of a
spatial table is updated), but the SQL functions they call are registered anyway (``gpkg_sqlite.connect``).
Identifiers are quoted; values are bound.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import uuid
from datetime import datetime, timezone
from pathlib import Path

from gebiedsplugin.core import schema
from gebiedsplugin.core.errors import ProgrammeError
from gebiedsplugin.core.rules import Cancelled
from gebiedsplugin.core.value_lists import value_list_rows
from gebiedsplugin.qgis_io.store import gpkg_sqlite
from gebiedsplugin.toolbelt.i18n import tr

INTERRUPT_EVERY = 20000  # SQLite virtual machine steps between two looks at a cancel (a few ms)
_SAFE_TYPE = re.compile(r"^[A-Za-z0-9_ (),]*$")
_template_cache: dict = {}


def q(name: str) -> str:
    """A quoted SQLite identifier."""
    return '"{}"'.format(str(name).replace('"', '""'))


def now_text() -> str:
    """Now, as OGR writes DATETIME values."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def connect(path: str) -> sqlite3.Connection:
    """A sqlite3 connection in autocommit mode (transactions are explicit), with GDAL's rtree functions
    (``gpkg_sqlite``) and ``gebied_uuid()`` registered."""
    conn = gpkg_sqlite.connect(str(path))
    conn.create_function("gebied_uuid", 0, lambda: str(uuid.uuid4()))
    return conn


def _table_info(conn, name: str) -> list:
    """[(column, declared type, notnull)] in order."""
    return [(r[1], r[2], bool(r[3])) for r in conn.execute("SELECT * FROM pragma_table_info(?)", (name,))]


def schema_info(conn) -> dict:
    """The key/value rows of schema_info."""
    return dict(conn.execute("SELECT key, value FROM schema_info"))


def set_info(conn, key: str, value: str) -> None:
    """Insert or update one schema_info row."""
    if conn.execute("UPDATE schema_info SET value = ? WHERE key = ?", (value, key)).rowcount == 0:
        conn.execute("INSERT INTO schema_info (key, value) VALUES (?, ?)", (key, value))


def template() -> dict:
    """The SQL of a freshly created (empty) programme: {'tables': {name: sql}, 'indexes': {name: (table, sql)}}."""
    if "ddl" not in _template_cache:
        from gebiedsplugin.qgis_io.store.gpkg import GpkgStore

        with tempfile.TemporaryDirectory(prefix="gebied-template-") as folder:
            path = os.path.join(folder, "template.gpkg")
            GpkgStore.create(path)
            conn = sqlite3.connect(path)
            try:
                rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL")
                ddl: dict = {"tables": {}, "indexes": {}, "columns": {}, "triggers": {}, "contents": {}}
                for kind, name, table, text in rows.fetchall():
                    if kind == "table":
                        ddl["tables"][name] = text
                        ddl["columns"][name] = _table_info(conn, name)
                    elif kind == "index" and table in schema.TABLES_BY_NAME:
                        ddl["indexes"][name] = (table, text)
                    elif kind == "trigger" and table in schema.TABLES_BY_NAME and not name.startswith("gebied_"):
                        ddl["triggers"].setdefault(table, []).append(text)  # GDAL's own (feature count)
                for row in conn.execute("SELECT table_name, data_type, identifier, description FROM gpkg_contents"):
                    ddl["contents"][row[0]] = row
            finally:
                conn.close()
        _template_cache["ddl"] = ddl
    return _template_cache["ddl"]


def rebuild_table(conn, name: str, fill: dict) -> bool:
    """Give table *name* the columns of a fresh programme's table, keeping rows, fids and extra columns.

    *fill*: column -> (SQL expression, parameters) for the columns it lacks (default NULL). Returns
    False when the table already has every column (then nothing is done).
    """
    tmpl = template()
    wanted = tmpl["columns"][name]
    have = _table_info(conn, name)
    have_names = {c[0].lower() for c in have}
    lacking = [c for c in wanted if c[0].lower() not in have_names]
    if not lacking:
        return False
    wanted_names = {c[0].lower() for c in wanted}
    extra = [c for c in have if c[0].lower() not in wanted_names]
    create_sql = tmpl["tables"][name]
    head = "CREATE TABLE {}".format(q(name))
    if not create_sql.startswith(head):
        raise ProgrammeError(tr("Unexpected definition of table {} in a new programme.").format(name))
    new = "_gebied_upgrade_" + name
    saved = [r[0] for r in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL "
        "ORDER BY type, name", (name,))]
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (name,)).fetchone()
    conn.execute("CREATE TABLE {}{}".format(q(new), create_sql[len(head):]))
    for column, declared, _notnull in extra:
        declared = declared if _SAFE_TYPE.match(declared or "") else ""
        conn.execute("ALTER TABLE {} ADD COLUMN {} {}".format(q(new), q(column), declared))
    targets, exprs, params = [], [], []
    for column, _declared, notnull in wanted + extra:
        targets.append(q(column))
        if column.lower() in have_names:
            exprs.append(q(column))
            continue
        expr, values = fill.get(column, ("NULL", ()))
        if expr == "NULL" and notnull:
            raise ProgrammeError(tr("The upgrade has no value for the new mandatory column {}.{}.").format(
                name, column))
        exprs.append(expr)
        params.extend(values)
    # bandit B608: SQL text built from schema names only; every value is a bound parameter
    conn.execute("INSERT INTO {} ({}) SELECT {} FROM {} ORDER BY rowid".format(  # nosec B608
        q(new), ", ".join(targets), ", ".join(exprs), q(name)), params)
    conn.execute("DROP TABLE {}".format(q(name)))
    conn.execute("ALTER TABLE {} RENAME TO {}".format(q(new), q(name)))
    if seq is not None:
        conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", (name,))
        # bandit B608: SQL text built from schema names only; every value is a bound parameter
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, max(?, (SELECT coalesce(max(rowid), 0) "  # nosec B608
                     "FROM {})))".format(q(name)), (name, seq[0]))
    for text in saved:
        conn.execute(text)
    conn.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (now_text(), name))
    return True


def has_table(conn, name: str) -> bool:
    """True when the file has a table called *name*."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def create_attribute_table(conn, name: str) -> bool:
    """Create the attribute table *name* as a fresh programme has it (columns, GDAL's feature-count
    triggers, registration in gpkg_contents and gpkg_ogr_contents); False when it exists already.

    Its indexes come from add_missing_indexes, its guards from gpkg_guards.install.
    """
    if has_table(conn, name):
        return False
    tmpl = template()
    if schema.table(name).geometry:
        raise ProgrammeError(tr("The upgrade cannot add the spatial table {}.").format(name))
    conn.execute(tmpl["tables"][name])
    _table, data_type, identifier, description = tmpl["contents"][name]
    conn.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                 "VALUES (?, ?, ?, ?, ?)", (name, data_type, identifier, description, now_text()))
    conn.execute("INSERT INTO gpkg_ogr_contents (table_name, feature_count) VALUES (?, 0)", (name,))
    for text in tmpl["triggers"].get(name, []):
        conn.execute(text)
    return True


def add_missing_value_codes(conn) -> int:
    """Insert the value-list codes of the current schema that the programme lacks; how many."""
    have = set(conn.execute("SELECT list, code FROM value_lists"))
    rows = [row for row in value_list_rows() if row[:2] not in have]
    conn.executemany("INSERT INTO value_lists (list, code, label_en, label_nl) VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def add_missing_indexes(conn) -> list:
    """Create the indexes a fresh programme has on the schema tables and this one lacks; their names."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    made = []
    for name, (table, text) in sorted(template()["indexes"].items()):
        if name not in present and has_table(conn, table):
            conn.execute(text)
            made.append(name)
    return made


def step_2(conn, info: dict) -> None:
    """1 -> 2: row_version (1), uid (fresh UUIDs), modified_at/by ('migration', now) where missing; guards."""
    from gebiedsplugin.qgis_io.store import gpkg_guards

    now = now_text()
    fill = {
        schema.ROW_VERSION: ("1", ()),
        "uid": ("gebied_uuid()", ()),
        "modified_at": ("?", (now,)), "created_at": ("?", (now,)),
        "modified_by": ("'migration'", ()), "created_by": ("'migration'", ()),
    }
    for table in schema.TABLES:
        if has_table(conn, table.name):  # tables of later versions are made by their own step
            rebuild_table(conn, table.name, fill)
    add_missing_indexes(conn)
    gpkg_guards.install(conn, [t for t in schema.VERSIONED_TABLES if has_table(conn, t)])


def step_3(conn, info: dict) -> None:
    """2 -> 3: quarters, indicative, contact and baseline year on interventions (NULL: whole years, not
    indicative, as before), certainty on findings (NULL: certain), table effect_measurements, the
    new value-list codes; guards on the new table."""
    from gebiedsplugin.qgis_io.store import gpkg_guards

    create_attribute_table(conn, "effect_measurements")
    for table in schema.TABLES:
        rebuild_table(conn, table.name, {})
    add_missing_value_codes(conn)
    add_missing_indexes(conn)
    gpkg_guards.install(conn)


def step_4(conn, info: dict) -> None:
    """3 -> 4: each uid's unique index as gpkg_create.uid_index_sql makes it (QGIS no longer reads every uid at
    each new feature); the same rows stay unique."""
    from gebiedsplugin.qgis_io.store.gpkg_create import uid_index_sql

    for table in schema.UID_TABLES:
        if not has_table(conn, table):
            continue
        name = "ux_{}_uid".format(table)
        found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone()
        if found is None or found[0] != uid_index_sql(table):
            conn.execute("DROP INDEX IF EXISTS {}".format(q(name)))
            conn.execute(uid_index_sql(table))


STEPS = {2: step_2, 3: step_3, 4: step_4}


def backup_path(path: str, version: int, when: datetime | None = None) -> Path:
    """The sibling file the backup of *path* (schema *version*) goes to; never an existing file."""
    p = Path(path)
    stamp = (when or datetime.now()).strftime("%Y%m%d%H%M%S")
    target = p.with_name("{}_v{}_backup_{}.gpkg".format(p.stem, version, stamp))
    n = 1
    while target.exists():
        n += 1
        target = p.with_name("{}_v{}_backup_{}_{}.gpkg".format(p.stem, version, stamp, n))
    return target


def upgrade(path: str, backup: str | None, run_steps, cancelled=lambda: False, progress=lambda _p: None) -> dict:
    """Back up *path* to *backup* (unless None) and upgrade it, all steps and the version bump in one transaction.

    *run_steps(found_version, conn_or_cursor, info)* is the framework's loop over STEPS. Returns
    {'from': n, 'to': m, 'backup': path or None}; from == to when there was nothing to do. Cancelled as
    soon as *cancelled()* says so, also within a statement (SQLite's progress handler interrupts it):
    rolled back, the backup removed; *progress(percent)* after the backup and at the end.
    """
    conn = connect(path)
    reader = None
    try:
        conn.execute("PRAGMA legacy_alter_table = ON")  # a rename must not re-check other tables' triggers
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise ProgrammeError(tr("{} is in use by another session ({}); try the upgrade again later.").format(
                path, e)) from None
        try:
            info = schema_info(conn)
            found = int(info.get("schema_version", "0") or 0)
            if found >= schema.SCHEMA_VERSION:
                conn.execute("ROLLBACK")
                return {"from": found, "to": found, "backup": None}
            if cancelled():
                raise Cancelled()
            conn.set_progress_handler(lambda: 1 if cancelled() else 0, INTERRUPT_EVERY)
            if backup:
                # A second connection reads the file as it is now: we hold the write lock, nobody changes it.
                reader = sqlite3.connect(str(path), isolation_level=None, timeout=10)
                reader.set_progress_handler(lambda: 1 if cancelled() else 0, INTERRUPT_EVERY)
                reader.execute("VACUUM INTO ?", (str(backup),))
                reader.close()
                reader = None
                progress(50.0)
            run_steps(found, conn, info)
            if cancelled():
                raise Cancelled()
            conn.set_progress_handler(None, 0)  # the commit itself is not interrupted
            conn.execute("COMMIT")
            progress(100.0)
        except BaseException as e:
            conn.set_progress_handler(None, 0)  # or the rollback would be interrupted too
            if reader is not None:
                reader.close()
            conn.execute("ROLLBACK")
            if backup and os.path.exists(backup):
                os.unlink(backup)  # the programme is untouched: the copy would only confuse
            if isinstance(e, sqlite3.OperationalError) and cancelled():
                raise Cancelled() from None
            raise
        return {"from": found, "to": schema.SCHEMA_VERSION, "backup": backup}
    finally:
        conn.close()
